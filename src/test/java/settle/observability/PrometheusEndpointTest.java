package settle.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static settle.testdata.CustomerBuilder.aCustomer;
import static settle.testdata.OrderBuilder.anOrderFor;
import static settle.testdata.StatementBuilder.aStatement;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import settle.customers.CustomerView;
import settle.invoicing.InvoiceView;
import settle.payments.BankStatements;
import settle.payments.CashApplication;
import settle.payments.StatementImport;
import settle.tasks.TaskView;
import settle.testdata.Api;
import settle.testdata.Journeys;
import settle.testdata.SettleTest;
import settle.testdata.StatementBuilder;

/**
 * A scraper without a session reads {@code /actuator/prometheus}, and what Settle did shows in it: an invoice mailed,
 * a statement imported and matched by its job, one line posted and one left to a cash applier's task.
 */
@SettleTest
class PrometheusEndpointTest {

  @Autowired ApplicationContext context;
  @Autowired BankStatements statements;
  @LocalServerPort int port;
  Journeys journeys;
  Api scraper;

  @BeforeEach
  void setUp() {
    journeys = new Journeys(context);
    scraper = new Api(port).anonymous();
  }

  @Test
  void aScraperWithoutASessionSeesMailsStatementsLinesJobsAndTasksMove() {
    Scrape before = scrape();
    CustomerView customer = journeys.customer(aCustomer());
    InvoiceView invoice = journeys.invoiced(anOrderFor(customer.id()).worth("1200.00").terms("NET30"));
    await().atMost(Journeys.PATIENCE).until(() -> scrape().value("settle_mails_sent_total") > before.value("settle_mails_sent_total"));

    long statementId = importAndMatch(aStatement().on(journeys.today())
        .credit("1200.00", customer.name(), null, "Invoice " + invoice.number())
        .credit("75.00", "Unknown payer", null, "no idea"));
    TaskView task = journeys.awaitOpenTask("statement:" + statementId);
    String group = task.candidateGroups().getFirst();

    await().atMost(Journeys.PATIENCE).untilAsserted(() -> {
      Scrape after = scrape();
      assertThat(after.value("settle_statements_imported_total", "format=\"CAMT_053\""))
          .isEqualTo(before.value("settle_statements_imported_total", "format=\"CAMT_053\"") + 1);
      assertThat(after.value("settle_statement_lines_total", "status=\"AUTO_MATCHED\""))
          .isEqualTo(before.value("settle_statement_lines_total", "status=\"AUTO_MATCHED\"") + 1);
      assertThat(after.value("settle_statement_lines_total", "status=\"UNMATCHED\""))
          .isEqualTo(before.value("settle_statement_lines_total", "status=\"UNMATCHED\"") + 1);
      String matchJob = "type=\"" + CashApplication.MATCH_STATEMENT + "\"";
      assertThat(after.value("settle_job_handling_seconds_count", matchJob, "outcome=\"completed\""))
          .isGreaterThan(before.value("settle_job_handling_seconds_count", matchJob, "outcome=\"completed\""));
      assertThat(after.value("settle_job_handling_seconds_sum", matchJob, "outcome=\"completed\""))
          .isGreaterThan(before.value("settle_job_handling_seconds_sum", matchJob, "outcome=\"completed\""));
      // the Camunda client's own count, beside Settle's
      assertThat(after.value("camunda_job_invocations_total", matchJob, "action=\"activated\""))
          .isGreaterThan(before.value("camunda_job_invocations_total", matchJob, "action=\"activated\""));
      // the gauge is refreshed every few seconds: the new task shows once it was
      assertThat(after.value("settle_tasks_open", "group=\"" + group + "\""))
          .isGreaterThan(before.value("settle_tasks_open", "group=\"" + group + "\""));
      assertThat(after.lines("settle_outbox_depth")).anyMatch(line -> line.contains("outbox=\"engine\""))
          .anyMatch(line -> line.contains("outbox=\"mail\""));
      assertThat(after.lines("settle_outbox_lag_seconds")).hasSize(2);
      assertThat(after.lines("settle_mails_failed_total")).as("the failed-mail counter is published").isNotEmpty();
    });

    // counts and timings only: nothing that names the customer or the document
    String text = scrape().text();
    assertThat(text).doesNotContain(customer.name()).doesNotContain(invoice.number()).doesNotContain("Unknown payer");
  }

  @Test
  void livenessAndReadinessAreOpenToTheOrchestrator() {
    for (String probe : List.of("/actuator/health/liveness", "/actuator/health/readiness")) {
      Api.Response response = scraper.get(probe);
      assertThat(response.status()).as(probe).isEqualTo(200);
      assertThat(response.body().path("status").asText()).as(probe).isEqualTo("UP");
    }
  }

  private long importAndMatch(StatementBuilder statement) {
    StatementImport imported = statements.importStatement(statement.camt053(), statement.id() + ".xml", null, null, "test");
    return statements.awaitMatched(imported.id(), false, Duration.ofSeconds(30)).id();
  }

  private Scrape scrape() {
    Api.Response response = scraper.get("/actuator/prometheus");
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.contentType()).startsWith("text/plain");
    return new Scrape(new String(response.bytes(), StandardCharsets.UTF_8));
  }

  /** The Prometheus text format: one sample a line, {@code name{label="value",...} number}. */
  private record Scrape(String text) {

    List<String> lines(String name) {
      return text.lines().filter(line -> line.startsWith(name + "{") || line.startsWith(name + " ")).toList();
    }

    /** The sum of the samples of {@code name} carrying all these labels; 0 when there is none yet. */
    double value(String name, String... labels) {
      return lines(name).stream().filter(line -> Arrays.stream(labels).allMatch(line::contains))
          .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }
  }
}
