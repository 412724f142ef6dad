//! The audit log's hash chain. Each entry's hash is the SHA-256 of the previous entry's hash
//! and of the entry's own content (a canonical serialization of its columns), so changing,
//! removing or inserting an entry anywhere before the chain's head changes every hash after
//! it. Pure: the database side is `db::audit_chain`.
//!
//! Which entries are in the chain: every entry in `id` order, except those about demo
//! records (`refuge demo-data --remove` deletes them, as the log's delete trigger allows),
//! which carry no hash. Entries written before the chain existed carry no hash either: the
//! first run after the upgrade seals them — the chain starts with them, in order, their
//! hashes computed but not stored (the log cannot be updated) — so the first hash stored
//! after them covers them all.

use std::fmt;

use chrono::NaiveDateTime;
use sha2::{Digest, Sha256};

/// A link of the chain: 32 bytes, stored as 64 lower-case hex digits.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct ChainHash([u8; 32]);

impl ChainHash {
    /// What the first entry of a chain follows.
    pub const GENESIS: ChainHash = ChainHash([0; 32]);

    pub fn parse(hex: &str) -> Option<Self> {
        if hex.len() != 64 {
            return None;
        }
        let mut bytes = [0u8; 32];
        for (i, byte) in bytes.iter_mut().enumerate() {
            *byte = u8::from_str_radix(hex.get(2 * i..2 * i + 2)?, 16).ok()?;
        }
        Some(Self(bytes))
    }

    pub fn to_hex(self) -> String {
        self.0.iter().map(|b| format!("{b:02x}")).collect()
    }
}

impl fmt::Display for ChainHash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_hex())
    }
}

impl fmt::Debug for ChainHash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ChainHash({})", self.to_hex())
    }
}

/// An entry's columns as stored, without its id and hash.
#[derive(Debug, Clone, Copy)]
pub struct EntryContent<'a> {
    pub occurred_at: NaiveDateTime,
    pub actor_id: Option<uuid::Uuid>,
    pub action: &'a str,
    pub target_type: Option<&'a str>,
    pub target_id: Option<&'a str>,
    pub address: Option<&'a str>,
    pub details: &'a str,
}

/// Marks the serialization's version, so that a future change of it cannot be confused.
const DOMAIN: &[u8] = b"refuge audit chain v1\0";

fn field(hasher: &mut Sha256, value: Option<&[u8]>) {
    match value {
        None => hasher.update([0u8]),
        Some(bytes) => {
            hasher.update([1u8]);
            hasher.update((bytes.len() as u64).to_be_bytes());
            hasher.update(bytes);
        }
    }
}

/// The hash of `entry` following `previous`: SHA-256 over a version tag, the previous hash
/// and each column in a fixed order, each as absent, or present with its length (so no two
/// different entries serialize alike). Time is written to the microsecond, as stored.
pub fn link(previous: &ChainHash, entry: &EntryContent<'_>) -> ChainHash {
    let mut hasher = Sha256::new();
    hasher.update(DOMAIN);
    hasher.update(previous.0);
    let at = entry
        .occurred_at
        .format("%Y-%m-%dT%H:%M:%S%.6f")
        .to_string();
    let actor = entry.actor_id.map(|a| a.hyphenated().to_string());
    field(&mut hasher, Some(at.as_bytes()));
    field(&mut hasher, actor.as_deref().map(str::as_bytes));
    field(&mut hasher, Some(entry.action.as_bytes()));
    field(&mut hasher, entry.target_type.map(str::as_bytes));
    field(&mut hasher, entry.target_id.map(str::as_bytes));
    field(&mut hasher, entry.address.map(str::as_bytes));
    field(&mut hasher, Some(entry.details.as_bytes()));
    ChainHash(hasher.finalize().into())
}

/// One stored entry as the verifier reads it.
#[derive(Debug, Clone, Copy)]
pub struct StoredEntry<'a> {
    pub id: i64,
    pub content: EntryContent<'a>,
    /// As stored: `None` for an entry outside the chain or sealed before it.
    pub hash: Option<&'a str>,
    /// About a demo record now (its actor or target is in `demo_records`).
    pub about_demo_data: bool,
}

/// The first broken link found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Break {
    /// The entry's stored hash is not the hash of its content after the entry before it:
    /// the entry was changed, or an entry between it and `after` was removed or inserted
    /// (or, for the first entry with a hash, an entry sealed before it was changed).
    Mismatch {
        id: i64,
        after: Option<i64>,
        stored: String,
    },
    /// An entry written since the chain began without a hash, and not about demo data.
    Unchained { id: i64 },
    /// The chain ends elsewhere than its recorded head: entries at its end were removed, or
    /// the head was changed.
    Head {
        last: Option<i64>,
        head: Option<i64>,
    },
}

impl fmt::Display for Break {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Break::Mismatch { id, after, stored } => {
                write!(
                    f,
                    "entry {id}: its stored hash {stored} is not that of its content"
                )?;
                match after {
                    Some(after) => write!(
                        f,
                        " following entry {after}; entry {id} was changed, or an entry \
                         between {after} and {id} was removed or inserted"
                    ),
                    None => write!(
                        f,
                        " at the start of the chain; entry {id} or an entry before it was \
                         changed, removed or inserted"
                    ),
                }
            }
            Break::Unchained { id } => write!(
                f,
                "entry {id} carries no hash though it was written after the chain began \
                 and is not about demo data: it was inserted or changed"
            ),
            Break::Head { last, head } => write!(
                f,
                "the chain ends at entry {} but its recorded head is entry {}: entries at \
                 the end were removed, or the head was changed",
                last.map_or("(none)".to_string(), |l| l.to_string()),
                head.map_or("(none)".to_string(), |h| h.to_string()),
            ),
        }
    }
}

/// Walks the entries in `id` order, one [`Walk::step`] each, then [`Walk::finish`].
#[derive(Debug, Clone)]
pub struct Walk {
    running: ChainHash,
    sealed_through: i64,
    last: Option<i64>,
    /// Entries covered: hashed, or sealed.
    pub covered: u64,
    /// Entries about demo data, outside the chain.
    pub outside: u64,
}

impl Walk {
    /// `sealed_through`: the last id of the entries written before the chain began.
    pub fn new(sealed_through: i64) -> Self {
        Self {
            running: ChainHash::GENESIS,
            sealed_through,
            last: None,
            covered: 0,
            outside: 0,
        }
    }

    pub fn step(&mut self, entry: &StoredEntry<'_>) -> Result<(), Break> {
        match entry.hash {
            Some(stored) => {
                let expected = link(&self.running, &entry.content);
                if ChainHash::parse(stored) != Some(expected) {
                    return Err(Break::Mismatch {
                        id: entry.id,
                        after: self.last,
                        stored: stored.to_string(),
                    });
                }
                self.running = expected;
            }
            None if entry.about_demo_data => {
                self.outside += 1;
                return Ok(());
            }
            None if entry.id <= self.sealed_through => {
                self.running = link(&self.running, &entry.content);
            }
            None => return Err(Break::Unchained { id: entry.id }),
        }
        self.last = Some(entry.id);
        self.covered += 1;
        Ok(())
    }

    /// The last entry covered so far.
    pub fn last_covered(&self) -> Option<i64> {
        self.last
    }

    /// The hash the next entry follows.
    pub fn running(&self) -> ChainHash {
        self.running
    }

    /// Checks that the chain ends at the recorded head; returns the last entry and hash.
    pub fn finish(
        self,
        head_id: Option<i64>,
        head_hash: Option<ChainHash>,
    ) -> Result<(Option<i64>, ChainHash), Break> {
        let recorded = head_hash.unwrap_or(ChainHash::GENESIS);
        if self.last != head_id || self.running != recorded {
            return Err(Break::Head {
                last: self.last,
                head: head_id,
            });
        }
        Ok((self.last, self.running))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn at(minute: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 12, 5)
            .and_then(|d| d.and_hms_micro_opt(1, minute, 0, 123_456))
            .expect("valid")
    }

    fn content(details: &str) -> EntryContent<'_> {
        EntryContent {
            occurred_at: at(1),
            actor_id: None,
            action: "case.updated",
            target_type: Some("case"),
            target_id: Some("c1"),
            address: None,
            details,
        }
    }

    /// Entries 1..=n chained from genesis, as (details, hash).
    fn chain(details: &[&str]) -> Vec<String> {
        let mut previous = ChainHash::GENESIS;
        details
            .iter()
            .map(|d| {
                previous = link(&previous, &content(d));
                previous.to_hex()
            })
            .collect()
    }

    fn walk(
        entries: &[(i64, &str, Option<&str>)],
        sealed: i64,
    ) -> Result<(Option<i64>, ChainHash), Break> {
        let mut walk = Walk::new(sealed);
        for (id, details, hash) in entries {
            walk.step(&StoredEntry {
                id: *id,
                content: content(details),
                hash: *hash,
                about_demo_data: false,
            })?;
        }
        walk.finish(
            entries.last().map(|e| e.0),
            entries.last().and_then(|e| e.2).and_then(ChainHash::parse),
        )
    }

    #[test]
    fn hex_round_trips() {
        let hash = link(&ChainHash::GENESIS, &content("{}"));
        assert_eq!(ChainHash::parse(&hash.to_hex()), Some(hash));
        assert_eq!(hash.to_hex().len(), 64);
        assert_eq!(ChainHash::parse("zz"), None);
    }

    #[test]
    fn every_column_and_the_previous_hash_count() {
        let base = content("{}");
        let one = link(&ChainHash::GENESIS, &base);
        let variants = [
            EntryContent {
                occurred_at: at(2),
                ..base
            },
            EntryContent {
                actor_id: Some(uuid::Uuid::nil()),
                ..base
            },
            EntryContent {
                action: "case.viewed",
                ..base
            },
            EntryContent {
                target_type: None,
                ..base
            },
            EntryContent {
                target_id: Some("c2"),
                ..base
            },
            EntryContent {
                address: Some(""),
                ..base
            },
            content("{ }"),
        ];
        for variant in variants {
            assert_ne!(link(&ChainHash::GENESIS, &variant), one, "{variant:?}");
        }
        assert_ne!(link(&one, &base), one);
        // Lengths keep the columns apart: moving text between two fields changes the hash.
        let split = EntryContent {
            target_type: Some("ca"),
            target_id: Some("sec1"),
            ..base
        };
        assert_ne!(link(&ChainHash::GENESIS, &split), one);
    }

    #[test]
    fn an_intact_chain_verifies_and_ends_at_its_head() {
        let hashes = chain(&["a", "b", "c"]);
        let entries = [
            (1, "a", Some(hashes[0].as_str())),
            (2, "b", Some(hashes[1].as_str())),
            (5, "c", Some(hashes[2].as_str())),
        ];
        let (last, head) = walk(&entries, 0).expect("intact");
        assert_eq!(last, Some(5));
        assert_eq!(head.to_hex(), hashes[2]);
    }

    #[test]
    fn a_changed_entry_is_named() {
        let hashes = chain(&["a", "b", "c"]);
        let entries = [
            (1, "a", Some(hashes[0].as_str())),
            (2, "B", Some(hashes[1].as_str())),
            (3, "c", Some(hashes[2].as_str())),
        ];
        assert!(matches!(
            walk(&entries, 0),
            Err(Break::Mismatch {
                id: 2,
                after: Some(1),
                ..
            })
        ));
    }

    #[test]
    fn a_removed_entry_breaks_the_next_link() {
        let hashes = chain(&["a", "b", "c"]);
        let entries = [
            (1, "a", Some(hashes[0].as_str())),
            (3, "c", Some(hashes[2].as_str())),
        ];
        assert!(matches!(
            walk(&entries, 0),
            Err(Break::Mismatch { id: 3, .. })
        ));
    }

    #[test]
    fn sealed_entries_are_covered_by_the_first_hash_after_them() {
        let hashes = chain(&["old1", "old2", "new"]);
        let intact = [
            (1, "old1", None),
            (2, "old2", None),
            (3, "new", Some(hashes[2].as_str())),
        ];
        assert!(walk(&intact, 2).is_ok());
        let changed = [
            (1, "old1", None),
            (2, "OLD2", None),
            (3, "new", Some(hashes[2].as_str())),
        ];
        assert!(matches!(
            walk(&changed, 2),
            Err(Break::Mismatch { id: 3, .. })
        ));
        // Without a hash after the seal the entries are still unchained ones.
        let inserted = [(1, "old1", None), (2, "old2", None), (3, "new", None)];
        assert_eq!(walk(&inserted, 2), Err(Break::Unchained { id: 3 }));
    }

    #[test]
    fn demo_entries_stay_outside_and_a_shortened_chain_misses_its_head() {
        let hashes = chain(&["a", "b"]);
        let mut walk = Walk::new(0);
        for (id, details, hash, demo) in [
            (1, "a", Some(hashes[0].as_str()), false),
            (2, "demo", None, true),
        ] {
            walk.step(&StoredEntry {
                id,
                content: content(details),
                hash,
                about_demo_data: demo,
            })
            .expect("fine");
        }
        assert_eq!(walk.outside, 1);
        let head = ChainHash::parse(&hashes[1]);
        assert_eq!(
            walk.finish(Some(3), head),
            Err(Break::Head {
                last: Some(1),
                head: Some(3)
            })
        );
    }
}
