package settle.payments;

import java.time.Duration;

/** Every slot for reading a statement stayed taken for as long as a caller may wait; the caller should try again. */
public class ImportsBusyException extends RuntimeException {

  private final Duration retryAfter;

  public ImportsBusyException(int slots, Duration waited, Duration retryAfter) {
    super(slots + " statements are being imported and none finished within " + waited.toSeconds()
        + " s; nothing was stored. Send the file again in " + retryAfter.toSeconds() + " s.");
    this.retryAfter = retryAfter;
  }

  public Duration retryAfter() {
    return retryAfter;
  }
}
