//! `/cases/{id}/revisions/{revision_id}`: a client's answers (a questionnaire link) beside
//! what is on file, reviewed field by field — accept, edit or reject — and applied at once.
//!
//! Only fields where the client gave a non-empty answer that differs from the file are
//! shown (`domain::revision::differences`), named as the intake page names them. Without
//! JavaScript each field is a group of radio buttons and a text box prefilled with the
//! client's answer; two more buttons accept or reject every field left undecided. A problem
//! (a field left undecided, a value that does not stand) shows the review again with status
//! 422, every choice and edit kept and each message at its field.

use std::collections::BTreeMap;

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;

use super::api::parse_case_id;
use super::intake::form::IntakeForm;
use super::intake::{Choices, Shape, field_label};
use crate::auth::extractors::{ClientAddress, CurrentStaff, PageContext};
use crate::domain::ids::RevisionId;
use crate::domain::revision::{self, Decision, Outcome, Remaining, RevisionStatus};
use crate::error::{AppError, FieldErrors, Message};
use crate::routes::errors::FormErrors;
use crate::routes::see_other;
use crate::routes::sessions::html::render;
use crate::services::revisions::{self as revisions_service, RevisionReview};
use crate::state::AppState;

/// The form's name of a field's decision and of its edited text.
const DECISION: &str = "decision:";
const EDITED: &str = "edited:";

/// One field under review.
pub struct ReviewLine {
    pub path: String,
    pub label: String,
    /// What is on file and what the client answered, as the intake page shows them (a
    /// choice by its label); an edit starts from the answer's own text.
    pub on_file: String,
    pub answer: String,
    /// `accept`, `edit`, `reject` or empty (undecided).
    pub choice: String,
    /// The text of an edit: the client's answer until the reviewer changes it.
    pub edited: String,
    /// Edited in a text area: the intake page's are, and anything of several lines.
    pub long: bool,
}

/// One field of a reviewed revision and what became of it.
pub struct OutcomeLine {
    pub label: String,
    /// The catalogue key of the outcome.
    pub outcome: &'static str,
}

#[derive(Template)]
#[template(path = "revisions/review.html")]
struct ReviewPage {
    ctx: PageContext,
    review: RevisionReview,
    lines: Vec<ReviewLine>,
    outcomes: Vec<OutcomeLine>,
    errors: FormErrors,
    /// Problems at fields not on the review (the file's completion checks): named above.
    others: Vec<String>,
}

impl ReviewPage {
    fn pending(&self) -> bool {
        self.review.status == RevisionStatus::Pending
    }

    fn action(&self) -> String {
        format!(
            "/cases/{}/revisions/{}",
            self.review.case_id, self.review.id
        )
    }

    fn submitted(&self) -> String {
        self.ctx.time(&self.review.submitted_at)
    }

    fn reviewed(&self) -> String {
        let at = self
            .review
            .reviewed_at
            .map(|at| self.ctx.time(&at))
            .unwrap_or_default();
        let by = self
            .review
            .reviewer
            .as_ref()
            .map(|s| s.display_name.clone())
            .unwrap_or_default();
        self.ctx.i18n.message(
            &Message::new("revision-reviewed-by")
                .with("name", by)
                .with("at", at),
        )
    }

    fn language(&self) -> String {
        self.review
            .language
            .map(|l| self.ctx.t(l.label_key()))
            .unwrap_or_default()
    }
}

/// How a field is named on the page: as the intake page names it, or by its path.
fn label(ctx: &PageContext, path: &str) -> String {
    field_label(ctx, path).unwrap_or_else(|| path.to_string())
}

/// What was typed into the review's form: each field's choice and edited text.
#[derive(Debug, Clone, Default)]
struct Typed {
    choices: BTreeMap<String, String>,
    edited: BTreeMap<String, String>,
}

impl Typed {
    fn from_pairs(pairs: &[(String, String)]) -> Self {
        let mut typed = Self::default();
        for (name, value) in pairs {
            if let Some(path) = name.strip_prefix(DECISION) {
                typed.choices.insert(path.to_string(), value.clone());
            } else if let Some(path) = name.strip_prefix(EDITED) {
                typed.edited.insert(path.to_string(), value.clone());
            }
        }
        typed
    }

    /// The decisions made; an unknown choice is a bad request.
    fn decisions(&self) -> Result<BTreeMap<String, Decision>, AppError> {
        self.choices
            .iter()
            .filter(|(_, choice)| !choice.is_empty())
            .map(|(path, choice)| {
                let decision = match choice.as_str() {
                    "accept" => Decision::Accept,
                    "edit" => Decision::Edit(self.edited.get(path).cloned().unwrap_or_default()),
                    "reject" => Decision::Reject,
                    _ => return Err(AppError::BadRequest(Message::new("error-bad-request"))),
                };
                Ok((path.clone(), decision))
            })
            .collect()
    }
}

fn page(
    ctx: PageContext,
    review: RevisionReview,
    typed: &Typed,
    errors: &FieldErrors,
) -> ReviewPage {
    let pending = review.status == RevisionStatus::Pending;
    let lines: Vec<ReviewLine> = if pending {
        // Staff are named only by the claim's fields, which a client does not revise.
        let choices = Choices::new(&ctx, &[], &IntakeForm::default());
        revision::differences(&review.on_file, &review.answers)
            .into_iter()
            .map(|path| {
                let answer = review.answers.get(&path);
                let edited = typed
                    .edited
                    .get(&path)
                    .cloned()
                    .unwrap_or_else(|| answer.to_string());
                ReviewLine {
                    label: label(&ctx, &path),
                    on_file: choices.shown(&ctx, &path, review.on_file.get(&path)),
                    answer: choices.shown(&ctx, &path, answer),
                    choice: typed.choices.get(&path).cloned().unwrap_or_default(),
                    long: matches!(choices.shape(&path), Shape::Area)
                        || answer.contains('\n')
                        || edited.contains('\n'),
                    edited,
                    path,
                }
            })
            .collect()
    } else {
        Vec::new()
    };
    let outcomes = review
        .outcomes
        .iter()
        .map(|(path, outcome)| OutcomeLine {
            label: label(&ctx, path),
            outcome: match outcome {
                Outcome::Accepted => "revision-accepted",
                Outcome::Edited => "revision-edited",
                Outcome::Rejected => "revision-rejected",
            },
        })
        .collect();
    let others = errors
        .iter()
        .filter(|e| !lines.iter().any(|line| line.path == e.field))
        .map(|e| format!("{}: {}", label(&ctx, &e.field), ctx.message(&e.message)))
        .collect();
    ReviewPage {
        errors: FormErrors::translate(errors, &ctx.i18n),
        ctx,
        review,
        lines,
        outcomes,
        others,
    }
}

/// A revision id from the path: a malformed one names nothing, and is looked up (and not
/// found) only once the reader is known to see the case.
fn parse_revision_id(raw: &str) -> RevisionId {
    raw.parse().unwrap_or(RevisionId::from(uuid::Uuid::nil()))
}

/// `GET /cases/{id}/revisions/{revision_id}`: the review, or what it decided.
pub async fn show(
    state: web::Data<AppState>,
    current: CurrentStaff,
    ctx: PageContext,
    address: ClientAddress,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, AppError> {
    let (case_id, id) = path.into_inner();
    let review = revisions_service::open::<IntakeForm>(
        &state,
        &current.staff,
        parse_case_id(&case_id)?,
        parse_revision_id(&id),
        address.0,
    )
    .await?;
    let page = page(ctx, review, &Typed::default(), &FieldErrors::default());
    render(page, StatusCode::OK)
}

/// `POST /cases/{id}/revisions/{revision_id}`: the decisions applied to the file, then back
/// to the case page.
pub async fn decide(
    state: web::Data<AppState>,
    current: CurrentStaff,
    ctx: PageContext,
    address: ClientAddress,
    path: web::Path<(String, String)>,
    body: web::Form<Vec<(String, String)>>,
) -> Result<HttpResponse, AppError> {
    let (case_id, id) = path.into_inner();
    let (case_id, id) = (parse_case_id(&case_id)?, parse_revision_id(&id));
    let pairs = body.into_inner();
    let remaining = match pairs.iter().find(|(name, _)| name == "action") {
        None => Remaining::Undecided,
        Some((_, action)) => match action.as_str() {
            "apply" => Remaining::Undecided,
            "accept_rest" => Remaining::Accept,
            "reject_rest" => Remaining::Reject,
            _ => return Err(AppError::BadRequest(Message::new("error-bad-request"))),
        },
    };
    let typed = Typed::from_pairs(&pairs);
    let outcome = revisions_service::review::<IntakeForm>(
        &state,
        &current.staff,
        case_id,
        id,
        typed.decisions()?,
        remaining,
        address.0.clone(),
    )
    .await;
    match outcome {
        Ok(()) => Ok(see_other(&format!("/cases/{case_id}?saved=client#client"))),
        Err(AppError::Validation(errors)) => {
            let review = revisions_service::open::<IntakeForm>(
                &state,
                &current.staff,
                case_id,
                id,
                address.0,
            )
            .await?;
            render(
                page(ctx, review, &typed, &errors),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
        }
        Err(err) => Err(err),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn the_form_names_each_fields_decision_and_edit() {
        let typed = Typed::from_pairs(&pairs(&[
            ("csrf_token", "x"),
            ("decision:client.given_name", "edit"),
            ("edited:client.given_name", "Yuliia"),
            ("decision:client.phone", "reject"),
            ("edited:client.phone", "+380"),
            ("decision:family.1.given_name", "accept"),
            ("decision:client.email", ""),
        ]));
        let decisions = typed.decisions().unwrap();
        assert_eq!(
            decisions,
            BTreeMap::from([
                (
                    "client.given_name".to_string(),
                    Decision::Edit("Yuliia".into())
                ),
                ("client.phone".to_string(), Decision::Reject),
                ("family.1.given_name".to_string(), Decision::Accept),
            ])
        );
        let odd = Typed::from_pairs(&pairs(&[("decision:client.phone", "maybe")]));
        assert!(matches!(odd.decisions(), Err(AppError::BadRequest(_))));
    }
}
