//! Queries on `notifications` (what each person has been told), their delivery
//! preferences, and `scheduled_runs` (daily and weekly jobs, once whichever server runs them).

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use diesel::sql_types::{Nullable, Text, Timestamp};

use super::schema::{notification_preferences, notifications, scheduled_runs};
use super::uuid::{DbUuid, PortableUuid};
use super::{DbConnection, natively};

pub struct NewNotification<'a> {
    pub id: uuid::Uuid,
    pub recipient_id: uuid::Uuid,
    pub case_id: Option<uuid::Uuid>,
    pub kind: &'a str,
    /// Set for what must happen once (reminders, weekly lists).
    pub once_key: Option<&'a str>,
    pub details: &'a str,
    pub delivery: &'a str,
    pub outbox_id: Option<uuid::Uuid>,
    pub now: NaiveDateTime,
}

/// Records a notification; `false` when one with the same once-key exists already (the
/// insert is then a no-op, also when another server races this one to it).
pub fn insert(conn: &mut DbConnection, new: &NewNotification<'_>) -> QueryResult<bool> {
    let inserted = diesel::sql_query(
        "INSERT INTO notifications \
         (id, recipient_id, case_id, kind, once_key, details, delivery, outbox_id, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (once_key) DO NOTHING",
    )
    .bind::<PortableUuid, _>(DbUuid(new.id))
    .bind::<PortableUuid, _>(DbUuid(new.recipient_id))
    .bind::<Nullable<PortableUuid>, _>(new.case_id.map(DbUuid))
    .bind::<Text, _>(new.kind)
    .bind::<Nullable<Text>, _>(new.once_key)
    .bind::<Text, _>(new.details)
    .bind::<Text, _>(new.delivery)
    .bind::<Nullable<PortableUuid>, _>(new.outbox_id.map(DbUuid))
    .bind::<Timestamp, _>(new.now)
    .execute(conn)?;
    Ok(inserted == 1)
}

/// Whether a notification with this once-key has been recorded.
pub fn exists(conn: &mut DbConnection, once_key: &str) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        notifications::table.filter(notifications::once_key.eq(once_key)),
    ))
    .get_result(conn)
}

pub fn set_outbox(
    conn: &mut DbConnection,
    id: uuid::Uuid,
    outbox_id: uuid::Uuid,
) -> QueryResult<()> {
    natively!(conn, |c| diesel::update(
        notifications::table.find(DbUuid(id))
    )
    .set(notifications::outbox_id.eq(Some(DbUuid(outbox_id))))
    .execute(c))?;
    Ok(())
}

#[derive(Debug, Clone, Queryable)]
pub struct WaitingNotification {
    pub id: DbUuid,
    pub case_id: Option<DbUuid>,
    pub kind: String,
    pub details: String,
    pub created_at: NaiveDateTime,
}

/// Waiting for a digest, written as the partial index `notifications_waiting` is: SQLite
/// matches an index's condition only with literal values, never bound ones, as it is built
/// to plan without looking at them (QPSG, `.cargo/config.toml`).
fn waiting_for_a_digest() -> diesel::expression::SqlLiteral<diesel::sql_types::Bool> {
    diesel::dsl::sql("delivery = 'digest' AND outbox_id IS NULL")
}

/// People with notifications waiting for their digest.
pub fn digest_recipients(conn: &mut DbConnection) -> QueryResult<Vec<DbUuid>> {
    notifications::table
        .filter(waiting_for_a_digest())
        .select(notifications::recipient_id)
        .distinct()
        .load(conn)
}

/// One person's notifications waiting for their digest, oldest first.
pub fn waiting_for_digest(
    conn: &mut DbConnection,
    recipient: uuid::Uuid,
) -> QueryResult<Vec<WaitingNotification>> {
    notifications::table
        .filter(notifications::recipient_id.eq(DbUuid(recipient)))
        .filter(waiting_for_a_digest())
        .order(notifications::created_at.asc())
        .select((
            notifications::id,
            notifications::case_id,
            notifications::kind,
            notifications::details,
            notifications::created_at,
        ))
        .load(conn)
}

/// A person's delivery choices as stored: (kind, delivery).
pub fn preferences(
    conn: &mut DbConnection,
    staff_id: uuid::Uuid,
) -> QueryResult<Vec<(String, String)>> {
    notification_preferences::table
        .filter(notification_preferences::staff_id.eq(DbUuid(staff_id)))
        .select((
            notification_preferences::kind,
            notification_preferences::delivery,
        ))
        .load(conn)
}

pub fn set_preference(
    conn: &mut DbConnection,
    staff_id: uuid::Uuid,
    kind: &str,
    delivery: &str,
) -> QueryResult<()> {
    let target = notification_preferences::table.find((DbUuid(staff_id), kind));
    let updated = natively!(conn, |c| diesel::update(target)
        .set(notification_preferences::delivery.eq(delivery))
        .execute(c))?;
    if updated == 0 {
        natively!(conn, |c| diesel::insert_into(
            notification_preferences::table
        )
        .values((
            notification_preferences::staff_id.eq(DbUuid(staff_id)),
            notification_preferences::kind.eq(kind),
            notification_preferences::delivery.eq(delivery),
        ))
        .execute(c))?;
    }
    Ok(())
}

/// Whether `job` has run for the office-local date `on` (or a later one). A plain read: the
/// workers ask every round, and only take the write lock when the answer is no.
/// The office-local date `job` last ran for, if ever.
pub fn last_run(conn: &mut DbConnection, job: &str) -> QueryResult<Option<NaiveDate>> {
    scheduled_runs::table
        .find(job)
        .select(scheduled_runs::last_run_on)
        .first::<NaiveDate>(conn)
        .optional()
}

pub fn has_run(conn: &mut DbConnection, job: &str, on: NaiveDate) -> QueryResult<bool> {
    Ok(scheduled_runs::table
        .find(job)
        .select(scheduled_runs::last_run_on)
        .first::<NaiveDate>(conn)
        .optional()?
        .is_some_and(|last| last >= on))
}

/// Takes the run of `job` for the office-local date `on`: `true` for the one caller that
/// gets it, `false` when it has run for that date (or a later one) already.
pub fn claim_run(conn: &mut DbConnection, job: &str, on: NaiveDate) -> QueryResult<bool> {
    diesel::sql_query(
        "INSERT INTO scheduled_runs (job, last_run_on) VALUES ($1, '1970-01-01') \
         ON CONFLICT (job) DO NOTHING",
    )
    .bind::<Text, _>(job)
    .execute(conn)?;
    let claimed = natively!(conn, |c| diesel::update(
        scheduled_runs::table
            .find(job)
            .filter(scheduled_runs::last_run_on.lt(on)),
    )
    .set(scheduled_runs::last_run_on.eq(on))
    .execute(c))?;
    Ok(claimed == 1)
}
