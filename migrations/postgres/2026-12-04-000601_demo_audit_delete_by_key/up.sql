-- The audit log's delete check, as primary-key lookups: `IN (SELECT … WHERE kind = …)` read
-- all of demo_records for every entry deleted, quadratic when --remove deletes 100,000.
CREATE OR REPLACE FUNCTION audit_log_delete_only_demo() RETURNS trigger AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM demo_records WHERE id = OLD.actor_id AND kind = 'staff') THEN
        RETURN OLD;
    END IF;
    -- Targets are not all UUIDs; only a UUID can name a demo record.
    IF OLD.target_id ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' THEN
        IF EXISTS (SELECT 1 FROM demo_records WHERE id = CAST(OLD.target_id AS UUID)) THEN
            RETURN OLD;
        END IF;
    END IF;
    RAISE EXCEPTION 'audit_log is append-only';
END;
$$ LANGUAGE plpgsql;
