package settle.metrics;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The figures of one currency over one period ({@code from} to {@code to}, both included), for everything or for one
 * group ({@code by}: segment, account owner or collector). Day counts and percentages are rounded to one decimal; a
 * figure without a base (nothing invoiced, no promise due) is null, never zero.
 */
public record MetricsReport(
    @JsonInclude(JsonInclude.Include.NON_NULL) String group,
    String currency,
    LocalDate from,
    LocalDate to,
    BigDecimal dso,
    BigDecimal dsoCountback,
    BigDecimal bestPossibleDso,
    BigDecimal add,
    BigDecimal cei,
    Aging aging,
    BigDecimal promiseKeptRate,
    BigDecimal disputeAgingDays,
    List<CadenceResponse> cadenceResponse) {

  /** Open receivables at the end of the period by days past due. */
  public record Aging(BigDecimal current, @JsonProperty("1-30") BigDecimal days1To30, @JsonProperty("31-60") BigDecimal days31To60,
                      @JsonProperty("61-90") BigDecimal days61To90, @JsonProperty("90+") BigDecimal over90) {
    public BigDecimal total() {
      return current.add(days1To30).add(days31To60).add(days61To90).add(over90);
    }
  }

  /**
   * Reminder steps taken in the period with one template (or, without a mail, one action): how many, the share of
   * their invoices that received cash within 3, 7 and 14 days, and the share of announced steps someone held.
   */
  public record CadenceResponse(String template, long steps, BigDecimal paidWithin3Days, BigDecimal paidWithin7Days,
                                BigDecimal paidWithin14Days, BigDecimal headsUpHoldRate) {}
}
