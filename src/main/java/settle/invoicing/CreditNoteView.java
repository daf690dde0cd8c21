package settle.invoicing;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A credit memo (its own document) or an adjustment (the invoice re-issued for less), settling a dispute;
 * {@code unabsorbed} is the part its invoice could not take because less was open, held for the customer.
 */
public record CreditNoteView(long id, String kind, String number, long invoiceId, long disputeId, BigDecimal amount,
                             String currency, String reason, LocalDate issuedOn, BigDecimal unabsorbed) {}
