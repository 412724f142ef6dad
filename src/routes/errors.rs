//! Turns every error into what its reader expects: an HTML page in their language, a
//! redirect to the login page, or a JSON problem document (RFC 9457) for the API.

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::error::{
    InternalError, JsonPayloadError, PathError, QueryPayloadError, UrlencodedError,
};
use actix_web::http::{Method, StatusCode, header};
use actix_web::middleware::Next;
use actix_web::{HttpMessage, HttpRequest, HttpResponse, ResponseError, web};
use askama::Template;
use serde::Serialize;

use crate::auth::extractors::PageContext;
use crate::error::{AppError, FieldErrors, Message};
use crate::i18n::I18n;
use crate::routes::refused_forms;

/// A JSON problem document.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Problem {
    /// A URI naming the kind of problem.
    #[serde(rename = "type")]
    pub kind: String,
    pub title: String,
    pub status: u16,
    pub detail: String,
    /// Per-field messages, for validation problems.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<ProblemField>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub retry_after_seconds: Option<i64>,
    /// For `urn:refuge:problem:incomplete-i589` (a move to `filed` refused): every item of
    /// the I-589 still missing, in the form's order. A lawyer may file anyway with an
    /// `override_reason`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub missing_items: Vec<ProblemMissingItem>,
}

/// An I-589 item the completeness check finds missing.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ProblemMissingItem {
    /// As printed on the form: `A.I.6`, `A.II.child.2.date_of_birth`.
    pub number: String,
    /// Its part, as printed: `A.I`, `A.II`, `A.III`, `B`, `C`, `D`.
    pub part: String,
    /// In English, as the form asks it: `Middle name`, `Child 2: Date of birth`.
    pub label: String,
    /// The intake page's field that answers it (`client.middle_name`,
    /// `family.3.date_of_birth`): the page `/cases/{id}/intake#<field>` opens at it.
    pub field: String,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ProblemField {
    pub field: String,
    pub message: String,
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage {
    ctx: PageContext,
    status: u16,
    title: String,
    detail: String,
}

fn is_api(req: &HttpRequest) -> bool {
    req.path().starts_with("/api/") || req.path() == "/healthz"
}

fn problem_slug(err: &AppError) -> &'static str {
    match err {
        AppError::LoginRequired => "unauthorized",
        AppError::Forbidden | AppError::Refused(_) => "forbidden",
        AppError::Csrf => "csrf",
        AppError::NotFound => "not-found",
        AppError::MethodNotAllowed => "method-not-allowed",
        AppError::BadRequest(_) | AppError::BadField(_) => "bad-request",
        AppError::Validation(_) => "validation",
        AppError::Conflict(_) => "conflict",
        AppError::I589Incomplete(_) => "incomplete-i589",
        AppError::TooManyRequests { .. } => "too-many-requests",
        AppError::PayloadTooLarge => "payload-too-large",
        AppError::UnsupportedMediaType => "unsupported-media-type",
        AppError::Unavailable(_) => "unavailable",
        AppError::Internal(_) => "internal",
    }
}

pub fn problem(err: &AppError, i18n: &I18n) -> Problem {
    let (title, detail) = err.message();
    let errors = match err {
        AppError::Validation(fields) => fields
            .iter()
            .map(|e| ProblemField {
                field: e.field.clone(),
                message: i18n.message(&e.message),
            })
            .collect(),
        AppError::BadField(e) => vec![ProblemField {
            field: e.field.clone(),
            message: i18n.message(&e.message),
        }],
        _ => Vec::new(),
    };
    Problem {
        kind: format!("urn:refuge:problem:{}", problem_slug(err)),
        title: i18n.t(title),
        status: err.status_code().as_u16(),
        detail: i18n.message(&detail),
        errors,
        retry_after_seconds: match err {
            AppError::TooManyRequests {
                retry_after_seconds,
            } => Some(*retry_after_seconds),
            _ => None,
        },
        missing_items: match err {
            AppError::I589Incomplete(check) => check
                .missing
                .iter()
                .flat_map(|(part, items)| {
                    items.iter().map(|item| ProblemMissingItem {
                        number: item.number.clone(),
                        part: part.code().to_string(),
                        label: item.label.clone(),
                        field: item.field(),
                    })
                })
                .collect(),
            _ => Vec::new(),
        },
    }
}

/// The response for `err` as the request's reader should see it.
pub fn render(req: &HttpRequest, err: &AppError) -> HttpResponse {
    if let AppError::Internal(cause) | AppError::Unavailable(cause) = err {
        tracing::error!(
            path = req.path(),
            error = format!("{cause:#}"),
            "request failed"
        );
    }
    let ctx = PageContext::current(req);
    let status = err.status_code();
    let mut builder = HttpResponse::build(status);
    if let AppError::TooManyRequests {
        retry_after_seconds,
    } = err
    {
        builder.insert_header((header::RETRY_AFTER, retry_after_seconds.to_string()));
    }
    if is_api(req) {
        if matches!(err, AppError::LoginRequired) {
            builder.insert_header((header::WWW_AUTHENTICATE, "Bearer"));
        }
        return builder
            .content_type("application/problem+json")
            .json(problem(err, &ctx.i18n));
    }
    if matches!(err, AppError::LoginRequired) {
        return HttpResponse::SeeOther()
            .insert_header((header::LOCATION, login_redirect(req)))
            .finish();
    }
    let half_signed_in = req
        .extensions()
        .get::<crate::auth::session::HalfSignedIn>()
        .is_some();
    if half_signed_in && matches!(err, AppError::Forbidden) && req.method() == Method::GET {
        // A page asked for between the password and the second factor: the second step.
        return HttpResponse::SeeOther()
            .insert_header((header::LOCATION, "/login/second-factor"))
            .finish();
    }
    let (title, detail) = err.message();
    let page = ErrorPage {
        title: ctx.t(title),
        detail: ctx.message(&detail),
        status: status.as_u16(),
        ctx,
    };
    match page.render() {
        Ok(html) => builder.content_type("text/html; charset=utf-8").body(html),
        Err(render_err) => {
            tracing::error!(error = %render_err, "error page failed to render");
            builder
                .content_type("text/plain; charset=utf-8")
                .body(status.to_string())
        }
    }
}

/// `/login`, remembering the page asked for when it was a plain GET.
fn login_redirect(req: &HttpRequest) -> String {
    if req.method() != actix_web::http::Method::GET || req.path() == "/" {
        return "/login".into();
    }
    let target = match req.query_string() {
        "" => req.path().to_string(),
        query => format!("{}?{query}", req.path()),
    };
    let encoded: String = url::form_urlencoded::byte_serialize(target.as_bytes()).collect();
    format!("/login?next={encoded}")
}

/// Only a local path may be a redirect target: never another site (`//evil`, `/\evil`).
pub fn safe_next(next: Option<&str>) -> String {
    match next {
        Some(path)
            if path.starts_with('/')
                && !path.starts_with("//")
                && !path.starts_with("/\\")
                && !path.chars().any(|c| c.is_control() || c == '\\') =>
        {
            path.to_string()
        }
        _ => "/".into(),
    }
}

/// An error raised by actix itself (routing, extractors we did not configure), as ours.
fn from_status(status: StatusCode) -> AppError {
    match status {
        StatusCode::NOT_FOUND => AppError::NotFound,
        StatusCode::METHOD_NOT_ALLOWED => AppError::MethodNotAllowed,
        StatusCode::PAYLOAD_TOO_LARGE => AppError::PayloadTooLarge,
        StatusCode::UNSUPPORTED_MEDIA_TYPE => AppError::UnsupportedMediaType,
        s if s.is_client_error() => AppError::BadRequest(Message::new("error-bad-request")),
        s => AppError::internal(anyhow::anyhow!("unexpected error status {s}")),
    }
}

pub async fn render_errors(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let res = next.call(req).await?;
    let Some(error) = res.response().error() else {
        return Ok(res.map_into_left_body());
    };
    let request = res.request().clone();
    let mut rendered = match error.as_error::<AppError>() {
        // An anonymous form refused for its token comes back with what was typed.
        Some(AppError::Csrf) => match refused_forms::show_again(&request, res.status()).await {
            Some(form) => form,
            None => render(&request, &AppError::Csrf),
        },
        Some(app_error) => render(&request, app_error),
        None => render(&request, &from_status(res.status())),
    };
    for cookie in res.response().cookies() {
        rendered.add_cookie(&cookie)?;
    }
    if let Some(allow) = res.response().headers().get(header::ALLOW) {
        rendered.headers_mut().insert(header::ALLOW, allow.clone());
    }
    Ok(res.into_response(rendered).map_into_right_body())
}

/// Problem documents for bodies that do not parse: malformed JSON, wrong types, unknown
/// fields, oversized bodies, the wrong content type.
pub fn json_config(limit: usize) -> web::JsonConfig {
    web::JsonConfig::default()
        .limit(limit)
        .error_handler(|err, _req| {
            let app_error = match &err {
                JsonPayloadError::OverflowKnownLength { .. }
                | JsonPayloadError::Overflow { .. } => AppError::PayloadTooLarge,
                JsonPayloadError::ContentType => AppError::UnsupportedMediaType,
                JsonPayloadError::Deserialize(cause) => {
                    AppError::BadRequest(Message::new("error-json-invalid").with("reason", cause))
                }
                _ => AppError::BadRequest(Message::new("error-body-unreadable")),
            };
            app_error.into()
        })
}

pub fn form_config(limit: usize) -> web::FormConfig {
    web::FormConfig::default()
        .limit(limit)
        .error_handler(|err, _req| {
            match err {
                UrlencodedError::Overflow { .. } => AppError::PayloadTooLarge,
                UrlencodedError::ContentType => AppError::UnsupportedMediaType,
                _ => AppError::BadRequest(Message::new("error-form-invalid")),
            }
            .into()
        })
}

pub fn query_config() -> web::QueryConfig {
    web::QueryConfig::default().error_handler(|err: QueryPayloadError, _req| {
        AppError::BadRequest(Message::new("error-query-invalid").with("reason", err)).into()
    })
}

/// A path segment that does not parse (a malformed UUID) names nothing: 404.
pub fn path_config() -> web::PathConfig {
    web::PathConfig::default().error_handler(|_err: PathError, _req| AppError::NotFound.into())
}

pub async fn not_found() -> Result<HttpResponse, AppError> {
    Err(AppError::NotFound)
}

/// A registered path asked for with a method it does not serve; `allow` lists the ones it
/// does (`render_errors` keeps the header on the page or problem it renders).
pub async fn method_not_allowed(allow: String) -> Result<HttpResponse, actix_web::Error> {
    let response = HttpResponse::MethodNotAllowed()
        .insert_header((header::ALLOW, allow))
        .finish();
    Err(InternalError::from_response(AppError::MethodNotAllowed, response).into())
}

/// Validation problems of one form, already translated, for templates.
#[derive(Debug, Clone, Default)]
pub struct FormErrors {
    messages: Vec<(String, String)>,
}

impl FormErrors {
    pub fn translate(errors: &FieldErrors, i18n: &I18n) -> Self {
        Self {
            messages: errors
                .iter()
                .map(|e| (e.field.clone(), i18n.message(&e.message)))
                .collect(),
        }
    }

    pub fn get(&self, field: &str) -> Option<&String> {
        self.messages
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, m)| m)
    }

    pub fn is_empty(&self) -> bool {
        self.messages.is_empty()
    }

    pub fn all(&self) -> &[(String, String)] {
        &self.messages
    }
}
