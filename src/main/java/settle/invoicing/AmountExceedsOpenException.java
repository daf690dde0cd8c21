package settle.invoicing;

import settle.common.InvalidRequestException;

/**
 * Money applied to an invoice exceeds what is open on it, typically because the invoice was paid or
 * credited since the amount was chosen. A request gets a 422; a process worker turns it into the BPMN
 * error {@link #CODE} that the model routes to a person.
 */
public class AmountExceedsOpenException extends InvalidRequestException {

  /** The BPMN error code, the same in every model that catches it. */
  public static final String CODE = "amount-exceeds-open";

  public AmountExceedsOpenException(String field, String message) {
    super(field, message);
  }
}
