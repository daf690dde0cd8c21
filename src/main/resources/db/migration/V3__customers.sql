create table customer (
  id                  bigserial primary key,
  name                varchar(200)  not null,
  ap_email            varchar(320)  not null,
  account_owner_name  varchar(200)  not null,
  account_owner_email varchar(320)  not null,
  credit_limit        numeric(19,4) not null check (credit_limit >= 0),
  currency            varchar(3) not null,
  risk_rating         varchar(10)   not null check (risk_rating in ('LOW', 'MEDIUM', 'HIGH')),
  customer_since      date          not null,
  created_at          timestamptz   not null,
  version             bigint        not null default 0
);
