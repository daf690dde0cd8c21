-- A file may hold several statements (MT940 :20: blocks, camt Stmt/Ntfctn, BAI2 accounts): each is a row,
-- numbered by its place in the file; the file's bytes are kept once, with its first statement.
alter table bank_statement drop constraint bank_statement_file_sha256_key;
alter table bank_statement add column file_part int not null default 1;
create unique index bank_statement_file_part on bank_statement (file_sha256, file_part);
alter table bank_statement alter column content drop not null;

-- The balances the statement states. A statement whose closing balance is not its opening balance plus its
-- movements is imported unreconciled: matched and suggested, but nothing posted until a cash applier confirms it.
alter table bank_statement add column opening_balance numeric(19, 2);
alter table bank_statement add column closing_balance numeric(19, 2);
alter table bank_statement add column expected_closing_balance numeric(19, 2);
alter table bank_statement add column reconciled boolean not null default true;
alter table bank_statement add column confirmed_by varchar(100);
alter table bank_statement add column confirmed_at timestamptz;
alter table bank_statement alter column status type varchar(30);

-- A line that reverses an earlier movement (camt RvslInd, MT940 RC/RD) is never applied as a payment.
alter table bank_statement_line add column reversal boolean not null default false;
