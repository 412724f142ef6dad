//! Queries on `held_forms`: form submissions that arrived after their session had ended,
//! kept until their owner signs in again on the same browser (at most a day).

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::DbConnection;
use super::schema::held_forms;
use super::sealed::sealed;
use super::uuid::DbUuid;
use crate::domain::ids::{self, StaffId};

pub struct NewHeldForm<'a> {
    pub holder_hash: &'a str,
    pub staff_id: Option<StaffId>,
    pub address: Option<&'a str>,
    pub page_path: &'a str,
    pub action_path: &'a str,
    pub fields: &'a str,
    pub now: NaiveDateTime,
    pub expires_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable)]
pub struct HeldFormRow {
    pub id: DbUuid,
    pub action_path: String,
    pub fields: String,
}

fn staff(id: StaffId) -> DbUuid {
    DbUuid(id.as_uuid())
}

pub fn insert(conn: &mut DbConnection, new: &NewHeldForm<'_>) -> QueryResult<usize> {
    diesel::insert_into(held_forms::table)
        .values((
            held_forms::id.eq(DbUuid(ids::new_row_id())),
            held_forms::holder_hash.eq(new.holder_hash),
            held_forms::staff_id.eq(new.staff_id.map(staff)),
            held_forms::address.eq(new.address),
            held_forms::page_path.eq(new.page_path),
            held_forms::action_path.eq(new.action_path),
            held_forms::fields.eq(sealed(new.fields)),
            held_forms::held_at.eq(new.now),
            held_forms::expires_at.eq(new.expires_at),
        ))
        .execute(conn)
}

/// Unowned submissions from one client address still held: the cap on what a visitor who
/// never signed in can make the server keep.
pub fn count_unowned_from(
    conn: &mut DbConnection,
    address: Option<&str>,
    now: NaiveDateTime,
) -> QueryResult<i64> {
    let unowned = held_forms::table
        .filter(held_forms::staff_id.is_null())
        .filter(held_forms::expires_at.gt(now))
        .into_boxed();
    match address {
        Some(address) => unowned.filter(held_forms::address.eq(address)),
        None => unowned.filter(held_forms::address.is_null()),
    }
    .count()
    .get_result(conn)
}

/// Gives this browser's unowned submissions to the staff member who just signed in on it.
pub fn claim_unowned(
    conn: &mut DbConnection,
    holder_hash: &str,
    staff_id: StaffId,
) -> QueryResult<usize> {
    diesel::update(
        held_forms::table
            .filter(held_forms::holder_hash.eq(holder_hash))
            .filter(held_forms::staff_id.is_null()),
    )
    .set(held_forms::staff_id.eq(staff(staff_id)))
    .execute(conn)
}

/// The newest live submission this browser holds for `staff_id` on the page `page_path`.
pub fn newest_for_page(
    conn: &mut DbConnection,
    holder_hash: &str,
    staff_id: StaffId,
    page_path: &str,
    now: NaiveDateTime,
) -> QueryResult<Option<HeldFormRow>> {
    held_forms::table
        .filter(held_forms::holder_hash.eq(holder_hash))
        .filter(held_forms::staff_id.eq(staff(staff_id)))
        .filter(held_forms::page_path.eq(page_path))
        .filter(held_forms::expires_at.gt(now))
        .order(held_forms::held_at.desc())
        .select((held_forms::id, held_forms::action_path, held_forms::fields))
        .first(conn)
        .optional()
}

pub fn delete(conn: &mut DbConnection, id: DbUuid) -> QueryResult<usize> {
    diesel::delete(held_forms::table.find(id)).execute(conn)
}

pub fn delete_expired(conn: &mut DbConnection, now: NaiveDateTime) -> QueryResult<usize> {
    diesel::delete(held_forms::table.filter(held_forms::expires_at.le(now))).execute(conn)
}
