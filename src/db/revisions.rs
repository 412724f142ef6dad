//! Queries on `case_revisions`: a client's answers to the intake, sealed, waiting for a
//! lawyer's review, and what the review decided (field paths only).

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::DbConnection;
use super::schema::case_revisions;
use super::sealed::SealedText;
use super::uuid::DbUuid;
use crate::domain::ids::RevisionId;

/// One revision as stored; `answers` is the JSON object of the client's answers.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = case_revisions)]
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
