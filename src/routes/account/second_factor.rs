//! `/account/second-factor`: setting up one's own second factor (QR code, secret as text,
//! confirmation with a first code) and regenerating the recovery codes, which the page the
//! POST redirects to shows once.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use crate::auth::extractors::{ClientAddress, CurrentStaff, PageContext};
use crate::auth::policy;
use crate::error::{AppError, Message};
use crate::routes::errors::safe_next;
use crate::routes::see_other;
use crate::routes::sessions::html::render;
use crate::routes::sessions::second_factor::{
    EnrolmentView, RECOVERY_CODES_KEY, RecoveryCodesPage, show_recovery_codes_once,
};
use crate::services::accounts::LoginError;
use crate::services::second_factor;
use crate::stash;
use crate::state::AppState;

/// Where the recovery-codes page continues to after codes made on this page.
const BACK_HERE: &str = "/account/second-factor";

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

/// Confirms the enrolment with a first code; the page it redirects to shows the recovery
/// codes once.
pub async fn confirm(
    req: HttpRequest,
    state: web::Data<AppState>,
    current: CurrentStaff,
    ctx: PageContext,
    address: ClientAddress,
    form: web::Form<ConfirmForm>,
) -> Result<HttpResponse, AppError> {
    policy::can_use_app(&current.staff)?;
    match second_factor::confirm_enrolment(&state, &current.staff, &form.code, address.0).await {
        Ok(codes) => Ok(show_recovery_codes_once(
            &state,
            &stash::holder(&req)?,
            &codes,
            BACK_HERE,
        )),
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

/// New recovery codes in place of the old ones; the page it redirects to shows them once.
pub async fn regenerate(
    req: HttpRequest,
    state: web::Data<AppState>,
    current: CurrentStaff,
    address: ClientAddress,
) -> Result<HttpResponse, AppError> {
    match second_factor::regenerate_recovery_codes(&state, &current.staff, address.0).await {
        Ok(codes) => Ok(show_recovery_codes_once(
            &state,
            &stash::holder(&req)?,
            &codes,
            BACK_HERE,
        )),
        // No second factor yet: the page to set one up.
        Err(AppError::Conflict(_)) => Ok(see_other(BACK_HERE)),
        Err(err) => Err(err),
    }
}

#[derive(Debug, Deserialize)]
pub struct ContinueQuery {
    next: Option<String>,
}

/// `GET /account/second-factor/recovery-codes`: the codes this session's POST just made,
/// shown once; a reload finds them gone and says so.
pub async fn recovery_codes(
    req: HttpRequest,
    state: web::Data<AppState>,
    current: CurrentStaff,
    ctx: PageContext,
    query: web::Query<ContinueQuery>,
) -> Result<HttpResponse, AppError> {
    policy::can_use_app(&current.staff)?;
    let codes = stash::holder(&req)
        .ok()
        .and_then(|holder| state.stash.take(&holder, RECOVERY_CODES_KEY, state.now()))
        .map(|codes| codes.lines().map(str::to_string).collect())
        .unwrap_or_default();
    render(
        RecoveryCodesPage {
            ctx,
            codes,
            continue_to: safe_next(query.next.as_deref()),
        },
        StatusCode::OK,
    )
}
