//! Queries on `staff_access`: each staff member's latest sign-in and emergency lock. A row
//! exists once someone has signed in or been locked; no row means neither.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::DbConnection;
use super::schema::staff_access;
use super::uuid::DbUuid;
use crate::domain::ids::StaffId;

fn ensure_row(conn: &mut DbConnection, staff_id: StaffId) -> QueryResult<()> {
    // No ON CONFLICT through MultiBackend: look, then insert (callers are in a write
    // transaction, so no one else inserts in between).
    let id = DbUuid(staff_id.as_uuid());
    let exists = staff_access::table
        .find(id)
        .select(staff_access::staff_id)
        .first::<DbUuid>(conn)
        .optional()?
        .is_some();
    if !exists {
        diesel::insert_into(staff_access::table)
            .values(staff_access::staff_id.eq(id))
            .execute(conn)?;
    }
    Ok(())
}

/// Records a sign-in and returns the one before it (when and from where), if any.
pub fn record_sign_in(
    conn: &mut DbConnection,
    staff_id: StaffId,
    now: NaiveDateTime,
    address: Option<&str>,
) -> QueryResult<Option<(NaiveDateTime, Option<String>)>> {
    ensure_row(conn, staff_id)?;
    let id = DbUuid(staff_id.as_uuid());
    let (at, previous_address): (Option<NaiveDateTime>, Option<String>) = staff_access::table
        .find(id)
        .select((
            staff_access::last_sign_in_at,
            staff_access::last_sign_in_address,
        ))
        .first(conn)?;
    diesel::update(staff_access::table.find(id))
        .set((
            staff_access::last_sign_in_at.eq(now),
            staff_access::last_sign_in_address.eq(address),
        ))
        .execute(conn)?;
    Ok(at.map(|at| (at, previous_address)))
}

/// When the account was locked, if it is.
pub fn locked_at(conn: &mut DbConnection, staff_id: StaffId) -> QueryResult<Option<NaiveDateTime>> {
    Ok(staff_access::table
        .find(DbUuid(staff_id.as_uuid()))
        .select(staff_access::locked_at)
        .first::<Option<NaiveDateTime>>(conn)
        .optional()?
        .flatten())
}

/// Locks the account; returns false if it already was.
pub fn lock(
    conn: &mut DbConnection,
    staff_id: StaffId,
    now: NaiveDateTime,
    address: Option<&str>,
) -> QueryResult<bool> {
    ensure_row(conn, staff_id)?;
    let changed = diesel::update(
        staff_access::table
            .find(DbUuid(staff_id.as_uuid()))
            .filter(staff_access::locked_at.is_null()),
    )
    .set((
        staff_access::locked_at.eq(now),
        staff_access::locked_address.eq(address),
    ))
    .execute(conn)?;
    Ok(changed == 1)
}

/// Unlocks the account; returns false if it was not locked.
pub fn unlock(conn: &mut DbConnection, staff_id: StaffId) -> QueryResult<bool> {
    let changed = diesel::update(
        staff_access::table
            .find(DbUuid(staff_id.as_uuid()))
            .filter(staff_access::locked_at.is_not_null()),
    )
    .set((
        staff_access::locked_at.eq(None::<NaiveDateTime>),
        staff_access::locked_address.eq(None::<String>),
    ))
    .execute(conn)?;
    Ok(changed == 1)
}

/// The ids of every locked account, for the staff list.
pub fn locked_staff(conn: &mut DbConnection) -> QueryResult<Vec<StaffId>> {
    Ok(staff_access::table
        .filter(staff_access::locked_at.is_not_null())
        .select(staff_access::staff_id)
        .load::<DbUuid>(conn)?
        .into_iter()
        .map(|id| id.0.into())
        .collect())
}
