package settle.selfservice.internal;

import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import settle.customers.CustomerView;
import settle.payments.ShortPayQueries;

/** Where the short-pay mail leads: the payment, the difference, and the two answers. */
@Controller
class PortalShortPays {

  private final PortalPages pages;
  private final ShortPayQueries shortPays;

  PortalShortPays(PortalPages pages, ShortPayQueries shortPays) {
    this.pages = pages;
    this.shortPays = shortPays;
  }

  @GetMapping("/portal/{token}/short-pays/{lineId}")
  String query(@PathVariable String token, @PathVariable long lineId, Locale locale, Model model) {
    CustomerView customer = pages.page(token, locale, model, "payments");
    model.addAttribute("query", shortPays.of(customer.id(), lineId).orElseThrow(PortalLinkProblems.InvalidLink::new));
    return "pages/portal-short-pay";
  }
}
