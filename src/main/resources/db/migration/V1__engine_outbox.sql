-- engine: messages for the engine, written with the domain change and relayed afterwards
create table engine_outbox (
  id              bigserial primary key,
  message_name    varchar(100) not null,
  correlation_key varchar(200) not null,
  variables       jsonb        not null default '{}',
  ttl_seconds     bigint,
  created_at      timestamptz  not null default now(),
  sent_at         timestamptz,
  attempts        int          not null default 0,
  next_attempt_at timestamptz  not null default now(),
  last_error      text
);
create index engine_outbox_pending on engine_outbox (next_attempt_at, id) where sent_at is null;
