package settle.metrics;

import java.util.Locale;

/**
 * How a report is split. A customer's segment is the one the collection cadence last placed them in (the segment on
 * their latest dunning step); the account owner is the customer's; the collector is the person who took a promise,
 * the only figure that names one, so a split by collector gives the promise-kept rate alone.
 */
public enum Grouping {
  ALL("'All'", "'All'"),
  SEGMENT("coalesce((select s.segment from dunning_step s where s.customer_id = c.id order by s.id desc limit 1), 'Not yet segmented')",
      null),
  OWNER("c.account_owner_name", null),
  COLLECTOR(null, "p.taken_by");

  /** The group of a customer {@code c}; null when this grouping does not split invoices. */
  final String ofCustomer;
  /** The group of a promise {@code p} of customer {@code c}. */
  final String ofPromise;

  Grouping(String ofCustomer, String ofPromise) {
    this.ofCustomer = ofCustomer;
    this.ofPromise = ofPromise == null ? ofCustomer : ofPromise;
  }

  public boolean splitsInvoices() {
    return ofCustomer != null;
  }

  /** {@code segment}, {@code owner} or {@code collector}; null if the text names none of them. */
  public static Grouping parse(String text) {
    return switch (text.strip().toLowerCase(Locale.ROOT)) {
      case "segment" -> SEGMENT;
      case "owner", "account-owner" -> OWNER;
      case "collector" -> COLLECTOR;
      default -> null;
    };
  }
}
