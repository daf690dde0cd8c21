package settle.communication;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import settle.testdata.Journeys;
import settle.testdata.SettleTest;

@SettleTest
class MailOutboxTest {

  @Autowired ApplicationContext context;
  @Autowired MailOutbox outbox;

  @Test
  void theSameStepQueuedTwiceSendsOneMail() {
    Journeys journeys = new Journeys(context);
    String to = "ap-" + UUID.randomUUID() + "@customer.example";
    var mail = new OutgoingMail("test:" + to, "Dana Whitfield", to, "Hello", "credit-hold",
        Map.of("customer", Map.of("accountOwnerName", "Dana", "name", "Acme"),
            "order", Map.of("id", 1, "total", "1.00", "currency", "EUR"),
            "reason", "r", "exposurePercent", 1, "maxDaysPastDue", 0, "orderUrl", "http://localhost/"),
        List.of(), "customer:0");

    assertThat(outbox.enqueue(mail)).isTrue();
    assertThat(outbox.enqueue(mail)).isFalse();

    journeys.quiesce(); // the outbox drained: whatever was queued has been delivered
    assertThat(journeys.mailsTo(to)).hasSize(1);
  }
}
