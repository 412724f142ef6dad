//! Deleting a client's file so that nothing identifies the person afterwards, by hand (the
//! case page) or for the office's retention rule: each week the administrators are sent the
//! references of the cases closed longer ago than the office keeps files, and the files go
//! only when an administrator confirms the list on `/admin/retention`.

use chrono::{Datelike, NaiveDate, NaiveDateTime, Weekday};
use serde_json::json;

use super::audit::AuditContext;
use super::cases::case_target;
use super::notifications::Notifier;
use crate::auth::policy;
use crate::clock;
use crate::db::{self, DbConnection, office_settings, write_transaction};
use crate::domain::audit::AuditAction;
use crate::domain::case_stage::CaseStage;
use crate::domain::retention::RetentionYears;
use crate::domain::staff::{Role, Staff};
use crate::email::render::{self, Notice};
use crate::error::{AppError, Message};
use crate::i18n::I18n;
use crate::state::AppState;

/// The job name of the weekly list in `scheduled_runs` and `notifications`.
pub const RETENTION_LIST_JOB: &str = "retention_list";

/// Deletes the client and the case with everything recorded on them, the mail about the
/// case and the forms held for its pages, and writes the one audit entry that stays: the
/// reference. In the caller's transaction.
pub fn erase(
    conn: &mut DbConnection,
    audit: &AuditContext,
    case_id: uuid::Uuid,
    client_id: uuid::Uuid,
    reference: &str,
) -> Result<(), AppError> {
    // Mail first: outbox rows go with the case by cascade too, but the digests that carry
    // its notifications are found through those notifications.
    db::retention::delete_mail_about(conn, case_id)?;
    db::retention::delete_held_forms_of(conn, case_id)?;
    db::case_work::purge_client(conn, client_id)?;
    audit.record(
        conn,
        AuditAction::CasePurged,
        case_target(case_id),
        json!({ "reference": reference }),
    )?;
    Ok(())
}

/// A case whose file is due for deletion, as administrators see it: no names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DueFile {
    pub id: uuid::Uuid,
    pub reference: String,
    pub stage: Option<CaseStage>,
    pub closed_on: NaiveDate,
}

/// The office's rule and the files due under it now.
#[derive(Debug, Clone, Default)]
pub struct RetentionList {
    /// `None`: the office keeps files (the rule is off) and nothing is ever due.
    pub years: Option<RetentionYears>,
    pub due: Vec<DueFile>,
}

pub fn years(conn: &mut DbConnection) -> Result<Option<RetentionYears>, AppError> {
    let stored = office_settings::value(conn, office_settings::RETENTION_YEARS)?;
    Ok(RetentionYears::from_stored(stored.as_deref()))
}

fn due_now(
    conn: &mut DbConnection,
    now: NaiveDateTime,
) -> Result<(RetentionList, Vec<db::retention::DueCase>), AppError> {
    let Some(years) = years(conn)? else {
        return Ok((RetentionList::default(), Vec::new()));
    };
    let rows = db::retention::closed_before(conn, years.closed_before(now))?;
    let due = rows
        .iter()
        .map(|row| DueFile {
            id: row.id.0,
            reference: row.reference.clone(),
            stage: CaseStage::parse(&row.stage).ok(),
            closed_on: row.closed_at.date(),
        })
        .collect();
    Ok((
        RetentionList {
            years: Some(years),
            due,
        },
        rows,
    ))
}

/// The files due for deletion now (administrators).
pub async fn due(state: &AppState, actor: &Staff) -> Result<RetentionList, AppError> {
    policy::can_purge_case(actor)?;
    let now = clock::to_db(state.now());
    state.db.run(move |conn| Ok(due_now(conn, now)?.0)).await
}

/// Deletes the confirmed files: those of `confirmed` that are still due when the
/// confirmation arrives (a case reopened since the list was made stays). Each deletion is
/// audited. Returns how many files were deleted.
pub async fn purge_confirmed(
    state: &AppState,
    actor: &Staff,
    confirmed: Vec<uuid::Uuid>,
    address: Option<String>,
) -> Result<usize, AppError> {
    policy::can_purge_case(actor)?;
    if confirmed.is_empty() {
        return Ok(0);
    }
    let now = clock::to_db(state.now());
    let audit = AuditContext::new(Some(actor.id), address, state.now());
    state
        .db
        .run(move |conn| {
            write_transaction(conn, |conn| {
                let (_, rows) = due_now(conn, now)?;
                let mut purged = 0;
                for row in rows.iter().filter(|row| confirmed.contains(&row.id.0)) {
                    erase(conn, &audit, row.id.0, row.client_id.0, &row.reference)?;
                    purged += 1;
                }
                Ok(purged)
            })
        })
        .await
}

/// The once-key of one administrator's list of one ISO week.
pub fn once_key(week: &str, staff: &Staff) -> String {
    format!("{RETENTION_LIST_JOB}:{week}:{}", staff.id)
}

/// The weekly list, from Monday's report hour on (a server that was down then sends it later
/// in the week): each active administrator is mailed the references and closing dates of
/// the files due, once a week, when there are any. Nothing is deleted. Returns how many
/// messages were written, `None` when it was not the time.
pub async fn send_weekly_if_due(state: &AppState) -> Result<Option<usize>, AppError> {
    let office = &state.settings.office;
    let now = state.now();
    let local = now.with_timezone(&office.time_zone);
    let at = office
        .weekly_report_time()
        .map_err(|e| AppError::internal(anyhow::anyhow!(e)))?;
    if local.weekday() == Weekday::Mon && local.time() < at {
        return Ok(None);
    }
    let on = local.date_naive();
    let week = on.iso_week();
    let week = format!("{}-W{:02}", week.year(), week.week());
    let notifier = Notifier::of(state);
    let now_db = clock::to_db(now);
    state
        .db
        .run(move |conn| {
            if db::notifications::has_run(conn, RETENTION_LIST_JOB, on)? {
                return Ok(None);
            }
            if !write_transaction(conn, |conn| {
                db::notifications::claim_run(conn, RETENTION_LIST_JOB, on)
            })? {
                return Ok(None);
            }
            let (list, _) = due_now(conn, now_db)?;
            let Some(years) = list.years else {
                return Ok(Some(0));
            };
            if list.due.is_empty() {
                return Ok(Some(0));
            }
            let mut sent = 0;
            for staff in db::staff::list(conn)? {
                if !staff.active || staff.role != Role::Admin {
                    continue;
                }
                let key = once_key(&week, &staff);
                let message = list_message(&staff, years, &list.due, notifier.base_url())?;
                let details = json!({ "week": week, "due": list.due.len() });
                if notifier.send_once(conn, &staff, RETENTION_LIST_JOB, &key, &details, &message)? {
                    sent += 1;
                }
            }
            Ok(Some(sent))
        })
        .await
}

/// The weekly message: references and closing dates, never names, and the page where the
/// list is confirmed.
fn list_message(
    staff: &Staff,
    years: RetentionYears,
    due: &[DueFile],
    base: &str,
) -> Result<render::RenderedMessage, AppError> {
    let i18n = I18n::new(staff.language);
    let count = due.len();
    let notice = Notice {
        headline: i18n.message(
            &Message::new("email-retention-headline")
                .with("count", count)
                .with("years", years.get()),
        ),
        lines: due
            .iter()
            .map(|file| {
                i18n.message(
                    &Message::new("email-retention-line")
                        .with("reference", &file.reference)
                        .with("closed", file.closed_on.format("%Y-%m-%d")),
                )
            })
            .collect(),
        links: vec![(
            i18n.message(&Message::new("email-retention-link")),
            format!("{base}/admin/retention"),
        )],
    };
    render::plain(
        &i18n,
        &staff.display_name,
        i18n.message(&Message::new("email-subject-retention").with("count", count)),
        notice,
        base,
    )
    .map_err(AppError::internal)
}
