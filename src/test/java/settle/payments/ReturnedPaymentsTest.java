package settle.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static settle.testdata.CustomerBuilder.aCustomer;
import static settle.testdata.OrderBuilder.anOrderFor;
import static settle.testdata.StatementBuilder.aStatement;

import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import settle.audit.AuditEntry;
import settle.audit.AuditLog;
import settle.collaboration.Timeline;
import settle.collaboration.TimelineEntry;
import settle.collections.InvoiceCollection;
import settle.customers.CustomerView;
import settle.invoicing.InvoiceStatus;
import settle.invoicing.InvoiceView;
import settle.testdata.Journeys;
import settle.tasks.TaskView;
import settle.testdata.SettleTest;
import settle.testdata.Staff;

/** A debit that returns an earlier customer payment reverses its posting; one that returns nothing goes to a person. */
@SettleTest
class ReturnedPaymentsTest {

  /**
   * An account no other test's payer used: the tests share one database, and an account learned for another customer
   * makes a reference to this customer's invoice a conflict that waits for a person.
   */
  private static final String PAYER_ACCOUNT = "DE27100777770209299700";

  @Autowired ApplicationContext context;
  @Autowired BankStatements statements;
  @Autowired AuditLog audit;
  @Autowired Timeline timeline;
  @Autowired JdbcTemplate jdbc;
  Journeys journeys;
  CustomerView customer;

  @BeforeEach
  void setUp() {
    journeys = new Journeys(context);
    customer = journeys.customer(aCustomer());
  }

  @Test
  void aReturnedPaymentReopensThePaidInvoiceMarksThePaymentReversedTellsTheOwnerAndCollectsAgain() throws Exception {
    InvoiceView invoice = journeys.invoiced(anOrderFor(customer.id()).worth("450.00"));
    long collection = journeys.instanceOf(InvoiceCollection.PROCESS_ID, "invoiceId", invoice.id());
    var paid = aStatement().on(journeys.today()).credit("450.00", customer.name(), PAYER_ACCOUNT, "Invoice " + invoice.number());
    StatementImport first = statements.awaitMatched(
        statements.importStatement(paid.camt053(), paid.id() + ".xml", null, null, "test"), Duration.ofSeconds(30));
    assertThat(first.matched()).isEqualTo(1);
    assertThat(journeys.invoices.get(invoice.id()).status()).isEqualTo(InvoiceStatus.PAID);
    await().atMost(Journeys.PATIENCE).until(() -> journeys.history.isCompleted(collection));

    byte[] returned = mt940("RET" + paid.id().substring(0, 10), "450,00", "0,00",
        ":61:%sD450,00NRTINONREF//RTN%s\n:86:/ORDP//NAME/%s\n/IBAN/%s\n/REMI/USTD//RETURN AC04 ACCOUNT CLOSED/\n",
        customer.name());
    StatementImport second = statements.awaitMatched(
        statements.importStatement(returned, "return.sta", null, null, "test"), Duration.ofSeconds(30));
    assertThat(second.status()).isEqualTo("MATCHED");

    StatementView.Line line = statements.get(second.id()).lines().getFirst();
    assertThat(line.status()).isEqualTo(LineStatus.PAYMENT_RETURNED);
    assertThat(line.customerId()).isEqualTo(customer.id());
    InvoiceView reopened = journeys.invoices.get(invoice.id());
    assertThat(reopened.openAmount()).isEqualByComparingTo("450.00");
    assertThat(reopened.status()).isEqualTo(InvoiceStatus.OPEN);
    assertThat(jdbc.queryForList("select reversed_at is not null from payment where invoice_id = ?", Boolean.class, invoice.id()))
        .containsExactly(true);
    assertThat(audit.trail("invoice:" + invoice.id())).filteredOn(e -> e.action().equals("payment.reversed")).singleElement()
        .satisfies(e -> assertThat(String.valueOf(e.details().get("reason"))).contains("RETURN AC04 ACCOUNT CLOSED"));
    assertThat(timeline.of(customer.id(), Set.of("PAYMENT"), 20)).extracting(TimelineEntry::title)
        .anySatisfy(title -> assertThat(title).contains("Payment of", "450.00", "returned by the bank", "AC04"));

    String subject = "Payment returned: " + customer.name() + ", invoice " + invoice.number() + " is open again";
    await().atMost(Journeys.PATIENCE).until(() -> journeys.subjectsTo(customer.accountOwnerEmail()).contains(subject));
    MimeMessage mail = journeys.mailsTo(customer.accountOwnerEmail()).stream().filter(m -> {
      try {
        return m.getSubject().equals(subject);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }).findFirst().orElseThrow();
    String body = com.icegreen.greenmail.util.GreenMailUtil.getBody(mail);
    assertThat(body).contains("450.00 EUR", invoice.number(), "AC04");

    // the loop that ended when the invoice was paid starts over and waits in a collection turn again
    long again = journeys.instanceOf(InvoiceCollection.PROCESS_ID, "reopenedByReturn", "statement:" + second.id() + ":line:1");
    journeys.awaitWaitingAt(again, "collection-turn");

    // the same return delivered again reverses nothing twice
    StatementImport resent = statements.importStatement(returned, "return.sta", null, null, "test");
    assertThat(resent.alreadyImported()).isTrue();
    assertThat(journeys.invoices.get(invoice.id()).openAmount()).isEqualByComparingTo("450.00");
  }

  @Test
  void aReturnFindsThePaymentByItsEndToEndIdBeforeTheBankReferenceOrAmountAndPayer() {
    InvoiceView first = journeys.invoiced(anOrderFor(customer.id()).worth("300.00"));
    InvoiceView second = journeys.invoiced(anOrderFor(customer.id()).worth("300.00"));
    String id = aStatement().id();
    // an account no other test's payer used, so it names this customer only once it is learned
    String account = "DE02" + String.format("%018d", Math.abs(id.hashCode()));
    byte[] paid = camt053(id, journeys.today(),
        entry("300.00", "CRDT", id + "-1", "E2E-" + id + "-A", account, "Invoice " + first.number(), ""),
        entry("300.00", "CRDT", id + "-2", "E2E-" + id + "-B", account, "Invoice " + second.number(), ""));
    StatementImport imported = statements.awaitMatched(statements.importStatement(paid, "paid.xml", null, null, "test"),
        Duration.ofSeconds(30));
    assertThat(imported.matched()).as("%s", statements.get(imported.id()).lines()).isEqualTo(2);

    // The bank gives the return its own reference; amount and payer account fit both payments, and would take the
    // latest. Only the end-to-end id says which payment came back.
    String returnId = aStatement().id();
    byte[] returned = camt053(returnId, journeys.today(), entry("300.00", "DBIT", "RTN-" + returnId, "E2E-" + id + "-A",
        account, "", "<RtrInf><Rsn><Cd>AC04</Cd></Rsn></RtrInf>"));
    StatementImport back = statements.awaitMatched(statements.importStatement(returned, "return.xml", null, null, "test"),
        Duration.ofSeconds(30));

    assertThat(statements.get(back.id()).lines().getFirst().status()).isEqualTo(LineStatus.PAYMENT_RETURNED);
    assertThat(journeys.invoices.get(first.id()).openAmount()).isEqualByComparingTo("300.00");
    assertThat(journeys.invoices.get(second.id()).status()).isEqualTo(InvoiceStatus.PAID);
    assertThat(audit.trail("invoice:" + first.id())).filteredOn(e -> e.action().equals("payment.reversed")).singleElement()
        .satisfies(e -> assertThat(String.valueOf(e.details().get("reason"))).contains("AC04"));
  }

  @Test
  void aReturnThatMatchesNoPaymentBecomesACashAppliersTaskThatNeverBooksItAsCash() {
    byte[] reversal = mt940("REV" + aStatement().id().substring(0, 10), "450,00", "350,00",
        ":61:%sRC100,00NRTINONREF//RTN%s\n:86:/ORDP//NAME/%s\n/IBAN/%s\n/REMI/USTD//CHARGEBACK/\n", "Nobody We Know");

    StatementImport imported = statements.awaitMatched(
        statements.importStatement(reversal, "reversal.sta", null, null, "test"), Duration.ofSeconds(30));

    StatementView.Line line = statements.get(imported.id()).lines().getFirst();
    assertThat(line.status()).isEqualTo(LineStatus.UNMATCHED);
    assertThat(line.rule()).isEqualTo("REVERSAL");
    assertThat(jdbc.queryForObject("select count(*) from payment where reversed_at is not null and reversed_by_ref like ?", Long.class,
        "statement:" + imported.id() + ":%")).isZero();
    TaskView task = journeys.awaitOpenTask("statement:" + imported.id());
    assertThat(task.candidateGroups()).containsExactly("cash-appliers");

    // money the bank took back is never held on account or applied as a payment: the choice is refused, the task stays
    assertThatThrownBy(() -> journeys.inbox.complete(task.id(), Map.of("action", "ON_ACCOUNT", "customerId", customer.id()),
        Staff.anyone("cara"))).isInstanceOf(settle.common.InvalidRequestException.class).hasMessageContaining("not a payment");
    TaskView again = journeys.inbox.find(null, "OPEN", "statement:" + imported.id()).getFirst();
    assertThat(again.id()).isEqualTo(task.id());
    journeys.inbox.complete(again.id(), Map.of("action", "RETURN", "notes", "Chargeback taken up with the card acquirer"),
        Staff.anyone("cara"));
    StatementView.Line handled = await().atMost(Journeys.PATIENCE)
        .until(() -> statements.get(imported.id()).lines().getFirst(), l -> l.status() == LineStatus.MANUAL);
    assertThat(handled.resolution()).isEqualTo("RETURNED");
    assertThat(jdbc.queryForObject("select count(*) from customer_credit_entry where customer_id = ?", Long.class, customer.id()))
        .isZero();
  }

  /** One camt.053 entry of the customer paying from (or paid back to) an account, with the bank's reference and the end-to-end id. */
  private String entry(String amount, String direction, String reference, String endToEndId, String account, String remittance,
                       String more) {
    String party = direction.equals("CRDT") ? "Dbtr" : "Cdtr";
    return """
        <Ntry><Amt Ccy="EUR">%s</Amt><CdtDbtInd>%s</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>%%1$s</Dt></BookgDt>
          <AcctSvcrRef>%s</AcctSvcrRef>
          <NtryDtls><TxDtls><Refs><EndToEndId>%s</EndToEndId></Refs>
            <RltdPties><%s><Nm>%s</Nm></%s><%sAcct><Id><IBAN>%s</IBAN></Id></%sAcct></RltdPties>
            <RmtInf><Ustrd>%s</Ustrd></RmtInf>%s</TxDtls></NtryDtls></Ntry>
        """.formatted(amount, direction, reference, endToEndId, party, customer.name(), party, party, account, party,
        remittance, more);
  }

  private static byte[] camt053(String id, java.time.LocalDate day, String... entries) {
    String xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt>
          <GrpHdr><MsgId>%s</MsgId><CreDtTm>%sT06:00:00</CreDtTm></GrpHdr>
          <Stmt><Id>%s</Id><CreDtTm>%sT06:00:00</CreDtTm><Acct><Id><IBAN>DE89370400440532013000</IBAN></Id><Ccy>EUR</Ccy></Acct>
        """.formatted(id, day, id, day) + String.join("", entries).formatted(day) + "</Stmt></BkToCstmrStmt></Document>\n";
    return xml.getBytes(StandardCharsets.UTF_8);
  }

  /** One MT940 statement around a single {@code :61:} line, in which %s stand for the date, a reference, the name and account. */
  private byte[] mt940(String id, String opening, String closing, String line, String name) {
    String day = journeys.today().format(DateTimeFormatter.ofPattern("yyMMdd"));
    String text = ":20:" + id + "\n:25:DE89370400440532013000\n:28C:00001/001\n:60F:C" + day + "EUR" + opening + "\n"
        + line.formatted(day, id, name, PAYER_ACCOUNT) + ":62F:C" + day + "EUR" + closing + "\n-\n";
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
