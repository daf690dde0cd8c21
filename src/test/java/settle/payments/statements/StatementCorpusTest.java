package settle.payments.statements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import settle.payments.statements.StatementCorpus.Expectation;

/**
 * Every real bank file of ../shared/statements-corpus/ read through {@link StatementParsers.parse}, the call
 * the HTTP upload makes, and compared with what the file's source expects. Prints the rate per format.
 */
class StatementCorpusTest {

  @Test
  void everyRealStatementImportsAsItsSourceExpectsAndTheTwoNonStatementsAreRefusedNamingTheLine() {
    assumeTrue(StatementCorpus.present(), "../shared/statements-corpus is not here");
    List<Expectation> corpus = StatementCorpus.expectations();
    assertThat(corpus).hasSize(70);
    Map<String, int[]> rates = new TreeMap<>();
    List<String> failures = new ArrayList<>();
    for (Expectation file : corpus) {
      String problem = problem(file);
      int[] rate = rates.computeIfAbsent(file.folder(), f -> new int[2]);
      rate[1]++;
      if (problem == null) {
        rate[0]++;
      } else {
        failures.add(file.folder() + "/" + file.name() + ": " + problem);
      }
    }
    rates.forEach((format, rate) -> System.out.printf("corpus %-8s %2d of %2d%n", format, rate[0], rate[1]));
    failures.forEach(f -> System.out.println("corpus FAIL " + f));
    assertThat(failures).isEmpty();
  }

  /** Why the file does not read as expected, or null if it does. */
  private static String problem(Expectation file) {
    List<BankStatement> statements;
    try {
      statements = StatementParsers.parse(StatementCorpus.bytes(file), Optional.empty());
    } catch (StatementFormatException e) {
      if (!file.statement()) {
        return e.line() > 0 ? null : "refused without naming the line: " + e.getMessage();
      }
      return "refused: " + e.getMessage();
    }
    if (!file.statement()) {
      return "not a statement, but read as " + statements.size() + " statement(s)";
    }
    List<StatementLine> lines = statements.stream().flatMap(s -> s.lines().stream()).toList();
    List<StatementLine> credits = lines.stream().filter(StatementLine::credit).toList();
    BigDecimal total = credits.stream().map(StatementLine::amount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    List<String> wrong = new ArrayList<>();
    if (statements.isEmpty()) {
      wrong.add("no statement");
    }
    if (file.statements() != null && statements.size() != file.statements()) {
      wrong.add(statements.size() + " statements, expected " + file.statements());
    }
    if (file.movements() != null && lines.size() != file.movements()) {
      wrong.add(lines.size() + " movements, expected " + file.movements());
    }
    if (file.credits() != null && credits.size() != file.credits()) {
      wrong.add(credits.size() + " credits, expected " + file.credits());
    }
    if (file.creditTotal() != null && total.compareTo(file.creditTotal()) != 0) {
      wrong.add("credits total " + total + ", expected " + file.creditTotal());
    }
    return wrong.isEmpty() ? null : String.join("; ", wrong);
  }
}
