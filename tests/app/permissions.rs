//! The permission matrix of `docs/permissions.md`, checked against a running server for
//! every registered route and every kind of visitor.
//!
//! Each request names real things: every placeholder of a path (`{id}`, `{event_id}`,
//! `{item_id}`, `{token}`) is replaced by the id of a case, hearing, checklist item, staff
//! member, message or link made for the purpose, and each request carries a valid body from
//! [`REQUESTS`]. The answer is classified as allowed (2xx/3xx), refused (403), not found (404)
//! or login required (401, or a redirect to the login page); any other status (a 400 or 422
//! from a body the route no longer accepts, a 500) matches no cell and fails the test, and
//! 404 never counts as allowed.
//!
//! Adding a route: a row in `docs/permissions.md`, and, unless it is a GET without a query,
//! an entry in [`REQUESTS`]. A path placeholder without a fixture fails with a message naming
//! it: add it to [`Targets`] and [`fill`].

use std::collections::BTreeSet;

use diesel::prelude::*;
use refuge::db::uuid::DbUuid;
use refuge::db::write_transaction;
use refuge::domain::staff::{Role, Staff};
use refuge::email::render::RenderedMessage;
use refuge::services::audit::AuditContext;
use refuge::services::notifications::Notifier;
use refuge::services::staff::{NewStaffMember, create_as};
use reqwest::Method;
use serde_json::{Value, json};

use crate::helpers::{NowForTests, PASSWORD, TestApp, client, spawn_app};

/// Who asks: the columns of the table, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Visitor {
    Anonymous,
    /// A paralegal asking about a case assigned to another paralegal.
    Paralegal,
    Lawyer,
    Admin,
    /// A paralegal asking about a case assigned to them.
    AssignedParalegal,
}

impl Visitor {
    fn role(self) -> Option<Role> {
        match self {
            Visitor::Anonymous => None,
            Visitor::Paralegal | Visitor::AssignedParalegal => Some(Role::Paralegal),
            Visitor::Lawyer => Some(Role::Lawyer),
            Visitor::Admin => Some(Role::Admin),
        }
    }

    fn column(self) -> usize {
        self as usize
    }
}

/// One row of the documented table.
struct Row {
    method: String,
    path: String,
    /// anonymous, paralegal, lawyer, admin, assigned paralegal
    expected: [String; 5],
}

const OUTCOMES: [&str; 5] = ["allowed", "403", "404", "login", "401"];

fn documented() -> Vec<Row> {
    let doc = include_str!("../../docs/permissions.md");
    doc.lines()
        .filter(|line| line.starts_with("| ") && !line.starts_with("| Method"))
        .map(|line| {
            let cells: Vec<String> = line
                .trim_matches('|')
                .split('|')
                .map(|c| c.trim().to_string())
                .collect();
            assert_eq!(cells.len(), 7, "malformed row: {line}");
            for cell in &cells[2..] {
                assert!(
                    OUTCOMES.contains(&cell.as_str()),
                    "unknown outcome {cell:?} in: {line}"
                );
            }
            Row {
                method: cells[0].clone(),
                path: cells[1].clone(),
                expected: [
                    cells[2].clone(),
                    cells[3].clone(),
                    cells[4].clone(),
                    cells[5].clone(),
                    cells[6].clone(),
                ],
            }
        })
        .collect()
}

#[test]
fn every_registered_route_is_documented_and_nothing_else() {
    let registered: BTreeSet<(String, String)> = refuge::routes::endpoints()
        .iter()
        .map(|e| (e.method.to_string(), e.path.to_string()))
        .collect();
    let rows = documented();
    let documented: BTreeSet<(String, String)> = rows
        .iter()
        .map(|r| (r.method.clone(), r.path.clone()))
        .collect();
    assert_eq!(rows.len(), documented.len(), "a route is documented twice");
    let missing: Vec<_> = registered.difference(&documented).collect();
    let stale: Vec<_> = documented.difference(&registered).collect();
    assert!(
        missing.is_empty(),
        "routes missing from docs/permissions.md: {missing:?}"
    );
    assert!(
        stale.is_empty(),
        "documented routes that do not exist: {stale:?}"
    );
}

#[test]
fn every_route_that_takes_a_body_has_one_in_the_table() {
    let mut missing = Vec::new();
    for endpoint in refuge::routes::endpoints() {
        let (method, path) = (endpoint.method.as_str(), endpoint.path);
        if method != "GET" && request_for(method, path).is_none() {
            missing.push(format!("{method} {path}"));
        }
    }
    let known: BTreeSet<(String, String)> = refuge::routes::endpoints()
        .iter()
        .map(|e| (e.method.to_string(), e.path.to_string()))
        .collect();
    let stale: Vec<_> = REQUESTS
        .iter()
        .filter(|r| !known.contains(&(r.method.to_string(), r.path.to_string())))
        .map(|r| format!("{} {}", r.method, r.path))
        .collect();
    assert!(
        missing.is_empty(),
        "routes without a request in REQUESTS (tests/app/permissions.rs): {missing:?}"
    );
    assert!(stale.is_empty(), "REQUESTS for no route: {stale:?}");
}

// ---- The things a request names ----

/// Real ids and links, made for each request that may change or consume them.
struct Targets {
    /// A case with a lawyer of record (not the visitor) and a paralegal: the visitor in the
    /// assigned-paralegal column, another paralegal otherwise. Its I-589 is received (the
    /// EAD clock runs) and it has a past interview and a checklist item.
    case: String,
    reference: String,
    event: String,
    item: String,
    /// An active lawyer who is not the visitor.
    staff: String,
    /// An invitation link's token, unused.
    invitation: String,
    /// An outbox message waiting to be sent, and one given up on.
    mail_pending: String,
    mail_failed: String,
    /// An account, not the visitor's, to sign in with.
    login_email: String,
    /// Names another signed-in session of the visitor (of the lawyer, for anonymous).
    session: String,
    /// The current code of a second factor the visitor has begun to set up (not confirmed,
    /// so signing in stays one step); empty for anonymous.
    second_factor_code: String,
    /// A live emergency lock link's token, for the target lawyer.
    lock: String,
    /// An unreviewed inquiry from the public form (switched on), and a time stamp of that
    /// form shown a minute ago.
    inquiry: String,
    inquiry_stamp: String,
    /// An open questionnaire link of the case: its id and its token.
    questionnaire: String,
    questionnaire_token: String,
    /// A client's answers to the case, waiting for review.
    revision: String,
}

/// The office every request of one visitor's run is made in.
struct Office {
    app: TestApp,
    /// The lawyer of record of every target case; makes them through the API.
    lawyer: Staff,
    lawyer_token: String,
    /// Who target cases are assigned to.
    paralegal_id: String,
    /// The visitor's account (none for anonymous).
    visitor: Option<Staff>,
    setup_token: String,
    serial: std::cell::Cell<usize>,
}

impl Office {
    fn next(&self) -> usize {
        let n = self.serial.get() + 1;
        self.serial.set(n);
        n
    }

    async fn api(&self, method: Method, path: &str, body: Value) -> Value {
        let response = client()
            .request(method, self.app.url(path))
            .bearer_auth(&self.lawyer_token)
            .json(&body)
            .send()
            .await
            .expect("fixture request");
        assert!(
            response.status().is_success(),
            "fixture {path}: {}",
            response.status()
        );
        response.json().await.unwrap_or(Value::Null)
    }

    async fn targets(&self) -> Targets {
        let n = self.next();
        let intake = json!({
            "client": { "family_name": "Matrix", "given_name": format!("Case {n}"),
                        "date_of_birth": "1988-03-02", "nationalities": ["BY"] },
            "entry": { "last_arrival_on": "2026-01-10", "manner_of_entry": "cbp_one" },
            "claim": { "kind": "affirmative", "lawyer_id": self.lawyer.id.to_string(),
                       "paralegal_id": self.paralegal_id },
        });
        let created = self
            .api(Method::POST, "/api/v1/cases", json!({ "intake": intake }))
            .await;
        let case = created["id"].as_str().expect("case id").to_string();
        let reference = created["reference"].as_str().unwrap_or("").to_string();
        self.api(
            Method::PUT,
            &format!("/api/v1/cases/{case}/key-dates"),
            json!({ "i589_received_on": "2026-06-01" }),
        )
        .await;
        let event = self
            .api(
                Method::POST,
                &format!("/api/v1/cases/{case}/events"),
                json!({ "kind": "interview", "date": "2026-11-02", "time": "09:30" }),
            )
            .await["id"]
            .as_str()
            .expect("event id")
            .to_string();
        let item = self
            .api(
                Method::POST,
                &format!("/api/v1/cases/{case}/checklist"),
                json!({ "item": "Passport translation" }),
            )
            .await["id"]
            .as_str()
            .expect("item id")
            .to_string();
        let audit = || {
            AuditContext::new(
                None,
                Some("test".into()),
                self.app.clock.as_ref().now_for_tests(),
            )
        };
        // An account made without a password: no hashing, and an invitation to use.
        let invited = NewStaffMember::parse(
            &format!("invited-{n}@matrix.example.org"),
            "Invited Lawyer",
            "lawyer",
            "en",
            None,
        )
        .expect("valid staff member");
        let (_, link) = create_as(&self.app.state, audit(), invited)
            .await
            .expect("invited");
        let invitation = last_segment(&link.expect("invitation link"));
        let staff = NewStaffMember::parse(
            &format!("target-{n}@matrix.example.org"),
            "Target Lawyer",
            "lawyer",
            "en",
            None,
        )
        .expect("valid staff member");
        let (staff, _) = create_as(&self.app.state, audit(), staff)
            .await
            .expect("target");
        let mail_pending = self.enqueue(false).await;
        let mail_failed = self.enqueue(true).await;
        let second_factor_code = self.begin_second_factor().await;
        let session = self.other_session().await;
        let lock = {
            let base = self.app.state.settings.public_url();
            let now = self.app.clock.as_ref().now_for_tests();
            let staff_id = staff.id;
            let link = self
                .app
                .state
                .db
                .run(move |conn| {
                    Ok(refuge::services::lock::issue_link(
                        conn, &base, staff_id, now,
                    )?)
                })
                .await
                .expect("lock link");
            last_segment(&link)
        };
        let (questionnaire, questionnaire_token) = self.questionnaire(&case).await;
        let revision = self.revision(&case).await;
        Targets {
            case,
            reference,
            event,
            item,
            staff: staff.id.to_string(),
            invitation,
            mail_pending,
            mail_failed,
            login_email: self.lawyer.email.clone(),
            session,
            second_factor_code,
            lock,
            inquiry: self.inquiry().await,
            inquiry_stamp: self.app.state.form_key.stamp(
                "inquiry",
                self.app.clock.as_ref().now_for_tests() - chrono::Duration::minutes(1),
            ),
            questionnaire,
            questionnaire_token,
            revision,
        }
    }

    /// A questionnaire link the lawyer makes for `case`: its id and its token.
    async fn questionnaire(&self, case: &str) -> (String, String) {
        let case_id: uuid::Uuid = case.parse().expect("case id");
        let link = refuge::services::questionnaires::create(
            &self.app.state,
            &self.lawyer,
            case_id,
            refuge::i18n::Language::Uk,
            false,
            None,
        )
        .await
        .expect("questionnaire link");
        let id = self
            .app
            .state
            .db
            .run(move |conn| Ok(refuge::db::questionnaires::of_case(conn, case_id)?))
            .await
            .expect("links")
            .first()
            .map(|row| row.id.0.to_string())
            .expect("the link just made");
        (id, last_segment(&link))
    }

    /// A client's answers to `case` (a new phone number), waiting for review; returns its id.
    async fn revision(&self, case: &str) -> String {
        let case_id: uuid::Uuid = case.parse().expect("case id");
        let now = self.app.clock.as_ref().now_for_tests();
        let answers: refuge::domain::revision::Answers =
            [("client.phone".to_string(), "+380 44 000 0000".to_string())]
                .into_iter()
                .collect();
        self.app
            .state
            .db
            .run(move |conn| {
                write_transaction(conn, |conn| {
                    refuge::services::revisions::record_pending(
                        conn,
                        case_id,
                        &answers,
                        refuge::i18n::Language::Uk,
                        now,
                    )
                })
            })
            .await
            .expect("revision recorded")
            .to_string()
    }

    /// Switches the public form on and files an inquiry through it; returns its id.
    async fn inquiry(&self) -> String {
        let n = self.next();
        self.app
            .state
            .db
            .run(|conn| {
                Ok(refuge::db::office_settings::set_flag(
                    conn,
                    refuge::db::office_settings::INQUIRY_FORM,
                    true,
                )?)
            })
            .await
            .expect("form switched on");
        let form = refuge::domain::inquiry::InquiryForm {
            family_name: "Matrix".into(),
            given_name: format!("Inquiry {n}"),
            email: format!("inquiry-{n}@example.org"),
            email_safe: Some("on".into()),
            nationality: "BY".into(),
            whereabouts: "mexico".into(),
            detained: "no".into(),
            has_hearing: "no".into(),
            preferred_language: "ru".into(),
            consent: Some("on".into()),
            ..Default::default()
        };
        let today = refuge::services::cases::today(&self.app.state);
        let inquiry = form.parse(today).expect("a valid inquiry");
        refuge::services::inquiries::submit(
            &self.app.state,
            inquiry,
            refuge::i18n::Language::Ru,
            None,
        )
        .await
        .expect("inquiry filed");
        crate::inquiry::unreviewed(&self.app)
            .await
            .into_iter()
            .find(|row| row.given_name == format!("Inquiry {n}"))
            .map(|row| row.id.0.to_string())
            .expect("the inquiry just filed")
    }

    /// Starts the visitor's second factor afresh (one confirmed by an earlier row is reset,
    /// which ends their sessions) and returns its current code.
    async fn begin_second_factor(&self) -> String {
        let Some(visitor) = &self.visitor else {
            return String::new();
        };
        let now = self.app.clock.as_ref().now_for_tests();
        refuge::services::second_factor::reset_as(
            &self.app.state,
            AuditContext::new(None, Some("test".into()), now),
            visitor.id,
        )
        .await
        .expect("reset");
        let enrolment = refuge::services::second_factor::begin_enrolment(&self.app.state, visitor)
            .await
            .expect("enrolment");
        enrolment.secret.code_at(now.timestamp())
    }

    /// Signs the visitor (or the lawyer) in once more, in another browser, and names that
    /// session as the account page does.
    async fn other_session(&self) -> String {
        let owner = self.visitor.as_ref().unwrap_or(&self.lawyer);
        self.app.login(&owner.email, PASSWORD).await;
        let sessions = refuge::services::sessions::list_own(&self.app.state, owner, None)
            .await
            .expect("sessions");
        sessions.first().expect("a session").reference.clone()
    }

    /// A message to the lawyer in the outbox, waiting or given up on.
    async fn enqueue(&self, failed: bool) -> String {
        let notifier = Notifier::of(&self.app.state);
        let to = self.lawyer.clone();
        self.app
            .state
            .db
            .run(move |conn| {
                write_transaction(conn, |conn| {
                    let id = notifier.enqueue(
                        conn,
                        &to,
                        "stage_changed",
                        None,
                        &RenderedMessage {
                            subject: "Refuge: matrix".into(),
                            text_body: "Plain text".into(),
                            html_body: "<p>HTML</p>".into(),
                        },
                    )?;
                    if failed {
                        use refuge::db::schema::outbox;
                        diesel::update(outbox::table.filter(outbox::id.eq(DbUuid(id))))
                            .set(outbox::status.eq("failed"))
                            .execute(conn)?;
                    }
                    Ok(id.to_string())
                })
            })
            .await
            .expect("enqueued")
    }
}

fn last_segment(link: &str) -> String {
    link.rsplit('/').next().unwrap_or_default().to_string()
}

/// The path with every placeholder replaced by a real id; `Err` names a placeholder no
/// fixture fills.
fn fill(path: &str, t: &Targets, office: &Office) -> Result<String, String> {
    let id = if path.starts_with("/cases/") || path.starts_with("/api/v1/cases/") {
        t.case.as_str()
    } else if path.starts_with("/admin/staff/") || path.starts_with("/api/v1/staff/") {
        t.staff.as_str()
    } else if path.starts_with("/account/sessions/") {
        t.session.as_str()
    } else if path.ends_with("/retry") && path.starts_with("/admin/mail/") {
        t.mail_failed.as_str()
    } else if path.starts_with("/admin/mail/") {
        t.mail_pending.as_str()
    } else if path.starts_with("/triage/") || path.starts_with("/api/v1/triage/") {
        t.inquiry.as_str()
    } else if path.starts_with("/search/results/") {
        // A search held for another session (or forgotten) shows the empty box: any id
        // asks the same question of authorization.
        "7d8a2f5e-3c1b-4e6f-9a0d-5b4c3e2f1a09"
    } else {
        ""
    };
    let token = if path.starts_with("/setup/") {
        office.setup_token.as_str()
    } else if path.starts_with("/invitation/") {
        t.invitation.as_str()
    } else if path.starts_with("/lock/") {
        t.lock.as_str()
    } else if path.starts_with("/questionnaire/") {
        t.questionnaire_token.as_str()
    } else {
        ""
    };
    let mut filled = path.to_string();
    for (placeholder, value) in [
        ("{id}", id),
        ("{event_id}", t.event.as_str()),
        ("{item_id}", t.item.as_str()),
        ("{questionnaire_id}", t.questionnaire.as_str()),
        ("{revision_id}", t.revision.as_str()),
        ("{token}", token),
    ] {
        if filled.contains(placeholder) {
            if value.is_empty() {
                return Err(format!("no fixture for {placeholder} in {path}"));
            }
            filled = filled.replace(placeholder, value);
        }
    }
    match filled.find('{') {
        Some(_) => Err(format!(
            "no fixture for a placeholder of {path}: add it to Targets and fill()"
        )),
        None => Ok(filled),
    }
}

// ---- A valid request for every route ----

enum Body {
    None,
    Form(Vec<(&'static str, String)>),
    Json(Value),
}

struct Call {
    /// Appended to the path after `?`.
    query: &'static str,
    body: Body,
}

fn form(fields: &[(&'static str, &str)]) -> Call {
    Call {
        query: "",
        body: Body::Form(fields.iter().map(|(k, v)| (*k, v.to_string())).collect()),
    }
}

fn api(body: Value) -> Call {
    Call {
        query: "",
        body: Body::Json(body),
    }
}

fn query(query: &'static str) -> Call {
    Call {
        query,
        body: Body::None,
    }
}

fn empty() -> Call {
    Call {
        query: "",
        body: Body::None,
    }
}

/// How to call one route.
struct Request {
    method: &'static str,
    path: &'static str,
    /// The request names only the visitor's own account and changes it so that it cannot
    /// sign in again as before: it gets an account of its own, made for it.
    own_account: bool,
    /// Sent with an API token instead of a browser session.
    bearer: bool,
    call: fn(&Targets) -> Call,
}

const fn req(method: &'static str, path: &'static str, call: fn(&Targets) -> Call) -> Request {
    Request {
        method,
        path,
        own_account: false,
        bearer: false,
        call,
    }
}

fn request_for(method: &str, path: &str) -> Option<&'static Request> {
    REQUESTS
        .iter()
        .find(|r| r.method == method && r.path == path)
}

const NEW_PASSWORD: &str = "a quite different passphrase";

/// One valid request per route: every route except a GET without a query must be here.
/// Form bodies get the CSRF token added; JSON bodies go with it in `X-CSRF-Token`.
static REQUESTS: &[Request] = &[
    req("POST", "/login", |t| {
        form(&[("email", &t.login_email), ("password", PASSWORD)])
    }),
    req("POST", "/login/second-factor", |_| {
        form(&[("code", "000000")])
    }),
    req("POST", "/logout", |_| form(&[])),
    req("POST", "/session/keep-alive", |_| form(&[])),
    req("POST", "/setup/{token}", |_| {
        form(&[
            ("email", "first-admin@matrix.example.org"),
            ("display_name", "First Admin"),
            ("language", "en"),
            ("password", PASSWORD),
            ("password_confirm", PASSWORD),
        ])
    }),
    req("POST", "/invitation/{token}", |_| {
        form(&[("password", PASSWORD), ("password_confirm", PASSWORD)])
    }),
    req("POST", "/account/language", |_| form(&[("language", "en")])),
    Request {
        method: "POST",
        path: "/account/password",
        own_account: true,
        bearer: false,
        call: |_| {
            form(&[
                ("current_password", PASSWORD),
                ("password", NEW_PASSWORD),
                ("password_confirm", NEW_PASSWORD),
            ])
        },
    },
    req("POST", "/account/notifications", |_| {
        form(&[
            ("case_assigned", "off"),
            ("stage_changed", "digest"),
            ("one_year_reminder", "digest"),
        ])
    }),
    req("POST", "/account/sessions/{id}/end", |_| form(&[])),
    req("POST", "/account/sessions/end-others", |_| form(&[])),
    req("POST", "/account/second-factor", |t| {
        form(&[("code", &t.second_factor_code)])
    }),
    req("POST", "/account/second-factor/recovery-codes", |_| {
        form(&[])
    }),
    req("POST", "/account/lock-link", |_| form(&[])),
    req("POST", "/lock", |t| form(&[("email", &t.login_email)])),
    req("POST", "/lock/{token}", |_| form(&[])),
    req("POST", "/inquiry", |t| {
        form(&[
            ("lang", "uk"),
            ("stamp", &t.inquiry_stamp),
            ("family_name", "Matrix"),
            ("given_name", "Public"),
            ("messenger", "Signal +380 44 000 0000"),
            ("nationality", "UA"),
            ("whereabouts", "mexico"),
            ("detained", "no"),
            ("has_hearing", "no"),
            ("preferred_language", "uk"),
            ("consent", "on"),
        ])
    }),
    req("POST", "/questionnaire/{token}", |_| {
        form(&[
            ("step", "about"),
            ("lang", "uk"),
            ("action", "next"),
            ("client.family_name", "Matrix"),
            ("client.given_name", "Client"),
        ])
    }),
    req("POST", "/cases/{id}/questionnaires", |_| {
        form(&[("language", "ru")])
    }),
    req(
        "POST",
        "/cases/{id}/questionnaires/{questionnaire_id}/revoke",
        |_| form(&[]),
    ),
    req("POST", "/triage/{id}/take", |t| {
        form(&[("lawyer_id", &t.staff)])
    }),
    req("POST", "/triage/{id}/merge", |t| {
        form(&[("into_reference", &t.reference)])
    }),
    req("POST", "/triage/{id}/decline", |_| {
        form(&[("reason", "Outside the office's practice")])
    }),
    req("POST", "/api/v1/triage/{id}/take", |t| {
        api(json!({ "lawyer_id": t.staff }))
    }),
    req("POST", "/api/v1/triage/{id}/merge", |t| {
        api(json!({ "into_reference": t.reference }))
    }),
    req("POST", "/api/v1/triage/{id}/decline", |_| {
        api(json!({ "reason": "Outside the office's practice", "reply": true }))
    }),
    req("POST", "/admin/staff", |_| {
        form(&[
            ("email", "new-lawyer@matrix.example.org"),
            ("display_name", "New Lawyer"),
            ("role", "lawyer"),
            ("language", "en"),
        ])
    }),
    req("POST", "/admin/staff/{id}/role", |_| {
        form(&[("role", "paralegal")])
    }),
    req("POST", "/admin/staff/{id}/deactivate", |_| form(&[])),
    req("POST", "/admin/staff/{id}/reactivate", |_| form(&[])),
    req("POST", "/admin/staff/{id}/password-reset", |_| form(&[])),
    req("POST", "/admin/staff/{id}/second-factor-reset", |_| {
        form(&[])
    }),
    req("POST", "/admin/staff/{id}/end-sessions", |_| form(&[])),
    req("POST", "/admin/staff/{id}/unlock", |_| form(&[])),
    req("GET", "/api/v1/audit", |_| query("limit=10")),
    req("POST", "/api/v1/tokens", |t| {
        api(json!({ "email": t.login_email, "password": PASSWORD }))
    }),
    Request {
        method: "DELETE",
        path: "/api/v1/tokens/current",
        own_account: false,
        bearer: true,
        call: |_| empty(),
    },
    req("POST", "/api/v1/staff", |_| {
        api(json!({ "email": "api-lawyer@matrix.example.org",
                    "display_name": "API Lawyer", "role": "lawyer" }))
    }),
    req("PATCH", "/api/v1/staff/{id}", |_| {
        api(json!({ "display_name": "Renamed Lawyer" }))
    }),
    req("POST", "/intake", |_| {
        form(&[
            ("client.family_name", "Matrix"),
            ("client.given_name", "Intake"),
            ("claim.kind", "affirmative"),
            ("action", "save_draft"),
        ])
    }),
    req("POST", "/cases/{id}/intake", |_| {
        form(&[
            ("client.family_name", "Matrix"),
            ("client.given_name", "Edited"),
            ("claim.kind", "affirmative"),
            ("action", "save_draft"),
        ])
    }),
    req("POST", "/cases/{id}/stage", |_| {
        form(&[("to", "conflict_check")])
    }),
    req("POST", "/cases/{id}/dates", |_| {
        form(&[
            ("i589_filed_on", "2026-05-28"),
            ("i589_received_on", "2026-06-01"),
        ])
    }),
    req("POST", "/cases/{id}/events", |_| {
        form(&[("kind", "biometrics"), ("date", "2026-12-01")])
    }),
    req(
        "POST",
        "/cases/{id}/events/{event_id}/delete",
        |_| form(&[]),
    ),
    req("POST", "/cases/{id}/events/{event_id}/outcome", |_| {
        form(&[("outcome", "Interviewed")])
    }),
    req("POST", "/cases/{id}/ead-stops", |_| {
        form(&[("action", "stop"), ("on", "2026-07-01")])
    }),
    req("POST", "/cases/{id}/checklist", |_| {
        form(&[("item", "Birth certificate"), ("status", "requested")])
    }),
    req("POST", "/cases/{id}/checklist/{item_id}", |_| {
        form(&[("status", "translated")])
    }),
    req("POST", "/cases/{id}/notes", |_| {
        form(&[("body", "Client called")])
    }),
    req("POST", "/cases/{id}/revisions/{revision_id}", |_| {
        form(&[("action", "accept_rest")])
    }),
    req("POST", "/cases/{id}/purge", |t| {
        form(&[("confirm", &t.reference)])
    }),
    req("POST", "/admin/settings", |_| form(&[])),
    // The case is open, so not due: an admin's confirmation deletes nothing and answers 303.
    req("POST", "/admin/retention", |t| form(&[("case", &t.case)])),
    req("POST", "/search", |_| form(&[("q", "Matrix")])),
    req("POST", "/cases/{id}/conflict-check", |_| {
        form(&[("outcome", "clear")])
    }),
    req("POST", "/admin/mail/{id}/retry", |_| form(&[])),
    req("POST", "/admin/mail/{id}/send", |_| form(&[])),
    req("POST", "/api/v1/clients/search", |_| {
        api(json!({ "q": "Matrix" }))
    }),
    req("POST", "/api/v1/cases", |_| {
        api(
            json!({ "intake": { "client": { "family_name": "Matrix", "given_name": "Api" },
                                "claim": { "kind": "affirmative" } } }),
        )
    }),
    req("PUT", "/api/v1/cases/{id}/intake", |_| {
        api(
            json!({ "intake": { "client": { "family_name": "Matrix", "given_name": "Put" },
                                "claim": { "kind": "affirmative" } } }),
        )
    }),
    req("POST", "/api/v1/cases/{id}/transitions", |_| {
        api(json!({ "to": "conflict_check" }))
    }),
    req("PUT", "/api/v1/cases/{id}/key-dates", |_| {
        api(json!({ "i589_filed_on": "2026-05-28", "i589_received_on": "2026-06-01" }))
    }),
    req("POST", "/api/v1/cases/{id}/events", |_| {
        api(json!({ "kind": "biometrics", "date": "2026-12-01" }))
    }),
    req(
        "PUT",
        "/api/v1/cases/{id}/events/{event_id}/outcome",
        |_| api(json!({ "outcome": "Interviewed" })),
    ),
    req("POST", "/api/v1/cases/{id}/checklist", |_| {
        api(json!({ "item": "Birth certificate" }))
    }),
    req("PATCH", "/api/v1/cases/{id}/checklist/{item_id}", |_| {
        api(json!({ "status": "translated" }))
    }),
    req("POST", "/api/v1/cases/{id}/notes", |_| {
        api(json!({ "body": "Client called" }))
    }),
    req("PUT", "/api/v1/cases/{id}/conflict-check", |_| {
        api(json!({ "outcome": "clear" }))
    }),
    req(
        "POST",
        "/api/v1/cases/{id}/revisions/{revision_id}/decisions",
        |_| api(json!({ "remaining": "accept" })),
    ),
    req("POST", "/api/v1/cases/{id}/ead-clock", |_| {
        api(json!({ "action": "stop", "on": "2026-07-01", "reason": "Asked to reschedule" }))
    }),
    req("PUT", "/api/v1/me/notifications", |_| {
        api(json!({ "case_assigned": "off", "stage_changed": "digest",
                    "one_year_reminder": "digest" }))
    }),
];

// ---- Asking ----

/// What a response says about authorization; anything else is its status, which matches
/// no cell of the table.
fn outcome(response: &reqwest::Response) -> String {
    let location = response
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let status = response.status();
    match status.as_u16() {
        401 => "401".into(),
        403 => "403".into(),
        404 => "404".into(),
        302 | 303 if location == "/login" || location.starts_with("/login?next=") => "login".into(),
        _ if status.is_success() || status.is_redirection() => "allowed".into(),
        other => format!("status {other}"),
    }
}

/// A fresh client: signed in as `email`, or only having visited the login page.
async fn visitor(app: &TestApp, email: Option<&str>) -> (reqwest::Client, String) {
    let client = client();
    if let Some(email) = email {
        let response = app.submit_login(&client, email, PASSWORD).await;
        assert_eq!(response.status(), 303, "login as {email}");
    }
    let page = if email.is_some() {
        "/account"
    } else {
        "/login"
    };
    let csrf = app.csrf(&client, page).await;
    (client, csrf)
}

/// Sends the row's request as the visitor; `Err` is a failure to report.
async fn ask(
    office: &Office,
    row: &Row,
    email: Option<&str>,
    targets: &Targets,
) -> Result<(String, u16, String), String> {
    let request = request_for(&row.method, &row.path);
    let call = match request {
        Some(request) => (request.call)(targets),
        None if row.method == "GET" => empty(),
        None => return Err(format!("{} {}: no entry in REQUESTS", row.method, row.path)),
    };
    let mut path = fill(&row.path, targets, office)?;
    if !call.query.is_empty() {
        path = format!("{path}?{}", call.query);
    }
    let method = Method::from_bytes(row.method.as_bytes()).expect("method");
    let bearer = request.is_some_and(|r| r.bearer);
    let builder = if bearer {
        // An API client: a token instead of a session, and so no CSRF token either.
        let builder = client().request(method, office.app.url(&path));
        match email {
            Some(email) => builder.bearer_auth(office.app.api_token(email, PASSWORD).await),
            None => builder,
        }
    } else {
        let (client, csrf) = visitor(&office.app, email).await;
        let builder = client.request(method, office.app.url(&path));
        match row.method.as_str() {
            "GET" => builder,
            _ => builder.header("X-CSRF-Token", csrf),
        }
    };
    let builder = match call.body {
        Body::None => builder,
        Body::Json(body) => builder.json(&body),
        Body::Form(fields) => builder.form(&fields),
    };
    let response = builder.send().await.expect("request");
    let got = outcome(&response);
    let status = response.status().as_u16();
    let text = response.text().await.unwrap_or_default();
    Ok((got, status, text))
}

async fn check(who: Visitor) {
    let app = spawn_app().await;
    let setup_token = last_segment(app.setup_link.as_deref().expect("a fresh office"));
    let rows = documented();
    let mut failures = Vec::new();
    let mut report = |row: &Row, result: Result<(String, u16, String), String>| match result {
        Ok((got, _, _)) if got == row.expected[who.column()] => {}
        Ok((got, status, text)) => failures.push(format!(
            "{} {} as {who:?}: expected {}, got {got} (status {status}) {}",
            row.method,
            row.path,
            row.expected[who.column()],
            text.chars().take(300).collect::<String>()
        )),
        Err(message) => failures.push(message),
    };
    let is_setup = |row: &Row| row.path.starts_with("/setup/");

    // The setup link works only while the office has no account: anyone signed in finds it
    // spent, and the anonymous visitor is asked about it in an office of its own (below).
    let lawyer_email = "lawyer-of-record@matrix.example.org";
    let mut office = Office {
        lawyer: app.create_staff(Role::Lawyer, lawyer_email).await,
        app,
        lawyer_token: String::new(),
        paralegal_id: String::new(),
        visitor: None,
        setup_token,
        serial: std::cell::Cell::new(0),
    };
    office.lawyer_token = office.app.api_token(lawyer_email, PASSWORD).await;
    let other = office
        .app
        .create_staff(Role::Paralegal, "other-paralegal@matrix.example.org")
        .await;
    let email = who.role().map(|role| format!("{role}@matrix.example.org"));
    let me = match (who.role(), &email) {
        (Some(role), Some(email)) => Some(office.app.create_staff(role, email).await),
        _ => None,
    };
    office.paralegal_id = match (&me, who) {
        (Some(me), Visitor::AssignedParalegal) => me.id.to_string(),
        _ => other.id.to_string(),
    };
    office.visitor = me;

    let shared = office.targets().await;
    for row in &rows {
        if who == Visitor::Anonymous && is_setup(row) {
            continue;
        }
        let own_account = request_for(&row.method, &row.path).is_some_and(|r| r.own_account);
        let fresh_email = match (who.role(), own_account) {
            (Some(role), true) => {
                let email = format!("{role}-{}@matrix.example.org", office.next());
                office.app.create_staff(role, &email).await;
                Some(email)
            }
            _ => email.clone(),
        };
        let result = if row.method == "GET" {
            ask(&office, row, fresh_email.as_deref(), &shared).await
        } else {
            let targets = office.targets().await;
            ask(&office, row, fresh_email.as_deref(), &targets).await
        };
        report(row, result);
    }

    if who == Visitor::Anonymous {
        // An office with no account yet, where the setup link is alive.
        let fresh = spawn_app().await;
        let setup = Office {
            setup_token: last_segment(fresh.setup_link.as_deref().expect("a fresh office")),
            lawyer: office.lawyer.clone(),
            app: fresh,
            lawyer_token: String::new(),
            paralegal_id: String::new(),
            visitor: None,
            serial: std::cell::Cell::new(0),
        };
        let none = Targets {
            case: String::new(),
            reference: String::new(),
            event: String::new(),
            item: String::new(),
            staff: String::new(),
            invitation: String::new(),
            mail_pending: String::new(),
            mail_failed: String::new(),
            login_email: String::new(),
            session: String::new(),
            second_factor_code: String::new(),
            lock: String::new(),
            inquiry: String::new(),
            inquiry_stamp: String::new(),
            questionnaire: String::new(),
            questionnaire_token: String::new(),
            revision: String::new(),
        };
        // GET before POST: the form, then the first admin made with it.
        for row in rows.iter().filter(|r| is_setup(r)) {
            report(row, ask(&setup, row, None, &none).await);
        }
    }
    assert!(
        failures.is_empty(),
        "permission matrix violations:\n{}",
        failures.join("\n")
    );
}

#[actix_web::test]
async fn matrix_anonymous() {
    check(Visitor::Anonymous).await;
}

#[actix_web::test]
async fn matrix_paralegal() {
    check(Visitor::Paralegal).await;
}

#[actix_web::test]
async fn matrix_assigned_paralegal() {
    check(Visitor::AssignedParalegal).await;
}

#[actix_web::test]
async fn matrix_lawyer() {
    check(Visitor::Lawyer).await;
}

#[actix_web::test]
async fn matrix_admin() {
    check(Visitor::Admin).await;
}
