package settle.communication.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import settle.common.Company;
import settle.customers.CustomerView;
import settle.invoicing.InvoiceStatus;
import settle.invoicing.InvoiceView;

/**
 * Every German mail renders, in every tone and outcome, with German figures and dates and no English left over: the
 * mails a German-speaking AP contact receives are only tried by a flow when such a contact reaches that step.
 */
class GermanMailTemplatesTest {

  private static final Path MAIL = Path.of("src/main/resources/templates/mail");
  private static final List<String> ENGLISH = List.of("Dear ", "Kind regards", "Amount due", "invoice below", "How to pay", " days overdue");

  static Stream<String> germanMails() throws IOException {
    try (Stream<Path> files = Files.list(MAIL)) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith("-de.html") && !n.startsWith("_"))
          .map(n -> n.substring(0, n.length() - ".html".length())).sorted().toList().stream();
    }
  }

  @ParameterizedTest
  @MethodSource("germanMails")
  void everyGermanMailRendersInGermanInEveryToneAndOutcome(String template) {
    ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
    messages.setBasenames("i18n/portal");
    messages.setDefaultEncoding("UTF-8");
    MailTemplates templates = new MailTemplates(messages);
    for (String tone : List.of("friendly", "firm", "neutral")) {
      for (String outcome : List.of("CREDIT_MEMO", "ADJUSTMENT", "REJECTED")) {
        Map<String, Object> model = model(tone, outcome);
        String html = templates.render(template + ".html", model, "de");
        String text = templates.render(template + ".txt", model, "de");
        String subject = templates.render(template + ".subject.txt", model, "de").strip();
        assertThat(subject).as(template + " subject").isNotBlank().doesNotContain("\n");
        assertThat(html).as(template + ".html").contains("lang=\"de\"");
        for (String body : List.of(html, text)) {
          // figures and dates as a German reader writes them: never "1,190.00" or "2027-03-15"
          assertThat(body).as(template + " in tone " + tone).doesNotContain(ENGLISH.toArray(String[]::new))
              .doesNotContainPattern("\\d,\\d{3}\\.\\d{2}").doesNotContainPattern("\\d\\.\\d{2} EUR").doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}");
        }
      }
    }
  }

  /** One model with everything any customer mail reads, in the types the workers put there. */
  private static Map<String, Object> model(String tone, String outcome) {
    CustomerView customer = new CustomerView(7, "Rhein-Main Logistik GmbH", "ap@rml.example", "Dana Whitfield", "dana@northwind.example",
        new BigDecimal("10000.00"), "EUR", "LOW", LocalDate.of(2024, 1, 1), "Jana Kowalski", "+49 69 1", "Kaiserstraße 12", "60311",
        "Frankfurt am Main", "DE", "DE282741168", "Europe/Berlin", "de");
    InvoiceView invoice = new InvoiceView(42, "INV-2027-000042", 7, 9, new BigDecimal("1000.00"), BigDecimal.ZERO, BigDecimal.ZERO,
        new BigDecimal("1190.00"), new BigDecimal("1190.00"), "EUR", LocalDate.of(2027, 2, 13), LocalDate.of(2027, 3, 15), "NET30",
        new BigDecimal("2"), LocalDate.of(2027, 2, 23), new BigDecimal("1166.20"), "PO-77810", InvoiceStatus.OPEN, List.of(), 2);
    Map<String, Object> item = new HashMap<>(Map.of("invoice", invoice, "amountDue", new BigDecimal("1190.00"),
        "disputedAmount", new BigDecimal("240.00"), "daysFromDue", 3L, "earlyDiscountOpen", true, "portalUrl", "https://ar.example/portal/t/invoices/42"));
    Map<String, Object> m = new HashMap<>();
    m.put("customer", customer);
    m.put("invoice", invoice);
    m.put("items", List.of(item, item));
    m.put("totalDue", new BigDecimal("2380.00"));
    m.put("currency", "EUR");
    m.put("today", LocalDate.of(2027, 3, 18));
    m.put("tone", tone);
    m.put("seller", new Company("Northwind Supplies GmbH", "Hafenstraße 1", "20457", "Hamburg", "DE", "DE123456789", "+49 40 1",
        "ar@northwind.example", new BigDecimal("19"), Map.of("EUR", new Company.BankAccount("DE89370400440532013000", "COBADEFFXXX", "Commerzbank"))));
    m.put("arAddress", "ar@northwind.example");
    m.put("senderName", "Dana Whitfield");
    m.put("companyName", "Northwind Supplies");
    m.put("paid", new BigDecimal("1180.00"));
    m.put("difference", new BigDecimal("10.00"));
    m.put("valueDate", LocalDate.of(2027, 3, 16));
    m.put("remittance", "INV-2027-000042 abzgl. Skonto");
    m.put("answerUrl", "https://ar.example/portal/t/short-pays/5");
    m.put("previousPo", "PO-1");
    m.put("due", new BigDecimal("1190.00"));
    m.put("instalments", List.of(Map.of("number", 1, "amount", new BigDecimal("595.00"), "date", LocalDate.of(2027, 4, 15)),
        Map.of("number", 2, "amount", new BigDecimal("595.00"), "date", LocalDate.of(2027, 5, 15))));
    m.put("instalmentNumber", 1);
    m.put("instalmentCount", 2);
    m.put("instalmentDate", LocalDate.of(2027, 4, 15));
    m.put("instalmentAmount", new BigDecimal("595.00"));
    m.put("portalUrl", "https://ar.example/portal/t/invoices/42");
    m.put("dispute", Map.of("reasonCode", "DAMAGED_GOODS", "amount", new BigDecimal("240.00"), "currency", "EUR"));
    m.put("outcome", outcome);
    m.put("note", Map.of("number", "CM-2027-000003", "amount", new BigDecimal("240.00"), "currency", "EUR"));
    m.put("explanation", "Die Ware wurde unbeschädigt zugestellt (Lieferschein unterschrieben).");
    m.put("review", Map.of("proposedLimit", new BigDecimal("5000.00"), "currentLimit", new BigDecimal("10000.00"), "currency", "EUR",
        "reason", "Zahlungsverhalten"));
    m.put("sinceDate", LocalDate.of(2027, 3, 18));
    m.put("customerName", customer.name());
    m.put("contactName", "Jana Kowalski");
    m.put("accountUrl", "https://ar.example/portal/t");
    m.put("validDays", 30L);
    return m;
  }
}
