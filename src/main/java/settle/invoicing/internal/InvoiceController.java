package settle.invoicing.internal;

import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import settle.invoicing.InvoiceStatus;
import settle.invoicing.InvoiceView;
import settle.invoicing.Invoices;

@RestController
@RequestMapping("/api/invoices")
class InvoiceController {

  private final Invoices invoices;
  private final settle.invoicing.InvoiceReissue reissue;

  InvoiceController(Invoices invoices, settle.invoicing.InvoiceReissue reissue) {
    this.invoices = invoices;
    this.reissue = reissue;
  }

  /** An earlier version of a re-issued invoice, exactly as it was sent. */
  @GetMapping("/{id}/revisions/{revision}/pdf")
  ResponseEntity<byte[]> earlierPdf(@PathVariable long id, @PathVariable int revision) {
    InvoiceView invoice = invoices.get(id);
    byte[] earlier = reissue.earlierPdf(id, revision);
    if (earlier == null) {
      throw new settle.common.NotFoundException("Revision " + revision + " of invoice", id);
    }
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(invoice.number() + "-rev" + revision + ".pdf").build().toString())
        .body(earlier);
  }

  @GetMapping
  List<InvoiceView> find(@RequestParam(required = false) Long customerId, @RequestParam(required = false) InvoiceStatus status) {
    return invoices.find(customerId, status);
  }

  @GetMapping("/{id}")
  InvoiceView get(@PathVariable long id) {
    return invoices.get(id);
  }

  @GetMapping("/{id}/pdf")
  ResponseEntity<byte[]> pdf(@PathVariable long id) {
    InvoiceView invoice = invoices.get(id);
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.inline().filename(invoice.printedNumber().replace(" rev. ", "-rev") + ".pdf").build().toString())
        .body(invoices.pdf(id));
  }

  /** The invoice as an e-invoice on its own; today XRechnung (CII syntax), the format German public buyers require. */
  @GetMapping("/{id}/e-invoice")
  ResponseEntity<byte[]> eInvoice(@PathVariable long id, @RequestParam(defaultValue = "xrechnung") String format) {
    if (!format.equals("xrechnung")) {
      throw new settle.common.InvalidRequestException("format", "must be xrechnung (the only e-invoice format offered)");
    }
    InvoiceView invoice = invoices.get(id);
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_XML)
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(invoice.number() + "-xrechnung.xml").build().toString())
        .body(invoices.xrechnung(id));
  }
}
