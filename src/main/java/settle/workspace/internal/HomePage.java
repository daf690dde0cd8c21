package settle.workspace.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import java.util.stream.Collectors;
import settle.collections.CollectionActions;
import settle.common.Money;
import settle.customers.CustomerDirectory;
import settle.customers.CustomerView;
import settle.invoicing.InvoiceView;
import settle.orders.OrderStatus;
import settle.orders.OrderView;
import settle.orders.Orders;
import settle.disputes.Disputes;
import settle.invoicing.Invoices;
import settle.invoicing.Invoices.AgingBucket;
import settle.payments.CustomerCredit;
import settle.tasks.Inbox;

/** The dashboard: receivables and their age, the work waiting, open disputes and this week's promises. */
@Controller
class HomePage {

  private final Clock clock;
  private final Invoices invoices;
  private final Inbox inbox;
  private final Disputes disputes;
  private final CollectionActions collections;
  private final ObjectMapper json;
  private final CustomerCredit credit;
  private final Orders orders;
  private final CustomerDirectory customers;

  HomePage(Clock clock, Invoices invoices, Inbox inbox, Disputes disputes, CollectionActions collections, ObjectMapper json,
           CustomerCredit credit, Orders orders, CustomerDirectory customers) {
    this.orders = orders;
    this.customers = customers;
    this.credit = credit;
    this.clock = clock;
    this.invoices = invoices;
    this.inbox = inbox;
    this.disputes = disputes;
    this.collections = collections;
    this.json = json;
  }

  /** A promise due this week as the dashboard lists it: the invoice by its number, whose it is, how much. */
  record PromiseRow(LocalDate date, String invoiceNumber, String customer, long customerId, String amount, String takenBy) {}

  record AgingRow(String label, long invoices, String amount) {}

  /** "1-30" reads "1-30 days past due"; "current" is what is not due yet. */
  private static String agingLabel(String bucket) {
    return bucket.equals("current") ? "Not yet due" : bucket + " days";
  }

  @GetMapping("/")
  String dashboard(@RequestParam(required = false) String currency, Model model) throws JsonProcessingException {
    LocalDate today = LocalDate.now(clock);
    // amounts in different currencies are never added up: one currency at a time, the most used first
    List<String> currencies = invoices.openCurrencies();
    String shown = currency != null && currencies.contains(currency) ? currency : currencies.isEmpty() ? "EUR" : currencies.getFirst();
    model.addAttribute("currency", shown);
    model.addAttribute("currencies", currencies);
    List<AgingBucket> aging = invoices.aging(today, shown);
    BigDecimal open = aging.stream().map(AgingBucket::openAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal overdue = aging.stream().skip(1).map(AgingBucket::openAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
    var waiting = inbox.waitingByGroup();
    model.addAttribute("openAr", Money.format(open, shown));
    model.addAttribute("overdueAr", Money.format(overdue, shown));
    model.addAttribute("creditHeld", Money.format(credit.totals().stream().filter(b -> b.currency().equals(shown))
        .map(CustomerCredit.Balance::amount).findFirst().orElse(BigDecimal.ZERO), shown));
    Map<OrderStatus, Long> orderCounts = orders.ofCustomer(null).stream()
        .collect(Collectors.groupingBy(OrderView::status, Collectors.counting()));
    model.addAttribute("ordersOnHold", orderCounts.getOrDefault(OrderStatus.ON_HOLD, 0L));
    model.addAttribute("ordersToShip", orderCounts.getOrDefault(OrderStatus.APPROVED, 0L));
    model.addAttribute("aging", aging.stream().map(b -> new AgingRow(agingLabel(b.bucket()), b.invoices(),
        Money.format(b.openAmount(), shown))).toList());
    model.addAttribute("waiting", waiting);
    // the table and the chart beside it name each team in the same words
    model.addAttribute("teamNames", waiting.stream().collect(java.util.stream.Collectors.toMap(Inbox.Waiting::group,
        w -> TaskWords.groupName(w.group()), (a, b) -> a)));
    model.addAttribute("disputes", disputes.openByTeam());
    // the week's promises name their invoices and customers, each looked up once for the whole list
    var promised = collections.promisesDue(today, today.plusDays(7));
    Map<Long, InvoiceView> promisedInvoices = invoices.get(promised.stream().map(p -> p.invoiceId()).toList());
    Map<Long, CustomerView> promisingCustomers = customers.get(promisedInvoices.values().stream().map(InvoiceView::customerId).toList());
    model.addAttribute("promises", promised.stream().map(p -> {
      InvoiceView invoice = promisedInvoices.get(p.invoiceId());
      return new PromiseRow(p.date(), invoice.number(), promisingCustomers.get(invoice.customerId()).name(), invoice.customerId(),
          Money.format(p.amount(), invoice.currency()), p.takenBy());
    }).toList());
    model.addAttribute("agingChart", json.writeValueAsString(Map.of(
        "labels", aging.stream().map(b -> agingLabel(b.bucket())).toList(),
        "values", aging.stream().map(AgingBucket::openAmount).toList())));
    model.addAttribute("waitingChart", json.writeValueAsString(Map.of(
        "labels", waiting.stream().map(w -> TaskWords.groupName(w.group())).toList(),
        "fresh", waiting.stream().map(Inbox.Waiting::underADay).toList(),
        "mid", waiting.stream().map(Inbox.Waiting::oneToThreeDays).toList(),
        "old", waiting.stream().map(Inbox.Waiting::overThreeDays).toList())));
    return "pages/home";
  }
}
