package settle.metrics;

import java.math.BigDecimal;

/**
 * The amounts the ratios are made of, for one currency, period and group: receivables at the start (open at the end
 * of the day before {@code from}), invoiced in the period, receivables at the end, and the part of those not yet due.
 */
public record LedgerTotals(BigDecimal receivablesAtStart, BigDecimal invoiced, BigDecimal receivablesAtEnd,
                           BigDecimal notYetDueAtEnd, long invoicesIssued, long acceptedOnDayOne) {}
