package settle.disputes.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import settle.disputes.DisputeView;
import settle.disputes.Evidence;

/** Checks and stores a dispute's attachments. */
@Component
public class DisputeEvidence {

  private final JdbcTemplate jdbc;
  private final Clock clock;

  DisputeEvidence(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public record Checked(String filename, String contentType, byte[] content, String sha256) {}

  public List<Checked> check(List<Evidence> files) {
    return EvidencePolicy.check(files);
  }

  public void store(long disputeId, List<Checked> files) {
    for (Checked f : files) {
      jdbc.update("insert into dispute_attachment(dispute_id, filename, content_type, size_bytes, sha256, content, created_at)"
              + " values (?, ?, ?, ?, ?, ?, ?)", disputeId, f.filename(), f.contentType(), f.content().length, f.sha256(),
          f.content(), Timestamp.from(clock.instant()));
    }
  }

  /** The attachments of these disputes, in one query. */
  public java.util.Map<Long, List<DisputeView.Attachment>> listed(java.util.Collection<Long> disputeIds) {
    java.util.Map<Long, List<DisputeView.Attachment>> byDispute = new java.util.HashMap<>();
    jdbc.query("select dispute_id, id, filename, content_type, size_bytes from dispute_attachment where dispute_id = any(?) order by id",
        rs -> {
          byDispute.computeIfAbsent(rs.getLong(1), k -> new java.util.ArrayList<>())
              .add(new DisputeView.Attachment(rs.getLong(2), rs.getString(3), rs.getString(4), rs.getLong(5)));
        }, (Object) disputeIds.toArray(Long[]::new));
    return byDispute;
  }

  public record Stored(String filename, byte[] content) {}

  public Stored load(long disputeId, long attachmentId) {
    return jdbc.query("select filename, content from dispute_attachment where dispute_id = ? and id = ?",
        (rs, i) -> new Stored(rs.getString(1), rs.getBytes(2)), disputeId, attachmentId).stream().findFirst()
        .orElseThrow(() -> new settle.common.NotFoundException("Attachment", attachmentId));
  }
}
