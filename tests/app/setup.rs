//! First-run setup: the one-time link printed while no staff account exists, its form, and
//! everything that makes the link stop working (use, expiry, existing staff, a restart).

use refuge::db::audit_log::AuditFilter;
use refuge::domain::staff::{Role, Staff};
use refuge::startup::Application;

use crate::helpers::{
    NowForTests, PASSWORD, TestApp, client, csrf_from, field_error, input_value, spawn_app,
    test_settings,
};

const ADMIN_EMAIL: &str = "Anna.Petrova@Office.Example.org";
const ADMIN_NAME: &str = "Anna Petrova";

/// The path part of a setup link, after checking the link points at this server.
fn setup_path(app: &TestApp, link: &str) -> String {
    let prefix = format!("{}/setup/", app.address);
    let token = link
        .strip_prefix(&prefix)
        .unwrap_or_else(|| panic!("setup link {link} does not start with {prefix}"));
    assert!(
        token.len() >= 20
            && token
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "-_".contains(c)),
        "setup token looks wrong: {token}"
    );
    format!("/setup/{token}")
}

/// The path of the link the fresh app issued.
fn first_link(app: &TestApp) -> String {
    let link = app
        .setup_link
        .clone()
        .expect("a fresh app issues a setup link");
    setup_path(app, &link)
}

fn valid_fields<'a>(email: &'a str, name: &'a str) -> [(&'a str, &'a str); 5] {
    [
        ("email", email),
        ("display_name", name),
        ("language", "en"),
        ("password", PASSWORD),
        ("password_confirm", PASSWORD),
    ]
}

async fn all_staff(app: &TestApp) -> Vec<Staff> {
    app.state
        .db
        .run(|conn| Ok(refuge::db::staff::list(conn)?))
        .await
        .expect("staff list")
}

async fn setup_completed_count(app: &TestApp) -> usize {
    app.audit(AuditFilter {
        action: Some("setup.completed".into()),
        ..AuditFilter::default()
    })
    .await
    .len()
}

/// A second `Application` on the same database, as after a restart; its server runs too.
async fn restart(app: &TestApp) -> (Option<String>, String) {
    let restarted = Application::build(test_settings(&app.database_url), app.clock.clone())
        .await
        .expect("application rebuilds on the same database");
    let link = restarted.setup_link().map(str::to_string);
    let address = format!("http://127.0.0.1:{}", restarted.port());
    actix_web::rt::spawn(restarted.run_until_stopped());
    (link, address)
}

#[actix_web::test]
async fn a_fresh_app_offers_a_setup_link_whose_form_carries_a_csrf_token() {
    let app = spawn_app().await;
    let path = first_link(&app);

    let response = client().get(app.url(&path)).send().await.expect("GET");

    assert_eq!(response.status(), 200);
    let html = response.text().await.expect("body");
    assert!(
        html.contains(&format!("action=\"{path}\"")),
        "the form posts back to its link"
    );
    let token = input_value(&html, "csrf_token").expect("a csrf_token field in the form");
    assert!(!token.is_empty());
    for field in ["email", "display_name", "password", "password_confirm"] {
        assert!(
            html.contains(&format!("name=\"{field}\"")),
            "no {field} field"
        );
    }
}

#[actix_web::test]
async fn invalid_setup_fields_are_shown_next_to_each_field_keeping_what_was_typed() {
    let app = spawn_app().await;
    let path = first_link(&app);
    let browser = client();

    // Bad email, blank name, short password.
    let response = app
        .post_link_form(
            &browser,
            &path,
            &[
                ("email", "anna.example.org"),
                ("display_name", "   "),
                ("language", "en"),
                ("password", "short pw"),
                ("password_confirm", "short pw"),
            ],
        )
        .await;
    assert_eq!(response.status(), 422);
    let html = response.text().await.expect("body");
    assert_eq!(
        field_error(&html, "email").as_deref(),
        Some("Enter an email address such as name@example.org.")
    );
    assert_eq!(
        field_error(&html, "display_name").as_deref(),
        Some("This field is required.")
    );
    assert_eq!(
        field_error(&html, "password").as_deref(),
        Some("The password must have at least 12 characters.")
    );
    assert_eq!(
        input_value(&html, "email").as_deref(),
        Some("anna.example.org")
    );
    assert!(!html.contains("short pw"), "a password was echoed back");

    // A common password; the valid email and name stay in the form.
    let response = app
        .post_link_form(
            &browser,
            &path,
            &[
                ("email", ADMIN_EMAIL),
                ("display_name", ADMIN_NAME),
                ("language", "en"),
                ("password", "password1234"),
                ("password_confirm", "password1234"),
            ],
        )
        .await;
    assert_eq!(response.status(), 422);
    let html = response.text().await.expect("body");
    assert_eq!(
        field_error(&html, "password").as_deref(),
        Some("This password is too common; attackers try it first. Choose another.")
    );
    assert_eq!(field_error(&html, "email"), None);
    assert_eq!(input_value(&html, "email").as_deref(), Some(ADMIN_EMAIL));
    assert_eq!(
        input_value(&html, "display_name").as_deref(),
        Some(ADMIN_NAME)
    );
    assert!(!html.contains("password1234"), "a password was echoed back");

    // A good password, repeated wrongly.
    let response = app
        .post_link_form(
            &browser,
            &path,
            &[
                ("email", ADMIN_EMAIL),
                ("display_name", ADMIN_NAME),
                ("language", "en"),
                ("password", PASSWORD),
                ("password_confirm", "correct horse battery stapler"),
            ],
        )
        .await;
    assert_eq!(response.status(), 422);
    let html = response.text().await.expect("body");
    assert_eq!(
        field_error(&html, "password_confirm").as_deref(),
        Some("The two passwords differ.")
    );
    assert_eq!(field_error(&html, "password"), None);
    assert_eq!(
        input_value(&html, "display_name").as_deref(),
        Some(ADMIN_NAME)
    );
    assert!(!html.contains(PASSWORD), "the password was echoed back");
    assert!(
        !html.contains("battery stapler"),
        "the confirmation was echoed"
    );

    // Nothing was created, and the link still works.
    assert!(all_staff(&app).await.is_empty());
    assert!(app.audit_actions().await.is_empty());
    let again = client().get(app.url(&path)).send().await.expect("GET");
    assert_eq!(again.status(), 200);
}

#[actix_web::test]
async fn a_valid_setup_creates_a_signed_in_admin_and_records_it() {
    let app = spawn_app().await;
    let path = first_link(&app);
    let browser = client();

    let response = app
        .post_link_form(&browser, &path, &valid_fields(ADMIN_EMAIL, ADMIN_NAME))
        .await;

    assert_eq!(response.status(), 303);
    assert_eq!(
        response
            .headers()
            .get("location")
            .and_then(|v| v.to_str().ok()),
        Some("/")
    );
    let staff = all_staff(&app).await;
    assert_eq!(staff.len(), 1);
    let admin = &staff[0];
    assert_eq!(admin.email, ADMIN_EMAIL.to_lowercase());
    assert_eq!(admin.display_name, ADMIN_NAME);
    assert_eq!(admin.role, Role::Admin);
    assert!(admin.active);

    // The same browser is signed in, as an admin.
    let home = browser.get(app.url("/")).send().await.expect("GET /");
    assert_eq!(home.status(), 200);
    assert!(
        home.text()
            .await
            .expect("body")
            .contains("Hello, Anna Petrova")
    );
    let staff_page = browser
        .get(app.url("/admin/staff"))
        .send()
        .await
        .expect("GET");
    assert_eq!(staff_page.status(), 200);

    // The chosen password works for a new sign-in, with the email in any case.
    app.login("anna.petrova@office.example.org", PASSWORD).await;

    let entries = app
        .audit(AuditFilter {
            action: Some("setup.completed".into()),
            ..AuditFilter::default()
        })
        .await;
    assert_eq!(entries.len(), 1);
    let entry = &entries[0];
    assert_eq!(entry.actor_id.map(|id| id.0), Some(admin.id.as_uuid()));
    assert_eq!(entry.target_type.as_deref(), Some("staff"));
    assert_eq!(entry.target_id, Some(admin.id.to_string()));
    assert_eq!(
        entry.occurred_at,
        app.clock.now_for_tests().naive_utc(),
        "recorded at the pinned time"
    );
    assert!(!entry.details.contains(PASSWORD));
}

#[actix_web::test]
async fn the_setup_link_works_only_once() {
    let app = spawn_app().await;
    let path = first_link(&app);
    let first = app
        .post_link_form(&client(), &path, &valid_fields(ADMIN_EMAIL, ADMIN_NAME))
        .await;
    assert_eq!(first.status(), 303);

    let get = client().get(app.url(&path)).send().await.expect("GET");
    assert_eq!(get.status(), 404);
    let second = app
        .post_link_form(
            &client(),
            &path,
            &valid_fields("mallory@example.org", "Mallory"),
        )
        .await;
    assert_eq!(second.status(), 404);
    // Even an invalid form on a used link says only "not found".
    let invalid = app
        .post_link_form(&client(), &path, &[("email", "x")])
        .await;
    assert_eq!(invalid.status(), 404);

    let staff = all_staff(&app).await;
    assert_eq!(staff.len(), 1);
    assert_eq!(staff[0].display_name, ADMIN_NAME);
    assert_eq!(setup_completed_count(&app).await, 1);
}

#[actix_web::test]
async fn concurrent_uses_of_the_setup_link_create_one_admin() {
    let app = spawn_app().await;
    let path = first_link(&app);
    let emails: Vec<String> = (0..4)
        .map(|i| format!("racer{i}@office.example.org"))
        .collect();
    // Every browser has its form open before anyone submits.
    let mut browsers = Vec::new();
    for email in &emails {
        let browser = client();
        let page = browser.get(app.url(&path)).send().await.expect("GET");
        let csrf = csrf_from(&page.text().await.expect("body")).expect("CSRF token");
        browsers.push((browser, csrf, email.as_str()));
    }

    let responses =
        futures_util::future::join_all(browsers.iter().map(|(browser, csrf, email)| {
            let mut fields = vec![("csrf_token", csrf.as_str())];
            fields.extend_from_slice(&valid_fields(email, ADMIN_NAME));
            browser.post(app.url(&path)).form(&fields).send()
        }))
        .await;

    let mut statuses: Vec<u16> = responses
        .iter()
        .map(|r| r.as_ref().expect("POST").status().as_u16())
        .collect();
    statuses.sort_unstable();
    assert_eq!(statuses, [303, 404, 404, 404]);
    assert_eq!(all_staff(&app).await.len(), 1);
    assert_eq!(setup_completed_count(&app).await, 1);
}

#[actix_web::test]
async fn an_unknown_setup_token_is_not_found() {
    let app = spawn_app().await;
    let real = first_link(&app);
    let fake = "/setup/this-token-was-never-issued";

    let get = client().get(app.url(fake)).send().await.expect("GET");
    assert_eq!(get.status(), 404);
    let post = app
        .post_link_form(&client(), fake, &valid_fields(ADMIN_EMAIL, ADMIN_NAME))
        .await;
    assert_eq!(post.status(), 404);

    assert!(all_staff(&app).await.is_empty());
    // The real link is unaffected.
    let get = client().get(app.url(&real)).send().await.expect("GET");
    assert_eq!(get.status(), 200);
}

#[actix_web::test]
async fn the_setup_link_expires_after_24_hours() {
    let app = spawn_app().await;
    let path = first_link(&app);

    app.clock
        .advance(chrono::Duration::hours(24) - chrono::Duration::minutes(1));
    let before = client().get(app.url(&path)).send().await.expect("GET");
    assert_eq!(before.status(), 200, "still valid a minute before expiry");

    app.clock.advance(chrono::Duration::minutes(1));
    let get = client().get(app.url(&path)).send().await.expect("GET");
    assert_eq!(get.status(), 404);
    let post = app
        .post_link_form(&client(), &path, &valid_fields(ADMIN_EMAIL, ADMIN_NAME))
        .await;
    assert_eq!(post.status(), 404);
    assert!(all_staff(&app).await.is_empty());
    assert_eq!(setup_completed_count(&app).await, 0);
}

#[actix_web::test]
async fn the_setup_link_stops_working_once_any_staff_account_exists() {
    let app = spawn_app().await;
    let path = first_link(&app);
    app.create_staff(Role::Paralegal, "first@office.example.org")
        .await;

    let get = client().get(app.url(&path)).send().await.expect("GET");
    assert_eq!(get.status(), 404);
    let post = app
        .post_link_form(&client(), &path, &valid_fields(ADMIN_EMAIL, ADMIN_NAME))
        .await;
    assert_eq!(post.status(), 404);

    let staff = all_staff(&app).await;
    assert_eq!(staff.len(), 1);
    assert_eq!(staff[0].role, Role::Paralegal);
    assert_eq!(setup_completed_count(&app).await, 0);
}

#[actix_web::test]
async fn a_restart_without_staff_issues_a_new_link_and_retires_the_old_one() {
    let app = spawn_app().await;
    let old = first_link(&app);

    let (link, address) = restart(&app).await;

    let link = link.expect("no staff yet, so a new link");
    let token = link
        .strip_prefix(&format!("{address}/setup/"))
        .expect("the new link points at the restarted server");
    let new = format!("/setup/{token}");
    assert_ne!(new, old);
    let old_get = client().get(app.url(&old)).send().await.expect("GET");
    assert_eq!(old_get.status(), 404, "the old link is retired");
    let old_post = app
        .post_link_form(&client(), &old, &valid_fields(ADMIN_EMAIL, ADMIN_NAME))
        .await;
    assert_eq!(old_post.status(), 404);
    assert!(all_staff(&app).await.is_empty());

    let new_get = client().get(link.as_str()).send().await.expect("GET");
    assert_eq!(new_get.status(), 200, "the new link works");
}

#[actix_web::test]
async fn a_restart_once_staff_exists_issues_no_link() {
    let app = spawn_app().await;
    let path = first_link(&app);
    let done = app
        .post_link_form(&client(), &path, &valid_fields(ADMIN_EMAIL, ADMIN_NAME))
        .await;
    assert_eq!(done.status(), 303);

    let (link, _) = restart(&app).await;

    assert_eq!(link, None);
    let get = client().get(app.url(&path)).send().await.expect("GET");
    assert_eq!(get.status(), 404);
}

#[actix_web::test]
async fn a_restart_after_staff_was_added_otherwise_issues_no_link() {
    let app = spawn_app().await;
    app.create_staff(Role::Admin, "operator@office.example.org")
        .await;

    let (link, _) = restart(&app).await;

    assert_eq!(link, None);
}

#[actix_web::test]
async fn the_login_page_says_where_the_setup_link_is_until_staff_exists() {
    let app = spawn_app().await;
    let page = |app: &TestApp| {
        let url = app.url("/login");
        async move {
            client()
                .get(url)
                .send()
                .await
                .unwrap()
                .text()
                .await
                .unwrap()
        }
    };
    assert!(
        page(&app)
            .await
            .contains("Create the first admin account here")
    );
    app.create_staff(Role::Admin, "first@office.example.org")
        .await;
    assert!(
        !page(&app)
            .await
            .contains("Create the first admin account here")
    );
}
