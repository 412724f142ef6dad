//! Public identifiers. They appear in URLs, so they are UUIDs, never counters: a row's id
//! ([`new_row_id`]) carries the millisecond it was made and at least 32 random bits, and
//! says nothing else about the row.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use uuid::Uuid;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct StaffId(Uuid);

impl StaffId {
    pub fn new() -> Self {
        Self(new_row_id())
    }

    pub fn as_uuid(self) -> Uuid {
        self.0
    }
}

impl Default for StaffId {
    fn default() -> Self {
        Self::new()
    }
}

impl From<Uuid> for StaffId {
    fn from(id: Uuid) -> Self {
        Self(id)
    }
}

impl fmt::Display for StaffId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.hyphenated().fmt(f)
    }
}

impl FromStr for StaffId {
    type Err = uuid::Error;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Uuid::parse_str(s).map(Self)
    }
}

/// A client's revision of their case file, waiting for or through review.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct RevisionId(Uuid);

impl RevisionId {
    pub fn new() -> Self {
        Self(new_row_id())
    }

    pub fn as_uuid(self) -> Uuid {
        self.0
    }
}

impl Default for RevisionId {
    fn default() -> Self {
        Self::new()
    }
}

impl From<Uuid> for RevisionId {
    fn from(id: Uuid) -> Self {
        Self(id)
    }
}

impl fmt::Display for RevisionId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.hyphenated().fmt(f)
    }
}

impl FromStr for RevisionId {
    type Err = uuid::Error;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Uuid::parse_str(s).map(Self)
    }
}

/// A new row's id: a version 7 UUID, ordered by the moment it is made. A row's id and the
/// ids it refers to key most indexes (a case's, its client's, their people's), so an insert
/// with a random id lands on a random page deep in each of them, to be read and written
/// back; with ids in the order they are made, a save appends to the last page of each.
pub fn new_row_id() -> Uuid {
    Uuid::now_v7()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_made_one_after_another_sort_in_that_order_as_stored() {
        // SQLite keeps ids as hyphenated text and PostgreSQL as 16 bytes: both orders must
        // follow the order the ids were made in, or inserts land all over each index.
        let made: Vec<Uuid> = (0..2_000).map(|_| new_row_id()).collect();
        let mut as_text: Vec<String> = made.iter().map(|id| id.hyphenated().to_string()).collect();
        as_text.sort();
        let made_text: Vec<String> = made.iter().map(|id| id.hyphenated().to_string()).collect();
        assert_eq!(as_text, made_text);
        let mut as_bytes = made.clone();
        as_bytes.sort_by_key(|id| *id.as_bytes());
        assert_eq!(as_bytes, made);
    }

    #[test]
    fn a_row_id_is_a_version_7_uuid_with_its_random_part_filled() {
        let id = new_row_id();
        assert_eq!(id.get_version_num(), 7);
        // Two ids made in the same millisecond differ beyond the time and the counter.
        let (a, b) = (new_row_id(), new_row_id());
        assert_ne!(a.as_bytes()[12..], b.as_bytes()[12..]);
    }
}
