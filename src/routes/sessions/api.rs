//! `POST /api/v1/tokens` and `DELETE /api/v1/tokens/current`.

use actix_web::{HttpResponse, web};
use chrono::{DateTime, Utc};
use secrecy::{ExposeSecret, SecretString};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::auth::extractors::{ClientAddress, CurrentStaff};
use crate::auth::session::AuthMethod;
use crate::domain::second_factor::SecondStep;
use crate::error::{AppError, Message};
use crate::routes::errors::Problem;
use crate::services::accounts::LoginError;
use crate::services::{accounts, api_tokens, second_factor};
use crate::state::AppState;

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TokenRequest {
    pub email: String,
    /// Exposed only to the password check.
    #[schema(value_type = String)]
    pub password: SecretString,
    /// Required when the account has a second factor: the current six-digit code from the
    /// authenticator app, or an unused recovery code. No code is accepted twice.
    #[schema(example = "123456")]
    pub otp: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct TokenResponse {
    /// Send as `Authorization: Bearer <token>`. Shown once; only its hash is kept.
    pub token: String,
    pub expires_at: DateTime<Utc>,
}

/// Exchange an email and password (and, for an account with a second factor, a current
/// `otp` code) for a bearer token. Where the office requires a second factor of an account
/// that has none yet, the person enrols on the web first.
#[utoipa::path(
    post,
    path = "/api/v1/tokens",
    tag = "tokens",
    request_body = TokenRequest,
    responses(
        (status = 201, description = "Token issued", body = TokenResponse),
        (status = 400, description = "Wrong email or password; a missing, wrong or already used `otp` for an account with a second factor; or a malformed body", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The office requires a second factor this account has not set up yet: enrol on the web first", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "Body too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "Not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many failed attempts (passwords or codes); see Retry-After", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn create_token(
    state: web::Data<AppState>,
    address: ClientAddress,
    body: web::Json<TokenRequest>,
) -> Result<HttpResponse, AppError> {
    let body = body.into_inner();
    let staff = accounts::authenticate(
        &state,
        &body.email,
        body.password.expose_secret().to_string(),
        address.0.clone(),
        "api",
    )
    .await?;
    match second_factor::api_step(&state, &staff).await? {
        None => {}
        Some(SecondStep::Enrol) => return Err(AppError::Forbidden),
        Some(SecondStep::Code) => {
            let Some(otp) = body.otp.as_deref().filter(|otp| !otp.trim().is_empty()) else {
                return Err(AppError::BadRequest(Message::new("api-otp-required")));
            };
            match second_factor::verify(&state, &staff, otp, address.0.clone(), "api").await {
                Ok(_) => {}
                Err(LoginError::InvalidCredentials) => {
                    return Err(AppError::BadRequest(Message::new(
                        "second-factor-wrong-code",
                    )));
                }
                Err(err) => return Err(err.into()),
            }
        }
    }
    let issued = api_tokens::issue(&state, &staff, address.0).await?;
    Ok(HttpResponse::Created().json(TokenResponse {
        token: issued.token,
        expires_at: issued.expires_at,
    }))
}

/// Revoke the bearer token this request is made with.
#[utoipa::path(
    delete,
    path = "/api/v1/tokens/current",
    tag = "tokens",
    security(("bearer" = [])),
    responses(
        (status = 204, description = "Token revoked"),
        (status = 400, description = "The request was not made with a bearer token", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No valid token", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn revoke_current_token(
    state: web::Data<AppState>,
    current: CurrentStaff,
    address: ClientAddress,
) -> Result<HttpResponse, AppError> {
    let AuthMethod::Bearer { token_id } = current.method else {
        return Err(AppError::BadRequest(Message::new("api-not-a-token")));
    };
    api_tokens::revoke(&state, &current.staff, token_id, address.0).await?;
    Ok(HttpResponse::NoContent().finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_token_requests_debug_output_has_no_password() {
        let request: TokenRequest = serde_json::from_value(serde_json::json!({
            "email": "lawyer@office.example.org",
            "password": "correct horse battery staple",
        }))
        .unwrap();
        let shown = format!("{request:?}");
        assert!(shown.contains("lawyer@office.example.org"), "{shown}");
        assert!(!shown.contains("correct horse"), "{shown}");
        assert_eq!(
            request.password.expose_secret(),
            "correct horse battery staple"
        );
    }
}
