-- What a person sees of their own sessions on the account page: the browser's User-Agent and
-- the address it signed in from. The previous sign-in is carried by the new session until
-- the home page has shown it once.
ALTER TABLE sessions ADD COLUMN user_agent TEXT;
ALTER TABLE sessions ADD COLUMN address TEXT;
ALTER TABLE sessions ADD COLUMN previous_sign_in_at TIMESTAMP;
ALTER TABLE sessions ADD COLUMN previous_sign_in_address TEXT;

-- One row per staff member who has signed in or been locked: the latest sign-in, and the
-- emergency lock (set by the person through a lock link; cleared only by an admin).
CREATE TABLE staff_access (
    staff_id TEXT PRIMARY KEY NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
    last_sign_in_at TIMESTAMP,
    last_sign_in_address TEXT,
    locked_at TIMESTAMP,
    locked_address TEXT
);

-- Emergency lock links: each a single-use token (stored as its SHA-256) that can only lock
-- its staff member's account. Every email to a staff member carries a fresh one.
CREATE TABLE lock_links (
    token_hash TEXT PRIMARY KEY NOT NULL,
    staff_id TEXT NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
    created_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL,
    used_at TIMESTAMP
);
CREATE INDEX lock_links_staff_id ON lock_links (staff_id);
