//! Files that only Refuge can read. The data directory, the mail directory and whatever
//! Refuge creates in them (the SQLite database and its `-wal`/`-shm` files, mail, key files,
//! backups) get owner-only modes set explicitly, whatever the umask; and Refuge refuses to
//! start on a directory or file that other accounts of the machine can read, saying which
//! `chmod` fixes it.

use std::fs::{self, OpenOptions, Permissions};
use std::io::{self, Write};
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

/// Owner only: read, write, enter.
pub const DIRECTORY_MODE: u32 = 0o700;
/// Owner only: read and write.
pub const FILE_MODE: u32 = 0o600;

/// Creates `dir` (and any missing parent) with mode 0700; a directory that exists already
/// is left as it is, for [`refuse_shared`] to judge.
pub fn create_dir(dir: &Path) -> io::Result<()> {
    if dir.is_dir() {
        return Ok(());
    }
    fs::DirBuilder::new()
        .recursive(true)
        .mode(DIRECTORY_MODE)
        .create(dir)?;
    // The umask may have taken bits away, never added: set it as meant.
    fs::set_permissions(dir, Permissions::from_mode(DIRECTORY_MODE))
}

/// Creates an empty file with mode 0600 unless it exists (for SQLite to open: it then gives
/// its `-wal` and `-shm` files the database's own mode).
pub fn create_empty_file(path: &Path) -> io::Result<()> {
    match OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(FILE_MODE)
        .open(path)
    {
        Ok(_) => fs::set_permissions(path, Permissions::from_mode(FILE_MODE)),
        Err(err) if err.kind() == io::ErrorKind::AlreadyExists => Ok(()),
        Err(err) => Err(err),
    }
}

/// Writes `contents` to `path` (replacing it) with mode 0600: for key files.
pub fn write_file(path: &Path, contents: &[u8]) -> io::Result<()> {
    let mut file = create_file(path)?;
    file.write_all(contents)?;
    file.sync_all()
}

/// Creates `path` (emptying it if it exists) with mode 0600, to be written: for backups.
pub fn create_file(path: &Path) -> io::Result<fs::File> {
    let file = OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .mode(FILE_MODE)
        .open(path)?;
    // An existing file keeps its mode on open: set it before anything is written.
    file.set_permissions(Permissions::from_mode(FILE_MODE))?;
    Ok(file)
}

/// Sets mode 0600 on a file another library wrote (a mail message).
pub fn make_private(path: &Path) -> io::Result<()> {
    fs::set_permissions(path, Permissions::from_mode(FILE_MODE))
}

/// A directory or file that other accounts can reach, and the mode it should have.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shared {
    pub path: PathBuf,
    pub mode: u32,
    pub wanted: u32,
}

impl Shared {
    /// A sticky directory such as `/tmp`: not one to `chmod`.
    fn is_common_directory(&self) -> bool {
        self.wanted == DIRECTORY_MODE && self.mode & 0o1000 != 0
    }
}

/// Refuge refuses to run on these; the message names each and the `chmod` that fixes it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct SharedFiles(pub Vec<Shared>);

impl std::fmt::Display for SharedFiles {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(
            f,
            "refusing to run: other accounts on this machine can read Refuge's data"
        )?;
        for shared in &self.0 {
            if shared.is_common_directory() {
                writeln!(
                    f,
                    "  {} is a directory every account shares (mode {:04o}): keep Refuge's \
                     data in a directory of its own, such as /var/lib/refuge",
                    shared.path.display(),
                    shared.mode
                )?;
            } else {
                writeln!(
                    f,
                    "  {} has mode {:04o} (should be {:04o})",
                    shared.path.display(),
                    shared.mode,
                    shared.wanted
                )?;
            }
        }
        write!(f, "Fix it with:")?;
        for wanted in [DIRECTORY_MODE, FILE_MODE] {
            let paths: Vec<String> = self
                .0
                .iter()
                .filter(|s| s.wanted == wanted && !s.is_common_directory())
                .map(|s| shell_quote(&s.path.display().to_string()))
                .collect();
            if !paths.is_empty() {
                write!(f, "\n  chmod {:o} {}", wanted, paths.join(" "))?;
            }
        }
        Ok(())
    }
}

/// A path as one shell word.
fn shell_quote(path: &str) -> String {
    let plain = path
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || "/._-+,:@%".contains(c));
    if plain && !path.is_empty() {
        path.to_string()
    } else {
        format!("'{}'", path.replace('\'', r"'\''"))
    }
}

/// The mode bits of `path`, if it exists.
fn mode_of(path: &Path) -> io::Result<Option<u32>> {
    match fs::metadata(path) {
        Ok(meta) => Ok(Some(meta.permissions().mode() & 0o7777)),
        Err(err) if err.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(err) => Err(err),
    }
}

/// What to check: each path and whether it is a directory. Paths that do not exist are
/// skipped.
pub fn find_shared(paths: &[(&Path, bool)]) -> io::Result<Vec<Shared>> {
    let mut shared = Vec::new();
    for (path, is_dir) in paths {
        if let Some(mode) = mode_of(path)?
            && mode & 0o077 != 0
        {
            shared.push(Shared {
                path: path.to_path_buf(),
                mode,
                wanted: if *is_dir { DIRECTORY_MODE } else { FILE_MODE },
            });
        }
    }
    Ok(shared)
}

/// Fails with [`SharedFiles`] when any of `paths` grants anything to the group or others.
pub fn refuse_shared(paths: &[(&Path, bool)]) -> anyhow::Result<()> {
    let shared = find_shared(paths)?;
    if shared.is_empty() {
        Ok(())
    } else {
        Err(SharedFiles(shared).into())
    }
}

/// The files of an SQLite database: the database and its write-ahead log and shared memory.
pub fn sqlite_files(database: &Path) -> [PathBuf; 3] {
    let with = |suffix: &str| {
        let mut name = database.as_os_str().to_owned();
        name.push(suffix);
        PathBuf::from(name)
    };
    [database.to_path_buf(), with("-wal"), with("-shm")]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_directory_created_here_is_owner_only_and_a_shared_one_is_named_with_its_chmod() {
        let root = tempfile::tempdir().expect("temp dir");
        let data = root.path().join("da ta").join("inner");
        create_dir(&data).expect("created");
        assert_eq!(mode_of(&data).expect("mode"), Some(0o700));
        let db = data.join("refuge.db");
        create_empty_file(&db).expect("created");
        assert_eq!(mode_of(&db).expect("mode"), Some(0o600));
        assert!(refuse_shared(&[(&data, true), (&db, false)]).is_ok());

        fs::set_permissions(&db, Permissions::from_mode(0o644)).expect("chmod");
        fs::set_permissions(&data, Permissions::from_mode(0o755)).expect("chmod");
        let err = refuse_shared(&[(&data, true), (&db, false)]).expect_err("refused");
        let text = err.to_string();
        let quoted = |p: &Path| format!("'{}'", p.display());
        assert!(
            text.contains(&format!("chmod 700 {}", quoted(&data))),
            "{text}"
        );
        assert!(
            text.contains(&format!("chmod 600 {}", quoted(&db))),
            "{text}"
        );
        assert!(text.contains("mode 0644"), "{text}");
    }

    #[test]
    fn write_file_makes_an_existing_file_private_too() {
        let root = tempfile::tempdir().expect("temp dir");
        let key = root.path().join("key");
        fs::write(&key, "old").expect("written");
        fs::set_permissions(&key, Permissions::from_mode(0o644)).expect("chmod");
        write_file(&key, b"new").expect("written");
        assert_eq!(mode_of(&key).expect("mode"), Some(0o600));
        assert_eq!(fs::read(&key).expect("read"), b"new");
    }

    #[test]
    fn plain_paths_are_not_quoted() {
        assert_eq!(
            shell_quote("/var/lib/refuge/refuge.db"),
            "/var/lib/refuge/refuge.db"
        );
        assert_eq!(shell_quote("it's"), r"'it'\''s'");
    }
}
