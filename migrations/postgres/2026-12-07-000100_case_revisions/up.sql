-- A client's own answers to the intake (a questionnaire link), kept apart from the case
-- file until a lawyer reviews them field by field: nothing a client types changes the file
-- by itself.
CREATE TABLE case_revisions (
    id UUID PRIMARY KEY,
    case_id UUID NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    -- The intake form's pairs (field path -> text as typed) as a JSON object, sealed like
    -- the file's own sensitive fields (db::sealed).
    answers TEXT NOT NULL,
    -- The language the client answered in (en, ru, uk, es).
    language TEXT NOT NULL,
    submitted_at TIMESTAMP NOT NULL,
    -- pending, reviewed
    status TEXT NOT NULL,
    reviewed_by UUID REFERENCES staff (id),
    reviewed_at TIMESTAMP,
    -- What the reviewer decided, by field path only (no values): a JSON object of
    -- path -> accepted, edited or rejected. Empty while pending.
    decisions TEXT NOT NULL
);
CREATE INDEX case_revisions_case_status ON case_revisions (case_id, status);
