//! Every refusal on record: a middleware that, for each request answered 403 or 429, writes
//! an `access.denied` entry (route pattern, target id, reason) in a short transaction of its
//! own, after the refused request's own work is over, and before the answer goes out.

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::StatusCode;
use actix_web::middleware::Next;
use actix_web::{HttpMessage, HttpRequest, web};

use crate::auth::extractors::ClientAddress;
use crate::auth::session::Authenticated;
use crate::domain::audit::RefusalReason;
use crate::error::AppError;
use crate::services::audit::{self, Refusal, RefusalRecorded};
use crate::state::AppState;

/// Why `res` was refused, if it was: from the [`AppError`] it carries, else from its status
/// (a 403 or 429 answered by something else than our error type).
fn reason_of<B>(res: &ServiceResponse<B>) -> Option<RefusalReason> {
    if let Some(err) = res.response().error()
        && let Some(app_error) = err.as_error::<AppError>()
    {
        return app_error.refusal_reason();
    }
    match res.status() {
        StatusCode::FORBIDDEN => Some(RefusalReason::Role),
        StatusCode::TOO_MANY_REQUESTS => Some(RefusalReason::Throttled),
        _ => None,
    }
}

/// What the refused request was about: the `{id}` of its route when it is an id, typed by
/// the collection it names (`/cases/{id}/…` → a case, `/admin/staff/{id}` → a staff member).
fn target_of(req: &HttpRequest, pattern: &str) -> Option<(&'static str, String)> {
    let id: uuid::Uuid = req.match_info().get("id")?.parse().ok()?;
    let collection = pattern.split("/{id}").next()?.rsplit('/').next()?;
    let kind = match collection {
        "cases" => "case",
        "staff" => "staff",
        "mail" => "outbox",
        _ => "other",
    };
    Some((kind, id.to_string()))
}

pub async fn record_refusals(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let res = next.call(req).await?;
    let Some(reason) = reason_of(&res) else {
        return Ok(res);
    };
    let request = res.request();
    if request.extensions().get::<RefusalRecorded>().is_some() {
        return Ok(res);
    }
    let Some(state) = request.app_data::<web::Data<AppState>>().cloned() else {
        return Ok(res);
    };
    let route = request
        .match_pattern()
        .unwrap_or_else(|| "(no route)".to_string());
    let refusal = Refusal {
        actor: request
            .extensions()
            .get::<Authenticated>()
            .map(|auth| auth.staff.id),
        address: ClientAddress::of(request).0,
        target: target_of(request, &route),
        route,
        reason,
    };
    if let Err(err) = audit::record_refusal(&state, refusal).await {
        // The refusal still stands; only its record is missing, and the log says so.
        tracing::error!(error = %err, "a refusal could not be recorded");
    }
    Ok(res)
}
