package settle.collections.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static settle.testdata.CustomerBuilder.aCustomer;
import static settle.testdata.OrderBuilder.anOrderFor;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import settle.customers.CustomerView;
import settle.invoicing.InvoiceView;
import settle.testdata.Journeys;
import settle.testdata.SettleTest;

/**
 * A step planned less than a day ahead is announced at the next quarter hour, so the steps one owner's loops plan
 * within a few minutes (a statement's payments, the demo company's start) come in one digest, not one mail each.
 */
@SettleTest
class LateHeadsUpsGatherTest {

  /** A stage the loops never reach, so the real collection loop of these invoices does not meet these steps. */
  private static final int STAGE = 9;

  @Autowired ApplicationContext context;
  @Autowired CollectionSteps steps;

  @Test
  void stepsPlannedLateWithinOneQuarterHourAreAnnouncedTogetherAtItsEnd() {
    Journeys journeys = new Journeys(context);
    CustomerView customer = journeys.customer(aCustomer());
    InvoiceView first = journeys.invoiced(anOrderFor(customer.id()).worth("100.00"));
    InvoiceView second = journeys.invoiced(anOrderFor(customer.id()).worth("200.00"));
    InvoiceView third = journeys.invoiced(anOrderFor(customer.id()).worth("300.00"));
    LocalDate today = journeys.today().plusDays(2);
    LocalDate stepDay = today.plusDays(1);

    journeys.advanceTo(at(customer, today, LocalTime.of(10, 7, 30)));
    CollectionSteps.Plan early = plan(first, stepDay);
    journeys.advanceTo(at(customer, today, LocalTime.of(10, 12, 10)));
    CollectionSteps.Plan later = plan(second, stepDay);
    journeys.advanceTo(at(customer, today, LocalTime.of(10, 14, 0)));
    CollectionSteps.Plan last = plan(third, stepDay);

    Instant quarter = at(customer, today, LocalTime.of(10, 15));
    Instant actionAt = at(customer, stepDay, LocalTime.of(9, 0));
    assertThat(Instant.parse(early.actionAt())).as("the step itself keeps its day and send hour").isEqualTo(actionAt);
    assertThat(Instant.parse(early.headsUpAt())).isEqualTo(quarter);
    assertThat(Instant.parse(later.headsUpAt())).isEqualTo(quarter);
    assertThat(Instant.parse(last.headsUpAt())).isEqualTo(quarter);
    // a redelivered planning job answers as the first delivery did, although the clock has moved on
    journeys.advanceTo(at(customer, today, LocalTime.of(10, 20)));
    assertThat(plan(first, stepDay).headsUpAt()).isEqualTo(early.headsUpAt());
  }

  @Test
  void aStepPlannedADayOrMoreAheadIsAnnouncedTwentyFourHoursBeforeIt() {
    Journeys journeys = new Journeys(context);
    CustomerView customer = journeys.customer(aCustomer());
    InvoiceView invoice = journeys.invoiced(anOrderFor(customer.id()).worth("100.00"));
    LocalDate today = journeys.today().plusDays(2);
    journeys.advanceTo(at(customer, today, LocalTime.of(10, 7, 30)));

    CollectionSteps.Plan plan = plan(invoice, today.plusDays(3));

    assertThat(Instant.parse(plan.headsUpAt())).isEqualTo(Instant.parse(plan.actionAt()).minus(24, ChronoUnit.HOURS));
  }

  private CollectionSteps.Plan plan(InvoiceView invoice, LocalDate day) {
    int offset = (int) ChronoUnit.DAYS.between(invoice.dueDate(), day);
    return steps.plan(invoice.id(), STAGE, "STANDARD", "FRIENDLY", new CollectionSteps.NextAction("OVERDUE_REMINDER", offset,
        "reminder-overdue", "EMAIL", "AR_TEAM", true, false), "test-plan:" + invoice.id(), 0);
  }

  private static Instant at(CustomerView customer, LocalDate day, LocalTime time) {
    return day.atTime(time).atZone(customer.zone()).toInstant();
  }
}
