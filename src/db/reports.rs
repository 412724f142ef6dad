//! The weekly report's figures in SQL. Each [`Family`] is written once, as a statement that
//! yields `(case_id, k)` pairs for a week and a scope; a figure's count is the number of
//! distinct cases with its key, and the case list behind the figure filters on
//! `cases.id IN (the same statement)` ([`InFigure`]) — so the list's total is the figure.
//!
//! "Open at the end of the week" is reconstructed from `case_stage_history`: the case was
//! created before the end, and its stage then — the `to_stage` of its last change before the
//! end — is not `declined`, `withdrawn` or `closed`. A case not changed since the end
//! (`updated_at` before it: every stage change touches `updated_at`) is still in its current
//! stage, so only cases changed since are looked up in the history. The families of open
//! cases read those cases as the relation [`OPEN_CASES`]: a common table expression in front
//! of a single figure's statement, or, for a whole report, a temporary table filled once
//! ([`with_open_cases`]) — the same statements either way.
//!
//! The statements are plain SQL both engines read alike; binds are numbered `$1…` in order.

use std::collections::{HashMap, HashSet};

use chrono::{Duration, NaiveDate, NaiveDateTime};
use diesel::expression::{AppearsOnTable, Expression, SelectableExpression, ValidGrouping};
use diesel::prelude::*;
use diesel::query_builder::{AstPass, QueryFragment, QueryId};
use diesel::sql_types::{BigInt, Bool, Date, Nullable, Text, Timestamp};

use super::scope::{RawStatement, and_within};
use super::uuid::{DbUuid, PortableUuid};
use super::{DbConnection, MultiBackend};
use crate::auth::scope::CaseScope;
use crate::domain::case_stage::CaseStage;
use crate::domain::reports::{Family, NONE_KEY, Overdue, STALE_DAYS, UPCOMING_DAYS, WeekBounds};

/// Whose cases: everyone's, a lawyer's of record, or a paralegal's assigned — always within
/// the reader's [`CaseScope`] (none by default).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ScopeFilter {
    pub lawyer: Option<uuid::Uuid>,
    pub paralegal: Option<uuid::Uuid>,
    /// The cases the reader may see.
    pub cases: CaseScope,
}

impl ScopeFilter {
    /// Whether some case is left out, so that a statement must read `cases` to tell.
    fn narrows(&self) -> bool {
        self.lawyer.is_some() || self.paralegal.is_some() || !self.cases.is_every_case()
    }
}

/// One figure (or a whole family when `key` is `None`) of one week and scope.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Figure {
    pub family: Family,
    pub key: Option<String>,
    pub bounds: WeekBounds,
    pub scope: ScopeFilter,
}

#[derive(Debug, Clone)]
enum Value {
    Timestamp(NaiveDateTime),
    Date(NaiveDate),
    Text(String),
    Uuid(DbUuid),
}

#[derive(Debug, Clone)]
enum Part {
    Sql(String),
    Bind(Value),
}

/// SQL text with its binds in place.
#[derive(Debug, Clone, Default)]
pub struct Statement {
    parts: Vec<Part>,
}

impl Statement {
    fn sql(&mut self, text: &str) -> &mut Self {
        self.parts.push(Part::Sql(text.to_string()));
        self
    }

    fn bind(&mut self, value: Value) -> &mut Self {
        self.parts.push(Part::Bind(value));
        self
    }

    fn ts(&mut self, at: NaiveDateTime) -> &mut Self {
        self.bind(Value::Timestamp(at))
    }

    fn date(&mut self, on: NaiveDate) -> &mut Self {
        self.bind(Value::Date(on))
    }

    fn text(&mut self, text: &str) -> &mut Self {
        self.bind(Value::Text(text.to_string()))
    }

    fn append(&mut self, other: Statement) -> &mut Self {
        self.parts.extend(other.parts);
        self
    }

    /// As a raw query, binds numbered `$1…` in order of appearance.
    fn into_query(
        self,
    ) -> diesel::query_builder::BoxedSqlQuery<'static, MultiBackend, diesel::query_builder::SqlQuery>
    {
        let mut text = String::new();
        let mut n = 0;
        for part in &self.parts {
            match part {
                Part::Sql(sql) => text.push_str(sql),
                Part::Bind(_) => {
                    n += 1;
                    text.push_str(&format!("${n}"));
                }
            }
        }
        let mut query = diesel::sql_query(text).into_boxed::<MultiBackend>();
        for part in self.parts {
            if let Part::Bind(value) = part {
                query = match value {
                    Value::Timestamp(at) => query.bind::<Timestamp, _>(at),
                    Value::Date(on) => query.bind::<Date, _>(on),
                    Value::Text(text) => query.bind::<Text, _>(text),
                    Value::Uuid(id) => query.bind::<PortableUuid, _>(id),
                };
            }
        }
        query
    }
}

/// `'inquiry', 'conflict_check', …`: the open stages, from our own constants only.
fn open_stages_sql() -> String {
    CaseStage::ALL
        .into_iter()
        .filter(|s| s.is_open())
        .map(|s| format!("'{}'", s.as_str()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The stage of case `c` at `end`.
fn stage_at_end(s: &mut Statement, end: NaiveDateTime) {
    s.sql("(CASE WHEN c.updated_at < ")
        .ts(end)
        .sql(
            " THEN c.stage ELSE COALESCE((SELECT h.to_stage FROM case_stage_history h \
             WHERE h.case_id = c.id AND h.changed_at < ",
        )
        .ts(end)
        .sql(" ORDER BY h.changed_at DESC, h.id DESC LIMIT 1), c.stage) END)");
}

impl RawStatement for Statement {
    fn push_sql(&mut self, sql: &str) {
        self.sql(sql);
    }

    fn push_uuid(&mut self, id: DbUuid) {
        self.bind(Value::Uuid(id));
    }
}

/// The scope's conditions on the cases `c`.
fn in_scope(s: &mut Statement, scope: ScopeFilter) {
    and_within(s, &scope.cases, "c");
    if let Some(lawyer) = scope.lawyer {
        s.sql(" AND c.lawyer_id = ")
            .bind(Value::Uuid(DbUuid(lawyer)));
    }
    if let Some(paralegal) = scope.paralegal {
        s.sql(" AND c.paralegal_id = ")
            .bind(Value::Uuid(DbUuid(paralegal)));
    }
}

/// The relation of the cases open at the end of the week and in the scope, one row each:
/// `id`, `client_id`, `kind`, `lawyer_id`, `paralegal_id`, `updated_at`, `i589_filed_on`,
/// `court_verified_on`, `port` (the port of entry's key) and `stage` (the stage then).
pub const OPEN_CASES: &str = "report_open_cases";

const OPEN_CASES_COLUMNS: &str = "id, client_id, kind, lawyer_id, paralegal_id, updated_at, \
     i589_filed_on, court_verified_on, port, stage";

/// The rows of [`OPEN_CASES`].
fn open_cases(end: NaiveDateTime, scope: ScopeFilter) -> Statement {
    let mut s = Statement::default();
    s.sql(&format!(
        "SELECT {OPEN_CASES_COLUMNS} FROM (SELECT c.id AS id, c.client_id AS client_id, \
         c.kind AS kind, c.lawyer_id AS lawyer_id, c.paralegal_id AS paralegal_id, \
         c.updated_at AS updated_at, c.i589_filed_on AS i589_filed_on, \
         c.court_verified_on AS court_verified_on, \
         CASE WHEN e.port_of_entry IS NULL OR e.port_of_entry = '' \
         THEN '{NONE_KEY}' ELSE e.port_of_entry END AS port, "
    ));
    stage_at_end(&mut s, end);
    // `(… < end) = TRUE` rather than the bare comparison: nearly every case matches, and
    // SQLite would otherwise walk the `created_at` index and look each row up again, three
    // times the work of reading the table through.
    s.sql(
        " AS stage FROM cases c LEFT JOIN client_entries e ON e.client_id = c.client_id \
         WHERE (c.created_at < ",
    )
    .ts(end)
    .sql(") = TRUE");
    in_scope(&mut s, scope);
    s.sql(&format!(") x WHERE x.stage IN ({})", open_stages_sql()));
    s
}

/// Runs `f` with the week's [`OPEN_CASES`] in a temporary table, so that a whole report
/// reconstructs each case's stage once rather than once per figure. The table lives in a
/// transaction of its own and is gone when `f` returns, whatever it returns.
pub fn with_open_cases<T, E, F>(
    conn: &mut DbConnection,
    bounds: &WeekBounds,
    scope: ScopeFilter,
    f: F,
) -> Result<T, E>
where
    F: FnOnce(&mut DbConnection, &OpenCases) -> Result<T, E>,
    E: From<diesel::result::Error>,
{
    conn.transaction(|conn| {
        let mut fill = Statement::default();
        fill.sql(&format!("CREATE TEMPORARY TABLE {OPEN_CASES} AS "))
            .append(open_cases(bounds.end_db(), scope));
        fill.into_query().execute(conn)?;
        // Indexed once filled: building the index from sorted keys costs a fraction of
        // inserting 50,000 random ids into it one by one.
        diesel::sql_query(format!(
            "CREATE UNIQUE INDEX {OPEN_CASES}_id ON {OPEN_CASES} (id)"
        ))
        .execute(conn)?;
        let value = f(
            conn,
            &OpenCases {
                bounds: *bounds,
                scope,
            },
        )?;
        diesel::sql_query(format!("DROP TABLE {OPEN_CASES}")).execute(conn)?;
        Ok(value)
    })
}

/// A week's open cases, filled in by [`with_open_cases`]: the report's figures, counted
/// from the temporary table.
#[derive(Debug)]
pub struct OpenCases {
    bounds: WeekBounds,
    scope: ScopeFilter,
}

impl OpenCases {
    pub fn counts_by_key(
        &self,
        conn: &mut DbConnection,
        family_of: Family,
    ) -> QueryResult<Vec<(String, i64)>> {
        counts_by_key_from(conn, family_of, &self.bounds, self.scope, Source::Table)
    }

    pub fn counts_and_total(
        &self,
        conn: &mut DbConnection,
        family_of: Family,
    ) -> QueryResult<(Vec<(String, i64)>, i64)> {
        counts_and_total_from(conn, family_of, &self.bounds, self.scope, Source::Table)
    }

    pub fn count(&self, conn: &mut DbConnection, family_of: Family) -> QueryResult<i64> {
        let figure = Figure {
            family: family_of,
            key: None,
            bounds: self.bounds,
            scope: self.scope,
        };
        count_from(conn, &figure, Source::Table)
    }

    /// The [`ONE_PASS`] families' counts per key, in that order, from one statement.
    pub fn open_counts(&self, conn: &mut DbConnection) -> QueryResult<Vec<Vec<(String, i64)>>> {
        let mut s = Statement::default();
        s.sql("SELECT ");
        for (i, family) in ONE_PASS.into_iter().enumerate() {
            s.sql(&format!("{} AS k{i}, ", open_key(family)));
        }
        s.sql(&format!(
            "COUNT(*) AS n FROM {OPEN_CASES} o GROUP BY k0, k1, k2, k3, k4"
        ));
        let rows: Vec<Combination> = s.into_query().load(conn)?;
        let mut sums: Vec<std::collections::BTreeMap<String, i64>> =
            vec![Default::default(); ONE_PASS.len()];
        for row in rows {
            for (i, key) in [row.k0, row.k1, row.k2, row.k3, row.k4]
                .into_iter()
                .enumerate()
            {
                *sums[i].entry(key).or_default() += row.n;
            }
        }
        Ok(sums
            .into_iter()
            .map(|sum| {
                let mut counts: Vec<(String, i64)> = sum.into_iter().collect();
                most_first(&mut counts);
                counts
            })
            .collect())
    }
}

/// Where a statement finds [`OPEN_CASES`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Source {
    /// Computed in the statement itself.
    Inline,
    /// The temporary table of [`with_open_cases`].
    Table,
}

/// Text of a nullable uuid column, `-` when null (the same text on both engines).
fn uuid_key(column: &str) -> String {
    format!("COALESCE(CAST({column} AS TEXT), '{NONE_KEY}')")
}

/// The key of an open-case family, over [`OPEN_CASES`] `o` and (nationality)
/// `client_nationalities n`.
fn open_key(family: Family) -> String {
    match family {
        Family::OpenStage => "o.stage".to_string(),
        Family::OpenKind => format!("COALESCE(o.kind, '{NONE_KEY}')"),
        Family::OpenLawyer => uuid_key("o.lawyer_id"),
        Family::OpenParalegal => uuid_key("o.paralegal_id"),
        Family::OpenNationality => format!("COALESCE(n.code, '{NONE_KEY}')"),
        _ => "o.port".to_string(),
    }
}

/// The single-valued open-case families, counted in one pass over the open cases: each
/// case is one row of [`OPEN_CASES`], so the counts per key are the families'.
pub const ONE_PASS: [Family; 5] = [
    Family::OpenStage,
    Family::OpenKind,
    Family::OpenLawyer,
    Family::OpenParalegal,
    Family::OpenPort,
];

#[derive(Debug, QueryableByName)]
struct Combination {
    #[diesel(sql_type = Text)]
    k0: String,
    #[diesel(sql_type = Text)]
    k1: String,
    #[diesel(sql_type = Text)]
    k2: String,
    #[diesel(sql_type = Text)]
    k3: String,
    #[diesel(sql_type = Text)]
    k4: String,
    #[diesel(sql_type = BigInt)]
    n: i64,
}

/// Whether each case is at most one row of the family's statement: then counting rows
/// counts cases, without the cost of `DISTINCT` (a case is opened once, is one row of
/// [`OPEN_CASES`]).
fn one_row_per_case(family: Family) -> bool {
    matches!(
        family,
        Family::Opened
            | Family::OpenStage
            | Family::OpenKind
            | Family::OpenLawyer
            | Family::OpenParalegal
            | Family::OpenPort
            | Family::Stale
    )
}

/// Whether each case is at most one row per key: a client's nationalities are distinct.
fn one_row_per_case_and_key(family: Family) -> bool {
    one_row_per_case(family) || family == Family::OpenNationality
}

/// `COUNT(…)` of the cases among rows `f` of the family.
fn count_cases(family: Family, per_key: bool) -> &'static str {
    let unique = if per_key {
        one_row_per_case_and_key(family)
    } else {
        one_row_per_case(family)
    };
    if unique {
        "COUNT(*)"
    } else {
        "COUNT(DISTINCT f.case_id)"
    }
}

/// Keys with the most cases first, then by key — sorted here, as the engines' collations
/// order text differently.
fn most_first(counts: &mut [(String, i64)]) {
    counts.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
}

/// Whether the family's statement reads [`OPEN_CASES`].
fn reads_open_cases(family: Family) -> bool {
    !matches!(family, Family::Opened | Family::Entered | Family::Moved)
}

/// The family's `(case_id, k)` statement, with [`OPEN_CASES`] in front of it when it is
/// computed in place.
fn family(family: Family, bounds: &WeekBounds, scope: ScopeFilter, source: Source) -> Statement {
    let mut s = Statement::default();
    if source == Source::Inline && reads_open_cases(family) {
        s.sql(&format!("WITH {OPEN_CASES} AS ("))
            .append(open_cases(bounds.end_db(), scope))
            .sql(") ");
    }
    s.append(family_body(family, bounds, scope));
    s
}

/// An activity family's statement for the changes from `start` to `end`, with each row's
/// instant as `at`.
fn activity(
    family: Family,
    start: NaiveDateTime,
    end: NaiveDateTime,
    scope: ScopeFilter,
) -> Statement {
    let mut s = Statement::default();
    if family == Family::Opened {
        s.sql(
            "SELECT c.id AS case_id, '' AS k, c.created_at AS at FROM cases c \
             WHERE c.created_at >= ",
        )
        .ts(start)
        .sql(" AND c.created_at < ")
        .ts(end);
        in_scope(&mut s, scope);
        return s;
    }
    let key = if family == Family::Entered {
        "h.to_stage"
    } else {
        "h.from_stage || '>' || h.to_stage"
    };
    // Every change belongs to a case (the foreign key): the case is read only to ask whose
    // it is.
    let join = if scope.narrows() {
        " JOIN cases c ON c.id = h.case_id"
    } else {
        ""
    };
    s.sql(&format!(
        "SELECT h.case_id AS case_id, {key} AS k, h.changed_at AS at \
         FROM case_stage_history h{join} WHERE h.from_stage IS NOT NULL AND h.changed_at >= "
    ))
    .ts(start)
    .sql(" AND h.changed_at < ")
    .ts(end);
    in_scope(&mut s, scope);
    s
}

fn family_body(family: Family, bounds: &WeekBounds, scope: ScopeFilter) -> Statement {
    let (start, end) = (bounds.start_db(), bounds.end_db());
    let mut s = Statement::default();
    match family {
        Family::Opened | Family::Entered | Family::Moved => {
            return activity(family, start, end, scope);
        }
        Family::OpenStage
        | Family::OpenKind
        | Family::OpenLawyer
        | Family::OpenParalegal
        | Family::OpenPort => {
            s.sql(&format!(
                "SELECT o.id AS case_id, {} AS k FROM {OPEN_CASES} o",
                open_key(family)
            ));
        }
        Family::OpenNationality => {
            s.sql(&format!(
                "SELECT o.id AS case_id, {} AS k FROM {OPEN_CASES} o \
                 LEFT JOIN client_nationalities n ON n.client_id = o.client_id",
                open_key(family)
            ));
        }
        Family::DueSoon => {
            // Only live deadlines are stored (docs/deadlines.md): an appeal filed, a parole
            // superseded by court proceedings, a closed case leave nothing here.
            s.sql(&format!(
                "SELECT d.case_id AS case_id, d.kind AS k FROM case_deadlines d \
                 JOIN {OPEN_CASES} o ON o.id = d.case_id WHERE d.due_on >= "
            ))
            .date(bounds.next_day())
            .sql(" AND d.due_on < ")
            .date(bounds.next_day() + Duration::days(UPCOMING_DAYS));
        }
        Family::Overdue => {
            let sunday = bounds.week.sunday();
            s.sql(&format!(
                "SELECT o.id AS case_id, x.k AS k FROM (\
                 SELECT d.case_id AS case_id, CASE d.kind WHEN 'one_year_filing' THEN '{}' \
                 ELSE '{}' END AS k FROM case_deadlines d \
                 WHERE d.kind IN ('one_year_filing', 'bia_appeal') AND d.due_on <= ",
                Overdue::OneYear.as_str(),
                Overdue::Appeal.as_str(),
            ))
            .date(sunday)
            .sql(&format!(
                " UNION ALL SELECT ev.case_id AS case_id, '{}' AS k FROM case_events ev \
                 WHERE ev.kind IN ('master_hearing', 'merits_hearing') AND ev.outcome = '' \
                 AND ev.scheduled_at < ",
                Overdue::HearingOutcome.as_str()
            ))
            // Hearings are kept in the court's local time, like the week's days.
            .ts(bounds.next_day().and_hms_opt(0, 0, 0).unwrap_or_default())
            .sql(&format!(
                ") x JOIN {OPEN_CASES} o ON o.id = x.case_id WHERE x.k IN ('{}', '{}') \
                 OR (x.k = '{}' AND (o.i589_filed_on IS NULL OR o.i589_filed_on > ",
                Overdue::HearingOutcome.as_str(),
                Overdue::Appeal.as_str(),
                Overdue::OneYear.as_str(),
            ))
            .date(sunday)
            .sql("))");
        }
        Family::Stale => {
            s.sql(&format!(
                "SELECT o.id AS case_id, '' AS k FROM {OPEN_CASES} o WHERE o.updated_at < "
            ))
            .ts(end - Duration::days(STALE_DAYS));
        }
        Family::Unverified => {
            s.sql(&format!(
                "SELECT d.case_id AS case_id, '' AS k FROM case_deadlines d \
                 JOIN {OPEN_CASES} o ON o.id = d.case_id WHERE d.kind = 'hearing' \
                 AND d.due_on >= "
            ))
            .date(bounds.next_day())
            .sql(" AND (o.court_verified_on IS NULL OR o.court_verified_on < ")
            .date(bounds.week.monday())
            .sql(")");
        }
    }
    s
}

/// The ids of the figure's cases: `SELECT f.case_id FROM (…) f [WHERE f.k = key]`.
fn case_ids(figure: &Figure, source: Source) -> Statement {
    let mut s = Statement::default();
    s.sql("SELECT f.case_id FROM (")
        .append(family(figure.family, &figure.bounds, figure.scope, source))
        .sql(") f");
    if let Some(key) = &figure.key {
        s.sql(" WHERE f.k = ").text(key);
    }
    s
}

#[derive(Debug, QueryableByName)]
struct KeyCount {
    #[diesel(sql_type = Text)]
    k: String,
    #[diesel(sql_type = BigInt)]
    n: i64,
}

#[derive(Debug, QueryableByName)]
struct Count {
    #[diesel(sql_type = BigInt)]
    n: i64,
}

/// Each key of the family with its number of distinct cases, most cases first.
pub fn counts_by_key(
    conn: &mut DbConnection,
    family_of: Family,
    bounds: &WeekBounds,
    scope: ScopeFilter,
) -> QueryResult<Vec<(String, i64)>> {
    counts_by_key_from(conn, family_of, bounds, scope, Source::Inline)
}

fn counts_by_key_from(
    conn: &mut DbConnection,
    family_of: Family,
    bounds: &WeekBounds,
    scope: ScopeFilter,
    source: Source,
) -> QueryResult<Vec<(String, i64)>> {
    let mut s = Statement::default();
    s.sql(&format!(
        "SELECT f.k AS k, {} AS n FROM (",
        count_cases(family_of, true)
    ))
    .append(family(family_of, bounds, scope, source))
    .sql(") f GROUP BY f.k");
    let rows: Vec<KeyCount> = s.into_query().load(conn)?;
    let mut counts: Vec<(String, i64)> = rows.into_iter().map(|r| (r.k, r.n)).collect();
    most_first(&mut counts);
    Ok(counts)
}

#[derive(Debug, QueryableByName)]
struct WeekKeyCount {
    #[diesel(sql_type = BigInt)]
    w: i64,
    #[diesel(sql_type = Text)]
    k: String,
    #[diesel(sql_type = BigInt)]
    n: i64,
}

/// An activity family's [`counts_by_key`] for each of `weeks` (consecutive, oldest first)
/// from one statement over all of them: `(index in weeks, key, cases)`, the same figures as
/// asking week by week.
pub fn counts_by_week(
    conn: &mut DbConnection,
    family_of: Family,
    weeks: &[WeekBounds],
    scope: ScopeFilter,
) -> QueryResult<Vec<(usize, String, i64)>> {
    let (Some(first), Some(last)) = (weeks.first(), weeks.last()) else {
        return Ok(Vec::new());
    };
    let mut s = Statement::default();
    s.sql("SELECT CAST(CASE");
    for (i, week) in weeks.iter().enumerate() {
        s.sql(" WHEN f.at < ")
            .ts(week.end_db())
            .sql(&format!(" THEN {i}"));
    }
    s.sql(&format!(
        " END AS BIGINT) AS w, f.k AS k, {} AS n FROM (",
        count_cases(family_of, true)
    ))
    .append(activity(family_of, first.start_db(), last.end_db(), scope))
    .sql(") f GROUP BY w, f.k");
    let rows: Vec<WeekKeyCount> = s.into_query().load(conn)?;
    Ok(rows
        .into_iter()
        .filter_map(|r| Some((usize::try_from(r.w).ok()?, r.k, r.n)))
        .collect())
}

#[derive(Debug, QueryableByName)]
struct CaseKey {
    #[diesel(sql_type = PortableUuid)]
    case_id: DbUuid,
    #[diesel(sql_type = Text)]
    k: String,
}

/// [`counts_by_key`] and the family's total (distinct cases over every key) from one
/// statement: the family's pairs are counted here rather than queried twice.
fn counts_and_total_from(
    conn: &mut DbConnection,
    family_of: Family,
    bounds: &WeekBounds,
    scope: ScopeFilter,
    source: Source,
) -> QueryResult<(Vec<(String, i64)>, i64)> {
    let mut s = Statement::default();
    s.sql("SELECT DISTINCT f.case_id AS case_id, f.k AS k FROM (")
        .append(family(family_of, bounds, scope, source))
        .sql(") f");
    let rows: Vec<CaseKey> = s.into_query().load(conn)?;
    let mut by_key: HashMap<String, i64> = HashMap::new();
    let mut cases: HashSet<DbUuid> = HashSet::new();
    for row in rows {
        *by_key.entry(row.k).or_default() += 1;
        cases.insert(row.case_id);
    }
    let mut counts: Vec<(String, i64)> = by_key.into_iter().collect();
    most_first(&mut counts);
    Ok((counts, cases.len() as i64))
}

/// The figure: distinct cases with its key (any key when `None`).
fn count_from(conn: &mut DbConnection, figure: &Figure, source: Source) -> QueryResult<i64> {
    let mut s = Statement::default();
    s.sql(&format!(
        "SELECT {} AS n FROM (",
        count_cases(figure.family, figure.key.is_some())
    ))
    .append(case_ids(figure, source))
    .sql(") f");
    let row: Count = s.into_query().get_result(conn)?;
    Ok(row.n)
}

#[derive(Debug, QueryableByName)]
struct Reference {
    #[diesel(sql_type = Text)]
    reference: String,
}

/// A column of the figure's cases, by reference.
fn by_reference(figure: &Figure, column: &str) -> Statement {
    let mut s = Statement::default();
    s.sql(&format!(
        "SELECT c.{column} AS {column} FROM cases c WHERE c.id IN ("
    ))
    .append(case_ids(figure, Source::Inline))
    .sql(") ORDER BY c.reference");
    s
}

/// The first `limit` case references of the figure, in order.
pub fn references(
    conn: &mut DbConnection,
    figure: &Figure,
    limit: i64,
) -> QueryResult<Vec<String>> {
    let mut s = by_reference(figure, "reference");
    s.sql(&format!(" LIMIT {}", limit.max(1)));
    let rows: Vec<Reference> = s.into_query().load(conn)?;
    Ok(rows.into_iter().map(|r| r.reference).collect())
}

/// `cases.id IN (the figure's cases)`, for the case list's boxed query.
#[derive(Debug, Clone)]
pub struct InFigure(Statement);

impl InFigure {
    pub fn new(figure: &Figure) -> Self {
        let mut s = Statement::default();
        s.sql("\"cases\".\"id\" IN (")
            .append(case_ids(figure, Source::Inline))
            .sql(")");
        Self(s)
    }
}

impl Expression for InFigure {
    type SqlType = Bool;
}

impl<QS> AppearsOnTable<QS> for InFigure {}

impl<QS> SelectableExpression<QS> for InFigure {}

impl ValidGrouping<()> for InFigure {
    type IsAggregate = diesel::expression::is_aggregate::Never;
}

impl QueryId for InFigure {
    type QueryId = ();
    const HAS_STATIC_QUERY_ID: bool = false;
}

impl QueryFragment<MultiBackend> for InFigure {
    fn walk_ast<'b>(&'b self, mut out: AstPass<'_, 'b, MultiBackend>) -> QueryResult<()> {
        for part in &self.0.parts {
            match part {
                Part::Sql(sql) => out.push_sql(sql),
                Part::Bind(Value::Timestamp(at)) => out.push_bind_param::<Timestamp, _>(at)?,
                Part::Bind(Value::Date(on)) => out.push_bind_param::<Date, _>(on)?,
                Part::Bind(Value::Text(text)) => out.push_bind_param::<Text, _>(text)?,
                Part::Bind(Value::Uuid(id)) => out.push_bind_param::<PortableUuid, _>(id)?,
            }
        }
        Ok(())
    }
}

/// One row of the cases CSV.
#[derive(Debug, Clone, QueryableByName)]
pub struct CaseCsvRow {
    #[diesel(sql_type = Text)]
    pub reference: String,
    #[diesel(sql_type = Text)]
    pub stage_at_end: String,
    #[diesel(sql_type = Text)]
    pub stage: String,
    #[diesel(sql_type = Nullable<Text>)]
    pub kind: Option<String>,
    #[diesel(sql_type = Nullable<Text>)]
    pub lawyer: Option<String>,
    #[diesel(sql_type = Nullable<Text>)]
    pub paralegal: Option<String>,
    #[diesel(sql_type = Text)]
    pub nationalities: String,
    #[diesel(sql_type = Nullable<Text>)]
    pub port_of_entry: Option<String>,
    #[diesel(sql_type = Timestamp)]
    pub created_at: NaiveDateTime,
    #[diesel(sql_type = Timestamp)]
    pub updated_at: NaiveDateTime,
    #[diesel(sql_type = Nullable<Date>)]
    pub next_deadline_on: Option<NaiveDate>,
    #[diesel(sql_type = Nullable<Text>)]
    pub next_deadline_kind: Option<String>,
}

/// Which rows of the cases CSV a statement reads.
#[derive(Debug, Clone, Copy)]
pub enum CaseRows<'a> {
    /// The next `limit` cases in the scope that existed at the end of the week, by reference
    /// after `after`.
    After { after: Option<&'a str>, limit: i64 },
    /// These cases (a chunk of [`figure_case_ids`]), by reference.
    Ids(&'a [uuid::Uuid]),
}

/// Case rows for the CSV.
pub fn case_rows(
    conn: &mut DbConnection,
    bounds: &WeekBounds,
    scope: ScopeFilter,
    rows: CaseRows<'_>,
) -> QueryResult<Vec<CaseCsvRow>> {
    if let CaseRows::Ids([]) = rows {
        return Ok(Vec::new());
    }
    let end = bounds.end_db();
    let next_day = bounds.next_day();
    let mut s = Statement::default();
    s.sql("SELECT c.reference AS reference, ");
    stage_at_end(&mut s, end);
    s.sql(
        " AS stage_at_end, c.stage AS stage, c.kind AS kind, \
         l.display_name AS lawyer, p.display_name AS paralegal, \
         COALESCE(c2.nationalities, '') AS nationalities, e.port_of_entry AS port_of_entry, \
         c.created_at AS created_at, c.updated_at AS updated_at, \
         (SELECT MIN(d.due_on) FROM case_deadlines d WHERE d.case_id = c.id AND d.due_on >= ",
    )
    .date(next_day)
    .sql(
        ") AS next_deadline_on, \
         (SELECT d.kind FROM case_deadlines d WHERE d.case_id = c.id AND d.due_on >= ",
    )
    .date(next_day)
    .sql(
        " ORDER BY d.due_on, d.kind LIMIT 1) AS next_deadline_kind \
         FROM cases c \
         JOIN clients c2 ON c2.id = c.client_id \
         LEFT JOIN staff l ON l.id = c.lawyer_id \
         LEFT JOIN staff p ON p.id = c.paralegal_id \
         LEFT JOIN client_entries e ON e.client_id = c.client_id \
         WHERE c.created_at < ",
    )
    .ts(end);
    in_scope(&mut s, scope);
    match rows {
        CaseRows::After { after, limit } => {
            if let Some(after) = after {
                s.sql(" AND c.reference > ").text(after);
            }
            s.sql(&format!(" ORDER BY c.reference LIMIT {}", limit.max(1)));
        }
        CaseRows::Ids(ids) => {
            s.sql(" AND c.id IN (");
            for (i, id) in ids.iter().enumerate() {
                if i > 0 {
                    s.sql(", ");
                }
                s.bind(Value::Uuid(DbUuid(*id)));
            }
            s.sql(") ORDER BY c.reference");
        }
    }
    s.into_query().load(conn)
}

/// How many rows the cases CSV of every case in the scope holds: the cases that existed at
/// the end of the week.
pub fn case_row_count(
    conn: &mut DbConnection,
    bounds: &WeekBounds,
    scope: ScopeFilter,
) -> QueryResult<i64> {
    let mut s = Statement::default();
    s.sql("SELECT COUNT(*) AS n FROM cases c WHERE c.created_at < ")
        .ts(bounds.end_db());
    in_scope(&mut s, scope);
    let count: Count = s.into_query().get_result(conn)?;
    Ok(count.n)
}

#[derive(Debug, QueryableByName)]
struct CaseId {
    #[diesel(sql_type = PortableUuid)]
    id: DbUuid,
}

/// The figure's cases by reference, worked out once for its CSV: asking again for every
/// chunk would reconstruct the week's open cases as many times.
pub fn figure_case_ids(conn: &mut DbConnection, figure: &Figure) -> QueryResult<Vec<uuid::Uuid>> {
    let rows: Vec<CaseId> = by_reference(figure, "id").into_query().load(conn)?;
    Ok(rows.into_iter().map(|r| r.id.0).collect())
}
