//! `GET /healthz`: is Refuge up and does its database answer.

use actix_web::{HttpResponse, web};
use serde_json::json;

use crate::state::AppState;

pub async fn healthz(state: web::Data<AppState>) -> HttpResponse {
    let database = state.db.kind().as_str();
    match state.db.ping().await {
        Ok(()) => HttpResponse::Ok().json(json!({ "status": "ok", "database": database })),
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
