-- Email notifications. A message is written to the outbox in the transaction of the event
-- that causes it; a worker sends it later and retries until it goes or is given up on.

CREATE TABLE outbox (
    id UUID PRIMARY KEY,
    recipient_id UUID REFERENCES staff (id),
    to_address TEXT NOT NULL,
    -- The case the message is about; NULL for digests and lists of several cases.
    case_id UUID REFERENCES cases (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    subject TEXT NOT NULL,
    text_body TEXT NOT NULL,
    html_body TEXT NOT NULL,
    -- pending, sent or failed.
    status TEXT NOT NULL,
    attempts INTEGER NOT NULL,
    next_attempt_at TIMESTAMP NOT NULL,
    -- After this a failed attempt marks the message failed instead of scheduling another.
    give_up_at TIMESTAMP NOT NULL,
    -- A sender's claim; another sender may take the message once it has passed.
    claimed_until TIMESTAMP,
    last_error TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    sent_at TIMESTAMP
);
CREATE INDEX outbox_due ON outbox (status, next_attempt_at);
CREATE INDEX outbox_case ON outbox (case_id);

-- What each person has been told. Reminders and weekly lists carry a key that makes them
-- happen once however often the scan runs; events carry none.
CREATE TABLE notifications (
    id UUID PRIMARY KEY,
    recipient_id UUID NOT NULL REFERENCES staff (id),
    case_id UUID REFERENCES cases (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    once_key TEXT UNIQUE,
    -- JSON: reference, stage, dates, days — never names.
    details TEXT NOT NULL,
    -- immediate or digest.
    delivery TEXT NOT NULL,
    -- The message it went out in; NULL while it waits for the daily digest.
    outbox_id UUID REFERENCES outbox (id) ON DELETE SET NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX notifications_waiting ON notifications (recipient_id, created_at)
    WHERE delivery = 'digest' AND outbox_id IS NULL;
CREATE INDEX notifications_case ON notifications (case_id);

-- Each person's choice per kind: immediate, digest or off. No row: immediate.
CREATE TABLE notification_preferences (
    staff_id UUID NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    delivery TEXT NOT NULL,
    PRIMARY KEY (staff_id, kind)
);

-- Jobs that run once a day (or week) whichever server gets there first: the office-local
-- date each last ran for.
CREATE TABLE scheduled_runs (
    job TEXT PRIMARY KEY,
    last_run_on DATE NOT NULL
);
