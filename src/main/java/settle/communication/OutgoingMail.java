package settle.communication;

import java.util.List;
import java.util.Map;

/**
 * A mail to send once. {@code key} names the step that causes it (e.g. {@code invoice:42:reminder:1});
 * {@code senderName} is the alias the recipient sees, e.g. the account owner; {@code subjectRef} is the
 * record it belongs to, for the audit trail ({@code invoice:42}).
 */
public record OutgoingMail(String key, String senderName, String to, String subject, String template,
                           Map<String, Object> model, List<Attachment> attachments, String subjectRef) {

  public record Attachment(String filename, String contentType, byte[] content) {}
}
