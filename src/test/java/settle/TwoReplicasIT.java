package settle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static settle.testdata.CustomerBuilder.aCustomer;
import static settle.testdata.OrderBuilder.anOrderFor;
import static settle.testdata.StatementBuilder.aStatement;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.jdbc.core.JdbcTemplate;
import settle.communication.MailOutbox;
import settle.communication.OutgoingMail;
import settle.customers.CustomerView;
import settle.engine.DemoTime;
import settle.invoicing.InvoiceStatus;
import settle.invoicing.InvoiceView;
import settle.invoicing.InvoicingTasks;
import settle.orders.OrderStatus;
import settle.orders.OrderToCash;
import settle.orders.OrderView;
import settle.payments.BankStatements;
import settle.payments.RecordPayment;
import settle.payments.StatementImport;
import settle.tasks.TaskView;
import settle.testdata.Journeys;
import settle.testdata.Replicas;
import settle.testdata.Replicas.Replica;
import settle.testdata.Replicas.ReplicaProcess;
import settle.testdata.Staff;
import settle.testdata.StatementBuilder;
import settle.testdata.TcpProxy;

/**
 * Two Settle replicas as on a cluster against one engine, one PostgreSQL and one SMTP server ({@link Replicas}), so a
 * test can take the engine or the mail server away from them and bring it back.
 *
 * <p>The scenarios share the replicas, to keep the build short, and run in order: each creates its own customers, and
 * the last one starts a third replica in a JVM of its own and kills it ({@code kill -9}) in the middle of a job.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoReplicasIT {

  private static final Duration PATIENCE = Duration.ofSeconds(45);
  /** Short, so a job held by a replica that died goes to the other one within the test's patience. */
  private static final String JOB_TIMEOUT = "PT20S";

  Replicas replicas;
  GreenMail smtp;
  TcpProxy mailLine;
  Replica a;
  Replica b;
  JdbcTemplate db;

  @BeforeAll
  void start() throws Exception {
    long started = System.nanoTime();
    replicas = Replicas.start();
    smtp = replicas.smtp;
    mailLine = replicas.mailLine;
    db = new JdbcTemplate(settleDatabase());
    a = replica("replica-a");
    b = replica("replica-b");
    System.out.printf("TwoReplicasIT: engine, database and two replicas up in %d ms%n", (System.nanoTime() - started) / 1_000_000);
  }

  private Replica replica(String name) {
    return replicas.replica(name, "camunda.client.worker.defaults.timeout=" + JOB_TIMEOUT,
        // both replicas write interval checkpoints, often, so they meet
        "settle.audit.checkpoint-interval=PT1S");
  }

  /** Settle's database, as the superuser: to look behind the replicas' backs. */
  private javax.sql.DataSource settleDatabase() {
    return replicas.settleDatabase();
  }

  @AfterAll
  void stop() throws Exception {
    if (replicas != null) {
      replicas.close();
    }
  }

  @Test
  @Order(1)
  void jobsAreSharedAndEachIsHandledOnceNoMailOrPaymentTwice() {
    long issuedBefore = a.handled(InvoicingTasks.ISSUE_INVOICE) + b.handled(InvoicingTasks.ISSUE_INVOICE);
    long allBeforeA = a.handledAll();
    long allBeforeB = b.handledAll();

    // orders come in through either replica, as behind a load balancer, all at once; a customer each, so none waits for
    // a credit review of the others' exposure
    List<CustomerView> customers = new ArrayList<>();
    List<OrderView> orders = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      Replica entry = i % 2 == 0 ? a : b;
      customers.add(entry.journeys().customer(aCustomer()));
      orders.add(entry.journeys().order(anOrderFor(customers.get(i).id()).worth((100 + i) + ".00")));
    }
    for (OrderView order : orders) {
      a.journeys().awaitOrder(order.id(), OrderStatus.APPROVED);
    }
    for (int i = 0; i < orders.size(); i++) {
      (i % 2 == 0 ? b : a).journeys().orders.fulfil(orders.get(i).id(), "test");
    }
    List<InvoiceView> invoices = new ArrayList<>();
    for (OrderView order : orders) {
      long invoiceId = a.journeys().awaitOrder(order.id(), OrderStatus.INVOICED).invoiceId();
      invoices.add(a.journeys().invoices.get(invoiceId));
    }

    assertThat(a.handled(InvoicingTasks.ISSUE_INVOICE) + b.handled(InvoicingTasks.ISSUE_INVOICE) - issuedBefore)
        .as("issue-invoice jobs completed on the two replicas together").isEqualTo(6);
    System.out.printf("TwoReplicasIT: jobs handled by replica-a %d, by replica-b %d%n", a.handledAll() - allBeforeA,
        b.handledAll() - allBeforeB);
    assertThat(a.handledAll()).as("jobs replica A handled").isGreaterThan(allBeforeA);
    assertThat(b.handledAll()).as("jobs replica B handled").isGreaterThan(allBeforeB);

    for (CustomerView customer : customers) {
      a.journeys().awaitMailsTo(customer.apEmail(), 1);
    }
    a.journeys().quiesce();
    for (int i = 0; i < invoices.size(); i++) {
      String number = invoices.get(i).number();
      assertThat(subjects(a.journeys().mailsTo(customers.get(i).apEmail())))
          .as("invoice mails for " + number).filteredOn(s -> s.contains(number)).hasSize(1);
    }

    StatementBuilder statement = aStatement().on(a.journeys().today());
    for (int i = 0; i < invoices.size(); i++) {
      statement.credit(invoices.get(i).openAmount().toPlainString(), customers.get(i).name(), null, "Invoice " + invoices.get(i).number());
    }
    StatementImport imported = b.bean(BankStatements.class).importStatement(statement.camt053(), statement.id() + ".xml", null, null, "test");
    await().atMost(PATIENCE).until(() -> "CLOSED".equals(a.bean(BankStatements.class).get(imported.id()).status()));
    for (InvoiceView invoice : invoices) {
      assertThat(a.journeys().invoices.get(invoice.id()).status()).isEqualTo(InvoiceStatus.PAID);
      assertThat(db.queryForObject("select count(*) from payment where invoice_id = ?", Integer.class, invoice.id()))
          .as("payments posted to " + invoice.number()).isEqualTo(1);
    }

    a.journeys().quiesce();
    // both relays and both dispatchers polled all along: no row went out twice
    assertThat(db.queryForObject("select count(*) from engine_outbox where sent_at is null or attempts <> 1", Integer.class)).isZero();
    assertThat(db.queryForObject("select count(*) from mail_outbox where sent_at is null or attempts <> 1", Integer.class)).isZero();
    assertThat(messageIds(List.of(smtp.getReceivedMessages())).values()).as("copies of each mail").containsOnly(1L);
    // both replicas checkpoint the audit chain every second: one checkpoint per head, however they meet
    await().atMost(PATIENCE).until(() -> db.queryForObject("select count(*) from audit_checkpoint where reason = 'interval'", Integer.class) >= 3);
    assertThat(db.queryForList("select chain_seq from audit_checkpoint where reason = 'interval' group by chain_seq having count(*) > 1")).isEmpty();
  }

  @Test
  @Order(2)
  void aTaskClaimedOnOneReplicaShowsClaimedOnTheOther() {
    StatementBuilder statement = aStatement().on(a.journeys().today()).credit("512.00", "Unknown Payer Ltd", null, "no reference at all");
    StatementImport imported = a.bean(BankStatements.class).importStatement(statement.camt053(), statement.id() + ".xml", null, null, "test");
    TaskView task = b.journeys().awaitOpenTask("statement:" + imported.id());
    assertThat(task.assignee()).isNull();

    a.journeys().inbox.claim(task.id(), Staff.anyone("carla"), task.version());

    TaskView seenOnB = b.journeys().inbox.get(task.id());
    assertThat(seenOnB.assignee()).isEqualTo("carla");
    assertThatThrownBy(() -> b.journeys().inbox.claim(task.id(), Staff.anyone("dana"), task.version()))
        .as("a claim on B with the version A's claim replaced").isInstanceOf(settle.common.ConflictException.class);
    assertThat(a.journeys().inbox.get(task.id()).assignee()).isEqualTo("carla");
  }

  @Test
  @Order(3)
  void theMailServerDownDuringAReminderRunThenBackSendsEveryReminderOnce() {
    // a customer each: one customer's invoices due the same day share one reminder
    List<CustomerView> customers = new ArrayList<>();
    List<InvoiceView> invoices = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      Replica entry = i % 2 == 0 ? a : b;
      customers.add(entry.journeys().customer(aCustomer()));
      invoices.add(entry.journeys().invoiced(anOrderFor(customers.get(i).id()).worth((300 + i) + ".00")));
    }
    customers.forEach(customer -> a.journeys().awaitMailsTo(customer.apEmail(), 1));
    a.journeys().quiesce();
    int received = smtp.getReceivedMessages().length;

    mailLine.cut();
    try {
      long days = invoices.getFirst().dueDate().toEpochDay() - a.journeys().today().toEpochDay();
      a.bean(DemoTime.class).advance(Duration.ofDays(days));
      // every reminder of the run is queued and has been tried at least once while the server was away
      String[] reminders = invoices.stream().map(invoice -> "Due today: invoice " + invoice.number()).toArray(String[]::new);
      await().atMost(PATIENCE).until(() -> db.queryForObject(
          "select count(*) from mail_outbox where sent_at is null and attempts > 0 and subject = any(?)", Integer.class,
          (Object) reminders) == 3);
      assertThat(smtp.getReceivedMessages()).hasSize(received);
    } finally {
      mailLine.restore();
    }

    await().atMost(PATIENCE).until(() -> db.queryForObject("select count(*) from mail_outbox where sent_at is null", Integer.class) == 0);
    for (int i = 0; i < 3; i++) {
      String number = invoices.get(i).number();
      assertThat(subjects(a.journeys().mailsTo(customers.get(i).apEmail()))).filteredOn(s -> s.equals("Due today: invoice " + number))
          .hasSize(1);
      assertThat(messageIds(a.journeys().mailsTo(customers.get(i).apEmail())).values()).containsOnly(1L);
      assertThat(messageIds(a.journeys().mailsTo(customers.get(i).accountOwnerEmail())).values()).as("heads-ups").containsOnly(1L);
    }
  }

  @Test
  @Order(4)
  void aMailServerThatTakesMailsAndThenFailsMidBatchLosesNoneAndAResentMailKeepsItsMessageId() {
    a.journeys().quiesce();
    String to = "ap-" + UUID.randomUUID() + "@customer.example";
    int next = mailLine.mails();
    // the second and fifth mail of the batch reach the server, whose answer is then lost
    mailLine.loseTheAnswerToMail(next + 2);
    mailLine.loseTheAnswerToMail(next + 5);
    a.bean(org.springframework.transaction.support.TransactionTemplate.class).executeWithoutResult(status -> {
      for (int i = 1; i <= 6; i++) {
        a.bean(MailOutbox.class).enqueue(new OutgoingMail("batch:" + to + ":" + i, "Dana Whitfield", to, "Hello " + i, "credit-hold",
            Map.of("customer", Map.of("accountOwnerName", "Dana", "name", "Acme"),
                "order", Map.of("id", i, "total", "1.00", "currency", "EUR"),
                "reason", "r", "exposurePercent", 1, "maxDaysPastDue", 0, "orderUrl", "http://localhost/"),
            List.of(), "customer:0"));
      }
    });

    await().atMost(PATIENCE).until(() -> db.queryForObject(
        "select count(*) from mail_outbox where to_address = ? and sent_at is not null", Integer.class, to) == 6);
    Map<String, Long> copies = messageIds(a.journeys().mailsTo(to));
    assertThat(copies).as("one Message-ID per queued mail, none lost").hasSize(6);
    assertThat(copies.values()).as("the two mails whose answer was lost arrived twice, under the same Message-ID")
        .containsExactlyInAnyOrder(1L, 1L, 1L, 1L, 2L, 2L);
    assertThat(db.queryForObject("select count(*) from mail_outbox where to_address = ? and attempts = 2", Integer.class, to)).isEqualTo(2);
  }

  @Test
  @Order(5)
  void theDatabaseConnectionLostInTheMiddleOfAStatementImportLeavesNothingAndTheRetrySucceeds() throws Exception {
    CustomerView customer = a.journeys().customer(aCustomer());
    InvoiceView invoice = a.journeys().invoiced(anOrderFor(customer.id()).worth("640.00"));
    a.journeys().quiesce();
    StatementBuilder statement = aStatement().on(a.journeys().today()).credit("640.00", customer.name(), null, "Invoice " + invoice.number());
    Map<String, Integer> before = counts();

    CompletableFuture<StatementImport> cut;
    try (Connection blocker = settleDatabase().getConnection()) {
      blocker.setAutoCommit(false);
      // the import's last write (its audit entry) waits here, after the statement, its lines and its message are written
      blocker.createStatement().execute("lock table audit_pending in exclusive mode");
      cut = CompletableFuture.supplyAsync(() -> a.bean(BankStatements.class)
          .importStatement(statement.camt053(), statement.id() + ".xml", null, null, "test"));
      Integer pid = await().atMost(PATIENCE).until(() -> db.query("""
          select pid from pg_stat_activity where application_name = 'replica-a' and wait_event_type = 'Lock'
          and query like '%insert into audit_pending%'""", (rs, i) -> rs.getInt(1)).stream().findFirst().orElse(null),
          java.util.Objects::nonNull);
      assertThat(db.queryForObject("select pg_terminate_backend(?)", Boolean.class, pid)).isTrue();
      blocker.rollback();
    }
    assertThat(cut).failsWithin(PATIENCE);
    assertThat(counts()).as("nothing of the import stayed").isEqualTo(before);

    StatementImport retried = a.bean(BankStatements.class).importStatement(statement.camt053(), statement.id() + ".xml", null, null, "test");
    assertThat(retried.alreadyImported()).isFalse();
    await().atMost(PATIENCE).until(() -> "CLOSED".equals(a.bean(BankStatements.class).get(retried.id()).status()));
    assertThat(a.journeys().invoices.get(invoice.id()).status()).isEqualTo(InvoiceStatus.PAID);
    assertThat(counts().get("bank_statement")).isEqualTo(before.get("bank_statement") + 1);
  }

  private Map<String, Integer> counts() {
    Map<String, Integer> counts = new HashMap<>();
    for (String table : List.of("bank_statement", "bank_statement_line", "engine_outbox", "audit_entry", "payment")) {
      counts.put(table, db.queryForObject("select count(*) from " + table, Integer.class));
    }
    return counts;
  }

  @Test
  @Order(6)
  void theEngineAwayWhilePaymentsAndStatementsComeInGetsEveryMessageOnceAfterItReturns() {
    CustomerView customer = a.journeys().customer(aCustomer());
    InvoiceView paidByHand = a.journeys().invoiced(anOrderFor(customer.id()).worth("410.00"));
    InvoiceView paidByStatement = b.journeys().invoiced(anOrderFor(customer.id()).worth("420.00"));
    a.journeys().quiesce();
    long waitingBefore = db.queryForObject("select coalesce(max(id), 0) from engine_outbox", Long.class);

    a.engineLine().cut();
    b.engineLine().cut();
    StatementImport imported;
    try {
      a.journeys().payments.record(new RecordPayment(paidByHand.number(), new java.math.BigDecimal("410.00"), a.journeys().today(),
          "REF-" + UUID.randomUUID(), null), "test");
      StatementBuilder statement = aStatement().on(a.journeys().today()).credit("420.00", customer.name(), null, "Invoice " + paidByStatement.number());
      imported = b.bean(BankStatements.class).importStatement(statement.camt053(), statement.id() + ".xml", null, null, "test");
      // both messages are waiting, and the relays have tried them while the engine was away
      await().atMost(PATIENCE).until(() -> db.queryForObject(
          "select count(*) from engine_outbox where id > ? and sent_at is null and attempts > 0", Integer.class, waitingBefore) >= 2);
    } finally {
      a.engineLine().restore();
      b.engineLine().restore();
    }

    await().atMost(PATIENCE).until(() -> "CLOSED".equals(a.bean(BankStatements.class).get(imported.id()).status()));
    await().atMost(PATIENCE).until(() -> a.journeys().invoices.get(paidByHand.id()).status() == InvoiceStatus.PAID);
    long handLoop = a.journeys().instanceOf(settle.collections.InvoiceCollection.PROCESS_ID, "invoiceId", paidByHand.id());
    long statementLoop = a.journeys().instanceOf(settle.collections.InvoiceCollection.PROCESS_ID, "invoiceId", paidByStatement.id());
    await().atMost(PATIENCE).until(() -> a.journeys().history.isCompleted(handLoop) && a.journeys().history.isCompleted(statementLoop));
    assertThat(a.journeys().invoices.get(paidByStatement.id()).status()).isEqualTo(InvoiceStatus.PAID);
    for (InvoiceView invoice : List.of(paidByHand, paidByStatement)) {
      assertThat(db.queryForObject("select count(*) from payment where invoice_id = ?", Integer.class, invoice.id())).isEqualTo(1);
    }
    assertThat(db.queryForObject("select count(*) from engine_outbox where id > ? and sent_at is null", Integer.class, waitingBefore)).isZero();
  }

  @Test
  @Order(7)
  void aReplicaKilledInTheMiddleOfAJobLeavesItToTheOtherWhichDoesItOnce() throws Exception {
    CustomerView customer = b.journeys().customer(aCustomer());
    OrderView order = b.journeys().order(anOrderFor(customer.id()).worth("730.00"));
    b.journeys().awaitOrder(order.id(), OrderStatus.APPROVED);
    b.journeys().quiesce();
    // a third replica in a JVM of its own, so it can be killed outright
    ReplicaProcess victim = replicas.process("replica-c", "camunda.client.worker.defaults.timeout=" + JOB_TIMEOUT);
    long issuedBefore = a.handled(InvoicingTasks.ISSUE_INVOICE) + b.handled(InvoicingTasks.ISSUE_INVOICE);

    try (Connection blocker = settleDatabase().getConnection()) {
      // the victim takes the issue-invoice job (the others cannot reach the engine until it has) and stops inside it, in
      // its transaction, at the order's lock
      blocker.createStatement().execute("select pg_advisory_lock(hashtext('invoice-for-order:" + order.id() + "'))");
      a.engineLine().cut();
      b.engineLine().cut();
      try {
        b.journeys().orders.fulfil(order.id(), "test");
        await().atMost(PATIENCE).until(() -> {
          // a or b may claim the message first, fail to send it and back off: keep it due, so the victim's relay sends it
          db.update("update engine_outbox set next_attempt_at = now() where sent_at is null and message_name = ?"
              + " and correlation_key = ?", OrderToCash.ORDER_FULFILLED, String.valueOf(order.id()));
          return db.queryForObject("""
              select count(*) from pg_stat_activity where wait_event_type = 'Lock' and wait_event = 'advisory'
              and application_name = ?""", Integer.class, victim.name()) == 1;
        });
      } finally {
        a.engineLine().restore();
        b.engineLine().restore();
      }

      int exit = victim.kill();
      System.out.printf("TwoReplicasIT: %s killed in the middle of its job (exit %d)%n", victim.name(), exit);
      assertThat(exit).as("killed by SIGKILL").isEqualTo(128 + 9);
      // its connection, waiting for the lock, is dropped with its (still empty) transaction
      blocker.createStatement().execute("select pg_advisory_unlock_all()");
    }

    // the job goes to a survivor once its timeout (JOB_TIMEOUT) has passed since the victim took it
    await().atMost(PATIENCE).until(() -> a.journeys().orders.get(order.id()).status() == OrderStatus.INVOICED);
    assertThat(a.handled(InvoicingTasks.ISSUE_INVOICE) + b.handled(InvoicingTasks.ISSUE_INVOICE)).isEqualTo(issuedBefore + 1);
    assertThat(db.queryForObject("select count(*) from invoice where order_id = ?", Integer.class, order.id())).isEqualTo(1);
    a.journeys().awaitMailsTo(customer.apEmail(), 1);
    a.journeys().quiesce();
    assertThat(subjects(a.journeys().mailsTo(customer.apEmail()))).filteredOn(s -> s.startsWith("Invoice ")).hasSize(1);
  }

  private static List<String> subjects(List<MimeMessage> mails) {
    return mails.stream().map(m -> {
      try {
        return m.getSubject();
      } catch (jakarta.mail.MessagingException e) {
        throw new IllegalStateException(e);
      }
    }).toList();
  }

  /** How many copies arrived of each Message-ID. */
  private static Map<String, Long> messageIds(List<MimeMessage> mails) {
    return mails.stream().collect(Collectors.groupingBy(m -> {
      try {
        return m.getMessageID();
      } catch (jakarta.mail.MessagingException e) {
        throw new IllegalStateException(e);
      }
    }, Collectors.counting()));
  }
}
