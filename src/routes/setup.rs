//! `/setup/{token}`: the first admin account, from the one-time link printed at first start.

use actix_web::http::StatusCode;
use actix_web::{HttpMessage, HttpRequest, HttpResponse, web};
use askama::Template;
use secrecy::SecretString;

use crate::auth::csrf::RefusedForm;
use crate::auth::extractors::{ClientAddress, PageContext};
use crate::auth::session::{CookieChange, SessionInfo, request_cookie_change};
use crate::error::AppError;
use crate::i18n::Language;
use crate::routes::errors::FormErrors;
use crate::routes::sessions::html::render;
use crate::routes::{refused_forms, see_other};
use crate::services::accounts::{self, AccountForm};
use crate::state::AppState;

#[derive(Template)]
#[template(path = "setup/form.html")]
pub struct SetupPage {
    ctx: PageContext,
    token: String,
    form: AccountForm,
    errors: FormErrors,
    /// Why the form came back without its fields' own errors (its token was refused).
    error: Option<String>,
    languages: &'static [Language],
}

pub async fn form(
    state: web::Data<AppState>,
    ctx: PageContext,
    token: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let token = token.into_inner();
    if !accounts::setup_link_is_usable(&state, token.clone()).await? {
        return Err(AppError::NotFound);
    }
    let form = AccountForm {
        language: ctx.lang().to_string(),
        ..AccountForm::default()
    };
    render(
        SetupPage {
            ctx,
            token,
            form,
            errors: FormErrors::default(),
            error: None,
            languages: &Language::STAFF,
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
    form: web::Form<AccountForm>,
) -> Result<HttpResponse, AppError> {
    let token = token.into_inner();
    let mut form = form.into_inner();
    let account = match form.parse() {
        Ok(account) => account,
        Err(errors) => {
            if !accounts::setup_link_is_usable(&state, token.clone()).await? {
                return Err(AppError::NotFound);
            }
            let errors = FormErrors::translate(&errors, &ctx.i18n);
            form.password = SecretString::default();
            form.password_confirm = SecretString::default();
            return render(
                SetupPage {
                    ctx,
                    token,
                    form,
                    errors,
                    error: None,
                    languages: &Language::STAFF,
                },
                StatusCode::UNPROCESSABLE_ENTITY,
            );
        }
    };
    let old = req
        .extensions()
        .get::<SessionInfo>()
        .map(|s| s.id_hash.clone());
    let (_, session, step) =
        accounts::complete_setup(&state, token, account, old, address.0).await?;
    request_cookie_change(&req, CookieChange::Set(session));
    // Where the office requires a second factor, enrolment comes first.
    Ok(see_other(if step.is_some() {
        "/login/second-factor"
    } else {
        "/"
    }))
}

/// The setup form again after its CSRF token was refused (`routes::refused_forms`): email,
/// name and language kept, the passwords to type again.
pub async fn refused(
    req: HttpRequest,
    state: web::Data<AppState>,
    refused: RefusedForm,
) -> Result<HttpResponse, AppError> {
    let token = refused_forms::path_token(&req);
    if !accounts::setup_link_is_usable(&state, token.clone()).await? {
        return Err(AppError::NotFound);
    }
    let ctx = PageContext::current(&req);
    let form = AccountForm {
        email: refused.get("email"),
        display_name: refused.get("display_name"),
        language: refused.get("language"),
        ..AccountForm::default()
    };
    let error = Some(ctx.t("form-expired-password"));
    render(
        SetupPage {
            ctx,
            token,
            form,
            errors: FormErrors::default(),
            error,
            languages: &Language::STAFF,
        },
        StatusCode::FORBIDDEN,
    )
}
