package settle.matching.testdata;

import java.util.List;
import settle.matching.Ledger;
import settle.matching.OpenItem;
import settle.matching.Payer;

/** A generated ledger (payers and open items) and labelled statement lines against it. */
public record Dataset(List<Payer> payers, List<OpenItem> openItems, List<LabelledLine> lines) {

  public Ledger ledger() {
    return Ledger.of(openItems, payers);
  }
}
