-- A debit line that returns an earlier customer payment (SEPA return, bounced cheque, chargeback) is stored, marked
-- debit, so the match step can reverse the posting it returns. Other debits are still only counted.
alter table bank_statement_line add column debit boolean not null default false;
alter table bank_statement_line add column returned_line bigint references bank_statement_line (id);

-- A returned payment is kept and marked reversed, never deleted: the ledger counts only payments not reversed.
alter table payment add column reversed_at timestamptz;
alter table payment add column reversed_by_ref varchar(200);

-- each debit line of an import looks for the credit line it may return
create index bank_statement_line_reference on bank_statement_line (bank_reference) where not debit;
create index bank_statement_line_amount on bank_statement_line (amount) where not debit;
