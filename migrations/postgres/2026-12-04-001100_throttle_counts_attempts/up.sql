-- Sign-in throttling counts attempts before the password is checked (services::throttle),
-- not failures after it; the counters are transient, so the table is recreated rather than
-- converted. The scope is no longer limited by a CHECK: the Rust enum names the scopes
-- (account, address, and later ones such as second-factor codes).
DROP TABLE login_throttle;
CREATE TABLE login_throttle (
    scope TEXT NOT NULL,
    key_hash TEXT NOT NULL,
    attempts INTEGER NOT NULL,
    counted_at TIMESTAMP NOT NULL,
    blocked_until TIMESTAMP,
    PRIMARY KEY (scope, key_hash)
);
