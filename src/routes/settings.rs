//! `/admin/settings`: the office-wide switches (administrators).

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use crate::auth::extractors::{Authorized, ClientAddress, ManageOfficeSettings, PageContext};
use crate::domain::retention::RetentionYears;
use crate::domain::second_factor::SecondFactorPolicy;
use crate::error::{AppError, Message};
use crate::routes::see_other;
use crate::routes::sessions::html::render;
use crate::services::office_settings::{self, OfficeName, OfficeSettings};
use crate::state::AppState;

#[derive(Template)]
#[template(path = "settings/show.html")]
pub struct SettingsPage {
    ctx: PageContext,
    settings: OfficeSettings,
    notice: Option<String>,
    policies: [SecondFactorPolicy; 3],
    /// The number of years as typed (kept when it does not parse).
    retention_years: String,
    retention_error: Option<String>,
    /// The office's name as typed (kept when it is refused).
    office_name: String,
    office_name_error: Option<String>,
}

#[derive(Debug, Deserialize)]
pub struct ShowQuery {
    saved: Option<String>,
}

// Office settings are administered by those who administer staff accounts.
pub async fn show(
    state: web::Data<AppState>,
    admin: Authorized<ManageOfficeSettings>,
    ctx: PageContext,
    query: web::Query<ShowQuery>,
) -> Result<HttpResponse, AppError> {
    let settings = office_settings::get(&state, admin.staff()).await?;
    let notice = query.saved.as_ref().map(|_| ctx.t("settings-saved"));
    let retention_years = settings
        .retention_years
        .map(|y| y.get().to_string())
        .unwrap_or_default();
    render(
        SettingsPage {
            ctx,
            notice,
            policies: SecondFactorPolicy::ALL,
            retention_years,
            retention_error: None,
            office_name: settings.office_name.as_str().to_string(),
            office_name_error: None,
            settings,
        },
        StatusCode::OK,
    )
}

/// Checkboxes are sent when ticked and absent when not.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct SettingsForm {
    paralegals_see_all_cases: Option<String>,
    email_client_initials: Option<String>,
    /// Absent: unchanged (a form from before the setting existed).
    second_factor_policy: Option<String>,
    /// Empty: files are kept. Absent: unchanged.
    retention_years: Option<String>,
    inquiry_form: Option<String>,
    /// Absent: unchanged.
    office_name: Option<String>,
}

pub async fn update(
    state: web::Data<AppState>,
    admin: Authorized<ManageOfficeSettings>,
    address: ClientAddress,
    ctx: PageContext,
    form: web::Form<SettingsForm>,
) -> Result<HttpResponse, AppError> {
    let current = office_settings::get(&state, admin.staff()).await?;
    let second_factor_policy = match form.second_factor_policy.as_deref() {
        Some(code) => SecondFactorPolicy::parse(code).ok_or(AppError::BadRequest(Message::new(
            "validation-second-factor-policy",
        )))?,
        None => current.second_factor_policy,
    };
    let retention_years = match form.retention_years.as_deref().map(RetentionYears::parse) {
        None => Ok(current.retention_years),
        Some(parsed) => parsed,
    };
    let office_name = match form.office_name.as_deref().map(OfficeName::parse) {
        None => Ok(current.office_name.clone()),
        Some(parsed) => parsed,
    };
    let settings = OfficeSettings {
        paralegals_see_all_cases: form.paralegals_see_all_cases.is_some(),
        email_client_initials: form.email_client_initials.is_some(),
        second_factor_policy,
        retention_years: retention_years.clone().unwrap_or(current.retention_years),
        inquiry_form: form.inquiry_form.is_some(),
        office_name: office_name.clone().unwrap_or(current.office_name),
    };
    if retention_years.is_err() || office_name.is_err() {
        // Nothing is saved: the page comes back as submitted, each message at its field.
        let retention_error = retention_years.err().map(|m| ctx.message(&m));
        let office_name_error = office_name.err().map(|m| ctx.message(&m));
        return render(
            SettingsPage {
                ctx,
                settings,
                notice: None,
                policies: SecondFactorPolicy::ALL,
                retention_years: form.retention_years.clone().unwrap_or_default(),
                retention_error,
                office_name: form.office_name.clone().unwrap_or_default(),
                office_name_error,
            },
            StatusCode::UNPROCESSABLE_ENTITY,
        );
    }
    office_settings::update(&state, admin.staff(), settings, address.0).await?;
    Ok(see_other("/admin/settings?saved=1"))
}
