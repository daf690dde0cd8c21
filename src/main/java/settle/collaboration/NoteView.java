package settle.collaboration;

import java.time.Instant;
import java.util.List;

public record NoteView(long id, long customerId, Long invoiceId, Long disputeId, String author, String body,
                       List<String> mentions, Instant createdAt) {}
