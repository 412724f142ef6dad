//! Queries on `office_settings`: a few office-wide switches, as key and text value.

use diesel::prelude::*;

use super::schema::office_settings;
use super::{DbConnection, natively};

pub const PARALEGALS_SEE_ALL_CASES: &str = "paralegals_see_all_cases";
pub const EMAIL_CLIENT_INITIALS: &str = "email_client_initials";
/// The public inquiry form (`/inquiry`) is open; absent means closed.
pub const INQUIRY_FORM: &str = "inquiry_form";
/// The office's name, as the public pages show it.
pub const OFFICE_NAME: &str = "office_name";
/// Who must sign in with a second factor (`SecondFactorPolicy`); absent means everyone.
pub const SECOND_FACTOR_POLICY: &str = "second_factor_policy";
/// Whole years after closing when a case's file is due for deletion; absent or empty: never.
pub const RETENTION_YEARS: &str = "retention_years";

pub fn flag(conn: &mut DbConnection, key: &str) -> QueryResult<bool> {
    Ok(value(conn, key)?.is_some_and(|v| v == "true"))
}

/// Which version of the deadline rules the stored deadlines were computed with.
pub const DEADLINE_RULES: &str = "deadline_rules";

pub fn value(conn: &mut DbConnection, key: &str) -> QueryResult<Option<String>> {
    // Read on every signed-in request (the reader's case scope): on the backend's own
    // connection.
    natively!(conn, |c| office_settings::table
        .find(key)
        .select(office_settings::value)
        .first::<String>(c))
    .optional()
}

pub fn set_flag(conn: &mut DbConnection, key: &str, on: bool) -> QueryResult<()> {
    set_value(conn, key, if on { "true" } else { "false" })
}

pub fn set_value(conn: &mut DbConnection, key: &str, value: &str) -> QueryResult<()> {
    let updated = diesel::update(office_settings::table.find(key))
        .set(office_settings::value.eq(value))
        .execute(conn)?;
    if updated == 0 {
        diesel::insert_into(office_settings::table)
            .values((
                office_settings::key.eq(key),
                office_settings::value.eq(value),
            ))
            .execute(conn)?;
    }
    Ok(())
}
