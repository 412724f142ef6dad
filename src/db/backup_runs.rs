//! Queries on `backup_runs`: each nightly backup's outcome (see the migration).

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::DbConnection;
use super::schema::backup_runs;

#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable, Insertable)]
#[diesel(table_name = backup_runs)]
#[diesel(treat_none_as_default_value = false)]
pub struct BackupRunRow {
    pub started_at: NaiveDateTime,
    pub finished_at: NaiveDateTime,
    /// The file's name in `backup.directory`.
    pub file: String,
    pub size_bytes: Option<i64>,
    pub succeeded: bool,
    /// Why it failed, in a few words; never client data.
    pub failure: Option<String>,
}

pub fn insert(conn: &mut DbConnection, run: &BackupRunRow) -> QueryResult<()> {
    diesel::insert_into(backup_runs::table)
        .values(run)
        .execute(conn)
        .map(drop)
}

pub fn latest(conn: &mut DbConnection) -> QueryResult<Option<BackupRunRow>> {
    backup_runs::table
        .order(backup_runs::id.desc())
        .select(BackupRunRow::as_select())
        .first(conn)
        .optional()
}

pub fn last_success_at(conn: &mut DbConnection) -> QueryResult<Option<NaiveDateTime>> {
    backup_runs::table
        .filter(backup_runs::succeeded.eq(true))
        .select(diesel::dsl::max(backup_runs::finished_at))
        .first(conn)
}
