package settle.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static settle.testdata.CustomerBuilder.aCustomer;
import static settle.testdata.OrderBuilder.anOrderFor;
import static settle.testdata.StatementBuilder.aStatement;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import settle.customers.CustomerView;
import settle.invoicing.InvoiceStatus;
import settle.invoicing.InvoiceView;
import settle.payments.statements.StatementCorpus;
import settle.testdata.Api;
import settle.testdata.Journeys;
import settle.testdata.SettleTest;
import settle.testdata.StatementBuilder;

/** POST and GET /api/bank-statements with a statement in every format, built from the invoices the test creates. */
@SettleTest
class BankStatementsIT {

  private static final String ROWS = "select (select count(*) from bank_statement) || '/' || (select count(*) from bank_statement_line)"
      + " || '/' || (select count(*) from payment)";

  @LocalServerPort int port;
  @Autowired ApplicationContext context;
  @Autowired JdbcTemplate jdbc;
  @Autowired ImportSlots slots;
  @Autowired BankStatements statements;
  Journeys journeys;
  Api api;

  @BeforeEach
  void setUp() {
    journeys = new Journeys(context);
    api = new Api(port);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"camt.053", "camt.054", "MT940", "BAI2", "CSV"})
  void aStatementInEachFormatIsMatchedPostedAndNotPostedTwice(String format) {
    CustomerView customer = journeys.customer(aCustomer());
    List<InvoiceView> invoices = new ArrayList<>();
    for (String amount : List.of("110.00", "220.00", "130.00", "140.00", "150.00", "1010.00", "500.00")) {
      invoices.add(journeys.invoiced(anOrderFor(customer.id()).worth(amount)));
    }
    InvoiceView discounted = journeys.invoiced(anOrderFor(customer.id()).worth("1000.00").terms("2/10 NET30"));
    String payer = customer.name();
    String iban = "DE" + String.format("%020d", customer.id());
    StatementBuilder statement = aStatement().on(journeys.today())
        .credit("330.00", payer, iban, "Invoices " + number(invoices, 0) + " and " + number(invoices, 1))
        .credit("420.00", payer, iban, "Sammelzahlung " + number(invoices, 2) + " " + number(invoices, 3) + " " + number(invoices, 4))
        .credit("1007.00", payer, iban, number(invoices, 5))
        .credit("980.00", payer, iban, discounted.number() + " less 2 pct early payment")
        .credit("550.00", payer, iban, number(invoices, 6))
        .credit("123.45", "Jane Doe", "NL91ABNA0417164300", "donation")
        .debit("12.50");
    byte[] file = switch (format) {
      case "camt.053" -> statement.camt053();
      case "camt.054" -> statement.camt054();
      case "MT940" -> statement.mt940();
      case "BAI2" -> statement.bai2();
      default -> statement.csv();
    };

    Api.Response imported = api.postMultipart("/api/bank-statements", List.of(new Api.Part("file", "statement.dat", "application/octet-stream", file)));
    assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
    JsonNode body = imported.body();
    long id = body.get("id").asLong();
    assertThat(body.get("format").asText()).isEqualTo(format);
    assertThat(body.get("lines").asInt()).isEqualTo(6);
    assertThat(body.get("matched").asInt()).isEqualTo(5);
    assertThat(body.get("matchRate").decimalValue()).isEqualByComparingTo("0.8333");

    JsonNode view = await().atMost(Journeys.PATIENCE).until(() -> api.get("/api/bank-statements/" + id).body(),
        v -> v.at("/lines/2/status").asText().equals("WRITTEN_OFF") && v.at("/lines/5/status").asText().equals("UNMATCHED"));
    assertThat(view.get("precisionNote").asText()).contains("Precision");
    Function<Integer, List<String>> invoicesOf = n -> view.at("/lines/" + n + "/matches").findValuesAsText("invoiceNumber");
    assertThat(invoicesOf.apply(0)).containsExactlyInAnyOrder(number(invoices, 0), number(invoices, 1));
    assertThat(invoicesOf.apply(1)).containsExactlyInAnyOrder(number(invoices, 2), number(invoices, 3), number(invoices, 4));
    assertThat(invoicesOf.apply(3)).containsExactly(discounted.number());
    assertThat(view.at("/lines/3/matches/0/rule").asText()).isEqualTo("REFERENCE_DISCOUNT");
    assertThat(view.at("/lines/4/matches/0/rule").asText()).isEqualTo("REFERENCE_OVERPAY");
    assertThat(view.at("/lines/4/unapplied").decimalValue()).isEqualByComparingTo("50.00");
    assertThat(view.at("/lines/0/matches/0/confidence").asDouble()).isGreaterThanOrEqualTo(0.9);
    assertThat(view.at("/lines/5/payerName").asText()).containsIgnoringCase("Jane Doe");
    assertThat(view.at("/lines/5/matches")).isEmpty();
    assertThat(view.at("/matchRateByRule/REFERENCE/lines").asInt()).isEqualTo(2);
    for (InvoiceView invoice : invoices) {
      assertThat(journeys.invoices.get(invoice.id()).status()).as(invoice.number()).isEqualTo(InvoiceStatus.PAID);
    }
    assertThat(journeys.invoices.get(discounted.id()).status()).isEqualTo(InvoiceStatus.PAID);
    journeys.awaitOpenTask("statement:" + id);

    journeys.quiesce();
    String before = jdbc.queryForObject(ROWS, String.class);
    Api.Response again = api.postMultipart("/api/bank-statements", List.of(new Api.Part("file", "again.dat", "application/octet-stream", file)));
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.body().get("id").asLong()).isEqualTo(id);
    journeys.quiesce(); // had it started a second cash application, that would have run by now
    assertThat(jdbc.queryForObject(ROWS, String.class)).isEqualTo(before);
    assertThat(journeys.history.countInstancesWith(settle.payments.CashApplication.PROCESS_ID, "statementId", id)).isEqualTo(1);
    assertThat(api.get("/api/bank-statements").body().findValuesAsText("id")).contains(String.valueOf(id));
  }

  @Test
  void aFileOfSeveralStatementsImportsEachAsItsOwnStatementInOneGoAndOverlapsPostNothingTwice() {
    CustomerView customer = journeys.customer(aCustomer());
    List<InvoiceView> invoices = new ArrayList<>();
    List<StatementBuilder> days = new ArrayList<>();
    for (String amount : List.of("310.00", "320.00", "330.00")) {
      InvoiceView invoice = journeys.invoiced(anOrderFor(customer.id()).worth(amount));
      invoices.add(invoice);
      days.add(aStatement().on(journeys.today()).credit(amount, customer.name(), null, invoice.number()));
    }
    byte[] firstTwo = concat(days.get(0).mt940(), days.get(1).mt940());

    Api.Response imported = api.postMultipart("/api/bank-statements", List.of(new Api.Part("file", "two.sta", "text/plain", firstTwo)));
    assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
    JsonNode entries = imported.body().get("statements");
    assertThat(entries).hasSize(2);
    assertThat(entries.findValuesAsText("alreadyImported")).containsExactly("false", "false");
    assertThat(entries.findValuesAsText("format")).containsExactly("MT940", "MT940");
    assertThat(entries.findValuesAsText("lines")).containsExactly("1", "1");
    assertThat(imported.body().get("id").asLong()).isEqualTo(entries.get(0).get("id").asLong());
    assertThat(entries.get(1).get("id").asLong()).isNotEqualTo(entries.get(0).get("id").asLong());
    assertThat(imported.body().get("reconciled").asBoolean()).isTrue();
    await().atMost(Journeys.PATIENCE).until(() -> journeys.invoices.get(invoices.get(1).id()).status() == InvoiceStatus.PAID);
    assertThat(journeys.invoices.get(invoices.get(0).id()).status()).isEqualTo(InvoiceStatus.PAID);

    // A file that repeats the second day and adds the third: only the third is new.
    Api.Response overlap = api.postMultipart("/api/bank-statements",
        List.of(new Api.Part("file", "overlap.sta", "text/plain", concat(days.get(1).mt940(), days.get(2).mt940()))));
    assertThat(overlap.status()).isEqualTo(201);
    assertThat(overlap.body().get("statements").findValuesAsText("alreadyImported")).containsExactly("true", "false");
    assertThat(overlap.body().at("/statements/0/id").asLong()).isEqualTo(entries.get(1).get("id").asLong());
    await().atMost(Journeys.PATIENCE).until(() -> journeys.invoices.get(invoices.get(2).id()).status() == InvoiceStatus.PAID);

    journeys.quiesce();
    String before = jdbc.queryForObject(ROWS, String.class);
    Api.Response again = api.postMultipart("/api/bank-statements", List.of(new Api.Part("file", "again.sta", "text/plain", firstTwo)));
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.body().get("statements").findValuesAsText("alreadyImported")).containsExactly("true", "true");
    journeys.quiesce();
    assertThat(jdbc.queryForObject(ROWS, String.class)).isEqualTo(before);
    for (InvoiceView invoice : invoices) {
      assertThat(jdbc.queryForObject("select count(*) from payment where invoice_id = ?", Long.class, invoice.id())).isEqualTo(1);
    }
  }

  @Test
  void aStatementWhoseBalancesDoNotAddUpIsFlaggedOverHttpAndOnlyACashApplierConfirmsIt() {
    CustomerView customer = journeys.customer(aCustomer());
    InvoiceView invoice = journeys.invoiced(anOrderFor(customer.id()).worth("640.00"));
    StatementBuilder statement = aStatement().on(journeys.today()).credit("640.00", customer.name(), null, invoice.number());
    byte[] unbalanced = new String(statement.mt940(), StandardCharsets.UTF_8)
        .replaceFirst("(:62F:C\\d{6}EUR)[\\d,]+", "$1641,00").getBytes(StandardCharsets.UTF_8);

    Api.Response imported = api.as("cara").postMultipart("/api/bank-statements",
        List.of(new Api.Part("file", "unbalanced.sta", "text/plain", unbalanced)));
    assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
    assertThat(imported.body().get("reconciled").asBoolean()).isFalse();
    assertThat(imported.body().at("/balances/closing").decimalValue()).isEqualByComparingTo("641.00");
    assertThat(imported.body().at("/balances/expectedClosing").decimalValue()).isEqualByComparingTo("640.00");
    assertThat(imported.body().get("status").asText()).isEqualTo("AWAITING_CONFIRMATION");
    long id = imported.body().get("id").asLong();
    assertThat(api.get("/api/bank-statements/" + id).body().get("reconciled").asBoolean()).isFalse();

    assertThat(api.as("audrey").post("/api/bank-statements/" + id + "/confirm", "").status()).isEqualTo(403);
    assertThat(journeys.invoices.get(invoice.id()).openAmount()).isEqualByComparingTo("640.00");

    Api.Response confirmed = api.as("cara").post("/api/bank-statements/" + id + "/confirm", "");
    assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
    assertThat(confirmed.body().at("/balances/confirmedBy").asText()).isEqualTo("cara");
    await().atMost(Journeys.PATIENCE).until(() -> journeys.invoices.get(invoice.id()).status() == InvoiceStatus.PAID);

    Api.Response balanced = api.as("cara").postMultipart("/api/bank-statements",
        List.of(new Api.Part("file", "balanced.sta", "text/plain", aStatement().on(journeys.today())
            .credit("1.00", "Nobody", null, "nothing").mt940())));
    Api.Response nothingToConfirm = api.as("cara").post("/api/bank-statements/" + balanced.body().get("id").asLong() + "/confirm", "");
    assertThat(nothingToConfirm.status()).isEqualTo(409);
    assertThat(api.as("cara").post("/api/bank-statements/987654321/confirm", "").status()).isEqualTo(404);
  }

  @Test
  void everyRealStatementOfTheCorpusImportsOverHttpAndTheTwoNonStatementsAreRefusedNamingTheLine() {
    org.junit.jupiter.api.Assumptions.assumeTrue(StatementCorpus.present(), "../shared/statements-corpus is not here");
    List<StatementCorpus.Expectation> corpus = StatementCorpus.expectations();
    for (StatementCorpus.Expectation file : corpus) {
      Api.Response response = api.postMultipart("/api/bank-statements",
          List.of(new Api.Part("file", file.name(), "application/octet-stream", StatementCorpus.bytes(file))));
      if (!file.statement()) {
        assertThat(response.status()).as(file.name()).isEqualTo(422);
        assertThat(response.body().get("line").asInt()).as(file.name()).isPositive();
        continue;
      }
      // 200 where an earlier corpus file held the same statement (the same id for the same account)
      assertThat(response.status()).as(file.name() + ": " + response).isIn(200, 201);
      if (file.statements() != null) {
        assertThat(response.body().get("statements")).as(file.name()).hasSize(file.statements());
      }
    }
    journeys.quiesce();
    String before = jdbc.queryForObject(ROWS, String.class);
    for (StatementCorpus.Expectation file : corpus) {
      Api.Response again = api.postMultipart("/api/bank-statements",
          List.of(new Api.Part("file", file.name(), "application/octet-stream", StatementCorpus.bytes(file))));
      assertThat(again.status()).as(file.name()).isEqualTo(file.statement() ? 200 : 422);
    }
    journeys.quiesce();
    assertThat(jdbc.queryForObject(ROWS, String.class)).isEqualTo(before);
  }

  private static byte[] concat(byte[] first, byte[] second) {
    byte[] both = java.util.Arrays.copyOf(first, first.length + second.length);
    System.arraycopy(second, 0, both, first.length, second.length);
    return both;
  }

  @Test
  void theSameStatementIdForTheSameAccountIsNotImportedTwice() {
    CustomerView customer = journeys.customer(aCustomer());
    StatementBuilder statement = aStatement().on(journeys.today()).credit("77.00", customer.name(), null, "nothing in particular");
    Api.Response first = api.postMultipart("/api/bank-statements", List.of(new Api.Part("file", "a.xml", "application/xml", statement.camt053())));
    assertThat(first.status()).isEqualTo(201);
    byte[] sameIdOtherBytes = new String(statement.camt053(), StandardCharsets.UTF_8).replace("<Ustrd>", "<Ustrd>re-sent ")
        .getBytes(StandardCharsets.UTF_8);
    Api.Response second = api.postMultipart("/api/bank-statements", List.of(new Api.Part("file", "b.xml", "application/xml", sameIdOtherBytes)));
    assertThat(second.status()).isEqualTo(200);
    assertThat(second.body().get("id").asLong()).isEqualTo(first.body().get("id").asLong());
  }

  @Test
  void aFileSentAgainWithATrailingNewlineRecordsEveryLineAsADuplicateAndPostsNothingTwice() {
    CustomerView customer = journeys.customer(aCustomer());
    InvoiceView first = journeys.invoiced(anOrderFor(customer.id()).worth("1000.00"));
    InvoiceView second = journeys.invoiced(anOrderFor(customer.id()).worth("800.00"));
    // Instalments: each pays part of an invoice it names, so a second posting would find money still open.
    // The second row has no bank reference at all: payer, remittance, date and amount identify it instead.
    String csv = "date,amount,currency,payer_name,payer_account,remittance,reference\n"
        + journeys.today() + ",400.00,EUR," + customer.name() + ",,Instalment " + first.number() + ",BANK-" + first.number() + "\n"
        + journeys.today() + ",300.00,EUR," + customer.name() + ",,Instalment " + second.number() + ",\n";

    Api.Response imported = importFile(csv.getBytes(StandardCharsets.UTF_8));
    assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
    assertThat(imported.body().get("matched").asInt()).isEqualTo(2);
    assertThat(imported.body().get("duplicates")).isEmpty();
    assertThat(payments(first)).isEqualTo(1);
    assertThat(payments(second)).isEqualTo(1);

    Api.Response again = importFile((csv + "\n").getBytes(StandardCharsets.UTF_8));
    assertThat(again.status()).as(again.toString()).isEqualTo(201);
    long firstId = imported.body().get("id").asLong();
    JsonNode duplicates = again.body().get("duplicates");
    assertThat(duplicates).hasSize(2);
    assertThat(duplicates.findValuesAsText("line")).containsExactly("1", "2");
    assertThat(duplicates.findValuesAsText("firstStatementId")).containsOnly(String.valueOf(firstId));
    assertThat(duplicates.findValuesAsText("firstLine")).containsExactly("1", "2");
    assertThat(duplicates.get(0).get("reference").asText()).isEqualTo("BANK-" + first.number());
    assertThat(duplicates.get(1).get("reference").isNull()).isTrue();
    assertThat(again.body().get("matched").asInt()).isZero();
    assertThat(again.body().get("status").asText()).isEqualTo("MATCHED");
    JsonNode view = api.get("/api/bank-statements/" + again.body().get("id").asLong()).body();
    assertThat(view.get("lines").findValuesAsText("status")).containsOnly("DUPLICATE");
    assertThat(payments(first)).isEqualTo(1);
    assertThat(payments(second)).isEqualTo(1);
    assertThat(journeys.invoices.get(first.id()).openAmount()).isEqualByComparingTo("600.00");
    assertThat(journeys.invoices.get(second.id()).openAmount()).isEqualByComparingTo("500.00");
  }

  @Test
  void aStatementUnderAnotherIdThatRepeatsATransactionPostsOnlyItsNewLines() {
    CustomerView customer = journeys.customer(aCustomer());
    InvoiceView partlyPaid = journeys.invoiced(anOrderFor(customer.id()).worth("1000.00"));
    InvoiceView later = journeys.invoiced(anOrderFor(customer.id()).worth("250.00"));
    StatementBuilder statement = aStatement().on(journeys.today())
        .credit("400.00", customer.name(), null, "Instalment " + partlyPaid.number());
    // The bank notifies the credit during the day (camt.054) ...
    Api.Response notified = importFile(statement.camt054());
    assertThat(notified.status()).as(notified.toString()).isEqualTo(201);
    assertThat(notified.body().get("matched").asInt()).isEqualTo(1);

    // ... and books it again in the day's statement (camt.053, its own id) with a later credit.
    statement.credit("250.00", customer.name(), null, later.number());
    byte[] endOfDay = new String(statement.camt053(), StandardCharsets.UTF_8)
        .replace("<Id>" + statement.id() + "</Id>", "<Id>" + statement.id() + "-EOD</Id>").getBytes(StandardCharsets.UTF_8);
    Api.Response booked = importFile(endOfDay);
    assertThat(booked.status()).as(booked.toString()).isEqualTo(201);
    assertThat(booked.body().get("alreadyImported").asBoolean()).isFalse();
    assertThat(booked.body().get("lines").asInt()).isEqualTo(2);
    assertThat(booked.body().get("matched").asInt()).isEqualTo(1);
    assertThat(booked.body().get("matchRate").decimalValue()).isEqualByComparingTo("1.0000");
    JsonNode duplicates = booked.body().get("duplicates");
    assertThat(duplicates).hasSize(1);
    assertThat(duplicates.get(0).get("line").asInt()).isEqualTo(1);
    assertThat(duplicates.get(0).get("firstStatementId").asLong()).isEqualTo(notified.body().get("id").asLong());
    assertThat(duplicates.get(0).get("amount").decimalValue()).isEqualByComparingTo("400.00");

    assertThat(payments(partlyPaid)).isEqualTo(1);
    assertThat(journeys.invoices.get(partlyPaid.id()).openAmount()).isEqualByComparingTo("600.00");
    assertThat(journeys.invoices.get(later.id()).status()).isEqualTo(InvoiceStatus.PAID);
  }

  @Test
  void twoFilesImportedAtOnceWithTheSameTransactionPostItOnce() throws Exception {
    CustomerView customer = journeys.customer(aCustomer());
    InvoiceView invoice = journeys.invoiced(anOrderFor(customer.id()).worth("1000.00"));
    StatementBuilder statement = aStatement().on(journeys.today()).credit("400.00", customer.name(), null, "Instalment " + invoice.number());
    byte[] first = statement.camt053();
    byte[] second = new String(first, StandardCharsets.UTF_8)
        .replace("<Id>" + statement.id() + "</Id>", "<Id>" + statement.id() + "-B</Id>").getBytes(StandardCharsets.UTF_8);
    CyclicBarrier start = new CyclicBarrier(2);
    ExecutorService both = Executors.newFixedThreadPool(2);
    List<StatementImport> imports = new ArrayList<>();
    try {
      List<Callable<StatementImport>> uploads = List.of(first, second).stream().<Callable<StatementImport>>map(file -> () -> {
        start.await(30, TimeUnit.SECONDS);
        return statements.importStatement(file, "race.xml", null, null, "cara");
      }).toList();
      for (Future<StatementImport> done : both.invokeAll(uploads)) {
        StatementImport imported = done.get();
        imports.add(statements.awaitMatched(imported, Journeys.PATIENCE));
      }
    } finally {
      both.shutdown();
    }

    assertThat(imports).extracting(StatementImport::status).containsOnly("MATCHED");
    assertThat(imports).extracting(StatementImport::id).doesNotHaveDuplicates();
    assertThat(imports.stream().mapToInt(i -> i.duplicates().size()).sum()).isEqualTo(1);
    assertThat(imports.stream().mapToInt(StatementImport::matched).sum()).isEqualTo(1);
    assertThat(payments(invoice)).isEqualTo(1);
    assertThat(journeys.invoices.get(invoice.id()).openAmount()).isEqualByComparingTo("600.00");
  }

  @Test
  void anUploadThatFindsEveryImportSlotTakenIsToldToRetryAndNothingIsStored() throws Exception {
    CustomerView customer = journeys.customer(aCustomer());
    byte[] file = aStatement().on(journeys.today()).credit("12.34", customer.name(), null, "busy").csv();
    CountDownLatch taken = new CountDownLatch(2);
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService holders = Executors.newFixedThreadPool(2);
    try {
      for (int i = 0; i < 2; i++) {
        holders.submit(() -> slots.run(() -> {
          taken.countDown();
          try {
            return release.await(2, TimeUnit.MINUTES);
          } catch (InterruptedException e) {
            throw new IllegalStateException(e);
          }
        }));
      }
      assertThat(taken.await(30, TimeUnit.SECONDS)).as("two imports hold both slots").isTrue();
      String before = jdbc.queryForObject(ROWS, String.class);

      Api.Response busy = importFile(file);

      assertThat(busy.status()).as(busy.toString()).isEqualTo(503);
      assertThat(busy.contentType()).startsWith("application/problem+json");
      assertThat(busy.body().get("detail").asText()).contains("Send the file again");
      assertThat(busy.body().get("retryAfterSeconds").asInt()).isPositive();
      assertThat(jdbc.queryForObject(ROWS, String.class)).isEqualTo(before);
    } finally {
      release.countDown();
      holders.shutdown();
    }
    assertThat(holders.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    assertThat(importFile(file).status()).isEqualTo(201);
  }

  private Api.Response importFile(byte[] file) {
    return api.postMultipart("/api/bank-statements", List.of(new Api.Part("file", "statement.dat", "application/octet-stream", file)));
  }

  private int payments(InvoiceView invoice) {
    return jdbc.queryForObject("select count(*) from payment where invoice_id = ?", Integer.class, invoice.id());
  }

  @Test
  void aMalformedFileIsRefusedNamingTheLineAndNothingIsStored() {
    String before = jdbc.queryForObject(ROWS, String.class);
    byte[] mt940 = """
        :20:BROKEN
        :25:DE89370400440532013000
        :28C:00001/001
        :60F:C260105EUR0,00
        :61:2601050105X100,00NTRFNONREF//1
        :86:/REMI/USTD//INV-2026-000001/
        :62F:C260105EUR100,00
        -
        """.getBytes(StandardCharsets.UTF_8);
    Api.Response refused = api.postMultipart("/api/bank-statements", List.of(new Api.Part("file", "broken.sta", "text/plain", mt940)));
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    assertThat(refused.body().get("line").asInt()).isEqualTo(5);
    assertThat(refused.body().get("detail").asText()).startsWith("line 5 (:61:)");

    Api.Response unknown = api.postMultipart("/api/bank-statements", List.of(new Api.Part("file", "x.txt", "text/plain",
        "hello".getBytes(StandardCharsets.UTF_8))));
    assertThat(unknown.status()).isEqualTo(422);
    Api.Response badFormat = api.postMultipart("/api/bank-statements", List.of(
        new Api.Part("file", "x.txt", "text/plain", "hello".getBytes(StandardCharsets.UTF_8)),
        new Api.Part("format", null, "text/plain", "PDF".getBytes(StandardCharsets.UTF_8))));
    assertThat(badFormat.status()).isEqualTo(422);
    assertThat(badFormat.body().at("/errors/0/field").asText()).isEqualTo("format");
    assertThat(jdbc.queryForObject(ROWS, String.class)).isEqualTo(before);
  }

  private static String number(List<InvoiceView> invoices, int i) {
    return invoices.get(i).number();
  }
}
