//! `spawn_app()` and what tests need around it: staff accounts, signed-in clients, CSRF
//! tokens, audit queries.

use std::sync::Arc;

use actix_web::web;
use chrono::{TimeZone, Utc};
use diesel::Connection;
use diesel::connection::SimpleConnection;
use diesel::pg::PgConnection;
use refuge::clock::ManualClock;
use refuge::config::Settings;
use refuge::db::audit_log::{self, AuditFilter, AuditRow};
use refuge::db::outbox::MessageRow;
use refuge::domain::staff::{Role, Staff};
use refuge::email::Mailer;
use refuge::services::audit::AuditContext;
use refuge::services::outbox::{self, DeliveryReport};
use refuge::services::reminders::{self, ScanReport};
use refuge::services::staff::{NewStaffMember, create_as};
use refuge::startup::Application;
use refuge::state::AppState;

pub const PASSWORD: &str = "correct horse battery staple";

/// A database that exists for one test only.
pub enum TestDatabase {
    Sqlite(#[allow(dead_code)] tempfile::TempDir),
    Postgres {
        admin_url: String,
        name: String,
    },
    /// Another `TestApp` on the same database owns it.
    Shared,
}

/// The PostgreSQL role the server connects as when it serves as the serving role
/// (`refuge db grant --serving-role`); created once per cluster, granted per test database.
pub const SERVING_ROLE: &str = "refuge_test_serving";

/// Whether the suite's apps serve as [`SERVING_ROLE`] (PostgreSQL only; CI sets it for the
/// audit areas): the owner migrates, the server may only insert into and read the log.
fn serve_as_serving_role() -> bool {
    is_postgres() && std::env::var("REFUGE_TEST_SERVING_ROLE").is_ok_and(|v| !v.is_empty())
}

/// `url` with [`SERVING_ROLE`] as its user (trust authentication on these machines).
pub fn serving_url(url: &str) -> String {
    let mut url = url::Url::parse(url).expect("a PostgreSQL URL");
    url.set_username(SERVING_ROLE).expect("user");
    url.set_password(None).expect("no password");
    url.to_string()
}

/// As the owner: migrates the database at `owner_url`, creates the serving role if the
/// cluster lacks it, and grants it its privileges on this database.
pub fn grant_serving_role(owner_url: &str) {
    let db = refuge::db::Db::connect_without_keys(owner_url, 1).expect("the owner connects");
    let mut conn = db.get().expect("a connection");
    refuge::db::run_migrations(&mut conn).expect("the owner migrates");
    // Parallel tests may race to create it: a duplicate is fine.
    let _ = conn.batch_execute(&format!(
        "DO $$ BEGIN CREATE ROLE {SERVING_ROLE} LOGIN; \
         EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$"
    ));
    refuge::db::roles::grant_serving_role(&mut conn, SERVING_ROLE).expect("granted");
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        if let TestDatabase::Postgres { admin_url, name } = self
            && let Ok(mut conn) = PgConnection::establish(admin_url)
        {
            let _ = conn.batch_execute(&format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"));
        }
    }
}

/// A temporary directory only this account can enter, as Refuge requires of the
/// directories that hold its data (`tempfile` creates them under the umask, usually 0755).
pub fn private_tempdir() -> tempfile::TempDir {
    use std::os::unix::fs::PermissionsExt;
    tempfile::Builder::new()
        .permissions(std::fs::Permissions::from_mode(0o700))
        .tempdir()
        .expect("temp dir")
}

/// Creates the database and returns its URL plus the guard that drops it.
pub fn fresh_database() -> (String, TestDatabase) {
    match std::env::var("REFUGE_TEST_POSTGRES_URL") {
        Ok(admin_url) if !admin_url.is_empty() => {
            let name = format!("refuge_test_{}", uuid::Uuid::new_v4().simple());
            let mut admin = PgConnection::establish(&admin_url)
                .unwrap_or_else(|e| panic!("REFUGE_TEST_POSTGRES_URL does not connect: {e}"));
            admin
                .batch_execute(&format!("CREATE DATABASE \"{name}\""))
                .expect("create test database");
            let mut url = url::Url::parse(&admin_url).expect("REFUGE_TEST_POSTGRES_URL is a URL");
            url.set_path(&name);
            (url.to_string(), TestDatabase::Postgres { admin_url, name })
        }
        _ => {
            let dir = private_tempdir();
            let url = dir.path().join("refuge.db").display().to_string();
            (url, TestDatabase::Sqlite(dir))
        }
    }
}

pub fn is_postgres() -> bool {
    std::env::var("REFUGE_TEST_POSTGRES_URL").is_ok_and(|u| !u.is_empty())
}

pub struct TestApp {
    /// `http://127.0.0.1:<port>`
    pub address: String,
    pub clock: Arc<ManualClock>,
    pub state: web::Data<AppState>,
    pub setup_link: Option<String>,
    pub database_url: String,
    /// The URL of the tables' owner: the same as `database_url` unless the app serves as
    /// the serving role.
    pub owner_database_url: String,
    pub _database: TestDatabase,
    /// The `file` transport's directory: every test's mail goes to a directory of its own.
    pub mail_dir: tempfile::TempDir,
}

/// Monday 2026-11-23, 14:00 UTC: every test starts at the same instant.
pub fn start_time() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 23, 14, 0, 0)
        .single()
        .expect("valid time")
}

/// The data key of the test database at `database_url` (base64).
pub fn test_data_key(database_url: &str) -> String {
    use base64::Engine;
    use sha2::Digest;
    let key = sha2::Sha256::digest(format!("refuge test data key {database_url}"));
    base64::engine::general_purpose::STANDARD.encode(key)
}

pub fn test_settings(database_url: &str) -> Settings {
    let mut settings = Settings {
        listen: "127.0.0.1:0".into(),
        ..Settings::default()
    };
    settings.database.url = database_url.into();
    settings.database.pool_size = 4;
    // A data key held in memory (no key file is written for a test), drawn from the
    // database's random name: a server restarted on the same database has the same key.
    settings.data_key = Some(test_data_key(database_url).into());
    settings.passwords.max_concurrent_hashes = 2;
    // The clock stands still in tests, so the anonymous limiter's allowance never refills:
    // raised out of the way (auth::anonymous_endpoints_answer_429_with_retry_after tests it).
    settings.anonymous.burst = 1_000_000;
    // Tests deliver mail and run the daily scan when they choose (`deliver_mail`,
    // `run_daily_scan`); the two-server test turns the worker on.
    settings.mail.worker = false;
    settings
}

pub async fn spawn_app() -> TestApp {
    spawn_app_with(|_| {}).await
}

/// Like `spawn_app`, with settings adjusted first.
pub async fn spawn_app_with(adjust: impl FnOnce(&mut Settings)) -> TestApp {
    if std::env::var("TEST_LOG").is_ok() {
        refuge::telemetry::init("info");
    }
    let (owner_database_url, database) = fresh_database();
    let database_url = if serve_as_serving_role() {
        grant_serving_role(&owner_database_url);
        serving_url(&owner_database_url)
    } else {
        owner_database_url.clone()
    };
    build_app(database_url, owner_database_url, database, adjust).await
}

async fn build_app(
    database_url: String,
    owner_database_url: String,
    database: TestDatabase,
    adjust: impl FnOnce(&mut Settings),
) -> TestApp {
    let mut settings = test_settings(&database_url);
    let mail_dir = private_tempdir();
    settings.mail.directory = mail_dir.path().display().to_string();
    adjust(&mut settings);
    let clock = Arc::new(ManualClock::new(start_time()));
    let app = Application::build(settings, clock.clone())
        .await
        .expect("application builds");
    let port = app.port();
    let state = app.state();
    // The test office makes the second factor optional, so that the suite's many sign-ins
    // are one step. It is the real office setting: `auth::second_factor` tests set it back
    // to the default a new office has (required for everyone) and to the other choices.
    state
        .db
        .run(|conn| {
            Ok(refuge::db::office_settings::set_value(
                conn,
                refuge::db::office_settings::SECOND_FACTOR_POLICY,
                "optional",
            )?)
        })
        .await
        .expect("second-factor policy");
    let setup_link = app.setup_link().map(str::to_string);
    actix_web::rt::spawn(app.run_until_stopped());
    TestApp {
        address: format!("http://127.0.0.1:{port}"),
        clock,
        state,
        setup_link,
        database_url,
        owner_database_url,
        _database: database,
        mail_dir,
    }
}

/// A client that keeps cookies and does not follow redirects (tests look at them). It does
/// not reuse a connection idle for longer than the server keeps one open (5 s): a test that
/// pauses, say to start a second app, would otherwise send on a connection being closed.
pub fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .pool_idle_timeout(std::time::Duration::from_secs(2))
        .build()
        .expect("client")
}

/// A signed-in browser session.
pub struct Session {
    pub client: reqwest::Client,
    pub staff: Staff,
    pub password: String,
}

/// Pulls the CSRF token out of a page (`<meta name="csrf-token">` or a form field).
pub fn csrf_from(html: &str) -> Option<String> {
    for marker in [
        "name=\"csrf-token\" content=\"",
        "name=\"csrf_token\" value=\"",
    ] {
        if let Some(start) = html.find(marker) {
            let rest = &html[start + marker.len()..];
            let token = &rest[..rest.find('"')?];
            if !token.is_empty() {
                return Some(token.to_string());
            }
        }
    }
    None
}

impl TestApp {
    /// Runs `sql` as the tables' owner would (an attacker holding the owner's role).
    pub async fn owner_sql(&self, sql: String) {
        let url = self.owner_database_url.clone();
        actix_web::web::block(move || {
            let db = refuge::db::Db::connect_without_keys(&url, 1).expect("the owner connects");
            let mut conn = db.get().expect("a connection");
            conn.batch_execute(&sql).expect("the owner's SQL runs");
        })
        .await
        .expect("blocking task");
    }

    /// Grants the serving role its privileges on this app's database (PostgreSQL).
    pub fn grant_serving_role(&self) {
        grant_serving_role(&self.owner_database_url);
    }

    /// A second server on the same database, connected as the serving role (PostgreSQL).
    pub async fn restart_as_serving_role(&self) -> TestApp {
        self.grant_serving_role();
        build_app(
            serving_url(&self.owner_database_url),
            self.owner_database_url.clone(),
            TestDatabase::Shared,
            |_| {},
        )
        .await
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.address, path)
    }

    /// Adds a staff member through the same service the CLI uses.
    pub async fn create_staff(&self, role: Role, email: &str) -> Staff {
        let new = NewStaffMember::parse(
            email,
            &format!("Test {role}"),
            role.as_str(),
            "en",
            Some(PASSWORD),
        )
        .expect("valid staff member");
        let audit = AuditContext::new(
            None,
            Some("test".into()),
            self.clock.as_ref().now_for_tests(),
        );
        create_as(&self.state, audit, new)
            .await
            .expect("staff created")
            .0
    }

    /// Fetches `path` and returns the CSRF token on it.
    pub async fn csrf(&self, client: &reqwest::Client, path: &str) -> String {
        let html = client
            .get(self.url(path))
            .send()
            .await
            .expect("page loads")
            .text()
            .await
            .expect("page body");
        csrf_from(&html).unwrap_or_else(|| panic!("no CSRF token on {path}"))
    }

    /// Signs in through the login form; panics unless it succeeds.
    pub async fn login(&self, email: &str, password: &str) -> reqwest::Client {
        let client = client();
        let response = self.submit_login(&client, email, password).await;
        assert_eq!(response.status(), 303, "login of {email} failed");
        client
    }

    /// Submits the login form once and returns the raw response.
    pub async fn submit_login(
        &self,
        client: &reqwest::Client,
        email: &str,
        password: &str,
    ) -> reqwest::Response {
        let csrf = self.csrf(client, "/login").await;
        client
            .post(self.url("/login"))
            .form(&[
                ("csrf_token", csrf.as_str()),
                ("email", email),
                ("password", password),
            ])
            .send()
            .await
            .expect("login request")
    }

    /// A new staff member of `role`, signed in.
    pub async fn login_as(&self, role: Role) -> Session {
        let email = format!(
            "{}-{}@office.example.org",
            role.as_str(),
            uuid::Uuid::new_v4().simple()
        );
        let staff = self.create_staff(role, &email).await;
        let client = self.login(&email, PASSWORD).await;
        Session {
            client,
            staff,
            password: PASSWORD.into(),
        }
    }

    /// POSTs a form with the session's CSRF token added.
    pub async fn post_form(
        &self,
        client: &reqwest::Client,
        path: &str,
        fields: &[(&str, &str)],
    ) -> reqwest::Response {
        let csrf = self.csrf(client, "/account").await;
        let mut body: Vec<(&str, &str)> = vec![("csrf_token", csrf.as_str())];
        body.extend_from_slice(fields);
        client
            .post(self.url(path))
            .form(&body)
            .send()
            .await
            .expect("form POST")
    }

    /// A bearer token for the given account.
    pub async fn api_token(&self, email: &str, password: &str) -> String {
        let response = client()
            .post(self.url("/api/v1/tokens"))
            .json(&serde_json::json!({ "email": email, "password": password }))
            .send()
            .await
            .expect("token request");
        assert_eq!(response.status(), 201, "token for {email}");
        let body: serde_json::Value = response.json().await.expect("token JSON");
        body["token"].as_str().expect("token").to_string()
    }

    /// Audit entries, newest first.
    pub async fn audit(&self, filter: AuditFilter) -> Vec<AuditRow> {
        self.state
            .db
            .run(move |conn| Ok(audit_log::list(conn, &filter, 1000, 0)?))
            .await
            .expect("audit query")
    }

    /// GETs a page with `client`: (status, body).
    pub async fn page(&self, client: &reqwest::Client, path: &str) -> (u16, String) {
        let response = client.get(self.url(path)).send().await.expect(path);
        let status = response.status().as_u16();
        (status, response.text().await.expect("body"))
    }

    /// One round of the outbox with the configured transport.
    pub async fn deliver_mail(&self) -> DeliveryReport {
        let mailer = Mailer::from_settings(&self.state.settings.mail).expect("mailer");
        outbox::deliver_due(&self.state, &mailer)
            .await
            .expect("outbox delivered")
    }

    /// The daily scan for the office's date now, whether or not its time has come.
    pub async fn run_daily_scan(&self) -> ScanReport {
        let (today, _) = reminders::office_now(&self.state).expect("office date");
        reminders::scan(&self.state, today).await.expect("scan")
    }

    /// Every outbox message, oldest first.
    pub async fn outbox(&self) -> Vec<MessageRow> {
        self.state
            .db
            .run(|conn| {
                use diesel::prelude::*;
                use refuge::db::schema::outbox;
                Ok(outbox::table
                    .order((outbox::created_at.asc(), outbox::to_address.asc()))
                    .select(outbox::all_columns)
                    .load::<MessageRow>(conn)?)
            })
            .await
            .expect("outbox query")
    }

    /// The `.eml` files the file transport has written.
    pub fn mail_files(&self) -> Vec<String> {
        let mut files: Vec<String> = std::fs::read_dir(self.mail_dir.path())
            .expect("mail dir")
            .filter_map(Result::ok)
            .filter(|entry| entry.path().extension().is_some_and(|e| e == "eml"))
            .map(|entry| std::fs::read_to_string(entry.path()).expect("eml"))
            .collect();
        files.sort();
        files
    }

    /// The permission bits of each `.eml` file.
    pub fn mail_file_modes(&self) -> Vec<u32> {
        use std::os::unix::fs::PermissionsExt;
        std::fs::read_dir(self.mail_dir.path())
            .expect("mail dir")
            .filter_map(Result::ok)
            .filter(|entry| entry.path().extension().is_some_and(|e| e == "eml"))
            .map(|entry| entry.metadata().expect("metadata").permissions().mode() & 0o777)
            .collect()
    }

    /// A draft case (given name Yulia, affirmative) with `lawyer` of record and no
    /// paralegal, saved through the intake service; returns its id and reference.
    pub async fn draft_case(&self, lawyer: &Staff, family_name: &str) -> (uuid::Uuid, String) {
        let lawyer_id = lawyer.id.to_string();
        let form = refuge::routes::cases::intake::form::IntakeForm::from_pairs(
            [
                ("client.family_name", family_name),
                ("client.given_name", "Yulia"),
                ("claim.kind", "affirmative"),
                ("claim.lawyer_id", lawyer_id.as_str()),
            ]
            .map(|(k, v)| (k.to_string(), v.to_string())),
        );
        let saved = refuge::services::intake::save(
            &self.state,
            lawyer,
            None,
            form.parse().expect("parses"),
            false,
            None,
        )
        .await
        .expect("case saved");
        (saved.id, saved.reference)
    }

    pub async fn audit_actions(&self) -> Vec<String> {
        self.audit(AuditFilter::default())
            .await
            .into_iter()
            .map(|r| r.action)
            .collect()
    }
}

/// The pinned clock's time (tests move it with `app.clock.advance`).
pub trait NowForTests {
    fn now_for_tests(&self) -> chrono::DateTime<Utc>;
}

impl NowForTests for ManualClock {
    fn now_for_tests(&self) -> chrono::DateTime<Utc> {
        refuge::clock::Clock::now(self)
    }
}

pub trait TodayForTests {
    fn now_date(&self) -> chrono::NaiveDate;
}

impl TodayForTests for ManualClock {
    fn now_date(&self) -> chrono::NaiveDate {
        refuge::clock::Clock::now(self).date_naive()
    }
}

// ---- Reading and submitting HTML forms (shared by setup.rs and staff_admin.rs) ----

/// The text of the error shown right under `field` (`<p class="field-error" id="{field}-error">`).
pub fn field_error(html: &str, field: &str) -> Option<String> {
    let marker = format!("<p class=\"field-error\" id=\"{field}-error\">");
    let start = html.find(&marker)? + marker.len();
    let end = html[start..].find("</p>")?;
    Some(html[start..start + end].to_string())
}

/// The `value` written after `name="{name}"` (or else `id="{name}"`) in the same tag.
pub fn input_value(html: &str, name: &str) -> Option<String> {
    let tag_start = html
        .find(&format!("name=\"{name}\""))
        .or_else(|| html.find(&format!("id=\"{name}\"")))?;
    let tag = &html[tag_start..tag_start + html[tag_start..].find('>')?];
    let value_start = tag.find("value=\"")? + "value=\"".len();
    let value_end = tag[value_start..].find('"')?;
    Some(tag[value_start..value_start + value_end].to_string())
}

/// Whether the case page's folding section `id` renders open (`<details … id="{id}" open>`).
pub fn section_open(html: &str, id: &str) -> bool {
    let Some(at) = html.find(&format!(" id=\"{id}\"")) else {
        return false;
    };
    let start = html[..at].rfind('<').unwrap_or(0);
    let tag = &html[start..at + html[at..].find('>').unwrap_or(0)];
    assert!(
        tag.starts_with("<details"),
        "section {id} is no <details>: {tag}"
    );
    tag.contains(" open")
}

/// Whether the form posting to `action` sits behind an Edit control (`<details class="edit">`)
/// that renders open. `None` when the form is behind no Edit control.
pub fn edit_open(html: &str, action: &str) -> Option<bool> {
    let at = html.find(&format!("action=\"{action}\""))?;
    let before = &html[..at];
    let start = before.rfind("<details class=\"edit\"")?;
    if before[start..].contains("</details>") {
        return None;
    }
    let tag = &before[start..start + before[start..].find('>')?];
    Some(tag.contains(" open"))
}

impl TestApp {
    /// POSTs a form to a page reached by a link (setup, invitation), with the CSRF token of
    /// that page, or of the login page when the link shows no form (dead links).
    pub async fn post_link_form(
        &self,
        client: &reqwest::Client,
        path: &str,
        fields: &[(&str, &str)],
    ) -> reqwest::Response {
        let page = client.get(self.url(path)).send().await.expect("GET");
        let csrf = match csrf_from(&page.text().await.expect("page body")) {
            Some(token) => token,
            None => self.csrf(client, "/login").await,
        };
        let mut body = vec![("csrf_token", csrf.as_str())];
        body.extend_from_slice(fields);
        client
            .post(self.url(path))
            .form(&body)
            .send()
            .await
            .expect("form POST")
    }
}

/// The TOTP secret an enrolment page shows as text.
pub fn totp_secret_from(html: &str) -> Option<refuge::domain::second_factor::TotpSecret> {
    let marker = "id=\"totp-secret\">";
    let start = html.find(marker)? + marker.len();
    let end = html[start..].find('<')?;
    refuge::domain::second_factor::TotpSecret::from_base32(&html[start..start + end])
}

impl TestApp {
    /// Sets the office's second-factor policy in the database; `None` removes it, as in a
    /// new office (required for everyone).
    pub async fn set_second_factor_policy(&self, policy: Option<&'static str>) {
        self.state
            .db
            .run(move |conn| {
                use refuge::db::office_settings::{SECOND_FACTOR_POLICY, set_value};
                match policy {
                    Some(policy) => set_value(conn, SECOND_FACTOR_POLICY, policy)?,
                    None => {
                        use diesel::prelude::*;
                        use refuge::db::schema::office_settings;
                        diesel::delete(office_settings::table.find(SECOND_FACTOR_POLICY))
                            .execute(conn)?;
                    }
                }
                Ok(())
            })
            .await
            .expect("second-factor policy");
    }

    /// The code `secret` gives at the pinned clock's time.
    pub fn totp_code(&self, secret: &refuge::domain::second_factor::TotpSecret) -> String {
        secret.code_at(self.clock.as_ref().now_for_tests().timestamp())
    }

    /// Sets up a second factor for the signed-in `client` on its account page, confirming
    /// with the current code; returns the secret and the recovery codes shown.
    pub async fn enrol_second_factor(
        &self,
        client: &reqwest::Client,
    ) -> (refuge::domain::second_factor::TotpSecret, Vec<String>) {
        let (status, html) = self.page(client, "/account/second-factor").await;
        assert_eq!(status, 200, "{html}");
        let secret = totp_secret_from(&html).expect("the secret is shown as text");
        let csrf = csrf_from(&html).expect("CSRF token");
        let response = client
            .post(self.url("/account/second-factor"))
            .form(&[
                ("csrf_token", csrf.as_str()),
                ("code", &self.totp_code(&secret)),
            ])
            .send()
            .await
            .expect("confirm enrolment");
        (secret, self.recovery_codes_after(client, &response).await)
    }

    /// The recovery codes a POST's answer leads to: a 303 to the page that shows them once.
    pub async fn recovery_codes_after(
        &self,
        client: &reqwest::Client,
        response: &reqwest::Response,
    ) -> Vec<String> {
        assert_eq!(response.status(), 303, "the POST redirects");
        let to = response
            .headers()
            .get("location")
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default();
        assert!(
            to.starts_with("/account/second-factor/recovery-codes"),
            "to the recovery codes: {to}"
        );
        let (status, html) = self.page(client, to).await;
        assert_eq!(status, 200, "{html}");
        let codes = recovery_codes_from(&html);
        assert_eq!(codes.len(), 10, "ten recovery codes: {html}");
        for code in &codes {
            assert!(!to.contains(code.as_str()), "no code in the URL: {to}");
        }
        codes
    }

    /// Submits the second step of signing in with `code`.
    pub async fn submit_second_step(
        &self,
        client: &reqwest::Client,
        code: &str,
    ) -> reqwest::Response {
        let csrf = self.csrf(client, "/login/second-factor").await;
        client
            .post(self.url("/login/second-factor"))
            .form(&[("csrf_token", csrf.as_str()), ("code", code)])
            .send()
            .await
            .expect("second step")
    }
}

/// The recovery codes a page shows once.
pub fn recovery_codes_from(html: &str) -> Vec<String> {
    html.split("<li><code>")
        .skip(1)
        .filter_map(|rest| rest.split('<').next())
        .map(str::to_string)
        .collect()
}

// ---------------------------------------------------------------------------------------------
// A complete case: the I-589 check finds nothing missing, so it may be filed.

/// The yes/no questions of Parts B and C, by their intake names.
const I589_QUESTIONS: [&str; 13] = [
    "past_harm",
    "fear_of_harm",
    "arrested_abroad",
    "organizations",
    "continued_participation",
    "fear_of_torture",
    "earlier_applications",
    "other_countries",
    "status_elsewhere",
    "harmed_others",
    "returned",
    "filed_after_one_year",
    "crimes_in_us",
];

/// A draft intake (the intake page's fields) answering every item of the I-589 the case file
/// asks, so the completeness check finds nothing missing: an affirmative claim whose lawyer is
/// `lawyer_id`, with one person of each group (family rows: 0 spouse, 1 child, 2 parent,
/// 3 sibling).
pub fn complete_intake(lawyer_id: &str) -> Vec<(String, String)> {
    let mut fields: Vec<(String, String)> = [
        ("client.family_name", "Kovalenko"),
        ("client.given_name", "Oksana"),
        ("client.middle_name", "NONE"),
        ("client.native_name", "Оксана Коваленко"),
        ("client.other_names", "N/A"),
        ("client.date_of_birth", "1990-03-04"),
        ("client.sex", "female"),
        ("client.country_of_birth", "UA"),
        ("client.nationalities", "UA"),
        ("client.passport_numbers", "FX123456"),
        ("client.passport_expiry", "2030-01-01"),
        ("client.phone", "+1 916 555 0100"),
        (
            "client.us_address",
            "12 Elm St, Apt 3, Sacramento, CA 95814",
        ),
        ("entry.last_arrival_on", "2025-06-01"),
        ("entry.port_of_entry", "San Ysidro, CA"),
        ("entry.manner_of_entry", "cbp_one"),
        ("entry.i94_number", "123456789A1"),
        ("entry.class_of_admission", "DT parole"),
        ("entry.parole_expires_on", "2027-06-01"),
        ("claim.kind", "affirmative"),
        ("claim_answers.grounds", "political_opinion"),
        // Part A.III.
        ("background.last_address.street", "Sumska 17"),
        ("background.last_address.city", "Kharkiv"),
        ("background.last_address.province", "N/A"),
        ("background.last_address.country", "UA"),
        ("background.last_address.from", "2019-04"),
        ("background.last_address.to", "2025-05"),
        ("background.feared_country_same", "on"),
        ("residences.0.city", "Sacramento"),
        ("residences.0.to_present", "on"),
        ("background.no_schooling", "on"),
        ("jobs.0.employer", "Kharkiv Tractor Plant, Kharkiv, Ukraine"),
        ("jobs.0.occupation", "Engineer"),
        ("jobs.0.from", "2015-09"),
        ("jobs.0.to", "2025-05"),
        ("background.mother.full_name", "Olena Shevchuk"),
        ("background.mother.birth_city", "Poltava"),
        ("background.mother.birth_country", "UA"),
        ("background.mother.location", "Kharkiv, Ukraine"),
        ("background.father.full_name", "UNKNOWN"),
        ("background.father.birth_city", "UNKNOWN"),
        ("background.father.birth_country", "UA"),
        ("background.father.deceased", "on"),
        ("siblings.0.full_name", "Taras Shevchuk"),
        ("siblings.0.birth_city", "Kharkiv"),
        ("siblings.0.birth_country", "UA"),
        ("siblings.0.location", "Kyiv, Ukraine"),
        // Part A.I beyond the client's details.
        ("applicant.ssn", "NONE"),
        ("applicant.uscis_account_number", "NONE"),
        ("applicant.mailing_same_as_residence", "yes"),
        ("applicant.marital_status", "married"),
        ("applicant.city_of_birth", "Kharkiv"),
        ("applicant.nationality_at_birth", "UA"),
        ("applicant.ethnic_group", "Ukrainian"),
        ("applicant.religion", "Orthodox"),
        ("applicant.court_proceedings", "never"),
        ("applicant.left_home_country_on", "2025-05-20"),
        ("applicant.travel_document_country", "UA"),
        ("applicant.native_language", "uk"),
        ("applicant.fluent_in_english", "no"),
        ("client.languages", "ru"),
        ("us_entries.0.row", "new"),
        ("us_entries.0.arrived_on", "2025-06-01"),
        ("us_entries.0.place", "San Ysidro, CA"),
        ("us_entries.0.status", "DT parole"),
        ("us_entries.0.status_expires_on", "2027-06-01"),
        ("action", "save_draft"),
    ]
    .iter()
    .map(|(k, v)| ((*k).to_string(), (*v).to_string()))
    .collect();
    fields.push(("claim.lawyer_id".into(), lawyer_id.into()));
    for question in I589_QUESTIONS {
        fields.push((format!("claim_answers.{question}.answer"), "no".into()));
    }
    let family = [
        ("spouse", "Kovalenko", "Andriy", "1988-01-02", "married"),
        ("child", "Kovalenko", "Maria", "2015-05-06", "single"),
        ("parent", "Shevchuk", "Olena", "1962-07-08", "widowed"),
        ("sibling", "Shevchuk", "Taras", "1993-09-10", "single"),
    ];
    for (row, (relationship, family_name, given_name, born, marital)) in family.iter().enumerate() {
        for (name, value) in [
            ("row", "new"),
            ("relationship", relationship),
            ("family_name", family_name),
            ("given_name", given_name),
            ("date_of_birth", born),
            ("marital_status", marital),
        ] {
            fields.push((format!("family.{row}.{name}"), (*value).to_string()));
        }
    }
    // Part A.II of the spouse (in the US) and the child (still abroad).
    for row in [0, 1] {
        for (name, value) in [
            ("a_number", "NONE"),
            ("passport_number", "FX7654321"),
            ("ssn", "NONE"),
            ("middle_name", "NONE"),
            ("other_names", "NONE"),
            ("city_of_birth", "Kharkiv"),
            ("country_of_birth", "UA"),
            ("nationality", "UA"),
            ("ethnic_group", "Ukrainian"),
            ("sex", if row == 0 { "male" } else { "female" }),
        ] {
            fields.push((format!("family.{row}.{name}"), value.to_string()));
        }
    }
    for (name, value) in [
        ("married_on", "2012-09-15"),
        ("marriage_place", "Kharkiv, Ukraine"),
        ("in_us", "on"),
        ("last_entry_place", "San Ysidro, CA"),
        ("last_entry_on", "2025-06-01"),
        ("i94_number", "123456789B2"),
        ("status_when_admitted", "DT parole"),
        ("current_status", "Parolee"),
        ("in_court_proceedings", "no"),
    ] {
        fields.push((format!("family.0.{name}"), value.to_string()));
    }
    fields.push(("family.1.location".into(), "Lviv, Ukraine".into()));
    fields
}

impl TestApp {
    /// Puts a case at a stage directly, with a clear conflict check, to test moves out of it.
    pub async fn put_at(
        &self,
        id: uuid::Uuid,
        stage: refuge::domain::case_stage::CaseStage,
        by: &Staff,
    ) {
        let by = by.id;
        self.state
            .db
            .run(move |conn| {
                let now = chrono::NaiveDate::from_ymd_opt(2026, 11, 23)
                    .and_then(|d| d.and_hms_opt(12, 0, 0))
                    .expect("time");
                refuge::db::cases::set_stage(
                    conn,
                    id,
                    stage,
                    (!stage.is_open()).then_some(now),
                    now,
                )?;
                refuge::db::cases::record_conflict_check(conn, id, "clear", "", by, now)?;
                Ok(())
            })
            .await
            .expect("stage set");
    }

    /// Opens a case for `lawyer` whose intake answers every I-589 item
    /// ([`complete_intake`]); returns its id.
    pub async fn complete_case(&self, lawyer: &Session) -> uuid::Uuid {
        saved_case_id(&self.post_intake(lawyer, "/intake", None).await)
    }

    /// Replaces case `id`'s intake with [`complete_intake`] (`lawyer` its lawyer, `paralegal`
    /// kept assigned), so that the case may be filed.
    pub async fn complete_the_intake(
        &self,
        lawyer: &Session,
        id: uuid::Uuid,
        paralegal: Option<&Staff>,
    ) {
        let path = format!("/cases/{id}/intake");
        let response = self.post_intake(lawyer, &path, paralegal).await;
        assert_eq!(response.status(), 303, "the intake is saved");
    }

    async fn post_intake(
        &self,
        lawyer: &Session,
        path: &str,
        paralegal: Option<&Staff>,
    ) -> reqwest::Response {
        let mut fields = complete_intake(&lawyer.staff.id.to_string());
        if let Some(paralegal) = paralegal {
            fields.push(("claim.paralegal_id".into(), paralegal.id.to_string()));
        }
        let pairs: Vec<(&str, &str)> = fields
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        self.post_form(&lawyer.client, path, &pairs).await
    }
}

/// The case an intake form's answer leads to: a 303 to `/cases/{id}`.
pub fn saved_case_id(response: &reqwest::Response) -> uuid::Uuid {
    assert_eq!(response.status(), 303, "the intake is saved");
    response
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .and_then(|l| l.strip_prefix("/cases/"))
        .and_then(|id| id.parse().ok())
        .expect("the intake leads to its case")
}

/// How many statements `f` started on `conn`, and what it returned.
pub fn statements_of<T>(
    conn: &mut refuge::db::DbConnection,
    f: impl FnOnce(&mut refuge::db::DbConnection) -> T,
) -> (usize, T) {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};

    use diesel::connection::{Instrumentation, InstrumentationEvent};

    let started = Arc::new(AtomicUsize::new(0));
    let counted = started.clone();
    conn.set_instrumentation(move |event: InstrumentationEvent<'_>| {
        if matches!(event, InstrumentationEvent::StartQuery { .. }) {
            counted.fetch_add(1, Ordering::SeqCst);
        }
    });
    let value = f(conn);
    conn.set_instrumentation(None::<Box<dyn Instrumentation>>);
    (started.load(Ordering::SeqCst), value)
}
