//! A client's revisions of their case file: answers given through a questionnaire link
//! arrive here as a pending revision and change nothing in the file until a lawyer reviews
//! them field by field.

use chrono::{DateTime, Utc};
use serde_json::json;

use super::audit::AuditContext;
use super::cases::case_target;
use crate::clock;
use crate::db::revisions::RevisionRow;
use crate::db::sealed::sealed;
use crate::db::uuid::DbUuid;
use crate::db::{self, DbConnection};
use crate::domain::audit::AuditAction;
use crate::domain::ids::RevisionId;
use crate::domain::revision::{Answers, RevisionStatus};
use crate::error::AppError;
use crate::i18n::Language;

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
