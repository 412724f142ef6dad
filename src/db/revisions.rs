//! Queries on `case_revisions`: a client's answers to the intake, sealed, waiting for a
//! lawyer's review, and what the review decided (field paths only).

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::schema::case_revisions;
use super::sealed::SealedText;
use super::uuid::DbUuid;
use super::{DbConnection, natively};
use crate::domain::ids::{RevisionId, StaffId};
use crate::domain::revision::RevisionStatus;

/// One revision as stored; `answers` is the JSON object of the client's answers.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = case_revisions)]
#[diesel(treat_none_as_default_value = false)]
#[diesel(check_for_backend(diesel::sqlite::Sqlite, diesel::pg::Pg))]
pub struct RevisionRow {
    pub id: DbUuid,
    pub case_id: DbUuid,
    pub answers: SealedText,
    pub language: String,
    pub submitted_at: NaiveDateTime,
    pub status: String,
    pub reviewed_by: Option<DbUuid>,
    pub reviewed_at: Option<NaiveDateTime>,
    pub decisions: String,
}

pub fn insert(conn: &mut DbConnection, row: &RevisionRow) -> QueryResult<usize> {
    diesel::insert_into(case_revisions::table)
        .values(row.clone())
        .execute(conn)
}

pub fn find(conn: &mut DbConnection, id: RevisionId) -> QueryResult<Option<RevisionRow>> {
    case_revisions::table
        .find(DbUuid(id.as_uuid()))
        .select(RevisionRow::as_select())
        .first(conn)
        .optional()
}

/// The case's revisions waiting for review, oldest first: each one's id and when it was
/// submitted (the case page lists them; their sealed answers are not opened for that).
pub fn pending_of_case(
    conn: &mut DbConnection,
    case_id: uuid::Uuid,
) -> QueryResult<Vec<(DbUuid, NaiveDateTime)>> {
    natively!(conn, |c| case_revisions::table
        .filter(case_revisions::case_id.eq(DbUuid(case_id)))
        .filter(case_revisions::status.eq(RevisionStatus::Pending.as_str()))
        .order(case_revisions::submitted_at.asc())
        .select((case_revisions::id, case_revisions::submitted_at))
        .load(c))
}

/// Marks a pending revision reviewed, with who decided, when, and the decisions (JSON, paths
/// only). Touches only a revision still pending: `false` when it was reviewed meanwhile.
pub fn mark_reviewed(
    conn: &mut DbConnection,
    id: RevisionId,
    by: StaffId,
    at: NaiveDateTime,
    decisions: &str,
) -> QueryResult<bool> {
    let updated = diesel::update(
        case_revisions::table
            .filter(case_revisions::id.eq(DbUuid(id.as_uuid())))
            .filter(case_revisions::status.eq(RevisionStatus::Pending.as_str())),
    )
    .set((
        case_revisions::status.eq(RevisionStatus::Reviewed.as_str()),
        case_revisions::reviewed_by.eq(Some(DbUuid(by.as_uuid()))),
        case_revisions::reviewed_at.eq(Some(at)),
        case_revisions::decisions.eq(decisions),
    ))
    .execute(conn)?;
    Ok(updated == 1)
}

/// Every revision of the case, newest first.
pub fn of_case(conn: &mut DbConnection, case_id: uuid::Uuid) -> QueryResult<Vec<RevisionRow>> {
    case_revisions::table
        .filter(case_revisions::case_id.eq(DbUuid(case_id)))
        .order(case_revisions::submitted_at.desc())
        .select(RevisionRow::as_select())
        .load(conn)
}
