package settle.invoicing;

import java.math.BigDecimal;
import java.time.LocalDate;

/** An invoice with money still open; {@code earlyPaymentAmount} settles it if paid by {@code earlyDiscountDate}. */
public record OpenInvoice(long id, String number, long customerId, BigDecimal openAmount, String currency, LocalDate dueDate,
                          BigDecimal earlyPaymentAmount, LocalDate earlyDiscountDate) {}
