-- I-589 item A.I.25 (issue 16): the applicant speaks no language fluently but their native
-- one, the form's NONE, which the list of languages alone cannot say (an empty list is a
-- question not asked yet). Cases saved before this version read with the box unticked.
ALTER TABLE applicant_details ADD COLUMN no_other_languages BOOLEAN NOT NULL DEFAULT 0;
