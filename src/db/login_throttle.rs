//! Queries on `login_throttle`: counters of sign-in attempts per account, per client
//! address (and per any later scope, e.g. second-factor codes). Keys are stored hashed; the
//! table says how often, not who.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use diesel::sql_types::{Integer, Nullable, Text, Timestamp};

use super::DbConnection;
use super::schema::login_throttle;
use crate::auth::throttle::Counter;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Attempts at one account's password (keyed by the email as typed).
    Account,
    /// Attempts from one client address, against any account.
    Address,
}

impl Scope {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Account => "account",
            Self::Address => "address",
        }
    }
}

#[derive(Debug, Clone, QueryableByName)]
struct CounterRow {
    #[diesel(sql_type = Integer)]
    attempts: i32,
    #[diesel(sql_type = Timestamp)]
    counted_at: NaiveDateTime,
    #[diesel(sql_type = Nullable<Timestamp>)]
    blocked_until: Option<NaiveDateTime>,
}

/// The counter of one key, created empty if there is none, and locked until the end of
/// the caller's write transaction: on PostgreSQL the upsert takes the row lock, on SQLite
/// the transaction (`BEGIN IMMEDIATE`) holds the database's write lock. Concurrent
/// attempts on one key therefore count one after another, never from the same reading.
pub fn lock(
    conn: &mut DbConnection,
    scope: Scope,
    key_hash: &str,
    now: NaiveDateTime,
) -> QueryResult<Counter> {
    let row: CounterRow = diesel::sql_query(
        "INSERT INTO login_throttle (scope, key_hash, attempts, counted_at, blocked_until) \
         VALUES ($1, $2, 0, $3, NULL) \
         ON CONFLICT (scope, key_hash) DO UPDATE SET attempts = login_throttle.attempts \
         RETURNING attempts, counted_at, blocked_until",
    )
    .bind::<Text, _>(scope.as_str())
    .bind::<Text, _>(key_hash)
    .bind::<Timestamp, _>(now)
    .get_result(conn)?;
    Ok(Counter {
        attempts: row.attempts,
        counted_at: row.counted_at,
        blocked_until: row.blocked_until,
    })
}

/// Stores a counter (its row exists and is locked: see [`lock`]).
pub fn store(
    conn: &mut DbConnection,
    scope: Scope,
    key_hash: &str,
    counter: &Counter,
) -> QueryResult<usize> {
    diesel::update(login_throttle::table.find((scope.as_str(), key_hash)))
        .set((
            login_throttle::attempts.eq(counter.attempts),
            login_throttle::counted_at.eq(counter.counted_at),
            login_throttle::blocked_until.eq(counter.blocked_until),
        ))
        .execute(conn)
}

/// Takes one attempt back off a counter, in one statement (an attempt that turned out not
/// to be a failure).
pub fn refund(conn: &mut DbConnection, scope: Scope, key_hash: &str) -> QueryResult<usize> {
    diesel::update(
        login_throttle::table
            .find((scope.as_str(), key_hash))
            .filter(login_throttle::attempts.gt(0)),
    )
    .set(login_throttle::attempts.eq(login_throttle::attempts - 1))
    .execute(conn)
}

pub fn clear(conn: &mut DbConnection, scope: Scope, key_hash: &str) -> QueryResult<usize> {
    diesel::delete(login_throttle::table.find((scope.as_str(), key_hash))).execute(conn)
}

/// Counters that may have nothing left to remember: no delay running and nothing counted
/// since `quiet_since` (the caller checks what decays by the attempt); at most `limit`.
pub fn list_quiet(
    conn: &mut DbConnection,
    now: NaiveDateTime,
    quiet_since: NaiveDateTime,
    limit: i64,
) -> QueryResult<Vec<(String, String, Counter)>> {
    let rows: Vec<(String, String, i32, NaiveDateTime, Option<NaiveDateTime>)> =
        login_throttle::table
            .filter(login_throttle::counted_at.lt(quiet_since))
            .filter(
                login_throttle::blocked_until
                    .is_null()
                    .or(login_throttle::blocked_until.le(now)),
            )
            .select((
                login_throttle::scope,
                login_throttle::key_hash,
                login_throttle::attempts,
                login_throttle::counted_at,
                login_throttle::blocked_until,
            ))
            .limit(limit)
            .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(scope, key, attempts, counted_at, blocked_until)| {
            (
                scope,
                key,
                Counter {
                    attempts,
                    counted_at,
                    blocked_until,
                },
            )
        })
        .collect())
}

/// Removes one counter, named by its stored scope and key.
pub fn delete(conn: &mut DbConnection, scope: &str, key_hash: &str) -> QueryResult<usize> {
    diesel::delete(login_throttle::table.find((scope, key_hash))).execute(conn)
}
