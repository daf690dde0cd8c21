package settle.payments.internal;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import settle.payments.BankStatements;
import settle.payments.ImportsBusyException;
import settle.payments.StatementImport;
import settle.payments.StatementView;
import settle.payments.statements.StatementFormatException;
import settle.staff.StaffDirectory;

@RestController
@RequestMapping("/api/bank-statements")
class BankStatementController {

  private final BankStatements statements;
  private final Duration matchPatience;

  BankStatementController(BankStatements statements,
                          @Value("${settle.cash-application.await-match:20s}") Duration matchPatience) {
    this.statements = statements;
    this.matchPatience = matchPatience;
  }

  /** 201 with what was matched; 200 with the earlier import's ids when the file or each of its statements was imported before. */
  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<StatementImport> importStatement(@RequestPart("file") MultipartFile file,
                                                  @RequestParam(required = false) String format,
                                                  @RequestParam(required = false) String account) throws IOException {
    StatementImport imported = statements.importStatement(file.getBytes(), file.getOriginalFilename(), format, account,
        StaffDirectory.currentUsername());
    StatementImport matched = statements.awaitMatched(imported, matchPatience);
    boolean stored = imported.statements().stream().anyMatch(s -> !s.alreadyImported());
    return ResponseEntity.status(stored ? HttpStatus.CREATED : HttpStatus.OK)
        .location(URI.create("/api/bank-statements/" + imported.id())).body(matched);
  }

  /** A cash applier confirms a statement whose balances do not add up; its sure matches are then posted. */
  @PostMapping("/{id}/confirm")
  StatementImport confirm(@PathVariable long id) {
    StatementImport confirmed = statements.confirm(id, StaffDirectory.currentUsername());
    return statements.awaitMatched(confirmed.id(), true, matchPatience);
  }

  @GetMapping("/{id}")
  StatementView get(@PathVariable long id) {
    return statements.get(id);
  }

  @GetMapping
  List<StatementView.Summary> list() {
    return statements.list();
  }

  /** Too many statements are being read at once: 503 with Retry-After, and nothing was stored. */
  @ExceptionHandler(ImportsBusyException.class)
  ResponseEntity<ProblemDetail> busy(ImportsBusyException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
    problem.setTitle("Statement imports are busy; try again");
    problem.setType(URI.create("about:blank"));
    problem.setProperty("retryAfterSeconds", e.retryAfter().toSeconds());
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", String.valueOf(e.retryAfter().toSeconds()))
        .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }

  /** The file cannot be read: 422 naming the line and element, and nothing was stored. */
  @ExceptionHandler(StatementFormatException.class)
  ProblemDetail unreadable(StatementFormatException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage());
    problem.setTitle("Statement cannot be read");
    problem.setType(URI.create("about:blank"));
    problem.setProperty("errors", List.of(Map.of("field", "file", "message", e.getMessage())));
    problem.setProperty("line", e.line());
    if (e.element() != null) {
      problem.setProperty("element", e.element());
    }
    return problem;
  }
}
