//! Queries on `name_keys`: the search index of every recorded person's names.

use diesel::prelude::*;

use super::schema::name_keys;
use super::uuid::DbUuid;
use super::{DbConnection, natively};

/// Replaces the client's index entries with `people`: (person id, that person's keys).
pub fn replace_for_client(
    conn: &mut DbConnection,
    client_id: uuid::Uuid,
    people: &[(uuid::Uuid, Vec<String>)],
) -> QueryResult<()> {
    natively!(conn, |c| diesel::delete(
        name_keys::table.filter(name_keys::client_id.eq(DbUuid(client_id)))
    )
    .execute(c))?;
    // Every key in one statement (a client has a score of them, and on PostgreSQL each
    // statement is a round trip), on the backend's own connection: multi-row inserts do not
    // pass through MultiConnection.
    let rows: Vec<_> = people
        .iter()
        .flat_map(|(person, keys)| {
            keys.iter().map(move |key| {
                (
                    name_keys::client_id.eq(DbUuid(client_id)),
                    name_keys::person_id.eq(DbUuid(*person)),
                    name_keys::key.eq(key.as_str()),
                )
            })
        })
        .collect();
    if rows.is_empty() {
        return Ok(());
    }
    natively!(conn, |c| diesel::insert_into(name_keys::table)
        .values(&rows)
        .execute(c))?;
    Ok(())
}
