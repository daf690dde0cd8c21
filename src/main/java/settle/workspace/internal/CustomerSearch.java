package settle.workspace.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import settle.common.InvalidRequestException;
import settle.customers.CustomerDirectory;
import settle.customers.CustomerView;
import settle.invoicing.Invoices;
import settle.payments.BankStatements;

/**
 * Finds a customer from what a person types: part of the name, an account payments came from (IBAN), or an
 * invoice number. The picker offers the customers' names; what is submitted is resolved here to one customer.
 */
@Component
class CustomerSearch {

  /** {@code value} is what the picker puts in the field (the name); {@code why} how the text found them. */
  record Found(long id, String value, String why) {}

  private static final int LIMIT = 10;

  private final CustomerDirectory customers;
  private final Invoices invoices;
  private final BankStatements statements;

  CustomerSearch(CustomerDirectory customers, Invoices invoices, BankStatements statements) {
    this.customers = customers;
    this.invoices = invoices;
    this.statements = statements;
  }

  List<Found> search(String text) {
    String wanted = text == null ? "" : text.strip();
    if (wanted.length() < 2) {
      return List.of();
    }
    Map<Long, Found> found = new LinkedHashMap<>();
    invoices.findByNumber(wanted.toUpperCase(Locale.ROOT)).ifPresent(invoice -> {
      CustomerView customer = customers.get(invoice.customerId());
      found.put(customer.id(), new Found(customer.id(), customer.name(), "invoice " + invoice.number()));
    });
    List<BankStatements.KnownAccount> accounts = statements.accountsLike(wanted, LIMIT);
    Map<Long, CustomerView> owners = customers.get(accounts.stream().map(BankStatements.KnownAccount::customerId).toList());
    for (BankStatements.KnownAccount account : accounts) {
      CustomerView customer = owners.get(account.customerId());
      if (customer != null) {
        found.putIfAbsent(customer.id(), new Found(customer.id(), customer.name(), "pays from " + account.account()));
      }
    }
    String lower = wanted.toLowerCase(Locale.ROOT);
    for (CustomerView customer : customers.all()) {
      if (found.size() >= LIMIT) {
        break;
      }
      if (customer.name().toLowerCase(Locale.ROOT).contains(lower)) {
        found.putIfAbsent(customer.id(), new Found(customer.id(), customer.name(),
            customer.city() == null || customer.city().isBlank() ? "customer" : customer.city()));
      }
    }
    return new ArrayList<>(found.values()).subList(0, Math.min(LIMIT, found.size()));
  }

  /**
   * The one customer the text names: a name exactly, else the single customer the search finds. Refused naming
   * {@code field} when none or several match, so the page says so beside the field.
   */
  long resolve(String field, String text) {
    String wanted = text.strip();
    List<CustomerView> byName = customers.all().stream().filter(c -> c.name().equalsIgnoreCase(wanted)).toList();
    if (byName.size() == 1) {
      return byName.getFirst().id();
    }
    List<Found> found = search(wanted);
    if (found.size() == 1) {
      return found.getFirst().id();
    }
    if (found.isEmpty()) {
      throw new InvalidRequestException(field, "No customer matches “" + wanted + "”: search by name, account (IBAN) or invoice number");
    }
    throw new InvalidRequestException(field, "“" + wanted + "” matches " + found.size() + " customers ("
        + String.join(", ", found.stream().map(Found::value).distinct().limit(4).toList())
        + (found.size() > 4 ? ", …" : "") + "): pick one from the list");
  }
}
