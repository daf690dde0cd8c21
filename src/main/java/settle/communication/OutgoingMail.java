package settle.communication;

import java.util.List;
import java.util.Map;

/**
 * A mail to send once. {@code key} names the step that causes it (e.g. {@code invoice:42:reminder:1});
 * {@code senderName} is the alias the recipient sees, e.g. the account owner; {@code subjectRef} is the
 * record it belongs to, for the audit trail ({@code invoice:42}). {@code language} is the recipient's ("de" or "en");
 * a template written in it ({@code NAME-de.html}, {@code .txt} and {@code .subject.txt}) is used where there is one,
 * else the English one with the English {@code subject}.
 */
public record OutgoingMail(String key, String senderName, String to, String subject, String template,
                           Map<String, Object> model, List<Attachment> attachments, String subjectRef, String language) {

  /** A mail in English: to staff, or to a contact whose language is not on file. */
  public OutgoingMail(String key, String senderName, String to, String subject, String template,
                      Map<String, Object> model, List<Attachment> attachments, String subjectRef) {
    this(key, senderName, to, subject, template, model, attachments, subjectRef, null);
  }

  public record Attachment(String filename, String contentType, byte[] content) {}
}
