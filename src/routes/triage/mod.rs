//! `/triage`: the queue of inquiries from the public form, for lawyers and admins — the
//! page with its take, merge and decline forms, and the same as JSON.

pub mod api;
pub mod html;

/// An inquiry id from the URL; a malformed one names nothing.
fn parse_inquiry_id(raw: &str) -> Result<uuid::Uuid, crate::error::AppError> {
    raw.parse().map_err(|_| crate::error::AppError::NotFound)
}
