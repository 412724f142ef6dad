-- Questionnaire links: a client fills in the intake themselves under a link a lawyer made
-- from the case. The link's token is stored only as its SHA-256 (auth::tokens); the answers
-- typed so far are a sealed draft (db::sealed) until they are sent, when they become a
-- pending revision of the case for a lawyer to review.
CREATE TABLE questionnaires (
    id UUID PRIMARY KEY,
    case_id UUID NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    token_hash TEXT NOT NULL UNIQUE,
    -- The language the link was made in (en, ru, uk, es): its pages and email start in it.
    language TEXT NOT NULL,
    created_by UUID NOT NULL REFERENCES staff (id),
    created_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL,
    revoked_at TIMESTAMP,
    revoked_by UUID REFERENCES staff (id),
    -- The answers so far: the intake form's pairs (field path -> text as typed) as a JSON
    -- object, sealed.
    draft TEXT NOT NULL,
    draft_saved_at TIMESTAMP,
    submitted_at TIMESTAMP,
    -- The pending revision of the case the sent answers became.
    revision_id UUID REFERENCES case_revisions (id) ON DELETE SET NULL
);
CREATE INDEX questionnaires_case_id ON questionnaires (case_id, created_at);
