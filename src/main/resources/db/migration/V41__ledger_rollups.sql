-- metrics at a million invoices (docs/metrics.md, "What keeps the figures fast"): the ledger of V35 kept in two
-- summaries the reports read instead of every invoice and movement, written by triggers in the same transaction (and
-- the same statement, for a COPY) as the ledger rows they summarise, so every writer - the application, an ERP bulk
-- load, a test's plain insert - keeps them in step.

-- per invoice: its total as issued and all its movements so far. What was open at a past date, and how late a
-- customer pays, are read from it; only an invoice that moved both before and after the date needs its movements.
create table invoice_ledger (
  invoice_id  bigint        primary key,
  currency    varchar(3)    not null,
  customer_id bigint        not null,
  issue_date  date          not null,
  due_date    date          not null,
  total       numeric(19,4) not null,
  moved       numeric(19,4) not null,
  first_move  date,
  last_move   date
);
-- both cover every column the reports read (index-only scans): the invoices open now, and those that moved after a date
create index invoice_ledger_open on invoice_ledger (currency, due_date)
  include (invoice_id, customer_id, issue_date, total, moved, first_move, last_move) where moved <> total;
create index invoice_ledger_last_move on invoice_ledger (currency, last_move)
  include (invoice_id, customer_id, issue_date, due_date, total, moved, first_move);

-- per currency, day and due date: invoiced (totals as issued, on the issue day; how many invoices, and how many of them
-- had no dispute raised in their first 10 days) and moved (movements, on their day, or the issue day if earlier: an
-- invoice counts from its issue day, whatever moved before). What was open at the end of D
-- is everything up to D; it is read as what is open now less what changed after D, so a month back reads a month.
create table receivable_day (
  currency varchar(3)    not null,
  on_date  date          not null,
  due_date date          not null,
  invoiced numeric(19,4) not null,
  invoices integer       not null,
  accepted integer       not null,
  moved    numeric(19,4) not null,
  primary key (currency, on_date, due_date)
);
-- the issue days alone, for what was invoiced in a period and in each of the 36 months countback DSO walks
create index receivable_day_issued on receivable_day (currency, on_date) include (invoiced, invoices, accepted) where invoices > 0;

-- per currency and due date: what is open now, the sum of receivable_day over all days
create table receivable_due (
  currency varchar(3)    not null,
  due_date date          not null,
  open     numeric(19,4) not null,
  primary key (currency, due_date)
);

-- each invoice's share of receivable_day, so that a change can take the invoice's old share out before adding the new
create table invoice_receivable_day (
  invoice_id bigint        not null,
  on_date    date          not null,
  currency   varchar(3)    not null,
  due_date   date          not null,
  invoiced   numeric(19,4) not null,
  invoices   integer       not null,
  accepted   integer       not null,
  moved      numeric(19,4) not null
);
create index invoice_receivable_day_invoice on invoice_receivable_day (invoice_id);

-- recomputes the summaries for the invoices given, from the views of V35. Rows of receivable_day and receivable_due are
-- taken in key order and only where the share changed, so two transactions posting to different invoices wait for each other at
-- most on a day and due date they share, and never deadlock over them.
-- Planned for each call's own ids (plan_cache_mode): a plan cached for one id would look 50,000 ids of a COPY up in
-- an array, row by row.
create function refresh_invoice_ledger(ids bigint[]) returns void language plpgsql
  set plan_cache_mode = force_custom_plan as $$
begin
  insert into invoice_ledger as l (invoice_id, currency, customer_id, issue_date, due_date, total, moved, first_move, last_move)
  select i.id, i.currency, i.customer_id, i.issue_date, i.due_date, i.total,
         coalesce(sum(m.amount), 0), min(m.on_date), max(m.on_date)
  from invoice_as_issued i left join ledger_movement m on m.invoice_id = i.id
  where i.id = any(ids)
  group by i.id, i.currency, i.customer_id, i.issue_date, i.due_date, i.total
  order by i.id
  on conflict (invoice_id) do update
    set currency = excluded.currency, customer_id = excluded.customer_id, issue_date = excluded.issue_date,
        due_date = excluded.due_date, total = excluded.total, moved = excluded.moved, first_move = excluded.first_move,
        last_move = excluded.last_move;

  -- one statement, one snapshot: the delete does not see the rows the insert adds
  with old_share as (
    delete from invoice_receivable_day where invoice_id = any(ids)
    returning currency, on_date, due_date, invoiced, invoices, accepted, moved),
  new_share as (
    insert into invoice_receivable_day (invoice_id, on_date, currency, due_date, invoiced, invoices, accepted, moved)
    select id, on_date, currency, due_date, sum(invoiced), sum(invoices), sum(accepted), sum(moved)
    from (select i.id, i.issue_date as on_date, i.currency, i.due_date, i.total as invoiced, 1 as invoices,
                 case when exists (select 1 from dispute x where x.invoice_id = i.id
                                   and (x.created_at at time zone 'UTC')::date <= i.issue_date + 10) then 0 else 1 end as accepted,
                 0 as moved
          from invoice_as_issued i where i.id = any(ids)
          union all
          select i.id, greatest(m.on_date, i.issue_date), i.currency, i.due_date, 0, 0, 0, m.amount
          from ledger_movement m join invoice i on i.id = m.invoice_id where m.invoice_id = any(ids)) share
    group by 1, 2, 3, 4
    returning currency, on_date, due_date, invoiced, invoices, accepted, moved),
  change as (
    select currency, on_date, due_date, -invoiced as invoiced, -invoices as invoices, -accepted as accepted, -moved as moved
    from old_share
    union all
    select currency, on_date, due_date, invoiced, invoices, accepted, moved from new_share),
  by_day as (
    insert into receivable_day as r (currency, on_date, due_date, invoiced, invoices, accepted, moved)
    select currency, on_date, due_date, sum(invoiced), sum(invoices), sum(accepted), sum(moved) from change
    group by 1, 2, 3
    having sum(invoiced) <> 0 or sum(invoices) <> 0 or sum(accepted) <> 0 or sum(moved) <> 0
    order by 1, 2, 3
    on conflict (currency, on_date, due_date) do update
      set invoiced = r.invoiced + excluded.invoiced, invoices = r.invoices + excluded.invoices,
          accepted = r.accepted + excluded.accepted, moved = r.moved + excluded.moved)
  insert into receivable_due as r (currency, due_date, open)
  select currency, due_date, sum(invoiced - moved) from change
  group by 1, 2
  having sum(invoiced - moved) <> 0
  order by 1, 2
  on conflict (currency, due_date) do update set open = r.open + excluded.open;
end $$;

-- once per statement, with the statement's rows: a COPY of 50,000 invoices or payments is one refresh, not 50,000
create function invoice_ledger_invoices_changed() returns trigger language plpgsql as $$
begin
  perform refresh_invoice_ledger(array(select id from changed));
  return null;
end $$;

-- rows that name an invoice: its movements and its disputes
create function invoice_ledger_rows_changed() returns trigger language plpgsql as $$
begin
  perform refresh_invoice_ledger(array(select distinct invoice_id from changed where invoice_id is not null));
  return null;
end $$;

create function invoice_ledger_invoice_updated() returns trigger language plpgsql as $$
begin
  perform refresh_invoice_ledger(array[new.id]);
  return null;
end $$;

create trigger invoice_ledger_insert after insert on invoice
  referencing new table as changed for each statement execute function invoice_ledger_invoices_changed();
-- the invoice's own columns the summaries hold (an adjustment lowers the stored total; paying changes none of them)
create trigger invoice_ledger_update after update of total, currency, customer_id, issue_date, due_date on invoice
  for each row when ((old.total, old.currency, old.customer_id, old.issue_date, old.due_date)
                     is distinct from (new.total, new.currency, new.customer_id, new.issue_date, new.due_date))
  execute function invoice_ledger_invoice_updated();

create trigger invoice_ledger_insert after insert on payment
  referencing new table as changed for each statement execute function invoice_ledger_rows_changed();
create trigger invoice_ledger_update after update on payment
  referencing new table as changed for each statement execute function invoice_ledger_rows_changed();
create trigger invoice_ledger_delete after delete on payment
  referencing old table as changed for each statement execute function invoice_ledger_rows_changed();
create trigger invoice_ledger_insert after insert on credit_note
  referencing new table as changed for each statement execute function invoice_ledger_rows_changed();
create trigger invoice_ledger_update after update on credit_note
  referencing new table as changed for each statement execute function invoice_ledger_rows_changed();
create trigger invoice_ledger_delete after delete on credit_note
  referencing old table as changed for each statement execute function invoice_ledger_rows_changed();
create trigger invoice_ledger_insert after insert on invoice_write_off
  referencing new table as changed for each statement execute function invoice_ledger_rows_changed();
create trigger invoice_ledger_update after update on invoice_write_off
  referencing new table as changed for each statement execute function invoice_ledger_rows_changed();
create trigger invoice_ledger_delete after delete on invoice_write_off
  referencing old table as changed for each statement execute function invoice_ledger_rows_changed();
-- a dispute raised in an invoice's first 10 days changes its day-one acceptance
create trigger invoice_ledger_insert after insert on dispute
  referencing new table as changed for each statement execute function invoice_ledger_rows_changed();
create trigger invoice_ledger_update after update on dispute
  referencing new table as changed for each statement execute function invoice_ledger_rows_changed();
create trigger invoice_ledger_delete after delete on dispute
  referencing old table as changed for each statement execute function invoice_ledger_rows_changed();
-- customer_credit_entry is insert-only (V20)
create trigger invoice_ledger_insert after insert on customer_credit_entry
  referencing new table as changed for each statement execute function invoice_ledger_rows_changed();

select refresh_invoice_ledger(array(select id from invoice));
