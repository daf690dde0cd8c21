package settle.policy;

/** A DMN table or a CSV of cases that cannot be read, naming the file and, where there is one, the line. */
public class PolicyFileException extends RuntimeException {

  private final String file;
  private final int line;

  public PolicyFileException(String file, int line, String problem) {
    super(file + (line > 0 ? " line " + line : "") + ": " + problem);
    this.file = file;
    this.line = line;
  }

  public String file() {
    return file;
  }

  /** The line (1 = the first), or 0 when the problem is the whole file. */
  public int line() {
    return line;
  }
}
