create table sales_order (
  id               bigserial primary key,
  customer_id      bigint        not null,
  status           varchar(20)   not null,
  status_reason    varchar(500),
  currency         varchar(3) not null,
  subtotal         numeric(19,4) not null,
  discount_percent numeric(7,4)  not null default 0,
  total            numeric(19,4) not null,
  payment_terms    varchar(40)   not null,
  po_number        varchar(100),
  invoice_id       bigint,
  created_at       timestamptz   not null,
  version          bigint        not null default 0
);
create index sales_order_customer on sales_order (customer_id);

create table order_line (
  id          bigserial primary key,
  order_id    bigint        not null references sales_order (id),
  line_no     int           not null,
  description varchar(500)  not null,
  quantity    numeric(19,4) not null check (quantity > 0),
  unit_price  numeric(19,4) not null check (unit_price >= 0),
  amount      numeric(19,4) not null,
  unique (order_id, line_no)
);
