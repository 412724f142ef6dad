//! Who is told what: a notification is recorded, and its message written to the outbox, in
//! the transaction of the event that causes it — so an event that rolls back leaves no
//! message behind. Each person chooses per kind: at once, in the daily digest, or off.

use chrono::{DateTime, Duration, Utc};
use serde_json::json;

use super::audit::AuditContext;
use crate::auth::policy;
use crate::clock;
use crate::config::Settings;
use crate::db::cases::CaseRow;
use crate::db::schema::clients;
use crate::db::{self, DbConnection, office_settings, outbox, write_transaction};
use crate::domain::audit::AuditAction;
use crate::domain::case_stage::CaseStage;
use crate::domain::ids::{self, StaffId};
use crate::domain::notifications::{Delivery, NotificationDetails, NotificationKind, initials};
use crate::domain::staff::Staff;
use crate::email::render::{self, RenderedMessage};
use crate::error::{AppError, FieldErrors, Message};
use crate::i18n::I18n;
use crate::state::AppState;

/// What every notification written at one moment shares.
#[derive(Debug, Clone)]
pub struct Notifier {
    now: DateTime<Utc>,
    base_url: String,
    retry_for: Duration,
}

impl Notifier {
    pub fn new(settings: &Settings, now: DateTime<Utc>) -> Self {
        Self {
            now,
            base_url: settings.public_url(),
            retry_for: Duration::hours(settings.mail.retry_hours),
        }
    }

    pub fn of(state: &AppState) -> Self {
        Self::new(&state.settings, state.now())
    }

    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// Writes a rendered message to the outbox for `recipient`, with a fresh emergency lock
    /// link of theirs at the end (`services::lock`); returns its id.
    pub fn enqueue(
        &self,
        conn: &mut DbConnection,
        recipient: &Staff,
        kind: &str,
        case_id: Option<uuid::Uuid>,
        message: &RenderedMessage,
    ) -> Result<uuid::Uuid, AppError> {
        let id = ids::new_row_id();
        let now = clock::to_db(self.now);
        let with_link;
        let message = if kind == super::lock::LOCK_LINK_MAIL {
            // The message is the lock link itself.
            message
        } else {
            let link = super::lock::issue_link(conn, &self.base_url, recipient.id, self.now)?;
            with_link = render::with_lock_link(&I18n::new(recipient.language), message, &link)
                .map_err(AppError::internal)?;
            &with_link
        };
        outbox::insert(
            conn,
            &outbox::NewMessage {
                id,
                recipient_id: Some(recipient.id.as_uuid()),
                to_address: &recipient.email,
                case_id,
                kind,
                subject: &message.subject,
                text_body: &message.text_body,
                html_body: &message.html_body,
                now,
                give_up_at: now + self.retry_for,
            },
        )?;
        Ok(id)
    }

    /// Records a message that goes out once per `once_key` (a week's report or retention
    /// list) and writes it to `recipient`'s outbox, in one transaction of its own, so that a
    /// failure for one person leaves the others' messages in place. `false` when the key was
    /// used already.
    pub fn send_once(
        &self,
        conn: &mut DbConnection,
        recipient: &Staff,
        kind: &str,
        once_key: &str,
        details: &serde_json::Value,
        message: &RenderedMessage,
    ) -> Result<bool, AppError> {
        write_transaction(conn, |conn| {
            let notification_id = ids::new_row_id();
            let recorded = db::notifications::insert(
                conn,
                &db::notifications::NewNotification {
                    id: notification_id,
                    recipient_id: recipient.id.as_uuid(),
                    case_id: None,
                    kind,
                    once_key: Some(once_key),
                    details: &details.to_string(),
                    delivery: Delivery::Immediate.as_str(),
                    outbox_id: None,
                    now: clock::to_db(self.now),
                },
            )?;
            if recorded {
                let outbox_id = self.enqueue(conn, recipient, kind, None, message)?;
                db::notifications::set_outbox(conn, notification_id, outbox_id)?;
            }
            Ok(recorded)
        })
    }

    /// Writes a message for someone outside the office (an inquirer) to the outbox: no staff
    /// recipient, so no lock link; returns its id.
    pub fn enqueue_to_the_public(
        &self,
        conn: &mut DbConnection,
        to_address: &str,
        kind: &str,
        case_id: Option<uuid::Uuid>,
        message: &RenderedMessage,
    ) -> Result<uuid::Uuid, AppError> {
        let id = ids::new_row_id();
        let now = clock::to_db(self.now);
        outbox::insert(
            conn,
            &outbox::NewMessage {
                id,
                recipient_id: None,
                to_address,
                case_id,
                kind,
                subject: &message.subject,
                text_body: &message.text_body,
                html_body: &message.html_body,
                now,
                give_up_at: now + self.retry_for,
            },
        )?;
        Ok(id)
    }

    /// Records a notification for `recipient` and, unless they take this kind in their
    /// digest, writes its message to the outbox. Nothing happens for an inactive account, a
    /// kind the person turned off, or a `once_key` already used. `true` when recorded.
    pub fn notify(
        &self,
        conn: &mut DbConnection,
        recipient: StaffId,
        kind: NotificationKind,
        details: &NotificationDetails,
        once_key: Option<&str>,
    ) -> Result<bool, AppError> {
        let Some(staff) = db::staff::find(conn, recipient)? else {
            return Ok(false);
        };
        if !staff.active {
            return Ok(false);
        }
        let delivery = delivery_for(conn, recipient, kind)?;
        if delivery == Delivery::Off {
            return Ok(false);
        }
        let id = ids::new_row_id();
        let details_json = serde_json::to_string(details).map_err(AppError::internal)?;
        let recorded = db::notifications::insert(
            conn,
            &db::notifications::NewNotification {
                id,
                recipient_id: recipient.as_uuid(),
                case_id: details.case_id,
                kind: kind.as_str(),
                once_key,
                details: &details_json,
                delivery: delivery.as_str(),
                outbox_id: None,
                now: clock::to_db(self.now),
            },
        )?;
        if recorded && delivery == Delivery::Immediate {
            let i18n = I18n::new(staff.language);
            let message = render::single(&i18n, &staff.display_name, kind, details, &self.base_url)
                .map_err(AppError::internal)?;
            let outbox_id = self.enqueue(conn, &staff, kind.as_str(), details.case_id, &message)?;
            db::notifications::set_outbox(conn, id, outbox_id)?;
        }
        Ok(recorded)
    }

    /// Tells the newly assigned lawyer or paralegal, unless they made the change themselves.
    pub fn case_assigned(
        &self,
        conn: &mut DbConnection,
        case: &CaseRow,
        recipient: StaffId,
        role: &str,
        actor: StaffId,
    ) -> Result<(), AppError> {
        if recipient == actor {
            return Ok(());
        }
        let mut details = case_details(conn, case)?;
        details.role = Some(role.to_string());
        self.notify(
            conn,
            recipient,
            NotificationKind::CaseAssigned,
            &details,
            None,
        )?;
        Ok(())
    }

    /// Tells the lawyer of record of a stage change someone else made.
    pub fn stage_changed(
        &self,
        conn: &mut DbConnection,
        case: &CaseRow,
        from: CaseStage,
        to: CaseStage,
        actor: StaffId,
    ) -> Result<(), AppError> {
        let Some(lawyer) = case.lawyer().filter(|lawyer| *lawyer != actor) else {
            return Ok(());
        };
        let mut details = case_details(conn, case)?;
        details.from_stage = Some(from);
        details.to_stage = Some(to);
        self.notify(conn, lawyer, NotificationKind::StageChanged, &details, None)?;
        Ok(())
    }
}

/// The reference and link of a case, and the client's initials where the office allows.
pub fn case_details(
    conn: &mut DbConnection,
    case: &CaseRow,
) -> Result<NotificationDetails, AppError> {
    let initials = if office_settings::flag(conn, office_settings::EMAIL_CLIENT_INITIALS)? {
        use diesel::prelude::*;
        let (given, family): (String, String) = clients::table
            .find(case.client_id)
            .select((clients::given_name, clients::family_name))
            .first(conn)?;
        initials(&given, &family)
    } else {
        None
    };
    Ok(NotificationDetails {
        case_id: Some(case.id.0),
        reference: Some(case.reference.clone()),
        initials,
        ..NotificationDetails::default()
    })
}

/// The delivery in effect for one person and kind.
pub fn delivery_for(
    conn: &mut DbConnection,
    staff: StaffId,
    kind: NotificationKind,
) -> Result<Delivery, AppError> {
    let chosen = db::notifications::preferences(conn, staff.as_uuid())?
        .into_iter()
        .find(|(k, _)| k == kind.as_str())
        .and_then(|(_, delivery)| Delivery::parse(&delivery))
        .unwrap_or_default();
    Ok(chosen.effective_for(kind))
}

/// Every kind with the delivery in effect, for the profile page.
pub async fn preferences(
    state: &AppState,
    actor: &Staff,
) -> Result<Vec<(NotificationKind, Delivery)>, AppError> {
    policy::can_use_app(actor)?;
    let me = actor.id;
    state
        .db
        .run(move |conn| {
            NotificationKind::ALL
                .into_iter()
                .map(|kind| Ok((kind, delivery_for(conn, me, kind)?)))
                .collect()
        })
        .await
}

/// Reads the profile page's choices: one field per kind, named by its code.
pub fn parse_preferences(
    fields: &[(String, String)],
) -> Result<Vec<(NotificationKind, Delivery)>, FieldErrors> {
    let mut errors = FieldErrors::default();
    let mut choices = Vec::new();
    for kind in NotificationKind::ALL {
        let Some((_, value)) = fields.iter().find(|(name, _)| name == kind.as_str()) else {
            continue;
        };
        match Delivery::parse(value.trim()) {
            Some(delivery) => choices.push((kind, delivery)),
            None => errors.push(kind.as_str(), Message::new("validation-delivery")),
        }
    }
    refuse_off(&choices, &mut errors);
    if errors.is_empty() {
        Ok(choices)
    } else {
        Err(errors)
    }
}

/// Checks choices made through the API, where each value is already a delivery.
pub fn check_preferences(
    choices: Vec<(NotificationKind, Delivery)>,
) -> Result<Vec<(NotificationKind, Delivery)>, FieldErrors> {
    let mut errors = FieldErrors::default();
    refuse_off(&choices, &mut errors);
    if errors.is_empty() {
        Ok(choices)
    } else {
        Err(errors)
    }
}

/// A missed one-year deadline or appeal ends a claim: those reminders cannot be turned off.
fn refuse_off(choices: &[(NotificationKind, Delivery)], errors: &mut FieldErrors) {
    for (kind, delivery) in choices {
        if *delivery == Delivery::Off && !kind.can_turn_off() {
            errors.push(kind.as_str(), Message::new("validation-delivery-required"));
        }
    }
}

/// Saves a person's own choices; the change is audited.
pub async fn set_preferences(
    state: &AppState,
    actor: &Staff,
    choices: Vec<(NotificationKind, Delivery)>,
    address: Option<String>,
) -> Result<(), AppError> {
    policy::can_use_app(actor)?;
    let me = actor.id;
    let audit = AuditContext::new(Some(me), address, state.now());
    state
        .db
        .run(move |conn| {
            write_transaction(conn, |conn| {
                let mut changed = serde_json::Map::new();
                for (kind, delivery) in choices {
                    let before = delivery_for(conn, me, kind)?;
                    if before != delivery {
                        db::notifications::set_preference(
                            conn,
                            me.as_uuid(),
                            kind.as_str(),
                            delivery.as_str(),
                        )?;
                        changed.insert(
                            kind.as_str().into(),
                            json!({ "before": before.as_str(), "after": delivery.as_str() }),
                        );
                    }
                }
                if !changed.is_empty() {
                    audit.record(
                        conn,
                        AuditAction::AccountNotificationsChanged,
                        Some(("staff", me.to_string())),
                        serde_json::Value::Object(changed),
                    )?;
                }
                Ok(())
            })
        })
        .await
}

/// The lawyer-of-record and paralegal changes between two assignments: (who, role).
pub fn new_assignees(
    before: (Option<StaffId>, Option<StaffId>),
    after: (Option<StaffId>, Option<StaffId>),
) -> Vec<(StaffId, &'static str)> {
    let mut assigned = Vec::new();
    if let Some(lawyer) = after.0.filter(|l| Some(*l) != before.0) {
        assigned.push((lawyer, "lawyer"));
    }
    if let Some(paralegal) = after.1.filter(|p| Some(*p) != before.1) {
        assigned.push((paralegal, "paralegal"));
    }
    assigned
}
