//! The `applicant_details` and `us_entries` tables: the I-589's Part A.I beyond the client's
//! details, one row per client, and every entry into the US, one row per entry in order;
//! written and read with the rest of the client's intake ([`super::clients`]). A client
//! without rows (every case opened before the tables existed) reads with every field empty.

use chrono::NaiveDate;
use diesel::prelude::*;

use super::schema::{applicant_details, us_entries};
use super::sealed::{SealedText, sealed};
use super::uuid::DbUuid;
use super::{DbConnection, insert_rows, natively};
use crate::domain::applicant::{ApplicantDetails, CourtProceedings, UsEntry};
use crate::domain::claim_answers::Answer;
use crate::domain::codes::MaritalStatus;
use crate::domain::ids;

/// The `applicant_details` columns but the client's id.
#[derive(Queryable, Selectable, Insertable)]
#[diesel(table_name = applicant_details)]
#[diesel(treat_none_as_default_value = false)]
#[diesel(check_for_backend(diesel::sqlite::Sqlite, diesel::pg::Pg))]
pub(super) struct ApplicantRow {
    ssn: SealedText,
    uscis_account_number: SealedText,
    mailing_same_as_residence: Option<bool>,
    mailing_in_care_of: SealedText,
    mailing_phone: SealedText,
    mailing_street: SealedText,
    mailing_apartment: SealedText,
    mailing_city: SealedText,
    mailing_state: SealedText,
    mailing_zip: SealedText,
    marital_status: Option<String>,
    city_of_birth: SealedText,
    nationality_at_birth: Option<String>,
    ethnic_group: SealedText,
    religion: SealedText,
    court_proceedings: Option<String>,
    left_home_country_on: Option<NaiveDate>,
    travel_document_country: Option<String>,
    native_language: Option<String>,
    native_dialect: SealedText,
    fluent_in_english: Option<bool>,
    no_other_languages: bool,
}

impl ApplicantRow {
    fn new(a: &ApplicantDetails) -> Self {
        Self {
            ssn: sealed(&a.ssn),
            uscis_account_number: sealed(&a.uscis_account_number),
            mailing_same_as_residence: a.mailing_same_as_residence.as_flag(),
            mailing_in_care_of: sealed(&a.mailing_in_care_of),
            mailing_phone: sealed(&a.mailing_phone),
            mailing_street: sealed(&a.mailing_street),
            mailing_apartment: sealed(&a.mailing_apartment),
            mailing_city: sealed(&a.mailing_city),
            mailing_state: sealed(&a.mailing_state),
            mailing_zip: sealed(&a.mailing_zip),
            marital_status: a.marital_status.map(|m| m.as_str().to_string()),
            city_of_birth: sealed(&a.city_of_birth),
            nationality_at_birth: a.nationality_at_birth.clone(),
            ethnic_group: sealed(&a.ethnic_group),
            religion: sealed(&a.religion),
            court_proceedings: a.court_proceedings.map(|c| c.as_str().to_string()),
            left_home_country_on: a.left_home_country_on,
            travel_document_country: a.travel_document_country.clone(),
            native_language: a.native_language.clone(),
            native_dialect: sealed(&a.native_dialect),
            fluent_in_english: a.fluent_in_english.as_flag(),
            no_other_languages: a.no_other_languages,
        }
    }

    fn into_details(self) -> ApplicantDetails {
        ApplicantDetails {
            ssn: self.ssn.0,
            uscis_account_number: self.uscis_account_number.0,
            mailing_same_as_residence: Answer::from_flag(self.mailing_same_as_residence),
            mailing_in_care_of: self.mailing_in_care_of.0,
            mailing_phone: self.mailing_phone.0,
            mailing_street: self.mailing_street.0,
            mailing_apartment: self.mailing_apartment.0,
            mailing_city: self.mailing_city.0,
            mailing_state: self.mailing_state.0,
            mailing_zip: self.mailing_zip.0,
            marital_status: self
                .marital_status
                .and_then(|m| MaritalStatus::parse(&m).ok()),
            city_of_birth: self.city_of_birth.0,
            nationality_at_birth: self.nationality_at_birth,
            ethnic_group: self.ethnic_group.0,
            religion: self.religion.0,
            court_proceedings: self
                .court_proceedings
                .and_then(|c| CourtProceedings::parse(&c).ok()),
            left_home_country_on: self.left_home_country_on,
            travel_document_country: self.travel_document_country,
            native_language: self.native_language,
            native_dialect: self.native_dialect.0,
            fluent_in_english: Answer::from_flag(self.fluent_in_english),
            no_other_languages: self.no_other_languages,
        }
    }
}

/// The `us_entries` columns but the row's id, client and position.
#[derive(Queryable, Selectable, Insertable)]
#[diesel(table_name = us_entries)]
#[diesel(treat_none_as_default_value = false)]
#[diesel(check_for_backend(diesel::sqlite::Sqlite, diesel::pg::Pg))]
struct UsEntryRow {
    arrived_on: Option<NaiveDate>,
    place: SealedText,
    status: SealedText,
    status_expires_on: Option<NaiveDate>,
}

impl UsEntryRow {
    fn new(e: &UsEntry) -> Self {
        Self {
            arrived_on: e.arrived_on,
            place: sealed(&e.place),
            status: sealed(&e.status),
            status_expires_on: e.status_expires_on,
        }
    }

    fn into_entry(self) -> UsEntry {
        UsEntry {
            arrived_on: self.arrived_on,
            place: self.place.0,
            status: self.status.0,
            status_expires_on: self.status_expires_on,
        }
    }
}

/// Replaces the client's Part A.I details and entries (`existed`: see
/// [`super::clients::save`]).
pub fn save(
    conn: &mut DbConnection,
    client_id: uuid::Uuid,
    details: &ApplicantDetails,
    entries: &[UsEntry],
    existed: bool,
) -> QueryResult<()> {
    let id = DbUuid(client_id);
    if existed {
        natively!(conn, |c| diesel::delete(applicant_details::table.find(id))
            .execute(c))?;
    }
    natively!(conn, |c| diesel::insert_into(applicant_details::table)
        .values((
            applicant_details::client_id.eq(id),
            ApplicantRow::new(details),
        ))
        .execute(c))?;
    if existed {
        natively!(conn, |c| diesel::delete(
            us_entries::table.filter(us_entries::client_id.eq(id))
        )
        .execute(c))?;
    }
    let rows: Vec<_> = (0..)
        .zip(entries)
        .map(|(position, entry)| {
            (
                us_entries::id.eq(DbUuid(ids::new_row_id())),
                us_entries::client_id.eq(id),
                us_entries::position.eq(position),
                UsEntryRow::new(entry),
            )
        })
        .collect();
    insert_rows!(conn, us_entries::table, &rows)?;
    Ok(())
}

/// The client's Part A.I details and entries; empty when none were ever saved. `details`
/// is the client's `applicant_details` row, read with the client ([`super::clients::load`]).
pub(super) fn load(
    conn: &mut DbConnection,
    client_id: uuid::Uuid,
    details: Option<ApplicantRow>,
) -> QueryResult<(ApplicantDetails, Vec<UsEntry>)> {
    let id = DbUuid(client_id);
    let details = details.map(ApplicantRow::into_details).unwrap_or_default();
    let entries = natively!(conn, |c| us_entries::table
        .filter(us_entries::client_id.eq(id))
        .order(us_entries::position.asc())
        .select(UsEntryRow::as_select())
        .load(c))?
    .into_iter()
    .map(UsEntryRow::into_entry)
    .collect();
    Ok((details, entries))
}
