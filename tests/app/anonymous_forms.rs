//! The forms of people who are not signed in (login, setup, invitation, the emergency lock)
//! write nothing to the database to be shown (issue 13): their CSRF token is signed for a
//! nonce in a cookie, not kept in a session row, and only signing in starts a session. A
//! forged, expired, missing or another browser's token is refused, on record, and the same
//! form comes back with what was typed (never a password) and a fresh token.

use chrono::Duration;
use refuge::db::audit_log::AuditFilter;
use refuge::domain::audit::AuditAction;
use refuge::domain::staff::Role;
use serde_json::{Value, json};

use crate::helpers::{PASSWORD, TestApp, client, csrf_from, input_value, spawn_app};

const SESSION_COOKIE: &str = "refuge_session";
const FORM_COOKIE: &str = "refuge_form";

async fn session_rows(app: &TestApp) -> i64 {
    app.state
        .db
        .run(|conn| {
            use diesel::prelude::*;
            use refuge::db::schema::sessions;
            Ok(sessions::table.count().get_result::<i64>(conn)?)
        })
        .await
        .expect("count sessions")
}

/// A client with no cookie store, like a crawler or a script that never sends cookies back.
fn cookieless() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client")
}

/// `GET path` without cookies: it shows a form with a token and starts no session.
async fn assert_form_without_session(app: &TestApp, path: &str) {
    let response = cookieless().get(app.url(path)).send().await.expect(path);
    assert_eq!(response.status(), 200, "{path}");
    assert!(
        response.cookies().all(|c| c.name() != SESSION_COOKIE),
        "{path} sets no session cookie"
    );
    assert!(
        response.cookies().any(|c| c.name() == FORM_COOKIE),
        "{path} sets the form nonce"
    );
    let html = response.text().await.expect("body");
    assert!(csrf_from(&html).is_some(), "{path} carries a CSRF token");
}

/// The one-time link the staff page shows after an admin invites someone.
async fn invitation_path(app: &TestApp, admin: &reqwest::Client) -> String {
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
    let to = response.headers()["location"].to_str().unwrap().to_string();
    let (_, html) = app.page(admin, &to).await;
    let link = input_value(&html, "link").expect("the invitation link");
    link.trim_start_matches(&app.address).to_string()
}

/// A lock link made on the account page of `session`.
async fn lock_path(app: &TestApp, session: &reqwest::Client) -> String {
    let response = app.post_form(session, "/account/lock-link", &[]).await;
    assert_eq!(response.status(), 303);
    let (_, html) = app.page(session, "/account?saved=lock_link").await;
    let prefix = format!("{}/lock/", app.address);
    let start = html.find(&prefix).expect("a lock link on the account page");
    let rest = &html[start + app.address.len()..];
    rest[..rest.find(['"', '<', ' ']).unwrap()].to_string()
}

#[actix_web::test]
async fn cookieless_visits_to_anonymous_forms_write_no_session_row() {
    let app = spawn_app().await;
    let setup = app
        .setup_link
        .clone()
        .expect("a fresh app has a setup link")
        .trim_start_matches(&app.address)
        .to_string();
    for _ in 0..20 {
        assert_form_without_session(&app, &setup).await;
    }
    assert_eq!(session_rows(&app).await, 0, "the setup page");

    let admin = app.login_as(Role::Admin).await;
    let invitation = invitation_path(&app, &admin.client).await;
    let lock = lock_path(&app, &admin.client).await;
    assert_eq!(session_rows(&app).await, 1, "the admin's own session");

    for _ in 0..200 {
        assert_form_without_session(&app, "/login").await;
    }
    for path in ["/lock", invitation.as_str(), lock.as_str()] {
        for _ in 0..20 {
            assert_form_without_session(&app, path).await;
        }
    }
    assert_eq!(
        session_rows(&app).await,
        1,
        "200 visits to the login page and 60 to other forms added no session"
    );
}

#[actix_web::test]
async fn only_signing_in_starts_a_session() {
    let app = spawn_app().await;
    let staff = app
        .create_staff(Role::Lawyer, "signs-in@office.example.org")
        .await;
    let browser = client();
    let csrf = app.csrf(&browser, "/login").await;
    let wrong = browser
        .post(app.url("/login"))
        .form(&[
            ("csrf_token", csrf.as_str()),
            ("email", staff.email.as_str()),
            ("password", "not the password at all"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(wrong.status(), 422);
    assert_eq!(session_rows(&app).await, 0, "a failed sign-in starts none");

    let response = app.submit_login(&browser, &staff.email, PASSWORD).await;
    assert_eq!(response.status(), 303);
    assert!(response.cookies().any(|c| c.name() == SESSION_COOKIE));
    assert_eq!(session_rows(&app).await, 1);
    assert_eq!(app.page(&browser, "/account").await.0, 200, "signed in");
}

async fn csrf_refusals(app: &TestApp) -> Vec<Value> {
    app.audit(AuditFilter {
        action: Some(AuditAction::AccessDenied.code().into()),
        ..AuditFilter::default()
    })
    .await
    .iter()
    .map(|row| serde_json::from_str(&row.details).unwrap())
    .collect()
}

/// Posts the login form from `browser` with `csrf`; expects the refusal: 403, the login
/// page again with the email kept (not the password) and a token that works.
async fn assert_refused_with_email_kept(
    app: &TestApp,
    browser: &reqwest::Client,
    csrf: &str,
    email: &str,
    why: &str,
) -> String {
    let response = browser
        .post(app.url("/login"))
        .form(&[
            ("csrf_token", csrf),
            ("email", email),
            ("password", PASSWORD),
            ("next", "/account"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 403, "{why}");
    assert!(
        response.cookies().all(|c| c.name() != SESSION_COOKIE),
        "{why}: no session"
    );
    let html = response.text().await.unwrap();
    assert_eq!(input_value(&html, "email").as_deref(), Some(email), "{why}");
    assert!(
        !html.contains(PASSWORD),
        "{why}: the password is not echoed"
    );
    assert!(
        html.contains("This sign-in form had expired or did not come from this site"),
        "{why}: says why"
    );
    let fresh = csrf_from(&html).expect("the page carries a fresh token");
    assert_ne!(fresh, csrf, "{why}");
    fresh
}

#[actix_web::test]
async fn a_forged_expired_or_mismatched_login_token_is_refused_on_record() {
    let app = spawn_app().await;
    let email = "careful@office.example.org";
    app.create_staff(Role::Lawyer, email).await;

    // Forged: the browser holds a nonce, but the token was made up.
    let browser = client();
    let real = app.csrf(&browser, "/login").await;
    let (expires, _) = real.split_once('.').expect("expiry.mac");
    let forged = format!("{expires}.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
    assert_refused_with_email_kept(&app, &browser, &forged, email, "forged").await;

    // Another browser's token: signed, but for another nonce.
    let other = client();
    assert_refused_with_email_kept(&app, &other, &real, email, "another browser's").await;

    // Expired: shown more than two hours ago.
    let late = client();
    let old = app.csrf(&late, "/login").await;
    app.clock.advance(Duration::hours(2) + Duration::minutes(1));
    assert_refused_with_email_kept(&app, &late, &old, email, "expired").await;

    assert_eq!(session_rows(&app).await, 0, "nobody signed in");
    assert_eq!(
        csrf_refusals(&app).await,
        vec![json!({ "route": "/login", "reason": "csrf" }); 3],
        "each refusal is on record as a CSRF refusal"
    );
}

#[actix_web::test]
async fn the_token_shown_with_a_refusal_signs_in() {
    let app = spawn_app().await;
    let email = "retry@office.example.org";
    app.create_staff(Role::Lawyer, email).await;
    // A browser that never opened the login page (no nonce yet) posts to it.
    let browser = client();
    let fresh = assert_refused_with_email_kept(&app, &browser, "no-token", email, "no nonce").await;
    let response = browser
        .post(app.url("/login"))
        .form(&[
            ("csrf_token", fresh.as_str()),
            ("email", email),
            ("password", PASSWORD),
            ("next", "/account"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 303);
    assert_eq!(
        response.headers()["location"],
        "/account",
        "next is kept too"
    );
}

#[actix_web::test]
async fn an_anonymous_form_token_does_not_stand_in_for_a_sessions() {
    // A session's forms take the session's token only: an anonymous form token a signed-in
    // browser also holds does not stand in for it.
    let app = spawn_app().await;
    let session = app.login_as(Role::Lawyer).await;
    let anonymous = client();
    let foreign = app.csrf(&anonymous, "/login").await;
    let response = session
        .client
        .post(app.url("/account/language"))
        .form(&[("csrf_token", foreign.as_str()), ("language", "ru")])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 403);
}

/// Posts `fields` to the anonymous form at `path` from `browser` with a `csrf` token the
/// server refuses, and returns the page that comes back, having checked what every such
/// answer holds: 403, the same form (not an error page) asking to send it again with a
/// fresh token, no password echoed, no session started.
async fn refused_form(
    app: &TestApp,
    browser: &reqwest::Client,
    path: &str,
    csrf: &str,
    fields: &[(&str, &str)],
    asks: &str,
) -> String {
    let mut body = vec![("csrf_token", csrf)];
    body.extend_from_slice(fields);
    let response = browser
        .post(app.url(path))
        .form(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 403, "{path}");
    assert!(
        response.cookies().all(|c| c.name() != SESSION_COOKIE),
        "{path}: no session"
    );
    let html = response.text().await.unwrap();
    assert!(
        html.contains(&format!("<form method=\"post\" action=\"{path}\"")),
        "{path}: the form again: {html}"
    );
    assert!(html.contains(asks), "{path}: asks to send it again: {html}");
    assert!(!html.contains(PASSWORD), "{path}: no password echoed");
    let fresh = csrf_from(&html).expect("a fresh token");
    assert_ne!(fresh, csrf, "{path}");
    html
}

/// A token of `browser`'s own with its MAC changed.
async fn tampered_token(app: &TestApp, browser: &reqwest::Client, path: &str) -> String {
    let real = app.csrf(browser, path).await;
    let (expires, _) = real.split_once('.').expect("expiry.mac");
    format!("{expires}.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")
}

const SEND_AGAIN_WITH_PASSWORD: &str =
    "This form had expired or did not come from this site, so nothing was saved.";

#[actix_web::test]
async fn a_setup_form_with_a_tampered_token_comes_back_filled_in_and_then_sets_up() {
    let app = spawn_app().await;
    let setup = app
        .setup_link
        .clone()
        .expect("a fresh app has a setup link")
        .trim_start_matches(&app.address)
        .to_string();
    let browser = client();
    let tampered = tampered_token(&app, &browser, &setup).await;
    let typed = [
        ("email", "first.admin@office.example.org"),
        ("display_name", "Первый Админ"),
        ("language", "ru"),
        ("password", PASSWORD),
        ("password_confirm", PASSWORD),
    ];
    let html = refused_form(
        &app,
        &browser,
        &setup,
        &tampered,
        &typed,
        SEND_AGAIN_WITH_PASSWORD,
    )
    .await;
    assert_eq!(
        input_value(&html, "email").as_deref(),
        Some("first.admin@office.example.org")
    );
    assert_eq!(
        input_value(&html, "display_name").as_deref(),
        Some("Первый Админ")
    );
    assert!(
        html.contains("<option value=\"ru\" selected>"),
        "the language kept: {html}"
    );
    assert_eq!(
        csrf_refusals(&app).await,
        vec![json!({ "route": "/setup/{token}", "reason": "csrf" })],
        "the refusal is on record"
    );

    let fresh = csrf_from(&html).unwrap();
    let mut body = vec![("csrf_token", fresh.as_str())];
    body.extend_from_slice(&typed);
    let response = browser
        .post(app.url(&setup))
        .form(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 303, "the fresh token sets up the office");
}

#[actix_web::test]
async fn an_invitation_form_with_an_expired_token_comes_back_and_then_sets_the_password() {
    let app = spawn_app().await;
    let admin = app.login_as(Role::Admin).await;
    let invitation = invitation_path(&app, &admin.client).await;
    let browser = client();
    let old = app.csrf(&browser, &invitation).await;
    app.clock.advance(Duration::hours(2) + Duration::minutes(1));
    let typed = [("password", PASSWORD), ("password_confirm", PASSWORD)];
    let html = refused_form(
        &app,
        &browser,
        &invitation,
        &old,
        &typed,
        SEND_AGAIN_WITH_PASSWORD,
    )
    .await;
    assert!(
        html.contains("invited@office.example.org"),
        "still the invited person's form: {html}"
    );

    let fresh = csrf_from(&html).unwrap();
    let mut body = vec![("csrf_token", fresh.as_str())];
    body.extend_from_slice(&typed);
    let response = browser
        .post(app.url(&invitation))
        .form(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 303, "the fresh token sets the password");
}

#[actix_web::test]
async fn a_lock_request_without_a_token_comes_back_with_the_email_and_sends_nothing() {
    let app = spawn_app().await;
    let staff = app
        .create_staff(Role::Lawyer, "lost.phone@office.example.org")
        .await;
    let browser = client();
    let mail_before = app.outbox().await.len();
    let html = refused_form(
        &app,
        &browser,
        "/lock",
        "",
        &[("email", staff.email.as_str())],
        "This form had expired or did not come from this site, so nothing was sent.",
    )
    .await;
    assert_eq!(
        input_value(&html, "email").as_deref(),
        Some(staff.email.as_str())
    );
    assert_eq!(app.outbox().await.len(), mail_before, "no lock link mailed");

    let fresh = csrf_from(&html).unwrap();
    let response = browser
        .post(app.url("/lock"))
        .form(&[
            ("csrf_token", fresh.as_str()),
            ("email", staff.email.as_str()),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 303, "the fresh token sends");
    assert_eq!(
        app.outbox().await.len(),
        mail_before + 1,
        "a lock link mailed"
    );
}

#[actix_web::test]
async fn a_lock_confirmation_with_another_browsers_token_says_the_account_is_not_locked_yet() {
    let app = spawn_app().await;
    let owner = app.login_as(Role::Lawyer).await;
    let lock = lock_path(&app, &owner.client).await;
    let other_browser = client();
    let foreign = app.csrf(&other_browser, &lock).await;
    let browser = client();
    let html = refused_form(
        &app,
        &browser,
        &lock,
        &foreign,
        &[],
        "so the account is not locked yet",
    )
    .await;
    assert!(
        refuge::services::lock::locked_since(&app.state, owner.staff.id)
            .await
            .unwrap()
            .is_none(),
        "not locked"
    );

    let fresh = csrf_from(&html).unwrap();
    let response = browser
        .post(app.url(&lock))
        .form(&[("csrf_token", fresh.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 303, "the fresh token locks");
    assert!(
        refuge::services::lock::locked_since(&app.state, owner.staff.id)
            .await
            .unwrap()
            .is_some(),
        "locked"
    );
}
