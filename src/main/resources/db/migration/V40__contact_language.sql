-- the language the customer's AP contact reads: their portal pages and the mails they receive; null = not known,
-- so the portal follows the browser and mails are in English
alter table customer add column ap_language varchar(2) check (ap_language in ('en', 'de'));
