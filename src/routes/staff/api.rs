//! `/api/v1/staff`: list, add, change staff accounts (admins only).

use actix_web::{HttpResponse, web};
use chrono::{DateTime, Utc};
use secrecy::{ExposeSecret, SecretString};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::{NewStaffForm, parse_id};
use crate::auth::extractors::{Authorized, ClientAddress, CurrentStaff, ManageStaff};
use crate::db::staff::StaffChanges;
use crate::domain::staff::{DisplayName, Role, Staff};
use crate::error::{AppError, FieldErrors, Message};
use crate::i18n::Language;
use crate::routes::errors::Problem;
use crate::services::staff::{self as staff_service, NewStaffMember};
use crate::state::AppState;

#[derive(Debug, Serialize, ToSchema)]
pub struct StaffJson {
    pub id: uuid::Uuid,
    pub email: String,
    pub display_name: String,
    pub role: Role,
    pub language: Language,
    pub active: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<&Staff> for StaffJson {
    fn from(staff: &Staff) -> Self {
        Self {
            id: staff.id.as_uuid(),
            email: staff.email.clone(),
            display_name: staff.display_name.clone(),
            role: staff.role,
            language: staff.language,
            active: staff.active,
            created_at: staff.created_at,
            updated_at: staff.updated_at,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct CreatedStaffJson {
    #[serde(flatten)]
    pub staff: StaffJson,
    /// When no password was given: the single-use link with which the person sets one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub invitation_url: Option<String>,
}

/// All staff accounts, active first.
#[utoipa::path(
    get,
    path = "/api/v1/staff",
    tag = "staff",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Staff accounts", body = [StaffJson]),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not an admin", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn list(
    state: web::Data<AppState>,
    current: CurrentStaff,
) -> Result<web::Json<Vec<StaffJson>>, AppError> {
    let members = staff_service::list(&state, &current.staff).await?;
    Ok(web::Json(members.iter().map(StaffJson::from).collect()))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewStaffRequest {
    pub email: String,
    pub display_name: String,
    #[schema(value_type = Role)]
    pub role: String,
    /// English when absent.
    #[serde(default)]
    #[schema(value_type = Option<Language>)]
    pub language: Option<String>,
    /// At least 12 characters and not a common password. Absent: an invitation link is issued.
    // A secret, exposed only to parsing it (a doc comment would land in the OpenAPI document).
    #[serde(default)]
    #[schema(value_type = Option<String>)]
    pub password: Option<SecretString>,
}

/// Add a staff account.
#[utoipa::path(
    post,
    path = "/api/v1/staff",
    tag = "staff",
    security(("bearer" = [])),
    request_body = NewStaffRequest,
    responses(
        (status = 201, description = "Account created", body = CreatedStaffJson),
        (status = 400, description = "Malformed body", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not an admin, or missing CSRF token with a cookie session", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn create(
    state: web::Data<AppState>,
    admin: Authorized<ManageStaff>,
    address: ClientAddress,
    body: web::Json<NewStaffRequest>,
) -> Result<HttpResponse, AppError> {
    let body = body.into_inner();
    let form = NewStaffForm {
        email: body.email,
        display_name: body.display_name,
        role: body.role,
        language: body.language.unwrap_or_else(|| Language::En.code().into()),
        password: body.password.unwrap_or_default(),
    };
    let new = NewStaffMember::parse(
        &form.email,
        &form.display_name,
        &form.role,
        &form.language,
        Some(form.password.expose_secret()),
    )
    .map_err(AppError::Validation)?;
    let (staff, invitation_url) =
        staff_service::create(&state, admin.staff(), new, address.0).await?;
    Ok(HttpResponse::Created().json(CreatedStaffJson {
        staff: StaffJson::from(&staff),
        invitation_url,
    }))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct StaffPatch {
    #[serde(default)]
    pub display_name: Option<String>,
    #[serde(default)]
    #[schema(value_type = Option<Role>)]
    pub role: Option<String>,
    #[serde(default)]
    #[schema(value_type = Option<Language>)]
    pub language: Option<String>,
    /// `false` deactivates the account and ends its sessions and tokens at once.
    #[serde(default)]
    pub active: Option<bool>,
}

impl StaffPatch {
    fn parse(self) -> Result<StaffChanges, FieldErrors> {
        let mut errors = FieldErrors::default();
        let display_name = self
            .display_name
            .and_then(|n| errors.check("display_name", DisplayName::parse(&n)))
            .map(|n| n.as_str().to_string());
        let role = self
            .role
            .and_then(|r| errors.check("role", r.parse::<Role>()));
        let language = self.language.and_then(|l| {
            errors.check(
                "language",
                Language::parse_staff(&l).ok_or(Message::new("validation-language")),
            )
        });
        if errors.is_empty() {
            Ok(StaffChanges {
                display_name,
                role,
                language,
                active: self.active,
            })
        } else {
            Err(errors)
        }
    }
}

/// Change a staff account's name, role, language or active flag.
#[utoipa::path(
    patch,
    path = "/api/v1/staff/{id}",
    tag = "staff",
    security(("bearer" = [])),
    params(("id" = uuid::Uuid, Path, description = "The staff member's id")),
    request_body = StaffPatch,
    responses(
        (status = 200, description = "The account after the change", body = StaffJson),
        (status = 400, description = "Malformed body", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not an admin", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such staff member", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Would leave the office without an active admin", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn update(
    state: web::Data<AppState>,
    admin: Authorized<ManageStaff>,
    address: ClientAddress,
    id: web::Path<String>,
    body: web::Json<StaffPatch>,
) -> Result<web::Json<StaffJson>, AppError> {
    let id = parse_id(&id)?;
    let changes = body.into_inner().parse().map_err(AppError::Validation)?;
    let staff = staff_service::update(&state, admin.staff(), id, changes, address.0).await?;
    Ok(web::Json(StaffJson::from(&staff)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_add_staff_requests_debug_output_has_no_password() {
        let request: NewStaffRequest = serde_json::from_value(serde_json::json!({
            "email": "new.lawyer@office.example.org",
            "display_name": "New Lawyer",
            "role": "lawyer",
            "password": "correct horse battery staple",
        }))
        .unwrap();
        let shown = format!("{request:?}");
        assert!(shown.contains("new.lawyer@office.example.org"), "{shown}");
        assert!(!shown.contains("correct horse"), "{shown}");
        assert_eq!(
            request.password.as_ref().map(|p| p.expose_secret()),
            Some("correct horse battery staple")
        );
    }
}
