-- collaboration: internal notes on a customer, optionally about one of its invoices or disputes
create table note (
  id          bigserial primary key,
  customer_id bigint        not null,
  invoice_id  bigint,
  dispute_id  bigint,
  author      varchar(100)  not null,
  body        varchar(4000) not null,
  mentions    varchar(1000) not null default '',
  created_at  timestamptz   not null
);
create index note_customer on note (customer_id, id desc);
