package settle.communication.internal;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A mail as the SMTP capture received it, read back from its MIME. */
record CapturedMail(long id, String from, String to, String replyTo, String subject, Instant sentAt,
                    List<String> attachments, String text, String html, String messageId, String mailKey) {

  /** {@code mailKey} names the step that sent it, and so the decision behind it ("why"). */
  record Summary(long id, String from, String to, String subject, Instant sentAt, List<String> attachments, String mailKey) {}

  Summary summary() {
    return new Summary(id, from, to, subject, sentAt, attachments, mailKey);
  }

  static CapturedMail read(MimeMessage message) {
    try {
      String[] header = message.getHeader(MailCapture.ID_HEADER);
      long id = header == null ? 0 : Long.parseLong(header[0]);
      var parts = new Parts();
      parts.walk(message);
      return new CapturedMail(id, join(message.getFrom()), join(message.getRecipients(Message.RecipientType.TO)),
          join(message.getReplyTo()), message.getSubject(),
          message.getSentDate() == null ? null : message.getSentDate().toInstant(),
          parts.attachments, parts.text, parts.html, message.getMessageID(),
          message.getHeader("X-Settle-Mail-Key") == null ? null : message.getHeader("X-Settle-Mail-Key")[0]);
    } catch (MessagingException | IOException e) {
      throw new IllegalStateException("A captured mail cannot be read", e);
    }
  }

  private static List<String> addresses(Address[] addresses) {
    return addresses == null ? List.of() : Arrays.stream(addresses).map(Address::toString).toList();
  }

  private static String join(Address[] addresses) {
    return String.join(", ", addresses(addresses));
  }

  private static final class Parts {
    String text;
    String html;
    final List<String> attachments = new ArrayList<>();

    void walk(Part part) throws MessagingException, IOException {
      if (part.getFileName() != null || Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
        attachments.add(part.getFileName());
      } else if (part.isMimeType("text/plain") && text == null) {
        text = (String) part.getContent();
      } else if (part.isMimeType("text/html") && html == null) {
        html = (String) part.getContent();
      } else if (part.isMimeType("multipart/*")) {
        Multipart multipart = (Multipart) part.getContent();
        for (int i = 0; i < multipart.getCount(); i++) {
          BodyPart body = multipart.getBodyPart(i);
          walk(body);
        }
      }
    }
  }
}
