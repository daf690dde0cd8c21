/**
 * The figures finance reports, computed by SQL over the ledger (invoices, payments, credit notes, write-offs, applied
 * customer credit, disputes, promises, dunning steps), per currency and never adding currencies: DSO (standard,
 * countback, best possible), ADD, CEI, aging as of any date, dispute aging, promise-kept rate, cadence response,
 * day-one acceptance, and the 13-week cash forecast with its back-test. The definitions are in docs/metrics.md.
 * Publishes nothing; reads other modules' tables, changes none.
 */
package settle.metrics;
