package settle.staff.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import settle.audit.AuditLog;
import settle.staff.StaffDirectory;

/**
 * Failed sign-ins, logged and throttled: after {@value #LIMIT} wrong passwords for a user within
 * {@link #WINDOW}, that user cannot sign in until the oldest of them is older than the window. The
 * window runs on the wall clock, not the business clock: the demo clock must not unlock an account.
 */
@Component
class SignInAttempts {

  private static final Logger log = LoggerFactory.getLogger(SignInAttempts.class);
  static final int LIMIT = 5;
  static final Duration WINDOW = Duration.ofMinutes(15);
  /** Names tried are kept in memory; past this many, entries older than the window are dropped first. */
  private static final int TRACKED = 10_000;

  private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
  private final Clock wallClock = Clock.systemUTC();
  private final StaffDirectory staff;
  private final AuditLog audit;

  SignInAttempts(StaffDirectory staff, AuditLog audit) {
    this.staff = staff;
    this.audit = audit;
  }

  boolean isLocked(String username) {
    Deque<Instant> recent = failures.get(key(username));
    if (recent == null) {
      return false;
    }
    synchronized (recent) {
      prune(recent);
      return recent.size() >= LIMIT;
    }
  }

  @EventListener
  void failed(AuthenticationFailureBadCredentialsEvent event) {
    String typed = event.getAuthentication().getName();
    String username = printable(typed);
    String from = event.getAuthentication().getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
    log.warn("Failed sign-in for user '{}' from {}", username, from == null ? "an API client" : from);
    if (failures.size() > TRACKED) {
      failures.values().removeIf(d -> {
        synchronized (d) {
          prune(d);
          return d.isEmpty();
        }
      });
    }
    Deque<Instant> recent = failures.computeIfAbsent(key(typed), k -> new ArrayDeque<>());
    synchronized (recent) {
      prune(recent);
      recent.addLast(wallClock.instant());
    }
    // the audit trail gets the attempts on real accounts (bounded by the throttle), not every name a scanner tries
    if (username.equals(typed) && staff.find(typed).isPresent()) {
      audit.record("system:sign-in", "staff.sign-in-failed", "staff:" + username,
          from == null ? Map.of("attempt", "HTTP Basic") : Map.of("attempt", "sign-in form", "from", from));
    }
  }

  @EventListener
  void succeeded(AuthenticationSuccessEvent event) {
    failures.remove(key(event.getAuthentication().getName()));
  }

  private void prune(Deque<Instant> recent) {
    Instant cutoff = wallClock.instant().minus(WINDOW);
    while (!recent.isEmpty() && recent.peekFirst().isBefore(cutoff)) {
      recent.removeFirst();
    }
  }

  private static String key(String username) {
    return username == null ? "" : username.toLowerCase(java.util.Locale.ROOT);
  }

  /** What a log line may show of a name someone typed: no line breaks or control characters, not too long. */
  private static String printable(String name) {
    String text = name == null ? "" : name.replaceAll("\\p{Cntrl}", "?");
    return text.length() > 100 ? text.substring(0, 100) + "…" : text;
  }
}
