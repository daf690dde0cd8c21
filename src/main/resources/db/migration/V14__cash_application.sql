-- payments: imported bank statements, their credit lines and what cash application made of them
create table bank_statement (
  id            bigserial primary key,
  format        varchar(20)  not null,
  statement_ref varchar(200),
  account_id    varchar(100),
  currency      varchar(3),
  statement_date date,
  file_name     varchar(300),
  file_sha256   varchar(64)  not null unique,
  content       bytea        not null,
  credit_lines  int          not null,
  debit_lines   int          not null,
  status        varchar(20)  not null,
  imported_by   varchar(100) not null,
  imported_at   timestamptz  not null,
  matched_at    timestamptz,
  closed_at     timestamptz
);
-- a statement id is unique per account; files without an id (CSV) are recognised by their hash alone
create unique index bank_statement_ref on bank_statement (coalesce(account_id, ''), statement_ref) where statement_ref is not null;

create table bank_statement_line (
  id               bigserial primary key,
  statement_id     bigint        not null references bank_statement (id),
  line_no          int           not null,
  bank_reference   varchar(200),
  amount           numeric(19,4) not null,
  currency         varchar(3)    not null,
  value_date       date          not null,
  payer_name       varchar(300),
  payer_account    varchar(100),
  remittance       text,
  status           varchar(20)   not null,
  rule             varchar(40),
  confidence       numeric(5,4),
  why              text,
  customer_id      bigint,
  shortfall        numeric(19,4) not null default 0,
  unapplied        numeric(19,4) not null default 0,
  short_pay_invoice varchar(40),
  short_pay_action varchar(20),
  dispute_id       bigint,
  resolution       varchar(20),
  handled_by       varchar(100),
  notes            text,
  candidates       jsonb         not null default '[]',
  version          bigint        not null default 0,
  unique (statement_id, line_no)
);
create index bank_statement_line_status on bank_statement_line (status);

-- money of a line applied to one invoice; the payment row it became
create table bank_statement_match (
  id             bigserial primary key,
  line_id        bigint        not null references bank_statement_line (id),
  invoice_id     bigint        not null,
  invoice_number varchar(40)   not null,
  amount         numeric(19,4) not null,
  discount       numeric(19,4) not null default 0,
  payment_id     bigint        not null,
  unique (line_id, invoice_id)
);

-- accounts a customer pays from, learned from confirmed matches; they identify the payer next time
create table payer_account (
  account     varchar(100) not null,
  customer_id bigint       not null,
  learned_from varchar(100) not null,
  learned_by  varchar(100) not null,
  learned_at  timestamptz  not null,
  primary key (account, customer_id)
);

-- invoicing: small differences written off by policy (dmn/short-pay-tolerance.dmn); once per source
create table invoice_write_off (
  id         bigserial primary key,
  invoice_id bigint        not null,
  amount     numeric(19,4) not null check (amount > 0),
  currency   varchar(3)    not null,
  reason     varchar(500)  not null,
  source_ref varchar(200)  not null unique,
  created_at timestamptz   not null
);
