//! The database: one runtime code path for SQLite and PostgreSQL, a pool, migrations,
//! and the queries, one file per table group.
//!
//! Row structs that insert optional columns say `treat_none_as_default_value = false`: `None`
//! binds NULL (none of those columns has another default), so each insert keeps one shape
//! and diesel finds its prepared statement by type, instead of writing the SQL out again on
//! every insert to look it up. The statements of the hot write paths (an intake save, an
//! audit entry) run on the backend's own connection through `natively!`.

pub mod account_tokens;
pub mod api_tokens;
pub mod applicant;
pub mod audit_chain;
pub mod audit_log;
pub mod background;
pub mod backup_runs;
pub mod case_list;
pub mod case_work;
pub mod cases;
pub mod catalogue;
pub mod checkpointer;
pub mod claim_answers;
pub mod clients;
pub mod family;
pub mod group_commit;
pub mod held_forms;
pub mod i589_overrides;
pub mod inquiries;
pub mod lock_links;
pub mod login_throttle;
pub mod name_keys;
pub mod notifications;
pub mod office_settings;
pub mod outbox;
pub mod questionnaires;
pub mod reminders;
pub mod reports;
pub mod resealing;
pub mod retention;
pub mod revisions;
pub mod roles;
pub mod schema;
pub mod scope;
pub mod sealed;
pub mod search;
pub mod second_factors;
pub mod server_secrets;
pub mod sessions;
pub mod staff;
pub mod staff_access;
pub mod uuid;

use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::Context;
use diesel::connection::{AnsiTransactionManager, SimpleConnection, TransactionManager};
use diesel::pg::PgConnection;
use diesel::r2d2::R2D2Connection;
use diesel::sqlite::SqliteConnection;
use diesel::{Connection, ConnectionError};
use diesel_migrations::{EmbeddedMigrations, MigrationHarness, embed_migrations};

use secrecy::ExposeSecret;

use crate::crypto::Keyring;
pub use crate::database_url::{DatabaseKind, DatabaseUrl};
use crate::error::AppError;
use crate::private_files;

#[derive(diesel::MultiConnection)]
pub enum DbConnection {
    Postgres(PgConnection),
    Sqlite(SqliteConnection),
}

/// Runs `$body` on the connection of `$conn`'s own backend, bound to `$c`; the body is
/// compiled once for each backend. For the statements of hot paths: a statement run through
/// `DbConnection` itself (diesel's `MultiConnection`) has its SQL text written out anew on
/// every pass over it, two or three per execution, even when its prepared statement is
/// cached; in an intake save that was a third of the writer's instructions
/// (docs/performance.md, "Statements on the backend's own connection").
///
/// ```ignore
/// natively!(conn, |c| diesel::delete(t::table.find(id)).execute(c))?;
/// ```
macro_rules! natively {
    ($conn:expr, |$c:ident| $body:expr) => {
        match $conn {
            $crate::db::DbConnection::Postgres($c) => $body,
            $crate::db::DbConnection::Sqlite($c) => $body,
        }
    };
}
pub(crate) use natively;

/// Inserts `rows` (a `&Vec` of insertable values) into `table` in one statement, on the
/// backend's own connection (multi-row inserts do not pass through `MultiConnection`), and
/// sends nothing when there are none (diesel would still send a statement that does
/// nothing). A list in one statement: on PostgreSQL each statement is a round trip.
macro_rules! insert_rows {
    ($conn:expr, $table:expr, $rows:expr) => {{
        let rows = $rows;
        if rows.is_empty() {
            Ok(0)
        } else {
            $crate::db::natively!($conn, |c| diesel::insert_into($table)
                .values(rows)
                .execute(c))
        }
    }};
}
pub(crate) use insert_rows;

// Durability over speed: this data must survive a power cut. For reads at office scale
// (100,000 clients, ~2.5 GB): table statistics for the query planner — `optimize=0x10002`
// analyzes (quickly, with a row limit) the tables whose statistics are missing or stale;
// pooled connections are renewed every 30 minutes, so the statistics follow the data.
// Without them SQLite guesses that every index is selective and, for example, walks a
// lawyer's 20,000 cases to check 200 case ids.
// Pages are read with plain reads into a small page cache, not through a memory map: a
// connection drops its cache, and unmaps the whole file, whenever another connection has
// committed since its last read, which under a steady stream of writes is every read. The
// unmapping and the page faults that followed cost a quarter of the server's CPU in the
// mixed benchmark (docs/performance.md).
// Checkpoints run on a thread of their own (`checkpointer`); a connection checkpoints only
// when the log has grown past 10,000 pages (40 MB) all the same.
const SQLITE_PRAGMAS: &str = "PRAGMA busy_timeout = 10000;
PRAGMA journal_mode = WAL;
PRAGMA synchronous = FULL;
PRAGMA foreign_keys = ON;
PRAGMA cache_size = -2048;
PRAGMA wal_autocheckpoint = 10000;
PRAGMA optimize = 0x10002;";

// The weekly report keeps the week's open cases in a temporary table (db::reports), about
// 15 MB for 100,000 clients; the default 8 MB of buffers for temporary tables would send
// it to disk. Reserved only when a session uses temporary tables.
// No JIT compilation: the report's statements cross its cost threshold, and compiling them
// took longer than it saved — 15 % of the report's time (docs/performance.md).
const POSTGRES_SESSION: &str = "SET temp_buffers = '32MB'; SET jit = off";

#[derive(Debug, Clone)]
pub struct ConnectionManager {
    url: DatabaseUrl,
}

/// A connection with the session settings every Refuge connection has.
fn establish(url: &DatabaseUrl) -> Result<DbConnection, ConnectionError> {
    match url.kind() {
        DatabaseKind::Postgres => {
            let mut conn = PgConnection::establish(url.target().expose_secret())?;
            conn.batch_execute(POSTGRES_SESSION)
                .map_err(ConnectionError::CouldntSetupConfiguration)?;
            Ok(DbConnection::Postgres(conn))
        }
        DatabaseKind::Sqlite => {
            let mut conn = SqliteConnection::establish(url.target().expose_secret())?;
            conn.batch_execute(SQLITE_PRAGMAS)
                .map_err(ConnectionError::CouldntSetupConfiguration)?;
            Ok(DbConnection::Sqlite(conn))
        }
    }
}

// The group-commit writer's connection keeps its statement journals (and any temporary
// b-tree) in memory. A write in a batch runs in a savepoint, and a statement that changes
// several rows keeps the pages it changes in a journal to roll back to; past 64 KiB (15
// pages, fewer than an intake save changes) SQLite spilled that journal into a temporary
// file, created, written page by page and deleted in nearly every batch (docs/performance.md,
// "The group-commit writer's journals in memory"). The writer's writes are a request's worth
// each (intake saves, the entries of reads), so its journal stays small. Raising
// SQLITE_STMTJRNL_SPILL instead fails: the spill writes the journal's first chunk, the
// threshold's size, in one piece, and SQLite's unix VFS writes at most 128 KiB at a time,
// which it reports as a full disk.
const SQLITE_WRITER_PRAGMAS: &str = "PRAGMA temp_store = MEMORY;";

/// A connection for the group-commit writer ([`group_commit`]): every connection's
/// settings, and on SQLite its journals in memory.
fn establish_writer(url: &DatabaseUrl) -> Result<DbConnection, ConnectionError> {
    let mut conn = establish(url)?;
    if let DbConnection::Sqlite(sqlite) = &mut conn {
        sqlite
            .batch_execute(SQLITE_WRITER_PRAGMAS)
            .map_err(ConnectionError::CouldntSetupConfiguration)?;
    }
    Ok(conn)
}

impl ConnectionManager {
    fn establish(&self) -> Result<DbConnection, ConnectionError> {
        establish(&self.url)
    }
}

/// A connection handed back whole this recently is lent again without a `SELECT 1` (as
/// HikariCP's "alive bypass window" does): on PostgreSQL every ping is a round trip, and a
/// case page checked out three connections. One idle for longer is pinged first, so that a
/// connection the server dropped meanwhile (a restart) is replaced before it fails a request.
const ALIVE_WITHOUT_PING: Duration = Duration::from_millis(500);

/// A connection of the pool, and when it was last handed back unbroken.
pub struct Pooled {
    conn: DbConnection,
    returned_at: Option<Instant>,
}

impl std::ops::Deref for Pooled {
    type Target = DbConnection;

    fn deref(&self) -> &DbConnection {
        &self.conn
    }
}

impl std::ops::DerefMut for Pooled {
    fn deref_mut(&mut self) -> &mut DbConnection {
        &mut self.conn
    }
}

impl r2d2::ManageConnection for ConnectionManager {
    type Connection = Pooled;
    type Error = ConnectionError;

    fn connect(&self) -> Result<Pooled, ConnectionError> {
        Ok(Pooled {
            conn: self.establish()?,
            returned_at: None,
        })
    }

    fn is_valid(&self, pooled: &mut Pooled) -> Result<(), ConnectionError> {
        if pooled
            .returned_at
            .is_some_and(|at| at.elapsed() < ALIVE_WITHOUT_PING)
        {
            return Ok(());
        }
        pooled
            .conn
            .ping()
            .map_err(ConnectionError::CouldntSetupConfiguration)
    }

    /// Asked by the pool whenever a connection comes back.
    fn has_broken(&self, pooled: &mut Pooled) -> bool {
        let broken = pooled.conn.is_broken();
        if !broken {
            pooled.returned_at = Some(Instant::now());
        }
        broken
    }
}

pub type Pool = r2d2::Pool<ConnectionManager>;

/// The pool plus the one way request handlers reach it: off the async executor.
#[derive(Clone)]
pub struct Db {
    pool: Pool,
    kind: DatabaseKind,
    url: DatabaseUrl,
    /// The data keys for the sealed columns of every connection this pool lends.
    keys: Arc<Keyring>,
}

/// The data directory (created 0700) and the database file (created 0600, so that SQLite
/// gives its `-wal` and `-shm` files the same mode, whatever the umask); refuses to go on
/// when any of them, existing already, is open to other accounts.
fn prepare_sqlite_files(database: &Path) -> anyhow::Result<()> {
    let dir = database.parent().filter(|d| !d.as_os_str().is_empty());
    if let Some(dir) = dir {
        private_files::create_dir(dir)
            .with_context(|| format!("cannot create the database directory {}", dir.display()))?;
    }
    let [db, wal, shm] = private_files::sqlite_files(database);
    let mut paths: Vec<(&Path, bool)> = dir.map(|d| (d, true)).into_iter().collect();
    paths.extend([(db.as_path(), false), (&wal, false), (&shm, false)]);
    private_files::refuse_shared(&paths)?;
    private_files::create_empty_file(&db)
        .with_context(|| format!("cannot create the database {}", db.display()))
}

impl Db {
    /// Connects once directly, so a wrong URL or a server that is down is reported as such,
    /// then builds the pool.
    pub fn connect(url: &str, pool_size: u32, keys: Arc<Keyring>) -> Result<Self, anyhow::Error> {
        let url = DatabaseUrl::parse(url)?;
        if url.kind() == DatabaseKind::Sqlite {
            prepare_sqlite_files(Path::new(url.target().expose_secret()))?;
        }
        let manager = ConnectionManager { url: url.clone() };
        let first = manager.establish().with_context(|| {
            format!(
                "cannot open the {} database at {}",
                url.kind().as_str(),
                url.redacted()
            )
        })?;
        // r2d2's own worker threads would wait out their next 30-second reaping tick after
        // the pool is dropped; discarding what is scheduled ends them with the pool, so that
        // no thread of a closed pool is still running when the process exits.
        let workers = scheduled_thread_pool::ScheduledThreadPool::builder()
            .num_threads(3)
            .thread_name_pattern("r2d2-worker-{}")
            .on_drop_behavior(scheduled_thread_pool::OnPoolDropBehavior::DiscardPendingScheduled)
            .build();
        let pool = r2d2::Pool::builder()
            .thread_pool(Arc::new(workers))
            .max_size(pool_size.max(1))
            .min_idle(Some(1))
            .connection_timeout(Duration::from_secs(10))
            .build_unchecked(manager);
        drop(first);
        Ok(Self {
            pool,
            kind: url.kind(),
            url,
            keys,
        })
    }

    /// Connects with no data keys: for commands that never read or write a sealed column
    /// (granting roles, verifying the audit log), so they need no access to the key.
    pub fn connect_without_keys(url: &str, pool_size: u32) -> Result<Self, anyhow::Error> {
        Self::connect(url, pool_size, Arc::new(Keyring::none()))
    }

    /// Loads the data keys the settings name, then connects ([`Db::connect`]).
    pub fn open(settings: &crate::config::Settings, pool_size: u32) -> Result<Self, anyhow::Error> {
        let (keys, _) = crate::crypto::key_source::load(settings)?;
        Self::connect(
            settings.database.url.expose_secret(),
            pool_size,
            Arc::new(keys),
        )
    }

    pub fn kind(&self) -> DatabaseKind {
        self.kind
    }

    /// The data keys of the sealed columns.
    pub fn keys(&self) -> &Arc<Keyring> {
        &self.keys
    }

    /// Starts SQLite's checkpoints on a thread of their own ([`checkpointer`]); `None` for
    /// PostgreSQL.
    pub fn start_checkpointer(&self) -> Option<checkpointer::Checkpointer> {
        checkpointer::Checkpointer::start(&self.url)
    }

    /// Starts the group-commit writer ([`group_commit`]).
    pub fn start_group_commit(&self) -> group_commit::GroupCommit {
        group_commit::GroupCommit::start(self.url.clone(), self.keys.clone())
    }

    /// Runs `f` in a read transaction on a pooled connection, off the executor: a
    /// consistent snapshot without taking SQLite's write lock.
    pub async fn read<T, F>(&self, f: F) -> Result<T, AppError>
    where
        F: FnOnce(&mut DbConnection) -> Result<T, AppError> + Send + 'static,
        T: Send + 'static,
    {
        self.run(move |conn| conn.transaction(f)).await
    }

    /// A connection for synchronous callers (CLI commands, start-up); this thread's sealed
    /// columns use this pool's keys from now on.
    pub fn get(&self) -> Result<r2d2::PooledConnection<ConnectionManager>, AppError> {
        sealed::install(self.keys.clone());
        self.pool
            .get()
            .map_err(|err| AppError::Unavailable(anyhow::Error::new(err)))
    }

    /// Runs `f` with a pooled connection on the blocking thread pool.
    pub async fn run<T, F>(&self, f: F) -> Result<T, AppError>
    where
        F: FnOnce(&mut DbConnection) -> Result<T, AppError> + Send + 'static,
        T: Send + 'static,
    {
        let db = self.clone();
        actix_web::web::block(move || {
            let _keys = sealed::enter(db.keys.clone());
            let mut conn = db
                .pool
                .get()
                .map_err(|err| AppError::Unavailable(anyhow::Error::new(err)))?;
            f(&mut conn)
        })
        .await
        .map_err(|err| AppError::Internal(anyhow::anyhow!("blocking task failed: {err}")))?
    }
}

/// The process's SQLite writers take turns here before `BEGIN IMMEDIATE`. SQLite lets one
/// writer in at a time and makes the others poll for the lock with sleeps of up to 100 ms
/// (its busy handler), so a short write — the group commit's batch, on which every read
/// waits — could sleep on long after the lock was free (docs/performance.md, the strace of
/// the mix). Waiting here instead hands the turn over at once and in arrival order
/// (`unlock_fair`). Other processes (the command line) still meet the busy handler.
static SQLITE_WRITE_TURN: parking_lot::Mutex<()> = parking_lot::const_mutex(());

/// As long as SQLite's `busy_timeout`: a writer that cannot get its turn fails as it would
/// have failed on the lock.
const SQLITE_WRITE_TURN_WAIT: Duration = Duration::from_secs(10);

struct SqliteWriteTurn(Option<parking_lot::MutexGuard<'static, ()>>);

impl SqliteWriteTurn {
    fn take() -> Result<Self, diesel::result::Error> {
        SQLITE_WRITE_TURN
            .try_lock_for(SQLITE_WRITE_TURN_WAIT)
            .map(|guard| Self(Some(guard)))
            .ok_or_else(|| {
                diesel::result::Error::DatabaseError(
                    diesel::result::DatabaseErrorKind::Unknown,
                    Box::new("database is locked (waited for another writer)".to_owned()),
                )
            })
    }
}

impl Drop for SqliteWriteTurn {
    fn drop(&mut self) {
        if let Some(guard) = self.0.take() {
            parking_lot::MutexGuard::unlock_fair(guard);
        }
    }
}

thread_local! {
    /// Whether this thread is inside a write transaction [`write_transaction`] began.
    static IN_WRITE_TRANSACTION: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Marks this thread as inside a write transaction until dropped, panics included; then
/// what was before (a write on another connection may run inside one on this thread).
struct InWriteTransaction {
    before: bool,
}

impl InWriteTransaction {
    fn enter() -> Self {
        Self {
            before: IN_WRITE_TRANSACTION.replace(true),
        }
    }
}

impl Drop for InWriteTransaction {
    fn drop(&mut self) {
        IN_WRITE_TRANSACTION.set(self.before);
    }
}

/// A write transaction. On SQLite it starts with `BEGIN IMMEDIATE` once the process's other
/// writers are done ([`SQLITE_WRITE_TURN`]), so concurrent writers wait instead of failing
/// half-way with SQLITE_BUSY. Inside a write transaction this function began on `conn`
/// already (a write run by [`group_commit`]), `f` runs in a savepoint of it instead; inside
/// a read transaction it fails, as it always has, rather than write without the turn.
pub fn write_transaction<T, E, F>(conn: &mut DbConnection, f: F) -> Result<T, E>
where
    F: FnOnce(&mut DbConnection) -> Result<T, E>,
    E: From<diesel::result::Error>,
{
    if IN_WRITE_TRANSACTION.get()
        && <DbConnection as Connection>::TransactionManager::transaction_manager_status_mut(conn)
            .transaction_depth()?
            .is_some()
    {
        return conn.transaction(f);
    }
    let _turn = match conn {
        DbConnection::Sqlite(_) => Some(SqliteWriteTurn::take()?),
        DbConnection::Postgres(_) => None,
    };
    match conn {
        DbConnection::Sqlite(sqlite) => {
            AnsiTransactionManager::begin_transaction_sql(sqlite, "BEGIN IMMEDIATE")?
        }
        DbConnection::Postgres(_) => {
            <DbConnection as Connection>::TransactionManager::begin_transaction(conn)?
        }
    }
    let _inside = InWriteTransaction::enter();
    match f(conn) {
        Ok(value) => {
            <DbConnection as Connection>::TransactionManager::commit_transaction(conn)?;
            Ok(value)
        }
        Err(err) => {
            // The original error matters more than a failed rollback, which diesel
            // already marks as a broken connection for the pool to discard.
            let _ = <DbConnection as Connection>::TransactionManager::rollback_transaction(conn);
            Err(err)
        }
    }
}

const SQLITE_MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/sqlite");
const POSTGRES_MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/postgres");

#[derive(diesel::QueryableByName)]
struct AppliedVersion {
    #[diesel(sql_type = diesel::sql_types::Text)]
    version: String,
}

/// Whether every embedded migration is recorded as applied. Read-only, so that a server
/// connecting as PostgreSQL's serving role (which may not create tables, not even diesel's
/// `CREATE TABLE IF NOT EXISTS` of its bookkeeping table) starts on a migrated database.
fn nothing_pending(conn: &mut DbConnection) -> bool {
    use diesel::RunQueryDsl;
    use diesel::migration::MigrationSource;
    let embedded: Result<Vec<String>, _> = match conn {
        DbConnection::Sqlite(_) => {
            MigrationSource::<diesel::sqlite::Sqlite>::migrations(&SQLITE_MIGRATIONS)
                .map(|all| all.iter().map(|m| m.name().version().to_string()).collect())
        }
        DbConnection::Postgres(_) => {
            MigrationSource::<diesel::pg::Pg>::migrations(&POSTGRES_MIGRATIONS)
                .map(|all| all.iter().map(|m| m.name().version().to_string()).collect())
        }
    };
    let applied = diesel::sql_query("SELECT version FROM __diesel_schema_migrations")
        .load::<AppliedVersion>(conn);
    match (embedded, applied) {
        (Ok(embedded), Ok(applied)) => {
            let applied: std::collections::HashSet<String> =
                applied.into_iter().map(|a| a.version).collect();
            embedded.iter().all(|v| applied.contains(v))
        }
        _ => false,
    }
}

/// Applies pending migrations; returns the versions applied.
pub fn run_migrations(conn: &mut DbConnection) -> Result<Vec<String>, anyhow::Error> {
    let applied: Vec<String> = if nothing_pending(conn) {
        Vec::new()
    } else {
        match conn {
            DbConnection::Sqlite(c) => c.run_pending_migrations(SQLITE_MIGRATIONS),
            DbConnection::Postgres(c) => c.run_pending_migrations(POSTGRES_MIGRATIONS),
        }
        .map_err(|err| {
            anyhow::anyhow!(
                "database migration failed: {err} (on PostgreSQL, migrations are run by the \
                 tables' owner: `refuge migrate` with the owner's DATABASE_URL)"
            )
        })?
        .iter()
        .map(ToString::to_string)
        .collect()
    };
    if let Some(sealed) = audit_chain::seal_if_needed(conn)
        .map_err(|err| anyhow::anyhow!("sealing the audit log's hash chain failed: {err}"))?
    {
        tracing::info!(
            sealed_through = sealed,
            "the audit log's hash chain begins: earlier entries sealed"
        );
    }
    Ok(applied)
}

impl Db {
    /// Whether the database answers a trivial query, waiting at most two seconds for a
    /// connection.
    pub async fn ping(&self) -> Result<(), anyhow::Error> {
        let pool = self.pool.clone();
        actix_web::web::block(move || -> Result<(), anyhow::Error> {
            let mut conn = pool.get_timeout(Duration::from_secs(2))?;
            ping(&mut conn)?;
            Ok(())
        })
        .await?
    }
}

/// Whether the database answers a trivial query.
pub fn ping(conn: &mut DbConnection) -> Result<(), diesel::result::Error> {
    conn.batch_execute("SELECT 1")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(url: &str) -> Result<(DatabaseKind, String), String> {
        DatabaseUrl::parse(url)
            .map(|u| (u.kind(), u.target().expose_secret().to_string()))
            .map_err(|e| e.to_string())
    }

    #[test]
    fn the_scheme_chooses_the_backend() {
        assert_eq!(
            parsed("postgres://refuge@db/refuge"),
            Ok((DatabaseKind::Postgres, "postgres://refuge@db/refuge".into()))
        );
        assert_eq!(
            parsed("postgresql://db/x").map(|p| p.0),
            Ok(DatabaseKind::Postgres)
        );
        assert_eq!(
            parsed("data/refuge.db"),
            Ok((DatabaseKind::Sqlite, "data/refuge.db".into()))
        );
        assert_eq!(
            parsed("sqlite://data/r.db"),
            Ok((DatabaseKind::Sqlite, "data/r.db".into()))
        );
        assert_eq!(
            parsed("sqlite:/var/lib/r.db"),
            Ok((DatabaseKind::Sqlite, "/var/lib/r.db".into()))
        );
    }

    #[test]
    fn unusable_urls_are_explained() {
        assert!(
            parsed("mysql://db/x").is_err_and(|e| e.contains("unsupported database URL scheme"))
        );
        assert!(parsed("").is_err_and(|e| e.contains("empty")));
        assert!(parsed("sqlite::memory:").is_err_and(|e| e.contains("in-memory")));
    }

    /// The options the bundled SQLite was compiled with (`.cargo/config.toml`).
    fn sqlite_compile_options() -> Vec<String> {
        use diesel::RunQueryDsl;

        #[derive(diesel::QueryableByName)]
        struct CompileOption {
            #[diesel(sql_type = diesel::sql_types::Text)]
            compile_options: String,
        }
        let mut conn = SqliteConnection::establish(":memory:").expect("an in-memory database");
        diesel::sql_query("PRAGMA compile_options")
            .load::<CompileOption>(&mut conn)
            .expect("the compile options")
            .into_iter()
            .map(|o| o.compile_options)
            .collect()
    }

    /// `.cargo/config.toml` builds SQLite without STAT4 and with the query planner stability
    /// guarantee: otherwise every request re-prepared its statements (docs/performance.md,
    /// "Re-preparing every statement").
    #[test]
    fn sqlite_plans_do_not_depend_on_bound_values() {
        let options = sqlite_compile_options();
        assert!(
            options.iter().any(|o| o.starts_with("THREADSAFE")),
            "{options:?}"
        );
        assert!(
            !options.iter().any(|o| o.starts_with("ENABLE_STAT")),
            "{options:?}"
        );
        assert!(options.iter().any(|o| o == "ENABLE_QPSG"), "{options:?}");
    }

    /// `.cargo/config.toml` builds SQLite with a page cache of its own per connection,
    /// allocated in one block, and without memory statistics: no process-wide mutex on a
    /// page read or an allocation, no allocation per page read.
    #[test]
    fn sqlite_connections_cache_pages_apart_in_one_block() {
        let options = sqlite_compile_options();
        assert!(
            !options.iter().any(|o| o == "ENABLE_MEMORY_MANAGEMENT"),
            "{options:?}"
        );
        assert!(
            options.iter().any(|o| o == "DEFAULT_MEMSTATUS=0"),
            "{options:?}"
        );
        assert!(
            options.iter().any(|o| o == "DEFAULT_PCACHE_INITSZ=-2048"),
            "{options:?}"
        );
    }

    /// A connection back from a request a moment ago is lent again without a ping; one idle
    /// for longer than [`ALIVE_WITHOUT_PING`] is pinged first.
    #[test]
    fn only_a_connection_idle_for_a_while_is_pinged_before_it_is_lent() {
        use std::sync::atomic::{AtomicUsize, Ordering};

        use diesel::connection::InstrumentationEvent;
        use r2d2::ManageConnection;

        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("refuge.sqlite");
        let manager = ConnectionManager {
            url: DatabaseUrl::parse(&path.to_string_lossy()).expect("a SQLite path"),
        };
        let mut pooled = manager.connect().expect("a connection");
        // Lending runs no statement but the ping.
        let pings = Arc::new(AtomicUsize::new(0));
        let counted = pings.clone();
        pooled.set_instrumentation(move |event: InstrumentationEvent<'_>| {
            if matches!(event, InstrumentationEvent::StartQuery { .. }) {
                counted.fetch_add(1, Ordering::SeqCst);
            }
        });
        let lend = |pooled: &mut Pooled| {
            manager.is_valid(pooled).expect("valid");
            pings.load(Ordering::SeqCst)
        };
        assert_eq!(lend(&mut pooled), 1, "a new connection is pinged");
        assert!(!manager.has_broken(&mut pooled));
        assert_eq!(lend(&mut pooled), 1, "back a moment ago: no ping");
        pooled.returned_at = Instant::now().checked_sub(ALIVE_WITHOUT_PING);
        assert_eq!(lend(&mut pooled), 2, "idle for a while: pinged");
    }

    #[test]
    fn passwords_are_redacted_in_messages() {
        let url = DatabaseUrl::parse("postgres://refuge:s3cret@db/refuge").map(|u| u.redacted());
        assert_eq!(url.ok().as_deref(), Some("postgres://refuge:***@db/refuge"));
    }
}
