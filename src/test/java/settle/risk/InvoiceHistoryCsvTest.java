package settle.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class InvoiceHistoryCsvTest {

  static final Path SHARED_HISTORY = Path.of("..", "shared", "datasets", "ar-invoices-2012-2013h1.csv");

  @Test
  void readsTheSharedPaymentHistoryWithItsExtraColumnsIgnored() throws Exception {
    List<InvoiceFact> facts;
    try (var in = Files.newBufferedReader(SHARED_HISTORY, StandardCharsets.UTF_8)) {
      facts = InvoiceHistoryCsv.read(in);
    }
    assertThat(facts).hasSize(1831);
    assertThat(facts.stream().map(InvoiceFact::customerId).distinct().count()).isEqualTo(100);
    assertThat(facts).allSatisfy(f -> assertThat(f.settled()).isNotNull());
    assertThat(facts.getFirst().customerId()).isEqualTo("3993-QUNVJ");
    assertThat(facts.getFirst().amount()).isEqualByComparingTo("50.39");
  }

  @Test
  void anOpenInvoiceHasNoSettlementDate() throws Exception {
    List<InvoiceFact> facts = InvoiceHistoryCsv.read(new StringReader("""
        invoice_id,customer_id,issue_date,due_date,settled_date,amount,disputed
        I1,C1,2013-01-02,2013-02-01,,10.00,false
        """));
    assertThat(facts).singleElement().satisfies(f -> assertThat(f.settled()).isNull());
  }

  @Test
  void aBadValueIsRefusedNamingItsLineAndColumn() {
    assertThatThrownBy(() -> InvoiceHistoryCsv.read(new StringReader("""
        customer_id,invoice_id,issue_date,due_date,settled_date,amount,disputed
        C1,I1,2013-01-02,2013-02-01,,10.00,false
        C1,I2,2013-01-02,02/01/2013,,10.00,false
        """))).isInstanceOf(InvoiceHistoryCsv.Malformed.class)
        .hasMessage("line 3: due_date '02/01/2013' is not an ISO date (yyyy-mm-dd)");
    assertThatThrownBy(() -> InvoiceHistoryCsv.read(new StringReader("customer_id,invoice_id,amount\n")))
        .hasMessage("line 1: the header lacks issue_date, due_date, settled_date, disputed");
  }
}
