//! Queries on `name_keys`: the search index of every recorded person's names.

use diesel::prelude::*;

use super::schema::name_keys;
use super::uuid::DbUuid;
use super::{DbConnection, insert_rows, natively};

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
    // A client has a score of keys.
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
    insert_rows!(conn, name_keys::table, &rows)?;
    Ok(())
}
