package settle.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Checks an audit pack offline, with no database and no Spring: {@code java -jar settle.jar verify-audit-pack pack.zip
 * --key KEY}. The manifest's signature (so nobody without the key rewrote the sums), every file against its SHA-256 in
 * the manifest, every checkpoint's signature, and every entry's chain link recomputed from entries.csv. Names the file
 * of the first thing that does not hold.
 */
public final class AuditPackVerifier {

  public record Verdict(boolean accepted, String message) {}

  private AuditPackVerifier() {}

  /** The command: prints the verdict, returns the exit status (0 accepted, 1 rejected, 2 usage). */
  public static int run(String[] args) {
    String file = null;
    String key = System.getenv("SETTLE_AUDIT_SIGNING_KEY");
    for (int i = 1; i < args.length; i++) {
      if (args[i].equals("--key") && i + 1 < args.length) {
        key = args[++i];
      } else if (args[i].startsWith("--key=")) {
        key = args[i].substring("--key=".length());
      } else {
        file = args[i];
      }
    }
    if (file == null || key == null || key.isBlank()) {
      System.err.println("Usage: java -jar settle.jar verify-audit-pack pack.zip --key <settle.audit.signing-key>"
          + " (or the key in SETTLE_AUDIT_SIGNING_KEY)");
      return 2;
    }
    Verdict verdict;
    try {
      verdict = verify(Files.readAllBytes(Path.of(file)), key.strip());
    } catch (IOException e) {
      verdict = new Verdict(false, file + ": cannot be read (" + e.getMessage() + ")");
    }
    (verdict.accepted() ? System.out : System.err).println((verdict.accepted() ? "ACCEPTED: " : "REJECTED: ") + verdict.message());
    return verdict.accepted() ? 0 : 1;
  }

  public static Verdict verify(byte[] zip, String key) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    String reading = "the zip";
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        reading = entry.getName();
        if (files.put(entry.getName(), in.readAllBytes()) != null) {
          return new Verdict(false, entry.getName() + ": appears twice");
        }
        reading = "the zip after " + entry.getName();
      }
    } catch (IOException e) {
      return new Verdict(false, reading + ": damaged (" + e.getMessage() + ")");
    }
    byte[] manifestBytes = files.get(AuditPackFormat.MANIFEST);
    byte[] signature = files.get(AuditPackFormat.SIGNATURE);
    if (manifestBytes == null || signature == null) {
      return new Verdict(false, (manifestBytes == null ? AuditPackFormat.MANIFEST : AuditPackFormat.SIGNATURE) + ": missing");
    }
    if (!AuditHashes.signedBy(key, new String(manifestBytes, StandardCharsets.UTF_8), new String(signature, StandardCharsets.UTF_8).strip())) {
      return new Verdict(false, AuditPackFormat.MANIFEST + ": its signature in " + AuditPackFormat.SIGNATURE
          + " does not match (one of the two was changed, or the key is not the one that signed it)");
    }
    ObjectMapper json = new ObjectMapper();
    try {
      JsonNode sums = json.readTree(manifestBytes).path("files");
      for (var name : files.keySet()) {
        if (!name.equals(AuditPackFormat.MANIFEST) && !name.equals(AuditPackFormat.SIGNATURE) && !sums.has(name)) {
          return new Verdict(false, name + ": not in the manifest");
        }
      }
      for (var sum : sums.properties()) {
        byte[] bytes = files.get(sum.getKey());
        if (bytes == null) {
          return new Verdict(false, sum.getKey() + ": listed in the manifest but missing");
        }
        if (!AuditHashes.sha256(bytes).equals(sum.getValue().asText())) {
          return new Verdict(false, sum.getKey() + ": its SHA-256 does not match the manifest (the file was changed)");
        }
      }
      for (JsonNode c : json.readTree(files.get("checkpoints.json"))) {
        String text = AuditHashes.checkpointText(c.path("position").asLong(), c.path("entryId").asLong(),
            c.path("headHash").asText(), Instant.parse(c.path("at").asText()));
        if (!AuditHashes.signedBy(key, text, c.path("signature").asText())) {
          return new Verdict(false, "checkpoints.json: checkpoint " + c.path("id").asLong() + " is not signed with this key");
        }
      }
      List<List<String>> rows = AuditPackFormat.parseCsv(new String(files.get("entries.csv"), StandardCharsets.UTF_8));
      List<String> badLinks = new ArrayList<>();
      for (List<String> r : rows.subList(1, rows.size())) {
        String link = AuditHashes.link(r.get(7), Instant.parse(r.get(2)), r.get(3), r.get(4), r.get(5), r.get(6));
        if (!link.equals(r.get(8))) {
          badLinks.add(r.get(1));
        }
      }
      if (!badLinks.isEmpty()) {
        return new Verdict(false, "entries.csv: the chain link of entries " + badLinks + " does not match their content");
      }
      return new Verdict(true, (rows.size() - 1) + " entries, " + files.size() + " files, checkpoints signed with this key");
    } catch (IOException | RuntimeException e) {
      return new Verdict(false, "the pack is not in Settle's format (" + e.getMessage() + ")");
    }
  }
}
