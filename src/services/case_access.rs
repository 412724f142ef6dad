//! One case as a reader may reach it: loaded, then checked by the policy against the reader's
//! case scope (`auth::scope`) — the same scope their lists, searches and reports are
//! filtered by, so no case opens to someone whose lists leave it out.

use crate::auth::policy;
use crate::auth::scope::{Assignment, CaseScope};
use crate::db::cases::CaseRow;
use crate::db::{self, DbConnection};
use crate::domain::case_stage::CaseStage;
use crate::domain::staff::Staff;
use crate::error::AppError;
use crate::state::AppState;

/// Who the case is assigned to, as access cares.
pub fn assignment(row: &CaseRow) -> Assignment {
    Assignment {
        lawyer: row.lawyer(),
        paralegal: row.paralegal(),
        new_inquiry: row.stage == CaseStage::Inquiry.as_str()
            && row.source == db::cases::SOURCE_WEB_FORM
            && row.lawyer_id.is_none()
            && row.paralegal_id.is_none(),
    }
}

/// Loads a case in `scope`, or answers 404 (no such case) or 403 (not in the scope).
pub fn visible_case(
    conn: &mut DbConnection,
    scope: &CaseScope,
    id: uuid::Uuid,
) -> Result<CaseRow, AppError> {
    let row = db::cases::find(conn, id)?.ok_or(AppError::NotFound)?;
    policy::can_view_case(scope, assignment(&row))?;
    Ok(row)
}

/// The reader's scope, built for this request, and the case in it (404 or 403 otherwise):
/// where a use case starts from one case.
pub fn reader_case(
    conn: &mut DbConnection,
    reader: &Staff,
    id: uuid::Uuid,
) -> Result<(CaseScope, CaseRow), AppError> {
    let scope = db::scope::load(conn, reader)?;
    let row = visible_case(conn, &scope, id)?;
    Ok((scope, row))
}

/// The reader's scope, once the case is known to be in it (404 or 403 otherwise): the check
/// before a read of the file is put on record. Two reads and no transaction: the file itself
/// is read afterwards in a transaction of its own, checked against this scope again.
pub async fn reader_scope(
    state: &AppState,
    reader: &Staff,
    id: uuid::Uuid,
) -> Result<CaseScope, AppError> {
    let reader = reader.clone();
    state
        .db
        .run(move |conn| reader_case(conn, &reader, id).map(|(scope, _)| scope))
        .await
}
