package settle.invoicing;

/** WITH_AGENCY and WITH_LEGAL: handed over for collection; no longer dunned by us, still payable until PAID. */
public enum InvoiceStatus {
  OPEN, PARTIALLY_PAID, PAID, WITH_AGENCY, WITH_LEGAL;

  public boolean handedOver() {
    return this == WITH_AGENCY || this == WITH_LEGAL;
  }
}
