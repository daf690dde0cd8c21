-- payments: money the company holds for a customer, per currency: unapplied cash and credit memos not
-- yet used, less what was applied to invoices or refunded. Insert-only; the balance is the sum.
create table customer_credit_entry (
  id          bigserial primary key,
  customer_id bigint        not null,
  currency    varchar(3)    not null,
  kind        varchar(20)   not null check (kind in ('UNAPPLIED_CASH', 'CREDIT_MEMO', 'APPLIED', 'REFUND')),
  amount      numeric(19,4) not null,
  invoice_id  bigint,
  reference   varchar(200),
  source_ref  varchar(200)  not null unique,
  actor       varchar(100)  not null,
  created_at  timestamptz   not null,
  -- money in is positive, money out negative
  check ((kind in ('UNAPPLIED_CASH', 'CREDIT_MEMO') and amount > 0) or (kind in ('APPLIED', 'REFUND') and amount < 0)),
  check ((kind = 'APPLIED') = (invoice_id is not null))
);
create index customer_credit_entry_customer on customer_credit_entry (customer_id, currency);

create function customer_credit_entry_insert_only() returns trigger language plpgsql as $$
begin
  raise exception 'customer_credit_entry is insert-only';
end $$;
create trigger customer_credit_entry_insert_only before update or delete on customer_credit_entry
  for each row execute function customer_credit_entry_insert_only();
