//! `/`: where staff land after signing in.

use actix_web::HttpResponse;
use actix_web::http::StatusCode;
use askama::Template;

use crate::auth::extractors::{CurrentStaff, PageContext};
use crate::auth::policy;
use crate::error::AppError;
use crate::routes::sessions::html::render;

#[derive(Template)]
#[template(path = "home.html")]
pub struct HomePage {
    ctx: PageContext,
}

pub async fn home(current: CurrentStaff, ctx: PageContext) -> Result<HttpResponse, AppError> {
    policy::can_use_app(&current.staff)?;
    render(HomePage { ctx }, StatusCode::OK)
}
