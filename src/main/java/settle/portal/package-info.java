/**
 * Access to the customer's self-service portal: signed links per AP contact ({@link settle.portal.PortalLinks}), who a
 * link speaks for, expiry and revocation ({@link settle.portal.PortalAccess}). The pages and actions behind the links
 * live in {@code settle.selfservice}; this module stays small so that every module that mails a customer can link here.
 */
package settle.portal;
