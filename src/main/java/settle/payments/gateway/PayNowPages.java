package settle.payments.gateway;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.servlet.view.RedirectView;
import settle.common.Money;
import settle.common.NotFoundException;
import settle.portal.PortalAccess;
import settle.portal.PortalContact;
import settle.customers.CustomerDirectory;
import settle.invoicing.InvoiceView;
import settle.invoicing.Invoices;

/**
 * "Pay now" in the customer's portal: sends the payer to the provider's checkout for what the invoice asks now, and
 * the page they come back to, which says in words what became of it. The portal link is the authority; an invoice
 * of another customer does not exist for it (404).
 */
@Controller
class PayNowPages {

  private final GatewayPayments payments;
  private final PortalAccess access;
  private final Invoices invoices;
  private final CustomerDirectory customers;
  private final Clock clock;
  private final String companyName;

  PayNowPages(GatewayPayments payments, PortalAccess access, Invoices invoices, CustomerDirectory customers, Clock clock,
              @Value("${settle.company-name}") String companyName) {
    this.payments = payments;
    this.access = access;
    this.invoices = invoices;
    this.customers = customers;
    this.clock = clock;
    this.companyName = companyName;
  }

  @PostMapping("/portal/{token}/invoices/{invoiceId}/pay")
  RedirectView pay(@PathVariable String token, @PathVariable long invoiceId) {
    long customerId = customerOf(token);
    InvoiceView invoice = invoiceOf(customerId, invoiceId);
    String returnPrefix = ServletUriComponentsBuilder.fromCurrentContextPath().path("/portal/{token}/payments/")
        .buildAndExpand(token).toUriString();
    Optional<GatewayPayments.CheckoutView> checkout = payments.startCheckout(invoice.id(), returnPrefix,
        "portal:" + customers.get(customerId).apEmail());
    // nothing to pay (settled, or all of it in dispute): the invoice page says why
    return seeOther(checkout.map(GatewayPayments.CheckoutView::checkoutUrl).orElse("/portal/" + token + "/invoices/" + invoice.id()));
  }

  @GetMapping("/portal/{token}/payments/{checkoutId}")
  String paid(@PathVariable String token, @PathVariable long checkoutId, @RequestParam(required = false) String cancelled, Model model) {
    long customerId = customerOf(token);
    GatewayPayments.CheckoutView checkout = payments.get(checkoutId).filter(c -> c.customerId() == customerId)
        .orElseThrow(InvalidLink::new);
    InvoiceView invoice = invoices.get(checkout.invoiceId());
    model.addAttribute("companyName", companyName);
    model.addAttribute("token", token);
    model.addAttribute("checkout", checkout);
    model.addAttribute("invoice", invoice);
    model.addAttribute("customer", customers.get(customerId));
    model.addAttribute("amount", Money.format(checkout.amount(), checkout.currency()));
    model.addAttribute("stillDue", Money.format(payments.amountToPay(invoice), invoice.currency()));
    model.addAttribute("cancelled", cancelled != null && checkout.status() == GatewayPayments.Status.OPEN);
    return "pages/portal-payment";
  }

  /** The customer the portal link speaks for, checked as the portal's own pages check it. */
  private long customerOf(String token) {
    return access.contact(token).map(PortalContact::customerId).orElseThrow(InvalidLink::new);
  }

  private InvoiceView invoiceOf(long customerId, long invoiceId) {
    try {
      InvoiceView invoice = invoices.get(invoiceId);
      if (invoice.customerId() == customerId) {
        return invoice;
      }
    } catch (NotFoundException e) {
      // the same answer as another customer's invoice: nothing to tell apart
    }
    throw new InvalidLink();
  }

  private static RedirectView seeOther(String url) {
    RedirectView view = new RedirectView(url, true);
    view.setStatusCode(HttpStatus.SEE_OTHER);
    return view;
  }

  @ExceptionHandler(InvalidLink.class)
  @ResponseStatus(HttpStatus.NOT_FOUND)
  String invalidLink(Model model) {
    model.addAttribute("companyName", companyName);
    return "pages/portal-link-invalid";
  }

  private static final class InvalidLink extends RuntimeException {
    InvalidLink() {
      super("This link is not valid or has expired", null, false, false);
    }
  }
}
