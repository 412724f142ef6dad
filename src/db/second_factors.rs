//! Queries on `second_factors` (one TOTP secret per staff member) and `recovery_codes`
//! (single-use, stored as SHA-256 hashes).

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::DbConnection;
use super::schema::{recovery_codes, second_factors};
use super::sealed::sealed;
use super::uuid::DbUuid;
use crate::domain::ids::StaffId;

/// A staff member's TOTP secret. Deliberately no `Debug`: the secret must not reach a log.
#[derive(Clone, Queryable)]
pub struct SecondFactorRow {
    pub staff_id: DbUuid,
    /// Base32.
    pub secret: String,
    pub confirmed_at: Option<NaiveDateTime>,
    pub last_used_step: Option<i64>,
    pub created_at: NaiveDateTime,
}

fn key(staff_id: StaffId) -> DbUuid {
    DbUuid(staff_id.as_uuid())
}

pub fn find(conn: &mut DbConnection, staff_id: StaffId) -> QueryResult<Option<SecondFactorRow>> {
    second_factors::table
        .find(key(staff_id))
        .select(second_factors::all_columns)
        .first(conn)
        .optional()
}

/// Whether the staff member has a confirmed second factor.
pub fn is_enrolled(conn: &mut DbConnection, staff_id: StaffId) -> QueryResult<bool> {
    Ok(find(conn, staff_id)?.is_some_and(|row| row.confirmed_at.is_some()))
}

/// Stores a new, unconfirmed secret (replacing an unconfirmed one; never a confirmed one).
pub fn start_enrolment(
    conn: &mut DbConnection,
    staff_id: StaffId,
    secret: &str,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::delete(
        second_factors::table
            .find(key(staff_id))
            .filter(second_factors::confirmed_at.is_null()),
    )
    .execute(conn)?;
    diesel::insert_into(second_factors::table)
        .values((
            second_factors::staff_id.eq(key(staff_id)),
            second_factors::secret.eq(sealed(secret)),
            second_factors::created_at.eq(now),
        ))
        .execute(conn)
}

/// Confirms the unconfirmed secret with the step of its first code; 0 if there was none.
pub fn confirm(
    conn: &mut DbConnection,
    staff_id: StaffId,
    step: i64,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(
        second_factors::table
            .find(key(staff_id))
            .filter(second_factors::confirmed_at.is_null()),
    )
    .set((
        second_factors::confirmed_at.eq(now),
        second_factors::last_used_step.eq(step),
    ))
    .execute(conn)
}

/// Accepts a code's time step if it is later than the last one accepted, in one statement,
/// so that two requests racing with the same code cannot both succeed. 1 if accepted.
pub fn accept_step(conn: &mut DbConnection, staff_id: StaffId, step: i64) -> QueryResult<usize> {
    diesel::update(
        second_factors::table
            .find(key(staff_id))
            .filter(second_factors::confirmed_at.is_not_null())
            .filter(
                second_factors::last_used_step
                    .is_null()
                    .or(second_factors::last_used_step.lt(step)),
            ),
    )
    .set(second_factors::last_used_step.eq(step))
    .execute(conn)
}

/// Removes the second factor and every recovery code (an admin's reset).
pub fn delete_for_staff(conn: &mut DbConnection, staff_id: StaffId) -> QueryResult<usize> {
    diesel::delete(recovery_codes::table.filter(recovery_codes::staff_id.eq(key(staff_id))))
        .execute(conn)?;
    diesel::delete(second_factors::table.find(key(staff_id))).execute(conn)
}

/// Replaces every recovery code of the staff member with these hashes.
pub fn replace_recovery_codes(
    conn: &mut DbConnection,
    staff_id: StaffId,
    hashes: &[String],
    now: NaiveDateTime,
) -> QueryResult<()> {
    diesel::delete(recovery_codes::table.filter(recovery_codes::staff_id.eq(key(staff_id))))
        .execute(conn)?;
    for hash in hashes {
        diesel::insert_into(recovery_codes::table)
            .values((
                recovery_codes::code_hash.eq(hash),
                recovery_codes::staff_id.eq(key(staff_id)),
                recovery_codes::created_at.eq(now),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// Marks an unused recovery code of this staff member used; 1 if it was one.
pub fn use_recovery_code(
    conn: &mut DbConnection,
    staff_id: StaffId,
    hash: &str,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(
        recovery_codes::table
            .find(hash)
            .filter(recovery_codes::staff_id.eq(key(staff_id)))
            .filter(recovery_codes::used_at.is_null()),
    )
    .set(recovery_codes::used_at.eq(now))
    .execute(conn)
}

pub fn unused_recovery_codes(conn: &mut DbConnection, staff_id: StaffId) -> QueryResult<i64> {
    recovery_codes::table
        .filter(recovery_codes::staff_id.eq(key(staff_id)))
        .filter(recovery_codes::used_at.is_null())
        .count()
        .get_result(conn)
}
