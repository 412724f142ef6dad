//! Email notifications through the front door: who is told of assignments and stage
//! changes, what a message may carry, the daily reminder scan across thresholds, weekends,
//! holidays and the office time zone (with a daylight-saving change), digests and
//! preferences, the weekly court re-check list, and transaction safety.

use chrono::{Duration, NaiveDate, TimeZone, Utc};
use refuge::db::outbox::MessageRow;
use refuge::db::write_transaction;
use refuge::domain::case_stage::CaseStage;
use refuge::domain::case_work::{KeyDates, NewCaseEvent};
use refuge::domain::codes::HearingKind;
use refuge::domain::notifications::{NotificationDetails, NotificationKind};
use refuge::domain::staff::{Role, Staff};
use refuge::error::{AppError, Message};
use refuge::i18n::Language;
use refuge::services::intake::SavedCase;
use refuge::services::notifications::Notifier;
use refuge::services::{accounts, cases, reminders};

use crate::helpers::{Session, TestApp, field_error, spawn_app, spawn_app_with};
use crate::search::save;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("date")
}

/// Sets the pinned clock to 14:00 UTC on `day`.
fn set_day(app: &TestApp, day: NaiveDate) {
    app.clock
        .set(Utc.from_utc_datetime(&day.and_hms_opt(14, 0, 0).expect("time")));
}

fn to(app_messages: &[MessageRow], staff: &Staff) -> Vec<MessageRow> {
    app_messages
        .iter()
        .filter(|m| m.to_address == staff.email)
        .cloned()
        .collect()
}

/// A client with every field that must never reach an email.
const CLIENT: &[(&str, &str)] = &[
    ("client.given_name", "Yevgeniy"),
    ("client.family_name", "Shcherbakov"),
    ("client.native_name", "Евгений Щербаков"),
    ("client.nationalities", "RU"),
    ("client.a_number", "A-208-123-456"),
    ("entry.last_arrival_on", "2025-12-10"),
    ("entry.port_of_entry", "San Ysidro"),
];

fn assert_no_personal_data(message: &MessageRow) {
    for part in [&message.subject, &message.text_body, &message.html_body] {
        for secret in [
            "Yevgeniy",
            "Shcherbakov",
            "Евгений",
            "Щербаков",
            "208123456",
            "208-123-456",
            "Russia",
            "San Ysidro",
        ] {
            assert!(!part.contains(secret), "{secret:?} in a message: {part}");
        }
    }
}

#[actix_web::test]
async fn assignments_and_stage_changes_reach_the_right_people_without_names() {
    let app = spawn_app().await;
    let admin = app.login_as(Role::Admin).await;
    let lawyer = app.login_as(Role::Lawyer).await;
    let paralegal = app.login_as(Role::Paralegal).await;
    // The paralegal reads Russian.
    accounts::set_language(&app.state, &paralegal.staff, Language::Ru, None)
        .await
        .expect("language");

    // The lawyer opens a case for herself and the paralegal: only the paralegal is told.
    let case = save(&app, &lawyer.staff, Some(&paralegal.staff), CLIENT).await;
    let messages = app.outbox().await;
    assert_eq!(messages.len(), 1, "{messages:?}");
    let assigned = &messages[0];
    assert_eq!(assigned.to_address, paralegal.staff.email);
    assert_eq!(assigned.kind, "case_assigned");
    assert_eq!(
        assigned.subject,
        format!("Refuge: вам назначено дело {}", case.reference)
    );
    assert!(
        assigned.text_body.contains("параюрист"),
        "{}",
        assigned.text_body
    );
    let link = format!("{}/cases/{}", app.address, case.id);
    assert!(assigned.text_body.contains(&link), "{}", assigned.text_body);
    assert!(assigned.html_body.contains(&format!("href=\"{link}\"")));
    assert_no_personal_data(assigned);

    // Someone else moves the case: the lawyer of record is told, the mover is not.
    cases::transition(
        &app.state,
        &admin.staff,
        case.id,
        CaseStage::ConflictCheck,
        "call the family".into(),
        None,
        None,
    )
    .await
    .expect("transition");
    let messages = app.outbox().await;
    let to_lawyer = to(&messages, &lawyer.staff);
    assert_eq!(to_lawyer.len(), 1);
    assert_eq!(to_lawyer[0].kind, "stage_changed");
    assert_eq!(
        to_lawyer[0].subject,
        format!("Refuge: case {} changed stage", case.reference)
    );
    assert!(
        to_lawyer[0]
            .text_body
            .contains("moved from “Inquiry” to “Conflict check”"),
        "{}",
        to_lawyer[0].text_body
    );
    // The stage note is free text: it stays out of email.
    assert!(!to_lawyer[0].text_body.contains("call the family"));
    assert_no_personal_data(&to_lawyer[0]);
    assert!(to(&messages, &admin.staff).is_empty());

    // The lawyer moving her own case gets nothing; the paralegal is not the lawyer of record.
    cases::transition(
        &app.state,
        &lawyer.staff,
        case.id,
        CaseStage::Declined,
        String::new(),
        None,
        None,
    )
    .await
    .expect("declined");
    assert_eq!(app.outbox().await.len(), 2);

    // Reassigning the paralegal tells the new one only.
    let other = app.login_as(Role::Paralegal).await;
    let mut fields = CLIENT.to_vec();
    let lawyer_id = lawyer.staff.id.to_string();
    let other_id = other.staff.id.to_string();
    fields.push(("claim.lawyer_id", &lawyer_id));
    fields.push(("claim.paralegal_id", &other_id));
    let intake = refuge::routes::cases::intake::form::IntakeForm::from_pairs(
        fields.iter().map(|(k, v)| (k.to_string(), v.to_string())),
    )
    .parse()
    .expect("intake");
    refuge::services::intake::save(
        &app.state,
        &lawyer.staff,
        Some(case.id),
        intake,
        false,
        None,
    )
    .await
    .expect("saved");
    let messages = app.outbox().await;
    assert_eq!(messages.len(), 3);
    assert_eq!(to(&messages, &other.staff).len(), 1);

    // With the office setting on, messages carry the client's initials, and no more.
    let response = app
        .post_form(
            &admin.client,
            "/admin/settings",
            &[("email_client_initials", "on")],
        )
        .await;
    assert_eq!(response.status(), 303);
    cases::transition(
        &app.state,
        &admin.staff,
        case.id,
        CaseStage::Inquiry,
        String::new(),
        None,
        None,
    )
    .await
    .expect("reopened");
    let messages = app.outbox().await;
    assert_eq!(messages.len(), 4);
    // (The pinned clock gives every message the same time: find it by what it says.)
    let latest = to(&messages, &lawyer.staff)
        .into_iter()
        .find(|m| m.text_body.contains("to “Inquiry”"))
        .expect("the reopening's message");
    let latest = &latest;
    assert!(
        latest.text_body.contains("Client: Y. S."),
        "{}",
        latest.text_body
    );
    assert!(latest.html_body.contains("Client: Y. S."));
    assert!(
        !latest.subject.contains("Y. S."),
        "subjects carry no personal data"
    );
    assert_no_personal_data(latest);

    // The file transport writes each message with its stable Message-ID.
    let report = app.deliver_mail().await;
    assert_eq!(report.sent, 4);
    let files = app.mail_files();
    assert_eq!(files.len(), 4);
    // Written by lettre under the test's umask (022), then made owner-only by Refuge.
    assert_eq!(app.mail_file_modes(), vec![0o600; 4]);
    for message in app.outbox().await {
        assert_eq!(message.status, "sent");
        let id = format!("Message-ID: <{}@localhost>", message.id.0.simple());
        assert!(files.iter().any(|f| f.contains(&id)), "{id} in {files:?}");
    }
    assert_eq!(app.deliver_mail().await.sent, 0, "nothing is sent twice");
}

#[actix_web::test]
async fn an_event_that_rolls_back_leaves_no_message_behind() {
    let app = spawn_app().await;
    let lawyer = app.login_as(Role::Lawyer).await;
    let notifier = Notifier::of(&app.state);
    let recipient = lawyer.staff.id;
    let details = NotificationDetails {
        reference: Some("R-2026-00001".into()),
        ..NotificationDetails::default()
    };
    for fail in [true, false] {
        let notifier = notifier.clone();
        let details = details.clone();
        let result = app
            .state
            .db
            .run(move |conn| {
                write_transaction(conn, |conn| {
                    notifier.notify(
                        conn,
                        recipient,
                        NotificationKind::CaseAssigned,
                        &details,
                        None,
                    )?;
                    if fail {
                        return Err(AppError::Conflict(Message::new("case-kind-required")));
                    }
                    Ok(())
                })
            })
            .await;
        assert_eq!(result.is_err(), fail);
        assert_eq!(app.outbox().await.len(), usize::from(!fail));
    }

    // Through the front door: a refused stage change writes nothing either.
    let case = save(&app, &lawyer.staff, None, CLIENT).await;
    let admin = app.login_as(Role::Admin).await;
    let refused = cases::transition(
        &app.state,
        &admin.staff,
        case.id,
        CaseStage::Granted,
        String::new(),
        None,
        None,
    )
    .await;
    assert!(refused.is_err());
    assert_eq!(app.outbox().await.len(), 1);
}

/// The lawyer and paralegal of a case whose one-year deadline is Thursday 2026-12-10.
async fn one_year_case(app: &TestApp) -> (Session, Session, SavedCase) {
    let lawyer = app.login_as(Role::Lawyer).await;
    let paralegal = app.login_as(Role::Paralegal).await;
    let case = save(app, &lawyer.staff, Some(&paralegal.staff), CLIENT).await;
    (lawyer, paralegal, case)
}

async fn reminders_by_days(app: &TestApp) -> Vec<(String, i64)> {
    app.outbox()
        .await
        .into_iter()
        .filter(|m| m.kind == "one_year_reminder")
        .map(|m| {
            let days = m
                .subject
                .split("deadline in ")
                .nth(1)
                .and_then(|rest| rest.split(' ').next())
                .and_then(|n| n.parse().ok())
                .unwrap_or(if m.subject.ends_with("today") { 0 } else { -1 });
            (m.to_address, days)
        })
        .collect()
}

#[actix_web::test]
async fn one_year_reminders_go_once_per_threshold_on_business_days() {
    let app = spawn_app().await;
    let (lawyer, paralegal, case) = one_year_case(&app).await;

    // Monday 2026-11-23, 17 days before: the 30-day threshold's day has passed, so nothing
    // ("deadline in 17 days" is no threshold); the next reminder waits for its own day.
    assert_eq!(app.run_daily_scan().await.reminders, 0);
    set_day(&app, date(2026, 11, 24));
    assert_eq!(app.run_daily_scan().await.reminders, 0);
    // 14 days before is Thanksgiving (Thursday 11-26): the reminder goes Wednesday.
    set_day(&app, date(2026, 11, 25));
    assert_eq!(app.run_daily_scan().await.reminders, 2);
    let mut sent = reminders_by_days(&app).await;
    sent.sort();
    let mut expected = vec![
        (lawyer.staff.email.clone(), 15),
        (paralegal.staff.email.clone(), 15),
    ];
    expected.sort();
    assert_eq!(sent, expected);
    for message in app.outbox().await {
        assert_no_personal_data(&message);
        if message.kind != "one_year_reminder" {
            continue;
        }
        assert!(
            message
                .text_body
                .contains("One-year filing deadline (I-589) on 2026-12-10, in 15 days."),
            "{}",
            message.text_body
        );
    }
    // The same day again, and Thanksgiving: nothing new.
    assert_eq!(app.run_daily_scan().await.reminders, 0);
    set_day(&app, date(2026, 11, 26));
    assert_eq!(app.run_daily_scan().await.reminders, 0);
    // 7 days before: Thursday 12-03; 1 day before: Wednesday 12-09; the day itself: nothing.
    set_day(&app, date(2026, 12, 3));
    assert_eq!(app.run_daily_scan().await.reminders, 2);
    set_day(&app, date(2026, 12, 9));
    assert_eq!(app.run_daily_scan().await.reminders, 2);
    set_day(&app, date(2026, 12, 10));
    assert_eq!(app.run_daily_scan().await.reminders, 0);
    let mut days: Vec<i64> = reminders_by_days(&app)
        .await
        .into_iter()
        .filter(|(to, _)| *to == lawyer.staff.email)
        .map(|(_, d)| d)
        .collect();
    days.sort();
    assert_eq!(days, [1, 7, 15]);

    // Once the I-589 is filed, the one-year reminders stop.
    let (lawyer2, _, filed) = one_year_case(&app).await;
    cases::set_key_dates(
        &app.state,
        &lawyer2.staff,
        filed.id,
        KeyDates {
            i589_filed_on: Some(date(2026, 12, 1)),
            ..KeyDates::default()
        },
        None,
    )
    .await
    .expect("filed");
    set_day(&app, date(2026, 12, 9));
    // (The first case's 1-day reminder is already out.)
    assert_eq!(app.run_daily_scan().await.reminders, 0);
    let _ = case;
}

#[actix_web::test]
async fn the_daily_scan_runs_at_the_offices_local_time_across_daylight_saving() {
    let app = spawn_app_with(|settings| {
        settings.office.time_zone = chrono_tz::America::New_York;
        settings.office.daily_scan_at = "07:00".into();
    })
    .await;
    let at = |y, m, d, h, min| {
        Utc.with_ymd_and_hms(y, m, d, h, min, 0)
            .single()
            .expect("time")
    };
    // Friday 2026-10-30, daylight time (UTC-4): 10:59 UTC is 06:59, 11:00 UTC is 07:00.
    app.clock.set(at(2026, 10, 30, 10, 59));
    assert_eq!(reminders::run_if_due(&app.state).await.expect("scan"), None);
    app.clock.set(at(2026, 10, 30, 11, 0));
    assert!(
        reminders::run_if_due(&app.state)
            .await
            .expect("scan")
            .is_some()
    );
    // Once a day, whoever asks.
    app.clock.set(at(2026, 10, 30, 20, 0));
    assert_eq!(reminders::run_if_due(&app.state).await.expect("scan"), None);
    // Clocks went back on Sunday 2026-11-01: on Monday 11:30 UTC is 06:30 local, not yet;
    // 12:00 UTC is 07:00.
    app.clock.set(at(2026, 11, 2, 11, 30));
    assert_eq!(reminders::run_if_due(&app.state).await.expect("scan"), None);
    app.clock.set(at(2026, 11, 2, 12, 0));
    assert!(
        reminders::run_if_due(&app.state)
            .await
            .expect("scan")
            .is_some()
    );
    // 03:00 UTC on Tuesday is still Monday evening in New York: Monday's scan has run.
    app.clock.set(at(2026, 11, 3, 3, 0));
    assert_eq!(reminders::run_if_due(&app.state).await.expect("scan"), None);
    assert_eq!(
        reminders::office_now(&app.state).expect("today").0,
        date(2026, 11, 2)
    );
}

#[actix_web::test]
async fn deadlines_use_the_offices_calendar_day() {
    // 2026-11-24 02:00 UTC is still the 23rd in Los Angeles: a case whose one-year deadline
    // is the 30th shows 7 days left there, not 6.
    let app = spawn_app_with(|settings| {
        settings.office.time_zone = chrono_tz::America::Los_Angeles;
    })
    .await;
    app.clock.set(
        Utc.with_ymd_and_hms(2026, 11, 24, 2, 0, 0)
            .single()
            .expect("time"),
    );
    assert_eq!(
        refuge::services::cases::today(&app.state),
        date(2026, 11, 23)
    );
}

#[actix_web::test]
async fn hearings_remind_at_14_7_and_1_days_and_the_court_list_goes_weekly() {
    let app = spawn_app().await;
    let lawyer = app.login_as(Role::Lawyer).await;
    let mut fields = CLIENT.to_vec();
    fields.retain(|(k, _)| *k != "entry.last_arrival_on");
    let case = save(&app, &lawyer.staff, None, &fields).await;
    // A master hearing on Friday 2026-12-11: 14 days before is Friday 11-27.
    cases::add_event(
        &app.state,
        &lawyer.staff,
        case.id,
        NewCaseEvent {
            kind: HearingKind::MasterHearing,
            scheduled_at: date(2026, 12, 11).and_hms_opt(9, 0, 0).expect("time"),
            place: "San Diego Immigration Court".into(),
            official: "IJ Smith".into(),
            outcome: String::new(),
        },
        None,
    )
    .await
    .expect("hearing");

    // Monday 11-23: no reminder yet, but the hearing was never checked with the court.
    let report = app.run_daily_scan().await;
    assert_eq!((report.reminders, report.court_lists), (0, 1));
    let list = app.outbox().await;
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].kind, "court_recheck");
    assert!(list[0].text_body.contains(&case.reference));
    assert!(
        list[0]
            .text_body
            .contains("hearing on 2026-12-11, never verified")
    );
    assert!(!list[0].text_body.contains("San Diego"), "places stay out");
    assert!(!list[0].text_body.contains("Smith"), "judges stay out");
    // The rest of the week: no second list.
    set_day(&app, date(2026, 11, 27));
    let report = app.run_daily_scan().await;
    assert_eq!((report.reminders, report.court_lists), (1, 0));
    // Checked with the court on Monday 11-30: no list that week.
    set_day(&app, date(2026, 11, 30));
    cases::set_key_dates(
        &app.state,
        &lawyer.staff,
        case.id,
        KeyDates {
            court_verified_on: Some(date(2026, 11, 30)),
            ..KeyDates::default()
        },
        None,
    )
    .await
    .expect("verified");
    assert_eq!(app.run_daily_scan().await.court_lists, 0);
    set_day(&app, date(2026, 12, 4));
    assert_eq!(app.run_daily_scan().await.reminders, 1, "7 days before");
    // Monday 12-07: the check is a week old again.
    set_day(&app, date(2026, 12, 7));
    assert_eq!(
        app.run_daily_scan().await.court_lists,
        0,
        "checked 7 days ago: fine"
    );
    set_day(&app, date(2026, 12, 8));
    assert_eq!(
        app.run_daily_scan().await.court_lists,
        1,
        "8 days ago: re-check"
    );
    set_day(&app, date(2026, 12, 10));
    assert_eq!(app.run_daily_scan().await.reminders, 1, "1 day before");
    let hearing_reminders: Vec<String> = app
        .outbox()
        .await
        .into_iter()
        .filter(|m| m.kind == "hearing_reminder")
        .map(|m| m.subject)
        .collect();
    assert_eq!(
        hearing_reminders,
        [14, 7, 1].map(|d| format!(
            "Refuge: case {}, deadline in {d} day{}",
            case.reference,
            if d == 1 { "" } else { "s" }
        ))
    );
}

#[actix_web::test]
async fn preferences_collect_a_digest_or_turn_a_kind_off_but_never_the_one_year_reminders() {
    let app = spawn_app().await;
    let (lawyer, paralegal, case) = one_year_case(&app).await;

    // The form refuses to turn the one-year reminders off, keeping the other choices.
    let response = app
        .post_form(
            &paralegal.client,
            "/account/notifications",
            &[
                ("case_assigned", "off"),
                ("stage_changed", "digest"),
                ("one_year_reminder", "off"),
                ("hearing_reminder", "digest"),
            ],
        )
        .await;
    assert_eq!(response.status(), 422);
    let html = response.text().await.expect("page");
    assert_eq!(
        field_error(&html, "one_year_reminder").as_deref(),
        Some("This reminder cannot be turned off.")
    );
    assert!(html.contains("name=\"case_assigned\" value=\"off\" checked"));
    assert!(html.contains("name=\"hearing_reminder\" value=\"digest\" checked"));

    // The paralegal takes everything in the digest, assignments not at all.
    let response = app
        .post_form(
            &paralegal.client,
            "/account/notifications",
            &[
                ("case_assigned", "off"),
                ("stage_changed", "digest"),
                ("one_year_reminder", "digest"),
            ],
        )
        .await;
    assert_eq!(response.status(), 303);
    let (_, page) = app.page(&paralegal.client, "/account").await;
    assert!(page.contains("name=\"one_year_reminder\" value=\"digest\" checked"));
    assert!(
        !page.contains("name=\"one_year_reminder\" value=\"off\""),
        "no off choice where it is not allowed"
    );
    assert!(
        app.audit_actions()
            .await
            .contains(&"account.notifications_changed".to_string())
    );

    // A new case assigned to the paralegal: nothing (off).
    let before = app.outbox().await.len();
    save(&app, &lawyer.staff, Some(&paralegal.staff), CLIENT).await;
    assert_eq!(app.outbox().await.len(), before);

    // The scan on the 14-day threshold's day (Wednesday, before Thanksgiving): the lawyer's
    // reminders go at once, the paralegal's into one digest.
    assert_eq!(app.run_daily_scan().await.reminders, 0);
    set_day(&app, date(2026, 11, 25));
    let report = app.run_daily_scan().await;
    assert_eq!(report.digests, 1);
    let digest: Vec<MessageRow> = to(&app.outbox().await, &paralegal.staff)
        .into_iter()
        .filter(|m| m.kind == "digest")
        .collect();
    assert_eq!(digest.len(), 1);
    assert!(
        digest[0]
            .subject
            .starts_with("Refuge: daily digest, 2 updates")
    );
    assert!(digest[0].text_body.contains(&case.reference));
    assert_eq!(
        to(&app.outbox().await, &paralegal.staff)
            .iter()
            .filter(|m| m.kind == "one_year_reminder")
            .count(),
        0
    );
    // Nothing waits any more: the next scan sends no second digest.
    app.clock.advance(Duration::days(1));
    assert_eq!(app.run_daily_scan().await.digests, 0);
}
