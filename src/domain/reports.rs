//! The weekly caseload report's calendar and vocabulary: ISO weeks cut at the office's local
//! Monday midnight, the figures the report is made of, and the CSV cell rules. Pure: the SQL
//! that finds each figure's cases is in `db::reports`.

use std::fmt;

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, TimeZone, Utc, Weekday};
use chrono_tz::Tz;

use crate::domain::ids::StaffId;
use crate::error::Message;

/// Deadlines and hearings counted "in the next 30 days" after the week.
pub const UPCOMING_DAYS: i64 = 30;
/// Open cases whose last change is older than this at the end of the week.
pub const STALE_DAYS: i64 = 60;
/// Weeks in the trend, the reported week being the last.
pub const TREND_WEEKS: usize = 12;

/// An ISO 8601 week, `2026-W47`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct IsoWeek {
    monday: NaiveDate,
}

impl IsoWeek {
    /// The week a date falls in.
    pub fn containing(date: NaiveDate) -> Self {
        let back = i64::from(date.weekday().num_days_from_monday());
        Self {
            monday: date - Duration::days(back),
        }
    }

    /// `2026-W47` (also `2026-w47`, `2026-W7`).
    pub fn parse(input: &str) -> Result<Self, Message> {
        let invalid = || Message::new("report-week-invalid");
        let input = input.trim();
        let (year, week) = input.split_once(['W', 'w']).ok_or_else(invalid)?;
        let year: i32 = year
            .strip_suffix('-')
            .unwrap_or(year)
            .parse()
            .map_err(|_| invalid())?;
        let week: u32 = week.parse().map_err(|_| invalid())?;
        if !(2000..=2100).contains(&year) {
            return Err(invalid());
        }
        NaiveDate::from_isoywd_opt(year, week, Weekday::Mon)
            .map(|monday| Self { monday })
            .ok_or_else(invalid)
    }

    pub fn monday(self) -> NaiveDate {
        self.monday
    }

    pub fn sunday(self) -> NaiveDate {
        self.monday + Duration::days(6)
    }

    pub fn previous(self) -> Self {
        Self {
            monday: self.monday - Duration::days(7),
        }
    }

    pub fn next(self) -> Self {
        Self {
            monday: self.monday + Duration::days(7),
        }
    }

    /// The week `n` weeks before this one.
    pub fn back(self, n: i64) -> Self {
        Self {
            monday: self.monday - Duration::days(7 * n),
        }
    }

    /// The instants the week covers in the office's zone: from its local Monday 00:00 up
    /// to, not including, the next local Monday 00:00 — 167 or 169 hours across a
    /// daylight-saving change.
    pub fn bounds(self, zone: Tz) -> WeekBounds {
        WeekBounds {
            week: self,
            start: local_midnight(zone, self.monday),
            end: local_midnight(zone, self.monday + Duration::days(7)),
        }
    }
}

impl fmt::Display for IsoWeek {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let iso = self.monday.iso_week();
        write!(f, "{}-W{:02}", iso.year(), iso.week())
    }
}

/// The start of a local day as a UTC instant. Where midnight does not exist (a zone that
/// springs forward at midnight) the day starts at its first instant that does.
pub fn local_midnight(zone: Tz, day: NaiveDate) -> DateTime<Utc> {
    let mut at = day.and_hms_opt(0, 0, 0).unwrap_or_default();
    for _ in 0..4 {
        if let Some(local) = zone.from_local_datetime(&at).earliest() {
            return local.with_timezone(&Utc);
        }
        at += Duration::minutes(30);
    }
    Utc.from_utc_datetime(&at)
}

/// The last week that has ended, at `now`, in the office's zone.
pub fn last_complete_week(now: DateTime<Utc>, zone: Tz) -> IsoWeek {
    IsoWeek::containing(now.with_timezone(&zone).date_naive()).previous()
}

/// A week's instants, as stored (UTC, without zone).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WeekBounds {
    pub week: IsoWeek,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
}

impl WeekBounds {
    pub fn start_db(&self) -> NaiveDateTime {
        self.start.naive_utc()
    }

    pub fn end_db(&self) -> NaiveDateTime {
        self.end.naive_utc()
    }

    /// The first day after the week (its next Monday), where "upcoming" begins.
    pub fn next_day(&self) -> NaiveDate {
        self.week.sunday() + Duration::days(1)
    }
}

/// A family of figures: each is a set of (case, key) pairs for a week and a scope, and a
/// figure is the number of distinct cases with one key (or any key). The same definition
/// counts the figure and filters the case list behind it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Family {
    /// Cases opened (entered at `inquiry`) during the week. No key.
    Opened,
    /// Cases that moved into a stage during the week; key: the stage.
    Entered,
    /// Stage changes during the week; key: `from>to`.
    Moved,
    /// Cases open at the end of the week; key: their stage at that moment.
    OpenStage,
    /// … key: claim kind, `-` when not recorded.
    OpenKind,
    /// … key: the lawyer of record's id, `-` when none.
    OpenLawyer,
    /// … key: the paralegal's id, `-` when none.
    OpenParalegal,
    /// … key: each of the client's nationalities, `-` when none.
    OpenNationality,
    /// … key: the port of entry, `-` when none.
    OpenPort,
    /// Open cases with a deadline in the 30 days after the week; key: the deadline's kind.
    DueSoon,
    /// Open cases with something overdue at the end of the week; key: [`Overdue`].
    Overdue,
    /// Open cases not changed in the 60 days before the end of the week. No key.
    Stale,
    /// Open cases with an upcoming hearing not verified with the court during the week.
    Unverified,
}

impl Family {
    pub const ALL: [Family; 13] = [
        Self::Opened,
        Self::Entered,
        Self::Moved,
        Self::OpenStage,
        Self::OpenKind,
        Self::OpenLawyer,
        Self::OpenParalegal,
        Self::OpenNationality,
        Self::OpenPort,
        Self::DueSoon,
        Self::Overdue,
        Self::Stale,
        Self::Unverified,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Opened => "opened",
            Self::Entered => "entered",
            Self::Moved => "moved",
            Self::OpenStage => "open_stage",
            Self::OpenKind => "open_kind",
            Self::OpenLawyer => "open_lawyer",
            Self::OpenParalegal => "open_paralegal",
            Self::OpenNationality => "open_nationality",
            Self::OpenPort => "open_port",
            Self::DueSoon => "due_soon",
            Self::Overdue => "overdue",
            Self::Stale => "stale",
            Self::Unverified => "unverified",
        }
    }

    pub fn parse(input: &str) -> Result<Self, Message> {
        Self::ALL
            .into_iter()
            .find(|f| f.as_str() == input.trim())
            .ok_or(Message::new("report-figure-invalid"))
    }
}

/// Whose caseload a report covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportOf {
    /// Every case of the office.
    Office,
    /// The cases this lawyer is the lawyer of record of.
    Lawyer(StaffId),
    /// The cases assigned to this paralegal.
    Paralegal(StaffId),
}

impl ReportOf {
    /// `office`, `lawyer:<id>`, `paralegal:<id>`: how links to the case list carry it.
    pub fn code(self) -> String {
        match self {
            Self::Office => "office".to_string(),
            Self::Lawyer(id) => format!("lawyer:{id}"),
            Self::Paralegal(id) => format!("paralegal:{id}"),
        }
    }

    pub fn parse(input: &str) -> Result<Self, Message> {
        let invalid = || Message::new("report-scope-invalid");
        let input = input.trim();
        if input == "office" {
            return Ok(Self::Office);
        }
        let (role, id) = input.split_once(':').ok_or_else(invalid)?;
        let id: StaffId = id.parse().map_err(|_| invalid())?;
        match role {
            "lawyer" => Ok(Self::Lawyer(id)),
            "paralegal" => Ok(Self::Paralegal(id)),
            _ => Err(invalid()),
        }
    }
}

/// The key of the "not recorded" group.
pub const NONE_KEY: &str = "-";

/// What can be overdue at the end of a week.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overdue {
    /// The one-year filing deadline fell on or before the week's Sunday and the I-589 had
    /// not been filed by then.
    OneYear,
    /// A denied case (at the end of the week) whose 30-day BIA appeal deadline fell on or
    /// before the week's Sunday.
    Appeal,
    /// A hearing that took place before the end of the week and has no outcome recorded.
    HearingOutcome,
}

impl Overdue {
    pub const ALL: [Overdue; 3] = [Self::OneYear, Self::Appeal, Self::HearingOutcome];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::OneYear => "one_year",
            Self::Appeal => "appeal",
            Self::HearingOutcome => "hearing_outcome",
        }
    }

    pub fn label_key(self) -> &'static str {
        match self {
            Self::OneYear => "report-overdue-one-year",
            Self::Appeal => "report-overdue-appeal",
            Self::HearingOutcome => "report-overdue-hearing-outcome",
        }
    }
}

/// One CSV cell: quoted when it must be, and a leading `=`, `+`, `-` or `@` (also after
/// spaces or a tab or CR, which spreadsheets skip) neutralized with a `'` so a spreadsheet
/// shows it as text instead of running it as a formula.
pub fn csv_cell(value: &str) -> String {
    let trimmed = value.trim_start_matches([' ', '\t', '\r', '\n']);
    let dangerous = trimmed.starts_with(['=', '+', '-', '@']) || value.starts_with(['\t', '\r']);
    let value = if dangerous {
        format!("'{value}")
    } else {
        value.to_string()
    };
    if value.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value
    }
}

/// The first line of a CSV download: a UTF-8 byte-order mark, without which Excel on Windows
/// reads the file in the system's legacy code page and garbles every Cyrillic name, then the
/// column names.
pub fn csv_header<S: AsRef<str>>(cells: &[S]) -> String {
    format!("\u{feff}{}", csv_line(cells))
}

/// One CSV line, CRLF-terminated (RFC 4180).
pub fn csv_line<S: AsRef<str>>(cells: &[S]) -> String {
    let mut line = cells
        .iter()
        .map(|c| csv_cell(c.as_ref()))
        .collect::<Vec<_>>()
        .join(",");
    line.push_str("\r\n");
    line
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono_tz::America::New_York;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    #[test]
    fn weeks_parse_and_print() {
        let week =
            IsoWeek::parse("2026-W47").unwrap_or_else(|_| IsoWeek::containing(date(1, 1, 1)));
        assert_eq!(week.monday(), date(2026, 11, 16));
        assert_eq!(week.to_string(), "2026-W47");
        assert_eq!(
            IsoWeek::parse("2026w1").map(|w| w.monday()),
            Ok(date(2025, 12, 29))
        );
        for bad in [
            "", "2026", "2026-W54", "2026-W00", "W47", "1999-W01", "2026-W4x",
        ] {
            assert!(IsoWeek::parse(bad).is_err(), "{bad}");
        }
        // 2026 has 53 ISO weeks.
        assert!(IsoWeek::parse("2026-W53").is_ok());
        assert_eq!(
            IsoWeek::containing(date(2027, 1, 3)).to_string(),
            "2026-W53"
        );
    }

    #[test]
    fn weeks_are_cut_at_local_midnight_across_daylight_saving() {
        // The week of 2026-10-26 ends on Sunday 2026-11-01, when New York falls back.
        let week = IsoWeek::containing(date(2026, 10, 28)).bounds(New_York);
        assert_eq!(week.start.to_rfc3339(), "2026-10-26T04:00:00+00:00");
        assert_eq!(week.end.to_rfc3339(), "2026-11-02T05:00:00+00:00");
        assert_eq!((week.end - week.start).num_hours(), 169);
        let spring = IsoWeek::containing(date(2026, 3, 9))
            .previous()
            .bounds(New_York);
        assert_eq!((spring.end - spring.start).num_hours(), 167);
    }

    #[test]
    fn the_last_complete_week_is_the_local_one() {
        // Monday 2026-11-23 03:00 UTC is still Sunday evening in New York.
        let now = Utc
            .with_ymd_and_hms(2026, 11, 23, 3, 0, 0)
            .single()
            .unwrap_or_default();
        assert_eq!(last_complete_week(now, New_York).to_string(), "2026-W46");
        assert_eq!(
            last_complete_week(now, chrono_tz::UTC).to_string(),
            "2026-W47"
        );
    }

    #[test]
    fn csv_cells_are_quoted_and_neutralized() {
        assert_eq!(csv_cell("plain"), "plain");
        assert_eq!(csv_cell("a,b"), "\"a,b\"");
        assert_eq!(csv_cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_cell("=1+1"), "'=1+1");
        assert_eq!(csv_cell("+1"), "'+1");
        assert_eq!(csv_cell("-2"), "'-2");
        assert_eq!(csv_cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(csv_cell("  =1"), "'  =1");
        assert_eq!(csv_cell("\t=1"), "'\t=1");
        assert_eq!(
            csv_cell("=HYPERLINK(\"x\",\"y\")"),
            "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\""
        );
        assert_eq!(csv_line(&["a", "b"]), "a,b\r\n");
    }
}
