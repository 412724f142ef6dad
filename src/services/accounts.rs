//! Signing in and out, first-run setup, invitations and password changes.

use chrono::{DateTime, Duration, Utc};
use secrecy::{ExposeSecret, SecretString};
use serde_json::json;

use super::audit::{AuditContext, staff_target};
use super::sessions;
use super::throttle::{self, Decision, Scope};
use crate::auth::tokens::{hash_token, random_token};
use crate::clock;
use crate::config::Settings;
use crate::db::account_tokens::{NewAccountToken, Purpose};
use crate::db::{self, Db, DbConnection, write_transaction};
use crate::domain::audit::AuditAction;
use crate::domain::ids::StaffId;
use crate::domain::password::NewPassword;
use crate::domain::second_factor::SecondStep;
use crate::domain::staff::{DisplayName, Role, Staff, StaffEmail};
use crate::error::{AppError, FieldErrors, Message};
use crate::i18n::Language;
use crate::state::AppState;

/// Why a sign-in did not succeed. The caller is told no more than "wrong email or password"
/// or how long to wait; the audit log keeps the reason.
#[derive(Debug)]
pub enum LoginError {
    InvalidCredentials,
    /// The right password for an account under the emergency lock.
    Locked,
    Throttled {
        retry_after_seconds: i64,
    },
    Failed(AppError),
}

impl From<AppError> for LoginError {
    fn from(err: AppError) -> Self {
        Self::Failed(err)
    }
}

impl From<LoginError> for AppError {
    fn from(err: LoginError) -> Self {
        match err {
            LoginError::InvalidCredentials => {
                AppError::BadRequest(Message::new("login-invalid-credentials"))
            }
            LoginError::Locked => AppError::BadRequest(Message::new("login-locked")),
            LoginError::Throttled {
                retry_after_seconds,
            } => AppError::TooManyRequests {
                retry_after_seconds,
            },
            LoginError::Failed(err) => err,
        }
    }
}

/// Checks an email and password, with throttling and an audit entry for every attempt.
/// The attempt is counted on the account and on the address before the password is
/// checked (`services::throttle`), so concurrent guesses verify at most the allowance.
/// Unknown, inactive and password-less accounts fail exactly like a wrong password and cost
/// the same time.
pub async fn authenticate(
    state: &AppState,
    email: &str,
    password: String,
    address: Option<String>,
    channel: &'static str,
) -> Result<Staff, LoginError> {
    let email = email.trim().to_lowercase();
    let keys = vec![
        (Scope::Account, hash_token(&email)),
        (
            Scope::Address,
            hash_token(address.as_deref().unwrap_or("unknown")),
        ),
    ];
    let now = state.now();
    let audit = AuditContext::new(None, address.clone(), now);

    let settings = state.settings.clone();
    let (decision, account) = {
        let (keys, email, audit) = (keys.clone(), email.clone(), audit.clone());
        state
            .db
            .run(move |conn| {
                let decision = write_transaction(conn, |conn| {
                    let keys: Vec<(Scope, &str)> =
                        keys.iter().map(|(s, k)| (*s, k.as_str())).collect();
                    let decision = throttle::record_attempts(conn, &settings.login, &keys, now)?;
                    if let Decision::Wait {
                        retry_after_seconds,
                    } = decision
                    {
                        audit.record(
                            conn,
                            AuditAction::LoginThrottled,
                            None,
                            json!({ "email": email, "channel": channel, "retry_after_seconds": retry_after_seconds }),
                        )?;
                    }
                    Ok::<_, AppError>(decision)
                })?;
                if decision != Decision::Proceed {
                    return Ok((decision, None));
                }
                // No account has an address with a control character (PostgreSQL cannot
                // even be asked for one with U+0000): it fails like any unknown address.
                if crate::domain::text::check_line(&email).is_err() {
                    return Ok((decision, None));
                }
                Ok((decision, db::staff::find_with_password_hash(conn, &email)?))
            })
            .await?
    };
    if let Decision::Wait {
        retry_after_seconds,
    } = decision
    {
        return Err(LoginError::Throttled {
            retry_after_seconds,
        });
    }

    let (staff, hash) = match account {
        Some((staff, hash)) => (Some(staff), hash),
        None => (None, None),
    };
    let password_matches = state.passwords.verify(password, hash.clone()).await?;
    let outcome = match &staff {
        None => Err("unknown_account"),
        Some(_) if hash.is_none() => Err("no_password"),
        Some(s) if !s.active => Err("inactive"),
        Some(_) if !password_matches => Err("wrong_password"),
        Some(s) => Ok(s.clone()),
    };

    let result = outcome.clone();
    let locked = state
        .db
        .run(move |conn| {
            write_transaction(conn, |conn| {
                // A locked account (the emergency lock) is refused even with the right
                // password, and told so: only then, so the lock reveals nothing to a guesser.
                let locked = match &result {
                    Ok(staff) => super::lock::is_locked(conn, staff.id)?,
                    Err(_) => false,
                };
                let result = if locked {
                    Err("locked")
                } else {
                    result.clone()
                };
                match &result {
                    Ok(staff) => {
                        // The account's own count is cleared; the address keeps its
                        // count but for this attempt, which was no failure.
                        for (scope, key) in &keys {
                            throttle::record_success(conn, *scope, key)?;
                        }
                        AuditContext {
                            actor: Some(staff.id),
                            ..audit.clone()
                        }
                        .record(
                            conn,
                            AuditAction::LoginSucceeded,
                            staff_target(staff.id),
                            json!({ "channel": channel }),
                        )?;
                    }
                    Err(reason) => {
                        let target = staff.as_ref().and_then(|s| staff_target(s.id));
                        audit.record(
                            conn,
                            AuditAction::LoginFailed,
                            target,
                            json!({ "email": email, "channel": channel, "reason": reason }),
                        )?;
                    }
                }
                Ok::<_, AppError>(locked)
            })
        })
        .await?;
    if locked {
        return Err(LoginError::Locked);
    }
    outcome.map_err(|_| LoginError::InvalidCredentials)
}

/// Signs a staff member in on the web after their password: a fresh session replaces the
/// anonymous one; half signed in while a second factor (or enrolment) is due, else signed in
/// fully (as `start_session`). Returns the cookie value and the step still due.
pub async fn sign_in_after_password(
    state: &AppState,
    staff: &Staff,
    replaces: Option<String>,
    address: Option<String>,
) -> Result<(String, Option<SecondStep>), AppError> {
    let now = state.now();
    let settings = state.settings.clone();
    let staff = staff.clone();
    state
        .db
        .run(move |conn| {
            write_transaction(conn, |conn| {
                match sessions::second_step_due(conn, &staff)? {
                    Some(step) => Ok((
                        sessions::start_pending(conn, staff.id, step, replaces.as_deref(), now)?,
                        Some(step),
                    )),
                    None => Ok((
                        full_session(conn, &settings, staff.id, replaces, now, address)?,
                        None,
                    )),
                }
            })
        })
        .await
}

/// Signs a staff member in on the web: a fresh session replaces the anonymous one (or the
/// half-signed-in one, once the second factor is checked), and carries the sign-in before
/// this one for the home page to mention.
pub async fn start_session(
    state: &AppState,
    staff_id: StaffId,
    replaces: Option<String>,
    address: Option<String>,
) -> Result<String, AppError> {
    let now = state.now();
    let settings = state.settings.clone();
    state
        .db
        .run(move |conn| {
            write_transaction(conn, |conn| {
                full_session(conn, &settings, staff_id, replaces, now, address)
            })
        })
        .await
}

fn full_session(
    conn: &mut DbConnection,
    settings: &Settings,
    staff_id: StaffId,
    replaces: Option<String>,
    now: DateTime<Utc>,
    address: Option<String>,
) -> Result<String, AppError> {
    let token =
        sessions::start_for_staff(conn, &settings.session, staff_id, replaces.as_deref(), now)?;
    let previous =
        db::staff_access::record_sign_in(conn, staff_id, clock::to_db(now), address.as_deref())?;
    db::sessions::set_previous_sign_in(conn, &hash_token(&token), previous)?;
    Ok(token)
}

pub async fn logout(
    state: &AppState,
    actor: &Staff,
    session_hash: String,
    address: Option<String>,
) -> Result<(), AppError> {
    let audit = AuditContext::new(Some(actor.id), address, state.now());
    let staff_id = actor.id;
    state
        .db
        .run(move |conn| {
            write_transaction(conn, |conn| {
                db::sessions::delete(conn, &session_hash)?;
                audit.record(conn, AuditAction::Logout, staff_target(staff_id), json!({}))?;
                Ok(())
            })
        })
        .await
}

fn link(settings: &Settings, path: &str, token: &str) -> String {
    format!("{}/{path}/{token}", settings.public_url())
}

/// While no staff account exists: retires earlier setup links and issues a new one.
pub fn issue_setup_link(
    db: &Db,
    settings: &Settings,
    now: DateTime<Utc>,
) -> Result<Option<String>, AppError> {
    let mut conn = db.get()?;
    write_transaction(&mut conn, |conn| {
        if db::staff::count(conn)? > 0 {
            return Ok(None);
        }
        let now_db = clock::to_db(now);
        db::account_tokens::retire(conn, &[Purpose::Setup], None, now_db)?;
        let token = random_token();
        db::account_tokens::insert(
            conn,
            &NewAccountToken {
                token_hash: &hash_token(&token),
                purpose: Purpose::Setup,
                staff_id: None,
                now: now_db,
                expires_at: clock::to_db(
                    now + Duration::hours(settings.passwords.setup_link_valid_hours),
                ),
            },
        )?;
        Ok(Some(link(settings, "setup", &token)))
    })
}

/// Whether no staff account exists yet, so that only the first-run link lets anyone in.
pub async fn awaiting_first_admin(state: &AppState) -> Result<bool, AppError> {
    state.db.run(|conn| Ok(db::staff::count(conn)? == 0)).await
}

pub async fn setup_link_is_usable(state: &AppState, token: String) -> Result<bool, AppError> {
    let now = clock::to_db(state.now());
    state
        .db
        .run(move |conn| {
            Ok(db::staff::count(conn)? == 0
                && db::account_tokens::find_usable(
                    conn,
                    &hash_token(&token),
                    &[Purpose::Setup],
                    now,
                )?
                .is_some())
        })
        .await
}

/// What the setup and add-staff forms carry, as typed.
#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct AccountForm {
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub display_name: String,
    #[serde(default)]
    pub language: String,
    #[serde(default)]
    pub password: SecretString,
    #[serde(default)]
    pub password_confirm: SecretString,
}

pub struct NewAccount {
    pub email: StaffEmail,
    pub display_name: DisplayName,
    pub language: Language,
    pub password: NewPassword,
}

pub fn parse_password_pair(
    errors: &mut FieldErrors,
    password: &str,
    confirm: &str,
) -> Option<NewPassword> {
    let parsed = errors.check("password", NewPassword::parse(password))?;
    if password != confirm {
        errors.push(
            "password_confirm",
            Message::new("validation-password-mismatch"),
        );
        return None;
    }
    Some(parsed)
}

impl AccountForm {
    pub fn parse(&self) -> Result<NewAccount, FieldErrors> {
        let mut errors = FieldErrors::default();
        let email = errors.check("email", StaffEmail::parse(&self.email));
        let display_name = errors.check("display_name", DisplayName::parse(&self.display_name));
        let language = errors.check(
            "language",
            Language::parse_staff(&self.language).ok_or(Message::new("validation-language")),
        );
        let password = parse_password_pair(
            &mut errors,
            self.password.expose_secret(),
            self.password_confirm.expose_secret(),
        );
        match (email, display_name, language, password) {
            (Some(email), Some(display_name), Some(language), Some(password))
                if errors.is_empty() =>
            {
                Ok(NewAccount {
                    email,
                    display_name,
                    language,
                    password,
                })
            }
            _ => Err(errors),
        }
    }
}

/// Creates the first admin from a setup link and signs them in.
pub async fn complete_setup(
    state: &AppState,
    token: String,
    account: NewAccount,
    replaces: Option<String>,
    address: Option<String>,
) -> Result<(Staff, String, Option<SecondStep>), AppError> {
    let hash = state.passwords.hash(account.password).await?;
    let now = state.now();
    let settings = state.settings.clone();
    state
        .db
        .run(move |conn| {
            write_transaction(conn, |conn| {
                let token_hash = hash_token(&token);
                let now_db = clock::to_db(now);
                let usable = db::staff::count(conn)? == 0
                    && db::account_tokens::find_usable(
                        conn,
                        &token_hash,
                        &[Purpose::Setup],
                        now_db,
                    )?
                    .is_some();
                if !usable || db::account_tokens::mark_used(conn, &token_hash, now_db)? != 1 {
                    return Err(AppError::NotFound);
                }
                let staff = db::staff::insert(
                    conn,
                    &db::staff::NewStaff {
                        id: StaffId::new(),
                        email: account.email.as_str(),
                        display_name: account.display_name.as_str(),
                        role: Role::Admin,
                        language: account.language,
                        password_hash: Some(&hash),
                        now: now_db,
                    },
                )?;
                let audit = AuditContext::new(Some(staff.id), address.clone(), now);
                audit.record(
                    conn,
                    AuditAction::SetupCompleted,
                    staff_target(staff.id),
                    json!({ "role": staff.role, "email": staff.email }),
                )?;
                // A new office requires a second factor: the first admin enrols right away.
                let (session, step) = sessions::start_after_password(
                    conn,
                    &settings.session,
                    &staff,
                    replaces.as_deref(),
                    now,
                )?;
                Ok((staff, session, step))
            })
        })
        .await
}

/// Issues a single-use link with which `staff_id` chooses a password; earlier links die.
pub fn issue_password_link(
    conn: &mut DbConnection,
    settings: &Settings,
    staff_id: StaffId,
    purpose: Purpose,
    now: DateTime<Utc>,
) -> Result<String, diesel::result::Error> {
    let now_db = clock::to_db(now);
    db::account_tokens::retire(
        conn,
        &[Purpose::Invitation, Purpose::PasswordReset],
        Some(staff_id),
        now_db,
    )?;
    let token = random_token();
    let valid_hours = match purpose {
        Purpose::Invitation => settings.passwords.invitation_valid_hours,
        _ => settings.passwords.setup_link_valid_hours,
    };
    db::account_tokens::insert(
        conn,
        &NewAccountToken {
            token_hash: &hash_token(&token),
            purpose,
            staff_id: Some(staff_id),
            now: now_db,
            expires_at: clock::to_db(now + Duration::hours(valid_hours)),
        },
    )?;
    Ok(link(settings, "invitation", &token))
}

/// The active staff member an invitation or reset link is for, if it is still usable.
pub async fn invitation_staff(state: &AppState, token: String) -> Result<Option<Staff>, AppError> {
    let now = clock::to_db(state.now());
    state
        .db
        .run(move |conn| {
            let purposes = [Purpose::Invitation, Purpose::PasswordReset];
            match db::account_tokens::find_usable(conn, &hash_token(&token), &purposes, now)? {
                Some(Some(staff_id)) if !super::lock::is_locked(conn, staff_id)? => {
                    Ok(db::staff::find(conn, staff_id)?.filter(|s| s.active))
                }
                _ => Ok(None),
            }
        })
        .await
}

/// Sets the password chosen through an invitation or reset link and signs the person in.
pub async fn accept_invitation(
    state: &AppState,
    token: String,
    password: NewPassword,
    replaces: Option<String>,
    address: Option<String>,
) -> Result<(Staff, String, Option<SecondStep>), AppError> {
    let hash = state.passwords.hash(password).await?;
    let now = state.now();
    let settings = state.settings.clone();
    state
        .db
        .run(move |conn| {
            write_transaction(conn, |conn| {
                let token_hash = hash_token(&token);
                let now_db = clock::to_db(now);
                let purposes = [Purpose::Invitation, Purpose::PasswordReset];
                let Some(Some(staff_id)) =
                    db::account_tokens::find_usable(conn, &token_hash, &purposes, now_db)?
                else {
                    return Err(AppError::NotFound);
                };
                let staff = db::staff::find(conn, staff_id)?
                    .filter(|s| s.active)
                    .ok_or(AppError::NotFound)?;
                if super::lock::is_locked(conn, staff.id)? {
                    return Err(AppError::NotFound);
                }
                if db::account_tokens::mark_used(conn, &token_hash, now_db)? != 1 {
                    return Err(AppError::NotFound);
                }
                db::staff::set_password_hash(conn, staff.id, Some(&hash), now_db)?;
                sessions::end_all_for_staff(conn, staff.id, now)?;
                AuditContext::new(Some(staff.id), address.clone(), now).record(
                    conn,
                    AuditAction::InvitationAccepted,
                    staff_target(staff.id),
                    json!({}),
                )?;
                let (session, step) = sessions::start_after_password(
                    conn,
                    &settings.session,
                    &staff,
                    replaces.as_deref(),
                    now,
                )?;
                Ok((staff, session, step))
            })
        })
        .await
}

/// Changes one's own password after checking the current one. Every session and API token
/// of the account ends; the caller gets a fresh session.
pub async fn change_password(
    state: &AppState,
    actor: &Staff,
    current: String,
    new: NewPassword,
    address: Option<String>,
) -> Result<String, AppError> {
    let staff_id = actor.id;
    let stored = state
        .db
        .run(move |conn| Ok(db::staff::password_hash(conn, staff_id)?))
        .await?;
    if !state.passwords.verify(current, stored).await? {
        let mut errors = FieldErrors::default();
        errors.push(
            "current_password",
            Message::new("validation-current-password"),
        );
        return Err(AppError::Validation(errors));
    }
    let hash = state.passwords.hash(new).await?;
    let now = state.now();
    let settings = state.settings.clone();
    state
        .db
        .run(move |conn| {
            write_transaction(conn, |conn| {
                db::staff::set_password_hash(conn, staff_id, Some(&hash), clock::to_db(now))?;
                sessions::end_all_for_staff(conn, staff_id, now)?;
                AuditContext::new(Some(staff_id), address.clone(), now).record(
                    conn,
                    AuditAction::PasswordChanged,
                    staff_target(staff_id),
                    json!({}),
                )?;
                Ok(sessions::start_for_staff(
                    conn,
                    &settings.session,
                    staff_id,
                    None,
                    now,
                )?)
            })
        })
        .await
}

/// Changes one's own preferred language.
pub async fn set_language(
    state: &AppState,
    actor: &Staff,
    language: Language,
    address: Option<String>,
) -> Result<Staff, AppError> {
    let staff_id = actor.id;
    let before = actor.language;
    let now = state.now();
    state
        .db
        .run(move |conn| {
            write_transaction(conn, |conn| {
                let changes = db::staff::StaffChanges {
                    language: Some(language),
                    ..Default::default()
                };
                let staff = db::staff::update(conn, staff_id, &changes, clock::to_db(now))?;
                AuditContext::new(Some(staff_id), address.clone(), now).record(
                    conn,
                    AuditAction::AccountUpdated,
                    staff_target(staff_id),
                    json!({ "language": { "before": before, "after": language } }),
                )?;
                Ok(staff)
            })
        })
        .await
}
