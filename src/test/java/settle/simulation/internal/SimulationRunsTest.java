package settle.simulation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** How far a run is, read from the simulate command's progress bar as it rewrites its line, and worded for the list. */
class SimulationRunsTest {

  private static SimulationRuns.Run running(Integer candidateDay) {
    SimulationRuns.Run run = new SimulationRuns.Run(1, new SimulationRuns.Request(5, 20, 1, 1, candidateDay), "Pat Quinn",
        Instant.parse("2026-12-01T20:00:00Z"));
    run.state = SimulationRuns.State.RUNNING;
    return run;
  }

  private static void output(SimulationRuns.Run run, String text) throws IOException {
    SimulationRuns.follow(run, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void beforeTheFirstDayTheRunIsStartingItsPrivateSettle() throws IOException {
    SimulationRuns.Run run = running(null);
    output(run, "A Settle of its own for the simulation started in 70.4 s\nBehaviour model from priors (no history)\n");
    assertThat(run.percent()).isZero();
    assertThat(SimulationsPage.row(run).status()).isEqualTo("Running: starting a private copy of Settle");
  }

  @Test
  void theCurrentPolicysDaysAreTheWholeRunWithoutACandidate() throws IOException {
    SimulationRuns.Run run = running(null);
    output(run, "Current policy    [#        ] day 4 of 20, 1 instances\rCurrent policy    [###      ] day 10 of 20, 2 instances\r");
    assertThat(run.percent()).isEqualTo(50);
    assertThat(SimulationsPage.row(run).status()).isEqualTo("Running: 50 % (current policy, day 10 of 20)");
  }

  @Test
  void withACandidateItsDaysAreTheSecondHalf() throws IOException {
    SimulationRuns.Run run = running(10);
    output(run, "Current policy    [#########] day 20 of 20, 2 instances\nCandidate policy's cadence: {...}\n"
        + "Candidate policy  [##       ] day 4 of 20, 3 instances\r");
    assertThat(run.percent()).isEqualTo(60);
    SimulationsPage.RunRow row = SimulationsPage.row(run);
    assertThat(row.status()).isEqualTo("Running: 60 % (candidate, day 4 of 20)");
    assertThat(row.what()).isEqualTo("5 customers over 20 days, one run from seed 1; against a candidate with the first overdue"
        + " reminder to standard customers on day 10");
    assertThat(row.active()).isTrue();
  }

  @Test
  void customersInBatchesCountEveryBatchsDays() throws IOException {
    SimulationRuns.Run run = running(10);
    output(run, "Current policy    [####     ] day 20 of 20, batch 1 of 2, 3 instances\r"
        + "Current policy    [######   ] day 10 of 20, batch 2 of 2, 5 instances\r");
    // three quarters of the current policy (its first batch and half its second), the first half of the run: 37 %
    assertThat(run.percent()).isEqualTo(37);
    output(run, "Candidate policy  [##       ] day 4 of 20, batch 1 of 2, 7 instances\r");
    assertThat(run.percent()).isEqualTo(55);
  }

  @Test
  void aFailedRunSaysSoWithItsReasonAndAFinishedOneIsWholeAndOffersItsReport() {
    SimulationRuns.Run failed = running(null);
    failed.state = SimulationRuns.State.FAILED;
    failed.failure = "It ran out of memory. Try fewer customers, days or runs.";
    assertThat(SimulationsPage.row(failed)).extracting(SimulationsPage.RunRow::status, SimulationsPage.RunRow::failure,
        SimulationsPage.RunRow::finished).containsExactly("Failed", "It ran out of memory. Try fewer customers, days or runs.", false);

    SimulationRuns.Run finished = running(null);
    finished.state = SimulationRuns.State.FINISHED;
    assertThat(finished.percent()).isEqualTo(100);
    assertThat(SimulationsPage.row(finished)).extracting(SimulationsPage.RunRow::status, SimulationsPage.RunRow::finished)
        .containsExactly("Finished", true);
  }
}
