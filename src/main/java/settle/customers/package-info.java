/** Customer accounts: AP contact, account owner (the sales rep), credit limit, currency and risk rating. */
package settle.customers;
