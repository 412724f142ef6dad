//! `GET /healthz`: says which database Refuge uses and whether it answers (the nightly
//! backup's part is tested in `nightly_backup`).

use std::time::{Duration, Instant};

use diesel::Connection;
use diesel::connection::SimpleConnection;
use diesel::pg::PgConnection;
use diesel::sqlite::SqliteConnection;
use serde_json::{Value, json};

use crate::helpers::{TestApp, TestDatabase, client, is_postgres, spawn_app};

async fn healthz(app: &TestApp) -> (u16, Value) {
    let response = client()
        .get(app.url("/healthz"))
        .send()
        .await
        .expect("healthz request");
    let status = response.status().as_u16();
    let body = response.json().await.expect("healthz answers JSON");
    (status, body)
}

fn backend() -> &'static str {
    if is_postgres() { "postgres" } else { "sqlite" }
}

/// Asks `/healthz` while the database does not answer: 503, within the two seconds the
/// check allows itself (plus slack), not after a connection timeout.
async fn assert_unavailable(app: &TestApp) {
    let started = Instant::now();
    let (status, body) = healthz(app).await;
    assert_eq!(status, 503, "{body}");
    assert_eq!(
        body,
        json!({ "status": "unavailable", "database": backend() })
    );
    assert!(
        started.elapsed() < Duration::from_secs(8),
        "the health check took {:?}",
        started.elapsed()
    );
}

#[actix_web::test]
async fn healthy_database_answers_ok_and_names_the_backend() {
    let app = spawn_app().await;
    let (status, body) = healthz(&app).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(
        body,
        json!({
            "status": "ok",
            "database": backend(),
            "mail": { "pending": 0, "failed": 0 },
            "backup": { "status": "off", "last_success": null },
        })
    );
}

/// PostgreSQL: the database is dropped under the running server (`WITH (FORCE)` terminates
/// its connections), so no connection can be made.
///
/// SQLite: overwriting the file's header does not make a live database stop answering
/// (open connections serve from their page cache and the WAL, and `SELECT 1` never reads
/// the file). What does happen in practice is another process holding the write lock
/// (a backup, an operator's `sqlite3` shell): requests queue on it until every pooled
/// connection is taken, and then the database does not answer within the check's time.
#[actix_web::test]
async fn database_that_does_not_answer_gives_503() {
    let app = spawn_app().await;
    let (status, _) = healthz(&app).await;
    assert_eq!(status, 200, "healthy before the database stops answering");

    match &app._database {
        TestDatabase::Postgres { admin_url, name } => {
            let mut admin = PgConnection::establish(admin_url).expect("admin connection");
            admin
                .batch_execute(&format!("DROP DATABASE \"{name}\" WITH (FORCE)"))
                .expect("drop the test database");
            assert_unavailable(&app).await;
        }
        TestDatabase::Shared => unreachable!("spawn_app owns its database"),
        TestDatabase::Sqlite(_) => {
            let mut other_process =
                SqliteConnection::establish(&app.database_url).expect("second connection");
            other_process
                .batch_execute("BEGIN IMMEDIATE")
                .expect("take the write lock");
            // Each token request records its attempt before anything else (a write), so
            // each one now holds a pooled connection while it waits for the lock.
            let pool_size = app.state.settings.database.pool_size;
            let stuck: Vec<_> = (0..pool_size)
                .map(|_| {
                    let url = app.url("/api/v1/tokens");
                    actix_web::rt::spawn(async move {
                        client()
                            .post(url)
                            .json(&json!({ "email": "nobody@office.example.org", "password": "wrong" }))
                            .send()
                            .await
                            .map(|r| r.status().as_u16())
                    })
                })
                .collect();
            // Until every request has reached the database the check may still find a free
            // connection; the lock holds them for the 10 s busy timeout, time enough.
            let deadline = Instant::now() + Duration::from_secs(3);
            actix_web::rt::time::sleep(Duration::from_millis(300)).await;
            while Instant::now() < deadline && healthz(&app).await.0 == 200 {
                actix_web::rt::time::sleep(Duration::from_millis(100)).await;
            }
            assert!(
                stuck.iter().all(|request| !request.is_finished()),
                "the requests should be waiting for the lock"
            );

            assert_unavailable(&app).await;

            other_process
                .batch_execute("COMMIT")
                .expect("release the lock");
            for request in stuck {
                let status = request.await.expect("request task").expect("request");
                assert_eq!(
                    status, 400,
                    "a request that waited for the lock: wrong password, not a failure"
                );
            }
            let (status, body) = healthz(&app).await;
            assert_eq!(status, 200, "healthy again once the lock is gone: {body}");
        }
    }
}
