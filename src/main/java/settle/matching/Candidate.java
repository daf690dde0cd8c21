package settle.matching;

import java.math.BigDecimal;
import java.util.List;

/** A proposal shown to a cash applier: which invoices, for how much, how sure, and why. */
public record Candidate(List<String> invoiceNumbers, BigDecimal amount, double score, String why) {

  public Candidate {
    invoiceNumbers = List.copyOf(invoiceNumbers);
    amount = Amounts.scaled(amount);
  }
}
