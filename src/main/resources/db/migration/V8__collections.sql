-- collections: each step of an invoice's collection loop, planned once and taken once
create table dunning_step (
  id                bigserial primary key,
  invoice_id        bigint        not null,
  customer_id       bigint        not null,
  stage             int           not null,
  segment           varchar(20)   not null,
  tone              varchar(20)   not null,
  action            varchar(40)   not null,
  template          varchar(100),
  channel           varchar(20)   not null,
  sender            varchar(20)   not null,
  heads_up          boolean       not null,
  skip_if_late      boolean       not null,
  action_date       date          not null,
  action_at         timestamptz   not null,
  status            varchar(20)   not null,
  heads_up_mail_key varchar(300),
  mail_key          varchar(300),
  amount            numeric(19,4),
  planned_at        timestamptz   not null,
  performed_at      timestamptz,
  unique (invoice_id, stage)
);
create index dunning_step_day on dunning_step (customer_id, action_date, action);

-- a hold pauses the customer-facing steps of one invoice until a date
create table collection_hold (
  id         bigserial primary key,
  invoice_id bigint        not null,
  held_until date          not null,
  kind       varchar(10)   not null check (kind in ('HOLD', 'SNOOZE')),
  reason     varchar(500)  not null,
  held_by    varchar(320)  not null,
  created_at timestamptz   not null
);
create index collection_hold_invoice on collection_hold (invoice_id, held_until);

create table promise_to_pay (
  id               bigserial primary key,
  invoice_id       bigint        not null,
  promised_date    date          not null,
  amount           numeric(19,4) not null check (amount > 0),
  open_at_promise  numeric(19,4) not null,
  taken_by         varchar(200)  not null,
  channel          varchar(40)   not null,
  source_key       varchar(200)  not null unique,
  status           varchar(20)   not null,
  created_at       timestamptz   not null,
  resolved_at      timestamptz
);
create index promise_to_pay_invoice on promise_to_pay (invoice_id, id);

create table payment_plan (
  id            bigserial primary key,
  invoice_id    bigint        not null,
  open_at_plan  numeric(19,4) not null,
  agreed_by     varchar(200)  not null,
  created_at    timestamptz   not null
);

create table payment_plan_instalment (
  id       bigserial primary key,
  plan_id  bigint        not null references payment_plan (id),
  number   int           not null,
  due_date date          not null,
  amount   numeric(19,4) not null check (amount > 0),
  status   varchar(20)   not null,
  unique (plan_id, number)
);
