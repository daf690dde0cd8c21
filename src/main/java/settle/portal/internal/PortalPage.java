package settle.portal.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import settle.common.SignedLinks;
import settle.customers.CustomerDirectory;
import settle.disputes.Disputes;
import settle.invoicing.InvoiceView;
import settle.invoicing.Invoices;

@Controller
class PortalPage {

  private final SignedLinks links;
  private final Invoices invoices;
  private final CustomerDirectory customers;
  private final Disputes disputes;
  private final Clock clock;
  private final String companyName;
  private final settle.common.Company seller;

  PortalPage(SignedLinks links, Invoices invoices, CustomerDirectory customers, Disputes disputes, Clock clock,
             @Value("${settle.company-name}") String companyName, settle.common.Company seller) {
    this.seller = seller;
    this.links = links;
    this.invoices = invoices;
    this.customers = customers;
    this.disputes = disputes;
    this.clock = clock;
    this.companyName = companyName;
  }

  @GetMapping("/portal/{token}")
  String invoice(@PathVariable String token, Model model) {
    InvoiceView invoice = invoice(token);
    // the same amount the reminders ask for: what is open and not in dispute; the disputed part is shown apart
    Disputes.OpenSplit open = disputes.openSplit(invoice);
    model.addAttribute("invoice", invoice);
    model.addAttribute("inDispute", open.disputed());
    model.addAttribute("amountDue", open.undisputed().max(BigDecimal.ZERO));
    model.addAttribute("customer", customers.get(invoice.customerId()));
    model.addAttribute("token", token);
    model.addAttribute("companyName", companyName);
    model.addAttribute("today", LocalDate.now(clock));
    model.addAttribute("seller", seller);
    model.addAttribute("account", seller.account(invoice.currency()).orElse(null));
    model.addAttribute("qrCode", invoice.currency().equals("EUR") && seller.account("EUR").isPresent()
        && open.undisputed().signum() > 0);
    return "pages/portal-invoice";
  }

  /** The EPC QR code (GiroCode) for the amount due now, which a banking app scans to fill in the SEPA transfer. */
  @GetMapping(value = "/portal/{token}/qr.png", produces = MediaType.IMAGE_PNG_VALUE)
  ResponseEntity<byte[]> qrCode(@PathVariable String token) {
    InvoiceView invoice = invoice(token);
    return invoices.paymentQrCode(invoice.id(), disputes.openSplit(invoice).undisputed())
        .map(png -> ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).body(png))
        .orElseGet(() -> ResponseEntity.notFound().build());
  }

  /** Mails sent before the portal stopped offering a "Pay now" link still carry it; it leads to the invoice. */
  @GetMapping("/portal/{token}/pay")
  String pay(@PathVariable String token) {
    return "redirect:/portal/" + token;
  }

  @GetMapping("/portal/{token}/pdf")
  ResponseEntity<byte[]> pdf(@PathVariable String token) {
    InvoiceView invoice = invoice(token);
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(invoice.number() + ".pdf").build().toString())
        .body(invoices.pdf(invoice.id()));
  }

  private InvoiceView invoice(String token) {
    long id = links.verify("portal", token, LocalDate.now(clock)).map(Long::parseLong).orElseThrow(InvalidLink::new);
    return invoices.get(id);
  }

  /** The customer followed a link that was altered or has run out: a page that says so and how to get a new one. */
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
