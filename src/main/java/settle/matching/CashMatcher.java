package settle.matching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import settle.matching.MatchResult.Status;
import settle.matching.internal.CombinationSearch;
import settle.matching.internal.CombinationSearch.Combination;
import settle.matching.internal.CombinationSearch.Outcome;
import settle.matching.internal.InvoiceReferences;
import settle.matching.internal.InvoiceReferences.Reference;
import settle.matching.internal.Names;

/**
 * Decides which open items a statement line pays.
 *
 * <ol>
 *   <li><b>Reference</b>: invoice numbers read from the remittance (tolerant of prefixes,
 *       separators, leading zeros and OCR noise) and confirmed by the ledger. If their open amounts,
 *       or discounted amounts within the window, add up to the payment, that is the match.
 *   <li><b>Payer</b>: the customer by learned account, else by normalised name, else by a
 *       conservative fuzzy name match. A reference to another customer's invoice counts less.
 *   <li><b>Amount</b>: within the payer's open items, the one item of that amount, else a unique
 *       combination of a few of the oldest items (bounded subset sum). Two fits are a suggestion.
 *   <li><b>Remittance advice</b>: the payer told us beforehand (in the portal) which invoices a payment of this total
 *       covers and with how much; when the references do not already settle the line, the advice does, once.
 *   <li><b>Short and over payments</b>: named invoices paid short are allocated oldest first with
 *       the rest as shortfall; paid over, they are settled and the surplus stays unapplied.
 * </ol>
 *
 * Every outcome has a confidence; at or above the auto-post threshold it is AUTO and is applied to
 * the ledger at once, below it a person sees it as SUGGEST. When in doubt the engine suggests.
 */
public final class CashMatcher {

  public static final double DEFAULT_AUTO_THRESHOLD = 0.9;
  /** A check-digit-verified creditor reference that settles its invoice: above every other rule. */
  static final double RF_CONFIDENCE = 0.99;

  /** The combination search looks at this many of a payer's oldest items ... */
  static final int COMBINATION_ITEMS = 24;

  /** ... combining at most this many ... */
  static final int COMBINATION_SIZE = 5;

  /** ... within this many search steps per line. */
  static final int NODE_BUDGET = 150_000;

  /** Invoices a payer paid besides the ones it named. */
  private static final int COMPLETION_SIZE = 3;

  private static final double FUZZY_NAME_FLOOR = 0.88;
  private static final double FUZZY_NAME_SURE = 0.95;
  private static final int MAX_CANDIDATES = 3;

  /** The customer said so beforehand: below a creditor reference and a reference that adds up, above the amount rules. */
  static final double ADVICE_CONFIDENCE = 0.97;

  private final Ledger ledger;
  private final double autoThreshold;
  private final List<RemittanceAdvice> advices = new ArrayList<>();
  private final Map<String, RemittanceAdvice> adviceProposed = new HashMap<>();
  private final Map<String, Long> advicesUsed = new HashMap<>();

  public CashMatcher(Ledger ledger) {
    this(ledger, DEFAULT_AUTO_THRESHOLD);
  }

  /** A matcher that also knows the remittance advices customers sent and that no payment used yet. */
  public CashMatcher(Ledger ledger, List<RemittanceAdvice> advices) {
    this(ledger, DEFAULT_AUTO_THRESHOLD);
    this.advices.addAll(advices);
  }

  public CashMatcher(Ledger ledger, double autoThreshold) {
    if (autoThreshold <= 0 || autoThreshold > 1) {
      throw new IllegalArgumentException("autoThreshold must be in (0, 1]");
    }
    this.ledger = ledger;
    this.autoThreshold = autoThreshold;
  }

  /** Matches one line; an AUTO result is applied to the ledger before this returns. */
  public MatchResult match(IncomingPayment payment) {
    MatchResult result = evaluate(payment);
    if (result.status() == Status.AUTO) {
      ledger.apply(result.allocations());
      if (result.rule().equals(ADVICE_RULE)) {
        RemittanceAdvice used = adviceProposed.get(payment.lineRef());
        advices.remove(used);
        advicesUsed.put(payment.lineRef(), used.id());
      }
    }
    return result;
  }

  /** The advice an applied line was matched by, if any: each advice pays one line only. */
  public java.util.Optional<Long> adviceUsedBy(String lineRef) {
    return java.util.Optional.ofNullable(advicesUsed.get(lineRef));
  }

  /** Matches one line without changing the ledger. */
  public MatchResult evaluate(IncomingPayment payment) {
    long amount = Amounts.cents(payment.amount());
    if (amount <= 0) {
      return result(payment, Proposal.nothing(-1, "NOT_A_CREDIT"));
    }
    Line line = new Line(payment, amount, payment.valueDate().toEpochDay(), identify(payment));
    Proposal byRf = byCreditorReference(line);
    if (byRf != null) {
      return result(payment, byRf);
    }
    Hits hits = hits(line);
    Proposal best = hits.open.isEmpty() ? null : byReference(line, hits);
    if ((best == null || best.confidence < autoThreshold) && line.payer.found()) {
      Proposal byAdvice = byAdvice(line);
      if (byAdvice != null) {
        return result(payment, better(best, byAdvice));
      }
      Proposal byAmount = byAmount(line);
      if (byAmount != null && !hits.settled.isEmpty()) {
        byAmount = byAmount.capped(0.8, "names settled " + numbers(hits.settled) + ": paid twice?");
      }
      if (byAmount != null && best != null && best.confidence >= 0.8 && best.items.length > 0) {
        byAmount = byAmount.capped(0.8, "the reference points elsewhere");
      }
      best = better(best, byAmount);
    }
    if (best == null) {
      String rule =
          !hits.otherCurrency.isEmpty()
              ? "CURRENCY_MISMATCH"
              : line.payer.found() ? "NO_MATCH" : "UNKNOWN_PAYER";
      best = Proposal.nothing(line.payer.single(), rule);
      for (int i : hits.otherCurrency) {
        best.alternatives.add(
            candidate(new int[] {i}, ledger.open[i], 0.0, "invoice in " + ledger.items[i].currency()));
      }
    }
    return result(payment, best);
  }

  // --- payer ---

  private enum Source {
    ACCOUNT,
    NAME,
    FUZZY_NAME,
    NONE
  }

  /** Who pays: one customer by account, one or more by name, each with a name score. */
  private record Payer(Source source, int[] customers, double[] scores) {

    static final Payer UNKNOWN = new Payer(Source.NONE, new int[0], new double[0]);

    boolean found() {
      return customers.length > 0;
    }

    int single() {
      return customers.length == 1 ? customers[0] : -1;
    }

    boolean includes(int customer) {
      for (int c : customers) {
        if (c == customer) {
          return true;
        }
      }
      return false;
    }
  }

  private Payer identify(IncomingPayment payment) {
    String account = Accounts.normalize(payment.payerAccount());
    if (!account.isEmpty()) {
      int c = ledger.customerByAccount(account);
      if (c >= 0) {
        return new Payer(Source.ACCOUNT, new int[] {c}, new double[] {1.0});
      }
    }
    String name = Names.normalize(payment.payerName());
    if (name.isEmpty()) {
      return Payer.UNKNOWN;
    }
    int[] named = ledger.customersNamed(name);
    if (named != null) {
      double[] scores = new double[named.length];
      Arrays.fill(scores, 1.0);
      return new Payer(Source.NAME, named, scores);
    }
    return similarNames(name);
  }

  private Payer similarNames(String name) {
    int[] candidates = ledger.customersSharingTokens(name);
    List<double[]> scored = new ArrayList<>();
    for (int c : candidates) {
      double score = Names.jaroWinkler(name, ledger.nameOf(c));
      if (score >= FUZZY_NAME_FLOOR) {
        scored.add(new double[] {c, score});
      }
    }
    if (scored.isEmpty()) {
      return Payer.UNKNOWN;
    }
    scored.sort(Comparator.comparingDouble((double[] s) -> -s[1]));
    int kept = Math.min(5, scored.size());
    int[] customers = new int[kept];
    double[] scores = new double[kept];
    for (int k = 0; k < kept; k++) {
      customers[k] = (int) scored.get(k)[0];
      scores[k] = scored.get(k)[1];
    }
    return new Payer(Source.FUZZY_NAME, customers, scores);
  }

  // --- remittance advice ---

  static final String ADVICE_RULE = "REMITTANCE_ADVICE";

  /** The oldest unused advice of a payer for exactly this total, if every invoice it names is still open for that much. */
  private Proposal byAdvice(Line line) {
    for (RemittanceAdvice advice : advices) {
      int customer = ledger.customerAt(advice.customerId());
      if (customer < 0 || !line.payer.includes(customer) || !advice.currency().equals(line.payment.currency())
          || Amounts.cents(advice.total()) != line.amount) {
        continue;
      }
      int[] items = new int[advice.lines().size()];
      long[] applied = new long[items.length];
      boolean fits = true;
      for (int k = 0; k < items.length && fits; k++) {
        RemittanceAdvice.Line l = advice.lines().get(k);
        items[k] = itemNumbered(customer, l.invoiceNumber());
        applied[k] = Amounts.cents(l.amount());
        fits = items[k] >= 0 && usable(items[k], line) && ledger.open[items[k]] >= applied[k];
      }
      if (!fits) {
        continue;
      }
      Proposal proposal = new Proposal(customer, items, ADVICE_RULE, ADVICE_CONFIDENCE,
          "the payer's remittance advice names " + String.join(", ", advice.lines().stream().map(RemittanceAdvice.Line::invoiceNumber).toList())
              + " for this total");
      System.arraycopy(applied, 0, proposal.applied, 0, applied.length);
      adviceProposed.put(line.payment.lineRef(), advice);
      return proposal;
    }
    return null;
  }

  private int itemNumbered(int customer, String number) {
    for (int i : ledger.itemsOf[customer]) {
      if (ledger.items[i].invoiceNumber().equalsIgnoreCase(number)) {
        return i;
      }
    }
    return -1;
  }

  // --- creditor reference (ISO 11649) ---

  /**
   * An RF reference with valid check digits names exactly one invoice (it is derived from the number and checked
   * mod 97), so it goes first and, when the amount settles the invoice, with the highest confidence, whatever else the
   * text says or omits. Partial and over-payments follow the reference rules for that one invoice.
   */
  private Proposal byCreditorReference(Line line) {
    var reference = settle.common.CreditorReference.find(line.payment.remittance());
    if (reference.isEmpty()) {
      return null;
    }
    int i = ledger.withCreditorReference(reference.get());
    if (i < 0 || ledger.open[i] == 0 || !ledger.items[i].currency().equals(line.payment.currency())) {
      return null; // settled, in another currency or not ours: the other rules say what it is
    }
    Proposal proposal = referenceGroup(line, ledger.customerOf[i], List.of(i), true, false, "");
    boolean settles = proposal.rule.equals("REFERENCE") || proposal.rule.equals("REFERENCE_DISCOUNT");
    return proposal.relabel(proposal.rule.replaceFirst("^REFERENCE", "REFERENCE_RF"), settles ? RF_CONFIDENCE : proposal.confidence,
        "creditor reference " + reference.get() + " " + proposal.why);
  }

  // --- reference ---

  private record Line(IncomingPayment payment, long amount, long day, Payer payer) {}

  private static final class Hits {
    final List<Integer> open = new ArrayList<>(4);
    final List<Integer> settled = new ArrayList<>(0);
    final List<Integer> otherCurrency = new ArrayList<>(0);
    /** A remittance may name hundreds of invoices, some many times: a set keeps this linear. */
    final Set<Integer> seen = new HashSet<>();
    boolean repaired;

    void add(Ledger ledger, int i, String currency, boolean fromRepair) {
      if (!seen.add(i)) {
        return;
      }
      if (!ledger.items[i].currency().equals(currency)) {
        otherCurrency.add(i);
      } else if (ledger.open[i] == 0) {
        settled.add(i);
      } else {
        open.add(i);
        repaired |= fromRepair;
      }
    }
  }

  private Hits hits(Line line) {
    Hits hits = new Hits();
    List<Reference> references = InvoiceReferences.scan(line.payment.remittance());
    if (references.isEmpty()) {
      return hits;
    }
    String currency = line.payment.currency();
    for (Reference reference : references) {
      for (int i = ledger.firstWithKey(reference.key()); i >= 0; i = ledger.nextWithKey(i)) {
        hits.add(ledger, i, currency, reference.repaired());
      }
    }
    // A number without its year counts only among the payer's own invoices.
    int payer = line.payer.single();
    if (payer < 0 && !line.payer.found()) {
      payer = onlyCustomer(hits.open);
    }
    if (payer >= 0) {
      for (Reference reference : references) {
        if (reference.year() == 0) {
          int only = onlyItemWithSequence(payer, reference.number());
          if (only >= 0) {
            hits.add(ledger, only, currency, true);
          }
        }
      }
    }
    return hits;
  }

  private int onlyCustomer(List<Integer> items) {
    int customer = -1;
    for (int i : items) {
      if (customer >= 0 && ledger.customerOf[i] != customer) {
        return -1;
      }
      customer = ledger.customerOf[i];
    }
    return customer;
  }

  private int onlyItemWithSequence(int customer, long sequence) {
    int found = -1;
    for (int i : ledger.itemsOf[customer]) {
      if (ledger.key[i] >= 0 && InvoiceReferences.sequenceOf(ledger.key[i]) == sequence) {
        if (found >= 0) {
          return -1;
        }
        found = i;
      }
    }
    return found;
  }

  private Proposal byReference(Line line, Hits hits) {
    Map<Integer, List<Integer>> byCustomer = new LinkedHashMap<>();
    for (int i : hits.open) {
      byCustomer.computeIfAbsent(ledger.customerOf[i], k -> new ArrayList<>()).add(i);
    }
    boolean payerNamed = byCustomer.keySet().stream().anyMatch(line.payer::includes);
    String noise = hits.repaired ? " (read through noise)" : "";
    Proposal best = null;
    int sure = 0;
    for (Map.Entry<Integer, List<Integer>> group : byCustomer.entrySet()) {
      boolean confirmed = line.payer.includes(group.getKey());
      if (payerNamed && !confirmed) {
        continue; // numbers of other customers' invoices next to the payer's own: noise
      }
      boolean conflict = line.payer.found() && !confirmed;
      Proposal proposal = referenceGroup(line, group.getKey(), group.getValue(), confirmed, conflict, noise);
      if (proposal.confidence >= autoThreshold) {
        sure++;
      }
      best = better(best, proposal);
    }
    if (sure > 1) {
      best = best.capped(0.6, "references fit invoices of more than one customer");
    }
    return best;
  }

  private Proposal referenceGroup(
      Line line, int customer, List<Integer> named, boolean confirmed, boolean conflict, String noise) {
    int[] items = named.stream().mapToInt(Integer::intValue).toArray();
    sortOldestFirst(items);
    long sumOpen = 0;
    long sumDiscounted = 0;
    boolean discountable = false;
    for (int i : items) {
      sumOpen += ledger.open[i];
      if (ledger.discountApplies(i, line.day)) {
        sumDiscounted += ledger.discount[i];
        discountable = true;
      } else {
        sumDiscounted += ledger.open[i];
      }
    }
    String why = (conflict ? "names another customer's " : "names ") + numbers(named) + noise;
    if (sumOpen == line.amount) {
      return Proposal.full(ledger, customer, items, null, "REFERENCE", conflict ? 0.85 : 0.98, why + ", amounts add up");
    }
    if (discountable && sumDiscounted == line.amount) {
      boolean[] taken = new boolean[items.length];
      for (int k = 0; k < items.length; k++) {
        taken[k] = ledger.discountApplies(items[k], line.day);
      }
      return Proposal.full(
          ledger, customer, items, taken, "REFERENCE_DISCOUNT", conflict ? 0.85 : 0.97, why + ", paid less cash discount in time");
    }
    if (items.length > 1 && line.amount < sumOpen) {
      Proposal part = namedSubset(line, customer, items, conflict, why);
      if (part != null) {
        return part;
      }
    }
    if (line.amount > sumOpen) {
      Proposal completed = completion(line, customer, items, sumOpen, conflict, why);
      if (completed != null) {
        return completed;
      }
    }
    double confidence = conflict ? 0.6 : confirmed ? 0.92 : 0.75;
    int rival = onlyItemOfAmount(customer, line, items);
    if (rival >= 0) {
      confidence = Math.min(confidence, 0.7);
      why += "; " + ledger.items[rival].invoiceNumber() + " has exactly the amount paid";
    }
    Proposal proposal =
        line.amount < sumOpen
            ? Proposal.shortPaid(ledger, customer, items, line.amount, "REFERENCE_PARTIAL", confidence, why + ", paid short")
            : Proposal.overpaid(ledger, customer, items, line.amount, "REFERENCE_OVERPAY", confidence, why + ", paid over");
    if (rival >= 0) {
      proposal.alternatives.add(candidate(new int[] {rival}, ledger.open[rival], 0.6, "amount matches"));
    }
    return proposal;
  }

  /** The payer named more invoices than it paid: which of them add up? */
  private Proposal namedSubset(Line line, int customer, int[] items, boolean conflict, String why) {
    Outcome outcome = search(items, items.length, line, line.amount, 1, items.length - 1, 2);
    if (outcome.found().isEmpty()) {
      return null;
    }
    if (outcome.unique()) {
      return fromCombination(customer, items, outcome.found().getFirst(), "REFERENCE_SUBSET", conflict ? 0.8 : 0.92, why + ", some of them add up");
    }
    return ambiguous(customer, items, outcome, "REFERENCE_SUBSET", why + ", different subsets add up");
  }

  /** The payer paid more than it named: which other open items make up the difference? */
  private Proposal completion(Line line, int customer, int[] named, long sumOpen, boolean conflict, String why) {
    int[] others = new int[COMBINATION_ITEMS];
    int count = 0;
    for (int i : ledger.itemsOf[customer]) {
      if (count == others.length) {
        break;
      }
      if (usable(i, line) && !contains(named, i)) {
        others[count++] = i;
      }
    }
    Outcome outcome = search(others, count, line, line.amount - sumOpen, 1, COMPLETION_SIZE, 2);
    if (outcome.found().isEmpty()) {
      return null;
    }
    if (!outcome.unique()) {
      return ambiguous(customer, others, outcome, "REFERENCE_COMBINATION", why + ", several ways to make up the rest");
    }
    Combination rest = outcome.found().getFirst();
    int[] all = Arrays.copyOf(named, named.length + rest.positions().length);
    boolean[] discounted = new boolean[all.length];
    for (int k = 0; k < rest.positions().length; k++) {
      all[named.length + k] = others[rest.positions()[k]];
      discounted[named.length + k] = rest.discounted()[k];
    }
    return Proposal.full(
        ledger, customer, all, discounted, "REFERENCE_COMBINATION", conflict ? 0.8 : 0.9, why + " and " + rest.positions().length + " more open item(s) make up the amount");
  }

  private int onlyItemOfAmount(int customer, Line line, int[] except) {
    int found = -1;
    for (int i : ledger.itemsOf[customer]) {
      if (usable(i, line) && ledger.open[i] == line.amount && !contains(except, i)) {
        if (found >= 0) {
          return -1;
        }
        found = i;
      }
    }
    return found;
  }

  // --- amount ---

  private Proposal byAmount(Line line) {
    Payer payer = line.payer;
    Proposal best = null;
    int fits = 0;
    for (int k = 0; k < payer.customers.length; k++) {
      Proposal proposal = amountWithin(line, payer.customers[k], payer.source, payer.scores[k]);
      if (proposal == null) {
        continue;
      }
      fits++;
      best = better(best, proposal);
    }
    if (best != null && fits > 1) {
      best = best.capped(0.6, "the amount fits open items of several similarly named customers");
    } else if (best != null && payer.source == Source.NAME && payer.customers.length > 1) {
      best = best.capped(0.88, "several customers have this name; only one has a fitting amount");
    }
    return best;
  }

  private Proposal amountWithin(Line line, int customer, Source source, double nameScore) {
    String prefix = source.name();
    double base =
        switch (source) {
          case ACCOUNT -> 0.95;
          case NAME -> 0.93;
          case FUZZY_NAME -> nameScore >= FUZZY_NAME_SURE ? 0.91 : 0.86;
          case NONE -> 0.0;
        };
    String who =
        switch (source) {
          case ACCOUNT -> "payer account known";
          case NAME -> "payer name matches";
          default -> String.format("payer name similar (%.2f)", nameScore);
        };
    int[] oldest = new int[COMBINATION_ITEMS];
    int count = 0;
    int single = -1;
    boolean singleDiscounted = false;
    List<Integer> same = new ArrayList<>(0);
    for (int i : ledger.itemsOf[customer]) {
      if (!usable(i, line)) {
        continue;
      }
      if (count < oldest.length) {
        oldest[count++] = i;
      }
      boolean byDiscount = ledger.discountApplies(i, line.day) && ledger.discount[i] == line.amount;
      if (ledger.open[i] == line.amount || byDiscount) {
        same.add(i);
        single = i;
        singleDiscounted = byDiscount && ledger.open[i] != line.amount;
      }
    }
    if (same.size() == 1) {
      return Proposal.full(
          ledger,
          customer,
          new int[] {single},
          new boolean[] {singleDiscounted},
          prefix + (singleDiscounted ? "_DISCOUNT" : "_AMOUNT"),
          singleDiscounted ? base - 0.01 : base,
          who + ", one open item of this amount");
    }
    if (same.size() > 1) {
      int[] items = same.stream().mapToInt(Integer::intValue).toArray();
      Proposal proposal =
          Proposal.full(ledger, customer, new int[] {items[0]}, null, prefix + "_AMOUNT", 0.6, who + ", " + items.length + " open items of this amount; oldest first");
      for (int k = 1; k < Math.min(items.length, MAX_CANDIDATES); k++) {
        proposal.alternatives.add(candidate(new int[] {items[k]}, ledger.open[items[k]], 0.5, "same amount"));
      }
      return proposal;
    }
    Outcome outcome = search(oldest, count, line, line.amount, 2, COMBINATION_SIZE, 2);
    if (outcome.found().isEmpty()) {
      return null;
    }
    String rule = prefix + "_COMBINATION";
    if (outcome.unique()) {
      Combination combination = outcome.found().getFirst();
      double confidence = base - (combination.positions().length > 3 ? 0.05 : 0.03);
      return fromCombination(customer, oldest, combination, rule, confidence, who + ", " + combination.positions().length + " open items add up");
    }
    if (outcome.found().size() == 1) {
      return fromCombination(customer, oldest, outcome.found().getFirst(), rule, 0.7, who + ", items add up; search stopped early");
    }
    return ambiguous(customer, oldest, outcome, rule, who + ", different combinations add up");
  }

  // --- shared ---

  /** The more confident of two proposals; the other one stays as an alternative for a person. */
  private Proposal better(Proposal a, Proposal b) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    Proposal winner = b.confidence > a.confidence ? b : a;
    Proposal loser = winner == a ? b : a;
    List<Candidate> rivals = new ArrayList<>();
    if (loser.items.length > 0) {
      rivals.add(loser.asCandidate(ledger));
    }
    rivals.addAll(loser.alternatives);
    winner.alternatives.addAll(rivals);
    return winner;
  }

  private boolean usable(int i, Line line) {
    return ledger.open[i] > 0 && ledger.items[i].currency().equals(line.payment.currency());
  }

  private Outcome search(int[] items, int count, Line line, long target, int minSize, int maxSize, int maxFound) {
    long[] open = new long[count];
    long[] discount = new long[count];
    for (int k = 0; k < count; k++) {
      open[k] = ledger.open[items[k]];
      discount[k] = ledger.discountApplies(items[k], line.day) ? ledger.discount[items[k]] : -1;
    }
    return CombinationSearch.find(open, discount, count, target, minSize, maxSize, NODE_BUDGET, maxFound);
  }

  private Proposal fromCombination(int customer, int[] items, Combination combination, String rule, double confidence, String why) {
    int[] picked = new int[combination.positions().length];
    for (int k = 0; k < picked.length; k++) {
      picked[k] = items[combination.positions()[k]];
    }
    return Proposal.full(ledger, customer, picked, combination.discounted(), rule, confidence, why);
  }

  private Proposal ambiguous(int customer, int[] items, Outcome outcome, String rule, String why) {
    Proposal first = fromCombination(customer, items, outcome.found().getFirst(), rule, 0.55, why);
    for (int k = 1; k < outcome.found().size(); k++) {
      Proposal other = fromCombination(customer, items, outcome.found().get(k), rule, 0.5, why);
      first.alternatives.add(other.asCandidate(ledger));
    }
    return first;
  }

  private void sortOldestFirst(int[] items) {
    for (int a = 1; a < items.length; a++) {
      int item = items[a];
      int b = a - 1;
      while (b >= 0 && (ledger.due[items[b]] > ledger.due[item] || (ledger.due[items[b]] == ledger.due[item] && items[b] > item))) {
        items[b + 1] = items[b];
        b--;
      }
      items[b + 1] = item;
    }
  }

  private static boolean contains(int[] items, int i) {
    for (int item : items) {
      if (item == i) {
        return true;
      }
    }
    return false;
  }

  private String numbers(List<Integer> items) {
    return String.join(", ", items.stream().map(i -> ledger.items[i].invoiceNumber()).toList());
  }

  private Candidate candidate(int[] items, long cents, double score, String why) {
    List<String> numbers = new ArrayList<>(items.length);
    for (int i : items) {
      numbers.add(ledger.items[i].invoiceNumber());
    }
    return new Candidate(numbers, Amounts.of(cents), score, why);
  }

  private MatchResult result(IncomingPayment payment, Proposal proposal) {
    Status status;
    if (proposal.items.length == 0) {
      status = Status.NONE; // candidates, if any, only explain why
    } else {
      status = proposal.confidence >= autoThreshold ? Status.AUTO : Status.SUGGEST;
    }
    List<Allocation> allocations = new ArrayList<>(proposal.items.length);
    for (int k = 0; k < proposal.items.length; k++) {
      OpenItem item = ledger.items[proposal.items[k]];
      allocations.add(
          new Allocation(item.invoiceId(), item.invoiceNumber(), Amounts.of(proposal.applied[k]), Amounts.of(proposal.discounts[k])));
    }
    List<Candidate> candidates = new ArrayList<>(MAX_CANDIDATES);
    if (proposal.items.length > 0) {
      candidates.add(proposal.asCandidate(ledger));
    }
    for (Candidate alternative : proposal.alternatives) {
      if (candidates.size() < MAX_CANDIDATES) {
        candidates.add(alternative);
      }
    }
    Long customerId = proposal.customer >= 0 ? ledger.customerIds[proposal.customer] : null;
    return new MatchResult(
        payment.lineRef(),
        status,
        customerId,
        allocations,
        proposal.rule,
        proposal.confidence,
        Amounts.of(proposal.shortfall),
        Amounts.of(proposal.unapplied),
        proposal.discountTaken(),
        candidates);
  }

  /** A possible answer for one line, in cents and item positions. */
  private static final class Proposal {
    final int customer;
    final int[] items;
    final long[] applied;
    final long[] discounts;
    final String rule;
    double confidence;
    String why;
    long shortfall;
    long unapplied;
    final List<Candidate> alternatives = new ArrayList<>(2);

    private Proposal(int customer, int[] items, String rule, double confidence, String why) {
      this.customer = customer;
      this.items = items;
      this.applied = new long[items.length];
      this.discounts = new long[items.length];
      this.rule = rule;
      this.confidence = confidence;
      this.why = why;
    }

    static Proposal nothing(int customer, String rule) {
      return new Proposal(customer, new int[0], rule, 0.0, "");
    }

    /** Settles each item in full, at its discounted amount where {@code discounted} says so. */
    static Proposal full(Ledger ledger, int customer, int[] items, boolean[] discounted, String rule, double confidence, String why) {
      Proposal proposal = new Proposal(customer, items, rule, confidence, why);
      for (int k = 0; k < items.length; k++) {
        long open = ledger.open[items[k]];
        long paid = discounted != null && discounted[k] ? ledger.discount[items[k]] : open;
        proposal.applied[k] = paid;
        proposal.discounts[k] = open - paid;
      }
      return proposal;
    }

    /** Oldest first until the money runs out; what stays open is the shortfall. */
    static Proposal shortPaid(Ledger ledger, int customer, int[] items, long amount, String rule, double confidence, String why) {
      long left = amount;
      int used = 0;
      long[] applied = new long[items.length];
      long total = 0;
      for (int k = 0; k < items.length; k++) {
        long open = ledger.open[items[k]];
        total += open;
        if (left > 0) {
          applied[k] = Math.min(open, left);
          left -= applied[k];
          used = k + 1;
        }
      }
      Proposal proposal = new Proposal(customer, Arrays.copyOf(items, used), rule, confidence, why);
      System.arraycopy(applied, 0, proposal.applied, 0, used);
      proposal.shortfall = total - amount;
      return proposal;
    }

    static Proposal overpaid(Ledger ledger, int customer, int[] items, long amount, String rule, double confidence, String why) {
      Proposal proposal = full(ledger, customer, items, null, rule, confidence, why);
      long total = 0;
      for (long paid : proposal.applied) {
        total += paid;
      }
      proposal.unapplied = amount - total;
      return proposal;
    }

    boolean discountTaken() {
      for (long discount : discounts) {
        if (discount > 0) {
          return true;
        }
      }
      return false;
    }

    /** The same allocation under another rule, confidence and explanation. */
    Proposal relabel(String newRule, double newConfidence, String newWhy) {
      Proposal copy = new Proposal(customer, items, newRule, newConfidence, newWhy);
      System.arraycopy(applied, 0, copy.applied, 0, applied.length);
      System.arraycopy(discounts, 0, copy.discounts, 0, discounts.length);
      copy.shortfall = shortfall;
      copy.unapplied = unapplied;
      copy.alternatives.addAll(alternatives);
      return copy;
    }

    Proposal capped(double ceiling, String reason) {
      if (confidence > ceiling) {
        confidence = ceiling;
      }
      why = why.isEmpty() ? reason : why + "; " + reason;
      return this;
    }

    Candidate asCandidate(Ledger ledger) {
      List<String> numbers = new ArrayList<>(items.length);
      long total = 0;
      for (int k = 0; k < items.length; k++) {
        numbers.add(ledger.items[items[k]].invoiceNumber());
        total += applied[k];
      }
      return new Candidate(numbers, Amounts.of(total), confidence, rule + ": " + why);
    }
  }
}
