-- invoicing: credit memos and invoice adjustments that settle disputes; one per dispute
create table credit_note (
  id          bigserial primary key,
  kind        varchar(20)   not null check (kind in ('CREDIT_MEMO', 'ADJUSTMENT')),
  number      varchar(40)   not null unique,
  invoice_id  bigint        not null,
  dispute_id  bigint        not null unique,
  amount      numeric(19,4) not null check (amount > 0),
  currency    varchar(3)    not null,
  reason      varchar(500)  not null,
  issued_on   date          not null,
  created_at  timestamptz   not null
);

create table credit_note_counter (
  year int primary key,
  last bigint not null
);
