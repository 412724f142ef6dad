//! Writing and reading the audit log. Every change is recorded inside the transaction that
//! makes it, so a change without its audit entry cannot exist. Every refusal is recorded in
//! a short transaction of its own ([`record_refusal`]), never in the refused request's.

use std::collections::{BTreeSet, HashMap};

use chrono::{DateTime, NaiveDate, Utc};
use serde_json::Value;

use super::case_access::{reader_scope, visible_case};
use crate::auth::policy;
use crate::clock;
use crate::db::audit_log::{self, AuditFilter, AuditRow, NewAuditEntry};
use crate::db::cases::CaseRow;
use crate::db::group_commit::PendingEntry;
use crate::db::{self, DbConnection, write_transaction};
use crate::domain::audit::{AuditAction, DetailLine, RefusalReason, describe};
use crate::domain::audit_chain::ChainHash;
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
    /// The demo-data loader's entries about records it marks as demo data only after the
    /// entry is written (a demo staff account): kept outside the hash chain like every
    /// entry about demo data, as `refuge demo-data --remove` deletes them.
    pub about_demo_data: bool,
}

impl AuditContext {
    pub fn new(actor: Option<StaffId>, address: Option<String>, at: DateTime<Utc>) -> Self {
        Self {
            actor,
            address,
            at,
            about_demo_data: false,
        }
    }

    /// For the demo-data loader: see [`AuditContext::about_demo_data`].
    pub fn for_demo_data(self) -> Self {
        Self {
            about_demo_data: true,
            ..self
        }
    }

    pub fn record(
        &self,
        conn: &mut DbConnection,
        action: AuditAction,
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
                action: action.code(),
                target_type,
                target_id,
                address: self.address.as_deref(),
                details: details.to_string(),
                about_demo_data: self.about_demo_data,
            },
        )
        .map(|_| ())
    }
}

impl AuditContext {
    /// The entry of a read, for [`record_read`].
    pub fn pending(
        &self,
        action: AuditAction,
        target: Option<(&'static str, String)>,
        details: Value,
    ) -> PendingEntry {
        let (target_type, target_id) = match target {
            Some((kind, id)) => (Some(kind), Some(id)),
            None => (None, None),
        };
        PendingEntry {
            occurred_at: clock::to_db(self.at),
            actor_id: self.actor,
            action: action.code(),
            target_type,
            target_id,
            address: self.address.clone(),
            details: details.to_string(),
        }
    }
}

/// Records a read (a case opened, a search, a case list) and returns once the entry is
/// committed; the caller sends what was read only after this succeeds. The entries of
/// concurrent reads are committed together (group commit), so readers do not queue for
/// the write lock one by one.
pub async fn record_read(state: &AppState, entry: PendingEntry) -> Result<(), AppError> {
    state.group_commit.commit(entry).await
}

pub fn staff_target(id: StaffId) -> Option<(&'static str, String)> {
    Some(("staff", id.to_string()))
}

/// One refused request: who (when known), from where, which route (its pattern, e.g.
/// `/cases/{id}`, never the path with values), what it was about and why it was refused.
#[derive(Debug, Clone)]
pub struct Refusal {
    pub actor: Option<StaffId>,
    pub address: Option<String>,
    pub route: String,
    pub target: Option<(&'static str, String)>,
    pub reason: RefusalReason,
}

/// The refusals of one account within this window count towards the admins' alert.
const REFUSAL_WINDOW_MINUTES: i64 = 60;

/// Put into a request's extensions when its refusal is recorded (or deliberately not
/// recorded) elsewhere than by the `routes::refusals` middleware, so it is not recorded twice.
#[derive(Debug, Clone, Copy)]
pub struct RefusalRecorded;

/// Records a refusal as `access.denied` in its own short transaction and logs it at warn
/// level (ids and codes only, no names). When the account has now been refused more than
/// `audit.refusal_alert_threshold` times within the hour, every active admin is emailed,
/// once per account per hour. Call it wherever a request is refused outside an
/// [`AppError`] answer; refusals answered with `AppError::Forbidden`, `Csrf`, `Refused` or
/// `TooManyRequests` are recorded by the `record_refusals` middleware.
pub async fn record_refusal(state: &AppState, refusal: Refusal) -> Result<(), AppError> {
    let (target_type, target_id) = refusal
        .target
        .as_ref()
        .map_or((None, None), |(t, id)| (Some(*t), Some(id.as_str())));
    tracing::warn!(
        route = %refusal.route,
        target_type,
        target_id,
        reason = refusal.reason.code(),
        actor = refusal.actor.map(|a| a.to_string()),
        "access.denied"
    );
    let now = state.now();
    let threshold = state.settings.audit.refusal_alert_threshold;
    let notifier = super::notifications::Notifier::of(state);
    state
        .db
        .run(move |conn| {
            write_transaction(conn, |conn| {
                let audit = AuditContext::new(refusal.actor, refusal.address.clone(), now);
                audit.record(
                    conn,
                    AuditAction::AccessDenied,
                    refusal.target.clone(),
                    serde_json::json!({
                        "route": refusal.route,
                        "reason": refusal.reason.code(),
                    }),
                )?;
                if let Some(actor) = refusal.actor {
                    alert_admins_if_over(conn, &audit, &notifier, actor, threshold)?;
                }
                Ok(())
            })
        })
        .await
}

/// Emails the admins when `actor` has been refused more than `threshold` times within the
/// hour and no alert about them went out within the hour; the alert is itself audited.
fn alert_admins_if_over(
    conn: &mut DbConnection,
    audit: &AuditContext,
    notifier: &super::notifications::Notifier,
    actor: StaffId,
    threshold: i64,
) -> Result<(), AppError> {
    let since = clock::to_db(audit.at - chrono::Duration::minutes(REFUSAL_WINDOW_MINUTES));
    let refusals = audit_log::count(
        conn,
        &AuditFilter {
            actor_id: Some(actor),
            action: Some(AuditAction::AccessDenied.code().into()),
            from: Some(since),
            ..AuditFilter::default()
        },
    )?;
    if refusals <= threshold {
        return Ok(());
    }
    let alerted = audit_log::count(
        conn,
        &AuditFilter {
            action: Some(AuditAction::SecurityAlertSent.code().into()),
            target_type: Some("staff".into()),
            target_id: Some(actor.to_string()),
            from: Some(since),
            ..AuditFilter::default()
        },
    )?;
    if alerted > 0 {
        return Ok(());
    }
    let Some(refused) = db::staff::find(conn, actor)? else {
        return Ok(());
    };
    let admins: Vec<Staff> = db::staff::list(conn)?
        .into_iter()
        .filter(|s| s.active && s.role == crate::domain::staff::Role::Admin)
        .collect();
    for admin in &admins {
        let i18n = crate::i18n::I18n::new(admin.language);
        let message = crate::email::render::security_alert(
            &i18n,
            &admin.display_name,
            &refused,
            refusals,
            notifier.base_url(),
        )
        .map_err(AppError::internal)?;
        notifier.enqueue(conn, admin, "security_alert", None, &message)?;
    }
    tracing::warn!(
        actor = %actor,
        refusals,
        admins = admins.len(),
        "security alert: repeated refusals"
    );
    AuditContext::new(None, None, audit.at).record(
        conn,
        AuditAction::SecurityAlertSent,
        staff_target(actor),
        serde_json::json!({ "refusals": refusals }),
    )?;
    Ok(())
}

/// Filters of the audit log page and of `GET /api/v1/audit`; dates are whole days in the
/// office's time zone, `until` inclusive.
#[derive(Debug, Clone, Default)]
pub struct AuditQuery {
    pub actor: Option<StaffId>,
    pub action: Option<AuditAction>,
    /// A case reference, checked by [`crate::domain::audit::case_reference`].
    pub case_reference: Option<String>,
    pub from: Option<NaiveDate>,
    pub until: Option<NaiveDate>,
    /// Only security events ([`AuditAction::is_security_event`]).
    pub security: bool,
    pub page: PageNumber,
}

/// The case an entry is about, by its reference.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseRef {
    pub id: uuid::Uuid,
    pub reference: String,
    /// Purged for retention: the reference survives in the purge entry only.
    pub deleted: bool,
}

impl CaseRef {
    /// A case that still exists, as its row gives it.
    pub fn of(case: &CaseRow) -> Self {
        Self {
            id: case.id.0,
            reference: case.reference.clone(),
            deleted: false,
        }
    }
}

/// One entry of the log, with the names it refers to.
#[derive(Debug, Clone)]
pub struct AuditEntry {
    pub id: i64,
    pub occurred_at: DateTime<Utc>,
    pub actor_id: Option<uuid::Uuid>,
    pub actor_name: Option<String>,
    pub action: String,
    pub target_type: Option<String>,
    pub target_id: Option<String>,
    pub case: Option<CaseRef>,
    /// The staff member the entry is about (a sign-in, an account change).
    pub staff: Option<(uuid::Uuid, String)>,
    pub address: Option<String>,
    pub details: Value,
}

impl AuditEntry {
    pub fn known_action(&self) -> Option<AuditAction> {
        AuditAction::parse(&self.action)
    }

    pub fn lines(&self) -> Vec<DetailLine> {
        describe(&self.details)
    }
}

/// A page of entries, newest first.
#[derive(Debug, Clone)]
pub struct AuditEntries {
    pub entries: Vec<AuditEntry>,
    /// Every staff member the entries name, as their target or in their details, by id.
    pub names: HashMap<uuid::Uuid, String>,
    pub total: i64,
    /// The page shown: the one asked for, or the last if it lies beyond.
    pub page: PageNumber,
    pub per_page: PageSize,
}

impl AuditEntries {
    pub fn pages(&self) -> i64 {
        self.per_page.pages(self.total)
    }
}

pub const PER_PAGE: PageSize = PageSize::new(50);
/// The case page shows this many; the rest are on the case's own trail.
pub const LATEST_ON_CASE_PAGE: PageSize = PageSize::new(20);

fn case_filter(id: &str) -> AuditFilter {
    AuditFilter {
        target_type: Some("case".into()),
        target_id: Some(id.to_string()),
        ..AuditFilter::default()
    }
}

/// Reads one page of entries and the cases (other than `known`) and staff they name.
fn read_page(
    conn: &mut DbConnection,
    filter: &AuditFilter,
    page: PageNumber,
    per_page: PageSize,
    known: &[CaseRef],
) -> Result<AuditEntries, AppError> {
    let total = audit_log::count(conn, filter)?;
    let page = page.within(per_page.pages(total));
    let rows = audit_log::list(conn, filter, per_page.get(), page.offset(per_page))?;
    let mut entries = entries_of(conn, rows, known)?;
    entries.total = total;
    entries.page = page;
    entries.per_page = per_page;
    Ok(entries)
}

/// The entries of `rows` with the cases and staff they name (one page, not counted). Cases
/// in `known` are not looked up again, and staff only when an entry names some.
fn entries_of(
    conn: &mut DbConnection,
    rows: Vec<AuditRow>,
    known: &[CaseRef],
) -> Result<AuditEntries, AppError> {
    let mut entries: Vec<AuditEntry> = rows
        .into_iter()
        .map(|row| AuditEntry {
            id: row.id,
            occurred_at: clock::from_db(row.occurred_at),
            actor_id: row.actor_id.map(|a| a.0),
            actor_name: row.actor_name,
            action: row.action,
            target_type: row.target_type,
            target_id: row.target_id,
            case: None,
            staff: None,
            address: row.address,
            details: serde_json::from_str(&row.details).unwrap_or(Value::Null),
        })
        .collect();
    let target_of = |entry: &AuditEntry, kind: &str| {
        (entry.target_type.as_deref() == Some(kind))
            .then(|| entry.target_id.as_deref()?.parse::<uuid::Uuid>().ok())
            .flatten()
    };
    let mut cases: HashMap<uuid::Uuid, CaseRef> =
        known.iter().map(|case| (case.id, case.clone())).collect();
    let case_ids: Vec<uuid::Uuid> = entries
        .iter()
        .filter_map(|entry| target_of(entry, "case"))
        .filter(|id| !cases.contains_key(id))
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    if !case_ids.is_empty() {
        for (id, reference) in audit_log::case_references(conn, &case_ids)? {
            let case = CaseRef {
                id: id.0,
                reference,
                deleted: false,
            };
            cases.insert(id.0, case);
        }
    }
    let gone: Vec<String> = case_ids
        .iter()
        .filter(|id| !cases.contains_key(id))
        .map(ToString::to_string)
        .collect();
    if !gone.is_empty() {
        for (target, details) in audit_log::purges(conn, &gone)? {
            let id = target.and_then(|t| t.parse::<uuid::Uuid>().ok());
            let reference = serde_json::from_str::<Value>(&details)
                .ok()
                .and_then(|d| d.get("reference")?.as_str().map(str::to_string));
            if let (Some(id), Some(reference)) = (id, reference) {
                cases.insert(
                    id,
                    CaseRef {
                        id,
                        reference,
                        deleted: true,
                    },
                );
            }
        }
    }
    let named: BTreeSet<uuid::Uuid> = entries
        .iter()
        .filter_map(|entry| target_of(entry, "staff"))
        .chain(
            entries
                .iter()
                .flat_map(AuditEntry::lines)
                .flat_map(|line| line.staff()),
        )
        .collect();
    // The whole (small) staff table in one statement that stays prepared, rather than a
    // bound list of ids, which SQLite prepares anew each time.
    let names: HashMap<uuid::Uuid, String> = if named.is_empty() {
        HashMap::new()
    } else {
        db::staff::list(conn)?
            .into_iter()
            .map(|s| (s.id.as_uuid(), s.display_name))
            .filter(|(id, _)| named.contains(id))
            .collect()
    };
    for entry in &mut entries {
        entry.case = target_of(entry, "case").and_then(|id| cases.get(&id).cloned());
        entry.staff = target_of(entry, "staff").and_then(|id| Some((id, names.get(&id)?.clone())));
    }
    Ok(AuditEntries {
        total: i64::try_from(entries.len()).unwrap_or(i64::MAX),
        entries,
        names,
        page: PageNumber::FIRST,
        per_page: LATEST_ON_CASE_PAGE,
    })
}

/// The latest entries of one case, for its page (inside the transaction that opens it); not
/// counted, as the page only links to the whole trail.
pub fn latest_of_case(conn: &mut DbConnection, case: &CaseRow) -> Result<AuditEntries, AppError> {
    let rows = audit_log::latest_about(
        conn,
        "case",
        &case.id.0.to_string(),
        LATEST_ON_CASE_PAGE.get(),
    )?;
    entries_of(conn, rows, &[CaseRef::of(case)])
}

/// The whole audit log, filtered (admins only).
pub async fn list(
    state: &AppState,
    actor: &Staff,
    query: AuditQuery,
) -> Result<AuditEntries, AppError> {
    policy::can_read_audit_log(actor)?;
    let zone = state.settings.office.time_zone;
    let midnight = |day: NaiveDate| clock::to_db(local_midnight(zone, day));
    let mut filter = AuditFilter {
        actor_id: query.actor,
        action: query.action.map(|a| a.code().to_string()),
        from: query.from.map(midnight),
        until: query.until.and_then(|d| d.succ_opt()).map(midnight),
        actions: query.security.then(|| {
            AuditAction::security_codes()
                .into_iter()
                .map(str::to_string)
                .collect()
        }),
        ..AuditFilter::default()
    };
    state
        .db
        .run(move |conn| {
            if let Some(reference) = &query.case_reference {
                let case = match audit_log::case_with_reference(conn, reference)? {
                    Some(id) => Some(id.0.to_string()),
                    None => audit_log::purged_case_with_reference(conn, reference)?,
                };
                // An unknown reference matches nothing rather than everything.
                let target = case.unwrap_or_default();
                filter.target_type = Some("case".into());
                filter.target_id = Some(target);
            }
            read_page(conn, &filter, query.page, PER_PAGE, &[])
        })
        .await
}

/// The whole trail of one case, a page at a time, for anyone who may see the case. Reading
/// it is a read of the case file (`case.viewed`, as the case page records it): once the
/// reader is known to see the case, the entry is committed, and only then is the trail read
/// (which then shows this view).
pub async fn case_trail(
    state: &AppState,
    actor: &Staff,
    case_id: uuid::Uuid,
    page: PageNumber,
    address: Option<String>,
) -> Result<(String, AuditEntries), AppError> {
    let audit = AuditContext::new(Some(actor.id), address, state.now());
    let scope = reader_scope(state, actor, case_id).await?;
    let target = Some(("case", case_id.to_string()));
    let details = serde_json::json!({ "view": "audit_trail" });
    record_read(
        state,
        audit.pending(AuditAction::CaseViewed, target, details),
    )
    .await?;
    state
        .db
        .read(move |conn| {
            let case = visible_case(conn, &scope, case_id)?;
            let filter = case_filter(&case_id.to_string());
            let entries = read_page(conn, &filter, page, PER_PAGE, &[CaseRef::of(&case)])?;
            Ok((case.reference, entries))
        })
        .await
}

/// An entry and its hash as an admins' daily email gave them (`ENTRY:HASH`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seal {
    pub id: i64,
    pub hash: ChainHash,
}

impl Seal {
    pub fn parse(text: &str) -> anyhow::Result<Self> {
        let (id, hash) = text
            .trim()
            .split_once(':')
            .ok_or_else(|| anyhow::anyhow!("a seal is ENTRY:HASH, as in the daily email"))?;
        let id = id
            .parse()
            .map_err(|_| anyhow::anyhow!("the seal's entry is not a number: {id}"))?;
        let hash = ChainHash::parse(&hash.to_ascii_lowercase())
            .ok_or_else(|| anyhow::anyhow!("the seal's hash is not 64 hex digits"))?;
        Ok(Self { id, hash })
    }
}

/// What `refuge audit verify` found when the chain is intact.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChainReport {
    pub covered: u64,
    pub sealed_through: i64,
    pub outside: u64,
    pub head_id: Option<i64>,
    pub head_hash: ChainHash,
}

impl std::fmt::Display for ChainReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "The audit log's chain is intact: {} entries checked",
            self.covered
        )?;
        if self.sealed_through > 0 {
            write!(
                f,
                " (those up to entry {} were written before the chain began and are \
                 covered by the first hash after them)",
                self.sealed_through
            )?;
        }
        if self.outside > 0 {
            write!(
                f,
                "; {} entries about demo data stand outside it",
                self.outside
            )?;
        }
        write!(
            f,
            ".\nHead: entry {}, hash {}",
            self.head_id.unwrap_or(0),
            self.head_hash
        )
    }
}

/// Walks the audit log's hash chain ([`crate::domain::audit_chain`]) in one read
/// transaction; an error names the first broken link, or a seal the chain does not hold.
pub fn verify_chain(conn: &mut DbConnection, seal: Option<&Seal>) -> anyhow::Result<ChainReport> {
    use diesel::Connection;
    let (walk, head, broken, sealed_hash) = conn.transaction(|conn| {
        let (walk, head, broken) = db::audit_chain::verify(conn)?;
        let sealed_hash = match seal {
            Some(seal) => Some(db::audit_chain::stored_hash(conn, seal.id)?),
            None => None,
        };
        Ok::<_, diesel::result::Error>((walk, head, broken, sealed_hash))
    })?;
    if let Some(broken) = broken {
        anyhow::bail!("the audit log's chain is broken: {broken}");
    }
    let (covered, outside, sealed_through) = (walk.covered, walk.outside, head.sealed_through);
    let head_hash = head.head_hash.as_deref().and_then(ChainHash::parse);
    let (head_id, head_hash) = walk
        .finish(head.head_id, head_hash)
        .map_err(|broken| anyhow::anyhow!("the audit log's chain is broken: {broken}"))?;
    if let (Some(seal), Some(stored)) = (seal, sealed_hash)
        && stored.as_deref().and_then(ChainHash::parse) != Some(seal.hash)
    {
        anyhow::bail!(
            "the audit log no longer matches the seal {}:{}: entry {} is gone or its hash \
             differs, so the log up to it was rewritten since the seal was sent",
            seal.id,
            seal.hash,
            seal.id
        );
    }
    Ok(ChainReport {
        covered,
        sealed_through,
        outside,
        head_id,
        head_hash,
    })
}
