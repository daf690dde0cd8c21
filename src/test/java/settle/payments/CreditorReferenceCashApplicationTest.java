package settle.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static settle.testdata.CustomerBuilder.aCustomer;
import static settle.testdata.OrderBuilder.anOrderFor;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import settle.common.CreditorReference;
import settle.customers.CustomerView;
import settle.invoicing.InvoiceStatus;
import settle.invoicing.InvoiceView;
import settle.testdata.Journeys;
import settle.testdata.SettleTest;

/**
 * A customer's bank carries the RF reference from the invoice into the statement: cash application finds the invoice
 * by it with the highest confidence, even when the invoice number is nowhere in the line and the payer is unknown.
 */
@SettleTest
class CreditorReferenceCashApplicationTest {

  @Autowired ApplicationContext context;
  @Autowired BankStatements statements;

  @Test
  void a_camt_line_carrying_the_rf_reference_matches_its_invoice_with_the_highest_confidence() {
    Journeys journeys = new Journeys(context);
    CustomerView customer = journeys.customer(aCustomer());
    // the same amount twice: neither amount nor payer can say which invoice is paid
    InvoiceView first = journeys.invoiced(anOrderFor(customer.id()).worth("2380.00"));
    InvoiceView second = journeys.invoiced(anOrderFor(customer.id()).worth("2380.00"));

    String statementId = "RF-" + UUID.randomUUID().toString().substring(0, 8);
    byte[] camt = camt053(statementId, journeys.today().toString(),
        // structured: <Strd><CdtrRefInf><Ref>, as a SEPA transfer filled in from the QR code carries it
        entry("2380.00", journeys.today().toString(), statementId + "-1", "GLOBEX TREASURY SERVICES",
            "<Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry><Issr>ISO</Issr></Tp><Ref>"
                + second.creditorReference() + "</Ref></CdtrRefInf></Strd>"),
        // unstructured: the reference typed in groups into the free text
        entry("2380.00", journeys.today().toString(), statementId + "-2", "GLOBEX TREASURY SERVICES",
            "<Ustrd>Zahlung " + CreditorReference.printed(first.creditorReference()) + " danke</Ustrd>"));

    var imported = statements.importStatement(camt, statementId + ".xml", null, null, "test");
    statements.awaitMatched(imported, Duration.ofSeconds(30));

    var lines = statements.get(imported.id()).lines();
    assertThat(lines).hasSize(2);
    assertThat(lines).allSatisfy(line -> {
      assertThat(line.remittance()).doesNotContain(first.number()).doesNotContain(second.number());
      assertThat(line.status()).isEqualTo(LineStatus.AUTO_MATCHED);
      assertThat(line.rule()).isEqualTo("REFERENCE_RF");
      assertThat(line.confidence()).isEqualByComparingTo("0.99");
    });
    assertThat(lines.get(0).matches()).extracting(StatementView.Match::invoiceNumber).containsExactly(second.number());
    assertThat(lines.get(1).matches()).extracting(StatementView.Match::invoiceNumber).containsExactly(first.number());
    assertThat(journeys.invoices.get(first.id()).status()).isEqualTo(InvoiceStatus.PAID);
    assertThat(journeys.invoices.get(second.id()).status()).isEqualTo(InvoiceStatus.PAID);
  }

  /**
   * A constructed camt.053.001.02 (test data, not a bank's file) in the shape of the corpus file
   * genkgo__data__camt053.v2.minimal.xml: group header, one statement for a EUR account, booked credit entries with
   * the debtor in RltdPties and the remittance in RmtInf.
   */
  private static byte[] camt053(String id, String date, String... entries) {
    return ("""
        <?xml version="1.0" encoding="UTF-8"?>
        <Document xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">
          <BkToCstmrStmt>
            <GrpHdr><MsgId>%s</MsgId><CreDtTm>%sT18:43:50+00:00</CreDtTm></GrpHdr>
            <Stmt>
              <Id>%s</Id>
              <ElctrncSeqNb>1</ElctrncSeqNb>
              <CreDtTm>%sT18:43:50+00:00</CreDtTm>
              <Acct><Id><IBAN>DE89370400440532013000</IBAN></Id><Ccy>EUR</Ccy></Acct>
        %s
            </Stmt>
          </BkToCstmrStmt>
        </Document>
        """.formatted(id, date, id, date, String.join("\n", entries))).getBytes(StandardCharsets.UTF_8);
  }

  private static String entry(String amount, String date, String reference, String debtor, String remittance) {
    return """
              <Ntry>
                <Amt Ccy="EUR">%s</Amt>
                <CdtDbtInd>CRDT</CdtDbtInd>
                <RvslInd>false</RvslInd>
                <Sts>BOOK</Sts>
                <BookgDt><Dt>%s</Dt></BookgDt>
                <ValDt><Dt>%s</Dt></ValDt>
                <AcctSvcrRef>%s</AcctSvcrRef>
                <BkTxCd><Prtry><Cd>166</Cd></Prtry></BkTxCd>
                <NtryDtls>
                  <TxDtls>
                    <Refs><AcctSvcrRef>%s</AcctSvcrRef></Refs>
                    <RltdPties>
                      <Dbtr><Nm>%s</Nm></Dbtr>
                      <DbtrAcct><Id><IBAN>NL91ABNA0417164300</IBAN></Id></DbtrAcct>
                    </RltdPties>
                    <RmtInf>%s</RmtInf>
                  </TxDtls>
                </NtryDtls>
              </Ntry>""".formatted(amount, date, date, reference, reference, debtor, remittance);
  }
}
