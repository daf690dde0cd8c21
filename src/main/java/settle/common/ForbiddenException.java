package settle.common;

/** The signed-in user may not do this (e.g. complete a task of a group they are not in). */
public class ForbiddenException extends RuntimeException {

  public ForbiddenException(String message) {
    super(message);
  }
}
