DROP TRIGGER audit_log_no_delete;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
WHEN NOT (
    OLD.actor_id IN (SELECT id FROM demo_records WHERE kind = 'staff')
    OR OLD.target_id IN (SELECT id FROM demo_records)
)
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;
