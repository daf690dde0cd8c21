package settle.matching.testdata;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import settle.matching.Allocation;
import settle.matching.MatchResult;
import settle.matching.testdata.LabelledLine.Kind;
import settle.matching.testdata.LabelledLine.Truth;

/** Compares match results with the generated truth: auto-match rate, precision, queue, rules. */
public final class Scorecard {

  private int lines;
  private int auto;
  private int autoCorrect;
  private int suggested;
  private int suggestedCorrect;
  private int none;
  private final Map<String, int[]> byRule = new TreeMap<>();
  private final Map<Kind, int[]> byKind = new EnumMap<>(Kind.class);
  private final Map<LabelledLine.ReferenceForm, int[]> byForm = new EnumMap<>(LabelledLine.ReferenceForm.class);

  public void record(LabelledLine line, MatchResult result) {
    lines++;
    boolean correct = sameAllocations(line.truth(), result.allocations());
    int[] rule = byRule.computeIfAbsent(result.status() + " " + result.rule(), k -> new int[2]);
    rule[0]++;
    int[] kind = byKind.computeIfAbsent(line.truth().kind(), k -> new int[3]);
    int[] form = byForm.computeIfAbsent(line.truth().form(), k -> new int[3]);
    kind[0]++;
    form[0]++;
    switch (result.status()) {
      case AUTO -> {
        auto++;
        kind[1]++;
        form[1]++;
        if (correct) {
          autoCorrect++;
          rule[1]++;
        } else {
          kind[2]++;
          form[2]++;
        }
      }
      case SUGGEST -> {
        suggested++;
        if (correct) {
          suggestedCorrect++;
          rule[1]++;
        }
      }
      case NONE -> {
        none++;
        if (line.truth().customerId() == null) {
          rule[1]++;
        }
      }
    }
  }

  /** Same invoices, same amounts applied, same discounts; order does not matter. */
  public static boolean sameAllocations(Truth truth, List<Allocation> allocations) {
    Comparator<Allocation> byInvoice = Comparator.comparingLong(Allocation::invoiceId);
    List<Allocation> expected = truth.allocations().stream().sorted(byInvoice).toList();
    List<Allocation> actual = allocations.stream().sorted(byInvoice).toList();
    if (expected.size() != actual.size()) {
      return false;
    }
    for (int k = 0; k < expected.size(); k++) {
      Allocation e = expected.get(k);
      Allocation a = actual.get(k);
      if (e.invoiceId() != a.invoiceId() || e.amount().compareTo(a.amount()) != 0 || e.discount().compareTo(a.discount()) != 0) {
        return false;
      }
    }
    return true;
  }

  public int lines() {
    return lines;
  }

  public int auto() {
    return auto;
  }

  /** Lines posted automatically ÷ all credit lines. */
  public double autoMatchRate() {
    return lines == 0 ? 0 : (double) auto / lines;
  }

  /** Automatically posted lines whose allocations equal the truth ÷ automatically posted lines. */
  public double precision() {
    return auto == 0 ? 1.0 : (double) autoCorrect / auto;
  }

  /** Lines a person has to look at: suggestions and lines nothing matched. */
  public int manualQueue() {
    return suggested + none;
  }

  public int suggested() {
    return suggested;
  }

  public int none() {
    return none;
  }

  public String report() {
    StringBuilder out = new StringBuilder();
    out.append("lines                    %,d%n".formatted(lines));
    out.append("auto-posted              %,d  (%.2f %%)%n".formatted(auto, 100 * autoMatchRate()));
    out.append("precision of auto        %.3f %%  (%,d wrong)%n".formatted(100 * precision(), auto - autoCorrect));
    out.append("suggested                %,d  (%,d of them right first time)%n".formatted(suggested, suggestedCorrect));
    out.append("no match                 %,d%n".formatted(none));
    out.append("manual queue             %,d  (%.2f %%)%n".formatted(manualQueue(), 100.0 * manualQueue() / Math.max(1, lines)));
    out.append("per rule (status rule: lines / right):%n".formatted());
    byRule.forEach((rule, n) -> out.append("  %-36s %,8d / %,d%n".formatted(rule, n[0], n[1])));
    out.append("per line kind (lines / auto / wrong auto):%n".formatted());
    byKind.forEach((kind, n) -> out.append("  %-36s %,8d / %,d / %,d%n".formatted(kind, n[0], n[1], n[2])));
    out.append("per reference form (lines / auto / wrong auto):%n".formatted());
    byForm.forEach((form, n) -> out.append("  %-36s %,8d / %,d / %,d%n".formatted(form, n[0], n[1], n[2])));
    return out.toString();
  }
}
