//! Request extractors: the signed-in staff member, the page context every template gets,
//! and the client's address for the audit log.

use std::future::{Ready, ready};

use actix_web::dev::Payload;
use actix_web::http::header;
use actix_web::{FromRequest, HttpMessage, HttpRequest, web};

use super::client_address;
use super::form_token::{self, FormNonce};
use super::session::{AuthMethod, Authenticated, HalfSignedIn, SessionInfo};
use crate::domain::staff::{Role, Staff};
use crate::error::{AppError, Message};
use crate::i18n::{I18n, Language};
use crate::state::AppState;

/// The signed-in staff member; without one the request is refused (login page or 401).
#[derive(Debug, Clone)]
pub struct CurrentStaff {
    pub staff: Staff,
    pub method: AuthMethod,
    /// The id hash of the session the request came with (none for a bearer token).
    pub session_hash: Option<String>,
}

impl FromRequest for CurrentStaff {
    type Error = AppError;
    type Future = Ready<Result<Self, AppError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let extensions = req.extensions();
        let session_hash = extensions.get::<SessionInfo>().map(|s| s.id_hash.clone());
        let current = extensions
            .get::<Authenticated>()
            .map(|auth| CurrentStaff {
                staff: auth.staff.clone(),
                method: auth.method,
                session_hash,
            })
            .ok_or_else(|| {
                // Half signed in: known, but refused everything except the second step (a
                // page asked for is redirected to it, `routes::errors::render`).
                if extensions.get::<HalfSignedIn>().is_some() {
                    AppError::Forbidden
                } else {
                    AppError::LoginRequired
                }
            });
        ready(current)
    }
}

/// The client's address: the TCP peer, or, when that is one of `trusted_proxies`, the
/// right-most `X-Forwarded-For` hop that is not ([`client_address::client_address`]).
#[derive(Debug, Clone, Default)]
pub struct ClientAddress(pub Option<String>);

impl ClientAddress {
    pub fn of(req: &HttpRequest) -> Self {
        Self::from_parts(
            req.peer_addr(),
            req.headers(),
            req.app_data::<web::Data<AppState>>(),
        )
    }

    /// The same from the parts a middleware has at hand.
    pub fn from_parts(
        peer: Option<std::net::SocketAddr>,
        headers: &header::HeaderMap,
        state: Option<&web::Data<AppState>>,
    ) -> Self {
        let trusted = state.map_or(&[][..], |state| &state.settings.trusted_proxies[..]);
        let forwarded: Vec<&str> = if trusted.is_empty() {
            Vec::new()
        } else {
            headers
                .get_all("x-forwarded-for")
                .filter_map(|v| v.to_str().ok())
                .collect()
        };
        Self(
            client_address::client_address(peer.map(|p| p.ip()), &forwarded, trusted)
                .map(|ip| ip.to_string()),
        )
    }

    pub fn as_deref(&self) -> Option<&str> {
        self.0.as_deref()
    }
}

impl FromRequest for ClientAddress {
    type Error = AppError;
    type Future = Ready<Result<Self, AppError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(Ok(Self::of(req)))
    }
}

/// What every page template needs: the reader's language, who is signed in, the CSRF token
/// for its forms, the path it was asked for and whether this is a demo office.
#[derive(Debug, Clone)]
pub struct PageContext {
    pub i18n: I18n,
    pub staff: Option<Staff>,
    pub csrf_token: String,
    pub path: String,
    /// The office's time zone: every time on a page is shown in it.
    pub time_zone: chrono_tz::Tz,
    /// The `demo` setting: the page carries the banner saying its data is fictional.
    pub demo: bool,
    /// `session.idle_timeout_minutes` in seconds, for `forms.js`'s warning.
    pub idle_timeout_seconds: i64,
}

impl PageContext {
    /// The context as far as the request already knows it (no new cookie); for error
    /// pages. The CSRF token is the session's, or, for an anonymous visitor whose browser
    /// holds a form nonce, one signed for it (`auth::form_token`).
    pub fn current(req: &HttpRequest) -> Self {
        let extensions = req.extensions();
        let state = req.app_data::<web::Data<AppState>>();
        let staff = extensions
            .get::<Authenticated>()
            .map(|auth| auth.staff.clone());
        let csrf_token = match (
            extensions.get::<SessionInfo>(),
            extensions.get::<FormNonce>(),
        ) {
            (Some(session), _) => session.csrf_token.clone(),
            (None, Some(nonce)) => state
                .map(|state| state.form_key.issue(&nonce.0, state.now()))
                .unwrap_or_default(),
            (None, None) => String::new(),
        };
        let language = staff
            .as_ref()
            .map(|s| s.language)
            .unwrap_or_else(|| request_language(req));
        let settings = state.map(|state| state.settings.clone());
        let time_zone = settings
            .as_ref()
            .map_or(chrono_tz::UTC, |settings| settings.office.time_zone);
        let idle_timeout_seconds = settings
            .as_ref()
            .map_or(0, |settings| settings.session.idle_timeout_minutes * 60);
        let demo = settings.as_ref().is_some_and(|settings| settings.demo);
        Self {
            i18n: I18n::new(language),
            staff,
            csrf_token,
            path: req.path().to_string(),
            time_zone,
            demo,
            idle_timeout_seconds,
        }
    }

    /// A stored moment in the office's time zone, the zone named ([`crate::clock::office_time`]).
    pub fn time(&self, at: &impl crate::clock::UtcMoment) -> String {
        crate::clock::office_time(at, self.time_zone)
    }

    pub fn t(&self, key: &str) -> String {
        self.i18n.t(key)
    }

    pub fn t1(&self, key: &'static str, name: &'static str, value: impl ToString) -> String {
        self.i18n.t1(key, name, value)
    }

    pub fn message(&self, message: &Message) -> String {
        self.i18n.message(message)
    }

    /// The translated message of one field's error, if it has one.
    pub fn field_error(&self, errors: &crate::error::FieldErrors, field: &str) -> Option<String> {
        errors.get(field).map(|m| self.message(m))
    }

    pub fn is_admin(&self) -> bool {
        self.staff.as_ref().is_some_and(|s| s.role == Role::Admin)
    }

    /// Whether the signed-in person takes intakes (the policy's rule, for showing the link).
    pub fn takes_intakes(&self) -> bool {
        self.staff
            .as_ref()
            .is_some_and(|s| crate::auth::policy::can_edit_case_file(s).is_ok())
    }

    pub fn lang(&self) -> &'static str {
        self.i18n.language().code()
    }
}

pub fn request_language(req: &HttpRequest) -> Language {
    req.headers()
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .map(Language::from_accept_language)
        .unwrap_or_default()
}

impl FromRequest for PageContext {
    type Error = AppError;
    type Future = Ready<Result<Self, AppError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        if req.extensions().get::<SessionInfo>().is_none() {
            // An anonymous visitor about to see a form: its CSRF token is signed for the
            // nonce in their cookie, drawn now if they have none; no session row.
            form_token::ensure_nonce(req);
        }
        ready(Ok(PageContext::current(req)))
    }
}

/// A permission the policy grants by role; used as `Authorized<P>`.
pub trait Permission {
    fn check(staff: &Staff) -> Result<(), AppError>;
}

/// Managing staff accounts (`policy::can_manage_staff`).
pub struct ManageStaff;

impl Permission for ManageStaff {
    fn check(staff: &Staff) -> Result<(), AppError> {
        crate::auth::policy::can_manage_staff(staff)
    }
}

/// The signed-in staff member, already checked against permission `P`. Placed before a
/// body extractor, it makes authorization come first: a paralegal posting a malformed body
/// to an admin endpoint hears 403, not a parse error.
pub struct Authorized<P> {
    pub current: CurrentStaff,
    permission: std::marker::PhantomData<P>,
}

impl<P> Authorized<P> {
    pub fn staff(&self) -> &Staff {
        &self.current.staff
    }
}

impl<P: Permission> FromRequest for Authorized<P> {
    type Error = AppError;
    type Future = Ready<Result<Self, AppError>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let result = CurrentStaff::from_request(req, payload)
            .into_inner()
            .and_then(|current| {
                P::check(&current.staff)?;
                Ok(Self {
                    current,
                    permission: std::marker::PhantomData,
                })
            });
        ready(result)
    }
}

/// Office-wide settings (`policy::can_manage_office_settings`).
pub struct ManageOfficeSettings;

impl Permission for ManageOfficeSettings {
    fn check(staff: &Staff) -> Result<(), AppError> {
        crate::auth::policy::can_manage_office_settings(staff)
    }
}

/// Deleting clients' files for the retention policy (`policy::can_purge_case`).
pub struct PurgeCases;

impl Permission for PurgeCases {
    fn check(staff: &Staff) -> Result<(), AppError> {
        crate::auth::policy::can_purge_case(staff)
    }
}

/// Taking intakes and editing case files (`policy::can_edit_case_file`).
pub struct EditCaseFile;

impl Permission for EditCaseFile {
    fn check(staff: &Staff) -> Result<(), AppError> {
        crate::auth::policy::can_edit_case_file(staff)
    }
}

/// Working the queue of public inquiries (`policy::can_triage_inquiries`).
pub struct TriageInquiries;

impl Permission for TriageInquiries {
    fn check(staff: &Staff) -> Result<(), AppError> {
        crate::auth::policy::can_triage_inquiries(staff)
    }
}
