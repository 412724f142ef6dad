//! `/api/v1/cases…`: the case file as JSON — create and edit the intake, read the file,
//! change the stage. Same rules as the pages: the services authorize and audit.

use actix_web::{HttpResponse, web};
use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::auth::extractors::{Authorized, ClientAddress, CurrentStaff, EditCaseFile};
use crate::domain::case_stage::{CaseStage, ClaimKind};
use crate::domain::case_work::{
    CaseEventForm, ChecklistItemForm, ClockForm, EventOutcomeForm, KeyDatesForm, NoteForm,
};
use crate::domain::codes::{ChecklistStatus, HearingKind};
use crate::domain::intake::Intake;
use crate::error::AppError;
use crate::routes::cases::conflicts::ConflictForm;
use crate::routes::cases::list::CaseListForm;
use crate::routes::errors::Problem;
use crate::services::{case_list, cases, intake};
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
    /// Who it is about when not the client: the child turning 21 (`child_ages_out`).
    pub person: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct StageChangeJson {
    pub from: Option<String>,
    pub to: String,
    /// When the stage changed, in UTC.
    pub at: DateTime<Utc>,
    pub by: Option<String>,
    pub note: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct EventJson {
    /// For recording its outcome (`PUT …/events/{event_id}/outcome`).
    pub id: uuid::Uuid,
    #[schema(value_type = HearingKind)]
    pub kind: String,
    /// Local time at the court or office, as on the notice: no offset, since the court's time
    /// zone may not be the office's.
    #[schema(
        value_type = String,
        pattern = r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$",
        example = "2027-03-04T09:30:00"
    )]
    pub scheduled_at: NaiveDateTime,
    pub place: String,
    /// The judge or officer.
    pub official: String,
    /// What happened; empty until recorded.
    pub outcome: String,
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
    /// The recorded conflict's reason; empty otherwise.
    pub conflict_note: String,
    pub i589_filed_on: Option<NaiveDate>,
    pub i589_received_on: Option<NaiveDate>,
    pub ij_decision_on: Option<NaiveDate>,
    pub appeal_filed_on: Option<NaiveDate>,
    pub granted_on: Option<NaiveDate>,
    pub court_verified_on: Option<NaiveDate>,
    pub i765_filed_on: Option<NaiveDate>,
    pub re_parole_filed_on: Option<NaiveDate>,
    pub i730_filed_on: Option<NaiveDate>,
    pub i485_filed_on: Option<NaiveDate>,
    pub intake: Intake,
    pub deadlines: Vec<DeadlineJson>,
    pub history: Vec<StageChangeJson>,
    /// Hearings, interviews and biometrics appointments, soonest first.
    pub events: Vec<EventJson>,
    /// The asylum EAD clock's stops, oldest first.
    pub ead_clock_stops: Vec<EadClockStopJson>,
    /// Stages the case may move to next.
    pub allowed_next: Vec<CaseStage>,
    /// Filings made with I-589 items missing, oldest first.
    pub i589_overrides: Vec<I589OverrideJson>,
}

/// A lawyer's filing of the I-589 with items missing.
#[derive(Debug, Serialize, ToSchema)]
pub struct I589OverrideJson {
    /// When, in UTC.
    pub at: DateTime<Utc>,
    /// The lawyer, by name.
    pub by: Option<String>,
    /// The numbers of the items missing then, as printed on the form (`A.I.6`).
    pub missing_items: Vec<String>,
    /// Why the case was filed anyway.
    pub reason: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct EadClockStopJson {
    pub stopped_on: NaiveDate,
    /// `null` while the clock is stopped.
    pub restarted_on: Option<NaiveDate>,
    pub reason: String,
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
        conflict_note: file.case.conflict_note.clone(),
        i589_filed_on: file.case.i589_filed_on,
        i589_received_on: file.case.i589_received_on,
        ij_decision_on: file.case.ij_decision_on,
        appeal_filed_on: file.case.appeal_filed_on,
        granted_on: file.case.granted_on,
        court_verified_on: file.case.court_verified_on,
        i765_filed_on: file.case.i765_filed_on,
        re_parole_filed_on: file.case.re_parole_filed_on,
        i730_filed_on: file.case.i730_filed_on,
        i485_filed_on: file.case.i485_filed_on,
        deadlines: file
            .deadlines
            .iter()
            .map(|d| DeadlineJson {
                kind: d.kind.as_str().into(),
                due_on: d.due,
                days_remaining: d.days_remaining(today),
                person: d.person.clone(),
            })
            .collect(),
        history: file
            .history
            .into_iter()
            .map(|h| StageChangeJson {
                from: h.from_stage,
                to: h.to_stage,
                at: h.changed_at.and_utc(),
                by: h.changed_by,
                note: h.note,
            })
            .collect(),
        events: file
            .events
            .into_iter()
            .map(|e| EventJson {
                id: e.id.0,
                kind: e.kind,
                scheduled_at: e.scheduled_at,
                place: e.place,
                official: e.official,
                outcome: e.outcome,
            })
            .collect(),
        ead_clock_stops: file
            .ead_stops
            .into_iter()
            .map(|stop| EadClockStopJson {
                stopped_on: stop.stopped_on,
                restarted_on: stop.restarted_on,
                reason: stop.reason,
            })
            .collect(),
        allowed_next: file.allowed_next,
        i589_overrides: file
            .i589_overrides
            .into_iter()
            .map(|o| I589OverrideJson {
                at: o.overridden_at.and_utc(),
                by: o.overridden_by,
                missing_items: o.missing_items.split(' ').map(str::to_string).collect(),
                reason: o.reason,
            })
            .collect(),
        intake: file.intake,
    }))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TransitionRequest {
    pub to: CaseStage,
    #[serde(default)]
    pub note: String,
    /// Lawyers only: why the case is filed although the I-589 has items missing (at most
    /// 2,000 characters). Without it (or blank) a move to `filed` with items missing is
    /// refused (409, `incomplete-i589`); from anyone but a lawyer it is refused (403). Kept
    /// with the case, shown on it, and not recorded when nothing is missing.
    #[serde(default)]
    pub override_reason: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct TransitionResponse {
    pub stage: CaseStage,
}

/// Move a case to another stage. Impossible moves for the claim's kind are refused (409), and
/// so is a move to `filed` while the I-589 has items missing, unless a lawyer gives an
/// `override_reason`.
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
        (status = 403, description = "Not assigned, a paralegal closing a case, or an `override_reason` from anyone but a lawyer", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such case", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The transition makes no sense for this case; or (`type` `urn:refuge:problem:incomplete-i589`) a move to `filed` while I-589 items are missing, listed in `missing_items`", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A note or override reason longer than 2,000 characters, or with characters refused in text", body = Problem, content_type = "application/problem+json"),
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
    let stage = cases::transition(
        &state,
        &current.staff,
        id,
        body.to,
        body.note,
        body.override_reason,
        address.0,
    )
    .await?;
    Ok(web::Json(TransitionResponse { stage }))
}

/// The entered dates of a case; the request replaces them all (absent means not known).
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct KeyDatesRequest {
    #[serde(default)]
    pub i589_filed_on: Option<NaiveDate>,
    /// Received by USCIS or lodged with the court: starts the EAD clock.
    #[serde(default)]
    pub i589_received_on: Option<NaiveDate>,
    /// `changed_circumstances` or `extraordinary_circumstances` (lawyers and admins).
    #[serde(default)]
    pub one_year_exception: Option<String>,
    #[serde(default)]
    pub one_year_exception_until: Option<NaiveDate>,
    #[serde(default)]
    pub ij_decision_on: Option<NaiveDate>,
    /// The notice of appeal (EOIR-26) was filed: ends the BIA appeal deadline.
    #[serde(default)]
    pub appeal_filed_on: Option<NaiveDate>,
    #[serde(default)]
    pub granted_on: Option<NaiveDate>,
    #[serde(default)]
    pub court_verified_on: Option<NaiveDate>,
    /// The I-765 was filed: ends the "may file the I-765" date (EAD day 150).
    #[serde(default)]
    pub i765_filed_on: Option<NaiveDate>,
    /// Re-parole was requested: ends the parole deadlines (at most 180 days before expiry).
    #[serde(default)]
    pub re_parole_filed_on: Option<NaiveDate>,
    /// The I-730 was filed: ends the I-730 deadline (on or after the grant).
    #[serde(default)]
    pub i730_filed_on: Option<NaiveDate>,
    /// The I-485 was filed: ends the green-card date (on or after the grant).
    #[serde(default)]
    pub i485_filed_on: Option<NaiveDate>,
}

fn day(date: Option<NaiveDate>) -> String {
    date.map(|d| d.to_string()).unwrap_or_default()
}

/// Set the key dates; the deadlines follow.
#[utoipa::path(
    put,
    path = "/api/v1/cases/{id}/key-dates",
    tag = "cases",
    security(("bearer" = [])),
    params(("id" = uuid::Uuid, Path, description = "The case's id")),
    request_body = KeyDatesRequest,
    responses(
        (status = 204, description = "Saved"),
        (status = 400, description = "Malformed body", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not assigned, or a paralegal recording an exception", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such case", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid dates", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn set_key_dates(
    state: web::Data<AppState>,
    current: CurrentStaff,
    address: ClientAddress,
    id: web::Path<String>,
    body: web::Json<KeyDatesRequest>,
) -> Result<HttpResponse, AppError> {
    let id = parse_case_id(&id)?;
    let body = body.into_inner();
    let form = KeyDatesForm {
        i589_filed_on: day(body.i589_filed_on),
        i589_received_on: day(body.i589_received_on),
        one_year_exception: body.one_year_exception.unwrap_or_default(),
        one_year_exception_until: day(body.one_year_exception_until),
        ij_decision_on: day(body.ij_decision_on),
        appeal_filed_on: day(body.appeal_filed_on),
        granted_on: day(body.granted_on),
        court_verified_on: day(body.court_verified_on),
        i765_filed_on: day(body.i765_filed_on),
        re_parole_filed_on: day(body.re_parole_filed_on),
        i730_filed_on: day(body.i730_filed_on),
        i485_filed_on: day(body.i485_filed_on),
    };
    let dates = form
        .parse(cases::today(&state))
        .map_err(AppError::Validation)?;
    cases::set_key_dates(&state, &current.staff, id, dates, address.0).await?;
    Ok(HttpResponse::NoContent().finish())
}

#[derive(Debug, Serialize, ToSchema)]
pub struct CreatedJson {
    pub id: uuid::Uuid,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct EventRequest {
    #[schema(value_type = HearingKind)]
    pub kind: String,
    pub date: NaiveDate,
    /// `HH:MM`, local time at the court or office.
    #[serde(default)]
    pub time: String,
    #[serde(default)]
    pub place: String,
    /// The judge or officer.
    #[serde(default)]
    pub official: String,
}

/// Add a hearing, interview or biometrics appointment.
#[utoipa::path(
    post,
    path = "/api/v1/cases/{id}/events",
    tag = "cases",
    security(("bearer" = [])),
    params(("id" = uuid::Uuid, Path, description = "The case's id")),
    request_body = EventRequest,
    responses(
        (status = 201, description = "Added", body = CreatedJson),
        (status = 400, description = "Malformed body", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not assigned", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such case", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn add_event(
    state: web::Data<AppState>,
    current: CurrentStaff,
    address: ClientAddress,
    id: web::Path<String>,
    body: web::Json<EventRequest>,
) -> Result<HttpResponse, AppError> {
    let id = parse_case_id(&id)?;
    let body = body.into_inner();
    let form = CaseEventForm {
        kind: body.kind,
        date: body.date.to_string(),
        time: body.time,
        place: body.place,
        official: body.official,
    };
    let event = form.parse().map_err(AppError::Validation)?;
    let event_id = cases::add_event(&state, &current.staff, id, event, address.0).await?;
    Ok(HttpResponse::Created().json(CreatedJson { id: event_id }))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct EventOutcomeRequest {
    /// What happened, in one line (at most 300 characters), e.g. "Reset to 2027-03-04".
    pub outcome: String,
}

/// Record what happened at a hearing, interview or appointment once its time has come, or
/// correct what was recorded.
#[utoipa::path(
    put,
    path = "/api/v1/cases/{id}/events/{event_id}/outcome",
    tag = "cases",
    security(("bearer" = [])),
    params(
        ("id" = uuid::Uuid, Path, description = "The case's id"),
        ("event_id" = uuid::Uuid, Path, description = "The event's id"),
    ),
    request_body = EventOutcomeRequest,
    responses(
        (status = 204, description = "Saved"),
        (status = 400, description = "Malformed body", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not assigned", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such case or event", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Empty or too long, or the event has not happened yet", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn record_event_outcome(
    state: web::Data<AppState>,
    current: CurrentStaff,
    address: ClientAddress,
    path: web::Path<(String, String)>,
    body: web::Json<EventOutcomeRequest>,
) -> Result<HttpResponse, AppError> {
    let (id, event_id) = path.into_inner();
    let (id, event_id) = (parse_case_id(&id)?, parse_case_id(&event_id)?);
    let outcome = EventOutcomeForm {
        outcome: body.into_inner().outcome,
    }
    .parse()
    .map_err(AppError::Validation)?;
    cases::record_event_outcome(&state, &current.staff, id, event_id, outcome, address.0).await?;
    Ok(HttpResponse::NoContent().finish())
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ChecklistRequest {
    /// The document, e.g. "Passport translation". Required when adding.
    #[serde(default)]
    pub item: String,
    /// `missing` when absent.
    #[serde(default)]
    #[schema(value_type = Option<ChecklistStatus>)]
    pub status: String,
    #[serde(default)]
    pub note: String,
}

impl ChecklistRequest {
    fn form(self) -> ChecklistItemForm {
        ChecklistItemForm {
            item: self.item,
            status: self.status,
            note: self.note,
        }
    }
}

/// Add a document to the checklist.
#[utoipa::path(
    post,
    path = "/api/v1/cases/{id}/checklist",
    tag = "cases",
    security(("bearer" = [])),
    params(("id" = uuid::Uuid, Path, description = "The case's id")),
    request_body = ChecklistRequest,
    responses(
        (status = 201, description = "Added", body = CreatedJson),
        (status = 400, description = "Malformed body", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not assigned", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such case", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn add_checklist_item(
    state: web::Data<AppState>,
    current: CurrentStaff,
    address: ClientAddress,
    id: web::Path<String>,
    body: web::Json<ChecklistRequest>,
) -> Result<HttpResponse, AppError> {
    let id = parse_case_id(&id)?;
    let item = body
        .into_inner()
        .form()
        .parse_new()
        .map_err(AppError::Validation)?;
    let item_id = cases::add_checklist_item(&state, &current.staff, id, item, address.0).await?;
    Ok(HttpResponse::Created().json(CreatedJson { id: item_id }))
}

/// Change a checklist item's status and note.
#[utoipa::path(
    patch,
    path = "/api/v1/cases/{id}/checklist/{item_id}",
    tag = "cases",
    security(("bearer" = [])),
    params(
        ("id" = uuid::Uuid, Path, description = "The case's id"),
        ("item_id" = uuid::Uuid, Path, description = "The checklist item's id"),
    ),
    request_body = ChecklistRequest,
    responses(
        (status = 204, description = "Saved"),
        (status = 400, description = "Malformed body", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not assigned", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such case or item", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn update_checklist_item(
    state: web::Data<AppState>,
    current: CurrentStaff,
    address: ClientAddress,
    path: web::Path<(String, String)>,
    body: web::Json<ChecklistRequest>,
) -> Result<HttpResponse, AppError> {
    let (id, item_id) = path.into_inner();
    let (id, item_id) = (parse_case_id(&id)?, parse_case_id(&item_id)?);
    let update = body
        .into_inner()
        .form()
        .parse_update()
        .map_err(AppError::Validation)?;
    cases::update_checklist_item(&state, &current.staff, id, item_id, update, address.0).await?;
    Ok(HttpResponse::NoContent().finish())
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NoteRequest {
    pub body: String,
}

/// Add a note to the case.
#[utoipa::path(
    post,
    path = "/api/v1/cases/{id}/notes",
    tag = "cases",
    security(("bearer" = [])),
    params(("id" = uuid::Uuid, Path, description = "The case's id")),
    request_body = NoteRequest,
    responses(
        (status = 201, description = "Added", body = CreatedJson),
        (status = 400, description = "Malformed body", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not assigned", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such case", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Empty or too long", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn add_note(
    state: web::Data<AppState>,
    current: CurrentStaff,
    address: ClientAddress,
    id: web::Path<String>,
    body: web::Json<NoteRequest>,
) -> Result<HttpResponse, AppError> {
    let id = parse_case_id(&id)?;
    let note = NoteForm {
        body: body.into_inner().body,
    }
    .parse()
    .map_err(AppError::Validation)?;
    let note_id = cases::add_note(&state, &current.staff, id, note, address.0).await?;
    Ok(HttpResponse::Created().json(CreatedJson { id: note_id }))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct CaseListEntryJson {
    pub id: uuid::Uuid,
    pub reference: String,
    /// `null` only if the stored stage is not one Refuge knows.
    pub stage: Option<CaseStage>,
    pub kind: Option<ClaimKind>,
    /// The Latin name as in the passport.
    pub client_name: String,
    /// The name in the native script, if recorded.
    pub native_name: String,
    pub lawyer: Option<String>,
    pub paralegal: Option<String>,
    pub updated_at: DateTime<Utc>,
    pub next_deadline: Option<DeadlineJson>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct CaseListJson {
    pub cases: Vec<CaseListEntryJson>,
    /// Cases matching the filters, on every page.
    pub total: i64,
    pub page: i64,
    pub pages: i64,
}

/// The case list: the reader's own cases by default, with the list page's filters, sort and
/// pages (50 a page). Paralegals see only their assigned cases unless the office opens all.
#[utoipa::path(
    get,
    path = "/api/v1/cases",
    tag = "cases",
    security(("bearer" = [])),
    params(CaseListForm),
    responses(
        (status = 200, description = "One page of cases", body = CaseListJson),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A filter that cannot be read, named by its parameter", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn list(
    state: web::Data<AppState>,
    current: CurrentStaff,
    address: ClientAddress,
    form: web::Query<CaseListForm>,
) -> Result<web::Json<CaseListJson>, AppError> {
    let query = form.parse().map_err(AppError::Validation)?;
    let page = case_list::list(&state, &current.staff, query, address.0).await?;
    Ok(web::Json(CaseListJson {
        cases: page
            .entries
            .into_iter()
            .map(|entry| CaseListEntryJson {
                id: entry.id,
                reference: entry.reference,
                stage: entry.stage,
                kind: entry.kind,
                client_name: entry.client_name,
                native_name: entry.native_name,
                lawyer: entry.lawyer,
                paralegal: entry.paralegal,
                updated_at: entry.updated_at.and_utc(),
                next_deadline: entry.next_deadline.map(|next| DeadlineJson {
                    kind: next.kind.map_or("other", |kind| kind.as_str()).to_string(),
                    due_on: next.due_on,
                    days_remaining: next.days_remaining,
                    person: next.person,
                }),
            })
            .collect(),
        total: page.total,
        page: page.page,
        pages: page.pages,
    }))
}

/// The conflict check's outcome, as the conflict page records it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ConflictCheckOutcome {
    Clear,
    Conflict,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ConflictCheckRequest {
    pub outcome: ConflictCheckOutcome,
    /// Who the conflict is with and why; required for `conflict`.
    #[serde(default)]
    pub reason: String,
}

/// Record the conflict check's outcome (lawyers and admins), after reading the matches on the
/// conflict page or through `GET /api/v1/clients`.
#[utoipa::path(
    put,
    path = "/api/v1/cases/{id}/conflict-check",
    tag = "cases",
    security(("bearer" = [])),
    params(("id" = uuid::Uuid, Path, description = "The case's id")),
    request_body = ConflictCheckRequest,
    responses(
        (status = 204, description = "Recorded"),
        (status = 403, description = "Paralegals do not record conflict checks", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such case", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A conflict without its reason", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn record_conflict_check(
    state: web::Data<AppState>,
    lawyer: Authorized<EditCaseFile>,
    address: ClientAddress,
    id: web::Path<String>,
    body: web::Json<ConflictCheckRequest>,
) -> Result<HttpResponse, AppError> {
    let id = parse_case_id(&id)?;
    let body = body.into_inner();
    let outcome = ConflictForm {
        outcome: match body.outcome {
            ConflictCheckOutcome::Clear => "clear",
            ConflictCheckOutcome::Conflict => "conflict",
        }
        .into(),
        reason: body.reason,
    }
    .parse()
    .map_err(AppError::Validation)?;
    cases::record_conflict_check(&state, lawyer.staff(), id, outcome, address.0).await?;
    Ok(HttpResponse::NoContent().finish())
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum EadClockAction {
    /// The applicant caused a delay: the clock stops from `on`.
    Stop,
    /// The delay is over: the clock runs again from `on`.
    Restart,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct EadClockRequest {
    pub action: EadClockAction,
    pub on: NaiveDate,
    /// Why the clock stops, e.g. "Asked to reschedule the interview"; not used on restart.
    #[serde(default)]
    pub reason: String,
}

/// Stop or restart the asylum EAD clock; the EAD deadlines follow.
#[utoipa::path(
    post,
    path = "/api/v1/cases/{id}/ead-clock",
    tag = "cases",
    security(("bearer" = [])),
    params(("id" = uuid::Uuid, Path, description = "The case's id")),
    request_body = EadClockRequest,
    responses(
        (status = 204, description = "Recorded"),
        (status = 403, description = "Not assigned", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such case", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The clock has not started, is already stopped, or is not stopped", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A date before the clock started or stopped, or a reason too long", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn change_ead_clock(
    state: web::Data<AppState>,
    current: CurrentStaff,
    address: ClientAddress,
    id: web::Path<String>,
    body: web::Json<EadClockRequest>,
) -> Result<HttpResponse, AppError> {
    let id = parse_case_id(&id)?;
    let body = body.into_inner();
    let change = ClockForm {
        action: match body.action {
            EadClockAction::Stop => "stop",
            EadClockAction::Restart => "restart",
        }
        .into(),
        on: body.on.to_string(),
        reason: body.reason,
    }
    .parse()
    .map_err(AppError::Validation)?;
    cases::change_ead_clock(&state, &current.staff, id, change, address.0).await?;
    Ok(HttpResponse::NoContent().finish())
}
