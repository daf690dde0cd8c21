package settle.payments.gateway;

import java.math.BigDecimal;

/**
 * What a provider's webhook says, in Settle's words. {@code eventId} is the provider's id of the event (a redelivery
 * carries the same one); {@code sessionId} names the checkout; {@code paymentId} the provider's payment.
 */
public record GatewayEvent(String eventId, Kind kind, String sessionId, String paymentId, BigDecimal amount,
                           String currency, String reason) {

  public enum Kind {
    /** The payer paid: the money is the merchant's. */
    PAID,
    /** The payment was refused (card declined, mandate cancelled); nothing was taken. */
    FAILED,
    /** The payer's bank took the money back (chargeback, dispute lost, direct-debit return). */
    CHARGED_BACK,
    /** Anything else the provider reports; acknowledged and ignored. */
    OTHER
  }
}
