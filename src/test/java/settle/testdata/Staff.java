package settle.testdata;

import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import settle.staff.Role;
import settle.staff.StaffMember;

/** Members of staff for tests that call the services directly (the HTTP tests sign in as seeded users). */
public final class Staff {

  private static final List<String> EVERY_GROUP = List.of("collectors", "cash-appliers", "credit-analysts",
      "collections-managers", "finance-managers", "sales", "support", "operations", "billing", "sales-managers",
      "support-managers", "operations-managers", "billing-managers");

  private Staff() {}

  /** Someone in the given groups only. */
  public static StaffMember member(String username, String... groups) {
    return new StaffMember(username, username, username + "@northwind.example", EnumSet.noneOf(Role.class),
        new LinkedHashSet<>(List.of(groups)));
  }

  /** A salesperson in the sales group, who may act only for the customers owned by {@code email}. */
  public static StaffMember salesperson(String username, String email) {
    return new StaffMember(username, username, email, EnumSet.of(Role.SALES), new LinkedHashSet<>(List.of("sales")));
  }

  /** Someone who may work any task: for tests about a process, not about who may work it. */
  public static StaffMember anyone(String username) {
    return new StaffMember(username, username, username + "@northwind.example", Set.of(Role.ADMIN),
        new LinkedHashSet<>(EVERY_GROUP));
  }
}
