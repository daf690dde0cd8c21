package settle.risk.internal;

import java.time.Clock;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import settle.risk.RiskRatings;

/**
 * Scores every customer once per business day: time alone changes the features (an invoice falls overdue, a broken
 * promise ages out of the year, tenure grows) and an override expires. It checks every so often whether the business
 * date moved, so it follows the demo clock too; a second run on the same day, or on another replica, writes nothing
 * new. The first run starts in the background once the application is ready, after the demo company is loaded, so the
 * demo is scored without making its start slower.
 */
@Component
class DailyRescoring {

  private static final Logger log = LoggerFactory.getLogger(DailyRescoring.class);

  private final RiskRatings ratings;
  private final Clock clock;
  private final boolean enabled;
  private LocalDate lastRun;

  DailyRescoring(RiskRatings ratings, Clock clock, @Value("${settle.risk.daily-rescoring:true}") boolean enabled) {
    this.ratings = ratings;
    this.clock = clock;
    this.enabled = enabled;
  }

  @EventListener(ApplicationReadyEvent.class)
  void afterStart() {
    if (enabled) {
      Thread.ofVirtual().name("risk-first-run").start(this::onANewBusinessDay);
    }
  }

  @Scheduled(fixedDelayString = "${settle.risk.date-check:PT5M}", initialDelayString = "${settle.risk.date-check:PT5M}")
  synchronized void onANewBusinessDay() {
    LocalDate today = LocalDate.now(clock);
    if (enabled && !today.equals(lastRun)) {
      long started = System.nanoTime();
      int scored = ratings.rescoreAll();
      lastRun = today;
      log.info("Risk scores of {} customers as of {} in {} ms", scored, today, (System.nanoTime() - started) / 1_000_000);
    }
  }
}
