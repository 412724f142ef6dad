//! Nothing typed is ever lost: a form submitted after its session ended (idle timeout,
//! absolute lifetime, logout elsewhere, an unknown session, a stale CSRF token) is held
//! here until its owner signs in again on the same browser, then handed back once to be
//! shown in its form, never saved on its own.
//!
//! Who may have it back: the staff member whose session had ended when it was submitted;
//! when that session was unknown, whoever signs in next on that browser (the held-forms
//! cookie is the only key to it). Held fields are client data: they are never logged, kept
//! at most [`HELD_FOR`], and deleted as soon as they are restored.

use chrono::Duration;

use crate::auth::tokens::{hash_token, random_token};
use crate::clock;
use crate::db::{self, held_forms};
use crate::domain::ids::StaffId;
use crate::error::AppError;
use crate::state::AppState;

/// How long a held submission waits for its owner.
pub const HELD_FOR: Duration = Duration::hours(24);
/// Submissions one client address may have held for nobody in particular (the session was
/// unknown): enough for a person's open tabs, not a way to fill the database.
const MAX_UNOWNED_PER_ADDRESS: i64 = 20;

/// A form submission to hold.
pub struct Submission {
    /// The browser's held-forms cookie, if it already has one.
    pub holder: Option<String>,
    /// The staff member whose session ended, when known.
    pub owner: Option<StaffId>,
    pub address: Option<String>,
    /// The page the form is on, where it will be restored.
    pub page_path: String,
    /// Where the form was posted: which of the page's forms it is.
    pub action_path: String,
    /// The submitted fields, `application/x-www-form-urlencoded`, CSRF token removed.
    pub fields: String,
}

/// A held submission handed back.
#[derive(Debug, Clone)]
pub struct HeldForm {
    pub action_path: String,
    pub fields: Vec<(String, String)>,
}

/// Holds a submission; returns the held-forms cookie value the browser must carry, or
/// `None` when an unowned submission is over the address's cap (it is then not kept).
pub async fn hold(state: &AppState, submission: Submission) -> Result<Option<String>, AppError> {
    let now = clock::to_db(state.now());
    state
        .db
        .run(move |conn| {
            db::write_transaction(conn, |conn| {
                held_forms::delete_expired(conn, now)?;
                if submission.owner.is_none()
                    && held_forms::count_unowned_from(conn, submission.address.as_deref(), now)?
                        >= MAX_UNOWNED_PER_ADDRESS
                {
                    return Ok(None);
                }
                let holder = submission.holder.unwrap_or_else(random_token);
                held_forms::insert(
                    conn,
                    &held_forms::NewHeldForm {
                        holder_hash: &hash_token(&holder),
                        staff_id: submission.owner,
                        address: submission.address.as_deref(),
                        page_path: &submission.page_path,
                        action_path: &submission.action_path,
                        fields: &submission.fields,
                        now,
                        expires_at: now + HELD_FOR,
                    },
                )?;
                Ok(Some(holder))
            })
        })
        .await
}

/// At sign-in: the browser's submissions held for nobody in particular become the signed-in
/// staff member's. (Only a real sign-in does this, so a form planted in a browser whose
/// owner is already signed in is never shown to them.)
pub async fn claim(state: &AppState, holder: String, staff_id: StaffId) -> Result<(), AppError> {
    state
        .db
        .run(move |conn| {
            held_forms::claim_unowned(conn, &hash_token(&holder), staff_id)?;
            Ok(())
        })
        .await
}

/// Takes (and deletes) the newest submission this browser holds for `staff_id` on the page
/// at `page_path`.
pub async fn take(
    state: &AppState,
    holder: String,
    staff_id: StaffId,
    page_path: String,
) -> Result<Option<HeldForm>, AppError> {
    let now = clock::to_db(state.now());
    state
        .db
        .run(move |conn| {
            db::write_transaction(conn, |conn| {
                let Some(row) = held_forms::newest_for_page(
                    conn,
                    &hash_token(&holder),
                    staff_id,
                    &page_path,
                    now,
                )?
                else {
                    return Ok(None);
                };
                held_forms::delete(conn, row.id)?;
                let fields = url::form_urlencoded::parse(row.fields.as_bytes())
                    .into_owned()
                    .collect();
                Ok(Some(HeldForm {
                    action_path: row.action_path,
                    fields,
                }))
            })
        })
        .await
}

/// Deletes every submission past its time; the worker calls this each round.
pub async fn sweep(state: &AppState) -> Result<usize, AppError> {
    let now = clock::to_db(state.now());
    state
        .db
        .run(move |conn| Ok(held_forms::delete_expired(conn, now)?))
        .await
}
