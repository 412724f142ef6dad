//! `/cases`: the case list — "my cases" by default, filters kept in the form and in every
//! sort and page link. The home page shows the same list, unfiltered.

use std::sync::Arc;

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;
use serde::Deserialize;
use utoipa::IntoParams;

use crate::auth::extractors::{ClientAddress, CurrentStaff, PageContext};
use crate::auth::policy;
use crate::db::case_list::CaseSort;
use crate::domain::case_stage::{CaseStage, ClaimKind};
use crate::domain::codes;
use crate::domain::paging::PageNumber;
use crate::domain::reports::{Family, IsoWeek, ReportOf};
use crate::domain::staff::{Role, Staff};
use crate::error::{AppError, FieldErrors, Message};
use crate::routes::errors::FormErrors;
use crate::routes::sessions::html::render;
use crate::services::case_list::{self, CaseListEntry, CaseListQuery, ReportSelection, Scope};
use crate::state::AppState;

/// The longest window the "within N days" filters take: ten years.
const MAX_DAYS: u32 = 3_650;

/// The filters as typed; kept as strings so a bad one is shown back, not dropped. The API
/// takes the same parameters.
#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CaseListForm {
    /// `all` for every case the reader may see; otherwise their own.
    #[serde(default)]
    pub scope: String,
    /// Only cases in this stage.
    #[serde(default)]
    #[param(value_type = Option<CaseStage>)]
    pub stage: String,
    /// Only claims of this kind.
    #[serde(default)]
    #[param(value_type = Option<ClaimKind>)]
    pub kind: String,
    /// The lawyer of record's staff id.
    #[serde(default)]
    pub lawyer: String,
    /// The paralegal's staff id.
    #[serde(default)]
    pub paralegal: String,
    /// ISO 3166-1 alpha-2 country code.
    #[serde(default)]
    pub nationality: String,
    /// Port of entry, as recorded.
    #[serde(default)]
    pub port: String,
    /// The one-year filing deadline falls in the next this many days (I-589 not filed).
    #[serde(default)]
    pub one_year_within: String,
    /// A hearing falls in the next this many days.
    #[serde(default)]
    pub hearing_within: String,
    /// Any non-empty value: cases not updated in 60 days.
    #[serde(default)]
    pub not_updated: String,
    /// `deadline` (default), `reference`, `updated` or `stage`.
    #[serde(default)]
    pub sort: String,
    /// `asc` or `desc`.
    #[serde(default)]
    pub dir: String,
    /// Page number, from 1; 50 cases a page.
    #[serde(default)]
    pub page: String,
    /// A weekly-report figure family (`open_stage`, `overdue`, …): only its cases.
    #[serde(default)]
    pub report: String,
    /// The report's ISO week, `2026-W47`.
    #[serde(default)]
    pub week: String,
    /// The figure's key within its family, e.g. a stage code.
    #[serde(default)]
    pub key: String,
    /// Whose report: `office`, `lawyer:<id>` or `paralegal:<id>`.
    #[serde(default)]
    pub of: String,
}

fn sort_of(code: &str) -> CaseSort {
    match code {
        "reference" => CaseSort::Reference,
        "updated" => CaseSort::Updated,
        "stage" => CaseSort::Stage,
        _ => CaseSort::NextDeadline,
    }
}

fn sort_code(sort: CaseSort) -> &'static str {
    match sort {
        CaseSort::Reference => "reference",
        CaseSort::Updated => "updated",
        CaseSort::NextDeadline => "deadline",
        CaseSort::Stage => "stage",
    }
}

/// Each column's natural direction: the most recently updated first, everything else
/// ascending (the nearest deadline first).
fn descending_by_default(sort: CaseSort) -> bool {
    sort == CaseSort::Updated
}

impl CaseListForm {
    fn sort(&self) -> CaseSort {
        sort_of(self.sort.trim())
    }

    fn descending(&self) -> bool {
        match self.dir.trim() {
            "asc" => false,
            "desc" => true,
            _ => descending_by_default(self.sort()),
        }
    }

    pub fn parse(&self) -> Result<CaseListQuery, FieldErrors> {
        let mut errors = FieldErrors::default();
        let optional = |s: &str| Some(s.trim().to_string()).filter(|s| !s.is_empty());
        let stage = optional(&self.stage).and_then(|s| errors.check("stage", CaseStage::parse(&s)));
        let kind = optional(&self.kind).and_then(|s| errors.check("kind", ClaimKind::parse(&s)));
        let staff = |field: &'static str, raw: &str, errors: &mut FieldErrors| {
            optional(raw).and_then(|s| {
                errors.check(
                    field,
                    s.parse().map_err(|_| Message::new("validation-staff")),
                )
            })
        };
        let lawyer = staff("lawyer", &self.lawyer, &mut errors);
        let paralegal = staff("paralegal", &self.paralegal, &mut errors);
        let nationality = optional(&self.nationality)
            .and_then(|s| errors.check("nationality", codes::country(&s)));
        let days = |field: &'static str, raw: &str, errors: &mut FieldErrors| {
            optional(raw).and_then(|s| {
                errors.check(
                    field,
                    s.parse::<u32>()
                        .ok()
                        .filter(|d| *d <= MAX_DAYS)
                        .ok_or_else(|| {
                            Message::new("case-list-days-invalid").with("max", MAX_DAYS)
                        }),
                )
            })
        };
        let one_year_within_days = days("one_year_within", &self.one_year_within, &mut errors);
        let hearing_within_days = days("hearing_within", &self.hearing_within, &mut errors);
        let report = optional(&self.report).and_then(|family| {
            let family = errors.check("report", Family::parse(&family))?;
            let week = errors.check("week", IsoWeek::parse(&self.week))?;
            let of = errors.check("of", ReportOf::parse(&self.of))?;
            Some(ReportSelection {
                family,
                week,
                key: optional(&self.key),
                of,
            })
        });
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(CaseListQuery {
            scope: if self.scope == "all" {
                Scope::All
            } else {
                Scope::Mine
            },
            stage,
            kind,
            lawyer,
            paralegal,
            nationality,
            port_of_entry: optional(&self.port),
            one_year_within_days,
            hearing_within_days,
            not_updated: !self.not_updated.trim().is_empty(),
            report,
            sort: self.sort(),
            descending: self.descending(),
            // Lenient: a page that is not a number is the first one.
            page: PageNumber::parse(&self.page).unwrap_or_default(),
        })
    }

    /// `/cases?…` with these filters, sorted and on the page given; empty filters left out.
    fn link(&self, sort: &str, dir: &str, page: i64) -> String {
        let mut query = url::form_urlencoded::Serializer::new(String::new());
        for (name, value) in [
            ("scope", self.scope.as_str()),
            ("stage", &self.stage),
            ("kind", &self.kind),
            ("lawyer", &self.lawyer),
            ("paralegal", &self.paralegal),
            ("nationality", &self.nationality),
            ("port", &self.port),
            ("one_year_within", &self.one_year_within),
            ("hearing_within", &self.hearing_within),
            ("not_updated", &self.not_updated),
            ("report", &self.report),
            ("week", &self.week),
            ("key", &self.key),
            ("of", &self.of),
            ("sort", sort),
            ("dir", dir),
        ] {
            if !value.trim().is_empty() {
                query.append_pair(name, value.trim());
            }
        }
        if page > 1 {
            query.append_pair("page", &page.to_string());
        }
        let query = query.finish();
        if query.is_empty() {
            "/cases".to_string()
        } else {
            format!("/cases?{query}")
        }
    }
}

/// The table of cases, as the list page and the home page show it.
pub struct CaseTable {
    pub entries: Vec<CaseListEntry>,
    pub form: CaseListForm,
    pub total: i64,
    pub page: i64,
    pub pages: i64,
}

impl CaseTable {
    /// The same list on another page.
    pub fn page_link(&self, page: i64) -> String {
        self.form.link(&self.form.sort, &self.form.dir, page)
    }

    /// The list sorted by `column`: a second click reverses the direction.
    pub fn sort_link(&self, column: &str) -> String {
        let sort = sort_of(column);
        let dir = if sort == self.form.sort() {
            if self.form.descending() {
                "asc"
            } else {
                "desc"
            }
        } else {
            ""
        };
        self.form.link(sort_code(sort), dir, 1)
    }

    /// `aria-sort` of a column header.
    pub fn aria_sort(&self, column: &str) -> &'static str {
        if sort_of(column) != self.form.sort() {
            "none"
        } else if self.form.descending() {
            "descending"
        } else {
            "ascending"
        }
    }
}

#[derive(Template)]
#[template(path = "cases/list.html")]
pub struct CaseListPage {
    ctx: PageContext,
    table: CaseTable,
    errors: FormErrors,
    can_see_all: bool,
    showing_all: bool,
    stages: [CaseStage; 25],
    kinds: [ClaimKind; 3],
    lawyers: Vec<Staff>,
    paralegals: Vec<Staff>,
    countries: Vec<(&'static str, &'static str)>,
    ports: Arc<Vec<String>>,
}

/// One page of the list for `current`, or the problems of the filters.
pub async fn table(
    state: &AppState,
    staff: &Staff,
    form: CaseListForm,
    address: ClientAddress,
) -> Result<(CaseTable, case_list::CaseListPage, FieldErrors), AppError> {
    let (query, errors) = match form.parse() {
        Ok(query) => (query, FieldErrors::default()),
        Err(errors) => (CaseListQuery::default(), errors),
    };
    let mut result = case_list::list(state, staff, query, address.0).await?;
    let table = CaseTable {
        entries: std::mem::take(&mut result.entries),
        total: result.total,
        page: result.page,
        pages: result.pages,
        form,
    };
    Ok((table, result, errors))
}

pub async fn list(
    state: web::Data<AppState>,
    current: CurrentStaff,
    ctx: PageContext,
    address: ClientAddress,
    form: web::Query<CaseListForm>,
) -> Result<HttpResponse, AppError> {
    policy::can_use_app(&current.staff)?;
    let (table, result, errors) = table(&state, &current.staff, form.into_inner(), address).await?;
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let (lawyers, paralegals): (Vec<Staff>, Vec<Staff>) = result
        .staff
        .into_iter()
        .partition(|s| s.role != Role::Paralegal);
    render(
        CaseListPage {
            errors: FormErrors::translate(&errors, &ctx.i18n),
            countries: codes::countries(ctx.i18n.language()),
            ctx,
            table,
            can_see_all: result.can_see_all,
            showing_all: result.scope == Scope::All,
            stages: CaseStage::ALL,
            kinds: ClaimKind::ALL,
            lawyers,
            paralegals,
            ports: case_list::port_suggestions(&state).await?,
        },
        status,
    )
}
