package settle.payments.statements;

/**
 * The file cannot be read as a statement. {@code line} is 1-based (0 when unknown); {@code element}
 * names the XML path or MT940 tag or CSV column where that helps, else it is null.
 */
public class StatementFormatException extends RuntimeException {

  private final int line;
  private final String element;

  public StatementFormatException(int line, String element, String detail) {
    super(describe(line, element, detail));
    this.line = line;
    this.element = element;
  }

  public StatementFormatException(int line, String element, String detail, Throwable cause) {
    this(line, element, detail);
    initCause(cause);
  }

  public int line() {
    return line;
  }

  public String element() {
    return element;
  }

  private static String describe(int line, String element, String detail) {
    if (line > 0 && element != null) {
      return "line " + line + " (" + element + "): " + detail;
    }
    if (line > 0) {
      return "line " + line + ": " + detail;
    }
    if (element != null) {
      return element + ": " + detail;
    }
    return detail;
  }
}
