//! Refuge's demo data, kept out of the production server: `refuge demo` (a demo office on
//! its own database, [`office`]) and `refuge demo-data` (add or remove demo data, [`cli`]).
//! The `refuge` command hands both over to this crate's `refuge-demo` program.
//!
//! [`generate`] makes the case files — pure, deterministic for a seed and a day; [`load`]
//! writes them with the db-layer functions and helpers the services use (clients, cases,
//! stage history, conflict check, key dates, hearings, checklist, notes, the name index,
//! deadlines, the audit log), many cases per write transaction and, on PostgreSQL, several
//! writers at once, so that 100,000 clients load in minutes rather than hours. Every staff
//! account, client and case it creates is marked in `demo_records` ([`records`]): it writes
//! only into a database holding nothing else, and `--remove` deletes exactly those.

pub mod cli;
mod events;
pub mod generate;
pub mod office;
pub mod people;
pub mod records;

use std::time::Instant;

use anyhow::Context;
use chrono::{Datelike, NaiveDate};
use diesel::QueryResult;
use diesel::connection::SimpleConnection;
use refuge::clock;
use refuge::db::{self, Db, DbConnection, write_transaction};
use refuge::domain::audit::AuditAction;
use refuge::domain::ids::new_row_id;
use refuge::domain::staff::{Role, Staff};
use refuge::error::AppError;
use refuge::operator::explain;
use refuge::services::audit::AuditContext;
use refuge::services::cases::{case_target, refresh_deadlines};
use refuge::services::staff::{NewStaffMember, create_as};
use refuge::state::AppState;
use serde_json::json;

use self::generate::{DemoCase, Roster};
use self::records::Kind;

/// What the loader is asked to do.
#[derive(Debug, Clone)]
pub struct DemoOptions {
    pub clients: u32,
    pub seed: u64,
    pub today: NaiveDate,
    pub batch_size: u32,
    /// Concurrent writers (connections); more than one helps PostgreSQL, not SQLite.
    pub writers: usize,
    /// For demo staff accounts that have to be created; `None` issues invitation links.
    pub staff_password: Option<String>,
}

/// A staff account the loader created.
#[derive(Debug, Clone)]
pub struct CreatedStaff {
    pub staff: Staff,
    pub invitation: Option<String>,
}

/// How far the load has got.
#[derive(Debug, Clone, Copy)]
pub struct Progress {
    pub done: u32,
    pub total: u32,
    pub stage_changes: u64,
    pub elapsed: std::time::Duration,
}

#[derive(Debug, Clone)]
pub struct DemoReport {
    pub clients: u32,
    pub stage_changes: u64,
    pub created_staff: Vec<CreatedStaff>,
    pub elapsed: std::time::Duration,
}

/// The demo staff: the demo accounts already there, and a few more (and an admin) where a
/// role has nobody. The office's own staff are never given demo cases.
pub async fn ensure_staff(
    state: &AppState,
    password: Option<&str>,
) -> Result<(Roster, Vec<CreatedStaff>), AppError> {
    let demo_staff = || async {
        state
            .db
            .run(|conn| {
                let ids = records::staff_ids(conn)?;
                let mut staff = db::staff::list(conn)?;
                staff.retain(|s| s.active && ids.contains(&s.id.as_uuid()));
                Ok(staff)
            })
            .await
    };
    let existing = demo_staff().await?;
    let has = |role: Role| existing.iter().any(|s| s.role == role);
    let mut wanted: Vec<(Role, &str, &str)> = Vec::new();
    if !has(Role::Admin) {
        wanted.push((Role::Admin, people::DEMO_ADMIN.0, people::DEMO_ADMIN.1));
    }
    if !has(Role::Lawyer) {
        wanted.extend(
            people::DEMO_LAWYERS
                .iter()
                .map(|(name, local)| (Role::Lawyer, *name, *local)),
        );
    }
    if !has(Role::Paralegal) {
        wanted.extend(
            people::DEMO_PARALEGALS
                .iter()
                .map(|(name, local)| (Role::Paralegal, *name, *local)),
        );
    }
    let mut created = Vec::new();
    for (role, name, local) in wanted {
        let email = format!("{local}@{}", people::DEMO_EMAIL_DOMAIN);
        let new = NewStaffMember::parse(&email, name, role.as_str(), "en", password)
            .map_err(AppError::Validation)?;
        // Marked as demo data just after: its entry stays outside the audit log's chain.
        let audit = AuditContext::new(None, Some("demo-data".into()), state.now()).for_demo_data();
        let (staff, invitation) = create_as(state, audit, new).await?;
        let id = staff.id.as_uuid();
        state
            .db
            .run(move |conn| Ok(records::mark(conn, Kind::Staff, id)?))
            .await?;
        created.push(CreatedStaff { staff, invitation });
    }
    let mut all = demo_staff().await?;
    all.sort_by(|a, b| a.email.cmp(&b.email));
    let roster = Roster {
        lawyers: all
            .iter()
            .filter(|s| s.role == Role::Lawyer)
            .map(|s| s.id)
            .collect(),
        paralegals: all
            .iter()
            .filter(|s| s.role == Role::Paralegal)
            .map(|s| s.id)
            .collect(),
    };
    Ok((roster, created))
}

/// Generates and writes `options.clients` case files; `progress` hears after every batch.
/// Refuses ([`records::NotADemoDatabase`]) a database holding staff, clients or cases that
/// demo-data did not create.
pub async fn load(
    state: &AppState,
    options: DemoOptions,
    progress: impl FnMut(Progress) + Send + 'static,
) -> anyhow::Result<DemoReport> {
    let started = Instant::now();
    let office = state
        .db
        .run(|conn| Ok(records::office_records(conn)?))
        .await
        .map_err(explain)?;
    if !office.is_empty() {
        return Err(records::NotADemoDatabase(office).into());
    }
    // The demo's deadlines are computed under the rules in force: bring any cases already
    // there under them too, which records the rules' version; otherwise the next server
    // start would recompute every demo case before listening.
    let today = options.today;
    state
        .db
        .run(move |conn| {
            refuge::services::cases::refresh_deadlines_under_current_rules(conn, today)
        })
        .await
        .map_err(explain)?;
    let (roster, created_staff) = ensure_staff(state, options.staff_password.as_deref())
        .await
        .map_err(explain)?;
    let total = options.clients;
    let batch_size = options.batch_size.max(1);
    let (seed, today) = (options.seed, options.today);
    let audit = AuditContext::new(None, Some("demo-data".into()), state.now());
    let writers = options.writers.max(1);
    let db = state.db.clone();
    let stage_changes = state
        .db
        .run(move |conn| {
            let mut progress = progress;
            // Generation runs on its own thread, a batch ahead of the writers.
            let (generated, batches) = std::sync::mpsc::sync_channel::<Vec<DemoCase>>(2);
            let generator_roster = roster.clone();
            let generator = std::thread::spawn(move || {
                let mut start = 0u32;
                while start < total {
                    let end = start.saturating_add(batch_size).min(total);
                    let batch = (start..end)
                        .map(|i| generate::generate(seed, u64::from(i), today, &generator_roster))
                        .collect();
                    if generated.send(batch).is_err() {
                        return;
                    }
                    start = end;
                }
            });
            let (work, queue) = std::sync::mpsc::sync_channel::<Batch>(writers);
            let queue = std::sync::Mutex::new(queue);
            let (report, results) = std::sync::mpsc::channel::<Result<(u32, u64), AppError>>();
            let loaded = std::thread::scope(|scope| -> Result<u64, AppError> {
                for _ in 0..writers {
                    let (queue, report, db) = (&queue, report.clone(), &db);
                    scope.spawn(move || {
                        if let Err(err) = write_batches(db, queue, today, &report) {
                            let _ = report.send(Err(err));
                            // Keep taking batches so that the coordinator never blocks on a
                            // full queue; it stops at the error.
                            while queue.lock().is_ok_and(|q| q.recv().is_ok()) {}
                        }
                    });
                }
                drop(report);
                let mut done = 0u32;
                let mut stage_changes = 0u64;
                let mut tally = |result: Result<(u32, u64), AppError>| {
                    let (count, rows) = result?;
                    done += count;
                    stage_changes += rows;
                    progress(Progress {
                        done,
                        total,
                        stage_changes,
                        elapsed: started.elapsed(),
                    });
                    Ok::<_, AppError>(done)
                };
                // PostgreSQL plans each writer's foreign-key checks once per connection,
                // against the tables as they were: planned on an empty `cases`, every check
                // reads the whole table and the load slows down as it grows. Fresh
                // statistics at 1,000 clients and then at every doubling replace those plans
                // (seen: 100 clients/s instead of 8 at 30,000).
                let mut analyzed_at = 0u32;
                let mut refresh_statistics = |conn: &mut DbConnection, done: u32| {
                    if matches!(conn, DbConnection::Postgres(_))
                        && done >= analyzed_at.saturating_mul(2).max(1_000)
                    {
                        analyzed_at = done;
                        conn.batch_execute("ANALYZE")?;
                    }
                    Ok::<_, AppError>(())
                };
                for batch in batches {
                    // References are taken here, in generation order, so that they do not
                    // depend on which writer finishes first.
                    let references = write_transaction(conn, |conn| {
                        batch
                            .iter()
                            .map(|case| records::next_reference(conn, case.created_at.year()))
                            .collect::<QueryResult<Vec<String>>>()
                    })?;
                    if work
                        .send(Batch {
                            cases: batch,
                            references,
                        })
                        .is_err()
                    {
                        break;
                    }
                    while let Ok(result) = results.try_recv() {
                        let done = tally(result)?;
                        refresh_statistics(conn, done)?;
                    }
                }
                drop(work);
                for result in results {
                    tally(result)?;
                }
                Ok(stage_changes)
            });
            let stage_changes = loaded?;
            generator
                .join()
                .map_err(|_| AppError::Internal(anyhow::anyhow!("the generator thread failed")))?;
            write_transaction(conn, |conn| {
                audit.record(
                    conn,
                    AuditAction::DemoDataLoaded,
                    None,
                    json!({ "clients": total, "seed": seed, "today": today }),
                )
            })?;
            // A bulk load leaves the query planner without statistics (and PostgreSQL's
            // visibility map unset) until autovacuum comes round — never, where it is off,
            // as on the development machines. Plans at 100,000 clients depend on both.
            let statistics = match conn {
                DbConnection::Postgres(_) => "VACUUM ANALYZE",
                DbConnection::Sqlite(_) => "ANALYZE",
            };
            conn.batch_execute(statistics)?;
            Ok(stage_changes)
        })
        .await
        .map_err(explain)?;
    Ok(DemoReport {
        clients: total,
        stage_changes,
        created_staff,
        elapsed: started.elapsed(),
    })
}

/// Generated cases and the references reserved for them.
struct Batch {
    cases: Vec<DemoCase>,
    references: Vec<String>,
}

/// One writer: takes batches off the queue until it is empty, each in its own transaction
/// on its own connection; reports (cases, stage-history rows) per batch.
fn write_batches(
    db: &Db,
    queue: &std::sync::Mutex<std::sync::mpsc::Receiver<Batch>>,
    today: NaiveDate,
    report: &std::sync::mpsc::Sender<Result<(u32, u64), AppError>>,
) -> Result<(), AppError> {
    let mut conn = db.get()?;
    loop {
        let next = queue
            .lock()
            .map_err(|_| AppError::Internal(anyhow::anyhow!("a writer thread failed")))?
            .recv();
        let Ok(batch) = next else {
            return Ok(());
        };
        let rows = write_transaction(&mut conn, |conn| {
            let mut rows = 0u64;
            for (case, reference) in batch.cases.iter().zip(&batch.references) {
                rows += write_case(conn, case, reference, today)?;
            }
            Ok::<_, AppError>(rows)
        })?;
        if report.send(Ok((batch.cases.len() as u32, rows))).is_err() {
            return Ok(());
        }
    }
}

/// Writes one case file inside the caller's transaction; returns its stage-history rows.
fn write_case(
    conn: &mut DbConnection,
    case: &DemoCase,
    reference: &str,
    today: NaiveDate,
) -> Result<u64, AppError> {
    let intake = &case.intake;
    let created = case.created_at;
    let client_id = new_row_id();
    let case_id = new_row_id();
    db::clients::save(
        conn,
        client_id,
        intake,
        db::clients::SaveAs::New {
            created_by: intake.claim.lawyer_id,
        },
        created,
    )?;
    records::mark(conn, Kind::Client, client_id)?;
    db::cases::insert(
        conn,
        &db::cases::NewCase {
            id: case_id,
            reference,
            client_id,
            kind: intake.claim.kind,
            stage: case.stage(),
            intake_complete: case.intake_complete,
            lawyer: intake.claim.lawyer_id,
            paralegal: intake.claim.paralegal_id,
            web_form: false,
            now: created,
        },
    )?;
    records::mark(conn, Kind::Case, case_id)?;
    for step in &case.history {
        db::cases::record_stage_change(
            conn, case_id, step.from, step.to, step.by, &step.note, step.at,
        )?;
    }
    if let Some(check) = &case.conflict {
        let status = if check.clear { "clear" } else { "conflict" };
        db::cases::record_conflict_check(conn, case_id, status, &check.note, check.by, check.at)?;
    }
    db::case_work::set_key_dates(conn, case_id, &case.key_dates, case.updated_at())?;
    for event in &case.events {
        db::case_work::insert_event(conn, new_row_id(), case_id, event)?;
    }
    for item in &case.checklist {
        db::case_work::insert_checklist_item(conn, new_row_id(), case_id, item, case.updated_at())?;
    }
    for note in &case.notes {
        if let Some(author) = note.by {
            db::case_work::insert_note(conn, new_row_id(), case_id, author, &note.body, note.at)?;
        }
    }
    // Last, so that `updated_at` is the case's last change rather than the load time.
    db::cases::set_stage(
        conn,
        case_id,
        case.stage(),
        case.closed_at(),
        case.updated_at(),
    )?;
    refuge::services::intake::refresh_name_index(conn, client_id, intake)?;
    refresh_deadlines(conn, case_id, today)?;
    AuditContext::new(
        intake.claim.lawyer_id,
        Some("demo-data".into()),
        clock::from_db(created),
    )
    .record(
        conn,
        AuditAction::CaseCreated,
        case_target(case_id),
        json!({
            "reference": reference,
            "intake_complete": case.intake_complete,
            "demo_data": true,
        }),
    )?;
    Ok(case.history.len() as u64)
}

/// Deletes every demo record and what hangs off it ([`records::remove`]) in one transaction,
/// audited as `demo_data.removed`. Refuses ([`records::AssignedToDemoStaff`]), removing
/// nothing, while one of the office's own cases is assigned to a demo staff member.
pub async fn remove(state: &AppState) -> anyhow::Result<records::Removed> {
    let audit = AuditContext::new(None, Some("demo-data".into()), state.now());
    state
        .db
        .run(move |conn| {
            write_transaction(conn, |conn| {
                let assigned = records::office_cases_assigned_to_demo_staff(conn)?;
                if !assigned.is_empty() {
                    return Ok(Err(records::AssignedToDemoStaff(assigned)));
                }
                let removed = records::remove(conn)?;
                audit.record(
                    conn,
                    AuditAction::DemoDataRemoved,
                    None,
                    json!({
                        "staff": removed.staff,
                        "clients": removed.clients,
                        "cases": removed.cases,
                        "audit_entries": removed.audit_entries,
                    }),
                )?;
                Ok(Ok(removed))
            })
        })
        .await
        .map_err(explain)
        .context(
            "removing the demo data (nothing was removed; if the office's own records refer \
             to a demo staff account — a note, a stage change — assign or remove those first)",
        )?
        .map_err(anyhow::Error::from)
}
