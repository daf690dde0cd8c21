package settle.staff;

import java.util.Set;

/** A person who signs in. Groups name the BPMN candidate groups whose tasks they work. */
public record StaffMember(String username, String displayName, String email, Set<Role> roles, Set<String> groups)
    implements java.io.Serializable {

  public boolean has(Role role) {
    return roles.contains(role) || roles.contains(Role.ADMIN);
  }

  /** Collectors and managers work every customer; a salesperson only the customers they own. */
  public boolean worksEveryCustomer() {
    return has(Role.COLLECTOR) || has(Role.COLLECTIONS_MANAGER) || has(Role.FINANCE_MANAGER) || has(Role.AUDITOR);
  }

  /**
   * Whether they may act on a customer's record at all: a salesperson only for the customers they own;
   * every other role for any customer (its role decides which actions).
   */
  public boolean mayActFor(String accountOwnerEmail) {
    return worksEveryCustomer() || !roles.contains(Role.SALES) || email.equalsIgnoreCase(accountOwnerEmail);
  }

  /** The audit trail (and what is read from it with its details) is for those who review the work. */
  public boolean mayReadAudit() {
    return Role.AUDIT_READERS.stream().anyMatch(this::has);
  }
}
