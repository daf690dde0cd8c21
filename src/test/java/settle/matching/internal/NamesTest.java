package settle.matching.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NamesTest {

  @Test
  void legalFormsPunctuationCaseAndAccentsAreIgnored() {
    String master = Names.normalize("Müller Logistik GmbH & Co. KG");

    assertThat(master).isEqualTo("MULLER LOGISTIK");
    assertThat(Names.normalize("MUELLER LOGISTIK GMBH")).isEqualTo(master);
    assertThat(Names.normalize("muller logistik")).isEqualTo(master);
    assertThat(Names.normalize("Acme Industrial Supplies, Ltd.")).isEqualTo(Names.normalize("ACME INDUSTRIAL SUPPLIES LIMITED"));
    assertThat(Names.normalize("Société Générale S.A.")).isEqualTo("SOCIETE GENERALE");
  }

  @Test
  void aNameThatIsOnlyALegalFormKeepsIt() {
    assertThat(Names.normalize("AG")).isEqualTo("AG");
  }

  @Test
  void similarityForgivesATypoButNotADifferentName() {
    assertThat(Names.jaroWinkler("MULLER LOGISTIK", "MULLER LOGISTIC")).isGreaterThan(0.95);
    assertThat(Names.jaroWinkler("MULLER LOGISTIK", "SCHMIDT LOGISTIK")).isLessThan(0.88);
    assertThat(Names.jaroWinkler("MULLER LOGISTIK", "MULLER LOGISTIK")).isEqualTo(1.0);
  }
}
