package settle.matching.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds invoice numbers in free text the way a cash applier reads them. A number is a year and a
 * sequence ("INV-2026-000123" is 2026/123); prefixes, separators and leading zeros do not count, and
 * the letters O, I/L, S and B inside a digit run are read as 0, 1, 5 and 8 (OCR and typing noise).
 * "000123/124/125" and "000123-125" continue the first number. A number without a year is kept with
 * year 0; only the payer's own invoices can confirm it.
 */
public final class InvoiceReferences {

  /** key = year * YEAR_FACTOR + sequence; sequences longer than 12 digits are not invoice numbers. */
  public static final long YEAR_FACTOR = 1_000_000_000_000L;

  private static final int MAX_DIGITS = 12;
  private static final int MAX_RANGE = 10;

  private enum Gap {
    NONE,
    SPACE,
    JOIN, // '-' or '.': the separators inside an invoice number
    LIST, // '/', ',', '+', '&', ';': a further number
    BREAK
  }

  /** One number read from text; {@code repaired} when letters had to be read as digits. */
  public record Reference(int year, long number, boolean repaired) {

    public long key() {
      return year * YEAR_FACTOR + number;
    }
  }

  private InvoiceReferences() {}

  /** The index key of an invoice number as issued, or -1 when it holds no digits. */
  public static long keyOf(String invoiceNumber) {
    List<Reference> found = scan(invoiceNumber);
    for (Reference reference : found) {
      if (reference.year() > 0) {
        return reference.key();
      }
    }
    return found.isEmpty() ? -1 : found.getFirst().key();
  }

  public static long sequenceOf(long key) {
    return key % YEAR_FACTOR;
  }

  public static List<Reference> scan(String text) {
    List<Reference> out = new ArrayList<>(4);
    if (text == null || text.isEmpty()) {
      return out;
    }
    List<String> groups = new ArrayList<>();
    List<Gap> gaps = new ArrayList<>();
    List<Boolean> repaired = new ArrayList<>();
    int length = text.length();
    int i = 0;
    int gapStart = 0;
    while (i < length) {
      if (!Character.isLetterOrDigit(text.charAt(i))) {
        i++;
        continue;
      }
      int start = i;
      while (i < length && Character.isLetterOrDigit(text.charAt(i))) {
        i++;
      }
      Gap gap = groups.isEmpty() ? Gap.NONE : gapOf(text, gapStart, start);
      gapStart = i;
      String token = text.substring(start, i).toUpperCase();
      int prefixEnd = lastPlainLetter(token) + 1;
      boolean afterYear = !groups.isEmpty() && isYear(groups.getLast()) && gap != Gap.BREAK && prefixEnd == 0;
      String digits = prefixEnd == token.length() ? null : asDigits(token.substring(prefixEnd), afterYear);
      if (digits == null) {
        interpret(groups, gaps, repaired, out);
        continue;
      }
      if (prefixEnd > 0 || gap == Gap.BREAK) {
        interpret(groups, gaps, repaired, out);
        gap = Gap.NONE;
      }
      groups.add(stripOcr(digits));
      gaps.add(gap);
      repaired.add(!digits.equals(stripOcr(digits)));
    }
    interpret(groups, gaps, repaired, out);
    return out;
  }

  private static Gap gapOf(String text, int from, int to) {
    Gap gap = Gap.SPACE;
    for (int k = from; k < to; k++) {
      char c = text.charAt(k);
      switch (c) {
        case ' ', '\t' -> {}
        case '-', '.', '_' -> gap = gap == Gap.LIST ? Gap.LIST : Gap.JOIN;
        case '/', ',', '+', '&', ';' -> gap = Gap.LIST;
        default -> {
          return Gap.BREAK;
        }
      }
    }
    return gap;
  }

  /** Index of the last letter that cannot be a misread digit; -1 when there is none. */
  private static int lastPlainLetter(String token) {
    for (int k = token.length() - 1; k >= 0; k--) {
      char c = token.charAt(k);
      if (!Character.isDigit(c) && ocrDigit(c) < 0) {
        return k;
      }
    }
    return -1;
  }

  /**
   * The token when it reads as a number, else null: at least as many digits as look-alike letters,
   * or any digit at all right after a year, where a sequence number is expected.
   */
  private static String asDigits(String token, boolean afterYear) {
    int digits = 0;
    for (int k = 0; k < token.length(); k++) {
      if (token.charAt(k) >= '0' && token.charAt(k) <= '9') {
        digits++;
      }
    }
    return digits > 0 && (afterYear || digits * 2 >= token.length()) ? token : null;
  }

  private static String stripOcr(String token) {
    StringBuilder out = null;
    for (int k = 0; k < token.length(); k++) {
      int digit = ocrDigit(token.charAt(k));
      if (digit >= 0) {
        if (out == null) {
          out = new StringBuilder(token);
        }
        out.setCharAt(k, (char) ('0' + digit));
      }
    }
    return out == null ? token : out.toString();
  }

  private static int ocrDigit(char c) {
    return switch (c) {
      case 'O' -> 0;
      case 'I', 'L' -> 1;
      case 'S' -> 5;
      case 'B' -> 8;
      default -> -1;
    };
  }

  private static void interpret(
      List<String> groups, List<Gap> gaps, List<Boolean> repaired, List<Reference> out) {
    int n = groups.size();
    int i = 0;
    while (i < n) {
      String group = groups.get(i);
      if (isYear(group) && i + 1 < n) {
        int year = Integer.parseInt(group);
        String sequence = groups.get(i + 1);
        boolean fixed = repaired.get(i) || repaired.get(i + 1);
        int j = i + 2;
        // "2026 000 123": a sequence split by a space
        if (j < n
            && gaps.get(j) == Gap.SPACE
            && sequence.length() < 6
            && !isYear(groups.get(j))
            && sequence.length() + groups.get(j).length() <= 8) {
          sequence = sequence + groups.get(j);
          fixed |= repaired.get(j);
          j++;
        }
        add(out, year, sequence, fixed);
        while (j < n && (gaps.get(j) == Gap.LIST || gaps.get(j) == Gap.JOIN) && !startsPair(groups, gaps, j)) {
          String next = groups.get(j);
          String full =
              next.length() < sequence.length()
                  ? sequence.substring(0, sequence.length() - next.length()) + next
                  : next;
          boolean nextFixed = fixed || repaired.get(j);
          if (gaps.get(j) == Gap.JOIN && isRange(sequence, full)) {
            long from = Long.parseLong(sequence);
            long to = Long.parseLong(full);
            for (long number = from + 1; number <= to; number++) {
              out.add(new Reference(year, number, nextFixed));
            }
          } else {
            add(out, year, full, nextFixed);
          }
          j++;
        }
        i = j;
      } else {
        // "2026000123": year and sequence without a separator
        if (group.length() >= 7 && isYear(group.substring(0, 4))) {
          add(out, Integer.parseInt(group.substring(0, 4)), group.substring(4), repaired.get(i));
        }
        add(out, 0, group, repaired.get(i));
        i++;
      }
    }
    groups.clear();
    gaps.clear();
    repaired.clear();
  }

  private static boolean startsPair(List<String> groups, List<Gap> gaps, int j) {
    return isYear(groups.get(j)) && j + 1 < groups.size();
  }

  private static boolean isRange(String from, String to) {
    if (from.length() < 3 || from.length() > MAX_DIGITS || to.length() > MAX_DIGITS) {
      return false;
    }
    long span = Long.parseLong(to) - Long.parseLong(from);
    return span > 0 && span <= MAX_RANGE;
  }

  private static boolean isYear(String group) {
    return group.length() == 4 && group.charAt(0) == '2' && group.charAt(1) == '0';
  }

  private static void add(List<Reference> out, int year, String digits, boolean repaired) {
    if (digits.isEmpty() || digits.length() > MAX_DIGITS) {
      return;
    }
    long number = Long.parseLong(digits);
    for (Reference known : out) {
      if (known.year() == year && known.number() == number) {
        return;
      }
    }
    out.add(new Reference(year, number, repaired));
  }
}
