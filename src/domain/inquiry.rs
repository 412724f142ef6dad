//! A public inquiry: what a person asking the office for help types into `/inquiry`, and
//! how urgent it is for triage.
//!
//! `InquiryForm` holds what was typed, as text, so that a form with problems comes back
//! with every entry intact; `InquiryForm::parse` turns it into an [`Inquiry`] or the list
//! of problems, each named by its field. [`urgency`] and [`triage_key`] order the queue.

use std::cmp::Ordering;

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use super::codes;
use super::deadlines::{days_remaining, one_year_filing_deadline};
use super::intake::{DATE_TOO_EARLY, parse_date};
use super::text;
use crate::error::{FieldErrors, Message};
use crate::i18n::Language;

/// Longest name or contact line accepted.
pub const MAX_LINE: usize = 200;
/// Longest short account accepted: a few paragraphs, not the whole story.
pub const MAX_ACCOUNT: usize = 4_000;
/// Most family members travelling with the person that the form accepts.
pub const MAX_FAMILY: i32 = 30;

/// Days before the one-year deadline from which an inquiry is urgent.
pub const ONE_YEAR_WARNING_DAYS: i64 = 60;
/// Days before a court hearing from which an inquiry is urgent.
pub const HEARING_WARNING_DAYS: i64 = 30;

/// Where the person is now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Whereabouts {
    Mexico,
    UnitedStates,
    Elsewhere,
}

impl Whereabouts {
    pub const ALL: [Whereabouts; 3] = [Self::Mexico, Self::UnitedStates, Self::Elsewhere];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Mexico => "mexico",
            Self::UnitedStates => "united_states",
            Self::Elsewhere => "elsewhere",
        }
    }

    pub fn label_key(self) -> &'static str {
        match self {
            Self::Mexico => "inquiry-whereabouts-mexico",
            Self::UnitedStates => "inquiry-whereabouts-united-states",
            Self::Elsewhere => "inquiry-whereabouts-elsewhere",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|w| w.as_str() == code.trim())
    }
}

/// What the form sent, as typed. Checkboxes are present when ticked; yes/no questions are
/// `yes`, `no` or empty (not answered).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct InquiryForm {
    pub family_name: String,
    pub given_name: String,
    pub native_name: String,
    pub phone: String,
    pub phone_safe: Option<String>,
    pub email: String,
    pub email_safe: Option<String>,
    pub messenger: String,
    pub messenger_safe: Option<String>,
    pub nationality: String,
    pub whereabouts: String,
    pub last_arrival_on: String,
    pub detained: String,
    pub has_hearing: String,
    pub hearing_on: String,
    pub travelling_family: String,
    pub preferred_language: String,
    pub account: String,
    pub consent: Option<String>,
}

/// A checked inquiry: what becomes the client, the case and the inquiry record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Inquiry {
    pub family_name: String,
    pub given_name: String,
    pub native_name: String,
    pub phone: String,
    pub phone_safe: bool,
    pub email: String,
    pub email_safe: bool,
    pub messenger: String,
    pub messenger_safe: bool,
    /// ISO 3166-1 alpha-2.
    pub nationality: String,
    pub whereabouts: Whereabouts,
    /// Only for someone in the United States.
    pub last_arrival_on: Option<NaiveDate>,
    pub detained: bool,
    pub hearing_on: Option<NaiveDate>,
    pub travelling_family: i32,
    /// ISO 639-1.
    pub preferred_language: String,
    pub account: String,
}

fn line(errors: &mut FieldErrors, field: &str, value: &str, required: bool) -> String {
    let value = value.trim();
    if required && value.is_empty() {
        errors.push(field, Message::new("inquiry-error-required"));
    } else if value.chars().count() > MAX_LINE {
        errors.push(
            field,
            Message::new("inquiry-error-too-long").with("max", MAX_LINE),
        );
    } else if text::check_line(value).is_err() || value.chars().any(text::is_bidi_control) {
        errors.push(field, Message::new("inquiry-error-characters"));
    }
    value.to_string()
}

/// The value the form's checkboxes send when ticked (`value="on"`).
pub const TICKED: &str = "on";

/// Whether a checkbox was ticked: it sent its value, not merely its name (`email_safe=`).
pub fn is_ticked(value: &Option<String>) -> bool {
    value.as_deref() == Some(TICKED)
}

fn yes_no(errors: &mut FieldErrors, field: &str, value: &str) -> Option<bool> {
    match value.trim() {
        "yes" => Some(true),
        "no" => Some(false),
        _ => {
            errors.push(field, Message::new("inquiry-error-choose"));
            None
        }
    }
}

/// An email address as people type them: one `@`, something on each side, a dot in the
/// domain, no spaces. Whether it works is for the mail server to say.
fn looks_like_email(value: &str) -> bool {
    let Some((local, domain)) = value.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !value.chars().any(char::is_whitespace)
}

/// A phone number: digits with the usual separators, at least seven digits.
fn looks_like_phone(value: &str) -> bool {
    value
        .chars()
        .all(|c| c.is_ascii_digit() || " +-().".contains(c))
        && value.chars().filter(char::is_ascii_digit).count() >= 7
}

fn date(errors: &mut FieldErrors, field: &str, value: &str) -> Option<NaiveDate> {
    match parse_date(value) {
        Ok(Some(on)) => Some(on),
        Ok(None) => {
            errors.push(field, Message::new("inquiry-error-required"));
            None
        }
        Err(refused) if refused.key == DATE_TOO_EARLY => {
            errors.push(field, Message::new("inquiry-error-date-too-early"));
            None
        }
        Err(_) => {
            errors.push(field, Message::new("inquiry-error-date"));
            None
        }
    }
}

impl InquiryForm {
    /// The form as first shown: the page's language as the preferred one.
    pub fn blank(language: Language) -> Self {
        Self {
            preferred_language: language.code().into(),
            ..Self::default()
        }
    }

    /// Checks every field, collecting every problem; `today` bounds the arrival date.
    pub fn parse(&self, today: NaiveDate) -> Result<Inquiry, FieldErrors> {
        let mut errors = FieldErrors::default();
        let family_name = line(&mut errors, "family_name", &self.family_name, true);
        let given_name = line(&mut errors, "given_name", &self.given_name, true);
        let native_name = line(&mut errors, "native_name", &self.native_name, false);
        let phone = line(&mut errors, "phone", &self.phone, false);
        if !phone.is_empty() && errors.get("phone").is_none() && !looks_like_phone(&phone) {
            errors.push("phone", Message::new("inquiry-error-phone"));
        }
        let email = line(&mut errors, "email", &self.email, false);
        if !email.is_empty() && errors.get("email").is_none() && !looks_like_email(&email) {
            errors.push("email", Message::new("inquiry-error-email"));
        }
        let messenger = line(&mut errors, "messenger", &self.messenger, false);
        if phone.is_empty() && email.is_empty() && messenger.is_empty() {
            errors.push("contact", Message::new("inquiry-error-contact"));
        }
        let nationality = match self.nationality.trim() {
            "" => {
                errors.push("nationality", Message::new("inquiry-error-required"));
                String::new()
            }
            code => match codes::country(code) {
                Ok(code) => code.to_string(),
                Err(_) => {
                    errors.push("nationality", Message::new("inquiry-error-choose"));
                    String::new()
                }
            },
        };
        let whereabouts = Whereabouts::parse(&self.whereabouts);
        if whereabouts.is_none() {
            errors.push("whereabouts", Message::new("inquiry-error-choose"));
        }
        let last_arrival_on = if whereabouts == Some(Whereabouts::UnitedStates) {
            let on = date(&mut errors, "last_arrival_on", &self.last_arrival_on);
            if on.is_some_and(|on| on > today) {
                errors.push("last_arrival_on", Message::new("inquiry-error-future"));
            }
            on
        } else {
            None
        };
        let detained = yes_no(&mut errors, "detained", &self.detained);
        let hearing_on = match yes_no(&mut errors, "has_hearing", &self.has_hearing) {
            Some(true) => date(&mut errors, "hearing_on", &self.hearing_on),
            _ => None,
        };
        let travelling_family = match self.travelling_family.trim() {
            "" => 0,
            typed => match typed.parse::<i32>() {
                Ok(n) if (0..=MAX_FAMILY).contains(&n) => n,
                _ => {
                    errors.push(
                        "travelling_family",
                        Message::new("inquiry-error-family").with("max", MAX_FAMILY),
                    );
                    0
                }
            },
        };
        let preferred_language = match codes::language(&self.preferred_language) {
            Ok(code) => code.to_string(),
            Err(_) => {
                errors.push("preferred_language", Message::new("inquiry-error-choose"));
                String::new()
            }
        };
        let account = self.account.trim().replace("\r\n", "\n");
        if account.chars().count() > MAX_ACCOUNT {
            errors.push(
                "account",
                Message::new("inquiry-error-too-long").with("max", MAX_ACCOUNT),
            );
        } else if text::check_block(&account).is_err() {
            errors.push("account", Message::new("inquiry-error-characters"));
        }
        if !is_ticked(&self.consent) {
            errors.push("consent", Message::new("inquiry-error-consent"));
        }
        match (whereabouts, detained) {
            (Some(whereabouts), Some(detained)) if errors.is_empty() => Ok(Inquiry {
                family_name,
                given_name,
                native_name,
                phone_safe: is_ticked(&self.phone_safe) && !phone.is_empty(),
                phone,
                email_safe: is_ticked(&self.email_safe) && !email.is_empty(),
                email,
                messenger_safe: is_ticked(&self.messenger_safe) && !messenger.is_empty(),
                messenger,
                nationality,
                whereabouts,
                last_arrival_on,
                detained,
                hearing_on,
                travelling_family,
                preferred_language,
                account,
            }),
            _ => Err(errors),
        }
    }
}

/// Why an inquiry is urgent, as the triage row says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum UrgencyReason {
    /// The one-year filing deadline has passed (an exception may still apply).
    OneYearPassed {
        deadline: NaiveDate,
    },
    /// The one-year filing deadline is within [`ONE_YEAR_WARNING_DAYS`].
    OneYearSoon {
        deadline: NaiveDate,
        /// Days from today to the deadline: 0 when it is today.
        days_left: i64,
    },
    Detained,
    /// A court hearing within [`HEARING_WARNING_DAYS`] (or already past).
    HearingSoon {
        on: NaiveDate,
        /// Days from today to the hearing: 0 when it is today, negative once it has passed
        /// (-3: three days ago).
        days_left: i64,
    },
}

impl UrgencyReason {
    /// The rank of the reason in the queue: lower comes first.
    fn rank(self) -> u8 {
        match self {
            Self::OneYearPassed { .. } | Self::OneYearSoon { .. } => 0,
            Self::Detained => 1,
            Self::HearingSoon { .. } => 2,
        }
    }
}

/// Every reason an inquiry is urgent on `today`, most urgent first.
pub fn urgency(
    last_arrival_on: Option<NaiveDate>,
    detained: bool,
    hearing_on: Option<NaiveDate>,
    today: NaiveDate,
) -> Vec<UrgencyReason> {
    let mut reasons = Vec::new();
    if let Some(arrived) = last_arrival_on {
        let deadline = one_year_filing_deadline(arrived);
        let days_left = days_remaining(today, deadline);
        if days_left < 0 {
            reasons.push(UrgencyReason::OneYearPassed { deadline });
        } else if days_left <= ONE_YEAR_WARNING_DAYS {
            reasons.push(UrgencyReason::OneYearSoon {
                deadline,
                days_left,
            });
        }
    }
    if detained {
        reasons.push(UrgencyReason::Detained);
    }
    if let Some(on) = hearing_on {
        let days_left = days_remaining(today, on);
        if days_left <= HEARING_WARNING_DAYS {
            reasons.push(UrgencyReason::HearingSoon { on, days_left });
        }
    }
    reasons
}

/// The queue's order: by the most urgent reason (one-year deadline, then detention, then a
/// hearing; none last), then oldest first.
pub fn triage_order(
    a: (&[UrgencyReason], NaiveDateTime),
    b: (&[UrgencyReason], NaiveDateTime),
) -> Ordering {
    let rank =
        |reasons: &[UrgencyReason]| reasons.iter().map(|r| r.rank()).min().unwrap_or(u8::MAX);
    (rank(a.0), a.1).cmp(&(rank(b.0), b.1))
}

/// The median of the minutes from receipt to first action, over the inquiries acted on
/// (`None` when none was).
pub fn median_minutes_to_action(
    inquiries: &[(NaiveDateTime, Option<NaiveDateTime>)],
) -> Option<i64> {
    let mut minutes: Vec<i64> = inquiries
        .iter()
        .filter_map(|(received, acted)| acted.map(|acted| (acted - *received).num_minutes()))
        .collect();
    minutes.sort_unstable();
    let middle = minutes.len() / 2;
    match minutes.len() {
        0 => None,
        n if n % 2 == 1 => Some(minutes[middle]),
        _ => Some((minutes[middle - 1] + minutes[middle]) / 2),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn today() -> NaiveDate {
        day(2026, 12, 7)
    }

    fn valid() -> InquiryForm {
        InquiryForm {
            family_name: "Shcherbakov".into(),
            given_name: "Yevgeniy".into(),
            native_name: "Щербаков Евгений".into(),
            phone: "+52 664 123 4567".into(),
            phone_safe: Some("on".into()),
            nationality: "ru".into(),
            whereabouts: "united_states".into(),
            last_arrival_on: "2026-01-10".into(),
            detained: "no".into(),
            has_hearing: "no".into(),
            travelling_family: "2".into(),
            preferred_language: "ru".into(),
            consent: Some("on".into()),
            ..InquiryForm::default()
        }
    }

    #[test]
    fn a_complete_form_parses() {
        let inquiry = valid().parse(today()).unwrap();
        assert_eq!(inquiry.nationality, "RU");
        assert_eq!(inquiry.whereabouts, Whereabouts::UnitedStates);
        assert_eq!(inquiry.last_arrival_on, Some(day(2026, 1, 10)));
        assert!(inquiry.phone_safe);
        assert!(!inquiry.email_safe);
        assert_eq!(inquiry.travelling_family, 2);
        assert_eq!(inquiry.hearing_on, None);
    }

    #[test]
    fn every_problem_is_named_by_its_field() {
        let form = InquiryForm {
            email: "not an address".into(),
            travelling_family: "many".into(),
            whereabouts: "united_states".into(),
            last_arrival_on: "2027-01-01".into(),
            has_hearing: "yes".into(),
            account: "x".repeat(MAX_ACCOUNT + 1),
            ..InquiryForm::default()
        };
        let errors = form.parse(today()).unwrap_err();
        for (field, key) in [
            ("family_name", "inquiry-error-required"),
            ("given_name", "inquiry-error-required"),
            ("email", "inquiry-error-email"),
            ("nationality", "inquiry-error-required"),
            ("last_arrival_on", "inquiry-error-future"),
            ("detained", "inquiry-error-choose"),
            ("hearing_on", "inquiry-error-required"),
            ("travelling_family", "inquiry-error-family"),
            ("preferred_language", "inquiry-error-choose"),
            ("account", "inquiry-error-too-long"),
            ("consent", "inquiry-error-consent"),
        ] {
            assert_eq!(errors.get(field).map(|m| m.key), Some(key), "{field}");
        }
    }

    #[test]
    fn some_way_to_reach_the_person_is_required() {
        let form = InquiryForm {
            phone: String::new(),
            ..valid()
        };
        let errors = form.parse(today()).unwrap_err();
        assert_eq!(
            errors.get("contact").map(|m| m.key),
            Some("inquiry-error-contact")
        );
        let by_messenger = InquiryForm {
            phone: String::new(),
            messenger: "Telegram @yevgeniy".into(),
            ..valid()
        };
        assert!(by_messenger.parse(today()).is_ok());
    }

    #[test]
    fn the_arrival_date_is_asked_only_of_someone_in_the_united_states() {
        let form = InquiryForm {
            whereabouts: "mexico".into(),
            last_arrival_on: "garbage".into(),
            ..valid()
        };
        assert_eq!(form.parse(today()).unwrap().last_arrival_on, None);
        let form = InquiryForm {
            last_arrival_on: "garbage".into(),
            ..valid()
        };
        assert_eq!(
            form.parse(today())
                .unwrap_err()
                .get("last_arrival_on")
                .map(|m| m.key),
            Some("inquiry-error-date")
        );
    }

    #[test]
    fn a_safe_mark_without_the_channel_means_nothing() {
        let form = InquiryForm {
            email_safe: Some("on".into()),
            ..valid()
        };
        assert!(!form.parse(today()).unwrap().email_safe);
    }

    #[test]
    fn only_the_value_a_checkbox_sends_is_a_tick() {
        let form = InquiryForm {
            phone_safe: Some(String::new()),
            ..valid()
        };
        assert!(!form.parse(today()).unwrap().phone_safe);
        let form = InquiryForm {
            consent: Some(String::new()),
            ..valid()
        };
        let errors = form.parse(today()).unwrap_err();
        assert!(errors.get("consent").is_some());
    }

    #[test]
    fn a_date_before_1900_is_refused() {
        for arrival in ["0001-01-01", "-0001-01-01", "1899-12-31"] {
            let form = InquiryForm {
                last_arrival_on: arrival.into(),
                ..valid()
            };
            let errors = form.parse(today()).unwrap_err();
            assert_eq!(
                errors.get("last_arrival_on").map(|m| m.key),
                Some("inquiry-error-date-too-early"),
                "{arrival}"
            );
        }
        let form = InquiryForm {
            last_arrival_on: "1900-01-01".into(),
            ..valid()
        };
        assert!(form.parse(today()).is_ok());
    }

    #[test]
    fn a_name_with_a_direction_override_is_refused() {
        let form = InquiryForm {
            given_name: "Yevgeniy\u{202E}".into(),
            ..valid()
        };
        let errors = form.parse(today()).unwrap_err();
        assert_eq!(
            errors.get("given_name").map(|m| m.key),
            Some("inquiry-error-characters")
        );
    }

    #[test]
    fn contacts_are_checked_for_shape() {
        assert!(looks_like_email("yulia@example.org"));
        assert!(!looks_like_email("yulia@example"));
        assert!(!looks_like_email("yulia example@example.org"));
        assert!(!looks_like_email("a@b@c.org"));
        assert!(looks_like_phone("+1 (619) 555-0100"));
        assert!(!looks_like_phone("12345"));
        assert!(!looks_like_phone("call me maybe 1234567"));
    }

    #[test]
    fn urgency_names_each_reason() {
        // Arrived 2025-12-20: the deadline is 2026-12-21 (a Monday), 14 days away.
        let soon = urgency(Some(day(2025, 12, 20)), false, None, today());
        assert_eq!(
            soon,
            vec![UrgencyReason::OneYearSoon {
                deadline: day(2026, 12, 21),
                days_left: 14
            }]
        );
        let passed = urgency(
            Some(day(2025, 11, 1)),
            true,
            Some(day(2026, 12, 30)),
            today(),
        );
        assert_eq!(
            passed,
            vec![
                UrgencyReason::OneYearPassed {
                    deadline: day(2026, 11, 2)
                },
                UrgencyReason::Detained,
                UrgencyReason::HearingSoon {
                    on: day(2026, 12, 30),
                    days_left: 23
                }
            ]
        );
        // 63 days before the deadline and a hearing 31 days away: not urgent yet; 60 days
        // before it is.
        assert!(urgency(Some(day(2026, 2, 8)), false, Some(day(2027, 1, 7)), today()).is_empty());
        assert_eq!(
            urgency(Some(day(2026, 2, 5)), false, None, today()).len(),
            1
        );
    }

    #[test]
    fn the_median_counts_only_inquiries_acted_on() {
        let at = |h: u32, m: u32| day(2026, 12, 7).and_hms_opt(h, m, 0).unwrap();
        assert_eq!(median_minutes_to_action(&[]), None);
        assert_eq!(median_minutes_to_action(&[(at(9, 0), None)]), None);
        let three = [
            (at(9, 0), Some(at(9, 30))),
            (at(9, 0), Some(at(11, 0))),
            (at(9, 0), None),
            (at(9, 0), Some(at(9, 10))),
        ];
        assert_eq!(median_minutes_to_action(&three), Some(30));
        let four = [
            (at(9, 0), Some(at(9, 10))),
            (at(9, 0), Some(at(9, 30))),
            (at(9, 0), Some(at(10, 0))),
            (at(9, 0), Some(at(12, 0))),
        ];
        assert_eq!(median_minutes_to_action(&four), Some(45));
    }

    #[test]
    fn the_queue_puts_the_deadline_first_then_detention_then_hearings_then_age() {
        let at = |d: u32| day(2026, 12, d).and_hms_opt(9, 0, 0).unwrap();
        let one_year = urgency(Some(day(2025, 12, 20)), false, None, today());
        let detained = urgency(None, true, None, today());
        let hearing = urgency(None, false, Some(day(2026, 12, 10)), today());
        let none: Vec<UrgencyReason> = Vec::new();
        let mut queue = [
            ("old, not urgent", &none, at(1)),
            ("hearing", &hearing, at(2)),
            ("newer, not urgent", &none, at(3)),
            ("detained", &detained, at(5)),
            ("one year", &one_year, at(6)),
        ];
        queue.sort_by(|a, b| triage_order((a.1, a.2), (b.1, b.2)));
        let order: Vec<&str> = queue.iter().map(|q| q.0).collect();
        assert_eq!(
            order,
            [
                "one year",
                "detained",
                "hearing",
                "old, not urgent",
                "newer, not urgent"
            ]
        );
    }
}
