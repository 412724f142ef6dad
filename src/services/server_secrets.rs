//! Secrets the server draws once and keeps in the database, so that a restart, or a second
//! server sharing the database, keeps accepting what the first one signed.

use chrono::{DateTime, Utc};

use crate::auth::form_token::{FormKey, KEY_NAME};
use crate::clock;
use crate::db::{self, DbConnection};

/// The key that signs anonymous forms' CSRF tokens, drawn on first use.
pub fn form_key(conn: &mut DbConnection, now: DateTime<Utc>) -> anyhow::Result<FormKey> {
    let stored = db::server_secrets::find_or_insert(
        conn,
        KEY_NAME,
        &FormKey::generate_base64(),
        clock::to_db(now),
    )
    .map_err(|e| anyhow::anyhow!("reading the form key: {e}"))?;
    FormKey::from_base64(&stored).ok_or_else(|| {
        anyhow::anyhow!("the stored form key ({KEY_NAME}) is not 32 bytes of base64")
    })
}
