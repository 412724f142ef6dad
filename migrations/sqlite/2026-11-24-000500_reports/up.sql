-- The weekly report counts cases opened per week (and twelve weeks of them for the trend).
CREATE INDEX cases_created_at ON cases (created_at);
