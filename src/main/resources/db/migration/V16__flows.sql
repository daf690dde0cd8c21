-- tasks: why dmn/task-priority.dmn could not weigh a task (null when it did); such a task is shown flagged, first
alter table task add column priority_problem text;

-- engine outbox: besides messages it carries task completions (job_key set), committed with the task
alter table engine_outbox add column job_key bigint;
alter table engine_outbox alter column message_name drop not null;
alter table engine_outbox alter column correlation_key drop not null;
alter table engine_outbox add constraint engine_outbox_message_or_completion
  check ((job_key is null and message_name is not null and correlation_key is not null)
      or (job_key is not null and message_name is null));

-- tasks stranded in COMPLETING by the earlier direct engine call: hand their completion to the outbox
insert into engine_outbox(job_key, variables)
select id, coalesce(outcome, '{}'::jsonb) || jsonb_build_object('completedBy', completed_by)
from task where status = 'COMPLETING';
update task set status = 'COMPLETED', completed_at = coalesce(completed_at, now()) where status = 'COMPLETING';
