package settle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import settle.collections.InvoiceCollection;
import settle.testdata.Api;
import settle.testdata.Journeys;
import settle.testdata.SettleTest;

/** The spine's story through the HTTP API alone, as an outside caller drives it. */
@SettleTest
class SpineStoryIT {

  @LocalServerPort int port;
  @Autowired ApplicationContext context;

  @Test
  void orderTravelsFromCreditReviewToInvoiceReminderAndPayment() {
    Api api = new Api(port);
    String tag = UUID.randomUUID().toString().substring(0, 8);
    String ap = "ap-" + tag + "@story.example";

    Api.Response customer = api.post("/api/customers", """
        {"name": "Story %s", "apEmail": "%s", "accountOwnerName": "Robin Sales", "accountOwnerEmail": "robin-%s@northwind.example",
         "creditLimit": 1000, "currency": "EUR"}""".formatted(tag, ap, tag));
    assertThat(customer.status()).isEqualTo(201);
    long customerId = customer.body().get("id").asLong();

    Api.Response order = api.post("/api/orders", """
        {"customerId": %d, "lines": [{"description": "Widgets", "quantity": 2, "unitPrice": 600}],
         "discountPercent": 0, "paymentTerms": "NET30", "poNumber": "PO-%s"}""".formatted(customerId, tag));
    assertThat(order.status()).isEqualTo(201);
    assertThat(order.body().get("status").asText()).isEqualTo("RECEIVED");
    assertThat(order.body().get("invoiceId").isNull()).isTrue();
    long orderId = order.body().get("id").asLong();

    // 1,200 against a limit of 1,000: the credit decision asks an analyst
    JsonNode task = await().atMost(Journeys.PATIENCE).until(() -> taskFor(api, "order:" + orderId), t -> t != null);
    assertThat(task.get("candidateGroups").get(0).asText()).isEqualTo("credit-analysts");
    Api.Response completed = api.post("/api/tasks/" + task.get("id").asLong() + "/complete",
        "{\"approved\": true, \"reason\": \"Long-standing customer\"}");
    assertThat(completed.status()).isEqualTo(200);
    await().atMost(Journeys.PATIENCE).until(() -> api.get("/api/orders/" + orderId).body().get("status").asText().equals("APPROVED"));

    assertThat(api.post("/api/orders/" + orderId + "/fulfilment", "").status()).isEqualTo(200);
    long invoiceId = await().atMost(Journeys.PATIENCE)
        .until(() -> api.get("/api/orders/" + orderId).body().get("invoiceId"), id -> !id.isNull()).asLong();
    JsonNode invoice = api.get("/api/invoices/" + invoiceId).body();
    assertThat(invoice.get("total").decimalValue()).isEqualByComparingTo("1200.00");
    assertThat(invoice.get("status").asText()).isEqualTo("OPEN");
    assertThat(invoice.get("customerId").asLong()).isEqualTo(customerId);
    assertThat(invoice.get("orderId").asLong()).isEqualTo(orderId);
    String number = invoice.get("number").asText();
    Api.Response pdf = api.get("/api/invoices/" + invoiceId + "/pdf");
    assertThat(pdf.contentType()).isEqualTo("application/pdf");
    assertThat(new String(pdf.bytes(), 0, 5)).isEqualTo("%PDF-");

    JsonNode invoiceMail = await().atMost(Journeys.PATIENCE).until(() -> api.get("/api/mail?to=" + ap).body(), m -> m.size() == 1).get(0);
    assertThat(invoiceMail.get("attachments").get(0).asText()).isEqualTo(number + ".pdf");
    assertThat(invoiceMail.get("from").asText()).contains("Robin Sales");

    // a new, medium-risk account is in the WATCH segment: a note three days before the due date, a reminder the day after
    await().atMost(Journeys.PATIENCE).until(() -> api.get("/api/invoices/" + invoiceId + "/collection").body().get("steps").size() > 0);
    LocalDate today = LocalDate.parse(api.get("/api/clock").body().get("date").asText());
    LocalDate due = LocalDate.parse(invoice.get("dueDate").asText());
    for (LocalDate day = today; day.isBefore(due.plusDays(1)); day = day.plusDays(1)) {
      assertThat(api.post("/api/clock/advance", "{\"days\": 1}").status()).isEqualTo(200);
    }
    JsonNode mails = await().atMost(Journeys.PATIENCE).until(() -> api.get("/api/mail?to=" + ap).body(), m -> m.size() == 3);
    assertThat(mails.get(1).get("subject").asText()).isEqualTo("Upcoming: invoice " + number + " is due on " + settle.testdata.Mails.day(due));
    JsonNode reminder = api.get("/api/mail/" + mails.get(0).get("id").asInt()).body();
    assertThat(reminder.get("subject").asText()).isEqualTo("Reminder: invoice " + number + " is 1 day overdue");
    assertThat(reminder.get("text").asText()).contains("1,200.00 EUR");
    assertThat(api.get("/api/mail?to=robin-" + tag).body().get(0).get("subject").asText()).startsWith("Heads-up");
    long days = java.time.temporal.ChronoUnit.DAYS.between(today, due.plusDays(1));

    Api.Response payment = api.post("/api/payments", """
        {"invoiceNumber": "%s", "amount": 1200.00, "valueDate": "%s", "reference": "BANK-%s"}"""
        .formatted(number, today.plusDays(days), tag));
    assertThat(payment.status()).isEqualTo(201);
    await().atMost(Journeys.PATIENCE).until(() -> api.get("/api/invoices/" + invoiceId).body().get("status").asText().equals("PAID"));
    await().atMost(Journeys.PATIENCE).until(() -> api.get("/api/orders/" + orderId).body().get("status").asText().equals("PAID"));

    // paid: the invoice's collection loop has ended, so 45 more days, run to the end, bring no reminder
    Journeys journeys = new Journeys(context);
    long loop = journeys.instanceOf(InvoiceCollection.PROCESS_ID, "invoiceId", invoiceId);
    await("the collection loop ended").atMost(Journeys.PATIENCE).until(() -> journeys.history.isCompleted(loop));
    for (int i = 0; i < 3; i++) {
      // a fortnight per call keeps each answer within the client's patience
      assertThat(api.post("/api/clock/advance", "{\"days\": 15}").status()).isEqualTo(200);
    }
    journeys.quiesce();
    assertThat(api.get("/api/mail?to=" + ap).body()).hasSize(3);

    List<String> orderTrail = actions(api.get("/api/audit?subject=order:" + orderId).body());
    assertThat(orderTrail).containsSubsequence("order.placed", "decision.credit-decision", "order.status-changed",
        "task.opened", "task.completed", "order.status-changed", "order.fulfilled");
    JsonNode decision = find(api.get("/api/audit?subject=order:" + orderId).body(), "decision.credit-decision");
    assertThat(decision.at("/details/inputs/exposureRatio").decimalValue()).isEqualByComparingTo("1.2");
    assertThat(decision.at("/details/inputs/riskRating").asText()).isEqualTo("MEDIUM");
    assertThat(decision.at("/details/output/decision").asText()).isEqualTo("REVIEW");
    assertThat(decision.get("actor").asText()).isNotBlank();
    assertThat(decision.get("at").asText()).isNotBlank();
    assertThat(actions(api.get("/api/audit?subject=invoice:" + invoiceId).body())).containsSubsequence(
        "invoice.issued", "mail.queued", "decision.customer-segmentation", "decision.next-collection-action",
        "collections.step-planned", "collections.reminder-sent", "collections.heads-up-sent", "collections.reminder-sent",
        "invoice.payment-applied", "payment.recorded");
    assertThat(api.get("/api/audit/verification").body().get("intact").asBoolean()).isTrue();
  }

  private static JsonNode taskFor(Api api, String subject) {
    for (JsonNode t : api.get("/api/tasks?group=credit-analysts").body()) {
      if (t.get("subject").asText().equals(subject)) {
        return t;
      }
    }
    return null;
  }

  private static List<String> actions(JsonNode trail) {
    List<String> actions = new ArrayList<>();
    trail.forEach(e -> actions.add(e.get("action").asText()));
    return actions;
  }

  private static JsonNode find(JsonNode trail, String action) {
    for (JsonNode e : trail) {
      if (e.get("action").asText().equals(action)) {
        return e;
      }
    }
    throw new AssertionError("No " + action + " in " + trail);
  }
}
