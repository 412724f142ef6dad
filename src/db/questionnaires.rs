//! Queries on `questionnaires`: links a client fills in the intake under, found by the
//! hash of their token, with the sealed draft of the answers typed so far (`db::sealed`).

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::DbConnection;
use super::schema::questionnaires;
use super::sealed::sealed;
use super::uuid::DbUuid;
use crate::domain::ids::StaffId;

pub struct NewQuestionnaire<'a> {
    pub id: uuid::Uuid,
    pub case_id: uuid::Uuid,
    pub token_hash: &'a str,
    pub language: &'a str,
    pub created_by: StaffId,
    pub now: NaiveDateTime,
    pub expires_at: NaiveDateTime,
    /// The draft it starts from (the case's latest), as stored: JSON of the pairs.
    pub draft: &'a str,
    pub draft_saved_at: Option<NaiveDateTime>,
}

pub fn insert(conn: &mut DbConnection, new: &NewQuestionnaire<'_>) -> QueryResult<usize> {
    diesel::insert_into(questionnaires::table)
        .values((
            questionnaires::id.eq(DbUuid(new.id)),
            questionnaires::case_id.eq(DbUuid(new.case_id)),
            questionnaires::token_hash.eq(new.token_hash),
            questionnaires::language.eq(new.language),
            questionnaires::created_by.eq(DbUuid(new.created_by.as_uuid())),
            questionnaires::created_at.eq(new.now),
            questionnaires::expires_at.eq(new.expires_at),
            questionnaires::draft.eq(sealed(new.draft)),
            questionnaires::draft_saved_at.eq(new.draft_saved_at),
        ))
        .execute(conn)
}

/// A link as the staff list shows it: no draft.
#[derive(Debug, Clone, Queryable)]
pub struct QuestionnaireRow {
    pub id: DbUuid,
    pub case_id: DbUuid,
    pub language: String,
    pub created_by: DbUuid,
    pub created_at: NaiveDateTime,
    pub expires_at: NaiveDateTime,
    pub revoked_at: Option<NaiveDateTime>,
    pub draft_saved_at: Option<NaiveDateTime>,
    pub submitted_at: Option<NaiveDateTime>,
    pub revision_id: Option<DbUuid>,
}

type Columns = (
    questionnaires::id,
    questionnaires::case_id,
    questionnaires::language,
    questionnaires::created_by,
    questionnaires::created_at,
    questionnaires::expires_at,
    questionnaires::revoked_at,
    questionnaires::draft_saved_at,
    questionnaires::submitted_at,
    questionnaires::revision_id,
);

const COLUMNS: Columns = (
    questionnaires::id,
    questionnaires::case_id,
    questionnaires::language,
    questionnaires::created_by,
    questionnaires::created_at,
    questionnaires::expires_at,
    questionnaires::revoked_at,
    questionnaires::draft_saved_at,
    questionnaires::submitted_at,
    questionnaires::revision_id,
);

/// The links of one case, newest first.
pub fn of_case(conn: &mut DbConnection, case_id: uuid::Uuid) -> QueryResult<Vec<QuestionnaireRow>> {
    questionnaires::table
        .filter(questionnaires::case_id.eq(DbUuid(case_id)))
        .order(questionnaires::created_at.desc())
        .select(COLUMNS)
        .load(conn)
}

pub fn find(conn: &mut DbConnection, id: uuid::Uuid) -> QueryResult<Option<QuestionnaireRow>> {
    questionnaires::table
        .find(DbUuid(id))
        .select(COLUMNS)
        .first(conn)
        .optional()
}

/// The link whose token hashes to `token_hash`, with its draft opened.
pub fn find_by_token(
    conn: &mut DbConnection,
    token_hash: &str,
) -> QueryResult<Option<(QuestionnaireRow, String)>> {
    questionnaires::table
        .filter(questionnaires::token_hash.eq(token_hash))
        .select((COLUMNS, questionnaires::draft))
        .first(conn)
        .optional()
}

/// The draft saved last on any link of the case, with when: a new link starts from it.
pub fn latest_draft(
    conn: &mut DbConnection,
    case_id: uuid::Uuid,
) -> QueryResult<Option<(String, NaiveDateTime)>> {
    let latest: Option<(String, Option<NaiveDateTime>)> = questionnaires::table
        .filter(questionnaires::case_id.eq(DbUuid(case_id)))
        .filter(questionnaires::draft_saved_at.is_not_null())
        .order(questionnaires::draft_saved_at.desc())
        .select((questionnaires::draft, questionnaires::draft_saved_at))
        .first(conn)
        .optional()?;
    Ok(latest.and_then(|(draft, at)| Some((draft, at?))))
}

/// Stores the draft of a link not yet sent; 0 if it was sent meanwhile.
pub fn save_draft(
    conn: &mut DbConnection,
    id: uuid::Uuid,
    draft: &str,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(
        questionnaires::table
            .find(DbUuid(id))
            .filter(questionnaires::submitted_at.is_null()),
    )
    .set((
        questionnaires::draft.eq(sealed(draft)),
        questionnaires::draft_saved_at.eq(now),
    ))
    .execute(conn)
}

/// Marks a link sent; 0 if it was sent, revoked or expired meanwhile (someone got there
/// first).
pub fn mark_submitted(
    conn: &mut DbConnection,
    id: uuid::Uuid,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(
        questionnaires::table
            .find(DbUuid(id))
            .filter(questionnaires::submitted_at.is_null())
            .filter(questionnaires::revoked_at.is_null())
            .filter(questionnaires::expires_at.gt(now)),
    )
    .set(questionnaires::submitted_at.eq(now))
    .execute(conn)
}

/// Records the revision a sent link's answers became.
pub fn set_revision(
    conn: &mut DbConnection,
    id: uuid::Uuid,
    revision_id: uuid::Uuid,
) -> QueryResult<usize> {
    diesel::update(questionnaires::table.find(DbUuid(id)))
        .set(questionnaires::revision_id.eq(DbUuid(revision_id)))
        .execute(conn)
}

/// Revokes the case's links that are still open (`only` the one named, or all); returns
/// how many.
pub fn revoke_open(
    conn: &mut DbConnection,
    case_id: uuid::Uuid,
    only: Option<uuid::Uuid>,
    by: StaffId,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    let open = questionnaires::table
        .filter(questionnaires::case_id.eq(DbUuid(case_id)))
        .filter(questionnaires::submitted_at.is_null())
        .filter(questionnaires::revoked_at.is_null())
        .filter(questionnaires::expires_at.gt(now));
    let set = (
        questionnaires::revoked_at.eq(now),
        questionnaires::revoked_by.eq(DbUuid(by.as_uuid())),
    );
    match only {
        Some(id) => diesel::update(open.filter(questionnaires::id.eq(DbUuid(id))))
            .set(set)
            .execute(conn),
        None => diesel::update(open).set(set).execute(conn),
    }
}
