package settle.customers;

/** A customer's risk rating moved (computed or overridden), published inside the transaction that moved it. */
public record RiskRatingChanged(long customerId, String from, String to) {}
