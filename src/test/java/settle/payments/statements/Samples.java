package settle.payments.statements;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** The sample statements in src/test/resources/statements and small edits of them. */
final class Samples {

  static final String CAMT_053 = "camt053-v02.xml";
  static final String CAMT_054 = "camt054-v08.xml";
  static final String MT940 = "mt940.sta";
  static final String BAI2 = "bai2.txt";
  static final String CSV = "statement.csv";

  private Samples() {}

  static byte[] bytes(String name) {
    try (InputStream in = Samples.class.getResourceAsStream("/statements/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no sample " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String text(String name) {
    return new String(bytes(name), StandardCharsets.UTF_8);
  }

  /** The sample with its first occurrence of {@code from} replaced; fails if it is not there. */
  static byte[] edited(String name, String from, String to) {
    String text = text(name);
    int at = text.indexOf(from);
    if (at < 0) {
      throw new IllegalArgumentException("'" + from + "' is not in " + name);
    }
    return (text.substring(0, at) + to + text.substring(at + from.length())).getBytes(StandardCharsets.UTF_8);
  }

  static BankStatement parse(byte[] content) {
    return StatementParsers.parse(content, Optional.empty()).getFirst();
  }

  static BankStatement parse(String text) {
    return parse(text.getBytes(StandardCharsets.UTF_8));
  }
}
