//! `/inquiry`: the public inquiry form, for anyone asking the office for help, in English,
//! Russian, Ukrainian or Spanish (from `?lang=` or the browser's `Accept-Language`). Open
//! only while the office settings switch it on. Defences without JavaScript or a
//! third-party CAPTCHA: a hidden honeypot field, a signed time stamp (too fast or a day
//! old is refused, the form shown again as typed), the anonymous limiter, a body limit and
//! caps on unreviewed inquiries (`services::inquiries`).

use actix_web::http::{StatusCode, header};
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use chrono::Duration;
use serde::Deserialize;

use crate::auth::csrf::RefusedForm;
use crate::auth::extractors::{ClientAddress, PageContext};
use crate::domain::codes;
use crate::domain::inquiry::{InquiryForm, Whereabouts};
use crate::error::{AppError, Message};
use crate::i18n::{I18n, Language};
use crate::routes::errors::FormErrors;
use crate::routes::see_other;
use crate::routes::sessions::html::render;
use crate::services::inquiries::{self, Submission};
use crate::services::office_settings;
use crate::state::AppState;

/// What the time stamp of this form is signed for.
const STAMP_PURPOSE: &str = "inquiry";
/// A form shown longer ago than this is refused (shown again with a fresh stamp).
const STAMP_LIFETIME: Duration = Duration::days(1);
/// The hidden field people never see and robots fill in.
const HONEYPOT: &str = "website";

#[derive(Template)]
#[template(path = "inquiry/form.html")]
pub struct InquiryPage {
    ctx: PageContext,
    office_name: String,
    form: InquiryForm,
    errors: FormErrors,
    /// A problem with the whole form (timing, caps), above it.
    problem: Option<String>,
    stamp: String,
    countries: Vec<(&'static str, &'static str)>,
    languages: Vec<(&'static str, &'static str)>,
    page_languages: [Language; 4],
    whereabouts: [Whereabouts; 3],
}

impl InquiryPage {
    fn new(state: &AppState, ctx: PageContext, office_name: String, form: InquiryForm) -> Self {
        let language = ctx.i18n.language();
        Self {
            office_name,
            form,
            errors: FormErrors::default(),
            problem: None,
            stamp: state.form_key.stamp(STAMP_PURPOSE, state.now()),
            countries: codes::countries(language),
            languages: codes::languages(language),
            page_languages: Language::PUBLIC,
            whereabouts: Whereabouts::ALL,
            ctx,
        }
    }

    fn checked(&self, value: &Option<String>) -> bool {
        crate::domain::inquiry::is_ticked(value)
    }
}

#[derive(Template)]
#[template(path = "inquiry/received.html")]
pub struct ReceivedPage {
    ctx: PageContext,
    office_name: String,
}

#[derive(Debug, Deserialize)]
pub struct PageQuery {
    lang: Option<String>,
    sent: Option<String>,
}

/// The page's language: the one asked for with `?lang=` (or the form's hidden field), else
/// the browser's first public language.
fn page_language(req: &HttpRequest, asked: Option<&str>) -> Language {
    asked
        .and_then(Language::parse)
        .filter(|language| Language::PUBLIC.contains(language))
        .unwrap_or_else(|| {
            req.headers()
                .get(header::ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok())
                .map(|h| Language::from_accept_language_among(h, &Language::PUBLIC))
                .unwrap_or_default()
        })
}

fn in_language(mut ctx: PageContext, language: Language) -> PageContext {
    ctx.i18n = I18n::new(language);
    ctx
}

/// Open only while switched on; otherwise there is nothing here.
async fn office_name(state: &AppState) -> Result<String, AppError> {
    office_settings::public_inquiry(state)
        .await?
        .map(|name| name.as_str().to_string())
        .ok_or(AppError::NotFound)
}

pub async fn form(
    req: HttpRequest,
    state: web::Data<AppState>,
    ctx: PageContext,
    query: web::Query<PageQuery>,
) -> Result<HttpResponse, AppError> {
    let office_name = office_name(&state).await?;
    let language = page_language(&req, query.lang.as_deref());
    let ctx = in_language(ctx, language);
    if query.sent.is_some() {
        return render(ReceivedPage { ctx, office_name }, StatusCode::OK);
    }
    let page = InquiryPage::new(&state, ctx, office_name, InquiryForm::blank(language));
    render(page, StatusCode::OK)
}

/// The form as posted: the answers, and the fields that are not answers.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct PostedInquiry {
    #[serde(flatten)]
    form: InquiryForm,
    lang: String,
    stamp: String,
    website: String,
}

pub async fn submit(
    req: HttpRequest,
    state: web::Data<AppState>,
    ctx: PageContext,
    address: ClientAddress,
    body: web::Bytes,
) -> Result<HttpResponse, AppError> {
    let is_form = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"));
    if !is_form {
        return Err(AppError::UnsupportedMediaType);
    }
    if body.len() > state.settings.inquiry.body_limit_bytes {
        return Err(AppError::PayloadTooLarge);
    }
    let posted: PostedInquiry = serde_urlencoded::from_bytes(&body)
        .map_err(|_| AppError::BadRequest(Message::new("error-form-invalid")))?;
    let office_name = office_name(&state).await?;
    let language = page_language(&req, Some(&posted.lang));
    let ctx = in_language(ctx, language);
    let received = see_other(&format!("/inquiry?sent=1&lang={}", language.code()));
    if !posted.website.trim().is_empty() {
        // A robot: it is told what a person would be, and nothing is kept.
        tracing::info!(
            honeypot = HONEYPOT,
            "inquiry form: honeypot filled, dropped"
        );
        return Ok(received);
    }
    let now = state.now();
    let min_age = Duration::seconds(state.settings.inquiry.min_seconds_to_fill);
    let timing = match state.form_key.stamp_age(STAMP_PURPOSE, &posted.stamp, now) {
        Some(age) if age < min_age => Some("inquiry-error-too-fast"),
        Some(age) if age > STAMP_LIFETIME => Some("inquiry-error-stale"),
        Some(_) => None,
        None => Some("inquiry-error-stale"),
    };
    let mut page = InquiryPage::new(&state, ctx, office_name, posted.form);
    if let Some(key) = timing {
        page.problem = Some(page.ctx.t(key));
        return render(page, StatusCode::UNPROCESSABLE_ENTITY);
    }
    let today = crate::services::cases::today(&state);
    let inquiry = match page.form.parse(today) {
        Ok(inquiry) => inquiry,
        Err(errors) => {
            page.errors = FormErrors::translate(&errors, &page.ctx.i18n);
            return render(page, StatusCode::UNPROCESSABLE_ENTITY);
        }
    };
    match inquiries::submit(&state, inquiry, language, address.0).await? {
        Submission::Received => Ok(received),
        refused => {
            let key = if refused == Submission::QueueFull {
                "inquiry-error-queue-full"
            } else {
                "inquiry-error-too-many-from-address"
            };
            page.problem = Some(page.ctx.t(key));
            render(page, StatusCode::TOO_MANY_REQUESTS)
        }
    }
}

/// The form refused for its CSRF token (shown more than two hours ago, or the browser lost
/// its cookie), shown again with everything typed and tokens that work
/// (`routes::refused_forms`).
pub async fn refused(
    req: HttpRequest,
    state: web::Data<AppState>,
    refused: RefusedForm,
) -> Result<HttpResponse, AppError> {
    let office_name = office_name(&state).await?;
    let language = page_language(&req, Some(&refused.get("lang")));
    let ctx = in_language(PageContext::current(&req), language);
    let checkbox = |name: &str| Some(refused.get(name)).filter(|v| !v.is_empty());
    let form = InquiryForm {
        family_name: refused.get("family_name"),
        given_name: refused.get("given_name"),
        native_name: refused.get("native_name"),
        phone: refused.get("phone"),
        phone_safe: checkbox("phone_safe"),
        email: refused.get("email"),
        email_safe: checkbox("email_safe"),
        messenger: refused.get("messenger"),
        messenger_safe: checkbox("messenger_safe"),
        nationality: refused.get("nationality"),
        whereabouts: refused.get("whereabouts"),
        last_arrival_on: refused.get("last_arrival_on"),
        detained: refused.get("detained"),
        has_hearing: refused.get("has_hearing"),
        hearing_on: refused.get("hearing_on"),
        travelling_family: refused.get("travelling_family"),
        preferred_language: refused.get("preferred_language"),
        account: refused.get("account"),
        consent: checkbox("consent"),
    };
    let mut page = InquiryPage::new(&state, ctx, office_name, form);
    page.problem = Some(page.ctx.t("inquiry-error-stale"));
    render(page, StatusCode::FORBIDDEN)
}
