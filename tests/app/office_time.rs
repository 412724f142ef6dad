//! Times on pages are the office's (`office.time_zone`), with the zone named, and the audit
//! page's date filters are the office's days. The office here is in Los Angeles; the pinned
//! clock's Monday 2026-11-23 14:00 UTC is 06:00 PST there.

use chrono::{TimeZone, Utc};
use refuge::domain::staff::Role;

use crate::helpers::{TestApp, spawn_app_with};
use crate::search::save;

async fn office_in_los_angeles() -> TestApp {
    spawn_app_with(|settings| settings.office.time_zone = chrono_tz::America::Los_Angeles).await
}

#[actix_web::test]
async fn the_case_page_shows_times_in_the_office_zone() {
    let app = office_in_los_angeles().await;
    let lawyer = app.login_as(Role::Lawyer).await;
    let case = save(
        &app,
        &lawyer.staff,
        None,
        &[("client.family_name", "ORLOVA")],
    )
    .await;

    let (status, html) = app
        .page(&lawyer.client, &format!("/cases/{}", case.id))
        .await;
    assert_eq!(status, 200);
    // Opened, stage history and the audit trail.
    assert!(html.contains("2026-11-23 06:00 PST"), "{html}");
    assert!(html.contains("2026-11-23 06:00:00 PST"), "{html}");
    assert!(!html.contains(" UTC<"), "no UTC time left on the page");
}

#[actix_web::test]
async fn the_mail_and_staff_pages_show_times_in_the_office_zone() {
    let app = office_in_los_angeles().await;
    let admin = app.login_as(Role::Admin).await;
    let lawyer = app.login_as(Role::Lawyer).await;
    let paralegal = app.login_as(Role::Paralegal).await;
    // An assignment puts a message in the outbox.
    save(
        &app,
        &lawyer.staff,
        Some(&paralegal.staff),
        &[("client.family_name", "ORLOVA")],
    )
    .await;

    let (status, mail) = app.page(&admin.client, "/admin/mail").await;
    assert_eq!(status, 200);
    assert!(mail.contains("2026-11-23 06:00 PST"), "{mail}");
    let (status, staff) = app
        .page(&admin.client, &format!("/admin/staff/{}", lawyer.staff.id))
        .await;
    assert_eq!(status, 200);
    assert!(staff.contains("2026-11-23 06:00 PST"), "{staff}");
}

#[actix_web::test]
async fn the_audit_page_filters_by_the_offices_days() {
    let app = office_in_los_angeles().await;
    let admin = app.login_as(Role::Admin).await;
    // 2026-11-24 07:30 UTC is still Monday the 23rd in Los Angeles (23:30 PST).
    app.clock.set(
        Utc.with_ymd_and_hms(2026, 11, 24, 7, 30, 0)
            .single()
            .expect("time"),
    );
    // (The first session has idled out by then.)
    let admin = app
        .login(&admin.staff.email, crate::helpers::PASSWORD)
        .await;

    let rows = |html: String| html.matches("2026-11-23 23:30:00 PST").count();
    let (status, monday) = app
        .page(
            &admin,
            "/admin/audit?action=login.succeeded&from=2026-11-23&until=2026-11-23",
        )
        .await;
    assert_eq!(status, 200);
    assert_eq!(rows(monday), 1);
    let (_, tuesday) = app
        .page(
            &admin,
            "/admin/audit?action=login.succeeded&from=2026-11-24",
        )
        .await;
    assert_eq!(rows(tuesday), 0);
}
