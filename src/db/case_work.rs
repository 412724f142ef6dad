//! Queries on what working a case records besides its stage: key dates (columns of `cases`),
//! `case_events`, `ead_clock_stops`, `checklist_items` and `case_notes`; and the purge.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use super::schema::{
    case_events, case_notes, cases, checklist_items, clients, ead_clock_stops, staff,
};
use super::sealed::sealed;
use super::uuid::DbUuid;
use super::{DbConnection, natively};
use crate::domain::case_work::{ChecklistUpdate, KeyDates, NewCaseEvent, NewChecklistItem};
use crate::domain::codes::{ChecklistStatus, HearingKind};
use crate::domain::ids::StaffId;

pub fn set_key_dates(
    conn: &mut DbConnection,
    case_id: uuid::Uuid,
    dates: &KeyDates,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(cases::table.find(DbUuid(case_id)))
        .set((
            cases::i589_filed_on.eq(dates.i589_filed_on),
            cases::i589_received_on.eq(dates.i589_received_on),
            cases::one_year_exception.eq(dates.filing_exception.map(|e| e.kind.as_str())),
            cases::one_year_exception_until
                .eq(dates.filing_exception.map(|e| e.reasonable_period_ends)),
            cases::ij_decision_on.eq(dates.ij_decision_on),
            cases::granted_on.eq(dates.granted_on),
            cases::court_verified_on.eq(dates.court_verified_on),
            cases::appeal_filed_on.eq(dates.appeal_filed_on),
            cases::i765_filed_on.eq(dates.i765_filed_on),
            cases::re_parole_filed_on.eq(dates.re_parole_filed_on),
            cases::i730_filed_on.eq(dates.i730_filed_on),
            cases::i485_filed_on.eq(dates.i485_filed_on),
            cases::updated_at.eq(now),
        ))
        .execute(conn)
}

// ---------------------------------------------------------------------------------------------
// Hearings, interviews, biometrics

#[derive(Debug, Clone, Queryable)]
pub struct CaseEventRow {
    pub id: DbUuid,
    pub kind: String,
    pub scheduled_at: NaiveDateTime,
    pub place: String,
    pub official: String,
    pub outcome: String,
}

impl CaseEventRow {
    pub fn kind(&self) -> Option<HearingKind> {
        HearingKind::parse(&self.kind).ok()
    }
}

/// The case's hearings and appointments, soonest first.
pub fn events(conn: &mut DbConnection, case_id: uuid::Uuid) -> QueryResult<Vec<CaseEventRow>> {
    natively!(conn, |c| case_events::table
        .filter(case_events::case_id.eq(DbUuid(case_id)))
        .order((case_events::scheduled_at.asc(), case_events::id.asc()))
        .select((
            case_events::id,
            case_events::kind,
            case_events::scheduled_at,
            case_events::place,
            case_events::official,
            case_events::outcome,
        ))
        .load(c))
}

pub fn insert_event(
    conn: &mut DbConnection,
    id: uuid::Uuid,
    case_id: uuid::Uuid,
    event: &NewCaseEvent,
) -> QueryResult<usize> {
    diesel::insert_into(case_events::table)
        .values((
            case_events::id.eq(DbUuid(id)),
            case_events::case_id.eq(DbUuid(case_id)),
            case_events::kind.eq(event.kind.as_str()),
            case_events::scheduled_at.eq(event.scheduled_at),
            case_events::place.eq(&event.place),
            case_events::official.eq(&event.official),
            case_events::outcome.eq(sealed(&event.outcome)),
        ))
        .execute(conn)
}

/// The event, only if it is one of the case's: an id from another case finds nothing.
#[diesel::dsl::auto_type(no_type_alias)]
fn the_event(case_id: DbUuid, event_id: DbUuid) -> _ {
    case_events::table
        .filter(case_events::case_id.eq(case_id))
        .filter(case_events::id.eq(event_id))
}

/// One of the case's events, if it is the case's.
pub fn find_event(
    conn: &mut DbConnection,
    case_id: uuid::Uuid,
    event_id: uuid::Uuid,
) -> QueryResult<Option<CaseEventRow>> {
    the_event(DbUuid(case_id), DbUuid(event_id))
        .select((
            case_events::id,
            case_events::kind,
            case_events::scheduled_at,
            case_events::place,
            case_events::official,
            case_events::outcome,
        ))
        .first(conn)
        .optional()
}

/// Removes one of the case's events; returns what it was, if it existed.
pub fn delete_event(
    conn: &mut DbConnection,
    case_id: uuid::Uuid,
    event_id: uuid::Uuid,
) -> QueryResult<Option<CaseEventRow>> {
    let found = find_event(conn, case_id, event_id)?;
    if found.is_some() {
        diesel::delete(the_event(DbUuid(case_id), DbUuid(event_id))).execute(conn)?;
    }
    Ok(found)
}

/// Records what happened at one of the case's events, replacing what was recorded.
pub fn set_event_outcome(
    conn: &mut DbConnection,
    case_id: uuid::Uuid,
    event_id: uuid::Uuid,
    outcome: &str,
) -> QueryResult<usize> {
    diesel::update(the_event(DbUuid(case_id), DbUuid(event_id)))
        .set(case_events::outcome.eq(sealed(outcome)))
        .execute(conn)
}

// ---------------------------------------------------------------------------------------------
// EAD clock stops

#[derive(Debug, Clone, Queryable)]
pub struct ClockStopRow {
    pub id: DbUuid,
    pub stopped_on: NaiveDate,
    pub restarted_on: Option<NaiveDate>,
    pub reason: String,
}

/// The clock's stops, oldest first.
pub fn clock_stops(conn: &mut DbConnection, case_id: uuid::Uuid) -> QueryResult<Vec<ClockStopRow>> {
    natively!(conn, |c| ead_clock_stops::table
        .filter(ead_clock_stops::case_id.eq(DbUuid(case_id)))
        .order((ead_clock_stops::stopped_on.asc(), ead_clock_stops::id.asc()))
        .select((
            ead_clock_stops::id,
            ead_clock_stops::stopped_on,
            ead_clock_stops::restarted_on,
            ead_clock_stops::reason,
        ))
        .load(c))
}

pub fn insert_clock_stop(
    conn: &mut DbConnection,
    id: uuid::Uuid,
    case_id: uuid::Uuid,
    on: NaiveDate,
    reason: &str,
) -> QueryResult<usize> {
    diesel::insert_into(ead_clock_stops::table)
        .values((
            ead_clock_stops::id.eq(DbUuid(id)),
            ead_clock_stops::case_id.eq(DbUuid(case_id)),
            ead_clock_stops::stopped_on.eq(on),
            ead_clock_stops::restarted_on.eq(None::<NaiveDate>),
            ead_clock_stops::reason.eq(sealed(reason)),
        ))
        .execute(conn)
}

pub fn restart_clock(
    conn: &mut DbConnection,
    stop_id: uuid::Uuid,
    on: NaiveDate,
) -> QueryResult<usize> {
    diesel::update(ead_clock_stops::table.find(DbUuid(stop_id)))
        .set(ead_clock_stops::restarted_on.eq(Some(on)))
        .execute(conn)
}

// ---------------------------------------------------------------------------------------------
// Documents checklist

#[derive(Debug, Clone, Queryable)]
pub struct ChecklistRow {
    pub id: DbUuid,
    pub position: i32,
    pub item: String,
    pub status: String,
    pub note: String,
    pub updated_at: NaiveDateTime,
}

impl ChecklistRow {
    pub fn status(&self) -> ChecklistStatus {
        ChecklistStatus::parse(&self.status).unwrap_or(ChecklistStatus::Missing)
    }
}

pub fn checklist(conn: &mut DbConnection, case_id: uuid::Uuid) -> QueryResult<Vec<ChecklistRow>> {
    natively!(conn, |c| checklist_items::table
        .filter(checklist_items::case_id.eq(DbUuid(case_id)))
        .order((checklist_items::position.asc(), checklist_items::id.asc()))
        .select((
            checklist_items::id,
            checklist_items::position,
            checklist_items::item,
            checklist_items::status,
            checklist_items::note,
            checklist_items::updated_at,
        ))
        .load(c))
}

/// Adds an item at the end of the list.
pub fn insert_checklist_item(
    conn: &mut DbConnection,
    id: uuid::Uuid,
    case_id: uuid::Uuid,
    item: &NewChecklistItem,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    let last: Option<i32> = checklist_items::table
        .filter(checklist_items::case_id.eq(DbUuid(case_id)))
        .select(diesel::dsl::max(checklist_items::position))
        .first(conn)?;
    diesel::insert_into(checklist_items::table)
        .values((
            checklist_items::id.eq(DbUuid(id)),
            checklist_items::case_id.eq(DbUuid(case_id)),
            checklist_items::position.eq(last.map_or(0, |p| p + 1)),
            checklist_items::item.eq(&item.item),
            checklist_items::status.eq(item.status.as_str()),
            checklist_items::note.eq(sealed(&item.note)),
            checklist_items::updated_at.eq(now),
        ))
        .execute(conn)
}

pub fn find_checklist_item(
    conn: &mut DbConnection,
    case_id: uuid::Uuid,
    item_id: uuid::Uuid,
) -> QueryResult<Option<ChecklistRow>> {
    checklist_items::table
        .filter(checklist_items::case_id.eq(DbUuid(case_id)))
        .filter(checklist_items::id.eq(DbUuid(item_id)))
        .select((
            checklist_items::id,
            checklist_items::position,
            checklist_items::item,
            checklist_items::status,
            checklist_items::note,
            checklist_items::updated_at,
        ))
        .first(conn)
        .optional()
}

pub fn update_checklist_item(
    conn: &mut DbConnection,
    item_id: uuid::Uuid,
    update: &ChecklistUpdate,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(checklist_items::table.find(DbUuid(item_id)))
        .set((
            checklist_items::status.eq(update.status.as_str()),
            checklist_items::note.eq(sealed(&update.note)),
            checklist_items::updated_at.eq(now),
        ))
        .execute(conn)
}

// ---------------------------------------------------------------------------------------------
// Notes

#[derive(Debug, Clone, Queryable)]
pub struct NoteRow {
    pub id: DbUuid,
    pub body: String,
    pub created_at: NaiveDateTime,
    pub author: Option<String>,
}

/// The case's notes, newest first, with their authors' names.
pub fn notes(conn: &mut DbConnection, case_id: uuid::Uuid) -> QueryResult<Vec<NoteRow>> {
    natively!(conn, |c| case_notes::table
        .left_join(staff::table.on(case_notes::author_id.eq(staff::id.nullable())))
        .filter(case_notes::case_id.eq(DbUuid(case_id)))
        .order((case_notes::created_at.desc(), case_notes::id.desc()))
        .select((
            case_notes::id,
            case_notes::body,
            case_notes::created_at,
            staff::display_name.nullable(),
        ))
        .load(c))
}

pub fn insert_note(
    conn: &mut DbConnection,
    id: uuid::Uuid,
    case_id: uuid::Uuid,
    author: StaffId,
    body: &str,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::insert_into(case_notes::table)
        .values((
            case_notes::id.eq(DbUuid(id)),
            case_notes::case_id.eq(DbUuid(case_id)),
            case_notes::author_id.eq(Some(DbUuid(author.as_uuid()))),
            case_notes::body.eq(sealed(body)),
            case_notes::created_at.eq(now),
        ))
        .execute(conn)
}

// ---------------------------------------------------------------------------------------------
// Retention purge

/// Deletes a client and, through `ON DELETE CASCADE`, their case with everything recorded on
/// it: family, journey, entry, persecution history, search keys, stage history, deadlines,
/// events, clock stops, checklist and notes. The audit log is not touched.
pub fn purge_client(conn: &mut DbConnection, client_id: uuid::Uuid) -> QueryResult<usize> {
    diesel::delete(clients::table.find(DbUuid(client_id))).execute(conn)
}
