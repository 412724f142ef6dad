//! `/api/v1/cases/{id}/revisions…`: a client's revisions of the case file as JSON — the
//! list, one revision's fields to decide beside the file, and the decisions applied. Same
//! rules and the same service as the review page.

use std::collections::BTreeMap;

use actix_web::{HttpResponse, web};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::api::parse_case_id;
use super::intake::form::IntakeForm;
use crate::auth::extractors::{ClientAddress, CurrentStaff};
use crate::domain::ids::RevisionId;
use crate::domain::revision::{self, Decision, Outcome, Remaining, RevisionStatus};
use crate::error::AppError;
use crate::routes::errors::Problem;
use crate::services::revisions::{self as revisions_service, RevisionSummary};
use crate::state::AppState;

#[derive(Debug, Serialize, ToSchema)]
pub struct RevisionSummaryJson {
    pub id: uuid::Uuid,
    pub status: RevisionStatus,
    /// The language the client answered in (`en`, `ru`, `uk`, `es`).
    pub language: Option<String>,
    pub submitted_at: DateTime<Utc>,
    pub reviewed_at: Option<DateTime<Utc>>,
}

impl From<RevisionSummary> for RevisionSummaryJson {
    fn from(r: RevisionSummary) -> Self {
        Self {
            id: r.id.as_uuid(),
            status: r.status,
            language: r.language.map(|l| l.code().to_string()),
            submitted_at: r.submitted_at,
            reviewed_at: r.reviewed_at,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct RevisionListJson {
    pub revisions: Vec<RevisionSummaryJson>,
}

/// One field to decide: what is on file and what the client answered, as the intake form
/// writes them (`family.0.date_of_birth`: `1990-02-03`).
#[derive(Debug, Serialize, ToSchema)]
pub struct RevisionFieldJson {
    pub path: String,
    pub on_file: String,
    pub answer: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct RevisionJson {
    #[serde(flatten)]
    pub summary: RevisionSummaryJson,
    pub reviewed_by: Option<uuid::Uuid>,
    /// While pending: the fields where the client's answer differs from the file.
    pub fields: Vec<RevisionFieldJson>,
    /// Once reviewed: what became of each field decided (paths only).
    pub outcomes: BTreeMap<String, Outcome>,
}

/// A decision about one field.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(tag = "decision", rename_all = "snake_case", deny_unknown_fields)]
pub enum DecisionJson {
    Accept,
    /// The file takes `value` instead of the client's answer.
    Edit {
        value: String,
    },
    Reject,
}

/// What becomes of the fields left without a decision.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum RemainingJson {
    /// Each must be decided: 422 names the ones that are not.
    #[default]
    Undecided,
    Accept,
    Reject,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DecisionsRequest {
    /// By field path.
    #[serde(default)]
    pub decisions: BTreeMap<String, DecisionJson>,
    #[serde(default)]
    pub remaining: RemainingJson,
}

fn parse_revision_id(raw: &str) -> RevisionId {
    raw.parse().unwrap_or(RevisionId::from(uuid::Uuid::nil()))
}

/// The case's revisions from clients, newest first (no answers).
#[utoipa::path(
    get,
    path = "/api/v1/cases/{id}/revisions",
    tag = "cases",
    security(("bearer" = [])),
    params(("id" = uuid::Uuid, Path, description = "The case's id")),
    responses(
        (status = 200, description = "The revisions", body = RevisionListJson),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "A paralegal not assigned to the case", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such case", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn list(
    state: web::Data<AppState>,
    current: CurrentStaff,
    id: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let revisions = revisions_service::list(&state, &current.staff, parse_case_id(&id)?).await?;
    Ok(HttpResponse::Ok().json(RevisionListJson {
        revisions: revisions.into_iter().map(Into::into).collect(),
    }))
}

/// One revision: while pending, each field where the client's answer differs from the
/// file; once reviewed, what became of each. Reading it is audited.
#[utoipa::path(
    get,
    path = "/api/v1/cases/{id}/revisions/{revision_id}",
    tag = "cases",
    security(("bearer" = [])),
    params(
        ("id" = uuid::Uuid, Path, description = "The case's id"),
        ("revision_id" = uuid::Uuid, Path, description = "The revision's id"),
    ),
    responses(
        (status = 200, description = "The revision", body = RevisionJson),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "A paralegal not assigned to the case", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such case or revision", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn show(
    state: web::Data<AppState>,
    current: CurrentStaff,
    address: ClientAddress,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, AppError> {
    let (case_id, id) = path.into_inner();
    let review = revisions_service::open::<IntakeForm>(
        &state,
        &current.staff,
        parse_case_id(&case_id)?,
        parse_revision_id(&id),
        address.0,
    )
    .await?;
    let fields = match review.status {
        RevisionStatus::Pending => revision::differences(&review.on_file, &review.answers)
            .into_iter()
            .map(|path| RevisionFieldJson {
                on_file: review.on_file.get(&path).to_string(),
                answer: review.answers.get(&path).to_string(),
                path,
            })
            .collect(),
        RevisionStatus::Reviewed => Vec::new(),
    };
    Ok(HttpResponse::Ok().json(RevisionJson {
        summary: RevisionSummaryJson {
            id: review.id.as_uuid(),
            status: review.status,
            language: review.language.map(|l| l.code().to_string()),
            submitted_at: review.submitted_at,
            reviewed_at: review.reviewed_at,
        },
        reviewed_by: review.reviewer.map(|s| s.id.as_uuid()),
        fields,
        outcomes: review.outcomes,
    }))
}

/// Applies decisions to a pending revision: accepted and edited answers go into the file
/// (audited as an intake edit), the revision is marked reviewed; all or nothing.
#[utoipa::path(
    post,
    path = "/api/v1/cases/{id}/revisions/{revision_id}/decisions",
    tag = "cases",
    security(("bearer" = [])),
    params(
        ("id" = uuid::Uuid, Path, description = "The case's id"),
        ("revision_id" = uuid::Uuid, Path, description = "The revision's id"),
    ),
    request_body = DecisionsRequest,
    responses(
        (status = 204, description = "Applied"),
        (status = 400, description = "Malformed body", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not a lawyer or admin", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such case or revision", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Already reviewed", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A field undecided, or a value that does not stand", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn decide(
    state: web::Data<AppState>,
    current: CurrentStaff,
    address: ClientAddress,
    path: web::Path<(String, String)>,
    body: web::Json<DecisionsRequest>,
) -> Result<HttpResponse, AppError> {
    let (case_id, id) = path.into_inner();
    let body = body.into_inner();
    let decisions = body
        .decisions
        .into_iter()
        .map(|(path, decision)| {
            let decision = match decision {
                DecisionJson::Accept => Decision::Accept,
                DecisionJson::Edit { value } => Decision::Edit(value),
                DecisionJson::Reject => Decision::Reject,
            };
            (path, decision)
        })
        .collect();
    let remaining = match body.remaining {
        RemainingJson::Undecided => Remaining::Undecided,
        RemainingJson::Accept => Remaining::Accept,
        RemainingJson::Reject => Remaining::Reject,
    };
    revisions_service::review::<IntakeForm>(
        &state,
        &current.staff,
        parse_case_id(&case_id)?,
        parse_revision_id(&id),
        decisions,
        remaining,
        address.0,
    )
    .await?;
    Ok(HttpResponse::NoContent().finish())
}
