//! The weekly caseload report through the front door: figures of a hand-built office in New
//! York (stage changes exactly at the local week boundaries, a week that ends with the
//! fall-back to standard time), every linked figure against the case list behind it, the
//! CSVs, who may read whose report, and the Monday email sent once.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use refuge::domain::case_stage::CaseStage;
use refuge::domain::case_work::NewCaseEvent;
use refuge::domain::codes::HearingKind;
use refuge::domain::reports::IsoWeek;
use refuge::domain::staff::Role;
use refuge::services::cases::{self as case_service, ConflictOutcome};
use refuge::services::reports;

use crate::helpers::{Session, TestApp, spawn_app_with};
use crate::search::save;

fn utc(y: i32, m: u32, d: u32, h: u32, min: u32, s: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, d, h, min, s).single().unwrap()
}

struct Office {
    app: TestApp,
    admin: Session,
    lawyer1: Session,
    lawyer2: Session,
    paralegal: Session,
    refs: BTreeMap<&'static str, String>,
    ids: BTreeMap<&'static str, uuid::Uuid>,
}

impl Office {
    async fn at(&self, when: DateTime<Utc>) {
        self.app.clock.set(when);
    }

    async fn open(
        &mut self,
        name: &'static str,
        when: DateTime<Utc>,
        lawyer2: bool,
        extra: &[(&str, &str)],
    ) -> uuid::Uuid {
        self.at(when).await;
        let family = format!("Report{name}");
        let mut fields = vec![
            ("client.given_name", "Case"),
            ("client.family_name", family.as_str()),
            ("claim.kind", "defensive"),
        ];
        fields.extend_from_slice(extra);
        let (lawyer, para) = if lawyer2 {
            (&self.lawyer2.staff, Some(&self.paralegal.staff))
        } else {
            (&self.lawyer1.staff, None)
        };
        let saved = save(&self.app, lawyer, para, &fields).await;
        self.refs.insert(name, saved.reference);
        self.ids.insert(name, saved.id);
        saved.id
    }

    async fn move_to(&self, id: uuid::Uuid, to: CaseStage, when: DateTime<Utc>) {
        self.at(when).await;
        if to == CaseStage::Consultation {
            case_service::record_conflict_check(
                &self.app.state,
                &self.admin.staff,
                id,
                ConflictOutcome::Clear,
                None,
            )
            .await
            .expect("conflict check");
        }
        case_service::transition(
            &self.app.state,
            &self.admin.staff,
            id,
            to,
            String::new(),
            None,
            None,
        )
        .await
        .unwrap_or_else(|e| panic!("transition to {to}: {e:?}"));
    }

    async fn hearing(&self, id: uuid::Uuid, on: NaiveDate, when: DateTime<Utc>) {
        self.at(when).await;
        case_service::add_event(
            &self.app.state,
            &self.admin.staff,
            id,
            NewCaseEvent {
                kind: HearingKind::MasterHearing,
                scheduled_at: on.and_hms_opt(9, 0, 0).unwrap(),
                place: "New York Immigration Court".into(),
                official: String::new(),
                outcome: String::new(),
            },
            None,
        )
        .await
        .expect("hearing");
    }
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// Week 2026-W44 in New York runs from Monday 26 October 00:00 EDT (04:00 UTC) to Monday
/// 2 November 00:00 EST (05:00 UTC): 169 hours, because clocks fall back on Sunday 1 November.
async fn office() -> Office {
    let app = spawn_app_with(|s| {
        s.office.time_zone = chrono_tz::America::New_York;
    })
    .await;
    let admin = app.login_as(Role::Admin).await;
    let lawyer1 = app.login_as(Role::Lawyer).await;
    let lawyer2 = app.login_as(Role::Lawyer).await;
    let paralegal = app.login_as(Role::Paralegal).await;
    let mut o = Office {
        app,
        admin,
        lawyer1,
        lawyer2,
        paralegal,
        refs: BTreeMap::new(),
        ids: BTreeMap::new(),
    };
    // G: opened in July and never touched; arrived 2025-10-01, so its one-year deadline
    // (Thursday 2026-10-01) passed without an I-589.
    o.open(
        "G",
        utc(2026, 7, 1, 15, 0, 0),
        false,
        &[
            ("entry.last_arrival_on", "2025-10-01"),
            ("entry.port_of_entry", "=HYPERLINK(\"http://x\")"),
        ],
    )
    .await;
    // J: defensive case through the court to a grant on Thursday of the week.
    let j = o
        .open(
            "J",
            utc(2026, 9, 1, 15, 0, 0),
            false,
            &[("client.nationalities", "RU")],
        )
        .await;
    for to in [
        CaseStage::ConflictCheck,
        CaseStage::Consultation,
        CaseStage::Retained,
        CaseStage::NtaServed,
        CaseStage::MasterHearing,
    ] {
        o.move_to(j, to, utc(2026, 9, 2, 15, 0, 0)).await;
    }
    for to in [
        CaseStage::ApplicationLodged,
        CaseStage::MeritsHearing,
        CaseStage::Granted,
    ] {
        o.move_to(j, to, utc(2026, 10, 29, 15, 0, 0)).await;
    }
    // A: moves to the conflict check at the very first instant of the week.
    let a = o
        .open(
            "A",
            utc(2026, 10, 20, 12, 0, 0),
            false,
            &[("client.nationalities", "RU,UA")],
        )
        .await;
    o.move_to(a, CaseStage::ConflictCheck, utc(2026, 10, 26, 4, 0, 0))
        .await;
    // H: a hearing on Thursday of the week, no outcome recorded.
    let h = o.open("H", utc(2026, 10, 20, 12, 0, 0), false, &[]).await;
    o.hearing(h, date(2026, 10, 29), utc(2026, 10, 20, 13, 0, 0))
        .await;
    // I: a hearing on 10 November, never verified with the court.
    let i = o.open("I", utc(2026, 10, 20, 12, 0, 0), false, &[]).await;
    o.hearing(i, date(2026, 11, 10), utc(2026, 10, 20, 13, 0, 0))
        .await;
    // B: opened one second before the week (Sunday 23:59:59 EDT); C at its first instant.
    o.open("B", utc(2026, 10, 26, 3, 59, 59), false, &[]).await;
    o.open("C", utc(2026, 10, 26, 4, 0, 0), false, &[]).await;
    // D: declined on Sunday 23:30 EST — after 04:00 UTC, still inside the longer week.
    let d = o.open("D", utc(2026, 10, 28, 15, 0, 0), false, &[]).await;
    o.move_to(d, CaseStage::Declined, utc(2026, 11, 2, 4, 30, 0))
        .await;
    // E: declined at the next week's first instant: open at the end of this one.
    let e = o.open("E", utc(2026, 10, 28, 15, 0, 0), false, &[]).await;
    o.move_to(e, CaseStage::Declined, utc(2026, 11, 2, 5, 0, 0))
        .await;
    // F: lawyer 2's, with the paralegal: inquiry to retained during the week.
    let f = o
        .open(
            "F",
            utc(2026, 10, 27, 15, 0, 0),
            true,
            &[("client.nationalities", "BY")],
        )
        .await;
    o.move_to(f, CaseStage::ConflictCheck, utc(2026, 10, 29, 15, 0, 0))
        .await;
    o.move_to(f, CaseStage::Consultation, utc(2026, 10, 30, 15, 0, 0))
        .await;
    o.move_to(f, CaseStage::Retained, utc(2026, 10, 31, 15, 0, 0))
        .await;
    o.at(utc(2026, 11, 23, 14, 0, 0)).await;
    o
}

/// A figure as the page shows it: its link and number.
#[derive(Debug, Clone)]
struct Shown {
    link: String,
    count: i64,
}

fn param(link: &str, name: &str) -> String {
    let query = link.split_once('?').map(|(_, q)| q).unwrap_or("");
    url::form_urlencoded::parse(query.as_bytes())
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.into_owned())
        .unwrap_or_default()
}

/// Every linked figure of the page, by (week, family, key).
fn figures(html: &str) -> BTreeMap<(String, String, String), Shown> {
    let mut out = BTreeMap::new();
    for piece in html.split("href=\"/cases?").skip(1) {
        let end = piece.find('"').unwrap();
        let link = format!(
            "/cases?{}",
            piece[..end].replace("&amp;", "&").replace("&#38;", "&")
        );
        let after = &piece[end + 2..];
        // The chart's bars link too; the figures are the links whose text is a number.
        let Ok(count) = after[..after.find("</a>").unwrap()].trim().parse::<i64>() else {
            continue;
        };
        out.insert(
            (
                param(&link, "week"),
                param(&link, "report"),
                param(&link, "key"),
            ),
            Shown { link, count },
        );
    }
    out
}

async fn get(session: &Session, app: &TestApp, path: &str) -> (u16, String) {
    let response = session.client.get(app.url(path)).send().await.expect("get");
    let status = response.status().as_u16();
    (status, response.text().await.expect("body"))
}

fn list_total(html: &str) -> i64 {
    html.split("data-total=\"")
        .nth(1)
        .and_then(|rest| rest[..rest.find('"')?].parse().ok())
        .unwrap_or(-1)
}

fn list_refs(html: &str) -> Vec<String> {
    html.split("<tr data-case=\"")
        .skip(1)
        .map(|row| row[..row.find('"').unwrap()].to_string())
        .collect()
}

fn n(
    figures: &BTreeMap<(String, String, String), Shown>,
    week: &str,
    family: &str,
    key: &str,
) -> i64 {
    figures
        .get(&(week.to_string(), family.to_string(), key.to_string()))
        .map(|s| s.count)
        .unwrap_or_else(|| panic!("no figure {week} {family} {key}"))
}

#[actix_web::test]
async fn figures_follow_the_history_at_local_week_boundaries_and_match_the_case_list() {
    let o = office().await;
    let app = &o.app;
    let (status, html) = get(&o.admin, app, "/reports/weekly?week=2026-W44").await;
    assert_eq!(status, 200, "{html}");
    let f = figures(&html);
    let w = "2026-W44";
    // The week's activity.
    assert_eq!(
        n(&f, w, "opened", ""),
        4,
        "C, D, E, F (not B, a second early)"
    );
    assert_eq!(n(&f, w, "entered", "consultation"), 1);
    assert_eq!(n(&f, w, "entered", "retained"), 1);
    assert_eq!(
        n(&f, w, "entered", "declined"),
        1,
        "D inside the 169-hour week, not E"
    );
    assert_eq!(n(&f, w, "entered", "closed"), 0);
    assert_eq!(n(&f, w, "entered", "withdrawn"), 0);
    assert_eq!(
        n(&f, w, "moved", "inquiry>conflict_check"),
        2,
        "A at 00:00, F"
    );
    assert_eq!(n(&f, w, "moved", "inquiry>declined"), 1);
    assert_eq!(n(&f, w, "moved", "merits_hearing>granted"), 1);
    // Open at the end of the week, reconstructed: E still in inquiry, D no longer open.
    assert_eq!(n(&f, w, "open_stage", ""), 9);
    assert_eq!(n(&f, w, "open_stage", "inquiry"), 6, "B, C, E, G, H, I");
    assert_eq!(n(&f, w, "open_stage", "conflict_check"), 1);
    assert_eq!(n(&f, w, "open_stage", "retained"), 1);
    assert_eq!(n(&f, w, "open_stage", "granted"), 1);
    assert_eq!(n(&f, w, "open_kind", "defensive"), 9);
    assert_eq!(n(&f, w, "open_lawyer", &o.lawyer2.staff.id.to_string()), 1);
    assert_eq!(n(&f, w, "open_lawyer", &o.lawyer1.staff.id.to_string()), 8);
    assert_eq!(
        n(&f, w, "open_paralegal", &o.paralegal.staff.id.to_string()),
        1
    );
    assert_eq!(n(&f, w, "open_paralegal", "-"), 8);
    assert_eq!(n(&f, w, "open_nationality", "RU"), 2, "J and A");
    assert_eq!(n(&f, w, "open_nationality", "UA"), 1);
    assert_eq!(n(&f, w, "open_port", "=HYPERLINK(\"http://x\")"), 1);
    // Ahead and overdue.
    assert_eq!(n(&f, w, "due_soon", ""), 1, "I's hearing on 10 November");
    assert_eq!(n(&f, w, "due_soon", "hearing"), 1);
    assert_eq!(n(&f, w, "overdue", "one_year"), 1, "G");
    assert_eq!(n(&f, w, "overdue", "hearing_outcome"), 1, "H");
    assert_eq!(n(&f, w, "overdue", "appeal"), 0);
    assert_eq!(n(&f, w, "overdue", ""), 2);
    assert_eq!(n(&f, w, "stale", ""), 1, "G");
    assert_eq!(n(&f, w, "unverified", ""), 1, "I");
    // The trend: twelve weeks, the grant on Thursday, B in the week before.
    assert_eq!(n(&f, w, "entered", "granted"), 1);
    assert_eq!(n(&f, "2026-W43", "opened", ""), 4, "A, H, I and B");
    assert_eq!(n(&f, "2026-W36", "opened", ""), 1, "J");
    assert_eq!(n(&f, "2026-W36", "entered", "consultation"), 1, "J");
    assert!(f.contains_key(&("2026-W33".into(), "opened".into(), String::new())));
    assert!(!f.contains_key(&("2026-W32".into(), "opened".into(), String::new())));
    // Both charts are drawn on the server.
    assert_eq!(html.matches("<svg").count(), 2);
    assert!(!html.contains("<script"));
    // Every linked figure is exactly the case list behind it.
    for ((week, family, key), shown) in &f {
        let (status, list) = get(&o.admin, app, &shown.link).await;
        assert_eq!(status, 200, "{}", shown.link);
        assert_eq!(
            list_total(&list),
            shown.count,
            "{week} {family} {key}: {}",
            shown.link
        );
    }
    // The case list names the cases: the declined-after-the-week case is in inquiry.
    let (_, list) = get(
        &o.admin,
        app,
        &f[&(w.into(), "open_stage".into(), "inquiry".into())].link,
    )
    .await;
    let mut refs = list_refs(&list);
    refs.sort();
    let mut expected: Vec<String> = ["B", "C", "E", "G", "H", "I"]
        .iter()
        .map(|k| o.refs[k].clone())
        .collect();
    expected.sort();
    assert_eq!(refs, expected);
    // The read is audited.
    assert!(
        o.app
            .audit_actions()
            .await
            .contains(&"report.viewed".to_string())
    );

    // A lawyer's own report, and the paralegal's: only their cases, and the links agree.
    for session in [&o.lawyer2, &o.paralegal] {
        let (status, html) = get(session, app, "/reports/weekly?week=2026-W44").await;
        assert_eq!(status, 200);
        let f = figures(&html);
        assert_eq!(n(&f, w, "opened", ""), 1, "F only");
        assert_eq!(n(&f, w, "open_stage", ""), 1);
        assert_eq!(n(&f, w, "entered", "retained"), 1);
        for shown in f.values() {
            let (_, list) = get(session, app, &shown.link).await;
            assert_eq!(list_total(&list), shown.count, "{}", shown.link);
        }
    }
    // An admin picks a lawyer.
    let of = format!("lawyer:{}", o.lawyer1.staff.id);
    let (status, html) = get(
        &o.admin,
        app,
        &format!("/reports/weekly?week=2026-W44&of={of}"),
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(n(&figures(&html), w, "open_stage", ""), 8);
}

#[actix_web::test]
async fn recording_the_hearing_outcome_takes_the_case_off_the_overdue_figure() {
    let o = office().await;
    let (app, w, page) = (&o.app, "2026-W44", "/reports/weekly?week=2026-W44");
    let (_, html) = get(&o.admin, app, page).await;
    assert_eq!(n(&figures(&html), w, "overdue", "hearing_outcome"), 1, "H");
    let h = o.ids["H"];
    let file = case_service::open(&app.state, &o.lawyer1.staff, h, None)
        .await
        .expect("H's file");
    let hearing = file.events[0].id.0;
    let response = app
        .post_form(
            &o.lawyer1.client,
            &format!("/cases/{h}/events/{hearing}/outcome"),
            &[("outcome", "Reset to a merits hearing in March")],
        )
        .await;
    assert_eq!(response.status(), 303);
    let (_, html) = get(&o.admin, app, page).await;
    let f = figures(&html);
    assert_eq!(n(&f, w, "overdue", "hearing_outcome"), 0);
    assert_eq!(n(&f, w, "overdue", ""), 1, "G's one-year deadline only");
}

#[actix_web::test]
async fn who_may_read_which_report_and_bad_input() {
    let o = office().await;
    let app = &o.app;
    let other = format!(
        "/reports/weekly?week=2026-W44&of=lawyer:{}",
        o.lawyer2.staff.id
    );
    let (status, _) = get(&o.lawyer1, app, &other).await;
    assert_eq!(status, 403, "a lawyer cannot read another lawyer's report");
    let (status, _) = get(&o.lawyer1, app, "/reports/weekly?of=office").await;
    assert_eq!(status, 403);
    let (status, _) = get(&o.paralegal, app, "/reports/weekly?of=office").await;
    assert_eq!(status, 403, "paralegals get their assigned caseload only");
    let (status, _) = get(&o.paralegal, app, &other).await;
    assert_eq!(status, 403);
    let csv = format!(
        "/reports/weekly.csv?week=2026-W44&table=cases&of=lawyer:{}",
        o.lawyer2.staff.id
    );
    let (status, _) = get(&o.lawyer1, app, &csv).await;
    assert_eq!(status, 403);
    // The case list behind another lawyer's figure is refused the same way.
    let list = format!(
        "/cases?scope=all&report=open_stage&week=2026-W44&of=lawyer:{}",
        o.lawyer2.staff.id
    );
    let (status, _) = get(&o.lawyer1, app, &list).await;
    assert_eq!(status, 403);
    // Bad input: the page again with a message, never a 500.
    for query in [
        "week=2026-W99",
        "week=last",
        "week=2027-W10",
        "of=lawyer:nobody",
        &format!("of=lawyer:{}", uuid::Uuid::new_v4()),
    ] {
        let (status, html) = get(&o.admin, app, &format!("/reports/weekly?{query}")).await;
        assert_eq!(status, 422, "{query}");
        assert!(html.contains("field-error"), "{query}: {html}");
    }
    let (status, body) = get(&o.admin, app, "/reports/weekly.csv?week=nope").await;
    assert!((400..500).contains(&status), "{status} {body}");
    let (status, _) = get(&o.admin, app, "/reports/weekly.csv?table=everything").await;
    assert_eq!(status, 400);
    // The default is the last complete week, the reader's own.
    let (status, html) = get(&o.lawyer2, app, "/reports/weekly").await;
    assert_eq!(status, 200);
    assert!(
        html.contains("2026-W47"),
        "Monday 23 November: last week was W47"
    );
}

/// Every email ends with a personal lock link (`<base>/lock/<token>`): the token differs
/// each time.
fn redact_lock_link(text: &str) -> String {
    text.lines()
        .map(|line| match line.find("<base>/lock/") {
            Some(at) => format!("{}<base>/lock/[token]", &line[..at]),
            None => line.to_string(),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn redact_csv(csv: &str, o: &Office) -> String {
    let mut out = csv.to_string();
    for (name, reference) in &o.refs {
        out = out.replace(reference.as_str(), &format!("<{name}>"));
    }
    for (who, session) in [
        ("lawyer1", &o.lawyer1),
        ("lawyer2", &o.lawyer2),
        ("paralegal", &o.paralegal),
    ] {
        out = out.replace(&session.staff.id.to_string(), &format!("<{who}-id>"));
    }
    out
}

#[actix_web::test]
async fn csv_downloads_stream_utf8_with_headers_and_neutralized_formulas() {
    let o = office().await;
    let app = &o.app;
    let response = o
        .admin
        .client
        .get(app.url("/reports/weekly.csv?week=2026-W44&table=cases"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(
        response.headers()["content-type"].to_str().unwrap(),
        "text/csv; charset=utf-8"
    );
    let bytes = response.bytes().await.unwrap();
    // Excel on Windows needs the UTF-8 byte-order mark to read Cyrillic names.
    assert!(
        bytes.starts_with(b"\xEF\xBB\xBFreference,stage_at_end_of_week,"),
        "{bytes:?}"
    );
    let cases = String::from_utf8(bytes[3..].to_vec()).unwrap();
    // The port typed as a formula is text in a spreadsheet.
    assert!(
        cases.contains("\"'=HYPERLINK(\"\"http://x\"\")\""),
        "{cases}"
    );
    assert!(!cases.contains(",=HYPERLINK"));
    insta::assert_snapshot!("weekly_cases_csv", redact_csv(&cases, &o));
    let summary_bytes = o
        .admin
        .client
        .get(app.url("/reports/weekly.csv?week=2026-W44"))
        .send()
        .await
        .unwrap()
        .bytes()
        .await
        .unwrap();
    assert!(summary_bytes.starts_with(b"\xEF\xBB\xBFsection,week,"));
    let summary = String::from_utf8(summary_bytes[3..].to_vec()).unwrap();
    assert!(summary.contains("'=HYPERLINK"));
    insta::assert_snapshot!("weekly_summary_csv", redact_csv(&summary, &o));
    // One figure's cases only.
    let (status, one) = get(
        &o.admin,
        app,
        "/reports/weekly.csv?week=2026-W44&table=cases&report=overdue&key=one_year",
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(one.lines().count(), 2, "{one}");
    assert!(one.contains(&o.refs["G"]));
    let actions = o.app.audit_actions().await;
    assert!(actions.contains(&"report.exported".to_string()));
}

#[actix_web::test]
async fn more_cases_than_a_chunk_stream_in_order() {
    let app = spawn_app_with(|_| {}).await;
    let admin = app.login_as(Role::Admin).await;
    let lawyer = app.login_as(Role::Lawyer).await;
    app.clock.set(utc(2026, 11, 10, 12, 0, 0));
    let total = reports::CSV_CHUNK as usize + 3;
    // Straight into the tables: a thousand intakes through the service would take minutes.
    app.state
        .db
        .run(move |conn| {
            use diesel::prelude::*;
            use refuge::db::schema::{case_stage_history, cases, clients};
            use refuge::db::sealed::sealed;
            use refuge::db::uuid::DbUuid;
            let at = utc(2026, 11, 10, 12, 0, 0).naive_utc();
            for i in 0..total {
                let client = uuid::Uuid::new_v4();
                let case = uuid::Uuid::new_v4();
                diesel::insert_into(clients::table)
                    .values((
                        clients::id.eq(DbUuid(client)),
                        clients::family_name.eq("Bulk"),
                        clients::given_name.eq("Case"),
                        clients::middle_name.eq(""),
                        clients::native_name.eq(""),
                        clients::other_names.eq(""),
                        clients::nationalities.eq(""),
                        clients::languages.eq(""),
                        clients::interpreter_needed.eq(false),
                        clients::passport_numbers.eq(sealed("")),
                        clients::phone.eq(sealed("")),
                        clients::phone_safe.eq(false),
                        clients::email.eq(sealed("")),
                        clients::email_safe.eq(false),
                        clients::us_address.eq(sealed("")),
                        clients::address_safe.eq(false),
                        clients::messenger.eq(sealed("")),
                        clients::messenger_safe.eq(false),
                        clients::created_at.eq(at),
                        clients::updated_at.eq(at),
                    ))
                    .execute(conn)?;
                diesel::insert_into(cases::table)
                    .values((
                        cases::id.eq(DbUuid(case)),
                        cases::reference.eq(format!("R-2026-{i:05}")),
                        cases::client_id.eq(DbUuid(client)),
                        cases::stage.eq("inquiry"),
                        cases::intake_complete.eq(false),
                        cases::conflict_status.eq("unchecked"),
                        cases::conflict_note.eq(sealed("")),
                        cases::created_at.eq(at),
                        cases::updated_at.eq(at),
                    ))
                    .execute(conn)?;
                diesel::insert_into(case_stage_history::table)
                    .values((
                        case_stage_history::case_id.eq(DbUuid(case)),
                        case_stage_history::to_stage.eq("inquiry"),
                        case_stage_history::changed_at.eq(at),
                        case_stage_history::note.eq(sealed("")),
                    ))
                    .execute(conn)?;
            }
            Ok(())
        })
        .await
        .unwrap();
    let _ = lawyer;
    app.clock.set(utc(2026, 11, 23, 14, 0, 0));
    let (status, csv) = get(
        &admin,
        &app,
        "/reports/weekly.csv?week=2026-W46&table=cases",
    )
    .await;
    assert_eq!(status, 200);
    let refs: Vec<&str> = csv
        .lines()
        .skip(1)
        .map(|l| l.split(',').next().unwrap())
        .collect();
    assert_eq!(refs.len(), total);
    let mut sorted = refs.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(sorted, refs, "in order, none twice");
    // One figure's cases, more than a chunk of them: worked out once, sent in chunks, the
    // same rows in the same order.
    let (status, figure) = get(
        &admin,
        &app,
        "/reports/weekly.csv?week=2026-W46&table=cases&report=open_stage&key=inquiry",
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(figure, csv);
}

#[actix_web::test]
async fn the_monday_email_goes_once_per_person_and_week() {
    let o = office().await;
    let app = &o.app;
    // Monday 23 November, 07:00 in New York: before the configured 07:30.
    app.clock.set(utc(2026, 11, 23, 12, 0, 0));
    assert_eq!(reports::send_weekly_if_due(&app.state).await.unwrap(), None);
    app.clock.set(utc(2026, 11, 23, 12, 31, 0));
    let first = reports::send_weekly_if_due(&app.state).await.unwrap();
    // Admin (office), two lawyers (their own); the paralegal gets none.
    assert_eq!(first, Some(3));
    assert_eq!(
        reports::send_weekly_if_due(&app.state).await.unwrap(),
        None,
        "claimed today"
    );
    let week = IsoWeek::parse("2026-W47").unwrap();
    assert_eq!(
        reports::send_weekly(&app.state, week).await.unwrap(),
        0,
        "once per person"
    );
    assert_eq!(reports::send_weekly(&app.state, week).await.unwrap(), 0);
    let mail: Vec<_> = app
        .outbox()
        .await
        .into_iter()
        .filter(|m| m.kind == "weekly_report")
        .collect();
    assert_eq!(mail.len(), 3);
    let to: std::collections::BTreeSet<_> = mail.iter().map(|m| m.to_address.clone()).collect();
    assert_eq!(to.len(), 3);
    assert!(!to.contains(&o.paralegal.staff.email));
    for m in &mail {
        assert!(m.subject.contains("2026-W47"), "{}", m.subject);
        assert!(m.html_body.contains("<html"));
        // Counts and references, never a client's name or the port typed as text.
        for body in [&m.text_body, &m.html_body] {
            assert!(!body.contains("Report"), "no client names: {body}");
            assert!(!body.contains("HYPERLINK"));
        }
    }
    let office_mail = mail
        .iter()
        .find(|m| m.to_address == o.admin.staff.email)
        .unwrap();
    // G's one-year deadline is still overdue in W47, listed by reference.
    assert!(
        office_mail.text_body.contains(&o.refs["G"]),
        "{}",
        office_mail.text_body
    );
    insta::assert_snapshot!(
        "weekly_email_office_text",
        redact_lock_link(
            &redact_csv(&office_mail.text_body, &o)
                .replace(&app.state.settings.public_url(), "<base>")
        )
    );
    // The next Monday brings the next week's.
    app.clock.set(utc(2026, 11, 30, 13, 0, 0));
    assert_eq!(
        reports::send_weekly_if_due(&app.state).await.unwrap(),
        Some(3)
    );
}

/// The key figures' rows: (this week's link and count, last week's link and count).
fn key_figures(html: &str) -> Vec<(Shown, Shown)> {
    html.split("<tr data-key-figure=\"")
        .skip(1)
        .map(|row| {
            let row = &row[..row.find("</tr>").unwrap()];
            let mut cells = figures(row).into_values();
            let mut by_week: Vec<Shown> = cells.by_ref().collect();
            by_week.sort_by_key(|shown| param(&shown.link, "week"));
            let last = by_week.remove(0);
            (by_week.remove(0), last)
        })
        .collect()
}

fn link_after(html: &str, marker: &str) -> Option<String> {
    let rest = &html[html.find(marker)? + marker.len()..];
    let rest = &rest[rest.find("href=\"")? + 6..];
    Some(
        rest[..rest.find('"')?]
            .replace("&amp;", "&")
            .replace("&#38;", "&"),
    )
}

#[actix_web::test]
async fn the_report_opens_on_the_week_beside_last_week_and_what_needs_attention() {
    let o = office().await;
    let app = &o.app;
    let (status, html) = get(&o.admin, app, "/reports/weekly?week=2026-W44").await;
    assert_eq!(status, 200);
    let summary = html.find("id=\"summary\"").expect("summary");
    let details = html.find("<details").expect("detailed tables");
    assert!(summary < details, "the summary comes first");
    assert!(html[summary..details].contains("data-attention=\"overdue\""));

    // Each key figure stands beside the same figure on last week's own page.
    let (_, before) = get(&o.admin, app, "/reports/weekly?week=2026-W43").await;
    let this_week = figures(&html);
    let last_week = figures(&before);
    let rows = key_figures(&html);
    assert_eq!(rows.len(), 7, "{html}");
    for (now, then) in &rows {
        let at = |shown: &Shown| {
            (
                param(&shown.link, "week"),
                param(&shown.link, "report"),
                param(&shown.link, "key"),
            )
        };
        assert_eq!(at(now).0, "2026-W44");
        assert_eq!(at(then).0, "2026-W43");
        assert_eq!(this_week[&at(now)].count, now.count);
        assert_eq!(last_week[&at(then)].count, then.count);
    }
    assert!(rows.iter().any(|(now, then)| now.count + then.count > 0));

    // A finished week links both ways; the week under way says "so far" and has no next.
    let previous = link_after(&html, "rel=\"prev\"").expect("previous week");
    assert_eq!(param(&previous, "week"), "2026-W43");
    let next = link_after(&html, "rel=\"next\"").expect("next week");
    assert_eq!(param(&next, "week"), "2026-W45");
    assert!(!html.contains("(so far)"));
    let current = IsoWeek::containing(refuge::clock::Clock::now(app.clock.as_ref()).date_naive());
    let (_, now) = get(&o.admin, app, &format!("/reports/weekly?week={current}")).await;
    assert!(now.contains("(so far)"), "{now}");
    assert!(link_after(&now, "rel=\"next\"").is_none());
}
