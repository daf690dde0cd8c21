package settle.payments.gateway.sandbox;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.view.RedirectView;
import settle.common.Money;
import settle.common.NotFoundException;

/**
 * The sandbox provider's own pages: the hosted checkout a payer is sent to (no sign-in, like a provider's), and its
 * dashboard where staff see the test payments and simulate a chargeback.
 */
@Controller
@ConditionalOnProperty(name = "settle.payments.gateway.provider", havingValue = "sandbox", matchIfMissing = true)
class SandboxPages {

  static final String CHECKOUT = "/sandbox-pay/checkout/";

  private final SandboxProvider provider;
  private final String companyName;

  SandboxPages(SandboxProvider provider, @Value("${settle.company-name}") String companyName) {
    this.provider = provider;
    this.companyName = companyName;
  }

  @GetMapping(CHECKOUT + "{sessionId}")
  String checkout(@PathVariable String sessionId, Model model) {
    return page(session(sessionId), null, model);
  }

  @PostMapping(CHECKOUT + "{sessionId}/pay")
  Object pay(@PathVariable String sessionId, @RequestParam(defaultValue = "") String cardNumber, Model model,
             jakarta.servlet.http.HttpServletResponse response) {
    SandboxProvider.Session session = session(sessionId);
    return switch (provider.pay(session, cardNumber)) {
      case SandboxProvider.NotATestCard ignored -> {
        response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
        yield page(session, "This is the sandbox: use a test card. 4242 4242 4242 4242 pays, 4000 0000 0000 0002 is declined.", model);
      }
      // the payer goes back to the merchant at once; the webhook follows on its own
      default -> seeOther(session.returnUrl);
    };
  }

  @GetMapping("/sandbox-pay")
  String dashboard(Model model) {
    model.addAttribute("sessions", provider.sessions());
    model.addAttribute("words", new Words());
    return "pages/sandbox-dashboard";
  }

  @PostMapping("/sandbox-pay/checkout/{sessionId}/chargeback")
  RedirectView chargeBack(@PathVariable String sessionId) {
    provider.chargeBack(session(sessionId));
    return seeOther("/sandbox-pay");
  }

  private String page(SandboxProvider.Session session, String error, Model model) {
    model.addAttribute("checkout", session);
    model.addAttribute("amount", Money.format(session.amount, session.currency));
    model.addAttribute("merchant", companyName);
    model.addAttribute("error", error);
    return "pages/sandbox-checkout";
  }

  private SandboxProvider.Session session(String id) {
    return provider.session(id).orElseThrow(() -> new NotFoundException("Checkout", id));
  }

  private static RedirectView seeOther(String url) {
    RedirectView view = new RedirectView(url);
    view.setStatusCode(HttpStatus.SEE_OTHER);
    return view;
  }

  /** How the dashboard says a session's state and amount. */
  static final class Words {
    public String state(SandboxProvider.State state) {
      return switch (state) {
        case OPEN -> "Waiting for the payer";
        case PAID -> "Paid";
        case DECLINED -> "Declined";
        case CHARGED_BACK -> "Charged back";
      };
    }

    public String amount(SandboxProvider.Session s) {
      return Money.format(s.amount, s.currency);
    }
  }
}
