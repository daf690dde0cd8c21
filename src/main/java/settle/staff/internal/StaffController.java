package settle.staff.internal;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import settle.common.InvalidRequestException;
import settle.staff.StaffDirectory;
import settle.staff.StaffDirectory.NewStaffMember;
import settle.staff.StaffMember;

@RestController
@RequestMapping("/api/staff")
class StaffController {

  private final StaffDirectory staff;

  StaffController(StaffDirectory staff) {
    this.staff = staff;
  }

  /** Everyone: the colleagues one can @mention. */
  @GetMapping
  List<StaffMember> all() {
    return staff.all();
  }

  @GetMapping("/me")
  StaffMember me() {
    return staff.signedIn();
  }

  /** Admins only (see SecurityConfig). */
  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  StaffMember add(@RequestBody NewStaffMember member) {
    // demo users may have short passwords; people added through the API may not
    if (member.password() == null || member.password().length() < 10) {
      throw new InvalidRequestException("password", "password must have at least 10 characters");
    }
    return staff.add(member, StaffDirectory.currentUsername());
  }
}
