//! Group commit for the audit entries of reads. A case view, a search or a case list must
//! not be sent before its audit entry is committed, but readers must not queue for the
//! write lock one by one either: each request hands its entry to one writer thread and
//! awaits the commit; the writer takes every entry waiting at that moment and commits them
//! together in one short write transaction (one `BEGIN IMMEDIATE` and one fsync on SQLite
//! for all of them), on a connection of its own so it never waits for the pool.

use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::Duration;

use chrono::NaiveDateTime;
use tokio::sync::{mpsc, oneshot};

use super::audit_log::{self, NewAuditEntry};
use super::{DatabaseUrl, DbConnection, write_transaction};
use crate::domain::ids::StaffId;
use crate::error::AppError;

/// Most entries committed in one transaction.
const MAX_BATCH: usize = 256;
/// Entries waiting for the writer before requests are told to wait for room.
const QUEUE: usize = 4096;

/// An audit entry that owns its values, to be sent to the writer.
#[derive(Debug, Clone)]
pub struct PendingEntry {
    pub occurred_at: NaiveDateTime,
    pub actor_id: Option<StaffId>,
    pub action: &'static str,
    pub target_type: Option<&'static str>,
    pub target_id: Option<String>,
    pub address: Option<String>,
    pub details: String,
}

impl PendingEntry {
    fn insert(&self, conn: &mut DbConnection) -> Result<(), diesel::result::Error> {
        audit_log::insert(
            conn,
            &NewAuditEntry {
                occurred_at: self.occurred_at,
                actor_id: self.actor_id,
                action: self.action,
                target_type: self.target_type,
                target_id: self.target_id.clone(),
                address: self.address.as_deref(),
                details: self.details.clone(),
                about_demo_data: false,
            },
        )
        .map(|_| ())
    }
}

type Reply = oneshot::Sender<Result<(), String>>;

/// The handle requests commit their entries through; cloned freely.
#[derive(Clone)]
pub struct AuditWriter {
    // Before `_thread`: the last handle closes the channel first, then waits for the writer.
    sender: mpsc::Sender<(PendingEntry, Reply)>,
    _thread: Arc<WriterThread>,
}

/// The writer thread, joined when the last handle is dropped: its connection is closed
/// before the state that owns the writer is gone, never while the process is exiting.
struct WriterThread(Option<JoinHandle<()>>);

impl Drop for WriterThread {
    fn drop(&mut self) {
        if let Some(thread) = self.0.take() {
            // It ends as soon as the channel is closed and its last batch is committed.
            let _ = thread.join();
        }
    }
}

impl AuditWriter {
    /// Starts the writer thread; dropping the last handle ends it and waits for it.
    pub fn start(url: DatabaseUrl) -> Self {
        let (sender, receiver) = mpsc::channel(QUEUE);
        let spawned = std::thread::Builder::new()
            .name("audit_writer".into())
            .spawn(move || run(url, receiver));
        let thread = match spawned {
            Ok(thread) => Some(thread),
            Err(err) => {
                // Without the thread every commit answers an error: no read goes out unaudited.
                tracing::error!(error = %err, "the audit writer could not start");
                None
            }
        };
        Self {
            sender,
            _thread: Arc::new(WriterThread(thread)),
        }
    }

    /// Commits `entry`; returns once it is durable, or with the reason it is not.
    pub async fn commit(&self, entry: PendingEntry) -> Result<(), AppError> {
        let (reply, committed) = oneshot::channel();
        self.sender
            .send((entry, reply))
            .await
            .map_err(|_| AppError::internal(anyhow::anyhow!("the audit writer has stopped")))?;
        match committed.await {
            Ok(Ok(())) => Ok(()),
            Ok(Err(reason)) => Err(AppError::internal(anyhow::anyhow!(
                "audit entry not committed: {reason}"
            ))),
            Err(_) => Err(AppError::internal(anyhow::anyhow!(
                "the audit writer stopped before committing"
            ))),
        }
    }
}

fn run(url: DatabaseUrl, mut receiver: mpsc::Receiver<(PendingEntry, Reply)>) {
    let mut conn: Option<DbConnection> = None;
    let mut batch = Vec::with_capacity(MAX_BATCH);
    while let Some(first) = receiver.blocking_recv() {
        batch.push(first);
        while batch.len() < MAX_BATCH {
            match receiver.try_recv() {
                Ok(next) => batch.push(next),
                Err(_) => break,
            }
        }
        commit_batch(&url, &mut conn, &mut batch);
    }
}

/// Commits the batch in one transaction; if that fails, each entry in a transaction of its
/// own, so that one bad entry fails only its own request.
fn commit_batch(
    url: &DatabaseUrl,
    conn: &mut Option<DbConnection>,
    batch: &mut Vec<(PendingEntry, Reply)>,
) {
    let together = with_connection(url, conn, |c| {
        write_transaction(c, |c| {
            batch.iter().try_for_each(|(entry, _)| entry.insert(c))
        })
    });
    if together.is_ok() || batch.len() == 1 {
        let result = together.map_err(|e| e.to_string());
        for (_, reply) in batch.drain(..) {
            // A request that gave up waiting no longer listens; nothing to tell it.
            let _ = reply.send(result.clone());
        }
        return;
    }
    for (entry, reply) in batch.drain(..) {
        let result = with_connection(url, conn, |c| write_transaction(c, |c| entry.insert(c)))
            .map_err(|e| e.to_string());
        let _ = reply.send(result);
    }
}

/// Runs `f` on the writer's connection, opening it first if needed; a connection that
/// failed is dropped, and the next batch opens a fresh one.
fn with_connection<F>(
    url: &DatabaseUrl,
    conn: &mut Option<DbConnection>,
    f: F,
) -> Result<(), anyhow::Error>
where
    F: FnOnce(&mut DbConnection) -> Result<(), diesel::result::Error>,
{
    if conn.is_none() {
        match super::establish(url) {
            Ok(fresh) => *conn = Some(fresh),
            Err(err) => {
                // Do not spin against a database that is down.
                std::thread::sleep(Duration::from_millis(100));
                return Err(anyhow::anyhow!("cannot connect: {err}"));
            }
        }
    }
    let Some(c) = conn.as_mut() else {
        return Err(anyhow::anyhow!("no connection"));
    };
    let result = f(c);
    if result.is_err() {
        *conn = None;
    }
    result.map_err(anyhow::Error::from)
}
