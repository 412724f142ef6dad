//! The background work of a server: every `mail.poll_interval_seconds`, expired held forms
//! and what else expires (sessions, links, throttle counters) swept, the daily scan, the
//! weekly report and the weekly list of files due for deletion when their time has come,
//! then the outbox (at once for what waited, if
//! the transport is back). Errors are logged and tried again next round. The nightly
//! backup, when it is on, has a loop of its own, so that a long backup holds up no mail.

use std::time::Duration;

use actix_web::web;

use crate::email::Mailer;
use crate::services::{held_forms, nightly_backup, outbox, reminders, reports, retention, sweep};
use crate::state::AppState;

pub fn spawn(state: web::Data<AppState>, mailer: Mailer) -> actix_web::rt::task::JoinHandle<()> {
    let every = Duration::from_secs(state.settings.mail.poll_interval_seconds.max(1));
    if state.settings.backup.nightly {
        let state = state.clone();
        actix_web::rt::spawn(async move {
            let mut ticks = actix_web::rt::time::interval(every);
            loop {
                ticks.tick().await;
                if let Err(error) = nightly_backup::run_if_due(&state).await {
                    tracing::error!(error = ?error, "the nightly backup could not be started or recorded");
                }
            }
        });
    }
    actix_web::rt::spawn(async move {
        let mut ticks = actix_web::rt::time::interval(every);
        loop {
            ticks.tick().await;
            run_once(&state, &mailer).await;
        }
    })
}

/// One round: held forms and whatever else has expired deleted, the scan if due, then every
/// message that is due.
pub async fn run_once(state: &AppState, mailer: &Mailer) {
    if let Err(error) = held_forms::sweep(state).await {
        tracing::error!(error = ?error, "sweeping expired held forms failed");
    }
    match sweep::sweep_expired(state).await {
        Ok(report) if !report.is_empty() => tracing::info!(
            sessions = report.sessions,
            account_links = report.account_links,
            lock_links = report.lock_links,
            throttle_counters = report.throttle_counters,
            "expired rows swept"
        ),
        Ok(_) => {}
        Err(error) => tracing::error!(error = ?error, "sweeping what expired failed"),
    }
    match reminders::run_if_due(state).await {
        Ok(Some(report)) => tracing::info!(
            reminders = report.reminders,
            court_lists = report.court_lists,
            digests = report.digests,
            "daily scan done"
        ),
        Ok(None) => {}
        Err(error) => tracing::error!(error = ?error, "the daily scan failed"),
    }
    if let Err(error) = reports::send_weekly_if_due(state).await {
        tracing::error!(error = ?error, "the weekly report mail failed");
    }
    match retention::send_weekly_if_due(state).await {
        Ok(Some(sent)) if sent > 0 => tracing::info!(sent, "weekly retention list mailed"),
        Ok(_) => {}
        Err(error) => tracing::error!(error = ?error, "the weekly retention list failed"),
    }
    if let Err(error) = outbox::resume_after_outage(state, mailer).await {
        tracing::error!(error = ?error, "checking the mail transport failed");
    }
    match outbox::deliver_due(state, mailer).await {
        Ok(report) if report != outbox::DeliveryReport::default() => tracing::info!(
            sent = report.sent,
            deferred = report.deferred,
            failed = report.failed,
            "outbox delivered"
        ),
        Ok(_) => {}
        Err(error) => tracing::error!(error = ?error, "delivering the outbox failed"),
    }
}
