//! `i589_overrides`: a lawyer's decision to file the I-589 with items missing, its reason
//! sealed. Rows go with their case (`ON DELETE CASCADE`), so the retention purge takes them.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::schema::{i589_overrides, staff};
use super::sealed::sealed;
use super::uuid::DbUuid;
use super::{DbConnection, natively};
use crate::domain::ids::{self, StaffId};

/// An override as the case page shows it, with who made it.
#[derive(Debug, Clone, Queryable)]
pub struct OverrideRow {
    pub overridden_at: NaiveDateTime,
    pub overridden_by: Option<String>,
    pub missing_count: i32,
    /// The missing items' numbers, spaces between them.
    pub missing_items: String,
    pub reason: String,
}

/// What is stored of one override.
pub struct NewOverride<'a> {
    pub case_id: uuid::Uuid,
    pub by: StaffId,
    pub at: NaiveDateTime,
    pub missing_items: &'a [String],
    pub reason: &'a str,
}

pub fn insert(conn: &mut DbConnection, new: &NewOverride<'_>) -> QueryResult<usize> {
    let count = i32::try_from(new.missing_items.len()).unwrap_or(i32::MAX);
    diesel::insert_into(i589_overrides::table)
        .values((
            i589_overrides::id.eq(DbUuid(ids::new_row_id())),
            i589_overrides::case_id.eq(DbUuid(new.case_id)),
            i589_overrides::overridden_by.eq(DbUuid(new.by.as_uuid())),
            i589_overrides::overridden_at.eq(new.at),
            i589_overrides::missing_count.eq(count),
            i589_overrides::missing_items.eq(new.missing_items.join(" ")),
            i589_overrides::reason.eq(sealed(new.reason)),
        ))
        .execute(conn)
}

/// The case's overrides, oldest first, with their authors' names.
pub fn of_case(conn: &mut DbConnection, case_id: uuid::Uuid) -> QueryResult<Vec<OverrideRow>> {
    natively!(conn, |c| i589_overrides::table
        .left_join(staff::table)
        .filter(i589_overrides::case_id.eq(DbUuid(case_id)))
        .order((
            i589_overrides::overridden_at.asc(),
            i589_overrides::id.asc(),
        ))
        .select((
            i589_overrides::overridden_at,
            staff::display_name.nullable(),
            i589_overrides::missing_count,
            i589_overrides::missing_items,
            i589_overrides::reason,
        ))
        .load(c))
}
