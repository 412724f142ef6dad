//! CSRF protection for every state-changing request from a browser: the session's
//! synchronizer token when the request rides on a session cookie, else the signed token of
//! an anonymous form (`auth::form_token`). HTML forms send the token as the `csrf_token`
//! field, scripts as the `X-CSRF-Token` header. Bearer-authenticated API calls, and API
//! calls without a session cookie, carry no ambient credential and need no token.

use actix_web::body::MessageBody;
use actix_web::dev::{Payload, ServiceRequest, ServiceResponse};
use actix_web::http::{Method, header};
use actix_web::middleware::Next;
use actix_web::web::{Bytes, BytesMut};
use actix_web::{HttpMessage, web};
use futures_util::StreamExt;

use super::form_token::{self, FormNonce};
use super::session::{AuthMethod, Authenticated, SessionInfo};
use super::tokens::constant_time_eq;
use crate::error::AppError;
use crate::state::AppState;

pub const FORM_FIELD: &str = "csrf_token";
pub const HEADER: &str = "x-csrf-token";

fn changes_state(method: &Method) -> bool {
    !matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS)
}

pub async fn verify_csrf(
    mut req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    if !changes_state(req.method()) {
        return next
            .call(req)
            .await
            .map(ServiceResponse::map_into_left_body);
    }
    let by_bearer = req
        .extensions()
        .get::<Authenticated>()
        .is_some_and(|auth| matches!(auth.method, AuthMethod::Bearer { .. }));
    if by_bearer {
        return next
            .call(req)
            .await
            .map(ServiceResponse::map_into_left_body);
    }
    let expected = req
        .extensions()
        .get::<SessionInfo>()
        .map(|session| session.csrf_token.clone());
    if expected.is_none() && req.path().starts_with("/api/") {
        // Without a session cookie an API request carries no credential to abuse.
        return next
            .call(req)
            .await
            .map(ServiceResponse::map_into_left_body);
    }

    let mut presented = req
        .headers()
        .get(HEADER)
        .and_then(|value| value.to_str().ok())
        .map(str::to_string);
    let mut body = None;
    if presented.is_none() && is_form(&req) {
        let limit = req
            .app_data::<web::Data<AppState>>()
            .map_or(64 * 1024, |state| state.settings.api.form_limit_bytes);
        let read = match read_body(&mut req, limit).await {
            Ok(read) => read,
            Err(err) => return Ok(req.error_response(err).map_into_right_body()),
        };
        presented = url::form_urlencoded::parse(&read)
            .find(|(name, _)| name == FORM_FIELD)
            .map(|(_, value)| value.into_owned());
        req.set_payload(Payload::from(read.clone()));
        body = Some(read);
    }
    let accepted = match (presented, expected) {
        (Some(token), Some(expected)) => constant_time_eq(&token, &expected),
        // No session: an anonymous form, whose token is signed for the browser's nonce.
        (Some(token), None) => {
            let nonce = req.extensions().get::<FormNonce>().cloned();
            match (nonce, req.app_data::<web::Data<AppState>>()) {
                (Some(nonce), Some(state)) => state.form_key.verify(&nonce.0, &token, state.now()),
                _ => false,
            }
        }
        (None, _) => false,
    };
    if accepted {
        return next
            .call(req)
            .await
            .map(ServiceResponse::map_into_left_body);
    }
    if req.extensions().get::<SessionInfo>().is_none() {
        // The page that says so may show the form again, with what was typed and a token
        // that works (`routes::errors`).
        if let Some(body) = body {
            req.extensions_mut().insert(RefusedForm::from_body(&body));
        }
        form_token::ensure_nonce(req.request());
    }
    Ok(req.error_response(AppError::Csrf).map_into_right_body())
}

/// What a form refused for its CSRF token carried, without its secrets (passwords, codes,
/// the token): for showing the form again with what was typed.
#[derive(Debug, Clone, Default)]
pub struct RefusedForm {
    fields: Vec<(String, String)>,
}

impl RefusedForm {
    fn from_body(body: &[u8]) -> Self {
        let secret = |name: &str| name == FORM_FIELD || name.contains("password") || name == "code";
        Self {
            fields: url::form_urlencoded::parse(body)
                .into_owned()
                .filter(|(name, _)| !secret(name))
                .collect(),
        }
    }

    /// Everything the form carried but its secrets, as (name, value).
    pub fn fields(&self) -> &[(String, String)] {
        &self.fields
    }

    /// The value typed into `name`, or nothing.
    pub fn get(&self, name: &str) -> String {
        self.fields
            .iter()
            .find(|(field, _)| field == name)
            .map(|(_, value)| value.clone())
            .unwrap_or_default()
    }
}

pub(crate) fn is_form(req: &ServiceRequest) -> bool {
    req.headers()
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|value| value.starts_with("application/x-www-form-urlencoded"))
}

/// The whole body of a request, up to `limit` bytes (the caller puts it back as the payload).
pub(crate) async fn read_body(req: &mut ServiceRequest, limit: usize) -> Result<Bytes, AppError> {
    let mut payload = req.take_payload();
    let mut body = BytesMut::new();
    while let Some(chunk) = payload.next().await {
        let chunk = chunk.map_err(|_| {
            AppError::BadRequest(crate::error::Message::new("error-body-unreadable"))
        })?;
        if body.len() + chunk.len() > limit {
            return Err(AppError::PayloadTooLarge);
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body.freeze())
}
