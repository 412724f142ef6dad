//! `/api/v1/cases…`: the intake and the case file as JSON, with the pages' rules.

use refuge::domain::staff::Role;
use serde_json::{Value, json};

use crate::helpers::{PASSWORD, TestApp, client, spawn_app};

async fn token(app: &TestApp, role: Role) -> (String, String) {
    let email = format!(
        "{role}-{}@office.example.org",
        uuid::Uuid::new_v4().simple()
    );
    let staff = app.create_staff(role, &email).await;
    (app.api_token(&email, PASSWORD).await, staff.id.to_string())
}

fn intake(lawyer_id: &str, paralegal_id: Option<&str>) -> Value {
    json!({
        "client": {
            "family_name": "Petrova",
            "given_name": "Iuliia",
            "middle_name": "NONE",
            "native_name": "Юлия Петрова",
            "date_of_birth": "1979-09-01",
            "nationalities": ["ru"],
            "languages": ["ru", "en"],
            "a_number": "A-123-456-789"
        },
        "entry": { "last_arrival_on": "2026-02-24", "port_of_entry": "San Ysidro", "manner_of_entry": "port_parole" },
        "journey": [
            { "from_country": "RU", "from_city": "Moscow", "to_country": "UZ", "to_city": "Tashkent", "mode": "air" },
            { "from_country": "MX", "from_city": "Tijuana", "to_country": "US", "to_city": "San Ysidro", "mode": "on_foot", "arrived_on": "2026-02-24" }
        ],
        "persecution": [{ "occurred_on": "2022-02-24", "actor": "police", "description": "Arrested at an anti-war protest", "detention_days": 2 }],
        "family": [{ "relationship": "fiance", "given_name": "Artem", "in_us": true }],
        "claim": { "kind": "affirmative", "lawyer_id": lawyer_id, "paralegal_id": paralegal_id }
    })
}

#[actix_web::test]
async fn a_case_is_created_read_edited_and_moved_through_the_api() {
    let app = spawn_app().await;
    let (lawyer, lawyer_id) = token(&app, Role::Lawyer).await;
    let (paralegal, paralegal_id) = token(&app, Role::Paralegal).await;

    let created = client()
        .post(app.url("/api/v1/cases"))
        .bearer_auth(&lawyer)
        .json(&json!({ "intake": intake(&lawyer_id, Some(&paralegal_id)), "complete": true }))
        .send()
        .await
        .expect("request");
    assert_eq!(created.status(), 201);
    let created: Value = created.json().await.expect("json");
    let id = created["id"].as_str().expect("id").to_string();
    assert!(
        created["reference"]
            .as_str()
            .is_some_and(|r| r.starts_with("R-2026-"))
    );

    let case: Value = client()
        .get(app.url(&format!("/api/v1/cases/{id}")))
        .bearer_auth(&paralegal)
        .send()
        .await
        .expect("request")
        .json()
        .await
        .expect("json");
    assert_eq!(case["stage"], "inquiry");
    assert_eq!(case["intake"]["client"]["native_name"], "Юлия Петрова");
    assert_eq!(case["intake"]["client"]["a_number"], "123456789");
    // The API speaks the stored codes of every vocabulary.
    assert_eq!(case["intake"]["entry"]["manner_of_entry"], "port_parole");
    assert_eq!(case["intake"]["journey"][1]["to_city"], "San Ysidro");
    // The one-year deadline: 2027-02-24 is a Wednesday.
    assert!(
        case["deadlines"]
            .as_array()
            .expect("deadlines")
            .iter()
            .any(|d| d["kind"] == "one_year_filing" && d["due_on"] == "2027-02-24"),
        "{}",
        case["deadlines"]
    );
    assert_eq!(
        case["allowed_next"],
        json!(["conflict_check", "declined", "withdrawn", "closed"])
    );

    // The assigned paralegal moves the case; an impossible move is a 409 problem.
    let moved = client()
        .post(app.url(&format!("/api/v1/cases/{id}/transitions")))
        .bearer_auth(&paralegal)
        .json(&json!({ "to": "conflict_check", "note": "checking" }))
        .send()
        .await
        .expect("request");
    assert_eq!(moved.status(), 200);
    let refused = client()
        .post(app.url(&format!("/api/v1/cases/{id}/transitions")))
        .bearer_auth(&lawyer)
        .json(&json!({ "to": "nta_served" }))
        .send()
        .await
        .expect("request");
    assert_eq!(refused.status(), 409);
    assert_eq!(
        refused.headers()["content-type"],
        "application/problem+json"
    );
    let problem: Value = refused.json().await.expect("json");
    assert!(
        problem["detail"]
            .as_str()
            .is_some_and(|d| d.contains("Notice to Appear")),
        "{problem}"
    );

    // Editing replaces the intake.
    let mut changed = intake(&lawyer_id, Some(&paralegal_id));
    changed["client"]["given_name"] = json!("Yulia");
    let edited = client()
        .put(app.url(&format!("/api/v1/cases/{id}/intake")))
        .bearer_auth(&lawyer)
        .json(&json!({ "intake": changed, "complete": true }))
        .send()
        .await
        .expect("request");
    assert_eq!(edited.status(), 200);
    let case: Value = client()
        .get(app.url(&format!("/api/v1/cases/{id}")))
        .bearer_auth(&lawyer)
        .send()
        .await
        .expect("request")
        .json()
        .await
        .expect("json");
    assert_eq!(case["intake"]["client"]["given_name"], "Yulia");
    assert_eq!(case["history"].as_array().map(Vec::len), Some(2));
}

#[actix_web::test]
async fn bad_intakes_are_problems_with_field_paths_and_save_nothing() {
    let app = spawn_app().await;
    let (lawyer, lawyer_id) = token(&app, Role::Lawyer).await;
    let mut body = intake(&lawyer_id, None);
    body["client"]["nationalities"] = json!(["RU", "Narnia"]);
    body["journey"][1]["departed_on"] = json!("2026-03-01");
    body["client"]["family_name"] = json!("");
    let response = client()
        .post(app.url("/api/v1/cases"))
        .bearer_auth(&lawyer)
        .json(&json!({ "intake": body, "complete": true }))
        .send()
        .await
        .expect("request");
    assert_eq!(response.status(), 422);
    let problem: Value = response.json().await.expect("json");
    let fields: Vec<&str> = problem["errors"]
        .as_array()
        .expect("errors")
        .iter()
        .filter_map(|e| e["field"].as_str())
        .collect();
    for field in [
        "client.nationalities",
        "client.family_name",
        "journey.1.arrived_on",
    ] {
        assert!(fields.contains(&field), "{field} not in {fields:?}");
    }

    for (body, why) in [
        (
            json!({ "intake": { "client": { "sex": "alien" } } }),
            "unknown vocabulary value",
        ),
        (
            json!({ "intake": { "client": { "date_of_birth": "12/03/1984" } } }),
            "malformed date",
        ),
        (json!({ "intake": {}, "urgent": true }), "unknown field"),
        (
            json!({ "intake": { "client": { "given_name": 7 } } }),
            "wrong type",
        ),
    ] {
        let response = client()
            .post(app.url("/api/v1/cases"))
            .bearer_auth(&lawyer)
            .json(&body)
            .send()
            .await
            .expect("request");
        assert_eq!(response.status(), 400, "{why}");
    }
    let count: i64 = app
        .state
        .db
        .run(|conn| {
            use diesel::prelude::*;
            Ok(refuge::db::schema::cases::table.count().get_result(conn)?)
        })
        .await
        .expect("count");
    assert_eq!(count, 0, "nothing was saved");
}

#[actix_web::test]
async fn paralegals_neither_take_intakes_nor_see_unassigned_cases() {
    let app = spawn_app().await;
    let (lawyer, lawyer_id) = token(&app, Role::Lawyer).await;
    let (paralegal, _) = token(&app, Role::Paralegal).await;
    let response = client()
        .post(app.url("/api/v1/cases"))
        .bearer_auth(&paralegal)
        .json(&json!({ "intake": intake(&lawyer_id, None) }))
        .send()
        .await
        .expect("request");
    assert_eq!(response.status(), 403);

    let created: Value = client()
        .post(app.url("/api/v1/cases"))
        .bearer_auth(&lawyer)
        .json(&json!({ "intake": intake(&lawyer_id, None) }))
        .send()
        .await
        .expect("request")
        .json()
        .await
        .expect("json");
    let id = created["id"].as_str().expect("id");
    for (method, path, body) in [
        (reqwest::Method::GET, format!("/api/v1/cases/{id}"), None),
        (
            reqwest::Method::POST,
            format!("/api/v1/cases/{id}/transitions"),
            Some(json!({ "to": "conflict_check" })),
        ),
        (
            reqwest::Method::PUT,
            format!("/api/v1/cases/{id}/intake"),
            Some(json!({ "intake": intake(&lawyer_id, None) })),
        ),
    ] {
        let mut request = client()
            .request(method, app.url(&path))
            .bearer_auth(&paralegal);
        if let Some(body) = body {
            request = request.json(&body);
        }
        assert_eq!(
            request.send().await.expect("request").status(),
            403,
            "{path}"
        );
    }
    let unknown = client()
        .get(app.url(&format!("/api/v1/cases/{}", uuid::Uuid::new_v4())))
        .bearer_auth(&lawyer)
        .send()
        .await
        .expect("request");
    assert_eq!(unknown.status(), 404);
}

#[actix_web::test]
async fn the_assigned_paralegal_works_the_case_through_the_api() {
    let app = spawn_app().await;
    let (lawyer, lawyer_id) = token(&app, Role::Lawyer).await;
    let (paralegal, paralegal_id) = token(&app, Role::Paralegal).await;
    let (stranger, _) = token(&app, Role::Paralegal).await;
    let created: Value = client()
        .post(app.url("/api/v1/cases"))
        .bearer_auth(&lawyer)
        .json(&json!({ "intake": intake(&lawyer_id, Some(&paralegal_id)), "complete": true }))
        .send()
        .await
        .expect("request")
        .json()
        .await
        .expect("json");
    let id = created["id"].as_str().expect("id").to_string();
    let send = |token: &str, method: reqwest::Method, path: &str, body: Value| {
        client()
            .request(method, app.url(&format!("/api/v1/cases/{id}{path}")))
            .bearer_auth(token)
            .json(&body)
            .send()
    };

    let dates = json!({ "i589_filed_on": "2026-03-02", "i589_received_on": "2026-03-05" });
    assert_eq!(
        send(&stranger, reqwest::Method::PUT, "/key-dates", dates.clone())
            .await
            .expect("request")
            .status(),
        403
    );
    assert_eq!(
        send(&paralegal, reqwest::Method::PUT, "/key-dates", dates)
            .await
            .expect("request")
            .status(),
        204
    );
    let exception = json!({ "one_year_exception": "changed_circumstances", "one_year_exception_until": "2027-06-01" });
    assert_eq!(
        send(&paralegal, reqwest::Method::PUT, "/key-dates", exception)
            .await
            .expect("request")
            .status(),
        403,
        "the exception is the lawyer's judgment"
    );
    let hearing = json!({ "kind": "interview", "date": "2026-12-10", "time": "09:30", "place": "Asylum office" });
    let added = send(&paralegal, reqwest::Method::POST, "/events", hearing)
        .await
        .expect("request");
    assert_eq!(added.status(), 201);
    let interview = added.json::<Value>().await.expect("json")["id"]
        .as_str()
        .expect("event id")
        .to_string();

    // What happened at an event: recorded once it has taken place, never empty.
    let biometrics: Value = send(
        &paralegal,
        reqwest::Method::POST,
        "/events",
        json!({ "kind": "biometrics", "date": "2026-11-02", "time": "10:00" }),
    )
    .await
    .expect("request")
    .json()
    .await
    .expect("json");
    let biometrics = biometrics["id"].as_str().expect("event id").to_string();
    let outcome = |event: &str| format!("/events/{event}/outcome");
    let refused = |status: u16, response: reqwest::Response| async move {
        assert_eq!(response.status(), status);
        assert_eq!(
            response.headers()["content-type"],
            "application/problem+json"
        );
        response.json::<Value>().await.expect("problem")
    };
    let problem = refused(
        422,
        send(
            &paralegal,
            reqwest::Method::PUT,
            &outcome(&interview),
            json!({ "outcome": "Interviewed" }),
        )
        .await
        .expect("request"),
    )
    .await;
    assert_eq!(problem["errors"][0]["field"], "outcome", "{problem}");
    assert!(
        problem["errors"][0]["message"]
            .as_str()
            .is_some_and(|m| m.contains("has not happened yet")),
        "{problem}"
    );
    let problem = refused(
        422,
        send(
            &paralegal,
            reqwest::Method::PUT,
            &outcome(&biometrics),
            json!({ "outcome": " " }),
        )
        .await
        .expect("request"),
    )
    .await;
    assert_eq!(problem["errors"][0]["field"], "outcome", "{problem}");
    for (token, path, body, status) in [
        (&paralegal, outcome(&biometrics), json!({}), 400),
        (
            &paralegal,
            outcome(&biometrics),
            json!({ "outcome": "Done", "by": "me" }),
            400,
        ),
        (
            &paralegal,
            outcome(&uuid::Uuid::new_v4().to_string()),
            json!({ "outcome": "Done" }),
            404,
        ),
        (
            &stranger,
            outcome(&biometrics),
            json!({ "outcome": "Done" }),
            403,
        ),
    ] {
        refused(
            status,
            send(token, reqwest::Method::PUT, &path, body)
                .await
                .expect("request"),
        )
        .await;
    }
    assert_eq!(
        send(
            &paralegal,
            reqwest::Method::PUT,
            &outcome(&biometrics),
            json!({ "outcome": "Fingerprints taken" }),
        )
        .await
        .expect("request")
        .status(),
        204
    );
    // The case file lists its events with their ids and outcomes, soonest first.
    let file: Value = client()
        .get(app.url(&format!("/api/v1/cases/{id}")))
        .bearer_auth(&paralegal)
        .send()
        .await
        .expect("request")
        .json()
        .await
        .expect("json");
    let outcomes: Vec<(&str, &str)> = file["events"]
        .as_array()
        .expect("events")
        .iter()
        .map(|e| {
            (
                e["id"].as_str().unwrap_or_default(),
                e["outcome"].as_str().unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(
        outcomes,
        [
            (biometrics.as_str(), "Fingerprints taken"),
            (interview.as_str(), "")
        ]
    );
    assert_eq!(file["events"][1]["scheduled_at"], "2026-12-10T09:30:00");
    let item: Value = send(
        &paralegal,
        reqwest::Method::POST,
        "/checklist",
        json!({ "item": "Passport translation" }),
    )
    .await
    .expect("request")
    .json()
    .await
    .expect("json");
    let item_id = item["id"].as_str().expect("item id");
    let patched = send(
        &paralegal,
        reqwest::Method::PATCH,
        &format!("/checklist/{item_id}"),
        json!({ "status": "translated" }),
    )
    .await
    .expect("request");
    assert_eq!(patched.status(), 204);
    let bad = send(
        &paralegal,
        reqwest::Method::PATCH,
        &format!("/checklist/{item_id}"),
        json!({ "status": "lost" }),
    )
    .await
    .expect("request");
    assert_eq!(bad.status(), 422);
    assert_eq!(
        send(
            &paralegal,
            reqwest::Method::POST,
            "/notes",
            json!({ "body": "Client called" })
        )
        .await
        .expect("request")
        .status(),
        201
    );
    assert_eq!(
        send(
            &paralegal,
            reqwest::Method::POST,
            "/notes",
            json!({ "body": "  " })
        )
        .await
        .expect("request")
        .status(),
        422
    );

    let case: Value = client()
        .get(app.url(&format!("/api/v1/cases/{id}")))
        .bearer_auth(&lawyer)
        .send()
        .await
        .expect("request")
        .json()
        .await
        .expect("json");
    let kinds: Vec<&str> = case["deadlines"]
        .as_array()
        .expect("deadlines")
        .iter()
        .filter_map(|d| d["kind"].as_str())
        .collect();
    assert!(
        !kinds.contains(&"one_year_filing"),
        "filed: the one-year deadline is gone: {kinds:?}"
    );
    for kind in ["interview", "ead_may_file", "ead_may_be_granted"] {
        assert!(kinds.contains(&kind), "{kind} missing from {kinds:?}");
    }
    assert_eq!(case["i589_filed_on"], "2026-03-02");
}

async fn get_json(app: &TestApp, token: &str, path: &str) -> (u16, Value) {
    let response = client()
        .get(app.url(path))
        .bearer_auth(token)
        .send()
        .await
        .expect("request");
    let status = response.status().as_u16();
    (status, response.json().await.expect("json"))
}

/// `POST /api/v1/clients/search` with `{"q": q}`: the query in the body, not the URL.
async fn search_json(app: &TestApp, token: &str, q: &str) -> (u16, Value) {
    let response = client()
        .post(app.url("/api/v1/clients/search"))
        .bearer_auth(token)
        .json(&serde_json::json!({ "q": q }))
        .send()
        .await
        .expect("request");
    let status = response.status().as_u16();
    (status, response.json().await.expect("json"))
}

#[actix_web::test]
async fn clients_are_found_and_cases_listed_through_the_api_with_the_pages_rules() {
    let app = spawn_app().await;
    let (lawyer, lawyer_id) = token(&app, Role::Lawyer).await;
    let (paralegal, paralegal_id) = token(&app, Role::Paralegal).await;
    // Yulia Petrova, assigned to the paralegal; a defensive case not assigned to her.
    let mut ids = Vec::new();
    for (body, complete) in [
        (intake(&lawyer_id, Some(&paralegal_id)), true),
        (
            {
                let mut other = intake(&lawyer_id, None);
                other["client"]["given_name"] = json!("Yevgeniy");
                other["client"]["native_name"] = json!("Евгений Петров");
                other["client"]["family_name"] = json!("Petrov");
                other["client"]["a_number"] = json!("987654321");
                other["claim"]["kind"] = json!("defensive");
                other
            },
            false,
        ),
    ] {
        let created: Value = client()
            .post(app.url("/api/v1/cases"))
            .bearer_auth(&lawyer)
            .json(&json!({ "intake": body, "complete": complete }))
            .send()
            .await
            .expect("request")
            .json()
            .await
            .expect("json");
        ids.push(
            created["reference"]
                .as_str()
                .expect("reference")
                .to_string(),
        );
    }

    // Search: a Cyrillic name by a Latin spelling, an A-number with dashes, a reference.
    let (status, found) = search_json(&app, &lawyer, "Юлия").await;
    assert_eq!(status, 200);
    let results = found["results"].as_array().expect("results");
    assert_eq!(
        results[0]["reference"],
        ids[0].as_str(),
        "Юлия finds Iuliia: {found}"
    );
    assert_eq!(results[0]["relationship"], Value::Null);
    assert_eq!(results[0]["name"], "Iuliia Petrova");
    let (_, found) = search_json(&app, &lawyer, "Evgeny").await;
    assert_eq!(found["results"][0]["reference"], ids[1].as_str(), "{found}");
    let (_, found) = search_json(&app, &lawyer, "A-987-654-321").await;
    assert_eq!(found["results"][0]["matched_by"], "a_number");
    assert_eq!(found["results"][0]["reference"], ids[1].as_str());
    let (_, found) = search_json(&app, &lawyer, &ids[1]).await;
    assert_eq!(found["results"][0]["matched_by"], "reference");
    // The fiancé is found as a family member of the client.
    let (_, found) = search_json(&app, &lawyer, "Artyom").await;
    assert_eq!(found["results"][0]["relationship"], "fiance", "{found}");
    assert_eq!(found["results"][0]["client_name"], "Iuliia Petrova");
    let (_, found) = search_json(&app, &lawyer, "a").await;
    assert_eq!(found["too_short"], true);
    // The paralegal finds only the case assigned to her.
    let (status, found) = search_json(&app, &paralegal, "Petrov").await;
    assert_eq!(status, 200);
    let refs: Vec<&str> = found["results"]
        .as_array()
        .expect("results")
        .iter()
        .filter_map(|r| r["reference"].as_str())
        .collect();
    assert!(
        refs.contains(&ids[0].as_str()) && !refs.contains(&ids[1].as_str()),
        "{found}"
    );

    // The list: the lawyer's own cases, filtered; the paralegal's assigned ones.
    let (status, listed) = get_json(&app, &lawyer, "/api/v1/cases").await;
    assert_eq!(status, 200);
    assert_eq!(listed["total"], 2);
    assert_eq!(listed["pages"], 1);
    let (_, listed) = get_json(&app, &lawyer, "/api/v1/cases?kind=defensive").await;
    assert_eq!(listed["total"], 1);
    assert_eq!(listed["cases"][0]["reference"], ids[1].as_str());
    assert_eq!(listed["cases"][0]["native_name"], "Евгений Петров");
    let (_, listed) = get_json(
        &app,
        &lawyer,
        "/api/v1/cases?one_year_within=365&sort=reference",
    )
    .await;
    assert_eq!(listed["total"], 2, "both arrived 2026-02-24: {listed}");
    assert_eq!(
        listed["cases"][0]["next_deadline"]["kind"],
        "one_year_filing"
    );
    assert_eq!(listed["cases"][0]["next_deadline"]["due_on"], "2027-02-24");
    let (_, listed) = get_json(&app, &paralegal, "/api/v1/cases?scope=all").await;
    assert_eq!(
        listed["total"], 1,
        "a paralegal sees her assigned cases only"
    );
    assert_eq!(listed["cases"][0]["reference"], ids[0].as_str());

    // Filters that cannot be read answer a problem naming each.
    let (status, problem) = get_json(
        &app,
        &lawyer,
        "/api/v1/cases?stage=granted-ish&hearing_within=many&lawyer=me",
    )
    .await;
    assert_eq!(status, 422);
    let fields: Vec<&str> = problem["errors"]
        .as_array()
        .expect("errors")
        .iter()
        .filter_map(|e| e["field"].as_str())
        .collect();
    assert_eq!(fields, ["stage", "lawyer", "hearing_within"], "{problem}");

    // Without a token: 401 problem documents.
    let response = client()
        .get(app.url("/api/v1/cases"))
        .send()
        .await
        .expect("request");
    assert_eq!(response.status(), 401);
    let response = client()
        .post(app.url("/api/v1/clients/search"))
        .json(&serde_json::json!({ "q": "Petrova" }))
        .send()
        .await
        .expect("request");
    assert_eq!(response.status(), 401);
    // The query-string search is gone: a name in a URL ends up in proxy logs.
    let (status, _) = get_text(&app, &lawyer, "/api/v1/clients?q=Petrova").await;
    assert_eq!(status, 404);
}

async fn get_text(app: &TestApp, token: &str, path: &str) -> (u16, String) {
    let response = client()
        .get(app.url(path))
        .bearer_auth(token)
        .send()
        .await
        .expect("request");
    let status = response.status().as_u16();
    (status, response.text().await.expect("body"))
}
