package settle.payments;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import settle.payments.statements.StatementLine;

/**
 * Which bank transaction a statement line is, whatever file it came in: the account, the bank's
 * reference for the movement (entry reference, bank reference or end-to-end id, whichever the format
 * gives), the value date, the amount and currency. Where a line has no reference at all (a CSV row
 * with an empty reference column, an MT940 line with NONREF and no bank reference), the payer's
 * account and name and the remittance stand in for it. The same combination twice in one statement
 * is two transactions (numbered by occurrence), so a file re-sent whole finds each of its lines again.
 */
final class BankIdentities {

  private static final Pattern SPACES = Pattern.compile("\\s+");

  private BankIdentities() {}

  /** One identity per line, in order: a SHA-256 in hex. */
  static List<String> of(String accountId, List<StatementLine> lines) {
    Map<String, Integer> occurrences = new HashMap<>();
    List<String> identities = new ArrayList<>(lines.size());
    for (StatementLine line : lines) {
      String identity = canonical(accountId, line);
      int occurrence = occurrences.merge(identity, 1, Integer::sum);
      identities.add(sha256(identity + "#" + occurrence));
    }
    return identities;
  }

  static String canonical(String accountId, StatementLine line) {
    String transaction = line.reference() != null
        ? "ref:" + normalized(line.reference())
        : "payer:" + normalized(line.payerAccount()) + "/" + normalized(line.payerName())
            + "|remittance:" + normalized(line.remittance()) + "/" + normalized(String.join(" ", line.structuredReferences()));
    return String.join("|", line.credit() ? "C" : "D", normalized(accountId).replace(" ", ""), transaction,
        String.valueOf(line.valueDate() != null ? line.valueDate() : line.bookingDate()), line.amount().toPlainString(),
        line.currency());
  }

  private static String normalized(String text) {
    return text == null ? "" : SPACES.matcher(text.strip()).replaceAll(" ").toUpperCase(Locale.ROOT);
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
