-- credit review: one row per review of a customer's limit (bpmn/credit-review.bpmn), keyed by its process instance,
-- so a job handed over twice records and applies it once. The rating it saw is the "rating at the last review" the
-- next review compares with; the applied rows are the customer's limit history.
create table credit_review (
  review_key        bigint primary key,
  customer_id       bigint        not null references customer (id),
  reviewed_at       timestamptz   not null,
  risk_rating       varchar(10)   not null,
  action            varchar(10)   not null check (action in ('KEEP', 'RAISE', 'CUT')),
  current_limit     numeric(19,4) not null,
  proposed_limit    numeric(19,4) not null check (proposed_limit >= 0),
  currency          varchar(3)    not null,
  reason            varchar(500)  not null,
  requested_because varchar(200)  not null,
  status            varchar(12)   not null check (status in ('KEPT', 'PROPOSED', 'APPLIED', 'REFUSED', 'WITHDRAWN')),
  decided_by        varchar(100),
  applied_at        timestamptz
);
create index credit_review_customer on credit_review (customer_id, reviewed_at desc);

-- the monthly sweep asks once per timer firing, however often its job is handed over
create table credit_review_sweep (
  sweep_key  bigint primary key,
  swept_at   timestamptz not null,
  customers  int         not null
);

-- the open orders a review held or released, once each however often its job runs
create table credit_review_order (
  review_key bigint      not null references credit_review (review_key),
  order_id   bigint      not null,
  action     varchar(10) not null check (action in ('HELD', 'RELEASED')),
  reason     varchar(500) not null,
  primary key (review_key, order_id)
);
