//! refuge-bench: drives a running Refuge server (on 127.0.0.1) with N concurrent signed-in
//! browser sessions and reports latency percentiles, throughput and the server's peak memory
//! for each scenario: the case list with filters, name search in Cyrillic and in Latin, the
//! case page, and saving a complete intake; and the public inquiry form (issue 15), alone
//! and as a side load beside the case list (`inquiries`).
//!
//! Usage (bench/run.sh does all of this):
//!
//! ```text
//! echo "$PASSWORD" | refuge-bench --url http://127.0.0.1:8089 --email rachel.okafor@demo-office.example \
//!     --password-stdin [--concurrency 16] [--duration 20] [--warmup 3] [--server-pid PID] \
//!     [--scenarios list,search_cyrillic,search_latin,case_page,intake_save] [--label TEXT]
//!     [--inquiry-min-age 3.5] [--side-rate 50] [--slice 5]
//! ```
//!
//! Each scenario runs closed-loop: every session sends its next request as soon as the last
//! answer has been read in full. Latency is measured from sending to the last byte.
//!
//! A search is what the search box does since issue 13: `POST /search` with the query in the
//! body, then `GET` of the results page it redirects to (`/search/results/{id}`); its latency
//! is both round trips. Against a server from before that change (no `POST /search`), the
//! driver notices at start and searches with `GET /search?q=…` instead; `--search-by get` or
//! `--search-by post` forces one way.

use std::collections::BTreeSet;
use std::io::BufRead;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

mod inquiries;

use bytes::Bytes;
use reqwest::StatusCode;
use reqwest::header::LOCATION;
use reqwest::redirect::Policy;

type Error = Box<dyn std::error::Error + Send + Sync>;

#[derive(Debug, Clone)]
struct Options {
    url: String,
    email: String,
    password: String,
    concurrency: usize,
    duration: Duration,
    warmup: Duration,
    server_pid: Option<u32>,
    scenarios: Vec<Scenario>,
    label: String,
    breakdown: bool,
    /// ISO weeks the report scenarios ask for (`2026-W47`); the server's default week when empty.
    report_weeks: Vec<&'static str>,
    /// How to search; `None`: find out from the server at start.
    search_by: Option<SearchBy>,
    /// How long an inquiry form is kept open before it is sent: the server's
    /// `inquiry.min_seconds_to_fill` and a margin.
    inquiry_min_age: Duration,
    /// Inquiries a second beside the case list in `case_list_with_inquiries`.
    side_rate: f64,
    /// That scenario's slices: without inquiries, with them, in turn, each this long.
    slice: Duration,
}

/// How the server takes a search.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SearchBy {
    /// `POST /search`, then the results page it redirects to (issue 13 on).
    Post,
    /// `GET /search?q=…` (before issue 13: the query in the URL).
    Get,
}

impl SearchBy {
    fn describe(self) -> &'static str {
        match self {
            Self::Post => "POST /search, then GET /search/results/{id} (both round trips timed)",
            Self::Get => "GET /search?q=… (a server from before issue 13)",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Scenario {
    List,
    SearchCyrillic,
    SearchLatin,
    CasePage,
    IntakeSave,
    Report,
    ReportCsv,
    ReportCsvOpen,
    /// Case pages, searches and intake saves at once: of every four sessions, two open case
    /// pages, one searches (Latin and Cyrillic in turn) and one saves intakes.
    Mixed,
    /// Anonymous visitors sending valid inquiries through the public form, closed loop.
    Inquiry,
    /// The case list for signed-in staff, in slices without and with inquiries arriving at
    /// `--side-rate` a second (open loop), interleaved in one run.
    CaseListWithInquiries,
}

impl Scenario {
    const ALL: [Scenario; 11] = [
        Self::List,
        Self::SearchCyrillic,
        Self::SearchLatin,
        Self::CasePage,
        Self::IntakeSave,
        Self::Report,
        Self::ReportCsv,
        Self::ReportCsvOpen,
        Self::Mixed,
        Self::Inquiry,
        Self::CaseListWithInquiries,
    ];

    fn name(self) -> &'static str {
        match self {
            Self::List => "list",
            Self::SearchCyrillic => "search_cyrillic",
            Self::SearchLatin => "search_latin",
            Self::CasePage => "case_page",
            Self::IntakeSave => "intake_save",
            Self::Report => "report",
            Self::ReportCsv => "report_csv",
            Self::ReportCsvOpen => "report_csv_open",
            Self::Mixed => "mixed",
            Self::Inquiry => "inquiry",
            Self::CaseListWithInquiries => "case_list_with_inquiries",
        }
    }

    fn title(self) -> &'static str {
        match self {
            Self::List => "case list with filters (GET /cases?…)",
            Self::SearchCyrillic => {
                "name search, Cyrillic (POST /search, GET /search/results/{id})"
            }
            Self::SearchLatin => "name search, Latin (POST /search, GET /search/results/{id})",
            Self::CasePage => "case page (GET /cases/{id})",
            Self::IntakeSave => "intake save, complete (POST /intake)",
            Self::Report => "weekly report, office-wide (GET /reports/weekly?of=office&week=…)",
            Self::ReportCsv => {
                "weekly report CSV of every case, streamed (GET /reports/weekly.csv?table=cases)"
            }
            Self::ReportCsvOpen => {
                "weekly report CSV of one figure, every open case \
                 (GET /reports/weekly.csv?table=cases&report=open_stage)"
            }
            Self::Mixed => {
                "mixed: case pages, searches and intake saves (per session: 2 case page, 1 search, \
                 1 intake save of every 4)"
            }
            Self::Inquiry => "public inquiry: GET /inquiry, wait the form's minimum age, POST",
            Self::CaseListWithInquiries => {
                "case list with filters, without and with inquiries arriving (open loop)"
            }
        }
    }
}

fn usage() -> ! {
    eprintln!(
        "usage: refuge-bench --url URL --email EMAIL --password-stdin [--concurrency N] \
         [--duration SECS] [--warmup SECS] [--server-pid PID] [--scenarios a,b,…] [--label TEXT] \
         [--breakdown] [--report-weeks 2026-W47,2026-W46,…] [--search-by post|get] \
         [--inquiry-min-age SECS] [--side-rate PER_SECOND] [--slice SECS]\n\
         scenarios: list, search_cyrillic, search_latin, case_page, intake_save, report, \
         report_csv, report_csv_open, mixed, inquiry, case_list_with_inquiries (the report \
         scenarios need an admin's account; the inquiry scenarios the public form switched \
         on and 127.0.0.1 among the server's trusted_proxies)"
    );
    std::process::exit(2)
}

fn parse_options() -> Result<Options, Error> {
    let mut args = std::env::args().skip(1);
    let mut options = Options {
        url: String::new(),
        email: String::new(),
        password: String::new(),
        concurrency: 16,
        duration: Duration::from_secs(20),
        warmup: Duration::from_secs(3),
        server_pid: None,
        scenarios: Scenario::ALL.to_vec(),
        label: String::new(),
        breakdown: false,
        report_weeks: Vec::new(),
        search_by: None,
        inquiry_min_age: Duration::from_millis(3_500),
        side_rate: 50.0,
        slice: Duration::from_secs(5),
    };
    let mut password_stdin = false;
    while let Some(arg) = args.next() {
        let mut value = || args.next().unwrap_or_else(|| usage());
        match arg.as_str() {
            "--url" => options.url = value().trim_end_matches('/').to_string(),
            "--email" => options.email = value(),
            "--password-stdin" => password_stdin = true,
            "--concurrency" => options.concurrency = value().parse()?,
            "--duration" => options.duration = Duration::from_secs_f64(value().parse()?),
            "--warmup" => options.warmup = Duration::from_secs_f64(value().parse()?),
            "--server-pid" => options.server_pid = Some(value().parse()?),
            "--label" => options.label = value(),
            "--breakdown" => options.breakdown = true,
            "--inquiry-min-age" => {
                options.inquiry_min_age = Duration::from_secs_f64(value().parse()?)
            }
            "--side-rate" => options.side_rate = value().parse()?,
            "--slice" => options.slice = Duration::from_secs_f64(value().parse()?),
            "--search-by" => {
                options.search_by = Some(match value().as_str() {
                    "post" => SearchBy::Post,
                    "get" => SearchBy::Get,
                    _ => usage(),
                })
            }
            "--report-weeks" => {
                // Leaked once: the weeks name the per-query breakdown's rows.
                options.report_weeks = value()
                    .split(',')
                    .map(|w| w.trim())
                    .filter(|w| !w.is_empty())
                    .map(|w| &*Box::leak(w.to_string().into_boxed_str()))
                    .collect();
            }
            "--scenarios" => {
                options.scenarios = value()
                    .split(',')
                    .map(|name| {
                        Scenario::ALL
                            .into_iter()
                            .find(|s| s.name() == name.trim())
                            .ok_or_else(|| format!("unknown scenario {name}"))
                    })
                    .collect::<Result<_, _>>()?;
            }
            _ => usage(),
        }
    }
    if options.url.is_empty()
        || options.email.is_empty()
        || !password_stdin
        || options.side_rate <= 0.0
        || options.slice.is_zero()
    {
        usage();
    }
    let host = options
        .url
        .strip_prefix("http://")
        .unwrap_or_default()
        .split([':', '/'])
        .next()
        .unwrap_or_default();
    if host != "127.0.0.1" && host != "localhost" {
        return Err("refuge-bench only drives a server on 127.0.0.1".into());
    }
    let mut line = String::new();
    std::io::stdin().lock().read_line(&mut line)?;
    options.password = line.trim_end_matches(['\r', '\n']).to_string();
    if options.password.is_empty() {
        return Err("no password on standard input".into());
    }
    Ok(options)
}

/// The value of the first `marker"…"` after `start` in an HTML page.
fn attribute_after(html: &str, marker: &str) -> Option<String> {
    let start = html.find(marker)? + marker.len();
    let rest = &html[start..];
    Some(rest[..rest.find('"')?].to_string())
}

fn csrf_token(html: &str) -> Option<String> {
    attribute_after(html, "name=\"csrf-token\" content=\"")
        .or_else(|| attribute_after(html, "name=\"csrf_token\" value=\""))
        .filter(|t| !t.is_empty())
}

/// Every `/cases/<uuid>` link on a page.
fn case_ids(html: &str, into: &mut BTreeSet<String>) {
    let mut rest = html;
    while let Some(at) = rest.find("/cases/") {
        rest = &rest[at + "/cases/".len()..];
        let candidate: String = rest.chars().take(36).collect();
        let is_uuid = candidate.len() == 36
            && candidate.chars().enumerate().all(|(i, c)| match i {
                8 | 13 | 18 | 23 => c == '-',
                _ => c.is_ascii_hexdigit(),
            });
        if is_uuid {
            into.insert(candidate);
        }
    }
}

struct Session {
    client: reqwest::Client,
    csrf: String,
    /// Which of the concurrent sessions this is (the mixed scenario gives each a part).
    index: usize,
}

async fn sign_in(options: &Options, index: usize) -> Result<Session, Error> {
    let client = reqwest::Client::builder()
        .cookie_store(true)
        .redirect(Policy::none())
        .pool_max_idle_per_host(1)
        .build()?;
    let login_page = client
        .get(format!("{}/login", options.url))
        .send()
        .await?
        .text()
        .await?;
    let token = csrf_token(&login_page).ok_or("no CSRF token on /login")?;
    let response = client
        .post(format!("{}/login", options.url))
        .form(&[
            ("email", options.email.as_str()),
            ("password", options.password.as_str()),
            ("csrf_token", token.as_str()),
        ])
        .send()
        .await?;
    if response.status() != StatusCode::SEE_OTHER {
        return Err(format!("sign-in as {} failed: {}", options.email, response.status()).into());
    }
    // Since issue 13 an office may require a second factor: the password then leads to the
    // second step, not into the application. The demo office makes it optional.
    let next = response
        .headers()
        .get(LOCATION)
        .and_then(|l| l.to_str().ok())
        .unwrap_or_default();
    if next.contains("second-factor") || next.starts_with("/login") {
        return Err(format!(
            "sign-in as {} asks for a second factor ({next}): the driver signs in with a \
             password alone, as the demo office (second factor optional) allows",
            options.email
        )
        .into());
    }
    let home = client
        .get(format!("{}/", options.url))
        .send()
        .await?
        .text()
        .await?;
    let csrf = csrf_token(&home).ok_or("no CSRF token after signing in")?;
    Ok(Session {
        client,
        csrf,
        index,
    })
}

/// What the scenarios need to know about the data: case ids to open and the lawyer of record
/// for new intakes.
struct Fixtures {
    case_ids: Vec<String>,
    lawyer_id: Option<String>,
    search_by: SearchBy,
}

/// How this server takes a search: `POST /search` if it answers with a redirect to a
/// results page, otherwise (a server from before issue 13) `GET /search?q=…`.
async fn search_by(options: &Options, session: &Session) -> Result<SearchBy, Error> {
    if let Some(forced) = options.search_by {
        return Ok(forced);
    }
    let posted = session
        .client
        .post(format!("{}/search", options.url))
        .form(&[("csrf_token", session.csrf.as_str()), ("q", "Shcherbakov")])
        .send()
        .await?;
    let to_results = posted.status() == StatusCode::SEE_OTHER
        && posted
            .headers()
            .get(LOCATION)
            .and_then(|l| l.to_str().ok())
            .is_some_and(|l| l.starts_with("/search/results/"));
    if to_results {
        return Ok(SearchBy::Post);
    }
    let got = session
        .client
        .get(format!("{}/search?q=Shcherbakov", options.url))
        .send()
        .await?;
    if got.status() == StatusCode::OK {
        Ok(SearchBy::Get)
    } else {
        Err(format!(
            "neither POST /search ({}) nor GET /search?q= ({}) searches",
            posted.status(),
            got.status()
        )
        .into())
    }
}

async fn fixtures(options: &Options, session: &Session) -> Result<Fixtures, Error> {
    let mut ids = BTreeSet::new();
    for sort in ["updated", "reference", "deadline"] {
        for page in [1, 2, 3, 5, 8, 13, 21, 34, 55, 89] {
            let response = session
                .client
                .get(format!(
                    "{}/cases?scope=all&sort={sort}&page={page}",
                    options.url
                ))
                .send()
                .await?;
            if response.status() != StatusCode::OK {
                break;
            }
            let before = ids.len();
            case_ids(&response.text().await?, &mut ids);
            if ids.len() == before {
                break;
            }
        }
    }
    let intake_page = session
        .client
        .get(format!("{}/intake", options.url))
        .send()
        .await?;
    let lawyer_id = if intake_page.status() == StatusCode::OK {
        let html = intake_page.text().await?;
        html.find("name=\"claim.lawyer_id\"").and_then(|at| {
            let mut found = BTreeSet::new();
            let select = &html[at..];
            let end = select.find("</select>").unwrap_or(select.len());
            let mut rest = &select[..end];
            while let Some(v) = rest.find("value=\"") {
                rest = &rest[v + 7..];
                let value: String = rest.chars().take_while(|c| *c != '"').collect();
                if value.len() == 36 {
                    found.insert(value);
                }
            }
            found.into_iter().next()
        })
    } else {
        None
    };
    Ok(Fixtures {
        case_ids: ids.into_iter().collect(),
        lawyer_id,
        search_by: search_by(options, session).await?,
    })
}

/// A small, fast, deterministic generator (xorshift) for choosing requests.
struct Pick(u64);

impl Pick {
    fn next(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n.max(1) as u64) as usize
    }
}

const LIST_QUERIES: [&str; 10] = [
    "scope=mine",
    "scope=all",
    "scope=all&stage=master_hearing",
    "scope=all&kind=defensive&nationality=RU",
    "scope=all&one_year_within=60",
    "scope=all&hearing_within=30&sort=deadline",
    "scope=all&not_updated=on&sort=updated",
    "scope=all&port=San+Ysidro&page=5",
    "stage=drafting&sort=reference",
    "scope=all&nationality=UA&stage=application_lodged&sort=stage&page=2",
];

const CYRILLIC_QUERIES: [&str; 8] = [
    "Щербаков",
    "Евгений Щербаков",
    "Юлия",
    "Олександр Шевченко",
    "Казлова",
    "Щерб",
    "Наталья Кузнецова",
    "Ёлкин",
];

const LATIN_QUERIES: [&str; 10] = [
    "Shcherbakov",
    "Yevgeniy",
    "Evgenii Shcherbakov",
    "Iuliia",
    "Oleksandr",
    "Aleksandr Popov",
    "Gonzalez",
    "Diallo",
    "Shcherb",
    "Kuznetsova Natalia",
];

const GIVEN: [(&str, &str); 6] = [
    ("Yevgeniy", "Евгений"),
    ("Iuliia", "Юлия"),
    ("Oleksandr", "Олександр"),
    ("Tatiana", "Татьяна"),
    ("Dmitrii", "Дмитрий"),
    ("Kseniia", "Ксения"),
];
const FAMILY: [(&str, &str); 6] = [
    ("Shcherbakov", "Щербаков"),
    ("Kuznetsova", "Кузнецова"),
    ("Shevchenko", "Шевченко"),
    ("Zhuravlev", "Журавлёв"),
    ("Orlova", "Орлова"),
    ("Tikhonov", "Тихонов"),
];

/// A complete intake with two family members, four journey legs and two arrests.
fn intake_form(n: u64, lawyer_id: &str, csrf: &str) -> Vec<(String, String)> {
    let (given, given_native) = GIVEN[(n % 6) as usize];
    let (family, family_native) = FAMILY[((n / 6) % 6) as usize];
    let day = 1 + (n % 27);
    let pairs: Vec<(&str, String)> = vec![
        ("csrf_token", csrf.to_string()),
        ("action", "complete".into()),
        ("client.family_name", family.into()),
        ("client.given_name", given.into()),
        ("client.middle_name", "NONE".into()),
        (
            "client.native_name",
            format!("{family_native} {given_native}"),
        ),
        ("client.other_names", format!("{given} {family}-{n}")),
        ("client.date_of_birth", format!("1985-03-{day:02}")),
        ("client.sex", "female".into()),
        ("client.country_of_birth", "RU".into()),
        ("client.nationalities", "RU".into()),
        ("client.languages", "ru".into()),
        ("client.interpreter_needed", "on".into()),
        ("client.passport_numbers", format!("75 {n:07}")),
        ("client.phone", "+1 619 555 0142".into()),
        ("client.phone_safe", "on".into()),
        ("client.email", format!("bench{n}@example.com")),
        ("client.email_safe", "on".into()),
        ("entry.last_arrival_on", format!("2026-06-{day:02}")),
        ("entry.port_of_entry", "San Ysidro".into()),
        ("entry.manner_of_entry", "cbp_one".into()),
        ("entry.class_of_admission", "DT".into()),
        ("entry.parole_expires_on", format!("2028-06-{day:02}")),
        ("family.0.relationship", "spouse".into()),
        ("family.0.given_name", "Aleksei".into()),
        ("family.0.family_name", family.into()),
        ("family.0.native_name", "Алексей".into()),
        ("family.0.date_of_birth", "1983-01-15".into()),
        ("family.0.in_us", "on".into()),
        ("family.0.derivative", "on".into()),
        ("family.1.relationship", "child".into()),
        ("family.1.given_name", "Mariia".into()),
        ("family.1.family_name", family.into()),
        ("family.1.date_of_birth", "2012-09-01".into()),
        ("family.1.in_us", "on".into()),
        ("family.1.derivative", "on".into()),
        ("journey.0.from_country", "RU".into()),
        ("journey.0.from_city", "Moscow".into()),
        ("journey.0.to_country", "TR".into()),
        ("journey.0.to_city", "Istanbul".into()),
        ("journey.0.mode", "air".into()),
        ("journey.1.from_country", "TR".into()),
        ("journey.1.from_city", "Istanbul".into()),
        ("journey.1.to_country", "MX".into()),
        ("journey.1.to_city", "Cancún".into()),
        ("journey.1.mode", "air".into()),
        ("journey.2.from_country", "MX".into()),
        ("journey.2.from_city", "Cancún".into()),
        ("journey.2.to_country", "MX".into()),
        ("journey.2.to_city", "Tijuana".into()),
        ("journey.2.mode", "air".into()),
        ("journey.3.from_country", "MX".into()),
        ("journey.3.from_city", "Tijuana".into()),
        ("journey.3.to_country", "US".into()),
        ("journey.3.to_city", "San Ysidro".into()),
        ("journey.3.mode", "on_foot".into()),
        ("persecution.0.occurred_on", "2022-02-24".into()),
        ("persecution.0.place", "Moscow".into()),
        ("persecution.0.actor", "police".into()),
        (
            "persecution.0.description",
            "Detained at an anti-war protest".into(),
        ),
        ("persecution.0.detention_days", "2".into()),
        ("persecution.1.occurred_on", "2023-05-10".into()),
        ("persecution.1.place", "Moscow".into()),
        ("persecution.1.actor", "security_service".into()),
        ("persecution.1.description", "Apartment searched".into()),
        ("claim.kind", "defensive".into()),
        ("claim.lawyer_id", lawyer_id.to_string()),
    ];
    pairs.into_iter().map(|(k, v)| (k.to_string(), v)).collect()
}

/// The request a session sends next in a scenario.
enum Request {
    Get(String),
    PostForm(String, Vec<(String, String)>),
    /// A name search, sent the way the server takes it ([`SearchBy`]).
    Search(&'static str),
}

struct Shared {
    options: Options,
    fixtures: Fixtures,
    intake_counter: AtomicU64,
    /// The anonymous visitors of the inquiry scenarios.
    visitors: Arc<inquiries::Visitors>,
}

impl Shared {
    /// Whether the side load of inquiries is on at `at`, in a phase started at `started`:
    /// off in the first slice, on in the second, and so on.
    fn side_load_on(&self, started: Instant, at: Instant) -> bool {
        let slice = self.options.slice.as_secs_f64();
        (at.saturating_duration_since(started).as_secs_f64() / slice) as u64 % 2 == 1
    }
}

/// The request a session sends next, and which variant of the scenario it is (the query
/// string, for the per-query breakdown).
fn next_request(
    scenario: Scenario,
    shared: &Shared,
    session: &Session,
    pick: &mut Pick,
) -> (Request, &'static str) {
    let url = &shared.options.url;
    match scenario {
        Scenario::Mixed => {
            // The session's part of the mix, by its index; the variant names the part.
            let (part, variant) = match session.index % 4 {
                0 => (Scenario::IntakeSave, "intake_save"),
                1 if pick.next(2) == 0 => (Scenario::SearchLatin, "search"),
                1 => (Scenario::SearchCyrillic, "search"),
                _ => (Scenario::CasePage, "case_page"),
            };
            let (request, _) = next_request(part, shared, session, pick);
            (request, variant)
        }
        Scenario::List | Scenario::CaseListWithInquiries => {
            let q = LIST_QUERIES[pick.next(LIST_QUERIES.len())];
            (Request::Get(format!("{url}/cases?{q}")), q)
        }
        Scenario::SearchCyrillic | Scenario::SearchLatin => {
            let list: &[&'static str] = if scenario == Scenario::SearchCyrillic {
                &CYRILLIC_QUERIES
            } else {
                &LATIN_QUERIES
            };
            let q = list[pick.next(list.len())];
            (Request::Search(q), q)
        }
        Scenario::CasePage => {
            let ids = &shared.fixtures.case_ids;
            let id = &ids[pick.next(ids.len())];
            (Request::Get(format!("{url}/cases/{id}")), "")
        }
        Scenario::Report => {
            let weeks = &shared.options.report_weeks;
            if weeks.is_empty() {
                return (Request::Get(format!("{url}/reports/weekly?of=office")), "");
            }
            let week = weeks[pick.next(weeks.len())];
            (
                Request::Get(format!("{url}/reports/weekly?of=office&week={week}")),
                week,
            )
        }
        Scenario::ReportCsv | Scenario::ReportCsvOpen => {
            // Every case the office has, one row each: the stream's memory is the point. Or
            // every open case, the largest figure: its cases are worked out again per chunk.
            let week = shared.options.report_weeks.first().copied().unwrap_or("");
            let mut query = if week.is_empty() {
                String::new()
            } else {
                format!("&week={week}")
            };
            if scenario == Scenario::ReportCsvOpen {
                query.push_str("&report=open_stage");
            }
            (
                Request::Get(format!(
                    "{url}/reports/weekly.csv?of=office&table=cases{query}"
                )),
                "",
            )
        }
        Scenario::Inquiry => unreachable!("the inquiry scenario has its own loop"),
        Scenario::IntakeSave => {
            let n = shared.intake_counter.fetch_add(1, Ordering::Relaxed);
            let lawyer = shared.fixtures.lawyer_id.as_deref().unwrap_or_default();
            (
                Request::PostForm(
                    format!("{url}/intake"),
                    intake_form(n, lawyer, &session.csrf),
                ),
                "",
            )
        }
    }
}

#[derive(Default)]
struct Outcome {
    latencies_us: Vec<u64>,
    by_variant: Vec<(&'static str, u64)>,
    errors: u64,
    first_error: Option<String>,
    /// The last good response's size in bytes and lines.
    last_body: Option<(usize, usize)>,
}

/// The body of an answer with the expected status, or what went wrong.
async fn expect(
    sent: reqwest::Result<reqwest::Response>,
    expected: StatusCode,
) -> Result<reqwest::Response, String> {
    let response = sent.map_err(|err| err.to_string())?;
    let status = response.status();
    if status == expected {
        return Ok(response);
    }
    let body = response.bytes().await.unwrap_or_default();
    Err(format!(
        "{status}: {}",
        String::from_utf8_lossy(&body[..body.len().min(300)])
    ))
}

/// The whole body of an answer (latency runs to its last byte).
async fn body(response: Result<reqwest::Response, String>) -> Result<Bytes, String> {
    response?.bytes().await.map_err(|err| err.to_string())
}

/// One search as the server takes it: the box's POST and its results page, or (before
/// issue 13) the query in the URL. The results page's body, read in full.
async fn search(shared: &Shared, session: &Session, q: &str) -> Result<Bytes, String> {
    let url = &shared.options.url;
    let results = match shared.fixtures.search_by {
        SearchBy::Get => {
            let encoded = q.replace(' ', "+");
            format!("{url}/search?q={encoded}")
        }
        SearchBy::Post => {
            let posted = expect(
                session
                    .client
                    .post(format!("{url}/search"))
                    .form(&[("csrf_token", session.csrf.as_str()), ("q", q)])
                    .send()
                    .await,
                StatusCode::SEE_OTHER,
            )
            .await?;
            let location = posted
                .headers()
                .get(LOCATION)
                .and_then(|l| l.to_str().ok())
                .ok_or("POST /search answered 303 without a Location")?;
            format!("{url}{location}")
        }
    };
    body(expect(session.client.get(results).send().await, StatusCode::OK).await).await
}

async fn worker(
    scenario: Scenario,
    shared: Arc<Shared>,
    session: Arc<Session>,
    seed: u64,
    (phase_started, until): (Instant, Instant),
    record: bool,
) -> Outcome {
    let mut pick = Pick(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let mut outcome = Outcome::default();
    while Instant::now() < until {
        if scenario == Scenario::Inquiry {
            let steps =
                inquiries::closed_loop_step(&shared.visitors, session.index, &mut pick).await;
            for (variant, elapsed, result) in steps {
                match result {
                    Ok(()) if record => {
                        let us = elapsed.as_micros() as u64;
                        outcome.latencies_us.push(us);
                        outcome.by_variant.push((variant, us));
                    }
                    Ok(()) => {}
                    Err(message) => {
                        outcome.errors += 1;
                        outcome.first_error.get_or_insert(message);
                    }
                }
            }
            continue;
        }
        let (request, mut variant) = next_request(scenario, &shared, &session, &mut pick);
        let started = Instant::now();
        let result = match request {
            Request::Get(url) => {
                body(expect(session.client.get(url).send().await, StatusCode::OK).await).await
            }
            Request::PostForm(url, form) => {
                body(
                    expect(
                        session.client.post(url).form(&form).send().await,
                        StatusCode::SEE_OTHER,
                    )
                    .await,
                )
                .await
            }
            Request::Search(q) => search(&shared, &session, q).await,
        };
        let result = result.map(|body| {
            let lines = body.iter().filter(|b| **b == b'\n').count();
            outcome.last_body = Some((body.len(), lines));
        });
        let elapsed = started.elapsed();
        let mut counted = true;
        if scenario == Scenario::CaseListWithInquiries {
            // Counted in the slice it ran in; one that spans two slices in neither.
            let on = shared.side_load_on(phase_started, started);
            counted = on == shared.side_load_on(phase_started, Instant::now());
            variant = if on { "with" } else { "without" };
        }
        match result {
            Ok(()) if record && counted => {
                let us = elapsed.as_micros() as u64;
                outcome.latencies_us.push(us);
                if !variant.is_empty() {
                    outcome.by_variant.push((variant, us));
                }
            }
            Ok(()) => {}
            Err(message) => {
                outcome.errors += 1;
                outcome.first_error.get_or_insert(message);
            }
        }
    }
    outcome
}

/// (VmRSS, VmHWM, RssAnon) of the server in KiB. RSS counts the pages of SQLite's memory
/// map once per connection that maps them (they are the operating system's file cache,
/// shared); RssAnon is the server's own memory.
fn server_memory(pid: Option<u32>) -> Option<(u64, u64, u64)> {
    let status = std::fs::read_to_string(format!("/proc/{}/status", pid?)).ok()?;
    let field = |name: &str| {
        status
            .lines()
            .find(|l| l.starts_with(name))?
            .split_whitespace()
            .nth(1)?
            .parse::<u64>()
            .ok()
    };
    Some((field("VmRSS:")?, field("VmHWM:")?, field("RssAnon:")?))
}

/// The highest RssAnon of the server while a scenario is measured, sampled every 10 ms: the
/// kernel keeps a high-water mark only for the whole RSS, which counts SQLite's shared map.
struct OwnMemoryPeak {
    stop: Arc<std::sync::atomic::AtomicBool>,
    task: tokio::task::JoinHandle<Option<u64>>,
}

impl OwnMemoryPeak {
    fn start(pid: Option<u32>) -> Self {
        let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
        let stopped = stop.clone();
        let task = tokio::task::spawn(async move {
            let mut peak = None;
            loop {
                if let Some((_, _, anon)) = server_memory(pid) {
                    peak = peak.max(Some(anon));
                }
                if stopped.load(Ordering::Relaxed) {
                    return peak;
                }
                tokio::time::sleep(Duration::from_millis(10)).await;
            }
        });
        Self { stop, task }
    }

    async fn stop(self) -> Option<u64> {
        self.stop.store(true, Ordering::Relaxed);
        self.task.await.ok().flatten()
    }
}

/// CPU time so far, in clock ticks (USER_HZ, 100 on Linux): the whole machine (busy, and
/// busy plus idle), the server, PostgreSQL's processes, and this driver.
#[derive(Debug, Clone, Copy, Default)]
struct CpuSnapshot {
    machine_busy: u64,
    server: u64,
    postgres: u64,
    driver: u64,
}

/// The command name and utime + stime of a process, from /proc/<pid>/stat.
fn process_ticks(stat_path: &str) -> Option<(String, u64)> {
    let stat = std::fs::read_to_string(stat_path).ok()?;
    let open = stat.find('(')?;
    let close = stat.rfind(')')?;
    let name = stat[open + 1..close].to_string();
    let fields: Vec<&str> = stat[close + 1..].split_whitespace().collect();
    let ticks = fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?;
    Some((name, ticks))
}

fn cpu_snapshot(server_pid: Option<u32>) -> CpuSnapshot {
    let mut snapshot = CpuSnapshot::default();
    if let Ok(stat) = std::fs::read_to_string("/proc/stat")
        && let Some(line) = stat.lines().next()
    {
        let v: Vec<u64> = line
            .split_whitespace()
            .skip(1)
            .filter_map(|f| f.parse().ok())
            .collect();
        // user nice system idle iowait irq softirq steal
        if v.len() >= 8 {
            snapshot.machine_busy = v[0] + v[1] + v[2] + v[5] + v[6] + v[7];
        }
    }
    if let Some(pid) = server_pid {
        snapshot.server = process_ticks(&format!("/proc/{pid}/stat")).map_or(0, |t| t.1);
    }
    snapshot.driver = process_ticks("/proc/self/stat").map_or(0, |t| t.1);
    if let Ok(entries) = std::fs::read_dir("/proc") {
        for entry in entries.flatten() {
            let name = entry.file_name();
            let Some(pid) = name
                .to_str()
                .filter(|n| n.bytes().all(|b| b.is_ascii_digit()))
            else {
                continue;
            };
            if let Some((comm, ticks)) = process_ticks(&format!("/proc/{pid}/stat"))
                && comm == "postgres"
            {
                snapshot.postgres += ticks;
            }
        }
    }
    snapshot
}

/// Cores busy during a measurement: "all (refuge + postgres + driver + others)".
fn cpu_use(before: CpuSnapshot, after: CpuSnapshot, seconds: f64) -> String {
    let cores = |ticks: u64| ticks as f64 / 100.0 / seconds;
    let all = cores(after.machine_busy.saturating_sub(before.machine_busy));
    let server = cores(after.server.saturating_sub(before.server));
    // Backends that ended during the run drop out of the sum; never negative.
    let postgres = cores(after.postgres.saturating_sub(before.postgres));
    let driver = cores(after.driver.saturating_sub(before.driver));
    let others = (all - server - postgres - driver).max(0.0);
    format!("{all:.2} ({server:.2} + {postgres:.2} + {driver:.2} + {others:.2})")
}

/// One part of a scenario measured by parts, as its row names it.
fn part_title(scenario: Scenario, part: &str, side_rate: f64) -> String {
    match (scenario, part) {
        (Scenario::Inquiry, "sent") => "inquiry: POST /inquiry, accepted (303)".into(),
        (Scenario::Inquiry, "form") => "inquiry: GET /inquiry (the form)".into(),
        (Scenario::CaseListWithInquiries, "without") => {
            "case list with filters, slices without inquiries".into()
        }
        (Scenario::CaseListWithInquiries, "with") => {
            format!("case list with filters, slices with inquiries arriving at {side_rate}/s")
        }
        _ => format!("{}: {part}", scenario.name()),
    }
}

/// A row of the results table from sorted latencies (µs) over `seconds`.
fn print_row(title: &str, sorted: &[u64], errors: u64, seconds: f64, memory: &str, cpu: &str) {
    println!(
        "| {} | {} | {} | {:.1} | {:.1} | {:.1} | {:.1} | {:.1} | {} | {} |",
        title,
        sorted.len(),
        errors,
        sorted.len() as f64 / seconds.max(f64::MIN_POSITIVE),
        percentile(sorted, 50.0),
        percentile(sorted, 95.0),
        percentile(sorted, 99.0),
        sorted.last().map_or(f64::NAN, |m| *m as f64 / 1000.0),
        memory,
        cpu
    );
}

fn percentile(sorted: &[u64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1] as f64 / 1000.0
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    if let Err(err) = run().await {
        eprintln!("refuge-bench: {err}");
        std::process::exit(1);
    }
}

async fn run() -> Result<(), Error> {
    let options = parse_options()?;
    eprintln!(
        "Signing in {} sessions as {}…",
        options.concurrency, options.email
    );
    let mut sessions = Vec::new();
    for index in 0..options.concurrency {
        sessions.push(Arc::new(sign_in(&options, index).await?));
    }
    let fixtures = fixtures(&options, &sessions[0]).await?;
    eprintln!(
        "{} case ids collected from the case list; lawyer of record for intakes: {}",
        fixtures.case_ids.len(),
        fixtures.lawyer_id.as_deref().unwrap_or("none found")
    );
    let search_by = fixtures.search_by;
    let side_load = options.scenarios.contains(&Scenario::CaseListWithInquiries);
    // Enough visitors that the side load's forms are old enough when their turn comes.
    let visitors = Arc::new(inquiries::Visitors::new(
        &options.url,
        options.concurrency.max(32),
        options.inquiry_min_age,
    )?);
    if side_load {
        let per_visitor = (options.side_rate * (options.inquiry_min_age.as_secs_f64() + 1.0)
            / visitors.count() as f64)
            .ceil() as usize;
        eprintln!(
            "Opening {} inquiry forms for the side load…",
            per_visitor * visitors.count()
        );
        inquiries::prime(&visitors, per_visitor).await?;
    }
    let shared = Arc::new(Shared {
        options: options.clone(),
        fixtures,
        intake_counter: AtomicU64::new(1),
        visitors,
    });
    println!();
    if !options.label.is_empty() {
        println!("### {}", options.label);
        println!();
    }
    let searches = options.scenarios.iter().any(|s| {
        matches!(
            s,
            Scenario::SearchCyrillic | Scenario::SearchLatin | Scenario::Mixed
        )
    });
    if searches {
        println!("Searches: {}.", search_by.describe());
        println!();
    }
    println!(
        "| scenario | requests | errors | req/s | p50 ms | p95 ms | p99 ms | max ms | server MiB: RSS / peak RSS / own (anon) / own peak | CPU cores busy: all (refuge + postgres + driver + others) |"
    );
    println!("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|");
    let mut breakdowns = Vec::new();
    let mut notes: Vec<String> = Vec::new();
    for scenario in &options.scenarios {
        let scenario = *scenario;
        if matches!(scenario, Scenario::CasePage | Scenario::Mixed)
            && shared.fixtures.case_ids.is_empty()
        {
            println!(
                "| {} | — | — | — | — | — | — | — | no case ids (is GET /cases there?) | |",
                scenario.title()
            );
            continue;
        }
        if matches!(scenario, Scenario::IntakeSave | Scenario::Mixed)
            && shared.fixtures.lawyer_id.is_none()
        {
            println!(
                "| {} | — | — | — | — | — | — | — | no lawyer on GET /intake | |",
                scenario.title()
            );
            continue;
        }
        let mut first_error = None;
        let mut outcomes = Vec::new();
        let (warmup, duration) = match scenario {
            // Long enough that the visitors' first forms are sent while warming up.
            Scenario::Inquiry => (
                options
                    .warmup
                    .max(options.inquiry_min_age + Duration::from_secs(2)),
                options.duration,
            ),
            // Whole pairs of slices: as long without inquiries as with them.
            Scenario::CaseListWithInquiries => {
                let pair = 2.0 * options.slice.as_secs_f64();
                let pairs = (options.duration.as_secs_f64() / pair).ceil().max(1.0);
                (options.warmup, Duration::from_secs_f64(pairs * pair))
            }
            _ => (options.warmup, options.duration),
        };
        let mut side: Option<inquiries::SideOutcome> = None;
        for (phase, length, record) in [("warm-up", warmup, false), ("measure", duration, true)] {
            eprintln!(
                "{}: {phase} for {:.0} s",
                scenario.name(),
                length.as_secs_f64()
            );
            let started = Instant::now();
            let until = started + length;
            let cpu_before = cpu_snapshot(options.server_pid);
            let sampler = record.then(|| OwnMemoryPeak::start(options.server_pid));
            let side_task = (scenario == Scenario::CaseListWithInquiries).then(|| {
                let shared = shared.clone();
                tokio::task::spawn(inquiries::side_load(
                    shared.visitors.clone(),
                    options.side_rate,
                    until,
                    move |at| shared.side_load_on(started, at),
                ))
            });
            let tasks: Vec<_> = sessions
                .iter()
                .enumerate()
                .map(|(i, session)| {
                    tokio::task::spawn(worker(
                        scenario,
                        shared.clone(),
                        session.clone(),
                        i as u64 + 1 + u64::from(record) * 1000,
                        (started, until),
                        record,
                    ))
                })
                .collect();
            let mut phase_outcomes = Vec::new();
            for task in tasks {
                phase_outcomes.push(task.await?);
            }
            if let Some(task) = side_task {
                let mut outcome = task.await?;
                if first_error.is_none() {
                    first_error = outcome.first_error.take();
                }
                side = Some(outcome);
            }
            for o in &mut phase_outcomes {
                if first_error.is_none() {
                    first_error = o.first_error.take();
                }
            }
            if record {
                outcomes = phase_outcomes;
                let elapsed = started.elapsed();
                let cpu = cpu_use(
                    cpu_before,
                    cpu_snapshot(options.server_pid),
                    elapsed.as_secs_f64(),
                );
                let mut all: Vec<u64> = outcomes
                    .iter()
                    .flat_map(|o| o.latencies_us.iter().copied())
                    .collect();
                all.sort_unstable();
                let errors: u64 = outcomes.iter().map(|o| o.errors).sum();
                let own_peak = match sampler {
                    Some(sampler) => sampler.stop().await,
                    None => None,
                };
                let memory = server_memory(options.server_pid)
                    .map(|(rss, hwm, anon)| {
                        let mib = |kib: u64| kib as f64 / 1024.0;
                        format!(
                            "{:.0} / {:.0} / {:.0} / {}",
                            mib(rss),
                            mib(hwm),
                            mib(anon),
                            own_peak.map_or("—".into(), |peak| format!("{:.0}", mib(peak)))
                        )
                    })
                    .unwrap_or_else(|| "—".into());
                if matches!(
                    scenario,
                    Scenario::Mixed | Scenario::Inquiry | Scenario::CaseListWithInquiries
                ) {
                    // One row per part: each has its own latency and rate.
                    let mut parts: std::collections::BTreeMap<&str, Vec<u64>> = Default::default();
                    for (variant, us) in outcomes.iter().flat_map(|o| o.by_variant.iter()) {
                        parts.entry(variant).or_default().push(*us);
                    }
                    // The two kinds of slices share the time.
                    let part_seconds = if scenario == Scenario::CaseListWithInquiries {
                        elapsed.as_secs_f64() / 2.0
                    } else {
                        elapsed.as_secs_f64()
                    };
                    let mut p95 = std::collections::BTreeMap::new();
                    for (part, mut latencies) in parts {
                        latencies.sort_unstable();
                        p95.insert(part, percentile(&latencies, 95.0));
                        let title = part_title(scenario, part, options.side_rate);
                        print_row(&title, &latencies, errors, part_seconds, &memory, &cpu);
                    }
                    if let Some(side) = &side {
                        let mut sent = side.sent_us.clone();
                        sent.sort_unstable();
                        let mut shown = side.shown_us.clone();
                        shown.sort_unstable();
                        let title = "side load: POST /inquiry, accepted (303)";
                        print_row(title, &sent, side.errors, side.on_seconds, "", "");
                        let title = "side load: GET /inquiry (the form)";
                        print_row(title, &shown, side.errors, side.on_seconds, "", "");
                        if let (Some(with), Some(without)) = (p95.get("with"), p95.get("without")) {
                            notes.push(format!(
                                "case list p95 while inquiries arrive / without: {:.2} \
                                 ({with:.1} / {without:.1} ms); side load: {} sent in {:.0} s \
                                 of slices with inquiries ({:.1}/s), {} errors, {} ticks \
                                 without a form old enough to send",
                                with / without,
                                sent.len(),
                                side.on_seconds,
                                sent.len() as f64 / side.on_seconds.max(f64::MIN_POSITIVE),
                                side.errors,
                                side.missed
                            ));
                        }
                    }
                    continue;
                }
                println!(
                    "| {} | {} | {} | {:.1} | {:.1} | {:.1} | {:.1} | {:.1} | {} | {} |",
                    scenario.title(),
                    all.len(),
                    errors,
                    all.len() as f64 / elapsed.as_secs_f64(),
                    percentile(&all, 50.0),
                    percentile(&all, 95.0),
                    percentile(&all, 99.0),
                    all.last().map_or(f64::NAN, |m| *m as f64 / 1000.0),
                    memory,
                    cpu
                );
                if matches!(scenario, Scenario::ReportCsv | Scenario::ReportCsvOpen)
                    && let Some((bytes, lines)) = outcomes.iter().find_map(|o| o.last_body)
                {
                    notes.push(format!(
                        "{}: one download is {:.1} MiB, {} lines (header and one row per case)",
                        scenario.name(),
                        bytes as f64 / 1_048_576.0,
                        lines
                    ));
                }
            }
        }
        if options.breakdown {
            let mut variants: std::collections::BTreeMap<&str, Vec<u64>> = Default::default();
            for (variant, us) in outcomes.iter().flat_map(|o| o.by_variant.iter()) {
                variants.entry(variant).or_default().push(*us);
            }
            if !variants.is_empty() {
                let mut table = format!(
                    "\n{} by query:\n\n| query | requests | p50 ms | p95 ms | max ms |\n|---|---:|---:|---:|---:|\n",
                    scenario.title()
                );
                for (variant, mut all) in variants {
                    all.sort_unstable();
                    table.push_str(&format!(
                        "| `{}` | {} | {:.1} | {:.1} | {:.1} |\n",
                        if variant.is_empty() {
                            "(none)"
                        } else {
                            variant
                        },
                        all.len(),
                        percentile(&all, 50.0),
                        percentile(&all, 95.0),
                        all.last().map_or(f64::NAN, |m| *m as f64 / 1000.0)
                    ));
                }
                breakdowns.push(table);
            }
        }
        if let Some(error) = first_error {
            eprintln!("{}: first error: {error}", scenario.name());
        }
        drop(outcomes);
    }
    if !notes.is_empty() {
        println!();
        for note in notes {
            println!("- {note}");
        }
    }
    for table in breakdowns {
        println!("{table}");
    }
    Ok(())
}
