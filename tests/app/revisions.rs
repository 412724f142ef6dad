//! Client revisions of a case file (issue 15): answers from a questionnaire link wait as a
//! pending revision, sealed, without touching the file, until a lawyer reviews them.

use refuge::db::audit_log::AuditFilter;
use refuge::domain::ids::RevisionId;
use refuge::domain::revision::Answers;
use refuge::domain::staff::Role;
use refuge::error::AppError;
use refuge::i18n::Language;
use refuge::routes::cases::intake::form::IntakeForm;

use crate::helpers::{NowForTests, TestApp, spawn_app};

/// The client's answers: their family name spelt anew and a first family member.
fn answers() -> Answers {
    IntakeForm::from_pairs(
        [
            ("client.family_name", "Shevchenko-Bondar"),
            ("client.given_name", "Yulia"),
            ("family.0.given_name", "Оксана"),
            ("family.0.relationship", "child"),
        ]
        .map(|(k, v)| (k.to_string(), v.to_string())),
    )
    .answers()
}

/// Records `answers` for `case_id` as the questionnaire's submission does: in a transaction
/// of the caller's.
async fn submit(
    app: &TestApp,
    case_id: uuid::Uuid,
    answers: Answers,
) -> Result<RevisionId, AppError> {
    let now = app.clock.now_for_tests();
    app.state
        .db
        .run(move |conn| {
            refuge::db::write_transaction(conn, |conn| {
                refuge::services::revisions::record_pending(
                    conn,
                    case_id,
                    &answers,
                    Language::Uk,
                    now,
                )
            })
        })
        .await
}

#[actix_web::test]
async fn answers_wait_sealed_as_a_pending_revision_and_leave_the_file_as_it_was() {
    let app = spawn_app().await;
    let lawyer = app.login_as(Role::Lawyer).await;
    let (case_id, _) = app.draft_case(&lawyer.staff, "Shevchenko").await;

    let id = submit(&app, case_id, answers()).await.expect("recorded");

    let row = app
        .state
        .db
        .run(move |conn| Ok(refuge::db::revisions::find(conn, id)?))
        .await
        .unwrap()
        .expect("the revision");
    assert_eq!(row.case_id.0, case_id);
    assert_eq!(
        (row.status.as_str(), row.language.as_str()),
        ("pending", "uk")
    );
    assert_eq!((row.reviewed_by, row.reviewed_at), (None, None));
    let kept: Answers = serde_json::from_str(&row.answers.0).unwrap();
    assert_eq!(kept, answers());

    let stored: Vec<String> = app
        .state
        .db
        .run(|conn| {
            use diesel::prelude::*;
            use refuge::db::schema::case_revisions;
            Ok(case_revisions::table
                .select(diesel::dsl::sql::<diesel::sql_types::Text>("answers"))
                .load(conn)?)
        })
        .await
        .unwrap();
    assert!(
        !stored[0].contains("Bondar") && !stored[0].contains("family.0"),
        "the answers are sealed: {}",
        stored[0]
    );

    let client_id = app
        .state
        .db
        .run(move |conn| Ok(refuge::db::cases::find(conn, case_id)?))
        .await
        .unwrap()
        .expect("the case")
        .client_id
        .0;
    let file = app
        .state
        .db
        .run(move |conn| Ok(refuge::db::clients::load(conn, client_id)?))
        .await
        .unwrap()
        .expect("the file");
    assert_eq!(file.client.family_name, "Shevchenko");
    assert!(file.family.is_empty());
}

#[actix_web::test]
async fn a_submission_is_audited_on_the_case_without_an_answer() {
    let app = spawn_app().await;
    let lawyer = app.login_as(Role::Lawyer).await;
    let (case_id, _) = app.draft_case(&lawyer.staff, "Shevchenko").await;

    let id = submit(&app, case_id, answers()).await.expect("recorded");

    let entries = app
        .audit(AuditFilter {
            action: Some("case.revision_submitted".into()),
            ..AuditFilter::default()
        })
        .await;
    assert_eq!(entries.len(), 1);
    let entry = &entries[0];
    assert_eq!(entry.actor_id, None, "the client, not a staff member");
    assert_eq!(
        (entry.target_type.as_deref(), entry.target_id.as_deref()),
        (Some("case"), Some(case_id.to_string().as_str()))
    );
    let details: serde_json::Value = serde_json::from_str(&entry.details).unwrap();
    assert_eq!(
        details,
        serde_json::json!({ "revision_id": id.to_string(), "language": "uk" })
    );
}

#[actix_web::test]
async fn answers_for_no_case_are_refused_and_nothing_is_kept() {
    let app = spawn_app().await;

    let refused = submit(&app, uuid::Uuid::new_v4(), answers()).await;

    assert!(matches!(refused, Err(AppError::NotFound)), "{refused:?}");
    let count: i64 = app
        .state
        .db
        .run(|conn| {
            use diesel::prelude::*;
            use refuge::db::schema::case_revisions;
            Ok(case_revisions::table.count().get_result(conn)?)
        })
        .await
        .unwrap();
    assert_eq!(count, 0);
    assert!(
        !app.audit_actions()
            .await
            .contains(&"case.revision_submitted".to_string())
    );
}
