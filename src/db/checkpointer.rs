//! SQLite's checkpoints on a thread of their own. A checkpoint copies the write-ahead log's
//! pages into the database file and syncs it. Left to SQLite, the commit that takes the log
//! past its limit runs it, inside that writer's transaction, while every other writer waits
//! for its turn ([`super::write_transaction`]). Here a thread with its own connection runs a
//! passive checkpoint, which never waits for readers or writers, several times a second, so
//! that the log stays short without any writer paying for it. The connections' own automatic
//! checkpoints stay on as a safety net, with a limit this thread keeps the log well below
//! (`SQLITE_PRAGMAS`).

use std::sync::mpsc::{self, RecvTimeoutError};
use std::thread::JoinHandle;
use std::time::Duration;

use diesel::connection::SimpleConnection;

use super::{DatabaseKind, DatabaseUrl, DbConnection};

/// How often the log is checkpointed.
const EVERY: Duration = Duration::from_millis(100);

/// The running checkpointer; dropping it stops the thread and waits for it.
pub struct Checkpointer {
    stop: Option<mpsc::Sender<()>>,
    thread: Option<JoinHandle<()>>,
}

impl Checkpointer {
    /// Starts the thread for a SQLite database; PostgreSQL checkpoints by itself.
    pub fn start(url: &DatabaseUrl) -> Option<Self> {
        if url.kind() != DatabaseKind::Sqlite {
            return None;
        }
        let (stop, stopped) = mpsc::channel();
        let url = url.clone();
        let spawned = std::thread::Builder::new()
            .name("sqlite_checkpointer".into())
            .spawn(move || run(&url, &stopped));
        match spawned {
            Ok(thread) => Some(Self {
                stop: Some(stop),
                thread: Some(thread),
            }),
            Err(err) => {
                // The connections' automatic checkpoints still keep the log in bounds.
                tracing::warn!(error = %err, "the SQLite checkpointer could not start");
                None
            }
        }
    }
}

impl Drop for Checkpointer {
    fn drop(&mut self) {
        drop(self.stop.take());
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

fn run(url: &DatabaseUrl, stopped: &mpsc::Receiver<()>) {
    let mut conn: Option<DbConnection> = None;
    while let Err(RecvTimeoutError::Timeout) = stopped.recv_timeout(EVERY) {
        if conn.is_none() {
            conn = super::establish(url)
                .inspect_err(|err| tracing::warn!(error = %err, "checkpointer cannot connect"))
                .ok();
        }
        if let Some(c) = conn.as_mut()
            && let Err(err) = c.batch_execute("PRAGMA wal_checkpoint(PASSIVE)")
        {
            tracing::warn!(error = %err, "checkpoint failed");
            conn = None;
        }
    }
}

#[cfg(test)]
mod tests {
    use diesel::sql_types::BigInt;
    use diesel::{Connection, RunQueryDsl};

    use super::*;

    #[derive(diesel::QueryableByName)]
    struct Count {
        #[diesel(sql_type = BigInt)]
        n: i64,
    }

    /// The thread copies committed pages into the database file by itself: a reader that
    /// opens the file alone, with no log beside it, sees them.
    #[test]
    fn committed_pages_reach_the_database_file_without_a_writer_checkpointing() {
        let dir = tempfile::tempdir().expect("temporary directory");
        let path = dir.path().join("refuge.db");
        let url = DatabaseUrl::parse(path.to_str().expect("utf-8 path")).expect("url");
        let mut conn = super::super::establish(&url).expect("connection");
        conn.batch_execute("CREATE TABLE t (n INTEGER); INSERT INTO t VALUES (1), (2), (3);")
            .expect("write");
        let checkpointer = Checkpointer::start(&url).expect("started for SQLite");
        let copy = dir.path().join("copy.db");
        let deadline = std::time::Instant::now() + Duration::from_secs(10);
        let rows = loop {
            // The database file alone, as a checkpoint left it.
            std::fs::copy(&path, &copy).expect("copy");
            let mut alone = diesel::SqliteConnection::establish(copy.to_str().expect("utf-8"))
                .expect("copy opens");
            let rows = diesel::sql_query("SELECT COUNT(*) AS n FROM t")
                .load::<Count>(&mut alone)
                .map(|c| c[0].n)
                .unwrap_or(0);
            if rows == 3 || std::time::Instant::now() > deadline {
                break rows;
            }
            std::thread::sleep(EVERY);
        };
        drop(checkpointer);
        assert_eq!(rows, 3);
    }
}
