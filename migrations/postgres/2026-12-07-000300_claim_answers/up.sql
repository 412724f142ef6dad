-- I-589 Parts B and C (issue 16): the grounds claimed and each yes/no question with its
-- explanation, one row per client beside client_entries. A NULL answer is a question not
-- answered yet: cases opened before this version have no row and read as all unanswered.
-- The explanations are sealed by the application (`Sealed` in schema.rs).
CREATE TABLE claim_answers (
    client_id UUID PRIMARY KEY REFERENCES clients (id) ON DELETE CASCADE,
    -- Comma-separated codes: race, religion, nationality, political_opinion,
    -- social_group, torture.
    grounds TEXT NOT NULL,
    past_harm BOOLEAN,
    past_harm_explanation TEXT NOT NULL,
    fear_of_harm BOOLEAN,
    fear_of_harm_explanation TEXT NOT NULL,
    arrested_abroad BOOLEAN,
    arrested_abroad_explanation TEXT NOT NULL,
    organizations BOOLEAN,
    organizations_explanation TEXT NOT NULL,
    continued_participation BOOLEAN,
    continued_participation_explanation TEXT NOT NULL,
    fear_of_torture BOOLEAN,
    fear_of_torture_explanation TEXT NOT NULL,
    earlier_applications BOOLEAN,
    earlier_applications_explanation TEXT NOT NULL,
    other_countries BOOLEAN,
    other_countries_explanation TEXT NOT NULL,
    status_elsewhere BOOLEAN,
    status_elsewhere_explanation TEXT NOT NULL,
    harmed_others BOOLEAN,
    harmed_others_explanation TEXT NOT NULL,
    returned BOOLEAN,
    returned_explanation TEXT NOT NULL,
    filed_after_one_year BOOLEAN,
    filed_after_one_year_explanation TEXT NOT NULL,
    crimes_in_us BOOLEAN,
    crimes_in_us_explanation TEXT NOT NULL
);
