package settle.collaboration;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import settle.audit.AuditLog;
import settle.common.InvalidRequestException;
import settle.communication.MailOutbox;
import settle.communication.OutgoingMail;
import settle.customers.CustomerDirectory;
import settle.customers.CustomerView;
import settle.disputes.Disputes;
import settle.invoicing.Invoices;
import settle.staff.StaffDirectory;
import settle.staff.StaffMember;

@Service
public class Notes {

  private static final Pattern MENTION = Pattern.compile("(?<![\\w@.])@([a-z][a-z0-9._-]*[a-z0-9])");

  private final JdbcTemplate jdbc;
  private final CustomerDirectory customers;
  private final Invoices invoices;
  private final Disputes disputes;
  private final StaffDirectory staff;
  private final MailOutbox mail;
  private final AuditLog audit;
  private final Clock clock;
  private final String publicUrl;

  Notes(JdbcTemplate jdbc, CustomerDirectory customers, Invoices invoices, Disputes disputes, StaffDirectory staff,
        MailOutbox mail, AuditLog audit, Clock clock, @Value("${settle.public-url}") String publicUrl) {
    this.jdbc = jdbc;
    this.customers = customers;
    this.invoices = invoices;
    this.disputes = disputes;
    this.staff = staff;
    this.mail = mail;
    this.audit = audit;
    this.clock = clock;
    this.publicUrl = publicUrl;
  }

  /**
   * Adds the note, and mails every colleague it mentions a link back to it, in one transaction. An
   * {@code @name} that is no colleague is refused, so nobody believes a person was told who was not.
   */
  @Transactional
  public NoteView add(long customerId, NewNote note, StaffMember author) {
    CustomerView customer = customers.get(customerId);
    if (note.body() == null || note.body().isBlank()) {
      throw new InvalidRequestException("body", "body must not be blank");
    }
    if (note.body().strip().length() > 4000) {
      throw new InvalidRequestException("body", "body must be at most 4000 characters");
    }
    if (note.invoiceId() != null && invoices.get(note.invoiceId()).customerId() != customerId) {
      throw new InvalidRequestException("invoiceId", "invoice " + note.invoiceId() + " is not " + customer.name() + "'s");
    }
    if (note.disputeId() != null && disputes.get(note.disputeId()).customerId() != customerId) {
      throw new InvalidRequestException("disputeId", "dispute " + note.disputeId() + " is not " + customer.name() + "'s");
    }
    List<StaffMember> mentioned = mentions(note.body());
    if (mentioned.size() > 20) {
      throw new InvalidRequestException("body", "a note may mention at most 20 colleagues");
    }
    String body = note.body().strip();
    Long id = jdbc.queryForObject("""
            insert into note(customer_id, invoice_id, dispute_id, author, body, mentions, created_at)
            values (?, ?, ?, ?, ?, ?, ?) returning id""", Long.class,
        customerId, note.invoiceId(), note.disputeId(), author.username(), body,
        String.join(",", mentioned.stream().map(StaffMember::username).toList()), Timestamp.from(clock.instant()));
    String subject = note.disputeId() != null ? "dispute:" + note.disputeId()
        : note.invoiceId() != null ? "invoice:" + note.invoiceId() : "customer:" + customerId;
    String link = publicUrl + "/customers/" + customerId + "#note-" + id;
    for (StaffMember colleague : mentioned) {
      Map<String, Object> model = new LinkedHashMap<>();
      model.put("colleague", colleague);
      model.put("author", author);
      model.put("customer", customer);
      model.put("body", body);
      model.put("link", link);
      mail.enqueue(new OutgoingMail("note:" + id + ":mention:" + colleague.username(), author.displayName(), colleague.email(),
          author.displayName() + " mentioned you on " + customer.name(), "mention", model, List.of(), subject));
    }
    audit.record(author.username(), "note.added", subject, Map.of("noteId", id, "customerId", customerId, "body", body,
        "mentions", mentioned.stream().map(StaffMember::username).toList()));
    return get(id);
  }

  public List<NoteView> ofCustomer(long customerId) {
    customers.get(customerId);
    return jdbc.query("select * from note where customer_id = ? order by id desc", this::row, customerId);
  }

  public NoteView get(long id) {
    return jdbc.queryForObject("select * from note where id = ?", this::row, id);
  }

  private List<StaffMember> mentions(String body) {
    Set<String> names = new LinkedHashSet<>();
    Matcher m = MENTION.matcher(body);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names.stream().map(name -> staff.find(name).orElseThrow(() ->
        new InvalidRequestException("body", "@" + name + " is not a colleague in Settle"))).toList();
  }

  private NoteView row(ResultSet rs, int i) throws SQLException {
    return new NoteView(rs.getLong("id"), rs.getLong("customer_id"), (Long) rs.getObject("invoice_id"),
        (Long) rs.getObject("dispute_id"), rs.getString("author"), rs.getString("body"),
        Arrays.stream(rs.getString("mentions").split(",")).filter(s -> !s.isBlank()).toList(),
        rs.getTimestamp("created_at").toInstant());
  }
}
