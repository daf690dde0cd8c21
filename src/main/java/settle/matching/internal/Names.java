package settle.matching.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Payer names as banks deliver them differ from master data in case, accents, punctuation and legal
 * form ("MUELLER LOGISTIK GMBH" for "Müller Logistik GmbH & Co. KG"). Normalised, those are equal.
 */
public final class Names {

  private static final Pattern MARKS = Pattern.compile("\\p{M}+");

  /** Legal forms, dropped from the end of a name. */
  private static final Set<String> LEGAL_FORMS =
      Set.of(
          "GMBH", "MBH", "AG", "KG", "KGAA", "OHG", "UG", "EK", "EV", "GBR", "CO", "COMPANY", "LTD",
          "LIMITED", "INC", "INCORPORATED", "CORP", "CORPORATION", "LLC", "LLP", "LP", "PLC", "PTY",
          "SA", "SAS", "SARL", "SRL", "SPA", "SL", "BV", "NV", "AB", "OY", "OYJ", "AS", "ASA", "APS",
          "SE", "HAFTUNGSBESCHRANKT");

  private static final Set<String> FILLERS = Set.of("AND", "UND", "ET", "THE");

  private Names() {}

  /** Upper-case tokens without accents, punctuation, fillers or trailing legal forms. */
  public static String normalize(String name) {
    if (name == null || name.isBlank()) {
      return "";
    }
    String folded = name.replace("ß", "ss").replace("ẞ", "SS");
    folded = MARKS.matcher(Normalizer.normalize(folded, Normalizer.Form.NFD)).replaceAll("");
    folded = folded.toUpperCase(Locale.ROOT).replace(".", "").replace("'", "");
    List<String> tokens = new ArrayList<>();
    for (String token : folded.split("[^A-Z0-9]+")) {
      if (!token.isEmpty() && !FILLERS.contains(token)) {
        tokens.add(token);
      }
    }
    while (tokens.size() > 1 && LEGAL_FORMS.contains(tokens.getLast())) {
      tokens.removeLast();
    }
    StringBuilder out = new StringBuilder(folded.length());
    for (String token : tokens) {
      if (!out.isEmpty()) {
        out.append(' ');
      }
      // "Mueller" and "Müller" (folded to "MULLER") are the same name
      out.append(token.replace("AE", "A").replace("OE", "O").replace("UE", "U"));
    }
    return out.toString();
  }

  public static String[] tokens(String normalized) {
    return normalized.isEmpty() ? new String[0] : normalized.split(" ");
  }

  /** Jaro-Winkler similarity in [0, 1]; forgiving of typos and truncated endings. */
  public static double jaroWinkler(String a, String b) {
    if (a.equals(b)) {
      return 1.0;
    }
    int la = a.length();
    int lb = b.length();
    if (la == 0 || lb == 0) {
      return 0.0;
    }
    int window = Math.max(0, Math.max(la, lb) / 2 - 1);
    boolean[] matchedA = new boolean[la];
    boolean[] matchedB = new boolean[lb];
    int matches = 0;
    for (int i = 0; i < la; i++) {
      int from = Math.max(0, i - window);
      int to = Math.min(lb - 1, i + window);
      for (int j = from; j <= to; j++) {
        if (!matchedB[j] && a.charAt(i) == b.charAt(j)) {
          matchedA[i] = true;
          matchedB[j] = true;
          matches++;
          break;
        }
      }
    }
    if (matches == 0) {
      return 0.0;
    }
    int transpositions = 0;
    int j = 0;
    for (int i = 0; i < la; i++) {
      if (matchedA[i]) {
        while (!matchedB[j]) {
          j++;
        }
        if (a.charAt(i) != b.charAt(j)) {
          transpositions++;
        }
        j++;
      }
    }
    double m = matches;
    double jaro = (m / la + m / lb + (m - transpositions / 2.0) / m) / 3.0;
    int prefix = 0;
    while (prefix < Math.min(4, Math.min(la, lb)) && a.charAt(prefix) == b.charAt(prefix)) {
      prefix++;
    }
    return jaro + prefix * 0.1 * (1.0 - jaro);
  }
}
