package settle.selfservice.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import settle.common.Money;

/**
 * Amounts and dates as the contact reads them in the portal's language: "1,234.50 EUR" and "30 Nov 2026" in English,
 * "1.234,50 EUR" and "30.11.2026" in German. The portal speaks English and German; any other language gets English.
 */
public record PortalFormat(Locale locale, ZoneId zone) {

  static Locale supported(Locale requested) {
    return requested != null && requested.getLanguage().equals("de") ? Locale.GERMANY : Locale.UK;
  }

  public String lang() {
    return locale.getLanguage();
  }

  public String money(BigDecimal amount, String currency) {
    return amount == null ? "" : Money.number(amount, locale) + " " + currency;
  }

  public String date(LocalDate date) {
    return date == null ? "" : date.format(locale.getLanguage().equals("de")
        ? DateTimeFormatter.ofPattern("dd.MM.yyyy") : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale));
  }

  public String dateTime(Instant at) {
    return at == null ? "" : at.atZone(zone).format(locale.getLanguage().equals("de")
        ? DateTimeFormatter.ofPattern("dd.MM.yyyy, HH:mm") : DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", locale));
  }

  /** The form field value for an amount: plain digits and a point, whatever the language. */
  public String plain(BigDecimal amount) {
    return amount == null ? "" : Money.of(amount).toPlainString();
  }
}
