//! The nightly backup's rules: how its files are named, which ones retention deletes, and
//! when its state is worth a warning (a failed last run, or no success for 26 hours).

use chrono::{DateTime, Duration, NaiveDateTime, Utc};
use serde::Serialize;

/// A day and two hours: a backup taken a little later than the night before (a long run, a
/// restart) is not yet missing.
pub const OVERDUE_AFTER: Duration = Duration::hours(26);

const PREFIX: &str = "refuge-";
const SUFFIX: &str = ".age";
/// What `backup::encryption::write_file` writes until the file is complete.
const PARTIAL_SUFFIX: &str = ".age.partial";
/// UTC, so that names sort by time through changes of summer time; no colons, which some
/// file systems (a Windows share) refuse.
const TIME_FORMAT: &str = "%Y-%m-%dT%H-%M-%SZ";

/// The file name of the backup taken at `at`: `refuge-2026-11-23T02-00-00Z.age`.
pub fn file_name(at: DateTime<Utc>) -> String {
    format!("{PREFIX}{}{SUFFIX}", at.format(TIME_FORMAT))
}

/// A file in the backup directory that the nightly backup wrote (or began to write).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BackupFile {
    Complete(NaiveDateTime),
    /// Left by a run that was cut off (the server stopped mid-way).
    Partial(NaiveDateTime),
}

impl BackupFile {
    /// Only names in the nightly backup's own form: other files are never touched.
    pub fn parse(name: &str) -> Option<Self> {
        let rest = name.strip_prefix(PREFIX)?;
        let (time, partial) = match rest.strip_suffix(PARTIAL_SUFFIX) {
            Some(time) => (time, true),
            None => (rest.strip_suffix(SUFFIX)?, false),
        };
        let at = NaiveDateTime::parse_from_str(time, TIME_FORMAT).ok()?;
        Some(if partial {
            Self::Partial(at)
        } else {
            Self::Complete(at)
        })
    }
}

/// The files to delete after the backup named `newest` succeeded: complete backups beyond
/// the `keep` newest, and partial ones begun before it. Names not in the nightly form are
/// left alone.
pub fn to_delete<'a>(
    names: impl IntoIterator<Item = &'a str>,
    newest: &str,
    keep: usize,
) -> Vec<String> {
    let Some(BackupFile::Complete(newest_at)) = BackupFile::parse(newest) else {
        return Vec::new();
    };
    let mut complete = Vec::new();
    let mut delete = Vec::new();
    for name in names {
        match BackupFile::parse(name) {
            Some(BackupFile::Complete(at)) => complete.push((at, name)),
            Some(BackupFile::Partial(at)) if at < newest_at => delete.push(name.to_string()),
            _ => {}
        }
    }
    complete.sort_by(|a, b| b.cmp(a));
    delete.extend(
        complete
            .into_iter()
            .skip(keep.max(1))
            .map(|(_, name)| name.to_string()),
    );
    delete.sort();
    delete
}

/// The nightly backup as a monitor sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum BackupHealth {
    /// Not configured on this server.
    Off,
    /// The last run succeeded, less than [`OVERDUE_AFTER`] ago.
    Ok,
    /// On, but no backup yet, and the server has not been up for [`OVERDUE_AFTER`].
    Pending,
    /// The last run failed.
    Failed,
    /// On, and no backup has succeeded for longer than [`OVERDUE_AFTER`].
    Overdue,
}

impl BackupHealth {
    /// A state that an administrator should act on.
    pub fn is_warning(self) -> bool {
        matches!(self, Self::Failed | Self::Overdue)
    }
}

/// What the record of runs says, for [`judge`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RunRecord {
    pub last_run_failed: bool,
    pub last_success_at: Option<DateTime<Utc>>,
}

/// The backup's state at `now`, for a server up since `started_at` with nightly backups
/// on or off.
pub fn judge(
    nightly: bool,
    record: RunRecord,
    now: DateTime<Utc>,
    started_at: DateTime<Utc>,
) -> BackupHealth {
    if !nightly {
        return BackupHealth::Off;
    }
    if record.last_run_failed {
        return BackupHealth::Failed;
    }
    match record.last_success_at {
        Some(at) if now - at <= OVERDUE_AFTER => BackupHealth::Ok,
        Some(_) => BackupHealth::Overdue,
        None if now - started_at <= OVERDUE_AFTER => BackupHealth::Pending,
        None => BackupHealth::Overdue,
    }
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    fn at(h: u32, m: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 23, h, m, 0)
            .single()
            .unwrap_or_default()
    }

    #[test]
    fn names_carry_the_utc_time_and_only_nightly_names_parse() {
        let name = file_name(at(2, 0));
        assert_eq!(name, "refuge-2026-11-23T02-00-00Z.age");
        assert_eq!(
            BackupFile::parse(&name),
            Some(BackupFile::Complete(at(2, 0).naive_utc()))
        );
        assert_eq!(
            BackupFile::parse(&format!("{name}.partial")),
            Some(BackupFile::Partial(at(2, 0).naive_utc()))
        );
        for other in [
            "refuge-2026-11-23.age",
            "office-2026-11-23T02-00-00Z.age",
            "refuge-2026-11-23T02-00-00Z.age.bak",
            "notes.txt",
        ] {
            assert_eq!(BackupFile::parse(other), None, "{other}");
        }
    }

    #[test]
    fn retention_keeps_the_newest_and_leaves_other_files_alone() {
        let names: Vec<String> = (0..5)
            .map(|day| file_name(at(2, 0) - Duration::days(day)))
            .collect();
        let mut all: Vec<&str> = names.iter().map(String::as_str).collect();
        let stale = format!("{}.partial", file_name(at(2, 0) - Duration::days(9)));
        all.extend([stale.as_str(), "keep-me.age", "refuge-notes.txt"]);
        let deleted = to_delete(all.iter().copied(), &names[0], 3);
        let mut expected = vec![names[3].clone(), names[4].clone(), stale.clone()];
        expected.sort();
        assert_eq!(deleted, expected);
        // A partial file begun after the newest backup belongs to a run still going.
        let later = format!("{}.partial", file_name(at(3, 0)));
        assert!(to_delete([later.as_str()], &names[0], 3).is_empty());
        // Never fewer than one kept, whatever `keep` says.
        assert_eq!(to_delete(all.iter().copied(), &names[0], 0).len(), 5);
    }

    #[test]
    fn a_failed_or_a_missing_backup_is_a_warning_only_when_nightly_backups_are_on() {
        let started = at(0, 0);
        let ok_at = |t| RunRecord {
            last_run_failed: false,
            last_success_at: Some(t),
        };
        let now = at(12, 0);
        assert_eq!(judge(false, ok_at(now), now, started), BackupHealth::Off);
        assert_eq!(
            judge(true, ok_at(now - OVERDUE_AFTER), now, started),
            BackupHealth::Ok
        );
        assert_eq!(
            judge(
                true,
                ok_at(now - OVERDUE_AFTER - Duration::minutes(1)),
                now,
                started
            ),
            BackupHealth::Overdue
        );
        let failed = RunRecord {
            last_run_failed: true,
            last_success_at: Some(now),
        };
        assert_eq!(judge(true, failed, now, started), BackupHealth::Failed);
        let never = RunRecord {
            last_run_failed: false,
            last_success_at: None,
        };
        assert_eq!(judge(true, never, now, started), BackupHealth::Pending);
        assert_eq!(
            judge(true, never, started + Duration::hours(27), started),
            BackupHealth::Overdue
        );
        assert!(BackupHealth::Failed.is_warning() && BackupHealth::Overdue.is_warning());
        assert!(!BackupHealth::Pending.is_warning() && !BackupHealth::Off.is_warning());
    }
}
