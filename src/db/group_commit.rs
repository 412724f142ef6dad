//! Group commit on SQLite. SQLite lets one writer in at a time and syncs the log at every
//! commit, so writes that each commit on their own queue for the lock and pay a sync apiece.
//! Instead, requests hand their writes to one writer thread and await the commit; the
//! writer takes every write waiting at that moment and commits them together in one
//! transaction (one `BEGIN IMMEDIATE` and one sync for all of them), each in a savepoint of
//! its own so that one that fails rolls back alone. A write alone in its batch needs no
//! savepoint: if it fails, the transaction is rolled back (SQLite prepares every `SAVEPOINT`
//! and `RELEASE` anew, and under a steady load most batches hold one write). The writer runs
//! on a connection of its own, so it never waits for the pool.
//!
//! The audit entries of reads come this way (a case view, a search or a case list is not
//! sent before its entry is committed, and readers must not queue for the lock one by one),
//! and so do writes that carry their own work ([`GroupCommit::write`]). A batch's entries
//! are appended together, as its first write ([`audit_log::insert_all`]: the chain's head
//! and the demo-data check once for all of them, no savepoint each); only if that fails is
//! each appended again on its own, so that an entry the database refuses fails its read alone.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::Duration;

use chrono::NaiveDateTime;
use diesel::Connection;
use diesel::connection::TransactionManager;
use tokio::sync::{mpsc, oneshot};

use super::audit_log::{self, NewAuditEntry};
use super::{DatabaseUrl, DbConnection, sealed, write_transaction};
use crate::crypto::Keyring;
use crate::domain::ids::StaffId;
use crate::error::AppError;

/// Most writes committed in one transaction.
const MAX_BATCH: usize = 256;
/// Writes waiting for the writer before requests are told to wait for room.
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
    fn row(&self) -> NewAuditEntry<'_> {
        NewAuditEntry {
            occurred_at: self.occurred_at,
            actor_id: self.actor_id,
            action: self.action,
            target_type: self.target_type,
            target_id: self.target_id.clone(),
            address: self.address.as_deref(),
            details: self.details.clone(),
            about_demo_data: false,
        }
    }
}

/// What requests hand to the writer.
enum Work {
    /// The audit entry of a read: a batch's entries are appended together, as one write.
    Entry(PendingEntry, oneshot::Sender<Result<(), AppError>>),
    Write(Write),
}

/// One write, run on the writer's connection inside the batch's transaction, told whether it
/// is alone in its batch; it answers whether it failed, and how to tell its caller the
/// outcome once the batch has committed, or failed to.
type Write = Box<dyn FnOnce(&mut DbConnection, Alone) -> (Failed, Delivery) + Send>;
/// Whether a write is the only one in its batch.
type Alone = bool;
/// Whether a write returned an error.
type Failed = bool;
/// Called once the batch's fate is known: `Ok` if it committed, otherwise the reason.
type Delivery = Box<dyn FnOnce(Result<(), &str>) + Send>;

/// The handle requests commit their writes through; cloned freely.
#[derive(Clone)]
pub struct GroupCommit {
    // Before `_thread`: the last handle closes the channel first, then waits for the writer.
    sender: mpsc::Sender<Work>,
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

impl GroupCommit {
    /// Starts the writer thread, which opens sealed columns with `keys`; dropping the last
    /// handle ends it and waits for it.
    pub fn start(url: DatabaseUrl, keys: Arc<Keyring>) -> Self {
        let (sender, receiver) = mpsc::channel(QUEUE);
        let spawned = std::thread::Builder::new()
            .name("group_commit".into())
            .spawn(move || {
                let _keys = sealed::enter(keys);
                run(url, receiver)
            });
        let thread = match spawned {
            Ok(thread) => Some(thread),
            Err(err) => {
                // Without the thread every commit answers an error: nothing goes out unwritten.
                tracing::error!(error = %err, "the group-commit writer could not start");
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
        let (reply, outcome) = oneshot::channel();
        self.send(Work::Entry(entry, reply)).await?;
        outcome.await.map_err(|_| {
            AppError::internal(anyhow::anyhow!("the writer stopped before committing"))
        })?
    }

    /// Runs `f` in the next group's transaction, in a savepoint of its own unless it is alone
    /// there, and returns its value once the group has committed. An error from `f` rolls
    /// back `f`'s writes alone.
    pub async fn write<T, F>(&self, f: F) -> Result<T, AppError>
    where
        F: FnOnce(&mut DbConnection) -> Result<T, AppError> + Send + 'static,
        T: Send + 'static,
    {
        let (reply, outcome) = oneshot::channel();
        let write: Write = Box::new(move |conn, alone| {
            let result = if alone { f(conn) } else { conn.transaction(f) };
            let failed = result.is_err();
            let delivery: Delivery = Box::new(move |committed| {
                let answer = match (result, committed) {
                    (Err(err), _) => Err(err),
                    (Ok(value), Ok(())) => Ok(value),
                    (Ok(_), Err(reason)) => Err(AppError::internal(anyhow::anyhow!(
                        "write not committed: {reason}"
                    ))),
                };
                // A request that gave up waiting no longer listens; nothing to tell it.
                let _ = reply.send(answer);
            });
            (failed, delivery)
        });
        self.send(Work::Write(write)).await?;
        outcome.await.map_err(|_| {
            AppError::internal(anyhow::anyhow!("the writer stopped before committing"))
        })?
    }

    async fn send(&self, work: Work) -> Result<(), AppError> {
        self.sender
            .send(work)
            .await
            .map_err(|_| AppError::internal(anyhow::anyhow!("the writer has stopped")))
    }
}

fn run(url: DatabaseUrl, mut receiver: mpsc::Receiver<Work>) {
    let mut conn: Option<DbConnection> = None;
    let mut waiting = Vec::with_capacity(MAX_BATCH);
    let mut entries = Vec::with_capacity(MAX_BATCH);
    let mut batch = Vec::with_capacity(MAX_BATCH);
    while let Some(first) = receiver.blocking_recv() {
        waiting.push(first);
        while waiting.len() < MAX_BATCH {
            match receiver.try_recv() {
                Ok(next) => waiting.push(next),
                Err(_) => break,
            }
        }
        for work in waiting.drain(..) {
            match work {
                Work::Entry(entry, reply) => entries.push((entry, reply)),
                Work::Write(write) => batch.push(write),
            }
        }
        if !entries.is_empty() {
            batch.insert(0, append_together(std::mem::take(&mut entries)));
        }
        commit_batch(&url, &mut conn, &mut batch);
    }
}

/// The batch's audit entries of reads as one write, appended in one go
/// ([`audit_log::insert_all`]). Should that fail, each is appended again in a savepoint of
/// its own, so that one entry the database refuses (its actor deleted meanwhile, say) fails
/// its own read alone; the write fails only when every entry does.
fn append_together(entries: Vec<(PendingEntry, oneshot::Sender<Result<(), AppError>>)>) -> Write {
    let (entries, replies): (Vec<_>, Vec<_>) = entries.into_iter().unzip();
    Box::new(move |conn, alone| {
        let append = |c: &mut DbConnection| {
            let rows: Vec<NewAuditEntry<'_>> = entries.iter().map(PendingEntry::row).collect();
            audit_log::insert_all(c, &rows)
        };
        // Without a savepoint a failure would leave nothing to go back to, so only a lone
        // entry alone in its batch goes without one.
        let outcomes: Vec<Result<(), String>> = match entries.as_slice() {
            [_] if alone => vec![append(conn).map_err(|err| err.to_string())],
            _ => match conn.transaction(append) {
                Ok(()) => vec![Ok(()); entries.len()],
                Err(_) => entries
                    .iter()
                    .map(|entry| {
                        conn.transaction(|c| audit_log::insert(c, &entry.row()).map(|_| ()))
                            .map_err(|err| err.to_string())
                    })
                    .collect(),
            },
        };
        let failed = outcomes.iter().all(Result::is_err);
        let delivery: Delivery = Box::new(move |committed| {
            for (reply, outcome) in replies.into_iter().zip(outcomes) {
                let answer = match (outcome, committed) {
                    (Err(err), _) => Err(AppError::internal(anyhow::anyhow!(
                        "audit entry not appended: {err}"
                    ))),
                    (Ok(()), Ok(())) => Ok(()),
                    (Ok(()), Err(reason)) => Err(AppError::internal(anyhow::anyhow!(
                        "write not committed: {reason}"
                    ))),
                };
                let _ = reply.send(answer);
            }
        });
        (failed, delivery)
    })
}

/// Runs the batch's writes in one transaction and tells each caller the outcome. A write
/// that panics, or that leaves the transaction other than it found it (a savepoint that
/// could not be rolled back, a transaction SQLite rolled back by itself after an I/O error),
/// fails the whole batch: nothing of it is committed, every caller hears so, and the
/// connection is opened afresh. A write alone in its batch runs without a savepoint; when it
/// fails, the transaction is rolled back and the connection kept.
fn commit_batch(url: &DatabaseUrl, conn: &mut Option<DbConnection>, batch: &mut Vec<Write>) {
    let mut deliveries: Vec<Delivery> = Vec::with_capacity(batch.len());
    let alone = batch.len() == 1;
    let outcome = with_connection(url, conn, |c| {
        write_transaction(c, |c| {
            for work in batch.drain(..) {
                match catch_unwind(AssertUnwindSafe(|| work(c, alone))) {
                    Ok((failed, delivery)) => {
                        deliveries.push(delivery);
                        if failed && alone {
                            return Err(WriteFailed::AloneFailed);
                        }
                    }
                    Err(_) => return Err(WriteFailed::Panicked),
                }
                if transaction_depth(c)? != Some(1) {
                    return Err(WriteFailed::TransactionBroken);
                }
            }
            Ok(())
        })
    });
    // Writes never run (no connection, no write turn, a failed BEGIN, or behind a write
    // that broke the batch) are dropped here: their callers hear that nothing was committed.
    batch.clear();
    let reason = outcome.err().map(|err| err.to_string());
    for delivery in deliveries {
        delivery(reason.as_deref().map_or(Ok(()), Err));
    }
}

/// How many transactions and savepoints are open on `conn`, by diesel's count; an error if
/// diesel knows the transaction must be rolled back.
fn transaction_depth(conn: &mut DbConnection) -> Result<Option<u32>, diesel::result::Error> {
    <DbConnection as Connection>::TransactionManager::transaction_manager_status_mut(conn)
        .transaction_depth()
        .map(|depth| depth.map(std::num::NonZeroU32::get))
}

#[derive(Debug, thiserror::Error)]
enum WriteFailed {
    #[error(transparent)]
    Database(#[from] diesel::result::Error),
    #[error("a write in the batch panicked")]
    Panicked,
    #[error("a write in the batch left its transaction broken")]
    TransactionBroken,
    /// The batch's one write failed; its caller hears its own error.
    #[error("the batch's only write failed")]
    AloneFailed,
}

/// Runs `f` on the writer's connection, opening it first if needed; a connection that
/// failed is dropped, and the next batch opens a fresh one.
fn with_connection<F>(
    url: &DatabaseUrl,
    conn: &mut Option<DbConnection>,
    f: F,
) -> Result<(), anyhow::Error>
where
    F: FnOnce(&mut DbConnection) -> Result<(), WriteFailed>,
{
    if conn.is_none() {
        match super::establish_writer(url) {
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
    // A write's own failure leaves the connection as good as it found it.
    if result
        .as_ref()
        .is_err_and(|err| !matches!(err, WriteFailed::AloneFailed))
    {
        *conn = None;
    }
    result.map_err(anyhow::Error::from)
}

#[cfg(test)]
mod tests {
    use diesel::RunQueryDsl;
    use diesel::connection::SimpleConnection;
    use diesel::sql_types::Text;

    use super::*;

    #[derive(diesel::QueryableByName)]
    struct Name {
        #[diesel(sql_type = Text)]
        name: String,
    }

    fn insert(conn: &mut DbConnection, name: &str) -> Result<(), AppError> {
        diesel::sql_query("INSERT INTO t (name) VALUES (?)")
            .bind::<Text, _>(name)
            .execute(conn)?;
        Ok(())
    }

    /// A new database with a table `t`, a connection to it, and a writer.
    fn database() -> (tempfile::TempDir, DbConnection, GroupCommit) {
        let dir = tempfile::tempdir().expect("temporary directory");
        let path = dir.path().join("refuge.db");
        let url = DatabaseUrl::parse(path.to_str().expect("utf-8 path")).expect("url");
        let mut conn = super::super::establish(&url).expect("connection");
        conn.batch_execute("CREATE TABLE t (name TEXT NOT NULL)")
            .expect("table");
        (
            dir,
            conn,
            GroupCommit::start(url, Arc::new(Keyring::none())),
        )
    }

    /// Where a write stops: the test hears on `reached` when the write gets there, and the
    /// write goes on once the test sends on `open`.
    struct Gate {
        reached: std::sync::mpsc::Receiver<()>,
        open: std::sync::mpsc::Sender<()>,
    }

    /// A gate and the hook a write calls to stop at it.
    fn gate() -> (Box<dyn FnOnce() + Send>, Gate) {
        let (arrive, reached) = std::sync::mpsc::channel();
        let (open, opened) = std::sync::mpsc::channel::<()>();
        let stop = Box::new(move || {
            arrive.send(()).expect("test waits");
            opened.recv().expect("test opens the gate");
        });
        (stop, Gate { reached, open })
    }

    fn names(conn: &mut DbConnection) -> Vec<String> {
        diesel::sql_query("SELECT name FROM t ORDER BY rowid")
            .load::<Name>(conn)
            .expect("read")
            .into_iter()
            .map(|row| row.name)
            .collect()
    }

    /// Writes queued together commit in one transaction; the one that fails rolls back its
    /// own insert alone and answers its own error, and the others' values come back.
    #[tokio::test]
    async fn writes_commit_together_and_a_failing_one_rolls_back_alone() {
        let (_dir, mut conn, writer) = database();
        let write = |name: &'static str, before: Box<dyn FnOnce() + Send>| {
            let writer = writer.clone();
            tokio::spawn(async move {
                writer
                    .write(move |conn| {
                        before();
                        insert(conn, name)?;
                        if name == "failed" {
                            return Err(AppError::NotFound);
                        }
                        Ok(name.len())
                    })
                    .await
            })
        };

        // The first write holds the writer until the others are queued behind it, so that
        // they make the next batch.
        let (stop, first_gate) = gate();
        let first = write("first", stop);
        tokio::time::sleep(Duration::from_millis(100)).await;
        first_gate.reached.recv().expect("first write runs");
        let kept = write("kept", Box::new(|| ()));
        let failed = write("failed", Box::new(|| ()));
        // The last one stops before its insert, until this test has looked from outside.
        let (stop, last_gate) = gate();
        let last = write("also kept", stop);
        tokio::time::sleep(Duration::from_millis(200)).await;
        first_gate.open.send(()).expect("first write waits");
        last_gate.reached.recv().expect("last write runs");
        // "kept" ran before in the same batch, which has not committed yet.
        assert_eq!(names(&mut conn), ["first"]);
        last_gate.open.send(()).expect("last write waits");

        assert!(matches!(first.await.expect("joined"), Ok(5)));
        assert!(matches!(kept.await.expect("joined"), Ok(4)));
        assert!(matches!(
            failed.await.expect("joined"),
            Err(AppError::NotFound)
        ));
        assert!(matches!(last.await.expect("joined"), Ok(9)));
        assert_eq!(names(&mut conn), ["first", "kept", "also kept"]);
        drop(writer);
    }

    /// A batch's entries of reads are appended together, before its writes, and the chain
    /// stays whole with a write beside them that appends an entry of its own. An entry the
    /// database refuses fails its own read alone: the other entry and the write commit.
    #[tokio::test]
    async fn a_batchs_entries_are_appended_together_and_a_refused_one_fails_alone() {
        let (_dir, mut conn, writer) = database();
        super::super::run_migrations(&mut conn).expect("migrations");
        let entry = |target: &str| PendingEntry {
            occurred_at: chrono::Utc::now().naive_utc(),
            actor_id: None,
            action: "case.viewed",
            target_type: Some("case"),
            target_id: Some(target.to_string()),
            address: None,
            details: "{}".into(),
        };
        let viewed = |conn: &mut DbConnection| -> Vec<String> {
            use crate::db::schema::audit_log;
            use diesel::prelude::*;
            audit_log::table
                .filter(audit_log::action.eq("case.viewed"))
                .order(audit_log::id)
                .select(audit_log::target_id.assume_not_null())
                .load(conn)
                .expect("entries")
        };
        // Two entries and a write queued behind a write that holds the writer: one batch.
        let batch = |first: &'static str, kept: &'static str| {
            let writer = writer.clone();
            async move {
                let (stop, gate) = gate();
                let held = {
                    let writer = writer.clone();
                    tokio::spawn(async move {
                        writer
                            .write(move |conn| {
                                stop();
                                insert(conn, first)
                            })
                            .await
                    })
                };
                let gate = tokio::task::spawn_blocking(move || {
                    gate.reached.recv().expect("the first write runs");
                    gate
                })
                .await
                .expect("joined");
                let entries = [entry("a"), entry("b")].map(|e| {
                    let writer = writer.clone();
                    tokio::spawn(async move { writer.commit(e).await })
                });
                let write = {
                    let writer = writer.clone();
                    tokio::spawn(async move {
                        writer
                            .write(move |conn| {
                                insert(conn, kept)?;
                                let own = PendingEntry {
                                    action: "case.updated",
                                    ..entry(kept)
                                };
                                audit_log::insert(conn, &own.row())?;
                                Ok(())
                            })
                            .await
                    })
                };
                tokio::time::sleep(Duration::from_millis(200)).await;
                gate.open.send(()).expect("the first write waits");
                assert!(held.await.expect("joined").is_ok());
                let mut outcomes = Vec::new();
                for e in entries {
                    outcomes.push(e.await.expect("joined").is_ok());
                }
                (outcomes, write.await.expect("joined").is_ok())
            }
        };
        let chain = |conn: &mut DbConnection| {
            let report = crate::services::audit::verify_chain(conn, None).expect("intact");
            let links = super::super::audit_chain::head(conn).expect("head").links;
            (report.covered, links)
        };

        assert_eq!(batch("first", "kept").await, (vec![true, true], true));
        assert_eq!(viewed(&mut conn), ["a", "b"]);
        assert_eq!(chain(&mut conn), (3, 3));

        // The database refuses the entry about "b", as it would one whose actor is gone.
        conn.batch_execute(
            "CREATE TRIGGER refuse_b BEFORE INSERT ON audit_log \
             WHEN NEW.target_id = 'b' BEGIN SELECT RAISE(ABORT, 'refused'); END;",
        )
        .expect("trigger");
        assert_eq!(
            batch("second", "also kept").await,
            (vec![true, false], true)
        );
        assert_eq!(viewed(&mut conn), ["a", "b", "a"]);
        assert_eq!(chain(&mut conn), (5, 5));
        assert_eq!(names(&mut conn), ["first", "kept", "second", "also kept"]);
        drop(writer);
    }

    /// A write alone in its batch runs without a savepoint of its own; when it fails, nothing
    /// of it is committed, its caller hears its own error, and the writer goes on.
    #[tokio::test]
    async fn a_write_alone_in_its_batch_fails_without_a_trace() {
        let (_dir, mut conn, writer) = database();
        let depth = writer
            .write(|conn| {
                insert(conn, "alone")?;
                Ok(transaction_depth(conn)?)
            })
            .await
            .expect("committed");
        assert_eq!(
            depth,
            Some(1),
            "no savepoint inside the batch's transaction"
        );
        let failed: Result<(), AppError> = writer
            .write(|conn| {
                insert(conn, "failed")?;
                Err(AppError::NotFound)
            })
            .await;
        assert!(matches!(failed, Err(AppError::NotFound)), "{failed:?}");
        writer
            .write(|conn| insert(conn, "next"))
            .await
            .expect("committed");
        assert_eq!(names(&mut conn), ["alone", "next"]);
        drop(writer);
    }

    /// A write that opens a write transaction of its own, as services' helpers do, runs it
    /// in a savepoint of the group's: it neither waits for the write turn its own batch
    /// holds nor fails.
    #[tokio::test]
    async fn a_write_transaction_inside_a_group_write_is_a_savepoint() {
        let (_dir, mut conn, writer) = database();
        let started = std::time::Instant::now();
        writer
            .write(|conn| {
                write_transaction(conn, |conn| insert(conn, "inner"))?;
                let undone: Result<(), AppError> = write_transaction(conn, |conn| {
                    insert(conn, "undone")?;
                    Err(AppError::NotFound)
                });
                assert!(matches!(undone, Err(AppError::NotFound)));
                insert(conn, "outer")
            })
            .await
            .expect("committed");
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "waited for its own turn"
        );
        assert_eq!(names(&mut conn), ["inner", "outer"]);
        drop(writer);
    }

    /// A write that ends the batch's transaction behind diesel's back (as SQLite does by
    /// itself after some I/O errors) fails the batch: nothing of it is committed, none of
    /// its callers is told otherwise, and the next write commits on a fresh connection.
    #[tokio::test]
    async fn a_write_that_breaks_the_transaction_fails_its_whole_batch() {
        let (_dir, mut conn, writer) = database();
        let (stop, holder_gate) = gate();
        let holder = tokio::spawn({
            let writer = writer.clone();
            async move {
                writer
                    .write(move |_| {
                        stop();
                        Ok(())
                    })
                    .await
            }
        });
        tokio::time::sleep(Duration::from_millis(100)).await;
        holder_gate.reached.recv().expect("holder runs");
        let batch: Vec<_> = ["before", "breaks", "after"]
            .into_iter()
            .map(|name| {
                let writer = writer.clone();
                tokio::spawn(async move {
                    writer
                        .write(move |conn| {
                            insert(conn, name)?;
                            if name == "breaks" {
                                conn.batch_execute("ROLLBACK")?;
                            }
                            Ok(())
                        })
                        .await
                })
            })
            .collect();
        tokio::time::sleep(Duration::from_millis(200)).await;
        holder_gate.open.send(()).expect("holder waits");
        holder.await.expect("joined").expect("holder committed");
        for write in batch {
            assert!(write.await.expect("joined").is_err());
        }
        assert!(names(&mut conn).is_empty());
        writer
            .write(|conn| insert(conn, "next"))
            .await
            .expect("committed");
        assert_eq!(names(&mut conn), ["next"]);
    }

    /// The writer keeps its statement journals in memory, and only the writer: a write of
    /// a few dozen pages in a savepoint spilled its journal into a temporary file at
    /// SQLite's default.
    #[tokio::test]
    async fn the_writer_keeps_its_journals_in_memory() {
        #[derive(diesel::QueryableByName)]
        struct TempStore {
            #[diesel(sql_type = diesel::sql_types::Integer)]
            temp_store: i32,
        }
        fn temp_store(conn: &mut DbConnection) -> Result<i32, AppError> {
            Ok(diesel::sql_query("PRAGMA temp_store")
                .get_result::<TempStore>(conn)?
                .temp_store)
        }
        const MEMORY: i32 = 2;

        let (_dir, mut conn, writer) = database();
        let on_writer = writer.write(temp_store).await.expect("read");
        assert_eq!(on_writer, MEMORY);
        assert_ne!(temp_store(&mut conn).expect("read"), MEMORY);
        drop(writer);
    }

    /// Inside a read transaction a write transaction still fails, as it always has, rather
    /// than write without waiting for the write turn.
    #[test]
    fn a_write_transaction_inside_a_read_transaction_fails() {
        let (_dir, mut conn, _writer) = database();
        let result: Result<(), AppError> =
            conn.transaction(|conn| write_transaction(conn, |conn| insert(conn, "read")));
        assert!(result.is_err());
        assert!(names(&mut conn).is_empty());
    }
}
