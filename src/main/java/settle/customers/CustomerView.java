package settle.customers;

import java.math.BigDecimal;
import java.time.LocalDate;

public record CustomerView(long id, String name, String apEmail, String accountOwnerName, String accountOwnerEmail,
                           BigDecimal creditLimit, String currency, String riskRating,
                           LocalDate customerSince, String apContactName, String apContactPhone,
                           String street, String postcode, String city, String country, String vatId,
                           String timeZone, String apLanguage) {

  /** The AP contact's zone, for the local hour customer mails go out and the local time a collector sees. */
  public java.time.ZoneId zone() {
    return java.time.ZoneId.of(timeZone);
  }

  /** The postal address as lines for an invoice or a page, without blank parts. */
  public java.util.List<String> addressLines() {
    java.util.List<String> lines = new java.util.ArrayList<>();
    if (street != null && !street.isBlank()) {
      lines.add(street);
    }
    String place = ((postcode == null ? "" : postcode) + " " + (city == null ? "" : city)).strip();
    if (!place.isEmpty()) {
      lines.add(place);
    }
    lines.add(java.util.Locale.of("", country).getDisplayCountry(java.util.Locale.ENGLISH));
    return lines;
  }
}
