//! The forms of people who are not signed in (login, setup, invitation, the emergency lock)
//! shown again when their CSRF token is refused (expired, tampered with, missing, another
//! browser's): the same form with what was typed (never a password or a code:
//! `auth::csrf::RefusedForm` drops them), a message asking to send it again, and a fresh
//! token — not an error page that loses the typing. The refusal keeps its status and is on
//! record all the same (`routes::refusals`).
//!
//! An endpoint says how its form is shown again (`Endpoint::shown_again_when_refused`);
//! [`offer`] carries that to the request, and [`show_again`] uses it when the error pages
//! render the refusal.

use std::future::Future;
use std::pin::Pin;

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::StatusCode;
use actix_web::middleware::Next;
use actix_web::{HttpMessage, HttpRequest, HttpResponse, web};

use crate::auth::csrf::RefusedForm;
use crate::error::AppError;
use crate::state::AppState;

/// A form page being rendered again.
pub type ShownAgain = Pin<Box<dyn Future<Output = Result<HttpResponse, AppError>>>>;

/// Renders a route's form again from what its refused request carried.
pub type ShowAgain = fn(HttpRequest, web::Data<AppState>, RefusedForm) -> ShownAgain;

#[derive(Clone, Copy)]
struct FormShownAgain(ShowAgain);

/// Middleware of one route: remembers on the request how its form is shown again.
/// The `{token}` of a refused form's path: the setup, invitation, lock and questionnaire
/// links all carry their token there, and each refused form is shown again under it.
pub fn path_token(req: &HttpRequest) -> String {
    req.match_info()
        .get("token")
        .unwrap_or_default()
        .to_string()
}

pub async fn offer(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
    show: ShowAgain,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    req.extensions_mut().insert(FormShownAgain(show));
    next.call(req).await
}

/// The form of a request refused for its CSRF token, shown again with `status`, when its
/// route has one to show and the request was a form. A form that can no longer be shown
/// (its link was used meanwhile) answers with that error's page instead.
pub async fn show_again(req: &HttpRequest, status: StatusCode) -> Option<HttpResponse> {
    let show = req.extensions().get::<FormShownAgain>().copied()?;
    let refused = req.extensions().get::<RefusedForm>().cloned()?;
    let state = req.app_data::<web::Data<AppState>>().cloned()?;
    Some(match (show.0)(req.clone(), state, refused).await {
        Ok(mut response) => {
            *response.status_mut() = status;
            response
        }
        Err(err) => super::errors::render(req, &err),
    })
}
