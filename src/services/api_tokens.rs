//! Bearer tokens for the JSON API.

use chrono::{DateTime, Duration, Utc};
use serde_json::json;

use super::audit::{AuditContext, staff_target};
use crate::auth::tokens::{hash_token, random_token};
use crate::clock;
use crate::db::{self, write_transaction};
use crate::domain::audit::AuditAction;
use crate::domain::ids;
use crate::domain::staff::Staff;
use crate::error::AppError;
use crate::state::AppState;

pub struct IssuedToken {
    pub token: String,
    pub expires_at: DateTime<Utc>,
}

/// Issues a token to a staff member who has just authenticated.
pub async fn issue(
    state: &AppState,
    staff: &Staff,
    address: Option<String>,
) -> Result<IssuedToken, AppError> {
    let now = state.now();
    let expires_at = now + Duration::hours(state.settings.api.token_lifetime_hours);
    let staff_id = staff.id;
    let audit = AuditContext::new(Some(staff_id), address, now);
    let token = random_token();
    let token_hash = hash_token(&token);
    let id = ids::new_row_id();
    state
        .db
        .run(move |conn| {
            write_transaction(conn, |conn| {
                db::api_tokens::insert(
                    conn,
                    &db::api_tokens::NewApiToken {
                        id,
                        token_hash: &token_hash,
                        staff_id,
                        now: clock::to_db(now),
                        expires_at: clock::to_db(expires_at),
                    },
                )?;
                audit.record(
                    conn,
                    AuditAction::ApiTokenCreated,
                    staff_target(staff_id),
                    json!({ "token_id": id }),
                )?;
                Ok(())
            })
        })
        .await?;
    Ok(IssuedToken {
        token,
        expires_at: clock::from_db(clock::to_db(expires_at)),
    })
}

pub async fn revoke(
    state: &AppState,
    actor: &Staff,
    token_id: uuid::Uuid,
    address: Option<String>,
) -> Result<(), AppError> {
    let now = state.now();
    let audit = AuditContext::new(Some(actor.id), address, now);
    let staff_id = actor.id;
    state
        .db
        .run(move |conn| {
            write_transaction(conn, |conn| {
                db::api_tokens::revoke(conn, token_id, clock::to_db(now))?;
                audit.record(
                    conn,
                    AuditAction::ApiTokenRevoked,
                    staff_target(staff_id),
                    json!({ "token_id": token_id }),
                )?;
                Ok(())
            })
        })
        .await
}
