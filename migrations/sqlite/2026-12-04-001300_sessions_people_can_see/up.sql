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
