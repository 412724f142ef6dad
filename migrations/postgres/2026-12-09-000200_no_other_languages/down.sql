ALTER TABLE applicant_details DROP COLUMN no_other_languages;
