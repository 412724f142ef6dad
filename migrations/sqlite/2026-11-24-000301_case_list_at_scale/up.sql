-- The case list and the search box at office scale (100,000 clients, a million stage changes).

-- "Next deadline" order: the list walks upcoming deadlines by date (db::case_list).
CREATE INDEX case_deadlines_next ON case_deadlines (due_on, kind, case_id);

-- "Open cases not updated in 60 days".
CREATE INDEX cases_open_updated ON cases (updated_at) WHERE closed_at IS NULL;

-- The nationality filter: one row per client and country code, kept from
-- clients.nationalities (codes of two letters joined by commas) by the triggers below, so
-- that the filter is an index range rather than a LIKE over every client.
CREATE TABLE client_nationalities (
    code TEXT NOT NULL,
    client_id TEXT NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    PRIMARY KEY (code, client_id)
) WITHOUT ROWID;
CREATE INDEX client_nationalities_client ON client_nationalities (client_id);

-- (SQLite allows no WITH inside a trigger: the list is split by position, up to ten codes.)
CREATE TRIGGER clients_nationalities_inserted AFTER INSERT ON clients BEGIN
    INSERT OR IGNORE INTO client_nationalities (code, client_id)
    SELECT substr(NEW.nationalities, 1 + 3 * n.i, 2), NEW.id
    FROM (SELECT 0 AS i UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4 UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9) AS n
    WHERE length(NEW.nationalities) >= 3 * n.i + 2;
END;

CREATE TRIGGER clients_nationalities_updated AFTER UPDATE OF nationalities ON clients BEGIN
    DELETE FROM client_nationalities WHERE client_id = NEW.id;
    INSERT OR IGNORE INTO client_nationalities (code, client_id)
    SELECT substr(NEW.nationalities, 1 + 3 * n.i, 2), NEW.id
    FROM (SELECT 0 AS i UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4 UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9) AS n
    WHERE length(NEW.nationalities) >= 3 * n.i + 2;
END;

INSERT OR IGNORE INTO client_nationalities (code, client_id)
SELECT substr(c.nationalities, 1 + 3 * n.i, 2), c.id
FROM clients AS c, (SELECT 0 AS i UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4 UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9) AS n
WHERE length(c.nationalities) >= 3 * n.i + 2;

-- The search index clustered by key (WITHOUT ROWID): a key or a key range is read from
-- adjacent pages with client_id at hand, without one table lookup per entry.
CREATE TABLE name_keys_clustered (
    client_id TEXT NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    person_id TEXT NOT NULL,
    key TEXT NOT NULL,
    PRIMARY KEY (key, person_id)
) WITHOUT ROWID;
INSERT INTO name_keys_clustered (client_id, person_id, key)
SELECT client_id, person_id, key FROM name_keys;
DROP TABLE name_keys;
ALTER TABLE name_keys_clustered RENAME TO name_keys;
CREATE INDEX name_keys_client ON name_keys (client_id);
