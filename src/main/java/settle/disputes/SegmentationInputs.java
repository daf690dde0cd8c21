package settle.disputes;

import java.math.BigDecimal;
import java.util.Map;

/** What dmn/customer-segmentation.dmn reads about a customer, gathered the same way wherever it is evaluated. */
public record SegmentationInputs(String riskRating, BigDecimal customerOpenBalance, long tenureDays, int disputesLast12Months) {

  public Map<String, Object> asVariables() {
    return Map.of("riskRating", riskRating, "customerOpenBalance", customerOpenBalance, "tenureDays", tenureDays,
        "disputesLast12Months", disputesLast12Months);
  }
}
