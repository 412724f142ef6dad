//! `/admin/audit`: the audit log, filtered by staff member, action and dates.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;
use chrono::NaiveDate;
use serde::Deserialize;

use crate::auth::extractors::{CurrentStaff, PageContext};
use crate::auth::policy;
use crate::db::audit_log::AuditRow;
use crate::domain::paging::PageNumber;
use crate::domain::staff::Staff;
use crate::error::{AppError, FieldErrors, Message};
use crate::routes::errors::FormErrors;
use crate::routes::sessions::html::render;
use crate::services::audit::{self, AuditQuery};
use crate::services::staff as staff_service;
use crate::state::AppState;

/// The filters as typed; kept as strings so a bad one is shown back, not dropped.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct AuditFilterForm {
    #[serde(default)]
    pub staff: String,
    #[serde(default)]
    pub action: String,
    #[serde(default)]
    pub from: String,
    #[serde(default)]
    pub until: String,
    #[serde(default)]
    pub page: Option<PageNumber>,
}

impl AuditFilterForm {
    fn parse(&self) -> Result<AuditQuery, FieldErrors> {
        let mut errors = FieldErrors::default();
        let optional = |s: &str| Some(s.trim()).filter(|s| !s.is_empty()).map(str::to_string);
        let actor = optional(&self.staff).and_then(|s| {
            errors.check(
                "staff",
                s.parse().map_err(|_| Message::new("validation-staff")),
            )
        });
        let date = |field: &'static str, raw: &str, errors: &mut FieldErrors| {
            optional(raw).and_then(|s| {
                errors.check(
                    field,
                    NaiveDate::parse_from_str(&s, "%Y-%m-%d")
                        .map_err(|_| Message::new("validation-date")),
                )
            })
        };
        let from = date("from", &self.from, &mut errors);
        let until = date("until", &self.until, &mut errors);
        if errors.is_empty() {
            Ok(AuditQuery {
                actor,
                action: optional(&self.action),
                from,
                until,
                page: self.page.unwrap_or_default(),
            })
        } else {
            Err(errors)
        }
    }

    /// The query string of these filters on another page.
    pub fn page_link(&self, page: i64) -> String {
        let query: String = url::form_urlencoded::Serializer::new(String::new())
            .append_pair("staff", &self.staff)
            .append_pair("action", &self.action)
            .append_pair("from", &self.from)
            .append_pair("until", &self.until)
            .append_pair("page", &page.to_string())
            .finish();
        format!("/admin/audit?{query}")
    }
}

/// One row as shown.
pub struct AuditLine {
    pub at: String,
    pub actor: String,
    pub action: String,
    pub target: String,
    /// Where the record can be seen, when it has a page.
    pub target_link: Option<String>,
    pub address: String,
    pub details: String,
}

impl AuditLine {
    fn from_row(row: AuditRow, zone: chrono_tz::Tz) -> Self {
        Self {
            at: crate::clock::office_time_seconds(&row.occurred_at, zone),
            actor: row.actor_name.unwrap_or_else(|| "—".into()),
            action: row.action,
            target_link: match (row.target_type.as_deref(), row.target_id.as_deref()) {
                (Some("staff"), Some(id)) => Some(format!("/admin/staff/{id}")),
                _ => None,
            },
            target: match (row.target_type, row.target_id) {
                (Some(kind), Some(id)) => format!("{kind} {id}"),
                _ => String::new(),
            },
            address: row.address.unwrap_or_default(),
            details: if row.details == "{}" {
                String::new()
            } else {
                row.details
            },
        }
    }
}

#[derive(Template)]
#[template(path = "audit/list.html")]
pub struct AuditPage {
    ctx: PageContext,
    filters: AuditFilterForm,
    errors: FormErrors,
    members: Vec<Staff>,
    actions: Vec<String>,
    lines: Vec<AuditLine>,
    total: i64,
    page: i64,
    pages: i64,
}

pub async fn list(
    state: web::Data<AppState>,
    current: CurrentStaff,
    ctx: PageContext,
    filters: web::Query<AuditFilterForm>,
) -> Result<HttpResponse, AppError> {
    policy::can_read_audit_log(&current.staff)?;
    let filters = filters.into_inner();
    let members = staff_service::list(&state, &current.staff).await?;
    let (query, errors, status) = match filters.parse() {
        Ok(query) => (query, FormErrors::default(), StatusCode::OK),
        Err(errors) => (
            AuditQuery::default(),
            FormErrors::translate(&errors, &ctx.i18n),
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
    };
    let result = audit::list(&state, &current.staff, query).await?;
    let pages = ((result.total + result.per_page - 1) / result.per_page).max(1);
    let zone = ctx.time_zone;
    render(
        AuditPage {
            ctx,
            filters,
            errors,
            members,
            actions: result.actions,
            lines: result
                .rows
                .into_iter()
                .map(|row| AuditLine::from_row(row, zone))
                .collect(),
            total: result.total,
            page: result.page,
            pages,
        },
        status,
    )
}
