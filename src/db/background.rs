//! The `background_*` tables: Part A.III of the I-589, written and read with the rest of the
//! client's intake ([`super::clients`]). Addresses (the two of A.III.1 and the residences)
//! share one table by `kind`, the parents and siblings one by `relation`; each list keeps
//! the form's order in `position`. A client without rows (every case opened before the
//! tables existed) has nothing listed and no "none" ticked: not asked yet.

use diesel::prelude::*;

use super::schema::{
    background_addresses, background_answers, background_jobs, background_relatives,
    background_schools,
};
use super::sealed::{SealedText, sealed};
use super::uuid::DbUuid;
use super::{DbConnection, insert_rows, natively};
use crate::domain::background::{Address, Background, Job, Relative, School, Until, YearMonth};
use crate::domain::ids;
use crate::domain::intake::Intake;

const LAST: &str = "last";
const FEARED_COUNTRY: &str = "feared_country";
const RESIDENCE: &str = "residence";
const MOTHER: &str = "mother";
const FATHER: &str = "father";
const SIBLING: &str = "sibling";

fn month(text: &str) -> Option<YearMonth> {
    YearMonth::parse(text).ok()
}

fn until(text: &str) -> Option<Until> {
    Until::parse(text).ok()
}

fn text_of<T: ToString>(value: Option<T>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

/// The `background_addresses` columns but the row's id, client, kind and position.
#[derive(Queryable, Selectable, Insertable)]
#[diesel(table_name = background_addresses)]
#[diesel(check_for_backend(diesel::sqlite::Sqlite, diesel::pg::Pg))]
struct AddressRow {
    street: SealedText,
    city: SealedText,
    province: SealedText,
    /// Empty when not given.
    country: String,
    from_month: String,
    to_month: String,
}

impl AddressRow {
    fn new(a: &Address) -> Self {
        Self {
            street: sealed(&a.street),
            city: sealed(&a.city),
            province: sealed(&a.province),
            country: a.country.clone().unwrap_or_default(),
            from_month: text_of(a.from),
            to_month: text_of(a.to),
        }
    }

    fn into_address(self) -> Address {
        Address {
            street: self.street.0,
            city: self.city.0,
            province: self.province.0,
            country: Some(self.country).filter(|c| !c.is_empty()),
            from: month(&self.from_month),
            to: until(&self.to_month),
        }
    }
}

#[derive(Queryable, Selectable, Insertable)]
#[diesel(table_name = background_schools)]
#[diesel(check_for_backend(diesel::sqlite::Sqlite, diesel::pg::Pg))]
struct SchoolRow {
    name: SealedText,
    kind: SealedText,
    location: SealedText,
    from_month: String,
    to_month: String,
}

impl SchoolRow {
    fn new(s: &School) -> Self {
        Self {
            name: sealed(&s.name),
            kind: sealed(&s.kind),
            location: sealed(&s.location),
            from_month: text_of(s.from),
            to_month: text_of(s.to),
        }
    }

    fn into_school(self) -> School {
        School {
            name: self.name.0,
            kind: self.kind.0,
            location: self.location.0,
            from: month(&self.from_month),
            to: until(&self.to_month),
        }
    }
}

#[derive(Queryable, Selectable, Insertable)]
#[diesel(table_name = background_jobs)]
#[diesel(check_for_backend(diesel::sqlite::Sqlite, diesel::pg::Pg))]
struct JobRow {
    employer: SealedText,
    occupation: SealedText,
    from_month: String,
    to_month: String,
}

impl JobRow {
    fn new(j: &Job) -> Self {
        Self {
            employer: sealed(&j.employer),
            occupation: sealed(&j.occupation),
            from_month: text_of(j.from),
            to_month: text_of(j.to),
        }
    }

    fn into_job(self) -> Job {
        Job {
            employer: self.employer.0,
            occupation: self.occupation.0,
            from: month(&self.from_month),
            to: until(&self.to_month),
        }
    }
}

#[derive(Queryable, Selectable, Insertable)]
#[diesel(table_name = background_relatives)]
#[diesel(check_for_backend(diesel::sqlite::Sqlite, diesel::pg::Pg))]
struct RelativeRow {
    full_name: SealedText,
    birth_city: SealedText,
    birth_country: String,
    location: SealedText,
    deceased: bool,
}

impl RelativeRow {
    fn new(r: &Relative) -> Self {
        Self {
            full_name: sealed(&r.full_name),
            birth_city: sealed(&r.birth_city),
            birth_country: r.birth_country.clone().unwrap_or_default(),
            location: sealed(&r.location),
            deceased: r.deceased,
        }
    }

    fn into_relative(self) -> Relative {
        Relative {
            full_name: self.full_name.0,
            birth_city: self.birth_city.0,
            birth_country: Some(self.birth_country).filter(|c| !c.is_empty()),
            location: self.location.0,
            deceased: self.deceased,
        }
    }
}

#[derive(Queryable, Selectable, Insertable)]
#[diesel(table_name = background_answers)]
#[diesel(check_for_backend(diesel::sqlite::Sqlite, diesel::pg::Pg))]
pub(super) struct AnswersRow {
    feared_country_same: bool,
    no_schooling: bool,
    no_employment: bool,
    no_siblings: bool,
}

fn new_id() -> DbUuid {
    DbUuid(ids::new_row_id())
}

/// Replaces the client's Part A.III with the intake's (`existed`: see
/// [`super::clients::save`]).
pub fn save(
    conn: &mut DbConnection,
    client_id: uuid::Uuid,
    intake: &Intake,
    existed: bool,
) -> QueryResult<()> {
    let id = DbUuid(client_id);
    let b = &intake.background;

    if existed {
        natively!(conn, |c| diesel::delete(
            background_addresses::table.filter(background_addresses::client_id.eq(id))
        )
        .execute(c))?;
    }
    // An address left empty is not stored: it reads back the same, as empty.
    let fixed = [
        (LAST, &b.last_address),
        (FEARED_COUNTRY, &b.feared_country_address),
    ]
    .into_iter()
    .filter(|(_, a)| !a.is_empty())
    .map(|(kind, a)| (kind, 0, a));
    let listed = (0..)
        .zip(&intake.residences)
        .map(|(i, a)| (RESIDENCE, i, a));
    let addresses: Vec<_> = fixed
        .chain(listed)
        .map(|(kind, position, address)| {
            (
                background_addresses::id.eq(new_id()),
                background_addresses::client_id.eq(id),
                background_addresses::kind.eq(kind),
                background_addresses::position.eq(position),
                AddressRow::new(address),
            )
        })
        .collect();
    insert_rows!(conn, background_addresses::table, &addresses)?;

    if existed {
        natively!(conn, |c| diesel::delete(
            background_schools::table.filter(background_schools::client_id.eq(id))
        )
        .execute(c))?;
    }
    let schools: Vec<_> = (0..)
        .zip(&intake.schools)
        .map(|(position, school)| {
            (
                background_schools::id.eq(new_id()),
                background_schools::client_id.eq(id),
                background_schools::position.eq(position),
                SchoolRow::new(school),
            )
        })
        .collect();
    insert_rows!(conn, background_schools::table, &schools)?;

    if existed {
        natively!(conn, |c| diesel::delete(
            background_jobs::table.filter(background_jobs::client_id.eq(id))
        )
        .execute(c))?;
    }
    let jobs: Vec<_> = (0..)
        .zip(&intake.jobs)
        .map(|(position, job)| {
            (
                background_jobs::id.eq(new_id()),
                background_jobs::client_id.eq(id),
                background_jobs::position.eq(position),
                JobRow::new(job),
            )
        })
        .collect();
    insert_rows!(conn, background_jobs::table, &jobs)?;

    if existed {
        natively!(conn, |c| diesel::delete(
            background_relatives::table.filter(background_relatives::client_id.eq(id))
        )
        .execute(c))?;
    }
    let parents = [(MOTHER, &b.mother), (FATHER, &b.father)]
        .into_iter()
        .filter(|(_, r)| !r.is_empty())
        .map(|(relation, r)| (relation, 0, r));
    let siblings = (0..).zip(&intake.siblings).map(|(i, r)| (SIBLING, i, r));
    let relatives: Vec<_> = parents
        .chain(siblings)
        .map(|(relation, position, relative)| {
            (
                background_relatives::id.eq(new_id()),
                background_relatives::client_id.eq(id),
                background_relatives::relation.eq(relation),
                background_relatives::position.eq(position),
                RelativeRow::new(relative),
            )
        })
        .collect();
    insert_rows!(conn, background_relatives::table, &relatives)?;

    if existed {
        natively!(conn, |c| diesel::delete(background_answers::table.find(id))
            .execute(c))?;
    }
    natively!(conn, |c| diesel::insert_into(background_answers::table)
        .values((
            background_answers::client_id.eq(id),
            AnswersRow {
                feared_country_same: b.feared_country_same,
                no_schooling: b.no_schooling,
                no_employment: b.no_employment,
                no_siblings: b.no_siblings,
            },
        ))
        .execute(c))?;
    Ok(())
}

/// Part A.III as loaded: the single answers and the four lists.
pub struct Loaded {
    pub background: Background,
    pub residences: Vec<Address>,
    pub schools: Vec<School>,
    pub jobs: Vec<Job>,
    pub siblings: Vec<Relative>,
}

/// The client's Part A.III; nothing listed or ticked when none was ever saved.
/// `answers` is the client's `background_answers` row, read with the client
/// ([`super::clients::load`]).
pub(super) fn load(
    conn: &mut DbConnection,
    client_id: uuid::Uuid,
    answers: Option<AnswersRow>,
) -> QueryResult<Loaded> {
    let id = DbUuid(client_id);
    let mut background = answers
        .map(|a| Background {
            feared_country_same: a.feared_country_same,
            no_schooling: a.no_schooling,
            no_employment: a.no_employment,
            no_siblings: a.no_siblings,
            ..Background::default()
        })
        .unwrap_or_default();

    let mut residences = Vec::new();
    let addresses: Vec<(String, AddressRow)> = natively!(conn, |c| background_addresses::table
        .filter(background_addresses::client_id.eq(id))
        .order((
            background_addresses::kind.asc(),
            background_addresses::position.asc(),
        ))
        .select((background_addresses::kind, AddressRow::as_select()))
        .load(c))?;
    for (kind, row) in addresses {
        match kind.as_str() {
            LAST => background.last_address = row.into_address(),
            FEARED_COUNTRY => background.feared_country_address = row.into_address(),
            _ => residences.push(row.into_address()),
        }
    }

    let schools = natively!(conn, |c| background_schools::table
        .filter(background_schools::client_id.eq(id))
        .order(background_schools::position.asc())
        .select(SchoolRow::as_select())
        .load(c))?
    .into_iter()
    .map(SchoolRow::into_school)
    .collect();
    let jobs = natively!(conn, |c| background_jobs::table
        .filter(background_jobs::client_id.eq(id))
        .order(background_jobs::position.asc())
        .select(JobRow::as_select())
        .load(c))?
    .into_iter()
    .map(JobRow::into_job)
    .collect();

    let mut siblings = Vec::new();
    let relatives: Vec<(String, RelativeRow)> = natively!(conn, |c| background_relatives::table
        .filter(background_relatives::client_id.eq(id))
        .order((
            background_relatives::relation.asc(),
            background_relatives::position.asc(),
        ))
        .select((background_relatives::relation, RelativeRow::as_select()))
        .load(c))?;
    for (relation, row) in relatives {
        match relation.as_str() {
            MOTHER => background.mother = row.into_relative(),
            FATHER => background.father = row.into_relative(),
            _ => siblings.push(row.into_relative()),
        }
    }
    Ok(Loaded {
        background,
        residences,
        schools,
        jobs,
        siblings,
    })
}
