//! The I-589 data sheet (issue 16): `/cases/{id}/i589` prints every item of the form in its
//! order, in English, "NONE"/"N/A" filled in and a missing item marked; the API's
//! `/api/v1/cases/{id}/i589` gives the same content as JSON, as the OpenAPI document
//! describes it. Both are read like the case file: by whoever may read it, and audited as a
//! view of it. Runs on SQLite, and on PostgreSQL with `REFUGE_TEST_POSTGRES_URL`.

use diesel::prelude::*;
use refuge::db::audit_log::AuditFilter;
use refuge::db::schema::staff;
use refuge::db::uuid::DbUuid;
use refuge::domain::audit::AuditAction;
use refuge::domain::staff::Role;
use serde_json::Value;

use crate::helpers::{
    PASSWORD, Session, TestApp, client, complete_intake, saved_case_id, spawn_app,
};

/// Saves a draft intake of `fields` and returns its case's id.
async fn save(app: &TestApp, lawyer: &Session, fields: &[(String, String)]) -> uuid::Uuid {
    let pairs: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    saved_case_id(&app.post_form(&lawyer.client, "/intake", &pairs).await)
}

/// `fields` with `name` set to `value` (added if absent).
fn with(mut fields: Vec<(String, String)>, name: &str, value: &str) -> Vec<(String, String)> {
    match fields.iter_mut().find(|(k, _)| k == name) {
        Some((_, v)) => *v = value.to_string(),
        None => fields.push((name.to_string(), value.to_string())),
    }
    fields
}

/// A complete case as the demo office has them: every item answered, the family's names
/// in their own alphabet too (rows: 0 spouse, 1 child, 2 parent, 3 sibling).
fn complete(lawyer: &Session) -> Vec<(String, String)> {
    let mut fields = complete_intake(&lawyer.staff.id.to_string());
    for (row, native) in [
        (0, "Андрій Коваленко"),
        (1, "Марія Коваленко"),
        (2, "Олена Шевчук"),
        (3, "Тарас Шевчук"),
    ] {
        fields = with(fields, &format!("family.{row}.native_name"), native);
    }
    fields
}

async fn sheet_json(app: &TestApp, token: &str, id: uuid::Uuid) -> reqwest::Response {
    client()
        .get(app.url(&format!("/api/v1/cases/{id}/i589")))
        .bearer_auth(token)
        .send()
        .await
        .expect("the API answers")
}

async fn lawyer_and_token(app: &TestApp) -> (Session, String) {
    let lawyer = app.login_as(Role::Lawyer).await;
    let token = app.api_token(&lawyer.staff.email, PASSWORD).await;
    (lawyer, token)
}

/// Every item of the JSON sheet, as (number, item).
fn items(sheet: &Value) -> Vec<(String, Value)> {
    sheet["parts"]
        .as_array()
        .expect("parts")
        .iter()
        .flat_map(|part| part["items"].as_array().expect("items").clone())
        .map(|item| (item["number"].as_str().expect("number").to_string(), item))
        .collect()
}

fn item(sheet: &Value, number: &str) -> Value {
    items(sheet)
        .into_iter()
        .find(|(n, _)| n == number)
        .unwrap_or_else(|| panic!("no item {number}"))
        .1
}

#[actix_web::test]
async fn the_sheet_of_a_complete_case() {
    let app = spawn_app().await;
    let (lawyer, token) = lawyer_and_token(&app).await;
    let id = save(&app, &lawyer, &complete(&lawyer)).await;
    let response = sheet_json(&app, &token, id).await;
    assert_eq!(response.status(), 200);
    let mut sheet: Value = response.json().await.expect("JSON");
    assert_eq!(sheet["case_id"], id.to_string());
    assert_eq!(sheet["ready"], sheet["total"], "{sheet}");
    // The case's own id and reference differ from run to run.
    sheet["case_id"] = "[case id]".into();
    sheet["reference"] = "[reference]".into();
    insta::assert_snapshot!(serde_json::to_string_pretty(&sheet).expect("JSON"));
}

#[actix_web::test]
async fn the_page_prints_what_the_json_says_part_by_part_in_the_forms_order() {
    let app = spawn_app().await;
    let (lawyer, token) = lawyer_and_token(&app).await;
    let id = save(&app, &lawyer, &complete(&lawyer)).await;
    let sheet: Value = sheet_json(&app, &token, id)
        .await
        .json()
        .await
        .expect("JSON");
    let (status, page) = app.page(&lawyer.client, &format!("/cases/{id}/i589")).await;
    assert_eq!(status, 200);

    // One section per part, in the form's order, each item in the JSON's order with its
    // number, label and every value.
    let mut at = 0;
    for part in sheet["parts"].as_array().expect("parts") {
        let title = part["title"].as_str().expect("title");
        let found = page[at..]
            .find(&format!("<h2>{title}</h2>"))
            .unwrap_or_else(|| panic!("{title} is not next"));
        at += found;
        for item in part["items"].as_array().expect("items") {
            let number = item["number"].as_str().expect("number");
            at += page[at..]
                .find(&format!("<code>{number}</code>"))
                .unwrap_or_else(|| panic!("{number} is not next"));
            let row_end = at + page[at..].find("</tr>").expect("the row ends");
            let row = &page[at..row_end];
            for value in item["values"].as_array().expect("values") {
                let value = value.as_str().expect("value");
                let escaped = value.replace('\'', "&#39;").replace('"', "&#34;");
                assert!(
                    row.contains(&value.replace('&', "&amp;")) || row.contains(&escaped),
                    "{number}: {value} not in {row}"
                );
            }
        }
    }
    assert!(
        page.contains("<div lang=\"en\">"),
        "the sheet is in English"
    );
}

#[actix_web::test]
async fn the_sheet_is_in_english_with_native_names_and_nones_filled_in() {
    let app = spawn_app().await;
    let (lawyer, token) = lawyer_and_token(&app).await;
    let id = save(&app, &lawyer, &complete(&lawyer)).await;
    let sheet: Value = sheet_json(&app, &token, id)
        .await
        .json()
        .await
        .expect("JSON");
    let expect = |number: &str, state: &str, values: &[&str]| {
        let item = item(&sheet, number);
        assert_eq!(item["state"], state, "{number}: {item}");
        assert_eq!(item["values"], serde_json::json!(values), "{number}");
    };
    expect("A.I.1", "none", &["NONE"]);
    expect("A.I.4", "answered", &["Kovalenko"]);
    expect("A.I.6", "none", &["NONE"]);
    expect("A.I.10", "answered", &["Female"]);
    expect("A.I.12", "answered", &["03/04/1990"]);
    expect("A.I.13.country", "answered", &["Ukraine"]);
    expect("A.II.child.1.marital_status", "answered", &["Single"]);
    expect("A.II.child.1.in_us", "answered", &["No"]);
    expect("A.II.spouse.1.in_us", "answered", &["Yes"]);
    expect(
        "A.III.5.mother",
        "answered",
        &["Olena Shevchuk", "Poltava", "Ukraine", "Kharkiv, Ukraine"],
    );
    expect(
        "A.III.5.siblings",
        "answered",
        &["Taras Shevchuk, Kharkiv, Ukraine, Kyiv, Ukraine"],
    );
    expect(
        "A.III.1",
        "answered",
        &[
            "Sumska 17",
            "Kharkiv",
            "N/A",
            "Ukraine",
            "04/2019",
            "05/2025",
        ],
    );
    expect("B.1", "answered", &["Political opinion"]);
    expect("C.5", "answered", &["No"]);
    assert_eq!(
        item(&sheet, "A.I.4")["native_name"],
        "Оксана Коваленко",
        "beside the Latin name"
    );
    assert_eq!(
        item(&sheet, "A.II.spouse.1.family_name")["native_name"],
        "Андрій Коваленко"
    );
    // Part A.III.5 is the form's answer about parents and siblings: the family list's
    // parent and sibling give no item of their own.
    assert!(
        items(&sheet)
            .iter()
            .all(|(number, _)| !number.starts_with("A.III.5.parent")
                && !number.starts_with("A.III.5.sibling.")),
        "{sheet}"
    );
    assert_eq!(item(&sheet, "A.I.5")["native_name"], Value::Null);

    // For a reader in Russian: the chrome is the reader's, the sheet stays in English.
    let staff_id = DbUuid(lawyer.staff.id.as_uuid());
    app.state
        .db
        .run(move |conn| {
            diesel::update(staff::table.filter(staff::id.eq(staff_id)))
                .set(staff::language.eq("ru"))
                .execute(conn)?;
            Ok(())
        })
        .await
        .expect("the lawyer reads Russian");
    let (status, page) = app.page(&lawyer.client, &format!("/cases/{id}/i589")).await;
    assert_eq!(status, 200);
    assert!(page.contains("Лист данных I-589"), "the reader's chrome");
    assert!(page.contains("Part A.I. Information About You"));
    assert!(page.contains("Political opinion"));
    assert!(page.contains("Оксана Коваленко"));
}

#[actix_web::test]
async fn a_missing_item_is_marked_and_a_rule_s_item_says_n_a() {
    let app = spawn_app().await;
    let (lawyer, token) = lawyer_and_token(&app).await;
    // No middle name, a yes without its explanation, and no spouse (the spouse's row is
    // a sibling's now): the spouse's items are gone, not N/A; the I-94 of an entry without
    // inspection is N/A.
    let fields = with(complete(&lawyer), "client.middle_name", "");
    let fields = with(fields, "claim_answers.past_harm.answer", "yes");
    let fields = with(fields, "entry.manner_of_entry", "without_inspection");
    let fields = with(fields, "entry.i94_number", "");
    let id = save(&app, &lawyer, &fields).await;
    let sheet: Value = sheet_json(&app, &token, id)
        .await
        .json()
        .await
        .expect("JSON");
    assert_eq!(item(&sheet, "A.I.6")["state"], "missing");
    assert_eq!(item(&sheet, "A.I.6")["values"], serde_json::json!([]));
    assert_eq!(item(&sheet, "B.1A")["state"], "missing");
    assert_eq!(item(&sheet, "B.1A")["values"], serde_json::json!(["Yes"]));
    assert_eq!(item(&sheet, "A.I.19b")["state"], "not_applicable");
    assert_eq!(
        item(&sheet, "A.I.19b")["values"],
        serde_json::json!(["N/A"])
    );
    let total = sheet["total"].as_u64().expect("total");
    assert_eq!(sheet["ready"].as_u64(), Some(total - 2));

    let (status, page) = app.page(&lawyer.client, &format!("/cases/{id}/i589")).await;
    assert_eq!(status, 200);
    let row = |number: &str| {
        let start = page
            .find(&format!("id=\"item-{number}\""))
            .unwrap_or_else(|| panic!("no row {number}"));
        let end = start + page[start..].find("</tr>").expect("row ends");
        page[start..end].to_string()
    };
    assert!(row("A.I.6").contains("MISSING"), "{}", row("A.I.6"));
    assert!(row("B.1A").contains("MISSING"));
    assert!(!row("A.I.4").contains("MISSING"));
    assert!(row("A.I.19b").contains("N/A"));
    assert!(page.contains("2 MISSING"));
}

#[actix_web::test]
async fn the_case_page_links_to_the_sheet_and_its_print_rules_keep_items_whole() {
    let app = spawn_app().await;
    let (lawyer, _) = lawyer_and_token(&app).await;
    let id = save(&app, &lawyer, &complete(&lawyer)).await;
    let (_, case_page) = app.page(&lawyer.client, &format!("/cases/{id}")).await;
    assert!(
        case_page.contains(&format!("href=\"/cases/{id}/i589\">I-589 data sheet</a>")),
        "the case page links to the sheet"
    );
    let (_, css) = app.page(&lawyer.client, "/static/style.css").await;
    let print = css
        .split("@media print")
        .find(|rules| rules.contains(".sheet-part"))
        .expect("print rules for the sheet");
    assert!(print.contains(".sheet-part { break-before: page"));
    assert!(css.contains(".sheet-item { break-inside: avoid"));
    assert!(css.contains(".site-header") && css.contains("display: none"));
}

#[actix_web::test]
async fn the_json_matches_the_documented_schema() {
    let app = spawn_app().await;
    let (lawyer, token) = lawyer_and_token(&app).await;
    let doc: Value = client()
        .get(app.url("/api/v1/openapi.json"))
        .send()
        .await
        .expect("document")
        .json()
        .await
        .expect("json");
    // A complete case, and one with every kind of state (a blank intake).
    let complete = save(&app, &lawyer, &complete(&lawyer)).await;
    let blank = save(
        &app,
        &lawyer,
        &[
            ("client.family_name".into(), "Blank".into()),
            ("action".into(), "save_draft".into()),
        ],
    )
    .await;
    for id in [complete, blank] {
        let response = sheet_json(&app, &token, id).await;
        assert_eq!(response.status(), 200);
        let body: Value = response.json().await.expect("json");
        crate::api_contract::check_against_document(
            &doc,
            "get",
            "/api/v1/cases/{id}/i589",
            200,
            &body,
        );
    }
    let states = &doc["components"]["schemas"]["SheetState"]["enum"];
    assert_eq!(
        states,
        &serde_json::json!(["answered", "none", "not_applicable", "missing"])
    );
}

#[actix_web::test]
async fn only_who_may_read_the_case_file_reads_its_sheet() {
    let app = spawn_app().await;
    let (lawyer, _) = lawyer_and_token(&app).await;
    let id = save(&app, &lawyer, &complete(&lawyer)).await;
    let paralegal = app.login_as(Role::Paralegal).await;
    let paralegal_token = app.api_token(&paralegal.staff.email, PASSWORD).await;

    // A paralegal not assigned to the case: 403, and nothing of the client.
    let (status, page) = app
        .page(&paralegal.client, &format!("/cases/{id}/i589"))
        .await;
    assert_eq!(status, 403);
    assert!(!page.contains("Kovalenko"));
    let response = sheet_json(&app, &paralegal_token, id).await;
    assert_eq!(response.status(), 403);
    assert!(!response.text().await.expect("body").contains("Kovalenko"));

    // No such case: 404; a malformed id names nothing.
    let (_, token) = lawyer_and_token(&app).await;
    let unknown = uuid::Uuid::new_v4();
    assert_eq!(sheet_json(&app, &token, unknown).await.status(), 404);
    let (status, _) = app
        .page(&lawyer.client, &format!("/cases/{unknown}/i589"))
        .await;
    assert_eq!(status, 404);
    let (status, _) = app.page(&lawyer.client, "/cases/not-a-case/i589").await;
    assert_eq!(status, 404);

    // Not signed in.
    let response = client()
        .get(app.url(&format!("/api/v1/cases/{id}/i589")))
        .send()
        .await
        .expect("answer");
    assert_eq!(response.status(), 401);
}

#[actix_web::test]
async fn reading_the_sheet_is_audited_as_a_view_of_the_case_file() {
    let app = spawn_app().await;
    let (lawyer, token) = lawyer_and_token(&app).await;
    let id = save(&app, &lawyer, &complete(&lawyer)).await;
    let views = || {
        app.audit(AuditFilter {
            action: Some(AuditAction::CaseViewed.code().into()),
            target_id: Some(id.to_string()),
            ..AuditFilter::default()
        })
    };
    let before = views().await.len();
    let (status, _) = app.page(&lawyer.client, &format!("/cases/{id}/i589")).await;
    assert_eq!(status, 200);
    let after_page = views().await;
    assert_eq!(after_page.len(), before + 1, "the page's read");
    assert_eq!(
        after_page[0].actor_id.map(|a| a.0),
        Some(lawyer.staff.id.as_uuid())
    );
    assert_eq!(after_page[0].target_type.as_deref(), Some("case"));

    assert_eq!(sheet_json(&app, &token, id).await.status(), 200);
    let after_api = views().await;
    assert_eq!(after_api.len(), before + 2, "the API's read");
    // Nothing of the client in the entry.
    assert!(!after_api[0].details.contains("Kovalenko"));

    // A refused read leaves no view.
    let paralegal = app.login_as(Role::Paralegal).await;
    let (status, _) = app
        .page(&paralegal.client, &format!("/cases/{id}/i589"))
        .await;
    assert_eq!(status, 403);
    assert_eq!(views().await.len(), before + 2);
}
