//! I-589 Parts B and C in the case file: the grounds and the yes/no questions with their
//! explanations, through the intake page and the JSON API; a "yes" without its explanation
//! refused at that explanation with every entry kept; the answers and their explanations kept out of the audit
//! log (their sealing at rest is in `canary.rs`); a case from before this version read as all
//! unanswered. Runs on SQLite, and on PostgreSQL with `REFUGE_TEST_POSTGRES_URL`.

use diesel::connection::SimpleConnection;
use refuge::db::audit_log::AuditFilter;
use refuge::domain::claim_answers::{Answer, ClaimQuestion, Ground};
use refuge::domain::staff::Role;
use refuge::services::cases;
use serde_json::{Value, json};

use crate::helpers::{
    Session, TestApp, client, field_error, is_postgres, saved_case_id, spawn_app,
};

const PAST_HARM: &str = "Beaten by police at the rally in Moscow, June 2025";
const FILED_LATE: &str = "Paroled until March; filing within a reasonable period";

/// A complete intake with Parts B and C partly answered.
fn intake_fields(lawyer_id: &str) -> Vec<(&str, &str)> {
    vec![
        ("client.family_name", "Volkova"),
        ("client.given_name", "Daria"),
        ("client.middle_name", "NONE"),
        ("client.date_of_birth", "1991-04-12"),
        ("client.nationalities", "RU"),
        ("claim.kind", "affirmative"),
        ("claim.lawyer_id", lawyer_id),
        ("claim_answers.grounds", "political_opinion"),
        ("claim_answers.grounds", "torture"),
        ("claim_answers.past_harm.answer", "yes"),
        ("claim_answers.past_harm.explanation", PAST_HARM),
        ("claim_answers.earlier_applications.answer", "no"),
        ("claim_answers.filed_after_one_year.answer", "yes"),
        ("claim_answers.filed_after_one_year.explanation", FILED_LATE),
        ("action", "complete"),
    ]
}

async fn intake(app: &TestApp, lawyer: &Session, fields: &[(&str, &str)]) -> uuid::Uuid {
    saved_case_id(&app.post_form(&lawyer.client, "/intake", fields).await)
}

/// The text inside `<textarea id="{name}" …>`.
fn textarea(html: &str, name: &str) -> Option<String> {
    let start = html.find(&format!("<textarea id=\"{name}\""))?;
    let open_end = start + html[start..].find('>')? + 1;
    let close = open_end + html[open_end..].find("</textarea>")?;
    Some(html[open_end..close].trim_start_matches('\n').to_string())
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

/// How many questions the case page's Parts B and C section shows as not answered.
fn unanswered_on(case_page: &str) -> usize {
    let start = case_page
        .find("id=\"claim_answers\"")
        .expect("the case page has the section");
    let section = &case_page[start..start + case_page[start..].find("</details>").unwrap_or(0)];
    section.matches("<strong>Not answered</strong>").count()
}

fn ticked(html: &str, ground: &str) -> bool {
    html.contains(&format!(
        "name=\"claim_answers.grounds\" type=\"checkbox\" value=\"{ground}\" checked"
    ))
}

#[actix_web::test]
async fn parts_b_and_c_typed_into_the_intake_page_are_saved_and_shown_again() {
    let app = spawn_app().await;
    let lawyer = app.login_as(Role::Lawyer).await;
    let lawyer_id = lawyer.staff.id.to_string();
    let id = intake(&app, &lawyer, &intake_fields(&lawyer_id)).await;

    let file = cases::open(&app.state, &lawyer.staff, id, None)
        .await
        .expect("case opens");
    let answers = &file.intake.claim_answers;
    assert_eq!(
        answers.grounds,
        vec![Ground::PoliticalOpinion, Ground::Torture]
    );
    assert_eq!(answers.past_harm.answer, Answer::Yes);
    assert_eq!(answers.past_harm.explanation, PAST_HARM);
    assert_eq!(answers.earlier_applications.answer, Answer::No);
    assert_eq!(answers.filed_after_one_year.explanation, FILED_LATE);
    assert_eq!(answers.fear_of_harm.answer, Answer::Unanswered);

    let (status, edit) = app
        .page(&lawyer.client, &format!("/cases/{id}/intake"))
        .await;
    assert_eq!(status, 200);
    assert!(ticked(&edit, "political_opinion") && ticked(&edit, "torture"));
    assert!(!ticked(&edit, "religion"));
    let answer = |q: &str| selected(&edit, &format!("claim_answers.{q}.answer"));
    assert_eq!(answer("past_harm").as_deref(), Some("yes"));
    assert_eq!(answer("earlier_applications").as_deref(), Some("no"));
    assert_eq!(answer("fear_of_harm").as_deref(), Some(""));
    assert_eq!(
        textarea(&edit, "claim_answers.past_harm.explanation").as_deref(),
        Some(PAST_HARM)
    );

    let (status, page) = app.page(&lawyer.client, &format!("/cases/{id}")).await;
    assert_eq!(status, 200);
    for shown in [
        "The claim (I-589 Parts B and C)",
        "Political opinion, Convention Against Torture",
        PAST_HARM,
        FILED_LATE,
        "C.5 Filing more than one year after the last arrival in the US",
    ] {
        assert!(page.contains(shown), "the case page shows {shown}");
    }
    assert_eq!(
        unanswered_on(&page),
        ClaimQuestion::ALL.len() - 3,
        "the questions nobody answered say so"
    );
}

#[actix_web::test]
async fn a_yes_without_its_explanation_is_refused_at_the_explanation_with_every_entry_kept() {
    let app = spawn_app().await;
    let lawyer = app.login_as(Role::Lawyer).await;
    let lawyer_id = lawyer.staff.id.to_string();
    let mut fields = intake_fields(&lawyer_id);
    fields.retain(|(name, _)| *name != "claim_answers.past_harm.explanation");

    let response = app.post_form(&lawyer.client, "/intake", &fields).await;
    assert_eq!(response.status(), 422);
    let html = response.text().await.expect("body");
    assert_eq!(
        field_error(&html, "claim_answers.past_harm.explanation").as_deref(),
        Some("A “yes” must be explained.")
    );
    assert!(
        html.contains("href=\"#claim_answers.past_harm.explanation\""),
        "the error summary leads to the explanation"
    );
    assert_eq!(
        selected(&html, "claim_answers.past_harm.answer").as_deref(),
        Some("yes")
    );
    assert_eq!(
        textarea(&html, "claim_answers.filed_after_one_year.explanation").as_deref(),
        Some(FILED_LATE)
    );
    assert!(ticked(&html, "political_opinion") && ticked(&html, "torture"));

    // A draft may hold a bare "yes" until someone explains it.
    fields.retain(|(name, _)| *name != "action");
    fields.push(("action", "save_draft"));
    intake(&app, &lawyer, &fields).await;
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
            "family_name": "Volkova",
            "given_name": "Daria",
            "middle_name": "NONE",
            "date_of_birth": "1991-04-12",
            "nationalities": ["RU"]
        },
        "claim": { "kind": "affirmative", "lawyer_id": lawyer_id },
        "claim_answers": {
            "grounds": ["torture", "religion"],
            "fear_of_harm": { "answer": "yes", "explanation": "The church was raided again" },
            "returned": { "answer": "no" }
        }
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

#[actix_web::test]
async fn the_api_takes_and_sends_parts_b_and_c() {
    let app = spawn_app().await;
    let (lawyer, lawyer_id) = token(&app, Role::Lawyer).await;
    let response = create(&app, &lawyer, api_intake(&lawyer_id)).await;
    assert_eq!(response.status(), 201);
    let created: Value = response.json().await.expect("json");
    let id = created["id"].as_str().expect("id");

    let answers = &api_case(&app, &lawyer, id).await["intake"]["claim_answers"];
    assert_eq!(answers["grounds"], json!(["religion", "torture"]));
    assert_eq!(
        answers["fear_of_harm"],
        json!({ "answer": "yes", "explanation": "The church was raided again" })
    );
    assert_eq!(answers["returned"]["answer"], "no");
    assert_eq!(answers["crimes_in_us"]["answer"], "unanswered");
}

#[actix_web::test]
async fn the_api_refuses_a_bare_yes_at_its_explanation_and_an_unknown_answer() {
    let app = spawn_app().await;
    let (lawyer, lawyer_id) = token(&app, Role::Lawyer).await;
    let mut bare = api_intake(&lawyer_id);
    bare["claim_answers"]["fear_of_harm"]["explanation"] = json!("  ");
    let response = create(&app, &lawyer, bare).await;
    assert_eq!(response.status(), 422);
    let problem: Value = response.json().await.expect("json");
    let fields: Vec<&str> = problem["errors"]
        .as_array()
        .expect("errors")
        .iter()
        .filter_map(|e| e["field"].as_str())
        .collect();
    assert_eq!(fields, vec!["claim_answers.fear_of_harm.explanation"]);

    let mut unknown = api_intake(&lawyer_id);
    unknown["claim_answers"]["returned"]["answer"] = json!("maybe");
    assert_eq!(create(&app, &lawyer, unknown).await.status(), 400);
}

#[actix_web::test]
async fn the_openapi_document_describes_parts_b_and_c() {
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
    let properties = schemas["ClaimAnswers"]["properties"]
        .as_object()
        .expect("ClaimAnswers is described");
    assert!(properties.contains_key("grounds"));
    for question in ClaimQuestion::ALL {
        assert!(properties.contains_key(question.name()), "{question:?}");
    }
    assert_eq!(
        schemas["Answer"]["enum"],
        json!(["unanswered", "yes", "no"])
    );
    assert!(
        schemas["Intake"]["properties"]["claim_answers"].is_object(),
        "the intake carries them"
    );
}

#[actix_web::test]
async fn the_audit_log_says_only_that_answers_and_explanations_changed() {
    let app = spawn_app().await;
    let lawyer = app.login_as(Role::Lawyer).await;
    let lawyer_id = lawyer.staff.id.to_string();
    let id = intake(&app, &lawyer, &intake_fields(&lawyer_id)).await;
    let mut fields = intake_fields(&lawyer_id);
    fields.push(("claim_answers.fear_of_harm.answer", "yes"));
    fields.push((
        "claim_answers.fear_of_harm.explanation",
        "Her brother was summoned for questioning in October",
    ));
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
    assert_eq!(
        created["claim_answers.past_harm.answer"],
        json!({ "changed": true })
    );
    assert_eq!(created["claim_answers.grounds"], json!({ "changed": true }));
    assert_eq!(
        created["claim_answers.past_harm.explanation"],
        json!({ "changed": true })
    );
    let updated = &details("case.updated")["fields"];
    assert_eq!(
        updated["claim_answers.fear_of_harm.answer"],
        json!({ "changed": true })
    );
    assert_eq!(
        updated["claim_answers.fear_of_harm.explanation"],
        json!({ "changed": true })
    );
    let all: String = entries.iter().map(|e| e.details.as_str()).collect();
    for secret in [PAST_HARM, FILED_LATE, "summoned", "reasonable period"] {
        assert!(!all.contains(secret), "{secret} is in the audit log: {all}");
    }
}

#[actix_web::test]
async fn a_case_from_before_parts_b_and_c_reads_as_all_unanswered() {
    let app = spawn_app().await;
    let (lawyer, lawyer_id) = token(&app, Role::Lawyer).await;
    let response = create(&app, &lawyer, api_intake(&lawyer_id)).await;
    let created: Value = response.json().await.expect("json");
    let id = created["id"].as_str().expect("id").to_string();

    // Back to the schema before this version and forward again, as an office upgrading
    // with this case on file: the migration leaves the case without any answers.
    let (down, up) = if is_postgres() {
        (
            include_str!("../../migrations/postgres/2026-12-07-000300_claim_answers/down.sql"),
            include_str!("../../migrations/postgres/2026-12-07-000300_claim_answers/up.sql"),
        )
    } else {
        (
            include_str!("../../migrations/sqlite/2026-12-07-000300_claim_answers/down.sql"),
            include_str!("../../migrations/sqlite/2026-12-07-000300_claim_answers/up.sql"),
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

    let answers = &api_case(&app, &lawyer, &id).await["intake"]["claim_answers"];
    assert_eq!(answers["grounds"], json!([]));
    for question in ClaimQuestion::ALL {
        assert_eq!(
            answers[question.name()],
            json!({ "answer": "unanswered", "explanation": "" }),
            "{question:?}"
        );
    }
    let session = app.login_as(Role::Admin).await;
    let (status, page) = app.page(&session.client, &format!("/cases/{id}")).await;
    assert_eq!(status, 200);
    assert_eq!(unanswered_on(&page), ClaimQuestion::ALL.len());
}
