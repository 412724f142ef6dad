//! Mail after a fault: a claim left by a killed server lapses after `mail.claim_lease_minutes`,
//! an admin sends a waiting message at once (audited, admins only), and when the SMTP server
//! answers again what waited for a later retry goes without waiting for it.

use std::time::Duration;

use refuge::db::outbox;
use refuge::db::write_transaction;
use refuge::domain::staff::Role;
use refuge::email::Mailer;

use crate::helpers::{TestApp, spawn_app, spawn_app_with};
use crate::mail::{ClosedPort, enqueue, received, smtp_settings, start_smtp};

/// A server claims every due message for `lease`, then dies before sending any.
async fn claimed_by_a_killed_server(app: &TestApp, lease: chrono::Duration) {
    let now = refuge::clock::to_db(app.state.now());
    let claimed = app
        .state
        .db
        .run(move |conn| {
            write_transaction(conn, |conn| {
                Ok(outbox::claim_due(conn, now, now + lease, 20)?)
            })
        })
        .await
        .expect("claimed");
    assert_eq!(claimed.len(), 1);
}

async fn status(app: &TestApp) -> String {
    app.outbox().await[0].status.clone()
}

#[actix_web::test]
async fn a_claim_left_by_a_killed_server_lapses_after_the_configured_lease() {
    let app = spawn_app_with(|settings| settings.mail.claim_lease_minutes = 2).await;
    let lawyer = app.login_as(Role::Lawyer).await;
    enqueue(&app, &lawyer.staff, 1).await;
    claimed_by_a_killed_server(&app, chrono::Duration::minutes(2)).await;
    assert_eq!(app.deliver_mail().await.sent, 0, "still claimed");
    app.clock.advance(chrono::Duration::minutes(2));
    assert_eq!(app.deliver_mail().await.sent, 1);
}

#[actix_web::test]
async fn a_claim_lease_below_a_minute_is_refused() {
    let mut settings = refuge::config::Settings::default();
    settings.mail.claim_lease_minutes = 0;
    assert!(settings.validate().is_err());
}

#[actix_web::test]
async fn an_admin_sends_a_claimed_message_at_once_and_it_is_audited() {
    let app = spawn_app().await;
    let admin = app.login_as(Role::Admin).await;
    let lawyer = app.login_as(Role::Lawyer).await;
    let id = enqueue(&app, &lawyer.staff, 1).await;
    claimed_by_a_killed_server(&app, chrono::Duration::minutes(10)).await;

    let (_, page) = app.page(&admin.client, "/admin/mail").await;
    assert!(page.contains(&format!("/admin/mail/{id}/send")), "{page}");
    let response = app
        .post_form(&admin.client, &format!("/admin/mail/{id}/send"), &[])
        .await;
    assert_eq!(response.status(), 303);
    assert_eq!(response.headers()["location"], "/admin/mail?sent=1");
    assert_eq!(status(&app).await, "sent");
    assert_eq!(app.mail_files().len(), 1);
    assert!(
        app.audit_actions()
            .await
            .contains(&"mail.sent_now".to_string())
    );
}

#[actix_web::test]
async fn only_admins_send_a_message_now() {
    let app = spawn_app().await;
    let lawyer = app.login_as(Role::Lawyer).await;
    let id = enqueue(&app, &lawyer.staff, 1).await;
    let response = app
        .post_form(&lawyer.client, &format!("/admin/mail/{id}/send"), &[])
        .await;
    assert_eq!(response.status(), 403);
    assert_eq!(status(&app).await, "pending");
    assert!(app.mail_files().is_empty());
}

#[actix_web::test]
async fn waiting_mail_goes_as_soon_as_the_smtp_server_answers_again() {
    let closed = ClosedPort::new();
    let port = closed.port();
    let app = spawn_app_with(|settings| smtp_settings(settings, port)).await;
    let lawyer = app.login_as(Role::Lawyer).await;
    enqueue(&app, &lawyer.staff, 1).await;
    let mailer = Mailer::from_settings(&app.state.settings.mail).expect("mailer");

    assert_eq!(app.deliver_mail().await.deferred, 1);
    let resumed = refuge::services::outbox::resume_after_outage(&app.state, &mailer).await;
    assert_eq!(resumed.ok(), Some(0), "the server is still down");

    // It comes up; the clock has not moved, so the retry is not due yet.
    let sink = start_smtp(closed.open(), Duration::ZERO);
    let resumed = refuge::services::outbox::resume_after_outage(&app.state, &mailer).await;
    assert_eq!(resumed.ok(), Some(1));
    assert_eq!(app.deliver_mail().await.sent, 1);
    assert_eq!(received(&sink).len(), 1);
}
