//! Queries on `account_tokens`: single-use links for first-run setup, invitations and
//! password resets, stored as hashes.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::DbConnection;
use super::schema::{account_tokens, staff};
use super::uuid::DbUuid;
use crate::domain::ids::StaffId;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    Setup,
    Invitation,
    PasswordReset,
}

impl Purpose {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Setup => "setup",
            Self::Invitation => "invitation",
            Self::PasswordReset => "password_reset",
        }
    }
}

pub struct NewAccountToken<'a> {
    pub token_hash: &'a str,
    pub purpose: Purpose,
    pub staff_id: Option<StaffId>,
    pub now: NaiveDateTime,
    pub expires_at: NaiveDateTime,
}

pub fn insert(conn: &mut DbConnection, new: &NewAccountToken<'_>) -> QueryResult<usize> {
    diesel::insert_into(account_tokens::table)
        .values((
            account_tokens::token_hash.eq(new.token_hash),
            account_tokens::purpose.eq(new.purpose.as_str()),
            account_tokens::staff_id.eq(new.staff_id.map(|id| DbUuid(id.as_uuid()))),
            account_tokens::created_at.eq(new.now),
            account_tokens::expires_at.eq(new.expires_at),
        ))
        .execute(conn)
}

/// A usable token: right purpose, unused, unexpired. Yields the staff member it is for, if any.
pub fn find_usable(
    conn: &mut DbConnection,
    token_hash: &str,
    purposes: &[Purpose],
    now: NaiveDateTime,
) -> QueryResult<Option<Option<StaffId>>> {
    let purposes: Vec<&str> = purposes.iter().map(|p| p.as_str()).collect();
    let found: Option<Option<DbUuid>> = account_tokens::table
        .filter(account_tokens::token_hash.eq(token_hash))
        .filter(account_tokens::purpose.eq_any(purposes))
        .filter(account_tokens::used_at.is_null())
        .filter(account_tokens::expires_at.gt(now))
        .select(account_tokens::staff_id)
        .first(conn)
        .optional()?;
    Ok(found.map(|staff| staff.map(|id| id.0.into())))
}

/// Marks a token used; returns 0 if it was already used (someone got there first).
pub fn mark_used(
    conn: &mut DbConnection,
    token_hash: &str,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(
        account_tokens::table
            .find(token_hash)
            .filter(account_tokens::used_at.is_null()),
    )
    .set(account_tokens::used_at.eq(now))
    .execute(conn)
}

/// Retires every outstanding token of a purpose (for one staff member, or the setup tokens).
pub fn retire(
    conn: &mut DbConnection,
    purposes: &[Purpose],
    staff_id: Option<StaffId>,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    let purposes: Vec<&str> = purposes.iter().map(|p| p.as_str()).collect();
    let unused = account_tokens::table
        .filter(account_tokens::purpose.eq_any(purposes))
        .filter(account_tokens::used_at.is_null());
    match staff_id {
        Some(id) => {
            diesel::update(unused.filter(account_tokens::staff_id.eq(DbUuid(id.as_uuid()))))
                .set(account_tokens::used_at.eq(now))
                .execute(conn)
        }
        None => diesel::update(unused.filter(account_tokens::staff_id.is_null()))
            .set(account_tokens::used_at.eq(now))
            .execute(conn),
    }
}

/// Removes links that can no longer be used: expired ones, except the unused link of an
/// account still without a password, which the staff list reads ("invitation expired").
pub fn delete_expired(conn: &mut DbConnection, now: NaiveDateTime) -> QueryResult<usize> {
    let awaiting_password = staff::table
        .filter(staff::password_hash.is_null())
        .select(staff::id.nullable());
    diesel::delete(
        account_tokens::table
            .filter(account_tokens::expires_at.le(now))
            .filter(
                account_tokens::used_at
                    .is_not_null()
                    .or(account_tokens::staff_id.is_null())
                    .or(account_tokens::staff_id.ne_all(awaiting_password)),
            ),
    )
    .execute(conn)
}
