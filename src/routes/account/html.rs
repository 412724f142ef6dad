//! `/account`: preferred language and password.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use crate::auth::extractors::{ClientAddress, CurrentStaff, PageContext};
use crate::auth::policy;
use crate::auth::session::{CookieChange, request_cookie_change};
use crate::error::{AppError, FieldErrors, Message};
use crate::i18n::{I18n, Language};
use crate::routes::errors::FormErrors;
use crate::routes::see_other;
use crate::routes::sessions::html::render;
use crate::services::accounts;
use crate::state::AppState;

#[derive(Template)]
#[template(path = "account/show.html")]
pub struct AccountPage {
    ctx: PageContext,
    languages: [Language; 2],
    errors: FormErrors,
    notice: Option<String>,
}

#[derive(Debug, Deserialize)]
pub struct AccountQuery {
    saved: Option<String>,
}

pub async fn show(
    current: CurrentStaff,
    ctx: PageContext,
    query: web::Query<AccountQuery>,
) -> Result<HttpResponse, AppError> {
    policy::can_use_app(&current.staff)?;
    let notice = match query.saved.as_deref() {
        Some("language") => Some(ctx.t("account-language-saved")),
        Some("password") => Some(ctx.t("account-password-saved")),
        _ => None,
    };
    render(
        AccountPage {
            ctx,
            languages: Language::ALL,
            errors: FormErrors::default(),
            notice,
        },
        StatusCode::OK,
    )
}

#[derive(Debug, Deserialize)]
pub struct LanguageForm {
    #[serde(default)]
    language: String,
}

pub async fn set_language(
    state: web::Data<AppState>,
    current: CurrentStaff,
    ctx: PageContext,
    address: ClientAddress,
    form: web::Form<LanguageForm>,
) -> Result<HttpResponse, AppError> {
    policy::can_use_app(&current.staff)?;
    let Some(language) = Language::parse(&form.language) else {
        let mut errors = FieldErrors::default();
        errors.push("language", Message::new("validation-language"));
        return invalid(ctx, &errors);
    };
    accounts::set_language(&state, &current.staff, language, address.0).await?;
    Ok(see_other("/account?saved=language"))
}

#[derive(Debug, Deserialize)]
pub struct PasswordChangeForm {
    #[serde(default)]
    current_password: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    password_confirm: String,
}

pub async fn change_password(
    req: HttpRequest,
    state: web::Data<AppState>,
    current: CurrentStaff,
    ctx: PageContext,
    address: ClientAddress,
    form: web::Form<PasswordChangeForm>,
) -> Result<HttpResponse, AppError> {
    policy::can_use_app(&current.staff)?;
    let form = form.into_inner();
    let mut errors = FieldErrors::default();
    let Some(password) =
        accounts::parse_password_pair(&mut errors, &form.password, &form.password_confirm)
    else {
        return invalid(ctx, &errors);
    };
    match accounts::change_password(
        &state,
        &current.staff,
        form.current_password,
        password,
        address.0,
    )
    .await
    {
        Ok(session) => {
            request_cookie_change(&req, CookieChange::Set(session));
            Ok(see_other("/account?saved=password"))
        }
        Err(AppError::Validation(errors)) => invalid(ctx, &errors),
        Err(err) => Err(err),
    }
}

fn invalid(ctx: PageContext, errors: &FieldErrors) -> Result<HttpResponse, AppError> {
    let i18n: I18n = ctx.i18n;
    render(
        AccountPage {
            errors: FormErrors::translate(errors, &i18n),
            ctx,
            languages: Language::ALL,
            notice: None,
        },
        StatusCode::UNPROCESSABLE_ENTITY,
    )
}
