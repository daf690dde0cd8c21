/**
 * What operators watch, next to Micrometer's and the Camunda client's own metrics on {@code /actuator/prometheus}: the
 * backlogs (engine and mail outbox depth and lag, open tasks per candidate group), read by one query every few seconds.
 * Reads other modules' tables, changes none; publishes nothing. The other Settle metrics are counted where the work is
 * done (job handling in {@code settle.engine}, mails in {@code settle.communication}, statements in {@code settle.payments});
 * README "Observability" lists them all.
 */
package settle.observability;
