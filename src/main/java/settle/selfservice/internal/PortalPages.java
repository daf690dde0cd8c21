package settle.selfservice.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import settle.common.InvalidRequestException;
import settle.customers.CustomerDirectory;
import settle.customers.CustomerView;
import settle.invoicing.InvoiceView;
import settle.invoicing.Invoices;
import settle.payments.PaymentHistory;
import settle.portal.PortalAccess;
import settle.portal.PortalContact;
import settle.portal.PortalLinks;

/**
 * The portal's pages. Every one starts from the link: who it speaks for decides the only account shown, and anything
 * named in the address that is not that customer's is a 404, the same as a forged link.
 */
@Controller
class PortalPages {

  private final PortalAccess access;
  private final PortalLinks links;
  private final PortalAccount account;
  private final Invoices invoices;
  private final CustomerDirectory customers;
  private final PaymentHistory payments;
  private final StatementOfAccount statements;
  private final FreshLinks freshLinks;
  private final String companyName;
  private final settle.common.Company seller;
  private final settle.invoicing.InvoiceReissue reissue;

  PortalPages(PortalAccess access, PortalLinks links, PortalAccount account, Invoices invoices, CustomerDirectory customers,
              PaymentHistory payments, StatementOfAccount statements, FreshLinks freshLinks,
              @Value("${settle.company-name}") String companyName, settle.common.Company seller, settle.invoicing.InvoiceReissue reissue) {
    this.reissue = reissue;
    this.seller = seller;
    this.access = access;
    this.links = links;
    this.account = account;
    this.invoices = invoices;
    this.customers = customers;
    this.payments = payments;
    this.statements = statements;
    this.freshLinks = freshLinks;
    this.companyName = companyName;
  }

  @GetMapping("/portal/{token}")
  String summary(@PathVariable String token, Locale locale, Model model) {
    if (access.check(token).status() == PortalAccess.Status.INVALID) {
      // a link from a mail sent before links were per contact: its invoice, in the account
      Long legacy = access.legacyInvoice(token).orElseThrow(PortalLinkProblems.InvalidLink::new);
      return "redirect:" + java.net.URI.create(links.invoiceUrl(legacy)).getPath();
    }
    CustomerView customer = page(token, locale, model, "summary");
    List<PortalAccount.InvoiceRow> rows = account.invoices(customer.id());
    model.addAttribute("summaries", account.summary(customer, rows));
    model.addAttribute("overdueInvoices", rows.stream().filter(PortalAccount.InvoiceRow::overdue).toList());
    model.addAttribute("periodFrom", account.today().withDayOfMonth(1).minusMonths(2));
    model.addAttribute("periodTo", account.today());
    return "pages/portal-account";
  }

  @GetMapping("/portal/{token}/invoices")
  String invoices(@PathVariable String token, Locale locale, Model model) {
    CustomerView customer = page(token, locale, model, "invoices");
    model.addAttribute("rows", account.invoices(customer.id()));
    return "pages/portal-invoices";
  }

  @GetMapping("/portal/{token}/invoices/{invoiceId}")
  String invoice(@PathVariable String token, @PathVariable long invoiceId, Locale locale, Model model) {
    CustomerView customer = page(token, locale, model, "invoices");
    InvoiceView invoice = invoiceOf(customer, invoiceId);
    PortalAccount.InvoiceRow row = account.row(invoice, account.today());
    model.addAttribute("invoice", invoice);
    model.addAttribute("row", row);
    model.addAttribute("inDispute", row.disputed());
    model.addAttribute("amountDue", row.toPay());
    model.addAttribute("today", account.today());
    Map<Long, InvoiceView> one = Map.of(invoice.id(), invoice);
    model.addAttribute("disputes", account.disputes(customer.id(), one).stream().filter(d -> d.dispute().invoiceId() == invoiceId).toList());
    model.addAttribute("promises", account.promises(one));
    model.addAttribute("plans", account.plans(one));
    model.addAttribute("reasonCodes", PortalActions.CUSTOMER_REASONS);
    model.addAttribute("earlier", reissue.earlier(invoice.id()));
    model.addAttribute("seller", seller);
    model.addAttribute("account", seller.account(invoice.currency()).orElse(null));
    model.addAttribute("qrCode", invoice.currency().equals("EUR") && seller.account("EUR").isPresent() && row.toPay().signum() > 0);
    return "pages/portal-invoice";
  }

  /** The EPC QR code (GiroCode) for the amount to pay now, which a banking app scans to fill in the SEPA transfer. */
  @GetMapping(value = "/portal/{token}/invoices/{invoiceId}/qr.png", produces = MediaType.IMAGE_PNG_VALUE)
  ResponseEntity<byte[]> qrCode(@PathVariable String token, @PathVariable long invoiceId) {
    InvoiceView invoice = invoiceOf(customerOf(token), invoiceId);
    return invoices.paymentQrCode(invoice.id(), account.row(invoice, account.today()).toPay())
        .map(png -> ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).body(png))
        .orElseGet(() -> ResponseEntity.notFound().build());
  }

  @GetMapping("/portal/{token}/invoices/{invoiceId}/pdf")
  ResponseEntity<byte[]> pdf(@PathVariable String token, @PathVariable long invoiceId) {
    InvoiceView invoice = invoiceOf(customerOf(token), invoiceId);
    return pdf(invoice.printedNumber() + ".pdf", invoices.pdf(invoice.id()));
  }

  /** An earlier version of a re-issued invoice, exactly as it was sent. */
  @GetMapping("/portal/{token}/invoices/{invoiceId}/revisions/{revision}/pdf")
  ResponseEntity<byte[]> earlierPdf(@PathVariable String token, @PathVariable long invoiceId, @PathVariable int revision) {
    InvoiceView invoice = invoiceOf(customerOf(token), invoiceId);
    byte[] earlier = reissue.earlierPdf(invoice.id(), revision);
    if (earlier == null) {
      throw new PortalLinkProblems.InvalidLink();
    }
    return pdf(invoice.number() + " rev. " + revision + ".pdf", earlier);
  }

  @GetMapping("/portal/{token}/payments")
  String payments(@PathVariable String token, Locale locale, Model model) {
    CustomerView customer = page(token, locale, model, "payments");
    model.addAttribute("received", payments.received(customer.id()));
    model.addAttribute("credit", payments.creditMovements(customer.id()));
    return "pages/portal-payments";
  }

  @GetMapping("/portal/{token}/disputes")
  String disputes(@PathVariable String token, Locale locale, Model model) {
    CustomerView customer = page(token, locale, model, "disputes");
    model.addAttribute("disputes", account.disputes(customer.id(), byId(customer)));
    return "pages/portal-disputes";
  }

  @GetMapping("/portal/{token}/promises")
  String promises(@PathVariable String token, Locale locale, Model model) {
    CustomerView customer = page(token, locale, model, "promises");
    Map<Long, InvoiceView> byId = byId(customer);
    model.addAttribute("promises", account.promises(byId));
    model.addAttribute("plans", account.plans(byId));
    model.addAttribute("proposals", account.proposals(customer.id(), byId));
    return "pages/portal-promises";
  }

  @GetMapping("/portal/{token}/statement")
  ResponseEntity<byte[]> statement(@PathVariable String token, @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                   @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                   @RequestParam(required = false) String currency, Locale locale) {
    CustomerView customer = customerOf(token);
    if (to.isBefore(from)) {
      throw new InvalidRequestException("to", "The period must end on or after its first day");
    }
    StatementOfAccount.Statement statement = statements.of(customer, currency == null ? customer.currency() : currency, from,
        to.isAfter(account.today()) ? account.today() : to);
    return pdf("Statement " + customer.name() + " " + from + " to " + to + ".pdf",
        statements.pdf(statement, new PortalFormat(PortalFormat.supported(locale), customer.zone())));
  }

  /** Old mails' invoice PDF link. */
  @GetMapping("/portal/{token}/pdf")
  String legacyPdf(@PathVariable String token) {
    Long legacy = access.legacyInvoice(token).orElseThrow(PortalLinkProblems.InvalidLink::new);
    return "redirect:" + java.net.URI.create(links.invoiceUrl(legacy)).getPath() + "/pdf";
  }

  /** Mails sent before the portal had "Pay now" carry a pay link; it leads to the invoice. */
  @GetMapping("/portal/{token}/pay")
  String legacyPay(@PathVariable String token) {
    Long legacy = access.legacyInvoice(token).orElseThrow(PortalLinkProblems.InvalidLink::new);
    return "redirect:" + java.net.URI.create(links.invoiceUrl(legacy)).getPath();
  }

  /** From the expired-link page: a fresh link, only ever to the contact's address on file. */
  @PostMapping("/portal/{token}/fresh-link")
  String freshLink(@PathVariable String token, Locale locale, Model model) {
    PortalAccess.Access checked = access.check(token);
    if (checked.status() == PortalAccess.Status.INVALID) {
      throw new PortalLinkProblems.InvalidLink();
    }
    freshLinks.send(checked.contact(), PortalFormat.supported(locale));
    model.addAttribute("companyName", companyName);
    model.addAttribute("fmt", new PortalFormat(PortalFormat.supported(locale), java.time.ZoneOffset.UTC));
    model.addAttribute("maskedAddress", FreshLinks.masked(checked.contact().email()));
    return "pages/portal-link-sent";
  }

  CustomerView page(String token, Locale locale, Model model, String section) {
    CustomerView customer = customerOf(token);
    model.addAttribute("customer", customer);
    model.addAttribute("token", token);
    model.addAttribute("section", section);
    model.addAttribute("companyName", companyName);
    model.addAttribute("fmt", new PortalFormat(PortalFormat.supported(locale), customer.zone()));
    return customer;
  }

  CustomerView customerOf(String token) {
    return customers.get(contactOf(access, token).customerId());
  }

  static PortalContact contactOf(PortalAccess access, String token) {
    PortalAccess.Access checked = access.check(token);
    return switch (checked.status()) {
      case VALID -> checked.contact();
      case EXPIRED -> throw new PortalLinkProblems.ExpiredLink(token, checked.contact());
      case INVALID -> throw new PortalLinkProblems.InvalidLink();
    };
  }

  /** The invoice, only if it is this customer's: another customer's or a made-up id is the same 404 as a forged link. */
  InvoiceView invoiceOf(CustomerView customer, long invoiceId) {
    return invoices.get(List.of(invoiceId)).values().stream().filter(i -> i.customerId() == customer.id()).findFirst()
        .orElseThrow(PortalLinkProblems.InvalidLink::new);
  }

  private Map<Long, InvoiceView> byId(CustomerView customer) {
    return invoices.find(customer.id(), null).stream().collect(Collectors.toMap(InvoiceView::id, Function.identity()));
  }

  private static ResponseEntity<byte[]> pdf(String filename, byte[] content) {
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename, java.nio.charset.StandardCharsets.UTF_8).build().toString())
        .body(content);
  }
}
