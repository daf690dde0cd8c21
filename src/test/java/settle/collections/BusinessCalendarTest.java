package settle.collections;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The business calendar as shipped: weekends, jollyday's public holidays per country, closing days, the local send hour. */
class BusinessCalendarTest {

  static final Set<DayOfWeek> SAT_SUN = Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
  final BusinessCalendar calendar = new BusinessCalendar(new BusinessCalendar.Settings(SAT_SUN,
      Map.of("SA", Set.of(DayOfWeek.FRIDAY, DayOfWeek.SATURDAY)), true, Set.of(LocalDate.of(2026, 12, 31)), LocalTime.of(9, 0)));

  @Test
  void christmasAndNewYearAreNoBusinessDaysInGermanyButChristmasEveIs() {
    assertThat(calendar.isBusinessDay("DE", LocalDate.of(2026, 12, 24))).isTrue();
    assertThat(calendar.isBusinessDay("DE", LocalDate.of(2026, 12, 25))).isFalse();
    assertThat(calendar.isBusinessDay("DE", LocalDate.of(2026, 12, 26))).isFalse();
    assertThat(calendar.isBusinessDay("DE", LocalDate.of(2027, 1, 1))).isFalse();
    assertThat(calendar.onOrAfter("DE", LocalDate.of(2026, 12, 25))).isEqualTo(LocalDate.of(2026, 12, 28));
  }

  @Test
  void aConfiguredClosingDayCountsInEveryCountry() {
    assertThat(calendar.isBusinessDay("DE", LocalDate.of(2026, 12, 31))).isFalse();
    assertThat(calendar.isBusinessDay("US", LocalDate.of(2026, 12, 31))).isFalse();
    assertThat(calendar.onOrAfter("DE", LocalDate.of(2026, 12, 31))).isEqualTo(LocalDate.of(2027, 1, 4));
  }

  @Test
  void boxingDayObservedInBritainAndThanksgivingInTheUnitedStatesAreTheirsAlone() {
    // Boxing Day 2026 is a Saturday: Britain gives the Monday after instead
    assertThat(calendar.isBusinessDay("GB", LocalDate.of(2026, 12, 28))).isFalse();
    assertThat(calendar.isBusinessDay("DE", LocalDate.of(2026, 12, 28))).isTrue();
    assertThat(calendar.isBusinessDay("US", LocalDate.of(2026, 11, 26))).isFalse();
    assertThat(calendar.isBusinessDay("DE", LocalDate.of(2026, 11, 26))).isTrue();
  }

  @Test
  void aCountryWithAFridaySaturdayWeekendWorksOnSunday() {
    assertThat(calendar.isBusinessDay("SA", LocalDate.of(2026, 12, 4))).isFalse(); // Friday
    assertThat(calendar.isBusinessDay("SA", LocalDate.of(2026, 12, 6))).isTrue(); // Sunday
    assertThat(calendar.isBusinessDay("DE", LocalDate.of(2026, 12, 6))).isFalse();
  }

  @Test
  void theSendHourIsTheContactsLocalHour() {
    assertThat(calendar.sendTime(LocalDate.of(2026, 12, 28), ZoneId.of("Europe/Berlin")))
        .isEqualTo(Instant.parse("2026-12-28T08:00:00Z"));
    assertThat(calendar.sendTime(LocalDate.of(2026, 12, 28), ZoneId.of("America/New_York")))
        .isEqualTo(Instant.parse("2026-12-28T14:00:00Z"));
  }
}
