package settle.risk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Settle's ledger as the risk model reads it: each invoice with its total as issued, and the day it was settled — the
 * day of the last movement (payment, credit note, write-off, customer credit) that brought its open amount to zero —
 * or none while something is open. An invoice counts as disputed when a dispute was ever raised on it.
 */
@Component
public class LedgerFacts {

  private static final String FACTS = """
      select i.customer_id, inv.number, i.issue_date, i.due_date, i.total, i.open_amount,
             (select max(m.on_date) from ledger_movement m where m.invoice_id = i.id) as last_movement,
             exists (select 1 from dispute d where d.invoice_id = i.id) as disputed
      from invoice_as_issued i join invoice inv on inv.id = i.id
      """;

  private final JdbcTemplate jdbc;

  LedgerFacts(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Transactional(readOnly = true)
  public List<InvoiceFact> of(long customerId) {
    return jdbc.query(FACTS + " where i.customer_id = ? order by i.issue_date, i.id", (rs, n) -> fact(rs), customerId);
  }

  /** Promises to pay the customer broke from {@code since} on (the day the check found them broken). */
  @Transactional(readOnly = true)
  public int brokenPromises(long customerId, LocalDate since) {
    Integer count = jdbc.queryForObject("""
        select count(*) from promise_to_pay p join invoice i on i.id = p.invoice_id
        where i.customer_id = ? and p.status = 'BROKEN' and p.resolved_at >= ?""", Integer.class, customerId,
        Timestamp.from(since.atStartOfDay(ZoneOffset.UTC).toInstant()));
    return count == null ? 0 : count;
  }

  /**
   * Every invoice as the shared history CSV ({@link InvoiceHistoryCsv#COLUMNS}), read with a cursor and written as it is
   * read, so a large ledger is never held in memory.
   */
  @Transactional(readOnly = true)
  public void writeCsv(Writer out) {
    try {
      out.write(String.join(",", InvoiceHistoryCsv.COLUMNS) + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    jdbc.query(con -> {
      var statement = con.prepareStatement(FACTS + " order by i.customer_id, i.issue_date, i.id");
      statement.setFetchSize(1000);
      return statement;
    }, rs -> {
      InvoiceFact f = fact(rs);
      try {
        out.write(f.customerId() + "," + f.invoiceId() + "," + f.issued() + "," + f.due() + ","
            + (f.settled() == null ? "" : f.settled()) + "," + f.amount().toPlainString() + "," + f.disputed() + "\n");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  private static InvoiceFact fact(ResultSet rs) throws SQLException {
    LocalDate issued = rs.getDate("issue_date").toLocalDate();
    LocalDate settled = null;
    if (rs.getBigDecimal("open_amount").signum() == 0) {
      java.sql.Date last = rs.getDate("last_movement");
      // a payment booked with a value date before the invoice's date settled it on the day it was issued
      settled = last == null || last.toLocalDate().isBefore(issued) ? issued : last.toLocalDate();
    }
    BigDecimal total = rs.getBigDecimal("total");
    return new InvoiceFact(String.valueOf(rs.getLong("customer_id")), rs.getString("number"), issued,
        rs.getDate("due_date").toLocalDate(), settled, total.setScale(2, java.math.RoundingMode.HALF_EVEN),
        rs.getBoolean("disputed"));
  }
}
