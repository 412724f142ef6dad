-- What satisfies each deadline (docs/deadlines.md): the notice of appeal (EOIR-26), the
-- work permit (I-765), re-parole, I-730 and green card (I-485) filings. The computed
-- deadlines are rebuilt under the new rules at the next start (services::cases).
ALTER TABLE cases ADD COLUMN appeal_filed_on DATE;
ALTER TABLE cases ADD COLUMN i765_filed_on DATE;
ALTER TABLE cases ADD COLUMN re_parole_filed_on DATE;
ALTER TABLE cases ADD COLUMN i730_filed_on DATE;
ALTER TABLE cases ADD COLUMN i485_filed_on DATE;
