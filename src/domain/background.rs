//! Part A.III of the I-589, the applicant's background: the last address abroad (and in the
//! country of feared persecution, or "same as above"), the residences and the employment of
//! the past five years, the schools, the parents and the siblings.
//!
//! The form asks every "from" and "to" as a month and a year (Mo/Yr), so that is what is
//! kept: a [`YearMonth`], written `2019-04`, never a day the client would have to invent. A
//! "to" may be [`Until::Present`]. An empty list is a question not asked yet; the answer
//! that there is nothing to list (no schooling, no employment, no siblings) is a box of its
//! own, so that a completeness check can tell the two apart.

use std::fmt;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::codes;
use super::intake::{MAX_LINE, not_future_month, text};
use crate::error::{FieldErrors, Message};

/// A month of a year, as the I-589 asks its dates (Mo/Yr).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct YearMonth {
    year: i32,
    month: u32,
}

impl YearMonth {
    pub fn new(year: i32, month: u32) -> Option<Self> {
        ((1900..=9999).contains(&year) && (1..=12).contains(&month)).then_some(Self { year, month })
    }

    /// The month `date` falls in.
    pub fn of(date: NaiveDate) -> Self {
        Self {
            year: date.year(),
            month: date.month(),
        }
    }

    pub fn year(self) -> i32 {
        self.year
    }

    pub fn month(self) -> u32 {
        self.month
    }

    /// As typed: `2019-04` (what a month input sends), `04/2019`, `4.2019`. A month that
    /// does not exist (`2019-13`) is refused, not rolled over.
    pub fn parse(input: &str) -> Result<Self, Message> {
        let input = input.trim();
        let invalid = || Message::new("validation-month");
        let (year, month) = if let Some((year, month)) = input.split_once('-') {
            (year, month)
        } else if let Some((month, year)) = input.split_once(['/', '.']) {
            (year, month)
        } else {
            return Err(invalid());
        };
        let (year, month) = (year.trim(), month.trim());
        if year.len() != 4 || !(1..=2).contains(&month.len()) {
            return Err(invalid());
        }
        let year = year.parse::<i32>().map_err(|_| invalid())?;
        let month = month.parse::<u32>().map_err(|_| invalid())?;
        Self::new(year, month).ok_or_else(invalid)
    }
}

impl fmt::Display for YearMonth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

impl Serialize for YearMonth {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for YearMonth {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Self::parse(&text).map_err(|_| serde::de::Error::custom("expected a month, YYYY-MM"))
    }
}

/// Where a period ends: a month, or still going on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Until {
    Present,
    Month(YearMonth),
}

impl Until {
    /// `present` or a month (`2024-01`).
    pub fn parse(input: &str) -> Result<Self, Message> {
        match input.trim() {
            "present" => Ok(Self::Present),
            month => YearMonth::parse(month).map(Self::Month),
        }
    }

    pub fn month(self) -> Option<YearMonth> {
        match self {
            Self::Present => None,
            Self::Month(month) => Some(month),
        }
    }
}

impl fmt::Display for Until {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Present => f.write_str("present"),
            Self::Month(month) => month.fmt(f),
        }
    }
}

impl Serialize for Until {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Until {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Self::parse(&text)
            .map_err(|_| serde::de::Error::custom("expected a month, YYYY-MM, or \"present\""))
    }
}

/// An address abroad with the months lived there: A.III.1 (the last address before coming
/// to the US, the last in the country of feared persecution) and each residence of A.III.2.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields, default)]
pub struct Address {
    /// Number and street.
    pub street: String,
    pub city: String,
    /// Department, province or state.
    pub province: String,
    /// ISO 3166-1 alpha-2.
    pub country: Option<String>,
    /// Month and year (`2019-04`).
    #[schema(value_type = Option<String>, example = "2019-04")]
    pub from: Option<YearMonth>,
    /// Month and year (`2024-01`), or `present`.
    #[schema(value_type = Option<String>, example = "present")]
    pub to: Option<Until>,
}

/// A school attended (A.III.3).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields, default)]
pub struct School {
    pub name: String,
    /// Type of school as the form asks it: primary, secondary, university, vocational…
    pub kind: String,
    /// City and country, as written on the form.
    pub location: String,
    #[schema(value_type = Option<String>, example = "2001-09")]
    pub from: Option<YearMonth>,
    #[schema(value_type = Option<String>, example = "2006-06")]
    pub to: Option<Until>,
}

/// A job (A.III.4).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields, default)]
pub struct Job {
    /// Name and address of the employer.
    pub employer: String,
    pub occupation: String,
    #[schema(value_type = Option<String>, example = "2020-02")]
    pub from: Option<YearMonth>,
    #[schema(value_type = Option<String>, example = "present")]
    pub to: Option<Until>,
}

/// A parent or a sibling (A.III.5).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields, default)]
pub struct Relative {
    pub full_name: String,
    pub birth_city: String,
    /// ISO 3166-1 alpha-2.
    pub birth_country: Option<String>,
    /// Where they live now (city and country); empty for someone deceased.
    pub location: String,
    pub deceased: bool,
}

/// The single answers of Part A.III; its lists (residences, schools, jobs, siblings) are
/// sections of the intake of their own.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields, default)]
pub struct Background {
    /// A.III.1: the last address before coming to the United States.
    pub last_address: Address,
    /// A.III.1: the last address in the country of feared persecution, if different.
    pub feared_country_address: Address,
    /// A.III.1: the last address in the country of feared persecution is the one above.
    pub feared_country_same: bool,
    /// A.III.3: the applicant never went to school.
    pub no_schooling: bool,
    /// A.III.4: no employment in the past five years.
    pub no_employment: bool,
    /// A.III.5.
    pub mother: Relative,
    /// A.III.5.
    pub father: Relative,
    /// A.III.5: the applicant has no siblings.
    pub no_siblings: bool,
}

impl Address {
    pub fn is_empty(&self) -> bool {
        self == &Self::default()
    }
}

impl Relative {
    pub fn is_empty(&self) -> bool {
        self == &Self::default()
    }
}

/// Checks a from–to period: each month real and not in the future, from not after to.
fn check_period(
    errors: &mut FieldErrors,
    prefix: &str,
    from: Option<YearMonth>,
    to: Option<Until>,
    today: NaiveDate,
) {
    not_future_month(errors, &format!("{prefix}.from"), from, today);
    not_future_month(
        errors,
        &format!("{prefix}.to"),
        to.and_then(Until::month),
        today,
    );
    if let (Some(from), Some(Until::Month(to))) = (from, to)
        && from > to
    {
        errors.push(
            format!("{prefix}.to"),
            Message::new("validation-to-before-from"),
        );
    }
}

fn country(errors: &mut FieldErrors, field: &str, code: &Option<String>) -> Option<String> {
    match code.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(raw) => errors.check(field, codes::country(raw)).map(str::to_string),
    }
}

impl Address {
    fn checked(&mut self, errors: &mut FieldErrors, prefix: &str, today: NaiveDate) {
        let f = |name: &str| format!("{prefix}.{name}");
        self.street = text(errors, &f("street"), &self.street, MAX_LINE);
        self.city = text(errors, &f("city"), &self.city, MAX_LINE);
        self.province = text(errors, &f("province"), &self.province, MAX_LINE);
        self.country = country(errors, &f("country"), &self.country);
        check_period(errors, prefix, self.from, self.to, today);
    }
}

impl School {
    fn checked(&mut self, errors: &mut FieldErrors, prefix: &str, today: NaiveDate) {
        let f = |name: &str| format!("{prefix}.{name}");
        self.name = text(errors, &f("name"), &self.name, MAX_LINE);
        self.kind = text(errors, &f("kind"), &self.kind, MAX_LINE);
        self.location = text(errors, &f("location"), &self.location, MAX_LINE);
        if self.name.is_empty() {
            errors.push(f("name"), Message::new("validation-required"));
        }
        check_period(errors, prefix, self.from, self.to, today);
    }
}

impl Job {
    fn checked(&mut self, errors: &mut FieldErrors, prefix: &str, today: NaiveDate) {
        let f = |name: &str| format!("{prefix}.{name}");
        self.employer = text(errors, &f("employer"), &self.employer, MAX_LINE * 2);
        self.occupation = text(errors, &f("occupation"), &self.occupation, MAX_LINE);
        if self.employer.is_empty() {
            errors.push(f("employer"), Message::new("validation-required"));
        }
        check_period(errors, prefix, self.from, self.to, today);
    }
}

impl Relative {
    fn checked(&mut self, errors: &mut FieldErrors, prefix: &str) {
        let f = |name: &str| format!("{prefix}.{name}");
        self.full_name = text(errors, &f("full_name"), &self.full_name, MAX_LINE);
        self.birth_city = text(errors, &f("birth_city"), &self.birth_city, MAX_LINE);
        self.birth_country = country(errors, &f("birth_country"), &self.birth_country);
        self.location = text(errors, &f("location"), &self.location, MAX_LINE);
        if self.deceased && !self.location.is_empty() {
            // The form asks the current location "or deceased", never both.
            errors.push(f("location"), Message::new("validation-deceased-location"));
        }
    }
}

/// Part A.III as the intake holds it: the single answers and the four lists.
pub struct BackgroundParts<'a> {
    pub background: &'a mut Background,
    pub residences: &'a mut [Address],
    pub schools: &'a mut [School],
    pub jobs: &'a mut [Job],
    pub siblings: &'a mut [Relative],
}

impl BackgroundParts<'_> {
    /// Normalizes and checks Part A.III, naming each problem by its field
    /// (`residences.1.to`, `background.mother.birth_country`).
    pub fn check(self, errors: &mut FieldErrors, today: NaiveDate) {
        let b = self.background;
        b.last_address
            .checked(errors, "background.last_address", today);
        b.feared_country_address
            .checked(errors, "background.feared_country_address", today);
        if b.feared_country_same && !b.feared_country_address.is_empty() {
            errors.push(
                "background.feared_country_same",
                Message::new("validation-same-or-address"),
            );
        }
        b.mother.checked(errors, "background.mother");
        b.father.checked(errors, "background.father");
        for (i, address) in self.residences.iter_mut().enumerate() {
            address.checked(errors, &format!("residences.{i}"), today);
        }
        for (i, school) in self.schools.iter_mut().enumerate() {
            school.checked(errors, &format!("schools.{i}"), today);
        }
        for (i, job) in self.jobs.iter_mut().enumerate() {
            job.checked(errors, &format!("jobs.{i}"), today);
        }
        for (i, sibling) in self.siblings.iter_mut().enumerate() {
            sibling.checked(errors, &format!("siblings.{i}"));
            if sibling.full_name.is_empty() {
                errors.push(
                    format!("siblings.{i}.full_name"),
                    Message::new("validation-required"),
                );
            }
        }
        // "None" beside a list is an answer only while the list is empty.
        for (flag, field, listed) in [
            (
                b.no_schooling,
                "background.no_schooling",
                !self.schools.is_empty(),
            ),
            (
                b.no_employment,
                "background.no_employment",
                !self.jobs.is_empty(),
            ),
            (
                b.no_siblings,
                "background.no_siblings",
                !self.siblings.is_empty(),
            ),
        ] {
            if flag && listed {
                errors.push(field, Message::new("validation-none-but-listed"));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ym(year: i32, month: u32) -> YearMonth {
        YearMonth::new(year, month).unwrap()
    }

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 24).unwrap()
    }

    fn fields(errors: &FieldErrors) -> Vec<&str> {
        errors.iter().map(|e| e.field.as_str()).collect()
    }

    #[test]
    fn a_month_is_read_as_typed_and_a_month_that_does_not_exist_is_refused() {
        assert_eq!(YearMonth::parse("2019-04"), Ok(ym(2019, 4)));
        assert_eq!(YearMonth::parse(" 04/2019 "), Ok(ym(2019, 4)));
        assert_eq!(YearMonth::parse("4.2019"), Ok(ym(2019, 4)));
        for bad in [
            "2019-13",
            "2019-00",
            "19-04",
            "2019",
            "April 2019",
            "",
            "0999-01",
        ] {
            assert!(YearMonth::parse(bad).is_err(), "{bad}");
        }
        assert_eq!(ym(2019, 4).to_string(), "2019-04");
        assert_eq!(Until::parse("present"), Ok(Until::Present));
        assert_eq!(Until::parse("2024-01"), Ok(Until::Month(ym(2024, 1))));
    }

    #[test]
    fn months_travel_as_text_in_json() {
        let address = Address {
            from: Some(ym(2019, 4)),
            to: Some(Until::Present),
            ..Address::default()
        };
        let json = serde_json::to_value(&address).unwrap();
        assert_eq!(json["from"], "2019-04");
        assert_eq!(json["to"], "present");
        assert_eq!(serde_json::from_value::<Address>(json).unwrap(), address);
        let bad = serde_json::json!({ "from": "2019-13" });
        assert!(serde_json::from_value::<Address>(bad).is_err());
    }

    fn check(
        background: &mut Background,
        residences: &mut [Address],
        schools: &mut [School],
        jobs: &mut [Job],
        siblings: &mut [Relative],
    ) -> FieldErrors {
        let mut errors = FieldErrors::default();
        BackgroundParts {
            background,
            residences,
            schools,
            jobs,
            siblings,
        }
        .check(&mut errors, today());
        errors
    }

    #[test]
    fn a_period_runs_forward_and_not_into_the_future() {
        let mut residences = vec![
            Address {
                city: "Kharkiv".into(),
                from: Some(ym(2020, 5)),
                to: Some(Until::Month(ym(2019, 1))),
                ..Address::default()
            },
            Address {
                from: Some(ym(2027, 1)),
                to: Some(Until::Present),
                ..Address::default()
            },
            Address {
                from: Some(ym(2026, 11)),
                to: Some(Until::Month(ym(2026, 11))),
                ..Address::default()
            },
        ];
        let mut jobs = vec![Job {
            employer: "Kharkiv Tractor Plant".into(),
            from: Some(ym(2018, 1)),
            to: Some(Until::Month(ym(2027, 2))),
            ..Job::default()
        }];
        let errors = check(
            &mut Background::default(),
            &mut residences,
            &mut [],
            &mut jobs,
            &mut [],
        );
        assert_eq!(
            fields(&errors),
            vec!["residences.0.to", "residences.1.from", "jobs.0.to"]
        );
    }

    #[test]
    fn countries_come_from_the_list_and_lengths_are_capped() {
        let mut background = Background {
            last_address: Address {
                country: Some("ua".into()),
                street: "x".repeat(MAX_LINE + 1),
                ..Address::default()
            },
            mother: Relative {
                full_name: "Olha Kovalenko".into(),
                birth_country: Some("Narnia".into()),
                ..Relative::default()
            },
            ..Background::default()
        };
        let errors = check(&mut background, &mut [], &mut [], &mut [], &mut []);
        assert_eq!(
            fields(&errors),
            vec![
                "background.last_address.street",
                "background.mother.birth_country"
            ]
        );
        assert_eq!(background.last_address.country.as_deref(), Some("UA"));
    }

    #[test]
    fn none_is_an_answer_only_beside_an_empty_list() {
        let mut background = Background {
            no_schooling: true,
            no_employment: true,
            no_siblings: true,
            ..Background::default()
        };
        assert!(check(&mut background, &mut [], &mut [], &mut [], &mut []).is_empty());
        let mut siblings = vec![Relative {
            full_name: "Taras Kovalenko".into(),
            ..Relative::default()
        }];
        let mut schools = vec![School {
            name: "School No. 5".into(),
            ..School::default()
        }];
        let errors = check(
            &mut background,
            &mut [],
            &mut schools,
            &mut [],
            &mut siblings,
        );
        assert_eq!(
            fields(&errors),
            vec!["background.no_schooling", "background.no_siblings"]
        );
    }

    #[test]
    fn the_feared_country_address_is_either_same_as_above_or_written() {
        let mut background = Background {
            feared_country_same: true,
            feared_country_address: Address {
                city: "Donetsk".into(),
                ..Address::default()
            },
            ..Background::default()
        };
        let errors = check(&mut background, &mut [], &mut [], &mut [], &mut []);
        assert_eq!(fields(&errors), vec!["background.feared_country_same"]);
    }

    #[test]
    fn a_row_names_someone_and_the_deceased_have_no_location() {
        let mut siblings = vec![Relative {
            birth_city: "Lviv".into(),
            deceased: true,
            location: "Lviv, Ukraine".into(),
            ..Relative::default()
        }];
        let mut schools = vec![School {
            kind: "University".into(),
            ..School::default()
        }];
        let mut jobs = vec![Job {
            occupation: "Driver".into(),
            ..Job::default()
        }];
        let errors = check(
            &mut Background::default(),
            &mut [],
            &mut schools,
            &mut jobs,
            &mut siblings,
        );
        assert_eq!(
            fields(&errors),
            vec![
                "schools.0.name",
                "jobs.0.employer",
                "siblings.0.location",
                "siblings.0.full_name"
            ]
        );
    }
}
