//! The worker sweeps what expires (issue 13), with the clock pinned: sessions past their
//! idle timeout or lifetime and half-signed-in ones past their ten minutes, setup and
//! invitation links past their time, used or expired lock links, and throttle counters with
//! nothing left to count; everything still alive stays.

use chrono::Duration;
use diesel::QueryableByName;
use diesel::sql_types::BigInt;
use refuge::domain::staff::Role;
use refuge::email::Mailer;

use crate::helpers::{NowForTests, PASSWORD, TestApp, client, csrf_from, spawn_app};

#[derive(QueryableByName)]
struct Count {
    #[diesel(sql_type = BigInt)]
    n: i64,
}

/// `SELECT COUNT(*) FROM {from}` (a table and optional condition, written by the test).
async fn count(app: &TestApp, from: &'static str) -> i64 {
    app.state
        .db
        .run(move |conn| {
            use diesel::RunQueryDsl;
            let row: Count =
                diesel::sql_query(format!("SELECT COUNT(*) AS n FROM {from}")).get_result(conn)?;
            Ok(row.n)
        })
        .await
        .expect("count")
}

async fn sweep(app: &TestApp) {
    let mailer = Mailer::from_settings(&app.state.settings.mail).expect("mailer");
    refuge::worker::run_once(&app.state, &mailer).await;
}

const PENDING: &str = "sessions WHERE second_factor_pending IS NOT NULL";
const SETUP: &str = "account_tokens WHERE purpose = 'setup'";
const USED_LOCK_LINKS: &str = "lock_links WHERE used_at IS NOT NULL";
const INVITATIONS: &str = "account_tokens WHERE purpose = 'invitation'";

/// A half-signed-in session: an office that requires a second factor, someone without one.
async fn half_signed_in(app: &TestApp) {
    app.set_second_factor_policy(None).await;
    app.create_staff(Role::Lawyer, "pending@office.example.org")
        .await;
    let response = app
        .submit_login(&client(), "pending@office.example.org", PASSWORD)
        .await;
    assert_eq!(response.status(), 303);
    app.set_second_factor_policy(Some("optional")).await;
}

async fn invite(app: &TestApp, admin: &reqwest::Client) {
    let response = app
        .post_form(
            admin,
            "/admin/staff",
            &[
                ("email", "invited@office.example.org"),
                ("display_name", "Invited"),
                ("role", "lawyer"),
                ("language", "en"),
                ("password", ""),
            ],
        )
        .await;
    assert_eq!(response.status(), 303);
}

/// Locks `email`'s account with a fresh lock link, confirmed in a browser: a used link.
async fn lock_with_a_link(app: &TestApp, staff_id: refuge::domain::ids::StaffId) {
    let base = app.state.settings.public_url();
    let now = app.clock.as_ref().now_for_tests();
    let link = app
        .state
        .db
        .run(move |conn| {
            Ok(refuge::services::lock::issue_link(
                conn, &base, staff_id, now,
            )?)
        })
        .await
        .expect("lock link");
    let path = link.trim_start_matches(&app.address).to_string();
    let browser = client();
    let (_, html) = app.page(&browser, &path).await;
    let csrf = csrf_from(&html).expect("confirmation form");
    let response = browser
        .post(app.url(&path))
        .form(&[("csrf_token", csrf.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 303, "locked");
}

#[actix_web::test]
async fn the_worker_removes_expired_sessions_and_keeps_live_ones() {
    let app = spawn_app().await;
    let active = app.login_as(Role::Lawyer).await;
    let _idle = app.login_as(Role::Lawyer).await;
    half_signed_in(&app).await;
    assert_eq!(count(&app, "sessions").await, 3);
    assert_eq!(count(&app, PENDING).await, 1);

    sweep(&app).await;
    assert_eq!(count(&app, "sessions").await, 3, "nothing has expired yet");

    // Eleven minutes on: the half-signed-in session's ten minutes are over.
    app.clock.advance(Duration::minutes(11));
    assert_eq!(app.page(&active.client, "/").await.0, 200);
    sweep(&app).await;
    assert_eq!(
        count(&app, PENDING).await,
        0,
        "the second step was never taken"
    );
    assert_eq!(count(&app, "sessions").await, 2, "both signed-in ones stay");

    // Thirty-one idle minutes for one; the other keeps being used.
    app.clock.advance(Duration::minutes(20));
    assert_eq!(app.page(&active.client, "/").await.0, 200);
    sweep(&app).await;
    assert_eq!(count(&app, "sessions").await, 1, "the idle one is gone");

    // A session in use still ends at its absolute lifetime (twelve hours).
    for _ in 0..27 {
        app.clock.advance(Duration::minutes(25));
        assert_eq!(app.page(&active.client, "/").await.0, 200);
    }
    sweep(&app).await;
    assert_eq!(count(&app, "sessions").await, 1, "11 h 46 min in");
    app.clock.advance(Duration::minutes(25));
    sweep(&app).await;
    assert_eq!(count(&app, "sessions").await, 0, "past twelve hours");
}

#[actix_web::test]
async fn the_worker_removes_dead_links_and_keeps_usable_ones() {
    let app = spawn_app().await;
    assert_eq!(count(&app, SETUP).await, 1, "the first-run link");
    let admin = app.login_as(Role::Admin).await;
    invite(&app, &admin.client).await;
    let to_lock = app
        .create_staff(Role::Paralegal, "locked@office.example.org")
        .await;
    lock_with_a_link(&app, to_lock.id).await;
    let keeps_one = app
        .create_staff(Role::Paralegal, "keeps@office.example.org")
        .await;
    {
        let base = app.state.settings.public_url();
        let now = app.clock.as_ref().now_for_tests();
        app.state
            .db
            .run(move |conn| {
                Ok(refuge::services::lock::issue_link(
                    conn,
                    &base,
                    keeps_one.id,
                    now,
                )?)
            })
            .await
            .unwrap();
    }
    let kept: &'static str = format!("lock_links WHERE staff_id = '{}'", keeps_one.id).leak();
    assert_eq!(count(&app, USED_LOCK_LINKS).await, 1);
    assert_eq!(count(&app, kept).await, 1);

    sweep(&app).await;
    assert_eq!(
        count(&app, USED_LOCK_LINKS).await,
        0,
        "the used one is gone"
    );
    assert_eq!(count(&app, kept).await, 1, "a usable one stays");
    assert_eq!(count(&app, SETUP).await, 1, "the setup link has a day");
    assert_eq!(count(&app, INVITATIONS).await, 1);

    app.clock
        .advance(Duration::hours(24) + Duration::minutes(1));
    sweep(&app).await;
    assert_eq!(count(&app, SETUP).await, 0, "the setup link expired");
    assert_eq!(
        count(&app, INVITATIONS).await,
        1,
        "the invitation has a week"
    );

    // Past its week, the invitation of someone who never chose a password stays: the staff
    // list says "invitation expired" from it.
    app.clock.advance(Duration::hours(168));
    sweep(&app).await;
    assert_eq!(count(&app, INVITATIONS).await, 1);
    let admin_again = app.login(&admin.staff.email, PASSWORD).await;
    let (_, staff_list) = app.page(&admin_again, "/admin/staff").await;
    assert!(staff_list.contains("Invitation expired"), "{staff_list}");

    // A lock link lasts a year.
    assert_eq!(count(&app, kept).await, 1);
    app.clock.advance(Duration::days(366));
    sweep(&app).await;
    assert_eq!(count(&app, kept).await, 0, "a year on");
}

#[actix_web::test]
async fn the_worker_removes_throttle_counters_with_nothing_left_to_count() {
    let app = spawn_app().await;
    let wrong = app
        .submit_login(&client(), "nobody@office.example.org", "a wrong password")
        .await;
    assert_eq!(wrong.status(), 422);
    // An address that made thousands of attempts an hour ago: its count decays one attempt
    // per 30 s, so it still remembers after a day.
    let an_hour_ago = refuge::clock::to_db(app.clock.as_ref().now_for_tests() - Duration::hours(1));
    app.state
        .db
        .run(move |conn| {
            use diesel::prelude::*;
            use refuge::db::schema::login_throttle;
            diesel::insert_into(login_throttle::table)
                .values((
                    login_throttle::scope.eq("address"),
                    login_throttle::key_hash.eq("a-busy-address"),
                    login_throttle::attempts.eq(5_000),
                    login_throttle::counted_at.eq(an_hour_ago),
                ))
                .execute(conn)?;
            Ok(())
        })
        .await
        .unwrap();
    assert_eq!(count(&app, "login_throttle").await, 3);

    sweep(&app).await;
    assert_eq!(
        count(&app, "login_throttle").await,
        3,
        "all remember something"
    );

    // A day on, the account's failure is forgotten and so is the address's single attempt;
    // 5,000 attempts take 41 hours to decay.
    app.clock
        .advance(Duration::hours(24) + Duration::minutes(1));
    sweep(&app).await;
    assert_eq!(count(&app, "login_throttle").await, 1);
    assert_eq!(
        count(&app, "login_throttle WHERE key_hash = 'a-busy-address'").await,
        1
    );
    app.clock.advance(Duration::hours(17));
    sweep(&app).await;
    assert_eq!(count(&app, "login_throttle").await, 0);
}
