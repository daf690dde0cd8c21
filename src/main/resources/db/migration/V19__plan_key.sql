-- the element instance of the job that planned the step: a redelivered planning job finds its step and records nothing new
alter table dunning_step add column plan_key varchar(40);
