//! The audit log's vocabulary: every action Refuge records, and how an entry's details are
//! put into readable lines ("Field: before → after") for people, without ids or JSON.

use serde_json::{Map, Value};

use super::applicant::CourtProceedings;
use super::case_stage::{CaseStage, ClaimKind};
use super::claim_answers::{Answer, Ground};
use super::codes::{
    ChecklistStatus, HearingKind, ImmigrationStatus, MannerOfEntry, MaritalStatus, Persecutor,
    Relationship, Sex, TravelMode,
};
use super::deadlines::FilingExceptionKind;
use super::intake;
use super::notifications::{Delivery, NotificationKind};
use super::reports::ReportOf;
use super::staff::Role;
use crate::domain::second_factor::SecondFactorPolicy;
use crate::error::Message;
use crate::i18n::Language;

/// Declares the actions: the code stored in `audit_log.action` and the catalogue key of its
/// name. Written out as literals so the catalogue test sees every key.
macro_rules! actions {
    ($($variant:ident => $code:literal, $key:literal;)+) => {
        /// Everything the audit log records. Services can only record one of these, so every
        /// action written anywhere has a name in both catalogues (`tests/app/i18n.rs`).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum AuditAction { $($variant),+ }

        impl AuditAction {
            pub const ALL: &'static [AuditAction] = &[$(AuditAction::$variant),+];

            /// As stored and as the API sends it, e.g. `case.viewed`.
            pub fn code(self) -> &'static str {
                match self { $(Self::$variant => $code),+ }
            }

            pub fn label_key(self) -> &'static str {
                match self { $(Self::$variant => $key),+ }
            }

            pub fn parse(code: &str) -> Option<Self> {
                match code { $($code => Some(Self::$variant),)+ _ => None }
            }
        }
    };
}

actions! {
    AccessDenied => "access.denied", "audit-action-access-denied";
    AccountLocked => "account.locked", "audit-action-account-locked";
    AccountLockLinkRequested => "account.lock_link_requested", "audit-action-account-lock-link-requested";
    AccountUnlocked => "account.unlocked", "audit-action-account-unlocked";
    AccountNotificationsChanged => "account.notifications_changed", "audit-action-account-notifications-changed";
    AccountUpdated => "account.updated", "audit-action-account-updated";
    ApiTokenCreated => "api_token.created", "audit-action-api-token-created";
    ApiTokenRevoked => "api_token.revoked", "audit-action-api-token-revoked";
    CaseChecklistItemAdded => "case.checklist_item_added", "audit-action-case-checklist-item-added";
    CaseChecklistItemUpdated => "case.checklist_item_updated", "audit-action-case-checklist-item-updated";
    CaseConflictChecked => "case.conflict_checked", "audit-action-case-conflict-checked";
    CaseConflictSearched => "case.conflict_searched", "audit-action-case-conflict-searched";
    CaseCreated => "case.created", "audit-action-case-created";
    CaseDatesChanged => "case.dates_changed", "audit-action-case-dates-changed";
    CaseEadClockRestarted => "case.ead_clock_restarted", "audit-action-case-ead-clock-restarted";
    CaseEadClockStopped => "case.ead_clock_stopped", "audit-action-case-ead-clock-stopped";
    CaseEventAdded => "case.event_added", "audit-action-case-event-added";
    CaseEventOutcomeRecorded => "case.event_outcome_recorded", "audit-action-case-event-outcome-recorded";
    CaseEventRemoved => "case.event_removed", "audit-action-case-event-removed";
    CaseI589CheckOverridden => "case.i589_check_overridden", "audit-action-case-i589-check-overridden";
    CaseListViewed => "case_list.viewed", "audit-action-case-list-viewed";
    CaseNoteAdded => "case.note_added", "audit-action-case-note-added";
    CasePurged => "case.purged", "audit-action-case-purged";
    CaseRevisionReviewed => "case.revision_reviewed", "audit-action-case-revision-reviewed";
    CaseRevisionSubmitted => "case.revision_submitted", "audit-action-case-revision-submitted";
    CaseRevisionViewed => "case.revision_viewed", "audit-action-case-revision-viewed";
    CaseStageChanged => "case.stage_changed", "audit-action-case-stage-changed";
    CaseUpdated => "case.updated", "audit-action-case-updated";
    CaseViewed => "case.viewed", "audit-action-case-viewed";
    DemoDataLoaded => "demo_data.loaded", "audit-action-demo-data-loaded";
    DemoDataRemoved => "demo_data.removed", "audit-action-demo-data-removed";
    InquiryDeclined => "inquiry.declined", "audit-action-inquiry-declined";
    InquiryMerged => "inquiry.merged", "audit-action-inquiry-merged";
    InquiryTaken => "inquiry.taken", "audit-action-inquiry-taken";
    InvitationAccepted => "invitation.accepted", "audit-action-invitation-accepted";
    LoginFailed => "login.failed", "audit-action-login-failed";
    LoginSucceeded => "login.succeeded", "audit-action-login-succeeded";
    LoginThrottled => "login.throttled", "audit-action-login-throttled";
    Logout => "logout", "audit-action-logout";
    MailRetried => "mail.retried", "audit-action-mail-retried";
    MailSentNow => "mail.sent_now", "audit-action-mail-sent-now";
    OfficeSettingsChanged => "office.settings_changed", "audit-action-office-settings-changed";
    PasswordChanged => "password.changed", "audit-action-password-changed";
    QuestionnaireCreated => "questionnaire.created", "audit-action-questionnaire-created";
    QuestionnaireRevoked => "questionnaire.revoked", "audit-action-questionnaire-revoked";
    QuestionnaireSubmitted => "questionnaire.submitted", "audit-action-questionnaire-submitted";
    RecoveryCodeUsed => "second_factor.recovery_code_used", "audit-action-second-factor-recovery-code-used";
    RecoveryCodesRegenerated => "second_factor.recovery_codes_regenerated", "audit-action-second-factor-recovery-codes-regenerated";
    ReportExported => "report.exported", "audit-action-report-exported";
    ReportViewed => "report.viewed", "audit-action-report-viewed";
    SearchRun => "search.run", "audit-action-search-run";
    SecurityAlertSent => "security.alert_sent", "audit-action-security-alert-sent";
    SessionEnded => "session.ended", "audit-action-session-ended";
    SessionsEndedElsewhere => "session.others_ended", "audit-action-session-others-ended";
    SecondFactorEnrolled => "second_factor.enrolled", "audit-action-second-factor-enrolled";
    SecondFactorFailed => "second_factor.failed", "audit-action-second-factor-failed";
    SecondFactorReset => "second_factor.reset", "audit-action-second-factor-reset";
    SecondFactorThrottled => "second_factor.throttled", "audit-action-second-factor-throttled";
    SetupCompleted => "setup.completed", "audit-action-setup-completed";
    StaffCreated => "staff.created", "audit-action-staff-created";
    StaffDeactivated => "staff.deactivated", "audit-action-staff-deactivated";
    StaffPasswordReset => "staff.password_reset", "audit-action-staff-password-reset";
    StaffReactivated => "staff.reactivated", "audit-action-staff-reactivated";
    StaffSessionsEnded => "staff.sessions_ended", "audit-action-staff-sessions-ended";
    StaffUpdated => "staff.updated", "audit-action-staff-updated";
    TriageViewed => "triage.viewed", "audit-action-triage-viewed";
}

/// A case reference as typed in a filter (`R-2026-00042`): letters, digits and hyphens only,
/// so it can be matched inside stored details without escaping.
pub fn case_reference(raw: &str) -> Result<String, Message> {
    let reference = raw.trim().to_uppercase();
    let valid = !reference.is_empty()
        && reference.len() <= 32
        && reference
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-');
    if valid {
        Ok(reference)
    } else {
        Err(Message::new("validation-case-reference"))
    }
}

/// Why a request was refused (`access.denied`), as stored in the entry's `reason`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RefusalReason {
    /// The staff member's role does not allow it.
    Role,
    /// A paralegal and a case not assigned to them.
    NotAssigned,
    /// A state-changing request without a valid CSRF token.
    Csrf,
    /// The second factor is missing or wrong.
    SecondFactor,
    /// Too many attempts.
    Throttled,
}

impl RefusalReason {
    pub const ALL: [RefusalReason; 5] = [
        Self::Role,
        Self::NotAssigned,
        Self::Csrf,
        Self::SecondFactor,
        Self::Throttled,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Self::Role => "role",
            Self::NotAssigned => "not_assigned",
            Self::Csrf => "csrf",
            Self::SecondFactor => "second_factor",
            Self::Throttled => "throttled",
        }
    }

    pub fn label_key(self) -> &'static str {
        match self {
            Self::Role => "audit-refusal-role",
            Self::NotAssigned => "audit-refusal-not-assigned",
            Self::Csrf => "audit-refusal-csrf",
            Self::SecondFactor => "audit-refusal-second-factor",
            Self::Throttled => "audit-refusal-throttled",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.code() == code)
    }
}

impl AuditAction {
    /// Security events, for the audit log's filter: sign-ins and their failures, refusals,
    /// and changes to who may sign in or what they may do.
    pub fn is_security_event(self) -> bool {
        matches!(
            self,
            Self::AccessDenied
                | Self::AccountLocked
                | Self::AccountLockLinkRequested
                | Self::AccountUnlocked
                | Self::SessionEnded
                | Self::SessionsEndedElsewhere
                | Self::StaffSessionsEnded
                | Self::LoginFailed
                | Self::LoginSucceeded
                | Self::LoginThrottled
                | Self::Logout
                | Self::PasswordChanged
                | Self::ApiTokenCreated
                | Self::ApiTokenRevoked
                | Self::InvitationAccepted
                | Self::SecurityAlertSent
                | Self::SetupCompleted
                | Self::StaffCreated
                | Self::StaffDeactivated
                | Self::StaffPasswordReset
                | Self::StaffReactivated
                | Self::StaffUpdated
                | Self::OfficeSettingsChanged
        )
    }

    /// The codes of [`AuditAction::is_security_event`].
    pub fn security_codes() -> Vec<&'static str> {
        Self::ALL
            .iter()
            .filter(|a| a.is_security_event())
            .map(|a| a.code())
            .collect()
    }
}

/// What a detail line names: a catalogue key, within a numbered item of a list (family
/// member 2, journey leg 1) where the intake has one; an unknown field keeps its stored name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldName {
    Key {
        key: &'static str,
        /// The catalogue key of the list item (it takes `$number`) and the item's number.
        item: Option<(&'static str, usize)>,
    },
    Unknown(String),
}

/// A value as it will be shown, before it is put into the reader's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Shown {
    /// Shown as stored: dates, numbers, references, emails.
    Text(String),
    /// A catalogue key.
    Label(&'static str),
    /// A staff member, shown by name.
    Staff(uuid::Uuid),
    Country(String),
    Language(String),
    List(Vec<Shown>),
    /// A sensitive field: only the fact that it changed is logged.
    Changed,
    /// Nothing recorded.
    Empty,
}

/// One readable line of an entry's details: "Field: value" or "Field: before → after".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DetailLine {
    pub field: FieldName,
    pub before: Option<Shown>,
    pub after: Shown,
}

impl DetailLine {
    /// Staff members the line names, so their names can be looked up once for a page.
    pub fn staff(&self) -> Vec<uuid::Uuid> {
        fn collect(shown: &Shown, out: &mut Vec<uuid::Uuid>) {
            match shown {
                Shown::Staff(id) => out.push(*id),
                Shown::List(items) => items.iter().for_each(|i| collect(i, out)),
                _ => {}
            }
        }
        let mut out = Vec::new();
        if let Some(before) = &self.before {
            collect(before, &mut out);
        }
        collect(&self.after, &mut out);
        out
    }
}

/// How a stored value is read.
#[derive(Clone, Copy)]
enum Kind {
    Text,
    Flag,
    /// A code with a name in the catalogues.
    Code(fn(&str) -> Option<&'static str>),
    Country,
    Language,
    Staff,
    /// `office`, `lawyer:<id>` or `paralegal:<id>`.
    ReportScope,
    /// A figure's group: a staff member's id or a plain value.
    StaffOrText,
}

type Field = (&'static str, &'static str, Kind);

fn stage(code: &str) -> Option<&'static str> {
    CaseStage::parse(code).ok().map(CaseStage::label_key)
}

/// Detail keys of the entries themselves (not of the intake or the key dates).
const ENTRY_FIELDS: &[Field] = &[
    ("reference", "audit-field-reference", Kind::Text),
    ("intake_complete", "audit-field-intake-complete", Kind::Flag),
    ("demo_data", "audit-field-demo-data", Kind::Flag),
    ("with_note", "audit-field-with-note", Kind::Flag),
    // A filing with I-589 items missing: how many and their printed numbers.
    (
        "missing_count",
        "audit-field-i589-missing-count",
        Kind::Text,
    ),
    (
        "missing_items",
        "audit-field-i589-missing-items",
        Kind::Text,
    ),
    (
        "outcome",
        "audit-field-conflict-outcome",
        Kind::Code(|c| match c {
            "clear" => Some("conflict-status-clear"),
            "conflict" => Some("conflict-status-conflict"),
            _ => None,
        }),
    ),
    (
        "kind",
        "audit-field-event-kind",
        Kind::Code(|c| HearingKind::parse(c).ok().map(HearingKind::label_key)),
    ),
    ("on", "audit-field-on", Kind::Text),
    ("corrected", "audit-field-corrected", Kind::Flag),
    (
        "status",
        "audit-field-checklist-status",
        Kind::Code(|c| {
            ChecklistStatus::parse(c)
                .ok()
                .map(ChecklistStatus::label_key)
        }),
    ),
    ("note", "audit-field-note", Kind::Text),
    ("people_checked", "audit-field-people-checked", Kind::Text),
    ("matches", "audit-field-matches", Kind::Text),
    (
        "same_date_of_birth",
        "audit-field-same-date-of-birth",
        Kind::Text,
    ),
    ("email", "field-email", Kind::Text),
    (
        "channel",
        "audit-field-channel",
        Kind::Code(|c| match c {
            "html" => Some("audit-channel-html"),
            "api" => Some("audit-channel-api"),
            _ => None,
        }),
    ),
    (
        "reason",
        "audit-field-reason",
        Kind::Code(|c| match c {
            "unknown_account" => Some("audit-reason-unknown-account"),
            "no_password" => Some("audit-reason-no-password"),
            "inactive" => Some("audit-reason-inactive"),
            "wrong_password" => Some("audit-reason-wrong-password"),
            "wrong_code" => Some("audit-reason-wrong-code"),
            "code_reused" => Some("audit-reason-code-reused"),
            "wrong_recovery_code" => Some("audit-reason-wrong-recovery-code"),
            "no_code" => Some("audit-reason-no-code"),
            "locked" => Some("audit-reason-locked"),
            other => RefusalReason::parse(other).map(RefusalReason::label_key),
        }),
    ),
    ("retry_after_seconds", "audit-field-retry-after", Kind::Text),
    ("current", "audit-field-current-session", Kind::Flag),
    ("sessions_ended", "audit-field-sessions-ended", Kind::Text),
    ("route", "audit-field-route", Kind::Text),
    ("results", "audit-field-results", Kind::Text),
    (
        "search",
        "audit-field-search",
        Kind::Code(|c| match c {
            "names" => Some("audit-search-names"),
            "numbers" => Some("audit-search-numbers"),
            _ => None,
        }),
    ),
    (
        "list",
        "audit-field-list",
        Kind::Code(|c| match c {
            "mine" => Some("case-list-scope-mine"),
            "all" => Some("case-list-scope-all"),
            _ => None,
        }),
    ),
    ("refusals", "audit-field-refusals", Kind::Text),
    (
        "view",
        "audit-field-view",
        Kind::Code(|c| match c {
            "audit_trail" => Some("audit-view-audit-trail"),
            _ => None,
        }),
    ),
    (
        "export",
        "audit-field-export",
        Kind::Code(|c| match c {
            "cases" => Some("audit-export-cases"),
            "summary" => Some("audit-export-summary"),
            _ => None,
        }),
    ),
    ("rows", "audit-field-rows", Kind::Text),
    ("display_name", "field-display-name", Kind::Text),
    (
        "role",
        "field-role",
        Kind::Code(|c| c.parse::<Role>().ok().map(Role::label_key)),
    ),
    (
        "language",
        "field-language",
        Kind::Code(|c| Language::parse(c).map(Language::label_key)),
    ),
    ("active", "audit-field-active", Kind::Flag),
    ("invited", "audit-field-invited", Kind::Flag),
    ("week", "report-week", Kind::Text),
    ("of", "report-of", Kind::ReportScope),
    ("figure", "audit-field-figure", Kind::Text),
    ("key", "audit-field-figure-group", Kind::StaffOrText),
    ("clients", "audit-field-clients", Kind::Text),
    ("staff", "audit-field-staff-count", Kind::Text),
    ("cases", "audit-field-cases", Kind::Text),
    ("audit_entries", "audit-field-audit-entries", Kind::Text),
    ("seed", "audit-field-seed", Kind::Text),
    ("today", "audit-field-today", Kind::Text),
    (
        "paralegals_see_all_cases",
        "settings-paralegals-see-all",
        Kind::Flag,
    ),
    (
        "email_client_initials",
        "settings-email-initials",
        Kind::Flag,
    ),
    (
        "second_factor_policy",
        "settings-second-factor-policy",
        Kind::Code(|c| SecondFactorPolicy::parse(c).map(SecondFactorPolicy::label_key)),
    ),
    ("recovery_codes", "audit-field-recovery-codes", Kind::Text),
    ("retention_years", "settings-retention-years", Kind::Text),
    ("inquiry_form", "settings-inquiry-form", Kind::Flag),
    ("office_name", "settings-office-name", Kind::Text),
    (
        "source",
        "audit-field-source",
        Kind::Code(|c| match c {
            "web_form" => Some("audit-source-web-form"),
            _ => None,
        }),
    ),
    ("merged_into", "audit-field-merged-into", Kind::Text),
    ("reply_sent", "audit-field-reply-sent", Kind::Flag),
    ("lawyer_id", "intake-claim-lawyer", Kind::Staff),
    ("emailed", "audit-field-questionnaire-emailed", Kind::Flag),
    (
        "expires_on",
        "audit-field-questionnaire-expires-on",
        Kind::Text,
    ),
    (
        "links_revoked",
        "audit-field-questionnaire-links-revoked",
        Kind::Text,
    ),
    // A review of a client's revision: which fields (paths, never values).
    ("accepted", "audit-field-revision-accepted", Kind::Text),
    ("edited", "audit-field-revision-edited", Kind::Text),
    ("rejected", "audit-field-revision-rejected", Kind::Text),
];

/// Ids that mean nothing to a reader; the API still sends them.
const HIDDEN: &[&str] = &[
    "event_id",
    "item_id",
    "note_id",
    "stop_id",
    "token_id",
    "table",
    "revision_id",
];

/// The case's key dates, as `KeyDates::fields` names them.
const KEY_DATE_FIELDS: &[Field] = &[
    ("i589_filed_on", "case-dates-i589-filed", Kind::Text),
    ("i589_received_on", "case-dates-i589-received", Kind::Text),
    (
        "one_year_exception",
        "case-dates-exception",
        Kind::Code(|c| {
            serde_json::from_value::<FilingExceptionKind>(Value::from(c))
                .ok()
                .map(FilingExceptionKind::label_key)
        }),
    ),
    (
        "one_year_exception_until",
        "case-dates-exception-until",
        Kind::Text,
    ),
    ("ij_decision_on", "case-dates-ij-decision", Kind::Text),
    ("appeal_filed_on", "case-dates-appeal-filed", Kind::Text),
    ("granted_on", "case-dates-granted", Kind::Text),
    ("court_verified_on", "case-dates-court-verified", Kind::Text),
    ("i765_filed_on", "case-dates-i765-filed", Kind::Text),
    (
        "re_parole_filed_on",
        "case-dates-re-parole-filed",
        Kind::Text,
    ),
    ("i730_filed_on", "case-dates-i730-filed", Kind::Text),
    ("i485_filed_on", "case-dates-i485-filed", Kind::Text),
];

/// How the intake's fields that are not plain text are read, by path without the item
/// number; any other intake field is text. Their labels are `intake::FIELD_LABELS`.
const INTAKE_KINDS: &[(&str, Kind)] = &[
    (
        "client.sex",
        Kind::Code(|c| Sex::parse(c).ok().map(Sex::label_key)),
    ),
    ("client.country_of_birth", Kind::Country),
    ("client.nationalities", Kind::Country),
    ("client.languages", Kind::Language),
    ("client.interpreter_needed", Kind::Flag),
    ("client.phone_safe", Kind::Flag),
    ("client.email_safe", Kind::Flag),
    ("client.address_safe", Kind::Flag),
    ("client.messenger_safe", Kind::Flag),
    (
        "client.immigration_status",
        Kind::Code(|c| {
            ImmigrationStatus::parse(c)
                .ok()
                .map(ImmigrationStatus::label_key)
        }),
    ),
    (
        "entry.manner_of_entry",
        Kind::Code(|c| MannerOfEntry::parse(c).ok().map(MannerOfEntry::label_key)),
    ),
    (
        "family.relationship",
        Kind::Code(|c| Relationship::parse(c).ok().map(Relationship::label_key)),
    ),
    (
        "family.marital_status",
        Kind::Code(|c| MaritalStatus::parse(c).ok().map(MaritalStatus::label_key)),
    ),
    ("family.in_us", Kind::Flag),
    ("family.derivative", Kind::Flag),
    ("family.safe_to_contact", Kind::Flag),
    // I-589 Part A.II.
    (
        "family.sex",
        Kind::Code(|c| Sex::parse(c).ok().map(Sex::label_key)),
    ),
    ("family.country_of_birth", Kind::Country),
    ("family.nationality", Kind::Country),
    ("family.in_court_proceedings", ANSWER),
    ("children.none", Kind::Flag),
    ("journey.from_country", Kind::Country),
    ("journey.to_country", Kind::Country),
    (
        "journey.mode",
        Kind::Code(|c| TravelMode::parse(c).ok().map(TravelMode::label_key)),
    ),
    (
        "persecution.actor",
        Kind::Code(|c| Persecutor::parse(c).ok().map(Persecutor::label_key)),
    ),
    (
        "claim.kind",
        Kind::Code(|c| ClaimKind::parse(c).ok().map(ClaimKind::label_key)),
    ),
    ("claim.lawyer_id", Kind::Staff),
    ("claim.paralegal_id", Kind::Staff),
    (
        "claim_answers.grounds",
        Kind::Code(|c| Ground::parse(c).ok().map(Ground::label_key)),
    ),
    ("claim_answers.past_harm.answer", ANSWER),
    ("claim_answers.fear_of_harm.answer", ANSWER),
    ("claim_answers.arrested_abroad.answer", ANSWER),
    ("claim_answers.organizations.answer", ANSWER),
    ("claim_answers.continued_participation.answer", ANSWER),
    ("claim_answers.fear_of_torture.answer", ANSWER),
    ("claim_answers.earlier_applications.answer", ANSWER),
    ("claim_answers.other_countries.answer", ANSWER),
    ("claim_answers.status_elsewhere.answer", ANSWER),
    ("claim_answers.harmed_others.answer", ANSWER),
    ("claim_answers.returned.answer", ANSWER),
    ("claim_answers.filed_after_one_year.answer", ANSWER),
    ("claim_answers.crimes_in_us.answer", ANSWER),
    // I-589 Part A.III.
    ("background.last_address.country", Kind::Country),
    ("background.feared_country_address.country", Kind::Country),
    ("background.feared_country_same", Kind::Flag),
    ("background.no_schooling", Kind::Flag),
    ("background.no_employment", Kind::Flag),
    ("background.no_siblings", Kind::Flag),
    ("background.mother.birth_country", Kind::Country),
    ("background.mother.deceased", Kind::Flag),
    ("background.father.birth_country", Kind::Country),
    ("background.father.deceased", Kind::Flag),
    ("residences.country", Kind::Country),
    ("siblings.birth_country", Kind::Country),
    ("siblings.deceased", Kind::Flag),
    // I-589 Part A.I (issue 16). None of them is logged with its values.
    ("applicant.mailing_same_as_residence", ANSWER),
    (
        "applicant.marital_status",
        Kind::Code(|c| MaritalStatus::parse(c).ok().map(MaritalStatus::label_key)),
    ),
    ("applicant.nationality_at_birth", Kind::Country),
    (
        "applicant.court_proceedings",
        Kind::Code(|c| {
            CourtProceedings::parse(c)
                .ok()
                .map(CourtProceedings::label_key)
        }),
    ),
    ("applicant.travel_document_country", Kind::Country),
    ("applicant.native_language", Kind::Language),
    ("applicant.fluent_in_english", ANSWER),
    ("applicant.no_other_languages", Kind::Flag),
];

/// A yes/no question of the I-589.
const ANSWER: Kind = Kind::Code(|c| Answer::parse(c).ok().map(Answer::label_key));

/// An intake field's label and how its value is read.
fn intake_lookup(path: &str) -> Option<(&'static str, Kind)> {
    let key = intake::label_key(path)?;
    let kind = INTAKE_KINDS
        .iter()
        .find(|(field, _)| *field == path)
        .map_or(Kind::Text, |(_, kind)| *kind);
    Some((key, kind))
}

/// The intake fields (by path without the item number) whose values the audit log keeps,
/// before → after: how the case is handled, never who the person is or what happened to
/// them. Every other field — and any field added later, until someone adds it here — is
/// recorded only as changed. Kept out on purpose: names, dates of birth, numbers, contact
/// details, nationality, languages, immigration status, the whole entry (date, port,
/// manner, parole), the journey, family facts other than the two below, and every
/// persecution fact (dates, place, who acted, days detained, charges, outcome).
const INTAKE_VALUES_LOGGED: &[&str] = &[
    // The claim and who works on it.
    "claim.kind",
    "claim.lawyer_id",
    "claim.paralegal_id",
    // How the office may reach the client, and whether hearings need an interpreter:
    // who changed a safety flag must be on record with what it became.
    "client.interpreter_needed",
    "client.phone_safe",
    "client.email_safe",
    "client.address_safe",
    "client.messenger_safe",
    "family.safe_to_contact",
    // A legal decision on the application.
    "family.derivative",
    // Not the I-589's Parts B and C, not even yes or no: the log is kept for good, and
    // "arrested abroad: yes" or the grounds claimed are already part of the story.
];

/// Whether a change to the intake field at `path` (`claim.kind`, `family.2.derivative`) is
/// logged with its values; otherwise the log says only that it changed.
pub fn intake_values_logged(path: &str) -> bool {
    // Asked for every field of every saved intake: no allocation.
    let mut parts = path.split('.');
    match (parts.next(), parts.next(), parts.next(), parts.next()) {
        (Some(section), Some(index), Some(name), None) if index.parse::<usize>().is_ok() => {
            INTAKE_VALUES_LOGGED
                .iter()
                .any(|logged| logged.split_once('.') == Some((section, name)))
        }
        _ => INTAKE_VALUES_LOGGED.contains(&path),
    }
}

/// The catalogue key of each numbered list of the intake (it takes `$number`).
const INTAKE_ITEMS: &[(&str, &str)] = &[
    ("family", "intake-family-member"),
    ("journey", "intake-journey-leg"),
    ("persecution", "intake-persecution-event"),
    // I-589 Part A.III.
    ("residences", "background-residence-item"),
    ("schools", "background-school-item"),
    ("jobs", "background-job-item"),
    ("siblings", "background-sibling-item"),
    ("us_entries", "i589a-entry"),
];

fn lookup(table: &[Field], name: &str) -> Option<(&'static str, Kind)> {
    table
        .iter()
        .find(|(n, _, _)| *n == name)
        .map(|(_, key, kind)| (*key, *kind))
}

/// An intake path such as `client.nationalities` or `family.1.given_name`.
fn intake_field(path: &str) -> Option<(FieldName, Kind)> {
    let parts: Vec<&str> = path.split('.').collect();
    match parts.as_slice() {
        [section, index, name] if index.parse::<usize>().is_ok() => {
            let number = index.parse::<usize>().ok()?.checked_add(1)?;
            let item = INTAKE_ITEMS.iter().find(|(s, _)| s == section)?.1;
            let (key, kind) = intake_lookup(&format!("{section}.{name}"))?;
            Some((
                FieldName::Key {
                    key,
                    item: Some((item, number)),
                },
                kind,
            ))
        }
        // A field of a section or of a question (`claim_answers.past_harm.answer`).
        [_, _] | [_, _, _] => {
            let (key, kind) = intake_lookup(path)?;
            Some((FieldName::Key { key, item: None }, kind))
        }
        _ => None,
    }
}

fn plain_field(table: &[Field], name: &str) -> Option<(FieldName, Kind)> {
    lookup(table, name).map(|(key, kind)| (FieldName::Key { key, item: None }, kind))
}

fn field_of(name: &str) -> Option<(FieldName, Kind)> {
    plain_field(ENTRY_FIELDS, name)
        .or_else(|| plain_field(KEY_DATE_FIELDS, name))
        .or_else(|| intake_field(name))
        .or_else(|| {
            NotificationKind::parse(name).map(|kind| {
                (
                    FieldName::Key {
                        key: kind.label_key(),
                        item: None,
                    },
                    Kind::Code(|c| Delivery::parse(c).map(Delivery::label_key)),
                )
            })
        })
}

fn shown(value: &Value, kind: Kind) -> Shown {
    match value {
        Value::Null => Shown::Empty,
        Value::Array(items) if items.is_empty() => Shown::Empty,
        Value::Array(items) => Shown::List(items.iter().map(|v| shown(v, kind)).collect()),
        Value::Bool(b) => Shown::Label(if *b { "case-yes" } else { "case-no" }),
        Value::Number(n) => Shown::Text(n.to_string()),
        Value::String(s) if s.is_empty() => Shown::Empty,
        Value::String(s) => match kind {
            Kind::Text | Kind::Flag => Shown::Text(s.clone()),
            Kind::Code(label) => label(s).map_or_else(|| Shown::Text(s.clone()), Shown::Label),
            Kind::Country => Shown::Country(s.clone()),
            Kind::Language => Shown::Language(s.clone()),
            Kind::Staff | Kind::StaffOrText => s
                .parse()
                .map_or_else(|_| Shown::Text(s.clone()), Shown::Staff),
            Kind::ReportScope => match ReportOf::parse(s) {
                Ok(ReportOf::Office) => Shown::Label("report-of-office"),
                Ok(ReportOf::Lawyer(id) | ReportOf::Paralegal(id)) => Shown::Staff(id.as_uuid()),
                Err(_) => Shown::Text(s.clone()),
            },
        },
        Value::Object(_) => Shown::Changed,
    }
}

/// A value that is still JSON-shaped and has no known meaning: shown as a plain phrase, so
/// nothing that looks like JSON reaches a page.
fn unknown_value(value: &Value) -> Shown {
    match value {
        Value::Object(_) => Shown::Changed,
        other => shown(other, Kind::Text),
    }
}

fn line(name: &str, value: &Value, out: &mut Vec<DetailLine>) {
    let (field, kind) = match field_of(name) {
        Some(found) => found,
        None if looks_like_id(value) => return,
        None => (FieldName::Unknown(name.to_string()), Kind::Text),
    };
    let read = |v: &Value| match field {
        FieldName::Unknown(_) => unknown_value(v),
        FieldName::Key { .. } => shown(v, kind),
    };
    let (before, after) = match value.as_object() {
        Some(change) if change.contains_key("before") || change.contains_key("after") => (
            Some(read(change.get("before").unwrap_or(&Value::Null))),
            read(change.get("after").unwrap_or(&Value::Null)),
        ),
        Some(_) => (None, Shown::Changed),
        None => (None, read(value)),
    };
    out.push(DetailLine {
        field,
        before,
        after,
    });
}

fn looks_like_id(value: &Value) -> bool {
    value
        .as_str()
        .is_some_and(|s| s.parse::<uuid::Uuid>().is_ok())
}

/// The readable lines of an entry's stored details, in a stable order.
pub fn describe(details: &Value) -> Vec<DetailLine> {
    let mut out = Vec::new();
    let Some(map) = details.as_object() else {
        return out;
    };
    if map.contains_key("to") {
        let read = |key: &str| {
            map.get(key)
                .and_then(Value::as_str)
                .map_or(Shown::Empty, |code| {
                    stage(code).map_or_else(|| Shown::Text(code.to_string()), Shown::Label)
                })
        };
        out.push(DetailLine {
            field: FieldName::Key {
                key: "audit-field-stage",
                item: None,
            },
            before: Some(read("from")),
            after: read("to"),
        });
    }
    for (name, value) in map {
        match name.as_str() {
            "from" | "to" => {}
            name if HIDDEN.contains(&name) => {}
            "fields" => {
                if let Some(fields) = value.as_object() {
                    fields_lines(fields, &mut out);
                }
            }
            name => line(name, value, &mut out),
        }
    }
    out
}

fn fields_lines(fields: &Map<String, Value>, out: &mut Vec<DetailLine>) {
    for (name, value) in fields {
        line(name, value, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::case_work::KeyDates;
    use crate::domain::intake::{
        ClaimDetails, ClientDetails, EntryDetails, FamilyMember, Intake, JourneyLeg,
        PersecutionEvent,
    };
    use serde_json::json;

    fn flat(prefix: &str, value: &Value, out: &mut Vec<String>) {
        match value {
            Value::Object(map) => {
                for (k, v) in map {
                    let path = if prefix.is_empty() {
                        k.clone()
                    } else {
                        format!("{prefix}.{k}")
                    };
                    flat(&path, v, out);
                }
            }
            Value::Array(items) if items.iter().any(Value::is_object) => {
                for (i, v) in items.iter().enumerate() {
                    flat(&format!("{prefix}.{i}"), v, out);
                }
            }
            _ => out.push(prefix.to_string()),
        }
    }

    #[test]
    fn codes_round_trip_and_keys_are_distinct() {
        for action in AuditAction::ALL {
            assert_eq!(AuditAction::parse(action.code()), Some(*action));
            let named = format!("audit-action-{}", action.code().replace(['.', '_'], "-"));
            assert_eq!(action.label_key(), named);
        }
        let mut keys: Vec<_> = AuditAction::ALL.iter().map(|a| a.label_key()).collect();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), AuditAction::ALL.len());
        assert_eq!(AuditAction::parse("case.teleported"), None);
    }

    #[test]
    fn every_intake_field_has_a_label() {
        let intake = Intake {
            client: ClientDetails::default(),
            entry: EntryDetails::default(),
            family: vec![FamilyMember::default()],
            journey: vec![JourneyLeg::default()],
            persecution: vec![PersecutionEvent::default()],
            claim: ClaimDetails::default(),
            claim_answers: Default::default(),
            children: Default::default(),
            background: Default::default(),
            residences: vec![Default::default()],
            schools: vec![Default::default()],
            jobs: vec![Default::default()],
            siblings: vec![Default::default()],
            applicant: Default::default(),
            us_entries: vec![Default::default()],
        };
        let mut paths = Vec::new();
        flat("", &serde_json::to_value(&intake).unwrap(), &mut paths);
        assert!(paths.len() > 50, "{paths:?}");
        let unlabelled: Vec<_> = paths.iter().filter(|p| intake_field(p).is_none()).collect();
        assert!(unlabelled.is_empty(), "no label for {unlabelled:?}");
    }

    #[test]
    fn only_allowlisted_intake_fields_keep_their_values() {
        for path in [
            "claim.kind",
            "claim.lawyer_id",
            "client.phone_safe",
            "family.3.derivative",
            "family.0.safe_to_contact",
        ] {
            assert!(intake_values_logged(path), "{path}");
        }
        for path in [
            "client.nationalities",
            "client.given_name",
            "entry.port_of_entry",
            "entry.last_arrival_on",
            "persecution.0.detention_days",
            "persecution.1.actor",
            "persecution.0.occurred_on",
            "family.0.date_of_birth",
            "journey.2.from_country",
            "client.some_field_added_next_year",
            "claim.kind.extra",
            "family.first.derivative",
            "family.0.derivative.extra",
            "claim_answers.grounds",
            "claim_answers.past_harm.answer",
            "claim_answers.crimes_in_us.answer",
            "claim_answers.past_harm.explanation",
            "claim_answers.filed_after_one_year.explanation",
        ] {
            assert!(!intake_values_logged(path), "{path}");
        }
    }

    #[test]
    fn a_claim_answer_reads_as_its_question_and_answer() {
        let lines = describe(&json!({
            "fields": {
                "claim_answers.grounds": { "before": [], "after": ["political_opinion"] },
                "claim_answers.past_harm.answer": { "before": "unanswered", "after": "yes" },
                "claim_answers.past_harm.explanation": { "changed": true },
            },
        }));
        let key = |key: &'static str| FieldName::Key { key, item: None };
        assert_eq!(lines[0].field, key("i589-grounds"));
        assert_eq!(
            lines[0].after,
            Shown::List(vec![Shown::Label("ground-political_opinion")])
        );
        assert_eq!(lines[1].field, key("i589-past-harm"));
        assert_eq!(
            lines[1].before,
            Some(Shown::Label("i589-answer-unanswered"))
        );
        assert_eq!(lines[1].after, Shown::Label("i589-answer-yes"));
        assert_eq!(lines[2].field, key("i589-past-harm-explanation"));
        assert_eq!(lines[2].after, Shown::Changed);
    }

    #[test]
    fn every_key_date_has_a_label() {
        for (name, _) in KeyDates::default().fields() {
            assert!(plain_field(KEY_DATE_FIELDS, name).is_some(), "{name}");
        }
    }

    #[test]
    fn a_stage_change_reads_from_before_to_after() {
        let lines =
            describe(&json!({ "from": "inquiry", "to": "conflict_check", "with_note": true }));
        assert_eq!(
            lines[0],
            DetailLine {
                field: FieldName::Key {
                    key: "audit-field-stage",
                    item: None
                },
                before: Some(Shown::Label("case-stage-inquiry")),
                after: Shown::Label("case-stage-conflict-check"),
            }
        );
        assert_eq!(lines[1].after, Shown::Label("case-yes"));
        assert_eq!(lines.len(), 2);
    }

    #[test]
    fn intake_changes_name_the_item_and_hide_sensitive_values() {
        let lawyer = uuid::Uuid::new_v4();
        let lines = describe(&json!({
            "intake_complete": false,
            "fields": {
                "family.1.given_name": { "changed": true },
                "client.nationalities": { "before": ["RU"], "after": ["RU", "UA"] },
                "claim.lawyer_id": { "before": null, "after": lawyer },
            },
        }));
        let of = |key: &str| {
            lines
                .iter()
                .find(|l| matches!(l.field, FieldName::Key { key: k, .. } if k == key))
                .cloned()
                .unwrap()
        };
        let given = of("intake-family-given-name");
        assert_eq!(
            given.field,
            FieldName::Key {
                key: "intake-family-given-name",
                item: Some(("intake-family-member", 2))
            }
        );
        assert_eq!((given.before, given.after), (None, Shown::Changed));
        assert_eq!(
            of("intake-client-nationalities").after,
            Shown::List(vec![
                Shown::Country("RU".into()),
                Shown::Country("UA".into())
            ])
        );
        let assigned = of("intake-claim-lawyer");
        assert_eq!(assigned.before, Some(Shown::Empty));
        assert_eq!(assigned.staff(), vec![lawyer]);
    }

    #[test]
    fn ids_are_left_out_and_unknown_fields_keep_their_name() {
        let lines = describe(&json!({
            "item_id": uuid::Uuid::new_v4(),
            "status": { "before": "missing", "after": "received" },
            "someday": { "nested": 1 },
            "some_id": uuid::Uuid::new_v4(),
        }));
        // In key order: someday, status.
        assert_eq!(lines.len(), 2, "{lines:?}");
        assert_eq!(lines[0].field, FieldName::Unknown("someday".into()));
        assert_eq!(lines[0].after, Shown::Changed);
        assert_eq!(lines[1].before, Some(Shown::Label("checklist-missing")));
    }

    #[test]
    fn case_references_are_plain() {
        assert_eq!(case_reference(" r-2026-00042 "), Ok("R-2026-00042".into()));
        for bad in ["", "R-2026-%", "R_1", "R\u{0}1"] {
            assert!(case_reference(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn a_report_scope_names_the_lawyer() {
        let id = uuid::Uuid::new_v4();
        let lines = describe(&json!({ "week": "2026-W47", "of": format!("lawyer:{id}") }));
        assert_eq!(lines[0].after, Shown::Staff(id));
        let office = describe(&json!({ "of": "office" }));
        assert_eq!(office[0].after, Shown::Label("report-of-office"));
    }
}
