package settle.simulation;

/** What the policy did to an invoice that a customer may answer by paying. */
public enum Contact {
  REMINDER, CALL, FINAL_NOTICE;

  /** The contact an action of dmn/next-collection-action.dmn makes; null for one the customer does not see. */
  public static Contact of(String action) {
    return switch (action) {
      case "PRE_DUE_REMINDER", "DUE_REMINDER", "OVERDUE_REMINDER" -> REMINDER;
      case "COLLECTOR_CALL" -> CALL;
      case "FINAL_NOTICE" -> FINAL_NOTICE;
      default -> null;
    };
  }
}
