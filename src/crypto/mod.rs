//! Field encryption: the data keys, the sealed-value envelope and the A-number's blind index.
//!
//! A sealed value is text, so the schema and backups stay the same on SQLite and PostgreSQL:
//! `enc:v1:<key id>:<base64 of nonce and AES-256-GCM ciphertext>`. The key id (derived from
//! the key itself) says which key of the [`Keyring`] opens it: the current key seals, older
//! keys only open, until `refuge keys rotate` has re-sealed everything under the current one.
//! The envelope's header is the ciphertext's associated data, so it cannot be edited to
//! point at another key. The empty string stays empty (reports ask whether a hearing has an
//! outcome yet); a value without the `enc:` prefix is a row written before encryption and is
//! read as it is until re-sealed.
//!
//! The database layer reaches the keyring through [`crate::db::sealed`]; nothing else here
//! knows about diesel.

pub mod key_source;

use std::fmt;
use std::path::PathBuf;
use std::sync::{Mutex, RwLock};
use std::time::{Duration, Instant, SystemTime};

use aes_gcm::aead::{Aead, KeyInit, Payload};
use aes_gcm::{Aes256Gcm, Nonce};
use base64::Engine;
use base64::engine::general_purpose::STANDARD_NO_PAD;
use hmac::{Hmac, Mac};
use rand::RngCore;
use rand::rngs::OsRng;
use sha2::Sha256;

pub use key_source::{KeySource, generate_key_text};

/// The prefix of every sealed value (any version).
pub const SEALED_PREFIX: &str = "enc:";
const ENVELOPE_V1: &str = "enc:v1:";
const NONCE_LEN: usize = 12;
/// How often, at most, a keyring read from a file looks whether the file changed (a
/// rotation started by `refuge keys rotate` while the server runs).
pub const RELOAD_INTERVAL: Duration = Duration::from_secs(5);

type HmacSha256 = Hmac<Sha256>;

/// Why a sealed value could not be opened, or a key could not be used.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum CryptoError {
    #[error(
        "a value is sealed with data key {0}, which is not in the keyring: is the right data key configured?"
    )]
    UnknownKey(String),
    #[error(
        "a sealed value failed authentication under data key {0}: it was altered or the key is wrong"
    )]
    Tampered(String),
    #[error("a sealed value is malformed: {0}")]
    Malformed(&'static str),
    #[error("the keyring has no key")]
    Empty,
}

/// One 256-bit data key, with what is derived from it once (never per request).
struct DataKey {
    id: String,
    cipher: Aes256Gcm,
    /// Keyed by a key derived from the data key, not the data key itself: the blind index
    /// must not be an oracle for the cipher key.
    index: HmacSha256,
}

impl DataKey {
    fn new(bytes: &[u8; 32]) -> Result<Self, CryptoError> {
        let id = hex(&derive(bytes, b"refuge key id v1")?[..4]);
        let index_key = derive(bytes, b"refuge a-number blind index v1")?;
        let index = <HmacSha256 as Mac>::new_from_slice(&index_key)
            .map_err(|_| CryptoError::Malformed("index key"))?;
        let cipher =
            Aes256Gcm::new_from_slice(bytes).map_err(|_| CryptoError::Malformed("data key"))?;
        Ok(Self { id, cipher, index })
    }
}

fn derive(key: &[u8; 32], label: &[u8]) -> Result<[u8; 32], CryptoError> {
    // HMAC-SHA256 of a fixed label under the key: HKDF-Expand with a single block.
    let mut mac =
        <HmacSha256 as Mac>::new_from_slice(key).map_err(|_| CryptoError::Malformed("data key"))?;
    mac.update(label);
    mac.update(&[1]);
    Ok(mac.finalize().into_bytes().into())
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

struct Keys {
    /// Oldest first; the last is the current key.
    keys: Vec<DataKey>,
}

impl Keys {
    fn from_raw(raw: &[[u8; 32]]) -> Result<Self, CryptoError> {
        if raw.is_empty() {
            return Err(CryptoError::Empty);
        }
        let keys = raw
            .iter()
            .map(DataKey::new)
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Self { keys })
    }

    fn current(&self) -> &DataKey {
        // from_raw refuses an empty list, so there is always a last key.
        &self.keys[self.keys.len() - 1]
    }

    fn by_id(&self, id: &str) -> Option<&DataKey> {
        self.keys.iter().find(|k| k.id == id)
    }
}

/// Where a file-backed keyring stands, for noticing a rotation.
struct Watch {
    path: PathBuf,
    modified: Option<SystemTime>,
    next_check: Instant,
}

/// The data keys: the current one seals, all of them open.
pub struct Keyring {
    keys: RwLock<Keys>,
    watch: Option<Mutex<Watch>>,
}

impl fmt::Debug for Keyring {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Keyring")
            .field("current", &self.current_id())
            .finish_non_exhaustive()
    }
}

impl Keyring {
    /// A keyring held in memory only (tests, a key from the environment).
    pub fn from_keys(raw: &[[u8; 32]]) -> Result<Self, CryptoError> {
        Ok(Self {
            keys: RwLock::new(Keys::from_raw(raw)?),
            watch: None,
        })
    }

    /// A keyring without keys: any sealed value read or written through it is an error
    /// (commands that never touch sealed columns, such as granting roles).
    pub fn none() -> Self {
        Self {
            keys: RwLock::new(Keys { keys: Vec::new() }),
            watch: None,
        }
    }

    /// A fresh random key, held in memory only.
    pub fn random() -> Self {
        let mut key = [0u8; 32];
        OsRng.fill_bytes(&mut key);
        // A 32-byte key always makes a keyring.
        Self::from_keys(&[key]).unwrap_or_else(|_| Self::none())
    }

    /// A keyring read from `path`, which is looked at again now and then (a rotation).
    pub(crate) fn watching(raw: &[[u8; 32]], path: PathBuf) -> Result<Self, CryptoError> {
        let modified = std::fs::metadata(&path).and_then(|m| m.modified()).ok();
        Ok(Self {
            keys: RwLock::new(Keys::from_raw(raw)?),
            watch: Some(Mutex::new(Watch {
                path,
                modified,
                next_check: Instant::now() + RELOAD_INTERVAL,
            })),
        })
    }

    fn read(&self) -> std::sync::RwLockReadGuard<'_, Keys> {
        self.keys
            .read()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// The id of the key that seals.
    pub fn current_id(&self) -> String {
        let keys = self.read();
        if keys.keys.is_empty() {
            return String::new();
        }
        keys.current().id.clone()
    }

    /// The ids of every key, oldest first.
    pub fn ids(&self) -> Vec<String> {
        self.read().keys.iter().map(|k| k.id.clone()).collect()
    }

    /// The prefix of every value sealed under the current key.
    pub fn current_prefix(&self) -> String {
        format!("{ENVELOPE_V1}{}:", self.current_id())
    }

    /// Re-reads the key file if it changed since last looked at (at most every
    /// [`RELOAD_INTERVAL`], or at once when `now` is set).
    fn refresh(&self, force: bool) {
        let Some(watch) = &self.watch else { return };
        let Ok(mut watch) = watch.try_lock() else {
            return;
        };
        let now = Instant::now();
        if !force && now < watch.next_check {
            return;
        }
        watch.next_check = now + RELOAD_INTERVAL;
        let modified = std::fs::metadata(&watch.path)
            .and_then(|m| m.modified())
            .ok();
        if modified == watch.modified && !force {
            return;
        }
        match key_source::read_key_file(&watch.path)
            .and_then(|raw| Keys::from_raw(&raw).map_err(|e| anyhow::anyhow!("{e}")))
        {
            Ok(keys) => {
                watch.modified = modified;
                let current = keys.current().id.clone();
                *self.keys.write().unwrap_or_else(|p| p.into_inner()) = keys;
                tracing::info!(current_key = %current, "data keys re-read from the key file");
            }
            Err(err) => {
                tracing::error!(error = %err, "the key file changed but cannot be read; keeping the keys in memory");
            }
        }
    }

    /// Seals `plain` under the current key. The empty string stays empty.
    pub fn seal(&self, plain: &str) -> Result<String, CryptoError> {
        if plain.is_empty() {
            return Ok(String::new());
        }
        self.refresh(false);
        let keys = self.read();
        if keys.keys.is_empty() {
            return Err(CryptoError::Empty);
        }
        let key = keys.current();
        let header = format!("{ENVELOPE_V1}{}:", key.id);
        let mut nonce = [0u8; NONCE_LEN];
        OsRng.fill_bytes(&mut nonce);
        let sealed = key
            .cipher
            .encrypt(
                Nonce::from_slice(&nonce),
                Payload {
                    msg: plain.as_bytes(),
                    aad: header.as_bytes(),
                },
            )
            .map_err(|_| CryptoError::Malformed("encryption failed"))?;
        let mut body = Vec::with_capacity(NONCE_LEN + sealed.len());
        body.extend_from_slice(&nonce);
        body.extend_from_slice(&sealed);
        let mut out = header;
        STANDARD_NO_PAD.encode_string(&body, &mut out);
        Ok(out)
    }

    /// Opens a stored value: a sealed one is decrypted (or refused), anything else was
    /// stored before encryption and is returned as it is.
    pub fn open(&self, stored: &str) -> Result<String, CryptoError> {
        let Some(rest) = stored.strip_prefix(SEALED_PREFIX) else {
            return Ok(stored.to_string());
        };
        let rest = rest
            .strip_prefix("v1:")
            .ok_or(CryptoError::Malformed("unknown envelope version"))?;
        let (id, body) = rest
            .split_once(':')
            .ok_or(CryptoError::Malformed("no key id"))?;
        let header = &stored[..stored.len() - body.len()];
        let body = STANDARD_NO_PAD
            .decode(body)
            .map_err(|_| CryptoError::Malformed("not base64"))?;
        if body.len() < NONCE_LEN + 16 {
            return Err(CryptoError::Malformed("too short"));
        }
        let (nonce, sealed) = body.split_at(NONCE_LEN);
        if self.read().by_id(id).is_none() {
            // Perhaps `refuge keys rotate` added a key since the file was read.
            self.refresh(true);
        }
        let keys = self.read();
        let key = keys
            .by_id(id)
            .ok_or_else(|| CryptoError::UnknownKey(id.to_string()))?;
        let plain = key
            .cipher
            .decrypt(
                Nonce::from_slice(nonce),
                Payload {
                    msg: sealed,
                    aad: header.as_bytes(),
                },
            )
            .map_err(|_| CryptoError::Tampered(id.to_string()))?;
        String::from_utf8(plain).map_err(|_| CryptoError::Malformed("not UTF-8"))
    }

    /// The blind index of an A-number's nine digits under the current key.
    pub fn a_number_index(&self, digits: &str) -> String {
        self.refresh(false);
        let keys = self.read();
        if keys.keys.is_empty() {
            return String::new();
        }
        blind_index(keys.current(), digits)
    }

    /// The blind index of an A-number under every key, for a lookup that also finds rows
    /// not yet re-indexed after a rotation.
    pub fn a_number_indexes(&self, digits: &str) -> Vec<String> {
        self.refresh(false);
        self.read()
            .keys
            .iter()
            .rev()
            .map(|k| blind_index(k, digits))
            .collect()
    }
}

fn blind_index(key: &DataKey, digits: &str) -> String {
    let mut mac = key.index.clone();
    mac.update(b"a-number:");
    mac.update(digits.as_bytes());
    let out = mac.finalize().into_bytes();
    format!("{}:{}", key.id, hex(&out[..16]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ring(seed: u8) -> Keyring {
        Keyring::from_keys(&[[seed; 32]]).expect("keyring")
    }

    #[test]
    fn sealed_values_open_to_what_was_sealed() {
        let keys = ring(1);
        let sealed = keys.seal("Задержан 3 дня").expect("seal");
        assert!(sealed.starts_with(&keys.current_prefix()), "{sealed}");
        assert!(!sealed.contains("Задержан"));
        assert_eq!(keys.open(&sealed).as_deref(), Ok("Задержан 3 дня"));
    }

    #[test]
    fn each_seal_draws_a_new_nonce() {
        let keys = ring(1);
        assert_ne!(keys.seal("same").ok(), keys.seal("same").ok());
    }

    #[test]
    fn the_empty_string_stays_empty_and_plaintext_reads_as_it_is() {
        let keys = ring(1);
        assert_eq!(keys.seal("").as_deref(), Ok(""));
        assert_eq!(
            keys.open("written before encryption").as_deref(),
            Ok("written before encryption")
        );
    }

    #[test]
    fn a_wrong_key_is_refused_by_name() {
        let sealed = ring(1).seal("secret").expect("seal");
        let other = ring(2);
        assert!(matches!(
            other.open(&sealed),
            Err(CryptoError::UnknownKey(_))
        ));
    }

    #[test]
    fn an_altered_ciphertext_is_refused() {
        let keys = ring(1);
        let sealed = keys.seal("secret narrative").expect("seal");
        // A character inside the body (all six bits of it used): still base64, other bytes.
        let at = sealed.len() - 10;
        let changed = if &sealed[at..=at] == "A" { "B" } else { "A" };
        let altered = format!("{}{changed}{}", &sealed[..at], &sealed[at + 1..]);
        assert!(matches!(keys.open(&altered), Err(CryptoError::Tampered(_))));
    }

    #[test]
    fn a_header_pointing_at_another_key_is_refused() {
        let keys = Keyring::from_keys(&[[1; 32], [2; 32]]).expect("keyring");
        let ids = keys.ids();
        let sealed = keys.seal("secret").expect("seal");
        let moved = sealed.replace(&ids[1], &ids[0]);
        assert!(matches!(keys.open(&moved), Err(CryptoError::Tampered(_))));
    }

    #[test]
    fn older_keys_open_and_the_newest_seals() {
        let old = ring(1);
        let sealed = old.seal("kept").expect("seal");
        let rotated = Keyring::from_keys(&[[1; 32], [9; 32]]).expect("keyring");
        assert_eq!(rotated.open(&sealed).as_deref(), Ok("kept"));
        assert!(
            rotated
                .seal("new")
                .expect("seal")
                .starts_with(&ring(9).current_prefix())
        );
    }

    #[test]
    fn the_blind_index_is_keyed_and_found_under_every_key() {
        let a = ring(1);
        let b = ring(2);
        assert_eq!(a.a_number_index("012345678"), a.a_number_index("012345678"));
        assert_ne!(a.a_number_index("012345678"), a.a_number_index("012345679"));
        assert_ne!(a.a_number_index("012345678"), b.a_number_index("012345678"));
        let both = Keyring::from_keys(&[[1; 32], [2; 32]]).expect("keyring");
        assert_eq!(
            both.a_number_indexes("012345678"),
            vec![b.a_number_index("012345678"), a.a_number_index("012345678")]
        );
    }
}
