-- I-589 Part A.III (issue 16), the applicant's background. Each list is a table of rows in
-- the form's order (`position`); the single answers are one row per client. Cases opened
-- before this version have no rows and read as not asked yet. Every text about the person
-- (addresses, schools, employers, relatives' names and whereabouts) is sealed by the
-- application (`Sealed` in schema.rs); country codes and months are not. A month is text,
-- `YYYY-MM` (the form asks Mo/Yr); a "to" may also be `present`; empty when not given.

-- The last address before coming to the US (kind `last`), the last in the country of
-- feared persecution (`feared_country`), and the residences of the past five years
-- (`residence`, present first).
CREATE TABLE background_addresses (
    id UUID PRIMARY KEY,
    client_id UUID NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    position INTEGER NOT NULL,
    street TEXT NOT NULL,
    city TEXT NOT NULL,
    province TEXT NOT NULL,
    country TEXT NOT NULL,
    from_month TEXT NOT NULL,
    to_month TEXT NOT NULL
);
CREATE INDEX background_addresses_client ON background_addresses (client_id, kind, position);

CREATE TABLE background_schools (
    id UUID PRIMARY KEY,
    client_id UUID NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    location TEXT NOT NULL,
    from_month TEXT NOT NULL,
    to_month TEXT NOT NULL
);
CREATE INDEX background_schools_client ON background_schools (client_id, position);

CREATE TABLE background_jobs (
    id UUID PRIMARY KEY,
    client_id UUID NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    employer TEXT NOT NULL,
    occupation TEXT NOT NULL,
    from_month TEXT NOT NULL,
    to_month TEXT NOT NULL
);
CREATE INDEX background_jobs_client ON background_jobs (client_id, position);

-- The mother (relation `mother`), the father (`father`) and the siblings (`sibling`).
CREATE TABLE background_relatives (
    id UUID PRIMARY KEY,
    client_id UUID NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    relation TEXT NOT NULL,
    position INTEGER NOT NULL,
    full_name TEXT NOT NULL,
    birth_city TEXT NOT NULL,
    birth_country TEXT NOT NULL,
    location TEXT NOT NULL,
    deceased BOOLEAN NOT NULL
);
CREATE INDEX background_relatives_client ON background_relatives (client_id, relation, position);

-- The boxes that answer a list with "none", and "same as above" for the second address.
CREATE TABLE background_answers (
    client_id UUID PRIMARY KEY REFERENCES clients (id) ON DELETE CASCADE,
    feared_country_same BOOLEAN NOT NULL,
    no_schooling BOOLEAN NOT NULL,
    no_employment BOOLEAN NOT NULL,
    no_siblings BOOLEAN NOT NULL
);
