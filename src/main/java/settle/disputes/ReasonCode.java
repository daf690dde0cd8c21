package settle.disputes;

/** Why a customer disputes an invoice; {@link #words()} is how staff read it in pages and mails. */
public enum ReasonCode {
  PRICING("Wrong price"),
  DISCOUNT_NOT_APPLIED("Discount not applied"),
  SHORT_SHIPMENT("Short shipment"),
  DAMAGED_GOODS("Damaged goods"),
  NOT_RECEIVED("Goods not received"),
  MISSING_PO("Purchase order missing"),
  SERVICE_ISSUE("Service issue"),
  DUPLICATE_BILLING("Billed twice"),
  OTHER("Other reason"),
  /** A deduction: the customer paid less than the invoice without a reason we could accept outright. */
  SHORT_PAYMENT("Short payment");

  private final String words;

  ReasonCode(String words) {
    this.words = words;
  }

  public String words() {
    return words;
  }

  /** A stored code in words; one this version does not know reads as its own words rather than failing. */
  public static String wordsFor(String code) {
    if (code == null) {
      return "";
    }
    try {
      return valueOf(code).words();
    } catch (IllegalArgumentException e) {
      return code.toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
  }
}
