package settle.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static settle.testdata.CustomerBuilder.aCustomer;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import settle.customers.CustomerView;
import settle.testdata.Journeys;
import settle.testdata.PageSession;
import settle.testdata.SettleTest;

/** The orders list comes a page at a time, newest first, so a company with thousands of orders still gets a quick page. */
@SettleTest
class OrdersPageTest {

  private static final Pattern ROW = Pattern.compile("data-order=\"(\\d+)\"");
  private static final Pattern PAGER = Pattern.compile("Page (\\d+) of (\\d+) \\((\\d+) orders\\)");

  @LocalServerPort int port;
  @Autowired ApplicationContext context;
  @Autowired JdbcTemplate jdbc;

  @Test
  void theOrdersListShowsFiftyAtATimeAndTheLastPageHoldsTheOldest() {
    CustomerView customer = new Journeys(context).customer(aCustomer());
    // rejected orders written straight into the table: no credit check needed to show a long list
    long oldest = 0;
    for (int i = 0; i < 55; i++) {
      long id = jdbc.queryForObject("""
          insert into sales_order(customer_id, status, status_reason, currency, subtotal, total, payment_terms, created_at)
          values (?, 'REJECTED', 'Test order', 'EUR', 10, 10, 'NET30', ?) returning id""", Long.class,
          customer.id(), Timestamp.from(Instant.now()));
      oldest = i == 0 ? id : oldest;
    }
    PageSession session = PageSession.signIn(port, "demo", "demo");

    String first = session.get("/orders?status=REJECTED").body();
    Matcher pager = PAGER.matcher(first);
    assertThat(pager.find()).as("the pager under the list").isTrue();
    int pages = Integer.parseInt(pager.group(2));
    int matching = Integer.parseInt(pager.group(3));
    assertThat(matching).isGreaterThanOrEqualTo(55);
    assertThat(pages).isEqualTo((matching + 49) / 50);
    assertThat(ROW.matcher(first).results().count()).isEqualTo(50);
    assertThat(first).contains("rel=\"next\"").doesNotContain("rel=\"prev\"");

    String last = session.get("/orders?status=REJECTED&page=" + pages).body();
    assertThat(ROW.matcher(last).results().count()).isEqualTo(matching - 50L * (pages - 1));
    assertThat(last).contains("data-order=\"" + oldest + "\"").contains("rel=\"prev\"").doesNotContain("rel=\"next\"");
    assertThat(session.get("/orders?status=REJECTED&page=999").body()).contains("Page " + pages + " of " + pages);
  }
}
