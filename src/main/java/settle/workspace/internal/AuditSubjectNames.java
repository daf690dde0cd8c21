package settle.workspace.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import settle.audit.SubjectNames;
import settle.customers.CustomerDirectory;
import settle.disputes.Disputes;
import settle.invoicing.Invoices;
import settle.orders.Orders;
import settle.payments.BankStatements;
import settle.tasks.Inbox;

/** Names the audit trail's subjects in business words, and finds them from what an auditor types. */
@Component
class AuditSubjectNames implements SubjectNames {

  private final CustomerDirectory customers;
  private final Invoices invoices;
  private final Orders orders;
  private final Disputes disputes;
  private final BankStatements statements;
  private final Inbox tasks;

  AuditSubjectNames(CustomerDirectory customers, Invoices invoices, Orders orders, Disputes disputes, BankStatements statements,
                    Inbox tasks) {
    this.customers = customers;
    this.invoices = invoices;
    this.orders = orders;
    this.disputes = disputes;
    this.statements = statements;
    this.tasks = tasks;
  }

  @Override
  public List<Named> find(String text) {
    String wanted = text.strip().toLowerCase(Locale.ROOT);
    List<Named> found = new ArrayList<>();
    if (wanted.isEmpty()) {
      return found;
    }
    customers.all().stream().filter(c -> c.name().toLowerCase(Locale.ROOT).contains(wanted))
        .forEach(c -> found.add(named("customer:" + c.id())));
    invoices.findByNumber(text.strip().toUpperCase(Locale.ROOT)).ifPresent(i -> found.add(named("invoice:" + i.id())));
    statements.list().stream().filter(s -> contains(s.statementId(), wanted))
        .forEach(s -> found.add(named("statement:" + s.id())));
    String digits = wanted.replaceAll("^(order|so-|dispute|statement|task|no\\.?|#)\\s*", "");
    if (digits.matches("\\d{1,18}")) {
      for (String kind : List.of("order", "dispute", "statement", "task")) {
        // an order's number (SO-00042) finds it as well
        if (wanted.equals(digits) || wanted.startsWith(kind) || kind.equals("order") && wanted.startsWith("so-")) {
          String id = String.valueOf(Long.parseLong(digits));
          name(kind + ":" + id).ifPresent(name -> found.add(new Named(kind + ":" + id, name)));
        }
      }
    }
    return found.stream().filter(n -> n.name() != null).distinct().toList();
  }

  @Override
  public Optional<String> name(String subject) {
    int colon = subject.indexOf(':');
    if (colon < 0 || !subject.substring(colon + 1).matches("\\d{1,18}")) {
      return Optional.empty();
    }
    long id = Long.parseLong(subject.substring(colon + 1));
    return switch (subject.substring(0, colon)) {
      case "customer" -> quietly(() -> customers.get(id).name());
      case "invoice" -> quietly(() -> {
        var invoice = invoices.get(id);
        return "Invoice " + invoice.number() + " of " + customers.get(invoice.customerId()).name();
      });
      case "order" -> quietly(() -> "Order " + orders.get(id).number() + " of " + customers.get(orders.get(id).customerId()).name());
      case "dispute" -> quietly(() -> "Dispute " + id + " on invoice " + invoices.get(disputes.get(id).invoiceId()).number());
      case "statement" -> quietly(() -> {
        var s = statements.get(id);
        return "Bank statement " + (s.statementId() != null ? s.statementId() : s.fileName())
            + (s.date() == null ? "" : " of " + s.date());
      });
      case "task" -> quietly(() -> "Task “" + tasks.get(id).name() + "”");
      default -> Optional.empty();
    };
  }

  @Override
  public List<String> story(String subject) {
    List<String> story = new ArrayList<>(List.of(subject));
    if (subject.matches("customer:\\d{1,18}")) {
      long id = Long.parseLong(subject.substring("customer:".length()));
      orders.idsOf(id).forEach(o -> story.add("order:" + o));
      invoices.idsOf(id).forEach(i -> story.add("invoice:" + i));
      disputes.ofCustomer(id).forEach(d -> story.add("dispute:" + d.id()));
    }
    return story;
  }

  private Named named(String subject) {
    return new Named(subject, name(subject).orElse(null));
  }

  private static boolean contains(String value, String wanted) {
    return value != null && value.toLowerCase(Locale.ROOT).contains(wanted);
  }

  private static Optional<String> quietly(Supplier<String> name) {
    try {
      return Optional.ofNullable(name.get());
    } catch (RuntimeException unknown) {
      return Optional.empty();
    }
  }
}
