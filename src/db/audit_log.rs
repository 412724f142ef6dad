//! Queries on `audit_log`. The table is append-only (triggers refuse UPDATE and DELETE, and
//! on PostgreSQL TRUNCATE) and hash-chained ([`audit_chain`]); this module only inserts and
//! reads.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::schema::{audit_log, cases, staff};
use super::uuid::DbUuid;
use super::{DbConnection, audit_chain, natively};
use crate::domain::audit::AuditAction;
use crate::domain::audit_chain::{ChainHash, EntryContent, link};
use crate::domain::ids::StaffId;

pub struct NewAuditEntry<'a> {
    pub occurred_at: NaiveDateTime,
    pub actor_id: Option<StaffId>,
    pub action: &'a str,
    pub target_type: Option<&'a str>,
    pub target_id: Option<String>,
    pub address: Option<&'a str>,
    pub details: String,
    /// Written by the demo-data loader about a record it is about to mark as demo data:
    /// outside the hash chain, like every entry about a demo record.
    pub about_demo_data: bool,
}

/// Appends the entry: to the hash chain, under the chain head's lock held until the
/// transaction ends (so appends are serialized and ids follow the chain's order), unless
/// it is about demo data.
pub fn insert(conn: &mut DbConnection, entry: &NewAuditEntry<'_>) -> QueryResult<usize> {
    let content = entry.content();
    let chained = !entry.about_demo_data
        && !audit_chain::about_demo_data(conn, content.actor_id, content.target_id)?;
    let mut appending = Appending::default();
    appending.append(conn, entry, &content, chained)?;
    appending.finish(conn)?;
    Ok(1)
}

/// Appends the entries in their order, as [`insert`] appends one, asking once which of
/// them are about demo data and taking the chain head once for all of them: the group
/// commit's entries of reads, a statement or two each instead of four to seven.
pub fn insert_all(conn: &mut DbConnection, entries: &[NewAuditEntry<'_>]) -> QueryResult<()> {
    let contents: Vec<EntryContent<'_>> = entries.iter().map(NewAuditEntry::content).collect();
    let named: Vec<uuid::Uuid> = contents
        .iter()
        .flat_map(|c| [c.actor_id, c.target_id.and_then(|t| t.parse().ok())])
        .flatten()
        .collect();
    let demo = audit_chain::demo_among(conn, &named)?;
    let about_demo = |c: &EntryContent<'_>| {
        c.actor_id.is_some_and(|id| demo.contains(&id))
            || c.target_id
                .and_then(|t| t.parse().ok())
                .is_some_and(|id| demo.contains(&id))
    };
    let mut appending = Appending::default();
    for (entry, content) in entries.iter().zip(&contents) {
        let chained = !entry.about_demo_data && !about_demo(content);
        appending.append(conn, entry, content, chained)?;
    }
    appending.finish(conn)
}

impl NewAuditEntry<'_> {
    fn content(&self) -> EntryContent<'_> {
        EntryContent {
            occurred_at: self.occurred_at,
            actor_id: self.actor_id.map(StaffId::as_uuid),
            action: self.action,
            target_type: self.target_type,
            target_id: self.target_id.as_deref(),
            address: self.address,
            details: &self.details,
        }
    }
}

/// Entries being appended in one transaction: the chain head is locked at the first
/// chained one, followed in memory, and written once at the end.
#[derive(Default)]
struct Appending {
    /// The hash the next chained entry follows, once the head is locked.
    head: Option<ChainHash>,
    /// The last chained entry's id and hash.
    last: Option<(i64, ChainHash)>,
    /// Chained entries appended.
    links: i64,
}

impl Appending {
    fn append(
        &mut self,
        conn: &mut DbConnection,
        entry: &NewAuditEntry<'_>,
        content: &EntryContent<'_>,
        chained: bool,
    ) -> QueryResult<()> {
        let hash = if chained {
            let previous = match self.head {
                Some(head) => head,
                None => audit_chain::lock_head(conn)?,
            };
            Some(link(&previous, content))
        } else {
            None
        };
        let id: i64 = natively!(conn, |c| diesel::insert_into(audit_log::table)
            .values((
                audit_log::occurred_at.eq(entry.occurred_at),
                audit_log::actor_id.eq(entry.actor_id.map(|id| DbUuid(id.as_uuid()))),
                audit_log::action.eq(entry.action),
                audit_log::target_type.eq(entry.target_type),
                audit_log::target_id.eq(entry.target_id.as_deref()),
                audit_log::address.eq(entry.address),
                audit_log::details.eq(&entry.details),
                audit_log::chain_hash.eq(hash.map(ChainHash::to_hex)),
            ))
            .returning(audit_log::id)
            .get_result(c))?;
        if let Some(hash) = hash {
            self.head = Some(hash);
            self.last = Some((id, hash));
            self.links += 1;
        }
        Ok(())
    }

    /// Records the last chained entry as the chain's head.
    fn finish(self, conn: &mut DbConnection) -> QueryResult<()> {
        match self.last {
            Some((id, hash)) => audit_chain::advance(conn, id, hash, self.links),
            None => Ok(()),
        }
    }
}

/// An entry with its actor's display name: selected from `audit_log` left-joined to `staff`.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = audit_log)]
pub struct AuditRow {
    pub id: i64,
    pub occurred_at: NaiveDateTime,
    pub actor_id: Option<DbUuid>,
    pub action: String,
    pub target_type: Option<String>,
    pub target_id: Option<String>,
    pub address: Option<String>,
    pub details: String,
    #[diesel(select_expression = staff::display_name.nullable())]
    #[diesel(select_expression_type = diesel::dsl::Nullable<staff::display_name>)]
    pub actor_name: Option<String>,
}

#[derive(Debug, Clone, Default)]
pub struct AuditFilter {
    pub actor_id: Option<StaffId>,
    pub action: Option<String>,
    pub from: Option<NaiveDateTime>,
    pub until: Option<NaiveDateTime>,
    pub target_type: Option<String>,
    pub target_id: Option<String>,
    /// Any of these actions (the security events).
    pub actions: Option<Vec<String>>,
}

fn filtered(filter: &AuditFilter) -> audit_log::BoxedQuery<'static, super::MultiBackend> {
    let mut query = audit_log::table.into_boxed();
    if let Some(actor) = filter.actor_id {
        query = query.filter(audit_log::actor_id.eq(DbUuid(actor.as_uuid())));
    }
    if let Some(action) = &filter.action {
        query = query.filter(audit_log::action.eq(action.clone()));
    }
    if let Some(from) = filter.from {
        query = query.filter(audit_log::occurred_at.ge(from));
    }
    if let Some(until) = filter.until {
        query = query.filter(audit_log::occurred_at.lt(until));
    }
    if let Some(target_type) = &filter.target_type {
        query = query.filter(audit_log::target_type.eq(target_type.clone()));
    }
    if let Some(target_id) = &filter.target_id {
        query = query.filter(audit_log::target_id.eq(target_id.clone()));
    }
    if let Some(actions) = &filter.actions {
        query = query.filter(audit_log::action.eq_any(actions.clone()));
    }
    query
}

/// Newest first, with the actor's display name.
pub fn list(
    conn: &mut DbConnection,
    filter: &AuditFilter,
    limit: i64,
    offset: i64,
) -> QueryResult<Vec<AuditRow>> {
    let ids: Vec<i64> = filtered(filter)
        .select(audit_log::id)
        .order(audit_log::id.desc())
        .limit(limit)
        .offset(offset)
        .load(conn)?;
    audit_log::table
        .left_join(staff::table)
        .filter(audit_log::id.eq_any(ids))
        .order(audit_log::id.desc())
        .select(AuditRow::as_select())
        .load(conn)
}

/// The latest `limit` entries about one target, newest first, with the actor's display
/// name: the case page's trail, in one statement that both backends keep prepared (no list
/// of ids is bound).
pub fn latest_about(
    conn: &mut DbConnection,
    target_type: &str,
    target_id: &str,
    limit: i64,
) -> QueryResult<Vec<AuditRow>> {
    let about = diesel::alias!(audit_log as about);
    let latest = about
        .filter(about.field(audit_log::target_type).eq(target_type))
        .filter(about.field(audit_log::target_id).eq(target_id))
        .select(about.field(audit_log::id))
        .order(about.field(audit_log::id).desc())
        .limit(limit);
    natively!(conn, |c| audit_log::table
        .left_join(staff::table)
        .filter(audit_log::id.eq_any(latest))
        .order(audit_log::id.desc())
        .select(AuditRow::as_select())
        .load(c))
}

pub fn count(conn: &mut DbConnection, filter: &AuditFilter) -> QueryResult<i64> {
    filtered(filter).count().get_result(conn)
}

/// The references of the cases among `ids` that still exist.
pub fn case_references(
    conn: &mut DbConnection,
    ids: &[uuid::Uuid],
) -> QueryResult<Vec<(DbUuid, String)>> {
    cases::table
        .filter(cases::id.eq_any(ids.iter().copied().map(DbUuid)))
        .select((cases::id, cases::reference))
        .load(conn)
}

/// The id of the case with this reference, if it still exists.
pub fn case_with_reference(
    conn: &mut DbConnection,
    reference: &str,
) -> QueryResult<Option<DbUuid>> {
    cases::table
        .filter(cases::reference.eq(reference))
        .select(cases::id)
        .first(conn)
        .optional()
}

/// The purge entries (target id, details) of deleted cases among `ids`: they keep the
/// reference once the case is gone.
pub fn purges(
    conn: &mut DbConnection,
    ids: &[String],
) -> QueryResult<Vec<(Option<String>, String)>> {
    audit_log::table
        .filter(audit_log::action.eq(AuditAction::CasePurged.code()))
        .filter(audit_log::target_type.eq("case"))
        .filter(audit_log::target_id.eq_any(ids))
        .select((audit_log::target_id, audit_log::details))
        .load(conn)
}

/// The case id of the purge entry of the deleted case with this reference. The reference is
/// checked by the caller to hold no `LIKE` wildcard.
pub fn purged_case_with_reference(
    conn: &mut DbConnection,
    reference: &str,
) -> QueryResult<Option<String>> {
    audit_log::table
        .filter(audit_log::action.eq(AuditAction::CasePurged.code()))
        .filter(audit_log::details.like(format!("%\"reference\":\"{reference}\"%")))
        .select(audit_log::target_id)
        .first::<Option<String>>(conn)
        .optional()
        .map(Option::flatten)
}
