//! `/invitation/{token}`: a new or reset account chooses its password.

use actix_web::http::StatusCode;
use actix_web::{HttpMessage, HttpRequest, HttpResponse, web};
use askama::Template;
use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;

use crate::auth::csrf::RefusedForm;
use crate::auth::extractors::{ClientAddress, PageContext};
use crate::auth::session::{CookieChange, SessionInfo, request_cookie_change};
use crate::domain::staff::Staff;
use crate::error::{AppError, FieldErrors};
use crate::routes::errors::FormErrors;
use crate::routes::sessions::html::render;
use crate::routes::{refused_forms, see_other};
use crate::services::accounts;
use crate::state::AppState;

#[derive(Template)]
#[template(path = "invitation/form.html")]
pub struct InvitationPage {
    ctx: PageContext,
    token: String,
    member: Staff,
    errors: FormErrors,
    /// Why the form came back without its fields' own errors (its token was refused).
    error: Option<String>,
}

#[derive(Debug, Deserialize)]
pub struct PasswordForm {
    #[serde(default)]
    password: SecretString,
    #[serde(default)]
    password_confirm: SecretString,
}

pub async fn form(
    state: web::Data<AppState>,
    ctx: PageContext,
    token: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let token = token.into_inner();
    let member = accounts::invitation_staff(&state, token.clone())
        .await?
        .ok_or(AppError::NotFound)?;
    render(
        InvitationPage {
            ctx,
            token,
            member,
            errors: FormErrors::default(),
            error: None,
        },
        StatusCode::OK,
    )
}

pub async fn submit(
    req: HttpRequest,
    state: web::Data<AppState>,
    ctx: PageContext,
    address: ClientAddress,
    token: web::Path<String>,
    form: web::Form<PasswordForm>,
) -> Result<HttpResponse, AppError> {
    let token = token.into_inner();
    let member = accounts::invitation_staff(&state, token.clone())
        .await?
        .ok_or(AppError::NotFound)?;
    let mut errors = FieldErrors::default();
    let Some(password) = accounts::parse_password_pair(
        &mut errors,
        form.password.expose_secret(),
        form.password_confirm.expose_secret(),
    ) else {
        let errors = FormErrors::translate(&errors, &ctx.i18n);
        return render(
            InvitationPage {
                ctx,
                token,
                member,
                errors,
                error: None,
            },
            StatusCode::UNPROCESSABLE_ENTITY,
        );
    };
    let old = req
        .extensions()
        .get::<SessionInfo>()
        .map(|s| s.id_hash.clone());
    let (_, session, step) =
        accounts::accept_invitation(&state, token, password, old, address.0).await?;
    request_cookie_change(&req, CookieChange::Set(session));
    // Where the office requires a second factor, enrolment comes first.
    Ok(see_other(if step.is_some() {
        "/login/second-factor"
    } else {
        "/"
    }))
}

/// The invitation form again after its CSRF token was refused (`routes::refused_forms`):
/// it holds only passwords, to type again.
pub async fn refused(
    req: HttpRequest,
    state: web::Data<AppState>,
    _refused: RefusedForm,
) -> Result<HttpResponse, AppError> {
    let token = refused_forms::path_token(&req);
    let member = accounts::invitation_staff(&state, token.clone())
        .await?
        .ok_or(AppError::NotFound)?;
    let ctx = PageContext::current(&req);
    let error = Some(ctx.t("form-expired-password"));
    render(
        InvitationPage {
            ctx,
            token,
            member,
            errors: FormErrors::default(),
            error,
        },
        StatusCode::FORBIDDEN,
    )
}
