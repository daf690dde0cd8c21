-- portal: staff revoke an AP contact's portal links; every link issued to that contact before the revocation stops
-- working (later links work again). Plans a contact proposes in the portal are kept with the table's decision.
create table portal_link_revocation (
  id            bigserial     primary key,
  customer_id   bigint        not null references customer(id),
  contact_email varchar(320)  not null,
  revoked_at    timestamptz   not null,
  revoked_by    varchar(200)  not null,
  reason        varchar(500)  not null
);
create index portal_link_revocation_customer on portal_link_revocation(customer_id, lower(contact_email));

create table portal_plan_proposal (
  id            bigserial     primary key,
  invoice_id    bigint        not null references invoice(id),
  customer_id   bigint        not null references customer(id),
  contact_email varchar(320)  not null,
  instalments   jsonb         not null,
  decision      varchar(20)   not null check (decision in ('ACCEPT', 'COLLECTOR', 'REFUSE')),
  reason        varchar(500),
  plan_id       bigint,
  created_at    timestamptz   not null
);
create index portal_plan_proposal_invoice on portal_plan_proposal(invoice_id);
