-- disputes: what the customer contests on an invoice, who owns it, and how it ended
create table dispute (
  id               bigserial primary key,
  invoice_id       bigint        not null,
  customer_id      bigint        not null,
  reason_code      varchar(40)   not null,
  amount           numeric(19,4) not null check (amount > 0),
  currency         varchar(3)    not null,
  description      text          not null,
  raised_by        varchar(200)  not null,
  status           varchar(20)   not null,
  team             varchar(40)   not null,
  sla_hours        int           not null,
  approval_limit   numeric(19,4) not null,
  checklist        text          not null,
  outcome          varchar(20),
  credit_amount    numeric(19,4),
  root_cause       varchar(100),
  created_at       timestamptz   not null,
  resolved_at      timestamptz,
  version          bigint        not null default 0
);
create index dispute_invoice on dispute (invoice_id, status);
create index dispute_customer on dispute (customer_id, created_at);

-- evidence; kept as bytes and only ever served back as a download
create table dispute_attachment (
  id           bigserial primary key,
  dispute_id   bigint        not null references dispute (id),
  filename     varchar(200)  not null,
  content_type varchar(100)  not null,
  size_bytes   bigint        not null,
  sha256       varchar(64)   not null,
  content      bytea         not null,
  created_at   timestamptz   not null
);
