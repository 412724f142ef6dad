-- The weekly report's overdue figure reads appeal and one-year deadlines by kind and date,
-- and hearings that passed without an outcome; these indexes hold the case id as well, so
-- neither is looked up row by row in its table.
DROP INDEX case_deadlines_due;
CREATE INDEX case_deadlines_due ON case_deadlines (kind, due_on, case_id);
CREATE INDEX case_events_outcome_pending
    ON case_events (kind, scheduled_at, case_id) WHERE outcome = '';
