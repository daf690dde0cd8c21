package settle.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static settle.testdata.CustomerBuilder.aCustomer;
import static settle.testdata.OrderBuilder.anOrderFor;

import io.camunda.client.CamundaClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import settle.customers.CustomerView;
import settle.invoicing.InvoiceView;
import settle.testdata.Journeys;
import settle.testdata.SettleTest;

/**
 * The README's "Change the cadence" walk-through, done on a copy: one row of next-collection-action.dmn and
 * its line in the CSV change, nothing else; the cases pass, the old line would not, and a STANDARD
 * customer's first overdue reminder goes out on the new day.
 */
@SettleTest
class EditingACadenceRowTest {

  static final String CASES = "dmn/tests/next-collection-action.csv";

  @Autowired EngineDecisionEvaluator engine;
  @Autowired CamundaClient client;
  @Autowired ApplicationContext context;
  @TempDir Path copy;

  @Test
  void editingOneRowAndItsCaseKeepsTheCasesPassingAndMovesTheFirstOverdueReminder() throws Exception {
    Files.createDirectories(copy.resolve("dmn/tests"));
    Path table = Files.copy(Path.of("dmn/next-collection-action.dmn"), copy.resolve("dmn/next-collection-action.dmn"));
    Path cases = Files.copy(Path.of(CASES), copy.resolve(CASES));
    byte[] original = Files.readAllBytes(table);
    String originalCases = Files.readString(cases);

    // a STANDARD customer's first overdue reminder: 3 days after the due date becomes 7, in the table and its case
    replaceOnce(table, "<outputEntry id=\"standard-1-out-2\"><text>3</text>", "<outputEntry id=\"standard-1-out-2\"><text>7</text>");
    replaceOnce(cases, "STANDARD,1,500,OVERDUE_REMINDER,3,", "STANDARD,1,500,OVERDUE_REMINDER,7,");
    assertThat(changedLines(new String(original, StandardCharsets.UTF_8), Files.readString(table))).hasSize(1);
    assertThat(changedLines(originalCases, Files.readString(cases))).containsExactly(8);

    DecisionTable edited = DecisionTable.parse("next-collection-action.dmn", Files.readAllBytes(table));
    DecisionCases.Report report = DecisionCases.parse(edited, CASES, Files.readString(cases)).run(engine);
    assertThat(report.failed()).isEmpty();
    assertThat(report.passed()).isEqualTo(25);
    // the line left as it was would have caught the edit
    assertThat(DecisionCases.parse(edited, CASES, originalCases).run(engine).failed()).singleElement().satisfies(f -> {
      assertThat(f.line()).isEqualTo(8);
      assertThat(f.ruleId()).isEqualTo("standard-1");
      assertThat(f.message()).startsWith(CASES + " line 8: expected dueOffset 3 but got 7");
    });

    // the cases deployed the edited table as it stands: the engine now runs it for new invoices
    try {
      Journeys journeys = new Journeys(context);
      CustomerView standard = journeys.customer(aCustomer());
      InvoiceView invoice = journeys.invoiced(anOrderFor(standard.id()).worth("800.00"));
      journeys.advanceTo(invoice.dueDate());
      journeys.awaitMailsTo(standard.apEmail(), 2);
      journeys.advanceTo(invoice.dueDate().plusDays(6));
      journeys.quiesce();
      assertThat(journeys.mailsTo(standard.apEmail())).hasSize(2);

      journeys.advanceDays(1);
      assertThat(journeys.awaitMailsTo(standard.apEmail(), 3).get(2).getSubject())
          .isEqualTo("Reminder: invoice " + invoice.number() + " is 7 days overdue");
    } finally {
      client.newDeployResourceCommand().addResourceBytes(original, "next-collection-action.dmn").send().join();
    }
  }

  private static void replaceOnce(Path file, String from, String to) throws Exception {
    String text = Files.readString(file);
    assertThat(text.split(java.util.regex.Pattern.quote(from), -1)).as("'%s' once in %s", from, file).hasSize(2);
    Files.writeString(file, text.replace(from, to));
  }

  /** The numbers (1 = first) of the lines that differ; both texts have as many lines. */
  private static List<Integer> changedLines(String before, String after) {
    List<String> a = before.lines().toList();
    List<String> b = after.lines().toList();
    assertThat(b).hasSameSizeAs(a);
    return IntStream.range(0, a.size()).filter(i -> !a.get(i).equals(b.get(i))).mapToObj(i -> i + 1).toList();
  }
}
