//! Questionnaire links (issue 15): a lawyer makes one from the case, shown once and mailed
//! only to a safe address without a name; the client fills in the steps, saving and
//! resuming; bad input comes back at its field with everything kept; sending spends the
//! link once and tells the lawyer; an expired or revoked link shows a kind page and keeps
//! what was posted to it for the next link; any token that opens nothing gets one answer.

use refuge::db::audit_log::AuditFilter;
use refuge::domain::staff::{Role, Staff};
use refuge::routes::cases::intake::form::IntakeForm;

use crate::helpers::{Session, TestApp, client, csrf_from, field_error, input_value, spawn_app};

/// A draft case of `lawyer`'s whose client (Yulia Kovalenko) has an email address, marked
/// safe when `safe`.
async fn case_with_email(app: &TestApp, lawyer: &Staff, safe: bool) -> uuid::Uuid {
    let lawyer_id = lawyer.id.to_string();
    let mut pairs = vec![
        ("client.family_name", "Kovalenko"),
        ("client.given_name", "Yulia"),
        ("client.email", "yulia@example.org"),
        ("client.languages", "uk"),
        ("claim.kind", "affirmative"),
        ("claim.lawyer_id", lawyer_id.as_str()),
    ];
    if safe {
        pairs.push(("client.email_safe", "on"));
    }
    let form = IntakeForm::from_pairs(pairs.into_iter().map(|(k, v)| (k.into(), v.into())));
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

/// Makes a link from the case's page as `lawyer`, and returns its path (`/questionnaire/…`).
async fn make_link(app: &TestApp, lawyer: &Session, case: uuid::Uuid, language: &str) -> String {
    let page = format!("/cases/{case}/questionnaires");
    let response = app
        .post_form(&lawyer.client, &page, &[("language", language)])
        .await;
    assert_eq!(response.status(), 303);
    let (status, html) = app
        .page(&lawyer.client, &format!("{page}?done=created"))
        .await;
    assert_eq!(status, 200);
    let link = input_value(&html, "questionnaire_link").expect("the new link, shown once");
    link.strip_prefix(&app.address)
        .expect("a link to this server")
        .to_string()
}

/// POSTs one step of the questionnaire from `browser`, with the page's CSRF token.
async fn post_step(
    app: &TestApp,
    browser: &reqwest::Client,
    link: &str,
    fields: &[(&str, &str)],
) -> reqwest::Response {
    app.post_link_form(browser, link, fields).await
}

/// What the link's draft holds now.
async fn draft(app: &TestApp, link: &str) -> refuge::domain::revision::Answers {
    let token = link.rsplit('/').next().unwrap_or_default().to_string();
    refuge::services::questionnaires::by_token(&app.state, token)
        .await
        .expect("read")
        .expect("a link")
        .draft
}

#[actix_web::test]
async fn a_new_link_is_shown_once_and_its_making_audited_without_the_token() {
    let app = spawn_app().await;
    let lawyer = app.login_as(Role::Lawyer).await;
    let (case, _) = app.draft_case(&lawyer.staff, "Petrenko").await;
    let link = make_link(&app, &lawyer, case, "ru").await;
    let token = link.rsplit('/').next().unwrap_or_default();
    assert!(token.len() >= 43, "at least 256 bits: {token}");

    let (_, again) = app
        .page(&lawyer.client, &format!("/cases/{case}/questionnaires"))
        .await;
    assert!(!again.contains(token), "shown once only");
    assert!(again.contains("data-state=\"open\""));
    let entries = app
        .audit(AuditFilter {
            action: Some("questionnaire.created".into()),
            ..AuditFilter::default()
        })
        .await;
    assert_eq!(entries.len(), 1);
    assert!(!entries[0].details.contains(token));
    assert!(entries[0].details.contains("\"language\":\"ru\""));
}

#[actix_web::test]
async fn the_link_is_mailed_only_to_a_safe_address_and_names_nobody() {
    let app = spawn_app().await;
    let lawyer = app.login_as(Role::Lawyer).await;
    let safe = case_with_email(&app, &lawyer.staff, true).await;
    let response = app
        .post_form(
            &lawyer.client,
            &format!("/cases/{safe}/questionnaires"),
            &[("language", "uk"), ("email", "on")],
        )
        .await;
    assert_eq!(response.status(), 303);
    let mail: Vec<_> = app
        .outbox()
        .await
        .into_iter()
        .filter(|m| m.kind == "questionnaire_link")
        .collect();
    assert_eq!(mail.len(), 1);
    assert_eq!(mail[0].to_address, "yulia@example.org");
    assert!(mail[0].text_body.contains("/questionnaire/"));
    assert!(mail[0].text_body.contains("Офіс"), "in the link's language");
    for message in [&mail[0].subject, &mail[0].text_body, &mail[0].html_body] {
        assert!(!message.contains("Kovalenko") && !message.contains("Yulia"));
    }

    let unsafe_case = case_with_email(&app, &lawyer.staff, false).await;
    let response = app
        .post_form(
            &lawyer.client,
            &format!("/cases/{unsafe_case}/questionnaires"),
            &[("language", "uk"), ("email", "on")],
        )
        .await;
    assert_eq!(response.status(), 422);
    let html = response.text().await.expect("page");
    assert!(field_error(&html, "email").is_some());
    assert_eq!(app.outbox().await.len(), 1, "nothing more mailed");
}

#[actix_web::test]
async fn the_client_saves_a_step_and_resumes_another_day_in_another_browser() {
    let app = spawn_app().await;
    let lawyer = app.login_as(Role::Lawyer).await;
    let (case, _) = app.draft_case(&lawyer.staff, "Petrenko").await;
    let link = make_link(&app, &lawyer, case, "ru").await;

    let phone = client();
    let (status, html) = app.page(&phone, &link).await;
    assert_eq!(status, 200);
    assert!(html.contains("lang=\"ru\""), "the link's language");
    assert!(
        html.contains("— выберите —") && !html.contains("не указано"),
        "a client is asked to choose, not told nothing is on file"
    );
    let response = post_step(
        &app,
        &phone,
        &link,
        &[
            ("step", "about"),
            ("lang", "ru"),
            ("action", "later"),
            ("client.family_name", "Petrenko"),
            ("client.given_name", "Олена"),
            ("client.nationalities", "UA"),
        ],
    )
    .await;
    assert_eq!(response.status(), 303);
    let later = response.headers()["location"].to_str().expect("location");
    assert!(later.ends_with("&later=1"), "{later}");

    app.clock.advance(chrono::Duration::days(3));
    let laptop = client();
    let (status, html) = app.page(&laptop, &format!("{link}?lang=uk")).await;
    assert_eq!(status, 200);
    assert!(html.contains("lang=\"uk\""), "the language chosen");
    assert!(html.contains("З поверненням"), "says the answers are back");
    assert_eq!(
        input_value(&html, "client.given_name").as_deref(),
        Some("Олена")
    );
}

#[actix_web::test]
async fn bad_input_comes_back_at_its_field_with_every_entry_kept_and_saved() {
    let app = spawn_app().await;
    let lawyer = app.login_as(Role::Lawyer).await;
    let (case, _) = app.draft_case(&lawyer.staff, "Petrenko").await;
    let link = make_link(&app, &lawyer, case, "es").await;
    let phone = client();
    let response = post_step(
        &app,
        &phone,
        &link,
        &[
            ("step", "about"),
            ("lang", "es"),
            ("action", "next"),
            ("client.family_name", "Petrenko"),
            ("client.date_of_birth", "31.02.1990"),
            ("client.passport_numbers", "FA 123456"),
        ],
    )
    .await;
    assert_eq!(response.status(), 422);
    let html = response.text().await.expect("page");
    assert!(field_error(&html, "client.date_of_birth").is_some());
    assert_eq!(
        input_value(&html, "client.date_of_birth").as_deref(),
        Some("31.02.1990")
    );
    assert_eq!(
        input_value(&html, "client.passport_numbers").as_deref(),
        Some("FA 123456")
    );
    let saved = draft(&app, &link).await;
    assert_eq!(saved.get("client.date_of_birth"), "31.02.1990");
    let stored: Vec<String> = app
        .state
        .db
        .run(|conn| {
            use diesel::prelude::*;
            use refuge::db::schema::questionnaires;
            Ok(questionnaires::table
                .select(diesel::dsl::sql::<diesel::sql_types::Text>("draft"))
                .load(conn)?)
        })
        .await
        .expect("read");
    assert!(!stored[0].contains("FA 123456"), "the draft is sealed");
}

#[actix_web::test]
async fn a_client_is_never_asked_nor_heard_on_the_claim_or_staff_decisions() {
    let app = spawn_app().await;
    let lawyer = app.login_as(Role::Lawyer).await;
    let (case, _) = app.draft_case(&lawyer.staff, "Petrenko").await;
    let link = make_link(&app, &lawyer, case, "en").await;
    let phone = client();
    let response = post_step(
        &app,
        &phone,
        &link,
        &[
            ("step", "about"),
            ("action", "next"),
            ("client.family_name", "Petrenko"),
            ("client.immigration_status", "asylee"),
            ("claim.kind", "defensive"),
            ("family.0.derivative", "on"),
        ],
    )
    .await;
    assert_eq!(response.status(), 303);
    let saved = draft(&app, &link).await;
    assert_eq!(saved.get("client.family_name"), "Petrenko");
    for staff_only in [
        "client.immigration_status",
        "claim.kind",
        "family.0.derivative",
    ] {
        assert_eq!(saved.get(staff_only), "", "{staff_only}");
    }
}

/// Fills in the about-you step and sends the answers from the check page.
async fn fill_and_send(app: &TestApp, browser: &reqwest::Client, link: &str) -> reqwest::Response {
    let response = post_step(
        app,
        browser,
        link,
        &[
            ("step", "about"),
            ("action", "next"),
            ("client.family_name", "Petrenko"),
            ("client.given_name", "Olena"),
        ],
    )
    .await;
    assert_eq!(response.status(), 303);
    post_step(app, browser, link, &[("step", "check"), ("action", "send")]).await
}

#[actix_web::test]
async fn sending_spends_the_link_once_and_tells_the_lawyer_without_a_name() {
    let app = spawn_app().await;
    let lawyer = app.login_as(Role::Lawyer).await;
    let (case, reference) = app.draft_case(&lawyer.staff, "Sydorenko").await;
    let link = make_link(&app, &lawyer, case, "uk").await;
    let phone = client();
    let response = fill_and_send(&app, &phone, &link).await;
    assert_eq!(response.status(), 303);

    let (status, html) = app.page(&phone, &link).await;
    assert_eq!(status, 200);
    assert!(html.contains("Відповіді надіслано"), "already sent");
    let again = post_step(
        &app,
        &phone,
        &link,
        &[("step", "check"), ("action", "send")],
    )
    .await;
    assert_eq!(again.status(), 409);

    let told: Vec<_> = app
        .outbox()
        .await
        .into_iter()
        .filter(|m| m.kind == "questionnaire_submitted")
        .collect();
    assert_eq!(told.len(), 1, "one message for one sending");
    assert_eq!(told[0].to_address, lawyer.staff.email);
    assert!(told[0].text_body.contains(&reference));
    assert!(!told[0].text_body.contains("Olena") && !told[0].text_body.contains("Petrenko"));
    let sent = app
        .audit(AuditFilter {
            action: Some("questionnaire.submitted".into()),
            ..AuditFilter::default()
        })
        .await;
    assert_eq!(sent.len(), 1);
    assert!(sent[0].actor_id.is_none(), "the client, not staff");

    // The answers wait for review as a pending revision, in the language they were sent in…
    let revision = app
        .state
        .db
        .run(move |conn| {
            let link = refuge::db::questionnaires::of_case(conn, case)?;
            let id = link[0].revision_id.expect("the link names its revision");
            Ok(refuge::db::revisions::find(conn, id.0.into())?)
        })
        .await
        .expect("read")
        .expect("the revision");
    assert_eq!(revision.status, "pending");
    assert_eq!(revision.language, "uk");
    assert!(revision.answers.0.contains("Olena"));
    // …and the file is unchanged.
    let file = refuge::services::cases::open(&app.state, &lawyer.staff, case, None)
        .await
        .expect("case");
    assert_eq!(file.intake.client.family_name, "Sydorenko");
    let (_, list) = app
        .page(&lawyer.client, &format!("/cases/{case}/questionnaires"))
        .await;
    assert!(list.contains("data-state=\"submitted\""));
}

#[actix_web::test]
async fn an_expired_link_is_kind_keeps_what_is_posted_and_a_new_link_starts_from_it() {
    let app = spawn_app().await;
    let lawyer = app.login_as(Role::Lawyer).await;
    let (case, _) = app.draft_case(&lawyer.staff, "Petrenko").await;
    let link = make_link(&app, &lawyer, case, "ru").await;
    let phone = client();
    let (_, first) = app.page(&phone, &link).await;
    let csrf = csrf_from(&first).expect("the page's token");

    app.clock
        .advance(chrono::Duration::days(7) + chrono::Duration::minutes(1));
    let (status, html) = app.page(&phone, &link).await;
    assert_eq!(status, 410);
    assert!(
        html.contains("Эта ссылка больше не действует"),
        "in Russian"
    );

    // A page kept open past the link's date brings a form token that expired too: the
    // step comes back as typed, with a token that works…
    let stale = phone
        .post(app.url(&link))
        .form(&[
            ("csrf_token", csrf.as_str()),
            ("step", "about"),
            ("action", "next"),
            ("client.given_name", "Typed after the deadline"),
        ])
        .send()
        .await
        .expect("POST");
    assert_eq!(stale.status(), 403);
    let html = stale.text().await.expect("page");
    assert_eq!(
        input_value(&html, "client.given_name").as_deref(),
        Some("Typed after the deadline")
    );
    // …and saving it keeps it, saying so.
    let posted = post_step(
        &app,
        &phone,
        &link,
        &[
            ("step", "about"),
            ("action", "next"),
            ("client.family_name", "Petrenko"),
            ("client.given_name", "Typed after the deadline"),
        ],
    )
    .await;
    assert_eq!(posted.status(), 410);
    let html = posted.text().await.expect("page");
    assert!(html.contains("Введённое вами сохранено"), "says it is kept");

    // The lawyer's session ended meanwhile too.
    let lawyer = Session {
        client: app.login(&lawyer.staff.email, &lawyer.password).await,
        ..lawyer
    };
    let renewed = make_link(&app, &lawyer, case, "ru").await;
    let (status, html) = app.page(&client(), &renewed).await;
    assert_eq!(status, 200);
    assert_eq!(
        input_value(&html, "client.given_name").as_deref(),
        Some("Typed after the deadline")
    );
}

#[actix_web::test]
async fn a_revoked_link_is_closed_and_listed_so() {
    let app = spawn_app().await;
    let lawyer = app.login_as(Role::Lawyer).await;
    let (case, _) = app.draft_case(&lawyer.staff, "Petrenko").await;
    let link = make_link(&app, &lawyer, case, "en").await;
    let id = app
        .state
        .db
        .run(move |conn| Ok(refuge::db::questionnaires::of_case(conn, case)?))
        .await
        .expect("links")[0]
        .id
        .0;
    let response = app
        .post_form(
            &lawyer.client,
            &format!("/cases/{case}/questionnaires/{id}/revoke"),
            &[],
        )
        .await;
    assert_eq!(response.status(), 303);
    let (status, html) = app.page(&client(), &link).await;
    assert_eq!(status, 410);
    assert!(html.contains("This link no longer works"));
    let (_, list) = app
        .page(&lawyer.client, &format!("/cases/{case}/questionnaires"))
        .await;
    assert!(list.contains("data-state=\"revoked\""));
    assert!(
        app.audit_actions()
            .await
            .contains(&"questionnaire.revoked".to_string())
    );
}

#[actix_web::test]
async fn a_new_link_replaces_the_open_one() {
    let app = spawn_app().await;
    let lawyer = app.login_as(Role::Lawyer).await;
    let (case, _) = app.draft_case(&lawyer.staff, "Petrenko").await;
    let first = make_link(&app, &lawyer, case, "en").await;
    let second = make_link(&app, &lawyer, case, "en").await;
    assert_eq!(app.page(&client(), &first).await.0, 410);
    assert_eq!(app.page(&client(), &second).await.0, 200);
}

#[actix_web::test]
async fn every_token_that_opens_nothing_gets_the_same_answer() {
    let app = spawn_app().await;
    let lawyer = app.login_as(Role::Lawyer).await;
    let (case, _) = app.draft_case(&lawyer.staff, "Petrenko").await;
    let link = make_link(&app, &lawyer, case, "en").await;
    let live = link.rsplit('/').next().unwrap_or_default();
    // One character changed, a random one of the same length, a short one.
    let mut altered = live.to_string();
    let last = if altered.ends_with('A') { "B" } else { "A" };
    altered.replace_range(altered.len() - 1.., last);
    let random = refuge::auth::tokens::random_token();
    let browser = client();
    let mut answers = Vec::new();
    for token in [altered.as_str(), random.as_str(), "x"] {
        let (status, body) = app.page(&browser, &format!("/questionnaire/{token}")).await;
        answers.push((status, body.replace(&format!("/questionnaire/{token}"), "")));
        let posted = post_step(
            &app,
            &browser,
            &format!("/questionnaire/{token}"),
            &[("step", "about"), ("client.family_name", "Probe")],
        )
        .await;
        assert_eq!(posted.status(), 404);
    }
    assert_eq!(answers[0].0, 404);
    assert!(
        answers.iter().all(|a| *a == answers[0]),
        "one answer for all"
    );
}

/// The I-589's Parts A.I, A.III, B and C on the questionnaire (issue 16): the client fills
/// the about step's Part A.I, the background step's lists and none boxes, the entries into
/// the US and the questions; a bad month comes back at its field with everything kept;
/// another day, the answers are back; sent, they wait as a pending revision, and nothing a
/// client is not asked (the grounds, C.5) is heard.
#[actix_web::test]
async fn a_client_answers_parts_a_i_a_iii_b_and_c_and_they_arrive_for_review() {
    let app = spawn_app().await;
    let lawyer = app.login_as(Role::Lawyer).await;
    let (case, _) = app.draft_case(&lawyer.staff, "Petrenko").await;
    let link = make_link(&app, &lawyer, case, "en").await;
    let phone = client();

    let (status, html) = app.page(&phone, &link).await;
    assert_eq!(status, 200);
    assert!(html.contains("Step 1 of 8"), "two steps more");
    assert!(
        html.contains("Have you ever been in immigration court proceedings in the US?"),
        "Part A.I in the client's words"
    );
    let response = post_step(
        &app,
        &phone,
        &link,
        &[
            ("step", "about"),
            ("action", "next"),
            ("client.family_name", "Petrenko"),
            ("applicant.religion", "Orthodox Christian"),
            ("applicant.marital_status", "married"),
            ("applicant.court_proceedings", "never"),
            ("applicant.native_language", "uk"),
            ("applicant.fluent_in_english", "no"),
            ("applicant.left_home_country_on", "2025-03-01"),
        ],
    )
    .await;
    assert_eq!(response.status(), 303);
    assert!(
        response.headers()["location"]
            .to_str()
            .unwrap()
            .contains("step=family")
    );

    // The background step, after the family: a row added to two of its lists without
    // JavaScript, each list's add button its own (the page posts the rows it shows).
    let background = format!("{link}?step=background&lang=en");
    let (status, html) = app.page(&phone, &background).await;
    assert_eq!(status, 200);
    for add in ["residences", "schools", "jobs", "siblings"] {
        assert!(html.contains(&format!("value=\"add:{add}\"")), "{add}");
    }
    for (list, shown) in [
        ("residences", &[][..]),
        ("jobs", &[("residences.0.row", "new")][..]),
    ] {
        let action = format!("add:{list}");
        let mut fields = vec![
            ("step", "background"),
            ("action", action.as_str()),
            ("background.mother.full_name", "Halyna Petrenko"),
        ];
        fields.extend_from_slice(shown);
        let response = post_step(&app, &phone, &background, &fields).await;
        assert_eq!(response.status(), 303);
        assert!(
            response.headers()["location"]
                .to_str()
                .unwrap()
                .ends_with(&format!("#{list}"))
        );
    }
    let (_, html) = app.page(&phone, &background).await;
    assert!(html.contains("name=\"residences.0.row\""));
    assert!(html.contains("name=\"jobs.0.row\""));
    assert!(!html.contains("name=\"schools.0.row\""));
    assert_eq!(
        input_value(&html, "background.mother.full_name").as_deref(),
        Some("Halyna Petrenko"),
        "kept while adding rows"
    );

    let mut answers = vec![
        ("step", "background"),
        ("action", "next"),
        ("background.last_address.city", "Kherson"),
        ("background.last_address.country", "UA"),
        ("background.last_address.from", "2015-06"),
        ("background.last_address.to", "2025-02"),
        ("background.feared_country_same", "on"),
        ("background.no_schooling", "on"),
        ("background.no_siblings", "on"),
        ("background.mother.full_name", "Halyna Petrenko"),
        ("background.father.full_name", "Ivan Petrenko"),
        ("background.father.deceased", "on"),
        ("residences.0.row", "new"),
        ("residences.0.city", "Sacramento"),
        ("residences.0.country", "US"),
        ("residences.0.from", "2019-13"),
        ("residences.0.to_present", "on"),
        ("jobs.0.row", "new"),
        ("jobs.0.employer", "Kherson Port Authority"),
        ("jobs.0.occupation", "Engineer"),
        ("jobs.0.from", "2016-01"),
        ("jobs.0.to", "2025-02"),
    ];
    let response = post_step(&app, &phone, &background, &answers).await;
    assert_eq!(response.status(), 422);
    let html = response.text().await.expect("page");
    assert!(field_error(&html, "residences.0.from").is_some(), "{html}");
    assert!(
        html.contains("href=\"#residences.0.from\""),
        "in the summary"
    );
    for (field, value) in [
        ("residences.0.from", "2019-13"),
        ("residences.0.city", "Sacramento"),
        ("jobs.0.employer", "Kherson Port Authority"),
        ("background.father.full_name", "Ivan Petrenko"),
    ] {
        assert_eq!(input_value(&html, field).as_deref(), Some(value), "{field}");
    }
    for ticked in ["background.no_schooling", "residences.0.to_present"] {
        let at = html.find(&format!("id=\"{ticked}\"")).expect(ticked);
        assert!(
            html[at..at + html[at..].find('>').unwrap()].contains("checked"),
            "{ticked} kept ticked"
        );
    }
    answers.retain(|(field, _)| *field != "residences.0.from");
    answers.push(("residences.0.from", "2025-04"));
    let response = post_step(&app, &phone, &background, &answers).await;
    assert_eq!(response.status(), 303);
    assert!(
        response.headers()["location"]
            .to_str()
            .unwrap()
            .contains("step=journey")
    );

    // Every entry into the US, on the entry step.
    let entry = format!("{link}?step=entry&lang=en");
    let response = post_step(
        &app,
        &phone,
        &entry,
        &[("step", "entry"), ("action", "add:us_entries")],
    )
    .await;
    assert_eq!(response.status(), 303);
    let response = post_step(
        &app,
        &phone,
        &entry,
        &[
            ("step", "entry"),
            ("action", "next"),
            ("entry.port_of_entry", "San Ysidro"),
            ("us_entries.0.row", "new"),
            ("us_entries.0.arrived_on", "2025-04-02"),
            ("us_entries.0.place", "San Ysidro, CA"),
            ("us_entries.0.status", "Parole"),
        ],
    )
    .await;
    assert_eq!(response.status(), 303);

    // Parts B and C, without the grounds and C.5, which are the lawyer's.
    let questions = format!("{link}?step=questions&lang=en");
    let (status, html) = app.page(&phone, &questions).await;
    assert_eq!(status, 200);
    assert!(html.contains("Do you fear harm or mistreatment if you go back to your home country?"));
    assert!(!html.contains("claim_answers.grounds"));
    assert!(!html.contains("claim_answers.filed_after_one_year"));
    let response = post_step(
        &app,
        &phone,
        &questions,
        &[
            ("step", "questions"),
            ("action", "next"),
            ("claim_answers.past_harm.answer", "yes"),
            (
                "claim_answers.past_harm.explanation",
                "Soldiers held me for three days at a checkpoint.",
            ),
            ("claim_answers.crimes_in_us.answer", "no"),
            ("claim_answers.grounds", "political_opinion"),
            ("claim_answers.filed_after_one_year.answer", "yes"),
        ],
    )
    .await;
    assert_eq!(response.status(), 303);
    assert!(
        response.headers()["location"]
            .to_str()
            .unwrap()
            .contains("step=check")
    );

    // The draft is sealed; another day, in another browser, the answers are back.
    let stored: Vec<String> = app
        .state
        .db
        .run(|conn| {
            use diesel::prelude::*;
            use refuge::db::schema::questionnaires;
            Ok(questionnaires::table
                .select(diesel::dsl::sql::<diesel::sql_types::Text>("draft"))
                .load(conn)?)
        })
        .await
        .expect("read");
    for secret in ["Orthodox", "Kherson", "checkpoint", "residences"] {
        assert!(!stored[0].contains(secret), "the draft is sealed: {secret}");
    }
    app.clock.advance(chrono::Duration::days(2));
    let laptop = client();
    let (_, html) = app.page(&laptop, &background).await;
    assert_eq!(
        input_value(&html, "residences.0.from").as_deref(),
        Some("2025-04")
    );
    assert_eq!(
        input_value(&html, "jobs.0.employer").as_deref(),
        Some("Kherson Port Authority")
    );
    let (_, html) = app.page(&laptop, &entry).await;
    assert_eq!(
        input_value(&html, "us_entries.0.place").as_deref(),
        Some("San Ysidro, CA")
    );
    let (_, html) = app
        .page(&laptop, &format!("{link}?step=check&lang=en"))
        .await;
    for shown in [
        "Orthodox Christian",
        "Never been in proceedings",
        "Kherson Port Authority",
        "San Ysidro, CA",
        "Have you, your family, or close friends or colleagues ever been harmed",
        "Soldiers held me for three days at a checkpoint.",
        "No siblings",
    ] {
        assert!(html.contains(shown), "{shown} on the check page");
    }

    let response = post_step(
        &app,
        &laptop,
        &format!("{link}?step=check&lang=en"),
        &[("step", "check"), ("action", "send")],
    )
    .await;
    assert_eq!(response.status(), 303);
    let revision = app
        .state
        .db
        .run(move |conn| {
            let link = refuge::db::questionnaires::of_case(conn, case)?;
            let id = link[0].revision_id.expect("the link names its revision");
            Ok(refuge::db::revisions::find(conn, id.0.into())?)
        })
        .await
        .expect("read")
        .expect("the revision");
    assert_eq!(revision.status, "pending");
    let sent: refuge::domain::revision::Answers =
        serde_json::from_str(&revision.answers.0).expect("answers");
    for (field, value) in [
        ("applicant.religion", "Orthodox Christian"),
        ("applicant.court_proceedings", "never"),
        ("background.no_schooling", "on"),
        ("background.father.deceased", "on"),
        ("residences.0.city", "Sacramento"),
        ("jobs.0.occupation", "Engineer"),
        ("us_entries.0.arrived_on", "2025-04-02"),
        ("claim_answers.past_harm.answer", "yes"),
        ("claim_answers.crimes_in_us.answer", "no"),
    ] {
        assert_eq!(sent.get(field), value, "{field}");
    }
    for staff_only in [
        "claim_answers.grounds",
        "claim_answers.filed_after_one_year.answer",
    ] {
        assert_eq!(sent.get(staff_only), "", "{staff_only}");
    }
    let file = refuge::services::cases::open(&app.state, &lawyer.staff, case, None)
        .await
        .expect("case");
    assert!(
        file.intake.residences.is_empty(),
        "the file waits for review"
    );
    assert_eq!(file.intake.applicant.religion, "");
}

/// A row removed from one of a step's lists leaves its other lists as they were; a button
/// naming a list of another step is refused, and nothing is saved.
#[actix_web::test]
async fn a_row_is_removed_from_its_own_list_only() {
    let app = spawn_app().await;
    let lawyer = app.login_as(Role::Lawyer).await;
    let (case, _) = app.draft_case(&lawyer.staff, "Petrenko").await;
    let link = make_link(&app, &lawyer, case, "en").await;
    let phone = client();
    let background = format!("{link}?step=background&lang=en");
    let shown = [
        ("step", "background"),
        ("residences.0.row", "new"),
        ("residences.0.city", "Kherson"),
        ("residences.1.row", "new"),
        ("residences.1.city", "Odesa"),
        ("siblings.0.row", "new"),
        ("siblings.0.full_name", "Maria Petrenko"),
    ];
    let mut fields = shown.to_vec();
    fields.push(("action", "remove:residences:0"));
    let response = post_step(&app, &phone, &background, &fields).await;
    assert_eq!(response.status(), 303);
    let saved = draft(&app, &link).await;
    assert_eq!(saved.get("residences.0.city"), "Odesa");
    assert_eq!(saved.get("residences.1.city"), "");
    assert_eq!(saved.get("siblings.0.full_name"), "Maria Petrenko");

    let mut fields = shown.to_vec();
    fields.push(("action", "add:family"));
    let response = post_step(&app, &phone, &background, &fields).await;
    assert_eq!(response.status(), 400);
    assert_eq!(draft(&app, &link).await.get("residences.1.city"), "");
}
