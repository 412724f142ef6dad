//! The session middleware: resolves the session cookie or bearer token into the caller,
//! and applies the cookie changes handlers ask for (login rotates, logout clears).

use actix_web::body::MessageBody;
use actix_web::cookie::{Cookie, SameSite};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header;
use actix_web::middleware::Next;
use actix_web::{HttpMessage, HttpRequest, web};
use secrecy::SecretString;

use super::extractors::ClientAddress;
use super::form_token;
use crate::domain::ids::StaffId;
use crate::domain::second_factor::SecondStep;
use crate::domain::staff::Staff;
use crate::error::AppError;
use crate::services;
use crate::services::sessions::{Resumption, SessionClient};
use crate::state::AppState;

/// The server-side session a request carries: only people who have signed in (or passed
/// the password and owe the second factor) have one; anonymous forms are protected by a
/// signed token instead (`auth::form_token`).
#[derive(Debug, Clone)]
pub struct SessionInfo {
    pub id_hash: String,
    pub csrf_token: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AuthMethod {
    Session,
    Bearer { token_id: uuid::Uuid },
}

/// The signed-in staff member making the request.
#[derive(Debug, Clone)]
pub struct Authenticated {
    pub staff: Staff,
    pub method: AuthMethod,
}

/// A session past the password but not yet past the second factor (or the enrolment the
/// office requires). It grants nothing but the second step: `CurrentStaff` refuses it.
#[derive(Debug, Clone)]
pub struct HalfSignedIn {
    pub staff: Staff,
    pub step: SecondStep,
}

/// The signed-in session this request's cookie named had just ended (timed out): whose it
/// was, so that a form submitted with it can be held for its owner.
#[derive(Debug, Clone, Copy)]
pub struct EndedSession {
    pub staff_id: StaffId,
}

/// A change to the session cookie, requested by a handler and applied on the way out.
#[derive(Debug, Clone)]
pub enum CookieChange {
    Set(String),
    Clear,
}

pub fn request_cookie_change(req: &HttpRequest, change: CookieChange) {
    req.extensions_mut().insert(change);
}

pub fn cookie_name(https: bool) -> &'static str {
    // The __Host- prefix pins the cookie to this host, path / and https.
    if https {
        "__Host-refuge_session"
    } else {
        "refuge_session"
    }
}

/// The bearer token a request carries, held as a secret until it is hashed.
fn bearer_token(req: &ServiceRequest) -> Option<SecretString> {
    let value = req.headers().get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.split_once(' ')?;
    scheme
        .eq_ignore_ascii_case("bearer")
        .then(|| SecretString::from(token.trim()))
}

/// Paths that never need to know who is asking.
fn is_public_asset(path: &str) -> bool {
    path.starts_with("/static/") || path == "/healthz"
}

pub async fn load_session(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let Some(state) = req.app_data::<web::Data<AppState>>().cloned() else {
        return Ok(req
            .error_response(AppError::internal(anyhow::anyhow!(
                "application state missing"
            )))
            .map_into_right_body());
    };
    if is_public_asset(req.path()) {
        return next
            .call(req)
            .await
            .map(ServiceResponse::map_into_left_body);
    }
    let https = state.settings.https;
    if let Some(cookie) = req.cookie(form_token::cookie_name(https))
        && form_token::is_well_formed(cookie.value())
    {
        req.extensions_mut()
            .insert(form_token::FormNonce(cookie.value().to_string()));
    }
    if let Some(token) = bearer_token(&req) {
        match services::sessions::authenticate_bearer(&state, token).await {
            Ok(Some((staff, token_id))) => {
                req.extensions_mut().insert(Authenticated {
                    staff,
                    method: AuthMethod::Bearer { token_id },
                });
            }
            Ok(None) => {
                return Ok(req
                    .error_response(AppError::LoginRequired)
                    .map_into_right_body());
            }
            Err(err) => return Ok(req.error_response(err).map_into_right_body()),
        }
    } else if let Some(cookie) = req.cookie(cookie_name(https)) {
        let client = SessionClient::new(
            req.headers()
                .get(header::USER_AGENT)
                .and_then(|v| v.to_str().ok()),
            ClientAddress::of(req.request()).0,
        );
        match services::sessions::resume(&state, SecretString::from(cookie.value()), client).await {
            Ok(Resumption::Alive(resumed)) => {
                let mut extensions = req.extensions_mut();
                extensions.insert(resumed.session);
                match (resumed.staff, resumed.pending) {
                    (Some(staff), None) => {
                        extensions.insert(Authenticated {
                            staff,
                            method: AuthMethod::Session,
                        });
                    }
                    (Some(staff), Some(step)) => {
                        extensions.insert(HalfSignedIn { staff, step });
                    }
                    (None, _) => {}
                }
            }
            Ok(Resumption::Ended { staff_id }) => {
                let mut extensions = req.extensions_mut();
                extensions.insert(CookieChange::Clear);
                if let Some(staff_id) = staff_id {
                    extensions.insert(EndedSession { staff_id });
                }
            }
            Err(err) => return Ok(req.error_response(err).map_into_right_body()),
        }
    }

    let mut res = next.call(req).await?;
    let change = res.request().extensions().get::<CookieChange>().cloned();
    if let Some(change) = change {
        let cookie = match change {
            CookieChange::Set(token) => session_cookie(https, token),
            CookieChange::Clear => {
                let mut cookie = session_cookie(https, String::new());
                cookie.make_removal();
                cookie
            }
        };
        res.response_mut().add_cookie(&cookie)?;
    }
    let new_nonce = res
        .request()
        .extensions()
        .get::<form_token::NewFormNonce>()
        .and_then(|_| {
            res.request()
                .extensions()
                .get::<form_token::FormNonce>()
                .cloned()
        });
    if let Some(nonce) = new_nonce {
        res.response_mut()
            .add_cookie(&form_token::cookie(https, nonce.0))?;
    }
    Ok(res.map_into_left_body())
}

fn session_cookie(https: bool, value: String) -> Cookie<'static> {
    // Lax, not Strict: a link from a reminder email must open the case, not the login page.
    Cookie::build(cookie_name(https), value)
        .path("/")
        .http_only(true)
        .secure(https)
        .same_site(SameSite::Lax)
        .finish()
}
