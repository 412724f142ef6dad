DROP TABLE audit_chain;
ALTER TABLE audit_log DROP COLUMN chain_hash;
