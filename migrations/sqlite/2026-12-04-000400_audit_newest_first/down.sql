DROP INDEX audit_log_target;
DROP INDEX audit_log_action;
DROP INDEX audit_log_actor;
CREATE INDEX audit_log_target ON audit_log (target_type, target_id, occurred_at);
CREATE INDEX audit_log_action ON audit_log (action, occurred_at);
CREATE INDEX audit_log_actor ON audit_log (actor_id, occurred_at);
