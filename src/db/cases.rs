//! Queries on `cases`, their stage history and their computed deadlines.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use super::schema::{case_deadlines, case_reference_counters, case_stage_history, cases, staff};
use super::sealed::sealed;
use super::staff::StaffRow;
use super::uuid::DbUuid;
use super::{DbConnection, insert_rows, natively};
use crate::domain::case_stage::{CaseStage, ClaimKind};
use crate::domain::deadlines::Deadline;
use crate::domain::ids::StaffId;
use crate::domain::staff::Staff;

#[derive(Debug, Clone, Queryable)]
pub struct CaseRow {
    pub id: DbUuid,
    pub reference: String,
    pub client_id: DbUuid,
    pub kind: Option<String>,
    pub stage: String,
    pub intake_complete: bool,
    pub lawyer_id: Option<DbUuid>,
    pub paralegal_id: Option<DbUuid>,
    pub conflict_status: String,
    pub conflict_note: String,
    pub conflict_checked_by: Option<DbUuid>,
    pub conflict_checked_at: Option<NaiveDateTime>,
    pub i589_filed_on: Option<NaiveDate>,
    pub i589_received_on: Option<NaiveDate>,
    pub one_year_exception: Option<String>,
    pub one_year_exception_until: Option<NaiveDate>,
    pub ij_decision_on: Option<NaiveDate>,
    pub granted_on: Option<NaiveDate>,
    pub court_verified_on: Option<NaiveDate>,
    pub closed_at: Option<NaiveDateTime>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub appeal_filed_on: Option<NaiveDate>,
    pub i765_filed_on: Option<NaiveDate>,
    pub re_parole_filed_on: Option<NaiveDate>,
    pub i730_filed_on: Option<NaiveDate>,
    pub i485_filed_on: Option<NaiveDate>,
    /// [`SOURCE_WEB_FORM`] or [`SOURCE_STAFF`].
    pub source: String,
}

/// A case opened from the public inquiry form.
pub const SOURCE_WEB_FORM: &str = "web_form";
/// A case opened by staff.
pub const SOURCE_STAFF: &str = "staff";

impl CaseRow {
    pub fn kind(&self) -> Option<ClaimKind> {
        self.kind.as_deref().and_then(|k| ClaimKind::parse(k).ok())
    }

    pub fn stage(&self) -> Result<CaseStage, diesel::result::Error> {
        CaseStage::parse(&self.stage).map_err(|_| {
            diesel::result::Error::DeserializationError("unexpected value in cases.stage".into())
        })
    }

    pub fn lawyer(&self) -> Option<StaffId> {
        self.lawyer_id.map(|id| id.0.into())
    }

    pub fn paralegal(&self) -> Option<StaffId> {
        self.paralegal_id.map(|id| id.0.into())
    }
}

pub fn find(conn: &mut DbConnection, id: uuid::Uuid) -> QueryResult<Option<CaseRow>> {
    natively!(conn, |c| cases::table
        .find(DbUuid(id))
        .select(cases::all_columns)
        .first(c))
    .optional()
}

/// A case with the staff assigned to it.
#[derive(Debug, Clone)]
pub struct AssignedCase {
    pub case: CaseRow,
    pub lawyer: Option<Staff>,
    pub paralegal: Option<Staff>,
}

/// A case with the lawyer and the paralegal assigned to it, in one statement: the case page
/// names both, and on PostgreSQL every statement is a round trip.
pub fn find_with_assigned(
    conn: &mut DbConnection,
    id: uuid::Uuid,
) -> QueryResult<Option<AssignedCase>> {
    let (lawyers, paralegals) = diesel::alias!(staff as lawyers, staff as paralegals);
    let found = natively!(conn, |c| cases::table
        .left_join(lawyers.on(cases::lawyer_id.eq(lawyers.field(staff::id).nullable())),)
        .left_join(paralegals.on(cases::paralegal_id.eq(paralegals.field(staff::id).nullable())),)
        .filter(cases::id.eq(DbUuid(id)))
        .select((
            cases::all_columns,
            lawyers.fields(staff::all_columns).nullable(),
            paralegals.fields(staff::all_columns).nullable(),
        ))
        .first::<(CaseRow, Option<StaffRow>, Option<StaffRow>)>(c))
    .optional()?;
    found
        .map(|(case, lawyer, paralegal)| {
            Ok(AssignedCase {
                case,
                lawyer: lawyer.map(StaffRow::into_staff).transpose()?,
                paralegal: paralegal.map(StaffRow::into_staff).transpose()?,
            })
        })
        .transpose()
}

pub fn find_by_reference(conn: &mut DbConnection, reference: &str) -> QueryResult<Option<CaseRow>> {
    cases::table
        .filter(cases::reference.eq(reference))
        .select(cases::all_columns)
        .first(conn)
        .optional()
}

/// Every case's id, in id order.
pub fn ids(conn: &mut DbConnection) -> QueryResult<Vec<uuid::Uuid>> {
    let ids: Vec<DbUuid> = cases::table.select(cases::id).order(cases::id).load(conn)?;
    Ok(ids.into_iter().map(|id| id.0).collect())
}

/// The next case reference of a year, `R-2026-00042`, taken inside the caller's write
/// transaction (the counter row is locked until it commits).
pub fn next_reference(conn: &mut DbConnection, year: i32) -> QueryResult<String> {
    // One upsert: the year's first case inserts the counter, every later one counts on, and
    // two first cases of a year cannot both insert it (PostgreSQL).
    let number: i32 = natively!(conn, |c| diesel::insert_into(
        case_reference_counters::table
    )
    .values((
        case_reference_counters::year.eq(year),
        case_reference_counters::last_number.eq(1),
    ))
    .on_conflict(case_reference_counters::year)
    .do_update()
    .set(case_reference_counters::last_number.eq(case_reference_counters::last_number + 1))
    .returning(case_reference_counters::last_number)
    .get_result(c))?;
    Ok(format!("R-{year}-{number:05}"))
}

pub struct NewCase<'a> {
    pub id: uuid::Uuid,
    pub reference: &'a str,
    pub client_id: uuid::Uuid,
    pub kind: Option<ClaimKind>,
    pub stage: CaseStage,
    pub intake_complete: bool,
    pub lawyer: Option<StaffId>,
    pub paralegal: Option<StaffId>,
    /// Opened from the public inquiry form rather than by staff.
    pub web_form: bool,
    pub now: NaiveDateTime,
}

pub fn insert(conn: &mut DbConnection, new: &NewCase<'_>) -> QueryResult<usize> {
    natively!(conn, |c| diesel::insert_into(cases::table)
        .values((
            cases::id.eq(DbUuid(new.id)),
            cases::reference.eq(new.reference),
            cases::client_id.eq(DbUuid(new.client_id)),
            cases::kind.eq(new.kind.map(ClaimKind::as_str)),
            cases::stage.eq(new.stage.as_str()),
            cases::intake_complete.eq(new.intake_complete),
            cases::lawyer_id.eq(new.lawyer.map(|s| DbUuid(s.as_uuid()))),
            cases::paralegal_id.eq(new.paralegal.map(|s| DbUuid(s.as_uuid()))),
            cases::source.eq(if new.web_form {
                SOURCE_WEB_FORM
            } else {
                SOURCE_STAFF
            }),
            cases::conflict_status.eq("unchecked"),
            cases::conflict_note.eq(sealed("")),
            cases::created_at.eq(new.now),
            cases::updated_at.eq(new.now),
        ))
        .execute(c))
}

/// The claim's part of the intake: kind, assignment, completeness.
pub fn update_claim(
    conn: &mut DbConnection,
    id: uuid::Uuid,
    kind: Option<ClaimKind>,
    lawyer: Option<StaffId>,
    paralegal: Option<StaffId>,
    intake_complete: bool,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    natively!(conn, |c| diesel::update(cases::table.find(DbUuid(id)))
        .set((
            cases::kind.eq(kind.map(ClaimKind::as_str)),
            cases::lawyer_id.eq(lawyer.map(|s| DbUuid(s.as_uuid()))),
            cases::paralegal_id.eq(paralegal.map(|s| DbUuid(s.as_uuid()))),
            cases::intake_complete.eq(intake_complete),
            cases::updated_at.eq(now),
        ))
        .execute(c))
}

pub fn set_stage(
    conn: &mut DbConnection,
    id: uuid::Uuid,
    stage: CaseStage,
    closed_at: Option<NaiveDateTime>,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    natively!(conn, |c| diesel::update(cases::table.find(DbUuid(id)))
        .set((
            cases::stage.eq(stage.as_str()),
            cases::closed_at.eq(closed_at),
            cases::updated_at.eq(now),
        ))
        .execute(c))
}

pub fn record_stage_change(
    conn: &mut DbConnection,
    case_id: uuid::Uuid,
    from: Option<CaseStage>,
    to: CaseStage,
    by: Option<StaffId>,
    note: &str,
    at: NaiveDateTime,
) -> QueryResult<usize> {
    natively!(conn, |c| diesel::insert_into(case_stage_history::table)
        .values((
            case_stage_history::case_id.eq(DbUuid(case_id)),
            case_stage_history::from_stage.eq(from.map(CaseStage::as_str)),
            case_stage_history::to_stage.eq(to.as_str()),
            case_stage_history::changed_at.eq(at),
            case_stage_history::changed_by.eq(by.map(|s| DbUuid(s.as_uuid()))),
            case_stage_history::note.eq(sealed(note)),
        ))
        .execute(c))
}

#[derive(Debug, Clone, Queryable)]
pub struct StageChange {
    pub from_stage: Option<String>,
    pub to_stage: String,
    pub changed_at: NaiveDateTime,
    pub changed_by: Option<String>,
    pub note: String,
}

/// The case's stage history, oldest first, with who made each change.
pub fn stage_history(
    conn: &mut DbConnection,
    case_id: uuid::Uuid,
) -> QueryResult<Vec<StageChange>> {
    natively!(conn, |c| case_stage_history::table
        .left_join(staff::table)
        .filter(case_stage_history::case_id.eq(DbUuid(case_id)))
        .order((
            case_stage_history::changed_at.asc(),
            case_stage_history::id.asc(),
        ))
        .select((
            case_stage_history::from_stage,
            case_stage_history::to_stage,
            case_stage_history::changed_at,
            staff::display_name.nullable(),
            case_stage_history::note,
        ))
        .load(c))
}

/// Replaces the case's computed deadlines.
pub fn replace_deadlines(
    conn: &mut DbConnection,
    case_id: uuid::Uuid,
    deadlines: &[Deadline],
) -> QueryResult<()> {
    natively!(conn, |c| diesel::delete(
        case_deadlines::table.filter(case_deadlines::case_id.eq(DbUuid(case_id)))
    )
    .execute(c))?;
    let rows: Vec<_> = deadlines
        .iter()
        .map(|deadline| {
            (
                case_deadlines::case_id.eq(DbUuid(case_id)),
                case_deadlines::kind.eq(deadline.kind.as_str()),
                case_deadlines::due_on.eq(deadline.due),
            )
        })
        .collect();
    insert_rows!(conn, case_deadlines::table, &rows)?;
    Ok(())
}

pub fn touch(conn: &mut DbConnection, id: uuid::Uuid, now: NaiveDateTime) -> QueryResult<usize> {
    natively!(conn, |c| diesel::update(cases::table.find(DbUuid(id)))
        .set(cases::updated_at.eq(now))
        .execute(c))
}

pub fn record_conflict_check(
    conn: &mut DbConnection,
    id: uuid::Uuid,
    status: &str,
    note: &str,
    by: StaffId,
    at: NaiveDateTime,
) -> QueryResult<usize> {
    natively!(conn, |c| diesel::update(cases::table.find(DbUuid(id)))
        .set((
            cases::conflict_status.eq(status),
            cases::conflict_note.eq(sealed(note)),
            cases::conflict_checked_by.eq(Some(DbUuid(by.as_uuid()))),
            cases::conflict_checked_at.eq(Some(at)),
            cases::updated_at.eq(at),
        ))
        .execute(c))
}
