package settle.selfservice.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import settle.common.NotFoundException;

/** The portal's refusals as pages in the contact's language: no account is ever shown on them. */
// before the application's problem handler, whose catch-all would otherwise take the portal's refusals
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
@ControllerAdvice(assignableTypes = {PortalPages.class, PortalActions.class, PortalRemittances.class, PortalShortPays.class})
class PortalProblemPages {

  private final String companyName;

  PortalProblemPages(@Value("${settle.company-name}") String companyName) {
    this.companyName = companyName;
  }

  @ExceptionHandler({PortalLinkProblems.InvalidLink.class, NotFoundException.class})
  String invalid(Model model, Locale locale, HttpServletResponse response) {
    response.setStatus(HttpStatus.NOT_FOUND.value());
    common(model, locale);
    return "pages/portal-link-invalid";
  }

  @ExceptionHandler(PortalLinkProblems.ExpiredLink.class)
  String expired(PortalLinkProblems.ExpiredLink expired, Model model, Locale locale, HttpServletResponse response) {
    response.setStatus(HttpStatus.GONE.value());
    common(model, locale);
    model.addAttribute("token", expired.token);
    model.addAttribute("maskedAddress", FreshLinks.masked(expired.contact.email()));
    return "pages/portal-link-expired";
  }

  @ExceptionHandler(PortalLinkProblems.TooManyRequests.class)
  String tooMany(PortalLinkProblems.TooManyRequests tooMany, Model model, Locale locale, HttpServletResponse response) {
    response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
    response.setHeader("Retry-After", String.valueOf(tooMany.retryAfterSeconds));
    common(model, locale);
    model.addAttribute("retryAfter", tooMany.retryAfterSeconds);
    return "pages/portal-too-many";
  }

  private void common(Model model, Locale locale) {
    model.addAttribute("companyName", companyName);
    model.addAttribute("fmt", new PortalFormat(PortalFormat.supported(locale), java.time.ZoneOffset.UTC));
  }
}
