//! `/api/v1/triage…`: the triage queue and its actions as JSON (lawyers and admins).

use actix_web::web;
use serde::Deserialize;
use utoipa::{IntoParams, ToSchema};

use super::parse_inquiry_id;
use crate::auth::extractors::{Authorized, ClientAddress, TriageInquiries};
use crate::domain::paging::PageNumber;
use crate::error::{AppError, FieldErrors, Message};
use crate::routes::errors::Problem;
use crate::services::inquiries::{self, Decision, DecisionOutcome, TriageQueue};
use crate::state::AppState;

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(default)]
pub struct TriageQuery {
    /// From 1 (the most urgent); 50 inquiries a page. A page past the last is the last.
    pub page: String,
}

/// One page of the unreviewed inquiries, most urgent first (one-year deadline passed or
/// within 60 days, detained, hearing within 30 days, then oldest), each with its reasons
/// and the people on file whose names match. Reading it is audited.
#[utoipa::path(
    get,
    path = "/api/v1/triage",
    tag = "triage",
    security(("bearer" = [])),
    params(TriageQuery),
    responses(
        (status = 200, description = "One page of the queue", body = TriageQueue),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not a lawyer or admin", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A page that is not a whole number", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn list(
    state: web::Data<AppState>,
    lawyer: Authorized<TriageInquiries>,
    address: ClientAddress,
    query: web::Query<TriageQuery>,
) -> Result<web::Json<TriageQueue>, AppError> {
    let page = PageNumber::parse(&query.page).map_err(|_| {
        let mut errors = FieldErrors::default();
        errors.push("page", Message::new("validation-page"));
        AppError::Validation(errors)
    })?;
    Ok(web::Json(
        inquiries::queue(&state, lawyer.staff(), page, address.0).await?,
    ))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TakeRequest {
    /// The lawyer (or admin) of record; the caller when absent.
    #[serde(default)]
    pub lawyer_id: Option<uuid::Uuid>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MergeRequest {
    /// The reference of the case the person already has, e.g. `R-2026-00042`.
    pub into_reference: String,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DeclineRequest {
    /// Why (kept in the case's stage history, never in the audit log).
    pub reason: String,
    /// Send a short, kind reply in the person's language to their safe email address.
    #[serde(default)]
    pub reply: bool,
}

async fn decide(
    state: &AppState,
    lawyer: &Authorized<TriageInquiries>,
    address: ClientAddress,
    id: &str,
    decision: Decision,
) -> Result<web::Json<DecisionOutcome>, AppError> {
    let id = parse_inquiry_id(id)?;
    Ok(web::Json(
        inquiries::decide(state, lawyer.staff(), id, decision, address.0).await?,
    ))
}

/// Take an inquiry: assign the lawyer of record; the case moves to the conflict check.
#[utoipa::path(
    post,
    path = "/api/v1/triage/{id}/take",
    tag = "triage",
    security(("bearer" = [])),
    params(("id" = uuid::Uuid, Path, description = "The inquiry's id")),
    request_body = TakeRequest,
    responses(
        (status = 200, description = "Taken", body = DecisionOutcome),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not a lawyer or admin", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such inquiry", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Already taken, merged or declined", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Not an active lawyer or admin", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn take(
    state: web::Data<AppState>,
    lawyer: Authorized<TriageInquiries>,
    address: ClientAddress,
    id: web::Path<String>,
    body: web::Json<TakeRequest>,
) -> Result<web::Json<DecisionOutcome>, AppError> {
    let lawyer_id = body.lawyer_id.map_or(lawyer.staff().id, |id| id.into());
    decide(
        &state,
        &lawyer,
        address,
        &id,
        Decision::Take { lawyer: lawyer_id },
    )
    .await
}

/// Merge an inquiry into the case the person already has: their answers become a note on
/// it, and the inquiry's own case is closed.
#[utoipa::path(
    post,
    path = "/api/v1/triage/{id}/merge",
    tag = "triage",
    security(("bearer" = [])),
    params(("id" = uuid::Uuid, Path, description = "The inquiry's id")),
    request_body = MergeRequest,
    responses(
        (status = 200, description = "Merged", body = DecisionOutcome),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not a lawyer or admin", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such inquiry", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Already taken, merged or declined, or the case with that reference is declined, withdrawn or closed", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "No other case has that reference", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn merge(
    state: web::Data<AppState>,
    lawyer: Authorized<TriageInquiries>,
    address: ClientAddress,
    id: web::Path<String>,
    body: web::Json<MergeRequest>,
) -> Result<web::Json<DecisionOutcome>, AppError> {
    let into_reference = body.into_inner().into_reference;
    decide(
        &state,
        &lawyer,
        address,
        &id,
        Decision::Merge { into_reference },
    )
    .await
}

/// Decline an inquiry with a reason; optionally reply kindly to the person's safe email.
#[utoipa::path(
    post,
    path = "/api/v1/triage/{id}/decline",
    tag = "triage",
    security(("bearer" = [])),
    params(("id" = uuid::Uuid, Path, description = "The inquiry's id")),
    request_body = DeclineRequest,
    responses(
        (status = 200, description = "Declined", body = DecisionOutcome),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not a lawyer or admin", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such inquiry", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Already taken, merged or declined", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "No reason, or one too long", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn decline(
    state: web::Data<AppState>,
    lawyer: Authorized<TriageInquiries>,
    address: ClientAddress,
    id: web::Path<String>,
    body: web::Json<DeclineRequest>,
) -> Result<web::Json<DecisionOutcome>, AppError> {
    let body = body.into_inner();
    decide(
        &state,
        &lawyer,
        address,
        &id,
        Decision::Decline {
            reason: body.reason,
            reply: body.reply,
        },
    )
    .await
}
