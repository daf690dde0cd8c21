package settle.portal.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import settle.portal.PortalAccess;

/** Staff revoke a customer's portal links, e.g. when a mail went to the wrong person or the contact left. */
@RestController
class PortalLinkController {

  record RevokeLinks(@NotBlank @Size(max = 500) String reason) {}

  private final PortalAccess access;

  PortalLinkController(PortalAccess access) {
    this.access = access;
  }

  @PostMapping("/api/customers/{customerId}/portal-links/revoke")
  PortalAccess.Revocation revoke(@PathVariable long customerId, @Valid @RequestBody RevokeLinks request, Principal who) {
    return access.revoke(customerId, request.reason(), who.getName());
  }
}
