//! `/cases/{id}/conflicts`: the conflict check (lawyers and admins) — who else in the
//! office's files has a matching name — and the form that records its outcome.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use super::api::parse_case_id;
use crate::auth::extractors::{Authorized, ClientAddress, CurrentStaff, EditCaseFile, PageContext};
use crate::auth::policy;
use crate::error::{AppError, FieldErrors, Message};
use crate::routes::errors::FormErrors;
use crate::routes::held_forms::{self, form_from};
use crate::routes::see_other;
use crate::routes::sessions::html::render;
use crate::services::cases::{self, ConflictOutcome};
use crate::services::conflicts::{self, ConflictReport};
use crate::state::AppState;

/// The outcome as typed: `clear`, or `conflict` with a reason.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct ConflictForm {
    #[serde(default)]
    pub outcome: String,
    #[serde(default)]
    pub reason: String,
}

impl ConflictForm {
    pub fn parse(&self) -> Result<ConflictOutcome, FieldErrors> {
        match self.outcome.trim() {
            "clear" => Ok(ConflictOutcome::Clear),
            "conflict" => Ok(ConflictOutcome::Conflict(self.reason.clone())),
            _ => {
                let mut errors = FieldErrors::default();
                errors.push("outcome", Message::new("validation-choice"));
                Err(errors)
            }
        }
    }
}

#[derive(Debug, Deserialize)]
pub struct ShowQuery {
    recorded: Option<String>,
}

#[derive(Template)]
#[template(path = "cases/conflicts.html")]
pub struct ConflictPage {
    ctx: PageContext,
    report: ConflictReport,
    form: ConflictForm,
    errors: FormErrors,
    notice: Option<String>,
}

impl ConflictPage {
    fn status_key(&self) -> &'static str {
        match self.report.status.as_str() {
            "clear" => "conflict-status-clear",
            "conflict" => "conflict-status-conflict",
            _ => "conflict-status-unchecked",
        }
    }
}

pub async fn show(
    req: HttpRequest,
    state: web::Data<AppState>,
    current: CurrentStaff,
    ctx: PageContext,
    address: ClientAddress,
    id: web::Path<String>,
    query: web::Query<ShowQuery>,
) -> Result<HttpResponse, AppError> {
    policy::can_edit_case_file(&current.staff)?;
    let id = parse_case_id(&id)?;
    let report = conflicts::run(&state, &current.staff, id, address.0).await?;
    let held = held_forms::restore(&req, &state, &current.staff).await?;
    let (form, notice) = match held.and_then(|held| form_from::<ConflictForm>(&held.fields)) {
        Some(form) => (form, Some(ctx.t("held-restored"))),
        None => (
            ConflictForm {
                outcome: report.status.clone(),
                reason: report.note.clone(),
            },
            query.recorded.as_ref().map(|_| ctx.t("conflict-recorded")),
        ),
    };
    render(
        ConflictPage {
            ctx,
            report,
            form,
            errors: FormErrors::default(),
            notice,
        },
        StatusCode::OK,
    )
}

pub async fn record(
    state: web::Data<AppState>,
    lawyer: Authorized<EditCaseFile>,
    ctx: PageContext,
    address: ClientAddress,
    id: web::Path<String>,
    form: web::Form<ConflictForm>,
) -> Result<HttpResponse, AppError> {
    let id = parse_case_id(&id)?;
    let form = form.into_inner();
    let outcome = match form.parse() {
        Ok(outcome) => {
            cases::record_conflict_check(&state, lawyer.staff(), id, outcome, address.0.clone())
                .await
        }
        Err(errors) => Err(AppError::Validation(errors)),
    };
    match outcome {
        Ok(()) => Ok(see_other(&format!("/cases/{id}/conflicts?recorded=1"))),
        Err(AppError::Validation(errors)) => {
            // The page is shown again with the matches, so the search runs (and is audited)
            // again.
            let report = conflicts::run(&state, lawyer.staff(), id, address.0).await?;
            let errors = FormErrors::translate(&errors, &ctx.i18n);
            render(
                ConflictPage {
                    ctx,
                    report,
                    form,
                    errors,
                    notice: None,
                },
                StatusCode::UNPROCESSABLE_ENTITY,
            )
        }
        Err(err) => Err(err),
    }
}
