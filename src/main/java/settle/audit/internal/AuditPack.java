package settle.audit.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import settle.audit.AuditHashes;
import settle.audit.AuditLog;
import settle.engine.DeployedModel;
import settle.engine.ModelDeployments;
import settle.audit.AuditPackFormat;

/**
 * The audit pack: a subject's or a period's entries (CSV and JSON) with their chain links, the models that act (the
 * BPMN and DMN this build deploys), every signed checkpoint (a fresh one written for this export), and a manifest of
 * SHA-256 sums signed with the audit key. {@link settle.audit.AuditPackVerifier} checks it with no database.
 */
@Component
public class AuditPack {

  public record Pack(String fileName, byte[] zip, int entries) {}

  private final JdbcTemplate jdbc;
  private final AuditCheckpoints checkpoints;
  private final AuditSigningKey key;
  private final AuditLog audit;
  private final ObjectMapper json;
  private final ModelDeployments deployments;

  AuditPack(JdbcTemplate jdbc, AuditCheckpoints checkpoints, AuditSigningKey key, AuditLog audit, ObjectMapper json,
            ModelDeployments deployments) {
    this.deployments = deployments;
    this.jdbc = jdbc;
    this.checkpoints = checkpoints;
    this.key = key;
    this.audit = audit;
    this.json = json.copy().enable(SerializationFeature.INDENT_OUTPUT);
  }

  /** Builds the pack and audits the export; subject, from and to may each be null (no restriction). */
  public Pack export(String subject, LocalDate from, LocalDate to, String exportedBy) {
    AuditCheckpoints.Checkpoint checkpoint = checkpoints.write("export");
    List<Map<String, Object>> rows = jdbc.queryForList("""
        select c.seq as position, e.id, e.at, e.actor, e.action, e.subject, e.details::text as details, c.prev_hash, c.hash
        from audit_entry e join audit_chain c on c.entry_id = e.id
        where (?::text is null or e.subject = ?) and (?::timestamptz is null or e.at >= ?) and (?::timestamptz is null or e.at < ?)
        order by c.seq""", subject, subject, start(from), start(from), start(to == null ? null : to.plusDays(1)),
        start(to == null ? null : to.plusDays(1)));

    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("entries.csv", csv(rows));
    files.put("entries.json", write(rows.stream().map(this::entryJson).toList()));
    models(files, start(from), start(to == null ? null : to.plusDays(1)));
    files.put("checkpoints.json", write(checkpoints.all()));
    Map<String, Object> manifest = new LinkedHashMap<>();
    manifest.put("subject", subject);
    manifest.put("from", from);
    manifest.put("to", to);
    manifest.put("exportedBy", exportedBy);
    manifest.put("checkpoint", checkpoint == null ? null : checkpoint.id());
    manifest.put("entries", rows.size());
    Map<String, String> sums = new LinkedHashMap<>();
    files.forEach((name, bytes) -> sums.put(name, AuditHashes.sha256(bytes)));
    manifest.put("files", sums);
    byte[] manifestBytes = write(manifest);
    files.put(AuditPackFormat.MANIFEST, manifestBytes);
    files.put(AuditPackFormat.SIGNATURE, AuditHashes.sign(key.key(), new String(manifestBytes, StandardCharsets.UTF_8))
        .getBytes(StandardCharsets.UTF_8));

    Map<String, Object> details = new LinkedHashMap<>();
    details.put("subject", subject);
    details.put("from", from == null ? null : from.toString());
    details.put("to", to == null ? null : to.toString());
    details.put("entries", rows.size());
    details.put("checkpoint", checkpoint == null ? null : checkpoint.id());
    details.put("manifestSha256", AuditHashes.sha256(manifestBytes));
    audit.record(exportedBy, "audit.pack-exported", subject == null ? "audit:trail" : subject, details);
    String name = "audit-pack-" + (subject == null ? "" : subject.replace(':', '-') + "-")
        + (from == null ? "start" : from) + "-to-" + (to == null ? "now" : to) + ".zip";
    return new Pack(name, zip(files), rows.size());
  }

  private static Timestamp start(LocalDate day) {
    return day == null ? null : Timestamp.from(day.atStartOfDay(ZoneOffset.UTC).toInstant());
  }

  private Map<String, Object> entryJson(Map<String, Object> row) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("position", row.get("position"));
    entry.put("id", row.get("id"));
    entry.put("at", ((Timestamp) row.get("at")).toInstant().toString());
    entry.put("actor", row.get("actor"));
    entry.put("action", row.get("action"));
    entry.put("subject", row.get("subject"));
    try {
      entry.put("details", json.readTree((String) row.get("details")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    entry.put("prevHash", row.get("prev_hash"));
    entry.put("hash", row.get("hash"));
    return entry;
  }

  /** The chain's exact text per entry (details as PostgreSQL keeps them), so the verifier can recompute every link. */
  private static byte[] csv(List<Map<String, Object>> rows) {
    StringBuilder out = new StringBuilder(String.join(",", AuditPackFormat.CSV_HEADER)).append("\r\n");
    for (Map<String, Object> row : rows) {
      List<String> cells = new ArrayList<>();
      cells.add(String.valueOf(row.get("position")));
      cells.add(String.valueOf(row.get("id")));
      cells.add(((Timestamp) row.get("at")).toInstant().toString());
      for (String column : List.of("actor", "action", "subject", "details", "prev_hash", "hash")) {
        cells.add(AuditPackFormat.csvCell((String) row.get(column)));
      }
      out.append(String.join(",", cells)).append("\r\n");
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Every version of every model that was in force at some moment of the period (all of them when it is open), exactly
   * as Settle deployed it, named with its engine version: {@code models/dmn/next-collection-action.v3.dmn}.
   */
  private void models(Map<String, byte[]> files, Timestamp from, Timestamp to) {
    for (DeployedModel current : deployments.current()) {
      List<DeployedModel> versions = deployments.history(current.resourceName()); // newest first
      for (int i = 0; i < versions.size(); i++) {
        DeployedModel version = versions.get(i);
        java.time.Instant supersededAt = i == 0 ? null : versions.get(i - 1).deployedAt();
        boolean inForce = (to == null || version.deployedAt().isBefore(to.toInstant()))
            && (from == null || supersededAt == null || supersededAt.isAfter(from.toInstant()));
        if (inForce) {
          String name = version.resourceName();
          int dot = name.lastIndexOf('.');
          String folder = name.endsWith(".bpmn") ? "bpmn/" : "dmn/";
          files.put("models/" + folder + name.substring(0, dot) + ".v" + version.version() + name.substring(dot),
              deployments.content(version.id()).getBytes(StandardCharsets.UTF_8));
        }
      }
    }
  }

  private byte[] write(Object value) {
    try {
      return json.writeValueAsBytes(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] zip(Map<String, byte[]> files) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (var file : files.entrySet()) {
        zip.putNextEntry(new ZipEntry(file.getKey()));
        zip.write(file.getValue());
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
