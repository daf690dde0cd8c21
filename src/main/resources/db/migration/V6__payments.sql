create table payment (
  id             bigserial primary key,
  invoice_id     bigint        not null,
  invoice_number varchar(40)   not null,
  amount         numeric(19,4) not null check (amount > 0),
  currency       varchar(3) not null,
  value_date     date          not null,
  reference      varchar(200)  not null,
  received_at    timestamptz   not null,
  unique (invoice_number, reference)
);
