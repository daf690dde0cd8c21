package settle.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import settle.testdata.Browser;
import settle.testdata.SettleTest;

/** A finance manager reads the reports, narrows them to three months and one segment, and exports them as CSV. */
@SettleTest
class ReportsBrowserIT {

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired Clock clock;
  Browser browser;

  @AfterEach
  void close() {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void financeManagerChangesThePeriodAndSegmentAndExportsCsv() {
    LocalDate today = LocalDate.now(clock);
    YearMonth thisMonth = YearMonth.from(today), lastMonth = thisMonth.minusMonths(1);
    LedgerRows rows = new LedgerRows(jdbc);
    long key = rows.customer("Fjord Shipping", "Olga");
    long standard = rows.customer("Nordlys Bakery", "Piotr");
    // last month: the key account was invoiced 1,200.00 DKK, the standard one 5,000.00 DKK; each paid part
    long k1 = rows.invoice(key, "DKK", "1200.00", lastMonth.atDay(3), lastMonth.atDay(3).plusDays(30));
    rows.payment(k1, "200.00", lastMonth.atDay(20));
    long s1 = rows.invoice(standard, "DKK", "5000.00", lastMonth.atDay(5), lastMonth.atDay(5).plusDays(14));
    rows.payment(s1, "1000.00", lastMonth.atDay(25));
    rows.step(k1, "KEY", "first-reminder", true, "HELD", lastMonth.atDay(10));
    rows.step(s1, "STANDARD", "first-reminder", false, "SENT", lastMonth.atDay(24));
    for (int back = 2; back <= 13; back++) {
      YearMonth m = thisMonth.minusMonths(back);
      rows.invoice(standard, "DKK", "300.00", m.atDay(1), m.atDay(1).plusDays(14));
    }

    browser = new Browser(port);
    browser.signIn("fran", "fran");
    browser.open("/");
    browser.submit("nav a[href='/reports']");
    browser.select("#report-filters select[name=currency]", "DKK");
    browser.submit("#report-filters button[type=submit]");
    assertThat(browser.all("#months tbody tr")).hasSize(12);
    browser.resize(1280, 2600);
    browser.screenshot("reports-1-twelve-months-1280");

    browser.select("#report-filters select[name=from]", thisMonth.minusMonths(2).toString());
    browser.select("#report-filters select[name=to]", thisMonth.toString());
    browser.select("#report-filters select[name=segment]", "KEY");
    browser.submit("#report-filters button[type=submit]");

    assertThat(browser.find("main h2").getText()).endsWith("DKK, segment Key");
    assertThat(browser.all("#months tbody tr")).hasSize(3);
    String lastMonthRow = browser.all("#months tbody tr").get(1).getText();
    assertThat(lastMonthRow).contains("1,200.00 DKK").contains("1,000.00 DKK").doesNotContain("6,200.00");
    assertThat(browser.find("#cadence").getText()).contains("First reminder").contains("100.0 %");
    browser.screenshot("reports-2-key-segment-1280");
    browser.resize(390, 2600);
    browser.screenshot("reports-3-key-segment-390");

    String csv = (String) browser.script("""
        var request = new XMLHttpRequest();
        request.open('GET', document.getElementById('export-csv').href, false);
        request.send();
        return request.status + ' ' + request.getResponseHeader('Content-Disposition') + '\\n' + request.responseText;""");
    List<String> lines = csv.lines().toList();
    assertThat(lines.getFirst()).startsWith("200 attachment").contains(".csv");
    assertThat(lines.get(1)).startsWith("month,currency,segment,invoiced,receivables,dso");
    assertThat(lines).hasSize(5);
    assertThat(lines.get(3)).startsWith(lastMonth + ",DKK,KEY,1200.00,1000.00,");
  }
}
