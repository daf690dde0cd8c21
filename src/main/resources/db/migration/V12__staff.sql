-- staff: the people who sign in, their roles (what they may do) and groups (whose tasks they see)
create table staff_user (
  username      varchar(100) primary key,
  display_name  varchar(200) not null,
  email         varchar(320) not null unique,
  password_hash varchar(200) not null,
  enabled       boolean      not null default true,
  created_at    timestamptz  not null
);
create table staff_role (
  username varchar(100) not null references staff_user on delete cascade,
  role     varchar(40)  not null,
  primary key (username, role)
);
create table staff_group (
  username   varchar(100) not null references staff_user on delete cascade,
  group_name varchar(100) not null,
  primary key (username, group_name)
);

-- tasks: the worklist order, set from dmn/task-priority.dmn when the task opens
alter table task add column priority   numeric(19,4) not null default 0;
create index task_worklist on task (status, priority desc, created_at);
