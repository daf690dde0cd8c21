package settle.payments.statements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.prowidesoftware.swift.model.mx.AbstractMX;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import settle.payments.statements.StatementCorpus.Expectation;

/**
 * Our camt reader against Prowide ISO 20022 (pw-iso20022, Apache-2.0) on the corpus's camt.053 and camt.054 files, with
 * the README's expectations as the judge: statements, booked movements, credits and their total. Issue 11 keeps whichever
 * reads more real files correctly; this fails if Prowide ever reads more than ours, so the choice is made again. The
 * figures are in docs/statement-parsers-comparison.md.
 */
class ProwideIso20022ComparisonTest {

  /** What a reader made of one file: null counts where it could not read it. */
  private record Reading(int statements, int movements, int credits, BigDecimal creditTotal) {}

  @Test
  void ourCamtReaderReadsAtLeastAsManyRealFilesAsItsSourcesExpectAsProwideIso20022() {
    assumeTrue(StatementCorpus.present(), "../shared/statements-corpus is not here");
    List<Expectation> camt = StatementCorpus.expectations().stream().filter(e -> e.folder().startsWith("camt")).toList();
    assertThat(camt).hasSize(36);
    for (Expectation file : camt) { // warm both up, so the timing below compares reading, not class loading
      prowide(file);
      ours(file);
    }
    int prowideRight = 0;
    int oursRight = 0;
    List<String> prowideWrong = new ArrayList<>();
    long prowideNanos = 0;
    long oursNanos = 0;
    for (Expectation file : camt) {
      long start = System.nanoTime();
      Reading byProwide = prowide(file);
      prowideNanos += System.nanoTime() - start;
      start = System.nanoTime();
      Reading byUs = ours(file);
      oursNanos += System.nanoTime() - start;
      String prowideProblem = problem(file, byProwide);
      if (prowideProblem == null) {
        prowideRight++;
      } else {
        prowideWrong.add(file.name() + ": " + prowideProblem);
      }
      oursRight += problem(file, byUs) == null ? 1 : 0;
    }
    System.out.printf("camt Prowide ISO 20022: %d of %d as expected, %d ms; ours: %d of %d, %d ms%n", prowideRight, camt.size(),
        prowideNanos / 1_000_000, oursRight, camt.size(), oursNanos / 1_000_000);
    prowideWrong.forEach(w -> System.out.println("camt Prowide: " + w));
    assertThat(oursRight).isEqualTo(camt.size()).isGreaterThanOrEqualTo(prowideRight);
  }

  private static Reading ours(Expectation file) {
    try {
      List<BankStatement> statements = StatementParsers.parse(StatementCorpus.bytes(file), Optional.empty());
      List<StatementLine> lines = statements.stream().flatMap(s -> s.lines().stream()).toList();
      List<StatementLine> credits = lines.stream().filter(StatementLine::credit).toList();
      return new Reading(statements.size(), lines.size(), credits.size(),
          credits.stream().map(StatementLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add));
    } catch (StatementFormatException e) {
      return null;
    }
  }

  /** Prowide's model differs per camt version (a status code became a choice in v09), so it is walked by name. */
  private static Reading prowide(Expectation file) {
    try {
      AbstractMX mx = AbstractMX.parse(new String(StatementCorpus.bytes(file), StandardCharsets.UTF_8));
      if (mx == null) {
        return null;
      }
      boolean statement = file.folder().equals("camt053");
      Object message = call(mx, statement ? "getBkToCstmrStmt" : "getBkToCstmrDbtCdtNtfctn");
      List<?> statements = (List<?>) call(message, statement ? "getStmt" : "getNtfctn");
      int movements = 0;
      int credits = 0;
      BigDecimal total = BigDecimal.ZERO;
      for (Object each : statements) {
        for (Object entry : (List<?>) call(each, "getNtry")) {
          if (!"BOOK".equals(status(call(entry, "getSts")))) {
            continue;
          }
          movements++;
          if (String.valueOf(call(entry, "getCdtDbtInd")).equals("CRDT")) {
            credits++;
            total = total.add((BigDecimal) call(call(entry, "getAmt"), "getValue"));
          }
        }
      }
      return new Reading(statements.size(), movements, credits, total);
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static String status(Object status) {
    if (status == null) {
      return "BOOK";
    }
    if (status instanceof Enum<?> code) {
      return code.name();
    }
    return String.valueOf(call(status, "getCd"));
  }

  private static Object call(Object target, String name) {
    try {
      Method method = target.getClass().getMethod(name);
      return method.invoke(target);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(name + " on " + target.getClass().getSimpleName(), e);
    }
  }

  /** Why the reading is not what the file's source expects, or null if it is. */
  private static String problem(Expectation file, Reading read) {
    if (read == null) {
      return "not read";
    }
    List<String> wrong = new ArrayList<>();
    if (read.statements() == 0) {
      wrong.add("no statement");
    }
    if (file.statements() != null && read.statements() != file.statements()) {
      wrong.add(read.statements() + " statements, expected " + file.statements());
    }
    if (file.movements() != null && read.movements() != file.movements()) {
      wrong.add(read.movements() + " movements, expected " + file.movements());
    }
    if (file.credits() != null && read.credits() != file.credits()) {
      wrong.add(read.credits() + " credits, expected " + file.credits());
    }
    if (file.creditTotal() != null && read.creditTotal().compareTo(file.creditTotal()) != 0) {
      wrong.add("credits total " + read.creditTotal() + ", expected " + file.creditTotal());
    }
    return wrong.isEmpty() ? null : String.join("; ", wrong);
  }
}
