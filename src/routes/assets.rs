//! The stylesheet, the logo (also the favicon) and the one script (`forms.js`: keeping
//! typed entries safe), compiled into the binary. Files, so the strict CSP (no inline
//! script) allows them.

use actix_web::HttpResponse;
use actix_web::http::header;

pub async fn stylesheet() -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/css; charset=utf-8")
        .insert_header((header::CACHE_CONTROL, "public, max-age=3600"))
        .body(include_str!("../../templates/static/style.css"))
}

/// The logo, drawn as SVG so one file serves the header and the browser tab.
pub async fn logo() -> HttpResponse {
    HttpResponse::Ok()
        .content_type("image/svg+xml")
        .insert_header((header::CACHE_CONTROL, "public, max-age=86400"))
        .body(include_str!("../../templates/static/logo.svg"))
}

pub async fn forms_script() -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/javascript; charset=utf-8")
        .insert_header((header::CACHE_CONTROL, "public, max-age=3600"))
        .body(include_str!("../../templates/static/forms.js"))
}
