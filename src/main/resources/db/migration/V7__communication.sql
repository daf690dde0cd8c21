-- communication: every outgoing mail, keyed by the business step that caused it
create table mail_outbox (
  id           bigserial primary key,
  mail_key     varchar(300) not null unique,
  from_address varchar(320) not null,
  from_name    varchar(200) not null,
  reply_to     varchar(320),
  to_address   varchar(320) not null,
  subject      varchar(500) not null,
  text_body    text         not null,
  html_body    text         not null,
  subject_ref  varchar(200),
  created_at   timestamptz  not null,
  sent_at      timestamptz,
  attempts        int          not null default 0,
  next_attempt_at timestamptz  not null default now(),
  last_error      text
);
create index mail_outbox_pending on mail_outbox (next_attempt_at, id) where sent_at is null;

create table mail_attachment (
  id           bigserial primary key,
  mail_id      bigint       not null references mail_outbox (id),
  filename     varchar(200) not null,
  content_type varchar(100) not null,
  content      bytea        not null
);
