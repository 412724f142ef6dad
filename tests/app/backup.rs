//! Backups and restores (`refuge::backup`): an office on SQLite backed up and restored on
//! PostgreSQL, backed up there and restored on SQLite again (SQLite → SQLite without
//! `REFUGE_TEST_POSTGRES_URL`), every table's row count and checksum the same at each step
//! and the restored server showing the same case page; passphrase and recipient modes; a
//! wrong passphrase and a database that is not empty refused with nothing written; the file
//! is an age file that the age format alone decrypts, 0600, without the data key; the
//! command line under umask 022.

use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use age::secrecy::ExposeSecret;
use refuge::backup::encryption::{Protection, Unlock};
use refuge::backup::{self, Summary, TableDigest};
use refuge::config::SecretString;
use refuge::db::Db;
use refuge::domain::staff::{Role, Staff};
use refuge_demo::DemoOptions;

use crate::helpers::{
    PASSWORD, TestApp, TestDatabase, TodayForTests, fresh_database, is_postgres, private_tempdir,
    spawn_app_with,
};

const PASSPHRASE: &str = "a long enough backup passphrase";
const FAMILY_NAME: &str = "Zaslavskaya";

/// An office on SQLite, whatever backend the suite runs on: demo clients and cases (every
/// table group, trigger-kept ones included) plus a lawyer's own draft case.
struct Office {
    app: TestApp,
    /// The office's data key: a restored copy is served with it, as an office would.
    data_key: SecretString,
    lawyer: Staff,
    case_id: uuid::Uuid,
    reference: String,
    _dir: tempfile::TempDir,
}

async fn sqlite_office() -> Office {
    let dir = private_tempdir();
    let url = dir.path().join("office.db").display().to_string();
    let data_key = SecretString::from(refuge::crypto::generate_key_text());
    let app = spawn_app_on(&url, &data_key).await;
    let options = DemoOptions {
        clients: 12,
        seed: 7,
        today: app.clock.now_date(),
        batch_size: 5,
        writers: 1,
        staff_password: Some(PASSWORD.to_string()),
    };
    refuge_demo::load(&app.state, options, |_| {})
        .await
        .expect("demo data loads");
    let lawyer = app
        .create_staff(Role::Lawyer, "lawyer@office.example.org")
        .await;
    let (case_id, reference) = app.draft_case(&lawyer, FAMILY_NAME).await;
    Office {
        app,
        data_key,
        lawyer,
        case_id,
        reference,
        _dir: dir,
    }
}

/// A server on the database at `url`, sealing with `data_key`.
async fn spawn_app_on(url: &str, data_key: &SecretString) -> TestApp {
    let url = url.to_string();
    let data_key = data_key.clone();
    spawn_app_with(move |settings| {
        settings.database.url = url.into();
        settings.data_key = Some(data_key);
    })
    .await
}

/// Backup and restore copy sealed values as they are: they need no data key.
fn db(url: &str) -> Db {
    Db::connect_without_keys(url, 1).expect("the database opens")
}

async fn blocking<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    actix_web::web::block(f).await.expect("blocking task")
}

async fn backup_of(url: &str, to: &Path, protection: Protection) -> anyhow::Result<Summary> {
    let (url, to) = (url.to_string(), to.to_path_buf());
    blocking(move || {
        let db = db(&url);
        let mut conn = db.get().expect("connection");
        backup::backup_to_file(
            &mut conn,
            &to,
            &protection,
            chrono::Utc::now(),
            &indicatif::ProgressBar::hidden(),
        )
    })
    .await
}

async fn restore_into(url: &str, from: &Path, unlock: Unlock) -> anyhow::Result<Summary> {
    let (url, from) = (url.to_string(), from.to_path_buf());
    blocking(move || {
        let db = db(&url);
        let mut conn = db.get().expect("connection");
        backup::restore_from_file(&mut conn, &from, &unlock, &indicatif::ProgressBar::hidden())
    })
    .await
}

/// Every table's (rows, checksum) as the database holds it now.
async fn digest_of(url: &str) -> BTreeMap<String, (u64, String)> {
    let url = url.to_string();
    blocking(move || {
        let db = db(&url);
        let mut conn = db.get().expect("connection");
        by_name(backup::digest(&mut conn).expect("digest"))
    })
    .await
}

fn by_name(digests: Vec<TableDigest>) -> BTreeMap<String, (u64, String)> {
    digests
        .into_iter()
        .map(|d| (d.name, (d.rows, d.checksum)))
        .collect()
}

fn row_counts(digest: &BTreeMap<String, (u64, String)>) -> BTreeMap<String, u64> {
    digest
        .iter()
        .map(|(name, (rows, _))| (name.clone(), *rows))
        .collect()
}

fn passphrase(text: &str) -> Protection {
    Protection::Passphrase(text.to_string().into())
}

fn unlock_with(text: &str) -> Unlock {
    Unlock::Passphrase(text.to_string().into())
}

/// An age key pair, the identity written to a file as `age-keygen` writes it.
fn key_pair(dir: &Path) -> (age::x25519::Recipient, PathBuf) {
    let identity = age::x25519::Identity::generate();
    let path = dir.join("backup-key.txt");
    std::fs::write(
        &path,
        format!("# test key\n{}\n", identity.to_string().expose_secret()),
    )
    .expect("identity file");
    (identity.to_public(), path)
}

/// A SQLite database path in `dir` that does not exist yet.
fn new_sqlite(dir: &Path, name: &str) -> String {
    dir.join(name).display().to_string()
}

/// The case page as the lawyer sees it on `app`.
async fn case_page(app: &TestApp, email: &str, case_id: uuid::Uuid) -> String {
    let client = app.login(email, PASSWORD).await;
    let (status, html) = app.page(&client, &format!("/cases/{case_id}")).await;
    assert_eq!(status, 200, "the case page opens");
    html
}

#[actix_web::test]
async fn an_office_moves_from_sqlite_to_postgres_and_back_with_every_row_intact() {
    let office = sqlite_office().await;
    let source = office
        .app
        .state
        .settings
        .database
        .url
        .expose_secret()
        .to_owned();
    let work = private_tempdir();
    let (recipient, identity_file) = key_pair(work.path());
    let original = digest_of(&source).await;
    assert!(
        original["clients"].0 >= 13
            && original["cases"].0 >= 13
            && original["client_nationalities"].0 > 0
            && original["case_stage_history"].0 > 0
            && original["audit_log"].0 > 0,
        "the office has data in every table group: {original:?}"
    );

    // Leg one: SQLite → PostgreSQL (→ a second SQLite without PostgreSQL), by passphrase.
    let first = work.path().join("first.age");
    let written = backup_of(&source, &first, passphrase(PASSPHRASE))
        .await
        .expect("backup of the SQLite office");
    assert_eq!(by_name(written.tables.clone()), original);
    let (middle, _middle_guard): (String, Option<TestDatabase>) = if is_postgres() {
        let (url, guard) = fresh_database();
        (url, Some(guard))
    } else {
        (new_sqlite(work.path(), "middle.db"), None)
    };
    let restored = restore_into(&middle, &first, unlock_with(PASSPHRASE))
        .await
        .expect("restore of the SQLite backup");
    assert_eq!(restored.source, "sqlite");
    assert_eq!(
        digest_of(&middle).await,
        original,
        "after the first restore"
    );

    // Leg two: back to SQLite, by age key.
    let second = work.path().join("second.age");
    backup_of(&middle, &second, Protection::Recipients(vec![recipient]))
        .await
        .expect("backup of the restored office");
    let last = new_sqlite(work.path(), "last.db");
    restore_into(
        &last,
        &second,
        Unlock::identity_file(&identity_file).expect("identity"),
    )
    .await
    .expect("restore of the second backup");
    assert_eq!(digest_of(&last).await, original, "after the second restore");
    let verified = blocking({
        let last = last.clone();
        move || {
            refuge::services::audit::verify_chain(&mut db(&last).get().expect("connection"), None)
                .map(|report| report.to_string())
        }
    })
    .await;
    assert!(
        verified.is_ok(),
        "the restored audit chain verifies: {verified:?}"
    );

    // The middle database takes new rows: on PostgreSQL its sequences were moved past the
    // restored ids (a new audit entry and stage change would collide otherwise).
    let middle_app = spawn_app_on(&middle, &office.data_key).await;
    let (new_case, _) = middle_app.draft_case(&office.lawyer, "Novak").await;
    let client = middle_app.login(&office.lawyer.email, PASSWORD).await;
    let (status, _) = middle_app
        .page(&client, &format!("/cases/{new_case}"))
        .await;
    assert_eq!(status, 200);

    // The restored office serves the same case page (its ids, passwords and settings came
    // with it).
    let before = case_page(&office.app, &office.lawyer.email, office.case_id).await;
    let restored_app = spawn_app_on(&last, &office.data_key).await;
    let after = case_page(&restored_app, &office.lawyer.email, office.case_id).await;
    for page in [&before, &after] {
        assert!(page.contains(&office.reference), "the reference is shown");
        assert!(page.contains(FAMILY_NAME), "the client's name is shown");
    }
    assert_eq!(
        visible_text(&before),
        visible_text(&after),
        "the same case page"
    );
}

/// A page's headings and table cells, which hold the case's facts (not its tokens or its
/// trail of views).
fn visible_text(html: &str) -> Vec<String> {
    let mut texts = Vec::new();
    for tag in ["<h1", "<h2", "<dd", "<td"] {
        let mut rest = html;
        while let Some(start) = rest.find(tag) {
            rest = &rest[start..];
            let Some(open_end) = rest.find('>') else {
                break;
            };
            let close = format!("</{}", &tag[1..]);
            let Some(end) = rest.find(&close) else { break };
            if open_end < end {
                texts.push(rest[open_end + 1..end].trim().to_string());
            }
            rest = &rest[end..];
        }
    }
    texts.retain(|t| !t.contains("csrf"));
    texts
}

#[actix_web::test]
async fn a_backup_is_an_age_file_that_the_age_format_alone_decrypts_and_holds_no_key() {
    let office = sqlite_office().await;
    let source = office
        .app
        .state
        .settings
        .database
        .url
        .expose_secret()
        .to_owned();
    let work = private_tempdir();
    let identity = age::x25519::Identity::generate();
    let file = work.path().join("office.age");
    backup_of(
        &source,
        &file,
        Protection::Recipients(vec![identity.to_public()]),
    )
    .await
    .expect("backup");

    let raw = std::fs::read(&file).expect("backup file");
    assert!(raw.starts_with(b"age-encryption.org/v1\n"), "an age file");
    assert!(
        !contains(&raw, FAMILY_NAME.as_bytes()),
        "nothing in clear in the file"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&file)
            .expect("metadata")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600, "only the owner reads a backup");
    }

    // What `age -d -i key.txt office.age | gunzip` does.
    let decryptor = age::Decryptor::new(std::fs::File::open(&file).expect("open")).expect("age");
    let decrypted = decryptor
        .decrypt(std::iter::once(&identity as &dyn age::Identity))
        .expect("the identity decrypts it");
    let mut plain = String::new();
    flate2::read::GzDecoder::new(decrypted)
        .read_to_string(&mut plain)
        .expect("gzip");
    let header: serde_json::Value =
        serde_json::from_str(plain.lines().next().expect("a header")).expect("JSON");
    assert_eq!(header["record"], "header");
    assert_eq!(header["format"], "refuge-backup");
    assert_eq!(header["source"], "sqlite");
    assert!(
        plain.contains(FAMILY_NAME),
        "the archive holds the office's data"
    );
    assert!(
        plain.contains(
            r#"{"record":"table","name":"clients","columns":[{"name":"id","kind":"text"}"#
        ),
        "tables are described by their columns"
    );
    assert!(
        !plain.contains("__diesel_schema_migrations"),
        "the migrations' bookkeeping stays out: a restore runs the migrations"
    );
    assert!(
        !plain.contains("AGE-SECRET-KEY") && !plain.contains(identity.to_string().expose_secret()),
        "no key in the archive"
    );
    let data_key = office.data_key.expose_secret();
    assert!(
        !plain.contains(data_key) && !contains(&raw, data_key.as_bytes()),
        "no data key in the archive"
    );
    assert!(
        plain.contains("\"enc:v1:"),
        "sealed fields (the demo's notes and narratives) stay sealed in the archive"
    );
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

#[actix_web::test]
async fn a_wrong_passphrase_is_refused_and_writes_nothing() {
    let office = sqlite_office().await;
    let source = office
        .app
        .state
        .settings
        .database
        .url
        .expose_secret()
        .to_owned();
    let work = private_tempdir();
    let file = work.path().join("office.age");
    backup_of(&source, &file, passphrase(PASSPHRASE))
        .await
        .expect("backup");
    let (target, _guard) = fresh_database();

    let err = restore_into(&target, &file, unlock_with("not the passphrase at all"))
        .await
        .expect_err("a wrong passphrase opens nothing");
    assert_eq!(err.to_string(), "the passphrase does not open this backup");
    let after = digest_of(&target).await;
    assert!(
        after.values().all(|(rows, _)| *rows == 0),
        "nothing restored: {after:?}"
    );

    // A key where a passphrase was used says so.
    let (_, identity_file) = key_pair(work.path());
    let err = restore_into(
        &target,
        &file,
        Unlock::identity_file(&identity_file).expect("identity"),
    )
    .await
    .expect_err("an identity does not open a passphrase backup");
    assert!(err.to_string().contains("--passphrase-stdin"), "{err}");

    // The right passphrase then restores it.
    restore_into(&target, &file, unlock_with(PASSPHRASE))
        .await
        .expect("the right passphrase");
    assert_eq!(digest_of(&target).await, digest_of(&source).await);
}

#[actix_web::test]
async fn a_database_that_is_not_empty_is_refused_untouched() {
    let office = sqlite_office().await;
    let source = office
        .app
        .state
        .settings
        .database
        .url
        .expose_secret()
        .to_owned();
    let work = private_tempdir();
    let file = work.path().join("office.age");
    backup_of(&source, &file, passphrase(PASSPHRASE))
        .await
        .expect("backup");

    // Another office's database, on the suite's backend.
    let (other_url, _guard) = fresh_database();
    let other = spawn_app_on(&other_url, &office.data_key).await;
    other
        .create_staff(Role::Admin, "admin@other.example.org")
        .await;
    let before = digest_of(&other_url).await;

    let err = restore_into(&other_url, &file, unlock_with(PASSPHRASE))
        .await
        .expect_err("a database with data is refused");
    let message = err.to_string();
    assert!(
        message.contains("the database is not empty") && message.contains("staff (1 rows)"),
        "{message}"
    );
    assert_eq!(digest_of(&other_url).await, before, "nothing changed");
}

#[actix_web::test]
async fn a_cut_off_backup_is_refused_and_writes_nothing() {
    let office = sqlite_office().await;
    let source = office
        .app
        .state
        .settings
        .database
        .url
        .expose_secret()
        .to_owned();
    let work = private_tempdir();
    let identity = age::x25519::Identity::generate();
    let whole = work.path().join("whole.age");
    backup_of(
        &source,
        &whole,
        Protection::Recipients(vec![identity.to_public()]),
    )
    .await
    .expect("backup");
    // The archive without its last lines, encrypted again as a valid age file: only the
    // archive's own end record can tell it is incomplete.
    let decryptor = age::Decryptor::new(std::fs::File::open(&whole).expect("open")).expect("age");
    let mut plain = String::new();
    flate2::read::GzDecoder::new(
        decryptor
            .decrypt(std::iter::once(&identity as &dyn age::Identity))
            .expect("decrypts"),
    )
    .read_to_string(&mut plain)
    .expect("gzip");
    let lines: Vec<&str> = plain.lines().collect();
    let cut = lines[..lines.len() - 3].join("\n") + "\n";
    let short = work.path().join("short.age");
    refuge::backup::encryption::write_file(
        &short,
        &Protection::Recipients(vec![identity.to_public()]),
        |out| Ok(out.write_all(cut.as_bytes())?),
    )
    .expect("cut-off file");

    let (target, _guard) = fresh_database();
    let unlock = Unlock::Identities(vec![identity]);
    let err = restore_into(&target, &short, unlock)
        .await
        .expect_err("a cut-off backup is refused");
    assert!(err.to_string().contains("ends early"), "{err}");
    // Nothing but what migrating a new database writes (the audit chain's head).
    let (fresh, _fresh_guard) = fresh_database();
    blocking({
        let fresh = fresh.clone();
        move || refuge::db::run_migrations(&mut db(&fresh).get().expect("connection"))
    })
    .await
    .expect("migrated");
    assert_eq!(
        row_counts(&digest_of(&target).await),
        row_counts(&digest_of(&fresh).await)
    );
}

#[test]
fn the_command_line_backs_up_and_restores_under_umask_022() {
    let work = private_tempdir();
    let source = work.path().join("office.db");
    let run = |database: &Path, args: &str, stdin: &str| {
        let mut child = std::process::Command::new("sh")
            .arg("-c")
            .arg(format!("umask 022; exec \"$REFUGE\" {args}"))
            .env("REFUGE", env!("CARGO_BIN_EXE_refuge"))
            .env("DATABASE_URL", database)
            .env("REFUGE_CONFIG_DIR", work.path())
            .current_dir(work.path())
            .env_remove("REFUGE_TEST_POSTGRES_URL")
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("refuge runs");
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(stdin.as_bytes())
            .expect("stdin written");
        child.wait_with_output().expect("refuge ends")
    };
    let ok = |output: std::process::Output| {
        let (stdout, stderr) = (
            String::from_utf8_lossy(&output.stdout).to_string(),
            String::from_utf8_lossy(&output.stderr).to_string(),
        );
        assert!(output.status.success(), "{stdout}\n{stderr}");
        stdout
    };
    ok(run(&source, "migrate", ""));
    ok(run(
        &source,
        "user add --email admin@office.example.org --name Admin --role admin --password-stdin",
        &format!("{PASSWORD}\n"),
    ));

    let file = work.path().join("office.age");
    let short = run(
        &source,
        &format!("backup --to {} --passphrase-stdin", file.display()),
        "short\n",
    );
    assert!(!short.status.success(), "a short passphrase is refused");
    assert!(!file.exists());

    let said = ok(run(
        &source,
        &format!("backup --to {} --passphrase-stdin", file.display()),
        &format!("{PASSPHRASE}\n"),
    ));
    assert!(said.starts_with("backed up "), "{said}");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&file)
            .expect("backup")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600, "0600 whatever the umask");
    }

    let target = work.path().join("restored.db");
    let said = ok(run(
        &target,
        &format!("restore --from {} --passphrase-stdin", file.display()),
        &format!("{PASSPHRASE}\n"),
    ));
    assert!(said.contains("every table checked"), "{said}");
    let listed = ok(run(&target, "user list", ""));
    assert!(listed.contains("admin@office.example.org"), "{listed}");

    let again = run(
        &target,
        &format!("restore --from {} --passphrase-stdin", file.display()),
        &format!("{PASSPHRASE}\n"),
    );
    assert!(!again.status.success(), "a second restore is refused");
    assert!(
        String::from_utf8_lossy(&again.stderr).contains("not empty"),
        "{}",
        String::from_utf8_lossy(&again.stderr)
    );
}
