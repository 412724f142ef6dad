//! `/cases/{id}/i589` and `GET /api/v1/cases/{id}/i589`: the I-589 data sheet, every item of
//! the form in its order with its number, in English, each filled as the form wants it
//! ("NONE", "N/A") or marked missing, for a paralegal to transcribe into the form, a lawyer to
//! review with the client, or a form-filling tool to read. Both are opened (and audited) like
//! the case page.
//!
//! Nothing here knows the items one by one: the sheet is `domain::i589`'s list of items, each
//! item's values read from the intake page's fields it names, as the intake page shows them
//! (a choice by its English label, a checkbox as Yes or No, a list as one line per row). An
//! item added to the model is on the sheet.

use std::collections::BTreeMap;

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::auth::extractors::{ClientAddress, CurrentStaff, PageContext};
use crate::domain::background::YearMonth;
use crate::domain::i589::{self, Facts, Part, State};
use crate::domain::intake::{self, Intake};
use crate::domain::revision::Answers;
use crate::error::AppError;
use crate::i18n::{I18n, Language};
use crate::routes::cases::api::parse_case_id;
use crate::routes::cases::intake::form::{IntakeForm, is_ticked};
use crate::routes::cases::intake::{Choices, Shape};
use crate::routes::sessions::html::render;
use crate::services::cases;
use crate::state::AppState;

/// An item's state on the sheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum SheetState {
    /// Answered with a value.
    Answered,
    /// "NONE" or "N/A" as typed (or a blank "(if any)" number): the form prints it.
    None,
    /// Not asked of this applicant by a rule: the form prints "N/A".
    NotApplicable,
    /// A blank box: the sheet marks it.
    Missing,
}

impl SheetState {
    pub const ALL: [SheetState; 4] = [
        Self::Answered,
        Self::None,
        Self::NotApplicable,
        Self::Missing,
    ];

    fn of(state: State) -> Self {
        match state {
            State::Answered => Self::Answered,
            State::ExplicitNone => Self::None,
            State::NotApplicable => Self::NotApplicable,
            State::Missing(_) | State::MissingInRow(..) => Self::Missing,
        }
    }
}

/// One item of the form as the sheet prints it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct SheetItem {
    /// As printed on the form, with a suffix for a box within an item: `A.I.6`,
    /// `A.I.19c.date`, `A.II.child.2.date_of_birth`.
    pub number: String,
    /// In English, as the form asks it: `Middle name`, `Child 2: Date of birth`.
    pub label: String,
    pub state: SheetState,
    /// What to write, one entry per box filled, in the item's order (a question's answer,
    /// then its explanation): a choice by its English label, a checkbox alone as `Yes` or
    /// `No` (among other boxes, ticked, by its label), a date as `mm/dd/yyyy`, a month as
    /// `mm/yyyy`, a list one entry per row, "NONE" or "N/A" where the form wants it. A
    /// missing item gives what it has, often nothing.
    pub values: Vec<String>,
    /// For a name: the person's name in their native alphabet, when on file.
    pub native_name: Option<String>,
}

/// One part of the form.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct SheetPart {
    /// As printed: `A.I`, `A.II`, `A.III`, `B`, `C`, `D`.
    pub part: String,
    /// As on the form: `Part A.I. Information About You`.
    pub title: String,
    pub items: Vec<SheetItem>,
}

/// The I-589 data sheet of a case.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct SheetJson {
    pub case_id: uuid::Uuid,
    pub reference: String,
    /// Items answered, NONE/N/A, or not applicable.
    pub ready: usize,
    pub total: usize,
    /// Every part of the form, in its order; items in the form's order.
    pub parts: Vec<SheetPart>,
}

/// "NONE"/"N/A" as the form prints a box with nothing to write.
const NONE: &str = "NONE";
const NOT_APPLICABLE: &str = "N/A";

/// A value as the form wants it written: a date as mm/dd/yyyy, a month (what Part A.III's
/// from/to boxes hold, `2019-04` in the intake) as mm/yyyy, anything else as given.
fn written(value: &str) -> String {
    let value = value.trim();
    if let Ok(day) = chrono::NaiveDate::parse_from_str(value, "%Y-%m-%d") {
        return day.format("%m/%d/%Y").to_string();
    }
    // Only the intake's own way of writing a month: anything else is text as typed.
    let iso_month = value.len() == 7 && value.as_bytes().get(4) == Some(&b'-');
    match YearMonth::parse(value) {
        Ok(month) if iso_month => format!("{:02}/{:04}", month.month(), month.year()),
        _ => value.to_string(),
    }
}

/// Where the field at `path` stands among the intake's fields: the label table lists each
/// section's fields in the page's order.
fn form_order(path: &str) -> usize {
    let general = intake::general_path(path);
    intake::FIELD_LABELS
        .iter()
        .position(|(field, _)| *field == general)
        .unwrap_or(usize::MAX)
}

/// The name in the native alphabet of the person a name item is about: the applicant's
/// (`client.family_name`) or a family row's (`family.3.family_name`).
fn native_name_for(field: &str, answers: &Answers) -> Option<String> {
    let stem = field.strip_suffix(".family_name")?;
    let native = answers.get(&format!("{stem}.native_name")).trim();
    (!native.is_empty()).then(|| native.to_string())
}

/// The sheet of `intake`, in English. `english` is a page context in English: the choices'
/// labels and Yes/No are the intake page's own, in English.
fn sheet(
    english: &PageContext,
    case_id: uuid::Uuid,
    reference: String,
    intake: &Intake,
    today: chrono::NaiveDate,
    filed_on: Option<chrono::NaiveDate>,
) -> SheetJson {
    let items = i589::items(&Facts {
        intake,
        today,
        filed_on,
    });
    let form = IntakeForm::from_intake(intake);
    let answers = form.answers();
    let choices = Choices::new(english, &[], &form);
    // A box on its own is the item's Yes or No; among other boxes, ticked it reads as its
    // label ("Same as above", "To present") and unticked it says nothing.
    let shown = |field: &str, alone: bool| -> String {
        let value = answers.get(field);
        match choices.shape(field) {
            Shape::Check if alone => english.t(if is_ticked(value) {
                "case-yes"
            } else {
                "case-no"
            }),
            Shape::Check if is_ticked(value) => {
                intake::label_key(field).map_or_else(String::new, |key| english.t(key))
            }
            Shape::Check => String::new(),
            _ => written(&choices.shown(english, field, value)),
        }
    };
    // What a field gives the sheet: its value, or for a list (`residences`, `us_entries`)
    // one line per row, the row's boxes in the intake page's order.
    let values_of = |field: &str, alone: bool| -> Vec<String> {
        if field.contains('.') {
            return vec![shown(field, alone)];
        }
        let prefix = format!("{field}.");
        let mut rows: BTreeMap<usize, Vec<(usize, String)>> = BTreeMap::new();
        for (path, _) in answers.iter() {
            let Some((row, name)) = path.strip_prefix(&prefix).and_then(|r| r.split_once('.'))
            else {
                continue;
            };
            let (Ok(row), false) = (row.parse::<usize>(), name == "row") else {
                continue;
            };
            rows.entry(row)
                .or_default()
                .push((form_order(path), shown(path, false)));
        }
        rows.into_values()
            .map(|mut boxes| {
                boxes.sort_by_key(|(order, _)| *order);
                boxes
                    .into_iter()
                    .map(|(_, text)| text)
                    .filter(|text| !text.is_empty())
                    .collect::<Vec<_>>()
                    .join(", ")
            })
            .collect()
    };
    let mut parts: Vec<SheetPart> = Part::ALL
        .iter()
        .map(|part| SheetPart {
            part: part.code().to_string(),
            title: part.title().to_string(),
            items: Vec::new(),
        })
        .collect();
    let ready = items.iter().filter(|item| item.state.is_ready()).count();
    let total = items.len();
    for item in items {
        let state = SheetState::of(item.state);
        let alone = item.fields.len() == 1;
        let given: Vec<String> = item
            .fields
            .iter()
            .flat_map(|field| values_of(field, alone))
            .filter(|value| !value.is_empty())
            .collect();
        let values = match state {
            // What the form prints for nothing to write: "N/A" where it was typed so.
            SheetState::None => {
                let typed = given.iter().any(|v| v.eq_ignore_ascii_case(NOT_APPLICABLE));
                vec![if typed { NOT_APPLICABLE } else { NONE }.to_string()]
            }
            SheetState::NotApplicable => vec![NOT_APPLICABLE.to_string()],
            SheetState::Answered | SheetState::Missing => given,
        };
        let native_name = item
            .fields
            .first()
            .and_then(|field| native_name_for(field, &answers));
        let sheet_item = SheetItem {
            number: item.number,
            label: item.label,
            state,
            values,
            native_name,
        };
        if let Some(part) = parts.iter_mut().find(|p| p.part == item.part.code()) {
            part.items.push(sheet_item);
        }
    }
    SheetJson {
        case_id,
        reference,
        ready,
        total,
        parts,
    }
}

/// Opens the case (authorized and audited as a read of the case file) and makes its sheet.
async fn open_sheet(
    state: &AppState,
    current: &CurrentStaff,
    english: &PageContext,
    id: &str,
    address: Option<String>,
) -> Result<SheetJson, AppError> {
    let id = parse_case_id(id)?;
    let file = cases::open(state, &current.staff, id, address).await?;
    Ok(sheet(
        english,
        id,
        file.case.reference.clone(),
        &file.intake,
        file.today,
        file.case.i589_filed_on,
    ))
}

/// The context in English: the sheet is in the form's language whoever reads it.
fn in_english(ctx: &PageContext) -> PageContext {
    PageContext {
        i18n: I18n::new(Language::En),
        ..ctx.clone()
    }
}

#[derive(Template)]
#[template(path = "cases/i589.html")]
struct SheetPage {
    ctx: PageContext,
    s: SheetJson,
}

impl SheetPage {
    fn is_missing(&self, item: &SheetItem) -> bool {
        item.state == SheetState::Missing
    }
}

/// `/cases/{id}/i589`: the data sheet to print, in English; the page's own chrome (the way
/// back, the print hint) in the reader's language.
pub async fn show(
    state: web::Data<AppState>,
    current: CurrentStaff,
    ctx: PageContext,
    address: ClientAddress,
    id: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let english = in_english(&ctx);
    let s = open_sheet(&state, &current, &english, &id, address.0).await?;
    render(SheetPage { ctx, s }, StatusCode::OK)
}

/// The case's I-589 data sheet: every item of the form in its order, by part, with its
/// number, its English label, its state and what to write. Every read is audited as a read
/// of the case file.
#[utoipa::path(
    get,
    path = "/api/v1/cases/{id}/i589",
    tag = "cases",
    security(("bearer" = [])),
    params(("id" = uuid::Uuid, Path, description = "The case's id")),
    responses(
        (status = 200, description = "The I-589 data sheet", body = SheetJson),
        (status = 401, description = "Not signed in", body = crate::routes::errors::Problem, content_type = "application/problem+json"),
        (status = 403, description = "A paralegal not assigned to the case", body = crate::routes::errors::Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such case", body = crate::routes::errors::Problem, content_type = "application/problem+json"),
    )
)]
pub async fn show_api(
    req: HttpRequest,
    state: web::Data<AppState>,
    current: CurrentStaff,
    address: ClientAddress,
    id: web::Path<String>,
) -> Result<web::Json<SheetJson>, AppError> {
    let english = in_english(&PageContext::current(&req));
    let s = open_sheet(&state, &current, &english, &id, address.0).await?;
    Ok(web::Json(s))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_months_are_written_as_the_form_wants_them() {
        assert_eq!(written("2025-06-01"), "06/01/2025");
        assert_eq!(written(" FX123456 "), "FX123456");
        assert_eq!(written("2025-13-01"), "2025-13-01");
        assert_eq!(written("2019-04"), "04/2019");
        assert_eq!(written("2019-13"), "2019-13");
        assert_eq!(written("Sumska 17"), "Sumska 17");
        assert_eq!(written("1-2345"), "1-2345");
    }

    #[test]
    fn a_name_item_finds_its_persons_native_name() {
        let answers: Answers = [
            ("family.3.native_name".to_string(), "Олена".to_string()),
            ("client.native_name".to_string(), "Оксана".to_string()),
        ]
        .into_iter()
        .collect();
        assert_eq!(
            native_name_for("family.3.family_name", &answers).as_deref(),
            Some("Олена")
        );
        assert_eq!(
            native_name_for("client.family_name", &answers).as_deref(),
            Some("Оксана")
        );
        assert_eq!(native_name_for("family.2.family_name", &answers), None);
        assert_eq!(native_name_for("client.given_name", &answers), None);
    }
}
