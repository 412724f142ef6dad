//! Notification messages rendered in the recipient's language from `templates/email`: a
//! subject without personal data, a plain-text part and an HTML part.

use askama::Template;

use crate::domain::notifications::{NotificationDetails, NotificationKind};
use crate::error::Message;
use crate::i18n::I18n;

/// A message ready for the outbox.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RenderedMessage {
    pub subject: String,
    pub text_body: String,
    pub html_body: String,
}

/// One thing the message tells: a sentence, supporting lines, and links to the cases.
#[derive(Debug, Clone)]
pub struct Notice {
    pub headline: String,
    pub lines: Vec<String>,
    /// (text, link) pairs: the case, or each case of a list.
    pub links: Vec<(String, String)>,
}

#[derive(Template)]
#[template(path = "email/message.txt")]
struct TextMessage<'a> {
    parts: &'a MessageParts,
}

#[derive(Template)]
#[template(path = "email/message.html")]
struct HtmlMessage<'a> {
    parts: &'a MessageParts,
}

struct MessageParts {
    lang: &'static str,
    subject: String,
    greeting: String,
    intro: Option<String>,
    notices: Vec<Notice>,
    footer: String,
    preferences_label: String,
    preferences_link: String,
}

fn date(on: chrono::NaiveDate) -> String {
    on.format("%Y-%m-%d").to_string()
}

fn case_link(base: &str, details: &NotificationDetails) -> Vec<(String, String)> {
    match (&details.reference, details.case_id) {
        (Some(reference), Some(id)) => vec![(reference.clone(), format!("{base}/cases/{id}"))],
        _ => Vec::new(),
    }
}

/// The sentence and lines of one notification.
pub fn notice(
    i18n: &I18n,
    kind: NotificationKind,
    details: &NotificationDetails,
    base: &str,
) -> Notice {
    let reference = details.reference.clone().unwrap_or_default();
    let mut lines = Vec::new();
    let headline = match kind {
        NotificationKind::CaseAssigned => {
            let role = if details.role.as_deref() == Some("paralegal") {
                "email-role-paralegal"
            } else {
                "email-role-lawyer"
            };
            i18n.message(
                &Message::new("email-case-assigned")
                    .with("reference", &reference)
                    .with_label("role", role),
            )
        }
        NotificationKind::StageChanged => i18n.message(
            &Message::new("email-stage-changed")
                .with("reference", &reference)
                .with_label(
                    "from",
                    details
                        .from_stage
                        .map_or("case-stage-invalid", |s| s.label_key()),
                )
                .with_label(
                    "to",
                    details
                        .to_stage
                        .map_or("case-stage-invalid", |s| s.label_key()),
                ),
        ),
        NotificationKind::CourtRecheck => {
            for case in &details.cases {
                let verified = match case.verified_on {
                    Some(on) => i18n
                        .message(&Message::new("email-court-verified-on").with("date", date(on))),
                    None => i18n.t("email-court-never-verified"),
                };
                lines.push(
                    i18n.message(
                        &Message::new("email-court-recheck-case")
                            .with("reference", &case.reference)
                            .with("date", date(case.hearing_on))
                            .with("verified", verified),
                    ),
                );
            }
            i18n.message(&Message::new("email-court-recheck").with("count", details.cases.len()))
        }
        NotificationKind::QuestionnaireSubmitted => i18n
            .message(&Message::new("email-questionnaire-submitted").with("reference", &reference)),
        NotificationKind::OneYearReminder
        | NotificationKind::HearingReminder
        | NotificationKind::AppealReminder
        | NotificationKind::ParoleReminder
        | NotificationKind::AgeOutReminder => i18n.message(
            &Message::new("email-reminder")
                .with("reference", &reference)
                .with_label(
                    "deadline",
                    details
                        .deadline
                        .map_or("case-list-deadline", |d| d.label_key()),
                )
                .with("date", details.due_on.map(date).unwrap_or_default())
                .with("days", details.days_left.unwrap_or_default()),
        ),
    };
    if let Some(initials) = &details.initials {
        lines.push(i18n.message(&Message::new("email-client-initials").with("initials", initials)));
    }
    let links = if kind == NotificationKind::CourtRecheck {
        details
            .cases
            .iter()
            .map(|c| (c.reference.clone(), format!("{base}/cases/{}", c.case_id)))
            .collect()
    } else {
        case_link(base, details)
    };
    Notice {
        headline,
        lines,
        links,
    }
}

fn subject(i18n: &I18n, kind: NotificationKind, details: &NotificationDetails) -> String {
    let reference = details.reference.clone().unwrap_or_default();
    let message = match kind {
        NotificationKind::CaseAssigned => {
            Message::new("email-subject-case-assigned").with("reference", reference)
        }
        NotificationKind::StageChanged => {
            Message::new("email-subject-stage-changed").with("reference", reference)
        }
        NotificationKind::CourtRecheck => Message::new("email-subject-court-recheck"),
        NotificationKind::QuestionnaireSubmitted => {
            Message::new("email-subject-questionnaire-submitted").with("reference", reference)
        }
        _ => Message::new("email-subject-reminder")
            .with("reference", reference)
            .with("days", details.days_left.unwrap_or_default()),
    };
    i18n.message(&message)
}

fn render(parts: MessageParts) -> Result<RenderedMessage, askama::Error> {
    Ok(RenderedMessage {
        text_body: TextMessage { parts: &parts }.render()?,
        html_body: HtmlMessage { parts: &parts }.render()?,
        subject: parts.subject,
    })
}

fn parts(i18n: &I18n, recipient_name: &str, base: &str, subject: String) -> MessageParts {
    MessageParts {
        lang: i18n.language().code(),
        subject,
        greeting: i18n.message(&Message::new("email-greeting").with("name", recipient_name)),
        intro: None,
        notices: Vec::new(),
        footer: i18n.t("email-footer"),
        preferences_label: i18n.t("email-preferences"),
        preferences_link: format!("{base}/account#notifications"),
    }
}

/// One notification as its own message.
pub fn single(
    i18n: &I18n,
    recipient_name: &str,
    kind: NotificationKind,
    details: &NotificationDetails,
    base: &str,
) -> Result<RenderedMessage, askama::Error> {
    let mut parts = parts(i18n, recipient_name, base, subject(i18n, kind, details));
    parts.notices.push(notice(i18n, kind, details, base));
    render(parts)
}

/// The admins' alert: one staff account was refused more often than the office allows
/// within an hour. Names the account and the count, never a client or a case.
pub fn security_alert(
    i18n: &I18n,
    recipient_name: &str,
    refused: &crate::domain::staff::Staff,
    refusals: i64,
    base: &str,
) -> Result<RenderedMessage, askama::Error> {
    let mut parts = parts(
        i18n,
        recipient_name,
        base,
        i18n.t("email-subject-security-alert"),
    );
    parts.notices.push(Notice {
        headline: i18n.message(
            &Message::new("email-security-alert")
                .with("name", &refused.display_name)
                .with("count", refusals),
        ),
        lines: vec![i18n.t("email-security-alert-check")],
        links: vec![(
            i18n.t("audit-filter-security"),
            format!("{base}/admin/audit?staff={}&security=on", refused.id),
        )],
    });
    render(parts)
}

/// The admins' daily seal of the audit log: its last entry and that entry's hash. Kept in
/// a mailbox outside the server, it shows afterwards whether the log was rewritten
/// (`refuge audit verify --seal ID:HASH`).
pub fn audit_seal(
    i18n: &I18n,
    recipient_name: &str,
    on: chrono::NaiveDate,
    head_id: Option<i64>,
    head_hash: &str,
    base: &str,
) -> Result<RenderedMessage, askama::Error> {
    let mut parts = parts(
        i18n,
        recipient_name,
        base,
        i18n.message(&Message::new("email-subject-audit-seal").with("date", date(on))),
    );
    let seal = format!("{}:{head_hash}", head_id.unwrap_or(0));
    parts.notices.push(Notice {
        headline: i18n.message(
            &Message::new("email-audit-seal")
                .with("entry", head_id.unwrap_or(0))
                .with("date", date(on)),
        ),
        lines: vec![
            seal.clone(),
            i18n.message(&Message::new("email-audit-seal-keep").with("seal", seal)),
        ],
        links: Vec::new(),
    });
    render(parts)
}

/// The day's collected notifications as one message.
pub fn digest(
    i18n: &I18n,
    recipient_name: &str,
    notices: Vec<Notice>,
    base: &str,
) -> Result<RenderedMessage, askama::Error> {
    let count = notices.len();
    let mut parts = parts(
        i18n,
        recipient_name,
        base,
        i18n.message(&Message::new("email-subject-digest").with("count", count)),
    );
    parts.intro = Some(i18n.message(&Message::new("email-digest-intro").with("count", count)));
    parts.notices = notices;
    render(parts)
}

/// A message that is not a notification (an account's emergency lock, for instance): one
/// headline with its lines and links.
pub fn plain(
    i18n: &I18n,
    recipient_name: &str,
    subject: String,
    notice: Notice,
    base: &str,
) -> Result<RenderedMessage, askama::Error> {
    let mut parts = parts(i18n, recipient_name, base, subject);
    parts.notices.push(notice);
    render(parts)
}

#[derive(Template)]
#[template(path = "email/public_message.txt")]
struct PublicText<'a> {
    paragraphs: &'a [String],
    signature: &'a str,
}

#[derive(Template)]
#[template(path = "email/public_message.html")]
struct PublicHtml<'a> {
    lang: &'static str,
    subject: &'a str,
    paragraphs: &'a [String],
    signature: &'a str,
}

/// A message to someone outside the office (a person who sent an inquiry): a few
/// paragraphs in their language, signed with the office's name; no link, no lock link, no
/// preferences, and nothing of what they wrote.
pub fn to_the_public(
    i18n: &I18n,
    subject: String,
    paragraphs: &[String],
    office_name: &str,
) -> Result<RenderedMessage, askama::Error> {
    let signature = if office_name.is_empty() {
        "Refuge".to_string()
    } else {
        office_name.to_string()
    };
    Ok(RenderedMessage {
        text_body: PublicText {
            paragraphs,
            signature: &signature,
        }
        .render()?,
        html_body: PublicHtml {
            lang: i18n.language().code(),
            subject: &subject,
            paragraphs,
            signature: &signature,
        }
        .render()?,
        subject,
    })
}

#[derive(Template)]
#[template(path = "email/lock_footer.txt")]
struct LockFooterText<'a> {
    text: &'a str,
    link: &'a str,
}

#[derive(Template)]
#[template(path = "email/lock_footer.html")]
struct LockFooterHtml<'a> {
    text: &'a str,
    link: &'a str,
}

/// Adds the recipient's emergency lock link to the end of a message: every email to a staff
/// member carries one, so a person whose phone or laptop is taken can lock their account
/// from any device that reads their mail.
pub fn with_lock_link(
    i18n: &I18n,
    message: &RenderedMessage,
    link: &str,
) -> Result<RenderedMessage, askama::Error> {
    let text = i18n.t("email-lock-footer");
    let text_footer = LockFooterText { text: &text, link }.render()?;
    let html_footer = LockFooterHtml { text: &text, link }.render()?;
    let html_body = match message.html_body.rfind("</body>") {
        Some(at) => format!(
            "{}{html_footer}\n{}",
            &message.html_body[..at],
            &message.html_body[at..]
        ),
        None => format!("{}{html_footer}", message.html_body),
    };
    Ok(RenderedMessage {
        subject: message.subject.clone(),
        text_body: format!("{}\n{text_footer}", message.text_body.trim_end()),
        html_body,
    })
}
