DROP TABLE staff_access;
ALTER TABLE sessions DROP COLUMN previous_sign_in_address;
ALTER TABLE sessions DROP COLUMN previous_sign_in_at;
ALTER TABLE sessions DROP COLUMN address;
ALTER TABLE sessions DROP COLUMN user_agent;
