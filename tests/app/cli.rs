//! The operator's command line, run as the real binary against a temporary SQLite file
//! (whatever `REFUGE_TEST_POSTGRES_URL` says): help, migrate, user add/list/deactivate,
//! messages for a wrong database URL, and `serve` printing its setup link.

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use diesel::prelude::*;
use refuge::db::audit_log::{self, AuditFilter, AuditRow};
use refuge::db::schema::staff;
use refuge::db::{Db, DbConnection};

use crate::helpers::client;

/// A temporary working directory, an empty configuration directory and a database path
/// whose directory does not exist yet.
struct Workspace {
    dir: tempfile::TempDir,
    config: PathBuf,
}

impl Workspace {
    fn new() -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        let config = dir.path().join("config");
        std::fs::create_dir_all(dir.path().join("cwd")).expect("cwd");
        std::fs::create_dir_all(&config).expect("config dir");
        Self { dir, config }
    }

    /// With the configuration the repository ships instead of an empty directory.
    fn with_shipped_config() -> Self {
        Self {
            config: Path::new(env!("CARGO_MANIFEST_DIR")).join("config"),
            ..Self::new()
        }
    }

    fn database(&self) -> PathBuf {
        self.dir.path().join("data").join("refuge.db")
    }

    /// The binary with a clean environment: only what the test sets reaches it. It runs
    /// under umask 022, the usual one, which leaves new files readable by every account
    /// unless Refuge sets their modes itself.
    fn command(&self, database_url: &str, args: &[&str]) -> Command {
        let mut command = Command::new("/bin/sh");
        command
            .arg("-c")
            .arg("umask 022 && exec \"$0\" \"$@\"")
            .arg(env!("CARGO_BIN_EXE_refuge"))
            .args(args)
            .current_dir(self.dir.path().join("cwd"))
            .env_clear()
            .env("DATABASE_URL", database_url)
            .env("REFUGE_CONFIG_DIR", &self.config)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        command
    }

    /// Runs `refuge <args>` on the workspace's database, with `stdin` as its input.
    fn run_on(&self, database_url: &str, args: &[&str], stdin: &str) -> Run {
        let mut child = self.command(database_url, args).spawn().expect("spawn");
        let mut input = child.stdin.take().expect("stdin");
        input.write_all(stdin.as_bytes()).expect("write stdin");
        drop(input);
        Run::from(child.wait_with_output().expect("refuge runs"), args)
    }

    fn run(&self, args: &[&str]) -> Run {
        self.run_on(&self.database().display().to_string(), args, "")
    }

    fn run_with_stdin(&self, args: &[&str], stdin: &str) -> Run {
        self.run_on(&self.database().display().to_string(), args, stdin)
    }

    fn connection(&self) -> r2d2::PooledConnection<refuge::db::ConnectionManager> {
        // The key file the binary created beside the database (development settings).
        let mut settings = refuge::config::Settings::default();
        settings.database.url = self.database().display().to_string().into();
        Db::open(&settings, 1)
            .expect("the database opens")
            .get()
            .expect("a connection")
    }

    /// The password hash of the one staff account there is.
    fn only_password_hash(&self) -> Option<String> {
        let conn: &mut DbConnection = &mut self.connection();
        let mut hashes: Vec<Option<String>> = staff::table
            .select(staff::password_hash)
            .load(conn)
            .expect("staff rows");
        assert_eq!(hashes.len(), 1, "one staff account");
        hashes.remove(0)
    }

    fn audit(&self) -> Vec<AuditRow> {
        audit_log::list(&mut self.connection(), &AuditFilter::default(), 100, 0).expect("audit")
    }

    /// `user list` as (email, role, status, display name).
    fn listed(&self) -> Vec<(String, String, String, String)> {
        let run = self.run(&["user", "list"]).success();
        run.stdout
            .lines()
            .filter(|line| !line.trim().is_empty())
            .map(|line| {
                let cells: Vec<&str> = line.split('\t').collect();
                assert_eq!(cells.len(), 5, "a list line: {line:?}");
                assert!(uuid::Uuid::parse_str(cells[0]).is_ok(), "{line:?}");
                (
                    cells[1].to_string(),
                    cells[2].to_string(),
                    cells[3].to_string(),
                    cells[4].to_string(),
                )
            })
            .collect()
    }
}

struct Run {
    args: String,
    success: bool,
    stdout: String,
    stderr: String,
}

impl Run {
    fn from(output: Output, args: &[&str]) -> Self {
        Self {
            args: args.join(" "),
            success: output.status.success(),
            stdout: String::from_utf8(output.stdout).expect("UTF-8 stdout"),
            stderr: String::from_utf8(output.stderr).expect("UTF-8 stderr"),
        }
    }

    fn success(self) -> Self {
        assert!(
            self.success,
            "`refuge {}` failed\nstdout: {}\nstderr: {}",
            self.args, self.stdout, self.stderr
        );
        self
    }

    fn failure(self) -> Self {
        assert!(
            !self.success,
            "`refuge {}` should fail\nstdout: {}\nstderr: {}",
            self.args, self.stdout, self.stderr
        );
        self
    }
}

/// The permission bits of `path`.
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .permissions()
        .mode()
        & 0o7777
}

fn set_mode(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).expect("chmod");
}

/// The subcommands a `--help` text lists (the first word of each line under "Commands:").
fn commands_in_help(help: &str) -> Vec<String> {
    help.lines()
        .skip_while(|line| !line.starts_with("Commands:"))
        .skip(1)
        .take_while(|line| line.starts_with("  "))
        .filter_map(|line| line.split_whitespace().next())
        .map(str::to_string)
        .collect()
}

#[test]
fn help_lists_the_commands() {
    let workspace = Workspace::new();

    let help = workspace.run(&["--help"]).success();
    let commands = commands_in_help(&help.stdout);
    for command in ["serve", "migrate", "user"] {
        assert!(
            commands.iter().any(|c| c == command),
            "`{command}` missing from:\n{}",
            help.stdout
        );
    }

    let help = workspace.run(&["user", "--help"]).success();
    let commands = commands_in_help(&help.stdout);
    for command in ["add", "list", "deactivate"] {
        assert!(
            commands.iter().any(|c| c == command),
            "`user {command}` missing from:\n{}",
            help.stdout
        );
    }
    assert!(!workspace.database().exists(), "--help touches no database");
}

#[test]
fn migrate_creates_the_database_then_reports_it_up_to_date() {
    let workspace = Workspace::with_shipped_config();
    assert!(!workspace.database().exists());

    let first = workspace.run(&["migrate"]).success();

    let header = std::fs::read(workspace.database()).expect("the database file exists");
    assert!(header.starts_with(b"SQLite format 3\0"), "a SQLite file");
    let migrations = Path::new(env!("CARGO_MANIFEST_DIR")).join("migrations/sqlite");
    let mut expected = 0;
    for entry in std::fs::read_dir(migrations).expect("migrations") {
        let name = entry
            .expect("entry")
            .file_name()
            .to_string_lossy()
            .into_owned();
        let version: String = name
            .split('_')
            .next()
            .expect("version")
            .chars()
            .filter(char::is_ascii_digit)
            .collect();
        assert!(
            first.stdout.contains(&format!("applied {version}")),
            "{name} not applied:\n{}",
            first.stdout
        );
        expected += 1;
    }
    assert!(expected > 0);
    assert_eq!(first.stdout.matches("applied ").count(), expected);

    let second = workspace.run(&["migrate"]).success();
    assert!(second.stdout.contains("up to date"), "{}", second.stdout);
    assert!(!second.stdout.contains("applied"), "{}", second.stdout);
}

#[test]
fn under_umask_022_the_data_directory_and_database_are_owner_only() {
    let workspace = Workspace::new();
    let data = workspace
        .database()
        .parent()
        .expect("data dir")
        .to_path_buf();
    let mail = data.join("mail");

    workspace.run(&["migrate"]).success();
    // A server with its WAL open, and the file transport's mail directory.
    let mut server = workspace
        .command(&workspace.database().display().to_string(), &["serve"])
        .env("REFUGE_LISTEN", format!("127.0.0.1:{}", free_port()))
        .env("REFUGE_MAIL__DIRECTORY", &mail)
        .spawn()
        .expect("serve starts");
    let wal = private_wal(&workspace.database());
    let started = Instant::now();
    while !(wal.exists() && mail.exists()) && started.elapsed() < Duration::from_secs(30) {
        std::thread::sleep(Duration::from_millis(50));
    }
    let wal_mode = wal.exists().then(|| mode(&wal));
    let _ = server.kill();
    let _ = server.wait();

    assert_eq!(mode(&data), 0o700, "{}", data.display());
    assert_eq!(mode(&workspace.database()), 0o600);
    assert_eq!(wal_mode, Some(0o600), "the -wal file");
    assert_eq!(mode(&mail), 0o700, "{}", mail.display());
}

fn private_wal(database: &Path) -> PathBuf {
    PathBuf::from(format!("{}-wal", database.display()))
}

#[test]
fn a_database_other_accounts_can_read_is_refused_with_the_chmod_that_fixes_it() {
    let workspace = Workspace::new();
    workspace.run(&["migrate"]).success();
    let database = workspace.database();
    set_mode(&database, 0o644);

    for args in [&["migrate"][..], &["user", "list"], &["serve"]] {
        let refused = workspace.run(args).failure();
        assert!(
            refused
                .stderr
                .contains(&format!("chmod 600 {}", database.display())),
            "`refuge {}`: {}",
            args.join(" "),
            refused.stderr
        );
        assert!(refused.stderr.contains("mode 0644"), "{}", refused.stderr);
    }

    let data = database.parent().expect("data dir");
    set_mode(data, 0o755);
    let refused = workspace.run(&["migrate"]).failure();
    assert!(
        refused
            .stderr
            .contains(&format!("chmod 700 {}", data.display())),
        "{}",
        refused.stderr
    );

    set_mode(data, 0o700);
    set_mode(&database, 0o600);
    workspace.run(&["migrate"]).success();
}

#[test]
fn audit_verify_passes_an_intact_log_and_names_an_edited_entry_with_a_failing_exit() {
    let workspace = Workspace::new();
    workspace
        .run_with_stdin(
            &[
                "user",
                "add",
                "--email",
                "a@office.example.org",
                "--name",
                "A",
                "--role",
                "admin",
                "--password-stdin",
            ],
            "a long enough passphrase 42\n",
        )
        .success();
    let intact = workspace.run(&["audit", "verify"]).success();
    assert!(
        intact.stdout.contains("chain is intact"),
        "{}",
        intact.stdout
    );

    let edited = workspace.audit().last().expect("an entry").id;
    {
        use diesel::connection::SimpleConnection;
        let mut conn = workspace.connection();
        conn.batch_execute(&format!(
            "DROP TRIGGER audit_log_no_update; \
             UPDATE audit_log SET details = '{{}}' WHERE id = {edited}"
        ))
        .expect("the owner edits an entry");
    }
    let broken = workspace.run(&["audit", "verify"]).failure();
    assert!(
        broken
            .stderr
            .contains(&format!("entry {edited}: its stored hash")),
        "{}",
        broken.stderr
    );
}

#[test]
fn db_grant_explains_that_sqlite_has_no_roles() {
    let workspace = Workspace::new();
    let refused = workspace
        .run(&["db", "grant", "--serving-role", "refuge_app"])
        .failure();
    assert!(
        refused.stderr.contains("SQLite has no database roles"),
        "{}",
        refused.stderr
    );
}

#[test]
fn user_add_with_password_on_stdin_prints_the_account_and_list_shows_it() {
    let workspace = Workspace::new();
    let password = "a long enough passphrase 42";

    let added = workspace
        .run_with_stdin(
            &[
                "user",
                "add",
                "--email",
                "a@x.org",
                "--name",
                "Анна",
                "--role",
                "admin",
                "--password-stdin",
            ],
            &format!("{password}\n"),
        )
        .success();

    let line = added
        .stdout
        .lines()
        .find(|l| l.starts_with("added "))
        .expect("added line");
    assert!(line.contains("a@x.org") && line.contains("admin"), "{line}");
    assert!(!added.stdout.contains("invitation"), "{}", added.stdout);
    assert!(!added.stdout.contains(password) && !added.stderr.contains(password));

    assert_eq!(
        workspace.listed(),
        [(
            "a@x.org".to_string(),
            "admin".to_string(),
            "active".to_string(),
            "Анна".to_string()
        )]
    );

    // The password was stored, as a hash.
    let hash = workspace.only_password_hash();
    let hash = hash.expect("a password is set");
    assert!(hash.starts_with("$argon2"), "{hash}");

    let audit = workspace.audit();
    let created = audit
        .iter()
        .find(|r| r.action == "staff.created")
        .expect("staff.created in the audit log");
    assert_eq!(created.actor_id, None, "no staff member did it");
    assert_eq!(created.address.as_deref(), Some("command line"));
    assert!(created.details.contains("a@x.org"), "{}", created.details);
}

#[test]
fn user_add_refuses_a_short_password() {
    let workspace = Workspace::new();

    let refused = workspace
        .run_with_stdin(
            &[
                "user",
                "add",
                "--email",
                "a@x.org",
                "--name",
                "Anna",
                "--role",
                "admin",
                "--password-stdin",
            ],
            "short\n",
        )
        .failure();

    assert!(
        refused.stderr.contains("password") && refused.stderr.contains("12"),
        "says why: {}",
        refused.stderr
    );
    assert!(!refused.stdout.contains("added"), "{}", refused.stdout);
    assert!(workspace.listed().is_empty(), "nobody was added");
}

#[test]
fn user_add_without_password_prints_an_invitation_link() {
    let workspace = Workspace::new();

    let added = workspace
        .run(&[
            "user", "add", "--email", "b@x.org", "--name", "Boris", "--role", "lawyer",
        ])
        .success();

    let links: Vec<&str> = added
        .stdout
        .split_whitespace()
        .filter(|word| word.contains("/invitation/"))
        .collect();
    assert_eq!(links.len(), 1, "{}", added.stdout);
    let token = links[0].rsplit('/').next().expect("token");
    assert!(token.len() >= 32, "a real token: {}", links[0]);
    assert_eq!(
        workspace.listed(),
        [(
            "b@x.org".to_string(),
            "lawyer".to_string(),
            "active".to_string(),
            "Boris".to_string()
        )]
    );
    let hash = workspace.only_password_hash();
    assert_eq!(hash, None, "the person chooses the password");
}

#[test]
fn user_deactivate_deactivates_and_is_audited_but_keeps_an_admin() {
    let workspace = Workspace::new();
    let add = |email: &str| {
        workspace
            .run(&[
                "user", "add", "--email", email, "--name", "Admin", "--role", "admin",
            ])
            .success();
    };
    add("a@x.org");
    add("b@x.org");

    let done = workspace
        .run(&["user", "deactivate", "--email", "A@X.org"])
        .success();
    assert!(
        done.stdout.contains("deactivated a@x.org"),
        "{}",
        done.stdout
    );

    let status = |listed: &[(String, String, String, String)], email: &str| {
        listed
            .iter()
            .find(|row| row.0 == email)
            .map(|row| row.2.clone())
            .unwrap_or_else(|| panic!("{email} not listed: {listed:?}"))
    };
    let listed = workspace.listed();
    assert_eq!(status(&listed, "a@x.org"), "inactive");
    assert_eq!(status(&listed, "b@x.org"), "active");

    // The last active admin stays.
    let refused = workspace
        .run(&["user", "deactivate", "--email", "b@x.org"])
        .failure();
    assert!(
        refused.stderr.contains("admin"),
        "says why: {}",
        refused.stderr
    );
    assert_eq!(status(&workspace.listed(), "b@x.org"), "active");

    let unknown = workspace
        .run(&["user", "deactivate", "--email", "nobody@x.org"])
        .failure();
    assert!(
        unknown.stderr.contains("no staff account"),
        "{}",
        unknown.stderr
    );

    let actions: Vec<(String, Option<String>)> = workspace
        .audit()
        .into_iter()
        .rev()
        .map(|r| (r.action, r.address))
        .collect();
    let by_cli = Some("command line".to_string());
    assert_eq!(
        actions,
        [
            ("staff.created".to_string(), by_cli.clone()),
            ("staff.created".to_string(), by_cli.clone()),
            ("staff.deactivated".to_string(), by_cli),
        ]
    );
}

#[test]
fn unreachable_postgres_is_reported_with_the_real_cause() {
    let workspace = Workspace::new();
    let url = "postgres://postgres@127.0.0.1:1/x";

    for args in [&["migrate"][..], &["user", "list"], &["serve"]] {
        let run = workspace.run_on(url, args, "").failure();
        assert!(
            run.stderr.contains("Connection refused"),
            "`refuge {}` names the cause: {}",
            run.args,
            run.stderr
        );
        assert!(
            !run.stderr.contains("Invalid connection url"),
            "{}",
            run.stderr
        );
        assert!(
            run.stderr.contains("127.0.0.1"),
            "names the server: {}",
            run.stderr
        );
    }
}

#[test]
fn unsupported_database_scheme_is_named() {
    let workspace = Workspace::new();

    let run = workspace.run_on("mysql://x", &["migrate"], "").failure();

    assert!(
        run.stderr.contains("unsupported") && run.stderr.contains("mysql://"),
        "{}",
        run.stderr
    );
    assert!(
        !workspace.dir.path().join("cwd").join("mysql:").exists(),
        "no SQLite file was created from the URL"
    );
}

/// Kills the server when the test ends, whether it passes or not.
struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn free_port() -> u16 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind port 0");
    listener.local_addr().expect("address").port()
}

#[actix_web::test]
async fn serve_prints_one_setup_link_and_answers_health_checks() {
    let workspace = Workspace::new();
    let port = free_port();
    let mut command = workspace.command(&workspace.database().display().to_string(), &["serve"]);
    command.env("REFUGE_LISTEN", format!("127.0.0.1:{port}"));
    let mut server = Server(command.spawn().expect("spawn refuge serve"));

    // Lines from stdout, read on a thread so that waiting for them can time out.
    let stdout = server.0.stdout.take().expect("stdout");
    let (lines_tx, lines) = mpsc::channel();
    let reader = std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { break };
            if lines_tx.send(line).is_err() {
                break;
            }
        }
    });
    let mut seen = Vec::new();
    let deadline = Instant::now() + Duration::from_secs(60);
    let link_line = loop {
        let left = deadline.saturating_duration_since(Instant::now());
        match lines.recv_timeout(left) {
            Ok(line) if line.contains("/setup/") => break line,
            Ok(line) => seen.push(line),
            Err(err) => panic!("no setup link ({err}); stdout so far: {seen:#?}"),
        }
    };
    seen.push(link_line.clone());
    let link = link_line
        .split_whitespace()
        .find(|word| word.contains("/setup/"))
        .expect("a link");
    assert!(
        link.starts_with(&format!("http://127.0.0.1:{port}/setup/")),
        "the link points at the server: {link_line}"
    );

    let response = client()
        .get(format!("http://127.0.0.1:{port}/healthz"))
        .send()
        .await
        .expect("healthz");
    assert_eq!(response.status(), 200);
    let body: serde_json::Value = response.json().await.expect("JSON");
    assert_eq!(body["status"], "ok");
    assert_eq!(body["database"], "sqlite");

    drop(server);
    reader.join().expect("reader thread");
    seen.extend(lines.try_iter());
    let with_link: Vec<&String> = seen.iter().filter(|l| l.contains("/setup/")).collect();
    assert_eq!(with_link.len(), 1, "exactly one setup link line: {seen:#?}");
}

/// A client's malformed request is not a server error, and a log written to a file (here a
/// pipe) carries no colour codes.
#[actix_web::test]
async fn malformed_requests_log_no_errors_and_piped_logs_no_colour() {
    let workspace = Workspace::new();
    let port = free_port();
    let mut command = workspace.command(&workspace.database().display().to_string(), &["serve"]);
    command.env("REFUGE_LISTEN", format!("127.0.0.1:{port}"));
    let mut server = Server(command.spawn().expect("spawn refuge serve"));
    let stderr = server.0.stderr.take().expect("stderr");
    let reader = std::thread::spawn(move || std::io::read_to_string(stderr).unwrap_or_default());

    let deadline = Instant::now() + Duration::from_secs(60);
    while client()
        .get(format!("http://127.0.0.1:{port}/healthz"))
        .send()
        .await
        .is_err()
    {
        assert!(Instant::now() < deadline, "the server did not start");
        actix_web::rt::time::sleep(Duration::from_millis(200)).await;
    }
    for raw in [
        "GET / HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n",
        "GARBAGE\r\n\r\n",
    ] {
        let mut stream = std::net::TcpStream::connect(("127.0.0.1", port)).expect("connect");
        stream.write_all(raw.as_bytes()).expect("send");
        let _ = std::io::read_to_string(&mut stream);
    }
    let wrong_method = client()
        .delete(format!("http://127.0.0.1:{port}/login"))
        .send()
        .await
        .expect("request");
    assert_eq!(wrong_method.status(), 405);

    drop(server);
    let log = reader.join().expect("reader thread");
    assert!(log.contains("request finished"), "{log}");
    assert!(
        !log.contains('\u{1b}'),
        "colour codes in a piped log: {log}"
    );
    assert!(
        !log.lines().any(|line| line.contains("ERROR")),
        "a client's mistake logged as an error: {log}"
    );
}

/// A confirmed second factor with two recovery codes, a signed-in session and an API token
/// for `email`, written as the web pages would (the command line cannot sign in).
fn enrol_and_sign_in(workspace: &Workspace, email: &str) -> refuge::domain::ids::StaffId {
    let conn: &mut DbConnection = &mut workspace.connection();
    let member = refuge::db::staff::find_by_email(conn, email)
        .expect("query")
        .expect("the account");
    let now = chrono::Utc::now();
    let at = refuge::clock::to_db(now);
    refuge::db::second_factors::start_enrolment(conn, member.id, "JBSWY3DPEHPK3PXP", at)
        .expect("enrolment");
    refuge::db::second_factors::confirm(conn, member.id, 1, at).expect("confirmed");
    let codes = [format!("{email}-1"), format!("{email}-2")];
    refuge::db::second_factors::replace_recovery_codes(conn, member.id, &codes, at)
        .expect("recovery codes");
    refuge::services::sessions::start(conn, Some(member.id), now, chrono::Duration::hours(1))
        .expect("a session");
    member.id
}

/// (second factors, recovery codes, sessions) of one staff member.
fn sign_in_rows(workspace: &Workspace, id: refuge::domain::ids::StaffId) -> (i64, i64, i64) {
    use refuge::db::schema::{recovery_codes, second_factors, sessions};
    use refuge::db::uuid::DbUuid;
    let conn: &mut DbConnection = &mut workspace.connection();
    let key = DbUuid(id.as_uuid());
    let count = |n: QueryResult<i64>| n.expect("count");
    (
        count(
            second_factors::table
                .filter(second_factors::staff_id.eq(key))
                .count()
                .get_result(conn),
        ),
        count(
            recovery_codes::table
                .filter(recovery_codes::staff_id.eq(key))
                .count()
                .get_result(conn),
        ),
        count(
            sessions::table
                .filter(sessions::staff_id.eq(key))
                .count()
                .get_result(conn),
        ),
    )
}

#[test]
fn user_reset_mfa_removes_the_factor_ends_the_sessions_and_is_audited() {
    let workspace = Workspace::new();
    for email in ["lost-phone@x.org", "keeps@x.org"] {
        workspace
            .run(&[
                "user", "add", "--email", email, "--name", "Someone", "--role", "lawyer",
            ])
            .success();
    }
    let lost = enrol_and_sign_in(&workspace, "lost-phone@x.org");
    let keeps = enrol_and_sign_in(&workspace, "keeps@x.org");
    assert_eq!(sign_in_rows(&workspace, lost), (1, 2, 1));

    let done = workspace
        .run(&["user", "reset-mfa", "--email", " Lost-Phone@X.org "])
        .success();
    assert!(
        done.stdout
            .contains("second factor reset for lost-phone@x.org"),
        "{}",
        done.stdout
    );
    assert_eq!(
        sign_in_rows(&workspace, lost),
        (0, 0, 0),
        "no factor, no recovery codes, signed out everywhere"
    );
    assert_eq!(sign_in_rows(&workspace, keeps), (1, 2, 1), "nobody else's");

    let resets: Vec<AuditRow> = workspace
        .audit()
        .into_iter()
        .filter(|row| row.action == "second_factor.reset")
        .collect();
    assert_eq!(resets.len(), 1);
    assert_eq!(resets[0].actor_id, None, "the operator, not a staff member");
    assert_eq!(resets[0].address.as_deref(), Some("command line"));
    assert_eq!(resets[0].target_id, Some(lost.to_string()));
}

#[test]
fn user_reset_mfa_of_an_unknown_email_fails_and_changes_nothing() {
    let workspace = Workspace::new();
    workspace
        .run(&[
            "user",
            "add",
            "--email",
            "known@x.org",
            "--name",
            "Known",
            "--role",
            "lawyer",
        ])
        .success();
    let known = enrol_and_sign_in(&workspace, "known@x.org");
    let entries = workspace.audit().len();

    let refused = workspace
        .run(&["user", "reset-mfa", "--email", "nobody@x.org"])
        .failure();
    assert!(
        refused.stderr.contains("no staff account with that email"),
        "says why: {}",
        refused.stderr
    );
    assert!(
        !refused.stderr.contains("panicked"),
        "a clean failure: {}",
        refused.stderr
    );
    assert_eq!(sign_in_rows(&workspace, known), (1, 2, 1));
    assert_eq!(workspace.audit().len(), entries, "nothing on record");
}

/// Adds an admin through the binary; returns their id.
fn add_admin(workspace: &Workspace, email: &str) -> uuid::Uuid {
    workspace
        .run_with_stdin(
            &[
                "user",
                "add",
                "--email",
                email,
                "--name",
                "Admin",
                "--role",
                "admin",
                "--password-stdin",
            ],
            "a long enough passphrase 42\n",
        )
        .success();
    let conn: &mut DbConnection = &mut workspace.connection();
    let id: refuge::db::uuid::DbUuid = staff::table
        .filter(staff::email.eq(email))
        .select(staff::id)
        .first(conn)
        .expect("the admin");
    id.0
}

/// The TOTP secrets as stored (sealed or not), by staff id.
fn stored_secrets(workspace: &Workspace) -> Vec<String> {
    #[derive(QueryableByName)]
    struct Secret {
        #[diesel(sql_type = diesel::sql_types::Text)]
        secret: String,
    }
    let conn: &mut DbConnection = &mut workspace.connection();
    diesel::sql_query("SELECT secret FROM second_factors ORDER BY secret")
        .load::<Secret>(conn)
        .expect("secrets")
        .into_iter()
        .map(|s| s.secret)
        .collect()
}

#[test]
fn keys_rotate_adds_a_key_and_reseals_every_value_then_resumes_with_nothing_left() {
    use refuge::db::second_factors;
    let workspace = Workspace::new();
    let sealed_one = add_admin(&workspace, "sealed@x.org");
    let plain_one = add_admin(&workspace, "plain@x.org");
    let key_file = workspace
        .database()
        .with_file_name("keys")
        .join("refuge.keys");
    let keys_in_file = || {
        std::fs::read_to_string(&key_file)
            .expect("the key file")
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .count()
    };
    assert_eq!(keys_in_file(), 1, "the first run made a key file");
    {
        let conn: &mut DbConnection = &mut workspace.connection();
        let now = chrono::Utc::now().naive_utc();
        second_factors::start_enrolment(conn, sealed_one.into(), "SEALEDSECRETAAAA", now)
            .expect("a sealed secret");
        // A row written before field encryption: plaintext.
        diesel::sql_query(
            "INSERT INTO second_factors (staff_id, secret, created_at) VALUES ($1, $2, $3)",
        )
        .bind::<refuge::db::uuid::PortableUuid, _>(refuge::db::uuid::DbUuid(plain_one))
        .bind::<diesel::sql_types::Text, _>("PLAINSECRETBBBBB")
        .bind::<diesel::sql_types::Timestamp, _>(now)
        .execute(conn)
        .expect("a plaintext secret");
    }
    let before = stored_secrets(&workspace);
    assert!(before.iter().any(|s| s == "PLAINSECRETBBBBB"), "{before:?}");

    let rotated = workspace.run(&["keys", "rotate"]).success();
    assert!(
        rotated.stdout.contains("Done: 2 values re-sealed"),
        "{}",
        rotated.stdout
    );
    assert_eq!(keys_in_file(), 2, "a new key was added, the old one kept");

    let mut settings = refuge::config::Settings::default();
    settings.database.url = workspace.database().display().to_string().into();
    let db = Db::open(&settings, 1).expect("the database opens");
    let prefix = db.keys().current_prefix();
    let after = stored_secrets(&workspace);
    assert_eq!(after.len(), 2);
    assert!(
        after.iter().all(|s| s.starts_with(&prefix)),
        "{after:?} under {prefix}"
    );
    let conn: &mut DbConnection = &mut db.get().expect("a connection");
    let read = |id: uuid::Uuid, conn: &mut DbConnection| {
        second_factors::find(conn, id.into())
            .expect("query")
            .map(|row| row.secret)
    };
    assert_eq!(read(sealed_one, conn).as_deref(), Some("SEALEDSECRETAAAA"));
    assert_eq!(read(plain_one, conn).as_deref(), Some("PLAINSECRETBBBBB"));

    let resumed = workspace.run(&["keys", "rotate", "--resume"]).success();
    assert!(
        resumed.stdout.contains("Done: 0 values re-sealed"),
        "{}",
        resumed.stdout
    );
    assert_eq!(keys_in_file(), 2, "--resume adds no key");
}
