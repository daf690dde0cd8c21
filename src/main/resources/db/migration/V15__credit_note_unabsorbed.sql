-- invoicing: the part of a credit note its invoice could not absorb (the customer paid meanwhile); it is held for
-- the customer on their credit balance
alter table credit_note add column unabsorbed numeric(19,4) not null default 0 check (unabsorbed >= 0);
