package settle.disputes;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

public record DisputeView(long id, long invoiceId, long customerId, String reasonCode, BigDecimal amount, String currency,
                          String description, String raisedBy, String status, String team, int slaHours,
                          BigDecimal approvalLimit, String checklist, String outcome, BigDecimal creditAmount,
                          String rootCause, Instant createdAt, Instant resolvedAt, List<Attachment> attachments) {

  public record Attachment(long id, String filename, String contentType, long size) {}
}
