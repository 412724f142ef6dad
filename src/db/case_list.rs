//! The case list: every filter, the sort and the page in SQL, written once for both backends
//! with boxed queries on `cases`. A page is a count, the ids of the page in order, and one
//! statement that loads those rows with their clients and next deadlines (no query per row).
//!
//! Indexes (migrations `…000002`, `…000300`–`…000302`): stage → `cases_stage`, claim kind →
//! `cases_kind`, lawyer → `cases_lawyer`, paralegal → `cases_paralegal`, nationality →
//! `client_nationalities (code, client_id)`, port of entry → `client_entries_port`, one-year
//! and hearing windows → `case_deadlines_due (kind, due_on)` (scheduled hearings are deadlines
//! of kind `hearing`), not updated → `cases_open_updated` (partial, open cases); sort by
//! reference → the unique index, by update → `cases_updated_at`, by next
//! deadline → `case_deadlines_next (due_on, kind, case_id)` walked in date order, or, for up
//! to [`PER_CASE_UP_TO`] cases, `case_deadlines_case_due (case_id, due_on)` per case. Sorting by
//! stage (workflow order) and pages deep into a long list cost in proportion to the cases
//! skipped.

use std::collections::{HashMap, HashSet};

use chrono::{NaiveDate, NaiveDateTime};
use diesel::dsl::{exists, min, not, sql};
use diesel::prelude::*;
use diesel::sql_types::Integer;

use super::reports::{Figure, InFigure};
use super::schema::{
    case_deadlines, cases, client_entries, client_nationalities, clients, family_members,
};
use super::scope::WithinScope;
use super::uuid::DbUuid;
use super::{DbConnection, MultiBackend};
use crate::auth::scope::CaseScope;
use crate::domain::case_stage::CaseStage;
use crate::domain::codes::Relationship;
use crate::domain::intake::FamilyMember;

/// The columns the list can be sorted by.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum CaseSort {
    Reference,
    Updated,
    #[default]
    NextDeadline,
    Stage,
}

/// How the "next deadline" order is found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeadlineWalk {
    /// Each filtered case's next deadline, then sorted: cost grows with the cases found.
    PerCase,
    /// Upcoming deadlines in date order, each case at its first, kept if the filter takes
    /// it: cost grows with the page's depth divided by the share of cases found.
    InDateOrder,
}

/// Up to this many cases found, [`DeadlineWalk::PerCase`] is the cheaper way.
pub const PER_CASE_UP_TO: i64 = 3_000;
/// Upcoming deadlines read per statement at most (and case ids checked per statement).
const MAX_CHUNK: i64 = 8_000;

/// A resolved filter: who may be seen is the reader's scope, built by the service.
#[derive(Debug, Clone, Default)]
pub struct CaseListFilter {
    /// "My cases": the lawyer of record or the assigned paralegal is this staff member.
    pub mine_as_lawyer: Option<uuid::Uuid>,
    pub mine_as_paralegal: Option<uuid::Uuid>,
    /// The lawyer and paralegal filters.
    pub lawyer: Option<uuid::Uuid>,
    pub paralegal: Option<uuid::Uuid>,
    /// The cases the reader may see at all (none by default).
    pub scope: CaseScope,
    pub stage: Option<String>,
    pub kind: Option<String>,
    /// An ISO country code, upper-case.
    pub nationality: Option<String>,
    pub port_of_entry: Option<String>,
    /// The one-year filing deadline falls in `[today, until]`.
    pub one_year_until: Option<NaiveDate>,
    /// A scheduled hearing (a deadline of kind `hearing`) falls in `[today, until]`.
    pub hearing_until: Option<NaiveDate>,
    /// Open and last changed before this instant.
    pub not_updated_since: Option<NaiveDateTime>,
    /// Only the cases of one weekly-report figure (`db::reports`).
    pub report: Option<Figure>,
    pub today: NaiveDate,
}

impl CaseListFilter {
    /// Whether only a nationality or a port of entry narrows the cases.
    fn only_shared_attributes(&self) -> bool {
        let shared = CaseListFilter {
            nationality: None,
            port_of_entry: None,
            ..self.clone()
        };
        !shared.restricts()
    }

    /// Whether the filter leaves out any case at all.
    fn restricts(&self) -> bool {
        self.mine_as_lawyer.is_some()
            || self.mine_as_paralegal.is_some()
            || self.lawyer.is_some()
            || self.paralegal.is_some()
            || !self.scope.is_every_case()
            || self.stage.is_some()
            || self.kind.is_some()
            || self.nationality.is_some()
            || self.port_of_entry.is_some()
            || self.one_year_until.is_some()
            || self.hearing_until.is_some()
            || self.not_updated_since.is_some()
            || self.report.is_some()
    }
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

/// How the conditions on other tables are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Form {
    /// `IN (subquery)`: the planner may let the subquery's rows drive the statement, or build
    /// the list once and probe it; right for one statement over many cases.
    Lists,
    /// `EXISTS (correlated subquery)`: a probe per case; right for checking a short list of
    /// case ids, statement after statement, without building the lists each time.
    Probes,
}

/// The cases the filter finds: conditions on `cases`, and on the client's nationalities and
/// entry, the deadlines and the hearings as subqueries on their indexes.
fn filtered(filter: &CaseListFilter, form: Form) -> cases::BoxedQuery<'static, MultiBackend> {
    let mut query = cases::table.into_boxed().within(&filter.scope);
    for id in [filter.mine_as_paralegal, filter.paralegal]
        .into_iter()
        .flatten()
    {
        query = query.filter(cases::paralegal_id.eq(DbUuid(id)));
    }
    for id in [filter.mine_as_lawyer, filter.lawyer].into_iter().flatten() {
        query = query.filter(cases::lawyer_id.eq(DbUuid(id)));
    }
    if let Some(stage) = &filter.stage {
        query = query.filter(cases::stage.eq(stage.clone()));
    }
    if let Some(kind) = &filter.kind {
        query = query.filter(cases::kind.eq(kind.clone()));
    }
    if let Some(since) = filter.not_updated_since {
        query = query
            .filter(cases::closed_at.is_null())
            .filter(cases::updated_at.lt(since));
    }
    if let Some(figure) = &filter.report {
        query = query.filter(InFigure::new(figure));
    }
    let today = filter.today;
    // A nationality or a port is shared by many clients (RU, San Ysidro): its list drives the
    // statement only when nothing else narrows the cases; otherwise it is probed per case.
    let shared = if filter.only_shared_attributes() {
        form
    } else {
        Form::Probes
    };
    if let Some(code) = &filter.nationality {
        let of_code =
            client_nationalities::table.filter(client_nationalities::code.eq(code.clone()));
        query = match shared {
            Form::Lists => query
                .filter(cases::client_id.eq_any(of_code.select(client_nationalities::client_id))),
            Form::Probes => query.filter(exists(
                of_code.filter(client_nationalities::client_id.eq(cases::client_id)),
            )),
        };
    }
    if let Some(port) = &filter.port_of_entry {
        let at_port = client_entries::table.filter(client_entries::port_of_entry.eq(port.clone()));
        query = match shared {
            Form::Lists => {
                query.filter(cases::client_id.eq_any(at_port.select(client_entries::client_id)))
            }
            Form::Probes => query.filter(exists(
                at_port.filter(client_entries::client_id.eq(cases::client_id)),
            )),
        };
    }
    if let Some(until) = filter.one_year_until {
        let due = case_deadlines::table
            .filter(case_deadlines::kind.eq("one_year_filing"))
            .filter(case_deadlines::due_on.between(today, until));
        query = match form {
            Form::Lists => query.filter(cases::id.eq_any(due.select(case_deadlines::case_id))),
            Form::Probes => query.filter(exists(due.filter(case_deadlines::case_id.eq(cases::id)))),
        };
    }
    if let Some(until) = filter.hearing_until {
        // Scheduled hearings are among the case's deadlines (kept on every change to its
        // events), so one index answers for both.
        let hearing = case_deadlines::table
            .filter(case_deadlines::kind.eq("hearing"))
            .filter(case_deadlines::due_on.between(today, until));
        query = match form {
            Form::Lists => query.filter(cases::id.eq_any(hearing.select(case_deadlines::case_id))),
            Form::Probes => query.filter(exists(
                hearing.filter(case_deadlines::case_id.eq(cases::id)),
            )),
        };
    }
    query
}

/// How many cases the filter finds.
pub fn count(conn: &mut DbConnection, filter: &CaseListFilter) -> QueryResult<i64> {
    filtered(filter, Form::Lists).count().get_result(conn)
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

/// The ids of one page, in order; ties are broken by reference, so pages never overlap.
pub fn page_ids(
    conn: &mut DbConnection,
    filter: &CaseListFilter,
    sort: CaseSort,
    descending: bool,
    limit: i64,
    offset: i64,
    total: i64,
) -> QueryResult<Vec<uuid::Uuid>> {
    let query = filtered(filter, Form::Lists).select(cases::id);
    let ids: Vec<DbUuid> = match (sort, descending) {
        (CaseSort::NextDeadline, _) => {
            let walk = if filter.restricts() && total <= PER_CASE_UP_TO {
                DeadlineWalk::PerCase
            } else {
                DeadlineWalk::InDateOrder
            };
            return next_deadline_ids(conn, filter, descending, limit, offset, walk);
        }
        (CaseSort::Reference, false) => query.order(cases::reference.asc()),
        (CaseSort::Reference, true) => query.order(cases::reference.desc()),
        (CaseSort::Updated, false) => {
            query.order((cases::updated_at.asc(), cases::reference.asc()))
        }
        (CaseSort::Updated, true) => {
            query.order((cases::updated_at.desc(), cases::reference.asc()))
        }
        (CaseSort::Stage, false) => query.order((
            sql::<Integer>(&stage_order_sql()).asc(),
            cases::reference.asc(),
        )),
        (CaseSort::Stage, true) => query.order((
            sql::<Integer>(&stage_order_sql()).desc(),
            cases::reference.asc(),
        )),
    }
    .limit(limit)
    .offset(offset)
    .load(conn)?;
    Ok(ids.into_iter().map(|id| id.0).collect())
}

/// The ids of one page in the order of each case's next deadline (nearest first, or last
/// when `descending`); cases without an upcoming deadline follow, by reference. Both walks
/// give the same order: by date, then deadline kind, then case id.
pub fn next_deadline_ids(
    conn: &mut DbConnection,
    filter: &CaseListFilter,
    descending: bool,
    limit: i64,
    offset: i64,
    walk: DeadlineWalk,
) -> QueryResult<Vec<uuid::Uuid>> {
    let today = filter.today;
    let (mut page, with_deadline) = match walk {
        DeadlineWalk::PerCase => {
            let upcoming = case_deadlines::table
                .filter(case_deadlines::case_id.eq(cases::id))
                .filter(case_deadlines::due_on.ge(today));
            let next_due = upcoming.select(min(case_deadlines::due_on)).single_value();
            let next_kind = upcoming
                .order((case_deadlines::due_on.asc(), case_deadlines::kind.asc()))
                .select(case_deadlines::kind)
                .single_value();
            let query = filtered(filter, Form::Lists)
                .filter(exists(upcoming))
                .select(cases::id);
            let query = if descending {
                query.order((next_due.desc(), next_kind.desc(), cases::id.desc()))
            } else {
                query.order((next_due.asc(), next_kind.asc(), cases::id.asc()))
            };
            let ids: Vec<DbUuid> = query.limit(limit).offset(offset).load(conn)?;
            let with_deadline = if (ids.len() as i64) < limit {
                Some(
                    filtered(filter, Form::Lists)
                        .filter(exists(upcoming))
                        .count()
                        .get_result(conn)?,
                )
            } else {
                None
            };
            (ids, with_deadline)
        }
        DeadlineWalk::InDateOrder => in_date_order(conn, filter, descending, limit, offset)?,
    };
    // Past the cases with an upcoming deadline: the others, by reference.
    if let Some(with_deadline) = with_deadline
        && (page.len() as i64) < limit
    {
        let upcoming = case_deadlines::table
            .filter(case_deadlines::case_id.eq(cases::id))
            .filter(case_deadlines::due_on.ge(today));
        let rest: Vec<DbUuid> = filtered(filter, Form::Lists)
            .filter(not(exists(upcoming)))
            .select(cases::id)
            .order(cases::reference.asc())
            .limit(limit - page.len() as i64)
            .offset((offset - with_deadline).max(0))
            .load(conn)?;
        page.extend(rest);
    }
    Ok(page.into_iter().map(|id| id.0).collect())
}

type Upcoming = (DbUuid, NaiveDate, String);

/// Walks upcoming deadlines in date order, a growing chunk at a time, keeping each case at
/// its earliest deadline if the filter takes it, until the page is full. Returns the page and,
/// when every upcoming deadline was read, how many filtered cases have one.
fn in_date_order(
    conn: &mut DbConnection,
    filter: &CaseListFilter,
    descending: bool,
    limit: i64,
    offset: i64,
) -> QueryResult<(Vec<DbUuid>, Option<i64>)> {
    let today = filter.today;
    let wanted = (offset + limit) as usize;
    let restricts = filter.restricts();
    let mut found: Vec<DbUuid> = Vec::new();
    let mut cursor: Option<Upcoming> = None;
    let mut chunk = (offset + limit).clamp(64, MAX_CHUNK) * if restricts { 4 } else { 1 };
    loop {
        chunk = chunk.min(MAX_CHUNK);
        let earlier = diesel::alias!(case_deadlines as earlier);
        let mut query = case_deadlines::table
            .filter(case_deadlines::due_on.ge(today))
            .filter(not(exists(
                earlier
                    .filter(
                        earlier
                            .field(case_deadlines::case_id)
                            .eq(case_deadlines::case_id),
                    )
                    .filter(earlier.field(case_deadlines::due_on).ge(today))
                    .filter(
                        earlier
                            .field(case_deadlines::due_on)
                            .lt(case_deadlines::due_on)
                            .or(earlier
                                .field(case_deadlines::due_on)
                                .eq(case_deadlines::due_on)
                                .and(earlier.field(case_deadlines::kind).lt(case_deadlines::kind))),
                    ),
            )))
            .select((
                case_deadlines::case_id,
                case_deadlines::due_on,
                case_deadlines::kind,
            ))
            .into_boxed();
        if let Some((id, due, kind)) = cursor.clone() {
            query = if descending {
                query.filter(
                    case_deadlines::due_on
                        .lt(due)
                        .or(case_deadlines::due_on.eq(due).and(
                            case_deadlines::kind
                                .lt(kind.clone())
                                .or(case_deadlines::kind
                                    .eq(kind)
                                    .and(case_deadlines::case_id.lt(id))),
                        )),
                )
            } else {
                query.filter(
                    case_deadlines::due_on
                        .gt(due)
                        .or(case_deadlines::due_on.eq(due).and(
                            case_deadlines::kind
                                .gt(kind.clone())
                                .or(case_deadlines::kind
                                    .eq(kind)
                                    .and(case_deadlines::case_id.gt(id))),
                        )),
                )
            };
        }
        query = if descending {
            query.order((
                case_deadlines::due_on.desc(),
                case_deadlines::kind.desc(),
                case_deadlines::case_id.desc(),
            ))
        } else {
            query.order((
                case_deadlines::due_on.asc(),
                case_deadlines::kind.asc(),
                case_deadlines::case_id.asc(),
            ))
        };
        let rows: Vec<Upcoming> = query.limit(chunk).load(conn)?;
        let exhausted = (rows.len() as i64) < chunk;
        cursor = rows.last().cloned();
        let ids: Vec<DbUuid> = rows.into_iter().map(|(id, _, _)| id).collect();
        if restricts && !ids.is_empty() {
            let taken: HashSet<DbUuid> = filtered(filter, Form::Probes)
                .filter(cases::id.eq_any(ids.clone()))
                .select(cases::id)
                .load::<DbUuid>(conn)?
                .into_iter()
                .collect();
            found.extend(ids.into_iter().filter(|id| taken.contains(id)));
        } else {
            found.extend(ids);
        }
        if found.len() >= wanted {
            found.truncate(wanted);
            break;
        }
        if exhausted {
            let with_deadline = found.len() as i64;
            let page = found.into_iter().skip(offset as usize).collect();
            return Ok((page, Some(with_deadline)));
        }
        chunk *= 2;
    }
    Ok((found.into_iter().skip(offset as usize).collect(), None))
}

/// The rows of these cases that are in `scope`, in the order given, with their clients and
/// next deadlines.
pub fn rows(
    conn: &mut DbConnection,
    scope: &CaseScope,
    ids: &[uuid::Uuid],
    today: NaiveDate,
) -> QueryResult<Vec<CaseListRow>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let upcoming = case_deadlines::table
        .filter(case_deadlines::case_id.eq(cases::id))
        .filter(case_deadlines::due_on.ge(today));
    let next_due = upcoming.select(min(case_deadlines::due_on)).single_value();
    let next_kind = upcoming
        .order((case_deadlines::due_on.asc(), case_deadlines::kind.asc()))
        .select(case_deadlines::kind)
        .single_value();
    let loaded: Vec<CaseListRow> = cases::table
        .inner_join(clients::table)
        .filter(cases::id.eq_any(ids.iter().copied().map(DbUuid).collect::<Vec<_>>()))
        .select((
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
        ))
        .into_boxed()
        .within(scope)
        .load(conn)?;
    let mut by_id: HashMap<uuid::Uuid, CaseListRow> =
        loaded.into_iter().map(|row| (row.id.0, row)).collect();
    Ok(ids.iter().filter_map(|id| by_id.remove(id)).collect())
}

/// A child of a case's client, as [`children`] reads it.
#[derive(Debug, Queryable)]
struct ChildRow {
    case_id: DbUuid,
    given_name: String,
    family_name: String,
    native_name: String,
    date_of_birth: Option<NaiveDate>,
    in_us: bool,
    derivative: bool,
}

/// The children recorded in the cases `ids` in `scope` (the family of each case's client), by
/// case id: what a list needs to name the child a "turns 21" deadline is about. One
/// statement.
pub fn children(
    conn: &mut DbConnection,
    scope: &CaseScope,
    ids: &[uuid::Uuid],
) -> QueryResult<Vec<(uuid::Uuid, FamilyMember)>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let rows: Vec<ChildRow> = cases::table
        .inner_join(family_members::table.on(family_members::client_id.eq(cases::client_id)))
        .filter(cases::id.eq_any(ids.iter().copied().map(DbUuid).collect::<Vec<_>>()))
        .filter(family_members::relationship.eq(Relationship::Child.as_str()))
        .order((cases::id, family_members::position))
        .select((
            cases::id,
            family_members::given_name,
            family_members::family_name,
            family_members::native_name,
            family_members::date_of_birth,
            family_members::in_us,
            family_members::derivative,
        ))
        .into_boxed()
        .within(scope)
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|row| {
            let child = FamilyMember {
                relationship: Some(Relationship::Child),
                given_name: row.given_name,
                family_name: row.family_name,
                native_name: row.native_name,
                date_of_birth: row.date_of_birth,
                in_us: row.in_us,
                derivative: row.derivative,
                ..FamilyMember::default()
            };
            (row.case_id.0, child)
        })
        .collect())
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
