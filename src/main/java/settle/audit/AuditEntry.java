package settle.audit;

import java.time.Instant;
import java.util.Map;

/** One line of the trail. {@code subject} names what it is about, e.g. {@code invoice:42}. */
public record AuditEntry(long id, Instant at, String actor, String action, String subject, Map<String, Object> details) {}
