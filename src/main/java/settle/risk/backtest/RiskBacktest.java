package settle.risk.backtest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import settle.risk.InvoiceFact;
import settle.risk.InvoiceHistoryCsv;
import settle.risk.backtest.internal.Backtest;
import settle.risk.backtest.internal.Metrics;
import settle.risk.backtest.internal.Scorecard;
import settle.risk.backtest.internal.ScorecardDmn;
import settle.risk.backtest.internal.ScorecardFit;

/**
 * {@code java -jar settle.jar backtest-risk --history FILE.csv --split YYYY-MM-DD [--json] [--dmn-out PATH]}: fits the
 * risk scorecard on the invoices issued before the split and shows how it ranks, and how well it predicts days to
 * settle, on those issued from the split on, next to the customer's own past as a baseline. No Spring, no database.
 */
public final class RiskBacktest {

  static final String USAGE = "usage: java -jar settle.jar backtest-risk --history FILE.csv --split YYYY-MM-DD"
      + " [--json] [--dmn-out PATH]";

  private RiskBacktest() {
  }

  /** The command: prints the report, returns the exit status (0 done, 2 bad arguments or a file it cannot use). */
  public static int run(String[] args) {
    return run(args, System.out, System.err);
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    Path history = null;
    LocalDate split = null;
    Path dmnOut = null;
    boolean json = false;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (i == 0 && arg.equals("backtest-risk")) {
        continue;
      }
      String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
      if (name.equals("--json") && !arg.contains("=")) {
        json = true;
        continue;
      }
      if (!List.of("--history", "--split", "--dmn-out").contains(name)) {
        err.println("backtest-risk: unknown argument '" + arg + "'; " + USAGE);
        return 2;
      }
      String value;
      if (arg.contains("=")) {
        value = arg.substring(arg.indexOf('=') + 1);
      } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
        value = args[++i];
      } else {
        value = "";
      }
      if (value.isBlank()) {
        err.println("backtest-risk: " + name + " needs a value; " + USAGE);
        return 2;
      }
      switch (name) {
        case "--history" -> history = Path.of(value);
        case "--dmn-out" -> dmnOut = Path.of(value);
        default -> {
          try {
            split = LocalDate.parse(value);
          } catch (DateTimeParseException e) {
            err.println("backtest-risk: --split '" + value + "' is not an ISO date (YYYY-MM-DD)");
            return 2;
          }
        }
      }
    }
    if (history == null || split == null) {
      err.println("backtest-risk: " + (history == null ? "--history" : "--split") + " is missing; " + USAGE);
      return 2;
    }

    List<InvoiceFact> facts;
    try (Reader in = Files.newBufferedReader(history, StandardCharsets.UTF_8)) {
      facts = InvoiceHistoryCsv.read(in);
    } catch (InvoiceHistoryCsv.Malformed e) {
      err.println("backtest-risk: " + history + " " + e.getMessage());
      return 2;
    } catch (IOException e) {
      err.println("backtest-risk: --history " + history + " cannot be read (" + reason(e) + ")");
      return 2;
    }

    Backtest.Result result;
    try {
      result = Backtest.run(facts, split);
    } catch (Backtest.Refused | ScorecardFit.NoSignal e) {
      err.println("backtest-risk: " + history + ": " + e.getMessage());
      return 2;
    }

    report(out, history, result);
    if (dmnOut != null) {
      String fittedOn = "Fitted by the back-test on " + result.trainInvoices() + " invoices of "
          + history.getFileName() + " issued before " + result.split() + ".";
      try {
        Path parent = dmnOut.toAbsolutePath().getParent();
        if (parent != null) {
          Files.createDirectories(parent);
        }
        Files.writeString(dmnOut, ScorecardDmn.write(result.scorecard(), fittedOn), StandardCharsets.UTF_8);
      } catch (IOException e) {
        err.println("backtest-risk: --dmn-out " + dmnOut + " cannot be written (" + reason(e) + ")");
        return 2;
      }
      out.println();
      out.println("Scorecard written as DMN to " + dmnOut);
    }
    if (json) {
      out.println(json(result));
    }
    return 0;
  }

  private static void report(PrintStream out, Path history, Backtest.Result r) {
    out.println("Risk back-test of " + history.getFileName() + ", split on " + r.split());
    out.println();
    out.printf(Locale.ROOT, "Training: %d invoices issued before %s; fitted on the %d whose outcome was known that day"
        + " (settled, or open past due = late)%n", r.trainIssued(), r.split(), r.trainInvoices());
    out.printf(Locale.ROOT, "          %.1f%% of them paid late. Settings chosen on %s: %s; days to settle from %s%n",
        100 * r.trainLateShare(),
        r.validationFrom() == null ? "no validation slice (too little history), so defaults"
            : "the invoices issued from " + r.validationFrom(),
        r.settings(), String.join(", ", r.daysInputs()));
    out.printf(Locale.ROOT, "Test:     %d invoices issued from %s; scored the %d whose outcome the file knows"
        + " (%d of them still open past due, counted late; open ones not yet due are left out)%n",
        r.testIssued(), r.split(), r.testInvoices(), r.testOpenPastDue());
    out.println();
    out.println("Paid late (settled after the due date)     scorecard   baseline: customer's past late share");
    out.printf(Locale.ROOT, "  AUC   (1 = ranks perfectly, 0.5 = coin)  %9.3f   %.3f%n", r.auc(), r.baselineAuc());
    out.printf(Locale.ROOT, "  KS    (widest late/on-time gap)          %9.3f%n", r.ks());
    out.printf(Locale.ROOT, "  Brier (squared error of the chance)      %9.3f%n", r.brier());
    out.printf(Locale.ROOT, "Days to settle, over %d settled invoices   model       baseline: customer's past median%n",
        r.testWithDays());
    out.printf(Locale.ROOT, "  MAE   (mean absolute error, days)        %9.2f   %.2f%n", r.mae(), r.baselineMae());
    out.println();
    out.println("Calibration on the test part");
    out.println("  predicted chance   score     invoices   predicted late   observed late");
    for (Metrics.CalibrationRow row : r.calibration()) {
      out.printf(Locale.ROOT, "  %3.0f–%3.0f%%         %-9s %8d   %13.1f%%   %12.1f%%%n", 100 * row.from(), 100 * row.to(),
          row.lowestScore() == row.highestScore() ? Integer.toString(row.lowestScore())
              : row.lowestScore() + "–" + row.highestScore(),
          row.invoices(), 100 * row.predicted(), 100 * row.observed());
    }
    out.println();
    out.println("Scorecard fitted on the training part (points per band, summed to the score)");
    Scorecard card = r.scorecard();
    for (Scorecard.Characteristic c : card.characteristics()) {
      out.println("  " + c.feature());
      for (Scorecard.Band band : c.bands()) {
        out.printf(Locale.ROOT, "    %4d  %s%n", band.points(), band.words());
      }
    }
    out.printf(Locale.ROOT, "Rating: LOW below %d points, MEDIUM from %d, HIGH from %d%n", card.mediumFrom(),
        card.mediumFrom(), card.highFrom());
  }

  private static String json(Backtest.Result r) {
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("auc", round(r.auc(), 4));
    figures.put("ks", round(r.ks(), 4));
    figures.put("brier", round(r.brier(), 4));
    figures.put("mae", round(r.mae(), 3));
    figures.put("baselineAuc", round(r.baselineAuc(), 4));
    figures.put("baselineMae", round(r.baselineMae(), 3));
    figures.put("trainInvoices", r.trainInvoices());
    figures.put("testInvoices", r.testInvoices());
    try {
      return new ObjectMapper().writeValueAsString(figures);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A figure that could not be computed (no settled test invoice) is null, as JSON has no NaN. */
  private static Double round(double value, int decimals) {
    if (Double.isNaN(value)) {
      return null;
    }
    double scale = Math.pow(10, decimals);
    return Math.round(value * scale) / scale;
  }

  private static String reason(IOException e) {
    return e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.getClass().getSimpleName() + ": " + e.getMessage();
  }
}
