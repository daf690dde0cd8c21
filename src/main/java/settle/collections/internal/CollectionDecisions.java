package settle.collections.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import settle.audit.AuditLog;
import settle.collaboration.Timeline;
import settle.collaboration.TimelineEntry;
import settle.common.Money;
import settle.communication.MailOutbox;
import settle.communication.OutgoingMail;
import settle.customers.CustomerDirectory;
import settle.customers.CustomerView;
import settle.disputes.DisputeView;
import settle.disputes.Disputes;
import settle.disputes.RaiseDispute;
import settle.disputes.ReasonCode;
import settle.invoicing.InvoiceStatus;
import settle.invoicing.InvoiceView;
import settle.invoicing.Invoices;
import settle.portal.PortalLinks;

/**
 * What the collection loop does on a person's choice in a call, an escalation or a missed instalment:
 * raise the dispute the customer stated, ask the account owner to fix a wrong AP contact, propose a
 * payment plan, cancel a plan, hand the invoice over to an agency or to legal. Each acts once per job.
 */
@Service
public class CollectionDecisions {

  private final Invoices invoices;
  private final CustomerDirectory customers;
  private final Disputes disputes;
  private final Timeline timeline;
  private final MailOutbox mail;
  private final PortalLinks portal;
  private final AuditLog audit;
  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final String publicUrl;
  private final String agencyAddress;
  private final String legalAddress;

  CollectionDecisions(Invoices invoices, CustomerDirectory customers, Disputes disputes, Timeline timeline, MailOutbox mail,
                      PortalLinks portal, AuditLog audit, JdbcTemplate jdbc, Clock clock,
                      @Value("${settle.public-url}") String publicUrl,
                      @Value("${settle.collections.agency-address}") String agencyAddress,
                      @Value("${settle.collections.legal-address}") String legalAddress) {
    this.invoices = invoices;
    this.customers = customers;
    this.disputes = disputes;
    this.timeline = timeline;
    this.mail = mail;
    this.portal = portal;
    this.audit = audit;
    this.jdbc = jdbc;
    this.clock = clock;
    this.publicUrl = publicUrl;
    this.agencyAddress = agencyAddress;
    this.legalAddress = legalAddress;
  }

  /** The dispute the customer stated on the phone; the same call delivered twice raises it once. */
  public DisputeView raiseDispute(long invoiceId, ReasonCode reason, BigDecimal amount, String description, String collector) {
    BigDecimal disputed = Money.of(amount);
    String words = description.strip();
    for (DisputeView d : disputes.find(null, null, invoiceId)) {
      if (d.reasonCode().equals(reason.name()) && d.amount().compareTo(disputed) == 0 && d.description().equals(words)
          && d.raisedBy().equals(collector)) {
        return d;
      }
    }
    InvoiceView invoice = invoices.get(invoiceId);
    return disputes.raise(invoiceId, new RaiseDispute(reason, disputed, words, collector, invoice.customerId()), List.of(), collector);
  }

  /** Mails the account owner that the AP contact is wrong; the loop waits until someone corrects it. */
  @Transactional
  public void askForApContact(long invoiceId, long jobKey, String collector, String notes) {
    InvoiceView invoice = invoices.get(invoiceId);
    CustomerView customer = customers.get(invoice.customerId());
    boolean queued = mail.enqueue(new OutgoingMail("invoice:" + invoiceId + ":ap-contact:" + jobKey, mail.arTeamName(),
        customer.accountOwnerEmail(), "Please correct the AP contact of " + customer.name(), "ap-contact-wrong",
        model("customer", customer, "invoice", invoice, "collector", collector, "notes", notes == null ? "" : notes,
            "customerUrl", publicUrl + "/customers/" + customer.id(),
            "apiUrl", publicUrl + "/api/customers/" + customer.id() + "/ap-contact"),
        List.of(), CollectionSteps.subject(invoiceId)));
    if (queued) {
      audit.record(CollectionSteps.ACTOR, "collections.ap-contact-wrong", CollectionSteps.subject(invoiceId),
          Map.of("apEmail", customer.apEmail(), "reportedBy", collector, "askedOwner", customer.accountOwnerEmail()));
    }
  }

  /**
   * Offers the customer to pay what is open and not disputed in {@code count} monthly instalments, the first a
   * month from today. It becomes a plan when someone agrees it with the customer (the payment plan API).
   */
  @Transactional
  public void proposePaymentPlan(long invoiceId, long jobKey, int count, String manager) {
    InvoiceView invoice = invoices.get(invoiceId);
    CustomerView customer = customers.get(invoice.customerId());
    BigDecimal due = Money.of(disputes.undisputedOpenAmount(invoice));
    BigDecimal each = due.divide(BigDecimal.valueOf(count), 2, RoundingMode.DOWN);
    LocalDate today = LocalDate.now(clock);
    List<Map<String, Object>> instalments = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      BigDecimal amount = i < count ? each : due.subtract(each.multiply(BigDecimal.valueOf(count - 1)));
      instalments.add(model("number", i, "date", today.plusMonths(i), "amount", Money.of(amount)));
    }
    boolean queued = mail.enqueue(new OutgoingMail("invoice:" + invoiceId + ":plan-proposal:" + jobKey, customer.accountOwnerName(),
        customer.apEmail(), "Proposal: invoice " + invoice.number() + " in " + count + " instalments", "payment-plan-proposal",
        model("customer", customer, "invoice", invoice, "due", due, "instalments", instalments,
            "portalUrl", portal.invoiceUrl(invoiceId)),
        List.of(new OutgoingMail.Attachment(invoice.number() + ".pdf", "application/pdf", invoices.pdf(invoiceId))),
        CollectionSteps.subject(invoiceId), customer.apLanguage()));
    if (queued) {
      audit.record(manager, "collections.payment-plan-proposed", CollectionSteps.subject(invoiceId),
          Map.of("amount", due, "instalments", instalments.stream().map(m -> m.get("date") + " " + m.get("amount")).toList()));
    }
  }

  /** Instalments not yet due are cancelled: their reminders stop and dunning resumes on what is open. */
  @Transactional
  public void cancelPaymentPlan(long invoiceId, long planId, String manager) {
    int cancelled = jdbc.update("update payment_plan_instalment set status = 'CANCELLED' where plan_id = ? and status = 'OPEN'", planId);
    if (cancelled > 0) {
      audit.record(manager, "collections.payment-plan-cancelled", CollectionSteps.subject(invoiceId),
          Map.of("planId", planId, "instalmentsCancelled", cancelled));
    }
  }

  /**
   * Hands the invoice over to the collection agency or to legal: its status says so and dunning ends; they
   * get the invoice PDF, the customer's statement of open invoices and the customer's timeline.
   */
  @Transactional
  public void handOver(long invoiceId, String to, String manager) {
    InvoiceStatus status = switch (to) {
      case "AGENCY" -> InvoiceStatus.WITH_AGENCY;
      case "LEGAL" -> InvoiceStatus.WITH_LEGAL;
      default -> throw new IllegalArgumentException("Hand-over to " + to + " is not modelled; expected AGENCY or LEGAL");
    };
    InvoiceView invoice = invoices.handOver(invoiceId, status, manager);
    if (invoice.status() == InvoiceStatus.PAID) {
      return; // paid meanwhile: nothing to hand over; the payment ends the process
    }
    CustomerView customer = customers.get(invoice.customerId());
    List<InvoiceView> open = invoices.find(customer.id(), null).stream().filter(i -> i.status() != InvoiceStatus.PAID).toList();
    List<Map<String, Object>> statement = new ArrayList<>();
    for (InvoiceView i : open) {
      statement.add(model("invoice", i, "inDispute", disputes.openDisputedAmount(i.id()), "handedOver", i.id() == invoiceId));
    }
    String address = status == InvoiceStatus.WITH_AGENCY ? agencyAddress : legalAddress;
    boolean queued = mail.enqueue(new OutgoingMail("invoice:" + invoiceId + ":hand-over:" + to, mail.arTeamName(), address,
        "Hand-over for collection: invoice " + invoice.number() + ", " + customer.name(), "hand-over",
        model("customer", customer, "invoice", invoice, "to", to, "statement", statement, "manager", manager),
        List.of(new OutgoingMail.Attachment(invoice.number() + ".pdf", "application/pdf", invoices.pdf(invoiceId)),
            new OutgoingMail.Attachment("timeline.csv", "text/csv", timelineCsv(customer.id()))),
        CollectionSteps.subject(invoiceId)));
    if (queued) {
      audit.record(manager, "collections.handed-over", CollectionSteps.subject(invoiceId),
          Map.of("to", to, "address", address, "openAmount", invoice.openAmount()));
    }
  }

  private byte[] timelineCsv(long customerId) {
    StringBuilder csv = new StringBuilder("when,what,who,about\n");
    for (TimelineEntry e : timeline.of(customerId, null, 500)) {
      csv.append(e.at()).append(',').append(cell(e.title())).append(',').append(cell(e.actor())).append(',')
          .append(cell(e.subject())).append('\n');
    }
    return csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  private static String cell(String text) {
    String value = text == null ? "" : text;
    // a leading formula character would run in a spreadsheet
    if (!value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0) {
      value = "'" + value;
    }
    return "\"" + value.replace("\"", "\"\"") + "\"";
  }

  private static Map<String, Object> model(Object... pairs) {
    Map<String, Object> model = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      model.put((String) pairs[i], pairs[i + 1]);
    }
    return model;
  }
}
