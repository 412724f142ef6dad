//! The audit trail a person can read (issue 12 §4): actions and fields in the reader's
//! language, case references and staff names instead of ids, no JSON; the case page's latest
//! entries and the case's own paginated trail; the filter by case reference; bounded page
//! numbers; `GET /api/v1/audit` for export, as its OpenAPI document says.

use refuge::domain::audit::AuditAction;
use refuge::domain::staff::{Role, Staff};
use refuge::i18n::Language;
use refuge::services::audit::AuditContext;
use refuge::services::cases;
use serde_json::Value;

use crate::helpers::{NowForTests, PASSWORD, Session, TestApp, client, spawn_app};

#[test]
fn every_action_has_a_label_in_every_language() {
    let missing: Vec<_> = Language::STAFF
        .iter()
        .map(|&language| (language, crate::i18n::catalogue(language)))
        .flat_map(|(language, catalogue)| {
            AuditAction::ALL
                .iter()
                .map(|action| action.label_key())
                .filter(|key| !catalogue.contains_key(*key))
                .map(|key| format!("{}: {key}", language.code()))
                .collect::<Vec<_>>()
        })
        .collect();
    assert!(missing.is_empty(), "actions without a label: {missing:?}");
}

/// `count` views of a case by `by`, recorded straight into the log.
async fn views(app: &TestApp, case: uuid::Uuid, by: &Staff, count: usize) {
    let audit = AuditContext::new(Some(by.id), None, app.clock.as_ref().now_for_tests());
    app.state
        .db
        .run(move |conn| {
            for _ in 0..count {
                audit.record(
                    conn,
                    AuditAction::CaseViewed,
                    Some(("case", case.to_string())),
                    serde_json::json!({}),
                )?;
            }
            Ok(())
        })
        .await
        .expect("views recorded");
}

async fn get(app: &TestApp, session: &Session, path: &str) -> (u16, String) {
    app.page(&session.client, path).await
}

/// What a person sees: the text without tags.
fn visible(html: &str) -> String {
    let body = &html[html.find("<body").unwrap_or(0)..];
    let mut text = String::new();
    let mut in_tag = false;
    for c in body.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                text.push(' ');
            }
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    text
}

fn assert_no_ids_or_json(html: &str) {
    let text = visible(html);
    let uuid_like = text
        .split(|c: char| !(c.is_ascii_hexdigit() || c == '-'))
        .any(|w| w.len() == 36 && w.parse::<uuid::Uuid>().is_ok());
    assert!(!uuid_like, "a UUID is shown: {text}");
    for json in ["{", "\"before\"", "case.", "login."] {
        assert!(!text.contains(json), "{json:?} is shown: {text}");
    }
}

/// The rows of the first table in `html` (each entry has one time).
fn rows_in(html: &str) -> usize {
    let start = html.find("<table").expect("table");
    let body = &html[start..];
    let end = body.find("</table>").expect("table end");
    body[..end].matches("<time>").count()
}

/// An office with a lawyer's case whose key dates were changed.
async fn office_with_a_change() -> (TestApp, Session, Session, uuid::Uuid, String) {
    let app = spawn_app().await;
    let admin = app.login_as(Role::Admin).await;
    let lawyer = app.login_as(Role::Lawyer).await;
    let (id, reference) = app.draft_case(&lawyer.staff, "IVANOVA").await;
    let response = app
        .post_form(
            &lawyer.client,
            &format!("/cases/{id}/dates"),
            &[("i589_filed_on", "2026-10-01")],
        )
        .await;
    assert_eq!(response.status(), 303, "dates saved");
    (app, admin, lawyer, id, reference)
}

#[actix_web::test]
async fn the_audit_page_names_the_case_the_person_and_the_change() {
    let (app, admin, lawyer, id, reference) = office_with_a_change().await;
    let (status, html) = get(&app, &admin, "/admin/audit").await;
    assert_eq!(status, 200);
    assert!(html.contains(&format!("<a href=\"/cases/{id}\">{reference}</a>")));
    assert!(html.contains("Key dates changed"), "{html}");
    assert!(html.contains("I-589 filed: — → 2026-10-01"), "{html}");
    assert!(html.contains(&lawyer.staff.display_name));
    assert_no_ids_or_json(&html);
}

#[actix_web::test]
async fn the_audit_page_reads_in_russian() {
    let (app, admin, _, _, _) = office_with_a_change().await;
    let response = app
        .post_form(&admin.client, "/account/language", &[("language", "ru")])
        .await;
    assert_eq!(response.status(), 303);
    let (_, html) = get(&app, &admin, "/admin/audit").await;
    for words in [
        "Изменены ключевые даты",
        "I-589 подана: — → 2026-10-01",
        "Дело открыто",
        "Вход выполнен",
    ] {
        assert!(html.contains(words), "{words:?} missing");
    }
    assert!(!html.contains("Key dates changed"));
    assert_no_ids_or_json(&html);
}

#[actix_web::test]
async fn intake_changes_read_as_fields_with_the_lawyer_named() {
    let (app, admin, lawyer, _, _) = office_with_a_change().await;
    let (_, html) = get(&app, &admin, "/admin/audit?action=case.created").await;
    assert!(html.contains("Intake complete: No"), "{html}");
    assert!(html.contains(&format!(
        "Lawyer of record: — → {}",
        lawyer.staff.display_name
    )));
    // The client's name is only said to have changed.
    assert!(html.contains("Family name: changed"));
    assert!(!html.contains("IVANOVA"));
    assert_no_ids_or_json(&html);
}

#[actix_web::test]
async fn the_case_page_shows_the_latest_twenty_and_links_to_the_trail() {
    let (app, _, lawyer, id, _) = office_with_a_change().await;
    views(&app, id, &lawyer.staff, 30).await;
    let (status, html) = get(&app, &lawyer, &format!("/cases/{id}")).await;
    assert_eq!(status, 200);
    let section = &html[html.find("id=\"audit\"").expect("audit section")..];
    assert_eq!(rows_in(section), 20);
    assert!(section.contains(&format!("href=\"/cases/{id}/audit\"")));
    assert_no_ids_or_json(section);
}

#[actix_web::test]
async fn the_case_trail_is_paged() {
    let (app, _, lawyer, id, reference) = office_with_a_change().await;
    // Opened, dates changed, 60 views: 62 entries; reading the trail is a view too: 63.
    views(&app, id, &lawyer.staff, 60).await;
    let (status, first) = get(&app, &lawyer, &format!("/cases/{id}/audit")).await;
    assert_eq!(status, 200);
    assert!(first.contains(&reference));
    assert!(first.contains("63 entries"), "{first}");
    assert_eq!(rows_in(&first), 50);
    assert!(first.contains(&format!("href=\"/cases/{id}/audit?page=2\" rel=\"next\"")));
    // And the second page's read: 64.
    let (_, second) = get(&app, &lawyer, &format!("/cases/{id}/audit?page=2")).await;
    assert_eq!(rows_in(&second), 14);
    // The oldest entry comes last.
    assert!(second.rfind("Case opened") > second.rfind("Case file opened"));
    assert_no_ids_or_json(&second);
}

#[actix_web::test]
async fn a_page_past_the_end_is_the_last_and_a_word_is_the_first() {
    let (app, _, lawyer, id, _) = office_with_a_change().await;
    views(&app, id, &lawyer.staff, 60).await;
    let trail = format!("/cases/{id}/audit");
    let (status, html) = get(&app, &lawyer, &format!("{trail}?page=9223372036854775807")).await;
    assert_eq!(status, 200);
    // 62 entries and this read of the trail.
    assert_eq!(rows_in(&html), 13, "the last page");
    let (status, html) = get(&app, &lawyer, &format!("{trail}?page=two")).await;
    assert_eq!(status, 200);
    assert_eq!(rows_in(&html), 50, "the first page");
}

#[actix_web::test]
async fn a_page_that_is_not_a_number_is_shown_back_on_the_audit_page() {
    let app = spawn_app().await;
    let admin = app.login_as(Role::Admin).await;
    let (status, html) = get(&app, &admin, "/admin/audit?page=two&from=2026-11-01").await;
    assert_eq!(status, 422);
    assert!(html.contains("Enter a page number as a whole number."));
    assert!(html.contains("value=\"2026-11-01\""));
}

#[actix_web::test]
async fn the_audit_page_filters_by_case_reference() {
    let (app, admin, lawyer, id, reference) = office_with_a_change().await;
    let (other, _) = app.draft_case(&lawyer.staff, "PETROV").await;
    views(&app, other, &lawyer.staff, 3).await;
    let (status, html) = get(
        &app,
        &admin,
        &format!("/admin/audit?case={}", reference.to_lowercase()),
    )
    .await;
    assert_eq!(status, 200);
    assert!(html.contains("2 entries"), "{html}");
    assert!(html.contains(&format!("href=\"/cases/{id}\"")));
    assert!(!html.contains(&format!("href=\"/cases/{other}\"")));
    let (_, html) = get(&app, &admin, "/admin/audit?case=R-1999-00001").await;
    assert!(html.contains("0 entries"));
}

#[actix_web::test]
async fn a_deleted_case_is_still_found_by_its_reference() {
    let (app, admin, _, id, reference) = office_with_a_change().await;
    cases::purge(&app.state, &admin.staff, id, &reference, None)
        .await
        .expect("purged");
    let (_, html) = get(&app, &admin, &format!("/admin/audit?case={reference}")).await;
    assert!(html.contains("3 entries"), "{html}");
    assert!(html.contains(&format!("{reference} (deleted)")));
    assert!(!html.contains(&format!("href=\"/cases/{id}\"")));
}

#[actix_web::test]
async fn a_malformed_case_reference_is_shown_back_at_its_field() {
    let app = spawn_app().await;
    let admin = app.login_as(Role::Admin).await;
    let (status, html) = get(&app, &admin, "/admin/audit?case=R%25&from=2026-11-01").await;
    assert_eq!(status, 422);
    assert!(html.contains("Enter a case reference such as R-2026-00042."));
    assert!(html.contains("value=\"2026-11-01\""));
}

// ---- GET /api/v1/audit ----

async fn api_get(app: &TestApp, token: &str, query: &str) -> (u16, Value) {
    let response = client()
        .get(app.url(&format!("/api/v1/audit{query}")))
        .bearer_auth(token)
        .send()
        .await
        .expect("GET /api/v1/audit");
    let status = response.status().as_u16();
    (status, response.json().await.unwrap_or(Value::Null))
}

#[actix_web::test]
async fn only_admins_export_the_audit_log() {
    let (app, admin, lawyer, _, _) = office_with_a_change().await;
    let paralegal = app.login_as(Role::Paralegal).await;
    for session in [&paralegal, &lawyer] {
        let token = app.api_token(&session.staff.email, PASSWORD).await;
        let (status, body) = api_get(&app, &token, "").await;
        assert_eq!(status, 403, "{}: {body}", session.staff.role);
        assert!(body.get("entries").is_none());
    }
    let token = app.api_token(&admin.staff.email, PASSWORD).await;
    let (status, body) = api_get(&app, &token, "").await;
    assert_eq!(status, 200);
    assert!(body["total"].as_i64() > Some(3), "{body}");
}

#[actix_web::test]
async fn the_export_sends_codes_references_and_structured_details() {
    let (app, admin, lawyer, id, reference) = office_with_a_change().await;
    let token = app.api_token(&admin.staff.email, PASSWORD).await;
    let (status, body) = api_get(&app, &token, &format!("?case={reference}")).await;
    assert_eq!(status, 200);
    assert_eq!(
        (body["total"].as_i64(), body["pages"].as_i64()),
        (Some(2), Some(1))
    );
    let entry = &body["entries"][0];
    assert_eq!(entry["action"], "case.dates_changed");
    assert_eq!(entry["case_reference"], reference.as_str());
    assert_eq!(entry["target_id"], id.to_string());
    assert_eq!(entry["actor"]["name"], lawyer.staff.display_name.as_str());
    assert_eq!(
        entry["details"]["fields"]["i589_filed_on"],
        serde_json::json!({ "before": null, "after": "2026-10-01" })
    );
    let at = entry["occurred_at"].as_str().expect("time");
    assert!(chrono::DateTime::parse_from_rfc3339(at).is_ok(), "{at}");
}

#[actix_web::test]
async fn the_export_refuses_a_bad_filter_with_a_problem() {
    let app = spawn_app().await;
    let admin = app.login_as(Role::Admin).await;
    let token = app.api_token(&admin.staff.email, PASSWORD).await;
    let (status, body) = api_get(&app, &token, "?page=last").await;
    assert_eq!(status, 422);
    assert!(body.to_string().contains("page"), "{body}");
    let (status, _) = api_get(&app, &token, "?action=case.teleported").await;
    assert_eq!(status, 422);
}

#[actix_web::test]
async fn the_openapi_document_describes_the_export_as_sent() {
    let (app, admin, _, _, _) = office_with_a_change().await;
    let token = app.api_token(&admin.staff.email, PASSWORD).await;
    let (_, body) = api_get(&app, &token, "").await;
    let doc: Value = client()
        .get(app.url("/api/v1/openapi.json"))
        .send()
        .await
        .expect("GET openapi.json")
        .json()
        .await
        .expect("JSON");
    let schemas = &doc["components"]["schemas"];
    let keys = |v: &Value| -> Vec<String> {
        let mut keys: Vec<String> = v.as_object().expect("object").keys().cloned().collect();
        keys.sort();
        keys
    };
    assert_eq!(keys(&schemas["AuditListJson"]["properties"]), keys(&body));
    let entry = &schemas["AuditEntryJson"];
    for sent in body["entries"].as_array().expect("entries") {
        assert_eq!(keys(&entry["properties"]), keys(sent));
        let actions = entry["properties"]["action"]["enum"]
            .as_array()
            .expect("action codes");
        assert!(actions.contains(&sent["action"]), "{}", sent["action"]);
    }
    let parameters = doc["paths"]["/api/v1/audit"]["get"]["parameters"]
        .as_array()
        .expect("parameters");
    let mut names: Vec<&str> = parameters
        .iter()
        .filter_map(|p| p["name"].as_str())
        .collect();
    names.sort_unstable();
    assert_eq!(
        names,
        [
            "action", "case", "from", "page", "security", "staff", "until"
        ]
    );
}
