package settle.communication;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import settle.audit.AuditLog;
import settle.communication.internal.MailTemplates;

/** Queues mail in the caller's transaction; the dispatcher sends it after commit. */
@Service
public class MailOutbox {

  private final JdbcTemplate jdbc;
  private final MailTemplates templates;
  private final AuditLog audit;
  private final Clock clock;
  private final String arAddress;
  private final String companyName;
  private final settle.common.Company seller;

  MailOutbox(JdbcTemplate jdbc, MailTemplates templates, AuditLog audit, Clock clock,
             @Value("${settle.mail.ar-address}") String arAddress, @Value("${settle.company-name}") String companyName,
             settle.common.Company seller) {
    this.seller = seller;
    this.jdbc = jdbc;
    this.templates = templates;
    this.audit = audit;
    this.clock = clock;
    this.arAddress = arAddress;
    this.companyName = companyName;
  }

  /** The alias for firm steps, when the mail should come from the team rather than a person. */
  public String arTeamName() {
    return companyName + " Accounts Receivable";
  }

  /** Returns false, and sends nothing, when a mail with this key was queued before. */
  @Transactional
  public boolean enqueue(OutgoingMail mail) {
    Map<String, Object> model = new LinkedHashMap<>(mail.model());
    model.put("companyName", companyName);
    // the payee and its bank account per currency, for the payment block of invoice and reminder mails
    model.put("seller", seller);
    model.put("arAddress", arAddress);
    model.put("senderName", mail.senderName());
    // the recipient's language where the mail is written in it; English otherwise
    String language = mail.language() != null && !"en".equals(mail.language())
        && templates.exists(mail.template() + "-" + mail.language() + ".html") ? mail.language() : "en";
    String template = "en".equals(language) ? mail.template() : mail.template() + "-" + language;
    String html = templates.render(template + ".html", model, language);
    String text = templates.render(template + ".txt", model, language);
    String subject = "en".equals(language) ? mail.subject() : templates.render(template + ".subject.txt", model, language).strip();
    Long id = jdbc.query("""
            insert into mail_outbox(mail_key, from_address, from_name, reply_to, to_address, subject, text_body, html_body, subject_ref, created_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (mail_key) do nothing returning id""",
        rs -> rs.next() ? rs.getLong(1) : null,
        mail.key(), arAddress, mail.senderName(), arAddress, mail.to(), subject, text, html, mail.subjectRef(),
        java.sql.Timestamp.from(clock.instant()));
    if (id == null) {
      return false;
    }
    for (OutgoingMail.Attachment a : mail.attachments()) {
      jdbc.update("insert into mail_attachment(mail_id, filename, content_type, content) values (?, ?, ?, ?)",
          id, a.filename(), a.contentType(), a.content());
    }
    audit.record("system:mail-outbox", "mail.queued", mail.subjectRef(), Map.of(
        "mailKey", mail.key(), "to", mail.to(), "from", mail.senderName() + " <" + arAddress + ">",
        "subject", subject, "template", template,
        "attachments", mail.attachments().stream().map(OutgoingMail.Attachment::filename).toList()));
    return true;
  }
}
