-- audit: append-only, hash-chained
create table audit_entry (
  id        bigserial primary key,
  at        timestamptz  not null,
  actor     varchar(200) not null,
  action    varchar(200) not null,
  subject   varchar(200) not null,
  details   jsonb        not null,
  prev_hash varchar(64)  not null,
  hash      varchar(64)  not null
);
create index audit_entry_subject on audit_entry (subject, id);
-- a decision is audited once per element instance, however often its job is delivered
create unique index audit_entry_decision_once on audit_entry ((details ->> 'elementInstanceKey'))
  where action like 'decision.%';

create function audit_entry_refuse_change() returns trigger language plpgsql as $$
begin
  raise exception 'audit_entry is append-only: % refused', tg_op;
end
$$;
create trigger audit_entry_no_update_or_delete before update or delete on audit_entry
  for each row execute function audit_entry_refuse_change();
create trigger audit_entry_no_truncate before truncate on audit_entry
  for each statement execute function audit_entry_refuse_change();
