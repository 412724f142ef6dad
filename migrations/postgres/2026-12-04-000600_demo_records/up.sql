-- What `refuge demo-data` created: the staff accounts, clients and cases that are fictional.
-- `refuge demo-data` writes only into a database where every staff account, client and case
-- is listed here, and `refuge demo-data --remove` deletes exactly these and what hangs off them.
CREATE TABLE demo_records (
    id UUID PRIMARY KEY,
    -- staff, client or case
    kind TEXT NOT NULL
);

-- Demo cases are numbered D-<year>-<number> from their own counter, so that they never take
-- or continue the office's own R- numbers.
CREATE TABLE demo_reference_counters (
    year INTEGER PRIMARY KEY,
    last_number INTEGER NOT NULL
);

-- The audit log stays append-only except for the entries about demo records (by demo staff,
-- or on a demo staff account, client or case), which are removed with them.
CREATE FUNCTION audit_log_delete_only_demo() RETURNS trigger AS $$
BEGIN
    IF OLD.actor_id IN (SELECT id FROM demo_records WHERE kind = 'staff')
       OR OLD.target_id IN (SELECT CAST(id AS TEXT) FROM demo_records) THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'audit_log is append-only';
END;
$$ LANGUAGE plpgsql;
DROP TRIGGER audit_log_no_update ON audit_log;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_delete_only_demo();
