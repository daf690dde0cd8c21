package settle.payments.statements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each bank dialect the importers read, on a real file of ../shared/statements-corpus/ that has it. */
class StatementDialectsTest {

  @BeforeEach
  void corpus() {
    assumeTrue(StatementCorpus.present(), "../shared/statements-corpus is not here");
  }

  private static byte[] bytes(String folder, String name) {
    try {
      return Files.readAllBytes(StatementCorpus.DIRECTORY.resolve(folder).resolve(name));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static List<BankStatement> read(String folder, String name) {
    return StatementParsers.parse(bytes(folder, name), Optional.empty());
  }

  private static List<StatementLine> lines(List<BankStatement> statements) {
    return statements.stream().flatMap(s -> s.lines().stream()).toList();
  }

  @Test
  void mt940BankHeaderLinesAndTheShortStatementNumberTag() {
    // ABNANL2A / 940 / ABNANL2A before each :20:, and :28: instead of :28C:
    List<BankStatement> statements = read("mt940", "jejik__document__abnamro.txt");
    assertThat(statements).hasSize(2);
    assertThat(statements.getFirst().statementId()).isEqualTo("ABN AMRO BANK NV/19321/1");
    assertThat(lines(statements)).hasSize(10).noneMatch(StatementLine::credit);
  }

  @Test
  void mt940RabobankHeaderSeveralNarrativesAfterOneEntryAndNoOwnerReference() {
    List<BankStatement> statements = read("mt940", "jejik__document__rabobank.txt");
    StatementLine first = statements.getFirst().lines().getFirst();
    assertThat(first.amount()).isEqualByComparingTo("1213.28");
    assertThat(first.remittance()).contains("Terugboeking").contains("NIET AKKOORD MET AFSCHRIJVING");
  }

  @Test
  void mt940SwiftFinBlocksAroundEveryStatement() {
    List<BankStatement> statements = read("mt940", "wolph__ASNB__mt940.txt");
    assertThat(statements).hasSizeGreaterThan(1);
    assertThat(lines(statements)).hasSize(8);
    assertThat(statements).allSatisfy(s -> assertThat(s.accountId()).isEqualTo("NL81ASNB9999999999"));
  }

  @Test
  void mt940ControlBytesAroundAFinMessage() {
    assertThat(new String(bytes("mt940", "jejik__document__postfinance.txt"), StandardCharsets.ISO_8859_1)).contains("\u0001{1:");
    List<BankStatement> statements = read("mt940", "jejik__document__postfinance.txt");
    assertThat(statements).hasSize(2);
    assertThat(statements.getFirst().lines()).hasSize(2);
  }

  @Test
  void mt940TwoLetterTypeCodePaddedAndANarrativeWithALeadingSpace() {
    List<BankStatement> statements = read("mt940", "jejik__document__ing-dos.txt");
    assertThat(statements.getFirst().lines()).hasSize(7);
    assertThat(statements.getFirst().lines().getFirst().remittance()).startsWith("RC AFREKENING");
  }

  @Test
  void mt940SpaceBeforeTheTypeCodeAndTheBankReferenceAfterTheSlashes() {
    StatementLine line = read("mt940", "jejik__document__commerzbank.txt").getFirst().lines().getFirst();
    assertThat(line.amount()).isEqualByComparingTo("12.35");
    assertThat(line.credit()).isFalse();
    assertThat(line.reference()).isEqualTo("2016021783252833");
  }

  @Test
  void mt940BlankEntryDateAndAFundsCode() {
    List<StatementLine> lines = read("mt940", "wolph__citi__mt940.txt").getFirst().lines();
    assertThat(lines).hasSize(5);
    assertThat(lines.getFirst().amount()).isEqualByComparingTo("212.39");
    assertThat(lines.getFirst().bookingDate()).isEqualTo(lines.getFirst().valueDate());
  }

  @Test
  void mt940EntryWithoutAnyReferenceAndGermanSubfields() {
    List<BankStatement> statements = read("mt940", "jejik__document__volksbankenraiffeisenbanken.txt");
    assertThat(statements).hasSize(8);
    StatementLine line = lines(statements).stream().filter(l -> l.amount().compareTo(new java.math.BigDecimal("80.00")) == 0)
        .findFirst().orElseThrow();
    assertThat(line.reference()).isNull();
    assertThat(line.remittance()).contains("Beitrag Musical").doesNotContain("?2");
    assertThat(line.payerAccount()).isEqualTo("DE10500105174381957749");
  }

  @Test
  void mt940InterimBalancesSplitADayIntoPages() {
    List<BankStatement> statements = read("mt940", "jejik__document__sparkasse_interim_balance.txt");
    assertThat(statements).hasSize(3);
    assertThat(statements).allSatisfy(s -> assertThat(s.opening()).isNotNull());
  }

  @Test
  void mt940ForwardBalanceWithoutAClosingBalanceIsReadButNotReconciled() {
    BankStatement statement = read("mt940", "jejik__document__K4262927_20200905-080000-952.txt").getFirst();
    assertThat(statement.lines()).singleElement().satisfies(l -> assertThat(l.amount()).isEqualByComparingTo("230.00"));
    assertThat(statement.reconciled()).isFalse();
  }

  @Test
  void bai2SeveralRecordsOnOnePhysicalLine() {
    List<BankStatement> statements = read("bai2", "moov__testdata__sample3.txt");
    assertThat(lines(statements)).isNotEmpty();
    assertThat(lines(statements).getFirst().amount()).isEqualByComparingTo("25.00");
  }

  @Test
  void bai2EmptyFirstSummaryAndContinuationsOfADetailAreNarrativeNotTheCustomerReference() {
    List<BankStatement> statements = read("bai2", "moov__testdata__sample4-continuations-newline-delimited.txt");
    assertThat(statements).hasSizeGreaterThan(1);
    StatementLine line = statements.get(1).lines().getFirst();
    assertThat(line.reference()).isEqualTo("SPB2322984714570");
    assertThat(line.structuredReferences()).containsExactly("1111");
    assertThat(line.remittance()).contains("EREF: 1111").contains("DBNM: TEST INC");
  }

  @Test
  void bai2ReturnAndRejectCodesAreReversalsNeverPayments() {
    // credits 255 check posted and returned, 257 ACH return item, 261 rejected credit, 266 return item: money back, not
    // a payment; the debit 557 returns a credit received earlier
    List<StatementLine> lines = lines(read("bai2", "moov__testdata__sample4-continuations-newline-delimited.txt"));
    assertThat(lines).filteredOn(StatementLine::reversal).extracting(StatementLine::reference, StatementLine::credit)
        .containsExactlyInAnyOrder(tuple("SB2322600000404", true), tuple("GI2118700002010", true),
            tuple("SB2225800001203", true), tuple("SC2134800001999", true), tuple("SB2322600000214", false));
    // a ZBA credit (275) in the same file is a movement like any other
    assertThat(lines).filteredOn(l -> "GI2318000014342".equals(l.reference())).singleElement()
        .satisfies(l -> assertThat(l.reversal()).isFalse());
  }

  @Test
  void bai2TrailingCommaBeforeAContinuationAndNoSlashAfterTheFileTrailer() {
    List<BankStatement> statements = read("bai2", "moj__data__svb_us_example.bai2");
    assertThat(statements).isNotEmpty();
    assertThat(statements.getFirst().closing()).isEqualByComparingTo("352171.75");
  }

  @Test
  void bai2BlankAccountControlTotal() {
    assertThat(read("bai2", "moj__data__account_trailer_amount_blank_example.bai2")).hasSize(2);
  }

  @Test
  void camtTransactionsInAnotherCurrencyThanTheEntryStayOneLineInTheEntrysCurrency() {
    List<StatementLine> lines = lines(read("camt054", "genkgo__data__camt054.v4.xml"));
    assertThat(lines).singleElement().satisfies(line -> {
      assertThat(line.currency()).isEqualTo("SEK");
      assertThat(line.credit()).isFalse();
    });
  }

  @Test
  void camtSeveralStatementsInOneDocument() {
    assertThat(read("camt053", "genkgo__data__camt053.v2.multi.statement.xml")).hasSize(2);
  }

  @Test
  void camtDocumentInsideAnEnvelopeWithABusinessApplicationHeader() {
    String document = new String(bytes("camt053", "genkgo__data__camt053.v2.minimal.xml"), StandardCharsets.UTF_8)
        .replaceFirst("<\\?xml[^>]*\\?>", "");
    String wrapped = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Envelope><AppHdr xmlns=\"urn:iso:std:iso:20022:tech:xsd:head.001.001.01\">"
        + "<MsgDefIdr>camt.053.001.02</MsgDefIdr></AppHdr>" + document + "</Envelope>";
    List<BankStatement> statements = StatementParsers.parse(wrapped.getBytes(StandardCharsets.UTF_8), Optional.empty());
    assertThat(lines(statements)).singleElement().satisfies(l -> assertThat(l.amount()).isEqualByComparingTo("8.85"));
  }

  @Test
  void camtStatementWithoutItsCreationTimeTakesTheMessages() {
    String text = new String(bytes("camt053", "viafintech__053__valid_example.xml"), StandardCharsets.UTF_8);
    int statement = text.indexOf("<Stmt>");
    String withoutCreation = text.substring(0, statement)
        + text.substring(statement).replaceFirst("<CreDtTm>[^<]*</CreDtTm>", "").replaceFirst("<FrToDt>.*?</FrToDt>", "");
    BankStatement read = StatementParsers.parse(withoutCreation.getBytes(StandardCharsets.UTF_8), Optional.empty()).getFirst();
    String groupCreated = text.substring(text.indexOf("<CreDtTm>") + 9, text.indexOf("<CreDtTm>") + 19);
    assertThat(read.date()).hasToString(groupCreated);
  }

  @Test
  void camtBookingDateTimeNearMidnightIsTheDayItWasInTheAccountsZone() {
    // the real file, its first booking moved to half an hour before midnight UTC
    String text = new String(bytes("camt053", "viafintech__053__valid_example_with_datetime.xml"), StandardCharsets.UTF_8)
        .replace("<DtTm>2023-06-21T12:35:33.115965+00:00</DtTm>", "<DtTm>2023-06-21T23:30:00Z</DtTm>");
    byte[] late = text.getBytes(StandardCharsets.UTF_8);
    java.util.function.Function<AccountZones, StatementLine> first =
        zones -> StatementParsers.parse(late, Optional.empty(), zones).getFirst().lines().getFirst();

    assertThat(first.apply(AccountZones.AS_WRITTEN).bookingDate()).hasToString("2023-06-21");
    assertThat(first.apply(new AccountZones(null, java.util.Map.of("111 11111", java.time.ZoneId.of("Europe/Berlin"))))
        .bookingDate()).hasToString("2023-06-22");
    assertThat(first.apply(new AccountZones(java.time.ZoneId.of("Asia/Tokyo"), java.util.Map.of())).bookingDate())
        .hasToString("2023-06-22");
    assertThat(first.apply(new AccountZones(java.time.ZoneId.of("Asia/Tokyo"),
        java.util.Map.of("11111111", java.time.ZoneId.of("America/New_York")))).bookingDate()).hasToString("2023-06-21");
  }

  @Test
  void theEndToEndIdIsReadFromCamtAndFromTheMt940EndToEndKeyword() {
    // a return carries the returned payment's end-to-end id, by which it finds that payment
    assertThat(lines(read("camt053", "genkgo__data__camt053.v2.five.decimals.xml")))
        .singleElement().extracting(StatementLine::endToEndId).isEqualTo("000000001");
    assertThat(lines(read("mt940", "jejik__document__rabobank-iban.txt"))).first().extracting(StatementLine::endToEndId)
        .isEqualTo("01-01-2013 12:00 0030000987654321");
    // German ?2x subfields: EREF+ runs across the 27-character pieces up to the next SEPA keyword; this one is the
    // return of a direct debit
    assertThat(lines(read("mt940", "jejik__document__commerzbank.txt"))).extracting(StatementLine::endToEndId)
        .contains("A1.200080779.400143254.4961336");
    assertThat(lines(read("mt940", "wolph__betterplace__sepa_snippet.sta"))).extracting(StatementLine::endToEndId)
        .contains("EndToEndId TFNR 22 004 00001", "TFNR 0300300004");
  }

  @Test
  void camtReversalIsMarkedSoItIsNeverTakenForAPayment() {
    List<StatementLine> lines = lines(read("camt054", "dvbern__v00104__camt_054_Beispiel_NoCrdtBookedNotReversed.xml"));
    assertThat(lines).filteredOn(StatementLine::credit).singleElement().satisfies(l -> assertThat(l.reversal()).isTrue());
  }

  @Test
  void mt940ReversedDebitIsMarkedAsAReversal() {
    StatementLine line = read("mt940", "jejik__document__sparkasse2.txt").getFirst().lines().getFirst();
    assertThat(line.credit()).isTrue();
    assertThat(line.reversal()).isTrue();
  }
}
