-- The weekly report asks, for every open case, its last stage change before the week's end:
-- this index answers that from the index alone (with the stage), in the order asked.
CREATE INDEX case_stage_history_case_end
    ON case_stage_history (case_id, changed_at DESC, id DESC, to_stage);
