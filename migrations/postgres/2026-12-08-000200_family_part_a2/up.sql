-- I-589 Part A.II (issue 16): for the spouse and each child, the identity items the form
-- asks (A-number, passport or ID number, SSN, middle name, other names, sex, city and
-- country of birth, nationality, race/ethnic/tribal group), the marriage (spouse), where
-- they are if not in the US, and for someone in the US their last entry, I-94, statuses,
-- court proceedings and any previous arrival. One row beside each family_members row
-- (written with it on every save; that table is at diesel's column limit). A member
-- without a row (every one on file before this version) has all of them empty. Texts
-- about the person are sealed by the application (`Sealed` in schema.rs).
CREATE TABLE family_member_details (
    member_id UUID PRIMARY KEY REFERENCES family_members (id) ON DELETE CASCADE,
    middle_name TEXT NOT NULL,
    -- One name per line.
    other_names TEXT NOT NULL,
    -- Nine digits, NONE, or empty.
    a_number TEXT NOT NULL,
    passport_number TEXT NOT NULL,
    ssn TEXT NOT NULL,
    sex TEXT,
    city_of_birth TEXT NOT NULL,
    -- ISO 3166-1 alpha-2 codes.
    country_of_birth TEXT,
    nationality TEXT,
    ethnic_group TEXT NOT NULL,
    married_on DATE,
    marriage_place TEXT NOT NULL,
    location TEXT NOT NULL,
    last_entry_place TEXT NOT NULL,
    last_entry_on DATE,
    i94_number TEXT NOT NULL,
    status_when_admitted TEXT NOT NULL,
    current_status TEXT NOT NULL,
    status_expires_on DATE,
    -- NULL: not answered yet.
    in_court_proceedings BOOLEAN,
    previous_arrival_on DATE
);

-- Part A.II's explicit "I do not have any children", one row per client; a client without
-- a row (every case opened before this version) has not been asked. "Has children" is not
-- stored: it follows from the family rows.
CREATE TABLE family_answers (
    client_id UUID PRIMARY KEY REFERENCES clients (id) ON DELETE CASCADE,
    no_children BOOLEAN NOT NULL
);
