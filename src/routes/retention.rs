//! `/admin/retention`: the clients' files due for deletion under the office's retention rule,
//! and the administrator's confirmation that deletes them (all listed or those selected).

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use crate::auth::extractors::{Authorized, ClientAddress, PageContext, PurgeCases};
use crate::error::{AppError, Message};
use crate::routes::see_other;
use crate::routes::sessions::html::render;
use crate::services::retention::{self, RetentionList};
use crate::state::AppState;

#[derive(Template)]
#[template(path = "retention/list.html")]
pub struct RetentionPage {
    ctx: PageContext,
    list: RetentionList,
    notice: Option<String>,
}

#[derive(Debug, Deserialize)]
pub struct ShowQuery {
    purged: Option<usize>,
}

pub async fn show(
    state: web::Data<AppState>,
    admin: Authorized<PurgeCases>,
    ctx: PageContext,
    query: web::Query<ShowQuery>,
) -> Result<HttpResponse, AppError> {
    let list = retention::due(&state, admin.staff()).await?;
    let notice = query.purged.map(|count| match count {
        0 => ctx.t("retention-none-selected"),
        _ => ctx.t1("retention-purged", "count", count),
    });
    render(RetentionPage { ctx, list, notice }, StatusCode::OK)
}

/// The confirmation: one `case` field per file to delete (the list's checkboxes).
pub async fn purge(
    state: web::Data<AppState>,
    admin: Authorized<PurgeCases>,
    address: ClientAddress,
    form: web::Form<Vec<(String, String)>>,
) -> Result<HttpResponse, AppError> {
    let mut confirmed = Vec::new();
    for (name, value) in form.into_inner() {
        if name == "case" {
            let id = uuid::Uuid::parse_str(value.trim())
                .map_err(|_| AppError::BadRequest(Message::new("retention-bad-case")))?;
            confirmed.push(id);
        }
    }
    let purged = retention::purge_confirmed(&state, admin.staff(), confirmed, address.0).await?;
    Ok(see_other(&format!("/admin/retention?purged={purged}")))
}
