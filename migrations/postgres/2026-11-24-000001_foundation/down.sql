DROP TABLE audit_log;
DROP FUNCTION audit_log_append_only();
DROP TABLE login_throttle;
DROP TABLE account_tokens;
DROP TABLE api_tokens;
DROP TABLE sessions;
DROP TABLE staff;
