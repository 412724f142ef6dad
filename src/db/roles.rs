//! PostgreSQL's two roles: the owner of the tables runs the migrations (and
//! `refuge demo-data --remove`); the serving role the server connects as reads and writes
//! every table but may only insert into and read the audit log — no UPDATE, DELETE,
//! TRUNCATE, and, not owning it, no trigger changes. [`grant_serving_role`] sets this up,
//! run as the owner (`refuge db grant --serving-role NAME`).

use anyhow::{Context, bail};
use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use diesel::sql_types::{Bool, Text};

use super::DbConnection;

#[derive(QueryableByName)]
struct RoleFacts {
    #[diesel(sql_type = Bool)]
    superuser: bool,
    #[diesel(sql_type = Bool)]
    owns_audit_log: bool,
}

#[derive(QueryableByName)]
struct DatabaseName {
    #[diesel(sql_type = Text)]
    name: String,
}

#[derive(QueryableByName)]
struct Owns {
    #[diesel(sql_type = Bool)]
    owns: bool,
}

/// Whether this connection's role owns the audit log (and so could drop its triggers):
/// PostgreSQL only; SQLite answers false.
pub fn connected_as_owner(conn: &mut DbConnection) -> QueryResult<bool> {
    if matches!(conn, DbConnection::Sqlite(_)) {
        return Ok(false);
    }
    let owns: Vec<Owns> = diesel::sql_query(
        "SELECT tableowner = current_user AS owns FROM pg_tables \
         WHERE schemaname = 'public' AND tablename = 'audit_log'",
    )
    .load(conn)?;
    Ok(owns.first().is_some_and(|o| o.owns))
}

/// A role name as PostgreSQL would fold an unquoted one: it is written into GRANT statements.
fn checked_name(role: &str) -> anyhow::Result<&str> {
    let valid = !role.is_empty()
        && role.len() <= 63
        && role.starts_with(|c: char| c.is_ascii_lowercase() || c == '_')
        && role
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
    if valid {
        Ok(role)
    } else {
        bail!("a role name of lower-case letters, digits and _ (not starting with a digit)")
    }
}

/// What the serving role may do, as the owner grants it. Re-run after every upgrade that
/// adds tables (default privileges cover tables the same owner creates later, but not
/// the audit log's exception, which is set here).
fn grants(database: &str, role: &str) -> String {
    format!(
        "GRANT CONNECT ON DATABASE \"{database}\" TO {role};
GRANT USAGE ON SCHEMA public TO {role};
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {role};
GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO {role};
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {role};
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO {role};
REVOKE ALL ON audit_log FROM {role};
GRANT SELECT, INSERT ON audit_log TO {role};
REVOKE ALL ON __diesel_schema_migrations FROM {role};
GRANT SELECT ON __diesel_schema_migrations TO {role};"
    )
}

/// Grants `role` what the server needs, and on the audit log only INSERT and SELECT.
/// Refuses on SQLite, for a superuser (who bypasses every privilege) and for the owner.
pub fn grant_serving_role(conn: &mut DbConnection, role: &str) -> anyhow::Result<()> {
    let role = checked_name(role)?;
    if matches!(conn, DbConnection::Sqlite(_)) {
        bail!(
            "SQLite has no database roles: its file's mode (0600, checked at every start) \
             keeps other accounts out"
        );
    }
    let facts: Vec<RoleFacts> = diesel::sql_query(
        "SELECT rolsuper AS superuser, \
         (SELECT tableowner = $1 FROM pg_tables \
          WHERE schemaname = 'public' AND tablename = 'audit_log') AS owns_audit_log \
         FROM pg_roles WHERE rolname = $1",
    )
    .bind::<Text, _>(role)
    .load(conn)
    .context("looking up the role")?;
    let Some(facts) = facts.first() else {
        bail!("no role {role}: create it first (CREATE ROLE {role} LOGIN PASSWORD '…')");
    };
    if facts.superuser {
        bail!("{role} is a superuser, which no privilege restrains: serve as an ordinary role");
    }
    if facts.owns_audit_log {
        bail!("{role} owns the tables: the serving role must be another role than the owner");
    }
    let database = diesel::sql_query("SELECT current_database() AS name")
        .get_result::<DatabaseName>(conn)?
        .name;
    conn.batch_execute(&grants(&database.replace('"', "\"\""), role))
        .context("granting the serving role its privileges (run this as the tables' owner)")?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn role_names_are_plain_identifiers() {
        assert!(checked_name("refuge_app").is_ok());
        for bad in ["", "Refuge", "1app", "app; DROP TABLE x", "a\"b"] {
            assert!(checked_name(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn the_audit_log_gets_insert_and_select_only() {
        let sql = grants("refuge", "refuge_app");
        let revoke = sql.find("REVOKE ALL ON audit_log").expect("revoked");
        let grant = sql
            .find("GRANT SELECT, INSERT ON audit_log")
            .expect("granted");
        assert!(sql.find("ON ALL TABLES").expect("all tables") < revoke);
        assert!(revoke < grant);
    }
}
