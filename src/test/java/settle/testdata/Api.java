package settle.testdata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/** A plain HTTP client for end-to-end tests: what an outside caller sends and gets back. */
public final class Api {

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final ObjectMapper json = new ObjectMapper();
  private final String base;
  private final String authorization;

  /** Signed in as {@code demo}, the embedded user with every role. */
  public Api(int port) {
    this(port, "demo", "demo");
  }

  /** Signed in with HTTP Basic as this user; a null user sends no credentials. */
  public Api(int port, String username, String password) {
    this.base = "http://127.0.0.1:" + port;
    this.authorization = username == null ? null : "Basic " + java.util.Base64.getEncoder()
        .encodeToString((username + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  public Api as(String username) {
    return new Api(Integer.parseInt(base.substring(base.lastIndexOf(':') + 1)), username, username);
  }

  public Api anonymous() {
    return new Api(Integer.parseInt(base.substring(base.lastIndexOf(':') + 1)), null, null);
  }

  public record Response(int status, String contentType, byte[] bytes, JsonNode body) {}

  public Response get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
  }

  public Response post(String path, String body) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  public Response postForm(String path, String form) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)));
  }

  public record Part(String name, String filename, String contentType, byte[] content) {}

  public Response postMultipart(String path, List<Part> parts) {
    String boundary = "settle-" + UUID.randomUUID();
    var body = new java.io.ByteArrayOutputStream();
    for (Part part : parts) {
      String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part.name() + "\""
          + (part.filename() == null ? "" : "; filename=\"" + part.filename() + "\"")
          + "\r\nContent-Type: " + part.contentType() + "\r\n\r\n";
      body.writeBytes(head.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      body.writeBytes(part.content());
      body.writeBytes("\r\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    body.writeBytes(("--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
  }

  private Response send(HttpRequest.Builder request) {
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    try {
      HttpResponse<byte[]> response = http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray());
      String type = response.headers().firstValue("Content-Type").orElse("");
      JsonNode body = type.contains("json") && response.body().length > 0 ? json.readTree(response.body()) : null;
      return new Response(response.statusCode(), type, response.body(), body);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
