package settle.payments;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import settle.invoicing.InvoiceStatus;

public record PaymentView(long id, long invoiceId, String invoiceNumber, BigDecimal amount, String currency,
                          LocalDate valueDate, String reference, Instant receivedAt, BigDecimal invoiceOpenAmount,
                          InvoiceStatus invoiceStatus) {}
