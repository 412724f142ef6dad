//! Queries on `sessions`: server-side login sessions, keyed by the hash of the cookie value.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::DbConnection;
use super::schema::sessions;
use super::uuid::DbUuid;
use crate::domain::ids::StaffId;

#[derive(Debug, Clone, Queryable)]
pub struct SessionRow {
    pub id_hash: String,
    pub staff_id: Option<DbUuid>,
    pub csrf_token: String,
    pub created_at: NaiveDateTime,
    pub last_seen_at: NaiveDateTime,
    pub expires_at: NaiveDateTime,
}

impl SessionRow {
    pub fn staff_id(&self) -> Option<StaffId> {
        self.staff_id.map(|id| id.0.into())
    }
}

pub struct NewSession<'a> {
    pub id_hash: &'a str,
    pub staff_id: Option<StaffId>,
    pub csrf_token: &'a str,
    pub now: NaiveDateTime,
    pub expires_at: NaiveDateTime,
}

pub fn insert(conn: &mut DbConnection, new: &NewSession<'_>) -> QueryResult<usize> {
    diesel::insert_into(sessions::table)
        .values((
            sessions::id_hash.eq(new.id_hash),
            sessions::staff_id.eq(new.staff_id.map(|id| DbUuid(id.as_uuid()))),
            sessions::csrf_token.eq(new.csrf_token),
            sessions::created_at.eq(new.now),
            sessions::last_seen_at.eq(new.now),
            sessions::expires_at.eq(new.expires_at),
        ))
        .execute(conn)
}

pub fn find(conn: &mut DbConnection, id_hash: &str) -> QueryResult<Option<SessionRow>> {
    sessions::table
        .find(id_hash)
        .select(sessions::all_columns)
        .first(conn)
        .optional()
}

pub fn touch(conn: &mut DbConnection, id_hash: &str, now: NaiveDateTime) -> QueryResult<usize> {
    diesel::update(sessions::table.find(id_hash))
        .set(sessions::last_seen_at.eq(now))
        .execute(conn)
}

pub fn delete(conn: &mut DbConnection, id_hash: &str) -> QueryResult<usize> {
    diesel::delete(sessions::table.find(id_hash)).execute(conn)
}

/// Ends every session of one staff member.
pub fn delete_for_staff(conn: &mut DbConnection, staff_id: StaffId) -> QueryResult<usize> {
    diesel::delete(sessions::table.filter(sessions::staff_id.eq(DbUuid(staff_id.as_uuid()))))
        .execute(conn)
}

/// Removes sessions past their absolute lifetime, and signed-in sessions idle since
/// `idle_before`. Anonymous sessions are never touched, so only their lifetime ends them
/// (as in `services::sessions::resume`): an open login form must not expire early.
pub fn delete_stale(
    conn: &mut DbConnection,
    now: NaiveDateTime,
    idle_before: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::delete(
        sessions::table.filter(
            sessions::expires_at.le(now).or(sessions::staff_id
                .is_not_null()
                .and(sessions::last_seen_at.lt(idle_before))),
        ),
    )
    .execute(conn)
}
