package settle.staff;

import java.util.Locale;

/** What a member of staff may do; checked on every request. */
public enum Role {
  COLLECTOR, CASH_APPLIER, CREDIT_ANALYST, SALES, SUPPORT, OPERATIONS, COLLECTIONS_MANAGER, FINANCE_MANAGER,
  PROCESS_OWNER, AUDITOR, ADMIN;

  /** Who reads the audit trail, through the audit API or wherever its entries are shown with their details. */
  public static final java.util.Set<Role> AUDIT_READERS = java.util.EnumSet.of(AUDITOR, PROCESS_OWNER, FINANCE_MANAGER,
      COLLECTIONS_MANAGER);

  /** The role as people write it: {@code cash-applier}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static Role parse(String text) {
    return valueOf(text.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
  }
}
