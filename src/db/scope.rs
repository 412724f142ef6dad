//! The case scope (`auth::scope`) in SQL, written once for both backends: [`WithinScope`]
//! narrows a boxed diesel query that reads `cases`, [`and_within`] a hand-written statement
//! (the search's name index, the weekly report). [`load`] builds a reader's scope from the
//! office's setting, once per request.

use diesel::dsl::sql;
use diesel::prelude::*;
use diesel::query_dsl::methods::FilterDsl;
use diesel::sql_types::Bool;

use super::schema::cases;
use super::uuid::DbUuid;
use super::{DbConnection, office_settings};
use crate::auth::scope::{CaseScope, OfficeAccess, ScopeRows};
use crate::domain::case_stage::CaseStage;
use crate::domain::staff::Staff;

/// The scope of `reader` under the office's settings as they stand; the settings are read
/// only when they can change it (a statement fewer for every other reader's request).
pub fn load(conn: &mut DbConnection, reader: &Staff) -> QueryResult<CaseScope> {
    let office = if CaseScope::depends_on_office(reader) {
        OfficeAccess {
            paralegals_see_all_cases: office_settings::flag(
                conn,
                office_settings::PARALEGALS_SEE_ALL_CASES,
            )?,
        }
    } else {
        OfficeAccess::default()
    };
    Ok(CaseScope::for_reader(reader, office))
}

/// `cases.paralegal_id = $1`
type AssignedTo = diesel::dsl::Eq<cases::paralegal_id, DbUuid>;
/// A condition no row meets.
type NoRow = diesel::expression::SqlLiteral<Bool>;

/// A boxed query over `cases` (alone or joined) that can be narrowed to a scope.
pub trait WithinScope: Sized {
    /// Only the rows of cases in `scope`.
    fn within(self, scope: &CaseScope) -> Self;
}

impl<Q> WithinScope for Q
where
    Q: FilterDsl<AssignedTo, Output = Q> + FilterDsl<NoRow, Output = Q>,
{
    fn within(self, scope: &CaseScope) -> Self {
        match scope.rows() {
            ScopeRows::Every => self,
            ScopeRows::EveryButNewInquiries => {
                FilterDsl::filter(self, sql::<Bool>(&not_a_new_inquiry("cases")))
            }
            ScopeRows::AssignedTo(paralegal) => {
                FilterDsl::filter(self, cases::paralegal_id.eq(DbUuid(paralegal.as_uuid())))
            }
            ScopeRows::Nothing => FilterDsl::filter(self, sql::<Bool>("1 = 0")),
        }
    }
}

/// The condition that the case `cases` is not a new inquiry from the public form (the SQL of
/// `Assignment::new_inquiry`, `services::case_access::assignment`).
fn not_a_new_inquiry(cases: &str) -> String {
    format!(
        "NOT ({cases}.stage = '{stage}' AND {cases}.source = '{source}' \
         AND {cases}.lawyer_id IS NULL AND {cases}.paralegal_id IS NULL)",
        stage = CaseStage::Inquiry.as_str(),
        source = super::cases::SOURCE_WEB_FORM,
    )
}

/// A hand-written statement under construction, with binds numbered in order.
pub trait RawStatement {
    fn push_sql(&mut self, sql: &str);
    fn push_uuid(&mut self, id: DbUuid);
}

/// Appends ` AND <condition>` keeping only the cases in `scope`, where `cases` is the
/// qualifier of the `cases` table in the statement (`c`, `cases`); nothing when every case
/// is in scope.
pub fn and_within(statement: &mut impl RawStatement, scope: &CaseScope, cases: &str) {
    match scope.rows() {
        ScopeRows::Every => {}
        ScopeRows::EveryButNewInquiries => {
            statement.push_sql(&format!(" AND {}", not_a_new_inquiry(cases)));
        }
        ScopeRows::AssignedTo(paralegal) => {
            statement.push_sql(&format!(" AND {cases}.paralegal_id = "));
            statement.push_uuid(DbUuid(paralegal.as_uuid()));
        }
        ScopeRows::Nothing => statement.push_sql(" AND 1 = 0"),
    }
}
