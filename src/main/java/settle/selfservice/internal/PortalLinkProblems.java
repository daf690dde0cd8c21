package settle.selfservice.internal;

import settle.portal.PortalContact;

/** Why a portal request shows no account: each becomes a page for people, never a stack trace or JSON. */
final class PortalLinkProblems {

  private PortalLinkProblems() {}

  /** Forged, altered, revoked, for a contact no longer on file, or naming what is not this customer's: a 404. */
  static final class InvalidLink extends RuntimeException {
    InvalidLink() {
      super("This link is not valid", null, false, false);
    }
  }

  /** Intact but run out: the contact may ask for a fresh one to the address on file. */
  static final class ExpiredLink extends RuntimeException {
    final String token;
    final PortalContact contact;

    ExpiredLink(String token, PortalContact contact) {
      super("This link has expired", null, false, false);
      this.token = token;
      this.contact = contact;
    }
  }

  static final class TooManyRequests extends RuntimeException {
    final long retryAfterSeconds;

    TooManyRequests(long retryAfterSeconds) {
      super("Too many requests", null, false, false);
      this.retryAfterSeconds = retryAfterSeconds;
    }
  }
}
