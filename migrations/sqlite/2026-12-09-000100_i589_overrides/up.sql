-- A lawyer's decision to file an I-589 with items the completeness check found missing
-- (issue 16): who, when, which items (their printed numbers, never values), and why. Kept
-- apart from the stage history: only a move to `filed` can carry one, and its reason is
-- free text sealed like the file's other narratives (db::sealed).
CREATE TABLE i589_overrides (
    id TEXT PRIMARY KEY NOT NULL,
    case_id TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    overridden_by TEXT NOT NULL REFERENCES staff (id),
    overridden_at TIMESTAMP NOT NULL,
    -- How many items were missing, and their numbers ("A.I.6 A.II.child.1.sex"), spaces
    -- between them.
    missing_count INTEGER NOT NULL,
    missing_items TEXT NOT NULL,
    reason TEXT NOT NULL
);
CREATE INDEX i589_overrides_case ON i589_overrides (case_id, overridden_at);
