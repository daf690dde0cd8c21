package settle.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import settle.disputes.ReasonCode;
import settle.risk.InvoiceFact;
import settle.simulation.BehaviourModel.Habit;
import settle.simulation.BehaviourModel.Profile;

/** Each behaviour model against figures worked out by hand in the test. */
class BehaviourModelTest {

  private static final LocalDate DUE = LocalDate.of(2026, 3, 2);

  /** Draws with every uniform at {@code u}, the normal draw at 0, then the fields a test needs set. */
  private static Draws draws(double u) {
    double[] contact = new double[Draws.CONTACTS];
    double[] lag = new double[Draws.CONTACTS];
    Arrays.fill(contact, u);
    Arrays.fill(lag, u);
    return new Draws(u, 0, contact, lag, u, u, u, u, u, u, u, u, u, u, u, u, u, u, u);
  }

  private static Draws with(Draws d, double pay, double gaussian, double[] contact, double[] lag, double dispute,
                            double answer, double promise) {
    return new Draws(pay, gaussian, contact, lag, dispute, d.disputeDay(), d.reason(), d.share(), d.resolution(), promise,
        answer, d.partial(), d.split(), d.gap(), d.investigation(), d.plan(), d.manager(), d.broughtForward(), d.lateDay());
  }

  private static InvoiceFact fact(String customer, int no, LocalDate issued, int daysToSettle, boolean disputed) {
    return new InvoiceFact(customer, customer + "-" + no, issued, issued.plusDays(30), issued.plusDays(daysToSettle),
        new BigDecimal("100.00"), disputed);
  }

  @Test
  void theSameSeedCustomerAndInvoiceDrawTheSameNumbersAndAnotherCustomerOthers() {
    Draws first = Draws.of(42, "ACME", 3);
    Draws again = Draws.of(42, "ACME", 3);
    assertThat(again.pay()).isEqualTo(first.pay());
    assertThat(again.contact(5)).isEqualTo(first.contact(5));
    assertThat(again.manager()).isEqualTo(first.manager());
    assertThat(Draws.of(42, "BETA", 3).pay()).isNotEqualTo(first.pay());
    assertThat(Draws.of(43, "ACME", 3).pay()).isNotEqualTo(first.pay());
    assertThat(Draws.of(42, "ACME", 4).pay()).isNotEqualTo(first.pay());
  }

  @Test
  void daysToPayComeFromTheCustomersOwnHistoryStretchedByPatience() {
    BehaviourModel model = BehaviourModel.priors();
    Profile own = new Profile("A", Habit.AVERAGE, new int[] {-2, 0, 3, 10, 20}, 0.0);
    // pay 0.5 picks index floor(0.5 * 5) = 2: 3 days late
    assertThat(model.untouchedDaysLate(own, draws(0.5), false)).isEqualTo(3);
    // pay 0.1 picks index 0: 2 days early, which patience does not stretch
    assertThat(model.withPatience(2).untouchedDaysLate(own, with(draws(0.5), 0.1, 0, new double[12], new double[12], 1, 1, 1), false))
        .isEqualTo(-2);
    assertThat(model.withPatience(2).untouchedDaysLate(own, draws(0.5), false)).isEqualTo(6);
  }

  @Test
  void withoutHistoryDaysToPayComeFromTheHabitsLognormalPrior() {
    // priors: AVERAGE is exp(ln 38 + 0.30 z) - 1 days from issue, less the 30-day term
    BehaviourModel model = BehaviourModel.priors();
    Profile newcomer = model.newcomer("N", Habit.AVERAGE);
    assertThat(model.untouchedDaysLate(newcomer, draws(0.5), false)).isEqualTo(37 - 30);
    Draws oneSigma = with(draws(0.5), 0.5, 1.0, new double[12], new double[12], 1, 1, 1);
    // 38 * e^0.3 - 1 = 38 * 1.34986 - 1 = 50.29 -> 50 days, 20 late
    assertThat(model.untouchedDaysLate(newcomer, oneSigma, false)).isEqualTo(20);
    // a disputed invoice of the priors is paid 10 days later
    assertThat(model.untouchedDaysLate(newcomer, oneSigma, true)).isEqualTo(30);
  }

  @Test
  void calibrationFitsHabitsProfilesDisputeRatesAndTheDisputeDelayFromTheHistory() {
    LocalDate jan = LocalDate.of(2012, 1, 2);
    List<InvoiceFact> history = new ArrayList<>();
    // P pays on time: 5 invoices settled 20..28 days after issue (2, 4, ... days before due); 1 disputed at day 50
    int[] p = {20, 22, 24, 26, 28};
    for (int i = 0; i < p.length; i++) {
      history.add(fact("P", i, jan.plusDays(7L * i), p[i], false));
    }
    history.add(fact("P", 9, jan, 50, true));
    // S pays late on all 3 invoices: 40, 50, 60 days after issue
    history.add(fact("S", 0, jan, 40, false));
    history.add(fact("S", 1, jan, 50, false));
    history.add(fact("S", 2, jan, 60, false));

    BehaviourModel model = BehaviourModel.calibrate(history, "hand-made history");

    // P: 1 late of 6 = 16.7 % -> PROMPT; S: 3 of 3 -> SLOW
    assertThat(model.profiles().get("P").habit()).isEqualTo(Habit.PROMPT);
    assertThat(model.profiles().get("S").habit()).isEqualTo(Habit.SLOW);
    assertThat(model.profiles().get("P").daysLate()).containsExactly(-10, -8, -6, -4, -2);
    // PROMPT's rate is 1 disputed of 6; P's shrunk rate (1 + 5 * 1/6) / (6 + 5) = 0.16667
    assertThat(model.profiles().get("P").disputeRate()).isCloseTo((1 + 5.0 / 6) / 11, within(1e-9));
    // S has no dispute of 3 and SLOW none: 0
    assertThat(model.profiles().get("S").disputeRate()).isZero();
    // disputed: 20 days late; undisputed mean (-10-8-6-4-2+10+20+30)/8 = 3.75; extra 16.25 days.
    // S has 3 invoices (< 5), and so has SLOW: the prior's SLOW lognormal, exp(ln 52) - 1 = 51 days, 21 late
    Profile s = model.profiles().get("S");
    assertThat(model.untouchedDaysLate(s, draws(0.5), false)).isEqualTo(21);
    assertThat(model.untouchedDaysLate(s, draws(0.5), true)).isEqualTo(21 + 16);
    // PROMPT has 5 undisputed invoices, -10 -8 -6 -4 -2 days late: a PROMPT customer with too little history of their
    // own draws one of them, pay 0.5 picking index floor(0.5 * 5) = 2, 6 days early; disputed, 16 days later: 10 late
    Profile x = model.newcomer("X", Habit.PROMPT);
    assertThat(model.untouchedDaysLate(x, draws(0.5), false)).isEqualTo(-6);
    assertThat(model.untouchedDaysLate(x, draws(0.5), true)).isEqualTo(-6 + 16);
    // none of PROMPT's undisputed invoices was late, so no draw is (a lognormal fitted to them put 11 % of the real
    // file's prompt payers past the due date)
    for (double pay : new double[] {0.0, 0.25, 0.79, 0.8, 0.999}) {
      assertThat(model.untouchedDaysLate(x, with(draws(0.5), pay, 3.0, new double[12], new double[12], 1, 1, 1), false))
          .as("pay %s", pay).isLessThanOrEqualTo(-2);
    }
    assertThat(model.describe()).contains("PROMPT", "drawn from its 5 undisputed invoices (median -6, 0.0 % late)",
        "SLOW", "lognormal", "a prior", "patience", "priors");
  }

  @Test
  void aDisputedInvoiceIsOneOfItsHabitsDisputedInvoicesAndASmallCustomerDrawsFromCustomersLikeThem() {
    LocalDate jan = LocalDate.of(2012, 1, 2);
    List<InvoiceFact> history = new ArrayList<>();
    // B, a big prompt payer: 6 undisputed invoices 10 days early, 5 disputed ones paid 25, 26, 27, 28 and 29 days after
    // issue (-5 to -1 days late: on time, where the undisputed days moved by the mean extra delay would be 10 days late)
    for (int i = 0; i < 6; i++) {
      history.add(fact("B", i, jan.plusDays(i), 20, false));
    }
    for (int i = 0; i < 5; i++) {
      history.add(fact("B", 10 + i, jan.plusDays(i), 25 + i, true));
    }
    // small prompt payers, one or two invoices each, 2 to 6 days early
    int[] small = {24, 25, 26, 27, 28};
    for (int i = 0; i < small.length; i++) {
      history.add(fact("S" + i, 0, jan, small[i], false));
    }
    BehaviourModel model = BehaviourModel.calibrate(history, "hand-made history");
    assertThat(model.profiles().get("B").habit()).isEqualTo(Habit.PROMPT);

    // disputed: PROMPT's disputed invoices sorted -5 -4 -3 -2 -1; pay 0.5 picks index 2, 3 days early
    Profile b = model.profiles().get("B");
    assertThat(model.untouchedDaysLate(b, draws(0.5), true)).isEqualTo(-3);
    assertThat(model.untouchedDaysLate(b, draws(0.5), false)).as("B's own undisputed invoices").isEqualTo(-10);
    // a customer with too little history draws from the small customers (-6 -5 -4 -3 -2), not from B's -10s, which
    // are most of the habit's invoices: pay 0.5 picks index 2, 4 days early
    assertThat(model.untouchedDaysLate(model.profiles().get("S0"), draws(0.5), false)).isEqualTo(-4);
    assertThat(model.untouchedDaysLate(model.newcomer("N", Habit.PROMPT), draws(0.1), false)).isEqualTo(-6);
    assertThat(model.describe()).contains("as one of its 5 disputed invoices (0.0 % late)");
  }

  @Test
  void onTimeDaysAContactBeforeTheDueDateBroughtForwardAreUndoneOnce() {
    LocalDate jan = LocalDate.of(2012, 1, 2);
    List<InvoiceFact> history = new ArrayList<>();
    // S paid 27, 35, 40, 50 and 60 days after issue: -3, 5, 10, 20, 30 days late; 4 of 5 late, SLOW
    int[] days = {27, 35, 40, 50, 60};
    for (int i = 0; i < days.length; i++) {
      history.add(fact("S", i, jan.plusDays(i), days[i], false));
    }
    BehaviourModel model = BehaviourModel.calibrate(history, "hand-made history");
    Profile s = model.profiles().get("S");
    assertThat(s.habit()).isEqualTo(Habit.SLOW);
    assertThat(model.untouchedDaysLate(s, draws(0.1), false)).as("as drawn, before any cadence").isEqualTo(-3);

    // SLOW's reminder a week before the due date moves 15 % of customers to pay within 7 days: all of them by the due
    // date. Untouched, u late of whom 85 % stay late leaves the history's 80 %: u = 0.8 / 0.85 = 0.941, and of the 20 %
    // on-time days (0.941 - 0.8) / 0.2 = 70.6 % were late ones brought forward
    BehaviourModel undone = model.undoingPreDueContacts(h -> h == Habit.SLOW
        ? List.of(new Calibration.Step(-7, Contact.REMINDER), new Calibration.Step(0, Contact.REMINDER))
        : List.of(new Calibration.Step(0, Contact.REMINDER)));
    // pay 0.1 picks -3; brought forward 0.1 < 0.706: one of the late days 5 10 20 30, late day 0.1 picking index 0
    assertThat(undone.untouchedDaysLate(s, draws(0.1), false)).isEqualTo(5);
    // brought forward 0.75 >= 0.706: the on-time day stays
    assertThat(undone.untouchedDaysLate(s, with(draws(0.75), 0.1, 0, new double[12], new double[12], 1, 1, 1), false)).isEqualTo(-3);
    // a late day is never touched
    assertThat(undone.untouchedDaysLate(s, draws(0.5), false)).isEqualTo(10);
    // the same history under a cadence with nothing before the due date: nothing to undo
    assertThat(model.undoingPreDueContacts(h -> List.of(new Calibration.Step(0, Contact.REMINDER)))
        .untouchedDaysLate(s, draws(0.1), false)).isEqualTo(-3);
    assertThat(undone.describe()).contains("SLOW 15.0 %", "PROMPT 0.0 %");
  }

  @Test
  void aReminderMovesTheCustomerToPayWithinItsLagWhenTheDrawFallsUnderTheResponseRate() {
    BehaviourModel model = BehaviourModel.priors();
    Profile own = new Profile("A", Habit.AVERAGE, new int[] {30, 30, 30, 30, 30}, 0.0);
    double[] contact = new double[12];
    double[] lag = new double[12];
    Arrays.fill(contact, 0.99);
    contact[1] = 0.10; // the second contact is answered (reminder rate 0.15)
    lag[1] = 0.5;      // 1 + floor(0.5 * 7) = 4 days later
    Draws d = with(draws(0.5), 0.5, 0, contact, lag, 1, 1, 1);
    InvoiceBehaviour b = new InvoiceBehaviour(model, own, d, DUE);
    assertThat(b.payDate()).isEqualTo(DUE.plusDays(30));
    b.contacted(Contact.REMINDER, DUE.plusDays(3));
    assertThat(b.payDate()).as("the first reminder's draw 0.99 is above 0.15").isEqualTo(DUE.plusDays(30));
    b.contacted(Contact.REMINDER, DUE.plusDays(14));
    assertThat(b.payDate()).isEqualTo(DUE.plusDays(18));
  }

  @Test
  void aCallIsUnansweredReachedOrEndsInAPromiseKeptOrBroken() {
    BehaviourModel model = BehaviourModel.priors();
    Profile own = new Profile("A", Habit.AVERAGE, new int[] {30, 30, 30, 30, 30}, 0.0);
    double[] contact = new double[12];
    double[] lag = new double[12];
    Arrays.fill(lag, 0.5); // call lag 1 + floor(0.5 * 5) = 3 days
    Arrays.fill(contact, 0.40); // under the call's 0.45

    InvoiceBehaviour silent = new InvoiceBehaviour(model, own, with(draws(0.5), 0.5, 0, contact, lag, 1, 0.1, 0.5), DUE);
    assertThat(silent.called(DUE.plusDays(21)).outcome()).isEqualTo("NO_ANSWER");

    InvoiceBehaviour keeps = new InvoiceBehaviour(model, own, with(draws(0.5), 0.5, 0, contact, lag, 1, 0.5, 0.5), DUE);
    InvoiceBehaviour.CallOutcome promise = keeps.called(DUE.plusDays(21));
    assertThat(promise).isEqualTo(new InvoiceBehaviour.CallOutcome("PROMISE", DUE.plusDays(24), true));
    assertThat(keeps.payDate()).isEqualTo(DUE.plusDays(24));

    InvoiceBehaviour breaks = new InvoiceBehaviour(model, own, with(draws(0.5), 0.5, 0, contact, lag, 1, 0.5, 0.9), DUE);
    assertThat(breaks.called(DUE.plusDays(21))).isEqualTo(new InvoiceBehaviour.CallOutcome("PROMISE", DUE.plusDays(24), false));
    assertThat(breaks.payDate()).as("a broken promise leaves the day they would have paid").isEqualTo(DUE.plusDays(30));

    Arrays.fill(contact, 0.5);
    InvoiceBehaviour reached = new InvoiceBehaviour(model, own, with(draws(0.5), 0.5, 0, contact, lag, 1, 0.5, 0.5), DUE);
    assertThat(reached.called(DUE.plusDays(21)).outcome()).isEqualTo("REACHED");
  }

  @Test
  void disputesComeAtTheCustomersRateWithAReasonAShareAndAnInvestigation() {
    BehaviourModel model = BehaviourModel.priors();
    Profile often = new Profile("D", Habit.SLOW, new int[0], 0.05);
    Draws d = draws(0.45);
    assertThat(model.disputes(often, d)).as("0.45 is above 0.05").isFalse();
    assertThat(model.disputes(often, with(d, 0.45, 0, new double[12], new double[12], 0.04, 1, 1))).isTrue();
    // -10 + floor(0.45 * 31) = -10 + 13 = 3 days after due
    assertThat(model.disputeDay(d)).isEqualTo(3);
    // PRICING up to 0.30, SHORT_SHIPMENT up to 0.50
    assertThat(model.reason(d)).isEqualTo(ReasonCode.SHORT_SHIPMENT);
    assertThat(model.disputedShare(ReasonCode.SHORT_SHIPMENT, d)).isCloseTo(0.2 + 0.8 * 0.45, within(1e-12));
    assertThat(model.disputedShare(ReasonCode.MISSING_PO, d)).isEqualTo(1.0);
    // credit memo under 0.40: 0.45 is not
    assertThat(model.disputeEndsInCreditMemo(d)).isFalse();
    assertThat(model.investigationDays(d)).isEqualTo(2 + 5);
  }

  @Test
  void partialPaymentsPlansAndTheManagersDecisionFollowTheirPriors() {
    BehaviourModel model = BehaviourModel.priors();
    Draws d = draws(0.05);
    // partial 0.05 under 0.10: first part 0.3 + 0.4 * 0.05 = 0.32, parts 7 + floor(0.05 * 15) = 7 days apart
    assertThat(model.firstPartShare(d)).isCloseTo(0.32, within(1e-12));
    assertThat(model.daysBetweenParts(d)).isEqualTo(7);
    assertThat(model.firstPartShare(draws(0.5))).isEqualTo(1.0);
    // the second part settles on the customer's day, 10 days late here; the first comes 7 days before it
    Profile own = new Profile("A", Habit.AVERAGE, new int[] {10, 10, 10, 10, 10}, 0.0);
    InvoiceBehaviour inParts = new InvoiceBehaviour(model, own, d, DUE);
    assertThat(inParts.payDate()).isEqualTo(DUE.plusDays(10));
    assertThat(inParts.firstPartDate()).isEqualTo(DUE.plusDays(3));
    // a reminder answered on day 1 (draw 0.05 under 0.15, 1 + floor(0.05 * 7) = 1 day later) moves both parts: the
    // customer settles on day 2, and the first part's day (-5) has passed, so everything comes on day 2
    inParts.contacted(Contact.REMINDER, DUE.plusDays(1));
    assertThat(inParts.payDate()).isEqualTo(DUE.plusDays(2));
    assertThat(inParts.firstPartDate()).isEqualTo(DUE.minusDays(5));
    assertThat(new InvoiceBehaviour(model, own, draws(0.5), DUE).firstPartDate()).as("paid at once").isNull();
    assertThat(model.acceptsPlan(draws(0.59))).isTrue();
    assertThat(model.acceptsPlan(draws(0.61))).isFalse();
    // agency under 0.15, a plan under 0.45, else continue
    assertThat(model.managerDecides(draws(0.1))).isEqualTo("AGENCY");
    assertThat(model.managerDecides(draws(0.3))).isEqualTo("PAYMENT_PLAN");
    assertThat(model.managerDecides(draws(0.5))).isEqualTo("CONTINUE");
  }

  @Test
  void patienceIsFittedSoTheHistoryReplayedUnderTheCadencePaysAsLateAsItDid() {
    LocalDate jan = LocalDate.of(2012, 1, 2);
    List<InvoiceFact> history = new ArrayList<>();
    for (int c = 0; c < 20; c++) {
      for (int i = 0; i < 8; i++) {
        history.add(fact("C" + c, i, jan.plusDays(14L * i), 25 + (c * 7 + i * 5) % 45, false));
      }
    }
    List<Calibration.Step> cadence = List.of(new Calibration.Step(3, Contact.REMINDER), new Calibration.Step(14, Contact.REMINDER),
        new Calibration.Step(21, Contact.CALL), new Calibration.Step(30, Contact.FINAL_NOTICE));
    BehaviourModel model = BehaviourModel.calibrate(history, "test");
    double observed = Calibration.meanDaysLate(history);
    double untouched = Calibration.replayedMeanDaysLate(model, history, h -> cadence, 7);
    assertThat(untouched).as("the contacts speed up payments the history already holds").isLessThan(observed);

    BehaviourModel fitted = Calibration.fitPatience(model, history, h -> cadence, 7);
    assertThat(fitted.patience()).isGreaterThan(1.0);
    assertThat(Calibration.replayedMeanDaysLate(fitted, history, h -> cadence, 7)).isCloseTo(observed, within(0.5));
  }
  @Test
  void aDisputeOfTheWholeAmountPausesTheReplayedDunningUntilTheDisputeTeamHasDecided() {
    BehaviourModel model = BehaviourModel.priors();
    Profile disputes = new Profile("D", Habit.SLOW, new int[] {40, 40, 40, 40, 40}, 1.0);
    List<Calibration.Step> cadence = List.of(new Calibration.Step(3, Contact.REMINDER), new Calibration.Step(14, Contact.REMINDER),
        new Calibration.Step(21, Contact.CALL), new Calibration.Step(30, Contact.FINAL_NOTICE));
    double[] unmoved = new double[Draws.CONTACTS];
    Arrays.fill(unmoved, 0.99); // no contact moves this customer: they pay 40 + 10 (disputed) days late whatever comes

    // raised on day -10 + floor(0.65 * 31) = 10, investigated 2 + floor(0.5 * 12) = 8 days: open from day 10 to day 18;
    // reason 0.70 is NOT_RECEIVED, the whole amount; resolution 0.90 is not under the credit memo's 0.40: rejected
    InvoiceBehaviour rejected = new InvoiceBehaviour(model, disputes, disputed(0.70, 0.90, unmoved), DUE);
    assertThat(rejected.payDate()).isEqualTo(DUE.plusDays(50));
    assertThat(Calibration.replay(model, rejected, DUE, cadence)).as("day 14's reminder waits for the rejection on day 18")
        .containsExactly(new Calibration.Step(3, Contact.REMINDER), new Calibration.Step(18, Contact.REMINDER),
            new Calibration.Step(21, Contact.CALL), new Calibration.Step(30, Contact.FINAL_NOTICE));

    // resolution 0.10 ends in a credit memo for the whole amount: nothing is left to collect after the dispute
    InvoiceBehaviour credited = new InvoiceBehaviour(model, disputes, disputed(0.70, 0.10, unmoved), DUE);
    assertThat(Calibration.replay(model, credited, DUE, cadence)).containsExactly(new Calibration.Step(3, Contact.REMINDER));

    // reason 0.10 is PRICING, part of the amount: the undisputed rest is dunned on the cadence's days
    InvoiceBehaviour partial = new InvoiceBehaviour(model, disputes, disputed(0.10, 0.90, unmoved), DUE);
    assertThat(Calibration.replay(model, partial, DUE, cadence)).extracting(Calibration.Step::dueOffset).containsExactly(3, 14, 21, 30);
  }

  private static Draws disputed(double reason, double resolution, double[] contact) {
    return new Draws(0.5, 0, contact, contact, 0.0, 0.65, reason, 0.5, resolution, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5);
  }
}
