//! Staff administration: `/admin/staff…` pages and `/api/v1/staff…`.

pub mod api;
pub mod html;

use secrecy::SecretString;
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
    /// Empty or absent: an invitation link is issued instead. Exposed only to parsing it.
    #[serde(default)]
    #[schema(value_type = String)]
    pub password: SecretString,
}

#[cfg(test)]
mod tests {
    use secrecy::ExposeSecret;

    use super::*;

    #[test]
    fn the_add_staff_forms_debug_output_has_no_password() {
        let form: NewStaffForm = serde_json::from_value(serde_json::json!({
            "email": "new.lawyer@office.example.org",
            "display_name": "New Lawyer",
            "role": "lawyer",
            "language": "en",
            "password": "correct horse battery staple",
        }))
        .unwrap();
        let shown = format!("{form:?}");
        assert!(shown.contains("new.lawyer@office.example.org"), "{shown}");
        assert!(!shown.contains("correct horse"), "{shown}");
        assert_eq!(
            form.password.expose_secret(),
            "correct horse battery staple"
        );
    }
}
