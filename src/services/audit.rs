//! Writing and reading the audit log. Every change is recorded inside the transaction that
//! makes it, so a change without its audit entry cannot exist.

use chrono::{DateTime, NaiveDate, Utc};
use serde_json::Value;

use crate::auth::policy;
use crate::clock;
use crate::db::DbConnection;
use crate::db::audit_log::{self, AuditFilter, AuditRow, NewAuditEntry};
use crate::domain::ids::StaffId;
use crate::domain::paging::{PageNumber, PageSize};
use crate::domain::reports::local_midnight;
use crate::domain::staff::Staff;
use crate::error::AppError;
use crate::state::AppState;

/// Who acts, from where, and when: the part of an audit entry every action shares.
#[derive(Debug, Clone)]
pub struct AuditContext {
    pub actor: Option<StaffId>,
    pub address: Option<String>,
    pub at: DateTime<Utc>,
}

impl AuditContext {
    pub fn new(actor: Option<StaffId>, address: Option<String>, at: DateTime<Utc>) -> Self {
        Self { actor, address, at }
    }

    pub fn record(
        &self,
        conn: &mut DbConnection,
        action: &str,
        target: Option<(&str, String)>,
        details: Value,
    ) -> Result<(), diesel::result::Error> {
        let (target_type, target_id) = match target {
            Some((kind, id)) => (Some(kind), Some(id)),
            None => (None, None),
        };
        audit_log::insert(
            conn,
            &NewAuditEntry {
                occurred_at: clock::to_db(self.at),
                actor_id: self.actor,
                action,
                target_type,
                target_id,
                address: self.address.as_deref(),
                details: details.to_string(),
            },
        )
        .map(|_| ())
    }
}

pub fn staff_target(id: StaffId) -> Option<(&'static str, String)> {
    Some(("staff", id.to_string()))
}

/// Filters as typed on the audit page; dates are whole days in the office's time zone, `until`
/// inclusive.
#[derive(Debug, Clone, Default)]
pub struct AuditQuery {
    pub actor: Option<StaffId>,
    pub action: Option<String>,
    pub from: Option<NaiveDate>,
    pub until: Option<NaiveDate>,
    pub page: PageNumber,
}

pub struct AuditPage {
    pub rows: Vec<AuditRow>,
    pub total: i64,
    pub page: i64,
    pub per_page: i64,
    pub actions: Vec<String>,
}

pub const PER_PAGE: PageSize = PageSize::new(50);

pub async fn list(
    state: &AppState,
    actor: &Staff,
    query: AuditQuery,
) -> Result<AuditPage, AppError> {
    policy::can_read_audit_log(actor)?;
    let zone = state.settings.office.time_zone;
    let midnight = |day: NaiveDate| clock::to_db(local_midnight(zone, day));
    let filter = AuditFilter {
        actor_id: query.actor,
        action: query.action.clone(),
        from: query.from.map(midnight),
        until: query.until.and_then(|d| d.succ_opt()).map(midnight),
        ..AuditFilter::default()
    };
    state
        .db
        .run(move |conn| {
            let total = audit_log::count(conn, &filter)?;
            let page = query.page.within(PER_PAGE.pages(total));
            let rows = audit_log::list(conn, &filter, PER_PAGE.get(), page.offset(PER_PAGE))?;
            let actions = audit_log::actions(conn)?;
            Ok(AuditPage {
                rows,
                total,
                page: page.get(),
                per_page: PER_PAGE.get(),
                actions,
            })
        })
        .await
}
