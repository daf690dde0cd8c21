package settle.testdata;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The workspace's pages as a signed-in person gets them: a form sign-in, then pages read as HTML. */
public final class Pages {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

  private final HttpClient http;
  private final String base;

  private Pages(int port) {
    this.http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NORMAL).build();
    this.base = "http://127.0.0.1:" + port;
  }

  /** Signed in through the sign-in form as this demo user (password = user name). */
  public static Pages signIn(int port, String username) {
    Pages pages = new Pages(port);
    Matcher token = CSRF.matcher(pages.send(HttpRequest.newBuilder(URI.create(pages.base + "/login")).GET()).body());
    if (!token.find()) {
      throw new IllegalStateException("The sign-in page has no CSRF token");
    }
    String form = "username=" + encode(username) + "&password=" + encode(username) + "&_csrf=" + encode(token.group(1));
    HttpResponse<String> signedIn = pages.send(HttpRequest.newBuilder(URI.create(pages.base + "/login"))
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)));
    if (signedIn.uri().getPath().startsWith("/login")) {
      throw new IllegalStateException(username + " could not sign in");
    }
    return pages;
  }

  /** The page's HTML; fails unless it answered 200. */
  public String get(String path) {
    HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(path + " answered " + response.statusCode());
    }
    return response.body();
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
