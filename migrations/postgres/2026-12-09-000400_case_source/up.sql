-- Where a case came from: `web_form` for the public inquiry form, `staff` otherwise. A new
-- inquiry from the form (stage `inquiry`, unassigned) is read only by those who triage.
ALTER TABLE cases ADD COLUMN source TEXT NOT NULL DEFAULT 'staff';
UPDATE cases SET source = 'web_form' WHERE id IN (SELECT case_id FROM inquiries);
