//! Issue 12 §5, "every POST answers with a redirect": each HTML form that succeeds answers
//! `303 See Other`, so reloading the page it lands on never submits it again. One table over
//! the HTML POST routes, each with a body that succeeds; a route added later without a row
//! here (or a note saying where its 303 is tested) fails the completeness check.

use actix_web::http::Method;
use refuge::domain::staff::Role;

use crate::helpers::{NowForTests, PASSWORD, input_value, spawn_app};

/// HTML POST routes whose successful answer is asserted elsewhere, and why not here.
const ELSEWHERE: &[(&str, &str)] = &[
    (
        "/login",
        "helpers::TestApp::login asserts its 303 for every signed-in test",
    ),
    (
        "/session/keep-alive",
        "not a form: forms.js calls it in the background and gets 204, no page",
    ),
    (
        "/setup/{token}",
        "setup.rs: works only while no staff account exists",
    ),
    (
        "/admin/mail/{id}/retry",
        "mail.rs: needs a message that failed delivery",
    ),
    (
        "/admin/mail/{id}/send",
        "mail_recovery.rs: needs a message waiting for its retry",
    ),
    (
        "/cases/{id}/purge",
        "case_page.rs: needs a closed case past its retention",
    ),
    (
        "/login/second-factor",
        "second_factor.rs: needs a half-signed-in session and a current code (a code and an \
         enrolment both answer 303)",
    ),
    (
        "/admin/staff/{id}/second-factor-reset",
        "second_factor.rs: an admin's reset answers 303",
    ),
    (
        "/inquiry",
        "inquiry.rs: needs the form switched on and a time stamp from seconds ago",
    ),
    (
        "/triage/{id}/take",
        "triage.rs: needs an unreviewed inquiry; taking one answers 303",
    ),
    (
        "/triage/{id}/merge",
        "triage.rs: needs an unreviewed inquiry; merging one answers 303",
    ),
    (
        "/triage/{id}/decline",
        "triage.rs: needs an unreviewed inquiry; declining one answers 303",
    ),
];

/// One POST: its route, the path asked, who posts, and the fields.
type Row<'a> = (
    &'a str,
    String,
    &'a reqwest::Client,
    Vec<(&'a str, &'a str)>,
);

fn location(response: &reqwest::Response) -> String {
    response
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string()
}

/// The end button's action of a session listed on the account page other than this one.
fn other_session_path(account: &str) -> Option<String> {
    account
        .split("<tr")
        .filter(|row| !row.starts_with(" class=\"current-session\""))
        .find_map(|row| {
            let start = row.find("action=\"/account/sessions/")? + "action=\"".len();
            let end = start + row[start..].find('"')?;
            Some(row[start..end].to_string())
        })
}

#[actix_web::test]
async fn every_successful_html_form_post_answers_303() {
    let app = spawn_app().await;
    let admin = app.login_as(Role::Admin).await;
    let lawyer = app.login_as(Role::Lawyer).await;
    let (case, event, item) = crate::held_forms::worked_case(&app, &lawyer.staff).await;
    let other = app
        .create_staff(Role::Lawyer, "other@office.example.org")
        .await;

    // An invitation to accept, issued the way an admin does it.
    let invited = app
        .post_form(
            &admin.client,
            "/admin/staff",
            &[
                ("email", "invited@office.example.org"),
                ("display_name", "Invited Person"),
                ("role", "paralegal"),
                ("language", "en"),
            ],
        )
        .await;
    let (_, staff_page) = app.page(&admin.client, &location(&invited)).await;
    let link = input_value(&staff_page, "link").expect("the invitation link, shown once");
    let invitation = link
        .strip_prefix(&app.address)
        .expect("a link to this server")
        .to_string();

    // A browser signed in nowhere, for the public lock page.
    let anonymous = crate::helpers::client();
    // A lock link of someone's, as every email to them carries one.
    let to_lock = app
        .create_staff(Role::Paralegal, "to-lock@office.example.org")
        .await;
    let lock_link = {
        let base = app.state.settings.public_url();
        let now = app.clock.as_ref().now_for_tests();
        app.state
            .db
            .run(move |conn| {
                Ok(refuge::services::lock::issue_link(
                    conn, &base, to_lock.id, now,
                )?)
            })
            .await
            .expect("lock link")
    };
    let lock_path = lock_link
        .strip_prefix(&app.address)
        .expect("a link to this server")
        .to_string();

    // The lawyer's second factor, begun on its page, confirmed by a row below.
    let (_, enrolment) = app.page(&lawyer.client, "/account/second-factor").await;
    let secret = crate::helpers::totp_secret_from(&enrolment).expect("the enrolment's secret");
    let code = app.totp_code(&secret);

    // Another signed-in browser of the lawyer's, to end from the account page.
    let _second_browser = app.login(&lawyer.staff.email, PASSWORD).await;
    let (_, account) = app.page(&lawyer.client, "/account").await;
    let other_session = other_session_path(&account).expect("the other session is listed");

    // A questionnaire link of the case, for its client's page and its revocation.
    let questionnaire_link = refuge::services::questionnaires::create(
        &app.state,
        &lawyer.staff,
        case,
        refuge::i18n::Language::Es,
        false,
        None,
    )
    .await
    .expect("questionnaire link");
    let questionnaire_path = questionnaire_link
        .strip_prefix(&app.address)
        .expect("a link to this server")
        .to_string();
    let questionnaire_id = app
        .state
        .db
        .run(move |conn| Ok(refuge::db::questionnaires::of_case(conn, case)?))
        .await
        .expect("links")
        .first()
        .map(|row| row.id.0.to_string())
        .expect("the link just made");

    // A client's answers to the case, waiting for review.
    let revision = {
        let answers: refuge::domain::revision::Answers =
            [("client.phone".to_string(), "+380 44 000 0000".to_string())]
                .into_iter()
                .collect();
        let now = app.clock.as_ref().now_for_tests();
        app.state
            .db
            .run(move |conn| {
                refuge::db::write_transaction(conn, |conn| {
                    refuge::services::revisions::record_pending(
                        conn,
                        case,
                        &answers,
                        refuge::i18n::Language::Uk,
                        now,
                    )
                })
            })
            .await
            .expect("revision recorded")
    };
    let (case, event, item, other) = (
        case.to_string(),
        event.to_string(),
        item.to_string(),
        other.id.to_string(),
    );
    let at_case = |tail: &str| format!("/cases/{case}{tail}");
    let at_other = |tail: &str| format!("/admin/staff/{other}{tail}");
    // (route, path, who posts, fields); in order, as some rows rely on earlier ones.
    let rows: Vec<Row> = vec![
        (
            "/intake",
            "/intake".into(),
            &lawyer.client,
            vec![
                ("client.family_name", "Redirected"),
                ("action", "save_draft"),
            ],
        ),
        (
            "/cases/{id}/intake",
            at_case("/intake"),
            &lawyer.client,
            vec![
                ("client.family_name", "SOKOLOVA"),
                ("client.given_name", "Vera"),
                ("claim.kind", "affirmative"),
                ("action", "save_draft"),
            ],
        ),
        (
            "/cases/{id}/revisions/{revision_id}",
            at_case(&format!("/revisions/{revision}")),
            &lawyer.client,
            vec![("action", "accept_rest")],
        ),
        (
            "/cases/{id}/dates",
            at_case("/dates"),
            &lawyer.client,
            vec![
                ("i589_filed_on", "2026-10-01"),
                ("i589_received_on", "2026-10-05"),
            ],
        ),
        (
            "/cases/{id}/events",
            at_case("/events"),
            &lawyer.client,
            vec![("kind", "interview"), ("date", "2027-02-03")],
        ),
        (
            "/cases/{id}/events/{event_id}/outcome",
            at_case(&format!("/events/{event}/outcome")),
            &lawyer.client,
            vec![("outcome", "Reset to March")],
        ),
        (
            "/cases/{id}/events/{event_id}/delete",
            at_case(&format!("/events/{event}/delete")),
            &lawyer.client,
            vec![],
        ),
        (
            "/cases/{id}/ead-stops",
            at_case("/ead-stops"),
            &lawyer.client,
            vec![("action", "stop"), ("on", "2026-11-02")],
        ),
        (
            "/cases/{id}/checklist",
            at_case("/checklist"),
            &lawyer.client,
            vec![("item", "Birth certificate"), ("status", "missing")],
        ),
        (
            "/cases/{id}/checklist/{item_id}",
            at_case(&format!("/checklist/{item}")),
            &lawyer.client,
            vec![("status", "received")],
        ),
        (
            "/cases/{id}/notes",
            at_case("/notes"),
            &lawyer.client,
            vec![("body", "Called the client")],
        ),
        (
            "/cases/{id}/conflict-check",
            at_case("/conflict-check"),
            &lawyer.client,
            vec![("outcome", "clear")],
        ),
        (
            "/questionnaire/{token}",
            questionnaire_path.clone(),
            &anonymous,
            vec![
                ("step", "about"),
                ("action", "next"),
                ("client.family_name", "Redirected"),
            ],
        ),
        (
            "/cases/{id}/questionnaires/{questionnaire_id}/revoke",
            at_case(&format!("/questionnaires/{questionnaire_id}/revoke")),
            &lawyer.client,
            vec![],
        ),
        (
            "/cases/{id}/questionnaires",
            at_case("/questionnaires"),
            &lawyer.client,
            vec![("language", "uk")],
        ),
        (
            "/cases/{id}/stage",
            at_case("/stage"),
            &lawyer.client,
            vec![("to", "closed"), ("note", "Client moved away")],
        ),
        (
            "/search",
            "/search".into(),
            &lawyer.client,
            vec![("q", "Sokolova")],
        ),
        (
            "/admin/staff",
            "/admin/staff".into(),
            &admin.client,
            vec![
                ("email", "added@office.example.org"),
                ("display_name", "Added Person"),
                ("role", "lawyer"),
                ("language", "en"),
                ("password", "a long enough passphrase 9"),
            ],
        ),
        (
            "/admin/staff/{id}/role",
            at_other("/role"),
            &admin.client,
            vec![("role", "paralegal")],
        ),
        (
            "/admin/staff/{id}/password-reset",
            at_other("/password-reset"),
            &admin.client,
            vec![],
        ),
        (
            "/admin/staff/{id}/end-sessions",
            at_other("/end-sessions"),
            &admin.client,
            vec![],
        ),
        (
            "/admin/staff/{id}/unlock",
            at_other("/unlock"),
            &admin.client,
            vec![],
        ),
        (
            "/admin/staff/{id}/deactivate",
            at_other("/deactivate"),
            &admin.client,
            vec![],
        ),
        (
            "/admin/staff/{id}/reactivate",
            at_other("/reactivate"),
            &admin.client,
            vec![],
        ),
        (
            "/admin/settings",
            "/admin/settings".into(),
            &admin.client,
            vec![("paralegals_see_all_cases", "on")],
        ),
        (
            // An open case is not due: confirmed, nothing is deleted (retention.rs deletes).
            "/admin/retention",
            "/admin/retention".into(),
            &admin.client,
            vec![("case", case.as_str())],
        ),
        (
            "/account/language",
            "/account/language".into(),
            &lawyer.client,
            vec![("language", "en")],
        ),
        (
            "/account/notifications",
            "/account/notifications".into(),
            &lawyer.client,
            vec![],
        ),
        (
            "/account/second-factor",
            "/account/second-factor".into(),
            &lawyer.client,
            vec![("code", code.as_str())],
        ),
        (
            "/account/second-factor/recovery-codes",
            "/account/second-factor/recovery-codes".into(),
            &lawyer.client,
            vec![],
        ),
        (
            "/account/sessions/{id}/end",
            other_session.clone(),
            &lawyer.client,
            vec![],
        ),
        (
            "/account/sessions/end-others",
            "/account/sessions/end-others".into(),
            &lawyer.client,
            vec![],
        ),
        (
            "/account/password",
            "/account/password".into(),
            &lawyer.client,
            vec![
                ("current_password", PASSWORD),
                ("password", "another long passphrase 7"),
                ("password_confirm", "another long passphrase 7"),
            ],
        ),
        (
            "/account/lock-link",
            "/account/lock-link".into(),
            &lawyer.client,
            vec![],
        ),
        (
            "/lock",
            "/lock".into(),
            &anonymous,
            vec![("email", "other@office.example.org")],
        ),
        ("/lock/{token}", lock_path.clone(), &anonymous, vec![]),
        (
            "/invitation/{token}",
            invitation.clone(),
            &lawyer.client, // not used: the link is opened in a browser of its own
            vec![],
        ),
        ("/logout", "/logout".into(), &admin.client, vec![]),
    ];

    let mut failures = Vec::new();
    let mut covered = Vec::new();
    for (route, path, client, fields) in &rows {
        covered.push(*route);
        let response = if *route == "/invitation/{token}" {
            let browser = crate::helpers::client();
            app.post_link_form(
                &browser,
                path,
                &[
                    ("password", "the invited one's passphrase 3"),
                    ("password_confirm", "the invited one's passphrase 3"),
                ],
            )
            .await
        } else if ["/lock", "/lock/{token}", "/questionnaire/{token}"].contains(route) {
            app.post_link_form(client, path, fields).await
        } else {
            app.post_form(client, path, fields).await
        };
        let status = response.status().as_u16();
        let to = location(&response);
        if status != 303 || !to.starts_with('/') {
            let body = response.text().await.unwrap_or_default();
            let excerpt: String = body.chars().take(300).collect();
            failures.push(format!("POST {path}: {status} to {to:?} {excerpt}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));

    // Every HTML POST route has its row here or says where its 303 is tested.
    let missing: Vec<&str> = refuge::routes::endpoints()
        .into_iter()
        .filter(|e| e.method == Method::POST && !e.path.starts_with("/api/"))
        .map(|e| e.path)
        .filter(|path| !covered.contains(path) && !ELSEWHERE.iter().any(|(p, _)| p == path))
        .collect();
    assert!(
        missing.is_empty(),
        "HTML POST routes with no 303 check: {missing:?}"
    );
}
