package settle.payments.statements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StatementFormatDetectionTest {

  @Test
  void eachSampleIsRecognisedByItsOwnMarks() {
    assertThat(StatementParsers.detect(Samples.bytes(Samples.CAMT_053))).isEqualTo(StatementFormat.CAMT_053);
    assertThat(StatementParsers.detect(Samples.bytes(Samples.CAMT_054))).isEqualTo(StatementFormat.CAMT_054);
    assertThat(StatementParsers.detect(Samples.bytes(Samples.MT940))).isEqualTo(StatementFormat.MT940);
    assertThat(StatementParsers.detect(Samples.bytes(Samples.BAI2))).isEqualTo(StatementFormat.BAI2);
    assertThat(StatementParsers.detect(Samples.bytes(Samples.CSV))).isEqualTo(StatementFormat.CSV);
  }

  @Test
  void mt940WithFinBlockHeadersIsRecognised() {
    String fin = "{1:F01COBADEFFAXXX0000000000}{2:O940}{4:\n" + Samples.text(Samples.MT940) + "}";

    assertThat(StatementParsers.detect(fin.getBytes(StandardCharsets.UTF_8))).isEqualTo(StatementFormat.MT940);
  }

  @Test
  void otherXmlIsNotTakenForCamt() {
    byte[] pain = "<?xml version=\"1.0\"?><Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pain.001.001.09\"/>"
        .getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> StatementParsers.detect(pain))
        .isInstanceOf(StatementFormatException.class)
        .hasMessageContaining("not a camt.053 or camt.054");
  }

  @Test
  void unknownContentAndEmptyFilesAreRefused() {
    assertThatThrownBy(() -> StatementParsers.detect("Hello, bank".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(StatementFormatException.class)
        .hasMessageContaining("Hello, bank");
    assertThatThrownBy(() -> StatementParsers.detect(new byte[0]))
        .isInstanceOf(StatementFormatException.class)
        .hasMessage("the file is empty");
  }

  @Test
  void aNamedFormatIsUsedEvenWhenTheContentLooksDifferent() {
    assertThatThrownBy(() -> StatementParsers.parse(Samples.bytes(Samples.BAI2), Optional.of(StatementFormat.CAMT_053)))
        .isInstanceOf(StatementFormatException.class)
        .hasMessageContaining("not well-formed");
  }

  @Test
  void camt054NamedAsCamt053IsRefused() {
    assertThatThrownBy(() -> StatementParsers.parse(Samples.bytes(Samples.CAMT_054), Optional.of(StatementFormat.CAMT_053)))
        .isInstanceOf(StatementFormatException.class)
        .hasMessageContaining("expected CAMT_053");
  }
}
