//! The database URL, and the backend its scheme chooses. Apart from the database itself, so
//! that what needs only to read the setting (where the data directory is, for the key file)
//! does not depend on the database layer.

use secrecy::{ExposeSecret, SecretString};

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DatabaseKind {
    Sqlite,
    Postgres,
}

impl DatabaseKind {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Sqlite => "sqlite",
            Self::Postgres => "postgres",
        }
    }
}

/// A database URL whose backend was chosen by its scheme, not by trial connection:
/// that way the real connection error reaches the operator. The URL may carry a password:
/// it is held as a secret, and `Debug` shows it redacted.
#[derive(Clone)]
pub struct DatabaseUrl {
    kind: DatabaseKind,
    /// What diesel understands: the URL for PostgreSQL, the file path for SQLite.
    target: SecretString,
}

impl std::fmt::Debug for DatabaseUrl {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DatabaseUrl")
            .field("kind", &self.kind)
            .field("target", &self.redacted())
            .finish()
    }
}

impl DatabaseUrl {
    pub fn parse(url: &str) -> Result<Self, anyhow::Error> {
        let url = url.trim();
        if url.is_empty() {
            anyhow::bail!("the database URL is empty: set DATABASE_URL or database.url");
        }
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            return Ok(Self {
                kind: DatabaseKind::Postgres,
                target: url.into(),
            });
        }
        let path = url
            .strip_prefix("sqlite://")
            .or_else(|| url.strip_prefix("sqlite:"))
            .unwrap_or(url);
        if let Some((scheme, _)) = path.split_once("://") {
            anyhow::bail!(
                "unsupported database URL scheme `{scheme}://`: use postgres://, postgresql:// or a SQLite file path"
            );
        }
        if path.is_empty() || path == ":memory:" {
            anyhow::bail!("a SQLite database needs a file path (an in-memory database is lost)");
        }
        Ok(Self {
            kind: DatabaseKind::Sqlite,
            target: path.into(),
        })
    }

    pub fn kind(&self) -> DatabaseKind {
        self.kind
    }

    /// What diesel connects to: the URL for PostgreSQL, the file path for SQLite.
    pub(crate) fn target(&self) -> &SecretString {
        &self.target
    }

    /// The database file, for SQLite.
    pub fn sqlite_path(&self) -> Option<std::path::PathBuf> {
        (self.kind == DatabaseKind::Sqlite)
            .then(|| std::path::PathBuf::from(self.target.expose_secret()))
    }

    /// The URL without any password, for messages.
    pub fn redacted(&self) -> String {
        let target = self.target.expose_secret();
        match url::Url::parse(target) {
            Ok(mut parsed) if parsed.password().is_some() => {
                let _ = parsed.set_password(Some("***"));
                parsed.to_string()
            }
            _ => target.to_string(),
        }
    }
}
