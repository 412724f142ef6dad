//! The case page and working a case through HTTP: the whole file on one page, the one-year
//! deadline, stage changes allowed and refused for every kind, key dates, hearings, the EAD
//! clock, checklist, notes, paralegal limits, audit entries, the retention purge and the
//! office setting. Runs on SQLite, and on PostgreSQL with `REFUGE_TEST_POSTGRES_URL`.

use diesel::prelude::*;
use refuge::db::audit_log::AuditFilter;
use refuge::db::schema;
use refuge::domain::case_stage::{self, CaseStage, ClaimKind};
use refuge::domain::staff::{Role, Staff};
use refuge::routes::cases::intake::form::IntakeForm;
use refuge::services::{cases, intake};

use crate::helpers::{
    Session, TestApp, csrf_from, edit_open, field_error, input_value, section_open, spawn_app,
    statements_of,
};

fn form(pairs: &[(&str, &str)]) -> IntakeForm {
    IntakeForm::from_pairs(pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())))
}

/// The maths teacher from Moscow (DOMAIN.md): four people with her, among them her
/// daughter's fiancé, via Tashkent and Istanbul to Cancún, Tijuana and San Ysidro.
fn teacher(kind: &str, lawyer: &Staff, paralegal: Option<&Staff>) -> IntakeForm {
    let lawyer_id = lawyer.id.to_string();
    let paralegal_id = paralegal.map(|p| p.id.to_string()).unwrap_or_default();
    form(&[
        ("client.family_name", "IVANOVA"),
        ("client.given_name", "Yulia"),
        ("client.middle_name", "Sergeevna"),
        ("client.native_name", "Иванова Юлия Сергеевна"),
        ("client.other_names", "Iuliia Ivanova\nJulia Ivanova"),
        ("client.date_of_birth", "1979-04-14"),
        ("client.sex", "female"),
        ("client.country_of_birth", "RU"),
        ("client.nationalities", "RU"),
        ("client.languages", "ru, en"),
        ("client.interpreter_needed", "on"),
        ("client.a_number", "12345678"),
        ("client.phone", "+1 619 555 0100"),
        ("client.phone_safe", "on"),
        ("client.messenger", "@yulia_teacher"),
        ("entry.last_arrival_on", "2026-03-02"),
        ("entry.port_of_entry", "San Ysidro"),
        ("entry.manner_of_entry", "port_parole"),
        ("family.0.relationship", "child"),
        ("family.0.family_name", "IVANOVA"),
        ("family.0.given_name", "Anna"),
        ("family.0.native_name", "Анна Иванова"),
        ("family.0.date_of_birth", "2006-05-10"),
        ("family.0.marital_status", "single"),
        ("family.0.in_us", "on"),
        ("family.0.derivative", "on"),
        ("family.0.safe_to_contact", "on"),
        ("family.1.relationship", "fiance"),
        ("family.1.family_name", "PETROV"),
        ("family.1.given_name", "Dmitry"),
        ("family.1.native_name", "Дмитрий Петров"),
        ("family.1.date_of_birth", "2003-08-01"),
        ("family.1.in_us", "on"),
        ("family.1.safe_to_contact", "on"),
        ("family.2.relationship", "child"),
        ("family.2.given_name", "Mikhail"),
        ("family.2.native_name", "Михаил"),
        ("family.2.date_of_birth", "2011-01-20"),
        ("family.2.in_us", "on"),
        ("family.2.derivative", "on"),
        ("family.2.safe_to_contact", "on"),
        ("family.3.relationship", "parent"),
        ("family.3.given_name", "Galina"),
        ("family.3.native_name", "Галина Иванова"),
        ("family.3.notes", "Visited by police in Moscow"),
        ("journey.0.from_country", "RU"),
        ("journey.0.from_city", "Moscow"),
        ("journey.0.to_country", "UZ"),
        ("journey.0.to_city", "Tashkent"),
        ("journey.0.departed_on", "2026-02-20"),
        ("journey.0.arrived_on", "2026-02-20"),
        ("journey.0.mode", "air"),
        ("journey.1.from_city", "Tashkent"),
        ("journey.1.to_country", "TR"),
        ("journey.1.to_city", "Istanbul"),
        ("journey.1.departed_on", "2026-02-21"),
        ("journey.1.arrived_on", "2026-02-21"),
        ("journey.1.mode", "air"),
        ("journey.2.from_city", "Istanbul"),
        ("journey.2.to_country", "MX"),
        ("journey.2.to_city", "Cancún"),
        ("journey.2.departed_on", "2026-02-22"),
        ("journey.2.arrived_on", "2026-02-22"),
        ("journey.2.mode", "air"),
        ("journey.3.from_city", "Cancún"),
        ("journey.3.to_city", "Tijuana"),
        ("journey.3.departed_on", "2026-02-28"),
        ("journey.3.arrived_on", "2026-02-28"),
        ("journey.3.mode", "air"),
        ("journey.4.from_city", "Tijuana"),
        ("journey.4.to_country", "US"),
        ("journey.4.to_city", "San Ysidro"),
        ("journey.4.departed_on", "2026-03-02"),
        ("journey.4.arrived_on", "2026-03-02"),
        ("journey.4.mode", "on_foot"),
        ("persecution.0.occurred_on", "2022-02-24"),
        ("persecution.0.place", "Pushkin Square, Moscow"),
        ("persecution.0.actor", "police"),
        (
            "persecution.0.description",
            "Arrested at an anti-war protest on the day of the invasion",
        ),
        ("persecution.0.detention_days", "2"),
        ("persecution.0.charges", "Discrediting the army"),
        ("persecution.0.outcome", "Fined"),
        ("persecution.0.evidence", "Video of the arrest"),
        ("claim.kind", kind),
        ("claim.lawyer_id", &lawyer_id),
        ("claim.paralegal_id", &paralegal_id),
    ])
}

struct Office {
    app: TestApp,
    lawyer: Session,
    paralegal: Session,
    case_id: uuid::Uuid,
    reference: String,
}

/// A fresh app with a lawyer, a paralegal and the teacher's case assigned to both.
async fn office(kind: &str) -> Office {
    let app = spawn_app().await;
    let lawyer = app.login_as(Role::Lawyer).await;
    let paralegal = app.login_as(Role::Paralegal).await;
    let case_id_and_reference = new_case(&app, kind, &lawyer.staff, Some(&paralegal.staff)).await;
    Office {
        app,
        lawyer,
        paralegal,
        case_id: case_id_and_reference.0,
        reference: case_id_and_reference.1,
    }
}

pub(crate) async fn new_case(
    app: &TestApp,
    kind: &str,
    lawyer: &Staff,
    paralegal: Option<&Staff>,
) -> (uuid::Uuid, String) {
    let typed = teacher(kind, lawyer, paralegal).parse().expect("parses");
    let saved = intake::save(&app.state, lawyer, None, typed, true, None)
        .await
        .expect("intake saved");
    (saved.id, saved.reference)
}

async fn get(app: &TestApp, session: &Session, path: &str) -> (u16, String) {
    let response = session.client.get(app.url(path)).send().await.expect("GET");
    let status = response.status().as_u16();
    (status, response.text().await.expect("body"))
}

/// POSTs a form and returns the status, the Location and the body.
async fn post(
    app: &TestApp,
    session: &Session,
    path: &str,
    fields: &[(&str, &str)],
) -> (u16, String, String) {
    let response = app.post_form(&session.client, path, fields).await;
    let status = response.status().as_u16();
    let location = response
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string();
    (status, location, response.text().await.expect("body"))
}

fn position(html: &str, needle: &str) -> usize {
    html.find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not on the page"))
}

/// The first table row that contains `needle`.
fn row_of<'a>(html: &'a str, needle: &str) -> &'a str {
    for (at, _) in html.match_indices(needle) {
        let before = &html[..at];
        let (Some(start), end_of_last) = (before.rfind("<tr"), before.rfind("</tr>")) else {
            continue;
        };
        if end_of_last.is_some_and(|end| end > start) {
            continue;
        }
        let end = at + html[at..].find("</tr>").expect("row end");
        return &html[start..end];
    }
    panic!("{needle:?} is in no table row")
}

async fn case_row(app: &TestApp, id: uuid::Uuid) -> Option<refuge::db::cases::CaseRow> {
    app.state
        .db
        .run(move |conn| Ok(refuge::db::cases::find(conn, id)?))
        .await
        .expect("case query")
}

/// Rows in every table that holds part of a case file.
async fn file_rows(app: &TestApp) -> Vec<(&'static str, i64)> {
    app.state
        .db
        .run(|conn| {
            Ok(vec![
                ("clients", schema::clients::table.count().get_result(conn)?),
                (
                    "client_entries",
                    schema::client_entries::table.count().get_result(conn)?,
                ),
                (
                    "family_members",
                    schema::family_members::table.count().get_result(conn)?,
                ),
                (
                    "journey_legs",
                    schema::journey_legs::table.count().get_result(conn)?,
                ),
                (
                    "persecution_events",
                    schema::persecution_events::table.count().get_result(conn)?,
                ),
                (
                    "claim_answers",
                    schema::claim_answers::table.count().get_result(conn)?,
                ),
                (
                    "name_keys",
                    schema::name_keys::table.count().get_result(conn)?,
                ),
                ("cases", schema::cases::table.count().get_result(conn)?),
                (
                    "case_deadlines",
                    schema::case_deadlines::table.count().get_result(conn)?,
                ),
                (
                    "case_stage_history",
                    schema::case_stage_history::table.count().get_result(conn)?,
                ),
                (
                    "case_events",
                    schema::case_events::table.count().get_result(conn)?,
                ),
                (
                    "ead_clock_stops",
                    schema::ead_clock_stops::table.count().get_result(conn)?,
                ),
                (
                    "checklist_items",
                    schema::checklist_items::table.count().get_result(conn)?,
                ),
                (
                    "case_notes",
                    schema::case_notes::table.count().get_result(conn)?,
                ),
            ])
        })
        .await
        .expect("counts")
}

async fn case_audit(app: &TestApp, id: uuid::Uuid) -> Vec<refuge::db::audit_log::AuditRow> {
    app.audit(AuditFilter {
        target_type: Some("case".into()),
        target_id: Some(id.to_string()),
        ..AuditFilter::default()
    })
    .await
}

fn actions(rows: &[refuge::db::audit_log::AuditRow]) -> Vec<String> {
    rows.iter().map(|r| r.action.clone()).collect()
}

// ---------------------------------------------------------------------------------------------

#[actix_web::test]
async fn the_case_page_shows_the_whole_file() {
    let o = office("affirmative").await;
    let path = format!("/cases/{}", o.case_id);
    let (status, html) = get(&o.app, &o.lawyer, &path).await;
    assert_eq!(status, 200, "{html}");

    // Header: reference, names in both scripts, stage, claim, lawyer and paralegal.
    for text in [
        o.reference.as_str(),
        "IVANOVA, Yulia Sergeevna",
        "Иванова Юлия Сергеевна",
        "Inquiry",
        "Affirmative (USCIS)",
        o.lawyer.staff.display_name.as_str(),
        o.paralegal.staff.display_name.as_str(),
    ] {
        assert!(html.contains(text), "{text:?} missing");
    }
    assert!(html.contains(&format!("href=\"/cases/{}/intake\"", o.case_id)));

    // The one-year deadline, prominent while the I-589 is not filed: 2027-03-02, 99 days.
    let banner = &html[position(&html, "class=\"oneyear")..position(&html, "id=\"deadlines\"")];
    assert!(banner.contains("2027-03-02"), "{banner}");
    assert!(banner.contains("99 days left"), "{banner}");
    assert!(html.contains("Next deadline"));

    // Client: codes as names, A-number formatted, contact channels flagged.
    for text in [
        "Russia",
        "Russian, English",
        "A-012-345-678",
        "Iuliia Ivanova; Julia Ivanova",
        "1979-04-14 (47 years old)",
    ] {
        assert!(html.contains(text), "{text:?} missing");
    }
    let client = &html[position(&html, "id=\"client\"")..position(&html, "id=\"family\"")];
    let messenger = &client[position(client, "@yulia_teacher")..];
    assert!(
        messenger[..messenger.find("</dd>").unwrap()].contains("NOT safe to contact"),
        "the messenger is not marked safe"
    );
    let phone = &client[position(client, "+1 619 555 0100")..];
    assert!(!phone[..phone.find("</dd>").unwrap()].contains("NOT safe"));

    // Family: computed eligibility and age-out dates; the fiancé can never be a derivative.
    let fiance = row_of(&html, "Дмитрий Петров");
    assert!(fiance.contains("Not eligible"), "{fiance}");
    assert!(fiance.contains("Fiancé(e)"));
    let daughter = row_of(&html, "Анна Иванова");
    assert!(daughter.contains(">Eligible<"), "{daughter}");
    assert!(daughter.contains("2027-05-10"), "age-out date: {daughter}");
    assert!(daughter.contains("20 years old"));
    let son = row_of(&html, "Михаил");
    assert!(
        son.contains("2032-01-20") && son.contains(">Eligible<"),
        "{son}"
    );
    let mother = row_of(&html, "Галина Иванова");
    assert!(mother.contains("Not eligible") && mother.contains("NOT safe to contact"));
    assert!(mother.contains("Visited by police in Moscow"));

    // The journey in order, with countries by name, dates and modes.
    let journey = &html[position(&html, "class=\"journey\"")..position(&html, "id=\"entry\"")];
    let stops = [
        "Moscow, Russia",
        "Tashkent, Uzbekistan",
        "Istanbul, Türkiye",
        "Cancún, Mexico",
        "Tijuana",
        "San Ysidro, United States",
    ];
    let at: Vec<usize> = stops.iter().map(|s| position(journey, s)).collect();
    assert!(at.windows(2).all(|w| w[0] < w[1]), "journey order {at:?}");
    assert!(journey.contains("On foot") && journey.contains("Air"));
    assert!(journey.contains("2026-02-21"));

    // Entry, persecution history, claim, stage history, audit trail.
    for text in [
        "San Ysidro",
        "At a port of entry, paroled",
        "Arrested at an anti-war protest on the day of the invasion",
        "Discrediting the army",
        "2 days",
        "Police",
        "Not checked yet",
        "Opened → Inquiry",
        "Case opened",
    ] {
        assert!(html.contains(text), "{text:?} missing");
    }
    // The trail is read before this view goes on record; the next visit shows it.
    assert!(!html.contains("Case file opened"));
    let (_, again) = get(&o.app, &o.lawyer, &path).await;
    assert!(again.contains("Case file opened"));
    // Every section is there.
    for id in [
        "deadlines",
        "client",
        "family",
        "journey",
        "entry",
        "persecution",
        "claim",
        "stage",
        "dates",
        "events",
        "ead",
        "checklist",
        "notes",
        "audit",
    ] {
        assert!(
            html.contains(&format!("id=\"{id}\"")),
            "section {id} missing"
        );
    }
    // Lawyers do not purge.
    assert!(!html.contains("/purge\""));

    // The read is audited.
    let trail = case_audit(&o.app, o.case_id).await;
    assert_eq!(trail[0].action, "case.viewed");
    assert_eq!(
        trail[0].actor_id.map(|a| a.0),
        Some(o.lawyer.staff.id.as_uuid())
    );

    // A Russian reader gets names of countries and labels in Russian.
    let (status, _, _) = post(
        &o.app,
        &o.lawyer,
        "/account/language",
        &[("language", "ru")],
    )
    .await;
    assert_eq!(status, 303);
    let (_, html) = get(&o.app, &o.lawyer, &path).await;
    for text in [
        "Россия",
        "Срок подачи в течение года",
        "осталось 99 дней",
        "Не может быть",
        "НЕБЕЗОПАСНО связываться",
        "Узбекистан",
    ] {
        assert!(html.contains(text), "{text:?} missing in Russian");
    }

    // No case, or no case id: 404.
    let (status, _) = get(
        &o.app,
        &o.lawyer,
        &format!("/cases/{}", uuid::Uuid::new_v4()),
    )
    .await;
    assert_eq!(status, 404);
    let (status, _) = get(&o.app, &o.lawyer, "/cases/not-a-case").await;
    assert_eq!(status, 404);
}

#[actix_web::test]
async fn key_dates_move_the_deadlines_and_the_one_year_notice_goes_once_filed() {
    let o = office("affirmative").await;
    let base = format!("/cases/{}", o.case_id);

    // Problems come back with what was typed; nothing is saved.
    let (status, _, html) = post(
        &o.app,
        &o.lawyer,
        &format!("{base}/dates"),
        &[
            ("i589_filed_on", "2026-12-24"),
            ("i589_received_on", "31.02.2026"),
            ("one_year_exception", "changed_circumstances"),
        ],
    )
    .await;
    assert_eq!(status, 422);
    assert_eq!(
        field_error(&html, "dates_i589_filed_on").as_deref(),
        Some("This date is in the future.")
    );
    assert!(field_error(&html, "dates_i589_received_on").is_some());
    assert!(field_error(&html, "dates_one_year_exception_until").is_some());
    assert_eq!(
        input_value(&html, "i589_received_on").as_deref(),
        Some("31.02.2026")
    );
    assert!(
        case_row(&o.app, o.case_id)
            .await
            .unwrap()
            .i589_filed_on
            .is_none()
    );

    // An exception moves the one-year deadline to the lawyer's date.
    let (status, location, _) = post(
        &o.app,
        &o.lawyer,
        &format!("{base}/dates"),
        &[
            ("one_year_exception", "extraordinary_circumstances"),
            ("one_year_exception_until", "2027-06-30"),
            ("court_verified_on", "2026-11-20"),
        ],
    )
    .await;
    assert_eq!(status, 303);
    assert!(
        location.starts_with(&format!("{base}?saved=dates")),
        "{location}"
    );
    let (_, html) = get(&o.app, &o.lawyer, &base).await;
    let banner = &html[position(&html, "class=\"oneyear")..position(&html, "id=\"deadlines\"")];
    assert!(banner.contains("2027-06-30") && banner.contains("Extraordinary circumstances"));

    // Filing the I-589 ends the one-year notice and starts the EAD clock.
    let (status, _, _) = post(
        &o.app,
        &o.lawyer,
        &format!("{base}/dates"),
        &[
            ("i589_filed_on", "2026-10-01"),
            ("i589_received_on", "2026-10-05"),
            ("one_year_exception", "extraordinary_circumstances"),
            ("one_year_exception_until", "2027-06-30"),
            ("court_verified_on", "2026-11-20"),
        ],
    )
    .await;
    assert_eq!(status, 303);
    let (_, html) = get(&o.app, &o.lawyer, &base).await;
    assert!(
        !html.contains("class=\"oneyear"),
        "one-year notice still shown"
    );
    assert!(!html.contains("One-year filing deadline (I-589)"));
    let ead = &html[position(&html, "id=\"ead\"")..position(&html, "id=\"checklist\"")];
    assert!(
        ead.contains("2026-10-05") && ead.contains("<strong>49</strong>"),
        "{ead}"
    );
    // Day 150 = 2027-03-04, day 180 = 2027-04-03.
    assert!(row_of(&html, "May file for a work permit (I-765)").contains("2027-03-04"));
    assert!(row_of(&html, "Work permit may be granted").contains("2027-04-03"));

    // The stored deadlines the case list reads follow.
    let stored: Vec<String> = o
        .app
        .state
        .db
        .run({
            let id = o.case_id;
            move |conn| {
                Ok(schema::case_deadlines::table
                    .filter(schema::case_deadlines::case_id.eq(refuge::db::uuid::DbUuid(id)))
                    .select(schema::case_deadlines::kind)
                    .load(conn)?)
            }
        })
        .await
        .unwrap();
    assert!(
        !stored.contains(&"one_year_filing".to_string()),
        "{stored:?}"
    );
    assert!(stored.contains(&"ead_may_file".to_string()), "{stored:?}");

    // The clock stops for an applicant-caused delay and restarts; the dates move.
    let clock = format!("{base}/ead-stops");
    let (status, _, html) = post(
        &o.app,
        &o.lawyer,
        &clock,
        &[("action", "restart"), ("on", "2026-11-01")],
    )
    .await;
    assert_eq!(status, 409, "nothing to restart");
    assert!(html.contains("The clock is running; there is no stop to end."));
    let (status, _, html) = post(
        &o.app,
        &o.lawyer,
        &clock,
        &[
            ("action", "stop"),
            ("on", "2026-10-01"),
            ("reason", "Asked"),
        ],
    )
    .await;
    assert_eq!(status, 422, "before the clock started");
    assert_eq!(input_value(&html, "reason").as_deref(), Some("Asked"));
    let (status, _, _) = post(
        &o.app,
        &o.lawyer,
        &clock,
        &[
            ("action", "stop"),
            ("on", "2026-11-01"),
            ("reason", "Interview rescheduled at the applicant's request"),
        ],
    )
    .await;
    assert_eq!(status, 303);
    let (status, _, _) = post(
        &o.app,
        &o.lawyer,
        &clock,
        &[("action", "stop"), ("on", "2026-11-02")],
    )
    .await;
    assert_eq!(status, 409, "already stopped");
    let (_, html) = get(&o.app, &o.lawyer, &base).await;
    let ead = &html[position(&html, "id=\"ead\"")..position(&html, "id=\"checklist\"")];
    assert!(
        ead.contains("<strong>27</strong>") && ead.contains("not restarted"),
        "{ead}"
    );
    assert!(
        !html.contains("May file for a work permit (I-765)"),
        "no projection while stopped"
    );
    let (status, _, _) = post(
        &o.app,
        &o.lawyer,
        &clock,
        &[("action", "restart"), ("on", "2026-11-11")],
    )
    .await;
    assert_eq!(status, 303);
    let (_, html) = get(&o.app, &o.lawyer, &base).await;
    // Ten days stopped: day 150 moves from 2027-03-04 to 2027-03-14.
    assert!(row_of(&html, "May file for a work permit (I-765)").contains("2027-03-14"));

    // A judge's decision gives the BIA appeal date, 30 days later.
    let (status, _, _) = post(
        &o.app,
        &o.lawyer,
        &format!("{base}/dates"),
        &[
            ("i589_filed_on", "2026-10-01"),
            ("i589_received_on", "2026-10-05"),
            ("one_year_exception", "extraordinary_circumstances"),
            ("one_year_exception_until", "2027-06-30"),
            ("ij_decision_on", "2026-11-20"),
            ("court_verified_on", "2026-11-20"),
        ],
    )
    .await;
    assert_eq!(status, 303);
    let (_, html) = get(&o.app, &o.lawyer, &base).await;
    let bia = row_of(&html, "BIA appeal due");
    assert!(
        bia.contains("2026-12-21") && bia.contains("28 days left"),
        "{bia}"
    );

    let trail = case_audit(&o.app, o.case_id).await;
    let changes: Vec<&str> = trail
        .iter()
        .filter(|r| r.action == "case.dates_changed")
        .map(|r| r.details.as_str())
        .collect();
    assert_eq!(changes.len(), 3, "{changes:?}");
    let last: serde_json::Value = serde_json::from_str(changes[0]).unwrap();
    assert_eq!(
        last["fields"],
        serde_json::json!({ "ij_decision_on": { "before": null, "after": "2026-11-20" } })
    );
    let a: Vec<String> = actions(&trail);
    assert!(a.contains(&"case.ead_clock_stopped".into()));
    assert!(a.contains(&"case.ead_clock_restarted".into()));
    assert!(
        trail.iter().all(|r| !r.details.contains("applicant")),
        "the stop's reason stays out of the log"
    );
}

#[actix_web::test]
async fn an_overdue_one_year_deadline_is_marked() {
    let app = spawn_app().await;
    let lawyer = app.login_as(Role::Lawyer).await;
    let mut typed = teacher("defensive", &lawyer.staff, None).parse().unwrap();
    typed.entry.last_arrival_on = chrono::NaiveDate::from_ymd_opt(2025, 10, 1);
    let saved = intake::save(&app.state, &lawyer.staff, None, typed, true, None)
        .await
        .unwrap();
    let (_, html) = get(&app, &lawyer, &format!("/cases/{}", saved.id)).await;
    // 2026-10-01 passed 53 days before 2026-11-23.
    assert!(html.contains("class=\"oneyear overdue\""), "overdue banner");
    assert!(html.contains("overdue by 53 days"));
    assert!(row_of(&html, "One-year filing deadline (I-589)").contains("class=\"overdue\""));
}

#[actix_web::test]
async fn hearings_checklist_and_notes_are_kept_and_audited_without_their_text() {
    let o = office("defensive").await;
    let base = format!("/cases/{}", o.case_id);

    // A hearing: problems keep what was typed.
    let (status, _, html) = post(
        &o.app,
        &o.lawyer,
        &format!("{base}/events"),
        &[
            ("kind", "master_hearing"),
            ("date", "2027-01-12"),
            ("time", "25:99"),
            ("place", "San Diego Immigration Court, courtroom 3"),
            ("official", "IJ Rosalind Example"),
        ],
    )
    .await;
    assert_eq!(status, 422);
    assert_eq!(
        field_error(&html, "events_time").as_deref(),
        Some("Enter a time as HH:MM.")
    );
    assert_eq!(
        input_value(&html, "official").as_deref(),
        Some("IJ Rosalind Example")
    );
    let (status, location, _) = post(
        &o.app,
        &o.lawyer,
        &format!("{base}/events"),
        &[
            ("kind", "master_hearing"),
            ("date", "2027-01-12"),
            ("time", "08:30"),
            ("place", "San Diego Immigration Court, courtroom 3"),
            ("official", "IJ Rosalind Example"),
        ],
    )
    .await;
    assert_eq!(status, 303);
    assert!(location.ends_with("#events"), "{location}");
    let (status, _, _) = post(
        &o.app,
        &o.paralegal,
        &format!("{base}/events"),
        &[("kind", "biometrics"), ("date", "2026-12-01")],
    )
    .await;
    assert_eq!(status, 303, "the assigned paralegal schedules");
    let (_, html) = get(&o.app, &o.lawyer, &base).await;
    let hearing = row_of(&html, "IJ Rosalind Example");
    assert!(hearing.contains("2027-01-12 08:30") && hearing.contains("Master calendar hearing"));
    assert!(row_of(&html, "Court hearing").contains("50 days left"));
    assert!(row_of(&html, "Biometrics appointment").contains("8 days left"));

    // Removing it removes its deadline.
    let file = cases::open(&o.app.state, &o.lawyer.staff, o.case_id, None)
        .await
        .unwrap();
    let hearing_id = file.events[1].id.0;
    let (status, _, _) = post(
        &o.app,
        &o.lawyer,
        &format!("{base}/events/{hearing_id}/delete"),
        &[],
    )
    .await;
    assert_eq!(status, 303);
    let (status, _, _) = post(
        &o.app,
        &o.lawyer,
        &format!("{base}/events/{hearing_id}/delete"),
        &[],
    )
    .await;
    assert_eq!(status, 404, "already removed");
    let (_, html) = get(&o.app, &o.lawyer, &base).await;
    assert!(!html.contains("IJ Rosalind Example") && !html.contains("Court hearing"));

    // The checklist: add, problems kept, status and note changed.
    let (status, _, html) = post(
        &o.app,
        &o.paralegal,
        &format!("{base}/checklist"),
        &[("item", "  "), ("note", "Ask the sister in Kazan")],
    )
    .await;
    assert_eq!(status, 422);
    assert_eq!(
        field_error(&html, "checklist_item").as_deref(),
        Some("This field is required.")
    );
    assert_eq!(
        input_value(&html, "checklist_note").as_deref(),
        Some("Ask the sister in Kazan")
    );
    for item in ["Passport, all pages", "Court record of the 2022 arrest"] {
        let (status, _, _) = post(
            &o.app,
            &o.paralegal,
            &format!("{base}/checklist"),
            &[("item", item), ("status", "requested")],
        )
        .await;
        assert_eq!(status, 303);
    }
    let file = cases::open(&o.app.state, &o.lawyer.staff, o.case_id, None)
        .await
        .unwrap();
    assert_eq!(file.checklist[0].item, "Passport, all pages");
    let record = file.checklist[1].id.0;
    let (status, _, html) = post(
        &o.app,
        &o.paralegal,
        &format!("{base}/checklist/{record}"),
        &[("status", "lost"), ("note", "Typed note")],
    )
    .await;
    assert_eq!(status, 422);
    assert!(html.contains("value=\"Typed note\""));
    let (status, _, _) = post(
        &o.app,
        &o.paralegal,
        &format!("{base}/checklist/{record}"),
        &[
            ("status", "translated"),
            ("note", "Translation by Olga Smirnova"),
        ],
    )
    .await;
    assert_eq!(status, 303);
    let (status, _, _) = post(
        &o.app,
        &o.paralegal,
        &format!("{base}/checklist/{}", uuid::Uuid::new_v4()),
        &[("status", "filed")],
    )
    .await;
    assert_eq!(status, 404);
    let (_, html) = get(&o.app, &o.paralegal, &base).await;
    let row = row_of(&html, "Court record of the 2022 arrest");
    assert!(row.contains("value=\"translated\" selected"), "{row}");
    assert!(row.contains("Translation by Olga Smirnova"));

    // Notes: newest first, with their author.
    let (status, _, html) = post(
        &o.app,
        &o.lawyer,
        &format!("{base}/notes"),
        &[("body", " ")],
    )
    .await;
    assert_eq!(status, 422);
    assert!(field_error(&html, "notes_body").is_some());
    for body in [
        "Client called: the mother was visited again",
        "Sent the fee waiver to Anna",
    ] {
        let (status, _, _) = post(
            &o.app,
            &o.paralegal,
            &format!("{base}/notes"),
            &[("body", body)],
        )
        .await;
        assert_eq!(status, 303);
        o.app.clock.advance(chrono::Duration::minutes(5));
    }
    let (_, html) = get(&o.app, &o.lawyer, &base).await;
    assert!(
        position(&html, "Sent the fee waiver to Anna")
            < position(&html, "Client called: the mother was visited again")
    );
    assert!(html.contains(&o.paralegal.staff.display_name));

    // Every change is audited, none with its text.
    let trail = case_audit(&o.app, o.case_id).await;
    let a = actions(&trail);
    for action in [
        "case.event_added",
        "case.event_removed",
        "case.checklist_item_added",
        "case.checklist_item_updated",
        "case.note_added",
    ] {
        assert!(
            a.contains(&action.to_string()),
            "{action} not audited: {a:?}"
        );
    }
    for row in &trail {
        for secret in [
            "Rosalind",
            "San Diego",
            "Passport",
            "Olga",
            "Kazan",
            "mother",
            "fee waiver",
            "Anna",
        ] {
            assert!(
                !row.details.contains(secret),
                "{secret} in {}: {}",
                row.action,
                row.details
            );
        }
    }
    let updated = trail
        .iter()
        .find(|r| r.action == "case.checklist_item_updated")
        .unwrap();
    let details: serde_json::Value = serde_json::from_str(&updated.details).unwrap();
    assert_eq!(
        details["status"],
        serde_json::json!({ "before": "requested", "after": "translated" })
    );
    assert_eq!(details["note"], serde_json::json!({ "changed": true }));
}

/// The case's event outcomes, by event id.
async fn outcomes(app: &TestApp, id: uuid::Uuid) -> Vec<(uuid::Uuid, String)> {
    app.state
        .db
        .run(move |conn| {
            Ok(refuge::db::case_work::events(conn, id)?
                .into_iter()
                .map(|e| (e.id.0, e.outcome))
                .collect())
        })
        .await
        .expect("events")
}

/// The case's audit entries other than readings.
async fn case_changes(app: &TestApp, id: uuid::Uuid) -> Vec<refuge::db::audit_log::AuditRow> {
    let mut trail = case_audit(app, id).await;
    // Views and refused attempts are on the trail but change nothing.
    trail.retain(|r| r.action != "case.viewed" && r.action != "access.denied");
    trail
}

#[actix_web::test]
async fn what_happened_at_a_hearing_is_recorded_once_it_has_and_audited_without_its_text() {
    let o = office("defensive").await;
    let base = format!("/cases/{}", o.case_id);
    // The clock reads 2026-11-23 14:00 in the office: a hearing last Friday, biometrics
    // later today, an interview in January.
    for fields in [
        vec![
            ("kind", "master_hearing"),
            ("date", "2026-11-20"),
            ("time", "09:00"),
            ("place", "San Diego Immigration Court"),
            ("official", "IJ Rosalind Example"),
        ],
        vec![
            ("kind", "biometrics"),
            ("date", "2026-11-23"),
            ("time", "16:00"),
        ],
        vec![("kind", "interview"), ("date", "2027-01-12")],
    ] {
        let (status, _, _) = post(&o.app, &o.lawyer, &format!("{base}/events"), &fields).await;
        assert_eq!(status, 303);
    }
    let file = cases::open(&o.app.state, &o.lawyer.staff, o.case_id, None)
        .await
        .unwrap();
    let [hearing, later_today, interview] = [0, 1, 2].map(|i| file.events[i].id.0);
    let outcome_path = |event: uuid::Uuid| format!("{base}/events/{event}/outcome");

    // Only the hearing that took place offers the form.
    let (_, html) = get(&o.app, &o.paralegal, &base).await;
    assert!(row_of(&html, "IJ Rosalind Example").contains(&outcome_path(hearing)));
    assert!(!html.contains(&outcome_path(later_today)));
    assert!(!html.contains(&outcome_path(interview)));

    o.app.clock.advance(chrono::Duration::minutes(5));
    let before_case = case_row(&o.app, o.case_id).await.unwrap();
    let before_changes = case_changes(&o.app, o.case_id).await.len();

    // Empty: the form comes back with the field's message.
    let (status, _, html) = post(
        &o.app,
        &o.paralegal,
        &outcome_path(hearing),
        &[("outcome", "   ")],
    )
    .await;
    assert_eq!(status, 422);
    assert_eq!(
        field_error(&html, &format!("events_outcome_{hearing}")).as_deref(),
        Some("This field is required.")
    );
    // Not happened yet, later today or in January: refused, with what was typed kept.
    for event in [later_today, interview] {
        let (status, _, html) = post(
            &o.app,
            &o.paralegal,
            &outcome_path(event),
            &[("outcome", "Fingerprints taken")],
        )
        .await;
        assert_eq!(status, 422);
        assert_eq!(
            field_error(&html, &format!("events_outcome_{event}")).as_deref(),
            Some(
                "The hearing or appointment has not happened yet; record its outcome once it has."
            )
        );
        assert_eq!(
            input_value(&html, &format!("events_outcome_{event}")).as_deref(),
            Some("Fingerprints taken")
        );
    }
    // Someone else's event, or none: 404.
    let (status, _, _) = post(
        &o.app,
        &o.paralegal,
        &outcome_path(uuid::Uuid::new_v4()),
        &[("outcome", "Granted")],
    )
    .await;
    assert_eq!(status, 404);
    // A paralegal not assigned to the case: 403, whatever was typed.
    let other = o.app.login_as(Role::Paralegal).await;
    for typed in ["Granted", ""] {
        let (status, _, _) = post(
            &o.app,
            &other,
            &outcome_path(hearing),
            &[("outcome", typed)],
        )
        .await;
        assert_eq!(status, 403);
    }
    // Nothing changed.
    assert!(
        outcomes(&o.app, o.case_id)
            .await
            .iter()
            .all(|(_, outcome)| outcome.is_empty())
    );
    assert_eq!(
        format!("{:?}", case_row(&o.app, o.case_id).await.unwrap()),
        format!("{before_case:?}")
    );
    assert_eq!(case_changes(&o.app, o.case_id).await.len(), before_changes);

    // The assigned paralegal records it; the case counts as updated.
    let (status, location, _) = post(
        &o.app,
        &o.paralegal,
        &outcome_path(hearing),
        &[("outcome", " Continued to 2027-03-04; pleadings taken ")],
    )
    .await;
    assert_eq!(status, 303);
    assert!(location.ends_with("#events"), "{location}");
    let stored = outcomes(&o.app, o.case_id).await;
    assert_eq!(
        stored[0],
        (
            hearing,
            "Continued to 2027-03-04; pleadings taken".to_string()
        )
    );
    assert!(stored[1..].iter().all(|(_, outcome)| outcome.is_empty()));
    let row = case_row(&o.app, o.case_id).await.unwrap();
    assert!(row.updated_at > before_case.updated_at);
    // Back at the section saved, unfolded; the page as opened later shows it folded.
    let (_, html) = get(&o.app, &o.paralegal, location.split('#').next().unwrap()).await;
    assert!(section_open(&html, "events") && !section_open(&html, "notes"));
    let (_, html) = get(&o.app, &o.lawyer, &base).await;
    assert!(!section_open(&html, "events"));
    let shown = row_of(&html, "IJ Rosalind Example");
    assert!(
        shown.contains("value=\"Continued to 2027-03-04; pleadings taken\""),
        "{shown}"
    );
    assert!(shown.contains(">Correct</button>"), "{shown}");

    // The lawyer corrects it.
    let (status, _, _) = post(
        &o.app,
        &o.lawyer,
        &outcome_path(hearing),
        &[("outcome", "Continued to 2027-03-05; pleadings taken")],
    )
    .await;
    assert_eq!(status, 303);
    assert_eq!(
        outcomes(&o.app, o.case_id).await[0].1,
        "Continued to 2027-03-05; pleadings taken"
    );

    // Saving it again unchanged records nothing and leaves the case as it was.
    let corrected_case = format!("{:?}", case_row(&o.app, o.case_id).await.unwrap());
    let changes = case_changes(&o.app, o.case_id).await.len();
    o.app.clock.advance(chrono::Duration::minutes(1));
    let (status, _, _) = post(
        &o.app,
        &o.lawyer,
        &outcome_path(hearing),
        &[("outcome", "Continued to 2027-03-05; pleadings taken")],
    )
    .await;
    assert_eq!(status, 303);
    assert_eq!(case_changes(&o.app, o.case_id).await.len(), changes);
    assert_eq!(
        format!("{:?}", case_row(&o.app, o.case_id).await.unwrap()),
        corrected_case
    );

    // Audited twice, with the event and no text.
    let recorded: Vec<serde_json::Value> = case_changes(&o.app, o.case_id)
        .await
        .iter()
        .filter(|r| r.action == "case.event_outcome_recorded")
        .map(|r| serde_json::from_str(&r.details).unwrap())
        .collect();
    assert_eq!(recorded.len(), 2, "{recorded:?}");
    for (details, corrected) in recorded.iter().zip([true, false]) {
        assert_eq!(
            details,
            &serde_json::json!({
                "event_id": hearing,
                "kind": "master_hearing",
                "on": "2026-11-20",
                "corrected": corrected,
            })
        );
    }
}

/// Every move out of every stage of every kind, through the form: allowed ones answer 303
/// and move the case; the others 409 with the reason, and leave it where it was.
#[actix_web::test]
async fn every_stage_transition_is_allowed_or_refused_as_the_rules_say() {
    let app = spawn_app().await;
    let lawyer = app.login_as(Role::Lawyer).await;
    let csrf = app.csrf(&lawyer.client, "/account").await;
    // One case per kind (opened one after the other), worked side by side.
    let mut ids = Vec::new();
    for kind in ClaimKind::ALL {
        let id = if kind == ClaimKind::Affirmative {
            // Its I-589 is complete: the check lets it be filed.
            app.complete_case(&lawyer).await
        } else {
            new_case(&app, kind.as_str(), &lawyer.staff, None).await.0
        };
        ids.push(id);
    }
    let (a, d, c) = tokio::join!(
        every_move(&app, &lawyer, &csrf, ClaimKind::Affirmative, ids[0]),
        every_move(&app, &lawyer, &csrf, ClaimKind::Defensive, ids[1]),
        every_move(&app, &lawyer, &csrf, ClaimKind::CredibleFear, ids[2]),
    );
    assert!(a > 40 && d > 25 && c > 30, "moves: {a}, {d}, {c}");
}

/// Tries every stage from every stage of `kind` on case `id`; returns how many moves were
/// allowed.
async fn every_move(
    app: &TestApp,
    lawyer: &Session,
    csrf: &str,
    kind: ClaimKind,
    id: uuid::Uuid,
) -> usize {
    let path = app.url(&format!("/cases/{id}/stage"));
    let mut moves = 0;
    let mut at = None;
    for from in kind.stages() {
        for to in CaseStage::ALL {
            // A refused move leaves the case where it was: put it back only after a move.
            if at != Some(from) {
                app.put_at(id, from, &lawyer.staff).await;
                at = Some(from);
            }
            let response = lawyer
                .client
                .post(&path)
                .form(&[
                    ("csrf_token", csrf),
                    ("to", to.as_str()),
                    ("note", "matrix"),
                ])
                .send()
                .await
                .unwrap();
            let status = response.status().as_u16();
            let allowed = if from.is_open() {
                case_stage::check_transition(kind, from, to).is_ok()
            } else {
                case_stage::check_reopen(kind, from, to).is_ok()
            };
            let now = case_row(app, id).await.unwrap().stage;
            if allowed {
                assert_eq!(status, 303, "{kind} {from} → {to}");
                assert_eq!(now, to.as_str(), "{kind} {from} → {to}");
                at = Some(to);
                moves += 1;
            } else {
                assert_eq!(status, 409, "{kind} {from} → {to} should be refused");
                assert_eq!(now, from.as_str());
                let html = response.text().await.unwrap();
                assert!(
                    html.contains("role=\"alert\""),
                    "{kind} {from} → {to}: no reason"
                );
            }
        }
    }
    moves
}

#[actix_web::test]
async fn stage_changes_explain_refusals_and_record_who_when_and_why() {
    let o = office("affirmative").await;
    let stage = format!("/cases/{}/stage", o.case_id);
    let base = format!("/cases/{}", o.case_id);

    // A move that makes no sense for the claim's kind, with the reason on the page.
    let (status, _, html) = post(
        &o.app,
        &o.lawyer,
        &stage,
        &[("to", "nta_served"), ("note", "typed note")],
    )
    .await;
    assert_eq!(status, 409);
    assert!(
        html.contains(
            "An affirmative case cannot move from “Inquiry” to “Notice to Appear served”."
        ),
        "{}",
        &html[position(&html, "id=\"stage\"")..position(&html, "id=\"dates\"")]
    );
    assert!(html.contains("value=\"typed note\""), "the note is kept");
    assert!(
        section_open(&html, "stage") && edit_open(&html, &stage) == Some(true),
        "the refused form is shown open"
    );
    assert!(
        !section_open(&html, "notes") && edit_open(&html, &format!("{base}/notes")) == Some(false)
    );
    let (status, _, html) = post(
        &o.app,
        &o.lawyer,
        &stage,
        &[("to", "credible_fear_pending")],
    )
    .await;
    assert_eq!(status, 409);
    assert!(html.contains(
        "“Credible fear interview pending” is not a stage of an affirmative case, so it cannot move from “Inquiry” to “Credible fear interview pending”."
    ));
    let (status, _, html) = post(&o.app, &o.lawyer, &stage, &[("to", "drafting")]).await;
    assert_eq!(status, 409);
    assert!(html.contains("cannot move from “Inquiry” to “Drafting the I-589”"));
    let (status, _, html) = post(&o.app, &o.lawyer, &stage, &[("to", "inquiry")]).await;
    assert_eq!(status, 409);
    assert!(html.contains("already at stage “Inquiry”"));
    let (status, _, html) = post(&o.app, &o.lawyer, &stage, &[("to", "promoted")]).await;
    assert_eq!(status, 422);
    assert_eq!(
        field_error(&html, "stage_to").as_deref(),
        Some("Choose a stage from the list.")
    );
    assert!(section_open(&html, "stage") && edit_open(&html, &stage) == Some(true));

    // The conflict check gates the consultation.
    let (status, location, _) = post(
        &o.app,
        &o.paralegal,
        &stage,
        &[
            ("to", "conflict_check"),
            ("note", "Names sent to the lawyer"),
        ],
    )
    .await;
    assert_eq!(status, 303);
    assert!(location.starts_with(&format!("{base}?saved=stage")));
    let (status, _, html) = post(&o.app, &o.lawyer, &stage, &[("to", "consultation")]).await;
    assert_eq!(status, 409);
    assert!(html.contains("Record a clear conflict check before the consultation."));
    cases::record_conflict_check(
        &o.app.state,
        &o.lawyer.staff,
        o.case_id,
        cases::ConflictOutcome::Clear,
        None,
    )
    .await
    .unwrap();
    // The I-589 is complete, so the paralegal may file it.
    o.app
        .complete_the_intake(&o.lawyer, o.case_id, Some(&o.paralegal.staff))
        .await;
    for (who, to) in [
        (&o.lawyer, "consultation"),
        (&o.lawyer, "retained"),
        (&o.paralegal, "drafting"),
        (&o.paralegal, "filed"),
    ] {
        let (status, _, _) = post(&o.app, who, &stage, &[("to", to)]).await;
        assert_eq!(status, 303, "to {to}");
    }

    // The assigned paralegal does not withdraw or close; the lawyer does, and reopens.
    for to in ["withdrawn", "closed"] {
        let (status, _, _) = post(&o.app, &o.paralegal, &stage, &[("to", to)]).await;
        assert_eq!(status, 403, "paralegal to {to}");
    }
    let (_, html) = get(&o.app, &o.paralegal, &base).await;
    let form = &html[position(&html, "id=\"stage_to\"")..];
    let form = &form[..form.find("</select>").unwrap()];
    assert!(form.contains("value=\"receipt_received\""));
    assert!(!form.contains("value=\"closed\"") && !form.contains("value=\"withdrawn\""));
    assert!(html.contains("Declining, withdrawing, closing and reopening"));

    let (status, _, _) = post(
        &o.app,
        &o.lawyer,
        &stage,
        &[
            ("to", "withdrawn"),
            ("note", "Client moved to another office"),
        ],
    )
    .await;
    assert_eq!(status, 303);
    let (status, _, _) = post(&o.app, &o.paralegal, &stage, &[("to", "filed")]).await;
    assert_eq!(status, 403, "paralegals do not reopen");
    let (status, _, _) = post(&o.app, &o.lawyer, &stage, &[("to", "filed")]).await;
    assert_eq!(status, 303, "reopened where it stood");

    // The history: who, when, from → to, note.
    let (_, html) = get(&o.app, &o.lawyer, &base).await;
    let history = &html[position(&html, "Stage history")..position(&html, "id=\"dates\"")];
    let withdrawn = row_of(history, "Client moved to another office");
    assert!(
        withdrawn.contains("Filed with USCIS → Withdrawn"),
        "{withdrawn}"
    );
    assert!(withdrawn.contains(&o.lawyer.staff.display_name));
    assert!(withdrawn.contains("2026-11-23 14:00 UTC"));
    let checked = row_of(history, "Names sent to the lawyer");
    assert!(checked.contains("Inquiry → Conflict check"));
    assert!(checked.contains(&o.paralegal.staff.display_name));
    let changes = case_audit(&o.app, o.case_id)
        .await
        .into_iter()
        .filter(|r| r.action == "case.stage_changed")
        .count();
    assert_eq!(changes, 7);
}

#[actix_web::test]
async fn paralegals_work_only_their_own_cases_and_change_nothing_else() {
    let o = office("affirmative").await;
    let other = o.app.login_as(Role::Paralegal).await;
    let admin = o.app.login_as(Role::Admin).await;
    let base = format!("/cases/{}", o.case_id);

    // Someone else's case: 403 for the page and every form, and nothing changes.
    let before_rows = file_rows(&o.app).await;
    let before_case = format!("{:?}", case_row(&o.app, o.case_id).await.unwrap());
    let before_audit = case_changes(&o.app, o.case_id).await.len();
    let (status, _) = get(&o.app, &other, &base).await;
    assert_eq!(status, 403);
    let item = uuid::Uuid::new_v4();
    let attempts: Vec<(String, Vec<(&str, &str)>)> = vec![
        (format!("{base}/stage"), vec![("to", "conflict_check")]),
        (format!("{base}/stage"), vec![("to", "nonsense")]),
        (
            format!("{base}/dates"),
            vec![("i589_filed_on", "2026-11-01")],
        ),
        (format!("{base}/dates"), vec![("i589_filed_on", "garbage")]),
        (
            format!("{base}/events"),
            vec![("kind", "interview"), ("date", "2027-01-01")],
        ),
        (format!("{base}/events/{item}/delete"), vec![]),
        (
            format!("{base}/events/{item}/outcome"),
            vec![("outcome", "Granted")],
        ),
        (
            format!("{base}/events/{item}/outcome"),
            vec![("outcome", "")],
        ),
        (
            format!("{base}/ead-stops"),
            vec![("action", "stop"), ("on", "2026-11-01")],
        ),
        (format!("{base}/checklist"), vec![("item", "Passport")]),
        (format!("{base}/checklist"), vec![("item", "")]),
        (
            format!("{base}/checklist/{item}"),
            vec![("status", "filed")],
        ),
        (format!("{base}/notes"), vec![("body", "A note")]),
        (format!("{base}/notes"), vec![("body", "")]),
        (
            format!("{base}/purge"),
            vec![("confirm", o.reference.as_str())],
        ),
    ];
    for (path, fields) in &attempts {
        let (status, _, _) = post(&o.app, &other, path, fields).await;
        assert_eq!(status, 403, "POST {path} {fields:?}");
    }
    assert_eq!(file_rows(&o.app).await, before_rows);
    assert_eq!(
        format!("{:?}", case_row(&o.app, o.case_id).await.unwrap()),
        before_case
    );
    assert_eq!(case_changes(&o.app, o.case_id).await.len(), before_audit);
    let refused = case_audit(&o.app, o.case_id).await;
    assert!(
        refused
            .iter()
            .any(|r| r.action == "access.denied" && r.details.contains("not_assigned")),
        "the refusals are on the case's trail"
    );

    // Their own case: stage, dates, events, clock, checklist and notes, but no exception,
    // closing, declining or purging.
    let own = &o.paralegal;
    let (status, html) = get(&o.app, own, &base).await;
    assert_eq!(status, 200);
    assert!(
        !html.contains(&format!("{base}/intake\"")),
        "no intake editing for paralegals"
    );
    assert!(html.contains("only lawyers and administrators record it"));
    assert!(!html.contains("id=\"dates_one_year_exception\""));
    for (path, fields) in [
        (format!("{base}/stage"), vec![("to", "conflict_check")]),
        (
            format!("{base}/dates"),
            vec![
                ("i589_filed_on", "2026-11-02"),
                ("i589_received_on", "2026-11-03"),
            ],
        ),
        (
            format!("{base}/events"),
            vec![("kind", "interview"), ("date", "2027-01-01")],
        ),
        (
            format!("{base}/ead-stops"),
            vec![("action", "stop"), ("on", "2026-11-10")],
        ),
        (format!("{base}/checklist"), vec![("item", "Passport")]),
        (format!("{base}/notes"), vec![("body", "Called the client")]),
    ] {
        let (status, _, body) = post(&o.app, own, &path, &fields).await;
        assert_eq!(status, 303, "POST {path}: {}", &body[..body.len().min(200)]);
    }
    for (path, fields) in [
        (format!("{base}/stage"), vec![("to", "declined")]),
        (format!("{base}/stage"), vec![("to", "closed")]),
        (
            format!("{base}/dates"),
            vec![
                ("i589_filed_on", "2026-11-02"),
                ("i589_received_on", "2026-11-03"),
                ("one_year_exception", "changed_circumstances"),
                ("one_year_exception_until", "2027-12-31"),
            ],
        ),
        (
            format!("{base}/purge"),
            vec![("confirm", o.reference.as_str())],
        ),
    ] {
        let (status, _, _) = post(&o.app, own, &path, &fields).await;
        assert_eq!(status, 403, "POST {path} {fields:?}");
    }
    let row = case_row(&o.app, o.case_id).await.unwrap();
    assert_eq!(row.stage, "conflict_check");
    assert!(row.one_year_exception.is_none());
    // The exception a lawyer records stays through a paralegal's later date changes.
    let (status, _, _) = post(
        &o.app,
        &o.lawyer,
        &format!("{base}/dates"),
        &[
            ("i589_filed_on", "2026-11-02"),
            ("i589_received_on", "2026-11-03"),
            ("one_year_exception", "changed_circumstances"),
            ("one_year_exception_until", "2027-12-31"),
        ],
    )
    .await;
    assert_eq!(status, 303);
    let (_, html) = get(&o.app, own, &base).await;
    let csrf = csrf_from(&html).unwrap();
    let hidden = |name: &str| {
        let marker = format!("type=\"hidden\" name=\"{name}\" value=\"");
        let start = position(&html, &marker) + marker.len();
        html[start..start + html[start..].find('"').unwrap()].to_string()
    };
    let (kind, until) = (
        hidden("one_year_exception"),
        hidden("one_year_exception_until"),
    );
    assert_eq!(
        (kind.as_str(), until.as_str()),
        ("changed_circumstances", "2027-12-31")
    );
    let response = own
        .client
        .post(o.app.url(&format!("{base}/dates")))
        .form(&[
            ("csrf_token", csrf.as_str()),
            ("i589_filed_on", "2026-11-02"),
            ("i589_received_on", "2026-11-03"),
            ("one_year_exception", kind.as_str()),
            ("one_year_exception_until", until.as_str()),
            ("court_verified_on", "2026-11-23"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 303);
    let row = case_row(&o.app, o.case_id).await.unwrap();
    assert_eq!(
        row.one_year_exception.as_deref(),
        Some("changed_circumstances")
    );
    assert_eq!(
        row.court_verified_on,
        chrono::NaiveDate::from_ymd_opt(2026, 11, 23)
    );

    // The office opens all cases to paralegals: the other one reads, but still cannot work.
    let (status, _) = get(&o.app, &other, "/admin/settings").await;
    assert_eq!(status, 403);
    let (status, _, _) = post(
        &o.app,
        &o.lawyer,
        "/admin/settings",
        &[("paralegals_see_all_cases", "on")],
    )
    .await;
    assert_eq!(status, 403, "lawyers do not change office settings");
    let (status, html) = get(&o.app, &admin, "/admin/settings").await;
    assert_eq!(status, 200);
    assert!(!html.contains("value=\"on\" checked"));
    let (status, location, _) = post(
        &o.app,
        &admin,
        "/admin/settings",
        &[("paralegals_see_all_cases", "on")],
    )
    .await;
    assert_eq!(
        (status, location.as_str()),
        (303, "/admin/settings?saved=1")
    );
    let (_, html) = get(&o.app, &admin, "/admin/settings").await;
    assert!(html.contains("value=\"on\" checked"));
    let (status, html) = get(&o.app, &other, &base).await;
    assert_eq!(status, 200);
    assert!(
        !html.contains("action=\"/cases/"),
        "no forms for a case not theirs"
    );
    let (status, _, _) = post(&o.app, &other, &format!("{base}/notes"), &[("body", "x")]).await;
    assert_eq!(status, 403);
    let setting = o
        .app
        .audit(AuditFilter {
            action: Some("office.settings_changed".into()),
            ..AuditFilter::default()
        })
        .await;
    assert_eq!(setting.len(), 1);
    assert_eq!(
        setting[0].details,
        r#"{"paralegals_see_all_cases":{"after":true,"before":false}}"#
    );
    // And closes them again.
    let (status, _, _) = post(&o.app, &admin, "/admin/settings", &[]).await;
    assert_eq!(status, 303);
    let (status, _) = get(&o.app, &other, &base).await;
    assert_eq!(status, 403);
}

#[actix_web::test]
async fn an_admin_purges_a_file_and_only_the_reference_remains() {
    let o = office("credible_fear").await;
    let admin = o.app.login_as(Role::Admin).await;
    let base = format!("/cases/{}", o.case_id);
    // Something in every table of the case file.
    for (path, fields) in [
        (
            format!("{base}/stage"),
            vec![("to", "conflict_check"), ("note", "n")],
        ),
        (
            format!("{base}/dates"),
            vec![
                ("i589_filed_on", "2026-11-02"),
                ("i589_received_on", "2026-11-03"),
            ],
        ),
        (
            format!("{base}/events"),
            vec![("kind", "interview"), ("date", "2027-01-01")],
        ),
        (
            format!("{base}/ead-stops"),
            vec![("action", "stop"), ("on", "2026-11-10")],
        ),
        (format!("{base}/checklist"), vec![("item", "Passport")]),
        (format!("{base}/notes"), vec![("body", "Called the client")]),
    ] {
        let (status, _, _) = post(&o.app, &o.lawyer, &path, &fields).await;
        assert_eq!(status, 303, "POST {path}");
    }
    // A second client who must survive.
    let (survivor, _) = new_case(&o.app, "affirmative", &o.lawyer.staff, None).await;
    let before = file_rows(&o.app).await;
    assert!(before.iter().all(|(_, n)| *n > 0), "{before:?}");

    // The page offers the purge to admins only; lawyers are refused.
    let (_, html) = get(&o.app, &admin, &base).await;
    assert!(html.contains(&format!("action=\"{base}/purge\"")));
    let (status, _, _) = post(
        &o.app,
        &o.lawyer,
        &format!("{base}/purge"),
        &[("confirm", o.reference.as_str())],
    )
    .await;
    assert_eq!(status, 403);

    // The reference must be typed.
    let (status, _, html) = post(
        &o.app,
        &admin,
        &format!("{base}/purge"),
        &[("confirm", "R-2026-9")],
    )
    .await;
    assert_eq!(status, 422);
    assert!(field_error(&html, "purge_confirm").is_some());
    assert_eq!(input_value(&html, "confirm").as_deref(), Some("R-2026-9"));
    assert_eq!(file_rows(&o.app).await, before);

    let (status, location, _) = post(
        &o.app,
        &admin,
        &format!("{base}/purge"),
        &[("confirm", o.reference.as_str())],
    )
    .await;
    assert_eq!((status, location.as_str()), (303, "/"));
    assert!(case_row(&o.app, o.case_id).await.is_none());
    assert!(case_row(&o.app, survivor).await.is_some());
    let after = file_rows(&o.app).await;
    let survivor_only = {
        // Only the second client's rows are left.
        let app = spawn_app().await;
        let lawyer = app.create_staff(Role::Lawyer, "l@x.example.org").await;
        new_case(&app, "affirmative", &lawyer, None).await;
        file_rows(&app).await
    };
    assert_eq!(after, survivor_only);
    let (status, _) = get(&o.app, &admin, &base).await;
    assert_eq!(status, 404);

    let purged = case_audit(&o.app, o.case_id).await;
    assert_eq!(purged[0].action, "case.purged");
    assert_eq!(
        purged[0].details,
        serde_json::json!({ "reference": o.reference }).to_string()
    );
    assert_eq!(
        purged[0].actor_id.map(|a| a.0),
        Some(admin.staff.id.as_uuid())
    );
    assert!(purged.len() > 5, "the earlier entries stay");
}

#[actix_web::test]
async fn the_print_summary_shows_the_file_without_forms_notes_or_audit_trail() {
    let o = office("defensive").await;
    let path = format!("/cases/{}/summary", o.case_id);
    let (_, page) = get(&o.app, &o.lawyer, &format!("/cases/{}", o.case_id)).await;
    assert!(
        page.contains(&format!("href=\"{path}\"")),
        "the case page links it"
    );
    let views = |actions: Vec<String>| actions.iter().filter(|a| *a == "case.viewed").count();
    let before = views(o.app.audit_actions().await);
    let (status, html) = get(&o.app, &o.lawyer, &path).await;
    assert_eq!(status, 200);
    let main = &html[html.find("<main").unwrap()..];
    for shown in [
        "IVANOVA",
        "Иванова Юлия Сергеевна",
        "Дмитрий Петров",
        "Tashkent",
        "Arrested at an anti-war protest",
    ] {
        assert!(main.contains(shown), "{shown}");
    }
    assert!(!main.contains("<form"), "no forms");
    assert!(!main.contains("id=\"audit\"") && !main.contains("id=\"notes\""));
    assert_eq!(
        views(o.app.audit_actions().await),
        before + 1,
        "audited as a read"
    );
}

/// The case page reads the client's row and each one-row part of the intake (entry, Parts
/// B and C, children, Part A.III's answers, Part A.I's details) in one statement, and each
/// list in one more: on PostgreSQL every statement is a round trip.
#[actix_web::test]
async fn the_intake_is_read_in_one_statement_for_the_client_and_one_per_list() {
    let app = spawn_app().await;
    let lawyer = app.login_as(Role::Lawyer).await;
    let case_id = app.complete_case(&lawyer).await;
    let (statements, intake) = app
        .state
        .db
        .run(move |conn| {
            let client_id = refuge::db::cases::find(conn, case_id)?
                .expect("the case")
                .client_id
                .0;
            let (statements, intake) =
                statements_of(conn, |conn| refuge::db::clients::load(conn, client_id));
            Ok((statements, intake?.expect("the intake")))
        })
        .await
        .unwrap();
    // What the one-row parts hold comes back through the one statement.
    assert_eq!(intake.entry.i94_number, "123456789A1");
    assert!(!intake.claim_answers.grounds.is_empty());
    assert!(intake.background.feared_country_same);
    assert_eq!(intake.background.mother.full_name, "Olena Shevchuk");
    assert_eq!(intake.applicant.ssn, "NONE");
    // The client with their one-row parts; family members, journey legs, persecution events,
    // Part A.III's addresses, schools, jobs and relatives; entries into the US.
    assert_eq!(statements, 9);
}

/// Statements `latest_of_case` ran for case `id`, and what it read.
async fn trail_read(
    app: &TestApp,
    id: uuid::Uuid,
) -> (usize, refuge::services::audit::AuditEntries) {
    app.state
        .db
        .run(move |conn| {
            let case = refuge::db::cases::find(conn, id)?.expect("the case");
            let (statements, trail) = statements_of(conn, |conn| {
                refuge::services::audit::latest_of_case(conn, &case)
            });
            Ok((statements, trail?))
        })
        .await
        .unwrap()
}

/// The case page's trail is one statement: each actor's name comes with the entry and the
/// case's own reference is known. Staff members named in the entries' details are read
/// with one more, only when some entry names one.
#[actix_web::test]
async fn the_case_pages_trail_reads_staff_names_only_when_an_entry_names_someone() {
    let app = spawn_app().await;
    let lawyer = app.login_as(Role::Lawyer).await;
    let (id, reference) = app.draft_case(&lawyer.staff, "Kovalenko").await;

    // The creation names the lawyer assigned.
    let (statements, trail) = trail_read(&app, id).await;
    assert_eq!(statements, 2);
    let created = &trail.entries[0];
    assert_eq!(created.action, "case.created");
    assert_eq!(created.case.as_ref().unwrap().reference, reference);
    assert_eq!(
        trail.names.get(&lawyer.staff.id.as_uuid()),
        Some(&lawyer.staff.display_name)
    );

    // As many views later, the page's entries name nobody in their details.
    let shown = refuge::services::audit::LATEST_ON_CASE_PAGE.get();
    for _ in 0..shown {
        cases::open(&app.state, &lawyer.staff, id, None)
            .await
            .unwrap();
    }
    let (statements, trail) = trail_read(&app, id).await;
    assert_eq!(statements, 1);
    assert_eq!(i64::try_from(trail.entries.len()), Ok(shown));
    assert!(trail.entries.iter().all(|e| e.action == "case.viewed"
        && e.case.as_ref().map(|c| c.reference.as_str()) == Some(reference.as_str())
        && e.actor_name.as_ref() == Some(&lawyer.staff.display_name)));
    assert!(trail.names.is_empty());
}

/// The case page reads the case with the lawyer and paralegal assigned to it in one
/// statement, and builds a lawyer's scope without any: only a paralegal's scope depends on
/// the office's settings.
#[actix_web::test]
async fn the_case_comes_with_its_staff_and_only_a_paralegals_scope_reads_the_settings() {
    let o = office("affirmative").await;
    let id = o.case_id;
    let (lawyer, paralegal) = (o.lawyer.staff.clone(), o.paralegal.staff.clone());
    let (case_statements, found, scope_statements) = o
        .app
        .state
        .db
        .run(move |conn| {
            let (case_statements, found) =
                statements_of(conn, |conn| refuge::db::cases::find_with_assigned(conn, id));
            let scope_statements = [&lawyer, &paralegal]
                .map(|reader| statements_of(conn, |conn| refuge::db::scope::load(conn, reader)).0);
            Ok((case_statements, found?, scope_statements))
        })
        .await
        .unwrap();
    assert_eq!(case_statements, 1);
    let found = found.expect("the case");
    assert_eq!(found.case.reference, o.reference);
    assert_eq!(found.lawyer.map(|s| s.id), Some(o.lawyer.staff.id));
    assert_eq!(found.paralegal.map(|s| s.id), Some(o.paralegal.staff.id));
    assert_eq!(scope_statements, [0, 1]);

    // A case assigned to nobody comes with nobody.
    let unassigned = o.app.draft_case(&o.lawyer.staff, "Melnyk").await.0;
    o.app
        .owner_sql(format!(
            "UPDATE cases SET lawyer_id = NULL, paralegal_id = NULL WHERE id = '{unassigned}'"
        ))
        .await;
    let found = o
        .app
        .state
        .db
        .run(move |conn| Ok(refuge::db::cases::find_with_assigned(conn, unassigned)?))
        .await
        .unwrap();
    let found = found.expect("the case");
    assert!(found.lawyer.is_none() && found.paralegal.is_none());
}
