DROP INDEX case_events_outcome_pending;
DROP INDEX case_deadlines_due;
CREATE INDEX case_deadlines_due ON case_deadlines (kind, due_on);
