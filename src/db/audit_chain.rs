//! The audit log's hash chain in the database ([`crate::domain::audit_chain`]): appending an
//! entry under the chain head's lock, sealing the entries written before the chain began,
//! and reading the log back for `refuge audit verify`.

use std::collections::HashSet;

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::schema::{audit_chain, audit_log, demo_records};
use super::uuid::DbUuid;
use super::{DbConnection, natively};
use crate::domain::audit_chain::{ChainHash, EntryContent, StoredEntry, Walk};

/// The head as recorded in `audit_chain`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Head {
    pub head_id: Option<i64>,
    pub head_hash: Option<String>,
    pub sealed_through: i64,
    pub links: i64,
}

pub fn head(conn: &mut DbConnection) -> QueryResult<Head> {
    natively!(conn, |c| audit_chain::table
        .select((
            audit_chain::head_id,
            audit_chain::head_hash,
            audit_chain::sealed_through,
            audit_chain::links,
        ))
        .first::<(Option<i64>, Option<String>, i64, i64)>(c))
    .map(|(head_id, head_hash, sealed_through, links)| Head {
        head_id,
        head_hash,
        sealed_through,
        links,
    })
}

fn corrupt(what: &str) -> diesel::result::Error {
    diesel::result::Error::DeserializationError(what.to_string().into())
}

/// Whether an entry by `actor` about `target` concerns a demo record: such entries stay
/// outside the chain, as `refuge demo-data --remove` deletes them (the same rule as the
/// log's delete trigger).
pub fn about_demo_data(
    conn: &mut DbConnection,
    actor: Option<uuid::Uuid>,
    target: Option<&str>,
) -> QueryResult<bool> {
    let target = target.and_then(|t| t.parse::<uuid::Uuid>().ok());
    // One statement shape per number of ids, each prepared once: SQLite prepares an `IN`
    // list anew every time, and this is asked for every audit entry.
    let found: i64 = match (actor.map(DbUuid), target.map(DbUuid)) {
        (None, None) => return Ok(false),
        (Some(id), None) | (None, Some(id)) => natively!(conn, |c| demo_records::table
            .filter(demo_records::id.eq(id))
            .count()
            .get_result(c))?,
        (Some(a), Some(b)) => natively!(conn, |c| demo_records::table
            .filter(demo_records::id.eq(a).or(demo_records::id.eq(b)))
            .count()
            .get_result(c))?,
    };
    Ok(found > 0)
}

/// Which of `ids` are demo records, in one statement.
pub fn demo_among(
    conn: &mut DbConnection,
    ids: &[uuid::Uuid],
) -> QueryResult<std::collections::HashSet<uuid::Uuid>> {
    if ids.is_empty() {
        return Ok(Default::default());
    }
    let found: Vec<DbUuid> = natively!(conn, |c| demo_records::table
        .filter(demo_records::id.eq_any(ids.iter().copied().map(DbUuid)))
        .select(demo_records::id)
        .load(c))?;
    Ok(found.into_iter().map(|id| id.0).collect())
}

/// Takes the chain head's lock (the row's lock on PostgreSQL until the transaction ends;
/// on SQLite the write lock, which the transaction holds anyway) and returns the hash the
/// next entry follows, sealing the entries written before the chain began if that has not
/// been done. Call inside the transaction that inserts the entry, then [`advance`].
pub fn lock_head(conn: &mut DbConnection) -> QueryResult<ChainHash> {
    // An update (that changes nothing) returning the head, so that the row is locked as it
    // is read, in one statement.
    let head_hash: Option<String> = natively!(conn, |c| diesel::update(
        audit_chain::table.filter(audit_chain::id.eq(1))
    )
    .set(audit_chain::links.eq(audit_chain::links))
    .returning(audit_chain::head_hash)
    .get_result(c))?;
    match head_hash {
        Some(hash) => ChainHash::parse(&hash).ok_or_else(|| corrupt("the audit chain's head")),
        None => seal(conn),
    }
}

/// Records the entry just inserted as the chain's head, `links` entries after the head
/// [`lock_head`] returned.
pub fn advance(conn: &mut DbConnection, id: i64, hash: ChainHash, links: i64) -> QueryResult<()> {
    natively!(conn, |c| diesel::update(
        audit_chain::table.filter(audit_chain::id.eq(1))
    )
    .set((
        audit_chain::head_id.eq(Some(id)),
        audit_chain::head_hash.eq(Some(hash.to_hex())),
        audit_chain::links.eq(audit_chain::links + links),
    ))
    .execute(c))
    .map(|_| ())
}

/// Seals the chain's start if that has not been done; for start-up, so that the first
/// request after an upgrade does not wait for it. Returns the last id sealed when it sealed.
pub fn seal_if_needed(conn: &mut DbConnection) -> QueryResult<Option<i64>> {
    if head(conn)?.head_hash.is_some() {
        return Ok(None);
    }
    super::write_transaction(conn, |conn| {
        lock_head(conn)?;
        Ok(Some(head(conn)?.sealed_through))
    })
}

type Row = (
    i64,
    NaiveDateTime,
    Option<DbUuid>,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
    String,
    Option<String>,
);

const BATCH: i64 = 5_000;

/// Every entry in `id` order, a batch at a time, with whether it is about demo data.
fn each_entry(
    conn: &mut DbConnection,
    mut f: impl FnMut(&StoredEntry<'_>) -> QueryResult<bool>,
) -> QueryResult<()> {
    let demo: HashSet<uuid::Uuid> = demo_records::table
        .select(demo_records::id)
        .load::<DbUuid>(conn)?
        .into_iter()
        .map(|id| id.0)
        .collect();
    let mut after = 0i64;
    loop {
        let rows: Vec<Row> = audit_log::table
            .filter(audit_log::id.gt(after))
            .order(audit_log::id.asc())
            .limit(BATCH)
            .select((
                audit_log::id,
                audit_log::occurred_at,
                audit_log::actor_id,
                audit_log::action,
                audit_log::target_type,
                audit_log::target_id,
                audit_log::address,
                audit_log::details,
                audit_log::chain_hash,
            ))
            .load(conn)?;
        let Some(last) = rows.last() else {
            return Ok(());
        };
        after = last.0;
        for (id, occurred_at, actor, action, target_type, target_id, address, details, hash) in
            &rows
        {
            let about_demo_data = actor.is_some_and(|a| demo.contains(&a.0))
                || target_id
                    .as_deref()
                    .and_then(|t| t.parse::<uuid::Uuid>().ok())
                    .is_some_and(|t| demo.contains(&t));
            let entry = StoredEntry {
                id: *id,
                content: EntryContent {
                    occurred_at: *occurred_at,
                    actor_id: actor.map(|a| a.0),
                    action,
                    target_type: target_type.as_deref(),
                    target_id: target_id.as_deref(),
                    address: address.as_deref(),
                    details,
                },
                hash: hash.as_deref(),
                about_demo_data,
            };
            if !f(&entry)? {
                return Ok(());
            }
        }
    }
}

/// Seals the entries written before the chain began (under the head's lock): the chain
/// starts with them, and the head becomes the hash of the last. An entry that carries a
/// hash already means the head was lost: refused rather than sealed over.
fn seal(conn: &mut DbConnection) -> QueryResult<ChainHash> {
    let mut walk = Walk::new(i64::MAX);
    let mut last_id = 0i64;
    let mut hashed = false;
    each_entry(conn, |entry| {
        last_id = entry.id;
        if entry.hash.is_some() {
            hashed = true;
            return Ok(false);
        }
        // Without a stored hash, a step cannot fail.
        let _ = walk.step(entry);
        Ok(true)
    })?;
    if hashed {
        return Err(corrupt(
            "the audit chain's head is missing while entries carry hashes",
        ));
    }
    let head_id = walk.last_covered();
    let running = walk.running();
    natively!(conn, |c| diesel::update(
        audit_chain::table.filter(audit_chain::id.eq(1))
    )
    .set((
        audit_chain::head_id.eq(head_id),
        audit_chain::head_hash.eq(Some(running.to_hex())),
        audit_chain::sealed_through.eq(last_id),
    ))
    .execute(c))?;
    Ok(running)
}

/// Walks the whole log; the first broken link ends the walk.
pub fn verify(
    conn: &mut DbConnection,
) -> QueryResult<(Walk, Head, Option<crate::domain::audit_chain::Break>)> {
    let head = head(conn)?;
    let mut walk = Walk::new(head.sealed_through);
    let mut broken = None;
    each_entry(conn, |entry| match walk.step(entry) {
        Ok(()) => Ok(true),
        Err(found) => {
            broken = Some(found);
            Ok(false)
        }
    })?;
    Ok((walk, head, broken))
}

/// The hash stored with entry `id` (`None` if the entry is gone or carries none).
pub fn stored_hash(conn: &mut DbConnection, id: i64) -> QueryResult<Option<String>> {
    audit_log::table
        .filter(audit_log::id.eq(id))
        .select(audit_log::chain_hash)
        .first::<Option<String>>(conn)
        .optional()
        .map(Option::flatten)
}
