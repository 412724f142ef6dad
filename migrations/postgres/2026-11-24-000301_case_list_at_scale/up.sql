-- The case list and the search box at office scale (100,000 clients, a million stage changes).

-- "Next deadline" order: the list walks upcoming deadlines by date (db::case_list).
CREATE INDEX case_deadlines_next ON case_deadlines (due_on, kind, case_id);

-- "Open cases not updated in 60 days".
CREATE INDEX cases_open_updated ON cases (updated_at) WHERE closed_at IS NULL;

-- The nationality filter: one row per client and country code, kept from
-- clients.nationalities (codes joined by commas) by the trigger below, so that the filter is
-- an index range rather than a LIKE over every client.
CREATE TABLE client_nationalities (
    code TEXT NOT NULL,
    client_id UUID NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    PRIMARY KEY (code, client_id)
);
CREATE INDEX client_nationalities_client ON client_nationalities (client_id);

CREATE FUNCTION refresh_client_nationalities() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        DELETE FROM client_nationalities WHERE client_id = NEW.id;
    END IF;
    INSERT INTO client_nationalities (code, client_id)
    SELECT DISTINCT code, NEW.id
    FROM unnest(string_to_array(NEW.nationalities, ',')) AS code
    WHERE code <> '';
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER clients_nationalities AFTER INSERT OR UPDATE OF nationalities ON clients
    FOR EACH ROW EXECUTE FUNCTION refresh_client_nationalities();

INSERT INTO client_nationalities (code, client_id)
SELECT DISTINCT code, c.id
FROM clients AS c, unnest(string_to_array(c.nationalities, ',')) AS code
WHERE code <> '';

-- Search restricted to a paralegal's cases reads client_id with the key.
CREATE INDEX name_keys_key_client ON name_keys (key) INCLUDE (person_id, client_id);
