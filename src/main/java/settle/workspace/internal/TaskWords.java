package settle.workspace.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import settle.common.Money;
import settle.customers.CustomerDirectory;
import settle.customers.CustomerView;
import settle.invoicing.InvoiceView;
import settle.invoicing.Invoices;
import settle.payments.BankStatements;
import settle.tasks.TaskView;

/**
 * A task in the words of the person who works it: whose it is, which document, how much, how late, and
 * what is asked. A page of tasks is named with one query per kind of document (invoices, customers,
 * statements), never one per task.
 */
@Component("taskWords")
public class TaskWords {

  /**
   * {@code customer} the customer's name (null when the task is about none), {@code document} the document in words,
   * {@code amount} formatted with its currency, {@code daysOverdue} null when nothing is overdue.
   */
  public record About(Long customerId, String customer, String document, String amount, Long daysOverdue, String asked,
                      String priorityReason) {

    public String overdue() {
      return daysOverdue == null ? "" : daysOverdue == 1 ? "1 day overdue" : daysOverdue + " days overdue";
    }
  }

  /** What each kind of task asks, by its BPMN element id; {@code {customer}} and {@code {payer}} are filled in. */
  private static final Map<String, String> ASKS = Map.ofEntries(
      Map.entry("collector-call", "Call {contact} at {customer} about the overdue invoice and record what they say"),
      Map.entry("broken-promise", "{customer} did not pay as promised: call them and record what they say now"),
      Map.entry("call-about-instalment", "{customer} missed an instalment of their payment plan: call them"),
      Map.entry("missed-instalment", "{customer} missed an instalment: call them, cancel the plan or hand it to an agency"),
      Map.entry("escalation", "Decide how to go on with {customer}: agency, legal, a payment plan or more reminders"),
      Map.entry("follow-up-hand-over", "Ask the agency or lawyer where the case of {customer} stands and note it"),
      Map.entry("apply-cash", "Say what the payment from {payer} pays: invoices, the customer's account, or return it"),
      Map.entry("review-failed-posting", "A payment was larger than what is open: check it, then match the statement again"),
      Map.entry("investigate-dispute", "Investigate the dispute of {customer} and decide: credit, adjustment or rejection"),
      Map.entry("investigate-escalated", "The dispute of {customer} passed its deadline: investigate and decide"),
      Map.entry("approve-credit", "Approve or refuse the credit proposed for {customer}"),
      Map.entry("review-credit", "The credit for {customer} could not be posted as decided: decide again"),
      Map.entry("review-credit-exception", "Approve or reject the order of {customer}, giving a reason"),
      Map.entry("approve-credit-limit", "Approve or refuse raising the credit limit of {customer}: {limitChange}. Why: {limitReason}"),
      Map.entry("object-to-credit-cut", "The credit limit of {customer} is to be cut ({limitChange}). Why: {limitReason}."
          + " Object here, saying why, or let it take effect"),
      Map.entry("decide-objected-cut", "The account owner objected to cutting the credit limit of {customer} ({limitChange}):"
          + " decide whether the cut goes ahead"));

  private final Invoices invoices;
  private final CustomerDirectory customers;
  private final BankStatements statements;
  private final Clock clock;

  TaskWords(Invoices invoices, CustomerDirectory customers, BankStatements statements, Clock clock) {
    this.invoices = invoices;
    this.customers = customers;
    this.statements = statements;
    this.clock = clock;
  }

  public About about(TaskView task) {
    return about(List.of(task)).get(task.id());
  }

  /** Every task of a page in words, keyed by task id. */
  public Map<Long, About> about(Collection<TaskView> tasks) {
    Set<Long> invoiceIds = new HashSet<>();
    Set<Long> statementIds = new HashSet<>();
    for (TaskView task : tasks) {
      Long invoice = subjectId(task, "invoice");
      if (invoice == null) {
        invoice = number(task.variables().get("invoiceId"));
      }
      if (invoice != null) {
        invoiceIds.add(invoice);
      }
      Long statement = subjectId(task, "statement");
      if (statement != null) {
        statementIds.add(statement);
      }
    }
    Map<Long, InvoiceView> invoiceById = invoices.get(invoiceIds);
    Set<Long> customerIds = new HashSet<>();
    for (TaskView task : tasks) {
      Long customer = customerOf(task, invoiceById);
      if (customer != null) {
        customerIds.add(customer);
      }
    }
    Map<Long, CustomerView> customerById = customers.get(customerIds);
    Map<Long, String> statementTitles = statements.titles(statementIds);
    LocalDate today = LocalDate.now(clock);
    Map<Long, About> about = new LinkedHashMap<>();
    for (TaskView task : tasks) {
      Map<String, Object> v = task.variables();
      Long invoiceId = subjectId(task, "invoice") != null ? subjectId(task, "invoice") : number(v.get("invoiceId"));
      InvoiceView invoice = invoiceId == null ? null : invoiceById.get(invoiceId);
      Long customerId = customerOf(task, invoiceById);
      CustomerView customer = customerId == null ? null : customerById.get(customerId);
      String document = null;
      String amount = null;
      Long overdue = null;
      String kind = kind(task);
      if (invoice != null) {
        document = ("dispute".equals(kind) ? "Dispute on invoice " : "Invoice ") + invoice.number();
        amount = "dispute".equals(kind) ? money(v.get("amount"), v.get("currency")) : Money.format(invoice.openAmount(), invoice.currency());
        long days = ChronoUnit.DAYS.between(invoice.dueDate(), today);
        overdue = days > 0 && invoice.openAmount().signum() > 0 ? days : null;
      } else if ("order".equals(kind)) {
        document = "Order " + subjectId(task, "order") + (v.get("poNumber") == null ? "" : " (PO " + v.get("poNumber") + ")");
        amount = money(v.get("orderAmount"), v.get("currency"));
      } else if (v.get("newLimit") != null && "customer".equals(kind)) {
        document = "Credit limit";
        amount = money(v.get("newLimit"), v.get("currency"));
      } else if ("statement".equals(kind)) {
        String title = statementTitles.getOrDefault(subjectId(task, "statement"), "Bank statement");
        document = title + (v.get("valueDate") == null ? "" : ", payment of " + settle.common.Dates.day(LocalDate.parse(v.get("valueDate").toString())));
        amount = money(v.get("amount"), v.get("currency"));
      }
      String customerName = customer == null ? null : customer.name();
      String contact = customer == null || customer.apContactName() == null || customer.apContactName().isBlank()
          ? "the AP contact" : customer.apContactName();
      String payer = v.get("payerName") == null ? "an unknown payer" : String.valueOf(v.get("payerName"));
      String asked = ASKS.getOrDefault(task.taskType(), task.name())
          .replace("{customer}", customerName == null ? "the customer" : customerName)
          .replace("{contact}", contact).replace("{payer}", payer)
          .replace("{limitChange}", String.valueOf(money(v.get("creditLimit"), v.get("currency"))) + " → "
              + money(v.get("newLimit"), v.get("currency")))
          .replace("{limitReason}", String.valueOf(v.get("creditReview") instanceof Map<?, ?> review ? review.get("reason") : ""));
      about.put(task.id(), new About(customerId, customerName, document, amount, overdue, asked, priorityReason(task, customer)));
    }
    return about;
  }

  /** Why the task stands where it does on the worklist, in words. */
  private static String priorityReason(TaskView task, CustomerView customer) {
    if (task.priorityProblem() != null) {
      return "Priority unknown: the task priority table could not weigh this task, so it comes first until the table is fixed";
    }
    Map<String, Object> v = task.variables();
    Object rating = v.get("riskRating") != null ? v.get("riskRating") : customer == null ? null : customer.riskRating();
    BigDecimal amount = decimal(v.get("openAmount"), v.get("amount"), v.get("orderAmount"));
    Object currency = v.get("currency") != null ? v.get("currency") : customer == null ? null : customer.currency();
    // as the priority counts them: from the invoice's due date to the day the task opened
    Long days = v.get("dueDate") != null
        ? Long.valueOf(ChronoUnit.DAYS.between(LocalDate.parse(String.valueOf(v.get("dueDate"))),
            task.createdAt().atZone(java.time.ZoneOffset.UTC).toLocalDate()))
        : number(v.get("maxDaysPastDue"));
    StringBuilder why = new StringBuilder();
    why.append(rating == null ? "No risk rating" : "Risk rating " + String.valueOf(rating).toLowerCase(Locale.ROOT));
    if (amount != null) {
      why.append(", ").append(currency == null ? Money.number(amount) : Money.format(amount, String.valueOf(currency)));
    }
    if (days != null && days > 0) {
      why.append(", ").append(days).append(days == 1 ? " day" : " days").append(" past due when it opened");
    }
    return why.toString();
  }

  /** The customer a task is about: its own variable, else its invoice's. */
  private static Long customerOf(TaskView task, Map<Long, InvoiceView> invoices) {
    Long customer = number(task.variables().get("customerId"));
    if (customer == null) {
      customer = subjectId(task, "customer");
    }
    if (customer == null) {
      Long invoiceId = subjectId(task, "invoice") != null ? subjectId(task, "invoice") : number(task.variables().get("invoiceId"));
      InvoiceView invoice = invoiceId == null ? null : invoices.get(invoiceId);
      customer = invoice == null ? null : invoice.customerId();
    }
    return customer;
  }

  private static String kind(TaskView task) {
    String subject = task.subject();
    return subject == null || !subject.contains(":") ? "" : subject.substring(0, subject.indexOf(':'));
  }

  private static Long subjectId(TaskView task, String kind) {
    String subject = task.subject();
    if (subject == null || !subject.startsWith(kind + ":")) {
      return null;
    }
    String id = subject.substring(kind.length() + 1);
    return id.matches("\\d{1,18}") ? Long.parseLong(id) : null;
  }

  private static Long number(Object value) {
    if (value instanceof Number n) {
      return n.longValue();
    }
    return value != null && String.valueOf(value).matches("-?\\d{1,18}") ? Long.parseLong(String.valueOf(value)) : null;
  }

  private static BigDecimal decimal(Object... values) {
    for (Object value : values) {
      if (value != null) {
        try {
          return new BigDecimal(String.valueOf(value));
        } catch (NumberFormatException e) {
          // not a figure: try the next
        }
      }
    }
    return null;
  }

  private static String money(Object amount, Object currency) {
    BigDecimal figure = decimal(amount);
    return figure == null ? null : currency == null ? Money.number(figure) : Money.format(figure, String.valueOf(currency));
  }

  /** A candidate group as people name it: {@code cash-appliers} → "Cash appliers". */
  public static String groupName(String group) {
    String words = group.replace('-', ' ');
    return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  /** "Collectors and Cash appliers", "A, B and C". */
  public static String groupNames(Collection<String> groups) {
    List<String> names = groups.stream().map(TaskWords::groupName).sorted().toList();
    if (names.size() <= 1) {
      return String.join("", names);
    }
    return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.getLast();
  }

  /** A form's choice in words: {@code NO_ANSWER} → "No answer", with a few the form's code says too shortly. */
  public static String option(String code) {
    String said = OPTIONS.get(code);
    if (said != null) {
      return said;
    }
    String words = code.replace('_', ' ').toLowerCase(Locale.ROOT);
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  /** A form's condition in words: {@code outcome=PROMISE|DISPUTE} → "Outcome is promise to pay or dispute". */
  public static String requiredWhen(String condition) {
    String[] parts = condition.split("=", 2);
    String field = new settle.tasks.FormField(parts[0], "text", false, List.of()).label();
    return parts.length < 2 ? field : field + " is " + String.join(" or ",
        java.util.Arrays.stream(parts[1].split("\\|")).map(o -> option(o.strip()).toLowerCase(Locale.ROOT)).toList());
  }

  private static final Map<String, String> OPTIONS = new HashMap<>(Map.of(
      "APPLY", "Apply to invoices",
      "ON_ACCOUNT", "Hold on the customer's account",
      "RETURN", "Return to the payer",
      "PROMISE", "Promise to pay",
      "REACHED", "Reached, no promise",
      "WRONG_CONTACT", "Wrong contact",
      "CREDIT_MEMO", "Credit memo",
      "ADJUSTMENT", "Adjust the invoice",
      "REJECTED", "Reject the dispute",
      "CONTINUE", "Continue dunning"));
}
