package settle.common;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The seller on every invoice, mail and portal page ({@code settle.company.*}): legal name, postal address, VAT id,
 * the VAT rate prices include, and one bank account per invoice currency. A wrong IBAN stops the start, naming it:
 * better no start than invoices that send customers' money nowhere.
 */
@ConfigurationProperties("settle.company")
public record Company(String legalName, String street, String postcode, String city, String country, String vatId,
                      String phone, String email, BigDecimal vatRate, Map<String, BankAccount> bankAccounts) {

  public record BankAccount(String iban, String bic, String bankName) {

    /** The IBAN in groups of four, as printed. */
    public String printedIban() {
      return CreditorReference.printed(iban);
    }
  }

  public Company {
    bankAccounts = bankAccounts == null ? Map.of() : new TreeMap<>(bankAccounts);
    for (var entry : bankAccounts.entrySet()) {
      String iban = entry.getValue().iban() == null ? "" : entry.getValue().iban().replace(" ", "");
      if (!CreditorReference.isValidIban(iban)) {
        throw new IllegalArgumentException("settle.company.bank-accounts." + entry.getKey() + ".iban '" + iban
            + "' is not a valid IBAN (its check digits do not match): customers would pay into nowhere");
      }
    }
    bankAccounts = Map.copyOf(normalised(bankAccounts));
  }

  private static Map<String, BankAccount> normalised(Map<String, BankAccount> accounts) {
    Map<String, BankAccount> out = new TreeMap<>();
    accounts.forEach((currency, a) -> out.put(currency.toUpperCase(Locale.ROOT),
        new BankAccount(a.iban().replace(" ", "").toUpperCase(Locale.ROOT), a.bic(), a.bankName())));
    return out;
  }

  /** The account customers pay an invoice in this currency into; empty if none is configured. */
  public Optional<BankAccount> account(String currency) {
    return Optional.ofNullable(bankAccounts.get(currency));
  }

  /** Street, postcode and city, country in words. */
  public List<String> addressLines() {
    List<String> lines = new ArrayList<>();
    lines.add(street);
    lines.add(postcode + " " + city);
    lines.add(Locale.of("", country).getDisplayCountry(Locale.ENGLISH));
    return lines;
  }
}
