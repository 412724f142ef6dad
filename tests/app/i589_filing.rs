//! Filing the I-589 (issue 16): a case moves to `filed` only when the completeness check
//! finds nothing missing, or when a lawyer writes why it is filed anyway. The page shows the
//! stage form again with the missing items; the API answers a 409 problem that lists them.
//! The override is stored with its reason sealed, audited without the reason, and shown on
//! the case; anyone but a lawyer sending a reason is refused and nothing changes. Runs on
//! SQLite, and on PostgreSQL with `REFUGE_TEST_POSTGRES_URL`.

use diesel::prelude::*;
use refuge::db::audit_log::AuditFilter;
use refuge::db::uuid::DbUuid;
use refuge::domain::case_stage::CaseStage;
use refuge::domain::staff::Role;
use serde_json::{Value, json};

use crate::helpers::{
    PASSWORD, Session, TestApp, client, field_error, input_value, saved_case_id, spawn_app,
};

const REASON: &str =
    "Zqxreason: the one-year deadline is tomorrow; the gaps are sent as a supplement";

/// A draft case with only the client's name (most I-589 items missing), for `lawyer` and
/// assigned to `paralegal`, put at `drafting`.
async fn drafting(app: &TestApp, lawyer: &Session, paralegal: Option<&Session>) -> uuid::Uuid {
    let lawyer_id = lawyer.staff.id.to_string();
    let paralegal_id = paralegal
        .map(|p| p.staff.id.to_string())
        .unwrap_or_default();
    let response = app
        .post_form(
            &lawyer.client,
            "/intake",
            &[
                ("client.family_name", "Kovalenko"),
                ("client.given_name", "Oksana"),
                ("claim.kind", "affirmative"),
                ("claim.lawyer_id", &lawyer_id),
                ("claim.paralegal_id", &paralegal_id),
                ("action", "save_draft"),
            ],
        )
        .await;
    let id = saved_case_id(&response);
    app.put_at(id, CaseStage::Drafting, &lawyer.staff).await;
    id
}

async fn stage_of(app: &TestApp, id: uuid::Uuid) -> CaseStage {
    app.state
        .db
        .run(move |conn| Ok(refuge::db::cases::find(conn, id)?.expect("the case")))
        .await
        .expect("case row")
        .stage()
        .expect("a stage")
}

/// The case's overrides as stored: (missing_count, missing_items, reason as stored).
async fn stored_overrides(app: &TestApp, id: uuid::Uuid) -> Vec<(i32, String, String)> {
    app.state
        .db
        .run(move |conn| {
            // The raw column, not opened: `Sealed` would open it.
            Ok(diesel::sql_query(
                "SELECT missing_count, missing_items, reason FROM i589_overrides \
                 WHERE case_id = $1",
            )
            .bind::<refuge::db::uuid::PortableUuid, _>(DbUuid(id))
            .load::<RawOverride>(conn)?
            .into_iter()
            .map(|r| (r.missing_count, r.missing_items, r.reason))
            .collect())
        })
        .await
        .expect("overrides")
}

#[derive(QueryableByName)]
struct RawOverride {
    #[diesel(sql_type = diesel::sql_types::Integer)]
    missing_count: i32,
    #[diesel(sql_type = diesel::sql_types::Text)]
    missing_items: String,
    #[diesel(sql_type = diesel::sql_types::Text)]
    reason: String,
}

/// The numbers of the items the data sheet marks missing, in the form's order.
async fn missing_on_the_sheet(app: &TestApp, token: &str, id: uuid::Uuid) -> Vec<String> {
    let sheet: Value = client()
        .get(app.url(&format!("/api/v1/cases/{id}/i589")))
        .bearer_auth(token)
        .send()
        .await
        .expect("the API answers")
        .json()
        .await
        .expect("JSON");
    sheet["parts"]
        .as_array()
        .expect("parts")
        .iter()
        .flat_map(|part| part["items"].as_array().expect("items").clone())
        .filter(|item| item["state"] == "missing")
        .map(|item| item["number"].as_str().expect("number").to_string())
        .collect()
}

/// The stage form's list of missing items: (number, link).
fn refused_items(page: &str) -> Vec<(String, String)> {
    let Some(start) = page.find("<div id=\"stage_missing_items\">") else {
        return Vec::new();
    };
    let end = start + page[start..].find("</div>").expect("the list ends");
    page[start..end]
        .split("<li><a href=\"")
        .skip(1)
        .filter_map(|li| {
            let (link, rest) = li.split_once('"')?;
            let number = rest.split("<code>").nth(1)?.split("</code>").next()?;
            Some((number.to_string(), link.to_string()))
        })
        .collect()
}

async fn transition(app: &TestApp, token: &str, id: uuid::Uuid, body: Value) -> reqwest::Response {
    client()
        .post(app.url(&format!("/api/v1/cases/{id}/transitions")))
        .bearer_auth(token)
        .json(&body)
        .send()
        .await
        .expect("the API answers")
}

#[actix_web::test]
async fn the_page_refuses_filing_with_the_missing_items_linked_to_their_fields() {
    let app = spawn_app().await;
    let lawyer = app.login_as(Role::Lawyer).await;
    let token = app.api_token(&lawyer.staff.email, PASSWORD).await;
    let id = drafting(&app, &lawyer, None).await;

    let response = app
        .post_form(
            &lawyer.client,
            &format!("/cases/{id}/stage"),
            &[("to", "filed"), ("note", "sent by courier")],
        )
        .await;
    assert_eq!(response.status(), 409);
    let page = response.text().await.expect("page");
    assert_eq!(stage_of(&app, id).await, CaseStage::Drafting);
    assert!(page.contains("Not filed: the I-589 still has"), "{page}");
    // Every item the data sheet marks missing, in its order, each linked to its field.
    let listed = refused_items(&page);
    let expected = missing_on_the_sheet(&app, &token, id).await;
    assert!(!expected.is_empty());
    assert_eq!(
        listed.iter().map(|(n, _)| n.clone()).collect::<Vec<_>>(),
        expected
    );
    assert!(
        listed
            .iter()
            .any(|(n, link)| n == "A.I.6"
                && *link == format!("/cases/{id}/intake#client.middle_name")),
        "{listed:?}"
    );
    // The form comes back as typed, with the lawyer told where a reason would go.
    assert_eq!(
        input_value(&page, "note").as_deref(),
        Some("sent by courier")
    );
    assert_eq!(
        field_error(&page, "stage_override_reason").as_deref(),
        Some("To file with items missing, write the reason here.")
    );
    let refused_moves = app
        .audit(AuditFilter {
            action: Some("case.stage_changed".into()),
            target_id: Some(id.to_string()),
            ..AuditFilter::default()
        })
        .await;
    assert!(refused_moves.is_empty(), "nothing moved: {refused_moves:?}");
}

#[actix_web::test]
async fn the_api_refuses_filing_with_a_problem_listing_the_missing_items() {
    let app = spawn_app().await;
    let lawyer = app.login_as(Role::Lawyer).await;
    let token = app.api_token(&lawyer.staff.email, PASSWORD).await;
    let id = drafting(&app, &lawyer, None).await;

    let response = transition(&app, &token, id, json!({ "to": "filed" })).await;
    assert_eq!(response.status(), 409);
    let problem: Value = response.json().await.expect("problem");
    assert_eq!(problem["type"], "urn:refuge:problem:incomplete-i589");
    let items = problem["missing_items"].as_array().expect("missing_items");
    let numbers: Vec<String> = items
        .iter()
        .map(|i| i["number"].as_str().expect("number").to_string())
        .collect();
    assert_eq!(numbers, missing_on_the_sheet(&app, &token, id).await);
    let middle = items
        .iter()
        .find(|i| i["number"] == "A.I.6")
        .expect("the middle name is missing");
    assert_eq!(middle["part"], "A.I");
    assert_eq!(middle["field"], "client.middle_name");
    assert!(middle["label"].as_str().is_some_and(|l| !l.is_empty()));
    assert_eq!(stage_of(&app, id).await, CaseStage::Drafting);
}

#[actix_web::test]
async fn a_complete_case_is_filed_with_no_override() {
    let app = spawn_app().await;
    let lawyer = app.login_as(Role::Lawyer).await;
    let id = app.complete_case(&lawyer).await;
    app.put_at(id, CaseStage::Drafting, &lawyer.staff).await;

    let response = app
        .post_form(
            &lawyer.client,
            &format!("/cases/{id}/stage"),
            &[("to", "filed")],
        )
        .await;
    assert_eq!(response.status(), 303);
    assert_eq!(stage_of(&app, id).await, CaseStage::Filed);
    assert!(stored_overrides(&app, id).await.is_empty());
}

#[actix_web::test]
async fn a_lawyers_reason_files_the_case_stored_sealed_audited_without_it_and_shown() {
    let app = spawn_app().await;
    let lawyer = app.login_as(Role::Lawyer).await;
    let paralegal = app.login_as(Role::Paralegal).await;
    let token = app.api_token(&lawyer.staff.email, PASSWORD).await;
    let id = drafting(&app, &lawyer, Some(&paralegal)).await;
    let missing = missing_on_the_sheet(&app, &token, id).await;

    let response = app
        .post_form(
            &lawyer.client,
            &format!("/cases/{id}/stage"),
            &[("to", "filed"), ("override_reason", REASON)],
        )
        .await;
    assert_eq!(response.status(), 303);
    assert_eq!(stage_of(&app, id).await, CaseStage::Filed);

    // Stored: the count, the numbers, and the reason sealed.
    let stored = stored_overrides(&app, id).await;
    assert_eq!(stored.len(), 1);
    let (count, items, reason) = &stored[0];
    assert_eq!(*count as usize, missing.len());
    assert_eq!(*items, missing.join(" "));
    assert!(reason.starts_with("enc:v1:"), "sealed: {reason}");
    assert!(!reason.contains("Zqxreason"));
    assert_eq!(app.state.db.keys().open(reason).expect("opens"), REASON);

    // Audited with the count and the numbers, never the reason.
    let entries = app
        .audit(AuditFilter {
            action: Some("case.i589_check_overridden".into()),
            target_id: Some(id.to_string()),
            ..AuditFilter::default()
        })
        .await;
    assert_eq!(entries.len(), 1);
    assert_eq!(
        entries[0].actor_id.map(|a| a.0),
        Some(lawyer.staff.id.as_uuid())
    );
    let details: Value = serde_json::from_str(&entries[0].details).expect("details");
    assert_eq!(details["missing_count"], missing.len());
    assert_eq!(details["missing_items"], json!(missing));
    assert!(!entries[0].details.contains("Zqxreason"));

    // Shown on the case to whoever reads it: the assigned paralegal too, and in the API.
    let line = format!(
        "Filed with {} items missing — overridden by {}",
        missing.len(),
        lawyer.staff.display_name
    );
    for reader in [&lawyer, &paralegal] {
        let (status, page) = app.page(&reader.client, &format!("/cases/{id}")).await;
        assert_eq!(status, 200);
        assert!(page.contains(&line), "{line} not in the page");
        assert!(page.contains("Zqxreason: the one-year deadline is tomorrow"));
    }
    let case: Value = client()
        .get(app.url(&format!("/api/v1/cases/{id}")))
        .bearer_auth(&token)
        .send()
        .await
        .expect("the API answers")
        .json()
        .await
        .expect("JSON");
    assert_eq!(case["i589_overrides"][0]["reason"], REASON);
    assert_eq!(case["i589_overrides"][0]["missing_items"], json!(missing));
    assert_eq!(
        case["i589_overrides"][0]["by"].as_str(),
        Some(lawyer.staff.display_name.as_str())
    );
}

#[actix_web::test]
async fn the_api_takes_a_lawyers_override_reason() {
    let app = spawn_app().await;
    let lawyer = app.login_as(Role::Lawyer).await;
    let token = app.api_token(&lawyer.staff.email, PASSWORD).await;
    let id = drafting(&app, &lawyer, None).await;

    let response = transition(
        &app,
        &token,
        id,
        json!({ "to": "filed", "override_reason": REASON }),
    )
    .await;
    assert_eq!(response.status(), 200);
    assert_eq!(stage_of(&app, id).await, CaseStage::Filed);
    assert_eq!(stored_overrides(&app, id).await.len(), 1);
}

#[actix_web::test]
async fn an_assigned_paralegal_or_an_admin_sending_a_reason_is_refused_and_nothing_changes() {
    let app = spawn_app().await;
    let lawyer = app.login_as(Role::Lawyer).await;
    let paralegal = app.login_as(Role::Paralegal).await;
    let admin = app.login_as(Role::Admin).await;
    let paralegal_token = app.api_token(&paralegal.staff.email, PASSWORD).await;
    let id = drafting(&app, &lawyer, Some(&paralegal)).await;

    for who in [&paralegal, &admin] {
        let response = app
            .post_form(
                &who.client,
                &format!("/cases/{id}/stage"),
                &[("to", "filed"), ("override_reason", REASON)],
            )
            .await;
        assert_eq!(response.status(), 403, "{}", who.staff.role);
    }
    let response = transition(
        &app,
        &paralegal_token,
        id,
        json!({ "to": "filed", "override_reason": REASON }),
    )
    .await;
    assert_eq!(response.status(), 403);
    assert_eq!(stage_of(&app, id).await, CaseStage::Drafting);
    assert!(stored_overrides(&app, id).await.is_empty());

    // The same paralegal may move the case otherwise: the 403 is the reason's.
    let response = transition(&app, &paralegal_token, id, json!({ "to": "filed" })).await;
    assert_eq!(response.status(), 409, "refused for the missing items only");
    // A paralegal does not see the reason's field.
    let (_, page) = app.page(&paralegal.client, &format!("/cases/{id}")).await;
    assert!(!page.contains("name=\"override_reason\""));
    let (_, page) = app.page(&lawyer.client, &format!("/cases/{id}")).await;
    assert!(page.contains("name=\"override_reason\""));
}

#[actix_web::test]
async fn a_blank_reason_is_no_override() {
    let app = spawn_app().await;
    let lawyer = app.login_as(Role::Lawyer).await;
    let token = app.api_token(&lawyer.staff.email, PASSWORD).await;
    let id = drafting(&app, &lawyer, None).await;

    let response = app
        .post_form(
            &lawyer.client,
            &format!("/cases/{id}/stage"),
            &[("to", "filed"), ("override_reason", "  \n ")],
        )
        .await;
    assert_eq!(response.status(), 409);
    let page = response.text().await.expect("page");
    assert_eq!(
        field_error(&page, "stage_override_reason").as_deref(),
        Some("To file with items missing, write the reason here.")
    );
    assert!(!refused_items(&page).is_empty());
    let response = transition(
        &app,
        &token,
        id,
        json!({ "to": "filed", "override_reason": " " }),
    )
    .await;
    assert_eq!(response.status(), 409);
    assert_eq!(stage_of(&app, id).await, CaseStage::Drafting);
    assert!(stored_overrides(&app, id).await.is_empty());
}

#[actix_web::test]
async fn a_reason_longer_than_a_stage_note_may_be_is_refused_at_its_field() {
    let app = spawn_app().await;
    let lawyer = app.login_as(Role::Lawyer).await;
    let id = drafting(&app, &lawyer, None).await;
    let long = "x".repeat(2_001);

    let response = app
        .post_form(
            &lawyer.client,
            &format!("/cases/{id}/stage"),
            &[("to", "filed"), ("override_reason", &long)],
        )
        .await;
    assert_eq!(response.status(), 422);
    let page = response.text().await.expect("page");
    assert!(
        field_error(&page, "stage_override_reason")
            .is_some_and(|m| m.contains("2000") || m.contains("2,000")),
        "{page}"
    );
    assert!(page.contains(&long), "the reason is kept as typed");
    assert_eq!(stage_of(&app, id).await, CaseStage::Drafting);
    assert!(stored_overrides(&app, id).await.is_empty());
}
