//! Delivering the outbox: claim due messages, send them, record what happened. A message
//! that cannot be sent is tried again with doubling delays (1 minute up to 4 hours) until its
//! retry period (`mail.retry_hours`, 48 by default) is over, then marked failed for an
//! administrator to see and send again. A claim on a message lasts `mail.claim_lease_minutes`;
//! an administrator can send a waiting message at once, and when the transport answers
//! again after an outage, what waited for a later retry is sent without waiting for it.

use chrono::Duration;
use serde_json::json;

use super::audit::AuditContext;
use crate::auth::policy;
use crate::clock;
use crate::db::outbox::{self, MessageRow, QueuedMessage};
use crate::db::write_transaction;
use crate::domain::audit::AuditAction;
use crate::domain::staff::Staff;
use crate::email::{Mailer, OutgoingMessage};
use crate::error::AppError;
use crate::state::AppState;

/// Messages claimed at once by one sender.
const BATCH: i32 = 20;
const LONGEST_DELAY_MINUTES: i64 = 4 * 60;

/// The wait after the `attempts`-th failed attempt: 1, 2, 4, … minutes, at most 4 hours.
pub fn retry_delay(attempts: i32) -> Duration {
    let doublings = attempts.saturating_sub(1).clamp(0, 16) as u32;
    Duration::minutes((1i64 << doublings).min(LONGEST_DELAY_MINUTES))
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DeliveryReport {
    pub sent: usize,
    /// Attempts that failed and will be tried again.
    pub deferred: usize,
    /// Messages given up on in this round.
    pub failed: usize,
}

fn outgoing(row: &MessageRow) -> OutgoingMessage {
    OutgoingMessage {
        id: row.id.0,
        to: row.to_address.clone(),
        subject: row.subject.clone(),
        text_body: row.text_body.clone(),
        html_body: row.html_body.clone(),
        created_at: clock::from_db(row.created_at),
    }
}

/// Sends every message that is due, batch by batch, until none is left.
pub async fn deliver_due(state: &AppState, mailer: &Mailer) -> Result<DeliveryReport, AppError> {
    let mut report = DeliveryReport::default();
    let lease = claim_lease(state);
    loop {
        let now = clock::to_db(state.now());
        let claimed = state
            .db
            .run(move |conn| {
                write_transaction(conn, |conn| {
                    Ok(outbox::claim_due(conn, now, now + lease, BATCH)?)
                })
            })
            .await?;
        if claimed.is_empty() {
            return Ok(report);
        }
        for row in claimed {
            send_claimed(state, mailer, row, &mut report).await?;
        }
    }
}

fn claim_lease(state: &AppState) -> Duration {
    Duration::minutes(state.settings.mail.claim_lease_minutes.max(1))
}

/// Sends one claimed message and records how it went.
async fn send_claimed(
    state: &AppState,
    mailer: &Mailer,
    row: MessageRow,
    report: &mut DeliveryReport,
) -> Result<(), AppError> {
    let id = row.id.0;
    let result = mailer.send(&outgoing(&row)).await;
    let now = clock::to_db(state.now());
    let retry_at = now + retry_delay(row.attempts);
    let outcome = match result {
        Ok(()) => {
            report.sent += 1;
            None
        }
        Err(error) => {
            let given_up = retry_at > row.give_up_at;
            if given_up {
                report.failed += 1;
            } else {
                report.deferred += 1;
            }
            tracing::warn!(
                message_id = %id,
                attempts = row.attempts,
                given_up,
                error = format!("{error:#}"),
                "an email could not be sent"
            );
            Some((format!("{error:#}"), (!given_up).then_some(retry_at)))
        }
    };
    state
        .db
        .run(move |conn| {
            match outcome {
                None => outbox::mark_sent(conn, id, now)?,
                Some((error, retry_at)) => outbox::mark_attempt_failed(conn, id, &error, retry_at)?,
            }
            Ok(())
        })
        .await
}

/// After an outage: when messages wait for a later retry and the transport answers again,
/// they are made due now instead of waiting out their delay (up to 4 hours). How many.
pub async fn resume_after_outage(state: &AppState, mailer: &Mailer) -> Result<usize, AppError> {
    let now = clock::to_db(state.now());
    let waiting = state
        .db
        .run(move |conn| Ok(outbox::count_deferred(conn, now)?))
        .await?;
    if waiting == 0 || !mailer.is_reachable().await {
        return Ok(0);
    }
    let resumed = state
        .db
        .run(move |conn| Ok(outbox::make_deferred_due(conn, now)?))
        .await?;
    tracing::info!(
        messages = resumed,
        "the mail transport answers again; sending what waited"
    );
    Ok(resumed)
}

/// An administrator's "send now": a waiting message is claimed (even from a server that was
/// killed holding it) and sent at once; audited. Whether it went.
pub async fn send_now(
    state: &AppState,
    actor: &Staff,
    mailer: &Mailer,
    id: uuid::Uuid,
    address: Option<String>,
) -> Result<bool, AppError> {
    policy::can_manage_mail(actor)?;
    let now = state.now();
    let lease = claim_lease(state);
    let audit = AuditContext::new(Some(actor.id), address, now);
    let row = state
        .db
        .run(move |conn| {
            write_transaction(conn, |conn| {
                let row = outbox::claim_one(conn, id, clock::to_db(now) + lease)?
                    .ok_or(AppError::NotFound)?;
                audit.record(
                    conn,
                    AuditAction::MailSentNow,
                    Some(("outbox", id.to_string())),
                    json!({}),
                )?;
                Ok(row)
            })
        })
        .await?;
    let mut report = DeliveryReport::default();
    send_claimed(state, mailer, row, &mut report).await?;
    Ok(report.sent == 1)
}

/// Messages waiting and failed, counted: for `/healthz` and the admin home page.
pub async fn counts(state: &AppState) -> Result<(i64, i64), AppError> {
    state.db.run(|conn| Ok(outbox::counts(conn)?)).await
}

/// The admin page's list: failed first, then waiting, oldest first.
pub async fn unsent(state: &AppState, actor: &Staff) -> Result<Vec<QueuedMessage>, AppError> {
    policy::can_manage_mail(actor)?;
    state.db.run(|conn| Ok(outbox::unsent(conn, 500)?)).await
}

/// Puts a failed message back in the queue with a fresh retry period; audited.
pub async fn retry(
    state: &AppState,
    actor: &Staff,
    id: uuid::Uuid,
    address: Option<String>,
) -> Result<(), AppError> {
    policy::can_manage_mail(actor)?;
    let now = state.now();
    let retry_for = Duration::hours(state.settings.mail.retry_hours);
    let audit = AuditContext::new(Some(actor.id), address, now);
    state
        .db
        .run(move |conn| {
            write_transaction(conn, |conn| {
                let now = clock::to_db(now);
                if !outbox::retry(conn, id, now, now + retry_for)? {
                    return Err(AppError::NotFound);
                }
                audit.record(
                    conn,
                    AuditAction::MailRetried,
                    Some(("outbox", id.to_string())),
                    json!({}),
                )?;
                Ok(())
            })
        })
        .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delays_double_from_a_minute_to_four_hours() {
        let minutes: Vec<i64> = (1..=11).map(|n| retry_delay(n).num_minutes()).collect();
        assert_eq!(minutes, [1, 2, 4, 8, 16, 32, 64, 128, 240, 240, 240]);
        assert_eq!(retry_delay(0).num_minutes(), 1);
        // 48 hours of retries take 19 attempts.
        let mut elapsed = Duration::zero();
        let mut attempts = 0;
        while elapsed < Duration::hours(48) {
            attempts += 1;
            elapsed += retry_delay(attempts);
        }
        assert_eq!(attempts, 19);
    }
}
