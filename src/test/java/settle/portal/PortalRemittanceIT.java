package settle.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static settle.testdata.CustomerBuilder.aCustomer;
import static settle.testdata.OrderBuilder.anOrderFor;
import static settle.testdata.StatementBuilder.aStatement;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import settle.audit.AuditLog;
import settle.collaboration.Timeline;
import settle.customers.CustomerView;
import settle.invoicing.InvoiceStatus;
import settle.invoicing.InvoiceView;
import settle.testdata.Api;
import settle.testdata.Journeys;
import settle.testdata.PortalClient;
import settle.testdata.SettleTest;

/** A remittance advice the AP contact uploads in the portal tells cash application how to apply the payment that follows. */
@SettleTest
class PortalRemittanceIT {

  @LocalServerPort int port;
  @Autowired ApplicationContext context;
  @Autowired PortalLinks links;
  @Autowired AuditLog audit;
  @Autowired Timeline timeline;
  @Autowired JdbcTemplate jdbc;
  Journeys journeys;
  CustomerView customer;
  InvoiceView first;
  InvoiceView second;
  PortalClient browser;
  String page;

  @BeforeEach
  void setUp() {
    journeys = new Journeys(context);
    customer = journeys.customer(aCustomer());
    first = journeys.invoiced(anOrderFor(customer.id()).worth("300.00"));
    second = journeys.invoiced(anOrderFor(customer.id()).worth("500.00"));
    browser = new PortalClient(port, "en");
    page = PortalClient.path(links.accountUrl(customer.id())) + "/remittances";
    assertThat(browser.get(page).status()).isEqualTo(200);
  }

  @Test
  void aStatementLineOfTheAdvicesTotalWithoutInvoiceNumbersPaysTheInvoicesAsTheAdviceSays() {
    // without the advice the 500.00 would settle the one open invoice of 500.00
    String csv = "Invoice;Amount\n" + first.number() + ";300.00\n" + second.number() + ";200,00\n";
    PortalClient.Page sent = upload("advice.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
    String after = browser.get(PortalClient.path(sent.location())).body();
    assertThat(after).contains("your advice for 2 invoice(s), 500.00 EUR in total, is recorded").contains("Waiting for your payment");
    assertThat(audit.trail("customer:" + customer.id())).anySatisfy(e -> {
      assertThat(e.action()).isEqualTo("remittance-advice.uploaded");
      assertThat(e.actor()).isEqualTo("portal:" + customer.apEmail());
    });
    assertThat(timeline.of(customer.id(), Set.of("PAYMENT"), 10))
        .anySatisfy(e -> assertThat(e.title()).contains("Remittance advice").contains(first.number()));

    importStatement(aStatement().on(journeys.today()).credit("500.00", customer.name(), null, "Payment").camt053());

    await().atMost(Journeys.PATIENCE).until(() -> journeys.invoices.get(first.id()).status() == InvoiceStatus.PAID);
    assertThat(journeys.invoices.get(second.id()).openAmount()).isEqualByComparingTo("300.00");
    assertThat(jdbc.queryForObject("select rule from bank_statement_line l join remittance_advice a on a.used_by_line = l.id"
        + " where a.customer_id = ?", String.class, customer.id())).isEqualTo("REMITTANCE_ADVICE");
    assertThat(browser.get(page).body()).contains("was applied as you said");

    // an advice is used once: the next payment of the same total is matched by the other rules
    importStatement(aStatement().on(journeys.today()).credit("300.00", customer.name(), null, "Payment").camt053());
    await().atMost(Journeys.PATIENCE).until(() -> journeys.invoices.get(second.id()).status() == InvoiceStatus.PAID);
    assertThat(jdbc.queryForObject("select count(*) from remittance_advice where customer_id = ?", Long.class, customer.id())).isOne();
  }

  @Test
  void aPdfAdviceIsReadFromItsText() throws IOException {
    PortalClient.Page sent = upload("zahlungsavis.pdf", "application/pdf",
        pdf("Zahlungsavis", "Rechnung " + first.number() + "   Betrag 300,00 EUR", "Rechnung " + second.number() + "   Betrag 1.00 EUR"));
    assertThat(browser.get(PortalClient.path(sent.location())).body()).contains("your advice for 2 invoice(s), 301.00 EUR in total");
    assertThat(jdbc.queryForList("select l.amount::text from remittance_advice_line l join remittance_advice a on a.id = l.advice_id"
        + " where a.customer_id = ? order by l.line_no", String.class, customer.id())).containsExactly("300.00", "1.00");
  }

  @Test
  void aBadLineIsRefusedNamingTheLineAndAFileThatIsNeitherCsvNorPdfIsRefusedAndNothingIsStored() {
    String csv = first.number() + ";300.00\n" + second.number() + ";lots\n";
    assertThat(browser.get(PortalClient.path(upload("advice.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)).location())).body())
        .contains("Nothing was changed: Line 2: &#39;lots&#39; is not an amount");

    String tooMuch = first.number() + ";300.01\n";
    assertThat(browser.get(PortalClient.path(upload("advice.csv", "text/csv", tooMuch.getBytes(StandardCharsets.UTF_8)).location())).body())
        .contains("Line 1: 300.01 EUR is more than the 300.00 EUR open on " + first.number());

    byte[] exe = "MZ\u0090\u0000\u0003 not an advice".getBytes(StandardCharsets.ISO_8859_1);
    assertThat(browser.get(PortalClient.path(upload("advice.csv", "text/csv", exe).location())).body())
        .contains("Nothing was changed: advice.csv is not accepted: upload a CSV or a PDF file");

    byte[] big = new byte[1024 * 1024 + 1];
    java.util.Arrays.fill(big, (byte) 'x');
    assertThat(browser.get(PortalClient.path(upload("big.csv", "text/csv", big).location())).body())
        .contains("The file is larger than 1 MB");

    assertThat(jdbc.queryForObject("select count(*) from remittance_advice where customer_id = ?", Long.class, customer.id())).isZero();
  }

  private PortalClient.Page upload(String filename, String type, byte[] content) {
    browser.get(page);
    PortalClient.Page sent = browser.postMultipart(page, Map.of(), List.of(new PortalClient.File("file", filename, type, content)));
    assertThat(sent.status()).isEqualTo(302);
    return sent;
  }

  private void importStatement(byte[] camt) {
    Api.Response imported = new Api(port).postMultipart("/api/bank-statements",
        List.of(new Api.Part("file", "statement.xml", "application/xml", camt)));
    assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
  }

  private static byte[] pdf(String... lines) throws IOException {
    try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDPage pdfPage = new PDPage();
      document.addPage(pdfPage);
      try (PDPageContentStream text = new PDPageContentStream(document, pdfPage)) {
        text.beginText();
        text.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 11);
        text.setLeading(16);
        text.newLineAtOffset(50, 700);
        for (String line : lines) {
          text.showText(line);
          text.newLine();
        }
        text.endText();
      }
      document.save(out);
      return out.toByteArray();
    }
  }
}
