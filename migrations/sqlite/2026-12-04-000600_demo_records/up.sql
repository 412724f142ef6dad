-- What `refuge demo-data` created: the staff accounts, clients and cases that are fictional.
-- `refuge demo-data` writes only into a database where every staff account, client and case
-- is listed here, and `refuge demo-data --remove` deletes exactly these and what hangs off them.
CREATE TABLE demo_records (
    id TEXT PRIMARY KEY NOT NULL,
    -- staff, client or case
    kind TEXT NOT NULL
);

-- Demo cases are numbered D-<year>-<number> from their own counter, so that they never take
-- or continue the office's own R- numbers.
CREATE TABLE demo_reference_counters (
    year INTEGER PRIMARY KEY NOT NULL,
    last_number INTEGER NOT NULL
);

-- The audit log stays append-only except for the entries about demo records (by demo staff,
-- or on a demo staff account, client or case), which are removed with them.
DROP TRIGGER audit_log_no_delete;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
WHEN NOT (
    OLD.actor_id IN (SELECT id FROM demo_records WHERE kind = 'staff')
    OR OLD.target_id IN (SELECT id FROM demo_records)
)
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;
