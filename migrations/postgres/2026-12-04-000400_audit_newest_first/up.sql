-- The audit trail is read newest first (by id) within one case, one action or one staff
-- member, a page at a time: with the id in the index, a page is read off the index in order
-- instead of sorting every entry of that case, action or person.
DROP INDEX audit_log_target;
DROP INDEX audit_log_action;
DROP INDEX audit_log_actor;
CREATE INDEX audit_log_target ON audit_log (target_type, target_id, id);
CREATE INDEX audit_log_action ON audit_log (action, id);
CREATE INDEX audit_log_actor ON audit_log (actor_id, id);
