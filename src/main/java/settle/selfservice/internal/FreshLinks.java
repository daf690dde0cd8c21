package settle.selfservice.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import settle.communication.MailOutbox;
import settle.communication.OutgoingMail;
import settle.customers.CustomerDirectory;
import settle.customers.CustomerView;
import settle.portal.PortalContact;
import settle.portal.PortalLinks;

/** Mails an AP contact a fresh portal link, to their address on file and nowhere else; once a day per contact. */
@Service
class FreshLinks {

  private final MailOutbox mail;
  private final PortalLinks links;
  private final CustomerDirectory customers;
  private final Clock clock;

  FreshLinks(MailOutbox mail, PortalLinks links, CustomerDirectory customers, Clock clock) {
    this.mail = mail;
    this.links = links;
    this.customers = customers;
    this.clock = clock;
  }

  @Transactional
  void send(PortalContact contact, Locale locale) {
    CustomerView customer = customers.get(contact.customerId());
    String url = links.accountUrl(customer.id());
    LocalDate today = LocalDate.now(clock);
    // one a day: asking again the same day does not fill the contact's inbox
    mail.enqueue(new OutgoingMail("portal-fresh-link:" + customer.id() + ":" + contact.email().toLowerCase(Locale.ROOT) + ":" + today,
        mail.arTeamName(), customer.apEmail(), "Your new link to your account", "portal-fresh-link",
        Map.of("customerName", customer.name(), "contactName", customer.apContactName() == null ? "" : customer.apContactName(),
            "accountUrl", url, "validDays", links.validity().toDays()),
        List.of(), "customer:" + customer.id(), locale.getLanguage()));
  }

  /** The address with most of its local part hidden: enough to recognise, not to harvest. */
  static String masked(String email) {
    int at = email.indexOf('@');
    if (at <= 1) {
      return "…" + email.substring(Math.max(at, 0));
    }
    return email.charAt(0) + "…" + email.substring(at);
  }
}
