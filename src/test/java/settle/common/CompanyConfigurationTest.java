package settle.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.annotation.UserConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The seller configuration binds from settle.company.* and a wrong IBAN stops the start, naming the account. */
class CompanyConfigurationTest {

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(UserConfigurations.of(CompanyConfiguration.class))
      .withPropertyValues("settle.company.legal-name=Northwind Supplies GmbH", "settle.company.street=Am Sandtorkai 54",
          "settle.company.postcode=20457", "settle.company.city=Hamburg", "settle.company.country=DE",
          "settle.company.vat-id=DE811569869", "settle.company.vat-rate=19",
          "settle.company.bank-accounts.EUR.iban=DE89 3704 0044 0532 0130 00",
          "settle.company.bank-accounts.EUR.bic=COBADEFFXXX", "settle.company.bank-accounts.EUR.bank-name=Commerzbank");

  @Test
  void binds_the_seller_and_its_bank_account_per_currency() {
    runner.run(context -> {
      Company company = context.getBean(Company.class);
      assertThat(company.legalName()).isEqualTo("Northwind Supplies GmbH");
      assertThat(company.addressLines()).containsExactly("Am Sandtorkai 54", "20457 Hamburg", "Germany");
      assertThat(company.account("EUR")).hasValueSatisfying(a -> {
        assertThat(a.iban()).isEqualTo("DE89370400440532013000");
        assertThat(a.printedIban()).isEqualTo("DE89 3704 0044 0532 0130 00");
      });
      assertThat(company.account("JPY")).isEmpty();
    });
  }

  @Test
  void a_wrong_iban_stops_the_start_and_names_the_account() {
    runner.withPropertyValues("settle.company.bank-accounts.USD.iban=DE62370400440532013002",
        "settle.company.bank-accounts.USD.bic=COBADEFFXXX").run(context -> {
      assertThat(context).hasFailed();
      assertThat(context.getStartupFailure()).rootCause()
          .hasMessageContaining("settle.company.bank-accounts.USD.iban 'DE62370400440532013002' is not a valid IBAN");
    });
  }

  @Test
  void the_shipped_demo_seller_has_valid_ibans_for_every_currency() throws Exception {
    var yaml = new org.springframework.boot.env.YamlPropertySourceLoader()
        .load("application", new org.springframework.core.io.ClassPathResource("application.yml")).getFirst();
    var env = new org.springframework.core.env.StandardEnvironment();
    env.getPropertySources().addFirst(yaml);
    Company company = org.springframework.boot.context.properties.bind.Binder.get(env)
        .bind("settle.company", Company.class).get();
    assertThat(company.bankAccounts()).containsKeys("EUR", "USD", "GBP", "CHF", "SEK");
    assertThat(company.vatId()).isEqualTo("DE811569869");
  }
}
