//! Malformed input is the client's fault, never a 500: control characters in queries, JSON
//! bodies and forms, page numbers past any list, and wrong methods. Runs on SQLite, and on PostgreSQL (which
//! cannot store U+0000 at all) with `REFUGE_TEST_POSTGRES_URL`.

use refuge::domain::staff::Role;
use serde_json::{Value, json};

use crate::helpers::{PASSWORD, Session, TestApp, client, field_error, spawn_app};

async fn lawyer_with_token(app: &TestApp) -> (Session, String) {
    let session = app.login_as(Role::Lawyer).await;
    let token = app.api_token(&session.staff.email, PASSWORD).await;
    (session, token)
}

/// A completed case of `lawyer`'s, created through the API; its id.
async fn new_case(app: &TestApp, token: &str, lawyer_id: &str) -> String {
    let intake = json!({
        "client": { "family_name": "Petrova", "given_name": "Iuliia", "middle_name": "NONE",
                    "date_of_birth": "1979-09-01", "nationalities": ["ru"], "languages": ["ru"] },
        "entry": { "last_arrival_on": "2026-02-24", "port_of_entry": "San Ysidro",
                   "manner_of_entry": "port_parole" },
        "claim": { "kind": "affirmative", "lawyer_id": lawyer_id }
    });
    let created = client()
        .post(app.url("/api/v1/cases"))
        .bearer_auth(token)
        .json(&json!({ "intake": intake, "complete": true }))
        .send()
        .await
        .expect("request");
    assert_eq!(created.status(), 201);
    let created: Value = created.json().await.expect("json");
    created["id"].as_str().expect("id").to_string()
}

/// The field named by a 400 problem document.
async fn refused_field(response: reqwest::Response) -> String {
    assert_eq!(response.status(), 400);
    assert_eq!(
        response.headers()["content-type"],
        "application/problem+json"
    );
    let problem: Value = response.json().await.expect("problem JSON");
    problem["errors"][0]["field"]
        .as_str()
        .unwrap_or_default()
        .to_string()
}

#[actix_web::test]
async fn a_nul_in_an_api_filter_is_a_400_naming_the_parameter() {
    let app = spawn_app().await;
    let (_, token) = lawyer_with_token(&app).await;
    let response = client()
        .get(app.url("/api/v1/cases?stage=filed&port=%00"))
        .bearer_auth(&token)
        .send()
        .await
        .expect("request");
    assert_eq!(refused_field(response).await, "port");
}

#[actix_web::test]
async fn a_nul_in_a_page_filter_is_a_400_page_naming_the_parameter() {
    let app = spawn_app().await;
    let admin = app.login_as(Role::Admin).await;
    for (path, parameter) in [
        ("/cases?port=%00", "port"),
        ("/admin/audit?action=%00", "action"),
        ("/search?q=Ivan%00ov", "q"),
    ] {
        let (status, html) = app.page(&admin.client, path).await;
        assert_eq!(status, 400, "{path}");
        assert!(html.contains(&format!("“{parameter}”")), "{path}: {html}");
    }
}

#[actix_web::test]
async fn a_nul_in_a_json_body_is_a_400_naming_the_field() {
    let app = spawn_app().await;
    let (session, token) = lawyer_with_token(&app).await;
    let id = new_case(&app, &token, &session.staff.id.to_string()).await;
    let response = client()
        .post(app.url(&format!("/api/v1/cases/{id}/notes")))
        .bearer_auth(&token)
        .json(&json!({ "body": "called\u{0}back" }))
        .send()
        .await
        .expect("request");
    assert_eq!(refused_field(response).await, "body");
}

#[actix_web::test]
async fn a_nul_in_a_form_comes_back_at_its_field() {
    let app = spawn_app().await;
    let (session, token) = lawyer_with_token(&app).await;
    let id = new_case(&app, &token, &session.staff.id.to_string()).await;
    let response = app
        .post_form(
            &session.client,
            &format!("/cases/{id}/stage"),
            &[("to", "conflict_check"), ("note", "checked\u{0}")],
        )
        .await;
    assert_eq!(response.status(), 422);
    let html = response.text().await.expect("body");
    assert!(field_error(&html, "stage_note").is_some(), "{html}");
}

#[actix_web::test]
async fn a_nul_in_the_login_email_is_a_wrong_login() {
    let app = spawn_app().await;
    let response = app
        .submit_login(&client(), "anna\u{0}@office.example.org", PASSWORD)
        .await;
    assert_eq!(response.status(), 422);
}

#[actix_web::test]
async fn a_giant_page_number_shows_the_last_page() {
    let app = spawn_app().await;
    let admin = app.login_as(Role::Admin).await;
    for path in [
        "/admin/audit?page=9223372036854775807",
        "/admin/audit?page=-9223372036854775808",
        "/cases?page=99999999999999999999999",
    ] {
        let (status, _) = app.page(&admin.client, path).await;
        assert_eq!(status, 200, "{path}");
    }
}

#[actix_web::test]
async fn a_giant_page_number_in_the_api_is_the_last_page() {
    let app = spawn_app().await;
    let (_, token) = lawyer_with_token(&app).await;
    let response = client()
        .get(app.url("/api/v1/cases?page=9223372036854775807"))
        .bearer_auth(&token)
        .send()
        .await
        .expect("request");
    assert_eq!(response.status(), 200);
    let body: Value = response.json().await.expect("json");
    assert_eq!(body["page"], 1);
}

fn allow(response: &reqwest::Response) -> String {
    response
        .headers()
        .get("allow")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string()
}

#[actix_web::test]
async fn a_wrong_method_on_a_page_is_405_not_a_csrf_refusal() {
    let app = spawn_app().await;
    let admin = app.login_as(Role::Admin).await;
    // Signed in, no CSRF token: the method is wrong before any token matters.
    let response = admin
        .client
        .post(app.url("/cases"))
        .form(&[("port", "San Ysidro")])
        .send()
        .await
        .expect("request");
    assert_eq!(response.status(), 405);
    assert_eq!(allow(&response), "GET");
}

#[actix_web::test]
async fn every_405_lists_the_methods_of_its_path() {
    let app = spawn_app().await;
    for (method, path, methods) in [
        (reqwest::Method::DELETE, "/api/v1/cases", "GET, POST"),
        (reqwest::Method::GET, "/logout", "POST"),
        (reqwest::Method::PUT, "/login", "GET, POST"),
    ] {
        let response = client()
            .request(method, app.url(path))
            .send()
            .await
            .expect("request");
        assert_eq!(response.status(), 405, "{path}");
        assert_eq!(allow(&response), methods, "{path}");
    }
}
