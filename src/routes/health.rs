//! `GET /healthz`: is Refuge up, does its database answer, and is mail getting out.

use actix_web::{HttpResponse, web};
use serde_json::json;

use crate::services::outbox;
use crate::state::AppState;

/// Counts of waiting and failed messages are shown too: a monitor can alert on failed mail
/// without signing in, and the counts say nothing about anyone.
pub async fn healthz(state: web::Data<AppState>) -> HttpResponse {
    let database = state.db.kind().as_str();
    match state.db.ping().await {
        Ok(()) => {
            let mail = match outbox::counts(&state).await {
                Ok((pending, failed)) => json!({ "pending": pending, "failed": failed }),
                Err(_) => serde_json::Value::Null,
            };
            HttpResponse::Ok().json(json!({ "status": "ok", "database": database, "mail": mail }))
        }
        Err(err) => {
            tracing::warn!(
                error = format!("{err:#}"),
                "health check: database does not answer"
            );
            HttpResponse::ServiceUnavailable()
                .json(json!({ "status": "unavailable", "database": database }))
        }
    }
}
