//! One home for row-level access (issue 13): every reader — an admin, a lawyer, the paralegal
//! assigned to a case, a paralegal assigned to another, a paralegal assigned to none — finds
//! exactly the cases in their scope on every page that reads cases: the case list (page and
//! API), the search (box and API, by name, reference and A-number), the case page, its
//! summary, its audit trail and the API's case, the conflict check, the weekly report and its
//! CSV of cases. The office's setting widens every one of them alike.

use std::collections::BTreeSet;

use refuge::domain::staff::Role;
use serde_json::Value;

use crate::helpers::{PASSWORD, Session, TestApp, client, spawn_app};
use crate::search::save;

/// The week the fixture's cases are created in (the tests' clock stands on its Monday).
const WEEK: &str = "2026-W48";

struct Case {
    id: uuid::Uuid,
    reference: String,
    a_number: &'static str,
}

struct Reader {
    name: &'static str,
    session: Session,
    token: String,
    /// The references of the cases this reader may see.
    sees: BTreeSet<String>,
}

struct Fixture {
    app: TestApp,
    /// Assigned to paralegal 1, paralegal 2, no paralegal.
    cases: [Case; 3],
    /// Admin, lawyer, paralegal 1, paralegal 2, paralegal without cases.
    readers: Vec<Reader>,
}

impl Fixture {
    fn every_reference(&self) -> BTreeSet<String> {
        self.cases.iter().map(|c| c.reference.clone()).collect()
    }

    fn reader(&self, name: &str) -> &Reader {
        self.readers
            .iter()
            .find(|r| r.name == name)
            .expect("a reader of the fixture")
    }
}

/// Three cases of one lawyer, all of one client name ("Yulia Scopeva"), so that a search or
/// a conflict check by name finds all three wherever the scope allows.
async fn fixture() -> Fixture {
    let app = spawn_app().await;
    let admin = app.login_as(Role::Admin).await;
    let lawyer = app.login_as(Role::Lawyer).await;
    let paralegal1 = app.login_as(Role::Paralegal).await;
    let paralegal2 = app.login_as(Role::Paralegal).await;
    let paralegal3 = app.login_as(Role::Paralegal).await;
    let mut cases = Vec::new();
    for (paralegal, a_number) in [
        (Some(&paralegal1.staff), "A-301-000-001"),
        (Some(&paralegal2.staff), "A-301-000-002"),
        (None, "A-301-000-003"),
    ] {
        let saved = save(
            &app,
            &lawyer.staff,
            paralegal,
            &[
                ("client.given_name", "Yulia"),
                ("client.family_name", "Scopeva"),
                ("client.a_number", a_number),
                ("claim.kind", "affirmative"),
            ],
        )
        .await;
        cases.push(Case {
            id: saved.id,
            reference: saved.reference,
            a_number,
        });
    }
    let cases: [Case; 3] = cases.try_into().ok().expect("three cases");
    let every: BTreeSet<String> = cases.iter().map(|c| c.reference.clone()).collect();
    let only = |i: usize| BTreeSet::from([cases[i].reference.clone()]);
    let mut readers = Vec::new();
    for (name, session, sees) in [
        ("admin", admin, every.clone()),
        ("lawyer", lawyer, every),
        ("paralegal 1", paralegal1, only(0)),
        ("paralegal 2", paralegal2, only(1)),
        ("paralegal without cases", paralegal3, BTreeSet::new()),
    ] {
        let token = app.api_token(&session.staff.email, PASSWORD).await;
        readers.push(Reader {
            name,
            session,
            token,
            sees,
        });
    }
    Fixture {
        app,
        cases,
        readers,
    }
}

/// The case references of the rows of a list, search results or conflict page.
fn rows(html: &str) -> BTreeSet<String> {
    html.split("<tr data-case=\"")
        .skip(1)
        .filter_map(|row| row.find('"').map(|end| row[..end].to_string()))
        .collect()
}

async fn api_get(app: &TestApp, token: &str, path: &str) -> (u16, Value) {
    let response = client()
        .get(app.url(path))
        .bearer_auth(token)
        .send()
        .await
        .expect("API answers");
    let status = response.status().as_u16();
    (status, response.json().await.unwrap_or(Value::Null))
}

fn references(items: &Value) -> BTreeSet<String> {
    items
        .as_array()
        .expect("a JSON array")
        .iter()
        .map(|item| item["reference"].as_str().expect("reference").to_string())
        .collect()
}

/// Types `q` into the search box and returns the references on its results page.
async fn search_box(app: &TestApp, session: &Session, q: &str) -> BTreeSet<String> {
    let response = app.post_form(&session.client, "/search", &[("q", q)]).await;
    assert_eq!(response.status(), 303, "search {q}");
    let results = response
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .expect("Location")
        .to_string();
    let (status, html) = app.page(&session.client, &results).await;
    assert_eq!(status, 200, "{results}");
    rows(&html)
}

async fn search_api(app: &TestApp, token: &str, q: &str) -> BTreeSet<String> {
    let response = client()
        .post(app.url("/api/v1/clients/search"))
        .bearer_auth(token)
        .json(&serde_json::json!({ "q": q }))
        .send()
        .await
        .expect("API answers");
    assert_eq!(response.status(), 200, "search {q}");
    let body: Value = response.json().await.expect("JSON");
    references(&body["results"])
}

#[actix_web::test]
async fn each_reader_lists_exactly_the_cases_in_their_scope() {
    let f = fixture().await;
    for reader in &f.readers {
        // A paralegal asking for every case gets their own: the scope is not a filter to
        // switch off.
        let (status, html) = f.app.page(&reader.session.client, "/cases?scope=all").await;
        assert_eq!(status, 200, "{}", reader.name);
        assert_eq!(rows(&html), reader.sees, "{}: case list", reader.name);
        let (status, body) = api_get(&f.app, &reader.token, "/api/v1/cases?scope=all").await;
        assert_eq!(status, 200, "{}", reader.name);
        assert_eq!(
            references(&body["cases"]),
            reader.sees,
            "{}: API",
            reader.name
        );
        assert_eq!(
            body["total"],
            reader.sees.len(),
            "{}: API total",
            reader.name
        );
    }
}

#[actix_web::test]
async fn each_reader_finds_exactly_the_cases_in_their_scope() {
    let f = fixture().await;
    for reader in &f.readers {
        let who = reader.name;
        let by_name = search_box(&f.app, &reader.session, "Yulia Scopeva").await;
        assert_eq!(by_name, reader.sees, "{who}: search box by name");
        let by_prefix = search_api(&f.app, &reader.token, "Scop").await;
        assert_eq!(
            by_prefix, reader.sees,
            "{who}: API search by the name begun"
        );
        for case in &f.cases {
            let visible = reader.sees.contains(&case.reference);
            let expected: BTreeSet<String> = if visible {
                BTreeSet::from([case.reference.clone()])
            } else {
                BTreeSet::new()
            };
            let found = search_box(&f.app, &reader.session, &case.reference).await;
            assert_eq!(found, expected, "{who}: search box by reference");
            let found = search_api(&f.app, &reader.token, case.a_number).await;
            assert_eq!(found, expected, "{who}: API search by A-number");
        }
    }
}

#[actix_web::test]
async fn each_reader_opens_exactly_the_cases_in_their_scope() {
    let f = fixture().await;
    for reader in &f.readers {
        for case in &f.cases {
            let expected = if reader.sees.contains(&case.reference) {
                200
            } else {
                403
            };
            for page in ["", "/summary", "/audit"] {
                let path = format!("/cases/{}{page}", case.id);
                let (status, body) = f.app.page(&reader.session.client, &path).await;
                assert_eq!(status, expected, "{}: {path}", reader.name);
                if expected == 403 {
                    assert!(!body.contains("Scopeva"), "{}: {path}", reader.name);
                }
            }
            let path = format!("/api/v1/cases/{}", case.id);
            let (status, body) = api_get(&f.app, &reader.token, &path).await;
            assert_eq!(status, expected, "{}: {path}", reader.name);
            if expected == 403 {
                assert!(!body.to_string().contains("Scopeva"), "{}", reader.name);
            }
        }
    }
}

#[actix_web::test]
async fn the_conflict_check_shows_every_other_case_to_those_who_may_run_it() {
    let f = fixture().await;
    let checked = &f.cases[0];
    let path = format!("/cases/{}/conflicts", checked.id);
    let mut others = f.every_reference();
    others.remove(&checked.reference);
    for reader in &f.readers {
        let (status, html) = f.app.page(&reader.session.client, &path).await;
        if reader.name.starts_with("paralegal") {
            // Paralegals do not run the check, not even on their own case.
            assert_eq!(status, 403, "{}", reader.name);
            assert!(rows(&html).is_empty(), "{}", reader.name);
        } else {
            assert_eq!(status, 200, "{}", reader.name);
            assert_eq!(rows(&html), others, "{}", reader.name);
        }
    }
}

/// The references in a cases CSV (the first column after the header).
fn csv_references(csv: &str) -> BTreeSet<String> {
    csv.trim_start_matches('\u{feff}')
        .lines()
        .skip(1)
        .filter_map(|line| line.split(',').next())
        .map(|r| r.trim_matches('"').to_string())
        .collect()
}

/// A report figure's count, from the report's JSON.
fn figure(report: &Value, section: &str, family: &str) -> i64 {
    report["figures"]
        .as_array()
        .expect("figures")
        .iter()
        .find(|f| f["section"] == section && f["figure"] == family)
        .and_then(|f| f["count"].as_i64())
        .unwrap_or_else(|| panic!("no {section}/{family} in {report}"))
}

#[actix_web::test]
async fn each_reader_reports_and_exports_exactly_the_cases_in_their_scope() {
    let f = fixture().await;
    for reader in &f.readers {
        let who = reader.name;
        // Each reader's own report: the office's for an admin, their caseload otherwise.
        let path = format!("/reports/weekly.csv?week={WEEK}&table=cases");
        let response = reader
            .session
            .client
            .get(f.app.url(&path))
            .send()
            .await
            .expect("CSV");
        assert_eq!(response.status(), 200, "{who}");
        let csv = response.text().await.expect("CSV body");
        assert_eq!(csv_references(&csv), reader.sees, "{who}: cases CSV");
        let path =
            format!("/reports/weekly.csv?week={WEEK}&table=cases&report=open_kind&key=affirmative");
        let (status, csv) = f.app.page(&reader.session.client, &path).await;
        assert_eq!(status, 200, "{who}");
        assert_eq!(csv_references(&csv), reader.sees, "{who}: a figure's CSV");

        let path = format!("/api/v1/reports/weekly?week={WEEK}");
        let (status, report) = api_get(&f.app, &reader.token, &path).await;
        assert_eq!(status, 200, "{who}");
        let seen = reader.sees.len() as i64;
        assert_eq!(figure(&report, "open", "open_stage"), seen, "{who}: open");
        assert_eq!(figure(&report, "activity", "opened"), seen, "{who}: opened");
    }
    // Nobody reads a wider report than their own by asking for it.
    let paralegal = f.reader("paralegal 1");
    let path = format!("/reports/weekly.csv?week={WEEK}&table=cases&of=office");
    let (status, csv) = f.app.page(&paralegal.session.client, &path).await;
    assert_eq!(status, 403);
    assert!(f.cases.iter().all(|c| !csv.contains(&c.reference)), "{csv}");
}

#[actix_web::test]
async fn an_office_that_opens_every_case_widens_every_view_of_a_paralegal_alike() {
    let f = fixture().await;
    let admin = f.reader("admin");
    let response = f
        .app
        .post_form(
            &admin.session.client,
            "/admin/settings",
            &[("paralegals_see_all_cases", "on")],
        )
        .await;
    assert_eq!(response.status(), 303);
    let every = f.every_reference();
    for name in ["paralegal 1", "paralegal without cases"] {
        let reader = f.reader(name);
        let (_, html) = f.app.page(&reader.session.client, "/cases?scope=all").await;
        assert_eq!(rows(&html), every, "{name}: case list");
        let (_, body) = api_get(&f.app, &reader.token, "/api/v1/cases?scope=all").await;
        assert_eq!(references(&body["cases"]), every, "{name}: API list");
        let found = search_box(&f.app, &reader.session, "Yulia Scopeva").await;
        assert_eq!(found, every, "{name}: search box");
        let found = search_api(&f.app, &reader.token, "Scopeva").await;
        assert_eq!(found, every, "{name}: API search");
        for case in &f.cases {
            let path = format!("/cases/{}", case.id);
            assert_eq!(
                f.app.page(&reader.session.client, &path).await.0,
                200,
                "{name}: {path}"
            );
        }
    }
    // Seeing is not working: a note on a case assigned to another is still refused.
    let reader = f.reader("paralegal 1");
    let path = format!("/cases/{}/notes", f.cases[1].id);
    let response = f
        .app
        .post_form(&reader.session.client, &path, &[("body", "A note")])
        .await;
    assert_eq!(response.status(), 403);
}

/// Files an inquiry from the public form by "Yulia Scopeva", so that the fixture's searches
/// find it too; returns (inquiry id, case id, reference).
async fn web_inquiry(app: &TestApp) -> (uuid::Uuid, uuid::Uuid, String) {
    crate::inquiry::open_form(app).await;
    let today = refuge::services::cases::today(&app.state);
    let form = refuge::domain::inquiry::InquiryForm {
        family_name: "Scopeva".into(),
        given_name: "Yulia".into(),
        phone: "+1 555 010 0199".into(),
        phone_safe: Some("on".into()),
        nationality: "RU".into(),
        whereabouts: "mexico".into(),
        detained: "no".into(),
        has_hearing: "no".into(),
        preferred_language: "ru".into(),
        consent: Some("on".into()),
        ..Default::default()
    };
    let inquiry = form.parse(today).expect("valid answers");
    refuge::services::inquiries::submit(&app.state, inquiry, refuge::i18n::Language::Ru, None)
        .await
        .expect("filed");
    let row = crate::inquiry::unreviewed(app)
        .await
        .pop()
        .expect("the inquiry");
    (row.id.0, row.case_id.0, row.reference)
}

#[actix_web::test]
async fn a_new_web_inquiry_is_read_only_by_those_who_triage_even_when_every_case_is_open() {
    let f = fixture().await;
    let admin = f.reader("admin");
    let response = f
        .app
        .post_form(
            &admin.session.client,
            "/admin/settings",
            &[("paralegals_see_all_cases", "on")],
        )
        .await;
    assert_eq!(response.status(), 303);
    let (inquiry_id, case_id, reference) = web_inquiry(&f.app).await;
    let every = f.every_reference();
    let with_inquiry: BTreeSet<String> = every.iter().cloned().chain([reference.clone()]).collect();

    for (name, expected) in [
        ("admin", &with_inquiry),
        ("lawyer", &with_inquiry),
        ("paralegal 1", &every),
        ("paralegal without cases", &every),
    ] {
        let reader = f.reader(name);
        let (_, html) = f.app.page(&reader.session.client, "/cases?scope=all").await;
        assert_eq!(&rows(&html), expected, "{name}: case list");
        let (_, body) = api_get(&f.app, &reader.token, "/api/v1/cases?scope=all").await;
        assert_eq!(&references(&body["cases"]), expected, "{name}: API list");
        let found = search_box(&f.app, &reader.session, "Yulia Scopeva").await;
        assert_eq!(&found, expected, "{name}: search box");
        let found = search_api(&f.app, &reader.token, "Scopeva").await;
        assert_eq!(&found, expected, "{name}: API search");
        let status = if expected.contains(&reference) {
            200
        } else {
            403
        };
        let path = format!("/cases/{case_id}");
        let (shown, html) = f.app.page(&reader.session.client, &path).await;
        assert_eq!(shown, status, "{name}: {path}");
        let path = format!("/api/v1/cases/{case_id}");
        let (answered, body) = api_get(&f.app, &reader.token, &path).await;
        assert_eq!(answered, status, "{name}: {path}");
        if status == 403 {
            for private in ["Scopeva", "555 010 0199"] {
                assert!(!html.contains(private), "{name}: {private} on the page");
                assert!(!body.to_string().contains(private), "{name}: {private}");
            }
        }
    }

    // Once taken, it is a case like any other: the office's setting opens it.
    let lawyer = f.reader("lawyer");
    let response = client()
        .post(f.app.url(&format!("/api/v1/triage/{inquiry_id}/take")))
        .bearer_auth(&lawyer.token)
        .json(&serde_json::json!({ "lawyer_id": lawyer.session.staff.id.to_string() }))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let reader = f.reader("paralegal 1");
    let path = format!("/cases/{case_id}");
    assert_eq!(f.app.page(&reader.session.client, &path).await.0, 200);
    let found = search_api(&f.app, &reader.token, "Scopeva").await;
    assert_eq!(found, with_inquiry, "taken: found");
}
