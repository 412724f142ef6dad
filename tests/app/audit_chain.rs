//! The audit log's hash chain (issue 14): every entry chained, concurrent appends on either
//! backend never fork it, `verify` names the first entry an attacker edited or removed with
//! the triggers dropped, entries from before the chain are sealed, and the admins' daily
//! email carries the chain's head as a seal that `verify --seal` checks.

use refuge::db::audit_log::{AuditFilter, NewAuditEntry, insert_all};
use refuge::domain::staff::Role;
use refuge::services::audit::{ChainReport, Seal, verify_chain};
use refuge::services::reminders::AUDIT_SEAL_MAIL;

use crate::helpers::{TestApp, client, is_postgres, spawn_app, statements_of};

async fn verify(app: &TestApp, seal: Option<Seal>) -> Result<ChainReport, String> {
    app.state
        .db
        .run(move |conn| Ok(verify_chain(conn, seal.as_ref()).map_err(|e| format!("{e:#}"))))
        .await
        .expect("verify runs")
}

/// Some history: staff created, sign-ins, a draft case, a case view.
async fn some_history(app: &TestApp) -> uuid::Uuid {
    let lawyer = app.login_as(Role::Lawyer).await;
    let (case, _) = app.draft_case(&lawyer.staff, "SOKOLOVA").await;
    let (status, _) = app.page(&lawyer.client, &format!("/cases/{case}")).await;
    assert_eq!(status, 200);
    case
}

/// Runs SQL as whoever owns the database would: with the append-only triggers dropped.
async fn as_owner(app: &TestApp, sql: String) {
    let drop = if is_postgres() {
        "DROP TRIGGER IF EXISTS audit_log_no_update ON audit_log; \
         DROP TRIGGER IF EXISTS audit_log_no_delete ON audit_log;"
    } else {
        "DROP TRIGGER IF EXISTS audit_log_no_update; DROP TRIGGER IF EXISTS audit_log_no_delete;"
    };
    app.owner_sql(format!("{drop} {sql}")).await;
}

/// Ids of every entry, oldest first.
async fn entry_ids(app: &TestApp) -> Vec<i64> {
    let mut ids: Vec<i64> = app
        .audit(AuditFilter::default())
        .await
        .iter()
        .map(|r| r.id)
        .collect();
    ids.sort_unstable();
    ids
}

#[actix_web::test]
async fn every_entry_is_chained_and_the_chain_verifies() {
    let app = spawn_app().await;
    some_history(&app).await;
    let ids = entry_ids(&app).await;
    assert!(ids.len() >= 4, "{ids:?}");

    let report = verify(&app, None).await.expect("intact");
    assert_eq!(report.covered, ids.len() as u64);
    assert_eq!(report.head_id, ids.last().copied());
    let unhashed: i64 = app
        .state
        .db
        .run(|conn| {
            use diesel::prelude::*;
            use refuge::db::schema::audit_log;
            Ok(audit_log::table
                .filter(audit_log::chain_hash.is_null())
                .count()
                .get_result(conn)?)
        })
        .await
        .expect("count");
    assert_eq!(unhashed, 0, "every entry carries its hash");
}

#[actix_web::test]
async fn an_entry_edited_with_the_triggers_dropped_is_named() {
    let app = spawn_app().await;
    some_history(&app).await;
    let ids = entry_ids(&app).await;
    let edited = ids[ids.len() / 2];
    as_owner(
        &app,
        format!("UPDATE audit_log SET address = '10.9.9.9' WHERE id = {edited}"),
    )
    .await;

    let err = verify(&app, None).await.expect_err("caught");
    assert!(
        err.contains(&format!("entry {edited}: its stored hash")),
        "{err}"
    );
}

#[actix_web::test]
async fn an_entry_removed_with_the_triggers_dropped_breaks_the_next_link() {
    let app = spawn_app().await;
    some_history(&app).await;
    let ids = entry_ids(&app).await;
    let (removed, next) = (ids[1], ids[2]);
    as_owner(&app, format!("DELETE FROM audit_log WHERE id = {removed}")).await;

    let err = verify(&app, None).await.expect_err("caught");
    assert!(
        err.contains(&format!("entry {next}: its stored hash"))
            && err.contains(&format!("between {} and {next}", ids[0])),
        "{err}"
    );
}

#[actix_web::test]
async fn the_last_entries_removed_miss_the_recorded_head() {
    let app = spawn_app().await;
    some_history(&app).await;
    let ids = entry_ids(&app).await;
    let last = *ids.last().expect("entries");
    as_owner(&app, format!("DELETE FROM audit_log WHERE id = {last}")).await;

    let err = verify(&app, None).await.expect_err("caught");
    assert!(
        err.contains(&format!("recorded head is entry {last}")),
        "{err}"
    );
}

#[actix_web::test]
async fn concurrent_writers_never_fork_the_chain() {
    let app = spawn_app().await;
    let lawyer = app.login_as(Role::Lawyer).await;
    let (case, _) = app.draft_case(&lawyer.staff, "SOKOLOVA").await;
    let paralegal = app.login_as(Role::Paralegal).await;
    // Views (the group-commit writer), refusals (a transaction each) and sign-ins (the
    // login's own transaction), all at once.
    let mut requests = Vec::new();
    for i in 0..12 {
        let app = &app;
        let (lawyer, paralegal) = (&lawyer.client, &paralegal.client);
        requests.push(async move {
            let status = match i % 3 {
                0 => app.page(lawyer, &format!("/cases/{case}")).await.0,
                1 => app.page(paralegal, &format!("/cases/{case}")).await.0,
                _ => app
                    .submit_login(&client(), "nobody@office.example.org", "wrong password 1")
                    .await
                    .status()
                    .as_u16(),
            };
            (i % 3, status)
        });
    }
    let statuses = futures_util::future::join_all(requests).await;
    for (kind, status) in statuses {
        match kind {
            0 => assert_eq!(status, 200, "the lawyer's view"),
            1 => assert_eq!(status, 403, "the paralegal's refusal"),
            _ => assert_ne!(status, 303, "a failed sign-in"),
        }
    }

    let report = verify(&app, None).await.expect("one chain");
    assert_eq!(report.covered, entry_ids(&app).await.len() as u64);
}

#[actix_web::test]
async fn entries_from_before_the_chain_are_sealed_by_the_first_run() {
    let app = spawn_app().await;
    some_history(&app).await;
    // As a database upgraded from before the chain: entries without hashes and a head
    // never sealed (the owner may rewrite what they like, triggers dropped).
    as_owner(
        &app,
        "UPDATE audit_log SET chain_hash = NULL; \
         UPDATE audit_chain SET head_id = NULL, head_hash = NULL, sealed_through = 0"
            .to_string(),
    )
    .await;
    let old = entry_ids(&app).await;

    // The next start seals them; entries written after carry hashes.
    app.state
        .db
        .run(|conn| refuge::db::run_migrations(conn).map_err(refuge::error::AppError::internal))
        .await
        .expect("start-up");
    some_history(&app).await;
    let report = verify(&app, None).await.expect("intact");
    assert_eq!(report.sealed_through, *old.last().expect("old entries"));
    assert_eq!(report.covered, entry_ids(&app).await.len() as u64);

    // A sealed entry changed afterwards shows at the first hash after the seal.
    as_owner(
        &app,
        format!(
            "UPDATE audit_log SET details = '{{}}' WHERE id = {}",
            old[1]
        ),
    )
    .await;
    let err = verify(&app, None).await.expect_err("caught");
    let first_after = entry_ids(&app).await[old.len()];
    assert!(err.contains(&format!("entry {first_after}:")), "{err}");
}

#[actix_web::test]
async fn the_daily_scan_mails_admins_the_chain_head_as_a_seal_that_verify_checks() {
    let app = spawn_app().await;
    let admin = app.login_as(Role::Admin).await;
    some_history(&app).await;
    let report = app.run_daily_scan().await;
    assert_eq!(report.seals, 1);
    let head = verify(&app, None).await.expect("intact");
    let seal = format!("{}:{}", head.head_id.expect("head"), head.head_hash);

    let mail: Vec<_> = app
        .outbox()
        .await
        .into_iter()
        .filter(|m| m.kind == AUDIT_SEAL_MAIL)
        .collect();
    assert_eq!(mail.len(), 1);
    assert_eq!(
        mail[0].recipient_id.map(|r| r.0),
        Some(admin.staff.id.as_uuid())
    );
    assert!(mail[0].text_body.contains(&seal), "{}", mail[0].text_body);
    assert!(mail[0].html_body.contains(&seal));

    let parsed = Seal::parse(&seal).expect("a seal");
    verify(&app, Some(parsed.clone()))
        .await
        .expect("the log holds the seal");
    // A log rewritten since, with every hash recomputed, is intact in itself but no longer
    // holds what was mailed: as if this were the mailed seal.
    let other = Seal::parse(&format!("{}:{}", parsed.id, "0".repeat(64))).expect("a seal");
    let err = verify(&app, Some(other)).await.expect_err("refused");
    assert!(err.contains("no longer matches the seal"), "{err}");
}

/// Entries appended together (the group commit's entries of reads) ask once which of them
/// are about demo records and take the chain's head once: a statement each and three for
/// all of them. Those about demo records stay out of the chain, and the chain verifies.
#[actix_web::test]
async fn entries_appended_together_take_the_head_once_and_keep_the_chain() {
    let app = spawn_app().await;
    let case = some_history(&app).await;
    let demo_case = uuid::Uuid::new_v4();
    app.owner_sql(format!(
        "INSERT INTO demo_records (id, kind) VALUES ('{demo_case}', 'case')"
    ))
    .await;
    let before = verify(&app, None).await.expect("intact").covered;
    let links_before = links(&app).await;
    let at = refuge::clock::to_db(app.state.now());
    let entry = move |target: uuid::Uuid| NewAuditEntry {
        occurred_at: at,
        actor_id: None,
        action: "case.viewed",
        target_type: Some("case"),
        target_id: Some(target.to_string()),
        address: None,
        details: "{}".into(),
        about_demo_data: false,
    };
    let statements = app
        .state
        .db
        .run(move |conn| {
            let rows = [entry(case), entry(demo_case), entry(case), entry(case)];
            refuge::db::write_transaction(conn, |conn| {
                let (statements, appended) = statements_of(conn, |c| insert_all(c, &rows));
                appended.map(|()| statements)
            })
            .map_err(Into::into)
        })
        .await
        .unwrap();
    assert_eq!(statements, 4 + 3);
    let after = verify(&app, None).await.expect("intact");
    assert_eq!(after.covered, before + 3);
    assert_eq!(links(&app).await, links_before + 3);
    let demo_entry = app
        .audit(AuditFilter {
            target_id: Some(demo_case.to_string()),
            ..AuditFilter::default()
        })
        .await;
    assert_eq!(demo_entry.len(), 1);
    assert_eq!(after.head_id, entry_ids(&app).await.last().copied());
}

/// How many entries the chain's head says it links.
async fn links(app: &TestApp) -> i64 {
    app.state
        .db
        .run(|conn| Ok(refuge::db::audit_chain::head(conn)?.links))
        .await
        .expect("the head")
}
