//! `/cases/{id}/questionnaires`: the case's questionnaire links — make one in the client's
//! language (shown once here, and mailed to a safe address if asked), see each one's state,
//! revoke an open one.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use super::api::parse_case_id;
use crate::auth::extractors::{ClientAddress, CurrentStaff, PageContext};
use crate::domain::questionnaire::LinkState;
use crate::error::{AppError, FieldErrors, Message};
use crate::i18n::Language;
use crate::routes::errors::FormErrors;
use crate::routes::see_other;
use crate::routes::sessions::html::render;
use crate::services::questionnaires::{self, CaseLinks};
use crate::stash;
use crate::state::AppState;

/// How long a new link waits to be shown on the page the POST redirects to.
const LINK_SHOWN_WITHIN_MINUTES: i64 = 10;

fn link_key(case_id: uuid::Uuid) -> String {
    format!("questionnaire-link:{case_id}")
}

#[derive(Template)]
#[template(path = "cases/questionnaires.html")]
pub struct QuestionnairesPage {
    ctx: PageContext,
    case_id: uuid::Uuid,
    links: CaseLinks,
    /// The link just made, shown this once.
    new_link: Option<String>,
    notice: Option<String>,
    form: NewLinkForm,
    errors: FormErrors,
    languages: [Language; 4],
}

impl QuestionnairesPage {
    fn is_open(&self, state: &LinkState) -> bool {
        *state == LinkState::Open
    }

    fn chosen_language(&self) -> &str {
        if self.form.language.is_empty() {
            self.links.default_language.code()
        } else {
            &self.form.language
        }
    }
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct NewLinkForm {
    language: String,
    /// "on" to mail it to the client's safe address.
    email: String,
}

#[derive(Debug, Deserialize)]
pub struct ShowQuery {
    done: Option<String>,
}

async fn page(
    state: &AppState,
    current: &CurrentStaff,
    ctx: PageContext,
    case_id: uuid::Uuid,
    form: NewLinkForm,
    errors: &FieldErrors,
) -> Result<QuestionnairesPage, AppError> {
    let links = questionnaires::case_links(state, &current.staff, case_id).await?;
    let errors = FormErrors::translate(errors, &ctx.i18n);
    Ok(QuestionnairesPage {
        ctx,
        case_id,
        links,
        new_link: None,
        notice: None,
        form,
        errors,
        languages: Language::PUBLIC,
    })
}

pub async fn show(
    req: HttpRequest,
    state: web::Data<AppState>,
    current: CurrentStaff,
    ctx: PageContext,
    id: web::Path<String>,
    query: web::Query<ShowQuery>,
) -> Result<HttpResponse, AppError> {
    let case_id = parse_case_id(&id)?;
    let mut page = page(
        &state,
        &current,
        ctx,
        case_id,
        NewLinkForm::default(),
        &FieldErrors::default(),
    )
    .await?;
    // A link made by this session's POST is shown here once; reloading finds it gone.
    page.new_link = stash::holder(&req)
        .ok()
        .and_then(|holder| state.stash.take(&holder, &link_key(case_id), state.now()));
    page.notice = match (query.done.as_deref(), &page.new_link) {
        (Some("created"), Some(_)) => Some(page.ctx.t("questionnaire-created")),
        (Some("created"), None) => Some(page.ctx.t("questionnaire-link-gone")),
        (Some("emailed"), _) => Some(page.ctx.t("questionnaire-emailed")),
        (Some("revoked"), _) => Some(page.ctx.t("questionnaire-revoked")),
        _ => None,
    };
    render(page, StatusCode::OK)
}

/// `POST /cases/{id}/questionnaires`: a new link, then back to the page that shows it once.
pub async fn create(
    req: HttpRequest,
    state: web::Data<AppState>,
    current: CurrentStaff,
    ctx: PageContext,
    address: ClientAddress,
    id: web::Path<String>,
    form: web::Form<NewLinkForm>,
) -> Result<HttpResponse, AppError> {
    let case_id = parse_case_id(&id)?;
    let form = form.into_inner();
    let email = !form.email.is_empty();
    let outcome = match Language::parse(&form.language).filter(|l| Language::PUBLIC.contains(l)) {
        Some(language) => {
            questionnaires::create(&state, &current.staff, case_id, language, email, address.0)
                .await
        }
        None => {
            // Said only to someone who may make links: anyone else hears 403 or 404.
            questionnaires::case_links(&state, &current.staff, case_id).await?;
            let mut errors = FieldErrors::default();
            errors.push("language", Message::new("questionnaire-error-language"));
            Err(AppError::Validation(errors))
        }
    };
    match outcome {
        Ok(link) => {
            // Held for this session's next view of the page: the link never goes into a
            // URL, and reloading neither repeats the POST nor shows it again.
            state.stash.put(
                &stash::holder(&req)?,
                &link_key(case_id),
                link,
                state.now(),
                chrono::Duration::minutes(LINK_SHOWN_WITHIN_MINUTES),
            );
            let done = if email { "emailed" } else { "created" };
            Ok(see_other(&format!(
                "/cases/{case_id}/questionnaires?done={done}"
            )))
        }
        Err(AppError::Validation(errors)) => {
            let page = page(&state, &current, ctx, case_id, form, &errors).await?;
            render(page, StatusCode::UNPROCESSABLE_ENTITY)
        }
        Err(err) => Err(err),
    }
}

/// `POST /cases/{id}/questionnaires/{questionnaire_id}/revoke`.
pub async fn revoke(
    state: web::Data<AppState>,
    current: CurrentStaff,
    address: ClientAddress,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, AppError> {
    let (id, questionnaire_id) = path.into_inner();
    let case_id = parse_case_id(&id)?;
    // A malformed id names no link; it is looked up (and not found) only after the actor
    // is authorized for the case.
    let questionnaire_id = questionnaire_id.parse().unwrap_or(uuid::Uuid::nil());
    questionnaires::revoke(&state, &current.staff, case_id, questionnaire_id, address.0).await?;
    Ok(see_other(&format!(
        "/cases/{case_id}/questionnaires?done=revoked"
    )))
}
