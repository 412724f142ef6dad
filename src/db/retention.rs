//! Queries of the retention rule: the cases closed before a moment, and what else names a
//! case that a purge must take with it (its mail and held forms; the rest goes by
//! `ON DELETE CASCADE` from `clients`).

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::DbConnection;
use super::outbox::SENT;
use super::schema::{cases, held_forms, notifications, outbox};
use super::uuid::DbUuid;

/// A case due for deletion, as listed to administrators: no names.
#[derive(Debug, Clone, Queryable)]
pub struct DueCase {
    pub id: DbUuid,
    pub client_id: DbUuid,
    pub reference: String,
    pub stage: String,
    pub closed_at: NaiveDateTime,
}

/// Cases closed, withdrawn or declined before `closed_before`, longest closed first.
pub fn closed_before(
    conn: &mut DbConnection,
    closed_before: NaiveDateTime,
) -> QueryResult<Vec<DueCase>> {
    cases::table
        .filter(cases::closed_at.lt(closed_before))
        .order((cases::closed_at.asc(), cases::reference.asc()))
        .select((
            cases::id,
            cases::client_id,
            cases::reference,
            cases::stage,
            cases::closed_at.assume_not_null(),
        ))
        .load(conn)
}

/// Deletes the mail about a case: the messages written for it, and the digests not yet
/// sent that carry one of its notifications (their other notifications wait for the next
/// digest again, through `ON DELETE SET NULL`). A digest already sent stays: it names the
/// case by reference only. Returns how many messages went.
pub fn delete_mail_about(conn: &mut DbConnection, case_id: uuid::Uuid) -> QueryResult<usize> {
    let digests: Vec<Option<DbUuid>> = notifications::table
        .filter(notifications::case_id.eq(DbUuid(case_id)))
        .filter(notifications::outbox_id.is_not_null())
        .select(notifications::outbox_id)
        .load(conn)?;
    let digests: Vec<DbUuid> = digests.into_iter().flatten().collect();
    let unsent_digests = diesel::delete(
        outbox::table
            .filter(outbox::id.eq_any(digests))
            .filter(outbox::case_id.is_null())
            .filter(outbox::status.ne(SENT)),
    )
    .execute(conn)?;
    let own =
        diesel::delete(outbox::table.filter(outbox::case_id.eq(DbUuid(case_id)))).execute(conn)?;
    Ok(unsent_digests + own)
}

/// Deletes the forms held for a case's pages (what someone typed after their session ended:
/// the intake holds names and the whole story).
pub fn delete_held_forms_of(conn: &mut DbConnection, case_id: uuid::Uuid) -> QueryResult<usize> {
    let pattern = format!("/cases/{case_id}%");
    diesel::delete(
        held_forms::table.filter(
            held_forms::action_path
                .like(pattern.clone())
                .or(held_forms::page_path.like(pattern)),
        ),
    )
    .execute(conn)
}
