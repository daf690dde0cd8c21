package settle.payments;

/** The engine message a payment sends to the invoice's collection process, as named in bpmn/. */
public final class PaymentReceived {

  public static final String MESSAGE = "payment-received";

  private PaymentReceived() {}
}
