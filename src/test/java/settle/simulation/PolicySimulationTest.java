package settle.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The repository's cadence against the same cadence with one edited row (STANDARD's first overdue reminder on day 10
 * instead of day 3), on a small population, two seeds, through the real processes and tables. The simulation runs
 * while Settle is configured for a "live" PostgreSQL and a "live" SMTP server (both real, started here): neither may
 * see anything of it.
 */
class PolicySimulationTest {

  @TempDir
  static Path folder;

  static EmbeddedPostgres livePostgres;
  static GreenMail liveSmtp;
  static Simulator.Result result;
  static String console;

  @BeforeAll
  static void simulateBothPolicies() throws IOException {
    Path candidate = folder.resolve("candidate");
    copy(Path.of("bpmn"), candidate.resolve("bpmn"));
    copy(Path.of("dmn"), candidate.resolve("dmn"));
    Path table = candidate.resolve("dmn/next-collection-action.dmn");
    String xml = Files.readString(table);
    String edited = xml.replace("<outputEntry id=\"standard-1-out-2\"><text>3</text>", "<outputEntry id=\"standard-1-out-2\"><text>10</text>");
    assertThat(edited).as("the first STANDARD reminder's day was found and edited").isNotEqualTo(xml);
    Files.writeString(table, edited);

    livePostgres = EmbeddedPostgres.builder().start();
    int smtpPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      smtpPort = socket.getLocalPort();
    }
    liveSmtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    liveSmtp.start();
    Map<String, String> live = Map.of(
        "spring.datasource.url", livePostgres.getJdbcUrl("postgres", "postgres"),
        "spring.datasource.username", "postgres", "spring.datasource.password", "",
        "spring.mail.host", "127.0.0.1", "spring.mail.port", String.valueOf(smtpPort));
    live.forEach(System::setProperty);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      result = Simulator.run(Simulator.Options.parse(new String[] {"simulate", "--customers", "12", "--days", "70",
          "--seed", "5", "--runs", "2", "--compare", candidate.toString(), "--out", folder.resolve("out").toString()}),
          new PrintStream(out, true, StandardCharsets.UTF_8), false, settle.SettleApplication.class);
    } finally {
      live.keySet().forEach(System::clearProperty);
    }
    console = out.toString(StandardCharsets.UTF_8);
  }

  @AfterAll
  static void stopLiveServers() throws IOException {
    if (liveSmtp != null) {
      liveSmtp.stop();
    }
    if (livePostgres != null) {
      livePostgres.close();
    }
  }

  @Test
  void aLaterFirstReminderSendsFewerMailsAndDoesNotLowerDsoOnTheSamePopulation() throws IOException {
    // average payers are STANDARD customers: their first reminder after the due date moved from day 3 to day 10
    assertThat(firstOverdueReminder(result.baseline())).isEqualTo(3);
    assertThat(firstOverdueReminder(result.candidate())).as("the candidate's table is the one in force").isEqualTo(10);
    List<RunFigures> current = result.baseline().runs();
    List<RunFigures> later = result.candidate().runs();
    assertThat(current).hasSize(2);
    assertThat(later).hasSize(2);
    for (int i = 0; i < 2; i++) {
      assertThat(later.get(i).populationFingerprint()).as("run %d saw the same customers and invoices", i + 1)
          .isEqualTo(current.get(i).populationFingerprint());
      assertThat(later.get(i).invoices()).isEqualTo(current.get(i).invoices()).isPositive();
    }
    assertThat(current.get(0).populationFingerprint()).as("another seed, another population")
        .isNotEqualTo(current.get(1).populationFingerprint());

    Map<String, Report.Interval> difference = Report.difference(current, later);
    Report.Interval mails = difference.get("mailsPerInvoice");
    Report.Interval dso = difference.get("dso");
    assertThat(Report.summary(current).get("mailsPerInvoice").mean()).as("the current cadence mails customers").isPositive();
    assertThat(mails.mean()).as("fewer mails per invoice").isNegative();
    assertThat(dso.mean()).as("DSO not lower").isGreaterThanOrEqualTo(0);
    assertThat(mails.low()).as("an interval over the two seeds").isNotNull();
    assertThat(mails.low()).isLessThanOrEqualTo(mails.mean());
    assertThat(mails.high()).isGreaterThanOrEqualTo(mails.mean());

    // kept under target/ for people to look at
    Path report = Report.write(result, Path.of("target", "simulation-report"));
    String html = Files.readString(report.resolve("report.html"));
    assertThat(html).contains("<svg", "Candidate policy", "Difference", "same customers").doesNotContain("http://", "https://");
    String json = Report.lastLine(result);
    assertThat(json).startsWith("{\"baseline\":{\"dso\":").contains("\"candidate\":{", "\"mailsPerInvoice\"").doesNotContain("\n");
    assertThat(console).contains("day 70 of 70");
  }

  @Test
  void aSimulationWritesNothingToTheLiveDatabaseAndSendsNoMail() throws Exception {
    assertThat(result.baseline().runs().getFirst().mails()).as("the simulation did send its mails, to its own capture").isPositive();
    assertThat(liveSmtp.getReceivedMessages()).as("the live SMTP server received nothing").isEmpty();
    try (Connection db = livePostgres.getPostgresDatabase().getConnection();
         ResultSet tables = db.createStatement().executeQuery(
             "select count(*) from information_schema.tables where table_schema not in ('pg_catalog', 'information_schema')")) {
      tables.next();
      assertThat(tables.getInt(1)).as("no table (so no row) was created in the live database").isZero();
    }
  }

  private static int firstOverdueReminder(Simulator.PolicyResult policy) {
    return policy.cadence().get(BehaviourModel.Habit.AVERAGE).stream()
        .filter(s -> s.contact() == Contact.REMINDER && s.dueOffset() > 0).findFirst().orElseThrow().dueOffset();
  }

  private static void copy(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (var files = Files.list(from)) {
      for (Path f : files.toList()) {
        Files.copy(f, to.resolve(f.getFileName()));
      }
    }
  }
}
