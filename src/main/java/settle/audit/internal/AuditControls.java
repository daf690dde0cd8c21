package settle.audit.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import settle.audit.StaffRoles;

/**
 * The controls report for a period, read from the trail alone (so it shows what was recorded, not what tables say
 * now): credits with who raised the dispute, proposed the credit, approved and issued it; approvals where one person
 * stood on both sides; credits above the team's approval limit; manual matches and write-offs per person; holds
 * placed by sales.
 */
@Component
public class AuditControls {

  public record Credit(Instant at, String kind, String number, String invoiceSubject, Long disputeId, BigDecimal amount,
                       BigDecimal approvalLimit, String raisedBy, String proposedBy, String approvedBy, String issuedBy) {

    /** One person both asked for (raised or proposed) and approved the credit. */
    public boolean sameOnBothSides() {
      return approvedBy != null && (approvedBy.equals(proposedBy) || approvedBy.equals(raisedBy));
    }

    public boolean aboveLimit() {
      return approvalLimit != null && amount != null && amount.compareTo(approvalLimit) > 0;
    }
  }

  public record PersonTotal(String person, String what, long count, BigDecimal amount) {}

  public record Hold(Instant at, String person, String subject, String until, String reason, boolean viaHeadsUpLink) {}

  public record Report(LocalDate from, LocalDate to, List<Credit> credits, List<Credit> sameOnBothSides,
                       List<Credit> aboveLimit, List<PersonTotal> byPerson, List<Hold> holdsBySales) {}

  private final JdbcTemplate jdbc;
  private final StaffRoles roles;

  AuditControls(JdbcTemplate jdbc, StaffRoles roles) {
    this.jdbc = jdbc;
    this.roles = roles;
  }

  public Report report(LocalDate from, LocalDate to) {
    Timestamp start = Timestamp.from(from.atStartOfDay(ZoneOffset.UTC).toInstant());
    Timestamp end = Timestamp.from(to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
    List<Credit> credits = jdbc.query("""
        select c.at, c.action, c.details ->> 'number', c.subject, (c.details ->> 'disputeId')::bigint,
               (c.details ->> 'amount')::numeric,
               (select (r.details -> 'output' ->> 'approvalLimit')::numeric from audit_entry r
                 where r.subject = 'dispute:' || (c.details ->> 'disputeId') and r.action = 'decision.dispute-routing'
                 order by r.id limit 1),
               (select r.actor from audit_entry r where r.subject = 'dispute:' || (c.details ->> 'disputeId')
                 and r.action = 'dispute.raised' order by r.id limit 1),
               (select t.actor from audit_entry t where t.subject = 'dispute:' || (c.details ->> 'disputeId')
                 and t.action = 'task.completed' and t.details ->> 'taskType' like 'investigate-%' and t.id < c.id
                 order by t.id desc limit 1),
               (select t.actor from audit_entry t where t.subject = 'dispute:' || (c.details ->> 'disputeId')
                 and t.action = 'task.completed' and t.details ->> 'taskType' = 'approve-credit' and t.id < c.id
                 and coalesce(t.details -> 'form' ->> 'approved', 'true') = 'true' order by t.id desc limit 1),
               c.actor
        from audit_entry c
        where c.action in ('invoice.credit-memo-issued', 'invoice.adjusted') and c.at >= ? and c.at < ?
        order by c.id""",
        (rs, n) -> new Credit(rs.getTimestamp(1).toInstant(), rs.getString(2).equals("invoice.adjusted") ? "Adjustment" : "Credit memo",
            rs.getString(3), rs.getString(4), rs.getObject(5) == null ? null : rs.getLong(5), rs.getBigDecimal(6),
            rs.getBigDecimal(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11)),
        start, end);
    List<PersonTotal> byPerson = jdbc.query("""
        select actor, case action when 'statement-line.applied-by-hand' then 'Manual matches' else 'Write-offs' end,
               count(*), sum(coalesce((details ->> 'amount')::numeric, (details ->> 'applied')::numeric, 0))
        from audit_entry
        where action in ('statement-line.applied-by-hand', 'invoice.written-off', 'statement-line.written-off')
          and at >= ? and at < ?
        group by 1, 2 order by 2, 3 desc, 1""",
        (rs, n) -> new PersonTotal(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getBigDecimal(4)), start, end);
    List<Hold> holds = jdbc.query("""
        select at, actor, subject, details ->> 'heldUntil', details ->> 'reason', details ->> 'via' is not null
        from audit_entry where action = 'collections.hold-placed' and at >= ? and at < ? order by id""",
        (rs, n) -> new Hold(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getString(5), rs.getBoolean(6)), start, end)
        .stream().filter(h -> h.viaHeadsUpLink() || roles.isSales(h.person())).toList();
    return new Report(from, to, credits, credits.stream().filter(Credit::sameOnBothSides).toList(),
        credits.stream().filter(Credit::aboveLimit).toList(), byPerson, holds);
  }
}
