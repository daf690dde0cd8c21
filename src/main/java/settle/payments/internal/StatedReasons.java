package settle.payments.internal;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The reason a payer gives in its remittance for paying less, as a dispute reason code, or "" if it
 * gives none. Payers write "less 50 damaged", "abzgl. Skonto", "short shipped", "bank charges".
 */
final class StatedReasons {

  private static final Map<String, Pattern> REASONS = new LinkedHashMap<>();

  static {
    REASONS.put("BANK_CHARGES", Pattern.compile("bank ?(charges?|fees?)|transfer fee|spesen|geb(ü|ue)hr|frais bancaires"));
    REASONS.put("DAMAGED_GOODS", Pattern.compile("damag|broken|defect|besch(ä|ae)digt|kaputt|mangel"));
    REASONS.put("SHORT_SHIPMENT", Pattern.compile("short ?(ship|deliver)|missing (item|part|good)|not all (item|good)s?|fehlmenge|unvollst(ä|ae)ndig"));
    REASONS.put("NOT_RECEIVED", Pattern.compile("not (yet )?received|never (arrived|received)|nicht erhalten"));
    REASONS.put("DISCOUNT_NOT_APPLIED", Pattern.compile("discount|skonto|rabatt|escompte"));
    REASONS.put("PRICING", Pattern.compile("price|pricing|preis|overcharg|agreed rate"));
    REASONS.put("SERVICE_ISSUE", Pattern.compile("service|sla |downtime|outage"));
  }

  private StatedReasons() {}

  static String in(String remittance) {
    if (remittance == null || remittance.isBlank()) {
      return "";
    }
    String text = remittance.toLowerCase(Locale.ROOT);
    for (Map.Entry<String, Pattern> reason : REASONS.entrySet()) {
      if (reason.getValue().matcher(text).find()) {
        return reason.getKey();
      }
    }
    return "";
  }
}
