//! `/lock`: the emergency lock. `GET /lock` asks for an email and mails that person a lock
//! link; `GET /lock/{token}` asks to confirm (mail scanners open links: a GET never locks);
//! `POST /lock/{token}` locks. All anonymous: a person whose devices were taken is not
//! signed in anywhere they still hold.

use actix_web::http::{StatusCode, header};
use actix_web::{HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use crate::auth::extractors::{ClientAddress, PageContext};
use crate::error::{AppError, Message};
use crate::routes::see_other;
use crate::routes::sessions::html::render;
use crate::services::lock;
use crate::state::AppState;

#[derive(Template)]
#[template(path = "lock/request.html")]
pub struct RequestPage {
    ctx: PageContext,
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

#[derive(Template)]
#[template(path = "lock/confirm.html")]
pub struct ConfirmPage {
    ctx: PageContext,
    token: String,
    /// The link still locks; otherwise the page says it was used or has expired.
    usable: bool,
    locked: bool,
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
        },
        status,
    )
}

pub async fn confirm(
    state: web::Data<AppState>,
    ctx: PageContext,
    address: ClientAddress,
    token: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let token = token.into_inner();
    let locked = lock::lock_with_link(&state, token.clone(), address.0).await?;
    let status = if locked {
        StatusCode::OK
    } else {
        StatusCode::NOT_FOUND
    };
    render(
        ConfirmPage {
            ctx,
            token: String::new(),
            usable: false,
            locked,
        },
        status,
    )
}
