//! Encrypted columns: the `Sealed` SQL type. A column declared `Sealed` in the schema is
//! stored as TEXT holding a sealed envelope ([`crate::crypto`]). It loads as a plain `String`
//! or as a [`SealedText`] (opened as it is read) and is written only through [`SealedText`]
//! (sealed as it is bound): a query that tried to write plain text into it would not compile. Filtering by a
//! sealed column cannot work (each sealing draws a new nonce): the A-number is found through
//! its blind index instead.
//!
//! The keyring is the one of the [`super::Db`] that lent the connection: `Db::run` and
//! `Db::read` put it in scope for their closure on the blocking thread, `Db::get` on the
//! calling thread. A value bound or loaded with no keyring in scope is an error, never
//! plaintext.

use std::cell::RefCell;
use std::io::Write;
use std::sync::Arc;

use diesel::deserialize::{self, FromSql, FromSqlRow};
use diesel::expression::AsExpression;
use diesel::pg::{Pg, PgValue};
use diesel::query_builder::QueryId;
use diesel::serialize::{self, IsNull, Output, ToSql};
use diesel::sql_types::{HasSqlType, SqlType, Text};
use diesel::sqlite::{Sqlite, SqliteValue};

use super::{MultiBackend, MultiRawValue};
use crate::crypto::{CryptoError, Keyring};

/// A TEXT column whose values are sealed.
#[derive(Debug, Clone, Copy, Default, SqlType, QueryId)]
#[diesel(postgres_type(oid = 25, array_oid = 1009))]
#[diesel(sqlite_type(name = "Text"))]
pub struct Sealed;

thread_local! {
    static KEYS: RefCell<Option<Arc<Keyring>>> = const { RefCell::new(None) };
}

/// While alive, sealed columns on this thread use its keyring; the previous one comes back
/// when it is dropped.
pub struct KeysInScope {
    previous: Option<Arc<Keyring>>,
}

impl Drop for KeysInScope {
    fn drop(&mut self) {
        let previous = self.previous.take();
        KEYS.with(|k| *k.borrow_mut() = previous);
    }
}

/// Puts `keys` in scope on this thread until the guard is dropped.
pub fn enter(keys: Arc<Keyring>) -> KeysInScope {
    let previous = KEYS.with(|k| k.borrow_mut().replace(keys));
    KeysInScope { previous }
}

/// Puts `keys` in scope on this thread until another keyring is.
pub fn install(keys: Arc<Keyring>) {
    KEYS.with(|k| *k.borrow_mut() = Some(keys));
}

#[derive(Debug, thiserror::Error)]
#[error("no data keys are in scope on this thread (a connection taken around Db)")]
struct NoKeys;

/// Runs `f` with the keyring in scope.
pub fn with_keys<T>(
    f: impl FnOnce(&Keyring) -> Result<T, CryptoError>,
) -> Result<T, Box<dyn std::error::Error + Send + Sync>> {
    let keys = KEYS.with(|k| k.borrow().clone()).ok_or(NoKeys)?;
    Ok(f(&keys)?)
}

/// The blind index of an A-number's nine digits under the current key, for storing.
pub fn a_number_index(digits: &str) -> diesel::QueryResult<String> {
    with_keys(|keys| Ok(keys.a_number_index(digits)))
        .map_err(diesel::result::Error::SerializationError)
}

/// The blind indexes of an A-number under every key, for looking it up.
pub fn a_number_indexes(digits: &str) -> diesel::QueryResult<Vec<String>> {
    with_keys(|keys| Ok(keys.a_number_indexes(digits)))
        .map_err(diesel::result::Error::SerializationError)
}

fn seal(plain: &str) -> Result<String, Box<dyn std::error::Error + Send + Sync>> {
    with_keys(|keys| keys.seal(plain))
}

fn open(stored: &str) -> Result<String, Box<dyn std::error::Error + Send + Sync>> {
    with_keys(|keys| keys.open(stored))
}

/// The plain text of a sealed column: sealed as it is bound, opened as it is loaded (so that
/// one row struct both writes and reads the column).
#[derive(Debug, Clone, PartialEq, Eq, AsExpression, FromSqlRow)]
#[diesel(sql_type = Sealed)]
pub struct SealedText(pub String);

/// Wraps text for a sealed column.
pub fn sealed(text: &str) -> SealedText {
    SealedText(text.to_string())
}

impl ToSql<Sealed, Pg> for SealedText {
    fn to_sql<'b>(&'b self, out: &mut Output<'b, '_, Pg>) -> serialize::Result {
        out.write_all(seal(&self.0)?.as_bytes())?;
        Ok(IsNull::No)
    }
}

impl FromSql<Sealed, Pg> for String {
    fn from_sql(value: PgValue<'_>) -> deserialize::Result<Self> {
        let stored = <String as FromSql<Text, Pg>>::from_sql(value)?;
        open(&stored)
    }
}

impl ToSql<Sealed, Sqlite> for SealedText {
    fn to_sql<'b>(&'b self, out: &mut Output<'b, '_, Sqlite>) -> serialize::Result {
        out.set_value(seal(&self.0)?);
        Ok(IsNull::No)
    }
}

impl FromSql<Sealed, Sqlite> for String {
    fn from_sql(value: SqliteValue<'_, '_, '_>) -> deserialize::Result<Self> {
        let stored = <String as FromSql<Text, Sqlite>>::from_sql(value)?;
        open(&stored)
    }
}

impl HasSqlType<Sealed> for MultiBackend {
    fn metadata(lookup: &mut Self::MetadataLookup) -> Self::TypeMetadata {
        MultiBackend::lookup_sql_type::<Sealed>(lookup)
    }
}

impl ToSql<Sealed, MultiBackend> for SealedText {
    fn to_sql<'b>(&'b self, out: &mut Output<'b, '_, MultiBackend>) -> serialize::Result {
        out.set_value((Sealed, self));
        Ok(IsNull::No)
    }
}

impl FromSql<Sealed, MultiBackend> for String {
    fn from_sql(bytes: MultiRawValue<'_>) -> deserialize::Result<Self> {
        bytes.from_sql::<String, Sealed>()
    }
}

impl FromSql<Sealed, Pg> for SealedText {
    fn from_sql(value: PgValue<'_>) -> deserialize::Result<Self> {
        <String as FromSql<Sealed, Pg>>::from_sql(value).map(SealedText)
    }
}

impl FromSql<Sealed, Sqlite> for SealedText {
    fn from_sql(value: SqliteValue<'_, '_, '_>) -> deserialize::Result<Self> {
        <String as FromSql<Sealed, Sqlite>>::from_sql(value).map(SealedText)
    }
}

impl FromSql<Sealed, MultiBackend> for SealedText {
    fn from_sql(bytes: MultiRawValue<'_>) -> deserialize::Result<Self> {
        bytes.from_sql::<SealedText, Sealed>()
    }
}
