package settle.disputes;

public enum ReasonCode {
  PRICING, DISCOUNT_NOT_APPLIED, SHORT_SHIPMENT, DAMAGED_GOODS, NOT_RECEIVED, MISSING_PO, SERVICE_ISSUE, DUPLICATE_BILLING, OTHER,
  /** A deduction: the customer paid less than the invoice without a reason we could accept outright. */
  SHORT_PAYMENT
}
