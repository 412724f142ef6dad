//! Mail leaving Refuge: a real SMTP conversation with an SMTP server running inside the test
//! (mailin-embedded), the server being down and coming back, two Refuge servers on one
//! PostgreSQL database sending each message once, the admin's mail page, and the rendered
//! messages in English, Russian and Ukrainian (snapshots, with dates and links redacted).

use std::collections::HashMap;
use std::net::TcpListener;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use mailin_embedded::{Handler, Response, Server, SslConfig, response};
use refuge::config::{MailTransport, Settings, SmtpTls};
use refuge::db::write_transaction;
use refuge::domain::case_stage::CaseStage;
use refuge::domain::deadlines::DeadlineKind;
use refuge::domain::notifications::{ListedCase, NotificationDetails, NotificationKind};
use refuge::domain::staff::Role;
use refuge::email::render::{self, RenderedMessage};
use refuge::i18n::{I18n, Language};
use refuge::services::notifications::Notifier;

use crate::helpers::{TestApp, client, is_postgres, spawn_app_with};

/// One message as the SMTP server received it.
#[derive(Debug, Clone, Default)]
pub(crate) struct Received {
    from: String,
    to: Vec<String>,
    data: String,
}

impl Received {
    fn header(&self, name: &str) -> Option<String> {
        let prefix = format!("{name}: ");
        self.data
            .split("\r\n\r\n")
            .next()?
            .lines()
            .find_map(|line| line.strip_prefix(&prefix).map(str::to_string))
    }
}

/// Records each message; each connection gets its own clone, the list is shared. A delay
/// before accepting the data makes sends slow enough for two senders to overlap.
#[derive(Clone)]
struct Sink {
    received: Arc<Mutex<Vec<Received>>>,
    current: Received,
    delay: Duration,
}

impl Handler for Sink {
    fn data_start(&mut self, _domain: &str, from: &str, _is8bit: bool, to: &[String]) -> Response {
        self.current = Received {
            from: from.to_string(),
            to: to.to_vec(),
            data: String::new(),
        };
        response::OK
    }

    fn data(&mut self, buf: &[u8]) -> std::io::Result<()> {
        self.current.data.push_str(&String::from_utf8_lossy(buf));
        Ok(())
    }

    fn data_end(&mut self) -> Response {
        std::thread::sleep(self.delay);
        self.received
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push(std::mem::take(&mut self.current));
        response::OK
    }
}

/// An SMTP server on `listener`, for the rest of the test process.
pub(crate) fn start_smtp(listener: TcpListener, delay: Duration) -> Arc<Mutex<Vec<Received>>> {
    let received = Arc::new(Mutex::new(Vec::new()));
    let mut server = Server::new(Sink {
        received: received.clone(),
        current: Received::default(),
        delay,
    });
    server
        .with_name("smtp.test")
        .with_ssl(SslConfig::None)
        .expect("no TLS")
        .with_tcp_listener(listener);
    std::thread::spawn(move || {
        // The error type is not `Send`: report it here, where the server stops.
        if let Err(error) = server.serve() {
            eprintln!("the test SMTP server stopped: {error}");
        }
    });
    received
}

pub(crate) fn received(sink: &Arc<Mutex<Vec<Received>>>) -> Vec<Received> {
    sink.lock().unwrap_or_else(PoisonError::into_inner).clone()
}

/// The port of an SMTP server that is down: bound, so that no other socket of the test run
/// can take it meanwhile, but not listening, so connections are refused until it
/// [`opens`](Self::open).
pub(crate) struct ClosedPort(socket2::Socket);

impl ClosedPort {
    pub(crate) fn new() -> Self {
        let socket = socket2::Socket::new(socket2::Domain::IPV4, socket2::Type::STREAM, None)
            .expect("socket");
        socket
            .bind(&std::net::SocketAddr::from(([127, 0, 0, 1], 0)).into())
            .expect("bind");
        Self(socket)
    }

    pub(crate) fn port(&self) -> u16 {
        self.0
            .local_addr()
            .ok()
            .and_then(|address| address.as_socket())
            .expect("address")
            .port()
    }

    /// The server comes up.
    pub(crate) fn open(self) -> TcpListener {
        self.0.listen(128).expect("listen");
        self.0.into()
    }
}

pub(crate) fn smtp_settings(settings: &mut Settings, port: u16) {
    settings.mail.transport = MailTransport::Smtp;
    settings.mail.from = "Refuge <refuge@office.example.org>".into();
    settings.mail.smtp.host = "127.0.0.1".into();
    settings.mail.smtp.port = port;
    settings.mail.smtp.tls = SmtpTls::None;
    settings.mail.smtp.timeout_seconds = 5;
}

/// A message for `staff`, written to the outbox the way events write theirs.
pub(crate) async fn enqueue(
    app: &TestApp,
    to: &refuge::domain::staff::Staff,
    n: usize,
) -> uuid::Uuid {
    let notifier = Notifier::of(&app.state);
    let staff = to.clone();
    app.state
        .db
        .run(move |conn| {
            write_transaction(conn, |conn| {
                notifier.enqueue(
                    conn,
                    &staff,
                    "stage_changed",
                    None,
                    &RenderedMessage {
                        subject: format!("Refuge: message {n}"),
                        text_body: format!("Plain text {n}"),
                        html_body: format!("<p>HTML {n}</p>"),
                    },
                )
            })
        })
        .await
        .expect("enqueued")
}

#[actix_web::test]
async fn a_message_goes_over_real_smtp_and_waits_while_the_server_is_down() {
    let closed = ClosedPort::new();
    let port = closed.port();
    let app = spawn_app_with(|settings| smtp_settings(settings, port)).await;
    let lawyer = app.login_as(Role::Lawyer).await;
    let admin = app.login_as(Role::Admin).await;
    // A real event: the admin moves the lawyer's case.
    let case =
        crate::search::save(&app, &lawyer.staff, None, &[("client.given_name", "Anna")]).await;
    refuge::services::cases::transition(
        &app.state,
        &admin.staff,
        case.id,
        CaseStage::ConflictCheck,
        String::new(),
        None,
        None,
    )
    .await
    .expect("transition");

    // Nobody listens: the attempt fails, the message waits a minute.
    let report = app.deliver_mail().await;
    assert_eq!((report.sent, report.deferred, report.failed), (0, 1, 0));
    let waiting = app.outbox().await;
    assert_eq!(waiting.len(), 1);
    assert_eq!(waiting[0].status, "pending");
    assert_eq!(waiting[0].attempts, 1);
    assert!(!waiting[0].last_error.is_empty());
    assert_eq!(app.deliver_mail().await.deferred, 0, "not due again yet");

    // The server comes up on that port; a minute later the message goes, once.
    let sink = start_smtp(closed.open(), Duration::ZERO);
    app.clock.advance(chrono::Duration::minutes(1));
    assert_eq!(app.deliver_mail().await.sent, 1);
    assert_eq!(app.deliver_mail().await.sent, 0);
    let got = received(&sink);
    assert_eq!(got.len(), 1);
    let mail = &got[0];
    assert_eq!(mail.from, "refuge@office.example.org");
    assert_eq!(mail.to, std::slice::from_ref(&lawyer.staff.email));
    assert_eq!(
        mail.header("Subject").as_deref(),
        Some(format!("Refuge: case {} changed stage", case.reference).as_str())
    );
    assert_eq!(
        mail.header("Message-ID"),
        Some(format!("<{}@office.example.org>", waiting[0].id.0.simple()))
    );
    assert!(mail.header("Date").is_some());
    assert!(
        mail.header("Content-Type")
            .is_some_and(|c| c.starts_with("multipart/alternative")),
        "{}",
        mail.data
    );
    assert!(
        mail.data
            .contains("Content-Type: text/plain; charset=utf-8")
    );
    assert!(mail.data.contains("Content-Type: text/html; charset=utf-8"));
    assert!(mail.data.contains(&case.reference));
    let sent = app.outbox().await;
    assert_eq!(sent[0].status, "sent");
    assert_eq!(sent[0].attempts, 2);
}

#[actix_web::test]
async fn a_message_given_up_on_is_shown_to_admins_and_can_be_sent_again() {
    let closed = ClosedPort::new();
    let port = closed.port();
    let app = spawn_app_with(|settings| {
        smtp_settings(settings, port);
        // No retry period: the first failure is final.
        settings.mail.retry_hours = 0;
    })
    .await;
    let admin = app.login_as(Role::Admin).await;
    let lawyer = app.login_as(Role::Lawyer).await;
    let id = enqueue(&app, &lawyer.staff, 1).await;
    let report = app.deliver_mail().await;
    assert_eq!(report.failed, 1);

    // The admin sees it: on the home page, in /healthz and on the mail page.
    let (_, home) = app.page(&admin.client, "/").await;
    assert!(home.contains("data-failed-mail=\"1\""), "{home}");
    let health: serde_json::Value = client()
        .get(app.url("/healthz"))
        .send()
        .await
        .expect("health")
        .json()
        .await
        .expect("json");
    assert_eq!(
        health["mail"],
        serde_json::json!({ "pending": 0, "failed": 1 })
    );
    let (_, page) = app.page(&admin.client, "/admin/mail").await;
    assert!(page.contains(&format!("data-message=\"{id}\" data-status=\"failed\"")));
    assert!(page.contains("Refuge: message 1"));
    // Lawyers do not see the queue (nor the count on their home page).
    assert_eq!(app.page(&lawyer.client, "/admin/mail").await.0, 403);
    let (_, lawyer_home) = app.page(&lawyer.client, "/").await;
    assert!(!lawyer_home.contains("data-failed-mail"));

    // "Send again": pending, due now; with the server up it goes.
    let response = app
        .post_form(&admin.client, &format!("/admin/mail/{id}/retry"), &[])
        .await;
    assert_eq!(response.status(), 303);
    assert!(
        app.audit_actions()
            .await
            .contains(&"mail.retried".to_string())
    );
    let message = &app.outbox().await[0];
    assert_eq!((message.status.as_str(), message.attempts), ("pending", 0));
    // Sending again what is not failed answers 404 and changes nothing.
    let again = app
        .post_form(&admin.client, &format!("/admin/mail/{id}/retry"), &[])
        .await;
    assert_eq!(again.status(), 404);
    let sink = start_smtp(closed.open(), Duration::ZERO);
    // A fresh retry period of 0 hours means one attempt: this one succeeds.
    assert_eq!(app.deliver_mail().await.sent, 1);
    assert_eq!(received(&sink).len(), 1);
}

#[actix_web::test]
async fn two_servers_on_one_postgresql_database_send_each_message_once() {
    // On SQLite one server is the supported setup (see README); this is PostgreSQL's test.
    if !is_postgres() {
        return;
    }
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = listener.local_addr().expect("address").port();
    // Slow acceptance: both servers' workers are busy sending at the same time.
    let sink = start_smtp(listener, Duration::from_millis(30));
    let first = spawn_app_with(|settings| smtp_settings(settings, port)).await;
    let lawyer = first.login_as(Role::Lawyer).await;
    let mut ids = Vec::new();
    for n in 0..40 {
        ids.push(enqueue(&first, &lawyer.staff, n).await);
    }
    let database_url = first.database_url.clone();
    let second = spawn_app_with(|settings| {
        smtp_settings(settings, port);
        settings.database.url = database_url.into();
        settings.mail.worker = true;
        settings.mail.poll_interval_seconds = 1;
    })
    .await;
    // The first server's worker starts sending too.
    let first_worker = {
        let state = first.state.clone();
        let settings = first.state.settings.mail.clone();
        actix_web::rt::spawn(async move {
            let mailer = refuge::email::Mailer::from_settings(&settings).expect("mailer");
            loop {
                refuge::worker::run_once(&state, &mailer).await;
                actix_web::rt::time::sleep(Duration::from_millis(200)).await;
            }
        })
    };
    // Only the enqueued messages count: the workers' scheduled jobs (the Monday report of
    // the pinned clock's week) send their own, once.
    let message_ids: Vec<String> = ids
        .iter()
        .map(|id| format!("<{}@office.example.org>", id.simple()))
        .collect();
    let ours = || {
        received(&sink)
            .into_iter()
            .filter_map(|mail| mail.header("Message-ID"))
            .filter(|id| message_ids.contains(id))
            .collect::<Vec<_>>()
    };
    let started = Instant::now();
    while ours().len() < ids.len() && started.elapsed() < Duration::from_secs(60) {
        actix_web::rt::time::sleep(Duration::from_millis(100)).await;
    }
    // A moment more: a duplicate would arrive now.
    actix_web::rt::time::sleep(Duration::from_millis(500)).await;
    first_worker.abort();
    let mut seen: HashMap<String, usize> = HashMap::new();
    for message_id in ours() {
        *seen.entry(message_id).or_default() += 1;
    }
    assert_eq!(seen.len(), ids.len(), "every message arrived");
    for message_id in &message_ids {
        assert_eq!(seen.get(message_id), Some(&1), "{message_id} sent once");
    }
    // Everything the sink got, scheduled mail included, arrived once.
    let all: Vec<String> = received(&sink)
        .into_iter()
        .filter_map(|mail| mail.header("Message-ID"))
        .collect();
    let distinct: std::collections::HashSet<&String> = all.iter().collect();
    assert_eq!(distinct.len(), all.len(), "no message twice: {all:?}");
    assert!(second.outbox().await.iter().all(|m| m.status == "sent"));
}

fn details() -> NotificationDetails {
    let case_id = uuid::Uuid::from_u128(0x5eed);
    NotificationDetails {
        case_id: Some(case_id),
        reference: Some("R-2026-00042".into()),
        ..NotificationDetails::default()
    }
}

/// Every kind of message in one language, dates and links replaced by placeholders.
fn all_messages(language: Language) -> String {
    let i18n = I18n::new(language);
    let base = "https://refuge.example";
    let due = NaiveDate::from_ymd_opt(2027, 2, 24).expect("date");
    let mut cases: Vec<(NotificationKind, NotificationDetails)> = vec![
        (
            NotificationKind::CaseAssigned,
            NotificationDetails {
                role: Some("paralegal".into()),
                ..details()
            },
        ),
        (
            NotificationKind::StageChanged,
            NotificationDetails {
                from_stage: Some(CaseStage::Drafting),
                to_stage: Some(CaseStage::Filed),
                initials: Some("I. P.".into()),
                ..details()
            },
        ),
    ];
    for (kind, deadline, days) in [
        (
            NotificationKind::OneYearReminder,
            DeadlineKind::OneYearFiling,
            1,
        ),
        (NotificationKind::HearingReminder, DeadlineKind::Hearing, 7),
        (NotificationKind::AppealReminder, DeadlineKind::BiaAppeal, 2),
        (
            NotificationKind::ParoleReminder,
            DeadlineKind::ParoleExpiry,
            60,
        ),
        (
            NotificationKind::AgeOutReminder,
            DeadlineKind::ChildAgesOut,
            120,
        ),
    ] {
        cases.push((
            kind,
            NotificationDetails {
                deadline: Some(deadline),
                due_on: Some(due),
                days_left: Some(days),
                ..details()
            },
        ));
    }
    cases.push((
        NotificationKind::CourtRecheck,
        NotificationDetails {
            cases: vec![
                ListedCase {
                    case_id: uuid::Uuid::from_u128(1),
                    reference: "R-2026-00007".into(),
                    hearing_on: due,
                    verified_on: None,
                },
                ListedCase {
                    case_id: uuid::Uuid::from_u128(2),
                    reference: "R-2026-00019".into(),
                    hearing_on: due,
                    verified_on: NaiveDate::from_ymd_opt(2026, 11, 2),
                },
            ],
            ..NotificationDetails::default()
        },
    ));
    let mut out = String::new();
    let mut show = |name: &str, message: RenderedMessage| {
        out.push_str(&format!(
            "===== {name}\nSubject: {}\n--- text\n{}\n--- html\n{}\n",
            message.subject, message.text_body, message.html_body
        ));
    };
    for (kind, details) in &cases {
        show(
            kind.as_str(),
            render::single(&i18n, "Maria Lopez", *kind, details, base).expect("rendered"),
        );
    }
    let notices = cases[..3]
        .iter()
        .map(|(kind, details)| render::notice(&i18n, *kind, details, base))
        .collect();
    show(
        "digest",
        render::digest(&i18n, "Maria Lopez", notices, base).expect("rendered"),
    );
    out.replace(base, "[link]")
        .replace("2027-02-24", "[date]")
        .replace("2026-11-02", "[date]")
}

#[test]
fn rendered_messages_in_english() {
    insta::assert_snapshot!(all_messages(Language::En));
}

#[test]
fn rendered_messages_in_russian() {
    insta::assert_snapshot!(all_messages(Language::Ru));
}

#[test]
fn rendered_messages_in_ukrainian() {
    insta::assert_snapshot!(all_messages(Language::Uk));
}

#[test]
fn rendered_messages_in_spanish() {
    insta::assert_snapshot!(all_messages(Language::Es));
}
