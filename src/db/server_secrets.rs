//! Queries on `server_secrets`: values the server draws once and keeps (see the migration).

use chrono::NaiveDateTime;
use diesel::prelude::*;
use diesel::result::{DatabaseErrorKind, Error};

use super::DbConnection;
use super::schema::server_secrets;

pub fn find(conn: &mut DbConnection, name: &str) -> QueryResult<Option<String>> {
    server_secrets::table
        .find(name)
        .select(server_secrets::value)
        .first(conn)
        .optional()
}

/// Stores `value` under `name` unless a value is there already, and returns the one that
/// is kept: two servers starting at once agree on the first one written.
pub fn find_or_insert(
    conn: &mut DbConnection,
    name: &str,
    value: &str,
    now: NaiveDateTime,
) -> QueryResult<String> {
    if let Some(kept) = find(conn, name)? {
        return Ok(kept);
    }
    let inserted = diesel::insert_into(server_secrets::table)
        .values((
            server_secrets::name.eq(name),
            server_secrets::value.eq(value),
            server_secrets::created_at.eq(now),
        ))
        .execute(conn);
    match inserted {
        Ok(_) => Ok(value.to_string()),
        Err(Error::DatabaseError(DatabaseErrorKind::UniqueViolation, _)) => {
            find(conn, name)?.ok_or(Error::NotFound)
        }
        Err(err) => Err(err),
    }
}
