package settle.simulation;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Every random number one invoice's customer will ever need, drawn up front from a stream of its own: the seed, the
 * customer's key and the invoice's number within that customer. Two policies run on the same seed therefore meet the
 * same customers making the same choices, whatever each policy does first; what differs is only what the policy did.
 *
 * @param pay        picks the days to pay (an index into the customer's or their habit's history)
 * @param gaussian   a standard normal draw for the habit's lognormal when there is no history
 * @param contact    one uniform per contact, in the order the contacts come: below the response probability, the
 *                   customer pays after that contact
 * @param lag        one uniform per contact: how many days after the contact the payment comes
 * @param dispute    below the customer's dispute propensity, the invoice is disputed
 * @param disputeDay when, around the due date, the dispute is raised
 * @param reason     which reason the dispute gives
 * @param share      the disputed share of the amount
 * @param resolution whether the dispute ends in a credit memo, and how many days the investigation takes
 * @param promise    below the promise-kept rate, a promise made on a call is kept
 * @param answer     below the no-answer rate, the customer does not pick up the phone
 * @param partial    below the partial-payment rate, the payment comes in two parts
 * @param split      the first part's share of the amount
 * @param gap        the days between the two parts
 * @param investigation how many days the dispute's investigation takes
 * @param plan       below the plan-acceptance rate, the customer accepts a payment plan
 * @param manager    what the collections manager decides at an escalation
 * @param broughtForward below the chance that a contact before the due date brought an on-time day of the history
 *                   forward, the untouched day is a late one ({@link BehaviourModel#undoingPreDueContacts})
 * @param lateDay    which late day, then
 */
public record Draws(double pay, double gaussian, double[] contact, double[] lag, double dispute, double disputeDay,
                    double reason, double share, double resolution, double promise, double answer, double partial,
                    double split, double gap, double investigation, double plan, double manager, double broughtForward,
                    double lateDay) {

  /** Contacts beyond this many reuse the last draws: no cadence in sight sends more. */
  public static final int CONTACTS = 12;

  public static Draws of(long seed, String customerKey, int invoiceNo) {
    SplittableRandom random = new SplittableRandom(mix(seed, customerKey, invoiceNo));
    double pay = random.nextDouble();
    double gaussian = gaussian(random);
    double[] contact = new double[CONTACTS];
    double[] lag = new double[CONTACTS];
    for (int i = 0; i < CONTACTS; i++) {
      contact[i] = random.nextDouble();
      lag[i] = random.nextDouble();
    }
    return new Draws(pay, gaussian, contact, lag, random.nextDouble(), random.nextDouble(), random.nextDouble(),
        random.nextDouble(), random.nextDouble(), random.nextDouble(), random.nextDouble(), random.nextDouble(),
        random.nextDouble(), random.nextDouble(), random.nextDouble(), random.nextDouble(), random.nextDouble(),
        // drawn last, so every draw before them is what it was before they were added
        random.nextDouble(), random.nextDouble());
  }

  /** The customer's own stream: seed and key hashed together, so no customer's draws depend on another's. */
  public static SplittableRandom customerStream(long seed, String customerKey) {
    return new SplittableRandom(mix(seed, customerKey, -1));
  }

  public double contact(int index) {
    return contact[Math.min(index, CONTACTS - 1)];
  }

  public double lag(int index) {
    return lag[Math.min(index, CONTACTS - 1)];
  }

  private static long mix(long seed, String key, int invoiceNo) {
    long h = seed * 0x9E3779B97F4A7C15L;
    for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
      h = (h ^ b) * 0x100000001B3L;
    }
    h ^= invoiceNo * 0xC2B2AE3D27D4EB4FL;
    // splitmix64's finaliser spreads neighbouring keys over the whole range
    h = (h ^ (h >>> 30)) * 0xBF58476D1CE4E5B9L;
    h = (h ^ (h >>> 27)) * 0x94D049BB133111EBL;
    return h ^ (h >>> 31);
  }

  /** Box–Muller from two uniforms of the stream. */
  private static double gaussian(SplittableRandom random) {
    double u = 1 - random.nextDouble();
    double v = random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
}
