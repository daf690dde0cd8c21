package settle.staff.internal;

import static settle.staff.Role.ADMIN;
import static settle.staff.Role.AUDITOR;
import static settle.staff.Role.CASH_APPLIER;
import static settle.staff.Role.COLLECTIONS_MANAGER;
import static settle.staff.Role.COLLECTOR;
import static settle.staff.Role.CREDIT_ANALYST;
import static settle.staff.Role.FINANCE_MANAGER;
import static settle.staff.Role.OPERATIONS;
import static settle.staff.Role.PROCESS_OWNER;
import static settle.staff.Role.SALES;
import static settle.staff.Role.SUPPORT;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import settle.staff.Role;
import settle.staff.StaffDirectory;

/**
 * Pages sign in with a form (session, CSRF on every form); API clients send HTTP Basic over the same
 * users. A browser session may also call the API, but then it must send the CSRF token; a request
 * carrying its own Authorization header cannot be forged cross-site and needs none. Signed links
 * (portal, hold links) carry their own authority.
 */
@Configuration
class SecurityConfig {

  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }

  /** Who may change data: every role but the auditor, who only reads. */
  static final Role[] WRITERS = Arrays.stream(Role.values()).filter(r -> r != AUDITOR).toArray(Role[]::new);
  /** Who holds an invoice's reminders, places promises and plans: the same on the API and the chasing page. */
  static final Role[] COLLECTION_WORKERS = {COLLECTOR, SALES, COLLECTIONS_MANAGER, FINANCE_MANAGER};
  /** Who reads the model catalog: those who own, audit or run the processes. */
  static final Role[] CATALOG_READERS = {PROCESS_OWNER, AUDITOR, ADMIN, FINANCE_MANAGER, COLLECTIONS_MANAGER};

  /** Who reads the figures finance reports (DSO, CEI, the forecast): those who answer for them and the auditor. */
  static final Role[] REPORT_READERS = {FINANCE_MANAGER, COLLECTIONS_MANAGER, AUDITOR};

  @Bean
  UserDetailsService staffUsers(StaffDirectory staff, SignInAttempts attempts) {
    return username -> {
      UserDetails details = staff.signInDetails(username);
      // a locked account is refused before its password is checked
      return attempts.isLocked(username) ? User.withUserDetails(details).accountLocked(true).build() : details;
    };
  }

  @Bean
  @Order(1)
  SecurityFilterChain api(HttpSecurity http) throws Exception {
    http.securityMatcher("/api/**", "/v3/api-docs/**")
        .authorizeHttpRequests(api -> {
          allow(api, HttpMethod.GET, "/api/audit/**", Role.AUDIT_READERS.toArray(Role[]::new));
          allow(api, HttpMethod.GET, "/api/process-instances/**", Role.AUDIT_READERS.toArray(Role[]::new));
          allow(api, HttpMethod.GET, "/api/process-instances", Role.AUDIT_READERS.toArray(Role[]::new));
          // the whole inbox is for those who oversee the work; everyone else has their worklist
          allow(api, HttpMethod.GET, "/api/tasks", AUDITOR, FINANCE_MANAGER, COLLECTIONS_MANAGER);
          allow(api, HttpMethod.POST, "/api/staff/**");
          allow(api, HttpMethod.POST, "/api/customers", SALES, OPERATIONS, FINANCE_MANAGER);
          allow(api, HttpMethod.POST, "/api/customers/*/portal-links/revoke", SALES, COLLECTOR, OPERATIONS, COLLECTIONS_MANAGER, FINANCE_MANAGER);
          allow(api, HttpMethod.POST, "/api/customers/*/ap-contact", SALES, COLLECTOR, OPERATIONS, COLLECTIONS_MANAGER, FINANCE_MANAGER);
          allow(api, HttpMethod.POST, "/api/orders/*/credit-release", CREDIT_ANALYST, FINANCE_MANAGER);
          allow(api, HttpMethod.POST, "/api/customers/*/risk-override", CREDIT_ANALYST, FINANCE_MANAGER);
          // a credit check writes nothing but its audit entry: sales asks it before a deal, credit and finance too
          allow(api, HttpMethod.POST, "/api/credit-checks", SALES, CREDIT_ANALYST, FINANCE_MANAGER);
          allow(api, HttpMethod.GET, "/api/risk/invoice-history.csv", FINANCE_MANAGER, PROCESS_OWNER, AUDITOR);
          allow(api, HttpMethod.POST, "/api/orders/**", SALES, OPERATIONS);
          allow(api, HttpMethod.POST, "/api/payments/**", CASH_APPLIER, FINANCE_MANAGER);
          allow(api, HttpMethod.POST, "/api/customers/*/credit/**", CASH_APPLIER, FINANCE_MANAGER);
          // confirming a statement whose balances do not add up releases its postings: those who import may
          allow(api, HttpMethod.POST, "/api/bank-statements/*/confirm", CASH_APPLIER, FINANCE_MANAGER);
          allow(api, HttpMethod.POST, "/api/bank-statements/**", CASH_APPLIER, FINANCE_MANAGER);
          allow(api, HttpMethod.POST, "/api/invoices/*/disputes", COLLECTOR, CASH_APPLIER, SALES, SUPPORT, OPERATIONS,
              COLLECTIONS_MANAGER, FINANCE_MANAGER);
          allow(api, HttpMethod.POST, "/api/invoices/**", COLLECTION_WORKERS);
          // tasks check the candidate groups themselves; notes are for everyone who may write
          allow(api, HttpMethod.POST, "/api/tasks/**", WRITERS);
          allow(api, HttpMethod.POST, "/api/customers/*/notes", WRITERS);
          // moving the demo clock moves every process: the process owner's, not anyone's
          allow(api, HttpMethod.POST, "/api/clock/**", PROCESS_OWNER);
          // the model catalog: a preview changes nothing, but it is the process owner's tool
          allow(api, HttpMethod.POST, "/api/models/**", PROCESS_OWNER);
          allow(api, HttpMethod.GET, "/api/models/**", CATALOG_READERS);
          allow(api, HttpMethod.GET, "/api/metrics", REPORT_READERS);
          allow(api, HttpMethod.GET, "/api/forecast", REPORT_READERS);
          api.requestMatchers(HttpMethod.GET, "/api/**", "/v3/api-docs/**").authenticated();
          api.anyRequest().hasRole(ADMIN.name());
        })
        .httpBasic(basic -> basic.realmName("Settle").authenticationEntryPoint(unauthorized()))
        .exceptionHandling(e -> e.authenticationEntryPoint(unauthorized()).accessDeniedHandler(forbidden()))
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER))
        .csrf(csrf -> csrf.ignoringRequestMatchers(SecurityConfig::apiClient));
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain pages(HttpSecurity http) throws Exception {
    http.authorizeHttpRequests(pages -> {
          pages.requestMatchers("/login", "/error", "/settle.css", "/js/**", "/webjars/**", "/favicon.ico").permitAll();
          pages.requestMatchers("/portal/**", "/holds/**").permitAll();
          // the payment provider's side: its hosted checkout (the payer has no sign-in) and its signed webhooks
          pages.requestMatchers("/sandbox-pay/checkout/*", "/sandbox-pay/checkout/*/pay", "/webhooks/payment-gateway").permitAll();
          allow(pages, HttpMethod.POST, "/sandbox-pay/checkout/*/chargeback", CASH_APPLIER, FINANCE_MANAGER);
          // the status only; its details (paths, hosts) are shown to signed-in users
          pages.requestMatchers("/actuator/health/**", "/actuator/info").permitAll();
          // the scrape endpoint: counts and timings by job type, outbox and team, never a customer, document or amount
          pages.requestMatchers(HttpMethod.GET, "/actuator/prometheus").permitAll();
          // the auditor's workspace reads the trail: the same people as the audit API
          allow(pages, HttpMethod.GET, "/audit", Role.AUDIT_READERS.toArray(Role[]::new));
          allow(pages, HttpMethod.GET, "/audit/**", Role.AUDIT_READERS.toArray(Role[]::new));
          allow(pages, HttpMethod.GET, "/process-instances/**", Role.AUDIT_READERS.toArray(Role[]::new));
          allow(pages, HttpMethod.GET, "/reports", REPORT_READERS);
          allow(pages, HttpMethod.GET, "/reports/**", REPORT_READERS);
          // a page action passes the same role check as its API
          allow(pages, HttpMethod.POST, "/chasing/hold", COLLECTION_WORKERS);
          allow(pages, HttpMethod.POST, "/demo-clock", PROCESS_OWNER);
          allow(pages, HttpMethod.POST, "/processes/**", PROCESS_OWNER);
          // a simulation runs a private copy of Settle for minutes: the process owner's tool, like the catalog's deploy
          allow(pages, HttpMethod.GET, "/simulations", PROCESS_OWNER);
          allow(pages, HttpMethod.GET, "/simulations/**", PROCESS_OWNER);
          allow(pages, HttpMethod.POST, "/simulations", PROCESS_OWNER);
          allow(pages, HttpMethod.GET, "/processes/**", CATALOG_READERS);
          allow(pages, HttpMethod.POST, "/work/**", WRITERS);
          allow(pages, HttpMethod.POST, "/customers/*/notes", WRITERS);
          allow(pages, HttpMethod.POST, "/customers/*/credit/apply", CASH_APPLIER, FINANCE_MANAGER);
          allow(pages, HttpMethod.POST, "/statements", CASH_APPLIER, FINANCE_MANAGER);
          allow(pages, HttpMethod.POST, "/orders/*/credit-release", CREDIT_ANALYST, FINANCE_MANAGER);
          allow(pages, HttpMethod.POST, "/customers/*/risk-override", CREDIT_ANALYST, FINANCE_MANAGER);
          allow(pages, HttpMethod.POST, "/customers/*/portal-links/revoke", SALES, COLLECTOR, OPERATIONS, COLLECTIONS_MANAGER,
              FINANCE_MANAGER);
          allow(pages, HttpMethod.POST, "/orders", SALES, OPERATIONS);
          allow(pages, HttpMethod.POST, "/orders/**", SALES, OPERATIONS);
          allow(pages, HttpMethod.POST, "/statements/*/confirm", CASH_APPLIER, FINANCE_MANAGER);
          // any other change through a page needs a rule above; until it has one, only an admin passes
          pages.requestMatchers(request -> !SAFE.contains(request.getMethod())).hasRole(ADMIN.name());
          pages.anyRequest().authenticated();
        })
        .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false)
            .failureHandler((request, response, e) -> response.sendRedirect(request.getContextPath()
                + (e instanceof LockedException ? "/login?locked" : "/login?error")))
            .permitAll())
        .logout(logout -> logout.logoutSuccessUrl("/login?signedOut"))
        // the signed token in a hold link is the authority, and it cannot be guessed cross-site; portal forms carry a
        // CSRF token as well: a site that learnt a portal link still cannot make the contact's browser act through it.
        // The sandbox provider's checkout is its own site, and a webhook proves itself by its signature.
        .csrf(csrf -> csrf.ignoringRequestMatchers("/holds/**", "/sandbox-pay/checkout/*/pay", "/webhooks/payment-gateway"));
    return http.build();
  }

  private static final java.util.Set<String> SAFE = java.util.Set.of("GET", "HEAD", "OPTIONS", "TRACE");

  private static void allow(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules,
                            HttpMethod method, String path, Role... roles) {
    List<String> names = new java.util.ArrayList<>(Arrays.stream(roles).map(Role::name).toList());
    names.add(ADMIN.name());
    rules.requestMatchers(method, path).hasAnyRole(names.stream().distinct().toArray(String[]::new));
  }

  /**
   * A program calling the API with its own credentials: an Authorization header and no sign of a
   * browser acting for another site (browsers send Sec-Fetch-Site; programs do not).
   */
  private static boolean apiClient(jakarta.servlet.http.HttpServletRequest request) {
    String site = request.getHeader("Sec-Fetch-Site");
    return request.getHeader("Authorization") != null && (site == null || site.equals("same-origin") || site.equals("none"));
  }

  private static AuthenticationEntryPoint unauthorized() {
    return (request, response, e) -> {
      // no Basic challenge to a browser: it would remember the password and send it on every request
      String accept = request.getHeader("Accept");
      if (e instanceof LockedException) {
        response.setHeader("Retry-After", String.valueOf(SignInAttempts.WINDOW.toSeconds()));
        problem(response, 429, "Too many failed sign-ins", "Too many wrong passwords for this user; try again in "
            + SignInAttempts.WINDOW.toMinutes() + " minutes");
        return;
      }
      if (accept == null || !accept.contains("text/html")) {
        response.setHeader("WWW-Authenticate", "Basic realm=\"Settle\"");
      }
      problem(response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized",
          "Sign in: send HTTP Basic credentials of a Settle user");
    };
  }

  private static AccessDeniedHandler forbidden() {
    return (request, response, e) -> problem(response, HttpServletResponse.SC_FORBIDDEN, "Forbidden",
        "Your roles do not allow " + request.getMethod() + " " + request.getRequestURI());
  }

  private static void problem(HttpServletResponse response, int status, String title, String detail) throws java.io.IOException {
    response.setStatus(status);
    response.setContentType("application/problem+json");
    response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
        + ",\"detail\":\"" + detail.replace("\"", "'") + "\"}");
  }
}
