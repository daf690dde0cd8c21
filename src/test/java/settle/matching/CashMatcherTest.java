package settle.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static settle.matching.testdata.LedgerBuilder.TODAY;
import static settle.matching.testdata.LedgerBuilder.aLedger;
import static settle.matching.testdata.LedgerBuilder.line;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import settle.matching.MatchResult.Status;

class CashMatcherTest {

  private static final String ACME_ACCOUNT = "DE89 3704 0044 0532 0130 00";

  private final Ledger ledger =
      aLedger()
          .customer(1, "Acme Industrial Supplies Ltd", ACME_ACCOUNT)
          .invoice(1, "INV-2026-000123", "1190.00", 40)
          .invoice(1, "INV-2026-000124", "250.50", 30)
          .invoice(1, "INV-2026-000125", "99.99", 20)
          .invoice(1, "INV-2026-000126", "4100.00", 10)
          .customer(2, "Müller Logistik GmbH & Co. KG", "DE44 5001 0517 5407 3249 31")
          .invoice(2, "INV-2026-000200", "800.00", 15)
          .invoice(2, "INV-2026-000201", "300.00", 12)
          .invoice(2, "INV-2026-000202", "500.00", 8)
          .invoice(2, "INV-2026-000203", "300.00", 5)
          .invoice(2, "INV-2026-000204", "200.00", 2)
          .invoice(2, "INV-2025-000123", "77.00", 90)
          .customer(3, "Nordic Timber AB")
          .invoice(3, "INV-2026-000300", "640.00", "USD", 5)
          .build();

  private final CashMatcher matcher = new CashMatcher(ledger);

  @Test
  void aRemittanceAdviceOfThePayerWithTheLinesTotalPaysTheInvoicesAsItSaysAndOnlyOnce() {
    RemittanceAdvice advice = new RemittanceAdvice(7, 2, "EUR", new java.math.BigDecimal("500.00"), java.util.List.of(
        new RemittanceAdvice.Line("INV-2026-000200", new java.math.BigDecimal("400.00")),
        new RemittanceAdvice.Line("INV-2026-000201", new java.math.BigDecimal("100.00"))));
    CashMatcher withAdvice = new CashMatcher(ledger, java.util.List.of(advice));

    // without the advice the 500.00 would settle INV-2026-000202, the one open item of that amount
    MatchResult result = withAdvice.match(line("500.00", "Müller Logistik GmbH & Co. KG", null, "Zahlung"));

    assertThat(result.status()).isEqualTo(Status.AUTO);
    assertThat(result.rule()).isEqualTo("REMITTANCE_ADVICE");
    assertThat(result.allocations()).extracting(Allocation::invoiceNumber, a -> a.amount().toPlainString())
        .containsExactly(org.assertj.core.groups.Tuple.tuple("INV-2026-000200", "400.00"), org.assertj.core.groups.Tuple.tuple("INV-2026-000201", "100.00"));
    assertThat(withAdvice.adviceUsedBy(result.lineRef())).contains(7L);
    MatchResult again = withAdvice.match(line("500.00", "Müller Logistik GmbH & Co. KG", null, "Zahlung"));
    assertThat(again.rule()).isNotEqualTo("REMITTANCE_ADVICE");
  }

  @Test
  void referencedInvoiceWhoseAmountAddsUpIsPostedAutomatically() {
    MatchResult result = matcher.match(line("1190.00", "Somebody Else", null, "RE: INV-2026-000123"));

    assertThat(result.status()).isEqualTo(Status.AUTO);
    assertThat(result.rule()).isEqualTo("REFERENCE");
    assertThat(result.customerId()).isEqualTo(1L);
    assertThat(numbers(result)).containsExactly("INV-2026-000123");
    assertThat(result.shortfall()).isEqualByComparingTo("0");
    assertThat(ledger.openItemsOf(1)).extracting(OpenItem::invoiceNumber).doesNotContain("INV-2026-000123");
  }

  @Test
  void severalNumbersInOneLineSettleAllOfThem() {
    MatchResult result =
        matcher.match(line("1540.49", "ACME", null, "Invoice INV-2026-000123, inv 2026/000124 and INV2026000125"));

    assertThat(result.status()).isEqualTo(Status.AUTO);
    assertThat(numbers(result)).containsExactly("INV-2026-000123", "INV-2026-000124", "INV-2026-000125");
  }

  @Test
  void aListWrittenAsARangeOfSuffixesSettlesEachInvoice() {
    MatchResult result = matcher.match(line("1540.49", null, null, "INV-2026-000123/124/125"));

    assertThat(result.status()).isEqualTo(Status.AUTO);
    assertThat(numbers(result)).containsExactly("INV-2026-000123", "INV-2026-000124", "INV-2026-000125");
  }

  @Test
  void lettersMisreadForDigitsInTheReferenceStillMatch() {
    MatchResult result = matcher.match(line("250.50", null, null, "INV-2O26-OOOl24"));

    assertThat(result.status()).isEqualTo(Status.AUTO);
    assertThat(numbers(result)).containsExactly("INV-2026-000124");
  }

  @Test
  void missingOrExtraLeadingZerosStillMatch() {
    assertThat(numbers(matcher.evaluate(line("250.50", null, null, "inv. 2026-124")))).containsExactly("INV-2026-000124");
    assertThat(numbers(matcher.evaluate(line("250.50", null, null, "INV 2026 0000124")))).containsExactly("INV-2026-000124");
  }

  @Test
  void numberWithoutYearCountsWhenThePayerHasOnlyOneInvoiceWithIt() {
    MatchResult result = matcher.match(line("99.99", null, ACME_ACCOUNT, "Rechnung 125"));

    assertThat(result.status()).isEqualTo(Status.AUTO);
    assertThat(numbers(result)).containsExactly("INV-2026-000125");
  }

  @Test
  void numberWithoutYearThatFitsTwoOfThePayersInvoicesIsIgnored() {
    Ledger twoYears =
        aLedger().customer(5, "Weber Druck KG", "DE75512108001245126199")
            .invoice(5, "INV-2025-000077", "100.00", 60)
            .invoice(5, "INV-2026-000077", "120.00", 5)
            .build();

    MatchResult result = new CashMatcher(twoYears).evaluate(line("100.00", null, "DE75512108001245126199", "Rechnung 77"));

    assertThat(result.rule()).isEqualTo("ACCOUNT_AMOUNT");
    assertThat(numbers(result)).containsExactly("INV-2025-000077");
  }

  @Test
  void numberWithoutYearOfAnUnknownPayerMatchesNothing() {
    MatchResult result = matcher.evaluate(line("99.99", "Jane Doe", "GB33BUKB20201555555555", "Rechnung 125"));

    assertThat(result.status()).isEqualTo(Status.NONE);
    assertThat(result.rule()).isEqualTo("UNKNOWN_PAYER");
  }

  @Test
  void oneOpenItemOfThePaidAmountMatchesAKnownAccountWithoutReference() {
    MatchResult result = matcher.match(line("4100.00", null, "de89370400440532013000", "Payment"));

    assertThat(result.status()).isEqualTo(Status.AUTO);
    assertThat(result.rule()).isEqualTo("ACCOUNT_AMOUNT");
    assertThat(numbers(result)).containsExactly("INV-2026-000126");
  }

  @Test
  void normalisedNameIdentifiesThePayerWhenTheAccountIsNew() {
    MatchResult result = matcher.match(line("800.00", "MUELLER LOGISTIK GMBH", "DE02120300000000202051", ""));

    assertThat(result.status()).isEqualTo(Status.AUTO);
    assertThat(result.rule()).isEqualTo("NAME_AMOUNT");
    assertThat(result.customerId()).isEqualTo(2L);
  }

  @Test
  void aTypoInThePayerNameIsForgivenButNotTrustedForCombinations() {
    MatchResult single = matcher.evaluate(line("800.00", "Mueller Logistic", null, null));
    MatchResult combination = matcher.evaluate(line("277.00", "Mueller Logistic", null, null));

    assertThat(single.rule()).isEqualTo("FUZZY_NAME_AMOUNT");
    assertThat(single.status()).isEqualTo(Status.AUTO);
    assertThat(combination.rule()).isEqualTo("FUZZY_NAME_COMBINATION");
    assertThat(combination.status()).isEqualTo(Status.SUGGEST);
  }

  @Test
  void bundleOfThreeWithoutReferenceIsFoundByCombiningTheOldestItems() {
    MatchResult result = matcher.match(line("1540.49", null, ACME_ACCOUNT, "Sammelzahlung"));

    assertThat(result.status()).isEqualTo(Status.AUTO);
    assertThat(result.rule()).isEqualTo("ACCOUNT_COMBINATION");
    assertThat(numbers(result)).containsExactly("INV-2026-000123", "INV-2026-000124", "INV-2026-000125");
  }

  @Test
  void twoCombinationsThatFitAreOnlySuggested() {
    // 800 + 300 (000201) or 800 + 300 (000203): which 300 is meant, nobody can tell
    MatchResult result = matcher.evaluate(line("1100.00", null, "DE44500105175407324931", null));

    assertThat(result.status()).isEqualTo(Status.SUGGEST);
    assertThat(result.candidates()).hasSizeGreaterThanOrEqualTo(2);
  }

  @Test
  void twoOpenItemsOfThePaidAmountAreOnlySuggested() {
    MatchResult result = matcher.evaluate(line("300.00", null, "DE44500105175407324931", null));

    assertThat(result.status()).isEqualTo(Status.SUGGEST);
    assertThat(result.candidates()).extracting(c -> c.invoiceNumbers().getFirst())
        .containsExactly("INV-2026-000201", "INV-2026-000203");
  }

  @Test
  void referenceWithAnAmountThatIsShortIsCompletedFromTheNamedInvoicesOnly() {
    // two named, only the second one paid
    MatchResult result = matcher.match(line("250.50", null, ACME_ACCOUNT, "INV-2026-000123 INV-2026-000124"));

    assertThat(result.rule()).isEqualTo("REFERENCE_SUBSET");
    assertThat(result.status()).isEqualTo(Status.AUTO);
    assertThat(numbers(result)).containsExactly("INV-2026-000124");
  }

  @Test
  void paymentCoveringANamedAndAnUnnamedInvoiceSettlesBoth() {
    MatchResult result = matcher.match(line("1440.50", null, ACME_ACCOUNT, "INV-2026-000123"));

    assertThat(result.rule()).isEqualTo("REFERENCE_COMBINATION");
    assertThat(result.status()).isEqualTo(Status.AUTO);
    assertThat(numbers(result)).containsExactly("INV-2026-000123", "INV-2026-000124");
  }

  @Test
  void earlyPaymentOfTheDiscountedAmountSettlesTheInvoice() {
    Ledger discounted =
        aLedger().customer(7, "Becker Bau AG", "AT611904300234573201")
            .discountedInvoice(7, "INV-2026-000700", "1000.00", "980.00", TODAY.plusDays(3))
            .build();

    MatchResult result = new CashMatcher(discounted).match(line("980.00", null, null, "INV-2026-000700"));

    assertThat(result.status()).isEqualTo(Status.AUTO);
    assertThat(result.rule()).isEqualTo("REFERENCE_DISCOUNT");
    assertThat(result.discountTaken()).isTrue();
    assertThat(result.allocations().getFirst().amount()).isEqualByComparingTo("980.00");
    assertThat(result.allocations().getFirst().discount()).isEqualByComparingTo("20.00");
    assertThat(result.shortfall()).isEqualByComparingTo("0");
    assertThat(discounted.openItemsOf(7)).isEmpty();
  }

  @Test
  void latePaymentOfTheDiscountedAmountIsAShortPay() {
    Ledger discounted =
        aLedger().customer(7, "Becker Bau AG", "AT611904300234573201")
            .discountedInvoice(7, "INV-2026-000700", "1000.00", "980.00", TODAY.minusDays(1))
            .build();

    MatchResult result = new CashMatcher(discounted).match(line("980.00", null, "AT611904300234573201", "INV-2026-000700"));

    assertThat(result.rule()).isEqualTo("REFERENCE_PARTIAL");
    assertThat(result.discountTaken()).isFalse();
    assertThat(result.shortfall()).isEqualByComparingTo("20.00");
    assertThat(discounted.openItemsOf(7)).extracting(OpenItem::openAmount).containsExactly(new BigDecimal("20.00"));
  }

  @Test
  void shortPayIsAllocatedOldestFirstAndTheShortfallReported() {
    MatchResult result = matcher.match(line("1300.00", null, ACME_ACCOUNT, "INV-2026-000123 + 124 minus damaged goods"));

    assertThat(result.status()).isEqualTo(Status.AUTO);
    assertThat(result.rule()).isEqualTo("REFERENCE_PARTIAL");
    assertThat(result.allocations()).extracting(Allocation::amount)
        .containsExactly(new BigDecimal("1190.00"), new BigDecimal("110.00"));
    assertThat(result.shortfall()).isEqualByComparingTo("140.50");
  }

  @Test
  void shortPayFromAnUnidentifiedPayerIsOnlySuggested() {
    MatchResult result = matcher.evaluate(line("1100.00", "Unbekannt", null, "INV-2026-000123"));

    assertThat(result.status()).isEqualTo(Status.SUGGEST);
    assertThat(result.rule()).isEqualTo("REFERENCE_PARTIAL");
  }

  @Test
  void overpaymentSettlesTheInvoiceAndLeavesTheSurplusUnapplied() {
    MatchResult result = matcher.match(line("1200.00", null, ACME_ACCOUNT, "INV-2026-000123"));

    assertThat(result.status()).isEqualTo(Status.AUTO);
    assertThat(result.rule()).isEqualTo("REFERENCE_OVERPAY");
    assertThat(result.allocations()).extracting(Allocation::amount).containsExactly(new BigDecimal("1190.00"));
    assertThat(result.unapplied()).isEqualByComparingTo("10.00");
  }

  @Test
  void unknownPayerWithoutReferenceIsNotMatched() {
    MatchResult result = matcher.evaluate(line("1190.00", "John Smith", "FR1420041010050500013M02606", "Thanks"));

    assertThat(result.status()).isEqualTo(Status.NONE);
    assertThat(result.rule()).isEqualTo("UNKNOWN_PAYER");
    assertThat(result.allocations()).isEmpty();
    assertThat(result.customerId()).isNull();
  }

  @Test
  void learnedAccountIdentifiesTheCustomerAfterwards() {
    String newAccount = "NL91 ABNA 0417 1643 00";
    assertThat(matcher.evaluate(line("4100.00", null, newAccount, null)).status()).isEqualTo(Status.NONE);

    ledger.learn(newAccount, 1);

    MatchResult result = matcher.evaluate(line("4100.00", null, "nl91abna0417164300", null));
    assertThat(result.status()).isEqualTo(Status.AUTO);
    assertThat(result.customerId()).isEqualTo(1L);
  }

  @Test
  void paymentInAnotherCurrencyIsNeverMatched() {
    MatchResult result = matcher.evaluate(line("640.00", "Nordic Timber AB", null, "INV-2026-000300"));

    assertThat(result.status()).isEqualTo(Status.NONE);
    assertThat(result.allocations()).isEmpty();
    assertThat(result.rule()).isEqualTo("CURRENCY_MISMATCH");
    assertThat(result.candidates()).extracting(Candidate::why).containsExactly("invoice in USD");
  }

  @Test
  void anInvoiceAppliedAutomaticallyCannotBePaidTwiceInOneRun() {
    MatchResult first = matcher.match(line("4100.00", null, ACME_ACCOUNT, "INV-2026-000126"));
    assertThat(first.status()).isEqualTo(Status.AUTO);
    assertThat(numbers(first)).containsExactly("INV-2026-000126");
    assertThat(ledger.openItemsOf(1)).extracting(OpenItem::invoiceNumber).doesNotContain("INV-2026-000126");

    MatchResult second = matcher.match(line("4100.00", null, ACME_ACCOUNT, "INV-2026-000126"));

    assertThat(second.status()).isNotEqualTo(Status.AUTO);
    assertThat(numbers(second)).doesNotContain("INV-2026-000126");
  }

  @Test
  void referenceToAnotherCustomersInvoiceIsOnlySuggested() {
    MatchResult result = matcher.evaluate(line("800.00", null, ACME_ACCOUNT, "INV-2026-000200"));

    assertThat(result.status()).isEqualTo(Status.SUGGEST);
    assertThat(result.customerId()).isEqualTo(2L);
  }

  @Test
  void theAutoPostThresholdIsTheCallersChoice() {
    CashMatcher strict = new CashMatcher(ledger, 0.99);

    MatchResult result = strict.evaluate(line("4100.00", null, ACME_ACCOUNT, null));

    assertThat(result.status()).isEqualTo(Status.SUGGEST);
    assertThat(result.allocations()).extracting(Allocation::invoiceNumber).containsExactly("INV-2026-000126");
  }

  @Test
  void debitLinesAreNotMatched() {
    assertThat(matcher.evaluate(line("-100.00", null, ACME_ACCOUNT, "INV-2026-000123")).rule()).isEqualTo("NOT_A_CREDIT");
  }

  private static List<String> numbers(MatchResult result) {
    return result.allocations().stream().map(Allocation::invoiceNumber).toList();
  }
}
