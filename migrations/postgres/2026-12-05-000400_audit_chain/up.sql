-- The audit log's hash chain (src/domain/audit_chain.rs). Each entry written from now on
-- stores the SHA-256 of the previous entry's hash and its own content; entries about demo
-- records carry none, as `refuge demo-data --remove` deletes them. The entries already
-- there are sealed by the first run after this migration: the chain starts with them, in
-- order (their hashes computed, not stored), so the first stored hash covers them too.
ALTER TABLE audit_log ADD COLUMN chain_hash TEXT;

-- The chain's head: one row, updated by every append, so that appends are serialized (the
-- update takes the row's lock on PostgreSQL, the write lock on SQLite) and the chain never
-- forks. head_hash is NULL until the existing entries are sealed.
CREATE TABLE audit_chain (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    head_id BIGINT,
    head_hash TEXT,
    -- The last id of the entries written before the chain began (0: none).
    sealed_through BIGINT NOT NULL DEFAULT 0,
    -- Entries appended to the chain.
    links BIGINT NOT NULL DEFAULT 0
);
INSERT INTO audit_chain (id) VALUES (1);

-- Row triggers do not see TRUNCATE: refuse it as well.
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
