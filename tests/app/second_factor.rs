//! Two-factor sign-in (issue 13): enrolment with a QR code and the secret as text, sign-in in
//! two steps with a half-signed-in state that grants nothing else, codes that work once,
//! recovery codes, throttled and audited wrong codes, the office policy, API tokens with
//! `otp`, and an admin's reset.

use refuge::db::audit_log::AuditFilter;
use refuge::domain::second_factor::STEP_SECONDS;
use refuge::domain::staff::Role;
use serde_json::json;

use crate::helpers::{
    PASSWORD, Session, TestApp, client, csrf_from, recovery_codes_from, spawn_app, totp_secret_from,
};

fn location(response: &reqwest::Response) -> String {
    response
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string()
}

async fn count(app: &TestApp, action: &str) -> usize {
    app.audit(AuditFilter {
        action: Some(action.into()),
        ..Default::default()
    })
    .await
    .len()
}

/// A staff member with a second factor set up, signed out; returns the secret.
async fn enrolled(
    app: &TestApp,
    role: Role,
) -> (Session, refuge::domain::second_factor::TotpSecret) {
    let session = app.login_as(role).await;
    let (secret, _) = app.enrol_second_factor(&session.client).await;
    // The enrolment's code is used; the next sign-in needs the next step's.
    app.clock.advance(chrono::Duration::seconds(STEP_SECONDS));
    (session, secret)
}

/// A fresh client past the password only.
async fn half_signed_in(app: &TestApp, email: &str) -> reqwest::Client {
    let client = client();
    let response = app.submit_login(&client, email, PASSWORD).await;
    assert_eq!(response.status(), 303);
    assert_eq!(location(&response), "/login/second-factor");
    client
}

#[actix_web::test]
async fn a_new_office_requires_a_second_factor_and_the_first_admin_enrols_right_after_setup() {
    let app = spawn_app().await;
    app.set_second_factor_policy(None).await; // as in a new office
    let link = app.setup_link.clone().expect("setup link");
    let path = link.trim_start_matches(&app.address).to_string();
    let browser = client();
    let response = app
        .post_link_form(
            &browser,
            &path,
            &[
                ("email", "first.admin@office.example.org"),
                ("display_name", "First Admin"),
                ("language", "en"),
                ("password", PASSWORD),
                ("password_confirm", PASSWORD),
            ],
        )
        .await;
    assert_eq!(response.status(), 303);
    assert_eq!(location(&response), "/login/second-factor");

    let (status, html) = app.page(&browser, "/login/second-factor").await;
    assert_eq!(status, 200);
    assert!(
        html.contains("<svg"),
        "the QR code is drawn on the server: {html}"
    );
    assert!(!html.contains("<script"), "no script: {html}");
    let secret = totp_secret_from(&html).expect("the secret as text");

    let response = app
        .submit_second_step(&browser, &app.totp_code(&secret))
        .await;
    // The first page of the new session shows the codes, then continues where sign-in would.
    assert_eq!(
        location(&response),
        "/account/second-factor/recovery-codes?next=%2F"
    );
    let codes = app.recovery_codes_after(&browser, &response).await;
    let (_, again) = app.page(&browser, &location(&response)).await;
    assert!(
        recovery_codes_from(&again).is_empty(),
        "shown once: {again}"
    );
    assert!(again.contains("href=\"/\""), "continues home: {again}");
    let (status, _) = app.page(&browser, "/").await;
    assert_eq!(status, 200, "signed in after enrolling");
    assert_eq!(count(&app, "second_factor.enrolled").await, 1);
    let used = half_signed_in(&app, "first.admin@office.example.org").await;
    let response = app.submit_second_step(&used, &codes[0]).await;
    assert_eq!(response.status(), 303, "the codes shown are the account's");
}

/// Issue 12 §5: confirming an enrolment answers 303; the page it leads to shows the codes
/// once, to this browser only, and reloading it neither shows them again nor enrols again.
#[actix_web::test]
async fn the_recovery_codes_are_shown_once_after_a_redirect() {
    let app = spawn_app().await;
    let session = app.login_as(Role::Lawyer).await;
    let other = app.login(&session.staff.email, PASSWORD).await;
    let (_, html) = app.page(&session.client, "/account/second-factor").await;
    let secret = totp_secret_from(&html).expect("the secret");
    let response = app
        .post_form(
            &session.client,
            "/account/second-factor",
            &[("code", &app.totp_code(&secret))],
        )
        .await;
    let to = location(&response);
    assert_eq!(
        to,
        "/account/second-factor/recovery-codes?next=%2Faccount%2Fsecond-factor"
    );

    // Another browser of the same person does not see them.
    let (status, html) = app.page(&other, &to).await;
    assert_eq!(status, 200);
    assert!(recovery_codes_from(&html).is_empty(), "{html}");

    let codes = app.recovery_codes_after(&session.client, &response).await;
    let (status, again) = app.page(&session.client, &to).await;
    assert_eq!(status, 200);
    assert!(
        recovery_codes_from(&again).is_empty(),
        "shown once: {again}"
    );
    assert!(!again.contains(&codes[0]));
    assert!(again.contains("are not shown again"), "says so: {again}");
    assert_eq!(count(&app, "second_factor.enrolled").await, 1, "once");
}

#[actix_web::test]
async fn a_half_signed_in_session_gets_nothing_but_the_second_step() {
    let app = spawn_app().await;
    let (session, _) = enrolled(&app, Role::Lawyer).await;
    let half = half_signed_in(&app, &session.staff.email).await;

    let response = half.get(app.url("/cases")).send().await.expect("GET");
    assert_eq!(response.status(), 303);
    assert_eq!(location(&response), "/login/second-factor");
    let response = half.get(app.url("/api/v1/me")).send().await.expect("GET");
    assert_eq!(response.status(), 403, "the API refuses it");
    let response = half
        .get(app.url("/api/v1/cases"))
        .send()
        .await
        .expect("GET");
    assert_eq!(response.status(), 403);
    // A state-changing request with the session's own CSRF token is refused too.
    let csrf = app.csrf(&half, "/login/second-factor").await;
    let response = half
        .post(app.url("/account/language"))
        .form(&[("csrf_token", csrf.as_str()), ("language", "ru")])
        .send()
        .await
        .expect("POST");
    assert_eq!(response.status(), 403);
}

#[actix_web::test]
async fn signing_in_takes_a_code_and_the_same_code_works_only_once() {
    let app = spawn_app().await;
    let (session, secret) = enrolled(&app, Role::Paralegal).await;
    let code = app.totp_code(&secret);

    let first = half_signed_in(&app, &session.staff.email).await;
    let response = app.submit_second_step(&first, &code).await;
    assert_eq!(response.status(), 303);
    assert_eq!(location(&response), "/");
    let (status, _) = app.page(&first, "/cases").await;
    assert_eq!(status, 200);

    let second = half_signed_in(&app, &session.staff.email).await;
    let response = app.submit_second_step(&second, &code).await;
    assert_eq!(response.status(), 422, "a code cannot be used twice");
    let failures = app
        .audit(AuditFilter {
            action: Some("second_factor.failed".into()),
            ..Default::default()
        })
        .await;
    assert_eq!(failures.len(), 1);
    assert!(
        failures[0].details.contains("code_reused"),
        "{}",
        failures[0].details
    );

    app.clock.advance(chrono::Duration::seconds(STEP_SECONDS));
    let response = app
        .submit_second_step(&second, &app.totp_code(&secret))
        .await;
    assert_eq!(response.status(), 303, "the next step's code works");
}

#[actix_web::test]
async fn a_recovery_code_signs_in_once() {
    let app = spawn_app().await;
    let session = app.login_as(Role::Lawyer).await;
    let (_, codes) = app.enrol_second_factor(&session.client).await;
    assert_eq!(codes.len(), 10);

    let client = half_signed_in(&app, &session.staff.email).await;
    let response = app
        .submit_second_step(&client, &codes[3].to_uppercase())
        .await;
    assert_eq!(response.status(), 303);
    assert_eq!(count(&app, "second_factor.recovery_code_used").await, 1);

    let again = half_signed_in(&app, &session.staff.email).await;
    let response = app.submit_second_step(&again, &codes[3]).await;
    assert_eq!(response.status(), 422, "used up");
}

#[actix_web::test]
async fn wrong_codes_are_throttled_and_audited() {
    let app = spawn_app().await;
    let (session, secret) = enrolled(&app, Role::Lawyer).await;
    let client = half_signed_in(&app, &session.staff.email).await;
    let free = app.state.settings.login.free_failures;
    for _ in 0..free {
        let response = app.submit_second_step(&client, "000000").await;
        assert_eq!(response.status(), 422);
    }
    let response = app
        .submit_second_step(&client, &app.totp_code(&secret))
        .await;
    assert_eq!(response.status(), 429, "even the right code waits");
    assert!(response.headers().contains_key("retry-after"));
    assert_eq!(
        count(&app, "second_factor.failed").await,
        usize::try_from(free).expect("count")
    );
    assert_eq!(count(&app, "second_factor.throttled").await, 1);
}

#[actix_web::test]
async fn the_policy_for_admins_and_lawyers_asks_them_to_enrol_and_lets_paralegals_in() {
    let app = spawn_app().await;
    let admin = app.login_as(Role::Admin).await;
    let response = app
        .post_form(
            &admin.client,
            "/admin/settings",
            &[("second_factor_policy", "admins_and_lawyers")],
        )
        .await;
    assert_eq!(response.status(), 303);
    let changes = app
        .audit(AuditFilter {
            action: Some("office.settings_changed".into()),
            ..Default::default()
        })
        .await;
    assert!(
        changes[0].details.contains("admins_and_lawyers"),
        "{}",
        changes[0].details
    );
    let (_, settings) = app.page(&admin.client, "/admin/settings").await;
    assert!(
        settings.contains(r#"value="admins_and_lawyers" checked"#),
        "{settings}"
    );

    let paralegal = app
        .create_staff(Role::Paralegal, "para@office.example.org")
        .await;
    let response = app
        .submit_login(&client(), &paralegal.email, PASSWORD)
        .await;
    assert_eq!(
        location(&response),
        "/",
        "a paralegal signs in with the password"
    );

    let lawyer = app
        .create_staff(Role::Lawyer, "lawyer@office.example.org")
        .await;
    let browser = client();
    let response = app.submit_login(&browser, &lawyer.email, PASSWORD).await;
    assert_eq!(location(&response), "/login/second-factor");
    let (_, html) = app.page(&browser, "/login/second-factor").await;
    assert!(
        totp_secret_from(&html).is_some(),
        "the lawyer enrols now: {html}"
    );
}

#[actix_web::test]
async fn an_api_token_takes_otp_when_the_account_has_a_second_factor() {
    let app = spawn_app().await;
    let (session, secret) = enrolled(&app, Role::Lawyer).await;
    let email = session.staff.email.clone();
    let ask = |body: serde_json::Value| {
        let url = app.url("/api/v1/tokens");
        async move { client().post(url).json(&body).send().await.expect("POST") }
    };
    let response = ask(json!({ "email": email, "password": PASSWORD })).await;
    assert_eq!(response.status(), 400, "no otp");
    let response = ask(json!({ "email": email, "password": PASSWORD, "otp": "000000" })).await;
    assert_eq!(response.status(), 400, "wrong otp");
    let code = app.totp_code(&secret);
    let response = ask(json!({ "email": email, "password": PASSWORD, "otp": code })).await;
    assert_eq!(response.status(), 201);
    let response = ask(json!({ "email": email, "password": PASSWORD, "otp": code })).await;
    assert_eq!(response.status(), 400, "not twice");
}

#[actix_web::test]
async fn an_api_token_is_refused_until_a_required_second_factor_is_set_up() {
    let app = spawn_app().await;
    let staff = app
        .create_staff(Role::Lawyer, "lawyer@office.example.org")
        .await;
    app.set_second_factor_policy(Some("everyone")).await;
    let response = client()
        .post(app.url("/api/v1/tokens"))
        .json(&json!({ "email": staff.email, "password": PASSWORD }))
        .send()
        .await
        .expect("POST");
    assert_eq!(response.status(), 403);
}

#[actix_web::test]
async fn an_admin_resets_a_second_factor_and_ends_the_sessions() {
    let app = spawn_app().await;
    let (member, _) = enrolled(&app, Role::Lawyer).await;
    let admin = app.login_as(Role::Admin).await;
    let path = format!("/admin/staff/{}/second-factor-reset", member.staff.id);

    let paralegal = app.login_as(Role::Paralegal).await;
    let response = app.post_form(&paralegal.client, &path, &[]).await;
    assert_eq!(response.status(), 403, "only admins");

    let response = app.post_form(&admin.client, &path, &[]).await;
    assert_eq!(response.status(), 303);
    assert_eq!(count(&app, "second_factor.reset").await, 1);
    let response = member
        .client
        .get(app.url("/cases"))
        .send()
        .await
        .expect("GET");
    assert_eq!(response.status(), 303, "the member's session ended");
    assert!(location(&response).starts_with("/login"));
    let response = app
        .submit_login(&client(), &member.staff.email, PASSWORD)
        .await;
    assert_eq!(
        location(&response),
        "/",
        "no second factor any more (optional office)"
    );
}

#[actix_web::test]
async fn recovery_codes_can_be_made_anew_and_the_old_ones_stop_working() {
    let app = spawn_app().await;
    let session = app.login_as(Role::Lawyer).await;
    let (_, old) = app.enrol_second_factor(&session.client).await;
    let (_, page) = app.page(&session.client, "/account/second-factor").await;
    let csrf = csrf_from(&page).expect("csrf");
    let response = session
        .client
        .post(app.url("/account/second-factor/recovery-codes"))
        .form(&[("csrf_token", csrf.as_str())])
        .send()
        .await
        .expect("POST");
    let new = app.recovery_codes_after(&session.client, &response).await;
    assert_ne!(new, old);
    let (_, again) = app.page(&session.client, &location(&response)).await;
    assert!(
        recovery_codes_from(&again).is_empty(),
        "shown once: {again}"
    );
    assert_eq!(
        count(&app, "second_factor.recovery_codes_regenerated").await,
        1,
        "reloading makes no new codes"
    );
    let client = half_signed_in(&app, &session.staff.email).await;
    let response = app.submit_second_step(&client, &old[0]).await;
    assert_eq!(response.status(), 422);
    let response = app.submit_second_step(&client, &new[0]).await;
    assert_eq!(response.status(), 303);
}

#[actix_web::test]
async fn the_second_step_without_a_password_first_is_the_login_page() {
    let app = spawn_app().await;
    let response = client()
        .get(app.url("/login/second-factor"))
        .send()
        .await
        .expect("GET");
    assert_eq!(response.status(), 303);
    assert!(location(&response).starts_with("/login"));
}
