package settle.matching;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a customer told us it pays, before the money arrives: invoice numbers with amounts adding up to {@code total}.
 * A payment from that customer of exactly that total is applied as the advice says, once.
 */
public record RemittanceAdvice(long id, long customerId, String currency, BigDecimal total, List<Line> lines) {

  public record Line(String invoiceNumber, BigDecimal amount) {}

  public RemittanceAdvice {
    lines = List.copyOf(lines);
  }
}
