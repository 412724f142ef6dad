//! `/questionnaire/{token}`: the pages a client fills in the intake on, under a link a
//! lawyer made (`services::questionnaires`), without signing in and without JavaScript.
//!
//! Steps: about you, family, background, journey, entry, what happened, questions, check and
//! send (`?step=`); a step's lists have an add button each (`add:residences`) and a remove
//! button per row (`remove:residences:2`). Every POST saves what was typed into the link's
//! draft first, whatever else happens — a problem shows the step again with each message at
//! its field, and "finish later" says until when the same link works; opening it again
//! resumes. The language is the link's, or the one
//! chosen with the switcher (`?lang=`, carried by the forms). A token that opens no link is
//! answered with the same 404 whatever it is; an expired or revoked link with a kind page
//! asking the office for a new one, answers posted to it being kept all the same.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use crate::auth::csrf::RefusedForm;
use crate::auth::extractors::{ClientAddress, PageContext};
use crate::domain::intake;
use crate::domain::questionnaire::{LinkState, Step, client_label_key};
use crate::error::{AppError, FieldErrors, Message};
use crate::i18n::{I18n, Language};
use crate::routes::cases::intake::form::IntakeForm;
use crate::routes::cases::intake::{
    Choice, Choices, date_type, described_by, every_problem, field_label, options_for, pickers,
};
use crate::routes::errors::FormErrors;
use crate::routes::sessions::html::render;
use crate::routes::{refused_forms, see_other};
use crate::services::cases::today;
use crate::services::questionnaires::{self, Posted, PublicLink, draft_fits, link_path};
use crate::state::AppState;

/// The most one step's answers may hold (decoded): several long accounts of what happened.
const MAX_STEP_BYTES: usize = 512 * 1024;

/// One step's answers on the check page.
pub struct StepAnswers {
    step: Step,
    /// The step's page, to change them.
    href: String,
    /// (label, value as read)
    lines: Vec<(String, String)>,
}

#[derive(Template)]
#[template(path = "questionnaire/step.html")]
pub struct StepPage {
    ctx: PageContext,
    token: String,
    office_name: String,
    step: Step,
    steps: [Step; 8],
    form: IntakeForm,
    errors: FormErrors,
    choices: Choices,
    page_languages: [Language; 4],
    /// The last day the link works, in the office's time zone.
    until: String,
    /// A problem with the whole page (it was open too long, the answers are too long).
    problem: Option<String>,
    notice: Option<String>,
}

impl StepPage {
    fn new(
        ctx: PageContext,
        token: String,
        link: &PublicLink,
        step: Step,
        form: IntakeForm,
    ) -> Self {
        let choices = Choices::new(&ctx, &[], &form);
        let until = link
            .expires_at
            .with_timezone(&ctx.time_zone)
            .date_naive()
            .to_string();
        Self {
            token,
            office_name: link.office_name.clone(),
            step,
            steps: Step::ALL,
            form,
            errors: FormErrors::default(),
            choices,
            page_languages: Language::PUBLIC,
            until,
            problem: None,
            notice: None,
            ctx,
        }
    }

    fn with_errors(mut self, errors: &FieldErrors) -> Self {
        self.errors = FormErrors::translate(errors, &self.ctx.i18n);
        self
    }

    fn action(&self) -> String {
        link_path(&self.token)
    }

    /// "Step 3 of 8".
    fn step_of(&self) -> String {
        self.ctx.i18n.message(
            &Message::new("questionnaire-step-of")
                .with("number", self.step.number())
                .with("total", Step::ALL.len()),
        )
    }

    /// A step's page in this page's language.
    fn href(&self, step: &Step) -> String {
        format!(
            "{}?step={}&lang={}",
            link_path(&self.token),
            step.as_str(),
            self.ctx.lang()
        )
    }

    /// This page in another language.
    fn in_language(&self, language: &Language) -> String {
        format!(
            "{}?step={}&lang={}",
            link_path(&self.token),
            self.step.as_str(),
            language.code()
        )
    }

    fn value(&self, field: &str) -> &str {
        self.form.value(field)
    }

    /// A field's label as a client reads it ([`client_label_key`]).
    fn label(&self, field: &str) -> &'static str {
        client_label_key(&intake::general_path(field)).unwrap_or_default()
    }

    /// How the error summary and the check page name a field: the client's wording where
    /// the step has its own, else the intake page's (after its row's name for a row).
    /// A question's explanation is named after its question.
    fn name_of(&self, field: &str) -> Option<String> {
        let general = intake::general_path(field);
        if let Some(question) = general.strip_suffix(".explanation") {
            let asked = self.name_of(&format!("{question}.answer"))?;
            return Some(format!("{asked} — {}", self.ctx.t(self.label(field))));
        }
        match client_label_key(&general) {
            Some(key) if Some(key) != intake::label_key(&general) => Some(self.ctx.t(key)),
            _ => field_label(&self.ctx, field),
        }
    }

    fn checked(&self, field: &str) -> bool {
        self.form.checked(field)
    }

    /// What a picker offers before anything is chosen: a client is asked to choose.
    fn blank_choice(&self) -> &'static str {
        "inquiry-choose"
    }

    fn date_type(&self, field: &str) -> &'static str {
        date_type(self.value(field))
    }

    fn described_by(&self, field: &str, hint: bool) -> String {
        described_by(&self.errors, field, hint)
    }

    fn options(&self, field: &str, choices: &[(String, String)]) -> Vec<Choice> {
        options_for(self.value(field), choices)
    }

    fn pickers(&self, field: &str) -> Vec<(String, String)> {
        pickers(&self.form, field)
    }

    fn list_options(&self, current: &str, choices: &[(String, String)]) -> Vec<Choice> {
        options_for(current, choices)
    }

    fn field(&self, section: &str, index: usize, name: &str) -> String {
        format!("{section}.{index}.{name}")
    }

    fn rows(&self, section: &str) -> usize {
        self.form.rows(section)
    }

    /// The placeholder that keeps an empty row counted across submissions.
    fn row_marker(&self, section: &str, index: usize) -> &str {
        match self.value(&format!("{section}.{index}.row")) {
            "" => "new",
            marker => marker,
        }
    }

    /// The catalogue keys of a list's rows, as the intake page has them: (one row, add
    /// one, remove one, none yet). Part A.III's lists say "none" with a box of their own.
    fn row_keys(&self, section: &str) -> RowKeys {
        let (row, add, remove, none) = match section {
            "family" => (
                "intake-family-member",
                "intake-family-add",
                "intake-family-remove",
                "intake-family-none",
            ),
            "journey" => (
                "intake-journey-leg",
                "intake-journey-add",
                "intake-journey-remove",
                "intake-journey-none",
            ),
            "us_entries" => (
                "i589a-entry",
                "i589a-entry-add",
                "i589a-entry-remove",
                "i589a-entries-none",
            ),
            "residences" => (
                "background-residence-item",
                "background-residence-add",
                "background-residence-remove",
                "",
            ),
            "schools" => (
                "background-school-item",
                "background-school-add",
                "background-school-remove",
                "",
            ),
            "jobs" => (
                "background-job-item",
                "background-job-add",
                "background-job-remove",
                "",
            ),
            "siblings" => (
                "background-sibling-item",
                "background-sibling-add",
                "background-sibling-remove",
                "",
            ),
            _ => (
                "intake-persecution-event",
                "intake-persecution-add",
                "intake-persecution-remove",
                "intake-persecution-none",
            ),
        };
        RowKeys {
            row,
            add,
            remove,
            none,
        }
    }

    /// The error summary's lines: where the field is (its step's page for the check
    /// page), and its label with the message.
    fn summary(&self) -> Vec<(String, String)> {
        self.errors
            .all()
            .iter()
            .map(|(field, message)| {
                let text = match self.name_of(field) {
                    Some(label) => format!("{label}: {message}"),
                    None => message.clone(),
                };
                let href = match (self.step, Step::of(field)) {
                    (Step::Check, Some(step)) => format!("{}#{field}", self.href(&step)),
                    _ => format!("#{field}"),
                };
                (href, text)
            })
            .collect()
    }

    /// For the check page: each step's answers.
    fn answers(&self) -> Vec<StepAnswers> {
        Step::ALL
            .into_iter()
            .filter(|step| *step != Step::Check)
            .map(|step| {
                let lines = self
                    .form
                    .answers()
                    .iter()
                    .filter(|(field, value)| {
                        step.asks(field) && !field.ends_with(".row") && !value.trim().is_empty()
                    })
                    .map(|(field, value)| {
                        let label = self.name_of(field).unwrap_or_default();
                        (label, self.choices.shown(&self.ctx, field, value))
                    })
                    .collect();
                StepAnswers {
                    step,
                    href: self.href(&step),
                    lines,
                }
            })
            .collect()
    }
}

/// The catalogue keys of a list's rows on a step.
pub struct RowKeys {
    row: &'static str,
    add: &'static str,
    remove: &'static str,
    /// Said while the list is empty; empty for a list with a "none" box of its own.
    none: &'static str,
}

#[derive(Template)]
#[template(path = "questionnaire/closed.html")]
pub struct ClosedPage {
    ctx: PageContext,
    office_name: String,
    state: LinkState,
    /// Answers were posted to the closed link, and kept.
    kept: bool,
}

#[derive(Template)]
#[template(path = "questionnaire/later.html")]
pub struct LaterPage {
    ctx: PageContext,
    office_name: String,
    until: String,
    resume: String,
}

#[derive(Debug, Deserialize)]
pub struct StepQuery {
    step: Option<String>,
    lang: Option<String>,
    /// Set after "finish later": the page that says how to come back.
    later: Option<String>,
}

/// The page's language: the one chosen with the switcher, else the link's.
fn page_language(asked: Option<&str>, link: &PublicLink) -> Language {
    asked
        .and_then(Language::parse)
        .filter(|language| Language::PUBLIC.contains(language))
        .unwrap_or(link.language)
}

fn in_language(mut ctx: PageContext, language: Language) -> PageContext {
    ctx.i18n = I18n::new(language);
    ctx
}

async fn open(state: &AppState, token: &str) -> Result<PublicLink, AppError> {
    questionnaires::by_token(state, token.to_string())
        .await?
        .ok_or(AppError::NotFound)
}

/// A link that takes no more answers: sent (200 on opening it, 409 to a post), or expired
/// or revoked (410).
fn closed(
    ctx: PageContext,
    link: &PublicLink,
    state: LinkState,
    kept: bool,
) -> Result<HttpResponse, AppError> {
    let status = match (state, kept) {
        (LinkState::Submitted, false) => StatusCode::OK,
        (LinkState::Submitted, true) => StatusCode::CONFLICT,
        _ => StatusCode::GONE,
    };
    render(
        ClosedPage {
            ctx,
            office_name: link.office_name.clone(),
            state,
            kept: kept && state != LinkState::Submitted,
        },
        status,
    )
}

/// `GET /questionnaire/{token}`: a step of an open link (about you unless another is asked
/// for), saying so when answers saved earlier are back.
pub async fn show(
    state: web::Data<AppState>,
    ctx: PageContext,
    token: web::Path<String>,
    query: web::Query<StepQuery>,
) -> Result<HttpResponse, AppError> {
    let token = token.into_inner();
    let link = open(&state, &token).await?;
    let ctx = in_language(ctx, page_language(query.lang.as_deref(), &link));
    if link.state != LinkState::Open {
        return closed(ctx, &link, link.state, false);
    }
    let asked = query.step.as_deref().and_then(Step::parse);
    let step = asked.unwrap_or(Step::About);
    let draft = IntakeForm::from_answers(&link.draft);
    let mut page = StepPage::new(ctx, token, &link, step, draft.clone());
    if query.later.is_some() {
        return render(
            LaterPage {
                resume: page.href(&step),
                office_name: page.office_name,
                until: page.until,
                ctx: page.ctx,
            },
            StatusCode::OK,
        );
    }
    if asked.is_none() && !link.draft.is_empty() {
        page.notice = Some(page.ctx.t("questionnaire-resumed"));
    }
    if step == Step::Check {
        page = page.with_errors(&problems(&draft, &state));
    }
    render(page, StatusCode::OK)
}

/// What a button of a step asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Action {
    Next,
    Back,
    Later,
    /// A row added to the list named.
    AddRow(String),
    /// A list's row removed.
    RemoveRow(String, usize),
    Send,
}

impl Action {
    fn parse(raw: &str) -> Option<Self> {
        match raw {
            // Enter in a text field names no button: it goes on, as the first one does.
            "" | "next" => Some(Self::Next),
            "back" => Some(Self::Back),
            "later" => Some(Self::Later),
            "send" => Some(Self::Send),
            _ => {
                if let Some(section) = raw.strip_prefix("add:") {
                    return Some(Self::AddRow(section.to_string()));
                }
                let (section, index) = raw.strip_prefix("remove:")?.split_once(':')?;
                Some(Self::RemoveRow(section.to_string(), index.parse().ok()?))
            }
        }
    }
}

/// Every problem of the answers (what does not parse, and what the checks of a draft
/// intake say), for the fields a client is asked.
fn problems(form: &IntakeForm, state: &AppState) -> FieldErrors {
    let unparsed = match form.parse() {
        Ok(_) => FieldErrors::default(),
        Err(errors) => errors,
    };
    let all = every_problem(form, unparsed, false, today(state));
    let mut asked = FieldErrors::default();
    for problem in all.iter() {
        if Step::of(&problem.field).is_some() || problem.field == "rows" {
            asked.push(problem.field.clone(), problem.message.clone());
        }
    }
    asked
}

/// The problems of one step's fields.
fn step_problems(form: &IntakeForm, step: Step, state: &AppState) -> FieldErrors {
    let mut mine = FieldErrors::default();
    for problem in problems(form, state).iter() {
        let here = Step::of(&problem.field) == Some(step)
            || (problem.field == "rows" && !step.lists().is_empty());
        if here {
            mine.push(problem.field.clone(), problem.message.clone());
        }
    }
    mine
}

/// The draft with one step's answers replaced by those posted (an unticked box is one that
/// is not posted); what the step does not ask is never taken from a post.
fn merged(draft: &IntakeForm, step: Step, posted: &IntakeForm) -> IntakeForm {
    IntakeForm::from_pairs(
        draft
            .answers()
            .iter()
            .filter(|(field, _)| !step.asks(field))
            .chain(
                posted
                    .answers()
                    .iter()
                    .filter(|(field, _)| step.asks(field)),
            )
            .map(|(field, value)| (field.to_string(), value.to_string())),
    )
}

fn posted_value<'a>(pairs: &'a [(String, String)], name: &str) -> &'a str {
    pairs
        .iter()
        .find(|(field, _)| field == name)
        .map_or("", |(_, value)| value.as_str())
}

/// `POST /questionnaire/{token}`: saves the step's answers, then does what its button
/// asks: on, back, finish later, a row added or removed, or (on the check page) send.
pub async fn submit(
    state: web::Data<AppState>,
    ctx: PageContext,
    address: ClientAddress,
    token: web::Path<String>,
    body: web::Form<Vec<(String, String)>>,
) -> Result<HttpResponse, AppError> {
    let token = token.into_inner();
    let pairs = body.into_inner();
    let size: usize = pairs.iter().map(|(k, v)| k.len() + v.len()).sum();
    if size > MAX_STEP_BYTES {
        return Err(AppError::PayloadTooLarge);
    }
    let link = open(&state, &token).await?;
    let bad_request = || AppError::BadRequest(Message::new("error-form-invalid"));
    let step = Step::parse(posted_value(&pairs, "step")).ok_or_else(bad_request)?;
    let action = Action::parse(posted_value(&pairs, "action")).ok_or_else(bad_request)?;
    let language = page_language(Some(posted_value(&pairs, "lang")), &link);
    let ctx = in_language(ctx, language);
    let mut draft = merged(
        &IntakeForm::from_answers(&link.draft),
        step,
        &IntakeForm::from_pairs(pairs),
    );
    match &action {
        Action::AddRow(section) | Action::RemoveRow(section, _) if !step.has_list(section) => {
            return Err(bad_request());
        }
        Action::AddRow(section) => draft.add_row(section),
        Action::RemoveRow(section, index) => draft.remove_row(section, *index),
        _ => {}
    }
    let mut page = StepPage::new(ctx, token.clone(), &link, step, draft.clone());
    let answers = draft.answers();
    if !draft_fits(&answers)? {
        page.problem = Some(page.ctx.t("questionnaire-error-too-long"));
        return render(page, StatusCode::PAYLOAD_TOO_LARGE);
    }
    let errors = if action == Action::Send {
        problems(&draft, &state)
    } else {
        step_problems(&draft, step, &state)
    };
    let outcome = if action == Action::Send && errors.is_empty() {
        questionnaires::submit(&state, token.clone(), answers, language, address.0).await?
    } else {
        questionnaires::save_draft(&state, token.clone(), answers).await?
    };
    match outcome {
        Posted::Unknown => return Err(AppError::NotFound),
        Posted::Closed(closed_as) => return closed(page.ctx, &link, closed_as, true),
        Posted::Done => {}
    }
    let go = |to: Step| see_other(&page.href(&to));
    match action {
        Action::Send if errors.is_empty() => Ok(see_other(&format!(
            "{}?lang={}",
            link_path(&token),
            language.code()
        ))),
        Action::AddRow(section) | Action::RemoveRow(section, _) => {
            Ok(see_other(&format!("{}#{section}", page.href(&step))))
        }
        Action::Back => Ok(go(step.previous().unwrap_or(step))),
        Action::Later => Ok(see_other(&format!("{}&later=1", page.href(&step)))),
        Action::Next if errors.is_empty() => Ok(go(step.next().unwrap_or(step))),
        Action::Next | Action::Send => {
            let page = page.with_errors(&errors);
            render(page, StatusCode::UNPROCESSABLE_ENTITY)
        }
    }
}

/// A step refused for its CSRF token (open longer than the token lives, or the browser
/// lost its cookie): shown again as typed, with tokens that work, to be saved again
/// (`routes::refused_forms`). Nothing is saved yet — also under a link that expired or was
/// revoked meanwhile, whose saving then keeps the answers and says so.
pub async fn refused(
    req: HttpRequest,
    state: web::Data<AppState>,
    refused: RefusedForm,
) -> Result<HttpResponse, AppError> {
    let token = refused_forms::path_token(&req);
    let link = open(&state, &token).await?;
    let pairs = refused.fields();
    let step = Step::parse(posted_value(pairs, "step")).unwrap_or(Step::About);
    let language = page_language(Some(posted_value(pairs, "lang")), &link);
    let ctx = in_language(PageContext::current(&req), language);
    if link.state == LinkState::Submitted {
        return closed(ctx, &link, link.state, false);
    }
    let form = merged(
        &IntakeForm::from_answers(&link.draft),
        step,
        &IntakeForm::from_pairs(pairs.to_vec()),
    );
    let mut page = StepPage::new(ctx, token, &link, step, form);
    page.problem = Some(page.ctx.t("questionnaire-error-stale"));
    render(page, StatusCode::FORBIDDEN)
}
