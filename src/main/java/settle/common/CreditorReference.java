package settle.common;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ISO 11649 structured creditor reference: "RF", two check digits (mod 97 over the reference with letters as 10..35,
 * as for an IBAN) and up to 21 letters or digits. Derived from the document number, so nothing is stored: the
 * customer's bank carries it to us in the structured remittance field and cash matching reads it back.
 */
public final class CreditorReference {

  // RF, check digits, then the reference as one word or printed in groups of up to four
  private static final Pattern IN_TEXT = Pattern.compile("(?i)\\bRF\\d{2}(?:[A-Z0-9]{1,21}\\b|(?: [A-Z0-9]{1,4}\\b)+)");

  private CreditorReference() {}

  /** The reference for a document number: its letters and digits (upper case) behind RF and the check digits. */
  public static String of(String documentNumber) {
    String body = documentNumber.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
    if (body.isEmpty() || body.length() > 21) {
      throw new IllegalArgumentException("A creditor reference takes 1 to 21 letters or digits, not '" + documentNumber + "'");
    }
    return "RF%02d%s".formatted(98 - mod97(body + "RF00"), body);
  }

  /** Whether the text is a creditor reference with the right check digits; blanks (as printed in groups) are ignored. */
  public static boolean isValid(String text) {
    if (text == null) {
      return false;
    }
    String ref = text.replace(" ", "").toUpperCase(Locale.ROOT);
    return ref.matches("RF\\d{2}[A-Z0-9]{1,21}") && mod97(ref.substring(4) + ref.substring(0, 4)) == 1;
  }

  /** The first valid creditor reference in free text (a bank's remittance line), without blanks; empty if none. */
  public static Optional<String> find(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher m = IN_TEXT.matcher(text);
    while (m.find()) {
      // printed groups may run into the next words ("RF18 5390 0754 7034 for May"): drop trailing groups until valid
      String candidate = m.group();
      while (true) {
        String ref = candidate.replace(" ", "").toUpperCase(Locale.ROOT);
        if (isValid(ref)) {
          return Optional.of(ref);
        }
        int lastBlank = candidate.lastIndexOf(' ');
        if (lastBlank < 0) {
          break;
        }
        candidate = candidate.substring(0, lastBlank);
      }
    }
    return Optional.empty();
  }

  /** In groups of four, as printed on paper, so a person can type it without losing their place. */
  public static String printed(String reference) {
    return reference.replaceAll("(.{4})(?!$)", "$1 ");
  }

  /** Mod 97 of the number the text spells with letters as 10..35 (ISO 7064 MOD 97-10, as for IBANs). */
  static int mod97(String text) {
    int rest = 0;
    for (char c : text.toCharArray()) {
      int v = Character.digit(c, 36);
      if (v < 0) {
        throw new IllegalArgumentException("Not a letter or digit: " + c);
      }
      rest = (v < 10 ? rest * 10 + v : rest * 100 + v) % 97;
    }
    return rest;
  }

  /** Whether an IBAN (blanks allowed) has the right check digits. */
  public static boolean isValidIban(String iban) {
    String s = iban == null ? "" : iban.replace(" ", "").toUpperCase(Locale.ROOT);
    return s.matches("[A-Z]{2}\\d{2}[A-Z0-9]{11,30}") && mod97(s.substring(4) + s.substring(0, 4)) == 1;
  }
}
