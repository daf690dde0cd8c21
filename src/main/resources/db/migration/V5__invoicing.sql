-- gap-free invoice numbers per year
create table invoice_number_counter (
  year int primary key,
  last bigint not null
);

create table invoice (
  id                     bigserial primary key,
  number                 varchar(40)   not null unique,
  customer_id            bigint        not null,
  order_id               bigint        not null unique,
  currency               varchar(3) not null,
  subtotal               numeric(19,4) not null,
  discount_percent       numeric(7,4)  not null,
  discount_amount        numeric(19,4) not null,
  total                  numeric(19,4) not null,
  open_amount            numeric(19,4) not null check (open_amount >= 0),
  issue_date             date          not null,
  due_date               date          not null,
  payment_terms          varchar(40)   not null,
  early_discount_percent numeric(7,4),
  early_discount_date    date,
  po_number              varchar(100),
  status                 varchar(20)   not null,
  created_at             timestamptz   not null,
  version                bigint        not null default 0
);
create index invoice_customer on invoice (customer_id, status);

create table invoice_line (
  id          bigserial primary key,
  invoice_id  bigint        not null references invoice (id),
  line_no     int           not null,
  description varchar(500)  not null,
  quantity    numeric(19,4) not null,
  unit_price  numeric(19,4) not null,
  amount      numeric(19,4) not null,
  unique (invoice_id, line_no)
);
