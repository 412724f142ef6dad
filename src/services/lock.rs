//! The emergency lock, for a lost phone or a laptop taken at a border. Every email to a staff
//! member carries a personal lock link (a fresh single-use token, stored as its hash); the
//! account page hands one out to keep somewhere safe, and the public "Lock my account" page
//! mails one to the address asked for. Opening a link shows a confirmation; confirming
//! locks the account at once: every session, API token and password link ends, and only an
//! admin can unlock it. A lock link can do nothing else: it never signs anyone in.

use chrono::{DateTime, Duration, Utc};
use serde_json::json;

use super::audit::{AuditContext, staff_target};
use super::notifications::Notifier;
use super::sessions;
use crate::auth::policy;
use crate::auth::throttle::{Decision, Forgetting, Limits, count_attempt};
use crate::auth::tokens::{hash_token, random_token};
use crate::clock;
use crate::db::account_tokens::Purpose;
use crate::db::login_throttle::Scope;
use crate::db::{self, DbConnection, write_transaction};
use crate::domain::audit::AuditAction;
use crate::domain::ids::StaffId;
use crate::domain::staff::{Role, Staff};
use crate::email::render::{self, Notice};
use crate::error::{AppError, Message};
use crate::i18n::I18n;
use crate::state::AppState;

/// How long a lock link works. Long: a link in an old email must still lock.
const LINK_VALID_DAYS: i64 = 365;
/// The outbox kind of the message that carries a requested lock link.
pub const LOCK_LINK_MAIL: &str = "lock_link";
/// Requests for a lock link from one address before they are slowed down (doubling delays,
/// at most an hour), and mails to one person before further requests are silently dropped.
const FREE_REQUESTS_PER_ADDRESS: i32 = 5;
const FREE_MAILS_PER_ACCOUNT: i32 = 3;
const MAX_REQUEST_DELAY_SECONDS: i64 = 3600;
/// Request counts older than this are forgotten.
pub(crate) const REQUEST_MEMORY: Duration = Duration::hours(1);

/// Issues a new lock link for `staff_id`; earlier links keep working until one is used.
pub fn issue_link(
    conn: &mut DbConnection,
    base_url: &str,
    staff_id: StaffId,
    now: DateTime<Utc>,
) -> Result<String, diesel::result::Error> {
    let token = random_token();
    db::lock_links::insert(
        conn,
        &hash_token(&token),
        staff_id,
        clock::to_db(now),
        clock::to_db(now + Duration::days(LINK_VALID_DAYS)),
    )?;
    Ok(format!("{base_url}/lock/{token}"))
}

/// A lock link for the account page: shown once, to keep somewhere safe.
pub async fn link_for_account_page(state: &AppState, staff: &Staff) -> Result<String, AppError> {
    policy::can_use_app(staff)?;
    let staff_id = staff.id;
    let base = state.settings.public_url();
    let now = state.now();
    state
        .db
        .run(move |conn| {
            write_transaction(conn, |conn| Ok(issue_link(conn, &base, staff_id, now)?))
        })
        .await
}

/// Whether a lock link is one that would lock an account now.
pub async fn link_is_usable(state: &AppState, token: String) -> Result<bool, AppError> {
    let now = clock::to_db(state.now());
    state
        .db
        .run(move |conn| Ok(db::lock_links::find_usable(conn, &hash_token(&token), now)?.is_some()))
        .await
}

/// Locks the account a lock link is for. `false` if the link is unknown, used or expired.
pub async fn lock_with_link(
    state: &AppState,
    token: String,
    address: Option<String>,
) -> Result<bool, AppError> {
    let now = state.now();
    let notifier = Notifier::of(state);
    let time_zone = state.settings.office.time_zone;
    state
        .db
        .run(move |conn| {
            write_transaction(conn, |conn| {
                let now_db = clock::to_db(now);
                let token_hash = hash_token(&token);
                let Some(staff_id) = db::lock_links::find_usable(conn, &token_hash, now_db)? else {
                    return Ok(false);
                };
                if db::lock_links::mark_used(conn, &token_hash, now_db)? != 1 {
                    return Ok(false);
                }
                let Some(staff) = db::staff::find(conn, staff_id)? else {
                    return Ok(false);
                };
                let newly = db::staff_access::lock(conn, staff_id, now_db, address.as_deref())?;
                // Everything that lets anyone in ends, and every other lock link of the
                // person with it (rotated: new mail brings new ones).
                sessions::end_all_for_staff(conn, staff_id, now)?;
                db::lock_links::retire_for_staff(conn, staff_id, now_db)?;
                db::account_tokens::retire(
                    conn,
                    &[Purpose::Invitation, Purpose::PasswordReset],
                    Some(staff_id),
                    now_db,
                )?;
                if newly {
                    AuditContext::new(None, address.clone(), now).record(
                        conn,
                        AuditAction::AccountLocked,
                        staff_target(staff_id),
                        json!({}),
                    )?;
                    tell_admins(conn, &notifier, &staff, address.as_deref(), now, time_zone)?;
                }
                Ok(true)
            })
        })
        .await
}

/// Mails every active admin that `locked` was locked, with a link to unlock it.
fn tell_admins(
    conn: &mut DbConnection,
    notifier: &Notifier,
    locked: &Staff,
    address: Option<&str>,
    now: DateTime<Utc>,
    time_zone: chrono_tz::Tz,
) -> Result<(), AppError> {
    let base = notifier.base_url().to_string();
    for admin in db::staff::list(conn)?
        .into_iter()
        .filter(|s| s.active && s.role == Role::Admin)
    {
        let i18n = I18n::new(admin.language);
        let notice = Notice {
            headline: i18n.message(
                &Message::new("email-account-locked")
                    .with("name", &locked.display_name)
                    .with("time", clock::office_time(&now, time_zone))
                    .with("address", address.unwrap_or("?")),
            ),
            lines: vec![i18n.t("email-account-locked-unlock")],
            links: vec![(
                locked.display_name.clone(),
                format!("{base}/admin/staff/{}", locked.id),
            )],
        };
        let message = render::plain(
            &i18n,
            &admin.display_name,
            i18n.t("email-subject-account-locked"),
            notice,
            &base,
        )
        .map_err(AppError::internal)?;
        notifier.enqueue(conn, &admin, "account_locked", None, &message)?;
    }
    Ok(())
}

/// An admin unlocks a locked account; the person signs in again with their password.
pub async fn unlock(
    state: &AppState,
    admin: &Staff,
    target: StaffId,
    address: Option<String>,
) -> Result<(), AppError> {
    policy::can_manage_staff(admin)?;
    let audit = AuditContext::new(Some(admin.id), address, state.now());
    state
        .db
        .run(move |conn| {
            write_transaction(conn, |conn| {
                if db::staff::find(conn, target)?.is_none() {
                    return Err(AppError::NotFound);
                }
                if db::staff_access::unlock(conn, target)? {
                    audit.record(
                        conn,
                        AuditAction::AccountUnlocked,
                        staff_target(target),
                        json!({}),
                    )?;
                }
                Ok(())
            })
        })
        .await
}

/// When the account was locked, if it is.
pub async fn locked_since(
    state: &AppState,
    staff_id: StaffId,
) -> Result<Option<DateTime<Utc>>, AppError> {
    state
        .db
        .run(move |conn| Ok(db::staff_access::locked_at(conn, staff_id)?.map(clock::from_db)))
        .await
}

/// Counts one request under `key` (the sign-in throttle's counters and rule, under keys of
/// their own); the seconds to wait if it is over its allowance.
fn count_request(
    conn: &mut DbConnection,
    scope: Scope,
    key: &str,
    free: i32,
    now: DateTime<Utc>,
) -> Result<Option<i64>, diesel::result::Error> {
    let now_db = clock::to_db(now);
    let limits = Limits {
        free: free + 1,
        max_delay_seconds: MAX_REQUEST_DELAY_SECONDS,
        forgetting: Forgetting::AllAfterQuiet(REQUEST_MEMORY),
    };
    let counter = db::login_throttle::lock(conn, scope, key, now_db)?;
    match count_attempt(counter, &limits, now_db) {
        (
            Decision::Wait {
                retry_after_seconds,
            },
            _,
        ) => Ok(Some(retry_after_seconds)),
        (Decision::Proceed, next) => {
            db::login_throttle::store(conn, scope, key, &next)?;
            Ok(None)
        }
    }
}

/// The public "Lock my account" page: mails a fresh lock link to the staff member with this
/// email, if there is one. The answer is the same whatever the email; only the number of
/// requests from one address is told (as a wait), never whether the address is known.
pub async fn request_link(
    state: &AppState,
    email: &str,
    address: Option<String>,
) -> Result<Option<i64>, AppError> {
    let email = email.trim().to_lowercase();
    let now = state.now();
    let notifier = Notifier::of(state);
    state
        .db
        .run(move |conn| {
            write_transaction(conn, |conn| {
                let address_key = hash_token(&format!(
                    "lock-request:{}",
                    address.as_deref().unwrap_or("unknown")
                ));
                if let Some(wait) = count_request(
                    conn,
                    Scope::Address,
                    &address_key,
                    FREE_REQUESTS_PER_ADDRESS,
                    now,
                )? {
                    return Ok(Some(wait));
                }
                if crate::domain::text::check_line(&email).is_err() {
                    return Ok(None);
                }
                let Some(staff) = db::staff::find_by_email(conn, &email)?.filter(|s| s.active)
                else {
                    return Ok(None);
                };
                let account_key = hash_token(&format!("lock-request:{}", staff.id));
                if count_request(
                    conn,
                    Scope::Account,
                    &account_key,
                    FREE_MAILS_PER_ACCOUNT,
                    now,
                )?
                .is_some()
                {
                    // Someone is filling the person's mailbox: stop mailing, say nothing.
                    return Ok(None);
                }
                let link = issue_link(conn, notifier.base_url(), staff.id, now)?;
                let i18n = I18n::new(staff.language);
                let notice = Notice {
                    headline: i18n.t("email-lock-link-intro"),
                    lines: vec![i18n.t("email-lock-link-not-you")],
                    links: vec![(i18n.t("email-lock-link-label"), link)],
                };
                let message = render::plain(
                    &i18n,
                    &staff.display_name,
                    i18n.t("email-subject-lock-link"),
                    notice,
                    notifier.base_url(),
                )
                .map_err(AppError::internal)?;
                notifier.enqueue(conn, &staff, LOCK_LINK_MAIL, None, &message)?;
                AuditContext::new(None, address.clone(), now).record(
                    conn,
                    AuditAction::AccountLockLinkRequested,
                    staff_target(staff.id),
                    json!({}),
                )?;
                Ok(None)
            })
        })
        .await
}

/// Whether the account is locked, inside a sign-in's transaction.
pub fn is_locked(
    conn: &mut DbConnection,
    staff_id: StaffId,
) -> Result<bool, diesel::result::Error> {
    Ok(db::staff_access::locked_at(conn, staff_id)?.is_some())
}
