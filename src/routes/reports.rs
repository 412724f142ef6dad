//! `/reports/weekly`: the weekly caseload report as a page (SVG charts drawn here, no
//! JavaScript) and as CSV — the report's tables, or the case rows streamed in chunks.

pub mod api;

use actix_web::http::StatusCode;
use actix_web::web::Bytes;
use actix_web::{HttpResponse, web};
use askama::Template;
use chrono::{DateTime, Utc};
use serde::Deserialize;

use crate::auth::extractors::{ClientAddress, CurrentStaff, PageContext};
use crate::auth::policy;
use crate::db::reports::CaseCsvRow;
use crate::domain::reports::{Family, IsoWeek, ReportOf, csv_header, csv_line};
use crate::domain::staff::{Role, Staff};
use crate::error::{AppError, FieldErrors};
use crate::routes::errors::FormErrors;
use crate::routes::sessions::html::render;
use crate::services::reports::{self, KeyFigure, Line, WeeklyReport, label_text};
use crate::state::AppState;

/// The report's parameters as typed; kept as strings so a bad one is shown back.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct ReportForm {
    /// ISO week, `2026-W47`; the last complete week when empty.
    #[serde(default)]
    pub week: String,
    /// `office`, `lawyer:<id>` or `paralegal:<id>`; the reader's own when empty.
    #[serde(default)]
    pub of: String,
    /// CSV: `summary` (default) or `cases`.
    #[serde(default)]
    pub table: String,
    /// CSV of cases: only one figure's (`report` family and `key`).
    #[serde(default)]
    pub report: String,
    #[serde(default)]
    pub key: String,
}

struct Parsed {
    week: Option<IsoWeek>,
    of: Option<ReportOf>,
    family: Option<Family>,
}

impl ReportForm {
    fn parse(&self) -> Result<Parsed, FieldErrors> {
        let mut errors = FieldErrors::default();
        let optional = |s: &str| Some(s.trim().to_string()).filter(|s| !s.is_empty());
        let week = optional(&self.week).and_then(|w| errors.check("week", IsoWeek::parse(&w)));
        let of = optional(&self.of).and_then(|o| errors.check("of", ReportOf::parse(&o)));
        let family = optional(&self.report).and_then(|f| errors.check("report", Family::parse(&f)));
        if errors.is_empty() {
            Ok(Parsed { week, of, family })
        } else {
            Err(errors)
        }
    }
}

/// One bar of the stage chart.
pub struct Bar {
    pub label: String,
    pub count: i64,
    pub y: i64,
    pub width: i64,
    pub link: String,
}

/// One week of the trend chart: two bars side by side.
pub struct TrendColumn {
    pub week: String,
    pub x: i64,
    pub intakes: i64,
    pub intakes_y: i64,
    pub intakes_height: i64,
    pub grants: i64,
    pub grants_y: i64,
    pub grants_height: i64,
}

pub const BAR_HEIGHT: i64 = 22;
pub const CHART_WIDTH: i64 = 360;
pub const TREND_HEIGHT: i64 = 140;
pub const TREND_STEP: i64 = 52;

#[derive(Template)]
#[template(path = "reports/weekly.html")]
pub struct WeeklyPage {
    ctx: PageContext,
    form: ReportForm,
    errors: FormErrors,
    report: Option<WeeklyReport>,
    /// Whom the reader may pick: (value, name).
    choices: Vec<(String, String)>,
    selected: String,
    bars: Vec<Bar>,
    bars_height: i64,
    trend: Vec<TrendColumn>,
    trend_width: i64,
    csv_summary: String,
    csv_cases: String,
    key_figures: Vec<KeyFigure>,
    attention: Vec<Line>,
    /// The week has not ended yet: its figures are "so far".
    so_far: bool,
    previous_week: Option<String>,
    /// Only once the next week has begun.
    next_week: Option<String>,
}

impl WeeklyPage {
    pub fn label(&self, line: &Line) -> String {
        label_text(&self.ctx.i18n, &line.label)
    }

    pub fn link(&self, line: &Line) -> String {
        match &self.report {
            Some(report) => line.link(report.week, report.of),
            None => String::new(),
        }
    }

    /// The open-case tables: (title key, lines).
    pub fn breakdowns(&self) -> Vec<(&'static str, &[Line])> {
        match &self.report {
            Some(r) => vec![
                ("report-by-stage", r.by_stage.as_slice()),
                ("report-by-kind", r.by_kind.as_slice()),
                ("report-by-lawyer", r.by_lawyer.as_slice()),
                ("report-by-paralegal", r.by_paralegal.as_slice()),
                ("report-by-nationality", r.by_nationality.as_slice()),
                ("report-by-port", r.by_port.as_slice()),
            ],
            None => Vec::new(),
        }
    }

    /// The cases of a key figure in the reported week and in the week before it.
    pub fn key_links(&self, figure: &KeyFigure) -> (String, String) {
        match &self.report {
            Some(report) => (
                figure.this_week.link(report.week, report.of),
                figure.last_week.link(report.week.previous(), report.of),
            ),
            None => (String::new(), String::new()),
        }
    }

    /// A trend figure's cases, in its own week.
    pub fn link_in(&self, line: &Line, week: &IsoWeek) -> String {
        match &self.report {
            Some(report) => line.link(*week, report.of),
            None => String::new(),
        }
    }
}

fn scope_choices(actor: &Staff, report: Option<&WeeklyReport>) -> Vec<(String, String)> {
    let Some(report) = report else {
        return Vec::new();
    };
    if actor.role != Role::Admin {
        return Vec::new();
    }
    let mut choices = vec![(ReportOf::Office.code(), String::new())];
    choices.extend(
        report
            .lawyers
            .iter()
            .filter(|s| s.active)
            .map(|s| (ReportOf::Lawyer(s.id).code(), s.display_name.clone())),
    );
    choices
}

fn bars(page_i18n: &crate::i18n::I18n, report: &WeeklyReport) -> Vec<Bar> {
    let max = report
        .by_stage
        .iter()
        .map(|l| l.count)
        .max()
        .unwrap_or(0)
        .max(1);
    report
        .by_stage
        .iter()
        .enumerate()
        .map(|(i, line)| Bar {
            label: label_text(page_i18n, &line.label),
            count: line.count,
            y: i as i64 * BAR_HEIGHT,
            width: (line.count * CHART_WIDTH / max).max(1),
            link: line.link(report.week, report.of),
        })
        .collect()
}

fn trend(report: &WeeklyReport) -> Vec<TrendColumn> {
    let max = report
        .trend
        .iter()
        .map(|p| p.intakes.count.max(p.grants.count))
        .max()
        .unwrap_or(0)
        .max(1);
    let plot = TREND_HEIGHT - 20;
    report
        .trend
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let h = |n: i64| n * plot / max;
            TrendColumn {
                week: format!(
                    "W{:02}",
                    chrono::Datelike::iso_week(&p.week.monday()).week()
                ),
                x: i as i64 * TREND_STEP + 4,
                intakes: p.intakes.count,
                intakes_y: plot - h(p.intakes.count),
                intakes_height: h(p.intakes.count),
                grants: p.grants.count,
                grants_y: plot - h(p.grants.count),
                grants_height: h(p.grants.count),
            }
        })
        .collect()
}

fn csv_link(report: &WeeklyReport, table: &str) -> String {
    let query = url::form_urlencoded::Serializer::new(String::new())
        .append_pair("week", &report.week.to_string())
        .append_pair("of", &report.of.code())
        .append_pair("table", table)
        .finish();
    format!("/reports/weekly.csv?{query}")
}

fn page(
    ctx: PageContext,
    actor: &Staff,
    form: ReportForm,
    errors: &FieldErrors,
    report: Option<WeeklyReport>,
    now: DateTime<Utc>,
) -> WeeklyPage {
    let choices = scope_choices(actor, report.as_ref());
    let (bars, trend_columns, csv_summary, csv_cases, selected) = match &report {
        Some(r) => (
            bars(&ctx.i18n, r),
            trend(r),
            csv_link(r, "summary"),
            csv_link(r, "cases"),
            r.of.code(),
        ),
        None => (
            Vec::new(),
            Vec::new(),
            String::new(),
            String::new(),
            form.of.clone(),
        ),
    };
    let (key_figures, attention) = report
        .as_ref()
        .map(|r| (r.key_figures(), r.attention()))
        .unwrap_or_default();
    let so_far = report.as_ref().is_some_and(|r| r.bounds.end > now);
    let previous_week = report
        .as_ref()
        .map(|r| reports::page_link(r.week.previous(), r.of));
    let next_week = report
        .as_ref()
        .filter(|r| r.bounds.end <= now)
        .map(|r| reports::page_link(r.week.next(), r.of));
    WeeklyPage {
        key_figures,
        attention,
        so_far,
        previous_week,
        next_week,
        errors: FormErrors::translate(errors, &ctx.i18n),
        ctx,
        form,
        report,
        choices,
        selected,
        bars_height: (bars.len() as i64).max(1) * BAR_HEIGHT,
        bars,
        trend_width: (trend_columns.len() as i64).max(1) * TREND_STEP,
        trend: trend_columns,
        csv_summary,
        csv_cases,
    }
}

pub async fn weekly(
    state: web::Data<AppState>,
    current: CurrentStaff,
    ctx: PageContext,
    address: ClientAddress,
    form: web::Query<ReportForm>,
) -> Result<HttpResponse, AppError> {
    policy::can_use_app(&current.staff)?;
    let form = form.into_inner();
    let actor = &current.staff;
    let parsed = match form.parse() {
        Ok(parsed) => parsed,
        Err(errors) => {
            return render(
                page(ctx, actor, form, &errors, None, state.now()),
                StatusCode::UNPROCESSABLE_ENTITY,
            );
        }
    };
    let reading = reports::Reading::Page;
    match reports::weekly(
        &state,
        actor,
        parsed.week,
        parsed.of,
        reading,
        address.0.clone(),
    )
    .await
    {
        Ok(report) => render(
            page(
                ctx,
                actor,
                form,
                &FieldErrors::default(),
                Some(report),
                state.now(),
            ),
            StatusCode::OK,
        ),
        Err(AppError::Validation(errors)) => render(
            page(ctx, actor, form, &errors, None, state.now()),
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        Err(other) => Err(other),
    }
}

const CASE_COLUMNS: [&str; 12] = [
    "reference",
    "stage_at_end_of_week",
    "current_stage",
    "claim_kind",
    "lawyer",
    "paralegal",
    "nationalities",
    "port_of_entry",
    "opened_at_utc",
    "last_changed_at_utc",
    "next_deadline_after_week",
    "next_deadline_kind",
];

fn case_line(row: CaseCsvRow) -> String {
    let stamp = |at: chrono::NaiveDateTime| at.format("%Y-%m-%dT%H:%M:%SZ").to_string();
    csv_line(&[
        row.reference,
        row.stage_at_end,
        row.stage,
        row.kind.unwrap_or_default(),
        row.lawyer.unwrap_or_default(),
        row.paralegal.unwrap_or_default(),
        row.nationalities,
        row.port_of_entry.unwrap_or_default(),
        stamp(row.created_at),
        stamp(row.updated_at),
        row.next_deadline_on
            .map(|d| d.to_string())
            .unwrap_or_default(),
        row.next_deadline_kind.unwrap_or_default(),
    ])
}

fn csv_response(filename: &str) -> actix_web::HttpResponseBuilder {
    let mut response = HttpResponse::Ok();
    response
        .content_type("text/csv; charset=utf-8")
        .insert_header((
            "Content-Disposition",
            format!("attachment; filename=\"{filename}\""),
        ))
        .insert_header(("Cache-Control", "no-store"));
    response
}

/// `/reports/weekly.csv`: the report's tables, or (`table=cases`) one row per case.
pub async fn weekly_csv(
    state: web::Data<AppState>,
    current: CurrentStaff,
    ctx: PageContext,
    address: ClientAddress,
    form: web::Query<ReportForm>,
) -> Result<HttpResponse, AppError> {
    policy::can_use_app(&current.staff)?;
    let actor = current.staff.clone();
    let parsed = form.parse().map_err(AppError::Validation)?;
    let zone = state.settings.office.time_zone;
    let week = parsed
        .week
        .unwrap_or_else(|| crate::domain::reports::last_complete_week(state.now(), zone));
    let of = parsed.of.unwrap_or_else(|| reports::default_scope(&actor));
    match form.table.trim() {
        "" | "summary" => {
            let reading = reports::Reading::SummaryCsv;
            let report = reports::weekly(
                &state,
                &actor,
                Some(week),
                Some(of),
                reading,
                address.0.clone(),
            )
            .await?;
            let mut body = csv_header(&["section", "week", "figure", "key", "label", "count"]);
            for (section, week, lines) in report.sections() {
                for line in lines {
                    body.push_str(&csv_line(&[
                        section.to_string(),
                        week.to_string(),
                        line.family.as_str().to_string(),
                        line.key.clone().unwrap_or_default(),
                        label_text(&ctx.i18n, &line.label),
                        line.count.to_string(),
                    ]));
                }
            }
            Ok(csv_response(&format!("caseload-{week}.csv")).body(body))
        }
        "cases" => {
            let figure = parsed.family.map(|family| {
                let key = Some(form.key.trim().to_string()).filter(|k| !k.is_empty());
                (family, key)
            });
            let cursor =
                reports::start_csv(&state, &actor, week, of, figure, address.0.clone()).await?;
            let header = csv_header(&CASE_COLUMNS);
            // One chunk in memory at a time.
            let stream = futures_util::stream::unfold(Some((cursor, Some(header))), move |next| {
                let state = state.clone();
                async move {
                    let (cursor, header) = next?;
                    match reports::csv_chunk(&state, cursor).await {
                        Ok((rows, cursor)) => {
                            let mut chunk = header.unwrap_or_default();
                            for row in rows {
                                chunk.push_str(&case_line(row));
                            }
                            let next = cursor.map(|cursor| (cursor, None));
                            Some((Ok::<_, AppError>(Bytes::from(chunk)), next))
                        }
                        Err(error) => {
                            tracing::error!(error = ?error, "report CSV chunk failed");
                            Some((Err(error), None))
                        }
                    }
                }
            });
            Ok(csv_response(&format!("caseload-{week}-cases.csv")).streaming(stream))
        }
        _ => Err(AppError::BadRequest(crate::error::Message::new(
            "report-table-invalid",
        ))),
    }
}
