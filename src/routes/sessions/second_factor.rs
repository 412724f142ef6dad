//! `/login/second-factor`: the second step of signing in. After the password, a code from
//! the authenticator app (or a recovery code); or, where the office requires a second factor
//! the person has not set up, the enrolment itself. Only a half-signed-in session reaches it.

use actix_web::http::StatusCode;
use actix_web::{HttpMessage, HttpRequest, HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use crate::auth::extractors::{ClientAddress, PageContext};
use crate::auth::session::{
    Authenticated, CookieChange, HalfSignedIn, SessionInfo, request_cookie_change,
};
use crate::auth::tokens::hash_token;
use crate::domain::second_factor::{SecondStep, qr_svg};
use crate::error::AppError;
use crate::routes::errors::safe_next;
use crate::routes::held_forms;
use crate::routes::see_other;
use crate::routes::sessions::html::{render, sign_in_refusal, with_retry_after};
use crate::services::accounts;
use crate::services::second_factor;
use crate::stash;
use crate::state::AppState;

/// The QR code and the secret of an enrolment, as a page shows them.
pub struct EnrolmentView {
    pub qr_svg: String,
    pub secret: String,
}

impl EnrolmentView {
    pub fn of(enrolment: &second_factor::Enrolment) -> Self {
        Self {
            qr_svg: qr_svg(&enrolment.uri).unwrap_or_default(),
            secret: enrolment.secret.for_display(),
        }
    }
}

#[derive(Template)]
#[template(path = "second_factor/login.html")]
pub struct SecondStepPage {
    ctx: PageContext,
    next: String,
    enrolment: Option<EnrolmentView>,
    error: Option<String>,
}

/// The recovery codes, shown once after an enrolment or a regeneration; none when they
/// have been shown already.
#[derive(Template)]
#[template(path = "second_factor/recovery_codes.html")]
pub struct RecoveryCodesPage {
    pub ctx: PageContext,
    pub codes: Vec<String>,
    pub continue_to: String,
}

/// Where fresh recovery codes wait in the session stash for the page that shows them.
pub const RECOVERY_CODES_KEY: &str = "recovery-codes";

/// How long fresh recovery codes wait to be shown on the page the POST redirects to.
const RECOVERY_CODES_SHOWN_WITHIN_MINUTES: i64 = 10;

/// Holds fresh recovery codes for `holder`'s next view of the recovery-codes page and sends
/// the browser there: the codes never go into a URL, and reloading that page neither repeats
/// the POST nor shows them again.
pub fn show_recovery_codes_once(
    state: &AppState,
    holder: &str,
    codes: &[String],
    continue_to: &str,
) -> HttpResponse {
    state.stash.put(
        holder,
        RECOVERY_CODES_KEY,
        codes.join("\n"),
        state.now(),
        chrono::Duration::minutes(RECOVERY_CODES_SHOWN_WITHIN_MINUTES),
    );
    let encoded: String = url::form_urlencoded::byte_serialize(continue_to.as_bytes()).collect();
    see_other(&format!(
        "/account/second-factor/recovery-codes?next={encoded}"
    ))
}

/// Where the second step lives, carrying the page asked for.
pub fn second_step_url(next: &str) -> String {
    if next == "/" {
        "/login/second-factor".into()
    } else {
        let encoded: String = url::form_urlencoded::byte_serialize(next.as_bytes()).collect();
        format!("/login/second-factor?next={encoded}")
    }
}

#[derive(Debug, Deserialize)]
pub struct NextQuery {
    next: Option<String>,
}

async fn page(
    state: &AppState,
    half: &HalfSignedIn,
    ctx: PageContext,
    next: String,
    error: Option<String>,
) -> Result<SecondStepPage, AppError> {
    let enrolment = match half.step {
        SecondStep::Code => None,
        SecondStep::Enrol => Some(EnrolmentView::of(
            &second_factor::begin_enrolment(state, &half.staff).await?,
        )),
    };
    Ok(SecondStepPage {
        ctx,
        next,
        enrolment,
        error,
    })
}

/// The half-signed-in session, or where to send a request that has none: home when fully
/// signed in, the login page otherwise.
fn half_signed_in(req: &HttpRequest) -> Result<HalfSignedIn, &'static str> {
    let extensions = req.extensions();
    if let Some(half) = extensions.get::<HalfSignedIn>() {
        return Ok(half.clone());
    }
    Err(if extensions.get::<Authenticated>().is_some() {
        "/"
    } else {
        "/login"
    })
}

pub async fn form(
    req: HttpRequest,
    state: web::Data<AppState>,
    ctx: PageContext,
    query: web::Query<NextQuery>,
) -> Result<HttpResponse, AppError> {
    let half = match half_signed_in(&req) {
        Ok(half) => half,
        Err(elsewhere) => return Ok(see_other(elsewhere)),
    };
    let next = safe_next(query.next.as_deref());
    render(page(&state, &half, ctx, next, None).await?, StatusCode::OK)
}

#[derive(Debug, Deserialize)]
pub struct CodeForm {
    #[serde(default)]
    code: String,
    #[serde(default)]
    next: String,
}

pub async fn submit(
    req: HttpRequest,
    state: web::Data<AppState>,
    ctx: PageContext,
    address: ClientAddress,
    form: web::Form<CodeForm>,
) -> Result<HttpResponse, AppError> {
    let half = match half_signed_in(&req) {
        Ok(half) => half,
        Err(elsewhere) => return Ok(see_other(elsewhere)),
    };
    let form = form.into_inner();
    let next = safe_next(Some(&form.next));
    let address = address.0;
    let outcome = match half.step {
        SecondStep::Code => {
            second_factor::verify(&state, &half.staff, &form.code, address.clone(), "html")
                .await
                .map(|_| None)
        }
        SecondStep::Enrol => {
            second_factor::confirm_enrolment(&state, &half.staff, &form.code, address.clone())
                .await
                .map(Some)
        }
    };
    let (status, error, retry_after) = match outcome {
        Ok(recovery_codes) => {
            let old = req
                .extensions()
                .get::<SessionInfo>()
                .map(|s| s.id_hash.clone());
            let token = accounts::start_session(&state, half.staff.id, old, address).await?;
            let new_session = stash::session_holder(&hash_token(&token));
            request_cookie_change(&req, CookieChange::Set(token));
            held_forms::claim(&req, &state, &half.staff).await?;
            return Ok(match recovery_codes {
                None => see_other(&next),
                // Held for the new session, whose first page shows them.
                Some(codes) => show_recovery_codes_once(&state, &new_session, &codes, &next),
            });
        }
        // A locked account's sessions have ended, so a code check does not answer Locked;
        // should it ever, the answer is the sign-in page's.
        Err(err) => sign_in_refusal(&ctx, err, "second-factor-wrong-code")?,
    };
    let response = render(page(&state, &half, ctx, next, Some(error)).await?, status)?;
    Ok(with_retry_after(response, retry_after))
}
