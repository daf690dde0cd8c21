package settle.payments.gateway;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import settle.audit.AuditLog;
import settle.common.Money;
import settle.communication.MailOutbox;
import settle.communication.OutgoingMail;
import settle.customers.CustomerDirectory;
import settle.customers.CustomerView;
import settle.disputes.Disputes;
import settle.invoicing.InvoiceStatus;
import settle.invoicing.InvoiceView;
import settle.invoicing.Invoices;
import settle.payments.CustomerCredit;
import settle.payments.PaymentView;
import settle.payments.Payments;
import settle.payments.RecordPayment;

/**
 * Opens checkouts for invoices and takes the provider's events: a paid checkout is posted through
 * {@link Payments#record} like a bank payment (so the collection loop hears it), a chargeback goes through
 * {@link Payments#reverse} like a returned one. Each event counts once: its id is stored in the transaction that acts on it.
 */
@Service
public class GatewayPayments {

  public static final String ACTOR = "system:payment-gateway";
  /** A payer who clicks "Pay now" again soon is sent to the checkout already open, not a second one they might also pay. */
  private static final Duration REUSE_OPEN_CHECKOUT = Duration.ofHours(1);

  private final JdbcTemplate jdbc;
  private final PaymentGateway gateway;
  private final Invoices invoices;
  private final Disputes disputes;
  private final Payments payments;
  private final CustomerCredit credit;
  private final CustomerDirectory customers;
  private final MailOutbox mail;
  private final AuditLog audit;
  private final Clock clock;

  GatewayPayments(JdbcTemplate jdbc, PaymentGateway gateway, Invoices invoices, Disputes disputes, Payments payments,
                  CustomerCredit credit, CustomerDirectory customers, MailOutbox mail, AuditLog audit, Clock clock) {
    this.jdbc = jdbc;
    this.gateway = gateway;
    this.invoices = invoices;
    this.disputes = disputes;
    this.payments = payments;
    this.credit = credit;
    this.customers = customers;
    this.mail = mail;
    this.audit = audit;
    this.clock = clock;
  }

  public enum Status { OPEN, PAID, DECLINED, CHARGED_BACK }

  /** A checkout as Settle keeps it. */
  public record CheckoutView(long id, long invoiceId, String invoiceNumber, long customerId, BigDecimal amount, String currency,
                             Status status, String checkoutUrl, boolean onAccount, String failure) {}

  /** What the payer may pay now: the undisputed open amount, the same figure the reminders ask for; zero if nothing. */
  public BigDecimal amountToPay(InvoiceView invoice) {
    return invoice.status() == InvoiceStatus.PAID ? BigDecimal.ZERO : Money.of(disputes.undisputedOpenAmount(invoice).max(BigDecimal.ZERO));
  }

  /**
   * A checkout for what the invoice asks now, or empty when nothing is to pay. {@code returnUrl} gets the checkout's id
   * appended, so the page the payer lands on knows which one it is about.
   */
  @Transactional
  public Optional<CheckoutView> startCheckout(long invoiceId, String returnUrlPrefix, String actor) {
    InvoiceView invoice = invoices.get(invoiceId);
    BigDecimal amount = amountToPay(invoice);
    if (amount.signum() <= 0) {
      return Optional.empty();
    }
    Optional<CheckoutView> open = jdbc.query("""
            select * from payment_checkout where invoice_id = ? and status = 'OPEN' and amount = ? and provider = ? and created_at > ?
            order by id desc limit 1""", GatewayPayments::checkout,
        invoiceId, amount, gateway.name(), Timestamp.from(clock.instant().minus(REUSE_OPEN_CHECKOUT))).stream().findFirst();
    if (open.isPresent()) {
      return open;
    }
    Instant now = clock.instant();
    long id = jdbc.queryForObject("select nextval('payment_checkout_id_seq')", Long.class);
    CustomerView customer = customers.get(invoice.customerId());
    PaymentGateway.Checkout checkout = gateway.startCheckout(new PaymentGateway.CheckoutRequest("checkout:" + id,
        "Invoice " + invoice.number(), amount, invoice.currency(), customer.apEmail(), returnUrlPrefix + id,
        returnUrlPrefix + id + "?cancelled"));
    jdbc.update("""
            insert into payment_checkout(id, invoice_id, invoice_number, customer_id, amount, currency, provider, provider_session,
              checkout_url, status, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?)""",
        id, invoice.id(), invoice.number(), invoice.customerId(), amount, invoice.currency(), gateway.name(), checkout.sessionId(),
        checkout.url(), Timestamp.from(now), Timestamp.from(now));
    audit.record(actor, "payment-gateway.checkout-opened", "invoice:" + invoice.id(), Map.of(
        "checkout", id, "provider", gateway.name(), "amount", amount, "currency", invoice.currency()));
    return Optional.of(get(id).orElseThrow());
  }

  public Optional<CheckoutView> get(long checkoutId) {
    return jdbc.query("select * from payment_checkout where id = ?", GatewayPayments::checkout, checkoutId).stream().findFirst();
  }

  /** What a webhook delivery did. */
  public enum Outcome { POSTED, DECLINED, REVERSED, DUPLICATE, IGNORED }

  /** Verifies a webhook delivery and acts on it; {@link InvalidWebhookException} (nothing done) if it is not proven. */
  @Transactional
  public List<Outcome> receive(org.springframework.http.HttpHeaders headers, byte[] body) {
    return gateway.verify(headers, body).stream().map(this::take).toList();
  }

  private Outcome take(GatewayEvent event) {
    int fresh = jdbc.update("""
            insert into payment_gateway_event(provider, event_id, kind, session_id, received_at) values (?, ?, ?, ?, ?)
            on conflict do nothing""", gateway.name(), event.eventId(), event.kind().name(), event.sessionId(),
        Timestamp.from(clock.instant()));
    if (fresh == 0) {
      return Outcome.DUPLICATE;
    }
    Optional<CheckoutView> found = event.sessionId() == null ? Optional.empty() : jdbc.query(
        "select * from payment_checkout where provider = ? and provider_session = ? for update", GatewayPayments::checkout,
        gateway.name(), event.sessionId()).stream().findFirst();
    if (found.isEmpty() || event.kind() == GatewayEvent.Kind.OTHER) {
      // a provider reports more than our checkouts (other integrations, test events): acknowledged, nothing to do
      return Outcome.IGNORED;
    }
    CheckoutView checkout = found.get();
    return switch (event.kind()) {
      // a payer may try another card in the same checkout after a decline: a later success still counts
      case PAID -> checkout.status() == Status.OPEN || checkout.status() == Status.DECLINED ? paid(checkout, event) : Outcome.IGNORED;
      case FAILED -> checkout.status() == Status.OPEN ? declined(checkout, event) : Outcome.IGNORED;
      case CHARGED_BACK -> checkout.status() == Status.PAID ? chargedBack(checkout, event) : Outcome.IGNORED;
      case OTHER -> Outcome.IGNORED;
    };
  }

  private Outcome paid(CheckoutView checkout, GatewayEvent event) {
    BigDecimal amount = Money.of(event.amount());
    String reference = gateway.name() + ":" + event.paymentId();
    InvoiceView invoice = invoices.get(checkout.invoiceId());
    if (invoice.status() == InvoiceStatus.PAID || amount.compareTo(invoice.openAmount()) > 0 || !invoice.currency().equals(event.currency())) {
      // settled meanwhile (a bank transfer came first): the card money is the customer's, kept on their account
      credit.book(checkout.customerId(), event.currency(), CustomerCredit.Kind.UNAPPLIED_CASH, amount, null, reference,
          reference + ":unapplied", ACTOR);
      update(checkout.id(), Status.PAID, event.paymentId(), null, true, null);
      audit.record(ACTOR, "payment-gateway.paid-on-account", "customer:" + checkout.customerId(), Map.of(
          "checkout", checkout.id(), "invoice", checkout.invoiceNumber(), "amount", amount, "currency", event.currency()));
      return Outcome.POSTED;
    }
    PaymentView payment = payments.record(new RecordPayment(checkout.invoiceNumber(), amount, LocalDate.now(clock), reference,
        event.currency()), ACTOR);
    update(checkout.id(), Status.PAID, event.paymentId(), payment.id(), false, null);
    return Outcome.POSTED;
  }

  private Outcome declined(CheckoutView checkout, GatewayEvent event) {
    String reason = event.reason() == null || event.reason().isBlank() ? "the payment was refused" : event.reason();
    update(checkout.id(), Status.DECLINED, event.paymentId(), null, false, reason);
    audit.record(ACTOR, "payment-gateway.declined", "invoice:" + checkout.invoiceId(), Map.of(
        "checkout", checkout.id(), "amount", checkout.amount(), "currency", checkout.currency(), "reason", reason));
    return Outcome.DECLINED;
  }

  private Outcome chargedBack(CheckoutView checkout, GatewayEvent event) {
    String reason = event.reason() == null || event.reason().isBlank() ? "the payer's bank took it back" : event.reason();
    String reference = gateway.name() + ":" + event.paymentId();
    Long paymentId = jdbc.queryForObject("select payment_id from payment_checkout where id = ?", Long.class, checkout.id());
    jdbc.update("update payment_checkout set status = 'CHARGED_BACK', updated_at = ? where id = ?",
        Timestamp.from(clock.instant()), checkout.id());
    if (paymentId == null) {
      // the money sat on the customer's account: it leaves it again
      credit.book(checkout.customerId(), checkout.currency(), CustomerCredit.Kind.REFUND, checkout.amount(), null, reference,
          reference + ":charged-back", ACTOR);
      return Outcome.REVERSED;
    }
    payments.reverse(paymentId, "chargeback:" + event.eventId(), reason, ACTOR)
        .ifPresent(invoice -> tellOwner(checkout.id(), invoice, checkout.amount(), reason));
    return Outcome.REVERSED;
  }

  private void tellOwner(long checkoutId, InvoiceView invoice, BigDecimal amount, String reason) {
    CustomerView customer = customers.get(invoice.customerId());
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("ownerName", customer.accountOwnerName());
    model.put("customer", customer);
    model.put("invoice", invoice);
    model.put("returned", Money.format(amount, invoice.currency()));
    model.put("openAmount", Money.format(invoice.openAmount(), invoice.currency()));
    model.put("reason", reason);
    mail.enqueue(new OutgoingMail("payment-charged-back:checkout:" + checkoutId, mail.arTeamName(),
        customer.accountOwnerEmail(), "Card payment charged back: " + customer.name() + ", invoice " + invoice.number()
        + " is open again", "payment-charged-back", model, List.of(), "invoice:" + invoice.id()));
  }

  private void update(long id, Status status, String providerPayment, Long paymentId, boolean onAccount, String failure) {
    jdbc.update("""
            update payment_checkout set status = ?, provider_payment = ?, payment_id = ?, on_account = ?, failure = ?, updated_at = ?
            where id = ?""", status.name(), providerPayment, paymentId, onAccount, failure, Timestamp.from(clock.instant()), id);
  }

  private static CheckoutView checkout(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
    return new CheckoutView(rs.getLong("id"), rs.getLong("invoice_id"), rs.getString("invoice_number"), rs.getLong("customer_id"),
        Money.of(rs.getBigDecimal("amount")), rs.getString("currency"), Status.valueOf(rs.getString("status")),
        rs.getString("checkout_url"), rs.getBoolean("on_account"), rs.getString("failure"));
  }
}
