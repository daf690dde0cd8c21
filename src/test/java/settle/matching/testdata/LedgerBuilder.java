package settle.matching.testdata;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import settle.matching.IncomingPayment;
import settle.matching.Ledger;
import settle.matching.OpenItem;
import settle.matching.Payer;

/** Small hand-written ledgers and statement lines for the matcher's unit tests. */
public final class LedgerBuilder {

  public static final LocalDate TODAY = LocalDate.of(2026, 3, 2);

  private final Map<Long, Payer> payers = new LinkedHashMap<>();
  private final List<OpenItem> items = new ArrayList<>();
  private long nextInvoiceId = 1;

  public static LedgerBuilder aLedger() {
    return new LedgerBuilder();
  }

  public LedgerBuilder customer(long customerId, String name, String... accounts) {
    payers.put(customerId, new Payer(customerId, name, Set.of(accounts)));
    return this;
  }

  /** An EUR invoice due {@code daysOverdue} days before {@link #TODAY}. */
  public LedgerBuilder invoice(long customerId, String number, String amount, int daysOverdue) {
    return invoice(customerId, number, amount, "EUR", daysOverdue);
  }

  public LedgerBuilder invoice(long customerId, String number, String amount, String currency, int daysOverdue) {
    items.add(
        new OpenItem(
            nextInvoiceId++, number, customerId, new BigDecimal(amount), currency, TODAY.minusDays(daysOverdue)));
    return this;
  }

  /** An EUR invoice with 2/10 net 30 terms: discounted amount until {@code discountUntil}. */
  public LedgerBuilder discountedInvoice(
      long customerId, String number, String amount, String discounted, LocalDate discountUntil) {
    items.add(
        new OpenItem(
            nextInvoiceId++,
            number,
            customerId,
            new BigDecimal(amount),
            "EUR",
            discountUntil.plusDays(20),
            new BigDecimal(discounted),
            discountUntil));
    return this;
  }

  public Ledger build() {
    return Ledger.of(items, payers.values());
  }

  public static long idOf(Ledger ledger, long customerId, String invoiceNumber) {
    return ledger.openItemsOf(customerId).stream()
        .filter(item -> item.invoiceNumber().equals(invoiceNumber))
        .findFirst()
        .orElseThrow()
        .invoiceId();
  }

  /** A statement line in EUR, value date today. */
  public static IncomingPayment line(String amount, String payerName, String payerAccount, String remittance) {
    return new IncomingPayment("L1", new BigDecimal(amount), "EUR", TODAY, payerName, payerAccount, remittance);
  }
}
