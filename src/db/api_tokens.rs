//! Queries on `api_tokens`: bearer tokens for the JSON API, stored as hashes.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::DbConnection;
use super::schema::api_tokens;
use super::uuid::DbUuid;
use crate::domain::ids::StaffId;

pub struct NewApiToken<'a> {
    pub id: uuid::Uuid,
    pub token_hash: &'a str,
    pub staff_id: StaffId,
    pub now: NaiveDateTime,
    pub expires_at: NaiveDateTime,
}

pub fn insert(conn: &mut DbConnection, new: &NewApiToken<'_>) -> QueryResult<usize> {
    diesel::insert_into(api_tokens::table)
        .values((
            api_tokens::id.eq(DbUuid(new.id)),
            api_tokens::token_hash.eq(new.token_hash),
            api_tokens::staff_id.eq(DbUuid(new.staff_id.as_uuid())),
            api_tokens::created_at.eq(new.now),
            api_tokens::expires_at.eq(new.expires_at),
        ))
        .execute(conn)
}

/// The token's id and owner while it is neither expired nor revoked.
pub fn find_active(
    conn: &mut DbConnection,
    token_hash: &str,
    now: NaiveDateTime,
) -> QueryResult<Option<(uuid::Uuid, StaffId)>> {
    let found: Option<(DbUuid, DbUuid)> = api_tokens::table
        .filter(api_tokens::token_hash.eq(token_hash))
        .filter(api_tokens::expires_at.gt(now))
        .filter(api_tokens::revoked_at.is_null())
        .select((api_tokens::id, api_tokens::staff_id))
        .first(conn)
        .optional()?;
    Ok(found.map(|(id, staff)| (id.0, staff.0.into())))
}

pub fn revoke(conn: &mut DbConnection, id: uuid::Uuid, now: NaiveDateTime) -> QueryResult<usize> {
    diesel::update(
        api_tokens::table
            .find(DbUuid(id))
            .filter(api_tokens::revoked_at.is_null()),
    )
    .set(api_tokens::revoked_at.eq(now))
    .execute(conn)
}

pub fn revoke_for_staff(
    conn: &mut DbConnection,
    staff_id: StaffId,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(
        api_tokens::table
            .filter(api_tokens::staff_id.eq(DbUuid(staff_id.as_uuid())))
            .filter(api_tokens::revoked_at.is_null()),
    )
    .set(api_tokens::revoked_at.eq(now))
    .execute(conn)
}
