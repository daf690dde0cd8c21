package settle.staff;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import settle.audit.AuditLog;
import settle.common.InvalidRequestException;
import settle.common.NotFoundException;

@Service
public class StaffDirectory {

  private final JdbcTemplate jdbc;
  private final PasswordEncoder passwords;
  private final AuditLog audit;
  private final Clock clock;

  StaffDirectory(JdbcTemplate jdbc, PasswordEncoder passwords, AuditLog audit, Clock clock) {
    this.jdbc = jdbc;
    this.passwords = passwords;
    this.audit = audit;
    this.clock = clock;
  }

  public record NewStaffMember(String username, String displayName, String email, String password, Set<Role> roles,
                               Set<String> groups) {}

  @Transactional
  public StaffMember add(NewStaffMember member, String actor) {
    if (member.username() == null || !member.username().matches("[a-z][a-z0-9._-]{1,99}")) {
      throw new InvalidRequestException("username", "username must be lower-case letters, digits, '.', '_' or '-'");
    }
    if (member.password() == null || member.password().isEmpty()) {
      throw new InvalidRequestException("password", "password is required");
    }
    if (member.email() == null || !member.email().matches("[^@\\s]+@[^@\\s]+")) {
      throw new InvalidRequestException("email", "email must be an e-mail address");
    }
    jdbc.update("insert into staff_user(username, display_name, email, password_hash, created_at) values (?, ?, ?, ?, ?)",
        member.username(), member.displayName(), member.email(), passwords.encode(member.password()),
        Timestamp.from(clock.instant()));
    for (Role role : member.roles()) {
      jdbc.update("insert into staff_role(username, role) values (?, ?)", member.username(), role.name());
    }
    for (String group : member.groups()) {
      jdbc.update("insert into staff_group(username, group_name) values (?, ?)", member.username(), group);
    }
    audit.record(actor, "staff.added", "staff:" + member.username(), Map.of("roles", member.roles().stream().map(Role::label).toList(),
        "groups", List.copyOf(member.groups())));
    return get(member.username());
  }

  public boolean isEmpty() {
    return Boolean.FALSE.equals(jdbc.queryForObject("select exists(select 1 from staff_user)", Boolean.class));
  }

  public Optional<StaffMember> find(String username) {
    return load("where u.username = ?", username).stream().findFirst();
  }

  public StaffMember get(String username) {
    return find(username).orElseThrow(() -> new NotFoundException("Staff member", username));
  }

  public Optional<StaffMember> byEmail(String email) {
    return load("where lower(u.email) = lower(?)", email).stream().findFirst();
  }

  public List<StaffMember> all() {
    return load("", new Object[0]);
  }

  /** The signed-in member of staff, if the current request has one. */
  public Optional<StaffMember> current() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
      return Optional.empty();
    }
    return find(auth.getName());
  }

  /** The signed-in member of staff; a request without one never reaches a page or API that asks. */
  public StaffMember signedIn() {
    return current().orElseThrow(() -> new NotFoundException("Staff member", currentUsername()));
  }

  /** Who is acting: the signed-in user's name, for the audit trail. */
  public static String currentUsername() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    return auth == null || auth instanceof AnonymousAuthenticationToken ? "anonymous" : auth.getName();
  }

  /** The stored hash of an enabled user, or null. */
  public String passwordHashOf(String username) {
    return jdbc.query("select password_hash from staff_user where username = ? and enabled", rs -> rs.next() ? rs.getString(1) : null,
        username);
  }

  private List<StaffMember> load(String where, Object... args) {
    Map<String, Set<Role>> roles = new HashMap<>();
    Map<String, Set<String>> groups = new HashMap<>();
    String members = "(select u.username from staff_user u " + where + ")";
    jdbc.query("select username, role from staff_role where username in " + members, rs -> {
      roles.computeIfAbsent(rs.getString(1), k -> new TreeSet<>()).add(Role.valueOf(rs.getString(2)));
    }, args);
    jdbc.query("select username, group_name from staff_group where username in " + members, rs -> {
      groups.computeIfAbsent(rs.getString(1), k -> new TreeSet<>()).add(rs.getString(2));
    }, args);
    return jdbc.query("select u.username, u.display_name, u.email from staff_user u " + where + " order by u.username",
        (rs, i) -> new StaffMember(rs.getString(1), rs.getString(2), rs.getString(3),
            Set.copyOf(roles.getOrDefault(rs.getString(1), Set.of())),
            new LinkedHashSet<>(groups.getOrDefault(rs.getString(1), Set.of()))), args)
        .stream().sorted(Comparator.comparing(StaffMember::username)).toList();
  }
}
