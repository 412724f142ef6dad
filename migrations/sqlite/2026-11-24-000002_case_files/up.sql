-- The case file: the principal applicant, their family, journey, entry and persecution
-- history, and the claim with its stage history, key dates, checklist and notes.

CREATE TABLE clients (
    id TEXT PRIMARY KEY NOT NULL,
    family_name TEXT NOT NULL,
    given_name TEXT NOT NULL,
    middle_name TEXT NOT NULL,
    native_name TEXT NOT NULL,
    other_names TEXT NOT NULL,
    date_of_birth DATE,
    sex TEXT,
    country_of_birth TEXT,
    nationalities TEXT NOT NULL,
    languages TEXT NOT NULL,
    interpreter_needed BOOLEAN NOT NULL,
    a_number TEXT,
    passport_numbers TEXT NOT NULL,
    passport_expiry DATE,
    phone TEXT NOT NULL,
    phone_safe BOOLEAN NOT NULL,
    email TEXT NOT NULL,
    email_safe BOOLEAN NOT NULL,
    us_address TEXT NOT NULL,
    address_safe BOOLEAN NOT NULL,
    messenger TEXT NOT NULL,
    messenger_safe BOOLEAN NOT NULL,
    immigration_status TEXT,
    created_by TEXT REFERENCES staff (id),
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX clients_a_number ON clients (a_number);
CREATE INDEX clients_date_of_birth ON clients (date_of_birth);

-- The principal applicant's last entry into the United States.
CREATE TABLE client_entries (
    client_id TEXT PRIMARY KEY NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    last_arrival_on DATE,
    port_of_entry TEXT NOT NULL,
    manner_of_entry TEXT,
    i94_number TEXT NOT NULL,
    class_of_admission TEXT NOT NULL,
    parole_expires_on DATE
);
CREATE INDEX client_entries_port ON client_entries (port_of_entry);

CREATE TABLE family_members (
    id TEXT PRIMARY KEY NOT NULL,
    client_id TEXT NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    relationship TEXT NOT NULL,
    family_name TEXT NOT NULL,
    given_name TEXT NOT NULL,
    native_name TEXT NOT NULL,
    date_of_birth DATE,
    marital_status TEXT,
    in_us BOOLEAN NOT NULL,
    derivative BOOLEAN NOT NULL,
    safe_to_contact BOOLEAN NOT NULL,
    notes TEXT NOT NULL
);
CREATE INDEX family_members_client ON family_members (client_id, position);

CREATE TABLE journey_legs (
    id TEXT PRIMARY KEY NOT NULL,
    client_id TEXT NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    from_country TEXT NOT NULL,
    from_city TEXT NOT NULL,
    to_country TEXT NOT NULL,
    to_city TEXT NOT NULL,
    departed_on DATE,
    arrived_on DATE,
    mode TEXT,
    notes TEXT NOT NULL
);
CREATE INDEX journey_legs_client ON journey_legs (client_id, position);

CREATE TABLE persecution_events (
    id TEXT PRIMARY KEY NOT NULL,
    client_id TEXT NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    occurred_on DATE,
    place TEXT NOT NULL,
    actor TEXT,
    description TEXT NOT NULL,
    detention_days INTEGER,
    charges TEXT NOT NULL,
    outcome TEXT NOT NULL,
    evidence TEXT NOT NULL
);
CREATE INDEX persecution_events_client ON persecution_events (client_id, position);

-- Search keys of every recorded person's names (see domain::names): the search box and the
-- conflict check look names up here in any script or spelling.
CREATE TABLE name_keys (
    client_id TEXT NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    person_id TEXT NOT NULL,
    key TEXT NOT NULL,
    PRIMARY KEY (key, person_id)
);
CREATE INDEX name_keys_client ON name_keys (client_id);

CREATE TABLE case_reference_counters (
    year INTEGER PRIMARY KEY NOT NULL,
    last_number INTEGER NOT NULL
);

CREATE TABLE cases (
    id TEXT PRIMARY KEY NOT NULL,
    reference TEXT NOT NULL UNIQUE,
    client_id TEXT NOT NULL UNIQUE REFERENCES clients (id) ON DELETE CASCADE,
    kind TEXT,
    stage TEXT NOT NULL,
    intake_complete BOOLEAN NOT NULL,
    lawyer_id TEXT REFERENCES staff (id),
    paralegal_id TEXT REFERENCES staff (id),
    conflict_status TEXT NOT NULL CHECK (conflict_status IN ('unchecked', 'clear', 'conflict')),
    conflict_note TEXT NOT NULL,
    conflict_checked_by TEXT REFERENCES staff (id),
    conflict_checked_at TIMESTAMP,
    i589_filed_on DATE,
    i589_received_on DATE,
    one_year_exception TEXT,
    one_year_exception_until DATE,
    ij_decision_on DATE,
    granted_on DATE,
    court_verified_on DATE,
    closed_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX cases_stage ON cases (stage, updated_at);
CREATE INDEX cases_lawyer ON cases (lawyer_id, stage);
CREATE INDEX cases_paralegal ON cases (paralegal_id, stage);
CREATE INDEX cases_kind ON cases (kind, stage);
CREATE INDEX cases_updated_at ON cases (updated_at);

-- Every deadline a case has, recomputed in the transaction of every change to the case,
-- so lists can filter and sort by "next deadline" with an index.
CREATE TABLE case_deadlines (
    case_id TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    due_on DATE NOT NULL,
    PRIMARY KEY (case_id, kind, due_on)
);
CREATE INDEX case_deadlines_due ON case_deadlines (kind, due_on);
CREATE INDEX case_deadlines_case_due ON case_deadlines (case_id, due_on);

CREATE TABLE case_stage_history (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    case_id TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    from_stage TEXT,
    to_stage TEXT NOT NULL,
    changed_at TIMESTAMP NOT NULL,
    changed_by TEXT REFERENCES staff (id),
    note TEXT NOT NULL
);
CREATE INDEX case_stage_history_case ON case_stage_history (case_id, changed_at);
CREATE INDEX case_stage_history_changed_at ON case_stage_history (changed_at);

CREATE TABLE case_events (
    id TEXT PRIMARY KEY NOT NULL,
    case_id TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    scheduled_at TIMESTAMP NOT NULL,
    place TEXT NOT NULL,
    official TEXT NOT NULL,
    outcome TEXT NOT NULL
);
CREATE INDEX case_events_case ON case_events (case_id, scheduled_at);
CREATE INDEX case_events_scheduled ON case_events (scheduled_at);

CREATE TABLE ead_clock_stops (
    id TEXT PRIMARY KEY NOT NULL,
    case_id TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    stopped_on DATE NOT NULL,
    restarted_on DATE,
    reason TEXT NOT NULL
);
CREATE INDEX ead_clock_stops_case ON ead_clock_stops (case_id, stopped_on);

CREATE TABLE checklist_items (
    id TEXT PRIMARY KEY NOT NULL,
    case_id TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    item TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('missing', 'requested', 'received', 'translated', 'filed')),
    note TEXT NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX checklist_items_case ON checklist_items (case_id, position);

CREATE TABLE case_notes (
    id TEXT PRIMARY KEY NOT NULL,
    case_id TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    author_id TEXT REFERENCES staff (id),
    body TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX case_notes_case ON case_notes (case_id, created_at);

CREATE TABLE office_settings (
    key TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
);
