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
 * {@code java -jar settle.jar simulate}: a Settle of its own (private in-memory engine, fresh embedded PostgreSQL, SMTP
 * capture on loopback) started for the run and stopped after it; nothing reaches the live data or a real mailbox. The
 * customers go through in batches, each on a fresh engine on the same days. Both policies meet the same populations and
 * the same draws; the report compares them.
 */
public final class Simulator {

  /** The command line, checked. */
  public record Options(int customers, int days, long seed, Path history, Path policy, Path compare, int runs, boolean json,
                        Path out, int batch) {

    /**
     * Customers per engine by default: 2,000, so the benchmark's population runs on one engine as before. Batches of 250
     * were measured slower in the first weeks (README, Benchmarks: 7.5 s a simulated day per batch, eight batches, where
     * one engine of 2,000 took 26 s a day up to day 40); whether smaller batches win once one engine fills over 180 days
     * is not measured yet, so they are asked for with --batch.
     */
    static final int BATCH = 2000;


    public static Options parse(String[] args) {
      int customers = 200, days = 180, runs = 1, batch = Options.BATCH;
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
          case "--batch" -> batch = positive(a, v);
          case "--seed" -> seed = number(a, v);
          case "--history" -> history = existing(a, Path.of(v), false);
          case "--policy" -> policy = existing(a, Path.of(v), true);
          case "--compare" -> compare = existing(a, Path.of(v), true);
          case "--out" -> out = Path.of(v);
          default -> throw new IllegalArgumentException("unknown option " + a
              + "; use --customers N --days D --seed S [--history file.csv] [--policy DIR] [--compare DIR] [--runs K] [--batch N] [--json] [--out DIR]");
        }
      }
      return new Options(customers, days, seed, history, policy, compare, runs, json, out, batch);
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
    Setup setup = new Setup(model, history);
    long[] instances = {0};
    PolicyResult[] results = new PolicyResult[2];
    // one Settle for every batch of both policies: each batch gets a fresh engine, the ledger holds them all
    inContext(application, o.policy(), quietLogs, console, driver -> {
      Map<BehaviourModel.Habit, List<Calibration.Step>> cadence = driver.cadence();
      console.println("Current policy's cadence: " + cadence);
      if (setup.history != null) {
        setup.model = Calibration.fitPatience(setup.model, setup.history, cadence::get, o.seed());
      }
      setup.described = setup.model.describe();
      console.print(setup.described);
      List<SimulationDriver.Run> runs = runs(o, setup.model, setup.history, "Current policy");
      LocalDate historyStart = runs.getFirst().population().historyStart();
      setup.start = driver.startDay(historyStart);
      if (setup.history != null) {
        driver.writeHistory("History", setup.history, historyStart, setup.start);
        setup.historyFigures = driver.figures(new SimulationDriver.Run("History", 0, runs.getFirst().population()), setup.start,
            end(setup, runs));
      }
      results[0] = new PolicyResult("Current policy", simulate(driver, "Current policy", o.policy(), runs, o, setup, console,
          instances), cadence);
      if (setup.historyFigures != null) {
        setup.calibration = check(setup.historyFigures, results[0].runs());
        console.print(Report.calibrationText(setup.calibration));
      }
      if (o.compare() != null) {
        List<SimulationDriver.Run> again = runs(o, setup.model, setup.history, "Candidate policy");
        // a fresh engine with the candidate's models, on the same days as the current policy's
        driver.freshEngine(setup.start, o.compare());
        Map<BehaviourModel.Habit, List<Calibration.Step>> candidateCadence = driver.cadence();
        console.println("Candidate policy's cadence: " + candidateCadence);
        results[1] = new PolicyResult("Candidate policy", simulate(driver, "Candidate policy", o.compare(), again, o, setup, console,
            instances), candidateCadence);
      }
      return null;
    });
    double seconds = (System.nanoTime() - started) / 1e9;
    return new Result(o, setup.described, setup.model.parameters(), setup.calibration, results[0], results[1], seconds, instances[0],
        peakHeap());
  }

  /** What the run settles once for both policies: the fitted model, the first day, the history's figures. */
  private static final class Setup {
    BehaviourModel model;
    final List<InvoiceFact> history;
    String described;
    LocalDate start;
    RunFigures historyFigures;
    CalibrationCheck calibration;

    Setup(BehaviourModel model, List<InvoiceFact> history) {
      this.model = model;
      this.history = history;
    }
  }

  /**
   * One policy over every run's population, in batches of customers, each after the first on a fresh engine, all on the
   * same days and in the same ledger; then each run's figures over all its customers. The in-memory engine keeps every
   * record it wrote, so a batch bounds its memory (each batch pays the days' fixed cost again, though: see
   * {@link Options#BATCH}). A customer's draws depend on the seed and their key alone, so the batches change no choice.
   */
  private static List<RunFigures> simulate(SimulationDriver driver, String name, Path policy, List<SimulationDriver.Run> runs,
                                           Options o, Setup setup, PrintStream console, long[] instances) {
    List<List<SimulationDriver.Run>> batches = batches(runs, o.batch());
    for (int b = 0; b < batches.size(); b++) {
      if (b > 0) {
        driver.freshEngine(setup.start, policy);
      }
      driver.simulate(batches.get(b), setup.model, setup.start, progress(console, name, b, batches.size(), instances));
    }
    List<RunFigures> figures = new ArrayList<>();
    for (SimulationDriver.Run run : runs) {
      figures.add(driver.figures(run, setup.start, end(setup, runs)));
    }
    return figures;
  }

  private static LocalDate end(Setup setup, List<SimulationDriver.Run> runs) {
    return setup.start.plusDays(runs.stream().mapToInt(r -> r.population().days()).max().orElse(1) - 1L);
  }

  /**
   * The runs' customers cut into batches of at most {@code size}, in order; a run may end in one batch and go on in the
   * next, each part under the run's name (its account owner), so its figures are taken over all of it.
   */
  static List<List<SimulationDriver.Run>> batches(List<SimulationDriver.Run> runs, int size) {
    List<List<SimulationDriver.Run>> batches = new ArrayList<>();
    List<SimulationDriver.Run> batch = new ArrayList<>();
    int inBatch = 0;
    for (SimulationDriver.Run run : runs) {
      int customers = run.population().customers().size();
      for (int from = 0; from < customers; ) {
        int take = Math.min(size - inBatch, customers - from);
        batch.add(new SimulationDriver.Run(run.label(), run.seed(), run.population().slice(from, from + take)));
        from += take;
        inBatch += take;
        if (inBatch == size) {
          batches.add(batch);
          batch = new ArrayList<>();
          inBatch = 0;
        }
      }
    }
    if (!batch.isEmpty()) {
      batches.add(batch);
    }
    return batches;
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

  private static SimulationDriver.Progress progress(PrintStream console, String name, int batch, int batches, long[] instances) {
    long[] last = {0};
    return (done, of, started) -> {
      instances[0] += started - last[0];
      last[0] = started;
      int width = 30;
      int filled = (int) (((long) batch * of + done) * width / ((long) batches * of));
      console.printf(Locale.ROOT, "\r%-17s [%s%s] day %d of %d%s, %d instances", name, "#".repeat(filled), " ".repeat(width - filled),
          done, of, batches == 1 ? "" : ", batch %d of %d".formatted(batch + 1, batches), instances[0]);
      if (done == of && batch == batches - 1) {
        console.println();
      }
    };
  }

  private interface InContext<T> {
    T apply(SimulationDriver driver) throws IOException;
  }

  /** A Settle of its own for the run: scratch database, private engine (renewed per batch), captured mail; closed afterwards. */
  private static <T> T inContext(Class<?> application, Path policy, boolean quietLogs, PrintStream console, InContext<T> work)
      throws IOException {
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
