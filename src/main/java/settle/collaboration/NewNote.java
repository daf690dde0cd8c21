package settle.collaboration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A note on a customer; {@code invoiceId} or {@code disputeId} narrows what it is about. */
public record NewNote(@NotBlank @Size(max = 4000) String body, Long invoiceId, Long disputeId) {}
