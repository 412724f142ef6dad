CREATE OR REPLACE FUNCTION audit_log_delete_only_demo() RETURNS trigger AS $$
BEGIN
    IF OLD.actor_id IN (SELECT id FROM demo_records WHERE kind = 'staff')
       OR OLD.target_id IN (SELECT CAST(id AS TEXT) FROM demo_records) THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'audit_log is append-only';
END;
$$ LANGUAGE plpgsql;
