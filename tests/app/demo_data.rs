//! Demo data (the `refuge-demo` crate) on the test database (SQLite, or PostgreSQL with
//! `REFUGE_TEST_POSTGRES_URL`): the loader makes the requested clients and cases, the same
//! ones for the same seed, with stage histories that follow the allowed transitions, numbered
//! apart from the office's; it refuses an office's database; `--remove` deletes exactly the
//! demo records; a demo office shows its banner on every page and serves its demo staff.

use diesel::prelude::*;
use refuge::config::MailTransport;
use refuge::db::schema::{
    audit_log, case_deadlines, case_stage_history, cases, clients, name_keys, office_settings,
    staff,
};
use refuge::db::uuid::DbUuid;
use refuge::domain::case_stage::{self, CaseStage, ClaimKind};
use refuge::domain::staff::{Role, Staff};
use refuge::routes::cases::intake::form::IntakeForm;
use refuge::services::intake;
use refuge_demo::office::{self, DemoOfficeOptions, PreparedOffice};
use refuge_demo::records::{AssignedToDemoStaff, NotADemoDatabase, OfficeRecords};
use refuge_demo::{DemoOptions, DemoReport, load};

use crate::helpers::{
    PASSWORD, TestApp, TodayForTests, client, csrf_from, spawn_app, spawn_app_with,
};

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

fn options(app: &TestApp, clients: u32, seed: u64) -> DemoOptions {
    DemoOptions {
        clients,
        seed,
        today: app.clock.now_date(),
        // Several batches, to cover the batching.
        batch_size: 7,
        writers: 2,
        staff_password: Some(PASSWORD.to_string()),
    }
}

async fn load_demo(app: &TestApp, seed: u64) -> DemoReport {
    load_some(app, CLIENTS, seed).await
}

async fn load_some(app: &TestApp, clients: u32, seed: u64) -> DemoReport {
    load(&app.state, options(app, clients, seed), |_| {})
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
    // As `refuge-demo demo-data` finds a new database: no server has started on it.
    first
        .state
        .db
        .run(|conn| {
            diesel::delete(office_settings::table)
                .filter(office_settings::key.eq(refuge::db::office_settings::DEADLINE_RULES))
                .execute(conn)?;
            Ok(())
        })
        .await
        .expect("the rules' version forgotten");
    let report = load_demo(&first, 42).await;
    let version = first
        .state
        .db
        .run(|conn| {
            Ok(refuge::db::office_settings::value(
                conn,
                refuge::db::office_settings::DEADLINE_RULES,
            )?)
        })
        .await
        .expect("the rules' version");
    assert_eq!(
        version.as_deref(),
        Some(refuge::services::cases::DEADLINE_RULES_VERSION),
        "the next start need not recompute the demo's deadlines"
    );
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

/// Saves a minimal intake as `lawyer`: one of the office's own cases. Returns its reference.
async fn office_case(app: &TestApp, lawyer: &Staff) -> String {
    let form = IntakeForm::from_pairs(
        [
            ("client.given_name", "Олена"),
            ("client.family_name", "Real"),
        ]
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string())),
    );
    intake::save(
        &app.state,
        lawyer,
        None,
        form.parse().expect("form parses"),
        false,
        None,
    )
    .await
    .expect("intake saved")
    .reference
}

fn demo_staff(report: &DemoReport, role: Role) -> Staff {
    report
        .created_staff
        .iter()
        .find(|c| c.staff.role == role)
        .expect("a demo staff member of that role")
        .staff
        .clone()
}

async fn refusal(app: &TestApp) -> OfficeRecords {
    let err = load(&app.state, options(app, 3, 1), |_| {})
        .await
        .expect_err("demo data is refused");
    assert!(err.to_string().contains("refuge demo"), "{err}");
    err.downcast_ref::<NotADemoDatabase>()
        .expect("the refusal says why")
        .0
}

async fn references(app: &TestApp) -> Vec<String> {
    app.state
        .db
        .run(|conn| {
            Ok(cases::table
                .select(cases::reference)
                .order(cases::reference.asc())
                .load(conn)?)
        })
        .await
        .expect("references")
}

async fn staff_emails(app: &TestApp) -> Vec<String> {
    app.state
        .db
        .run(|conn| {
            Ok(staff::table
                .select(staff::email)
                .order(staff::email.asc())
                .load(conn)?)
        })
        .await
        .expect("emails")
}

/// (action, target id) of every audit entry.
async fn audit_entries(app: &TestApp) -> Vec<(String, Option<String>)> {
    app.state
        .db
        .run(|conn| {
            Ok(audit_log::table
                .select((audit_log::action, audit_log::target_id))
                .order(audit_log::id.asc())
                .load(conn)?)
        })
        .await
        .expect("audit entries")
}

#[actix_web::test]
async fn demo_data_is_refused_where_the_office_has_staff() {
    let app = spawn_app().await;
    app.create_staff(Role::Lawyer, "lawyer@office.example.org")
        .await;
    let office = refusal(&app).await;
    assert_eq!(office.staff, 1);
    assert!(references(&app).await.is_empty(), "nothing was written");
}

#[actix_web::test]
async fn demo_data_is_refused_once_a_case_of_the_office_is_added() {
    let app = spawn_app().await;
    let report = load_some(&app, 3, 1).await;
    // Someone took a real intake in the demo database as a demo lawyer.
    office_case(&app, &demo_staff(&report, Role::Lawyer)).await;
    let office = refusal(&app).await;
    assert_eq!((office.staff, office.clients, office.cases), (0, 1, 1));
}

#[actix_web::test]
async fn demo_cases_are_numbered_apart_from_the_offices() {
    let app = spawn_app().await;
    let report = load_some(&app, 3, 1).await;
    let year = app.clock.now_date().format("%Y").to_string();
    let office = office_case(&app, &demo_staff(&report, Role::Lawyer)).await;
    assert_eq!(office, format!("R-{year}-00001"), "the office's numbering");
    let demo: Vec<String> = references(&app)
        .await
        .into_iter()
        .filter(|r| *r != office)
        .collect();
    assert_eq!(demo.len(), 3);
    assert!(demo.iter().all(|r| r.starts_with("D-")), "{demo:?}");
}

/// An office that loaded demo data, then added a lawyer of its own who took an intake.
struct MixedOffice {
    app: TestApp,
    /// The ids of the demo staff, clients and cases.
    demo_ids: Vec<String>,
    office_reference: String,
}

async fn mixed_office() -> MixedOffice {
    let app = spawn_app().await;
    let report = load_some(&app, 4, 1).await;
    let mut demo_ids: Vec<String> = app
        .state
        .db
        .run(|conn| {
            let cases: Vec<(DbUuid, DbUuid)> = cases::table
                .select((cases::id, cases::client_id))
                .load(conn)?;
            Ok(cases
                .into_iter()
                .flat_map(|(case, client)| [case.0.to_string(), client.0.to_string()])
                .collect())
        })
        .await
        .expect("demo ids");
    demo_ids.extend(
        report
            .created_staff
            .iter()
            .map(|c| c.staff.id.as_uuid().to_string()),
    );
    let lawyer = app
        .create_staff(Role::Lawyer, "lawyer@office.example.org")
        .await;
    let office_reference = office_case(&app, &lawyer).await;
    MixedOffice {
        app,
        demo_ids,
        office_reference,
    }
}

#[actix_web::test]
async fn removing_demo_data_deletes_every_demo_record_and_its_audit_entries() {
    let office = mixed_office().await;
    let app = &office.app;
    let removed = refuge_demo::remove(&app.state).await.expect("removed");
    assert_eq!((removed.clients, removed.cases), (4, 4));
    assert!(
        removed.staff >= 3,
        "admin, lawyers, paralegals: {removed:?}"
    );
    assert_eq!(references(app).await, vec![office.office_reference.clone()]);
    assert!(
        !staff_emails(app)
            .await
            .iter()
            .any(|e| e.ends_with("@demo-office.example")),
        "demo staff are gone"
    );
    let left: Vec<_> = audit_entries(app)
        .await
        .into_iter()
        .filter(|(_, target)| target.as_ref().is_some_and(|t| office.demo_ids.contains(t)))
        .collect();
    assert!(
        left.is_empty(),
        "audit entries about demo records: {left:?}"
    );
}

#[actix_web::test]
async fn removing_demo_data_keeps_the_offices_records_and_audits_itself() {
    let office = mixed_office().await;
    let app = &office.app;
    let is_office_entry = |(_, target): &(String, Option<String>)| {
        !target.as_ref().is_some_and(|t| office.demo_ids.contains(t))
    };
    let before: Vec<_> = audit_entries(app)
        .await
        .into_iter()
        .filter(is_office_entry)
        .collect();
    refuge_demo::remove(&app.state).await.expect("removed");
    assert_eq!(references(app).await, vec![office.office_reference.clone()]);
    assert_eq!(
        staff_emails(app).await,
        vec!["lawyer@office.example.org".to_string()]
    );
    let after = audit_entries(app).await;
    assert_eq!(
        after[..before.len()],
        before[..],
        "the office's entries stay"
    );
    assert_eq!(
        after.last().map(|e| e.0.as_str()),
        Some("demo_data.removed")
    );
    // The demo entries stood outside the hash chain: removing them broke no link.
    app.state
        .db
        .run(|conn| {
            refuge::services::audit::verify_chain(conn, None)
                .map_err(refuge::error::AppError::internal)
        })
        .await
        .expect("the chain is intact");
}

#[actix_web::test]
async fn removing_demo_data_is_refused_while_an_office_case_is_assigned_to_demo_staff() {
    let office = mixed_office().await;
    let app = &office.app;
    let demo_lawyer = office.demo_ids.last().cloned().expect("demo staff");
    let case = office.office_reference.clone();
    app.state
        .db
        .run(move |conn| {
            let lawyer = DbUuid(demo_lawyer.parse().expect("uuid"));
            diesel::update(cases::table.filter(cases::reference.eq(case)))
                .set(cases::paralegal_id.eq(Some(lawyer)))
                .execute(conn)?;
            Ok(())
        })
        .await
        .expect("assigned");
    let err = refuge_demo::remove(&app.state).await.expect_err("refused");
    let refusal = err
        .downcast_ref::<AssignedToDemoStaff>()
        .expect("the refusal names the cases");
    assert_eq!(refusal.0, vec![office.office_reference.clone()]);
    assert_eq!(references(app).await.len(), 5, "nothing was removed");
}

#[actix_web::test]
async fn a_demo_office_shows_the_demo_banner_on_every_page() {
    let app = spawn_app_with(|settings| settings.demo = true).await;
    let (_, login) = app.page(&client(), "/login").await;
    assert!(login.contains(r#"class="demo-banner""#), "{login}");
}

#[actix_web::test]
async fn an_office_shows_no_demo_banner() {
    let app = spawn_app().await;
    let (_, login) = app.page(&client(), "/login").await;
    assert!(login.contains("<main"), "{login}");
    assert!(!login.contains("demo-banner"), "{login}");
}

/// `refuge demo`'s preparation on a temporary directory, then the real server on it.
async fn start_demo_office(data_dir: &std::path::Path) -> (String, PreparedOffice) {
    let mut settings = refuge::config::Settings {
        listen: "127.0.0.1:0".into(),
        ..Default::default()
    };
    settings.mail.worker = false;
    // The office's own mail server, which a demo office must never use.
    settings.mail.transport = MailTransport::Smtp;
    settings.mail.smtp.host = "mail.office.example.org".into();
    let options = DemoOfficeOptions {
        data_dir: data_dir.to_path_buf(),
        clients: 3,
        seed: 1,
        today: crate::helpers::start_time().date_naive(),
    };
    let prepared = office::prepare(settings, options, |_| {})
        .await
        .expect("the demo office is prepared");
    let clock = std::sync::Arc::new(refuge::clock::ManualClock::new(crate::helpers::start_time()));
    let app = refuge::startup::Application::build(prepared.settings.clone(), clock)
        .await
        .expect("the demo office starts");
    let address = format!("http://127.0.0.1:{}", app.port());
    actix_web::rt::spawn(app.run_until_stopped());
    (address, prepared)
}

/// Signs in through the login form: the response's status.
async fn sign_in(address: &str, email: &str, password: &str) -> (reqwest::Client, u16) {
    let client = client();
    let login = client
        .get(format!("{address}/login"))
        .send()
        .await
        .expect("login page")
        .text()
        .await
        .expect("body");
    let csrf = csrf_from(&login).expect("CSRF token");
    let response = client
        .post(format!("{address}/login"))
        .form(&[
            ("csrf_token", csrf.as_str()),
            ("email", email),
            ("password", password),
        ])
        .send()
        .await
        .expect("login request");
    let status = response.status().as_u16();
    (client, status)
}

#[actix_web::test]
async fn refuge_demo_fills_its_own_database_and_lets_its_staff_in() {
    let dir = crate::helpers::private_tempdir();
    let (address, prepared) = start_demo_office(dir.path()).await;
    assert_eq!(prepared.database, dir.path().join("demo.db"));
    assert!(prepared.database.is_file());
    assert_eq!(prepared.loaded.map(|l| l.clients), Some(3));
    assert_eq!(prepared.settings.mail.transport, MailTransport::File);
    assert_eq!(
        prepared.settings.mail.directory,
        dir.path().join("demo-mail").display().to_string()
    );
    let lawyer = prepared
        .staff
        .iter()
        .find(|s| s.role == Role::Lawyer)
        .expect("a demo lawyer");
    let (client, status) = sign_in(&address, &lawyer.email, &prepared.password).await;
    assert_eq!(status, 303, "the printed password signs in");
    let cases = client
        .get(format!("{address}/cases"))
        .send()
        .await
        .expect("case list")
        .text()
        .await
        .expect("body");
    assert!(cases.contains(r#"class="demo-banner""#), "{cases}");
    assert!(cases.contains(">D-20"), "demo references: {cases}");
}

#[actix_web::test]
async fn refuge_demo_started_again_keeps_its_data_and_changes_the_password() {
    let dir = crate::helpers::private_tempdir();
    let (_, first) = start_demo_office(dir.path()).await;
    let (address, second) = start_demo_office(dir.path()).await;
    assert!(second.loaded.is_none(), "filled only once");
    assert_ne!(first.password, second.password);
    let admin = &second.staff[0];
    let (_, old) = sign_in(&address, &admin.email, &first.password).await;
    assert_ne!(old, 303, "the previous password no longer signs in");
}

#[test]
fn an_installed_refuge_without_refuge_demo_says_how_to_get_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    // A copy alone in its directory: no refuge-demo beside it, and no cargo around it.
    let refuge = dir.path().join("refuge");
    std::fs::copy(env!("CARGO_BIN_EXE_refuge"), &refuge).expect("copied");
    let database = dir.path().join("office.db");
    let output = std::process::Command::new(&refuge)
        .args(["demo-data", "--clients", "3"])
        .current_dir(dir.path())
        .env_clear()
        .env("DATABASE_URL", &database)
        .output()
        .expect("refuge runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success());
    assert!(stderr.contains("refuge-demo program"), "{stderr}");
    assert!(stderr.contains("cargo run -- demo-data"), "{stderr}");
    assert!(!database.exists(), "the database was not touched");
}
