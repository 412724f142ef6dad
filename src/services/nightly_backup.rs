//! The nightly backup: once a day at `backup.nightly_at` office time, the worker writes what
//! `refuge backup` writes — every table, read in one snapshot, encrypted to
//! `backup.recipients` — into `backup.directory` under a name with the time
//! ([`file_name`]), records the outcome in `backup_runs`, and after a success deletes the
//! backups beyond the `backup.keep` newest. Whichever server's worker reaches the day's run
//! first takes it (`scheduled_runs`), as with the daily scan.

use std::path::{Path, PathBuf};

use actix_web::web;
use anyhow::Context;
use chrono::{DateTime, Utc};

use crate::backup;
use crate::backup::encryption::Protection;
use crate::clock;
use crate::config::BackupSettings;
use crate::db::backup_runs::BackupRunRow;
use crate::db::{self, Db, write_transaction};
use crate::domain::nightly_backup::{self, BackupHealth, RunRecord, file_name};
use crate::error::AppError;
use crate::private_files;
use crate::state::AppState;

/// The job's name in `scheduled_runs`.
pub const NIGHTLY_BACKUP_JOB: &str = "nightly_backup";

/// The longest failure reason kept: enough for the cause, short enough for a page.
const MAX_REASON_CHARS: usize = 300;

/// One run's outcome, as recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackupRun {
    pub started_at: DateTime<Utc>,
    pub finished_at: DateTime<Utc>,
    pub file: String,
    pub size_bytes: Option<i64>,
    /// `None` for a success.
    pub failure: Option<String>,
}

impl BackupRun {
    fn from_row(row: BackupRunRow) -> Self {
        Self {
            started_at: clock::from_db(row.started_at),
            finished_at: clock::from_db(row.finished_at),
            file: row.file,
            size_bytes: row.size_bytes,
            failure: row.failure,
        }
    }

    fn to_row(&self) -> BackupRunRow {
        BackupRunRow {
            started_at: clock::to_db(self.started_at),
            finished_at: clock::to_db(self.finished_at),
            file: self.file.clone(),
            size_bytes: self.size_bytes,
            succeeded: self.failure.is_none(),
            failure: self.failure.clone(),
        }
    }
}

/// Runs the day's backup if nightly backups are on, their time has come and no server has
/// run it today.
pub async fn run_if_due(state: &AppState) -> Result<Option<BackupRun>, AppError> {
    let settings = &state.settings.backup;
    if !settings.nightly {
        return Ok(None);
    }
    let local = state.now().with_timezone(&state.settings.office.time_zone);
    let at = settings
        .nightly_time()
        .map_err(|e| AppError::internal(anyhow::anyhow!(e)))?;
    if local.time() < at {
        return Ok(None);
    }
    let today = local.date_naive();
    let claimed = state
        .db
        .run(move |conn| {
            if db::notifications::has_run(conn, NIGHTLY_BACKUP_JOB, today)? {
                return Ok(false);
            }
            write_transaction(conn, |conn| {
                Ok(db::notifications::claim_run(
                    conn,
                    NIGHTLY_BACKUP_JOB,
                    today,
                )?)
            })
        })
        .await?;
    if !claimed {
        return Ok(None);
    }
    run(state).await.map(Some)
}

/// Takes a backup now, off the async executor, and records how it went; after a success,
/// deletes what `backup.keep` no longer covers. A failed backup is an `Ok` run with its
/// reason: only failing to record it is an error.
pub async fn run(state: &AppState) -> Result<BackupRun, AppError> {
    let settings = state.settings.backup.clone();
    let started_at = state.now();
    let file = file_name(started_at);
    let directory = PathBuf::from(&settings.directory);
    let written = {
        let (db, path) = (state.db.clone(), directory.join(&file));
        web::block(move || write(&db, &settings, &path, started_at))
            .await
            .map_err(|err| AppError::internal(anyhow::anyhow!("blocking task failed: {err}")))?
    };
    let run = BackupRun {
        started_at,
        finished_at: state.now(),
        file,
        size_bytes: written.as_ref().ok().copied(),
        failure: written.err().map(|err| short_reason(&err)),
    };
    let row = run.to_row();
    state
        .db
        .run(move |conn| write_transaction(conn, |conn| Ok(db::backup_runs::insert(conn, &row)?)))
        .await?;
    match &run.failure {
        None => {
            tracing::info!(file = %run.file, bytes = run.size_bytes, "nightly backup written");
            let (newest, keep) = (run.file.clone(), state.settings.backup.keep);
            match web::block(move || prune(&directory, &newest, keep)).await {
                Ok(Ok(0)) => {}
                Ok(Ok(deleted)) => tracing::info!(deleted, "older nightly backups deleted"),
                Ok(Err(error)) => {
                    tracing::warn!(error = %error, "deleting older nightly backups failed")
                }
                Err(error) => tracing::warn!(error = %error, "deleting older nightly backups"),
            }
        }
        Some(reason) => tracing::error!(file = %run.file, reason, "the nightly backup failed"),
    }
    Ok(run)
}

/// Writes the backup to `path` as `refuge backup` does; returns its size in bytes.
fn write(
    db: &Db,
    settings: &BackupSettings,
    path: &Path,
    now: DateTime<Utc>,
) -> anyhow::Result<i64> {
    let protection = Protection::recipients(&settings.recipients)?;
    if let Some(directory) = path.parent() {
        private_files::create_dir(directory).with_context(|| {
            format!("cannot create the backup directory {}", directory.display())
        })?;
    }
    let mut conn = db
        .get()
        .map_err(anyhow::Error::new)
        .context("no database connection")?;
    backup::backup_to_file(
        &mut conn,
        path,
        &protection,
        now,
        &indicatif::ProgressBar::hidden(),
    )?;
    let size = std::fs::metadata(path)
        .with_context(|| format!("reading the size of {}", path.display()))?
        .len();
    Ok(i64::try_from(size).unwrap_or(i64::MAX))
}

/// Deletes the nightly backups beyond the `keep` newest and partial files left by runs cut
/// off before `newest`; returns how many files went.
fn prune(directory: &Path, newest: &str, keep: usize) -> std::io::Result<usize> {
    let names: Vec<String> = std::fs::read_dir(directory)?
        .filter_map(Result::ok)
        .filter_map(|entry| entry.file_name().into_string().ok())
        .collect();
    let doomed = nightly_backup::to_delete(names.iter().map(String::as_str), newest, keep);
    for name in &doomed {
        std::fs::remove_file(directory.join(name))?;
    }
    Ok(doomed.len())
}

/// Why a run failed, in a few words for the admin page and the log: what was being done
/// (the backup's own messages name files, tables and columns, never values) and the
/// operating system's or the database's error. The rest of the chain is left out: a value
/// the archive could not read would be quoted there.
fn short_reason(err: &anyhow::Error) -> String {
    let doing = err.to_string();
    let cause = err.chain().skip(1).find_map(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .map(ToString::to_string)
            .or_else(|| {
                cause
                    .downcast_ref::<diesel::result::Error>()
                    .map(ToString::to_string)
            })
    });
    let reason = match cause {
        Some(cause) => format!("{doing}: {cause}"),
        None => doing,
    };
    reason.chars().take(MAX_REASON_CHARS).collect()
}

/// The nightly backup's state, and the runs that decide it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackupStatus {
    pub health: BackupHealth,
    pub last_run: Option<BackupRun>,
    pub last_success_at: Option<DateTime<Utc>>,
}

/// The nightly backup's state now: two small reads, quick enough for `/healthz`. Off when
/// this server's settings have nightly backups off (nothing read).
pub async fn status(state: &AppState) -> Result<BackupStatus, AppError> {
    if !state.settings.backup.nightly {
        return Ok(BackupStatus {
            health: BackupHealth::Off,
            last_run: None,
            last_success_at: None,
        });
    }
    let (last_run, last_success_at) = state
        .db
        .run(|conn| {
            Ok((
                db::backup_runs::latest(conn)?.map(BackupRun::from_row),
                db::backup_runs::last_success_at(conn)?.map(clock::from_db),
            ))
        })
        .await?;
    let record = RunRecord {
        last_run_failed: last_run.as_ref().is_some_and(|run| run.failure.is_some()),
        last_success_at,
    };
    Ok(BackupStatus {
        health: nightly_backup::judge(true, record, state.now(), state.started_at),
        last_run,
        last_success_at,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reason_names_the_step_and_the_cause_but_not_what_lies_between() {
        let io = std::io::Error::new(std::io::ErrorKind::PermissionDenied, "denied");
        let err = anyhow::Error::new(io)
            .context("a value \"Zaslavskaya\" that does not parse")
            .context("creating /srv/backups/x.age.partial");
        assert_eq!(
            short_reason(&err),
            "creating /srv/backups/x.age.partial: denied"
        );
        let plain = anyhow::anyhow!("expected a timestamp, found \"Zaslavskaya\"")
            .context("a row of clients");
        assert_eq!(short_reason(&plain), "a row of clients");
        let long = anyhow::anyhow!("{}", "x".repeat(1000));
        assert_eq!(short_reason(&long).chars().count(), MAX_REASON_CHARS);
    }
}
