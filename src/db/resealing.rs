//! Re-sealing: every sealed column, and the batches that bring its values under the current
//! data key — values sealed under an older key after a rotation, and plaintext written before
//! encryption existed. Each batch is one short write transaction, and each value is replaced
//! only if it is still the one read (a concurrent edit wins; a server seals it under the key
//! it has, and a value left under an old key is taken by the next run), so a run can be
//! interrupted and started again at any point.

use diesel::prelude::*;
use diesel::sql_types::{BigInt, Nullable, Text};

use super::uuid::{DbUuid, PortableUuid};
use super::{DbConnection, write_transaction};
use crate::crypto::{CryptoError, Keyring};

/// How a sealed column's row is named.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowId {
    Uuid,
    BigInt,
}

/// One sealed column: `schema.rs` declares it `Sealed`; this list is what `refuge keys
/// rotate` walks (a test holds the two to each other).
#[derive(Debug, Clone, Copy)]
pub struct SealedColumn {
    pub table: &'static str,
    pub id: &'static str,
    pub id_kind: RowId,
    pub column: &'static str,
}

const fn column(table: &'static str, id: &'static str, column: &'static str) -> SealedColumn {
    SealedColumn {
        table,
        id,
        id_kind: RowId::Uuid,
        column,
    }
}

pub const SEALED_COLUMNS: &[SealedColumn] = &[
    column("clients", "id", "a_number"),
    column("clients", "id", "passport_numbers"),
    column("clients", "id", "phone"),
    column("clients", "id", "email"),
    column("clients", "id", "us_address"),
    column("clients", "id", "messenger"),
    column("client_entries", "client_id", "i94_number"),
    column("family_members", "id", "notes"),
    column("journey_legs", "id", "notes"),
    column("persecution_events", "id", "place"),
    column("persecution_events", "id", "description"),
    column("persecution_events", "id", "charges"),
    column("persecution_events", "id", "outcome"),
    column("persecution_events", "id", "evidence"),
    column("claim_answers", "client_id", "past_harm_explanation"),
    column("claim_answers", "client_id", "fear_of_harm_explanation"),
    column("claim_answers", "client_id", "arrested_abroad_explanation"),
    column("claim_answers", "client_id", "organizations_explanation"),
    column(
        "claim_answers",
        "client_id",
        "continued_participation_explanation",
    ),
    column("claim_answers", "client_id", "fear_of_torture_explanation"),
    column(
        "claim_answers",
        "client_id",
        "earlier_applications_explanation",
    ),
    column("claim_answers", "client_id", "other_countries_explanation"),
    column("claim_answers", "client_id", "status_elsewhere_explanation"),
    column("claim_answers", "client_id", "harmed_others_explanation"),
    column("claim_answers", "client_id", "returned_explanation"),
    column(
        "claim_answers",
        "client_id",
        "filed_after_one_year_explanation",
    ),
    column("claim_answers", "client_id", "crimes_in_us_explanation"),
    // I-589 Part A.II: the spouse's and children's identity, marriage and US stay.
    column("family_member_details", "member_id", "middle_name"),
    column("family_member_details", "member_id", "other_names"),
    column("family_member_details", "member_id", "a_number"),
    column("family_member_details", "member_id", "passport_number"),
    column("family_member_details", "member_id", "ssn"),
    column("family_member_details", "member_id", "city_of_birth"),
    column("family_member_details", "member_id", "ethnic_group"),
    column("family_member_details", "member_id", "marriage_place"),
    column("family_member_details", "member_id", "location"),
    column("family_member_details", "member_id", "last_entry_place"),
    column("family_member_details", "member_id", "i94_number"),
    column("family_member_details", "member_id", "status_when_admitted"),
    column("family_member_details", "member_id", "current_status"),
    // I-589 Part A.III.
    column("background_addresses", "id", "street"),
    column("background_addresses", "id", "city"),
    column("background_addresses", "id", "province"),
    column("background_schools", "id", "name"),
    column("background_schools", "id", "kind"),
    column("background_schools", "id", "location"),
    column("background_jobs", "id", "employer"),
    column("background_jobs", "id", "occupation"),
    column("background_relatives", "id", "full_name"),
    column("background_relatives", "id", "birth_city"),
    column("background_relatives", "id", "location"),
    // I-589 Part A.I (issue 16).
    column("applicant_details", "client_id", "ssn"),
    column("applicant_details", "client_id", "uscis_account_number"),
    column("applicant_details", "client_id", "mailing_in_care_of"),
    column("applicant_details", "client_id", "mailing_phone"),
    column("applicant_details", "client_id", "mailing_street"),
    column("applicant_details", "client_id", "mailing_apartment"),
    column("applicant_details", "client_id", "mailing_city"),
    column("applicant_details", "client_id", "mailing_state"),
    column("applicant_details", "client_id", "mailing_zip"),
    column("applicant_details", "client_id", "city_of_birth"),
    column("applicant_details", "client_id", "ethnic_group"),
    column("applicant_details", "client_id", "religion"),
    column("applicant_details", "client_id", "native_dialect"),
    column("us_entries", "id", "place"),
    column("us_entries", "id", "status"),
    column("cases", "id", "conflict_note"),
    SealedColumn {
        table: "case_stage_history",
        id: "id",
        id_kind: RowId::BigInt,
        column: "note",
    },
    column("case_events", "id", "outcome"),
    column("ead_clock_stops", "id", "reason"),
    column("checklist_items", "id", "note"),
    column("case_notes", "id", "body"),
    column("second_factors", "staff_id", "secret"),
    column("held_forms", "id", "fields"),
    column("inquiries", "id", "account"),
    column("inquiries", "id", "decline_reason"),
    column("case_revisions", "id", "answers"),
    column("questionnaires", "id", "draft"),
    column("i589_overrides", "id", "reason"),
];

impl SealedColumn {
    pub fn name(&self) -> String {
        format!("{}.{}", self.table, self.column)
    }

    /// Rows whose value is neither empty nor sealed under the key of `prefix`.
    fn stale(&self) -> String {
        format!(
            "{col} IS NOT NULL AND {col} <> '' AND {col} NOT LIKE $1",
            col = self.column
        )
    }
}

#[derive(QueryableByName)]
struct Count {
    #[diesel(sql_type = BigInt)]
    n: i64,
}

#[derive(QueryableByName)]
struct UuidRow {
    #[diesel(sql_type = PortableUuid)]
    id: DbUuid,
    #[diesel(sql_type = Nullable<Text>)]
    value: Option<String>,
}

#[derive(QueryableByName)]
struct BigIntRow {
    #[diesel(sql_type = BigInt)]
    id: i64,
    #[diesel(sql_type = Nullable<Text>)]
    value: Option<String>,
}

/// Where a run through a column stands: the key of the last row it read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowKey {
    Uuid(DbUuid),
    BigInt(i64),
}

/// How many values of `column` are not sealed under the current key.
pub fn pending(conn: &mut DbConnection, column: &SealedColumn, keys: &Keyring) -> QueryResult<i64> {
    let sql = format!(
        "SELECT COUNT(*) AS n FROM {} WHERE {}",
        column.table,
        column.stale()
    );
    Ok(diesel::sql_query(sql)
        .bind::<Text, _>(like_prefix(keys))
        .get_result::<Count>(conn)?
        .n)
}

fn like_prefix(keys: &Keyring) -> String {
    format!("{}%", keys.current_prefix())
}

/// Re-seals up to `limit` values of `column` under the current key, in the order of the
/// rows' keys from just after `after` (none read: the column is done). Starting where the
/// last batch stopped, not from the table's first row, keeps a run through a large table
/// linear: each batch reads only its own rows through the primary key. The A-number's blind
/// index is recomputed with it.
pub fn reseal_batch(
    conn: &mut DbConnection,
    column: &SealedColumn,
    keys: &Keyring,
    after: Option<RowKey>,
    limit: i64,
) -> Result<Batch, ResealError> {
    let select = format!(
        "SELECT {id} AS id, {col} AS value FROM {table} WHERE {stale}{from} ORDER BY {id} \
         LIMIT {limit}",
        id = column.id,
        col = column.column,
        table = column.table,
        stale = column.stale(),
        from = if after.is_some() {
            format!(" AND {} > $2", column.id)
        } else {
            String::new()
        },
    );
    let query = diesel::sql_query(select)
        .into_boxed::<super::MultiBackend>()
        .bind::<Text, _>(like_prefix(keys));
    let query = match after {
        None => query,
        Some(RowKey::Uuid(id)) => query.bind::<PortableUuid, _>(id),
        Some(RowKey::BigInt(id)) => query.bind::<BigInt, _>(id),
    };
    write_transaction(conn, |conn| {
        let read: Vec<(RowKey, Option<String>)> = match column.id_kind {
            RowId::Uuid => query
                .load::<UuidRow>(conn)?
                .into_iter()
                .map(|r| (RowKey::Uuid(r.id), r.value))
                .collect(),
            RowId::BigInt => query
                .load::<BigIntRow>(conn)?
                .into_iter()
                .map(|r| (RowKey::BigInt(r.id), r.value))
                .collect(),
        };
        let last = read.last().map(|(key, _)| *key);
        let rows: Vec<(RowKey, String)> = read
            .into_iter()
            .filter_map(|(key, value)| Some((key, value?)))
            .collect();
        let a_number = column.table == "clients" && column.column == "a_number";
        // Placeholders in the order they are bound: SQLite numbers `$N` by first appearance.
        let update = if a_number {
            format!(
                "UPDATE {table} SET {col} = $1, a_number_index = $2 WHERE {id} = $3 AND {col} = $4",
                table = column.table,
                col = column.column,
                id = column.id,
            )
        } else {
            format!(
                "UPDATE {table} SET {col} = $1 WHERE {id} = $2 AND {col} = $3",
                table = column.table,
                col = column.column,
                id = column.id,
            )
        };
        let mut updated = 0;
        for (id, stored) in &rows {
            let plain = keys.open(stored)?;
            let query = diesel::sql_query(update.clone())
                .into_boxed::<super::MultiBackend>()
                .bind::<Text, _>(keys.seal(&plain)?);
            let query = if a_number {
                query.bind::<Text, _>(keys.a_number_index(&plain))
            } else {
                query
            };
            let query = match id {
                RowKey::Uuid(id) => query.bind::<PortableUuid, _>(*id),
                RowKey::BigInt(id) => query.bind::<BigInt, _>(*id),
            };
            updated += query.bind::<Text, _>(stored.clone()).execute(conn)?;
        }
        Ok(Batch {
            read: rows.len(),
            updated,
            last,
        })
    })
}

/// What one batch did: values read, values replaced (fewer when edited meanwhile), and the
/// key of the last row read, where the next batch starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Batch {
    pub read: usize,
    pub updated: usize,
    pub last: Option<RowKey>,
}

/// A value that could not be re-sealed.
#[derive(Debug, thiserror::Error)]
pub enum ResealError {
    #[error(transparent)]
    Database(#[from] diesel::result::Error),
    #[error(transparent)]
    Crypto(#[from] CryptoError),
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;

    /// Every column `schema.rs` declares `Sealed` (or `Nullable<Sealed>`), as `table.column`.
    fn sealed_in_schema() -> BTreeSet<String> {
        let mut sealed = BTreeSet::new();
        let mut table = "";
        for line in include_str!("schema.rs").lines().map(str::trim) {
            if let Some((name, _)) = line.split_once(" (")
                && line.ends_with(") {")
            {
                table = name;
            } else if let Some((column, kind)) = line.split_once(" -> ")
                && kind.trim_end_matches(',').contains("Sealed")
            {
                sealed.insert(format!("{table}.{column}"));
            }
        }
        sealed
    }

    #[test]
    fn every_sealed_column_of_the_schema_is_resealed_and_nothing_else() {
        let in_schema = sealed_in_schema();
        assert!(
            in_schema.contains("clients.a_number") && in_schema.contains("case_revisions.answers"),
            "the schema was not read: {in_schema:?}"
        );
        let listed: BTreeSet<String> = SEALED_COLUMNS.iter().map(SealedColumn::name).collect();
        assert_eq!(
            listed.len(),
            SEALED_COLUMNS.len(),
            "a column is listed twice"
        );
        let missing: Vec<_> = in_schema.difference(&listed).collect();
        let stale: Vec<_> = listed.difference(&in_schema).collect();
        assert!(
            missing.is_empty(),
            "sealed but never re-sealed: {missing:?}"
        );
        assert!(
            stale.is_empty(),
            "listed but not sealed in schema.rs: {stale:?}"
        );
    }
}
