package settle.simulation.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import settle.common.ConflictException;
import settle.common.NotFoundException;
import settle.simulation.Report;
import settle.simulation.RunFigures;
import settle.staff.StaffDirectory;
import settle.staff.StaffMember;

/**
 * The process owner's simulations page: start a back-test of the policy in force (and, if asked, of a candidate with
 * the standard customers' first overdue reminder on another day), follow it, and read its figures. The work is
 * {@link SimulationRuns}'; this class only reads the form and words the runs.
 */
@Controller
class SimulationsPage {

  /** The form's bounds: enough for a useful comparison; runs near the upper bounds take hours on a small machine. */
  static final int MAX_CUSTOMERS = 500, MIN_DAYS = 7, MAX_DAYS = 365, MAX_RUNS = 5;

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH).withZone(ZoneOffset.UTC);

  private final SimulationRuns runs;
  private final PolicyFolders policies;
  private final StaffDirectory staff;

  SimulationsPage(SimulationRuns runs, PolicyFolders policies, StaffDirectory staff) {
    this.runs = runs;
    this.policies = policies;
    this.staff = staff;
  }

  /** One run in the list, in words. */
  record RunRow(int number, String started, String startedBy, String what, String status, String badge, boolean finished,
                boolean active, String failure) {}

  @GetMapping("/simulations")
  String list(Model model) {
    if (!model.containsAttribute("values")) {
      model.addAttribute("values", Map.of("customers", "50", "days", "90", "seed", "1", "runs", "1", "candidateDay", ""));
    }
    if (!model.containsAttribute("errors")) {
      model.addAttribute("errors", Map.of());
    }
    OptionalInt first = policies.firstStandardReminderDay();
    model.addAttribute("firstReminderDay", first.isPresent() ? first.getAsInt() : null);
    model.addAttribute("latestCandidateDay", latestCandidateDay());
    model.addAttribute("maxCustomers", MAX_CUSTOMERS);
    model.addAttribute("minDays", MIN_DAYS);
    model.addAttribute("maxDays", MAX_DAYS);
    model.addAttribute("maxRuns", MAX_RUNS);
    addRuns(model);
    return "pages/simulations";
  }

  /** The list alone, for the page to refresh while a run is going. */
  @GetMapping("/simulations/list")
  String listOnly(Model model) {
    addRuns(model);
    return "pages/simulations :: runs";
  }

  @PostMapping("/simulations")
  String start(@RequestParam Map<String, String> form, Model model, HttpServletResponse response, RedirectAttributes redirect) {
    Map<String, String> errors = new LinkedHashMap<>();
    Integer customers = whole(form, "customers", "Customers", 1, MAX_CUSTOMERS, errors);
    Integer days = whole(form, "days", "Days", MIN_DAYS, MAX_DAYS, errors);
    Integer seed = whole(form, "seed", "Seed", 0, Integer.MAX_VALUE, errors);
    Integer count = whole(form, "runs", "Runs", 1, MAX_RUNS, errors);
    Integer candidateDay = null;
    if (!form.getOrDefault("candidateDay", "").isBlank()) {
      if (policies.firstStandardReminderDay().isEmpty()) {
        errors.put("candidateDay", "The cadence table in force has no first overdue reminder for standard customers to move;"
            + " leave this empty to run the current policy");
      } else {
        candidateDay = whole(form, "candidateDay", "First overdue reminder, candidate", 1, latestCandidateDay(), errors);
      }
    }
    Map<String, String> values = new LinkedHashMap<>(form);
    values.remove("_csrf");
    if (errors.isEmpty()) {
      try {
        runs.start(new SimulationRuns.Request(customers, days, seed, count, candidateDay),
            staff.current().map(StaffMember::displayName).orElse("someone"));
        redirect.addFlashAttribute("notice", "The simulation has started. This list shows how far it is; its report opens here"
            + " when it has finished.");
        return "redirect:/simulations";
      } catch (ConflictException busy) {
        errors.put("form", busy.getMessage());
        response.setStatus(HttpServletResponse.SC_CONFLICT);
      }
    } else {
      response.setStatus(422);
    }
    model.addAttribute("values", values);
    model.addAttribute("errors", errors);
    return list(model);
  }

  @GetMapping("/simulations/{number}")
  String report(@PathVariable int number, Model model) {
    SimulationRuns.Run run = runs.get(number).orElseThrow(() -> new NotFoundException("Simulation", number));
    model.addAttribute("run", row(run));
    Report.Stored result = run.result;
    model.addAttribute("result", result);
    if (result != null) {
      RunFigures first = result.baseline().getFirst();
      model.addAttribute("period", "%,d customers over %d days (%s to %s), %,d invoices per run; %s from seed %d; simulated in %s."
          .formatted(first.customers(), result.days(), settle.common.Dates.day(first.from()), settle.common.Dates.day(first.to()), first.invoices(),
              result.runs() == 1 ? "one run" : result.runs() + " runs", result.seed(), duration(result.seconds())));
      List<Report.FigureRow> rows = Report.figureRows(result.baseline(), result.candidate());
      model.addAttribute("figures", rows);
      Map<String, Report.FigureRow> byKey = new LinkedHashMap<>();
      rows.forEach(r -> byKey.put(r.key(), r));
      model.addAttribute("headline", List.of(byKey.get("dso"), byKey.get("mailsPerInvoice"), byKey.get("callsPerInvoice"),
          byKey.get("lateShare")));
      model.addAttribute("candidateName", run.request.candidateFirstReminderDay() == null ? null
          : "Candidate: first reminder on day " + run.request.candidateFirstReminderDay());
      model.addAttribute("charts", Report.charts(result.baseline(), result.candidate(), null));
    }
    return "pages/simulation";
  }

  /** The self-contained report (figures, charts and the behaviour model's parameters) to keep or pass on. */
  @GetMapping("/simulations/{number}/report")
  ResponseEntity<byte[]> download(@PathVariable int number) throws IOException {
    SimulationRuns.Run run = runs.get(number).filter(r -> r.state == SimulationRuns.State.FINISHED)
        .orElseThrow(() -> new NotFoundException("Finished simulation", number));
    Path report = run.folder.resolve("out/report.html");
    if (!Files.exists(report)) {
      throw new NotFoundException("Report of simulation", number);
    }
    String name = "policy-simulation-" + run.number + ".html";
    return ResponseEntity.ok().contentType(MediaType.TEXT_HTML)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
        .body(Files.readAllBytes(report));
  }

  private void addRuns(Model model) {
    List<RunRow> rows = runs.all().stream().map(SimulationsPage::row).toList();
    model.addAttribute("runs", rows);
    model.addAttribute("anyActive", rows.stream().anyMatch(RunRow::active));
  }

  /** The latest day a candidate's first reminder may take: before the standard customers' next step, else 60. */
  private int latestCandidateDay() {
    OptionalInt second = policies.secondStandardReminderDay();
    return second.isPresent() && second.getAsInt() > 1 ? second.getAsInt() - 1 : 60;
  }

  static RunRow row(SimulationRuns.Run run) {
    SimulationRuns.Request r = run.request;
    String what = "%,d customers over %d days, %s from seed %d".formatted(r.customers(), r.days(),
        r.runs() == 1 ? "one run" : r.runs() + " runs", r.seed())
        + (r.candidateFirstReminderDay() == null ? "; the current policy only"
            : "; against a candidate with the first overdue reminder to standard customers on day " + r.candidateFirstReminderDay());
    String status = switch (run.state) {
      case QUEUED -> "Queued";
      case RUNNING -> run.days == 0 ? "Running: starting a private copy of Settle"
          : "Running: %d %% (%s, day %d of %d)".formatted(run.percent(), run.phase(), run.day, run.days);
      case FINISHED -> "Finished";
      case FAILED -> "Failed";
    };
    String badge = switch (run.state) {
      case QUEUED, RUNNING -> "info";
      case FINISHED -> "ok";
      case FAILED -> "bad";
    };
    return new RunRow(run.number, WHEN.format(run.requestedAt), run.startedBy, what, status, badge,
        run.state == SimulationRuns.State.FINISHED, run.active(), run.state == SimulationRuns.State.FAILED ? run.failure : null);
  }

  private static String duration(double seconds) {
    long s = Math.round(seconds);
    return s < 60 ? s + " s" : s < 3600 ? (s / 60) + " min " + (s % 60) + " s" : (s / 3600) + " h " + (s % 3600 / 60) + " min";
  }

  /** A whole number within bounds, or an error naming the field. */
  private static Integer whole(Map<String, String> form, String field, String label, int min, int max, Map<String, String> errors) {
    String text = form.getOrDefault(field, "").trim();
    if (text.isEmpty()) {
      errors.put(field, label + ": enter a whole number from " + min + " to " + String.format(Locale.ENGLISH, "%,d", max));
      return null;
    }
    try {
      long value = Long.parseLong(text);
      if (value < min || value > max) {
        errors.put(field, label + ": " + String.format(Locale.ENGLISH, "%,d", value) + " is outside what a run allows, "
            + min + " to " + String.format(Locale.ENGLISH, "%,d", max));
        return null;
      }
      return (int) value;
    } catch (NumberFormatException e) {
      errors.put(field, label + ": '" + (text.length() > 20 ? text.substring(0, 20) + "…" : text) + "' is not a whole number");
      return null;
    }
  }
}
