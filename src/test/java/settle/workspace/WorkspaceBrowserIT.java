package settle.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static settle.testdata.CustomerBuilder.aCustomer;
import static settle.testdata.OrderBuilder.anOrderFor;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import org.junit.jupiter.api.Test;
import settle.customers.CustomerView;
import settle.invoicing.InvoiceView;
import settle.tasks.TaskView;
import settle.testdata.Api;
import settle.testdata.BrowserTestCase;
import settle.testdata.SettleTest;

/** The staff workspace in a real headless Chromium, as collectors and salespeople use it. */
@SettleTest
class WorkspaceBrowserIT extends BrowserTestCase {

  @Test
  void aCollectorWorksTheTopTaskRecordsAPromiseAndTheTimelineShowsIt() {
    // a new, medium-risk customer (WATCH): the collector is asked to call a week after the due date
    CustomerView customer = journeys.customer(aCustomer().rated("MEDIUM"));
    InvoiceView invoice = journeys.invoiced(anOrderFor(customer.id()).worth("95000.00"));
    journeys.advanceTo(invoice.dueDate().plusDays(7));
    TaskView call = journeys.awaitOpenTask("invoice:" + invoice.id());
    assertThat(call.taskType()).isEqualTo("collector-call");

    browser.signIn("casey", "casey");
    // other tests' customers share the database: the dashboard shows the most used currency unless asked for one
    browser.open("/?currency=EUR");
    assertThat(browser.find("#overdue-ar").getText()).endsWith(" EUR").isNotEqualTo("0.00 EUR");
    assertThat(browser.script("return Chart.getChart('aging-chart').data.labels.join(',')"))
        .isEqualTo("Not yet due,1-30 days,31-60 days,61-90 days,90+ days");
    // the teams as the table beside the chart names them
    assertThat((String) browser.script("return Chart.getChart('waiting-chart').data.labels.join(',')")).contains("Collectors").doesNotContain("-");
    browser.screenshot("0-dashboard");
    browser.open("/work");
    assertThat(browser.find("#worklist tbody tr").getAttribute("data-task-id")).isEqualTo(String.valueOf(call.id()));
    browser.screenshot("1-collector-worklist");

    browser.submit("#worklist tbody tr a[href^='/work/']");
    assertThat(browser.find("aside.context h2").getText()).isEqualTo(customer.name());
    assertThat(browser.find("#about").getText()).isEqualTo("Invoice " + invoice.number());
    assertThat(browser.find("#customer").getText()).isEqualTo(customer.name());
    assertThat(browser.find("aside.context").getText()).contains(invoice.number(), "Medium risk", "overdue");
    browser.screenshot("2-collector-task-with-context");

    browser.submit("#claim");
    assertThat(browser.find("#assignee").getText()).isEqualTo("casey");
    browser.select("#f-outcome", "PROMISE");
    String promiseDate = journeys.today().plusDays(5).toString();
    browser.setValue("#f-promiseDate", promiseDate);
    browser.find("#f-promiseAmount").sendKeys("95000");
    browser.find("#f-notes").sendKeys("AP clerk confirmed the payment run");
    browser.submit("#complete");
    assertThat(browser.find(".notice").getText()).contains("Call customer is complete");

    browser.open("/customers/" + customer.id());
    String promisedDay = settle.testdata.Mails.day(journeys.today().plusDays(5));
    browser.reloadUntilShown("Promise to pay 95,000.00 EUR by " + promisedDay);
    assertThat(browser.find("#timeline").getText()).contains("Call: promise, promised 95,000.00 EUR by " + promisedDay)
        .doesNotContain(promiseDate);
    browser.screenshot("3-customer-timeline-with-promise");
  }

  @Test
  void aSalespersonHoldsAnUpcomingReminderFromTheChasingPage() {
    CustomerView customer = journeys.customer(aCustomer().rated("LOW").ownedBy("Dana Whitfield", "dana.whitfield@northwind.example"));
    InvoiceView invoice = journeys.invoiced(anOrderFor(customer.id()).worth("4000.00"));
    journeys.advanceTo(invoice.dueDate().minusDays(3));

    browser.signIn("dana", "dana");
    browser.open("/chasing");
    String row = "#chasing tr[data-invoice='" + invoice.number() + "']";
    String sendsAt = invoice.dueDate().format(java.time.format.DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", java.util.Locale.ENGLISH))
        + ", 09:00 Berlin time";
    assertThat(browser.find(row).getText()).contains(customer.name(), "Reminder on the due date", sendsAt);
    browser.screenshot("4-sales-who-is-being-chased");
    browser.submit(row + " button");

    assertThat(browser.find(".notice").getText()).startsWith("Held until");
    assertThat(browser.find(row).getText()).contains("held until");
    browser.screenshot("5-sales-reminder-held");
    JsonNode trail = new Api(port).get("/api/audit?subject=invoice:" + invoice.id()).body();
    assertThat(trail.findValuesAsText("action")).contains("collections.hold-placed");
    assertThat(trail.findValuesAsText("actor")).contains("dana");
  }

  @Test
  void aSalespersonSeesOnlyTheirOwnCustomersBeingChased() {
    CustomerView danas = journeys.customer(aCustomer().ownedBy("Dana Whitfield", "dana.whitfield@northwind.example"));
    CustomerView lees = journeys.customer(aCustomer().ownedBy("Lee Moreau", "lee.moreau@northwind.example"));
    InvoiceView danasInvoice = journeys.invoiced(anOrderFor(danas.id()).worth("1000.00"));
    InvoiceView leesInvoice = journeys.invoiced(anOrderFor(lees.id()).worth("1000.00"));
    journeys.advanceTo(danasInvoice.dueDate().minusDays(3));

    String seenByDana = new Api(port).as("dana").get("/api/chasing").body().toString();
    String seenByLee = new Api(port).as("lee").get("/api/chasing").body().toString();
    assertThat(seenByDana).contains(danasInvoice.number()).doesNotContain(leesInvoice.number());
    assertThat(seenByLee).contains(leesInvoice.number()).doesNotContain(danasInvoice.number());
    assertThat(new Api(port).as("morgan").get("/api/chasing").body().toString())
        .contains(danasInvoice.number(), leesInvoice.number());
    // nor can one salesperson hold another's reminders through the API
    String hold = "{\"days\": 7, \"reason\": \"Renewal talks\"}";
    assertThat(new Api(port).as("lee").post("/api/invoices/" + danasInvoice.id() + "/holds", hold).status()).isEqualTo(403);
    assertThat(new Api(port).as("dana").post("/api/invoices/" + danasInvoice.id() + "/holds", hold).status()).isEqualTo(201);
  }

  @Test
  void aNoteMentioningAColleagueMailsThemALinkBack() throws Exception {
    CustomerView customer = journeys.customer(aCustomer());
    browser.signIn("casey", "casey");
    browser.open("/customers/" + customer.id());
    browser.find("#note-body").sendKeys("@dana they ask for a copy with the new PO number, can you call them?");
    browser.submit("#note-form button");
    assertThat(browser.find(".notice").getText()).isEqualTo("Note added; mailed dana.");
    assertThat(browser.find("#timeline li[data-kind=NOTE]").getText()).contains("Note by casey: @dana they ask for a copy");
    browser.screenshot("6-note-with-mention");

    List<MimeMessage> mails = journeys.awaitMailsTo("dana.whitfield@northwind.example", 1);
    MimeMessage mail = mails.stream().filter(m -> {
      try {
        return m.getSubject().equals("Casey Collins mentioned you on " + customer.name());
      } catch (Exception e) {
        return false;
      }
    }).findFirst().orElseThrow();
    assertThat(mail.getFrom()[0].toString()).contains("Casey Collins");
    assertThat(com.icegreen.greenmail.util.GreenMailUtil.getBody(mail))
        .contains("they ask for a copy with the new PO number", "/customers/" + customer.id() + "#note-");
  }
}
