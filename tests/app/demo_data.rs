//! `refuge demo-data`: the loader fills the test database (SQLite, or PostgreSQL with
//! `REFUGE_TEST_POSTGRES_URL`) with the requested number of clients and cases, the same ones
//! for the same seed, with stage histories that follow the allowed transitions; and the
//! command itself runs and says how to sign in.

use std::process::{Command, Stdio};

use diesel::prelude::*;
use refuge::db::schema::{case_deadlines, case_stage_history, cases, clients, name_keys, staff};
use refuge::db::uuid::DbUuid;
use refuge::demo::{DemoOptions, load};
use refuge::domain::case_stage::{self, CaseStage, ClaimKind};

use crate::helpers::{PASSWORD, TestApp, TodayForTests, spawn_app};

const CLIENTS: u32 = 30;

/// (reference, given name, family name, native name, other names, stage, kind, lawyer's e-mail)
type CaseSummary = (
    String,
    String,
    String,
    String,
    String,
    String,
    Option<String>,
    Option<String>,
);

/// (case, from, to, the case's kind, the case's stage)
type HistoryRow = (DbUuid, Option<String>, String, Option<String>, String);

async fn load_demo(app: &TestApp, seed: u64) -> refuge::demo::DemoReport {
    let options = DemoOptions {
        clients: CLIENTS,
        seed,
        today: app.clock.now_date(),
        // Several batches, to cover the batching.
        batch_size: 7,
        writers: 2,
        staff_password: Some(PASSWORD.to_string()),
    };
    load(&app.state, options, |_| {})
        .await
        .expect("demo data loads")
}

async fn summaries(app: &TestApp) -> Vec<CaseSummary> {
    app.state
        .db
        .run(|conn| {
            Ok(cases::table
                .inner_join(clients::table)
                .left_join(staff::table.on(cases::lawyer_id.eq(staff::id.nullable())))
                .order(cases::reference.asc())
                .select((
                    cases::reference,
                    clients::given_name,
                    clients::family_name,
                    clients::native_name,
                    clients::other_names,
                    cases::stage,
                    cases::kind,
                    staff::email.nullable(),
                ))
                .load(conn)?)
        })
        .await
        .expect("cases load")
}

#[actix_web::test]
async fn demo_data_is_realistic_deterministic_and_follows_the_stage_rules() {
    let first = spawn_app().await;
    let report = load_demo(&first, 42).await;
    assert_eq!(report.clients, CLIENTS);
    // An empty office gets an admin, lawyers and paralegals, with the password given.
    let roles: Vec<String> = report
        .created_staff
        .iter()
        .map(|c| c.staff.role.as_str().to_string())
        .collect();
    assert!(roles.contains(&"admin".to_string()), "{roles:?}");
    assert!(roles.contains(&"lawyer".to_string()), "{roles:?}");
    assert!(roles.contains(&"paralegal".to_string()), "{roles:?}");
    assert!(report.created_staff.iter().all(|c| c.invitation.is_none()));
    let lawyer = &report
        .created_staff
        .iter()
        .find(|c| c.staff.role.as_str() == "lawyer")
        .expect("a demo lawyer")
        .staff;
    first.login(&lawyer.email, PASSWORD).await;

    let cases = summaries(&first).await;
    assert_eq!(cases.len(), CLIENTS as usize);
    let client_count: i64 = first
        .state
        .db
        .run(|conn| Ok(clients::table.count().get_result(conn)?))
        .await
        .expect("count");
    assert_eq!(client_count, i64::from(CLIENTS));
    let is_cyrillic = |c: char| ('\u{0400}'..='\u{04FF}').contains(&c);
    assert!(
        cases
            .iter()
            .filter(|c| c.3.chars().any(is_cyrillic))
            .count()
            >= 5,
        "names in Cyrillic: {cases:#?}"
    );
    assert!(
        cases.iter().any(|c| !c.4.is_empty()),
        "other spellings recorded"
    );
    assert!(
        cases.iter().all(|c| c.7.is_some()),
        "every case has a lawyer"
    );
    let kinds: std::collections::BTreeSet<_> = cases.iter().filter_map(|c| c.6.clone()).collect();
    assert!(kinds.len() >= 2, "claims of several kinds: {kinds:?}");
    let stages: std::collections::BTreeSet<_> = cases.iter().map(|c| c.5.clone()).collect();
    assert!(stages.len() >= 5, "mixed stages: {stages:?}");

    // Every stage history starts at inquiry and moves only as the claim's kind allows.
    let histories = first
        .state
        .db
        .run(|conn| {
            let rows: Vec<HistoryRow> = case_stage_history::table
                .inner_join(cases::table)
                .order((
                    case_stage_history::case_id.asc(),
                    case_stage_history::changed_at.asc(),
                    case_stage_history::id.asc(),
                ))
                .select((
                    case_stage_history::case_id,
                    case_stage_history::from_stage,
                    case_stage_history::to_stage,
                    cases::kind,
                    cases::stage,
                ))
                .load(conn)?;
            Ok(rows)
        })
        .await
        .expect("histories load");
    let mut by_case: std::collections::BTreeMap<uuid::Uuid, Vec<_>> = Default::default();
    for (case_id, from, to, kind, stage) in histories {
        by_case
            .entry(case_id.0)
            .or_default()
            .push((from, to, kind, stage));
    }
    assert_eq!(by_case.len(), CLIENTS as usize);
    let mut rows = 0;
    for (case_id, steps) in &by_case {
        let kind = steps[0]
            .2
            .as_deref()
            .map(|k| ClaimKind::parse(k).expect("known kind"))
            .expect("demo cases have a kind");
        let mut current: Option<CaseStage> = None;
        for (from, to, _, _) in steps {
            let from = from.as_deref().map(|s| CaseStage::parse(s).expect("stage"));
            let to = CaseStage::parse(to).expect("stage");
            assert_eq!(from, current, "{case_id}: history is a chain");
            match from {
                None => assert_eq!(to, CaseStage::Inquiry, "{case_id} starts at inquiry"),
                Some(from) => assert!(
                    case_stage::check_transition(kind, from, to).is_ok(),
                    "{case_id}: {from} → {to} is not allowed for {kind}"
                ),
            }
            current = Some(to);
        }
        assert_eq!(
            current.map(CaseStage::as_str),
            Some(steps[0].3.as_str()),
            "{case_id}: the case's stage is the history's last"
        );
        rows += steps.len();
    }
    assert!(
        rows >= 4 * CLIENTS as usize,
        "multi-step histories ({rows} rows)"
    );

    // The search index and the computed deadlines are maintained as for a real intake.
    let (indexed, with_deadlines) = first
        .state
        .db
        .run(|conn| {
            let indexed: Vec<DbUuid> = name_keys::table
                .select(name_keys::client_id)
                .distinct()
                .load(conn)?;
            let with_deadlines: Vec<DbUuid> = case_deadlines::table
                .select(case_deadlines::case_id)
                .distinct()
                .load(conn)?;
            Ok((indexed.len(), with_deadlines.len()))
        })
        .await
        .expect("counts");
    assert_eq!(indexed, CLIENTS as usize);
    assert!(
        with_deadlines >= 10,
        "{with_deadlines} cases with deadlines"
    );

    // The same seed into a fresh database gives the same people and histories.
    let second = spawn_app().await;
    load_demo(&second, 42).await;
    assert_eq!(summaries(&second).await, cases);
    drop(second);

    // Another seed gives other people.
    let third = spawn_app().await;
    load_demo(&third, 43).await;
    assert_ne!(summaries(&third).await, cases);
}

#[test]
fn the_command_loads_and_hands_out_invitations_without_a_password() {
    let dir = tempfile::tempdir().expect("temp dir");
    let config = dir.path().join("config");
    std::fs::create_dir_all(&config).expect("config dir");
    let database = dir.path().join("demo.db");
    let output = Command::new(env!("CARGO_BIN_EXE_refuge"))
        .args([
            "demo-data",
            "--clients",
            "5",
            "--seed",
            "3",
            "--today",
            "2026-11-23",
        ])
        .current_dir(dir.path())
        .env_clear()
        .env("DATABASE_URL", &database)
        .env("REFUGE_CONFIG_DIR", &config)
        .stdin(Stdio::null())
        .output()
        .expect("refuge runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stdout}\n{stderr}");
    assert!(stderr.contains("Loaded 5 clients"), "{stderr}");
    assert!(
        stdout.contains("@demo-office.example (lawyer) — invitation link: http"),
        "{stdout}"
    );
    assert!(!stdout.to_lowercase().contains("password:"), "{stdout}");

    // Run again: the office now has staff, so no accounts are added; the clients are.
    let again = Command::new(env!("CARGO_BIN_EXE_refuge"))
        .args(["demo-data", "--clients", "3", "--seed", "4"])
        .current_dir(dir.path())
        .env_clear()
        .env("DATABASE_URL", &database)
        .env("REFUGE_CONFIG_DIR", &config)
        .stdin(Stdio::null())
        .output()
        .expect("refuge runs");
    let stdout = String::from_utf8_lossy(&again.stdout);
    assert!(again.status.success(), "{stdout}");
    assert!(!stdout.contains("invitation link"), "{stdout}");
    let mut conn = diesel::SqliteConnection::establish(&database.display().to_string())
        .expect("database opens");
    let count: i64 = diesel::sql_query("SELECT COUNT(*) AS n FROM clients")
        .get_result::<Count>(&mut conn)
        .expect("count")
        .n;
    assert_eq!(count, 8);
}

#[derive(QueryableByName)]
struct Count {
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    n: i64,
}
