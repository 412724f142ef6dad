//! Deadlines a lawyer can trust, through the front door (`docs/deadlines.md`): what satisfies
//! a deadline ends it on the page, in the API and in the reminders; closed cases and
//! superseded dates carry no live deadline; a deadline about a child names the child on the
//! case page, the case list, the home page and the API's case list, and never in email;
//! stored deadlines are rebuilt when the rules change. The clock is pinned at Monday
//! 2026-11-23.

use chrono::{NaiveDate, TimeZone, Utc};
use diesel::prelude::*;
use refuge::db::office_settings;
use refuge::db::schema::case_deadlines;
use refuge::db::uuid::DbUuid;
use refuge::domain::case_stage::CaseStage;
use refuge::domain::case_work::KeyDates;
use refuge::domain::staff::Role;
use refuge::services::cases;
use serde_json::json;

use crate::helpers::{PASSWORD, Session, TestApp, client, spawn_app};
use crate::search::save;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("date")
}

fn set_day(app: &TestApp, day: NaiveDate) {
    app.clock
        .set(Utc.from_utc_datetime(&day.and_hms_opt(14, 0, 0).expect("time")));
}

/// The deadlines section of the case page.
async fn deadlines_section(app: &TestApp, session: &Session, id: uuid::Uuid) -> String {
    let (status, html) = app.page(&session.client, &format!("/cases/{id}")).await;
    assert_eq!(status, 200);
    let start = html.find("id=\"deadlines\"").expect("deadlines section");
    let end = start + html[start..].find("</section>").expect("section end");
    html[start..end].to_string()
}

async fn decided(app: &TestApp, lawyer: &Session) -> uuid::Uuid {
    let case = save(
        app,
        &lawyer.staff,
        None,
        &[
            ("client.family_name", "VOLKOV"),
            ("claim.kind", "defensive"),
        ],
    )
    .await;
    cases::set_key_dates(
        &app.state,
        &lawyer.staff,
        case.id,
        KeyDates {
            ij_decision_on: Some(date(2026, 11, 2)),
            ..KeyDates::default()
        },
        None,
    )
    .await
    .expect("decision recorded");
    case.id
}

#[actix_web::test]
async fn the_notice_of_appeal_entered_on_the_case_page_ends_the_bia_deadline() {
    let app = spawn_app().await;
    let lawyer = app.login_as(Role::Lawyer).await;
    let id = decided(&app, &lawyer).await;
    let before = deadlines_section(&app, &lawyer, id).await;
    assert!(before.contains("BIA appeal due"), "{before}");

    let response = app
        .post_form(
            &lawyer.client,
            &format!("/cases/{id}/dates"),
            &[
                ("ij_decision_on", "2026-11-02"),
                ("appeal_filed_on", "2026-11-20"),
            ],
        )
        .await;
    assert_eq!(response.status(), 303);

    let after = deadlines_section(&app, &lawyer, id).await;
    assert!(!after.contains("BIA appeal due"), "{after}");
    let (_, page) = app.page(&lawyer.client, &format!("/cases/{id}")).await;
    assert!(
        page.contains("value=\"2026-11-20\""),
        "the date is shown back"
    );
    let entry = app
        .audit(refuge::db::audit_log::AuditFilter {
            action: Some("case.dates_changed".into()),
            ..Default::default()
        })
        .await;
    assert!(
        entry[0].details.contains("\"appeal_filed_on\""),
        "{}",
        entry[0].details
    );
}

#[actix_web::test]
async fn an_appeal_filed_before_the_decision_comes_back_with_its_message() {
    let app = spawn_app().await;
    let lawyer = app.login_as(Role::Lawyer).await;
    let id = decided(&app, &lawyer).await;
    let response = app
        .post_form(
            &lawyer.client,
            &format!("/cases/{id}/dates"),
            &[
                ("ij_decision_on", "2026-11-02"),
                ("appeal_filed_on", "2026-10-20"),
            ],
        )
        .await;
    assert_eq!(response.status(), 422);
    let html = response.text().await.expect("page");
    assert_eq!(
        crate::helpers::field_error(&html, "dates_appeal_filed_on").as_deref(),
        Some("The appeal cannot be filed before the judge&#39;s decision.")
    );
    assert!(
        html.contains("value=\"2026-10-20\""),
        "the typed date is kept"
    );
}

#[actix_web::test]
async fn the_key_dates_api_records_the_appeal_and_the_case_shows_no_bia_deadline() {
    let app = spawn_app().await;
    let lawyer = app.login_as(Role::Lawyer).await;
    let id = decided(&app, &lawyer).await;
    let token = app.api_token(&lawyer.staff.email, PASSWORD).await;
    let url = app.url(&format!("/api/v1/cases/{id}"));

    let response = client()
        .put(format!("{url}/key-dates"))
        .bearer_auth(&token)
        .json(&json!({ "ij_decision_on": "2026-11-02", "appeal_filed_on": "2026-11-20" }))
        .send()
        .await
        .expect("PUT");
    assert_eq!(response.status(), 204);

    let case: serde_json::Value = client()
        .get(&url)
        .bearer_auth(&token)
        .send()
        .await
        .expect("GET")
        .json()
        .await
        .expect("json");
    assert_eq!(case["appeal_filed_on"], "2026-11-20");
    let kinds: Vec<&str> = case["deadlines"]
        .as_array()
        .expect("deadlines")
        .iter()
        .filter_map(|d| d["kind"].as_str())
        .collect();
    assert!(!kinds.contains(&"bia_appeal"), "{kinds:?}");
}

#[actix_web::test]
async fn a_closed_case_has_no_deadline_and_sends_no_reminder() {
    let app = spawn_app().await;
    let lawyer = app.login_as(Role::Lawyer).await;
    // One-year deadline Thursday 2026-12-10: its 14-day reminder goes Wednesday 11-25.
    let arrived = [
        ("client.family_name", "ORLOV"),
        ("entry.last_arrival_on", "2025-12-10"),
    ];
    let open = save(&app, &lawyer.staff, None, &arrived).await;
    let closed = save(&app, &lawyer.staff, None, &arrived).await;
    cases::transition(
        &app.state,
        &lawyer.staff,
        closed.id,
        CaseStage::Declined,
        String::new(),
        None,
        None,
    )
    .await
    .expect("declined");

    let section = deadlines_section(&app, &lawyer, closed.id).await;
    assert!(section.contains("No deadlines yet."), "{section}");
    set_day(&app, date(2026, 11, 25));
    app.run_daily_scan().await;
    let reminded: Vec<String> = app
        .outbox()
        .await
        .into_iter()
        .filter(|m| m.kind == "one_year_reminder")
        .map(|m| m.subject)
        .collect();
    assert_eq!(reminded.len(), 1, "{reminded:?}");
    assert!(reminded[0].contains(&open.reference));
}

#[actix_web::test]
async fn an_old_parole_expiry_is_not_overdue_for_a_client_in_court() {
    let app = spawn_app().await;
    let lawyer = app.login_as(Role::Lawyer).await;
    // Parole ran out 2024-03-03, 995 days before the pinned Monday.
    let paroled = |kind| {
        [
            ("client.family_name", "SOKOLOVA"),
            ("entry.parole_expires_on", "2024-03-03"),
            ("claim.kind", kind),
        ]
    };
    let in_court = save(&app, &lawyer.staff, None, &paroled("defensive")).await;
    let section = deadlines_section(&app, &lawyer, in_court.id).await;
    assert!(!section.contains("Parole expires"), "{section}");
    // "995 days", not "995": the section's links carry the case's random id.
    assert!(!section.contains("995 days"), "{section}");
    // Before USCIS, with no re-parole recorded, the same date is a missed cutoff.
    let before_uscis = save(&app, &lawyer.staff, None, &paroled("affirmative")).await;
    let section = deadlines_section(&app, &lawyer, before_uscis.id).await;
    assert!(section.contains("overdue by 995 days"), "{section}");
}

/// The row of a case list (the case list or the home page) that shows `reference`.
fn list_row<'a>(html: &'a str, reference: &str) -> &'a str {
    let at = html
        .find(&format!(">{reference}<"))
        .unwrap_or_else(|| panic!("{reference} not listed"));
    let start = html[..at].rfind("<tr").expect("row start");
    let end = at + html[at..].find("</tr>").expect("row end");
    &html[start..end]
}

#[actix_web::test]
async fn a_child_turning_21_is_named_on_the_case_page_the_list_and_home_and_never_in_email() {
    let app = spawn_app().await;
    let lawyer = app.login_as(Role::Lawyer).await;
    // Turns 21 on Thursday 2027-03-25; 120 days before is Wednesday 2026-11-25.
    let case = save(
        &app,
        &lawyer.staff,
        None,
        &[
            ("client.family_name", "PETROVA"),
            ("family.0.relationship", "child"),
            ("family.0.given_name", "Maria"),
            ("family.0.family_name", "PETROVA"),
            ("family.0.date_of_birth", "2006-03-25"),
            ("family.0.in_us", "on"),
            ("family.0.derivative", "on"),
        ],
    )
    .await;
    let section = deadlines_section(&app, &lawyer, case.id).await;
    assert!(section.contains("Maria turns 21"), "{section}");
    // So do the case list and the home page, where it is the case's next deadline.
    let admin = app.login_as(Role::Admin).await;
    for path in ["/cases", "/"] {
        let (status, html) = app.page(&admin.client, path).await;
        assert_eq!(status, 200, "{path}");
        let row = list_row(&html, &case.reference);
        assert!(row.contains("Maria turns 21"), "{path}: {row}");
        assert!(!row.contains("Child turns 21"), "{path}: {row}");
    }
    // The API's case list names the child as its case does.
    let token = app.api_token(&lawyer.staff.email, PASSWORD).await;
    let list: serde_json::Value = client()
        .get(app.url("/api/v1/cases?scope=all"))
        .bearer_auth(&token)
        .send()
        .await
        .expect("GET")
        .json()
        .await
        .expect("json");
    let listed = list["cases"]
        .as_array()
        .expect("cases")
        .iter()
        .find(|c| c["reference"] == case.reference.as_str())
        .expect("the case is listed");
    assert_eq!(listed["next_deadline"]["kind"], "child_ages_out");
    assert_eq!(listed["next_deadline"]["person"], "Maria", "{listed}");

    set_day(&app, date(2026, 11, 25));
    app.run_daily_scan().await;
    let reminders: Vec<_> = app
        .outbox()
        .await
        .into_iter()
        .filter(|m| m.kind == "age_out_reminder")
        .collect();
    assert_eq!(reminders.len(), 1);
    for part in [
        &reminders[0].subject,
        &reminders[0].text_body,
        &reminders[0].html_body,
    ] {
        assert!(
            !part.contains("Maria") && !part.contains("PETROVA"),
            "{part}"
        );
    }
}

#[actix_web::test]
async fn stored_deadlines_are_rebuilt_once_when_the_rules_change() {
    let app = spawn_app().await;
    let lawyer = app.login_as(Role::Lawyer).await;
    let case = save(
        &app,
        &lawyer.staff,
        None,
        &[("client.family_name", "LEBEDEV")],
    )
    .await;
    cases::transition(
        &app.state,
        &lawyer.staff,
        case.id,
        CaseStage::Closed,
        String::new(),
        None,
        None,
    )
    .await
    .expect("closed");
    // A row written under older rules, which kept deadlines on closed cases.
    let id = case.id;
    app.state
        .db
        .run(move |conn| {
            diesel::insert_into(case_deadlines::table)
                .values((
                    case_deadlines::case_id.eq(DbUuid(id)),
                    case_deadlines::kind.eq("re_parole_window"),
                    case_deadlines::due_on.eq(date(2026, 11, 23)),
                ))
                .execute(conn)?;
            office_settings::set_value(conn, office_settings::DEADLINE_RULES, "1")?;
            Ok(())
        })
        .await
        .expect("old rules");

    let today = date(2026, 11, 23);
    let (rebuilt, again, left) = app
        .state
        .db
        .run(move |conn| {
            let rebuilt = cases::refresh_deadlines_under_current_rules(conn, today)?;
            let again = cases::refresh_deadlines_under_current_rules(conn, today)?;
            let left: i64 = case_deadlines::table
                .filter(case_deadlines::case_id.eq(DbUuid(id)))
                .count()
                .get_result(conn)?;
            Ok((rebuilt, again, left))
        })
        .await
        .expect("rebuilt");
    assert_eq!((rebuilt, again, left), (1, 0, 0));
}
