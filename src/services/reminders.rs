//! The daily scan, at a local time of the office (`office.daily_scan_at` in
//! `office.time_zone`): reminders before deadlines, the weekly list of hearings to re-check
//! with the court, and each person's digest. Whichever server reaches the day's scan first
//! runs it; every reminder carries a once-key, so running it again sends nothing twice.

use std::collections::BTreeMap;

use chrono::{Datelike, Duration, NaiveDate};

use super::notifications::{Notifier, case_details};
use crate::db::reminders::{UnverifiedHearing, UpcomingDeadline};
use crate::db::{self, DbConnection, write_transaction};
use crate::domain::deadlines::DeadlineKind;
use crate::domain::ids::StaffId;
use crate::domain::notifications::{
    ListedCase, NotificationDetails, NotificationKind, REMINDER_RULES, ReminderRule, reminder_key,
};
use crate::email::render;
use crate::error::AppError;
use crate::i18n::I18n;
use crate::state::AppState;

pub const DAILY_SCAN: &str = "daily_scan";
/// The last office day the reminders were scanned for: the next scan covers the thresholds
/// from that day to its own.
pub const REMINDER_SCAN: &str = "reminder_scan";
/// Hearing dates checked with the court longer ago than this go on the weekly list.
pub const COURT_RECHECK_DAYS: i64 = 7;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ScanReport {
    pub reminders: usize,
    pub court_lists: usize,
    pub digests: usize,
    /// Admins sent the day's seal of the audit log.
    pub seals: usize,
}

/// The office's date and whether the scan's local time has come, at the clock's now.
pub fn office_now(state: &AppState) -> Result<(NaiveDate, bool), AppError> {
    let office = &state.settings.office;
    let local = state.now().with_timezone(&office.time_zone);
    let scan_at = office
        .daily_scan_time()
        .map_err(|e| AppError::internal(anyhow::anyhow!(e)))?;
    Ok((local.date_naive(), local.time() >= scan_at))
}

/// Runs the day's scan if its time has come and no server has run it today.
pub async fn run_if_due(state: &AppState) -> Result<Option<ScanReport>, AppError> {
    let (today, time_has_come) = office_now(state)?;
    if !time_has_come {
        return Ok(None);
    }
    let claimed = state
        .db
        .run(move |conn| {
            if db::notifications::has_run(conn, DAILY_SCAN, today)? {
                return Ok(false);
            }
            write_transaction(conn, |conn| {
                Ok(db::notifications::claim_run(conn, DAILY_SCAN, today)?)
            })
        })
        .await?;
    if !claimed {
        return Ok(None);
    }
    scan(state, today).await.map(Some)
}

/// Reminders due on `today`, the week's court re-check lists, the digests, then the audit
/// log's seal.
pub async fn scan(state: &AppState, today: NaiveDate) -> Result<ScanReport, AppError> {
    let notifier = Notifier::of(state);
    state
        .db
        .run(move |conn| {
            Ok(ScanReport {
                reminders: reminders(conn, &notifier, today)?,
                court_lists: court_recheck_lists(conn, &notifier, today)?,
                digests: digests(conn, &notifier)?,
                seals: audit_seal(conn, &notifier, today)?,
            })
        })
        .await
}

fn recipients(deadline: &UpcomingDeadline) -> Vec<StaffId> {
    let mut people: Vec<StaffId> = [deadline.lawyer_id, deadline.paralegal_id]
        .into_iter()
        .flatten()
        .map(|id| StaffId::from(id.0))
        .collect();
    people.dedup();
    people
}

/// The reminders due at the thresholds reached since the last scan (`docs/deadlines.md`,
/// "Reminders"). Only live deadlines are stored, so a satisfied or superseded deadline, or
/// one of a closed case, sends nothing.
fn reminders(
    conn: &mut DbConnection,
    notifier: &Notifier,
    today: NaiveDate,
) -> Result<usize, AppError> {
    let since = db::notifications::last_run(conn, REMINDER_SCAN)?
        .filter(|last| *last <= today)
        .unwrap_or(today);
    let horizon = REMINDER_RULES
        .iter()
        .map(|rule| rule.horizon_days())
        .max()
        .unwrap_or(0);
    let kinds: Vec<&str> = REMINDER_RULES.iter().map(|r| r.deadline.as_str()).collect();
    let upcoming = db::reminders::upcoming_deadlines(
        conn,
        &kinds,
        today,
        today + Duration::days(i64::from(horizon) + 7),
    )?;
    let mut sent = 0;
    for deadline in upcoming {
        let Some(kind) = DeadlineKind::parse(&deadline.kind) else {
            continue;
        };
        let Some(rule) = ReminderRule::for_deadline(kind) else {
            continue;
        };
        let Some(days) = rule.due_threshold(deadline.due_on, since, today) else {
            continue;
        };
        let case_id = deadline.case_id.0;
        // One transaction per case and deadline: a failure leaves the rest for tomorrow.
        sent += write_transaction(conn, |conn| {
            let Some(case) = db::cases::find(conn, case_id)? else {
                return Ok::<_, AppError>(0);
            };
            let details = NotificationDetails {
                deadline: Some(kind),
                due_on: Some(deadline.due_on),
                days_left: Some((deadline.due_on - today).num_days()),
                ..case_details(conn, &case)?
            };
            let mut recorded = 0;
            for recipient in recipients(&deadline) {
                let key = reminder_key(recipient.as_uuid(), case_id, kind, deadline.due_on, days);
                if notifier.notify(conn, recipient, rule.kind, &details, Some(&key))? {
                    recorded += 1;
                }
            }
            Ok(recorded)
        })?;
    }
    write_transaction(conn, |conn| {
        db::notifications::claim_run(conn, REMINDER_SCAN, today)
    })?;
    Ok(sent)
}

/// Once a week per lawyer (the first scan of each ISO week, normally Monday's): the cases
/// whose hearing dates have not been checked with the court for a week.
fn court_recheck_lists(
    conn: &mut DbConnection,
    notifier: &Notifier,
    today: NaiveDate,
) -> Result<usize, AppError> {
    let rows = db::reminders::unverified_hearings(
        conn,
        today,
        today - Duration::days(COURT_RECHECK_DAYS),
    )?;
    let mut by_lawyer: BTreeMap<uuid::Uuid, Vec<UnverifiedHearing>> = BTreeMap::new();
    for row in rows {
        by_lawyer.entry(row.lawyer_id.0).or_default().push(row);
    }
    let week = today.iso_week();
    let mut sent = 0;
    for (lawyer, hearings) in by_lawyer {
        let key = format!(
            "court_recheck:{}:{}-W{:02}",
            lawyer.simple(),
            week.year(),
            week.week()
        );
        let details = NotificationDetails {
            cases: hearings
                .into_iter()
                .map(|h| ListedCase {
                    case_id: h.case_id.0,
                    reference: h.reference,
                    hearing_on: h.hearing_on,
                    verified_on: h.verified_on,
                })
                .collect(),
            ..NotificationDetails::default()
        };
        let recorded = write_transaction(conn, |conn| {
            notifier.notify(
                conn,
                lawyer.into(),
                NotificationKind::CourtRecheck,
                &details,
                Some(&key),
            )
        })?;
        sent += usize::from(recorded);
    }
    Ok(sent)
}

/// One message per person with notifications waiting for their digest.
fn digests(conn: &mut DbConnection, notifier: &Notifier) -> Result<usize, AppError> {
    let mut sent = 0;
    for recipient in db::notifications::digest_recipients(conn)? {
        sent += write_transaction(conn, |conn| {
            let waiting = db::notifications::waiting_for_digest(conn, recipient.0)?;
            let Some(staff) = db::staff::find(conn, recipient.0.into())? else {
                return Ok::<_, AppError>(0);
            };
            if waiting.is_empty() || !staff.active {
                return Ok(0);
            }
            let i18n = I18n::new(staff.language);
            let notices = waiting
                .iter()
                .filter_map(|n| {
                    let kind = NotificationKind::parse(&n.kind)?;
                    let details: NotificationDetails = serde_json::from_str(&n.details).ok()?;
                    Some(render::notice(&i18n, kind, &details, notifier.base_url()))
                })
                .collect();
            let message = render::digest(&i18n, &staff.display_name, notices, notifier.base_url())
                .map_err(AppError::internal)?;
            let outbox_id = notifier.enqueue(conn, &staff, "digest", None, &message)?;
            for notification in &waiting {
                db::notifications::set_outbox(conn, notification.id.0, outbox_id)?;
            }
            Ok(1)
        })?;
    }
    Ok(sent)
}

/// The audit log's chain head, logged and mailed to every active admin: a copy outside the
/// server of where the chain stood, so that rewriting the log afterwards (even by someone
/// who can recompute every hash) shows against it (`refuge audit verify --seal`).
fn audit_seal(
    conn: &mut DbConnection,
    notifier: &Notifier,
    today: NaiveDate,
) -> Result<usize, AppError> {
    let head = db::audit_chain::head(conn)?;
    let hash = head.head_hash.clone().unwrap_or_default();
    tracing::info!(
        head_id = head.head_id,
        head_hash = %hash,
        links = head.links,
        "audit log chain head"
    );
    let admins: Vec<_> = db::staff::list(conn)?
        .into_iter()
        .filter(|s| s.active && s.role == crate::domain::staff::Role::Admin)
        .collect();
    write_transaction(conn, |conn| {
        for admin in &admins {
            let i18n = I18n::new(admin.language);
            let message = render::audit_seal(
                &i18n,
                &admin.display_name,
                today,
                head.head_id,
                &hash,
                notifier.base_url(),
            )
            .map_err(AppError::internal)?;
            notifier.enqueue(conn, admin, AUDIT_SEAL_MAIL, None, &message)?;
        }
        Ok::<_, AppError>(())
    })?;
    Ok(admins.len())
}

/// The outbox kind of the daily seal.
pub const AUDIT_SEAL_MAIL: &str = "audit_seal";
