package settle.payments.statements;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The real statements in ../shared/statements-corpus/ (never copied into the repository) with what their
 * README says each source's own tests expect. Two files are not statements and must be refused: the
 * one-tag fragment and the moov-io error sample.
 */
public final class StatementCorpus {

  public static final Path DIRECTORY = Path.of("..", "shared", "statements-corpus");
  /** Not statements: a lone :61: tag, and a sample written to fail. */
  public static final List<String> NOT_STATEMENTS =
      List.of("wolph__self-provided__sparkassen.sta", "moov__errors__sample-parseError.txt");

  private static final Pattern ROW = Pattern.compile("^\\| `([^`]+)` \\|[^|]*\\|[^|]*\\|[^|]*\\|([^|]*)\\|");
  private static final Pattern STATEMENTS = Pattern.compile("(\\d+) stmt");
  private static final Pattern MOVEMENTS = Pattern.compile("(\\d+) mov\\.");
  private static final Pattern CREDITS = Pattern.compile("(\\d+) cr\\b");
  private static final Pattern CREDIT_TOTAL = Pattern.compile("(\\d+) cr; ([\\d,]+\\.\\d{2})");

  /** What the README states of one file; a null count means the source states none. */
  public record Expectation(Path file, String folder, Integer statements, Integer movements, Integer credits,
                            BigDecimal creditTotal, boolean statement) {
    public String name() {
      return file.getFileName().toString();
    }
  }

  private StatementCorpus() {}

  public static boolean present() {
    return Files.isRegularFile(DIRECTORY.resolve("README.md"));
  }

  public static List<Expectation> expectations() {
    try {
      List<Expectation> all = new ArrayList<>();
      for (String row : Files.readAllLines(DIRECTORY.resolve("README.md"))) {
        Matcher m = ROW.matcher(row);
        if (!m.find()) {
          continue;
        }
        String name = m.group(1);
        String expects = m.group(2);
        Path file;
        try (Stream<Path> found = Files.walk(DIRECTORY)) {
          file = found.filter(p -> p.getFileName().toString().equals(name)).findFirst()
              .orElseThrow(() -> new IllegalStateException("README names " + name + " but the file is not there"));
        }
        Matcher total = CREDIT_TOTAL.matcher(expects);
        all.add(new Expectation(file, file.getParent().getFileName().toString(), count(STATEMENTS, expects),
            count(MOVEMENTS, expects), count(CREDITS, expects),
            total.find() ? new BigDecimal(total.group(2).replace(",", "")) : null, !NOT_STATEMENTS.contains(name)));
      }
      return all;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static byte[] bytes(Expectation expectation) {
    try {
      return Files.readAllBytes(expectation.file());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Integer count(Pattern pattern, String text) {
    Matcher m = pattern.matcher(text);
    return m.find() ? Integer.valueOf(m.group(1)) : null;
  }
}
