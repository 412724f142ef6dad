//! Issue 14, retention: the office setting (off by default, audited), the files due under it
//! with the pinned clock, the weekly list mailed to administrators (references and closing
//! dates, nothing deleted), and the confirmation that deletes exactly the confirmed files
//! still due. Runs on SQLite, and on PostgreSQL with `REFUGE_TEST_POSTGRES_URL`.

use chrono::{TimeZone, Utc};
use diesel::prelude::*;
use refuge::db::audit_log::AuditFilter;
use refuge::domain::case_stage::CaseStage;
use refuge::domain::staff::{Role, Staff};
use refuge::services::{cases, retention};

use crate::helpers::{Session, TestApp, field_error, input_value, spawn_app, start_time};

fn at(y: i32, m: u32, d: u32) -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, d, 15, 0, 0)
        .single()
        .expect("valid time")
}

/// A case drafted and declined at `closed` (or left open), by `lawyer`.
async fn case_closed_at(
    app: &TestApp,
    lawyer: &Staff,
    name: &str,
    closed: Option<chrono::DateTime<Utc>>,
) -> (uuid::Uuid, String) {
    app.clock.set(at(2017, 1, 2));
    let (id, reference) = app.draft_case(lawyer, name).await;
    if let Some(closed) = closed {
        app.clock.set(closed);
        cases::transition(
            &app.state,
            lawyer,
            id,
            CaseStage::Declined,
            String::new(),
            None,
            None,
        )
        .await
        .expect("declined");
    }
    (id, reference)
}

struct Office {
    app: TestApp,
    admin: Session,
    lawyer: Session,
    /// Closed long before the period: due.
    old: (uuid::Uuid, String),
    /// Closed a few days before the anniversary: due.
    just_due: (uuid::Uuid, String),
    /// Closed after the anniversary: not yet.
    recent: (uuid::Uuid, String),
    /// Never closed.
    open: (uuid::Uuid, String),
}

/// Four cases; the clock back at the start (Monday 23 November 2026, 14:00 UTC). With seven
/// years, cases closed before 23 November 2019 are due.
async fn office() -> Office {
    let app = spawn_app().await;
    let admin = app.login_as(Role::Admin).await;
    let lawyer = app.login_as(Role::Lawyer).await;
    let old = case_closed_at(&app, &lawyer.staff, "Oldclosed", Some(at(2018, 3, 1))).await;
    let just_due = case_closed_at(&app, &lawyer.staff, "Justdue", Some(at(2019, 11, 20))).await;
    let recent = case_closed_at(&app, &lawyer.staff, "Recent", Some(at(2019, 11, 25))).await;
    let open = case_closed_at(&app, &lawyer.staff, "Stillopen", None).await;
    app.clock.set(start_time());
    Office {
        app,
        admin,
        lawyer,
        old,
        just_due,
        recent,
        open,
    }
}

async fn set_years(o: &Office, years: &str) -> reqwest::Response {
    o.app
        .post_form(
            &o.admin.client,
            "/admin/settings",
            &[("retention_years", years)],
        )
        .await
}

async fn case_exists(app: &TestApp, id: uuid::Uuid) -> bool {
    app.state
        .db
        .run(move |conn| {
            use refuge::db::schema::cases;
            Ok(cases::table
                .find(refuge::db::uuid::DbUuid(id))
                .count()
                .get_result::<i64>(conn)?
                == 1)
        })
        .await
        .expect("case query")
}

/// The ids listed on the page as due, in order.
fn listed(html: &str) -> Vec<uuid::Uuid> {
    html.split("<tr data-due=\"")
        .skip(1)
        .map(|row| row[..36].parse().expect("a case id"))
        .collect()
}

#[actix_web::test]
async fn the_setting_is_off_by_default_and_a_change_is_audited() {
    let o = office().await;
    let (status, page) = o.app.page(&o.admin.client, "/admin/retention").await;
    assert_eq!(status, 200);
    assert!(!page.contains("data-retention-years"), "off by default");
    assert!(listed(&page).is_empty(), "nothing is due when it is off");
    let (_, settings) = o.app.page(&o.admin.client, "/admin/settings").await;
    assert_eq!(
        input_value(&settings, "retention_years").as_deref(),
        Some("")
    );

    // A number that is not a whole number of years comes back at its field; nothing saved.
    let response = set_years(&o, "0").await;
    assert_eq!(response.status(), 422);
    let html = response.text().await.expect("page");
    assert!(field_error(&html, "retention_years").is_some(), "{html}");
    assert_eq!(input_value(&html, "retention_years").as_deref(), Some("0"));
    let (_, page) = o.app.page(&o.admin.client, "/admin/retention").await;
    assert!(!page.contains("data-retention-years"));

    assert_eq!(set_years(&o, "7").await.status(), 303);
    let (_, settings) = o.app.page(&o.admin.client, "/admin/settings").await;
    assert_eq!(
        input_value(&settings, "retention_years").as_deref(),
        Some("7")
    );
    let changes: Vec<_> = o
        .app
        .audit(AuditFilter::default())
        .await
        .into_iter()
        .filter(|e| e.action == "office.settings_changed")
        .collect();
    assert_eq!(changes.len(), 1, "{changes:?}");
    assert_eq!(
        changes[0].details,
        serde_json::json!({ "retention_years": { "before": null, "after": 7 } }).to_string()
    );
    assert_eq!(
        changes[0].actor_id.map(|a| a.0),
        Some(o.admin.staff.id.as_uuid())
    );

    // Emptied, the office keeps every file again.
    assert_eq!(set_years(&o, "").await.status(), 303);
    let (_, page) = o.app.page(&o.admin.client, "/admin/retention").await;
    assert!(!page.contains("data-retention-years"));
}

#[actix_web::test]
async fn only_cases_closed_longer_ago_than_the_period_are_due() {
    let o = office().await;
    assert_eq!(set_years(&o, "7").await.status(), 303);
    let (status, page) = o.app.page(&o.admin.client, "/admin/retention").await;
    assert_eq!(status, 200);
    assert_eq!(listed(&page), vec![o.old.0, o.just_due.0], "{page}");
    assert!(page.contains(&o.old.1) && page.contains("2018-03-01"));
    assert!(!page.contains(&o.recent.1) && !page.contains(&o.open.1));
    // No names on the list.
    assert!(!page.contains("Oldclosed") && !page.contains("Justdue"));

    // A week later the recent one has passed its anniversary too.
    o.app.clock.set(at(2026, 11, 30));
    let due: Vec<uuid::Uuid> = retention::due(&o.app.state, &o.admin.staff)
        .await
        .expect("the list")
        .due
        .iter()
        .map(|file| file.id)
        .collect();
    assert_eq!(due, vec![o.old.0, o.just_due.0, o.recent.0]);
}

#[actix_web::test]
async fn the_weekly_list_is_mailed_to_admins_and_deletes_nothing() {
    let o = office().await;
    // Off: no list.
    assert_eq!(
        retention::send_weekly_if_due(&o.app.state).await.unwrap(),
        Some(0)
    );
    assert_eq!(set_years(&o, "7").await.status(), 303);
    o.app.clock.set(at(2026, 11, 24));
    assert_eq!(
        retention::send_weekly_if_due(&o.app.state).await.unwrap(),
        Some(1),
        "the one admin; the lawyer gets none"
    );
    assert_eq!(
        retention::send_weekly_if_due(&o.app.state).await.unwrap(),
        None,
        "once a day"
    );
    o.app.clock.set(at(2026, 11, 25));
    assert_eq!(
        retention::send_weekly_if_due(&o.app.state).await.unwrap(),
        Some(0),
        "once a week"
    );
    let mail: Vec<_> = o
        .app
        .outbox()
        .await
        .into_iter()
        .filter(|m| m.kind == retention::RETENTION_LIST_JOB)
        .collect();
    assert_eq!(mail.len(), 1);
    let m = &mail[0];
    assert_eq!(m.to_address, o.admin.staff.email);
    for body in [&m.text_body, &m.html_body] {
        assert!(
            body.contains(&o.old.1) && body.contains("2018-03-01"),
            "{body}"
        );
        assert!(body.contains(&o.just_due.1) && body.contains("2019-11-20"));
        assert!(!body.contains(&o.recent.1) && !body.contains(&o.open.1));
        assert!(!body.contains("Oldclosed") && !body.contains("Justdue"));
        assert!(body.contains("/admin/retention"));
    }
    for case in [&o.old, &o.just_due, &o.recent, &o.open] {
        assert!(case_exists(&o.app, case.0).await, "nothing is deleted");
    }
    // The next week brings the next list.
    o.app.clock.set(at(2026, 12, 1));
    assert_eq!(
        retention::send_weekly_if_due(&o.app.state).await.unwrap(),
        Some(1)
    );
}

#[actix_web::test]
async fn the_confirmation_deletes_exactly_the_confirmed_files_still_due() {
    let o = office().await;
    assert_eq!(set_years(&o, "7").await.status(), 303);
    let case = |c: &(uuid::Uuid, String)| c.0.to_string();

    // One of the two due files confirmed: only it goes.
    let response = o
        .app
        .post_form(
            &o.admin.client,
            "/admin/retention",
            &[("case", &case(&o.old))],
        )
        .await;
    assert_eq!(response.status(), 303);
    assert_eq!(
        response.headers().get("location").unwrap(),
        "/admin/retention?purged=1"
    );
    assert!(!case_exists(&o.app, o.old.0).await);
    for kept in [&o.just_due, &o.recent, &o.open] {
        assert!(case_exists(&o.app, kept.0).await);
    }

    // Cases not due are not deleted, whatever is sent.
    let response = o
        .app
        .post_form(
            &o.admin.client,
            "/admin/retention",
            &[
                ("case", &case(&o.just_due)),
                ("case", &case(&o.recent)),
                ("case", &case(&o.open)),
            ],
        )
        .await;
    assert_eq!(
        response.headers().get("location").unwrap(),
        "/admin/retention?purged=1"
    );
    assert!(!case_exists(&o.app, o.just_due.0).await);
    assert!(case_exists(&o.app, o.recent.0).await);
    assert!(case_exists(&o.app, o.open.0).await);

    // Each deletion is audited with the reference, by the admin who confirmed.
    let purged: Vec<_> = o
        .app
        .audit(AuditFilter::default())
        .await
        .into_iter()
        .filter(|e| e.action == "case.purged")
        .collect();
    assert_eq!(purged.len(), 2);
    let mut references: Vec<String> = purged
        .iter()
        .map(|e| {
            assert_eq!(e.actor_id.map(|a| a.0), Some(o.admin.staff.id.as_uuid()));
            serde_json::from_str::<serde_json::Value>(&e.details).unwrap()["reference"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    references.sort();
    assert_eq!(references, vec![o.old.1.clone(), o.just_due.1.clone()]);
    let (_, page) = o.app.page(&o.admin.client, "/admin/retention").await;
    assert!(listed(&page).is_empty());
}

#[actix_web::test]
async fn a_lawyer_can_neither_see_nor_confirm_the_list() {
    let o = office().await;
    assert_eq!(set_years(&o, "7").await.status(), 303);
    let (status, _) = o.app.page(&o.lawyer.client, "/admin/retention").await;
    assert_eq!(status, 403);
    let response = o
        .app
        .post_form(
            &o.lawyer.client,
            "/admin/retention",
            &[("case", &o.old.0.to_string())],
        )
        .await;
    assert_eq!(response.status(), 403);
    assert!(case_exists(&o.app, o.old.0).await);
}
