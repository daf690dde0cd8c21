-- portal, second part: remittance advices an AP contact uploads (used once by cash application: a statement line from
-- that customer whose amount is the advice's total pays the invoices as the advice says).
create table remittance_advice (
  id            bigserial     primary key,
  customer_id   bigint        not null references customer(id),
  contact_email varchar(320)  not null,
  file_kind     varchar(10)   not null check (file_kind in ('CSV', 'PDF')),
  currency      varchar(3)    not null,
  total         numeric(19,2) not null check (total > 0),
  created_at    timestamptz   not null,
  used_by_line  bigint        references bank_statement_line(id),
  used_at       timestamptz
);
create index remittance_advice_open on remittance_advice(customer_id) where used_by_line is null;

create table remittance_advice_line (
  advice_id      bigint        not null references remittance_advice(id),
  line_no        int           not null,
  invoice_number varchar(40)   not null,
  amount         numeric(19,2) not null check (amount > 0),
  primary key (advice_id, line_no)
);

-- an invoice re-issued with a corrected PO keeps its number and counts up its revision; each earlier version's PDF
-- is kept exactly as it was sent.
alter table invoice add column revision int not null default 1;

create table invoice_revision (
  invoice_id   bigint        not null references invoice(id),
  revision     int           not null,
  po_number    varchar(100),
  pdf          bytea         not null,
  replaced_at  timestamptz   not null,
  replaced_by  varchar(320)  not null,
  primary key (invoice_id, revision)
);

-- the AP contact's answer to a short-pay query (one per statement line): the difference is owed, or explained (then a
-- deduction dispute holds the explanation).
create table short_pay_answer (
  line_id       bigint        primary key references bank_statement_line(id),
  answer        varchar(20)   not null check (answer in ('ACCEPTED', 'EXPLAINED')),
  explanation   varchar(4000),
  dispute_id    bigint,
  contact_email varchar(320)  not null,
  answered_at   timestamptz   not null
);
