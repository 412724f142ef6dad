//! Every refusal on record (issue 13): a refused request leaves an `access.denied` entry —
//! route pattern, target, reason — written in a transaction of its own; admins are emailed
//! once an hour when one account is refused too often; the audit log filters security
//! events, on the page and in the API.

use chrono::Duration;
use refuge::db::audit_log::{AuditFilter, AuditRow};
use refuge::domain::audit::AuditAction;
use refuge::domain::staff::Role;
use serde_json::{Value, json};

use crate::helpers::{PASSWORD, TestApp, client, spawn_app, spawn_app_with};

async fn refusals(app: &TestApp) -> Vec<AuditRow> {
    app.audit(AuditFilter {
        action: Some(AuditAction::AccessDenied.code().into()),
        ..AuditFilter::default()
    })
    .await
}

fn details(row: &AuditRow) -> Value {
    serde_json::from_str(&row.details).expect("details are JSON")
}

#[actix_web::test]
async fn a_paralegal_refused_a_case_is_on_record_as_not_assigned() {
    let app = spawn_app().await;
    let lawyer = app.login_as(Role::Lawyer).await;
    let paralegal = app.login_as(Role::Paralegal).await;
    let id = app.draft_case(&lawyer.staff, "IVANOVA").await.0;

    let (status, body) = app.page(&paralegal.client, &format!("/cases/{id}")).await;
    assert_eq!(status, 403);
    assert!(!body.contains("IVANOVA"));

    let denied = refusals(&app).await;
    assert_eq!(denied.len(), 1, "one refusal, one entry");
    let entry = &denied[0];
    assert_eq!(
        entry.actor_id.map(|a| a.0),
        Some(paralegal.staff.id.as_uuid())
    );
    assert_eq!(entry.target_type.as_deref(), Some("case"));
    assert_eq!(entry.target_id, Some(id.to_string()));
    assert_eq!(
        details(entry),
        json!({ "route": "/cases/{id}", "reason": "not_assigned" })
    );
}

#[actix_web::test]
async fn a_refusal_for_the_role_and_one_for_a_missing_csrf_token_say_so() {
    let app = spawn_app().await;
    let lawyer = app.login_as(Role::Lawyer).await;
    let id = app.draft_case(&lawyer.staff, "PETROV").await.0;

    assert_eq!(app.page(&lawyer.client, "/admin/audit").await.0, 403);
    let response = lawyer
        .client
        .post(app.url("/account/language"))
        .form(&[("language", "ru")])
        .send()
        .await
        .expect("form posted");
    assert_eq!(response.status(), 403);
    // A case form without its token is kept for the person to send again (held forms),
    // and the refusal is on record all the same.
    let response = lawyer
        .client
        .post(app.url(&format!("/cases/{id}/notes")))
        .form(&[("text", "no token")])
        .send()
        .await
        .expect("note posted");
    assert_eq!(response.status(), 303);

    let denied = refusals(&app).await;
    assert_eq!(denied.len(), 3);
    // Newest first.
    assert_eq!(
        details(&denied[0]),
        json!({ "route": "/cases/{id}/notes", "reason": "csrf" })
    );
    assert_eq!(denied[0].target_type.as_deref(), Some("case"));
    assert_eq!(denied[0].target_id, Some(id.to_string()));
    assert_eq!(
        details(&denied[1]),
        json!({ "route": "/account/language", "reason": "csrf" })
    );
    assert_eq!(
        details(&denied[2]),
        json!({ "route": "/admin/audit", "reason": "role" })
    );
    assert_eq!(denied[2].target_id, None);
    assert!(
        denied
            .iter()
            .all(|e| e.actor_id.map(|a| a.0) == Some(lawyer.staff.id.as_uuid()))
    );
}

#[actix_web::test]
async fn an_allowed_request_leaves_no_refusal() {
    let app = spawn_app().await;
    let admin = app.login_as(Role::Admin).await;
    assert_eq!(app.page(&admin.client, "/admin/audit").await.0, 200);
    assert!(refusals(&app).await.is_empty());
}

async fn refused_api_call(app: &TestApp, token: &str) {
    let response = client()
        .get(app.url("/api/v1/audit"))
        .bearer_auth(token)
        .send()
        .await
        .expect("API answers");
    assert_eq!(response.status(), 403);
}

#[actix_web::test]
async fn admins_are_emailed_once_an_hour_when_one_account_is_refused_too_often() {
    let app = spawn_app_with(|s| s.audit.refusal_alert_threshold = 3).await;
    let admin = app.login_as(Role::Admin).await;
    let lawyer = app.login_as(Role::Lawyer).await;
    let client_name = "KOVALENKO";
    app.draft_case(&lawyer.staff, client_name).await;
    // A bearer token outlives the hour the test waits, unlike a browser session.
    let token = app.api_token(&lawyer.staff.email, PASSWORD).await;
    let alerts = || async {
        app.outbox()
            .await
            .into_iter()
            .filter(|m| m.kind == "security_alert")
            .collect::<Vec<_>>()
    };

    for _ in 0..3 {
        refused_api_call(&app, &token).await;
    }
    assert!(alerts().await.is_empty(), "three refusals are allowed");
    refused_api_call(&app, &token).await;
    let sent = alerts().await;
    assert_eq!(sent.len(), 1, "the fourth refusal alerts the admin");
    assert_eq!(sent[0].to_address, admin.staff.email);
    assert!(sent[0].text_body.contains(&lawyer.staff.display_name));
    assert!(sent[0].text_body.contains('4'));
    assert!(!sent[0].subject.contains(&lawyer.staff.display_name));
    for body in [&sent[0].subject, &sent[0].text_body, &sent[0].html_body] {
        assert!(!body.contains(client_name), "no client in the alert");
    }

    for _ in 0..3 {
        refused_api_call(&app, &token).await;
    }
    assert_eq!(alerts().await.len(), 1, "once per account per hour");

    app.clock.advance(Duration::minutes(61));
    for _ in 0..3 {
        refused_api_call(&app, &token).await;
    }
    assert_eq!(
        alerts().await.len(),
        1,
        "refusals older than an hour no longer count"
    );
    refused_api_call(&app, &token).await;
    assert_eq!(alerts().await.len(), 2, "a new hour, a new alert");
    let recorded = app
        .audit(AuditFilter {
            action: Some(AuditAction::SecurityAlertSent.code().into()),
            ..AuditFilter::default()
        })
        .await;
    assert_eq!(recorded.len(), 2, "each alert is audited");
    assert_eq!(recorded[0].target_id, Some(lawyer.staff.id.to_string()));
}

#[actix_web::test]
async fn the_audit_log_filters_security_events_on_the_page_and_in_the_api() {
    let app = spawn_app().await;
    let admin = app.login_as(Role::Admin).await;
    let lawyer = app.login_as(Role::Lawyer).await;
    let id = app.draft_case(&lawyer.staff, "SIDOROVA").await.0;
    assert_eq!(
        app.page(&lawyer.client, &format!("/cases/{id}")).await.0,
        200
    );
    assert_eq!(app.page(&lawyer.client, "/admin/audit").await.0, 403);

    // The entries' table: the action filter above it names every action.
    let table = |html: &str| html[html.find("<table").expect("table")..].to_string();
    let (status, all) = app.page(&admin.client, "/admin/audit").await;
    assert_eq!(status, 200);
    assert!(table(&all).contains("Case file opened") && table(&all).contains("Access refused"));
    let (status, page) = app.page(&admin.client, "/admin/audit?security=on").await;
    assert_eq!(status, 200);
    assert!(page.contains("name=\"security\" type=\"checkbox\" value=\"on\" checked"));
    let security = table(&page);
    assert!(security.contains("Access refused"));
    assert!(security.contains("not allowed for the role"));
    assert!(
        !security.contains("Case file opened"),
        "reads are not security events"
    );

    let token = app.api_token(&admin.staff.email, PASSWORD).await;
    let response = client()
        .get(app.url("/api/v1/audit?security=on"))
        .bearer_auth(&token)
        .send()
        .await
        .expect("API answers");
    assert_eq!(response.status(), 200);
    let body: Value = response.json().await.expect("JSON");
    let actions: Vec<&str> = body["entries"]
        .as_array()
        .expect("entries")
        .iter()
        .filter_map(|e| e["action"].as_str())
        .collect();
    assert!(actions.contains(&"access.denied"), "{actions:?}");
    assert!(actions.contains(&"login.succeeded"), "{actions:?}");
    assert!(
        actions
            .iter()
            .all(|a| AuditAction::parse(a).is_some_and(AuditAction::is_security_event)),
        "{actions:?}"
    );

    let (status, _) = app.page(&admin.client, "/admin/audit?security=maybe").await;
    assert_eq!(status, 422, "a malformed filter is shown back");
}
