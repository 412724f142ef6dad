//! Nothing typed is ever lost: a form submitted after the session ended is held, the person
//! signs in again and gets the same form back, filled, with a notice; nobody else gets it,
//! and it is gone after a day. Runs on SQLite, and on PostgreSQL with
//! `REFUGE_TEST_POSTGRES_URL`.

use chrono::Duration;
use refuge::domain::case_work::{CaseEventForm, ChecklistItemForm, KeyDatesForm};
use refuge::domain::staff::{Role, Staff};
use refuge::routes::cases::intake::form::IntakeForm;
use refuge::services::{cases, intake};

use crate::helpers::{PASSWORD, TestApp, edit_open, input_value, section_open, spawn_app};

const RESTORED: &str = "What you typed has been put back";
const IDLE: Duration = Duration::minutes(31);

fn location(response: &reqwest::Response) -> String {
    response
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string()
}

/// A case with `lawyer` of record, its I-589 received (so the EAD clock runs), a hearing that
/// has happened and a checklist item: every form of the case page is on the page.
pub(crate) async fn worked_case(
    app: &TestApp,
    lawyer: &Staff,
) -> (uuid::Uuid, uuid::Uuid, uuid::Uuid) {
    let lawyer_id = lawyer.id.to_string();
    let form = IntakeForm::from_pairs(
        [
            ("client.family_name", "SOKOLOVA"),
            ("client.given_name", "Vera"),
            ("claim.kind", "affirmative"),
            ("claim.lawyer_id", lawyer_id.as_str()),
        ]
        .map(|(k, v)| (k.to_string(), v.to_string())),
    );
    let saved = intake::save(&app.state, lawyer, None, form.parse().unwrap(), false, None)
        .await
        .unwrap();
    let today = app.clock.as_ref().now_date();
    let dates = KeyDatesForm {
        i589_filed_on: "2026-10-01".into(),
        i589_received_on: "2026-10-05".into(),
        ..KeyDatesForm::default()
    };
    cases::set_key_dates(
        &app.state,
        lawyer,
        saved.id,
        dates.parse(today).unwrap(),
        None,
    )
    .await
    .unwrap();
    let hearing = CaseEventForm {
        kind: "master_hearing".into(),
        date: "2026-11-20".into(),
        time: "09:00".into(),
        ..CaseEventForm::default()
    };
    let event = cases::add_event(&app.state, lawyer, saved.id, hearing.parse().unwrap(), None)
        .await
        .unwrap();
    let item = ChecklistItemForm {
        item: "Passport copy".into(),
        ..ChecklistItemForm::default()
    };
    let item = cases::add_checklist_item(
        &app.state,
        lawyer,
        saved.id,
        item.parse_new().unwrap(),
        None,
    )
    .await
    .unwrap();
    (saved.id, event, item)
}

use crate::helpers::TodayForTests;

/// One form: where it posts, what is typed into it, the page it comes back on (with its
/// section) and a typed value that must be on that page again.
struct Form {
    posts_to: String,
    fields: Vec<(&'static str, &'static str)>,
    comes_back_at: String,
    typed: &'static str,
}

fn every_form(case: uuid::Uuid, event: uuid::Uuid, item: uuid::Uuid) -> Vec<Form> {
    let page = format!("/cases/{case}");
    let form = |posts_to: String, fields, comes_back_at: String, typed| Form {
        posts_to,
        fields,
        comes_back_at,
        typed,
    };
    vec![
        form(
            "/intake".into(),
            vec![
                ("client.family_name", "ZAKHAROVA"),
                ("client.given_name", "Olga"),
                ("action", "save_draft"),
            ],
            "/intake".into(),
            "ZAKHAROVA",
        ),
        form(
            format!("{page}/intake"),
            vec![
                ("client.family_name", "SOKOLOVA-ORLOVA"),
                ("client.given_name", "Vera"),
                ("claim.kind", "affirmative"),
                ("action", "save_draft"),
            ],
            format!("{page}/intake"),
            "SOKOLOVA-ORLOVA",
        ),
        form(
            format!("{page}/stage"),
            vec![("to", "closed"), ("note", "Client moved to Canada")],
            format!("{page}#stage"),
            "Client moved to Canada",
        ),
        form(
            format!("{page}/dates"),
            vec![
                ("i589_filed_on", "2026-10-01"),
                ("i589_received_on", "2026-10-09"),
            ],
            format!("{page}#dates"),
            "2026-10-09",
        ),
        form(
            format!("{page}/events"),
            vec![
                ("kind", "interview"),
                ("date", "2027-02-03"),
                ("place", "Asylum Office, Tustin, room 14"),
            ],
            format!("{page}#events"),
            "Asylum Office, Tustin, room 14",
        ),
        form(
            format!("{page}/events/{event}/outcome"),
            vec![("outcome", "Reset to March; judge on leave")],
            format!("{page}#events"),
            "Reset to March; judge on leave",
        ),
        form(
            format!("{page}/ead-stops"),
            vec![
                ("action", "stop"),
                ("on", "2026-11-02"),
                ("reason", "Applicant asked to reschedule"),
            ],
            format!("{page}#ead"),
            "Applicant asked to reschedule",
        ),
        form(
            format!("{page}/checklist"),
            vec![
                ("item", "Birth certificate, apostilled"),
                ("status", "missing"),
            ],
            format!("{page}#checklist"),
            "Birth certificate, apostilled",
        ),
        form(
            format!("{page}/checklist/{item}"),
            vec![
                ("status", "received"),
                ("note", "Original seen, copy filed"),
            ],
            format!("{page}#checklist"),
            "Original seen, copy filed",
        ),
        form(
            format!("{page}/notes"),
            vec![("body", "Звонила дочь: новый адрес в Сан-Диего")],
            format!("{page}#notes"),
            "Звонила дочь: новый адрес в Сан-Диего",
        ),
        form(
            format!("{page}/conflict-check"),
            vec![
                ("outcome", "conflict"),
                ("reason", "We represent her former employer"),
            ],
            format!("{page}/conflicts"),
            "We represent her former employer",
        ),
    ]
}

/// POSTs `fields` with `csrf` as a browser would.
async fn submit(
    app: &TestApp,
    browser: &reqwest::Client,
    path: &str,
    csrf: &str,
    fields: &[(&str, &str)],
) -> reqwest::Response {
    let mut body = vec![("csrf_token", csrf)];
    body.extend_from_slice(fields);
    browser
        .post(app.url(path))
        .form(&body)
        .send()
        .await
        .expect("POST")
}

/// The page a redirect names, without its `#section`.
async fn follow(app: &TestApp, browser: &reqwest::Client, location: &str) -> String {
    let path = location.split('#').next().unwrap_or(location);
    let (status, html) = app.page(browser, path).await;
    assert_eq!(status, 200, "{path}");
    html
}

/// Signs in on the login page a redirect named, as a person would: its form carries `next`.
async fn sign_in_again(
    app: &TestApp,
    browser: &reqwest::Client,
    login_location: &str,
    email: &str,
) -> String {
    let html = follow(app, browser, login_location).await;
    let csrf = crate::helpers::csrf_from(&html).unwrap();
    let next = input_value(&html, "next")
        .unwrap_or_default()
        .replace("&#x23;", "#");
    let response = submit(
        app,
        browser,
        "/login",
        &csrf,
        &[("email", email), ("password", PASSWORD), ("next", &next)],
    )
    .await;
    assert_eq!(response.status(), 303, "signed in as {email}");
    location(&response)
}

async fn held_rows(app: &TestApp) -> i64 {
    app.state
        .db
        .run(|conn| {
            use diesel::prelude::*;
            use refuge::db::schema::held_forms;
            Ok(held_forms::table.count().get_result(conn)?)
        })
        .await
        .unwrap()
}

#[actix_web::test]
async fn every_form_submitted_after_the_idle_timeout_comes_back_filled_after_signing_in() {
    let app = spawn_app().await;
    let email = "held@office.example.org";
    let lawyer = app.create_staff(Role::Lawyer, email).await;
    let (case, event, item) = worked_case(&app, &lawyer).await;
    let mut failures = Vec::new();
    for form in every_form(case, event, item) {
        let browser = app.login(email, PASSWORD).await;
        let page = form.comes_back_at.split('#').next().unwrap_or("/");
        let csrf = app.csrf(&browser, page).await;
        app.clock.advance(IDLE);

        let response = submit(&app, &browser, &form.posts_to, &csrf, &form.fields).await;
        let to_login = location(&response);
        if response.status() != 303 || !to_login.starts_with("/login?next=") {
            failures.push(format!(
                "{}: answered {} {to_login}",
                form.posts_to,
                response.status()
            ));
            continue;
        }
        let login_page = follow(&app, &browser, &to_login).await;
        assert!(
            login_page.contains("what you typed is kept"),
            "{}",
            form.posts_to
        );

        let back = sign_in_again(&app, &browser, &to_login, email).await;
        let html = follow(&app, &browser, &back).await;
        if back != form.comes_back_at || !html.contains(RESTORED) || !html.contains(form.typed) {
            failures.push(format!("{}: back at {back}, not restored", form.posts_to));
        }
        // On the case page the form comes back unfolded: its section and its Edit control
        // open, where the person left them.
        if let Some((_, section)) = form.comes_back_at.split_once('#')
            && (!section_open(&html, section) || edit_open(&html, &form.posts_to) != Some(true))
        {
            failures.push(format!("{}: restored folded away", form.posts_to));
        }
        // Handed back once: the next visit shows the page as saved.
        let again = follow(&app, &browser, &back).await;
        if again.contains(RESTORED) || again.contains(form.typed) {
            failures.push(format!("{}: restored twice", form.posts_to));
        }
        if let Some((_, section)) = form.comes_back_at.split_once('#')
            && (section_open(&again, section) || edit_open(&again, &form.posts_to) != Some(false))
        {
            failures.push(format!("{}: open without a restored form", form.posts_to));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert_eq!(
        held_rows(&app).await,
        0,
        "every held form was deleted once restored"
    );
}

#[actix_web::test]
async fn nothing_is_saved_until_the_restored_form_is_saved_again() {
    let app = spawn_app().await;
    let email = "draft@office.example.org";
    app.create_staff(Role::Lawyer, email).await;
    let browser = app.login(email, PASSWORD).await;
    let csrf = app.csrf(&browser, "/intake").await;
    app.clock.advance(IDLE);
    let fields = [
        ("client.family_name", "ZAKHAROVA"),
        ("action", "save_draft"),
    ];
    let response = submit(&app, &browser, "/intake", &csrf, &fields).await;
    let back = sign_in_again(&app, &browser, &location(&response), email).await;
    let html = follow(&app, &browser, &back).await;
    assert!(html.contains("ZAKHAROVA"));
    assert!(
        !app.audit_actions()
            .await
            .iter()
            .any(|a| a == "case.created"),
        "the held draft was not saved on its own"
    );

    let csrf = crate::helpers::csrf_from(&html).unwrap();
    let response = submit(&app, &browser, "/intake", &csrf, &fields).await;
    assert_eq!(response.status(), 303);
    assert!(
        location(&response).starts_with("/cases/"),
        "saved this time"
    );
}

#[actix_web::test]
async fn a_stale_form_token_while_signed_in_brings_the_form_straight_back() {
    let app = spawn_app().await;
    let email = "stale@office.example.org";
    let lawyer = app.create_staff(Role::Lawyer, email).await;
    let (case, _, _) = worked_case(&app, &lawyer).await;
    let browser = app.login(email, PASSWORD).await;
    let response = submit(
        &app,
        &browser,
        &format!("/cases/{case}/notes"),
        "a-token-from-an-earlier-session",
        &[("body", "Typed in an old tab")],
    )
    .await;
    assert_eq!(response.status(), 303);
    assert_eq!(location(&response), format!("/cases/{case}#notes"));
    let html = follow(&app, &browser, &location(&response)).await;
    assert!(html.contains(RESTORED) && html.contains("Typed in an old tab"));
}

#[actix_web::test]
async fn a_form_whose_session_the_server_no_longer_knows_goes_to_whoever_signs_in() {
    let app = spawn_app().await;
    let email = "forgotten@office.example.org";
    let lawyer = app.create_staff(Role::Lawyer, email).await;
    let (case, _, _) = worked_case(&app, &lawyer).await;
    let browser = app.login(email, PASSWORD).await;
    let csrf = app.csrf(&browser, &format!("/cases/{case}")).await;
    // Every session forgotten, as after restoring the database from a backup.
    app.state
        .db
        .run(|conn| {
            use diesel::prelude::*;
            diesel::delete(refuge::db::schema::sessions::table).execute(conn)?;
            Ok(())
        })
        .await
        .unwrap();
    let path = format!("/cases/{case}/notes");
    let response = submit(&app, &browser, &path, &csrf, &[("body", "Kept anyway")]).await;
    assert!(location(&response).starts_with("/login?next="));
    let back = sign_in_again(&app, &browser, &location(&response), email).await;
    let html = follow(&app, &browser, &back).await;
    assert!(html.contains("Kept anyway"));
}

#[actix_web::test]
async fn a_held_form_is_not_given_to_another_staff_member_signing_in_on_that_browser() {
    let app = spawn_app().await;
    let owner_email = "owner@office.example.org";
    let owner = app.create_staff(Role::Lawyer, owner_email).await;
    let admin_email = "colleague@office.example.org";
    app.create_staff(Role::Admin, admin_email).await;
    let (case, _, _) = worked_case(&app, &owner).await;
    let browser = app.login(owner_email, PASSWORD).await;
    let csrf = app.csrf(&browser, &format!("/cases/{case}")).await;
    app.clock.advance(IDLE);
    let path = format!("/cases/{case}/notes");
    let response = submit(
        &app,
        &browser,
        &path,
        &csrf,
        &[("body", "Only for the owner")],
    )
    .await;

    // An admin, who may read every case, signs in on the same browser.
    let back = sign_in_again(&app, &browser, &location(&response), admin_email).await;
    assert_eq!(back, format!("/cases/{case}#notes"));
    let html = follow(&app, &browser, &back).await;
    assert!(
        !html.contains("Only for the owner") && !html.contains(RESTORED),
        "shown to the admin"
    );
    assert_eq!(held_rows(&app).await, 1, "still kept for its owner");
}

#[actix_web::test]
async fn a_held_form_expires_after_a_day_and_the_sweep_deletes_it() {
    let app = spawn_app().await;
    let email = "late@office.example.org";
    let lawyer = app.create_staff(Role::Lawyer, email).await;
    let (case, _, _) = worked_case(&app, &lawyer).await;
    let browser = app.login(email, PASSWORD).await;
    let csrf = app.csrf(&browser, &format!("/cases/{case}")).await;
    app.clock.advance(IDLE);
    let path = format!("/cases/{case}/notes");
    let response = submit(&app, &browser, &path, &csrf, &[("body", "Too late now")]).await;
    assert_eq!(held_rows(&app).await, 1);

    app.clock.advance(Duration::hours(24));
    let back = sign_in_again(&app, &browser, &location(&response), email).await;
    let html = follow(&app, &browser, &back).await;
    assert!(!html.contains("Too late now"), "restored after 24 hours");
    refuge::services::held_forms::sweep(&app.state)
        .await
        .unwrap();
    assert_eq!(held_rows(&app).await, 0, "the sweep deleted it");
}

#[actix_web::test]
async fn a_form_sent_from_another_site_is_refused_and_not_held() {
    let app = spawn_app().await;
    let email = "target@office.example.org";
    let lawyer = app.create_staff(Role::Lawyer, email).await;
    let (case, _, _) = worked_case(&app, &lawyer).await;
    let browser = app.login(email, PASSWORD).await;
    let response = browser
        .post(app.url(&format!("/cases/{case}/notes")))
        .header("Sec-Fetch-Site", "cross-site")
        .form(&[("body", "Planted by another site")])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 403);
    assert_eq!(held_rows(&app).await, 0);
}

// ---- What forms.js relies on ------------------------------------------------------------

#[actix_web::test]
async fn typing_keeps_the_session_alive_through_the_keep_alive_endpoint() {
    let app = spawn_app().await;
    let session = app.login_as(Role::Lawyer).await;
    let csrf = app.csrf(&session.client, "/intake").await;
    // 50 minutes of typing with a ping every 25: past the 30-minute idle timeout.
    for _ in 0..2 {
        app.clock.advance(Duration::minutes(25));
        let response = session
            .client
            .post(app.url("/session/keep-alive"))
            .header("X-CSRF-Token", &csrf)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 204);
    }
    let (status, _) = app.page(&session.client, "/intake").await;
    assert_eq!(status, 200, "still signed in");
}

#[actix_web::test]
async fn the_keep_alive_endpoint_does_not_revive_an_ended_session() {
    let app = spawn_app().await;
    let session = app.login_as(Role::Lawyer).await;
    let csrf = app.csrf(&session.client, "/intake").await;
    app.clock.advance(IDLE);
    let response = session
        .client
        .post(app.url("/session/keep-alive"))
        .header("X-CSRF-Token", &csrf)
        .send()
        .await
        .unwrap();
    assert_ne!(response.status(), 204);
    let (status, _) = app.page(&session.client, "/intake").await;
    assert_eq!(status, 303, "signed out");
}

#[actix_web::test]
async fn an_automatic_draft_save_makes_one_case_and_keeps_changing_it() {
    let app = spawn_app().await;
    let session = app.login_as(Role::Lawyer).await;
    let csrf = app.csrf(&session.client, "/intake").await;
    let autosave = |path: String, name: &'static str| {
        session
            .client
            .post(app.url(&path))
            .header("X-Refuge-Autosave", "1")
            .form(&[
                ("csrf_token", csrf.as_str()),
                ("client.family_name", name),
                ("action", "save_draft"),
            ])
            .send()
    };
    let first = autosave("/intake".into(), "ORLOVA").await.unwrap();
    assert_eq!(first.status(), 204);
    let intake = first.headers()["x-refuge-intake"]
        .to_str()
        .unwrap()
        .to_string();
    assert!(
        intake.starts_with("/cases/") && intake.ends_with("/intake"),
        "{intake}"
    );
    let second = autosave(intake.clone(), "ORLOVA-BELOVA").await.unwrap();
    assert_eq!(second.status(), 204);
    assert_eq!(second.headers()["x-refuge-intake"], intake.as_str());

    let created = app.audit_actions().await;
    assert_eq!(created.iter().filter(|a| *a == "case.created").count(), 1);
    let (_, html) = app.page(&session.client, &intake).await;
    assert!(
        html.contains("ORLOVA-BELOVA"),
        "the second save changed the case"
    );
}

#[actix_web::test]
async fn form_pages_load_the_forms_script_which_is_served_as_javascript() {
    let app = spawn_app().await;
    let session = app.login_as(Role::Lawyer).await;
    let (_, html) = app.page(&session.client, "/intake").await;
    assert!(html.contains("<script src=\"/static/forms.js\" defer></script>"));
    assert!(html.contains("data-idle-seconds=\"1800\""));
    assert!(html.contains("data-autosave"), "a new intake saves itself");
    let (_, html) = app.page(&session.client, "/account").await;
    assert!(
        !html.contains("forms.js"),
        "only pages with held forms load it"
    );
    let response = session
        .client
        .get(app.url("/static/forms.js"))
        .send()
        .await
        .unwrap();
    assert_eq!(
        response.headers()["content-type"],
        "text/javascript; charset=utf-8"
    );
    assert!(
        response
            .text()
            .await
            .unwrap()
            .contains("/session/keep-alive")
    );
}
