package settle.staff;

import settle.testdata.PageSession;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import settle.testdata.Api;
import settle.testdata.SettleTest;

/**
 * The auditor reads and never changes: every state-changing route the application serves — taken from
 * Spring's own handler mapping, so a route added tomorrow is walked too — answers the auditor 403, on
 * the API with HTTP Basic and on the pages with a signed-in session and its CSRF token (so the 403 is
 * about the role, not a missing token).
 */
@SettleTest
class AuditorIsReadOnlyIT {

  private static final Set<RequestMethod> CHANGING = EnumSet.of(RequestMethod.POST, RequestMethod.PUT, RequestMethod.PATCH,
      RequestMethod.DELETE);

  /**
   * Routes the walk leaves out, each with the reason. Signed links carry their own authority (the token,
   * mailed to one person), not the signed-in user's; the error page only renders what went wrong.
   */
  private static final Map<String, String> EXEMPT = Map.of(
      "/holds/{token}", "a signed hold link: the token is the authority, whoever is signed in",
      "/portal/{token}", "the customer's portal: the signed link is the authority (routes under it included)",
      "/sandbox-pay/checkout/", "the sandbox provider's hosted checkout, another site in production",
      "/webhooks/payment-gateway", "the provider's webhook, proven by its signature, not by a user",
      "/error", "Spring's error page, rendering the failure of another request");

  @LocalServerPort int port;
  @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

  @Test
  void theAuditorIsRefusedEveryStateChangingRouteOfPagesAndApi() {
    PageSession auditorPages = PageSession.signIn(port, "audrey", "audrey");
    List<String> walked = new ArrayList<>();
    List<String> allowed = new ArrayList<>();
    for (Route route : changingRoutes()) {
      String path = route.pattern().replaceAll("\\{[^}]+}", "1");
      int status = route.pattern().startsWith("/api/")
          ? basic(route.method(), path, "audrey")
          : auditorPages.send(route.method(), path, "application/x-www-form-urlencoded", new byte[0]).status();
      walked.add(route.method() + " " + route.pattern());
      if (status != 403) {
        allowed.add(route.method() + " " + route.pattern() + " answered " + status);
      }
    }
    assertThat(walked).as("the walk found the routes it must cover").contains("POST /chasing/hold", "POST /api/payments",
        "POST /work/{id}/complete", "POST /api/invoices/{invoiceId}/disputes", "POST /demo-clock");
    assertThat(allowed).as("state-changing routes the auditor was not refused").isEmpty();
  }

  @Test
  void theAuditorCanStillReadPagesAndTheAuditTrail() {
    assertThat(new Api(port).as("audrey").get("/api/audit/verification").status()).isEqualTo(200);
    assertThat(PageSession.signIn(port, "audrey", "audrey").get("/chasing").status()).isEqualTo(200);
  }

  @Test
  void theChasingPageHoldPassesTheSameRoleCheckAsTheHoldApi() {
    // a cash applier may not hold reminders through the API, so not through the page either
    PageSession cara = PageSession.signIn(port, "cara", "cara");
    assertThat(cara.postForm("/chasing/hold", Map.of("invoiceId", "1", "days", "30")).status()).isEqualTo(403);
    assertThat(new Api(port).as("cara").post("/api/invoices/1/holds", "{\"days\": 30, \"reason\": \"x\"}").status()).isEqualTo(403);
  }

  record Route(String method, String pattern) {}

  /** An API call with HTTP Basic and an empty JSON body: authorisation comes before reading it. */
  private int basic(String method, String path, String user) {
    try {
      var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + path))
          .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + user).getBytes()))
          .header("Content-Type", "application/json")
          .method(method, java.net.http.HttpRequest.BodyPublishers.ofString("{}")).build();
      return java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (java.io.IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Every pattern × method that can change state; a mapping without methods accepts them all. */
  private List<Route> changingRoutes() {
    Set<Route> routes = new java.util.LinkedHashSet<>();
    for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
      Set<RequestMethod> methods = info.getMethodsCondition().getMethods().isEmpty() ? CHANGING
          : info.getMethodsCondition().getMethods();
      for (String pattern : info.getPatternValues()) {
        if (EXEMPT.keySet().stream().anyMatch(pattern::startsWith)) {
          continue;
        }
        for (RequestMethod method : methods) {
          if (CHANGING.contains(method)) {
            routes.add(new Route(method.name(), pattern));
          }
        }
      }
    }
    return new ArrayList<>(new TreeSet<>(routes.stream().map(r -> r.method() + " " + r.pattern()).toList()).stream()
        .map(s -> new Route(s.substring(0, s.indexOf(' ')), s.substring(s.indexOf(' ') + 1))).toList());
  }
}
