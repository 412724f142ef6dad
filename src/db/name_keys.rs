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
    // One row per statement: multi-row inserts do not pass through MultiConnection. Inside
    // the caller's transaction they cost little.
    for (person, keys) in people {
        for key in keys {
            natively!(conn, |c| diesel::insert_into(name_keys::table)
                .values((
                    name_keys::client_id.eq(DbUuid(client_id)),
                    name_keys::person_id.eq(DbUuid(*person)),
                    name_keys::key.eq(key.as_str()),
                ))
                .execute(c))?;
        }
    }
    Ok(())
}
