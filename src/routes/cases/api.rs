//! `/api/v1/cases…`: the case file as JSON — create and edit the intake, read the file,
//! change the stage. Same rules as the pages: the services authorize and audit.

use actix_web::{HttpResponse, web};
use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::auth::extractors::{Authorized, ClientAddress, CurrentStaff, EditCaseFile};
use crate::domain::case_stage::{CaseStage, ClaimKind};
use crate::domain::intake::Intake;
use crate::error::AppError;
use crate::routes::errors::Problem;
use crate::services::{cases, intake};
use crate::state::AppState;

/// A case id from the URL; a malformed one names nothing.
pub fn parse_case_id(raw: &str) -> Result<uuid::Uuid, AppError> {
    raw.parse().map_err(|_| AppError::NotFound)
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct IntakeRequest {
    pub intake: Intake,
    /// `true` completes the intake (required fields enforced); `false` saves a draft.
    #[serde(default)]
    pub complete: bool,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SavedCaseJson {
    pub id: uuid::Uuid,
    pub reference: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct DeadlineJson {
    /// e.g. `one_year_filing`, `bia_appeal`, `hearing`.
    pub kind: String,
    pub due_on: NaiveDate,
    /// Negative when overdue.
    pub days_remaining: i64,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct StageChangeJson {
    pub from: Option<String>,
    pub to: String,
    pub at: NaiveDateTime,
    pub by: Option<String>,
    pub note: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct CaseJson {
    pub id: uuid::Uuid,
    pub reference: String,
    pub stage: CaseStage,
    pub kind: Option<ClaimKind>,
    pub intake_complete: bool,
    /// `unchecked`, `clear` or `conflict`.
    pub conflict_status: String,
    pub i589_filed_on: Option<NaiveDate>,
    pub i589_received_on: Option<NaiveDate>,
    pub ij_decision_on: Option<NaiveDate>,
    pub granted_on: Option<NaiveDate>,
    pub court_verified_on: Option<NaiveDate>,
    pub intake: Intake,
    pub deadlines: Vec<DeadlineJson>,
    pub history: Vec<StageChangeJson>,
    /// Stages the case may move to next.
    pub allowed_next: Vec<CaseStage>,
}

/// Open a new case file from an intake (lawyers and admins).
#[utoipa::path(
    post,
    path = "/api/v1/cases",
    tag = "cases",
    security(("bearer" = [])),
    request_body = IntakeRequest,
    responses(
        (status = 201, description = "Case created", body = SavedCaseJson),
        (status = 400, description = "Malformed body", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Paralegals do not take intakes", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields, named by path (`family.0.date_of_birth`)", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn create(
    state: web::Data<AppState>,
    editor: Authorized<EditCaseFile>,
    address: ClientAddress,
    body: web::Json<IntakeRequest>,
) -> Result<HttpResponse, AppError> {
    let body = body.into_inner();
    let saved = intake::save(
        &state,
        editor.staff(),
        None,
        body.intake,
        body.complete,
        address.0,
    )
    .await?;
    Ok(HttpResponse::Created().json(SavedCaseJson {
        id: saved.id,
        reference: saved.reference,
    }))
}

/// Replace the intake of a case (lawyers and admins).
#[utoipa::path(
    put,
    path = "/api/v1/cases/{id}/intake",
    tag = "cases",
    security(("bearer" = [])),
    params(("id" = uuid::Uuid, Path, description = "The case's id")),
    request_body = IntakeRequest,
    responses(
        (status = 200, description = "Intake saved", body = SavedCaseJson),
        (status = 400, description = "Malformed body", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Paralegals do not edit the case file", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such case", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn update_intake(
    state: web::Data<AppState>,
    editor: Authorized<EditCaseFile>,
    address: ClientAddress,
    id: web::Path<String>,
    body: web::Json<IntakeRequest>,
) -> Result<web::Json<SavedCaseJson>, AppError> {
    let id = parse_case_id(&id)?;
    let body = body.into_inner();
    let saved = intake::save(
        &state,
        editor.staff(),
        Some(id),
        body.intake,
        body.complete,
        address.0,
    )
    .await?;
    Ok(web::Json(SavedCaseJson {
        id: saved.id,
        reference: saved.reference,
    }))
}

/// The whole case file. Every read is audited.
#[utoipa::path(
    get,
    path = "/api/v1/cases/{id}",
    tag = "cases",
    security(("bearer" = [])),
    params(("id" = uuid::Uuid, Path, description = "The case's id")),
    responses(
        (status = 200, description = "The case file", body = CaseJson),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "A paralegal not assigned to the case", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such case", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn show(
    state: web::Data<AppState>,
    current: CurrentStaff,
    address: ClientAddress,
    id: web::Path<String>,
) -> Result<web::Json<CaseJson>, AppError> {
    let id = parse_case_id(&id)?;
    let file = cases::open(&state, &current.staff, id, address.0).await?;
    let today = file.today;
    Ok(web::Json(CaseJson {
        id,
        reference: file.case.reference.clone(),
        stage: file.case.stage()?,
        kind: file.case.kind(),
        intake_complete: file.case.intake_complete,
        conflict_status: file.case.conflict_status.clone(),
        i589_filed_on: file.case.i589_filed_on,
        i589_received_on: file.case.i589_received_on,
        ij_decision_on: file.case.ij_decision_on,
        granted_on: file.case.granted_on,
        court_verified_on: file.case.court_verified_on,
        deadlines: file
            .deadlines
            .iter()
            .map(|d| DeadlineJson {
                kind: d.kind.as_str().into(),
                due_on: d.due,
                days_remaining: d.days_remaining(today),
            })
            .collect(),
        history: file
            .history
            .into_iter()
            .map(|h| StageChangeJson {
                from: h.from_stage,
                to: h.to_stage,
                at: h.changed_at,
                by: h.changed_by,
                note: h.note,
            })
            .collect(),
        allowed_next: file.allowed_next,
        intake: file.intake,
    }))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TransitionRequest {
    pub to: CaseStage,
    #[serde(default)]
    pub note: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct TransitionResponse {
    pub stage: CaseStage,
}

/// Move a case to another stage. Impossible moves for the claim's kind are refused (409).
#[utoipa::path(
    post,
    path = "/api/v1/cases/{id}/transitions",
    tag = "cases",
    security(("bearer" = [])),
    params(("id" = uuid::Uuid, Path, description = "The case's id")),
    request_body = TransitionRequest,
    responses(
        (status = 200, description = "The case's new stage", body = TransitionResponse),
        (status = 400, description = "Malformed body or unknown stage", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not assigned, or a paralegal closing a case", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such case", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The transition makes no sense for this case", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn transition(
    state: web::Data<AppState>,
    current: CurrentStaff,
    address: ClientAddress,
    id: web::Path<String>,
    body: web::Json<TransitionRequest>,
) -> Result<web::Json<TransitionResponse>, AppError> {
    let id = parse_case_id(&id)?;
    let body = body.into_inner();
    let stage =
        cases::transition(&state, &current.staff, id, body.to, body.note, address.0).await?;
    Ok(web::Json(TransitionResponse { stage }))
}
