package settle.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static settle.testdata.CustomerBuilder.aCustomer;
import static settle.testdata.OrderBuilder.anOrderFor;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import io.grpc.Status;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import settle.customers.CustomerView;
import settle.orders.OrderStatus;
import settle.orders.OrderToCash;
import settle.orders.OrderView;
import settle.testdata.Journeys;
import settle.testdata.Staff;

/**
 * A person's completion is committed with the engine's job completion (engine outbox), so neither an
 * engine that is away when the person presses "Complete" nor a lost answer strands the task or its process.
 * The engine is made unreachable for job completions only, at the client, as a network outage would.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "settle.demo-data=false")
@DirtiesContext // its own engine and database: closed after the class rather than kept beside the shared context
class TaskCompletionRecoveryTest {

  static final AtomicBoolean engineAway = new AtomicBoolean();

  @TestConfiguration
  static class UnreachableEngine {
    @Bean
    static BeanPostProcessor completionsFailWhileTheEngineIsAway() {
      return new BeanPostProcessor() {
        @Override
        public Object postProcessAfterInitialization(Object bean, String name) {
          if (!(bean instanceof CamundaClient client)) {
            return bean;
          }
          return Proxy.newProxyInstance(CamundaClient.class.getClassLoader(), new Class<?>[] {CamundaClient.class},
              (proxy, method, args) -> {
                if (method.getName().equals("newCompleteCommand") && engineAway.get()) {
                  throw new ClientStatusException(Status.UNAVAILABLE.withDescription("engine unreachable (test)"), null);
                }
                try {
                  return method.invoke(client, args);
                } catch (InvocationTargetException e) {
                  throw e.getCause();
                }
              });
        }
      };
    }
  }

  @Autowired ApplicationContext context;
  @Autowired JdbcTemplate jdbc;
  @Autowired settle.payments.BankStatements statements;
  @org.springframework.boot.test.web.server.LocalServerPort int port;

  @AfterEach
  void engineBack() {
    engineAway.set(false);
  }

  @Test
  void aCompletionTheEngineCouldNotTakeIsDeliveredWhenItIsBackAndTheProcessMovesOn() {
    Journeys journeys = new Journeys(context);
    CustomerView customer = journeys.customer(aCustomer().withCreditLimit("1000"));
    OrderView order = journeys.order(anOrderFor(customer.id()).worth("1100.00"));
    TaskView review = journeys.awaitOpenTask("order:" + order.id());

    engineAway.set(true);
    TaskView completed = journeys.inbox.complete(review.id(),
        Map.of("approved", true, "reason", "Customer prepaid half"), Staff.anyone("analyst"));
    assertThat(completed.status()).isEqualTo("COMPLETED");
    // the engine call failed after the commit: the outbox row records the failure and waits to retry
    await().atMost(Journeys.PATIENCE).until(() -> jdbc.queryForObject(
        "select attempts > 0 and sent_at is null and last_error like '%unreachable%' from engine_outbox where job_key = ?",
        Boolean.class, review.id()));
    assertThat(journeys.orders.get(order.id()).status()).isEqualTo(OrderStatus.IN_REVIEW);

    engineAway.set(false);
    journeys.awaitOrder(order.id(), OrderStatus.APPROVED);
    assertThat(journeys.orders.get(order.id()).statusReason()).isEqualTo("Customer prepaid half");
    assertThat(journeys.inbox.get(review.id()).status()).isEqualTo("COMPLETED");
    assertThat(jdbc.queryForObject("select sent_at is not null from engine_outbox where job_key = ?", Boolean.class, review.id()))
        .isTrue();
    long instance = journeys.instanceOf(OrderToCash.PROCESS_ID, "orderId", order.id());
    assertThat(journeys.history.completedElements(instance)).containsSubsequence("review-credit-exception", "credit-approved");
  }

  @Test
  void aCompletionSentAgainAfterALostAnswerCountsAsDoneAndMovesTheProcessOnce() {
    Journeys journeys = new Journeys(context);
    CustomerView customer = journeys.customer(aCustomer().withCreditLimit("1000"));
    OrderView order = journeys.order(anOrderFor(customer.id()).worth("1200.00"));
    TaskView review = journeys.awaitOpenTask("order:" + order.id());
    journeys.inbox.complete(review.id(), Map.of("approved", true, "reason", "Guarantee received"), Staff.anyone("analyst"));
    journeys.awaitOrder(order.id(), OrderStatus.APPROVED);
    long row = jdbc.queryForObject("select id from engine_outbox where job_key = ? and sent_at is not null", Long.class, review.id());

    // as if the relay had stopped after the engine took the completion but before the row was marked sent
    jdbc.update("update engine_outbox set sent_at = null where id = ?", row);

    await().atMost(Journeys.PATIENCE).until(() ->
        jdbc.queryForObject("select sent_at is not null from engine_outbox where id = ?", Boolean.class, row));
    assertThat(jdbc.queryForObject("select attempts from engine_outbox where id = ?", Integer.class, row)).isEqualTo(2);
    assertThat(jdbc.queryForObject("select last_error from engine_outbox where id = ?", String.class, row)).isNull();
    long instance = journeys.instanceOf(OrderToCash.PROCESS_ID, "orderId", order.id());
    assertThat(journeys.history.completedElements(instance).stream().filter("review-credit-exception"::equals)).hasSize(1);
  }

  /**
   * The apply-cash bug: a choice that could be posted when the applier completed the task, but no longer when the engine
   * carried it out (the invoice was paid meanwhile), came back unclaimed and blank. It comes back to whoever chose, with
   * their choice and notes filled in and the reason above them.
   */
  @Test
  void anApplyCashChoiceThatCouldNoLongerBePostedComesBackToWhoeverChoseWithTheirChoiceAndNotes() {
    Journeys journeys = new Journeys(context);
    CustomerView customer = journeys.customer(aCustomer());
    settle.invoicing.InvoiceView invoice = journeys.invoiced(anOrderFor(customer.id()).worth("480.00"));
    settle.testdata.StatementBuilder statement = settle.testdata.StatementBuilder.aStatement().on(journeys.today())
        .credit("480.00", "Parent Holding SA", "FR7630006000011234567890189", "no reference given");
    var imported = statements.importStatement(statement.camt053(), statement.id() + ".xml", null, null, "test");
    TaskView task = journeys.awaitOpenTask("statement:" + imported.id());
    var cara = settle.testdata.Staff.member("cara", "cash-appliers");
    journeys.inbox.claim(task.id(), cara, null);

    engineAway.set(true);
    journeys.inbox.complete(task.id(), Map.of("action", "APPLY", "invoiceNumbers", invoice.number(),
        "notes", "Paid by the parent company, see their mail"), cara);
    await().atMost(Journeys.PATIENCE).until(() -> jdbc.queryForObject(
        "select attempts > 0 and sent_at is null from engine_outbox where job_key = ?", Boolean.class, task.id()));
    journeys.pay(invoice, "480.00");
    engineAway.set(false);

    TaskView again = await().atMost(Journeys.PATIENCE).until(
        () -> journeys.inbox.find(null, "OPEN", "statement:" + imported.id()), open -> !open.isEmpty()).getFirst();
    assertThat(again.id()).isNotEqualTo(task.id());
    assertThat(again.assignee()).isEqualTo("cara");
    assertThat(String.valueOf(again.variables().get("problem"))).contains(invoice.number() + " is already paid");
    String page = settle.testdata.PageSession.signIn(port, "cara", "cara").get("/work/" + again.id()).body();
    assertThat(page).contains("is already paid", "cara&#39;s choice from before is filled in below",
        "Paid by the parent company, see their mail", ">" + invoice.number() + "</textarea>")
        .containsPattern("value=\"APPLY\"\\s+selected");
  }
}
