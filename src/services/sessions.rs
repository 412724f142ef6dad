//! Server-side sessions and bearer tokens: starting, resuming, ending.

use chrono::{DateTime, Duration, Utc};

use crate::auth::session::SessionInfo;
use crate::auth::tokens::{hash_token, random_token};
use crate::clock;
use crate::db::{self, DbConnection};
use crate::domain::ids::StaffId;
use crate::domain::staff::Staff;
use crate::error::AppError;
use crate::state::AppState;

/// An anonymous session only carries the CSRF token of the login or setup form.
const ANONYMOUS_LIFETIME: Duration = Duration::hours(2);
/// `last_seen_at` is written at most this often, not on every request.
const TOUCH_INTERVAL: Duration = Duration::seconds(60);

pub struct Resumed {
    pub session: SessionInfo,
    pub staff: Option<Staff>,
}

/// What a session cookie turned out to be.
pub enum Resumption {
    Alive(Resumed),
    /// Gone: ended just now (its owner, if it was signed in, is named) or unknown.
    Ended {
        staff_id: Option<StaffId>,
    },
}

/// Creates a session; returns the cookie value (shown once) and what the server keeps.
pub fn start(
    conn: &mut DbConnection,
    staff_id: Option<StaffId>,
    now: DateTime<Utc>,
    lifetime: Duration,
) -> Result<(String, SessionInfo), diesel::result::Error> {
    let token = random_token();
    let info = SessionInfo {
        id_hash: hash_token(&token),
        csrf_token: random_token(),
    };
    db::sessions::insert(
        conn,
        &db::sessions::NewSession {
            id_hash: &info.id_hash,
            staff_id,
            csrf_token: &info.csrf_token,
            now: clock::to_db(now),
            expires_at: clock::to_db(now + lifetime),
        },
    )?;
    Ok((token, info))
}

pub async fn start_anonymous(state: &AppState) -> Result<(String, SessionInfo), AppError> {
    let now = state.now();
    state
        .db
        .run(move |conn| Ok(start(conn, None, now, ANONYMOUS_LIFETIME)?))
        .await
}

/// Starts a signed-in session in place of `replaces` (the session id changes at login),
/// and sweeps sessions that have expired.
pub fn start_for_staff(
    conn: &mut DbConnection,
    state_settings: &crate::config::SessionSettings,
    staff_id: StaffId,
    replaces: Option<&str>,
    now: DateTime<Utc>,
) -> Result<String, diesel::result::Error> {
    if let Some(old) = replaces {
        db::sessions::delete(conn, old)?;
    }
    db::sessions::delete_stale(
        conn,
        clock::to_db(now),
        clock::to_db(now - Duration::minutes(state_settings.idle_timeout_minutes)),
    )?;
    let lifetime = Duration::hours(state_settings.absolute_lifetime_hours);
    start(conn, Some(staff_id), now, lifetime).map(|(token, _)| token)
}

/// The session behind a cookie value, if it is still alive and its owner still active.
pub async fn resume(state: &AppState, token: String) -> Result<Resumption, AppError> {
    let now = state.now();
    let idle = Duration::minutes(state.settings.session.idle_timeout_minutes);
    state
        .db
        .run(move |conn| {
            let id_hash = hash_token(&token);
            let Some(row) = db::sessions::find(conn, &id_hash)? else {
                return Ok(Resumption::Ended { staff_id: None });
            };
            let now_db = clock::to_db(now);
            let staff_id = row.staff_id();
            let idle_expired = staff_id.is_some() && row.last_seen_at + idle <= now_db;
            if row.expires_at <= now_db || idle_expired {
                db::sessions::delete(conn, &id_hash)?;
                return Ok(Resumption::Ended { staff_id });
            }
            let staff = match staff_id {
                Some(id) => match db::staff::find(conn, id)? {
                    Some(staff) if staff.active => Some(staff),
                    _ => {
                        db::sessions::delete(conn, &id_hash)?;
                        return Ok(Resumption::Ended { staff_id });
                    }
                },
                None => None,
            };
            if staff.is_some() && now_db - row.last_seen_at >= TOUCH_INTERVAL {
                db::sessions::touch(conn, &id_hash, now_db)?;
            }
            Ok(Resumption::Alive(Resumed {
                session: SessionInfo {
                    id_hash,
                    csrf_token: row.csrf_token,
                },
                staff,
            }))
        })
        .await
}

/// The staff member behind a bearer token and the token's id, if it is valid.
pub async fn authenticate_bearer(
    state: &AppState,
    token: String,
) -> Result<Option<(Staff, uuid::Uuid)>, AppError> {
    let now = clock::to_db(state.now());
    state
        .db
        .run(move |conn| {
            let Some((token_id, staff_id)) =
                db::api_tokens::find_active(conn, &hash_token(&token), now)?
            else {
                return Ok(None);
            };
            Ok(db::staff::find(conn, staff_id)?
                .filter(|staff| staff.active)
                .map(|staff| (staff, token_id)))
        })
        .await
}

/// Ends every session and API token of one staff member (deactivation, password change).
pub fn end_all_for_staff(
    conn: &mut DbConnection,
    staff_id: StaffId,
    now: DateTime<Utc>,
) -> Result<(), diesel::result::Error> {
    db::sessions::delete_for_staff(conn, staff_id)?;
    db::api_tokens::revoke_for_staff(conn, staff_id, clock::to_db(now))?;
    Ok(())
}
