//! PostgreSQL's two roles (issue 14): the owner runs migrations; the serving role that
//! `refuge db grant --serving-role` prepares may only insert and read the audit log — no
//! UPDATE, DELETE, TRUNCATE or trigger change — while the application works as it.
//! PostgreSQL only: SQLite has no roles (file modes protect it, see `cli`).

use diesel::connection::SimpleConnection;
use diesel::pg::PgConnection;
use diesel::{Connection, RunQueryDsl};
use refuge::domain::staff::Role;

use crate::helpers::{SERVING_ROLE, is_postgres, spawn_app, spawn_app_with};

fn connect_as_serving_role(owner_url: &str) -> PgConnection {
    let mut url = url::Url::parse(owner_url).expect("URL");
    url.set_username(SERVING_ROLE).expect("user");
    url.set_password(None).expect("no password");
    PgConnection::establish(url.as_str()).expect("the serving role connects")
}

#[actix_web::test]
async fn the_serving_role_may_only_insert_and_read_the_audit_log() {
    if !is_postgres() {
        return;
    }
    let app = spawn_app().await;
    app.login_as(Role::Admin).await;
    app.grant_serving_role();
    let mut serving = connect_as_serving_role(&app.owner_database_url);

    let count: i64 = diesel::dsl::select(diesel::dsl::sql::<diesel::sql_types::BigInt>(
        "(SELECT COUNT(*) FROM audit_log)",
    ))
    .get_result(&mut serving)
    .expect("it reads the log");
    assert!(count > 0);
    serving
        .batch_execute(
            "INSERT INTO audit_log (occurred_at, action, details) \
             VALUES (now(), 'probe', '{}')",
        )
        .expect("it appends");
    for refused in [
        "UPDATE audit_log SET details = '{}'",
        "DELETE FROM audit_log",
        "TRUNCATE audit_log",
        "DROP TRIGGER audit_log_no_update ON audit_log",
        "ALTER TABLE audit_log DISABLE TRIGGER ALL",
        "DROP TABLE audit_log",
        "UPDATE audit_chain SET head_hash = NULL WHERE false; DROP TABLE audit_chain",
        "CREATE TABLE intruder (id INT)",
    ] {
        let err = serving.batch_execute(refused).expect_err(refused);
        let text = err.to_string();
        assert!(
            text.contains("permission denied") || text.contains("must be owner"),
            "{refused}: {text}"
        );
    }
}

#[actix_web::test]
async fn the_application_works_as_the_serving_role() {
    if !is_postgres() {
        return;
    }
    let app = spawn_app_with(|_| {}).await;
    let serving = app.restart_as_serving_role().await;
    let lawyer = serving.login_as(Role::Lawyer).await;
    let (case, _) = serving.draft_case(&lawyer.staff, "SOKOLOVA").await;
    let (status, _) = serving
        .page(&lawyer.client, &format!("/cases/{case}"))
        .await;
    assert_eq!(status, 200);
    serving
        .state
        .db
        .run(|conn| {
            refuge::services::audit::verify_chain(conn, None)
                .map_err(refuge::error::AppError::internal)
        })
        .await
        .expect("the chain the serving role wrote is intact");
    // And it cannot rewrite what it wrote.
    let err = serving
        .state
        .db
        .run(|conn| Ok(conn.batch_execute("UPDATE audit_log SET details = '{}'")?))
        .await
        .expect_err("refused");
    assert!(format!("{err:?}").contains("permission denied"), "{err:?}");
}

#[derive(diesel::QueryableByName)]
struct CurrentUser {
    #[diesel(sql_type = diesel::sql_types::Text)]
    name: String,
}

#[actix_web::test]
async fn with_refuge_test_serving_role_the_suite_serves_as_it() {
    if !is_postgres() || std::env::var("REFUGE_TEST_SERVING_ROLE").is_err() {
        return;
    }
    let app = spawn_app().await;
    let user = app
        .state
        .db
        .run(|conn| {
            Ok(
                diesel::sql_query("SELECT CAST(current_user AS TEXT) AS name")
                    .get_result::<CurrentUser>(conn)?,
            )
        })
        .await
        .expect("current user");
    assert_eq!(user.name, SERVING_ROLE);
}
