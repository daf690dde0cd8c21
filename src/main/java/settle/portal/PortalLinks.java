package settle.portal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import settle.common.NotFoundException;
import settle.common.SignedLinks;

/**
 * The signed links into the customer's portal. One link per AP contact — the customer and the contact's address on
 * file — opens the whole account; it expires after {@code settle.portal.link-validity}. A link to one invoice is that
 * account link pointing at the invoice's page, so every mail that names an invoice carries the account.
 */
@Component
public class PortalLinks {

  static final String PURPOSE = "portal-account";

  private final SignedLinks links;
  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final String publicUrl;
  private final Duration validity;

  PortalLinks(SignedLinks links, JdbcTemplate jdbc, Clock clock, @Value("${settle.public-url}") String publicUrl,
              @Value("${settle.portal.link-validity:30d}") Duration validity) {
    this.links = links;
    this.jdbc = jdbc;
    this.clock = clock;
    this.publicUrl = publicUrl;
    this.validity = validity;
  }

  /** The account's front page for the customer's AP contact on file. */
  public String accountUrl(long customerId) {
    return publicUrl + "/portal/" + token(customerId);
  }

  /** The invoice's page in its customer's account. */
  public String invoiceUrl(long invoiceId) {
    // read by SQL, not through invoicing's API: invoicing may link to the portal without the modules forming a cycle
    Long customerId = jdbc.query("select customer_id from invoice where id = ?", rs -> rs.next() ? rs.getLong(1) : null, invoiceId);
    if (customerId == null) {
      throw new NotFoundException("Invoice", invoiceId);
    }
    return accountUrl(customerId) + "/invoices/" + invoiceId;
  }

  /** A fresh token for the customer's AP contact on file, issued now. */
  public String token(long customerId) {
    String email = jdbc.query("select ap_email from customer where id = ?", rs -> rs.next() ? rs.getString(1) : null, customerId);
    if (email == null) {
      throw new NotFoundException("Customer", customerId);
    }
    String payload = customerId + ":" + clock.millis() + ":" + contactKey(email);
    return links.sign(PURPOSE, payload, LocalDate.now(clock).plusDays(Math.max(1, validity.toDays())));
  }

  public Duration validity() {
    return validity;
  }

  /** A short digest of the address: the link names its contact without showing the address in the URL. */
  static String contactKey(String email) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(email.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
