package settle.workspace.internal;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import settle.audit.AuditEntry;
import settle.audit.AuditLog;
import settle.common.InvalidRequestException;
import settle.common.Money;
import settle.credit.CreditExposure;
import settle.customers.AccountOwnership;
import settle.customers.CustomerDirectory;
import settle.customers.CustomerView;
import settle.invoicing.InvoiceView;
import settle.invoicing.Invoices;
import settle.orders.NewOrder;
import settle.orders.OrderStatus;
import settle.orders.OrderView;
import settle.orders.Orders;
import settle.orders.PaymentTerms;
import settle.staff.Role;
import settle.staff.StaffDirectory;
import settle.staff.StaffMember;

/**
 * Sales, credit and operations at work on orders: the list (a salesperson sees their own customers'),
 * an order's page with its credit decision and invoice, placing an order, marking it shipped and
 * releasing a credit hold. Each action calls the service the API calls, so the same rules hold.
 */
@Controller
class OrderPages {

  /** Rows of the new-order form shown empty, so most orders need no "add a line". */
  private static final int BLANK_LINES = 3;

  private final Orders orders;
  private final CustomerDirectory customers;
  private final AccountOwnership ownership;
  private final StaffDirectory staff;
  private final Invoices invoices;
  private final AuditLog audit;
  private final CreditExposure exposure;
  private final Validator validator;

  OrderPages(Orders orders, CustomerDirectory customers, AccountOwnership ownership, StaffDirectory staff, Invoices invoices,
             AuditLog audit, CreditExposure exposure, Validator validator) {
    this.orders = orders;
    this.customers = customers;
    this.ownership = ownership;
    this.staff = staff;
    this.invoices = invoices;
    this.audit = audit;
    this.exposure = exposure;
    this.validator = validator;
  }

  record Row(OrderView order, CustomerView customer) {}

  record Filter(OrderStatus status, long count) {}

  /** The credit decision as the order's page tells it: what was decided, why, and on which figures. */
  record Decision(String outcome, String reason, List<String> basis) {}

  static final int PAGE_SIZE = 50;

  @GetMapping("/orders")
  String list(@RequestParam(required = false) String status, @RequestParam(defaultValue = "1") int page, Model model) {
    Map<Long, CustomerView> mine = mine();
    List<Row> all = orders.ofCustomer(null).stream().filter(o -> mine.containsKey(o.customerId()))
        .map(o -> new Row(o, mine.get(o.customerId()))).toList();
    OrderStatus chosen = Arrays.stream(OrderStatus.values()).filter(s -> s.name().equals(status)).findFirst().orElse(null);
    Map<OrderStatus, Long> counts = all.stream().collect(Collectors.groupingBy(r -> r.order().status(), Collectors.counting()));
    List<Row> shown = chosen == null ? all : all.stream().filter(r -> r.order().status() == chosen).toList();
    // a page at a time: the demo company alone has some two thousand orders
    int pages = Math.max(1, (shown.size() + PAGE_SIZE - 1) / PAGE_SIZE);
    int current = Math.clamp(page, 1, pages);
    model.addAttribute("rows", shown.subList((current - 1) * PAGE_SIZE, Math.min(shown.size(), current * PAGE_SIZE)));
    model.addAttribute("page", current);
    model.addAttribute("pages", pages);
    model.addAttribute("matching", shown.size());
    model.addAttribute("total", all.size());
    model.addAttribute("filters", Arrays.stream(OrderStatus.values()).map(s -> new Filter(s, counts.getOrDefault(s, 0L))).toList());
    model.addAttribute("status", chosen);
    model.addAttribute("ownOnly", !staff.signedIn().worksEveryCustomer() && staff.signedIn().has(Role.SALES));
    model.addAttribute("mayPlace", mayPlace());
    return "pages/orders";
  }

  @GetMapping("/orders/{id}")
  String order(@PathVariable long id, Model model) {
    OrderView order = orders.get(id);
    CustomerView customer = customers.get(order.customerId());
    StaffMember me = staff.signedIn();
    model.addAttribute("order", order);
    model.addAttribute("customer", customer);
    model.addAttribute("terms", termsInWords(order.terms()));
    model.addAttribute("decision", decision(order));
    model.addAttribute("invoice", order.invoiceId() == null ? null : invoices.get(order.invoiceId()));
    model.addAttribute("exposure", exposure.of(customer.id()));
    boolean actsFor = me.mayActFor(customer.accountOwnerEmail());
    model.addAttribute("mayFulfil", actsFor && me.has(Role.OPERATIONS) && order.status() == OrderStatus.APPROVED);
    boolean releases = me.has(Role.CREDIT_ANALYST) || me.has(Role.FINANCE_MANAGER);
    model.addAttribute("mayRelease", actsFor && releases && order.status() == OrderStatus.ON_HOLD);
    // only someone who could release it otherwise needs telling that placing it rules them out
    model.addAttribute("fourEyes", releases && me.username().equals(order.placedBy()));
    return "pages/order";
  }

  @GetMapping("/orders/new")
  String newOrder(@RequestParam(required = false) Long customerId, Model model) {
    Map<String, String> values = new LinkedHashMap<>();
    if (customerId != null) {
      values.put("customerId", customerId.toString());
    }
    values.put("paymentTerms", "NET30");
    return form(model, values, List.of(), Map.of());
  }

  @PostMapping("/orders")
  String place(@RequestParam(required = false) Long customerId, @RequestParam(required = false) String paymentTerms,
               @RequestParam(required = false) String discountPercent, @RequestParam(required = false) String poNumber,
               @RequestParam(name = "description", required = false) List<String> descriptions,
               @RequestParam(name = "quantity", required = false) List<String> quantities,
               @RequestParam(name = "unitPrice", required = false) List<String> unitPrices,
               Model model, RedirectAttributes flash) {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("customerId", customerId == null ? "" : customerId.toString());
    values.put("paymentTerms", paymentTerms);
    values.put("discountPercent", discountPercent);
    values.put("poNumber", poNumber);
    List<String[]> typed = new ArrayList<>();
    Map<String, String> errors = new LinkedHashMap<>();
    List<NewOrder.Line> lines = new ArrayList<>();
    int rows = Math.max(size(descriptions), Math.max(size(quantities), size(unitPrices)));
    for (int i = 0; i < rows; i++) {
      String[] line = {at(descriptions, i), at(quantities, i), at(unitPrices, i)};
      if (Arrays.stream(line).allMatch(String::isBlank)) {
        continue; // a row left empty is no line
      }
      int n = typed.size();
      typed.add(line);
      BigDecimal quantity = number(line[1], "lines[" + n + "].quantity", "Quantity", errors);
      BigDecimal price = number(line[2], "lines[" + n + "].unitPrice", "Unit price", errors);
      lines.add(new NewOrder.Line(line[0].strip(), quantity, price));
    }
    BigDecimal discount = discountPercent == null || discountPercent.isBlank() ? null
        : number(discountPercent, "discountPercent", "Discount", errors);
    if (customerId == null) {
      errors.put("customerId", "Choose the customer the order is for.");
    }
    NewOrder request = new NewOrder(customerId, lines, discount, paymentTerms, poNumber);
    for (ConstraintViolation<NewOrder> v : validator.validate(request)) {
      errors.putIfAbsent(v.getPropertyPath().toString(), message(v.getPropertyPath().toString(), v.getMessage()));
    }
    if (errors.isEmpty() && PaymentTerms.parse(paymentTerms).isEmpty()) {
      errors.put("paymentTerms", "Write the terms as NET30, or with an early-payment discount as 2/10 NET30.");
    }
    if (errors.isEmpty()) {
      try {
        ownership.mustActFor(customerId);
        OrderView placed = orders.place(request, staff.signedIn().username());
        flash.addFlashAttribute("notice", "Order " + placed.number() + " placed for " + customers.get(customerId).name()
            + ". Credit is checking it now.");
        return "redirect:/orders/" + placed.id();
      } catch (InvalidRequestException e) {
        errors.put(e.field(), e.getMessage());
      }
    }
    return form(model, values, typed, errors);
  }

  @PostMapping("/orders/{id}/fulfilment")
  String fulfil(@PathVariable long id, RedirectAttributes flash) {
    ownership.mustActFor(orders.get(id).customerId());
    OrderView order = orders.fulfil(id, staff.signedIn().username());
    flash.addFlashAttribute("notice", "Order " + order.number() + " marked as shipped. Its invoice goes to the customer next.");
    return "redirect:/orders/" + id;
  }

  @PostMapping("/orders/{id}/credit-release")
  String release(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes flash) {
    if (reason == null || reason.isBlank()) {
      throw new InvalidRequestException("reason", "Say why you release the hold: the account owner and the audit trail read it.");
    }
    ownership.mustActFor(orders.get(id).customerId());
    OrderView order = orders.releaseCreditHold(id, reason.strip(), staff.signedIn().username());
    flash.addFlashAttribute("notice", "Credit hold on order " + order.number() + " released. The order goes ahead to shipping.");
    return "redirect:/orders/" + id;
  }

  private String form(Model model, Map<String, String> values, List<String[]> typed, Map<String, String> errors) {
    List<String[]> lines = new ArrayList<>(typed);
    while (lines.size() < Math.max(BLANK_LINES, typed.size() + 1)) {
      lines.add(new String[] {"", "", ""});
    }
    model.addAttribute("customers", mine().values().stream().sorted(Comparator.comparing(CustomerView::name)).toList());
    model.addAttribute("values", values);
    model.addAttribute("lines", lines);
    model.addAttribute("errors", errors);
    return "pages/order-new";
  }

  /** The customers the signed-in person works: a salesperson their own, everyone else all. */
  private Map<Long, CustomerView> mine() {
    StaffMember me = staff.signedIn();
    return customers.all().stream().filter(c -> me.mayActFor(c.accountOwnerEmail()))
        .collect(Collectors.toMap(CustomerView::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
  }

  private boolean mayPlace() {
    StaffMember me = staff.signedIn();
    return me.has(Role.SALES) || me.has(Role.OPERATIONS);
  }

  private Decision decision(OrderView order) {
    return audit.trail("order:" + order.id()).stream().filter(e -> e.action().equals("decision.credit-decision"))
        .reduce((first, second) -> second).map(OrderPages::decision).orElse(null);
  }

  @SuppressWarnings("unchecked")
  private static Decision decision(AuditEntry entry) {
    Map<String, Object> output = entry.details().get("output") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    Map<String, Object> inputs = entry.details().get("inputs") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    String outcome = switch (String.valueOf(output.get("decision"))) {
      case "APPROVE" -> "Approved by the credit policy";
      case "REVIEW" -> "Sent to a credit analyst";
      case "HOLD" -> "Put on credit hold";
      default -> "Decided";
    };
    List<String> basis = new ArrayList<>();
    if (inputs.get("riskRating") != null) {
      String rating = String.valueOf(inputs.get("riskRating")).toLowerCase(java.util.Locale.ROOT);
      basis.add(Character.toUpperCase(rating.charAt(0)) + rating.substring(1) + " risk");
    }
    if (inputs.get("exposureRatio") != null) {
      basis.add(CreditExposure.percent(new BigDecimal(String.valueOf(inputs.get("exposureRatio"))))
          + "% of the credit limit in use with this order");
    }
    if (inputs.get("maxDaysPastDue") != null) {
      basis.add("Oldest unpaid invoice " + inputs.get("maxDaysPastDue") + " days past due");
    }
    return new Decision(outcome, output.get("reason") == null ? null : String.valueOf(output.get("reason")), basis);
  }

  /** "2% off if paid within 10 days, otherwise net 30 days". */
  static String termsInWords(PaymentTerms terms) {
    String net = "due " + terms.netDays() + " days after the invoice";
    return terms.hasEarlyPaymentDiscount()
        ? terms.discountPercent().stripTrailingZeros().toPlainString() + "% off if paid within " + terms.discountDays()
            + " days, otherwise " + net
        : net;
  }

  private static String message(String path, String message) {
    String field = path.replaceAll("lines\\[(\\d+)]\\.", "");
    String label = switch (field) {
      case "customerId" -> "Customer";
      case "lines" -> "Lines";
      case "description" -> "Description";
      case "quantity" -> "Quantity";
      case "unitPrice" -> "Unit price";
      case "discountPercent" -> "Discount";
      case "paymentTerms" -> "Payment terms";
      case "poNumber" -> "PO number";
      default -> field;
    };
    if (field.equals("lines")) {
      return "Add at least one line: what is sold, how many, at what unit price.";
    }
    boolean missing = message.startsWith("must not be");
    return label + (missing ? " is missing" : " " + message) + ".";
  }

  private static BigDecimal number(String text, String field, String label, Map<String, String> errors) {
    if (text == null || text.isBlank()) {
      return null; // the validator names a missing number
    }
    try {
      return new BigDecimal(text.strip().replace(",", ""));
    } catch (NumberFormatException e) {
      errors.put(field, label + " '" + text.strip() + "' is not a number.");
      return null;
    }
  }

  private static int size(List<String> list) {
    return list == null ? 0 : list.size();
  }

  private static String at(List<String> list, int i) {
    return list == null || i >= list.size() || list.get(i) == null ? "" : list.get(i);
  }
}
