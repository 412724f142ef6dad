//! The archive's format, readable without Refuge once decrypted (`age -d … | gunzip`): JSON
//! lines. A header (format version, Refuge's version, the migrations applied, rows in all);
//! then per table a line naming it with its columns and their portable kinds, one JSON
//! array per row, and a line closing it with its row count and checksum; then a last line,
//! so that a cut-off archive is known as such.
//!
//! Values are canonical, whichever database they came from: integers and floats as numbers,
//! booleans as `true`/`false`, text and UUIDs as strings, dates as `YYYY-MM-DD`, timestamps
//! as `YYYY-MM-DD HH:MM:SS.ffffff` (UTC, microseconds), bytes as lowercase hex, NULL as
//! `null`. So the same data gives the same rows and checksums on SQLite and PostgreSQL.

use anyhow::{Context, bail};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use sha2::{Digest, Sha256};

use crate::db::catalogue::{Column, ColumnKind};

pub const FORMAT: &str = "refuge-backup";
pub const FORMAT_VERSION: u32 = 1;

/// Every line of an archive that is not a row.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "record", rename_all = "snake_case")]
pub enum Record {
    Header {
        format: String,
        format_version: u32,
        app_version: String,
        /// UTC, RFC 3339.
        created_at: String,
        /// `sqlite` or `postgres`.
        source: String,
        migrations: Vec<String>,
        tables: usize,
        rows: u64,
    },
    Table {
        name: String,
        columns: Vec<Column>,
        rows: u64,
    },
    TableEnd {
        name: String,
        rows: u64,
        checksum: String,
    },
    End {
        tables: usize,
        rows: u64,
    },
}

/// A line of an archive: a row (a JSON array) or a record (a JSON object).
pub enum Line {
    Row(Vec<Value>),
    Record(Record),
}

pub fn parse_line(line: &str) -> anyhow::Result<Line> {
    if line.trim_start().starts_with('[') {
        Ok(Line::Row(serde_json::from_str(line).context("a row")?))
    } else {
        Ok(Line::Record(
            serde_json::from_str(line).context("a record")?,
        ))
    }
}

/// One row as its database gave it (see `db::catalogue::for_each_row`), turned into the
/// canonical values of `columns`.
pub fn canonical_row(columns: &[Column], raw: &str) -> anyhow::Result<Vec<Value>> {
    let values: Vec<Value> = serde_json::from_str(raw).context("a row from the database")?;
    if values.len() != columns.len() {
        bail!(
            "the database gave {} values for {} columns",
            values.len(),
            columns.len()
        );
    }
    columns
        .iter()
        .zip(values)
        .map(|(column, value)| {
            canonical(column.kind, value).with_context(|| format!("column {}", column.name))
        })
        .collect()
}

fn canonical(kind: ColumnKind, value: Value) -> anyhow::Result<Value> {
    if value.is_null() {
        return Ok(value);
    }
    let text = |value: &Value| match value {
        Value::String(s) => Ok(s.clone()),
        other => bail!("expected text, found {other}"),
    };
    Ok(match kind {
        ColumnKind::Int => match value.as_i64() {
            Some(n) => Value::from(n),
            None => bail!("expected an integer, found {value}"),
        },
        ColumnKind::Bool => match &value {
            Value::Bool(_) => value,
            Value::Number(n) if n.as_i64() == Some(0) => Value::Bool(false),
            Value::Number(n) if n.as_i64() == Some(1) => Value::Bool(true),
            other => bail!("expected a boolean, found {other}"),
        },
        ColumnKind::Float => match value.as_f64() {
            Some(x) => Value::from(x),
            None => bail!("expected a number, found {value}"),
        },
        ColumnKind::Text => Value::String(text(&value)?),
        ColumnKind::Uuid => {
            let id: uuid::Uuid = text(&value)?.parse().context("expected a UUID")?;
            Value::String(id.hyphenated().to_string())
        }
        ColumnKind::Date => {
            let date = chrono::NaiveDate::parse_from_str(&text(&value)?, "%Y-%m-%d")
                .context("expected a date")?;
            Value::String(date.format("%Y-%m-%d").to_string())
        }
        ColumnKind::Timestamp => {
            let raw = text(&value)?;
            // SQLite keeps what diesel wrote (a space); PostgreSQL's JSON has a `T`.
            let at = chrono::NaiveDateTime::parse_from_str(&raw, "%Y-%m-%d %H:%M:%S%.f")
                .or_else(|_| chrono::NaiveDateTime::parse_from_str(&raw, "%Y-%m-%dT%H:%M:%S%.f"))
                .with_context(|| format!("expected a timestamp, found {raw:?}"))?;
            Value::String(at.format("%Y-%m-%d %H:%M:%S%.6f").to_string())
        }
        ColumnKind::Bytes => Value::String(text(&value)?.to_ascii_lowercase()),
    })
}

/// A table's checksum: the sum, modulo 2^256, of the SHA-256 of each row's canonical JSON.
/// A sum does not depend on the order rows come in (which differs between databases) and
/// needs no memory per row.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Checksum {
    /// Little-endian 64-bit limbs.
    sum: [u64; 4],
}

impl Checksum {
    pub fn add_row(&mut self, row: &[Value]) {
        let json = serde_json::to_string(row).unwrap_or_default();
        self.add_line(&json);
    }

    /// Adds a row already serialized by [`serde_json::to_string`].
    pub fn add_line(&mut self, json: &str) {
        let hash = Sha256::digest(json.as_bytes());
        let mut carry = 0u64;
        for (i, limb) in self.sum.iter_mut().enumerate() {
            let mut bytes = [0u8; 8];
            bytes.copy_from_slice(&hash[i * 8..i * 8 + 8]);
            let (partial, c1) = limb.overflowing_add(u64::from_le_bytes(bytes));
            let (total, c2) = partial.overflowing_add(carry);
            *limb = total;
            carry = u64::from(c1) + u64::from(c2);
        }
    }

    pub fn hex(&self) -> String {
        self.sum
            .iter()
            .rev()
            .map(|limb| format!("{limb:016x}"))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn column(name: &str, kind: ColumnKind) -> Column {
        Column {
            name: name.into(),
            kind,
        }
    }

    #[test]
    fn sqlite_and_postgres_rows_of_the_same_data_are_the_same_canonical_row() {
        let columns = [
            column("id", ColumnKind::Uuid),
            column("active", ColumnKind::Bool),
            column("at", ColumnKind::Timestamp),
            column("on", ColumnKind::Date),
            column("n", ColumnKind::Int),
            column("note", ColumnKind::Text),
        ];
        let sqlite = canonical_row(
            &columns,
            r#"["6f1c2a3e-0000-4000-8000-000000000001",1,"2026-11-23 14:00:00.5","2026-11-23",7,null]"#,
        )
        .unwrap_or_default();
        let postgres = canonical_row(
            &columns,
            r#"["6F1C2A3E-0000-4000-8000-000000000001",true,"2026-11-23T14:00:00.500","2026-11-23",7,null]"#,
        )
        .unwrap_or_default();
        assert_eq!(sqlite, postgres);
        assert_eq!(
            sqlite,
            vec![
                json!("6f1c2a3e-0000-4000-8000-000000000001"),
                json!(true),
                json!("2026-11-23 14:00:00.500000"),
                json!("2026-11-23"),
                json!(7),
                Value::Null,
            ]
        );
    }

    #[test]
    fn a_value_of_the_wrong_type_is_refused_with_its_column() {
        let columns = [column("attempts", ColumnKind::Int)];
        let err = canonical_row(&columns, r#"["three"]"#)
            .err()
            .map(|e| format!("{e:#}"));
        assert!(err.is_some_and(|e| e.contains("attempts") && e.contains("integer")));
    }

    #[test]
    fn the_checksum_ignores_row_order_but_not_content() {
        let (a, b) = (vec![json!(1), json!("a")], vec![json!(2), json!("b")]);
        let mut one = Checksum::default();
        one.add_row(&a);
        one.add_row(&b);
        let mut other = Checksum::default();
        other.add_row(&b);
        other.add_row(&a);
        assert_eq!(one, other);
        let mut changed = Checksum::default();
        changed.add_row(&a);
        changed.add_row(&[json!(2), json!("c")]);
        assert_ne!(one.hex(), changed.hex());
        assert_eq!(one.hex().len(), 64);
    }

    #[test]
    fn rows_and_records_are_told_apart() {
        assert!(matches!(parse_line("[1,null]"), Ok(Line::Row(v)) if v.len() == 2));
        let end = r#"{"record":"end","tables":3,"rows":10}"#;
        assert!(matches!(
            parse_line(end),
            Ok(Line::Record(Record::End {
                tables: 3,
                rows: 10
            }))
        ));
    }
}
