package settle.testdata;

import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationContext;
import settle.customers.CustomerDirectory;
import settle.customers.CustomerView;
import settle.engine.DemoClock;
import settle.invoicing.InvoiceView;
import settle.invoicing.Invoices;
import settle.orders.OrderStatus;
import settle.orders.OrderView;
import settle.orders.Orders;
import settle.payments.PaymentView;
import settle.payments.Payments;
import settle.payments.RecordPayment;
import settle.tasks.Inbox;
import settle.tasks.TaskView;
import settle.testdata.Staff;

/** The steps tests take through the running application, and what they wait for. */
public final class Journeys {

  public static final Duration PATIENCE = Duration.ofSeconds(30);

  public final CustomerDirectory customers;
  public final Orders orders;
  public final Invoices invoices;
  public final Payments payments;
  public final Inbox inbox;
  public final DemoClock clock;
  public final GreenMail smtp;
  public final ProcessHistory history;
  private final org.springframework.jdbc.core.JdbcTemplate jdbc;
  private final settle.engine.DemoTime demoTime;

  public Journeys(ApplicationContext context) {
    customers = context.getBean(CustomerDirectory.class);
    orders = context.getBean(Orders.class);
    invoices = context.getBean(Invoices.class);
    payments = context.getBean(Payments.class);
    inbox = context.getBean(Inbox.class);
    clock = (DemoClock) context.getBean(Clock.class);
    smtp = context.getBean(GreenMail.class);
    history = new ProcessHistory(context.getBean(ZeebeTestEngine.class));
    jdbc = context.getBean(org.springframework.jdbc.core.JdbcTemplate.class);
    demoTime = context.getBean(settle.engine.DemoTime.class);
    // afternoon in UTC: the morning send hour of European customers has passed on any day the tests move to, and
    // the next day's has not come, whatever the wall clock says
    java.time.Instant now = clock.instant();
    java.time.Instant noon = now.atZone(java.time.ZoneOffset.UTC).toLocalDate().atTime(12, 0).toInstant(java.time.ZoneOffset.UTC);
    if (now.isBefore(noon)) {
      demoTime.advance(Duration.between(now, noon));
    }
  }

  /** Lets what is under way finish, then moves engine and business time to this moment (it must not have passed). */
  public void advanceTo(java.time.Instant moment) {
    quiesce();
    Duration by = Duration.between(clock.instant(), moment);
    if (!by.isNegative() && !by.isZero()) {
      demoTime.advance(by);
    }
  }

  public CustomerView customer(CustomerBuilder customer) {
    return customers.open(customer.build(), "test");
  }

  public OrderView order(OrderBuilder order) {
    return orders.place(order.build(), "test");
  }

  public OrderView awaitOrder(long orderId, OrderStatus status) {
    await().atMost(PATIENCE).until(() -> orders.get(orderId).status() == status);
    return orders.get(orderId);
  }

  /** An approved order (an analyst approves it if credit asks for a review), fulfilled and invoiced, whose collection loop has planned its first step. */
  public InvoiceView invoiced(OrderBuilder order) {
    OrderView placed = order(order);
    await().atMost(PATIENCE).until(() -> orders.get(placed.id()).status() == OrderStatus.APPROVED
        || orders.get(placed.id()).status() == OrderStatus.IN_REVIEW);
    if (orders.get(placed.id()).status() == OrderStatus.IN_REVIEW) {
      TaskView review = awaitOpenTask("order:" + placed.id());
      inbox.complete(review.id(), java.util.Map.of("approved", true, "reason", "Approved for the test"), Staff.anyone("analyst"));
      awaitOrder(placed.id(), OrderStatus.APPROVED);
    }
    orders.fulfil(placed.id(), "test");
    OrderView invoiced = awaitOrder(placed.id(), OrderStatus.INVOICED);
    await().atMost(PATIENCE).until(() -> jdbc.queryForObject(
        "select count(*) from dunning_step where invoice_id = ?", Integer.class, invoiced.invoiceId()) > 0);
    return invoices.get(invoiced.invoiceId());
  }

  public PaymentView pay(InvoiceView invoice, String amount) {
    return pay(invoice, amount, today());
  }

  public PaymentView pay(InvoiceView invoice, String amount, LocalDate valueDate) {
    return payments.record(new RecordPayment(invoice.number(), new BigDecimal(amount), valueDate,
        "REF-" + UUID.randomUUID(), null), "test");
  }

  public TaskView awaitOpenTask(String subject) {
    await().atMost(PATIENCE).until(() -> !inbox.find(null, "OPEN", subject).isEmpty());
    return inbox.find(null, "OPEN", subject).getFirst();
  }

  public LocalDate today() {
    return LocalDate.now(clock);
  }

  /**
   * Lets what is under way finish, then moves engine and business time to the same hour on {@code date}: past the
   * morning send hour of European customers (see the constructor).
   */
  public void advanceTo(LocalDate date) {
    quiesce();
    long days = date.toEpochDay() - today().toEpochDay();
    if (days > 0) {
      demoTime.advance(Duration.ofDays(days));
    }
  }

  public void advanceHours(int hours) {
    quiesce();
    demoTime.advance(Duration.ofHours(hours));
  }

  public void advanceDays(int days) {
    quiesce();
    demoTime.advance(Duration.ofDays(days));
  }

  public List<MimeMessage> mailsTo(String address) {
    return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
      try {
        return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().contains(address));
      } catch (MessagingException e) {
        throw new IllegalStateException(e);
      }
    }).toList();
  }

  public List<MimeMessage> awaitMailsTo(String address, int count) {
    await().atMost(PATIENCE).until(() -> mailsTo(address).size() >= count);
    return mailsTo(address);
  }

  /** The first mail to the address whose subject contains the text, waiting for it; mails sent meanwhile do not matter. */
  public MimeMessage awaitMailTo(String address, String subjectContains) {
    await("a mail to " + address + " about " + subjectContains).atMost(PATIENCE)
        .until(() -> subjectsTo(address).stream().anyMatch(s -> s.contains(subjectContains)));
    return mailsTo(address).stream().filter(m -> subjectOf(m).contains(subjectContains)).findFirst().orElseThrow();
  }

  /**
   * Moves the clock three hours at a time until {@code count} mails reached the address. Three hours is less than a
   * heads-up's minimum notice, so when a heads-up arrives the step it announces is still ahead, whatever the hour of
   * day the test started at.
   */
  public List<MimeMessage> advanceUntilMailsTo(String address, int count, Duration atMost) {
    java.time.Instant until = clock.instant().plus(atMost);
    quiesce();
    while (mailsTo(address).size() < count) {
      if (clock.instant().isAfter(until)) {
        throw new AssertionError(count + " mails to " + address + " within " + atMost + ", but only " + subjectsTo(address));
      }
      demoTime.advance(Duration.ofHours(3));
      quiesce();
    }
    return mailsTo(address);
  }

  public List<String> subjectsTo(String address) {
    return mailsTo(address).stream().map(Journeys::subjectOf).toList();
  }

  private static String subjectOf(MimeMessage mail) {
    try {
      return mail.getSubject();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Waits until the engine is idle (see DemoTime) and every queued mail has gone out; fails, saying which, when
   * either does not come. What a test asserts did not happen afterwards had its chance to happen.
   */
  public void quiesce() {
    demoTime.awaitIdle();
    await("every queued mail sent").atMost(PATIENCE).until(() -> jdbc.queryForObject(
        "select count(*) from mail_outbox where sent_at is null", Long.class) == 0);
  }

  /** Waits until the instance is waiting at {@code elementId} (a timer, a message, a task), and the engine is idle. */
  public void awaitWaitingAt(long processInstanceKey, String elementId) {
    await("instance " + processInstanceKey + " waiting at " + elementId).atMost(PATIENCE)
        .until(() -> history.isWaitingAt(processInstanceKey, elementId));
    quiesce();
  }

  public long instanceOf(String bpmnProcessId, String variable, Object value) {
    await().atMost(PATIENCE).until(() -> history.instanceWith(bpmnProcessId, variable, value).isPresent());
    return history.instanceWith(bpmnProcessId, variable, value).orElseThrow();
  }
}
