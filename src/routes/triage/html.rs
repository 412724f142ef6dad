//! The triage page: unreviewed inquiries, most urgent first, each with why it is urgent,
//! the people on file it may be, and its three actions.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use super::parse_inquiry_id;
use crate::auth::extractors::{Authorized, ClientAddress, PageContext, TriageInquiries};
use crate::domain::codes;
use crate::domain::inquiry::UrgencyReason;
use crate::domain::paging::PageNumber;
use crate::domain::staff::{Role, Staff};
use crate::error::{AppError, FieldErrors, Message};
use crate::routes::errors::FormErrors;
use crate::routes::see_other;
use crate::routes::sessions::html::render;
use crate::services::inquiries::{self, Decision, TriageItem, TriageQueue};
use crate::services::intake;
use crate::state::AppState;

#[derive(Template)]
#[template(path = "triage/list.html")]
pub struct TriagePage {
    ctx: PageContext,
    queue: TriageQueue,
    lawyers: Vec<Staff>,
    notice: Option<String>,
    /// The row whose form was refused, with what was typed and the problems.
    refused: Option<RefusedAction>,
}

/// A triage form sent back: which inquiry, what was typed, what was wrong.
pub struct RefusedAction {
    inquiry: uuid::Uuid,
    form: ActionForm,
    errors: FormErrors,
}

impl TriagePage {
    fn reason(&self, reason: &UrgencyReason) -> String {
        let message = match *reason {
            UrgencyReason::OneYearPassed { deadline } => {
                Message::new("triage-reason-one-year-passed").with("date", deadline)
            }
            UrgencyReason::OneYearSoon {
                deadline,
                days_left: 0,
            } => Message::new("triage-reason-one-year-today").with("date", deadline),
            UrgencyReason::OneYearSoon {
                deadline,
                days_left,
            } => Message::new("triage-reason-one-year-soon")
                .with("date", deadline)
                .with("days", days_left),
            UrgencyReason::Detained => Message::new("triage-reason-detained"),
            UrgencyReason::HearingSoon { on, days_left: 0 } => {
                Message::new("triage-reason-hearing-today").with("date", on)
            }
            UrgencyReason::HearingSoon { on, days_left } if days_left < 0 => {
                Message::new("triage-reason-hearing-past")
                    .with("date", on)
                    .with("days", -days_left)
            }
            UrgencyReason::HearingSoon { on, days_left } => {
                Message::new("triage-reason-hearing-soon")
                    .with("date", on)
                    .with("days", days_left)
            }
        };
        self.ctx.message(&message)
    }

    fn country(&self, code: &Option<String>) -> String {
        code.as_deref()
            .map(|c| codes::country_name(c, self.ctx.i18n.language()))
            .unwrap_or_default()
    }

    fn language(&self, code: &Option<String>) -> String {
        code.as_deref()
            .map(|c| codes::language_name(c, self.ctx.i18n.language()))
            .unwrap_or_default()
    }

    fn relationship(&self, code: &Option<String>) -> String {
        match code.as_deref() {
            None => self.ctx.t("search-person-client"),
            Some(code) => codes::Relationship::parse(code)
                .map(|r| self.ctx.t(r.label_key()))
                .unwrap_or_else(|_| code.to_string()),
        }
    }

    /// What was typed into one field of one row's forms, if that row was refused.
    fn typed(&self, item: &TriageItem, field: &str) -> String {
        match &self.refused {
            Some(refused) if refused.inquiry == item.id => match field {
                "reason" => refused.form.reason.clone(),
                "into_reference" => refused.form.into_reference.clone(),
                _ => String::new(),
            },
            _ => String::new(),
        }
    }

    fn error(&self, item: &TriageItem, field: &str) -> Option<String> {
        match &self.refused {
            Some(refused) if refused.inquiry == item.id => refused.errors.get(field).cloned(),
            _ => None,
        }
    }

    fn chosen_lawyer(&self, item: &TriageItem, lawyer: &Staff) -> bool {
        match &self.refused {
            Some(refused) if refused.inquiry == item.id => {
                refused.form.lawyer_id == lawyer.id.to_string()
            }
            _ => self.ctx.staff.as_ref().is_some_and(|me| me.id == lawyer.id),
        }
    }
}

#[derive(Debug, Deserialize)]
pub struct ListQuery {
    done: Option<String>,
    reference: Option<String>,
    page: Option<String>,
}

/// Lenient, as on the case list: a page that is not a number is the first one.
fn page_number(raw: Option<&str>) -> PageNumber {
    PageNumber::parse(raw.unwrap_or_default()).unwrap_or_default()
}

async fn page(
    state: &AppState,
    staff: &Staff,
    ctx: PageContext,
    address: Option<String>,
    page: PageNumber,
    notice: Option<String>,
    refused: Option<RefusedAction>,
) -> Result<TriagePage, AppError> {
    let queue = inquiries::queue(state, staff, page, address).await?;
    let lawyers = intake::assignable_staff(state, staff)
        .await?
        .into_iter()
        .filter(|s| s.active && matches!(s.role, Role::Lawyer | Role::Admin))
        .collect();
    Ok(TriagePage {
        ctx,
        queue,
        lawyers,
        notice,
        refused,
    })
}

pub async fn list(
    state: web::Data<AppState>,
    lawyer: Authorized<TriageInquiries>,
    ctx: PageContext,
    address: ClientAddress,
    query: web::Query<ListQuery>,
) -> Result<HttpResponse, AppError> {
    let reference = query.reference.clone().unwrap_or_default();
    let notice = match query.done.as_deref() {
        Some("taken") => Some("triage-done-taken"),
        Some("merged") => Some("triage-done-merged"),
        Some("declined") => Some("triage-done-declined"),
        _ => None,
    }
    .map(|key| ctx.message(&Message::new(key).with("reference", &reference)));
    let number = page_number(query.page.as_deref());
    let page = page(&state, lawyer.staff(), ctx, address.0, number, notice, None).await?;
    render(page, StatusCode::OK)
}

/// Every triage form: each action reads the fields it needs. `page` is the queue's page
/// the form was on, to come back to.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct ActionForm {
    lawyer_id: String,
    into_reference: String,
    reason: String,
    reply: Option<String>,
    page: String,
}

async fn act(
    state: &AppState,
    lawyer: &Authorized<TriageInquiries>,
    ctx: PageContext,
    address: ClientAddress,
    id: &str,
    form: ActionForm,
    decision: Result<Decision, FieldErrors>,
) -> Result<HttpResponse, AppError> {
    let id = parse_inquiry_id(id)?;
    let number = page_number(Some(&form.page));
    let outcome = match decision {
        Ok(decision) => {
            inquiries::decide(state, lawyer.staff(), id, decision, address.0.clone()).await
        }
        Err(errors) => Err(AppError::Validation(errors)),
    };
    let (errors, status) = match outcome {
        Ok(outcome) => {
            let reference: String =
                url::form_urlencoded::byte_serialize(outcome.reference.as_bytes()).collect();
            let back = if number > PageNumber::FIRST {
                format!("&page={}", number.get())
            } else {
                String::new()
            };
            return Ok(see_other(&format!(
                "/triage?done={}&reference={reference}{back}",
                outcome.status
            )));
        }
        Err(AppError::Validation(errors)) => (errors, StatusCode::UNPROCESSABLE_ENTITY),
        // A case that is not open cannot take an inquiry: said at the reference typed.
        Err(AppError::Conflict(message)) if message.key == inquiries::MERGE_TARGET_NOT_OPEN => {
            let mut errors = FieldErrors::default();
            errors.push("into_reference", message);
            (errors, StatusCode::CONFLICT)
        }
        Err(err) => return Err(err),
    };
    let refused = RefusedAction {
        inquiry: id,
        errors: FormErrors::translate(&errors, &ctx.i18n),
        form,
    };
    let page = page(
        state,
        lawyer.staff(),
        ctx,
        address.0,
        number,
        None,
        Some(refused),
    )
    .await?;
    render(page, status)
}

pub async fn take(
    state: web::Data<AppState>,
    lawyer: Authorized<TriageInquiries>,
    ctx: PageContext,
    address: ClientAddress,
    id: web::Path<String>,
    form: web::Form<ActionForm>,
) -> Result<HttpResponse, AppError> {
    let form = form.into_inner();
    let decision = match form.lawyer_id.trim().parse::<uuid::Uuid>() {
        Ok(lawyer_id) => Ok(Decision::Take {
            lawyer: lawyer_id.into(),
        }),
        Err(_) => {
            let mut errors = FieldErrors::default();
            errors.push("lawyer_id", Message::new("validation-lawyer"));
            Err(errors)
        }
    };
    act(&state, &lawyer, ctx, address, &id, form, decision).await
}

pub async fn merge(
    state: web::Data<AppState>,
    lawyer: Authorized<TriageInquiries>,
    ctx: PageContext,
    address: ClientAddress,
    id: web::Path<String>,
    form: web::Form<ActionForm>,
) -> Result<HttpResponse, AppError> {
    let form = form.into_inner();
    let decision = Ok(Decision::Merge {
        into_reference: form.into_reference.clone(),
    });
    act(&state, &lawyer, ctx, address, &id, form, decision).await
}

pub async fn decline(
    state: web::Data<AppState>,
    lawyer: Authorized<TriageInquiries>,
    ctx: PageContext,
    address: ClientAddress,
    id: web::Path<String>,
    form: web::Form<ActionForm>,
) -> Result<HttpResponse, AppError> {
    let form = form.into_inner();
    let decision = Ok(Decision::Decline {
        reason: form.reason.clone(),
        reply: form.reply.is_some(),
    });
    act(&state, &lawyer, ctx, address, &id, form, decision).await
}
