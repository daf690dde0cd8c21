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

/** A customer's browser in the portal: keeps its cookies, asks in one language, posts forms with the CSRF token of the last page. */
public final class PortalClient {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"");

  public record Page(int status, String location, String contentType, String body, byte[] bytes, String retryAfter) {}

  private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
      .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;
  private final String language;
  private String csrf;

  public PortalClient(int port, String language) {
    this.base = "http://127.0.0.1:" + port;
    this.language = language;
  }

  /** The path of a link from a mail or from PortalLinks, whatever host it names. */
  public static String path(String url) {
    return URI.create(url).getRawPath();
  }

  public Page get(String path) {
    Page page = send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    Matcher m = CSRF.matcher(page.body());
    if (m.find()) {
      csrf = m.group(1) != null ? m.group(1) : m.group(2);
    }
    return page;
  }

  public Page post(String path, Map<String, String> fields, boolean withCsrf) {
    String body = fields.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue())).collect(Collectors.joining("&"));
    if (withCsrf) {
      body = (body.isEmpty() ? "" : body + "&") + "_csrf=" + encode(csrf);
    }
    return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  public record File(String name, String filename, String contentType, byte[] content) {}

  /** A multipart form (with files) carrying the CSRF token of the last page. */
  public Page postMultipart(String path, Map<String, String> fields, java.util.List<File> files) {
    String boundary = "portal-" + java.util.UUID.randomUUID();
    var body = new java.io.ByteArrayOutputStream();
    java.util.Map<String, String> all = new java.util.LinkedHashMap<>(fields);
    all.put("_csrf", csrf);
    all.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n"
        + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
    for (File f : files) {
      body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.name() + "\"; filename=\"" + f.filename()
          + "\"\r\nContent-Type: " + f.contentType() + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
      body.writeBytes(f.content());
      body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
  }

  public Page send(HttpRequest.Builder request) {
    try {
      HttpResponse<byte[]> response = http.send(request.header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
          .header("Accept-Language", language).timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray());
      return new Page(response.statusCode(), response.headers().firstValue("Location").orElse(null),
          response.headers().firstValue("Content-Type").orElse(""), new String(response.body(), StandardCharsets.UTF_8),
          response.body(), response.headers().firstValue("Retry-After").orElse(null));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public String csrf() {
    return csrf;
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
