package settle.collaboration;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import settle.audit.AuditEntry;
import settle.audit.AuditLog;
import settle.common.Money;
import settle.customers.CustomerDirectory;
import settle.disputes.Disputes;
import settle.invoicing.Invoices;
import settle.orders.Orders;

/**
 * A customer's story, newest first. It is read from the audit trail, so it shows exactly what was
 * recorded and nothing that was not: every record about the customer, its orders, invoices and disputes.
 */
@Service
public class Timeline {

  public static final List<String> KINDS = List.of("MAIL", "CALL", "NOTE", "TASK", "HOLD", "PROMISE", "DISPUTE", "PAYMENT",
      "CREDIT", "INVOICE");

  private final AuditLog audit;
  private final CustomerDirectory customers;
  private final Orders orders;
  private final Invoices invoices;
  private final Disputes disputes;

  Timeline(AuditLog audit, CustomerDirectory customers, Orders orders, Invoices invoices, Disputes disputes) {
    this.audit = audit;
    this.customers = customers;
    this.orders = orders;
    this.invoices = invoices;
    this.disputes = disputes;
  }

  public List<TimelineEntry> of(long customerId, Set<String> kinds, int limit) {
    String currency = customers.get(customerId).currency();
    List<String> subjects = new ArrayList<>();
    subjects.add("customer:" + customerId);
    orders.idsOf(customerId).forEach(id -> subjects.add("order:" + id));
    invoices.idsOf(customerId).forEach(id -> subjects.add("invoice:" + id));
    disputes.ofCustomer(customerId).forEach(d -> subjects.add("dispute:" + d.id()));
    List<TimelineEntry> entries = new ArrayList<>();
    long before = Long.MAX_VALUE;
    // page back through the trail until enough entries of the wanted kinds are found, or the story ends
    while (entries.size() < limit) {
      List<AuditEntry> page = audit.latest(subjects, before, 1000);
      for (AuditEntry e : page) {
        String kind = kindOf(e);
        if (kind != null && (kinds == null || kinds.isEmpty() || kinds.contains(kind)) && entries.size() < limit) {
          entries.add(new TimelineEntry(e.id(), e.at(), kind, titleOf(kind, e, currency), e.actor(), e.subject(), e.details(), whyOf(e)));
        }
      }
      if (page.size() < 1000) {
        break;
      }
      before = page.getLast().id();
    }
    return entries;
  }

  /** Bookkeeping records (planning, decisions' raw evaluations) stay in the audit trail, not the timeline. */
  static String kindOf(AuditEntry e) {
    String action = e.action();
    if (action.equals("mail.queued")) {
      return "MAIL";
    }
    if (action.equals("task.completed") && "collector-call".equals(e.details().get("taskType"))) {
      return "CALL";
    }
    if (action.equals("note.added")) {
      return "NOTE";
    }
    if (action.equals("task.opened") || action.equals("task.completed") || action.equals("task.withdrawn")) {
      return "TASK";
    }
    if (action.endsWith("-placed") && action.startsWith("collections.")) {
      return "HOLD";
    }
    if (action.startsWith("collections.promise") || action.startsWith("collections.payment-plan")
        || action.startsWith("collections.instalment")) {
      return "PROMISE";
    }
    if (action.startsWith("dispute.")) {
      return "DISPUTE";
    }
    if (action.equals("payment.recorded") || action.equals("invoice.early-payment-discount-taken")
        || action.equals("invoice.written-off") || action.equals("payment.credit-on-account")
        || action.equals("invoice.customer-credit-applied") || action.equals("customer-credit.refunded")
        || action.equals("payment.reversed") || action.startsWith("remittance-advice.")) {
      return "PAYMENT";
    }
    if (action.equals("decision.credit-decision") || action.startsWith("order.credit") || action.equals("order.placed")) {
      return "CREDIT";
    }
    if (action.equals("invoice.issued") || action.equals("invoice.handed-over")) {
      return "INVOICE";
    }
    return null;
  }

  private static String invoiceList(Object invoices, String currency) {
    if (!(invoices instanceof List<?> list)) {
      return "";
    }
    return String.join(", ", list.stream().map(i -> i instanceof Map<?, ?> m ? m.get("number") + " (" + money(m.get("amount"), currency) + ")" : "")
        .toList());
  }

  /**
   * The entry as a sentence with business words: amounts with their currency (the entry's, else the customer's), days
   * as "3 Dec 2026", codes as words, no internal references.
   */
  private static String titleOf(String kind, AuditEntry e, String customerCurrency) {
    Map<String, Object> d = e.details();
    String currency = d.get("currency") == null ? customerCurrency : String.valueOf(d.get("currency"));
    return switch (kind) {
      case "MAIL" -> "Mail to " + d.get("to") + ": " + d.get("subject");
      case "CALL" -> "Call: " + outcome(d, currency);
      case "NOTE" -> "Note by " + e.actor() + ": " + d.get("body");
      case "TASK" -> switch (e.action()) {
        case "task.opened" -> "Task opened: " + d.get("task");
        case "task.completed" -> "Task done: " + d.get("task") + outcomeSuffix(d);
        default -> "Task withdrawn: " + d.get("task") + (d.get("why") == null ? "" : " (" + d.get("why") + ")");
      };
      case "HOLD" -> capitalised(e.action().substring("collections.".length()).replace("-placed", "")) + " until "
          + day(d.get("heldUntil")) + ": " + d.get("reason");
      case "PROMISE" -> switch (e.action()) {
        case "collections.promise-recorded" -> "Promise to pay " + money(d.get("amount"), currency) + " by " + day(d.get("date"));
        case "collections.payment-plan-agreed" -> "Payment plan agreed";
        default -> capitalised(e.action().substring("collections.".length()).replace('-', ' '));
      };
      case "DISPUTE" -> capitalised(e.action().substring("dispute.".length()).replace('-', ' ')) + " dispute"
          + (d.get("amount") == null ? "" : " of " + money(d.get("amount"), currency))
          + (d.get("reasonCode") == null ? "" : " (" + reason(d.get("reasonCode")) + ")")
          + (d.get("outcome") == null ? "" : ": " + words(d.get("outcome")));
      case "PAYMENT" -> switch (e.action()) {
        case "payment.recorded" -> "Payment of " + money(d.get("amount"), currency) + " received" + paidThrough(d.get("reference"))
            + (d.get("valueDate") == null ? "" : ", value date " + day(d.get("valueDate")));
        case "invoice.written-off" -> "Written off " + money(d.get("amount"), currency) + (d.get("reason") == null ? "" : ": " + d.get("reason"));
        case "payment.credit-on-account" -> "Credit on account " + money(d.get("amount"), currency);
        case "invoice.customer-credit-applied" -> "Customer credit of " + money(d.get("amount"), currency) + " applied";
        case "payment.reversed" -> "Payment of " + money(d.get("amount"), currency) + " returned by the bank: "
            + d.get("reason") + "; " + money(d.get("openAmount"), currency) + " open again";
        case "remittance-advice.uploaded" -> "Remittance advice: a payment of " + money(d.get("amount"), currency)
            + " will cover " + invoiceList(d.get("invoices"), currency);
        case "remittance-advice.used" -> "Payment applied as the customer's remittance advice says";
        case "customer-credit.refunded" -> "Refund of " + money(d.get("amount"), currency) + paidThrough(d.get("reference"));
        default -> "Early-payment discount taken";
      };
      case "CREDIT" -> e.action().equals("decision.credit-decision") ? "Credit decision: " + resultOf(d)
          : e.action().equals("order.placed") ? "Order placed" : "Credit hold released: " + d.get("reason");
      case "INVOICE" -> e.action().equals("invoice.handed-over")
          ? ("WITH_LEGAL".equals(String.valueOf(d.get("status"))) ? "Handed over to legal" : "Handed over to the collection agency")
          : "Invoice " + d.getOrDefault("number", "") + " issued";
      default -> e.action();
    };
  }

  /** Where the decision behind an entry is explained: a mail's, a task's priority, a decision's own. */
  static String whyOf(AuditEntry e) {
    Map<String, Object> d = e.details();
    if (d.get("decision") instanceof Map<?, ?> decision && decision.get("evaluationKey") != null) {
      return "/why?decision=" + decision.get("evaluationKey");
    }
    if (e.action().equals("mail.queued") && d.get("mailKey") != null) {
      return "/why?mail=" + java.net.URLEncoder.encode(String.valueOf(d.get("mailKey")), java.nio.charset.StandardCharsets.UTF_8);
    }
    if (e.action().equals("task.opened") && d.get("priority") != null) {
      return "/why?task=" + d.get("taskId");
    }
    return null;
  }

  private static String outcome(Map<String, Object> d, String currency) {
    return d.get("form") instanceof Map<?, ?> form ? words(form.get("outcome"))
        + (form.get("promiseDate") == null ? "" : ", promised " + money(form.get("promiseAmount"), currency) + " by " + day(form.get("promiseDate")))
        + (form.get("notes") == null ? "" : " — " + form.get("notes")) : "";
  }

  private static String outcomeSuffix(Map<String, Object> d) {
    return d.get("form") instanceof Map<?, ?> form && form.get("outcome") != null ? " (" + words(form.get("outcome")) + ")"
        : d.get("form") instanceof Map<?, ?> form2 && form2.get("approved") != null
            ? (Boolean.parseBoolean(String.valueOf(form2.get("approved"))) ? " (approved)" : " (refused)") : "";
  }

  private static String resultOf(Map<String, Object> d) {
    return d.get("output") instanceof Map<?, ?> r ? words(r.get("decision")) + (r.get("reason") == null ? "" : " — " + r.get("reason"))
        : String.valueOf(d.get("output"));
  }

  private static String money(Object amount, String currency) {
    try {
      return Money.format(new java.math.BigDecimal(String.valueOf(amount)), currency);
    } catch (NumberFormatException e) {
      return String.valueOf(amount);
    }
  }

  /** An ISO day from the trail as people write it; anything else as it was recorded. */
  private static String day(Object value) {
    try {
      return settle.common.Dates.day(java.time.LocalDate.parse(String.valueOf(value)));
    } catch (java.time.format.DateTimeParseException e) {
      return String.valueOf(value);
    }
  }

  /** A code as words: CREDIT_MEMO → "credit memo". */
  private static String words(Object code) {
    return String.valueOf(code).toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  private static String reason(Object code) {
    return settle.disputes.ReasonCode.wordsFor(String.valueOf(code));
  }

  /**
   * How the money came: the bank's reference when it is one, never Settle's own keys ("statement:4:line:4" is a line
   * of an imported bank statement, "sandbox:py_…" a payment provider's key for a payment made in the portal).
   */
  private static String paidThrough(Object reference) {
    String ref = reference == null ? "" : String.valueOf(reference);
    if (ref.isBlank()) {
      return "";
    }
    if (ref.startsWith("statement:")) {
      return " by bank transfer";
    }
    if (ref.matches("[a-z-]+:\\S+")) {
      return " online, through the payment provider";
    }
    return " (reference " + ref + ")";
  }


  private static String capitalised(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1).replace('-', ' ');
  }
}
