//! One error type for the whole application. Routes render it as an HTML page or a JSON
//! problem document (`routes::errors`); internals never reach the user.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, ResponseError};
use serde::Serialize;

use crate::domain::audit::RefusalReason;
use crate::domain::i589::Completeness;

/// A user-facing message: a translation catalogue key and its arguments.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Message {
    pub key: &'static str,
    pub args: Vec<(&'static str, MessageArg)>,
}

/// An argument of a message: text as it is, or a catalogue key translated along with the
/// message (a stage's name, say, so a Russian reader never sees `drafting`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum MessageArg {
    Text(String),
    Label(&'static str),
}

impl Message {
    pub const fn new(key: &'static str) -> Self {
        Self {
            key,
            args: Vec::new(),
        }
    }

    pub fn with(mut self, name: &'static str, value: impl ToString) -> Self {
        self.args.push((name, MessageArg::Text(value.to_string())));
        self
    }

    /// An argument that is itself a catalogue key, translated into the reader's language.
    pub fn with_label(mut self, name: &'static str, key: &'static str) -> Self {
        self.args.push((name, MessageArg::Label(key)));
        self
    }
}

/// A problem with one input field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    /// The form field's name; rows are named like `family.2.date_of_birth`.
    pub field: String,
    pub message: Message,
}

impl FieldError {
    pub fn new(field: impl Into<String>, message: Message) -> Self {
        Self {
            field: field.into(),
            message,
        }
    }
}

/// The problems found in one submitted form or JSON body.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FieldErrors(Vec<FieldError>);

impl FieldErrors {
    pub fn push(&mut self, field: impl Into<String>, message: Message) {
        self.0.push(FieldError::new(field, message));
    }

    /// Keeps the parsed value, or records the field's problem and yields `None`.
    pub fn check<T>(&mut self, field: impl Into<String>, parsed: Result<T, Message>) -> Option<T> {
        match parsed {
            Ok(value) => Some(value),
            Err(message) => {
                self.push(field, message);
                None
            }
        }
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn get(&self, field: &str) -> Option<&Message> {
        self.0.iter().find(|e| e.field == field).map(|e| &e.message)
    }

    pub fn iter(&self) -> impl Iterator<Item = &FieldError> {
        self.0.iter()
    }

    /// `Ok(())` when nothing was recorded.
    pub fn into_result(self) -> Result<(), AppError> {
        if self.is_empty() {
            Ok(())
        } else {
            Err(AppError::Validation(self))
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("authentication required")]
    LoginRequired,
    /// Refused for the staff member's role (`access.denied`, reason `role`).
    #[error("forbidden")]
    Forbidden,
    /// Refused for another reason than the role: a case not assigned, a missing second
    /// factor. Answers 403 like `Forbidden`; the audit entry says why.
    #[error("forbidden: {}", .0.code())]
    Refused(RefusalReason),
    #[error("missing or invalid CSRF token")]
    Csrf,
    #[error("not found")]
    NotFound,
    #[error("method not allowed")]
    MethodNotAllowed,
    #[error("bad request: {}", .0.key)]
    BadRequest(Message),
    #[error("validation failed")]
    Validation(FieldErrors),
    /// One query parameter or body field that no parser should see (a NUL byte, say).
    #[error("bad request: field {}", .0.field)]
    BadField(FieldError),
    #[error("conflict: {}", .0.key)]
    Conflict(Message),
    /// A move to `filed` refused while the I-589 has items missing (409): the check's result,
    /// whose missing items the page lists and the problem document carries.
    #[error("conflict: {} I-589 items missing", .0.missing_count())]
    I589Incomplete(Box<Completeness>),
    #[error("too many attempts")]
    TooManyRequests { retry_after_seconds: i64 },
    #[error("request body too large")]
    PayloadTooLarge,
    #[error("unsupported media type")]
    UnsupportedMediaType,
    #[error("service unavailable")]
    Unavailable(#[source] anyhow::Error),
    #[error("internal error")]
    Internal(#[source] anyhow::Error),
}

impl AppError {
    pub fn internal(err: impl Into<anyhow::Error>) -> Self {
        Self::Internal(err.into())
    }

    /// The catalogue keys of the title and explanation shown to the user.
    pub fn message(&self) -> (&'static str, Message) {
        match self {
            Self::LoginRequired => (
                "error-unauthorized-title",
                Message::new("error-unauthorized"),
            ),
            Self::Forbidden | Self::Refused(_) => {
                ("error-forbidden-title", Message::new("error-forbidden"))
            }
            Self::Csrf => ("error-forbidden-title", Message::new("error-csrf")),
            Self::NotFound => ("error-not-found-title", Message::new("error-not-found")),
            Self::MethodNotAllowed => (
                "error-method-not-allowed-title",
                Message::new("error-method-not-allowed"),
            ),
            Self::BadRequest(message) => ("error-bad-request-title", message.clone()),
            Self::Validation(_) => ("error-validation-title", Message::new("error-validation")),
            Self::BadField(error) => (
                "error-bad-request-title",
                Message::new("error-field-refused")
                    .with("field", &error.field)
                    .with_label("reason", error.message.key),
            ),
            Self::Conflict(message) => ("error-conflict-title", message.clone()),
            Self::I589Incomplete(check) => (
                "error-conflict-title",
                Message::new("i589-filing-refused").with("count", check.missing_count()),
            ),
            Self::TooManyRequests {
                retry_after_seconds,
            } => (
                "error-too-many-title",
                Message::new("error-too-many").with("seconds", retry_after_seconds),
            ),
            Self::PayloadTooLarge => (
                "error-payload-too-large-title",
                Message::new("error-payload-too-large"),
            ),
            Self::UnsupportedMediaType => (
                "error-unsupported-media-type-title",
                Message::new("error-unsupported-media-type"),
            ),
            Self::Unavailable(_) => ("error-unavailable-title", Message::new("error-unavailable")),
            Self::Internal(_) => ("error-internal-title", Message::new("error-internal")),
        }
    }
}

impl AppError {
    /// Why the request was refused, when this error is a refusal (`access.denied`).
    pub fn refusal_reason(&self) -> Option<RefusalReason> {
        match self {
            Self::Forbidden => Some(RefusalReason::Role),
            Self::Refused(reason) => Some(*reason),
            Self::Csrf => Some(RefusalReason::Csrf),
            Self::TooManyRequests { .. } => Some(RefusalReason::Throttled),
            _ => None,
        }
    }
}

impl ResponseError for AppError {
    fn status_code(&self) -> StatusCode {
        match self {
            Self::LoginRequired => StatusCode::UNAUTHORIZED,
            Self::Forbidden | Self::Refused(_) | Self::Csrf => StatusCode::FORBIDDEN,
            Self::NotFound => StatusCode::NOT_FOUND,
            Self::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            Self::BadRequest(_) | Self::BadField(_) => StatusCode::BAD_REQUEST,
            Self::Validation(_) => StatusCode::UNPROCESSABLE_ENTITY,
            Self::Conflict(_) | Self::I589Incomplete(_) => StatusCode::CONFLICT,
            Self::TooManyRequests { .. } => StatusCode::TOO_MANY_REQUESTS,
            Self::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            Self::UnsupportedMediaType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            Self::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
            Self::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// A bare response; the `render_errors` middleware gives it its page or problem body,
    /// in the reader's language.
    fn error_response(&self) -> HttpResponse {
        HttpResponse::build(self.status_code()).finish()
    }
}

impl From<diesel::result::Error> for AppError {
    fn from(err: diesel::result::Error) -> Self {
        use diesel::result::{DatabaseErrorKind, Error};
        match err {
            Error::NotFound => Self::NotFound,
            Error::DatabaseError(DatabaseErrorKind::UniqueViolation, _) => {
                Self::Conflict(Message::new("error-conflict-duplicate"))
            }
            other => Self::Internal(other.into()),
        }
    }
}

impl From<r2d2::Error> for AppError {
    fn from(err: r2d2::Error) -> Self {
        Self::Unavailable(err.into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refusals_and_only_refusals_have_a_reason() {
        let cases = [
            (AppError::Forbidden, Some(RefusalReason::Role)),
            (
                AppError::Refused(RefusalReason::NotAssigned),
                Some(RefusalReason::NotAssigned),
            ),
            (
                AppError::Refused(RefusalReason::SecondFactor),
                Some(RefusalReason::SecondFactor),
            ),
            (AppError::Csrf, Some(RefusalReason::Csrf)),
            (
                AppError::TooManyRequests {
                    retry_after_seconds: 3,
                },
                Some(RefusalReason::Throttled),
            ),
            (AppError::LoginRequired, None),
            (AppError::NotFound, None),
            (AppError::MethodNotAllowed, None),
        ];
        for (error, reason) in cases {
            assert_eq!(error.refusal_reason(), reason, "{error:?}");
            if reason.is_some_and(|r| r != RefusalReason::Throttled) {
                assert_eq!(error.status_code(), StatusCode::FORBIDDEN, "{error:?}");
            }
        }
    }
}
