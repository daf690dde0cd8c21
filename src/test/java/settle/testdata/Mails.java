package settle.testdata;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;

/** What a mail received over SMTP says, read from its real MIME structure. */
public final class Mails {

  private Mails() {
  }

  /** A day as English mails and pages write it: "3 Dec 2026" (written here, not taken from the code under test). */
  public static final java.time.format.DateTimeFormatter DAY =
      java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy", java.util.Locale.ENGLISH);

  public static String day(java.time.LocalDate day) {
    return day.format(DAY);
  }

  /** The decoded text of the first part of that type that is not an attachment, as a mail program shows it; null if none. */
  public static String part(Part part, String type) throws Exception {
    if (part.isMimeType(type) && part.getFileName() == null) {
      return (String) part.getContent();
    }
    if (part.getContent() instanceof Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        String found = part(multipart.getBodyPart(i), type);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  /** The body as it travelled, every part in its transfer encoding: for links, which the encodings leave readable. */
  public static String raw(MimeMessage mail) throws Exception {
    return new String(mail.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
  }
}
