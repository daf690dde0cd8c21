/**
 * The customer's self-service portal, reached through signed links in Settle's mails. For now it
 * shows an invoice, its PDF and how to pay it; disputes, promises and remittance come with the portal issue.
 */
package settle.portal;
