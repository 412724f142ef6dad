//! What Refuge tells people and when: notification kinds, each person's delivery choice, and
//! the reminder thresholds before each kind of deadline. Pure: the scan that applies them is
//! in `services::reminders`.

use chrono::{Duration, NaiveDate};
use serde::{Deserialize, Serialize};

use super::case_stage::CaseStage;
use super::deadlines::DeadlineKind;
use super::holidays::is_business_day;

/// A kind of notification; each person chooses its delivery per kind.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    utoipa::ToSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum NotificationKind {
    CaseAssigned,
    StageChanged,
    OneYearReminder,
    /// Hearings, asylum interviews and biometrics appointments.
    HearingReminder,
    AppealReminder,
    ParoleReminder,
    AgeOutReminder,
    /// The weekly list of hearings not verified with the court in the last 7 days.
    CourtRecheck,
    /// A client sent their answers under a questionnaire link: a revision waits for review.
    QuestionnaireSubmitted,
}

impl NotificationKind {
    pub const ALL: [NotificationKind; 9] = [
        Self::CaseAssigned,
        Self::StageChanged,
        Self::OneYearReminder,
        Self::HearingReminder,
        Self::AppealReminder,
        Self::ParoleReminder,
        Self::AgeOutReminder,
        Self::CourtRecheck,
        Self::QuestionnaireSubmitted,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::CaseAssigned => "case_assigned",
            Self::StageChanged => "stage_changed",
            Self::OneYearReminder => "one_year_reminder",
            Self::HearingReminder => "hearing_reminder",
            Self::AppealReminder => "appeal_reminder",
            Self::ParoleReminder => "parole_reminder",
            Self::AgeOutReminder => "age_out_reminder",
            Self::CourtRecheck => "court_recheck",
            Self::QuestionnaireSubmitted => "questionnaire_submitted",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == code)
    }

    /// Catalogue key of the kind's name on the profile page.
    pub fn label_key(self) -> &'static str {
        match self {
            Self::CaseAssigned => "notification-kind-case-assigned",
            Self::StageChanged => "notification-kind-stage-changed",
            Self::OneYearReminder => "notification-kind-one-year-reminder",
            Self::HearingReminder => "notification-kind-hearing-reminder",
            Self::AppealReminder => "notification-kind-appeal-reminder",
            Self::ParoleReminder => "notification-kind-parole-reminder",
            Self::AgeOutReminder => "notification-kind-age-out-reminder",
            Self::CourtRecheck => "notification-kind-court-recheck",
            Self::QuestionnaireSubmitted => "notification-kind-questionnaire-submitted",
        }
    }

    /// A missed one-year deadline or appeal window ends the claim: these cannot be turned off.
    pub fn can_turn_off(self) -> bool {
        !matches!(self, Self::OneYearReminder | Self::AppealReminder)
    }
}

/// How a person receives one kind of notification.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, utoipa::ToSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Delivery {
    #[default]
    Immediate,
    /// Collected into one message a day, sent at the daily scan.
    Digest,
    Off,
}

impl Delivery {
    pub const ALL: [Delivery; 3] = [Self::Immediate, Self::Digest, Self::Off];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Immediate => "immediate",
            Self::Digest => "digest",
            Self::Off => "off",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|d| d.as_str() == code)
    }

    pub fn label_key(self) -> &'static str {
        match self {
            Self::Immediate => "notification-delivery-immediate",
            Self::Digest => "notification-delivery-digest",
            Self::Off => "notification-delivery-off",
        }
    }

    /// The delivery in effect for `kind`: "off" is read as immediate where it is not allowed.
    pub fn effective_for(self, kind: NotificationKind) -> Self {
        if self == Self::Off && !kind.can_turn_off() {
            Self::Immediate
        } else {
            self
        }
    }
}

/// Reminders before one kind of deadline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReminderRule {
    pub deadline: DeadlineKind,
    pub kind: NotificationKind,
    /// Days before the deadline, largest first.
    pub days_before: &'static [u32],
}

pub const REMINDER_RULES: [ReminderRule; 7] = [
    ReminderRule {
        deadline: DeadlineKind::OneYearFiling,
        kind: NotificationKind::OneYearReminder,
        days_before: &[60, 30, 14, 7, 1],
    },
    ReminderRule {
        deadline: DeadlineKind::Hearing,
        kind: NotificationKind::HearingReminder,
        days_before: &[14, 7, 1],
    },
    ReminderRule {
        deadline: DeadlineKind::Interview,
        kind: NotificationKind::HearingReminder,
        days_before: &[14, 7, 1],
    },
    ReminderRule {
        deadline: DeadlineKind::Biometrics,
        kind: NotificationKind::HearingReminder,
        days_before: &[14, 7, 1],
    },
    ReminderRule {
        deadline: DeadlineKind::BiaAppeal,
        kind: NotificationKind::AppealReminder,
        days_before: &[14, 7, 2],
    },
    ReminderRule {
        deadline: DeadlineKind::ParoleExpiry,
        kind: NotificationKind::ParoleReminder,
        days_before: &[90, 60],
    },
    ReminderRule {
        deadline: DeadlineKind::ChildAgesOut,
        kind: NotificationKind::AgeOutReminder,
        days_before: &[120],
    },
];

impl ReminderRule {
    pub fn for_deadline(kind: DeadlineKind) -> Option<Self> {
        REMINDER_RULES.into_iter().find(|r| r.deadline == kind)
    }

    /// The furthest ahead any reminder of this rule looks.
    pub fn horizon_days(self) -> u32 {
        self.days_before.iter().copied().max().unwrap_or(0)
    }

    /// The threshold whose reminder is due from a scan on `today` that follows one on
    /// `since` (`since == today` for the first scan, or a scan run again the same day).
    ///
    /// A threshold's reminder goes out on its day: `days` before the deadline, or the business
    /// day before that when it falls on a weekend or federal holiday (nobody reads a Saturday
    /// warning). Only thresholds whose day falls in `[since, today]` count — a deadline first
    /// seen after some thresholds passed waits for the next one, so no reminder ever says
    /// "in 37 days" — and of those only the nearest to the deadline: a scan that missed days
    /// sends one reminder, not a burst. `since` itself is included so that a deadline entered
    /// after that day's scan still gets that day's reminder; once-keys keep it from going twice.
    /// Nothing is due once the deadline has passed.
    pub fn due_threshold(
        self,
        due_on: NaiveDate,
        since: NaiveDate,
        today: NaiveDate,
    ) -> Option<u32> {
        if due_on < today {
            return None;
        }
        self.days_before
            .iter()
            .copied()
            .filter(|days| (since.min(today)..=today).contains(&send_on(due_on, *days)))
            .min()
    }
}

/// The day the reminder `days` before `due_on` is sent: that day, or the business day
/// before it.
pub fn send_on(due_on: NaiveDate, days: u32) -> NaiveDate {
    let mut day = due_on - Duration::days(i64::from(days));
    while !is_business_day(day) {
        day -= Duration::days(1);
    }
    day
}

/// The key that makes a reminder happen once per person, case, deadline and threshold; a
/// moved deadline (a rescheduled hearing) is a new deadline with reminders of its own.
pub fn reminder_key(
    recipient: uuid::Uuid,
    case_id: uuid::Uuid,
    deadline: DeadlineKind,
    due_on: NaiveDate,
    days: u32,
) -> String {
    format!(
        "reminder:{}:{}:{}:{due_on}:{days}",
        recipient.simple(),
        case_id.simple(),
        deadline.as_str()
    )
}

/// What a notification says, stored with it and rendered into the recipient's language:
/// references, stages, dates and counts — never a client's name, A-number, nationality or
/// story. `initials` is filled only when the office setting allows it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NotificationDetails {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub case_id: Option<uuid::Uuid>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub initials: Option<String>,
    /// For an assignment: `lawyer` or `paralegal`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from_stage: Option<CaseStage>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to_stage: Option<CaseStage>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deadline: Option<DeadlineKind>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due_on: Option<NaiveDate>,
    /// Days from the day it was sent to `due_on`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub days_left: Option<i64>,
    /// The weekly re-check list: each case with its next hearing and last verification.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cases: Vec<ListedCase>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListedCase {
    pub case_id: uuid::Uuid,
    pub reference: String,
    pub hearing_on: NaiveDate,
    pub verified_on: Option<NaiveDate>,
}

/// "Y. P." from the Latin given and family names; empty parts and the passport's "NONE"
/// are skipped.
pub fn initials(given_name: &str, family_name: &str) -> Option<String> {
    let letters: Vec<String> = [given_name, family_name]
        .iter()
        .map(|p| p.trim())
        .filter(|p| !p.is_empty() && !p.eq_ignore_ascii_case("none"))
        .filter_map(|p| p.chars().next())
        .map(|c| format!("{}.", c.to_uppercase()))
        .collect();
    (!letters.is_empty()).then(|| letters.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    fn one_year() -> ReminderRule {
        ReminderRule::for_deadline(DeadlineKind::OneYearFiling).unwrap_or(REMINDER_RULES[0])
    }

    /// A scan each day from `from` to `until`: the thresholds sent, by day.
    fn daily(
        rule: ReminderRule,
        due: NaiveDate,
        from: NaiveDate,
        until: NaiveDate,
    ) -> Vec<(NaiveDate, u32)> {
        let mut sent = Vec::new();
        let mut since = from;
        let mut today = from;
        while today <= until {
            if let Some(days) = rule.due_threshold(due, since, today)
                && !sent.iter().any(|&(_, d)| d == days)
            {
                sent.push((today, days));
            }
            since = today;
            today = today.succ_opt().unwrap_or(today);
        }
        sent
    }

    #[test]
    fn each_threshold_is_sent_on_its_day_and_only_then() {
        // Deadline Wednesday 2027-03-31: 60 days before is Saturday 2027-01-30 → Friday 01-29;
        // 30: Monday 03-01; 14: Wednesday 03-17; 7: Wednesday 03-24; 1: Tuesday 03-30.
        let due = date(2027, 3, 31);
        assert_eq!(
            daily(one_year(), due, date(2027, 1, 1), date(2027, 4, 10)),
            [
                (date(2027, 1, 29), 60),
                (date(2027, 3, 1), 30),
                (date(2027, 3, 17), 14),
                (date(2027, 3, 24), 7),
                (date(2027, 3, 30), 1),
            ]
        );
        let rule = one_year();
        // Between thresholds nothing is due, and nothing after the deadline.
        assert_eq!(
            rule.due_threshold(due, date(2027, 2, 27), date(2027, 2, 28)),
            None
        );
        assert_eq!(
            rule.due_threshold(due, date(2027, 3, 31), date(2027, 4, 1)),
            None
        );
    }

    #[test]
    fn a_reminder_falling_on_a_weekend_or_holiday_goes_out_the_business_day_before() {
        // Hearing Monday 2027-01-18 (Martin Luther King Jr. Day is that day, but the
        // reminder days are what matter): 1 day before is Sunday → Friday 2027-01-15.
        assert_eq!(send_on(date(2027, 1, 18), 1), date(2027, 1, 15));
        // 7 days before Tuesday 2026-07-07 is Tuesday 06-30, a business day.
        assert_eq!(send_on(date(2026, 7, 7), 7), date(2026, 6, 30));
        // 1 day before Monday 2026-07-06 is Sunday 07-05; Friday 07-03 is Independence Day
        // observed (the 4th is a Saturday), so Thursday 07-02.
        assert_eq!(send_on(date(2026, 7, 6), 1), date(2026, 7, 2));
        let hearing =
            ReminderRule::for_deadline(DeadlineKind::Hearing).unwrap_or(REMINDER_RULES[1]);
        assert_eq!(
            daily(
                hearing,
                date(2026, 7, 6),
                date(2026, 6, 1),
                date(2026, 7, 6)
            ),
            [
                (date(2026, 6, 22), 14),
                (date(2026, 6, 29), 7),
                (date(2026, 7, 2), 1)
            ]
        );
    }

    #[test]
    fn a_deadline_first_seen_after_thresholds_passed_waits_for_the_next_one() {
        let due = date(2027, 3, 31);
        // First seen 37 days before: not "in 37 days", but the 30-day reminder on 03-01.
        assert_eq!(
            daily(one_year(), due, date(2027, 2, 22), date(2027, 3, 31)),
            [
                (date(2027, 3, 1), 30),
                (date(2027, 3, 17), 14),
                (date(2027, 3, 24), 7),
                (date(2027, 3, 30), 1),
            ]
        );
        let parole =
            ReminderRule::for_deadline(DeadlineKind::ParoleExpiry).unwrap_or(REMINDER_RULES[5]);
        // Both parole thresholds (90, 60) have passed: nothing at all.
        assert!(daily(parole, due, date(2027, 3, 22), date(2027, 3, 31)).is_empty());
        assert_eq!(parole.horizon_days(), 90);
    }

    #[test]
    fn a_scan_that_missed_days_sends_only_the_nearest_missed_threshold() {
        let due = date(2027, 3, 31);
        // Down from 03-15 to 03-25: the 14- and 7-day days were missed; one reminder, the 7.
        assert_eq!(
            one_year().due_threshold(due, date(2027, 3, 15), date(2027, 3, 25)),
            Some(7)
        );
        // The day of the previous scan counts again (a deadline entered after that scan).
        assert_eq!(
            one_year().due_threshold(due, date(2027, 3, 24), date(2027, 3, 25)),
            Some(7)
        );
    }

    #[test]
    fn initials_take_the_first_letter_of_each_latin_name() {
        assert_eq!(initials("Iuliia", "Petrova").as_deref(), Some("I. P."));
        assert_eq!(initials("NONE", "shcherbakov").as_deref(), Some("S."));
        assert_eq!(initials("", " "), None);
    }

    #[test]
    fn only_some_kinds_can_be_turned_off() {
        assert!(!NotificationKind::OneYearReminder.can_turn_off());
        assert!(!NotificationKind::AppealReminder.can_turn_off());
        assert!(NotificationKind::StageChanged.can_turn_off());
        assert_eq!(
            Delivery::Off.effective_for(NotificationKind::AppealReminder),
            Delivery::Immediate
        );
        assert_eq!(
            Delivery::Off.effective_for(NotificationKind::HearingReminder),
            Delivery::Off
        );
        for kind in NotificationKind::ALL {
            assert_eq!(NotificationKind::parse(kind.as_str()), Some(kind));
        }
    }
}
