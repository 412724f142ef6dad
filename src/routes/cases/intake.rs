//! `/intake` and `/cases/{id}/intake`: the intake page, one form with every section.
//!
//! Without JavaScript, the row buttons (`add:journey`, `remove:journey:2`, `up:journey:2`)
//! are submit buttons: they change the form as typed and show it again, saving nothing.
//! `save_draft` and `complete` save; a problem shows the form again with status 422, every
//! entry kept and each message next to its field.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;

use crate::auth::extractors::{Authorized, ClientAddress, EditCaseFile, PageContext};
use crate::domain::applicant::CourtProceedings;
use crate::domain::case_stage::ClaimKind;
use crate::domain::claim_answers::{Answer, Ground};
use crate::domain::codes::{
    self, ImmigrationStatus, MannerOfEntry, MaritalStatus, Persecutor, Relationship, Sex,
    TravelMode,
};
use crate::domain::intake;
use crate::domain::staff::{Role, Staff};
use crate::error::{AppError, FieldErrors, Message};
use crate::routes::errors::FormErrors;
use crate::routes::held_forms;
use crate::routes::see_other;
use crate::routes::sessions::html::render;
use crate::services::cases;
use crate::services::intake::{self as intake_service, IntakeCase};
use crate::state::AppState;
use form::{IntakeForm, SECTIONS};

pub mod form;

/// The request header `forms.js` sends with an automatic draft save.
const AUTOSAVE_HEADER: &str = "x-refuge-autosave";

/// One `<option>` of a picker.
pub struct Choice {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

/// The pickers' vocabularies as (stored code, label in the reader's language).
pub(crate) struct Choices {
    pub(crate) sexes: Vec<(String, String)>,
    pub(crate) statuses: Vec<(String, String)>,
    pub(crate) manners: Vec<(String, String)>,
    pub(crate) relationships: Vec<(String, String)>,
    pub(crate) marital: Vec<(String, String)>,
    pub(crate) modes: Vec<(String, String)>,
    pub(crate) persecutors: Vec<(String, String)>,
    pub(crate) kinds: Vec<(String, String)>,
    pub(crate) answers: Vec<(String, String)>,
    pub(crate) grounds: Vec<(String, String)>,
    pub(crate) proceedings: Vec<(String, String)>,
    pub(crate) countries: Vec<(String, String)>,
    pub(crate) languages: Vec<(String, String)>,
    pub(crate) lawyers: Vec<(String, String)>,
    pub(crate) paralegals: Vec<(String, String)>,
}

fn vocabulary<T: Copy>(
    ctx: &PageContext,
    all: &[T],
    code: fn(T) -> &'static str,
    key: fn(T) -> &'static str,
) -> Vec<(String, String)> {
    all.iter()
        .map(|v| (code(*v).to_string(), ctx.t(key(*v))))
        .collect()
}

/// Codes labelled by their names in the reader's language, in the order given.
fn named(list: Vec<(&'static str, &'static str)>) -> Vec<(String, String)> {
    list.into_iter()
        .map(|(code, name)| (code.to_string(), name.to_string()))
        .collect()
}

/// How many pickers a list field shows at least (dual nationality and a few languages are
/// common), and at most when fewer are chosen.
const LIST_PICKERS_MIN: usize = 2;
const LIST_PICKERS_MAX: usize = 8;

/// The options of a picker, with `current` selected; an unknown submitted value is kept as
/// an option of its own rather than silently dropped. Codes match case-blind (`ru` from an
/// older draft is `RU`).
pub(crate) fn options_for(current: &str, choices: &[(String, String)]) -> Vec<Choice> {
    let current = current.trim();
    let mut options = Vec::with_capacity(choices.len() + 1);
    if !current.is_empty()
        && !choices
            .iter()
            .any(|(code, _)| code.eq_ignore_ascii_case(current))
    {
        options.push(Choice {
            value: current.to_string(),
            label: current.to_string(),
            selected: true,
        });
    }
    options.extend(choices.iter().map(|(code, label)| Choice {
        value: code.clone(),
        label: label.clone(),
        selected: code.eq_ignore_ascii_case(current),
    }));
    options
}

impl Choices {
    /// `staff` are who the claim may be assigned to (none where it is not asked).
    pub(crate) fn new(ctx: &PageContext, staff: &[Staff], form: &IntakeForm) -> Self {
        // Active staff of the right role; a deactivated one stays listed while still chosen,
        // so that the form shows who the case is assigned to.
        let people = |field: &str, eligible: fn(Role) -> bool| {
            let current = form.value(field);
            staff
                .iter()
                .filter(|s| eligible(s.role) || s.id.to_string() == current)
                .filter(|s| s.active || s.id.to_string() == current)
                .map(|s| {
                    let label = if s.active && eligible(s.role) {
                        s.display_name.clone()
                    } else {
                        ctx.t1("intake-staff-unavailable", "name", &s.display_name)
                    };
                    (s.id.to_string(), label)
                })
                .collect()
        };
        Self {
            sexes: vocabulary(ctx, Sex::ALL, Sex::as_str, Sex::label_key),
            statuses: vocabulary(
                ctx,
                ImmigrationStatus::ALL,
                ImmigrationStatus::as_str,
                ImmigrationStatus::label_key,
            ),
            manners: vocabulary(
                ctx,
                MannerOfEntry::ALL,
                MannerOfEntry::as_str,
                MannerOfEntry::label_key,
            ),
            relationships: vocabulary(
                ctx,
                Relationship::ALL,
                Relationship::as_str,
                Relationship::label_key,
            ),
            marital: vocabulary(
                ctx,
                MaritalStatus::ALL,
                MaritalStatus::as_str,
                MaritalStatus::label_key,
            ),
            modes: vocabulary(
                ctx,
                TravelMode::ALL,
                TravelMode::as_str,
                TravelMode::label_key,
            ),
            persecutors: vocabulary(
                ctx,
                Persecutor::ALL,
                Persecutor::as_str,
                Persecutor::label_key,
            ),
            kinds: vocabulary(
                ctx,
                &ClaimKind::ALL,
                ClaimKind::as_str,
                ClaimKind::label_key,
            ),
            // Unanswered is the picker's empty choice.
            answers: vocabulary(
                ctx,
                &[Answer::Yes, Answer::No],
                Answer::as_str,
                Answer::label_key,
            ),
            grounds: vocabulary(ctx, Ground::ALL, Ground::as_str, Ground::label_key),
            proceedings: vocabulary(
                ctx,
                CourtProceedings::ALL,
                CourtProceedings::as_str,
                CourtProceedings::label_key,
            ),
            countries: named(codes::countries(ctx.i18n.language())),
            languages: named(codes::languages(ctx.i18n.language())),
            lawyers: people("claim.lawyer_id", |r| {
                matches!(r, Role::Lawyer | Role::Admin)
            }),
            paralegals: people("claim.paralegal_id", |r| r == Role::Paralegal),
        }
    }

    /// How the page asks for the field at `path` (any row), as `intake/form.html` does: a
    /// test reads the template to keep the two together.
    pub(crate) fn shape(&self, path: &str) -> Shape<'_> {
        match intake::general_path(path).as_str() {
            "client.sex" => Shape::Pick(&self.sexes),
            // I-589 Part A.III.
            "background.last_address.country"
            | "background.feared_country_address.country"
            | "background.mother.birth_country"
            | "background.father.birth_country"
            | "residences.country"
            | "siblings.birth_country" => Shape::Pick(&self.countries),
            "background.last_address.to_present"
            | "background.feared_country_address.to_present"
            | "background.feared_country_same"
            | "background.no_schooling"
            | "background.no_employment"
            | "background.no_siblings"
            | "applicant.no_other_languages"
            | "background.mother.deceased"
            | "background.father.deceased"
            | "residences.to_present"
            | "schools.to_present"
            | "jobs.to_present"
            | "siblings.deceased" => Shape::Check,
            "client.country_of_birth" | "journey.from_country" | "journey.to_country" => {
                Shape::Pick(&self.countries)
            }
            "client.nationalities" => Shape::List(&self.countries),
            "client.languages" => Shape::List(&self.languages),
            "client.immigration_status" => Shape::Pick(&self.statuses),
            "entry.manner_of_entry" => Shape::Pick(&self.manners),
            "family.relationship" => Shape::Pick(&self.relationships),
            "family.marital_status" => Shape::Pick(&self.marital),
            "journey.mode" => Shape::Pick(&self.modes),
            "persecution.actor" => Shape::Pick(&self.persecutors),
            "claim.kind" => Shape::Pick(&self.kinds),
            "claim.lawyer_id" => Shape::Pick(&self.lawyers),
            "claim.paralegal_id" => Shape::Pick(&self.paralegals),
            "claim_answers.grounds" => Shape::List(&self.grounds),
            // I-589 Part A.II.
            "family.sex" => Shape::Pick(&self.sexes),
            "family.country_of_birth" | "family.nationality" => Shape::Pick(&self.countries),
            "family.in_court_proceedings" => Shape::Pick(&self.answers),
            "family.other_names" => Shape::Area,
            "children.none" => Shape::Check,
            // I-589 Part A.I.
            "applicant.mailing_same_as_residence" | "applicant.fluent_in_english" => {
                Shape::Pick(&self.answers)
            }
            "applicant.marital_status" => Shape::Pick(&self.marital),
            "applicant.nationality_at_birth" | "applicant.travel_document_country" => {
                Shape::Pick(&self.countries)
            }
            "applicant.court_proceedings" => Shape::Pick(&self.proceedings),
            "applicant.native_language" => Shape::Pick(&self.languages),
            "client.interpreter_needed"
            | "client.phone_safe"
            | "client.email_safe"
            | "client.messenger_safe"
            | "client.address_safe"
            | "family.in_us"
            | "family.derivative"
            | "family.safe_to_contact" => Shape::Check,
            "client.other_names"
            | "client.us_address"
            | "family.notes"
            | "journey.notes"
            | "persecution.description"
            | "persecution.charges"
            | "persecution.outcome"
            | "persecution.evidence" => Shape::Area,
            general if general.starts_with("claim_answers.") && general.ends_with(".answer") => {
                Shape::Pick(&self.answers)
            }
            // A question's explanation.
            general if general.starts_with("claim_answers.") => Shape::Area,
            _ => Shape::Text,
        }
    }

    /// A field's value as the page shows it: a choice by its label (a code it does not know
    /// as typed), a checkbox as yes or no, anything else as typed.
    pub(crate) fn shown(&self, ctx: &PageContext, path: &str, value: &str) -> String {
        let named = |choices: &[(String, String)], code: &str| {
            choices
                .iter()
                .find(|(known, _)| known.eq_ignore_ascii_case(code.trim()))
                .map_or_else(|| code.trim().to_string(), |(_, label)| label.clone())
        };
        match self.shape(path) {
            Shape::Pick(choices) if !value.trim().is_empty() => named(choices, value),
            Shape::List(choices) => form::entries(value)
                .into_iter()
                .map(|code| named(choices, code))
                .collect::<Vec<_>>()
                .join(", "),
            Shape::Check if !value.trim().is_empty() => ctx.t(if form::is_ticked(value) {
                "case-yes"
            } else {
                "case-no"
            }),
            _ => value.to_string(),
        }
    }
}

/// How the intake page asks for a field.
pub(crate) enum Shape<'a> {
    /// One line of text (a date, a number).
    Text,
    /// A text area: several lines.
    Area,
    /// A checkbox.
    Check,
    /// One of these choices (code, label).
    Pick(&'a [(String, String)]),
    /// Several of these choices.
    List(&'a [(String, String)]),
}

/// How the error summary names a field: its label, after its row's name for a row.
pub(crate) fn field_label(ctx: &PageContext, field: &str) -> Option<String> {
    let mut parts = field.split('.');
    let (section, second, third) = (parts.next()?, parts.next()?, parts.next());
    let (path, row) = match third {
        Some(name) if !matches!(section, "claim_answers" | "background") => (
            format!("{section}.{name}"),
            Some(second.parse::<usize>().ok()?),
        ),
        // A question's answer or explanation (`claim_answers.past_harm.answer`), a field of
        // one of Part A.III's fixed parts (`background.mother.full_name`): no row.
        _ => (field.to_string(), None),
    };
    let label = ctx.t(intake::label_key(&path)?);
    let row_name = |key: &'static str, index: usize| ctx.t1(key, "number", index + 1);
    Some(match (section, row) {
        ("family", Some(i)) => format!("{} — {label}", row_name("intake-family-member", i)),
        ("journey", Some(i)) => format!("{} — {label}", row_name("intake-journey-leg", i)),
        ("persecution", Some(i)) => {
            format!("{} — {label}", row_name("intake-persecution-event", i))
        }
        // I-589 Part A.III.
        ("residences", Some(i)) => {
            format!("{} — {label}", row_name("background-residence-item", i))
        }
        ("schools", Some(i)) => format!("{} — {label}", row_name("background-school-item", i)),
        ("jobs", Some(i)) => format!("{} — {label}", row_name("background-job-item", i)),
        ("siblings", Some(i)) => format!("{} — {label}", row_name("background-sibling-item", i)),
        ("us_entries", Some(i)) => format!("{} — {label}", row_name("i589a-entry", i)),
        _ => label,
    })
}

#[derive(Template)]
#[template(path = "intake/form.html")]
pub struct IntakePage {
    ctx: PageContext,
    form: IntakeForm,
    errors: FormErrors,
    /// The case whose intake this is; `None` for a new one.
    case: Option<IntakeCase>,
    choices: Choices,
    notice: Option<String>,
}

impl IntakePage {
    /// The error summary's lines: the field's id, and its label with the message.
    fn summary(&self) -> Vec<(String, String)> {
        self.errors
            .all()
            .iter()
            .map(|(field, message)| {
                let text = match field_label(&self.ctx, field) {
                    Some(label) => format!("{label}: {message}"),
                    None => message.clone(),
                };
                (field.clone(), text)
            })
            .collect()
    }

    /// Where the form posts.
    fn action(&self) -> String {
        match &self.case {
            Some(case) => format!("/cases/{}/intake", case.id),
            None => "/intake".into(),
        }
    }

    /// A completed intake stays complete: its one button saves and re-checks it.
    fn is_complete(&self) -> bool {
        self.case.as_ref().is_some_and(|case| case.intake_complete)
    }

    fn value(&self, field: &str) -> &str {
        self.form.value(field)
    }

    /// The catalogue key of a field's label (every field of the page has one: a test reads
    /// the template).
    fn label(&self, field: &str) -> &'static str {
        intake::label_key(field).unwrap_or_default()
    }

    fn checked(&self, field: &str) -> bool {
        self.form.checked(field)
    }

    /// Whether `code` is among the boxes ticked for a list field.
    fn ticked(&self, field: &str, code: &str) -> bool {
        self.form.list(field).contains(&code)
    }

    /// What a picker offers before anything is chosen: staff read that nothing is on file.
    fn blank_choice(&self) -> &'static str {
        "intake-not-recorded"
    }

    fn date_type(&self, field: &str) -> &'static str {
        date_type(self.value(field))
    }

    fn described_by(&self, field: &str, hint: bool) -> String {
        described_by(&self.errors, field, hint)
    }

    /// The options of a picker, with what was submitted selected.
    fn options(&self, field: &str, choices: &[(String, String)]) -> Vec<Choice> {
        options_for(self.value(field), choices)
    }

    fn pickers(&self, field: &str) -> Vec<(String, String)> {
        pickers(&self.form, field)
    }

    /// The options of one picker of a list field.
    fn list_options(&self, current: &str, choices: &[(String, String)]) -> Vec<Choice> {
        options_for(current, choices)
    }

    fn field(&self, section: &str, index: usize, name: &str) -> String {
        format!("{section}.{index}.{name}")
    }

    /// The placeholder that keeps an empty row counted across submissions.
    fn row_marker(&self, section: &str, index: usize) -> &str {
        match self.value(&format!("{section}.{index}.row")) {
            "" => "new",
            marker => marker,
        }
    }
}

/// A date input while its text is a date the browser understands; otherwise a text input,
/// so that what was typed stays visible to be corrected.
pub(crate) fn date_type(value: &str) -> &'static str {
    let value = value.trim();
    if value.is_empty() || chrono::NaiveDate::parse_from_str(value, "%Y-%m-%d").is_ok() {
        "date"
    } else {
        "text"
    }
}

/// The ids of the hint and the error message that describe a field.
pub(crate) fn described_by(errors: &FormErrors, field: &str, hint: bool) -> String {
    let mut ids = Vec::new();
    if hint {
        ids.push(format!("{field}-hint"));
    }
    if errors.get(field).is_some() {
        ids.push(format!("{field}-error"));
    }
    ids.join(" ")
}

/// A list field's pickers as (id, chosen value): one per chosen value and one empty to
/// choose another (no script needed: saving, or any row button, shows the next empty one).
/// The first picker's id is the field's, so the error summary can point at it.
pub(crate) fn pickers(form: &IntakeForm, field: &str) -> Vec<(String, String)> {
    let chosen = form.list(field);
    let count = (chosen.len() + 1)
        .max(LIST_PICKERS_MIN)
        .min(LIST_PICKERS_MAX.max(chosen.len()));
    (0..count)
        .map(|i| {
            let id = match i {
                0 => field.to_string(),
                _ => format!("{field}-{}", i + 1),
            };
            let value = chosen.get(i).map_or_else(String::new, |v| (*v).to_string());
            (id, value)
        })
        .collect()
}

/// What a button of the form asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Action {
    Save { completing: bool },
    Add(&'static str),
    Remove(&'static str, usize),
    Up(&'static str, usize),
}

impl Action {
    fn parse(raw: &str) -> Option<Self> {
        let mut parts = raw.split(':');
        let verb = parts.next()?;
        let section = parts
            .next()
            .and_then(|s| SECTIONS.iter().find(|known| **known == s).copied());
        let index = parts.next().and_then(|i| i.parse::<usize>().ok());
        if parts.next().is_some() {
            return None;
        }
        match (verb, section, index) {
            ("save_draft", None, None) => Some(Self::Save { completing: false }),
            ("complete", None, None) => Some(Self::Save { completing: true }),
            ("add", Some(section), None) => Some(Self::Add(section)),
            ("remove", Some(section), Some(i)) => Some(Self::Remove(section, i)),
            ("up", Some(section), Some(i)) => Some(Self::Up(section, i)),
            _ => None,
        }
    }
}

async fn show(
    state: &AppState,
    editor: &Staff,
    ctx: PageContext,
    form: IntakeForm,
    errors: &FieldErrors,
    case: Option<IntakeCase>,
    status: StatusCode,
) -> Result<HttpResponse, AppError> {
    render(
        page(state, editor, ctx, form, errors, case, None).await?,
        status,
    )
}

/// The intake page, with a notice above the form when there is one.
async fn page(
    state: &AppState,
    editor: &Staff,
    ctx: PageContext,
    form: IntakeForm,
    errors: &FieldErrors,
    case: Option<IntakeCase>,
    notice: Option<String>,
) -> Result<IntakePage, AppError> {
    let staff = intake_service::assignable_staff(state, editor).await?;
    let choices = Choices::new(&ctx, &staff, &form);
    let errors = FormErrors::translate(errors, &ctx.i18n);
    Ok(IntakePage {
        ctx,
        form,
        errors,
        case,
        choices,
        notice,
    })
}

/// The intake as submitted after the session ended, if this browser holds it for `editor`:
/// shown to be checked and saved, not saved on its own.
async fn restored(
    req: &HttpRequest,
    state: &AppState,
    editor: &Staff,
) -> Result<Option<IntakeForm>, AppError> {
    Ok(held_forms::restore(req, state, editor).await?.map(|held| {
        IntakeForm::from_pairs(held.fields.into_iter().filter(|(name, _)| name != "action"))
    }))
}

/// `GET /intake`: a blank intake; a lawyer taking it is its lawyer of record until changed.
pub async fn new_form(
    req: HttpRequest,
    state: web::Data<AppState>,
    editor: Authorized<EditCaseFile>,
    ctx: PageContext,
) -> Result<HttpResponse, AppError> {
    let me = editor.staff();
    if let Some(form) = restored(&req, &state, me).await? {
        let notice = Some(ctx.t("held-restored"));
        let page = page(&state, me, ctx, form, &FieldErrors::default(), None, notice).await?;
        return render(page, StatusCode::OK);
    }
    let form = if me.role == Role::Lawyer {
        IntakeForm::from_pairs([("claim.lawyer_id".to_string(), me.id.to_string())])
    } else {
        IntakeForm::default()
    };
    show(
        &state,
        me,
        ctx,
        form,
        &FieldErrors::default(),
        None,
        StatusCode::OK,
    )
    .await
}

/// `POST /intake`: a row operation, or a new case file saved as a draft or completed.
pub async fn create(
    req: HttpRequest,
    state: web::Data<AppState>,
    editor: Authorized<EditCaseFile>,
    ctx: PageContext,
    address: ClientAddress,
    body: web::Form<Vec<(String, String)>>,
) -> Result<HttpResponse, AppError> {
    submit(
        &state,
        editor.staff(),
        ctx,
        address,
        None,
        body.into_inner(),
        is_autosave(&req),
    )
    .await
}

/// `GET /cases/{id}/intake`: the saved intake, to change or complete. Reading it is audited
/// like any opening of the case file.
pub async fn edit_form(
    req: HttpRequest,
    state: web::Data<AppState>,
    editor: Authorized<EditCaseFile>,
    ctx: PageContext,
    address: ClientAddress,
    id: web::Path<uuid::Uuid>,
) -> Result<HttpResponse, AppError> {
    let id = id.into_inner();
    let file = cases::open(&state, editor.staff(), id, address.0).await?;
    let (form, notice) = match restored(&req, &state, editor.staff()).await? {
        Some(form) => (form, Some(ctx.t("held-restored"))),
        None => (IntakeForm::from_intake(&file.intake), None),
    };
    let case = IntakeCase {
        id,
        reference: file.case.reference,
        intake_complete: file.case.intake_complete,
    };
    let page = page(
        &state,
        editor.staff(),
        ctx,
        form,
        &FieldErrors::default(),
        Some(case),
        notice,
    )
    .await?;
    render(page, StatusCode::OK)
}

/// `POST /cases/{id}/intake`: a row operation, or the changed intake saved.
pub async fn update(
    req: HttpRequest,
    state: web::Data<AppState>,
    editor: Authorized<EditCaseFile>,
    ctx: PageContext,
    address: ClientAddress,
    id: web::Path<uuid::Uuid>,
    body: web::Form<Vec<(String, String)>>,
) -> Result<HttpResponse, AppError> {
    let case = intake_service::case_for_editing(&state, editor.staff(), id.into_inner()).await?;
    submit(
        &state,
        editor.staff(),
        ctx,
        address,
        Some(case),
        body.into_inner(),
        is_autosave(&req),
    )
    .await
}

/// Whether `forms.js` sent this as an automatic draft save.
fn is_autosave(req: &HttpRequest) -> bool {
    req.headers().contains_key(AUTOSAVE_HEADER)
}

/// The fields that did not parse, and also what the checks of a saved intake would say
/// about the rest of the form: all problems at once, not one round per kind of problem.
pub(crate) fn every_problem(
    form: &IntakeForm,
    unparsed: FieldErrors,
    completing: bool,
    today: chrono::NaiveDate,
) -> FieldErrors {
    let rest = IntakeForm::from_pairs(
        form.answers()
            .iter()
            .filter(|(name, _)| unparsed.get(name).is_none())
            .map(|(name, value)| (name.to_string(), value.to_string())),
    );
    let mut errors = unparsed;
    if let Ok(intake) = rest.parse()
        && let Err(more) = intake.checked(completing, today)
    {
        for problem in more.iter() {
            if errors.get(&problem.field).is_none() {
                errors.push(problem.field.clone(), problem.message.clone());
            }
        }
    }
    errors
}

async fn submit(
    state: &AppState,
    editor: &Staff,
    ctx: PageContext,
    address: ClientAddress,
    case: Option<IntakeCase>,
    pairs: Vec<(String, String)>,
    autosave: bool,
) -> Result<HttpResponse, AppError> {
    // Enter in a text field submits without naming a button: that saves a draft.
    let action = match pairs.iter().find(|(name, _)| name == "action") {
        None => Action::Save { completing: false },
        Some((_, raw)) => Action::parse(raw)
            .ok_or_else(|| AppError::BadRequest(Message::new("error-bad-request")))?,
    };
    let mut form = IntakeForm::from_pairs(pairs);
    let completing = match action {
        Action::Save { completing } => completing,
        Action::Add(section) => {
            form.add_row(section);
            return show(
                state,
                editor,
                ctx,
                form,
                &FieldErrors::default(),
                case,
                StatusCode::OK,
            )
            .await;
        }
        Action::Remove(section, index) => {
            form.remove_row(section, index);
            return show(
                state,
                editor,
                ctx,
                form,
                &FieldErrors::default(),
                case,
                StatusCode::OK,
            )
            .await;
        }
        Action::Up(section, index) => {
            form.move_row_up(section, index);
            return show(
                state,
                editor,
                ctx,
                form,
                &FieldErrors::default(),
                case,
                StatusCode::OK,
            )
            .await;
        }
    };
    let outcome = match form.parse() {
        Ok(intake) => {
            let case_id = case.as_ref().map(|c| c.id);
            intake_service::save(state, editor, case_id, intake, completing, address.0).await
        }
        Err(errors) => Err(AppError::Validation(every_problem(
            &form,
            errors,
            completing,
            cases::today(state),
        ))),
    };
    match outcome {
        // `forms.js` saving a draft in the background learns where the intake now lives (a
        // new one has become a case), so that its next save changes that case instead of
        // opening another.
        Ok(saved) if autosave => Ok(HttpResponse::NoContent()
            .insert_header(("X-Refuge-Intake", format!("/cases/{}/intake", saved.id)))
            .finish()),
        Ok(saved) => Ok(see_other(&format!("/cases/{}", saved.id))),
        Err(AppError::Validation(errors)) => {
            show(
                state,
                editor,
                ctx,
                form,
                &errors,
                case,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(err) => Err(err),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn english_page() -> PageContext {
        PageContext {
            i18n: crate::i18n::I18n::new(crate::i18n::Language::En),
            staff: None,
            csrf_token: String::new(),
            path: "/intake".into(),
            time_zone: chrono_tz::UTC,
            demo: false,
            idle_timeout_seconds: 1800,
        }
    }

    #[test]
    fn the_error_summary_names_the_field_and_its_row() {
        let ctx = english_page();
        assert_eq!(
            field_label(&ctx, "claim.kind").as_deref(),
            Some("Kind of claim")
        );
        assert_eq!(
            field_label(&ctx, "journey.1.to_country").as_deref(),
            Some("Leg 2 — To country")
        );
        assert_eq!(
            field_label(&ctx, "claim_answers.past_harm.explanation").as_deref(),
            Some("B.1A Explanation: what happened, to whom, when, by whom and why")
        );
        assert_eq!(field_label(&ctx, "rows"), None);
        assert_eq!(field_label(&ctx, "family.x.given_name"), None);
    }

    #[test]
    fn actions_name_a_known_section_and_row() {
        assert_eq!(
            Action::parse("save_draft"),
            Some(Action::Save { completing: false })
        );
        assert_eq!(
            Action::parse("complete"),
            Some(Action::Save { completing: true })
        );
        assert_eq!(Action::parse("add:family"), Some(Action::Add("family")));
        assert_eq!(
            Action::parse("remove:journey:2"),
            Some(Action::Remove("journey", 2))
        );
        assert_eq!(
            Action::parse("up:persecution:1"),
            Some(Action::Up("persecution", 1))
        );
        for bad in [
            "",
            "add",
            "add:client",
            "remove:journey",
            "remove:journey:x",
            "up:journey:1:2",
            "complete:family",
            "delete",
        ] {
            assert_eq!(Action::parse(bad), None, "{bad}");
        }
    }

    /// The field paths the page's template shows (`client.sex`, `family.given_name`).
    fn template_fields() -> Vec<String> {
        let template = include_str!("../../../templates/intake/form.html");
        template
            .split("{% call f::")
            .skip(1)
            .map(|call| {
                let args = &call[call.find('(').unwrap() + 1..];
                let quoted: Vec<&str> = args.split('"').collect();
                if args.starts_with("self.field(") {
                    // self.field("family", *i, "given_name")
                    format!("{}.{}", quoted[1], quoted[3])
                } else {
                    quoted[1].to_string()
                }
            })
            .collect()
    }

    #[test]
    fn every_field_of_the_page_has_a_label() {
        let fields = template_fields();
        assert!(fields.len() > 50, "{fields:?}");
        assert!(fields.contains(&"family.given_name".to_string()));
        for field in fields {
            assert!(intake::label_key(&field).is_some(), "{field} has no label");
        }
    }

    /// The template's fields with the macro that asks for each (`area`, `check`, `select`).
    fn template_shapes() -> Vec<(String, String)> {
        let template = include_str!("../../../templates/intake/form.html");
        let macros = template
            .split("{% call f::")
            .skip(1)
            .map(|call| call[..call.find('(').unwrap()].to_string());
        template_fields().into_iter().zip(macros).collect()
    }

    #[test]
    fn each_field_has_the_shape_the_page_asks_it_in() {
        let ctx = english_page();
        let choices = Choices::new(&ctx, &[], &IntakeForm::default());
        for (field, call) in template_shapes() {
            let shape = match choices.shape(&field) {
                Shape::Text => "text",
                Shape::Area => "area",
                Shape::Check => "check",
                Shape::Pick(_) => "select",
                Shape::List(_) => "list",
            };
            let expected = match call.as_str() {
                "date" => "text",
                "checks" => "list",
                other => other,
            };
            assert_eq!(shape, expected, "{field}");
        }
    }

    #[test]
    fn a_row_field_is_labelled_as_its_section_field() {
        assert_eq!(
            intake::label_key("family.3.given_name"),
            Some("intake-family-given-name")
        );
        assert_eq!(intake::label_key("client.sex"), Some("intake-client-sex"));
        assert_eq!(intake::label_key("client.unknown"), None);
    }
}
