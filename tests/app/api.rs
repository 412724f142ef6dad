//! The JSON API: bearer tokens, `/api/v1/me`, staff administration, problem documents for
//! every kind of bad input, CSRF for cookie-authenticated calls, the OpenAPI document.

use chrono::{DateTime, Duration, Utc};
use diesel::prelude::*;
use refuge::db::schema::api_tokens;
use refuge::domain::staff::{Role, Staff};
use reqwest::header::{CONTENT_TYPE, WWW_AUTHENTICATE};
use serde_json::{Value, json};

use crate::helpers::{PASSWORD, TestApp, client, spawn_app, spawn_app_with, start_time};

/// Checks that `response` is an RFC 9457 problem document with `status` and returns it.
async fn problem(response: reqwest::Response, status: u16) -> Value {
    assert_eq!(response.status(), status, "status of {}", response.url());
    let content_type = response
        .headers()
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string();
    assert!(
        content_type.starts_with("application/problem+json"),
        "Content-Type {content_type:?}"
    );
    let body: Value = response.json().await.expect("problem JSON");
    for field in ["type", "title", "detail"] {
        assert!(
            body[field].as_str().is_some_and(|s| !s.is_empty()),
            "problem without {field}: {body}"
        );
    }
    assert_eq!(body["status"], status, "{body}");
    body
}

/// The per-field messages of a validation problem, as (field, message) pairs.
fn field_errors(problem: &Value) -> Vec<(String, String)> {
    problem["errors"]
        .as_array()
        .unwrap_or_else(|| panic!("no errors list: {problem}"))
        .iter()
        .map(|e| {
            (
                e["field"].as_str().expect("field").to_string(),
                e["message"].as_str().expect("message").to_string(),
            )
        })
        .collect()
}

/// An admin account and a bearer token for it.
async fn admin_with_token(app: &TestApp) -> (Staff, String) {
    let admin = app
        .create_staff(Role::Admin, "admin@office.example.org")
        .await;
    let token = app.api_token(&admin.email, PASSWORD).await;
    (admin, token)
}

async fn get_me(app: &TestApp, token: &str) -> reqwest::Response {
    client()
        .get(app.url("/api/v1/me"))
        .bearer_auth(token)
        .send()
        .await
        .expect("GET /api/v1/me")
}

async fn post_token(app: &TestApp, body: &Value) -> reqwest::Response {
    client()
        .post(app.url("/api/v1/tokens"))
        .json(body)
        .send()
        .await
        .expect("POST /api/v1/tokens")
}

/// Sends a raw body with an explicit content type (reqwest's `.json()` would fix both).
async fn post_raw(
    app: &TestApp,
    path: &str,
    token: Option<&str>,
    content_type: &str,
    body: impl Into<reqwest::Body>,
) -> reqwest::Response {
    let mut request = client()
        .post(app.url(path))
        .header(CONTENT_TYPE, content_type)
        .body(body);
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    request.send().await.expect("POST")
}

// --- Tokens -------------------------------------------------------------------------

#[actix_web::test]
async fn password_exchanged_for_token_valid_twelve_hours() {
    let app = spawn_app().await;
    let staff = app
        .create_staff(Role::Lawyer, "lawyer@office.example.org")
        .await;

    let response = post_token(&app, &json!({ "email": staff.email, "password": PASSWORD })).await;

    assert_eq!(response.status(), 201);
    let body: Value = response.json().await.expect("JSON");
    assert!(
        body["token"].as_str().is_some_and(|t| t.len() >= 32),
        "{body}"
    );
    let expires_at: DateTime<Utc> = body["expires_at"]
        .as_str()
        .expect("expires_at")
        .parse()
        .expect("expires_at is RFC 3339");
    assert_eq!(expires_at, start_time() + Duration::hours(12));
}

#[actix_web::test]
async fn wrong_password_is_a_problem_document_without_token() {
    let app = spawn_app().await;
    let staff = app
        .create_staff(Role::Lawyer, "lawyer@office.example.org")
        .await;

    let response = post_token(
        &app,
        &json!({ "email": staff.email, "password": "not the password at all" }),
    )
    .await;

    let status = response.status().as_u16();
    assert!((400..500).contains(&status), "status {status}");
    let body = problem(response, status).await;
    assert!(body.get("token").is_none(), "{body}");
    assert!(
        body["detail"]
            .as_str()
            .expect("detail")
            .contains("password")
    );
}

#[actix_web::test]
async fn me_with_bearer_token_describes_the_caller() {
    let app = spawn_app().await;
    let staff = app
        .create_staff(Role::Paralegal, "paralegal@office.example.org")
        .await;
    let token = app.api_token(&staff.email, PASSWORD).await;

    let response = get_me(&app, &token).await;

    assert_eq!(response.status(), 200);
    let body: Value = response.json().await.expect("JSON");
    assert_eq!(body["id"], staff.id.to_string());
    assert_eq!(body["email"], "paralegal@office.example.org");
    assert_eq!(body["display_name"], staff.display_name);
    assert_eq!(body["role"], "paralegal");
}

#[actix_web::test]
async fn revoked_token_is_refused_with_bearer_challenge() {
    let app = spawn_app().await;
    let staff = app
        .create_staff(Role::Lawyer, "lawyer@office.example.org")
        .await;
    let token = app.api_token(&staff.email, PASSWORD).await;
    assert_eq!(get_me(&app, &token).await.status(), 200);

    let revoked = client()
        .delete(app.url("/api/v1/tokens/current"))
        .bearer_auth(&token)
        .send()
        .await
        .expect("DELETE");
    assert_eq!(revoked.status(), 204);

    let response = get_me(&app, &token).await;
    assert_eq!(
        response
            .headers()
            .get(WWW_AUTHENTICATE)
            .and_then(|v| v.to_str().ok()),
        Some("Bearer")
    );
    problem(response, 401).await;
    assert!(
        app.audit_actions()
            .await
            .contains(&"api_token.revoked".into())
    );
}

#[actix_web::test]
async fn token_is_stored_only_as_a_hash() {
    let app = spawn_app().await;
    let staff = app
        .create_staff(Role::Lawyer, "lawyer@office.example.org")
        .await;
    let token = app.api_token(&staff.email, PASSWORD).await;

    let stored: Vec<String> = app
        .state
        .db
        .run(|conn| {
            Ok(api_tokens::table
                .select(api_tokens::token_hash)
                .load::<String>(conn)?)
        })
        .await
        .expect("query api_tokens");

    assert_eq!(stored.len(), 1);
    assert!(!stored[0].contains(&token), "the raw token is stored");
    assert_eq!(stored[0], refuge::auth::tokens::hash_token(&token));
}

#[actix_web::test]
async fn token_expires_after_twelve_hours() {
    let app = spawn_app().await;
    let staff = app
        .create_staff(Role::Lawyer, "lawyer@office.example.org")
        .await;
    let token = app.api_token(&staff.email, PASSWORD).await;

    app.clock.advance(Duration::hours(11));
    assert_eq!(
        get_me(&app, &token).await.status(),
        200,
        "still valid at 11 h"
    );

    app.clock.advance(Duration::hours(2));
    let response = get_me(&app, &token).await;
    problem(response, 401).await;
}

// --- Staff administration -----------------------------------------------------------

#[actix_web::test]
async fn admin_lists_staff() {
    let app = spawn_app().await;
    let (admin, token) = admin_with_token(&app).await;
    let lawyer = app
        .create_staff(Role::Lawyer, "lawyer@office.example.org")
        .await;

    let response = client()
        .get(app.url("/api/v1/staff"))
        .bearer_auth(&token)
        .send()
        .await
        .expect("GET /api/v1/staff");

    assert_eq!(response.status(), 200);
    let body: Value = response.json().await.expect("JSON");
    let listed = body.as_array().expect("a JSON array");
    assert_eq!(listed.len(), 2, "{body}");
    for (staff, role) in [(&admin, "admin"), (&lawyer, "lawyer")] {
        let entry = listed
            .iter()
            .find(|e| e["id"] == staff.id.to_string())
            .unwrap_or_else(|| panic!("{} not listed: {body}", staff.email));
        assert_eq!(entry["email"], staff.email.as_str());
        assert_eq!(entry["role"], role);
        assert_eq!(entry["active"], true);
    }
}

#[actix_web::test]
async fn admin_creates_staff_with_a_password() {
    let app = spawn_app().await;
    let (_, token) = admin_with_token(&app).await;
    let password = "a long enough passphrase 42";

    let response = client()
        .post(app.url("/api/v1/staff"))
        .bearer_auth(&token)
        .json(&json!({
            "email": "New.Lawyer@Office.Example.org",
            "display_name": "Мария Иванова",
            "role": "lawyer",
            "language": "ru",
            "password": password,
        }))
        .send()
        .await
        .expect("POST /api/v1/staff");

    assert_eq!(response.status(), 201);
    let body: Value = response.json().await.expect("JSON");
    assert_eq!(body["email"], "new.lawyer@office.example.org");
    assert_eq!(body["display_name"], "Мария Иванова");
    assert_eq!(body["role"], "lawyer");
    assert_eq!(body["language"], "ru");
    assert_eq!(body["active"], true);
    assert!(body.get("invitation_url").is_none(), "{body}");
    // The password works.
    app.api_token("new.lawyer@office.example.org", password)
        .await;
}

#[actix_web::test]
async fn admin_creates_staff_without_password_gets_invitation_url() {
    let app = spawn_app().await;
    let (_, token) = admin_with_token(&app).await;

    let response = client()
        .post(app.url("/api/v1/staff"))
        .bearer_auth(&token)
        .json(&json!({
            "email": "invited@office.example.org",
            "display_name": "Invited Paralegal",
            "role": "paralegal",
        }))
        .send()
        .await
        .expect("POST /api/v1/staff");

    assert_eq!(response.status(), 201);
    let body: Value = response.json().await.expect("JSON");
    assert_eq!(body["email"], "invited@office.example.org");
    assert_eq!(body["language"], "en", "English when absent");
    let link = body["invitation_url"].as_str().expect("invitation_url");
    assert!(
        link.starts_with(&app.url("/invitation/")),
        "invitation_url {link}"
    );
    // The link opens the page where the person chooses a password.
    let page = client().get(link).send().await.expect("invitation page");
    assert_eq!(page.status(), 200);
}

#[actix_web::test]
async fn invalid_staff_fields_are_a_422_problem_naming_each_field() {
    let app = spawn_app().await;
    let (_, token) = admin_with_token(&app).await;

    let response = client()
        .post(app.url("/api/v1/staff"))
        .bearer_auth(&token)
        .json(&json!({
            "email": "not-an-email",
            "display_name": "Someone",
            "role": "superuser",
            "password": "short",
        }))
        .send()
        .await
        .expect("POST /api/v1/staff");

    let body = problem(response, 422).await;
    let errors = field_errors(&body);
    let mut fields: Vec<&str> = errors.iter().map(|(f, _)| f.as_str()).collect();
    fields.sort_unstable();
    assert_eq!(fields, ["email", "password", "role"], "{body}");
    for (field, message) in &errors {
        assert!(!message.is_empty(), "{field} has no message");
        assert!(!message.contains("validation-"), "untranslated: {message}");
    }
    let password = &errors
        .iter()
        .find(|(f, _)| f == "password")
        .expect("password")
        .1;
    assert!(password.contains("12"), "says how long: {password}");

    let staff = app.state.db.run(|conn| Ok(refuge::db::staff::list(conn)?));
    assert_eq!(staff.await.expect("list").len(), 1, "nothing was created");
}

#[actix_web::test]
async fn admin_changes_name_role_language_and_active_flag() {
    let app = spawn_app().await;
    let (_, token) = admin_with_token(&app).await;
    let paralegal = app
        .create_staff(Role::Paralegal, "paralegal@office.example.org")
        .await;
    let their_token = app.api_token(&paralegal.email, PASSWORD).await;
    let path = format!("/api/v1/staff/{}", paralegal.id);

    let response = client()
        .patch(app.url(&path))
        .bearer_auth(&token)
        .json(&json!({ "display_name": "Renamed Person", "role": "lawyer", "language": "ru" }))
        .send()
        .await
        .expect("PATCH");
    assert_eq!(response.status(), 200);
    let body: Value = response.json().await.expect("JSON");
    assert_eq!(body["id"], paralegal.id.to_string());
    assert_eq!(body["display_name"], "Renamed Person");
    assert_eq!(body["role"], "lawyer");
    assert_eq!(body["language"], "ru");
    assert_eq!(body["active"], true);
    // The change is what the person's own token now sees.
    let me: Value = get_me(&app, &their_token).await.json().await.expect("JSON");
    assert_eq!(me["role"], "lawyer");
    assert_eq!(me["display_name"], "Renamed Person");

    let response = client()
        .patch(app.url(&path))
        .bearer_auth(&token)
        .json(&json!({ "active": false }))
        .send()
        .await
        .expect("PATCH");
    assert_eq!(response.status(), 200);
    let body: Value = response.json().await.expect("JSON");
    assert_eq!(body["active"], false);
    assert_eq!(body["role"], "lawyer", "other fields untouched");
    // Deactivation ends the person's tokens at once.
    problem(get_me(&app, &their_token).await, 401).await;
}

#[actix_web::test]
async fn patch_with_invalid_role_is_a_422_problem() {
    let app = spawn_app().await;
    let (_, token) = admin_with_token(&app).await;
    let lawyer = app
        .create_staff(Role::Lawyer, "lawyer@office.example.org")
        .await;

    let response = client()
        .patch(app.url(&format!("/api/v1/staff/{}", lawyer.id)))
        .bearer_auth(&token)
        .json(&json!({ "role": "owner", "language": "de" }))
        .send()
        .await
        .expect("PATCH");

    let body = problem(response, 422).await;
    let mut fields: Vec<String> = field_errors(&body).into_iter().map(|(f, _)| f).collect();
    fields.sort_unstable();
    assert_eq!(fields, ["language", "role"], "{body}");
}

#[actix_web::test]
async fn patch_of_unknown_staff_id_is_a_404_problem() {
    let app = spawn_app().await;
    let (_, token) = admin_with_token(&app).await;

    let response = client()
        .patch(app.url(&format!("/api/v1/staff/{}", uuid::Uuid::new_v4())))
        .bearer_auth(&token)
        .json(&json!({ "display_name": "Nobody" }))
        .send()
        .await
        .expect("PATCH");

    problem(response, 404).await;
}

#[actix_web::test]
async fn patch_with_malformed_uuid_is_a_404_problem() {
    let app = spawn_app().await;
    let (_, token) = admin_with_token(&app).await;

    for id in ["not-a-uuid", "123", "00000000-0000-0000-0000-00000000000g"] {
        let response = client()
            .patch(app.url(&format!("/api/v1/staff/{id}")))
            .bearer_auth(&token)
            .json(&json!({ "display_name": "Nobody" }))
            .send()
            .await
            .expect("PATCH");
        problem(response, 404).await;
    }
}

// --- Bad input ----------------------------------------------------------------------

#[actix_web::test]
async fn malformed_json_is_a_400_problem() {
    let app = spawn_app().await;

    let response = post_raw(
        &app,
        "/api/v1/tokens",
        None,
        "application/json",
        r#"{"email": "a@b.org", "password": "#,
    )
    .await;

    let body = problem(response, 400).await;
    let detail = body["detail"].as_str().expect("detail");
    assert!(detail.contains("JSON"), "detail: {detail}");
}

#[actix_web::test]
async fn wrongly_typed_field_is_a_400_problem() {
    let app = spawn_app().await;
    let (_, token) = admin_with_token(&app).await;

    let response = post_token(&app, &json!({ "email": 5, "password": "x" })).await;
    let body = problem(response, 400).await;
    let detail = body["detail"].as_str().expect("detail");
    assert!(
        detail.contains("invalid type") && detail.contains("string"),
        "detail: {detail}"
    );

    // The same on an authenticated endpoint.
    let response = client()
        .patch(app.url(&format!(
            "/api/v1/staff/{}",
            app.create_staff(Role::Lawyer, "l@office.example.org")
                .await
                .id
        )))
        .bearer_auth(&token)
        .json(&json!({ "active": "yes" }))
        .send()
        .await
        .expect("PATCH");
    let body = problem(response, 400).await;
    let detail = body["detail"].as_str().expect("detail");
    assert!(detail.contains("boolean"), "detail: {detail}");
}

#[actix_web::test]
async fn unknown_field_is_a_400_problem_naming_it() {
    let app = spawn_app().await;
    let staff = app
        .create_staff(Role::Lawyer, "lawyer@office.example.org")
        .await;

    let response = post_token(
        &app,
        &json!({ "email": staff.email, "password": PASSWORD, "extra": 1 }),
    )
    .await;

    let body = problem(response, 400).await;
    let detail = body["detail"].as_str().expect("detail");
    assert!(
        detail.contains("unknown field") && detail.contains("extra"),
        "detail: {detail}"
    );
    assert!(
        !app.audit_actions()
            .await
            .contains(&"api_token.created".into()),
        "no token was issued"
    );
}

#[actix_web::test]
async fn body_over_the_limit_is_a_413_problem() {
    let app = spawn_app_with(|s| s.api.json_limit_bytes = 1024).await;
    let body = json!({ "email": "a@office.example.org", "password": "x".repeat(2048) });
    let body = serde_json::to_vec(&body).expect("serialize");
    assert!(body.len() > 2048);

    let response = post_raw(&app, "/api/v1/tokens", None, "application/json", body).await;

    problem(response, 413).await;
}

#[actix_web::test]
async fn body_under_the_limit_is_accepted() {
    // The counterpart of the 413 test: the limit is the setting, not something smaller.
    let app = spawn_app_with(|s| s.api.json_limit_bytes = 1024).await;
    let staff = app
        .create_staff(Role::Lawyer, "lawyer@office.example.org")
        .await;
    let response = post_token(&app, &json!({ "email": staff.email, "password": PASSWORD })).await;
    assert_eq!(response.status(), 201);
}

#[actix_web::test]
async fn non_json_content_type_is_a_415_problem() {
    let app = spawn_app().await;
    let json_text = r#"{"email": "a@office.example.org", "password": "whatever it is"}"#;

    for content_type in ["text/plain", "application/x-www-form-urlencoded"] {
        let response = post_raw(&app, "/api/v1/tokens", None, content_type, json_text).await;
        problem(response, 415).await;
    }
}

#[actix_web::test]
async fn unknown_api_path_is_a_404_problem_not_html() {
    let app = spawn_app().await;

    for path in ["/api/v1/nothing-here", "/api/v2/staff", "/api/v1/staff/x/y"] {
        let response = client()
            .get(app.url(path))
            .header("Accept", "text/html")
            .send()
            .await
            .expect("GET");
        problem(response, 404).await;
    }
}

// --- Cookie-authenticated API calls --------------------------------------------------

#[actix_web::test]
async fn cookie_session_api_writes_need_the_csrf_header() {
    let app = spawn_app().await;
    app.create_staff(Role::Admin, "admin@office.example.org")
        .await;
    let browser = app.login("admin@office.example.org", PASSWORD).await;
    let new_staff =
        |email: &str| json!({ "email": email, "display_name": "Via Cookie", "role": "paralegal" });

    // Reading needs no token.
    let me = browser
        .get(app.url("/api/v1/me"))
        .send()
        .await
        .expect("GET");
    assert_eq!(me.status(), 200);

    let refused = browser
        .post(app.url("/api/v1/staff"))
        .json(&new_staff("no-token@office.example.org"))
        .send()
        .await
        .expect("POST");
    let body = problem(refused, 403).await;
    assert_eq!(body["type"], "urn:refuge:problem:csrf");

    let wrong = browser
        .post(app.url("/api/v1/staff"))
        .header("X-CSRF-Token", "not-the-token")
        .json(&new_staff("wrong-token@office.example.org"))
        .send()
        .await
        .expect("POST");
    problem(wrong, 403).await;

    let csrf = app.csrf(&browser, "/").await;
    let accepted = browser
        .post(app.url("/api/v1/staff"))
        .header("X-CSRF-Token", &csrf)
        .json(&new_staff("with-token@office.example.org"))
        .send()
        .await
        .expect("POST");
    assert_eq!(accepted.status(), 201);

    let staff = app.state.db.run(|conn| Ok(refuge::db::staff::list(conn)?));
    let emails: Vec<String> = staff
        .await
        .expect("list")
        .into_iter()
        .map(|s| s.email)
        .collect();
    assert!(emails.contains(&"with-token@office.example.org".into()));
    assert!(
        !emails
            .iter()
            .any(|e| e.contains("no-token") || e.contains("wrong-token"))
    );
}

// --- OpenAPI ------------------------------------------------------------------------

#[actix_web::test]
async fn openapi_document_describes_every_api_route() {
    let app = spawn_app().await;

    let response = client()
        .get(app.url("/api/v1/openapi.json"))
        .send()
        .await
        .expect("GET openapi.json");

    assert_eq!(response.status(), 200);
    let doc: Value = response.json().await.expect("OpenAPI is JSON");
    let version = doc["openapi"].as_str().expect("openapi version");
    assert!(version.starts_with("3."), "openapi {version}");

    let api_routes: Vec<_> = refuge::routes::endpoints()
        .into_iter()
        .filter(|e| e.path.starts_with("/api/v1/") && e.path != "/api/v1/openapi.json")
        .collect();
    assert!(api_routes.len() >= 6, "the API routes were found");
    let mut problems = Vec::new();
    for endpoint in api_routes {
        let method = endpoint.method.as_str().to_lowercase();
        let Some(operation) = doc["paths"][endpoint.path].get(&method) else {
            problems.push(format!(
                "{} {} is not documented",
                endpoint.method, endpoint.path
            ));
            continue;
        };
        let documents_4xx = operation["responses"]
            .as_object()
            .is_some_and(|r| r.keys().any(|status| status.starts_with('4')));
        if !documents_4xx {
            problems.push(format!(
                "{} {} documents no 4xx response",
                endpoint.method, endpoint.path
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));

    let bearer = &doc["components"]["securitySchemes"]["bearer"];
    assert_eq!(bearer["type"], "http", "{bearer}");
    assert_eq!(
        bearer["scheme"].as_str().map(str::to_lowercase),
        Some("bearer".into())
    );
}

#[actix_web::test]
async fn a_wrong_method_is_405_as_a_problem_or_a_page() {
    let app = spawn_app().await;
    for (method, path) in [
        (reqwest::Method::GET, "/api/v1/tokens"),
        (reqwest::Method::POST, "/api/v1/me"),
    ] {
        let response = client()
            .request(method, app.url(path))
            .send()
            .await
            .expect("request");
        let body = problem(response, 405).await;
        assert_eq!(
            body["type"], "urn:refuge:problem:method-not-allowed",
            "{path}"
        );
    }
    // A safe method on a POST-only page.
    let page = client()
        .get(app.url("/logout"))
        .send()
        .await
        .expect("request");
    assert_eq!(page.status(), 405);
    assert!(
        page.headers()[CONTENT_TYPE]
            .to_str()
            .unwrap_or("")
            .starts_with("text/html"),
        "an HTML path answers with a page"
    );
    assert!(
        page.text()
            .await
            .expect("body")
            .contains("Method not allowed")
    );
}
