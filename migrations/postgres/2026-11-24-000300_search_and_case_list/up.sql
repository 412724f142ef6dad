-- Indexes for the search box, the conflict check and the case list at office scale
-- (100,000 clients). name_keys (key, person_id), cases (stage | lawyer | paralegal | kind |
-- updated_at), case_deadlines (kind, due_on) and (case_id, due_on) already exist.

-- The conflict check looks for people born on the subject's birthday (clients have theirs).
CREATE INDEX family_members_date_of_birth ON family_members (date_of_birth);

-- "Hearing within N days": scheduled events of the hearing kinds in a date window.
CREATE INDEX case_events_kind_scheduled ON case_events (kind, scheduled_at);
