//! The nightly backup (`services::nightly_backup`), on the pinned clock: it runs once a day
//! from its time on and writes a backup that `restore` accepts, keeps the newest N, records a
//! failed run, and a failed or missing backup shows on the admin home page (not on anyone
//! else's) and in `/healthz`; the server's worker runs it; a server with nightly backups and
//! no key refuses to start.

use std::collections::BTreeMap;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use chrono::Duration;
use refuge::backup::encryption::Unlock;
use refuge::db::Db;
use refuge::domain::nightly_backup::BackupHealth;
use refuge::domain::staff::Role;
use refuge::services::nightly_backup::{self, BackupRun};
use serde_json::{Value, json};

use crate::helpers::{
    NowForTests, TestApp, client, fresh_database, private_tempdir, spawn_app_with, start_time,
    test_settings,
};

/// The test office's nightly backup time: an hour after the suite's start (14:00 UTC).
const NIGHTLY_AT: &str = "15:00";

/// A server with nightly backups into `directory`, encrypted to a new key; returns the key.
async fn app_with_nightly_backups(
    directory: &Path,
    keep: usize,
) -> (TestApp, age::x25519::Identity) {
    let identity = age::x25519::Identity::generate();
    let recipient = identity.to_public().to_string();
    let directory = directory.display().to_string();
    let app = spawn_app_with(move |settings| {
        settings.backup.nightly = true;
        settings.backup.nightly_at = NIGHTLY_AT.into();
        settings.backup.directory = directory;
        settings.backup.keep = keep;
        settings.backup.recipients = vec![recipient];
    })
    .await;
    (app, identity)
}

/// Moves the clock to the next nightly backup time and lets the job run, as the worker would.
async fn next_night(app: &TestApp) -> BackupRun {
    let now = app.clock.as_ref().now_for_tests();
    let today_at = now
        .date_naive()
        .and_hms_opt(15, 0, 0)
        .expect("time")
        .and_utc();
    let next = if today_at > now {
        today_at
    } else {
        today_at + Duration::days(1)
    };
    app.clock.set(next);
    nightly_backup::run_if_due(&app.state)
        .await
        .expect("the run is recorded")
        .expect("the backup is due")
}

/// The file names in `directory`, sorted.
fn names_in(directory: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(directory)
        .expect("backup directory")
        .map(|entry| {
            entry
                .expect("entry")
                .file_name()
                .into_string()
                .expect("name")
        })
        .collect();
    names.sort();
    names
}

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path)
        .expect("metadata")
        .permissions()
        .mode()
        & 0o777
}

async fn healthz(app: &TestApp) -> (u16, Value) {
    let response = client()
        .get(app.url("/healthz"))
        .send()
        .await
        .expect("healthz");
    let status = response.status().as_u16();
    (status, response.json().await.expect("JSON"))
}

/// The backup warning on the home page `role` sees: `None` when there is none.
async fn home_backup_warning(app: &TestApp, role: Role) -> Option<String> {
    let session = app.login_as(role).await;
    let (status, html) = app.page(&session.client, "/").await;
    assert_eq!(status, 200, "{role:?} sees the home page");
    assert!(html.contains("id=\"main\""), "the home page itself: {html}");
    let start = html.find("id=\"backup-warning\"")?;
    let rest = &html[start..];
    Some(rest[..rest.find("</p>").unwrap_or(rest.len())].to_string())
}

/// Every table's (rows, checksum) but the scheduler's bookkeeping.
async fn digest_of(url: &str) -> BTreeMap<String, (u64, String)> {
    let url = url.to_string();
    actix_web::web::block(move || {
        let db = Db::connect_without_keys(&url, 1).expect("the database opens");
        let mut conn = db.get().expect("connection");
        refuge::backup::digest(&mut conn)
            .expect("digest")
            .into_iter()
            .filter(|table| table.name != "scheduled_runs")
            .map(|table| (table.name, (table.rows, table.checksum)))
            .collect()
    })
    .await
    .expect("blocking task")
}

#[actix_web::test]
async fn the_nightly_backup_runs_once_a_day_from_its_time_and_restores() {
    let work = private_tempdir();
    let directory = work.path().join("backups");
    let (app, identity) = app_with_nightly_backups(&directory, 3).await;
    let lawyer = app
        .create_staff(Role::Lawyer, "lawyer@office.example.org")
        .await;
    app.draft_case(&lawyer, "Zaslavskaya").await;

    // 14:00: not yet, and nothing written.
    assert_eq!(
        nightly_backup::run_if_due(&app.state).await.expect("run"),
        None
    );
    assert!(!directory.exists());
    let before = digest_of(&app.owner_database_url).await;

    let run = next_night(&app).await;
    assert_eq!(run.failure, None);
    assert_eq!(run.file, "refuge-2026-11-23T15-00-00Z.age");
    let file = directory.join(&run.file);
    assert_eq!(
        run.size_bytes,
        Some(i64::try_from(std::fs::metadata(&file).expect("file").len()).expect("size"))
    );
    assert_eq!(names_in(&directory), vec![run.file.clone()]);
    assert_eq!(mode(&directory), 0o700);
    assert_eq!(mode(&file), 0o600);
    // Once a day: later the same day nothing runs.
    app.clock.advance(Duration::hours(3));
    assert_eq!(
        nightly_backup::run_if_due(&app.state).await.expect("run"),
        None
    );

    let (target, _guard) = fresh_database();
    let restore_target = target.clone();
    actix_web::web::block(move || {
        let db = Db::connect_without_keys(&restore_target, 1).expect("the target opens");
        let mut conn = db.get().expect("connection");
        refuge::backup::restore_from_file(
            &mut conn,
            &file,
            &Unlock::Identities(vec![identity]),
            &indicatif::ProgressBar::hidden(),
        )
    })
    .await
    .expect("blocking task")
    .expect("restore accepts the nightly backup");
    assert_eq!(digest_of(&target).await, before);
}

#[actix_web::test]
async fn retention_keeps_the_newest_backups_and_no_one_elses_files_are_touched() {
    let work = private_tempdir();
    let directory = work.path().join("backups");
    let (app, _identity) = app_with_nightly_backups(&directory, 2).await;
    std::fs::create_dir(&directory).expect("directory");
    std::fs::set_permissions(&directory, std::fs::Permissions::from_mode(0o700)).expect("chmod");
    // A run cut off last week, and a file of the office's own.
    let stale = "refuge-2026-11-16T15-00-00Z.age.partial";
    for name in [stale, "notes.txt"] {
        std::fs::write(directory.join(name), "x").expect("file");
    }

    let mut written = Vec::new();
    for _ in 0..4 {
        let run = next_night(&app).await;
        assert_eq!(run.failure, None);
        written.push(run.file);
    }
    assert_eq!(
        names_in(&directory),
        vec![
            "notes.txt".to_string(),
            written[2].clone(),
            written[3].clone()
        ]
    );
    assert_eq!(written[3], "refuge-2026-11-26T15-00-00Z.age");
}

#[actix_web::test]
async fn a_failed_run_is_recorded_and_shown_to_admins_and_in_healthz_until_one_succeeds() {
    let work = private_tempdir();
    // The directory cannot be made: a file stands where its parent should be (as root,
    // which the suite may run as, an unwritable mode would not stop the server).
    let blocked = work.path().join("backups");
    std::fs::write(&blocked, "not a directory").expect("file");
    let directory: PathBuf = blocked.join("nightly");
    let (app, _identity) = app_with_nightly_backups(&directory, 3).await;

    let run = next_night(&app).await;
    let reason = run.failure.clone().expect("the run failed");
    assert!(
        reason.starts_with(&format!(
            "cannot create the backup directory {}",
            directory.display()
        )),
        "{reason}"
    );
    let status = nightly_backup::status(&app.state).await.expect("status");
    assert_eq!(status.health, BackupHealth::Failed);
    assert_eq!(status.last_run, Some(run));
    assert_eq!(status.last_success_at, None);

    let (code, body) = healthz(&app).await;
    assert_eq!(code, 200, "the server itself is healthy: {body}");
    assert_eq!(body["status"], "ok");
    assert_eq!(
        body["backup"],
        json!({ "status": "failed", "last_success": null })
    );
    let warning = home_backup_warning(&app, Role::Admin)
        .await
        .expect("the admin is warned");
    assert!(warning.contains("data-backup=\"failed\""), "{warning}");
    assert!(
        warning.contains("cannot create the backup directory"),
        "{warning}"
    );
    for role in [Role::Lawyer, Role::Paralegal] {
        assert_eq!(home_backup_warning(&app, role).await, None, "{role:?}");
    }

    // The next night the directory can be made: the warning goes.
    std::fs::remove_file(&blocked).expect("unblocked");
    let run = next_night(&app).await;
    assert_eq!(run.failure, None);
    assert_eq!(
        healthz(&app).await.1["backup"],
        json!({ "status": "ok", "last_success": "2026-11-24T15:00:00Z" })
    );
    assert_eq!(home_backup_warning(&app, Role::Admin).await, None);
}

#[actix_web::test]
async fn no_backup_for_26_hours_shows_to_admins_and_in_healthz() {
    let work = private_tempdir();
    let (app, _identity) = app_with_nightly_backups(&work.path().join("backups"), 3).await;
    assert_eq!(
        healthz(&app).await.1["backup"],
        json!({ "status": "pending", "last_success": null }),
        "a server just started has had no night yet"
    );
    next_night(&app).await;

    // The next night's run does not happen (the server's worker was stopped, say).
    app.clock.advance(Duration::hours(26));
    assert_eq!(healthz(&app).await.1["backup"]["status"], "ok");
    assert_eq!(home_backup_warning(&app, Role::Admin).await, None);
    app.clock.advance(Duration::minutes(1));
    assert_eq!(
        healthz(&app).await.1["backup"],
        json!({ "status": "overdue", "last_success": "2026-11-23T15:00:00Z" })
    );
    let warning = home_backup_warning(&app, Role::Admin)
        .await
        .expect("the admin is warned");
    assert!(warning.contains("data-backup=\"overdue\""), "{warning}");
    assert!(warning.contains("2026-11-23 15:00 UTC"), "{warning}");
    for role in [Role::Lawyer, Role::Paralegal] {
        assert_eq!(home_backup_warning(&app, role).await, None, "{role:?}");
    }
}

#[actix_web::test]
async fn a_server_with_nightly_backups_and_no_recipient_refuses_to_start() {
    let (url, _guard) = fresh_database();
    let mut settings = test_settings(&url);
    settings.backup.nightly = true;
    let clock = std::sync::Arc::new(refuge::clock::ManualClock::new(start_time()));
    let refused = match refuge::startup::Application::build(settings, clock).await {
        Ok(_) => panic!("the server started"),
        Err(err) => err.to_string(),
    };
    assert!(
        refused.contains("backup.nightly is on but backup.recipients is empty"),
        "{refused}"
    );
}

/// The server's own worker takes the backup once its time has come (14:00 here, the pinned
/// clock's time), without a test calling the job.
#[actix_web::test]
async fn the_servers_worker_takes_the_nightly_backup() {
    let work = private_tempdir();
    let directory = work.path().join("backups");
    let recipient = age::x25519::Identity::generate().to_public().to_string();
    let configured = directory.display().to_string();
    let app = spawn_app_with(move |settings| {
        settings.mail.worker = true;
        settings.mail.poll_interval_seconds = 1;
        settings.backup.nightly = true;
        settings.backup.nightly_at = "14:00".into();
        settings.backup.directory = configured;
        settings.backup.recipients = vec![recipient];
    })
    .await;
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while nightly_backup::status(&app.state)
        .await
        .expect("status")
        .last_run
        .is_none()
    {
        assert!(
            std::time::Instant::now() < deadline,
            "the worker took no backup"
        );
        actix_web::rt::time::sleep(std::time::Duration::from_millis(200)).await;
    }
    assert_eq!(
        names_in(&directory),
        vec!["refuge-2026-11-23T14-00-00Z.age".to_string()]
    );
}
