package settle.invoicing;

public enum InvoiceStatus {
  OPEN, PARTIALLY_PAID, PAID
}
