package settle.payments;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import settle.testdata.Settings;

/** The zones accounts book in come from the properties an operator writes, per IBAN and for every other account. */
class AccountZonesConfigurationTest {

  @Test
  void eachConfiguredAccountBooksInItsZoneTheOthersInTheDefaultOrAsTheBankWrote() {
    var configured = BankStatements.zones(new Settings()
        .with("settle.cash-application.account-zones.DE89370400440532013000", "Europe/Berlin")
        .with("settle.cash-application.default-zone", "America/New_York"));

    assertThat(configured.of("DE89 3704 0044 0532 0130 00")).isEqualTo(ZoneId.of("Europe/Berlin"));
    assertThat(configured.of("GB29NWBK60161331926819")).isEqualTo(ZoneId.of("America/New_York"));
    assertThat(BankStatements.zones(new Settings()).of("DE89370400440532013000")).isNull();
  }
}
