package settle.collaboration;

import java.time.Instant;
import java.util.Map;

/** One thing that happened to a customer, in words a colleague reads at a glance. */
public record TimelineEntry(long id, Instant at, String kind, String title, String actor, String subject,
                            Map<String, Object> details) {}
