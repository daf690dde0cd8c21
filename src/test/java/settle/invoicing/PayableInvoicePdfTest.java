package settle.invoicing;

import static org.assertj.core.api.Assertions.assertThat;
import static settle.testdata.OrderBuilder.anOrderFor;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.mustangproject.validator.ValidationContext;
import org.mustangproject.validator.XMLValidator;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import settle.customers.CustomerView;
import settle.customers.NewCustomer;
import settle.testdata.Journeys;
import settle.testdata.SettleTest;

/** The invoice PDF a customer can pay and book: read back as text, as a picture (the QR code) and as its XML. */
@SettleTest
class PayableInvoicePdfTest {

  @Autowired ApplicationContext context;

  @Test
  void the_pdf_names_seller_and_buyer_with_addresses_vat_ids_lines_vat_terms_bank_details_and_rf_reference() throws Exception {
    Journeys journeys = new Journeys(context);
    CustomerView customer = germanCustomer(journeys);
    InvoiceView invoice = journeys.invoiced(anOrderFor(customer.id()).line("Stainless shelving units", "4", "1250.00")
        .line("Assembly on site", "1", "595.00").terms("2/10 NET30").po("PO-77812"));
    byte[] pdf = journeys.invoices.pdf(invoice.id());

    try (PDDocument doc = Loader.loadPDF(pdf)) {
      String text = new PDFTextStripper().getText(doc);
      String rf = invoice.creditorReference();
      assertThat(text).contains("Northwind Supplies GmbH", "Am Sandtorkai 54", "20457 Hamburg", "DE811569869")
          .contains(customer.name(), "Attn. Jana Kowalski", "Kaiserstraße 12", "60311 Frankfurt am Main", "Germany",
              "VAT id DE282741168")
          .contains("Invoice number " + invoice.number(), "Your order PO-77812")
          .contains("Stainless shelving units", "1,250.00", "5,000.00", "Assembly on site", "595.00")
          .contains("Subtotal 5,595.00 EUR", "Net amount 4,701.68 EUR", "19% VAT 893.32 EUR", "Total due 5,595.00 EUR")
          .contains("Payment terms 2/10 NET30")
          .contains("pay 5,483.10 EUR by " + invoice.earlyDiscountDate().format(java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.ENGLISH)) + " and keep 2% (111.90 EUR)")
          .contains("IBAN DE89 3704 0044 0532 0130 00", "BIC COBADEFFXXX", "Bank Commerzbank")
          .contains("Reference " + settle.common.CreditorReference.printed(rf));
      assertThat(settle.common.CreditorReference.isValid(rf)).isTrue();

      BufferedImage page = new PDFRenderer(doc).renderImageWithDPI(0, 150);
      Path png = Path.of("target/screenshots/invoice-pdf-eur.png");
      Files.createDirectories(png.getParent());
      ImageIO.write(page, "png", png.toFile());
      assertThat(decodeQr(page)).isEqualTo(String.join("\n", "BCD", "002", "1", "SCT", "COBADEFFXXX",
          "Northwind Supplies GmbH", "DE89370400440532013000", "EUR5595.00", "", rf));
    }
  }

  @Test
  void the_pdf_embeds_factur_x_xml_that_passes_the_en_16931_rules_mustang_ships() throws Exception {
    Journeys journeys = new Journeys(context);
    CustomerView customer = germanCustomer(journeys);
    InvoiceView invoice = journeys.invoiced(anOrderFor(customer.id()).line("Pallet racking, 3 bays", "3", "833.33")
        .line("Delivery", "1", "149.90").discount("5").terms("2/10 NET30"));
    byte[] pdf = journeys.invoices.pdf(invoice.id());
    Files.createDirectories(Path.of("target/screenshots"));
    Files.write(Path.of("target/screenshots/invoice-factur-x.pdf"), pdf);
    String xml = embeddedXml(pdf);

    assertThat(xml).contains("urn:cen.eu:en16931:2017", invoice.number(), invoice.creditorReference(),
        "DE89370400440532013000", "DE282741168");
    assertThat(duePayable(xml)).isEqualByComparingTo(invoice.total());
    ValidationContext result = validate(xml);
    assertThat(result.isValid()).as(result.getXMLResult()).isTrue();
  }

  @Test
  void a_broken_invoice_fails_the_same_validation() throws Exception {
    Journeys journeys = new Journeys(context);
    CustomerView customer = germanCustomer(journeys);
    InvoiceView invoice = journeys.invoiced(anOrderFor(customer.id()).line("Pallet racking", "1", "1000.00"));
    String xml = embeddedXml(journeys.invoices.pdf(invoice.id()));
    // the VAT no longer adds up to the total (BR-CO-15)
    String broken = xml.replaceFirst("(<ram:TaxTotalAmount currencyID=\"EUR\">)[0-9.]+", "$1" + "1.00");
    assertThat(broken).isNotEqualTo(xml);

    ValidationContext result = validate(broken);
    assertThat(result.isValid()).isFalse();
    assertThat(result.getXMLResult()).contains("BR-CO-15");
  }

  @Test
  void the_xrechnung_export_passes_the_xrechnung_rules_mustang_ships() throws Exception {
    Journeys journeys = new Journeys(context);
    CustomerView customer = germanCustomer(journeys);
    InvoiceView invoice = journeys.invoiced(anOrderFor(customer.id()).line("Pallet racking", "2", "480.00").po("PO-1"));
    String xml = new String(journeys.invoices.xrechnung(invoice.id()), StandardCharsets.UTF_8);

    assertThat(xml).contains("xrechnung", invoice.creditorReference());
    ValidationContext result = validate(xml);
    assertThat(result.isValid()).as(result.getXMLResult()).isTrue();
  }

  @Test
  void aReminderAttachesTheDocumentTheInvoiceMailDidUntilTheBuyerOnItChanges() throws Exception {
    Journeys journeys = new Journeys(context);
    CustomerView customer = germanCustomer(journeys);
    InvoiceView invoice = journeys.invoiced(anOrderFor(customer.id()).worth("1000.00"));
    byte[] first = journeys.invoices.pdf(invoice.id());

    // a rendering carries its own creation time and document id: equal bytes are the same rendering
    assertThat(journeys.invoices.pdf(invoice.id())).isEqualTo(first);

    context.getBean(org.springframework.jdbc.core.JdbcTemplate.class)
        .update("update customer set street = 'Mainzer Landstraße 50' where id = ?", customer.id());
    byte[] moved = journeys.invoices.pdf(invoice.id());
    try (PDDocument doc = Loader.loadPDF(moved)) {
      assertThat(new PDFTextStripper().getText(doc)).contains("Mainzer Landstraße 50").doesNotContain("Kaiserstraße 12");
    }
  }

  static CustomerView germanCustomer(Journeys journeys) {
    String tag = UUID.randomUUID().toString().substring(0, 6);
    return journeys.customers.open(new NewCustomer("Rhein-Main Logistik " + tag + " GmbH", "ap-" + tag + "@rml.example",
        "Dana Whitfield", "dana@northwind.example", new BigDecimal("100000"), "EUR", "LOW", null, "Jana Kowalski",
        "+49 69 2648 1100", "Kaiserstraße 12", "60311", "Frankfurt am Main", "DE", "DE282741168", "Europe/Berlin", "de"), "test");
  }

  static String embeddedXml(byte[] pdf) throws Exception {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      PDEmbeddedFilesNameTreeNode files = new PDDocumentNameDictionary(doc.getDocumentCatalog()).getEmbeddedFiles();
      PDComplexFileSpecification spec = files.getNames().get("factur-x.xml");
      assertThat(spec).as("factur-x.xml embedded").isNotNull();
      return new String(spec.getEmbeddedFile().toByteArray(), StandardCharsets.UTF_8);
    }
  }

  static ValidationContext validate(String xml) throws Exception {
    ValidationContext context = new ValidationContext(LoggerFactory.getLogger(PayableInvoicePdfTest.class));
    XMLValidator validator = new XMLValidator(context);
    validator.setStringContent(xml);
    validator.validate();
    return context;
  }

  private static BigDecimal duePayable(String xml) {
    var m = java.util.regex.Pattern.compile("<ram:DuePayableAmount>([0-9.]+)<").matcher(xml);
    assertThat(m.find()).isTrue();
    return new BigDecimal(m.group(1));
  }

  static String decodeQr(BufferedImage image) throws Exception {
    int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    var bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
    return new QRCodeReader().decode(bitmap, java.util.Map.of(com.google.zxing.DecodeHintType.TRY_HARDER, true)).getText();
  }
}
