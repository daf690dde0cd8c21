package settle.audit.internal;

import java.util.List;
import java.util.Map;
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

  AuditController(AuditLog audit) {
    this.audit = audit;
  }

  @GetMapping
  List<AuditEntry> trail(@RequestParam String subject) {
    if (!subject.matches("[a-z-]+:[A-Za-z0-9-]+")) {
      throw new InvalidRequestException("subject", "subject must look like invoice:42, order:7 or customer:3");
    }
    return audit.trail(subject);
  }

  @GetMapping("/verification")
  Map<String, Object> verify() {
    Long broken = audit.firstBrokenEntry();
    return broken == null ? Map.of("intact", true) : Map.of("intact", false, "firstBrokenEntry", broken);
  }
}
