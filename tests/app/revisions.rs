//! Client revisions of a case file (issue 15): answers from a questionnaire link wait as a
//! pending revision, sealed, without touching the file, until a lawyer reviews them field by
//! field (accept, edit, reject) and applies the review to the file.

use refuge::db::audit_log::AuditFilter;
use refuge::domain::ids::RevisionId;
use refuge::domain::revision::Answers;
use refuge::domain::staff::Role;
use refuge::error::AppError;
use refuge::i18n::Language;
use refuge::routes::cases::intake::form::IntakeForm;

use refuge::domain::intake::Intake;
use refuge::domain::staff::Staff;
use serde_json::{Value, json};

use crate::helpers::{NowForTests, TestApp, field_error, spawn_app};

/// The client's answers: their family name spelt anew and a first family member.
fn answers() -> Answers {
    IntakeForm::from_pairs(
        [
            ("client.family_name", "Shevchenko-Bondar"),
            ("client.given_name", "Yulia"),
            ("family.0.given_name", "Оксана"),
            ("family.0.relationship", "child"),
        ]
        .map(|(k, v)| (k.to_string(), v.to_string())),
    )
    .answers()
}

/// Records `answers` for `case_id` as the questionnaire's submission does: in a transaction
/// of the caller's.
async fn submit(
    app: &TestApp,
    case_id: uuid::Uuid,
    answers: Answers,
) -> Result<RevisionId, AppError> {
    let now = app.clock.now_for_tests();
    app.state
        .db
        .run(move |conn| {
            refuge::db::write_transaction(conn, |conn| {
                refuge::services::revisions::record_pending(
                    conn,
                    case_id,
                    &answers,
                    Language::Uk,
                    now,
                )
            })
        })
        .await
}

#[actix_web::test]
async fn answers_wait_sealed_as_a_pending_revision_and_leave_the_file_as_it_was() {
    let app = spawn_app().await;
    let lawyer = app.login_as(Role::Lawyer).await;
    let (case_id, _) = app.draft_case(&lawyer.staff, "Shevchenko").await;

    let id = submit(&app, case_id, answers()).await.expect("recorded");

    let row = app
        .state
        .db
        .run(move |conn| Ok(refuge::db::revisions::find(conn, id)?))
        .await
        .unwrap()
        .expect("the revision");
    assert_eq!(row.case_id.0, case_id);
    assert_eq!(
        (row.status.as_str(), row.language.as_str()),
        ("pending", "uk")
    );
    assert_eq!((row.reviewed_by, row.reviewed_at), (None, None));
    let kept: Answers = serde_json::from_str(&row.answers.0).unwrap();
    assert_eq!(kept, answers());

    let stored: Vec<String> = app
        .state
        .db
        .run(|conn| {
            use diesel::prelude::*;
            use refuge::db::schema::case_revisions;
            Ok(case_revisions::table
                .select(diesel::dsl::sql::<diesel::sql_types::Text>("answers"))
                .load(conn)?)
        })
        .await
        .unwrap();
    assert!(
        !stored[0].contains("Bondar") && !stored[0].contains("family.0"),
        "the answers are sealed: {}",
        stored[0]
    );

    let client_id = app
        .state
        .db
        .run(move |conn| Ok(refuge::db::cases::find(conn, case_id)?))
        .await
        .unwrap()
        .expect("the case")
        .client_id
        .0;
    let file = app
        .state
        .db
        .run(move |conn| Ok(refuge::db::clients::load(conn, client_id)?))
        .await
        .unwrap()
        .expect("the file");
    assert_eq!(file.client.family_name, "Shevchenko");
    assert!(file.family.is_empty());
}

#[actix_web::test]
async fn a_submission_is_audited_on_the_case_without_an_answer() {
    let app = spawn_app().await;
    let lawyer = app.login_as(Role::Lawyer).await;
    let (case_id, _) = app.draft_case(&lawyer.staff, "Shevchenko").await;

    let id = submit(&app, case_id, answers()).await.expect("recorded");

    let entries = app
        .audit(AuditFilter {
            action: Some("case.revision_submitted".into()),
            ..AuditFilter::default()
        })
        .await;
    assert_eq!(entries.len(), 1);
    let entry = &entries[0];
    assert_eq!(entry.actor_id, None, "the client, not a staff member");
    assert_eq!(
        (entry.target_type.as_deref(), entry.target_id.as_deref()),
        (Some("case"), Some(case_id.to_string().as_str()))
    );
    let details: serde_json::Value = serde_json::from_str(&entry.details).unwrap();
    assert_eq!(
        details,
        serde_json::json!({ "revision_id": id.to_string(), "language": "uk" })
    );
}

#[actix_web::test]
async fn answers_for_no_case_are_refused_and_nothing_is_kept() {
    let app = spawn_app().await;

    let refused = submit(&app, uuid::Uuid::new_v4(), answers()).await;

    assert!(matches!(refused, Err(AppError::NotFound)), "{refused:?}");
    let count: i64 = app
        .state
        .db
        .run(|conn| {
            use diesel::prelude::*;
            use refuge::db::schema::case_revisions;
            Ok(case_revisions::table.count().get_result(conn)?)
        })
        .await
        .unwrap();
    assert_eq!(count, 0);
    assert!(
        !app.audit_actions()
            .await
            .contains(&"case.revision_submitted".to_string())
    );
}

// ---- The review ----

fn pairs(list: &[(&str, &str)]) -> Answers {
    IntakeForm::from_pairs(list.iter().map(|(k, v)| (k.to_string(), v.to_string()))).answers()
}

/// What the client answered for the review tests: their family name spelt anew, their given
/// name as on file, a phone, a child, and a date of birth.
fn client_answers(date_of_birth: &str) -> Answers {
    pairs(&[
        ("client.family_name", "Shevchenko-Bondar"),
        ("client.given_name", "Yulia"),
        ("client.middle_name", "Ivanivna"),
        ("client.phone", "+380 44 123 4567"),
        ("client.date_of_birth", date_of_birth),
        ("family.0.given_name", "Оксана"),
        ("family.0.relationship", "child"),
    ])
}

/// The case's file as saved.
async fn file(app: &TestApp, case_id: uuid::Uuid) -> Intake {
    app.state
        .db
        .run(move |conn| {
            let case = refuge::db::cases::find(conn, case_id)?.expect("the case");
            Ok(refuge::db::clients::load(conn, case.client_id.0)?)
        })
        .await
        .unwrap()
        .expect("the file")
}

async fn revision(app: &TestApp, id: RevisionId) -> refuge::db::revisions::RevisionRow {
    app.state
        .db
        .run(move |conn| Ok(refuge::db::revisions::find(conn, id)?))
        .await
        .unwrap()
        .expect("the revision")
}

fn review_path(case_id: uuid::Uuid, id: RevisionId) -> String {
    format!("/cases/{case_id}/revisions/{id}")
}

/// A draft case of `lawyer`'s, with `paralegal` assigned.
async fn assigned_case(app: &TestApp, lawyer: &Staff, paralegal: &Staff) -> uuid::Uuid {
    let form = IntakeForm::from_pairs(
        [
            ("client.family_name", "Shevchenko"),
            ("client.given_name", "Yulia"),
            ("claim.kind", "affirmative"),
            ("claim.lawyer_id", &lawyer.id.to_string()),
            ("claim.paralegal_id", &paralegal.id.to_string()),
        ]
        .map(|(k, v)| (k.to_string(), v.to_string())),
    );
    refuge::services::intake::save(
        &app.state,
        lawyer,
        None,
        form.parse().expect("parses"),
        false,
        None,
    )
    .await
    .expect("case saved")
    .id
}

#[actix_web::test]
async fn the_review_shows_only_answers_that_differ_beside_the_file() {
    let app = spawn_app().await;
    let lawyer = app.login_as(Role::Lawyer).await;
    let (case_id, _) = app.draft_case(&lawyer.staff, "Shevchenko").await;
    let id = submit(&app, case_id, client_answers("1990-02-03"))
        .await
        .unwrap();

    let (_, case_page) = app.page(&lawyer.client, &format!("/cases/{case_id}")).await;
    assert!(
        case_page.contains(&format!("href=\"{}\"", review_path(case_id, id))),
        "the case page links the answers waiting for review"
    );
    let (status, html) = app.page(&lawyer.client, &review_path(case_id, id)).await;

    assert_eq!(status, 200);
    for shown in [
        "client.family_name",
        "client.middle_name",
        "client.phone",
        "client.date_of_birth",
        "family.0.given_name",
        "family.0.relationship",
    ] {
        assert!(
            html.contains(&format!("name=\"decision:{shown}\"")),
            "{shown} to decide"
        );
    }
    assert!(
        !html.contains("decision:client.given_name"),
        "the given name is on file as answered"
    );
    assert!(html.contains("Shevchenko-Bondar") && html.contains("Family member 1"));
    let viewed = app.audit_actions().await;
    assert!(
        viewed.contains(&"case.revision_viewed".to_string()),
        "{viewed:?}"
    );
}

/// The `<dd>` after the `nth` `<dt>` of the review's field at `path` (0: on file, 1: the
/// client's answer).
fn shown(html: &str, path: &str, nth: usize) -> String {
    let field = &html[html
        .find(&format!("id=\"{path}\""))
        .unwrap_or_else(|| panic!("{path} on the review"))..];
    let dd = field.split("<dd").nth(nth + 1).expect("a value");
    dd[dd.find('>').unwrap() + 1..dd.find("</dd>").unwrap()].to_string()
}

#[actix_web::test]
async fn choices_are_shown_by_their_labels_and_long_answers_are_edited_in_a_text_area() {
    let app = spawn_app().await;
    let lawyer = app.login_as(Role::Lawyer).await;
    let form = IntakeForm::from_pairs(
        [
            ("client.family_name", "Shevchenko"),
            ("client.given_name", "Yulia"),
            ("client.country_of_birth", "RU"),
            ("claim.kind", "affirmative"),
            ("claim.lawyer_id", &lawyer.staff.id.to_string()),
        ]
        .map(|(k, v)| (k.to_string(), v.to_string())),
    );
    let case_id = refuge::services::intake::save(
        &app.state,
        &lawyer.staff,
        None,
        form.parse().expect("parses"),
        false,
        None,
    )
    .await
    .expect("case saved")
    .id;
    let id = submit(
        &app,
        case_id,
        pairs(&[
            ("client.country_of_birth", "UA"),
            ("client.nationalities", "RU, UA"),
            ("client.interpreter_needed", "on"),
            ("persecution.0.actor", "military"),
            ("persecution.0.description", "They came at night."),
        ]),
    )
    .await
    .unwrap();

    let (status, html) = app.page(&lawyer.client, &review_path(case_id, id)).await;

    assert_eq!(status, 200);
    let shown_as = |path: &str| (shown(&html, path, 0), shown(&html, path, 1));
    assert_eq!(
        shown_as("client.country_of_birth"),
        ("Russia".into(), "Ukraine".into())
    );
    assert_eq!(
        shown_as("client.nationalities"),
        ("—".into(), "Russia, Ukraine".into())
    );
    assert_eq!(shown_as("client.interpreter_needed").1, "Yes");
    assert_eq!(shown_as("persecution.0.actor").1, "Military");
    // An edit starts from the code the client chose: it is what the file takes.
    assert!(
        html.contains(
            "<input type=\"text\" id=\"edited:persecution.0.actor\" \
             name=\"edited:persecution.0.actor\" value=\"military\">"
        ),
        "{html}"
    );
    assert!(
        html.contains(
            "<textarea id=\"edited:persecution.0.description\" \
             name=\"edited:persecution.0.description\" rows=\"4\">They came at night.</textarea>"
        ),
        "a description is edited as the intake page takes it, in a text area"
    );

    let response = app
        .post_form(
            &lawyer.client,
            &review_path(case_id, id),
            &[
                ("decision:client.country_of_birth", "accept"),
                ("decision:persecution.0.actor", "accept"),
                ("action", "reject_rest"),
            ],
        )
        .await;
    assert_eq!(response.status(), 303);
    let saved = file(&app, case_id).await;
    assert_eq!(saved.client.country_of_birth.as_deref(), Some("UA"));
    assert_eq!(
        saved
            .persecution
            .iter()
            .map(|p| p.actor)
            .collect::<Vec<_>>(),
        [Some(refuge::domain::codes::Persecutor::Military)]
    );
}

#[actix_web::test]
async fn accepted_and_edited_answers_reach_the_file_and_rejected_ones_do_not() {
    let app = spawn_app().await;
    let lawyer = app.login_as(Role::Lawyer).await;
    let (case_id, _) = app.draft_case(&lawyer.staff, "Shevchenko").await;
    let id = submit(&app, case_id, client_answers("1990-02-03"))
        .await
        .unwrap();

    let response = app
        .post_form(
            &lawyer.client,
            &review_path(case_id, id),
            &[
                ("decision:client.family_name", "accept"),
                ("decision:client.middle_name", "edit"),
                ("edited:client.middle_name", "Ivanovna"),
                ("decision:client.phone", "reject"),
                ("decision:client.date_of_birth", "reject"),
                ("decision:family.0.given_name", "accept"),
                ("decision:family.0.relationship", "accept"),
                ("action", "apply"),
            ],
        )
        .await;

    assert_eq!(response.status(), 303);
    let saved = file(&app, case_id).await;
    assert_eq!(saved.client.family_name, "Shevchenko-Bondar");
    assert_eq!(saved.client.given_name, "Yulia");
    assert_eq!(saved.client.middle_name, "Ivanovna");
    assert_eq!(saved.client.phone, "");
    assert_eq!(saved.client.date_of_birth, None);
    assert_eq!(saved.family.len(), 1);
    assert_eq!(saved.family[0].given_name, "Оксана");
    let row = revision(&app, id).await;
    assert_eq!(row.status, "reviewed");
    assert_eq!(
        row.reviewed_by.map(|by| by.0),
        Some(lawyer.staff.id.as_uuid())
    );
    assert!(row.reviewed_at.is_some());
}

#[actix_web::test]
async fn a_review_is_audited_by_path_without_a_value() {
    let app = spawn_app().await;
    let lawyer = app.login_as(Role::Lawyer).await;
    let (case_id, _) = app.draft_case(&lawyer.staff, "Shevchenko").await;
    let id = submit(&app, case_id, client_answers("1990-02-03"))
        .await
        .unwrap();

    let response = app
        .post_form(
            &lawyer.client,
            &review_path(case_id, id),
            &[
                ("decision:client.family_name", "accept"),
                ("decision:client.middle_name", "edit"),
                ("edited:client.middle_name", "Ivanovna"),
                ("action", "reject_rest"),
            ],
        )
        .await;

    assert_eq!(response.status(), 303);
    let reviewed = app
        .audit(AuditFilter {
            action: Some("case.revision_reviewed".into()),
            ..AuditFilter::default()
        })
        .await;
    assert_eq!(reviewed.len(), 1);
    assert_eq!(
        reviewed[0].actor_id.map(|a| a.0),
        Some(lawyer.staff.id.as_uuid())
    );
    let details: Value = serde_json::from_str(&reviewed[0].details).unwrap();
    assert_eq!(
        details,
        json!({
            "revision_id": id.to_string(),
            "accepted": ["client.family_name"],
            "edited": ["client.middle_name"],
            "rejected": [
                "client.date_of_birth",
                "client.phone",
                "family.0.given_name",
                "family.0.relationship",
            ],
        })
    );
    let updated = app
        .audit(AuditFilter {
            action: Some("case.updated".into()),
            ..AuditFilter::default()
        })
        .await;
    assert_eq!(
        updated.len(),
        1,
        "the file's edit, audited as an intake edit"
    );
    let fields: Value = serde_json::from_str(&updated[0].details).unwrap();
    assert_eq!(
        fields["fields"]["client.family_name"],
        json!({ "changed": true })
    );
    let all = format!("{}{}", reviewed[0].details, updated[0].details);
    for value in ["Bondar", "Ivanovna", "Оксана", "+380"] {
        assert!(!all.contains(value), "{value} in the audit: {all}");
    }
    let decisions: Value = serde_json::from_str(&revision(&app, id).await.decisions).unwrap();
    assert_eq!(decisions["client.middle_name"], "edited");
    assert_eq!(decisions["client.phone"], "rejected");
}

#[actix_web::test]
async fn a_value_that_does_not_stand_comes_back_at_its_field_with_every_choice_kept() {
    let app = spawn_app().await;
    let lawyer = app.login_as(Role::Lawyer).await;
    let (case_id, _) = app.draft_case(&lawyer.staff, "Shevchenko").await;
    let id = submit(&app, case_id, client_answers("31.02.1990"))
        .await
        .unwrap();

    let response = app
        .post_form(
            &lawyer.client,
            &review_path(case_id, id),
            &[
                ("decision:client.family_name", "accept"),
                ("decision:client.middle_name", "edit"),
                ("edited:client.middle_name", "Ivanovna"),
                ("decision:client.date_of_birth", "accept"),
                ("action", "reject_rest"),
            ],
        )
        .await;

    assert_eq!(response.status(), 422);
    let html = response.text().await.unwrap();
    assert!(
        field_error(&html, "client.date_of_birth").is_some(),
        "{html}"
    );
    assert!(html.contains("name=\"decision:client.middle_name\" value=\"edit\" checked"));
    assert!(html.contains("name=\"decision:client.family_name\" value=\"accept\" checked"));
    assert!(html.contains("value=\"Ivanovna\""), "the edit is kept");
    assert_eq!(file(&app, case_id).await.client.family_name, "Shevchenko");
    assert_eq!(revision(&app, id).await.status, "pending");
}

#[actix_web::test]
async fn a_field_left_undecided_is_named_and_nothing_changes() {
    let app = spawn_app().await;
    let lawyer = app.login_as(Role::Lawyer).await;
    let (case_id, _) = app.draft_case(&lawyer.staff, "Shevchenko").await;
    let id = submit(&app, case_id, client_answers("1990-02-03"))
        .await
        .unwrap();

    let response = app
        .post_form(
            &lawyer.client,
            &review_path(case_id, id),
            &[
                ("decision:client.family_name", "accept"),
                ("action", "apply"),
            ],
        )
        .await;

    assert_eq!(response.status(), 422);
    let html = response.text().await.unwrap();
    assert!(field_error(&html, "client.phone").is_some());
    assert_eq!(field_error(&html, "client.family_name"), None);
    assert_eq!(file(&app, case_id).await.client.family_name, "Shevchenko");
    assert_eq!(revision(&app, id).await.status, "pending");
}

#[actix_web::test]
async fn a_reviewed_revision_cannot_be_applied_twice() {
    let app = spawn_app().await;
    let lawyer = app.login_as(Role::Lawyer).await;
    let (case_id, _) = app.draft_case(&lawyer.staff, "Shevchenko").await;
    let id = submit(&app, case_id, client_answers("1990-02-03"))
        .await
        .unwrap();
    let path = review_path(case_id, id);
    let first = app
        .post_form(&lawyer.client, &path, &[("action", "reject_rest")])
        .await;
    assert_eq!(first.status(), 303);

    let again = app
        .post_form(&lawyer.client, &path, &[("action", "accept_rest")])
        .await;

    assert_eq!(again.status(), 409);
    assert_eq!(file(&app, case_id).await.client.family_name, "Shevchenko");
    let reviews = app
        .audit(AuditFilter {
            action: Some("case.revision_reviewed".into()),
            ..AuditFilter::default()
        })
        .await;
    assert_eq!(reviews.len(), 1);
    let (_, case_page) = app.page(&lawyer.client, &format!("/cases/{case_id}")).await;
    assert!(
        !case_page.contains(&path),
        "no longer waiting on the case page"
    );
}

#[actix_web::test]
async fn a_paralegal_not_assigned_never_sees_the_answers_even_where_every_case_is_open() {
    let app = spawn_app().await;
    let admin = app.login_as(Role::Admin).await;
    let lawyer = app.login_as(Role::Lawyer).await;
    let assigned = app.login_as(Role::Paralegal).await;
    let other = app.login_as(Role::Paralegal).await;
    let opened = app
        .post_form(
            &admin.client,
            "/admin/settings",
            &[("paralegals_see_all_cases", "on")],
        )
        .await;
    assert_eq!(opened.status(), 303);
    let case_id = assigned_case(&app, &lawyer.staff, &assigned.staff).await;
    let id = submit(&app, case_id, client_answers("1990-02-03"))
        .await
        .unwrap();
    let path = review_path(case_id, id);

    let (case_status, case_page) = app.page(&other.client, &format!("/cases/{case_id}")).await;
    let (status, html) = app.page(&other.client, &path).await;

    assert_eq!(case_status, 200, "the office lets them read the case");
    assert!(!case_page.contains("/revisions/"), "no link to the answers");
    assert_eq!(status, 403);
    assert!(!html.contains("Bondar"));
    let refusals = app
        .audit(AuditFilter {
            action: Some("access.denied".into()),
            ..AuditFilter::default()
        })
        .await;
    assert!(
        refusals.iter().any(|r| r.details.contains("not_assigned")),
        "refused by the policy, on record: {:?}",
        refusals.iter().map(|r| &r.details).collect::<Vec<_>>()
    );
}

#[actix_web::test]
async fn the_assigned_paralegal_reads_the_answers_but_a_lawyer_decides() {
    let app = spawn_app().await;
    let lawyer = app.login_as(Role::Lawyer).await;
    let assigned = app.login_as(Role::Paralegal).await;
    let case_id = assigned_case(&app, &lawyer.staff, &assigned.staff).await;
    let id = submit(&app, case_id, client_answers("1990-02-03"))
        .await
        .unwrap();
    let path = review_path(case_id, id);

    let (status, html) = app.page(&assigned.client, &path).await;
    let decided = app
        .post_form(&assigned.client, &path, &[("action", "accept_rest")])
        .await;

    assert_eq!(status, 200);
    assert!(html.contains("Shevchenko-Bondar"));
    assert!(!html.contains("name=\"action\""), "no form to decide with");
    assert_eq!(decided.status(), 403);
    assert_eq!(revision(&app, id).await.status, "pending");
}

#[actix_web::test]
async fn a_revision_of_another_case_is_not_found_through_this_one() {
    let app = spawn_app().await;
    let lawyer = app.login_as(Role::Lawyer).await;
    let (case_id, _) = app.draft_case(&lawyer.staff, "Shevchenko").await;
    let (other_case, _) = app.draft_case(&lawyer.staff, "Bondar").await;
    let id = submit(&app, other_case, client_answers("1990-02-03"))
        .await
        .unwrap();

    let (status, _) = app.page(&lawyer.client, &review_path(case_id, id)).await;
    let decided = app
        .post_form(
            &lawyer.client,
            &review_path(case_id, id),
            &[("action", "accept_rest")],
        )
        .await;

    assert_eq!(status, 404);
    assert_eq!(decided.status(), 404);
    assert_eq!(revision(&app, id).await.status, "pending");
}

// ---- The JSON API ----

async fn api(
    app: &TestApp,
    token: &str,
    method: reqwest::Method,
    path: &str,
    body: Option<Value>,
) -> (u16, Value) {
    let request = crate::helpers::client()
        .request(method, app.url(path))
        .bearer_auth(token);
    let request = match body {
        Some(body) => request.json(&body),
        None => request,
    };
    let response = request.send().await.expect("API request");
    let status = response.status().as_u16();
    (status, response.json().await.unwrap_or(Value::Null))
}

#[actix_web::test]
async fn the_api_lists_the_fields_to_decide_and_applies_decisions_once() {
    let app = spawn_app().await;
    let lawyer = app.login_as(Role::Lawyer).await;
    let token = app
        .api_token(&lawyer.staff.email, crate::helpers::PASSWORD)
        .await;
    let (case_id, _) = app.draft_case(&lawyer.staff, "Shevchenko").await;
    let id = submit(&app, case_id, client_answers("1990-02-03"))
        .await
        .unwrap();
    let path = format!("/api/v1/cases/{case_id}/revisions/{id}");

    let (status, list) = api(
        &app,
        &token,
        reqwest::Method::GET,
        &format!("/api/v1/cases/{case_id}/revisions"),
        None,
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(list["revisions"][0]["id"], id.to_string());
    assert_eq!(list["revisions"][0]["status"], "pending");
    let (status, one) = api(&app, &token, reqwest::Method::GET, &path, None).await;
    assert_eq!(status, 200);
    assert_eq!(
        one["fields"][0],
        json!({ "path": "client.family_name", "on_file": "Shevchenko", "answer": "Shevchenko-Bondar" })
    );

    let decisions = json!({
        "decisions": {
            "client.family_name": { "decision": "accept" },
            "client.middle_name": { "decision": "edit", "value": "Ivanovna" },
        },
        "remaining": "reject",
    });
    let decide = format!("{path}/decisions");
    let (status, _) = api(
        &app,
        &token,
        reqwest::Method::POST,
        &decide,
        Some(decisions.clone()),
    )
    .await;
    assert_eq!(status, 204);
    let saved = file(&app, case_id).await;
    assert_eq!(
        (
            saved.client.family_name.as_str(),
            saved.client.middle_name.as_str()
        ),
        ("Shevchenko-Bondar", "Ivanovna")
    );
    let (status, _) = api(
        &app,
        &token,
        reqwest::Method::POST,
        &decide,
        Some(decisions),
    )
    .await;
    assert_eq!(status, 409, "applied once only");
    let (_, one) = api(&app, &token, reqwest::Method::GET, &path, None).await;
    assert_eq!(one["status"], "reviewed");
    assert_eq!(one["outcomes"]["client.middle_name"], "edited");
}

#[actix_web::test]
async fn the_api_names_an_undecided_field_in_its_problem() {
    let app = spawn_app().await;
    let lawyer = app.login_as(Role::Lawyer).await;
    let token = app
        .api_token(&lawyer.staff.email, crate::helpers::PASSWORD)
        .await;
    let (case_id, _) = app.draft_case(&lawyer.staff, "Shevchenko").await;
    let id = submit(&app, case_id, client_answers("1990-02-03"))
        .await
        .unwrap();

    let (status, problem) = api(
        &app,
        &token,
        reqwest::Method::POST,
        &format!("/api/v1/cases/{case_id}/revisions/{id}/decisions"),
        Some(json!({ "decisions": { "client.family_name": { "decision": "accept" } } })),
    )
    .await;

    assert_eq!(status, 422);
    let fields: Vec<&str> = problem["errors"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|e| e["field"].as_str())
        .collect();
    assert!(fields.contains(&"client.phone"), "{problem}");
    assert!(!fields.contains(&"client.family_name"), "{problem}");
    assert_eq!(revision(&app, id).await.status, "pending");
}

/// Issue 16: the questionnaire's Parts A.I, A.III, B and C are reviewed like any other
/// field, each named as the intake page names it, a list's rows by their row; what the
/// lawyer accepts reaches the file and nothing else does.
#[actix_web::test]
async fn the_i589_parts_a_client_answers_are_reviewed_field_by_field() {
    let app = spawn_app().await;
    let lawyer = app.login_as(Role::Lawyer).await;
    let (case_id, _) = app.draft_case(&lawyer.staff, "Shevchenko").await;
    let id = submit(
        &app,
        case_id,
        pairs(&[
            // Part A.I.
            ("applicant.religion", "Orthodox Christian"),
            ("applicant.ethnic_group", "Ukrainian"),
            ("applicant.court_proceedings", "never"),
            ("us_entries.0.row", "new"),
            ("us_entries.0.arrived_on", "2025-04-02"),
            ("us_entries.0.place", "San Ysidro, CA"),
            // Part A.III: a residence accepted, a job rejected, one none box each way.
            ("residences.0.row", "new"),
            ("residences.0.city", "Sacramento"),
            ("residences.0.country", "US"),
            ("residences.0.from", "2025-04"),
            ("residences.0.to_present", "on"),
            ("jobs.0.row", "new"),
            ("jobs.0.employer", "Kherson Port Authority"),
            ("jobs.0.from", "2016-01"),
            ("background.no_schooling", "on"),
            ("background.no_siblings", "on"),
            ("background.father.deceased", "on"),
            // Parts B and C.
            ("claim_answers.past_harm.answer", "yes"),
            (
                "claim_answers.past_harm.explanation",
                "Soldiers held me for three days.",
            ),
            ("claim_answers.crimes_in_us.answer", "no"),
        ]),
    )
    .await
    .unwrap();

    let (status, html) = app.page(&lawyer.client, &review_path(case_id, id)).await;
    assert_eq!(status, 200);
    for (path, label) in [
        ("applicant.religion", "17. Religion"),
        ("residences.0.city", "Residence 1 — City or town"),
        ("jobs.0.employer", "Job 1 — Name and address of employer"),
        ("us_entries.0.place", "Entry 1 — 19c. Place of entry"),
        ("background.no_siblings", "No siblings"),
        ("claim_answers.past_harm.answer", "B.1A"),
    ] {
        assert!(
            html.contains(&format!("name=\"decision:{path}\"")),
            "{path} to decide"
        );
        let at = html.find(&format!("id=\"{path}\"")).expect(path);
        let field = &html[at..at + html[at..].find("</fieldset>").expect("its end")];
        assert!(field.contains(label), "{path} named {label}: {field}");
    }
    assert_eq!(
        shown(&html, "applicant.court_proceedings", 1),
        "Never been in proceedings"
    );
    assert_eq!(shown(&html, "residences.0.country", 1), "United States");
    assert_eq!(shown(&html, "claim_answers.past_harm.answer", 1), "Yes");
    assert_eq!(shown(&html, "background.no_schooling", 1), "Yes");

    let response = app
        .post_form(
            &lawyer.client,
            &review_path(case_id, id),
            &[
                ("decision:applicant.religion", "accept"),
                ("decision:applicant.court_proceedings", "accept"),
                ("decision:us_entries.0.arrived_on", "accept"),
                ("decision:us_entries.0.place", "edit"),
                ("edited:us_entries.0.place", "San Ysidro, California"),
                ("decision:residences.0.city", "accept"),
                ("decision:residences.0.country", "accept"),
                ("decision:residences.0.from", "accept"),
                ("decision:residences.0.to_present", "accept"),
                ("decision:background.no_schooling", "accept"),
                ("decision:claim_answers.past_harm.answer", "accept"),
                ("decision:claim_answers.past_harm.explanation", "accept"),
                ("decision:claim_answers.crimes_in_us.answer", "reject"),
                ("action", "reject_rest"),
            ],
        )
        .await;
    assert_eq!(response.status(), 303);

    let saved = file(&app, case_id).await;
    assert_eq!(saved.applicant.religion, "Orthodox Christian");
    assert_eq!(saved.applicant.ethnic_group, "", "rejected with the rest");
    assert_eq!(
        saved.applicant.court_proceedings,
        Some(refuge::domain::applicant::CourtProceedings::Never)
    );
    assert_eq!(saved.us_entries.len(), 1);
    assert_eq!(saved.us_entries[0].place, "San Ysidro, California");
    assert_eq!(saved.residences.len(), 1);
    assert_eq!(saved.residences[0].city, "Sacramento");
    assert_eq!(
        saved.residences[0].to,
        Some(refuge::domain::background::Until::Present)
    );
    assert!(saved.jobs.is_empty(), "the job rejected");
    assert!(saved.background.no_schooling);
    assert!(!saved.background.no_siblings, "rejected with the rest");
    assert!(!saved.background.father.deceased, "rejected with the rest");
    let answers = &saved.claim_answers;
    assert_eq!(
        answers.past_harm.answer,
        refuge::domain::claim_answers::Answer::Yes
    );
    assert_eq!(
        answers.past_harm.explanation,
        "Soldiers held me for three days."
    );
    assert_eq!(
        answers.crimes_in_us.answer,
        refuge::domain::claim_answers::Answer::Unanswered,
        "rejected"
    );
    let row = revision(&app, id).await;
    assert_eq!(row.status, "reviewed");
}
