//! Staff administration by an admin: adding people (with a password or an invitation link),
//! changing roles, deactivating, resetting passwords, the last-admin rule, and the audit log
//! that records all of it.

use chrono::{TimeZone, Utc};
use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use refuge::db::audit_log::{AuditFilter, AuditRow};
use refuge::domain::staff::{Role, Staff};
use serde_json::{Value, json};

use crate::helpers::{
    PASSWORD, Session, TestApp, client, field_error, input_value, is_postgres, spawn_app,
    spawn_app_with,
};

const NEW_PASSWORD: &str = "a new password for the office";
const LAST_ADMIN: &str = "The office must keep at least one active administrator.";

// ---- Local helpers ----

/// Submits the add-staff form as `admin`.
async fn add_staff(
    app: &TestApp,
    admin: &reqwest::Client,
    email: &str,
    name: &str,
    role: Role,
    password: &str,
) -> reqwest::Response {
    app.post_form(
        admin,
        "/admin/staff",
        &[
            ("email", email),
            ("display_name", name),
            ("role", role.as_str()),
            ("language", "en"),
            ("password", password),
        ],
    )
    .await
}

/// The single-use link shown on a staff page, as a path on this server.
fn shown_link(app: &TestApp, html: &str) -> String {
    let link = input_value(html, "link").expect("the page shows a link");
    let prefix = format!("{}/invitation/", app.address);
    let token = link
        .strip_prefix(&prefix)
        .unwrap_or_else(|| panic!("link {link} does not start with {prefix}"));
    format!("/invitation/{token}")
}

async fn find_staff(app: &TestApp, email: &str) -> Option<Staff> {
    let email = email.to_lowercase();
    app.state
        .db
        .run(move |conn| Ok(refuge::db::staff::find_by_email(conn, &email)?))
        .await
        .expect("staff query")
}

async fn reload(app: &TestApp, staff: &Staff) -> Staff {
    find_staff(app, &staff.email).await.expect("staff exists")
}

async fn staff_count(app: &TestApp) -> i64 {
    app.state
        .db
        .run(|conn| Ok(refuge::db::staff::count(conn)?))
        .await
        .expect("staff count")
}

async fn entries(app: &TestApp, action: &str) -> Vec<AuditRow> {
    app.audit(AuditFilter {
        action: Some(action.into()),
        ..AuditFilter::default()
    })
    .await
}

/// The one entry of `action` about `target`, checked to be by `actor`; returns its details.
async fn single_entry(app: &TestApp, action: &str, actor: &Staff, target: &Staff) -> Value {
    let rows = app
        .audit(AuditFilter {
            action: Some(action.into()),
            target_type: Some("staff".into()),
            target_id: Some(target.id.to_string()),
            ..AuditFilter::default()
        })
        .await;
    assert_eq!(rows.len(), 1, "expected one {action} entry, got {rows:?}");
    let row = &rows[0];
    assert_eq!(
        row.actor_id.map(|id| id.0),
        Some(actor.id.as_uuid()),
        "{action}: wrong actor"
    );
    serde_json::from_str(&row.details).expect("details are JSON")
}

fn location(response: &reqwest::Response) -> Option<String> {
    response
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .map(str::to_string)
}

/// The page a successful form POST redirects to (`303`), as this browser sees it next.
async fn followed(app: &TestApp, browser: &reqwest::Client, response: reqwest::Response) -> String {
    assert_eq!(response.status(), 303, "a successful POST redirects");
    let location = location(&response).expect("Location");
    assert!(location.starts_with('/'), "{location}");
    let page = browser.get(app.url(&location)).send().await.expect("GET");
    assert_eq!(page.status(), 200, "{location}");
    page.text().await.expect("body")
}

/// Whether a sign-in with these credentials succeeds.
async fn can_log_in(app: &TestApp, email: &str, password: &str) -> bool {
    app.submit_login(&client(), email, password).await.status() == 303
}

/// Whether a browser's session still reaches the home page.
async fn session_works(app: &TestApp, browser: &reqwest::Client) -> bool {
    browser
        .get(app.url("/"))
        .send()
        .await
        .expect("GET /")
        .status()
        == 200
}

/// The rows of the audit table: when, who, action, record, address, details.
fn audit_rows(html: &str) -> Vec<Vec<String>> {
    let start = html.find("<tbody>").expect("audit table");
    let end = html[start..].find("</tbody>").expect("audit table end") + start;
    html[start..end]
        .split("<tr>")
        .skip(1)
        .map(|row| {
            row.split("<td>")
                .skip(1)
                .map(|cell| strip_tags(&cell[..cell.find("</td>").unwrap_or(cell.len())]))
                .collect()
        })
        .collect()
}

fn strip_tags(html: &str) -> String {
    let mut text = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    text.trim().to_string()
}

async fn audit_page(app: &TestApp, admin: &reqwest::Client, query: &str) -> (u16, String) {
    let response = admin
        .get(app.url(&format!("/admin/audit{query}")))
        .send()
        .await
        .expect("GET /admin/audit");
    let status = response.status().as_u16();
    (status, response.text().await.expect("body"))
}

async fn patch_staff(app: &TestApp, token: &str, id: &Staff, body: Value) -> reqwest::Response {
    client()
        .patch(app.url(&format!("/api/v1/staff/{}", id.id)))
        .bearer_auth(token)
        .json(&body)
        .send()
        .await
        .expect("PATCH")
}

// ---- Adding staff ----

#[actix_web::test]
async fn an_admin_adds_staff_with_a_password_and_they_can_sign_in() {
    let app = spawn_app().await;
    let admin = app.login_as(Role::Admin).await;

    let response = add_staff(
        &app,
        &admin.client,
        "Pavel@Office.Example.org",
        "Pavel Sokolov",
        Role::Paralegal,
        NEW_PASSWORD,
    )
    .await;

    let html = followed(&app, &admin.client, response).await;
    assert!(html.contains("The account has been created."));
    assert!(html.contains("Pavel Sokolov"));
    assert_eq!(input_value(&html, "link"), None, "no invitation link");
    assert!(!html.contains(NEW_PASSWORD));
    let pavel = find_staff(&app, "pavel@office.example.org")
        .await
        .expect("account created");
    assert_eq!(pavel.role, Role::Paralegal);
    assert!(pavel.active);
    assert!(can_log_in(&app, "pavel@office.example.org", NEW_PASSWORD).await);

    let details = single_entry(&app, "staff.created", &admin.staff, &pavel).await;
    assert_eq!(details["email"], "pavel@office.example.org");
    assert_eq!(details["role"], "paralegal");
    assert_eq!(details["invited"], false);
    assert!(!details.to_string().contains(NEW_PASSWORD));
}

#[actix_web::test]
async fn staff_emails_are_unique_regardless_of_case() {
    let app = spawn_app().await;
    let admin = app.login_as(Role::Admin).await;
    let first = add_staff(
        &app,
        &admin.client,
        "anna@x.org",
        "Anna",
        Role::Lawyer,
        PASSWORD,
    )
    .await;
    assert_eq!(first.status(), 303);
    let staff_before = staff_count(&app).await;
    let created_before = entries(&app, "staff.created").await.len();

    let response = add_staff(
        &app,
        &admin.client,
        "Anna@X.org",
        "Anna Two",
        Role::Paralegal,
        NEW_PASSWORD,
    )
    .await;

    assert_eq!(response.status(), 422);
    let html = response.text().await.expect("body");
    assert_eq!(
        field_error(&html, "email").as_deref(),
        Some("A staff account with this email already exists.")
    );
    assert_eq!(input_value(&html, "email").as_deref(), Some("Anna@X.org"));
    assert_eq!(
        input_value(&html, "display_name").as_deref(),
        Some("Anna Two")
    );
    assert!(html.contains("<option value=\"paralegal\" selected>"));
    assert!(!html.contains(NEW_PASSWORD), "the password was echoed back");
    // Nothing half-written: no second account, no audit entry.
    assert_eq!(staff_count(&app).await, staff_before);
    assert_eq!(entries(&app, "staff.created").await.len(), created_before);
    assert_eq!(
        find_staff(&app, "anna@x.org")
            .await
            .expect("first")
            .display_name,
        "Anna"
    );
}

#[actix_web::test]
async fn an_invited_person_chooses_a_password_through_a_single_use_link() {
    let app = spawn_app().await;
    let admin = app.login_as(Role::Admin).await;

    let response = add_staff(
        &app,
        &admin.client,
        "olga@office.example.org",
        "Olga Ivanova",
        Role::Lawyer,
        "",
    )
    .await;

    let redirected_to = location(&response).expect("redirected");
    let html = followed(&app, &admin.client, response).await;
    let link = shown_link(&app, &html);
    assert!(!redirected_to.contains("invitation") && !redirected_to.contains(&link));
    let olga = find_staff(&app, "olga@office.example.org")
        .await
        .expect("account created");
    assert!(
        !can_log_in(&app, "olga@office.example.org", "").await,
        "no password yet"
    );
    let details = single_entry(&app, "staff.created", &admin.staff, &olga).await;
    assert_eq!(details["invited"], true);
    // Shown once: the staff page does not show it again.
    let again = admin
        .client
        .get(app.url(&format!("/admin/staff/{}", olga.id)))
        .send()
        .await
        .expect("GET");
    let again = again.text().await.expect("body");
    assert_eq!(input_value(&again, "link"), None);
    assert!(!again.contains(&link));

    let olga_browser = client();
    let form = olga_browser.get(app.url(&link)).send().await.expect("GET");
    assert_eq!(form.status(), 200);
    let form = form.text().await.expect("body");
    assert!(form.contains("Welcome, Olga Ivanova."));
    assert!(form.contains("name=\"password_confirm\""));

    let short = app
        .post_link_form(
            &olga_browser,
            &link,
            &[("password", "too short"), ("password_confirm", "too short")],
        )
        .await;
    assert_eq!(short.status(), 422);
    let short = short.text().await.expect("body");
    assert_eq!(
        field_error(&short, "password").as_deref(),
        Some("The password must have at least 12 characters.")
    );
    let mismatch = app
        .post_link_form(
            &olga_browser,
            &link,
            &[("password", NEW_PASSWORD), ("password_confirm", PASSWORD)],
        )
        .await;
    assert_eq!(mismatch.status(), 422);
    assert!(entries(&app, "invitation.accepted").await.is_empty());

    let done = app
        .post_link_form(
            &olga_browser,
            &link,
            &[
                ("password", NEW_PASSWORD),
                ("password_confirm", NEW_PASSWORD),
            ],
        )
        .await;
    assert_eq!(done.status(), 303);
    assert_eq!(location(&done).as_deref(), Some("/"));
    let home = olga_browser.get(app.url("/")).send().await.expect("GET /");
    assert_eq!(home.status(), 200);
    assert!(
        home.text()
            .await
            .expect("body")
            .contains("Hello, Olga Ivanova")
    );
    assert!(can_log_in(&app, "olga@office.example.org", NEW_PASSWORD).await);
    single_entry(&app, "invitation.accepted", &olga, &olga).await;

    // The link is dead now.
    let get = client().get(app.url(&link)).send().await.expect("GET");
    assert_eq!(get.status(), 404);
    let post = app
        .post_link_form(
            &client(),
            &link,
            &[("password", PASSWORD), ("password_confirm", PASSWORD)],
        )
        .await;
    assert_eq!(post.status(), 404);
    assert!(!can_log_in(&app, "olga@office.example.org", PASSWORD).await);
    assert_eq!(entries(&app, "invitation.accepted").await.len(), 1);
}

/// Invites someone and returns the link path.
async fn invite(app: &TestApp, admin: &Session, email: &str) -> String {
    let response = add_staff(app, &admin.client, email, "Invited", Role::Lawyer, "").await;
    shown_link(app, &followed(app, &admin.client, response).await)
}

#[actix_web::test]
async fn an_invitation_link_expires_after_168_hours_by_default() {
    let app = spawn_app().await;
    let admin = app.login_as(Role::Admin).await;
    let link = invite(&app, &admin, "late@office.example.org").await;

    app.clock
        .advance(chrono::Duration::hours(168) - chrono::Duration::minutes(1));
    let before = client().get(app.url(&link)).send().await.expect("GET");
    assert_eq!(before.status(), 200, "valid a minute before expiry");

    app.clock.advance(chrono::Duration::minutes(1));
    let get = client().get(app.url(&link)).send().await.expect("GET");
    assert_eq!(get.status(), 404);
    let post = app
        .post_link_form(
            &client(),
            &link,
            &[
                ("password", NEW_PASSWORD),
                ("password_confirm", NEW_PASSWORD),
            ],
        )
        .await;
    assert_eq!(post.status(), 404);
    assert!(!can_log_in(&app, "late@office.example.org", NEW_PASSWORD).await);
    assert!(entries(&app, "invitation.accepted").await.is_empty());
}

#[actix_web::test]
async fn the_invitation_lifetime_comes_from_the_settings() {
    let app = spawn_app_with(|s| s.passwords.invitation_valid_hours = 2).await;
    let admin = app.login_as(Role::Admin).await;
    let link = invite(&app, &admin, "soon@office.example.org").await;

    app.clock.advance(chrono::Duration::hours(2));

    let get = client().get(app.url(&link)).send().await.expect("GET");
    assert_eq!(get.status(), 404);
}

// ---- Changing accounts ----

#[actix_web::test]
async fn changing_a_role_records_before_and_after() {
    let app = spawn_app().await;
    let admin = app.login_as(Role::Admin).await;
    let lawyer = app
        .create_staff(Role::Lawyer, "lev@office.example.org")
        .await;
    let path = format!("/admin/staff/{}/role", lawyer.id);

    let response = app
        .post_form(&admin.client, &path, &[("role", "paralegal")])
        .await;

    assert_eq!(response.status(), 303);
    let target = format!("/admin/staff/{}?saved=1", lawyer.id);
    assert_eq!(location(&response), Some(target.clone()));
    let page = admin
        .client
        .get(app.url(&target))
        .send()
        .await
        .expect("GET");
    let page = page.text().await.expect("body");
    assert!(page.contains("Saved."));
    assert!(page.contains("<dd>Paralegal</dd>"));
    assert_eq!(reload(&app, &lawyer).await.role, Role::Paralegal);
    let details = single_entry(&app, "staff.updated", &admin.staff, &lawyer).await;
    assert_eq!(
        details,
        json!({ "role": { "before": "lawyer", "after": "paralegal" } })
    );

    // The same role again changes nothing and records nothing.
    let same = app
        .post_form(&admin.client, &path, &[("role", "paralegal")])
        .await;
    assert_eq!(same.status(), 303);
    assert_eq!(entries(&app, "staff.updated").await.len(), 1);

    // A role that does not exist is refused on the staff page.
    let bad = app
        .post_form(&admin.client, &path, &[("role", "owner")])
        .await;
    assert_eq!(bad.status(), 422);
    assert!(
        bad.text()
            .await
            .expect("body")
            .contains("Choose admin, lawyer or paralegal.")
    );
    assert_eq!(reload(&app, &lawyer).await.role, Role::Paralegal);
    assert_eq!(entries(&app, "staff.updated").await.len(), 1);
}

#[actix_web::test]
async fn deactivating_ends_access_and_reactivating_restores_it() {
    let app = spawn_app().await;
    let admin = app.login_as(Role::Admin).await;
    let lawyer = app.login_as(Role::Lawyer).await;
    let token = app.api_token(&lawyer.staff.email, PASSWORD).await;
    assert!(session_works(&app, &lawyer.client).await);

    let response = app
        .post_form(
            &admin.client,
            &format!("/admin/staff/{}/deactivate", lawyer.staff.id),
            &[],
        )
        .await;

    assert_eq!(response.status(), 303);
    assert!(!reload(&app, &lawyer.staff).await.active);
    assert!(
        !session_works(&app, &lawyer.client).await,
        "the open session ended"
    );
    assert!(!can_log_in(&app, &lawyer.staff.email, PASSWORD).await);
    let details = single_entry(&app, "staff.deactivated", &admin.staff, &lawyer.staff).await;
    assert_eq!(
        details,
        json!({ "active": { "before": true, "after": false } })
    );
    let page = admin
        .client
        .get(app.url(&format!("/admin/staff/{}", lawyer.staff.id)))
        .send()
        .await
        .expect("GET");
    assert!(
        page.text()
            .await
            .expect("body")
            .contains("<dd>Deactivated</dd>")
    );

    let response = app
        .post_form(
            &admin.client,
            &format!("/admin/staff/{}/reactivate", lawyer.staff.id),
            &[],
        )
        .await;

    assert_eq!(response.status(), 303);
    assert!(reload(&app, &lawyer.staff).await.active);
    assert!(can_log_in(&app, &lawyer.staff.email, PASSWORD).await);
    // What was ended stays ended: reactivation revives no old session or token.
    assert!(!session_works(&app, &lawyer.client).await);
    let me = client()
        .get(app.url("/api/v1/me"))
        .bearer_auth(&token)
        .send()
        .await
        .expect("GET /api/v1/me");
    assert_eq!(me.status(), 401);
    let details = single_entry(&app, "staff.reactivated", &admin.staff, &lawyer.staff).await;
    assert_eq!(
        details,
        json!({ "active": { "before": false, "after": true } })
    );
    assert!(entries(&app, "staff.updated").await.is_empty());
}

#[actix_web::test]
async fn a_password_reset_retires_the_old_password_and_the_link_sets_a_new_one() {
    let app = spawn_app().await;
    let admin = app.login_as(Role::Admin).await;
    let lawyer = app.login_as(Role::Lawyer).await;
    let reset_path = format!("/admin/staff/{}/password-reset", lawyer.staff.id);

    let response = app.post_form(&admin.client, &reset_path, &[]).await;

    let html = followed(&app, &admin.client, response).await;
    assert!(html.contains("The password has been cleared."));
    let link = shown_link(&app, &html);
    // Shown once: reloading the page shows it no more, and says how to get another.
    let (status, again) = app
        .page(
            &admin.client,
            &format!("/admin/staff/{}?done=reset", lawyer.staff.id),
        )
        .await;
    assert_eq!(status, 200);
    assert_eq!(input_value(&again, "link"), None);
    assert!(!again.contains(&link));
    assert!(again.contains("reset the password again for a new one"));
    assert!(!can_log_in(&app, &lawyer.staff.email, PASSWORD).await);
    assert!(!session_works(&app, &lawyer.client).await);
    single_entry(&app, "staff.password_reset", &admin.staff, &lawyer.staff).await;

    // A second reset retires the first link.
    let second = app.post_form(&admin.client, &reset_path, &[]).await;
    let second_link = shown_link(&app, &followed(&app, &admin.client, second).await);
    assert_ne!(second_link, link);
    let first = client().get(app.url(&link)).send().await.expect("GET");
    assert_eq!(first.status(), 404, "the earlier link died");

    let browser = client();
    let chosen = app
        .post_link_form(
            &browser,
            &second_link,
            &[
                ("password", NEW_PASSWORD),
                ("password_confirm", NEW_PASSWORD),
            ],
        )
        .await;
    assert_eq!(chosen.status(), 303);
    assert!(session_works(&app, &browser).await);
    assert!(can_log_in(&app, &lawyer.staff.email, NEW_PASSWORD).await);
    assert!(!can_log_in(&app, &lawyer.staff.email, PASSWORD).await);
    single_entry(&app, "invitation.accepted", &lawyer.staff, &lawyer.staff).await;
    let dead = client()
        .get(app.url(&second_link))
        .send()
        .await
        .expect("GET");
    assert_eq!(dead.status(), 404);
}

// ---- The last active admin ----

/// Checks the page refused a change with the last-admin message.
async fn assert_last_admin_refusal(response: reqwest::Response) {
    assert_eq!(response.status(), 409);
    let html = response.text().await.expect("body");
    assert!(html.contains(LAST_ADMIN), "no last-admin message in {html}");
}

#[actix_web::test]
async fn the_only_admin_can_neither_deactivate_nor_demote_themselves() {
    let app = spawn_app().await;
    let admin = app.login_as(Role::Admin).await;
    let id = admin.staff.id;
    let actions_before = app.audit_actions().await;

    let deactivate = app
        .post_form(&admin.client, &format!("/admin/staff/{id}/deactivate"), &[])
        .await;
    assert_last_admin_refusal(deactivate).await;
    for role in ["lawyer", "paralegal"] {
        let demote = app
            .post_form(
                &admin.client,
                &format!("/admin/staff/{id}/role"),
                &[("role", role)],
            )
            .await;
        assert_last_admin_refusal(demote).await;
    }

    let me = reload(&app, &admin.staff).await;
    assert_eq!(me.role, Role::Admin);
    assert!(me.active);
    assert_eq!(
        app.audit_actions().await,
        actions_before,
        "nothing recorded"
    );
    assert!(session_works(&app, &admin.client).await);
}

#[actix_web::test]
async fn of_two_admins_one_can_be_demoted_but_not_the_remaining_one() {
    let app = spawn_app().await;
    let admin = app.login_as(Role::Admin).await;
    let other = app
        .create_staff(Role::Admin, "second-admin@office.example.org")
        .await;

    let demote_other = app
        .post_form(
            &admin.client,
            &format!("/admin/staff/{}/role", other.id),
            &[("role", "lawyer")],
        )
        .await;
    assert_eq!(demote_other.status(), 303);
    assert_eq!(reload(&app, &other).await.role, Role::Lawyer);

    let demote_self = app
        .post_form(
            &admin.client,
            &format!("/admin/staff/{}/role", admin.staff.id),
            &[("role", "lawyer")],
        )
        .await;
    assert_last_admin_refusal(demote_self).await;
    let deactivate_self = app
        .post_form(
            &admin.client,
            &format!("/admin/staff/{}/deactivate", admin.staff.id),
            &[],
        )
        .await;
    assert_last_admin_refusal(deactivate_self).await;

    assert_eq!(reload(&app, &admin.staff).await.role, Role::Admin);
    let updates = entries(&app, "staff.updated").await;
    assert_eq!(updates.len(), 1, "only the first demotion was recorded");
    assert_eq!(updates[0].target_id, Some(other.id.to_string()));
    assert!(entries(&app, "staff.deactivated").await.is_empty());
}

#[actix_web::test]
async fn a_deactivated_admin_does_not_count_as_another_admin() {
    let app = spawn_app().await;
    let admin = app.login_as(Role::Admin).await;
    let other = app
        .create_staff(Role::Admin, "away@office.example.org")
        .await;
    let deactivate_other = app
        .post_form(
            &admin.client,
            &format!("/admin/staff/{}/deactivate", other.id),
            &[],
        )
        .await;
    assert_eq!(deactivate_other.status(), 303);

    let demote_self = app
        .post_form(
            &admin.client,
            &format!("/admin/staff/{}/role", admin.staff.id),
            &[("role", "paralegal")],
        )
        .await;
    assert_last_admin_refusal(demote_self).await;

    // With the other admin back, stepping down is allowed.
    let reactivate = app
        .post_form(
            &admin.client,
            &format!("/admin/staff/{}/reactivate", other.id),
            &[],
        )
        .await;
    assert_eq!(reactivate.status(), 303);
    let demote_self = app
        .post_form(
            &admin.client,
            &format!("/admin/staff/{}/role", admin.staff.id),
            &[("role", "paralegal")],
        )
        .await;
    assert_eq!(demote_self.status(), 303);
    assert_eq!(reload(&app, &admin.staff).await.role, Role::Paralegal);
}

async fn assert_problem_409(response: reqwest::Response) {
    assert_eq!(response.status(), 409);
    assert_eq!(
        response
            .headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok()),
        Some("application/problem+json")
    );
    let problem: Value = response.json().await.expect("problem JSON");
    assert_eq!(problem["type"], "urn:refuge:problem:conflict");
    assert_eq!(problem["status"], 409);
    assert_eq!(problem["detail"], LAST_ADMIN);
}

#[actix_web::test]
async fn the_api_refuses_to_remove_the_last_admin() {
    let app = spawn_app().await;
    let admin = app.login_as(Role::Admin).await;
    let token = app.api_token(&admin.staff.email, PASSWORD).await;
    let actions_before = app.audit_actions().await;

    assert_problem_409(patch_staff(&app, &token, &admin.staff, json!({ "active": false })).await)
        .await;
    assert_problem_409(patch_staff(&app, &token, &admin.staff, json!({ "role": "lawyer" })).await)
        .await;
    let me = reload(&app, &admin.staff).await;
    assert!(me.active);
    assert_eq!(me.role, Role::Admin);
    assert_eq!(app.audit_actions().await, actions_before);

    let other = app
        .create_staff(Role::Admin, "api-second@office.example.org")
        .await;
    let demoted = patch_staff(&app, &token, &other, json!({ "role": "lawyer" })).await;
    assert_eq!(demoted.status(), 200);
    let body: Value = demoted.json().await.expect("JSON");
    assert_eq!(body["role"], "lawyer");
    let details = single_entry(&app, "staff.updated", &admin.staff, &other).await;
    assert_eq!(
        details,
        json!({ "role": { "before": "admin", "after": "lawyer" } })
    );

    assert_problem_409(
        patch_staff(&app, &token, &admin.staff, json!({ "role": "paralegal" })).await,
    )
    .await;
    assert_problem_409(patch_staff(&app, &token, &admin.staff, json!({ "active": false })).await)
        .await;
    assert_eq!(reload(&app, &admin.staff).await.role, Role::Admin);
}

#[actix_web::test]
async fn two_admins_demoting_each_other_at_once_leave_one_admin() {
    let app = spawn_app().await;
    let first = app.login_as(Role::Admin).await;
    let second = app.login_as(Role::Admin).await;
    let first_token = app.api_token(&first.staff.email, PASSWORD).await;
    let second_token = app.api_token(&second.staff.email, PASSWORD).await;
    // Several rounds: a race does not show every time.
    for round in 0..5 {
        let (a, b) = futures_util::future::join(
            patch_staff(
                &app,
                &first_token,
                &second.staff,
                json!({ "role": "lawyer" }),
            ),
            patch_staff(
                &app,
                &second_token,
                &first.staff,
                json!({ "role": "lawyer" }),
            ),
        )
        .await;
        // The loser is refused by the last-admin rule (409), or, if the winner's change
        // landed before its authorization check, as no longer an admin (403).
        let mut statuses = [a.status().as_u16(), b.status().as_u16()];
        statuses.sort_unstable();
        assert!(
            statuses == [200, 403] || statuses == [200, 409],
            "round {round}: {statuses:?}"
        );
        let first_now = reload(&app, &first.staff).await;
        let second_now = reload(&app, &second.staff).await;
        let (token, demoted) = match (first_now.role, second_now.role) {
            (Role::Admin, Role::Lawyer) => (&first_token, &second_now),
            (Role::Lawyer, Role::Admin) => (&second_token, &first_now),
            roles => panic!("round {round}: exactly one admin must remain, got {roles:?}"),
        };
        let promoted = patch_staff(&app, token, demoted, json!({ "role": "admin" })).await;
        assert_eq!(promoted.status(), 200);
    }
}

// ---- The audit log ----

#[actix_web::test]
async fn the_audit_page_filters_by_staff_member_and_action() {
    let app = spawn_app().await;
    let admin = app.login_as(Role::Admin).await;
    let added = add_staff(
        &app,
        &admin.client,
        "berta@office.example.org",
        "Berta Braun",
        Role::Admin,
        PASSWORD,
    )
    .await;
    assert_eq!(added.status(), 303);
    let berta = find_staff(&app, "berta@office.example.org")
        .await
        .expect("Berta");
    let berta_client = app.login("berta@office.example.org", PASSWORD).await;
    let carl = add_staff(
        &app,
        &berta_client,
        "carl@office.example.org",
        "Carl Clerk",
        Role::Paralegal,
        PASSWORD,
    )
    .await;
    assert_eq!(carl.status(), 303);

    // Berta's actions only: her sign-in and adding Carl.
    let (status, html) = audit_page(&app, &admin.client, &format!("?staff={}", berta.id)).await;
    assert_eq!(status, 200);
    let rows = audit_rows(&html);
    let actions: Vec<&str> = rows.iter().map(|r| r[2].as_str()).collect();
    assert_eq!(actions, ["Staff member added", "Signed in"]);
    assert!(rows.iter().all(|r| r[1] == "Berta Braun"), "{rows:?}");
    assert!(rows[0][5].contains("carl@office.example.org"));
    assert!(html.contains(&format!("<option value=\"{}\" selected>", berta.id)));

    // The admin's actions: their sign-in and adding Berta, nothing of Berta's.
    let (_, html) = audit_page(&app, &admin.client, &format!("?staff={}", admin.staff.id)).await;
    let rows = audit_rows(&html);
    let actions: Vec<&str> = rows.iter().map(|r| r[2].as_str()).collect();
    assert_eq!(actions, ["Staff member added", "Signed in"]);
    assert!(rows.iter().all(|r| r[1] == admin.staff.display_name));
    assert!(rows[0][5].contains("berta@office.example.org"));

    // One action, whoever did it: Berta's, the admin's, and the harness's (no actor: "—").
    let (_, html) = audit_page(&app, &admin.client, "?action=staff.created").await;
    let rows = audit_rows(&html);
    assert_eq!(rows.len(), 3, "{rows:?}");
    assert!(rows.iter().all(|r| r[2] == "Staff member added"));
    let actors: Vec<&str> = rows.iter().map(|r| r[1].as_str()).collect();
    assert_eq!(
        actors,
        ["Berta Braun", admin.staff.display_name.as_str(), "—"]
    );
    assert!(html.contains("3 entries"));

    // Both together.
    let (_, html) = audit_page(
        &app,
        &admin.client,
        &format!("?staff={}&action=login.succeeded", berta.id),
    )
    .await;
    let rows = audit_rows(&html);
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0][1], "Berta Braun");
    assert_eq!(rows[0][2], "Signed in");
    assert_eq!(rows[0][3], "Berta Braun");
}

#[actix_web::test]
async fn the_audit_page_filters_by_whole_days_with_until_inclusive() {
    let app = spawn_app().await;
    // Monday 14:00: the account is created and signs in.
    let admin = app.login_as(Role::Admin).await;
    let at = |d, h, m| {
        Utc.with_ymd_and_hms(2026, 11, d, h, m, 0)
            .single()
            .expect("valid time")
    };
    // The last minute of Tuesday, and the first of Wednesday.
    app.clock.set(at(24, 23, 59));
    app.login(&admin.staff.email, PASSWORD).await;
    app.clock.set(at(25, 0, 0));
    let viewer = app.login(&admin.staff.email, PASSWORD).await;
    let when = |query: &'static str| {
        let (app, viewer) = (&app, &viewer);
        async move {
            let (status, html) =
                audit_page(app, viewer, &format!("?action=login.succeeded{query}")).await;
            assert_eq!(status, 200, "{query}");
            audit_rows(&html)
                .into_iter()
                .map(|r| r[0].clone())
                .collect::<Vec<_>>()
        }
    };

    assert_eq!(
        when("&from=2026-11-24&until=2026-11-24").await,
        ["2026-11-24 23:59:00 UTC"]
    );
    assert_eq!(
        when("&from=2026-11-24").await,
        ["2026-11-25 00:00:00 UTC", "2026-11-24 23:59:00 UTC"]
    );
    assert_eq!(
        when("&until=2026-11-24").await,
        ["2026-11-24 23:59:00 UTC", "2026-11-23 14:00:00 UTC"]
    );
    assert_eq!(
        when("&from=2026-11-25&until=2026-11-25").await,
        ["2026-11-25 00:00:00 UTC"]
    );
    assert!(when("&from=2026-11-26").await.is_empty());
}

#[actix_web::test]
async fn a_malformed_audit_filter_is_refused_and_the_other_filters_are_kept() {
    let app = spawn_app().await;
    let admin = app.login_as(Role::Admin).await;
    let query = format!(
        "?staff={}&action=login.succeeded&from=24.11.2026&until=2026-11-30",
        admin.staff.id
    );

    let (status, html) = audit_page(&app, &admin.client, &query).await;

    assert_eq!(status, 422);
    assert!(html.contains("Enter a date as YYYY-MM-DD."));
    assert_eq!(input_value(&html, "from").as_deref(), Some("24.11.2026"));
    assert_eq!(input_value(&html, "until").as_deref(), Some("2026-11-30"));
    assert!(html.contains(&format!("<option value=\"{}\" selected>", admin.staff.id)));
    assert!(html.contains("<option value=\"login.succeeded\" selected>"));

    let (status, html) = audit_page(&app, &admin.client, "?staff=nobody&until=2026-11-30").await;
    assert_eq!(status, 422);
    assert!(html.contains("Choose a staff member from the list."));
    assert_eq!(input_value(&html, "until").as_deref(), Some("2026-11-30"));
}

#[actix_web::test]
async fn the_audit_log_cannot_be_changed_or_deleted_in_the_database() {
    let app = spawn_app().await;
    app.login_as(Role::Admin).await;
    let before = app.audit(AuditFilter::default()).await;
    assert!(!before.is_empty());

    let (update, delete) = app
        .state
        .db
        .run(|conn| {
            let update = conn.batch_execute("UPDATE audit_log SET action = 'tampered'");
            let delete = conn.batch_execute("DELETE FROM audit_log");
            Ok((
                update.map_err(|e| e.to_string()),
                delete.map_err(|e| e.to_string()),
            ))
        })
        .await
        .expect("statements ran");

    let update = update.expect_err("UPDATE on audit_log must fail");
    let delete = delete.expect_err("DELETE on audit_log must fail");
    assert!(update.contains("append-only"), "{update}");
    assert!(delete.contains("append-only"), "{delete}");
    let after = app.audit(AuditFilter::default()).await;
    assert_eq!(
        after.iter().map(|r| (r.id, &r.action)).collect::<Vec<_>>(),
        before.iter().map(|r| (r.id, &r.action)).collect::<Vec<_>>()
    );
}

// ---- All or nothing ----

const REFUSE_TRIGGER_SQLITE: &str = "
CREATE TRIGGER test_refuse_staff_created BEFORE INSERT ON audit_log
WHEN NEW.action = 'staff.created'
BEGIN SELECT RAISE(ABORT, 'test: audit entry refused'); END;";

const REFUSE_TRIGGER_POSTGRES: &str = "
CREATE FUNCTION test_refuse_staff_created() RETURNS trigger AS $$
BEGIN RAISE EXCEPTION 'test: audit entry refused'; END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER test_refuse_staff_created BEFORE INSERT ON audit_log
FOR EACH ROW WHEN (NEW.action = 'staff.created')
EXECUTE FUNCTION test_refuse_staff_created();";

async fn execute(app: &TestApp, sql: &'static str) {
    app.state
        .db
        .run(move |conn| Ok(conn.batch_execute(sql)?))
        .await
        .expect("test SQL runs");
}

async fn account_token_count(app: &TestApp) -> i64 {
    use refuge::db::schema::account_tokens;
    app.state
        .db
        .run(|conn| Ok(account_tokens::table.count().get_result(conn)?))
        .await
        .expect("token count")
}

#[actix_web::test]
async fn a_staff_member_is_not_created_when_its_audit_entry_cannot_be_written() {
    let app = spawn_app().await;
    let admin = app.login_as(Role::Admin).await;
    let staff_before = staff_count(&app).await;
    let tokens_before = account_token_count(&app).await;
    execute(
        &app,
        if is_postgres() {
            REFUSE_TRIGGER_POSTGRES
        } else {
            REFUSE_TRIGGER_SQLITE
        },
    )
    .await;

    // An invitation writes the account, a token and the audit entry; the last one fails.
    let response = add_staff(
        &app,
        &admin.client,
        "ghost@office.example.org",
        "Ghost",
        Role::Lawyer,
        "",
    )
    .await;

    assert_eq!(response.status(), 500);
    assert!(
        response
            .text()
            .await
            .expect("body")
            .contains("Nothing was changed.")
    );
    assert_eq!(find_staff(&app, "ghost@office.example.org").await, None);
    assert_eq!(staff_count(&app).await, staff_before);
    assert_eq!(account_token_count(&app).await, tokens_before);

    // Without the injected failure the same request succeeds.
    execute(
        &app,
        if is_postgres() {
            "DROP TRIGGER test_refuse_staff_created ON audit_log"
        } else {
            "DROP TRIGGER test_refuse_staff_created"
        },
    )
    .await;
    let response = add_staff(
        &app,
        &admin.client,
        "ghost@office.example.org",
        "Ghost",
        Role::Lawyer,
        "",
    )
    .await;
    assert_eq!(response.status(), 303);
    assert_eq!(account_token_count(&app).await, tokens_before + 1);
}

/// The status cell of one person's row on the staff list.
async fn listed_status(app: &TestApp, admin: &Session, name: &str) -> String {
    let html = admin
        .client
        .get(app.url("/admin/staff"))
        .send()
        .await
        .expect("GET")
        .text()
        .await
        .expect("body");
    let row = html
        .split("<tr")
        .find(|row| row.contains(&format!(">{name}</a>")))
        .unwrap_or_else(|| panic!("{name} is listed: {html}"));
    let last_cell = row.rsplit("<td>").next().expect("cells");
    last_cell[..last_cell.find("</td>").expect("cell end")].to_string()
}

#[actix_web::test]
async fn the_staff_list_shows_who_has_not_accepted_an_invitation_yet() {
    // The admin's session outlives the invitation.
    let app = spawn_app_with(|s| {
        s.passwords.invitation_valid_hours = 1;
        s.session.idle_timeout_minutes = 120;
    })
    .await;
    let admin = app.login_as(Role::Admin).await;
    invite(&app, &admin, "new@office.example.org").await;
    assert_eq!(
        listed_status(&app, &admin, "Invited").await,
        "Invited, not yet accepted"
    );
    app.clock.advance(chrono::Duration::hours(1));
    assert_eq!(
        listed_status(&app, &admin, "Invited").await,
        "Invitation expired: reset the password to send a new link"
    );
    let late = invite(&app, &admin, "late@office.example.org").await;
    let accepted = app
        .post_link_form(
            &client(),
            &late,
            &[
                ("password", NEW_PASSWORD),
                ("password_confirm", NEW_PASSWORD),
            ],
        )
        .await;
    assert_eq!(accepted.status(), 303);
    let html = admin
        .client
        .get(app.url("/admin/staff"))
        .send()
        .await
        .expect("GET")
        .text()
        .await
        .expect("body");
    // The admin and the person who accepted.
    assert_eq!(html.matches("<td>Active</td>").count(), 2, "{html}");
}
