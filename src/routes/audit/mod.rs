//! The audit trail: pages for people ([`html`]) and `GET /api/v1/audit` for export to a log
//! system ([`api`]), with the same filters.

pub mod api;
pub mod html;

use chrono::NaiveDate;
use serde::Deserialize;
use utoipa::IntoParams;

use crate::domain::audit::{self as vocabulary, AuditAction};
use crate::domain::paging::PageNumber;
use crate::error::{FieldErrors, Message};
use crate::services::audit::AuditQuery;

/// The filters as typed; kept as strings so a bad one is shown back, not dropped.
/// The API takes the same parameters.
#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(default)]
pub struct AuditFilterForm {
    /// The acting staff member's id.
    pub staff: String,
    /// An action code, e.g. `case.viewed` (see `AuditEntryJson.action`).
    pub action: String,
    /// A case reference, e.g. `R-2026-00042`: that case's entries, also once it is deleted.
    pub case: String,
    /// The first day, `YYYY-MM-DD`, in the office's time zone.
    pub from: String,
    /// The last day, `YYYY-MM-DD`, in the office's time zone, included.
    pub until: String,
    /// `on` (or `true`, `1`): only security events — sign-ins and their failures, refused
    /// requests (`access.denied`), alerts, and changes to accounts, tokens and settings.
    pub security: String,
    /// From 1 (the newest entries); 50 entries a page. A page past the last is the last.
    pub page: String,
}

impl AuditFilterForm {
    pub fn parse(&self) -> Result<AuditQuery, FieldErrors> {
        let mut errors = FieldErrors::default();
        let optional = |s: &str| Some(s.trim()).filter(|s| !s.is_empty()).map(str::to_string);
        let actor = optional(&self.staff).and_then(|s| {
            errors.check(
                "staff",
                s.parse().map_err(|_| Message::new("validation-staff")),
            )
        });
        let action = optional(&self.action).and_then(|s| {
            errors.check(
                "action",
                AuditAction::parse(&s).ok_or_else(|| Message::new("validation-choice")),
            )
        });
        let case_reference =
            optional(&self.case).and_then(|s| errors.check("case", vocabulary::case_reference(&s)));
        let date = |field: &'static str, raw: &str, errors: &mut FieldErrors| {
            optional(raw).and_then(|s| {
                errors.check(
                    field,
                    NaiveDate::parse_from_str(&s, "%Y-%m-%d")
                        .map_err(|_| Message::new("validation-date")),
                )
            })
        };
        let from = date("from", &self.from, &mut errors);
        let until = date("until", &self.until, &mut errors);
        let security = errors.check(
            "security",
            match self.security.trim() {
                "" | "off" | "false" | "0" => Ok(false),
                "on" | "true" | "1" => Ok(true),
                _ => Err(Message::new("validation-choice")),
            },
        );
        let page = errors.check(
            "page",
            PageNumber::parse(&self.page).map_err(|_| Message::new("validation-page")),
        );
        if errors.is_empty() {
            Ok(AuditQuery {
                actor,
                action,
                case_reference,
                from,
                until,
                security: security.unwrap_or_default(),
                page: page.unwrap_or_default(),
            })
        } else {
            Err(errors)
        }
    }

    /// The query string of these filters on another page.
    pub fn page_link(&self, page: i64) -> String {
        let query: String = url::form_urlencoded::Serializer::new(String::new())
            .append_pair("staff", &self.staff)
            .append_pair("action", &self.action)
            .append_pair("case", &self.case)
            .append_pair("from", &self.from)
            .append_pair("until", &self.until)
            .append_pair("security", &self.security)
            .append_pair("page", &page.to_string())
            .finish();
        format!("/admin/audit?{query}")
    }
}
