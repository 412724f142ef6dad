//! The case file through its services: intake saved and reloaded on both databases, the
//! search index and deadlines maintained, stage changes checked and audited.

use refuge::db::audit_log::AuditFilter;
use refuge::domain::case_stage::CaseStage;
use refuge::domain::staff::Role;
use refuge::error::AppError;
use refuge::routes::cases::intake::form::IntakeForm;
use refuge::services::{cases, intake};

use crate::helpers::{NowForTests, TodayForTests, spawn_app};

fn form(pairs: &[(&str, &str)]) -> IntakeForm {
    IntakeForm::from_pairs(pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())))
}

#[actix_web::test]
async fn an_intake_round_trips_and_keeps_its_index_and_deadlines() {
    let app = spawn_app().await;
    let lawyer = app
        .create_staff(Role::Lawyer, "lawyer@office.example.org")
        .await;
    let paralegal = app
        .create_staff(Role::Paralegal, "para@office.example.org")
        .await;
    let lawyer_id = lawyer.id.to_string();
    let paralegal_id = paralegal.id.to_string();
    let typed = form(&[
        ("client.family_name", "Shcherbakov"),
        ("client.given_name", "Yevgeniy"),
        ("client.middle_name", "NONE"),
        ("client.native_name", "Евгений Щербаков"),
        ("client.date_of_birth", "1984-03-12"),
        ("client.nationalities", "RU"),
        ("entry.last_arrival_on", "2026-01-15"),
        ("entry.port_of_entry", "San Ysidro"),
        ("claim.kind", "defensive"),
        ("claim.lawyer_id", &lawyer_id),
        ("claim.paralegal_id", &paralegal_id),
        ("family.0.relationship", "child"),
        ("family.0.given_name", "Юлия"),
        ("family.0.date_of_birth", "2010-05-01"),
        ("family.0.in_us", "on"),
        ("journey.0.from_city", "Moscow"),
        ("journey.0.to_city", "Cancún"),
        ("journey.0.mode", "air"),
        (
            "persecution.0.description",
            "Detained after a complaint about police",
        ),
        ("persecution.0.actor", "police"),
    ]);
    let parsed = typed.parse().expect("form parses");
    let saved = intake::save(&app.state, &lawyer, None, parsed.clone(), true, None)
        .await
        .expect("intake saved");
    assert!(
        saved.reference.starts_with("R-2026-"),
        "{}",
        saved.reference
    );

    let file = cases::open(&app.state, &lawyer, saved.id, None)
        .await
        .expect("case opens");
    assert_eq!(file.case.stage, "inquiry");
    assert_eq!(file.intake.client.native_name, "Евгений Щербаков");
    assert_eq!(file.intake.family[0].given_name, "Юлия");
    assert_eq!(file.intake.journey[0].to_city, "Cancún");
    assert_eq!(
        file.intake,
        parsed
            .clone()
            .checked(true, app.clock.now_date())
            .expect("valid")
    );
    let kinds: Vec<&str> = file.deadlines.iter().map(|d| d.kind.as_str()).collect();
    assert!(
        kinds.contains(&"one_year_filing") && kinds.contains(&"child_ages_out"),
        "{kinds:?}"
    );

    let keys: i64 = app
        .state
        .db
        .run(|conn| {
            use diesel::prelude::*;
            use refuge::db::schema::name_keys;
            Ok(name_keys::table.count().get_result(conn)?)
        })
        .await
        .expect("count");
    assert!(keys >= 6, "names are indexed ({keys} keys)");

    // Stage changes follow the rules and are audited; the conflict check gates consultation.
    let moved = cases::transition(
        &app.state,
        &paralegal,
        saved.id,
        CaseStage::ConflictCheck,
        "".into(),
        None,
        None,
    )
    .await;
    assert!(moved.is_ok(), "{moved:?}");
    let early = cases::transition(
        &app.state,
        &lawyer,
        saved.id,
        CaseStage::Consultation,
        "".into(),
        None,
        None,
    )
    .await;
    assert!(matches!(early, Err(AppError::Conflict(_))), "{early:?}");
    cases::record_conflict_check(
        &app.state,
        &lawyer,
        saved.id,
        cases::ConflictOutcome::Clear,
        None,
    )
    .await
    .expect("conflict check recorded");
    cases::transition(
        &app.state,
        &lawyer,
        saved.id,
        CaseStage::Consultation,
        "met the family".into(),
        None,
        None,
    )
    .await
    .expect("consultation");
    let wrong = cases::transition(
        &app.state,
        &lawyer,
        saved.id,
        CaseStage::Drafting,
        "".into(),
        None,
        None,
    )
    .await;
    assert!(
        matches!(wrong, Err(AppError::Conflict(_))),
        "drafting is not a defensive stage: {wrong:?}"
    );
    let closing = cases::transition(
        &app.state,
        &paralegal,
        saved.id,
        CaseStage::Closed,
        "".into(),
        None,
        None,
    )
    .await;
    assert!(
        matches!(closing, Err(AppError::Forbidden)),
        "paralegals do not close cases: {closing:?}"
    );

    let actions: Vec<String> = app
        .audit(AuditFilter::default())
        .await
        .into_iter()
        .map(|r| r.action)
        .collect();
    for action in [
        "case.created",
        "case.viewed",
        "case.stage_changed",
        "case.conflict_checked",
    ] {
        assert!(
            actions.iter().any(|a| a == action),
            "{action} not audited: {actions:?}"
        );
    }
    let created = app
        .audit(AuditFilter {
            action: Some("case.created".into()),
            ..AuditFilter::default()
        })
        .await;
    for secret in ["Shcherbakov", "Щербаков", "Юлия", "complaint"] {
        assert!(
            !created[0].details.contains(secret),
            "{secret} in audit details"
        );
    }

    // A draft edit of a complete intake must still be complete.
    let mut incomplete = parsed.clone();
    incomplete.client.family_name.clear();
    let refused = intake::save(&app.state, &lawyer, Some(saved.id), incomplete, false, None).await;
    assert!(
        matches!(refused, Err(AppError::Validation(_))),
        "{refused:?}"
    );

    // Paralegals cannot take or edit intakes.
    let denied = intake::save(&app.state, &paralegal, Some(saved.id), parsed, false, None).await;
    assert!(matches!(denied, Err(AppError::Forbidden)));
}

#[actix_web::test]
async fn concurrent_intakes_get_distinct_references() {
    let app = spawn_app().await;
    let lawyer = app
        .create_staff(Role::Lawyer, "lawyer@office.example.org")
        .await;
    let saves = (0..6).map(|i| {
        let intake = form(&[
            ("client.given_name", "Олена"),
            ("client.family_name", &format!("Test{i}")),
        ])
        .parse()
        .expect("form parses");
        intake::save(&app.state, &lawyer, None, intake, false, None)
    });
    let saved = futures_util::future::join_all(saves).await;
    let mut references: Vec<String> = saved
        .into_iter()
        .map(|s| {
            s.expect("every concurrent first intake of the year is saved")
                .reference
        })
        .collect();
    references.sort();
    references.dedup();
    assert_eq!(references.len(), 6, "{references:?}");
}

#[actix_web::test]
async fn an_existing_client_that_is_not_there_is_not_found_and_nothing_is_written() {
    let app = spawn_app().await;
    let intake = form(&[
        ("client.given_name", "Олена"),
        ("client.family_name", "Nobody"),
    ])
    .parse()
    .expect("form parses");
    let now = refuge::clock::to_db(app.clock.as_ref().now_for_tests());
    let missing = uuid::Uuid::new_v4();
    let outcome = app
        .state
        .db
        .run(move |conn| {
            Ok(refuge::db::write_transaction(conn, |conn| {
                refuge::db::clients::save(
                    conn,
                    missing,
                    &intake,
                    refuge::db::clients::SaveAs::Existing,
                    now,
                )
            }))
        })
        .await
        .expect("the connection answers");
    assert!(
        matches!(outcome, Err(diesel::result::Error::NotFound)),
        "{outcome:?}"
    );
    let loaded = app
        .state
        .db
        .run(move |conn| Ok(refuge::db::clients::load(conn, missing)?))
        .await
        .expect("loads");
    assert!(loaded.is_none(), "no client was created");
}
