package settle.audit;

/**
 * What the audit needs to know of the people on its trail; the staff module answers (it depends on the audit, so the
 * audit asks through this port rather than depend back).
 */
public interface StaffRoles {

  /** Whether this user works in sales (their holds are a control: sales holding their own customers' reminders). */
  boolean isSales(String username);

  /** The person's name as colleagues know it; the username itself for system actors and people unknown. */
  String displayName(String username);
}
