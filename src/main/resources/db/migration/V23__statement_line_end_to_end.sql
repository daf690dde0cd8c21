-- The payer's end-to-end id of a movement (camt EndToEndId, MT940 /EREF/): a return carries the id of the payment it
-- returns, which finds that payment even when the bank gives the return a reference of its own.
alter table bank_statement_line add column end_to_end_id varchar(200);
create index bank_statement_line_end_to_end on bank_statement_line (end_to_end_id) where not debit;
