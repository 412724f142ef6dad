//! Public inquiries: a person's answers from `/inquiry` become a client and a case at stage
//! `inquiry` (source: the web form, unassigned), and lawyers work the queue (`/triage`):
//! most urgent first, possible duplicates flagged by the transliteration matcher, each one
//! taken, merged into an existing case or declined. Every step is audited in its own
//! transaction.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use serde::Serialize;
use serde_json::json;

use super::audit::{self, AuditContext};
use super::cases::{case_target, record_event, refresh_deadlines, today};
use super::conflicts::{ConflictHit, Subject, find_hits};
use super::intake::{changes, refresh_name_index};
use super::notifications::Notifier;
use super::search::full_name;
use crate::auth::policy;
use crate::clock;
use crate::db::inquiries::{self as db_inquiries, InquiryRow};
use crate::db::{self, DbConnection, office_settings, write_transaction};
use crate::domain::audit::AuditAction;
use crate::domain::case_stage::CaseStage;
use crate::domain::case_work::NewCaseEvent;
use crate::domain::codes::HearingKind;
use crate::domain::ids::{self, StaffId};
use crate::domain::inquiry::{Inquiry, UrgencyReason, Whereabouts, triage_order, urgency};
use crate::domain::intake::{ClientDetails, EntryDetails, Intake};
use crate::domain::paging::{PageNumber, PageSize};
use crate::domain::staff::{Role, Staff};
use crate::email::render;
use crate::error::{AppError, FieldErrors, Message};
use crate::i18n::{I18n, Language};
use crate::state::AppState;

/// The outbox kinds of the two messages an inquirer may get.
pub const ACKNOWLEDGMENT_MAIL: &str = "inquiry_acknowledgment";
pub const DECLINE_REPLY_MAIL: &str = "inquiry_decline_reply";
/// Inquiries a page of the queue shows, most urgent first.
pub const PER_PAGE: PageSize = PageSize::new(50);
/// Longest decline reason kept.
pub const MAX_REASON: usize = 2_000;
/// The conflict a merge into a declined, withdrawn or closed case answers (409; the page
/// shows it at the reference).
pub const MERGE_TARGET_NOT_OPEN: &str = "triage-merge-not-open";

/// What became of a submission.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Submission {
    Received,
    /// Too many unreviewed inquiries from this address already.
    TooManyFromAddress,
    /// Too many unreviewed inquiries in all.
    QueueFull,
}

/// Records an inquiry: the client, the case at stage `inquiry`, the inquiry record, the
/// name index, the deadlines and the audit entry (no staff actor: the public form) in one
/// transaction, with the acknowledgment for a safe email address in the outbox. Refused,
/// without writing anything, once the caps on unreviewed inquiries are reached.
pub async fn submit(
    state: &AppState,
    inquiry: Inquiry,
    language: Language,
    address: Option<String>,
) -> Result<Submission, AppError> {
    let now = state.now();
    let today = today(state);
    let limits = state.settings.inquiry.clone();
    let audit = AuditContext::new(None, address.clone(), now);
    let notifier = Notifier::of(state);
    state
        .db
        .run(move |conn| {
            write_transaction(conn, |conn| {
                let (all, from_address) = db_inquiries::count_unreviewed(conn, address.as_deref())?;
                if all >= limits.max_unreviewed {
                    return Ok(Submission::QueueFull);
                }
                if from_address >= limits.max_unreviewed_per_address {
                    return Ok(Submission::TooManyFromAddress);
                }
                let now_db = clock::to_db(now);
                let intake = intake_of(&inquiry);
                let client_id = ids::new_row_id();
                let case_id = ids::new_row_id();
                let reference = db::cases::next_reference(conn, chrono::Datelike::year(&today))?;
                db::clients::save(
                    conn,
                    client_id,
                    &intake,
                    db::clients::SaveAs::New { created_by: None },
                    now_db,
                )?;
                db::cases::insert(
                    conn,
                    &db::cases::NewCase {
                        id: case_id,
                        reference: &reference,
                        client_id,
                        kind: None,
                        stage: CaseStage::Inquiry,
                        intake_complete: false,
                        lawyer: None,
                        paralegal: None,
                        web_form: true,
                        now: now_db,
                    },
                )?;
                db::cases::record_stage_change(
                    conn,
                    case_id,
                    None,
                    CaseStage::Inquiry,
                    None,
                    "",
                    now_db,
                )?;
                db_inquiries::insert(
                    conn,
                    &db_inquiries::NewInquiry {
                        id: ids::new_row_id(),
                        case_id,
                        language: language.code(),
                        whereabouts: inquiry.whereabouts.as_str(),
                        detained: inquiry.detained,
                        hearing_on: inquiry.hearing_on,
                        travelling_family: inquiry.travelling_family,
                        account: &inquiry.account,
                        submitted_from: address.as_deref(),
                        received_at: now_db,
                    },
                )?;
                refresh_name_index(conn, client_id, &intake)?;
                refresh_deadlines(conn, case_id, today)?;
                audit.record(
                    conn,
                    AuditAction::CaseCreated,
                    case_target(case_id),
                    json!({
                        "reference": reference,
                        "source": "web_form",
                        "intake_complete": false,
                        "fields": changes(&Intake::default(), &intake),
                    }),
                )?;
                if inquiry.email_safe {
                    let i18n = I18n::new(language);
                    let message = render::to_the_public(
                        &i18n,
                        i18n.t("inquiry-email-ack-subject"),
                        &[
                            i18n.t("inquiry-email-ack-received"),
                            i18n.t("inquiry-email-ack-next"),
                            i18n.t("inquiry-email-ack-no-details"),
                        ],
                        &office_name(conn)?,
                    )
                    .map_err(AppError::internal)?;
                    notifier.enqueue_to_the_public(
                        conn,
                        &inquiry.email,
                        ACKNOWLEDGMENT_MAIL,
                        Some(case_id),
                        &message,
                    )?;
                }
                Ok(Submission::Received)
            })
        })
        .await
}

fn office_name(conn: &mut DbConnection) -> Result<String, AppError> {
    Ok(office_settings::value(conn, office_settings::OFFICE_NAME)?.unwrap_or_default())
}

/// The case file's part of an inquiry: the client's names, contacts, nationality,
/// language and last arrival.
fn intake_of(inquiry: &Inquiry) -> Intake {
    Intake {
        client: ClientDetails {
            family_name: inquiry.family_name.clone(),
            given_name: inquiry.given_name.clone(),
            native_name: inquiry.native_name.clone(),
            nationalities: vec![inquiry.nationality.clone()],
            languages: vec![inquiry.preferred_language.clone()],
            phone: inquiry.phone.clone(),
            phone_safe: inquiry.phone_safe,
            email: inquiry.email.clone(),
            email_safe: inquiry.email_safe,
            messenger: inquiry.messenger.clone(),
            messenger_safe: inquiry.messenger_safe,
            ..ClientDetails::default()
        },
        entry: EntryDetails {
            last_arrival_on: inquiry.last_arrival_on,
            ..EntryDetails::default()
        },
        ..Intake::default()
    }
}

/// Someone already on file whose name matches an inquiry's.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct PossibleDuplicate {
    #[schema(value_type = uuid::Uuid)]
    pub case_id: uuid::Uuid,
    pub reference: String,
    /// Their name in Latin letters and in native script, to set beside the inquiry's.
    pub name: String,
    pub native_name: String,
    /// `None` for a principal applicant; a family member's relationship code otherwise.
    pub relationship: Option<String>,
    /// Still an unreviewed inquiry itself.
    pub is_inquiry: bool,
}

impl PossibleDuplicate {
    fn from_hit(hit: &ConflictHit) -> Self {
        Self {
            case_id: hit.person.case_id,
            reference: hit.person.reference.clone(),
            name: hit.person.name.clone(),
            native_name: hit.person.native_name.clone(),
            relationship: hit.person.relationship.clone(),
            is_inquiry: hit.person.stage == CaseStage::Inquiry.as_str(),
        }
    }
}

/// One row of the triage queue.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct TriageItem {
    #[schema(value_type = uuid::Uuid)]
    pub id: uuid::Uuid,
    #[schema(value_type = uuid::Uuid)]
    pub case_id: uuid::Uuid,
    pub reference: String,
    pub received_at: DateTime<Utc>,
    pub name: String,
    pub native_name: String,
    /// ISO 3166-1 alpha-2.
    pub nationality: Option<String>,
    pub whereabouts: Option<Whereabouts>,
    #[schema(value_type = Option<String>, format = Date)]
    pub last_arrival_on: Option<chrono::NaiveDate>,
    pub detained: bool,
    #[schema(value_type = Option<String>, format = Date)]
    pub hearing_on: Option<chrono::NaiveDate>,
    pub travelling_family: i32,
    /// ISO 639-1.
    pub preferred_language: Option<String>,
    /// The language the person wrote in (`en`, `ru`, `uk`, `es`): replies go in it.
    pub language: String,
    /// The person's own short account.
    pub account: String,
    /// A kind reply on declining can go to a safe email address.
    pub can_reply: bool,
    /// Why it is urgent; empty when it is not.
    pub urgency: Vec<UrgencyReason>,
    pub possible_duplicates: Vec<PossibleDuplicate>,
}

/// The queue as the triage page and the API show it.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct TriageQueue {
    /// Unreviewed inquiries in all.
    pub waiting: usize,
    /// This page of them, most urgent first ([`PER_PAGE`] a page).
    pub items: Vec<TriageItem>,
    /// From 1; a page asked for past the last is the last.
    pub page: i64,
    pub pages: i64,
    pub per_page: i64,
}

fn item(row: InquiryRow, today: chrono::NaiveDate) -> TriageItem {
    let reasons = urgency(row.last_arrival_on, row.detained, row.hearing_on, today);
    TriageItem {
        id: row.id.0,
        case_id: row.case_id.0,
        reference: row.reference,
        received_at: clock::from_db(row.received_at),
        name: full_name(&[&row.given_name, &row.family_name]),
        native_name: row.native_name,
        nationality: row
            .nationalities
            .split(',')
            .next()
            .filter(|c| !c.is_empty())
            .map(str::to_string),
        whereabouts: Whereabouts::parse(&row.whereabouts),
        last_arrival_on: row.last_arrival_on,
        detained: row.detained,
        hearing_on: row.hearing_on,
        travelling_family: row.travelling_family,
        preferred_language: row
            .languages
            .split(',')
            .next()
            .filter(|c| !c.is_empty())
            .map(str::to_string),
        language: row.language,
        account: row.account,
        can_reply: row.email_safe && !row.email.is_empty(),
        urgency: reasons,
        possible_duplicates: Vec::new(),
    }
}

/// One page of the unreviewed inquiries, most urgent first, each with the people on file
/// it may be (lawyers and admins). Reading it is audited.
pub async fn queue(
    state: &AppState,
    actor: &Staff,
    page: PageNumber,
    address: Option<String>,
) -> Result<TriageQueue, AppError> {
    policy::can_triage_inquiries(actor)?;
    let today = today(state);
    let audit = AuditContext::new(Some(actor.id), address, state.now());
    let reader = actor.clone();
    let queue = state
        .db
        .run(move |conn| {
            // The order needs only dates and flags: the whole queue is ordered from those,
            // and names and accounts are opened for the page shown.
            let mut waiting: Vec<(Vec<UrgencyReason>, db_inquiries::WaitingInquiry)> =
                db_inquiries::waiting(conn)?
                    .into_iter()
                    .map(|w| {
                        let reasons = urgency(w.last_arrival_on, w.detained, w.hearing_on, today);
                        (reasons, w)
                    })
                    .collect();
            waiting.sort_by(|a, b| triage_order((&a.0, a.1.received_at), (&b.0, b.1.received_at)));
            let total = waiting.len();
            let pages = PER_PAGE.pages(total as i64);
            let page = page.within(pages);
            let shown: Vec<uuid::Uuid> = waiting
                .iter()
                .skip(page.offset(PER_PAGE) as usize)
                .take(PER_PAGE.get() as usize)
                .map(|(_, w)| w.id.0)
                .collect();
            let mut rows: HashMap<uuid::Uuid, InquiryRow> = db_inquiries::with_ids(conn, &shown)?
                .into_iter()
                .map(|row| (row.id.0, row))
                .collect();
            let items: Vec<(TriageItem, uuid::Uuid)> = shown
                .iter()
                .filter_map(|id| rows.remove(id))
                .map(|row| {
                    let client_id = row.client_id.0;
                    (item(row, today), client_id)
                })
                .collect();
            let scope = db::scope::load(conn, &reader)?;
            Ok::<_, AppError>(TriageQueue {
                waiting: total,
                items: with_duplicates(conn, &scope, items)?,
                page: page.get(),
                pages,
                per_page: PER_PAGE.get(),
            })
        })
        .await?;
    audit::record_read(
        state,
        audit.pending(
            AuditAction::TriageViewed,
            None,
            json!({ "results": queue.items.len() }),
        ),
    )
    .await?;
    Ok(queue)
}

/// The people on file (clients, family members, other inquiries) whose names match each
/// inquiry's in any script or spelling, by the conflict check's matcher: one call for the
/// whole page.
fn with_duplicates(
    conn: &mut DbConnection,
    scope: &crate::auth::scope::CaseScope,
    items: Vec<(TriageItem, uuid::Uuid)>,
) -> Result<Vec<TriageItem>, AppError> {
    let mut subjects: Vec<Subject> = items
        .iter()
        .map(|(item, client_id)| {
            let spellings: Vec<String> = [item.name.clone(), item.native_name.clone()]
                .into_iter()
                .filter(|s| !s.trim().is_empty())
                .collect();
            Subject::principal(
                *client_id,
                item.name.clone(),
                item.native_name.clone(),
                spellings,
            )
        })
        .collect();
    find_hits(conn, scope, &mut subjects)?;
    Ok(items
        .into_iter()
        .zip(subjects)
        .map(|((mut item, _), subject)| {
            item.possible_duplicates = subject
                .hits
                .iter()
                .map(PossibleDuplicate::from_hit)
                .collect();
            item
        })
        .collect())
}

/// What triage decided about one inquiry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decision {
    /// Assign a lawyer (or admin) of record: the case moves to the conflict check.
    Take { lawyer: StaffId },
    /// The person is already on file: their answers go into that case as a note, and the
    /// inquiry's own case is closed.
    Merge { into_reference: String },
    /// Not for this office: the case is declined with the reason; with `reply`, a short,
    /// kind message goes to the person's safe email address in their language.
    Decline { reason: String, reply: bool },
}

/// What an action did, for the page's notice and the API's answer.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct DecisionOutcome {
    #[schema(value_type = uuid::Uuid)]
    pub case_id: uuid::Uuid,
    pub reference: String,
    /// `taken`, `merged` or `declined`.
    pub status: String,
    /// For a merge: the case the answers went into.
    pub merged_into: Option<String>,
    /// For a decline: whether a reply was written to the outbox.
    pub reply_sent: bool,
}

/// Acts on an unreviewed inquiry (lawyers and admins); 409 when someone else already did.
pub async fn decide(
    state: &AppState,
    actor: &Staff,
    inquiry_id: uuid::Uuid,
    decision: Decision,
    address: Option<String>,
) -> Result<DecisionOutcome, AppError> {
    policy::can_triage_inquiries(actor)?;
    check_decision(&decision)?;
    let now = state.now();
    let today = today(state);
    let audit = AuditContext::new(Some(actor.id), address, now);
    let notifier = Notifier::of(state);
    let actor = actor.clone();
    let outcome = state
        .db
        .run(move |conn| {
            write_transaction(conn, |conn| {
                let row = db_inquiries::find(conn, inquiry_id)?.ok_or(AppError::NotFound)?;
                if row.status != db_inquiries::NEW {
                    return Err(AppError::Conflict(Message::new("triage-already-decided")));
                }
                let case_id = row.case_id.0;
                let now_db = clock::to_db(now);
                let context = Acting {
                    actor: &actor,
                    audit: &audit,
                    now,
                    today,
                    row: &row,
                };
                let outcome = match decision {
                    Decision::Take { lawyer } => take(conn, &context, lawyer, &notifier)?,
                    Decision::Merge { into_reference } => merge(conn, &context, &into_reference)?,
                    Decision::Decline { reason, reply } => {
                        decline(conn, &context, &reason, reply, &notifier)?
                    }
                };
                refresh_deadlines(conn, case_id, today)?;
                db::cases::touch(conn, case_id, now_db)?;
                Ok(outcome)
            })
        })
        .await?;
    Ok(outcome)
}

fn check_decision(decision: &Decision) -> Result<(), AppError> {
    let mut errors = FieldErrors::default();
    match decision {
        Decision::Take { .. } => {}
        Decision::Merge { into_reference } => {
            if let Err(message) = crate::domain::audit::case_reference(into_reference) {
                errors.push("into_reference", message);
            }
        }
        Decision::Decline { reason, .. } => {
            let reason = reason.trim();
            if reason.is_empty() {
                errors.push("reason", Message::new("validation-required"));
            } else if reason.chars().count() > MAX_REASON {
                errors.push(
                    "reason",
                    Message::new("validation-too-long").with("max", MAX_REASON),
                );
            } else if let Err(message) = crate::domain::text::check_block(reason) {
                errors.push("reason", message);
            }
        }
    }
    errors.into_result()
}

/// Who acts on which inquiry, and when.
struct Acting<'a> {
    actor: &'a Staff,
    audit: &'a AuditContext,
    now: DateTime<Utc>,
    today: chrono::NaiveDate,
    row: &'a InquiryRow,
}

impl Acting<'_> {
    fn case_id(&self) -> uuid::Uuid {
        self.row.case_id.0
    }

    fn move_case(
        &self,
        conn: &mut DbConnection,
        to: CaseStage,
        note: &str,
    ) -> Result<(), AppError> {
        let now_db = clock::to_db(self.now);
        let closed_at = (!to.is_open()).then_some(now_db);
        db::cases::set_stage(conn, self.case_id(), to, closed_at, now_db)?;
        db::cases::record_stage_change(
            conn,
            self.case_id(),
            Some(CaseStage::Inquiry),
            to,
            Some(self.actor.id),
            note,
            now_db,
        )?;
        Ok(())
    }

    fn record(
        &self,
        conn: &mut DbConnection,
        status: &str,
        decline_reason: &str,
        merged_into: Option<uuid::Uuid>,
    ) -> Result<(), AppError> {
        let recorded = db_inquiries::record_decision(
            conn,
            self.row.id.0,
            status,
            self.actor.id,
            decline_reason,
            merged_into,
            clock::to_db(self.now),
        )?;
        if recorded {
            Ok(())
        } else {
            Err(AppError::Conflict(Message::new("triage-already-decided")))
        }
    }
}

fn take(
    conn: &mut DbConnection,
    acting: &Acting<'_>,
    lawyer: StaffId,
    notifier: &Notifier,
) -> Result<DecisionOutcome, AppError> {
    let lawyer_ok = db::staff::find(conn, lawyer)?
        .is_some_and(|s| s.active && matches!(s.role, Role::Lawyer | Role::Admin));
    if !lawyer_ok {
        let mut errors = FieldErrors::default();
        errors.push("lawyer_id", Message::new("validation-lawyer"));
        return Err(AppError::Validation(errors));
    }
    let case_id = acting.case_id();
    db::cases::update_claim(
        conn,
        case_id,
        None,
        Some(lawyer),
        None,
        false,
        clock::to_db(acting.now),
    )?;
    acting.move_case(conn, CaseStage::ConflictCheck, "")?;
    acting.record(conn, db_inquiries::TAKEN, "", None)?;
    keep_answers(
        conn,
        acting,
        case_id,
        Message::new("triage-taken-note-title").with("reference", &acting.row.reference),
    )?;
    acting.audit.record(
        conn,
        AuditAction::InquiryTaken,
        case_target(case_id),
        json!({
            "from": CaseStage::Inquiry,
            "to": CaseStage::ConflictCheck,
            "lawyer_id": lawyer.to_string(),
        }),
    )?;
    let case = db::cases::find(conn, case_id)?.ok_or(AppError::NotFound)?;
    notifier.case_assigned(conn, &case, lawyer, "lawyer", acting.actor.id)?;
    Ok(DecisionOutcome {
        case_id,
        reference: acting.row.reference.clone(),
        status: db_inquiries::TAKEN.into(),
        merged_into: None,
        reply_sent: false,
    })
}

fn merge(
    conn: &mut DbConnection,
    acting: &Acting<'_>,
    into_reference: &str,
) -> Result<DecisionOutcome, AppError> {
    let into_reference = into_reference.trim().to_uppercase();
    let target = db::cases::find_by_reference(conn, &into_reference)?
        .filter(|target| target.id.0 != acting.case_id());
    let Some(target) = target else {
        let mut errors = FieldErrors::default();
        errors.push("into_reference", Message::new("triage-merge-unknown"));
        return Err(AppError::Validation(errors));
    };
    if !target.stage()?.is_open() {
        return Err(AppError::Conflict(Message::new(MERGE_TARGET_NOT_OPEN)));
    }
    let target_id = target.id.0;
    // Both answers stay in the file: the inquiry's on the case it joins, the case's own
    // untouched.
    keep_answers(
        conn,
        acting,
        target_id,
        Message::new("triage-merge-note-title").with("reference", &acting.row.reference),
    )?;
    let i18n = I18n::new(acting.actor.language);
    let closing_note = i18n
        .message(&Message::new("triage-merged-stage-note").with("reference", &target.reference));
    acting.move_case(conn, CaseStage::Closed, &closing_note)?;
    acting.record(conn, db_inquiries::MERGED, "", Some(target_id))?;
    acting.audit.record(
        conn,
        AuditAction::InquiryMerged,
        case_target(acting.case_id()),
        json!({
            "from": CaseStage::Inquiry,
            "to": CaseStage::Closed,
            "merged_into": target.reference,
        }),
    )?;
    Ok(DecisionOutcome {
        case_id: acting.case_id(),
        reference: acting.row.reference.clone(),
        status: db_inquiries::MERGED.into(),
        merged_into: Some(target.reference),
        reply_sent: false,
    })
}

/// Keeps every answer of the inquiry on the case it goes into (its own when taken, the one
/// it joins when merged), in the same transaction: all of them as a note (sealed, like every
/// note; in the language of the lawyer acting), and a hearing date as a hearing event, unless
/// the case already has a hearing that day, so that deadlines and reminders see it.
fn keep_answers(
    conn: &mut DbConnection,
    acting: &Acting<'_>,
    case_id: uuid::Uuid,
    title: Message,
) -> Result<(), AppError> {
    let now_db = clock::to_db(acting.now);
    let i18n = I18n::new(acting.actor.language);
    let intake = db::clients::load(conn, acting.row.client_id.0)?.unwrap_or_default();
    let body = answers_note(&i18n, &title, acting.row, &intake);
    let note_id = ids::new_row_id();
    db::case_work::insert_note(conn, note_id, case_id, acting.actor.id, &body, now_db)?;
    acting.audit.record(
        conn,
        AuditAction::CaseNoteAdded,
        case_target(case_id),
        json!({ "note_id": note_id, "source": "web_form" }),
    )?;
    if let Some(on) = acting.row.hearing_on {
        let hearing_that_day = db::case_work::events(conn, case_id)?.iter().any(|event| {
            event.scheduled_at.date() == on
                && matches!(
                    event.kind(),
                    Some(HearingKind::MasterHearing | HearingKind::MeritsHearing)
                )
        });
        if !hearing_that_day {
            // The person knows the day only; a first hearing in court is a master hearing.
            let hearing = NewCaseEvent {
                kind: HearingKind::MasterHearing,
                scheduled_at: on.and_time(chrono::NaiveTime::MIN),
                place: String::new(),
                official: String::new(),
                outcome: String::new(),
            };
            record_event(conn, acting.audit, case_id, &hearing)?;
        }
    }
    refresh_deadlines(conn, case_id, acting.today)?;
    db::cases::touch(conn, case_id, now_db)?;
    Ok(())
}

/// The inquiry's answers as a note, under `title`.
fn answers_note(i18n: &I18n, title: &Message, row: &InquiryRow, intake: &Intake) -> String {
    let c = &intake.client;
    let yes_no = |b: bool| i18n.t(if b { "inquiry-yes" } else { "inquiry-no" });
    let mut lines = vec![i18n.message(title)];
    let mut add = |key: &'static str, value: String| {
        if !value.trim().is_empty() {
            lines.push(format!("{}: {value}", i18n.t(key)));
        }
    };
    add("inquiry-field-family-name", c.family_name.clone());
    add("inquiry-field-given-name", c.given_name.clone());
    add("inquiry-field-native-name", c.native_name.clone());
    add("inquiry-field-phone", c.phone.clone());
    add("inquiry-field-email", c.email.clone());
    add("inquiry-field-messenger", c.messenger.clone());
    add(
        "inquiry-field-nationality",
        c.nationalities
            .iter()
            .map(|code| crate::domain::codes::country_name(code, i18n.language()))
            .collect::<Vec<_>>()
            .join(", "),
    );
    add(
        "inquiry-field-whereabouts",
        Whereabouts::parse(&row.whereabouts)
            .map(|w| i18n.t(w.label_key()))
            .unwrap_or_default(),
    );
    add(
        "inquiry-field-last-arrival",
        intake
            .entry
            .last_arrival_on
            .map(|d| d.to_string())
            .unwrap_or_default(),
    );
    add("inquiry-field-detained", yes_no(row.detained));
    add(
        "inquiry-field-hearing-on",
        row.hearing_on.map(|d| d.to_string()).unwrap_or_default(),
    );
    add(
        "inquiry-field-travelling-family",
        row.travelling_family.to_string(),
    );
    add(
        "inquiry-field-preferred-language",
        c.languages
            .iter()
            .map(|code| crate::domain::codes::language_name(code, i18n.language()))
            .collect::<Vec<_>>()
            .join(", "),
    );
    add("inquiry-field-account", row.account.clone());
    lines.join("\n")
}

fn decline(
    conn: &mut DbConnection,
    acting: &Acting<'_>,
    reason: &str,
    reply: bool,
    notifier: &Notifier,
) -> Result<DecisionOutcome, AppError> {
    let reason = reason.trim();
    acting.move_case(conn, CaseStage::Declined, reason)?;
    acting.record(conn, db_inquiries::DECLINED, reason, None)?;
    let row = acting.row;
    let reply_sent = reply && row.email_safe && !row.email.is_empty();
    if reply_sent {
        let language = Language::parse(&row.language).unwrap_or_default();
        let i18n = I18n::new(language);
        let message = render::to_the_public(
            &i18n,
            i18n.t("inquiry-email-decline-subject"),
            &[
                i18n.t("inquiry-email-decline-thanks"),
                i18n.t("inquiry-email-decline-cannot"),
                i18n.t("inquiry-email-decline-elsewhere"),
            ],
            &office_name(conn)?,
        )
        .map_err(AppError::internal)?;
        notifier.enqueue_to_the_public(
            conn,
            &row.email,
            DECLINE_REPLY_MAIL,
            Some(acting.case_id()),
            &message,
        )?;
    }
    // The reason stays in the stage history and the inquiry; the append-only log gets no
    // free text.
    acting.audit.record(
        conn,
        AuditAction::InquiryDeclined,
        case_target(acting.case_id()),
        json!({
            "from": CaseStage::Inquiry,
            "to": CaseStage::Declined,
            "with_note": true,
            "reply_sent": reply_sent,
        }),
    )?;
    Ok(DecisionOutcome {
        case_id: acting.case_id(),
        reference: row.reference.clone(),
        status: db_inquiries::DECLINED.into(),
        merged_into: None,
        reply_sent,
    })
}
