//! `/admin/mail`: outgoing mail that waits or could not be sent, "send now" for a waiting
//! message and "send again" for a failed one (administrators).

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use crate::auth::extractors::{ClientAddress, CurrentStaff, PageContext};
use crate::db::outbox::QueuedMessage;
use crate::email::Mailer;
use crate::error::AppError;
use crate::routes::see_other;
use crate::routes::sessions::html::render;
use crate::services::outbox;
use crate::state::AppState;

#[derive(Template)]
#[template(path = "mail/list.html")]
pub struct MailPage {
    ctx: PageContext,
    messages: Vec<QueuedMessage>,
    pending: i64,
    failed: i64,
    retry_hours: i64,
    notice: Option<String>,
}

#[derive(Debug, Deserialize)]
pub struct MailQuery {
    retried: Option<String>,
    sent: Option<String>,
    not_sent: Option<String>,
}

pub async fn list(
    state: web::Data<AppState>,
    current: CurrentStaff,
    ctx: PageContext,
    query: web::Query<MailQuery>,
) -> Result<HttpResponse, AppError> {
    let messages = outbox::unsent(&state, &current.staff).await?;
    let (pending, failed) = outbox::counts(&state).await?;
    let notice = if query.retried.is_some() {
        Some(ctx.t("mail-retried"))
    } else if query.sent.is_some() {
        Some(ctx.t("mail-sent-now"))
    } else if query.not_sent.is_some() {
        Some(ctx.t("mail-not-sent-now"))
    } else {
        None
    };
    render(
        MailPage {
            ctx,
            messages,
            pending,
            failed,
            retry_hours: state.settings.mail.retry_hours,
            notice,
        },
        StatusCode::OK,
    )
}

/// "Send now" on a waiting message: sent from this request, whatever its retry time or a
/// claim left by a server that was killed.
pub async fn send_now(
    state: web::Data<AppState>,
    mailer: web::Data<Mailer>,
    current: CurrentStaff,
    address: ClientAddress,
    id: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let id: uuid::Uuid = id.parse().map_err(|_| AppError::NotFound)?;
    let sent = outbox::send_now(&state, &current.staff, &mailer, id, address.0).await?;
    Ok(see_other(if sent {
        "/admin/mail?sent=1"
    } else {
        "/admin/mail?not_sent=1"
    }))
}

pub async fn retry(
    state: web::Data<AppState>,
    current: CurrentStaff,
    address: ClientAddress,
    id: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let id: uuid::Uuid = id.parse().map_err(|_| AppError::NotFound)?;
    outbox::retry(&state, &current.staff, id, address.0).await?;
    Ok(see_other("/admin/mail?retried=1"))
}
