package settle.common;

/** A resource named in the request path does not exist (404). */
public class NotFoundException extends RuntimeException {

  public NotFoundException(String what, Object id) {
    super(what + " " + id + " does not exist");
  }
}
