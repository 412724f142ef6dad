//! What expires, removed by the background worker (`worker::run_once`) rather than left
//! until someone happens to sign in: sessions past their lifetime or idle timeout (the
//! half-signed-in ones last ten minutes), setup, invitation and reset links past their
//! time, lock links used or expired, and throttle counters with nothing left to count.

use chrono::Duration;

use crate::clock;
use crate::db::{self, write_transaction};
use crate::error::AppError;
use crate::services::throttle;
use crate::state::AppState;

/// How many rows of each kind one sweep removed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SweepReport {
    pub sessions: usize,
    pub account_links: usize,
    pub lock_links: usize,
    pub throttle_counters: usize,
}

impl SweepReport {
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }
}

pub async fn sweep_expired(state: &AppState) -> Result<SweepReport, AppError> {
    let now = state.now();
    let idle = Duration::minutes(state.settings.session.idle_timeout_minutes);
    let login = state.settings.login.clone();
    state
        .db
        .run(move |conn| {
            let now_db = clock::to_db(now);
            Ok(write_transaction(conn, |conn| {
                Ok::<_, diesel::result::Error>(SweepReport {
                    sessions: db::sessions::delete_stale(conn, now_db, now_db - idle)?,
                    account_links: db::account_tokens::delete_expired(conn, now_db)?,
                    lock_links: db::lock_links::delete_dead(conn, now_db)?,
                    throttle_counters: throttle::sweep_stale(conn, &login, now)?,
                })
            })?)
        })
        .await
}
