//! Triage of public inquiries (issue 15): the most urgent first with the reason said,
//! possible duplicates across Cyrillic and Latin spellings, and take, merge and decline,
//! each audited. Who may do it is in the permission matrix (`permissions.rs`).

use chrono::Duration;
use diesel::prelude::*;
use refuge::db::audit_log::AuditFilter;
use refuge::db::uuid::DbUuid;
use refuge::domain::inquiry::InquiryForm;
use refuge::domain::staff::{Role, Staff};
use refuge::i18n::Language;
use serde_json::Value;

use crate::helpers::{Session, TestApp, client, field_error, spawn_app};
use crate::inquiry::{open_form, unreviewed};

/// An inquiry that passes, from someone in Mexico, not detained, without a hearing.
fn answers(family_name: &str, given_name: &str, native_name: &str) -> InquiryForm {
    InquiryForm {
        family_name: family_name.into(),
        given_name: given_name.into(),
        native_name: native_name.into(),
        email: format!("{}@example.org", given_name.to_lowercase()),
        email_safe: Some("on".into()),
        nationality: "RU".into(),
        whereabouts: "mexico".into(),
        detained: "no".into(),
        has_hearing: "no".into(),
        preferred_language: "ru".into(),
        account: "Detained for three days after a rally.".into(),
        consent: Some("on".into()),
        ..InquiryForm::default()
    }
}

/// Files an inquiry as the public form does, a minute after the previous one; returns
/// (inquiry id, case id, reference).
async fn file(app: &TestApp, form: InquiryForm, language: Language) -> (String, String, String) {
    app.clock.advance(Duration::minutes(1));
    let today = refuge::services::cases::today(&app.state);
    let inquiry = form.parse(today).expect("valid answers");
    let given = inquiry.given_name.clone();
    refuge::services::inquiries::submit(&app.state, inquiry, language, None)
        .await
        .expect("filed");
    let row = unreviewed(app)
        .await
        .into_iter()
        .rev()
        .find(|r| r.given_name == given)
        .expect("the inquiry");
    (
        row.id.0.to_string(),
        row.case_id.0.to_string(),
        row.reference,
    )
}

async fn queue(app: &TestApp, lawyer: &Staff) -> Value {
    let token = app.api_token(&lawyer.email, crate::helpers::PASSWORD).await;
    let response = client()
        .get(app.url("/api/v1/triage"))
        .bearer_auth(token)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    response.json().await.unwrap()
}

async fn stage(app: &TestApp, case_id: &str) -> String {
    let id: uuid::Uuid = case_id.parse().unwrap();
    app.state
        .db
        .run(move |conn| Ok(refuge::db::cases::find(conn, id)?))
        .await
        .unwrap()
        .expect("case")
        .stage
}

async fn started(app: &TestApp) -> Session {
    open_form(app).await;
    app.login_as(Role::Lawyer).await
}

#[actix_web::test]
async fn the_most_urgent_come_first_each_saying_why() {
    let app = spawn_app().await;
    let lawyer = started(&app).await;
    // Today is 2026-11-23.
    file(&app, answers("Plain", "Anna", ""), Language::Ru).await;
    let mut hearing = answers("Hearing", "Boris", "");
    hearing.has_hearing = "yes".into();
    hearing.hearing_on = "2026-12-10".into();
    file(&app, hearing, Language::Ru).await;
    let mut detained = answers("Detained", "Vera", "");
    detained.detained = "yes".into();
    file(&app, detained, Language::Ru).await;
    let mut soon = answers("Soon", "Gleb", "");
    soon.whereabouts = "united_states".into();
    soon.last_arrival_on = "2025-12-01".into();
    file(&app, soon, Language::Ru).await;
    let mut passed = answers("Passed", "Dina", "");
    passed.whereabouts = "united_states".into();
    passed.last_arrival_on = "2025-10-01".into();
    file(&app, passed, Language::Ru).await;

    let queue = queue(&app, &lawyer.staff).await;
    let names: Vec<&str> = queue["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "Gleb Soon",
            "Dina Passed",
            "Vera Detained",
            "Boris Hearing",
            "Anna Plain"
        ]
    );
    assert_eq!(queue["waiting"], 5);
    let reasons = |i: usize| queue["items"][i]["urgency"].clone();
    assert_eq!(
        reasons(0),
        serde_json::json!([{ "reason": "one_year_soon", "deadline": "2026-12-01", "days_left": 8 }])
    );
    assert_eq!(reasons(1)[0]["reason"], "one_year_passed");
    assert_eq!(reasons(2), serde_json::json!([{ "reason": "detained" }]));
    assert_eq!(reasons(3)[0]["days_left"], 17);
    assert_eq!(reasons(4), serde_json::json!([]));

    let (status, html) = app.page(&lawyer.client, "/triage").await;
    assert_eq!(status, 200);
    assert!(
        html.contains("One-year filing deadline on 2026-12-01, in 8 days"),
        "{html}"
    );
    assert!(html.contains("Court hearing on 2026-12-10 (in 17 days)"));
    let viewed = app
        .audit(AuditFilter {
            action: Some("triage.viewed".into()),
            ..AuditFilter::default()
        })
        .await;
    assert_eq!(viewed.len(), 2, "the API and the page");
}

#[actix_web::test]
async fn possible_duplicates_are_found_across_alphabets() {
    let app = spawn_app().await;
    let lawyer = started(&app).await;
    let form = refuge::routes::cases::intake::form::IntakeForm::from_pairs(
        [
            ("client.family_name", "Щербаков"),
            ("client.given_name", "Евгений"),
            ("family.0.relationship", "spouse"),
            ("family.0.family_name", "Щербакова"),
            ("family.0.given_name", "Юлия"),
            ("claim.kind", "affirmative"),
        ]
        .map(|(k, v)| (k.to_string(), v.to_string())),
    );
    let client_case = refuge::services::intake::save(
        &app.state,
        &lawyer.staff,
        None,
        form.parse().expect("parses"),
        false,
        None,
    )
    .await
    .unwrap();
    file(&app, answers("Shcherbakov", "Yevgeniy", ""), Language::Ru).await;
    file(&app, answers("Shcherbakova", "Iuliia", ""), Language::Uk).await;
    let (_, _, unrelated) =
        file(&app, answers("Petrov", "Oleg", "Петров Олег"), Language::Ru).await;

    let queue = queue(&app, &lawyer.staff).await;
    let item = |name: &str| {
        queue["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["name"] == name)
            .cloned()
            .unwrap()
    };
    let evgeny = item("Yevgeniy Shcherbakov")["possible_duplicates"].clone();
    assert_eq!(evgeny.as_array().unwrap().len(), 1, "{evgeny}");
    assert_eq!(evgeny[0]["reference"], client_case.reference.as_str());
    assert_eq!(evgeny[0]["native_name"], "");
    assert_eq!(evgeny[0]["name"], "Евгений Щербаков");
    assert_eq!(evgeny[0]["relationship"], Value::Null);
    let yulia = item("Iuliia Shcherbakova")["possible_duplicates"].clone();
    assert_eq!(
        yulia[0]["reference"],
        client_case.reference.as_str(),
        "{yulia}"
    );
    assert_eq!(yulia[0]["relationship"], "spouse");
    assert!(
        item("Oleg Petrov")["possible_duplicates"]
            .as_array()
            .unwrap()
            .is_empty()
    );

    let (_, html) = app.page(&lawyer.client, "/triage").await;
    assert!(
        html.contains(&format!(
            "Possibly the same person as {}",
            client_case.reference
        )),
        "{html}"
    );
    assert!(!html.contains(&format!("Possibly the same person as {unrelated}")));
}

#[actix_web::test]
async fn two_inquiries_from_the_same_person_flag_each_other() {
    let app = spawn_app().await;
    let lawyer = started(&app).await;
    let (_, _, first) = file(
        &app,
        answers("Shcherbakova", "Yulia", "Юлия Щербакова"),
        Language::Ru,
    )
    .await;
    let (_, _, second) = file(&app, answers("Shcherbakova", "Iuliia", ""), Language::Uk).await;
    let queue = queue(&app, &lawyer.staff).await;
    for item in queue["items"].as_array().unwrap() {
        let other = if item["reference"] == first.as_str() {
            &second
        } else {
            &first
        };
        assert_eq!(
            item["possible_duplicates"][0]["reference"],
            other.as_str(),
            "{item}"
        );
        assert_eq!(item["possible_duplicates"][0]["is_inquiry"], true);
    }
}

#[actix_web::test]
async fn taking_assigns_the_lawyer_and_moves_the_case_to_the_conflict_check() {
    let app = spawn_app().await;
    let lawyer = started(&app).await;
    let other = app
        .create_staff(Role::Lawyer, "other-lawyer@office.example.org")
        .await;
    let paralegal = app
        .create_staff(Role::Paralegal, "paralegal@office.example.org")
        .await;
    let (id, case_id, reference) = file(&app, answers("Ivanov", "Ivan", ""), Language::Ru).await;

    // A paralegal cannot be the lawyer of record: the page comes back with the problem.
    let response = app
        .post_form(
            &lawyer.client,
            &format!("/triage/{id}/take"),
            &[("lawyer_id", &paralegal.id.to_string())],
        )
        .await;
    assert_eq!(response.status(), 422);
    let html = response.text().await.unwrap();
    assert_eq!(
        field_error(&html, &format!("lawyer_id-{id}")).as_deref(),
        Some("Choose an active lawyer."),
        "{html}"
    );
    assert_eq!(stage(&app, &case_id).await, "inquiry");

    let response = app
        .post_form(
            &lawyer.client,
            &format!("/triage/{id}/take"),
            &[("lawyer_id", &other.id.to_string())],
        )
        .await;
    assert_eq!(response.status(), 303);
    let location = response.headers()["location"].to_str().unwrap().to_string();
    let (_, html) = app.page(&lawyer.client, &location).await;
    assert!(html.contains(&format!("{reference} was taken")), "{html}");
    assert_eq!(stage(&app, &case_id).await, "conflict_check");
    let case_uuid: uuid::Uuid = case_id.parse().unwrap();
    let case = app
        .state
        .db
        .run(move |conn| Ok(refuge::db::cases::find(conn, case_uuid)?))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(case.lawyer_id.map(|l| l.0), Some(other.id.as_uuid()));
    let taken = app
        .audit(AuditFilter {
            action: Some("inquiry.taken".into()),
            ..AuditFilter::default()
        })
        .await;
    assert_eq!(taken.len(), 1);
    assert_eq!(
        taken[0].actor_id.map(|a| a.0),
        Some(lawyer.staff.id.as_uuid())
    );
    assert_eq!(taken[0].target_id.as_deref(), Some(case_id.as_str()));
    assert!(taken[0].details.contains(r#""to":"conflict_check""#));

    // Acted on once: a second decision is refused.
    let again = app
        .post_form(
            &lawyer.client,
            &format!("/triage/{id}/decline"),
            &[("reason", "Too late")],
        )
        .await;
    assert_eq!(again.status(), 409);
    assert_eq!(stage(&app, &case_id).await, "conflict_check");
    let (_, html) = app.page(&lawyer.client, "/triage").await;
    assert!(!html.contains(&reference), "no longer waiting");
}

#[actix_web::test]
async fn merging_keeps_both_answers_and_closes_the_inquirys_own_case() {
    let app = spawn_app().await;
    let lawyer = started(&app).await;
    let (existing_id, existing) = app.draft_case(&lawyer.staff, "Shcherbakova").await;
    let (id, case_id, reference) = file(
        &app,
        answers("Shcherbakova", "Iuliia", "Юлия Щербакова"),
        Language::Uk,
    )
    .await;

    let response = app
        .post_form(
            &lawyer.client,
            &format!("/triage/{id}/merge"),
            &[("into_reference", "R-1999-00001")],
        )
        .await;
    assert_eq!(response.status(), 422);
    let html = response.text().await.unwrap();
    assert_eq!(
        field_error(&html, &format!("into_reference-{id}")).as_deref(),
        Some("No other case has this reference."),
        "{html}"
    );
    assert!(
        html.contains("value=\"R-1999-00001\""),
        "what was typed is kept"
    );

    let response = app
        .post_form(
            &lawyer.client,
            &format!("/triage/{id}/merge"),
            &[("into_reference", &existing.to_lowercase())],
        )
        .await;
    assert_eq!(response.status(), 303);
    assert_eq!(stage(&app, &case_id).await, "closed");
    let notes: Vec<String> = app
        .state
        .db
        .run(move |conn| {
            use refuge::db::schema::case_notes;
            Ok(case_notes::table
                .filter(case_notes::case_id.eq(DbUuid(existing_id)))
                .select(case_notes::body)
                .load::<String>(conn)?)
        })
        .await
        .unwrap();
    assert_eq!(notes.len(), 1);
    for answer in [
        reference.as_str(),
        "Iuliia",
        "Юлия Щербакова",
        "iuliia@example.org",
        "Detained for three days after a rally.",
    ] {
        assert!(
            notes[0].contains(answer),
            "{answer} missing from {}",
            notes[0]
        );
    }
    let merged = app
        .audit(AuditFilter {
            action: Some("inquiry.merged".into()),
            ..AuditFilter::default()
        })
        .await;
    assert_eq!(merged.len(), 1);
    assert!(
        merged[0]
            .details
            .contains(&format!(r#""merged_into":"{existing}""#))
    );
    let noted = app
        .audit(AuditFilter {
            action: Some("case.note_added".into()),
            target_id: Some(existing_id.to_string()),
            ..AuditFilter::default()
        })
        .await;
    assert_eq!(noted.len(), 1, "the note on the case it joined");
}

#[actix_web::test]
async fn declining_needs_a_reason_and_can_reply_kindly_in_the_persons_language() {
    let app = spawn_app().await;
    let lawyer = started(&app).await;
    let (id, case_id, reference) =
        file(&app, answers("Bondarenko", "Oksana", ""), Language::Uk).await;

    let response = app
        .post_form(
            &lawyer.client,
            &format!("/triage/{id}/decline"),
            &[("reason", "  "), ("reply", "on")],
        )
        .await;
    assert_eq!(response.status(), 422);
    let html = response.text().await.unwrap();
    assert_eq!(
        field_error(&html, &format!("reason-{id}")).as_deref(),
        Some("This field is required."),
        "{html}"
    );
    assert_eq!(stage(&app, &case_id).await, "inquiry");

    let response = app
        .post_form(
            &lawyer.client,
            &format!("/triage/{id}/decline"),
            &[("reason", "Outside our practice area"), ("reply", "on")],
        )
        .await;
    assert_eq!(response.status(), 303);
    assert_eq!(stage(&app, &case_id).await, "declined");
    let outbox = app.outbox().await;
    let replies: Vec<_> = outbox
        .iter()
        .filter(|m| m.kind == refuge::services::inquiries::DECLINE_REPLY_MAIL)
        .collect();
    assert_eq!(replies.len(), 1);
    let reply = replies[0];
    assert_eq!(reply.to_address, "oksana@example.org");
    assert_eq!(reply.subject, "Щодо вашого звернення до нашого офісу");
    for private in [
        "Bondarenko",
        "Oksana",
        "Outside our practice",
        reference.as_str(),
    ] {
        assert!(!reply.text_body.contains(private), "{private} in the reply");
    }
    let declined = app
        .audit(AuditFilter {
            action: Some("inquiry.declined".into()),
            ..AuditFilter::default()
        })
        .await;
    assert_eq!(declined.len(), 1);
    assert!(declined[0].details.contains(r#""reply_sent":true"#));
    assert!(
        !declined[0].details.contains("Outside"),
        "no free text in the log"
    );
}

#[actix_web::test]
async fn the_api_declines_without_a_reply_when_asked_not_to() {
    let app = spawn_app().await;
    let lawyer = started(&app).await;
    let (id, case_id, _) = file(&app, answers("Melnyk", "Taras", ""), Language::Uk).await;
    let token = app
        .api_token(&lawyer.staff.email, crate::helpers::PASSWORD)
        .await;
    let response = client()
        .post(app.url(&format!("/api/v1/triage/{id}/decline")))
        .bearer_auth(&token)
        .json(&serde_json::json!({ "reason": "" }))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 422);
    assert_eq!(
        response.headers()["content-type"],
        "application/problem+json"
    );
    let response = client()
        .post(app.url(&format!("/api/v1/triage/{id}/decline")))
        .bearer_auth(&token)
        .json(&serde_json::json!({ "reason": "No capacity this month", "reply": false }))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["status"], "declined");
    assert_eq!(body["reply_sent"], false);
    assert_eq!(stage(&app, &case_id).await, "declined");
    assert!(
        app.outbox()
            .await
            .iter()
            .all(|m| m.kind != refuge::services::inquiries::DECLINE_REPLY_MAIL)
    );
}

#[actix_web::test]
async fn the_office_report_counts_web_inquiries_and_the_median_time_to_a_first_action() {
    let app = spawn_app().await;
    let lawyer = started(&app).await;
    let (first, _, _) = file(&app, answers("Ivanova", "Maria", ""), Language::Ru).await;
    let (second, _, _) = file(&app, answers("Sokolov", "Pavel", ""), Language::Ru).await;
    file(&app, answers("Orlova", "Nina", ""), Language::Ru).await;
    // The first is acted on 30 minutes after it came, the second 90 minutes after (through
    // the API: a page session would have timed out).
    let token = app
        .api_token(&lawyer.staff.email, crate::helpers::PASSWORD)
        .await;
    let decline = |id: String| {
        let request = client()
            .post(app.url(&format!("/api/v1/triage/{id}/decline")))
            .bearer_auth(&token)
            .json(&serde_json::json!({ "reason": "Outside our practice area" }));
        async move { request.send().await.unwrap().status() }
    };
    app.clock.advance(Duration::minutes(28));
    assert_eq!(decline(first).await, 200);
    app.clock.advance(Duration::minutes(61));
    assert_eq!(decline(second).await, 200);

    let admin = app
        .create_staff(Role::Admin, "admin@office.example.org")
        .await;
    let token = app.api_token(&admin.email, crate::helpers::PASSWORD).await;
    let report: Value = client()
        .get(app.url("/api/v1/reports/weekly?week=2026-W48&of=office"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(report["web_inquiries"], 3, "{report}");
    assert_eq!(report["web_inquiries_median_minutes_to_action"], 60);
    // A lawyer's own report has no web inquiries: nobody's caseload holds them.
    let own: Value = client()
        .get(app.url("/api/v1/reports/weekly?week=2026-W48"))
        .bearer_auth(
            app.api_token(&lawyer.staff.email, crate::helpers::PASSWORD)
                .await,
        )
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(own["web_inquiries"], Value::Null);
}

/// Files one more inquiry than a page of the queue holds, none urgent (so the queue is
/// oldest first); returns their ids in the order filed.
async fn file_a_page_and_one(app: &TestApp) -> Vec<String> {
    let per_page = refuge::services::inquiries::PER_PAGE.get();
    for n in 0..=per_page {
        // Letters, not digits: a name's digits are not words to the matcher.
        let family: String = n
            .to_string()
            .chars()
            .map(|d| char::from(b'a' + d.to_digit(10).unwrap_or(0) as u8))
            .collect();
        app.clock.advance(Duration::minutes(1));
        let today = refuge::services::cases::today(&app.state);
        let inquiry = answers(&format!("Paged{family}"), "Anna", "")
            .parse(today)
            .expect("valid answers");
        refuge::services::inquiries::submit(&app.state, inquiry, Language::Ru, None)
            .await
            .expect("filed");
    }
    unreviewed(app)
        .await
        .into_iter()
        .map(|r| r.id.0.to_string())
        .collect()
}

async fn queue_page(app: &TestApp, lawyer: &Staff, page: &str) -> (u16, Value) {
    let token = app.api_token(&lawyer.email, crate::helpers::PASSWORD).await;
    let response = client()
        .get(app.url(&format!("/api/v1/triage?page={page}")))
        .bearer_auth(token)
        .send()
        .await
        .unwrap();
    (response.status().as_u16(), response.json().await.unwrap())
}

fn ids(queue: &Value) -> Vec<String> {
    queue["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["id"].as_str().unwrap().to_string())
        .collect()
}

#[actix_web::test]
async fn the_api_pages_the_queue_fifty_at_a_time() {
    let app = spawn_app().await;
    let lawyer = started(&app).await;
    let filed = file_a_page_and_one(&app).await;

    let (status, first) = queue_page(&app, &lawyer.staff, "1").await;
    assert_eq!(status, 200);
    assert_eq!(ids(&first), filed[..50]);
    assert_eq!(
        (
            &first["waiting"],
            &first["page"],
            &first["pages"],
            &first["per_page"]
        ),
        (
            &Value::from(51),
            &Value::from(1),
            &Value::from(2),
            &Value::from(50)
        )
    );
    let (_, second) = queue_page(&app, &lawyer.staff, "2").await;
    assert_eq!(ids(&second), filed[50..]);
    // Past the last page is the last page.
    let (_, past) = queue_page(&app, &lawyer.staff, "9").await;
    assert_eq!((ids(&past), &past["page"]), (ids(&second), &Value::from(2)));
}

#[actix_web::test]
async fn the_api_refuses_a_page_that_is_not_a_number() {
    let app = spawn_app().await;
    let lawyer = started(&app).await;
    let (status, problem) = queue_page(&app, &lawyer.staff, "two").await;
    assert_eq!(status, 422, "{problem}");
    assert!(problem.to_string().contains("page"), "{problem}");
}

#[actix_web::test]
async fn the_page_links_to_the_next_page_and_shows_what_is_on_it() {
    let app = spawn_app().await;
    open_form(&app).await;
    let filed = file_a_page_and_one(&app).await;
    // Signed in after filing: the clock has moved on by then.
    let lawyer = app.login_as(Role::Lawyer).await;

    let row = |id: &str| format!(r#"<article class="queue-item" id="inquiry-{id}""#);
    let (_, first) = app.page(&lawyer.client, "/triage").await;
    assert!(
        first.contains(r#"href="/triage?page=2" rel="next""#),
        "{first}"
    );
    assert!(first.contains(&row(&filed[0])) && !first.contains(&row(&filed[50])));
    let (_, second) = app.page(&lawyer.client, "/triage?page=2").await;
    assert!(second.contains(&row(&filed[50])) && !second.contains(&row(&filed[0])));
    assert!(
        second.contains(r#"href="/triage?page=1" rel="prev""#),
        "{second}"
    );
}

#[actix_web::test]
async fn an_action_on_the_second_page_comes_back_to_the_second_page() {
    let app = spawn_app().await;
    open_form(&app).await;
    let filed = file_a_page_and_one(&app).await;
    // Signed in after filing: the clock has moved on by then.
    let lawyer = app.login_as(Role::Lawyer).await;
    let id = &filed[50];

    // Refused: the row comes back with what was typed, on its page.
    let response = app
        .post_form(
            &lawyer.client,
            &format!("/triage/{id}/merge"),
            &[("into_reference", "R-1999-99999"), ("page", "2")],
        )
        .await;
    assert_eq!(response.status(), 422);
    let html = response.text().await.unwrap();
    assert!(
        field_error(&html, &format!("into_reference-{id}")).is_some(),
        "{html}"
    );
    assert!(html.contains("R-1999-99999"));

    let response = app
        .post_form(
            &lawyer.client,
            &format!("/triage/{id}/decline"),
            &[("reason", "Outside our practice area"), ("page", "2")],
        )
        .await;
    assert_eq!(response.status(), 303);
    let location = response.headers()["location"].to_str().unwrap().to_string();
    assert!(location.ends_with("&page=2"), "{location}");
}

/// The case's events as (kind, day).
async fn events(app: &TestApp, case_id: uuid::Uuid) -> Vec<(String, chrono::NaiveDate)> {
    app.state
        .db
        .run(move |conn| {
            Ok(refuge::db::case_work::events(conn, case_id)?
                .into_iter()
                .map(|e| (e.kind, e.scheduled_at.date()))
                .collect())
        })
        .await
        .unwrap()
}

/// The case's deadlines as (kind, day).
async fn deadlines(app: &TestApp, case_id: uuid::Uuid) -> Vec<(String, chrono::NaiveDate)> {
    app.state
        .db
        .run(move |conn| {
            use refuge::db::schema::case_deadlines;
            Ok(case_deadlines::table
                .filter(case_deadlines::case_id.eq(DbUuid(case_id)))
                .select((case_deadlines::kind, case_deadlines::due_on))
                .load(conn)?)
        })
        .await
        .unwrap()
}

/// Someone in the US, detained, with a hearing on 2026-12-07 (14 days after today) and
/// two family members.
fn urgent_answers(family_name: &str, given_name: &str) -> InquiryForm {
    InquiryForm {
        whereabouts: "united_states".into(),
        last_arrival_on: "2026-02-10".into(),
        detained: "yes".into(),
        has_hearing: "yes".into(),
        hearing_on: "2026-12-07".into(),
        travelling_family: "2".into(),
        preferred_language: "uk".into(),
        account: "They came for me at night twice.".into(),
        ..answers(family_name, given_name, "")
    }
}

fn day(on: &str) -> chrono::NaiveDate {
    on.parse().unwrap()
}

#[actix_web::test]
async fn a_taken_inquiry_keeps_every_answer_and_its_hearing_on_the_case() {
    let app = spawn_app().await;
    let lawyer = started(&app).await;
    let (id, case_id, reference) =
        file(&app, urgent_answers("Kovalenko", "Petro"), Language::Uk).await;
    let response = app
        .post_form(
            &lawyer.client,
            &format!("/triage/{id}/take"),
            &[("lawyer_id", &lawyer.staff.id.to_string())],
        )
        .await;
    assert_eq!(response.status(), 303);
    let case_uuid: uuid::Uuid = case_id.parse().unwrap();

    // The hearing is the case's own hearing, so deadlines and reminders see it.
    assert_eq!(
        events(&app, case_uuid).await,
        [("master_hearing".to_string(), day("2026-12-07"))]
    );
    assert!(
        deadlines(&app, case_uuid)
            .await
            .contains(&("hearing".to_string(), day("2026-12-07"))),
        "{:?}",
        deadlines(&app, case_uuid).await
    );
    let added = app
        .audit(AuditFilter {
            action: Some("case.event_added".into()),
            target_id: Some(case_id.clone()),
            ..AuditFilter::default()
        })
        .await;
    assert_eq!(added.len(), 1, "the hearing is audited");

    // Everything else the person told us is on the case page.
    let (status, html) = app.page(&lawyer.client, &format!("/cases/{case_id}")).await;
    assert_eq!(status, 200);
    for answer in [
        format!("Answers of web inquiry {reference}, taken as this case:"),
        "Where are you now?: In the United States".to_string(),
        "Are you detained by immigration authorities?: Yes".to_string(),
        "Date of the hearing: 2026-12-07".to_string(),
        "How many family members are travelling with you?: 2".to_string(),
        "Which language do you prefer?: Ukrainian".to_string(),
        "They came for me at night twice.".to_string(),
    ] {
        assert!(
            html.contains(&answer),
            "{answer} missing from the case page"
        );
    }
    let noted = app
        .audit(AuditFilter {
            action: Some("case.note_added".into()),
            target_id: Some(case_id.clone()),
            ..AuditFilter::default()
        })
        .await;
    assert_eq!(noted.len(), 1, "the answers' note is audited");
    assert!(
        !noted[0].details.contains("night"),
        "no free text in the log"
    );
}

#[actix_web::test]
async fn a_merged_inquirys_hearing_joins_the_case_unless_it_has_one_that_day() {
    let app = spawn_app().await;
    let lawyer = started(&app).await;
    let token = app
        .api_token(&lawyer.staff.email, crate::helpers::PASSWORD)
        .await;
    let merge = |id: String, into: String| {
        let request = client()
            .post(app.url(&format!("/api/v1/triage/{id}/merge")))
            .bearer_auth(&token)
            .json(&serde_json::json!({ "into_reference": into }));
        async move { request.send().await.unwrap().status() }
    };

    let (target_id, target) = app.draft_case(&lawyer.staff, "Kovalenko").await;
    let (id, _, _) = file(&app, urgent_answers("Kovalenko", "Petro"), Language::Uk).await;
    assert_eq!(merge(id, target.clone()).await, 200);
    assert_eq!(
        events(&app, target_id).await,
        [("master_hearing".to_string(), day("2026-12-07"))]
    );
    assert!(
        deadlines(&app, target_id)
            .await
            .contains(&("hearing".to_string(), day("2026-12-07")))
    );

    // A second inquiry with the same hearing adds its answers, not a second hearing.
    let (again, _, _) = file(&app, urgent_answers("Kovalenko", "Petro"), Language::Uk).await;
    assert_eq!(merge(again, target).await, 200);
    assert_eq!(events(&app, target_id).await.len(), 1);
}

#[actix_web::test]
async fn a_hearing_today_or_past_is_said_so_in_every_language() {
    let app = spawn_app().await;
    let lawyer = started(&app).await;
    // Today is 2026-11-23.
    let with_hearing = |family: &str, given: &str, on: &str| InquiryForm {
        has_hearing: "yes".into(),
        hearing_on: on.into(),
        ..answers(family, given, "")
    };
    file(
        &app,
        with_hearing("Past", "Anna", "2026-11-07"),
        Language::Ru,
    )
    .await;
    file(
        &app,
        with_hearing("Today", "Boris", "2026-11-23"),
        Language::Ru,
    )
    .await;
    file(
        &app,
        with_hearing("Tomorrow", "Vera", "2026-11-24"),
        Language::Ru,
    )
    .await;

    let queue = queue(&app, &lawyer.staff).await;
    let days: Vec<i64> = queue["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["urgency"][0]["days_left"].as_i64().unwrap())
        .collect();
    assert_eq!(days, [-16, 0, 1], "the API keeps the signed count");

    for (language, past, today, tomorrow) in [
        (
            "en",
            "Court hearing was on 2026-11-07 (16 days ago)",
            "Court hearing today, 2026-11-23",
            "Court hearing on 2026-11-24 (in 1 day)",
        ),
        (
            "ru",
            "Заседание суда было 2026-11-07 (16 дней назад)",
            "Заседание суда сегодня, 2026-11-23",
            "Заседание суда 2026-11-24 (осталось дней: 1)",
        ),
        (
            "uk",
            "Судове засідання було 2026-11-07 (16 днів тому)",
            "Судове засідання сьогодні, 2026-11-23",
            "Судове засідання 2026-11-24 (через 1 день)",
        ),
        (
            "es",
            "La audiencia en la corte fue el 2026-11-07 (hace 16 días)",
            "Audiencia en la corte hoy, 2026-11-23",
            "Audiencia en la corte el 2026-11-24 (dentro de 1 día)",
        ),
    ] {
        let response = app
            .post_form(
                &lawyer.client,
                "/account/language",
                &[("language", language)],
            )
            .await;
        assert_eq!(response.status(), 303);
        let (status, html) = app.page(&lawyer.client, "/triage").await;
        assert_eq!(status, 200);
        for said in [past, today, tomorrow] {
            assert!(
                html.contains(said),
                "{language}: {said} missing from {html}"
            );
        }
        assert!(
            !html.contains(" -16") && !html.contains("−16"),
            "{language}: a negative count shown"
        );
    }
}

#[actix_web::test]
async fn an_inquiry_is_not_merged_into_a_case_that_is_not_open() {
    let app = spawn_app().await;
    let lawyer = started(&app).await;
    let (declined_id, declined_case, declined) =
        file(&app, answers("Hrytsenko", "Olena", ""), Language::Uk).await;
    let response = app
        .post_form(
            &lawyer.client,
            &format!("/triage/{declined_id}/decline"),
            &[("reason", "Outside our practice area")],
        )
        .await;
    assert_eq!(response.status(), 303);
    assert_eq!(stage(&app, &declined_case).await, "declined");
    let (id, case_id, _) = file(&app, answers("Hrytsenko", "Olena", ""), Language::Uk).await;

    let token = app
        .api_token(&lawyer.staff.email, crate::helpers::PASSWORD)
        .await;
    let response = client()
        .post(app.url(&format!("/api/v1/triage/{id}/merge")))
        .bearer_auth(&token)
        .json(&serde_json::json!({ "into_reference": declined }))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 409);
    assert_eq!(
        response.headers()["content-type"],
        "application/problem+json"
    );

    let response = app
        .post_form(
            &lawyer.client,
            &format!("/triage/{id}/merge"),
            &[("into_reference", &declined)],
        )
        .await;
    assert_eq!(response.status(), 409);
    let html = response.text().await.unwrap();
    assert_eq!(
        field_error(&html, &format!("into_reference-{id}")).as_deref(),
        Some(
            "This case is declined, withdrawn or closed: reopen it first, or take the inquiry as a new case."
        ),
        "{html}"
    );
    assert!(
        html.contains(&format!("value=\"{declined}\"")),
        "what was typed is kept"
    );
    assert_eq!(stage(&app, &case_id).await, "inquiry", "still waiting");
    let declined_uuid: uuid::Uuid = declined_case.parse().unwrap();
    let notes: i64 = app
        .state
        .db
        .run(move |conn| {
            use refuge::db::schema::case_notes;
            Ok(case_notes::table
                .filter(case_notes::case_id.eq(DbUuid(declined_uuid)))
                .count()
                .get_result(conn)?)
        })
        .await
        .unwrap();
    assert_eq!(notes, 0, "nothing written to the declined case");
}
