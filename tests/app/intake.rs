//! The intake page through HTTP: a full intake completed, a draft saved and resumed, problems
//! shown with every entry kept and nothing saved, row buttons that keep typed text, and
//! paralegals kept out. Runs on SQLite, and on PostgreSQL with `REFUGE_TEST_POSTGRES_URL`.

use refuge::db::audit_log::AuditFilter;
use refuge::domain::codes::{Persecutor, Sex, TravelMode};
use refuge::domain::staff::Role;
use refuge::services::cases;

use crate::helpers::{Session, TestApp, field_error, input_value, spawn_app};

/// Location of a `303` answer, which must point at the case page; returns the case id.
fn case_location(response: &reqwest::Response) -> uuid::Uuid {
    assert_eq!(response.status(), 303, "expected a redirect to the case");
    let location = response
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .expect("Location header");
    let id = location
        .strip_prefix("/cases/")
        .unwrap_or_else(|| panic!("redirect to {location}, not to a case"));
    id.parse().expect("case id in the Location")
}

async fn post(
    app: &TestApp,
    session: &Session,
    path: &str,
    fields: &[(&str, &str)],
) -> reqwest::Response {
    app.post_form(&session.client, path, fields).await
}

async fn page(app: &TestApp, session: &Session, path: &str) -> (u16, String) {
    let response = session.client.get(app.url(path)).send().await.expect("GET");
    let status = response.status().as_u16();
    (status, response.text().await.expect("body"))
}

async fn count_cases(app: &TestApp) -> i64 {
    app.state
        .db
        .run(|conn| {
            use diesel::prelude::*;
            use refuge::db::schema::cases;
            Ok(cases::table.count().get_result(conn)?)
        })
        .await
        .expect("count")
}

/// The text inside `<textarea name="{name}" …>`.
fn textarea_value(html: &str, name: &str) -> Option<String> {
    let start = html.find(&format!("<textarea id=\"{name}\""))?;
    let open_end = start + html[start..].find('>')? + 1;
    let close = open_end + html[open_end..].find("</textarea>")?;
    Some(html[open_end..close].trim_start_matches('\n').to_string())
}

/// The value of the selected option of `<select name="{name}">`.
fn selected_value(html: &str, name: &str) -> Option<String> {
    let start = html.find(&format!("<select id=\"{name}\""))?;
    let end = start + html[start..].find("</select>")?;
    let select = &html[start..end];
    let option = select.find("\" selected>")?;
    let value_start = select[..option].rfind("value=\"")? + "value=\"".len();
    Some(select[value_start..option].to_string())
}

/// The chosen value of each picker of a list field (`name="{name}"`), in order; `""` for
/// a picker left empty.
fn chosen_values(html: &str, name: &str) -> Vec<String> {
    html.match_indices(&format!("name=\"{name}\""))
        .filter_map(|(at, _)| {
            let select = &html[at..at + html[at..].find("</select>")?];
            let Some(option) = select.find("\" selected>") else {
                return Some(String::new());
            };
            let value_start = select[..option].rfind("value=\"")? + "value=\"".len();
            Some(select[value_start..option].to_string())
        })
        .collect()
}

/// Every section filled: a bank manager from Moscow, via Zürich and Cancún to San Ysidro.
fn full_intake<'a>(lawyer_id: &'a str, paralegal_id: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("client.family_name", "Shcherbakov"),
        ("client.given_name", "Yevgeniy"),
        ("client.middle_name", "NONE"),
        ("client.native_name", "Евгений Щербаков"),
        (
            "client.other_names",
            "Evgeny Shcherbakov\nЩербаков Евгений Петрович",
        ),
        ("client.date_of_birth", "1984-03-12"),
        ("client.sex", "male"),
        ("client.country_of_birth", "RU"),
        ("client.nationalities", "RU"),
        ("client.languages", "ru, en"),
        ("client.interpreter_needed", "on"),
        ("client.a_number", "A-12-345-678"),
        ("client.passport_numbers", "75 1234567"),
        ("client.passport_expiry", "2031-05-20"),
        ("client.immigration_status", "paroled"),
        ("client.phone", "+1 619 555 0147"),
        ("client.phone_safe", "on"),
        ("client.email", "client@example.net"),
        ("client.messenger", "Telegram @yevgeniy84"),
        ("client.messenger_safe", "on"),
        ("client.us_address", "1200 Harbor Dr, San Diego CA"),
        ("entry.last_arrival_on", "2026-01-15"),
        ("entry.port_of_entry", "San Ysidro"),
        ("entry.manner_of_entry", "port_parole"),
        ("entry.i94_number", "123456789A1"),
        ("entry.class_of_admission", "DT"),
        ("entry.parole_expires_on", "2028-01-14"),
        ("family.0.relationship", "parent"),
        ("family.0.family_name", "Shcherbakova"),
        ("family.0.given_name", "Galina"),
        ("family.0.native_name", "Галина Щербакова"),
        ("family.0.date_of_birth", "1958-07-02"),
        ("family.0.marital_status", "widowed"),
        ("family.0.notes", "Police visit her flat in Moscow"),
        ("journey.0.from_country", "RU"),
        ("journey.0.from_city", "Moscow"),
        ("journey.0.to_country", "CH"),
        ("journey.0.to_city", "Zürich"),
        ("journey.0.departed_on", "2026-01-10"),
        ("journey.0.arrived_on", "2026-01-10"),
        ("journey.0.mode", "air"),
        ("journey.0.notes", "Swiss flight"),
        ("journey.1.from_country", "MX"),
        ("journey.1.from_city", "Tijuana"),
        ("journey.1.to_country", "US"),
        ("journey.1.to_city", "San Ysidro"),
        ("journey.1.departed_on", "2026-01-15"),
        ("journey.1.arrived_on", "2026-01-15"),
        ("journey.1.mode", "car"),
        ("persecution.0.occurred_on", "2025-06-03"),
        ("persecution.0.place", "Moscow"),
        ("persecution.0.actor", "police"),
        (
            "persecution.0.description",
            "Arrested after filing a complaint about police mistreatment",
        ),
        ("persecution.0.detention_days", "3"),
        ("persecution.0.charges", "Discrediting the army"),
        ("persecution.0.outcome", "Released pending trial"),
        ("persecution.0.evidence", "Court record, medical report"),
        ("claim.kind", "defensive"),
        ("claim.lawyer_id", lawyer_id),
        ("claim.paralegal_id", paralegal_id),
    ]
}

/// Audit details must never carry what identifies the client or tells their story.
fn assert_no_identifying_values(details: &str) {
    for secret in [
        "Shcherbakov",
        "Yevgeniy",
        "Щербаков",
        "Евгений",
        "Юлия",
        "Galina",
        "Moscow",
        "Zürich",
        "complaint",
        "Discrediting",
        "012345678",
        "619 555",
        "example.net",
        "yevgeniy84",
        "Harbor",
    ] {
        assert!(
            !details.contains(secret),
            "{secret} leaked into the audit log: {details}"
        );
    }
}

#[actix_web::test]
async fn a_lawyer_completes_an_intake_with_every_section() {
    let app = spawn_app().await;
    let lawyer = app.login_as(Role::Lawyer).await;
    let paralegal = app
        .create_staff(Role::Paralegal, "para@office.example.org")
        .await;
    let (lawyer_id, paralegal_id) = (lawyer.staff.id.to_string(), paralegal.id.to_string());

    let (status, blank) = page(&app, &lawyer, "/intake").await;
    assert_eq!(status, 200);
    assert!(blank.contains("action=\"/intake\""));
    assert_eq!(
        selected_value(&blank, "claim.lawyer_id").as_deref(),
        Some(lawyer_id.as_str()),
        "the lawyer taking the intake is its lawyer of record by default"
    );
    assert!(blank.contains(&paralegal.display_name));

    let mut fields = full_intake(&lawyer_id, &paralegal_id);
    fields.push(("action", "complete"));
    let response = post(&app, &lawyer, "/intake", &fields).await;
    let id = case_location(&response);
    assert_eq!(count_cases(&app).await, 1);
    let (status, _) = page(&app, &lawyer, &format!("/cases/{id}")).await;
    assert_eq!(status, 200, "the redirect leads to the case page");

    let file = cases::open(&app.state, &lawyer.staff, id, None)
        .await
        .expect("case opens");
    assert!(file.case.intake_complete);
    let intake = &file.intake;
    let c = &intake.client;
    assert_eq!(
        (
            c.family_name.as_str(),
            c.given_name.as_str(),
            c.middle_name.as_str()
        ),
        ("Shcherbakov", "Yevgeniy", "NONE")
    );
    assert_eq!(c.native_name, "Евгений Щербаков");
    assert_eq!(
        c.other_names,
        vec!["Evgeny Shcherbakov", "Щербаков Евгений Петрович"]
    );
    assert_eq!(
        c.date_of_birth.map(|d| d.to_string()).as_deref(),
        Some("1984-03-12")
    );
    assert_eq!(c.sex, Some(Sex::Male));
    assert_eq!(c.country_of_birth.as_deref(), Some("RU"));
    assert_eq!(c.nationalities, vec!["RU"]);
    assert_eq!(c.languages, vec!["ru", "en"]);
    assert!(c.interpreter_needed);
    assert_eq!(c.a_number.as_deref(), Some("012345678"));
    assert_eq!(c.passport_numbers, "75 1234567");
    assert_eq!(
        (c.phone_safe, c.email_safe, c.messenger_safe, c.address_safe),
        (true, false, true, false)
    );
    assert_eq!(c.us_address, "1200 Harbor Dr, San Diego CA");
    assert_eq!(
        intake
            .entry
            .last_arrival_on
            .map(|d| d.to_string())
            .as_deref(),
        Some("2026-01-15")
    );
    assert_eq!(intake.entry.port_of_entry, "San Ysidro");
    assert_eq!(intake.entry.class_of_admission, "DT");
    assert_eq!(intake.family.len(), 1);
    assert_eq!(intake.family[0].native_name, "Галина Щербакова");
    assert!(
        !intake.family[0].safe_to_contact,
        "the mother is not safe to contact"
    );
    let legs: Vec<(&str, &str, Option<TravelMode>)> = intake
        .journey
        .iter()
        .map(|l| (l.from_city.as_str(), l.to_city.as_str(), l.mode))
        .collect();
    assert_eq!(
        legs,
        vec![
            ("Moscow", "Zürich", Some(TravelMode::Air)),
            ("Tijuana", "San Ysidro", Some(TravelMode::Car))
        ]
    );
    assert_eq!(intake.persecution.len(), 1);
    let arrest = &intake.persecution[0];
    assert_eq!(arrest.actor, Some(Persecutor::Police));
    assert_eq!(arrest.detention_days, Some(3));
    assert_eq!(arrest.evidence, "Court record, medical report");
    assert_eq!(intake.claim.lawyer_id, Some(lawyer.staff.id));
    assert_eq!(intake.claim.paralegal_id, Some(paralegal.id));
    assert_eq!(file.case.kind.as_deref(), Some("defensive"));

    // The edit page shows what was saved.
    let (status, html) = page(&app, &lawyer, &format!("/cases/{id}/intake")).await;
    assert_eq!(status, 200);
    assert!(html.contains(&file.case.reference));
    assert_eq!(
        input_value(&html, "client.native_name").as_deref(),
        Some("Евгений Щербаков")
    );
    assert_eq!(
        input_value(&html, "client.a_number").as_deref(),
        Some("A-012-345-678")
    );
    assert_eq!(
        input_value(&html, "journey.1.to_city").as_deref(),
        Some("San Ysidro")
    );
    assert_eq!(
        input_value(&html, "journey.0.to_city").as_deref(),
        Some("Zürich")
    );
    assert_eq!(
        selected_value(&html, "journey.1.mode").as_deref(),
        Some("car")
    );
    assert_eq!(
        selected_value(&html, "claim.paralegal_id").as_deref(),
        Some(paralegal_id.as_str())
    );
    assert_eq!(
        textarea_value(&html, "persecution.0.description").as_deref(),
        Some("Arrested after filing a complaint about police mistreatment")
    );
    assert!(html.contains("name=\"client.phone_safe\" type=\"checkbox\" checked"));
    assert!(!html.contains("name=\"client.email_safe\" type=\"checkbox\" checked"));
    // A completed intake has one button, which keeps it complete.
    assert!(!html.contains("value=\"save_draft\""));

    let created = app
        .audit(AuditFilter {
            action: Some("case.created".into()),
            target_id: Some(id.to_string()),
            ..AuditFilter::default()
        })
        .await;
    assert_eq!(created.len(), 1);
    assert_eq!(
        created[0].actor_id.map(|a| a.0),
        Some(lawyer.staff.id.as_uuid())
    );
    assert!(created[0].details.contains("client.family_name"));
    assert_no_identifying_values(&created[0].details);
}

#[actix_web::test]
async fn a_draft_with_only_a_name_is_resumed_and_completed() {
    let app = spawn_app().await;
    let lawyer = app.login_as(Role::Lawyer).await;
    let lawyer_id = lawyer.staff.id.to_string();

    let response = post(
        &app,
        &lawyer,
        "/intake",
        &[("client.given_name", "Юлия"), ("action", "save_draft")],
    )
    .await;
    let id = case_location(&response);
    let file = cases::open(&app.state, &lawyer.staff, id, None)
        .await
        .expect("case opens");
    assert!(!file.case.intake_complete);
    assert_eq!(file.intake.client.given_name, "Юлия");

    let (status, html) = page(&app, &lawyer, &format!("/cases/{id}/intake")).await;
    assert_eq!(status, 200);
    assert_eq!(
        input_value(&html, "client.given_name").as_deref(),
        Some("Юлия")
    );
    assert!(html.contains("value=\"save_draft\"") && html.contains("value=\"complete\""));

    let response = post(
        &app,
        &lawyer,
        &format!("/cases/{id}/intake"),
        &[
            ("client.family_name", "Shcherbakova"),
            ("client.given_name", "Юлия"),
            ("client.middle_name", "NONE"),
            ("client.date_of_birth", "1990-02-28"),
            ("client.nationalities", "RU, UA"),
            ("journey.0.from_city", "Moscow"),
            ("journey.0.to_city", "Tashkent"),
            ("journey.1.from_city", "Tashkent"),
            ("journey.1.to_city", "Istanbul"),
            ("claim.kind", "affirmative"),
            ("claim.lawyer_id", &lawyer_id),
            ("action", "complete"),
        ],
    )
    .await;
    assert_eq!(case_location(&response), id);
    assert_eq!(
        count_cases(&app).await,
        1,
        "resuming does not open a second case"
    );
    let file = cases::open(&app.state, &lawyer.staff, id, None)
        .await
        .expect("case opens");
    assert!(file.case.intake_complete);
    assert_eq!(file.intake.client.nationalities, vec!["RU", "UA"]);
    assert_eq!(file.intake.journey[1].to_city, "Istanbul");

    let updated = app
        .audit(AuditFilter {
            action: Some("case.updated".into()),
            target_id: Some(id.to_string()),
            ..AuditFilter::default()
        })
        .await;
    assert_eq!(updated.len(), 1);
    assert!(updated[0].details.contains("\"intake_complete\":true"));
    assert!(updated[0].details.contains("client.nationalities"));
    assert_no_identifying_values(&updated[0].details);
    let created = app
        .audit(AuditFilter {
            action: Some("case.created".into()),
            target_id: Some(id.to_string()),
            ..AuditFilter::default()
        })
        .await;
    assert_eq!(created.len(), 1);
    assert_no_identifying_values(&created[0].details);
}

/// The audit details of the one `action` entry of case `id`.
async fn details_of(app: &TestApp, action: &str, id: uuid::Uuid) -> serde_json::Value {
    let rows = app
        .audit(AuditFilter {
            action: Some(action.into()),
            target_id: Some(id.to_string()),
            ..AuditFilter::default()
        })
        .await;
    assert_eq!(rows.len(), 1, "{action}");
    serde_json::from_str(&rows[0].details).expect("JSON details")
}

#[actix_web::test]
async fn the_audit_log_keeps_values_of_allowlisted_intake_fields_only() {
    let app = spawn_app().await;
    let lawyer = app.login_as(Role::Lawyer).await;
    let paralegal = app
        .create_staff(Role::Paralegal, "para@office.example.org")
        .await;
    let (lawyer_id, paralegal_id) = (lawyer.staff.id.to_string(), paralegal.id.to_string());
    let mut fields = full_intake(&lawyer_id, &paralegal_id);
    fields.push(("action", "complete"));
    let id = case_location(&post(&app, &lawyer, "/intake", &fields).await);

    let allowlisted = [
        "claim.kind",
        "claim.lawyer_id",
        "claim.paralegal_id",
        "client.interpreter_needed",
        "client.phone_safe",
        "client.email_safe",
        "client.messenger_safe",
    ];
    let created = details_of(&app, "case.created", id).await;
    let changed = serde_json::json!({ "changed": true });
    for (path, _) in full_intake(&lawyer_id, &paralegal_id) {
        let logged = &created["fields"][path];
        if allowlisted.contains(&path) {
            assert!(logged.get("after").is_some(), "{path}: {logged}");
        } else {
            assert_eq!(logged, &changed, "{path} on creation");
        }
    }

    // Each sensitive fact the issue names changes, and two allowlisted fields.
    let edits = [
        ("client.nationalities", "RU, UA"),
        ("client.languages", "ru"),
        ("client.immigration_status", "in_proceedings"),
        ("entry.last_arrival_on", "2026-01-16"),
        ("entry.port_of_entry", "Otay Mesa"),
        ("entry.manner_of_entry", "cbp_one"),
        ("entry.parole_expires_on", "2028-01-15"),
        ("family.0.date_of_birth", "1958-07-03"),
        ("family.0.marital_status", "married"),
        ("journey.0.departed_on", "2026-01-09"),
        ("journey.0.to_country", "TR"),
        ("journey.0.mode", "sea"),
        ("persecution.0.occurred_on", "2025-06-04"),
        ("persecution.0.actor", "security_service"),
        ("persecution.0.detention_days", "15"),
        ("claim.kind", "affirmative"),
        ("client.email_safe", "on"),
    ];
    let mut edited: Vec<(&str, &str)> = full_intake(&lawyer_id, &paralegal_id)
        .into_iter()
        .filter(|(path, _)| !edits.iter().any(|(p, _)| p == path))
        .collect();
    edited.extend(edits);
    edited.push(("action", "complete"));
    let response = post(&app, &lawyer, &format!("/cases/{id}/intake"), &edited).await;
    assert_eq!(case_location(&response), id);

    let updated = details_of(&app, "case.updated", id).await;
    let logged = updated["fields"].as_object().expect("fields");
    for (path, _) in edits.iter().filter(|(p, _)| !allowlisted.contains(p)) {
        assert_eq!(logged.get(*path), Some(&changed), "{path}");
    }
    assert_eq!(
        logged.get("claim.kind"),
        Some(&serde_json::json!({ "before": "defensive", "after": "affirmative" }))
    );
    assert_eq!(
        logged.get("client.email_safe"),
        Some(&serde_json::json!({ "before": false, "after": true }))
    );
    let text = updated.to_string();
    for value in [
        "UA",
        "in_proceedings",
        "2026-01-16",
        "Otay",
        "cbp_one",
        "2028-01-15",
        "1958-07-03",
        "married",
        "2026-01-09",
        "TR",
        "sea",
        "2025-06-04",
        "security_service",
        "15",
    ] {
        assert!(!text.contains(value), "{value} copied into the log: {text}");
    }
}

/// Typed text that must survive any rejected submission.
const KEPT: [(&str, &str); 6] = [
    ("client.native_name", "Юлия Щербакова"),
    ("client.family_name", "Shcherbakova"),
    ("entry.port_of_entry", "San Ysidro"),
    ("family.0.given_name", "Алёна"),
    ("journey.0.from_city", "Москва"),
    ("journey.1.to_city", "Cancún"),
];

fn assert_kept(html: &str) {
    for (field, value) in KEPT {
        assert_eq!(
            input_value(html, field).as_deref(),
            Some(value),
            "{field} was not kept"
        );
    }
    assert_eq!(
        textarea_value(html, "persecution.0.description").as_deref(),
        Some("Задержана на антивоенном митинге")
    );
    assert_eq!(
        selected_value(html, "family.0.relationship").as_deref(),
        Some("child")
    );
}

fn with_kept<'a>(extra: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
    let mut fields: Vec<(&str, &str)> = KEPT.to_vec();
    fields.push(("family.0.relationship", "child"));
    fields.push((
        "persecution.0.description",
        "Задержана на антивоенном митинге",
    ));
    fields.extend_from_slice(extra);
    fields
}

#[actix_web::test]
async fn problems_are_shown_next_to_their_fields_and_nothing_is_saved() {
    let app = spawn_app().await;
    let lawyer = app.login_as(Role::Lawyer).await;
    let lawyer_id = lawyer.staff.id.to_string();

    // A date that does not exist.
    let response = post(
        &app,
        &lawyer,
        "/intake",
        &with_kept(&[
            ("client.date_of_birth", "31.02.1990"),
            ("action", "save_draft"),
        ]),
    )
    .await;
    assert_eq!(response.status(), 422);
    let html = response.text().await.expect("body");
    assert_kept(&html);
    assert!(
        field_error(&html, "client.date_of_birth").is_some(),
        "{html}"
    );
    assert_eq!(
        input_value(&html, "client.date_of_birth").as_deref(),
        Some("31.02.1990")
    );
    assert!(html.contains(
        "name=\"client.date_of_birth\" type=\"text\" value=\"31.02.1990\" autocomplete=\"off\" aria-describedby=\"client.date_of_birth-error\" aria-invalid=\"true\""
    ), "the bad date stays visible and is tied to its message");
    assert!(html.contains("class=\"error-summary\""));
    assert!(html.contains("href=\"#client.date_of_birth\""));

    // Unknown country codes, in a list and in a row's picker.
    let response = post(
        &app,
        &lawyer,
        "/intake",
        &with_kept(&[
            ("client.nationalities", "RU, XX"),
            ("journey.0.to_country", "QQ"),
            ("action", "save_draft"),
        ]),
    )
    .await;
    assert_eq!(response.status(), 422);
    let html = response.text().await.expect("body");
    assert_kept(&html);
    assert!(field_error(&html, "client.nationalities").is_some_and(|m| m.contains("XX")));
    assert!(field_error(&html, "journey.0.to_country").is_some_and(|m| m.contains("QQ")));
    assert_eq!(
        chosen_values(&html, "client.nationalities"),
        vec!["RU", "XX", ""]
    );
    assert_eq!(
        selected_value(&html, "journey.0.to_country").as_deref(),
        Some("QQ")
    );

    // Completing without what a complete intake needs.
    let response = post(
        &app,
        &lawyer,
        "/intake",
        &with_kept(&[
            ("claim.lawyer_id", &lawyer_id),
            ("persecution.0.detention_days", "three"),
            ("action", "complete"),
        ]),
    )
    .await;
    assert_eq!(response.status(), 422);
    let html = response.text().await.expect("body");
    assert_kept(&html);
    // What does not parse and what is missing are shown together, not in two rounds.
    for field in [
        "persecution.0.detention_days",
        "client.given_name",
        "client.middle_name",
        "client.date_of_birth",
        "client.nationalities",
        "claim.kind",
    ] {
        assert!(
            field_error(&html, field).is_some(),
            "no message for {field}"
        );
    }
    assert!(field_error(&html, "client.family_name").is_none());
    assert!(
        html.contains("<a href=\"#claim.kind\">Kind of claim: This field is required.</a>"),
        "the summary names the field"
    );
    assert_eq!(
        selected_value(&html, "claim.lawyer_id").as_deref(),
        Some(lawyer_id.as_str())
    );

    // A draft with no name at all (Enter pressed in an empty form).
    let response = post(
        &app,
        &lawyer,
        "/intake",
        &[("entry.port_of_entry", "San Ysidro")],
    )
    .await;
    assert_eq!(response.status(), 422);
    let html = response.text().await.expect("body");
    assert!(field_error(&html, "client.family_name").is_some());

    assert_eq!(count_cases(&app).await, 0, "nothing was saved");
    assert!(
        !app.audit_actions()
            .await
            .iter()
            .any(|a| a.starts_with("case.")),
        "nothing was audited as a change"
    );

    // An existing case: the problem is shown the same way and the saved intake is unchanged.
    let response = post(
        &app,
        &lawyer,
        "/intake",
        &[
            ("client.family_name", "Shcherbakova"),
            ("action", "save_draft"),
        ],
    )
    .await;
    let id = case_location(&response);
    let response = post(
        &app,
        &lawyer,
        &format!("/cases/{id}/intake"),
        &with_kept(&[
            ("entry.last_arrival_on", "2030-01-01"),
            ("action", "save_draft"),
        ]),
    )
    .await;
    assert_eq!(response.status(), 422);
    let html = response.text().await.expect("body");
    assert_kept(&html);
    assert!(field_error(&html, "entry.last_arrival_on").is_some());
    let file = cases::open(&app.state, &lawyer.staff, id, None)
        .await
        .expect("case opens");
    assert_eq!(file.intake.client.native_name, "");
    assert!(file.intake.family.is_empty());
    assert_eq!(count_cases(&app).await, 1);
}

#[actix_web::test]
async fn row_buttons_change_the_form_and_keep_every_entry() {
    let app = spawn_app().await;
    let lawyer = app.login_as(Role::Lawyer).await;
    let base = with_kept(&[
        ("journey.0.to_city", "Istanbul"),
        ("journey.1.from_city", "Istanbul"),
    ]);
    let submit = |action: &'static str| {
        let mut fields = base.clone();
        fields.push(("action", action));
        fields
    };

    // Add a leg: a third, empty row appears; nothing else changes.
    let response = post(&app, &lawyer, "/intake", &submit("add:journey")).await;
    assert_eq!(response.status(), 200);
    let html = response.text().await.expect("body");
    assert_kept(&html);
    assert!(html.contains("name=\"journey.2.row\" value=\"new\""));
    assert!(html.contains("id=\"journey.2.from_city\""));
    assert!(!html.contains("id=\"journey.3.from_city\""));

    // The empty row survives the next round trip (its marker is submitted with it).
    let mut fields = submit("add:family");
    fields.push(("journey.2.row", "new"));
    let response = post(&app, &lawyer, "/intake", &fields).await;
    assert_eq!(response.status(), 200);
    let html = response.text().await.expect("body");
    assert_kept(&html);
    assert!(html.contains("id=\"journey.2.from_city\""));
    assert!(html.contains("id=\"family.1.given_name\""));

    // Move the second leg up: its text moves with it.
    let response = post(&app, &lawyer, "/intake", &submit("up:journey:1")).await;
    assert_eq!(response.status(), 200);
    let html = response.text().await.expect("body");
    assert_eq!(
        input_value(&html, "journey.0.from_city").as_deref(),
        Some("Istanbul")
    );
    assert_eq!(
        input_value(&html, "journey.0.to_city").as_deref(),
        Some("Cancún")
    );
    assert_eq!(
        input_value(&html, "journey.1.from_city").as_deref(),
        Some("Москва")
    );
    assert_eq!(
        input_value(&html, "journey.1.to_city").as_deref(),
        Some("Istanbul")
    );
    assert_eq!(
        input_value(&html, "client.native_name").as_deref(),
        Some("Юлия Щербакова")
    );

    // Remove the first leg: the second becomes the first.
    let response = post(&app, &lawyer, "/intake", &submit("remove:journey:0")).await;
    assert_eq!(response.status(), 200);
    let html = response.text().await.expect("body");
    assert_eq!(
        input_value(&html, "journey.0.from_city").as_deref(),
        Some("Istanbul")
    );
    assert_eq!(
        input_value(&html, "journey.0.to_city").as_deref(),
        Some("Cancún")
    );
    assert!(!html.contains("id=\"journey.1.from_city\""));
    assert_eq!(
        input_value(&html, "family.0.given_name").as_deref(),
        Some("Алёна")
    );

    // Remove the family member and add an event; the narrative already typed stays.
    let response = post(&app, &lawyer, "/intake", &submit("remove:family:0")).await;
    assert_eq!(response.status(), 200);
    let html = response.text().await.expect("body");
    assert!(!html.contains("id=\"family.0.given_name\""));
    assert_eq!(
        input_value(&html, "journey.1.to_city").as_deref(),
        Some("Cancún")
    );
    let response = post(&app, &lawyer, "/intake", &submit("add:persecution")).await;
    assert_eq!(response.status(), 200);
    let html = response.text().await.expect("body");
    assert_kept(&html);
    assert!(html.contains("id=\"persecution.1.description\""));

    // Row buttons on a saved case change only the form.
    let response = post(
        &app,
        &lawyer,
        "/intake",
        &[
            ("client.family_name", "Shcherbakova"),
            ("journey.0.from_city", "Moscow"),
            ("action", "save_draft"),
        ],
    )
    .await;
    let id = case_location(&response);
    let response = post(
        &app,
        &lawyer,
        &format!("/cases/{id}/intake"),
        &[
            ("client.family_name", "Changed"),
            ("journey.0.from_city", "Moscow"),
            ("action", "remove:journey:0"),
        ],
    )
    .await;
    assert_eq!(response.status(), 200);
    let html = response.text().await.expect("body");
    assert_eq!(
        input_value(&html, "client.family_name").as_deref(),
        Some("Changed")
    );
    let file = cases::open(&app.state, &lawyer.staff, id, None)
        .await
        .expect("case opens");
    assert_eq!(file.intake.client.family_name, "Shcherbakova");
    assert_eq!(file.intake.journey.len(), 1);

    // A button the form does not have.
    let response = post(&app, &lawyer, "/intake", &submit("remove:client:0")).await;
    assert_eq!(response.status(), 400);
    assert_eq!(count_cases(&app).await, 1);
}

#[actix_web::test]
async fn paralegals_cannot_take_or_change_an_intake() {
    let app = spawn_app().await;
    let lawyer = app.login_as(Role::Lawyer).await;
    let paralegal = app.login_as(Role::Paralegal).await;
    let (lawyer_id, paralegal_id) = (lawyer.staff.id.to_string(), paralegal.staff.id.to_string());

    let (status, _) = page(&app, &paralegal, "/intake").await;
    assert_eq!(status, 403);
    let mut fields = full_intake(&lawyer_id, &paralegal_id);
    fields.push(("action", "complete"));
    let response = post(&app, &paralegal, "/intake", &fields).await;
    assert_eq!(response.status(), 403);
    let response = post(&app, &paralegal, "/intake", &[("action", "add:journey")]).await;
    assert_eq!(response.status(), 403);
    assert_eq!(count_cases(&app).await, 0);

    // Even on a case assigned to them.
    let response = post(&app, &lawyer, "/intake", &fields).await;
    let id = case_location(&response);
    let path = format!("/cases/{id}/intake");
    let (status, _) = page(&app, &paralegal, &path).await;
    assert_eq!(status, 403);
    let mut changed = full_intake(&lawyer_id, &paralegal_id);
    changed[0] = ("client.family_name", "Ivanov");
    changed.push(("action", "complete"));
    let response = post(&app, &paralegal, &path, &changed).await;
    assert_eq!(response.status(), 403);

    let file = cases::open(&app.state, &lawyer.staff, id, None)
        .await
        .expect("case opens");
    assert_eq!(file.intake.client.family_name, "Shcherbakov");
    assert_eq!(count_cases(&app).await, 1);
    let actions = app.audit_actions().await;
    assert!(!actions.iter().any(|a| a == "case.updated"), "{actions:?}");
    let by_paralegal = app
        .audit(AuditFilter {
            actor_id: Some(paralegal.staff.id),
            ..AuditFilter::default()
        })
        .await;
    assert!(
        by_paralegal.iter().all(|r| !r.action.starts_with("case.")),
        "a refused request touched the case file"
    );
}

#[actix_web::test]
async fn the_none_hint_stands_under_the_middle_name_it_is_about() {
    let app = spawn_app().await;
    let lawyer = app.login_as(Role::Lawyer).await;
    let html = lawyer
        .client
        .get(app.url("/intake"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let hint = |field: &str| {
        let marker = format!("<p class=\"hint\" id=\"{field}-hint\">");
        html.split(&marker)
            .nth(1)
            .map(|rest| rest[..rest.find("</p>").unwrap()].to_string())
    };
    assert!(hint("client.middle_name").unwrap().contains("NONE"));
    assert!(!hint("client.family_name").unwrap().contains("NONE"));
    assert!(html.contains("id=\"client.middle_name\" name=\"client.middle_name\""));
    assert!(html.contains("aria-describedby=\"client.middle_name-hint\""));
}

/// Issue 12 §5: nationalities and languages are chosen by name in the reader's language,
/// with ISO codes underneath, and without any script: one picker per entry, and one more.
#[actix_web::test]
async fn nationalities_and_languages_are_chosen_by_name_in_the_readers_language() {
    let app = spawn_app().await;
    let lawyer = app.login_as(Role::Lawyer).await;
    let (_, html) = page(&app, &lawyer, "/intake").await;
    assert!(
        html.contains("<option value=\"RU\">Russia</option>"),
        "English names in the English interface"
    );
    assert!(html.contains("<option value=\"uk\">Ukrainian</option>"));
    let response = post(&app, &lawyer, "/account/language", &[("language", "ru")]).await;
    assert_eq!(response.status(), 303);

    let (status, html) = page(&app, &lawyer, "/intake").await;
    assert_eq!(status, 200);
    let picker = &html[html
        .find("<select id=\"client.nationalities\"")
        .expect("a picker")..];
    let picker = &picker[..picker.find("</select>").expect("its end")];
    assert!(
        picker.contains("<option value=\"RU\">Россия</option>"),
        "{picker}"
    );
    assert!(picker.contains("<option value=\"UA\">Украина</option>"));
    // Sorted by the name the reader sees: Австралия (AU) before Япония (JP).
    assert!(picker.find("value=\"AU\"") < picker.find("value=\"JP\""));
    let languages = &html[html
        .find("<select id=\"client.languages\"")
        .expect("a picker")..];
    assert!(languages.contains("<option value=\"uk\">украинский</option>"));
    assert_eq!(chosen_values(&html, "client.nationalities"), vec!["", ""]);

    // Two nationalities chosen in two pickers: saved as codes, shown chosen, one empty more.
    let response = post(
        &app,
        &lawyer,
        "/intake",
        &[
            ("client.family_name", "Shcherbakova"),
            ("client.nationalities", "UA"),
            ("client.nationalities", "RU"),
            ("client.nationalities", ""),
            ("client.languages", "uk"),
            ("client.languages", ""),
            ("action", "save_draft"),
        ],
    )
    .await;
    let id = case_location(&response);
    let file = cases::open(&app.state, &lawyer.staff, id, None)
        .await
        .expect("case opens");
    assert_eq!(file.intake.client.nationalities, vec!["UA", "RU"]);
    assert_eq!(file.intake.client.languages, vec!["uk"]);
    let (_, html) = page(&app, &lawyer, &format!("/cases/{id}/intake")).await;
    assert_eq!(
        chosen_values(&html, "client.nationalities"),
        vec!["UA", "RU", ""]
    );
    assert_eq!(chosen_values(&html, "client.languages"), vec!["uk", ""]);

    // A code that is not on the list is refused at its field, and kept to be corrected.
    let response = post(
        &app,
        &lawyer,
        &format!("/cases/{id}/intake"),
        &[
            ("client.family_name", "Shcherbakova"),
            ("client.nationalities", "UA"),
            ("client.languages", "zz"),
            ("action", "save_draft"),
        ],
    )
    .await;
    assert_eq!(response.status(), 422);
    let html = response.text().await.expect("body");
    assert!(field_error(&html, "client.languages").is_some_and(|m| m.contains("zz")));
    assert!(field_error(&html, "client.nationalities").is_none());
    assert_eq!(chosen_values(&html, "client.languages"), vec!["zz", ""]);
    assert!(
        html.contains("href=\"#client.languages\""),
        "the summary points at the picker"
    );
    let file = cases::open(&app.state, &lawyer.staff, id, None)
        .await
        .expect("case opens");
    assert_eq!(file.intake.client.languages, vec!["uk"], "nothing saved");
}
