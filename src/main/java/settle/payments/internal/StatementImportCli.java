package settle.payments.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Batch import from the command line: POSTs every statement file (or every file in the directories
 * given) to a running Settle and draws a progress bar. Needs only the JDK.
 *
 * <pre>
 * java -cp target/classes settle.payments.internal.StatementImportCli [--url http://localhost:8080] [--user cara:cara]
 *      [--format MT940] [--account DE89...] FILE_OR_DIR...
 * </pre>
 *
 * The password may come from SETTLE_PASSWORD instead of --user. Exit code 0 if every file was
 * imported (or had been before), 1 if any was refused, 2 on wrong usage.
 */
public final class StatementImportCli {

  private static final int BAR = 30;
  private static final int RETRIES = 6;

  private StatementImportCli() {}

  public static void main(String[] args) throws Exception {
    String url = "http://localhost:8080";
    String user = System.getenv().getOrDefault("SETTLE_USER", "demo");
    String password = System.getenv().getOrDefault("SETTLE_PASSWORD", "demo");
    String format = null;
    String account = null;
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--url" -> url = args[++i];
        case "--user" -> {
          String[] pair = args[++i].split(":", 2);
          user = pair[0];
          if (pair.length > 1) {
            password = pair[1];
          }
        }
        case "--format" -> format = args[++i];
        case "--account" -> account = args[++i];
        case "-h", "--help" -> {
          usage(System.out);
          return;
        }
        default -> collect(Path.of(args[i]), files);
      }
    }
    if (files.isEmpty()) {
      usage(System.err);
      System.exit(2);
    }
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    String auth = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    int failed = 0;
    int imported = 0;
    int repeated = 0;
    List<String> report = new ArrayList<>();
    for (int n = 0; n < files.size(); n++) {
      Path file = files.get(n);
      progress(n, files.size(), file.getFileName().toString());
      String boundary = "settle-" + UUID.randomUUID();
      HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/api/bank-statements"))
          .timeout(Duration.ofMinutes(10)).header("Authorization", auth)
          .header("Content-Type", "multipart/form-data; boundary=" + boundary)
          .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(boundary, file, format, account))).build();
      try {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        // Settle reads a few statements at a time and asks the others to come back.
        for (int retry = 1; response.statusCode() == 503 && retry <= RETRIES; retry++) {
          Thread.sleep(1000L * response.headers().firstValueAsLong("Retry-After").orElse(10));
          response = http.send(request, HttpResponse.BodyHandlers.ofString());
        }
        switch (response.statusCode()) {
          case 201 -> {
            imported++;
            report.add("imported  " + file + "  " + response.body());
          }
          case 200, 409 -> {
            repeated++;
            report.add("known     " + file + "  " + response.body());
          }
          default -> {
            failed++;
            report.add("REFUSED   " + file + "  HTTP " + response.statusCode() + "  " + response.body());
          }
        }
      } catch (IOException e) {
        failed++;
        report.add("FAILED    " + file + "  " + e.getMessage());
      }
    }
    progress(files.size(), files.size(), "done");
    System.out.println();
    report.forEach(System.out::println);
    System.out.printf("%d imported, %d imported before, %d refused%n", imported, repeated, failed);
    System.exit(failed == 0 ? 0 : 1);
  }

  private static void collect(Path path, List<Path> files) throws IOException {
    if (Files.isDirectory(path)) {
      try (Stream<Path> walk = Files.walk(path)) {
        walk.filter(Files::isRegularFile).sorted().forEach(files::add);
      }
    } else {
      files.add(path);
    }
  }

  private static void progress(int done, int total, String current) {
    int filled = total == 0 ? BAR : done * BAR / total;
    String name = current.length() > 40 ? current.substring(0, 37) + "..." : current;
    System.out.printf("\r[%s%s] %3d%% %d/%d %-40s", "#".repeat(filled), ".".repeat(BAR - filled),
        total == 0 ? 100 : done * 100 / total, done, total, name);
    System.out.flush();
  }

  private static byte[] multipart(String boundary, Path file, String format, String account) throws IOException {
    var out = new java.io.ByteArrayOutputStream();
    String name = file.getFileName().toString().replace("\"", "");
    out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    out.write(Files.readAllBytes(file));
    out.write("\r\n".getBytes(StandardCharsets.UTF_8));
    field(out, boundary, "format", format);
    field(out, boundary, "account", account);
    out.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  private static void field(java.io.ByteArrayOutputStream out, String boundary, String name, String value) throws IOException {
    if (value != null) {
      out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
          .getBytes(StandardCharsets.UTF_8));
    }
  }

  private static void usage(PrintStream out) {
    out.println("usage: StatementImportCli [--url URL] [--user NAME:PASSWORD] [--format camt.053|camt.054|MT940|BAI2|CSV]"
        + " [--account ACCOUNT] FILE_OR_DIR...");
  }
}
