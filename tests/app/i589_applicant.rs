//! I-589 Part A.I in the case file (the items the client's details did not hold): typed into
//! the intake page and through the JSON API, saved and shown again; bad input in each kind of
//! field refused at its field with every entry kept; the sealed columns holding no plaintext;
//! the audit log naming the fields changed without their values; a case from before this
//! version read with every one of them empty. Runs on SQLite, and on PostgreSQL with
//! `REFUGE_TEST_POSTGRES_URL`.

use chrono::NaiveDate;
use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use refuge::db::audit_log::AuditFilter;
use refuge::domain::applicant::CourtProceedings;
use refuge::domain::claim_answers::Answer;
use refuge::domain::codes::MaritalStatus;
use refuge::domain::staff::Role;
use refuge::services::cases;
use serde_json::{Value, json};

use crate::helpers::{
    Session, TestApp, client, field_error, input_value, is_postgres, saved_case_id, spawn_app,
};
use crate::i589_background::is_ticked;

const IN_CARE_OF: &str = "Parish office of St. Anne";
const STREET: &str = "1200 Market Street";
const CITY_OF_BIRTH: &str = "Vitebsk";
const ETHNIC_GROUP: &str = "Belarusian";
const RELIGION: &str = "Greek Catholic";
const DIALECT: &str = "Trasianka";
const ENTRY_PLACE: &str = "San Ysidro port of entry";
const EARLIER_PLACE: &str = "JFK International Airport";

/// A complete intake with every Part A.I field filled and two entries into the US.
fn intake_fields(lawyer_id: &str) -> Vec<(&str, &str)> {
    vec![
        ("client.family_name", "Lukashevich"),
        ("client.given_name", "Alena"),
        ("client.middle_name", "NONE"),
        ("client.date_of_birth", "1988-09-30"),
        ("client.nationalities", "BY"),
        ("client.country_of_birth", "BY"),
        ("entry.last_arrival_on", "2025-02-10"),
        ("claim.kind", "affirmative"),
        ("claim.lawyer_id", lawyer_id),
        ("applicant.ssn", "123-45-6789"),
        ("applicant.uscis_account_number", "none"),
        ("applicant.mailing_same_as_residence", "no"),
        ("applicant.mailing_in_care_of", IN_CARE_OF),
        ("applicant.mailing_phone", "+1 619 555 0142"),
        ("applicant.mailing_street", STREET),
        ("applicant.mailing_apartment", "4B"),
        ("applicant.mailing_city", "San Diego"),
        ("applicant.mailing_state", "CA"),
        ("applicant.mailing_zip", "92101-1234"),
        ("applicant.marital_status", "divorced"),
        ("applicant.city_of_birth", CITY_OF_BIRTH),
        ("applicant.nationality_at_birth", "by"),
        ("applicant.ethnic_group", ETHNIC_GROUP),
        ("applicant.religion", RELIGION),
        ("applicant.court_proceedings", "past"),
        ("applicant.left_home_country_on", "2025-01-28"),
        ("applicant.travel_document_country", "BY"),
        ("applicant.native_language", "be"),
        ("applicant.native_dialect", DIALECT),
        ("applicant.fluent_in_english", "no"),
        ("us_entries.0.row", "new"),
        ("us_entries.0.arrived_on", "2025-02-10"),
        ("us_entries.0.place", ENTRY_PLACE),
        ("us_entries.0.status", "parole"),
        ("us_entries.0.status_expires_on", "2027-02-09"),
        ("us_entries.1.row", "new"),
        ("us_entries.1.arrived_on", "2019-07-01"),
        ("us_entries.1.place", EARLIER_PLACE),
        ("us_entries.1.status", "B-2"),
        ("us_entries.1.status_expires_on", "2019-12-31"),
        ("action", "complete"),
    ]
}

fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

async fn intake(app: &TestApp, lawyer: &Session, fields: &[(&str, &str)]) -> uuid::Uuid {
    saved_case_id(&app.post_form(&lawyer.client, "/intake", fields).await)
}

/// The value of the selected option of `<select id="{name}">`, `""` for the empty choice.
fn selected(html: &str, name: &str) -> Option<String> {
    let start = html.find(&format!("<select id=\"{name}\""))?;
    let select = &html[start..start + html[start..].find("</select>")?];
    let Some(option) = select.find("\" selected>") else {
        return Some(String::new());
    };
    let value_start = select[..option].rfind("value=\"")? + "value=\"".len();
    Some(select[value_start..option].to_string())
}

#[actix_web::test]
async fn part_a1_typed_into_the_intake_page_is_saved_and_shown_again() {
    let app = spawn_app().await;
    let lawyer = app.login_as(Role::Lawyer).await;
    let lawyer_id = lawyer.staff.id.to_string();
    let id = intake(&app, &lawyer, &intake_fields(&lawyer_id)).await;

    let file = cases::open(&app.state, &lawyer.staff, id, None)
        .await
        .expect("case opens");
    let a = &file.intake.applicant;
    assert_eq!(a.ssn, "123456789");
    assert_eq!(a.uscis_account_number, "NONE");
    assert_eq!(a.mailing_same_as_residence, Answer::No);
    assert_eq!(a.mailing_in_care_of, IN_CARE_OF);
    assert_eq!(a.mailing_street, STREET);
    assert_eq!(a.mailing_zip, "92101-1234");
    assert_eq!(a.marital_status, Some(MaritalStatus::Divorced));
    assert_eq!(a.city_of_birth, CITY_OF_BIRTH);
    assert_eq!(a.nationality_at_birth.as_deref(), Some("BY"));
    assert_eq!(a.ethnic_group, ETHNIC_GROUP);
    assert_eq!(a.religion, RELIGION);
    assert_eq!(a.court_proceedings, Some(CourtProceedings::Past));
    assert_eq!(a.left_home_country_on, date(2025, 1, 28));
    assert_eq!(a.travel_document_country.as_deref(), Some("BY"));
    assert_eq!(a.native_language.as_deref(), Some("be"));
    assert_eq!(a.native_dialect, DIALECT);
    assert_eq!(a.fluent_in_english, Answer::No);
    let entries = &file.intake.us_entries;
    assert_eq!(entries.len(), 2);
    assert_eq!(entries[0].arrived_on, date(2025, 2, 10));
    assert_eq!(entries[0].place, ENTRY_PLACE);
    assert_eq!(entries[0].status, "parole");
    assert_eq!(entries[0].status_expires_on, date(2027, 2, 9));
    assert_eq!(entries[1].place, EARLIER_PLACE);
    assert_eq!(entries[1].status, "B-2");

    let (status, edit) = app
        .page(&lawyer.client, &format!("/cases/{id}/intake"))
        .await;
    assert_eq!(status, 200);
    for (name, value) in [
        ("applicant.ssn", "123-45-6789"),
        ("applicant.uscis_account_number", "NONE"),
        ("applicant.mailing_street", STREET),
        ("applicant.mailing_zip", "92101-1234"),
        ("applicant.city_of_birth", CITY_OF_BIRTH),
        ("applicant.religion", RELIGION),
        ("applicant.native_dialect", DIALECT),
        ("applicant.left_home_country_on", "2025-01-28"),
        ("us_entries.0.place", ENTRY_PLACE),
        ("us_entries.1.arrived_on", "2019-07-01"),
        ("us_entries.1.status", "B-2"),
    ] {
        assert_eq!(input_value(&edit, name).as_deref(), Some(value), "{name}");
    }
    for (name, value) in [
        ("applicant.mailing_same_as_residence", "no"),
        ("applicant.marital_status", "divorced"),
        ("applicant.nationality_at_birth", "BY"),
        ("applicant.court_proceedings", "past"),
        ("applicant.native_language", "be"),
        ("applicant.fluent_in_english", "no"),
    ] {
        assert_eq!(selected(&edit, name).as_deref(), Some(value), "{name}");
    }
    assert!(edit.contains("Entry 2"), "each entry is a numbered row");
}

#[actix_web::test]
async fn bad_input_in_each_kind_of_field_comes_back_at_its_field_with_everything_kept() {
    let app = spawn_app().await;
    let lawyer = app.login_as(Role::Lawyer).await;
    let lawyer_id = lawyer.staff.id.to_string();
    let mut fields = intake_fields(&lawyer_id);
    let bad = [
        ("applicant.ssn", "123-45-678"),
        ("applicant.uscis_account_number", "12345"),
        ("applicant.mailing_zip", "9210"),
        ("applicant.nationality_at_birth", "XX"),
        ("applicant.native_language", "zz"),
        ("applicant.court_proceedings", "sometimes"),
        ("applicant.fluent_in_english", "perhaps"),
        ("applicant.left_home_country_on", "31.02.2025"),
        ("us_entries.1.status_expires_on", "2019-06-30"),
    ];
    fields.retain(|(name, _)| !bad.iter().any(|(b, _)| b == name));
    fields.extend(bad);

    let response = app.post_form(&lawyer.client, "/intake", &fields).await;
    assert_eq!(response.status(), 422);
    let html = response.text().await.expect("body");
    // Every problem at once: what does not parse, and what the checks say of the rest.
    for (field, message) in [
        (
            "applicant.ssn",
            "A Social Security number has nine digits (123-45-6789); write NONE if there is none.",
        ),
        (
            "applicant.uscis_account_number",
            "A USCIS online account number has twelve digits; write NONE if there is none.",
        ),
        (
            "applicant.mailing_zip",
            "A ZIP code has five digits, or five and four (12345-6789).",
        ),
        (
            "us_entries.1.status_expires_on",
            "The status cannot expire before the entry.",
        ),
    ] {
        assert_eq!(
            field_error(&html, field).as_deref(),
            Some(message),
            "{field}"
        );
    }
    for field in [
        "applicant.nationality_at_birth",
        "applicant.native_language",
        "applicant.court_proceedings",
        "applicant.fluent_in_english",
        "applicant.left_home_country_on",
    ] {
        assert!(field_error(&html, field).is_some(), "{field} is refused");
        assert!(
            html.contains(&format!("href=\"#{field}\"")),
            "the error summary leads to {field}"
        );
    }
    assert!(
        html.contains("href=\"#us_entries.1.status_expires_on\">Entry 2 — "),
        "the summary names the entry's row"
    );
    // Everything typed is kept, the mistakes as typed.
    for (name, value) in [
        ("applicant.ssn", "123-45-678"),
        ("applicant.uscis_account_number", "12345"),
        ("applicant.left_home_country_on", "31.02.2025"),
        ("applicant.mailing_street", STREET),
        ("applicant.religion", RELIGION),
        ("us_entries.0.place", ENTRY_PLACE),
        ("us_entries.1.status_expires_on", "2019-06-30"),
    ] {
        assert_eq!(input_value(&html, name).as_deref(), Some(value), "{name}");
    }
    for (name, value) in [
        ("applicant.court_proceedings", "sometimes"),
        ("applicant.nationality_at_birth", "XX"),
        ("applicant.marital_status", "divorced"),
    ] {
        assert_eq!(selected(&html, name).as_deref(), Some(value), "{name}");
    }
}

#[actix_web::test]
async fn entries_out_of_order_are_refused_at_the_later_one() {
    let app = spawn_app().await;
    let lawyer = app.login_as(Role::Lawyer).await;
    let lawyer_id = lawyer.staff.id.to_string();
    let mut fields = intake_fields(&lawyer_id);
    for (name, value) in fields.iter_mut() {
        *value = match *name {
            "us_entries.0.arrived_on" => "2019-07-01",
            "us_entries.0.status_expires_on" => "2019-12-31",
            "us_entries.1.arrived_on" => "2025-02-10",
            "us_entries.1.status_expires_on" => "2027-02-09",
            _ => value,
        };
    }
    let response = app.post_form(&lawyer.client, "/intake", &fields).await;
    assert_eq!(response.status(), 422);
    let html = response.text().await.expect("body");
    assert_eq!(
        field_error(&html, "us_entries.1.arrived_on").as_deref(),
        Some("List the entries from the most recent: this one is later than the one above it.")
    );
    assert_eq!(
        input_value(&html, "us_entries.0.arrived_on").as_deref(),
        Some("2019-07-01")
    );
}

async fn token(app: &TestApp, role: Role) -> (String, String) {
    let email = format!(
        "{role}-{}@office.example.org",
        uuid::Uuid::new_v4().simple()
    );
    let staff = app.create_staff(role, &email).await;
    (
        app.api_token(&email, crate::helpers::PASSWORD).await,
        staff.id.to_string(),
    )
}

fn api_intake(lawyer_id: &str) -> Value {
    json!({
        "client": {
            "family_name": "Lukashevich",
            "given_name": "Alena",
            "middle_name": "NONE",
            "date_of_birth": "1988-09-30",
            "nationalities": ["BY"]
        },
        "claim": { "kind": "affirmative", "lawyer_id": lawyer_id },
        "applicant": {
            "ssn": "NONE",
            "uscis_account_number": "0012 3456 7890",
            "mailing_same_as_residence": "yes",
            "marital_status": "married",
            "city_of_birth": CITY_OF_BIRTH,
            "nationality_at_birth": "BY",
            "religion": RELIGION,
            "court_proceedings": "now",
            "left_home_country_on": "2025-01-28",
            "native_language": "be",
            "fluent_in_english": "yes",
            "no_other_languages": true
        },
        "us_entries": [
            { "arrived_on": "2025-02-10", "place": ENTRY_PLACE, "status": "parole" }
        ]
    })
}

async fn create(app: &TestApp, token: &str, intake: Value) -> reqwest::Response {
    client()
        .post(app.url("/api/v1/cases"))
        .bearer_auth(token)
        .json(&json!({ "intake": intake, "complete": true }))
        .send()
        .await
        .expect("request")
}

async fn api_case(app: &TestApp, token: &str, id: &str) -> Value {
    let response = client()
        .get(app.url(&format!("/api/v1/cases/{id}")))
        .bearer_auth(token)
        .send()
        .await
        .expect("request");
    assert_eq!(response.status(), 200);
    response.json().await.expect("json")
}

fn error_fields(problem: &Value) -> Vec<String> {
    problem["errors"]
        .as_array()
        .expect("errors")
        .iter()
        .filter_map(|e| e["field"].as_str().map(str::to_string))
        .collect()
}

#[actix_web::test]
async fn the_api_takes_and_sends_part_a1() {
    let app = spawn_app().await;
    let (lawyer, lawyer_id) = token(&app, Role::Lawyer).await;
    let response = create(&app, &lawyer, api_intake(&lawyer_id)).await;
    assert_eq!(response.status(), 201);
    let created: Value = response.json().await.expect("json");
    let id = created["id"].as_str().expect("id");

    let intake = &api_case(&app, &lawyer, id).await["intake"];
    let a = &intake["applicant"];
    assert_eq!(a["ssn"], "NONE");
    assert_eq!(a["uscis_account_number"], "001234567890");
    assert_eq!(a["mailing_same_as_residence"], "yes");
    assert_eq!(a["mailing_street"], "");
    assert_eq!(a["marital_status"], "married");
    assert_eq!(a["city_of_birth"], CITY_OF_BIRTH);
    assert_eq!(a["court_proceedings"], "now");
    assert_eq!(a["left_home_country_on"], "2025-01-28");
    assert_eq!(a["travel_document_country"], Value::Null);
    assert_eq!(a["fluent_in_english"], "yes");
    assert_eq!(a["no_other_languages"], true);
    assert_eq!(
        intake["us_entries"],
        json!([{
            "arrived_on": "2025-02-10",
            "place": ENTRY_PLACE,
            "status": "parole",
            "status_expires_on": null
        }])
    );
}

#[actix_web::test]
async fn the_api_refuses_bad_part_a1_at_its_field() {
    let app = spawn_app().await;
    let (lawyer, lawyer_id) = token(&app, Role::Lawyer).await;
    let mut bad = api_intake(&lawyer_id);
    bad["applicant"]["ssn"] = json!("666-12-3456");
    bad["applicant"]["mailing_street"] = json!(STREET);
    bad["applicant"]["travel_document_country"] = json!("Atlantis");
    bad["us_entries"] = json!([
        { "arrived_on": "2019-07-01", "place": EARLIER_PLACE },
        { "arrived_on": "2025-02-10", "place": ENTRY_PLACE },
        { "place": "somewhere" }
    ]);
    let response = create(&app, &lawyer, bad).await;
    assert_eq!(response.status(), 422);
    let problem: Value = response.json().await.expect("json");
    assert_eq!(
        error_fields(&problem),
        vec![
            "applicant.ssn",
            "applicant.travel_document_country",
            "applicant.mailing_same_as_residence",
            "us_entries.2.arrived_on",
            "us_entries.1.arrived_on",
        ]
    );

    let mut unknown = api_intake(&lawyer_id);
    unknown["applicant"]["court_proceedings"] = json!("sometimes");
    assert_eq!(create(&app, &lawyer, unknown).await.status(), 400);
}

#[actix_web::test]
async fn the_openapi_document_describes_part_a1() {
    let app = spawn_app().await;
    let doc: Value = client()
        .get(app.url("/api/v1/openapi.json"))
        .send()
        .await
        .expect("request")
        .json()
        .await
        .expect("json");
    let schemas = &doc["components"]["schemas"];
    let properties = schemas["ApplicantDetails"]["properties"]
        .as_object()
        .expect("ApplicantDetails is described");
    for field in [
        "ssn",
        "uscis_account_number",
        "mailing_same_as_residence",
        "mailing_in_care_of",
        "mailing_phone",
        "mailing_street",
        "mailing_apartment",
        "mailing_city",
        "mailing_state",
        "mailing_zip",
        "marital_status",
        "city_of_birth",
        "nationality_at_birth",
        "ethnic_group",
        "religion",
        "court_proceedings",
        "left_home_country_on",
        "travel_document_country",
        "native_language",
        "native_dialect",
        "fluent_in_english",
        "no_other_languages",
    ] {
        assert!(properties.contains_key(field), "{field}");
    }
    let entry = schemas["UsEntry"]["properties"]
        .as_object()
        .expect("UsEntry is described");
    for field in ["arrived_on", "place", "status", "status_expires_on"] {
        assert!(entry.contains_key(field), "{field}");
    }
    assert_eq!(
        schemas["CourtProceedings"]["enum"],
        json!(["never", "now", "past"])
    );
    let intake = &schemas["Intake"]["properties"];
    assert!(intake["applicant"].is_object() && intake["us_entries"].is_object());
}

/// The stored text of every sealed column of Part A.I, as the database holds it.
async fn stored_sealed(app: &TestApp) -> Vec<String> {
    app.state
        .db
        .run(|conn| {
            #[derive(QueryableByName)]
            struct Stored {
                #[diesel(sql_type = diesel::sql_types::Text)]
                value: String,
            }
            let columns = refuge::db::resealing::SEALED_COLUMNS
                .iter()
                .filter(|c| matches!(c.table, "applicant_details" | "us_entries"));
            let mut values = Vec::new();
            for column in columns {
                let sql = format!("SELECT {} AS value FROM {}", column.column, column.table);
                let rows: Vec<Stored> = diesel::sql_query(sql).load(conn)?;
                values.extend(rows.into_iter().map(|r| r.value));
            }
            Ok(values)
        })
        .await
        .expect("the stored values")
}

#[actix_web::test]
async fn the_sealed_columns_hold_no_plaintext() {
    let app = spawn_app().await;
    let lawyer = app.login_as(Role::Lawyer).await;
    let lawyer_id = lawyer.staff.id.to_string();
    intake(&app, &lawyer, &intake_fields(&lawyer_id)).await;

    let stored = stored_sealed(&app).await;
    // 13 columns of the one client, and place and status of each of the two entries.
    assert_eq!(stored.len(), 13 + 2 * 2, "{stored:?}");
    for value in &stored {
        assert!(value.starts_with("enc:v1:"), "stored in clear: {value}");
    }
    let all = stored.join("\n");
    for typed in [
        "123456789",
        IN_CARE_OF,
        STREET,
        "92101",
        CITY_OF_BIRTH,
        ETHNIC_GROUP,
        RELIGION,
        DIALECT,
        ENTRY_PLACE,
        EARLIER_PLACE,
    ] {
        assert!(!all.contains(typed), "{typed} is stored in clear");
    }
}

#[actix_web::test]
async fn the_audit_log_names_part_a1_fields_without_their_values() {
    let app = spawn_app().await;
    let lawyer = app.login_as(Role::Lawyer).await;
    let lawyer_id = lawyer.staff.id.to_string();
    let id = intake(&app, &lawyer, &intake_fields(&lawyer_id)).await;
    let mut fields = intake_fields(&lawyer_id);
    for (name, value) in fields.iter_mut() {
        *value = match *name {
            "applicant.religion" => "Orthodox",
            "applicant.marital_status" => "married",
            "applicant.court_proceedings" => "now",
            "us_entries.1.place" => "Miami International Airport",
            _ => value,
        };
    }
    let response = app
        .post_form(&lawyer.client, &format!("/cases/{id}/intake"), &fields)
        .await;
    assert_eq!(response.status(), 303);

    let entries = app
        .audit(AuditFilter {
            target_id: Some(id.to_string()),
            ..AuditFilter::default()
        })
        .await;
    let details = |action: &str| -> Value {
        let entry = entries
            .iter()
            .find(|e| e.action == action)
            .unwrap_or_else(|| panic!("a {action} entry"));
        serde_json::from_str(&entry.details).expect("details JSON")
    };
    let created = &details("case.created")["fields"];
    for field in [
        "applicant.ssn",
        "applicant.mailing_street",
        "applicant.court_proceedings",
        "us_entries.0.place",
    ] {
        assert_eq!(created[field], json!({ "changed": true }), "{field}");
    }
    let updated = details("case.updated")["fields"].clone();
    let mut changed: Vec<&str> = updated
        .as_object()
        .expect("fields")
        .keys()
        .map(String::as_str)
        .collect();
    changed.sort_unstable();
    assert_eq!(
        changed,
        vec![
            "applicant.court_proceedings",
            "applicant.marital_status",
            "applicant.religion",
            "us_entries.1.place",
        ]
    );
    for field in changed {
        assert_eq!(updated[field], json!({ "changed": true }), "{field}");
    }
    let all: String = entries.iter().map(|e| e.details.as_str()).collect();
    for secret in [
        "123456789",
        "123-45-6789",
        STREET,
        RELIGION,
        "Orthodox",
        CITY_OF_BIRTH,
        ENTRY_PLACE,
        "Miami",
        "divorced",
    ] {
        assert!(!all.contains(secret), "{secret} is in the audit log: {all}");
    }
}

#[actix_web::test]
async fn a_case_from_before_part_a1_reads_with_it_empty() {
    let app = spawn_app().await;
    let (lawyer, lawyer_id) = token(&app, Role::Lawyer).await;
    let response = create(&app, &lawyer, api_intake(&lawyer_id)).await;
    let created: Value = response.json().await.expect("json");
    let id = created["id"].as_str().expect("id").to_string();

    // Back to the schema before this version, a case opened then, and forward again, as
    // an office upgrading with cases on file (the later migration of the same table first
    // undone, last redone).
    let steps = if is_postgres() {
        [
            include_str!("../../migrations/postgres/2026-12-09-000200_no_other_languages/down.sql"),
            include_str!("../../migrations/postgres/2026-12-08-000100_applicant_details/down.sql"),
            include_str!("../../migrations/postgres/2026-12-08-000100_applicant_details/up.sql"),
            include_str!("../../migrations/postgres/2026-12-09-000200_no_other_languages/up.sql"),
        ]
    } else {
        [
            include_str!("../../migrations/sqlite/2026-12-09-000200_no_other_languages/down.sql"),
            include_str!("../../migrations/sqlite/2026-12-08-000100_applicant_details/down.sql"),
            include_str!("../../migrations/sqlite/2026-12-08-000100_applicant_details/up.sql"),
            include_str!("../../migrations/sqlite/2026-12-09-000200_no_other_languages/up.sql"),
        ]
    };
    app.state
        .db
        .run(move |conn| {
            for step in steps {
                conn.batch_execute(step)?;
            }
            Ok(())
        })
        .await
        .expect("migrated");

    let intake = &api_case(&app, &lawyer, &id).await["intake"];
    let a = &intake["applicant"];
    for text in [
        "ssn",
        "uscis_account_number",
        "mailing_street",
        "city_of_birth",
        "ethnic_group",
        "religion",
        "native_dialect",
    ] {
        assert_eq!(a[text], "", "{text}");
    }
    for code in [
        "marital_status",
        "nationality_at_birth",
        "court_proceedings",
        "left_home_country_on",
        "travel_document_country",
        "native_language",
    ] {
        assert_eq!(a[code], Value::Null, "{code}");
    }
    assert_eq!(a["mailing_same_as_residence"], "unanswered");
    assert_eq!(a["fluent_in_english"], "unanswered");
    assert_eq!(a["no_other_languages"], false);
    assert_eq!(intake["us_entries"], json!([]));

    let session = app.login_as(Role::Admin).await;
    let (status, edit) = app
        .page(&session.client, &format!("/cases/{id}/intake"))
        .await;
    assert_eq!(status, 200);
    assert_eq!(input_value(&edit, "applicant.ssn").as_deref(), Some(""));
    assert!(edit.contains("No entries recorded yet."));
}

/// The row of item `number` on the data sheet page, from its number to the row's end.
fn sheet_row<'a>(sheet: &'a str, number: &str) -> &'a str {
    let start = sheet
        .find(&format!("<code>{number}</code>"))
        .unwrap_or_else(|| panic!("{number} is on the sheet"));
    let end = start + sheet[start..].find("</tr>").expect("the row ends");
    &sheet[start..end]
}

#[actix_web::test]
async fn no_other_languages_is_item_25s_none_on_the_page_the_check_and_the_sheet() {
    let app = spawn_app().await;
    let lawyer = app.login_as(Role::Lawyer).await;
    let lawyer_id = lawyer.staff.id.to_string();
    let mut fields = intake_fields(&lawyer_id);
    fields.push(("applicant.no_other_languages", "on"));
    let id = intake(&app, &lawyer, &fields).await;

    let file = cases::open(&app.state, &lawyer.staff, id, None)
        .await
        .expect("case opens");
    assert!(file.intake.applicant.no_other_languages);
    assert!(file.intake.client.languages.is_empty());
    let (status, edit) = app
        .page(&lawyer.client, &format!("/cases/{id}/intake"))
        .await;
    assert_eq!(status, 200);
    assert!(is_ticked(&edit, "applicant.no_other_languages"));

    // The check counts A.I.25 ready; the sheet writes NONE for it.
    let (_, page) = app.page(&lawyer.client, &format!("/cases/{id}")).await;
    assert!(
        !page.contains("<code>A.I.25</code>"),
        "A.I.25 is not missing"
    );
    let (status, sheet) = app.page(&lawyer.client, &format!("/cases/{id}/i589")).await;
    assert_eq!(status, 200);
    assert!(sheet_row(&sheet, "A.I.25").contains("NONE"), "{sheet}");

    // Unticked with no language listed, A.I.25 is missing again, linked to the languages.
    fields.retain(|(name, _)| *name != "applicant.no_other_languages");
    let id = intake(&app, &lawyer, &fields).await;
    let (_, page) = app.page(&lawyer.client, &format!("/cases/{id}")).await;
    assert!(
        page.contains(&format!("href=\"/cases/{id}/intake#client.languages\"")),
        "{page}"
    );
    let (_, sheet) = app.page(&lawyer.client, &format!("/cases/{id}/i589")).await;
    assert!(!sheet_row(&sheet, "A.I.25").contains("NONE"));
}

#[actix_web::test]
async fn no_other_languages_beside_languages_listed_is_refused_at_the_box() {
    let app = spawn_app().await;
    let lawyer = app.login_as(Role::Lawyer).await;
    let lawyer_id = lawyer.staff.id.to_string();
    let mut fields = intake_fields(&lawyer_id);
    fields.push(("applicant.no_other_languages", "on"));
    fields.push(("client.languages", "ru"));
    let response = app.post_form(&lawyer.client, "/intake", &fields).await;
    assert_eq!(response.status(), 422);
    let html = response.text().await.expect("body");
    assert_eq!(
        field_error(&html, "applicant.no_other_languages").as_deref(),
        Some("This says there is nothing to list, but the list has entries: clear one of the two.")
    );
    assert!(is_ticked(&html, "applicant.no_other_languages"), "kept");
    assert_eq!(
        input_value(&html, "applicant.religion").as_deref(),
        Some(RELIGION)
    );

    let (token, lawyer_id) = token(&app, Role::Lawyer).await;
    let mut both = api_intake(&lawyer_id);
    both["client"]["languages"] = json!(["ru"]);
    let response = create(&app, &token, both).await;
    assert_eq!(response.status(), 422);
    let problem: Value = response.json().await.expect("json");
    assert_eq!(error_fields(&problem), vec!["applicant.no_other_languages"]);
}

#[actix_web::test]
async fn a_case_from_before_the_no_other_languages_box_reads_with_it_unticked() {
    let app = spawn_app().await;
    let (lawyer, lawyer_id) = token(&app, Role::Lawyer).await;
    let response = create(&app, &lawyer, api_intake(&lawyer_id)).await;
    let created: Value = response.json().await.expect("json");
    let id = created["id"].as_str().expect("id").to_string();
    assert_eq!(
        api_case(&app, &lawyer, &id).await["intake"]["applicant"]["no_other_languages"],
        true
    );

    // The schema before this version, with the case's Part A.I on file, then this version.
    let (down, up) = if is_postgres() {
        (
            include_str!("../../migrations/postgres/2026-12-09-000200_no_other_languages/down.sql"),
            include_str!("../../migrations/postgres/2026-12-09-000200_no_other_languages/up.sql"),
        )
    } else {
        (
            include_str!("../../migrations/sqlite/2026-12-09-000200_no_other_languages/down.sql"),
            include_str!("../../migrations/sqlite/2026-12-09-000200_no_other_languages/up.sql"),
        )
    };
    app.state
        .db
        .run(move |conn| {
            conn.batch_execute(down)?;
            conn.batch_execute(up)?;
            Ok(())
        })
        .await
        .expect("migrated");

    let a = &api_case(&app, &lawyer, &id).await["intake"]["applicant"];
    assert_eq!(a["no_other_languages"], false);
    assert_eq!(a["religion"], RELIGION, "the rest of Part A.I is kept");
}

#[actix_web::test]
async fn the_case_page_shows_part_a1_and_every_entry_in_a_section_of_its_own() {
    let app = spawn_app().await;
    let lawyer = app.login_as(Role::Lawyer).await;
    let lawyer_id = lawyer.staff.id.to_string();
    let id = intake(&app, &lawyer, &intake_fields(&lawyer_id)).await;
    let (status, page) = app.page(&lawyer.client, &format!("/cases/{id}")).await;
    assert_eq!(status, 200);
    let start = page
        .find("<details class=\"card fold\" id=\"applicant\"")
        .expect("the case page has a Part A.I section");
    let section = &page[start..start + page[start..].find("</details>").expect("it ends")];
    assert!(section.contains("About the applicant (I-589 Part A.I)"));
    for (label, value) in [
        ("2. U.S. Social Security Number", "123-45-6789"),
        ("3. USCIS online account number", "NONE"),
        ("9. Mailing address same as residence", "No"),
        (
            "Mailing address",
            "Parish office of St. Anne, 1200 Market Street, 4B, San Diego, CA 92101-1234, \
             +1 619 555 0142",
        ),
        ("11. Marital status", "Divorced"),
        ("13. City of birth", CITY_OF_BIRTH),
        ("15. Nationality at birth", "Belarus"),
        ("16. Race, ethnic or tribal group", ETHNIC_GROUP),
        ("17. Religion", RELIGION),
        (
            "18. Immigration court proceedings",
            "Not now, but in the past",
        ),
        (
            "19a. Date the applicant last left their country",
            "2025-01-28",
        ),
        (
            "20. Country that issued the last passport or travel document",
            "Belarus",
        ),
        ("23. Native language", "Belarusian (Trasianka)"),
        ("24. Fluent in English", "No"),
        (
            "Entry 1",
            "2025-02-10 · San Ysidro port of entry · parole · 2027-02-09",
        ),
        (
            "Entry 2",
            "2019-07-01 · JFK International Airport · B-2 · 2019-12-31",
        ),
    ] {
        assert!(
            section.contains(&format!("<dt>{label}</dt><dd>{value}</dd>")),
            "{label}: {value} in {section}"
        );
    }
    // Item 25's box shows only when ticked.
    assert!(!section.contains("25. No other languages"), "{section}");

    // A case with nothing of Part A.I says so.
    let (empty, _) = app.draft_case(&lawyer.staff, "Lukashevich").await;
    let (_, page) = app.page(&lawyer.client, &format!("/cases/{empty}")).await;
    let start = page
        .find("<details class=\"card fold\" id=\"applicant\"")
        .expect("the section is there for every case");
    let section = &page[start..start + page[start..].find("</details>").expect("it ends")];
    assert!(section.contains("<dt>2. U.S. Social Security Number</dt><dd>—</dd>"));
    assert!(section.contains("No entries recorded yet."), "{section}");
}
