package settle.collections;

import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Which days customer mails may go out on, per customer country: not on the weekend (Saturday and Sunday unless the
 * country's differs), not on the country's public holidays (jollyday's national calendar) and not on the company's
 * own closing days ({@code settle.calendar.*}). And at what moment: the configured local hour in the AP contact's zone.
 */
@Component
public class BusinessCalendar {

  private static final Logger log = LoggerFactory.getLogger(BusinessCalendar.class);

  /** The calendar's configuration; an empty weekend makes every day but holidays and closing days a business day. */
  public record Settings(Set<DayOfWeek> weekend, Map<String, Set<DayOfWeek>> weekends, boolean publicHolidays,
                         Set<LocalDate> closingDays, LocalTime sendHour) {}

  private final Settings settings;
  private final Map<String, Optional<HolidayManager>> holidays = new ConcurrentHashMap<>();

  public BusinessCalendar(Settings settings) {
    this.settings = settings;
  }

  @Autowired
  BusinessCalendar(Environment env) {
    this(fromEnvironment(env));
  }

  private static Settings fromEnvironment(Environment env) {
    Binder binder = Binder.get(env);
    Set<DayOfWeek> weekend = Set.copyOf(binder.bind("settle.calendar.weekend", Bindable.listOf(DayOfWeek.class)).orElse(List.of()));
    Map<String, Set<DayOfWeek>> weekends = new java.util.HashMap<>();
    binder.bind("settle.calendar.weekends", Bindable.mapOf(String.class, String.class)).orElse(Map.of())
        .forEach((country, days) -> weekends.put(country.toUpperCase(Locale.ROOT), days.isBlank() ? Set.of()
            : java.util.Arrays.stream(days.split(",")).map(d -> DayOfWeek.valueOf(d.strip().toUpperCase(Locale.ROOT)))
                .collect(java.util.stream.Collectors.toUnmodifiableSet())));
    boolean publicHolidays = binder.bind("settle.calendar.public-holidays", Boolean.class).orElse(true);
    Set<LocalDate> closing = Set.copyOf(binder.bind("settle.calendar.closing-days", Bindable.listOf(LocalDate.class)).orElse(List.of()));
    LocalTime sendHour = LocalTime.parse(env.getProperty("settle.collections.send-hour", "09:00"));
    return new Settings(weekend, Map.copyOf(weekends), publicHolidays, closing, sendHour);
  }

  /** Whether a customer in this country (ISO 3166 alpha-2) may receive a mail on this day. */
  public boolean isBusinessDay(String country, LocalDate day) {
    String code = country == null || country.isBlank() ? "DE" : country.toUpperCase(Locale.ROOT);
    if (settings.weekends().getOrDefault(code, settings.weekend()).contains(day.getDayOfWeek())) {
      return false;
    }
    if (settings.closingDays().contains(day)) {
      return false;
    }
    return !settings.publicHolidays() || holidaysOf(code).map(h -> !h.isHoliday(day, HolidayType.PUBLIC_HOLIDAY)).orElse(true);
  }

  /** The day itself when it is a business day, else the next one. */
  public LocalDate onOrAfter(String country, LocalDate day) {
    LocalDate d = day;
    // a year without a business day would be a configuration error; stop rather than loop for ever
    for (int i = 0; i < 366; i++, d = d.plusDays(1)) {
      if (isBusinessDay(country, d)) {
        return d;
      }
    }
    throw new IllegalStateException("No business day in " + country + " within a year of " + day);
  }

  /** The moment a mail for this business day goes out: the send hour on that day in the contact's zone. */
  public Instant sendTime(LocalDate businessDay, ZoneId zone) {
    return businessDay.atTime(settings.sendHour()).atZone(zone).toInstant();
  }

  private Optional<HolidayManager> holidaysOf(String country) {
    Optional<HolidayManager> known = holidays.get(country);
    return known != null ? known : loadHolidays(country);
  }

  /**
   * One country at a time: jollyday's first loads, started together on a cold JVM (the demo company starts its loops
   * many at once), failed now and then for some countries, which then had no public holidays until a restart.
   */
  private synchronized Optional<HolidayManager> loadHolidays(String country) {
    return holidays.computeIfAbsent(country, code -> {
      try {
        return Optional.of(HolidayManager.getInstance(ManagerParameters.create(code.toLowerCase(Locale.ROOT))));
      } catch (RuntimeException e) {
        log.warn("No public holiday calendar for country {}: only weekends and closing days count there ({})", code, e.toString());
        return Optional.empty();
      }
    });
  }
}
