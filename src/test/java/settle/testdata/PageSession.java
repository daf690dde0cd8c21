package settle.testdata;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser's session without the browser: signed in through the sign-in form, posting forms with the
 * session's CSRF token, so a refusal is about who is signed in, never about a missing token.
 */
public final class PageSession {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"");

  private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
      .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;
  private String csrf;

  public record Response(int status, String location, String contentType, String body) {}

  private PageSession(int port) {
    this.base = "http://127.0.0.1:" + port;
  }

  /** What the sign-in form answers: a redirect to where the user goes next, or back to the form. */
  public static Response trySignIn(int port, String username, String password) {
    PageSession session = new PageSession(port);
    session.csrf = session.tokenOn("/login");
    return session.postForm("/login", Map.of("username", username, "password", password));
  }

  /** A browser that has not signed in (a customer, or an account owner following a mailed link). */
  public static PageSession anonymous(int port) {
    return new PageSession(port);
  }

  /** Signs in with the form; fails loudly when the sign-in is refused. */
  public static PageSession signIn(int port, String username, String password) {
    PageSession session = new PageSession(port);
    session.csrf = session.tokenOn("/login");
    Response signedIn = session.postForm("/login", Map.of("username", username, "password", password));
    if (signedIn.status() != 302 || signedIn.location() == null || signedIn.location().contains("error")) {
      throw new IllegalStateException("Sign-in as " + username + " refused: " + signedIn);
    }
    // the token changes at sign-in; read the new one from a page with a form (the header's sign-out)
    session.csrf = session.tokenOn("/customers");
    return session;
  }

  public Response get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
  }

  /** A form post carrying the session's CSRF token. */
  public Response postForm(String path, Map<String, String> fields) {
    return post(path, fields.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
        .collect(Collectors.joining("&")));
  }

  /** A form posted from a page, as a browser sends it (the page it came from in the Referer). */
  public Response postFormFrom(String page, String path, Map<String, String> fields) {
    String body = fields.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
        .collect(Collectors.joining("&")) + "&_csrf=" + encode(csrf);
    return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/x-www-form-urlencoded")
        .header("Referer", base + page).POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** A form post of an encoded body, with the CSRF token added. */
  public Response post(String path, String encodedForm) {
    String body = (encodedForm.isEmpty() ? "" : encodedForm + "&") + "_csrf=" + encode(csrf);
    return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** Any method, with the CSRF token as a header (as htmx or a script would send it). */
  public Response send(String method, String path, String contentType, byte[] body) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", contentType).header("X-CSRF-TOKEN", csrf)
        .method(method, HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  private String tokenOn(String path) {
    Response page = get(path);
    Matcher m = CSRF.matcher(page.body());
    if (!m.find()) {
      throw new IllegalStateException("No CSRF token on " + path + " (" + page.status() + ")");
    }
    return m.group(1) != null ? m.group(1) : m.group(2);
  }

  private Response send(HttpRequest.Builder request) {
    try {
      // what a browser accepts, so the server answers as it would answer a person
      HttpResponse<String> response = http.send(request.header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
          .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response.headers().firstValue("Location").orElse(null),
          response.headers().firstValue("Content-Type").orElse(""), response.body());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
