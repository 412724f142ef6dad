//! Every look on record, without making readers queue (issue 13): case views (the page, its
//! summary, its audit trail), searches, case lists and CSV exports are audited — kind and
//! number of results or rows, and the reader's address, never the query — and nothing read
//! is sent unless its entry is committed; concurrent views are all recorded.

use refuge::db::audit_log::{AuditFilter, AuditRow};
use refuge::domain::audit::AuditAction;
use refuge::domain::staff::Role;
use serde_json::{Value, json};

use crate::helpers::{PASSWORD, TestApp, client, is_postgres, spawn_app};

async fn entries(app: &TestApp, action: AuditAction) -> Vec<AuditRow> {
    app.audit(AuditFilter {
        action: Some(action.code().into()),
        ..AuditFilter::default()
    })
    .await
}

/// Types `q` into the search box (`POST /search`) and returns the results page it
/// redirects to, not yet visited.
async fn search_page(app: &TestApp, client: &reqwest::Client, q: &str) -> String {
    let response = app.post_form(client, "/search", &[("q", q)]).await;
    assert_eq!(response.status(), 303, "search {q}");
    response
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .expect("Location")
        .to_string()
}

fn details(row: &AuditRow) -> Value {
    serde_json::from_str(&row.details).expect("details are JSON")
}

#[actix_web::test]
async fn a_search_is_audited_with_its_kind_and_count_never_its_words() {
    let app = spawn_app().await;
    let lawyer = app.login_as(Role::Lawyer).await;
    app.draft_case(&lawyer.staff, "ZHURAVLEVA").await;

    let results = search_page(&app, &lawyer.client, "Zhuravleva").await;
    let (status, html) = app.page(&lawyer.client, &results).await;
    assert_eq!(status, 200);
    assert!(html.contains("ZHURAVLEVA"));
    let searches = entries(&app, AuditAction::SearchRun).await;
    assert_eq!(searches.len(), 1);
    assert_eq!(
        searches[0].actor_id.map(|a| a.0),
        Some(lawyer.staff.id.as_uuid())
    );
    assert_eq!(
        details(&searches[0]),
        json!({ "search": "names", "results": 1 })
    );
    assert!(!searches[0].details.to_lowercase().contains("zhuravl"));
    assert_eq!(
        searches[0].address.as_deref(),
        Some("127.0.0.1"),
        "the reader's address, like every other entry"
    );

    let results = search_page(&app, &lawyer.client, "R-2026-99999").await;
    let (status, _) = app.page(&lawyer.client, &results).await;
    assert_eq!(status, 200);
    let searches = entries(&app, AuditAction::SearchRun).await;
    assert_eq!(
        details(&searches[0]),
        json!({ "search": "numbers", "results": 0 })
    );
}

#[actix_web::test]
async fn a_case_list_is_audited_with_which_list_and_how_many() {
    let app = spawn_app().await;
    let lawyer = app.login_as(Role::Lawyer).await;
    app.draft_case(&lawyer.staff, "ORLOVA").await;
    app.draft_case(&lawyer.staff, "TIKHONOV").await;

    assert_eq!(app.page(&lawyer.client, "/cases").await.0, 200);
    let lists = entries(&app, AuditAction::CaseListViewed).await;
    assert_eq!(lists.len(), 1);
    assert_eq!(details(&lists[0]), json!({ "list": "mine", "results": 2 }));
    assert_eq!(lists[0].address.as_deref(), Some("127.0.0.1"));

    let token = app.api_token(&lawyer.staff.email, PASSWORD).await;
    let response = client()
        .get(app.url("/api/v1/cases?scope=all"))
        .bearer_auth(&token)
        .send()
        .await
        .expect("API answers");
    assert_eq!(response.status(), 200);
    let lists = entries(&app, AuditAction::CaseListViewed).await;
    assert_eq!(lists.len(), 2, "the API's list is audited too");
    assert_eq!(details(&lists[0]), json!({ "list": "all", "results": 2 }));
    assert_eq!(lists[0].address.as_deref(), Some("127.0.0.1"));

    let response = client()
        .post(app.url("/api/v1/clients/search"))
        .bearer_auth(&token)
        .json(&json!({ "q": "Orlova" }))
        .send()
        .await
        .expect("API answers");
    assert_eq!(response.status(), 200);
    let searches = entries(&app, AuditAction::SearchRun).await;
    assert_eq!(searches.len(), 1, "the API's search is audited");
    assert_eq!(
        details(&searches[0]),
        json!({ "search": "names", "results": 1 })
    );
    assert_eq!(searches[0].address.as_deref(), Some("127.0.0.1"));
}

#[actix_web::test]
async fn reading_a_case_audit_trail_is_a_read_of_the_case_file() {
    let app = spawn_app().await;
    let lawyer = app.login_as(Role::Lawyer).await;
    let id = app.draft_case(&lawyer.staff, "KOVALEVA").await.0;

    let (status, html) = app
        .page(&lawyer.client, &format!("/cases/{id}/audit"))
        .await;
    assert_eq!(status, 200);
    let viewed = entries(&app, AuditAction::CaseViewed).await;
    assert_eq!(viewed.len(), 1, "the trail's read is on record");
    assert_eq!(viewed[0].target_id, Some(id.to_string()));
    assert_eq!(
        viewed[0].actor_id.map(|a| a.0),
        Some(lawyer.staff.id.as_uuid())
    );
    assert_eq!(viewed[0].address.as_deref(), Some("127.0.0.1"));
    assert_eq!(details(&viewed[0]), json!({ "view": "audit_trail" }));
    // The entry is committed before the trail is read: the page shows its own view.
    assert!(html.contains("Case file opened"), "{html}");

    // Refused readers leave no read on record (their refusal is recorded instead).
    let paralegal = app.login_as(Role::Paralegal).await;
    let (status, _) = app
        .page(&paralegal.client, &format!("/cases/{id}/audit"))
        .await;
    assert_eq!(status, 403);
    assert_eq!(entries(&app, AuditAction::CaseViewed).await.len(), 1);
}

#[actix_web::test]
async fn every_csv_export_is_audited_with_its_kind_and_rows() {
    let app = spawn_app().await;
    let admin = app.login_as(Role::Admin).await;
    let lawyer = app.login_as(Role::Lawyer).await;
    app.draft_case(&lawyer.staff, "LEBEDEVA").await;
    app.draft_case(&lawyer.staff, "GROMOVA").await;

    let get = |path: &'static str| {
        let client = admin.client.clone();
        let url = app.url(path);
        async move {
            let response = client.get(url).send().await.expect("CSV");
            assert_eq!(response.status(), 200, "{path}");
            response.text().await.expect("CSV body")
        }
    };
    let csv = get("/reports/weekly.csv?week=2026-W48&table=cases").await;
    let rows = csv.lines().count() - 1;
    assert_eq!(rows, 2, "{csv}");
    let exported = entries(&app, AuditAction::ReportExported).await;
    assert_eq!(exported.len(), 1);
    assert_eq!(
        details(&exported[0]),
        json!({
            "week": "2026-W48",
            "of": "office",
            "export": "cases",
            "figure": null,
            "key": null,
            "rows": 2,
        })
    );
    assert_eq!(exported[0].address.as_deref(), Some("127.0.0.1"));

    get("/reports/weekly.csv?week=2026-W48&table=cases&report=open_kind&key=affirmative").await;
    let exported = entries(&app, AuditAction::ReportExported).await;
    assert_eq!(exported.len(), 2);
    assert_eq!(details(&exported[0])["export"], "cases");
    assert_eq!(details(&exported[0])["figure"], "open_kind");
    assert_eq!(details(&exported[0])["rows"], 2);

    let csv = get("/reports/weekly.csv?week=2026-W48").await;
    let exported = entries(&app, AuditAction::ReportExported).await;
    assert_eq!(exported.len(), 3, "the summary is an export too");
    assert_eq!(details(&exported[0])["export"], "summary");
    assert_eq!(
        details(&exported[0])["rows"],
        csv.lines().count() - 1,
        "{csv}"
    );
    // A download is an export, not a view of the page.
    assert!(entries(&app, AuditAction::ReportViewed).await.is_empty());
    // Never a name.
    for entry in &exported {
        let text = entry.details.to_lowercase();
        assert!(
            !text.contains("lebedeva") && !text.contains("gromova"),
            "{text}"
        );
    }
}

/// Makes the database refuse the audit entries of reads, as a full disk or a broken
/// connection would.
async fn refuse_read_entries(app: &TestApp) {
    let sql = if is_postgres() {
        "CREATE FUNCTION refuse_reads() RETURNS trigger LANGUAGE plpgsql AS $$
         BEGIN RAISE EXCEPTION 'reads refused'; END $$;
         CREATE TRIGGER refuse_reads BEFORE INSERT ON audit_log FOR EACH ROW
         WHEN (NEW.action IN ('case.viewed', 'search.run', 'case_list.viewed'))
         EXECUTE FUNCTION refuse_reads();"
    } else {
        "CREATE TRIGGER refuse_reads BEFORE INSERT ON audit_log
         WHEN NEW.action IN ('case.viewed', 'search.run', 'case_list.viewed')
         BEGIN SELECT RAISE(ABORT, 'reads refused'); END;"
    };
    // A trigger is the owner's to create.
    app.owner_sql(sql.to_string()).await;
}

#[actix_web::test]
async fn nothing_read_is_sent_when_its_audit_entry_cannot_be_committed() {
    let app = spawn_app().await;
    let lawyer = app.login_as(Role::Lawyer).await;
    let id = app.draft_case(&lawyer.staff, "ABRAMOVA").await.0;
    let token = app.api_token(&lawyer.staff.email, PASSWORD).await;
    let results = search_page(&app, &lawyer.client, "Abramova").await;
    refuse_read_entries(&app).await;

    for path in [
        format!("/cases/{id}"),
        format!("/cases/{id}/summary"),
        format!("/cases/{id}/audit"),
        results,
        "/cases".to_string(),
    ] {
        let (status, body) = app.page(&lawyer.client, &path).await;
        assert_eq!(status, 500, "{path}");
        assert!(!body.contains("ABRAMOVA"), "{path} sent the client");
        assert!(!body.contains("Yulia"), "{path} sent the client");
    }
    let response = client()
        .get(app.url(&format!("/api/v1/cases/{id}")))
        .bearer_auth(&token)
        .send()
        .await
        .expect("API answers");
    assert_eq!(response.status(), 500);
    let body = response.text().await.expect("body");
    assert!(!body.contains("ABRAMOVA") && !body.contains("Yulia"));
    assert!(entries(&app, AuditAction::CaseViewed).await.is_empty());
}

#[actix_web::test]
async fn concurrent_views_are_all_recorded_one_entry_each() {
    let app = spawn_app().await;
    let lawyer = app.login_as(Role::Lawyer).await;
    let id = app.draft_case(&lawyer.staff, "SOKOLOVA").await.0;
    let path = format!("/cases/{id}");
    let views = (0..24).map(|_| app.page(&lawyer.client, &path));
    let statuses: Vec<u16> = futures_util::future::join_all(views)
        .await
        .into_iter()
        .map(|(status, _)| status)
        .collect();
    assert!(statuses.iter().all(|s| *s == 200), "{statuses:?}");
    let viewed = entries(&app, AuditAction::CaseViewed).await;
    assert_eq!(viewed.len(), 24);
    assert!(viewed.iter().all(|e| e.target_id == Some(id.to_string())
        && e.actor_id.map(|a| a.0) == Some(lawyer.staff.id.as_uuid())));
}
