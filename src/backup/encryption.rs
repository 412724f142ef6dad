//! A backup file: the archive gzip-compressed, then encrypted with age (age-encryption.org),
//! to recipients' public keys or to a passphrase (scrypt). The `age` command decrypts it
//! without Refuge: `age -d -i key.txt backup.age | gunzip`.

use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};

use age::secrecy::SecretString;
use anyhow::{Context, bail};
use flate2::Compression;
use flate2::read::GzDecoder;
use flate2::write::GzEncoder;

/// Whom a backup is encrypted to.
pub enum Protection {
    /// age public keys (`age1…`): the server never holds what decrypts its backups.
    Recipients(Vec<age::x25519::Recipient>),
    Passphrase(SecretString),
}

impl Protection {
    /// Parses `age1…` public keys.
    pub fn recipients<S: AsRef<str>>(keys: &[S]) -> anyhow::Result<Self> {
        if keys.is_empty() {
            bail!("no recipient given");
        }
        let recipients = keys
            .iter()
            .map(|key| {
                key.as_ref()
                    .trim()
                    .parse::<age::x25519::Recipient>()
                    .map_err(|err| anyhow::anyhow!("not an age public key (age1…): {err}"))
            })
            .collect::<anyhow::Result<_>>()?;
        Ok(Self::Recipients(recipients))
    }

    fn encryptor(&self) -> anyhow::Result<age::Encryptor> {
        Ok(match self {
            Self::Recipients(keys) => {
                age::Encryptor::with_recipients(keys.iter().map(|k| k as &dyn age::Recipient))
                    .context("encrypting to the recipients")?
            }
            Self::Passphrase(passphrase) => {
                age::Encryptor::with_user_passphrase(passphrase.clone())
            }
        })
    }
}

/// What opens a backup.
pub enum Unlock {
    Passphrase(SecretString),
    /// age keys (`AGE-SECRET-KEY-1…`), as an identity file holds them.
    Identities(Vec<age::x25519::Identity>),
}

impl Unlock {
    /// Reads an age identity file (`age-keygen`'s output: keys, one a line, and comments).
    pub fn identity_file(path: &Path) -> anyhow::Result<Self> {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("reading the identity file {}", path.display()))?;
        let identities = text
            .lines()
            .map(str::trim)
            .filter(|line| !line.is_empty() && !line.starts_with('#'))
            .map(|line| {
                line.parse::<age::x25519::Identity>().map_err(|_| {
                    anyhow::anyhow!(
                        "{} holds a line that is not an age key (AGE-SECRET-KEY-1…)",
                        path.display()
                    )
                })
            })
            .collect::<anyhow::Result<Vec<_>>>()?;
        if identities.is_empty() {
            bail!("{} holds no age key", path.display());
        }
        Ok(Self::Identities(identities))
    }
}

/// Writes a backup file: `write` gets the plain archive stream. The file appears under its
/// name, mode 0600, only once complete; a failure leaves nothing behind.
pub fn write_file<T>(
    path: &Path,
    protection: &Protection,
    write: impl FnOnce(&mut dyn Write) -> anyhow::Result<T>,
) -> anyhow::Result<T> {
    let partial = partial_path(path);
    let file = crate::private_files::create_file(&partial)
        .with_context(|| format!("creating {}", partial.display()))?;
    let result = (|| {
        let encrypted = protection
            .encryptor()?
            .wrap_output(BufWriter::new(file))
            .context("writing the backup")?;
        let mut plain =
            BufWriter::with_capacity(1 << 16, GzEncoder::new(encrypted, Compression::fast()));
        let value = write(&mut plain)?;
        let gzip = plain
            .into_inner()
            .map_err(|err| err.into_error())
            .context("writing the backup")?;
        let encrypted = gzip.finish().context("writing the backup")?;
        let file = encrypted
            .finish()
            .context("writing the backup")?
            .into_inner()
            .map_err(|err| err.into_error())
            .context("writing the backup")?;
        file.sync_all().context("writing the backup to disk")?;
        Ok(value)
    })();
    match result {
        Ok(value) => {
            std::fs::rename(&partial, path)
                .with_context(|| format!("naming the backup {}", path.display()))?;
            Ok(value)
        }
        Err(err) => {
            let _ = std::fs::remove_file(&partial);
            Err(err)
        }
    }
}

/// Opens a backup file and gives `read` the plain archive stream.
pub fn read_file<T>(
    path: &Path,
    unlock: &Unlock,
    read: impl FnOnce(&mut dyn BufRead) -> anyhow::Result<T>,
) -> anyhow::Result<T> {
    let file =
        File::open(path).with_context(|| format!("opening the backup {}", path.display()))?;
    let decryptor = age::Decryptor::new(BufReader::new(file)).map_err(|err| {
        anyhow::anyhow!("{} is not an age-encrypted backup: {err}", path.display())
    })?;
    let decrypted: Box<dyn Read> = match unlock {
        Unlock::Passphrase(passphrase) => {
            if !decryptor.is_scrypt() {
                bail!("this backup was encrypted to a key, not a passphrase: use --identity");
            }
            let identity = age::scrypt::Identity::new(passphrase.clone());
            Box::new(
                decryptor
                    .decrypt(std::iter::once(&identity as &dyn age::Identity))
                    .map_err(|err| match err {
                        age::DecryptError::DecryptionFailed
                        | age::DecryptError::KeyDecryptionFailed
                        | age::DecryptError::NoMatchingKeys => {
                            anyhow::anyhow!("the passphrase does not open this backup")
                        }
                        other => anyhow::anyhow!("cannot decrypt the backup: {other}"),
                    })?,
            )
        }
        Unlock::Identities(identities) => {
            if decryptor.is_scrypt() {
                bail!("this backup was encrypted to a passphrase: use --passphrase-stdin");
            }
            Box::new(
                decryptor
                    .decrypt(identities.iter().map(|i| i as &dyn age::Identity))
                    .map_err(|err| match err {
                        age::DecryptError::NoMatchingKeys => {
                            anyhow::anyhow!("none of the identity's keys opens this backup")
                        }
                        other => anyhow::anyhow!("cannot decrypt the backup: {other}"),
                    })?,
            )
        }
    };
    let mut plain = BufReader::with_capacity(1 << 16, GzDecoder::new(decrypted));
    read(&mut plain)
}

fn partial_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".partial");
    path.with_file_name(name)
}
