//! The audit trail as people read it: `/admin/audit` (the whole log, filtered),
//! `/cases/{id}/audit` (one case's trail, a page at a time) and the lines the case page shows.
//! Actions and fields are named in the reader's language; no ids, no JSON.

use std::collections::HashMap;

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;
use chrono_tz::Tz;
use serde::Deserialize;

use super::AuditFilterForm;
use crate::auth::extractors::{ClientAddress, CurrentStaff, PageContext};
use crate::auth::policy;
use crate::clock;
use crate::domain::audit::{AuditAction, DetailLine, FieldName, Shown};
use crate::domain::codes;
use crate::domain::paging::PageNumber;
use crate::domain::staff::Staff;
use crate::error::{AppError, Message};
use crate::i18n::I18n;
use crate::routes::cases::api::parse_case_id;
use crate::routes::errors::FormErrors;
use crate::routes::sessions::html::render;
use crate::services::audit::{self, AuditEntries, AuditEntry, AuditQuery};
use crate::services::staff as staff_service;
use crate::state::AppState;

/// One entry as shown.
pub struct AuditLine {
    pub at: String,
    pub actor: String,
    pub action: String,
    /// The case's reference and, while the case exists, its page.
    pub case: Option<(String, Option<String>)>,
    /// The staff member the entry is about, with their page (admins only).
    pub about: Option<(String, String)>,
    pub address: String,
    pub details: Vec<String>,
}

const NONE: &str = "—";

fn value(shown: &Shown, names: &HashMap<uuid::Uuid, String>, i18n: &I18n) -> String {
    match shown {
        Shown::Text(text) => text.clone(),
        Shown::Label(key) => i18n.t(key),
        Shown::Staff(id) => names
            .get(id)
            .cloned()
            .unwrap_or_else(|| i18n.t("audit-former-staff")),
        Shown::Country(code) => codes::country_name(code, i18n.language()),
        Shown::Language(code) => codes::language_name(code, i18n.language()),
        Shown::List(items) => items
            .iter()
            .map(|item| value(item, names, i18n))
            .collect::<Vec<_>>()
            .join(", "),
        Shown::Changed => i18n.t("audit-changed"),
        Shown::Empty => NONE.to_string(),
    }
}

/// "Field: before → after", or "Field: value".
pub fn detail(line: &DetailLine, names: &HashMap<uuid::Uuid, String>, i18n: &I18n) -> String {
    let field = match &line.field {
        FieldName::Key { key, item: None } => i18n.t(key),
        FieldName::Key {
            key,
            item: Some((item, number)),
        } => format!(
            "{} — {}",
            i18n.message(&Message::new(item).with("number", number)),
            i18n.t(key)
        ),
        FieldName::Unknown(name) => name.clone(),
    };
    let after = value(&line.after, names, i18n);
    match &line.before {
        Some(before) => format!("{field}: {} → {after}", value(before, names, i18n)),
        None => format!("{field}: {after}"),
    }
}

fn line(
    entry: &AuditEntry,
    names: &HashMap<uuid::Uuid, String>,
    i18n: &I18n,
    zone: Tz,
) -> AuditLine {
    AuditLine {
        at: clock::office_time_seconds(&entry.occurred_at, zone),
        actor: entry.actor_name.clone().unwrap_or_else(|| NONE.to_string()),
        action: entry
            .known_action()
            .map_or_else(|| entry.action.clone(), |a| i18n.t(a.label_key())),
        case: entry.case.as_ref().map(|case| {
            if case.deleted {
                let text = i18n.message(
                    &Message::new("audit-case-deleted").with("reference", &case.reference),
                );
                (text, None)
            } else {
                (case.reference.clone(), Some(format!("/cases/{}", case.id)))
            }
        }),
        about: entry
            .staff
            .as_ref()
            .map(|(id, name)| (name.clone(), format!("/admin/staff/{id}"))),
        address: entry.address.clone().unwrap_or_default(),
        details: entry
            .lines()
            .iter()
            .map(|l| detail(l, names, i18n))
            .collect(),
    }
}

/// The entries of a page as people read them, times in the office's time zone.
pub fn lines(entries: &AuditEntries, i18n: &I18n, zone: Tz) -> Vec<AuditLine> {
    entries
        .entries
        .iter()
        .map(|e| line(e, &entries.names, i18n, zone))
        .collect()
}

/// An action as a choice of the filter.
pub struct ActionChoice {
    pub code: &'static str,
    pub label: String,
}

#[derive(Template)]
#[template(path = "audit/list.html")]
pub struct AuditPage {
    ctx: PageContext,
    filters: AuditFilterForm,
    errors: FormErrors,
    members: Vec<Staff>,
    actions: Vec<ActionChoice>,
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
    let mut actions: Vec<ActionChoice> = AuditAction::ALL
        .iter()
        .map(|a| ActionChoice {
            code: a.code(),
            label: ctx.i18n.t(a.label_key()),
        })
        .collect();
    actions.sort_by(|a, b| a.label.cmp(&b.label));
    render(
        AuditPage {
            lines: lines(&result, &ctx.i18n, ctx.time_zone),
            ctx,
            filters,
            errors,
            members,
            actions,
            total: result.total,
            page: result.page.get(),
            pages: result.pages(),
        },
        status,
    )
}

/// `?page=` of a case's trail.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct TrailPageForm {
    pub page: String,
}

#[derive(Template)]
#[template(path = "audit/case.html")]
pub struct CaseTrailPage {
    ctx: PageContext,
    case_id: String,
    reference: String,
    lines: Vec<AuditLine>,
    total: i64,
    page: i64,
    pages: i64,
}

/// `GET /cases/{id}/audit`: one case's whole trail, for anyone who may see the case.
pub async fn case_trail(
    state: web::Data<AppState>,
    current: CurrentStaff,
    ctx: PageContext,
    address: ClientAddress,
    path: web::Path<String>,
    form: web::Query<TrailPageForm>,
) -> Result<HttpResponse, AppError> {
    let id = parse_case_id(&path)?;
    // No form to show a message at: a page that is not a number is the first.
    let page = PageNumber::parse(&form.page).unwrap_or_default();
    let (reference, entries) =
        audit::case_trail(&state, &current.staff, id, page, address.0).await?;
    render(
        CaseTrailPage {
            lines: lines(&entries, &ctx.i18n, ctx.time_zone),
            ctx,
            case_id: id.to_string(),
            reference,
            total: entries.total,
            page: entries.page.get(),
            pages: entries.pages(),
        },
        StatusCode::OK,
    )
}
