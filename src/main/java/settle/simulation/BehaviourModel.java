package settle.simulation;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import settle.disputes.ReasonCode;
import settle.risk.InvoiceFact;

/**
 * How customers behave, as docs/simulation.md describes it. Days to pay come from the customer's own history (an
 * invoice drawn at random from it) or, with too little history, from the history of the customers of the same habit
 * (likewise drawn); without any history, from a lognormal per habit (a prior); each contact (reminder, call, final notice) gives the customer a chance to pay a few days after it (the hazard
 * bump); disputes come at the customer's own rate. What the CSV cannot tell (response to contacts, promises, plans,
 * partial payments, dispute outcomes) are priors, printed as such.
 */
public final class BehaviourModel {

  /** Fewer undisputed settled invoices than this and a customer's days to pay come from their habit's. */
  public static final int MIN_HISTORY = 5;
  /** A customer's dispute rate is pulled towards their habit's as if this many invoices of the habit were added. */
  public static final int SHRINK = 5;

  /** Customers by how often they paid late: under 25 %, under 60 %, else. */
  public enum Habit {
    PROMPT, AVERAGE, SLOW;

    static Habit of(double lateShare) {
      return lateShare < 0.25 ? PROMPT : lateShare < 0.6 ? AVERAGE : SLOW;
    }

    /** The risk rating a customer of this habit is opened with, so the segmentation table places them as Settle would. */
    public String riskRating() {
      return switch (this) {
        case PROMPT -> "LOW";
        case AVERAGE -> "MEDIUM";
        case SLOW -> "HIGH";
      };
    }
  }

  /** One customer's behaviour: their days late (settled − due) of undisputed invoices, their dispute rate. */
  public record Profile(String key, Habit habit, int[] daysLate, double disputeRate) {}

  /** Days from issue to payment, {@code exp(mu + sigma·z) − 1}: the prior when there is no history. */
  public record Lognormal(double mu, double sigma) {
    public int daysToPay(double z) {
      return (int) Math.max(0, Math.round(Math.exp(mu + sigma * z) - 1));
    }
  }

  /** After a contact the customer pays with this probability, 1 to {@code maxLagDays} days later. */
  public record Response(double probability, int maxLagDays) {}

  /** What the CSV cannot say, each a documented prior. */
  public record Priors(Map<Contact, Response> responses, double noAnswer, double promiseKept, double planAcceptance,
                       double partialShare, double creditMemoShare, double agencyShare, double planOfferShare,
                       Map<ReasonCode, Double> reasons) {

    public static Priors standard() {
      Map<Contact, Response> responses = new EnumMap<>(Contact.class);
      responses.put(Contact.REMINDER, new Response(0.15, 7));
      responses.put(Contact.CALL, new Response(0.45, 5));
      responses.put(Contact.FINAL_NOTICE, new Response(0.35, 7));
      Map<ReasonCode, Double> reasons = new LinkedHashMap<>();
      reasons.put(ReasonCode.PRICING, 0.30);
      reasons.put(ReasonCode.SHORT_SHIPMENT, 0.20);
      reasons.put(ReasonCode.DAMAGED_GOODS, 0.15);
      reasons.put(ReasonCode.NOT_RECEIVED, 0.10);
      reasons.put(ReasonCode.MISSING_PO, 0.10);
      reasons.put(ReasonCode.DISCOUNT_NOT_APPLIED, 0.10);
      reasons.put(ReasonCode.OTHER, 0.05);
      return new Priors(responses, 0.30, 0.75, 0.60, 0.10, 0.40, 0.15, 0.30, reasons);
    }
  }

  private final Map<String, Profile> profiles;
  /**
   * Days late (settled − due) of the habit's undisputed invoices, sorted; empty without history. A lognormal fitted to
   * them misplaces the mass at the due date: prompt payers, who paid none of them late, would pay 11 % late.
   */
  private final Map<Habit, int[]> habitDaysLate;
  /**
   * Days late of the habit's disputed invoices, sorted; absent for a habit with fewer than {@link #MIN_HISTORY}. Moving
   * an undisputed draw by the disputed invoices' mean extra delay (11 days in the January–April 2012 file) made a prompt
   * payer's disputed invoice late one time in two, where the history's were late one time in seven: a dispute does not
   * delay every customer alike.
   */
  private final Map<Habit, int[]> habitDisputedDaysLate;
  private final Map<Habit, Lognormal> fallback;
  /**
   * Per habit, the chance that the cadence's contacts before the due date bring a payment that would be late forward to
   * the due date or before; empty until {@link #undoingPreDueContacts} (the priors' days come from no cadence).
   */
  private final Map<Habit, Double> preDueMoved;
  private final Map<Habit, Double> habitDisputeRate;
  private final Map<Habit, Double> habitShare;
  private final int historyTermDays;
  private final double disputedExtraDays;
  private final double patience;
  private final Priors priors;
  private final String source;

  BehaviourModel(Map<String, Profile> profiles, Map<Habit, int[]> habitDaysLate, Map<Habit, int[]> habitDisputedDaysLate,
                 Map<Habit, Lognormal> fallback, Map<Habit, Double> preDueMoved,
                 Map<Habit, Double> habitDisputeRate, Map<Habit, Double> habitShare, int historyTermDays, double disputedExtraDays,
                 double patience, Priors priors, String source) {
    this.profiles = profiles;
    this.habitDaysLate = habitDaysLate;
    this.habitDisputedDaysLate = habitDisputedDaysLate;
    this.fallback = fallback;
    this.preDueMoved = preDueMoved;
    this.habitDisputeRate = habitDisputeRate;
    this.habitShare = habitShare;
    this.historyTermDays = historyTermDays;
    this.disputedExtraDays = disputedExtraDays;
    this.patience = patience;
    this.priors = priors;
    this.source = source;
  }

  /**
   * Without history: payment habits of a typical B2B book (PROMPT customers pay around the due date, SLOW ones three
   * weeks late), half of them prompt. Every figure is a prior.
   */
  public static BehaviourModel priors() {
    Map<Habit, Lognormal> fallback = new EnumMap<>(Habit.class);
    fallback.put(Habit.PROMPT, new Lognormal(Math.log(28), 0.25));
    fallback.put(Habit.AVERAGE, new Lognormal(Math.log(38), 0.30));
    fallback.put(Habit.SLOW, new Lognormal(Math.log(52), 0.35));
    return new BehaviourModel(Map.of(), Map.of(), Map.of(), fallback, Map.of(),
        Map.of(Habit.PROMPT, 0.02, Habit.AVERAGE, 0.04, Habit.SLOW, 0.08), Map.of(Habit.PROMPT, 0.5, Habit.AVERAGE, 0.35, Habit.SLOW, 0.15),
        30, 10, 1.0, Priors.standard(), "priors (no history)");
  }

  /** Fitted on settled invoices of the history: profiles per customer, days late and dispute rates per habit. */
  public static BehaviourModel calibrate(List<InvoiceFact> history, String source) {
    List<InvoiceFact> settled = history.stream().filter(f -> f.settled() != null).toList();
    if (settled.isEmpty()) {
      throw new IllegalArgumentException("The history has no settled invoice to learn from");
    }
    Map<String, List<InvoiceFact>> byCustomer = settled.stream()
        .collect(Collectors.groupingBy(InvoiceFact::customerId, LinkedHashMap::new, Collectors.toList()));
    Map<String, Habit> habits = new LinkedHashMap<>();
    byCustomer.forEach((key, facts) ->
        habits.put(key, Habit.of((double) facts.stream().filter(InvoiceFact::paidLate).count() / facts.size())));

    Map<Habit, List<Integer>> daysLate = new EnumMap<>(Habit.class);
    Map<Habit, List<Integer>> fewDaysLate = new EnumMap<>(Habit.class);
    Map<String, Long> undisputedOf = settled.stream().filter(f -> !f.disputed())
        .collect(Collectors.groupingBy(InvoiceFact::customerId, Collectors.counting()));
    Map<Habit, List<Integer>> disputedDaysLate = new EnumMap<>(Habit.class);
    Map<Habit, int[]> disputes = new EnumMap<>(Habit.class); // {disputed, all}
    for (Habit h : Habit.values()) {
      daysLate.put(h, new ArrayList<>());
      fewDaysLate.put(h, new ArrayList<>());
      disputedDaysLate.put(h, new ArrayList<>());
      disputes.put(h, new int[2]);
    }
    double lateDisputed = 0, lateUndisputed = 0;
    int nDisputed = 0, nUndisputed = 0;
    for (InvoiceFact f : settled) {
      Habit h = habits.get(f.customerId());
      disputes.get(h)[1]++;
      long late = ChronoUnit.DAYS.between(f.due(), f.settled());
      if (f.disputed()) {
        disputes.get(h)[0]++;
        disputedDaysLate.get(h).add((int) late);
        lateDisputed += late;
        nDisputed++;
      } else {
        daysLate.get(h).add((int) late);
        if (undisputedOf.get(f.customerId()) < MIN_HISTORY) {
          fewDaysLate.get(h).add((int) late);
        }
        lateUndisputed += late;
        nUndisputed++;
      }
    }
    Map<Habit, int[]> pooled = new EnumMap<>(Habit.class);
    Map<Habit, int[]> pooledDisputed = new EnumMap<>(Habit.class);
    Map<Habit, Double> habitRate = new EnumMap<>(Habit.class);
    Map<Habit, Double> share = new EnumMap<>(Habit.class);
    BehaviourModel base = priors();
    for (Habit h : Habit.values()) {
      // the pool serves customers with too little history of their own: drawn from customers like them (whose habit was
      // read off as few invoices), not from the habit's customers with many, whom the habit's invoices are mostly of
      List<Integer> pool = fewDaysLate.get(h).size() >= MIN_HISTORY ? fewDaysLate.get(h) : daysLate.get(h);
      if (pool.size() >= MIN_HISTORY) {
        pooled.put(h, pool.stream().mapToInt(Integer::intValue).sorted().toArray());
      }
      if (disputedDaysLate.get(h).size() >= MIN_HISTORY) {
        pooledDisputed.put(h, disputedDaysLate.get(h).stream().mapToInt(Integer::intValue).sorted().toArray());
      }
      int[] d = disputes.get(h);
      habitRate.put(h, d[1] == 0 ? base.habitDisputeRate.get(h) : (double) d[0] / d[1]);
      share.put(h, (double) habits.values().stream().filter(x -> x == h).count() / habits.size());
    }
    Map<String, Profile> profiles = new LinkedHashMap<>();
    byCustomer.forEach((key, facts) -> {
      Habit h = habits.get(key);
      int[] late = facts.stream().filter(f -> !f.disputed())
          .mapToInt(f -> (int) ChronoUnit.DAYS.between(f.due(), f.settled())).toArray();
      long disputed = facts.stream().filter(InvoiceFact::disputed).count();
      double rate = (disputed + SHRINK * habitRate.get(h)) / (facts.size() + SHRINK);
      profiles.put(key, new Profile(key, h, late, rate));
    });
    int term = (int) Math.round(settled.stream().mapToLong(f -> ChronoUnit.DAYS.between(f.issued(), f.due())).average().orElse(30));
    double extra = nDisputed == 0 || nUndisputed == 0 ? base.disputedExtraDays
        : Math.max(0, lateDisputed / nDisputed - lateUndisputed / nUndisputed);
    return new BehaviourModel(profiles, pooled, pooledDisputed, base.fallback, Map.of(), habitRate, share, term, extra, 1.0,
        Priors.standard(), source);
  }

  /** The same model with late payments stretched by {@code factor} (see {@link Calibration}). */
  public BehaviourModel withPatience(double factor) {
    return new BehaviourModel(profiles, habitDaysLate, habitDisputedDaysLate, fallback, preDueMoved, habitDisputeRate, habitShare,
        historyTermDays, disputedExtraDays, factor, priors, source);
  }

  public BehaviourModel withPriors(Priors other) {
    return new BehaviourModel(profiles, habitDaysLate, habitDisputedDaysLate, fallback, preDueMoved, habitDisputeRate, habitShare,
        historyTermDays, disputedExtraDays, patience, other, source);
  }

  /**
   * The history's days were observed under some cadence (the calibration takes it to be the one replayed), and its
   * contacts before the due date made some payments that would have been late come on time: those are among the
   * history's on-time days already. Drawn as untouched days and replayed under the cadence, the same contacts would
   * bring a share of the late draws forward once more, and the simulation would pay on time more often than the history
   * did (a slow payer's reminder a week before the due date, 15 % of them answering within 7 days, took about 5 points
   * off the late share of the January–April 2012 file). The patience factor cannot undo that: it stretches late days, it
   * makes none late. So an on-time draw is, with the probability that it was one of those brought forward, one of the
   * pool's late days instead ({@link #untouchedDaysLate}).
   */
  public BehaviourModel undoingPreDueContacts(java.util.function.Function<Habit, List<Calibration.Step>> cadence) {
    Map<Habit, Double> moved = new EnumMap<>(Habit.class);
    for (Habit h : Habit.values()) {
      double unmoved = 1;
      for (Calibration.Step step : cadence.apply(h)) {
        if (step.dueOffset() < 0) {
          Response r = priors.responses().get(step.contact());
          // a customer who answers pays 1 to maxLagDays days after the contact: by the due date when the lag is at most
          // the days the contact came before it; a call moves them only when they pick up and keep their promise
          double answers = r.probability() * (step.contact() == Contact.CALL ? (1 - priors.noAnswer()) * priors.promiseKept() : 1);
          unmoved *= 1 - answers * Math.min(1.0, (double) -step.dueOffset() / r.maxLagDays());
        }
      }
      moved.put(h, 1 - unmoved);
    }
    return new BehaviourModel(profiles, habitDaysLate, habitDisputedDaysLate, fallback, moved, habitDisputeRate, habitShare,
        historyTermDays, disputedExtraDays, patience, priors, source);
  }

  public Map<String, Profile> profiles() {
    return profiles;
  }

  public Priors priorsInUse() {
    return priors;
  }

  public double patience() {
    return patience;
  }

  public Map<Habit, Double> habitShare() {
    return habitShare;
  }

  /** A customer with no history of their own: their habit's lognormal and dispute rate. */
  public Profile newcomer(String key, Habit habit) {
    return new Profile(key, habit, new int[0], habitDisputeRate.get(habit));
  }

  /** The habit of a generated customer, from its own uniform draw over the habit mix. */
  public Habit habitFor(double u) {
    double cumulative = 0;
    for (Habit h : Habit.values()) {
      cumulative += habitShare.getOrDefault(h, 0.0);
      if (u < cumulative) {
        return h;
      }
    }
    return Habit.SLOW;
  }

  /**
   * Days from the due date to the payment the customer would make if nobody contacted them: a disputed invoice is one
   * of their habit's disputed invoices; otherwise one of their own undisputed invoices, else one of their habit's, else
   * (no history) their habit's lognormal (days from issue, less the history's payment term), a disputed one (without
   * disputed history) adding the history's extra delay of disputed invoices; lateness is stretched by the patience factor.
   */
  public int untouchedDaysLate(Profile profile, Draws draws, boolean disputed) {
    int late;
    int[] habit = habitDaysLate.get(profile.habit());
    int[] habitDisputed = habitDisputedDaysLate.get(profile.habit());
    if (disputed && habitDisputed != null) {
      late = beforePreDueContacts(habitDisputed, habitDisputed[(int) (draws.pay() * habitDisputed.length)], profile.habit(), draws);
      return late > 0 ? (int) Math.round(late * patience) : late;
    }
    if (profile.daysLate().length >= MIN_HISTORY) {
      late = beforePreDueContacts(profile.daysLate(), profile.daysLate()[(int) (draws.pay() * profile.daysLate().length)],
          profile.habit(), draws);
    } else if (habit != null) {
      late = beforePreDueContacts(habit, habit[(int) (draws.pay() * habit.length)], profile.habit(), draws);
    } else {
      late = fallback.get(profile.habit()).daysToPay(draws.gaussian()) - historyTermDays;
    }
    if (disputed) {
      late += (int) Math.round(disputedExtraDays);
    }
    return late > 0 ? (int) Math.round(late * patience) : late;
  }

  /**
   * An on-time day drawn from {@code pool}, or, with the probability that a contact before the due date brought it
   * forward, one of the pool's late days: of the untouched late share u, the contacts leave u·(1 − moved) late, which is
   * the pool's share, so u = share ÷ (1 − moved), and (u − share) ÷ (1 − share) of the on-time days were late untouched.
   */
  private int beforePreDueContacts(int[] pool, int drawn, Habit habit, Draws draws) {
    double moved = preDueMoved.getOrDefault(habit, 0.0);
    if (drawn > 0 || moved == 0) {
      return drawn;
    }
    int[] late = java.util.Arrays.stream(pool).filter(d -> d > 0).toArray();
    if (late.length == 0) {
      return drawn;
    }
    double share = (double) late.length / pool.length;
    double untouched = Math.min(1, share / (1 - moved));
    double broughtForward = (untouched - share) / (1 - share);
    return draws.broughtForward() < broughtForward ? late[(int) (draws.lateDay() * late.length)] : drawn;
  }

  public boolean disputes(Profile profile, Draws draws) {
    return draws.dispute() < profile.disputeRate();
  }

  /** The day, relative to the due date, the customer raises their dispute: from 10 days before to 20 after. */
  public int disputeDay(Draws draws) {
    return -10 + (int) (draws.disputeDay() * 31);
  }

  public ReasonCode reason(Draws draws) {
    double cumulative = 0;
    for (var e : priors.reasons().entrySet()) {
      cumulative += e.getValue();
      if (draws.reason() < cumulative) {
        return e.getKey();
      }
    }
    return ReasonCode.OTHER;
  }

  /** The disputed share of the amount: the whole for goods not received, a missing PO or a duplicate, else 20–100 %. */
  public double disputedShare(ReasonCode reason, Draws draws) {
    return switch (reason) {
      case NOT_RECEIVED, MISSING_PO, DUPLICATE_BILLING -> 1.0;
      default -> 0.2 + 0.8 * draws.share();
    };
  }

  public boolean disputeEndsInCreditMemo(Draws draws) {
    return draws.resolution() < priors.creditMemoShare();
  }

  /** Days the dispute team takes to investigate: 2 to 13. */
  public int investigationDays(Draws draws) {
    return 2 + (int) (draws.investigation() * 12);
  }

  /** Days after the {@code index}th contact the customer pays, or -1 when this contact does not move them. */
  public int answer(Contact contact, int index, Draws draws) {
    Response r = priors.responses().get(contact);
    return draws.contact(index) < r.probability() ? 1 + (int) (draws.lag(index) * r.maxLagDays()) : -1;
  }

  public boolean picksUp(Draws draws) {
    return draws.answer() >= priors.noAnswer();
  }

  public boolean keepsPromise(Draws draws) {
    return draws.promise() < priors.promiseKept();
  }

  public boolean acceptsPlan(Draws draws) {
    return draws.plan() < priors.planAcceptance();
  }

  /** The first part's share when the customer pays in two parts, else 1. */
  public double firstPartShare(Draws draws) {
    return draws.partial() < priors.partialShare() ? 0.3 + 0.4 * draws.split() : 1.0;
  }

  /**
   * Days between the two parts of a split payment: 7 to 21. The second part is the one that settles the invoice, on the
   * customer's day: the history's settled dates already are the days the last part came, so the first comes earlier.
   */
  public int daysBetweenParts(Draws draws) {
    return 7 + (int) (draws.gap() * 15);
  }

  /** What the simulated collections manager decides at an escalation. */
  public String managerDecides(Draws draws) {
    return draws.manager() < priors.agencyShare() ? "AGENCY"
        : draws.manager() < priors.agencyShare() + priors.planOfferShare() ? "PAYMENT_PLAN" : "CONTINUE";
  }

  /** The parameters in words for the report: what, its value, and whether the history or an assumption set it. */
  public List<String[]> parameters() {
    boolean fitted = !profiles.isEmpty();
    String from = fitted ? "payment history" : "assumption";
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"Customers with their own payment history", String.format(Locale.ROOT, "%d (%d with at least %d undisputed invoices)",
        profiles.size(), profiles.values().stream().filter(p -> p.daysLate().length >= MIN_HISTORY).count(), MIN_HISTORY), from});
    Map<Habit, String> words = Map.of(Habit.PROMPT, "Prompt payers (under 25 % paid late)",
        Habit.AVERAGE, "Average payers (25 to 60 % paid late)", Habit.SLOW, "Slow payers (over 60 % paid late)");
    for (Habit h : Habit.values()) {
      rows.add(new String[] {words.get(h), String.format(Locale.ROOT, "%.0f %% of customers; %s; %.1f %% disputed",
          100 * habitShare.getOrDefault(h, 0.0), daysToPayInWords(h), 100 * habitDisputeRate.get(h)), from});
    }
    rows.add(new String[] {"A disputed invoice is paid", habitDisputedDaysLate.isEmpty()
        ? String.format(Locale.ROOT, "%.1f days later", disputedExtraDays)
        : "as one of its habit's disputed invoices was" + (habitDisputedDaysLate.size() < Habit.values().length
            ? String.format(Locale.ROOT, " (%.1f days later than undisputed without them)", disputedExtraDays) : ""), from});
    if (!preDueMoved.isEmpty()) {
      rows.add(new String[] {"Late payments a contact before the due date brings on time (the history's on-time days hold them)",
          preDueMoved.entrySet().stream().map(e -> String.format(Locale.ROOT, "%s %.1f %%", e.getKey(), 100 * e.getValue()))
              .collect(Collectors.joining(", ")), "calibration"});
    }
    rows.add(new String[] {"Late days stretched to match the history under the cadence", String.format(Locale.ROOT, "× %.2f", patience),
        fitted ? "calibration" : "assumption"});
    Map<Contact, String> contact = Map.of(Contact.REMINDER, "A reminder moves a customer to pay", Contact.CALL,
        "A call they answer moves them to promise", Contact.FINAL_NOTICE, "A final notice moves a customer to pay");
    priors.responses().forEach((c, r) -> rows.add(new String[] {contact.get(c),
        String.format(Locale.ROOT, "%.0f %%, within %d days", 100 * r.probability(), r.maxLagDays()), "assumption"}));
    rows.add(new String[] {"Calls not answered", String.format(Locale.ROOT, "%.0f %%", 100 * priors.noAnswer()), "assumption"});
    rows.add(new String[] {"Promises kept", String.format(Locale.ROOT, "%.0f %%", 100 * priors.promiseKept()), "assumption"});
    rows.add(new String[] {"Payment plans accepted", String.format(Locale.ROOT, "%.0f %%", 100 * priors.planAcceptance()), "assumption"});
    rows.add(new String[] {"Payments made in two parts", String.format(Locale.ROOT, "%.0f %%", 100 * priors.partialShare()), "assumption"});
    rows.add(new String[] {"Disputes ending in a credit memo", String.format(Locale.ROOT, "%.0f %%", 100 * priors.creditMemoShare()), "assumption"});
    return rows;
  }

  private String daysToPayInWords(Habit h) {
    int[] pool = habitDaysLate.get(h);
    if (pool == null) {
      return String.format(Locale.ROOT, "typically pay %d days after issue", fallback.get(h).daysToPay(0));
    }
    int median = pool[pool.length / 2];
    return String.format(Locale.ROOT, "typically pay %d days %s the due date, %.0f %% late", Math.abs(median), median < 0 ? "before" : "after",
        100.0 * lateShare(pool));
  }

  private String disputedInWords() {
    StringBuilder words = new StringBuilder();
    for (Habit h : Habit.values()) {
      int[] pool = habitDisputedDaysLate.get(h);
      words.append(words.isEmpty() ? "" : ", ").append(h).append(' ').append(pool == null
          ? String.format(Locale.ROOT, "%.1f days later than undisputed", disputedExtraDays)
          : String.format(Locale.ROOT, "as one of its %d disputed invoices (%.1f %% late)", pool.length, 100.0 * lateShare(pool)));
    }
    return words.toString();
  }

  private static double lateShare(int[] daysLate) {
    return (double) java.util.Arrays.stream(daysLate).filter(d -> d > 0).count() / daysLate.length;
  }

  /** The calibrated parameters, as printed before a run. */
  public String describe() {
    StringBuilder out = new StringBuilder();
    out.append("Behaviour model from ").append(source).append('\n');
    out.append(String.format(Locale.ROOT, "  customers with their own history: %d (at least %d undisputed invoices: %d)%n",
        profiles.size(), MIN_HISTORY, profiles.values().stream().filter(p -> p.daysLate().length >= MIN_HISTORY).count()));
    for (Habit h : Habit.values()) {
      int[] pool = habitDaysLate.get(h);
      Lognormal l = fallback.get(h);
      String days = pool != null
          ? String.format(Locale.ROOT, "days late drawn from its %d undisputed invoices (median %d, %.1f %% late)", pool.length,
              pool[pool.length / 2], 100.0 * lateShare(pool))
          : String.format(Locale.ROOT, "days to pay lognormal mu %.3f sigma %.3f (median %d days from issue), a prior", l.mu(), l.sigma(),
              l.daysToPay(0));
      out.append(String.format(Locale.ROOT, "  %-8s share %4.1f %%  %s  disputes %.1f %%%n",
          h, 100 * habitShare.getOrDefault(h, 0.0), days, 100 * habitDisputeRate.get(h)));
    }
    out.append(String.format(Locale.ROOT, "  history's payment term %d days; a disputed invoice is paid %s%n", historyTermDays,
        disputedInWords()));
    out.append(String.format(Locale.ROOT, "  patience (late days stretched to match the history under the cadence) %.3f%n", patience));
    if (!preDueMoved.isEmpty()) {
      out.append("  contacts before the due date bring a late payment on time:");
      preDueMoved.forEach((h, p) -> out.append(String.format(Locale.ROOT, " %s %.1f %%;", h, 100 * p)));
      out.append(" the history's on-time days already hold them, so as many on-time draws are late ones\n");
    }
    out.append("  priors (the CSV has no contacts, promises or plans):");
    priors.responses().forEach((c, r) -> out.append(String.format(Locale.ROOT, " %s %.0f %% within %d days;", c,
        100 * r.probability(), r.maxLagDays())));
    out.append(String.format(Locale.ROOT, " no answer %.0f %%; promise kept %.0f %%; plan accepted %.0f %%;"
            + " paid in two parts %.0f %%; dispute credited %.0f %%%n", 100 * priors.noAnswer(), 100 * priors.promiseKept(),
        100 * priors.planAcceptance(), 100 * priors.partialShare(), 100 * priors.creditMemoShare()));
    return out.toString();
  }
}
