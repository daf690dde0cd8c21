package settle.workspace.internal;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import settle.staff.StaffDirectory;

@RestController
class ChasingController {

  private final Chasing chasing;
  private final StaffDirectory staff;

  ChasingController(Chasing chasing, StaffDirectory staff) {
    this.chasing = chasing;
    this.staff = staff;
  }

  /** The same steps as the chasing page. */
  @GetMapping("/api/chasing")
  List<Chasing.Upcoming> nextWeek() {
    return chasing.nextWeekFor(staff.signedIn());
  }
}
