//! Working a case besides moving its stage: key dates, hearings and appointments, EAD clock
//! stops, the documents checklist and notes.
//!
//! Each `…Form` holds what was typed, as text, so a form with problems comes back with every
//! entry intact; its `parse` gives typed values or the problems, each named by its field.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use serde::{Deserialize, Serialize};

use super::codes::{ChecklistStatus, HearingKind};
use super::deadlines::{FilingException, FilingExceptionKind};
use super::intake::{MAX_LINE, parse_date};
use super::text;
use crate::error::{FieldErrors, Message};

/// Longest note, checklist note or stage note accepted.
pub const MAX_NOTE: usize = 10_000;

/// Trimmed text of at most `max` characters without control characters (line breaks and
/// tabs allowed); `required` refuses it empty.
fn text(errors: &mut FieldErrors, field: &str, value: &str, max: usize, required: bool) -> String {
    let value = value.trim();
    if required && value.is_empty() {
        errors.push(field, Message::new("validation-required"));
    }
    if value.chars().count() > max {
        errors.push(field, Message::new("validation-too-long").with("max", max));
    }
    if let Err(message) = text::check_block(value) {
        errors.push(field, message);
    }
    value.replace("\r\n", "\n")
}

fn date(errors: &mut FieldErrors, field: &str, value: &str) -> Option<NaiveDate> {
    errors.check(field, parse_date(value)).flatten()
}

fn not_future(errors: &mut FieldErrors, field: &str, date: Option<NaiveDate>, today: NaiveDate) {
    if date.is_some_and(|d| d > today) {
        errors.push(field, Message::new("validation-date-future"));
    }
}

fn into_result<T>(value: T, errors: FieldErrors) -> Result<T, FieldErrors> {
    if errors.is_empty() {
        Ok(value)
    } else {
        Err(errors)
    }
}

// ---------------------------------------------------------------------------------------------
// Key dates

/// The dates of a case that are entered, not computed. The deadlines follow from them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct KeyDates {
    pub i589_filed_on: Option<NaiveDate>,
    /// Received by USCIS or lodged with the court: the EAD clock starts here.
    pub i589_received_on: Option<NaiveDate>,
    pub filing_exception: Option<FilingException>,
    pub ij_decision_on: Option<NaiveDate>,
    /// The notice of appeal (EOIR-26) reached the BIA: the appeal deadline is met.
    pub appeal_filed_on: Option<NaiveDate>,
    pub granted_on: Option<NaiveDate>,
    /// The day someone last checked the court's system for hearing changes.
    pub court_verified_on: Option<NaiveDate>,
    /// The work permit application (I-765), once the EAD clock allowed it.
    pub i765_filed_on: Option<NaiveDate>,
    /// The request for re-parole, before the parole expires.
    pub re_parole_filed_on: Option<NaiveDate>,
    /// The I-730 for relatives abroad, within two years of the grant.
    pub i730_filed_on: Option<NaiveDate>,
    /// The green card application (I-485), a year after the grant.
    pub i485_filed_on: Option<NaiveDate>,
}

impl KeyDates {
    /// Each date by its field name, for before/after comparisons (the exception as its kind
    /// and its date).
    pub fn fields(&self) -> [(&'static str, Option<String>); 12] {
        let day = |d: Option<NaiveDate>| d.map(|d| d.to_string());
        [
            ("i589_filed_on", day(self.i589_filed_on)),
            ("i589_received_on", day(self.i589_received_on)),
            (
                "one_year_exception",
                self.filing_exception.map(|e| e.kind.as_str().to_string()),
            ),
            (
                "one_year_exception_until",
                day(self.filing_exception.map(|e| e.reasonable_period_ends)),
            ),
            ("ij_decision_on", day(self.ij_decision_on)),
            ("appeal_filed_on", day(self.appeal_filed_on)),
            ("granted_on", day(self.granted_on)),
            ("court_verified_on", day(self.court_verified_on)),
            ("i765_filed_on", day(self.i765_filed_on)),
            ("re_parole_filed_on", day(self.re_parole_filed_on)),
            ("i730_filed_on", day(self.i730_filed_on)),
            ("i485_filed_on", day(self.i485_filed_on)),
        ]
    }
}

/// The key-dates form as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct KeyDatesForm {
    pub i589_filed_on: String,
    pub i589_received_on: String,
    pub one_year_exception: String,
    pub one_year_exception_until: String,
    pub ij_decision_on: String,
    pub appeal_filed_on: String,
    pub granted_on: String,
    pub court_verified_on: String,
    pub i765_filed_on: String,
    pub re_parole_filed_on: String,
    pub i730_filed_on: String,
    pub i485_filed_on: String,
}

impl KeyDatesForm {
    pub fn from_dates(dates: &KeyDates) -> Self {
        let day = |d: Option<NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
        Self {
            i589_filed_on: day(dates.i589_filed_on),
            i589_received_on: day(dates.i589_received_on),
            one_year_exception: dates
                .filing_exception
                .map(|e| e.kind.as_str().to_string())
                .unwrap_or_default(),
            one_year_exception_until: day(dates.filing_exception.map(|e| e.reasonable_period_ends)),
            ij_decision_on: day(dates.ij_decision_on),
            appeal_filed_on: day(dates.appeal_filed_on),
            granted_on: day(dates.granted_on),
            court_verified_on: day(dates.court_verified_on),
            i765_filed_on: day(dates.i765_filed_on),
            re_parole_filed_on: day(dates.re_parole_filed_on),
            i730_filed_on: day(dates.i730_filed_on),
            i485_filed_on: day(dates.i485_filed_on),
        }
    }

    /// Dates that record what happened cannot lie after `today`; the exception's
    /// reasonable-period date is a judgment about the future and may.
    pub fn parse(&self, today: NaiveDate) -> Result<KeyDates, FieldErrors> {
        let mut errors = FieldErrors::default();
        let past = |field: &str, value: &str, errors: &mut FieldErrors| {
            let parsed = date(errors, field, value);
            not_future(errors, field, parsed, today);
            parsed
        };
        let i589_filed_on = past("i589_filed_on", &self.i589_filed_on, &mut errors);
        let i589_received_on = past("i589_received_on", &self.i589_received_on, &mut errors);
        let ij_decision_on = past("ij_decision_on", &self.ij_decision_on, &mut errors);
        let granted_on = past("granted_on", &self.granted_on, &mut errors);
        let court_verified_on = past("court_verified_on", &self.court_verified_on, &mut errors);
        let appeal_filed_on = past("appeal_filed_on", &self.appeal_filed_on, &mut errors);
        let i765_filed_on = past("i765_filed_on", &self.i765_filed_on, &mut errors);
        let re_parole_filed_on = past("re_parole_filed_on", &self.re_parole_filed_on, &mut errors);
        let i730_filed_on = past("i730_filed_on", &self.i730_filed_on, &mut errors);
        let i485_filed_on = past("i485_filed_on", &self.i485_filed_on, &mut errors);
        if let (Some(decision), Some(appeal)) = (ij_decision_on, appeal_filed_on)
            && appeal < decision
        {
            errors.push(
                "appeal_filed_on",
                Message::new("validation-appeal-before-decision"),
            );
        }
        // Both follow a grant of asylum.
        for (field, filed) in [
            ("i730_filed_on", i730_filed_on),
            ("i485_filed_on", i485_filed_on),
        ] {
            if let Some(filed) = filed
                && granted_on.is_none_or(|granted| filed < granted)
            {
                errors.push(field, Message::new("validation-filed-before-grant"));
            }
        }
        if let (Some(filed), Some(received)) = (i589_filed_on, i589_received_on)
            && received < filed
        {
            errors.push(
                "i589_received_on",
                Message::new("validation-received-before-filed"),
            );
        }
        let kind = match self.one_year_exception.trim() {
            "" => None,
            code => errors.check(
                "one_year_exception",
                serde_json::from_value::<FilingExceptionKind>(serde_json::Value::from(code))
                    .map_err(|_| Message::new("validation-choice")),
            ),
        };
        let until = date(
            &mut errors,
            "one_year_exception_until",
            &self.one_year_exception_until,
        );
        // An exception without its date, or a date without an exception, says nothing.
        let filing_exception = match (kind, until) {
            (Some(kind), Some(until)) => Some(FilingException {
                kind,
                reasonable_period_ends: until,
            }),
            (Some(_), None) if self.one_year_exception_until.trim().is_empty() => {
                errors.push(
                    "one_year_exception_until",
                    Message::new("validation-required"),
                );
                None
            }
            (None, Some(_)) if self.one_year_exception.trim().is_empty() => {
                errors.push("one_year_exception", Message::new("validation-required"));
                None
            }
            _ => None,
        };
        into_result(
            KeyDates {
                i589_filed_on,
                i589_received_on,
                filing_exception,
                ij_decision_on,
                appeal_filed_on,
                granted_on,
                court_verified_on,
                i765_filed_on,
                re_parole_filed_on,
                i730_filed_on,
                i485_filed_on,
            },
            errors,
        )
    }
}

pub const FILING_EXCEPTION_KINDS: [FilingExceptionKind; 2] = [
    FilingExceptionKind::ChangedCircumstances,
    FilingExceptionKind::ExtraordinaryCircumstances,
];

// ---------------------------------------------------------------------------------------------
// Hearings, interviews, biometrics

/// A hearing, interview or biometrics appointment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewCaseEvent {
    pub kind: HearingKind,
    /// Local time at the court or office; midnight when only the day is known.
    pub scheduled_at: NaiveDateTime,
    pub place: String,
    /// The judge or officer.
    pub official: String,
    /// What happened, once it has; empty until recorded.
    pub outcome: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct CaseEventForm {
    pub kind: String,
    pub date: String,
    pub time: String,
    pub place: String,
    pub official: String,
}

impl CaseEventForm {
    pub fn parse(&self) -> Result<NewCaseEvent, FieldErrors> {
        let mut errors = FieldErrors::default();
        let kind = match self.kind.trim() {
            "" => {
                errors.push("kind", Message::new("validation-required"));
                None
            }
            code => errors.check("kind", HearingKind::parse(code)),
        };
        let day = date(&mut errors, "date", &self.date);
        if day.is_none() && self.date.trim().is_empty() {
            errors.push("date", Message::new("validation-required"));
        }
        let time = match self.time.trim() {
            "" => Some(NaiveTime::MIN),
            typed => errors.check(
                "time",
                NaiveTime::parse_from_str(typed, "%H:%M")
                    .or_else(|_| NaiveTime::parse_from_str(typed, "%H:%M:%S"))
                    .map_err(|_| Message::new("validation-time")),
            ),
        };
        let place = text(&mut errors, "place", &self.place, MAX_LINE, false);
        let official = text(&mut errors, "official", &self.official, MAX_LINE, false);
        match (kind, day, time) {
            (Some(kind), Some(day), Some(time)) if errors.is_empty() => Ok(NewCaseEvent {
                kind,
                scheduled_at: day.and_time(time),
                place,
                official,
                outcome: String::new(),
            }),
            _ => Err(errors),
        }
    }
}

/// Whether an event scheduled at `scheduled_at` has taken place by `now`, both in the local
/// time of the court or office: only then can its outcome be recorded. An event whose time is
/// not known (midnight) counts as happened from the start of its day.
pub fn has_happened(scheduled_at: NaiveDateTime, now: NaiveDateTime) -> bool {
    scheduled_at <= now
}

/// What happened at a hearing or appointment, as typed: one short line, corrected by
/// typing it again.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct EventOutcomeForm {
    pub outcome: String,
}

impl EventOutcomeForm {
    pub fn parse(&self) -> Result<String, FieldErrors> {
        let mut errors = FieldErrors::default();
        let outcome = text(&mut errors, "outcome", &self.outcome, MAX_LINE, true);
        into_result(outcome, errors)
    }
}

// ---------------------------------------------------------------------------------------------
// EAD clock

/// Stopping the EAD clock for an applicant-caused delay, or starting it again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ClockChange {
    Stop { on: NaiveDate, reason: String },
    Restart { on: NaiveDate },
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct ClockForm {
    /// `stop` or `restart`.
    pub action: String,
    pub on: String,
    pub reason: String,
}

impl ClockForm {
    pub fn parse(&self) -> Result<ClockChange, FieldErrors> {
        let mut errors = FieldErrors::default();
        let on = date(&mut errors, "on", &self.on);
        if on.is_none() && self.on.trim().is_empty() {
            errors.push("on", Message::new("validation-required"));
        }
        let reason = text(&mut errors, "reason", &self.reason, MAX_LINE, false);
        let change = match (self.action.trim(), on) {
            ("stop", Some(on)) => Some(ClockChange::Stop { on, reason }),
            ("restart", Some(on)) => Some(ClockChange::Restart { on }),
            ("stop" | "restart", None) => None,
            _ => {
                errors.push("action", Message::new("validation-choice"));
                None
            }
        };
        match change {
            Some(change) if errors.is_empty() => Ok(change),
            _ => Err(errors),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Documents checklist

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewChecklistItem {
    pub item: String,
    pub status: ChecklistStatus,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChecklistUpdate {
    pub status: ChecklistStatus,
    pub note: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct ChecklistItemForm {
    pub item: String,
    pub status: String,
    pub note: String,
}

fn status(errors: &mut FieldErrors, typed: &str) -> Option<ChecklistStatus> {
    match typed.trim() {
        "" => Some(ChecklistStatus::Missing),
        code => errors.check("status", ChecklistStatus::parse(code)),
    }
}

impl ChecklistItemForm {
    pub fn parse_new(&self) -> Result<NewChecklistItem, FieldErrors> {
        let mut errors = FieldErrors::default();
        let item = text(&mut errors, "item", &self.item, MAX_LINE, true);
        let status = status(&mut errors, &self.status);
        let note = text(&mut errors, "note", &self.note, MAX_NOTE, false);
        match status {
            Some(status) if errors.is_empty() => Ok(NewChecklistItem { item, status, note }),
            _ => Err(errors),
        }
    }

    /// An existing item's status and note (its name is not changed here).
    pub fn parse_update(&self) -> Result<ChecklistUpdate, FieldErrors> {
        let mut errors = FieldErrors::default();
        let status = status(&mut errors, &self.status);
        let note = text(&mut errors, "note", &self.note, MAX_NOTE, false);
        match status {
            Some(status) if errors.is_empty() => Ok(ChecklistUpdate { status, note }),
            _ => Err(errors),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Notes

#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct NoteForm {
    pub body: String,
}

impl NoteForm {
    pub fn parse(&self) -> Result<String, FieldErrors> {
        let mut errors = FieldErrors::default();
        let body = text(&mut errors, "body", &self.body, MAX_NOTE, true);
        into_result(body, errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn fields(errors: &FieldErrors) -> Vec<&str> {
        errors.iter().map(|e| e.field.as_str()).collect()
    }

    #[test]
    fn what_satisfies_a_deadline_cannot_come_before_what_started_it() {
        let today = day(2026, 11, 23);
        let form = KeyDatesForm {
            ij_decision_on: "2026-11-02".into(),
            appeal_filed_on: "2026-11-01".into(),
            i730_filed_on: "2026-06-01".into(),
            i485_filed_on: "2026-11-30".into(),
            re_parole_filed_on: "2026-10-01".into(),
            ..KeyDatesForm::default()
        };
        let errors = form.parse(today).unwrap_err();
        assert_eq!(
            fields(&errors),
            [
                "i485_filed_on",
                "appeal_filed_on",
                "i730_filed_on",
                "i485_filed_on"
            ]
        );
        let fine = KeyDatesForm {
            ij_decision_on: "2026-11-02".into(),
            appeal_filed_on: "2026-11-20".into(),
            granted_on: "2026-05-01".into(),
            i730_filed_on: "2026-06-01".into(),
            ..KeyDatesForm::default()
        };
        let dates = fine.parse(today).unwrap();
        assert_eq!(dates.appeal_filed_on, Some(day(2026, 11, 20)));
        assert_eq!(KeyDatesForm::from_dates(&dates).i730_filed_on, "2026-06-01");
    }

    #[test]
    fn key_dates_parse_and_keep_their_rules() {
        let today = day(2026, 11, 23);
        let form = KeyDatesForm {
            i589_filed_on: "2026-10-01".into(),
            i589_received_on: "05.10.2026".into(),
            one_year_exception: "changed_circumstances".into(),
            one_year_exception_until: "2027-03-01".into(),
            ..KeyDatesForm::default()
        };
        let dates = form.parse(today).unwrap();
        assert_eq!(dates.i589_received_on, Some(day(2026, 10, 5)));
        assert_eq!(
            dates.filing_exception.map(|e| e.reasonable_period_ends),
            Some(day(2027, 3, 1))
        );
        assert_eq!(
            KeyDatesForm::from_dates(&dates).i589_received_on,
            "2026-10-05"
        );

        let wrong = KeyDatesForm {
            i589_filed_on: "2026-12-01".into(),
            i589_received_on: "2026-09-01".into(),
            one_year_exception: "changed_circumstances".into(),
            granted_on: "soon".into(),
            ..KeyDatesForm::default()
        };
        let errors = wrong.parse(today).unwrap_err();
        assert_eq!(
            fields(&errors),
            vec![
                "i589_filed_on",
                "granted_on",
                "i589_received_on",
                "one_year_exception_until"
            ]
        );
        let orphan = KeyDatesForm {
            one_year_exception_until: "2027-01-01".into(),
            ..KeyDatesForm::default()
        };
        assert_eq!(
            fields(&orphan.parse(today).unwrap_err()),
            vec!["one_year_exception"]
        );
    }

    #[test]
    fn events_need_a_kind_and_a_day() {
        let form = CaseEventForm {
            kind: "master_hearing".into(),
            date: "2027-01-12".into(),
            time: "08:30".into(),
            place: "San Diego Immigration Court".into(),
            official: "IJ Example".into(),
        };
        let event = form.parse().unwrap();
        assert_eq!(event.scheduled_at.to_string(), "2027-01-12 08:30:00");
        let empty = CaseEventForm::default().parse().unwrap_err();
        assert_eq!(fields(&empty), vec!["kind", "date"]);
        let bad = CaseEventForm {
            time: "half past".into(),
            ..form
        };
        assert_eq!(fields(&bad.parse().unwrap_err()), vec!["time"]);
    }

    #[test]
    fn an_outcome_is_one_required_line_once_the_event_has_happened() {
        let typed = EventOutcomeForm {
            outcome: "  Reset to 2027-03-04; pleadings taken \r\n".into(),
        };
        assert_eq!(
            typed.parse().unwrap(),
            "Reset to 2027-03-04; pleadings taken"
        );
        let blank = EventOutcomeForm {
            outcome: " ".into(),
        };
        assert_eq!(fields(&blank.parse().unwrap_err()), vec!["outcome"]);
        let long = EventOutcomeForm {
            outcome: "x".repeat(MAX_LINE + 1),
        };
        assert_eq!(fields(&long.parse().unwrap_err()), vec!["outcome"]);

        let at = |d: u32, h: u32| day(2026, 11, d).and_hms_opt(h, 0, 0).unwrap();
        let now = at(23, 14);
        assert!(has_happened(at(23, 8), now));
        assert!(has_happened(at(23, 0), now), "today, time not known");
        assert!(has_happened(now, now));
        assert!(!has_happened(at(23, 15), now), "later today");
        assert!(!has_happened(at(24, 0), now));
    }

    #[test]
    fn clock_changes_and_checklist_items_parse() {
        let stop = ClockForm {
            action: "stop".into(),
            on: "2026-11-01".into(),
            reason: "Asked to reschedule".into(),
        };
        assert!(matches!(stop.parse(), Ok(ClockChange::Stop { .. })));
        let nonsense = ClockForm {
            action: "pause".into(),
            ..stop
        };
        assert_eq!(fields(&nonsense.parse().unwrap_err()), vec!["action"]);

        let item = ChecklistItemForm {
            item: "Passport, translated".into(),
            ..ChecklistItemForm::default()
        };
        assert_eq!(item.parse_new().unwrap().status, ChecklistStatus::Missing);
        assert_eq!(
            fields(&ChecklistItemForm::default().parse_new().unwrap_err()),
            vec!["item"]
        );
        let bad_status = ChecklistItemForm {
            status: "lost".into(),
            ..item
        };
        assert_eq!(
            fields(&bad_status.parse_update().unwrap_err()),
            vec!["status"]
        );
        assert!(NoteForm::default().parse().is_err());
        assert_eq!(
            NoteForm {
                body: "  Called the court \r\n ".into()
            }
            .parse()
            .unwrap(),
            "Called the court"
        );
    }
}
