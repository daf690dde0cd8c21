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

  public List<DisputeView.Attachment> listed(long disputeId) {
    return jdbc.query("select id, filename, content_type, size_bytes from dispute_attachment where dispute_id = ? order by id",
        (rs, i) -> new DisputeView.Attachment(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4)), disputeId);
  }

  public record Stored(String filename, byte[] content) {}

  public Stored load(long disputeId, long attachmentId) {
    return jdbc.query("select filename, content from dispute_attachment where dispute_id = ? and id = ?",
        (rs, i) -> new Stored(rs.getString(1), rs.getBytes(2)), disputeId, attachmentId).stream().findFirst()
        .orElseThrow(() -> new settle.common.NotFoundException("Attachment", attachmentId));
  }
}
