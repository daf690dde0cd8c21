package settle.audit.internal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import settle.audit.AuditEntry;
import settle.audit.AuditLog;
import settle.audit.AuditPackFormat;
import settle.audit.StaffRoles;
import settle.audit.SubjectNames;
import settle.common.InvalidRequestException;

/** The auditor's workspace: search the trail in business words, a subject's story, the pack, the controls report. */
@Controller
class AuditPages {

  private static final int LIMIT = 200;
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH).withZone(ZoneOffset.UTC);

  /** One entry as an auditor reads it. */
  /** {@code process}: where the entry's process instance is drawn (its own, or the subject's list of them), or null. */
  record Line(String when, String who, String what, String about, String aboutSubject, List<String> details, String process) {}

  private final AuditLog audit;
  private final SubjectNames names;
  private final StaffRoles staff;
  private final AuditVerification verification;
  private final AuditPack packs;
  private final AuditControls controls;
  private final Clock clock;

  AuditPages(AuditLog audit, SubjectNames names, StaffRoles staff, AuditVerification verification, AuditPack packs,
             AuditControls controls, Clock clock) {
    this.audit = audit;
    this.names = names;
    this.staff = staff;
    this.verification = verification;
    this.packs = packs;
    this.controls = controls;
    this.clock = clock;
  }

  @GetMapping("/audit")
  String search(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "") String actor,
                @RequestParam(defaultValue = "") String action,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Model model) {
    checkPeriod(from, to);
    List<SubjectNames.Named> matches = q.isBlank() ? List.of() : names.find(q);
    boolean searched = !q.isBlank() || !actor.isBlank() || !action.isBlank() || from != null || to != null;
    List<Line> lines = List.of();
    if (searched && (q.isBlank() || !matches.isEmpty())) {
      Set<String> subjects = null;
      if (!q.isBlank()) {
        subjects = new LinkedHashSet<>();
        for (var m : matches) {
          subjects.addAll(names.story(m.subject()));
        }
      }
      lines = lines(audit.search(subjects, blankToNull(actor), blankToNull(action), start(from), start(to == null ? null : to.plusDays(1)), LIMIT));
    }
    model.addAttribute("q", q);
    model.addAttribute("actor", actor);
    model.addAttribute("action", action);
    model.addAttribute("from", from);
    model.addAttribute("to", to);
    model.addAttribute("searched", searched);
    model.addAttribute("matches", matches);
    model.addAttribute("lines", lines);
    model.addAttribute("limit", LIMIT);
    model.addAttribute("verification", verification.verify());
    return "pages/audit";
  }

  @GetMapping("/audit/subject")
  String subject(@RequestParam String s, Model model) {
    if (!s.matches("[a-z-]+:[A-Za-z0-9-]+")) {
      throw new InvalidRequestException("s", "Choose a customer, order, invoice, dispute, statement or task from the search");
    }
    model.addAttribute("subject", s);
    model.addAttribute("name", names.name(s).orElse("Record no longer known"));
    model.addAttribute("lines", lines(audit.search(names.story(s), null, null, null, null, 1_000)));
    return "pages/audit-subject";
  }

  /** The same pack as GET /api/audit/pack, for the page's button. */
  @GetMapping(value = "/audit/pack", produces = "application/zip")
  ResponseEntity<byte[]> pack(@RequestParam(required = false) String subject,
                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                              Principal user) {
    checkPeriod(from, to);
    if (subject != null && !subject.isBlank() && !subject.matches("[a-z-]+:[A-Za-z0-9-]+")) {
      throw new InvalidRequestException("subject", "subject must look like invoice:42, order:7 or customer:3");
    }
    AuditPack.Pack pack = packs.export(blankToNull(subject), from, to, user.getName());
    return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(pack.fileName()).build().toString())
        .body(pack.zip());
  }

  @GetMapping("/audit/controls")
  String controls(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Model model) {
    LocalDate today = LocalDate.now(clock);
    LocalDate start = from == null ? today.withDayOfMonth(1).minusMonths(2) : from;
    LocalDate end = to == null ? today : to;
    checkPeriod(start, end);
    model.addAttribute("report", controls.report(start, end));
    model.addAttribute("view", this);
    return "pages/audit-controls";
  }

  @GetMapping(value = "/audit/controls.csv", produces = "text/csv")
  ResponseEntity<byte[]> controlsCsv(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                     @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
    checkPeriod(from, to);
    AuditControls.Report report = controls.report(from, to);
    StringBuilder csv = new StringBuilder("section,date,who,what,document,about,amount,raised_by,proposed_by,approved_by,issued_by,finding\r\n");
    for (var c : report.credits()) {
      List<String> findings = new ArrayList<>();
      if (c.sameOnBothSides()) {
        findings.add("same person asked for and approved it");
      }
      if (c.aboveLimit()) {
        findings.add(c.approvedBy() == null ? "above the team's limit, no approval recorded" : "above the team's limit, approved");
      }
      row(csv, "credit", day(c.at()), c.issuedBy(), c.kind(), c.number(), about(c.invoiceSubject()), money(c.amount()),
          c.raisedBy(), c.proposedBy(), c.approvedBy(), c.issuedBy(), String.join("; ", findings));
    }
    for (var p : report.byPerson()) {
      row(csv, "by-person", "", p.person(), p.what(), "", "", money(p.amount()), "", "", "", "", p.count() + " in the period");
    }
    for (var h : report.holdsBySales()) {
      row(csv, "hold-by-sales", day(h.at()), h.person(), "Hold until " + h.until(), "", about(h.subject()), "", "", "", "", "",
          (h.viaHeadsUpLink() ? "through the heads-up link; " : "") + h.reason());
    }
    return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename("controls-" + from + "-to-" + to + ".csv").build().toString())
        .body(csv.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static void row(StringBuilder csv, String... cells) {
    List<String> out = new ArrayList<>();
    for (String cell : cells) {
      String text = cell == null ? "" : cell;
      // a cell a spreadsheet would run as a formula is kept as text
      out.add(AuditPackFormat.csvCell(text.matches("^[=+\\-@].*") ? "'" + text : text));
    }
    csv.append(String.join(",", out)).append("\r\n");
  }

  // --- in words, for the templates ---

  public String who(String actor) {
    if (actor == null) {
      return "";
    }
    if (actor.startsWith("system:")) {
      return "Settle (" + actor.substring(actor.indexOf(':') + 1).replace('-', ' ') + ")";
    }
    return staff.displayName(actor);
  }

  public String about(String subject) {
    return subject == null ? "" : names.name(subject).orElse(subject.startsWith("audit:") ? "The whole trail" : "A record no longer known");
  }

  public String day(java.time.Instant at) {
    return at == null ? "" : WHEN.format(at);
  }

  public String money(BigDecimal amount) {
    return amount == null ? "" : settle.common.Money.number(amount);
  }

  static String what(String action) {
    int dot = action.indexOf('.');
    String area = dot < 0 ? "" : action.substring(0, dot).replace('-', ' ');
    String rest = action.substring(dot + 1).replace('-', ' ');
    String text = area.equals("decision") ? "Decision: " + rest : area.isEmpty() ? rest : area + " " + rest;
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  private List<Line> lines(List<AuditEntry> entries) {
    Map<String, String> about = new LinkedHashMap<>();
    Map<String, String> people = new LinkedHashMap<>();
    return entries.stream().map(e -> new Line(day(e.at()), people.computeIfAbsent(e.actor(), this::who), what(e.action()),
        about.computeIfAbsent(e.subject(), this::about), e.subject(), details(e.details()), process(e))).toList();
  }

  /** The process instance an entry belongs to: named by a worker's entry, else the subject's processes. */
  static String process(AuditEntry e) {
    Object key = e.details().get("processInstanceKey");
    if (key != null) {
      return "/process-instances/" + key;
    }
    String subject = e.subject() == null ? "" : e.subject();
    return subject.matches("(invoice|order|dispute|statement):\\d+")
        ? "/process-instances?subject=" + java.net.URLEncoder.encode(subject, StandardCharsets.UTF_8) : null;
  }

  /** Details as "what: value" lines, with the engine's keys and ids left out. */
  static List<String> details(Map<String, Object> details) {
    List<String> out = new ArrayList<>();
    details.forEach((key, value) -> {
      // the engine's keys and ids, the subject and the decision's name (the row already says them), are not for people
      if (value == null || key.endsWith("Key") || key.endsWith("Id") || key.equals("process") || key.equals("taskType")
          || key.equals("subject") || key.equals("decision") && value instanceof String) {
        return;
      }
      out.add(key.equals("decision") && value instanceof Map<?, ?> lineage ? lineage(lineage) : words(key) + ": " + value(value));
    });
    return out;
  }

  /** Which table decided, in words: "Table: Next collection action, version 3, rule 7 (First overdue reminder)". */
  private static String lineage(Map<?, ?> decision) {
    StringBuilder text = new StringBuilder("Table: ").append(decision.get("decisionName") != null ? decision.get("decisionName")
        : decision.get("decisionId"));
    if (decision.get("version") != null) {
      text.append(", version ").append(decision.get("version"));
    }
    if (decision.get("matchedRules") instanceof List<?> rules) {
      for (Object rule : rules) {
        if (rule instanceof Map<?, ?> r) {
          text.append(", rule ").append(r.get("ruleIndex"));
          if (r.get("annotation") != null && !String.valueOf(r.get("annotation")).isBlank()) {
            text.append(" (").append(r.get("annotation")).append(")");
          }
        }
      }
    }
    return text.toString();
  }

  private static String value(Object value) {
    if (value instanceof Map<?, ?> map) {
      List<String> parts = new ArrayList<>();
      map.forEach((k, v) -> {
        if (v != null && !String.valueOf(k).endsWith("Key")) {
          parts.add(words(String.valueOf(k)) + " " + value(v));
        }
      });
      return String.join(", ", parts);
    }
    if (value instanceof List<?> list) {
      return String.join(", ", list.stream().map(AuditPages::value).toList());
    }
    String text = String.valueOf(value);
    if (text.matches("\\d{4}-\\d{2}-\\d{2}T[0-9:.]+Z")) {
      return WHEN.format(java.time.Instant.parse(text));
    }
    if (text.matches("\\d{4}-\\d{2}-\\d{2}")) {
      return settle.common.Dates.day(LocalDate.parse(text));
    }
    // an enum constant in words (OVERDUE_REMINDER → overdue reminder); currency codes stay as they are
    return text.matches("[A-Z]+_[A-Z_]+|[A-Z]{4,}") ? text.toLowerCase(Locale.ROOT).replace('_', ' ') : text;
  }

  private static String words(String key) {
    String spaced = key.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replaceAll("([a-z])([0-9])", "$1 $2").replace('-', ' ').replace('_', ' ').toLowerCase(Locale.ROOT);
    return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
  }

  private static void checkPeriod(LocalDate from, LocalDate to) {
    if (from != null && to != null && to.isBefore(from)) {
      throw new InvalidRequestException("to", "The end of the period must not be before its start");
    }
  }

  private static java.time.Instant start(LocalDate day) {
    return day == null ? null : day.atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
