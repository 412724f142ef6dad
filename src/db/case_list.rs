//! The case list: every filter, the sort and the page in SQL, written once for both backends
//! as a boxed query — one statement for the page, one for the count.
//!
//! Indexes (see the migrations): stage → `cases_stage`, claim kind → `cases_kind`, lawyer →
//! `cases_lawyer`, paralegal → `cases_paralegal`, port of entry → `client_entries_port` (an
//! `IN` subquery), one-year and hearing windows → `case_deadlines_due (kind, due_on)` and
//! `case_events_kind_scheduled (kind, scheduled_at)` (`IN` subqueries), not updated since →
//! `cases_updated_at`; the next deadline of each row → `case_deadlines_case_due (case_id,
//! due_on)`. Nationality is a comma-separated list on `clients`, matched with `LIKE`.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::dsl::{InnerJoin, IntoBoxed, min, sql};
use diesel::prelude::*;
use diesel::sql_types::Integer;

use super::schema::{case_deadlines, case_events, cases, client_entries, clients};
use super::uuid::DbUuid;
use super::{DbConnection, MultiBackend};
use crate::domain::case_stage::CaseStage;

/// The columns the list can be sorted by.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum CaseSort {
    Reference,
    Updated,
    #[default]
    NextDeadline,
    Stage,
}

/// A resolved filter: who may be seen is already decided by the service.
#[derive(Debug, Clone, Default)]
pub struct CaseListFilter {
    /// "My cases": the lawyer of record or the assigned paralegal is this staff member.
    pub mine_as_lawyer: Option<uuid::Uuid>,
    pub mine_as_paralegal: Option<uuid::Uuid>,
    /// The lawyer and paralegal filters.
    pub lawyer: Option<uuid::Uuid>,
    pub paralegal: Option<uuid::Uuid>,
    /// Visibility: a paralegal who may see only their assigned cases.
    pub visible_to_paralegal: Option<uuid::Uuid>,
    pub stage: Option<String>,
    pub kind: Option<String>,
    /// An ISO country code, upper-case.
    pub nationality: Option<String>,
    pub port_of_entry: Option<String>,
    /// The one-year filing deadline falls in `[today, until]`.
    pub one_year_until: Option<NaiveDate>,
    /// A hearing (scheduled event or computed deadline) falls in `[today, until]`.
    pub hearing_until: Option<NaiveDate>,
    /// Open and last changed before this instant.
    pub not_updated_since: Option<NaiveDateTime>,
    pub today: NaiveDate,
}

/// One row of the list.
#[derive(Debug, Clone, Queryable)]
pub struct CaseListRow {
    pub id: DbUuid,
    pub reference: String,
    pub stage: String,
    pub kind: Option<String>,
    pub lawyer_id: Option<DbUuid>,
    pub paralegal_id: Option<DbUuid>,
    pub updated_at: NaiveDateTime,
    pub given_name: String,
    pub middle_name: String,
    pub family_name: String,
    pub native_name: String,
    pub next_deadline_on: Option<NaiveDate>,
    pub next_deadline_kind: Option<String>,
}

type Listing = IntoBoxed<'static, InnerJoin<cases::table, clients::table>, MultiBackend>;

/// Hearing kinds among the scheduled events.
const HEARING_EVENTS: [&str; 2] = ["master_hearing", "merits_hearing"];

fn filtered(filter: &CaseListFilter) -> Listing {
    let mut query = cases::table.inner_join(clients::table).into_boxed();
    if let Some(id) = filter.visible_to_paralegal {
        query = query.filter(cases::paralegal_id.eq(DbUuid(id)));
    }
    for id in [filter.mine_as_lawyer, filter.lawyer].into_iter().flatten() {
        query = query.filter(cases::lawyer_id.eq(DbUuid(id)));
    }
    for id in [filter.mine_as_paralegal, filter.paralegal]
        .into_iter()
        .flatten()
    {
        query = query.filter(cases::paralegal_id.eq(DbUuid(id)));
    }
    if let Some(stage) = &filter.stage {
        query = query.filter(cases::stage.eq(stage.clone()));
    }
    if let Some(kind) = &filter.kind {
        query = query.filter(cases::kind.eq(kind.clone()));
    }
    if let Some(code) = &filter.nationality {
        // "RU", "RU,UA", "UA,RU", "BY,RU,UA": the code alone or between commas.
        query = query.filter(
            clients::nationalities
                .eq(code.clone())
                .or(clients::nationalities.like(format!("{code},%")))
                .or(clients::nationalities.like(format!("%,{code}")))
                .or(clients::nationalities.like(format!("%,{code},%"))),
        );
    }
    if let Some(port) = &filter.port_of_entry {
        query = query.filter(
            cases::client_id.eq_any(
                client_entries::table
                    .filter(client_entries::port_of_entry.eq(port.clone()))
                    .select(client_entries::client_id),
            ),
        );
    }
    if let Some(until) = filter.one_year_until {
        query = query.filter(
            cases::id.eq_any(
                case_deadlines::table
                    .filter(case_deadlines::kind.eq("one_year_filing"))
                    .filter(case_deadlines::due_on.between(filter.today, until))
                    .select(case_deadlines::case_id),
            ),
        );
    }
    if let Some(until) = filter.hearing_until {
        let from = filter.today.and_hms_opt(0, 0, 0).unwrap_or_default();
        let before = until
            .succ_opt()
            .unwrap_or(until)
            .and_hms_opt(0, 0, 0)
            .unwrap_or_default();
        query = query.filter(
            cases::id
                .eq_any(
                    case_events::table
                        .filter(case_events::kind.eq_any(HEARING_EVENTS))
                        .filter(case_events::scheduled_at.ge(from))
                        .filter(case_events::scheduled_at.lt(before))
                        .select(case_events::case_id),
                )
                .or(cases::id.eq_any(
                    case_deadlines::table
                        .filter(case_deadlines::kind.eq("hearing"))
                        .filter(case_deadlines::due_on.between(filter.today, until))
                        .select(case_deadlines::case_id),
                )),
        );
    }
    if let Some(since) = filter.not_updated_since {
        query = query
            .filter(cases::updated_at.lt(since))
            .filter(cases::closed_at.is_null());
    }
    query
}

/// How many cases the filter finds.
pub fn count(conn: &mut DbConnection, filter: &CaseListFilter) -> QueryResult<i64> {
    filtered(filter).count().get_result(conn)
}

/// `CASE cases.stage WHEN 'inquiry' THEN 0 … END`: stages in the order of the workflow, not
/// of the alphabet. Built from our own constants only.
fn stage_order_sql() -> String {
    let mut text = String::from("CASE cases.stage");
    for (i, stage) in CaseStage::ALL.iter().enumerate() {
        text.push_str(&format!(" WHEN '{}' THEN {i}", stage.as_str()));
    }
    text.push_str(" ELSE 99 END");
    text
}

/// One page of the list, sorted; ties are broken by reference, so pages never overlap.
pub fn page(
    conn: &mut DbConnection,
    filter: &CaseListFilter,
    sort: CaseSort,
    descending: bool,
    limit: i64,
    offset: i64,
) -> QueryResult<Vec<CaseListRow>> {
    let next_due = case_deadlines::table
        .filter(case_deadlines::case_id.eq(cases::id))
        .filter(case_deadlines::due_on.ge(filter.today))
        .select(min(case_deadlines::due_on))
        .single_value();
    let next_kind = case_deadlines::table
        .filter(case_deadlines::case_id.eq(cases::id))
        .filter(case_deadlines::due_on.ge(filter.today))
        .order((case_deadlines::due_on.asc(), case_deadlines::kind.asc()))
        .select(case_deadlines::kind)
        .single_value();
    let mut query = filtered(filter).select((
        cases::id,
        cases::reference,
        cases::stage,
        cases::kind,
        cases::lawyer_id,
        cases::paralegal_id,
        cases::updated_at,
        clients::given_name,
        clients::middle_name,
        clients::family_name,
        clients::native_name,
        next_due,
        next_kind,
    ));
    query = match (sort, descending) {
        (CaseSort::Reference, false) => query.order(cases::reference.asc()),
        (CaseSort::Reference, true) => query.order(cases::reference.desc()),
        (CaseSort::Updated, false) => query.order(cases::updated_at.asc()),
        (CaseSort::Updated, true) => query.order(cases::updated_at.desc()),
        // Cases without an upcoming deadline come last either way.
        (CaseSort::NextDeadline, false) => query.order((next_due.is_null().asc(), next_due.asc())),
        (CaseSort::NextDeadline, true) => query.order((next_due.is_null().asc(), next_due.desc())),
        (CaseSort::Stage, false) => query.order(sql::<Integer>(&stage_order_sql()).asc()),
        (CaseSort::Stage, true) => query.order(sql::<Integer>(&stage_order_sql()).desc()),
    };
    if sort != CaseSort::Reference {
        query = query.then_order_by(cases::reference.asc());
    }
    query.limit(limit).offset(offset).load(conn)
}

/// The ports of entry recorded so far, for the filter's suggestions (an index-only scan).
pub fn ports_of_entry(conn: &mut DbConnection) -> QueryResult<Vec<String>> {
    client_entries::table
        .select(client_entries::port_of_entry)
        .filter(client_entries::port_of_entry.ne(""))
        .distinct()
        .order(client_entries::port_of_entry.asc())
        .limit(200)
        .load(conn)
}
