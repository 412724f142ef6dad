//! Consistency warnings on an I-589 case file: things that do not block filing but that an
//! adjudicator would notice (a name written two ways, a derivative who cannot be one). Each
//! rule is one function in [`RULES`]; to add one, write it and list it there, with its
//! catalogue key in `templates/locales/*/i589-check.ftl`.

use chrono::NaiveDate;

use super::background::Relative;
use super::claim_answers::Answer;
use super::codes::{Relationship, Sex};
use super::deadlines::one_year_filing_deadline;
use super::i589::Facts;
use super::intake::FamilyMember;

/// What a warning is about; its catalogue key says it in the reader's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum WarningKind {
    /// A person of the form has no name in the native script.
    NoNativeName,
    /// Marked as a derivative but cannot be one (married, 21 or over, or outside the US).
    IneligibleDerivative,
    /// C.5 answered "no" when the filing comes after the one-year deadline.
    LateFilingDenied,
    /// C.5 answered "yes" when the filing comes within the year.
    TimelyFilingMarkedLate,
    /// The last arrival date is not the latest date among the entries into the US (A.I.19c).
    LastArrivalDiffers,
    /// The same person's date of birth written differently in two places.
    BirthDatesDiffer,
    /// The same person's name written differently in two places.
    NamesDiffer,
    /// A parent or sibling of the family list whom Part A.III.5 does not name: the I-589
    /// prints Part A.III.5, so they would be left off it.
    RelativeNotInBackground,
}

impl WarningKind {
    pub fn label_key(self) -> &'static str {
        match self {
            Self::NoNativeName => "i589-warning-no-native-name",
            Self::IneligibleDerivative => "i589-warning-ineligible-derivative",
            Self::LateFilingDenied => "i589-warning-late-filing-denied",
            Self::TimelyFilingMarkedLate => "i589-warning-timely-filing-marked-late",
            Self::LastArrivalDiffers => "i589-warning-last-arrival-differs",
            Self::BirthDatesDiffer => "i589-warning-birth-dates-differ",
            Self::NamesDiffer => "i589-warning-names-differ",
            Self::RelativeNotInBackground => "i589-warning-relative-not-in-background",
        }
    }
}

/// One warning: its kind, whom it is about (a name as written on file; empty for the claim)
/// and the intake field to look at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    pub kind: WarningKind,
    pub person: String,
    pub field: String,
}

/// The rules, in the order the page lists their warnings.
pub static RULES: &[fn(&Facts, &mut Vec<Warning>)] = &[
    no_native_name,
    ineligible_derivative,
    one_year_answer,
    last_arrival_is_the_latest_entry,
    same_person_written_differently,
    relative_not_in_background,
];

/// Every warning on the file.
pub fn warnings(facts: &Facts) -> Vec<Warning> {
    let mut found = Vec::new();
    for rule in RULES {
        rule(facts, &mut found);
    }
    found
}

/// A person as the form names them, in one place of the file.
struct Person<'a> {
    family_name: &'a str,
    given_name: &'a str,
    native_name: &'a str,
    born: Option<NaiveDate>,
    /// Where: `client` or `family.3`.
    at: String,
}

impl Person<'_> {
    fn written(&self) -> String {
        let name = [self.given_name, self.family_name]
            .iter()
            .filter(|p| !p.trim().is_empty() && !super::i589::is_none_text(p))
            .copied()
            .collect::<Vec<_>>()
            .join(" ");
        if name.is_empty() {
            self.native_name.to_string()
        } else {
            name
        }
    }

    fn latin_key(&self) -> String {
        normalized(&format!("{} {}", self.given_name, self.family_name))
    }

    fn field(&self, name: &str) -> String {
        format!("{}.{name}", self.at)
    }
}

/// The words of a name, case and order aside, without NONE/N/A.
fn name_words<'a>(parts: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let mut words: Vec<String> = parts
        .into_iter()
        .filter(|part| !super::i589::is_none_text(part))
        .flat_map(str::split_whitespace)
        .map(str::to_lowercase)
        .collect();
    words.sort();
    words
}

fn normalized(name: &str) -> String {
    name.split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Family members the I-589 names: spouse, children, parents, siblings.
fn on_the_form(m: &FamilyMember) -> bool {
    matches!(
        m.relationship,
        Some(
            Relationship::Spouse
                | Relationship::Child
                | Relationship::Parent
                | Relationship::Sibling
        )
    )
}

/// The applicant and every family member on the form.
fn people<'a>(facts: &Facts<'a>) -> Vec<Person<'a>> {
    let c = &facts.intake.client;
    let mut people = vec![Person {
        family_name: &c.family_name,
        given_name: &c.given_name,
        native_name: &c.native_name,
        born: c.date_of_birth,
        at: "client".to_string(),
    }];
    people.extend(
        facts
            .intake
            .family
            .iter()
            .enumerate()
            .filter(|(_, m)| on_the_form(m))
            .map(|(row, m)| Person {
                family_name: &m.family_name,
                given_name: &m.given_name,
                native_name: &m.native_name,
                born: m.date_of_birth,
                at: format!("family.{row}"),
            }),
    );
    people
}

fn no_native_name(facts: &Facts, found: &mut Vec<Warning>) {
    for person in people(facts) {
        if person.native_name.trim().is_empty() {
            found.push(Warning {
                kind: WarningKind::NoNativeName,
                person: person.written(),
                field: person.field("native_name"),
            });
        }
    }
}

fn ineligible_derivative(facts: &Facts, found: &mut Vec<Warning>) {
    for (row, m) in facts.intake.family.iter().enumerate() {
        if m.derivative && on_the_form(m) && !m.derivative_eligible(facts.today) {
            found.push(Warning {
                kind: WarningKind::IneligibleDerivative,
                person: [m.given_name.as_str(), m.family_name.as_str()].join(" "),
                field: format!("family.{row}.derivative"),
            });
        }
    }
}

/// C.5 against the statutory deadline from the last arrival, on the day of filing (today
/// while the I-589 is not filed).
fn one_year_answer(facts: &Facts, found: &mut Vec<Warning>) {
    let Some(arrived) = facts.intake.last_arrival() else {
        return;
    };
    let filing_on = facts.filed_on.unwrap_or(facts.today);
    let late = filing_on > one_year_filing_deadline(arrived);
    let kind = match (facts.intake.claim_answers.filed_after_one_year.answer, late) {
        (Answer::No, true) => WarningKind::LateFilingDenied,
        (Answer::Yes, false) => WarningKind::TimelyFilingMarkedLate,
        _ => return,
    };
    found.push(Warning {
        kind,
        person: String::new(),
        field: "claim_answers.filed_after_one_year.answer".to_string(),
    });
}

/// A.I.19c twice: the last arrival (`entry.last_arrival_on`, which the one-year deadline
/// counts from) must be the latest date among the entries into the US. Nothing to compare
/// while either is blank.
fn last_arrival_is_the_latest_entry(facts: &Facts, found: &mut Vec<Warning>) {
    let intake = facts.intake;
    let latest_entry = intake.us_entries.iter().filter_map(|e| e.arrived_on).max();
    if let (Some(arrived), Some(latest)) = (intake.entry.last_arrival_on, latest_entry)
        && arrived != latest
    {
        found.push(Warning {
            kind: WarningKind::LastArrivalDiffers,
            person: String::new(),
            field: "entry.last_arrival_on".to_string(),
        });
    }
}

/// Two places that name the same person — the same name in Latin letters, the same native
/// name, or the same given name and date of birth — must agree on the name and the date of
/// birth.
fn same_person_written_differently(facts: &Facts, found: &mut Vec<Warning>) {
    let people = people(facts);
    for (i, a) in people.iter().enumerate() {
        for b in &people[i + 1..] {
            let same_latin = !a.latin_key().is_empty() && a.latin_key() == b.latin_key();
            let same_native = !a.native_name.trim().is_empty()
                && normalized(a.native_name) == normalized(b.native_name);
            let same_given_and_born = a.born.is_some()
                && a.born == b.born
                && !a.given_name.trim().is_empty()
                && normalized(a.given_name) == normalized(b.given_name);
            if !(same_latin || same_native || same_given_and_born) {
                continue;
            }
            if a.born.is_some() && b.born.is_some() && a.born != b.born {
                found.push(Warning {
                    kind: WarningKind::BirthDatesDiffer,
                    person: a.written(),
                    field: b.field("date_of_birth"),
                });
            }
            if !same_latin && !a.latin_key().is_empty() && !b.latin_key().is_empty() {
                found.push(Warning {
                    kind: WarningKind::NamesDiffer,
                    person: a.written(),
                    field: b.field("family_name"),
                });
            }
        }
    }
}

/// Part A.III.5 is the I-589's answer about parents and siblings; the family list's rows of
/// a parent or a sibling give no item of the form. A row whom Part A.III.5 does not name
/// (the mother or the father for a parent, a sibling row for a sibling) would be left off
/// the form without a word, so it is warned of, linked to where Part A.III.5 takes them.
/// A row is named there when a full name is its name as the rule above compares names:
/// the same words in Latin letters (given and family name, with or without the middle
/// name, in any order), or its native name.
fn relative_not_in_background(facts: &Facts, found: &mut Vec<Warning>) {
    let b = &facts.intake.background;
    for (row, m) in facts.intake.family.iter().enumerate() {
        let (named, field): (Vec<&Relative>, String) = match m.relationship {
            Some(Relationship::Parent) => {
                let mother = "background.mother.full_name";
                let father = "background.father.full_name";
                let field = match m.sex {
                    Some(Sex::Female) => mother,
                    Some(Sex::Male) => father,
                    _ if b.mother.full_name.trim().is_empty() => mother,
                    _ if b.father.full_name.trim().is_empty() => father,
                    _ => mother,
                };
                (vec![&b.mother, &b.father], field.to_string())
            }
            Some(Relationship::Sibling) => (
                facts.intake.siblings.iter().collect(),
                "siblings".to_string(),
            ),
            _ => continue,
        };
        let short = name_words([m.given_name.as_str(), &m.family_name]);
        let long = name_words([m.given_name.as_str(), &m.middle_name, &m.family_name]);
        let native = normalized(&m.native_name);
        let is_them = |r: &&Relative| {
            let words = name_words([r.full_name.as_str()]);
            (!words.is_empty() && (words == short || words == long))
                || (!native.is_empty() && normalized(&r.full_name) == native)
        };
        if !named.iter().any(is_them) {
            let person = Person {
                family_name: &m.family_name,
                given_name: &m.given_name,
                native_name: &m.native_name,
                born: m.date_of_birth,
                at: format!("family.{row}"),
            };
            found.push(Warning {
                kind: WarningKind::RelativeNotInBackground,
                person: person.written(),
                field,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::applicant::UsEntry;
    use crate::domain::codes::MaritalStatus;
    use crate::domain::intake::Intake;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn today() -> NaiveDate {
        date(2026, 12, 7)
    }

    fn member(relationship: Relationship, given: &str, native: &str) -> FamilyMember {
        FamilyMember {
            relationship: Some(relationship),
            family_name: "Kovalenko".into(),
            given_name: given.into(),
            native_name: native.into(),
            date_of_birth: Some(date(2015, 5, 6)),
            in_us: true,
            ..Default::default()
        }
    }

    /// A consistent file: nothing to warn about.
    fn consistent() -> Intake {
        let mut intake = Intake::default();
        intake.client.family_name = "Kovalenko".into();
        intake.client.given_name = "Oksana".into();
        intake.client.native_name = "Оксана Коваленко".into();
        intake.client.date_of_birth = Some(date(1990, 3, 4));
        intake.entry.last_arrival_on = Some(date(2026, 6, 1));
        intake.us_entries = vec![
            UsEntry {
                arrived_on: Some(date(2026, 6, 1)),
                ..Default::default()
            },
            UsEntry {
                arrived_on: Some(date(2019, 8, 2)),
                ..Default::default()
            },
        ];
        intake.claim_answers.filed_after_one_year.answer = Answer::No;
        intake.family = vec![
            member(Relationship::Spouse, "Andriy", "Андрій Коваленко"),
            member(Relationship::Child, "Maria", "Марія Коваленко"),
            member(Relationship::Fiance, "Petro", ""),
        ];
        intake.family[0].date_of_birth = Some(date(1988, 1, 2));
        intake.family[1].derivative = true;
        intake
    }

    fn found(intake: &Intake, filed_on: Option<NaiveDate>) -> Vec<(WarningKind, String)> {
        warnings(&Facts {
            intake,
            today: today(),
            filed_on,
        })
        .into_iter()
        .map(|w| (w.kind, w.field))
        .collect()
    }

    #[test]
    fn a_consistent_file_has_no_warning() {
        assert_eq!(found(&consistent(), None), vec![]);
    }

    #[test]
    fn a_person_of_the_form_without_a_native_name_is_warned_of() {
        let mut intake = consistent();
        intake.client.native_name.clear();
        intake.family[1].native_name.clear();
        assert_eq!(
            found(&intake, None),
            vec![
                (WarningKind::NoNativeName, "client.native_name".into()),
                (WarningKind::NoNativeName, "family.1.native_name".into()),
            ]
        );
    }

    #[test]
    fn a_derivative_child_married_of_age_or_abroad_is_warned_of() {
        let ineligible = |change: fn(&mut FamilyMember)| {
            let mut intake = consistent();
            change(&mut intake.family[1]);
            found(&intake, None)
        };
        let expected = vec![(
            WarningKind::IneligibleDerivative,
            "family.1.derivative".to_string(),
        )];
        assert_eq!(
            ineligible(|m| m.marital_status = Some(MaritalStatus::Married)),
            expected
        );
        assert_eq!(
            ineligible(|m| m.date_of_birth = Some(date(2005, 12, 7))),
            expected
        );
        assert_eq!(ineligible(|m| m.in_us = false), expected);
        assert_eq!(
            ineligible(|m| m.date_of_birth = Some(date(2005, 12, 8))),
            vec![]
        );
    }

    #[test]
    fn c5_is_held_to_the_one_year_deadline_on_the_day_of_filing() {
        let mut intake = consistent();
        // The list of entries is another rule's.
        intake.us_entries.clear();
        intake.entry.last_arrival_on = Some(date(2025, 6, 1));
        let late = vec![(
            WarningKind::LateFilingDenied,
            "claim_answers.filed_after_one_year.answer".to_string(),
        )];
        assert_eq!(found(&intake, None), late);
        // Filed in time, months ago: "no" was right.
        assert_eq!(found(&intake, Some(date(2026, 5, 1))), vec![]);
        intake.claim_answers.filed_after_one_year.answer = Answer::Yes;
        assert_eq!(found(&intake, None), vec![]);
        intake.entry.last_arrival_on = Some(date(2026, 6, 1));
        assert_eq!(
            found(&intake, None),
            vec![(
                WarningKind::TimelyFilingMarkedLate,
                "claim_answers.filed_after_one_year.answer".to_string(),
            )]
        );
        intake.claim_answers.filed_after_one_year.answer = Answer::Unanswered;
        assert_eq!(found(&intake, None), vec![]);
    }

    #[test]
    fn a_last_arrival_that_is_not_the_latest_entry_is_warned_of() {
        let differs = vec![(
            WarningKind::LastArrivalDiffers,
            "entry.last_arrival_on".to_string(),
        )];
        // The latest entry counts, wherever it is in the list.
        let mut intake = consistent();
        intake.us_entries.reverse();
        assert_eq!(found(&intake, None), vec![]);
        // An earlier entry written as the last arrival.
        intake.entry.last_arrival_on = Some(date(2019, 8, 2));
        intake.claim_answers.filed_after_one_year.answer = Answer::Unanswered;
        assert_eq!(found(&intake, None), differs);
        // An entry later than the last arrival.
        let mut intake = consistent();
        intake.us_entries[1].arrived_on = Some(date(2026, 7, 1));
        assert_eq!(found(&intake, None), differs);
        // Nothing to compare: no date on one side.
        intake.entry.last_arrival_on = None;
        assert_eq!(found(&intake, None), vec![]);
        let mut intake = consistent();
        for entry in &mut intake.us_entries {
            entry.arrived_on = None;
        }
        assert_eq!(found(&intake, None), vec![]);
    }

    #[test]
    fn a_parent_or_sibling_of_the_family_list_not_in_part_a3_is_warned_of() {
        let mut intake = consistent();
        let mut mother = member(Relationship::Parent, "Olena", "Олена Коваленко");
        mother.middle_name = "Petrivna".into();
        mother.date_of_birth = Some(date(1962, 7, 8));
        let mut father = member(Relationship::Parent, "Petro", "Петро Коваленко");
        father.sex = Some(Sex::Male);
        father.date_of_birth = Some(date(1960, 1, 1));
        let mut brother = member(Relationship::Sibling, "Taras", "Тарас Коваленко");
        brother.date_of_birth = Some(date(1993, 9, 10));
        intake.family.extend([mother, father, brother]);
        // Part A.III.5 empty: nobody of the three is on the form.
        assert_eq!(
            found(&intake, None),
            vec![
                (
                    WarningKind::RelativeNotInBackground,
                    "background.mother.full_name".into()
                ),
                (
                    WarningKind::RelativeNotInBackground,
                    "background.father.full_name".into()
                ),
                (WarningKind::RelativeNotInBackground, "siblings".into()),
            ]
        );
        // Named there: the mother with her middle name, family name first; the father by
        // his native name; the brother in other letter case.
        let b = &mut intake.background;
        b.mother.full_name = "KOVALENKO Olena  Petrivna".into();
        b.father.full_name = "Петро  Коваленко".into();
        intake.siblings = vec![Relative {
            full_name: "taras kovalenko".into(),
            ..Default::default()
        }];
        assert_eq!(found(&intake, None), vec![]);
        // A sibling row is not the mother, nor a parent a sibling.
        intake.family[3].relationship = Some(Relationship::Sibling);
        intake.background.mother.full_name = "Olena Kovalenko".into();
        assert_eq!(
            found(&intake, None),
            vec![(WarningKind::RelativeNotInBackground, "siblings".into())]
        );
        // Another Olena is not her.
        intake.family[3].relationship = Some(Relationship::Parent);
        intake.background.mother.full_name = "Olena Shevchuk".into();
        assert_eq!(
            found(&intake, None),
            vec![(
                WarningKind::RelativeNotInBackground,
                "background.mother.full_name".into()
            )]
        );
    }

    #[test]
    fn the_same_person_written_two_ways_is_warned_of() {
        // The child twice, the second time born on another day.
        let mut intake = consistent();
        let mut again = member(Relationship::Child, "Maria", "");
        again.native_name = "Марія Коваленко".into();
        again.date_of_birth = Some(date(2015, 6, 5));
        intake.family.push(again);
        assert_eq!(
            found(&intake, None),
            vec![(
                WarningKind::BirthDatesDiffer,
                "family.3.date_of_birth".into()
            )]
        );

        // The child twice, the second time spelled another way (same native name).
        let mut intake = consistent();
        let mut again = member(Relationship::Child, "Mariia", "Марія Коваленко");
        again.family_name = "Kovalenko".into();
        intake.family.push(again);
        assert_eq!(
            found(&intake, None),
            vec![(WarningKind::NamesDiffer, "family.3.family_name".into())]
        );

        // The client listed in the family, with another date of birth (and, as a sibling,
        // not among Part A.III.5's siblings).
        let mut intake = consistent();
        let mut client = member(Relationship::Sibling, "Oksana", "Оксана Коваленко");
        client.date_of_birth = Some(date(1990, 4, 3));
        intake.family.push(client);
        assert_eq!(
            found(&intake, None),
            vec![
                (
                    WarningKind::BirthDatesDiffer,
                    "family.3.date_of_birth".into()
                ),
                (WarningKind::RelativeNotInBackground, "siblings".into()),
            ]
        );
    }
}
