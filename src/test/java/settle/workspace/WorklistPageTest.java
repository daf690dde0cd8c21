package settle.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static settle.testdata.CustomerBuilder.aCustomer;
import static settle.testdata.OrderBuilder.anOrderFor;
import static settle.testdata.StatementBuilder.aStatement;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import settle.customers.CustomerView;
import settle.invoicing.InvoiceView;
import settle.payments.BankStatements;
import settle.payments.LineStatus;
import settle.payments.StatementView;
import settle.tasks.TaskView;
import settle.testdata.Journeys;
import settle.testdata.PageSession;
import settle.testdata.SettleTest;
import settle.testdata.StatementBuilder;

/** The worklist and task pages in the words of the people who work them, read as a browser gets them. */
@SettleTest
class WorklistPageTest {

  @LocalServerPort int port;
  @Autowired ApplicationContext context;
  @Autowired BankStatements statements;

  Journeys journeys;

  @BeforeEach
  void setUp() {
    journeys = new Journeys(context);
  }

  @Test
  void everyWorklistRowNamesTheCustomerTheInvoiceTheAmountAndTheDaysOverdueNeverAnId() {
    CustomerView customer = journeys.customer(aCustomer().named("Brightwater Foods").rated("MEDIUM"));
    InvoiceView invoice = journeys.invoiced(anOrderFor(customer.id()).worth("11400.00"));
    journeys.advanceTo(invoice.dueDate().plusDays(7));
    TaskView call = journeys.awaitOpenTask("invoice:" + invoice.id());

    String page = PageSession.signIn(port, "casey", "casey").get("/work").body();
    String row = row(page, call.id());
    assertThat(row).contains(customer.name(), "Invoice " + invoice.number(), "11,400.00 EUR", "7 days overdue",
        "Call the AP contact at " + customer.name() + " about the overdue invoice");
    assertThat(row).containsPattern("title=\"Risk rating medium, 11,400.00 EUR, 7 days past due when it opened\"");
    assertThat(page).doesNotContain("invoice:", "order:", "statement:", "collector-call");
  }

  @Test
  void anEmptyWorklistSaysWhichGroupsTheUserIsInAndWhyNothingIsThere() {
    String auditor = PageSession.signIn(port, "audrey", "audrey").get("/work").body();
    assertThat(text(auditor)).contains("You are in no group that works tasks, so none come here.")
        .doesNotContain("()", "unclaimed ones ()");

    String operations = PageSession.signIn(port, "olu", "olu").get("/work?show=MINE").body();
    assertThat(text(operations)).contains("You are in Operations. You have claimed no open task.",
        "Unclaimed ones appear here as soon as a process step asks for a person");
  }

  @Test
  void theCallTaskNamesTheContactWithTheirPhoneAndTheirLocalTimeNowAndWhatToAsk() {
    CustomerView customer = journeys.customer(aCustomer().named("Harbour Tools").rated("MEDIUM")
        .apContact("Anna Berger", "+1 212 555 0142", "America/New_York"));
    InvoiceView invoice = journeys.invoiced(anOrderFor(customer.id()).worth("2500.00"));
    journeys.advanceTo(invoice.dueDate().plusDays(7));
    TaskView call = journeys.awaitOpenTask("invoice:" + invoice.id());

    String page = PageSession.signIn(port, "casey", "casey").get("/work/" + call.id()).body();
    String localTime = ZonedDateTime.ofInstant(journeys.clock.instant(), java.time.ZoneId.of("America/New_York"))
        .format(DateTimeFormatter.ofPattern("EEEE HH:mm", Locale.ENGLISH));
    assertThat(section(page, "call")).contains("Anna Berger", "href=\"tel:+12125550142\"", "+1 212 555 0142",
        localTime + " (America/New_York)",
        "When Invoice " + invoice.number() + " (2,500.00 EUR, 7 days overdue) will be paid");
    assertThat(page).contains("Call Anna Berger at " + customer.name());
  }

  @Test
  void anApplyCashChoiceThatCannotBePostedIsRefusedOnThePageAndTheTaskKeepsTheChoiceAndNotes() {
    long statement = unmatchedLine("Stranger Trading Ltd", "DE02120300000000202051");
    TaskView task = journeys.awaitOpenTask("statement:" + statement);
    PageSession cara = PageSession.signIn(port, "cara", "cara");
    cara.postFormFrom("/work/" + task.id(), "/work/" + task.id() + "/claim", Map.of("version", String.valueOf(task.version())));
    assertThat(cara.get("/work/" + task.id()).body()).contains("You have claimed this task.");

    // nobody is named whose account would hold the money: the posting could never take this choice
    PageSession.Response done = cara.postFormFrom("/work/" + task.id(), "/work/" + task.id() + "/complete",
        Map.of("action", "ON_ACCOUNT", "customerId", "", "notes", "Called the payer: they will send a remittance"));

    assertThat(done.location()).endsWith("/work/" + task.id());
    String page = cara.get("/work/" + task.id()).body();
    assertThat(page).contains("id=\"error-customerId\"", "Name the customer whose account holds the money",
        "Called the payer: they will send a remittance").containsPattern("value=\"ON_ACCOUNT\"\\s+selected");
    TaskView after = journeys.inbox.get(task.id());
    assertThat(after.status()).isEqualTo("OPEN");
    assertThat(after.assignee()).isEqualTo("cara");
    assertThat(statements.get(statement).lines().getFirst().status()).isEqualTo(LineStatus.UNMATCHED);
  }

  @Test
  void theCashApplierPicksTheCustomerByNameOrInvoiceNumberAndABadPickIsRefusedBesideTheField() {
    CustomerView customer = journeys.customer(aCustomer().named("Quarry Lane Bakery"));
    InvoiceView invoice = journeys.invoiced(anOrderFor(customer.id()).worth("300.00"));
    long statement = unmatchedLine("Q L B", "DE44500105175407324931");
    TaskView task = journeys.awaitOpenTask("statement:" + statement);
    PageSession cara = PageSession.signIn(port, "cara", "cara");

    assertThat(cara.get("/work/customer-search?q=" + invoice.number()).body())
        .contains("value=\"" + customer.name() + "\"", "invoice " + invoice.number());
    assertThat(cara.get("/work/customer-search?q=quarry%20lane").body()).contains("value=\"" + customer.name() + "\"");

    cara.postFormFrom("/work/" + task.id(), "/work/" + task.id() + "/complete",
        Map.of("action", "ON_ACCOUNT", "customerId", "No such customer anywhere", "notes", "Held for them"));
    String refused = cara.get("/work/" + task.id()).body();
    assertThat(refused).contains("id=\"error-customerId\"", "No customer matches “No such customer anywhere”",
        "value=\"No such customer anywhere\"", "Held for them");
    assertThat(journeys.inbox.get(task.id()).status()).isEqualTo("OPEN");

    PageSession.Response done = cara.postFormFrom("/work/" + task.id(), "/work/" + task.id() + "/complete",
        Map.of("action", "ON_ACCOUNT", "customerId", invoice.number(), "notes", "Held for them"));
    assertThat(done.location()).endsWith("/work");
    await().atMost(Journeys.PATIENCE).until(() -> statements.get(statement).lines().getFirst().status() == LineStatus.MANUAL);
    StatementView.Line line = statements.get(statement).lines().getFirst();
    assertThat(line.resolution()).isEqualTo("ON_ACCOUNT");
    assertThat(line.customerId()).isEqualTo(customer.id());
  }

  /** A statement whose one credit no rule can place, matched and waiting for a cash applier. */
  private long unmatchedLine(String payer, String account) {
    StatementBuilder statement = aStatement().on(journeys.today()).credit("480.00", payer, account, "no reference given");
    var imported = statements.importStatement(statement.camt053(), statement.id() + ".xml", null, null, "test");
    assertThat(statements.awaitMatched(imported, Duration.ofSeconds(30)).status()).isEqualTo("MATCHED");
    return imported.id();
  }

  private static String row(String page, long taskId) {
    Matcher m = Pattern.compile("<tr data-task-id=\"" + taskId + "\">(.*?)</tr>", Pattern.DOTALL).matcher(page);
    assertThat(m.find()).as("a row for task " + taskId).isTrue();
    return m.group(1);
  }

  private static String section(String page, String id) {
    Matcher m = Pattern.compile("<section id=\"" + id + "\".*?</section>", Pattern.DOTALL).matcher(page);
    assertThat(m.find()).as("a section " + id).isTrue();
    return m.group();
  }

  private static String text(String html) {
    return html.replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ");
  }
}
