ALTER TABLE cases DROP COLUMN i485_filed_on;
ALTER TABLE cases DROP COLUMN i730_filed_on;
ALTER TABLE cases DROP COLUMN re_parole_filed_on;
ALTER TABLE cases DROP COLUMN i765_filed_on;
ALTER TABLE cases DROP COLUMN appeal_filed_on;
