//! Staff administration: list, add, change, deactivate, reset passwords. Admins only, and
//! never leaving the office without an active admin.

use serde_json::{Map, Value, json};

use super::accounts::issue_password_link;
use super::audit::{AuditContext, staff_target};
use super::sessions;
use crate::auth::policy;
use crate::clock;
use crate::db::account_tokens::Purpose;
use crate::db::staff::StaffChanges;
use crate::db::{self, DbConnection, write_transaction};
use crate::domain::audit::AuditAction;
use crate::domain::ids::StaffId;
use crate::domain::password::NewPassword;
use crate::domain::staff::{AccountStatus, DisplayName, Role, Staff, StaffEmail};
use crate::error::{AppError, FieldErrors, Message};
use crate::i18n::Language;
use crate::state::AppState;

pub async fn list(state: &AppState, actor: &Staff) -> Result<Vec<Staff>, AppError> {
    policy::can_manage_staff(actor)?;
    state.db.run(|conn| Ok(db::staff::list(conn)?)).await
}

/// Every account with where it stands (invited, reset, active, deactivated).
pub async fn roster(
    state: &AppState,
    actor: &Staff,
) -> Result<Vec<(Staff, AccountStatus)>, AppError> {
    policy::can_manage_staff(actor)?;
    let now = clock::to_db(state.now());
    state
        .db
        .run(move |conn| Ok(db::staff::list_with_status(conn, now)?))
        .await
}

pub async fn get(state: &AppState, actor: &Staff, id: StaffId) -> Result<Staff, AppError> {
    policy::can_manage_staff(actor)?;
    state
        .db
        .run(move |conn| db::staff::find(conn, id)?.ok_or(AppError::NotFound))
        .await
}

/// A new staff member: either with a password set by the admin, or invited by a link.
pub struct NewStaffMember {
    pub email: StaffEmail,
    pub display_name: DisplayName,
    pub role: Role,
    pub language: Language,
    pub password: Option<NewPassword>,
}

impl NewStaffMember {
    /// Parses the typed fields; `password` empty means "send an invitation link".
    pub fn parse(
        email: &str,
        display_name: &str,
        role: &str,
        language: &str,
        password: Option<&str>,
    ) -> Result<Self, FieldErrors> {
        let mut errors = FieldErrors::default();
        let email = errors.check("email", StaffEmail::parse(email));
        let display_name = errors.check("display_name", DisplayName::parse(display_name));
        let role = errors.check("role", role.parse::<Role>());
        let language = errors.check(
            "language",
            Language::parse_staff(language).ok_or(Message::new("validation-language")),
        );
        let password = match password.filter(|p| !p.is_empty()) {
            Some(p) => errors.check("password", NewPassword::parse(p)).map(Some),
            None => Some(None),
        };
        match (email, display_name, role, language, password) {
            (Some(email), Some(display_name), Some(role), Some(language), Some(password))
                if errors.is_empty() =>
            {
                Ok(Self {
                    email,
                    display_name,
                    role,
                    language,
                    password,
                })
            }
            _ => Err(errors),
        }
    }
}

/// The new account and, when no password was set, the invitation link to hand over.
pub async fn create(
    state: &AppState,
    actor: &Staff,
    new: NewStaffMember,
    address: Option<String>,
) -> Result<(Staff, Option<String>), AppError> {
    policy::can_manage_staff(actor)?;
    let audit = AuditContext::new(Some(actor.id), address, state.now());
    create_as(state, audit, new).await
}

/// Creates an account on behalf of whoever `audit` names; callers have authorized it
/// (the policy for staff, shell access for the operator's command line).
pub async fn create_as(
    state: &AppState,
    audit: AuditContext,
    new: NewStaffMember,
) -> Result<(Staff, Option<String>), AppError> {
    let hash = match new.password {
        Some(password) => Some(state.passwords.hash(password).await?),
        None => None,
    };
    let now = audit.at;
    let settings = state.settings.clone();
    state
        .db
        .run(move |conn| {
            write_transaction(conn, |conn| {
                if db::staff::find_by_email(conn, new.email.as_str())?.is_some() {
                    let mut errors = FieldErrors::default();
                    errors.push("email", Message::new("validation-email-taken"));
                    return Err(AppError::Validation(errors));
                }
                let staff = db::staff::insert(
                    conn,
                    &db::staff::NewStaff {
                        id: StaffId::new(),
                        email: new.email.as_str(),
                        display_name: new.display_name.as_str(),
                        role: new.role,
                        language: new.language,
                        password_hash: hash.as_deref(),
                        now: clock::to_db(now),
                    },
                )?;
                let invitation = match hash {
                    Some(_) => None,
                    None => Some(issue_password_link(
                        conn,
                        &settings,
                        staff.id,
                        Purpose::Invitation,
                        now,
                    )?),
                };
                audit.record(
                    conn,
                    AuditAction::StaffCreated,
                    staff_target(staff.id),
                    json!({
                        "email": staff.email,
                        "display_name": staff.display_name,
                        "role": staff.role,
                        "language": staff.language,
                        "invited": invitation.is_some(),
                    }),
                )?;
                Ok((staff, invitation))
            })
        })
        .await
}

/// Refuses a change that would leave no active admin.
fn keep_an_admin(
    conn: &mut DbConnection,
    target: &Staff,
    changes: &StaffChanges,
) -> Result<(), AppError> {
    let stays_admin = changes.role.unwrap_or(target.role) == Role::Admin;
    let stays_active = changes.active.unwrap_or(target.active);
    let was_active_admin = target.role == Role::Admin && target.active;
    if was_active_admin && !(stays_admin && stays_active) {
        // Without the lock, two admins demoting each other at once would each still count
        // the other (PostgreSQL, read committed) and leave the office without an admin.
        db::staff::lock_active_admins(conn)?;
        if db::staff::count_active_admins(conn)? <= 1 {
            return Err(AppError::Conflict(Message::new("staff-last-admin")));
        }
    }
    Ok(())
}

fn diff(before: &Staff, after: &Staff) -> Value {
    let mut changed = Map::new();
    let mut field = |name: &str, a: Value, b: Value| {
        if a != b {
            changed.insert(name.to_string(), json!({ "before": a, "after": b }));
        }
    };
    field(
        "display_name",
        json!(before.display_name),
        json!(after.display_name),
    );
    field("role", json!(before.role), json!(after.role));
    field("language", json!(before.language), json!(after.language));
    field("active", json!(before.active), json!(after.active));
    Value::Object(changed)
}

/// Applies changes to a staff account. Deactivation ends the person's sessions and tokens
/// at once, in the same transaction.
pub async fn update(
    state: &AppState,
    actor: &Staff,
    id: StaffId,
    changes: StaffChanges,
    address: Option<String>,
) -> Result<Staff, AppError> {
    policy::can_manage_staff(actor)?;
    let audit = AuditContext::new(Some(actor.id), address, state.now());
    update_as(state, audit, id, changes).await
}

/// Applies changes on behalf of whoever `audit` names; callers have authorized it.
pub async fn update_as(
    state: &AppState,
    audit: AuditContext,
    id: StaffId,
    changes: StaffChanges,
) -> Result<Staff, AppError> {
    let now = audit.at;
    state
        .db
        .run(move |conn| {
            write_transaction(conn, |conn| {
                let before = db::staff::find(conn, id)?.ok_or(AppError::NotFound)?;
                keep_an_admin(conn, &before, &changes)?;
                let after = db::staff::update(conn, id, &changes, clock::to_db(now))?;
                let changed = diff(&before, &after);
                if changed.as_object().is_some_and(|c| c.is_empty()) {
                    return Ok(after);
                }
                let action = match (before.active, after.active) {
                    (true, false) => AuditAction::StaffDeactivated,
                    (false, true) => AuditAction::StaffReactivated,
                    _ => AuditAction::StaffUpdated,
                };
                if !after.active {
                    sessions::end_all_for_staff(conn, id, now)?;
                }
                audit.record(conn, action, staff_target(id), changed)?;
                Ok(after)
            })
        })
        .await
}

/// Clears a password, ends the account's sessions and tokens, and returns a link with which
/// the person chooses a new one.
pub async fn reset_password(
    state: &AppState,
    actor: &Staff,
    id: StaffId,
    address: Option<String>,
) -> Result<String, AppError> {
    policy::can_manage_staff(actor)?;
    let now = state.now();
    let audit = AuditContext::new(Some(actor.id), address, now);
    let settings = state.settings.clone();
    state
        .db
        .run(move |conn| {
            write_transaction(conn, |conn| {
                let target = db::staff::find(conn, id)?.ok_or(AppError::NotFound)?;
                db::staff::set_password_hash(conn, target.id, None, clock::to_db(now))?;
                sessions::end_all_for_staff(conn, target.id, now)?;
                let link =
                    issue_password_link(conn, &settings, target.id, Purpose::PasswordReset, now)?;
                audit.record(
                    conn,
                    AuditAction::StaffPasswordReset,
                    staff_target(target.id),
                    json!({}),
                )?;
                Ok(link)
            })
        })
        .await
}
