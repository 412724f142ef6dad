//! Working a case: opening the file (every read is audited), stage changes, the conflict
//! check's outcome, and keeping the computed deadlines current.

use chrono::NaiveDate;
use serde_json::json;

use super::audit::AuditContext;
use crate::auth::policy::{self, Assignment};
use crate::clock;
use crate::db::audit_log::{self, AuditFilter, AuditRow};
use crate::db::cases::{CaseRow, StageChange};
use crate::db::{self, DbConnection, office_settings, write_transaction};
use crate::domain::case_file::{self, CaseFacts};
use crate::domain::case_stage::{self, CaseStage, ClaimKind};
use crate::domain::deadlines::{Deadline, FilingException};
use crate::domain::intake::Intake;
use crate::domain::staff::Staff;
use crate::error::{AppError, Message};
use crate::state::AppState;

/// The office's calendar day. (UTC until the office time zone is configurable.)
pub fn today(state: &AppState) -> NaiveDate {
    state.now().date_naive()
}

pub fn case_target(id: uuid::Uuid) -> Option<(&'static str, String)> {
    Some(("case", id.to_string()))
}

fn assignment(row: &CaseRow) -> Assignment {
    Assignment {
        lawyer: row.lawyer(),
        paralegal: row.paralegal(),
    }
}

/// Loads a case the actor may see, or answers 404/403.
pub fn visible_case(
    conn: &mut DbConnection,
    actor: &Staff,
    id: uuid::Uuid,
) -> Result<CaseRow, AppError> {
    let row = db::cases::find(conn, id)?.ok_or(AppError::NotFound)?;
    let see_all = office_settings::flag(conn, office_settings::PARALEGALS_SEE_ALL_CASES)?;
    policy::can_view_case(actor, assignment(&row), see_all)?;
    Ok(row)
}

/// The facts the deadlines depend on, as stored.
fn facts_of<'a>(row: &CaseRow, intake: &'a Intake) -> CaseFacts<'a> {
    CaseFacts {
        intake: Some(intake),
        i589_filed_on: row.i589_filed_on,
        i589_received_on: row.i589_received_on,
        filing_exception: row
            .one_year_exception
            .as_deref()
            .and_then(|kind| serde_json::from_value(json!(kind)).ok())
            .zip(row.one_year_exception_until)
            .map(|(kind, until)| FilingException {
                kind,
                reasonable_period_ends: until,
            }),
        ead_stops: Vec::new(),
        ij_decision_on: row.ij_decision_on,
        granted_on: row.granted_on,
        events: Vec::new(),
    }
}

/// The case's deadlines as of `today`.
pub fn compute_deadlines(
    conn: &mut DbConnection,
    row: &CaseRow,
    today: NaiveDate,
) -> Result<Vec<Deadline>, AppError> {
    let intake = db::clients::load(conn, row.client_id.0)?.unwrap_or_default();
    Ok(case_file::deadlines(&facts_of(row, &intake), today))
}

/// Recomputes and stores the case's deadlines; called in the transaction of every change
/// they depend on.
pub fn refresh_deadlines(
    conn: &mut DbConnection,
    case_id: uuid::Uuid,
    today: NaiveDate,
) -> Result<(), AppError> {
    let row = db::cases::find(conn, case_id)?.ok_or(AppError::NotFound)?;
    let deadlines = compute_deadlines(conn, &row, today)?;
    db::cases::replace_deadlines(conn, case_id, &deadlines)?;
    Ok(())
}

/// Everything the case page shows.
pub struct CaseFile {
    pub case: CaseRow,
    pub intake: Intake,
    pub lawyer: Option<Staff>,
    pub paralegal: Option<Staff>,
    pub history: Vec<StageChange>,
    pub deadlines: Vec<Deadline>,
    pub allowed_next: Vec<CaseStage>,
    pub audit_trail: Vec<AuditRow>,
    pub can_work: bool,
    pub can_edit: bool,
    pub today: NaiveDate,
}

/// Opens a case file; the read is audited in its own transaction before anything is shown.
pub async fn open(
    state: &AppState,
    actor: &Staff,
    id: uuid::Uuid,
    address: Option<String>,
) -> Result<CaseFile, AppError> {
    let today = today(state);
    let audit = AuditContext::new(Some(actor.id), address, state.now());
    let actor = actor.clone();
    state
        .db
        .run(move |conn| {
            write_transaction(conn, |conn| {
                let case = visible_case(conn, &actor, id)?;
                audit.record(conn, "case.viewed", case_target(id), json!({}))?;
                let mut intake = db::clients::load(conn, case.client_id.0)?.unwrap_or_default();
                intake.claim.kind = case.kind();
                intake.claim.lawyer_id = case.lawyer();
                intake.claim.paralegal_id = case.paralegal();
                let deadlines = case_file::deadlines(&facts_of(&case, &intake), today);
                let stage = case.stage()?;
                let allowed_next = match case.kind() {
                    Some(kind) if stage.is_open() => case_stage::allowed_next(kind, stage),
                    Some(kind) => case_stage::reopen_targets(kind, stage),
                    None => case_stage::allowed_next(ClaimKind::Affirmative, stage)
                        .into_iter()
                        .filter(|s| {
                            s.belongs_to(ClaimKind::Defensive)
                                && s.belongs_to(ClaimKind::CredibleFear)
                        })
                        .collect(),
                };
                let filter = AuditFilter {
                    target_type: Some("case".into()),
                    target_id: Some(id.to_string()),
                    ..AuditFilter::default()
                };
                Ok(CaseFile {
                    lawyer: case
                        .lawyer()
                        .map(|s| db::staff::find(conn, s))
                        .transpose()?
                        .flatten(),
                    paralegal: case
                        .paralegal()
                        .map(|s| db::staff::find(conn, s))
                        .transpose()?
                        .flatten(),
                    history: db::cases::stage_history(conn, id)?,
                    audit_trail: audit_log::list(conn, &filter, 100, 0)?,
                    can_work: policy::can_work_on_case(&actor, assignment(&case)).is_ok(),
                    can_edit: policy::can_edit_case_file(&actor).is_ok(),
                    allowed_next,
                    deadlines,
                    intake,
                    case,
                    today,
                })
            })
        })
        .await
}

/// Moves a case to another stage, if the claim's kind allows it and the actor may.
pub async fn transition(
    state: &AppState,
    actor: &Staff,
    id: uuid::Uuid,
    to: CaseStage,
    note: String,
    address: Option<String>,
) -> Result<CaseStage, AppError> {
    let note = note.trim().to_string();
    if note.chars().count() > 2_000 {
        return Err(AppError::BadRequest(
            Message::new("validation-too-long").with("max", 2_000),
        ));
    }
    let today = today(state);
    let now = state.now();
    let audit = AuditContext::new(Some(actor.id), address, now);
    let actor = actor.clone();
    state
        .db
        .run(move |conn| {
            write_transaction(conn, |conn| {
                let case = visible_case(conn, &actor, id)?;
                policy::can_work_on_case(&actor, assignment(&case))?;
                let from = case.stage()?;
                let reopening = !from.is_open();
                if reopening
                    || matches!(
                        to,
                        CaseStage::Withdrawn | CaseStage::Closed | CaseStage::Declined
                    )
                {
                    policy::can_close_case(&actor)?;
                }
                let kind = match case.kind() {
                    Some(kind) => kind,
                    // Before the claim's kind is known only the shared intake stages apply.
                    None if to.belongs_to(ClaimKind::Defensive)
                        && to.belongs_to(ClaimKind::CredibleFear) =>
                    {
                        ClaimKind::Affirmative
                    }
                    None => return Err(AppError::Conflict(Message::new("case-kind-required"))),
                };
                let checked = if reopening {
                    case_stage::check_reopen(kind, from, to)
                } else {
                    case_stage::check_transition(kind, from, to)
                };
                checked.map_err(AppError::Conflict)?;
                if matches!(to, CaseStage::Consultation | CaseStage::Retained)
                    && case.conflict_status != "clear"
                {
                    return Err(AppError::Conflict(Message::new("case-conflict-unresolved")));
                }
                let now_db = clock::to_db(now);
                let closed_at = (!to.is_open()).then_some(now_db);
                db::cases::set_stage(conn, id, to, closed_at, now_db)?;
                db::cases::record_stage_change(
                    conn,
                    id,
                    Some(from),
                    to,
                    Some(actor.id),
                    &note,
                    now_db,
                )?;
                // The note stays in the stage history; the append-only log gets no free text.
                audit.record(
                    conn,
                    "case.stage_changed",
                    case_target(id),
                    json!({ "from": from, "to": to, "with_note": !note.is_empty() }),
                )?;
                refresh_deadlines(conn, id, today)?;
                Ok(to)
            })
        })
        .await
}

/// The lawyer's conclusion after the conflict check: clear, or a conflict with its reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConflictOutcome {
    Clear,
    Conflict(String),
}

pub async fn record_conflict_check(
    state: &AppState,
    actor: &Staff,
    id: uuid::Uuid,
    outcome: ConflictOutcome,
    address: Option<String>,
) -> Result<(), AppError> {
    policy::can_edit_case_file(actor)?;
    if let ConflictOutcome::Conflict(reason) = &outcome
        && reason.trim().is_empty()
    {
        let mut errors = crate::error::FieldErrors::default();
        errors.push("reason", Message::new("validation-required"));
        return Err(AppError::Validation(errors));
    }
    let now = state.now();
    let audit = AuditContext::new(Some(actor.id), address, now);
    let actor = actor.clone();
    state
        .db
        .run(move |conn| {
            write_transaction(conn, |conn| {
                visible_case(conn, &actor, id)?;
                let (status, note) = match &outcome {
                    ConflictOutcome::Clear => ("clear", String::new()),
                    ConflictOutcome::Conflict(reason) => ("conflict", reason.trim().to_string()),
                };
                db::cases::record_conflict_check(
                    conn,
                    id,
                    status,
                    &note,
                    actor.id,
                    clock::to_db(now),
                )?;
                audit.record(
                    conn,
                    "case.conflict_checked",
                    case_target(id),
                    json!({ "outcome": status }),
                )?;
                Ok(())
            })
        })
        .await
}
