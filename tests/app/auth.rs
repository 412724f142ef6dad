//! Signing in and staying signed in, through the front door: redirects after login,
//! failures that reveal nothing, throttling, session rotation, lifetime and ending, CSRF,
//! security headers and the language pages are shown in.

use std::time::{Duration as StdDuration, Instant};

use chrono::Duration;
use refuge::db::audit_log::{AuditFilter, AuditRow};
use refuge::domain::staff::Role;

use crate::helpers::{PASSWORD, TestApp, client, csrf_from, spawn_app, spawn_app_with};

const SESSION_COOKIE: &str = "refuge_session";
/// Holds the nonce that anonymous forms' CSRF tokens are signed for (no session row).
const FORM_COOKIE: &str = "refuge_form";
const NEW_PASSWORD: &str = "a brand new passphrase for winter";

/// A client with no cookie store: it sends exactly the cookie a test gives it.
fn bare_client() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client")
}

fn location(response: &reqwest::Response) -> String {
    response
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string()
}

fn header(response: &reqwest::Response, name: &str) -> Option<String> {
    response
        .headers()
        .get(name)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string)
}

/// The session cookie value a response sets, if it sets one.
fn set_session_cookie(response: &reqwest::Response) -> Option<String> {
    response
        .cookies()
        .find(|c| c.name() == SESSION_COOKIE && !c.value().is_empty())
        .map(|c| c.value().to_string())
}

fn retry_after(response: &reqwest::Response) -> i64 {
    header(response, "retry-after")
        .expect("Retry-After header")
        .parse()
        .expect("Retry-After in seconds")
}

/// POSTs the login form with a token fetched beforehand, optionally with `next`.
async fn post_login(
    app: &TestApp,
    client: &reqwest::Client,
    csrf: &str,
    email: &str,
    password: &str,
    next: Option<&str>,
) -> reqwest::Response {
    let mut form = vec![
        ("csrf_token", csrf),
        ("email", email),
        ("password", password),
    ];
    if let Some(next) = next {
        form.push(("next", next));
    }
    client
        .post(app.url("/login"))
        .form(&form)
        .send()
        .await
        .expect("login request")
}

/// One login attempt from a fresh browser whose address, behind the proxy, is `address`.
async fn attempt_from(
    app: &TestApp,
    address: &str,
    email: &str,
    password: &str,
) -> reqwest::Response {
    let browser = client();
    let csrf = app.csrf(&browser, "/login").await;
    browser
        .post(app.url("/login"))
        .header("X-Forwarded-For", address)
        .form(&[
            ("csrf_token", csrf.as_str()),
            ("email", email),
            ("password", password),
        ])
        .send()
        .await
        .expect("login request")
}

/// Signs in with a fresh browser and returns it with the session cookie value it got.
async fn login_with_cookie(app: &TestApp, email: &str) -> (reqwest::Client, String) {
    let browser = client();
    let response = app.submit_login(&browser, email, PASSWORD).await;
    assert_eq!(response.status(), 303, "login of {email}");
    let cookie = set_session_cookie(&response).expect("login sets a session cookie");
    (browser, cookie)
}

/// `GET path` carrying only the session cookie `value` (a replayed or stolen cookie).
async fn get_with_cookie(app: &TestApp, value: &str, path: &str) -> reqwest::Response {
    bare_client()
        .get(app.url(path))
        .header("Cookie", format!("{SESSION_COOKIE}={value}"))
        .send()
        .await
        .expect("GET")
}

async fn get(app: &TestApp, client: &reqwest::Client, path: &str) -> reqwest::Response {
    client.get(app.url(path)).send().await.expect("GET")
}

/// Home answers 200 when signed in and sends anyone else to the login page.
async fn assert_signed_in(app: &TestApp, client: &reqwest::Client, why: &str) {
    let response = get(app, client, "/").await;
    assert_eq!(response.status(), 200, "should be signed in: {why}");
}

async fn assert_signed_out(app: &TestApp, client: &reqwest::Client, why: &str) {
    let response = get(app, client, "/").await;
    assert_eq!(response.status(), 303, "should be signed out: {why}");
    assert_eq!(location(&response), "/login", "{why}");
}

async fn audit_of(app: &TestApp, action: &str) -> Vec<AuditRow> {
    app.audit(AuditFilter {
        action: Some(action.into()),
        ..AuditFilter::default()
    })
    .await
}

async fn me_with_bearer(app: &TestApp, token: &str) -> reqwest::Response {
    bare_client()
        .get(app.url("/api/v1/me"))
        .bearer_auth(token)
        .send()
        .await
        .expect("GET /api/v1/me")
}

// ---- where a login leads -------------------------------------------------------------

#[actix_web::test]
async fn login_redirects_to_a_local_next_and_never_off_site() {
    let app = spawn_app().await;
    let email = "next@office.example.org";
    app.create_staff(Role::Lawyer, email).await;

    let browser = client();
    let csrf = app.csrf(&browser, "/login").await;
    let response = post_login(&app, &browser, &csrf, email, PASSWORD, Some("/account")).await;
    assert_eq!(response.status(), 303);
    assert_eq!(location(&response), "/account");

    let browser = client();
    let csrf = app.csrf(&browser, "/login").await;
    let response = post_login(&app, &browser, &csrf, email, PASSWORD, None).await;
    assert_eq!(response.status(), 303);
    assert_eq!(location(&response), "/", "without next, home");

    for unsafe_next in [
        "//evil.example",
        "//evil.example/account",
        "/\\evil.example",
        "https://evil.example",
        "javascript:alert(1)",
        "account",
    ] {
        let browser = client();
        let csrf = app.csrf(&browser, "/login").await;
        let response = post_login(&app, &browser, &csrf, email, PASSWORD, Some(unsafe_next)).await;
        assert_eq!(response.status(), 303, "login with next={unsafe_next}");
        assert_eq!(
            location(&response),
            "/",
            "next={unsafe_next} must not be followed"
        );
        // The login page itself, visited while signed in, must not follow it either.
        let url = format!(
            "/login?next={}",
            url::form_urlencoded::byte_serialize(unsafe_next.as_bytes()).collect::<String>()
        );
        let response = get(&app, &browser, &url).await;
        assert_eq!(response.status(), 303);
        assert_eq!(location(&response), "/", "GET {url}");
    }
}

#[actix_web::test]
async fn protected_page_without_a_session_sends_to_login_and_back() {
    let app = spawn_app().await;
    let email = "back@office.example.org";
    app.create_staff(Role::Admin, email).await;
    let browser = client();

    let response = get(&app, &browser, "/admin/audit?action=login.failed").await;
    assert_eq!(response.status(), 303);
    let to = location(&response);
    assert_eq!(to, "/login?next=%2Fadmin%2Faudit%3Faction%3Dlogin.failed");

    let response = get(&app, &browser, "/account").await;
    assert_eq!(response.status(), 303);
    assert_eq!(location(&response), "/login?next=%2Faccount");

    // The login page carries `next` in its form, and signing in follows it.
    let page = get(&app, &browser, &to).await.text().await.expect("body");
    assert!(
        page.contains("name=\"next\" value=\"/admin/audit?action=login.failed\""),
        "login form keeps next: {page}"
    );
    let csrf = csrf_from(&page).expect("csrf on login page");
    let response = post_login(
        &app,
        &browser,
        &csrf,
        email,
        PASSWORD,
        Some("/admin/audit?action=login.failed"),
    )
    .await;
    assert_eq!(response.status(), 303);
    assert_eq!(location(&response), "/admin/audit?action=login.failed");
    let response = get(&app, &browser, "/admin/audit?action=login.failed").await;
    assert_eq!(response.status(), 200);
}

// ---- failures reveal nothing -----------------------------------------------------------

/// The page with what legitimately differs between two attempts masked: the CSRF token
/// (each browser has its own) and the email as typed (echoed back into the form).
fn masked(html: &str, email: &str) -> String {
    let token = csrf_from(html).expect("csrf token on the page");
    html.replace(&token, "CSRF").replace(email, "EMAIL")
}

async fn failed_login_page(app: &TestApp, email: &str, password: &str) -> (u16, String) {
    let response = app.submit_login(&client(), email, password).await;
    let status = response.status().as_u16();
    let body = response.text().await.expect("body");
    (status, masked(&body, email))
}

#[actix_web::test]
async fn wrong_password_unknown_email_and_inactive_account_fail_identically() {
    let app = spawn_app().await;
    let known = app
        .create_staff(Role::Lawyer, "known@office.example.org")
        .await;
    let retired = app
        .create_staff(Role::Paralegal, "retired@office.example.org")
        .await;
    let admin = app.login_as(Role::Admin).await;
    let response = app
        .post_form(
            &admin.client,
            &format!("/admin/staff/{}/deactivate", retired.id),
            &[],
        )
        .await;
    assert_eq!(response.status(), 303, "deactivation");

    let wrong = failed_login_page(&app, &known.email, "not the right password").await;
    let unknown = failed_login_page(&app, "nobody@office.example.org", PASSWORD).await;
    let inactive = failed_login_page(&app, &retired.email, PASSWORD).await;

    assert_eq!(wrong.0, 422);
    assert!(
        wrong.1.contains("Wrong email or password."),
        "failure message shown"
    );
    assert_eq!(unknown, wrong, "unknown email and wrong password differ");
    assert_eq!(
        inactive, wrong,
        "inactive account and wrong password differ"
    );

    // The audit log, unlike the page, keeps the reason.
    let failed = audit_of(&app, "login.failed").await;
    assert_eq!(failed.len(), 3, "{failed:?}");
    let reason_for = |needle: &str| {
        failed
            .iter()
            .find(|r| r.details.contains(needle))
            .map(|r| (r.details.clone(), r.target_id.clone()))
            .unwrap_or_else(|| panic!("no login.failed entry for {needle}: {failed:?}"))
    };
    let (details, target) = reason_for("known@office.example.org");
    assert!(details.contains("wrong_password"), "{details}");
    assert_eq!(target, Some(known.id.to_string()));
    let (details, target) = reason_for("nobody@office.example.org");
    assert!(details.contains("unknown_account"), "{details}");
    assert_eq!(target, None);
    let (details, _) = reason_for("retired@office.example.org");
    assert!(details.contains("inactive"), "{details}");
    assert!(
        failed
            .iter()
            .all(|r| r.actor_id.is_none() && !r.details.contains(PASSWORD)),
        "failed logins have no actor and never record a password: {failed:?}"
    );
}

/// Time of one login POST, the CSRF fetch excluded.
async fn timed_failure(app: &TestApp, email: &str, password: &str) -> StdDuration {
    let browser = client();
    let csrf = app.csrf(&browser, "/login").await;
    let start = Instant::now();
    let response = post_login(app, &browser, &csrf, email, password, None).await;
    let elapsed = start.elapsed();
    assert_eq!(response.status(), 422, "{email} should fail");
    elapsed
}

#[actix_web::test]
async fn unknown_email_costs_a_password_verification_like_a_wrong_password() {
    let app = spawn_app().await;
    app.create_staff(Role::Lawyer, "timed@office.example.org")
        .await;

    // What one argon2 verification costs on this machine, at best.
    let mut verification = StdDuration::MAX;
    for _ in 0..3 {
        let start = Instant::now();
        let matched = app
            .state
            .passwords
            .verify("some password".into(), None)
            .await
            .expect("verify");
        assert!(!matched);
        verification = verification.min(start.elapsed());
    }
    // Only a lower bound: a request that hashed nothing would finish far sooner. Upper
    // bounds would be at the mercy of the machine's load.
    let floor = (verification / 2).max(StdDuration::from_millis(3));

    let unknown = timed_failure(&app, "nobody@office.example.org", PASSWORD).await;
    let wrong = timed_failure(&app, "timed@office.example.org", "not the password").await;
    assert!(
        unknown >= floor,
        "unknown email answered in {unknown:?}; one verification takes {verification:?}"
    );
    assert!(
        wrong >= floor,
        "wrong password answered in {wrong:?}; one verification takes {verification:?}"
    );
}

#[actix_web::test]
async fn successful_login_is_audited() {
    let app = spawn_app().await;
    let staff = app
        .create_staff(Role::Paralegal, "audited@office.example.org")
        .await;
    app.login(&staff.email, PASSWORD).await;

    let succeeded = audit_of(&app, "login.succeeded").await;
    assert_eq!(succeeded.len(), 1, "{succeeded:?}");
    let entry = &succeeded[0];
    assert_eq!(entry.actor_id.map(|id| id.0), Some(staff.id.as_uuid()));
    assert_eq!(entry.target_id, Some(staff.id.to_string()));
    assert!(entry.details.contains("web"), "{}", entry.details);
    assert!(entry.address.is_some(), "the client address is recorded");
    assert!(audit_of(&app, "login.failed").await.is_empty());
}

// ---- throttling ------------------------------------------------------------------------

#[actix_web::test]
async fn sixth_attempt_after_five_failures_waits_even_with_the_right_password() {
    let app = spawn_app().await;
    let email = "throttled@office.example.org";
    app.create_staff(Role::Lawyer, email).await;
    let browser = client();

    for attempt in 1..=5 {
        let response = app.submit_login(&browser, email, "guessing wrong").await;
        assert_eq!(response.status(), 422, "attempt {attempt} is only refused");
    }
    let response = app.submit_login(&browser, email, PASSWORD).await;
    assert_eq!(response.status(), 429, "sixth attempt must wait");
    let wait = retry_after(&response);
    assert!(wait >= 1, "Retry-After {wait}");
    assert!(
        set_session_cookie(&response).is_none(),
        "a throttled attempt gets no new session"
    );
    let body = response.text().await.expect("body");
    assert!(body.contains("Too many failed attempts"), "{body}");
    assert_signed_out(&app, &browser, "throttled attempt with the right password").await;

    let throttled = audit_of(&app, "login.throttled").await;
    assert_eq!(throttled.len(), 1, "{throttled:?}");
    assert!(
        throttled[0].details.contains(email),
        "{}",
        throttled[0].details
    );
    assert!(audit_of(&app, "login.succeeded").await.is_empty());

    app.clock.advance(Duration::seconds(wait));
    let response = app.submit_login(&browser, email, PASSWORD).await;
    assert_eq!(
        response.status(),
        303,
        "after the wait the right password works"
    );
    assert_signed_in(&app, &browser, "after waiting out the delay").await;
}

#[actix_web::test]
async fn account_delay_is_capped_so_the_owner_always_gets_back_in() {
    // Behind a proxy, so that attackers and the owner can come from different addresses.
    let app =
        spawn_app_with(|s| s.trusted_proxies = vec!["127.0.0.1".parse().expect("range")]).await;
    let cap = app.state.settings.login.max_account_delay_seconds;
    assert_eq!(cap, 60, "documented default");
    let email = "besieged@office.example.org";
    app.create_staff(Role::Lawyer, email).await;

    // Twenty failures from rotating addresses: uncapped, the delay would reach 2^15 s.
    for attempt in 0..20 {
        app.clock.advance(Duration::seconds(cap));
        let response = attempt_from(&app, &format!("203.0.113.{attempt}"), email, "guessing").await;
        assert_eq!(
            response.status(),
            422,
            "failure {attempt}: after waiting {cap} s an attempt is heard again"
        );
    }
    let response = attempt_from(&app, "198.51.100.7", email, PASSWORD).await;
    assert_eq!(
        response.status(),
        429,
        "right after a failure the account waits"
    );
    let wait = retry_after(&response);
    assert!(
        (1..=cap).contains(&wait),
        "Retry-After {wait} exceeds cap {cap}"
    );

    app.clock.advance(Duration::seconds(cap));
    let response = attempt_from(&app, "198.51.100.7", email, PASSWORD).await;
    assert_eq!(response.status(), 303, "the owner signs in after the cap");
}

#[actix_web::test]
async fn failures_against_many_accounts_throttle_the_address() {
    let app = spawn_app_with(|s| {
        s.trusted_proxies = vec!["127.0.0.1".parse().expect("range")];
        s.login.address_free_failures = 5;
    })
    .await;
    let attacker = "203.0.113.66";
    for i in 0..5 {
        let email = format!("sprayed{i}@office.example.org");
        app.create_staff(Role::Paralegal, &email).await;
        let response = attempt_from(&app, attacker, &email, "Winter2026!").await;
        assert_eq!(response.status(), 422, "account {i}, first failure");
    }
    let email = "further@office.example.org";
    app.create_staff(Role::Lawyer, email).await;
    let response = attempt_from(&app, attacker, email, PASSWORD).await;
    assert_eq!(
        response.status(),
        429,
        "a further account from the same address is throttled"
    );
    assert!(retry_after(&response) >= 1);
    assert_eq!(audit_of(&app, "login.throttled").await.len(), 1);

    // The account itself was never attacked: from elsewhere it signs in at once.
    let response = attempt_from(&app, "198.51.100.7", email, PASSWORD).await;
    assert_eq!(response.status(), 303);
}

fn behind_local_proxy(s: &mut refuge::config::Settings) {
    // The test client connects from 127.0.0.1: that is the proxy, and the last hop it
    // appends is the address it saw.
    s.trusted_proxies = vec!["127.0.0.1".parse().expect("range")];
    s.login.address_free_failures = 5;
}

#[actix_web::test]
async fn a_spoofed_first_hop_does_not_evade_the_address_throttle() {
    let app = spawn_app_with(behind_local_proxy).await;
    // The attacker writes a new first hop each time; the proxy appends the real address.
    for i in 0..5 {
        let email = format!("sprayed{i}@office.example.org");
        app.create_staff(Role::Paralegal, &email).await;
        let hops = format!("198.18.0.{i}, 203.0.113.66");
        let response = attempt_from(&app, &hops, &email, "Winter2026!").await;
        assert_eq!(response.status(), 422, "account {i}, first failure");
    }
    let email = "further@office.example.org";
    app.create_staff(Role::Lawyer, email).await;
    let response = attempt_from(&app, "198.18.0.99, 203.0.113.66", email, "Winter2026!").await;
    assert_eq!(
        response.status(),
        429,
        "the real address is throttled whatever the first hop says"
    );
}

#[actix_web::test]
async fn a_spoofed_first_hop_does_not_frame_the_office() {
    let app = spawn_app_with(behind_local_proxy).await;
    let office = "192.0.2.10";
    let colleague = "colleague@office.example.org";
    app.create_staff(Role::Paralegal, colleague).await;
    // The attacker names the office as the first hop until they are throttled.
    let mut statuses = Vec::new();
    for i in 0..6 {
        let email = format!("target{i}@office.example.org");
        app.create_staff(Role::Lawyer, &email).await;
        let hops = format!("{office}, 203.0.113.66");
        statuses.push(
            attempt_from(&app, &hops, &email, "guess")
                .await
                .status()
                .as_u16(),
        );
    }
    assert_eq!(
        statuses,
        vec![422, 422, 422, 422, 422, 429],
        "the attacker waits"
    );
    let response = attempt_from(&app, office, colleague, PASSWORD).await;
    assert_eq!(response.status(), 303, "the office is not locked out");
}

#[actix_web::test]
async fn anonymous_endpoints_answer_429_with_retry_after_per_address() {
    let app = spawn_app_with(|s| {
        s.trusted_proxies = vec!["127.0.0.1".parse().expect("range")];
        s.anonymous.requests_per_minute = 6;
        s.anonymous.burst = 3;
    })
    .await;
    let from = |address: &'static str| {
        let url = app.url("/login");
        async move {
            bare_client()
                .get(url)
                .header("X-Forwarded-For", address)
                .send()
                .await
                .expect("GET /login")
        }
    };
    for i in 0..3 {
        assert_eq!(
            from("203.0.113.8").await.status(),
            200,
            "request {i} of the burst"
        );
    }
    let refused = from("203.0.113.8").await;
    assert_eq!(refused.status(), 429);
    assert_eq!(retry_after(&refused), 10, "one request per 10 s");
    let token = bare_client()
        .post(app.url("/api/v1/tokens"))
        .header("X-Forwarded-For", "203.0.113.8")
        .json(&serde_json::json!({ "email": "x@office.example.org", "password": "x" }))
        .send()
        .await
        .expect("POST /api/v1/tokens");
    assert_eq!(
        token.status(),
        429,
        "one allowance over every anonymous endpoint"
    );
    assert_eq!(from("198.51.100.20").await.status(), 200, "another address");
    for _ in 0..20 {
        assert_eq!(from("203.0.113.8").await.status(), 429);
    }
    let denied = |app_actions: Vec<String>| {
        app_actions
            .iter()
            .filter(|action| *action == "access.denied")
            .count()
    };
    assert_eq!(
        denied(app.audit_actions().await),
        1,
        "a flood of refusals is on record once, not a row per request"
    );

    app.clock.advance(Duration::seconds(10));
    assert_eq!(from("203.0.113.8").await.status(), 200, "after the wait");
    assert_eq!(from("203.0.113.8").await.status(), 429);
    assert_eq!(
        denied(app.audit_actions().await),
        2,
        "refused again after being admitted: on record again"
    );
}

/// Thirty wrong passwords sent at once at one account: the attempt is counted before the
/// password is checked, so only the free allowance is verified (answered 422, audited as
/// failures) and every other guess waits (429), unverified.
#[actix_web::test]
async fn concurrent_guesses_at_one_account_verify_at_most_the_allowance() {
    let app = spawn_app().await;
    let email = "raced@office.example.org";
    app.create_staff(Role::Lawyer, email).await;
    let free = app.state.settings.login.free_failures;
    let browser = client();
    let csrf = app.csrf(&browser, "/login").await;

    let guesses: Vec<_> = (0..30)
        .map(|i| {
            let (browser, url, csrf) = (browser.clone(), app.url("/login"), csrf.clone());
            actix_web::rt::spawn(async move {
                let password = format!("guess number {i}");
                browser
                    .post(url)
                    .form(&[
                        ("csrf_token", csrf.as_str()),
                        ("email", email),
                        ("password", password.as_str()),
                    ])
                    .send()
                    .await
                    .map(|r| r.status().as_u16())
            })
        })
        .collect();
    let mut statuses = Vec::new();
    for guess in guesses {
        statuses.push(guess.await.expect("task").expect("login request"));
    }
    let verified = statuses.iter().filter(|s| **s == 422).count();
    let waited = statuses.iter().filter(|s| **s == 429).count();
    assert_eq!(
        (verified, waited),
        (
            usize::try_from(free).expect("small"),
            30 - usize::try_from(free).expect("small")
        ),
        "{statuses:?}"
    );
    assert_eq!(
        audit_of(&app, "login.failed").await.len(),
        verified,
        "only the allowance was checked"
    );
}

/// An attacker holding one valid account signs in with it every fourth try: the success
/// clears that account's count but not the address's, which still fills up.
#[actix_web::test]
async fn a_success_does_not_reset_the_address_count() {
    let app = spawn_app_with(|s| {
        s.trusted_proxies = vec!["127.0.0.1".parse().expect("range")];
        s.login.address_free_failures = 6;
    })
    .await;
    let attacker = "203.0.113.99";
    let own = "insider@office.example.org";
    app.create_staff(Role::Paralegal, own).await;
    let mut victims = Vec::new();
    for i in 0..3 {
        let email = format!("victim{i}@office.example.org");
        app.create_staff(Role::Lawyer, &email).await;
        victims.push(email);
    }
    let mut own_sign_ins = Vec::new();
    for round in 0..2 {
        for victim in &victims {
            let response = attempt_from(&app, attacker, victim, "Winter2026!").await;
            assert_eq!(response.status(), 422, "round {round}: a plain failure");
        }
        let response = attempt_from(&app, attacker, own, PASSWORD).await;
        own_sign_ins.push(response.status().as_u16());
    }
    assert_eq!(
        own_sign_ins,
        vec![303, 429],
        "six failures from the address: the second success did not clear them"
    );
    // The insider's account itself is not under a delay: from elsewhere it signs in.
    let response = attempt_from(&app, "198.51.100.7", own, PASSWORD).await;
    assert_eq!(response.status(), 303);
}

#[actix_web::test]
async fn an_office_behind_one_address_mistyping_is_never_slowed() {
    // The default address allowance: twenty colleagues behind the office's one address,
    // each mistyping twice before getting in, all in the same minute.
    let app =
        spawn_app_with(|s| s.trusted_proxies = vec!["127.0.0.1".parse().expect("range")]).await;
    let office = "192.0.2.10";
    for i in 0..20 {
        let email = format!("colleague{i}@office.example.org");
        app.create_staff(Role::Paralegal, &email).await;
        for typo in ["a typo in the password", "another typo"] {
            let response = attempt_from(&app, office, &email, typo).await;
            assert_eq!(response.status(), 422, "colleague {i}: a plain failure");
        }
        let response = attempt_from(&app, office, &email, PASSWORD).await;
        assert_eq!(response.status(), 303, "colleague {i} gets in");
    }
}

// ---- sessions --------------------------------------------------------------------------

#[actix_web::test]
async fn login_rotates_the_session_and_the_old_cookie_is_worthless() {
    // Session fixation: a session cookie the browser came with (planted by someone who
    // chose its value) is never adopted: signing in starts a session with a new id.
    let app = spawn_app().await;
    let email = "rotated@office.example.org";
    app.create_staff(Role::Lawyer, email).await;
    let before = "planted-by-someone-else-0123456789abcdefghij";

    let response = get(&app, &bare_client(), "/login").await;
    assert!(
        set_session_cookie(&response).is_none(),
        "the login page starts no session"
    );
    let form_nonce = response
        .cookies()
        .find(|c| c.name() == FORM_COOKIE)
        .expect("form cookie")
        .value()
        .to_string();
    let csrf = csrf_from(&response.text().await.expect("body")).expect("csrf");
    let response = bare_client()
        .post(app.url("/login"))
        .header(
            "Cookie",
            format!("{SESSION_COOKIE}={before}; {FORM_COOKIE}={form_nonce}"),
        )
        .form(&[
            ("csrf_token", csrf.as_str()),
            ("email", email),
            ("password", PASSWORD),
        ])
        .send()
        .await
        .expect("login");
    assert_eq!(response.status(), 303);
    let after = set_session_cookie(&response).expect("login sets a new cookie");
    assert_ne!(before, after, "the session id must change at login");

    let response = get_with_cookie(&app, &after, "/").await;
    assert_eq!(response.status(), 200, "the new cookie signs in");
    let response = get_with_cookie(&app, before, "/").await;
    assert_eq!(
        response.status(),
        303,
        "the planted cookie must not sign in"
    );
    assert_eq!(location(&response), "/login");
    let response = get_with_cookie(&app, before, "/api/v1/me").await;
    assert_eq!(response.status(), 401);
}

#[actix_web::test]
async fn idle_session_ends_after_thirty_minutes() {
    let app = spawn_app().await;
    let session = app.login_as(Role::Lawyer).await;
    app.clock.advance(Duration::minutes(29));
    assert_signed_in(&app, &session.client, "29 idle minutes").await;
    app.clock.advance(Duration::minutes(31));
    let response = get(&app, &session.client, "/account").await;
    assert_eq!(response.status(), 303, "31 idle minutes end the session");
    assert_eq!(location(&response), "/login?next=%2Faccount");
    // Coming back does not revive it.
    assert_signed_out(&app, &session.client, "after the idle timeout").await;
}

#[actix_web::test]
async fn activity_keeps_a_session_alive() {
    let app = spawn_app().await;
    let session = app.login_as(Role::Lawyer).await;
    // Well past 30 minutes in all, but never 30 without a request. (The last-seen time is
    // written at most once a minute, so the steps are minutes apart.)
    for step in 1..=6 {
        app.clock.advance(Duration::minutes(25));
        assert_signed_in(
            &app,
            &session.client,
            &format!("after {} minutes", step * 25),
        )
        .await;
    }
    // The activity counted: without it, the timeout still applies from the last request.
    app.clock.advance(Duration::minutes(31));
    assert_signed_out(
        &app,
        &session.client,
        "31 idle minutes after the last request",
    )
    .await;
}

#[actix_web::test]
async fn absolute_lifetime_ends_a_busy_session_after_twelve_hours() {
    let app = spawn_app().await;
    let session = app.login_as(Role::Lawyer).await;
    for step in 1..=35 {
        app.clock.advance(Duration::minutes(20));
        assert_signed_in(&app, &session.client, &format!("{} min in", step * 20)).await;
    }
    app.clock.advance(Duration::minutes(19));
    assert_signed_in(&app, &session.client, "11 h 59 min in").await;
    app.clock.advance(Duration::minutes(1));
    assert_signed_out(&app, &session.client, "12 h after login, activity or not").await;
}

#[actix_web::test]
async fn an_open_login_form_survives_someone_else_signing_in() {
    // An anonymous form's token is good for two hours, whatever happens meanwhile: another
    // person's login must not cut that short.
    let app = spawn_app().await;
    let late = app
        .create_staff(Role::Lawyer, "late@office.example.org")
        .await;
    let browser = client();
    let csrf = app.csrf(&browser, "/login").await;
    app.clock.advance(Duration::minutes(45));
    app.login_as(Role::Paralegal).await;
    let response = post_login(&app, &browser, &csrf, &late.email, PASSWORD, None).await;
    assert_eq!(response.status(), 303, "login form opened 45 minutes ago");
}

#[actix_web::test]
async fn logout_ends_the_session_on_the_server() {
    let app = spawn_app().await;
    let staff = app
        .create_staff(Role::Lawyer, "leaving@office.example.org")
        .await;
    let (browser, cookie) = login_with_cookie(&app, &staff.email).await;
    let response = get_with_cookie(&app, &cookie, "/").await;
    assert_eq!(
        response.status(),
        200,
        "a copied cookie works while signed in"
    );

    let response = app.post_form(&browser, "/logout", &[]).await;
    assert_eq!(response.status(), 303);
    assert_eq!(location(&response), "/login?signed_out=1");
    assert_signed_out(&app, &browser, "after logout").await;

    let response = get_with_cookie(&app, &cookie, "/").await;
    assert_eq!(response.status(), 303, "the replayed cookie is dead");
    assert_eq!(location(&response), "/login");
    let logouts = audit_of(&app, "logout").await;
    assert_eq!(logouts.len(), 1);
    assert_eq!(logouts[0].target_id, Some(staff.id.to_string()));
}

#[actix_web::test]
async fn deactivation_ends_the_sessions_and_tokens_of_the_account() {
    let app = spawn_app().await;
    let admin = app.login_as(Role::Admin).await;
    let target = app
        .create_staff(Role::Lawyer, "dismissed@office.example.org")
        .await;
    let browser = app.login(&target.email, PASSWORD).await;
    let token = app.api_token(&target.email, PASSWORD).await;
    assert_signed_in(&app, &browser, "before deactivation").await;
    assert_eq!(me_with_bearer(&app, &token).await.status(), 200);

    let response = app
        .post_form(
            &admin.client,
            &format!("/admin/staff/{}/deactivate", target.id),
            &[],
        )
        .await;
    assert_eq!(response.status(), 303);

    assert_signed_out(&app, &browser, "deactivated").await;
    assert_eq!(
        me_with_bearer(&app, &token).await.status(),
        401,
        "the API token dies too"
    );
    assert_signed_in(&app, &admin.client, "the admin is unaffected").await;
    assert_eq!(audit_of(&app, "staff.deactivated").await.len(), 1);

    // They were ended, not merely suspended: reactivation does not bring them back.
    let response = app
        .post_form(
            &admin.client,
            &format!("/admin/staff/{}/reactivate", target.id),
            &[],
        )
        .await;
    assert_eq!(response.status(), 303);
    assert_signed_out(&app, &browser, "deactivated, then reactivated").await;
    assert_eq!(me_with_bearer(&app, &token).await.status(), 401);
    app.login(&target.email, PASSWORD).await;
}

#[actix_web::test]
async fn password_change_ends_other_sessions_and_tokens_but_not_this_one() {
    let app = spawn_app().await;
    let staff = app
        .create_staff(Role::Lawyer, "changer@office.example.org")
        .await;
    let (here, old_cookie) = login_with_cookie(&app, &staff.email).await;
    let elsewhere = app.login(&staff.email, PASSWORD).await;
    let token = app.api_token(&staff.email, PASSWORD).await;

    // A wrong current password changes nothing and ends nothing.
    let response = app
        .post_form(
            &here,
            "/account/password",
            &[
                ("current_password", "not my password"),
                ("password", NEW_PASSWORD),
                ("password_confirm", NEW_PASSWORD),
            ],
        )
        .await;
    assert_eq!(response.status(), 422);
    assert_signed_in(&app, &elsewhere, "after a refused change").await;
    assert_eq!(me_with_bearer(&app, &token).await.status(), 200);

    let response = app
        .post_form(
            &here,
            "/account/password",
            &[
                ("current_password", PASSWORD),
                ("password", NEW_PASSWORD),
                ("password_confirm", NEW_PASSWORD),
            ],
        )
        .await;
    assert_eq!(response.status(), 303);
    assert_eq!(location(&response), "/account?saved=password");
    let new_cookie = set_session_cookie(&response).expect("a fresh session for this browser");
    assert_ne!(new_cookie, old_cookie);

    assert_signed_in(&app, &here, "the browser that changed the password").await;
    assert_signed_out(&app, &elsewhere, "another browser").await;
    assert_eq!(
        get_with_cookie(&app, &old_cookie, "/").await.status(),
        303,
        "this browser's previous session id is dead too"
    );
    assert_eq!(me_with_bearer(&app, &token).await.status(), 401);

    let response = app.submit_login(&client(), &staff.email, PASSWORD).await;
    assert_eq!(response.status(), 422, "the old password is gone");
    app.login(&staff.email, NEW_PASSWORD).await;
    assert_eq!(audit_of(&app, "password.changed").await.len(), 1);
}

// ---- CSRF ------------------------------------------------------------------------------

async fn my_language(app: &TestApp, client: &reqwest::Client) -> String {
    let me: serde_json::Value = get(app, client, "/api/v1/me")
        .await
        .json()
        .await
        .expect("me JSON");
    me["language"].as_str().expect("language").to_string()
}

#[actix_web::test]
async fn form_post_without_or_with_a_wrong_csrf_token_is_refused() {
    let app = spawn_app().await;
    let session = app.login_as(Role::Lawyer).await;

    let response = session
        .client
        .post(app.url("/account/language"))
        .form(&[("language", "ru")])
        .send()
        .await
        .expect("POST");
    assert_eq!(response.status(), 403, "no token");
    let body = response.text().await.expect("body");
    assert!(body.contains("This form has expired"), "{body}");

    let response = session
        .client
        .post(app.url("/account/language"))
        .form(&[("csrf_token", "forged-token-value"), ("language", "ru")])
        .send()
        .await
        .expect("POST");
    assert_eq!(response.status(), 403, "wrong token");

    // Another session's token is as wrong as a made-up one.
    let other = app.login_as(Role::Lawyer).await;
    let foreign = app.csrf(&other.client, "/account").await;
    let response = session
        .client
        .post(app.url("/account/language"))
        .form(&[("csrf_token", foreign.as_str()), ("language", "ru")])
        .send()
        .await
        .expect("POST");
    assert_eq!(response.status(), 403, "another session's token");

    assert_eq!(my_language(&app, &session.client).await, "en", "unchanged");
    assert!(
        audit_of(&app, "account.updated").await.is_empty(),
        "nothing audited"
    );

    // With the right token the same change goes through.
    let response = app
        .post_form(&session.client, "/account/language", &[("language", "ru")])
        .await;
    assert_eq!(response.status(), 303);
    assert_eq!(my_language(&app, &session.client).await, "ru");
}

#[actix_web::test]
async fn staff_form_post_without_csrf_token_creates_nobody() {
    let app = spawn_app().await;
    let admin = app.login_as(Role::Admin).await;
    let fields = [
        ("email", "smuggled@office.example.org"),
        ("display_name", "Smuggled In"),
        ("role", "admin"),
        ("language", "en"),
        ("password", PASSWORD),
    ];
    let response = admin
        .client
        .post(app.url("/admin/staff"))
        .form(&fields)
        .send()
        .await
        .expect("POST");
    assert_eq!(response.status(), 403);

    let response = app
        .submit_login(&client(), "smuggled@office.example.org", PASSWORD)
        .await;
    assert_eq!(response.status(), 422, "no such account");
    let created = audit_of(&app, "staff.created").await;
    assert!(
        created.iter().all(|r| !r.details.contains("smuggled")),
        "{created:?}"
    );
}

#[actix_web::test]
async fn login_form_post_without_csrf_token_is_refused() {
    let app = spawn_app().await;
    let email = "forcedlogin@office.example.org";
    app.create_staff(Role::Lawyer, email).await;

    // With the form cookie but no token, and with neither.
    let browser = client();
    app.csrf(&browser, "/login").await;
    for (who, sender) in [
        ("form cookie, no token", &browser),
        ("no cookie", &bare_client()),
    ] {
        let response = sender
            .post(app.url("/login"))
            .form(&[("email", email), ("password", PASSWORD)])
            .send()
            .await
            .expect("POST");
        assert_eq!(response.status(), 403, "{who}");
    }
    assert_signed_out(&app, &browser, "login without CSRF token").await;
    assert!(audit_of(&app, "login.succeeded").await.is_empty());
}

fn new_staff_json(email: &str) -> serde_json::Value {
    serde_json::json!({
        "email": email,
        "display_name": "Api Person",
        "role": "paralegal",
        "password": PASSWORD,
    })
}

#[actix_web::test]
async fn cookie_authenticated_api_post_needs_the_csrf_header_bearer_does_not() {
    let app = spawn_app().await;
    let admin = app.login_as(Role::Admin).await;

    let response = admin
        .client
        .post(app.url("/api/v1/staff"))
        .json(&new_staff_json("cookie-only@office.example.org"))
        .send()
        .await
        .expect("POST");
    assert_eq!(response.status(), 403, "cookie without X-CSRF-Token");
    let problem: serde_json::Value = response.json().await.expect("problem JSON");
    assert_eq!(problem["type"], "urn:refuge:problem:csrf");

    let response = admin
        .client
        .post(app.url("/api/v1/staff"))
        .header("X-CSRF-Token", "forged")
        .json(&new_staff_json("cookie-forged@office.example.org"))
        .send()
        .await
        .expect("POST");
    assert_eq!(response.status(), 403, "cookie with a wrong X-CSRF-Token");

    let csrf = app.csrf(&admin.client, "/account").await;
    let response = admin
        .client
        .post(app.url("/api/v1/staff"))
        .header("X-CSRF-Token", &csrf)
        .json(&new_staff_json("cookie-ok@office.example.org"))
        .send()
        .await
        .expect("POST");
    assert_eq!(response.status(), 201, "cookie with the right header");

    let token = app.api_token(&admin.staff.email, PASSWORD).await;
    let response = bare_client()
        .post(app.url("/api/v1/staff"))
        .bearer_auth(&token)
        .json(&new_staff_json("bearer@office.example.org"))
        .send()
        .await
        .expect("POST");
    assert_eq!(response.status(), 201, "a bearer token needs no CSRF token");

    let listed: serde_json::Value = bare_client()
        .get(app.url("/api/v1/staff"))
        .bearer_auth(&token)
        .send()
        .await
        .expect("GET")
        .json()
        .await
        .expect("JSON");
    let emails: Vec<&str> = listed
        .as_array()
        .expect("array")
        .iter()
        .filter_map(|s| s["email"].as_str())
        .collect();
    assert!(emails.contains(&"cookie-ok@office.example.org"));
    assert!(emails.contains(&"bearer@office.example.org"));
    assert!(
        !emails.contains(&"cookie-only@office.example.org"),
        "{emails:?}"
    );
    assert!(
        !emails.contains(&"cookie-forged@office.example.org"),
        "{emails:?}"
    );
}

// ---- security headers ------------------------------------------------------------------

fn assert_security_headers(response: &reqwest::Response, what: &str) {
    let csp = header(response, "content-security-policy")
        .unwrap_or_else(|| panic!("{what}: no Content-Security-Policy"));
    let directives: Vec<&str> = csp.split(';').map(str::trim).collect();
    for wanted in [
        "default-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
    ] {
        assert!(
            directives.contains(&wanted),
            "{what}: CSP {csp} lacks {wanted}"
        );
    }
    assert!(!csp.contains("unsafe-inline"), "{what}: CSP {csp}");
    assert!(!csp.contains("unsafe-eval"), "{what}: CSP {csp}");
    assert_eq!(
        header(response, "x-content-type-options").as_deref(),
        Some("nosniff"),
        "{what}"
    );
    assert_eq!(
        header(response, "referrer-policy").as_deref(),
        Some("same-origin"),
        "{what}"
    );
    assert_eq!(
        header(response, "cross-origin-opener-policy").as_deref(),
        Some("same-origin"),
        "{what}"
    );
    let permissions = header(response, "permissions-policy").unwrap_or_default();
    for feature in ["camera=()", "microphone=()", "geolocation=()"] {
        assert!(
            permissions.contains(feature),
            "{what}: Permissions-Policy {permissions:?} lacks {feature}"
        );
    }
}

fn assert_no_store(response: &reqwest::Response, what: &str) {
    let cache = header(response, "cache-control").unwrap_or_default();
    assert!(
        cache.contains("no-store"),
        "{what}: Cache-Control {cache:?}"
    );
}

#[actix_web::test]
async fn security_headers_are_on_every_kind_of_response() {
    let app = spawn_app().await;
    let session = app.login_as(Role::Lawyer).await;
    let token = app.api_token(&session.staff.email, &session.password).await;

    let login_page = get(&app, &client(), "/login").await;
    let account_page = get(&app, &session.client, "/account").await;
    let api = me_with_bearer(&app, &token).await;
    let missing = get(&app, &session.client, "/no-such-page").await;
    let api_missing = get(&app, &client(), "/api/v1/nothing-here").await;
    assert_eq!(login_page.status(), 200);
    assert_eq!(account_page.status(), 200);
    assert_eq!(api.status(), 200);
    assert_eq!(missing.status(), 404);
    assert_eq!(api_missing.status(), 404);

    for (what, response) in [
        ("login page", &login_page),
        ("account page", &account_page),
        ("API response", &api),
        ("404 page", &missing),
        ("API 404", &api_missing),
    ] {
        assert_security_headers(response, what);
        assert!(
            header(response, "strict-transport-security").is_none(),
            "{what}: no HSTS without https"
        );
    }
    assert_no_store(&account_page, "authenticated page");
    assert_no_store(&api, "authenticated API response");
    assert_no_store(&login_page, "login page");

    // Over plain http the cookies cannot be Secure, but they are still HttpOnly and
    // SameSite: the login page's form nonce, and the session a sign-in starts.
    let signed_in = app
        .submit_login(&client(), &session.staff.email, PASSWORD)
        .await;
    assert_eq!(signed_in.status(), 303);
    for (name, response) in [(FORM_COOKIE, &login_page), (SESSION_COOKIE, &signed_in)] {
        let cookie = response
            .cookies()
            .find(|c| c.name() == name)
            .unwrap_or_else(|| panic!("{name} cookie"));
        assert!(cookie.http_only(), "{name}");
        assert!(
            cookie.same_site_lax() || cookie.same_site_strict(),
            "{name}"
        );
        assert_eq!(cookie.path(), Some("/"), "{name}");
    }
}

const HOST_COOKIE: &str = "__Host-refuge_session";
const HOST_FORM_COOKIE: &str = "__Host-refuge_form";

/// Checks the attributes of the https cookie `name` (the `__Host-` form of `plain`) a
/// response sets; returns its value.
fn assert_host_cookie(
    response: &reqwest::Response,
    (name, plain): (&str, &str),
    what: &str,
) -> String {
    let cookies: Vec<_> = response.cookies().collect();
    assert!(
        cookies.iter().all(|c| c.name() != plain),
        "{what}: the plain cookie name is not used with https"
    );
    let cookie = cookies
        .iter()
        .find(|c| c.name() == name)
        .unwrap_or_else(|| panic!("{what}: no {name} cookie"));
    assert!(!cookie.value().is_empty(), "{what}");
    assert!(cookie.secure(), "{what}: Secure");
    assert!(cookie.http_only(), "{what}: HttpOnly");
    assert_eq!(cookie.path(), Some("/"), "{what}: Path=/");
    assert!(
        cookie.domain().is_none(),
        "{what}: __Host- cookies carry no Domain"
    );
    assert!(
        cookie.same_site_lax() || cookie.same_site_strict(),
        "{what}: SameSite"
    );
    cookie.value().to_string()
}

#[actix_web::test]
async fn with_https_hsts_is_sent_and_the_cookie_is_host_prefixed_and_secure() {
    let app = spawn_app_with(|s| s.https = true).await;
    let email = "secure@office.example.org";
    app.create_staff(Role::Lawyer, email).await;

    let response = get(&app, &bare_client(), "/login").await;
    assert_eq!(response.status(), 200);
    assert_security_headers(&response, "login page over https");
    let hsts = header(&response, "strict-transport-security").expect("HSTS with https on");
    let max_age: u64 = hsts
        .split(';')
        .find_map(|part| part.trim().strip_prefix("max-age="))
        .expect("max-age")
        .parse()
        .expect("max-age number");
    assert!(max_age >= 31_536_000, "HSTS max-age {max_age}");
    assert!(set_session_cookie(&response).is_none(), "no session yet");
    let nonce = assert_host_cookie(
        &response,
        (HOST_FORM_COOKIE, FORM_COOKIE),
        "anonymous form nonce",
    );

    // The signed-in session's cookie matters most. A browser would not send a Secure
    // cookie over plain http, so the form's is sent by hand.
    let csrf = csrf_from(&response.text().await.expect("body")).expect("csrf");
    let response = bare_client()
        .post(app.url("/login"))
        .header("Cookie", format!("{HOST_FORM_COOKIE}={nonce}"))
        .form(&[
            ("csrf_token", csrf.as_str()),
            ("email", email),
            ("password", PASSWORD),
        ])
        .send()
        .await
        .expect("login");
    assert_eq!(response.status(), 303);
    assert!(header(&response, "strict-transport-security").is_some());
    let signed_in = assert_host_cookie(
        &response,
        (HOST_COOKIE, SESSION_COOKIE),
        "signed-in session",
    );
    assert_ne!(signed_in, nonce);
}

// ---- language --------------------------------------------------------------------------

#[actix_web::test]
async fn pages_follow_the_staff_members_language_not_the_browsers() {
    let app = spawn_app().await;
    let admin = app.login_as(Role::Admin).await;
    let email = "olga@office.example.org";
    let response = app
        .post_form(
            &admin.client,
            "/admin/staff",
            &[
                ("email", email),
                ("display_name", "Olga Ivanova"),
                ("role", "lawyer"),
                ("language", "ru"),
                ("password", PASSWORD),
            ],
        )
        .await;
    assert_eq!(response.status(), 303, "account created");

    let olga = app.login(email, PASSWORD).await;
    let home = olga
        .get(app.url("/"))
        .header("Accept-Language", "en-US,en;q=0.9")
        .send()
        .await
        .expect("GET /");
    assert_eq!(home.status(), 200);
    let html = home.text().await.expect("body");
    assert!(html.contains("<html lang=\"ru\">"), "{html}");
    assert!(html.contains("Здравствуйте, Olga Ivanova"), "{html}");
    assert!(html.contains("Мои дела"), "{html}");
    assert!(!html.contains("Hello,"), "{html}");

    // The admin, who prefers English, sees English.
    let html = get(&app, &admin.client, "/")
        .await
        .text()
        .await
        .expect("body");
    assert!(html.contains("<html lang=\"en\">"));
    assert!(html.contains("Hello, "), "{html}");
}

async fn login_page_in(app: &TestApp, accept_language: Option<&str>) -> String {
    let mut request = client().get(app.url("/login"));
    if let Some(value) = accept_language {
        request = request.header("Accept-Language", value);
    }
    request
        .send()
        .await
        .expect("GET /login")
        .text()
        .await
        .expect("body")
}

#[actix_web::test]
async fn anonymous_pages_follow_accept_language() {
    let app = spawn_app().await;

    for header in ["ru-RU,ru;q=0.9,en;q=0.8", "de-DE, ru;q=0.7"] {
        let html = login_page_in(&app, Some(header)).await;
        assert!(html.contains("<html lang=\"ru\">"), "{header}: {html}");
        assert!(html.contains("<h1>Вход</h1>"), "{header}: {html}");
    }
    for header in [Some("en-GB,en;q=0.9"), Some("de-DE"), None] {
        let html = login_page_in(&app, header).await;
        assert!(html.contains("<html lang=\"en\">"), "{header:?}: {html}");
        assert!(html.contains("<h1>Sign in</h1>"), "{header:?}: {html}");
    }

    // A failed login answers in the visitor's language too.
    app.create_staff(Role::Lawyer, "ru@office.example.org")
        .await;
    let browser = client();
    let csrf = app.csrf(&browser, "/login").await;
    let response = browser
        .post(app.url("/login"))
        .header("Accept-Language", "ru")
        .form(&[
            ("csrf_token", csrf.as_str()),
            ("email", "ru@office.example.org"),
            ("password", "not the password"),
        ])
        .send()
        .await
        .expect("POST");
    assert_eq!(response.status(), 422);
    let html = response.text().await.expect("body");
    assert!(html.contains("Неверная эл. почта или пароль."), "{html}");
}
