//! Queries of the daily reminder scan: deadlines coming up on open cases, and hearings whose
//! dates have not been checked with the court lately.

use chrono::NaiveDate;
use diesel::prelude::*;

use super::DbConnection;
use super::schema::{case_deadlines, cases};
use super::uuid::DbUuid;

#[derive(Debug, Clone, Queryable)]
pub struct UpcomingDeadline {
    pub case_id: DbUuid,
    pub kind: String,
    pub due_on: NaiveDate,
    pub lawyer_id: Option<DbUuid>,
    pub paralegal_id: Option<DbUuid>,
}

/// Deadlines of the given kinds due in `[from, until]` on open cases, by case.
pub fn upcoming_deadlines(
    conn: &mut DbConnection,
    kinds: &[&str],
    from: NaiveDate,
    until: NaiveDate,
) -> QueryResult<Vec<UpcomingDeadline>> {
    case_deadlines::table
        .inner_join(cases::table)
        .filter(case_deadlines::kind.eq_any(kinds))
        .filter(case_deadlines::due_on.between(from, until))
        .filter(cases::closed_at.is_null())
        .order((case_deadlines::case_id, case_deadlines::due_on))
        .select((
            case_deadlines::case_id,
            case_deadlines::kind,
            case_deadlines::due_on,
            cases::lawyer_id,
            cases::paralegal_id,
        ))
        .load(conn)
}

#[derive(Debug, Clone, Queryable)]
pub struct UnverifiedHearing {
    pub lawyer_id: DbUuid,
    pub case_id: DbUuid,
    pub reference: String,
    pub hearing_on: NaiveDate,
    pub verified_on: Option<NaiveDate>,
}

/// Open cases with a hearing on or after `today` whose dates were last checked with the
/// court before `verified_before` (or never), with their lawyer of record; the next hearing
/// of each case only.
pub fn unverified_hearings(
    conn: &mut DbConnection,
    today: NaiveDate,
    verified_before: NaiveDate,
) -> QueryResult<Vec<UnverifiedHearing>> {
    let rows: Vec<UnverifiedHearing> = case_deadlines::table
        .inner_join(cases::table)
        .filter(case_deadlines::kind.eq("hearing"))
        .filter(case_deadlines::due_on.ge(today))
        .filter(cases::closed_at.is_null())
        .filter(
            cases::court_verified_on
                .is_null()
                .or(cases::court_verified_on.lt(verified_before)),
        )
        .filter(cases::lawyer_id.is_not_null())
        .order((cases::lawyer_id, case_deadlines::due_on, cases::reference))
        .select((
            cases::lawyer_id.assume_not_null(),
            cases::id,
            cases::reference,
            case_deadlines::due_on,
            cases::court_verified_on,
        ))
        .load(conn)?;
    let mut seen = std::collections::HashSet::new();
    Ok(rows
        .into_iter()
        .filter(|row| seen.insert(row.case_id))
        .collect())
}
