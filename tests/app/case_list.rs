//! The case list through the front door: "my cases" per role, every filter, the sorts,
//! pages of 50 that keep their filters, the next-deadline column and the counts.

use std::collections::BTreeSet;

use chrono::{Duration, NaiveDate};
use diesel::prelude::*;
use refuge::auth::scope::{CaseScope, OfficeAccess};
use refuge::db::case_list::{self, CaseListFilter, DeadlineWalk};
use refuge::db::schema::cases;
use refuge::db::uuid::DbUuid;
use refuge::domain::case_stage::CaseStage;
use refuge::domain::case_work::NewCaseEvent;
use refuge::domain::codes::HearingKind;
use refuge::domain::staff::Role;
use refuge::services::cases as case_service;

use crate::helpers::{Session, TestApp, TodayForTests, spawn_app};
use crate::search::save;

const CASES: usize = 62;
const KINDS: [&str; 3] = ["affirmative", "defensive", "credible_fear"];
const NATIONALITIES: [&str; 5] = ["RU", "RU,UA", "UA", "BY", "BY,UA"];

/// What case number `i` of the fixture is made of.
struct Spec {
    reference: String,
    id: uuid::Uuid,
    lawyer2: bool,
    paralegal: Option<u8>,
    kind: &'static str,
    nationalities: &'static str,
    port: &'static str,
    /// The one-year filing deadline, when an arrival is recorded.
    one_year_due: Option<NaiveDate>,
    hearing: Option<NaiveDate>,
    /// Withdrawn: no live deadline.
    closed: bool,
}

impl Spec {
    /// The next deadline the list should show.
    fn next_due(&self) -> Option<NaiveDate> {
        [self.one_year_due, self.hearing]
            .into_iter()
            .flatten()
            .min()
            .filter(|_| !self.closed)
    }
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

struct Fixture {
    app: TestApp,
    admin: Session,
    lawyer1: Session,
    lawyer2: Session,
    paralegal1: Session,
    paralegal2: Session,
    specs: Vec<Spec>,
}

impl Fixture {
    fn refs(&self, keep: impl Fn(usize, &Spec) -> bool) -> BTreeSet<String> {
        self.specs
            .iter()
            .enumerate()
            .filter(|(i, s)| keep(*i, s))
            .map(|(_, s)| s.reference.clone())
            .collect()
    }
}

/// 62 cases: lawyer 2 has every sixth, paralegals 1 and 2 every fifth (offset 0 and 1),
/// kinds, nationalities and ports rotate; three dates of arrival and one without.
async fn fixture() -> Fixture {
    let app = spawn_app().await;
    let admin = app.login_as(Role::Admin).await;
    let lawyer1 = app.login_as(Role::Lawyer).await;
    let lawyer2 = app.login_as(Role::Lawyer).await;
    let paralegal1 = app.login_as(Role::Paralegal).await;
    let paralegal2 = app.login_as(Role::Paralegal).await;
    let mut specs = Vec::new();
    for i in 0..CASES {
        let lawyer2_case = i % 6 == 0;
        let paralegal = match i % 5 {
            0 => Some(1),
            1 => Some(2),
            _ => None,
        };
        let (arrival, due) = match (i, i % 7) {
            (61, _) => (None, None),
            (_, 0) => (Some("2025-12-10"), Some(date(2026, 12, 10))),
            (_, 3) => (Some("2026-02-01"), Some(date(2027, 2, 1))),
            _ => (Some("2026-06-15"), Some(date(2027, 6, 15))),
        };
        let kind = KINDS[(i / 2) % 3];
        let nationalities = NATIONALITIES[(i / 3) % 5];
        let port = if i % 2 == 0 {
            "San Ysidro"
        } else {
            "JFK Airport"
        };
        let family = format!("Listcase{i:02}");
        let mut fields = vec![
            ("client.given_name", "Anna"),
            ("client.family_name", family.as_str()),
            ("client.nationalities", nationalities),
            ("entry.port_of_entry", port),
            ("claim.kind", kind),
        ];
        if let Some(arrival) = arrival {
            fields.push(("entry.last_arrival_on", arrival));
        }
        let lawyer = if lawyer2_case { &lawyer2 } else { &lawyer1 };
        let para = match paralegal {
            Some(1) => Some(&paralegal1.staff),
            Some(_) => Some(&paralegal2.staff),
            None => None,
        };
        let saved = save(&app, &lawyer.staff, para, &fields).await;
        specs.push(Spec {
            reference: saved.reference,
            id: saved.id,
            lawyer2: lawyer2_case,
            paralegal,
            kind,
            nationalities,
            port,
            one_year_due: due,
            hearing: None,
            closed: false,
        });
    }
    // Stages: two cases at the conflict check, one withdrawn.
    for (i, to) in [
        (2, CaseStage::ConflictCheck),
        (4, CaseStage::ConflictCheck),
        (18, CaseStage::Withdrawn),
    ] {
        case_service::transition(
            &app.state,
            &admin.staff,
            specs[i].id,
            to,
            String::new(),
            None,
            None,
        )
        .await
        .expect("transition");
        specs[i].closed = !to.is_open();
    }
    // Hearings in 10 and 40 days, through the case page's service (they become deadlines).
    let today = app.clock.now_date();
    for (i, kind, days) in [
        (10, HearingKind::MasterHearing, 10),
        (20, HearingKind::MeritsHearing, 40),
    ] {
        let on = today + Duration::days(days);
        case_service::add_event(
            &app.state,
            &admin.staff,
            specs[i].id,
            NewCaseEvent {
                kind,
                scheduled_at: on.and_hms_opt(9, 0, 0).unwrap(),
                place: "San Diego Immigration Court".into(),
                official: String::new(),
                outcome: String::new(),
            },
            None,
        )
        .await
        .expect("hearing added");
        specs[i].hearing = Some(on);
    }
    // Untouched for 90 days: two open cases and the withdrawn one.
    let long_ago = (today - Duration::days(90)).and_hms_opt(12, 0, 0).unwrap();
    for i in [6, 12, 18] {
        let id = specs[i].id;
        app.state
            .db
            .run(move |conn| {
                diesel::update(cases::table.find(DbUuid(id)))
                    .set(cases::updated_at.eq(long_ago))
                    .execute(conn)?;
                Ok(())
            })
            .await
            .unwrap();
    }
    Fixture {
        app,
        admin,
        lawyer1,
        lawyer2,
        paralegal1,
        paralegal2,
        specs,
    }
}

/// The list as `session` sees it: (status, total, references in order, page HTML).
async fn list(app: &TestApp, session: &Session, query: &str) -> (u16, i64, Vec<String>, String) {
    let response = session
        .client
        .get(app.url(&format!("/cases{query}")))
        .send()
        .await
        .expect("list");
    let status = response.status().as_u16();
    let html = response.text().await.expect("body");
    let total = html
        .split("data-total=\"")
        .nth(1)
        .and_then(|rest| rest[..rest.find('"')?].parse().ok())
        .unwrap_or(-1);
    let refs = html
        .split("<tr data-case=\"")
        .skip(1)
        .map(|row| row[..row.find('"').unwrap()].to_string())
        .collect();
    (status, total, refs, html)
}

/// Every reference the filter finds, over all pages.
async fn all_pages(app: &TestApp, session: &Session, query: &str) -> BTreeSet<String> {
    let (_, total, mut refs, _) = list(app, session, query).await;
    let sep = if query.is_empty() { "?" } else { "&" };
    let mut page = 2;
    while (refs.len() as i64) < total {
        let (_, _, more, _) = list(app, session, &format!("{query}{sep}page={page}")).await;
        assert!(!more.is_empty(), "page {page} of {query} is empty");
        refs.extend(more);
        page += 1;
    }
    let set: BTreeSet<String> = refs.iter().cloned().collect();
    assert_eq!(set.len(), refs.len(), "pages overlap: {query}");
    assert_eq!(set.len() as i64, total, "count matches rows: {query}");
    set
}

/// The references of the first two pages, in order.
async fn ordered(app: &TestApp, session: &Session, query: &str) -> Vec<String> {
    let (_, _, mut refs, _) = list(app, session, query).await;
    let (_, _, more, _) = list(app, session, &format!("{query}&page=2")).await;
    refs.extend(more);
    refs
}

#[actix_web::test]
async fn the_case_list_filters_sorts_and_pages_in_sql() {
    let f = fixture().await;
    let app = &f.app;

    // My cases by default: the lawyer's, the paralegal's; an admin's are all.
    let lawyer1_cases = f.refs(|_, s| !s.lawyer2);
    assert_eq!(lawyer1_cases.len(), 51);
    assert_eq!(all_pages(app, &f.lawyer1, "").await, lawyer1_cases);
    assert_eq!(
        all_pages(app, &f.lawyer2, "").await,
        f.refs(|_, s| s.lawyer2)
    );
    let para1 = f.refs(|_, s| s.paralegal == Some(1));
    assert_eq!(all_pages(app, &f.paralegal1, "").await, para1);
    let everything = f.refs(|_, _| true);
    assert_eq!(all_pages(app, &f.admin, "").await, everything);
    assert_eq!(all_pages(app, &f.lawyer2, "?scope=all").await, everything);

    // A paralegal may not switch to all cases unless the office allows it.
    let (_, total, _, html) = list(app, &f.paralegal1, "?scope=all").await;
    assert_eq!(total, para1.len() as i64);
    assert!(!html.contains("name=\"scope\""), "no toggle offered");
    app.state
        .db
        .run(|conn| {
            Ok(refuge::db::office_settings::set_flag(
                conn,
                refuge::db::office_settings::PARALEGALS_SEE_ALL_CASES,
                true,
            )?)
        })
        .await
        .unwrap();
    let (_, total, _, html) = list(app, &f.paralegal2, "").await;
    assert_eq!(total, f.refs(|_, s| s.paralegal == Some(2)).len() as i64);
    assert!(html.contains("name=\"scope\""), "the toggle is offered");
    assert_eq!(
        all_pages(app, &f.paralegal2, "?scope=all").await,
        everything
    );

    // Pages of 50; the next link keeps the filters and the sort.
    let (_, total, page1, html) =
        list(app, &f.admin, "?port=San+Ysidro&sort=reference&dir=desc").await;
    assert_eq!(total, 31);
    assert_eq!(page1.len(), 31);
    let (_, total, page1, html_all) = list(app, &f.admin, "?sort=updated&dir=asc").await;
    assert_eq!((total, page1.len()), (62, 50));
    assert!(
        html_all
            .replace("&#38;", "&")
            .contains("href=\"/cases?sort=updated&dir=asc&page=2\""),
        "next page link keeps the sort"
    );
    assert!(
        html.contains("value=\"JFK Airport\""),
        "ports are suggested"
    );
    assert!(html.contains("id=\"port\" name=\"port\" list=\"ports\" value=\"San Ysidro\""));
    let (_, _, page2, _) = list(app, &f.admin, "?sort=updated&dir=asc&page=2").await;
    assert_eq!(page2.len(), 12);
    let (_, _, clamp, _) = list(app, &f.admin, "?sort=updated&dir=asc&page=99").await;
    assert_eq!(clamp, page2, "a page beyond the end shows the last");
    let (_, _, page2, html) = list(app, &f.lawyer1, "?kind=&page=2").await;
    assert_eq!(page2.len(), 1);
    assert!(html.contains("rel=\"prev\""));

    // Each filter narrows to exactly its cases (admin, all cases).
    let filters: Vec<(&str, BTreeSet<String>)> = vec![
        ("?stage=conflict_check", f.refs(|i, _| i == 2 || i == 4)),
        ("?kind=defensive", f.refs(|_, s| s.kind == "defensive")),
        ("?lawyer=LAWYER2", f.refs(|_, s| s.lawyer2)),
        (
            "?paralegal=PARALEGAL2",
            f.refs(|_, s| s.paralegal == Some(2)),
        ),
        (
            "?nationality=UA",
            f.refs(|_, s| s.nationalities.split(',').any(|c| c == "UA")),
        ),
        (
            "?nationality=ru",
            f.refs(|_, s| s.nationalities.split(',').any(|c| c == "RU")),
        ),
        ("?port=JFK+Airport", f.refs(|_, s| s.port == "JFK Airport")),
        (
            "?one_year_within=30",
            f.refs(|_, s| s.one_year_due == Some(date(2026, 12, 10))),
        ),
        (
            "?one_year_within=80",
            f.refs(|_, s| s.one_year_due.is_some_and(|d| d <= date(2027, 2, 11))),
        ),
        ("?hearing_within=14", f.refs(|i, _| i == 10)),
        ("?hearing_within=60", f.refs(|i, _| i == 10 || i == 20)),
        ("?hearing_within=5", BTreeSet::new()),
        ("?not_updated=1", f.refs(|i, _| i == 6 || i == 12)),
        (
            "?kind=defensive&nationality=UA&port=San+Ysidro",
            f.refs(|_, s| {
                s.kind == "defensive"
                    && s.nationalities.split(',').any(|c| c == "UA")
                    && s.port == "San Ysidro"
            }),
        ),
    ];
    let lawyer2_id = f.lawyer2.staff.id.to_string();
    let paralegal2_id = f.paralegal2.staff.id.to_string();
    for (query, expected) in filters {
        let query = query
            .replace("LAWYER2", &lawyer2_id)
            .replace("PARALEGAL2", &paralegal2_id);
        assert!(!expected.is_empty() || query.contains("hearing_within=5"));
        assert_eq!(all_pages(app, &f.admin, &query).await, expected, "{query}");
    }
    // Both ways of finding the next-deadline order agree, on every page and filter.
    // The admin's scope: every case (a filter's default scope sees none).
    let every = CaseScope::for_reader(&f.admin.staff, OfficeAccess::default());
    assert!(every.is_every_case());
    let filters = [
        CaseListFilter::default(),
        CaseListFilter {
            mine_as_lawyer: Some(f.lawyer1.staff.id.as_uuid()),
            ..CaseListFilter::default()
        },
        CaseListFilter {
            kind: Some("defensive".into()),
            nationality: Some("UA".into()),
            ..CaseListFilter::default()
        },
        CaseListFilter {
            stage: Some("granted".into()),
            ..CaseListFilter::default()
        },
    ];
    for filter in filters {
        let filter = CaseListFilter {
            today: app.clock.now_date(),
            scope: every,
            ..filter
        };
        for descending in [false, true] {
            for (limit, offset) in [(50, 0), (7, 0), (7, 14), (5, 45), (10, 55), (10, 70)] {
                let f2 = filter.clone();
                let walks = app
                    .state
                    .db
                    .run(move |conn| {
                        let mut both = Vec::new();
                        for walk in [DeadlineWalk::PerCase, DeadlineWalk::InDateOrder] {
                            both.push(case_list::next_deadline_ids(
                                conn, &f2, descending, limit, offset, walk,
                            )?);
                        }
                        Ok(both)
                    })
                    .await
                    .unwrap();
                assert_eq!(
                    walks[0], walks[1],
                    "{filter:?} desc={descending} limit={limit} offset={offset}"
                );
            }
        }
    }

    // A changed nationality changes what the filter finds.
    let moved = &f.specs[3];
    assert!(moved.nationalities.contains("UA"));
    let case_id = moved.id;
    let mut intake = app
        .state
        .db
        .run(move |conn| {
            let case = refuge::db::cases::find(conn, case_id)?.unwrap();
            let mut intake = refuge::db::clients::load(conn, case.client_id.0)?.unwrap();
            intake.claim.kind = case.kind();
            intake.claim.lawyer_id = case.lawyer();
            intake.claim.paralegal_id = case.paralegal();
            Ok(intake)
        })
        .await
        .unwrap();
    intake.client.nationalities = vec!["BY".into()];
    refuge::services::intake::save(
        &app.state,
        &f.lawyer1.staff,
        Some(moved.id),
        intake,
        false,
        None,
    )
    .await
    .expect("saved");
    let ua = all_pages(app, &f.admin, "?nationality=UA").await;
    assert!(!ua.contains(&moved.reference));
    assert!(
        all_pages(app, &f.admin, "?nationality=BY")
            .await
            .contains(&moved.reference)
    );

    // "My cases" and a filter together.
    assert_eq!(
        all_pages(app, &f.lawyer1, "?kind=defensive").await,
        f.refs(|_, s| !s.lawyer2 && s.kind == "defensive")
    );
    // A bad filter is shown back with its problem.
    let (status, _, _, html) = list(app, &f.admin, "?one_year_within=soon&stage=granted").await;
    assert_eq!(status, 422);
    assert!(html.contains("value=\"soon\""), "the typed value is kept");
    assert!(html.contains("one_year_within-error"));

    // Sorts, both ways, across pages.
    let ordered = |query: &'static str| ordered(app, &f.admin, query);
    let by_reference = ordered("?sort=reference").await;
    let mut sorted = by_reference.clone();
    sorted.sort();
    assert_eq!(by_reference, sorted);
    let mut descending = ordered("?sort=reference&dir=desc").await;
    descending.reverse();
    assert_eq!(descending, sorted);

    let stale: Vec<String> = [6, 12, 18]
        .iter()
        .map(|i| f.specs[*i].reference.clone())
        .collect();
    let by_update = ordered("?sort=updated").await;
    assert!(
        stale.iter().all(|r| by_update[59..].contains(r)),
        "least recent last"
    );
    let by_update = ordered("?sort=updated&dir=asc").await;
    assert!(
        stale.iter().all(|r| by_update[..3].contains(r)),
        "least recent first"
    );

    let due_of = |reference: &String| {
        f.specs
            .iter()
            .find(|s| s.reference == *reference)
            .unwrap()
            .next_due()
    };
    let by_deadline = ordered("?sort=deadline").await;
    let dues: Vec<Option<NaiveDate>> = by_deadline.iter().map(due_of).collect();
    // The case without an arrival date and the withdrawn one have no live deadline.
    let with = dues.iter().filter(|d| d.is_some()).count();
    assert_eq!(with, 60);
    assert!(
        dues[with..].iter().all(Option::is_none),
        "no deadline comes last"
    );
    assert!(dues[..with].windows(2).all(|w| w[0] <= w[1]), "{dues:?}");
    assert_eq!(
        dues[0],
        Some(date(2026, 12, 3)),
        "the hearing in ten days comes first"
    );
    assert_eq!(by_deadline[0], f.specs[10].reference);
    let by_deadline = ordered("?sort=deadline&dir=desc").await;
    let dues: Vec<Option<NaiveDate>> = by_deadline.iter().map(due_of).collect();
    assert!(
        dues[with..].iter().all(Option::is_none),
        "no deadline comes last either way"
    );
    assert!(dues[..with].windows(2).all(|w| w[0] >= w[1]), "{dues:?}");
    // The default sort is the nearest deadline.
    assert_eq!(
        ordered("?kind=").await,
        ordered("?kind=&sort=deadline").await
    );

    let by_stage = ordered("?sort=stage").await;
    let position = |i: usize| {
        by_stage
            .iter()
            .position(|r| *r == f.specs[i].reference)
            .unwrap()
    };
    assert!(
        position(2) >= 59 && position(4) >= 59,
        "after every inquiry"
    );
    assert_eq!(
        position(18),
        61,
        "withdrawn is near the end of the workflow"
    );
    let by_stage = ordered("?sort=stage&dir=desc").await;
    assert_eq!(by_stage[0], f.specs[18].reference);

    // The next deadline: date, kind and days remaining.
    let (_, _, _, html) = list(app, &f.admin, "?sort=reference").await;
    let row = html
        .split(&format!("<tr data-case=\"{}\"", f.specs[0].reference))
        .nth(1)
        .and_then(|rest| rest.split("</tr>").next())
        .unwrap()
        .to_string();
    assert!(row.contains("2026-12-10"), "{row}");
    assert!(row.contains("One-year filing deadline"), "{row}");
    assert!(row.contains("data-days=\"17\""), "{row}");
    assert!(row.contains("17 days left"), "{row}");
    let (_, _, _, hearing_page) = list(app, &f.admin, "?hearing_within=14").await;
    assert!(
        hearing_page.contains("Court hearing") && hearing_page.contains("data-days=\"10\""),
        "a hearing is the next deadline of its case"
    );
    let (_, _, _, page2) = list(app, &f.admin, "?sort=reference&page=2").await;
    let last = page2
        .split(&format!("<tr data-case=\"{}\"", f.specs[61].reference))
        .nth(1)
        .and_then(|rest| rest.split("</tr>").next())
        .expect("the last case is on page 2");
    assert!(
        !last.contains("data-days"),
        "no upcoming deadline, no days: {last}"
    );

    // The home page is the same list: my cases, and the admin links for admins.
    let home = |s: &Session| {
        let client = s.client.clone();
        let url = app.url("/");
        async move { client.get(url).send().await.unwrap().text().await.unwrap() }
    };
    let page = home(&f.lawyer1).await;
    assert!(page.contains("data-total=\"51\""), "lawyer's own cases");
    assert!(!page.contains("/admin/staff/new"));
    let page = home(&f.admin).await;
    assert!(page.contains("data-total=\"62\""));
    assert!(page.contains("/admin/staff/new") && page.contains("/admin/audit"));
    let page = home(&f.paralegal1).await;
    assert!(page.contains(&format!("data-total=\"{}\"", para1.len())));
}

#[actix_web::test]
async fn the_port_filter_suggests_recorded_ports_read_again_after_five_minutes() {
    let app = spawn_app().await;
    let lawyer = app.login_as(Role::Lawyer).await;
    let port = |name: &'static str| {
        [
            ("client.family_name", "Porto"),
            ("entry.port_of_entry", name),
        ]
    };
    save(&app, &lawyer.staff, None, &port("San Ysidro")).await;
    let suggestions = |app: &TestApp, lawyer: &Session| {
        let request = lawyer.client.get(app.url("/cases"));
        async move {
            let html = request.send().await.unwrap().text().await.unwrap();
            let list = &html[html.find("<datalist id=\"ports\">").expect("datalist")..];
            list[..list.find("</datalist>").unwrap()].to_string()
        }
    };
    assert!(suggestions(&app, &lawyer).await.contains("San Ysidro"));
    save(&app, &lawyer.staff, None, &port("Otay Mesa")).await;
    assert!(
        !suggestions(&app, &lawyer).await.contains("Otay Mesa"),
        "kept"
    );
    app.clock.advance(Duration::minutes(5));
    assert!(suggestions(&app, &lawyer).await.contains("Otay Mesa"));
}
