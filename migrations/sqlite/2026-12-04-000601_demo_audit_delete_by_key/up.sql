-- The audit log's delete check, as primary-key lookups: `IN (SELECT … WHERE kind = …)` read
-- all of demo_records for every entry deleted, quadratic when --remove deletes 100,000.
DROP TRIGGER audit_log_no_delete;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
WHEN NOT EXISTS (SELECT 1 FROM demo_records WHERE id = OLD.actor_id AND kind = 'staff')
 AND NOT EXISTS (SELECT 1 FROM demo_records WHERE id = OLD.target_id)
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;
