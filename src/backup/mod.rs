//! Backups that restore on either database: `refuge backup` writes every table, read in
//! one consistent snapshot while the server runs, as a portable archive ([`archive`])
//! encrypted with age ([`encryption`]); `refuge restore` writes one into an empty database
//! of either backend, in one transaction, and checks every table's row count and checksum
//! against the archive before committing. The data key of sealed fields is not in the
//! database, so it is never in a backup: a restore needs it as well as the passphrase or
//! identity.

pub mod archive;
pub mod encryption;

use std::collections::BTreeMap;
use std::io::{BufRead, Write};
use std::path::Path;
use std::time::Duration;

use anyhow::{Context, bail};
use chrono::{DateTime, Utc};
use diesel::connection::SimpleConnection;
use indicatif::{ProgressBar, ProgressStyle};

use crate::db::catalogue::{self, Column, Table};
use crate::db::{self, DbConnection};
use archive::{Checksum, FORMAT, FORMAT_VERSION, Line, Record};
use encryption::{Protection, Unlock};

/// A table's row count and content checksum, as a backup recorded it or as a database
/// holds it now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableDigest {
    pub name: String,
    pub rows: u64,
    pub checksum: String,
}

/// What a backup wrote or a restore wrote back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    pub tables: Vec<TableDigest>,
    pub rows: u64,
    /// The database the archive was read from.
    pub source: String,
    pub created_at: String,
}

/// A progress bar on standard error for `rows` rows; indicatif draws nothing when standard
/// error is not a terminal (a cron job, a test).
pub fn progress_bar(message: &'static str) -> ProgressBar {
    let bar = ProgressBar::new(0).with_message(message);
    if let Ok(style) =
        ProgressStyle::with_template("{msg} [{bar:40}] {human_pos}/{human_len} rows, {eta} left")
    {
        bar.set_style(style.progress_chars("=> "));
    }
    bar.enable_steady_tick(Duration::from_millis(200));
    bar
}

/// Writes the backup of the database behind `conn` to `path`, encrypted.
pub fn backup_to_file(
    conn: &mut DbConnection,
    path: &Path,
    protection: &Protection,
    now: DateTime<Utc>,
    progress: &ProgressBar,
) -> anyhow::Result<Summary> {
    encryption::write_file(path, protection, |out| {
        write_archive(conn, out, now, progress)
    })
}

/// Restores the backup at `path` into the empty database behind `conn`, after applying the
/// migrations.
pub fn restore_from_file(
    conn: &mut DbConnection,
    path: &Path,
    unlock: &Unlock,
    progress: &ProgressBar,
) -> anyhow::Result<Summary> {
    encryption::read_file(path, unlock, |input| {
        // Only once the backup opens: a wrong passphrase leaves the database as it was.
        db::run_migrations(conn)?;
        restore_archive(conn, input, progress)
    })
}

/// Writes the plain archive of every table, read in one snapshot.
pub fn write_archive(
    conn: &mut DbConnection,
    out: &mut dyn Write,
    now: DateTime<Utc>,
    progress: &ProgressBar,
) -> anyhow::Result<Summary> {
    let source = source_name(conn);
    catalogue::snapshot_transaction(conn, |conn| {
        let tables = catalogue::tables(conn)?;
        let migrations = catalogue::applied_migrations(conn)?;
        let mut counts = Vec::with_capacity(tables.len());
        for table in &tables {
            counts.push(u64::try_from(catalogue::count_rows(conn, &table.name)?).unwrap_or(0));
        }
        let total: u64 = counts.iter().sum();
        progress.set_length(total);
        let created_at = now.to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
        write_record(
            out,
            &Record::Header {
                format: FORMAT.into(),
                format_version: FORMAT_VERSION,
                app_version: env!("CARGO_PKG_VERSION").into(),
                created_at: created_at.clone(),
                source: source.clone(),
                migrations,
                tables: tables.len(),
                rows: total,
            },
        )?;
        let mut digests = Vec::with_capacity(tables.len());
        for (table, count) in tables.iter().zip(counts) {
            write_record(
                out,
                &Record::Table {
                    name: table.name.clone(),
                    columns: table.columns.clone(),
                    rows: count,
                },
            )?;
            let digest = read_table(conn, table, |line| {
                out.write_all(line.as_bytes())?;
                out.write_all(b"\n")?;
                progress.inc(1);
                Ok(())
            })?;
            write_record(
                out,
                &Record::TableEnd {
                    name: digest.name.clone(),
                    rows: digest.rows,
                    checksum: digest.checksum.clone(),
                },
            )?;
            digests.push(digest);
        }
        let rows = digests.iter().map(|d| d.rows).sum();
        write_record(
            out,
            &Record::End {
                tables: digests.len(),
                rows,
            },
        )?;
        out.flush().context("writing the backup")?;
        progress.finish_and_clear();
        Ok(Summary {
            tables: digests,
            rows,
            source,
            created_at,
        })
    })
}

/// Every table's row count and checksum as the database holds them now, in one snapshot;
/// the same figures a backup of it would record.
pub fn digest(conn: &mut DbConnection) -> anyhow::Result<Vec<TableDigest>> {
    catalogue::snapshot_transaction(conn, |conn| {
        let tables = catalogue::tables(conn)?;
        tables
            .iter()
            .map(|table| read_table(conn, table, |_| Ok(())))
            .collect()
    })
}

/// Reads a table's rows in canonical form, giving each serialized row to `each`.
fn read_table(
    conn: &mut DbConnection,
    table: &Table,
    mut each: impl FnMut(&str) -> anyhow::Result<()>,
) -> anyhow::Result<TableDigest> {
    let mut checksum = Checksum::default();
    let mut rows = 0u64;
    catalogue::for_each_row(conn, table, |raw| {
        let row = archive::canonical_row(&table.columns, raw)
            .with_context(|| format!("a row of {}", table.name))?;
        let line = serde_json::to_string(&row)?;
        checksum.add_line(&line);
        rows += 1;
        each(&line)
    })?;
    Ok(TableDigest {
        name: table.name.clone(),
        rows,
        checksum: checksum.hex(),
    })
}

fn write_record(out: &mut dyn Write, record: &Record) -> anyhow::Result<()> {
    serde_json::to_writer(&mut *out, record)?;
    out.write_all(b"\n").context("writing the backup")?;
    Ok(())
}

fn source_name(conn: &DbConnection) -> String {
    match conn {
        DbConnection::Postgres(_) => "postgres",
        DbConnection::Sqlite(_) => "sqlite",
    }
    .into()
}

/// Reads the next line; `None` at the end of the stream.
fn next_line(input: &mut dyn BufRead, buffer: &mut String) -> anyhow::Result<Option<Line>> {
    buffer.clear();
    let read = input
        .read_line(buffer)
        .context("reading the backup (is it damaged?)")?;
    if read == 0 {
        return Ok(None);
    }
    archive::parse_line(buffer.trim_end()).map(Some)
}

/// Rows written per INSERT: fewer than either backend's limit of bound values.
fn batch_size(columns: usize) -> usize {
    (30_000 / columns.max(1)).clamp(1, 500)
}

/// A table being restored: the archive's columns with the target's kinds.
struct Restoring {
    name: String,
    columns: Vec<Column>,
    batch: Vec<Vec<serde_json::Value>>,
    rows: u64,
}

/// The page cache of a connection restoring into SQLite: enough for the dirty pages of an
/// office of 100,000 clients (a 2 GB database), taken only as the pages are written.
const RESTORE_SQLITE_CACHE: &str = "PRAGMA cache_size = -2097152";

/// Writes an archive into the empty, migrated database behind `conn`, in one transaction
/// that commits only if every table then holds the archive's row count and checksum.
pub fn restore_archive(
    conn: &mut DbConnection,
    input: &mut dyn BufRead,
    progress: &ProgressBar,
) -> anyhow::Result<Summary> {
    let mut buffer = String::new();
    let Some(Line::Record(Record::Header {
        format,
        format_version,
        app_version,
        created_at,
        source,
        migrations,
        rows: total,
        ..
    })) = next_line(input, &mut buffer).context("this is not a Refuge backup")?
    else {
        bail!("this is not a Refuge backup (no header)");
    };
    if format != FORMAT {
        bail!("this is not a Refuge backup (format {format:?})");
    }
    if format_version > FORMAT_VERSION {
        bail!(
            "this backup has format {format_version}, made by Refuge {app_version}; this \
             Refuge reads format {FORMAT_VERSION} and older: restore it with a newer Refuge"
        );
    }
    let applied = catalogue::applied_migrations(conn)?;
    check_migrations(&migrations, &applied, &app_version)?;
    progress.set_length(total);
    if let DbConnection::Sqlite(sqlite) = conn {
        // The whole restore is one transaction: with the usual 8 MiB page cache SQLite
        // spills its dirty pages to the log again and again as rows land all over the
        // larger indexes (5 GB written for a 2 GB database). This connection ends with the
        // restore, and the memory is given back with it.
        sqlite.batch_execute(RESTORE_SQLITE_CACHE)?;
    }

    let summary = db::write_transaction(conn, |conn| -> anyhow::Result<Summary> {
        let targets: BTreeMap<String, Table> = catalogue::tables(conn)?
            .into_iter()
            .map(|t| (t.name.clone(), t))
            .collect();
        refuse_unless_empty(conn, &targets)?;
        let mut expected: Vec<TableDigest> = Vec::new();
        let mut current: Option<Restoring> = None;
        let mut ended = false;
        while let Some(line) = next_line(input, &mut buffer)? {
            match line {
                Line::Record(Record::Table { name, columns, .. }) => {
                    if let Some(open) = &current {
                        bail!("the backup is damaged: table {} is not closed", open.name);
                    }
                    let Some(target) = targets.get(&name) else {
                        bail!("the backup has a table {name} that this database does not have");
                    };
                    let columns = matching_columns(target, &columns)?;
                    if catalogue::count_rows(conn, &name)? > 0 {
                        // Derived by triggers from tables restored before it.
                        catalogue::delete_all(conn, &name)?;
                    }
                    current = Some(Restoring {
                        name,
                        columns,
                        batch: Vec::new(),
                        rows: 0,
                    });
                }
                Line::Row(values) => {
                    let Some(open) = current.as_mut() else {
                        bail!("the backup is damaged: a row outside any table");
                    };
                    open.batch.push(values);
                    open.rows += 1;
                    if open.batch.len() >= batch_size(open.columns.len()) {
                        catalogue::insert_rows(conn, &open.name, &open.columns, &open.batch)?;
                        progress.inc(open.batch.len() as u64);
                        open.batch.clear();
                    }
                }
                Line::Record(Record::TableEnd {
                    name,
                    rows,
                    checksum,
                }) => {
                    let Some(open) = current.take().filter(|open| open.name == name) else {
                        bail!("the backup is damaged: table {name} closed but not opened");
                    };
                    catalogue::insert_rows(conn, &open.name, &open.columns, &open.batch)?;
                    progress.inc(open.batch.len() as u64);
                    if open.rows != rows {
                        bail!(
                            "the backup is damaged: table {name} has {} rows, its end says {rows}",
                            open.rows
                        );
                    }
                    expected.push(TableDigest {
                        name,
                        rows,
                        checksum,
                    });
                }
                Line::Record(Record::End { .. }) => {
                    ended = true;
                    break;
                }
                Line::Record(Record::Header { .. }) => {
                    bail!("the backup is damaged: a second header")
                }
            }
        }
        if !ended {
            bail!("the backup ends early: the file is incomplete (a copy cut short?)");
        }
        let missing: Vec<&str> = targets
            .keys()
            .filter(|name| !expected.iter().any(|d| &d.name == *name))
            .map(String::as_str)
            .collect();
        if !missing.is_empty() {
            bail!(
                "the backup has no table {}, which this database has",
                missing.join(", ")
            );
        }
        catalogue::reset_sequences(conn)?;
        progress.set_message("checking");
        verify(conn, &targets, &expected)?;
        Ok(Summary {
            rows: expected.iter().map(|d| d.rows).sum(),
            tables: expected,
            source,
            created_at,
        })
    })?;
    progress.finish_and_clear();
    Ok(summary)
}

/// The archive can be restored only into the schema it was taken from.
fn check_migrations(archive: &[String], applied: &[String], made_by: &str) -> anyhow::Result<()> {
    let unknown: Vec<&str> = archive
        .iter()
        .filter(|v| !applied.contains(v))
        .map(String::as_str)
        .collect();
    if !unknown.is_empty() {
        bail!(
            "this backup was made by Refuge {made_by}, whose database has migrations this \
             Refuge does not know ({}): restore it with that version of Refuge or a newer one",
            unknown.join(", ")
        );
    }
    let newer: Vec<&str> = applied
        .iter()
        .filter(|v| !archive.contains(v))
        .map(String::as_str)
        .collect();
    if !newer.is_empty() {
        bail!(
            "this backup was made by an older Refuge ({made_by}), before the migrations {}: \
             restore it with Refuge {made_by}, then start this version on the restored \
             database to upgrade it",
            newer.join(", ")
        );
    }
    Ok(())
}

/// Tables whose rows make a database an office's: every office has staff and an audit
/// trail from its first minute. What a new database gets from its migrations and its first
/// start (the audit chain's head, the server's secrets, a setup link, office settings) is
/// not an office's data; the backup's own rows replace it.
const OFFICE_TABLES: [&str; 4] = ["staff", "audit_log", "clients", "cases"];

fn refuse_unless_empty(
    conn: &mut DbConnection,
    targets: &BTreeMap<String, Table>,
) -> anyhow::Result<()> {
    let mut holding = Vec::new();
    for name in OFFICE_TABLES
        .iter()
        .filter(|name| targets.contains_key(**name))
    {
        let rows = catalogue::count_rows(conn, name)?;
        if rows > 0 {
            holding.push(format!("{name} ({rows} rows)"));
        }
    }
    if !holding.is_empty() {
        bail!(
            "the database is not empty: {}. A restore writes only into a new, empty database \
             (it never mixes two offices' data); create one and point DATABASE_URL at it",
            holding.join(", ")
        );
    }
    Ok(())
}

/// The archive's columns, in its order, with the kinds of the target's same-named columns;
/// the two tables must have the same columns.
fn matching_columns(target: &Table, archived: &[Column]) -> anyhow::Result<Vec<Column>> {
    let mut columns = Vec::with_capacity(archived.len());
    for column in archived {
        let Some(found) = target.columns.iter().find(|c| c.name == column.name) else {
            bail!(
                "the backup has a column {}.{} that this database does not have",
                target.name,
                column.name
            );
        };
        if !column.kind.fits(found.kind) {
            bail!(
                "column {}.{} holds {:?} in the backup but {:?} here",
                target.name,
                column.name,
                column.kind,
                found.kind
            );
        }
        columns.push(found.clone());
    }
    if let Some(extra) = target
        .columns
        .iter()
        .find(|c| !archived.iter().any(|a| a.name == c.name))
    {
        bail!(
            "this database has a column {}.{} that the backup does not have",
            target.name,
            extra.name
        );
    }
    Ok(columns)
}

/// Reads every restored table back and compares it with the archive's figures.
fn verify(
    conn: &mut DbConnection,
    targets: &BTreeMap<String, Table>,
    expected: &[TableDigest],
) -> anyhow::Result<()> {
    for want in expected {
        let Some(table) = targets.get(&want.name) else {
            continue;
        };
        let got = read_table(conn, table, |_| Ok(()))?;
        if got.rows != want.rows || got.checksum != want.checksum {
            bail!(
                "table {} does not read back as backed up ({} rows, the backup has {}; \
                 checksums {} and {}): nothing was restored",
                want.name,
                got.rows,
                want.rows,
                got.checksum,
                want.checksum
            );
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_must_match_either_way() {
        let v = |s: &[&str]| s.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert!(check_migrations(&v(&["1", "2"]), &v(&["1", "2"]), "0.1.0").is_ok());
        let newer = check_migrations(&v(&["1", "2", "3"]), &v(&["1", "2"]), "0.2.0")
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(newer.contains("does not know (3)"), "{newer}");
        let older = check_migrations(&v(&["1"]), &v(&["1", "2"]), "0.0.9")
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(older.contains("before the migrations 2"), "{older}");
    }

    #[test]
    fn batches_stay_under_the_bound_value_limits() {
        assert_eq!(batch_size(27), 500);
        assert_eq!(batch_size(100), 300);
        assert!(batch_size(100) * 100 <= 32_766);
        assert_eq!(batch_size(0), 500);
    }
}
