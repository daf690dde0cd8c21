package settle.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import settle.audit.internal.AuditSigningKey;
import settle.testdata.Api;
import settle.testdata.SettleTest;

/** The audit pack over HTTP, and the offline verifier that needs nothing but the pack and the key. */
@SettleTest
class AuditPackTest {

  @LocalServerPort int port;
  @Autowired AuditLog audit;
  @Autowired AuditSigningKey key;

  private String subject() {
    String subject = "invoice:" + UUID.randomUUID().toString().substring(0, 8);
    audit.record("alice", "invoice.issued", subject, Map.of("total", "100.00", "note", "quotes \" and, commas\nand lines"));
    audit.record("bob", "invoice.reminded", subject, Map.of("step", 1));
    return subject;
  }

  @Test
  void thePackHoldsTheSubjectsEntriesModelsCheckpointsAndASignedManifestAndTheExportIsAudited() throws IOException {
    String subject = subject();
    Api.Response response = new Api(port).as("audrey").get("/api/audit/pack?subject=" + subject);

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.contentType()).startsWith("application/zip");
    Map<String, byte[]> files = unzip(response.bytes());
    assertThat(files).containsKeys("entries.csv", "entries.json", "checkpoints.json", "manifest.json", "manifest.sig");
    // the versions that were in force, exactly as deployed
    assertThat(files.keySet()).anyMatch(name -> name.matches("models/bpmn/invoice-collection\\.v\\d+\\.bpmn"))
        .anyMatch(name -> name.matches("models/dmn/next-collection-action\\.v\\d+\\.dmn"));
    String csv = new String(files.get("entries.csv"), StandardCharsets.UTF_8);
    assertThat(csv).contains("invoice.issued").contains("invoice.reminded").contains("alice").contains("bob");
    assertThat(AuditPackFormat.parseCsv(csv)).hasSize(3);
    assertThat(new String(files.get("manifest.json"), StandardCharsets.UTF_8)).contains("\"entries.csv\"")
        .contains(AuditHashes.sha256(files.get("entries.csv"))).contains("\"exportedBy\" : \"audrey\"");
    assertThat(audit.trail(subject)).extracting(AuditEntry::actor, AuditEntry::action)
        .contains(org.assertj.core.groups.Tuple.tuple("audrey", "audit.pack-exported"));
    assertThat(AuditPackVerifier.verify(response.bytes(), key.key()).accepted()).isTrue();
  }

  @Test
  void theOfflineVerifierAcceptsAnUntouchedPackAndRejectsAnyChangedByteNamingTheFile() throws IOException {
    byte[] pack = new Api(port).as("audrey").get("/api/audit/pack?subject=" + subject()).bytes();
    Path file = Files.createTempFile("pack", ".zip");
    Files.write(file, pack);
    assertThat(AuditPackVerifier.run(new String[] {"verify-audit-pack", file.toString(), "--key", key.key()})).isZero();

    for (String name : unzip(pack).keySet()) {
      Map<String, byte[]> files = unzip(pack);
      byte[] changed = files.get(name).clone();
      changed[changed.length / 2] ^= 1;
      files.put(name, changed);
      var verdict = AuditPackVerifier.verify(zip(files), key.key());
      assertThat(verdict.accepted()).as(name).isFalse();
      assertThat(verdict.message()).as(name).startsWith(name.equals("manifest.sig") ? "manifest.json" : name);
    }
    assertThat(AuditPackVerifier.verify(pack, "another-key-of-at-least-32-characters!").message())
        .startsWith("manifest.json: its signature");
    Files.write(file, damage(pack));
    assertThat(AuditPackVerifier.run(new String[] {"verify-audit-pack", file.toString(), "--key", key.key()})).isEqualTo(1);
  }

  private static byte[] damage(byte[] pack) throws IOException {
    Map<String, byte[]> files = unzip(pack);
    files.put("entries.json", "[]".getBytes(StandardCharsets.UTF_8));
    return zip(files);
  }

  private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
    Map<String, byte[]> files = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        files.put(e.getName(), in.readAllBytes());
      }
    }
    return files;
  }

  private static byte[] zip(Map<String, byte[]> files) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(bytes)) {
      for (var f : files.entrySet()) {
        out.putNextEntry(new ZipEntry(f.getKey()));
        out.write(f.getValue());
        out.closeEntry();
      }
    }
    return bytes.toByteArray();
  }
}
