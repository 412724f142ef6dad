DROP TABLE us_entries;
DROP TABLE applicant_details;
