package settle.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static settle.testdata.StatementBuilder.aStatement;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import settle.payments.internal.StatementImportCli;
import settle.testdata.Journeys;
import settle.testdata.SettleTest;
import settle.testdata.StatementBuilder;

/** The batch import CLI, run as its own JVM the way an operator runs it, against the running application. */
@SettleTest
class StatementImportCliIT {

  @LocalServerPort int port;
  @Autowired ApplicationContext context;
  @Autowired JdbcTemplate jdbc;
  @TempDir Path folder;

  record Run(int exitCode, String output) {}

  @Test
  void aFolderIsImportedFileByFileARefusedFileIsNamedAndTheExitCodeSaysSo() throws Exception {
    Journeys journeys = new Journeys(context);
    StatementBuilder first = aStatement().on(journeys.today()).credit("120.00", "Unknown Payer One", null, "no reference");
    StatementBuilder second = aStatement().on(journeys.today()).credit("80.00", "Unknown Payer Two", null, "no reference");
    Files.write(folder.resolve("a-statement.xml"), first.camt053());
    Files.write(folder.resolve("b-statement.sta"), second.mt940());
    Files.writeString(folder.resolve("c-notes.txt"), "this is no bank statement\n");
    long before = statements();

    Run run = cli("--url", url(), "--user", "cara:cara", folder.toString());

    assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
    assertThat(run.output()).contains("100% 3/3").contains("2 imported, 0 imported before, 1 refused");
    assertThat(lineAbout(run, "a-statement.xml")).startsWith("imported");
    assertThat(lineAbout(run, "b-statement.sta")).startsWith("imported");
    assertThat(lineAbout(run, "c-notes.txt")).startsWith("REFUSED").contains("HTTP 4");
    assertThat(statements()).isEqualTo(before + 2);

    Files.delete(folder.resolve("c-notes.txt"));
    Run again = cli("--url", url(), "--user", "cara:cara", folder.toString());
    assertThat(again.exitCode()).as(again.output()).isZero();
    assertThat(again.output()).contains("0 imported, 2 imported before, 0 refused");
    assertThat(statements()).isEqualTo(before + 2);
    journeys.quiesce();
  }

  @Test
  void wrongUsageAndWrongCredentialsAreNotSuccess() throws Exception {
    Run usage = cli();
    assertThat(usage.exitCode()).isEqualTo(2);
    assertThat(usage.output()).contains("usage: StatementImportCli");

    Path file = Files.write(folder.resolve("statement.xml"), aStatement().on(java.time.LocalDate.of(2026, 1, 5)).credit("1.00", "X", null, "x").camt053());
    Run refused = cli("--url", url(), "--user", "cara:not-her-password", file.toString());
    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.output()).contains("REFUSED").contains("HTTP 401").contains("0 imported, 0 imported before, 1 refused");
  }

  private Run cli(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), StatementImportCli.class.getName()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    assertThat(process.waitFor(Journeys.PATIENCE.toSeconds() * 2, TimeUnit.SECONDS)).as("the CLI finished").isTrue();
    return new Run(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
  }

  private String url() {
    return "http://127.0.0.1:" + port;
  }

  private static String lineAbout(Run run, String file) {
    return run.output().lines().filter(l -> l.contains(file) && !l.startsWith("[")).findFirst()
        .orElseThrow(() -> new AssertionError("no line about " + file + " in\n" + run.output()));
  }

  private long statements() {
    return jdbc.queryForObject("select count(*) from bank_statement", Long.class);
  }
}
