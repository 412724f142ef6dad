-- Issue 13: two-factor sign-in. One TOTP secret per staff member: unconfirmed while they
-- enrol, confirmed once they typed a first code. `last_used_step` is the RFC 6238 time step
-- of the last code accepted, so that no code is accepted twice.
CREATE TABLE second_factors (
    staff_id TEXT PRIMARY KEY NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
    secret TEXT NOT NULL,
    confirmed_at TIMESTAMP,
    last_used_step BIGINT,
    created_at TIMESTAMP NOT NULL
);
-- Single-use recovery codes, stored only as the SHA-256 of a code of 80 random bits.
CREATE TABLE recovery_codes (
    code_hash TEXT PRIMARY KEY NOT NULL,
    staff_id TEXT NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
    created_at TIMESTAMP NOT NULL,
    used_at TIMESTAMP
);
CREATE INDEX recovery_codes_staff_id ON recovery_codes (staff_id);
-- A session that has passed the password but not yet the second factor ('code') or the
-- enrolment the office requires ('enrol'); NULL for a fully signed-in session.
ALTER TABLE sessions ADD COLUMN second_factor_pending TEXT;
