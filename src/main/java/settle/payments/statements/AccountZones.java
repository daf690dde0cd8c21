package settle.payments.statements;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The time zone each bank account books in: a camt date-time with an offset is read as the day it was on that account
 * (23:30 UTC is already the next day in Berlin). Accounts are named by IBAN or the bank's account id, spaces and case
 * aside; every other account books in {@code defaultZone}, or, where that is null, on the day the bank wrote.
 */
public record AccountZones(ZoneId defaultZone, Map<String, ZoneId> accounts) {

  /** No account configured: every date-time counts on the day the bank wrote. */
  public static final AccountZones AS_WRITTEN = new AccountZones(null, Map.of());

  public AccountZones {
    Map<String, ZoneId> normalized = new HashMap<>();
    accounts.forEach((account, zone) -> normalized.put(normalized(account), zone));
    accounts = Map.copyOf(normalized);
  }

  /** The account's zone, or null to take the day as the bank wrote it. */
  public ZoneId of(String account) {
    return account == null ? defaultZone : accounts.getOrDefault(normalized(account), defaultZone);
  }

  private static String normalized(String account) {
    return account.replace(" ", "").toUpperCase(Locale.ROOT);
  }
}
