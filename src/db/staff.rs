//! Queries on `staff`.

use std::collections::HashMap;

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::account_tokens::Purpose;
use super::schema::{account_tokens, staff};
use super::uuid::DbUuid;
use super::{DbConnection, natively};
use crate::clock;
use crate::domain::ids::StaffId;
use crate::domain::staff::{AccountLink, AccountStatus, Role, Staff};
use crate::i18n::Language;

#[derive(Debug, Queryable)]
pub(super) struct StaffRow {
    id: DbUuid,
    email: String,
    display_name: String,
    role: String,
    language: String,
    password_hash: Option<String>,
    active: bool,
    created_at: NaiveDateTime,
    updated_at: NaiveDateTime,
}

impl StaffRow {
    pub(super) fn into_staff(self) -> QueryResult<Staff> {
        let role = self
            .role
            .parse::<Role>()
            .map_err(|_| corrupt("staff.role"))?;
        let language = Language::parse(&self.language).ok_or_else(|| corrupt("staff.language"))?;
        Ok(Staff {
            id: self.id.0.into(),
            email: self.email,
            display_name: self.display_name,
            role,
            language,
            active: self.active,
            created_at: clock::from_db(self.created_at),
            updated_at: clock::from_db(self.updated_at),
        })
    }
}

fn corrupt(column: &str) -> diesel::result::Error {
    diesel::result::Error::DeserializationError(format!("unexpected value in {column}").into())
}

pub struct NewStaff<'a> {
    pub id: StaffId,
    pub email: &'a str,
    pub display_name: &'a str,
    pub role: Role,
    pub language: Language,
    pub password_hash: Option<&'a str>,
    pub now: NaiveDateTime,
}

pub fn insert(conn: &mut DbConnection, new: &NewStaff<'_>) -> QueryResult<Staff> {
    diesel::insert_into(staff::table)
        .values((
            staff::id.eq(DbUuid(new.id.as_uuid())),
            staff::email.eq(new.email),
            staff::display_name.eq(new.display_name),
            staff::role.eq(new.role.as_str()),
            staff::language.eq(new.language.code()),
            staff::password_hash.eq(new.password_hash),
            staff::active.eq(true),
            staff::created_at.eq(new.now),
            staff::updated_at.eq(new.now),
        ))
        .execute(conn)?;
    find(conn, new.id)?.ok_or(diesel::result::Error::NotFound)
}

pub fn find(conn: &mut DbConnection, id: StaffId) -> QueryResult<Option<Staff>> {
    natively!(conn, |c| staff::table
        .find(DbUuid(id.as_uuid()))
        .select(staff::all_columns)
        .first::<StaffRow>(c))
    .optional()?
    .map(StaffRow::into_staff)
    .transpose()
}

pub fn find_by_email(conn: &mut DbConnection, email: &str) -> QueryResult<Option<Staff>> {
    Ok(find_with_password_hash(conn, email)?.map(|(staff, _)| staff))
}

/// The account and its password hash, for checking a login.
pub fn find_with_password_hash(
    conn: &mut DbConnection,
    email: &str,
) -> QueryResult<Option<(Staff, Option<String>)>> {
    staff::table
        .filter(staff::email.eq(email))
        .select(staff::all_columns)
        .first::<StaffRow>(conn)
        .optional()?
        .map(|mut row| {
            let hash = row.password_hash.take();
            row.into_staff().map(|staff| (staff, hash))
        })
        .transpose()
}

pub fn password_hash(conn: &mut DbConnection, id: StaffId) -> QueryResult<Option<String>> {
    staff::table
        .find(DbUuid(id.as_uuid()))
        .select(staff::password_hash)
        .first(conn)
}

pub fn list(conn: &mut DbConnection) -> QueryResult<Vec<Staff>> {
    staff::table
        .select(staff::all_columns)
        .order((staff::active.desc(), staff::display_name.asc()))
        .load::<StaffRow>(conn)?
        .into_iter()
        .map(StaffRow::into_staff)
        .collect()
}

/// Every account with where it stands: an account without a password is judged by the
/// newest unused link it was sent.
pub fn list_with_status(
    conn: &mut DbConnection,
    now: NaiveDateTime,
) -> QueryResult<Vec<(Staff, AccountStatus)>> {
    let members = list(conn)?;
    let without_password: Vec<DbUuid> = staff::table
        .filter(staff::password_hash.is_null())
        .select(staff::id)
        .load(conn)?;
    let links: Vec<(Option<DbUuid>, String, NaiveDateTime)> = account_tokens::table
        .filter(account_tokens::staff_id.eq_any(&without_password))
        .filter(account_tokens::used_at.is_null())
        .order(account_tokens::created_at.asc())
        .select((
            account_tokens::staff_id,
            account_tokens::purpose,
            account_tokens::expires_at,
        ))
        .load(conn)?;
    let mut newest: HashMap<uuid::Uuid, (AccountLink, bool)> = HashMap::new();
    for (staff_id, purpose, expires_at) in links {
        let kind = if purpose == Purpose::PasswordReset.as_str() {
            AccountLink::PasswordReset
        } else {
            AccountLink::Invitation
        };
        if let Some(id) = staff_id {
            newest.insert(id.0, (kind, expires_at <= now));
        }
    }
    Ok(members
        .into_iter()
        .map(|member| {
            let has_password = !without_password.contains(&DbUuid(member.id.as_uuid()));
            let link = newest.get(&member.id.as_uuid()).copied();
            let status = AccountStatus::of(member.active, has_password, link);
            (member, status)
        })
        .collect())
}

pub fn count(conn: &mut DbConnection) -> QueryResult<i64> {
    staff::table.count().get_result(conn)
}

pub fn count_active_admins(conn: &mut DbConnection) -> QueryResult<i64> {
    staff::table
        .filter(staff::role.eq(Role::Admin.as_str()))
        .filter(staff::active.eq(true))
        .count()
        .get_result(conn)
}

/// Locks the active admins' rows until the transaction ends, so that two changes which
/// would each leave "another" admin take turns. PostgreSQL only: SQLite's
/// `BEGIN IMMEDIATE` already lets one writer in at a time.
pub fn lock_active_admins(conn: &mut DbConnection) -> QueryResult<()> {
    match conn {
        DbConnection::Postgres(pg) => staff::table
            .filter(staff::role.eq(Role::Admin.as_str()))
            .filter(staff::active.eq(true))
            .select(staff::id)
            .order(staff::id)
            .for_update()
            .execute(pg)
            .map(|_| ()),
        DbConnection::Sqlite(_) => Ok(()),
    }
}

/// The fields an update may change; `None` leaves a field as it is.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct StaffChanges {
    pub display_name: Option<String>,
    pub role: Option<Role>,
    pub language: Option<Language>,
    pub active: Option<bool>,
}

#[derive(AsChangeset)]
#[diesel(table_name = staff)]
struct StaffChangeset<'a> {
    display_name: Option<&'a str>,
    role: Option<&'a str>,
    language: Option<&'a str>,
    active: Option<bool>,
    updated_at: NaiveDateTime,
}

pub fn update(
    conn: &mut DbConnection,
    id: StaffId,
    changes: &StaffChanges,
    now: NaiveDateTime,
) -> QueryResult<Staff> {
    diesel::update(staff::table.find(DbUuid(id.as_uuid())))
        .set(StaffChangeset {
            display_name: changes.display_name.as_deref(),
            role: changes.role.map(Role::as_str),
            language: changes.language.map(Language::code),
            active: changes.active,
            updated_at: now,
        })
        .execute(conn)?;
    find(conn, id)?.ok_or(diesel::result::Error::NotFound)
}

pub fn set_password_hash(
    conn: &mut DbConnection,
    id: StaffId,
    hash: Option<&str>,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(staff::table.find(DbUuid(id.as_uuid())))
        .set((staff::password_hash.eq(hash), staff::updated_at.eq(now)))
        .execute(conn)
}
