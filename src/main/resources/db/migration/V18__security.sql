-- A heads-up's hold and snooze links work once: the hold they placed carries the link's key.
alter table collection_hold add column link_key text;
create unique index collection_hold_link_key on collection_hold (link_key) where link_key is not null;
