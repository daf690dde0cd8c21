package settle.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import settle.audit.internal.AuditControls;
import settle.testdata.PageSession;
import settle.testdata.SettleTest;

/**
 * The controls report reads the trail: a credit memo with who raised the dispute, proposed and approved the credit and
 * issued it; one person on both sides; above the team's limit; manual matches and write-offs per person; holds by sales.
 */
@SettleTest
class AuditControlsTest {

  @LocalServerPort int port;
  @Autowired AuditLog audit;
  @Autowired AuditControls controls;
  @Autowired Clock clock;

  @Test
  void aCreditProposedAndApprovedByOnePersonAboveTheTeamsLimitIsFlaggedWithWhoDidWhat() {
    long dispute = ThreadLocalRandom.current().nextLong(1_000_000, 9_000_000);
    String number = "CM-T" + dispute;
    audit.record("system:dispute-routing", "decision.dispute-routing", "dispute:" + dispute,
        Map.of("output", Map.of("team", "billing", "approvalLimit", 500)));
    audit.record("casey", "dispute.raised", "dispute:" + dispute, Map.of("disputeId", dispute));
    audit.record("fran", "task.completed", "dispute:" + dispute, Map.of("taskType", "investigate-dispute", "form", Map.of("outcome", "CREDIT_MEMO")));
    audit.record("fran", "task.completed", "dispute:" + dispute, Map.of("taskType", "approve-credit", "form", Map.of("approved", true)));
    audit.record("system:credit-invoice", "invoice.credit-memo-issued", "invoice:" + dispute,
        Map.of("number", number, "amount", 600, "disputeId", dispute));
    audit.record("cara", "statement-line.applied-by-hand", "statement:" + dispute, Map.of("applied", 120));
    audit.record("dana", "collections.hold-placed", "invoice:" + dispute, Map.of("heldUntil", "2030-01-01", "reason", "Talking to their CFO"));
    audit.record("casey", "collections.hold-placed", "invoice:" + dispute, Map.of("heldUntil", "2030-01-01", "reason", "Collector's hold"));

    LocalDate today = LocalDate.now(clock);
    var report = controls.report(today.minusDays(1), today.plusDays(1));

    assertThat(report.credits()).filteredOn(c -> number.equals(c.number())).singleElement().satisfies(c -> {
      assertThat(c.raisedBy()).isEqualTo("casey");
      assertThat(c.proposedBy()).isEqualTo("fran");
      assertThat(c.approvedBy()).isEqualTo("fran");
      assertThat(c.issuedBy()).isEqualTo("system:credit-invoice");
      assertThat(c.approvalLimit()).isEqualByComparingTo("500");
    });
    assertThat(report.sameOnBothSides()).extracting(AuditControls.Credit::number).contains(number);
    assertThat(report.aboveLimit()).extracting(AuditControls.Credit::number).contains(number);
    assertThat(report.byPerson()).anySatisfy(p -> {
      assertThat(p.person()).isEqualTo("cara");
      assertThat(p.what()).isEqualTo("Manual matches");
    });
    assertThat(report.holdsBySales()).filteredOn(h -> h.subject().equals("invoice:" + dispute))
        .extracting(AuditControls.Hold::person).containsExactly("dana");

    PageSession fran = PageSession.signIn(port, "fran", "fran");
    var csv = fran.get("/audit/controls.csv?from=" + today.minusDays(1) + "&to=" + today.plusDays(1));
    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.contentType()).startsWith("text/csv");
    assertThat(csv.body()).contains("credit,").contains(number).contains("600.00")
        .contains("same person asked for and approved it; above the team's limit, approved")
        .contains("hold-by-sales").contains("Talking to their CFO").doesNotContain("Collector's hold");
    var page = fran.get("/audit/controls?from=" + today.minusDays(1) + "&to=" + today.plusDays(1));
    assertThat(page.body()).contains("Credit memo " + number).doesNotContain("dispute:" + dispute);
  }
}
