//! Part A.I of the I-589 beyond what the client's details already hold: the numbers (SSN,
//! USCIS online account), the mailing address, marital status, city of birth, nationality at
//! birth, ethnic group, religion, court proceedings, the date the applicant left their
//! country, every entry into the US, the travel document's issuing country, the native
//! language, English fluency and that no other language is spoken (item 25's NONE). Each
//! field names its item number in its doc comment.
//!
//! Where the form takes "NONE" (no SSN, no online account) the typed NONE is the answer; an
//! empty text is a box not filled yet. A yes/no is an [`Answer`], never a bare bool, so that
//! "no" is told from "not asked yet".

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::claim_answers::Answer;
use super::codes::{self, MaritalStatus, vocabulary};
use crate::error::{FieldErrors, Message};

vocabulary!(
    /// Item 18: whether the applicant has ever been in immigration court proceedings.
    CourtProceedings, "proceedings", "validation-choice" {
        Never => "never",
        Now => "now",
        Past => "past",
    }
);

/// What the I-589 writes where there is no number: the form's own word.
pub const NONE: &str = "NONE";

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields, default)]
pub struct ApplicantDetails {
    /// Item 2: U.S. Social Security Number, nine digits, or "NONE".
    pub ssn: String,
    /// Item 3: USCIS online account number, twelve digits, or "NONE".
    pub uscis_account_number: String,
    /// Item 9: whether mail goes to the residence (`client.us_address`); "no" asks for the
    /// mailing address below.
    pub mailing_same_as_residence: Answer,
    /// Item 9: in care of.
    pub mailing_in_care_of: String,
    /// Item 9: telephone at the mailing address.
    pub mailing_phone: String,
    /// Item 9: street number and name.
    pub mailing_street: String,
    /// Item 9: apartment number.
    pub mailing_apartment: String,
    pub mailing_city: String,
    pub mailing_state: String,
    /// Item 9: ZIP code (five digits, or ZIP+4).
    pub mailing_zip: String,
    /// Item 11.
    pub marital_status: Option<MaritalStatus>,
    /// Item 13: the city (the country is `client.country_of_birth`).
    pub city_of_birth: String,
    /// Item 15: ISO 3166-1 alpha-2.
    pub nationality_at_birth: Option<String>,
    /// Item 16: race, ethnic or tribal group.
    pub ethnic_group: String,
    /// Item 17.
    pub religion: String,
    /// Item 18.
    pub court_proceedings: Option<CourtProceedings>,
    /// Item 19a: when the applicant last left their country.
    pub left_home_country_on: Option<NaiveDate>,
    /// Item 20: the country that issued the last passport or travel document (ISO 3166-1
    /// alpha-2).
    pub travel_document_country: Option<String>,
    /// Item 23: native language (ISO 639-1).
    pub native_language: Option<String>,
    /// Item 23: its dialect, if any.
    pub native_dialect: String,
    /// Item 24.
    pub fluent_in_english: Answer,
    /// Item 25: no other language spoken fluently, the form's NONE (the languages are
    /// `client.languages`; an empty list alone is a question not asked yet).
    pub no_other_languages: bool,
}

/// Item 19c: one entry into the United States. The list runs most recent first.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields, default)]
pub struct UsEntry {
    pub arrived_on: Option<NaiveDate>,
    /// Port or place of entry.
    pub place: String,
    /// Status at entry (B-2, parole, EWI…).
    pub status: String,
    /// When that status expires, if it does.
    pub status_expires_on: Option<NaiveDate>,
}

/// The digits of a number typed with spaces or dashes, or `None` if anything else is in it.
fn digits(typed: &str) -> Option<String> {
    let kept: String = typed.chars().filter(|c| !matches!(c, ' ' | '-')).collect();
    kept.chars().all(|c| c.is_ascii_digit()).then_some(kept)
}

fn is_none_word(typed: &str) -> bool {
    matches!(typed.trim().to_ascii_uppercase().as_str(), "NONE" | "N/A")
}

/// A Social Security Number as nine digits, or "NONE". Numbers the SSA never issues (area
/// 000, 666 or 900–999, group 00, serial 0000) are refused: they are typing mistakes.
pub fn ssn(typed: &str) -> Result<String, Message> {
    let typed = typed.trim();
    if typed.is_empty() {
        return Ok(String::new());
    }
    if is_none_word(typed) {
        return Ok(NONE.into());
    }
    let invalid = || Message::new("validation-ssn");
    let number = digits(typed).filter(|d| d.len() == 9).ok_or_else(invalid)?;
    let (area, group, serial) = (&number[..3], &number[3..5], &number[5..]);
    if area == "000" || area == "666" || area.starts_with('9') || group == "00" || serial == "0000"
    {
        return Err(invalid());
    }
    Ok(number)
}

/// A USCIS online account number as twelve digits, or "NONE".
pub fn uscis_account_number(typed: &str) -> Result<String, Message> {
    let typed = typed.trim();
    if typed.is_empty() {
        return Ok(String::new());
    }
    if is_none_word(typed) {
        return Ok(NONE.into());
    }
    digits(typed)
        .filter(|d| d.len() == 12)
        .ok_or_else(|| Message::new("validation-uscis-account"))
}

/// A ZIP code: five digits, or ZIP+4 (`12345-6789`).
pub fn zip(typed: &str) -> Result<String, Message> {
    let typed = typed.trim();
    let valid = match typed.split_once('-') {
        None => typed.len() == 5,
        Some((five, four)) => five.len() == 5 && four.len() == 4,
    } && typed.chars().all(|c| c.is_ascii_digit() || c == '-');
    if typed.is_empty() || valid {
        Ok(typed.to_string())
    } else {
        Err(Message::new("validation-zip"))
    }
}

/// An SSN as the form prints it (`123-45-6789`); "NONE" and anything else as it is.
pub fn ssn_shown(stored: &str) -> String {
    if stored.len() == 9 && stored.chars().all(|c| c.is_ascii_digit()) {
        format!("{}-{}-{}", &stored[..3], &stored[3..5], &stored[5..])
    } else {
        stored.to_string()
    }
}

/// Text fields of Part A.I: (field name, length cap).
const TEXTS: [(&str, usize); 10] = [
    ("mailing_in_care_of", super::intake::MAX_LINE),
    ("mailing_phone", super::intake::MAX_LINE),
    ("mailing_street", super::intake::MAX_LINE),
    ("mailing_apartment", super::intake::MAX_LINE),
    ("mailing_city", super::intake::MAX_LINE),
    ("mailing_state", super::intake::MAX_LINE),
    ("city_of_birth", super::intake::MAX_LINE),
    ("ethnic_group", super::intake::MAX_LINE),
    ("religion", super::intake::MAX_LINE),
    ("native_dialect", super::intake::MAX_LINE),
];

impl ApplicantDetails {
    fn text_mut(&mut self, name: &str) -> Option<&mut String> {
        Some(match name {
            "mailing_in_care_of" => &mut self.mailing_in_care_of,
            "mailing_phone" => &mut self.mailing_phone,
            "mailing_street" => &mut self.mailing_street,
            "mailing_apartment" => &mut self.mailing_apartment,
            "mailing_city" => &mut self.mailing_city,
            "mailing_state" => &mut self.mailing_state,
            "city_of_birth" => &mut self.city_of_birth,
            "ethnic_group" => &mut self.ethnic_group,
            "religion" => &mut self.religion,
            "native_dialect" => &mut self.native_dialect,
            _ => return None,
        })
    }

    /// Whether any line of a separate mailing address was typed.
    pub fn has_mailing_address(&self) -> bool {
        [
            &self.mailing_in_care_of,
            &self.mailing_phone,
            &self.mailing_street,
            &self.mailing_apartment,
            &self.mailing_city,
            &self.mailing_state,
            &self.mailing_zip,
        ]
        .iter()
        .any(|line| !line.is_empty())
    }

    /// Normalizes and checks Part A.I, naming each problem at `applicant.<field>`. `text`
    /// is the intake's own text check (trim, cap, no control characters).
    pub(crate) fn check(
        &mut self,
        errors: &mut FieldErrors,
        completing: bool,
        today: NaiveDate,
        text: impl Fn(&mut FieldErrors, &str, &str, usize) -> String,
    ) {
        let f = |name: &str| format!("applicant.{name}");
        for (name, max) in TEXTS {
            if let Some(value) = self.text_mut(name) {
                *value = text(errors, &f(name), value, max);
            }
        }
        self.ssn = errors.check(f("ssn"), ssn(&self.ssn)).unwrap_or_default();
        self.uscis_account_number = errors
            .check(
                f("uscis_account_number"),
                uscis_account_number(&self.uscis_account_number),
            )
            .unwrap_or_default();
        self.mailing_zip = errors
            .check(f("mailing_zip"), zip(&self.mailing_zip))
            .unwrap_or_default();
        for (name, code) in [
            ("nationality_at_birth", &mut self.nationality_at_birth),
            ("travel_document_country", &mut self.travel_document_country),
        ] {
            *code = match code.as_deref().map(str::trim) {
                None | Some("") => None,
                Some(raw) => errors
                    .check(f(name), codes::country(raw))
                    .map(str::to_string),
            };
        }
        self.native_language = match self.native_language.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(raw) => errors
                .check(f("native_language"), codes::language(raw))
                .map(str::to_string),
        };
        if self.left_home_country_on.is_some_and(|d| d > today) {
            errors.push(
                f("left_home_country_on"),
                Message::new("validation-date-future"),
            );
        }
        match self.mailing_same_as_residence {
            // An address typed under "same as residence" is one of the two by mistake.
            Answer::Yes if self.has_mailing_address() => errors.push(
                f("mailing_same_as_residence"),
                Message::new("validation-mailing-same-but-given"),
            ),
            Answer::No if completing && self.mailing_street.is_empty() => {
                errors.push(f("mailing_street"), Message::new("validation-required"));
            }
            _ => {}
        }
    }
}

/// Checks the entries into the US (item 19c), each at `us_entries.N.<field>`: each has its
/// date, none in the future, and the list runs most recent first as the form asks.
pub(crate) fn check_entries(
    entries: &mut [UsEntry],
    errors: &mut FieldErrors,
    today: NaiveDate,
    text: impl Fn(&mut FieldErrors, &str, &str, usize) -> String,
) {
    for (i, entry) in entries.iter_mut().enumerate() {
        let f = |name: &str| format!("us_entries.{i}.{name}");
        entry.place = text(errors, &f("place"), &entry.place, super::intake::MAX_LINE);
        entry.status = text(errors, &f("status"), &entry.status, super::intake::MAX_LINE);
        match entry.arrived_on {
            None => errors.push(f("arrived_on"), Message::new("validation-required")),
            Some(on) if on > today => {
                errors.push(f("arrived_on"), Message::new("validation-date-future"))
            }
            Some(_) => {}
        }
        if let (Some(arrived), Some(expires)) = (entry.arrived_on, entry.status_expires_on)
            && expires < arrived
        {
            errors.push(
                f("status_expires_on"),
                Message::new("validation-status-expires-before-entry"),
            );
        }
    }
    for (i, pair) in entries.windows(2).enumerate() {
        if let (Some(later), Some(earlier)) = (pair[0].arrived_on, pair[1].arrived_on)
            && earlier > later
        {
            errors.push(
                format!("us_entries.{}.arrived_on", i + 1),
                Message::new("validation-us-entries-order"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 24).unwrap()
    }

    fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    fn plain(_: &mut FieldErrors, _: &str, value: &str, _: usize) -> String {
        value.trim().to_string()
    }

    fn fields(errors: &FieldErrors) -> Vec<&str> {
        errors.iter().map(|e| e.field.as_str()).collect()
    }

    #[test]
    fn an_ssn_is_nine_digits_as_issued_or_none() {
        assert_eq!(ssn("123-45-6789").unwrap(), "123456789");
        assert_eq!(ssn(" 123 45 6789 ").unwrap(), "123456789");
        assert_eq!(ssn("none").unwrap(), "NONE");
        assert_eq!(ssn("N/A").unwrap(), "NONE");
        assert_eq!(ssn("").unwrap(), "");
        for wrong in [
            "12345678",
            "1234567890",
            "123-45-678O",
            "000-12-3456",
            "666-12-3456",
            "912-34-5678",
            "123-00-4567",
            "123-45-0000",
        ] {
            assert!(ssn(wrong).is_err(), "{wrong}");
        }
        assert_eq!(ssn_shown("123456789"), "123-45-6789");
        assert_eq!(ssn_shown("NONE"), "NONE");
    }

    #[test]
    fn an_online_account_number_is_twelve_digits_or_none() {
        assert_eq!(
            uscis_account_number("0012 3456 7890").unwrap(),
            "001234567890"
        );
        assert_eq!(uscis_account_number("None").unwrap(), "NONE");
        assert!(uscis_account_number("12345678901").is_err());
        assert!(uscis_account_number("A12345678901").is_err());
    }

    #[test]
    fn a_zip_is_five_digits_or_zip_plus_four() {
        assert_eq!(zip("10027").unwrap(), "10027");
        assert_eq!(zip("10027-1234").unwrap(), "10027-1234");
        for wrong in ["1002", "100271", "10027-12", "ABCDE", "10-027"] {
            assert!(zip(wrong).is_err(), "{wrong}");
        }
    }

    #[test]
    fn checks_name_each_field_and_normalize_codes() {
        let mut details = ApplicantDetails {
            ssn: "123456".into(),
            uscis_account_number: "none".into(),
            nationality_at_birth: Some("su".into()),
            travel_document_country: Some(" ru ".into()),
            native_language: Some("Klingon".into()),
            left_home_country_on: date(2027, 1, 1),
            mailing_zip: "1".into(),
            ..ApplicantDetails::default()
        };
        let mut errors = FieldErrors::default();
        details.check(&mut errors, false, today(), plain);
        assert_eq!(
            fields(&errors),
            vec![
                "applicant.ssn",
                "applicant.mailing_zip",
                "applicant.nationality_at_birth",
                "applicant.native_language",
                "applicant.left_home_country_on",
            ]
        );
        assert_eq!(details.uscis_account_number, "NONE");
        assert_eq!(details.travel_document_country.as_deref(), Some("RU"));
    }

    #[test]
    fn the_mailing_address_agrees_with_same_as_residence() {
        let mut same_but_given = ApplicantDetails {
            mailing_same_as_residence: Answer::Yes,
            mailing_street: "PO Box 12".into(),
            ..ApplicantDetails::default()
        };
        let mut errors = FieldErrors::default();
        same_but_given.check(&mut errors, false, today(), plain);
        assert_eq!(fields(&errors), vec!["applicant.mailing_same_as_residence"]);

        let mut different_but_blank = ApplicantDetails {
            mailing_same_as_residence: Answer::No,
            ..ApplicantDetails::default()
        };
        let mut errors = FieldErrors::default();
        different_but_blank
            .clone()
            .check(&mut errors, false, today(), plain);
        assert!(errors.is_empty(), "a draft may leave it for later");
        different_but_blank.check(&mut errors, true, today(), plain);
        assert_eq!(fields(&errors), vec!["applicant.mailing_street"]);
    }

    #[test]
    fn entries_have_dates_and_run_most_recent_first() {
        let mut entries = vec![
            UsEntry {
                arrived_on: date(2024, 5, 1),
                place: "San Ysidro".into(),
                status: "parole".into(),
                status_expires_on: date(2026, 5, 1),
            },
            UsEntry {
                arrived_on: date(2025, 3, 1),
                place: "JFK".into(),
                status: "B-2".into(),
                status_expires_on: date(2025, 2, 1),
            },
            UsEntry {
                place: "Miami".into(),
                ..UsEntry::default()
            },
        ];
        let mut errors = FieldErrors::default();
        check_entries(&mut entries, &mut errors, today(), plain);
        assert_eq!(
            fields(&errors),
            vec![
                "us_entries.1.status_expires_on",
                "us_entries.2.arrived_on",
                "us_entries.1.arrived_on",
            ]
        );
        entries.swap(0, 1);
        entries.pop();
        entries[0].status_expires_on = None;
        let mut errors = FieldErrors::default();
        check_entries(&mut entries, &mut errors, today(), plain);
        assert!(errors.is_empty(), "{:?}", fields(&errors));
    }

    #[test]
    fn court_proceedings_codes_round_trip() {
        for value in CourtProceedings::ALL {
            assert_eq!(CourtProceedings::parse(value.as_str()).unwrap(), *value);
        }
        assert!(CourtProceedings::parse("sometimes").is_err());
    }
}
