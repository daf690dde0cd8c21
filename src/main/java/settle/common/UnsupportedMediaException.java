package settle.common;

/** An upload of a kind Settle does not accept (415). */
public class UnsupportedMediaException extends RuntimeException {

  public UnsupportedMediaException(String message) {
    super(message);
  }
}
