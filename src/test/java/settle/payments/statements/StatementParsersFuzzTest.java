package settle.payments.statements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Mutates the valid samples at random (seeded, so a failure can be replayed) and checks the one
 * promise every parser makes: a statement or a StatementFormatException, nothing else. For a
 * longer hunt: {@code -Dstatements.fuzz.factor=20 -Dstatements.fuzz.seed=7}.
 */
class StatementParsersFuzzTest {

  private static final byte[] INTERESTING =
      ",/:<>\"&;?\n\r0123456789-+.CDRNOZV ".getBytes(StandardCharsets.US_ASCII);

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "bai2.txt, BAI2, 6000",
    "mt940.sta, MT940, 3000",
    "camt053-v02.xml, CAMT_053, 1500",
    "camt054-v08.xml, CAMT_054, 1500",
    "statement.csv, CSV, 3000",
  })
  void mutatedFileEitherParsesOrFailsWithAStatementFormatException(String sample, StatementFormat format, int iterations) {
    int rounds = iterations * Integer.getInteger("statements.fuzz.factor", 1);
    int refused = fuzz(sample, Samples.bytes(sample), format, rounds);
    // The mutations must actually break files, or the test proves nothing.
    assertThat(refused).isGreaterThan(rounds / 2);
  }

  /** Every real file of the corpus, truncated, with bytes flipped, lines (tags, records) duplicated or dropped. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void mutatedRealFileEitherParsesOrFailsWithAStatementFormatException(String name, StatementCorpus.Expectation file) {
    StatementFormat format = switch (file.folder()) {
      case "bai2" -> StatementFormat.BAI2;
      case "camt053" -> StatementFormat.CAMT_053;
      case "camt054" -> StatementFormat.CAMT_054;
      default -> StatementFormat.MT940;
    };
    fuzz(name, StatementCorpus.bytes(file), format, 40 * Integer.getInteger("statements.fuzz.factor", 1));
  }

  static List<Arguments> corpus() {
    assumeTrue(StatementCorpus.present(), "../shared/statements-corpus is not here");
    return StatementCorpus.expectations().stream().map(e -> Arguments.of(e.name(), e)).toList();
  }

  /** Mutates the file {@code rounds} times and reads each; returns how many were refused. */
  private static int fuzz(String sample, byte[] original, StatementFormat format, int rounds) {
    long seed = Long.getLong("statements.fuzz.seed", 20260105L) ^ sample.hashCode();
    Random random = new Random(seed);
    int refused = 0;
    for (int i = 0; i < rounds; i++) {
      byte[] mutated = mutate(original, random);
      for (Optional<StatementFormat> named : List.of(Optional.<StatementFormat>empty(), Optional.of(format))) {
        try {
          for (BankStatement statement : StatementParsers.parse(mutated, named)) {
            assertThat(statement.lines()).extracting(StatementLine::index)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, statement.lines().size()).boxed().toList());
          }
        } catch (StatementFormatException expected) {
          refused++;
          assertThat(expected.getMessage()).isNotBlank();
          assertThat(expected.line()).isNotNegative();
        } catch (Throwable unexpected) {
          fail("seed " + seed + ", iteration " + i + " of " + sample + " (named " + named + ") threw " + unexpected
              + " for:\n" + new String(mutated, StandardCharsets.UTF_8), unexpected);
        }
      }
    }
    return refused;
  }

  static byte[] mutate(byte[] original, Random random) {
    byte[] content = original;
    int mutations = 1 + random.nextInt(3);
    for (int m = 0; m < mutations; m++) {
      content = switch (random.nextInt(9)) {
        case 0 -> flipByte(content, random);
        case 1 -> insertInteresting(content, random);
        case 2 -> deleteRange(content, random);
        case 3 -> Arrays.copyOf(content, random.nextInt(content.length + 1));
        case 4 -> duplicateLine(content, random);
        case 5 -> deleteLine(content, random);
        case 6 -> changeDigit(content, random);
        case 7 -> swapLines(content, random);
        default -> insertJunk(content, random);
      };
    }
    return content;
  }

  private static byte[] flipByte(byte[] content, Random random) {
    if (content.length == 0) {
      return content;
    }
    byte[] copy = content.clone();
    copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
    return copy;
  }

  private static byte[] insertInteresting(byte[] content, Random random) {
    int at = random.nextInt(content.length + 1);
    return splice(content, at, at, new byte[] {INTERESTING[random.nextInt(INTERESTING.length)]});
  }

  private static byte[] insertJunk(byte[] content, Random random) {
    byte[] junk = new byte[1 + random.nextInt(20)];
    random.nextBytes(junk);
    int at = random.nextInt(content.length + 1);
    return splice(content, at, at, junk);
  }

  private static byte[] deleteRange(byte[] content, Random random) {
    if (content.length == 0) {
      return content;
    }
    int from = random.nextInt(content.length);
    int to = Math.min(content.length, from + 1 + random.nextInt(40));
    return splice(content, from, to, new byte[0]);
  }

  private static byte[] changeDigit(byte[] content, Random random) {
    List<Integer> digits = new ArrayList<>();
    for (int i = 0; i < content.length; i++) {
      if (content[i] >= '0' && content[i] <= '9') {
        digits.add(i);
      }
    }
    if (digits.isEmpty()) {
      return content;
    }
    byte[] copy = content.clone();
    copy[digits.get(random.nextInt(digits.size()))] = (byte) ('0' + random.nextInt(10));
    return copy;
  }

  private static byte[] duplicateLine(byte[] content, Random random) {
    List<String> lines = lines(content);
    int at = random.nextInt(lines.size());
    lines.add(at, lines.get(at));
    return join(lines);
  }

  private static byte[] deleteLine(byte[] content, Random random) {
    List<String> lines = lines(content);
    lines.remove(random.nextInt(lines.size()));
    return join(lines);
  }

  private static byte[] swapLines(byte[] content, Random random) {
    List<String> lines = lines(content);
    int a = random.nextInt(lines.size());
    int b = random.nextInt(lines.size());
    String line = lines.get(a);
    lines.set(a, lines.get(b));
    lines.set(b, line);
    return join(lines);
  }

  // Latin-1 maps every byte to one char and back, so line edits never touch the other bytes.
  private static List<String> lines(byte[] content) {
    return new ArrayList<>(Arrays.asList(new String(content, StandardCharsets.ISO_8859_1).split("\n", -1)));
  }

  private static byte[] join(List<String> lines) {
    return String.join("\n", lines).getBytes(StandardCharsets.ISO_8859_1);
  }

  private static byte[] splice(byte[] content, int from, int to, byte[] insert) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + insert.length);
    out.write(content, 0, from);
    out.write(insert, 0, insert.length);
    out.write(content, to, content.length - to);
    return out.toByteArray();
  }
}
