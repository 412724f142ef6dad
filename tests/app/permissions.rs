//! The permission matrix of `docs/permissions.md`, checked against a running server for
//! every registered route and every role.

use std::collections::BTreeSet;

use refuge::domain::staff::Role;
use reqwest::Method;

use crate::helpers::{PASSWORD, TestApp, client, spawn_app};

/// One row of the documented table.
struct Row {
    method: String,
    path: String,
    /// anonymous, paralegal, lawyer, admin
    expected: [String; 4],
}

fn documented() -> Vec<Row> {
    let doc = include_str!("../../docs/permissions.md");
    doc.lines()
        .filter(|line| line.starts_with("| ") && !line.starts_with("| Method"))
        .map(|line| {
            let cells: Vec<String> = line
                .trim_matches('|')
                .split('|')
                .map(|c| c.trim().to_string())
                .collect();
            assert_eq!(cells.len(), 6, "malformed row: {line}");
            Row {
                method: cells[0].clone(),
                path: cells[1].clone(),
                expected: [
                    cells[2].clone(),
                    cells[3].clone(),
                    cells[4].clone(),
                    cells[5].clone(),
                ],
            }
        })
        .collect()
}

#[test]
fn every_registered_route_is_documented_and_nothing_else() {
    let registered: BTreeSet<(String, String)> = refuge::routes::endpoints()
        .iter()
        .map(|e| (e.method.to_string(), e.path.to_string()))
        .collect();
    let rows = documented();
    let documented: BTreeSet<(String, String)> = rows
        .iter()
        .map(|r| (r.method.clone(), r.path.clone()))
        .collect();
    assert_eq!(rows.len(), documented.len(), "a route is documented twice");
    let missing: Vec<_> = registered.difference(&documented).collect();
    let stale: Vec<_> = documented.difference(&registered).collect();
    assert!(
        missing.is_empty(),
        "routes missing from docs/permissions.md: {missing:?}"
    );
    assert!(
        stale.is_empty(),
        "documented routes that do not exist: {stale:?}"
    );
}

/// What a response says about authorization.
fn outcome(response: &reqwest::Response) -> &'static str {
    let location = response
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    match response.status().as_u16() {
        401 => "401",
        403 => "403",
        302 | 303 if location == "/login" || location.starts_with("/login?next=") => "login",
        _ => "allowed",
    }
}

/// Signs in as `role` (or only visits the login page, for anonymous) with a fresh client.
async fn visitor(
    app: &TestApp,
    role: Option<Role>,
    emails: &[(Role, String)],
) -> (reqwest::Client, String) {
    let client = client();
    if let Some(role) = role {
        let email = &emails
            .iter()
            .find(|(r, _)| *r == role)
            .expect("account for role")
            .1;
        let response = app.submit_login(&client, email, PASSWORD).await;
        assert_eq!(response.status(), 303, "login as {role}");
    }
    let page = if role.is_some() { "/account" } else { "/login" };
    let csrf = app.csrf(&client, page).await;
    (client, csrf)
}

/// A draft case with `lawyer` of record and a paralegal of its own.
async fn matrix_case(app: &TestApp, lawyer: &refuge::domain::staff::Staff) -> uuid::Uuid {
    let paralegal = app
        .create_staff(Role::Paralegal, "assigned@matrix.example.org")
        .await;
    let (lawyer_id, paralegal_id) = (lawyer.id.to_string(), paralegal.id.to_string());
    let form = refuge::domain::intake::IntakeForm::from_pairs(
        [
            ("client.family_name", "Matrix"),
            ("client.given_name", "Case"),
            ("claim.kind", "affirmative"),
            ("claim.lawyer_id", lawyer_id.as_str()),
            ("claim.paralegal_id", paralegal_id.as_str()),
        ]
        .map(|(k, v)| (k.to_string(), v.to_string())),
    );
    let intake = form.parse().expect("intake parses");
    refuge::services::intake::save(&app.state, lawyer, None, intake, false, None)
        .await
        .expect("case saved")
        .id
}

async fn check_role(role: Option<Role>, column: usize) {
    let app = spawn_app().await;
    let mut emails = Vec::new();
    for r in Role::ALL {
        let email = format!("{r}@matrix.example.org");
        app.create_staff(r, &email).await;
        emails.push((r, email));
    }
    let victim = app
        .create_staff(Role::Lawyer, "victim@matrix.example.org")
        .await;
    // The case pages get a real case, assigned to a paralegal other than the one asking.
    let case_id = matrix_case(&app, &victim).await;
    let mut failures = Vec::new();
    for row in documented() {
        // A fresh session for each request: some routes end sessions or change accounts.
        let (client, csrf) = visitor(&app, role, &emails).await;
        let id = if row.path.starts_with("/cases/") {
            case_id.to_string()
        } else {
            victim.id.to_string()
        };
        let path = row
            .path
            .replace("{id}", &id)
            .replace("{token}", "not-a-real-token");
        let method = Method::from_bytes(row.method.as_bytes()).expect("method");
        let mut request = client.request(method.clone(), app.url(&path));
        if method != Method::GET {
            request = if path.starts_with("/api/") {
                request
                    .header("X-CSRF-Token", &csrf)
                    .json(&serde_json::json!({}))
            } else {
                request.form(&[("csrf_token", csrf.as_str())])
            };
        }
        let response = request.send().await.expect("request");
        let got = outcome(&response);
        if got != row.expected[column] {
            failures.push(format!(
                "{} {} as {:?}: expected {}, got {} (status {})",
                row.method,
                row.path,
                role,
                row.expected[column],
                got,
                response.status()
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "permission matrix violations:\n{}",
        failures.join("\n")
    );
}

#[actix_web::test]
async fn matrix_anonymous() {
    check_role(None, 0).await;
}

#[actix_web::test]
async fn matrix_paralegal() {
    check_role(Some(Role::Paralegal), 1).await;
}

#[actix_web::test]
async fn matrix_lawyer() {
    check_role(Some(Role::Lawyer), 2).await;
}

#[actix_web::test]
async fn matrix_admin() {
    check_role(Some(Role::Admin), 3).await;
}
