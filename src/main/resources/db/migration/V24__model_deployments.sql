-- What Settle deployed to the engine, one row per model file per deployment: the file as it was (so the catalog
-- can draw and compare every version), its SHA-256, and the engine's answer (version and key). Start-up deploys a
-- file from the jar only when Settle never deployed those bytes and the engine's version in force is the one Settle
-- recorded last; a catalog deploy is recorded here too, under the name of the process owner.
create table model_deployment (
  id              bigserial primary key,
  resource_name   text        not null,
  kind            text        not null check (kind in ('BPMN', 'DMN')),
  definition_id   text        not null,  -- the process id, or the decision requirements (definitions) id
  definition_name text        not null,
  checksum        char(64)    not null,  -- SHA-256 of the file, hex
  content         text        not null,
  engine_version  integer     not null,
  engine_key      bigint      not null,
  deployed_at     timestamptz not null,
  deployed_by     text        not null   -- system:startup, or the user who deployed it from the catalog
);

create index model_deployment_resource on model_deployment (resource_name, id);
create index model_deployment_checksum on model_deployment (resource_name, checksum);
