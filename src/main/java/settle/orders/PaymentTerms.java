package settle.orders;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Payment terms as sales writes them: {@code NET30}, or with an early-payment discount,
 * {@code 2/10 NET30} (2% off if paid within 10 days, otherwise due in 30).
 */
public record PaymentTerms(int netDays, BigDecimal discountPercent, Integer discountDays) {

  private static final Pattern FORMAT = Pattern.compile(
      "^\\s*(?:(\\d{1,2}(?:\\.\\d{1,2})?)\\s*/\\s*(\\d{1,3})\\s+)?NET\\s*(\\d{1,3})\\s*$", Pattern.CASE_INSENSITIVE);

  public static Optional<PaymentTerms> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher m = FORMAT.matcher(text);
    if (!m.matches()) {
      return Optional.empty();
    }
    int net = Integer.parseInt(m.group(3));
    if (m.group(1) == null) {
      return Optional.of(new PaymentTerms(net, null, null));
    }
    BigDecimal pct = new BigDecimal(m.group(1));
    int days = Integer.parseInt(m.group(2));
    if (pct.signum() <= 0 || pct.compareTo(BigDecimal.valueOf(50)) > 0 || days <= 0 || days >= net) {
      return Optional.empty();
    }
    return Optional.of(new PaymentTerms(net, pct, days));
  }

  public boolean hasEarlyPaymentDiscount() {
    return discountPercent != null;
  }

  public LocalDate dueDate(LocalDate issued) {
    return issued.plusDays(netDays);
  }

  public Optional<LocalDate> discountDeadline(LocalDate issued) {
    return hasEarlyPaymentDiscount() ? Optional.of(issued.plusDays(discountDays)) : Optional.empty();
  }

  @Override
  public String toString() {
    return hasEarlyPaymentDiscount()
        ? discountPercent.stripTrailingZeros().toPlainString() + "/" + discountDays + " NET" + netDays
        : "NET" + netDays;
  }
}
