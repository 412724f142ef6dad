//! What every request handler and service shares.

use std::sync::{Arc, Mutex, PoisonError};

use chrono::{DateTime, Duration, Utc};

use crate::auth::form_token::FormKey;
use crate::auth::passwords::PasswordHasher;
use crate::clock::SharedClock;
use crate::config::Settings;
use crate::db::checkpointer::Checkpointer;
use crate::db::group_commit::GroupCommit;
use crate::db::{DatabaseKind, Db, DbConnection, write_transaction};
use crate::error::AppError;
use crate::stash::SessionStash;

pub struct AppState {
    pub db: Db,
    pub clock: SharedClock,
    pub settings: Arc<Settings>,
    pub passwords: PasswordHasher,
    /// Commits the audit entries of reads, and on SQLite writes through [`Self::write`],
    /// those of concurrent requests together.
    pub group_commit: GroupCommit,
    /// Keeps SQLite's write-ahead log short off the writers' path; `None` on PostgreSQL.
    pub checkpointer: Option<Checkpointer>,
    /// Ports of entry recorded so far, for the case list's filter.
    pub port_suggestions: Cached<Vec<String>>,
    /// Requests to anonymous endpoints, per client address.
    pub anonymous_limiter: crate::auth::anonymous_limit::AnonymousLimiter,
    /// One-time links to show once and searches to find again, per session, in memory.
    pub stash: SessionStash,
    /// Signs the CSRF tokens of anonymous forms. The server puts the key stored in the
    /// database here (`startup`); programs that show no forms keep a throwaway one.
    pub form_key: FormKey,
    /// When this server started, by its clock: a nightly backup is not missing before the
    /// server has been up long enough to take one.
    pub started_at: DateTime<Utc>,
}

/// A value read from the database and kept for a while, for figures that every page would
/// otherwise recompute although they change rarely.
pub struct Cached<T> {
    fresh_for: Duration,
    value: Mutex<Option<(DateTime<Utc>, Arc<T>)>>,
}

impl<T> Cached<T> {
    pub fn new(fresh_for: Duration) -> Self {
        Self {
            fresh_for,
            value: Mutex::new(None),
        }
    }

    /// The kept value, unless it is older than `fresh_for` at `now`.
    pub fn get(&self, now: DateTime<Utc>) -> Option<Arc<T>> {
        let value = self.value.lock().unwrap_or_else(PoisonError::into_inner);
        value
            .as_ref()
            .filter(|(read_at, _)| now - *read_at < self.fresh_for)
            .map(|(_, value)| value.clone())
    }

    pub fn put(&self, now: DateTime<Utc>, value: T) -> Arc<T> {
        let value = Arc::new(value);
        *self.value.lock().unwrap_or_else(PoisonError::into_inner) = Some((now, value.clone()));
        value
    }
}

impl AppState {
    pub fn new(db: Db, clock: SharedClock, settings: Settings, passwords: PasswordHasher) -> Self {
        Self {
            group_commit: db.start_group_commit(),
            checkpointer: db.start_checkpointer(),
            db,
            settings: Arc::new(settings),
            passwords,
            port_suggestions: Cached::new(Duration::minutes(5)),
            anonymous_limiter: Default::default(),
            stash: SessionStash::default(),
            form_key: FormKey::ephemeral(),
            started_at: clock.now(),
            clock,
        }
    }

    pub fn now(&self) -> chrono::DateTime<chrono::Utc> {
        self.clock.now()
    }

    /// Runs `f` in a write transaction. On SQLite, which commits one writer at a time, it
    /// joins the next group commit; PostgreSQL commits concurrent transactions side by side,
    /// so there it runs on a pooled connection.
    pub async fn write<T, F>(&self, f: F) -> Result<T, AppError>
    where
        F: FnOnce(&mut DbConnection) -> Result<T, AppError> + Send + 'static,
        T: Send + 'static,
    {
        match self.db.kind() {
            DatabaseKind::Sqlite => self.group_commit.write(f).await,
            DatabaseKind::Postgres => self.db.run(move |conn| write_transaction(conn, f)).await,
        }
    }
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    #[test]
    fn a_cached_value_is_kept_while_fresh() {
        let cached = Cached::new(Duration::minutes(5));
        let at = Utc
            .with_ymd_and_hms(2026, 12, 4, 9, 0, 0)
            .single()
            .unwrap_or_default();
        assert_eq!(cached.get(at), None);
        cached.put(at, 7);
        assert_eq!(cached.get(at + Duration::seconds(299)).as_deref(), Some(&7));
        assert_eq!(cached.get(at + Duration::minutes(5)), None);
    }
}
