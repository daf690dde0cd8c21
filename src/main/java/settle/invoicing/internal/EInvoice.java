package settle.invoicing.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Date;
import javax.xml.transform.TransformerFactory;
import org.mustangproject.Allowance;
import org.mustangproject.BankDetails;
import org.mustangproject.Contact;
import org.mustangproject.Invoice;
import org.mustangproject.Item;
import org.mustangproject.Product;
import org.mustangproject.TradeParty;
import org.mustangproject.ZUGFeRD.Profiles;
import org.mustangproject.ZUGFeRD.ZUGFeRD2PullProvider;
import org.mustangproject.ZUGFeRD.ZUGFeRDExporterFromA1;
import settle.common.Company;
import settle.common.Money;
import settle.customers.CustomerView;
import settle.invoicing.InvoiceView;

/**
 * The invoice as structured data (EN 16931, UN/CEFACT CII) made with Mustangproject: embedded into the PDF as
 * Factur-X/ZUGFeRD, or on its own as XRechnung. Prices include VAT (see {@link Vat}), so each line's and the discount's
 * net is derived and whatever cent the split leaves is the invoice's rounding amount: the amount due stays exactly
 * the invoice total the customer pays.
 */
final class EInvoice {

  static {
    // Mustang's XMP step asks TransformerFactory.newInstance() for every PDF, and without this property each ask scans
    // the whole classpath for a provider: a third of rendering an invoice, in a profile. The provider found once is named.
    String factory = TransformerFactory.class.getName();
    if (System.getProperty(factory) == null) {
      System.setProperty(factory, TransformerFactory.newInstance().getClass().getName());
    }
  }

  private EInvoice() {}

  static Invoice of(InvoiceView invoice, CustomerView customer, Company seller) {
    Vat vat = Vat.forBuyer(seller, customer);
    TradeParty sender = new TradeParty(seller.legalName(), seller.street(), seller.postcode(), seller.city(), seller.country())
        .addVATID(seller.vatId()).setEmail(seller.email())
        .setContact(new Contact("Accounts Receivable", seller.phone(), seller.email()));
    seller.account(invoice.currency()).ifPresent(a -> sender.addBankDetails(new BankDetails(a.iban(), a.bic())));
    TradeParty recipient = new TradeParty(customer.name(), nz(customer.street()), nz(customer.postcode()), nz(customer.city()),
        customer.country()).setEmail(customer.apEmail());
    if (customer.vatId() != null && !customer.vatId().isBlank()) {
      recipient.addVATID(customer.vatId());
    }
    if (customer.apContactName() != null) {
      recipient.setContact(new Contact(customer.apContactName(), nz(customer.apContactPhone()), customer.apEmail()));
    }
    Invoice e = new Invoice().setNumber(invoice.number()).setCurrency(invoice.currency())
        .setIssueDate(date(invoice.issueDate())).setDeliveryDate(date(invoice.issueDate())).setDueDate(date(invoice.dueDate()))
        .setSender(sender).setRecipient(recipient)
        .setPaymentReference(invoice.creditorReference())
        // the buyer reference (BT-10, the XRechnung "Leitweg" slot): their PO where there is one, else our invoice number
        .setReferenceNumber(invoice.poNumber() != null ? invoice.poNumber() : invoice.number())
        .setPaymentTermDescription(termsInWords(invoice));
    if (invoice.poNumber() != null) {
      e.setBuyerOrderReferencedDocumentID(invoice.poNumber());
    }
    BigDecimal netLines = BigDecimal.ZERO;
    for (InvoiceView.Line line : invoice.lines()) {
      BigDecimal net = vat.net(line.amount());
      netLines = netLines.add(net);
      Product product = new Product(line.description(), "", "C62", vat.rate());
      if (vat.exemptionReason() != null) {
        product.setTaxCategoryCode(vat.category()).setTaxExemptionReason(vat.exemptionReason());
      }
      BigDecimal unitNet = net.divide(line.quantity(), 4, RoundingMode.HALF_EVEN);
      e.addItem(new Item(product, unitNet, line.quantity()));
      // a unit price the quantity does not divide evenly moves the line's net by a cent: count what Mustang will
      netLines = netLines.subtract(net).add(Money.of(unitNet.multiply(line.quantity())));
    }
    BigDecimal netDiscount = BigDecimal.ZERO;
    if (invoice.discountAmount().signum() != 0) {
      netDiscount = vat.net(invoice.discountAmount());
      Allowance allowance = new Allowance(netDiscount);
      allowance.setTaxPercent(vat.rate()).setReason("Discount " + invoice.discountPercent().toPlainString() + "%")
          .setReasonCode("95").setCategoryCode(vat.category());
      e.addAllowance(allowance);
    }
    BigDecimal taxBasis = netLines.subtract(netDiscount);
    BigDecimal rounding = invoice.total().subtract(taxBasis).subtract(vat.on(taxBasis));
    if (rounding.signum() != 0) {
      e.setRoundingAmount(rounding);
    }
    return e;
  }

  /** The visual PDF made a PDF/A-3 with the Factur-X (EN 16931 profile) XML embedded. */
  static byte[] facturX(byte[] visualPdf, Invoice invoice) {
    try (ZUGFeRDExporterFromA1 exporter = new ZUGFeRDExporterFromA1()) {
      exporter.setProducer("Settle").setCreator(invoice.getSender().getName()).setZUGFeRDVersion(2)
          .setProfile(Profiles.getByName("EN16931")).ignorePDFAErrors();
      exporter.load(visualPdf);
      exporter.setTransaction(invoice);
      var out = new ByteArrayOutputStream();
      exporter.export(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The invoice as XRechnung (CII syntax), for public-sector and other buyers who want the XML alone. */
  static byte[] xrechnung(Invoice invoice) {
    var provider = new ZUGFeRD2PullProvider();
    provider.setProfile(Profiles.getByName("XRechnung"));
    provider.generateXML(invoice);
    return provider.getXML();
  }

  static String termsInWords(InvoiceView invoice) {
    String terms = "Payment terms " + invoice.paymentTerms() + ": " + Money.format(invoice.total(), invoice.currency())
        + " due on " + invoice.dueDate() + ".";
    if (invoice.earlyDiscountDate() != null) {
      terms += " " + invoice.earlyDiscountPercent().toPlainString() + "% early-payment discount: pay "
          + Money.format(invoice.earlyPaymentAmount(), invoice.currency()) + " by " + invoice.earlyDiscountDate() + ".";
    }
    return terms;
  }

  private static Date date(LocalDate day) {
    // Mustang writes dates in the JVM's zone
    return Date.from(day.atStartOfDay(java.time.ZoneId.systemDefault()).toInstant());
  }

  private static String nz(String text) {
    return text == null ? "" : text;
  }
}
