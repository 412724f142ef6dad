//! `/cases/{id}`: the case page — the whole file on one page, audited on every read — and
//! the forms that work a case: stage, key dates, hearings and appointments, the EAD clock,
//! the documents checklist, notes, and the retention purge.
//!
//! A form that fails comes back on the page with what was typed and its problems (422), or
//! with the reason a change was refused (409); a change that succeeds answers 303 back to
//! the page.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;
use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use serde::Deserialize;

use super::api::parse_case_id;
use crate::auth::extractors::{ClientAddress, CurrentStaff, PageContext};
use crate::db::audit_log::AuditRow;
use crate::domain::a_number::ANumber;
use crate::domain::case_stage::{CaseStage, ClaimKind};
use crate::domain::case_work::{
    CaseEventForm, ChecklistItemForm, ClockForm, FILING_EXCEPTION_KINDS, KeyDatesForm, NoteForm,
};
use crate::domain::codes::{
    self, ChecklistStatus, HearingKind, ImmigrationStatus, MannerOfEntry, MaritalStatus,
    Persecutor, Relationship, Sex, TravelMode,
};
use crate::domain::deadlines::{self, Deadline, DeadlineKind, EadClock};
use crate::error::{AppError, FieldErrors, Message};
use crate::i18n::I18n;
use crate::routes::errors::FormErrors;
use crate::routes::see_other;
use crate::routes::sessions::html::render;
use crate::services::cases::{self, CaseFile};
use crate::state::AppState;

// ---------------------------------------------------------------------------------------------
// What the page shows, already in the reader's language

/// A label and its value.
pub struct Fact {
    pub label: String,
    pub value: String,
}

pub struct Contact {
    pub label: String,
    pub value: String,
    pub safe: bool,
}

pub struct DeadlineLine {
    pub label: String,
    pub due: String,
    pub remaining: String,
    pub overdue: bool,
    pub past: bool,
}

pub struct OneYear {
    pub due: String,
    pub remaining: String,
    pub overdue: bool,
    pub exception: Option<String>,
}

pub struct FamilyLine {
    pub relationship: String,
    pub name: String,
    pub native_name: String,
    pub born: String,
    pub marital: String,
    pub in_us: bool,
    pub derivative_requested: bool,
    pub eligible: bool,
    pub ages_out: String,
    pub safe_to_contact: bool,
    pub notes: String,
}

pub struct LegLine {
    pub from: String,
    pub to: String,
    pub departed: String,
    pub arrived: String,
    pub mode: String,
    pub notes: String,
}

pub struct PersecutionLine {
    pub date: String,
    pub place: String,
    pub actor: String,
    pub description: String,
    pub detention: String,
    pub charges: String,
    pub outcome: String,
    pub evidence: String,
}

pub struct HistoryLine {
    pub at: String,
    pub by: String,
    pub from: String,
    pub to: String,
    pub note: String,
}

pub struct EventLine {
    pub id: String,
    pub kind: String,
    pub when: String,
    pub place: String,
    pub official: String,
    pub past: bool,
}

pub struct Ead {
    pub started: String,
    pub days: i64,
    pub stopped: bool,
    pub stops: Vec<StopLine>,
}

pub struct StopLine {
    pub stopped_on: String,
    pub restarted_on: String,
    pub reason: String,
}

pub struct ChecklistLine {
    pub id: String,
    pub item: String,
    pub status: String,
    pub status_label: String,
    pub note: String,
    pub updated: String,
}

pub struct NoteLine {
    pub at: String,
    pub by: String,
    pub body: String,
}

pub struct AuditLine {
    pub at: String,
    pub by: String,
    pub action: String,
    pub details: String,
}

/// A choice in a select: code and label.
pub struct Choice {
    pub code: &'static str,
    pub label: String,
}

/// The case file as the page shows it.
pub struct CaseView {
    pub id: String,
    pub reference: String,
    pub name: String,
    pub native_name: String,
    pub stage: String,
    pub kind: String,
    pub lawyer: String,
    pub paralegal: String,
    pub intake_complete: bool,
    pub conflict_clear: bool,
    pub one_year: Option<OneYear>,
    /// The I-589 is not filed and the one-year deadline cannot be computed.
    pub one_year_unknown: bool,
    pub next_deadline: Option<DeadlineLine>,
    pub deadlines: Vec<DeadlineLine>,
    pub client: Vec<Fact>,
    pub contacts: Vec<Contact>,
    pub family: Vec<FamilyLine>,
    pub journey: Vec<LegLine>,
    pub entry: Vec<Fact>,
    pub persecution: Vec<PersecutionLine>,
    pub claim: Vec<Fact>,
    pub history: Vec<HistoryLine>,
    pub next_stages: Vec<Choice>,
    pub key_dates: Vec<Fact>,
    /// The exception as recorded, for those who may not change it.
    pub exception: String,
    pub events: Vec<EventLine>,
    pub ead: Option<Ead>,
    pub checklist: Vec<ChecklistLine>,
    pub notes: Vec<NoteLine>,
    pub audit: Vec<AuditLine>,
    pub can_work: bool,
    pub can_edit: bool,
    pub can_close: bool,
    pub can_purge: bool,
    pub event_kinds: Vec<Choice>,
    pub statuses: Vec<Choice>,
    pub exception_kinds: Vec<Choice>,
}

const NONE: &str = "—";

fn day(date: Option<NaiveDate>) -> String {
    date.map_or_else(|| NONE.to_string(), |d| d.format("%Y-%m-%d").to_string())
}

fn moment(at: NaiveDateTime) -> String {
    at.format("%Y-%m-%d %H:%M UTC").to_string()
}

fn or_none(text: &str) -> String {
    if text.trim().is_empty() {
        NONE.to_string()
    } else {
        text.to_string()
    }
}

fn label(i18n: &I18n, key: Option<&'static str>) -> String {
    key.map_or_else(|| NONE.to_string(), |k| i18n.t(k))
}

/// "12 days left", "due today", "overdue by 3 days" (cutoffs) or "3 days ago" (other dates).
fn remaining(i18n: &I18n, deadline: &Deadline, today: NaiveDate) -> String {
    let days = deadline.days_remaining(today);
    match days {
        0 => i18n.t("case-days-today"),
        d if d > 0 => i18n.message(&Message::new("case-days-left").with("days", d)),
        d if deadline.kind.is_cutoff() => {
            i18n.message(&Message::new("case-days-overdue").with("days", -d))
        }
        d => i18n.message(&Message::new("case-days-ago").with("days", -d)),
    }
}

fn deadline_line(i18n: &I18n, deadline: &Deadline, today: NaiveDate) -> DeadlineLine {
    DeadlineLine {
        label: i18n.t(deadline.kind.label_key()),
        due: day(Some(deadline.due)),
        remaining: remaining(i18n, deadline, today),
        overdue: deadline.is_overdue(today),
        past: deadline.due < today,
    }
}

fn stage_label(i18n: &I18n, code: &str) -> String {
    CaseStage::parse(code).map_or_else(|_| code.to_string(), |s| i18n.t(s.label_key()))
}

fn codes_named(
    codes_: &[String],
    name: fn(&str, crate::i18n::Language) -> String,
    i18n: &I18n,
) -> String {
    if codes_.is_empty() {
        return NONE.to_string();
    }
    codes_
        .iter()
        .map(|c| name(c, i18n.language()))
        .collect::<Vec<_>>()
        .join(", ")
}

fn place(i18n: &I18n, city: &str, country: Option<&str>) -> String {
    let country = country.map(|c| codes::country_name(c, i18n.language()));
    match (city.trim(), country) {
        ("", None) => NONE.to_string(),
        ("", Some(country)) => country,
        (city, None) => city.to_string(),
        (city, Some(country)) => format!("{city}, {country}"),
    }
}

impl CaseView {
    fn build(file: CaseFile, i18n: &I18n) -> Self {
        let today = file.today;
        let case = &file.case;
        let intake = &file.intake;
        let c = &intake.client;
        let t = |key: &str| i18n.t(key);

        let name = [
            c.family_name.as_str(),
            c.given_name.as_str(),
            c.middle_name.as_str(),
        ]
        .iter()
        .filter(|p| !p.is_empty() && !p.eq_ignore_ascii_case("none"))
        .copied()
        .collect::<Vec<_>>();
        let name = match name.split_first() {
            Some((family, rest)) if !rest.is_empty() => format!("{family}, {}", rest.join(" ")),
            Some((only, _)) => only.to_string(),
            None => NONE.to_string(),
        };

        let one_year = file
            .deadlines
            .iter()
            .find(|d| d.kind == DeadlineKind::OneYearFiling)
            .map(|d| OneYear {
                due: day(Some(d.due)),
                remaining: remaining(i18n, d, today),
                overdue: d.is_overdue(today),
                exception: cases::key_dates(case).filing_exception.map(|e| {
                    i18n.message(
                        &Message::new("case-one-year-exception")
                            .with_label("kind", e.kind.label_key())
                            .with("date", e.reasonable_period_ends),
                    )
                }),
            });
        let one_year_unknown =
            one_year.is_none() && case.i589_filed_on.is_none() && intake.last_arrival().is_none();

        let mut client = vec![
            Fact {
                label: t("case-client-other-names"),
                value: if c.other_names.is_empty() {
                    NONE.to_string()
                } else {
                    c.other_names.join("; ")
                },
            },
            Fact {
                label: t("case-client-dob"),
                value: match c.date_of_birth {
                    Some(born) => format!(
                        "{} ({})",
                        day(Some(born)),
                        i18n.message(
                            &Message::new("case-age").with("age", deadlines::age_on(born, today))
                        )
                    ),
                    None => NONE.to_string(),
                },
            },
            Fact {
                label: t("case-client-sex"),
                value: label(i18n, c.sex.map(Sex::label_key)),
            },
            Fact {
                label: t("case-client-country-of-birth"),
                value: c.country_of_birth.as_deref().map_or_else(
                    || NONE.to_string(),
                    |code| codes::country_name(code, i18n.language()),
                ),
            },
            Fact {
                label: t("case-client-nationalities"),
                value: codes_named(&c.nationalities, codes::country_name, i18n),
            },
            Fact {
                label: t("case-client-languages"),
                value: codes_named(&c.languages, codes::language_name, i18n),
            },
            Fact {
                label: t("case-client-interpreter"),
                value: t(if c.interpreter_needed {
                    "case-interpreter-needed"
                } else {
                    "case-interpreter-not-needed"
                }),
            },
        ];
        client.extend([
            Fact {
                label: t("case-client-a-number"),
                value: c.a_number.as_deref().map_or_else(
                    || NONE.to_string(),
                    |digits| {
                        ANumber::parse(digits)
                            .map_or_else(|_| digits.to_string(), |a| a.to_string())
                    },
                ),
            },
            Fact {
                label: t("case-client-passports"),
                value: or_none(&c.passport_numbers),
            },
            Fact {
                label: t("case-client-passport-expiry"),
                value: day(c.passport_expiry),
            },
            Fact {
                label: t("case-client-status"),
                value: label(i18n, c.immigration_status.map(ImmigrationStatus::label_key)),
            },
        ]);
        let contacts = [
            ("case-contact-phone", &c.phone, c.phone_safe),
            ("case-contact-email", &c.email, c.email_safe),
            ("case-contact-address", &c.us_address, c.address_safe),
            ("case-contact-messenger", &c.messenger, c.messenger_safe),
        ]
        .into_iter()
        .filter(|(_, value, _)| !value.trim().is_empty())
        .map(|(key, value, safe)| Contact {
            label: t(key),
            value: value.clone(),
            safe,
        })
        .collect();

        let family = intake
            .family
            .iter()
            .map(|m| FamilyLine {
                relationship: label(i18n, m.relationship.map(Relationship::label_key)),
                name: or_none(
                    [m.family_name.as_str(), m.given_name.as_str()]
                        .iter()
                        .filter(|p| !p.is_empty())
                        .copied()
                        .collect::<Vec<_>>()
                        .join(", ")
                        .as_str(),
                ),
                native_name: m.native_name.clone(),
                born: match m.date_of_birth {
                    Some(born) => format!(
                        "{} ({})",
                        day(Some(born)),
                        i18n.message(
                            &Message::new("case-age").with("age", deadlines::age_on(born, today))
                        )
                    ),
                    None => NONE.to_string(),
                },
                marital: label(i18n, m.marital_status.map(MaritalStatus::label_key)),
                in_us: m.in_us,
                derivative_requested: m.derivative,
                eligible: m.derivative_eligible(today),
                ages_out: m.ages_out_on().map_or_else(String::new, |d| day(Some(d))),
                safe_to_contact: m.safe_to_contact,
                notes: m.notes.clone(),
            })
            .collect();

        let journey = intake
            .journey
            .iter()
            .map(|leg| LegLine {
                from: place(i18n, &leg.from_city, leg.from_country.as_deref()),
                to: place(i18n, &leg.to_city, leg.to_country.as_deref()),
                departed: day(leg.departed_on),
                arrived: day(leg.arrived_on),
                mode: label(i18n, leg.mode.map(TravelMode::label_key)),
                notes: leg.notes.clone(),
            })
            .collect();

        let e = &intake.entry;
        let entry = vec![
            Fact {
                label: t("case-entry-last-arrival"),
                value: day(e.last_arrival_on),
            },
            Fact {
                label: t("case-entry-port"),
                value: or_none(&e.port_of_entry),
            },
            Fact {
                label: t("case-entry-manner"),
                value: label(i18n, e.manner_of_entry.map(MannerOfEntry::label_key)),
            },
            Fact {
                label: t("case-entry-i94"),
                value: or_none(&e.i94_number),
            },
            Fact {
                label: t("case-entry-class"),
                value: or_none(&e.class_of_admission),
            },
            Fact {
                label: t("case-entry-parole-expires"),
                value: day(e.parole_expires_on),
            },
        ];

        let persecution = intake
            .persecution
            .iter()
            .map(|p| PersecutionLine {
                date: day(p.occurred_on),
                place: or_none(&p.place),
                actor: label(i18n, p.actor.map(Persecutor::label_key)),
                description: or_none(&p.description),
                detention: p.detention_days.map_or_else(
                    || NONE.to_string(),
                    |d| i18n.message(&Message::new("case-persecution-days").with("days", d)),
                ),
                charges: or_none(&p.charges),
                outcome: or_none(&p.outcome),
                evidence: or_none(&p.evidence),
            })
            .collect();

        let conflict = match case.conflict_status.as_str() {
            "clear" => t("case-conflict-clear"),
            "conflict" => i18n
                .message(&Message::new("case-conflict-found").with("reason", &case.conflict_note)),
            _ => t("case-conflict-unchecked"),
        };
        let claim = vec![
            Fact {
                label: t("case-header-kind"),
                value: label(i18n, case.kind().map(ClaimKind::label_key)),
            },
            Fact {
                label: t("case-claim-conflict"),
                value: conflict,
            },
            Fact {
                label: t("case-claim-intake"),
                value: t(if case.intake_complete {
                    "case-intake-complete"
                } else {
                    "case-intake-draft"
                }),
            },
            Fact {
                label: t("case-claim-opened"),
                value: moment(case.created_at),
            },
            Fact {
                label: t("case-claim-updated"),
                value: moment(case.updated_at),
            },
        ];

        let history = file
            .history
            .iter()
            .map(|h| HistoryLine {
                at: moment(h.changed_at),
                by: h.changed_by.clone().unwrap_or_else(|| NONE.to_string()),
                from: h
                    .from_stage
                    .as_deref()
                    .map_or_else(String::new, |s| stage_label(i18n, s)),
                to: stage_label(i18n, &h.to_stage),
                note: h.note.clone(),
            })
            .collect();

        // Closing, withdrawing, declining and reopening are offered only to those who may.
        let reopening = case.stage().is_ok_and(|s| !s.is_open());
        let next_stages = file
            .allowed_next
            .iter()
            .filter(|s| {
                file.can_close
                    || !(reopening
                        || matches!(
                            s,
                            CaseStage::Withdrawn | CaseStage::Closed | CaseStage::Declined
                        ))
            })
            .map(|s| Choice {
                code: s.as_str(),
                label: t(s.label_key()),
            })
            .collect();

        let dates = cases::key_dates(case);
        let exception = dates.filing_exception.map_or_else(
            || t("case-dates-exception-none"),
            |e| {
                i18n.message(
                    &Message::new("case-one-year-exception")
                        .with_label("kind", e.kind.label_key())
                        .with("date", e.reasonable_period_ends),
                )
            },
        );
        let key_dates = vec![
            Fact {
                label: t("case-dates-i589-filed"),
                value: day(dates.i589_filed_on),
            },
            Fact {
                label: t("case-dates-i589-received"),
                value: day(dates.i589_received_on),
            },
            Fact {
                label: t("case-dates-exception"),
                value: exception.clone(),
            },
            Fact {
                label: t("case-dates-ij-decision"),
                value: day(dates.ij_decision_on),
            },
            Fact {
                label: t("case-dates-granted"),
                value: day(dates.granted_on),
            },
            Fact {
                label: t("case-dates-court-verified"),
                value: day(dates.court_verified_on),
            },
        ];

        let events = file
            .events
            .iter()
            .map(|e| EventLine {
                id: e.id.0.to_string(),
                kind: e
                    .kind()
                    .map_or_else(|| e.kind.clone(), |k| t(k.label_key())),
                when: if e.scheduled_at.time() == NaiveTime::MIN {
                    day(Some(e.scheduled_at.date()))
                } else {
                    e.scheduled_at.format("%Y-%m-%d %H:%M").to_string()
                },
                place: or_none(&e.place),
                official: or_none(&e.official),
                past: e.scheduled_at.date() < today,
            })
            .collect();

        let ead = dates.i589_received_on.map(|start| {
            let clock = file
                .ead_stops
                .iter()
                .fold(EadClock::new(start), |clock, s| {
                    clock.with_stop(s.stopped_on, s.restarted_on)
                });
            Ead {
                started: day(Some(start)),
                days: clock.days_on_clock(today),
                stopped: file.ead_stops.iter().any(|s| s.restarted_on.is_none()),
                stops: file
                    .ead_stops
                    .iter()
                    .map(|s| StopLine {
                        stopped_on: day(Some(s.stopped_on)),
                        restarted_on: s
                            .restarted_on
                            .map_or_else(|| t("case-ead-still-stopped"), |d| day(Some(d))),
                        reason: or_none(&s.reason),
                    })
                    .collect(),
            }
        });

        let checklist = file
            .checklist
            .iter()
            .map(|item| ChecklistLine {
                id: item.id.0.to_string(),
                item: item.item.clone(),
                status: item.status().as_str().to_string(),
                status_label: t(item.status().label_key()),
                note: item.note.clone(),
                updated: moment(item.updated_at),
            })
            .collect();

        let notes = file
            .notes
            .iter()
            .map(|n| NoteLine {
                at: moment(n.created_at),
                by: n.author.clone().unwrap_or_else(|| NONE.to_string()),
                body: n.body.clone(),
            })
            .collect();

        let audit = file.audit_trail.iter().map(audit_line).collect();

        Self {
            id: case.id.0.to_string(),
            reference: case.reference.clone(),
            name,
            native_name: c.native_name.clone(),
            stage: stage_label(i18n, &case.stage),
            kind: label(i18n, case.kind().map(ClaimKind::label_key)),
            lawyer: file
                .lawyer
                .as_ref()
                .map_or_else(|| t("case-nobody"), |s| s.display_name.clone()),
            paralegal: file
                .paralegal
                .as_ref()
                .map_or_else(|| t("case-nobody"), |s| s.display_name.clone()),
            intake_complete: case.intake_complete,
            conflict_clear: case.conflict_status == "clear",
            one_year,
            one_year_unknown,
            next_deadline: deadlines::next_deadline(&file.deadlines, today)
                .map(|d| deadline_line(i18n, d, today)),
            deadlines: file
                .deadlines
                .iter()
                .map(|d| deadline_line(i18n, d, today))
                .collect(),
            client,
            contacts,
            family,
            journey,
            entry,
            persecution,
            claim,
            history,
            next_stages,
            key_dates,
            exception,
            events,
            ead,
            checklist,
            notes,
            audit,
            can_work: file.can_work,
            can_edit: file.can_edit,
            can_close: file.can_close,
            can_purge: file.can_purge,
            event_kinds: HearingKind::ALL
                .iter()
                .map(|k| Choice {
                    code: k.as_str(),
                    label: t(k.label_key()),
                })
                .collect(),
            statuses: ChecklistStatus::ALL
                .iter()
                .map(|s| Choice {
                    code: s.as_str(),
                    label: t(s.label_key()),
                })
                .collect(),
            exception_kinds: FILING_EXCEPTION_KINDS
                .iter()
                .map(|k| Choice {
                    code: k.as_str(),
                    label: t(k.label_key()),
                })
                .collect(),
        }
    }
}

fn audit_line(row: &AuditRow) -> AuditLine {
    AuditLine {
        at: row.occurred_at.format("%Y-%m-%d %H:%M:%S UTC").to_string(),
        by: row.actor_name.clone().unwrap_or_else(|| NONE.to_string()),
        action: row.action.clone(),
        details: if row.details == "{}" {
            String::new()
        } else {
            row.details.clone()
        },
    }
}

// ---------------------------------------------------------------------------------------------
// The forms, as typed

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct StageForm {
    pub to: String,
    pub note: String,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct PurgeForm {
    pub confirm: String,
}

/// Every form of the page, with what was typed into the one that failed.
#[derive(Debug, Clone, Default)]
pub struct Forms {
    pub stage: StageForm,
    pub dates: Option<KeyDatesForm>,
    pub event: CaseEventForm,
    pub clock: ClockForm,
    pub checklist_add: ChecklistItemForm,
    /// An existing item's form that failed, by the item's id.
    pub checklist_edit: Option<(String, ChecklistItemForm)>,
    pub note: NoteForm,
    pub purge: PurgeForm,
}

/// The form that failed and why.
enum Failure {
    Invalid(&'static str, FieldErrors),
    Refused(&'static str, Message),
}

#[derive(Template)]
#[template(path = "cases/show.html")]
pub struct CasePage {
    ctx: PageContext,
    v: CaseView,
    forms: Forms,
    dates: KeyDatesForm,
    /// Which form the errors or the refusal belong to.
    failed: &'static str,
    errors: FormErrors,
    refusal: Option<String>,
    notice: Option<String>,
}

impl CasePage {
    /// The error of a field of the form that failed.
    fn error(&self, form: &str, field: &str) -> Option<&String> {
        if self.failed == form {
            self.errors.get(field)
        } else {
            None
        }
    }

    /// Why a change with this form was refused.
    fn refused(&self, form: &str) -> Option<&String> {
        if self.failed == form {
            self.refusal.as_ref()
        } else {
            None
        }
    }

    /// The note typed into an item's form that failed, or the item's note.
    fn checklist_note<'a>(&'a self, item: &'a ChecklistLine) -> &'a str {
        match &self.forms.checklist_edit {
            Some((id, form)) if *id == item.id => &form.note,
            _ => &item.note,
        }
    }

    fn checklist_status<'a>(&'a self, item: &'a ChecklistLine) -> &'a str {
        match &self.forms.checklist_edit {
            Some((id, form)) if *id == item.id => &form.status,
            _ => &item.status,
        }
    }

    fn checklist_item_failed(&self, item: &ChecklistLine) -> bool {
        matches!(&self.forms.checklist_edit, Some((id, _)) if *id == item.id)
    }
}

/// One request to the case page or one of its forms.
struct Visit {
    state: web::Data<AppState>,
    current: CurrentStaff,
    ctx: PageContext,
    address: ClientAddress,
    id: uuid::Uuid,
}

impl Visit {
    fn new(
        state: web::Data<AppState>,
        current: CurrentStaff,
        ctx: PageContext,
        address: ClientAddress,
        id: &str,
    ) -> Result<Self, AppError> {
        Ok(Self {
            state,
            current,
            ctx,
            address,
            id: parse_case_id(id)?,
        })
    }

    fn actor(&self) -> &crate::domain::staff::Staff {
        &self.current.staff
    }

    fn address(&self) -> Option<String> {
        self.address.0.clone()
    }

    /// The case page (its read audited), with a failed form's entries and problems.
    async fn page(
        self,
        forms: Forms,
        failure: Option<Failure>,
        notice: Option<String>,
    ) -> Result<HttpResponse, AppError> {
        let Visit {
            state,
            current,
            ctx,
            address,
            id,
        } = self;
        let file = cases::open(&state, &current.staff, id, address.0).await?;
        let dates = forms
            .dates
            .clone()
            .unwrap_or_else(|| KeyDatesForm::from_dates(&cases::key_dates(&file.case)));
        let v = CaseView::build(file, &ctx.i18n);
        let (status, failed, errors, refusal) = match failure {
            None => (StatusCode::OK, "", FormErrors::default(), None),
            Some(Failure::Invalid(form, errors)) => (
                StatusCode::UNPROCESSABLE_ENTITY,
                form,
                FormErrors::translate(&errors, &ctx.i18n),
                None,
            ),
            Some(Failure::Refused(form, message)) => (
                StatusCode::CONFLICT,
                form,
                FormErrors::default(),
                Some(ctx.message(&message)),
            ),
        };
        render(
            CasePage {
                ctx,
                v,
                forms,
                dates,
                failed,
                errors,
                refusal,
                notice,
            },
            status,
        )
    }

    /// Refuses a form's problems only to someone who may submit it: others hear 403/404.
    async fn invalid(&self, errors: FieldErrors) -> Result<(), AppError> {
        cases::check_can_work(&self.state, self.actor(), self.id).await?;
        Err(AppError::Validation(errors))
    }

    /// Back to the page after a change (303), or the page again with what went wrong.
    async fn finish(
        self,
        form: &'static str,
        forms: Forms,
        outcome: Result<(), AppError>,
    ) -> Result<HttpResponse, AppError> {
        let failure = match outcome {
            Ok(()) => {
                // Back to the section the form is in.
                let section = match form {
                    "checklist_item" => "checklist",
                    other => other,
                };
                return Ok(see_other(&format!(
                    "/cases/{}?saved={section}#{section}",
                    self.id
                )));
            }
            Err(AppError::Validation(errors)) => Failure::Invalid(form, errors),
            Err(AppError::Conflict(message)) => Failure::Refused(form, message),
            Err(err) => return Err(err),
        };
        self.page(forms, Some(failure), None).await
    }
}

/// An id of a record inside the case (an event, a checklist item). A malformed one names
/// nothing; it is looked up (and not found) only after the actor is authorized for the case.
fn parse_record_id(raw: &str) -> uuid::Uuid {
    raw.parse().unwrap_or(uuid::Uuid::nil())
}

// ---------------------------------------------------------------------------------------------
// Handlers

#[derive(Debug, Deserialize)]
pub struct ShowQuery {
    saved: Option<String>,
}

pub async fn show(
    state: web::Data<AppState>,
    current: CurrentStaff,
    ctx: PageContext,
    address: ClientAddress,
    id: web::Path<String>,
    query: web::Query<ShowQuery>,
) -> Result<HttpResponse, AppError> {
    let notice = query.saved.as_ref().map(|_| ctx.t("case-saved"));
    let visit = Visit::new(state, current, ctx, address, &id)?;
    visit.page(Forms::default(), None, notice).await
}

pub async fn change_stage(
    state: web::Data<AppState>,
    current: CurrentStaff,
    ctx: PageContext,
    address: ClientAddress,
    id: web::Path<String>,
    form: web::Form<StageForm>,
) -> Result<HttpResponse, AppError> {
    let visit = Visit::new(state, current, ctx, address, &id)?;
    let form = form.into_inner();
    let outcome = match CaseStage::parse(&form.to) {
        Ok(to) => cases::transition(
            &visit.state,
            visit.actor(),
            visit.id,
            to,
            form.note.clone(),
            visit.address(),
        )
        .await
        .map(|_| ()),
        Err(message) => {
            let mut errors = FieldErrors::default();
            errors.push("to", message);
            visit.invalid(errors).await
        }
    };
    let forms = Forms {
        stage: form,
        ..Forms::default()
    };
    visit.finish("stage", forms, outcome).await
}

pub async fn set_dates(
    state: web::Data<AppState>,
    current: CurrentStaff,
    ctx: PageContext,
    address: ClientAddress,
    id: web::Path<String>,
    form: web::Form<KeyDatesForm>,
) -> Result<HttpResponse, AppError> {
    let visit = Visit::new(state, current, ctx, address, &id)?;
    let form = form.into_inner();
    let outcome = match form.parse(cases::today(&visit.state)) {
        Ok(dates) => {
            cases::set_key_dates(
                &visit.state,
                visit.actor(),
                visit.id,
                dates,
                visit.address(),
            )
            .await
        }
        Err(errors) => visit.invalid(errors).await,
    };
    let forms = Forms {
        dates: Some(form),
        ..Forms::default()
    };
    visit.finish("dates", forms, outcome).await
}

pub async fn add_event(
    state: web::Data<AppState>,
    current: CurrentStaff,
    ctx: PageContext,
    address: ClientAddress,
    id: web::Path<String>,
    form: web::Form<CaseEventForm>,
) -> Result<HttpResponse, AppError> {
    let visit = Visit::new(state, current, ctx, address, &id)?;
    let form = form.into_inner();
    let outcome = match form.parse() {
        Ok(event) => cases::add_event(
            &visit.state,
            visit.actor(),
            visit.id,
            event,
            visit.address(),
        )
        .await
        .map(|_| ()),
        Err(errors) => visit.invalid(errors).await,
    };
    let forms = Forms {
        event: form,
        ..Forms::default()
    };
    visit.finish("events", forms, outcome).await
}

pub async fn remove_event(
    state: web::Data<AppState>,
    current: CurrentStaff,
    address: ClientAddress,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, AppError> {
    let (id, event_id) = path.into_inner();
    let id = parse_case_id(&id)?;
    cases::remove_event(
        &state,
        &current.staff,
        id,
        parse_record_id(&event_id),
        address.0,
    )
    .await?;
    Ok(see_other(&format!("/cases/{id}?saved=events#events")))
}

pub async fn change_ead_clock(
    state: web::Data<AppState>,
    current: CurrentStaff,
    ctx: PageContext,
    address: ClientAddress,
    id: web::Path<String>,
    form: web::Form<ClockForm>,
) -> Result<HttpResponse, AppError> {
    let visit = Visit::new(state, current, ctx, address, &id)?;
    let form = form.into_inner();
    let outcome = match form.parse() {
        Ok(change) => {
            cases::change_ead_clock(
                &visit.state,
                visit.actor(),
                visit.id,
                change,
                visit.address(),
            )
            .await
        }
        Err(errors) => visit.invalid(errors).await,
    };
    let forms = Forms {
        clock: form,
        ..Forms::default()
    };
    visit.finish("ead", forms, outcome).await
}

pub async fn add_checklist_item(
    state: web::Data<AppState>,
    current: CurrentStaff,
    ctx: PageContext,
    address: ClientAddress,
    id: web::Path<String>,
    form: web::Form<ChecklistItemForm>,
) -> Result<HttpResponse, AppError> {
    let visit = Visit::new(state, current, ctx, address, &id)?;
    let form = form.into_inner();
    let outcome = match form.parse_new() {
        Ok(item) => {
            cases::add_checklist_item(&visit.state, visit.actor(), visit.id, item, visit.address())
                .await
                .map(|_| ())
        }
        Err(errors) => visit.invalid(errors).await,
    };
    let forms = Forms {
        checklist_add: form,
        ..Forms::default()
    };
    visit.finish("checklist", forms, outcome).await
}

pub async fn update_checklist_item(
    state: web::Data<AppState>,
    current: CurrentStaff,
    ctx: PageContext,
    address: ClientAddress,
    path: web::Path<(String, String)>,
    form: web::Form<ChecklistItemForm>,
) -> Result<HttpResponse, AppError> {
    let (id, item_id) = path.into_inner();
    let visit = Visit::new(state, current, ctx, address, &id)?;
    let item_id = parse_record_id(&item_id);
    let form = form.into_inner();
    let outcome = match form.parse_update() {
        Ok(update) => {
            cases::update_checklist_item(
                &visit.state,
                visit.actor(),
                visit.id,
                item_id,
                update,
                visit.address(),
            )
            .await
        }
        Err(errors) => visit.invalid(errors).await,
    };
    let forms = Forms {
        checklist_edit: Some((item_id.to_string(), form)),
        ..Forms::default()
    };
    visit.finish("checklist_item", forms, outcome).await
}

pub async fn add_note(
    state: web::Data<AppState>,
    current: CurrentStaff,
    ctx: PageContext,
    address: ClientAddress,
    id: web::Path<String>,
    form: web::Form<NoteForm>,
) -> Result<HttpResponse, AppError> {
    let visit = Visit::new(state, current, ctx, address, &id)?;
    let form = form.into_inner();
    let outcome = match form.parse() {
        Ok(body) => cases::add_note(&visit.state, visit.actor(), visit.id, body, visit.address())
            .await
            .map(|_| ()),
        Err(errors) => visit.invalid(errors).await,
    };
    let forms = Forms {
        note: form,
        ..Forms::default()
    };
    visit.finish("notes", forms, outcome).await
}

pub async fn purge(
    state: web::Data<AppState>,
    current: CurrentStaff,
    ctx: PageContext,
    address: ClientAddress,
    id: web::Path<String>,
    form: web::Form<PurgeForm>,
) -> Result<HttpResponse, AppError> {
    let visit = Visit::new(state, current, ctx, address, &id)?;
    let form = form.into_inner();
    match cases::purge(
        &visit.state,
        visit.actor(),
        visit.id,
        &form.confirm,
        visit.address(),
    )
    .await
    {
        Ok(_) => Ok(see_other("/")),
        Err(AppError::Validation(errors)) => {
            let forms = Forms {
                purge: form,
                ..Forms::default()
            };
            visit
                .page(forms, Some(Failure::Invalid("purge", errors)), None)
                .await
        }
        Err(err) => Err(err),
    }
}
