//! `/login` and `/logout`.

use actix_web::http::StatusCode;
use actix_web::http::header;
use actix_web::{HttpMessage, HttpRequest, HttpResponse, web};
use askama::Template;
use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;

use crate::auth::csrf::RefusedForm;
use crate::auth::extractors::{ClientAddress, CurrentStaff, PageContext};
use crate::auth::session::{CookieChange, SessionInfo, request_cookie_change};
use crate::error::{AppError, Message};
use crate::routes::errors::safe_next;
use crate::routes::held_forms;
use crate::routes::see_other;
use crate::routes::sessions::second_factor::second_step_url;
use crate::services::accounts::{self, LoginError};
use crate::state::AppState;

#[derive(Template)]
#[template(path = "sessions/login.html")]
pub struct LoginPage {
    ctx: PageContext,
    email: String,
    next: String,
    error: Option<String>,
    notice: Option<String>,
}

#[derive(Debug, Deserialize)]
pub struct LoginQuery {
    next: Option<String>,
    signed_out: Option<String>,
    /// A form was submitted after the session ended and is held (`routes::held_forms`).
    held: Option<String>,
}

pub async fn login_form(
    state: web::Data<AppState>,
    ctx: PageContext,
    query: web::Query<LoginQuery>,
) -> Result<HttpResponse, AppError> {
    let next = safe_next(query.next.as_deref());
    if ctx.staff.is_some() {
        return Ok(see_other(&next));
    }
    // Whoever installed Refuge and opens it in a browser first needs to know where the
    // first-run link went.
    let notice = if accounts::awaiting_first_admin(&state).await? {
        Some(ctx.t("login-no-account-yet"))
    } else if query.held.is_some() {
        Some(ctx.t("held-sign-in-again"))
    } else {
        query.signed_out.as_ref().map(|_| ctx.t("login-signed-out"))
    };
    render(
        LoginPage {
            ctx,
            email: String::new(),
            next,
            error: None,
            notice,
        },
        StatusCode::OK,
    )
}

#[derive(Debug, Deserialize)]
pub struct LoginForm {
    #[serde(default)]
    email: String,
    /// Exposed only to the password check.
    #[serde(default)]
    password: SecretString,
    #[serde(default)]
    next: String,
}

pub async fn login(
    req: HttpRequest,
    state: web::Data<AppState>,
    ctx: PageContext,
    address: ClientAddress,
    form: web::Form<LoginForm>,
) -> Result<HttpResponse, AppError> {
    let form = form.into_inner();
    let next = safe_next(Some(&form.next));
    let outcome = accounts::authenticate(
        &state,
        &form.email,
        form.password.expose_secret().to_string(),
        address.0.clone(),
        "web",
    )
    .await;
    let (status, error, retry_after) = match outcome {
        Ok(staff) => {
            let old = req
                .extensions()
                .get::<SessionInfo>()
                .map(|s| s.id_hash.clone());
            let (token, step) =
                accounts::sign_in_after_password(&state, &staff, old, address.0.clone()).await?;
            request_cookie_change(&req, CookieChange::Set(token));
            if step.is_some() {
                return Ok(see_other(&second_step_url(&next)));
            }
            held_forms::claim(&req, &state, &staff).await?;
            return Ok(see_other(&next));
        }
        Err(err) => sign_in_refusal(&ctx, err, "login-invalid-credentials")?,
    };
    let response = render(
        LoginPage {
            ctx,
            email: form.email,
            next,
            error: Some(error),
            notice: None,
        },
        status,
    )?;
    Ok(with_retry_after(response, retry_after))
}

/// How either step of signing in answers a refusal: the status, the message for the page
/// (`wrong` names the one for wrong credentials, which differs by step) and the seconds for
/// `Retry-After` when throttled.
pub(super) fn sign_in_refusal(
    ctx: &PageContext,
    err: LoginError,
    wrong: &str,
) -> Result<(StatusCode, String, Option<i64>), AppError> {
    Ok(match err {
        // Not 401: that status belongs to requests without credentials, not to a form
        // whose credentials were wrong.
        LoginError::InvalidCredentials => (StatusCode::UNPROCESSABLE_ENTITY, ctx.t(wrong), None),
        LoginError::Locked => (StatusCode::FORBIDDEN, ctx.t("login-locked"), None),
        LoginError::Throttled {
            retry_after_seconds,
        } => (
            StatusCode::TOO_MANY_REQUESTS,
            ctx.message(&Message::new("error-too-many").with("seconds", retry_after_seconds)),
            Some(retry_after_seconds),
        ),
        LoginError::Failed(err) => return Err(err),
    })
}

pub(super) fn with_retry_after(mut response: HttpResponse, seconds: Option<i64>) -> HttpResponse {
    if let Some(seconds) = seconds {
        response
            .headers_mut()
            .insert(header::RETRY_AFTER, header::HeaderValue::from(seconds));
    }
    response
}

/// The login page again after its CSRF token was refused (`routes::refused_forms`): the
/// email and `next` kept, the password not, a fresh token on the page.
pub async fn refused(
    req: HttpRequest,
    _state: web::Data<AppState>,
    refused: RefusedForm,
) -> Result<HttpResponse, AppError> {
    let ctx = PageContext::current(&req);
    let error = Some(ctx.t("login-form-expired"));
    render(
        LoginPage {
            ctx,
            email: refused.get("email"),
            next: safe_next(Some(&refused.get("next"))),
            error,
            notice: None,
        },
        StatusCode::FORBIDDEN,
    )
}

pub async fn logout(
    req: HttpRequest,
    state: web::Data<AppState>,
    current: CurrentStaff,
    address: ClientAddress,
) -> Result<HttpResponse, AppError> {
    let session = req.extensions().get::<SessionInfo>().cloned();
    if let Some(session) = session {
        accounts::logout(&state, &current.staff, session.id_hash, address.0).await?;
    }
    request_cookie_change(&req, CookieChange::Clear);
    Ok(signed_out())
}

/// The answer to signing out: to the login page, and the browser told to forget what it
/// kept of this site (cache and storage; the session cookie is removed by the middleware).
pub fn signed_out() -> HttpResponse {
    let mut response = see_other("/login?signed_out=1");
    response.headers_mut().insert(
        header::HeaderName::from_static("clear-site-data"),
        header::HeaderValue::from_static("\"cache\", \"cookies\", \"storage\""),
    );
    response
}

/// `POST /session/keep-alive`: `forms.js` calls it while someone types into a form, so a
/// long intake does not run into the idle timeout. Resuming the session already marked it
/// as used (`services::sessions::resume`); nothing else to do.
pub async fn keep_alive(_current: CurrentStaff) -> HttpResponse {
    HttpResponse::NoContent().finish()
}

/// Renders a page template with a status.
pub fn render(page: impl Template, status: StatusCode) -> Result<HttpResponse, AppError> {
    let html = page.render().map_err(AppError::internal)?;
    Ok(HttpResponse::build(status)
        .content_type("text/html; charset=utf-8")
        .body(html))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_login_forms_debug_output_has_no_password() {
        let form: LoginForm = serde_json::from_value(serde_json::json!({
            "email": "lawyer@office.example.org",
            "password": "correct horse battery staple",
            "next": "/cases",
        }))
        .unwrap();
        let shown = format!("{form:?}");
        assert!(shown.contains("lawyer@office.example.org"), "{shown}");
        assert!(!shown.contains("correct horse"), "{shown}");
        assert_eq!(
            form.password.expose_secret(),
            "correct horse battery staple"
        );
    }
}
