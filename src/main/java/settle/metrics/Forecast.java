package settle.metrics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Cash expected in the next 13 weeks (a week is seven days from {@code weekStart}), with a band, and how far the same
 * forecast made at past dates was from the cash that then arrived.
 */
public record Forecast(List<Week> weeks, Backtest backtest) {

  public record Week(LocalDate weekStart, BigDecimal expected, BigDecimal low, BigDecimal high) {}

  /**
   * Weekly MAPE: the mean of |forecast − actual| ÷ actual over the back-tested weeks in which cash arrived, in percent;
   * total error: (all forecast − all actual) ÷ all actual, in percent, signed (positive: the forecast expected too much).
   * Null when no back-tested week has elapsed or no cash arrived in any.
   */
  public record Backtest(BigDecimal weeklyMape, BigDecimal totalError) {}
}
