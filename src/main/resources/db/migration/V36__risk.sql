-- risk: each customer's scorecard result with the features it read, dated; a new row only when something changed
create table customer_risk_score (
  id             bigserial primary key,
  customer_id    bigint        not null,
  scored_on      date          not null,
  scored_at      timestamptz   not null,
  features       jsonb         not null,
  score          numeric(9,2)  not null,
  rating         varchar(10)   not null check (rating in ('LOW', 'MEDIUM', 'HIGH')),
  -- every band the scorecard gave points for, and the top ones that explain the rating
  bands          jsonb         not null,
  drivers        jsonb         not null,
  -- the scorecard version that scored (its deployed key) and a digest of features + version: same digest, no new row
  scorecard_key  bigint        not null,
  fingerprint    varchar(64)   not null,
  -- the rating the account was opened with; it stands until the customer has paid an invoice
  opening_rating varchar(10)   not null check (opening_rating in ('LOW', 'MEDIUM', 'HIGH'))
);
create index customer_risk_score_latest on customer_risk_score (customer_id, id desc);

-- a person's rating that wins over the computed one until it expires
create table customer_risk_override (
  id          bigserial primary key,
  customer_id bigint        not null,
  rating      varchar(10)   not null check (rating in ('LOW', 'MEDIUM', 'HIGH')),
  reason      varchar(500)  not null,
  valid_until date          not null,
  set_by      varchar(320)  not null,
  set_by_name varchar(200)  not null,
  set_at      timestamptz   not null
);
create index customer_risk_override_latest on customer_risk_override (customer_id, id desc);
