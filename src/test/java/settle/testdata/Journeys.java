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

  public Journeys(ApplicationContext context) {
    customers = context.getBean(CustomerDirectory.class);
    orders = context.getBean(Orders.class);
    invoices = context.getBean(Invoices.class);
    payments = context.getBean(Payments.class);
    inbox = context.getBean(Inbox.class);
    clock = (DemoClock) context.getBean(Clock.class);
    smtp = context.getBean(GreenMail.class);
    history = new ProcessHistory(context.getBean(ZeebeTestEngine.class));
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

  /** An approved order, fulfilled and invoiced: the invoice's collection has begun. */
  public InvoiceView invoiced(OrderBuilder order) {
    OrderView placed = order(order);
    awaitOrder(placed.id(), OrderStatus.APPROVED);
    orders.fulfil(placed.id(), "test");
    OrderView invoiced = awaitOrder(placed.id(), OrderStatus.INVOICED);
    return invoices.get(invoiced.invoiceId());
  }

  public PaymentView pay(InvoiceView invoice, String amount) {
    return payments.record(new RecordPayment(invoice.number(), new BigDecimal(amount), today(),
        "REF-" + UUID.randomUUID(), null), "test");
  }

  public TaskView awaitOpenTask(String subject) {
    await().atMost(PATIENCE).until(() -> !inbox.find(null, "OPEN", subject).isEmpty());
    return inbox.find(null, "OPEN", subject).getFirst();
  }

  public LocalDate today() {
    return LocalDate.now(clock);
  }

  /** Moves engine and business time to the start-of-day timers of {@code date} and past them. */
  public void advanceTo(LocalDate date) {
    long days = date.toEpochDay() - today().toEpochDay();
    if (days > 0) {
      clock.advance(Duration.ofDays(days));
    }
  }

  public void advanceDays(int days) {
    clock.advance(Duration.ofDays(days));
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

  public List<String> subjectsTo(String address) {
    return mailsTo(address).stream().map(m -> {
      try {
        return m.getSubject();
      } catch (MessagingException e) {
        throw new IllegalStateException(e);
      }
    }).toList();
  }

  /** Lets workers and the outboxes run, for asserting that something did not happen. */
  public static void settle() {
    try {
      Thread.sleep(1_500);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  public long instanceOf(String bpmnProcessId, String variable, Object value) {
    await().atMost(PATIENCE).until(() -> history.instanceWith(bpmnProcessId, variable, value).isPresent());
    return history.instanceWith(bpmnProcessId, variable, value).orElseThrow();
  }
}
