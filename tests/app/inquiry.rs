//! The public inquiry form (issue 15): switched on by an admin, in four languages, each
//! problem at its field in the person's language with everything typed kept, the abuse
//! defences (honeypot, time stamp, caps, size), and an inquiry that becomes a case at stage
//! `inquiry` with its audit entry and, for a safe email, an acknowledgment without details.

use chrono::Duration;
use refuge::db::audit_log::AuditFilter;
use refuge::domain::staff::Role;

use crate::helpers::{
    TestApp, client, csrf_from, field_error, input_value, spawn_app, spawn_app_with,
};

/// Switches the form on, as the settings page does (its own test below).
pub async fn open_form(app: &TestApp) {
    app.state
        .db
        .run(|conn| {
            Ok(refuge::db::office_settings::set_flag(
                conn,
                refuge::db::office_settings::INQUIRY_FORM,
                true,
            )?)
        })
        .await
        .expect("form switched on");
}

/// A browser that has the form open in `lang`: (browser, its CSRF token, its time stamp).
/// Every unreviewed inquiry as triage reads it, oldest first.
pub async fn unreviewed(app: &TestApp) -> Vec<refuge::db::inquiries::InquiryRow> {
    app.state
        .db
        .run(|conn| {
            let ids: Vec<uuid::Uuid> = refuge::db::inquiries::waiting(conn)?
                .into_iter()
                .map(|w| w.id.0)
                .collect();
            let mut rows = refuge::db::inquiries::with_ids(conn, &ids)?;
            rows.sort_by_key(|r| r.received_at);
            Ok(rows)
        })
        .await
        .expect("the queue")
}

async fn shown_form(app: &TestApp, lang: &str) -> (reqwest::Client, String, String) {
    let browser = client();
    let (status, html) = app.page(&browser, &format!("/inquiry?lang={lang}")).await;
    assert_eq!(status, 200, "{html}");
    let csrf = csrf_from(&html).expect("the form's CSRF token");
    let stamp = input_value(&html, "stamp").expect("the form's time stamp");
    (browser, csrf, stamp)
}

/// Answers that pass, in `lang`.
fn valid(lang: &str) -> Vec<(&'static str, String)> {
    [
        ("lang", lang),
        ("family_name", "Shcherbakov"),
        ("given_name", "Yevgeniy"),
        ("native_name", "Щербаков Евгений"),
        ("email", "yevgeniy@example.org"),
        ("email_safe", "on"),
        ("phone", "+52 664 123 4567"),
        ("nationality", "RU"),
        ("whereabouts", "united_states"),
        ("last_arrival_on", "2026-01-10"),
        ("detained", "no"),
        ("has_hearing", "yes"),
        ("hearing_on", "2026-12-01"),
        ("travelling_family", "2"),
        ("preferred_language", "ru"),
        ("account", "Arrested at an anti-war protest in Moscow."),
        ("consent", "on"),
    ]
    .into_iter()
    .map(|(k, v)| (k, v.to_string()))
    .collect()
}

/// Posts `fields` from `browser` with its token and stamp.
async fn post(
    app: &TestApp,
    browser: &reqwest::Client,
    csrf: &str,
    stamp: &str,
    fields: &[(&'static str, String)],
) -> reqwest::Response {
    let mut body: Vec<(&str, &str)> = vec![("csrf_token", csrf), ("stamp", stamp)];
    body.extend(fields.iter().map(|(k, v)| (*k, v.as_str())));
    browser
        .post(app.url("/inquiry"))
        .form(&body)
        .send()
        .await
        .expect("inquiry POST")
}

async fn inquiry_count(app: &TestApp) -> i64 {
    app.state
        .db
        .run(|conn| Ok(refuge::db::inquiries::count_unreviewed(conn, None)?))
        .await
        .expect("count")
        .0
}

#[actix_web::test]
async fn the_form_is_closed_until_an_admin_opens_it_and_shows_the_office_name() {
    let app = spawn_app().await;
    let (status, _) = app.page(&client(), "/inquiry").await;
    assert_eq!(status, 404, "off by default");
    let admin = app.login_as(Role::Admin).await;
    let response = app
        .post_form(
            &admin.client,
            "/admin/settings",
            &[("inquiry_form", "on"), ("office_name", "Harbor Law Office")],
        )
        .await;
    assert_eq!(response.status(), 303);
    let (status, html) = app.page(&client(), "/inquiry").await;
    assert_eq!(status, 200);
    assert!(html.contains("Harbor Law Office"), "{html}");
    let changes = app
        .audit(AuditFilter {
            action: Some("office.settings_changed".into()),
            ..AuditFilter::default()
        })
        .await;
    assert!(
        changes
            .iter()
            .any(|e| e.details == r#"{"inquiry_form":{"after":true,"before":false}}"#),
        "{changes:?}"
    );
}

#[actix_web::test]
async fn the_language_comes_from_the_browser_or_the_switcher() {
    let app = spawn_app().await;
    open_form(&app).await;
    let response = client()
        .get(app.url("/inquiry"))
        .header("Accept-Language", "uk-UA,uk;q=0.9,en;q=0.5")
        .send()
        .await
        .unwrap();
    let html = response.text().await.unwrap();
    assert!(html.contains("<html lang=\"uk\">"), "{html}");
    assert!(html.contains("Попросити про допомогу"));
    for lang in ["en", "ru", "es"] {
        assert!(
            html.contains(&format!("href=\"/inquiry?lang={lang}\"")),
            "{lang}"
        );
    }
    let (_, spanish) = app.page(&client(), "/inquiry?lang=es").await;
    assert!(spanish.contains("<html lang=\"es\">"));
    assert!(spanish.contains("Pedir ayuda"));
    let (_, unknown) = app.page(&client(), "/inquiry?lang=xx").await;
    assert!(
        unknown.contains("<html lang=\"en\">"),
        "an unknown code falls back"
    );
}

#[actix_web::test]
async fn an_inquiry_becomes_an_unassigned_case_at_stage_inquiry_with_its_audit_entry() {
    let app = spawn_app().await;
    open_form(&app).await;
    let (browser, csrf, stamp) = shown_form(&app, "ru").await;
    app.clock.advance(Duration::seconds(30));
    let response = post(&app, &browser, &csrf, &stamp, &valid("ru")).await;
    assert_eq!(response.status(), 303);
    let location = response.headers()["location"].to_str().unwrap().to_string();
    assert_eq!(location, "/inquiry?sent=1&lang=ru");
    let (status, confirmation) = app.page(&browser, &location).await;
    assert_eq!(status, 200);
    assert!(confirmation.contains("Что будет дальше"), "{confirmation}");
    for private in ["Shcherbakov", "Щербаков", "yevgeniy@", "protest"] {
        assert!(
            !confirmation.contains(private),
            "{private} on the confirmation"
        );
    }

    let rows = unreviewed(&app).await;
    assert_eq!(rows.len(), 1);
    let row = &rows[0];
    assert_eq!(
        (row.language.as_str(), row.whereabouts.as_str()),
        ("ru", "united_states")
    );
    assert_eq!(
        row.hearing_on.map(|d| d.to_string()).as_deref(),
        Some("2026-12-01")
    );
    assert_eq!(row.account, "Arrested at an anti-war protest in Moscow.");
    let stored: Vec<String> = app
        .state
        .db
        .run(|conn| {
            use diesel::prelude::*;
            use refuge::db::schema::inquiries;
            Ok(inquiries::table
                .select(diesel::dsl::sql::<diesel::sql_types::Text>("account"))
                .load(conn)?)
        })
        .await
        .unwrap();
    assert!(
        !stored[0].contains("protest"),
        "the account is sealed: {}",
        stored[0]
    );
    let case = app
        .state
        .db
        .run({
            let id = row.case_id.0;
            move |conn| Ok(refuge::db::cases::find(conn, id)?)
        })
        .await
        .unwrap()
        .expect("the case");
    assert_eq!(case.stage, "inquiry");
    assert_eq!((case.lawyer_id, case.paralegal_id), (None, None));

    let created = app
        .audit(AuditFilter {
            action: Some("case.created".into()),
            ..AuditFilter::default()
        })
        .await;
    assert_eq!(created.len(), 1);
    assert_eq!(
        created[0].actor_id, None,
        "the public form, not a staff member"
    );
    assert_eq!(
        created[0].target_id.as_deref(),
        Some(case.id.0.to_string().as_str())
    );
    assert!(created[0].details.contains(r#""source":"web_form""#));
    for private in ["Shcherbakov", "Щербаков", "yevgeniy@", "protest"] {
        assert!(
            !created[0].details.contains(private),
            "{private} in the audit log"
        );
    }

    let outbox = app.outbox().await;
    assert_eq!(outbox.len(), 1, "the acknowledgment");
    let ack = &outbox[0];
    assert_eq!(ack.to_address, "yevgeniy@example.org");
    assert_eq!(ack.subject, "Мы получили ваше сообщение");
    for private in [
        "Shcherbakov",
        "Щербаков",
        "Yevgeniy",
        "protest",
        &case.reference,
    ] {
        assert!(!ack.text_body.contains(private), "{private} in the email");
        assert!(!ack.html_body.contains(private), "{private} in the email");
    }
}

#[actix_web::test]
async fn no_acknowledgment_goes_to_an_address_not_marked_safe() {
    let app = spawn_app().await;
    open_form(&app).await;
    let (browser, csrf, stamp) = shown_form(&app, "en").await;
    app.clock.advance(Duration::seconds(30));
    let fields: Vec<_> = valid("en")
        .into_iter()
        .filter(|(k, _)| *k != "email_safe")
        .collect();
    assert_eq!(
        post(&app, &browser, &csrf, &stamp, &fields).await.status(),
        303
    );
    assert_eq!(inquiry_count(&app).await, 1);
    assert!(app.outbox().await.is_empty());
}

#[actix_web::test]
async fn problems_are_shown_at_their_fields_in_each_language_with_everything_kept() {
    let app = spawn_app().await;
    open_form(&app).await;
    for (lang, required, consent) in [
        (
            "en",
            "Please fill this in.",
            "Please confirm that you agree",
        ),
        (
            "ru",
            "Пожалуйста, заполните это поле.",
            "Пожалуйста, подтвердите согласие",
        ),
        (
            "uk",
            "Будь ласка, заповніть це поле.",
            "Будь ласка, підтвердьте згоду",
        ),
        (
            "es",
            "Por favor, complete este campo.",
            "Por favor, confirme que está de acuerdo",
        ),
    ] {
        let (browser, csrf, stamp) = shown_form(&app, lang).await;
        app.clock.advance(Duration::seconds(30));
        let fields: Vec<_> = valid(lang)
            .into_iter()
            .filter(|(k, _)| !matches!(*k, "family_name" | "consent"))
            .map(|(k, v)| match k {
                "email" => (k, "not-an-address".to_string()),
                _ => (k, v),
            })
            .collect();
        let response = post(&app, &browser, &csrf, &stamp, &fields).await;
        assert_eq!(response.status(), 422, "{lang}");
        let html = response.text().await.unwrap();
        assert!(html.contains(&format!("<html lang=\"{lang}\">")), "{lang}");
        assert_eq!(
            field_error(&html, "family_name").as_deref(),
            Some(required),
            "{lang}"
        );
        assert!(
            field_error(&html, "consent").is_some_and(|m| m.starts_with(consent)),
            "{lang}: {html}"
        );
        assert!(field_error(&html, "email").is_some(), "{lang}");
        assert_eq!(
            input_value(&html, "email").as_deref(),
            Some("not-an-address")
        );
        assert_eq!(
            input_value(&html, "native_name").as_deref(),
            Some("Щербаков Евгений"),
            "{lang}"
        );
        assert!(
            html.contains("Arrested at an anti-war protest in Moscow."),
            "{lang}"
        );
        assert!(html.contains("value=\"united_states\" checked"), "{lang}");
    }
    assert_eq!(inquiry_count(&app).await, 0);
}

#[actix_web::test]
async fn a_filled_honeypot_looks_received_and_keeps_nothing() {
    let app = spawn_app().await;
    open_form(&app).await;
    let (browser, csrf, stamp) = shown_form(&app, "en").await;
    app.clock.advance(Duration::seconds(30));
    let mut fields = valid("en");
    fields.push(("website", "http://spam.example".into()));
    let response = post(&app, &browser, &csrf, &stamp, &fields).await;
    assert_eq!(response.status(), 303);
    assert_eq!(inquiry_count(&app).await, 0);
    assert!(app.outbox().await.is_empty());
}

#[actix_web::test]
async fn a_form_sent_too_fast_or_too_late_or_without_a_stamp_comes_back_as_typed() {
    let app = spawn_app().await;
    open_form(&app).await;
    let (browser, csrf, stamp) = shown_form(&app, "es").await;
    app.clock.advance(Duration::seconds(1));
    let response = post(&app, &browser, &csrf, &stamp, &valid("es")).await;
    assert_eq!(response.status(), 422, "too fast");
    let html = response.text().await.unwrap();
    assert!(html.contains("se envió demasiado rápido"), "{html}");
    assert_eq!(
        input_value(&html, "family_name").as_deref(),
        Some("Shcherbakov")
    );
    // A fresh stamp came with it: sent at a human pace, it is accepted.
    let stamp = input_value(&html, "stamp").unwrap();
    let csrf = csrf_from(&html).unwrap();
    for (stamp, wait) in [("1.forged", 30), ("", 30), (stamp.as_str(), 25 * 3600)] {
        app.clock.advance(Duration::seconds(wait));
        let response = post(&app, &browser, &csrf, stamp, &valid("es")).await;
        if wait > 3600 {
            // The CSRF token of the page has long expired too: the form still comes back.
            assert_eq!(response.status(), 403, "a day late");
        } else {
            assert_eq!(response.status(), 422, "stamp {stamp:?}");
        }
        let html = response.text().await.unwrap();
        assert!(
            html.contains("Este formulario ha caducado"),
            "{stamp:?}: {html}"
        );
        assert_eq!(
            input_value(&html, "given_name").as_deref(),
            Some("Yevgeniy")
        );
    }
    assert_eq!(inquiry_count(&app).await, 0);
}

#[actix_web::test]
async fn a_stamp_a_day_old_is_refused_even_with_a_working_token() {
    let app = spawn_app().await;
    open_form(&app).await;
    let (browser, _, stamp) = shown_form(&app, "en").await;
    app.clock.advance(Duration::hours(25));
    // A page shown now gives a working CSRF token; the old stamp is still refused.
    let (_, html) = app.page(&browser, "/inquiry?lang=en").await;
    let csrf = csrf_from(&html).unwrap();
    let response = post(&app, &browser, &csrf, &stamp, &valid("en")).await;
    assert_eq!(response.status(), 422);
    assert!(
        response
            .text()
            .await
            .unwrap()
            .contains("This form is out of date")
    );
    assert_eq!(inquiry_count(&app).await, 0);
}

#[actix_web::test]
async fn unreviewed_inquiries_from_one_address_are_capped() {
    let app = spawn_app_with(|s| s.inquiry.max_unreviewed_per_address = 1).await;
    open_form(&app).await;
    let (browser, csrf, stamp) = shown_form(&app, "uk").await;
    app.clock.advance(Duration::seconds(30));
    assert_eq!(
        post(&app, &browser, &csrf, &stamp, &valid("uk"))
            .await
            .status(),
        303
    );
    let response = post(&app, &browser, &csrf, &stamp, &valid("uk")).await;
    assert_eq!(response.status(), 429);
    let html = response.text().await.unwrap();
    assert!(
        html.contains("З вашої мережі вже багато звернень"),
        "{html}"
    );
    assert_eq!(
        input_value(&html, "family_name").as_deref(),
        Some("Shcherbakov")
    );
    assert_eq!(inquiry_count(&app).await, 1);
}

#[actix_web::test]
async fn unreviewed_inquiries_are_capped_overall() {
    let app = spawn_app_with(|s| s.inquiry.max_unreviewed = 2).await;
    open_form(&app).await;
    let today = refuge::services::cases::today(&app.state);
    for address in ["198.51.100.7", "198.51.100.8"] {
        let form = refuge::domain::inquiry::InquiryForm {
            family_name: "Other".into(),
            given_name: "Person".into(),
            messenger: "Signal".into(),
            nationality: "BY".into(),
            whereabouts: "mexico".into(),
            detained: "no".into(),
            has_hearing: "no".into(),
            preferred_language: "ru".into(),
            consent: Some("on".into()),
            ..Default::default()
        };
        refuge::services::inquiries::submit(
            &app.state,
            form.parse(today).unwrap(),
            refuge::i18n::Language::Ru,
            Some(address.into()),
        )
        .await
        .unwrap();
    }
    let (browser, csrf, stamp) = shown_form(&app, "en").await;
    app.clock.advance(Duration::seconds(30));
    let response = post(&app, &browser, &csrf, &stamp, &valid("en")).await;
    assert_eq!(response.status(), 429);
    let html = response.text().await.unwrap();
    assert!(html.contains("more inquiries than it can read"), "{html}");
    assert_eq!(inquiry_count(&app).await, 2);
}

#[actix_web::test]
async fn junk_is_refused_with_a_4xx_never_a_500() {
    let app = spawn_app().await;
    open_form(&app).await;
    let (browser, csrf, stamp) = shown_form(&app, "en").await;
    app.clock.advance(Duration::seconds(30));
    let huge = "x".repeat(70 * 1024);
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "application/x-www-form-urlencoded",
            format!("csrf_token={csrf}&stamp={stamp}&account={huge}").into_bytes(),
            "too large",
        ),
        (
            "application/x-www-form-urlencoded",
            [format!("csrf_token={csrf}&family_name=").into_bytes(), vec![0xff, 0xfe]].concat(),
            "not UTF-8",
        ),
        (
            "application/x-www-form-urlencoded",
            format!("csrf_token={csrf}&stamp={stamp}&given_name=a&given_name=b").into_bytes(),
            "a field twice",
        ),
        (
            "application/x-www-form-urlencoded",
            format!("csrf_token={csrf}&stamp={stamp}&family_name=%00%01&travelling_family=-3&nationality=ZZ&hearing_on=32.13.2020&has_hearing=yes&whereabouts=moon").into_bytes(),
            "control characters and nonsense",
        ),
    ];
    for (content_type, body, what) in cases {
        let response = browser
            .post(app.url("/inquiry"))
            .header("Content-Type", content_type)
            .body(body)
            .send()
            .await
            .unwrap();
        let status = response.status().as_u16();
        assert!((400..500).contains(&status), "{what}: {status}");
    }
    let response = browser
        .post(app.url("/inquiry"))
        .header("X-CSRF-Token", &csrf)
        .json(&serde_json::json!({ "family_name": "x" }))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 415, "JSON");
    assert_eq!(inquiry_count(&app).await, 0);
}

#[actix_web::test]
async fn the_answer_is_the_same_for_someone_already_a_client() {
    let app = spawn_app().await;
    open_form(&app).await;
    let lawyer = app
        .create_staff(Role::Lawyer, "lawyer@office.example.org")
        .await;
    app.draft_case(&lawyer, "Shcherbakov").await;
    let (browser, csrf, stamp) = shown_form(&app, "en").await;
    app.clock.advance(Duration::seconds(30));
    let mut fields = valid("en");
    for field in fields.iter_mut() {
        if field.0 == "given_name" {
            field.1 = "Yulia".into();
        }
    }
    let response = post(&app, &browser, &csrf, &stamp, &fields).await;
    assert_eq!(response.status(), 303);
    assert_eq!(
        response.headers()["location"].to_str().unwrap(),
        "/inquiry?sent=1&lang=en"
    );
}

#[actix_web::test]
async fn implausible_dates_and_direction_overrides_are_refused_at_their_fields() {
    let app = spawn_app().await;
    open_form(&app).await;
    for arrival in ["0001-01-01", "-0001-01-01", "1899-12-31"] {
        let (browser, csrf, stamp) = shown_form(&app, "en").await;
        app.clock.advance(Duration::seconds(30));
        let fields: Vec<_> = valid("en")
            .into_iter()
            .map(|(k, v)| match k {
                "last_arrival_on" => (k, arrival.to_string()),
                "family_name" => (k, "Shcherbakov\u{202E}vokabrehcS".to_string()),
                _ => (k, v),
            })
            .collect();
        let response = post(&app, &browser, &csrf, &stamp, &fields).await;
        assert_eq!(response.status(), 422, "{arrival}");
        let html = response.text().await.unwrap();
        assert_eq!(
            field_error(&html, "last_arrival_on").as_deref(),
            Some("Please check the year: the date must be in 1900 or later."),
            "{arrival}"
        );
        assert_eq!(
            field_error(&html, "family_name").as_deref(),
            Some("This contains characters that cannot be used here."),
            "{arrival}"
        );
        assert_eq!(
            input_value(&html, "last_arrival_on").as_deref(),
            Some(arrival),
            "kept as typed"
        );
    }
    assert_eq!(inquiry_count(&app).await, 0);
}

#[actix_web::test]
async fn an_empty_safe_mark_is_not_a_tick_and_sends_no_acknowledgment() {
    let app = spawn_app().await;
    open_form(&app).await;
    let (browser, csrf, stamp) = shown_form(&app, "en").await;
    app.clock.advance(Duration::seconds(30));
    let fields: Vec<_> = valid("en")
        .into_iter()
        .map(|(k, v)| match k {
            "email_safe" => (k, String::new()),
            _ => (k, v),
        })
        .collect();
    let response = post(&app, &browser, &csrf, &stamp, &fields).await;
    assert_eq!(response.status(), 303);
    assert_eq!(inquiry_count(&app).await, 1);
    let row = unreviewed(&app).await.pop().expect("the inquiry");
    assert!(!row.email_safe, "email_safe= is not a tick");
    assert!(
        app.outbox()
            .await
            .iter()
            .all(|m| m.kind != refuge::services::inquiries::ACKNOWLEDGMENT_MAIL),
        "no acknowledgment to an address not marked safe"
    );
}
