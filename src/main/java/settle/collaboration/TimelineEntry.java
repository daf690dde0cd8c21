package settle.collaboration;

import java.time.Instant;
import java.util.Map;

/**
 * One thing that happened to a customer, in words a colleague reads at a glance. {@code why} links to the policy
 * decision behind it (a mail, a task's priority, a credit decision), or is null.
 */
public record TimelineEntry(long id, Instant at, String kind, String title, String actor, String subject,
                            Map<String, Object> details, String why) {

  /** The entry without the audit record's details, for readers the audit trail is not open to. */
  public TimelineEntry summary() {
    return new TimelineEntry(id, at, kind, title, actor, subject, Map.of(), why);
  }
}
