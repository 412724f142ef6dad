//! What the database says about itself — its tables, their columns and types, the foreign
//! keys between them, the migrations applied — and the generic reads and writes of whole
//! tables that a backup and a restore make. Nothing here lists a table or a column by hand:
//! a table added by a migration is in the next backup without anyone touching this file.

use std::collections::{BTreeMap, BTreeSet};

use anyhow::{Context, bail};
use diesel::QueryableByName;
use diesel::connection::{AnsiTransactionManager, DefaultLoadingMode, TransactionManager};
use diesel::pg::PgRowByRowLoadingMode;
use diesel::prelude::*;
use diesel::query_builder::{BoxedSqlQuery, SqlQuery};
use diesel::sql_types::{BigInt, Binary, Bool, Date, Double, Nullable, Text, Timestamp};
use serde::{Deserialize, Serialize};

use super::uuid::{DbUuid, PortableUuid};
use super::{DbConnection, MultiBackend};

/// Diesel's bookkeeping of applied migrations: a restore runs the migrations itself.
const MIGRATIONS_TABLE: &str = "__diesel_schema_migrations";

/// The portable type of a column, as both backends can hold it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ColumnKind {
    Int,
    Bool,
    Float,
    Text,
    /// PostgreSQL's `uuid`; the same values are `text` on SQLite.
    Uuid,
    Date,
    Timestamp,
    Bytes,
}

impl ColumnKind {
    /// From a SQLite declared type, by SQLite's own affinity rules plus the names diesel's
    /// types are declared with (BOOLEAN, DATE, TIMESTAMP).
    fn from_sqlite(declared: &str) -> Option<Self> {
        let t = declared.to_ascii_uppercase();
        Some(if t.contains("INT") {
            Self::Int
        } else if t.contains("BOOL") {
            Self::Bool
        } else if t.contains("TIMESTAMP") || t.contains("DATETIME") {
            Self::Timestamp
        } else if t.contains("DATE") {
            Self::Date
        } else if t.contains("UUID") {
            Self::Uuid
        } else if t.contains("CHAR") || t.contains("TEXT") || t.contains("CLOB") {
            Self::Text
        } else if t.contains("REAL") || t.contains("FLOA") || t.contains("DOUB") {
            Self::Float
        } else if t.contains("BLOB") || t.contains("BINARY") || t.contains("BYTEA") {
            Self::Bytes
        } else {
            return None;
        })
    }

    /// From PostgreSQL's `information_schema.columns.data_type`.
    fn from_postgres(data_type: &str) -> Option<Self> {
        Some(match data_type {
            "smallint" | "integer" | "bigint" => Self::Int,
            "boolean" => Self::Bool,
            "real" | "double precision" => Self::Float,
            "text" | "character varying" | "character" => Self::Text,
            "uuid" => Self::Uuid,
            "date" => Self::Date,
            "timestamp without time zone" => Self::Timestamp,
            "bytea" => Self::Bytes,
            _ => return None,
        })
    }

    /// Whether values of `self` (read from one database) can be written to a column of
    /// `target`: the same kind, or a UUID kept as text on SQLite.
    pub fn fits(self, target: ColumnKind) -> bool {
        self == target
            || matches!(
                (self, target),
                (Self::Uuid, Self::Text) | (Self::Text, Self::Uuid)
            )
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Column {
    pub name: String,
    pub kind: ColumnKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    pub name: String,
    pub columns: Vec<Column>,
}

#[derive(QueryableByName)]
struct NameRow {
    #[diesel(sql_type = Text)]
    name: String,
}

#[derive(QueryableByName)]
struct ColumnRow {
    #[diesel(sql_type = Text)]
    name: String,
    #[diesel(sql_type = Text)]
    declared: String,
}

#[derive(QueryableByName)]
struct EdgeRow {
    #[diesel(sql_type = Text)]
    child: String,
    #[diesel(sql_type = Text)]
    parent: String,
}

#[derive(QueryableByName)]
struct CountRow {
    #[diesel(sql_type = BigInt)]
    n: i64,
}

#[derive(QueryableByName)]
struct JsonRow {
    #[diesel(sql_type = Text)]
    row: String,
}

/// An identifier quoted for SQL (both backends quote with double quotes).
fn quoted(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

/// Every table of the application, parents before the tables whose foreign keys point at
/// them (ties by name), with their columns in the database's order.
pub fn tables(conn: &mut DbConnection) -> anyhow::Result<Vec<Table>> {
    let postgres = matches!(conn, DbConnection::Postgres(_));
    let names: Vec<String> = if postgres {
        diesel::sql_query(
            "SELECT CAST(table_name AS TEXT) AS name FROM information_schema.tables \
             WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' \
             AND table_name <> $1",
        )
    } else {
        diesel::sql_query(
            "SELECT name FROM sqlite_master WHERE type = 'table' \
             AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name <> $1",
        )
    }
    .bind::<Text, _>(MIGRATIONS_TABLE)
    .load::<NameRow>(conn)
    .context("listing the tables")?
    .into_iter()
    .map(|r| r.name)
    .collect();

    let edges: Vec<EdgeRow> = if postgres {
        diesel::sql_query(
            "SELECT CAST(c.relname AS TEXT) AS child, CAST(p.relname AS TEXT) AS parent \
             FROM pg_constraint AS k \
             JOIN pg_class AS c ON c.oid = k.conrelid \
             JOIN pg_class AS p ON p.oid = k.confrelid \
             JOIN pg_namespace AS n ON n.oid = c.relnamespace \
             WHERE k.contype = 'f' AND n.nspname = current_schema()",
        )
    } else {
        diesel::sql_query(
            "SELECT m.name AS child, f.\"table\" AS parent \
             FROM sqlite_master AS m, pragma_foreign_key_list(m.name) AS f \
             WHERE m.type = 'table'",
        )
    }
    .load(conn)
    .context("reading the foreign keys")?;

    let mut tables = Vec::with_capacity(names.len());
    for name in dependency_order(&names, &edges)? {
        let rows: Vec<ColumnRow> = if postgres {
            diesel::sql_query(
                "SELECT CAST(column_name AS TEXT) AS name, CAST(data_type AS TEXT) AS declared \
                 FROM information_schema.columns \
                 WHERE table_schema = current_schema() AND table_name = $1 \
                 ORDER BY ordinal_position",
            )
        } else {
            diesel::sql_query(
                "SELECT name, type AS declared FROM pragma_table_info($1) ORDER BY cid",
            )
        }
        .bind::<Text, _>(&name)
        .load(conn)
        .with_context(|| format!("reading the columns of {name}"))?;
        let columns = rows
            .into_iter()
            .map(|row| {
                let kind = if postgres {
                    ColumnKind::from_postgres(&row.declared)
                } else {
                    ColumnKind::from_sqlite(&row.declared)
                };
                match kind {
                    Some(kind) => Ok(Column {
                        name: row.name,
                        kind,
                    }),
                    None => bail!(
                        "column {name}.{} has a type a backup cannot carry: {:?}",
                        row.name,
                        row.declared
                    ),
                }
            })
            .collect::<anyhow::Result<_>>()?;
        tables.push(Table { name, columns });
    }
    Ok(tables)
}

/// Kahn's algorithm over the foreign keys; a table referring to itself is no obstacle, a
/// cycle between tables is (no such schema exists, and a restore could not insert it).
fn dependency_order(names: &[String], edges: &[EdgeRow]) -> anyhow::Result<Vec<String>> {
    let known: BTreeSet<&str> = names.iter().map(String::as_str).collect();
    let mut parents: BTreeMap<&str, BTreeSet<&str>> =
        known.iter().map(|n| (*n, BTreeSet::new())).collect();
    for edge in edges {
        if edge.child != edge.parent
            && known.contains(edge.parent.as_str())
            && let Some(set) = parents.get_mut(edge.child.as_str())
        {
            set.insert(edge.parent.as_str());
        }
    }
    let mut order = Vec::with_capacity(names.len());
    while !parents.is_empty() {
        let ready: Vec<&str> = parents
            .iter()
            .filter(|(_, p)| p.is_empty())
            .map(|(n, _)| *n)
            .collect();
        if ready.is_empty() {
            bail!(
                "the foreign keys between {} form a cycle",
                parents.keys().copied().collect::<Vec<_>>().join(", ")
            );
        }
        for name in ready {
            parents.remove(name);
            for set in parents.values_mut() {
                set.remove(name);
            }
            order.push(name.to_string());
        }
    }
    Ok(order)
}

/// The migrations applied to this database, oldest first.
pub fn applied_migrations(conn: &mut DbConnection) -> anyhow::Result<Vec<String>> {
    Ok(diesel::sql_query(format!(
        "SELECT CAST(version AS TEXT) AS name FROM {MIGRATIONS_TABLE} ORDER BY version"
    ))
    .load::<NameRow>(conn)
    .context("reading the applied migrations")?
    .into_iter()
    .map(|r| r.name)
    .collect())
}

pub fn count_rows(conn: &mut DbConnection, table: &str) -> anyhow::Result<i64> {
    Ok(
        diesel::sql_query(format!("SELECT COUNT(*) AS n FROM {}", quoted(table)))
            .get_result::<CountRow>(conn)
            .with_context(|| format!("counting the rows of {table}"))?
            .n,
    )
}

/// Runs `f` in one transaction that sees a single moment of the database while the server
/// goes on writing: on PostgreSQL `REPEATABLE READ READ ONLY`; on SQLite a read
/// transaction, whose snapshot (in WAL mode) is fixed by its first read and takes no lock
/// that writers wait for.
pub fn snapshot_transaction<T>(
    conn: &mut DbConnection,
    f: impl FnOnce(&mut DbConnection) -> anyhow::Result<T>,
) -> anyhow::Result<T> {
    match conn {
        DbConnection::Postgres(pg) => AnsiTransactionManager::begin_transaction_sql(
            pg,
            "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY",
        )?,
        DbConnection::Sqlite(sqlite) => {
            AnsiTransactionManager::begin_transaction_sql(sqlite, "BEGIN DEFERRED")?
        }
    }
    let result = f(conn);
    // Nothing was written: ending the transaction either way releases the snapshot.
    let _ = <DbConnection as Connection>::TransactionManager::rollback_transaction(conn);
    result
}

/// Calls `f` with each row of `table` as a JSON array of its values in the order of
/// `table.columns`, built by the database itself (no per-type decoding here): numbers,
/// strings, booleans (PostgreSQL) or 0/1 (SQLite), dates and timestamps as text, binary as
/// hex. Rows stream: a table of millions never sits in memory.
pub fn for_each_row(
    conn: &mut DbConnection,
    table: &Table,
    mut f: impl FnMut(&str) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    let postgres = matches!(conn, DbConnection::Postgres(_));
    let values: Vec<String> = table
        .columns
        .iter()
        .map(|c| {
            let name = quoted(&c.name);
            match (c.kind, postgres) {
                (ColumnKind::Bytes, true) => format!("encode({name}, 'hex')"),
                (ColumnKind::Bytes, false) => format!("lower(hex({name}))"),
                _ => name,
            }
        })
        .collect();
    if values.len() > 100 {
        // PostgreSQL's limit on a function's arguments.
        bail!(
            "table {} has more than 100 columns, which a backup cannot read yet",
            table.name
        );
    }
    let sql = if postgres {
        format!(
            "SELECT CAST(json_build_array({}) AS TEXT) AS row FROM {}",
            values.join(", "),
            quoted(&table.name)
        )
    } else {
        format!(
            "SELECT json_array({}) AS row FROM {}",
            values.join(", "),
            quoted(&table.name)
        )
    };
    let context = || format!("reading the rows of {}", table.name);
    match conn {
        DbConnection::Postgres(pg) => {
            let rows = diesel::sql_query(sql)
                .load_iter::<JsonRow, PgRowByRowLoadingMode>(pg)
                .with_context(context)?;
            for row in rows {
                f(&row.with_context(context)?.row)?;
            }
        }
        DbConnection::Sqlite(sqlite) => {
            let rows = diesel::sql_query(sql)
                .load_iter::<JsonRow, DefaultLoadingMode>(sqlite)
                .with_context(context)?;
            for row in rows {
                f(&row.with_context(context)?.row)?;
            }
        }
    }
    Ok(())
}

/// A value to write, already in the canonical form of a backup (see `backup::archive`).
pub type Value = serde_json::Value;

/// Inserts `rows` (values in the order of `columns`) into `table` in one statement.
/// `columns` carry the target database's kinds: each value is bound as that type, so diesel
/// stores it as the backend stores that type (a timestamp as text on SQLite, a UUID as
/// `uuid` on PostgreSQL).
pub fn insert_rows(
    conn: &mut DbConnection,
    table: &str,
    columns: &[Column],
    rows: &[Vec<Value>],
) -> anyhow::Result<()> {
    if rows.is_empty() {
        return Ok(());
    }
    let names: Vec<String> = columns.iter().map(|c| quoted(&c.name)).collect();
    // The archive's ids are the rows' ids, also in PostgreSQL's GENERATED ALWAYS columns.
    let overriding = match conn {
        DbConnection::Postgres(_) => " OVERRIDING SYSTEM VALUE",
        DbConnection::Sqlite(_) => "",
    };
    let mut sql = format!(
        "INSERT INTO {} ({}){overriding} VALUES ",
        quoted(table),
        names.join(", ")
    );
    let mut n = 0;
    for (i, _) in rows.iter().enumerate() {
        if i > 0 {
            sql.push_str(", ");
        }
        sql.push('(');
        for j in 0..columns.len() {
            if j > 0 {
                sql.push_str(", ");
            }
            n += 1;
            sql.push('$');
            sql.push_str(&n.to_string());
        }
        sql.push(')');
    }
    let mut query = diesel::sql_query(sql).into_boxed::<MultiBackend>();
    for row in rows {
        if row.len() != columns.len() {
            bail!(
                "a row of {table} has {} values for {} columns",
                row.len(),
                columns.len()
            );
        }
        for (column, value) in columns.iter().zip(row) {
            query = bind(query, column, value)
                .with_context(|| format!("the value of {table}.{}", column.name))?;
        }
    }
    query
        .execute(conn)
        .with_context(|| format!("writing rows into {table}"))?;
    Ok(())
}

type Query<'f> = BoxedSqlQuery<'f, MultiBackend, SqlQuery>;

fn bind<'f>(query: Query<'f>, column: &Column, value: &Value) -> anyhow::Result<Query<'f>> {
    let text = || match value {
        Value::String(s) => Ok(s.clone()),
        other => bail!("expected text, found {other}"),
    };
    if value.is_null() {
        // Typed as the column is: PostgreSQL would not assign a text NULL to an integer.
        return Ok(match column.kind {
            ColumnKind::Int => query.bind::<Nullable<BigInt>, Option<i64>>(None),
            ColumnKind::Bool => query.bind::<Nullable<Bool>, Option<bool>>(None),
            ColumnKind::Float => query.bind::<Nullable<Double>, Option<f64>>(None),
            ColumnKind::Text => query.bind::<Nullable<Text>, Option<String>>(None),
            ColumnKind::Uuid => query.bind::<Nullable<PortableUuid>, Option<DbUuid>>(None),
            ColumnKind::Date => query.bind::<Nullable<Date>, Option<chrono::NaiveDate>>(None),
            ColumnKind::Timestamp => {
                query.bind::<Nullable<Timestamp>, Option<chrono::NaiveDateTime>>(None)
            }
            ColumnKind::Bytes => query.bind::<Nullable<Binary>, Option<Vec<u8>>>(None),
        });
    }
    Ok(match column.kind {
        ColumnKind::Int => match value.as_i64() {
            Some(n) => query.bind::<BigInt, _>(n),
            None => bail!("expected an integer, found {value}"),
        },
        ColumnKind::Bool => match value.as_bool() {
            Some(b) => query.bind::<Bool, _>(b),
            None => bail!("expected true or false, found {value}"),
        },
        ColumnKind::Float => match value.as_f64() {
            Some(x) => query.bind::<Double, _>(x),
            None => bail!("expected a number, found {value}"),
        },
        ColumnKind::Text => query.bind::<Text, _>(text()?),
        ColumnKind::Uuid => {
            let id: uuid::Uuid = text()?.parse().context("expected a UUID")?;
            query.bind::<PortableUuid, _>(DbUuid(id))
        }
        ColumnKind::Date => {
            let date = chrono::NaiveDate::parse_from_str(&text()?, "%Y-%m-%d")
                .context("expected a date")?;
            query.bind::<Date, _>(date)
        }
        ColumnKind::Timestamp => {
            let at = chrono::NaiveDateTime::parse_from_str(&text()?, "%Y-%m-%d %H:%M:%S%.f")
                .context("expected a timestamp")?;
            query.bind::<Timestamp, _>(at)
        }
        ColumnKind::Bytes => {
            let bytes = decode_hex(&text()?).context("expected hexadecimal bytes")?;
            query.bind::<Binary, _>(bytes)
        }
    })
}

fn decode_hex(text: &str) -> anyhow::Result<Vec<u8>> {
    if !text.len().is_multiple_of(2) || !text.is_ascii() {
        bail!("odd length or not ASCII");
    }
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&text[i..i + 2], 16).map_err(Into::into))
        .collect()
}

/// Deletes every row of `table`: for rows that triggers derived while earlier tables were
/// restored, which the archive's own rows replace.
pub fn delete_all(conn: &mut DbConnection, table: &str) -> anyhow::Result<()> {
    diesel::sql_query(format!("DELETE FROM {}", quoted(table)))
        .execute(conn)
        .with_context(|| format!("clearing {table}"))?;
    Ok(())
}

/// On PostgreSQL, moves every sequence behind its column's largest value, so that rows
/// inserted after a restore (with their ids given) get new ids. SQLite's AUTOINCREMENT
/// follows inserted ids by itself.
pub fn reset_sequences(conn: &mut DbConnection) -> anyhow::Result<()> {
    if !matches!(conn, DbConnection::Postgres(_)) {
        return Ok(());
    }
    let owned: Vec<EdgeRow> = diesel::sql_query(
        "SELECT CAST(table_name AS TEXT) AS child, CAST(column_name AS TEXT) AS parent \
         FROM information_schema.columns \
         WHERE table_schema = current_schema() \
         AND (column_default LIKE 'nextval(%' OR is_identity = 'YES')",
    )
    .load(conn)
    .context("finding the sequences")?;
    for EdgeRow {
        child: table,
        parent: column,
    } in owned
    {
        diesel::sql_query(format!(
            "SELECT setval(pg_get_serial_sequence($1, $2), \
             COALESCE((SELECT MAX({col}) FROM {tab}), 0) + 1, false)",
            col = quoted(&column),
            tab = quoted(&table),
        ))
        .bind::<Text, _>(quoted(&table))
        .bind::<Text, _>(&column)
        .execute(conn)
        .with_context(|| format!("moving the sequence of {table}.{column}"))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edge(child: &str, parent: &str) -> EdgeRow {
        EdgeRow {
            child: child.into(),
            parent: parent.into(),
        }
    }

    #[test]
    fn parents_come_before_the_tables_that_refer_to_them() {
        let names = ["notes", "cases", "clients", "staff", "office"].map(String::from);
        let edges = [
            edge("notes", "cases"),
            edge("cases", "clients"),
            edge("cases", "staff"),
            edge("notes", "staff"),
            edge("staff", "staff"),
        ];
        let order = dependency_order(&names, &edges).unwrap_or_default();
        assert_eq!(order, ["clients", "office", "staff", "cases", "notes"]);
    }

    #[test]
    fn a_cycle_between_tables_is_named() {
        let names = ["a", "b", "c"].map(String::from);
        let edges = [edge("a", "b"), edge("b", "a")];
        let err = dependency_order(&names, &edges)
            .err()
            .map(|e| e.to_string());
        assert_eq!(
            err.as_deref(),
            Some("the foreign keys between a, b form a cycle")
        );
    }

    #[test]
    fn declared_types_map_to_portable_kinds() {
        assert_eq!(ColumnKind::from_sqlite("BIGINT"), Some(ColumnKind::Int));
        assert_eq!(ColumnKind::from_sqlite("BOOLEAN"), Some(ColumnKind::Bool));
        assert_eq!(
            ColumnKind::from_sqlite("TIMESTAMP"),
            Some(ColumnKind::Timestamp)
        );
        assert_eq!(ColumnKind::from_sqlite("DATE"), Some(ColumnKind::Date));
        assert_eq!(ColumnKind::from_sqlite("TEXT"), Some(ColumnKind::Text));
        assert_eq!(ColumnKind::from_sqlite("JSONB"), None);
        assert_eq!(
            ColumnKind::from_postgres("timestamp without time zone"),
            Some(ColumnKind::Timestamp)
        );
        assert_eq!(
            ColumnKind::from_postgres("timestamp with time zone"),
            None,
            "a zoned timestamp would lose its zone on SQLite"
        );
        assert!(ColumnKind::Uuid.fits(ColumnKind::Text));
        assert!(!ColumnKind::Int.fits(ColumnKind::Text));
    }

    #[test]
    fn hex_decodes_and_refuses_garbage() {
        assert_eq!(decode_hex("00ff10").ok(), Some(vec![0, 255, 16]));
        assert!(decode_hex("abc").is_err());
        assert!(decode_hex("zz").is_err());
    }
}
