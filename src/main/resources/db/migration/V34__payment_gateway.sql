-- "Pay now": a checkout opened at a payment provider for an invoice's undisputed open amount, and what became of it.
create table payment_checkout (
  id               bigserial primary key,
  invoice_id       bigint        not null,
  invoice_number   varchar(40)   not null,
  customer_id      bigint        not null,
  amount           numeric(19,4) not null check (amount > 0),
  currency         varchar(3)    not null,
  provider         varchar(40)   not null,
  -- the provider's id of its hosted checkout, and where it sends the payer
  provider_session varchar(200)  not null,
  checkout_url     varchar(1000) not null,
  -- OPEN until the provider's webhook says PAID or DECLINED; a PAID one may later be CHARGED_BACK
  status           varchar(20)   not null,
  provider_payment varchar(200),
  payment_id       bigint references payment (id),
  -- the money went to the customer's credit balance (the invoice was settled meanwhile)
  on_account       boolean       not null default false,
  failure          varchar(500),
  created_at       timestamptz   not null,
  updated_at       timestamptz   not null,
  unique (provider, provider_session)
);
create index payment_checkout_invoice on payment_checkout (invoice_id);

-- Every webhook event taken, once: a provider delivers at least once, so its event id decides what is new.
create table payment_gateway_event (
  provider    varchar(40)  not null,
  event_id    varchar(200) not null,
  kind        varchar(20)  not null,
  session_id  varchar(200),
  received_at timestamptz  not null,
  primary key (provider, event_id)
);
