//! Facts of a case file that the deadlines are computed from, and the computation.

use chrono::NaiveDate;

use super::codes::{HearingKind, MaritalStatus, Relationship};
use super::deadlines::{
    self, Deadline, DeadlineKind, EadClock, FilingException, one_year_filing_due,
};
use super::intake::{FamilyMember, Intake};

/// Everything the deadlines of one case depend on.
#[derive(Debug, Clone, Default)]
pub struct CaseFacts<'a> {
    pub intake: Option<&'a Intake>,
    pub i589_filed_on: Option<NaiveDate>,
    pub i589_received_on: Option<NaiveDate>,
    pub filing_exception: Option<FilingException>,
    pub ead_stops: Vec<(NaiveDate, Option<NaiveDate>)>,
    pub ij_decision_on: Option<NaiveDate>,
    pub granted_on: Option<NaiveDate>,
    pub events: Vec<(HearingKind, NaiveDate)>,
}

/// Every deadline the case has, as of `today` (the EAD projection depends on it).
pub fn deadlines(facts: &CaseFacts<'_>, today: NaiveDate) -> Vec<Deadline> {
    let mut all = Vec::new();
    if let Some(intake) = facts.intake {
        // Shown until the I-589 is filed.
        if facts.i589_filed_on.is_none()
            && let Some(arrival) = intake.last_arrival()
        {
            all.push(Deadline::new(
                DeadlineKind::OneYearFiling,
                one_year_filing_due(arrival, facts.filing_exception.as_ref()),
            ));
        }
        if let Some(expires) = intake.entry.parole_expires_on {
            let dates = deadlines::parole_dates(expires);
            all.push(Deadline::new(DeadlineKind::ParoleExpiry, dates.expires));
            all.push(Deadline::new(
                DeadlineKind::ReParoleWindow,
                dates.re_parole_window_opens,
            ));
        }
        for member in &intake.family {
            if member.relationship == Some(Relationship::Child)
                && (member.derivative || member.in_us)
                && let Some(born) = member.date_of_birth
            {
                all.push(Deadline::new(
                    DeadlineKind::ChildAgesOut,
                    deadlines::child_ages_out(born),
                ));
            }
        }
    }
    if let Some(start) = facts.i589_received_on {
        let clock = facts
            .ead_stops
            .iter()
            .fold(EadClock::new(start), |clock, (from, until)| {
                clock.with_stop(*from, *until)
            });
        all.extend(clock.deadlines(today));
    }
    if let Some(decision) = facts.ij_decision_on {
        all.push(Deadline::new(
            DeadlineKind::BiaAppeal,
            deadlines::bia_appeal_due(decision),
        ));
    }
    if let Some(granted) = facts.granted_on {
        all.push(Deadline::new(
            DeadlineKind::I730,
            deadlines::i730_due(granted),
        ));
    }
    for (kind, on) in &facts.events {
        let kind = match kind {
            HearingKind::MasterHearing | HearingKind::MeritsHearing => DeadlineKind::Hearing,
            HearingKind::Interview => DeadlineKind::Interview,
            HearingKind::Biometrics => DeadlineKind::Biometrics,
        };
        all.push(Deadline::new(kind, *on));
    }
    all.sort_by_key(|d| (d.due, d.kind.as_str()));
    all.dedup();
    all
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
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::intake::{EntryDetails, FamilyMember};

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

    #[test]
    fn one_year_deadline_until_the_i589_is_filed() {
        let intake = Intake {
            entry: EntryDetails {
                last_arrival_on: Some(date(2025, 7, 3)),
                ..EntryDetails::default()
            },
            ..Intake::default()
        };
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
            i589_filed_on: Some(date(2026, 2, 1)),
            ..facts
        };
        assert!(deadlines(&filed, date(2026, 3, 1)).is_empty());
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
            i589_filed_on: Some(date(2026, 1, 5)),
            i589_received_on: Some(date(2026, 1, 5)),
            ij_decision_on: Some(date(2026, 11, 2)),
            granted_on: Some(date(2026, 6, 1)),
            events: vec![(HearingKind::MasterHearing, date(2026, 12, 3))],
            ..CaseFacts::default()
        };
        let kinds: Vec<&str> = deadlines(&facts, date(2026, 11, 24))
            .iter()
            .map(|d| d.kind.as_str())
            .collect();
        for kind in [
            "ead_may_file",
            "ead_may_be_granted",
            "bia_appeal",
            "parole_expiry",
            "re_parole_window",
            "child_ages_out",
            "i730",
            "hearing",
        ] {
            assert!(kinds.contains(&kind), "{kind} missing from {kinds:?}");
        }
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
