package settle.demo.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.Normalizer;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * The demo company's book of business, drawn from a seed: about 150 customers and 15 months of their invoices with
 * what became of each — paid on time or late, partly paid, disputed and credited or rejected, promised and kept or
 * broken — up to today. Invoices still open carry what is going on with them this morning (a dispute being raised, a
 * promise, a payment plan, a hold, a payment on today's bank statement). The same seed and day give the same book.
 * Pure: no database, no engine; {@link DemoLoader} writes it.
 */
record DemoBook(LocalDate today, List<Customer> customers, List<Sale> sales) {

  static final int CUSTOMERS = 150;
  static final int MONTHS = 15;

  record Customer(int no, String name, String apEmail, String apContactName, String apContactPhone, String ownerName,
                  String ownerEmail, BigDecimal creditLimit, String currency, String riskRating, LocalDate since, String street,
                  String postcode, String city, String country, String vatId, String timeZone, String domain) {

    /** German-speaking countries read German mails and portal pages; the rest English. */
    String language() {
      return java.util.Set.of("DE", "AT", "CH").contains(country) ? "de" : "en";
    }
  }

  record Line(String description, BigDecimal quantity, BigDecimal unitPrice) {
    BigDecimal amount() {
      return quantity.multiply(unitPrice).setScale(2, RoundingMode.HALF_EVEN);
    }
  }

  record Payment(LocalDate date, BigDecimal amount, String reference) {}

  /** {@code resolved} null: the dispute is being raised this morning (it is live). */
  record Dispute(String reasonCode, BigDecimal amount, String description, String raisedBy, LocalDate raised,
                 LocalDate resolved, String outcome, BigDecimal credit, String rootCause) {}

  record Promise(LocalDate made, LocalDate date, BigDecimal amount, String takenBy, String status) {}

  /** What is going on with an open invoice this morning; the loader does it through the modules' own services. */
  enum Live { NONE, DISPUTE, PROMISE, PLAN, HOLD, ON_STATEMENT }

  record Sale(int customerNo, LocalDate issued, String terms, int netDays, BigDecimal discountPercent, String po,
              List<Line> lines, List<Payment> payments, BigDecimal earlyDiscount, Dispute dispute, List<Promise> promises,
              Live live) {

    BigDecimal subtotal() {
      return lines.stream().map(Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    BigDecimal total() {
      return subtotal().subtract(discountAmount());
    }

    BigDecimal discountAmount() {
      return subtotal().multiply(discountPercent).movePointLeft(2).setScale(2, RoundingMode.HALF_EVEN);
    }

    LocalDate due() {
      return issued.plusDays(netDays);
    }

    BigDecimal paid() {
      return payments.stream().map(Payment::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    BigDecimal credited() {
      return dispute != null && dispute.resolved() != null && dispute.credit() != null ? dispute.credit() : BigDecimal.ZERO;
    }

    BigDecimal open() {
      return total().subtract(paid()).subtract(credited()).subtract(earlyDiscount == null ? BigDecimal.ZERO : earlyDiscount);
    }

    /** The day the last money arrived when nothing is left open; null while open. */
    LocalDate settled() {
      if (open().signum() != 0) {
        return null;
      }
      return payments.isEmpty() ? dispute.resolved() : payments.getLast().date();
    }
  }

  static final String[][] OWNERS = {
      {"Dana Whitfield", "dana.whitfield@northwind.example"},
      {"Lee Moreau", "lee.moreau@northwind.example"},
      {"Sam Okafor", "sam.okafor@northwind.example"}};

  static final String[] COLLECTORS = {"Casey Brennan", "Morgan Hale"};

  private static final String[] TERMS = {"NET30", "NET30", "NET30", "NET30", "NET30", "NET30", "NET14", "NET45", "NET45",
      "NET60", "2/10 NET30", "2/10 NET30"};

  static DemoBook generate(long seed, LocalDate today) {
    Random random = new Random(seed);
    List<Customer> customers = new ArrayList<>();
    Set<String> names = new HashSet<>();
    // the four customers the README walks through keep their names and standing
    customers.add(named(1, "Acme Retail GmbH", "DE", "LOW", today.minusYears(6), 0, "ap", random));
    customers.add(named(2, "Borealis Foods AB", "SE", "MEDIUM", today.minusMonths(2), 2, "invoices", random));
    customers.add(named(3, "Cobalt Logistics Ltd", "GB", "HIGH", today.minusYears(1), 0, "payables", random));
    customers.add(named(4, "Delta Clinics SA", "FR", "LOW", today.minusMonths(8), 1, "ap", random));
    customers.forEach(c -> names.add(c.name()));
    List<Trades> trades = new ArrayList<>();
    trades.add(Trades.ALL.get(4));
    trades.add(Trades.ALL.get(1));
    trades.add(Trades.ALL.get(0));
    trades.add(Trades.ALL.get(2));
    while (customers.size() < CUSTOMERS) {
      Places place = Places.pick(random);
      Trades trade = Trades.ALL.get(random.nextInt(Trades.ALL.size()));
      String name = Trades.BRANDS.get(random.nextInt(Trades.BRANDS.size())) + " " + trade.word() + " "
          + place.forms().get(random.nextInt(place.forms().size()));
      if (!names.add(name)) {
        continue;
      }
      int r = random.nextInt(100);
      String risk = r < 45 ? "LOW" : r < 83 ? "MEDIUM" : "HIGH";
      int t = random.nextInt(100);
      long tenureDays = t < 12 ? 40 + random.nextInt(260) : t < 45 ? 365 + random.nextInt(730) : 1100 + random.nextInt(4000);
      String[] mailbox = {"ap", "invoices", "accounts.payable", "payables", "finance"};
      customers.add(customer(customers.size() + 1, name, place, risk, today.minusDays(tenureDays), random.nextInt(OWNERS.length),
          mailbox[random.nextInt(mailbox.length)], random));
      trades.add(trade);
    }

    List<Sale> sales = new ArrayList<>();
    LocalDate historyStart = today.minusMonths(MONTHS);
    for (Customer c : customers) {
      Trades trade = trades.get(c.no() - 1);
      BigDecimal fx = fx(c.currency());
      double perMonth = 0.45 + random.nextDouble() * 1.3;
      int size = random.nextInt(3);
      String terms = c.no() == 4 ? "2/10 NET30" : TERMS[random.nextInt(TERMS.length)];
      BigDecimal dealDiscount = BigDecimal.valueOf(new int[] {0, 0, 0, 2, 3, 5}[random.nextInt(6)]);
      double delayMean = switch (c.riskRating()) {
        case "LOW" -> -3 + random.nextInt(8);
        case "MEDIUM" -> 4 + random.nextInt(14);
        default -> 12 + random.nextInt(26);
      };
      double delaySd = switch (c.riskRating()) {
        case "LOW" -> 4;
        case "MEDIUM" -> 8;
        default -> 14;
      };
      LocalDate day = (c.since().isAfter(historyStart) ? c.since() : historyStart)
          .plusDays(random.nextInt((int) Math.max(1, 30 / perMonth)));
      int poCounter = 1000 + random.nextInt(8000);
      while (day.isBefore(today)) {
        LocalDate issued = weekday(day);
        if (!issued.isBefore(today)) {
          break;
        }
        List<Line> lines = new ArrayList<>();
        int lineCount = 1 + random.nextInt(3);
        for (int i = 0; i < lineCount; i++) {
          Trades.Item item = trade.items().get(random.nextInt(trade.items().size()));
          if (lines.stream().anyMatch(l -> l.description().equals(item.description()))) {
            continue;
          }
          int qty = switch (size) {
            case 0 -> 1 + random.nextInt(5);
            case 1 -> 2 + random.nextInt(14);
            default -> 8 + random.nextInt(45);
          };
          lines.add(new Line(item.description(), BigDecimal.valueOf(qty),
              item.unitPrice().multiply(fx).setScale(c.currency().equals("SEK") ? 0 : 2, RoundingMode.HALF_EVEN).setScale(2)));
        }
        String po = random.nextInt(4) == 0 ? null : "PO-" + (poCounter++);
        int net = Integer.parseInt(terms.substring(terms.indexOf("NET") + 3));
        sales.add(fate(c, issued, terms, net, dealDiscount, po, lines, delayMean, delaySd, today, random));
        day = day.plusDays(Math.max(3, Math.round(-Math.log(1 - random.nextDouble()) * 30 / perMonth)));
      }
    }
    sales.sort(Comparator.comparing(Sale::issued).thenComparing(Sale::customerNo));
    return new DemoBook(today, customers, liven(sales, customers, today, random));
  }

  /** What happened to one invoice up to today: when and how it was paid, disputed, promised. */
  private static Sale fate(Customer c, LocalDate issued, String terms, int net, BigDecimal dealDiscount, String po, List<Line> lines,
                           double delayMean, double delaySd, LocalDate today, Random random) {
    Sale draft = new Sale(c.no(), issued, terms, net, dealDiscount, po, lines, List.of(), null, null, List.of(), Live.NONE);
    BigDecimal total = draft.total();
    LocalDate due = draft.due();
    long delay = Math.round(delayMean + random.nextGaussian() * delaySd);
    boolean straggler = switch (c.riskRating()) {
      case "HIGH" -> random.nextInt(100) < 22;
      case "MEDIUM" -> random.nextInt(100) < 4;
      default -> false;
    };
    if (straggler) {
      delay += 40 + random.nextInt(90);
    }
    LocalDate payDay = weekday(due.plusDays(delay));
    if (payDay.isBefore(issued.plusDays(3))) {
      payDay = weekday(issued.plusDays(3));
    }
    List<Payment> payments = new ArrayList<>();
    List<Promise> promises = new ArrayList<>();
    BigDecimal early = null;
    Dispute dispute = null;
    BigDecimal owed = total;

    // early-payment discount: good payers on 2/10 terms take it
    if (terms.startsWith("2/10") && c.riskRating().equals("LOW") && random.nextInt(10) < 7) {
      LocalDate paid = weekday(issued.plusDays(6 + random.nextInt(4)));
      if (paid.isBefore(today) && !paid.isAfter(issued.plusDays(10))) {
        early = total.multiply(new BigDecimal("0.02")).setScale(2, RoundingMode.HALF_EVEN);
        payments.add(new Payment(paid, total.subtract(early), reference(random)));
        return new Sale(c.no(), issued, terms, net, dealDiscount, po, lines, payments, early, null, promises, Live.NONE);
      }
    }

    int disputeChance = c.riskRating().equals("HIGH") ? 7 : 3;
    if (random.nextInt(100) < disputeChance) {
      LocalDate raised = weekday(issued.plusDays(5 + random.nextInt(20)));
      if (raised.isBefore(today.minusDays(1))) {
        dispute = dispute(c, lines, total, raised, today, random);
        if (dispute.resolved() == null) {
          return new Sale(c.no(), issued, terms, net, dealDiscount, po, lines, payments, null, dispute, promises, Live.DISPUTE);
        }
        if (dispute.credit() != null) {
          owed = owed.subtract(dispute.credit());
        }
        LocalDate afterResolution = weekday(dispute.resolved().plusDays(2 + random.nextInt(9)));
        if (afterResolution.isAfter(payDay)) {
          payDay = afterResolution;
        }
      }
    }

    long late = ChronoUnit.DAYS.between(due, payDay);
    String collector = COLLECTORS[random.nextInt(COLLECTORS.length)];
    if (late > 14 && random.nextInt(100) < 18 && owed.signum() > 0) {
      LocalDate made = weekday(due.plusDays(4 + random.nextInt(6)));
      LocalDate promised = weekday(made.plusDays(5 + random.nextInt(4)));
      if (promised.plusDays(2).isBefore(payDay) && promised.plusDays(2).isBefore(today)) {
        promises.add(new Promise(made, promised, owed, collector, "BROKEN"));
      }
    }
    if (late > 10 && random.nextInt(100) < 40 && owed.signum() > 0) {
      LocalDate made = weekday(payDay.minusDays(3 + random.nextInt(6)));
      LocalDate promised = payDay.minusDays(random.nextInt(3));
      boolean afterBroken = promises.isEmpty() || made.isAfter(promises.getLast().date().plusDays(2));
      if (made.isAfter(due) && promised.isAfter(made) && payDay.isBefore(today) && afterBroken) {
        promises.add(new Promise(made, promised, owed, collector, "KEPT"));
      }
    }

    if (random.nextInt(100) < 7 && owed.compareTo(new BigDecimal("200")) > 0) {
      BigDecimal part = owed.multiply(BigDecimal.valueOf(30 + random.nextInt(41))).movePointLeft(2).setScale(0, RoundingMode.DOWN)
          .setScale(2);
      if (payDay.isBefore(today)) {
        payments.add(new Payment(payDay, part, reference(random)));
        owed = owed.subtract(part);
        payDay = weekday(payDay.plusDays(14 + random.nextInt(40)));
      }
    }
    if (payDay.isBefore(today) && owed.signum() > 0) {
      payments.add(new Payment(payDay, owed, reference(random)));
    }
    return new Sale(c.no(), issued, terms, net, dealDiscount, po, lines, payments, null, dispute, promises, Live.NONE);
  }

  private static Dispute dispute(Customer c, List<Line> lines, BigDecimal total, LocalDate raised, LocalDate today, Random random) {
    String[][] reasons = {
        {"PRICING", "Unit price on the invoice is above the price agreed in the framework contract.", "Price list not updated"},
        {"DAMAGED_GOODS", "Part of the delivery arrived damaged; photos sent to the account manager.", "Damaged in transit"},
        {"SHORT_SHIPMENT", "Fewer units delivered than invoiced; delivery note signed with a remark.", "Picking error in warehouse"},
        {"MISSING_PO", "Our AP system rejects invoices without a purchase order number.", "PO not captured at order entry"},
        {"DISCOUNT_NOT_APPLIED", "The agreed volume discount was not deducted.", "Discount missing on the order"},
        {"DUPLICATE_BILLING", "This delivery was already invoiced on an earlier invoice.", "Invoice issued twice"},
        {"SERVICE_ISSUE", "The technician did not finish the job; a second visit was needed.", "Service visit incomplete"}};
    String[] reason = reasons[random.nextInt(reasons.length)];
    BigDecimal amount = switch (reason[0]) {
      case "PRICING", "DISCOUNT_NOT_APPLIED" -> total.multiply(BigDecimal.valueOf(5 + random.nextInt(11))).movePointLeft(2);
      case "DAMAGED_GOODS", "SHORT_SHIPMENT", "SERVICE_ISSUE" -> lines.getFirst().amount().min(total)
          .multiply(BigDecimal.valueOf(20 + random.nextInt(61))).movePointLeft(2);
      default -> total;
    };
    amount = amount.setScale(2, RoundingMode.HALF_EVEN).max(new BigDecimal("1.00"));
    LocalDate resolved = weekday(raised.plusDays(3 + random.nextInt(22)));
    String raisedBy = c.apContactName();
    if (!resolved.isBefore(today)) {
      return new Dispute(reason[0], amount, reason[1], raisedBy, raised, null, null, null, null);
    }
    boolean rejected = reason[0].equals("MISSING_PO") || random.nextInt(100) < 35;
    if (rejected) {
      return new Dispute(reason[0], amount, reason[1], raisedBy, raised, resolved, "REJECTED", null,
          reason[0].equals("MISSING_PO") ? "PO supplied by the customer" : "Invoice correct as issued");
    }
    return new Dispute(reason[0], amount, reason[1], raisedBy, raised, resolved, "CREDIT_MEMO", amount, reason[2]);
  }

  /** Picks, among the invoices still open, those something is happening to this morning. */
  private static List<Sale> liven(List<Sale> sales, List<Customer> customers, LocalDate today, Random random) {
    List<Integer> candidates = new ArrayList<>();
    for (int i = 0; i < sales.size(); i++) {
      Sale s = sales.get(i);
      if (s.live() == Live.NONE && s.open().signum() > 0 && s.payments().isEmpty() && s.dispute() == null) {
        candidates.add(i);
      }
    }
    java.util.Collections.shuffle(candidates, random);
    int disputes = 10;
    int promises = 12;
    int plans = 4;
    int holds = 5;
    int onStatement = 9;
    List<Sale> result = new ArrayList<>(sales);
    for (int i : candidates) {
      Sale s = sales.get(i);
      long overdue = ChronoUnit.DAYS.between(s.due(), today);
      Live live = Live.NONE;
      Dispute dispute = null;
      if (disputes > 0 && overdue > -15 && overdue < 45) {
        live = Live.DISPUTE;
        dispute = dispute(customers.get(s.customerNo() - 1), s.lines(), s.total(), today, today, random);
        disputes--;
      } else if (plans > 0 && overdue > 40) {
        live = Live.PLAN;
        plans--;
      } else if (promises > 0 && overdue > 3 && overdue < 60) {
        live = Live.PROMISE;
        promises--;
      } else if (holds > 0 && overdue > -10 && overdue < 20) {
        live = Live.HOLD;
        holds--;
      } else if (onStatement > 0 && overdue > -20 && overdue < 15) {
        live = Live.ON_STATEMENT;
        onStatement--;
      }
      if (live != Live.NONE) {
        result.set(i, new Sale(s.customerNo(), s.issued(), s.terms(), s.netDays(), s.discountPercent(), s.po(), s.lines(),
            s.payments(), s.earlyDiscount(), dispute, s.promises(), live));
      }
    }
    return result;
  }

  private static Customer named(int no, String name, String country, String risk, LocalDate since, int owner, String mailbox,
                                Random random) {
    Places place = Places.ALL.stream().filter(p -> p.country().equals(country)).findFirst().orElseThrow();
    return customer(no, name, place, risk, since, owner, mailbox, random);
  }

  private static Customer customer(int no, String name, Places place, String risk, LocalDate since, int owner, String mailbox,
                                   Random random) {
    Places.City city = place.cities().get(random.nextInt(place.cities().size()));
    String domain = slug(name) + ".example";
    BigDecimal limit = BigDecimal.valueOf(switch (risk) {
      case "LOW" -> 40_000 + 10_000 * random.nextInt(12);
      case "MEDIUM" -> 20_000 + 5_000 * random.nextInt(8);
      default -> 10_000 + 5_000 * random.nextInt(4);
    }).multiply(fx(place.currency())).setScale(0, RoundingMode.HALF_EVEN).setScale(2);
    return new Customer(no, name, mailbox + "@" + domain, place.person(random), place.phone(random), OWNERS[owner][0], OWNERS[owner][1],
        limit, place.currency(), risk, since, place.street(random), city.postcode(), city.name(), place.country(),
        place.vatId(random), place.zone(), domain);
  }

  /** The first two words of the name, for a mail domain: "Acme Retail GmbH" → acme-retail. */
  static String slug(String name) {
    String plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    String[] words = plain.replaceAll("[^a-z0-9 ]", "").trim().split("\\s+");
    return words.length > 1 ? words[0] + "-" + words[1] : words[0];
  }

  /** Prices are set in euros; other currencies get about what the same goods cost there. */
  private static BigDecimal fx(String currency) {
    return switch (currency) {
      case "GBP" -> new BigDecimal("0.85");
      case "USD" -> new BigDecimal("1.10");
      case "CHF" -> new BigDecimal("0.95");
      case "SEK" -> new BigDecimal("11.00");
      default -> BigDecimal.ONE;
    };
  }

  private static String reference(Random random) {
    return "TRF" + (100_000_000L + (long) (random.nextDouble() * 899_999_999L));
  }

  private static LocalDate weekday(LocalDate day) {
    return day.getDayOfWeek() == DayOfWeek.SATURDAY ? day.plusDays(2) : day.getDayOfWeek() == DayOfWeek.SUNDAY ? day.plusDays(1) : day;
  }
}
