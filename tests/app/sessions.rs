//! Sessions people can see and end (issue 13): "My sessions" on the account page, the
//! previous sign-in on the home page, and an admin ending someone's sessions.

use refuge::db::audit_log::AuditFilter;
use refuge::domain::staff::Role;

use crate::helpers::{PASSWORD, TestApp, spawn_app};

const FIREFOX_WINDOWS: &str =
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0";
const SAFARI_IPHONE: &str = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1";

/// A cookie-keeping client that introduces itself as `user_agent`.
fn browser(user_agent: &str) -> reqwest::Client {
    reqwest::Client::builder()
        .cookie_store(true)
        .user_agent(user_agent)
        .redirect(reqwest::redirect::Policy::none())
        .pool_idle_timeout(std::time::Duration::from_secs(2))
        .build()
        .expect("client")
}

async fn sign_in(app: &TestApp, client: &reqwest::Client, email: &str) {
    let response = app.submit_login(client, email, PASSWORD).await;
    assert_eq!(response.status(), 303, "sign-in of {email}");
}

/// The references of the sessions listed on an account page, in page order.
fn session_references(html: &str) -> Vec<String> {
    html.split("action=\"/account/sessions/")
        .skip(1)
        .filter_map(|rest| rest.split_once("/end\"").map(|(r, _)| r.to_string()))
        .collect()
}

/// The account page's row of the session marked as this browser.
fn current_row(html: &str) -> &str {
    let start = html
        .find("class=\"current-session\"")
        .expect("current session row");
    let rest = &html[start..];
    &rest[..rest.find("</tr>").expect("row end")]
}

async fn signed_in(app: &TestApp, client: &reqwest::Client) -> bool {
    let (status, _) = app.page(client, "/account").await;
    status == 200
}

async fn audit_count(app: &TestApp, action: &str) -> usize {
    app.audit(AuditFilter {
        action: Some(action.into()),
        ..AuditFilter::default()
    })
    .await
    .len()
}

#[actix_web::test]
async fn my_sessions_names_each_browser_and_ends_one_of_them() {
    let app = spawn_app().await;
    let email = "two.browsers@office.example.org";
    app.create_staff(Role::Lawyer, email).await;
    let laptop = browser(FIREFOX_WINDOWS);
    let phone = browser(SAFARI_IPHONE);
    sign_in(&app, &laptop, email).await;
    sign_in(&app, &phone, email).await;
    assert!(signed_in(&app, &phone).await);

    let (status, html) = app.page(&laptop, "/account").await;
    assert_eq!(status, 200);
    assert_eq!(session_references(&html).len(), 2, "two sessions listed");
    let mine = current_row(&html);
    assert!(
        mine.contains("Firefox") && mine.contains("on Windows"),
        "{mine}"
    );
    assert!(mine.contains("127.0.0.1"), "address shown: {mine}");
    assert!(
        html.contains("Safari") && html.contains("on iOS"),
        "the phone is listed"
    );

    // The laptop ends the phone's session: the row that is not its own.
    let phone_reference = session_references(&html)
        .into_iter()
        .find(|r| !mine.contains(r.as_str()))
        .expect("the other session");
    let response = app
        .post_form(
            &laptop,
            &format!("/account/sessions/{phone_reference}/end"),
            &[],
        )
        .await;
    assert_eq!(response.status(), 303);
    assert!(!signed_in(&app, &phone).await, "the phone is signed out");
    assert!(signed_in(&app, &laptop).await, "the laptop is not");
    let (_, html) = app.page(&laptop, "/account").await;
    assert_eq!(session_references(&html).len(), 1);
    assert_eq!(audit_count(&app, "session.ended").await, 1);
}

#[actix_web::test]
async fn someone_elses_session_cannot_be_ended_by_its_reference() {
    let app = spawn_app().await;
    let victim = browser(FIREFOX_WINDOWS);
    app.create_staff(Role::Lawyer, "victim@office.example.org")
        .await;
    sign_in(&app, &victim, "victim@office.example.org").await;
    let (_, html) = app.page(&victim, "/account").await;
    let reference = session_references(&html).pop().expect("a session");

    let other = app.login_as(Role::Admin).await;
    let response = app
        .post_form(
            &other.client,
            &format!("/account/sessions/{reference}/end"),
            &[],
        )
        .await;
    assert_eq!(response.status(), 303);
    assert!(
        signed_in(&app, &victim).await,
        "only one's own sessions end"
    );
    assert_eq!(audit_count(&app, "session.ended").await, 0);
}

#[actix_web::test]
async fn ending_the_session_in_use_signs_out_and_clears_the_site() {
    let app = spawn_app().await;
    let session = app.login_as(Role::Paralegal).await;
    let (_, html) = app.page(&session.client, "/account").await;
    let reference = session_references(&html).pop().expect("a session");
    let response = app
        .post_form(
            &session.client,
            &format!("/account/sessions/{reference}/end"),
            &[],
        )
        .await;
    assert_eq!(response.status(), 303);
    assert_eq!(
        response.headers()["location"].to_str().unwrap(),
        "/login?signed_out=1"
    );
    assert!(response.headers().contains_key("clear-site-data"));
    assert!(!signed_in(&app, &session.client).await);
}

#[actix_web::test]
async fn signing_out_everywhere_else_keeps_this_browser_and_revokes_tokens() {
    let app = spawn_app().await;
    let email = "left.behind@office.example.org";
    app.create_staff(Role::Lawyer, email).await;
    let here = browser(FIREFOX_WINDOWS);
    let left_behind = browser(SAFARI_IPHONE);
    sign_in(&app, &here, email).await;
    sign_in(&app, &left_behind, email).await;
    let token = app.api_token(email, PASSWORD).await;

    let response = app
        .post_form(&here, "/account/sessions/end-others", &[])
        .await;
    assert_eq!(response.status(), 303);
    assert!(signed_in(&app, &here).await);
    assert!(!signed_in(&app, &left_behind).await);
    let api = crate::helpers::client()
        .get(app.url("/api/v1/me"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(api.status(), 401, "the API token is revoked");
    assert_eq!(audit_count(&app, "session.others_ended").await, 1);
}

#[actix_web::test]
async fn the_home_page_mentions_the_previous_sign_in_once() {
    let app = spawn_app().await;
    let email = "returning@office.example.org";
    app.create_staff(Role::Lawyer, email).await;
    let first = browser(FIREFOX_WINDOWS);
    sign_in(&app, &first, email).await;
    let (_, home) = app.page(&first, "/").await;
    assert!(
        !home.contains("id=\"previous-sign-in\""),
        "no earlier sign-in"
    );

    app.clock.advance(chrono::Duration::hours(3));
    let second = browser(SAFARI_IPHONE);
    sign_in(&app, &second, email).await;
    let (_, home) = app.page(&second, "/").await;
    assert!(
        home.contains("Your previous sign-in was on 2026-11-23 14:00"),
        "{home}"
    );
    assert!(home.contains("address: 127.0.0.1"));
    let (_, again) = app.page(&second, "/").await;
    assert!(!again.contains("id=\"previous-sign-in\""), "shown once");
}

#[actix_web::test]
async fn an_admin_ends_every_session_of_a_staff_member_who_stays_active() {
    let app = spawn_app().await;
    let admin = app.login_as(Role::Admin).await;
    let target = app.login_as(Role::Paralegal).await;
    let token = app.api_token(&target.staff.email, PASSWORD).await;
    let path = format!("/admin/staff/{}/end-sessions", target.staff.id);

    // Only an admin: a lawyer is refused with exactly 403 and nothing ends.
    let lawyer = app.login_as(Role::Lawyer).await;
    let refused = app.post_form(&lawyer.client, &path, &[]).await;
    assert_eq!(refused.status(), 403);
    assert!(signed_in(&app, &target.client).await);

    let response = app.post_form(&admin.client, &path, &[]).await;
    assert_eq!(response.status(), 303);
    assert!(!signed_in(&app, &target.client).await, "session ended");
    let api = crate::helpers::client()
        .get(app.url("/api/v1/me"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(api.status(), 401, "token revoked");
    // Still active: the person signs in again.
    app.login(&target.staff.email, PASSWORD).await;
    assert_eq!(audit_count(&app, "staff.sessions_ended").await, 1);
}
