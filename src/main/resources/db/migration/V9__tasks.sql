-- tasks: the inbox mirroring job-based user tasks; id is the engine's job key
create table task (
  id                   bigint primary key,
  name                 varchar(200) not null,
  task_type            varchar(100) not null,
  bpmn_process_id      varchar(100) not null,
  process_instance_key bigint       not null,
  candidate_groups     varchar(500) not null,
  assignee             varchar(100),
  subject              varchar(200),
  variables            jsonb        not null,
  status               varchar(20)  not null,
  created_at           timestamptz  not null,
  completed_at         timestamptz,
  completed_by         varchar(100),
  form                 varchar(2000) not null default '',
  outcome              jsonb,
  version              bigint       not null default 0
);
create index task_open on task (status, created_at);
