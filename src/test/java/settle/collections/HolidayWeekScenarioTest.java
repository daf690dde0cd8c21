package settle.collections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static settle.testdata.CustomerBuilder.aCustomer;
import static settle.testdata.OrderBuilder.anOrderFor;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import settle.customers.CustomerView;
import settle.invoicing.InvoiceView;
import settle.testdata.Api;
import settle.testdata.CalendarTest;
import settle.testdata.Journeys;
import settle.testdata.PageSession;

/**
 * The Christmas week with the calendar as shipped (and 31 December configured as a closing day): for two German
 * customers and one in New York, on the standard cadence (due-day reminder and the first overdue one, each with a
 * heads-up), every mail arrives at the minute expected and not a minute before: reminders on the customer's next
 * business day at 09:00 their time, heads-ups 24 hours before them (at the next quarter hour for a step planned later
 * than that).
 */
@CalendarTest
class HolidayWeekScenarioTest {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  @Autowired ApplicationContext context;
  @org.springframework.boot.test.web.server.LocalServerPort int port;
  @Autowired settle.audit.AuditLog audit;

  record Expected(String to, String subjectStart) {}

  @Test
  void remindersFallOnTheNextBusinessDayAtNineLocalAndHeadsUpsComeTwentyFourHoursBefore() throws Exception {
    Journeys journeys = new Journeys(context);
    int year = startOfDecemberLikeTwentyTwentySix(journeys);

    CustomerView dueOnChristmasEve = journeys.customer(aCustomer().rated("LOW").in("DE", "Europe/Berlin"));
    CustomerView dueBetweenTheHolidays = journeys.customer(aCustomer().rated("LOW").in("DE", "Europe/Berlin"));
    CustomerView inNewYork = journeys.customer(aCustomer().rated("LOW").in("US", "America/New_York"));
    InvoiceView a = invoicedDueOn(journeys, dueOnChristmasEve, LocalDate.of(year, 12, 24));
    InvoiceView b = invoicedDueOn(journeys, dueBetweenTheHolidays, LocalDate.of(year, 12, 29));
    InvoiceView c = invoicedDueOn(journeys, inNewYork, LocalDate.of(year, 12, 25));

    Map<Instant, List<Expected>> expected = new TreeMap<>();
    // Thursday 24 Dec is a business day in Germany: the due-day reminder goes then, its heads-up on Wednesday
    expect(expected, dueOnChristmasEve, LocalDate.of(year, 12, 24), BERLIN, "Due today: invoice " + a.number());
    // due + 3 is Sunday 27 Dec: Monday 28 Dec, announced on the Sunday
    expect(expected, dueOnChristmasEve, LocalDate.of(year, 12, 28), BERLIN, "Reminder: invoice " + a.number() + " is 4 days overdue");
    expect(expected, dueBetweenTheHolidays, LocalDate.of(year, 12, 29), BERLIN, "Due today: invoice " + b.number());
    // due + 3 is New Year's Day, then a weekend: Monday 4 Jan
    expect(expected, dueBetweenTheHolidays, LocalDate.of(year + 1, 1, 4), BERLIN,
        "Reminder: invoice " + b.number() + " is 6 days overdue");
    // Christmas Day, then a weekend, in New York too: Monday 28 Dec at 09:00 New York time
    expect(expected, inNewYork, LocalDate.of(year, 12, 28), NEW_YORK, "Reminder: invoice " + c.number() + " is 3 days overdue");
    // due + 3 is that same Monday; planned once Monday's went out, it moves to Tuesday 29 Dec 09:00 and, less than 24
    // hours ahead, is announced at the next quarter hour: the heads-up comes at 09:15, a quarter after Monday's reminder
    Instant mondayInNewYork = LocalDateTime.of(LocalDate.of(year, 12, 28), java.time.LocalTime.of(9, 0)).atZone(NEW_YORK).toInstant();
    expect(expected, inNewYork, LocalDate.of(year, 12, 29), NEW_YORK, "Reminder: invoice " + c.number() + " is 4 days overdue",
        mondayInNewYork.plus(Duration.ofMinutes(15)));

    // a week ahead, "who is being chased" says when the New York reminder goes out, in words and as an instant
    journeys.advanceTo(LocalDate.of(year, 12, 22).atTime(12, 0).toInstant(ZoneOffset.UTC));
    String sendsAt = LocalDateTime.of(LocalDate.of(year, 12, 28), java.time.LocalTime.of(9, 0)).atZone(NEW_YORK).toInstant().toString();
    String inWords = "Monday 28 December " + year + ", 09:00 New York time";
    var row = java.util.stream.StreamSupport.stream(new Api(port).as("demo").get("/api/chasing").body().spliterator(), false)
        .filter(r -> r.path("invoiceNumber").asText().equals(c.number())).findFirst().orElseThrow();
    assertThat(row.path("sendsAt").asText()).isEqualTo(sendsAt);
    assertThat(row.path("timeZone").asText()).isEqualTo("America/New_York");
    assertThat(row.path("sendsAtLocal").asText()).isEqualTo(inWords);
    assertThat(PageSession.signIn(port, "demo", "demo").get("/chasing").body()).contains(inWords);

    for (var moment : expected.entrySet()) {
      journeys.advanceTo(moment.getKey().minus(Duration.ofMinutes(1)));
      journeys.quiesce();
      for (Expected mail : moment.getValue()) {
        assertThat(journeys.subjectsTo(mail.to())).as("a minute before " + moment.getKey() + " to " + mail.to())
            .noneMatch(s -> s.startsWith(mail.subjectStart()));
      }
      journeys.advanceTo(moment.getKey().plus(Duration.ofMinutes(1)));
      for (Expected mail : moment.getValue()) {
        await().atMost(Journeys.PATIENCE).untilAsserted(() -> assertThat(arrived(journeys, mail))
            .as("a minute after " + moment.getKey() + " (now " + journeys.clock.instant() + ") to " + mail.to()
                + ": " + journeys.subjectsTo(mail.to()) + "; planned: " + planned(a, b, c)).hasSize(1));
        // its Date header (the business clock when it was written) is that minute, give or take the time it took
        assertThat(arrived(journeys, mail).getFirst().getSentDate().toInstant())
            .isBetween(moment.getKey(), moment.getKey().plus(Duration.ofMinutes(3)));
      }
    }
  }

  private static List<MimeMessage> arrived(Journeys journeys, Expected mail) {
    return journeys.mailsTo(mail.to()).stream().filter(m -> subject(m).startsWith(mail.subjectStart())).toList();
  }

  /** What the steps' planning recorded, for a failure to name. */
  private List<Object> planned(InvoiceView... invoices) {
    List<Object> all = new ArrayList<>();
    for (InvoiceView invoice : invoices) {
      audit.trail("invoice:" + invoice.id()).stream().filter(e -> e.action().startsWith("collections."))
          .forEach(e -> all.add(invoice.number() + " " + e.action() + " " + e.details()));
    }
    return all;
  }

  private static String subject(MimeMessage mail) {
    try {
      return mail.getSubject();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The mail to the customer at 09:00 on that day where they are, and the heads-up to the owner 24 hours before. */
  private static void expect(Map<Instant, List<Expected>> expected, CustomerView customer, LocalDate day, ZoneId zone,
                             String reminder) {
    Instant at = LocalDateTime.of(day, java.time.LocalTime.of(9, 0)).atZone(zone).toInstant();
    expect(expected, customer, day, zone, reminder, at.minus(Duration.ofHours(24)));
  }

  /** The same, announced at another moment than 24 hours before (a step planned later than that). */
  private static void expect(Map<Instant, List<Expected>> expected, CustomerView customer, LocalDate day, ZoneId zone,
                             String reminder, Instant headsUp) {
    Instant at = LocalDateTime.of(day, java.time.LocalTime.of(9, 0)).atZone(zone).toInstant();
    expected.computeIfAbsent(at, k -> new ArrayList<>()).add(new Expected(customer.apEmail(), reminder));
    expected.computeIfAbsent(headsUp, k -> new ArrayList<>())
        .add(new Expected(customer.accountOwnerEmail(), "Heads-up: 1 customer contact planned for " + inWords(day)));
  }

  private static InvoiceView invoicedDueOn(Journeys journeys, CustomerView customer, LocalDate due) {
    long net = ChronoUnit.DAYS.between(journeys.today(), due);
    InvoiceView invoice = journeys.invoiced(anOrderFor(customer.id()).worth("1200.00").terms("NET" + net));
    assertThat(invoice.dueDate()).isEqualTo(due);
    return invoice;
  }

  /**
   * Moves this context's fresh clock to 1 December 12:00 UTC of the first year from now whose December and January
   * fall on the weekdays of 2026's (Thursday 24 December), so the days above hold whenever the test runs.
   */
  private static int startOfDecemberLikeTwentyTwentySix(Journeys journeys) {
    int year = journeys.today().getYear();
    while (LocalDate.of(year, 12, 24).getDayOfWeek() != DayOfWeek.THURSDAY
        || !LocalDate.of(year, 12, 1).atTime(12, 0).toInstant(ZoneOffset.UTC).isAfter(journeys.clock.instant())) {
      year++;
    }
    // nothing is scheduled yet in this context, so one jump is as good as a day at a time
    journeys.clock.advance(Duration.between(journeys.clock.instant(), LocalDate.of(year, 12, 1).atTime(12, 0).toInstant(ZoneOffset.UTC)));
    journeys.quiesce();
    return year;
  }

  private static String inWords(java.time.LocalDate day) {
    return settle.testdata.Mails.day(day);
  }
}
