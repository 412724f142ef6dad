//! `GET /healthz`: is Refuge up, does its database answer, is mail getting out, and is the
//! nightly backup being taken.

use actix_web::{HttpResponse, web};
use serde_json::json;

use crate::services::{nightly_backup, outbox};
use crate::state::AppState;

/// Counts of waiting and failed messages are shown too: a monitor can alert on failed mail
/// without signing in, and the counts say nothing about anyone. Likewise the backup's state
/// and the time of its last success, but not why a run failed (that names paths; admins
/// see it on their home page). A failed or overdue backup does not make the server
/// unhealthy to a load balancer: the answer stays 200, with the backup's own status.
pub async fn healthz(state: web::Data<AppState>) -> HttpResponse {
    let database = state.db.kind().as_str();
    match state.db.ping().await {
        Ok(()) => {
            let mail = match outbox::counts(&state).await {
                Ok((pending, failed)) => json!({ "pending": pending, "failed": failed }),
                Err(_) => serde_json::Value::Null,
            };
            let backup = match nightly_backup::status(&state).await {
                Ok(status) => json!({
                    "status": status.health,
                    "last_success": status.last_success_at.map(|at| {
                        at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
                    }),
                }),
                Err(_) => serde_json::Value::Null,
            };
            HttpResponse::Ok().json(json!({
                "status": "ok",
                "database": database,
                "mail": mail,
                "backup": backup,
            }))
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
