package settle.collections.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;

/** One row of dunning_step: a step of an invoice's cadence, planned and then taken. */
public record Step(long id, long invoiceId, long customerId, int stage, String segment, String tone, String action,
            String template, String channel, String sender, boolean headsUp, boolean skipIfLate,
                   LocalDate actionDate, String status,
            String headsUpMailKey, String mailKey, BigDecimal amount, Long decisionKey) {

  static final String COLUMNS = "id, invoice_id, customer_id, stage, segment, tone, action, template, channel, sender, "
      + "heads_up, skip_if_late, action_date, status, heads_up_mail_key, mail_key, amount, decision_key";

  static Step read(ResultSet rs, int row) throws SQLException {
    return new Step(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getInt(4), rs.getString(5), rs.getString(6),
        rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getBoolean(11), rs.getBoolean(12),
        rs.getDate(13).toLocalDate(), rs.getString(14), rs.getString(15), rs.getString(16), rs.getBigDecimal(17),
        rs.getObject(18) == null ? null : rs.getLong(18));
  }

  /** The audit details of something this step did, with the evaluation of the cadence table behind it. */
  java.util.Map<String, Object> withDecision(java.util.Map<String, Object> details) {
    java.util.Map<String, Object> all = new java.util.LinkedHashMap<>(details);
    if (decisionKey != null) {
      all.put("decisionKey", String.valueOf(decisionKey));
    }
    return all;
  }

  public boolean customerFacing() {
    return "EMAIL".equals(channel);
  }

  public String label() {
    return label(action);
  }

  /** What people call a step of this action (the cadence table's output), on pages and in mails alike. */
  public static String label(String action) {
    return switch (action) {
      case "PRE_DUE_REMINDER" -> "Reminder before the due date";
      case "DUE_REMINDER" -> "Reminder on the due date";
      case "OVERDUE_REMINDER" -> "Overdue reminder";
      case "FINAL_NOTICE" -> "Final notice";
      case "COLLECTOR_CALL" -> "Collector call";
      case "ESCALATION" -> "Escalation to the collections manager";
      default -> action;
    };
  }
}
