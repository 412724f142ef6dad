//! `GET /api/v1/reports/weekly`: the weekly caseload report as JSON — the same figures as the
//! page and its summary CSV, from the same service, each with the API case list that shows
//! exactly its cases.

use actix_web::web;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::ReportForm;
use crate::auth::extractors::{ClientAddress, CurrentStaff};
use crate::domain::reports::{IsoWeek, ReportOf};
use crate::error::AppError;
use crate::i18n::I18n;
use crate::routes::errors::Problem;
use crate::services::reports::{self, Line, label_text};
use crate::state::AppState;

#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct WeeklyReportQuery {
    /// ISO week, e.g. `2026-W47`; the last complete week when absent.
    #[serde(default)]
    #[param(pattern = r"^\d{4}-W\d{2}$", example = "2026-W47")]
    pub week: String,
    /// `office`, `lawyer:<staff id>` or `paralegal:<staff id>`; the reader's own report when
    /// absent (the office's for an admin).
    #[serde(default)]
    #[param(example = "office")]
    pub of: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ReportFigureJson {
    /// The report's section: `activity`, `stage_changes`, `open`, `open_by_stage`, …,
    /// `trend` (one per week of the trend).
    pub section: String,
    /// The ISO week the figure counts.
    pub week: String,
    /// The figure's family, as the case list's `report` parameter takes it.
    pub figure: String,
    /// The figure's key within its family (a stage code, a staff id, a country code …).
    pub key: Option<String>,
    /// What the page calls the figure, in the reader's language.
    pub label: String,
    pub count: i64,
    /// `GET` this for exactly the figure's cases.
    pub cases: String,
}

/// A figure of the week beside the same figure a week earlier.
#[derive(Debug, Serialize, ToSchema)]
pub struct KeyFigureJson {
    pub this_week: ReportFigureJson,
    pub last_week: ReportFigureJson,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct WeeklyReportJson {
    /// ISO week, `2026-W47`.
    pub week: String,
    /// Monday 00:00 in the office's time zone, in UTC.
    pub starts_at: DateTime<Utc>,
    /// The next Monday 00:00 in the office's time zone, in UTC.
    pub ends_at: DateTime<Utc>,
    /// `office`, `lawyer:<id>` or `paralegal:<id>`.
    pub of: String,
    /// The lawyer's or paralegal's name for a personal report.
    pub of_name: Option<String>,
    /// The week is still under way: its figures are "so far".
    pub so_far: bool,
    /// The page's summary: the week's activity beside last week's.
    pub key_figures: Vec<KeyFigureJson>,
    /// The page's summary: what needs someone (overdue, due soon, waiting for the conflict
    /// check or a decision, untouched, not verified with the court).
    pub attention: Vec<ReportFigureJson>,
    /// Every figure, section by section, as the page's tables and the summary CSV show them.
    pub figures: Vec<ReportFigureJson>,
    /// The office's report only: inquiries from the public form received this week.
    pub web_inquiries: Option<i64>,
    /// The office's report only: median minutes from receipt to the first action, over
    /// this week's web inquiries acted on so far.
    pub web_inquiries_median_minutes_to_action: Option<i64>,
}

fn figure(
    section: &str,
    week: IsoWeek,
    of: ReportOf,
    line: &Line,
    i18n: &I18n,
) -> ReportFigureJson {
    ReportFigureJson {
        section: section.to_string(),
        week: week.to_string(),
        figure: line.family.as_str().to_string(),
        key: line.key.clone(),
        label: label_text(i18n, &line.label),
        count: line.count,
        cases: format!("/api/v1{}", line.link(week, of)),
    }
}

/// The weekly caseload report. Lawyers and paralegals read their own; admins any (and the
/// office's). Every read is audited.
#[utoipa::path(
    get,
    path = "/api/v1/reports/weekly",
    tag = "reports",
    security(("bearer" = [])),
    params(WeeklyReportQuery),
    responses(
        (status = 200, description = "The week's figures", body = WeeklyReportJson),
        (status = 403, description = "Someone else's report, or the office's for a non-admin", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A week that cannot be read or has not begun, or an unknown `of`", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn weekly(
    state: web::Data<AppState>,
    current: CurrentStaff,
    address: ClientAddress,
    query: web::Query<WeeklyReportQuery>,
) -> Result<web::Json<WeeklyReportJson>, AppError> {
    let query = query.into_inner();
    let form = ReportForm {
        week: query.week,
        of: query.of,
        ..ReportForm::default()
    };
    let parsed = form.parse().map_err(AppError::Validation)?;
    let reading = reports::Reading::Page;
    let report = reports::weekly(
        &state,
        &current.staff,
        parsed.week,
        parsed.of,
        reading,
        address.0,
    )
    .await?;
    let i18n = I18n::new(current.staff.language);
    let (week, of) = (report.week, report.of);
    let figures = report
        .sections()
        .into_iter()
        .flat_map(|(section, week, lines)| {
            let i18n = &i18n;
            lines
                .into_iter()
                .map(move |line| figure(section, week, of, line, i18n))
        })
        .collect();
    Ok(web::Json(WeeklyReportJson {
        week: week.to_string(),
        starts_at: report.bounds.start,
        ends_at: report.bounds.end,
        of: of.code(),
        of_name: report.of_name.clone(),
        so_far: report.bounds.end > state.now(),
        key_figures: report
            .key_figures()
            .iter()
            .map(|key| KeyFigureJson {
                this_week: figure("activity", week, of, &key.this_week, &i18n),
                last_week: figure("activity", week.previous(), of, &key.last_week, &i18n),
            })
            .collect(),
        attention: report
            .attention()
            .iter()
            .map(|line| figure("attention", week, of, line, &i18n))
            .collect(),
        figures,
        web_inquiries: report.web_inquiries.map(|w| w.received),
        web_inquiries_median_minutes_to_action: report
            .web_inquiries
            .and_then(|w| w.median_minutes_to_action),
    }))
}
