//! A real browser: headless Chromium driven over WebDriver through the intake journey and a
//! second factor's enrolment and first use, and through a session that ends in the middle of
//! an intake.
//!
//! Needs `chromedriver` and `chromium` (Debian's `chromium-driver` and `chromium`; `.ci/run`
//! installs them). Without them the test says so and passes, unless `REFUGE_BROWSER_TESTS=1`
//! demands the browser (as CI does). The WebDriver protocol is plain JSON over HTTP, spoken
//! here with the HTTP client the suite already has.

use std::net::TcpListener;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use refuge::domain::staff::Role;
use serde_json::{Value, json};

use crate::helpers::{NowForTests, PASSWORD, TodayForTests, spawn_app};

const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";

struct Driver {
    process: Child,
    base: String,
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.process.kill();
        let _ = self.process.wait();
    }
}

struct Browser {
    http: reqwest::Client,
    session: String,
    _driver: Driver,
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

impl Browser {
    /// Starts chromedriver and a headless Chromium session, or `None` when they are not
    /// installed and not required.
    async fn start() -> Option<Browser> {
        let required = std::env::var("REFUGE_BROWSER_TESTS").is_ok_and(|v| v == "1");
        let port = free_port();
        let process = match Command::new("chromedriver")
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
        {
            Ok(process) => process,
            Err(err) if !required => {
                eprintln!(
                    "browser test skipped: chromedriver not available ({err}); set REFUGE_BROWSER_TESTS=1 to require it"
                );
                return None;
            }
            Err(err) => panic!("REFUGE_BROWSER_TESTS=1 but chromedriver does not start: {err}"),
        };
        let driver = Driver {
            process,
            base: format!("http://127.0.0.1:{port}"),
        };
        let http = reqwest::Client::new();
        for _ in 0..100 {
            if http
                .get(format!("{}/status", driver.base))
                .send()
                .await
                .is_ok()
            {
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        let profile = tempfile::tempdir().expect("profile dir");
        let capabilities = json!({
            "capabilities": { "alwaysMatch": {
                "browserName": "chrome",
                "goog:chromeOptions": {
                    "binary": std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into()),
                    "args": [
                        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--window-size=1200,2400", "--lang=en-US",
                        format!("--user-data-dir={}", profile.path().display()),
                    ]
                }
            }}
        });
        let response: Value = http
            .post(format!("{}/session", driver.base))
            .json(&capabilities)
            .send()
            .await
            .expect("new session request")
            .json()
            .await
            .expect("new session answer");
        let session = response["value"]["sessionId"]
            .as_str()
            .unwrap_or_else(|| panic!("no WebDriver session: {response}"))
            .to_string();
        // The profile directory must outlive the browser; leak it to the end of the test.
        std::mem::forget(profile);
        Some(Browser {
            http,
            session,
            _driver: driver,
        })
    }

    async fn command(&self, method: reqwest::Method, path: &str, body: Value) -> Value {
        let url = format!("{}/session/{}{path}", self._driver.base, self.session);
        let mut request = self.http.request(method, url);
        if !body.is_null() {
            request = request.json(&body);
        }
        let answer: Value = request
            .send()
            .await
            .expect("WebDriver command")
            .json()
            .await
            .expect("WebDriver JSON");
        if answer["value"].get("error").is_some() {
            panic!("WebDriver {path}: {}", answer["value"]);
        }
        answer["value"].clone()
    }

    async fn goto(&self, url: &str) {
        self.command(reqwest::Method::POST, "/url", json!({ "url": url }))
            .await;
    }

    async fn find(&self, css: &str) -> String {
        let found = self
            .command(
                reqwest::Method::POST,
                "/element",
                json!({ "using": "css selector", "value": css }),
            )
            .await;
        found[ELEMENT]
            .as_str()
            .unwrap_or_else(|| panic!("no element {css}: {found}"))
            .to_string()
    }

    async fn type_into(&self, css: &str, text: &str) {
        let element = self.find(css).await;
        self.command(
            reqwest::Method::POST,
            &format!("/element/{element}/clear"),
            json!({}),
        )
        .await;
        self.command(
            reqwest::Method::POST,
            &format!("/element/{element}/value"),
            json!({ "text": text }),
        )
        .await;
    }

    async fn click(&self, css: &str) {
        let element = self.find(css).await;
        self.command(
            reqwest::Method::POST,
            &format!("/element/{element}/click"),
            json!({}),
        )
        .await;
    }

    /// Clicks a button that submits a form, and waits for the next page: until the page
    /// that held the button is gone, a later lookup could still find its elements.
    async fn submit(&self, css: &str) {
        let page = self.find("html").await;
        self.click(css).await;
        let url = format!(
            "{}/session/{}/element/{page}/name",
            self._driver.base, self.session
        );
        for _ in 0..100 {
            let answer: Value = match self.http.get(&url).send().await {
                Ok(response) => response.json().await.unwrap_or_default(),
                Err(_) => Value::Null,
            };
            if answer["value"].get("error").is_some() {
                return;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!("no new page after submitting {css}");
    }

    async fn select(&self, css: &str, value: &str) {
        self.click(&format!("{css} option[value=\"{value}\"]"))
            .await;
    }

    async fn text(&self) -> String {
        let body = self.find("body").await;
        self.command(
            reqwest::Method::GET,
            &format!("/element/{body}/text"),
            Value::Null,
        )
        .await
        .as_str()
        .unwrap_or_default()
        .to_string()
    }

    /// The text of the element `css` finds, as the page shows it.
    async fn text_of(&self, css: &str) -> String {
        let element = self.find(css).await;
        self.command(
            reqwest::Method::GET,
            &format!("/element/{element}/text"),
            Value::Null,
        )
        .await
        .as_str()
        .unwrap_or_default()
        .to_string()
    }

    async fn current_url(&self) -> String {
        self.command(reqwest::Method::GET, "/url", Value::Null)
            .await
            .as_str()
            .unwrap_or_default()
            .to_string()
    }

    /// Signs in through the login page as `email` with the test password.
    async fn sign_in(&self, app: &crate::helpers::TestApp, email: &str) {
        self.goto(&app.url("/login")).await;
        self.type_into("#email", email).await;
        self.type_into("#password", PASSWORD).await;
        self.submit("form[action='/login'] button[type=submit]")
            .await;
    }

    /// The attribute `name` of the element `css` finds (`None` when it has none).
    async fn attribute(&self, css: &str, name: &str) -> Option<String> {
        let element = self.find(css).await;
        self.command(
            reqwest::Method::GET,
            &format!("/element/{element}/attribute/{name}"),
            Value::Null,
        )
        .await
        .as_str()
        .map(str::to_string)
    }

    /// Resizes the window to `width` × `height` CSS pixels.
    async fn resize(&self, width: u32, height: u32) {
        self.command(
            reqwest::Method::POST,
            "/window/rect",
            json!({ "width": width, "height": height }),
        )
        .await;
    }

    /// Runs `script` (a function body) in the page and returns what it returns.
    async fn run(&self, script: &str) -> Value {
        self.command(
            reqwest::Method::POST,
            "/execute/sync",
            json!({ "script": script, "args": [] }),
        )
        .await
    }

    /// The page printed to PDF (A4 or Letter is the browser's choice; Letter by default).
    async fn print_pdf(&self) -> Vec<u8> {
        use base64::Engine;
        let pdf = self
            .command(reqwest::Method::POST, "/print", json!({}))
            .await;
        base64::engine::general_purpose::STANDARD
            .decode(pdf.as_str().unwrap_or_default())
            .expect("PDF is base64")
    }

    async fn screenshot(&self, path: &std::path::Path) {
        use base64::Engine;
        let png = self
            .command(reqwest::Method::GET, "/screenshot", Value::Null)
            .await;
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(png.as_str().unwrap_or_default())
            .expect("screenshot is base64");
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).expect("screenshot directory");
        }
        std::fs::write(path, bytes).expect("screenshot written");
    }
}

/// The code an authenticator app shows at `unix_seconds` for the secret as the page shows
/// it (base32 in groups of four): RFC 6238 with the parameters apps assume (SHA-1, six
/// digits, 30-second steps), worked out here with totp-rs rather than by Refuge's own code.
fn authenticator_code(shown: &str, unix_seconds: i64) -> String {
    let compact: String = shown.split_whitespace().collect();
    let secret = totp_rs::Secret::try_from_base32(&compact).expect("the secret is base32");
    let totp = totp_rs::Builder::new()
        .with_algorithm(totp_rs::Algorithm::SHA1)
        .with_digits(6)
        .with_step_duration(30)
        .with_secret(secret)
        .build()
        .expect("a TOTP for the shown secret");
    totp.generate(u64::try_from(unix_seconds).expect("after 1970"))
        .to_string()
}

#[actix_web::test]
async fn a_lawyer_takes_an_intake_moves_the_case_and_signs_in_again_with_a_second_factor() {
    let Some(browser) = Browser::start().await else {
        return;
    };
    let app = spawn_app().await;
    let email = "lawyer@office.example.org";
    let lawyer = app.create_staff(Role::Lawyer, email).await;

    // Sign in.
    browser.sign_in(&app, email).await;
    assert!(browser.text().await.contains("Test lawyer"), "signed in");

    // An intake with two journey legs and an arrest.
    browser.goto(&app.url("/intake")).await;
    browser
        .type_into("[name='client.family_name']", "Shcherbakov")
        .await;
    browser
        .type_into("[name='client.given_name']", "Yevgeniy")
        .await;
    browser
        .type_into("[name='client.middle_name']", "NONE")
        .await;
    browser
        .type_into("[name='client.native_name']", "Евгений Щербаков")
        .await;
    browser
        .type_into("[name='client.date_of_birth']", "03121984")
        .await;
    browser.select("[id='client.nationalities']", "RU").await;
    browser
        .type_into("[name='entry.port_of_entry']", "San Ysidro")
        .await;
    browser
        .type_into("[name='entry.last_arrival_on']", "01152026")
        .await;
    browser
        .submit("button[name=action][value='add:journey']")
        .await;
    browser
        .submit("button[name=action][value='add:journey']")
        .await;
    browser
        .type_into("[name='journey.0.from_city']", "Moscow")
        .await;
    browser
        .type_into("[name='journey.0.to_city']", "Cancún")
        .await;
    browser
        .type_into("[name='journey.1.from_city']", "Tijuana")
        .await;
    browser
        .type_into("[name='journey.1.to_city']", "San Ysidro")
        .await;
    browser
        .submit("button[name=action][value='add:persecution']")
        .await;
    browser
        .select("[name='persecution.0.actor']", "police")
        .await;
    browser
        .type_into(
            "[name='persecution.0.description']",
            "Arrested after filing a complaint about police mistreatment",
        )
        .await;
    browser.select("[name='claim.kind']", "defensive").await;
    browser
        .select("[name='claim.lawyer_id']", &lawyer.id.to_string())
        .await;
    browser.submit("button[name=action][value=complete]").await;
    let case_url = browser.current_url().await;
    assert!(
        case_url.contains("/cases/"),
        "the completed intake opens the case page: {case_url}"
    );

    // Find the client by a Latin spelling of the Cyrillic name.
    // The search box in the header posts; the results page's URL carries no name.
    browser.type_into("#site-q", "Evgenii Scherbakov").await;
    browser.submit(".site-search button").await;
    let results_url = browser.current_url().await;
    assert!(
        results_url.contains("/search/results/") && !results_url.contains("Evgenii"),
        "{results_url}"
    );
    let results = browser.text().await;
    assert!(
        results.contains("Shcherbakov"),
        "search by another spelling finds the client: {results}"
    );
    browser.submit("main a[href^='/cases/']").await;
    assert!(
        browser.current_url().await.contains("/cases/"),
        "the result opens the case"
    );

    // Change its stage: unfold the section, open its form.
    browser.click("#stage > summary").await;
    browser.click("#stage details.edit > summary").await;
    browser.select("[name=to]", "conflict_check").await;
    browser
        .submit("form[action$='/stage'] button[type=submit]")
        .await;
    let page = browser.text().await;
    assert!(page.contains("Conflict check"), "the new stage is shown");
    // Arrived 2026-01-15: the one-year deadline is Friday 2027-01-15, shown until filing.
    assert!(
        page.contains("2027-01-15"),
        "the one-year deadline is shown"
    );
    // The artifact shows the case from its top.
    let url = browser.current_url().await;
    browser.goto(url.split('#').next().unwrap_or(&url)).await;
    browser
        .screenshot(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("target/screenshots/case-page.png"),
        )
        .await;

    // A second factor: enrolled on the account page from the secret shown as text (as a
    // person types it into an app), then used to sign in again.
    browser.goto(&app.url("/account")).await;
    browser.submit("a[href='/account/second-factor']").await;
    let shown = browser.text_of("#totp-secret").await;
    let enrolled_at = app.clock.as_ref().now_for_tests().timestamp();
    browser
        .type_into("#code", &authenticator_code(&shown, enrolled_at))
        .await;
    browser
        .submit("form[action='/account/second-factor'] button[type=submit]")
        .await;
    assert_eq!(
        browser
            .run("return document.querySelectorAll('#recovery-codes li').length;")
            .await,
        json!(10),
        "enrolled: the ten recovery codes are shown"
    );
    // The enrolment's code is spent: signing in takes the next time step's.
    app.clock.advance(chrono::Duration::seconds(30));
    browser.submit("form.logout button[type=submit]").await;
    browser.sign_in(&app, email).await;
    assert!(
        browser
            .current_url()
            .await
            .ends_with("/login/second-factor"),
        "the password alone does not sign in"
    );
    browser
        .type_into("#code", &authenticator_code(&shown, enrolled_at + 30))
        .await;
    browser
        .submit("form[action='/login/second-factor'] button[type=submit]")
        .await;
    assert_eq!(
        browser.current_url().await,
        app.url("/"),
        "password and code reach the home page"
    );
    assert!(browser.text().await.contains("Test lawyer"), "signed in");
    browser
        .command(reqwest::Method::DELETE, "", Value::Null)
        .await;
}

/// Where a test's screenshots go, for a person to look at.
fn screenshot_path(name: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("target/screenshots/{name}.png"))
}

/// Every page a signed-in admin can open, as (route, path with real ids): the pages of
/// `routes::endpoints()` that answer GET with HTML.
fn pages(case_id: uuid::Uuid, staff_id: uuid::Uuid) -> Vec<(&'static str, String)> {
    refuge::routes::endpoints()
        .into_iter()
        .filter(|e| e.method == actix_web::http::Method::GET)
        .map(|e| e.path)
        .filter(|path| {
            !path.starts_with("/api/")
                && !path.starts_with("/static/")
                && !path.ends_with(".csv")
                && *path != "/healthz"
                && !path.contains("{token}")
        })
        .map(|route| {
            let id = if route.starts_with("/cases/") {
                case_id
            } else {
                staff_id
            };
            (route, route.replace("{id}", &id.to_string()))
        })
        .collect()
}

#[actix_web::test]
async fn no_page_scrolls_sideways_on_a_phone() {
    let Some(browser) = Browser::start().await else {
        return;
    };
    let app = spawn_app().await;
    let email = "admin@office.example.org";
    let admin = app.create_staff(Role::Admin, email).await;
    let lawyer = app
        .create_staff(Role::Lawyer, "lawyer@office.example.org")
        .await;
    let (case_id, _) = crate::case_page::new_case(&app, "defensive", &lawyer, None).await;
    browser.resize(390, 844).await;
    browser.sign_in(&app, email).await;

    let mut too_wide = Vec::new();
    for (route, path) in pages(case_id, admin.id.as_uuid()) {
        if route == "/search/results/{id}" {
            // A page that shows results shows some: reached by searching, as a person does.
            browser.goto(&app.url("/search")).await;
            browser.type_into("#q", "Ivanova").await;
            browser.submit("main form[role=search] button").await;
        } else {
            browser.goto(&app.url(&path)).await;
        }
        let widths = browser
            .run("return [document.documentElement.scrollWidth, window.innerWidth];")
            .await;
        let (document, window) = (widths[0].as_i64().unwrap(), widths[1].as_i64().unwrap());
        assert!(window <= 400, "the window is phone-sized: {window}");
        if document > window {
            too_wide.push(format!("{path}: {document} px in a {window} px window"));
        }
        let name = format!("phone{}", route.replace(['/', '{', '}'], "-"));
        browser.screenshot(&screenshot_path(&name)).await;
    }
    assert!(
        too_wide.is_empty(),
        "pages wider than a phone:\n{}",
        too_wide.join("\n")
    );
    browser
        .command(reqwest::Method::DELETE, "", Value::Null)
        .await;
}

/// Pages in a PDF: its page objects (`/Type /Page`, not the `/Type /Pages` tree).
fn pdf_pages(pdf: &[u8]) -> usize {
    let text = String::from_utf8_lossy(pdf);
    text.matches("/Type /Page").count() - text.matches("/Type /Pages").count()
}

#[actix_web::test]
async fn an_intake_typed_while_the_session_ended_comes_back_filled_after_signing_in() {
    let Some(browser) = Browser::start().await else {
        return;
    };
    let app = spawn_app().await;
    let email = "slow.typist@office.example.org";
    app.create_staff(Role::Lawyer, email).await;
    browser.sign_in(&app, email).await;

    browser.goto(&app.url("/intake")).await;
    browser
        .type_into("[name='client.family_name']", "Morozova")
        .await;
    browser
        .type_into("[name='client.native_name']", "Морозова Дарья")
        .await;
    browser
        .type_into("[name='entry.port_of_entry']", "Calexico")
        .await;
    // The lawyer is called away; the session passes its idle timeout.
    app.clock.advance(chrono::Duration::minutes(31));
    browser
        .submit("button.secondary[name=action][value=save_draft]")
        .await;
    assert!(
        browser
            .current_url()
            .await
            .contains("/login?next=%2Fintake"),
        "asked to sign in again"
    );
    assert!(browser.text().await.contains("what you typed is kept"));
    browser.type_into("#email", email).await;
    browser.type_into("#password", PASSWORD).await;
    browser
        .submit("form[action='/login'] button[type=submit]")
        .await;

    assert!(browser.current_url().await.ends_with("/intake"));
    assert!(
        browser
            .text()
            .await
            .contains("What you typed has been put back"),
        "the notice says so"
    );
    for (field, typed) in [
        ("client.family_name", "Morozova"),
        ("client.native_name", "Морозова Дарья"),
        ("entry.port_of_entry", "Calexico"),
    ] {
        let element = browser.find(&format!("[name='{field}']")).await;
        let value = browser
            .command(
                reqwest::Method::GET,
                &format!("/element/{element}/property/value"),
                Value::Null,
            )
            .await;
        assert_eq!(value.as_str(), Some(typed), "{field}");
    }
    browser
        .command(reqwest::Method::DELETE, "", Value::Null)
        .await;
}

#[actix_web::test]
async fn unsaved_changes_bring_the_idle_timeout_warning() {
    let Some(browser) = Browser::start().await else {
        return;
    };
    // Two minutes of idle time: the warning is due as soon as something is typed.
    let app = crate::helpers::spawn_app_with(|s| s.session.idle_timeout_minutes = 2).await;
    let email = "warned@office.example.org";
    app.create_staff(Role::Lawyer, email).await;
    browser.sign_in(&app, email).await;
    browser.goto(&app.url("/intake")).await;
    let warning = browser.find("#timeout-warning").await;
    let displayed = format!("/element/{warning}/displayed");
    let shown = async || {
        browser
            .command(reqwest::Method::GET, &displayed, Value::Null)
            .await
            .as_bool()
    };
    assert_eq!(shown().await, Some(false), "nothing typed yet");
    browser
        .type_into("[name='client.family_name']", "Volkova")
        .await;
    let mut appeared = false;
    for _ in 0..40 {
        if shown().await == Some(true) {
            appeared = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    assert!(
        appeared,
        "the warning shows while the form has unsaved changes"
    );
    browser
        .command(reqwest::Method::DELETE, "", Value::Null)
        .await;
}

/// The demo office's clients: `refuge demo` creates 2,000 with seed 1.
const DEMO_CLIENTS: u32 = 2_000;

/// Fills the app's database as `refuge demo` fills the demo office, and returns the busiest
/// case (id and reference) and the e-mail of its lawyer of record. "Busiest" is the most
/// stage changes, hearings, family members, journey legs, arrests, notes and checklist items
/// together; ties go to the lowest reference, so the same case is chosen every time.
async fn busiest_demo_case(app: &crate::helpers::TestApp) -> (uuid::Uuid, String, String) {
    use diesel::dsl::count_star;
    use diesel::prelude::*;
    use refuge::db::schema::{
        case_events, case_notes, case_stage_history, cases, checklist_items, family_members,
        journey_legs, persecution_events, staff,
    };
    use refuge::db::uuid::DbUuid;
    use std::collections::HashMap;

    refuge_demo::load(
        &app.state,
        refuge_demo::DemoOptions {
            clients: DEMO_CLIENTS,
            seed: 1,
            today: app.clock.now_date(),
            // Short write transactions: with the whole suite running beside it, a batch of
            // 500 held SQLite's write lock past the busy timeout ("database is locked").
            batch_size: 50,
            writers: 1,
            staff_password: Some(PASSWORD.to_string()),
        },
        |_| {},
    )
    .await
    .expect("demo data loads");
    app.state
        .db
        .run(|conn| {
            type Counts = HashMap<DbUuid, i64>;
            let mut by_case: Counts = HashMap::new();
            let mut by_client: Counts = HashMap::new();
            macro_rules! tally {
                ($into:ident, $table:ident, $key:ident) => {
                    for (key, n) in $table::table
                        .group_by($table::$key)
                        .select(($table::$key, count_star()))
                        .load::<(DbUuid, i64)>(conn)?
                    {
                        *$into.entry(key).or_default() += n;
                    }
                };
            }
            tally!(by_case, case_stage_history, case_id);
            tally!(by_case, case_events, case_id);
            tally!(by_case, case_notes, case_id);
            tally!(by_case, checklist_items, case_id);
            tally!(by_client, family_members, client_id);
            tally!(by_client, journey_legs, client_id);
            tally!(by_client, persecution_events, client_id);
            let all: Vec<(DbUuid, DbUuid, String, Option<String>)> = cases::table
                .left_join(staff::table.on(cases::lawyer_id.eq(staff::id.nullable())))
                .select((
                    cases::id,
                    cases::client_id,
                    cases::reference,
                    staff::email.nullable(),
                ))
                .load(conn)?;
            let weight = |case: &DbUuid, client: &DbUuid| {
                by_case.get(case).copied().unwrap_or_default()
                    + by_client.get(client).copied().unwrap_or_default()
            };
            let busiest = all
                .into_iter()
                .filter(|(_, _, _, lawyer)| lawyer.is_some())
                .max_by(|a, b| {
                    weight(&a.0, &a.1)
                        .cmp(&weight(&b.0, &b.1))
                        .then_with(|| b.2.cmp(&a.2))
                })
                .expect("a demo case with a lawyer");
            eprintln!(
                "busiest demo case: {} ({} records)",
                busiest.2,
                weight(&busiest.0, &busiest.1)
            );
            Ok((busiest.0.0, busiest.2, busiest.3.unwrap_or_default()))
        })
        .await
        .expect("the busiest demo case")
}

/// The busiest demo case's page, signed in as its lawyer in a desktop window 1280 px wide,
/// measured on main before the page was reorganised (commit f2a64aa): 8,625 px high.
/// With the summary first and the sections folded it measured 1,506 px (096d0de), and
/// 1,413 px on 92534c7 (2,039 px in a 390 px phone window); `docs/performance.md` keeps
/// the figures.
const BUSIEST_CASE_PAGE_HEIGHT_BEFORE: i64 = 8_625;

/// One demo office for both measures: filling it takes most of the test's time.
#[actix_web::test]
async fn the_demo_s_busiest_case_page_is_under_half_its_old_height_and_prints_on_four_pages() {
    let Some(browser) = Browser::start().await else {
        return;
    };
    let app = spawn_app().await;
    let (case_id, reference, lawyer) = busiest_demo_case(&app).await;
    browser.resize(1280, 900).await;
    browser.sign_in(&app, &lawyer).await;

    // The case page reads top-down: summary first, sections folded.
    browser.goto(&app.url(&format!("/cases/{case_id}"))).await;
    assert!(browser.text().await.contains(&reference));
    let size = browser
        .run("return [document.documentElement.scrollHeight, window.innerWidth];")
        .await;
    let (height, width) = (size[0].as_i64().unwrap(), size[1].as_i64().unwrap());
    assert!(width >= 1200, "a desktop window: {width} px");
    browser.screenshot(&screenshot_path("busiest-case")).await;
    eprintln!("busiest demo case page at {width} px: {height} px high");
    assert!(
        height < BUSIEST_CASE_PAGE_HEIGHT_BEFORE / 2,
        "the busiest case page is {height} px high; before: {BUSIEST_CASE_PAGE_HEIGHT_BEFORE} px"
    );

    // On a phone it reads without scrolling sideways.
    browser.resize(390, 844).await;
    browser.goto(&app.url(&format!("/cases/{case_id}"))).await;
    let size = browser
        .run("return [document.documentElement.scrollWidth, window.innerWidth, document.documentElement.scrollHeight];")
        .await;
    let (document, window) = (size[0].as_i64().unwrap(), size[1].as_i64().unwrap());
    eprintln!("busiest demo case page at {window} px: {} px high", size[2]);
    assert!(window <= 400, "a phone-sized window: {window} px");
    assert!(
        document <= window,
        "the busiest case page is {document} px wide in a {window} px window"
    );
    browser
        .screenshot(&screenshot_path("busiest-case-phone"))
        .await;

    // Its print summary fits on four pages.
    browser
        .goto(&app.url(&format!("/cases/{case_id}/summary")))
        .await;
    assert!(browser.text().await.contains(&reference));
    let pdf = browser.print_pdf().await;
    assert!(pdf.starts_with(b"%PDF"), "a PDF");
    std::fs::write(screenshot_path("case-summary").with_extension("pdf"), &pdf).expect("PDF kept");
    let pages = pdf_pages(&pdf);
    assert!((1..=4).contains(&pages), "{pages} pages");
    browser
        .command(reqwest::Method::DELETE, "", Value::Null)
        .await;
}

/// The width of the page's content and of the window, at a phone's size: the page may not
/// scroll sideways.
async fn assert_fits_a_phone(browser: &Browser, page: &str) {
    let widths = browser
        .run("return [document.documentElement.scrollWidth, window.innerWidth];")
        .await;
    let (document, window) = (widths[0].as_i64().unwrap(), widths[1].as_i64().unwrap());
    browser
        .screenshot(&screenshot_path(&format!("questionnaire-phone-{page}")))
        .await;
    // What sticks out, to say where to look when it does.
    let wide = browser
        .run(
            "return [...document.querySelectorAll('body *')]\
               .filter(e => e.getBoundingClientRect().right > window.innerWidth)\
               .map(e => `${e.tagName} ${e.className} ${e.textContent.slice(0, 40)}`)\
               .slice(0, 8);",
        )
        .await;
    let phone = i64::from(PHONE_WIDTH);
    assert!(window <= phone, "a phone-sized window: {window} px");
    assert!(
        document <= phone,
        "{page}: {document} px wide in a {window} px window; wider: {wide}"
    );
}

/// A phone's width in CSS pixels (an iPhone 12 to 15).
const PHONE_WIDTH: u32 = 390;

/// Issue 15 end to end: someone asks for help in Ukrainian on the public form; a lawyer
/// takes the inquiry from triage and makes a questionnaire link; the client opens it on a
/// phone, switches to Russian and sends the answers; the lawyer accepts them into the file.
#[actix_web::test]
async fn a_ukrainian_inquiry_is_taken_and_its_client_answers_in_russian_on_a_phone_are_accepted() {
    let Some(browser) = Browser::start().await else {
        return;
    };
    let app = spawn_app().await;
    crate::inquiry::open_form(&app).await;
    let email = "lawyer@office.example.org";
    let lawyer = app.create_staff(Role::Lawyer, email).await;

    // The inquiry, in Ukrainian chosen with the switcher.
    browser.goto(&app.url("/inquiry")).await;
    browser.click("nav.languages a[hreflang=uk]").await;
    assert_eq!(
        browser.run("return document.documentElement.lang;").await,
        json!("uk")
    );
    browser.type_into("#family_name", "Kovalenko").await;
    browser.type_into("#given_name", "Oksana").await;
    browser.type_into("#native_name", "Коваленко Оксана").await;
    browser.type_into("#email", "oksana@example.org").await;
    browser.click("#email_safe").await;
    browser.select("#nationality", "UA").await;
    browser
        .click("input[name=whereabouts][value=united_states]")
        .await;
    browser.type_into("#last_arrival_on", "01052026").await;
    browser.click("input[name=detained][value=no]").await;
    browser.click("input[name=has_hearing][value=no]").await;
    browser.type_into("#travelling_family", "1").await;
    browser.select("#preferred_language", "uk").await;
    browser
        .type_into("#account", "Нас переслідували після окупації Херсона.")
        .await;
    browser.click("#consent").await;
    // Filled in at a human pace: the form's time stamp refuses robots' speed.
    app.clock.advance(chrono::Duration::seconds(40));
    browser
        .submit("form[action='/inquiry'] button[type=submit]")
        .await;
    assert!(
        browser.text().await.contains("Що буде далі"),
        "the confirmation, in Ukrainian: {}",
        browser.text().await
    );

    // Triage: the lawyer takes it.
    browser.sign_in(&app, email).await;
    browser.goto(&app.url("/triage")).await;
    let item = "article.queue-item";
    assert!(
        browser.text_of(item).await.contains("Kovalenko"),
        "the inquiry waits in triage"
    );
    let case_path = browser
        .attribute(&format!("{item} h2 a"), "href")
        .await
        .expect("the inquiry's case");
    browser
        .select(
            &format!("{item} form[action$='/take'] select"),
            &lawyer.id.to_string(),
        )
        .await;
    browser
        .submit(&format!("{item} form[action$='/take'] button[type=submit]"))
        .await;
    assert!(
        browser.current_url().await.contains("done=taken"),
        "{}",
        browser.current_url().await
    );

    // A questionnaire link, in the client's language by default.
    browser
        .goto(&app.url(&format!("{case_path}/questionnaires")))
        .await;
    assert_eq!(
        browser
            .run("return document.getElementById('language').value;")
            .await,
        json!("uk"),
        "the inquiry's preferred language"
    );
    browser
        .submit(&format!(
            "form[action='{case_path}/questionnaires'] button[type=submit]"
        ))
        .await;
    let link = browser
        .run("return document.getElementById('questionnaire_link').value;")
        .await
        .as_str()
        .expect("the link, shown once")
        .to_string();
    assert!(link.starts_with(&app.url("/questionnaire/")), "{link}");

    // The client's phone: none of the office's cookies, 390 px wide.
    browser
        .command(reqwest::Method::DELETE, "/cookie", Value::Null)
        .await;
    browser.resize(PHONE_WIDTH, 844).await;
    browser.goto(&link).await;
    assert_eq!(
        browser.run("return document.documentElement.lang;").await,
        json!("uk"),
        "the link's language"
    );
    browser.click("nav.languages a[hreflang=ru]").await;
    assert_eq!(
        browser.run("return document.documentElement.lang;").await,
        json!("ru"),
        "switched to Russian"
    );
    assert_fits_a_phone(&browser, "about").await;
    let next = ".submit-bar button[value=next]";
    // A link opens on nothing from the file: the client gives the names again.
    browser
        .type_into("[name='client.family_name']", "Kovalenko")
        .await;
    browser
        .type_into("[name='client.given_name']", "Oksana")
        .await;
    browser
        .type_into("[name='client.native_name']", "Коваленко Оксана Петровна")
        .await;
    browser
        .type_into("[name='client.date_of_birth']", "04171990")
        .await;
    browser
        .type_into("[name='client.passport_numbers']", "FA 123456")
        .await;
    browser.submit(next).await;
    assert_fits_a_phone(&browser, "family").await;
    browser.submit(next).await;
    assert_fits_a_phone(&browser, "background").await;
    browser.submit(next).await;
    assert_fits_a_phone(&browser, "journey").await;
    browser.submit(next).await;
    assert_fits_a_phone(&browser, "entry").await;
    browser
        .type_into("[name='entry.port_of_entry']", "Сан-Исидро")
        .await;
    browser.submit(next).await;
    assert_fits_a_phone(&browser, "events").await;
    browser
        .submit("button[name=action][value='add:persecution']")
        .await;
    browser
        .select("[name='persecution.0.actor']", "military")
        .await;
    browser
        .type_into(
            "[name='persecution.0.description']",
            "Меня задержали на блокпосту под Херсоном и три дня держали в подвале.",
        )
        .await;
    assert_fits_a_phone(&browser, "events-row").await;
    browser.submit(next).await;
    assert_fits_a_phone(&browser, "questions").await;
    browser.submit(next).await;
    assert_fits_a_phone(&browser, "check").await;
    let check = browser.text().await;
    for answer in [
        "Коваленко Оксана Петровна",
        "Сан-Исидро",
        "FA 123456",
        "три дня держали в подвале",
    ] {
        assert!(
            check.contains(answer),
            "{answer} on the check page: {check}"
        );
    }
    browser.submit(".submit-bar button[value=send]").await;
    assert_fits_a_phone(&browser, "sent").await;
    assert!(
        browser.text().await.contains("Ответы отправлены"),
        "sent, in Russian: {}",
        browser.text().await
    );

    // The lawyer, at a desk: the case page links the answers waiting for review.
    browser.resize(1200, 2400).await;
    browser.sign_in(&app, email).await;
    browser.goto(&app.url(&case_path)).await;
    browser.submit(".pending-revision a").await;
    let native_name = browser
        .run(
            "return [...document.querySelectorAll(\"fieldset[id='client.native_name'] dd\")]\
               .map(dd => dd.textContent);",
        )
        .await;
    assert_eq!(
        native_name,
        json!(["Коваленко Оксана", "Коваленко Оксана Петровна"]),
        "on file beside the client's answer"
    );
    assert!(
        browser.text().await.contains("Answered in: Русский"),
        "the language the client answered in"
    );
    browser
        .screenshot(&screenshot_path("revision-review"))
        .await;
    browser
        .submit("button[name=action][value=accept_rest]")
        .await;

    // The file holds the answers now, and nothing waits for review.
    assert!(
        browser.current_url().await.contains(&case_path),
        "back to the case: {}",
        browser.current_url().await
    );
    assert!(
        browser
            .text_of("#client")
            .await
            .contains("Коваленко Оксана Петровна"),
        "the native name accepted"
    );
    for (section, answer) in [
        ("entry", "Сан-Исидро"),
        ("persecution", "три дня держали в подвале"),
    ] {
        browser.click(&format!("#{section} > summary")).await;
        assert!(
            browser
                .text_of(&format!("#{section}"))
                .await
                .contains(answer),
            "{answer} in the file's {section} section"
        );
    }
    assert_eq!(
        browser
            .run("return document.querySelectorAll('.pending-revision').length;")
            .await,
        json!(0),
        "nothing left to review"
    );

    browser
        .command(reqwest::Method::DELETE, "", Value::Null)
        .await;
}

/// The I-589 data sheet of a complete case prints to PDF: one part per page at least, so
/// more than one page. The PDF is kept under `target/screenshots/` for a person to look at.
#[actix_web::test]
async fn the_data_sheet_of_a_complete_case_prints_to_a_pdf_of_several_pages() {
    let Some(browser) = Browser::start().await else {
        return;
    };
    let app = spawn_app().await;
    let lawyer = app.login_as(Role::Lawyer).await;
    let fields = crate::helpers::complete_intake(&lawyer.staff.id.to_string());
    let pairs: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let response = app.post_form(&lawyer.client, "/intake", &pairs).await;
    assert_eq!(response.status(), 303, "the intake is saved");
    let case = response
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .expect("the intake leads to its case")
        .to_string();
    browser.sign_in(&app, &lawyer.staff.email).await;

    browser.goto(&app.url(&format!("{case}/i589"))).await;
    let text = browser.text().await;
    assert!(text.contains("Part A.I. Information About You"), "{text}");
    assert!(!text.contains("MISSING"), "a complete case: {text}");
    let pdf = browser.print_pdf().await;
    assert!(pdf.starts_with(b"%PDF"), "a PDF");
    let path = screenshot_path("i589-data-sheet").with_extension("pdf");
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).expect("screenshot directory");
    }
    std::fs::write(&path, &pdf).expect("PDF kept");
    let pages = pdf_pages(&pdf);
    eprintln!("I-589 data sheet: {pages} pages, {}", path.display());
    assert!(pages > 1, "{pages} pages");
    browser
        .command(reqwest::Method::DELETE, "", Value::Null)
        .await;
}
