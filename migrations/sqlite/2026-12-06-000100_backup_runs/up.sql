-- Each nightly backup's outcome (services::nightly_backup): when it ran, the file it wrote
-- or meant to write (a name in backup.directory), its size, and for a failure a short
-- reason. Never anything about a client. The admin home page and /healthz read the last
-- run and the last success.
CREATE TABLE backup_runs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    started_at TIMESTAMP NOT NULL,
    finished_at TIMESTAMP NOT NULL,
    file TEXT NOT NULL,
    size_bytes BIGINT,
    succeeded BOOLEAN NOT NULL,
    failure TEXT,
    CHECK ((succeeded AND size_bytes IS NOT NULL AND failure IS NULL)
        OR (NOT succeeded AND failure IS NOT NULL))
);
CREATE INDEX backup_runs_succeeded ON backup_runs (succeeded, finished_at);
