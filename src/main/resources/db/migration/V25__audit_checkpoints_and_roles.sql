-- Audit: the hash chain leaves the entry row, so audited transactions no longer wait for each other. An entry is
-- inserted with its id alone (and a pending mark in the same transaction); one chainer at a time links committed
-- entries into audit_chain after the head. Signed checkpoints of the head anchor the chain against truncation and
-- rewrites. The application connects as ${app_role}, which may only read and insert the audit tables.
create table audit_chain (
  seq       bigint primary key,
  entry_id  bigint      not null unique,
  prev_hash varchar(64) not null,
  hash      varchar(64) not null
);
-- the chain so far: the hashes the entries carried, in id order, carry over unchanged
insert into audit_chain(seq, entry_id, prev_hash, hash)
  select row_number() over (order by id), id, prev_hash, hash from audit_entry;
alter table audit_entry drop column prev_hash, drop column hash;

-- committed entries the chainer has not linked yet; it deletes each mark as it links the entry
create table audit_pending (entry_id bigint primary key);

create table audit_checkpoint (
  id        bigserial primary key,
  at        timestamptz not null,
  chain_seq bigint      not null,
  entry_id  bigint      not null,
  head_hash varchar(64) not null,
  reason    varchar(40) not null,
  signature varchar(64) not null
);

create or replace function audit_entry_refuse_change() returns trigger language plpgsql as $$
begin
  raise exception '% is append-only: % refused', tg_table_name, tg_op;
end
$$;
create trigger audit_chain_no_update_or_delete before update or delete on audit_chain
  for each row execute function audit_entry_refuse_change();
create trigger audit_chain_no_truncate before truncate on audit_chain
  for each statement execute function audit_entry_refuse_change();
create trigger audit_checkpoint_no_update_or_delete before update or delete on audit_checkpoint
  for each row execute function audit_entry_refuse_change();
create trigger audit_checkpoint_no_truncate before truncate on audit_checkpoint
  for each statement execute function audit_entry_refuse_change();

-- The application's role: everything it needs on the business tables, and only read and insert on the trail. It owns
-- nothing, so it cannot alter a table or switch a trigger off. Tables later migrations create follow the same rule.
-- (Where one user both migrates and runs the application, there is no second role to restrict.)
do $$
declare app text := '${app_role}';
begin
  if app <> current_user then
    execute format('grant select, insert, update, delete on all tables in schema public to %I', app);
    execute format('grant usage, select, update on all sequences in schema public to %I', app);
    execute format('alter default privileges in schema public grant select, insert, update, delete on tables to %I', app);
    execute format('alter default privileges in schema public grant usage, select, update on sequences to %I', app);
    execute format('revoke all on audit_entry, audit_chain, audit_checkpoint, flyway_schema_history from %I', app);
    execute format('grant select, insert on audit_entry, audit_chain, audit_checkpoint to %I', app);
    execute format('grant select on flyway_schema_history to %I', app);
  end if;
end
$$;
