//! The case file as the case page shows it: every value already in the reader's language
//! (codes as names, dates as `YYYY-MM-DD`, days remaining in words), so the template only
//! lays it out.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};

use crate::db::case_work::{CaseEventRow, ChecklistRow, ClockStopRow, NoteRow};
use crate::db::cases::{CaseRow, StageChange};
use crate::db::i589_overrides::OverrideRow;
use crate::domain::a_number::ANumber;
use crate::domain::applicant::{self, CourtProceedings};
use crate::domain::background::{Address, Relative, Until, YearMonth};
use crate::domain::case_stage::{CaseStage, ClaimKind};
use crate::domain::case_work::{self, FILING_EXCEPTION_KINDS, KeyDates};
use crate::domain::claim_answers::{Answer, ClaimAnswers};
use crate::domain::codes::{
    self, ChecklistStatus, HearingKind, ImmigrationStatus, MannerOfEntry, MaritalStatus,
    Persecutor, Relationship, Sex, TravelMode,
};
use crate::domain::deadlines::{self, Deadline, DeadlineKind, EadClock, FilingException};
use crate::domain::family::ChildrenState;
use crate::domain::i589::{Item, Part};
use crate::domain::intake::{self, ClientDetails, EntryDetails, Intake};
use crate::domain::{i589, i589_warnings};
use crate::error::Message;
use crate::i18n::I18n;
use crate::routes::audit::html::{self as audit_view, AuditLine};
use crate::services::cases::{self, CaseFile};

/// A client's answers waiting for review: where to review them, and when they came.
pub struct PendingRevisionLine {
    pub id: String,
    pub submitted: String,
}

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
    /// Computed: a spouse or an unmarried child under 21, in the US.
    pub eligible: bool,
    /// A child's 21st birthday; empty for others.
    pub ages_out: String,
    pub safe_to_contact: bool,
    pub notes: String,
    /// I-589 Part A.II: where someone not in the US is.
    pub location: String,
    /// I-589 Part A.II: someone in the US said to be in immigration court proceedings.
    pub in_court: bool,
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

/// A yes/no question of the I-589 as answered.
pub struct QuestionLine {
    pub label: String,
    pub answer: String,
    pub unanswered: bool,
    /// Empty when none was written.
    pub explanation: String,
}

pub struct HistoryLine {
    pub at: String,
    pub by: String,
    /// Empty for the line that opened the case.
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
    /// Its time has come: what happened can be recorded.
    pub happened: bool,
    /// What happened, as recorded; empty until then.
    pub outcome: String,
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

/// A choice in a select: code and label.
pub struct Choice {
    pub code: &'static str,
    pub label: String,
}

/// A missing item of the I-589 and the intake field that fixes it.
pub struct I589MissingLine {
    /// "A.II.child.2.date_of_birth".
    pub number: String,
    /// The field's label in the reader's language.
    pub label: String,
    /// `/cases/{id}/intake#<field>`.
    pub link: String,
}

/// The I-589 completeness check as the case page shows it.
pub struct I589Check {
    /// "I-589: 40 of 46 items ready".
    pub summary: String,
    /// By part in the form's order: the part's title and its missing items.
    pub missing: Vec<(String, Vec<I589MissingLine>)>,
    /// Consistency warnings (not blocking), each with a link to the field to look at.
    pub warnings: Vec<I589WarningLine>,
    /// Filings made with items missing, oldest first.
    pub overrides: Vec<I589OverrideLine>,
}

/// A filing made with items missing: "Filed with 3 items missing — overridden by NAME on
/// DATE", the items' numbers and the lawyer's reason.
pub struct I589OverrideLine {
    pub summary: String,
    pub items: String,
    pub reason: String,
}

pub struct I589WarningLine {
    pub text: String,
    pub link: String,
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
    /// Deadlines still ahead, and cutoffs overdue.
    pub deadlines: Vec<DeadlineLine>,
    /// Dates that have passed and were no cutoff (a hearing last week): history.
    pub past_deadlines: Vec<DeadlineLine>,
    /// The I-589's items ready and missing (issue 16).
    pub i589: I589Check,
    pub client: Vec<Fact>,
    pub contacts: Vec<Contact>,
    pub family: Vec<FamilyLine>,
    /// I-589 Part A.II: the client said they have no children.
    pub no_children: bool,
    pub journey: Vec<LegLine>,
    pub entry: Vec<Fact>,
    /// I-589 Part A.I beyond the client's details: the applicant's items, then each entry
    /// into the US, one line each.
    pub applicant: Vec<Fact>,
    pub persecution: Vec<PersecutionLine>,
    pub claim: Vec<Fact>,
    /// I-589 Part B.1: the grounds claimed, by name.
    pub grounds: String,
    /// I-589 Parts B and C: each yes/no question.
    pub questions: Vec<QuestionLine>,
    /// I-589 Part A.III: each address, school, job, parent and sibling, one line each.
    pub background: Vec<Fact>,
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
    /// The stage form asks for a reason to file with items missing: the reader may override
    /// the check, the case may move to filed, and items are missing.
    pub can_override_i589: bool,
    /// Shown only to who may read them.
    pub pending_revisions: Vec<PendingRevisionLine>,
    pub event_kinds: Vec<Choice>,
    pub statuses: Vec<Choice>,
    pub exception_kinds: Vec<Choice>,
}

const NONE: &str = "—";

fn day(date: Option<NaiveDate>) -> String {
    date.map_or_else(|| NONE.to_string(), |d| d.format("%Y-%m-%d").to_string())
}

fn or_none(text: &str) -> String {
    if text.trim().is_empty() {
        NONE.to_string()
    } else {
        text.to_string()
    }
}

fn fact(label: String, value: String) -> Fact {
    Fact { label, value }
}

/// Writes values for one reader on one day.
struct Writer<'a> {
    i18n: &'a I18n,
    today: NaiveDate,
    /// The office's local time.
    now: NaiveDateTime,
    /// The office's time zone, in which stored moments are shown.
    zone: chrono_tz::Tz,
}

impl Writer<'_> {
    fn t(&self, key: &str) -> String {
        self.i18n.t(key)
    }

    /// A stored (UTC) moment in the office's time zone.
    fn moment(&self, at: NaiveDateTime) -> String {
        crate::clock::office_time(&at, self.zone)
    }

    fn label(&self, key: Option<&'static str>) -> String {
        key.map_or_else(|| NONE.to_string(), |k| self.t(k))
    }

    fn stage(&self, code: &str) -> String {
        CaseStage::parse(code).map_or_else(|_| code.to_string(), |s| self.t(s.label_key()))
    }

    fn country(&self, code: &str) -> String {
        codes::country_name(code, self.i18n.language())
    }

    /// Countries or languages by name, in the order recorded.
    fn names(&self, list: &[String], name: fn(&str, crate::i18n::Language) -> String) -> String {
        if list.is_empty() {
            return NONE.to_string();
        }
        list.iter()
            .map(|code| name(code, self.i18n.language()))
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// `1979-04-14 (47 years old)`.
    fn born(&self, born: Option<NaiveDate>) -> String {
        born.map_or_else(
            || NONE.to_string(),
            |born| {
                let age = deadlines::age_on(born, self.today);
                let age = self
                    .i18n
                    .message(&Message::new("case-age").with("age", age));
                format!("{} ({age})", day(Some(born)))
            },
        )
    }

    /// `City, Country`, either alone, or a dash.
    fn place(&self, city: &str, country: Option<&str>) -> String {
        match (city.trim(), country.map(|c| self.country(c))) {
            ("", None) => NONE.to_string(),
            ("", Some(country)) => country,
            (city, None) => city.to_string(),
            (city, Some(country)) => format!("{city}, {country}"),
        }
    }

    /// "12 days left", "due today", "overdue by 3 days" (cutoffs) or "3 days ago" (other
    /// dates, which are history once passed).
    fn remaining(&self, deadline: &Deadline) -> String {
        let days = deadline.days_remaining(self.today);
        let message = match days {
            0 => return self.t("case-days-today"),
            d if d > 0 => Message::new("case-days-left").with("days", d),
            d if deadline.kind.is_cutoff() => Message::new("case-days-overdue").with("days", -d),
            d => Message::new("case-days-ago").with("days", -d),
        };
        self.i18n.message(&message)
    }

    fn deadline(&self, deadline: &Deadline) -> DeadlineLine {
        DeadlineLine {
            label: match &deadline.person {
                Some(name) if deadline.kind == DeadlineKind::ChildAgesOut => self
                    .i18n
                    .message(&Message::new("deadline-child-ages-out-named").with("name", name)),
                _ => self.t(deadline.kind.label_key()),
            },
            due: day(Some(deadline.due)),
            remaining: self.remaining(deadline),
            overdue: deadline.is_overdue(self.today),
            past: deadline.due < self.today,
        }
    }

    fn exception(&self, exception: FilingException) -> String {
        self.i18n.message(
            &Message::new("case-one-year-exception")
                .with_label("kind", exception.kind.label_key())
                .with("date", exception.reasonable_period_ends),
        )
    }

    fn choices<T: Copy>(
        &self,
        all: &[T],
        code: fn(T) -> &'static str,
        key: fn(T) -> &'static str,
    ) -> Vec<Choice> {
        all.iter()
            .map(|&v| Choice {
                code: code(v),
                label: self.t(key(v)),
            })
            .collect()
    }
}

impl CaseView {
    pub fn build(file: CaseFile, i18n: &I18n, zone: chrono_tz::Tz) -> Self {
        let w = Writer {
            i18n,
            today: file.today,
            now: file.now,
            zone,
        };
        let case = &file.case;
        let intake = &file.intake;
        let dates = cases::key_dates(case);
        let one_year = one_year(&w, &file.deadlines, &dates);
        let one_year_unknown =
            one_year.is_none() && case.i589_filed_on.is_none() && intake.last_arrival().is_none();
        let (deadlines, past_deadlines) = file
            .deadlines
            .iter()
            .map(|d| w.deadline(d))
            .partition(|d| !d.past || d.overdue);
        let staff_name = |staff: &Option<crate::domain::staff::Staff>| {
            staff
                .as_ref()
                .map_or_else(|| w.t("case-nobody"), |s| s.display_name.clone())
        };
        let i589 = i589_check(
            &w,
            &case.id.0.to_string(),
            intake,
            case.i589_filed_on,
            &file.i589_overrides,
        );
        let can_override_i589 = file.can_override_i589_check
            && file.allowed_next.contains(&CaseStage::Filed)
            && !i589.missing.is_empty();
        Self {
            id: case.id.0.to_string(),
            reference: case.reference.clone(),
            name: passport_name(&intake.client),
            native_name: intake.client.native_name.clone(),
            stage: w.stage(&case.stage),
            kind: w.label(case.kind().map(ClaimKind::label_key)),
            lawyer: staff_name(&file.lawyer),
            paralegal: staff_name(&file.paralegal),
            intake_complete: case.intake_complete,
            conflict_clear: case.conflict_status == "clear",
            one_year,
            one_year_unknown,
            next_deadline: deadlines::next_deadline(&file.deadlines, w.today)
                .map(|d| w.deadline(d)),
            deadlines,
            past_deadlines,
            i589,
            client: client(&w, &intake.client),
            contacts: contacts(&w, &intake.client),
            family: family(&w, intake),
            no_children: ChildrenState::of(&intake.children, &intake.family)
                == ChildrenState::NoChildren,
            journey: journey(&w, intake),
            entry: entry(&w, &intake.entry),
            applicant: applicant(&w, intake),
            persecution: persecution(&w, intake),
            claim: claim(&w, case),
            grounds: grounds(&w, &intake.claim_answers),
            questions: questions(&w, &intake.claim_answers),
            background: background(&w, intake),
            history: history(&w, &file.history),
            next_stages: next_stages(&w, &file),
            key_dates: key_dates(&w, &dates),
            exception: dates
                .filing_exception
                .map_or_else(|| w.t("case-dates-exception-none"), |e| w.exception(e)),
            events: events(&w, &file.events),
            ead: ead(&w, dates.i589_received_on, &file.ead_stops),
            checklist: checklist(&w, &file.checklist),
            notes: notes(&w, &file.notes),
            audit: audit_view::lines(&file.audit_trail, i18n, zone),
            can_work: file.can_work,
            can_edit: file.can_edit,
            can_close: file.can_close,
            can_purge: file.can_purge,
            can_override_i589,
            pending_revisions: file
                .pending_revisions
                .iter()
                .map(|r| PendingRevisionLine {
                    id: r.id.to_string(),
                    submitted: crate::clock::office_time(&r.submitted_at, zone),
                })
                .collect(),
            event_kinds: w.choices(
                HearingKind::ALL,
                HearingKind::as_str,
                HearingKind::label_key,
            ),
            statuses: w.choices(
                ChecklistStatus::ALL,
                ChecklistStatus::as_str,
                ChecklistStatus::label_key,
            ),
            exception_kinds: w.choices(&FILING_EXCEPTION_KINDS, |k| k.as_str(), |k| k.label_key()),
        }
    }
}

/// `FAMILY, Given Middle`, leaving out the parts written NONE.
fn passport_name(c: &ClientDetails) -> String {
    let parts: Vec<&str> = [&c.family_name, &c.given_name, &c.middle_name]
        .into_iter()
        .map(String::as_str)
        .filter(|p| !p.is_empty() && !p.eq_ignore_ascii_case("none"))
        .collect();
    match parts.split_first() {
        Some((family, rest)) if !rest.is_empty() => format!("{family}, {}", rest.join(" ")),
        Some((only, _)) => only.to_string(),
        None => NONE.to_string(),
    }
}

fn one_year(w: &Writer<'_>, deadlines: &[Deadline], dates: &KeyDates) -> Option<OneYear> {
    deadlines
        .iter()
        .find(|d| d.kind == DeadlineKind::OneYearFiling)
        .map(|d| OneYear {
            due: day(Some(d.due)),
            remaining: w.remaining(d),
            overdue: d.is_overdue(w.today),
            exception: dates.filing_exception.map(|e| w.exception(e)),
        })
}

fn client(w: &Writer<'_>, c: &ClientDetails) -> Vec<Fact> {
    let other_names = if c.other_names.is_empty() {
        NONE.to_string()
    } else {
        c.other_names.join("; ")
    };
    let interpreter = if c.interpreter_needed {
        "case-interpreter-needed"
    } else {
        "case-interpreter-not-needed"
    };
    let a_number = c.a_number.as_deref().map_or_else(
        || NONE.to_string(),
        |digits| ANumber::parse(digits).map_or_else(|_| digits.to_string(), |a| a.to_string()),
    );
    vec![
        fact(w.t("case-client-other-names"), other_names),
        fact(w.t("case-client-dob"), w.born(c.date_of_birth)),
        fact(w.t("case-client-sex"), w.label(c.sex.map(Sex::label_key))),
        fact(
            w.t("case-client-country-of-birth"),
            c.country_of_birth
                .as_deref()
                .map_or_else(|| NONE.to_string(), |code| w.country(code)),
        ),
        fact(
            w.t("case-client-nationalities"),
            w.names(&c.nationalities, codes::country_name),
        ),
        fact(
            w.t("case-client-languages"),
            w.names(&c.languages, codes::language_name),
        ),
        fact(w.t("case-client-interpreter"), w.t(interpreter)),
        fact(w.t("case-client-a-number"), a_number),
        fact(w.t("case-client-passports"), or_none(&c.passport_numbers)),
        fact(w.t("case-client-passport-expiry"), day(c.passport_expiry)),
        fact(
            w.t("case-client-status"),
            w.label(c.immigration_status.map(ImmigrationStatus::label_key)),
        ),
    ]
}

/// The channels recorded, each with whether it is safe to use.
fn contacts(w: &Writer<'_>, c: &ClientDetails) -> Vec<Contact> {
    [
        ("case-contact-phone", &c.phone, c.phone_safe),
        ("case-contact-email", &c.email, c.email_safe),
        ("case-contact-address", &c.us_address, c.address_safe),
        ("case-contact-messenger", &c.messenger, c.messenger_safe),
    ]
    .into_iter()
    .filter(|(_, value, _)| !value.trim().is_empty())
    .map(|(key, value, safe)| Contact {
        label: w.t(key),
        value: value.clone(),
        safe,
    })
    .collect()
}

/// The completeness check: computed from the intake on every view (it queries nothing).
fn i589_check(
    w: &Writer<'_>,
    case_id: &str,
    intake: &Intake,
    filed_on: Option<NaiveDate>,
    overrides: &[OverrideRow],
) -> I589Check {
    let facts = i589::Facts {
        intake,
        today: w.today,
        filed_on,
    };
    let result = i589::check(&facts);
    let warnings = i589_warnings::warnings(&facts)
        .into_iter()
        .map(|warning| I589WarningLine {
            text: w
                .i18n
                .message(&Message::new(warning.kind.label_key()).with("name", &warning.person)),
            link: format!("/cases/{case_id}/intake#{}", warning.field),
        })
        .collect();
    let summary = w.i18n.message(
        &Message::new("i589-check-ready")
            .with("ready", result.ready)
            .with("total", result.total),
    );
    let overrides = overrides
        .iter()
        .map(|o| I589OverrideLine {
            summary: w.i18n.message(
                &Message::new("i589-override-line")
                    .with("count", o.missing_count)
                    .with(
                        "name",
                        o.overridden_by.as_deref().unwrap_or(NONE).to_string(),
                    )
                    .with("date", w.moment(o.overridden_at)),
            ),
            items: o.missing_items.split(' ').collect::<Vec<_>>().join(", "),
            reason: o.reason.clone(),
        })
        .collect();
    I589Check {
        summary,
        missing: missing_lines(w.i18n, case_id, &result.missing),
        warnings,
        overrides,
    }
}

/// The check's missing items by part, in the reader's language, each linked to the intake
/// field that fixes it: on the case page's summary and in a refused filing's stage form.
pub fn missing_lines(
    i18n: &I18n,
    case_id: &str,
    missing: &[(Part, Vec<Item>)],
) -> Vec<(String, Vec<I589MissingLine>)> {
    missing
        .iter()
        .map(|(part, items)| {
            let lines = items
                .iter()
                .map(|item| {
                    let field = item.field();
                    I589MissingLine {
                        number: item.number.clone(),
                        label: intake::label_key(&field)
                            .map_or_else(|| item.label.clone(), |key| i18n.t(key)),
                        link: format!("/cases/{case_id}/intake#{field}"),
                    }
                })
                .collect();
            (i18n.t(part.label_key()), lines)
        })
        .collect()
}

fn family(w: &Writer<'_>, intake: &Intake) -> Vec<FamilyLine> {
    intake
        .family
        .iter()
        .map(|m| {
            let name: Vec<&str> = [m.family_name.as_str(), m.given_name.as_str()]
                .into_iter()
                .filter(|p| !p.is_empty())
                .collect();
            FamilyLine {
                relationship: w.label(m.relationship.map(Relationship::label_key)),
                name: or_none(&name.join(", ")),
                native_name: m.native_name.clone(),
                born: w.born(m.date_of_birth),
                marital: w.label(m.marital_status.map(MaritalStatus::label_key)),
                in_us: m.in_us,
                derivative_requested: m.derivative,
                eligible: m.derivative_eligible(w.today),
                ages_out: m.ages_out_on().map_or_else(String::new, |d| day(Some(d))),
                safe_to_contact: m.safe_to_contact,
                notes: m.notes.clone(),
                location: if m.in_us {
                    String::new()
                } else {
                    m.location.clone()
                },
                in_court: m.in_us && m.in_court_proceedings == Answer::Yes,
            }
        })
        .collect()
}

fn journey(w: &Writer<'_>, intake: &Intake) -> Vec<LegLine> {
    intake
        .journey
        .iter()
        .map(|leg| LegLine {
            from: w.place(&leg.from_city, leg.from_country.as_deref()),
            to: w.place(&leg.to_city, leg.to_country.as_deref()),
            departed: day(leg.departed_on),
            arrived: day(leg.arrived_on),
            mode: w.label(leg.mode.map(TravelMode::label_key)),
            notes: leg.notes.clone(),
        })
        .collect()
}

/// A.III's months: `2019-04 – present`.
fn period(w: &Writer<'_>, from: Option<YearMonth>, to: Option<Until>) -> String {
    let from = from.map_or_else(|| NONE.to_string(), |m| m.to_string());
    let to = match to {
        None => NONE.to_string(),
        Some(Until::Present) => w.t("background-present"),
        Some(Until::Month(m)) => m.to_string(),
    };
    format!("{from} – {to}")
}

fn joined(parts: &[&str]) -> String {
    or_none(
        &parts
            .iter()
            .map(|p| p.trim())
            .filter(|p| !p.is_empty())
            .collect::<Vec<_>>()
            .join(", "),
    )
}

fn address_line(w: &Writer<'_>, a: &Address) -> String {
    let country = a
        .country
        .as_deref()
        .map(|c| w.country(c))
        .unwrap_or_default();
    format!(
        "{} · {}",
        joined(&[&a.street, &a.city, &a.province, &country]),
        period(w, a.from, a.to)
    )
}

fn relative_line(w: &Writer<'_>, r: &Relative) -> String {
    let born = w.place(&r.birth_city, r.birth_country.as_deref());
    let now = if r.deceased {
        w.t("background-sibling-deceased")
    } else {
        or_none(&r.location)
    };
    format!("{} · {born} · {now}", or_none(&r.full_name))
}

/// One list of Part A.III: a line per entry (`School 2`), or, when empty, whether "none" was
/// the answer (`none`: ticked, its label) or nobody has asked yet.
fn background_list(
    w: &Writer<'_>,
    facts: &mut Vec<Fact>,
    (heading, item): (&'static str, &'static str),
    lines: Vec<String>,
    none: Option<(bool, &'static str)>,
) {
    if lines.is_empty() {
        let value = match none {
            Some((true, key)) => w.t(key),
            _ => w.t("intake-not-recorded"),
        };
        facts.push(fact(w.t(heading), value));
    }
    for (i, line) in lines.into_iter().enumerate() {
        let label = w.i18n.message(&Message::new(item).with("number", i + 1));
        facts.push(fact(label, line));
    }
}

/// Part A.III in the form's order.
fn background(w: &Writer<'_>, intake: &Intake) -> Vec<Fact> {
    let b = &intake.background;
    let address = |a: &Address| {
        if a.is_empty() {
            w.t("intake-not-recorded")
        } else {
            address_line(w, a)
        }
    };
    let relative = |r: &Relative| {
        if r.is_empty() {
            w.t("intake-not-recorded")
        } else {
            relative_line(w, r)
        }
    };
    let mut facts = vec![
        fact(
            w.t("background-last-address-heading"),
            address(&b.last_address),
        ),
        fact(
            w.t("background-feared-address-heading"),
            if b.feared_country_same {
                w.t("background-feared-same")
            } else {
                address(&b.feared_country_address)
            },
        ),
    ];
    background_list(
        w,
        &mut facts,
        ("background-residence-heading", "background-residence-item"),
        intake
            .residences
            .iter()
            .map(|a| address_line(w, a))
            .collect(),
        None,
    );
    background_list(
        w,
        &mut facts,
        ("background-school-heading", "background-school-item"),
        intake
            .schools
            .iter()
            .map(|s| {
                format!(
                    "{} · {}",
                    joined(&[&s.name, &s.kind, &s.location]),
                    period(w, s.from, s.to)
                )
            })
            .collect(),
        Some((b.no_schooling, "background-no-schooling")),
    );
    background_list(
        w,
        &mut facts,
        ("background-job-heading", "background-job-item"),
        intake
            .jobs
            .iter()
            .map(|j| {
                format!(
                    "{} · {}",
                    joined(&[&j.employer, &j.occupation]),
                    period(w, j.from, j.to)
                )
            })
            .collect(),
        Some((b.no_employment, "background-no-employment")),
    );
    facts.push(fact(w.t("background-mother-heading"), relative(&b.mother)));
    facts.push(fact(w.t("background-father-heading"), relative(&b.father)));
    background_list(
        w,
        &mut facts,
        ("background-sibling-heading", "background-sibling-item"),
        intake
            .siblings
            .iter()
            .map(|r| relative_line(w, r))
            .collect(),
        Some((b.no_siblings, "background-no-siblings")),
    );
    facts
}

fn entry(w: &Writer<'_>, e: &EntryDetails) -> Vec<Fact> {
    vec![
        fact(w.t("case-entry-last-arrival"), day(e.last_arrival_on)),
        fact(w.t("case-entry-port"), or_none(&e.port_of_entry)),
        fact(
            w.t("case-entry-manner"),
            w.label(e.manner_of_entry.map(MannerOfEntry::label_key)),
        ),
        fact(w.t("case-entry-i94"), or_none(&e.i94_number)),
        fact(w.t("case-entry-class"), or_none(&e.class_of_admission)),
        fact(w.t("case-entry-parole-expires"), day(e.parole_expires_on)),
    ]
}

/// Part A.I's items the client's details do not hold, in the form's order and with the intake
/// page's labels (which carry the item numbers), then every entry into the US (`Entry 2`):
/// date, place, status and when it expires.
fn applicant(w: &Writer<'_>, intake: &Intake) -> Vec<Fact> {
    let a = &intake.applicant;
    let label = |field: &str| intake::label_key(field).map_or_else(String::new, |k| w.t(k));
    let answer = |answer: Answer| w.t(answer.label_key());
    let country = |code: &Option<String>| {
        code.as_deref()
            .map_or_else(|| NONE.to_string(), |c| w.country(c))
    };
    let native_language = match (&a.native_language, a.native_dialect.trim()) {
        (None, "") => NONE.to_string(),
        (None, dialect) => dialect.to_string(),
        (Some(code), "") => codes::language_name(code, w.i18n.language()),
        (Some(code), dialect) => format!(
            "{} ({dialect})",
            codes::language_name(code, w.i18n.language())
        ),
    };
    let state_zip = format!("{} {}", a.mailing_state.trim(), a.mailing_zip.trim());
    let mut facts = vec![
        fact(
            label("applicant.ssn"),
            or_none(&applicant::ssn_shown(&a.ssn)),
        ),
        fact(
            label("applicant.uscis_account_number"),
            or_none(&a.uscis_account_number),
        ),
        fact(
            label("applicant.mailing_same_as_residence"),
            answer(a.mailing_same_as_residence),
        ),
        fact(
            w.t("i589a-heading-mailing"),
            joined(&[
                &a.mailing_in_care_of,
                &a.mailing_street,
                &a.mailing_apartment,
                &a.mailing_city,
                &state_zip,
                &a.mailing_phone,
            ]),
        ),
        fact(
            label("applicant.marital_status"),
            w.label(a.marital_status.map(MaritalStatus::label_key)),
        ),
        fact(label("applicant.city_of_birth"), or_none(&a.city_of_birth)),
        fact(
            label("applicant.nationality_at_birth"),
            country(&a.nationality_at_birth),
        ),
        fact(label("applicant.ethnic_group"), or_none(&a.ethnic_group)),
        fact(label("applicant.religion"), or_none(&a.religion)),
        fact(
            label("applicant.court_proceedings"),
            w.label(a.court_proceedings.map(CourtProceedings::label_key)),
        ),
        fact(
            label("applicant.left_home_country_on"),
            day(a.left_home_country_on),
        ),
        fact(
            label("applicant.travel_document_country"),
            country(&a.travel_document_country),
        ),
        fact(label("applicant.native_language"), native_language),
        fact(
            label("applicant.fluent_in_english"),
            answer(a.fluent_in_english),
        ),
    ];
    if a.no_other_languages {
        facts.push(fact(
            label("applicant.no_other_languages"),
            w.t("i589-answer-yes"),
        ));
    }
    if intake.us_entries.is_empty() {
        facts.push(fact(w.t("i589a-entries"), w.t("i589a-entries-none")));
    }
    for (i, e) in intake.us_entries.iter().enumerate() {
        let mut line = vec![day(e.arrived_on), or_none(&e.place), or_none(&e.status)];
        if let Some(expires) = e.status_expires_on {
            line.push(day(Some(expires)));
        }
        facts.push(fact(
            w.i18n
                .message(&Message::new("i589a-entry").with("number", i + 1)),
            line.join(" · "),
        ));
    }
    facts
}

fn persecution(w: &Writer<'_>, intake: &Intake) -> Vec<PersecutionLine> {
    intake
        .persecution
        .iter()
        .map(|p| PersecutionLine {
            date: day(p.occurred_on),
            place: or_none(&p.place),
            actor: w.label(p.actor.map(Persecutor::label_key)),
            description: or_none(&p.description),
            detention: p.detention_days.map_or_else(
                || NONE.to_string(),
                |d| {
                    w.i18n
                        .message(&Message::new("case-persecution-days").with("days", d))
                },
            ),
            charges: or_none(&p.charges),
            outcome: or_none(&p.outcome),
            evidence: or_none(&p.evidence),
        })
        .collect()
}

fn claim(w: &Writer<'_>, case: &CaseRow) -> Vec<Fact> {
    let conflict = match case.conflict_status.as_str() {
        "clear" => w.t("case-conflict-clear"),
        "conflict" => w
            .i18n
            .message(&Message::new("case-conflict-found").with("reason", &case.conflict_note)),
        _ => w.t("case-conflict-unchecked"),
    };
    let intake = if case.intake_complete {
        "case-intake-complete"
    } else {
        "case-intake-draft"
    };
    vec![
        fact(
            w.t("case-header-kind"),
            w.label(case.kind().map(ClaimKind::label_key)),
        ),
        fact(w.t("case-claim-conflict"), conflict),
        fact(w.t("case-claim-intake"), w.t(intake)),
        fact(w.t("case-claim-opened"), w.moment(case.created_at)),
        fact(w.t("case-claim-updated"), w.moment(case.updated_at)),
    ]
}

fn grounds(w: &Writer<'_>, answers: &ClaimAnswers) -> String {
    if answers.grounds.is_empty() {
        return NONE.to_string();
    }
    answers
        .grounds
        .iter()
        .map(|g| w.t(g.label_key()))
        .collect::<Vec<_>>()
        .join(", ")
}

fn questions(w: &Writer<'_>, answers: &ClaimAnswers) -> Vec<QuestionLine> {
    answers
        .questions()
        .map(|(question, given)| QuestionLine {
            label: w.label(intake::label_key(&question.answer_path())),
            answer: w.t(given.answer.label_key()),
            unanswered: given.answer == Answer::Unanswered,
            explanation: given.explanation.clone(),
        })
        .collect()
}

fn history(w: &Writer<'_>, history: &[StageChange]) -> Vec<HistoryLine> {
    history
        .iter()
        .map(|h| HistoryLine {
            at: w.moment(h.changed_at),
            by: h.changed_by.clone().unwrap_or_else(|| NONE.to_string()),
            from: h
                .from_stage
                .as_deref()
                .map_or_else(String::new, |s| w.stage(s)),
            to: w.stage(&h.to_stage),
            note: h.note.clone(),
        })
        .collect()
}

/// The stages offered in the stage form: declining, withdrawing, closing and reopening only
/// to those who may (the service refuses them to others anyway).
fn next_stages(w: &Writer<'_>, file: &CaseFile) -> Vec<Choice> {
    let reopening = file.case.stage().is_ok_and(|s| !s.is_open());
    file.allowed_next
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
            label: w.t(s.label_key()),
        })
        .collect()
}

fn key_dates(w: &Writer<'_>, dates: &KeyDates) -> Vec<Fact> {
    vec![
        fact(w.t("case-dates-i589-filed"), day(dates.i589_filed_on)),
        fact(w.t("case-dates-i589-received"), day(dates.i589_received_on)),
        fact(
            w.t("case-dates-exception"),
            dates
                .filing_exception
                .map_or_else(|| w.t("case-dates-exception-none"), |e| w.exception(e)),
        ),
        fact(w.t("case-dates-i765-filed"), day(dates.i765_filed_on)),
        fact(
            w.t("case-dates-re-parole-filed"),
            day(dates.re_parole_filed_on),
        ),
        fact(w.t("case-dates-ij-decision"), day(dates.ij_decision_on)),
        fact(w.t("case-dates-appeal-filed"), day(dates.appeal_filed_on)),
        fact(w.t("case-dates-granted"), day(dates.granted_on)),
        fact(w.t("case-dates-i730-filed"), day(dates.i730_filed_on)),
        fact(w.t("case-dates-i485-filed"), day(dates.i485_filed_on)),
        fact(
            w.t("case-dates-court-verified"),
            day(dates.court_verified_on),
        ),
    ]
}

fn events(w: &Writer<'_>, events: &[CaseEventRow]) -> Vec<EventLine> {
    events
        .iter()
        .map(|e| EventLine {
            id: e.id.0.to_string(),
            kind: e
                .kind()
                .map_or_else(|| e.kind.clone(), |k| w.t(k.label_key())),
            // Midnight stands for "time not known".
            when: if e.scheduled_at.time() == NaiveTime::MIN {
                day(Some(e.scheduled_at.date()))
            } else {
                e.scheduled_at.format("%Y-%m-%d %H:%M").to_string()
            },
            place: or_none(&e.place),
            official: or_none(&e.official),
            past: e.scheduled_at.date() < w.today,
            happened: case_work::has_happened(e.scheduled_at, w.now),
            outcome: e.outcome.clone(),
        })
        .collect()
}

fn ead(w: &Writer<'_>, started: Option<NaiveDate>, stops: &[ClockStopRow]) -> Option<Ead> {
    let start = started?;
    let clock = stops.iter().fold(EadClock::new(start), |clock, s| {
        clock.with_stop(s.stopped_on, s.restarted_on)
    });
    Some(Ead {
        started: day(Some(start)),
        days: clock.days_on_clock(w.today),
        stopped: stops.iter().any(|s| s.restarted_on.is_none()),
        stops: stops
            .iter()
            .map(|s| StopLine {
                stopped_on: day(Some(s.stopped_on)),
                restarted_on: s
                    .restarted_on
                    .map_or_else(|| w.t("case-ead-still-stopped"), |d| day(Some(d))),
                reason: or_none(&s.reason),
            })
            .collect(),
    })
}

fn checklist(w: &Writer<'_>, items: &[ChecklistRow]) -> Vec<ChecklistLine> {
    items
        .iter()
        .map(|item| ChecklistLine {
            id: item.id.0.to_string(),
            item: item.item.clone(),
            status: item.status().as_str().to_string(),
            status_label: w.t(item.status().label_key()),
            note: item.note.clone(),
            updated: w.moment(item.updated_at),
        })
        .collect()
}

fn notes(w: &Writer<'_>, notes: &[NoteRow]) -> Vec<NoteLine> {
    notes
        .iter()
        .map(|n| NoteLine {
            at: w.moment(n.created_at),
            by: n.author.clone().unwrap_or_else(|| NONE.to_string()),
            body: n.body.clone(),
        })
        .collect()
}
