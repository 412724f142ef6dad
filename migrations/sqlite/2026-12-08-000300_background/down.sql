DROP TABLE background_answers;
DROP TABLE background_relatives;
DROP TABLE background_jobs;
DROP TABLE background_schools;
DROP TABLE background_addresses;
