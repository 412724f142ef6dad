//! `GET /api/v1/openapi.json`: the API described from the code that serves it.

use actix_web::HttpResponse;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

use super::{account, audit, cases, search, sessions, staff};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Refuge API",
        description = "Case-intake tracker for immigration law offices. Authenticate with \
            `POST /api/v1/tokens`, then send `Authorization: Bearer <token>`. Errors are \
            RFC 9457 problem documents (`application/problem+json`).",
    ),
    paths(
        sessions::api::create_token,
        sessions::api::revoke_current_token,
        account::api::me,
        staff::api::list,
        staff::api::create,
        staff::api::update,
        search::search_api,
        cases::api::list,
        cases::api::create,
        cases::api::show,
        cases::api::update_intake,
        cases::api::transition,
        cases::api::set_key_dates,
        cases::api::add_event,
        cases::api::record_event_outcome,
        cases::api::add_checklist_item,
        cases::api::update_checklist_item,
        cases::api::add_note,
        audit::api::list,
    ),
    modifiers(&BearerAuth),
    tags(
        (name = "tokens", description = "Bearer tokens"),
        (name = "staff", description = "Staff accounts"),
        (name = "cases", description = "Case files: intake, stages, deadlines"),
        (name = "audit", description = "The audit log, for export to a log system"),
    )
)]
pub struct ApiDoc;

struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}

pub async fn document() -> HttpResponse {
    HttpResponse::Ok().json(ApiDoc::openapi())
}
