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
    customers.get(customerId);
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
          entries.add(new TimelineEntry(e.id(), e.at(), kind, titleOf(kind, e), e.actor(), e.subject(), e.details(), whyOf(e)));
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

  private static String invoiceList(Object invoices) {
    if (!(invoices instanceof List<?> list)) {
      return "";
    }
    return String.join(", ", list.stream().map(i -> i instanceof Map<?, ?> m ? m.get("number") + " (" + money(m.get("amount")) + ")" : "")
        .toList());
  }

  private static String titleOf(String kind, AuditEntry e) {
    Map<String, Object> d = e.details();
    return switch (kind) {
      case "MAIL" -> "Mail to " + d.get("to") + ": " + d.get("subject");
      case "CALL" -> "Call: " + outcome(d);
      case "NOTE" -> "Note by " + e.actor() + ": " + d.get("body");
      case "TASK" -> switch (e.action()) {
        case "task.opened" -> "Task opened: " + d.get("task");
        case "task.completed" -> "Task done: " + d.get("task") + outcomeSuffix(d);
        default -> "Task withdrawn: " + d.get("task") + (d.get("why") == null ? "" : " (" + d.get("why") + ")");
      };
      case "HOLD" -> capitalised(e.action().substring("collections.".length()).replace("-placed", "")) + " until "
          + d.get("heldUntil") + ": " + d.get("reason");
      case "PROMISE" -> switch (e.action()) {
        case "collections.promise-recorded" -> "Promise to pay " + money(d.get("amount")) + " by " + d.get("date");
        case "collections.payment-plan-agreed" -> "Payment plan agreed";
        default -> capitalised(e.action().substring("collections.".length()).replace('-', ' '));
      };
      case "DISPUTE" -> capitalised(e.action().substring("dispute.".length()).replace('-', ' ')) + " dispute"
          + (d.get("amount") == null ? "" : " of " + money(d.get("amount"))) + (d.get("reasonCode") == null ? "" : " (" + d.get("reasonCode") + ")")
          + (d.get("outcome") == null ? "" : ": " + d.get("outcome"));
      case "PAYMENT" -> switch (e.action()) {
        case "payment.recorded" -> "Payment of " + money(d.get("amount")) + " received (" + d.get("reference") + ")";
        case "invoice.written-off" -> "Written off " + money(d.get("amount")) + (d.get("reason") == null ? "" : ": " + d.get("reason"));
        case "payment.credit-on-account" -> "Credit on account " + money(d.get("amount"));
        case "invoice.customer-credit-applied" -> "Customer credit of " + money(d.get("amount")) + " " + d.get("currency") + " applied";
        case "payment.reversed" -> "Payment of " + money(d.get("amount")) + " " + d.get("currency") + " returned by the bank: "
            + d.get("reason") + "; " + money(d.get("openAmount")) + " open again";
        case "remittance-advice.uploaded" -> "Remittance advice: a payment of " + money(d.get("amount")) + " " + d.get("currency")
            + " will cover " + invoiceList(d.get("invoices"));
        case "remittance-advice.used" -> "Payment applied as the customer's remittance advice says";
        case "customer-credit.refunded" -> "Refund of " + money(d.get("amount")) + " " + d.get("currency") + " (" + d.get("reference") + ")";
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

  private static String outcome(Map<String, Object> d) {
    return d.get("form") instanceof Map<?, ?> form ? String.valueOf(form.get("outcome")).toLowerCase(Locale.ROOT).replace('_', ' ')
        + (form.get("promiseDate") == null ? "" : ", promised " + money(form.get("promiseAmount")) + " by " + form.get("promiseDate"))
        + (form.get("notes") == null ? "" : " — " + form.get("notes")) : "";
  }

  private static String outcomeSuffix(Map<String, Object> d) {
    return d.get("form") instanceof Map<?, ?> form && form.get("outcome") != null ? " (" + form.get("outcome") + ")"
        : d.get("form") instanceof Map<?, ?> form2 && form2.get("approved") != null ? " (approved: " + form2.get("approved") + ")" : "";
  }

  private static String resultOf(Map<String, Object> d) {
    return d.get("output") instanceof Map<?, ?> r ? r.get("decision") + (r.get("reason") == null ? "" : " — " + r.get("reason"))
        : String.valueOf(d.get("output"));
  }

  private static String money(Object amount) {
    try {
      return Money.number(new java.math.BigDecimal(String.valueOf(amount)));
    } catch (NumberFormatException e) {
      return String.valueOf(amount);
    }
  }


  private static String capitalised(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1).replace('-', ' ');
  }
}
