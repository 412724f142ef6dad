//! Taking an intake: a new case file, or changes to one, saved as a draft or completed.

use std::collections::BTreeSet;

use serde_json::{Map, Value, json};

use super::audit::AuditContext;
use super::cases::{case_target, refresh_deadlines_of_intake, today};
use super::notifications::{self, Notifier};
use crate::auth::policy;
use crate::clock;
use crate::db::{self, DbConnection};
use crate::domain::audit::{AuditAction, intake_values_logged};
use crate::domain::case_stage::CaseStage;
use crate::domain::ids;
use crate::domain::intake::Intake;
use crate::domain::names;
use crate::domain::staff::{Role, Staff};
use crate::error::{AppError, FieldErrors, Message};
use crate::state::AppState;

/// The case an intake was saved into.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SavedCase {
    pub id: uuid::Uuid,
    pub reference: String,
}

/// Saves an intake: creates the case file when `case_id` is `None`, otherwise replaces the
/// client's part of it and the claim's kind and assignment. A draft may be incomplete;
/// `completing` requires what a finished intake must have. All of it, the search index,
/// the deadlines and the audit entry commit together or not at all.
pub async fn save(
    state: &AppState,
    actor: &Staff,
    case_id: Option<uuid::Uuid>,
    intake: Intake,
    completing: bool,
    address: Option<String>,
) -> Result<SavedCase, AppError> {
    let saving = Saving::new(state, actor, address)?;
    let (saving, checked) = actix_web::web::block(move || {
        let checked = saving.check(case_id, intake, completing)?;
        Ok::<_, AppError>((saving, checked))
    })
    .await
    .map_err(|err| AppError::internal(anyhow::anyhow!("blocking task failed: {err}")))??;
    state.write(move |conn| saving.write(conn, checked)).await
}

/// Who saves an intake, when, and what saving it needs besides the connection: an edit of
/// the file that runs inside a caller's transaction (a client's revision applied) saves
/// through this as the intake page does.
#[derive(Debug, Clone)]
pub struct Saving {
    actor: Staff,
    audit: AuditContext,
    notifier: Notifier,
    today: chrono::NaiveDate,
}

impl Saving {
    /// For an actor the policy lets edit case files.
    pub fn new(state: &AppState, actor: &Staff, address: Option<String>) -> Result<Self, AppError> {
        policy::can_edit_case_file(actor)?;
        Ok(Self {
            actor: actor.clone(),
            audit: AuditContext::new(Some(actor.id), address, state.now()),
            notifier: Notifier::of(state),
            today: today(state),
        })
    }

    /// [`save`] in the caller's transaction.
    pub fn save(
        &self,
        conn: &mut DbConnection,
        case_id: Option<uuid::Uuid>,
        intake: Intake,
        completing: bool,
    ) -> Result<SavedCase, AppError> {
        let checked = self.check(case_id, intake, completing)?;
        self.write(conn, checked)
    }

    /// What saving needs and the database does not: the intake's own checks and, for a new
    /// file, the fields its audit entry lists. [`save`] does this before its write
    /// transaction, so that on SQLite the one writer at a time does not wait on it.
    fn check(
        &self,
        case_id: Option<uuid::Uuid>,
        intake: Intake,
        completing: bool,
    ) -> Result<CheckedIntake, AppError> {
        let intake = intake
            .checked(completing, self.today)
            .map_err(AppError::Validation)?;
        let into = match case_id {
            None => SaveInto::NewFile {
                fields: changes(&Intake::default(), &intake),
            },
            Some(id) => SaveInto::Case(id),
        };
        Ok(CheckedIntake {
            into,
            intake,
            completing,
        })
    }

    /// Writes a checked intake in the caller's transaction.
    fn write(
        &self,
        conn: &mut DbConnection,
        checked: CheckedIntake,
    ) -> Result<SavedCase, AppError> {
        let (today, actor_id) = (self.today, self.actor.id);
        let CheckedIntake {
            into,
            intake,
            completing,
        } = checked;
        check_assignment(conn, &intake)?;
        let now_db = clock::to_db(self.audit.at);
        let (saved, client_id, details, assigned_before) = match into {
            SaveInto::NewFile { fields } => {
                let saved = SavedCase {
                    id: ids::new_row_id(),
                    reference: db::cases::next_reference(conn, chrono::Datelike::year(&today))?,
                };
                let client_id = ids::new_row_id();
                db::clients::save(
                    conn,
                    client_id,
                    &intake,
                    db::clients::SaveAs::New {
                        created_by: Some(actor_id),
                    },
                    now_db,
                )?;
                db::cases::insert(
                    conn,
                    &db::cases::NewCase {
                        id: saved.id,
                        reference: &saved.reference,
                        client_id,
                        kind: intake.claim.kind,
                        stage: CaseStage::Inquiry,
                        intake_complete: completing,
                        lawyer: intake.claim.lawyer_id,
                        paralegal: intake.claim.paralegal_id,
                        web_form: false,
                        now: now_db,
                    },
                )?;
                db::cases::record_stage_change(
                    conn,
                    saved.id,
                    None,
                    CaseStage::Inquiry,
                    Some(actor_id),
                    "",
                    now_db,
                )?;
                let details = json!({
                    "reference": saved.reference,
                    "intake_complete": completing,
                    "fields": fields,
                });
                (
                    saved,
                    client_id,
                    (AuditAction::CaseCreated, details),
                    (None, None),
                )
            }
            SaveInto::Case(id) => {
                let (_, row) = super::case_access::reader_case(conn, &self.actor, id)?;
                let client_id = row.client_id.0;
                let mut before = db::clients::load(conn, client_id)?.ok_or(AppError::NotFound)?;
                before.claim.kind = row.kind();
                before.claim.lawyer_id = row.lawyer();
                before.claim.paralegal_id = row.paralegal();
                // Once complete, an intake stays complete; a later draft save of it
                // still has to pass the completion checks.
                let complete = completing || row.intake_complete;
                if complete && !completing {
                    intake
                        .clone()
                        .checked(true, today)
                        .map_err(AppError::Validation)?;
                }
                db::clients::save(
                    conn,
                    client_id,
                    &intake,
                    db::clients::SaveAs::Existing,
                    now_db,
                )?;
                db::cases::update_claim(
                    conn,
                    id,
                    intake.claim.kind,
                    intake.claim.lawyer_id,
                    intake.claim.paralegal_id,
                    complete,
                    now_db,
                )?;
                let details = json!({
                    "intake_complete": complete,
                    "fields": changes(&before, &intake),
                });
                let assigned_before = (row.lawyer(), row.paralegal());
                (
                    SavedCase {
                        id,
                        reference: row.reference,
                    },
                    client_id,
                    (AuditAction::CaseUpdated, details),
                    assigned_before,
                )
            }
        };
        refresh_name_index(conn, client_id, &intake)?;
        refresh_deadlines_of_intake(conn, saved.id, &intake, today)?;
        self.audit
            .record(conn, details.0, case_target(saved.id), details.1)?;
        let assigned_now = (intake.claim.lawyer_id, intake.claim.paralegal_id);
        let assignees = notifications::new_assignees(assigned_before, assigned_now);
        if !assignees.is_empty() {
            let row = db::cases::find(conn, saved.id)?.ok_or(AppError::NotFound)?;
            for (recipient, role) in assignees {
                self.notifier
                    .case_assigned(conn, &row, recipient, role, actor_id)?;
            }
        }
        Ok(saved)
    }
}

/// An intake that passed its own checks, ready to be written ([`Saving::check`]).
#[derive(Debug)]
struct CheckedIntake {
    into: SaveInto,
    intake: Intake,
    completing: bool,
}

/// The case file a checked intake goes into.
#[derive(Debug)]
enum SaveInto {
    /// A new one, with its audit entry's details worked out already: every field it is
    /// created with.
    NewFile { fields: Value },
    /// An existing one, whose changes are known only once it is read in the transaction.
    Case(uuid::Uuid),
}

/// What the intake page needs to know about the case whose intake it edits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IntakeCase {
    pub id: uuid::Uuid,
    pub reference: String,
    pub intake_complete: bool,
}

/// The case whose intake is about to be changed, if the actor may edit it (no audit entry:
/// nothing of the file is read but its reference).
pub async fn case_for_editing(
    state: &AppState,
    actor: &Staff,
    id: uuid::Uuid,
) -> Result<IntakeCase, AppError> {
    policy::can_edit_case_file(actor)?;
    let actor = actor.clone();
    state
        .db
        .run(move |conn| {
            let (_, row) = super::case_access::reader_case(conn, &actor, id)?;
            Ok(IntakeCase {
                id,
                reference: row.reference,
                intake_complete: row.intake_complete,
            })
        })
        .await
}

/// Every staff account, for the lawyer-of-record and paralegal pickers (inactive ones too,
/// so that a case still assigned to one can say who it is).
pub async fn assignable_staff(state: &AppState, actor: &Staff) -> Result<Vec<Staff>, AppError> {
    policy::can_edit_case_file(actor)?;
    state.db.run(|conn| Ok(db::staff::list(conn)?)).await
}

/// The lawyer of record must be an active lawyer or admin, the paralegal an active paralegal.
fn check_assignment(conn: &mut DbConnection, intake: &Intake) -> Result<(), AppError> {
    let mut errors = FieldErrors::default();
    if let Some(id) = intake.claim.lawyer_id {
        let ok = db::staff::find(conn, id)?
            .is_some_and(|s| s.active && matches!(s.role, Role::Lawyer | Role::Admin));
        if !ok {
            errors.push("claim.lawyer_id", Message::new("validation-lawyer"));
        }
    }
    if let Some(id) = intake.claim.paralegal_id {
        let ok = db::staff::find(conn, id)?.is_some_and(|s| s.active && s.role == Role::Paralegal);
        if !ok {
            errors.push("claim.paralegal_id", Message::new("validation-paralegal"));
        }
    }
    errors.into_result()
}

/// Indexes the names of the client (every spelling) and of each family member.
pub fn refresh_name_index(
    conn: &mut DbConnection,
    client_id: uuid::Uuid,
    intake: &Intake,
) -> Result<(), AppError> {
    let client_keys: BTreeSet<String> = intake
        .names()
        .iter()
        .flat_map(|n| names::search_keys(n))
        .collect();
    let mut people = vec![(client_id, client_keys.into_iter().collect::<Vec<_>>())];
    for (member_id, full_name) in db::clients::family_names(conn, client_id)? {
        let keys: BTreeSet<String> = full_name
            .iter()
            .flat_map(|n| names::search_keys(n))
            .collect();
        people.push((member_id, keys.into_iter().collect()));
    }
    db::name_keys::replace_for_client(conn, client_id, &people)?;
    Ok(())
}

/// The intake's fields as (dotted path, value) pairs, e.g. `family.0.given_name`: objects
/// and lists of objects are walked, other lists are one value. `path` is a scratch buffer.
fn flatten(path: &mut String, value: Value, out: &mut Map<String, Value>) {
    let mut descend = |path: &mut String, key: &str, value: Value| {
        let len = path.len();
        if len > 0 {
            path.push('.');
        }
        path.push_str(key);
        flatten(path, value, out);
        path.truncate(len);
    };
    match value {
        Value::Object(map) => {
            for (key, value) in map {
                descend(path, &key, value);
            }
        }
        Value::Array(items) if items.iter().any(Value::is_object) => {
            for (i, value) in items.into_iter().enumerate() {
                descend(path, &i.to_string(), value);
            }
        }
        other => {
            out.insert(path.clone(), other);
        }
    }
}

fn flattened(intake: &Intake) -> Map<String, Value> {
    let mut out = Map::new();
    flatten(
        &mut String::new(),
        serde_json::to_value(intake).unwrap_or_default(),
        &mut out,
    );
    out
}

/// The changed fields of an intake: before and after for the fields the audit log may keep
/// ([`intake_values_logged`], an allowlist), only the fact of a change for every other one.
/// The log is append-only and outlives a retention purge.
pub fn changes(before: &Intake, after: &Intake) -> Value {
    let (old, mut new) = (flattened(before), flattened(after));
    let mut changed = Map::new();
    let mut record = |path: String, a: Value, b: Value| {
        let entry = if intake_values_logged(&path) {
            json!({ "before": a, "after": b })
        } else {
            json!({ "changed": true })
        };
        changed.insert(path, entry);
    };
    for (path, a) in old {
        let b = new.remove(&path).unwrap_or(Value::Null);
        if a != b {
            record(path, a, b);
        }
    }
    for (path, b) in new {
        if !b.is_null() {
            record(path, Value::Null, b);
        }
    }
    Value::Object(changed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::intake::{ClientDetails, PersecutionEvent};

    #[test]
    fn changes_keep_values_of_allowlisted_fields_only() {
        let before = Intake {
            client: ClientDetails {
                given_name: "Юлия".into(),
                nationalities: vec!["RU".into()],
                ..Default::default()
            },
            persecution: vec![PersecutionEvent {
                description: "Detained at the protest".into(),
                ..Default::default()
            }],
            ..Intake::default()
        };
        let mut after = before.clone();
        after.client.given_name = "Yulia".into();
        after.client.nationalities = vec!["RU".into(), "UA".into()];
        after.client.phone_safe = true;
        after.persecution[0].description = "Detained for three days".into();
        after.persecution[0].detention_days = Some(3);
        let diff = changes(&before, &after);
        let changed = json!({ "changed": true });
        assert_eq!(diff["client.given_name"], changed);
        assert_eq!(diff["client.nationalities"], changed);
        assert_eq!(diff["persecution.0.description"], changed);
        assert_eq!(diff["persecution.0.detention_days"], changed);
        assert_eq!(
            diff["client.phone_safe"],
            json!({ "before": false, "after": true })
        );
        let text = diff.to_string();
        for secret in ["Юлия", "Yulia", "protest", "three days", "UA", "3"] {
            assert!(
                !text.contains(secret),
                "{secret} leaked into the audit details: {text}"
            );
        }
        assert_eq!(diff.as_object().map(|m| m.len()), Some(5));
    }
}
