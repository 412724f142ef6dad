//! Bringing every sealed value under the current data key: after `refuge keys rotate` adds
//! a key, and for rows written before field encryption existed (plaintext). Batches of
//! short transactions; a run can stop at any point and the next one goes on where it
//! stopped, since values already under the current key are not selected again.

use crate::crypto::Keyring;
use crate::db::DbConnection;
use crate::db::resealing::{self, ResealError, SEALED_COLUMNS};

/// Values re-sealed per transaction: short enough that the server's writers wait little.
pub const BATCH: i64 = 200;

/// How many values are not yet sealed under the current key.
pub fn pending(conn: &mut DbConnection, keys: &Keyring) -> Result<i64, ResealError> {
    let mut total = 0;
    for column in SEALED_COLUMNS {
        total += resealing::pending(conn, column, keys)?;
    }
    Ok(total)
}

/// Re-seals every value not under the current key; `progress` is told after each batch
/// how many values it held. Returns how many values were re-sealed.
pub fn reseal_all(
    conn: &mut DbConnection,
    keys: &Keyring,
    progress: &mut dyn FnMut(u64),
) -> Result<u64, ResealError> {
    let mut done = 0u64;
    for column in SEALED_COLUMNS {
        let mut after = None;
        loop {
            let batch = resealing::reseal_batch(conn, column, keys, after, BATCH)?;
            let Some(last) = batch.last else {
                break;
            };
            after = Some(last);
            done += batch.updated as u64;
            progress(batch.updated as u64);
        }
    }
    Ok(done)
}

/// At start (`refuge migrate`, the server): seals what is not yet under the current key —
/// rows written before field encryption, or left by an interrupted rotation.
pub fn seal_leftovers(conn: &mut DbConnection, keys: &Keyring) -> Result<u64, ResealError> {
    let done = reseal_all(conn, keys, &mut |_| {})?;
    if done > 0 {
        tracing::info!(
            values = done,
            key = %keys.current_id(),
            "encrypted values sealed under the current data key"
        );
    }
    Ok(done)
}
