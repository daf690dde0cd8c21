-- payments: a credit line's bank identity, so the same bank transaction delivered again in another file (a re-sent
-- export, a camt.054 followed by its camt.053, an overlapping period) is recorded as a duplicate and never posted twice.
-- The identity is a SHA-256 of account, bank reference (or, where the bank gives none, payer and remittance), value date,
-- amount, currency and the occurrence of that combination within its statement. Lines imported before this migration
-- have none and are not compared.
alter table bank_statement_line add column bank_identity varchar(64);
alter table bank_statement_line add column duplicate_of bigint references bank_statement_line (id);
-- one original per identity: of two imports racing with the same transaction, the second fails and is retried
create unique index bank_statement_line_identity on bank_statement_line (bank_identity) where duplicate_of is null;
