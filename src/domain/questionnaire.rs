//! Questionnaire links: a client fills in the intake themselves, a step at a time, under a
//! link a lawyer made from the case. Which fields each step asks (the intake's field paths,
//! without the claim and the fields only staff decide), and what state a link is in.

use chrono::{Duration, NaiveDateTime};

use super::intake;

/// How long a link works after it is made.
pub const VALID_FOR: Duration = Duration::days(7);

/// The pages of the questionnaire, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    About,
    Family,
    /// I-589 Part A.III: addresses, schools, jobs, parents and siblings.
    Background,
    Journey,
    Entry,
    Events,
    /// I-589 Parts B and C: the yes/no questions with their explanations.
    Questions,
    /// Everything answered, to check and send.
    Check,
}

/// What the client is asked about themselves: the intake's client fields but the
/// immigration status, a legal judgement staff make; and the rest of I-589 Part A.I. Court
/// proceedings (item 18) is asked: the form words it as the applicant's own fact ("I have
/// never been in Immigration Court proceedings"), and the lawyer reviews the answer.
const ABOUT: &[&str] = &[
    "client.family_name",
    "client.given_name",
    "client.middle_name",
    "client.native_name",
    "client.other_names",
    "client.date_of_birth",
    "client.sex",
    "client.country_of_birth",
    "client.nationalities",
    "client.languages",
    "client.interpreter_needed",
    "client.a_number",
    "client.passport_numbers",
    "client.passport_expiry",
    "client.phone",
    "client.phone_safe",
    "client.email",
    "client.email_safe",
    "client.messenger",
    "client.messenger_safe",
    "client.us_address",
    "client.address_safe",
    // I-589 Part A.I.
    "applicant.ssn",
    "applicant.uscis_account_number",
    "applicant.mailing_same_as_residence",
    "applicant.mailing_in_care_of",
    "applicant.mailing_phone",
    "applicant.mailing_street",
    "applicant.mailing_apartment",
    "applicant.mailing_city",
    "applicant.mailing_state",
    "applicant.mailing_zip",
    "applicant.marital_status",
    "applicant.city_of_birth",
    "applicant.nationality_at_birth",
    "applicant.ethnic_group",
    "applicant.religion",
    "applicant.court_proceedings",
    "applicant.left_home_country_on",
    "applicant.travel_document_country",
    "applicant.native_language",
    "applicant.native_dialect",
    "applicant.fluent_in_english",
    "applicant.no_other_languages",
];

const ENTRY: &[&str] = &[
    "entry.last_arrival_on",
    "entry.port_of_entry",
    "entry.manner_of_entry",
    "entry.i94_number",
    "entry.class_of_admission",
    "entry.parole_expires_on",
];

/// Each family member's fields but `derivative`: whether to include them in the
/// application is the lawyer's decision.
const FAMILY_ROW: &[&str] = &[
    "relationship",
    "family_name",
    "given_name",
    "native_name",
    "date_of_birth",
    "marital_status",
    "in_us",
    "safe_to_contact",
    "notes",
    // I-589 Part A.II (the spouse's and children's items).
    "middle_name",
    "other_names",
    "sex",
    "a_number",
    "passport_number",
    "ssn",
    "city_of_birth",
    "country_of_birth",
    "nationality",
    "ethnic_group",
    "married_on",
    "marriage_place",
    "location",
    "last_entry_place",
    "last_entry_on",
    "i94_number",
    "status_when_admitted",
    "current_status",
    "status_expires_on",
    "in_court_proceedings",
    "previous_arrival_on",
];

/// The family step's answers beside its rows: Part A.II's "I do not have any children".
const FAMILY: &[&str] = &["children.none"];

/// Every entry into the US (I-589 item 19c), a row each.
const US_ENTRY_ROW: &[&str] = &["arrived_on", "place", "status", "status_expires_on"];

/// I-589 Part A.III beside its lists: the last addresses abroad, the parents, and the boxes
/// that say a list has nothing to hold.
const BACKGROUND: &[&str] = &[
    "background.last_address.street",
    "background.last_address.city",
    "background.last_address.province",
    "background.last_address.country",
    "background.last_address.from",
    "background.last_address.to",
    "background.last_address.to_present",
    "background.feared_country_same",
    "background.feared_country_address.street",
    "background.feared_country_address.city",
    "background.feared_country_address.province",
    "background.feared_country_address.country",
    "background.feared_country_address.from",
    "background.feared_country_address.to",
    "background.feared_country_address.to_present",
    "background.no_schooling",
    "background.no_employment",
    "background.mother.full_name",
    "background.mother.birth_city",
    "background.mother.birth_country",
    "background.mother.location",
    "background.mother.deceased",
    "background.father.full_name",
    "background.father.birth_city",
    "background.father.birth_country",
    "background.father.location",
    "background.father.deceased",
    "background.no_siblings",
];

const ADDRESS_ROW: &[&str] = &[
    "street",
    "city",
    "province",
    "country",
    "from",
    "to",
    "to_present",
];
const SCHOOL_ROW: &[&str] = &["name", "kind", "location", "from", "to", "to_present"];
const JOB_ROW: &[&str] = &["employer", "occupation", "from", "to", "to_present"];
const SIBLING_ROW: &[&str] = &[
    "full_name",
    "birth_city",
    "birth_country",
    "location",
    "deceased",
];

const JOURNEY_ROW: &[&str] = &[
    "from_country",
    "from_city",
    "to_country",
    "to_city",
    "departed_on",
    "arrived_on",
    "mode",
    "notes",
];

const EVENT_ROW: &[&str] = &[
    "occurred_on",
    "place",
    "actor",
    "description",
    "detention_days",
    "charges",
    "outcome",
    "evidence",
];

/// I-589 Parts B and C as a client answers them: each question's yes or no and its
/// explanation. Left to staff: the grounds (B.1), which name the legal theory of the
/// claim, and C.5 (filed more than a year after the last arrival), which turns on the
/// filing date and the exceptions the lawyer argues.
pub const QUESTIONS: &[&str] = &[
    "claim_answers.past_harm.answer",
    "claim_answers.past_harm.explanation",
    "claim_answers.fear_of_harm.answer",
    "claim_answers.fear_of_harm.explanation",
    "claim_answers.arrested_abroad.answer",
    "claim_answers.arrested_abroad.explanation",
    "claim_answers.organizations.answer",
    "claim_answers.organizations.explanation",
    "claim_answers.continued_participation.answer",
    "claim_answers.continued_participation.explanation",
    "claim_answers.fear_of_torture.answer",
    "claim_answers.fear_of_torture.explanation",
    "claim_answers.earlier_applications.answer",
    "claim_answers.earlier_applications.explanation",
    "claim_answers.other_countries.answer",
    "claim_answers.other_countries.explanation",
    "claim_answers.status_elsewhere.answer",
    "claim_answers.status_elsewhere.explanation",
    "claim_answers.harmed_others.answer",
    "claim_answers.harmed_others.explanation",
    "claim_answers.returned.answer",
    "claim_answers.returned.explanation",
    "claim_answers.crimes_in_us.answer",
    "claim_answers.crimes_in_us.explanation",
];

/// The fields a client reads in their own words rather than the staff page's (which speaks
/// of "the applicant", or names the form's item): the catalogue key of each.
const CLIENT_LABELS: &[(&str, &str)] = &[
    (
        "applicant.mailing_same_as_residence",
        "questionnaire-mailing-same",
    ),
    (
        "applicant.court_proceedings",
        "questionnaire-court-proceedings",
    ),
    ("applicant.left_home_country_on", "questionnaire-left-home"),
    (
        "applicant.fluent_in_english",
        "questionnaire-fluent-in-english",
    ),
    (
        "applicant.no_other_languages",
        "questionnaire-no-other-languages",
    ),
    (
        "claim_answers.past_harm.answer",
        "questionnaire-q-past-harm",
    ),
    (
        "claim_answers.fear_of_harm.answer",
        "questionnaire-q-fear-of-harm",
    ),
    (
        "claim_answers.arrested_abroad.answer",
        "questionnaire-q-arrested-abroad",
    ),
    (
        "claim_answers.organizations.answer",
        "questionnaire-q-organizations",
    ),
    (
        "claim_answers.continued_participation.answer",
        "questionnaire-q-continued-participation",
    ),
    (
        "claim_answers.fear_of_torture.answer",
        "questionnaire-q-fear-of-torture",
    ),
    (
        "claim_answers.earlier_applications.answer",
        "questionnaire-q-earlier-applications",
    ),
    (
        "claim_answers.other_countries.answer",
        "questionnaire-q-other-countries",
    ),
    (
        "claim_answers.status_elsewhere.answer",
        "questionnaire-q-status-elsewhere",
    ),
    (
        "claim_answers.harmed_others.answer",
        "questionnaire-q-harmed-others",
    ),
    ("claim_answers.returned.answer", "questionnaire-q-returned"),
    (
        "claim_answers.crimes_in_us.answer",
        "questionnaire-q-crimes-in-us",
    ),
];

/// The catalogue key of the label a client reads for the field at `path`: their own
/// wording where the staff page's would not do, else the intake page's label. Every
/// explanation of a question is labelled alike.
pub fn client_label_key(path: &str) -> Option<&'static str> {
    if path.starts_with("claim_answers.") && path.ends_with(".explanation") {
        return Some("questionnaire-q-explanation");
    }
    CLIENT_LABELS
        .iter()
        .find(|(field, _)| *field == path)
        .map(|(_, key)| *key)
        .or_else(|| intake::label_key(path))
}

impl Step {
    pub const ALL: [Step; 8] = [
        Self::About,
        Self::Family,
        Self::Background,
        Self::Journey,
        Self::Entry,
        Self::Events,
        Self::Questions,
        Self::Check,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::About => "about",
            Self::Family => "family",
            Self::Background => "background",
            Self::Journey => "journey",
            Self::Entry => "entry",
            Self::Events => "events",
            Self::Questions => "questions",
            Self::Check => "check",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|step| step.as_str() == code)
    }

    /// Catalogue key of the step's title.
    pub fn label_key(self) -> &'static str {
        match self {
            Self::About => "questionnaire-step-about",
            Self::Family => "questionnaire-step-family",
            Self::Background => "questionnaire-step-background",
            Self::Journey => "questionnaire-step-journey",
            Self::Entry => "questionnaire-step-entry",
            Self::Events => "questionnaire-step-events",
            Self::Questions => "questionnaire-step-questions",
            Self::Check => "questionnaire-step-check",
        }
    }

    /// The step's place, from 1.
    pub fn number(self) -> usize {
        Self::ALL.iter().position(|s| *s == self).unwrap_or(0) + 1
    }

    pub fn next(self) -> Option<Self> {
        Self::ALL.get(self.number()).copied()
    }

    pub fn previous(self) -> Option<Self> {
        self.number()
            .checked_sub(2)
            .and_then(|i| Self::ALL.get(i).copied())
    }

    /// The repeated sections of the intake whose rows this step asks for, each with the
    /// fields of one row (`relationship`).
    pub fn lists(self) -> &'static [(&'static str, &'static [&'static str])] {
        match self {
            Self::Family => &[("family", FAMILY_ROW)],
            Self::Background => &[
                ("residences", ADDRESS_ROW),
                ("schools", SCHOOL_ROW),
                ("jobs", JOB_ROW),
                ("siblings", SIBLING_ROW),
            ],
            Self::Journey => &[("journey", JOURNEY_ROW)],
            Self::Entry => &[("us_entries", US_ENTRY_ROW)],
            Self::Events => &[("persecution", EVENT_ROW)],
            Self::About | Self::Questions | Self::Check => &[],
        }
    }

    /// Whether `section` is one of the step's lists.
    pub fn has_list(self, section: &str) -> bool {
        self.lists().iter().any(|(known, _)| *known == section)
    }

    /// The fields the step asks once (`client.sex`), beside its lists' rows.
    pub fn fields(self) -> &'static [&'static str] {
        match self {
            Self::About => ABOUT,
            Self::Family => FAMILY,
            Self::Background => BACKGROUND,
            Self::Entry => ENTRY,
            Self::Questions => QUESTIONS,
            Self::Journey | Self::Events | Self::Check => &[],
        }
    }

    /// Whether the step asks for the field at `path` (`client.sex`, `family.2.notes`; a
    /// row's placeholder `family.2.row` belongs to its step too).
    pub fn asks(self, path: &str) -> bool {
        if self.fields().contains(&path) {
            return true;
        }
        let mut parts = path.split('.');
        let (Some(section), Some(index), Some(name), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return false;
        };
        index.parse::<usize>().is_ok()
            && self
                .lists()
                .iter()
                .any(|(known, row)| *known == section && (name == "row" || row.contains(&name)))
    }

    /// The step that asks for the field at `path`; none for a field a client is not asked.
    pub fn of(path: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|step| step.asks(path))
    }
}

/// Where a link stands, as the case's list shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkState {
    /// It works: the client may fill in, save and send.
    Open,
    Submitted,
    Expired,
    Revoked,
}

impl LinkState {
    /// Sent answers stay sent; a link is revoked only while it is open, so a revoked one
    /// says so after its date too.
    pub fn of(
        expires_at: NaiveDateTime,
        revoked_at: Option<NaiveDateTime>,
        submitted_at: Option<NaiveDateTime>,
        now: NaiveDateTime,
    ) -> Self {
        if submitted_at.is_some() {
            Self::Submitted
        } else if revoked_at.is_some() {
            Self::Revoked
        } else if expires_at <= now {
            Self::Expired
        } else {
            Self::Open
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Open => "open",
            Self::Submitted => "submitted",
            Self::Expired => "expired",
            Self::Revoked => "revoked",
        }
    }

    pub fn label_key(self) -> &'static str {
        match self {
            Self::Open => "questionnaire-state-open",
            Self::Submitted => "questionnaire-state-submitted",
            Self::Expired => "questionnaire-state-expired",
            Self::Revoked => "questionnaire-state-revoked",
        }
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::domain::intake::FIELD_LABELS;

    #[test]
    fn steps_run_in_order() {
        assert_eq!(Step::About.next(), Some(Step::Family));
        assert_eq!(Step::Family.next(), Some(Step::Background));
        assert_eq!(Step::Background.next(), Some(Step::Journey));
        assert_eq!(Step::Events.next(), Some(Step::Questions));
        assert_eq!(Step::Questions.next(), Some(Step::Check));
        assert_eq!(Step::Check.next(), None);
        assert_eq!(Step::About.previous(), None);
        assert_eq!(Step::Family.previous(), Some(Step::About));
        for step in Step::ALL {
            assert_eq!(Step::parse(step.as_str()), Some(step));
        }
        assert_eq!(Step::parse("claim"), None);
    }

    #[test]
    fn a_client_is_asked_no_claim_nor_staff_decision() {
        assert_eq!(Step::of("client.family_name"), Some(Step::About));
        assert_eq!(Step::of("family.3.given_name"), Some(Step::Family));
        assert_eq!(Step::of("family.3.row"), Some(Step::Family));
        assert_eq!(Step::of("persecution.0.description"), Some(Step::Events));
        assert_eq!(Step::of("journey.1.mode"), Some(Step::Journey));
        assert_eq!(Step::of("entry.i94_number"), Some(Step::Entry));
        assert_eq!(Step::of("applicant.religion"), Some(Step::About));
        assert_eq!(Step::of("applicant.court_proceedings"), Some(Step::About));
        assert_eq!(Step::of("us_entries.0.place"), Some(Step::Entry));
        assert_eq!(Step::of("us_entries.2.row"), Some(Step::Entry));
        assert_eq!(Step::of("children.none"), Some(Step::Family));
        assert_eq!(
            Step::of("background.feared_country_same"),
            Some(Step::Background)
        );
        assert_eq!(Step::of("residences.1.to_present"), Some(Step::Background));
        assert_eq!(Step::of("siblings.0.deceased"), Some(Step::Background));
        assert_eq!(Step::of("schools.0.row"), Some(Step::Background));
        assert_eq!(
            Step::of("claim_answers.returned.explanation"),
            Some(Step::Questions)
        );
        assert_eq!(
            Step::of("claim_answers.crimes_in_us.answer"),
            Some(Step::Questions)
        );
        for staff_only in [
            "claim.kind",
            "claim.lawyer_id",
            "claim.paralegal_id",
            "client.immigration_status",
            "family.0.derivative",
            "family.x.given_name",
            "family.0.given_name.extra",
            "csrf_token",
            // Legal judgements: the grounds of the claim, and whether it is filed late.
            "claim_answers.grounds",
            "claim_answers.filed_after_one_year.answer",
            "claim_answers.filed_after_one_year.explanation",
            // A row's field under another list's name.
            "us_entries.0.relationship",
            "residences.0.employer",
        ] {
            assert_eq!(Step::of(staff_only), None, "{staff_only}");
        }
    }

    #[test]
    fn every_field_asked_is_an_intake_field_with_a_label() {
        let labelled = |path: &str| {
            assert!(
                FIELD_LABELS.iter().any(|(known, _)| *known == path),
                "{path}"
            );
            assert!(client_label_key(path).is_some(), "{path}");
        };
        for step in Step::ALL {
            for field in step.fields() {
                labelled(field);
            }
            for (section, row) in step.lists() {
                for field in *row {
                    labelled(&format!("{section}.{field}"));
                }
            }
        }
        for (field, _) in CLIENT_LABELS {
            assert!(Step::of(field).is_some(), "{field} is asked");
        }
    }

    #[test]
    fn a_link_is_open_until_sent_revoked_or_expired() {
        let at = |day: u32| {
            NaiveDate::from_ymd_opt(2026, 12, day)
                .and_then(|d| d.and_hms_opt(12, 0, 0))
                .unwrap_or_default()
        };
        let expires = at(8);
        assert_eq!(LinkState::of(expires, None, None, at(7)), LinkState::Open);
        assert_eq!(
            LinkState::of(expires, None, None, at(8)),
            LinkState::Expired
        );
        assert_eq!(
            LinkState::of(expires, Some(at(2)), None, at(9)),
            LinkState::Revoked
        );
        assert_eq!(
            LinkState::of(expires, None, Some(at(3)), at(9)),
            LinkState::Submitted
        );
    }
}
