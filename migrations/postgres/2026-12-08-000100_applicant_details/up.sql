-- I-589 Part A.I (issue 16): the applicant's items the client's details did not hold, one
-- row per client beside client_entries, and every entry into the US (item 19c), one row per
-- entry in the form's order (most recent first). Cases opened before this version have no
-- rows and read with every one of these fields empty. Numbers, the mailing address, city of
-- birth, ethnic group, religion, dialect and each entry's place and status are sealed by the
-- application (`Sealed` in schema.rs). A NULL answer is a question not answered yet.
CREATE TABLE applicant_details (
    client_id UUID PRIMARY KEY REFERENCES clients (id) ON DELETE CASCADE,
    ssn TEXT NOT NULL,
    uscis_account_number TEXT NOT NULL,
    mailing_same_as_residence BOOLEAN,
    mailing_in_care_of TEXT NOT NULL,
    mailing_phone TEXT NOT NULL,
    mailing_street TEXT NOT NULL,
    mailing_apartment TEXT NOT NULL,
    mailing_city TEXT NOT NULL,
    mailing_state TEXT NOT NULL,
    mailing_zip TEXT NOT NULL,
    -- single, married, divorced, widowed
    marital_status TEXT,
    city_of_birth TEXT NOT NULL,
    nationality_at_birth TEXT,
    ethnic_group TEXT NOT NULL,
    religion TEXT NOT NULL,
    -- never, now, past
    court_proceedings TEXT,
    left_home_country_on DATE,
    travel_document_country TEXT,
    native_language TEXT,
    native_dialect TEXT NOT NULL,
    fluent_in_english BOOLEAN
);

CREATE TABLE us_entries (
    id UUID PRIMARY KEY,
    client_id UUID NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    arrived_on DATE,
    place TEXT NOT NULL,
    status TEXT NOT NULL,
    status_expires_on DATE
);
CREATE INDEX us_entries_client ON us_entries (client_id, position);
