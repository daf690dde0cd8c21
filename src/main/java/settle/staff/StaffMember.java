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

  public boolean mayActFor(String accountOwnerEmail) {
    return worksEveryCustomer() || email.equalsIgnoreCase(accountOwnerEmail);
  }
}
