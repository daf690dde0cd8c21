package settle.risk.internal;

import jakarta.validation.Valid;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import settle.risk.CreditCheck;
import settle.risk.CreditChecks;
import settle.risk.LedgerFacts;
import settle.risk.RiskRatings;
import settle.staff.StaffDirectory;

/** A customer's rating with its drivers, its override, the sales credit check and the ledger as the invoice history CSV. */
@RestController
class RiskController {

  private final RiskRatings ratings;
  private final CreditChecks checks;
  private final LedgerFacts ledger;
  private final StaffDirectory staff;

  RiskController(RiskRatings ratings, CreditChecks checks, LedgerFacts ledger, StaffDirectory staff) {
    this.ratings = ratings;
    this.checks = checks;
    this.ledger = ledger;
    this.staff = staff;
  }

  @GetMapping("/api/customers/{id}/risk")
  RiskRatings.RiskView risk(@PathVariable long id) {
    return ratings.current(id);
  }

  @PostMapping("/api/customers/{id}/risk-override")
  RiskRatings.RiskView override(@PathVariable long id, @RequestBody RiskRatings.RatingOverride request) {
    return ratings.override(id, request, staff.signedIn());
  }

  @PostMapping("/api/credit-checks")
  CreditCheck.Answer check(@RequestBody @Valid CreditCheck.Request request) {
    return checks.check(request, staff.signedIn().username());
  }

  @GetMapping("/api/risk/invoice-history.csv")
  ResponseEntity<StreamingResponseBody> invoiceHistory() {
    StreamingResponseBody body = out -> {
      Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
      ledger.writeCsv(writer);
      writer.flush();
    };
    return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"invoice-history.csv\"").body(body);
  }
}
