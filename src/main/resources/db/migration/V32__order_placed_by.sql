-- who placed the order, so that someone else releases its credit hold (four eyes); unknown for older orders
alter table sales_order add column placed_by varchar(100);
