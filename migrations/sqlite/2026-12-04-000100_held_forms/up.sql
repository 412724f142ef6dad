-- A form submitted after its session had ended, kept (at most 24 hours) until the person
-- signs in again and gets it back; deleted once restored or expired.
CREATE TABLE held_forms (
    id TEXT PRIMARY KEY NOT NULL,
    -- SHA-256 of the browser's held-forms cookie: only that browser can ask for it back.
    holder_hash TEXT NOT NULL,
    -- Who it belongs to; NULL until someone signs in when the ended session was unknown.
    staff_id TEXT REFERENCES staff (id) ON DELETE CASCADE,
    address TEXT,
    page_path TEXT NOT NULL,
    action_path TEXT NOT NULL,
    fields TEXT NOT NULL,
    held_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL
);
CREATE INDEX held_forms_holder_hash ON held_forms (holder_hash);
CREATE INDEX held_forms_expires_at ON held_forms (expires_at);
