package settle.portal;

import java.time.Clock;
import java.time.LocalDate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import settle.common.SignedLinks;

/** The signed links that open an invoice in the customer's portal; valid for 90 days. */
@Component
public class PortalLinks {

  private final SignedLinks links;
  private final Clock clock;
  private final String publicUrl;

  PortalLinks(SignedLinks links, Clock clock, @Value("${settle.public-url}") String publicUrl) {
    this.links = links;
    this.clock = clock;
    this.publicUrl = publicUrl;
  }

  public String invoiceUrl(long invoiceId) {
    return publicUrl + "/portal/" + links.sign("portal", String.valueOf(invoiceId), LocalDate.now(clock).plusDays(90));
  }
}
