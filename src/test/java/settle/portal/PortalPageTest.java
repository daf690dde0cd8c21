package settle.portal;

import settle.testdata.PortalClient;

import static org.assertj.core.api.Assertions.assertThat;
import static settle.testdata.CustomerBuilder.aCustomer;
import static settle.testdata.OrderBuilder.anOrderFor;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import settle.customers.CustomerView;
import settle.disputes.Disputes;
import settle.disputes.RaiseDispute;
import settle.disputes.ReasonCode;
import settle.invoicing.InvoiceView;
import settle.testdata.Journeys;
import settle.testdata.SettleTest;

/** The customer's account pages: the figures the reminders use, in the contact's language, and a statement that agrees. */
@SettleTest
class PortalPageTest {

  private static final Pattern PORTAL_PATH = Pattern.compile("https?://[^/\\s]+(/portal/[A-Za-z0-9_\\-.]+)/invoices/(\\d+)");

  @Autowired ApplicationContext context;
  @Autowired PortalLinks links;
  @Autowired Disputes disputes;
  @LocalServerPort int port;
  Journeys journeys;
  CustomerView customer;

  @BeforeEach
  void setUp() {
    journeys = new Journeys(context);
    customer = journeys.customer(aCustomer());
  }

  @Test
  void theReminderLinkOpensTheInvoiceInTheAccountAskingForTheSameUndisputedAmount() throws Exception {
    InvoiceView invoice = journeys.invoiced(anOrderFor(customer.id()).worth("1000.00"));
    disputes.raise(invoice.id(), new RaiseDispute(ReasonCode.DAMAGED_GOODS, new BigDecimal("300.00"), "Two crates arrived broken",
        "ap@customer", null), List.of(), "test");

    journeys.advanceTo(invoice.dueDate());
    String reminder = PortalIT.text(journeys.awaitMailsTo(customer.apEmail(), 2).get(1));
    assertThat(reminder).contains("Amount due: 700.00 EUR").contains("300.00 EUR is under review (disputed)");
    Matcher link = PORTAL_PATH.matcher(reminder);
    assertThat(link.find()).as("an account link to the invoice in the reminder").isTrue();
    assertThat(link.group(2)).isEqualTo(String.valueOf(invoice.id()));

    PortalClient browser = new PortalClient(port, "en");
    String page = browser.get(link.group(0).replaceFirst("https?://[^/]+", "")).body();
    assertThat(page).containsPattern("Amount due</th><td[^>]*>700.00 EUR")
        .containsPattern("In dispute</th>\\s*<td[^>]*>300.00 EUR")
        .contains("Transfer <strong>700.00 EUR</strong>")
        .doesNotContain("1,000.00 EUR</strong>");
    // the seam for the gateway: a form posting to the invoice's pay route, with the CSRF token
    assertThat(page).containsPattern("<form method=\"post\" action=\"/portal/[^/\"]+/invoices/" + invoice.id() + "/pay\"")
        .contains("name=\"_csrf\"").contains(">Pay now</button>");
    // the same link without the invoice is the whole account
    assertThat(browser.get(link.group(1)).body()).contains("Account of " + customer.name());
  }

  @Test
  void theSummaryShowsOpenOverdueDisputedCreditAndNextDueInTheContactsLanguage() {
    InvoiceView first = journeys.invoiced(anOrderFor(customer.id()).worth("1000.00"));
    InvoiceView second = journeys.invoiced(anOrderFor(customer.id()).worth("400.00"));
    disputes.raise(first.id(), new RaiseDispute(ReasonCode.PRICING, new BigDecimal("300.00"), "Price list says 700",
        "ap@customer", null), List.of(), "test");
    journeys.pay(second, "100.00");
    journeys.invoices.writeOff(first.number(), new BigDecimal("20.00"), "Rounding agreed", "test:" + first.number(), "test");
    String account = PortalClient.path(links.accountUrl(customer.id()));

    // by hand: open 980 + 300 = 1,280; disputed 300; asked now 1,280 - 300 = 980; nothing late yet; both due the same day
    String english = new PortalClient(port, "en-US,en;q=0.9").get(account).body();
    assertThat(figure(english, "to-pay-EUR")).isEqualTo("980.00 EUR");
    assertThat(figure(english, "open-EUR")).isEqualTo("1,280.00 EUR");
    assertThat(figure(english, "disputed-EUR")).isEqualTo("300.00 EUR");
    assertThat(figure(english, "overdue-EUR")).isEqualTo("0.00 EUR");
    assertThat(figure(english, "credit-EUR")).isEqualTo("0.00 EUR");
    assertThat(figure(english, "next-due-EUR")).contains("980.00 EUR");
    assertThat(english).contains("<html lang=\"en\"").contains("To pay now").contains("Nothing is overdue");

    String german = new PortalClient(port, "de-DE,de;q=0.9,en;q=0.5").get(account).body();
    assertThat(german).contains("<html lang=\"de\"").contains("Jetzt zu zahlen").contains("Reklamiert");
    assertThat(figure(german, "to-pay-EUR")).isEqualTo("980,00 EUR");
    assertThat(figure(german, "open-EUR")).isEqualTo("1.280,00 EUR");
    assertThat(figure(german, "next-due-EUR")).contains(first.dueDate().format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy")));

    journeys.advanceTo(first.dueDate().plusDays(1));
    account = PortalClient.path(links.accountUrl(customer.id())); // the first link has run out by now
    String late = new PortalClient(port, "en").get(account).body();
    assertThat(figure(late, "overdue-EUR")).isEqualTo("1,280.00 EUR");
    assertThat(new PortalClient(port, "en").get(account + "/invoices").body())
        .contains(first.number()).contains(second.number()).contains("Overdue · Partly in dispute");
  }

  @Test
  void theStatementOfAccountAgreesWithTheSummaryAndTheLedger() throws Exception {
    LocalDate issued = journeys.today();
    InvoiceView first = journeys.invoiced(anOrderFor(customer.id()).worth("1000.00"));
    InvoiceView second = journeys.invoiced(anOrderFor(customer.id()).worth("400.00"));
    journeys.advanceDays(3);
    LocalDate paid = journeys.today();
    journeys.pay(second, "100.00");
    journeys.invoices.writeOff(first.number(), new BigDecimal("20.00"), "Rounding agreed", "test:" + first.number(), "test");
    String account = PortalClient.path(links.accountUrl(customer.id()));
    PortalClient browser = new PortalClient(port, "en");

    // the day of issue: 1,400.00 charged, nothing paid yet
    String issueDay = statement(browser, account, issued, issued);
    assertThat(issueDay).contains("Opening balance 0.00 EUR").contains(first.number()).contains(second.number())
        .contains("Closing balance and totals 1,400.00 EUR 0.00 EUR 1,400.00 EUR");
    // from the day after: opening 1,400.00; paid 100.00 and written off 20.00; closing 1,280.00 = the summary's open amount
    // (to the day after the payment: the write-off is dated by the customer's day, which may already be tomorrow)
    String later = statement(browser, account, issued.plusDays(1), paid.plusDays(1));
    assertThat(later).contains("Opening balance 1,400.00 EUR").contains("Payment received").contains("Difference written off")
        .contains("Closing balance and totals 0.00 EUR 120.00 EUR 1,280.00 EUR").doesNotContain("Invoice " + first.number());
    assertThat(figure(browser.get(account).body(), "open-EUR")).isEqualTo("1,280.00 EUR");
    assertThat(journeys.invoices.balance(customer.id(), "EUR").openBalance()).isEqualByComparingTo("1280.00");

    String german = statement(new PortalClient(port, "de"), account, issued, paid.plusDays(1));
    assertThat(german).contains("Kontoauszug").contains("Anfangssaldo 0,00 EUR").contains("Endsaldo und Summen 1.400,00 EUR 120,00 EUR 1.280,00 EUR");
  }

  private static String statement(PortalClient browser, String account, LocalDate from, LocalDate to) throws Exception {
    PortalClient.Page pdf = browser.get(account + "/statement?from=" + from + "&to=" + to);
    assertThat(pdf.status()).isEqualTo(200);
    assertThat(pdf.contentType()).isEqualTo("application/pdf");
    try (PDDocument doc = Loader.loadPDF(pdf.bytes())) {
      return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
    }
  }

  /** The figure shown in the element with this id. */
  private static String figure(String page, String id) {
    Matcher m = Pattern.compile("id=\"" + id + "\"[^>]*>([^<]*)<").matcher(page);
    assertThat(m.find()).as(id).isTrue();
    return m.group(1).strip();
  }
}
