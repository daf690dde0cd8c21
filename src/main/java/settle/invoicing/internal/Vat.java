package settle.invoicing.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Set;
import settle.common.Company;
import settle.common.Money;
import settle.customers.CustomerView;

/**
 * The VAT an invoice total includes. Settle's prices are what the customer pays (VAT included); for a customer in the
 * seller's country that is the standard rate, for a business elsewhere in the EU with a VAT id the reverse charge (the
 * buyer accounts for the VAT), outside the EU a VAT-free export. Category codes as in EN 16931 (UNTDID 5305).
 */
record Vat(String category, BigDecimal rate, String exemptionReason) {

  private static final Set<String> EU = Set.of("AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR",
      "HR", "HU", "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK");

  static Vat forBuyer(Company seller, CustomerView buyer) {
    String country = buyer.country() == null ? seller.country() : buyer.country();
    if (country.equals(seller.country())) {
      return new Vat("S", seller.vatRate(), null);
    }
    if (EU.contains(country) && buyer.vatId() != null && !buyer.vatId().isBlank()) {
      return new Vat("AE", BigDecimal.ZERO, "Reverse charge: the recipient accounts for the VAT");
    }
    if (!EU.contains(country)) {
      return new Vat("G", BigDecimal.ZERO, "Export outside the EU, free of VAT");
    }
    return new Vat("S", seller.vatRate(), null);
  }

  /** The net part of a VAT-inclusive amount, to the cent. */
  BigDecimal net(BigDecimal gross) {
    return Money.of(gross.multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(100).add(rate), 4, RoundingMode.HALF_EVEN));
  }

  /** The VAT on a net amount, to the cent. */
  BigDecimal on(BigDecimal net) {
    return Money.of(net.multiply(rate).divide(BigDecimal.valueOf(100), 4, RoundingMode.HALF_EVEN));
  }

  /** How the invoice states it in words. */
  String words() {
    return switch (category) {
      case "S" -> rate.stripTrailingZeros().toPlainString() + "% VAT";
      case "AE" -> "Reverse charge";
      default -> "VAT-free export";
    };
  }
}
