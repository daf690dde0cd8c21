package settle.workspace.internal;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import settle.common.Money;

/** What pages write instead of a code: statuses in words, amounts with separators and currency, days in words. */
@Component("words")
public class Words {

  /** The few codes whose plain reading would mislead; every other reads as its words ("PARTIALLY_PAID": "Partially paid"). */
  private static final Map<String, String> SAID_OTHERWISE = Map.of(
      "WITH_AGENCY", "With the collection agency",
      "WITH_LEGAL", "With legal",
      "ACTIVE", "Open",
      "HIGH", "High risk",
      "MEDIUM", "Medium risk",
      "LOW", "Low risk");

  public String status(Object code) {
    if (code == null) {
      return "";
    }
    String text = code.toString();
    String said = SAID_OTHERWISE.get(text);
    if (said != null) {
      return said;
    }
    String words = text.replace('_', ' ').replace('-', ' ').toLowerCase(Locale.ROOT);
    return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  /**
   * Who did something, as a person reads it: a user name as it is, Settle's own processes ("system:invoice-collection")
   * as "Settle (invoice collection)", the customer's AP team through the portal ("portal:ap@…") as "Customer portal (ap@…)",
   * an account owner through a heads-up's hold link ("link:owner@…") as "Heads-up link (owner@…)".
   */
  public String actor(String actor) {
    if (actor == null) {
      return "";
    }
    if (actor.startsWith("system:")) {
      return "Settle (" + actor.substring("system:".length()).replace('-', ' ') + ")";
    }
    if (actor.startsWith("portal:")) {
      return "Customer portal (" + actor.substring("portal:".length()) + ")";
    }
    if (actor.startsWith("link:")) {
      return "Heads-up link (" + actor.substring("link:".length()) + ")";
    }
    return actor;
  }

  /** A dispute's reason as staff read it: "Purchase order missing". */
  public String reason(String code) {
    return settle.disputes.ReasonCode.wordsFor(code);
  }

  public String money(BigDecimal amount, String currency) {
    return amount == null ? "" : Money.format(amount, currency);
  }

  /** A day as the staff pages write it everywhere: "23 Jan 2027". */
  public String date(java.time.LocalDate day) {
    return settle.common.Dates.day(day);
  }
}
