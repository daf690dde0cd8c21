package settle.matching.testdata;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import settle.matching.Allocation;
import settle.matching.IncomingPayment;
import settle.matching.OpenItem;
import settle.matching.Payer;
import settle.matching.internal.Names;
import settle.matching.testdata.LabelledLine.Kind;
import settle.matching.testdata.LabelledLine.ReferenceForm;
import settle.matching.testdata.LabelledLine.Truth;

/**
 * A seeded, labelled data set for cash matching: customers with legal forms and IBANs (some learned,
 * some not), open invoices over half a year with 2/10 net 30 terms for some, and statement lines that
 * each carry the truth of what they pay. The same seed and sizes always give the same data.
 */
public final class CashDataGenerator {

  static final LocalDate TODAY = LocalDate.of(2026, 3, 2);
  private static final int HISTORY_DAYS = 180;

  private static final String[] SURNAMES = {
    "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann",
    "Schäfer", "Koch", "Bauer", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Schwarz", "Zimmermann",
    "Braun", "Krüger", "Hofmann", "Hartmann", "Lange", "Schmitt", "Werner", "Schmitz", "Krause", "Meier",
    "Lehmann", "Schmid", "Schulze", "Maier", "Köhler", "Herrmann", "König", "Walter", "Mayer", "Huber",
    "Kaiser", "Fuchs", "Peters", "Lang", "Scholz", "Möller", "Weiß", "Jung", "Hahn", "Schubert",
    "Vogel", "Friedrich", "Keller", "Günther", "Frank", "Berger", "Winkler", "Roth", "Beck", "Lorenz",
    "Baumann", "Franke", "Albrecht", "Schuster", "Simon", "Ludwig", "Böhm", "Winter", "Kraus", "Martin",
    "Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson", "Anderson", "Taylor",
    "Thomas", "Moore", "Jackson", "White", "Harris", "Clark", "Lewis", "Walker", "Hall", "Allen",
    "Young", "King", "Wright", "Hill", "Scott", "Green", "Adams", "Baker", "Nelson", "Carter",
    "Dubois", "Laurent", "Bernard", "Moreau", "Lefèvre", "Garnier", "Janssen", "de Vries", "van Dijk", "Bakker",
    "Andersson", "Johansson", "Karlsson", "Nilsson", "Larsen", "Hansen", "Virtanen", "Nieminen", "Rossi", "Bianchi"
  };

  private static final String[] PLACES = {
    "Nordic", "Alpine", "Rhein", "Baltic", "Atlantic", "Hanse", "Elbe", "Donau", "Bavaria", "Westfalen",
    "Saxonia", "Thames", "Highland", "Pacific", "Continental", "Euro", "Global", "Central", "United", "Northern",
    "Southern", "Eastern", "Western", "Metro", "Urban", "Coastal", "Harbor", "Valley", "Summit", "Pioneer",
    "Apex", "Vertex", "Orion", "Polaris", "Acme", "Zenith", "Nova", "Astra", "Delta", "Sigma"
  };

  private static final String[] TRADES = {
    "Logistik", "Logistics", "Bau", "Timber", "Foods", "Trading", "Handel", "Metall", "Industrial Supplies", "Software",
    "Consulting", "Maschinenbau", "Elektro", "Chemicals", "Textil", "Druck", "Verpackung", "Packaging", "Medical", "Pharma",
    "Automotive", "Kunststoff", "Plastics", "Stahl", "Steel", "Energy", "Solar", "Wind", "Agrar", "Getränke",
    "Beverages", "Möbel", "Furniture", "Papier", "Paper", "Glas", "Glass", "Transport", "Spedition", "Freight",
    "Immobilien", "Properties", "Hotels", "Gastronomie", "Catering", "Reinigung", "Cleaning", "Security", "Sicherheit", "IT",
    "Data", "Telecom", "Media", "Werbung", "Marketing", "Optik", "Dental", "Labor", "Instruments", "Tools",
    "Werkzeug", "Elektronik", "Electronics", "Feinmechanik", "Hydraulik", "Pneumatik", "Sanitär", "Heizung", "Dach", "Fenster"
  };

  private static final String[] ADDITIONS = {
    "", "", "", "", "", "Group", "Services", "Partner", "International", "Europe", "Nord", "Süd", "Solutions", "Systems",
    "Holding", "& Söhne", "Technik", "Vertrieb", "Service", "Works"
  };

  private static final String[][] LEGAL_FORMS = {
    {"GmbH", "GMBH", "G.m.b.H."}, {"AG", "A.G."}, {"GmbH & Co. KG", "GmbH & Co KG", "GMBH & CO. KG"}, {"KG"}, {"e.K."},
    {"UG (haftungsbeschränkt)", "UG"}, {"Ltd", "Ltd.", "Limited", "LTD"}, {"Inc.", "Inc", "Incorporated"}, {"LLC"},
    {"plc", "PLC"}, {"S.A.", "SA"}, {"SARL", "S.A.R.L."}, {"B.V.", "BV"}, {"AB"}, {"Oy"}, {"AS", "A/S"}
  };

  private static final String[] FIRST_NAMES = {
    "Anna", "Lukas", "Mia", "Finn", "Emma", "Jonas", "Hannah", "Leon", "Sofia", "Paul", "Lena", "Felix", "Laura", "Max",
    "Julia", "Tim", "Sarah", "Jan", "Lisa", "Tom", "Olivia", "James", "Amelia", "Jack", "Chloe", "Noah", "Grace", "Liam"
  };

  private static final String[] CLEAN_TEMPLATES = {"%s", "Invoice %s", "RE: %s", "Payment %s", "%s thank you", "Zahlung %s"};
  private static final String[] NO_REFERENCE = {"", "Payment", "SEPA Überweisung", "Zahlung", "Transfer", "Sammelüberweisung", "Rent"};
  private static final String[] PREFIXES = {"INV-", "INV ", "Inv. ", "inv", "Invoice ", "invoice no. ", "Rechnung ", "RG ", "RE: INV ", ""};

  private final SplittableRandom random;
  private final NoiseProfile profile;
  private final LocalDate[] days = new LocalDate[HISTORY_DAYS + 120];
  private final long firstDay = TODAY.toEpochDay() - HISTORY_DAYS;

  // invoices by position
  private int[] customerOf;
  private long[] amount;
  private long[] discounted;
  private int[] issued;
  private String[] numbers;
  private boolean[] paid;
  private int[][] invoicesOf;

  // customers by position
  private String[] names;
  private String[][] accounts;
  private String[] currencies;

  public CashDataGenerator(long seed, NoiseProfile profile) {
    this.random = new SplittableRandom(seed);
    this.profile = profile;
  }

  public Dataset generate(int customerCount, int invoiceCount, int lineCount) {
    List<Payer> payers = customers(customerCount);
    List<OpenItem> items = invoices(customerCount, invoiceCount);
    List<LabelledLine> lines = new ArrayList<>(lineCount);
    for (int k = 0; k < lineCount; k++) {
      lines.add(line());
    }
    lines.sort(Comparator.comparing((LabelledLine l) -> l.payment().valueDate()));
    List<LabelledLine> numbered = new ArrayList<>(lineCount);
    for (int k = 0; k < lines.size(); k++) {
      IncomingPayment p = lines.get(k).payment();
      numbered.add(
          new LabelledLine(
              new IncomingPayment(
                  "L%07d".formatted(k + 1), p.amount(), p.currency(), p.valueDate(), p.payerName(), p.payerAccount(), p.remittance()),
              lines.get(k).truth()));
    }
    return new Dataset(payers, items, numbered);
  }

  // --- customers ---

  private List<Payer> customers(int count) {
    names = new String[count];
    accounts = new String[count][];
    currencies = new String[count];
    Set<String> normalized = new HashSet<>(count * 2);
    Set<String> ibans = new HashSet<>(count * 3);
    List<Payer> payers = new ArrayList<>(count);
    for (int c = 0; c < count; c++) {
      String name;
      do {
        name = companyName();
      } while (!normalized.add(Names.normalize(name)) && random.nextDouble() > 0.01);
      names[c] = name;
      int accountCount = random.nextDouble() < 0.2 ? 2 : 1;
      accounts[c] = new String[accountCount];
      Set<String> known = new LinkedHashSet<>();
      for (int a = 0; a < accountCount; a++) {
        String iban;
        do {
          iban = iban();
        } while (!ibans.add(iban));
        accounts[c][a] = iban;
        if (random.nextDouble() < profile.accountKnown()) {
          known.add(iban);
        }
      }
      double currency = random.nextDouble();
      currencies[c] = currency < 0.94 ? "EUR" : currency < 0.97 ? "USD" : "GBP";
      payers.add(new Payer(customerId(c), name, known));
    }
    return payers;
  }

  private static long customerId(int c) {
    return 100_000L + c;
  }

  private String companyName() {
    double shape = random.nextDouble();
    String head;
    if (shape < 0.45) {
      head = pick(SURNAMES);
    } else if (shape < 0.65) {
      head = pick(SURNAMES) + " & " + pick(SURNAMES);
    } else {
      head = pick(PLACES);
    }
    String addition = pick(ADDITIONS);
    String[] legal = LEGAL_FORMS[random.nextInt(LEGAL_FORMS.length)];
    return head + " " + pick(TRADES) + (addition.isEmpty() ? "" : " " + addition) + " " + legal[0];
  }

  /** A German IBAN with valid check digits. */
  private String iban() {
    StringBuilder bban = new StringBuilder(18);
    for (int k = 0; k < 18; k++) {
      bban.append((char) ('0' + random.nextInt(10)));
    }
    String rearranged = bban + "131400"; // "DE00" moved to the end, letters as numbers
    int mod = 0;
    for (int k = 0; k < rearranged.length(); k++) {
      mod = (mod * 10 + (rearranged.charAt(k) - '0')) % 97;
    }
    return "DE%02d%s".formatted(98 - mod, bban);
  }

  // --- invoices ---

  private List<OpenItem> invoices(int customerCount, int invoiceCount) {
    customerOf = new int[invoiceCount];
    amount = new long[invoiceCount];
    discounted = new long[invoiceCount];
    issued = new int[invoiceCount];
    numbers = new String[invoiceCount];
    paid = new boolean[invoiceCount];

    // a few customers get many invoices, most get a handful (log-normal)
    double[] weight = new double[customerCount];
    double total = 0;
    for (int c = 0; c < customerCount; c++) {
      weight[c] = Math.exp(gaussian());
      total += weight[c];
    }
    int[] count = new int[customerCount];
    int assigned = 0;
    for (int c = 0; c < customerCount && assigned < invoiceCount; c++) {
      count[c] = Math.min(invoiceCount - assigned, Math.max(1, (int) (invoiceCount * weight[c] / total)));
      assigned += count[c];
    }
    while (assigned < invoiceCount) {
      count[random.nextInt(customerCount)]++;
      assigned++;
    }

    long[][] recurring = new long[customerCount][];
    int i = 0;
    for (int c = 0; c < customerCount; c++) {
      if (random.nextDouble() < profile.recurringAmounts()) {
        recurring[c] = new long[] {roundAmount(), roundAmount()};
      }
      for (int k = 0; k < count[c]; k++, i++) {
        customerOf[i] = c;
        issued[i] = random.nextInt(HISTORY_DAYS);
        amount[i] = recurring[c] != null && random.nextDouble() < 0.8 ? recurring[c][random.nextInt(2)] : invoiceAmount();
        discounted[i] = random.nextDouble() < 0.3 ? Math.round(amount[i] * 0.98) : -1;
        if (random.nextDouble() < 0.05) {
          amount[i] -= 1 + random.nextLong(amount[i] / 2 + 1); // partly paid before
          discounted[i] = -1;
        }
      }
    }

    // numbered in order of issue, per year
    long[] order = new long[invoiceCount];
    for (int k = 0; k < invoiceCount; k++) {
      order[k] = ((long) issued[k] << 32) | k;
    }
    Arrays.sort(order);
    int[] sequence = new int[3000];
    for (long o : order) {
      int k = (int) o;
      LocalDate date = day(issued[k]);
      numbers[k] = invoiceNumber(date.getYear(), ++sequence[date.getYear()]);
    }

    int[] filled = new int[customerCount];
    invoicesOf = new int[customerCount][];
    for (int c = 0; c < customerCount; c++) {
      invoicesOf[c] = new int[count[c]];
    }
    for (long o : order) {
      int k = (int) o;
      invoicesOf[customerOf[k]][filled[customerOf[k]]++] = k;
    }

    List<OpenItem> items = new ArrayList<>(invoiceCount);
    for (int k = 0; k < invoiceCount; k++) {
      boolean discount = discounted[k] >= 0;
      items.add(
          new OpenItem(
              k + 1L,
              numbers[k],
              customerId(customerOf[k]),
              BigDecimal.valueOf(amount[k], 2),
              currencies[customerOf[k]],
              day(issued[k] + 30),
              discount ? BigDecimal.valueOf(discounted[k], 2) : null,
              discount ? day(issued[k] + 10) : null));
    }
    return items;
  }

  private long invoiceAmount() {
    long cents = Math.max(500, Math.round(Math.exp(11.3 + 1.1 * gaussian()))); // median about 800.00
    return random.nextDouble() < 0.25 ? Math.max(100, cents / 100 * 100) : cents;
  }

  private long roundAmount() {
    return (10 + random.nextInt(300)) * 1000L;
  }

  private static String invoiceNumber(int year, int sequence) {
    String digits = Integer.toString(sequence);
    return "INV-" + year + "-" + "000000".substring(Math.min(6, digits.length())) + digits;
  }

  // --- lines ---

  private LabelledLine line() {
    double roll = random.nextDouble();
    double p = profile.unknownPayer();
    if (roll < p) {
      return unknownPayer();
    }
    if (roll < (p += profile.bundle())) {
      LabelledLine bundle = bundle();
      if (bundle != null) {
        return bundle;
      }
    } else if (roll < (p += profile.shortPay())) {
      return single(Kind.SHORT_PAY);
    } else if (roll < (p += profile.discount())) {
      return single(Kind.DISCOUNT);
    } else if (roll < p + profile.overpay()) {
      return single(Kind.OVERPAY);
    }
    return single(Kind.SINGLE);
  }

  private LabelledLine single(Kind kind) {
    int i;
    do {
      i = random.nextInt(paid.length);
    } while (paid[i] || (kind == Kind.DISCOUNT && discounted[i] < 0));
    paid[i] = true;
    int c = customerOf[i];
    long cents = amount[i];
    long discount = 0;
    long shortfall = 0;
    long unapplied = 0;
    long day = valueDay(i);
    switch (kind) {
      case DISCOUNT -> {
        cents = discounted[i];
        discount = amount[i] - cents;
        day = Math.max(issued[i] + 1, issued[i] + 10 - random.nextInt(6));
      }
      case SHORT_PAY -> {
        shortfall = random.nextBoolean() ? 500 + random.nextInt(3000) : amount[i] * (2 + random.nextInt(19)) / 100;
        shortfall = Math.max(1, Math.min(shortfall, amount[i] / 2));
        cents -= shortfall;
      }
      case OVERPAY -> unapplied = 100 + random.nextLong(20_000);
      default -> {}
    }
    Allocation allocation = new Allocation(i + 1L, numbers[i], BigDecimal.valueOf(cents, 2), BigDecimal.valueOf(discount, 2));
    return labelled(c, new int[] {i}, List.of(allocation), cents + unapplied, day, kind, shortfall, unapplied);
  }

  private LabelledLine bundle() {
    int c = customerOf[random.nextInt(paid.length)];
    List<Integer> open = new ArrayList<>();
    for (int i : invoicesOf[c]) {
      if (!paid[i]) {
        open.add(i);
        if (open.size() == 8) {
          break;
        }
      }
    }
    double size = random.nextDouble();
    int k = Math.min(open.size(), size < 0.5 ? 2 : size < 0.75 ? 3 : size < 0.9 ? 4 : 5);
    if (k < 2) {
      return null;
    }
    List<Integer> chosen = new ArrayList<>();
    while (chosen.size() < k) {
      int i = open.get(random.nextInt(open.size()));
      if (!chosen.contains(i)) {
        chosen.add(i);
      }
    }
    chosen.sort(Comparator.comparingInt((Integer i) -> issued[i]));
    long total = 0;
    long day = 0;
    List<Allocation> allocations = new ArrayList<>(k);
    for (int i : chosen) {
      paid[i] = true;
      total += amount[i];
      day = Math.max(day, valueDay(i));
      allocations.add(new Allocation(i + 1L, numbers[i], BigDecimal.valueOf(amount[i], 2)));
    }
    int[] items = chosen.stream().mapToInt(Integer::intValue).toArray();
    return labelled(c, items, allocations, total, day, Kind.BUNDLE, 0, 0);
  }

  /** Around the due date; after the discount window unless the line is about the discount. */
  private long valueDay(int i) {
    long day = Math.max(issued[i] + 1, issued[i] + 30 - 10 + random.nextInt(36));
    if (discounted[i] >= 0 && day <= issued[i] + 10) {
      day = issued[i] + 11 + random.nextInt(10);
    }
    return day;
  }

  private LabelledLine labelled(
      int c, int[] items, List<Allocation> allocations, long cents, long day, Kind kind, long shortfall, long unapplied) {
    ReferenceForm form = referenceForm();
    String remittance = remittance(items, form);
    if (form == ReferenceForm.GARBLED && random.nextDouble() < profile.unrecoverableGarbling()) {
      form = ReferenceForm.UNRECOVERABLE;
      remittance = unrecoverable(items);
    }
    String account = null;
    if (random.nextDouble() < profile.accountPresent()) {
      account = printed(accounts[c][random.nextInt(accounts[c].length)]);
    }
    IncomingPayment payment =
        new IncomingPayment("", BigDecimal.valueOf(cents, 2), currencies[c], day((int) day), payerName(names[c]), account, remittance);
    Truth truth =
        new Truth(customerId(c), allocations, kind, form, BigDecimal.valueOf(shortfall, 2), BigDecimal.valueOf(unapplied, 2));
    return new LabelledLine(payment, truth);
  }

  private LabelledLine unknownPayer() {
    String name = pick(FIRST_NAMES) + " " + pick(SURNAMES);
    String remittance = pick(new String[] {"", "Refund", "Donation", "Order " + (10_000 + random.nextInt(90_000)), "Rent March", "Deposit"});
    long cents = 1000 + random.nextLong(200_000);
    IncomingPayment payment =
        new IncomingPayment(
            "", BigDecimal.valueOf(cents, 2), "EUR", day(HISTORY_DAYS - random.nextInt(60)), name, printed(iban()), remittance);
    Truth truth = new Truth(null, List.of(), Kind.UNKNOWN_PAYER, ReferenceForm.NONE, BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2));
    return new LabelledLine(payment, truth);
  }

  private ReferenceForm referenceForm() {
    double roll = random.nextDouble();
    if (roll < profile.cleanReference()) {
      return ReferenceForm.CLEAN;
    }
    if (roll < profile.cleanReference() + profile.garbledReference()) {
      return ReferenceForm.GARBLED;
    }
    if (roll < profile.cleanReference() + profile.garbledReference() + profile.yearlessReference()) {
      return ReferenceForm.YEARLESS;
    }
    return ReferenceForm.NONE;
  }

  // --- remittance ---

  private String remittance(int[] items, ReferenceForm form) {
    return switch (form) {
      case NONE -> random.nextDouble() < 0.15 ? "PO " + (40_000 + random.nextInt(60_000)) : pick(NO_REFERENCE);
      case CLEAN -> {
        if (items.length > 1 && random.nextDouble() < 0.3 && sameYear(items)) {
          StringBuilder compact = new StringBuilder(numbers[items[0]]);
          for (int k = 1; k < items.length; k++) {
            compact.append('/').append(numbers[items[k]].substring(9));
          }
          yield compact.toString();
        }
        List<String> written = new ArrayList<>();
        for (int i : items) {
          written.add(numbers[i]);
        }
        yield pick(CLEAN_TEMPLATES).formatted(String.join(pick(new String[] {", ", " ", "; "}), written));
      }
      case GARBLED -> {
        List<String> written = new ArrayList<>();
        for (int i : items) {
          written.add(garbled(numbers[i]));
        }
        yield String.join(pick(new String[] {", ", " ", " / "}), written);
      }
      case YEARLESS -> {
        List<String> written = new ArrayList<>();
        for (int i : items) {
          String sequence = numbers[i].substring(9);
          written.add(random.nextBoolean() ? sequence : Long.toString(Long.parseLong(sequence)));
        }
        yield pick(new String[] {"Inv ", "Rechnung ", "invoice ", "RG "}) + String.join(", ", written);
      }
      case UNRECOVERABLE -> throw new IllegalStateException();
    };
  }

  private boolean sameYear(int[] items) {
    for (int i : items) {
      if (!numbers[i].startsWith(numbers[items[0]].substring(0, 8))) {
        return false;
      }
    }
    return true;
  }

  /** Spacing, separators, prefixes, leading zeros and OCR letters, one to three of them. */
  private String garbled(String number) {
    String year = number.substring(4, 8);
    String sequence = number.substring(9);
    String prefix = "INV-";
    String separator = "-";
    int changes = 1 + random.nextInt(3);
    for (int k = 0; k < changes; k++) {
      switch (random.nextInt(5)) {
        case 0 -> separator = pick(new String[] {" ", "/", ".", "", " - "});
        case 1 -> {
          if (sequence.chars().allMatch(Character::isDigit)) {
            sequence = random.nextBoolean() ? Long.toString(Long.parseLong(sequence)) : "0" + sequence;
          }
        }
        case 2 -> {
          year = ocr(year);
          sequence = ocr(sequence);
        }
        case 3 -> prefix = pick(PREFIXES);
        default -> {
          if (sequence.length() < 2 || sequence.contains(" ")) {
            continue;
          }
          int cut = 1 + random.nextInt(sequence.length() - 1);
          sequence = sequence.substring(0, cut) + " " + sequence.substring(cut);
          separator = " ";
        }
      }
    }
    String written = prefix + year + separator + sequence;
    return random.nextDouble() < 0.2 ? written.toLowerCase(Locale.ROOT) : written;
  }

  private String ocr(String digits) {
    char[] chars = digits.toCharArray();
    int replaced = 0;
    for (int k = 0; k < chars.length && replaced < 2; k++) {
      char misread =
          switch (chars[k]) {
            case '0' -> 'O';
            case '1' -> random.nextBoolean() ? 'I' : 'l';
            case '5' -> 'S';
            case '8' -> 'B';
            default -> chars[k];
          };
      if (misread != chars[k] && random.nextDouble() < 0.5) {
        chars[k] = misread;
        replaced++;
      }
    }
    return new String(chars);
  }

  /** Transposed or dropped digits: no reader can tell which invoice was meant. */
  private String unrecoverable(int[] items) {
    List<String> written = new ArrayList<>();
    for (int i : items) {
      char[] sequence = numbers[i].substring(9).toCharArray();
      int at = 3 + random.nextInt(2);
      if (random.nextBoolean() && sequence[at] != sequence[at + 1]) {
        char swap = sequence[at];
        sequence[at] = sequence[at + 1];
        sequence[at + 1] = swap;
        written.add("INV-" + numbers[i].substring(4, 9) + new String(sequence));
      } else {
        written.add("INV-" + numbers[i].substring(4, 9) + new String(sequence, 0, 5));
      }
    }
    return String.join(" ", written);
  }

  // --- payer ---

  private String payerName(String name) {
    if (random.nextDouble() >= profile.nameVariation()) {
      return name;
    }
    return switch (random.nextInt(8)) {
      case 0 -> name.toUpperCase(Locale.ROOT);
      case 1 -> withoutLegalForm(name);
      case 2 -> name.replace("GmbH", "GMBH").replace("Ltd", "Limited").replace("Inc.", "Inc").replace("S.A.", "SA").replace("B.V.", "BV");
      case 3 -> name.replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss").toUpperCase(Locale.ROOT);
      case 4 -> name.length() > 22 ? name.substring(0, 22) : name;
      case 5 -> typo(name);
      case 6 -> name.replace(" & ", " and ").replace(".", "");
      default -> withoutLegalForm(name).toLowerCase(Locale.ROOT);
    };
  }

  private static String withoutLegalForm(String name) {
    for (String[] forms : LEGAL_FORMS) {
      if (name.endsWith(" " + forms[0])) {
        return name.substring(0, name.length() - forms[0].length() - 1);
      }
    }
    return name;
  }

  private String typo(String name) {
    int at = 1 + random.nextInt(Math.max(1, name.length() - 2));
    char c = name.charAt(at);
    if (!Character.isLetter(c)) {
      return name;
    }
    char replacement = (char) ('a' + random.nextInt(26));
    return name.substring(0, at) + (Character.isUpperCase(c) ? Character.toUpperCase(replacement) : replacement) + name.substring(at + 1);
  }

  private String printed(String iban) {
    String out = iban;
    if (random.nextBoolean()) {
      StringBuilder grouped = new StringBuilder();
      for (int k = 0; k < iban.length(); k += 4) {
        if (k > 0) {
          grouped.append(' ');
        }
        grouped.append(iban, k, Math.min(iban.length(), k + 4));
      }
      out = grouped.toString();
    }
    return random.nextDouble() < 0.1 ? out.toLowerCase(Locale.ROOT) : out;
  }

  // --- helpers ---

  private LocalDate day(int offset) {
    int index = Math.min(days.length - 1, Math.max(0, offset));
    LocalDate date = days[index];
    if (date == null) {
      date = LocalDate.ofEpochDay(firstDay + index);
      days[index] = date;
    }
    return date;
  }

  private double gaussian() {
    // Box-Muller on the seeded generator, so the data does not depend on java.util.Random
    double u = 1.0 - random.nextDouble();
    double v = random.nextDouble();
    return Math.sqrt(-2.0 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  private String pick(String[] options) {
    return options[random.nextInt(options.length)];
  }
}
