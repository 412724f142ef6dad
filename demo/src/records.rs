//! Which records are demo data (`demo_records`): the guard that keeps demo data out of an
//! office's database, the marks the loader leaves, the demo case numbering and the removal.
//!
//! Raw SQL because the queries cross tables the server's schema does not join.

use std::fmt;

use diesel::QueryResult;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Integer, Text};
use refuge::db::DbConnection;
use refuge::db::uuid::{DbUuid, PortableUuid};

/// What a demo record is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Staff,
    Client,
    Case,
}

impl Kind {
    fn as_str(self) -> &'static str {
        match self {
            Kind::Staff => "staff",
            Kind::Client => "client",
            Kind::Case => "case",
        }
    }
}

/// Records the database holds that demo-data did not create: any one makes it an office's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct OfficeRecords {
    pub staff: i64,
    pub clients: i64,
    pub cases: i64,
}

impl OfficeRecords {
    pub fn is_empty(&self) -> bool {
        self.staff == 0 && self.clients == 0 && self.cases == 0
    }
}

/// The refusal: demo data goes only into a new database or one holding nothing but demo data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotADemoDatabase(pub OfficeRecords);

impl fmt::Display for NotADemoDatabase {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let OfficeRecords {
            staff,
            clients,
            cases,
        } = self.0;
        write!(
            f,
            "refusing to add demo data: this database holds {staff} staff account(s), \
             {clients} client(s) and {cases} case(s) that demo-data did not create, so it is \
             an office's database. Demo data goes only into a new database or one holding \
             nothing but demo data; to try Refuge, run `refuge demo` (its own database, \
             data/demo.db)."
        )
    }
}

impl std::error::Error for NotADemoDatabase {}

#[derive(QueryableByName)]
struct Count {
    #[diesel(sql_type = BigInt)]
    n: i64,
}

fn count(conn: &mut DbConnection, sql: &str) -> QueryResult<i64> {
    Ok(diesel::sql_query(sql).get_result::<Count>(conn)?.n)
}

/// Counts the staff accounts, clients and cases not marked as demo.
pub fn office_records(conn: &mut DbConnection) -> QueryResult<OfficeRecords> {
    let unmarked = |table: &str| {
        format!("SELECT COUNT(*) AS n FROM {table} WHERE id NOT IN (SELECT id FROM demo_records)")
    };
    Ok(OfficeRecords {
        staff: count(conn, &unmarked("staff"))?,
        clients: count(conn, &unmarked("clients"))?,
        cases: count(conn, &unmarked("cases"))?,
    })
}

/// Fails with [`NotADemoDatabase`] unless every staff account, client and case is demo data.
pub fn ensure_demo_only(conn: &mut DbConnection) -> anyhow::Result<()> {
    let office = office_records(conn)?;
    if office.is_empty() {
        Ok(())
    } else {
        Err(NotADemoDatabase(office).into())
    }
}

/// How many demo records of a kind there are.
pub fn count_of(conn: &mut DbConnection, kind: Kind) -> QueryResult<i64> {
    Ok(
        diesel::sql_query("SELECT COUNT(*) AS n FROM demo_records WHERE kind = $1")
            .bind::<Text, _>(kind.as_str())
            .get_result::<Count>(conn)?
            .n,
    )
}

/// Marks a record as demo data (in the transaction that creates it).
pub fn mark(conn: &mut DbConnection, kind: Kind, id: uuid::Uuid) -> QueryResult<()> {
    diesel::sql_query("INSERT INTO demo_records (id, kind) VALUES ($1, $2)")
        .bind::<PortableUuid, _>(DbUuid(id))
        .bind::<Text, _>(kind.as_str())
        .execute(conn)?;
    Ok(())
}

#[derive(QueryableByName)]
struct Id {
    #[diesel(sql_type = PortableUuid)]
    id: DbUuid,
}

/// The demo staff accounts' ids.
pub fn staff_ids(conn: &mut DbConnection) -> QueryResult<Vec<uuid::Uuid>> {
    Ok(
        diesel::sql_query("SELECT id FROM demo_records WHERE kind = 'staff' ORDER BY id")
            .load::<Id>(conn)?
            .into_iter()
            .map(|row| row.id.0)
            .collect(),
    )
}

/// The next demo case reference of `year`, `D-2026-00001`: the office's `R-` counter is
/// never touched.
pub fn next_reference(conn: &mut DbConnection, year: i32) -> QueryResult<String> {
    // The same upsert as the office's counter (`db::cases::next_reference`).
    diesel::sql_query(
        "INSERT INTO demo_reference_counters (year, last_number) VALUES ($1, 0) \
         ON CONFLICT (year) DO NOTHING",
    )
    .bind::<Integer, _>(year)
    .execute(conn)?;
    #[derive(QueryableByName)]
    struct Number {
        #[diesel(sql_type = Integer)]
        last_number: i32,
    }
    diesel::sql_query(
        "UPDATE demo_reference_counters SET last_number = last_number + 1 WHERE year = $1",
    )
    .bind::<Integer, _>(year)
    .execute(conn)?;
    let number =
        diesel::sql_query("SELECT last_number FROM demo_reference_counters WHERE year = $1")
            .bind::<Integer, _>(year)
            .get_result::<Number>(conn)?
            .last_number;
    Ok(format!("D-{year}-{number:05}"))
}

/// What `--remove` deleted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Removed {
    pub staff: i64,
    pub clients: i64,
    pub cases: i64,
    pub audit_entries: i64,
}

/// The refusal of `--remove`: the office's own cases (references) assigned to demo staff.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AssignedToDemoStaff(pub Vec<String>);

impl fmt::Display for AssignedToDemoStaff {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "nothing was removed: the office's own case(s) {} are assigned to demo staff; \
             assign them to the office's staff first",
            self.0.join(", ")
        )
    }
}

impl std::error::Error for AssignedToDemoStaff {}

/// The office's own cases still assigned to a demo staff member: `--remove` refuses while
/// there are any, as deleting the account would take the assignment with it.
pub fn office_cases_assigned_to_demo_staff(conn: &mut DbConnection) -> QueryResult<Vec<String>> {
    #[derive(QueryableByName)]
    struct Reference {
        #[diesel(sql_type = Text)]
        reference: String,
    }
    Ok(diesel::sql_query(
        "SELECT reference FROM cases WHERE id NOT IN (SELECT id FROM demo_records) \
         AND (lawyer_id IN (SELECT id FROM demo_records WHERE kind = 'staff') \
           OR paralegal_id IN (SELECT id FROM demo_records WHERE kind = 'staff')) \
         ORDER BY reference",
    )
    .load::<Reference>(conn)?
    .into_iter()
    .map(|row| row.reference)
    .collect())
}

/// Deletes every demo record and what hangs off it: the audit entries about demo records or
/// by demo staff, their reminders and mail, the demo staff's sessions and tokens, the demo
/// cases' histories, events, notes… Run it in one write transaction; the office's records
/// stay as they were.
pub fn remove(conn: &mut DbConnection) -> QueryResult<Removed> {
    const STAFF: &str = "(SELECT id FROM demo_records WHERE kind = 'staff')";
    const CASES: &str = "(SELECT id FROM demo_records WHERE kind = 'case')";
    let staff = count_of(conn, Kind::Staff)?;
    let clients = count_of(conn, Kind::Client)?;
    let cases = count_of(conn, Kind::Case)?;
    // The migration's trigger lets exactly these audit entries go.
    let audit_entries = diesel::sql_query(format!(
        "DELETE FROM audit_log WHERE actor_id IN {STAFF} \
         OR target_id IN (SELECT CAST(id AS TEXT) FROM demo_records)"
    ))
    .execute(conn)? as i64;
    for sql in [
        format!("DELETE FROM notifications WHERE recipient_id IN {STAFF} OR case_id IN {CASES}"),
        format!("DELETE FROM outbox WHERE recipient_id IN {STAFF} OR case_id IN {CASES}"),
        // A client's case, its history, events, checklist, notes and deadlines go with it.
        "DELETE FROM clients WHERE id IN (SELECT id FROM demo_records WHERE kind = 'client')"
            .to_string(),
        format!("DELETE FROM sessions WHERE staff_id IN {STAFF}"),
        format!("DELETE FROM api_tokens WHERE staff_id IN {STAFF}"),
        format!("DELETE FROM account_tokens WHERE staff_id IN {STAFF}"),
        format!("DELETE FROM staff WHERE id IN {STAFF}"),
        "DELETE FROM demo_records".to_string(),
        "DELETE FROM demo_reference_counters".to_string(),
    ] {
        diesel::sql_query(sql).execute(conn)?;
    }
    Ok(Removed {
        staff,
        clients,
        cases,
        audit_entries,
    })
}
