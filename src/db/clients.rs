//! Queries on the client's part of the case file: `clients`, `client_entries`,
//! `family_members`, `journey_legs`, `persecution_events`. Rows of the repeated sections are
//! replaced as a whole on each save, in order.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::DbConnection;
use super::schema::{client_entries, clients, family_members, journey_legs, persecution_events};
use super::sealed::{a_number_index, sealed};
use super::uuid::DbUuid;
use crate::domain::codes::{
    ImmigrationStatus, MannerOfEntry, MaritalStatus, Persecutor, Relationship, Sex, TravelMode,
};
use crate::domain::ids::StaffId;
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

/// Inserts or updates the client and replaces their entry and rows.
pub fn save(
    conn: &mut DbConnection,
    client_id: uuid::Uuid,
    intake: &Intake,
    created_by: Option<StaffId>,
    now: NaiveDateTime,
) -> QueryResult<()> {
    let id = DbUuid(client_id);
    let c = &intake.client;
    let values = (
        clients::family_name.eq(&c.family_name),
        clients::given_name.eq(&c.given_name),
        clients::middle_name.eq(&c.middle_name),
        clients::native_name.eq(&c.native_name),
        clients::other_names.eq(c.other_names.join("\n")),
        clients::date_of_birth.eq(c.date_of_birth),
        clients::sex.eq(c.sex.map(Sex::as_str)),
        clients::country_of_birth.eq(c.country_of_birth.as_deref()),
        clients::nationalities.eq(list(&c.nationalities)),
        clients::languages.eq(list(&c.languages)),
        clients::interpreter_needed.eq(c.interpreter_needed),
        clients::a_number.eq(c.a_number.as_deref().map(sealed)),
        clients::a_number_index.eq(c.a_number.as_deref().map(a_number_index).transpose()?),
        clients::passport_numbers.eq(sealed(&c.passport_numbers)),
        clients::passport_expiry.eq(c.passport_expiry),
        clients::phone.eq(sealed(&c.phone)),
        clients::phone_safe.eq(c.phone_safe),
        clients::email.eq(sealed(&c.email)),
        clients::email_safe.eq(c.email_safe),
        clients::us_address.eq(sealed(&c.us_address)),
        clients::address_safe.eq(c.address_safe),
        clients::messenger.eq(sealed(&c.messenger)),
        clients::messenger_safe.eq(c.messenger_safe),
        clients::immigration_status.eq(c.immigration_status.map(ImmigrationStatus::as_str)),
        clients::updated_at.eq(now),
    );
    let updated = diesel::update(clients::table.find(id))
        .set(values.clone())
        .execute(conn)?;
    if updated == 0 {
        diesel::insert_into(clients::table)
            .values((
                clients::id.eq(id),
                values,
                clients::created_by.eq(created_by.map(|s| DbUuid(s.as_uuid()))),
                clients::created_at.eq(now),
            ))
            .execute(conn)?;
    }

    let e = &intake.entry;
    diesel::delete(client_entries::table.find(id)).execute(conn)?;
    diesel::insert_into(client_entries::table)
        .values((
            client_entries::client_id.eq(id),
            client_entries::last_arrival_on.eq(e.last_arrival_on),
            client_entries::port_of_entry.eq(&e.port_of_entry),
            client_entries::manner_of_entry.eq(e.manner_of_entry.map(MannerOfEntry::as_str)),
            client_entries::i94_number.eq(sealed(&e.i94_number)),
            client_entries::class_of_admission.eq(&e.class_of_admission),
            client_entries::parole_expires_on.eq(e.parole_expires_on),
        ))
        .execute(conn)?;

    diesel::delete(family_members::table.filter(family_members::client_id.eq(id))).execute(conn)?;
    for (position, m) in (0..).zip(&intake.family) {
        diesel::insert_into(family_members::table)
            .values((
                family_members::id.eq(DbUuid(uuid::Uuid::new_v4())),
                family_members::client_id.eq(id),
                family_members::position.eq(position),
                family_members::relationship
                    .eq(m.relationship.map_or("other", Relationship::as_str)),
                family_members::family_name.eq(&m.family_name),
                family_members::given_name.eq(&m.given_name),
                family_members::native_name.eq(&m.native_name),
                family_members::date_of_birth.eq(m.date_of_birth),
                family_members::marital_status.eq(m.marital_status.map(MaritalStatus::as_str)),
                family_members::in_us.eq(m.in_us),
                family_members::derivative.eq(m.derivative),
                family_members::safe_to_contact.eq(m.safe_to_contact),
                family_members::notes.eq(sealed(&m.notes)),
            ))
            .execute(conn)?;
    }

    diesel::delete(journey_legs::table.filter(journey_legs::client_id.eq(id))).execute(conn)?;
    for (position, leg) in (0..).zip(&intake.journey) {
        diesel::insert_into(journey_legs::table)
            .values((
                journey_legs::id.eq(DbUuid(uuid::Uuid::new_v4())),
                journey_legs::client_id.eq(id),
                journey_legs::position.eq(position),
                journey_legs::from_country.eq(leg.from_country.as_deref().unwrap_or("")),
                journey_legs::from_city.eq(&leg.from_city),
                journey_legs::to_country.eq(leg.to_country.as_deref().unwrap_or("")),
                journey_legs::to_city.eq(&leg.to_city),
                journey_legs::departed_on.eq(leg.departed_on),
                journey_legs::arrived_on.eq(leg.arrived_on),
                journey_legs::mode.eq(leg.mode.map(TravelMode::as_str)),
                journey_legs::notes.eq(sealed(&leg.notes)),
            ))
            .execute(conn)?;
    }

    diesel::delete(persecution_events::table.filter(persecution_events::client_id.eq(id)))
        .execute(conn)?;
    for (position, ev) in (0..).zip(&intake.persecution) {
        diesel::insert_into(persecution_events::table)
            .values((
                persecution_events::id.eq(DbUuid(uuid::Uuid::new_v4())),
                persecution_events::client_id.eq(id),
                persecution_events::position.eq(position),
                persecution_events::occurred_on.eq(ev.occurred_on),
                persecution_events::place.eq(sealed(&ev.place)),
                persecution_events::actor.eq(ev.actor.map(Persecutor::as_str)),
                persecution_events::description.eq(sealed(&ev.description)),
                persecution_events::detention_days.eq(ev.detention_days),
                persecution_events::charges.eq(sealed(&ev.charges)),
                persecution_events::outcome.eq(sealed(&ev.outcome)),
                persecution_events::evidence.eq(sealed(&ev.evidence)),
            ))
            .execute(conn)?;
    }
    Ok(())
}

type ClientRow = (
    (
        String,
        String,
        String,
        String,
        String,
        Option<chrono::NaiveDate>,
        Option<String>,
        Option<String>,
    ),
    (
        String,
        String,
        bool,
        Option<String>,
        String,
        Option<chrono::NaiveDate>,
    ),
    (
        String,
        bool,
        String,
        bool,
        String,
        bool,
        String,
        bool,
        Option<String>,
    ),
);

/// The client's part of the intake (the claim is filled in by the caller), if they exist.
pub fn load(conn: &mut DbConnection, client_id: uuid::Uuid) -> QueryResult<Option<Intake>> {
    let id = DbUuid(client_id);
    let row: Option<ClientRow> = clients::table
        .find(id)
        .select((
            (
                clients::family_name,
                clients::given_name,
                clients::middle_name,
                clients::native_name,
                clients::other_names,
                clients::date_of_birth,
                clients::sex,
                clients::country_of_birth,
            ),
            (
                clients::nationalities,
                clients::languages,
                clients::interpreter_needed,
                clients::a_number,
                clients::passport_numbers,
                clients::passport_expiry,
            ),
            (
                clients::phone,
                clients::phone_safe,
                clients::email,
                clients::email_safe,
                clients::us_address,
                clients::address_safe,
                clients::messenger,
                clients::messenger_safe,
                clients::immigration_status,
            ),
        ))
        .first(conn)
        .optional()?;
    let Some((
        (
            family_name,
            given_name,
            middle_name,
            native_name,
            other_names,
            date_of_birth,
            sex,
            country_of_birth,
        ),
        (nationalities, languages, interpreter_needed, a_number, passport_numbers, passport_expiry),
        (
            phone,
            phone_safe,
            email,
            email_safe,
            us_address,
            address_safe,
            messenger,
            messenger_safe,
            immigration_status,
        ),
    )) = row
    else {
        return Ok(None);
    };
    let client = ClientDetails {
        family_name,
        given_name,
        middle_name,
        native_name,
        other_names: other_names.lines().map(str::to_string).collect(),
        date_of_birth,
        sex: sex.and_then(|s| Sex::parse(&s).ok()),
        country_of_birth,
        nationalities: unlist(&nationalities),
        languages: unlist(&languages),
        interpreter_needed,
        a_number,
        passport_numbers,
        passport_expiry,
        phone,
        phone_safe,
        email,
        email_safe,
        us_address,
        address_safe,
        messenger,
        messenger_safe,
        immigration_status: immigration_status.and_then(|s| ImmigrationStatus::parse(&s).ok()),
    };
    let entry = client_entries::table
        .find(id)
        .select((
            client_entries::last_arrival_on,
            client_entries::port_of_entry,
            client_entries::manner_of_entry,
            client_entries::i94_number,
            client_entries::class_of_admission,
            client_entries::parole_expires_on,
        ))
        .first::<(
            Option<chrono::NaiveDate>,
            String,
            Option<String>,
            String,
            String,
            Option<chrono::NaiveDate>,
        )>(conn)
        .optional()?
        .map(
            |(
                last_arrival_on,
                port_of_entry,
                manner,
                i94_number,
                class_of_admission,
                parole_expires_on,
            )| EntryDetails {
                last_arrival_on,
                port_of_entry,
                manner_of_entry: manner.and_then(|m| MannerOfEntry::parse(&m).ok()),
                i94_number,
                class_of_admission,
                parole_expires_on,
            },
        )
        .unwrap_or_default();
    let family = family_members::table
        .filter(family_members::client_id.eq(id))
        .order(family_members::position.asc())
        .select((
            family_members::relationship,
            family_members::family_name,
            family_members::given_name,
            family_members::native_name,
            family_members::date_of_birth,
            family_members::marital_status,
            family_members::in_us,
            family_members::derivative,
            family_members::safe_to_contact,
            family_members::notes,
        ))
        .load::<(
            String,
            String,
            String,
            String,
            Option<chrono::NaiveDate>,
            Option<String>,
            bool,
            bool,
            bool,
            String,
        )>(conn)?
        .into_iter()
        .map(
            |(
                relationship,
                family_name,
                given_name,
                native_name,
                date_of_birth,
                marital,
                in_us,
                derivative,
                safe_to_contact,
                notes,
            )| FamilyMember {
                relationship: Relationship::parse(&relationship).ok(),
                family_name,
                given_name,
                native_name,
                date_of_birth,
                marital_status: marital.and_then(|m| MaritalStatus::parse(&m).ok()),
                in_us,
                derivative,
                safe_to_contact,
                notes,
            },
        )
        .collect();
    let journey = journey_legs::table
        .filter(journey_legs::client_id.eq(id))
        .order(journey_legs::position.asc())
        .select((
            journey_legs::from_country,
            journey_legs::from_city,
            journey_legs::to_country,
            journey_legs::to_city,
            journey_legs::departed_on,
            journey_legs::arrived_on,
            journey_legs::mode,
            journey_legs::notes,
        ))
        .load::<(
            String,
            String,
            String,
            String,
            Option<chrono::NaiveDate>,
            Option<chrono::NaiveDate>,
            Option<String>,
            String,
        )>(conn)?
        .into_iter()
        .map(
            |(
                from_country,
                from_city,
                to_country,
                to_city,
                departed_on,
                arrived_on,
                mode,
                notes,
            )| JourneyLeg {
                from_country: Some(from_country).filter(|c| !c.is_empty()),
                from_city,
                to_country: Some(to_country).filter(|c| !c.is_empty()),
                to_city,
                departed_on,
                arrived_on,
                mode: mode.and_then(|m| TravelMode::parse(&m).ok()),
                notes,
            },
        )
        .collect();
    let persecution = persecution_events::table
        .filter(persecution_events::client_id.eq(id))
        .order(persecution_events::position.asc())
        .select((
            persecution_events::occurred_on,
            persecution_events::place,
            persecution_events::actor,
            persecution_events::description,
            persecution_events::detention_days,
            persecution_events::charges,
            persecution_events::outcome,
            persecution_events::evidence,
        ))
        .load::<(
            Option<chrono::NaiveDate>,
            String,
            Option<String>,
            String,
            Option<i32>,
            String,
            String,
            String,
        )>(conn)?
        .into_iter()
        .map(
            |(
                occurred_on,
                place,
                actor,
                description,
                detention_days,
                charges,
                outcome,
                evidence,
            )| PersecutionEvent {
                occurred_on,
                place,
                actor: actor.and_then(|a| Persecutor::parse(&a).ok()),
                description,
                detention_days,
                charges,
                outcome,
                evidence,
            },
        )
        .collect();
    Ok(Some(Intake {
        client,
        entry,
        family,
        journey,
        persecution,
        claim: Default::default(),
    }))
}

/// Each family member's id and the spellings of their name, for the search index.
pub fn family_names(
    conn: &mut DbConnection,
    client_id: uuid::Uuid,
) -> QueryResult<Vec<(uuid::Uuid, Vec<String>)>> {
    Ok(family_members::table
        .filter(family_members::client_id.eq(DbUuid(client_id)))
        .select((
            family_members::id,
            family_members::given_name,
            family_members::family_name,
            family_members::native_name,
        ))
        .load::<(DbUuid, String, String, String)>(conn)?
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
