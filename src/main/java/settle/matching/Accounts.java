package settle.matching;

/** Bank accounts as printed vary in spacing and case ("de89 3704 ..."); compare them without either. */
public final class Accounts {

  private Accounts() {}

  /** The account's letters and digits, upper case; empty when there is none. */
  public static String normalize(String account) {
    if (account == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(account.length());
    for (int i = 0; i < account.length(); i++) {
      char c = account.charAt(i);
      if (c < 128 && Character.isLetterOrDigit(c)) {
        out.append(Character.toUpperCase(c));
      }
    }
    return out.toString();
  }
}
