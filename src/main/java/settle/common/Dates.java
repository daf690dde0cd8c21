package settle.common;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** A day as English readers see it everywhere, on pages and in mails: "23 Jan 2027", never "2027-01-23". */
public final class Dates {

  public static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

  private Dates() {}

  public static String day(LocalDate day) {
    return day == null ? "" : DAY.format(day);
  }
}
