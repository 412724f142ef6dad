//! `/account/second-factor`: setting up one's own second factor (QR code, secret as text,
//! confirmation with a first code) and regenerating the recovery codes.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use crate::auth::extractors::{ClientAddress, CurrentStaff, PageContext};
use crate::auth::policy;
use crate::error::{AppError, Message};
use crate::routes::see_other;
use crate::routes::sessions::html::render;
use crate::routes::sessions::second_factor::{EnrolmentView, RecoveryCodesPage};
use crate::services::accounts::LoginError;
use crate::services::second_factor;
use crate::state::AppState;

#[derive(Template)]
#[template(path = "second_factor/account.html")]
pub struct SecondFactorPage {
    ctx: PageContext,
    /// Set while not enrolled: the enrolment to confirm.
    enrolment: Option<EnrolmentView>,
    recovery_left: String,
    error: Option<String>,
}

async fn page(
    state: &AppState,
    current: &CurrentStaff,
    ctx: PageContext,
    error: Option<String>,
) -> Result<SecondFactorPage, AppError> {
    let status = second_factor::status(state, current.staff.id).await?;
    let enrolment = if status.enrolled {
        None
    } else {
        Some(EnrolmentView::of(
            &second_factor::begin_enrolment(state, &current.staff).await?,
        ))
    };
    let recovery_left = ctx.message(
        &Message::new("second-factor-recovery-left").with("count", status.unused_recovery_codes),
    );
    Ok(SecondFactorPage {
        ctx,
        enrolment,
        recovery_left,
        error,
    })
}

pub async fn show(
    state: web::Data<AppState>,
    current: CurrentStaff,
    ctx: PageContext,
) -> Result<HttpResponse, AppError> {
    policy::can_use_app(&current.staff)?;
    render(page(&state, &current, ctx, None).await?, StatusCode::OK)
}

#[derive(Debug, Deserialize)]
pub struct ConfirmForm {
    #[serde(default)]
    code: String,
}

/// Confirms the enrolment with a first code; the answer shows the recovery codes once.
pub async fn confirm(
    state: web::Data<AppState>,
    current: CurrentStaff,
    ctx: PageContext,
    address: ClientAddress,
    form: web::Form<ConfirmForm>,
) -> Result<HttpResponse, AppError> {
    policy::can_use_app(&current.staff)?;
    match second_factor::confirm_enrolment(&state, &current.staff, &form.code, address.0).await {
        Ok(codes) => render(
            RecoveryCodesPage {
                ctx,
                codes,
                continue_to: "/account/second-factor".into(),
            },
            StatusCode::OK,
        ),
        Err(LoginError::InvalidCredentials) => {
            let error = Some(ctx.t("second-factor-wrong-code"));
            render(
                page(&state, &current, ctx, error).await?,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
        }
        Err(err) => Err(err.into()),
    }
}

/// New recovery codes in place of the old ones, shown once.
pub async fn regenerate(
    state: web::Data<AppState>,
    current: CurrentStaff,
    ctx: PageContext,
    address: ClientAddress,
) -> Result<HttpResponse, AppError> {
    let codes =
        match second_factor::regenerate_recovery_codes(&state, &current.staff, address.0).await {
            Ok(codes) => codes,
            // No second factor yet: the page to set one up.
            Err(AppError::Conflict(_)) => return Ok(see_other("/account/second-factor")),
            Err(err) => return Err(err),
        };
    render(
        RecoveryCodesPage {
            ctx,
            codes,
            continue_to: "/account/second-factor".into(),
        },
        StatusCode::OK,
    )
}
