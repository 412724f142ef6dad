//! `/lock`: the emergency lock. `GET /lock` asks for an email and mails that person a lock
//! link; `GET /lock/{token}` asks to confirm (mail scanners open links: a GET never locks);
//! `POST /lock/{token}` locks and redirects to `GET /locked`, which says so. All anonymous: a person whose devices were taken is not
//! signed in anywhere they still hold.

use actix_web::http::{StatusCode, header};
use actix_web::{HttpMessage, HttpRequest, HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use crate::auth::csrf::RefusedForm;
use crate::auth::extractors::{ClientAddress, PageContext};
use crate::auth::form_token::{self, FormNonce};
use crate::error::{AppError, Message};
use crate::routes::sessions::html::render;
use crate::routes::{refused_forms, see_other};
use crate::services::lock;
use crate::state::AppState;

#[derive(Template)]
#[template(path = "lock/request.html")]
pub struct RequestPage {
    ctx: PageContext,
    email: String,
    notice: Option<String>,
    error: Option<String>,
}

#[derive(Debug, Deserialize)]
pub struct RequestQuery {
    sent: Option<String>,
}

pub async fn request_form(
    ctx: PageContext,
    query: web::Query<RequestQuery>,
) -> Result<HttpResponse, AppError> {
    let notice = query.sent.as_ref().map(|_| ctx.t("lock-request-sent"));
    render(
        RequestPage {
            ctx,
            email: String::new(),
            notice,
            error: None,
        },
        StatusCode::OK,
    )
}

#[derive(Debug, Deserialize)]
pub struct RequestForm {
    #[serde(default)]
    email: String,
}

/// The same redirect whatever the email: whether someone has an account here is not told.
pub async fn request(
    state: web::Data<AppState>,
    ctx: PageContext,
    address: ClientAddress,
    form: web::Form<RequestForm>,
) -> Result<HttpResponse, AppError> {
    match lock::request_link(&state, &form.email, address.0).await? {
        None => Ok(see_other("/lock?sent=1")),
        Some(seconds) => {
            let error = Some(ctx.message(&Message::new("error-too-many").with("seconds", seconds)));
            let mut response = render(
                RequestPage {
                    ctx,
                    email: form.into_inner().email,
                    notice: None,
                    error,
                },
                StatusCode::TOO_MANY_REQUESTS,
            )?;
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, header::HeaderValue::from(seconds));
            Ok(response)
        }
    }
}

/// The lock request again after its CSRF token was refused (`routes::refused_forms`): the
/// email kept.
pub async fn request_refused(
    req: HttpRequest,
    _state: web::Data<AppState>,
    refused: RefusedForm,
) -> Result<HttpResponse, AppError> {
    let ctx = PageContext::current(&req);
    let error = Some(ctx.t("form-expired"));
    render(
        RequestPage {
            ctx,
            email: refused.get("email"),
            notice: None,
            error,
        },
        StatusCode::FORBIDDEN,
    )
}

#[derive(Template)]
#[template(path = "lock/confirm.html")]
pub struct ConfirmPage {
    ctx: PageContext,
    token: String,
    /// The link still locks; otherwise the page says it was used or has expired.
    usable: bool,
    locked: bool,
    /// Why the page came back (its form's token was refused).
    error: Option<String>,
}

pub async fn confirm_form(
    state: web::Data<AppState>,
    ctx: PageContext,
    token: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let token = token.into_inner();
    let usable = lock::link_is_usable(&state, token.clone()).await?;
    let status = if usable {
        StatusCode::OK
    } else {
        StatusCode::NOT_FOUND
    };
    render(
        ConfirmPage {
            ctx,
            token,
            usable,
            locked: false,
            error: None,
        },
        status,
    )
}

/// Locks, then redirects (303) to `/locked`, whose page says so. The redirect carries a
/// proof signed for this browser's form nonce (`auth::form_token`): the page shows "locked"
/// only to the browser that locked, so nobody can send a person a link to a false one.
pub async fn confirm(
    req: HttpRequest,
    state: web::Data<AppState>,
    ctx: PageContext,
    address: ClientAddress,
    token: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let token = token.into_inner();
    if lock::lock_with_link(&state, token, address.0).await? {
        let nonce = form_token::ensure_nonce(&req);
        let proof = state
            .form_key
            .issue(&locked_proof_subject(&nonce), state.now());
        let proof: String = url::form_urlencoded::byte_serialize(proof.as_bytes()).collect();
        return Ok(see_other(&format!("/locked?proof={proof}")));
    }
    // Used or expired: nothing happened, and the page says so.
    render(
        ConfirmPage {
            ctx,
            token: String::new(),
            usable: false,
            locked: false,
            error: None,
        },
        StatusCode::NOT_FOUND,
    )
}

/// What the proof of a lock is signed for: the nonce, marked so that the proof is never a
/// form token (a nonce has no `:`).
fn locked_proof_subject(nonce: &str) -> String {
    format!("locked:{nonce}")
}

#[derive(Debug, Deserialize)]
pub struct LockedQuery {
    proof: Option<String>,
}

/// `GET /locked`: "the account is locked", to the browser that just locked it; anyone else
/// (or the same browser hours later) is sent to the lock page.
pub async fn locked(
    req: HttpRequest,
    state: web::Data<AppState>,
    ctx: PageContext,
    query: web::Query<LockedQuery>,
) -> Result<HttpResponse, AppError> {
    let nonce = req.extensions().get::<FormNonce>().cloned();
    let proven = match (nonce, query.proof.as_deref()) {
        (Some(nonce), Some(proof)) => {
            state
                .form_key
                .verify(&locked_proof_subject(&nonce.0), proof, state.now())
        }
        _ => false,
    };
    if !proven {
        return Ok(see_other("/lock"));
    }
    render(
        ConfirmPage {
            ctx,
            token: String::new(),
            usable: false,
            locked: true,
            error: None,
        },
        StatusCode::OK,
    )
}

/// The confirmation again after its CSRF token was refused (`routes::refused_forms`),
/// saying that the account is not locked yet.
pub async fn confirm_refused(
    req: HttpRequest,
    state: web::Data<AppState>,
    _refused: RefusedForm,
) -> Result<HttpResponse, AppError> {
    let token = refused_forms::path_token(&req);
    let usable = lock::link_is_usable(&state, token.clone()).await?;
    let ctx = PageContext::current(&req);
    let error = usable.then(|| ctx.t("lock-confirm-expired"));
    render(
        ConfirmPage {
            ctx,
            token,
            usable,
            locked: false,
            error,
        },
        StatusCode::FORBIDDEN,
    )
}
