//! Queries on `inquiries`: what the public form recorded beside the client and case it
//! created, and what triage decided. The person's account and the reason for declining are
//! sealed like persecution narratives (`db::sealed`).

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use super::DbConnection;
use super::schema::{cases, client_entries, clients, inquiries};
use super::sealed::sealed;
use super::uuid::DbUuid;
use crate::domain::ids::StaffId;

/// Waiting for triage.
pub const NEW: &str = "new";
pub const TAKEN: &str = "taken";
pub const MERGED: &str = "merged";
pub const DECLINED: &str = "declined";

pub struct NewInquiry<'a> {
    pub id: uuid::Uuid,
    pub case_id: uuid::Uuid,
    pub language: &'a str,
    pub whereabouts: &'a str,
    pub detained: bool,
    pub hearing_on: Option<NaiveDate>,
    pub travelling_family: i32,
    pub account: &'a str,
    pub submitted_from: Option<&'a str>,
    pub received_at: NaiveDateTime,
}

pub fn insert(conn: &mut DbConnection, new: &NewInquiry<'_>) -> QueryResult<usize> {
    diesel::insert_into(inquiries::table)
        .values((
            inquiries::id.eq(DbUuid(new.id)),
            inquiries::case_id.eq(DbUuid(new.case_id)),
            inquiries::status.eq(NEW),
            inquiries::language.eq(new.language),
            inquiries::whereabouts.eq(new.whereabouts),
            inquiries::detained.eq(new.detained),
            inquiries::hearing_on.eq(new.hearing_on),
            inquiries::travelling_family.eq(new.travelling_family),
            inquiries::account.eq(sealed(new.account)),
            inquiries::submitted_from.eq(new.submitted_from),
            inquiries::received_at.eq(new.received_at),
            inquiries::decline_reason.eq(sealed("")),
        ))
        .execute(conn)
}

/// Unreviewed inquiries in all, and from `address`.
pub fn count_unreviewed(conn: &mut DbConnection, address: Option<&str>) -> QueryResult<(i64, i64)> {
    let all: i64 = inquiries::table
        .filter(inquiries::status.eq(NEW))
        .count()
        .get_result(conn)?;
    let from_address: i64 = match address {
        Some(address) => inquiries::table
            .filter(inquiries::status.eq(NEW))
            .filter(inquiries::submitted_from.eq(address))
            .count()
            .get_result(conn)?,
        None => 0,
    };
    Ok((all, from_address))
}

/// One inquiry with what triage shows of its case and client.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = inquiries)]
#[diesel(check_for_backend(diesel::sqlite::Sqlite, diesel::pg::Pg))]
pub struct InquiryRow {
    pub id: DbUuid,
    pub case_id: DbUuid,
    pub status: String,
    pub language: String,
    pub whereabouts: String,
    pub detained: bool,
    pub hearing_on: Option<NaiveDate>,
    pub travelling_family: i32,
    pub account: String,
    pub received_at: NaiveDateTime,
    #[diesel(select_expression = cases::reference)]
    pub reference: String,
    #[diesel(select_expression = cases::client_id)]
    pub client_id: DbUuid,
    #[diesel(select_expression = clients::family_name)]
    pub family_name: String,
    #[diesel(select_expression = clients::given_name)]
    pub given_name: String,
    #[diesel(select_expression = clients::native_name)]
    pub native_name: String,
    #[diesel(select_expression = clients::nationalities)]
    pub nationalities: String,
    #[diesel(select_expression = clients::languages)]
    pub languages: String,
    #[diesel(select_expression = clients::email)]
    pub email: String,
    #[diesel(select_expression = clients::email_safe)]
    pub email_safe: bool,
    #[diesel(select_expression = client_entries::last_arrival_on)]
    pub last_arrival_on: Option<NaiveDate>,
}

/// What the triage order needs of a waiting inquiry: no names, no sealed text, so that
/// ordering the whole queue to show one page of it opens nothing.
#[derive(Debug, Clone, Copy, Queryable, Selectable)]
#[diesel(table_name = inquiries)]
#[diesel(check_for_backend(diesel::sqlite::Sqlite, diesel::pg::Pg))]
pub struct WaitingInquiry {
    pub id: DbUuid,
    pub detained: bool,
    pub hearing_on: Option<NaiveDate>,
    pub received_at: NaiveDateTime,
    #[diesel(select_expression = client_entries::last_arrival_on)]
    pub last_arrival_on: Option<NaiveDate>,
}

/// Every inquiry waiting for triage (at most the overall cap of them exist), oldest first.
pub fn waiting(conn: &mut DbConnection) -> QueryResult<Vec<WaitingInquiry>> {
    inquiries::table
        .inner_join(cases::table.inner_join(clients::table.inner_join(client_entries::table)))
        .filter(inquiries::status.eq(NEW))
        .order(inquiries::received_at)
        .select(WaitingInquiry::as_select())
        .load(conn)
}

/// The inquiries with these ids, in no particular order.
pub fn with_ids(conn: &mut DbConnection, ids: &[uuid::Uuid]) -> QueryResult<Vec<InquiryRow>> {
    inquiries::table
        .inner_join(cases::table.inner_join(clients::table.inner_join(client_entries::table)))
        .filter(inquiries::id.eq_any(ids.iter().copied().map(DbUuid)))
        .select(InquiryRow::as_select())
        .load(conn)
}

pub fn find(conn: &mut DbConnection, id: uuid::Uuid) -> QueryResult<Option<InquiryRow>> {
    inquiries::table
        .inner_join(cases::table.inner_join(clients::table.inner_join(client_entries::table)))
        .filter(inquiries::id.eq(DbUuid(id)))
        .select(InquiryRow::as_select())
        .first(conn)
        .optional()
}

/// What triage decided, once: `false` when the inquiry was no longer waiting (someone else
/// acted on it first).
pub fn record_decision(
    conn: &mut DbConnection,
    id: uuid::Uuid,
    status: &str,
    by: StaffId,
    decline_reason: &str,
    merged_into: Option<uuid::Uuid>,
    now: NaiveDateTime,
) -> QueryResult<bool> {
    let updated = diesel::update(
        inquiries::table
            .filter(inquiries::id.eq(DbUuid(id)))
            .filter(inquiries::status.eq(NEW)),
    )
    .set((
        inquiries::status.eq(status),
        inquiries::acted_at.eq(Some(now)),
        inquiries::acted_by.eq(Some(DbUuid(by.as_uuid()))),
        inquiries::decline_reason.eq(sealed(decline_reason)),
        inquiries::merged_into.eq(merged_into.map(DbUuid)),
    ))
    .execute(conn)?;
    Ok(updated == 1)
}

/// Web inquiries received in `[from, until)`, and for those acted on, the minutes from
/// receipt to the first action.
pub fn received_between(
    conn: &mut DbConnection,
    from: NaiveDateTime,
    until: NaiveDateTime,
) -> QueryResult<Vec<(NaiveDateTime, Option<NaiveDateTime>)>> {
    inquiries::table
        .filter(inquiries::received_at.ge(from))
        .filter(inquiries::received_at.lt(until))
        .select((inquiries::received_at, inquiries::acted_at))
        .load(conn)
}
