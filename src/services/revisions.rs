//! A client's revisions of their case file: answers given through a questionnaire link
//! arrive here as a pending revision and change nothing in the file until a lawyer reviews
//! them field by field.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde_json::json;

use super::audit::{self, AuditContext};
use super::case_access::{assignment, reader_case};
use super::cases::case_target;
use super::intake::Saving;
use crate::auth::policy;
use crate::clock;
use crate::db::cases::CaseRow;
use crate::db::revisions::RevisionRow;
use crate::db::sealed::sealed;
use crate::db::uuid::DbUuid;
use crate::db::{self, DbConnection, write_transaction};
use crate::domain::audit::AuditAction;
use crate::domain::ids::RevisionId;
use crate::domain::intake::Intake;
use crate::domain::revision::{
    self, Answers, Decision, IntakeText, Outcome, Remaining, RevisionStatus,
};
use crate::domain::staff::Staff;
use crate::error::{AppError, Message};
use crate::i18n::Language;
use crate::state::AppState;

/// Records a client's answers as a pending revision of the case, with the case's audit
/// entry (no staff actor: the client answered; no answer in it). In the caller's
/// transaction, so that the answers and whatever the caller records about their submission
/// commit together. 404 when the case does not exist.
pub fn record_pending(
    conn: &mut DbConnection,
    case_id: uuid::Uuid,
    answers: &Answers,
    language: Language,
    now: DateTime<Utc>,
) -> Result<RevisionId, AppError> {
    db::cases::find(conn, case_id)?.ok_or(AppError::NotFound)?;
    let id = RevisionId::new();
    let answers = serde_json::to_string(answers).map_err(AppError::internal)?;
    db::revisions::insert(
        conn,
        &RevisionRow {
            id: DbUuid(id.as_uuid()),
            case_id: DbUuid(case_id),
            answers: sealed(&answers),
            language: language.code().to_string(),
            submitted_at: clock::to_db(now),
            status: RevisionStatus::Pending.as_str().to_string(),
            reviewed_by: None,
            reviewed_at: None,
            decisions: String::new(),
        },
    )?;
    AuditContext::new(None, None, now).record(
        conn,
        AuditAction::CaseRevisionSubmitted,
        case_target(case_id),
        json!({ "revision_id": id, "language": language.code() }),
    )?;
    Ok(id)
}

/// A revision waiting for review, as the case page mentions it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PendingRevision {
    pub id: RevisionId,
    pub submitted_at: DateTime<Utc>,
}

/// The case's revisions waiting for review, if `reader` may read clients' answers to it
/// (none otherwise: the case page shows them only to who may open them).
pub fn pending_for(
    conn: &mut DbConnection,
    reader: &Staff,
    case: &CaseRow,
) -> Result<Vec<PendingRevision>, AppError> {
    if policy::can_read_revisions(reader, assignment(case)).is_err() {
        return Ok(Vec::new());
    }
    Ok(db::revisions::pending_of_case(conn, case.id.0)?
        .into_iter()
        .map(|(id, submitted_at)| PendingRevision {
            id: RevisionId::from(id.0),
            submitted_at: clock::from_db(submitted_at),
        })
        .collect())
}

/// A revision as a list of the case's revisions shows it: no answer in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RevisionSummary {
    pub id: RevisionId,
    pub status: RevisionStatus,
    pub language: Option<Language>,
    pub submitted_at: DateTime<Utc>,
    pub reviewed_at: Option<DateTime<Utc>>,
}

/// The case's revisions, newest first, for a reader who may read clients' answers to it.
pub async fn list(
    state: &AppState,
    reader: &Staff,
    case_id: uuid::Uuid,
) -> Result<Vec<RevisionSummary>, AppError> {
    let reader = reader.clone();
    state
        .db
        .read(move |conn| {
            let (_, case) = reader_case(conn, &reader, case_id)?;
            policy::can_read_revisions(&reader, assignment(&case))?;
            Ok(db::revisions::of_case(conn, case_id)?
                .into_iter()
                .map(|row| RevisionSummary {
                    id: RevisionId::from(row.id.0),
                    status: RevisionStatus::parse(&row.status).unwrap_or(RevisionStatus::Pending),
                    language: Language::parse(&row.language),
                    submitted_at: clock::from_db(row.submitted_at),
                    reviewed_at: row.reviewed_at.map(clock::from_db),
                })
                .collect())
        })
        .await
}

/// One revision beside the file, for its review.
#[derive(Debug, Clone)]
pub struct RevisionReview {
    pub id: RevisionId,
    pub case_id: uuid::Uuid,
    pub reference: String,
    pub language: Option<Language>,
    pub submitted_at: DateTime<Utc>,
    pub status: RevisionStatus,
    pub reviewed_at: Option<DateTime<Utc>>,
    pub reviewer: Option<Staff>,
    /// What each reviewed field became (paths only); empty while pending.
    pub outcomes: BTreeMap<String, Outcome>,
    /// The file as its form shows it, now.
    pub on_file: Answers,
    /// The client's answers.
    pub answers: Answers,
    /// Whether the reader may decide on it (edit the file).
    pub may_decide: bool,
}

/// The case (in the reader's scope) and its revision `id`, if the reader may read clients'
/// answers to it: 404 for a revision of another case.
fn revision_of(
    conn: &mut DbConnection,
    reader: &Staff,
    case_id: uuid::Uuid,
    id: RevisionId,
) -> Result<(CaseRow, RevisionRow), AppError> {
    let (_, case) = reader_case(conn, reader, case_id)?;
    policy::can_read_revisions(reader, assignment(&case))?;
    let revision = db::revisions::find(conn, id)?
        .filter(|row| row.case_id.0 == case_id)
        .ok_or(AppError::NotFound)?;
    Ok((case, revision))
}

/// The file's intake as it is now, the claim's part from the case.
fn file_of(conn: &mut DbConnection, case: &CaseRow) -> Result<Intake, AppError> {
    let mut intake = db::clients::load(conn, case.client_id.0)?.ok_or(AppError::NotFound)?;
    intake.claim.kind = case.kind();
    intake.claim.lawyer_id = case.lawyer();
    intake.claim.paralegal_id = case.paralegal();
    Ok(intake)
}

fn answers_of(row: &RevisionRow) -> Result<Answers, AppError> {
    serde_json::from_str(&row.answers.0).map_err(AppError::internal)
}

/// Opens a revision beside the file, for a reader who may read clients' answers to the
/// case. Like opening the file, it is read first and returned only once its read is on
/// record.
pub async fn open<T: IntakeText + 'static>(
    state: &AppState,
    reader: &Staff,
    case_id: uuid::Uuid,
    id: RevisionId,
    address: Option<String>,
) -> Result<RevisionReview, AppError> {
    let audit = AuditContext::new(Some(reader.id), address, state.now());
    let reader = reader.clone();
    let review = state
        .db
        .read(move |conn| {
            let (case, row) = revision_of(conn, &reader, case_id, id)?;
            let on_file = T::answers_of(&file_of(conn, &case)?);
            let reviewer = match row.reviewed_by {
                Some(by) => db::staff::find(conn, by.0.into())?,
                None => None,
            };
            Ok(RevisionReview {
                id,
                case_id,
                reference: case.reference,
                language: Language::parse(&row.language),
                submitted_at: clock::from_db(row.submitted_at),
                status: RevisionStatus::parse(&row.status).unwrap_or(RevisionStatus::Pending),
                reviewed_at: row.reviewed_at.map(clock::from_db),
                reviewer,
                outcomes: serde_json::from_str(&row.decisions).unwrap_or_default(),
                on_file,
                answers: answers_of(&row)?,
                may_decide: policy::can_edit_case_file(&reader).is_ok(),
            })
        })
        .await?;
    audit::record_read(
        state,
        audit.pending(
            AuditAction::CaseRevisionViewed,
            case_target(case_id),
            json!({ "revision_id": id }),
        ),
    )
    .await?;
    Ok(review)
}

/// Applies a reviewer's decisions: the file's form with every accepted or edited answer
/// laid over it is read back and saved as an edit of the intake is (audited with the safe
/// fields' before and after), and the revision is marked reviewed with who decided, when and
/// which paths were accepted, edited or rejected — all in one transaction. A field left
/// undecided or a value that does not stand is a validation problem at its path; a revision
/// already reviewed answers 409 and changes nothing. `remaining` decides the fields the
/// reviewer left undecided.
pub async fn review<T: IntakeText + 'static>(
    state: &AppState,
    reviewer: &Staff,
    case_id: uuid::Uuid,
    id: RevisionId,
    decisions: BTreeMap<String, Decision>,
    remaining: Remaining,
    address: Option<String>,
) -> Result<(), AppError> {
    let saving = Saving::new(state, reviewer, address.clone())?;
    let audit = AuditContext::new(Some(reviewer.id), address, state.now());
    let reviewer = reviewer.clone();
    state
        .db
        .run(move |conn| {
            write_transaction(conn, |conn| {
                let (case, row) = revision_of(conn, &reviewer, case_id, id)?;
                if row.status != RevisionStatus::Pending.as_str() {
                    return Err(already_reviewed());
                }
                let before = file_of(conn, &case)?;
                let applied = revision::apply(
                    &T::answers_of(&before),
                    &answers_of(&row)?,
                    &decisions,
                    remaining,
                )
                .map_err(AppError::Validation)?;
                if applied.changes_the_file() {
                    let after = T::parse(&applied.answers).map_err(AppError::Validation)?;
                    if after != before {
                        saving.save(conn, Some(case_id), after, false)?;
                    }
                }
                let recorded =
                    serde_json::to_string(&applied.outcomes).map_err(AppError::internal)?;
                if !db::revisions::mark_reviewed(
                    conn,
                    id,
                    reviewer.id,
                    clock::to_db(audit.at),
                    &recorded,
                )? {
                    return Err(already_reviewed());
                }
                audit.record(
                    conn,
                    AuditAction::CaseRevisionReviewed,
                    case_target(case_id),
                    json!({
                        "revision_id": id,
                        "accepted": applied.paths(Outcome::Accepted),
                        "edited": applied.paths(Outcome::Edited),
                        "rejected": applied.paths(Outcome::Rejected),
                    }),
                )?;
                Ok(())
            })
        })
        .await
}

fn already_reviewed() -> AppError {
    AppError::Conflict(Message::new("revision-already-reviewed"))
}
