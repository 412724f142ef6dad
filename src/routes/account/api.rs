//! `GET /api/v1/me` and the caller's notification preferences.

use std::collections::BTreeMap;

use actix_web::web;
use serde::Serialize;
use utoipa::ToSchema;

use crate::auth::extractors::{ClientAddress, CurrentStaff};
use crate::auth::policy;
use crate::domain::notifications::{Delivery, NotificationKind};
use crate::error::AppError;
use crate::routes::errors::Problem;
use crate::routes::staff::api::StaffJson;
use crate::services::notifications;
use crate::state::AppState;

/// Who the caller is.
#[utoipa::path(
    get,
    path = "/api/v1/me",
    tag = "staff",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The caller", body = StaffJson),
        (status = 401, description = "No valid token or session", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn me(current: CurrentStaff) -> Result<web::Json<StaffJson>, AppError> {
    policy::can_use_app(&current.staff)?;
    Ok(web::Json(StaffJson::from(&current.staff)))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct NotificationPreferenceJson {
    pub kind: NotificationKind,
    /// In effect now: the default (`immediate`) until the person chooses.
    pub delivery: Delivery,
    /// `false` for the one-year and appeal reminders: a missed one ends a claim.
    pub can_turn_off: bool,
}

async fn preferences_json(
    state: &AppState,
    current: &CurrentStaff,
) -> Result<Vec<NotificationPreferenceJson>, AppError> {
    Ok(notifications::preferences(state, &current.staff)
        .await?
        .into_iter()
        .map(|(kind, delivery)| NotificationPreferenceJson {
            kind,
            delivery,
            can_turn_off: kind.can_turn_off(),
        })
        .collect())
}

/// How the caller receives each kind of notification.
#[utoipa::path(
    get,
    path = "/api/v1/me/notifications",
    tag = "staff",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Every kind, with the delivery in effect", body = [NotificationPreferenceJson]),
    )
)]
pub async fn notification_preferences(
    state: web::Data<AppState>,
    current: CurrentStaff,
) -> Result<web::Json<Vec<NotificationPreferenceJson>>, AppError> {
    Ok(web::Json(preferences_json(&state, &current).await?))
}

/// Change how the caller receives some kinds of notification; kinds left out keep theirs.
/// The change is audited.
#[utoipa::path(
    put,
    path = "/api/v1/me/notifications",
    tag = "staff",
    security(("bearer" = [])),
    request_body(
        content = BTreeMap<NotificationKind, Delivery>,
        description = "The kinds to change, each with its new delivery",
        example = json!({"stage_changed": "digest", "court_recheck": "off"}),
    ),
    responses(
        (status = 200, description = "Every kind, with the delivery now in effect", body = [NotificationPreferenceJson]),
        (status = 400, description = "An unknown kind or delivery, or a malformed body", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`off` for a reminder that cannot be turned off", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn set_notification_preferences(
    state: web::Data<AppState>,
    current: CurrentStaff,
    address: ClientAddress,
    body: web::Json<BTreeMap<NotificationKind, Delivery>>,
) -> Result<web::Json<Vec<NotificationPreferenceJson>>, AppError> {
    policy::can_use_app(&current.staff)?;
    let choices = notifications::check_preferences(body.into_inner().into_iter().collect())
        .map_err(AppError::Validation)?;
    notifications::set_preferences(&state, &current.staff, choices, address.0).await?;
    Ok(web::Json(preferences_json(&state, &current).await?))
}
