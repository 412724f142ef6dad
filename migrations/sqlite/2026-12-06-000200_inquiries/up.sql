-- Inquiries from the public form (/inquiry): each became a client and a case at stage
-- `inquiry`; this row keeps what only triage needs and what the lawyer decided. A
-- questionnaire link will hang off the case like any other.
CREATE TABLE inquiries (
    id TEXT PRIMARY KEY NOT NULL,
    case_id TEXT NOT NULL UNIQUE REFERENCES cases (id) ON DELETE CASCADE,
    -- new, taken, merged, declined
    status TEXT NOT NULL,
    -- The language the person wrote in (en, ru, uk, es): replies go in it.
    language TEXT NOT NULL,
    -- mexico, us, elsewhere
    whereabouts TEXT NOT NULL,
    detained BOOLEAN NOT NULL,
    hearing_on DATE,
    travelling_family INTEGER NOT NULL,
    -- The person's own short account, sealed like a persecution narrative (db::sealed).
    account TEXT NOT NULL,
    -- The client address it came from, for the cap on unreviewed inquiries per address.
    submitted_from TEXT,
    received_at TIMESTAMP NOT NULL,
    acted_at TIMESTAMP,
    acted_by TEXT REFERENCES staff (id),
    -- Sealed too: what a lawyer wrote about a person.
    decline_reason TEXT NOT NULL,
    merged_into TEXT REFERENCES cases (id) ON DELETE SET NULL
);
CREATE INDEX inquiries_status_received ON inquiries (status, received_at);
CREATE INDEX inquiries_submitted_from ON inquiries (submitted_from, status);
