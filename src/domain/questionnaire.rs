//! Questionnaire links: a client fills in the intake themselves, a step at a time, under a
//! link a lawyer made from the case. Which fields each step asks (the intake's field paths,
//! without the claim and the fields only staff decide), and what state a link is in.

use chrono::{Duration, NaiveDateTime};

/// How long a link works after it is made.
pub const VALID_FOR: Duration = Duration::days(7);

/// The pages of the questionnaire, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    About,
    Family,
    Journey,
    Entry,
    Events,
    /// Everything answered, to check and send.
    Check,
}

/// What the client is asked about themselves: the intake's client fields but the
/// immigration status, a legal judgement staff make.
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
const FAMILY_ANSWERS: &[&str] = &["children.none"];

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

impl Step {
    pub const ALL: [Step; 6] = [
        Self::About,
        Self::Family,
        Self::Journey,
        Self::Entry,
        Self::Events,
        Self::Check,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::About => "about",
            Self::Family => "family",
            Self::Journey => "journey",
            Self::Entry => "entry",
            Self::Events => "events",
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
            Self::Journey => "questionnaire-step-journey",
            Self::Entry => "questionnaire-step-entry",
            Self::Events => "questionnaire-step-events",
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

    /// The repeated section of the intake whose rows this step asks for.
    pub fn section(self) -> Option<&'static str> {
        match self {
            Self::Family => Some("family"),
            Self::Journey => Some("journey"),
            Self::Events => Some("persecution"),
            _ => None,
        }
    }

    /// The fields of the step (`client.sex`), or of each of its rows (`relationship`).
    pub fn fields(self) -> &'static [&'static str] {
        match self {
            Self::About => ABOUT,
            Self::Entry => ENTRY,
            Self::Family => FAMILY_ROW,
            Self::Journey => JOURNEY_ROW,
            Self::Events => EVENT_ROW,
            Self::Check => &[],
        }
    }

    /// Whether the step asks for the field at `path` (`client.sex`, `family.2.notes`; a
    /// row's placeholder `family.2.row` belongs to its step too).
    pub fn asks(self, path: &str) -> bool {
        match self.section() {
            None => self.fields().contains(&path),
            Some(_) if self == Self::Family && FAMILY_ANSWERS.contains(&path) => true,
            Some(section) => {
                let mut parts = path.split('.');
                parts.next() == Some(section)
                    && parts.next().is_some_and(|i| i.parse::<usize>().is_ok())
                    && parts
                        .next()
                        .is_some_and(|name| name == "row" || self.fields().contains(&name))
                    && parts.next().is_none()
            }
        }
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
        assert_eq!(Step::Events.next(), Some(Step::Check));
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
        for staff_only in [
            "claim.kind",
            "claim.lawyer_id",
            "claim.paralegal_id",
            "client.immigration_status",
            "family.0.derivative",
            "family.x.given_name",
            "family.0.given_name.extra",
            "csrf_token",
        ] {
            assert_eq!(Step::of(staff_only), None, "{staff_only}");
        }
    }

    #[test]
    fn every_field_asked_is_an_intake_field_with_a_label() {
        for step in Step::ALL {
            for field in step.fields() {
                let path = match step.section() {
                    Some(section) => format!("{section}.{field}"),
                    None => (*field).to_string(),
                };
                assert!(
                    FIELD_LABELS.iter().any(|(known, _)| *known == path),
                    "{path}"
                );
            }
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
