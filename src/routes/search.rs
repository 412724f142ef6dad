//! `/search`: the search box's results — names in any script or spelling, A-numbers and
//! case references, among the cases the reader may see.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use crate::auth::extractors::{CurrentStaff, PageContext};
use crate::auth::policy;
use crate::error::AppError;
use crate::routes::sessions::html::render;
use crate::services::search::{self, SearchHit};
use crate::state::AppState;

#[derive(Debug, Clone, Default, Deserialize)]
pub struct SearchForm {
    #[serde(default)]
    pub q: String,
}

#[derive(Template)]
#[template(path = "search/results.html")]
pub struct SearchPage {
    ctx: PageContext,
    q: String,
    searched: bool,
    hits: Vec<SearchHit>,
    more: bool,
    too_short: bool,
}

pub async fn search(
    state: web::Data<AppState>,
    current: CurrentStaff,
    ctx: PageContext,
    form: web::Query<SearchForm>,
) -> Result<HttpResponse, AppError> {
    policy::can_use_app(&current.staff)?;
    // A query longer than any name or number is cut rather than refused.
    let q: String = form.into_inner().q.chars().take(200).collect();
    let results = search::search(&state, &current.staff, &q).await?;
    render(
        SearchPage {
            ctx,
            searched: !q.trim().is_empty(),
            q,
            hits: results.hits,
            more: results.more,
            too_short: results.too_short,
        },
        StatusCode::OK,
    )
}
