package settle.portal;

/** The AP contact a valid portal link speaks for: who acts in the portal, and the only account they may see. */
public record PortalContact(long customerId, String email) {

  /** How the contact appears in the audit trail and on the staff timeline. */
  public String actor() {
    return "portal:" + email;
  }
}
