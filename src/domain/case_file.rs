//! Facts of a case file that the deadlines are computed from, and the computation: when
//! each deadline starts, what satisfies it and when it stops mattering
//! (`docs/deadlines.md`, held to this file by a test below).

use chrono::NaiveDate;

use super::case_stage::{CaseStage, ClaimKind};
use super::case_work::KeyDates;
use super::codes::{HearingKind, MaritalStatus, Relationship};
use super::deadlines::{self, Deadline, DeadlineKind, EadClock, one_year_filing_due};
use super::intake::{FamilyMember, Intake};

/// A hearing, interview or biometrics appointment as the deadlines see it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Appointment {
    pub kind: HearingKind,
    pub on: NaiveDate,
    /// What happened has been recorded: the appointment is done with.
    pub outcome_recorded: bool,
}

/// Everything the deadlines of one case depend on.
#[derive(Debug, Clone, Default)]
pub struct CaseFacts<'a> {
    pub intake: Option<&'a Intake>,
    /// `None` while unknown (a case being created): read as open and not yet in court.
    pub stage: Option<CaseStage>,
    pub kind: Option<ClaimKind>,
    pub dates: KeyDates,
    pub ead_stops: Vec<(NaiveDate, Option<NaiveDate>)>,
    pub events: Vec<Appointment>,
}

impl CaseFacts<'_> {
    /// Asylum granted, by the date recorded or the stage: what guarded the claim or the
    /// client's stay while it was pending (one-year deadline, parole, age-out, EAD) is history.
    fn granted(&self) -> bool {
        self.dates.granted_on.is_some() || self.stage == Some(CaseStage::Granted)
    }

    /// In removal proceedings: serving the notice to appear ends parole (8 CFR
    /// 212.5(e)(2)(i)), so an old parole expiry is history, not overdue.
    fn in_court(&self) -> bool {
        self.kind == Some(ClaimKind::Defensive)
            || self.stage.is_some_and(|stage| {
                matches!(
                    stage,
                    CaseStage::ReferredToCourt
                        | CaseStage::NtaServed
                        | CaseStage::MasterHearing
                        | CaseStage::ApplicationLodged
                        | CaseStage::MeritsHearing
                        | CaseStage::Denied
                        | CaseStage::BiaAppeal
                        | CaseStage::IjReview
                )
            })
    }

    /// The appeal is in: by the EOIR-26 date recorded, or the case stands at the BIA.
    fn appeal_filed(&self) -> bool {
        self.dates.appeal_filed_on.is_some() || self.stage == Some(CaseStage::BiaAppeal)
    }
}

/// The live deadlines of the case as of `today` (the EAD projection depends on it), soonest
/// first. A declined, withdrawn or closed case has none.
pub fn deadlines(facts: &CaseFacts<'_>, today: NaiveDate) -> Vec<Deadline> {
    if facts.stage.is_some_and(|stage| !stage.is_open()) {
        return Vec::new();
    }
    let dates = &facts.dates;
    let granted = facts.granted();
    let mut all = Vec::new();
    if let Some(intake) = facts.intake {
        if !granted && dates.i589_filed_on.is_none() {
            if let Some(arrival) = intake.last_arrival() {
                all.push(Deadline::new(
                    DeadlineKind::OneYearFiling,
                    one_year_filing_due(arrival, dates.filing_exception.as_ref()),
                ));
            }
            // Filing the I-589 with the child on it fixes their age (INA 208(b)(3)(B)).
            for member in &intake.family {
                if let Some(turns_21) = member.watched_age_out() {
                    all.push(match member.first_name() {
                        Some(name) => Deadline::about(DeadlineKind::ChildAgesOut, turns_21, name),
                        None => Deadline::new(DeadlineKind::ChildAgesOut, turns_21),
                    });
                }
            }
        }
        if let Some(expires) = intake.entry.parole_expires_on
            && !granted
            && !facts.in_court()
            && !dates
                .re_parole_filed_on
                .is_some_and(|filed| deadlines::re_parole_filed_for(filed, expires))
        {
            let parole = deadlines::parole_dates(expires);
            all.push(Deadline::new(DeadlineKind::ParoleExpiry, parole.expires));
            all.push(Deadline::new(
                DeadlineKind::ReParoleWindow,
                parole.re_parole_window_opens,
            ));
        }
    }
    if let Some(start) = dates.i589_received_on
        && !granted
    {
        let clock = facts
            .ead_stops
            .iter()
            .fold(EadClock::new(start), |clock, (from, until)| {
                clock.with_stop(*from, *until)
            });
        all.extend(clock.deadlines(today).into_iter().filter(|deadline| {
            deadline.kind != DeadlineKind::EadMayFile || dates.i765_filed_on.is_none()
        }));
    }
    if let Some(decision) = dates.ij_decision_on
        && !granted
        && !facts.appeal_filed()
    {
        all.push(Deadline::new(
            DeadlineKind::BiaAppeal,
            deadlines::bia_appeal_due(decision),
        ));
    }
    if let Some(granted_on) = dates.granted_on {
        if dates.i730_filed_on.is_none() {
            all.push(Deadline::new(
                DeadlineKind::I730,
                deadlines::i730_due(granted_on),
            ));
        }
        if dates.i485_filed_on.is_none() {
            all.push(Deadline::new(
                DeadlineKind::GreenCardEligible,
                deadlines::green_card_eligible(granted_on),
            ));
        }
    }
    for event in facts.events.iter().filter(|e| !e.outcome_recorded) {
        let kind = match event.kind {
            HearingKind::MasterHearing | HearingKind::MeritsHearing => DeadlineKind::Hearing,
            HearingKind::Interview => DeadlineKind::Interview,
            HearingKind::Biometrics => DeadlineKind::Biometrics,
        };
        all.push(Deadline::new(kind, event.on));
    }
    all.sort_by(|a, b| (a.due, a.kind, &a.person).cmp(&(b.due, b.kind, &b.person)));
    merge_same_day(all)
}

/// One deadline per kind and day (two hearings on one day are one date to keep; twins turn
/// 21 together): the people it is about are listed together.
fn merge_same_day(sorted: Vec<Deadline>) -> Vec<Deadline> {
    let mut merged: Vec<Deadline> = Vec::with_capacity(sorted.len());
    for deadline in sorted {
        match merged.last_mut() {
            Some(last) if last.kind == deadline.kind && last.due == deadline.due => {
                if let Some(person) = deadline.person {
                    last.person = Some(match last.person.take() {
                        Some(first) if first != person => format!("{first}, {person}"),
                        Some(first) => first,
                        None => person,
                    });
                }
            }
            _ => merged.push(deadline),
        }
    }
    merged
}

impl FamilyMember {
    /// Who can be a derivative on the I-589: a spouse, or an unmarried child under 21, who
    /// is in the United States. (Every spouse and child must still be listed.)
    pub fn derivative_eligible(&self, today: NaiveDate) -> bool {
        let in_family = match self.relationship {
            Some(Relationship::Spouse) => true,
            Some(Relationship::Child) => {
                self.marital_status
                    .is_none_or(|s| s != MaritalStatus::Married)
                    && self
                        .date_of_birth
                        .is_some_and(|born| deadlines::age_on(born, today) < 21)
            }
            _ => false,
        };
        in_family && self.in_us
    }

    /// The child's 21st birthday, for children.
    pub fn ages_out_on(&self) -> Option<NaiveDate> {
        (self.relationship == Some(Relationship::Child))
            .then_some(self.date_of_birth)
            .flatten()
            .map(deadlines::child_ages_out)
    }

    /// The 21st birthday the office watches: a child's who is to be a derivative or is in the
    /// United States.
    pub fn watched_age_out(&self) -> Option<NaiveDate> {
        self.ages_out_on().filter(|_| self.derivative || self.in_us)
    }

    /// The name the office calls them by: the given name as in the passport, else the name in
    /// native script, else the family name.
    pub fn first_name(&self) -> Option<String> {
        [&self.given_name, &self.native_name, &self.family_name]
            .into_iter()
            .map(|name| name.trim())
            .find(|name| !name.is_empty() && !name.eq_ignore_ascii_case("none"))
            .map(str::to_string)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::intake::{EntryDetails, FamilyMember};
    use crate::domain::notifications::ReminderRule;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn member(relationship: Relationship, born: NaiveDate, in_us: bool) -> FamilyMember {
        FamilyMember {
            relationship: Some(relationship),
            date_of_birth: Some(born),
            in_us,
            given_name: "X".into(),
            ..FamilyMember::default()
        }
    }

    fn arrived(on: NaiveDate) -> Intake {
        Intake {
            entry: EntryDetails {
                last_arrival_on: Some(on),
                ..EntryDetails::default()
            },
            ..Intake::default()
        }
    }

    fn paroled_until(expires: NaiveDate) -> Intake {
        Intake {
            entry: EntryDetails {
                parole_expires_on: Some(expires),
                ..EntryDetails::default()
            },
            ..Intake::default()
        }
    }

    fn kinds(facts: &CaseFacts<'_>, today: NaiveDate) -> Vec<&'static str> {
        deadlines(facts, today)
            .iter()
            .map(|d| d.kind.as_str())
            .collect()
    }

    const TODAY: (i32, u32, u32) = (2026, 11, 24);

    fn today() -> NaiveDate {
        date(TODAY.0, TODAY.1, TODAY.2)
    }

    #[test]
    fn one_year_deadline_until_the_i589_is_filed_or_asylum_granted() {
        let intake = arrived(date(2025, 7, 3));
        let facts = CaseFacts {
            intake: Some(&intake),
            ..CaseFacts::default()
        };
        // 2026-07-03 is the observed Independence Day: the deadline rolls to Monday.
        assert_eq!(
            deadlines(&facts, date(2026, 1, 1)),
            vec![Deadline::new(DeadlineKind::OneYearFiling, date(2026, 7, 6))]
        );
        let filed = CaseFacts {
            dates: KeyDates {
                i589_filed_on: Some(date(2026, 2, 1)),
                ..KeyDates::default()
            },
            ..facts.clone()
        };
        assert!(deadlines(&filed, date(2026, 3, 1)).is_empty());
        let granted = CaseFacts {
            stage: Some(CaseStage::Granted),
            ..facts
        };
        assert!(!kinds(&granted, today()).contains(&"one_year_filing"));
    }

    #[test]
    fn a_declined_withdrawn_or_closed_case_has_no_live_deadline() {
        let intake = Intake {
            family: vec![member(Relationship::Child, date(2008, 1, 1), true)],
            ..paroled_until(date(2025, 1, 1))
        };
        let open = CaseFacts {
            intake: Some(&intake),
            stage: Some(CaseStage::Filed),
            dates: KeyDates {
                ij_decision_on: Some(date(2026, 11, 2)),
                ..KeyDates::default()
            },
            events: vec![Appointment {
                kind: HearingKind::Interview,
                on: date(2026, 12, 1),
                outcome_recorded: false,
            }],
            ..CaseFacts::default()
        };
        assert_eq!(deadlines(&open, today()).len(), 5);
        for stage in [CaseStage::Declined, CaseStage::Withdrawn, CaseStage::Closed] {
            let closed = CaseFacts {
                stage: Some(stage),
                ..open.clone()
            };
            assert!(deadlines(&closed, today()).is_empty(), "{stage:?}");
        }
    }

    #[test]
    fn the_notice_of_appeal_ends_the_bia_deadline() {
        let facts = CaseFacts {
            stage: Some(CaseStage::Denied),
            kind: Some(ClaimKind::Defensive),
            dates: KeyDates {
                ij_decision_on: Some(date(2026, 11, 2)),
                ..KeyDates::default()
            },
            ..CaseFacts::default()
        };
        assert_eq!(
            deadlines(&facts, today()),
            [Deadline::new(DeadlineKind::BiaAppeal, date(2026, 12, 2))]
        );
        let appealed = CaseFacts {
            dates: KeyDates {
                appeal_filed_on: Some(date(2026, 11, 20)),
                ..facts.dates
            },
            ..facts.clone()
        };
        assert!(deadlines(&appealed, today()).is_empty());
        // The stage history says the appeal is in, even before its date is entered.
        let at_the_bia = CaseFacts {
            stage: Some(CaseStage::BiaAppeal),
            ..facts.clone()
        };
        assert!(deadlines(&at_the_bia, today()).is_empty());
        // The judge granted asylum: there is nothing for the office to appeal.
        let granted = CaseFacts {
            stage: Some(CaseStage::Granted),
            ..facts
        };
        assert!(!kinds(&granted, today()).contains(&"bia_appeal"));
    }

    #[test]
    fn re_parole_filed_ends_the_parole_deadlines() {
        let intake = paroled_until(date(2027, 3, 1));
        let facts = CaseFacts {
            intake: Some(&intake),
            stage: Some(CaseStage::Drafting),
            kind: Some(ClaimKind::Affirmative),
            ..CaseFacts::default()
        };
        assert_eq!(
            deadlines(&facts, today()),
            [
                Deadline::new(DeadlineKind::ReParoleWindow, date(2026, 12, 31)),
                Deadline::new(DeadlineKind::ParoleExpiry, date(2027, 3, 1)),
            ]
        );
        let filed = |on| CaseFacts {
            dates: KeyDates {
                re_parole_filed_on: Some(on),
                ..KeyDates::default()
            },
            ..facts.clone()
        };
        assert!(deadlines(&filed(date(2026, 11, 20)), today()).is_empty());
        // A request filed for the parole period before this one does not answer it.
        assert_eq!(deadlines(&filed(date(2025, 3, 1)), today()).len(), 2);
    }

    #[test]
    fn an_old_parole_expiry_is_history_once_the_client_is_in_court_or_granted() {
        // The parole ran out 995 days ago (2024-03-03); the client has been in court since.
        let intake = paroled_until(date(2024, 3, 3));
        for (kind, stage) in [
            (ClaimKind::Defensive, CaseStage::MasterHearing),
            (ClaimKind::Affirmative, CaseStage::ReferredToCourt),
            (ClaimKind::CredibleFear, CaseStage::IjReview),
            (ClaimKind::Affirmative, CaseStage::Granted),
        ] {
            let facts = CaseFacts {
                intake: Some(&intake),
                stage: Some(stage),
                kind: Some(kind),
                ..CaseFacts::default()
            };
            assert!(deadlines(&facts, today()).is_empty(), "{stage:?}");
        }
        // Still before USCIS and never re-paroled: that expiry is a missed cutoff.
        let facts = CaseFacts {
            intake: Some(&intake),
            stage: Some(CaseStage::Drafting),
            kind: Some(ClaimKind::Affirmative),
            ..CaseFacts::default()
        };
        let live = deadlines(&facts, today());
        assert!(live.iter().any(|d| d.is_overdue(today())));
    }

    #[test]
    fn an_age_out_names_the_child_and_ends_when_the_i589_is_filed() {
        let mut maria = member(Relationship::Child, date(2006, 5, 10), true);
        maria.given_name = "Maria".into();
        let mut abroad = member(Relationship::Child, date(2007, 1, 1), false);
        abroad.given_name = "Ivan".into();
        let mut unnamed = member(Relationship::Child, date(2009, 1, 1), false);
        unnamed.derivative = true;
        unnamed.given_name = String::new();
        let intake = Intake {
            family: vec![maria, abroad, unnamed],
            ..Intake::default()
        };
        let facts = CaseFacts {
            intake: Some(&intake),
            ..CaseFacts::default()
        };
        assert_eq!(
            deadlines(&facts, today()),
            [
                Deadline::about(
                    DeadlineKind::ChildAgesOut,
                    date(2027, 5, 10),
                    "Maria".into()
                ),
                Deadline::new(DeadlineKind::ChildAgesOut, date(2030, 1, 1)),
            ]
        );
        let filed = CaseFacts {
            dates: KeyDates {
                i589_filed_on: Some(date(2026, 11, 1)),
                ..KeyDates::default()
            },
            ..facts
        };
        assert!(deadlines(&filed, today()).is_empty());
    }

    #[test]
    fn twins_turn_21_on_one_line() {
        let mut anna = member(Relationship::Child, date(2008, 2, 29), true);
        anna.given_name = "Anna".into();
        let mut olga = member(Relationship::Child, date(2008, 2, 29), true);
        olga.given_name = "Olga".into();
        let intake = Intake {
            family: vec![olga, anna],
            ..Intake::default()
        };
        let facts = CaseFacts {
            intake: Some(&intake),
            ..CaseFacts::default()
        };
        assert_eq!(
            deadlines(&facts, today()),
            [Deadline::about(
                DeadlineKind::ChildAgesOut,
                date(2029, 2, 28),
                "Anna, Olga".into()
            )]
        );
    }

    #[test]
    fn the_i765_ends_day_150_and_a_grant_ends_the_ead_clock() {
        let received = KeyDates {
            i589_received_on: Some(date(2026, 6, 1)),
            ..KeyDates::default()
        };
        let facts = CaseFacts {
            dates: received,
            ..CaseFacts::default()
        };
        assert_eq!(
            kinds(&facts, today()),
            ["ead_may_file", "ead_may_be_granted"]
        );
        let applied = CaseFacts {
            dates: KeyDates {
                i765_filed_on: Some(date(2026, 11, 1)),
                ..received
            },
            ..CaseFacts::default()
        };
        assert_eq!(kinds(&applied, today()), ["ead_may_be_granted"]);
        let granted = CaseFacts {
            stage: Some(CaseStage::Granted),
            dates: received,
            ..CaseFacts::default()
        };
        assert!(deadlines(&granted, today()).is_empty());
    }

    #[test]
    fn a_grant_starts_the_i730_and_green_card_dates_until_each_is_filed() {
        let granted = KeyDates {
            granted_on: Some(date(2026, 6, 10)),
            ..KeyDates::default()
        };
        let facts = CaseFacts {
            stage: Some(CaseStage::Granted),
            dates: granted,
            ..CaseFacts::default()
        };
        assert_eq!(
            deadlines(&facts, today()),
            [
                Deadline::new(DeadlineKind::GreenCardEligible, date(2027, 6, 10)),
                Deadline::new(DeadlineKind::I730, date(2028, 6, 12)),
            ]
        );
        let filed = CaseFacts {
            dates: KeyDates {
                i730_filed_on: Some(date(2026, 8, 1)),
                i485_filed_on: Some(date(2027, 6, 15)),
                ..granted
            },
            ..facts
        };
        assert!(deadlines(&filed, date(2027, 7, 1)).is_empty());
    }

    #[test]
    fn an_appointment_is_done_with_once_its_outcome_is_recorded() {
        let appointment = |kind, outcome_recorded| Appointment {
            kind,
            on: date(2026, 12, 3),
            outcome_recorded,
        };
        let facts = CaseFacts {
            events: vec![
                appointment(HearingKind::MasterHearing, false),
                appointment(HearingKind::Biometrics, true),
                appointment(HearingKind::Interview, false),
            ],
            ..CaseFacts::default()
        };
        assert_eq!(kinds(&facts, today()), ["hearing", "interview"]);
    }

    #[test]
    fn every_rule_contributes() {
        let intake = Intake {
            entry: EntryDetails {
                parole_expires_on: Some(date(2027, 3, 1)),
                ..EntryDetails::default()
            },
            family: vec![
                member(Relationship::Child, date(2008, 2, 29), true),
                member(Relationship::Spouse, date(1980, 1, 1), true),
            ],
            ..Intake::default()
        };
        let facts = CaseFacts {
            intake: Some(&intake),
            dates: KeyDates {
                i589_received_on: Some(date(2026, 1, 5)),
                ij_decision_on: Some(date(2026, 11, 2)),
                ..KeyDates::default()
            },
            events: vec![Appointment {
                kind: HearingKind::MasterHearing,
                on: date(2026, 12, 3),
                outcome_recorded: false,
            }],
            ..CaseFacts::default()
        };
        let kinds = kinds(&facts, today());
        for kind in [
            "ead_may_file",
            "ead_may_be_granted",
            "bia_appeal",
            "parole_expiry",
            "re_parole_window",
            "child_ages_out",
            "hearing",
        ] {
            assert!(kinds.contains(&kind), "{kind} missing from {kinds:?}");
        }
    }

    /// `docs/deadlines.md` holds one row per deadline kind: what satisfies it names key dates
    /// (or stages) that exist, its "overdue" column matches the code, and its reminder
    /// thresholds are the ones the scan uses.
    #[test]
    fn the_deadline_table_in_the_docs_matches_the_code() {
        let doc = include_str!("../../docs/deadlines.md");
        let fields: Vec<&str> = KeyDates::default()
            .fields()
            .iter()
            .map(|(name, _)| *name)
            .collect();
        let mut seen = Vec::new();
        for row in doc.lines().filter(|l| l.starts_with("| `")) {
            let cells: Vec<&str> = row.split('|').map(str::trim).collect();
            // "", code, starts, due, satisfied by, stops, overdue, reminders, ""
            assert_eq!(cells.len(), 9, "{row}");
            let code = cells[1].trim_matches('`');
            let kind = DeadlineKind::parse(code).unwrap_or_else(|| panic!("unknown {code}"));
            seen.push(kind);
            for name in cells[4].split('`').skip(1).step_by(2) {
                assert!(
                    fields.contains(&name) || name == "outcome" || CaseStage::parse(name).is_ok(),
                    "{code}: {name} is neither a key date, an event's outcome nor a stage"
                );
            }
            assert_eq!(
                cells[6] == "yes",
                kind.is_cutoff(),
                "{code}: overdue column"
            );
            let documented: Vec<u32> = cells[7]
                .split(", ")
                .filter_map(|n| n.parse().ok())
                .collect();
            let coded = ReminderRule::for_deadline(kind).map_or(&[][..], |r| r.days_before);
            assert_eq!(documented, coded, "{code}: reminder thresholds");
        }
        assert_eq!(
            seen,
            DeadlineKind::ALL,
            "one row per kind, in the code's order"
        );
    }

    #[test]
    fn derivative_eligibility_follows_the_i589_rules() {
        let today = date(2026, 11, 24);
        assert!(member(Relationship::Spouse, date(1980, 1, 1), true).derivative_eligible(today));
        assert!(!member(Relationship::Spouse, date(1980, 1, 1), false).derivative_eligible(today));
        assert!(member(Relationship::Child, date(2010, 1, 1), true).derivative_eligible(today));
        assert!(
            !member(Relationship::Child, date(2004, 1, 1), true).derivative_eligible(today),
            "over 21"
        );
        let mut married = member(Relationship::Child, date(2008, 1, 1), true);
        married.marital_status = Some(MaritalStatus::Married);
        assert!(!married.derivative_eligible(today));
        // The daughter's fiancé travels with the family but can never be a derivative.
        assert!(!member(Relationship::Fiance, date(2003, 1, 1), true).derivative_eligible(today));
    }
}
