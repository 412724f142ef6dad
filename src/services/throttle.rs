//! Throttling of guesses (passwords now; second-factor codes can take a scope of their own):
//! every attempt is counted, under the counter's row lock, *before* the secret is checked,
//! so N concurrent guesses verify at most the free allowance. A success clears an account's
//! own count; an address's count is only forgotten with time (a success takes back just its
//! own attempt), so holding one valid account does not reset an attacker's address.

use chrono::{DateTime, Duration, Utc};

pub use crate::auth::throttle::Decision;
use crate::auth::throttle::{Forgetting, Limits, count_attempt};
use crate::clock;
use crate::config::LoginSettings;
use crate::db::{self, DbConnection};
pub use db::login_throttle::Scope;

/// The allowance of one scope, from the settings.
pub fn limits(scope: Scope, settings: &LoginSettings) -> Limits {
    match scope {
        Scope::Account => Limits {
            free: settings.free_failures,
            max_delay_seconds: settings.max_account_delay_seconds,
            forgetting: Forgetting::AllAfterQuiet(Duration::hours(settings.failure_memory_hours)),
        },
        Scope::Address => Limits {
            free: settings.address_free_failures,
            max_delay_seconds: settings.max_address_delay_seconds,
            forgetting: Forgetting::OnePer(Duration::seconds(
                settings.address_forget_one_every_seconds,
            )),
        },
    }
}

/// Counts one attempt on every key, or on none: if any key is under a delay nothing is
/// counted and the longest wait is returned. Must run inside the caller's
/// `db::write_transaction` (it holds the counters' locks until commit); keys are locked in
/// the order given, so callers name them in one fixed order (account before address).
/// `key_hash` is `auth::tokens::hash_token` of the key: the table never holds who.
pub fn record_attempts(
    conn: &mut DbConnection,
    settings: &LoginSettings,
    keys: &[(Scope, &str)],
    now: DateTime<Utc>,
) -> Result<Decision, diesel::result::Error> {
    let now = clock::to_db(now);
    let mut counted = Vec::with_capacity(keys.len());
    let mut wait: Option<i64> = None;
    for (scope, key_hash) in keys {
        let counter = db::login_throttle::lock(conn, *scope, key_hash, now)?;
        match count_attempt(counter, &limits(*scope, settings), now) {
            (
                Decision::Wait {
                    retry_after_seconds,
                },
                _,
            ) => {
                wait = Some(wait.map_or(retry_after_seconds, |w| w.max(retry_after_seconds)));
            }
            (Decision::Proceed, next) => counted.push((*scope, *key_hash, next)),
        }
    }
    if let Some(retry_after_seconds) = wait {
        return Ok(Decision::Wait {
            retry_after_seconds,
        });
    }
    for (scope, key_hash, counter) in &counted {
        db::login_throttle::store(conn, *scope, key_hash, counter)?;
    }
    Ok(Decision::Proceed)
}

/// [`record_attempts`] for a single key.
pub fn record_attempt(
    conn: &mut DbConnection,
    settings: &LoginSettings,
    scope: Scope,
    key_hash: &str,
    now: DateTime<Utc>,
) -> Result<Decision, diesel::result::Error> {
    record_attempts(conn, settings, &[(scope, key_hash)], now)
}

/// After an attempt that succeeded: an account's count (or any scope forgotten on
/// success) is cleared; an address's keeps everything but this one attempt.
pub fn record_success(
    conn: &mut DbConnection,
    scope: Scope,
    key_hash: &str,
) -> Result<(), diesel::result::Error> {
    match scope {
        Scope::Account => db::login_throttle::clear(conn, scope, key_hash)?,
        Scope::Address => db::login_throttle::refund(conn, scope, key_hash)?,
    };
    Ok(())
}

/// How many counters one sweep looks at, at most (the next round takes the rest).
const SWEEP_BATCH: i64 = 1_000;

/// Removes counters that remember nothing any more under any rule that writes them (an
/// account's and the lock page's, forgotten all at once after quiet; an address's, one
/// attempt per period) and hold no delay. Returns how many went.
pub fn sweep_stale(
    conn: &mut DbConnection,
    settings: &LoginSettings,
    now: DateTime<Utc>,
) -> Result<usize, diesel::result::Error> {
    let now = clock::to_db(now);
    let longest_quiet =
        Duration::hours(settings.failure_memory_hours).max(crate::services::lock::REQUEST_MEMORY);
    let address = limits(Scope::Address, settings);
    let mut removed = 0;
    for (scope, key_hash, counter) in
        db::login_throttle::list_quiet(conn, now, now - longest_quiet, SWEEP_BATCH)?
    {
        if counter.forgotten_until(&address, now).attempts == 0 {
            removed += db::login_throttle::delete(conn, &scope, &key_hash)?;
        }
    }
    Ok(removed)
}
