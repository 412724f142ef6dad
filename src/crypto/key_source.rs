//! Where the data keys come from: `REFUGE_DATA_KEY` (base64, several separated by commas,
//! the current one last), or a key file (`data_key_file`), one base64 key a line, the
//! current one last. In development a missing key file is created (0600) beside the
//! database; in production the key must be configured explicitly and the file must not sit
//! in the data directory, where a copy of the data would carry the key along.

use std::io::Write;
use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
use std::path::{Component, Path, PathBuf};

use anyhow::{Context, bail};
use base64::Engine;
use base64::engine::general_purpose::{STANDARD, STANDARD_NO_PAD};
use rand::RngCore;
use rand::rngs::OsRng;

use super::Keyring;
use crate::config::{ExposeSecret, Settings};
use crate::database_url::{DatabaseKind, DatabaseUrl};
use crate::private_files;

/// Where a keyring was read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeySource {
    /// `REFUGE_DATA_KEY` (or `data_key` in a configuration file).
    Setting,
    File(PathBuf),
}

const FILE_HEADER: &str = "\
# Refuge data keys. Without them the encrypted fields of the database cannot be read by
# anyone, Refuge included: keep a copy apart from the database and its backups.
# One base64 key (32 bytes) a line; the last one seals, the others open older values.
";

/// A new random key, base64, as a key file line or a `REFUGE_DATA_KEY` value holds it.
pub fn generate_key_text() -> String {
    let mut key = [0u8; 32];
    OsRng.fill_bytes(&mut key);
    STANDARD.encode(key)
}

fn parse_key(text: &str) -> anyhow::Result<[u8; 32]> {
    let text = text.trim();
    let bytes = STANDARD
        .decode(text)
        .or_else(|_| STANDARD_NO_PAD.decode(text.trim_end_matches('=')))
        .map_err(|_| anyhow::anyhow!("a data key is not base64"))?;
    <[u8; 32]>::try_from(bytes.as_slice()).map_err(|_| {
        anyhow::anyhow!(
            "a data key must be 32 bytes (256 bits), not {}",
            bytes.len()
        )
    })
}

fn parse_keys(text: &str) -> anyhow::Result<Vec<[u8; 32]>> {
    text.lines()
        .map(str::trim)
        .filter(|line| !line.starts_with('#'))
        .flat_map(|line| line.split(','))
        .map(str::trim)
        .filter(|k| !k.is_empty())
        .map(parse_key)
        .collect()
}

/// The keys in a key file, oldest first.
pub fn read_key_file(path: &Path) -> anyhow::Result<Vec<[u8; 32]>> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("cannot read the key file {}", path.display()))?;
    let keys = parse_keys(&text).with_context(|| format!("in the key file {}", path.display()))?;
    if keys.is_empty() {
        bail!("the key file {} holds no key", path.display());
    }
    Ok(keys)
}

/// Writes a new key file holding one fresh key: the directory 0700, the file 0600, never
/// over an existing file.
pub fn create_key_file(path: &Path) -> anyhow::Result<()> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        private_files::create_dir(dir)
            .with_context(|| format!("cannot create {}", dir.display()))?;
    }
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(private_files::FILE_MODE)
        .open(path)
        .with_context(|| format!("cannot create the key file {}", path.display()))?;
    file.set_permissions(std::fs::Permissions::from_mode(private_files::FILE_MODE))?;
    writeln!(file, "{FILE_HEADER}{}", generate_key_text())?;
    file.sync_all()?;
    Ok(())
}

/// Adds a new current key at the end of a key file (the older keys stay, for reading).
pub fn append_key(path: &Path) -> anyhow::Result<()> {
    let mut file = std::fs::OpenOptions::new()
        .append(true)
        .open(path)
        .with_context(|| format!("cannot open the key file {} for writing", path.display()))?;
    writeln!(file, "{}", generate_key_text())?;
    file.sync_all()?;
    Ok(())
}

/// The directories that hold data: the SQLite database's and the mail files'.
fn data_directories(settings: &Settings) -> Vec<PathBuf> {
    let mut dirs = Vec::new();
    if let Ok(url) = DatabaseUrl::parse(settings.database.url.expose_secret())
        && url.kind() == DatabaseKind::Sqlite
        && let Some(path) = url.sqlite_path()
    {
        dirs.push(path.parent().map(Path::to_path_buf).unwrap_or_default());
    }
    if let Some(mail_parent) = Path::new(&settings.mail.directory).parent() {
        dirs.push(mail_parent.to_path_buf());
    }
    dirs.into_iter().map(|d| absolute(&d)).collect()
}

/// An absolute, normalised path (symbolic links resolved where the path exists).
fn absolute(path: &Path) -> PathBuf {
    if let Ok(real) = std::fs::canonicalize(path) {
        return real;
    }
    let joined = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir().unwrap_or_default().join(path)
    };
    let mut out = PathBuf::new();
    for part in joined.components() {
        match part {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

/// The default key file in development: `keys/refuge.keys` beside the SQLite database
/// (`data/keys/refuge.keys` with the default settings).
fn development_key_file(settings: &Settings) -> PathBuf {
    let dir = DatabaseUrl::parse(settings.database.url.expose_secret())
        .ok()
        .and_then(|url| url.sqlite_path())
        .and_then(|p| p.parent().map(Path::to_path_buf))
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or_else(|| PathBuf::from("data"));
    dir.join("keys").join("refuge.keys")
}

/// Where the key file is, if keys come from a file.
pub fn key_file(settings: &Settings) -> Option<PathBuf> {
    if settings.data_key.is_some() {
        return None;
    }
    match &settings.data_key_file {
        Some(file) => Some(PathBuf::from(file)),
        None if settings.environment == "production" => None,
        None => Some(development_key_file(settings)),
    }
}

/// Loads the keyring the settings name, creating the development key file on first run.
pub fn load(settings: &Settings) -> anyhow::Result<(Keyring, KeySource)> {
    let production = settings.environment == "production";
    if let Some(value) = &settings.data_key {
        let keys = parse_keys(value.expose_secret()).context("in REFUGE_DATA_KEY")?;
        let ring =
            Keyring::from_keys(&keys).map_err(|e| anyhow::anyhow!("REFUGE_DATA_KEY: {e}"))?;
        return Ok((ring, KeySource::Setting));
    }
    let Some(path) = key_file(settings) else {
        bail!(
            "production needs a data key configured explicitly: set data_key_file \
             (REFUGE_DATA_KEY_FILE) to a key file outside the data directory, or REFUGE_DATA_KEY. \
             Make one with: umask 077; refuge keys generate > /etc/refuge/data.keys"
        );
    };
    if production {
        let file = absolute(&path);
        for dir in data_directories(settings) {
            if file.starts_with(&dir) {
                bail!(
                    "the key file {} is inside the data directory {}: a copy of the data \
                     would carry its key. Move it elsewhere (e.g. /etc/refuge/) and set \
                     data_key_file",
                    path.display(),
                    dir.display()
                );
            }
        }
        if !path.exists() {
            bail!(
                "the key file {} does not exist. Make one with: umask 077; refuge keys \
                 generate > {}",
                path.display(),
                path.display()
            );
        }
    } else if !path.exists() {
        create_key_file(&path)?;
        tracing::warn!(
            file = %path.display(),
            "created a new data key file: keep a copy of it apart from the database"
        );
    }
    private_files::refuse_shared(&[(&path, false)])?;
    let keys = read_key_file(&path)?;
    let ring = Keyring::watching(&keys, path.clone()).map_err(|e| anyhow::anyhow!("{e}"))?;
    Ok((ring, KeySource::File(path)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings(environment: &str, db: &str) -> Settings {
        let mut s = Settings {
            environment: environment.into(),
            ..Settings::default()
        };
        s.database.url = db.into();
        s
    }

    #[test]
    fn keys_parse_from_lines_and_commas_ignoring_comments() {
        let a = generate_key_text();
        let b = generate_key_text();
        let text = format!("# comment\n{a}\n\n{b}\n");
        assert_eq!(parse_keys(&text).map(|k| k.len()).ok(), Some(2));
        assert_eq!(
            parse_keys(&format!("{a},{b}")).map(|k| k.len()).ok(),
            Some(2)
        );
        assert!(parse_keys("c2hvcnQ=").is_err(), "a short key is refused");
    }

    #[test]
    fn development_creates_a_private_key_file_beside_the_database() {
        let dir = tempfile::tempdir().expect("tempdir");
        let db = dir.path().join("refuge.db");
        let s = settings("development", &db.display().to_string());
        let (ring, source) = load(&s).expect("load");
        let file = dir.path().join("keys").join("refuge.keys");
        assert_eq!(source, KeySource::File(file.clone()));
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&file).expect("file").permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        // The second start reads the same key.
        let (again, _) = load(&s).expect("load");
        assert_eq!(ring.current_id(), again.current_id());
    }

    #[test]
    fn production_refuses_an_unconfigured_key_or_one_in_the_data_directory() {
        let dir = tempfile::tempdir().expect("tempdir");
        let db = dir.path().join("data").join("refuge.db");
        let mut s = settings("production", &db.display().to_string());
        let unconfigured = load(&s).map(|_| ()).map_err(|e| e.to_string());
        assert!(unconfigured.is_err_and(|e| e.contains("data_key_file")));

        let inside = dir.path().join("data").join("keys").join("refuge.keys");
        create_key_file(&inside).expect("key file");
        s.data_key_file = Some(inside.display().to_string());
        let refused = load(&s).map(|_| ()).map_err(|e| e.to_string());
        assert!(refused.is_err_and(|e| e.contains("inside the data directory")));

        let outside = dir.path().join("etc").join("refuge.keys");
        create_key_file(&outside).expect("key file");
        s.data_key_file = Some(outside.display().to_string());
        assert!(load(&s).is_ok());
    }
}
