//! Who may do what: the one place that decides. Every route calls one of these before it
//! does anything; `docs/permissions.md` is the same table in prose, checked by the tests.

use crate::domain::staff::{Role, Staff};
use crate::error::AppError;

fn allow(allowed: bool) -> Result<(), AppError> {
    if allowed {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

/// Any active staff member: the home page, their own account.
pub fn can_use_app(actor: &Staff) -> Result<(), AppError> {
    allow(actor.active)
}

/// Staff accounts: list, add, change role, deactivate, reset passwords.
pub fn can_manage_staff(actor: &Staff) -> Result<(), AppError> {
    allow(actor.active && actor.role == Role::Admin)
}

/// The office-wide audit log.
pub fn can_read_audit_log(actor: &Staff) -> Result<(), AppError> {
    allow(actor.active && actor.role == Role::Admin)
}
