//! I-589 Part A.II — the spouse and the children: the checks of the items the form asks
//! about each of them (fields of [`FamilyMember`]), and the explicit "I do not have any
//! children" ([`ChildrenAnswer`]) that tells an empty list of children from a question not
//! asked yet.
//!
//! Which Part A.II item each field answers (spouse / child numbering of the 2023 edition's
//! blocks, by meaning rather than number):
//!
//! | item | field of `family.N` |
//! |---|---|
//! | A-Number (if any) | `a_number` (nine digits or NONE) |
//! | passport / ID card number | `passport_number` |
//! | date of birth | `date_of_birth` |
//! | U.S. Social Security Number | `ssn` (nine digits or NONE) |
//! | complete last name, first name, middle name | `family_name`, `given_name`, `middle_name` |
//! | other names used (maiden, aliases) | `other_names` |
//! | date and place of marriage (spouse) | `married_on`, `marriage_place` |
//! | city and country of birth | `city_of_birth`, `country_of_birth` |
//! | nationality (citizenship) | `nationality` |
//! | race, ethnic or tribal group | `ethnic_group` |
//! | gender | `sex` |
//! | marital status (child) | `marital_status` |
//! | is this person in the U.S.? / location if not | `in_us`, `location` |
//! | place and date of last entry | `last_entry_place`, `last_entry_on` |
//! | I-94 number | `i94_number` |
//! | status when last admitted | `status_when_admitted` |
//! | current status | `current_status` |
//! | expiration date of authorized stay | `status_expires_on` |
//! | in immigration court proceedings? | `in_court_proceedings` |
//! | date of previous arrival (if any) | `previous_arrival_on` |
//! | include in this application? | `derivative` |
//! | "I do not have any children" / number of children | `children.none`, the child rows |

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::a_number::ANumber;
use super::claim_answers::Answer;
use super::codes::{self, Relationship};
use super::intake::{FamilyMember, MAX_LINE, not_future, text};
use crate::error::{FieldErrors, Message};

/// Part A.II's explicit answer about children. "Has children" is not stored: it follows
/// from the child rows; an empty list without `none` is a question not asked yet.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields, default)]
pub struct ChildrenAnswer {
    /// "I do not have any children" (no child may be listed then).
    pub none: bool,
}

/// What the file says about the applicant's children.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChildrenState {
    /// No child listed and "no children" not ticked: not asked yet.
    Unanswered,
    /// "I do not have any children".
    NoChildren,
    /// This many children are listed.
    Children(usize),
}

impl ChildrenState {
    pub fn of(answer: &ChildrenAnswer, family: &[FamilyMember]) -> Self {
        let children = family
            .iter()
            .filter(|m| m.relationship == Some(Relationship::Child))
            .count();
        match (children, answer.none) {
            (0, true) => Self::NoChildren,
            (0, false) => Self::Unanswered,
            (n, _) => Self::Children(n),
        }
    }
}

/// Whether a text is the form's explicit "nothing here": NONE or N/A.
pub fn is_none_answer(value: &str) -> bool {
    let value = value.trim();
    value.eq_ignore_ascii_case("none") || value.eq_ignore_ascii_case("n/a")
}

/// A US Social Security Number as `123-45-6789` (typed with or without dashes or spaces), or
/// NONE / N/A.
pub fn ssn(input: &str) -> Result<String, Message> {
    let input = input.trim();
    if is_none_answer(input) {
        return Ok(input.to_uppercase());
    }
    let digits: String = input.chars().filter(|c| !matches!(c, '-' | ' ')).collect();
    if digits.len() != 9 || !digits.chars().all(|c| c.is_ascii_digit()) {
        return Err(Message::new("validation-ssn"));
    }
    Ok(format!(
        "{}-{}-{}",
        &digits[..3],
        &digits[3..5],
        &digits[5..]
    ))
}

/// An A-number as its nine digits, or NONE / N/A.
pub fn a_number(input: &str) -> Result<String, Message> {
    let input = input.trim();
    if is_none_answer(input) {
        return Ok(input.to_uppercase());
    }
    ANumber::parse(input).map(|a| a.as_digits().to_string())
}

/// An A-number as the page shows it (`A-012-345-678`), NONE as written.
pub fn a_number_shown(stored: &str) -> String {
    ANumber::parse(stored).map_or_else(|_| stored.to_string(), |a| a.to_string())
}

fn code(errors: &mut FieldErrors, field: String, value: &Option<String>) -> Option<String> {
    match value.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(raw) => errors.check(field, codes::country(raw)).map(str::to_string),
    }
}

/// Normalizes and checks the Part A.II items of family row `i`: lengths capped, numbers and
/// codes in their form, dates real (and not ahead where they are past), and each answer
/// only where the form asks it — the marriage for a spouse, the US stay for someone in the
/// US, a location for someone outside it.
pub fn check_member(errors: &mut FieldErrors, i: usize, m: &mut FamilyMember, today: NaiveDate) {
    let f = |name: &str| format!("family.{i}.{name}");
    for (name, value) in [
        ("middle_name", &mut m.middle_name),
        ("passport_number", &mut m.passport_number),
        ("city_of_birth", &mut m.city_of_birth),
        ("ethnic_group", &mut m.ethnic_group),
        ("marriage_place", &mut m.marriage_place),
        ("location", &mut m.location),
        ("last_entry_place", &mut m.last_entry_place),
        ("i94_number", &mut m.i94_number),
        ("status_when_admitted", &mut m.status_when_admitted),
        ("current_status", &mut m.current_status),
    ] {
        *value = text(errors, &f(name), value, MAX_LINE);
    }
    m.other_names = m
        .other_names
        .iter()
        .map(|n| text(errors, &f("other_names"), n, MAX_LINE))
        .filter(|n| !n.is_empty())
        .collect();
    for (name, value, parse) in [
        ("a_number", &mut m.a_number, a_number as fn(&str) -> _),
        ("ssn", &mut m.ssn, ssn),
    ] {
        if !value.trim().is_empty()
            && let Some(normal) = errors.check(f(name), parse(value))
        {
            *value = normal;
        }
    }
    m.country_of_birth = code(errors, f("country_of_birth"), &m.country_of_birth);
    m.nationality = code(errors, f("nationality"), &m.nationality);
    for (name, date) in [
        ("married_on", m.married_on),
        ("last_entry_on", m.last_entry_on),
        ("previous_arrival_on", m.previous_arrival_on),
    ] {
        not_future(errors, &f(name), date, today);
    }
    if let (Some(previous), Some(last)) = (m.previous_arrival_on, m.last_entry_on)
        && previous >= last
    {
        errors.push(
            f("previous_arrival_on"),
            Message::new("validation-family-previous-arrival"),
        );
    }
    if let (Some(married), Some(born)) = (m.married_on, m.date_of_birth)
        && married < born
    {
        errors.push(
            f("married_on"),
            Message::new("validation-family-married-before-born"),
        );
    }

    let given = |text: &str| !text.is_empty() && !is_none_answer(text);
    if m.relationship.is_some_and(|r| r != Relationship::Spouse) {
        if m.married_on.is_some() {
            errors.push(
                f("married_on"),
                Message::new("validation-family-spouse-only"),
            );
        }
        if given(&m.marriage_place) {
            errors.push(
                f("marriage_place"),
                Message::new("validation-family-spouse-only"),
            );
        }
    }
    if m.in_us {
        if given(&m.location) {
            errors.push(
                f("location"),
                Message::new("validation-family-not-in-us-only"),
            );
        }
    } else {
        let us_only = [
            ("last_entry_place", given(&m.last_entry_place)),
            ("last_entry_on", m.last_entry_on.is_some()),
            ("i94_number", given(&m.i94_number)),
            ("status_when_admitted", given(&m.status_when_admitted)),
            ("current_status", given(&m.current_status)),
            ("status_expires_on", m.status_expires_on.is_some()),
            (
                "in_court_proceedings",
                m.in_court_proceedings != Answer::Unanswered,
            ),
            ("previous_arrival_on", m.previous_arrival_on.is_some()),
        ];
        for (name, answered) in us_only {
            if answered {
                errors.push(f(name), Message::new("validation-family-in-us-only"));
            }
        }
    }
}

/// Checks "no children" against the rows: it cannot be ticked beside a listed child.
pub fn check_children(errors: &mut FieldErrors, answer: &ChildrenAnswer, family: &[FamilyMember]) {
    if answer.none
        && family
            .iter()
            .any(|m| m.relationship == Some(Relationship::Child))
    {
        errors.push(
            "children.none",
            Message::new("validation-family-children-listed"),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::intake::Intake;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 24).unwrap()
    }

    fn day(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    fn member(relationship: Relationship, in_us: bool) -> FamilyMember {
        FamilyMember {
            relationship: Some(relationship),
            given_name: "Olena".into(),
            in_us,
            ..FamilyMember::default()
        }
    }

    fn problems(family: Vec<FamilyMember>) -> Vec<(String, String)> {
        let intake = Intake {
            client: crate::domain::intake::ClientDetails {
                family_name: "Koval".into(),
                ..Default::default()
            },
            family,
            ..Intake::default()
        };
        match intake.checked(false, today()) {
            Ok(_) => Vec::new(),
            Err(errors) => errors
                .iter()
                .map(|e| (e.field.clone(), e.message.key.to_string()))
                .collect(),
        }
    }

    #[test]
    fn ssn_takes_nine_digits_or_none() {
        assert_eq!(ssn("123456789").unwrap(), "123-45-6789");
        assert_eq!(ssn(" 123 45 6789 ").unwrap(), "123-45-6789");
        assert_eq!(ssn("none").unwrap(), "NONE");
        assert_eq!(ssn("n/a").unwrap(), "N/A");
        for bad in ["12345678", "1234567890", "12a-45-6789"] {
            assert_eq!(ssn(bad).unwrap_err().key, "validation-ssn", "{bad}");
        }
    }

    #[test]
    fn a_number_takes_its_digits_or_none() {
        assert_eq!(a_number("A 12 345 678").unwrap(), "012345678");
        assert_eq!(a_number("None").unwrap(), "NONE");
        assert!(a_number("A12").is_err());
        assert_eq!(a_number_shown("012345678"), "A-012-345-678");
        assert_eq!(a_number_shown("NONE"), "NONE");
    }

    #[test]
    fn a_spouse_in_the_us_with_every_item_is_accepted_and_normalized() {
        let mut spouse = member(Relationship::Spouse, true);
        spouse.a_number = "a-123-456-789".into();
        spouse.ssn = "987654321".into();
        spouse.country_of_birth = Some("ua".into());
        spouse.nationality = Some("UA".into());
        spouse.married_on = day(2010, 6, 5);
        spouse.marriage_place = "Kharkiv, Ukraine".into();
        spouse.last_entry_on = day(2025, 3, 1);
        spouse.previous_arrival_on = day(2019, 8, 1);
        spouse.status_expires_on = day(2027, 3, 1);
        spouse.in_court_proceedings = Answer::No;
        spouse.other_names = vec!["  Olena Petrenko ".into(), " ".into()];
        let intake = Intake {
            client: crate::domain::intake::ClientDetails {
                family_name: "Koval".into(),
                ..Default::default()
            },
            family: vec![spouse],
            ..Intake::default()
        }
        .checked(false, today())
        .unwrap();
        let spouse = &intake.family[0];
        assert_eq!(spouse.a_number, "123456789");
        assert_eq!(spouse.ssn, "987-65-4321");
        assert_eq!(spouse.country_of_birth.as_deref(), Some("UA"));
        assert_eq!(spouse.other_names, vec!["Olena Petrenko"]);
    }

    #[test]
    fn us_only_answers_for_someone_outside_the_us_are_refused_at_each_field() {
        let mut child = member(Relationship::Child, false);
        child.last_entry_place = "JFK".into();
        child.last_entry_on = day(2025, 3, 1);
        child.i94_number = "N/A".into(); // an explicit "not applicable" is an answer
        child.in_court_proceedings = Answer::Yes;
        child.location = "Kyiv".into();
        let fields: Vec<_> = problems(vec![child]);
        assert_eq!(
            fields,
            vec![
                (
                    "family.0.last_entry_place".into(),
                    "validation-family-in-us-only".into()
                ),
                (
                    "family.0.last_entry_on".into(),
                    "validation-family-in-us-only".into()
                ),
                (
                    "family.0.in_court_proceedings".into(),
                    "validation-family-in-us-only".into()
                ),
            ]
        );
        let mut here = member(Relationship::Child, true);
        here.location = "Kyiv".into();
        assert_eq!(
            problems(vec![here]),
            vec![(
                "family.0.location".into(),
                "validation-family-not-in-us-only".into()
            )]
        );
    }

    #[test]
    fn the_marriage_is_asked_of_a_spouse_only() {
        let mut child = member(Relationship::Child, true);
        child.married_on = day(2020, 1, 1);
        child.marriage_place = "Lviv".into();
        let fields: Vec<String> = problems(vec![child]).into_iter().map(|(f, _)| f).collect();
        assert_eq!(
            fields,
            vec!["family.0.married_on", "family.0.marriage_place"]
        );
    }

    #[test]
    fn dates_numbers_codes_and_lengths_are_checked() {
        let mut spouse = member(Relationship::Spouse, true);
        spouse.date_of_birth = day(1990, 1, 1);
        spouse.married_on = day(1985, 1, 1);
        spouse.last_entry_on = day(2030, 1, 1);
        spouse.previous_arrival_on = day(2031, 1, 1);
        spouse.ssn = "12345".into();
        spouse.a_number = "A1".into();
        spouse.nationality = Some("Narnia".into());
        spouse.ethnic_group = "x".repeat(MAX_LINE + 1);
        let fields: Vec<String> = problems(vec![spouse]).into_iter().map(|(f, _)| f).collect();
        assert_eq!(
            fields,
            vec![
                "family.0.ethnic_group",
                "family.0.a_number",
                "family.0.ssn",
                "family.0.nationality",
                "family.0.last_entry_on",
                "family.0.previous_arrival_on",
                "family.0.previous_arrival_on",
                "family.0.married_on",
            ]
        );
    }

    #[test]
    fn no_children_is_an_answer_and_cannot_sit_beside_a_child() {
        let none = ChildrenAnswer { none: true };
        let spouse = member(Relationship::Spouse, true);
        assert_eq!(
            ChildrenState::of(&ChildrenAnswer::default(), std::slice::from_ref(&spouse)),
            ChildrenState::Unanswered
        );
        assert_eq!(
            ChildrenState::of(&none, std::slice::from_ref(&spouse)),
            ChildrenState::NoChildren
        );
        let child = member(Relationship::Child, true);
        let family = vec![spouse, child.clone(), child];
        assert_eq!(
            ChildrenState::of(&ChildrenAnswer::default(), &family),
            ChildrenState::Children(2)
        );
        let mut errors = FieldErrors::default();
        check_children(&mut errors, &none, &family);
        assert_eq!(
            errors.iter().map(|e| e.field.as_str()).collect::<Vec<_>>(),
            vec!["children.none"]
        );
    }
}
