package settle.staff;

import java.util.Locale;

/** What a member of staff may do; checked on every request. */
public enum Role {
  COLLECTOR, CASH_APPLIER, CREDIT_ANALYST, SALES, SUPPORT, OPERATIONS, COLLECTIONS_MANAGER, FINANCE_MANAGER,
  PROCESS_OWNER, AUDITOR, ADMIN;

  /** The role as people write it: {@code cash-applier}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static Role parse(String text) {
    return valueOf(text.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
  }
}
