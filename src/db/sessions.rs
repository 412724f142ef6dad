//! Queries on `sessions`: server-side login sessions, keyed by the hash of the cookie value.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::schema::{sessions, staff};
use super::staff::StaffRow;
use super::uuid::DbUuid;
use super::{DbConnection, natively};
use crate::domain::ids::StaffId;
use crate::domain::staff::Staff;

#[derive(Debug, Clone, Queryable)]
pub struct SessionRow {
    pub id_hash: String,
    pub staff_id: Option<DbUuid>,
    pub csrf_token: String,
    pub created_at: NaiveDateTime,
    pub last_seen_at: NaiveDateTime,
    pub expires_at: NaiveDateTime,
    /// `SecondStep` code while the password is checked but the second factor is not.
    pub second_factor_pending: Option<String>,
    pub user_agent: Option<String>,
    pub address: Option<String>,
    pub previous_sign_in_at: Option<NaiveDateTime>,
    pub previous_sign_in_address: Option<String>,
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
    pub second_factor_pending: Option<&'a str>,
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
            sessions::second_factor_pending.eq(new.second_factor_pending),
        ))
        .execute(conn)
}

/// The session with this hash and the staff member it belongs to, if it belongs to one, in
/// one statement: every request of a signed-in session asks this.
pub fn find_with_staff(
    conn: &mut DbConnection,
    id_hash: &str,
) -> QueryResult<Option<(SessionRow, Option<Staff>)>> {
    let found = natively!(conn, |c| sessions::table
        .left_join(staff::table)
        .filter(sessions::id_hash.eq(id_hash))
        .select((sessions::all_columns, staff::all_columns.nullable()))
        .first::<(SessionRow, Option<StaffRow>)>(c))
    .optional()?;
    found
        .map(|(session, staff)| Ok((session, staff.map(StaffRow::into_staff).transpose()?)))
        .transpose()
}

/// Marks the session as used now, from `address`.
pub fn touch(
    conn: &mut DbConnection,
    id_hash: &str,
    now: NaiveDateTime,
    address: Option<&str>,
) -> QueryResult<usize> {
    diesel::update(sessions::table.find(id_hash))
        .set((
            sessions::last_seen_at.eq(now),
            sessions::address.eq(address),
        ))
        .execute(conn)
}

/// Records the browser and address of a signed-in session.
pub fn set_client(
    conn: &mut DbConnection,
    id_hash: &str,
    user_agent: Option<&str>,
    address: Option<&str>,
) -> QueryResult<usize> {
    diesel::update(sessions::table.find(id_hash))
        .set((
            sessions::user_agent.eq(user_agent),
            sessions::address.eq(address),
        ))
        .execute(conn)
}

/// Leaves the previous sign-in with a new session, for the home page to mention once.
pub fn set_previous_sign_in(
    conn: &mut DbConnection,
    id_hash: &str,
    previous: Option<(NaiveDateTime, Option<String>)>,
) -> QueryResult<usize> {
    let (at, address) = match previous {
        Some((at, address)) => (Some(at), address),
        None => (None, None),
    };
    diesel::update(sessions::table.find(id_hash))
        .set((
            sessions::previous_sign_in_at.eq(at),
            sessions::previous_sign_in_address.eq(address),
        ))
        .execute(conn)
}

pub fn delete(conn: &mut DbConnection, id_hash: &str) -> QueryResult<usize> {
    diesel::delete(sessions::table.find(id_hash)).execute(conn)
}

/// The signed-in sessions of one staff member, most recently used first.
pub fn list_for_staff(conn: &mut DbConnection, staff_id: StaffId) -> QueryResult<Vec<SessionRow>> {
    sessions::table
        .filter(sessions::staff_id.eq(DbUuid(staff_id.as_uuid())))
        .order((sessions::last_seen_at.desc(), sessions::created_at.desc()))
        .select(sessions::all_columns)
        .load(conn)
}

/// Ends every session of one staff member but `keep`.
pub fn delete_for_staff_except(
    conn: &mut DbConnection,
    staff_id: StaffId,
    keep: &str,
) -> QueryResult<usize> {
    diesel::delete(
        sessions::table
            .filter(sessions::staff_id.eq(DbUuid(staff_id.as_uuid())))
            .filter(sessions::id_hash.ne(keep)),
    )
    .execute(conn)
}

/// The previous sign-in this session was started with, cleared as it is read: the home page
/// mentions it once.
pub fn take_previous_sign_in(
    conn: &mut DbConnection,
    id_hash: &str,
) -> QueryResult<Option<(NaiveDateTime, Option<String>)>> {
    let found: Option<(Option<NaiveDateTime>, Option<String>)> = sessions::table
        .find(id_hash)
        .select((
            sessions::previous_sign_in_at,
            sessions::previous_sign_in_address,
        ))
        .first(conn)
        .optional()?;
    let Some((Some(at), address)) = found else {
        return Ok(None);
    };
    diesel::update(sessions::table.find(id_hash))
        .set((
            sessions::previous_sign_in_at.eq(None::<NaiveDateTime>),
            sessions::previous_sign_in_address.eq(None::<String>),
        ))
        .execute(conn)?;
    Ok(Some((at, address)))
}

/// Ends every session of one staff member.
pub fn delete_for_staff(conn: &mut DbConnection, staff_id: StaffId) -> QueryResult<usize> {
    diesel::delete(sessions::table.filter(sessions::staff_id.eq(DbUuid(staff_id.as_uuid()))))
        .execute(conn)
}

/// Removes sessions past their absolute lifetime (a half-signed-in one lasts minutes), and
/// signed-in sessions idle since `idle_before` (as `services::sessions::resume` ends them).
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
