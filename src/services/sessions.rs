//! Server-side sessions and bearer tokens: starting, resuming, ending.

use chrono::{DateTime, Duration, Utc};
use secrecy::{ExposeSecret, SecretString};
use serde_json::json;

use super::audit::{AuditContext, staff_target};
use crate::auth::session::SessionInfo;
use crate::auth::tokens::{constant_time_eq, hash_token, random_token};
use crate::clock;
use crate::db::{self, DbConnection, write_transaction};
use crate::domain::audit::AuditAction;
use crate::domain::ids::StaffId;
use crate::domain::second_factor::SecondStep;
use crate::domain::staff::Staff;
use crate::domain::user_agent::UserAgent;
use crate::error::AppError;
use crate::state::AppState;

/// A half-signed-in session (password checked, second factor not yet) lasts this long.
const SECOND_STEP_LIFETIME: Duration = Duration::minutes(10);
/// `last_seen_at` is written at most this often, not on every request.
const TOUCH_INTERVAL: Duration = Duration::seconds(60);

pub struct Resumed {
    pub session: SessionInfo,
    pub staff: Option<Staff>,
    /// Set while the session has passed the password but not the second factor: then it
    /// grants nothing but the second step.
    pub pending: Option<SecondStep>,
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
    start_with(conn, staff_id, now, lifetime, None)
}

fn start_with(
    conn: &mut DbConnection,
    staff_id: Option<StaffId>,
    now: DateTime<Utc>,
    lifetime: Duration,
    pending: Option<SecondStep>,
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
            second_factor_pending: pending.map(SecondStep::as_str),
        },
    )?;
    Ok((token, info))
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

/// The step a staff member still owes after their password, if any.
pub fn second_step_due(
    conn: &mut DbConnection,
    staff: &Staff,
) -> Result<Option<SecondStep>, diesel::result::Error> {
    let enrolled = db::second_factors::is_enrolled(conn, staff.id)?;
    let policy = super::second_factor::policy(conn)?;
    Ok(SecondStep::after_password(enrolled, policy, staff.role))
}

/// A short half-signed-in session in place of `replaces`: it grants only `step`.
pub fn start_pending(
    conn: &mut DbConnection,
    staff_id: StaffId,
    step: SecondStep,
    replaces: Option<&str>,
    now: DateTime<Utc>,
) -> Result<String, diesel::result::Error> {
    if let Some(old) = replaces {
        db::sessions::delete(conn, old)?;
    }
    start_with(conn, Some(staff_id), now, SECOND_STEP_LIFETIME, Some(step)).map(|(token, _)| token)
}

/// Signs a staff member in after a setup or invitation link: a full session, or a short
/// half-signed-in one when the office requires a second factor they have not set up.
/// Returns the cookie value and the step still due.
pub fn start_after_password(
    conn: &mut DbConnection,
    settings: &crate::config::SessionSettings,
    staff: &Staff,
    replaces: Option<&str>,
    now: DateTime<Utc>,
) -> Result<(String, Option<SecondStep>), diesel::result::Error> {
    match second_step_due(conn, staff)? {
        None => start_for_staff(conn, settings, staff.id, replaces, now).map(|token| (token, None)),
        Some(step) => {
            start_pending(conn, staff.id, step, replaces, now).map(|token| (token, Some(step)))
        }
    }
}

/// Who is on the other end of a request: kept with a signed-in session so that its owner
/// can tell their sessions apart on the account page.
#[derive(Debug, Clone, Default)]
pub struct SessionClient {
    pub user_agent: Option<String>,
    pub address: Option<String>,
}

/// Longest `User-Agent` kept; real ones are a few hundred characters.
const USER_AGENT_LIMIT: usize = 512;

impl SessionClient {
    pub fn new(user_agent: Option<&str>, address: Option<String>) -> Self {
        Self {
            user_agent: user_agent.map(|ua| ua.chars().take(USER_AGENT_LIMIT).collect()),
            address,
        }
    }
}

/// The session behind a cookie value, if it is still alive and its owner still active.
/// A signed-in session learns its browser on its first request, and its address whenever
/// `last_seen_at` is written.
pub async fn resume(
    state: &AppState,
    token: SecretString,
    client: SessionClient,
) -> Result<Resumption, AppError> {
    let now = state.now();
    let idle = Duration::minutes(state.settings.session.idle_timeout_minutes);
    state
        .db
        .run(move |conn| {
            let id_hash = hash_token(token.expose_secret());
            let Some((row, staff)) = db::sessions::find_with_staff(conn, &id_hash)? else {
                return Ok(Resumption::Ended { staff_id: None });
            };
            let now_db = clock::to_db(now);
            let staff_id = row.staff_id();
            let idle_expired = staff_id.is_some() && row.last_seen_at + idle <= now_db;
            if row.expires_at <= now_db || idle_expired {
                db::sessions::delete(conn, &id_hash)?;
                return Ok(Resumption::Ended { staff_id });
            }
            let staff = match (staff_id, staff) {
                (Some(_), Some(staff)) if staff.active => Some(staff),
                (Some(_), _) => {
                    db::sessions::delete(conn, &id_hash)?;
                    return Ok(Resumption::Ended { staff_id });
                }
                (None, _) => None,
            };
            if staff.is_some() {
                if row.user_agent.is_none() && client.user_agent.is_some() {
                    db::sessions::set_client(
                        conn,
                        &id_hash,
                        client.user_agent.as_deref(),
                        client.address.as_deref(),
                    )?;
                }
                if now_db - row.last_seen_at >= TOUCH_INTERVAL {
                    db::sessions::touch(conn, &id_hash, now_db, client.address.as_deref())?;
                }
            }
            let pending = row
                .second_factor_pending
                .as_deref()
                .map(|code| SecondStep::parse(code).unwrap_or(SecondStep::Code));
            Ok(Resumption::Alive(Resumed {
                session: SessionInfo {
                    id_hash,
                    csrf_token: row.csrf_token,
                },
                staff,
                pending,
            }))
        })
        .await
}

/// The staff member behind a bearer token and the token's id, if it is valid.
pub async fn authenticate_bearer(
    state: &AppState,
    token: SecretString,
) -> Result<Option<(Staff, uuid::Uuid)>, AppError> {
    let now = clock::to_db(state.now());
    state
        .db
        .run(move |conn| {
            let Some((token_id, staff_id)) =
                db::api_tokens::find_active(conn, &hash_token(token.expose_secret()), now)?
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

/// One of a person's own sessions, as the account page lists it.
#[derive(Debug, Clone)]
pub struct SessionView {
    /// Names the session in the "end" form; derived from its id hash, so neither the cookie
    /// value nor the stored key leaves the server.
    pub reference: String,
    pub agent: UserAgent,
    pub address: Option<String>,
    pub signed_in_at: DateTime<Utc>,
    pub last_seen_at: DateTime<Utc>,
    /// The session this page was asked for with.
    pub current: bool,
}

fn reference(id_hash: &str) -> String {
    hash_token(&format!("session-reference:{id_hash}"))[..32].to_string()
}

/// The signed-in sessions of `staff`, most recently used first.
pub async fn list_own(
    state: &AppState,
    staff: &Staff,
    current_hash: Option<String>,
) -> Result<Vec<SessionView>, AppError> {
    let staff_id = staff.id;
    state
        .db
        .run(move |conn| {
            Ok(db::sessions::list_for_staff(conn, staff_id)?
                .into_iter()
                .map(|row| SessionView {
                    reference: reference(&row.id_hash),
                    agent: UserAgent::parse(row.user_agent.as_deref().unwrap_or_default()),
                    address: row.address,
                    signed_in_at: clock::from_db(row.created_at),
                    last_seen_at: clock::from_db(row.last_seen_at),
                    current: current_hash.as_deref() == Some(row.id_hash.as_str()),
                })
                .collect())
        })
        .await
}

/// What ending one of one's own sessions did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ended {
    /// Another session ended.
    Other,
    /// The session making the request ended: the caller is signed out.
    Current,
    /// No session of the caller's has that reference (already ended).
    NotFound,
}

/// Ends one of the caller's own sessions, named by its reference.
pub async fn end_own(
    state: &AppState,
    staff: &Staff,
    session_reference: String,
    current_hash: Option<String>,
    address: Option<String>,
) -> Result<Ended, AppError> {
    let staff_id = staff.id;
    let audit = AuditContext::new(Some(staff_id), address, state.now());
    state
        .db
        .run(move |conn| {
            write_transaction(conn, |conn| {
                let found = db::sessions::list_for_staff(conn, staff_id)?
                    .into_iter()
                    .find(|row| constant_time_eq(&reference(&row.id_hash), &session_reference));
                let Some(row) = found else {
                    return Ok(Ended::NotFound);
                };
                db::sessions::delete(conn, &row.id_hash)?;
                let current = current_hash.as_deref() == Some(row.id_hash.as_str());
                audit.record(
                    conn,
                    AuditAction::SessionEnded,
                    staff_target(staff_id),
                    json!({ "current": current }),
                )?;
                Ok(if current {
                    Ended::Current
                } else {
                    Ended::Other
                })
            })
        })
        .await
}

/// Ends every session of the caller's but this one, and every API token: "sign out
/// everywhere else", for a device left behind.
pub async fn end_others(
    state: &AppState,
    staff: &Staff,
    current_hash: String,
    address: Option<String>,
) -> Result<usize, AppError> {
    let staff_id = staff.id;
    let now = state.now();
    let audit = AuditContext::new(Some(staff_id), address, now);
    state
        .db
        .run(move |conn| {
            write_transaction(conn, |conn| {
                let ended = db::sessions::delete_for_staff_except(conn, staff_id, &current_hash)?;
                db::api_tokens::revoke_for_staff(conn, staff_id, clock::to_db(now))?;
                audit.record(
                    conn,
                    AuditAction::SessionsEndedElsewhere,
                    staff_target(staff_id),
                    json!({ "sessions_ended": ended }),
                )?;
                Ok(ended)
            })
        })
        .await
}

/// An admin ends every session and API token of a staff member, who stays active and can
/// sign in again.
pub async fn end_all_by_admin(
    state: &AppState,
    admin: &Staff,
    target: StaffId,
    address: Option<String>,
) -> Result<usize, AppError> {
    crate::auth::policy::can_manage_staff(admin)?;
    let now = state.now();
    let audit = AuditContext::new(Some(admin.id), address, now);
    state
        .db
        .run(move |conn| {
            write_transaction(conn, |conn| {
                if db::staff::find(conn, target)?.is_none() {
                    return Err(AppError::NotFound);
                }
                let ended = db::sessions::list_for_staff(conn, target)?.len();
                end_all_for_staff(conn, target, now)?;
                audit.record(
                    conn,
                    AuditAction::StaffSessionsEnded,
                    staff_target(target),
                    json!({ "sessions_ended": ended }),
                )?;
                Ok(ended)
            })
        })
        .await
}

/// The sign-in before this session's, once: the home page mentions it after a sign-in.
pub async fn take_previous_sign_in(
    state: &AppState,
    session_hash: String,
) -> Result<Option<(DateTime<Utc>, Option<String>)>, AppError> {
    state
        .db
        .run(move |conn| {
            // Read first, write only when there is something to clear: the home page is
            // asked for often and must not take the write lock each time.
            Ok(db::sessions::take_previous_sign_in(conn, &session_hash)?
                .map(|(at, address)| (clock::from_db(at), address)))
        })
        .await
}
