//! The weekly caseload report: who may read whose, the figures of a week (each one a
//! `db::reports` family and key, so the case list behind it shows exactly its cases), the
//! CSV of the cases, and the Monday email.

use std::collections::HashMap;
use std::sync::Arc;

use askama::Template;
use chrono::{Datelike, NaiveDate, Weekday};
use chrono_tz::Tz;
use serde_json::json;

use super::audit::AuditContext;
use super::cases::today;
use super::notifications::Notifier;
use crate::auth::policy;
use crate::auth::scope::CaseScope;
use crate::db::reports::{
    self as db_reports, CaseCsvRow, CaseRows, Figure, OpenCases, ScopeFilter,
};
use crate::db::{self, DbConnection, write_transaction};
use crate::domain::audit::AuditAction;
use crate::domain::case_stage::{CaseStage, ClaimKind};
use crate::domain::codes;
use crate::domain::deadlines::DeadlineKind;
use crate::domain::reports::{
    Family, IsoWeek, NONE_KEY, Overdue, ReportOf, TREND_WEEKS, WeekBounds, last_complete_week,
};
use crate::domain::staff::{Role, Staff};
use crate::email::render::RenderedMessage;
use crate::error::{AppError, FieldErrors, Message};
use crate::i18n::I18n;
use crate::state::AppState;

/// The job name in `scheduled_runs`.
pub const WEEKLY_REPORT_JOB: &str = "weekly_report";
/// Case rows read per statement while streaming the CSV.
pub const CSV_CHUNK: i64 = 1_000;
/// Case references listed per overdue item in the email.
const EMAIL_REFERENCES: i64 = 20;

/// What a figure is called, resolved to words by whoever shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Label {
    /// A catalogue key.
    Key(&'static str),
    /// Shown as recorded: a staff member's name, a port of entry.
    Text(String),
    /// An ISO country code.
    Country(String),
    /// A stage change.
    Move(CaseStage, CaseStage),
}

/// One figure of the report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub family: Family,
    pub key: Option<String>,
    pub label: Label,
    pub count: i64,
}

impl Line {
    /// The case list of exactly this figure's cases.
    pub fn link(&self, week: IsoWeek, of: ReportOf) -> String {
        let mut query = url::form_urlencoded::Serializer::new(String::new());
        query
            .append_pair("scope", "all")
            .append_pair("report", self.family.as_str())
            .append_pair("week", &week.to_string())
            .append_pair("of", &of.code());
        if let Some(key) = &self.key {
            query.append_pair("key", key);
        }
        format!("/cases?{}", query.finish())
    }
}

/// One week of the trend.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrendPoint {
    pub week: IsoWeek,
    pub inquiries: Line,
    pub intakes: Line,
    pub grants: Line,
}

/// A figure of the week beside the same figure a week earlier.
#[derive(Debug, Clone)]
pub struct KeyFigure {
    pub this_week: Line,
    pub last_week: Line,
}

impl WeeklyReport {
    /// The week's activity beside last week's: what a managing partner reads first.
    pub fn key_figures(&self) -> Vec<KeyFigure> {
        let [.., last_week, this_week] = self.trend_activity.as_slice() else {
            return Vec::new();
        };
        this_week
            .iter()
            .map(|line| KeyFigure {
                this_week: line.clone(),
                last_week: last_week
                    .iter()
                    .find(|l| l.label == line.label)
                    .cloned()
                    .unwrap_or_else(|| Line {
                        count: 0,
                        ..line.clone()
                    }),
            })
            .collect()
    }

    /// What needs someone, each figure linking its cases: overdue, due soon, waiting for a
    /// decision, untouched, not verified with the court.
    pub fn attention(&self) -> Vec<Line> {
        let waiting = |stage: CaseStage, key: &'static str| {
            self.by_stage
                .iter()
                .find(|l| l.key.as_deref() == Some(stage.as_str()))
                .map(|l| Line {
                    label: Label::Key(key),
                    ..l.clone()
                })
        };
        [
            Some(self.overdue_total.clone()),
            Some(self.due_total.clone()),
            waiting(CaseStage::ConflictCheck, "report-waiting-conflict-check"),
            waiting(CaseStage::Consultation, "report-waiting-decision"),
            Some(self.stale.clone()),
            Some(self.unverified.clone()),
        ]
        .into_iter()
        .flatten()
        .collect()
    }
}

#[derive(Debug, Clone)]
pub struct WeeklyReport {
    pub week: IsoWeek,
    pub bounds: WeekBounds,
    pub of: ReportOf,
    /// Whose cases, within the reader's scope: what every figure counted.
    pub scope: ScopeFilter,
    /// The lawyer's or paralegal's name for a personal report.
    pub of_name: Option<String>,
    /// Inquiries, intakes, retained, declined, closed, withdrawn.
    pub activity: Vec<Line>,
    pub moves: Vec<Line>,
    pub open_total: Line,
    pub by_stage: Vec<Line>,
    pub by_kind: Vec<Line>,
    pub by_lawyer: Vec<Line>,
    pub by_paralegal: Vec<Line>,
    pub by_nationality: Vec<Line>,
    pub by_port: Vec<Line>,
    pub due_total: Line,
    pub due_soon: Vec<Line>,
    pub overdue_total: Line,
    pub overdue: Vec<Line>,
    pub stale: Line,
    pub unverified: Line,
    /// Oldest first, the reported week last.
    pub trend: Vec<TrendPoint>,
    /// Every activity figure of the trend's weeks, oldest first, the reported week last.
    trend_activity: Vec<Vec<Line>>,
    /// Lawyers an admin may pick.
    pub lawyers: Vec<Staff>,
    /// Inquiries from the public form in the office's report (they belong to nobody's
    /// caseload until taken).
    pub web_inquiries: Option<WebInquiries>,
}

/// The week's inquiries from the public form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WebInquiries {
    pub received: i64,
    /// Median minutes from receipt to the first action (take, merge or decline), over those
    /// acted on so far.
    pub median_minutes_to_action: Option<i64>,
}

impl WeeklyReport {
    /// How many rows the summary CSV has (its header aside).
    pub fn summary_rows(&self) -> usize {
        self.sections()
            .iter()
            .map(|(_, _, lines)| lines.len())
            .sum()
    }

    /// Every figure, section by section, with its week, as the CSV lists them.
    pub fn sections(&self) -> Vec<(&'static str, IsoWeek, Vec<&Line>)> {
        fn one(line: &Line) -> Vec<&Line> {
            vec![line]
        }
        let week = self.week;
        let mut sections = vec![
            ("activity", week, self.activity.iter().collect()),
            ("stage_changes", week, self.moves.iter().collect()),
            ("open", week, one(&self.open_total)),
            ("open_by_stage", week, self.by_stage.iter().collect()),
            ("open_by_kind", week, self.by_kind.iter().collect()),
            ("open_by_lawyer", week, self.by_lawyer.iter().collect()),
            (
                "open_by_paralegal",
                week,
                self.by_paralegal.iter().collect(),
            ),
            (
                "open_by_nationality",
                week,
                self.by_nationality.iter().collect(),
            ),
            ("open_by_port", week, self.by_port.iter().collect()),
            ("due_in_30_days", week, one(&self.due_total)),
            (
                "due_in_30_days_by_kind",
                week,
                self.due_soon.iter().collect(),
            ),
            ("overdue", week, one(&self.overdue_total)),
            ("overdue_by_kind", week, self.overdue.iter().collect()),
            ("not_touched_60_days", week, one(&self.stale)),
            ("hearings_not_verified", week, one(&self.unverified)),
        ];
        for point in &self.trend {
            sections.push((
                "trend",
                point.week,
                vec![&point.inquiries, &point.intakes, &point.grants],
            ));
        }
        sections
    }
}

/// The report a staff member gets when they ask for none in particular.
pub fn default_scope(actor: &Staff) -> ReportOf {
    match actor.role {
        Role::Admin => ReportOf::Office,
        Role::Lawyer => ReportOf::Lawyer(actor.id),
        Role::Paralegal => ReportOf::Paralegal(actor.id),
    }
}

/// Whose report, among the cases the reader may see.
pub fn scope_filter(of: ReportOf, cases: CaseScope) -> ScopeFilter {
    match of {
        ReportOf::Office => ScopeFilter {
            cases,
            ..ScopeFilter::default()
        },
        ReportOf::Lawyer(id) => ScopeFilter {
            lawyer: Some(id.as_uuid()),
            paralegal: None,
            cases,
        },
        ReportOf::Paralegal(id) => ScopeFilter {
            lawyer: None,
            paralegal: Some(id.as_uuid()),
            cases,
        },
    }
}

/// One figure of a report, as a link or a download asks for it.
#[derive(Debug, Clone)]
pub struct FigureChoice {
    pub family: Family,
    pub key: Option<String>,
    pub week: IsoWeek,
    pub of: ReportOf,
}

/// The figure behind a case-list link or a download, once the reader may see it, within
/// the reader's scope.
pub fn figure(
    actor: &Staff,
    cases: CaseScope,
    zone: Tz,
    choice: FigureChoice,
) -> Result<Figure, AppError> {
    policy::can_read_report(actor, choice.of)?;
    Ok(Figure {
        family: choice.family,
        key: choice.key,
        bounds: choice.week.bounds(zone),
        scope: scope_filter(choice.of, cases),
    })
}

/// Checks the week and whose report, or says what is wrong with them.
fn check(
    conn: &mut DbConnection,
    actor: &Staff,
    week: IsoWeek,
    of: ReportOf,
    today: NaiveDate,
) -> Result<Option<String>, AppError> {
    policy::can_read_report(actor, of)?;
    let mut errors = FieldErrors::default();
    if week.monday() > today {
        errors.push("week", Message::new("report-week-future"));
    }
    let name = match of {
        ReportOf::Office => None,
        ReportOf::Lawyer(id) | ReportOf::Paralegal(id) => {
            let wanted = if matches!(of, ReportOf::Lawyer(_)) {
                |role: Role| role != Role::Paralegal
            } else {
                |role: Role| role == Role::Paralegal
            };
            match db::staff::find(conn, id)? {
                Some(staff) if wanted(staff.role) => Some(staff.display_name),
                _ => {
                    errors.push("of", Message::new("report-scope-unknown"));
                    None
                }
            }
        }
    };
    if errors.is_empty() {
        Ok(name)
    } else {
        Err(AppError::Validation(errors))
    }
}

/// How a report is read: on its page (or as JSON), or downloaded as the summary CSV.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reading {
    Page,
    SummaryCsv,
}

/// The report of `week` (default: the last complete week) for `of` (default: the reader's
/// own), within the reader's scope, read and audited: a page as `report.viewed`, the summary
/// CSV as `report.exported` with the number of rows it holds.
pub async fn weekly(
    state: &AppState,
    actor: &Staff,
    week: Option<IsoWeek>,
    of: Option<ReportOf>,
    reading: Reading,
    address: Option<String>,
) -> Result<WeeklyReport, AppError> {
    policy::can_use_app(actor)?;
    let zone = state.settings.office.time_zone;
    let week = week.unwrap_or_else(|| last_complete_week(state.now(), zone));
    let of = of.unwrap_or_else(|| default_scope(actor));
    let today = today(state);
    let audit = AuditContext::new(Some(actor.id), address, state.now());
    let actor = actor.clone();
    state
        .db
        .run(move |conn| {
            let of_name = check(conn, &actor, week, of, today)?;
            let cases = db::scope::load(conn, &actor)?;
            let report = build(conn, week, zone, of, cases, of_name)?;
            let (action, details) = match reading {
                Reading::Page => (
                    AuditAction::ReportViewed,
                    json!({ "week": week.to_string(), "of": of.code() }),
                ),
                Reading::SummaryCsv => (
                    AuditAction::ReportExported,
                    json!({
                        "week": week.to_string(),
                        "of": of.code(),
                        "export": "summary",
                        "rows": report.summary_rows(),
                    }),
                ),
            };
            audit.record(conn, action, None, details)?;
            Ok(report)
        })
        .await
}

fn stage_of(code: &str) -> Option<CaseStage> {
    CaseStage::parse(code).ok()
}

fn line(family: Family, key: Option<&str>, label: Label, count: i64) -> Line {
    Line {
        family,
        key: key.map(str::to_string),
        label,
        count,
    }
}

/// Every figure of the week, each from its family's statement.
pub fn build(
    conn: &mut DbConnection,
    week: IsoWeek,
    zone: Tz,
    of: ReportOf,
    cases: CaseScope,
    of_name: Option<String>,
) -> Result<WeeklyReport, AppError> {
    let bounds = week.bounds(zone);
    let scope = scope_filter(of, cases);
    let staff = db::staff::list(conn)?;
    let names: HashMap<String, String> = staff
        .iter()
        .map(|s| (s.id.to_string(), s.display_name.clone()))
        .collect();

    // The trend's weeks end with the reported one, whose activity is its last point.
    let weeks: Vec<IsoWeek> = (0..TREND_WEEKS as i64)
        .rev()
        .map(|b| week.back(b))
        .collect();
    let by_week = activity(conn, &weeks, zone, scope)?;
    let mut activity_lines = by_week.last().cloned().unwrap_or_default();
    // Grants are the trend's; the week's own list ends with withdrawals.
    activity_lines.retain(|l| l.label != Label::Key("report-grants"));
    let moves = db_reports::counts_by_key(conn, Family::Moved, &bounds, scope)?
        .into_iter()
        .filter_map(|(key, n)| {
            let (from, to) = key.split_once('>')?;
            Some(line(
                Family::Moved,
                Some(&key),
                Label::Move(stage_of(from)?, stage_of(to)?),
                n,
            ))
        })
        .collect();
    let open = db_reports::with_open_cases(conn, &bounds, scope, |conn, open| {
        open_figures(conn, open, &names)
    })?;
    let trend = weeks
        .iter()
        .zip(&by_week)
        .map(|(w, lines)| {
            let find = |key: &'static str| {
                lines
                    .iter()
                    .find(|l| l.label == Label::Key(key))
                    .cloned()
                    .unwrap_or_else(|| line(Family::Opened, None, Label::Key(key), 0))
            };
            TrendPoint {
                week: *w,
                inquiries: find("report-new-inquiries"),
                intakes: find("report-intakes"),
                grants: find("report-grants"),
            }
        })
        .collect();
    let lawyers = staff
        .into_iter()
        .filter(|s| s.role != Role::Paralegal)
        .collect();
    let web_inquiries = match of {
        ReportOf::Office => {
            let received =
                db::inquiries::received_between(conn, bounds.start_db(), bounds.end.naive_utc())?;
            Some(WebInquiries {
                received: i64::try_from(received.len()).unwrap_or(i64::MAX),
                median_minutes_to_action: crate::domain::inquiry::median_minutes_to_action(
                    &received,
                ),
            })
        }
        _ => None,
    };
    Ok(WeeklyReport {
        week,
        bounds,
        of,
        scope,
        of_name,
        activity: activity_lines,
        moves,
        open_total: open.total,
        by_stage: open.by_stage,
        by_kind: open.by_kind,
        by_lawyer: open.by_lawyer,
        by_paralegal: open.by_paralegal,
        by_nationality: open.by_nationality,
        by_port: open.by_port,
        due_total: open.due_total,
        due_soon: open.due_soon,
        overdue_total: open.overdue_total,
        overdue: open.overdue,
        stale: open.stale,
        unverified: open.unverified,
        trend,
        trend_activity: by_week,
        lawyers,
        web_inquiries,
    })
}

/// The figures of the cases open at the end of the week.
struct OpenFigures {
    total: Line,
    by_stage: Vec<Line>,
    by_kind: Vec<Line>,
    by_lawyer: Vec<Line>,
    by_paralegal: Vec<Line>,
    by_nationality: Vec<Line>,
    by_port: Vec<Line>,
    due_total: Line,
    due_soon: Vec<Line>,
    overdue_total: Line,
    overdue: Vec<Line>,
    stale: Line,
    unverified: Line,
}

fn open_figures(
    conn: &mut DbConnection,
    open: &OpenCases,
    names: &HashMap<String, String>,
) -> Result<OpenFigures, AppError> {
    let mut counts = open.open_counts(conn)?.into_iter();
    let mut next_counts = || counts.next().unwrap_or_default();
    let (stage_counts, kind_counts, lawyer_counts, paralegal_counts, port_counts) = (
        next_counts(),
        next_counts(),
        next_counts(),
        next_counts(),
        next_counts(),
    );
    let open_sum: i64 = stage_counts.iter().map(|(_, n)| n).sum();
    let mut by_stage: Vec<Line> = stage_counts
        .into_iter()
        .map(|(key, n)| {
            let label =
                stage_of(&key).map_or(Label::Text(key.clone()), |s| Label::Key(s.label_key()));
            line(Family::OpenStage, Some(&key), label, n)
        })
        .collect();
    // Workflow order reads better than size order for stages.
    by_stage.sort_by_key(|l| {
        l.key
            .as_deref()
            .and_then(stage_of)
            .and_then(|s| CaseStage::ALL.iter().position(|x| *x == s))
            .unwrap_or(usize::MAX)
    });
    // Every open case has exactly one stage: the total is their sum.
    let total = line(
        Family::OpenStage,
        None,
        Label::Key("report-open-total"),
        open_sum,
    );
    let keyed = |counts: Vec<(String, i64)>, family: Family, label: &dyn Fn(&str) -> Label| {
        counts
            .into_iter()
            .map(|(key, n)| {
                let label = if key == NONE_KEY {
                    Label::Key("report-not-recorded")
                } else {
                    label(&key)
                };
                line(family, Some(&key), label, n)
            })
            .collect::<Vec<Line>>()
    };
    let by_kind = keyed(kind_counts, Family::OpenKind, &|key| {
        ClaimKind::parse(key).map_or(Label::Text(key.to_string()), |k| Label::Key(k.label_key()))
    });
    let staff_name =
        |key: &str| Label::Text(names.get(key).cloned().unwrap_or_else(|| key.to_string()));
    let by_lawyer = keyed(lawyer_counts, Family::OpenLawyer, &staff_name);
    let by_paralegal = keyed(paralegal_counts, Family::OpenParalegal, &staff_name);
    let by_nationality = keyed(
        open.counts_by_key(conn, Family::OpenNationality)?,
        Family::OpenNationality,
        &|key| Label::Country(key.to_string()),
    );
    let by_port = keyed(port_counts, Family::OpenPort, &|key| {
        Label::Text(key.to_string())
    });
    let (due_counts, due_count) = open.counts_and_total(conn, Family::DueSoon)?;
    let due_soon = keyed(due_counts, Family::DueSoon, &|key| {
        DeadlineKind::ALL
            .into_iter()
            .find(|k| k.as_str() == key)
            .map_or(Label::Text(key.to_string()), |k| Label::Key(k.label_key()))
    });
    let due_total = line(
        Family::DueSoon,
        None,
        Label::Key("report-due-total"),
        due_count,
    );
    let (overdue_counts, overdue_count) = open.counts_and_total(conn, Family::Overdue)?;
    let overdue_counts: HashMap<String, i64> = overdue_counts.into_iter().collect();
    let overdue = Overdue::ALL
        .into_iter()
        .map(|o| {
            line(
                Family::Overdue,
                Some(o.as_str()),
                Label::Key(o.label_key()),
                overdue_counts.get(o.as_str()).copied().unwrap_or(0),
            )
        })
        .collect();
    let overdue_total = line(
        Family::Overdue,
        None,
        Label::Key("report-overdue-total"),
        overdue_count,
    );
    let stale = line(
        Family::Stale,
        None,
        Label::Key("report-stale"),
        open.count(conn, Family::Stale)?,
    );
    let unverified = line(
        Family::Unverified,
        None,
        Label::Key("report-unverified"),
        open.count(conn, Family::Unverified)?,
    );
    Ok(OpenFigures {
        total,
        by_stage,
        by_kind,
        by_lawyer,
        by_paralegal,
        by_nationality,
        by_port,
        due_total,
        due_soon,
        overdue_total,
        overdue,
        stale,
        unverified,
    })
}

/// For each of `weeks` (consecutive, oldest first): new inquiries, intakes (moved into
/// consultation), retained, declined, closed, withdrawn, granted.
fn activity(
    conn: &mut DbConnection,
    weeks: &[IsoWeek],
    zone: Tz,
    scope: ScopeFilter,
) -> Result<Vec<Vec<Line>>, AppError> {
    let bounds: Vec<WeekBounds> = weeks.iter().map(|w| w.bounds(zone)).collect();
    let mut opened = vec![0; weeks.len()];
    for (i, _, n) in db_reports::counts_by_week(conn, Family::Opened, &bounds, scope)? {
        if let Some(count) = opened.get_mut(i) {
            *count += n;
        }
    }
    let mut entered: Vec<HashMap<String, i64>> = vec![HashMap::new(); weeks.len()];
    for (i, key, n) in db_reports::counts_by_week(conn, Family::Entered, &bounds, scope)? {
        if let Some(counts) = entered.get_mut(i) {
            counts.insert(key, n);
        }
    }
    Ok(opened
        .into_iter()
        .zip(entered)
        .map(|(opened, entered)| {
            let mut lines = vec![line(
                Family::Opened,
                None,
                Label::Key("report-new-inquiries"),
                opened,
            )];
            for (stage, key) in [
                (CaseStage::Consultation, "report-intakes"),
                (CaseStage::Retained, "report-retained"),
                (CaseStage::Declined, "report-declined"),
                (CaseStage::Closed, "report-closed"),
                (CaseStage::Withdrawn, "report-withdrawn"),
                (CaseStage::Granted, "report-grants"),
            ] {
                lines.push(line(
                    Family::Entered,
                    Some(stage.as_str()),
                    Label::Key(key),
                    entered.get(stage.as_str()).copied().unwrap_or(0),
                ));
            }
            lines
        })
        .collect())
}

/// Where the cases CSV stands between chunks: whose cases, within the reader's scope as it
/// was when the download began, and the next row.
#[derive(Debug, Clone)]
pub struct CsvCursor {
    bounds: WeekBounds,
    scope: ScopeFilter,
    at: CsvPosition,
}

#[derive(Debug, Clone)]
enum CsvPosition {
    /// Every case, by reference after the last one sent.
    Every { after: Option<String> },
    /// A figure's cases, worked out once when the download started, from position `sent`.
    Figure { ids: Arc<[uuid::Uuid]>, sent: usize },
}

/// One chunk of the cases CSV, and where the next one starts (`None` after the last);
/// authorized and audited by [`start_csv`].
pub async fn csv_chunk(
    state: &AppState,
    cursor: CsvCursor,
) -> Result<(Vec<CaseCsvRow>, Option<CsvCursor>), AppError> {
    state
        .db
        .run(move |conn| {
            let CsvCursor { bounds, scope, at } = cursor;
            let chunk = CSV_CHUNK as usize;
            let (rows, next) = match at {
                CsvPosition::Every { after } => {
                    let rows = db_reports::case_rows(
                        conn,
                        &bounds,
                        scope,
                        CaseRows::After {
                            after: after.as_deref(),
                            limit: CSV_CHUNK,
                        },
                    )?;
                    let next = (rows.len() == chunk).then(|| CsvPosition::Every {
                        after: rows.last().map(|r| r.reference.clone()),
                    });
                    (rows, next)
                }
                CsvPosition::Figure { ids, sent } => {
                    let end = ids.len().min(sent + chunk);
                    let rows = db_reports::case_rows(
                        conn,
                        &bounds,
                        scope,
                        CaseRows::Ids(ids.get(sent..end).unwrap_or_default()),
                    )?;
                    let next = (end < ids.len()).then_some(CsvPosition::Figure { ids, sent: end });
                    (rows, next)
                }
            };
            let next = next.map(|at| CsvCursor { bounds, scope, at });
            Ok((rows, next))
        })
        .await
}

/// Authorizes a download of the cases CSV (every case of the report, or one figure's:
/// `figure` is its family and key) and records it as `report.exported` with the number of
/// rows, before any row is read; the cursor at its first chunk.
pub async fn start_csv(
    state: &AppState,
    actor: &Staff,
    week: IsoWeek,
    of: ReportOf,
    figure: Option<(Family, Option<String>)>,
    address: Option<String>,
) -> Result<CsvCursor, AppError> {
    policy::can_use_app(actor)?;
    policy::can_read_report(actor, of)?;
    let today = today(state);
    let zone = state.settings.office.time_zone;
    let audit = AuditContext::new(Some(actor.id), address, state.now());
    let actor = actor.clone();
    let mut details = json!({
        "week": week.to_string(),
        "of": of.code(),
        "export": "cases",
        "figure": figure.as_ref().map(|(family, _)| family.as_str()),
        "key": figure.as_ref().and_then(|(_, key)| key.clone()),
    });
    state
        .db
        .run(move |conn| {
            check(conn, &actor, week, of, today)?;
            let cases = db::scope::load(conn, &actor)?;
            let bounds = week.bounds(zone);
            let scope = scope_filter(of, cases);
            let (at, rows) = match figure {
                Some((family, key)) => {
                    let choice = FigureChoice {
                        family,
                        key,
                        week,
                        of,
                    };
                    let figure = self::figure(&actor, cases, zone, choice)?;
                    let ids: Arc<[uuid::Uuid]> = db_reports::figure_case_ids(conn, &figure)?.into();
                    let rows = ids.len() as i64;
                    (CsvPosition::Figure { ids, sent: 0 }, rows)
                }
                None => (
                    CsvPosition::Every { after: None },
                    db_reports::case_row_count(conn, &bounds, scope)?,
                ),
            };
            // Never the rows themselves: how many the file holds.
            if let Some(fields) = details.as_object_mut() {
                fields.insert("rows".into(), rows.into());
            }
            audit.record(conn, AuditAction::ReportExported, None, details)?;
            Ok(CsvCursor { bounds, scope, at })
        })
        .await
}

/// The Monday email, once its local time has come, the first time a server gets here
/// that day.
/// Returns how many messages were written.
pub async fn send_weekly_if_due(state: &AppState) -> Result<Option<usize>, AppError> {
    let office = &state.settings.office;
    let now = state.now();
    let local = now.with_timezone(&office.time_zone);
    let at = office
        .weekly_report_time()
        .map_err(|e| AppError::internal(anyhow::anyhow!(e)))?;
    // From Monday's hour on; a server that was down then sends it later in the week (the
    // once-keys keep it to one message per person and week).
    if local.weekday() == Weekday::Mon && local.time() < at {
        return Ok(None);
    }
    let on = local.date_naive();
    let claimed = state
        .db
        .run(move |conn| {
            if db::notifications::has_run(conn, WEEKLY_REPORT_JOB, on)? {
                return Ok(false);
            }
            write_transaction(conn, |conn| {
                Ok(db::notifications::claim_run(conn, WEEKLY_REPORT_JOB, on)?)
            })
        })
        .await?;
    if !claimed {
        return Ok(None);
    }
    send_weekly(state, last_complete_week(now, office.time_zone))
        .await
        .map(Some)
}

/// The once-key of one person's report of one week.
pub fn once_key(week: IsoWeek, staff: &Staff) -> String {
    format!("weekly_report:{week}:{}", staff.id)
}

/// Each active lawyer their own report, each active admin the office's; once per person
/// and week whoever calls (the once-key decides).
pub async fn send_weekly(state: &AppState, week: IsoWeek) -> Result<usize, AppError> {
    let zone = state.settings.office.time_zone;
    let notifier = Notifier::of(state);
    state
        .db
        .run(move |conn| {
            let mut sent = 0;
            for staff in db::staff::list(conn)? {
                let of = match staff.role {
                    _ if !staff.active => continue,
                    Role::Admin => ReportOf::Office,
                    Role::Lawyer => ReportOf::Lawyer(staff.id),
                    Role::Paralegal => continue,
                };
                let key = once_key(week, &staff);
                if db::notifications::exists(conn, &key)? {
                    continue;
                }
                // Each reader's own scope, as if they opened the page.
                let cases = db::scope::load(conn, &staff)?;
                let report = build(conn, week, zone, of, cases, None)?;
                let overdue_refs = overdue_references(conn, &report)?;
                let message = render_email(&staff, &report, &overdue_refs, notifier.base_url())
                    .map_err(AppError::internal)?;
                let details = json!({ "week": week.to_string(), "of": of.code() });
                if notifier.send_once(conn, &staff, WEEKLY_REPORT_JOB, &key, &details, &message)? {
                    sent += 1;
                }
            }
            Ok(sent)
        })
        .await
}

/// The case references behind each overdue figure, for the email (no names).
fn overdue_references(
    conn: &mut DbConnection,
    report: &WeeklyReport,
) -> Result<Vec<(Line, Vec<String>)>, AppError> {
    let mut out = Vec::new();
    for line in &report.overdue {
        if line.count == 0 {
            continue;
        }
        let figure = Figure {
            family: line.family,
            key: line.key.clone(),
            bounds: report.bounds,
            scope: report.scope,
        };
        out.push((
            line.clone(),
            db_reports::references(conn, &figure, EMAIL_REFERENCES)?,
        ));
    }
    Ok(out)
}

/// One line of the email: words, count, link to the cases.
pub struct EmailLine {
    pub label: String,
    pub count: i64,
    pub link: String,
    /// "last week: 3", beside a key figure.
    pub last_week: Option<String>,
}

pub struct EmailOverdue {
    pub label: String,
    pub references: Vec<String>,
}

pub struct EmailParts {
    pub lang: &'static str,
    pub subject: String,
    pub greeting: String,
    pub intro: String,
    pub lines: Vec<EmailLine>,
    pub overdue_heading: String,
    pub overdue: Vec<EmailOverdue>,
    pub page_label: String,
    pub page_link: String,
    pub footer: String,
}

#[derive(Template)]
#[template(path = "reports/email.txt")]
struct TextEmail<'a> {
    parts: &'a EmailParts,
}

#[derive(Template)]
#[template(path = "reports/email.html")]
struct HtmlEmail<'a> {
    parts: &'a EmailParts,
}

/// What a label says in `i18n`'s language.
pub fn label_text(i18n: &I18n, label: &Label) -> String {
    match label {
        Label::Key(key) => i18n.t(key),
        Label::Text(text) => text.clone(),
        Label::Country(code) => codes::country_name(code, i18n.language()),
        Label::Move(from, to) => {
            format!("{} → {}", i18n.t(from.label_key()), i18n.t(to.label_key()))
        }
    }
}

/// The report page of this week and scope.
pub fn page_link(week: IsoWeek, of: ReportOf) -> String {
    let query = url::form_urlencoded::Serializer::new(String::new())
        .append_pair("week", &week.to_string())
        .append_pair("of", &of.code())
        .finish();
    format!("/reports/weekly?{query}")
}

/// The Monday email of one person: counts and case references, never names, in their
/// language, text and HTML.
pub fn render_email(
    recipient: &Staff,
    report: &WeeklyReport,
    overdue: &[(Line, Vec<String>)],
    base: &str,
) -> Result<RenderedMessage, askama::Error> {
    let i18n = I18n::new(recipient.language);
    let scope_key = if report.of == ReportOf::Office {
        "report-email-subject-office"
    } else {
        "report-email-subject-own"
    };
    let subject = i18n.message(&Message::new(scope_key).with("week", report.week.to_string()));
    let email_line = |line: &Line| EmailLine {
        label: label_text(&i18n, &line.label),
        count: line.count,
        link: format!("{base}{}", line.link(report.week, report.of)),
        last_week: None,
    };
    // The page's summary, in its order: the week beside last week, then what needs someone.
    let mut lines: Vec<EmailLine> = report
        .key_figures()
        .iter()
        .map(|figure| EmailLine {
            last_week: Some(i18n.message(
                &Message::new("report-email-last-week").with("count", figure.last_week.count),
            )),
            ..email_line(&figure.this_week)
        })
        .collect();
    lines.push(email_line(&report.open_total));
    lines.extend(report.attention().iter().map(email_line));
    let parts = EmailParts {
        lang: i18n.language().code(),
        greeting: i18n
            .message(&Message::new("email-greeting").with("name", &recipient.display_name)),
        intro: i18n.message(
            &Message::new("report-email-intro")
                .with("week", report.week.to_string())
                .with("from", report.week.monday().to_string())
                .with("until", report.week.sunday().to_string()),
        ),
        lines,
        overdue_heading: i18n.t("report-overdue"),
        overdue: overdue
            .iter()
            .map(|(line, references)| EmailOverdue {
                label: label_text(&i18n, &line.label),
                references: references.clone(),
            })
            .collect(),
        page_label: i18n.t("report-email-open-page"),
        page_link: format!("{base}{}", page_link(report.week, report.of)),
        footer: i18n.t("email-footer"),
        subject,
    };
    Ok(RenderedMessage {
        text_body: TextEmail { parts: &parts }.render()?,
        html_body: HtmlEmail { parts: &parts }.render()?,
        subject: parts.subject,
    })
}
