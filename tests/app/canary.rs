//! Field encryption through the front door: a distinctive string typed into every encrypted
//! field (the intake form, the case page's forms, the API) is absent from the SQLite file and
//! its WAL, and from a `pg_dump` of the PostgreSQL database, yet every page and API answer
//! shows it. Also: the A-number found by its blind index, a wrong data key and an altered
//! ciphertext refused loudly, and a rotation (the keys' re-sealing) that keeps every value
//! readable. Runs on SQLite, and on PostgreSQL with `REFUGE_TEST_POSTGRES_URL`.

use diesel::prelude::*;
use refuge::crypto::Keyring;
use refuge::db::schema::clients;
use refuge::domain::staff::Role;
use refuge::services::data_keys;

use crate::helpers::{Session, TestApp, is_postgres, spawn_app, test_data_key, test_settings};

/// What is typed into each encrypted field of the intake form: distinctive, and different
/// per field so that a failure names the field.
const INTAKE: &[(&str, &str)] = &[
    ("client.passport_numbers", "KQ7CANARY-passport"),
    ("client.phone", "KQ7CANARY-phone"),
    ("client.email", "KQ7CANARY-email@example.net"),
    ("client.us_address", "KQ7CANARY-address"),
    ("client.messenger", "KQ7CANARY-messenger"),
    ("entry.i94_number", "KQ7CANARY-i94"),
    ("family.0.notes", "KQ7CANARY-family-notes"),
    ("journey.0.notes", "KQ7CANARY-journey-notes"),
    ("persecution.0.place", "KQ7CANARY-persecution-place"),
    (
        "persecution.0.description",
        "KQ7CANARY-persecution-description",
    ),
    ("persecution.0.charges", "KQ7CANARY-persecution-charges"),
    ("persecution.0.outcome", "KQ7CANARY-persecution-outcome"),
    ("persecution.0.evidence", "KQ7CANARY-persecution-evidence"),
    ("claim_answers.past_harm.explanation", "KQ7CANARY-past-harm"),
    (
        "claim_answers.fear_of_harm.explanation",
        "KQ7CANARY-fear-of-harm",
    ),
    (
        "claim_answers.arrested_abroad.explanation",
        "KQ7CANARY-arrested-abroad",
    ),
    (
        "claim_answers.organizations.explanation",
        "KQ7CANARY-organizations",
    ),
    (
        "claim_answers.continued_participation.explanation",
        "KQ7CANARY-continued-participation",
    ),
    (
        "claim_answers.fear_of_torture.explanation",
        "KQ7CANARY-fear-of-torture",
    ),
    (
        "claim_answers.earlier_applications.explanation",
        "KQ7CANARY-earlier-applications",
    ),
    (
        "claim_answers.other_countries.explanation",
        "KQ7CANARY-other-countries",
    ),
    (
        "claim_answers.status_elsewhere.explanation",
        "KQ7CANARY-status-elsewhere",
    ),
    (
        "claim_answers.harmed_others.explanation",
        "KQ7CANARY-harmed-others",
    ),
    ("claim_answers.returned.explanation", "KQ7CANARY-returned"),
    (
        "claim_answers.filed_after_one_year.explanation",
        "KQ7CANARY-filed-after-one-year",
    ),
    (
        "claim_answers.crimes_in_us.explanation",
        "KQ7CANARY-crimes-in-us",
    ),
];

/// The I-589 questions whose explanations above are canaries.
const ANSWERED_YES: &[&str] = &[
    "claim_answers.past_harm.answer",
    "claim_answers.fear_of_harm.answer",
    "claim_answers.arrested_abroad.answer",
    "claim_answers.organizations.answer",
    "claim_answers.continued_participation.answer",
    "claim_answers.fear_of_torture.answer",
    "claim_answers.earlier_applications.answer",
    "claim_answers.other_countries.answer",
    "claim_answers.status_elsewhere.answer",
    "claim_answers.harmed_others.answer",
    "claim_answers.returned.answer",
    "claim_answers.filed_after_one_year.answer",
    "claim_answers.crimes_in_us.answer",
];

/// Shown on the case page but not part of the API's case answer (notes and the checklist
/// have no read endpoint of their own).
const NOT_IN_THE_API: &[&str] = &[
    "KQ7CANARY-case-note",
    "KQ7CANARY-api-note",
    "KQ7CANARY-checklist-note",
];

/// The A-number typed (with dashes) and how it is stored and shown.
const A_NUMBER_TYPED: &str = "A-987-654-321";
const A_NUMBER_DIGITS: &str = "987654321";

/// A complete intake (every section the intake page requires), the encrypted fields
/// holding canaries.
fn intake_fields(lawyer_id: &str) -> Vec<(&str, &str)> {
    let mut fields = vec![
        ("client.family_name", "Canarova"),
        ("client.given_name", "Zlata"),
        ("client.middle_name", "NONE"),
        ("client.native_name", "Злата Канарова"),
        ("client.date_of_birth", "1990-02-03"),
        ("client.sex", "female"),
        ("client.country_of_birth", "RU"),
        ("client.nationalities", "RU"),
        ("client.languages", "ru, en"),
        ("client.a_number", A_NUMBER_TYPED),
        ("client.passport_expiry", "2031-05-20"),
        ("client.immigration_status", "paroled"),
        ("entry.last_arrival_on", "2026-01-15"),
        ("entry.port_of_entry", "San Ysidro"),
        ("entry.manner_of_entry", "port_parole"),
        ("entry.class_of_admission", "DT"),
        ("entry.parole_expires_on", "2028-01-14"),
        ("family.0.relationship", "parent"),
        ("family.0.family_name", "Canarova"),
        ("family.0.given_name", "Olga"),
        ("family.0.date_of_birth", "1958-07-02"),
        ("family.0.marital_status", "widowed"),
        ("journey.0.from_country", "RU"),
        ("journey.0.from_city", "Moscow"),
        ("journey.0.to_country", "US"),
        ("journey.0.to_city", "San Ysidro"),
        ("journey.0.departed_on", "2026-01-10"),
        ("journey.0.arrived_on", "2026-01-15"),
        ("journey.0.mode", "air"),
        ("persecution.0.occurred_on", "2025-06-03"),
        ("persecution.0.actor", "police"),
        ("persecution.0.detention_days", "3"),
        ("claim.kind", "affirmative"),
        ("claim.lawyer_id", lawyer_id),
        ("action", "complete"),
    ];
    // Every I-589 explanation follows a "yes", as a complete intake needs.
    fields.extend(ANSWERED_YES.iter().map(|answer| (*answer, "yes")));
    fields.extend_from_slice(INTAKE);
    fields
}

fn location(response: &reqwest::Response) -> String {
    response
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string()
}

/// A case filled through the intake form; returns its id.
async fn intake(app: &TestApp, lawyer: &Session) -> uuid::Uuid {
    let lawyer_id = lawyer.staff.id.to_string();
    let response = app
        .post_form(&lawyer.client, "/intake", &intake_fields(&lawyer_id))
        .await;
    let status = response.status();
    if status != 303 {
        let body = response.text().await.unwrap_or_default();
        let errors: Vec<&str> = body
            .match_indices("field-error")
            .map(|(at, _)| &body[at.saturating_sub(200)..(at + 200).min(body.len())])
            .collect();
        panic!("the intake is refused ({status}): {errors:#?}");
    }
    location(&response)
        .strip_prefix("/cases/")
        .and_then(|id| id.parse().ok())
        .expect("the intake leads to its case")
}

async fn post_ok(app: &TestApp, lawyer: &Session, path: &str, fields: &[(&str, &str)]) {
    let response = app.post_form(&lawyer.client, path, fields).await;
    let status = response.status();
    let body = response.text().await.unwrap_or_default();
    assert_eq!(status, 303, "POST {path} {fields:?}: {body}");
}

/// The first event id on the case page (`/events/{id}/outcome`).
fn first_event_id(html: &str) -> Option<String> {
    let at = html.find("/events/")? + "/events/".len();
    let rest = &html[at..];
    Some(rest[..rest.find('/')?].to_string())
}

/// Everything the case page's forms keep sealed, typed in through them and the API; returns
/// the canaries typed.
async fn case_work(app: &TestApp, lawyer: &Session, id: uuid::Uuid) -> Vec<&'static str> {
    let at = |tail: &str| format!("/cases/{id}{tail}");
    post_ok(
        app,
        lawyer,
        &at("/notes"),
        &[("body", "KQ7CANARY-case-note")],
    )
    .await;
    post_ok(
        app,
        lawyer,
        &at("/events"),
        &[("kind", "interview"), ("date", "2026-11-02")],
    )
    .await;
    let (_, page) = app.page(&lawyer.client, &at("")).await;
    let event = first_event_id(&page).expect("the event's outcome form");
    post_ok(
        app,
        lawyer,
        &at(&format!("/events/{event}/outcome")),
        &[("outcome", "KQ7CANARY-event-outcome")],
    )
    .await;
    // The EAD clock runs once the I-589 is filed.
    post_ok(
        app,
        lawyer,
        &at("/dates"),
        &[
            ("i589_filed_on", "2026-10-01"),
            ("i589_received_on", "2026-10-05"),
        ],
    )
    .await;
    post_ok(
        app,
        lawyer,
        &at("/ead-stops"),
        &[
            ("action", "stop"),
            ("on", "2026-11-03"),
            ("reason", "KQ7CANARY-ead-reason"),
        ],
    )
    .await;
    post_ok(
        app,
        lawyer,
        &at("/checklist"),
        &[
            ("item", "Birth certificate"),
            ("status", "requested"),
            ("note", "KQ7CANARY-checklist-note"),
        ],
    )
    .await;
    post_ok(
        app,
        lawyer,
        &at("/stage"),
        &[("to", "conflict_check"), ("note", "KQ7CANARY-stage-note")],
    )
    .await;
    post_ok(
        app,
        lawyer,
        &at("/conflict-check"),
        &[
            ("outcome", "conflict"),
            ("reason", "KQ7CANARY-conflict-note"),
        ],
    )
    .await;
    let token = app.api_token(&lawyer.staff.email, &lawyer.password).await;
    let response = crate::helpers::client()
        .post(app.url(&format!("/api/v1/cases/{id}/notes")))
        .bearer_auth(&token)
        .json(&serde_json::json!({ "body": "KQ7CANARY-api-note" }))
        .send()
        .await
        .expect("API note");
    assert_eq!(
        response.status(),
        201,
        "{}",
        response.text().await.unwrap_or_default()
    );
    vec![
        "KQ7CANARY-case-note",
        "KQ7CANARY-event-outcome",
        "KQ7CANARY-ead-reason",
        "KQ7CANARY-checklist-note",
        "KQ7CANARY-stage-note",
        "KQ7CANARY-conflict-note",
        "KQ7CANARY-api-note",
    ]
}

/// The case as the API answers it.
async fn api_case(app: &TestApp, lawyer: &Session, id: uuid::Uuid) -> String {
    api_case_at(&app.address, lawyer, id).await
}

/// The case as the API of the server at `address` answers it.
async fn api_case_at(address: &str, lawyer: &Session, id: uuid::Uuid) -> String {
    let response = crate::helpers::client()
        .post(format!("{address}/api/v1/tokens"))
        .json(&serde_json::json!({
            "email": lawyer.staff.email,
            "password": lawyer.password,
        }))
        .send()
        .await
        .expect("token request");
    assert_eq!(response.status(), 201);
    let body: serde_json::Value = response.json().await.expect("token JSON");
    let token = body["token"].as_str().expect("token").to_string();
    let response = crate::helpers::client()
        .get(format!("{address}/api/v1/cases/{id}"))
        .bearer_auth(&token)
        .send()
        .await
        .expect("API case");
    assert_eq!(response.status(), 200);
    response.text().await.expect("body")
}

/// Every byte the database keeps: the SQLite file and its WAL (before and after a
/// checkpoint), or a `pg_dump` of the PostgreSQL database.
async fn bytes_at_rest(app: &TestApp) -> Vec<u8> {
    if is_postgres() {
        let output = std::process::Command::new("pg_dump")
            .arg("--dbname")
            .arg(&app.database_url)
            .output()
            .expect("pg_dump runs");
        assert!(
            output.status.success(),
            "pg_dump: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        assert!(output.stdout.len() > 10_000, "a real dump");
        return output.stdout;
    }
    let path = std::path::PathBuf::from(&app.database_url);
    let wal = std::path::PathBuf::from(format!("{}-wal", app.database_url));
    let mut bytes = std::fs::read(&path).expect("the database file");
    bytes.extend(std::fs::read(&wal).unwrap_or_default());
    app.state
        .db
        .run(|conn| {
            diesel::sql_query("PRAGMA wal_checkpoint(TRUNCATE)").execute(conn)?;
            Ok(())
        })
        .await
        .expect("checkpoint");
    bytes.extend(std::fs::read(&path).expect("the database file"));
    bytes
}

fn contains(haystack: &[u8], needle: &str) -> bool {
    haystack
        .windows(needle.len())
        .any(|window| window == needle.as_bytes())
}

#[actix_web::test]
async fn what_is_typed_into_encrypted_fields_is_shown_but_never_stored_in_clear() {
    let app = spawn_app().await;
    let lawyer = app.login_as(Role::Lawyer).await;
    let id = intake(&app, &lawyer).await;
    let mut canaries: Vec<&str> = INTAKE.iter().map(|(_, v)| *v).collect();
    canaries.extend(case_work(&app, &lawyer, id).await);

    // Shown: the case page and the intake page, and the API's answer.
    let (status, case_page) = app.page(&lawyer.client, &format!("/cases/{id}")).await;
    assert_eq!(status, 200);
    let (status, intake_page) = app
        .page(&lawyer.client, &format!("/cases/{id}/intake"))
        .await;
    assert_eq!(status, 200);
    let pages = format!("{case_page}{intake_page}");
    let api = api_case(&app, &lawyer, id).await;
    for canary in &canaries {
        assert!(pages.contains(canary), "the pages show {canary}");
        assert!(
            NOT_IN_THE_API.contains(canary) || api.contains(canary),
            "the API shows {canary}"
        );
    }
    assert!(case_page.contains("A-987-654-321"), "the A-number is shown");
    assert!(api.contains(A_NUMBER_DIGITS), "the API shows the A-number");
    // The second factor's secret (after the API reads: a token would then need a code).
    let (secret, _) = app.enrol_second_factor(&lawyer.client).await;
    let secret = secret.to_base32();

    // Stored: none of it in clear.
    let stored = bytes_at_rest(&app).await;
    assert!(
        contains(&stored, "Canarova"),
        "the check reads the real data"
    );
    for canary in canaries
        .iter()
        .chain([&"KQ7CANARY", &A_NUMBER_DIGITS, &secret.as_str()])
    {
        assert!(!contains(&stored, canary), "{canary} is stored in clear");
    }
}

/// The stored (sealed) value of the client's phone.
async fn stored_phone(app: &TestApp) -> String {
    app.state
        .db
        .run(|conn| {
            #[derive(QueryableByName)]
            struct Phone {
                #[diesel(sql_type = diesel::sql_types::Text)]
                phone: String,
            }
            let row: Phone = diesel::sql_query("SELECT phone FROM clients").get_result(conn)?;
            Ok(row.phone)
        })
        .await
        .expect("the stored phone")
}

#[actix_web::test]
async fn an_altered_ciphertext_is_refused_not_shown() {
    let app = spawn_app().await;
    let lawyer = app.login_as(Role::Lawyer).await;
    let id = intake(&app, &lawyer).await;
    let sealed = stored_phone(&app).await;
    assert!(sealed.starts_with("enc:v1:"), "{sealed}");
    // One character of the ciphertext changed, as an attacker with write access would.
    let last = sealed.chars().last().unwrap_or('A');
    let altered = format!(
        "{}{}",
        &sealed[..sealed.len() - 1],
        if last == 'A' { 'B' } else { 'A' }
    );
    app.state
        .db
        .run(move |conn| {
            diesel::sql_query("UPDATE clients SET phone = $1")
                .bind::<diesel::sql_types::Text, _>(altered)
                .execute(conn)?;
            Ok(())
        })
        .await
        .expect("altered");
    let (status, page) = app.page(&lawyer.client, &format!("/cases/{id}")).await;
    assert_eq!(status, 500, "an altered value is an error, never shown");
    assert!(!page.contains("KQ7CANARY"), "{page}");
}

#[actix_web::test]
async fn a_server_with_the_wrong_data_key_refuses_to_start() {
    let app = spawn_app().await;
    let lawyer = app.login_as(Role::Lawyer).await;
    intake(&app, &lawyer).await;
    let mut settings = test_settings(&app.database_url);
    settings.data_key = Some(refuge::crypto::generate_key_text().into());
    let mail = crate::helpers::private_tempdir();
    settings.mail.directory = mail.path().display().to_string();
    let started = refuge::startup::Application::build(settings, app.clock.clone()).await;
    let error = format!("{:#}", started.err().expect("the wrong key is refused"));
    assert!(error.contains("not in the keyring"), "{error}");
}

/// Every sealed value of the database under the current key of `keys`, and none left over.
async fn all_under(app: &TestApp, keys: std::sync::Arc<Keyring>) -> i64 {
    app.state
        .db
        .run(move |conn| {
            data_keys::pending(conn, &keys)
                .map_err(|e| refuge::error::AppError::Internal(anyhow::anyhow!("{e}")))
        })
        .await
        .expect("pending")
}

#[actix_web::test]
async fn a_rotation_reseals_everything_and_old_values_still_read() {
    let app = spawn_app().await;
    let lawyer = app.login_as(Role::Lawyer).await;
    let id = intake(&app, &lawyer).await;
    let mut canaries: Vec<&str> = INTAKE.iter().map(|(_, v)| *v).collect();
    canaries.extend(case_work(&app, &lawyer, id).await);

    // The old key and a new one, the new one current: nothing is under it yet.
    let old = test_data_key(&app.database_url);
    let new = refuge::crypto::generate_key_text();
    let both = format!("{old},{new}");
    let parse = |text: &str| -> Vec<[u8; 32]> {
        use base64::Engine;
        text.split(',')
            .map(|k| {
                base64::engine::general_purpose::STANDARD
                    .decode(k)
                    .ok()
                    .and_then(|b| <[u8; 32]>::try_from(b.as_slice()).ok())
                    .expect("a key")
            })
            .collect()
    };
    let rotated = std::sync::Arc::new(Keyring::from_keys(&parse(&both)).expect("keyring"));
    let before = all_under(&app, rotated.clone()).await;
    assert!(
        before >= canaries.len() as i64,
        "{before} values to re-seal"
    );

    // Re-sealed in batches of one: an interrupted run is resumed by the next.
    let keys = rotated.clone();
    let first = app
        .state
        .db
        .run(move |conn| {
            let column = &refuge::db::resealing::SEALED_COLUMNS[1];
            refuge::db::resealing::reseal_batch(conn, column, &keys, None, 1)
                .map_err(|e| refuge::error::AppError::Internal(anyhow::anyhow!("{e}")))
        })
        .await
        .expect("one batch");
    assert_eq!(first.updated, 1);
    assert_eq!(all_under(&app, rotated.clone()).await, before - 1);

    // A run goes on from the row where its last batch stopped (the two case notes, one a
    // batch), and is done after the last row without reading any row again.
    let keys = rotated.clone();
    let batches = app
        .state
        .db
        .run(move |conn| {
            let column = refuge::db::resealing::SEALED_COLUMNS
                .iter()
                .find(|c| c.table == "case_notes")
                .expect("case notes are sealed");
            let mut batches = Vec::new();
            let mut after = None;
            loop {
                let batch = refuge::db::resealing::reseal_batch(conn, column, &keys, after, 1)
                    .map_err(|e| refuge::error::AppError::Internal(anyhow::anyhow!("{e}")))?;
                batches.push(batch);
                match batch.last {
                    Some(last) if batches.len() < 5 => after = Some(last),
                    _ => break,
                }
            }
            Ok(batches)
        })
        .await
        .expect("batches of one");
    let updated: Vec<usize> = batches.iter().map(|b| b.updated).collect();
    assert_eq!(updated, [1, 1, 0], "two notes, then the end of the table");
    assert_ne!(
        batches[0].last, batches[1].last,
        "each batch a row of its own"
    );
    assert_eq!(all_under(&app, rotated.clone()).await, before - 3);
    let keys = rotated.clone();
    let rest = app
        .state
        .db
        .run(move |conn| {
            data_keys::reseal_all(conn, &keys, &mut |_| {})
                .map_err(|e| refuge::error::AppError::Internal(anyhow::anyhow!("{e}")))
        })
        .await
        .expect("re-sealed");
    assert_eq!(rest as i64, before - 3);
    assert_eq!(all_under(&app, rotated.clone()).await, 0, "nothing left");
    let stored = stored_phone(&app).await;
    assert!(stored.starts_with(&rotated.current_prefix()), "{stored}");

    // A server with both keys shows everything; the A-number is found by its new index.
    let mut settings = test_settings(&app.database_url);
    settings.data_key = Some(both.into());
    let mail = crate::helpers::private_tempdir();
    settings.mail.directory = mail.path().display().to_string();
    let server = refuge::startup::Application::build(settings, app.clock.clone())
        .await
        .expect("the server starts with both keys");
    let address = format!("http://127.0.0.1:{}", server.port());
    let state = server.state();
    actix_web::rt::spawn(server.run_until_stopped());
    let mut shown = api_case_at(&address, &lawyer, id).await;
    let (notes, checklist) = state
        .db
        .run(move |conn| {
            let notes = refuge::db::case_work::notes(conn, id)?;
            let checklist = refuge::db::case_work::checklist(conn, id)?;
            Ok((
                notes.into_iter().map(|n| n.body).collect::<Vec<_>>(),
                checklist.into_iter().map(|c| c.note).collect::<Vec<_>>(),
            ))
        })
        .await
        .expect("notes and checklist read");
    shown.push_str(&format!("{notes:?}{checklist:?}"));
    for canary in &canaries {
        assert!(shown.contains(canary), "{canary} reads after the rotation");
    }
    // The old server, which has only the old key, cannot read what is sealed now.
    let (status, _) = app.page(&lawyer.client, &format!("/cases/{id}")).await;
    assert_eq!(status, 500, "a value under a key it lacks is an error");
}

#[actix_web::test]
async fn the_a_number_is_found_by_its_blind_index_with_or_without_dashes() {
    let app = spawn_app().await;
    let lawyer = app.login_as(Role::Lawyer).await;
    let id = intake(&app, &lawyer).await;
    let stored = app
        .state
        .db
        .run(|conn| {
            #[derive(QueryableByName)]
            struct Row {
                #[diesel(sql_type = diesel::sql_types::Nullable<diesel::sql_types::Text>)]
                a_number: Option<String>,
                #[diesel(sql_type = diesel::sql_types::Nullable<diesel::sql_types::Text>)]
                a_number_index: Option<String>,
            }
            let row: Row = diesel::sql_query("SELECT a_number, a_number_index FROM clients")
                .get_result(conn)?;
            Ok((row.a_number, row.a_number_index))
        })
        .await
        .expect("stored");
    assert!(stored.0.is_some_and(|a| a.starts_with("enc:v1:")));
    assert!(stored.1.is_some_and(|i| !i.contains(A_NUMBER_DIGITS)));
    // The sealed column still loads as the number for the program.
    let digits: Option<String> = app
        .state
        .db
        .run(|conn| Ok(clients::table.select(clients::a_number).first(conn)?))
        .await
        .expect("a_number");
    assert_eq!(digits.as_deref(), Some(A_NUMBER_DIGITS));
    for typed in ["A-987-654-321", "987654321", "A987654321", "987-654-321"] {
        let response = app
            .post_form(&lawyer.client, "/search", &[("q", typed)])
            .await;
        assert_eq!(response.status(), 303, "{typed}");
        let (_, results) = app.page(&lawyer.client, &location(&response)).await;
        assert!(
            results.contains(&format!("/cases/{id}")),
            "{typed} finds the case: {results}"
        );
    }
    let response = app
        .post_form(&lawyer.client, "/search", &[("q", "A-987-654-322")])
        .await;
    let (_, results) = app.page(&lawyer.client, &location(&response)).await;
    assert!(
        !results.contains(&format!("/cases/{id}")),
        "another number finds nothing"
    );
}
