-- process history read from the in-memory engine's record stream (embedded mode; a cluster is asked through its REST API).
-- Engine keys restart with every in-memory engine, so each row names the engine run it came from.
create table history_model (
  run varchar(36) not null,
  model_key        bigint,          -- process definition key, decision requirements key or decision key
  kind             varchar(30)  not null check (kind in ('PROCESS', 'DECISION_REQUIREMENTS', 'DECISION')),
  model_id         varchar(200) not null,
  version          int          not null,
  requirements_key bigint,                      -- a decision's requirements graph, whose XML holds its table
  xml              text,
  primary key (run, model_key)
);

create table history_element (
  run varchar(36) not null,
  element_instance_key       bigint,
  process_instance_key       bigint       not null,
  process_definition_key     bigint       not null,
  bpmn_process_id            varchar(200) not null,
  version                    int          not null,
  element_id                 varchar(200) not null,
  element_name               varchar(500),
  element_type               varchar(40)  not null,
  flow_scope_key             bigint       not null,
  parent_process_instance_key bigint,
  started_at                 timestamptz  not null,
  ended_at                   timestamptz,
  end_state                  varchar(20),
  position                   bigint       not null,
  primary key (run, element_instance_key)
);
create index history_element_instance on history_element (run, process_instance_key, position);
create index history_element_parent on history_element (run, parent_process_instance_key) where element_type = 'PROCESS';

create table history_variable (
  run varchar(36) not null,
  position             bigint,
  process_instance_key bigint       not null,
  scope_key            bigint       not null,
  set_by               bigint       not null,     -- the element instance whose step set it (the process for its start)
  name                 varchar(300) not null,
  value                text         not null,     -- JSON
  at                   timestamptz  not null,
  primary key (run, position)
);
create index history_variable_instance on history_variable (run, process_instance_key, position);
create index history_variable_root on history_variable (run, name, value) where scope_key = process_instance_key;

create table history_incident (
  run varchar(36) not null,
  incident_key         bigint,
  process_instance_key bigint       not null,
  element_instance_key bigint       not null,
  element_id           varchar(200) not null,
  error_type           varchar(60)  not null,
  error_message        text,
  created_at           timestamptz  not null,
  resolved_at          timestamptz,
  primary key (run, incident_key)
);
create index history_incident_instance on history_incident (run, process_instance_key);

-- every decision the engine evaluated, from a business rule task or called from Java
create table history_decision (
  run varchar(36) not null,
  evaluation_key       bigint,
  process_instance_key bigint,
  element_instance_key bigint,
  element_id           varchar(200),
  decision_id          varchar(200) not null,
  decision_name        varchar(300),
  version              int          not null,
  decision_key         bigint       not null,
  evaluated_at         timestamptz  not null,
  matched_rules        jsonb        not null,     -- [{"ruleId", "ruleIndex"}]
  inputs               jsonb        not null,
  outputs              jsonb,
  failure              text,
  primary key (run, evaluation_key)
);
create index history_decision_instance on history_decision (run, process_instance_key, decision_id, evaluation_key);

-- the reminder, call or notice a collection step took follows from one evaluation of the cadence table
alter table dunning_step add column decision_key bigint;
