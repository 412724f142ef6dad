DROP INDEX clients_a_number_index;
ALTER TABLE clients DROP COLUMN a_number_index;
CREATE INDEX clients_a_number ON clients (a_number);
