package settle.communication.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.sql.Timestamp;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends queued mail over SMTP; replicas share the queue through SKIP LOCKED. The
 * Message-ID is derived from the outbox key, so a resend after a crash is recognisably the same mail.
 */
@Component
class MailDispatcher {

  private static final Logger log = LoggerFactory.getLogger(MailDispatcher.class);
  /** Marks a failure that says nothing about the mail: no connection to the relay at all. */
  private static final String UNREACHABLE = "Relay unreachable: ";
  private static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

  static {
    // Jakarta Mail looks up its stream provider for every message, body part and header block it writes or reads, by a
    // ServiceLoader scan of the whole class path unless this property names it: 7 % of the orchestration benchmark's
    // samples (here and in the embedded mail capture, which parses what it receives with the same library)
    if (System.getProperty(STREAM_PROVIDER) == null) {
      System.setProperty(STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
    }
  }

  private final JdbcTemplate jdbc;
  private final TransactionTemplate tx;
  private final JavaMailSender sender;
  private final Counter sent;
  private final Counter failed;

  MailDispatcher(JdbcTemplate jdbc, TransactionTemplate tx, JavaMailSender sender, MeterRegistry registry) {
    this.jdbc = jdbc;
    this.tx = tx;
    this.sender = sender;
    this.sent = Counter.builder("settle.mails.sent").description("Mails the SMTP relay accepted").register(registry);
    this.failed = Counter.builder("settle.mails.failed")
        .description("Attempts to send a mail that failed; the mail stays queued and is tried again").register(registry);
  }

  record Queued(long id, String key, String fromAddress, String fromName, String replyTo, String to, String subject,
                String text, String html, Timestamp createdAt, boolean waitedForRelay) {}

  @Scheduled(fixedDelayString = "${settle.mail.poll-ms:300}")
  void dispatch() {
    Integer sent;
    do {
      sent = tx.execute(status -> dispatchBatch());
    } while (sent != null && sent > 0);
  }

  private int dispatchBatch() {
    List<Queued> batch = jdbc.query("""
            select id, mail_key, from_address, from_name, reply_to, to_address, subject, text_body, html_body, created_at,
                   coalesce(starts_with(last_error, ?), false)
            from mail_outbox where sent_at is null and next_attempt_at <= now() order by id limit 20 for update skip locked""",
        (rs, i) -> new Queued(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
            rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getTimestamp(10), rs.getBoolean(11)),
        UNREACHABLE);
    // the batch goes over one connection, as mail senders do: a connection per mail cost its setup and greeting again
    // for each (most of a mail's time on loopback), and the relay's answers are the same mail by mail
    Map<Queued, Exception> failures = new LinkedHashMap<>();
    Map<MimeMessage, Queued> messages = new LinkedHashMap<>();
    for (Queued mail : batch) {
      try {
        messages.put(toMime(mail), mail);
      } catch (Exception e) {
        failures.put(mail, e);
      }
    }
    Throwable noConnection = null;
    try {
      if (!messages.isEmpty()) {
        sender.send(messages.keySet().toArray(MimeMessage[]::new));
      }
    } catch (MailSendException e) {
      // Spring tried every mail (reconnecting after a line lost mid-batch) and names each one that failed; when it could
      // not connect at all, the mails not tried yet fail with that cause
      e.getFailedMessages().forEach((message, cause) -> failures.put(messages.get(message), cause));
      noConnection = unreachable(e) ? e.getCause() : null;
    } catch (MailException e) {
      // the relay refused our credentials, say: every mail of the batch failed alike
      messages.values().forEach(mail -> failures.put(mail, e));
    }
    boolean relayBack = false;
    for (Queued mail : batch) {
      Exception e = failures.get(mail);
      if (e == null) {
        jdbc.update("update mail_outbox set sent_at = now(), attempts = attempts + 1, last_error = null where id = ?", mail.id());
        sent.increment();
        relayBack |= mail.waitedForRelay();
        continue;
      }
      failed.increment();
      // back off and never give up silently: a mail the relay refused waits up to an hour between tries; while the
      // relay cannot be reached at all, each mail is tried at least every minute, so it goes soon after it is back
      log.error("Mail {} not sent, will retry: {}", mail.key(), e.getMessage());
      boolean away = e == noConnection;
      jdbc.update("update mail_outbox set attempts = attempts + 1, last_error = ?,"
          + " next_attempt_at = now() + least(power(2, attempts), ?) * interval '1 second' where id = ?",
          (away ? UNREACHABLE : "") + e.getMessage(), away ? 60 : 3600, mail.id());
    }
    if (relayBack) {
      // a mail that could not reach the relay got through: the rest of what waited for it goes now, not at its next
      // minute (asked only then, not after every batch)
      jdbc.update("update mail_outbox set next_attempt_at = now() where sent_at is null and next_attempt_at > now()"
          + " and starts_with(last_error, ?)", UNREACHABLE);
    }
    return batch.size();
  }

  /** Spring's JavaMailSender says so when it could not connect; a mail the relay refused or lost is reported otherwise. */
  private static boolean unreachable(Exception e) {
    return e instanceof MailSendException && String.valueOf(e.getMessage()).startsWith("Mail server connection failed");
  }

  private MimeMessage toMime(Queued mail) throws MessagingException, UnsupportedEncodingException {
    MimeMessage message = sender.createMimeMessage();
    var helper = new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED, "UTF-8");
    helper.setFrom(mail.fromAddress(), mail.fromName());
    if (mail.replyTo() != null) {
      helper.setReplyTo(mail.replyTo());
    }
    helper.setTo(mail.to());
    helper.setSubject(mail.subject());
    // business time, so the demo clock shows in the Date header too
    helper.setSentDate(new Date(mail.createdAt().getTime()));
    helper.setText(mail.text(), mail.html());
    jdbc.query("select filename, content_type, content from mail_attachment where mail_id = ? order by id", rs -> {
      try {
        helper.addAttachment(rs.getString(1), new ByteArrayResource(rs.getBytes(3)), rs.getString(2));
      } catch (MessagingException e) {
        throw new IllegalStateException(e);
      }
    }, mail.id());
    message.saveChanges();
    message.setHeader("Message-ID", "<" + mail.key().replaceAll("[^A-Za-z0-9.-]", ".") + "@settle>");
    message.setHeader("X-Settle-Mail-Key", mail.key());
    message.setHeader(MailCapture.ID_HEADER, String.valueOf(mail.id()));
    return message;
  }
}
