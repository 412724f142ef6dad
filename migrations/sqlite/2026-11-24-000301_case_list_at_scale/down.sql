CREATE TABLE name_keys_rowid (
    client_id TEXT NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    person_id TEXT NOT NULL,
    key TEXT NOT NULL,
    PRIMARY KEY (key, person_id)
);
INSERT INTO name_keys_rowid (client_id, person_id, key)
SELECT client_id, person_id, key FROM name_keys;
DROP TABLE name_keys;
ALTER TABLE name_keys_rowid RENAME TO name_keys;
CREATE INDEX name_keys_client ON name_keys (client_id);

DROP TRIGGER clients_nationalities_updated;
DROP TRIGGER clients_nationalities_inserted;
DROP TABLE client_nationalities;
DROP INDEX cases_open_updated;
DROP INDEX case_deadlines_next;
