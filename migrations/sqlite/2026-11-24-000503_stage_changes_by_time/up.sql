-- The weekly report's twelve-week trend reads every stage change of those weeks by time:
-- with the case and both stages in the index, none is looked up again in the table.
DROP INDEX case_stage_history_changed_at;
CREATE INDEX case_stage_history_changed_at
    ON case_stage_history (changed_at, case_id, from_stage, to_stage);
