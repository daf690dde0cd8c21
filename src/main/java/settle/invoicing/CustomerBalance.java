package settle.invoicing;

import java.math.BigDecimal;

/** What a customer owes today, and how late the oldest unpaid invoice is (0 if none is late). */
public record CustomerBalance(BigDecimal openBalance, BigDecimal overdueAmount, int maxDaysPastDue) {}
