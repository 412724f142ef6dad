-- A paralegal's clients as an index-only scan: the search box restricts names to them.
CREATE INDEX cases_paralegal_client ON cases (paralegal_id, client_id);

-- Statistics for the new index at once: without them SQLite takes every index for a
-- selective one (PRAGMA optimize renews them as the table grows).
ANALYZE cases;
