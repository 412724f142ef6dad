//! Queries on the client's part of the case file: `clients`, `client_entries`,
//! `family_members`, `journey_legs`, `persecution_events`, and (through
//! [`super::claim_answers`], [`super::background`] and [`super::applicant`]) the I-589's
//! Parts B and C, A.III and the rest of its Part A.I. Rows of the repeated sections are
//! replaced as a whole on each save, in order.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use super::applicant::ApplicantRow;
use super::background::AnswersRow;
use super::claim_answers::ClaimAnswersRow;
use super::family::FamilyDetailsRow;
use super::schema::{
    applicant_details, background_answers, claim_answers, client_entries, clients, family_answers,
    family_member_details, family_members, journey_legs, persecution_events,
};
use super::sealed::{SealedText, a_number_index, sealed};
use super::uuid::DbUuid;
use super::{DbConnection, insert_rows, natively};
use crate::domain::codes::{
    ImmigrationStatus, MannerOfEntry, MaritalStatus, Persecutor, Relationship, Sex, TravelMode,
};
use crate::domain::ids::{self, StaffId};
use crate::domain::intake::{
    ClientDetails, EntryDetails, FamilyMember, Intake, JourneyLeg, PersecutionEvent,
};

fn list(values: &[String]) -> String {
    values.join(",")
}

fn unlist(stored: &str) -> Vec<String> {
    stored
        .split(',')
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

/// The `clients` columns the intake writes and reads; the key and the bookkeeping columns
/// (`id`, `created_*`, `updated_at`) are set beside it.
#[derive(Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = clients)]
#[diesel(treat_none_as_default_value = false)]
#[diesel(check_for_backend(diesel::sqlite::Sqlite, diesel::pg::Pg))]
// `None` clears a column rather than leaving it as it was.
#[diesel(treat_none_as_null = true)]
struct ClientRow {
    family_name: String,
    given_name: String,
    middle_name: String,
    native_name: String,
    other_names: String,
    date_of_birth: Option<NaiveDate>,
    sex: Option<String>,
    country_of_birth: Option<String>,
    nationalities: String,
    languages: String,
    interpreter_needed: bool,
    a_number: Option<SealedText>,
    a_number_index: Option<String>,
    passport_numbers: SealedText,
    passport_expiry: Option<NaiveDate>,
    phone: SealedText,
    phone_safe: bool,
    email: SealedText,
    email_safe: bool,
    us_address: SealedText,
    address_safe: bool,
    messenger: SealedText,
    messenger_safe: bool,
    immigration_status: Option<String>,
}

impl ClientRow {
    fn new(c: &ClientDetails) -> QueryResult<Self> {
        Ok(Self {
            family_name: c.family_name.clone(),
            given_name: c.given_name.clone(),
            middle_name: c.middle_name.clone(),
            native_name: c.native_name.clone(),
            other_names: c.other_names.join("\n"),
            date_of_birth: c.date_of_birth,
            sex: code(c.sex.map(Sex::as_str)),
            country_of_birth: c.country_of_birth.clone(),
            nationalities: list(&c.nationalities),
            languages: list(&c.languages),
            interpreter_needed: c.interpreter_needed,
            a_number: c.a_number.as_deref().map(sealed),
            a_number_index: c.a_number.as_deref().map(a_number_index).transpose()?,
            passport_numbers: sealed(&c.passport_numbers),
            passport_expiry: c.passport_expiry,
            phone: sealed(&c.phone),
            phone_safe: c.phone_safe,
            email: sealed(&c.email),
            email_safe: c.email_safe,
            us_address: sealed(&c.us_address),
            address_safe: c.address_safe,
            messenger: sealed(&c.messenger),
            messenger_safe: c.messenger_safe,
            immigration_status: code(c.immigration_status.map(ImmigrationStatus::as_str)),
        })
    }

    fn into_details(self) -> ClientDetails {
        ClientDetails {
            family_name: self.family_name,
            given_name: self.given_name,
            middle_name: self.middle_name,
            native_name: self.native_name,
            other_names: self.other_names.lines().map(str::to_string).collect(),
            date_of_birth: self.date_of_birth,
            sex: self.sex.and_then(|s| Sex::parse(&s).ok()),
            country_of_birth: self.country_of_birth,
            nationalities: unlist(&self.nationalities),
            languages: unlist(&self.languages),
            interpreter_needed: self.interpreter_needed,
            a_number: self.a_number.map(|a| a.0),
            passport_numbers: self.passport_numbers.0,
            passport_expiry: self.passport_expiry,
            phone: self.phone.0,
            phone_safe: self.phone_safe,
            email: self.email.0,
            email_safe: self.email_safe,
            us_address: self.us_address.0,
            address_safe: self.address_safe,
            messenger: self.messenger.0,
            messenger_safe: self.messenger_safe,
            immigration_status: self
                .immigration_status
                .and_then(|s| ImmigrationStatus::parse(&s).ok()),
        }
    }
}

/// The `client_entries` columns but the client's id.
#[derive(Queryable, Selectable, Insertable)]
#[diesel(table_name = client_entries)]
#[diesel(treat_none_as_default_value = false)]
#[diesel(check_for_backend(diesel::sqlite::Sqlite, diesel::pg::Pg))]
struct EntryRow {
    last_arrival_on: Option<NaiveDate>,
    port_of_entry: String,
    manner_of_entry: Option<String>,
    i94_number: SealedText,
    class_of_admission: String,
    parole_expires_on: Option<NaiveDate>,
}

impl EntryRow {
    fn new(e: &EntryDetails) -> Self {
        Self {
            last_arrival_on: e.last_arrival_on,
            port_of_entry: e.port_of_entry.clone(),
            manner_of_entry: code(e.manner_of_entry.map(MannerOfEntry::as_str)),
            i94_number: sealed(&e.i94_number),
            class_of_admission: e.class_of_admission.clone(),
            parole_expires_on: e.parole_expires_on,
        }
    }

    fn into_details(self) -> EntryDetails {
        EntryDetails {
            last_arrival_on: self.last_arrival_on,
            port_of_entry: self.port_of_entry,
            manner_of_entry: self
                .manner_of_entry
                .and_then(|m| MannerOfEntry::parse(&m).ok()),
            i94_number: self.i94_number.0,
            class_of_admission: self.class_of_admission,
            parole_expires_on: self.parole_expires_on,
        }
    }
}

/// The `family_members` columns but the row's id, client and position.
#[derive(Queryable, Selectable, Insertable)]
#[diesel(table_name = family_members)]
#[diesel(treat_none_as_default_value = false)]
#[diesel(check_for_backend(diesel::sqlite::Sqlite, diesel::pg::Pg))]
struct FamilyMemberRow {
    relationship: String,
    family_name: String,
    given_name: String,
    native_name: String,
    date_of_birth: Option<NaiveDate>,
    marital_status: Option<String>,
    in_us: bool,
    derivative: bool,
    safe_to_contact: bool,
    notes: SealedText,
}

impl FamilyMemberRow {
    fn new(m: &FamilyMember) -> Self {
        Self {
            relationship: m.relationship.map_or("other", Relationship::as_str).into(),
            family_name: m.family_name.clone(),
            given_name: m.given_name.clone(),
            native_name: m.native_name.clone(),
            date_of_birth: m.date_of_birth,
            marital_status: code(m.marital_status.map(MaritalStatus::as_str)),
            in_us: m.in_us,
            derivative: m.derivative,
            safe_to_contact: m.safe_to_contact,
            notes: sealed(&m.notes),
        }
    }

    /// The member without their Part A.II answers ([`FamilyDetailsRow`] lays them on).
    fn into_member(self) -> FamilyMember {
        FamilyMember {
            relationship: Relationship::parse(&self.relationship).ok(),
            family_name: self.family_name,
            given_name: self.given_name,
            native_name: self.native_name,
            date_of_birth: self.date_of_birth,
            marital_status: self
                .marital_status
                .and_then(|m| MaritalStatus::parse(&m).ok()),
            in_us: self.in_us,
            derivative: self.derivative,
            safe_to_contact: self.safe_to_contact,
            notes: self.notes.0,
            ..FamilyMember::default()
        }
    }
}

/// The `journey_legs` columns but the row's id, client and position.
#[derive(Queryable, Selectable, Insertable)]
#[diesel(table_name = journey_legs)]
#[diesel(treat_none_as_default_value = false)]
#[diesel(check_for_backend(diesel::sqlite::Sqlite, diesel::pg::Pg))]
struct JourneyLegRow {
    /// Empty when unknown.
    from_country: String,
    from_city: String,
    /// Empty when unknown.
    to_country: String,
    to_city: String,
    departed_on: Option<NaiveDate>,
    arrived_on: Option<NaiveDate>,
    mode: Option<String>,
    notes: SealedText,
}

impl JourneyLegRow {
    fn new(leg: &JourneyLeg) -> Self {
        Self {
            from_country: leg.from_country.clone().unwrap_or_default(),
            from_city: leg.from_city.clone(),
            to_country: leg.to_country.clone().unwrap_or_default(),
            to_city: leg.to_city.clone(),
            departed_on: leg.departed_on,
            arrived_on: leg.arrived_on,
            mode: code(leg.mode.map(TravelMode::as_str)),
            notes: sealed(&leg.notes),
        }
    }

    fn into_leg(self) -> JourneyLeg {
        JourneyLeg {
            from_country: Some(self.from_country).filter(|c| !c.is_empty()),
            from_city: self.from_city,
            to_country: Some(self.to_country).filter(|c| !c.is_empty()),
            to_city: self.to_city,
            departed_on: self.departed_on,
            arrived_on: self.arrived_on,
            mode: self.mode.and_then(|m| TravelMode::parse(&m).ok()),
            notes: self.notes.0,
        }
    }
}

/// The `persecution_events` columns but the row's id, client and position.
#[derive(Queryable, Selectable, Insertable)]
#[diesel(table_name = persecution_events)]
#[diesel(treat_none_as_default_value = false)]
#[diesel(check_for_backend(diesel::sqlite::Sqlite, diesel::pg::Pg))]
struct PersecutionEventRow {
    occurred_on: Option<NaiveDate>,
    place: SealedText,
    actor: Option<String>,
    description: SealedText,
    detention_days: Option<i32>,
    charges: SealedText,
    outcome: SealedText,
    evidence: SealedText,
}

impl PersecutionEventRow {
    fn new(ev: &PersecutionEvent) -> Self {
        Self {
            occurred_on: ev.occurred_on,
            place: sealed(&ev.place),
            actor: code(ev.actor.map(Persecutor::as_str)),
            description: sealed(&ev.description),
            detention_days: ev.detention_days,
            charges: sealed(&ev.charges),
            outcome: sealed(&ev.outcome),
            evidence: sealed(&ev.evidence),
        }
    }

    fn into_event(self) -> PersecutionEvent {
        PersecutionEvent {
            occurred_on: self.occurred_on,
            place: self.place.0,
            actor: self.actor.and_then(|a| Persecutor::parse(&a).ok()),
            description: self.description.0,
            detention_days: self.detention_days,
            charges: self.charges.0,
            outcome: self.outcome.0,
            evidence: self.evidence.0,
        }
    }
}

fn code(value: Option<&'static str>) -> Option<String> {
    value.map(str::to_string)
}

/// Whether [`save`] creates the client or replaces the intake of one that exists.
#[derive(Debug, Clone, Copy)]
pub enum SaveAs {
    New { created_by: Option<StaffId> },
    Existing,
}

/// Inserts or updates the client and replaces their entry and rows; an existing client
/// that is not there is `NotFound`. A new client has no rows to delete and no row to
/// update: skipping those statements shortens the transaction, which on SQLite holds the
/// one write lock (and diesel prepares an `UPDATE` anew every time).
pub fn save(
    conn: &mut DbConnection,
    client_id: uuid::Uuid,
    intake: &Intake,
    save_as: SaveAs,
    now: NaiveDateTime,
) -> QueryResult<()> {
    let id = DbUuid(client_id);
    let client = ClientRow::new(&intake.client)?;
    let existed = match save_as {
        SaveAs::New { created_by } => {
            natively!(conn, |c| diesel::insert_into(clients::table)
                .values((
                    clients::id.eq(id),
                    &client,
                    clients::created_by.eq(created_by.map(|s| DbUuid(s.as_uuid()))),
                    clients::created_at.eq(now),
                    clients::updated_at.eq(now),
                ))
                .execute(c))?;
            false
        }
        SaveAs::Existing => {
            let updated = natively!(conn, |c| diesel::update(clients::table.find(id))
                .set((&client, clients::updated_at.eq(now)))
                .execute(c))?;
            if updated == 0 {
                return Err(diesel::result::Error::NotFound);
            }
            true
        }
    };

    if existed {
        natively!(conn, |c| diesel::delete(client_entries::table.find(id))
            .execute(c))?;
    }
    natively!(conn, |c| diesel::insert_into(client_entries::table)
        .values((
            client_entries::client_id.eq(id),
            EntryRow::new(&intake.entry),
        ))
        .execute(c))?;

    if existed {
        natively!(conn, |c| diesel::delete(
            family_members::table.filter(family_members::client_id.eq(id))
        )
        .execute(c))?;
    }
    for (position, m) in (0..).zip(&intake.family) {
        let member_id = DbUuid(ids::new_row_id());
        natively!(conn, |c| diesel::insert_into(family_members::table)
            .values((
                family_members::id.eq(member_id),
                family_members::client_id.eq(id),
                family_members::position.eq(position),
                FamilyMemberRow::new(m),
            ))
            .execute(c))?;
        super::family::save_details(conn, member_id, m)?;
    }
    super::family::save_answers(conn, id, &intake.children, existed)?;

    if existed {
        natively!(conn, |c| diesel::delete(
            journey_legs::table.filter(journey_legs::client_id.eq(id))
        )
        .execute(c))?;
    }
    let legs: Vec<_> = (0..)
        .zip(&intake.journey)
        .map(|(position, leg)| {
            (
                journey_legs::id.eq(DbUuid(ids::new_row_id())),
                journey_legs::client_id.eq(id),
                journey_legs::position.eq(position),
                JourneyLegRow::new(leg),
            )
        })
        .collect();
    insert_rows!(conn, journey_legs::table, &legs)?;

    if existed {
        natively!(conn, |c| diesel::delete(
            persecution_events::table.filter(persecution_events::client_id.eq(id))
        )
        .execute(c))?;
    }
    let events: Vec<_> = (0..)
        .zip(&intake.persecution)
        .map(|(position, ev)| {
            (
                persecution_events::id.eq(DbUuid(ids::new_row_id())),
                persecution_events::client_id.eq(id),
                persecution_events::position.eq(position),
                PersecutionEventRow::new(ev),
            )
        })
        .collect();
    insert_rows!(conn, persecution_events::table, &events)?;
    super::claim_answers::save(conn, client_id, &intake.claim_answers, existed)?;
    super::background::save(conn, client_id, intake, existed)?;
    super::applicant::save(
        conn,
        client_id,
        &intake.applicant,
        &intake.us_entries,
        existed,
    )?;
    Ok(())
}

/// The client's part of the intake (the claim is filled in by the caller), if they exist.
pub fn load(conn: &mut DbConnection, client_id: uuid::Uuid) -> QueryResult<Option<Intake>> {
    let id = DbUuid(client_id);
    // The client's row and their one-row parts in one statement: every case page reads
    // them, and on PostgreSQL each statement is a round trip.
    let Some((client, entry, claim_answers, no_children, background_answers, applicant)) =
        natively!(conn, |c| clients::table
            .left_join(client_entries::table)
            .left_join(claim_answers::table)
            .left_join(family_answers::table)
            .left_join(background_answers::table)
            .left_join(applicant_details::table)
            .filter(clients::id.eq(id))
            .select((
                ClientRow::as_select(),
                Option::<EntryRow>::as_select(),
                Option::<ClaimAnswersRow>::as_select(),
                family_answers::no_children.nullable(),
                Option::<AnswersRow>::as_select(),
                Option::<ApplicantRow>::as_select(),
            ))
            .first::<(
                ClientRow,
                Option<EntryRow>,
                Option<ClaimAnswersRow>,
                Option<bool>,
                Option<AnswersRow>,
                Option<ApplicantRow>,
            )>(c))
        .optional()?
    else {
        return Ok(None);
    };
    let entry = entry.map(EntryRow::into_details).unwrap_or_default();
    let family = natively!(conn, |c| family_members::table
        .left_join(family_member_details::table)
        .filter(family_members::client_id.eq(id))
        .order(family_members::position.asc())
        .select((
            FamilyMemberRow::as_select(),
            Option::<FamilyDetailsRow>::as_select(),
        ))
        .load::<(FamilyMemberRow, Option<FamilyDetailsRow>)>(c))?
    .into_iter()
    .map(|(row, details)| {
        let mut member = row.into_member();
        if let Some(details) = details {
            details.fill(&mut member);
        }
        member
    })
    .collect();
    let journey = natively!(conn, |c| journey_legs::table
        .filter(journey_legs::client_id.eq(id))
        .order(journey_legs::position.asc())
        .select(JourneyLegRow::as_select())
        .load(c))?
    .into_iter()
    .map(JourneyLegRow::into_leg)
    .collect();
    let persecution = natively!(conn, |c| persecution_events::table
        .filter(persecution_events::client_id.eq(id))
        .order(persecution_events::position.asc())
        .select(PersecutionEventRow::as_select())
        .load(c))?
    .into_iter()
    .map(PersecutionEventRow::into_event)
    .collect();
    let claim_answers = super::claim_answers::answers(claim_answers);
    let children = super::family::children_answer(no_children);
    let background = super::background::load(conn, client_id, background_answers)?;
    let (applicant, us_entries) = super::applicant::load(conn, client_id, applicant)?;
    Ok(Some(Intake {
        client: client.into_details(),
        entry,
        family,
        journey,
        persecution,
        claim: Default::default(),
        claim_answers,
        children,
        background: background.background,
        residences: background.residences,
        schools: background.schools,
        jobs: background.jobs,
        siblings: background.siblings,
        applicant,
        us_entries,
    }))
}

/// Each family member's id and the spellings of their name, for the search index.
pub fn family_names(
    conn: &mut DbConnection,
    client_id: uuid::Uuid,
) -> QueryResult<Vec<(uuid::Uuid, Vec<String>)>> {
    Ok(natively!(conn, |c| family_members::table
        .filter(family_members::client_id.eq(DbUuid(client_id)))
        .select((
            family_members::id,
            family_members::given_name,
            family_members::family_name,
            family_members::native_name,
        ))
        .load::<(DbUuid, String, String, String)>(c))?
    .into_iter()
    .map(|(id, given, family, native)| {
        let latin = format!("{given} {family}").trim().to_string();
        let names = [latin, native]
            .into_iter()
            .filter(|n| !n.trim().is_empty())
            .collect();
        (id.0, names)
    })
    .collect())
}
