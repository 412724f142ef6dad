//! I-589 Part A.II beside the family rows: `family_member_details` (one row per family
//! member, written with it by [`super::clients`]: `family_members` is at diesel's column
//! limit) and `family_answers` ("I do not have any children", one row per client). A member
//! or client without a row — everyone on file before these tables — reads as not answered.

use chrono::NaiveDate;
use diesel::prelude::*;

use super::schema::{family_answers, family_member_details};
use super::sealed::{SealedText, sealed};
use super::uuid::DbUuid;
use super::{DbConnection, natively};
use crate::domain::claim_answers::Answer;
use crate::domain::codes::Sex;
use crate::domain::family::ChildrenAnswer;
use crate::domain::intake::FamilyMember;

/// The `family_member_details` columns but the member's id.
#[derive(Queryable, Selectable, Insertable)]
#[diesel(table_name = family_member_details)]
#[diesel(treat_none_as_default_value = false)]
#[diesel(check_for_backend(diesel::sqlite::Sqlite, diesel::pg::Pg))]
pub(super) struct FamilyDetailsRow {
    middle_name: SealedText,
    /// One name per line.
    other_names: SealedText,
    a_number: SealedText,
    passport_number: SealedText,
    ssn: SealedText,
    sex: Option<String>,
    city_of_birth: SealedText,
    country_of_birth: Option<String>,
    nationality: Option<String>,
    ethnic_group: SealedText,
    married_on: Option<NaiveDate>,
    marriage_place: SealedText,
    location: SealedText,
    last_entry_place: SealedText,
    last_entry_on: Option<NaiveDate>,
    i94_number: SealedText,
    status_when_admitted: SealedText,
    current_status: SealedText,
    status_expires_on: Option<NaiveDate>,
    in_court_proceedings: Option<bool>,
    previous_arrival_on: Option<NaiveDate>,
}

impl FamilyDetailsRow {
    fn new(m: &FamilyMember) -> Self {
        Self {
            middle_name: sealed(&m.middle_name),
            other_names: sealed(&m.other_names.join("\n")),
            a_number: sealed(&m.a_number),
            passport_number: sealed(&m.passport_number),
            ssn: sealed(&m.ssn),
            sex: m.sex.map(|s| s.as_str().to_string()),
            city_of_birth: sealed(&m.city_of_birth),
            country_of_birth: m.country_of_birth.clone(),
            nationality: m.nationality.clone(),
            ethnic_group: sealed(&m.ethnic_group),
            married_on: m.married_on,
            marriage_place: sealed(&m.marriage_place),
            location: sealed(&m.location),
            last_entry_place: sealed(&m.last_entry_place),
            last_entry_on: m.last_entry_on,
            i94_number: sealed(&m.i94_number),
            status_when_admitted: sealed(&m.status_when_admitted),
            current_status: sealed(&m.current_status),
            status_expires_on: m.status_expires_on,
            in_court_proceedings: m.in_court_proceedings.as_flag(),
            previous_arrival_on: m.previous_arrival_on,
        }
    }

    /// Lays the row's answers on the member read from `family_members`.
    pub(super) fn fill(self, m: &mut FamilyMember) {
        m.middle_name = self.middle_name.0;
        m.other_names = self.other_names.0.lines().map(str::to_string).collect();
        m.a_number = self.a_number.0;
        m.passport_number = self.passport_number.0;
        m.ssn = self.ssn.0;
        m.sex = self.sex.and_then(|s| Sex::parse(&s).ok());
        m.city_of_birth = self.city_of_birth.0;
        m.country_of_birth = self.country_of_birth;
        m.nationality = self.nationality;
        m.ethnic_group = self.ethnic_group.0;
        m.married_on = self.married_on;
        m.marriage_place = self.marriage_place.0;
        m.location = self.location.0;
        m.last_entry_place = self.last_entry_place.0;
        m.last_entry_on = self.last_entry_on;
        m.i94_number = self.i94_number.0;
        m.status_when_admitted = self.status_when_admitted.0;
        m.current_status = self.current_status.0;
        m.status_expires_on = self.status_expires_on;
        m.in_court_proceedings = Answer::from_flag(self.in_court_proceedings);
        m.previous_arrival_on = self.previous_arrival_on;
    }
}

/// Writes the Part A.II answers of the family member just inserted as `member_id`.
pub(super) fn save_details(
    conn: &mut DbConnection,
    member_id: DbUuid,
    m: &FamilyMember,
) -> QueryResult<()> {
    natively!(conn, |c| diesel::insert_into(family_member_details::table)
        .values((
            family_member_details::member_id.eq(member_id),
            FamilyDetailsRow::new(m),
        ))
        .execute(c))?;
    Ok(())
}

/// Replaces the client's "no children" answer (`existed`: see [`super::clients::save`]).
pub(super) fn save_answers(
    conn: &mut DbConnection,
    client_id: DbUuid,
    children: &ChildrenAnswer,
    existed: bool,
) -> QueryResult<()> {
    if existed {
        natively!(conn, |c| diesel::delete(
            family_answers::table.find(client_id)
        )
        .execute(c))?;
    }
    natively!(conn, |c| diesel::insert_into(family_answers::table)
        .values((
            family_answers::client_id.eq(client_id),
            family_answers::no_children.eq(children.none),
        ))
        .execute(c))?;
    Ok(())
}

/// The client's "no children" answer from its column, read with the client
/// ([`super::clients::load`]); not given when none was ever saved.
pub(super) fn children_answer(no_children: Option<bool>) -> ChildrenAnswer {
    ChildrenAnswer {
        none: no_children.unwrap_or(false),
    }
}
