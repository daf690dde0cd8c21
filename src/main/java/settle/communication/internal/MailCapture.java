package settle.communication.internal;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import settle.common.NotFoundException;

/** Reads what the embedded SMTP server received; ids are positions in arrival order, starting at 1. */
@Component
class MailCapture {

  private final ObjectProvider<GreenMail> smtp;

  MailCapture(ObjectProvider<GreenMail> smtp) {
    this.smtp = smtp;
  }

  boolean available() {
    return smtp.getIfAvailable() != null;
  }

  /** Newest first; a mail to several recipients arrives once per recipient and is listed once. */
  List<CapturedMail> list(String to) {
    MimeMessage[] received = server().getReceivedMessages();
    List<CapturedMail> mails = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (int i = received.length - 1; i >= 0; i--) {
      CapturedMail mail = CapturedMail.read(i + 1, received[i]);
      if (mail.messageId() != null && !seen.add(mail.messageId())) {
        continue;
      }
      if (to == null || mail.to().toLowerCase(Locale.ROOT).contains(to.toLowerCase(Locale.ROOT))) {
        mails.add(mail);
      }
    }
    return mails;
  }

  CapturedMail get(int id) {
    MimeMessage[] received = server().getReceivedMessages();
    if (id < 1 || id > received.length) {
      throw new NotFoundException("Mail", id);
    }
    return CapturedMail.read(id, received[id - 1]);
  }

  private GreenMail server() {
    GreenMail server = smtp.getIfAvailable();
    if (server == null) {
      throw new NotFoundException("The mail capture", "(only in embedded mode; read your SMTP relay's mailbox)");
    }
    return server;
  }
}
