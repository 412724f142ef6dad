-- Secrets the server draws once and every server sharing the database uses: the key that
-- signs the CSRF tokens of anonymous forms (login, setup, invitation, lock), so that those
-- pages need no session row. Values are base64; never shown, never logged.
CREATE TABLE server_secrets (
    name TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);
-- Anonymous sessions held only a form's CSRF token; the signed token replaces them.
DELETE FROM sessions WHERE staff_id IS NULL;
