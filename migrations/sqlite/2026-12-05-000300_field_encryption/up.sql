-- Field encryption (issue 14): the A-number is stored sealed in clients.a_number and found
-- through a keyed blind index (HMAC-SHA256 of its nine digits under a key derived from the
-- data key). SQL cannot encrypt: rows written before this version are sealed and indexed by
-- the application (`refuge migrate`, the server's start, `refuge keys rotate --resume`).
ALTER TABLE clients ADD COLUMN a_number_index TEXT;
CREATE INDEX clients_a_number_index ON clients (a_number_index);
-- The index over the plaintext number finds nothing among sealed values.
DROP INDEX clients_a_number;
