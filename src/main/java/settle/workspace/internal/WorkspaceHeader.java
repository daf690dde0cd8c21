package settle.workspace.internal;

import java.time.Clock;
import java.time.LocalDate;
import org.springframework.stereotype.Component;
import settle.engine.DemoClock;

/** What every page's header shows: the business date, and the demo clock's buttons in embedded mode. */
@Component("workspaceHeader")
public class WorkspaceHeader {

  private final Clock clock;

  WorkspaceHeader(Clock clock) {
    this.clock = clock;
  }

  public LocalDate today() {
    return LocalDate.now(clock);
  }

  public boolean demo() {
    return clock instanceof DemoClock;
  }
}
