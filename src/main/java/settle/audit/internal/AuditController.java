package settle.audit.internal;

import java.security.Principal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import settle.audit.AuditEntry;
import settle.audit.AuditLog;
import settle.common.InvalidRequestException;

@RestController
@RequestMapping("/api/audit")
class AuditController {

  private final AuditLog audit;
  private final AuditVerification verification;
  private final AuditPack packs;

  AuditController(AuditLog audit, AuditVerification verification, AuditPack packs) {
    this.audit = audit;
    this.verification = verification;
    this.packs = packs;
  }

  @GetMapping
  List<AuditEntry> trail(@RequestParam String subject) {
    return audit.trail(checkSubject(subject));
  }

  /** A subject's or a period's entries, the models, the signed checkpoints and a signed manifest, as one zip. */
  @GetMapping(value = "/pack", produces = "application/zip")
  ResponseEntity<byte[]> pack(@RequestParam(required = false) String subject,
                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                              Principal user) {
    if (subject != null && subject.isBlank()) {
      subject = null;
    }
    if (subject != null) {
      checkSubject(subject);
    }
    if (from != null && to != null && to.isBefore(from)) {
      throw new InvalidRequestException("to", "to must not be before from");
    }
    AuditPack.Pack pack = packs.export(subject, from, to, user.getName());
    return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(pack.fileName()).build().toString())
        .body(pack.zip());
  }

  private static String checkSubject(String subject) {
    if (!subject.matches("[a-z-]+:[A-Za-z0-9-]+")) {
      throw new InvalidRequestException("subject", "subject must look like invoice:42, order:7 or customer:3");
    }
    return subject;
  }

  @GetMapping("/verification")
  AuditVerification.Result verify() {
    return verification.verify();
  }
}
