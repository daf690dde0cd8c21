package settle.communication.internal;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import settle.common.NotFoundException;

/**
 * Reads what the embedded SMTP server received. A mail's id is its outbox id, carried in a header,
 * so it stays put however the server orders its mailboxes.
 */
@Component
class MailCapture {

  static final String ID_HEADER = "X-Settle-Mail-Id";

  private final ObjectProvider<GreenMail> smtp;

  MailCapture(ObjectProvider<GreenMail> smtp) {
    this.smtp = smtp;
  }

  boolean available() {
    return smtp.getIfAvailable() != null;
  }

  /** Newest first; a mail to several recipients arrives once per recipient and is listed once. */
  List<CapturedMail> list(String to) {
    Map<Long, CapturedMail> mails = new TreeMap<>(Comparator.reverseOrder());
    for (MimeMessage received : server().getReceivedMessages()) {
      CapturedMail mail = CapturedMail.read(received);
      if (to == null || mail.to().toLowerCase(Locale.ROOT).contains(to.toLowerCase(Locale.ROOT))) {
        mails.putIfAbsent(mail.id(), mail);
      }
    }
    return new ArrayList<>(mails.values());
  }

  CapturedMail get(long id) {
    return list(null).stream().filter(m -> m.id() == id).findFirst().orElseThrow(() -> new NotFoundException("Mail", id));
  }

  private GreenMail server() {
    GreenMail server = smtp.getIfAvailable();
    if (server == null) {
      throw new NotFoundException("The mail capture", "(only in embedded mode; read your SMTP relay's mailbox)");
    }
    return server;
  }
}
