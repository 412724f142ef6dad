//! Staff administration: `/admin/staff…` pages and `/api/v1/staff…`.

pub mod api;
pub mod html;

use serde::Deserialize;

use crate::domain::ids::StaffId;
use crate::error::AppError;

/// A staff id from the URL; a malformed one names nobody.
pub fn parse_id(raw: &str) -> Result<StaffId, AppError> {
    raw.parse().map_err(|_| AppError::NotFound)
}

/// The add-staff form and JSON body share their fields.
#[derive(Debug, Clone, Default, Deserialize, utoipa::ToSchema)]
pub struct NewStaffForm {
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub display_name: String,
    #[serde(default)]
    pub role: String,
    #[serde(default)]
    pub language: String,
    /// Empty or absent: an invitation link is issued instead.
    #[serde(default)]
    pub password: String,
}
