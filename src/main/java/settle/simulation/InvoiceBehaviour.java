package settle.simulation;

import java.time.LocalDate;

/**
 * One invoice's customer during a run: the day they would pay untouched, moved earlier by the contacts they answer.
 * All randomness is in the invoice's {@link Draws}, so the same invoice under another policy meets the same customer.
 */
public final class InvoiceBehaviour {

  /** What a collector hears on a call: REACHED, NO_ANSWER or PROMISE (with its date and whether it will be kept). */
  public record CallOutcome(String outcome, LocalDate promised, boolean kept) {}

  private final BehaviourModel model;
  private final Draws draws;
  private final LocalDate due;
  private final boolean disputes;
  private LocalDate payDate;
  private int contacts;

  public InvoiceBehaviour(BehaviourModel model, BehaviourModel.Profile profile, Draws draws, LocalDate due) {
    this.model = model;
    this.draws = draws;
    this.due = due;
    this.disputes = model.disputes(profile, draws);
    this.payDate = due.plusDays(model.untouchedDaysLate(profile, draws, disputes));
  }

  public LocalDate payDate() {
    return payDate;
  }

  /**
   * The day the first part comes when the customer pays in two parts ({@link BehaviourModel#firstPartShare}), the days
   * between the parts before the day they settle; null when they pay at once. Settling stays on {@link #payDate()}.
   */
  public LocalDate firstPartDate() {
    return model.firstPartShare(draws) < 1.0 ? payDate.minusDays(model.daysBetweenParts(draws)) : null;
  }

  public boolean disputes() {
    return disputes;
  }

  public LocalDate disputeDate() {
    return due.plusDays(model.disputeDay(draws));
  }

  public Draws draws() {
    return draws;
  }

  public int contacts() {
    return contacts;
  }

  /** A reminder or final notice reached the customer on {@code on}; they may pay a few days later. */
  public void contacted(Contact contact, LocalDate on) {
    int lag = model.answer(contact, contacts++, draws);
    if (lag >= 0) {
      payBy(on.plusDays(lag));
    }
  }

  /** A collector calls on {@code on}: a customer who answers the call promises to pay and keeps it or not. */
  public CallOutcome called(LocalDate on) {
    int index = contacts++;
    if (!model.picksUp(draws)) {
      return new CallOutcome("NO_ANSWER", null, false);
    }
    int lag = model.answer(Contact.CALL, index, draws);
    if (lag < 0) {
      return new CallOutcome("REACHED", null, false);
    }
    LocalDate promised = on.plusDays(lag);
    boolean kept = model.keepsPromise(draws);
    if (kept) {
      payBy(promised);
    }
    return new CallOutcome("PROMISE", promised, kept);
  }

  private void payBy(LocalDate day) {
    if (day.isBefore(payDate)) {
      payDate = day;
    }
  }
}
