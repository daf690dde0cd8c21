package settle.staff.internal;

import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import settle.staff.Role;
import settle.staff.StaffDirectory;
import settle.staff.StaffDirectory.NewStaffMember;

/**
 * The first users. Embedded mode seeds one demo user per role (password = user name) and {@code demo}
 * with every role; a cluster starts with one {@code admin} when {@code settle.admin-password} is set.
 */
@Component
@Order(10)
class StaffBootstrap implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(StaffBootstrap.class);

  static final List<NewStaffMember> DEMO = List.of(
      demo("demo", "Demo User", "demo@northwind.example", EnumSet.allOf(Role.class),
          "collectors", "cash-appliers", "credit-analysts", "collections-managers", "finance-managers", "sales", "support",
          "operations", "billing", "sales-managers", "support-managers", "operations-managers", "billing-managers", "process-owners"),
      demo("casey", "Casey Collins", "casey@northwind.example", Set.of(Role.COLLECTOR), "collectors"),
      demo("cara", "Cara Appleby", "cara@northwind.example", Set.of(Role.CASH_APPLIER), "cash-appliers", "billing"),
      demo("ada", "Ada Kent", "ada@northwind.example", Set.of(Role.CREDIT_ANALYST), "credit-analysts"),
      demo("dana", "Dana Whitfield", "dana.whitfield@northwind.example", Set.of(Role.SALES), "sales"),
      demo("lee", "Lee Moreau", "lee.moreau@northwind.example", Set.of(Role.SALES), "sales"),
      demo("suki", "Suki Tan", "suki@northwind.example", Set.of(Role.SUPPORT), "support"),
      demo("olu", "Olu Adeyemi", "olu@northwind.example", Set.of(Role.OPERATIONS), "operations"),
      demo("morgan", "Morgan Reyes", "morgan@northwind.example", Set.of(Role.COLLECTIONS_MANAGER),
          "collections-managers", "collectors", "sales-managers", "support-managers", "operations-managers"),
      demo("fran", "Fran Novak", "fran@northwind.example", Set.of(Role.FINANCE_MANAGER), "finance-managers", "billing-managers"),
      demo("pat", "Pat Quinn", "pat@northwind.example", Set.of(Role.PROCESS_OWNER), "process-owners"),
      demo("audrey", "Audrey Lind", "audrey@northwind.example", Set.of(Role.AUDITOR)),
      demo("admin", "Admin", "admin@northwind.example", Set.of(Role.ADMIN)));

  private final StaffDirectory staff;
  private final boolean embedded;
  private final String adminPassword;

  StaffBootstrap(StaffDirectory staff, @Value("${settle.embedded:true}") boolean embedded,
                 @Value("${settle.admin-password:}") String adminPassword) {
    this.staff = staff;
    this.embedded = embedded;
    this.adminPassword = adminPassword;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (!staff.isEmpty()) {
      return;
    }
    if (embedded) {
      DEMO.forEach(member -> staff.add(member, "system:staff-bootstrap"));
      log.info("Demo users: {} (password = user name)", DEMO.stream().map(NewStaffMember::username).toList());
    } else if (!adminPassword.isBlank()) {
      staff.add(new NewStaffMember("admin", "Administrator", "admin@localhost", adminPassword, Set.of(Role.ADMIN), Set.of()),
          "system:staff-bootstrap");
      log.info("Created the first user 'admin' from settle.admin-password");
    } else {
      log.warn("No users yet: set settle.admin-password to create the first administrator");
    }
  }

  private static NewStaffMember demo(String username, String name, String email, Set<Role> roles, String... groups) {
    return new NewStaffMember(username, name, email, username, roles, new LinkedHashSet<>(List.of(groups)));
  }
}
