package settle.matching.testdata;

import java.math.BigDecimal;
import java.util.List;
import settle.matching.Allocation;
import settle.matching.IncomingPayment;

/** A generated statement line and what it really pays. */
public record LabelledLine(IncomingPayment payment, Truth truth) {

  public enum Kind {
    SINGLE,
    BUNDLE,
    SHORT_PAY,
    DISCOUNT,
    OVERPAY,
    UNKNOWN_PAYER
  }

  public enum ReferenceForm {
    CLEAN,
    GARBLED,
    UNRECOVERABLE,
    YEARLESS,
    NONE
  }

  /** The ground truth: customer (null when unknown) and the allocations a careful person would post. */
  public record Truth(
      Long customerId,
      List<Allocation> allocations,
      Kind kind,
      ReferenceForm form,
      BigDecimal shortfall,
      BigDecimal unapplied) {}
}
