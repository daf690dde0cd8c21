package settle.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static settle.testdata.CustomerBuilder.aCustomer;
import static settle.testdata.OrderBuilder.anOrderFor;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import settle.orders.OrderStatus;
import settle.orders.OrderToCash;
import settle.orders.OrderView;
import settle.testdata.Journeys;
import settle.testdata.SettleTest;

/** The outbox delivers at least once; the engine's message ids make that exactly once. */
@SettleTest
class EngineOutboxTest {

  @Autowired ApplicationContext context;
  @Autowired JdbcTemplate jdbc;

  @Test
  void aStartMessageSentAgainAfterALostAnswerStartsNoSecondProcess() {
    Journeys journeys = new Journeys(context);
    OrderView order = journeys.order(anOrderFor(journeys.customer(aCustomer()).id()).worth("100.00"));
    journeys.awaitOrder(order.id(), OrderStatus.APPROVED);
    long row = jdbc.queryForObject("select id from engine_outbox where message_name = ? and correlation_key = ?",
        Long.class, OrderToCash.ORDER_RECEIVED, String.valueOf(order.id()));

    // as if the relay had crashed after the engine took the message but before the row was marked sent
    jdbc.update("update engine_outbox set sent_at = null where id = ?", row);

    await().atMost(Journeys.PATIENCE).until(() ->
        jdbc.queryForObject("select sent_at is not null from engine_outbox where id = ?", Boolean.class, row));
    assertThat(jdbc.queryForObject("select last_error from engine_outbox where id = ?", String.class, row)).isNull();
    journeys.quiesce();
    assertThat(journeys.history.countInstancesWith(OrderToCash.PROCESS_ID, "orderId", order.id())).isEqualTo(1);
  }
}
