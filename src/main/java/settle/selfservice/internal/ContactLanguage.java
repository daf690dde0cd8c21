package settle.selfservice.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;
import settle.customers.CustomerDirectory;
import settle.customers.CustomerView;
import settle.portal.PortalAccess;

/**
 * The language a page is written in. A portal page speaks the language on file for the contact its link belongs to, so
 * an AP clerk reading a German reminder in an English browser gets German pages too; without one on file, and on every
 * other page, the browser's Accept-Language decides. Replaces Spring Boot's resolver of the same name.
 */
@Component("localeResolver")
class ContactLanguage implements LocaleResolver {

  private static final String RESOLVED = ContactLanguage.class.getName();

  private final PortalAccess access;
  private final CustomerDirectory customers;
  private final AcceptHeaderLocaleResolver browser = new AcceptHeaderLocaleResolver();

  ContactLanguage(PortalAccess access, CustomerDirectory customers) {
    this.access = access;
    this.customers = customers;
  }

  @Override
  public Locale resolveLocale(HttpServletRequest request) {
    if (request.getAttribute(RESOLVED) instanceof Locale known) {
      return known;
    }
    Locale locale = onFile(request);
    if (locale == null) {
      locale = browser.resolveLocale(request);
    }
    request.setAttribute(RESOLVED, locale);
    return locale;
  }

  private Locale onFile(HttpServletRequest request) {
    String[] path = request.getRequestURI().substring(request.getContextPath().length()).split("/");
    if (path.length < 3 || !path[1].equals("portal")) {
      return null;
    }
    PortalAccess.Access link = access.check(path[2]);
    if (link.contact() == null) {
      return null;
    }
    return customers.find(link.contact().customerId()).map(CustomerView::apLanguage).map(Locale::forLanguageTag).orElse(null);
  }

  @Override
  public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
    throw new UnsupportedOperationException("The language follows the contact on file or the browser; it is not set per session");
  }
}
