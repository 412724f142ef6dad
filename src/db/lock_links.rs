//! Queries on `lock_links`: emergency lock links, stored as hashes, single use.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::DbConnection;
use super::schema::lock_links;
use super::uuid::DbUuid;
use crate::domain::ids::StaffId;

pub fn insert(
    conn: &mut DbConnection,
    token_hash: &str,
    staff_id: StaffId,
    now: NaiveDateTime,
    expires_at: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::insert_into(lock_links::table)
        .values((
            lock_links::token_hash.eq(token_hash),
            lock_links::staff_id.eq(DbUuid(staff_id.as_uuid())),
            lock_links::created_at.eq(now),
            lock_links::expires_at.eq(expires_at),
        ))
        .execute(conn)
}

/// The staff member an unused, unexpired link is for.
pub fn find_usable(
    conn: &mut DbConnection,
    token_hash: &str,
    now: NaiveDateTime,
) -> QueryResult<Option<StaffId>> {
    Ok(lock_links::table
        .find(token_hash)
        .filter(lock_links::used_at.is_null())
        .filter(lock_links::expires_at.gt(now))
        .select(lock_links::staff_id)
        .first::<DbUuid>(conn)
        .optional()?
        .map(|id| id.0.into()))
}

/// Marks a link used; 0 if someone got there first.
pub fn mark_used(
    conn: &mut DbConnection,
    token_hash: &str,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(
        lock_links::table
            .find(token_hash)
            .filter(lock_links::used_at.is_null()),
    )
    .set(lock_links::used_at.eq(now))
    .execute(conn)
}

/// Retires every unused link of one staff member.
pub fn retire_for_staff(
    conn: &mut DbConnection,
    staff_id: StaffId,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(
        lock_links::table
            .filter(lock_links::staff_id.eq(DbUuid(staff_id.as_uuid())))
            .filter(lock_links::used_at.is_null()),
    )
    .set(lock_links::used_at.eq(now))
    .execute(conn)
}

/// Removes links that can no longer lock anything: used (or retired) and expired ones.
pub fn delete_dead(conn: &mut DbConnection, now: NaiveDateTime) -> QueryResult<usize> {
    diesel::delete(
        lock_links::table.filter(
            lock_links::used_at
                .is_not_null()
                .or(lock_links::expires_at.le(now)),
        ),
    )
    .execute(conn)
}
