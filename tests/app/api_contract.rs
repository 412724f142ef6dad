//! The API does what its OpenAPI document says: real responses validate against the
//! document's schemas (formats included), and the operations that close the gaps with the
//! pages — conflict check, EAD clock, notification preferences, the weekly report — work,
//! are audited and refuse the wrong role with 403.

use refuge::domain::staff::Role;
use serde_json::{Value, json};

use crate::helpers::{PASSWORD, TestApp, client, spawn_app};

async fn token(app: &TestApp, role: Role) -> (String, String) {
    let email = format!(
        "{role}-{}@office.example.org",
        uuid::Uuid::new_v4().simple()
    );
    let staff = app.create_staff(role, &email).await;
    (app.api_token(&email, PASSWORD).await, staff.id.to_string())
}

async fn call(
    app: &TestApp,
    token: &str,
    method: &str,
    path: &str,
    body: Option<Value>,
) -> reqwest::Response {
    let method = reqwest::Method::from_bytes(method.as_bytes()).expect("method");
    let mut request = client().request(method, app.url(path)).bearer_auth(token);
    if let Some(body) = body {
        request = request.json(&body);
    }
    request.send().await.expect("request")
}

/// A case with the lawyer of record, `paralegal` assigned, the I-589 received on 2026-06-01
/// (so the EAD clock runs) and a past interview.
async fn case(app: &TestApp, lawyer: &str, lawyer_id: &str, paralegal_id: &str) -> String {
    let intake = json!({
        "client": { "family_name": "Sokolova", "given_name": "Anna", "date_of_birth": "1988-03-02",
                    "sex": "female", "nationalities": ["BY"] },
        "entry": { "last_arrival_on": "2026-01-10", "manner_of_entry": "cbp_one" },
        "claim": { "kind": "affirmative", "lawyer_id": lawyer_id, "paralegal_id": paralegal_id }
    });
    let created = call(
        app,
        lawyer,
        "POST",
        "/api/v1/cases",
        Some(json!({ "intake": intake })),
    )
    .await;
    assert_eq!(created.status(), 201);
    let id = created.json::<Value>().await.expect("json")["id"]
        .as_str()
        .expect("id")
        .to_string();
    for (method, path, body) in [
        ("POST", "transitions", json!({ "to": "conflict_check" })),
        (
            "PUT",
            "key-dates",
            json!({ "i589_received_on": "2026-06-01" }),
        ),
        (
            "POST",
            "events",
            json!({ "kind": "interview", "date": "2026-11-02", "time": "09:30" }),
        ),
    ] {
        let response = call(
            app,
            lawyer,
            method,
            &format!("/api/v1/cases/{id}/{path}"),
            Some(body),
        )
        .await;
        assert!(
            response.status().is_success(),
            "{path}: {}",
            response.status()
        );
    }
    id
}

/// Validates `body` against the document's schema for `path`'s `method` and `status`.
pub(crate) fn check_against_document(
    doc: &Value,
    method: &str,
    path: &str,
    status: u16,
    body: &Value,
) {
    let operation = &doc["paths"][path][method];
    let schema =
        &operation["responses"][status.to_string()]["content"]["application/json"]["schema"];
    assert!(
        schema.is_object(),
        "{method} {path} documents no {status} JSON body"
    );
    let mut root = schema.clone();
    root["components"] = doc["components"].clone();
    let validator = jsonschema::draft202012::options()
        .should_validate_formats(true)
        .build(&root)
        .expect("schema compiles");
    let errors: Vec<String> = validator
        .iter_errors(body)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{method} {path}: {}", errors.join("\n"));
}

#[actix_web::test]
async fn real_responses_match_the_documented_schemas() {
    let app = spawn_app().await;
    let (admin, admin_id) = token(&app, Role::Admin).await;
    let (_, paralegal_id) = token(&app, Role::Paralegal).await;
    let id = case(&app, &admin, &admin_id, &paralegal_id).await;
    let stop = json!({ "action": "stop", "on": "2026-07-01", "reason": "Asked to reschedule" });
    let stopped = call(
        &app,
        &admin,
        "POST",
        &format!("/api/v1/cases/{id}/ead-clock"),
        Some(stop),
    )
    .await;
    assert_eq!(stopped.status(), 204);
    let doc: Value = client()
        .get(app.url("/api/v1/openapi.json"))
        .send()
        .await
        .expect("document")
        .json()
        .await
        .expect("json");

    for (path, url) in [
        ("/api/v1/cases", "/api/v1/cases?scope=all".to_string()),
        ("/api/v1/cases/{id}", format!("/api/v1/cases/{id}")),
        ("/api/v1/me", "/api/v1/me".to_string()),
        (
            "/api/v1/me/notifications",
            "/api/v1/me/notifications".to_string(),
        ),
        ("/api/v1/staff", "/api/v1/staff".to_string()),
        (
            "/api/v1/reports/weekly",
            "/api/v1/reports/weekly?week=2026-W48".to_string(),
        ),
    ] {
        let response = call(&app, &admin, "GET", &url, None).await;
        assert_eq!(response.status(), 200, "{url}");
        let body: Value = response.json().await.expect("json");
        check_against_document(&doc, "get", path, 200, &body);
    }
    // The search takes its query in the body (a name must not be in a URL).
    let response = call(
        &app,
        &admin,
        "POST",
        "/api/v1/clients/search",
        Some(json!({ "q": "Sokolova" })),
    )
    .await;
    assert_eq!(response.status(), 200);
    let body: Value = response.json().await.expect("json");
    assert_eq!(body["results"][0]["name"], "Anna Sokolova", "{body}");
    check_against_document(&doc, "post", "/api/v1/clients/search", 200, &body);
}

#[actix_web::test]
async fn timestamps_carry_their_offset() {
    let app = spawn_app().await;
    let (admin, admin_id) = token(&app, Role::Admin).await;
    let (_, paralegal_id) = token(&app, Role::Paralegal).await;
    let id = case(&app, &admin, &admin_id, &paralegal_id).await;

    let list: Value = call(&app, &admin, "GET", "/api/v1/cases?scope=all", None)
        .await
        .json()
        .await
        .expect("json");
    let file: Value = call(&app, &admin, "GET", &format!("/api/v1/cases/{id}"), None)
        .await
        .json()
        .await
        .expect("json");

    assert_eq!(list["cases"][0]["updated_at"], "2026-11-23T14:00:00Z");
    assert_eq!(file["history"][0]["at"], "2026-11-23T14:00:00Z");
    // The court's local time, documented as such (no offset).
    assert_eq!(file["events"][0]["scheduled_at"], "2026-11-02T09:30:00");
}

#[actix_web::test]
async fn a_conflict_check_is_recorded_through_the_api_and_audited() {
    let app = spawn_app().await;
    let (lawyer, lawyer_id) = token(&app, Role::Lawyer).await;
    let (_, paralegal_id) = token(&app, Role::Paralegal).await;
    let id = case(&app, &lawyer, &lawyer_id, &paralegal_id).await;

    let body = json!({ "outcome": "conflict", "reason": "We represent her husband's persecutor's employer" });
    let recorded = call(
        &app,
        &lawyer,
        "PUT",
        &format!("/api/v1/cases/{id}/conflict-check"),
        Some(body),
    )
    .await;

    assert_eq!(recorded.status(), 204);
    let file: Value = call(&app, &lawyer, "GET", &format!("/api/v1/cases/{id}"), None)
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(file["conflict_status"], "conflict");
    assert!(
        app.audit_actions()
            .await
            .contains(&"case.conflict_checked".to_string()),
        "{:?}",
        app.audit_actions().await
    );
}

#[actix_web::test]
async fn a_conflict_without_its_reason_is_a_422_naming_the_field() {
    let app = spawn_app().await;
    let (lawyer, lawyer_id) = token(&app, Role::Lawyer).await;
    let (_, paralegal_id) = token(&app, Role::Paralegal).await;
    let id = case(&app, &lawyer, &lawyer_id, &paralegal_id).await;

    let refused = call(
        &app,
        &lawyer,
        "PUT",
        &format!("/api/v1/cases/{id}/conflict-check"),
        Some(json!({ "outcome": "conflict" })),
    )
    .await;

    assert_eq!(refused.status(), 422);
    let problem: Value = refused.json().await.expect("json");
    assert_eq!(problem["errors"][0]["field"], "reason", "{problem}");
}

#[actix_web::test]
async fn a_paralegal_may_not_record_a_conflict_check() {
    let app = spawn_app().await;
    let (lawyer, lawyer_id) = token(&app, Role::Lawyer).await;
    let (paralegal, paralegal_id) = token(&app, Role::Paralegal).await;
    let id = case(&app, &lawyer, &lawyer_id, &paralegal_id).await;

    let refused = call(
        &app,
        &paralegal,
        "PUT",
        &format!("/api/v1/cases/{id}/conflict-check"),
        Some(json!({ "outcome": "clear" })),
    )
    .await;

    assert_eq!(refused.status(), 403);
}

#[actix_web::test]
async fn the_ead_clock_stops_and_restarts_through_the_api() {
    let app = spawn_app().await;
    let (lawyer, lawyer_id) = token(&app, Role::Lawyer).await;
    let (paralegal, paralegal_id) = token(&app, Role::Paralegal).await;
    let id = case(&app, &lawyer, &lawyer_id, &paralegal_id).await;
    let path = format!("/api/v1/cases/{id}/ead-clock");

    let stop = json!({ "action": "stop", "on": "2026-07-01", "reason": "Asked to reschedule" });
    assert_eq!(
        call(&app, &paralegal, "POST", &path, Some(stop))
            .await
            .status(),
        204
    );
    let restart = json!({ "action": "restart", "on": "2026-07-15" });
    assert_eq!(
        call(&app, &paralegal, "POST", &path, Some(restart))
            .await
            .status(),
        204
    );

    let file: Value = call(&app, &lawyer, "GET", &format!("/api/v1/cases/{id}"), None)
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(
        file["ead_clock_stops"],
        json!([{ "stopped_on": "2026-07-01", "restarted_on": "2026-07-15", "reason": "Asked to reschedule" }])
    );
    let actions = app.audit_actions().await;
    assert!(
        actions.contains(&"case.ead_clock_stopped".to_string())
            && actions.contains(&"case.ead_clock_restarted".to_string()),
        "{actions:?}"
    );
}

#[actix_web::test]
async fn restarting_a_running_ead_clock_is_a_409() {
    let app = spawn_app().await;
    let (lawyer, lawyer_id) = token(&app, Role::Lawyer).await;
    let (_, paralegal_id) = token(&app, Role::Paralegal).await;
    let id = case(&app, &lawyer, &lawyer_id, &paralegal_id).await;

    let restart = json!({ "action": "restart", "on": "2026-07-15" });
    let refused = call(
        &app,
        &lawyer,
        "POST",
        &format!("/api/v1/cases/{id}/ead-clock"),
        Some(restart),
    )
    .await;

    assert_eq!(refused.status(), 409);
}

#[actix_web::test]
async fn a_paralegal_not_assigned_may_not_stop_the_ead_clock() {
    let app = spawn_app().await;
    let (lawyer, lawyer_id) = token(&app, Role::Lawyer).await;
    let (_, paralegal_id) = token(&app, Role::Paralegal).await;
    let (other, _) = token(&app, Role::Paralegal).await;
    let id = case(&app, &lawyer, &lawyer_id, &paralegal_id).await;

    let stop = json!({ "action": "stop", "on": "2026-07-01", "reason": "Asked to reschedule" });
    let refused = call(
        &app,
        &other,
        "POST",
        &format!("/api/v1/cases/{id}/ead-clock"),
        Some(stop),
    )
    .await;

    assert_eq!(refused.status(), 403);
}

#[actix_web::test]
async fn notification_preferences_are_read_and_changed_through_the_api() {
    let app = spawn_app().await;
    let (paralegal, _) = token(&app, Role::Paralegal).await;

    let changed = call(
        &app,
        &paralegal,
        "PUT",
        "/api/v1/me/notifications",
        Some(json!({ "stage_changed": "digest" })),
    )
    .await;

    assert_eq!(changed.status(), 200);
    let read: Value = call(&app, &paralegal, "GET", "/api/v1/me/notifications", None)
        .await
        .json()
        .await
        .expect("json");
    let stage_changed = read
        .as_array()
        .expect("list")
        .iter()
        .find(|p| p["kind"] == "stage_changed")
        .expect("stage_changed listed");
    assert_eq!(stage_changed["delivery"], "digest");
    assert!(
        app.audit_actions()
            .await
            .contains(&"account.notifications_changed".to_string())
    );
}

#[actix_web::test]
async fn a_reminder_that_ends_a_claim_if_missed_cannot_be_turned_off_through_the_api() {
    let app = spawn_app().await;
    let (lawyer, _) = token(&app, Role::Lawyer).await;

    let refused = call(
        &app,
        &lawyer,
        "PUT",
        "/api/v1/me/notifications",
        Some(json!({ "one_year_reminder": "off" })),
    )
    .await;

    assert_eq!(refused.status(), 422);
    let problem: Value = refused.json().await.expect("json");
    assert_eq!(
        problem["errors"][0]["field"], "one_year_reminder",
        "{problem}"
    );
}

#[actix_web::test]
async fn the_weekly_report_as_json_counts_the_cases_its_links_list() {
    let app = spawn_app().await;
    let (lawyer, lawyer_id) = token(&app, Role::Lawyer).await;
    let (_, paralegal_id) = token(&app, Role::Paralegal).await;
    case(&app, &lawyer, &lawyer_id, &paralegal_id).await;

    let response = call(
        &app,
        &lawyer,
        "GET",
        "/api/v1/reports/weekly?week=2026-W48",
        None,
    )
    .await;

    assert_eq!(response.status(), 200);
    let report: Value = response.json().await.expect("json");
    assert_eq!(report["of"], format!("lawyer:{lawyer_id}"));
    let open = report["figures"]
        .as_array()
        .expect("figures")
        .iter()
        .find(|f| f["section"] == "open")
        .expect("open figure");
    assert_eq!(open["count"], 1, "{open}");
    let cases: Value = call(
        &app,
        &lawyer,
        "GET",
        open["cases"].as_str().expect("link"),
        None,
    )
    .await
    .json()
    .await
    .expect("json");
    assert_eq!(cases["total"], 1, "{cases}");
    assert!(
        app.audit_actions()
            .await
            .contains(&"report.viewed".to_string())
    );
}

#[actix_web::test]
async fn a_paralegal_may_not_read_the_office_report_through_the_api() {
    let app = spawn_app().await;
    let (paralegal, _) = token(&app, Role::Paralegal).await;

    let refused = call(
        &app,
        &paralegal,
        "GET",
        "/api/v1/reports/weekly?of=office",
        None,
    )
    .await;

    assert_eq!(refused.status(), 403);
}

#[actix_web::test]
async fn a_lawyer_may_not_read_another_lawyers_report_through_the_api() {
    let app = spawn_app().await;
    let (lawyer, _) = token(&app, Role::Lawyer).await;
    let (_, other_id) = token(&app, Role::Lawyer).await;

    let refused = call(
        &app,
        &lawyer,
        "GET",
        &format!("/api/v1/reports/weekly?of=lawyer:{other_id}"),
        None,
    )
    .await;

    assert_eq!(refused.status(), 403);
}

#[actix_web::test]
async fn the_weekly_report_as_json_leads_with_the_pages_summary() {
    let app = spawn_app().await;
    let (lawyer, lawyer_id) = token(&app, Role::Lawyer).await;
    let (_, paralegal_id) = token(&app, Role::Paralegal).await;
    case(&app, &lawyer, &lawyer_id, &paralegal_id).await;

    let report: Value = call(
        &app,
        &lawyer,
        "GET",
        "/api/v1/reports/weekly?week=2026-W48",
        None,
    )
    .await
    .json()
    .await
    .expect("json");

    assert_eq!(
        report["so_far"], true,
        "the week of 2026-11-23 is under way"
    );
    let key_figures = report["key_figures"].as_array().expect("key figures");
    assert!(
        key_figures
            .iter()
            .any(|k| k["this_week"]["count"] == 1 && k["last_week"]["count"] == 0),
        "{key_figures:?}"
    );
}
