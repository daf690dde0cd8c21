package settle.disputes.internal;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import settle.audit.AuditEntry;
import settle.audit.AuditLog;
import settle.common.InvalidRequestException;
import settle.customers.AccountOwnership;
import settle.disputes.DisputeView;
import settle.disputes.Disputes;
import settle.disputes.Evidence;
import settle.disputes.RaiseDispute;
import settle.invoicing.Invoices;
import settle.staff.StaffDirectory;

@RestController
class DisputeController {

  private final Disputes disputes;
  private final DisputeEvidence evidence;
  private final AuditLog audit;
  private final ObjectMapper json;
  private final Validator validator;
  private final Invoices invoices;
  private final AccountOwnership ownership;
  private final StaffDirectory staff;

  DisputeController(Disputes disputes, DisputeEvidence evidence, AuditLog audit, ObjectMapper json, Validator validator,
                    Invoices invoices, AccountOwnership ownership, StaffDirectory staff) {
    this.disputes = disputes;
    this.evidence = evidence;
    this.audit = audit;
    this.json = json;
    this.validator = validator;
    this.invoices = invoices;
    this.ownership = ownership;
    this.staff = staff;
  }

  record DisputeWithHistory(@JsonUnwrapped DisputeView dispute,
                            @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
                            List<AuditEntry> history) {}

  @PostMapping(path = "/api/invoices/{invoiceId}/disputes", consumes = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  DisputeView raise(@PathVariable long invoiceId, @RequestBody @Valid RaiseDispute request) {
    ownership.mustActFor(invoices.get(invoiceId).customerId());
    return disputes.raise(invoiceId, request, List.of(), StaffDirectory.currentUsername());
  }

  /** The same, with evidence: a {@code dispute} part holding the JSON and {@code attachments} parts. */
  @PostMapping(path = "/api/invoices/{invoiceId}/disputes", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  DisputeView raiseWithEvidence(@PathVariable long invoiceId, @RequestPart("dispute") String dispute,
                                @RequestPart(name = "attachments", required = false) List<MultipartFile> attachments)
      throws IOException {
    ownership.mustActFor(invoices.get(invoiceId).customerId());
    RaiseDispute request;
    try {
      request = json.readValue(dispute, RaiseDispute.class);
    } catch (com.fasterxml.jackson.databind.JsonMappingException e) {
      String field = e.getPath().isEmpty() ? "dispute" : e.getPath().getFirst().getFieldName();
      throw new InvalidRequestException(field, "Malformed value for " + field + " in the dispute part");
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new InvalidRequestException("dispute", "The dispute part is not valid JSON");
    }
    Set<ConstraintViolation<RaiseDispute>> violations = validator.validate(request);
    if (!violations.isEmpty()) {
      ConstraintViolation<RaiseDispute> first = violations.iterator().next();
      throw new InvalidRequestException(first.getPropertyPath().toString(), first.getPropertyPath() + " " + first.getMessage());
    }
    List<Evidence> files = new ArrayList<>();
    for (MultipartFile f : attachments == null ? List.<MultipartFile>of() : attachments) {
      files.add(new Evidence(f.getOriginalFilename(), bytes(f)));
    }
    return disputes.raise(invoiceId, request, files, StaffDirectory.currentUsername());
  }

  @GetMapping("/api/disputes")
  List<DisputeView> find(@RequestParam(required = false) String status, @RequestParam(required = false) String team,
                         @RequestParam(required = false) Long invoiceId) {
    return disputes.find(status, team, invoiceId);
  }

  @GetMapping("/api/disputes/root-causes")
  List<Disputes.RootCauseCount> rootCauses(@RequestParam java.time.LocalDate from, @RequestParam java.time.LocalDate to) {
    if (to.isBefore(from)) {
      throw new InvalidRequestException("to", "to must not be before from");
    }
    return disputes.rootCauses(from, to);
  }

  /** The history is the dispute's audit trail, so only those who may read the audit trail see it. */
  @GetMapping("/api/disputes/{id:\\d+}")
  DisputeWithHistory get(@PathVariable long id) {
    DisputeView dispute = disputes.get(id);
    return new DisputeWithHistory(dispute, staff.signedIn().mayReadAudit() ? audit.trail("dispute:" + id) : null);
  }

  /** Evidence goes back as a download, never as something a browser would render or run. */
  @GetMapping("/api/disputes/{id}/attachments/{attachmentId}")
  ResponseEntity<byte[]> attachment(@PathVariable long id, @PathVariable long attachmentId) {
    DisputeEvidence.Stored file = evidence.load(id, attachmentId);
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_OCTET_STREAM)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file.filename()).build().toString())
        .header("X-Content-Type-Options", "nosniff")
        .header("Content-Security-Policy", "default-src 'none'; sandbox")
        .body(file.content());
  }

  private static byte[] bytes(MultipartFile file) {
    try {
      return file.getBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
