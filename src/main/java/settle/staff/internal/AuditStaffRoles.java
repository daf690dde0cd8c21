package settle.staff.internal;

import org.springframework.stereotype.Component;
import settle.audit.StaffRoles;
import settle.staff.Role;
import settle.staff.StaffDirectory;
import settle.staff.StaffMember;

/** Tells the audit who is who on its trail. */
@Component
class AuditStaffRoles implements StaffRoles {

  private final StaffDirectory staff;

  AuditStaffRoles(StaffDirectory staff) {
    this.staff = staff;
  }

  @Override
  public boolean isSales(String username) {
    return staff.find(username).map(m -> m.has(Role.SALES)).orElse(false);
  }

  @Override
  public String displayName(String username) {
    return staff.find(username).map(StaffMember::displayName).orElse(username);
  }
}
