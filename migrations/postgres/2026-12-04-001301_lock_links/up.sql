-- Emergency lock links: each a single-use token (stored as its SHA-256) that can only lock
-- its staff member's account. Every email to a staff member carries a fresh one.
CREATE TABLE lock_links (
    token_hash TEXT PRIMARY KEY,
    staff_id UUID NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
    created_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL,
    used_at TIMESTAMP
);
CREATE INDEX lock_links_staff_id ON lock_links (staff_id);
