//! `/cases/{id}`: the case page — the whole file on one page, audited on every read — and
//! the forms that work a case: stage, key dates, hearings and appointments and what happened
//! at them, the EAD clock, the documents checklist, notes, and the retention purge.
//!
//! The page reads top-down: a summary (stage, staff, people, live deadlines), then sections
//! that fold (`<details>`), each form behind its own Edit control. A form that fails comes
//! back open on the page with what was typed and its problems (422), or with the reason a
//! change was refused (409), as does a form restored after signing in again; a change that
//! succeeds answers 303 back to the page with its section open.

mod view;

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use self::view::{CaseView, ChecklistLine, EventLine, I589MissingLine};
use super::api::parse_case_id;
use crate::auth::extractors::{ClientAddress, CurrentStaff, PageContext};
use crate::domain::case_stage::CaseStage;
use crate::domain::case_work::{
    CaseEventForm, ChecklistItemForm, ClockForm, EventOutcomeForm, KeyDatesForm, NoteForm,
};
use crate::domain::i589::Completeness;
use crate::domain::staff::Staff;
use crate::error::{AppError, FieldErrors, Message};
use crate::routes::errors::FormErrors;
use crate::routes::held_forms::{self, form_from};
use crate::routes::see_other;
use crate::routes::sessions::html::render;
use crate::services::cases;
use crate::services::held_forms::HeldForm;
use crate::state::AppState;

// ---------------------------------------------------------------------------------------------
// The forms, as typed

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct StageForm {
    pub to: String,
    pub note: String,
    /// A lawyer's reason to file with I-589 items missing.
    pub override_reason: String,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct PurgeForm {
    pub confirm: String,
}

/// Every form of the page, with what was typed into the one that failed.
#[derive(Debug, Clone, Default)]
pub struct Forms {
    pub stage: StageForm,
    pub dates: Option<KeyDatesForm>,
    pub event: CaseEventForm,
    /// An event's outcome form that failed, by the event's id.
    pub event_outcome: Option<(String, EventOutcomeForm)>,
    pub clock: ClockForm,
    pub checklist_add: ChecklistItemForm,
    /// An existing item's form that failed, by the item's id.
    pub checklist_edit: Option<(String, ChecklistItemForm)>,
    pub note: NoteForm,
    pub purge: PurgeForm,
}

/// The sections of the case page that fold, by id. The summary at the top does not.
const SECTIONS: [&str; 17] = [
    "client",
    "family",
    "journey",
    "entry",
    "applicant",
    "persecution",
    "claim_answers",
    "background",
    "claim",
    "stage",
    "dates",
    "events",
    "ead",
    "checklist",
    "notes",
    "audit",
    "purge",
];

/// The section a form of the page is in (`""` for none).
fn section_of(form: &str) -> &'static str {
    let section = match form {
        "checklist_item" => "checklist",
        "event_outcome" => "events",
        other => other,
    };
    SECTIONS
        .iter()
        .find(|s| **s == section)
        .copied()
        .unwrap_or_default()
}

/// What the page shows unfolded: the form someone is working with (one that failed or was
/// restored after signing in again) open in its section, or the section just saved.
#[derive(Debug, Clone, Copy, Default)]
struct Unfold {
    section: &'static str,
    form: &'static str,
}

impl Unfold {
    fn form(form: &'static str) -> Self {
        Self {
            section: section_of(form),
            form,
        }
    }

    fn section(section: &str) -> Self {
        Self {
            section: section_of(section),
            form: "",
        }
    }
}

/// The form that failed and why.
enum Failure {
    Invalid(&'static str, FieldErrors),
    Refused(&'static str, Message),
    /// A filing refused while the I-589 has items missing.
    Incomplete(&'static str, Box<Completeness>),
}

#[derive(Template)]
#[template(path = "cases/show.html")]
pub struct CasePage {
    ctx: PageContext,
    v: CaseView,
    forms: Forms,
    dates: KeyDatesForm,
    /// Which form the errors or the refusal belong to.
    failed: &'static str,
    errors: FormErrors,
    refusal: Option<String>,
    /// A refused filing's missing items by part, linked to their fields.
    refused_items: Vec<(String, Vec<I589MissingLine>)>,
    notice: Option<String>,
    unfold: Unfold,
}

impl CasePage {
    /// Whether a section renders open.
    fn unfolded(&self, section: &str) -> bool {
        self.unfold.section == section
    }

    /// Whether a form's Edit control renders open.
    fn editing(&self, form: &str) -> bool {
        self.unfold.form == form
    }

    /// The error of a field of the form that failed.
    fn error(&self, form: &str, field: &str) -> Option<&String> {
        if self.failed == form {
            self.errors.get(field)
        } else {
            None
        }
    }

    /// Why a change with this form was refused.
    fn refused(&self, form: &str) -> Option<&String> {
        if self.failed == form {
            self.refusal.as_ref()
        } else {
            None
        }
    }

    /// The note typed into an item's form that failed, or the item's note.
    fn checklist_note<'a>(&'a self, item: &'a ChecklistLine) -> &'a str {
        match &self.forms.checklist_edit {
            Some((id, form)) if *id == item.id => &form.note,
            _ => &item.note,
        }
    }

    fn checklist_status<'a>(&'a self, item: &'a ChecklistLine) -> &'a str {
        match &self.forms.checklist_edit {
            Some((id, form)) if *id == item.id => &form.status,
            _ => &item.status,
        }
    }

    /// Whether this item's form holds what someone typed (it failed or was restored).
    fn checklist_item_failed(&self, item: &ChecklistLine) -> bool {
        matches!(&self.forms.checklist_edit, Some((id, _)) if *id == item.id)
    }

    /// The outcome typed into an event's form that failed, or the one recorded.
    fn event_outcome<'a>(&'a self, event: &'a EventLine) -> &'a str {
        match &self.forms.event_outcome {
            Some((id, form)) if *id == event.id => &form.outcome,
            _ => &event.outcome,
        }
    }

    /// Whether this event's outcome form holds what someone typed (it failed or was restored).
    fn event_outcome_typed(&self, event: &EventLine) -> bool {
        matches!(&self.forms.event_outcome, Some((id, _)) if *id == event.id)
    }

    /// The problem with the outcome typed for this event, if its form failed.
    fn event_outcome_error(&self, event: &EventLine) -> Option<&String> {
        match &self.forms.event_outcome {
            Some((id, _)) if *id == event.id => self.error("event_outcome", "outcome"),
            _ => None,
        }
    }
}

/// One request to the case page or one of its forms.
struct Visit {
    state: web::Data<AppState>,
    current: CurrentStaff,
    ctx: PageContext,
    address: ClientAddress,
    id: uuid::Uuid,
}

impl Visit {
    fn new(
        state: web::Data<AppState>,
        current: CurrentStaff,
        ctx: PageContext,
        address: ClientAddress,
        id: &str,
    ) -> Result<Self, AppError> {
        Ok(Self {
            state,
            current,
            ctx,
            address,
            id: parse_case_id(id)?,
        })
    }

    fn actor(&self) -> &Staff {
        &self.current.staff
    }

    fn address(&self) -> Option<String> {
        self.address.0.clone()
    }

    /// The case page (its read audited), with a failed form's entries and problems.
    async fn page(
        self,
        forms: Forms,
        failure: Option<Failure>,
        notice: Option<String>,
        unfold: Unfold,
    ) -> Result<HttpResponse, AppError> {
        let Visit {
            state,
            current,
            ctx,
            address,
            id,
        } = self;
        let file = cases::open(&state, &current.staff, id, address.0).await?;
        let dates = forms
            .dates
            .clone()
            .unwrap_or_else(|| KeyDatesForm::from_dates(&cases::key_dates(&file.case)));
        let v = CaseView::build(file, &ctx.i18n, ctx.time_zone);
        let unfold = match &failure {
            Some(
                Failure::Invalid(form, _)
                | Failure::Refused(form, _)
                | Failure::Incomplete(form, _),
            ) => Unfold::form(form),
            None => unfold,
        };
        let mut refused_items = Vec::new();
        let (status, failed, errors, refusal) = match failure {
            None => (StatusCode::OK, "", FormErrors::default(), None),
            Some(Failure::Invalid(form, errors)) => (
                StatusCode::UNPROCESSABLE_ENTITY,
                form,
                FormErrors::translate(&errors, &ctx.i18n),
                None,
            ),
            Some(Failure::Refused(form, message)) => (
                StatusCode::CONFLICT,
                form,
                FormErrors::default(),
                Some(ctx.message(&message)),
            ),
            Some(Failure::Incomplete(form, check)) => {
                refused_items = view::missing_lines(&ctx.i18n, &v.id, &check.missing);
                // A lawyer who could have filed anyway hears where the reason goes.
                let mut errors = FieldErrors::default();
                if v.can_override_i589 {
                    errors.push(
                        "override_reason",
                        Message::new("i589-override-reason-required"),
                    );
                }
                let (_, message) = AppError::I589Incomplete(check).message();
                (
                    StatusCode::CONFLICT,
                    form,
                    FormErrors::translate(&errors, &ctx.i18n),
                    Some(ctx.message(&message)),
                )
            }
        };
        render(
            CasePage {
                ctx,
                v,
                forms,
                dates,
                failed,
                errors,
                refusal,
                refused_items,
                notice,
                unfold,
            },
            status,
        )
    }

    /// Refuses a form's problems only to someone who may submit it: others hear 403/404.
    async fn invalid(&self, errors: FieldErrors) -> Result<(), AppError> {
        cases::check_can_work(&self.state, self.actor(), self.id).await?;
        Err(AppError::Validation(errors))
    }

    /// Back to the page after a change (303), or the page again with what went wrong.
    async fn finish(
        self,
        form: &'static str,
        forms: Forms,
        outcome: Result<(), AppError>,
    ) -> Result<HttpResponse, AppError> {
        let failure = match outcome {
            Ok(()) => {
                // Back to the section the form is in.
                let section = section_of(form);
                return Ok(see_other(&format!(
                    "/cases/{}?saved={section}#{section}",
                    self.id
                )));
            }
            Err(AppError::Validation(errors)) => Failure::Invalid(form, errors),
            Err(AppError::Conflict(message)) => Failure::Refused(form, message),
            Err(AppError::I589Incomplete(check)) => Failure::Incomplete(form, check),
            Err(err) => return Err(err),
        };
        self.page(forms, Some(failure), None, Unfold::default())
            .await
    }
}

/// An id of a record inside the case (an event, a checklist item). A malformed one names
/// nothing; it is looked up (and not found) only after the actor is authorized for the case.
fn parse_record_id(raw: &str) -> uuid::Uuid {
    raw.parse().unwrap_or(uuid::Uuid::nil())
}

// ---------------------------------------------------------------------------------------------
// Handlers

#[derive(Debug, Deserialize)]
pub struct ShowQuery {
    saved: Option<String>,
}

pub async fn show(
    req: HttpRequest,
    state: web::Data<AppState>,
    current: CurrentStaff,
    ctx: PageContext,
    address: ClientAddress,
    id: web::Path<String>,
    query: web::Query<ShowQuery>,
) -> Result<HttpResponse, AppError> {
    let visit = Visit::new(state, current, ctx, address, &id)?;
    let held = held_forms::restore(&req, &visit.state, visit.actor()).await?;
    if let Some((form, forms)) = held.and_then(|held| restored_forms(visit.id, &held)) {
        let notice = Some(visit.ctx.t("held-restored"));
        return visit.page(forms, None, notice, Unfold::form(form)).await;
    }
    let notice = query.saved.as_ref().map(|_| visit.ctx.t("case-saved"));
    let unfold = query
        .saved
        .as_deref()
        .map(Unfold::section)
        .unwrap_or_default();
    visit.page(Forms::default(), None, notice, unfold).await
}

#[derive(Template)]
#[template(path = "cases/summary.html")]
struct SummaryPage {
    ctx: PageContext,
    v: CaseView,
}

/// `/cases/{id}/summary`: the client's file to print, without forms, notes, checklist or
/// audit trail; opened (and audited) like the case page.
pub async fn summary(
    state: web::Data<AppState>,
    current: CurrentStaff,
    ctx: PageContext,
    address: ClientAddress,
    id: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let id = parse_case_id(&id)?;
    let file = cases::open(&state, &current.staff, id, address.0).await?;
    let v = CaseView::build(file, &ctx.i18n, ctx.time_zone);
    render(SummaryPage { ctx, v }, StatusCode::OK)
}

/// The page's forms with a held submission (posted after the session ended) back in the
/// form it was typed into, and that form's name.
fn restored_forms(case_id: uuid::Uuid, held: &HeldForm) -> Option<(&'static str, Forms)> {
    let rest = held
        .action_path
        .strip_prefix(&format!("/cases/{case_id}/"))?;
    let fields = &held.fields;
    let parts: Vec<&str> = rest.split('/').collect();
    let restored = match parts.as_slice() {
        ["stage"] => (
            "stage",
            Forms {
                stage: form_from(fields)?,
                ..Forms::default()
            },
        ),
        ["dates"] => (
            "dates",
            Forms {
                dates: Some(form_from(fields)?),
                ..Forms::default()
            },
        ),
        ["events"] => (
            "events",
            Forms {
                event: form_from(fields)?,
                ..Forms::default()
            },
        ),
        ["events", event, "outcome"] => (
            "event_outcome",
            Forms {
                event_outcome: Some((event.to_string(), form_from(fields)?)),
                ..Forms::default()
            },
        ),
        ["ead-stops"] => (
            "ead",
            Forms {
                clock: form_from(fields)?,
                ..Forms::default()
            },
        ),
        ["checklist"] => (
            "checklist",
            Forms {
                checklist_add: form_from(fields)?,
                ..Forms::default()
            },
        ),
        ["checklist", item] => (
            "checklist_item",
            Forms {
                checklist_edit: Some((item.to_string(), form_from(fields)?)),
                ..Forms::default()
            },
        ),
        ["notes"] => (
            "notes",
            Forms {
                note: form_from(fields)?,
                ..Forms::default()
            },
        ),
        _ => return None,
    };
    Some(restored)
}

pub async fn change_stage(
    state: web::Data<AppState>,
    current: CurrentStaff,
    ctx: PageContext,
    address: ClientAddress,
    id: web::Path<String>,
    form: web::Form<StageForm>,
) -> Result<HttpResponse, AppError> {
    let visit = Visit::new(state, current, ctx, address, &id)?;
    let form = form.into_inner();
    let outcome = match CaseStage::parse(&form.to) {
        Ok(to) => cases::transition(
            &visit.state,
            visit.actor(),
            visit.id,
            to,
            form.note.clone(),
            Some(form.override_reason.clone()),
            visit.address(),
        )
        .await
        .map(|_| ()),
        Err(message) => {
            let mut errors = FieldErrors::default();
            errors.push("to", message);
            visit.invalid(errors).await
        }
    };
    let forms = Forms {
        stage: form,
        ..Forms::default()
    };
    visit.finish("stage", forms, outcome).await
}

pub async fn set_dates(
    state: web::Data<AppState>,
    current: CurrentStaff,
    ctx: PageContext,
    address: ClientAddress,
    id: web::Path<String>,
    form: web::Form<KeyDatesForm>,
) -> Result<HttpResponse, AppError> {
    let visit = Visit::new(state, current, ctx, address, &id)?;
    let form = form.into_inner();
    let outcome = match form.parse(cases::today(&visit.state)) {
        Ok(dates) => {
            cases::set_key_dates(
                &visit.state,
                visit.actor(),
                visit.id,
                dates,
                visit.address(),
            )
            .await
        }
        Err(errors) => visit.invalid(errors).await,
    };
    let forms = Forms {
        dates: Some(form),
        ..Forms::default()
    };
    visit.finish("dates", forms, outcome).await
}

pub async fn add_event(
    state: web::Data<AppState>,
    current: CurrentStaff,
    ctx: PageContext,
    address: ClientAddress,
    id: web::Path<String>,
    form: web::Form<CaseEventForm>,
) -> Result<HttpResponse, AppError> {
    let visit = Visit::new(state, current, ctx, address, &id)?;
    let form = form.into_inner();
    let outcome = match form.parse() {
        Ok(event) => cases::add_event(
            &visit.state,
            visit.actor(),
            visit.id,
            event,
            visit.address(),
        )
        .await
        .map(|_| ()),
        Err(errors) => visit.invalid(errors).await,
    };
    let forms = Forms {
        event: form,
        ..Forms::default()
    };
    visit.finish("events", forms, outcome).await
}

pub async fn remove_event(
    state: web::Data<AppState>,
    current: CurrentStaff,
    address: ClientAddress,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, AppError> {
    let (id, event_id) = path.into_inner();
    let id = parse_case_id(&id)?;
    cases::remove_event(
        &state,
        &current.staff,
        id,
        parse_record_id(&event_id),
        address.0,
    )
    .await?;
    Ok(see_other(&format!("/cases/{id}?saved=events#events")))
}

pub async fn record_event_outcome(
    state: web::Data<AppState>,
    current: CurrentStaff,
    ctx: PageContext,
    address: ClientAddress,
    path: web::Path<(String, String)>,
    form: web::Form<EventOutcomeForm>,
) -> Result<HttpResponse, AppError> {
    let (id, event_id) = path.into_inner();
    let visit = Visit::new(state, current, ctx, address, &id)?;
    let event_id = parse_record_id(&event_id);
    let form = form.into_inner();
    let outcome = match form.parse() {
        Ok(outcome) => {
            cases::record_event_outcome(
                &visit.state,
                visit.actor(),
                visit.id,
                event_id,
                outcome,
                visit.address(),
            )
            .await
        }
        Err(errors) => visit.invalid(errors).await,
    };
    let forms = Forms {
        event_outcome: Some((event_id.to_string(), form)),
        ..Forms::default()
    };
    visit.finish("event_outcome", forms, outcome).await
}

pub async fn change_ead_clock(
    state: web::Data<AppState>,
    current: CurrentStaff,
    ctx: PageContext,
    address: ClientAddress,
    id: web::Path<String>,
    form: web::Form<ClockForm>,
) -> Result<HttpResponse, AppError> {
    let visit = Visit::new(state, current, ctx, address, &id)?;
    let form = form.into_inner();
    let outcome = match form.parse() {
        Ok(change) => {
            cases::change_ead_clock(
                &visit.state,
                visit.actor(),
                visit.id,
                change,
                visit.address(),
            )
            .await
        }
        Err(errors) => visit.invalid(errors).await,
    };
    let forms = Forms {
        clock: form,
        ..Forms::default()
    };
    visit.finish("ead", forms, outcome).await
}

pub async fn add_checklist_item(
    state: web::Data<AppState>,
    current: CurrentStaff,
    ctx: PageContext,
    address: ClientAddress,
    id: web::Path<String>,
    form: web::Form<ChecklistItemForm>,
) -> Result<HttpResponse, AppError> {
    let visit = Visit::new(state, current, ctx, address, &id)?;
    let form = form.into_inner();
    let outcome = match form.parse_new() {
        Ok(item) => {
            cases::add_checklist_item(&visit.state, visit.actor(), visit.id, item, visit.address())
                .await
                .map(|_| ())
        }
        Err(errors) => visit.invalid(errors).await,
    };
    let forms = Forms {
        checklist_add: form,
        ..Forms::default()
    };
    visit.finish("checklist", forms, outcome).await
}

pub async fn update_checklist_item(
    state: web::Data<AppState>,
    current: CurrentStaff,
    ctx: PageContext,
    address: ClientAddress,
    path: web::Path<(String, String)>,
    form: web::Form<ChecklistItemForm>,
) -> Result<HttpResponse, AppError> {
    let (id, item_id) = path.into_inner();
    let visit = Visit::new(state, current, ctx, address, &id)?;
    let item_id = parse_record_id(&item_id);
    let form = form.into_inner();
    let outcome = match form.parse_update() {
        Ok(update) => {
            cases::update_checklist_item(
                &visit.state,
                visit.actor(),
                visit.id,
                item_id,
                update,
                visit.address(),
            )
            .await
        }
        Err(errors) => visit.invalid(errors).await,
    };
    let forms = Forms {
        checklist_edit: Some((item_id.to_string(), form)),
        ..Forms::default()
    };
    visit.finish("checklist_item", forms, outcome).await
}

pub async fn add_note(
    state: web::Data<AppState>,
    current: CurrentStaff,
    ctx: PageContext,
    address: ClientAddress,
    id: web::Path<String>,
    form: web::Form<NoteForm>,
) -> Result<HttpResponse, AppError> {
    let visit = Visit::new(state, current, ctx, address, &id)?;
    let form = form.into_inner();
    let outcome = match form.parse() {
        Ok(body) => cases::add_note(&visit.state, visit.actor(), visit.id, body, visit.address())
            .await
            .map(|_| ()),
        Err(errors) => visit.invalid(errors).await,
    };
    let forms = Forms {
        note: form,
        ..Forms::default()
    };
    visit.finish("notes", forms, outcome).await
}

pub async fn purge(
    state: web::Data<AppState>,
    current: CurrentStaff,
    ctx: PageContext,
    address: ClientAddress,
    id: web::Path<String>,
    form: web::Form<PurgeForm>,
) -> Result<HttpResponse, AppError> {
    let visit = Visit::new(state, current, ctx, address, &id)?;
    let form = form.into_inner();
    match cases::purge(
        &visit.state,
        visit.actor(),
        visit.id,
        &form.confirm,
        visit.address(),
    )
    .await
    {
        Ok(_) => Ok(see_other("/")),
        Err(AppError::Validation(errors)) => {
            let forms = Forms {
                purge: form,
                ..Forms::default()
            };
            visit
                .page(
                    forms,
                    Some(Failure::Invalid("purge", errors)),
                    None,
                    Unfold::default(),
                )
                .await
        }
        Err(err) => Err(err),
    }
}
