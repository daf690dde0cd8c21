/**
 * The customer's self-service portal behind the signed links of {@code settle.portal}: the account summary, invoices,
 * payments, disputes, promises and plans, the statement of account, and what the AP contact can do there (dispute,
 * promise, propose a plan), each a message into the running collection. Publishes nothing; depends on the modules
 * whose records it shows.
 */
package settle.selfservice;
