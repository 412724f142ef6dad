//! `GET /api/v1/me`.

use actix_web::web;

use crate::auth::extractors::CurrentStaff;
use crate::auth::policy;
use crate::error::AppError;
use crate::routes::errors::Problem;
use crate::routes::staff::api::StaffJson;

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
