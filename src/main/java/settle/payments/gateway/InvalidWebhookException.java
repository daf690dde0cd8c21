package settle.payments.gateway;

/** A webhook delivery that cannot be proven to come from the provider, or that it did not send just now. */
public class InvalidWebhookException extends RuntimeException {

  private final String field;

  public InvalidWebhookException(String field, String message) {
    super(message);
    this.field = field;
  }

  /** The header or body part at fault, for the 400 answer. */
  public String field() {
    return field;
  }
}
