//! Queries on `login_throttle`: failed-login counters per account and per client address.
//! Keys are stored hashed; the table says how often, not who.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::DbConnection;
use super::schema::login_throttle;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Account,
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

#[derive(Debug, Clone, Queryable)]
pub struct ThrottleRow {
    pub scope: String,
    pub key_hash: String,
    pub failures: i32,
    pub last_failure_at: NaiveDateTime,
    pub blocked_until: Option<NaiveDateTime>,
}

pub fn find(
    conn: &mut DbConnection,
    scope: Scope,
    key_hash: &str,
) -> QueryResult<Option<ThrottleRow>> {
    login_throttle::table
        .find((scope.as_str(), key_hash))
        .select(login_throttle::all_columns)
        .first(conn)
        .optional()
}

/// Stores the counter after a failure (insert or update; no portable upsert exists).
pub fn save(
    conn: &mut DbConnection,
    scope: Scope,
    key_hash: &str,
    failures: i32,
    now: NaiveDateTime,
    blocked_until: Option<NaiveDateTime>,
) -> QueryResult<()> {
    let updated = diesel::update(login_throttle::table.find((scope.as_str(), key_hash)))
        .set((
            login_throttle::failures.eq(failures),
            login_throttle::last_failure_at.eq(now),
            login_throttle::blocked_until.eq(blocked_until),
        ))
        .execute(conn)?;
    if updated == 0 {
        diesel::insert_into(login_throttle::table)
            .values((
                login_throttle::scope.eq(scope.as_str()),
                login_throttle::key_hash.eq(key_hash),
                login_throttle::failures.eq(failures),
                login_throttle::last_failure_at.eq(now),
                login_throttle::blocked_until.eq(blocked_until),
            ))
            .execute(conn)?;
    }
    Ok(())
}

pub fn clear(conn: &mut DbConnection, scope: Scope, key_hash: &str) -> QueryResult<usize> {
    diesel::delete(login_throttle::table.find((scope.as_str(), key_hash))).execute(conn)
}
