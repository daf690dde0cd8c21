-- metrics: every dated movement that lowered (or, for a returned payment, raised) what is open on an invoice, in
-- one place, so receivables can be read as of any past date: open at D = invoice total as issued - movements dated
-- on or before D. Timestamps count on their UTC date, the date the collection loop plans in.
create view ledger_movement as
  select invoice_id, currency, value_date as on_date, amount, 'PAYMENT' as kind from payment
  union all
  select invoice_id, currency, (reversed_at at time zone 'UTC')::date, -amount, 'PAYMENT_RETURNED' from payment
  where reversed_at is not null
  union all
  -- the part of a credit note its invoice absorbed; the rest went to the customer's credit balance
  select invoice_id, currency, issued_on, amount - unabsorbed, 'CREDIT_NOTE' from credit_note where amount > unabsorbed
  union all
  select invoice_id, currency, (created_at at time zone 'UTC')::date, amount, 'WRITE_OFF' from invoice_write_off
  union all
  select invoice_id, currency, (created_at at time zone 'UTC')::date, -amount, 'CREDIT_APPLIED' from customer_credit_entry
  where kind = 'APPLIED';

-- an invoice's total as issued: an adjustment lowered the stored total, its credit note says by how much
create view invoice_as_issued as
  select i.id, i.customer_id, i.currency, i.issue_date, i.due_date, i.open_amount,
         i.total + coalesce((select sum(a.amount) from credit_note a where a.invoice_id = i.id and a.kind = 'ADJUSTMENT'), 0) as total
  from invoice i;

-- what is open at a past date is found from the invoices open now plus those that moved since: both by index
create index invoice_open_by_currency on invoice (currency, due_date) include (customer_id, issue_date, open_amount) where open_amount > 0;
create index invoice_issued on invoice (currency, issue_date) include (total, customer_id, due_date);
create index payment_invoice on payment (invoice_id, value_date);
create index payment_value_date on payment (currency, value_date) include (invoice_id, amount);
create index payment_reversed on payment (((reversed_at at time zone 'UTC')::date)) where reversed_at is not null;
create index credit_note_invoice on credit_note (invoice_id);
create index credit_note_issued on credit_note (currency, issued_on);
create index invoice_write_off_invoice on invoice_write_off (invoice_id);
create index invoice_write_off_date on invoice_write_off (((created_at at time zone 'UTC')::date));
create index customer_credit_applied on customer_credit_entry (invoice_id) where kind = 'APPLIED';
create index customer_credit_applied_date on customer_credit_entry (((created_at at time zone 'UTC')::date)) where kind = 'APPLIED';
create index promise_to_pay_date on promise_to_pay (promised_date);
create index dunning_step_action on dunning_step (action_date);
