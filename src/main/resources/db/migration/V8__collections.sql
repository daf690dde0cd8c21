-- collections: each dunning step taken for an invoice, once
create table dunning_step (
  id           bigserial primary key,
  invoice_id   bigint       not null,
  stage        int          not null,
  action       varchar(40)  not null,
  template     varchar(100),
  outcome      varchar(40)  not null,
  amount       numeric(19,4),
  performed_at timestamptz  not null,
  unique (invoice_id, stage)
);
