//! `GET /api/v1/audit`: the audit log as JSON, for export to a log system (admins only). The
//! entries are sent as stored — action codes and structured details — with the case
//! reference and staff names beside the ids.

use actix_web::web;
use chrono::{DateTime, Utc};
use serde::Serialize;
use utoipa::ToSchema;
use utoipa::openapi::schema::{ObjectBuilder, Type};

use super::AuditFilterForm;
use crate::auth::extractors::CurrentStaff;
use crate::auth::policy;
use crate::domain::audit::AuditAction;
use crate::error::AppError;
use crate::routes::errors::Problem;
use crate::services::audit::{self, AuditEntry};
use crate::state::AppState;

fn action_schema() -> utoipa::openapi::schema::Object {
    ObjectBuilder::new()
        .schema_type(Type::String)
        .enum_values(Some(AuditAction::ALL.iter().map(|a| a.code())))
        .examples([AuditAction::CaseViewed.code()])
        .build()
}

/// A staff member named by an entry.
#[derive(Debug, Serialize, ToSchema)]
pub struct AuditStaffJson {
    pub id: uuid::Uuid,
    pub name: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AuditEntryJson {
    /// Grows with every entry: an exporter can resume after the last id it sent.
    pub id: i64,
    pub occurred_at: DateTime<Utc>,
    #[schema(schema_with = action_schema)]
    pub action: String,
    /// Who acted; `null` for the system, the command line or an unknown sign-in.
    pub actor: Option<AuditStaffJson>,
    /// `case`, `staff`, `office_setting` or `outbox`; a refusal (`access.denied`) names the
    /// case, staff member or message of the route it refused.
    pub target_type: Option<String>,
    pub target_id: Option<String>,
    /// The reference of the case the entry is about, also once the case is deleted.
    pub case_reference: Option<String>,
    /// The client's network address.
    pub address: Option<String>,
    /// What the action changed or concerned: `{"field": {"before": …, "after": …}}` for
    /// changes, `{"changed": true}` where the value itself is never logged. Never client
    /// names, narratives or free text.
    #[schema(value_type = Object)]
    pub details: serde_json::Value,
}

impl From<AuditEntry> for AuditEntryJson {
    fn from(entry: AuditEntry) -> Self {
        Self {
            id: entry.id,
            occurred_at: entry.occurred_at,
            actor: entry
                .actor_id
                .zip(entry.actor_name)
                .map(|(id, name)| AuditStaffJson { id, name }),
            action: entry.action,
            target_type: entry.target_type,
            target_id: entry.target_id,
            case_reference: entry.case.map(|c| c.reference),
            address: entry.address,
            details: entry.details,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AuditListJson {
    /// Newest first.
    pub entries: Vec<AuditEntryJson>,
    /// Entries matching the filters, on every page.
    pub total: i64,
    pub page: i64,
    pub per_page: i64,
    pub pages: i64,
}

/// The audit log, newest first, 50 entries a page (admins only).
#[utoipa::path(
    get,
    path = "/api/v1/audit",
    tag = "audit",
    security(("bearer" = [])),
    params(AuditFilterForm),
    responses(
        (status = 200, description = "One page of entries", body = AuditListJson),
        (status = 400, description = "A control character in a parameter", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not an admin", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A filter that cannot be read, named by its parameter", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn list(
    state: web::Data<AppState>,
    current: CurrentStaff,
    form: web::Query<AuditFilterForm>,
) -> Result<web::Json<AuditListJson>, AppError> {
    policy::can_read_audit_log(&current.staff)?;
    let query = form.parse().map_err(AppError::Validation)?;
    let result = audit::list(&state, &current.staff, query).await?;
    let pages = result.pages();
    Ok(web::Json(AuditListJson {
        total: result.total,
        page: result.page.get(),
        per_page: result.per_page.get(),
        pages,
        entries: result
            .entries
            .into_iter()
            .map(AuditEntryJson::from)
            .collect(),
    }))
}
