//! Queries on `outbox`: messages written with the events that cause them, claimed by one
//! sender at a time, and their fate.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use diesel::sql_types::{Integer, Timestamp};

use super::schema::{outbox, staff};
use super::uuid::{DbUuid, PortableUuid};
use super::{DbConnection, natively};

pub const PENDING: &str = "pending";
pub const SENT: &str = "sent";
pub const FAILED: &str = "failed";

pub struct NewMessage<'a> {
    pub id: uuid::Uuid,
    /// The staff member it is for; `None` for someone outside the office.
    pub recipient_id: Option<uuid::Uuid>,
    pub to_address: &'a str,
    pub case_id: Option<uuid::Uuid>,
    pub kind: &'a str,
    pub subject: &'a str,
    pub text_body: &'a str,
    pub html_body: &'a str,
    pub now: NaiveDateTime,
    pub give_up_at: NaiveDateTime,
}

pub fn insert(conn: &mut DbConnection, message: &NewMessage<'_>) -> QueryResult<()> {
    natively!(conn, |c| diesel::insert_into(outbox::table)
        .values((
            outbox::id.eq(DbUuid(message.id)),
            outbox::recipient_id.eq(message.recipient_id.map(DbUuid)),
            outbox::to_address.eq(message.to_address),
            outbox::case_id.eq(message.case_id.map(DbUuid)),
            outbox::kind.eq(message.kind),
            outbox::subject.eq(message.subject),
            outbox::text_body.eq(message.text_body),
            outbox::html_body.eq(message.html_body),
            outbox::status.eq(PENDING),
            outbox::attempts.eq(0),
            outbox::next_attempt_at.eq(message.now),
            outbox::give_up_at.eq(message.give_up_at),
            outbox::last_error.eq(""),
            outbox::created_at.eq(message.now),
        ))
        .execute(c))?;
    Ok(())
}

#[derive(Debug, Clone, Queryable, QueryableByName)]
pub struct MessageRow {
    #[diesel(sql_type = PortableUuid)]
    pub id: DbUuid,
    #[diesel(sql_type = diesel::sql_types::Nullable<PortableUuid>)]
    pub recipient_id: Option<DbUuid>,
    #[diesel(sql_type = diesel::sql_types::Text)]
    pub to_address: String,
    #[diesel(sql_type = diesel::sql_types::Nullable<PortableUuid>)]
    pub case_id: Option<DbUuid>,
    #[diesel(sql_type = diesel::sql_types::Text)]
    pub kind: String,
    #[diesel(sql_type = diesel::sql_types::Text)]
    pub subject: String,
    #[diesel(sql_type = diesel::sql_types::Text)]
    pub text_body: String,
    #[diesel(sql_type = diesel::sql_types::Text)]
    pub html_body: String,
    #[diesel(sql_type = diesel::sql_types::Text)]
    pub status: String,
    #[diesel(sql_type = Integer)]
    pub attempts: i32,
    #[diesel(sql_type = Timestamp)]
    pub next_attempt_at: NaiveDateTime,
    #[diesel(sql_type = Timestamp)]
    pub give_up_at: NaiveDateTime,
    #[diesel(sql_type = diesel::sql_types::Nullable<Timestamp>)]
    pub claimed_until: Option<NaiveDateTime>,
    #[diesel(sql_type = diesel::sql_types::Text)]
    pub last_error: String,
    #[diesel(sql_type = Timestamp)]
    pub created_at: NaiveDateTime,
    #[diesel(sql_type = diesel::sql_types::Nullable<Timestamp>)]
    pub sent_at: Option<NaiveDateTime>,
}

const COLUMNS: &str = "id, recipient_id, to_address, case_id, kind, subject, text_body, \
     html_body, status, attempts, next_attempt_at, give_up_at, claimed_until, last_error, created_at, sent_at";

/// Claims up to `limit` pending messages that are due and not claimed by a live sender,
/// until `claim_until`, and counts the attempt. On PostgreSQL rows another server is
/// claiming are skipped, not waited for; SQLite serializes writers, and one server is the
/// supported setup there.
pub fn claim_due(
    conn: &mut DbConnection,
    now: NaiveDateTime,
    claim_until: NaiveDateTime,
    limit: i32,
) -> QueryResult<Vec<MessageRow>> {
    let lock = match conn {
        DbConnection::Postgres(_) => "FOR UPDATE SKIP LOCKED",
        DbConnection::Sqlite(_) => "",
    };
    let sql = format!(
        "UPDATE outbox SET claimed_until = $1, attempts = attempts + 1 \
         WHERE id IN (SELECT id FROM outbox \
             WHERE status = 'pending' AND next_attempt_at <= $2 \
               AND (claimed_until IS NULL OR claimed_until <= $2) \
             ORDER BY next_attempt_at LIMIT $3 {lock}) \
         RETURNING {COLUMNS}"
    );
    diesel::sql_query(sql)
        .bind::<Timestamp, _>(claim_until)
        .bind::<Timestamp, _>(now)
        .bind::<Integer, _>(limit)
        .load(conn)
}

/// Claims one pending message until `claim_until` whatever its due time or claim, and counts
/// the attempt: an administrator's "send now", which also takes a message over from a
/// server that was killed holding it. `None` if it is not pending (sent, or failed).
pub fn claim_one(
    conn: &mut DbConnection,
    id: uuid::Uuid,
    claim_until: NaiveDateTime,
) -> QueryResult<Option<MessageRow>> {
    let sql = format!(
        "UPDATE outbox SET claimed_until = $1, attempts = attempts + 1 \
         WHERE id = $2 AND status = 'pending' RETURNING {COLUMNS}"
    );
    let mut rows: Vec<MessageRow> = diesel::sql_query(sql)
        .bind::<Timestamp, _>(claim_until)
        .bind::<PortableUuid, _>(DbUuid(id))
        .load(conn)?;
    Ok(rows.pop())
}

/// Pending messages waiting for a later retry (tried and failed, unclaimed): what a
/// transport that is back can send at once.
fn deferred(now: NaiveDateTime) -> outbox::BoxedQuery<'static, crate::db::MultiBackend> {
    outbox::table
        .filter(outbox::status.eq(PENDING))
        .filter(outbox::attempts.gt(0))
        .filter(outbox::next_attempt_at.gt(now))
        .filter(
            outbox::claimed_until
                .is_null()
                .or(outbox::claimed_until.le(now)),
        )
        .into_boxed()
}

pub fn count_deferred(conn: &mut DbConnection, now: NaiveDateTime) -> QueryResult<i64> {
    deferred(now).count().get_result(conn)
}

/// Makes every deferred message due now; how many.
pub fn make_deferred_due(conn: &mut DbConnection, now: NaiveDateTime) -> QueryResult<usize> {
    let ids: Vec<DbUuid> = deferred(now).select(outbox::id).load(conn)?;
    natively!(conn, |c| diesel::update(
        outbox::table.filter(outbox::id.eq_any(ids))
    )
    .set(outbox::next_attempt_at.eq(now))
    .execute(c))
}

pub fn mark_sent(conn: &mut DbConnection, id: uuid::Uuid, now: NaiveDateTime) -> QueryResult<()> {
    natively!(conn, |c| diesel::update(outbox::table.find(DbUuid(id)))
        .set((
            outbox::status.eq(SENT),
            outbox::sent_at.eq(Some(now)),
            outbox::claimed_until.eq(None::<NaiveDateTime>),
            outbox::last_error.eq(""),
        ))
        .execute(c))?;
    Ok(())
}

/// Records a failed attempt: tried again at `retry_at`, or given up on when `None`.
pub fn mark_attempt_failed(
    conn: &mut DbConnection,
    id: uuid::Uuid,
    error: &str,
    retry_at: Option<NaiveDateTime>,
) -> QueryResult<()> {
    let target = outbox::table.find(DbUuid(id));
    match retry_at {
        Some(at) => natively!(conn, |c| diesel::update(target)
            .set((
                outbox::next_attempt_at.eq(at),
                outbox::claimed_until.eq(None::<NaiveDateTime>),
                outbox::last_error.eq(error),
            ))
            .execute(c))?,
        None => natively!(conn, |c| diesel::update(target)
            .set((
                outbox::status.eq(FAILED),
                outbox::claimed_until.eq(None::<NaiveDateTime>),
                outbox::last_error.eq(error),
            ))
            .execute(c))?,
    };
    Ok(())
}

/// Puts a failed message back in the queue, due now, retried until `give_up_at`.
pub fn retry(
    conn: &mut DbConnection,
    id: uuid::Uuid,
    now: NaiveDateTime,
    give_up_at: NaiveDateTime,
) -> QueryResult<bool> {
    let updated = natively!(conn, |c| diesel::update(
        outbox::table
            .find(DbUuid(id))
            .filter(outbox::status.eq(FAILED)),
    )
    .set((
        outbox::status.eq(PENDING),
        outbox::next_attempt_at.eq(now),
        outbox::give_up_at.eq(give_up_at),
        outbox::attempts.eq(0),
    ))
    .execute(c))?;
    Ok(updated == 1)
}

/// Messages waiting and given up on, counted.
pub fn counts(conn: &mut DbConnection) -> QueryResult<(i64, i64)> {
    let count = |conn: &mut DbConnection, status: &str| {
        outbox::table
            .filter(outbox::status.eq(status))
            .count()
            .get_result::<i64>(conn)
    };
    Ok((count(conn, PENDING)?, count(conn, FAILED)?))
}

/// One message as the admin page lists it (subjects hold no personal data).
#[derive(Debug, Clone, Queryable)]
pub struct QueuedMessage {
    pub id: DbUuid,
    pub to_address: String,
    pub recipient_name: Option<String>,
    pub kind: String,
    pub subject: String,
    pub status: String,
    pub attempts: i32,
    pub next_attempt_at: NaiveDateTime,
    pub last_error: String,
    pub created_at: NaiveDateTime,
}

/// Pending and failed messages, failed first, oldest first.
pub fn unsent(conn: &mut DbConnection, limit: i64) -> QueryResult<Vec<QueuedMessage>> {
    outbox::table
        .left_join(staff::table)
        .filter(outbox::status.ne(SENT))
        .order((outbox::status.asc(), outbox::created_at.asc()))
        .limit(limit)
        .select((
            outbox::id,
            outbox::to_address,
            staff::display_name.nullable(),
            outbox::kind,
            outbox::subject,
            outbox::status,
            outbox::attempts,
            outbox::next_attempt_at,
            outbox::last_error,
            outbox::created_at,
        ))
        .load(conn)
}

pub fn find(conn: &mut DbConnection, id: uuid::Uuid) -> QueryResult<Option<MessageRow>> {
    outbox::table
        .find(DbUuid(id))
        .select(outbox::all_columns)
        .first(conn)
        .optional()
}
