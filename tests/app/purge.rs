//! Issue 14, "a purge leaves nothing that identifies the person": a client's file with a
//! distinctive value in every field of the story (names, numbers, contacts, nationality, the
//! entry, the journey, the family, persecution), changed after saving, worked on (and filed
//! with I-589 items missing, for a reason), with mail queued and a form held for its page, is
//! purged; then every row of every table of the database, audit log and outbox included, is
//! read as text and none holds those values.
//! Runs on SQLite, and on PostgreSQL with `REFUGE_TEST_POSTGRES_URL`.

use diesel::prelude::*;
use diesel::sql_types::Text;
use refuge::db::DbConnection;
use refuge::domain::staff::Role;

use crate::helpers::{Session, TestApp, spawn_app};

#[derive(QueryableByName)]
struct TextRow {
    #[diesel(sql_type = Text)]
    row: String,
}

fn texts(conn: &mut DbConnection, sql: &str) -> QueryResult<Vec<String>> {
    Ok(diesel::sql_query(sql)
        .load::<TextRow>(conn)?
        .into_iter()
        .map(|r| r.row)
        .collect())
}

/// Every row of every table, as (table, the row as JSON text), with the `\"` of text that
/// holds JSON (audit details, notification details, held forms) unescaped so that a value
/// reads the same wherever it is stored, and each sealed value followed by its plaintext
/// (opened with the server's data keys): a purge must remove what is sealed too.
pub async fn every_row(app: &TestApp) -> Vec<(String, String)> {
    let keys = app.state.db.keys().clone();
    app.state
        .db
        .run(move |conn| {
            let mut out = Vec::new();
            let is_sqlite = matches!(conn, DbConnection::Sqlite(_));
            let tables = if is_sqlite {
                texts(
                    conn,
                    "SELECT name AS row FROM sqlite_master WHERE type = 'table' \
                     AND name NOT LIKE 'sqlite_%'",
                )?
            } else {
                texts(
                    conn,
                    "SELECT table_name::text AS row FROM information_schema.tables \
                     WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'",
                )?
            };
            assert!(tables.iter().any(|t| t == "audit_log"), "{tables:?}");
            for table in tables {
                let sql = if is_sqlite {
                    let columns = texts(
                        conn,
                        &format!("SELECT name AS row FROM pragma_table_info('{table}')"),
                    )?;
                    let columns: Vec<String> = columns.iter().map(|c| format!("\"{c}\"")).collect();
                    format!(
                        "SELECT json_array({}) AS row FROM \"{table}\"",
                        columns.join(", ")
                    )
                } else {
                    format!("SELECT row_to_json(t)::text AS row FROM \"{table}\" t")
                };
                for row in texts(conn, &sql)? {
                    let opened: Vec<String> = row
                        .split('"')
                        .filter(|part| part.starts_with("enc:v1:"))
                        .map(|sealed| {
                            keys.open(sealed.trim_end_matches('\\'))
                                .expect("a sealed value opens")
                        })
                        .collect();
                    let row = row.replace("\\\"", "\"");
                    out.push((table.clone(), format!("{row} {}", opened.join(" "))));
                }
            }
            Ok(out)
        })
        .await
        .expect("every row")
}

/// What identifies the client whose file is purged: free text that appears nowhere else,
/// numbers and dates no one else has, and codes as they are stored (quoted).
const NEEDLES: &[&str] = &[
    // Names.
    "Zqxfamily",
    "Zqxgiven",
    "Зкхфамилия",
    "Zqxalias",
    // Date of birth, numbers, contacts.
    "1931-02-17",
    "203114559",
    "ZQ7731904",
    "99173355201",
    "505 555 0199",
    "zqxmail",
    "zqxmsgr",
    "Zqxstreet",
    // Nationality and country of birth.
    "\"TV\"",
    "\"NR\"",
    // The entry.
    "1999-04-06",
    "Zqxport",
    "\"uniting_for_ukraine\"",
    "2031-09-13",
    // The family.
    "Zqxmother",
    "1929-08-23",
    "Zqxfamilynote",
    "\"fiance\"",
    // The journey.
    "Zqxcityfrom",
    "Zqxcityto",
    "1998-12-27",
    "\"on_foot\"",
    "Zqxlegnote",
    // Persecution.
    "1997-05-14",
    "Zqxplace",
    "\"security_service\"",
    "Zqxnarrative",
    ":417",
    "Zqxcharges",
    "Zqxoutcome",
    "Zqxevidence",
    // Changed after the first save.
    "Zqxport2",
    "Zqxnarrative2",
    // Worked on afterwards.
    "Zqxstagenote",
    "Zqxcasenote",
    "Zqxchecklistnote",
    "Zqxconflictnote",
    "Zqxheld",
    "Zqxoverridereason",
];

fn intake<'a>(lawyer: &'a str, paralegal: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("client.family_name", "Zqxfamily"),
        ("client.given_name", "Zqxgiven"),
        ("client.middle_name", "NONE"),
        ("client.native_name", "Зкхфамилия"),
        ("client.other_names", "Zqxalias"),
        ("client.date_of_birth", "1931-02-17"),
        ("client.country_of_birth", "NR"),
        ("client.nationalities", "TV"),
        ("client.a_number", "A-203-114-559"),
        ("client.passport_numbers", "ZQ7731904"),
        ("client.immigration_status", "in_proceedings"),
        ("client.phone", "+1 505 555 0199"),
        ("client.email", "zqxmail@example.net"),
        ("client.messenger", "Signal @zqxmsgr"),
        ("client.us_address", "77 Zqxstreet, Albuquerque NM"),
        ("entry.last_arrival_on", "1999-04-06"),
        ("entry.port_of_entry", "Zqxport"),
        ("entry.manner_of_entry", "uniting_for_ukraine"),
        ("entry.i94_number", "99173355201"),
        ("entry.parole_expires_on", "2031-09-13"),
        ("family.0.relationship", "fiance"),
        ("family.0.family_name", "Zqxmother"),
        ("family.0.given_name", "Zqxmother"),
        ("family.0.date_of_birth", "1929-08-23"),
        ("family.0.notes", "Zqxfamilynote"),
        ("journey.0.from_country", "TV"),
        ("journey.0.from_city", "Zqxcityfrom"),
        ("journey.0.to_country", "NR"),
        ("journey.0.to_city", "Zqxcityto"),
        ("journey.0.departed_on", "1998-12-27"),
        ("journey.0.mode", "on_foot"),
        ("journey.0.notes", "Zqxlegnote"),
        ("persecution.0.occurred_on", "1997-05-14"),
        ("persecution.0.place", "Zqxplace"),
        ("persecution.0.actor", "security_service"),
        ("persecution.0.description", "Zqxnarrative"),
        ("persecution.0.detention_days", "417"),
        ("persecution.0.charges", "Zqxcharges"),
        ("persecution.0.outcome", "Zqxoutcome"),
        ("persecution.0.evidence", "Zqxevidence"),
        ("claim.kind", "affirmative"),
        ("claim.lawyer_id", lawyer),
        ("claim.paralegal_id", paralegal),
    ]
}

async fn case_location(response: reqwest::Response) -> uuid::Uuid {
    if response.status() != 303 {
        let html = response.text().await.unwrap_or_default();
        let errors: Vec<&str> = html
            .split("class=\"field-error\" id=\"")
            .skip(1)
            .map(|e| &e[..e.find("</p>").unwrap_or(e.len())])
            .collect();
        panic!("the intake is not saved: {errors:?}");
    }
    let location = response
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .and_then(|l| l.strip_prefix("/cases/"))
        .expect("a redirect to the case");
    location.parse().expect("a case id")
}

async fn posted(app: &TestApp, who: &Session, path: &str, fields: &[(&str, &str)]) {
    let response = app.post_form(&who.client, path, fields).await;
    assert_eq!(response.status(), 303, "POST {path}");
}

/// The rows (table, row) that hold any of `needles`.
fn holding<'a>(rows: &'a [(String, String)], needles: &[&str]) -> Vec<(&'a str, String)> {
    rows.iter()
        .flat_map(|(table, row)| {
            needles
                .iter()
                .filter(|n| row.contains(**n))
                .map(move |n| (table.as_str(), n.to_string()))
        })
        .collect()
}

#[actix_web::test]
async fn a_purged_file_leaves_no_identifying_value_in_any_table() {
    let app = spawn_app().await;
    let admin = app.login_as(Role::Admin).await;
    let lawyer = app.login_as(Role::Lawyer).await;
    let paralegal = app.login_as(Role::Paralegal).await;
    // The lawyer takes stage changes in the daily digest: a digest will name the case.
    posted(
        &app,
        &lawyer,
        "/account/notifications",
        &[("stage_changed", "digest")],
    )
    .await;
    let (lawyer_id, paralegal_id) = (lawyer.staff.id.to_string(), paralegal.staff.id.to_string());

    let mut fields = intake(&lawyer_id, &paralegal_id);
    fields.push(("action", "complete"));
    let id = case_location(app.post_form(&lawyer.client, "/intake", &fields).await).await;
    let base = format!("/cases/{id}");
    let reference: String = app
        .state
        .db
        .run(move |conn| {
            use refuge::db::schema::cases;
            Ok(cases::table
                .find(refuge::db::uuid::DbUuid(id))
                .select(cases::reference)
                .first(conn)?)
        })
        .await
        .expect("the reference");

    // Changed after saving: the audit log records these changes.
    let mut changed = intake(&lawyer_id, &paralegal_id);
    for (name, value) in changed.iter_mut() {
        match *name {
            "entry.port_of_entry" => *value = "Zqxport2",
            "persecution.0.description" => *value = "Zqxnarrative2",
            "client.nationalities" => *value = "NR",
            _ => {}
        }
    }
    changed.push(("action", "complete"));
    posted(&app, &lawyer, &format!("{base}/intake"), &changed).await;
    // Worked on.
    // By the admin, so that the lawyer of record is told.
    posted(
        &app,
        &admin,
        &format!("{base}/stage"),
        &[("to", "conflict_check"), ("note", "Zqxstagenote")],
    )
    .await;
    posted(
        &app,
        &lawyer,
        &format!("{base}/conflict-check"),
        &[("outcome", "conflict"), ("reason", "Zqxconflictnote")],
    )
    .await;
    posted(
        &app,
        &lawyer,
        &format!("{base}/notes"),
        &[("body", "Zqxcasenote")],
    )
    .await;
    posted(
        &app,
        &lawyer,
        &format!("{base}/checklist"),
        &[
            ("item", "Passport"),
            ("status", "requested"),
            ("note", "Zqxchecklistnote"),
        ],
    )
    .await;
    // Filed with I-589 items missing, for a reason (from drafting, the conflict note kept).
    app.state
        .db
        .run(move |conn| {
            let now = refuge::clock::to_db(chrono::Utc::now());
            refuge::db::cases::set_stage(
                conn,
                id,
                refuge::domain::case_stage::CaseStage::Drafting,
                None,
                now,
            )?;
            Ok(())
        })
        .await
        .expect("at drafting");
    posted(
        &app,
        &lawyer,
        &format!("{base}/stage"),
        &[("to", "filed"), ("override_reason", "Zqxoverridereason")],
    )
    .await;
    let (_, _) = app.page(&lawyer.client, &base).await;
    // The day's digest is written (and waits to be sent).
    app.run_daily_scan().await;
    // A note typed after the lawyer's session ended, held for the case page.
    let now = refuge::clock::to_db(app.state.now());
    let held_fields = serde_json::json!([["body", "Zqxheld"]]).to_string();
    let held_page = base.clone();
    let held_action = format!("{base}/notes");
    let lawyer_id_typed = lawyer.staff.id;
    app.state
        .db
        .run(move |conn| {
            refuge::db::held_forms::insert(
                conn,
                &refuge::db::held_forms::NewHeldForm {
                    holder_hash: "holder",
                    staff_id: Some(lawyer_id_typed),
                    address: None,
                    page_path: &held_page,
                    action_path: &held_action,
                    fields: &held_fields,
                    now,
                    expires_at: now + chrono::Duration::hours(1),
                },
            )?;
            Ok(())
        })
        .await
        .expect("held form");

    // A second client, who stays: the scan finds what is there.
    let other = [
        ("client.family_name", "Survivorfamily"),
        ("client.given_name", "Vera"),
        ("client.middle_name", "NONE"),
        ("claim.kind", "affirmative"),
        ("action", "save_draft"),
    ];
    case_location(app.post_form(&lawyer.client, "/intake", &other).await).await;

    let before = every_row(&app).await;
    let mail = app.outbox().await;
    assert!(
        mail.iter().any(|m| m.case_id.map(|c| c.0) == Some(id)),
        "mail about the case is queued"
    );
    assert!(
        mail.iter()
            .any(|m| m.case_id.is_none() && m.text_body.contains(&reference)),
        "a digest names the case"
    );
    for needle in [
        "Zqxfamily",
        "Zqxnarrative2",
        "Zqxheld",
        "Zqxcasenote",
        "Zqxoverridereason",
    ] {
        assert!(
            !holding(&before, &[needle]).is_empty(),
            "{needle} is stored before the purge"
        );
    }

    posted(
        &app,
        &admin,
        &format!("{base}/purge"),
        &[("confirm", reference.as_str())],
    )
    .await;

    let after = every_row(&app).await;
    let left = holding(&after, NEEDLES);
    assert!(left.is_empty(), "left after the purge: {left:?}");
    // Only the audit log still names the case, by reference.
    let named: Vec<&str> = holding(&after, &[reference.as_str()])
        .into_iter()
        .map(|(table, _)| table)
        .filter(|table| *table != "audit_log")
        .collect();
    assert!(named.is_empty(), "the reference is left in {named:?}");
    assert!(
        after
            .iter()
            .any(|(table, row)| table == "clients" && row.contains("Survivorfamily")),
        "the other client stays, and the scan sees their row"
    );
}
