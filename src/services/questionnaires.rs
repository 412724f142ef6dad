//! Questionnaire links: a lawyer makes one from a case (shown once, and emailed to the
//! client's address when it is marked safe); the client fills in the intake under it, a step
//! at a time, saving a draft as they go, and sends it. What they send does not change the
//! case file: it becomes a pending revision for a lawyer to review, and the case's lawyer is
//! told. A link works for 7 days, until it is revoked or its answers are sent; a new link
//! for the case replaces the open one and starts from the latest draft, so nothing typed is
//! lost. Links are made, revoked and sent in transactions that write their audit entries.

use chrono::{DateTime, Utc};
use serde_json::json;

use super::audit::AuditContext;
use super::case_access::{assignment, reader_case};
use super::cases::case_target;
use super::notifications::{Notifier, case_details};
use super::revisions::record_pending;
use crate::auth::policy;
use crate::auth::tokens::{hash_token, random_token};
use crate::clock;
use crate::db::questionnaires::{self as db_questionnaires, QuestionnaireRow};
use crate::db::{self, DbConnection, office_settings, write_transaction};
use crate::domain::audit::AuditAction;
use crate::domain::ids::{self, StaffId};
use crate::domain::notifications::NotificationKind;
use crate::domain::questionnaire::{LinkState, VALID_FOR};
use crate::domain::revision::Answers;
use crate::domain::staff::Staff;
use crate::email::render;
use crate::error::{AppError, FieldErrors, Message};
use crate::i18n::{I18n, Language};
use crate::state::AppState;

/// The outbox kind of the message that carries a link to the client.
pub const LINK_MAIL: &str = "questionnaire_link";
/// The most a draft may hold (its JSON), so that a link cannot grow the database without
/// bound: far more than the longest intake typed by hand.
pub const MAX_DRAFT_BYTES: usize = 1024 * 1024;

/// Where a link's pages live, under the office's public address.
pub fn link_path(token: &str) -> String {
    format!("/questionnaire/{token}")
}

/// One link as the case's list shows it.
#[derive(Debug, Clone)]
pub struct LinkLine {
    pub id: uuid::Uuid,
    pub language: Language,
    pub state: LinkState,
    pub created_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
    pub draft_saved_at: Option<DateTime<Utc>>,
    pub submitted_at: Option<DateTime<Utc>>,
}

/// A case's links, and what making a new one offers.
#[derive(Debug, Clone)]
pub struct CaseLinks {
    pub reference: String,
    pub links: Vec<LinkLine>,
    /// The client has an email address marked safe: the link may be mailed to it.
    pub safe_email: bool,
    /// The client's first language a link can be in, else English.
    pub default_language: Language,
}

fn language_of(code: &str) -> Language {
    Language::parse(code).unwrap_or_default()
}

fn line(row: &QuestionnaireRow, now: chrono::NaiveDateTime) -> LinkLine {
    LinkLine {
        id: row.id.0,
        language: language_of(&row.language),
        state: LinkState::of(row.expires_at, row.revoked_at, row.submitted_at, now),
        created_at: clock::from_db(row.created_at),
        expires_at: clock::from_db(row.expires_at),
        draft_saved_at: row.draft_saved_at.map(clock::from_db),
        submitted_at: row.submitted_at.map(clock::from_db),
    }
}

/// The client's safe email address, if they have one.
fn safe_email(conn: &mut DbConnection, client_id: uuid::Uuid) -> Result<Option<String>, AppError> {
    let intake = db::clients::load(conn, client_id)?.ok_or(AppError::NotFound)?;
    let client = intake.client;
    Ok((client.email_safe && !client.email.trim().is_empty()).then(|| client.email.trim().into()))
}

/// The case's links, newest first, for lawyers and admins who may see the case.
pub async fn case_links(
    state: &AppState,
    actor: &Staff,
    case_id: uuid::Uuid,
) -> Result<CaseLinks, AppError> {
    let actor = actor.clone();
    let now = clock::to_db(state.now());
    state
        .db
        .run(move |conn| {
            let (scope, case) = reader_case(conn, &actor, case_id)?;
            policy::can_send_questionnaires(&actor, &scope, assignment(&case))?;
            let links = db_questionnaires::of_case(conn, case_id)?
                .iter()
                .map(|row| line(row, now))
                .collect();
            let intake = db::clients::load(conn, case.client_id.0)?.ok_or(AppError::NotFound)?;
            let default_language = intake
                .client
                .languages
                .iter()
                .filter_map(|code| Language::parse(code))
                .find(|language| Language::PUBLIC.contains(language))
                .unwrap_or_default();
            Ok(CaseLinks {
                reference: case.reference.clone(),
                links,
                safe_email: safe_email(conn, case.client_id.0)?.is_some(),
                default_language,
            })
        })
        .await
}

/// Makes a new link for the case in `language`, revoking the one still open, and mails it
/// to the client's safe address when `email`; returns the link, to be shown once. Refused
/// with a problem at `email` when asked to mail it and the client has no safe address.
pub async fn create(
    state: &AppState,
    actor: &Staff,
    case_id: uuid::Uuid,
    language: Language,
    email: bool,
    address: Option<String>,
) -> Result<String, AppError> {
    let actor = actor.clone();
    let now = state.now();
    let base = state.settings.public_url();
    let audit = AuditContext::new(Some(actor.id), address, now);
    let notifier = Notifier::of(state);
    state
        .db
        .run(move |conn| {
            write_transaction(conn, |conn| {
                let (scope, case) = reader_case(conn, &actor, case_id)?;
                policy::can_send_questionnaires(&actor, &scope, assignment(&case))?;
                let now_db = clock::to_db(now);
                let mail_to = if email {
                    let Some(to) = safe_email(conn, case.client_id.0)? else {
                        let mut errors = FieldErrors::default();
                        errors.push("email", Message::new("questionnaire-no-safe-email"));
                        return Err(AppError::Validation(errors));
                    };
                    Some(to)
                } else {
                    None
                };
                let replaced =
                    db_questionnaires::revoke_open(conn, case_id, None, actor.id, now_db)?;
                let (draft, draft_saved_at) = match db_questionnaires::latest_draft(conn, case_id)?
                {
                    Some((draft, at)) => (draft, Some(at)),
                    None => (String::new(), None),
                };
                let id = ids::new_row_id();
                let token = random_token();
                let expires_at = now + VALID_FOR;
                db_questionnaires::insert(
                    conn,
                    &db_questionnaires::NewQuestionnaire {
                        id,
                        case_id,
                        token_hash: &hash_token(&token),
                        language: language.code(),
                        created_by: actor.id,
                        now: now_db,
                        expires_at: clock::to_db(expires_at),
                        draft: &draft,
                        draft_saved_at,
                    },
                )?;
                let link = format!("{base}{}", link_path(&token));
                if let Some(to) = &mail_to {
                    let i18n = I18n::new(language);
                    let message = render::to_the_public(
                        &i18n,
                        i18n.t("questionnaire-email-subject"),
                        &[
                            i18n.t("questionnaire-email-intro"),
                            link.clone(),
                            i18n.message(
                                &Message::new("questionnaire-email-until")
                                    .with("date", expires_at.date_naive().to_string()),
                            ),
                            i18n.t("questionnaire-email-private"),
                        ],
                        &office_name(conn)?,
                    )
                    .map_err(AppError::internal)?;
                    notifier.enqueue_to_the_public(conn, to, LINK_MAIL, Some(case_id), &message)?;
                }
                audit.record(
                    conn,
                    AuditAction::QuestionnaireCreated,
                    case_target(case_id),
                    json!({
                        "questionnaire_id": id,
                        "language": language.code(),
                        "expires_on": expires_at.date_naive().to_string(),
                        "emailed": mail_to.is_some(),
                        "links_revoked": replaced,
                    }),
                )?;
                Ok(link)
            })
        })
        .await
}

/// Revokes one of the case's links while it is open; a link already closed stays as it is.
pub async fn revoke(
    state: &AppState,
    actor: &Staff,
    case_id: uuid::Uuid,
    questionnaire_id: uuid::Uuid,
    address: Option<String>,
) -> Result<(), AppError> {
    let actor = actor.clone();
    let now = state.now();
    let audit = AuditContext::new(Some(actor.id), address, now);
    state
        .db
        .run(move |conn| {
            write_transaction(conn, |conn| {
                let (scope, case) = reader_case(conn, &actor, case_id)?;
                policy::can_send_questionnaires(&actor, &scope, assignment(&case))?;
                let link = db_questionnaires::find(conn, questionnaire_id)?
                    .filter(|row| row.case_id.0 == case_id)
                    .ok_or(AppError::NotFound)?;
                let revoked = db_questionnaires::revoke_open(
                    conn,
                    case_id,
                    Some(link.id.0),
                    actor.id,
                    clock::to_db(now),
                )?;
                if revoked > 0 {
                    audit.record(
                        conn,
                        AuditAction::QuestionnaireRevoked,
                        case_target(case_id),
                        json!({ "questionnaire_id": link.id.0 }),
                    )?;
                }
                Ok(())
            })
        })
        .await
}

fn office_name(conn: &mut DbConnection) -> Result<String, AppError> {
    Ok(office_settings::value(conn, office_settings::OFFICE_NAME)?.unwrap_or_default())
}

/// A link as its public pages see it.
#[derive(Debug, Clone)]
pub struct PublicLink {
    pub language: Language,
    pub state: LinkState,
    pub expires_at: DateTime<Utc>,
    /// What was typed under it so far (or under the link it replaced).
    pub draft: Answers,
    pub office_name: String,
}

/// The draft as stored: the answers as a JSON object, as a revision keeps them.
fn draft_json(draft: &Answers) -> Result<String, AppError> {
    serde_json::to_string(draft).map_err(AppError::internal)
}

fn draft_answers(stored: &str) -> Answers {
    // A draft that does not read (none was saved yet) is an empty one.
    serde_json::from_str(stored).unwrap_or_default()
}

/// Whether a draft fits within [`MAX_DRAFT_BYTES`].
pub fn draft_fits(draft: &Answers) -> Result<bool, AppError> {
    Ok(draft_json(draft)?.len() <= MAX_DRAFT_BYTES)
}

/// The link a token opens; `None` for a token that opens none.
pub async fn by_token(state: &AppState, token: String) -> Result<Option<PublicLink>, AppError> {
    let now = clock::to_db(state.now());
    state
        .db
        .run(move |conn| {
            let Some((row, draft)) = db_questionnaires::find_by_token(conn, &hash_token(&token))?
            else {
                return Ok(None);
            };
            Ok(Some(PublicLink {
                language: language_of(&row.language),
                state: LinkState::of(row.expires_at, row.revoked_at, row.submitted_at, now),
                expires_at: clock::from_db(row.expires_at),
                draft: draft_answers(&draft),
                office_name: office_name(conn)?,
            }))
        })
        .await
}

/// What became of answers posted under a link.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Posted {
    /// Saved as the draft, or sent.
    Done,
    /// The link no longer takes answers: sent already, or (the answers kept in the draft
    /// all the same) revoked or expired.
    Closed(LinkState),
    /// No link has this token.
    Unknown,
}

/// Saves the draft of a link. Answers posted after a link expired or was revoked are kept
/// too (a new link for the case starts from them); only a sent one takes nothing more.
pub async fn save_draft(
    state: &AppState,
    token: String,
    draft: Answers,
) -> Result<Posted, AppError> {
    let now = clock::to_db(state.now());
    let draft = draft_json(&draft)?;
    state
        .db
        .run(move |conn| {
            write_transaction(conn, |conn| {
                let Some((row, _)) = db_questionnaires::find_by_token(conn, &hash_token(&token))?
                else {
                    return Ok(Posted::Unknown);
                };
                let link_state =
                    LinkState::of(row.expires_at, row.revoked_at, row.submitted_at, now);
                if link_state == LinkState::Submitted {
                    return Ok(Posted::Closed(link_state));
                }
                db_questionnaires::save_draft(conn, row.id.0, &draft, now)?;
                Ok(match link_state {
                    LinkState::Open => Posted::Done,
                    closed => Posted::Closed(closed),
                })
            })
        })
        .await
}

/// Sends the answers: in one transaction the draft is saved, the answers become a pending
/// revision of the case, the link is spent and the case's lawyer (else whoever made the
/// link) is told, without a name. A link that is closed keeps the answers as its draft.
pub async fn submit(
    state: &AppState,
    token: String,
    answers: Answers,
    language: Language,
    address: Option<String>,
) -> Result<Posted, AppError> {
    let now = state.now();
    let draft = draft_json(&answers)?;
    let audit = AuditContext::new(None, address, now);
    let notifier = Notifier::of(state);
    state
        .db
        .run(move |conn| {
            write_transaction(conn, |conn| {
                let now_db = clock::to_db(now);
                let Some((row, _)) = db_questionnaires::find_by_token(conn, &hash_token(&token))?
                else {
                    return Ok(Posted::Unknown);
                };
                let link_state =
                    LinkState::of(row.expires_at, row.revoked_at, row.submitted_at, now_db);
                if link_state == LinkState::Submitted {
                    return Ok(Posted::Closed(link_state));
                }
                db_questionnaires::save_draft(conn, row.id.0, &draft, now_db)?;
                if link_state != LinkState::Open {
                    return Ok(Posted::Closed(link_state));
                }
                let case_id = row.case_id.0;
                // Spent first: of two sendings at once, the second finds it spent.
                if db_questionnaires::mark_submitted(conn, row.id.0, now_db)? != 1 {
                    return Ok(Posted::Closed(LinkState::Submitted));
                }
                let revision_id = record_pending(conn, case_id, &answers, language, now)?;
                db_questionnaires::set_revision(conn, row.id.0, revision_id.as_uuid())?;
                let case = db::cases::find(conn, case_id)?.ok_or(AppError::NotFound)?;
                let recipient = case
                    .lawyer()
                    .unwrap_or_else(|| StaffId::from(row.created_by.0));
                let details = case_details(conn, &case)?;
                notifier.notify(
                    conn,
                    recipient,
                    NotificationKind::QuestionnaireSubmitted,
                    &details,
                    None,
                )?;
                audit.record(
                    conn,
                    AuditAction::QuestionnaireSubmitted,
                    case_target(case_id),
                    json!({ "questionnaire_id": row.id.0, "revision_id": revision_id }),
                )?;
                Ok(Posted::Done)
            })
        })
        .await
}
