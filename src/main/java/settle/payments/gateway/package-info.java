/**
 * "Pay now": a {@link settle.payments.gateway.PaymentGateway} port to a card or bank-payment provider, and what Settle
 * does with the provider's word. A checkout is opened for an invoice's undisputed open amount (the figure the reminders
 * ask for); the provider's signed webhook then posts the payment through {@link settle.payments.Payments} like a bank
 * payment, or reverses it on a chargeback like a returned one. Each webhook event counts once, by the provider's
 * event id. {@code sandbox} is an adapter with a provider of its own, hosted by Settle for development and tests.
 */
package settle.payments.gateway;
