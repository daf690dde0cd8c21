package settle.payments;

import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import settle.audit.AuditLog;
import settle.common.ConflictException;
import settle.common.InvalidRequestException;
import settle.common.Money;
import settle.common.NotFoundException;
import settle.engine.EngineOutbox;
import settle.payments.internal.PaymentReturns;
import settle.payments.statements.AccountZones;
import settle.payments.statements.BankStatement;
import settle.payments.statements.StatementFormat;
import settle.payments.statements.StatementLine;
import settle.payments.statements.StatementParsers;

/**
 * Imports bank statements: one transaction stores the file with its SHA-256, the statement and its
 * credit lines, and queues the start of bpmn/cash-application.bpmn. The same file, or the same
 * statement id for the same account, is recognised and nothing is stored or posted again; a line
 * whose bank transaction an earlier file delivered ({@link BankIdentities}) is stored as a DUPLICATE
 * and never posted. A file that cannot be read is refused before anything is written. Files are read
 * a few at a time ({@link ImportSlots}).
 */
@Service
public class BankStatements {

  public static final String MATCH_RATE_DEFINITION = "Line-level: credit lines posted without a person (AUTO_MATCHED, "
      + "WRITTEN_OFF, DEDUCTION) ÷ all credit lines of the statement but duplicates. Debit lines are not cash to apply, and "
      + "DUPLICATE lines were imported before; neither is counted.";
  public static final String PRECISION_NOTE = "Precision = auto-posted lines posted to the right invoices ÷ auto-posted "
      + "lines. It needs the truth, so it is measured on labelled data by the matching benchmark "
      + "(./mvnw -B -Pbench verify; see docs/cash-application.md), not per statement; the engine posts a line on its own only at "
      + "confidence ≥ 0.9 and leaves anything less to a cash applier.";

  private static final int BATCH = 1_000;
  /** Statements stored by imports (a re-sent one is not counted again), by file format. */
  static final String IMPORTED = "settle.statements.imported";

  private final JdbcTemplate jdbc;
  private final TransactionTemplate tx;
  private final EngineOutbox engine;
  private final AuditLog audit;
  private final Clock clock;
  private final ImportSlots slots;
  private final PaymentReturns returns;
  private final AccountZones zones;
  private final MeterRegistry registry;

  BankStatements(JdbcTemplate jdbc, TransactionTemplate tx, EngineOutbox engine, AuditLog audit, Clock clock, ImportSlots slots,
                 PaymentReturns returns, Environment environment, MeterRegistry registry) {
    this.registry = registry;
    this.returns = returns;
    this.zones = zones(environment);
    this.jdbc = jdbc;
    this.tx = tx;
    this.engine = engine;
    this.audit = audit;
    this.clock = clock;
    this.slots = slots;
  }

  /**
   * Reads and stores the statement and starts its cash application. {@code formatName} names the
   * format (else it is detected); {@code account} names the account for files that do not (CSV).
   *
   * @throws settle.payments.statements.StatementFormatException naming the line and element, with nothing stored
   */
  public StatementImport importStatement(byte[] content, String fileName, String formatName, String account, String actor) {
    if (content == null || content.length == 0) {
      throw new InvalidRequestException("file", "The file is empty");
    }
    String sha256 = sha256(content);
    List<Long> sameFile = idsBySha(sha256);
    if (!sameFile.isEmpty()) {
      return summary(sameFile.stream().map(id -> new Part(id, true)).toList());
    }
    Optional<StatementFormat> format = format(formatName);
    return slots.run(() -> {
      List<BankStatement> statements = StatementParsers.parse(content, format, zones);
      List<String> accounts = statements.stream()
          .map(s -> s.accountId() != null ? s.accountId() : blankToNull(account)).toList();
      List<String> references = references(statements, accounts);
      for (int attempt = 1; ; attempt++) {
        List<Long> stored = idsBySha(sha256);
        if (!stored.isEmpty()) {
          return summary(stored.stream().map(id -> new Part(id, true)).toList());
        }
        try {
          // One transaction for the whole file: every statement it holds is stored, or none.
          List<Part> parts = tx.execute(status -> {
            List<Part> done = new ArrayList<>();
            for (int i = 0; i < statements.size(); i++) {
              BankStatement statement = statements.get(i);
              Optional<Long> earlier = idByReference(accounts.get(i), references.get(i));
              if (earlier.isPresent()) {
                done.add(new Part(earlier.get(), true));
              } else {
                List<StatementLine> lines = storedLines(statement);
                done.add(new Part(store(statement, lines, references.get(i), BankIdentities.of(accounts.get(i), lines),
                    i == 0 ? content : null, sha256, i + 1, fileName, accounts.get(i), actor), false));
              }
            }
            return done;
          });
          long storedNow = parts.stream().filter(part -> !part.alreadyImported()).count();
          if (storedNow > 0) {
            registry.counter(IMPORTED, "format", statements.getFirst().format().name()).increment(storedNow);
          }
          return summary(parts);
        } catch (DuplicateKeyException raced) {
          // Another import stored the same file, statement or one of these transactions meanwhile:
          // look again, and the lines it stored are now duplicates here.
          if (attempt == 3) {
            throw raced;
          }
        }
      }
    });
  }

  /** settle.cash-application.account-zones.&lt;IBAN&gt; and default-zone: the zone each account books in. */
  static AccountZones zones(Environment environment) {
    Binder properties = Binder.get(environment);
    return new AccountZones(
        properties.bind("settle.cash-application.default-zone", ZoneId.class).orElse(null),
        properties.bind("settle.cash-application.account-zones", Bindable.mapOf(String.class, ZoneId.class)).orElse(Map.of()));
  }

  /** One statement of an uploaded file, and whether an earlier upload had stored it already. */
  private record Part(long id, boolean alreadyImported) {}

  /**
   * The statements' own ids; one that a file repeats for the same account (pages of a day) is numbered, so that
   * each page is its own statement and a re-sent file still finds each again.
   */
  private static List<String> references(List<BankStatement> statements, List<String> accounts) {
    Map<String, Integer> seen = new HashMap<>();
    List<String> references = new ArrayList<>();
    for (int i = 0; i < statements.size(); i++) {
      String reference = statements.get(i).statementId();
      if (reference != null) {
        int occurrence = seen.merge(accounts.get(i) + "\u0000" + reference, 1, Integer::sum);
        reference = occurrence == 1 ? reference : reference + "#" + occurrence;
      }
      references.add(reference);
    }
    return references;
  }

  /**
   * The lines cash application keeps: every credit, then the debits that return an earlier payment (marked as a
   * reversal by the bank, or giving back a posted credit line, {@link PaymentReturns}). Other debits are only counted.
   */
  private List<StatementLine> storedLines(BankStatement statement) {
    List<StatementLine> lines = new ArrayList<>(statement.credits());
    statement.lines().stream().filter(returns::isReturn).forEach(lines::add);
    return lines;
  }

  private long store(BankStatement statement, List<StatementLine> lines, String reference, List<String> identities, byte[] content,
                     String sha256, int filePart, String fileName, String accountId, String actor) {
    List<StatementLine> credits = statement.credits();
    int debits = statement.lines().size() - credits.size();
    Long id = jdbc.queryForObject("""
            insert into bank_statement(format, statement_ref, account_id, currency, statement_date, file_name, file_sha256, file_part,
                                       content, credit_lines, debit_lines, status, imported_by, imported_at,
                                       opening_balance, closing_balance, expected_closing_balance, reconciled)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'IMPORTED', ?, ?, ?, ?, ?, ?) returning id""", Long.class,
        statement.format().name(), reference, accountId, statement.currency(),
        statement.date() == null ? null : Date.valueOf(statement.date()), truncate(fileName, 300), sha256, filePart, content,
        credits.size(), debits, actor, Timestamp.from(clock.instant()), statement.opening(), statement.closing(),
        statement.expectedClosing(), statement.reconciled());
    Map<String, Long> originals = originals(identities);
    List<Object[]> rows = new ArrayList<>(Math.min(lines.size(), BATCH));
    int duplicates = 0;
    for (int i = 0; i < lines.size(); i++) {
      StatementLine line = lines.get(i);
      Long original = originals.get(identities.get(i));
      duplicates += original == null ? 0 : 1;
      rows.add(new Object[] {id, i + 1, truncate(line.reference(), 200), line.amount(), line.currency(),
          Date.valueOf(line.valueDate() != null ? line.valueDate() : line.bookingDate()), truncate(line.payerName(), 300),
          truncate(line.payerAccount(), 100), remittance(line), original == null ? "PENDING" : "DUPLICATE", identities.get(i),
          original, line.reversal(), !line.credit(), truncate(line.endToEndId(), 200)});
      if (rows.size() == BATCH) {
        insertLines(rows);
        rows.clear();
      }
    }
    insertLines(rows);
    engine.publishMessage(CashApplication.STATEMENT_IMPORTED, String.valueOf(id), Map.of("statementId", id));
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("format", displayName(statement.format()));
    details.put("statementId", reference);
    details.put("accountId", accountId);
    details.put("fileName", fileName);
    details.put("sha256", sha256);
    details.put("creditLines", credits.size());
    details.put("debitLines", debits);
    details.put("duplicateLines", duplicates);
    if (lines.size() > credits.size()) {
      details.put("returnLines", lines.size() - credits.size());
    }
    if (!statement.reconciled()) {
      details.put("openingBalance", statement.opening());
      details.put("closingBalance", statement.closing());
      details.put("expectedClosingBalance", statement.expectedClosing());
    }
    audit.record(actor, "statement.imported", "statement:" + id, details);
    return id;
  }

  /** Lines stored before with these identities, by identity: the transactions this file delivers again. */
  private Map<String, Long> originals(List<String> identities) {
    Map<String, Long> originals = new HashMap<>();
    for (int from = 0; from < identities.size(); from += BATCH) {
      List<String> part = identities.subList(from, Math.min(identities.size(), from + BATCH));
      jdbc.query(con -> {
        var query = con.prepareStatement(
            "select bank_identity, id from bank_statement_line where bank_identity = any(?) and duplicate_of is null");
        query.setArray(1, con.createArrayOf("varchar", part.toArray()));
        return query;
      }, rs -> {
        originals.put(rs.getString("bank_identity"), rs.getLong("id"));
      });
    }
    return originals;
  }

  private void insertLines(List<Object[]> rows) {
    if (!rows.isEmpty()) {
      jdbc.batchUpdate("""
          insert into bank_statement_line(statement_id, line_no, bank_reference, amount, currency, value_date, payer_name,
                                          payer_account, remittance, status, bank_identity, duplicate_of, reversal, debit,
                                          end_to_end_id)
          values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
    }
  }

  /** Waits up to {@code patience} for the match step of every statement imported, so the caller sees what was posted. */
  public StatementImport awaitMatched(StatementImport imported, Duration patience) {
    return awaitMatched(imported.statements().stream().map(s -> new Part(s.id(), s.alreadyImported())).toList(), patience);
  }

  /** Waits for the match step of one statement. */
  public StatementImport awaitMatched(long id, boolean alreadyImported, Duration patience) {
    return awaitMatched(List.of(new Part(id, alreadyImported)), patience);
  }

  private StatementImport awaitMatched(List<Part> parts, Duration patience) {
    long until = System.nanoTime() + patience.toNanos();
    while (System.nanoTime() < until && !parts.stream().allMatch(p -> matched(p.id()))) {
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    return summary(parts);
  }

  /**
   * Matched, or matched as far as it may be: a statement that does not add up waits for a cash applier; once one has
   * confirmed it, its matching is still to come.
   */
  private boolean matched(long id) {
    return Boolean.TRUE.equals(jdbc.queryForObject("""
        select matched_at is not null or (status = 'AWAITING_CONFIRMATION' and confirmed_by is null)
        from bank_statement where id = ?""", Boolean.class, id));
  }

  /**
   * A cash applier confirms a statement whose balances do not add up: the money is on the account either way.
   * One audited action; the process then posts what the engine is sure of. Confirming again changes nothing.
   */
  public StatementImport confirm(long id, String actor) {
    tx.executeWithoutResult(status -> {
      var row = jdbc.queryForList("select reconciled, confirmed_by from bank_statement where id = ? for update", id);
      if (row.isEmpty()) {
        throw new NotFoundException("Bank statement", id);
      }
      if (Boolean.TRUE.equals(row.getFirst().get("reconciled"))) {
        throw new ConflictException("The statement's balances add up; there is nothing to confirm");
      }
      if (row.getFirst().get("confirmed_by") != null) {
        return;
      }
      jdbc.update("update bank_statement set confirmed_by = ?, confirmed_at = ? where id = ?", actor,
          Timestamp.from(clock.instant()), id);
      StatementImport.Balances balances = balances(id);
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("openingBalance", balances.opening());
      details.put("closingBalance", balances.closing());
      details.put("expectedClosingBalance", balances.expectedClosing());
      audit.record(actor, "statement.confirmed", "statement:" + id, details);
      engine.publishMessage(CashApplication.STATEMENT_CONFIRMED, String.valueOf(id), Map.of());
    });
    return summary(id, true);
  }

  /** The answer for one statement. */
  public StatementImport summary(long id, boolean alreadyImported) {
    return summary(List.of(new Part(id, alreadyImported)));
  }

  /** The first statement's figures and duplicates, and one entry per statement in file order. */
  private StatementImport summary(List<Part> parts) {
    long first = parts.getFirst().id();
    List<StatementImport.DuplicateLine> duplicates = jdbc.query("""
        select l.line_no, l.bank_reference, l.amount, l.currency, o.statement_id, o.line_no as original_line
        from bank_statement_line l join bank_statement_line o on o.id = l.duplicate_of
        where l.statement_id = ? order by l.line_no""", (rs, i) -> new StatementImport.DuplicateLine(rs.getInt("line_no"),
        rs.getString("bank_reference"), Money.of(rs.getBigDecimal("amount")), rs.getString("currency"), rs.getLong("statement_id"),
        rs.getInt("original_line")), first);
    List<StatementImport.Statement> entries = parts.stream().map(this::entry).toList();
    StatementImport.Statement head = entries.getFirst();
    StatementImport.Balances balances = balances(first);
    return new StatementImport(head.id(), head.format(), head.lines(), head.matched(), head.matchRate(), head.status(),
        head.alreadyImported(), duplicates, balances.reconciled(), balances, entries);
  }

  private StatementImport.Statement entry(Part part) {
    return jdbc.query("""
            select s.id, s.format, s.credit_lines, s.matched_at, s.status,
                   (select count(*) from bank_statement_line l where l.statement_id = s.id
                      and l.status in ('AUTO_MATCHED', 'WRITTEN_OFF', 'DEDUCTION')) as auto_posted,
                   (select count(*) from bank_statement_line l where l.statement_id = s.id and l.status = 'DUPLICATE' and not l.debit) as duplicates
            from bank_statement s where s.id = ?""", (rs, i) -> {
      int lines = rs.getInt("credit_lines");
      int auto = rs.getInt("auto_posted");
      return new StatementImport.Statement(rs.getLong("id"), displayName(StatementFormat.valueOf(rs.getString("format"))), lines,
          auto, matchRate(auto, lines - rs.getLong("duplicates")), rs.getTimestamp("matched_at") != null ? "MATCHED"
              : rs.getString("status").equals("AWAITING_CONFIRMATION") ? "AWAITING_CONFIRMATION" : "MATCHING",
          part.alreadyImported());
    }, part.id()).stream().findFirst().orElseThrow(() -> new NotFoundException("Bank statement", part.id()));
  }

  /** The statement's stated balances and whether the movements lead from the one to the other. */
  StatementImport.Balances balances(long id) {
    return jdbc.query("""
        select opening_balance, closing_balance, expected_closing_balance, reconciled, confirmed_by
        from bank_statement where id = ?""", (rs, i) -> new StatementImport.Balances(rs.getBoolean("reconciled"),
        rs.getBigDecimal("opening_balance"), rs.getBigDecimal("closing_balance"), rs.getBigDecimal("expected_closing_balance"),
        rs.getString("confirmed_by")), id).getFirst();
  }

  public StatementView get(long id) {
    List<StatementView.Line> lines = lines(id);
    // the match rate is over credit lines: stored returns (debits) are listed but not cash to apply
    long credits = jdbc.queryForObject("select count(*) from bank_statement_line where statement_id = ? and not debit and status <> 'DUPLICATE'",
        Long.class, id);
    Map<String, long[]> byRule = new TreeMap<>();
    Map<LineStatus, Long> counts = new EnumMap<>(LineStatus.class);
    long auto = 0;
    for (StatementView.Line line : lines) {
      counts.merge(line.status(), 1L, Long::sum);
      if (line.status().autoPosted()) {
        auto++;
        byRule.computeIfAbsent(line.rule(), k -> new long[1])[0]++;
      }
    }
    Map<String, StatementView.RuleRate> rates = new LinkedHashMap<>();
    byRule.forEach((rule, n) -> rates.put(rule, new StatementView.RuleRate(n[0], matchRate(n[0], credits))));
    BigDecimal matchRate = matchRate(auto, credits);
    return jdbc.query("select * from bank_statement where id = ?", (rs, i) -> new StatementView(rs.getLong("id"),
        displayName(StatementFormat.valueOf(rs.getString("format"))), rs.getString("statement_ref"), rs.getString("account_id"),
        rs.getString("currency"), rs.getDate("statement_date") == null ? null : rs.getDate("statement_date").toLocalDate(),
        rs.getString("file_name"), rs.getString("status"), rs.getString("imported_by"), rs.getTimestamp("imported_at").toInstant(),
        rs.getInt("debit_lines"), lines, matchRate, rates, counts, MATCH_RATE_DEFINITION, PRECISION_NOTE, rs.getBoolean("reconciled"),
        balances(id)), id)
        .stream().findFirst().orElseThrow(() -> new NotFoundException("Bank statement", id));
  }

  /** "Statement 27 Nov 2026 · DE89…3000" for each of these statements, in one query: the day and the account. */
  public Map<Long, String> titles(java.util.Collection<Long> ids) {
    Map<Long, String> titles = new java.util.HashMap<>();
    if (!ids.isEmpty()) {
      jdbc.query("select id, statement_date, account_id from bank_statement where id = any(?)", rs -> {
        titles.put(rs.getLong("id"), title(rs.getDate("statement_date") == null ? null : rs.getDate("statement_date").toLocalDate(),
            rs.getString("account_id")));
      }, (Object) ids.toArray(Long[]::new));
    }
    return titles;
  }

  /** "Statement 27 Nov 2026 · DE89…3000": the day and the account, as a cash applier names a statement. */
  public static String title(java.time.LocalDate date, String account) {
    String day = date == null ? "" : " " + settle.common.Dates.day(date);
    return "Statement" + day + (account == null ? "" : " · " + shortAccount(account));
  }

  public static String shortAccount(String account) {
    String compact = account.replace(" ", "");
    return compact.length() <= 10 ? compact : compact.substring(0, 4) + "…" + compact.substring(compact.length() - 4);
  }

  /** Accounts payments were seen to come from (learned when a match was confirmed) containing {@code text}, and whose they are. */
  public record KnownAccount(String account, long customerId) {}

  public List<KnownAccount> accountsLike(String text, int limit) {
    String wanted = text.replace(" ", "").toUpperCase(java.util.Locale.ROOT);
    if (wanted.length() < 4) {
      return List.of();
    }
    return jdbc.query("select account, customer_id from payer_account where account like ? escape '\\' order by account limit ?",
        (rs, i) -> new KnownAccount(rs.getString("account"), rs.getLong("customer_id")),
        "%" + wanted.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%", limit);
  }

  public List<StatementView.Summary> list() {
    return jdbc.query("""
        select s.*, (select count(*) from bank_statement_line l where l.statement_id = s.id
                       and l.status in ('AUTO_MATCHED', 'WRITTEN_OFF', 'DEDUCTION')) as auto_posted,
                    (select count(*) from bank_statement_line l where l.statement_id = s.id and l.status = 'DUPLICATE' and not l.debit) as duplicates
        from bank_statement s order by s.id desc limit 200""", (rs, i) -> new StatementView.Summary(rs.getLong("id"),
        displayName(StatementFormat.valueOf(rs.getString("format"))), rs.getString("statement_ref"), rs.getString("account_id"),
        rs.getDate("statement_date") == null ? null : rs.getDate("statement_date").toLocalDate(), rs.getString("status"),
        rs.getInt("credit_lines"), rs.getLong("auto_posted"),
        matchRate(rs.getLong("auto_posted"), rs.getInt("credit_lines") - rs.getLong("duplicates")),
        rs.getTimestamp("imported_at").toInstant(), rs.getBoolean("reconciled"), rs.getString("confirmed_by")));
  }

  private List<StatementView.Line> lines(long statementId) {
    Map<Long, List<StatementView.Match>> matches = new LinkedHashMap<>();
    jdbc.query("""
        select m.line_id, m.invoice_number, m.amount, m.discount, l.rule, l.confidence
        from bank_statement_match m join bank_statement_line l on l.id = m.line_id
        where l.statement_id = ? order by m.id""", rs -> {
      matches.computeIfAbsent(rs.getLong("line_id"), k -> new ArrayList<>()).add(new StatementView.Match(
          rs.getString("invoice_number"), Money.of(rs.getBigDecimal("amount")), Money.of(rs.getBigDecimal("discount")),
          rs.getString("rule"), confidence(rs.getBigDecimal("confidence"))));
    }, statementId);
    return jdbc.query("select * from bank_statement_line where statement_id = ? order by line_no",
        (rs, i) -> line(rs, matches.getOrDefault(rs.getLong("id"), List.of())), statementId);
  }

  private StatementView.Line line(ResultSet rs, List<StatementView.Match> matches) throws SQLException {
    return new StatementView.Line(rs.getLong("id"), rs.getInt("line_no"), rs.getString("bank_reference"),
        Money.of(rs.getBigDecimal("amount")), rs.getString("currency"), rs.getDate("value_date").toLocalDate(),
        rs.getString("payer_name"), rs.getString("payer_account"), rs.getString("remittance"),
        LineStatus.valueOf(rs.getString("status")), rs.getString("rule"), confidence(rs.getBigDecimal("confidence")),
        (Long) rs.getObject("customer_id"), Money.of(rs.getBigDecimal("shortfall")), Money.of(rs.getBigDecimal("unapplied")),
        rs.getString("short_pay_action"), (Long) rs.getObject("dispute_id"), rs.getString("resolution"),
        rs.getString("handled_by"), matches);
  }

  private List<Long> idsBySha(String sha256) {
    return jdbc.queryForList("select id from bank_statement where file_sha256 = ? order by file_part", Long.class, sha256);
  }

  private Optional<Long> idByReference(String accountId, String statementRef) {
    if (statementRef == null) {
      return Optional.empty();
    }
    return jdbc.queryForList("select id from bank_statement where coalesce(account_id, '') = ? and statement_ref = ?", Long.class,
        accountId == null ? "" : accountId, statementRef).stream().findFirst();
  }

  /** camt.053, camt.054, MT940, BAI2 or CSV, as people write them; the enum's names are accepted too. */
  static Optional<StatementFormat> format(String name) {
    if (name == null || name.isBlank()) {
      return Optional.empty();
    }
    String wanted = name.replaceAll("[^A-Za-z0-9]", "").toUpperCase(Locale.ROOT);
    return Optional.of(Arrays.stream(StatementFormat.values()).filter(f -> f.name().replace("_", "").equals(wanted)).findFirst()
        .orElseThrow(() -> new InvalidRequestException("format", "'" + name + "' is not a statement format we read: "
            + "camt.053, camt.054, MT940, BAI2 or CSV")));
  }

  public static String displayName(StatementFormat format) {
    return switch (format) {
      case CAMT_053 -> "camt.053";
      case CAMT_054 -> "camt.054";
      default -> format.name();
    };
  }

  private static String remittance(StatementLine line) {
    String text = line.remittance() == null ? "" : line.remittance();
    for (String reference : line.structuredReferences()) {
      if (!text.contains(reference)) {
        text = text.isEmpty() ? reference : text + " " + reference;
      }
    }
    return text.isEmpty() ? null : text;
  }

  /** part ÷ whole to four places; 0 for an empty statement. */
  public static BigDecimal matchRate(long part, long whole) {
    return whole == 0 ? BigDecimal.ZERO.setScale(4) : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_EVEN);
  }

  private static BigDecimal confidence(BigDecimal value) {
    return value == null ? null : value.setScale(2, RoundingMode.HALF_EVEN);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static String truncate(String s, int max) {
    return s == null ? null : s.length() <= max ? s : s.substring(0, max);
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

}
