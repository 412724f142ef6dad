DROP INDEX name_keys_key_client;
DROP TRIGGER clients_nationalities ON clients;
DROP FUNCTION refresh_client_nationalities();
DROP TABLE client_nationalities;
DROP INDEX cases_open_updated;
DROP INDEX case_deadlines_next;
