package settle.matching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import settle.matching.internal.InvoiceReferences;
import settle.matching.internal.LongIntMap;
import settle.matching.internal.Names;

/**
 * The open items and known payers one matching run works against, indexed by normalised invoice
 * number, customer, account and normalised name. Built once per run; matching reduces it, so two
 * statement lines cannot apply the same open amount twice. Not thread-safe: one run, one thread.
 */
public final class Ledger {

  static final long NO_DISCOUNT = -1;
  static final int AMBIGUOUS = -2;

  /** A name token shared by more customers than this says little about who pays. */
  private static final int COMMON_TOKEN = 2_000;

  private static final int MAX_FUZZY_CANDIDATES = 3_000;

  // Items, by position. Amounts in cents so the combination search stays exact and allocation-free.
  final OpenItem[] items;
  final long[] open;
  final long[] discount;
  final long[] discountUntil;
  final long[] due;
  final long[] key;
  final int[] customerOf;
  private final int[] nextWithSameKey;
  private final LongIntMap firstWithKey;
  private final LongIntMap byInvoiceId;
  private int openCount;

  // Customers, by position.
  final long[] customerIds;
  final int[][] itemsOf;
  private final String[] names;
  private final LongIntMap byCustomerId;
  private final Map<String, Integer> byAccount = new HashMap<>();
  private final Map<String, int[]> byName = new HashMap<>();
  private final Map<String, int[]> byToken = new HashMap<>();
  private final Map<String, Integer> byCreditorReference = new HashMap<>();

  private Ledger(Collection<OpenItem> openItems, Collection<Payer> payers) {
    int n = openItems.size();
    items = openItems.toArray(new OpenItem[0]);
    open = new long[n];
    discount = new long[n];
    discountUntil = new long[n];
    due = new long[n];
    key = new long[n];
    customerOf = new int[n];
    nextWithSameKey = new int[n];
    firstWithKey = new LongIntMap(n);
    byInvoiceId = new LongIntMap(n);

    byCustomerId = new LongIntMap(payers.size() + 16);
    List<Long> ids = new ArrayList<>(payers.size());
    for (Payer payer : payers) {
      customerIndex(payer.customerId(), ids);
    }
    for (OpenItem item : items) {
      customerIndex(item.customerId(), ids);
    }
    customerIds = ids.stream().mapToLong(Long::longValue).toArray();
    names = new String[customerIds.length];
    Arrays.fill(names, "");

    int[] itemCount = new int[customerIds.length];
    for (int i = 0; i < n; i++) {
      OpenItem item = items[i];
      open[i] = Amounts.cents(item.openAmount());
      discount[i] = item.discountedAmount() == null ? NO_DISCOUNT : Amounts.cents(item.discountedAmount());
      discountUntil[i] = item.discountUntil() == null ? Long.MIN_VALUE : item.discountUntil().toEpochDay();
      due[i] = item.dueDate().toEpochDay();
      customerOf[i] = byCustomerId.get(item.customerId());
      itemCount[customerOf[i]]++;
      if (open[i] > 0) {
        openCount++;
      }
      if (byInvoiceId.get(item.invoiceId()) != LongIntMap.MISSING) {
        throw new IllegalArgumentException("invoice " + item.invoiceId() + " is listed twice");
      }
      byInvoiceId.put(item.invoiceId(), i);
      int index = i;
      creditorReferenceOf(item.invoiceNumber()).ifPresent(rf -> byCreditorReference.put(rf, index));
      key[i] = InvoiceReferences.keyOf(item.invoiceNumber());
      nextWithSameKey[i] = -1;
      if (key[i] >= 0) {
        nextWithSameKey[i] = firstWithKey.get(key[i]);
        firstWithKey.put(key[i], i);
      }
    }
    itemsOf = oldestFirst(itemCount);

    for (Payer payer : payers) {
      int c = byCustomerId.get(payer.customerId());
      names[c] = Names.normalize(payer.name());
      for (String account : payer.accounts()) {
        remember(Accounts.normalize(account), c);
      }
    }
    indexNames();
  }

  /** The ISO 11649 reference the invoice, mail and portal give for this number; empty if the number cannot carry one. */
  private static Optional<String> creditorReferenceOf(String invoiceNumber) {
    try {
      return Optional.of(settle.common.CreditorReference.of(invoiceNumber));
    } catch (IllegalArgumentException tooLongOrEmpty) {
      return Optional.empty();
    }
  }

  /** The item whose invoice carries this creditor reference (RF…), or -1. */
  int withCreditorReference(String reference) {
    return byCreditorReference.getOrDefault(reference, -1);
  }

  /** Indexes the open items and payers; items of customers without a payer entry are kept too. */
  public static Ledger of(Collection<OpenItem> openItems, Collection<Payer> payers) {
    return new Ledger(openItems, payers);
  }

  /**
   * Remembers that a customer pays from this account, after a person confirmed a match. An account
   * learned for two customers (a group's payment factory) identifies neither.
   */
  public void learn(String account, long customerId) {
    int c = byCustomerId.get(customerId);
    if (c == LongIntMap.MISSING) {
      throw new IllegalArgumentException("unknown customer " + customerId);
    }
    remember(Accounts.normalize(account), c);
  }

  /** Reduces invoices by applied amount plus discount; a partly paid invoice loses its discount. */
  public void apply(Collection<Allocation> allocations) {
    for (Allocation allocation : allocations) {
      int i = indexOf(allocation.invoiceId());
      long settled = Amounts.cents(allocation.amount()) + Amounts.cents(allocation.discount());
      if (settled > open[i]) {
        throw new IllegalArgumentException(
            allocation.invoiceNumber() + " has only " + Amounts.of(open[i]) + " open");
      }
    }
    for (Allocation allocation : allocations) {
      reduce(indexOf(allocation.invoiceId()), Amounts.cents(allocation.amount()) + Amounts.cents(allocation.discount()));
    }
  }

  /** The invoice as it stands now, if it is still open. */
  public Optional<OpenItem> openItem(long invoiceId) {
    int i = byInvoiceId.get(invoiceId);
    return i == LongIntMap.MISSING || open[i] == 0 ? Optional.empty() : Optional.of(current(i));
  }

  /** The customer's open invoices as they stand now, oldest due date first. */
  public List<OpenItem> openItemsOf(long customerId) {
    int c = byCustomerId.get(customerId);
    List<OpenItem> out = new ArrayList<>();
    if (c != LongIntMap.MISSING) {
      for (int i : itemsOf[c]) {
        if (open[i] > 0) {
          out.add(current(i));
        }
      }
    }
    return out;
  }

  public int openItemCount() {
    return openCount;
  }

  // --- for the matcher ---

  void reduce(int i, long cents) {
    boolean wasOpen = open[i] > 0;
    open[i] -= cents;
    discount[i] = NO_DISCOUNT;
    if (wasOpen && open[i] == 0) {
      openCount--;
    }
  }

  boolean discountApplies(int i, long valueDay) {
    return discount[i] != NO_DISCOUNT && valueDay <= discountUntil[i];
  }

  /** First item with this invoice key, or -1; {@link #nextWithKey} walks the rest. */
  int firstWithKey(long invoiceKey) {
    return firstWithKey.get(invoiceKey);
  }

  int nextWithKey(int i) {
    return nextWithSameKey[i];
  }

  /** Customer position for the normalised account, {@link #AMBIGUOUS}, or -1. */
  int customerByAccount(String normalizedAccount) {
    Integer c = byAccount.get(normalizedAccount);
    return c == null ? -1 : c;
  }

  int[] customersNamed(String normalizedName) {
    return byName.get(normalizedName);
  }

  String nameOf(int customer) {
    return names[customer];
  }

  /** Customers sharing at least one of the name's rarer tokens, to be scored by the caller. */
  int[] customersSharingTokens(String normalizedName) {
    String[] tokens = Names.tokens(normalizedName);
    int[][] postings = new int[tokens.length][];
    for (int t = 0; t < tokens.length; t++) {
      int[] posting = byToken.get(tokens[t]);
      postings[t] = posting == null || posting.length > COMMON_TOKEN ? null : posting;
    }
    Arrays.sort(postings, (a, b) -> Integer.compare(a == null ? Integer.MAX_VALUE : a.length, b == null ? Integer.MAX_VALUE : b.length));
    int total = 0;
    int used = 0;
    while (used < postings.length && used < 3 && postings[used] != null && total + postings[used].length <= MAX_FUZZY_CANDIDATES) {
      total += postings[used].length;
      used++;
    }
    int[] out = new int[total];
    int at = 0;
    for (int t = 0; t < used; t++) {
      System.arraycopy(postings[t], 0, out, at, postings[t].length);
      at += postings[t].length;
    }
    return Arrays.stream(out).sorted().distinct().toArray();
  }

  OpenItem current(int i) {
    OpenItem item = items[i];
    if (open[i] == Amounts.cents(item.openAmount())) {
      return item;
    }
    return new OpenItem(
        item.invoiceId(), item.invoiceNumber(), item.customerId(), Amounts.of(open[i]), item.currency(), item.dueDate());
  }

  private int indexOf(long invoiceId) {
    int i = byInvoiceId.get(invoiceId);
    if (i == LongIntMap.MISSING) {
      throw new IllegalArgumentException("invoice " + invoiceId + " is not in the ledger");
    }
    return i;
  }

  /** The customer's position, or -1 if the ledger does not know it. */
  int customerAt(long customerId) {
    int c = byCustomerId.get(customerId);
    return c == LongIntMap.MISSING ? -1 : c;
  }

  private int customerIndex(long customerId, List<Long> ids) {
    int c = byCustomerId.get(customerId);
    if (c == LongIntMap.MISSING) {
      c = ids.size();
      ids.add(customerId);
      byCustomerId.put(customerId, c);
    }
    return c;
  }

  private void remember(String account, int customer) {
    if (account.isEmpty()) {
      return;
    }
    Integer known = byAccount.putIfAbsent(account, customer);
    if (known != null && known != customer) {
      byAccount.put(account, AMBIGUOUS);
    }
  }

  private int[][] oldestFirst(int[] itemCount) {
    long[][] sortKeys = new long[customerIds.length][];
    for (int c = 0; c < customerIds.length; c++) {
      sortKeys[c] = new long[itemCount[c]];
    }
    int[] filled = new int[customerIds.length];
    for (int i = 0; i < items.length; i++) {
      int c = customerOf[i];
      // due day in the high bits, position in the low ones: sorts by due date, then input order
      sortKeys[c][filled[c]++] = ((due[i] + (1L << 30)) << 32) | i;
    }
    int[][] out = new int[customerIds.length][];
    for (int c = 0; c < customerIds.length; c++) {
      long[] keys = sortKeys[c];
      Arrays.sort(keys);
      int[] positions = new int[keys.length];
      for (int k = 0; k < keys.length; k++) {
        positions[k] = (int) keys[k];
      }
      out[c] = positions;
      sortKeys[c] = null;
    }
    return out;
  }

  private void indexNames() {
    Map<String, List<Integer>> named = new HashMap<>();
    Map<String, List<Integer>> tokens = new HashMap<>();
    for (int c = 0; c < names.length; c++) {
      if (names[c].isEmpty()) {
        continue;
      }
      named.computeIfAbsent(names[c], k -> new ArrayList<>(1)).add(c);
      for (String token : Arrays.stream(Names.tokens(names[c])).distinct().toList()) {
        tokens.computeIfAbsent(token, k -> new ArrayList<>()).add(c);
      }
    }
    named.forEach((name, list) -> byName.put(name, list.stream().mapToInt(Integer::intValue).toArray()));
    tokens.forEach((token, list) -> byToken.put(token, list.stream().mapToInt(Integer::intValue).toArray()));
  }
}
