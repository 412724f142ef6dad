//! What one signed-in session must find again shortly after a POST, held in this process's
//! memory: a freshly issued one-time link, shown once on the page the POST redirects to (a
//! link never goes into a URL), and the text of a search, whose results page's URL carries
//! only an opaque id (a name never goes into a URL either).
//!
//! Nothing here is written to disk or the database, so a client's name typed into the search
//! box is never at rest; a restart forgets everything, and the pages say what to do then
//! (search again, issue a new link). Entries belong to the session that made them, expire
//! after a short while, and their number is capped so that no one can grow the map without
//! bound.

use std::collections::HashMap;
use std::sync::{Mutex, PoisonError};

use actix_web::{HttpMessage, HttpRequest};
use chrono::{DateTime, Duration, Utc};

use crate::auth::session::{AuthMethod, Authenticated, SessionInfo};
use crate::error::AppError;

/// How many entries are held at most, across all sessions; the oldest goes first.
const CAPACITY: usize = 10_000;

struct Entry {
    value: String,
    expires_at: DateTime<Utc>,
}

/// The held entries, by (holder, key): see the module documentation.
#[derive(Default)]
pub struct SessionStash {
    entries: Mutex<HashMap<(String, String), Entry>>,
}

impl SessionStash {
    /// Holds `value` for `holder` under `key` until `now + ttl`, replacing what was there.
    pub fn put(&self, holder: &str, key: &str, value: String, now: DateTime<Utc>, ttl: Duration) {
        let mut entries = self.entries.lock().unwrap_or_else(PoisonError::into_inner);
        entries.retain(|_, entry| entry.expires_at > now);
        while entries.len() >= CAPACITY {
            let oldest = entries
                .iter()
                .min_by_key(|(_, entry)| entry.expires_at)
                .map(|(k, _)| k.clone());
            match oldest {
                Some(oldest) => entries.remove(&oldest),
                None => break,
            };
        }
        entries.insert(
            (holder.to_string(), key.to_string()),
            Entry {
                value,
                expires_at: now + ttl,
            },
        );
    }

    /// The value `holder` holds under `key`, if it has not expired; it stays held.
    pub fn get(&self, holder: &str, key: &str, now: DateTime<Utc>) -> Option<String> {
        let entries = self.entries.lock().unwrap_or_else(PoisonError::into_inner);
        entries
            .get(&(holder.to_string(), key.to_string()))
            .filter(|entry| entry.expires_at > now)
            .map(|entry| entry.value.clone())
    }

    /// The value `holder` holds under `key`, if it has not expired, removed: shown once.
    pub fn take(&self, holder: &str, key: &str, now: DateTime<Utc>) -> Option<String> {
        let mut entries = self.entries.lock().unwrap_or_else(PoisonError::into_inner);
        entries
            .remove(&(holder.to_string(), key.to_string()))
            .filter(|entry| entry.expires_at > now)
            .map(|entry| entry.value)
    }

    #[cfg(test)]
    fn len(&self) -> usize {
        self.entries
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .len()
    }
}

/// The holder of what the session with this id hash stashes, as `holder` names it: for a
/// session started by the request itself, which the request does not carry yet.
pub fn session_holder(id_hash: &str) -> String {
    format!("session:{id_hash}")
}

/// Who holds what a request stashes: its session (by the hash of its id, as stored), or the
/// API token it came with. A request with neither is not signed in.
pub fn holder(req: &HttpRequest) -> Result<String, AppError> {
    let extensions = req.extensions();
    if let Some(session) = extensions.get::<SessionInfo>() {
        return Ok(session_holder(&session.id_hash));
    }
    match extensions.get::<Authenticated>().map(|auth| auth.method) {
        Some(AuthMethod::Bearer { token_id }) => Ok(format!("token:{token_id}")),
        _ => Err(AppError::LoginRequired),
    }
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    fn at(minute: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, 4, 9, minute, 0)
            .single()
            .unwrap_or_default()
    }

    #[test]
    fn an_entry_belongs_to_its_holder_and_expires() {
        let stash = SessionStash::default();
        stash.put(
            "a",
            "search:1",
            "Ivanova".into(),
            at(0),
            Duration::minutes(30),
        );
        assert_eq!(
            stash.get("a", "search:1", at(29)).as_deref(),
            Some("Ivanova")
        );
        assert_eq!(
            stash.get("a", "search:1", at(29)).as_deref(),
            Some("Ivanova")
        );
        assert_eq!(stash.get("b", "search:1", at(1)), None, "another session");
        assert_eq!(stash.get("a", "search:2", at(1)), None);
        assert_eq!(stash.get("a", "search:1", at(30)), None, "expired");
    }

    #[test]
    fn a_taken_entry_is_gone() {
        let stash = SessionStash::default();
        stash.put("a", "link", "/setup/x".into(), at(0), Duration::minutes(5));
        assert_eq!(stash.take("b", "link", at(1)), None);
        assert_eq!(stash.take("a", "link", at(1)).as_deref(), Some("/setup/x"));
        assert_eq!(stash.take("a", "link", at(1)), None);
        stash.put("a", "link", "/setup/y".into(), at(0), Duration::minutes(5));
        assert_eq!(stash.take("a", "link", at(5)), None, "expired");
    }

    #[test]
    fn expired_entries_are_swept_and_the_number_held_is_capped() {
        let stash = SessionStash::default();
        stash.put("a", "old", "x".into(), at(0), Duration::minutes(1));
        stash.put("a", "new", "y".into(), at(2), Duration::minutes(1));
        assert_eq!(stash.len(), 1, "the expired entry went when another came");
        for i in 0..CAPACITY + 5 {
            stash.put(
                "b",
                &i.to_string(),
                String::new(),
                at(3),
                Duration::minutes(1),
            );
        }
        assert_eq!(stash.len(), CAPACITY);
    }
}
