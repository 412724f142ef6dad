//! Working a case: opening the file (every read is audited), stage changes, the conflict
//! check's outcome, and keeping the computed deadlines current.

use chrono::{NaiveDate, NaiveDateTime};
use serde_json::json;

use super::audit::{self, AuditContext, AuditEntries};
use super::case_access::{assignment, reader_case};
use super::notifications::Notifier;
use crate::auth::policy;
use crate::clock;
use crate::db::case_work::{CaseEventRow, ChecklistRow, ClockStopRow, NoteRow};
use crate::db::cases::{CaseRow, StageChange};
use crate::db::i589_overrides::{NewOverride, OverrideRow};
use crate::db::{self, DbConnection, office_settings, write_transaction};
use crate::domain::audit::AuditAction;
use crate::domain::case_file::{self, Appointment, CaseFacts};
use crate::domain::case_stage::{self, CaseStage, ClaimKind};
use crate::domain::case_work::{
    self, ChecklistUpdate, ClockChange, KeyDates, NewCaseEvent, NewChecklistItem,
};
use crate::domain::deadlines::{Deadline, FilingException};
use crate::domain::i589;
use crate::domain::ids;
use crate::domain::intake::Intake;
use crate::domain::staff::Staff;
use crate::error::{AppError, Message};
use crate::state::AppState;

/// The office's date: deadlines are days in the office's time zone, not in UTC.
pub fn today(state: &AppState) -> NaiveDate {
    local_now(state).date()
}

/// The office's wall-clock time: hearings and appointments are kept in local time.
pub fn local_now(state: &AppState) -> NaiveDateTime {
    state
        .now()
        .with_timezone(&state.settings.office.time_zone)
        .naive_local()
}

pub fn case_target(id: uuid::Uuid) -> Option<(&'static str, String)> {
    Some(("case", id.to_string()))
}

/// The recorded hearings, interviews and biometrics appointments and EAD clock stops, in the
/// form the deadline rules take them.
struct Schedule {
    events: Vec<Appointment>,
    ead_stops: Vec<(NaiveDate, Option<NaiveDate>)>,
}

impl Schedule {
    fn of(events: &[CaseEventRow], stops: &[ClockStopRow]) -> Self {
        Self {
            events: events
                .iter()
                .filter_map(|e| {
                    Some(Appointment {
                        kind: e.kind()?,
                        on: e.scheduled_at.date(),
                        outcome_recorded: !e.outcome.trim().is_empty(),
                    })
                })
                .collect(),
            ead_stops: stops
                .iter()
                .map(|s| (s.stopped_on, s.restarted_on))
                .collect(),
        }
    }

    fn load(conn: &mut DbConnection, case_id: uuid::Uuid) -> Result<Self, AppError> {
        let events = db::case_work::events(conn, case_id)?;
        let stops = db::case_work::clock_stops(conn, case_id)?;
        Ok(Self::of(&events, &stops))
    }
}

fn filing_exception(row: &CaseRow) -> Option<FilingException> {
    row.one_year_exception
        .as_deref()
        .and_then(|kind| serde_json::from_value(json!(kind)).ok())
        .zip(row.one_year_exception_until)
        .map(|(kind, until)| FilingException {
            kind,
            reasonable_period_ends: until,
        })
}

/// The dates entered on a case, as stored.
pub fn key_dates(row: &CaseRow) -> KeyDates {
    KeyDates {
        i589_filed_on: row.i589_filed_on,
        i589_received_on: row.i589_received_on,
        filing_exception: filing_exception(row),
        ij_decision_on: row.ij_decision_on,
        appeal_filed_on: row.appeal_filed_on,
        granted_on: row.granted_on,
        court_verified_on: row.court_verified_on,
        i765_filed_on: row.i765_filed_on,
        re_parole_filed_on: row.re_parole_filed_on,
        i730_filed_on: row.i730_filed_on,
        i485_filed_on: row.i485_filed_on,
    }
}

/// The facts the deadlines depend on, as stored.
fn facts_of<'a>(row: &CaseRow, intake: &'a Intake, schedule: Schedule) -> CaseFacts<'a> {
    CaseFacts {
        intake: Some(intake),
        stage: row.stage().ok(),
        kind: row.kind(),
        dates: key_dates(row),
        ead_stops: schedule.ead_stops,
        events: schedule.events,
    }
}

/// The case's deadlines as of `today`.
pub fn compute_deadlines(
    conn: &mut DbConnection,
    row: &CaseRow,
    today: NaiveDate,
) -> Result<Vec<Deadline>, AppError> {
    let intake = db::clients::load(conn, row.client_id.0)?.unwrap_or_default();
    deadlines_of(conn, row, &intake, today)
}

fn deadlines_of(
    conn: &mut DbConnection,
    row: &CaseRow,
    intake: &Intake,
    today: NaiveDate,
) -> Result<Vec<Deadline>, AppError> {
    let schedule = Schedule::load(conn, row.id.0)?;
    Ok(case_file::deadlines(
        &facts_of(row, intake, schedule),
        today,
    ))
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

/// [`refresh_deadlines`] after the client's part of the file was saved as `intake`, in the
/// same transaction: the intake in hand is what reading it back would give.
pub fn refresh_deadlines_of_intake(
    conn: &mut DbConnection,
    case_id: uuid::Uuid,
    intake: &Intake,
    today: NaiveDate,
) -> Result<(), AppError> {
    let row = db::cases::find(conn, case_id)?.ok_or(AppError::NotFound)?;
    let deadlines = deadlines_of(conn, &row, intake, today)?;
    db::cases::replace_deadlines(conn, case_id, &deadlines)?;
    Ok(())
}

/// The version of the deadline rules (`docs/deadlines.md`). Raise it with any change to them:
/// the next start then recomputes every case's stored deadlines under the rules in force.
pub const DEADLINE_RULES_VERSION: &str = "2";

/// Cases recomputed per transaction, so a large office's first start commits as it goes.
const RECOMPUTE_CHUNK: usize = 200;

/// Recomputes every case's stored deadlines when they were computed under other rules;
/// returns how many cases were recomputed (none when the rules are current).
pub fn refresh_deadlines_under_current_rules(
    conn: &mut DbConnection,
    today: NaiveDate,
) -> Result<usize, AppError> {
    let version = office_settings::value(conn, office_settings::DEADLINE_RULES)?;
    if version.as_deref() == Some(DEADLINE_RULES_VERSION) {
        return Ok(0);
    }
    let ids = db::cases::ids(conn)?;
    for chunk in ids.chunks(RECOMPUTE_CHUNK) {
        write_transaction(conn, |conn| {
            chunk
                .iter()
                .try_for_each(|&id| refresh_deadlines(conn, id, today))
        })?;
    }
    write_transaction(conn, |conn| {
        office_settings::set_value(
            conn,
            office_settings::DEADLINE_RULES,
            DEADLINE_RULES_VERSION,
        )
    })?;
    Ok(ids.len())
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
    /// The latest entries of the case's audit trail.
    pub audit_trail: AuditEntries,
    /// Hearings, interviews and biometrics, soonest first.
    pub events: Vec<CaseEventRow>,
    pub ead_stops: Vec<ClockStopRow>,
    pub checklist: Vec<ChecklistRow>,
    /// Newest first.
    pub notes: Vec<NoteRow>,
    pub can_work: bool,
    pub can_edit: bool,
    /// Close, withdraw, decline or reopen.
    pub can_close: bool,
    pub can_purge: bool,
    /// File the I-589 with items missing, giving a reason ([`policy::can_override_i589_check`]).
    pub can_override_i589_check: bool,
    /// Filings made with items missing, oldest first.
    pub i589_overrides: Vec<OverrideRow>,
    /// The client's answers waiting for review, oldest first: only for a reader who may
    /// read them ([`policy::can_read_revisions`]).
    pub pending_revisions: Vec<super::revisions::PendingRevision>,
    pub today: NaiveDate,
    /// The office's local time, to tell which events have happened.
    pub now: NaiveDateTime,
}

/// The case file's intake as the case page and the I-589 check read it: the client's
/// answers, with the claim's kind and staff as the case records them.
fn case_intake(conn: &mut DbConnection, case: &CaseRow) -> Result<Intake, AppError> {
    let mut intake = db::clients::load(conn, case.client_id.0)?.unwrap_or_default();
    intake.claim.kind = case.kind();
    intake.claim.lawyer_id = case.lawyer();
    intake.claim.paralegal_id = case.paralegal();
    Ok(intake)
}

/// Opens a case file: reads it in a read transaction (no write lock), checked against the
/// reader's scope, then commits its `case.viewed` entry — together with those of concurrent
/// reads — before returning it: a file whose entry cannot be committed is never sent. The
/// trail on the page is read before this view is on record, so it shows the views before it.
pub async fn open(
    state: &AppState,
    actor: &Staff,
    id: uuid::Uuid,
    address: Option<String>,
) -> Result<CaseFile, AppError> {
    let now = local_now(state);
    let today = now.date();
    let audit = AuditContext::new(Some(actor.id), address, state.now());
    let actor = actor.clone();
    let file = state
        .db
        .read(move |conn| {
            let scope = db::scope::load(conn, &actor)?;
            let db::cases::AssignedCase {
                case,
                lawyer,
                paralegal,
            } = db::cases::find_with_assigned(conn, id)?.ok_or(AppError::NotFound)?;
            policy::can_view_case(&scope, assignment(&case))?;
            let intake = case_intake(conn, &case)?;
            let events = db::case_work::events(conn, id)?;
            let ead_stops = db::case_work::clock_stops(conn, id)?;
            let deadlines = case_file::deadlines(
                &facts_of(&case, &intake, Schedule::of(&events, &ead_stops)),
                today,
            );
            let stage = case.stage()?;
            let allowed_next = match case.kind() {
                Some(kind) if stage.is_open() => case_stage::allowed_next(kind, stage),
                Some(kind) => case_stage::reopen_targets(kind, stage),
                None => case_stage::allowed_next(ClaimKind::Affirmative, stage)
                    .into_iter()
                    .filter(|s| {
                        s.belongs_to(ClaimKind::Defensive) && s.belongs_to(ClaimKind::CredibleFear)
                    })
                    .collect(),
            };
            Ok(CaseFile {
                lawyer,
                paralegal,
                history: db::cases::stage_history(conn, id)?,
                audit_trail: audit::latest_of_case(conn, &case)?,
                checklist: db::case_work::checklist(conn, id)?,
                notes: db::case_work::notes(conn, id)?,
                events,
                ead_stops,
                can_work: policy::can_work_on_case(&actor, assignment(&case)).is_ok(),
                can_edit: policy::can_edit_case_file(&actor).is_ok(),
                can_close: policy::can_close_case(&actor).is_ok(),
                can_purge: policy::can_purge_case(&actor).is_ok(),
                can_override_i589_check: policy::can_override_i589_check(&actor).is_ok(),
                i589_overrides: db::i589_overrides::of_case(conn, id)?,
                pending_revisions: super::revisions::pending_for(conn, &actor, &case)?,
                allowed_next,
                deadlines,
                intake,
                case,
                today,
                now,
            })
        })
        .await?;
    audit::record_read(
        state,
        audit.pending(AuditAction::CaseViewed, case_target(id), json!({})),
    )
    .await?;
    Ok(file)
}

/// The longest stage note or override reason.
const MAX_STAGE_TEXT: usize = 2_000;

/// Records a problem with a stage form's free text at its field.
fn check_stage_text(errors: &mut crate::error::FieldErrors, field: &str, text: &str) {
    if text.chars().count() > MAX_STAGE_TEXT {
        errors.push(
            field,
            Message::new("validation-too-long").with("max", MAX_STAGE_TEXT),
        );
    } else if let Err(message) = crate::domain::text::check_block(text) {
        errors.push(field, message);
    }
}

/// Moves a case to another stage, if the claim's kind allows it and the actor may.
///
/// A move to `filed` is refused while the I-589 completeness check finds items missing
/// ([`AppError::I589Incomplete`], with the items), unless a lawyer gives a reason for filing
/// anyway (`override_reason`, [`policy::can_override_i589_check`]): the override is then
/// stored with the missing items' numbers and audited in the same transaction. A reason from
/// anyone else is refused (403) whatever the stage; a blank one is no reason; a reason on a
/// move that the check does not stop is not recorded.
pub async fn transition(
    state: &AppState,
    actor: &Staff,
    id: uuid::Uuid,
    to: CaseStage,
    note: String,
    override_reason: Option<String>,
    address: Option<String>,
) -> Result<CaseStage, AppError> {
    let note = note.trim().to_string();
    let reason = override_reason
        .map(|r| r.trim().to_string())
        .filter(|r| !r.is_empty());
    let today = today(state);
    let now = state.now();
    let audit = AuditContext::new(Some(actor.id), address, now);
    let notifier = Notifier::of(state);
    let actor = actor.clone();
    state
        .db
        .run(move |conn| {
            write_transaction(conn, |conn| {
                let (_, case) = reader_case(conn, &actor, id)?;
                policy::can_work_on_case(&actor, assignment(&case))?;
                if reason.is_some() {
                    policy::can_override_i589_check(&actor)?;
                }
                let mut errors = crate::error::FieldErrors::default();
                check_stage_text(&mut errors, "note", &note);
                if let Some(reason) = &reason {
                    check_stage_text(&mut errors, "override_reason", reason);
                }
                errors.into_result()?;
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
                let overridden = if to == CaseStage::Filed {
                    i589_gaps(conn, &case, today, reason.as_deref())?
                } else {
                    None
                };
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
                    AuditAction::CaseStageChanged,
                    case_target(id),
                    json!({ "from": from, "to": to, "with_note": !note.is_empty() }),
                )?;
                if let Some((missing, reason)) = overridden {
                    db::i589_overrides::insert(
                        conn,
                        &NewOverride {
                            case_id: id,
                            by: actor.id,
                            at: now_db,
                            missing_items: &missing,
                            reason,
                        },
                    )?;
                    // Item numbers name boxes of the form, never what is (not) in them; the
                    // reason stays sealed in its table.
                    audit.record(
                        conn,
                        AuditAction::CaseI589CheckOverridden,
                        case_target(id),
                        json!({ "missing_count": missing.len(), "missing_items": missing }),
                    )?;
                }
                refresh_deadlines(conn, id, today)?;
                notifier.stage_changed(conn, &case, from, to, actor.id)?;
                Ok(to)
            })
        })
        .await
}

/// The I-589 check before a filing, on the intake as this transaction reads it: `None` when
/// nothing is missing; the missing items' numbers and the reason when a lawyer overrides;
/// otherwise the refusal with the missing items.
fn i589_gaps<'r>(
    conn: &mut DbConnection,
    case: &CaseRow,
    today: NaiveDate,
    reason: Option<&'r str>,
) -> Result<Option<(Vec<String>, &'r str)>, AppError> {
    let intake = case_intake(conn, case)?;
    let check = i589::check(&i589::Facts {
        intake: &intake,
        today,
        filed_on: case.i589_filed_on,
    });
    if check.is_complete() {
        return Ok(None);
    }
    let Some(reason) = reason else {
        return Err(AppError::I589Incomplete(Box::new(check)));
    };
    let numbers = check
        .missing
        .iter()
        .flat_map(|(_, items)| items.iter().map(|item| item.number.clone()))
        .collect();
    Ok(Some((numbers, reason)))
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
    if let ConflictOutcome::Conflict(reason) = &outcome
        && let Err(message) = crate::domain::text::check_block(reason)
    {
        let mut errors = crate::error::FieldErrors::default();
        errors.push("reason", message);
        return Err(AppError::Validation(errors));
    }
    let now = state.now();
    let audit = AuditContext::new(Some(actor.id), address, now);
    let actor = actor.clone();
    state
        .db
        .run(move |conn| {
            write_transaction(conn, |conn| {
                reader_case(conn, &actor, id)?;
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
                    AuditAction::CaseConflictChecked,
                    case_target(id),
                    json!({ "outcome": status }),
                )?;
                Ok(())
            })
        })
        .await
}

// ---------------------------------------------------------------------------------------------
// Working a case: key dates, hearings and appointments, the EAD clock, the checklist and notes.
// Lawyers, admins and the paralegal assigned to the case make these changes; each is audited
// in its transaction with what changed (never free text or names: the audit log is
// append-only and outlives a retention purge), and the deadlines are recomputed with it.

/// What a change of a case gets to work with.
struct Work {
    case: CaseRow,
    audit: AuditContext,
    now: chrono::NaiveDateTime,
    today: NaiveDate,
    changed: std::cell::Cell<bool>,
}

impl Work {
    /// Audits a change to the case; the case then counts as updated.
    fn record(
        &self,
        conn: &mut DbConnection,
        action: AuditAction,
        details: serde_json::Value,
    ) -> Result<(), AppError> {
        self.audit
            .record(conn, action, case_target(self.case.id.0), details)?;
        self.changed.set(true);
        Ok(())
    }
}

/// Runs `change` on a case the actor may work on, in one write transaction that also marks
/// the case as updated when the change recorded something ([`Work::record`]): saving a form
/// unchanged neither writes to the audit log nor makes a quiet case look worked on.
async fn work_on<T, F>(
    state: &AppState,
    actor: &Staff,
    id: uuid::Uuid,
    address: Option<String>,
    change: F,
) -> Result<T, AppError>
where
    T: Send + 'static,
    F: FnOnce(&mut DbConnection, &Staff, &Work) -> Result<T, AppError> + Send + 'static,
{
    let now = state.now();
    let today = today(state);
    let audit = AuditContext::new(Some(actor.id), address, now);
    let actor = actor.clone();
    state
        .db
        .run(move |conn| {
            write_transaction(conn, |conn| {
                let (_, case) = reader_case(conn, &actor, id)?;
                policy::can_work_on_case(&actor, assignment(&case))?;
                let work = Work {
                    case,
                    audit,
                    now: clock::to_db(now),
                    today,
                    changed: std::cell::Cell::new(false),
                };
                let done = change(conn, &actor, &work)?;
                if work.changed.get() {
                    db::cases::touch(conn, id, work.now)?;
                }
                Ok(done)
            })
        })
        .await
}

/// Answers 404 or 403 unless the actor may work on the case; a form's problems are shown
/// only to someone who may submit it.
pub async fn check_can_work(
    state: &AppState,
    actor: &Staff,
    id: uuid::Uuid,
) -> Result<(), AppError> {
    let actor = actor.clone();
    state
        .db
        .run(move |conn| {
            let (_, case) = reader_case(conn, &actor, id)?;
            policy::can_work_on_case(&actor, assignment(&case))
        })
        .await
}

fn invalid(field: &str, key: &'static str) -> AppError {
    let mut errors = crate::error::FieldErrors::default();
    errors.push(field, Message::new(key));
    AppError::Validation(errors)
}

/// Replaces the case's key dates. The one-year exception is the lawyer's judgment: only
/// lawyers and admins may record, change or remove it.
pub async fn set_key_dates(
    state: &AppState,
    actor: &Staff,
    id: uuid::Uuid,
    dates: KeyDates,
    address: Option<String>,
) -> Result<(), AppError> {
    work_on(state, actor, id, address, move |conn, actor, work| {
        let before = key_dates(&work.case);
        if before == dates {
            return Ok(());
        }
        if before.filing_exception != dates.filing_exception {
            policy::can_edit_case_file(actor)?;
        }
        db::case_work::set_key_dates(conn, id, &dates, work.now)?;
        let changed: serde_json::Map<String, serde_json::Value> = before
            .fields()
            .into_iter()
            .zip(dates.fields())
            .filter(|((_, old), (_, new))| old != new)
            .map(|((field, old), (_, new))| {
                (field.to_string(), json!({ "before": old, "after": new }))
            })
            .collect();
        work.record(
            conn,
            AuditAction::CaseDatesChanged,
            json!({ "fields": changed }),
        )?;
        refresh_deadlines(conn, id, work.today)?;
        Ok(())
    })
    .await
}

/// Records a hearing, interview or biometrics appointment; returns its id.
pub async fn add_event(
    state: &AppState,
    actor: &Staff,
    id: uuid::Uuid,
    event: NewCaseEvent,
    address: Option<String>,
) -> Result<uuid::Uuid, AppError> {
    work_on(state, actor, id, address, move |conn, _, work| {
        let event_id = record_event(conn, &work.audit, id, &event)?;
        work.changed.set(true);
        refresh_deadlines(conn, id, work.today)?;
        Ok(event_id)
    })
    .await
}

/// Records an event on a case with its audit entry, inside the caller's transaction (the
/// case page, the API and triage all record events this way); the caller refreshes the
/// case's deadlines.
pub(crate) fn record_event(
    conn: &mut DbConnection,
    audit: &AuditContext,
    case_id: uuid::Uuid,
    event: &NewCaseEvent,
) -> Result<uuid::Uuid, AppError> {
    let event_id = ids::new_row_id();
    db::case_work::insert_event(conn, event_id, case_id, event)?;
    // Place and official are names: they stay out of the log.
    audit.record(
        conn,
        AuditAction::CaseEventAdded,
        case_target(case_id),
        json!({
            "event_id": event_id,
            "kind": event.kind,
            "on": event.scheduled_at.date(),
        }),
    )?;
    Ok(event_id)
}

/// Removes a hearing or appointment entered by mistake or cancelled.
pub async fn remove_event(
    state: &AppState,
    actor: &Staff,
    id: uuid::Uuid,
    event_id: uuid::Uuid,
    address: Option<String>,
) -> Result<(), AppError> {
    work_on(state, actor, id, address, move |conn, _, work| {
        let removed = db::case_work::delete_event(conn, id, event_id)?.ok_or(AppError::NotFound)?;
        work.record(
            conn,
            AuditAction::CaseEventRemoved,
            json!({
                "event_id": event_id,
                "kind": removed.kind,
                "on": removed.scheduled_at.date(),
            }),
        )?;
        refresh_deadlines(conn, id, work.today)?;
        Ok(())
    })
    .await
}

/// Records what happened at a hearing, interview or appointment that has taken place, or
/// corrects what was recorded.
pub async fn record_event_outcome(
    state: &AppState,
    actor: &Staff,
    id: uuid::Uuid,
    event_id: uuid::Uuid,
    outcome: String,
    address: Option<String>,
) -> Result<(), AppError> {
    // Events are kept in local time; `work.now` is UTC.
    let office_now = local_now(state);
    work_on(state, actor, id, address, move |conn, _, work| {
        let event = db::case_work::find_event(conn, id, event_id)?.ok_or(AppError::NotFound)?;
        if !case_work::has_happened(event.scheduled_at, office_now) {
            return Err(invalid("outcome", "validation-event-not-happened"));
        }
        if event.outcome == outcome {
            return Ok(());
        }
        db::case_work::set_event_outcome(conn, id, event_id, &outcome)?;
        // What happened is narrative: it stays out of the log.
        work.record(
            conn,
            AuditAction::CaseEventOutcomeRecorded,
            json!({
                "event_id": event_id,
                "kind": event.kind,
                "on": event.scheduled_at.date(),
                "corrected": !event.outcome.is_empty(),
            }),
        )?;
        Ok(())
    })
    .await
}

/// Stops the EAD clock for an applicant-caused delay, or starts it again. The clock runs
/// from the day the I-589 was received or lodged; one stop is open at a time.
pub async fn change_ead_clock(
    state: &AppState,
    actor: &Staff,
    id: uuid::Uuid,
    change: ClockChange,
    address: Option<String>,
) -> Result<(), AppError> {
    work_on(state, actor, id, address, move |conn, _, work| {
        let Some(started) = work.case.i589_received_on else {
            return Err(AppError::Conflict(Message::new("case-ead-not-started")));
        };
        let open = db::case_work::clock_stops(conn, id)?
            .into_iter()
            .find(|stop| stop.restarted_on.is_none());
        match (change, open) {
            (ClockChange::Stop { .. }, Some(_)) => {
                Err(AppError::Conflict(Message::new("case-ead-already-stopped")))
            }
            (ClockChange::Stop { on, .. }, None) if on < started => {
                Err(invalid("on", "validation-ead-stop-before-start"))
            }
            (ClockChange::Stop { on, reason }, None) => {
                let stop_id = ids::new_row_id();
                db::case_work::insert_clock_stop(conn, stop_id, id, on, &reason)?;
                work.record(
                    conn,
                    AuditAction::CaseEadClockStopped,
                    json!({ "stop_id": stop_id, "on": on }),
                )?;
                refresh_deadlines(conn, id, work.today)
            }
            (ClockChange::Restart { .. }, None) => {
                Err(AppError::Conflict(Message::new("case-ead-not-stopped")))
            }
            (ClockChange::Restart { on }, Some(stop)) if on < stop.stopped_on => {
                Err(invalid("on", "validation-ead-restart-before-stop"))
            }
            (ClockChange::Restart { on }, Some(stop)) => {
                db::case_work::restart_clock(conn, stop.id.0, on)?;
                work.record(
                    conn,
                    AuditAction::CaseEadClockRestarted,
                    json!({ "stop_id": stop.id.0, "on": on }),
                )?;
                refresh_deadlines(conn, id, work.today)
            }
        }
    })
    .await
}

/// Adds a document to the case's checklist; returns the item's id.
pub async fn add_checklist_item(
    state: &AppState,
    actor: &Staff,
    id: uuid::Uuid,
    item: NewChecklistItem,
    address: Option<String>,
) -> Result<uuid::Uuid, AppError> {
    work_on(state, actor, id, address, move |conn, _, work| {
        let item_id = ids::new_row_id();
        db::case_work::insert_checklist_item(conn, item_id, id, &item, work.now)?;
        work.record(
            conn,
            AuditAction::CaseChecklistItemAdded,
            json!({
                "item_id": item_id,
                "status": item.status,
                "with_note": !item.note.is_empty(),
            }),
        )?;
        Ok(item_id)
    })
    .await
}

/// Changes a checklist item's status and note.
pub async fn update_checklist_item(
    state: &AppState,
    actor: &Staff,
    id: uuid::Uuid,
    item_id: uuid::Uuid,
    update: ChecklistUpdate,
    address: Option<String>,
) -> Result<(), AppError> {
    work_on(state, actor, id, address, move |conn, _, work| {
        let before =
            db::case_work::find_checklist_item(conn, id, item_id)?.ok_or(AppError::NotFound)?;
        let status_changed = before.status() != update.status;
        let note_changed = before.note != update.note;
        if !status_changed && !note_changed {
            return Ok(());
        }
        db::case_work::update_checklist_item(conn, item_id, &update, work.now)?;
        let mut details = json!({ "item_id": item_id });
        if status_changed {
            details["status"] = json!({ "before": before.status(), "after": update.status });
        }
        if note_changed {
            details["note"] = json!({ "changed": true });
        }
        work.record(conn, AuditAction::CaseChecklistItemUpdated, details)?;
        Ok(())
    })
    .await
}

/// Adds a note to the case; returns its id.
pub async fn add_note(
    state: &AppState,
    actor: &Staff,
    id: uuid::Uuid,
    body: String,
    address: Option<String>,
) -> Result<uuid::Uuid, AppError> {
    work_on(state, actor, id, address, move |conn, actor, work| {
        let note_id = ids::new_row_id();
        db::case_work::insert_note(conn, note_id, id, actor.id, &body, work.now)?;
        work.record(
            conn,
            AuditAction::CaseNoteAdded,
            json!({ "note_id": note_id }),
        )?;
        Ok(note_id)
    })
    .await
}

/// Deletes a client's file for the retention policy (admins only): the client, the case and
/// everything recorded on them, its mail and held forms (`retention::erase`). `confirmation`
/// must be the case's reference, typed. The audit entry keeps the reference and nothing
/// else; earlier entries stay as they are.
pub async fn purge(
    state: &AppState,
    actor: &Staff,
    id: uuid::Uuid,
    confirmation: &str,
    address: Option<String>,
) -> Result<String, AppError> {
    policy::can_purge_case(actor)?;
    let confirmation = confirmation.trim().to_string();
    let audit = AuditContext::new(Some(actor.id), address, state.now());
    let actor = actor.clone();
    state
        .db
        .run(move |conn| {
            write_transaction(conn, |conn| {
                let (_, case) = reader_case(conn, &actor, id)?;
                if !confirmation.eq_ignore_ascii_case(&case.reference) {
                    return Err(invalid("confirm", "validation-purge-confirm"));
                }
                super::retention::erase(conn, &audit, id, case.client_id.0, &case.reference)?;
                Ok(case.reference)
            })
        })
        .await
}
