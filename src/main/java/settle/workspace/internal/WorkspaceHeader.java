package settle.workspace.internal;

import java.time.Clock;
import java.time.LocalDate;
import org.springframework.stereotype.Component;
import settle.engine.DemoClock;

/** What every page's header shows: the business date, and the demo clock's buttons in embedded mode. */
@Component("workspaceHeader")
public class WorkspaceHeader {

  private final Clock clock;
  private final settle.staff.StaffDirectory staff;

  WorkspaceHeader(Clock clock, settle.staff.StaffDirectory staff) {
    this.clock = clock;
    this.staff = staff;
  }

  public LocalDate today() {
    return LocalDate.now(clock);
  }

  /** The page being shown, so the clock buttons come back to it. */
  public String currentPath() {
    var request = org.springframework.web.servlet.support.ServletUriComponentsBuilder.fromCurrentRequest().build();
    return request.getPath() + (request.getQuery() == null ? "" : "?" + request.getQuery());
  }

  /** A form field's name as a label: promiseDate → Promise date. */
  public boolean demo() {
    return clock instanceof DemoClock;
  }

  /** The clock's buttons are for whoever may move it (the process owner), as SecurityConfig says. */
  public boolean mayMoveClock() {
    return demo() && staff.current().map(me -> me.has(settle.staff.Role.PROCESS_OWNER)).orElse(false);
  }

  /** The bank statements are the cash appliers' (and finance managers') page. */
  public boolean mayApplyCash() {
    return staff.current().map(me -> me.has(settle.staff.Role.CASH_APPLIER) || me.has(settle.staff.Role.FINANCE_MANAGER)
        || me.has(settle.staff.Role.ADMIN)).orElse(false);
  }

  /** An instant as people read it (UTC, the business clock's zone): "23 Jan 2027, 09:30". */
  public String when(java.time.Instant instant) {
    return settle.history.Words.when(instant);
  }

  /** How long ago, by the business clock: "3 d", "5 h", "12 min". */
  public String age(java.time.Instant instant) {
    if (instant == null) {
      return "";
    }
    java.time.Duration age = java.time.Duration.between(instant, clock.instant());
    if (age.toDays() > 0) {
      return age.toDays() + " d";
    }
    return age.toHours() > 0 ? age.toHours() + " h" : Math.max(0, age.toMinutes()) + " min";
  }
}
