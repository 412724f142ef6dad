DROP INDEX case_stage_history_changed_at;
CREATE INDEX case_stage_history_changed_at ON case_stage_history (changed_at);
