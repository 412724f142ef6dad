//! `/search`: the search box's results — names in any script or spelling, A-numbers and
//! case references, among the cases the reader may see.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::auth::extractors::{CurrentStaff, PageContext};
use crate::auth::policy;
use crate::error::AppError;
use crate::routes::errors::Problem;
use crate::routes::sessions::html::render;
use crate::services::search::{self, SearchHit};
use crate::state::AppState;

#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SearchForm {
    /// Names in any script or spelling (partial words too), an A-number with or without
    /// dashes, or a case reference.
    #[serde(default)]
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
}

pub async fn search(
    state: web::Data<AppState>,
    current: CurrentStaff,
    ctx: PageContext,
    form: web::Query<SearchForm>,
) -> Result<HttpResponse, AppError> {
    policy::can_use_app(&current.staff)?;
    let q = form.into_inner().query();
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
/// reference, among the cases the reader may see.
#[utoipa::path(
    get,
    path = "/api/v1/clients",
    tag = "cases",
    security(("bearer" = [])),
    params(SearchForm),
    responses(
        (status = 200, description = "Matching people, best first", body = SearchResultsJson),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn search_api(
    state: web::Data<AppState>,
    current: CurrentStaff,
    form: web::Query<SearchForm>,
) -> Result<web::Json<SearchResultsJson>, AppError> {
    let q = form.into_inner().query();
    let results = search::search(&state, &current.staff, &q).await?;
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
