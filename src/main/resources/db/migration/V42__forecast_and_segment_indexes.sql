-- the forecast's days late (docs/metrics.md, "What keeps the figures fast"): how late each customer paid the invoices
-- settled in the year before a date. Nearly all of them are settled invoices whose movements all fall in the year and
-- a half before it; this index holds just what their percentiles read, so a year of them (285,000 at a million
-- invoices) is read from a narrow index instead of invoice_ledger_last_move's seven columns.
create index invoice_ledger_settled on invoice_ledger (currency, last_move) include (customer_id, due_date, first_move)
  where moved >= total;

-- the few whose movements span more than 180 days (CashForecast.EARLIER_MOVEMENT_DAYS): only they can have moved
-- before the year and a half, and need their movements read
create index invoice_ledger_long_settling on invoice_ledger (currency, last_move) include (first_move)
  where last_move - first_move > 180;

-- a customer's segment is the one on their latest dunning step (Grouping.SEGMENT): one index probe per customer, where
-- the reports split by segment read every step for each customer without one
create index dunning_step_customer_latest on dunning_step (customer_id, id);
