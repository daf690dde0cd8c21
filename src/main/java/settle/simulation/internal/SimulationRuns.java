package settle.simulation.internal;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;
import settle.common.ConflictException;
import settle.simulation.Report;

/**
 * The simulations started from the page, one at a time. Each runs the {@code simulate} command as a child process on
 * the application's own classpath: the command starts a Settle of its own (private engine, scratch PostgreSQL, captured
 * mail) and keeps every engine record in memory, so in a separate JVM it cannot touch the live application's logging,
 * clock or heap, and its memory is returned when it ends. It runs at a lower priority ({@code nice}) so the live
 * application stays responsive. The list lives as long as the application; a restart forgets it.
 */
@Component
class SimulationRuns implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(SimulationRuns.class);
  /** How many runs the list keeps (and their reports); older ones are forgotten. */
  private static final int KEPT = 20;
  /** A run still going after this is stopped: a safety net (the largest run the form allows was not measured). */
  static final Duration TIME_LIMIT = Duration.ofHours(3);
  /**
   * "Current policy    [####   ] day 5 of 20, batch 2 of 3, 12 instances": one line of the command's progress bar (the
   * batch only when the customers run in more than one).
   */
  private static final Pattern PROGRESS = Pattern.compile("^(Current|Candidate) policy\\s+\\[[# ]*] day (\\d+) of (\\d+)(?:, batch (\\d+) of (\\d+))?");

  enum State { QUEUED, RUNNING, FINISHED, FAILED }

  /** What the process owner asked for; {@code candidateFirstReminderDay} is null when only the current policy runs. */
  record Request(int customers, int days, long seed, int runs, Integer candidateFirstReminderDay) {}

  /** One run as the page shows it. Its fields change as it goes; the page reads a consistent enough snapshot. */
  static final class Run {
    final int number;
    final Request request;
    final String startedBy;
    final Instant requestedAt;
    volatile State state = State.QUEUED;
    /** Which policy is being simulated (0 current, 1 candidate), and its day. */
    volatile int policy;
    volatile int day;
    volatile int days;
    /** Which batch of customers (from 1) of how many the policy's day is in. */
    volatile int batch = 1;
    volatile int batches = 1;
    volatile String failure;
    volatile Instant finishedAt;
    volatile Report.Stored result;
    volatile Path folder;
    volatile Process process;

    Run(int number, Request request, String startedBy, Instant requestedAt) {
      this.number = number;
      this.request = request;
      this.startedBy = startedBy;
      this.requestedAt = requestedAt;
    }

    /** How far the run is, 0 to 100: the simulated days of both policies (when compared) together. */
    int percent() {
      if (state == State.FINISHED) {
        return 100;
      }
      int policies = request.candidateFirstReminderDay() == null ? 1 : 2;
      long ofPolicy = (long) batches * days;
      return days == 0 ? 0 : (int) ((policy * ofPolicy + (batch - 1L) * days + day) * 100 / (policies * ofPolicy));
    }

    boolean active() {
      return state == State.QUEUED || state == State.RUNNING;
    }

    String phase() {
      return policy == 0 ? "current policy" : "candidate";
    }
  }

  private final PolicyFolders policies;
  private final ApplicationContext context;
  private final Clock clock;
  private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "policy-simulation");
    t.setDaemon(true);
    return t;
  });
  private final List<Run> runs = new ArrayList<>();
  private int next = 1;

  SimulationRuns(PolicyFolders policies, ApplicationContext context, Clock clock) {
    this.policies = policies;
    this.context = context;
    this.clock = clock;
  }

  /** Starts a run in the background, or refuses while another is queued or running. */
  synchronized Run start(Request request, String startedBy) {
    Optional<Run> busy = runs.stream().filter(Run::active).findFirst();
    if (busy.isPresent()) {
      throw new ConflictException("A simulation is already running (started by " + busy.get().startedBy
          + "). Only one runs at a time: start yours when it has finished.");
    }
    Run run = new Run(next++, request, startedBy, clock.instant());
    runs.add(run);
    while (runs.size() > KEPT) {
      forget(runs.removeFirst());
    }
    worker.submit(() -> execute(run));
    return run;
  }

  /** Newest first. */
  synchronized List<Run> all() {
    return runs.stream().sorted(Comparator.comparingInt((Run r) -> r.number).reversed()).toList();
  }

  synchronized Optional<Run> get(int number) {
    return runs.stream().filter(r -> r.number == number).findFirst();
  }

  private void execute(Run run) {
    try {
      run.state = State.RUNNING;
      Path folder = Files.createTempDirectory("settle-simulation-");
      run.folder = folder;
      Request r = run.request;
      List<String> args = new ArrayList<>(List.of("simulate", "--customers", String.valueOf(r.customers()),
          "--days", String.valueOf(r.days()), "--seed", String.valueOf(r.seed()), "--runs", String.valueOf(r.runs()),
          "--policy", PolicyFolders.write(folder.resolve("current"), policies.inForce()).toString(),
          "--out", folder.resolve("out").toString(), "--json"));
      if (r.candidateFirstReminderDay() != null) {
        args.add("--compare");
        args.add(PolicyFolders.write(folder.resolve("candidate"),
            policies.withFirstStandardReminderOn(r.candidateFirstReminderDay())).toString());
      }
      Path errors = folder.resolve("errors.log");
      Process process = new ProcessBuilder(command(args)).directory(folder.toFile())
          .redirectError(errors.toFile()).start();
      run.process = process;
      CompletableFuture.delayedExecutor(TIME_LIMIT.toMinutes(), TimeUnit.MINUTES).execute(() -> {
        if (process.isAlive()) {
          run.failure = "It took longer than " + TIME_LIMIT.toHours() + " hours and was stopped. Try fewer customers or days.";
          stop(process);
        }
      });
      follow(run, process.getInputStream());
      int exit = process.waitFor();
      if (exit == 0 && Files.exists(folder.resolve("out/simulation.json"))) {
        run.result = Report.read(folder.resolve("out"));
        run.state = State.FINISHED;
      } else {
        String log = Files.exists(errors) ? Files.readString(errors) : "";
        if (run.failure == null) {
          run.failure = log.contains("OutOfMemoryError")
              ? "It ran out of memory. Try fewer customers, days or runs."
              : "It stopped before it finished. The application log has the details for the team.";
        }
        SimulationRuns.log.warn("Simulation {} failed (exit code {}): {}", run.number, exit, tail(log));
        run.state = State.FAILED;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      fail(run, "Settle was stopping, so the simulation was stopped.", e);
    } catch (IOException | RuntimeException e) {
      fail(run, "It could not be started. The application log has the details for the team.", e);
    } finally {
      run.finishedAt = clock.instant();
      run.process = null;
    }
  }

  private static void fail(Run run, String reason, Exception e) {
    log.warn("Simulation {} failed", run.number, e);
    run.failure = reason;
    run.state = State.FAILED;
  }

  /** Reads the command's output as it comes; its progress bar rewrites one line with carriage returns. */
  static void follow(Run run, java.io.InputStream output) throws IOException {
    try (Reader out = new InputStreamReader(output, StandardCharsets.UTF_8)) {
      StringBuilder line = new StringBuilder();
      int c;
      while ((c = out.read()) != -1) {
        if (c == '\r' || c == '\n') {
          Matcher m = PROGRESS.matcher(line);
          if (m.find()) {
            run.policy = m.group(1).equals("Current") ? 0 : 1;
            run.day = Integer.parseInt(m.group(2));
            run.days = Integer.parseInt(m.group(3));
            run.batch = m.group(4) == null ? 1 : Integer.parseInt(m.group(4));
            run.batches = m.group(5) == null ? 1 : Integer.parseInt(m.group(5));
          }
          line.setLength(0);
        } else if (line.length() < 1000) {
          line.append((char) c);
        }
      }
    }
  }

  /**
   * The simulate command on this application's classpath, at a lower priority: {@code java -jar settle.jar simulate …}
   * when Settle runs from its jar, else {@code java -cp <classpath> <main class> simulate …}.
   */
  private List<String> command(List<String> args) throws IOException {
    List<String> command = new ArrayList<>();
    if (Files.isExecutable(Path.of("/usr/bin/nice"))) {
      command.addAll(List.of("/usr/bin/nice", "-n", "10"));
    }
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // the child runs in its own folder: every entry of the classpath as an absolute path
    String classpath = java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
        .map(entry -> Path.of(entry).toAbsolutePath().toString()).collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
    if (isBootJar(classpath)) {
      command.addAll(List.of("-jar", classpath));
    } else {
      command.addAll(List.of("-cp", classpath, mainClass()));
    }
    command.addAll(args);
    return command;
  }

  private static boolean isBootJar(String classpath) throws IOException {
    if (classpath.contains(java.io.File.pathSeparator) || !classpath.endsWith(".jar") || !Files.isRegularFile(Path.of(classpath))) {
      return false;
    }
    try (JarFile jar = new JarFile(classpath)) {
      return jar.getManifest() != null && jar.getManifest().getMainAttributes().getValue("Start-Class") != null;
    }
  }

  /** The application's main class (a module does not name the application's root). */
  private String mainClass() {
    return context.getBeansWithAnnotation(SpringBootApplication.class).values().stream()
        .map(bean -> ClassUtils.getUserClass(bean).getName()).findFirst()
        .orElseThrow(() -> new IllegalStateException("No @SpringBootApplication class"));
  }

  private static String tail(String log) {
    return log.length() <= 4000 ? log : log.substring(log.length() - 4000);
  }

  private static void forget(Run run) {
    if (run.folder != null) {
      try (var files = Files.walk(run.folder)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        log.debug("Could not remove {}: {}", run.folder, e.getMessage());
      }
    }
  }

  /** The application stops: a simulation still running stops with it, and its folder goes. */
  @Override
  public void destroy() {
    worker.shutdownNow();
    for (Run run : all()) {
      if (run.process != null) {
        stop(run.process);
      }
      forget(run);
    }
  }

  /**
   * Asks the simulation to stop, so its shutdown hooks stop its scratch PostgreSQL (a server started through pg_ctl
   * is not among the process's descendants); forced only if it has not stopped after a while.
   */
  private static void stop(Process process) {
    process.destroy();
    try {
      process.onExit().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }
  }
}
