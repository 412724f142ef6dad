DROP TRIGGER audit_log_no_truncate ON audit_log;
DROP TABLE audit_chain;
ALTER TABLE audit_log DROP COLUMN chain_hash;
