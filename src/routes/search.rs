//! `/search`: the search box's results — names in any script or spelling, A-numbers and
//! case references, among the cases the reader may see.
//!
//! The box posts (`POST /search`); the query is held for the session in memory
//! ([`crate::stash`]) and the browser is sent to `/search/results/{opaque id}`, so no name,
//! A-number or date of birth is ever in a URL (issue 13). The API likewise takes the query in
//! the body of `POST /api/v1/clients/search`.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::auth::extractors::{ClientAddress, CurrentStaff, PageContext};
use crate::auth::policy;
use crate::domain::text;
use crate::error::AppError;
use crate::routes::errors::Problem;
use crate::routes::see_other;
use crate::routes::sessions::html::render;
use crate::services::search::{self, SearchHit};
use crate::stash;
use crate::state::AppState;

/// How long a search's results page can be reloaded (or returned to) before its text is
/// forgotten and the page asks to search again.
const SEARCH_KEPT_FOR_MINUTES: i64 = 60;

/// What the search box sends (`POST /search`, `POST /api/v1/clients/search`): in a body,
/// never in a URL, where proxies and browser histories would keep a client's name.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
pub struct SearchForm {
    /// Names in any script or spelling (partial words too), an A-number with or without
    /// dashes, or a case reference.
    #[serde(default)]
    #[schema(example = "Sokolova")]
    pub q: String,
}

impl SearchForm {
    /// A query longer than any name or number is cut rather than refused.
    fn query(self) -> String {
        self.q.chars().take(200).collect()
    }
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
    /// What is wrong with the query as typed.
    error: Option<String>,
    /// The results page named a search this session no longer holds.
    expired: bool,
}

impl SearchPage {
    fn blank(ctx: PageContext) -> Self {
        Self {
            ctx,
            q: String::new(),
            searched: false,
            hits: Vec::new(),
            more: false,
            too_short: false,
            error: None,
            expired: false,
        }
    }
}

fn search_key(id: uuid::Uuid) -> String {
    format!("search:{id}")
}

/// `GET /search`: the search box on a page of its own. A `q` in the URL is not read: the
/// box posts, so a name typed into it never lands in a URL.
pub async fn form(current: CurrentStaff, ctx: PageContext) -> Result<HttpResponse, AppError> {
    policy::can_use_app(&current.staff)?;
    render(SearchPage::blank(ctx), StatusCode::OK)
}

/// `POST /search`: holds the query for this session and redirects to its results page,
/// whose URL carries only an opaque id.
pub async fn submit(
    req: HttpRequest,
    state: web::Data<AppState>,
    current: CurrentStaff,
    ctx: PageContext,
    form: web::Form<SearchForm>,
) -> Result<HttpResponse, AppError> {
    policy::can_use_app(&current.staff)?;
    let q = form.into_inner().query();
    if let Err(message) = text::check_line(&q) {
        let error = Some(ctx.message(&message));
        let page = SearchPage {
            q,
            error,
            ..SearchPage::blank(ctx)
        };
        return render(page, StatusCode::UNPROCESSABLE_ENTITY);
    }
    if q.trim().is_empty() {
        return Ok(see_other("/search"));
    }
    let id = uuid::Uuid::new_v4();
    state.stash.put(
        &stash::holder(&req)?,
        &search_key(id),
        q,
        state.now(),
        chrono::Duration::minutes(SEARCH_KEPT_FOR_MINUTES),
    );
    Ok(see_other(&format!("/search/results/{id}")))
}

/// `GET /search/results/{id}`: the results of a search this session made; reloading runs
/// it again (results change as files do). Another session's id, or a forgotten one, shows
/// the empty box and says to search again.
pub async fn results(
    req: HttpRequest,
    state: web::Data<AppState>,
    current: CurrentStaff,
    ctx: PageContext,
    address: ClientAddress,
    id: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    policy::can_use_app(&current.staff)?;
    let held = match id.parse::<uuid::Uuid>() {
        Ok(id) => state
            .stash
            .get(&stash::holder(&req)?, &search_key(id), state.now()),
        Err(_) => None,
    };
    let Some(q) = held else {
        let page = SearchPage {
            expired: true,
            ..SearchPage::blank(ctx)
        };
        return render(page, StatusCode::OK);
    };
    let results = search::search(&state, &current.staff, &q, address.0).await?;
    render(
        SearchPage {
            searched: !q.trim().is_empty(),
            q,
            hits: results.hits,
            more: results.more,
            too_short: results.too_short,
            ..SearchPage::blank(ctx)
        },
        StatusCode::OK,
    )
}

#[derive(Debug, Serialize, ToSchema)]
pub struct PersonHitJson {
    /// `reference`, `a_number`, `exact`, `transliteration`, `equivalent`, `similar`,
    /// `prefix` or `most_words` (every word of the query but one), strongest first.
    pub matched_by: String,
    pub client_id: uuid::Uuid,
    /// `null` for the client (principal applicant), else the family relationship's code.
    pub relationship: Option<String>,
    /// The Latin name as in the passport.
    pub name: String,
    /// The name in the native script, if recorded.
    pub native_name: String,
    pub date_of_birth: Option<NaiveDate>,
    /// For a family member, the client's name.
    pub client_name: String,
    pub case_id: uuid::Uuid,
    pub reference: String,
    pub stage: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SearchResultsJson {
    /// Best matches first: references and A-numbers, then exact names, then spellings.
    pub results: Vec<PersonHitJson>,
    /// More matched than are returned (at most 50).
    pub more: bool,
    /// The query had no word of two letters or more, nor a number to look up.
    pub too_short: bool,
}

/// Find clients and their family members by name in any script or spelling, A-number or case
/// reference, among the cases the reader may see. The query travels in the body, never in the
/// URL: a client's name must not reach proxy logs.
#[utoipa::path(
    post,
    path = "/api/v1/clients/search",
    tag = "cases",
    security(("bearer" = [])),
    request_body = SearchForm,
    responses(
        (status = 200, description = "Matching people, best first", body = SearchResultsJson),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn search_api(
    state: web::Data<AppState>,
    current: CurrentStaff,
    address: ClientAddress,
    form: web::Json<SearchForm>,
) -> Result<web::Json<SearchResultsJson>, AppError> {
    let q = form.into_inner().query();
    let results = search::search(&state, &current.staff, &q, address.0).await?;
    Ok(web::Json(SearchResultsJson {
        results: results
            .hits
            .into_iter()
            .map(|hit| PersonHitJson {
                matched_by: hit.kind.as_str().to_string(),
                client_id: hit.person.client_id,
                relationship: hit.person.relationship,
                name: hit.person.name,
                native_name: hit.person.native_name,
                date_of_birth: hit.person.date_of_birth,
                client_name: hit.person.client_name,
                case_id: hit.person.case_id,
                reference: hit.person.reference,
                stage: hit.person.stage,
            })
            .collect(),
        more: results.more,
        too_short: results.too_short,
    }))
}
