-- customers: who to write to and where the customer is. The postal address and VAT id go on the invoice; the
-- country picks the business calendar (public holidays) and the time zone the local hour customer mails go out.
alter table customer
  add column ap_contact_name  varchar(200),
  add column ap_contact_phone varchar(40),
  add column street           varchar(200),
  add column postcode         varchar(20),
  add column city             varchar(100),
  add column country          varchar(2)  not null default 'DE' check (country ~ '^[A-Z]{2}$'),
  add column vat_id           varchar(20),
  add column time_zone        varchar(60) not null default 'Europe/Berlin';
