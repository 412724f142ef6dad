//! The dates Refuge computes and watches (DOMAIN.md, "Dates the software computes and
//! watches"). Every rule is a pure function of dates: today is always a parameter.
//!
//! Two readings are taken wherever the law leaves room:
//! - **When a period ends on a Saturday, Sunday or federal holiday it runs to the next business
//!   day** where a regulation says so: 8 CFR 1.2 ("day", for every DHS filing period, which
//!   covers the one-year deadline and the I-730) and 8 CFR 1003.38(b) (BIA appeals).
//! - **"One year after February 29" is February 28**, never March 1. No statute, regulation or
//!   precedent decides it; a filing on February 28 is timely under either reading, one on
//!   March 1 only under one. A tracker must show the day that is safe whichever reading an
//!   adjudicator takes. The same holds for a 21st birthday and for the I-730's two years.

use chrono::{Datelike, Days, Months, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::domain::holidays::next_business_day_on_or_after;

// ---------------------------------------------------------------------------------------------
// One-year filing deadline

/// The one-year filing deadline (INA 208(a)(2)(B), 8 CFR 208.4(a)(2)(ii)): one calendar year
/// after the date of the applicant's **last** arrival in the United States, moved to the next
/// business day when it falls on a weekend or federal holiday (8 CFR 1.2).
///
/// An arrival on February 29 gives February 28 of the next year (see the module docs).
pub fn one_year_filing_deadline(last_arrival: NaiveDate) -> NaiveDate {
    next_business_day_on_or_after(add_years(last_arrival, 1))
}

/// Which exception to the one-year deadline the lawyer relies on (8 CFR 208.4(a)(4), (5)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FilingExceptionKind {
    /// Changed circumstances materially affecting eligibility (8 CFR 208.4(a)(4)).
    ChangedCircumstances,
    /// Extraordinary circumstances relating to the delay, e.g. parole or TPS maintained until a
    /// reasonable period before filing (8 CFR 208.4(a)(5)).
    ExtraordinaryCircumstances,
}

impl FilingExceptionKind {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::ChangedCircumstances => "changed_circumstances",
            Self::ExtraordinaryCircumstances => "extraordinary_circumstances",
        }
    }

    /// Catalogue key of the exception's name.
    pub fn label_key(self) -> &'static str {
        match self {
            Self::ChangedCircumstances => "filing-exception-changed-circumstances",
            Self::ExtraordinaryCircumstances => "filing-exception-extraordinary-circumstances",
        }
    }
}

/// An exception to the one-year deadline as recorded by the lawyer, with the date the
/// "reasonable period" for filing ends in the lawyer's judgment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct FilingException {
    pub kind: FilingExceptionKind,
    pub reasonable_period_ends: NaiveDate,
}

/// The date the I-589 must be filed by, taking a recorded exception into account.
///
/// With an exception the lawyer's reasonable-period date replaces the statutory deadline. It is
/// the lawyer's date, shown as entered: not moved off a weekend, because it is a judgment of
/// what an adjudicator will accept, not a period the regulations count. An exception can only
/// extend the time, never shorten it: filing within the year is timely whatever else is
/// recorded, so the later of the two dates is the one due.
pub fn one_year_filing_due(
    last_arrival: NaiveDate,
    exception: Option<&FilingException>,
) -> NaiveDate {
    let statutory = one_year_filing_deadline(last_arrival);
    match exception {
        Some(exception) => exception.reasonable_period_ends.max(statutory),
        None => statutory,
    }
}

// ---------------------------------------------------------------------------------------------
// EAD clock

/// A period during which the asylum EAD clock did not run because of an applicant-caused delay
/// (8 CFR 208.7(a)(2)): from the day it stopped until the day it started again, or still
/// stopped when `until` is `None`. The day it stopped is not counted; the restart day is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClockStop {
    pub from: NaiveDate,
    pub until: Option<NaiveDate>,
}

/// The asylum EAD clock (8 CFR 208.7, 8 CFR 1208.7): it starts on the day the I-589 was
/// received by USCIS or lodged with the immigration court, pauses for applicant-caused delays,
/// and on day 150 the applicant may file the I-765; the EAD may be granted from day 180.
///
/// Day 0 is the start date, so with no stops day 150 falls 150 calendar days after it. The
/// clock is read as of a given day: stops that begin after that day are not yet facts and are
/// ignored, so the same inputs always give the same answer for the same day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EadClock {
    start: NaiveDate,
    stops: Vec<ClockStop>,
}

impl EadClock {
    /// The day the applicant may file the I-765 (8 CFR 208.7(a)(1)).
    pub const MAY_FILE_DAY: i64 = 150;
    /// The day before which no EAD may be granted (8 CFR 208.7(a)(1)).
    pub const MAY_BE_GRANTED_DAY: i64 = 180;

    pub fn new(start: NaiveDate) -> Self {
        Self {
            start,
            stops: Vec::new(),
        }
    }

    /// Records a stop; `until: None` means the clock has not restarted.
    pub fn with_stop(mut self, from: NaiveDate, until: Option<NaiveDate>) -> Self {
        self.stops.push(ClockStop { from, until });
        self
    }

    pub fn start(&self) -> NaiveDate {
        self.start
    }

    pub fn stops(&self) -> &[ClockStop] {
        &self.stops
    }

    /// Whether the clock is stopped on `today`.
    pub fn is_stopped(&self, today: NaiveDate) -> bool {
        self.pauses(today)
            .iter()
            .any(|&(from, until)| from <= today && until.is_none_or(|until| today < until))
    }

    /// The days counted from the start up to `today` (0 on the start day and before it).
    pub fn days_on_clock(&self, today: NaiveDate) -> i64 {
        if today <= self.start {
            return 0;
        }
        let stopped: i64 = self
            .pauses(today)
            .iter()
            .map(|&(from, until)| {
                let end = until.map_or(today, |until| until.min(today));
                (end - from).num_days().max(0)
            })
            .sum();
        (today - self.start).num_days() - stopped
    }

    /// The date the clock reaches `day`, as known on `today`.
    ///
    /// A day already reached gives the date it was reached, even if the clock has stopped
    /// since. A day not yet reached is projected through the recorded stops, assuming no new
    /// ones; it is `None` while the clock is stopped with no restart date, because no one can
    /// say when it will run again.
    pub fn projected_date(&self, day: i64, today: NaiveDate) -> Option<NaiveDate> {
        let mut remaining = u64::try_from(day).ok()?;
        let mut cursor = self.start;
        for (from, until) in self.pauses(today) {
            let reached = cursor.checked_add_days(Days::new(remaining))?;
            if reached <= from {
                return Some(reached);
            }
            remaining -= u64::try_from((from - cursor).num_days()).ok()?;
            cursor = until?;
        }
        cursor.checked_add_days(Days::new(remaining))
    }

    /// The two EAD dates as deadlines, when they can be projected.
    pub fn deadlines(&self, today: NaiveDate) -> Vec<Deadline> {
        [
            (DeadlineKind::EadMayFile, Self::MAY_FILE_DAY),
            (DeadlineKind::EadMayBeGranted, Self::MAY_BE_GRANTED_DAY),
        ]
        .into_iter()
        .filter_map(|(kind, day)| {
            self.projected_date(day, today)
                .map(|due| Deadline::new(kind, due))
        })
        .collect()
    }

    /// The stops known on `today` as disjoint `[from, until)` ranges in date order, none before
    /// the start; `None` for "not restarted". Overlapping or adjoining stops are merged, empty
    /// ones (restart on or before the stop) dropped.
    fn pauses(&self, today: NaiveDate) -> Vec<(NaiveDate, Option<NaiveDate>)> {
        let mut known: Vec<(NaiveDate, Option<NaiveDate>)> = self
            .stops
            .iter()
            .filter(|stop| stop.from <= today)
            .map(|stop| (stop.from.max(self.start), stop.until))
            .filter(|&(from, until)| until.is_none_or(|until| until > from))
            .collect();
        known.sort_by_key(|&(from, _)| from);
        let mut merged: Vec<(NaiveDate, Option<NaiveDate>)> = Vec::with_capacity(known.len());
        for (from, until) in known {
            match merged.last_mut() {
                Some((_, last_until)) if last_until.is_none_or(|end| from <= end) => {
                    *last_until = match (*last_until, until) {
                        (Some(a), Some(b)) => Some(a.max(b)),
                        _ => None,
                    };
                }
                _ => merged.push((from, until)),
            }
        }
        merged
    }
}

// ---------------------------------------------------------------------------------------------
// Court, parole, family

/// The last day for the notice of appeal to reach the BIA: 30 calendar days after the
/// immigration judge's decision (the oral decision, or the mailing or electronic service of a
/// written one), moved to the next business day when it falls on a weekend or federal holiday
/// (8 CFR 1003.38(b)).
pub fn bia_appeal_due(decision: NaiveDate) -> NaiveDate {
    next_business_day_on_or_after(add_days(decision, 30))
}

/// Days before parole expires that the re-parole request should be filed.
pub const RE_PAROLE_LEAD_DAYS: u64 = 60;

/// USCIS takes a re-parole request at most this many days before the parole expires; a filing
/// recorded earlier than that belongs to an earlier parole period.
pub const RE_PAROLE_EARLIEST_DAYS: u64 = 180;

/// Whether a re-parole request filed on `filed` answers the parole expiring on `expires`.
pub fn re_parole_filed_for(filed: NaiveDate, expires: NaiveDate) -> bool {
    expires
        .checked_sub_days(Days::new(RE_PAROLE_EARLIEST_DAYS))
        .is_none_or(|earliest| filed >= earliest)
}

/// Parole expiry and the day the office should file for re-parole.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ParoleDates {
    /// As on the I-94: parole ends that day whatever day of the week it is.
    pub expires: NaiveDate,
    pub re_parole_window_opens: NaiveDate,
}

pub fn parole_dates(expires: NaiveDate) -> ParoleDates {
    ParoleDates {
        expires,
        re_parole_window_opens: re_parole_window_opens(expires),
    }
}

/// 60 calendar days before parole expires. Not moved off weekends: the request is filed
/// online and earlier is never worse.
pub fn re_parole_window_opens(parole_expires: NaiveDate) -> NaiveDate {
    parole_expires
        .checked_sub_days(Days::new(RE_PAROLE_LEAD_DAYS))
        .unwrap_or(NaiveDate::MIN)
}

/// A child's 21st birthday: the day they stop being a "child" who can be a derivative
/// (INA 101(b)(1), 208(b)(3)). Born on February 29 → February 28 (see the module docs: the
/// earlier day is the safe one for an age-out alert). Whether the Child Status Protection Act
/// keeps the child a derivative after that day is the lawyer's call, not computed here.
pub fn child_ages_out(date_of_birth: NaiveDate) -> NaiveDate {
    add_years(date_of_birth, 21)
}

/// Completed years of age on `on` (0 before birth). Someone born on February 29 has a
/// birthday on February 28 in common years, consistent with [`child_ages_out`].
pub fn age_on(date_of_birth: NaiveDate, on: NaiveDate) -> u32 {
    let Ok(mut years) = u32::try_from(on.year() - date_of_birth.year()) else {
        return 0;
    };
    if years > 0 && on < add_years(date_of_birth, years) {
        years -= 1;
    }
    if on < date_of_birth { 0 } else { years }
}

/// The first day the asylee may apply for a green card (I-485): one year of physical presence
/// after the grant of asylum (INA 209(b)(2), 8 CFR 209.2(a)(1)(ii)). An opening, not a cutoff:
/// a filing one day early can be rejected, so a grant on February 29 gives March 1, the later
/// reading, and a weekend is not moved (filing after it is no worse).
pub fn green_card_eligible(grant: NaiveDate) -> NaiveDate {
    let anniversary = add_years(grant, 1);
    if grant.month() == 2 && grant.day() == 29 {
        add_days(anniversary, 1)
    } else {
        anniversary
    }
}

/// The last day to file the I-730 for relatives abroad: two years after the grant of asylum
/// (8 CFR 208.21(d)), February 29 → February 28, then the next business day (8 CFR 1.2).
/// USCIS may excuse a late filing for humanitarian reasons; that is not a date to count on.
pub fn i730_due(grant: NaiveDate) -> NaiveDate {
    next_business_day_on_or_after(add_years(grant, 2))
}

// ---------------------------------------------------------------------------------------------
// Deadlines as the rest of the application sees them

/// Calendar days from `today` to `due`: 0 on the day, negative once it has passed.
pub fn days_remaining(today: NaiveDate, due: NaiveDate) -> i64 {
    (due - today).num_days()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DeadlineKind {
    OneYearFiling,
    EadMayFile,
    EadMayBeGranted,
    BiaAppeal,
    ParoleExpiry,
    ReParoleWindow,
    ChildAgesOut,
    I730,
    GreenCardEligible,
    Hearing,
    Interview,
    Biometrics,
}

impl DeadlineKind {
    pub const ALL: [DeadlineKind; 12] = [
        Self::OneYearFiling,
        Self::EadMayFile,
        Self::EadMayBeGranted,
        Self::BiaAppeal,
        Self::ParoleExpiry,
        Self::ReParoleWindow,
        Self::ChildAgesOut,
        Self::I730,
        Self::GreenCardEligible,
        Self::Hearing,
        Self::Interview,
        Self::Biometrics,
    ];

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.as_str() == code)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::OneYearFiling => "one_year_filing",
            Self::EadMayFile => "ead_may_file",
            Self::EadMayBeGranted => "ead_may_be_granted",
            Self::BiaAppeal => "bia_appeal",
            Self::ParoleExpiry => "parole_expiry",
            Self::ReParoleWindow => "re_parole_window",
            Self::ChildAgesOut => "child_ages_out",
            Self::I730 => "i730",
            Self::GreenCardEligible => "green_card_eligible",
            Self::Hearing => "hearing",
            Self::Interview => "interview",
            Self::Biometrics => "biometrics",
        }
    }

    /// Catalogue key of the deadline's name.
    pub fn label_key(self) -> &'static str {
        match self {
            Self::OneYearFiling => "deadline-one-year-filing",
            Self::EadMayFile => "deadline-ead-may-file",
            Self::EadMayBeGranted => "deadline-ead-may-be-granted",
            Self::BiaAppeal => "deadline-bia-appeal",
            Self::ParoleExpiry => "deadline-parole-expiry",
            Self::ReParoleWindow => "deadline-re-parole-window",
            Self::ChildAgesOut => "deadline-child-ages-out",
            Self::I730 => "deadline-i730",
            Self::GreenCardEligible => "deadline-green-card-eligible",
            Self::Hearing => "deadline-hearing",
            Self::Interview => "deadline-interview",
            Self::Biometrics => "deadline-biometrics",
        }
    }

    /// A last day to act: once it has passed, something was missed. The others are days
    /// something becomes possible (EAD, re-parole window) or an appointment; a past one is
    /// history, not overdue.
    pub fn is_cutoff(self) -> bool {
        matches!(
            self,
            Self::OneYearFiling
                | Self::BiaAppeal
                | Self::ParoleExpiry
                | Self::ChildAgesOut
                | Self::I730
        )
    }
}

/// One watched date of a case. The caller includes only deadlines still live
/// (`case_file::deadlines` and `docs/deadlines.md`: none once satisfied or superseded).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Deadline {
    pub kind: DeadlineKind,
    pub due: NaiveDate,
    /// Who the deadline is about when it is not the client ("Maria turns 21"); for pages
    /// only, never stored or mailed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub person: Option<String>,
}

impl Deadline {
    pub fn new(kind: DeadlineKind, due: NaiveDate) -> Self {
        Self {
            kind,
            due,
            person: None,
        }
    }

    /// A deadline about someone other than the client.
    pub fn about(kind: DeadlineKind, due: NaiveDate, person: String) -> Self {
        Self {
            kind,
            due,
            person: Some(person),
        }
    }

    pub fn days_remaining(&self, today: NaiveDate) -> i64 {
        days_remaining(today, self.due)
    }

    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        self.kind.is_cutoff() && self.due < today
    }
}

/// The soonest deadline due today or later; on a tie, the kind listed first in
/// [`DeadlineKind`] (the one-year deadline before an interview on the same day).
pub fn next_deadline(deadlines: &[Deadline], today: NaiveDate) -> Option<&Deadline> {
    deadlines
        .iter()
        .filter(|deadline| deadline.due >= today)
        .min_by_key(|deadline| (deadline.due, deadline.kind))
}

/// The cutoffs that have passed, oldest first.
pub fn overdue(deadlines: &[Deadline], today: NaiveDate) -> Vec<&Deadline> {
    let mut late: Vec<&Deadline> = deadlines
        .iter()
        .filter(|deadline| deadline.is_overdue(today))
        .collect();
    late.sort_by_key(|deadline| (deadline.due, deadline.kind));
    late
}

// ---------------------------------------------------------------------------------------------

/// Calendar years later; February 29 becomes February 28 in a common year (chrono clamps to
/// the month's last day). Saturates at the end of chrono's calendar.
fn add_years(date: NaiveDate, years: u32) -> NaiveDate {
    date.checked_add_months(Months::new(years.saturating_mul(12)))
        .unwrap_or(NaiveDate::MAX)
}

fn add_days(date: NaiveDate, days: u64) -> NaiveDate {
    date.checked_add_days(Days::new(days))
        .unwrap_or(NaiveDate::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("test date")
    }

    // --- one-year deadline

    #[test]
    fn one_year_deadline_is_the_anniversary_of_the_last_arrival() {
        assert_eq!(one_year_filing_deadline(d("2025-03-12")), d("2026-03-12"));
        assert_eq!(one_year_filing_deadline(d("2023-03-01")), d("2024-03-01"));
        assert_eq!(one_year_filing_deadline(d("2023-02-28")), d("2024-02-28"));
        // Not a 5 U.S.C. 6103 holiday, and a Thursday.
        assert_eq!(one_year_filing_deadline(d("2025-12-24")), d("2026-12-24"));
        // The day after Thanksgiving is a business day.
        assert_eq!(one_year_filing_deadline(d("2026-11-26")), d("2027-11-26"));
    }

    #[test]
    fn one_year_deadline_after_a_leap_day_arrival_is_february_28() {
        assert_eq!(one_year_filing_deadline(d("2024-02-29")), d("2025-02-28"));
        // February 28, 2021 was a Sunday: the next business day, not "March 1 by leap logic".
        assert_eq!(one_year_filing_deadline(d("2020-02-29")), d("2021-03-01"));
        // Arriving on February 28 of the year before a leap year: February 28, not 29.
        assert_eq!(one_year_filing_deadline(d("2027-02-28")), d("2028-02-28"));
    }

    #[test]
    fn one_year_deadline_moves_off_weekends_and_holidays() {
        // July 3, 2026 is Independence Day observed (July 4 is a Saturday).
        assert_eq!(one_year_filing_deadline(d("2025-07-03")), d("2026-07-06"));
        // July 4, 2026 itself: Saturday, then Sunday, then Monday.
        assert_eq!(one_year_filing_deadline(d("2025-07-04")), d("2026-07-06"));
        // January 1, 2022 was a Saturday; New Year's Day was observed on Friday Dec 31,
        // so Monday January 3 is a business day.
        assert_eq!(one_year_filing_deadline(d("2021-01-01")), d("2022-01-03"));
        // Sunday December 31, 2023, then New Year's Day on Monday.
        assert_eq!(one_year_filing_deadline(d("2022-12-31")), d("2024-01-02"));
        // Sunday June 18, 2023, then Juneteenth on Monday.
        assert_eq!(one_year_filing_deadline(d("2022-06-18")), d("2023-06-20"));
        // Veterans Day 2021 on a Thursday.
        assert_eq!(one_year_filing_deadline(d("2020-11-11")), d("2021-11-12"));
        // Veterans Day 2029 is a Sunday, observed Monday November 12.
        assert_eq!(one_year_filing_deadline(d("2028-11-11")), d("2029-11-13"));
        // Christmas 2027 is a Saturday, observed Friday December 24.
        assert_eq!(one_year_filing_deadline(d("2026-12-24")), d("2027-12-27"));
        // Thanksgiving 2025.
        assert_eq!(one_year_filing_deadline(d("2024-11-27")), d("2025-11-28"));
        // Martin Luther King Jr. Day 2026 (January 19).
        assert_eq!(one_year_filing_deadline(d("2025-01-19")), d("2026-01-20"));
        // Memorial Day 2027 (May 31).
        assert_eq!(one_year_filing_deadline(d("2026-05-31")), d("2027-06-01"));
    }

    #[test]
    fn an_exception_replaces_the_deadline_but_never_shortens_it() {
        let arrival = d("2024-05-10");
        // May 10, 2025 is a Saturday.
        assert_eq!(one_year_filing_due(arrival, None), d("2025-05-12"));
        let later = FilingException {
            kind: FilingExceptionKind::ExtraordinaryCircumstances,
            // The lawyer's date stays as entered, even on a Saturday.
            reasonable_period_ends: d("2025-11-15"),
        };
        assert_eq!(one_year_filing_due(arrival, Some(&later)), d("2025-11-15"));
        let earlier = FilingException {
            kind: FilingExceptionKind::ChangedCircumstances,
            reasonable_period_ends: d("2025-03-01"),
        };
        assert_eq!(
            one_year_filing_due(arrival, Some(&earlier)),
            d("2025-05-12")
        );
    }

    // --- EAD clock

    #[test]
    fn ead_clock_without_stops() {
        let clock = EadClock::new(d("2025-01-10"));
        assert_eq!(clock.days_on_clock(d("2025-01-10")), 0);
        assert_eq!(clock.days_on_clock(d("2025-01-01")), 0);
        assert_eq!(clock.days_on_clock(d("2025-02-10")), 31);
        let today = d("2025-02-10");
        assert_eq!(clock.projected_date(150, today), Some(d("2025-06-09")));
        assert_eq!(clock.projected_date(180, today), Some(d("2025-07-09")));
        assert_eq!(clock.days_on_clock(d("2025-06-09")), 150);
        assert_eq!(clock.projected_date(0, today), Some(d("2025-01-10")));
        assert_eq!(clock.projected_date(-1, today), None);
        assert!(!clock.is_stopped(today));
        assert_eq!(
            clock.deadlines(today),
            [
                Deadline::new(DeadlineKind::EadMayFile, d("2025-06-09")),
                Deadline::new(DeadlineKind::EadMayBeGranted, d("2025-07-09")),
            ]
        );
    }

    #[test]
    fn a_closed_stop_shifts_the_dates_by_its_length() {
        // Rescheduled interview: stopped March 3, restarted March 17 (14 days).
        let clock =
            EadClock::new(d("2025-01-10")).with_stop(d("2025-03-03"), Some(d("2025-03-17")));
        let today = d("2025-04-01");
        assert_eq!(clock.days_on_clock(d("2025-03-03")), 52);
        assert_eq!(clock.days_on_clock(d("2025-03-10")), 52);
        assert_eq!(clock.days_on_clock(d("2025-03-17")), 52);
        assert_eq!(clock.days_on_clock(d("2025-03-18")), 53);
        assert_eq!(clock.days_on_clock(today), 52 + 15);
        assert_eq!(clock.projected_date(150, today), Some(d("2025-06-23")));
        assert_eq!(clock.projected_date(180, today), Some(d("2025-07-23")));
        assert_eq!(clock.days_on_clock(d("2025-06-23")), 150);
        // Day 52 was reached on the day it stopped.
        assert_eq!(clock.projected_date(52, today), Some(d("2025-03-03")));
        assert_eq!(clock.projected_date(53, today), Some(d("2025-03-18")));
    }

    #[test]
    fn an_open_stop_freezes_the_count_and_the_projection() {
        let clock = EadClock::new(d("2025-01-10")).with_stop(d("2025-03-03"), None);
        let today = d("2025-05-01");
        assert!(clock.is_stopped(today));
        assert_eq!(clock.days_on_clock(today), 52);
        assert_eq!(clock.days_on_clock(d("2025-12-31")), 52);
        assert_eq!(clock.projected_date(150, today), None);
        assert!(clock.deadlines(today).is_empty());
        // Days reached before it stopped keep their dates.
        assert_eq!(clock.projected_date(30, today), Some(d("2025-02-09")));
    }

    #[test]
    fn a_stop_after_day_150_keeps_the_filing_date_but_blocks_the_grant_date() {
        let clock = EadClock::new(d("2025-01-10")).with_stop(d("2025-06-19"), None);
        let today = d("2025-07-01");
        assert_eq!(clock.days_on_clock(today), 160);
        assert_eq!(clock.projected_date(150, today), Some(d("2025-06-09")));
        assert_eq!(clock.projected_date(180, today), None);
    }

    #[test]
    fn the_clock_is_read_as_of_today() {
        let clock = EadClock::new(d("2025-01-10"))
            .with_stop(d("2025-03-03"), Some(d("2025-03-17")))
            .with_stop(d("2025-05-01"), None);
        // On April 1 the second stop had not happened.
        assert!(!clock.is_stopped(d("2025-04-01")));
        assert_eq!(
            clock.projected_date(150, d("2025-04-01")),
            Some(d("2025-06-23"))
        );
        assert_eq!(clock.projected_date(150, d("2025-05-01")), None);
        // Restarted on a known future day: stopped now, but the projection is certain.
        let clock =
            EadClock::new(d("2025-01-10")).with_stop(d("2025-03-03"), Some(d("2025-03-17")));
        assert!(clock.is_stopped(d("2025-03-10")));
        assert_eq!(
            clock.projected_date(150, d("2025-03-10")),
            Some(d("2025-06-23"))
        );
    }

    #[test]
    fn overlapping_empty_and_early_stops_are_tolerated() {
        let clock = EadClock::new(d("2025-01-10"))
            .with_stop(d("2025-03-10"), Some(d("2025-03-17")))
            .with_stop(d("2025-03-03"), Some(d("2025-03-12")))
            .with_stop(d("2025-04-01"), Some(d("2025-04-01")))
            .with_stop(d("2025-04-05"), Some(d("2025-04-02")))
            .with_stop(d("2024-12-01"), Some(d("2025-01-11")));
        let today = d("2025-05-01");
        // Stopped Jan 10–11 (1 day) and March 3–17 (14 days).
        assert_eq!(
            clock.days_on_clock(today),
            (today - d("2025-01-10")).num_days() - 15
        );
        assert_eq!(clock.projected_date(150, today), Some(d("2025-06-24")));
    }

    // --- court, parole, family

    #[test]
    fn bia_appeal_is_due_thirty_days_after_the_decision() {
        assert_eq!(bia_appeal_due(d("2025-03-03")), d("2025-04-02"));
        // Day 30 is Sunday February 9, 2025.
        assert_eq!(bia_appeal_due(d("2025-01-10")), d("2025-02-10"));
        // Day 30 is Thanksgiving 2025.
        assert_eq!(bia_appeal_due(d("2025-10-28")), d("2025-11-28"));
        // Day 30 is Saturday July 4, 2026 (observed the day before): Monday July 6.
        assert_eq!(bia_appeal_due(d("2026-06-04")), d("2026-07-06"));
        // Day 30 is the observed Independence Day, Friday July 3, 2026.
        assert_eq!(bia_appeal_due(d("2026-06-03")), d("2026-07-06"));
        // Day 30 is Saturday January 1, 2022.
        assert_eq!(bia_appeal_due(d("2021-12-02")), d("2022-01-03"));
    }

    #[test]
    fn re_parole_window_opens_sixty_days_before_expiry() {
        assert_eq!(
            parole_dates(d("2026-05-15")),
            ParoleDates {
                expires: d("2026-05-15"),
                re_parole_window_opens: d("2026-03-16"),
            }
        );
        assert_eq!(re_parole_window_opens(d("2024-04-29")), d("2024-02-29"));
        assert_eq!(re_parole_window_opens(d("2025-03-01")), d("2024-12-31"));
    }

    #[test]
    fn a_child_ages_out_on_the_21st_birthday() {
        assert_eq!(child_ages_out(d("2005-08-14")), d("2026-08-14"));
        // Born on a leap day: February 28 of the common year.
        assert_eq!(child_ages_out(d("2004-02-29")), d("2025-02-28"));
        assert_eq!(child_ages_out(d("2008-02-29")), d("2029-02-28"));
        // 21 years after a leap day can be a leap day.
        assert_eq!(child_ages_out(d("2007-02-28")), d("2028-02-28"));
    }

    #[test]
    fn age_counts_completed_years() {
        let dob = d("2005-08-14");
        assert_eq!(age_on(dob, d("2026-08-13")), 20);
        assert_eq!(age_on(dob, d("2026-08-14")), 21);
        assert_eq!(age_on(dob, d("2005-08-14")), 0);
        assert_eq!(age_on(dob, d("2006-08-13")), 0);
        assert_eq!(age_on(dob, d("2006-08-14")), 1);
        assert_eq!(age_on(dob, d("2000-01-01")), 0);
        assert_eq!(age_on(dob, d("2005-08-13")), 0);
        assert_eq!(age_on(dob, d("2005-12-31")), 0);
        let leap = d("2004-02-29");
        assert_eq!(age_on(leap, d("2025-02-27")), 20);
        assert_eq!(age_on(leap, d("2025-02-28")), 21);
        assert_eq!(age_on(leap, d("2024-02-28")), 19);
        assert_eq!(age_on(leap, d("2024-02-29")), 20);
        // Consistent with the age-out date for every birthday in a leap year.
        let mut day = d("2004-01-01");
        while day.year() == 2004 {
            assert_eq!(age_on(day, child_ages_out(day)), 21, "{day}");
            assert_eq!(
                age_on(day, child_ages_out(day).pred_opt().unwrap()),
                20,
                "{day}"
            );
            day = day.succ_opt().unwrap();
        }
    }

    #[test]
    fn green_card_eligibility_opens_one_year_after_the_grant() {
        assert_eq!(green_card_eligible(d("2025-06-10")), d("2026-06-10"));
        // An opening: not moved off Saturday 2026-07-04.
        assert_eq!(green_card_eligible(d("2025-07-04")), d("2026-07-04"));
        // A year after February 29 is March 1 here: February 28 would be a day early.
        assert_eq!(green_card_eligible(d("2024-02-29")), d("2025-03-01"));
    }

    #[test]
    fn a_re_parole_request_answers_the_parole_it_was_filed_for() {
        let expires = d("2026-05-15");
        // 180 days before is 2025-11-16.
        assert!(re_parole_filed_for(d("2025-11-16"), expires));
        assert!(re_parole_filed_for(d("2026-05-20"), expires));
        // Filed for the parole period before this one.
        assert!(!re_parole_filed_for(d("2025-11-15"), expires));
    }

    #[test]
    fn i730_is_due_two_years_after_the_grant() {
        assert_eq!(i730_due(d("2025-06-10")), d("2027-06-10"));
        // February 28, 2026 is a Saturday.
        assert_eq!(i730_due(d("2024-02-29")), d("2026-03-02"));
        // July 4, 2027 is a Sunday, observed Monday July 5.
        assert_eq!(i730_due(d("2025-07-04")), d("2027-07-06"));
    }

    // --- deadlines

    #[test]
    fn days_remaining_is_negative_when_overdue() {
        assert_eq!(days_remaining(d("2026-07-01"), d("2026-07-06")), 5);
        assert_eq!(days_remaining(d("2026-07-06"), d("2026-07-06")), 0);
        assert_eq!(days_remaining(d("2026-07-08"), d("2026-07-06")), -2);
        assert_eq!(days_remaining(d("2025-12-31"), d("2026-01-01")), 1);
    }

    #[test]
    fn next_deadline_is_the_soonest_not_yet_passed() {
        let today = d("2026-03-01");
        let deadlines = [
            Deadline::new(DeadlineKind::Interview, d("2026-04-01")),
            Deadline::new(DeadlineKind::OneYearFiling, d("2026-02-27")),
            Deadline::new(DeadlineKind::Hearing, d("2026-03-15")),
            Deadline::new(DeadlineKind::BiaAppeal, d("2026-03-15")),
            Deadline::new(DeadlineKind::Biometrics, d("2026-02-01")),
        ];
        assert_eq!(
            next_deadline(&deadlines, today),
            Some(&Deadline::new(DeadlineKind::BiaAppeal, d("2026-03-15")))
        );
        assert_eq!(
            next_deadline(&deadlines, d("2026-03-15")).map(|d| d.kind),
            Some(DeadlineKind::BiaAppeal)
        );
        assert_eq!(next_deadline(&deadlines, d("2026-04-02")), None);
        assert_eq!(next_deadline(&[], today), None);
        // Past appointments are history; a passed cutoff is overdue.
        assert_eq!(
            overdue(&deadlines, today),
            [&Deadline::new(DeadlineKind::OneYearFiling, d("2026-02-27"))]
        );
        assert!(!deadlines[4].is_overdue(today));
        assert_eq!(deadlines[1].days_remaining(today), -2);
    }

    #[test]
    fn every_kind_has_a_distinct_label_and_code() {
        let mut labels: Vec<_> = DeadlineKind::ALL.iter().map(|k| k.label_key()).collect();
        let mut codes: Vec<_> = DeadlineKind::ALL.iter().map(|k| k.as_str()).collect();
        labels.sort();
        labels.dedup();
        codes.sort();
        codes.dedup();
        assert_eq!(labels.len(), DeadlineKind::ALL.len());
        assert_eq!(codes.len(), DeadlineKind::ALL.len());
        for kind in DeadlineKind::ALL {
            assert_eq!(kind.label_key().split('-').next(), Some("deadline"));
            let json = serde_json::to_string(&kind).ok();
            // Debug quotes the string the way JSON does for these plain names.
            assert_eq!(json, Some(format!("{:?}", kind.as_str())));
        }
    }
}
