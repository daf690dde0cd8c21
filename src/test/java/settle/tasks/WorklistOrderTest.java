package settle.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import settle.staff.StaffMember;
import settle.testdata.SettleTest;
import settle.testdata.Staff;

/**
 * The worklist's whole order over tasks that differ in risk, amount and days past due, as the inbox opens
 * them from user-task jobs: riskWeight (dmn/task-priority.dmn) × amount × (1 + days past due ÷ 30), highest first.
 */
@SettleTest
class WorklistOrderTest {

  /** A group of its own, so no other test's task joins this worklist. */
  private static final String GROUP = "worklist-order-check";

  @Autowired Inbox inbox;
  // below the engine's keys (partition 1 starts at 2^51), so no real task or instance is touched
  final long instance = ThreadLocalRandom.current().nextLong(1L << 32, 1L << 40);
  final StaffMember worker = Staff.member("wendy", GROUP);

  @AfterEach
  void withdraw() {
    inbox.withdrawOpenTasks(instance, Long.MAX_VALUE, "the test is over");
  }

  @Test
  void tasksAreOrderedByRiskWeightTimesAmountTimesLatenessNotByAnyOneOfThem() {
    open("low-risk-huge", "LOW", "50000.00", 5);        // 1 × 50,000 × 1.166667 = 58,333.35 (days ÷ 30 to six places)
    open("low-risk-large", "LOW", "8000.00", 5);        // 1 × 8,000 × 1.166667  =  9,333.34
    open("high-risk-very-late", "HIGH", "2000.00", 40); // 5 × 2,000 × 7/3  = 23,333 (over 30 days: weight 5)
    open("high-risk-late", "HIGH", "2000.00", 20);      // 3 × 2,000 × 5/3  = 10,000
    open("high-risk-not-late", "HIGH", "2000.00", -3);  // 3 × 2,000 × 1    =  6,000 (not yet due counts as 0)
    open("medium-risk", "MEDIUM", "8000.00", 0);        // 2 × 8,000 × 1    = 16,000
    open("unrated", null, "2900.00", 0);                // 2 × 2,900 × 1    =  5,800 (the table's default row)

    List<TaskView> worklist = inbox.worklist(worker, null, "ALL", 50);

    assertThat(worklist).extracting(TaskView::name).containsExactly("low-risk-huge", "high-risk-very-late", "medium-risk",
        "high-risk-late", "low-risk-large", "high-risk-not-late", "unrated");
    assertThat(worklist).extracting(t -> t.priority().setScale(2, RoundingMode.HALF_EVEN).toPlainString())
        .containsExactly("58333.35", "23333.33", "16000.00", "10000.00", "9333.34", "6000.00", "5800.00");
  }

  private void open(String name, String riskRating, String openAmount, int daysFromDue) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("riskRating", riskRating);
    variables.put("openAmount", openAmount);
    variables.put("daysFromDue", daysFromDue);
    inbox.open(new Inbox.NewTask(ThreadLocalRandom.current().nextLong(1L << 32, 1L << 40), name, "collector-call",
        "invoice-collection", instance, List.of(GROUP), "worklist-order:" + name, variables, ""));
  }
}
