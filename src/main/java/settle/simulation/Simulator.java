package settle.simulation;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import settle.risk.InvoiceFact;
import settle.risk.InvoiceHistoryCsv;
import settle.simulation.internal.SimulationDriver;
import settle.common.Doubles;

/**
 * {@code java -jar settle.jar simulate}: each policy in a Settle of its own (private in-memory engine, fresh embedded
 * PostgreSQL, SMTP capture on loopback) started for the run and stopped after it; nothing reaches the live data or a
 * real mailbox. Both policies meet the same populations and the same draws; the report compares them.
 */
public final class Simulator {

  /** The command line, checked. */
  public record Options(int customers, int days, long seed, Path history, Path policy, Path compare, int runs, boolean json,
                        Path out) {

    public static Options parse(String[] args) {
      int customers = 200, days = 180, runs = 1;
      long seed = 1;
      Path history = null, policy = null, compare = null, out = Path.of("simulation");
      boolean json = false;
      for (int i = 0; i < args.length; i++) {
        String a = args[i];
        if (a.equals("simulate")) {
          continue;
        }
        if (a.equals("--json")) {
          json = true;
          continue;
        }
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException(a + " needs a value");
        }
        String v = args[++i];
        switch (a) {
          case "--customers" -> customers = positive(a, v);
          case "--days" -> days = positive(a, v);
          case "--runs" -> runs = positive(a, v);
          case "--seed" -> seed = number(a, v);
          case "--history" -> history = existing(a, Path.of(v), false);
          case "--policy" -> policy = existing(a, Path.of(v), true);
          case "--compare" -> compare = existing(a, Path.of(v), true);
          case "--out" -> out = Path.of(v);
          default -> throw new IllegalArgumentException("unknown option " + a
              + "; use --customers N --days D --seed S [--history file.csv] [--policy DIR] [--compare DIR] [--runs K] [--json] [--out DIR]");
        }
      }
      return new Options(customers, days, seed, history, policy, compare, runs, json, out);
    }

    private static long number(String option, String value) {
      try {
        return Long.parseLong(value);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(option + " '" + value + "' is not a whole number");
      }
    }

    private static int positive(String option, String value) {
      long n = number(option, value);
      if (n < 1 || n > 1_000_000) {
        throw new IllegalArgumentException(option + " must be between 1 and 1000000, not " + value);
      }
      return (int) n;
    }

    private static Path existing(String option, Path path, boolean folder) {
      if (folder ? !Files.isDirectory(path.resolve("bpmn")) || !Files.isDirectory(path.resolve("dmn")) : !Files.isRegularFile(path)) {
        throw new IllegalArgumentException(option + " " + path + (folder ? " is not a folder holding bpmn/ and dmn/" : " is not a file"));
      }
      return path;
    }
  }

  /** One policy's runs, with the cadence its tables gave each habit's customers (days from due, what). */
  public record PolicyResult(String name, List<RunFigures> runs, Map<BehaviourModel.Habit, List<Calibration.Step>> cadence) {}

  /** The calibration check: the history's figures beside the current policy's simulation of the same period. */
  public record CalibrationCheck(double historyDso, double simulatedDso, double dsoError, double historyLateShare,
                                 double simulatedLateShare, double lateShareError, RunFigures history) {
    public boolean above5Percent() {
      return dsoError > 0.05 || lateShareError > 0.05;
    }
  }

  /** Everything a run produced; {@code candidate} and {@code calibration} may be null. */
  public record Result(Options options, String model, List<String[]> parameters, CalibrationCheck calibration, PolicyResult baseline,
                       PolicyResult candidate, double seconds, long instances, long peakHeapBytes) {}

  private Simulator() {}

  /**
   * The command: exit code 0, or 2 with the reason on stderr for bad input. {@code application} is Settle's main class,
   * handed in by it (a module does not reach back into the application's root).
   */
  public static int main(String[] args, Class<?> application) {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("simulate: " + e.getMessage());
      return 2;
    }
    try {
      Result result = run(options, System.out, true, application);
      Path written = Report.write(result, options.out());
      System.out.println("Report: " + written.resolve("report.html") + " and " + written.resolve("simulation.json"));
      if (options.json()) {
        System.out.println(Report.lastLine(result));
      }
      return 0;
    } catch (InvoiceHistoryCsv.Malformed e) {
      System.err.println("simulate: " + options.history() + " " + e.getMessage());
      return 2;
    } catch (IOException e) {
      System.err.println("simulate: " + e.getMessage());
      return 1;
    }
  }

  public static Result run(Options o, PrintStream console, boolean quietLogs, Class<?> application) throws IOException {
    long started = System.nanoTime();
    List<InvoiceFact> history = null;
    BehaviourModel model = BehaviourModel.priors();
    if (o.history() != null) {
      try (Reader in = Files.newBufferedReader(o.history(), StandardCharsets.UTF_8)) {
        history = InvoiceHistoryCsv.read(in);
      }
      model = BehaviourModel.calibrate(history, o.history().getFileName().toString());
    }
    long[] instances = {0};
    String[] described = {null};
    List<List<String[]>> parameters = new ArrayList<>();
    CalibrationCheck[] calibration = {null};
    BehaviourModel[] fitted = {model};
    List<InvoiceFact> facts = history;
    PolicyResult[] results = new PolicyResult[2];
    // one Settle for both policies: the candidate's models are deployed once the current policy's run is over
    inContext(application, o.policy(), quietLogs, console, driver -> {
      Map<BehaviourModel.Habit, List<Calibration.Step>> cadence = driver.cadence();
      console.println("Current policy's cadence: " + cadence);
      if (facts != null) {
        fitted[0] = Calibration.fitPatience(fitted[0], facts, cadence::get, o.seed());
      }
      described[0] = fitted[0].describe();
      parameters.add(fitted[0].parameters());
      console.print(described[0]);
      List<SimulationDriver.Run> runs = runs(o, fitted[0], facts, "Current policy");
      LocalDate historyStart = runs.getFirst().population().historyStart();
      LocalDate start = driver.startDay(historyStart);
      RunFigures historyFigures = null;
      if (facts != null) {
        LocalDate end = start.plusDays(runs.getFirst().population().days() - 1);
        driver.writeHistory("History", facts, historyStart, start);
        historyFigures = driver.figures(new SimulationDriver.Run("History", 0, runs.getFirst().population()), start, end);
      }
      List<RunFigures> figures = driver.simulate(runs, fitted[0], start, progress(console, "Current policy", instances));
      if (historyFigures != null) {
        calibration[0] = check(historyFigures, figures);
        console.print(Report.calibrationText(calibration[0]));
      }
      results[0] = new PolicyResult("Current policy", figures, cadence);
      if (o.compare() != null) {
        driver.switchPolicy(o.compare());
        Map<BehaviourModel.Habit, List<Calibration.Step>> candidateCadence = driver.cadence();
        console.println("Candidate policy's cadence: " + candidateCadence);
        List<SimulationDriver.Run> again = runs(o, fitted[0], facts, "Candidate policy");
        LocalDate next = driver.startDay(historyStart != null ? historyStart : start);
        results[1] = new PolicyResult("Candidate policy",
            driver.simulate(again, fitted[0], next, progress(console, "Candidate policy", instances)), candidateCadence);
      }
      return null;
    });
    PolicyResult baseline = results[0];
    PolicyResult candidate = results[1];
    double seconds = (System.nanoTime() - started) / 1e9;
    return new Result(o, described[0], parameters.getFirst(), calibration[0], baseline, candidate, seconds, instances[0], peakHeap());
  }

  private static List<SimulationDriver.Run> runs(Options o, BehaviourModel model, List<InvoiceFact> history, String name) {
    List<SimulationDriver.Run> runs = new ArrayList<>();
    for (int r = 0; r < o.runs(); r++) {
      long seed = o.seed() + r;
      Population population = history != null ? Population.fromHistory(model, history)
          : Population.generate(model, o.customers(), o.days(), seed);
      runs.add(new SimulationDriver.Run(o.runs() == 1 ? name : name + ", run " + (r + 1), seed, population));
    }
    return runs;
  }

  private static CalibrationCheck check(RunFigures history, List<RunFigures> simulated) {
    double hDso = history.meanMonthlyDso();
    double sDso = Doubles.mean(simulated, RunFigures::meanMonthlyDso, 0);
    double hLate = history.lateShare();
    double sLate = Doubles.mean(simulated, RunFigures::lateShare, 0);
    return new CalibrationCheck(hDso, sDso, Math.abs(sDso - hDso) / hDso, hLate, sLate,
        hLate == 0 ? 0 : Math.abs(sLate - hLate) / hLate, history);
  }

  private static SimulationDriver.Progress progress(PrintStream console, String name, long[] instances) {
    long[] last = {0};
    return (done, of, started) -> {
      instances[0] = Math.max(instances[0], 0) + (started - last[0]);
      last[0] = started;
      int width = 30;
      int filled = (int) ((long) done * width / of);
      console.printf(Locale.ROOT, "\r%-17s [%s%s] day %d of %d, %d instances", name, "#".repeat(filled), " ".repeat(width - filled),
          done, of, started);
      if (done == of) {
        console.println();
      }
    };
  }

  private interface InContext<T> {
    T apply(SimulationDriver driver) throws IOException;
  }

  /** A Settle of its own for one policy: scratch database, private engine, captured mail; closed afterwards. */
  private static <T> T inContext(Class<?> application, Path policy, boolean quietLogs, PrintStream console, InContext<T> work) throws IOException {
    Map<String, Object> props = new LinkedHashMap<>();
    props.put("settle.simulation.scratch", true);
    props.put("settle.embedded", true);
    props.put("settle.demo-data", "false");
    props.put("server.port", 0);
    props.put("server.address", "127.0.0.1");
    props.put("spring.main.banner-mode", "off");
    props.put("camunda.client.mode", "self-managed");
    props.put("camunda.client.auth.method", "none");
    // the candidate runs on later dates than the current policy: without public holidays both meet the same business
    // days (weekends fall alike, each run starting on the same weekday)
    props.put("settle.calendar.public-holidays", false);
    props.put("settle.engine-outbox.poll-ms", 50);
    // the clock stops at every timer on its way to the next morning; a stop of a large population may take minutes
    props.put("settle.demo-clock.idle-limit", "10m");
    props.put("settle.mail.poll-ms", 100);
    if (policy != null) {
      props.put("settle.models.location", policy.toAbsolutePath().toUri().toString());
    }
    if (quietLogs) {
      props.put("logging.level.root", "WARN");
    }
    // as command-line arguments, so they outrank application.yml and the environment
    String[] args = props.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
    long t0 = System.nanoTime();
    ConfigurableApplicationContext context = new SpringApplicationBuilder(application).run(args);
    console.printf(Locale.ROOT, "A Settle of its own for the simulation (scratch database, private engine, captured mail) started in %.1f s%n",
        (System.nanoTime() - t0) / 1e9);
    try {
      return work.apply(context.getBean(SimulationDriver.class));
    } finally {
      context.close();
    }
  }

  private static long peakHeap() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    return peak;
  }
}
