//! The second factor of sign-in: enrolment, checking a code or a recovery code (throttled
//! like passwords, audited when wrong), regenerating recovery codes, an admin's reset, and the
//! office policy.

use chrono::{DateTime, Utc};
use serde_json::json;

use super::accounts::LoginError;
use super::audit::{AuditContext, staff_target};
use super::sessions;
use super::throttle::{self, Decision};
use crate::auth::policy;
use crate::auth::tokens::hash_token;
use crate::clock;
use crate::db::{self, DbConnection, office_settings, write_transaction};
use crate::domain::audit::AuditAction;
use crate::domain::ids::StaffId;
use crate::domain::second_factor::{
    SecondFactorPolicy, SecondStep, TotpSecret, generate_recovery_codes, hash_recovery_code,
    normalize_totp_code,
};
use crate::domain::staff::Staff;
use crate::error::{AppError, Message};
use crate::services::throttle::Scope;
use crate::state::AppState;

/// The office's policy; a new office (no row yet) requires a second factor of everyone.
pub fn policy(conn: &mut DbConnection) -> Result<SecondFactorPolicy, diesel::result::Error> {
    Ok(
        office_settings::value(conn, office_settings::SECOND_FACTOR_POLICY)?
            .and_then(|v| SecondFactorPolicy::parse(&v))
            .unwrap_or_default(),
    )
}

/// What a token request still needs after the password: a code, an enrolment on the web
/// first, or nothing.
pub async fn api_step(state: &AppState, staff: &Staff) -> Result<Option<SecondStep>, AppError> {
    let staff_id = staff.id;
    let role = staff.role;
    state
        .db
        .run(move |conn| {
            let enrolled = db::second_factors::is_enrolled(conn, staff_id)?;
            Ok(SecondStep::after_password(enrolled, policy(conn)?, role))
        })
        .await
}

/// Where a staff member stands, for their account page and an admin's view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Status {
    pub enrolled: bool,
    pub unused_recovery_codes: i64,
}

pub async fn status(state: &AppState, staff_id: StaffId) -> Result<Status, AppError> {
    state
        .db
        .run(move |conn| {
            Ok(Status {
                enrolled: db::second_factors::is_enrolled(conn, staff_id)?,
                unused_recovery_codes: db::second_factors::unused_recovery_codes(conn, staff_id)?,
            })
        })
        .await
}

/// What an enrolment page shows: the secret as text and in the QR code's URI.
pub struct Enrolment {
    pub secret: TotpSecret,
    pub uri: String,
}

/// The secret the staff member is enrolling with: the unconfirmed one already stored, or a
/// new one. Refused (409) once a second factor is confirmed: only an admin's reset removes it.
pub async fn begin_enrolment(state: &AppState, staff: &Staff) -> Result<Enrolment, AppError> {
    let staff_id = staff.id;
    let email = staff.email.clone();
    let now = clock::to_db(state.now());
    state
        .db
        .run(move |conn| {
            write_transaction(conn, |conn| {
                let existing = db::second_factors::find(conn, staff_id)?;
                let secret = match existing {
                    Some(row) if row.confirmed_at.is_some() => {
                        return Err(AppError::Conflict(Message::new(
                            "second-factor-already-enrolled",
                        )));
                    }
                    Some(row) => TotpSecret::from_base32(&row.secret),
                    None => None,
                };
                let secret = match secret {
                    Some(secret) => secret,
                    None => {
                        let secret = TotpSecret::generate();
                        db::second_factors::start_enrolment(
                            conn,
                            staff_id,
                            &secret.to_base32(),
                            now,
                        )?;
                        secret
                    }
                };
                let uri = secret.otpauth_uri(&email);
                Ok(Enrolment { secret, uri })
            })
        })
        .await
}

/// The code's own counter, apart from the password's: a half-signed-in session already
/// knows the password, and wrong codes must not lock the password out.
fn throttle_key(staff_id: StaffId) -> String {
    hash_token(&format!("second-factor:{staff_id}"))
}

/// Counts one attempt at a code before it is checked (`services::throttle`); the wait, if
/// the account is under a delay, after auditing the refusal.
fn count_attempt(
    conn: &mut DbConnection,
    settings: &crate::config::Settings,
    audit: &AuditContext,
    staff_id: StaffId,
    channel: &'static str,
    now: DateTime<Utc>,
) -> Result<Option<i64>, diesel::result::Error> {
    let decision = throttle::record_attempt(
        conn,
        &settings.login,
        Scope::Account,
        &throttle_key(staff_id),
        now,
    )?;
    match decision {
        Decision::Proceed => Ok(None),
        Decision::Wait {
            retry_after_seconds,
        } => {
            audit.record(
                conn,
                AuditAction::SecondFactorThrottled,
                staff_target(staff_id),
                json!({ "channel": channel, "retry_after_seconds": retry_after_seconds }),
            )?;
            Ok(Some(retry_after_seconds))
        }
    }
}

fn unix(now: DateTime<Utc>) -> i64 {
    now.timestamp()
}

/// How a code was checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Accepted {
    Totp,
    RecoveryCode,
}

/// Checks a code from the app (six digits) or a recovery code for a staff member with a
/// confirmed second factor. No code is accepted twice: a TOTP code's time step must be later
/// than the last one accepted, and a recovery code is used up. Wrong codes are counted
/// before the check like wrong passwords, and audited.
pub async fn verify(
    state: &AppState,
    staff: &Staff,
    code: &str,
    address: Option<String>,
    channel: &'static str,
) -> Result<Accepted, LoginError> {
    let staff_id = staff.id;
    let code = code.trim().to_string();
    let now = state.now();
    let settings = state.settings.clone();
    let audit = AuditContext::new(Some(staff_id), address, now);
    let outcome = state
        .db
        .run(move |conn| {
            write_transaction(conn, |conn| {
                if let Some(seconds) =
                    count_attempt(conn, &settings, &audit, staff_id, channel, now)?
                {
                    return Ok(Err(Some(seconds)));
                }
                let result = check(conn, staff_id, &code, now)?;
                match result {
                    Ok(accepted) => {
                        throttle::record_success(conn, Scope::Account, &throttle_key(staff_id))?;
                        if accepted == Accepted::RecoveryCode {
                            let left = db::second_factors::unused_recovery_codes(conn, staff_id)?;
                            audit.record(
                                conn,
                                AuditAction::RecoveryCodeUsed,
                                staff_target(staff_id),
                                json!({ "channel": channel, "recovery_codes": left }),
                            )?;
                        }
                        Ok(Ok(accepted))
                    }
                    Err(reason) => {
                        audit.record(
                            conn,
                            AuditAction::SecondFactorFailed,
                            staff_target(staff_id),
                            json!({ "channel": channel, "reason": reason }),
                        )?;
                        Ok(Err(None))
                    }
                }
            })
        })
        .await?;
    match outcome {
        Ok(accepted) => Ok(accepted),
        Err(Some(retry_after_seconds)) => Err(LoginError::Throttled {
            retry_after_seconds,
        }),
        Err(None) => Err(LoginError::InvalidCredentials),
    }
}

/// The check itself, inside the caller's transaction; `Err` carries the audited reason.
fn check(
    conn: &mut DbConnection,
    staff_id: StaffId,
    code: &str,
    now: DateTime<Utc>,
) -> Result<Result<Accepted, &'static str>, AppError> {
    if code.is_empty() {
        return Ok(Err("no_code"));
    }
    if normalize_totp_code(code).is_some() {
        let secret = db::second_factors::find(conn, staff_id)?
            .filter(|row| row.confirmed_at.is_some())
            .and_then(|row| TotpSecret::from_base32(&row.secret));
        let Some(step) = secret.and_then(|s| s.matching_step(code, unix(now))) else {
            return Ok(Err("wrong_code"));
        };
        return Ok(
            if db::second_factors::accept_step(conn, staff_id, step)? == 1 {
                Ok(Accepted::Totp)
            } else {
                Err("code_reused")
            },
        );
    }
    let used = match hash_recovery_code(code) {
        Some(hash) => {
            db::second_factors::use_recovery_code(conn, staff_id, &hash, clock::to_db(now))?
        }
        None => 0,
    };
    Ok(if used == 1 {
        Ok(Accepted::RecoveryCode)
    } else {
        Err("wrong_recovery_code")
    })
}

/// Confirms an enrolment with the first code from the app; returns the recovery codes, to
/// be shown once. Wrong codes are throttled and audited like any other.
pub async fn confirm_enrolment(
    state: &AppState,
    staff: &Staff,
    code: &str,
    address: Option<String>,
) -> Result<Vec<String>, LoginError> {
    let staff_id = staff.id;
    let code = code.trim().to_string();
    let now = state.now();
    let settings = state.settings.clone();
    let audit = AuditContext::new(Some(staff_id), address, now);
    let recovery = generate_recovery_codes();
    let hashes: Vec<String> = recovery
        .iter()
        .filter_map(|c| hash_recovery_code(c))
        .collect();
    let outcome = state
        .db
        .run(move |conn| {
            write_transaction(conn, |conn| {
                if let Some(seconds) =
                    count_attempt(conn, &settings, &audit, staff_id, "html", now)?
                {
                    return Ok(Err(Some(seconds)));
                }
                let pending = db::second_factors::find(conn, staff_id)?
                    .filter(|row| row.confirmed_at.is_none())
                    .and_then(|row| TotpSecret::from_base32(&row.secret));
                let Some(secret) = pending else {
                    return Err(AppError::Conflict(Message::new(
                        "second-factor-already-enrolled",
                    )));
                };
                match secret.matching_step(&code, unix(now)) {
                    Some(step) => {
                        let now_db = clock::to_db(now);
                        db::second_factors::confirm(conn, staff_id, step, now_db)?;
                        db::second_factors::replace_recovery_codes(
                            conn, staff_id, &hashes, now_db,
                        )?;
                        throttle::record_success(conn, Scope::Account, &throttle_key(staff_id))?;
                        audit.record(
                            conn,
                            AuditAction::SecondFactorEnrolled,
                            staff_target(staff_id),
                            json!({ "recovery_codes": hashes.len() }),
                        )?;
                        Ok(Ok(()))
                    }
                    None => {
                        let reason = if code.is_empty() {
                            "no_code"
                        } else {
                            "wrong_code"
                        };
                        audit.record(
                            conn,
                            AuditAction::SecondFactorFailed,
                            staff_target(staff_id),
                            json!({ "channel": "html", "reason": reason }),
                        )?;
                        Ok(Err(None))
                    }
                }
            })
        })
        .await?;
    match outcome {
        Ok(()) => Ok(recovery),
        Err(Some(retry_after_seconds)) => Err(LoginError::Throttled {
            retry_after_seconds,
        }),
        Err(None) => Err(LoginError::InvalidCredentials),
    }
}

/// New recovery codes in place of the old ones (all of which stop working); shown once.
pub async fn regenerate_recovery_codes(
    state: &AppState,
    staff: &Staff,
    address: Option<String>,
) -> Result<Vec<String>, AppError> {
    policy::can_use_app(staff)?;
    let staff_id = staff.id;
    let now = state.now();
    let audit = AuditContext::new(Some(staff_id), address, now);
    let recovery = generate_recovery_codes();
    let hashes: Vec<String> = recovery
        .iter()
        .filter_map(|c| hash_recovery_code(c))
        .collect();
    state
        .db
        .run(move |conn| {
            write_transaction(conn, |conn| {
                if !db::second_factors::is_enrolled(conn, staff_id)? {
                    return Err(AppError::Conflict(Message::new(
                        "second-factor-not-enrolled",
                    )));
                }
                db::second_factors::replace_recovery_codes(
                    conn,
                    staff_id,
                    &hashes,
                    clock::to_db(now),
                )?;
                audit.record(
                    conn,
                    AuditAction::RecoveryCodesRegenerated,
                    staff_target(staff_id),
                    json!({ "recovery_codes": hashes.len() }),
                )?;
                Ok(())
            })
        })
        .await?;
    Ok(recovery)
}

/// Removes a staff member's second factor and recovery codes and ends their sessions and
/// API tokens; they enrol again at their next sign-in if the office requires it. For an
/// admin (`reset`) and for the command line (`reset_as`).
pub async fn reset(
    state: &AppState,
    actor: &Staff,
    id: StaffId,
    address: Option<String>,
) -> Result<(), AppError> {
    policy::can_manage_staff(actor)?;
    let audit = AuditContext::new(Some(actor.id), address, state.now());
    reset_as(state, audit, id).await
}

pub async fn reset_as(state: &AppState, audit: AuditContext, id: StaffId) -> Result<(), AppError> {
    let now = audit.at;
    state
        .db
        .run(move |conn| {
            write_transaction(conn, |conn| {
                let target = db::staff::find(conn, id)?.ok_or(AppError::NotFound)?;
                db::second_factors::delete_for_staff(conn, target.id)?;
                sessions::end_all_for_staff(conn, target.id, now)?;
                audit.record(
                    conn,
                    AuditAction::SecondFactorReset,
                    staff_target(target.id),
                    json!({}),
                )?;
                Ok(())
            })
        })
        .await
}
