//! The emergency lock (issue 13): a personal lock link in every staff email and on the
//! account page, a confirmation before anything locks, a locked account that nobody can
//! sign in to until an admin unlocks it, and a public page that mails a lock link without
//! telling whether an email is known.

use refuge::db::audit_log::AuditFilter;
use refuge::domain::staff::{Role, Staff};

use crate::helpers::{PASSWORD, Session, TestApp, client, csrf_from, spawn_app};

/// The first lock link (`<base>/lock/<token>`) in a text.
fn lock_link(app: &TestApp, text: &str) -> Option<String> {
    let prefix = format!("{}/lock/", app.address);
    let start = text.find(&prefix)?;
    let rest = &text[start..];
    let end = rest
        .find(|c: char| c.is_whitespace() || c == '"' || c == '<')
        .unwrap_or(rest.len());
    Some(rest[..end].to_string())
}

/// The path of a lock link.
fn path_of(app: &TestApp, link: &str) -> String {
    link.trim_start_matches(&app.address).to_string()
}

/// A lock link the person makes on their account page.
async fn account_lock_link(app: &TestApp, session: &Session) -> String {
    let response = app
        .post_form(&session.client, "/account/lock-link", &[])
        .await;
    assert_eq!(response.status(), 303, "POST, then the account page");
    let to = response
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string();
    assert_eq!(to, "/account?saved=lock_link");
    let (_, html) = app.page(&session.client, &to).await;
    let link = lock_link(app, &html).expect("a lock link on the account page");
    let (_, again) = app.page(&session.client, &to).await;
    assert!(lock_link(app, &again).is_none(), "the link is shown once");
    link
}

/// Opens a lock link in a fresh anonymous browser and confirms: the confirmation's response
/// (a 303 to the page that says so) and the browser.
async fn confirm_lock(app: &TestApp, link: &str) -> (reqwest::Response, reqwest::Client) {
    let browser = client();
    let path = path_of(app, link);
    let (status, html) = app.page(&browser, &path).await;
    assert_eq!(status, 200, "the confirmation page");
    let csrf = csrf_from(&html).expect("the confirmation form");
    let response = browser
        .post(app.url(&path))
        .form(&[("csrf_token", csrf.as_str())])
        .send()
        .await
        .unwrap();
    (response, browser)
}

fn location(response: &reqwest::Response) -> String {
    response
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string()
}

async fn signed_in(app: &TestApp, client: &reqwest::Client) -> bool {
    app.page(client, "/account").await.0 == 200
}

async fn audit_count(app: &TestApp, action: &str) -> usize {
    app.audit(AuditFilter {
        action: Some(action.into()),
        ..AuditFilter::default()
    })
    .await
    .len()
}

async fn assign_a_case(app: &TestApp, lawyer: &Staff, paralegal: &Staff) {
    let (lawyer_id, paralegal_id) = (lawyer.id.to_string(), paralegal.id.to_string());
    let form = refuge::routes::cases::intake::form::IntakeForm::from_pairs(
        [
            ("client.family_name", "Lockcase"),
            ("client.given_name", "Anna"),
            ("claim.kind", "affirmative"),
            ("claim.lawyer_id", lawyer_id.as_str()),
            ("claim.paralegal_id", paralegal_id.as_str()),
        ]
        .map(|(k, v)| (k.to_string(), v.to_string())),
    );
    let intake = form.parse().expect("intake parses");
    refuge::services::intake::save(&app.state, lawyer, None, intake, false, None)
        .await
        .expect("case saved");
}

#[actix_web::test]
async fn every_staff_email_ends_with_a_working_lock_link() {
    let app = spawn_app().await;
    let lawyer = app.login_as(Role::Lawyer).await;
    let paralegal = app.login_as(Role::Paralegal).await;
    assign_a_case(&app, &lawyer.staff, &paralegal.staff).await;
    let messages = app.outbox().await;
    let message = messages
        .iter()
        .find(|m| m.to_address == paralegal.staff.email)
        .expect("the paralegal is told");
    let link = lock_link(&app, &message.text_body).expect("a lock link in the text");
    assert!(
        message.text_body.contains("it can only lock"),
        "{}",
        message.text_body
    );
    assert!(
        message.html_body.contains(&format!("href=\"{link}\"")),
        "{}",
        message.html_body
    );
    let (status, html) = app.page(&client(), &path_of(&app, &link)).await;
    assert_eq!(status, 200);
    assert!(html.contains("action=\"/lock/"), "a confirmation form");
}

#[actix_web::test]
async fn opening_a_lock_link_does_not_lock_confirming_locks_at_once() {
    let app = spawn_app().await;
    let admin = app.login_as(Role::Admin).await;
    let person = app.login_as(Role::Lawyer).await;
    let token = app.api_token(&person.staff.email, PASSWORD).await;
    let link = account_lock_link(&app, &person).await;

    // A mail scanner's GET locks nothing.
    for _ in 0..2 {
        let (status, _) = app.page(&client(), &path_of(&app, &link)).await;
        assert_eq!(status, 200);
    }
    assert!(signed_in(&app, &person.client).await, "a GET does not lock");

    let (response, browser) = confirm_lock(&app, &link).await;
    assert_eq!(response.status(), 303, "POST, then the page saying so");
    let done = location(&response);
    assert!(done.starts_with("/locked?"), "{done}");
    let (status, html) = app.page(&browser, &done).await;
    assert_eq!(status, 200);
    assert!(html.contains("id=\"lock-done\""));
    assert!(!signed_in(&app, &person.client).await, "sessions ended");
    let api = client()
        .get(app.url("/api/v1/me"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(api.status(), 401, "API token revoked");

    // The right password does not get in, and says why.
    let refused = app
        .submit_login(&client(), &person.staff.email, PASSWORD)
        .await;
    assert_eq!(refused.status(), 403);
    assert!(
        refused
            .text()
            .await
            .unwrap()
            .contains("This account is locked")
    );
    let api_refused = client()
        .post(app.url("/api/v1/tokens"))
        .json(&serde_json::json!({ "email": person.staff.email, "password": PASSWORD }))
        .send()
        .await
        .unwrap();
    assert_eq!(api_refused.status(), 400);
    // A wrong password is told only that it is wrong.
    let wrong = app
        .submit_login(&client(), &person.staff.email, "not the password at all")
        .await;
    assert_eq!(wrong.status(), 422);

    // The link was used: it no longer locks (nor does anything else).
    let (status, _) = app.page(&client(), &path_of(&app, &link)).await;
    assert_eq!(status, 404);

    assert_eq!(audit_count(&app, "account.locked").await, 1);
    let told: Vec<_> = app
        .outbox()
        .await
        .into_iter()
        .filter(|m| m.kind == "account_locked")
        .collect();
    assert_eq!(told.len(), 1, "the one admin is told");
    assert_eq!(told[0].to_address, admin.staff.email);
    assert!(told[0].text_body.contains(&person.staff.display_name));
}

#[actix_web::test]
async fn a_lock_link_never_signs_anyone_in() {
    let app = spawn_app().await;
    let person = app.login_as(Role::Paralegal).await;
    let link = account_lock_link(&app, &person).await;
    let browser = client();
    let path = path_of(&app, &link);
    let (_, html) = app.page(&browser, &path).await;
    assert!(
        !signed_in(&app, &browser).await,
        "opening it is not a sign-in"
    );
    let csrf = csrf_from(&html).unwrap();
    browser
        .post(app.url(&path))
        .form(&[("csrf_token", csrf.as_str())])
        .send()
        .await
        .unwrap();
    assert!(
        !signed_in(&app, &browser).await,
        "confirming is not one either"
    );
}

#[actix_web::test]
async fn only_an_admin_unlocks_and_then_the_password_works_again() {
    let app = spawn_app().await;
    let admin = app.login_as(Role::Admin).await;
    let lawyer = app.login_as(Role::Lawyer).await;
    let person = app.login_as(Role::Paralegal).await;
    let link = account_lock_link(&app, &person).await;
    assert_eq!(confirm_lock(&app, &link).await.0.status(), 303);

    let path = format!("/admin/staff/{}", person.staff.id);
    let (_, page) = app.page(&admin.client, &path).await;
    assert!(
        page.contains("id=\"locked-since\""),
        "the staff page says so"
    );

    let unlock = format!("{path}/unlock");
    let refused = app.post_form(&lawyer.client, &unlock, &[]).await;
    assert_eq!(refused.status(), 403);
    assert_eq!(
        app.submit_login(&client(), &person.staff.email, PASSWORD)
            .await
            .status(),
        403,
        "still locked"
    );

    let response = app.post_form(&admin.client, &unlock, &[]).await;
    assert_eq!(response.status(), 303);
    app.login(&person.staff.email, PASSWORD).await;
    assert_eq!(audit_count(&app, "account.unlocked").await, 1);
}

#[actix_web::test]
async fn the_lock_page_answers_the_same_for_known_and_unknown_emails() {
    let app = spawn_app().await;
    let person = app
        .create_staff(Role::Lawyer, "known@office.example.org")
        .await;
    let mut answers = Vec::new();
    for email in ["known@office.example.org", "nobody@office.example.org"] {
        let browser = client();
        let csrf = app.csrf(&browser, "/lock").await;
        let response = browser
            .post(app.url("/lock"))
            .form(&[("csrf_token", csrf.as_str()), ("email", email)])
            .send()
            .await
            .unwrap();
        let status = response.status();
        let location = response.headers().get("location").cloned();
        let body = response.text().await.unwrap();
        answers.push((status, location, body));
    }
    assert_eq!(answers[0], answers[1], "the same answer");
    assert_eq!(answers[0].0, 303);

    let mail = app.outbox().await;
    assert_eq!(mail.len(), 1, "only the known email gets mail");
    assert_eq!(mail[0].to_address, person.email);
    let link = lock_link(&app, &mail[0].text_body).expect("a lock link");
    assert_eq!(confirm_lock(&app, &link).await.0.status(), 303);
}

#[actix_web::test]
async fn only_the_browser_that_locked_is_told_locked() {
    // The page after the redirect says "locked" to the browser that confirmed, not to anyone
    // sent its address: nobody can show a person a false "your account is locked".
    let app = spawn_app().await;
    let person = app.login_as(Role::Lawyer).await;
    let link = account_lock_link(&app, &person).await;
    let (response, browser) = confirm_lock(&app, &link).await;
    let done = location(&response);

    let elsewhere = client();
    app.csrf(&elsewhere, "/lock").await; // a browser with a form nonce of its own
    for (who, other) in [("another browser", &elsewhere), ("a fresh one", &client())] {
        let response = other.get(app.url(&done)).send().await.unwrap();
        assert_eq!(response.status(), 303, "{who}");
        assert_eq!(location(&response), "/lock", "{who}");
    }
    let forged = client();
    app.csrf(&forged, "/lock").await;
    let response = forged
        .get(app.url("/locked?proof=4102444800.AAAA"))
        .send()
        .await
        .unwrap();
    assert_eq!(location(&response), "/lock", "a made-up proof");

    // The browser that locked is told, for a while.
    assert!(
        app.page(&browser, &done)
            .await
            .1
            .contains("id=\"lock-done\"")
    );
    app.clock.advance(chrono::Duration::hours(3));
    let response = browser.get(app.url(&done)).send().await.unwrap();
    assert_eq!(location(&response), "/lock", "hours later");
}

#[actix_web::test]
async fn lock_requests_from_one_address_are_limited() {
    let app = spawn_app().await;
    let browser = client();
    let csrf = app.csrf(&browser, "/lock").await;
    let mut statuses = Vec::new();
    let mut retry_after = None;
    for _ in 0..7 {
        let response = browser
            .post(app.url("/lock"))
            .form(&[
                ("csrf_token", csrf.as_str()),
                ("email", "someone@office.example.org"),
            ])
            .send()
            .await
            .unwrap();
        statuses.push(response.status().as_u16());
        if response.status() == 429 {
            retry_after = response.headers().get("retry-after").cloned();
        }
    }
    assert_eq!(&statuses[..5], &[303; 5], "{statuses:?}");
    assert_eq!(statuses[6], 429, "{statuses:?}");
    assert!(retry_after.is_some(), "429 says when to come back");
}
