package settle.payments;

import java.math.BigDecimal;

/**
 * What an import did: the statement's id and format, its credit lines, how many were posted without a
 * person and that share ({@code matchRate}, 0–1). {@code alreadyImported} when the same file or
 * statement was imported before: nothing was posted again. {@code status} is MATCHING while the
 * match step is still running; counts are then those so far.
 */
public record StatementImport(long id, String format, int lines, int matched, BigDecimal matchRate, String status,
                              boolean alreadyImported) {}
