package settle.staff;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
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
    if (member.email().length() > 320) {
      throw new InvalidRequestException("email", "email must have at most 320 characters");
    }
    // BCrypt reads at most 72 bytes of a password; a longer one would be cut without a word
    if (member.password().getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 72) {
      throw new InvalidRequestException("password", "password must have at most 72 bytes");
    }
    if (member.displayName() == null || member.displayName().isBlank() || member.displayName().length() > 200) {
      throw new InvalidRequestException("displayName", "displayName is required, at most 200 characters");
    }
    if (member.roles() == null || member.roles().isEmpty() || member.roles().stream().anyMatch(java.util.Objects::isNull)) {
      throw new InvalidRequestException("roles", "roles must name at least one role, such as COLLECTOR");
    }
    if (member.groups() != null && !member.groups().stream().allMatch(g -> g != null && g.matches("[a-z][a-z0-9-]{0,99}"))) {
      throw new InvalidRequestException("groups", "groups must be lower-case names such as collectors");
    }
    jdbc.update("insert into staff_user(username, display_name, email, password_hash, created_at) values (?, ?, ?, ?, ?)",
        member.username(), member.displayName(), member.email(), passwords.encode(member.password()),
        Timestamp.from(clock.instant()));
    for (Role role : member.roles()) {
      jdbc.update("insert into staff_role(username, role) values (?, ?)", member.username(), role.name());
    }
    for (String group : member.groups() == null ? Set.<String>of() : member.groups()) {
      jdbc.update("insert into staff_group(username, group_name) values (?, ?)", member.username(), group);
    }
    audit.record(actor, "staff.added", "staff:" + member.username(), Map.of("roles", member.roles().stream().map(Role::label).toList(),
        "groups", member.groups() == null ? List.of() : List.copyOf(member.groups())));
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

  public List<StaffMember> all() {
    return load("", new Object[0]);
  }

  /** The signed-in member of staff, if the current request has one; read once, at sign-in. */
  public Optional<StaffMember> current() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
      return Optional.empty();
    }
    return auth.getPrincipal() instanceof SignedIn signedIn ? Optional.of(signedIn.member) : find(auth.getName());
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

  /** What sign-in checks the password against: the member, their hash and roles, in one query. */
  public UserDetails signInDetails(String username) {
    return jdbc.query(SELECT + " where u.username = ?", (rs, i) -> {
      StaffMember member = member(rs);
      return (UserDetails) new SignedIn(member, rs.getString("password_hash"), rs.getBoolean("enabled"));
    }, username).stream().findFirst().orElseThrow(() -> new UsernameNotFoundException(username));
  }

  /** The principal of a signed-in session: Spring Security's user, carrying the member it was read as. */
  private static final class SignedIn extends User {

    private final StaffMember member;

    SignedIn(StaffMember member, String passwordHash, boolean enabled) {
      super(member.username(), passwordHash, enabled, true, true, true, member.roles().stream()
          .map(role -> new SimpleGrantedAuthority("ROLE_" + role.name())).toList());
      this.member = member;
    }
  }

  private static final String SELECT = """
      select u.username, u.display_name, u.email, u.password_hash, u.enabled,
             array(select r.role from staff_role r where r.username = u.username order by r.role) as roles,
             array(select g.group_name from staff_group g where g.username = u.username order by g.group_name) as groups
      from staff_user u""";

  private List<StaffMember> load(String where, Object... args) {
    return jdbc.query(SELECT + " " + where + " order by u.username", (rs, i) -> member(rs), args);
  }

  private static StaffMember member(java.sql.ResultSet rs) throws java.sql.SQLException {
    Set<Role> roles = Arrays.stream((String[]) rs.getArray("roles").getArray()).map(Role::valueOf).collect(Collectors.toSet());
    return new StaffMember(rs.getString("username"), rs.getString("display_name"), rs.getString("email"), Set.copyOf(roles),
        new LinkedHashSet<>(List.of((String[]) rs.getArray("groups").getArray())));
  }
}
