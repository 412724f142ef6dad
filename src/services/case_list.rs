//! The case list: "my cases" by default, every case for those who may see them all, with
//! filters, a sort and pages, within the reader's case scope (`auth::scope`).

use std::collections::HashMap;
use std::sync::Arc;

use chrono::{Duration, NaiveDate, NaiveDateTime};
use serde_json::json;

use super::audit::{self, AuditContext};
use super::cases::today;
use super::reports::{self, FigureChoice};
use super::search::full_name;
use crate::auth::policy;
use crate::clock;
use crate::db;
use crate::db::case_list::{self as db_list, CaseListFilter, CaseListRow, CaseSort};
use crate::domain::audit::AuditAction;
use crate::domain::case_stage::{CaseStage, ClaimKind};
use crate::domain::deadlines::DeadlineKind;
use crate::domain::ids::StaffId;
use crate::domain::intake::FamilyMember;
use crate::domain::paging::{PageNumber, PageSize};
use crate::domain::reports::{Family, IsoWeek, ReportOf};
use crate::domain::staff::{Role, Staff};
use crate::error::AppError;
use crate::state::AppState;

pub const PER_PAGE: PageSize = PageSize::new(50);
/// "Not updated in 60 days".
pub const STALE_AFTER_DAYS: i64 = 60;

/// Whose cases the list starts from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Scope {
    /// The lawyer's cases of record, the paralegal's assigned cases; for an admin, all.
    #[default]
    Mine,
    All,
}

/// The list as asked for, parsed.
#[derive(Debug, Clone, Default)]
pub struct CaseListQuery {
    pub scope: Scope,
    pub stage: Option<CaseStage>,
    pub kind: Option<ClaimKind>,
    pub lawyer: Option<StaffId>,
    pub paralegal: Option<StaffId>,
    pub nationality: Option<&'static str>,
    pub port_of_entry: Option<String>,
    pub one_year_within_days: Option<u32>,
    pub hearing_within_days: Option<u32>,
    pub not_updated: bool,
    /// Only the cases behind one figure of a weekly report.
    pub report: Option<ReportSelection>,
    pub sort: CaseSort,
    pub descending: bool,
    pub page: PageNumber,
}

/// A weekly-report figure, as a case-list filter.
#[derive(Debug, Clone)]
pub struct ReportSelection {
    pub family: Family,
    pub week: IsoWeek,
    pub key: Option<String>,
    pub of: ReportOf,
}

/// A case's next deadline as the list shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NextDeadline {
    pub kind: Option<DeadlineKind>,
    pub due_on: NaiveDate,
    pub days_remaining: i64,
    /// Who it is about when not the client ("Maria turns 21"): for staff pages only.
    pub person: Option<String>,
}

impl NextDeadline {
    pub fn label_key(&self) -> &'static str {
        self.kind
            .map_or("case-list-deadline", DeadlineKind::label_key)
    }
}

/// One row of the list.
#[derive(Debug, Clone)]
pub struct CaseListEntry {
    pub id: uuid::Uuid,
    pub reference: String,
    pub stage: Option<CaseStage>,
    pub kind: Option<ClaimKind>,
    pub client_name: String,
    pub native_name: String,
    pub lawyer: Option<String>,
    pub paralegal: Option<String>,
    pub updated_at: NaiveDateTime,
    pub next_deadline: Option<NextDeadline>,
}

impl CaseListEntry {
    pub fn stage_key(&self) -> &'static str {
        self.stage
            .map_or("case-stage-invalid", CaseStage::label_key)
    }
}

pub struct CaseListPage {
    pub entries: Vec<CaseListEntry>,
    pub total: i64,
    pub page: i64,
    pub pages: i64,
    /// Whether the actor may switch to every case.
    pub can_see_all: bool,
    /// The scope in effect (an admin's own cases are all cases).
    pub scope: Scope,
    /// Every staff member, for the lawyer and paralegal filters.
    pub staff: Vec<Staff>,
}

fn entry(row: CaseListRow, names: &HashMap<uuid::Uuid, String>, today: NaiveDate) -> CaseListEntry {
    let client_name = full_name(&[&row.given_name, &row.middle_name, &row.family_name]);
    let next_deadline = row.next_deadline_on.map(|due_on| NextDeadline {
        kind: row
            .next_deadline_kind
            .as_deref()
            .and_then(|k| DeadlineKind::ALL.into_iter().find(|d| d.as_str() == k)),
        due_on,
        days_remaining: (due_on - today).num_days(),
        person: None,
    });
    CaseListEntry {
        id: row.id.0,
        reference: row.reference,
        stage: CaseStage::parse(&row.stage).ok(),
        kind: row.kind.as_deref().and_then(|k| ClaimKind::parse(k).ok()),
        client_name,
        native_name: row.native_name,
        lawyer: row.lawyer_id.and_then(|id| names.get(&id.0).cloned()),
        paralegal: row.paralegal_id.and_then(|id| names.get(&id.0).cloned()),
        updated_at: row.updated_at,
        next_deadline,
    }
}

/// Names the children whose 21st birthday is the entry's next deadline, as the case page
/// does (`case_file::deadlines`: watched children, by the name the office calls them).
fn name_who_turns_21(
    mut entry: CaseListEntry,
    children: &[(uuid::Uuid, FamilyMember)],
) -> CaseListEntry {
    if let Some(next) = entry
        .next_deadline
        .as_mut()
        .filter(|n| n.kind == Some(DeadlineKind::ChildAgesOut))
    {
        let mut names: Vec<String> = Vec::new();
        for (_, child) in children.iter().filter(|(case, _)| *case == entry.id) {
            if child.watched_age_out() == Some(next.due_on)
                && let Some(name) = child.first_name()
                && !names.contains(&name)
            {
                names.push(name);
            }
        }
        next.person = (!names.is_empty()).then(|| names.join(", "));
    }
    entry
}

/// Ports of entry recorded so far, for the case list's filter. Read again after five minutes:
/// the distinct scan costs PostgreSQL a good part of a page, and a port first typed at intake
/// can wait that long to be suggested.
pub async fn port_suggestions(state: &AppState) -> Result<Arc<Vec<String>>, AppError> {
    let now = state.now();
    if let Some(ports) = state.port_suggestions.get(now) {
        return Ok(ports);
    }
    let ports = state
        .db
        .run(|conn| Ok(db_list::ports_of_entry(conn)?))
        .await?;
    Ok(state.port_suggestions.put(now, ports))
}

/// One page of the cases in `actor`'s scope, filtered and sorted; audited (which list, how
/// many cases, from which address) before it is returned.
pub async fn list(
    state: &AppState,
    actor: &Staff,
    query: CaseListQuery,
    address: Option<String>,
) -> Result<CaseListPage, AppError> {
    policy::can_use_app(actor)?;
    let today = today(state);
    let now = clock::to_db(state.now());
    let zone = state.settings.office.time_zone;
    if let Some(r) = &query.report {
        policy::can_read_report(actor, r.of)?;
    }
    let audit = AuditContext::new(Some(actor.id), address, state.now());
    let actor = actor.clone();
    let page = state
        .db
        .run(move |conn| {
            let cases = db::scope::load(conn, &actor)?;
            let report = match query.report.clone() {
                Some(r) => {
                    let choice = FigureChoice {
                        family: r.family,
                        key: r.key,
                        week: r.week,
                        of: r.of,
                    };
                    Some(reports::figure(&actor, cases, zone, choice)?)
                }
                None => None,
            };
            // Switching to every case is offered to those who see every case and do not
            // see them all already.
            let can_see_all = cases.is_office_wide() && actor.role != Role::Admin;
            let scope = match (actor.role, query.scope) {
                (Role::Admin, _) => Scope::All,
                (_, Scope::All) if can_see_all => Scope::All,
                _ => Scope::Mine,
            };
            let me = actor.id.as_uuid();
            let mut filter = CaseListFilter {
                scope: cases,
                mine_as_lawyer: None,
                mine_as_paralegal: None,
                lawyer: query.lawyer.map(StaffId::as_uuid),
                paralegal: query.paralegal.map(StaffId::as_uuid),
                stage: query.stage.map(|s| s.as_str().to_string()),
                kind: query.kind.map(|k| k.as_str().to_string()),
                nationality: query.nationality.map(str::to_string),
                port_of_entry: query.port_of_entry.clone(),
                one_year_until: query
                    .one_year_within_days
                    .map(|days| today + Duration::days(i64::from(days))),
                hearing_until: query
                    .hearing_within_days
                    .map(|days| today + Duration::days(i64::from(days))),
                not_updated_since: query
                    .not_updated
                    .then(|| now - Duration::days(STALE_AFTER_DAYS)),
                report,
                today,
            };
            if scope == Scope::Mine {
                match actor.role {
                    Role::Lawyer => filter.mine_as_lawyer = Some(me),
                    Role::Paralegal => filter.mine_as_paralegal = Some(me),
                    Role::Admin => {}
                }
            }
            let total = db_list::count(conn, &filter)?;
            let pages = PER_PAGE.pages(total);
            let page = query.page.within(pages);
            let ids = db_list::page_ids(
                conn,
                &filter,
                query.sort,
                query.descending,
                PER_PAGE.get(),
                page.offset(PER_PAGE),
                total,
            )?;
            let rows = db_list::rows(conn, &cases, &ids, today)?;
            let ages_out: Vec<uuid::Uuid> = rows
                .iter()
                .filter(|r| {
                    r.next_deadline_kind.as_deref() == Some(DeadlineKind::ChildAgesOut.as_str())
                })
                .map(|r| r.id.0)
                .collect();
            let children = db_list::children(conn, &cases, &ages_out)?;
            let staff = db::staff::list(conn)?;
            let names: HashMap<uuid::Uuid, String> = staff
                .iter()
                .map(|s| (s.id.as_uuid(), s.display_name.clone()))
                .collect();
            Ok(CaseListPage {
                entries: rows
                    .into_iter()
                    .map(|row| entry(row, &names, today))
                    .map(|entry| name_who_turns_21(entry, &children))
                    .collect(),
                total,
                page: page.get(),
                pages,
                can_see_all,
                scope,
                staff,
            })
        })
        .await?;
    // Which list and how many cases it holds; never the filters' values.
    let details = json!({
        "list": match page.scope {
            Scope::Mine => "mine",
            Scope::All => "all",
        },
        "results": page.total,
    });
    audit::record_read(
        state,
        audit.pending(AuditAction::CaseListViewed, None, details),
    )
    .await?;
    Ok(page)
}
