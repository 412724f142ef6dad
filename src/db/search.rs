//! Finding people by name, A-number and case reference: the queries behind the search box and
//! the conflict check. Names are looked up through `name_keys` (see `domain::names`): SQL
//! finds and roughly orders the candidates through the `(key, person_id)` primary key, then
//! the caller ranks them precisely in Rust.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use diesel::backend::Backend;
use diesel::prelude::*;
use diesel::query_builder::BoxedSqlQuery;
use diesel::serialize::ToSql;
use diesel::sql_types::{BigInt, Date, HasSqlType, Integer, Text};

use super::schema::{case_reference_counters, cases, clients, family_members};
use super::scope::{RawStatement, WithinScope, and_within};
use super::sealed::a_number_indexes;
use super::uuid::{DbUuid, PortableUuid};
use super::{DbConnection, natively};
use crate::auth::scope::CaseScope;

/// What the index may hold for one query token: its `t:` keys (same written name), its `c:`
/// key (same dictionary name) and `s:` key (spelled alike), and `t:` prefixes while typing.
/// Every prefix is also one of its `t:` keys (`services::search::lookup`): the prefix class
/// reads only the longer keys.
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct TokenLookup {
    pub translit: Vec<String>,
    pub canonical: Option<String>,
    pub skeleton: Option<String>,
    /// Readings the token may begin (`t:shch` → `t:shcherbakov`); empty when prefixes are not
    /// wanted (the conflict check) or the token is too short.
    pub prefixes: Vec<String>,
}

impl TokenLookup {
    fn is_empty(&self) -> bool {
        self.translit.is_empty()
            && self.canonical.is_none()
            && self.skeleton.is_none()
            && self.prefixes.is_empty()
    }
}

/// Which candidates a name lookup may return.
#[derive(Debug, Clone, Default)]
pub struct LookupScope {
    /// At least this many of the query's tokens must match one of the person's keys.
    pub min_tokens: usize,
    /// Only people of the cases in this scope (none by default).
    pub cases: CaseScope,
    /// Not the people of this client (the conflict check's own file).
    pub exclude_client: Option<uuid::Uuid>,
    /// Only people born on this day.
    pub born_on: Option<NaiveDate>,
    pub limit: i64,
    /// Once this many people match every token through the classes of keys that are the
    /// search ranking's own kinds (same written name, same dictionary name), the weaker
    /// classes are not read: no one they would add ranks above those people. 0: `limit`.
    pub enough: usize,
}

impl LookupScope {
    fn enough(&self) -> usize {
        let limit = usize::try_from(self.limit.max(1)).unwrap_or(usize::MAX);
        match self.enough {
            0 => limit,
            enough => enough.min(limit),
        }
    }
}

/// A candidate person and how well the index says they match: per token 1 = same written
/// name, 2 = same dictionary name, 3 = spelled alike, 4 = prefix; `worst` is the weakest
/// token's, `total` the sum. Rust ranking refines this.
#[derive(Debug, Clone, QueryableByName)]
pub struct Candidate {
    #[diesel(sql_type = PortableUuid)]
    pub person_id: DbUuid,
    #[diesel(sql_type = Integer)]
    pub matched: i32,
    #[diesel(sql_type = Integer)]
    pub worst: i32,
    #[diesel(sql_type = BigInt)]
    pub total: i64,
}

enum Bind {
    Text(String),
    Uuid(DbUuid),
    Date(NaiveDate),
}

/// Raw SQL with `$n` placeholders numbered in the order they appear, which is the order
/// both SQLite and PostgreSQL bind them in.
#[derive(Default)]
struct Statement {
    text: String,
    binds: Vec<Bind>,
}

impl Statement {
    fn push(&mut self, sql: &str) {
        self.text.push_str(sql);
    }

    fn bind(&mut self, value: Bind) {
        self.binds.push(value);
        self.text.push('$');
        self.text.push_str(&self.binds.len().to_string());
    }

    fn bind_list(&mut self, values: &[String]) {
        self.push("(");
        for (i, value) in values.iter().enumerate() {
            if i > 0 {
                self.push(", ");
            }
            self.bind(Bind::Text(value.clone()));
        }
        self.push(")");
    }

    /// The statement for one backend, run on its own connection (`natively!`): a
    /// statement of hundreds of binds is not written out anew on every pass over it.
    fn into_query<DB>(self) -> BoxedSqlQuery<'static, DB, diesel::query_builder::SqlQuery>
    where
        DB: Backend + HasSqlType<Text> + HasSqlType<PortableUuid> + HasSqlType<Date>,
        String: ToSql<Text, DB>,
        DbUuid: ToSql<PortableUuid, DB>,
        NaiveDate: ToSql<Date, DB>,
    {
        let mut query = diesel::sql_query(self.text).into_boxed::<DB>();
        for bind in self.binds {
            query = match bind {
                Bind::Text(text) => query.bind::<Text, _>(text),
                Bind::Uuid(id) => query.bind::<PortableUuid, _>(id),
                Bind::Date(date) => query.bind::<Date, _>(date),
            };
        }
        query
    }
}

impl RawStatement for Statement {
    fn push_sql(&mut self, sql: &str) {
        self.push(sql);
    }

    fn push_uuid(&mut self, id: DbUuid) {
        self.bind(Bind::Uuid(id));
    }
}

/// The first key after every key that begins with `prefix` (letters `a`–`z` only): the
/// upper bound of a range scan, which uses the index where `LIKE 'x%'` would not (SQLite's
/// LIKE is case-insensitive; PostgreSQL's needs a C-collation index).
fn prefix_end(prefix: &str) -> String {
    let mut end: Vec<u8> = prefix.as_bytes().to_vec();
    while let Some(last) = end.pop() {
        if last.is_ascii_lowercase() && last < b'z' {
            end.push(last + 1);
            return String::from_utf8(end).unwrap_or_default();
        }
        if last == b':' {
            break;
        }
    }
    // All letters were `z`: everything after the `t:` keys.
    "u".to_string()
}

/// The classes of index keys a token is looked up by, strongest first, each with the
/// strength it stands for: its `t:` keys (1, same written name), its `c:` key (2, same
/// dictionary name), its `s:` key (3, spelled alike) and the `t:` keys that begin with one of
/// its readings and are longer (4, begun).
fn classes(token: &TokenLookup) -> [(i32, Vec<KeyCondition>); 4] {
    let any_of = |keys: Vec<String>| -> Vec<KeyCondition> {
        if keys.is_empty() {
            Vec::new()
        } else {
            vec![KeyCondition::AnyOf(keys)]
        }
    };
    [
        (1, any_of(token.translit.clone())),
        (2, any_of(token.canonical.iter().cloned().collect())),
        (3, any_of(token.skeleton.iter().cloned().collect())),
        (
            4,
            token
                .prefixes
                .iter()
                .map(|p| KeyCondition::longer(p))
                .collect(),
        ),
    ]
}

/// Through these classes the index's classes are the search ranking's kinds
/// (`names::compare`: Exact and Transliteration, then Equivalent), so whoever a weaker class
/// adds ranks below. A key spelled alike may be refused by the ranking (two different
/// dictionary names), so a lookup never stops after that class.
const SETTLED_THROUGH: i32 = 2;

/// The scope's conditions on one branch.
fn restrict(sql: &mut Statement, scope: &LookupScope) {
    if let Some(client) = scope.exclude_client {
        sql.push(" AND client_id <> ");
        sql.bind(Bind::Uuid(DbUuid(client)));
    }
    if let Some(born) = scope.born_on {
        sql.push(" AND (person_id IN (SELECT id FROM clients WHERE date_of_birth = ");
        sql.bind(Bind::Date(born));
        sql.push(") OR person_id IN (SELECT id FROM family_members WHERE date_of_birth = ");
        sql.bind(Bind::Date(born));
        sql.push("))");
    }
}

/// ` WHERE` the keys read (`t`) belong to clients of the scope's cases, when it leaves some
/// out. Applied once, after the keys are read, and compared as text, so that no planner walks
/// every key of a paralegal's clients (`name_keys_client`) instead of the few keys asked for.
fn within_cases(sql: &mut Statement, scope: &LookupScope) {
    if !scope.cases.is_every_case() {
        sql.push(
            " WHERE CAST(t.client_id AS TEXT) IN \
             (SELECT CAST(cases.client_id AS TEXT) FROM cases WHERE 1 = 1",
        );
        and_within(sql, &scope.cases, "cases");
        sql.push(")");
    }
}

/// People whose index keys match at least `scope.min_tokens` of the query's tokens, best
/// first by the index's rough strength, at most `scope.limit`. One token is read class by
/// class ([`one_token_candidates`]); more are read by scans of the primary key
/// `(key, person_id)` ([`push_key_hits`]) and tallied by person: each token's best strength,
/// how many tokens matched, the weakest and the sum.
///
/// PostgreSQL tallies every class in one statement (a hash aggregate) and cuts its result as
/// the class-by-class read would have stopped ([`settle`]). SQLite groups by
/// sorting: for two common words that was a sort of some 30,000 index entries by person id,
/// three quarters of the statement's time, to keep a few hundred people; the entries are
/// tallied here instead ([`Tally`]), in the same order, a class at a time, and once
/// `scope.enough` people match every token through the settled classes the weaker ones are
/// not read (docs/performance.md, "Two-word searches tallied, names before cases" and
/// "Common full names settled by their strongest keys").
pub fn name_candidates(
    conn: &mut DbConnection,
    tokens: &[TokenLookup],
    scope: &LookupScope,
) -> QueryResult<Vec<Candidate>> {
    let tokens: Vec<&TokenLookup> = tokens.iter().filter(|t| !t.is_empty()).collect();
    if tokens.is_empty() || scope.min_tokens > tokens.len() {
        return Ok(Vec::new());
    }
    if let [token] = tokens[..] {
        return one_token_candidates(conn, token, scope);
    }
    match conn {
        DbConnection::Sqlite(c) => {
            let mut tally = Tally::new(tokens.len());
            for strength in 1..=4 {
                let mut sql = Statement::default();
                if !push_key_hits(&mut sql, &tokens, scope, strength..=strength) {
                    continue;
                }
                tally.add(sql.into_query::<diesel::sqlite::Sqlite>().load(c)?);
                if strength <= SETTLED_THROUGH && tally.matching_every_token() >= scope.enough() {
                    return Ok(tally.candidates(tokens.len(), scope.limit));
                }
            }
            Ok(tally.candidates(scope.min_tokens, scope.limit))
        }
        DbConnection::Postgres(c) => {
            let mut sql = Statement::default();
            push_tallied(&mut sql, &tokens, scope);
            let found = sql.into_query().load(c)?;
            Ok(settle(found, tokens.len(), scope))
        }
    }
}

/// Candidates tallied over every class, cut as the class-by-class read would have stopped:
/// after the first settled class through which `scope.enough` people match every token,
/// only those people. Both backends propose the same people.
fn settle(mut found: Vec<Candidate>, tokens: usize, scope: &LookupScope) -> Vec<Candidate> {
    let every = i32::try_from(tokens).unwrap_or(i32::MAX);
    let through = (1..=SETTLED_THROUGH).find(|&strength| {
        found
            .iter()
            .filter(|c| c.matched == every && c.worst <= strength)
            .count()
            >= scope.enough()
    });
    if let Some(strength) = through {
        found.retain(|c| c.matched == every && c.worst <= strength);
    }
    found
}

/// `SELECT person_id, tok, best FROM …`: one row for every index entry of the classes whose
/// strength is in `strengths` that matches a token (`tok`, its position in the query), with
/// that strength (`best`). False, with nothing written, when no token has keys of those
/// classes.
fn push_key_hits(
    sql: &mut Statement,
    tokens: &[&TokenLookup],
    scope: &LookupScope,
    strengths: std::ops::RangeInclusive<i32>,
) -> bool {
    let mut branches = 0;
    sql.push("SELECT t.person_id AS person_id, t.tok AS tok, t.best AS best FROM (");
    for (position, token) in tokens.iter().enumerate() {
        for (strength, conditions) in classes(token) {
            if !strengths.contains(&strength) {
                continue;
            }
            // One branch per equality list or key range, each a plain scan of the primary
            // key (index-only on both backends), rather than one scan of an OR.
            for condition in conditions {
                if branches > 0 {
                    sql.push(" UNION ALL ");
                }
                branches += 1;
                // The position and strength are numbers of ours, not input.
                sql.push(&format!(
                    "SELECT person_id, {position} AS tok, {strength} AS best"
                ));
                if !scope.cases.is_every_case() {
                    sql.push(", client_id");
                }
                sql.push(" FROM name_keys WHERE ");
                condition.push_to(sql);
                restrict(sql, scope);
            }
        }
    }
    sql.push(") t");
    within_cases(sql, scope);
    branches > 0
}

/// The key hits grouped once by person, each token's best strength beside (`b0`, `b1`, …;
/// NULL where the token found nothing), then tallied, ordered and cut as [`Tally`] does.
fn push_tallied(sql: &mut Statement, tokens: &[&TokenLookup], scope: &LookupScope) {
    // Column names and counts below are ours, not input: written into the statement.
    let columns: Vec<String> = (0..tokens.len()).map(|i| format!("b{i}")).collect();
    let matched = columns
        .iter()
        .map(|b| format!("(CASE WHEN {b} IS NULL THEN 0 ELSE 1 END)"))
        .collect::<Vec<_>>()
        .join(" + ");
    let total = columns
        .iter()
        .map(|b| format!("COALESCE({b}, 0)"))
        .collect::<Vec<_>>()
        .join(" + ");
    // The largest of the strengths (1 to 4) in words both engines know, NULLs left out.
    let any = columns.join(", ");
    let worst = format!(
        "CASE WHEN 4 IN ({any}) THEN 4 WHEN 3 IN ({any}) THEN 3 WHEN 2 IN ({any}) THEN 2 \
         ELSE 1 END"
    );
    sql.push(&format!(
        "SELECT person_id, CAST(matched AS INTEGER) AS matched, CAST(worst AS INTEGER) AS \
         worst, CAST(total AS BIGINT) AS total FROM (SELECT person_id, {matched} AS matched, \
         {worst} AS worst, {total} AS total FROM (SELECT person_id"
    ));
    for (i, b) in columns.iter().enumerate() {
        sql.push(&format!(", MIN(CASE WHEN tok = {i} THEN best END) AS {b}"));
    }
    sql.push(" FROM (");
    push_key_hits(sql, tokens, scope, 1..=4);
    sql.push(&format!(
        ") h GROUP BY person_id) p) q WHERE matched >= {} \
         ORDER BY matched DESC, worst, total, person_id LIMIT {}",
        scope.min_tokens.max(1),
        scope.limit.max(1)
    ));
}

/// One index entry that matched a token of the query ([`push_key_hits`]).
#[derive(Debug, Clone, QueryableByName)]
struct KeyHit {
    #[diesel(sql_type = PortableUuid)]
    person_id: DbUuid,
    #[diesel(sql_type = Integer)]
    tok: i32,
    #[diesel(sql_type = Integer)]
    best: i32,
}

/// Key hits tallied by person, as [`push_tallied`]'s statement does: each token's best
/// (lowest) strength.
struct Tally {
    tokens: usize,
    rows: HashMap<uuid::Uuid, usize>,
    /// Each person's row of `tokens` strengths in one flat list; 0 where a token found
    /// nothing.
    strengths: Vec<i32>,
}

impl Tally {
    fn new(tokens: usize) -> Self {
        Self {
            tokens: tokens.max(1),
            rows: HashMap::new(),
            strengths: Vec::new(),
        }
    }

    fn add(&mut self, hits: Vec<KeyHit>) {
        let tokens = self.tokens;
        for hit in hits {
            let strengths = &mut self.strengths;
            let row = *self.rows.entry(hit.person_id.0).or_insert_with(|| {
                strengths.resize(strengths.len() + tokens, 0);
                strengths.len() / tokens - 1
            });
            let Some(slot) = usize::try_from(hit.tok)
                .ok()
                .filter(|tok| *tok < tokens)
                .and_then(|tok| strengths.get_mut(row * tokens + tok))
            else {
                continue;
            };
            if *slot == 0 || hit.best < *slot {
                *slot = hit.best;
            }
        }
    }

    /// How many people every token has matched so far.
    fn matching_every_token(&self) -> usize {
        self.strengths
            .chunks_exact(self.tokens)
            .filter(|row| row.iter().all(|&b| b > 0))
            .count()
    }

    /// The people who matched at least `min_tokens` tokens, most tokens first, then the
    /// weakest token's strength, the sum of the strengths and the person id; at most `limit`.
    fn candidates(&self, min_tokens: usize, limit: i64) -> Vec<Candidate> {
        let tokens = self.tokens;
        let mut found: Vec<Candidate> = self
            .rows
            .iter()
            .filter_map(|(person, &row)| {
                let best = self.strengths.get(row * tokens..(row + 1) * tokens)?;
                let matched = best.iter().filter(|&&b| b > 0).count();
                (matched >= min_tokens.max(1)).then(|| Candidate {
                    person_id: DbUuid(*person),
                    matched: i32::try_from(matched).unwrap_or(i32::MAX),
                    worst: best.iter().copied().max().unwrap_or(0),
                    total: best.iter().map(|&b| i64::from(b)).sum(),
                })
            })
            .collect();
        found.sort_unstable_by(|a, b| {
            (b.matched, a.worst, a.total, a.person_id.0).cmp(&(
                a.matched,
                b.worst,
                b.total,
                b.person_id.0,
            ))
        });
        found.truncate(usize::try_from(limit.max(1)).unwrap_or(usize::MAX));
        found
    }
}

#[derive(QueryableByName)]
struct FoundPerson {
    #[diesel(sql_type = PortableUuid)]
    person_id: DbUuid,
}

/// The people one token finds, a class of keys at a time, strongest first: its `t:` keys
/// (1), its `c:` key (2), its `s:` key (3), then its `t:` prefixes (4). Each class is read in
/// the index's order and only until `scope.limit` people are found, or `scope.enough` by the
/// first two classes (as [`name_candidates`] does for several tokens), so a common name costs
/// a few hundred index entries instead of a sort of every entry that matches (at 100,000
/// clients, tens of thousands). Among people who match equally well, which ones make the
/// limit is the index's order, as arbitrary as the person ids' order of the one-statement
/// form, and as stable.
fn one_token_candidates(
    conn: &mut DbConnection,
    token: &TokenLookup,
    scope: &LookupScope,
) -> QueryResult<Vec<Candidate>> {
    let limit = usize::try_from(scope.limit.max(1)).unwrap_or(usize::MAX);
    let mut found: Vec<Candidate> = Vec::new();
    let mut seen: HashSet<uuid::Uuid> = HashSet::new();
    for (strength, conditions) in classes(token) {
        if found.len() >= limit || (strength > SETTLED_THROUGH && found.len() >= scope.enough()) {
            break;
        }
        if conditions.is_empty() {
            continue;
        }
        let mut sql = Statement::default();
        sql.push("SELECT DISTINCT t.person_id AS person_id FROM (");
        for (i, condition) in conditions.iter().enumerate() {
            if i > 0 {
                sql.push(" UNION ALL ");
            }
            sql.push("SELECT person_id, client_id FROM name_keys WHERE ");
            condition.push_to(&mut sql);
            restrict(&mut sql, scope);
        }
        sql.push(") t");
        within_cases(&mut sql, scope);
        // People found in a stronger class may come again: ask for enough to fill the rest.
        sql.push(&format!(" LIMIT {limit}"));
        let people: Vec<FoundPerson> = natively!(conn, |c| sql.into_query().load(c))?;
        for person in people {
            if found.len() < limit && seen.insert(person.person_id.0) {
                found.push(Candidate {
                    person_id: person.person_id,
                    matched: 1,
                    worst: strength,
                    total: i64::from(strength),
                });
            }
        }
    }
    Ok(found)
}

/// Which keys of the index one branch of a lookup reads.
enum KeyCondition {
    AnyOf(Vec<String>),
    /// Every key after the first and before the second (both exclusive).
    Between(String, String),
}

impl KeyCondition {
    /// The keys that begin with `prefix` and are longer: the prefix itself is a key of a
    /// stronger class, read there.
    fn longer(prefix: &str) -> Self {
        Self::Between(prefix.to_string(), prefix_end(prefix))
    }

    fn push_to(&self, sql: &mut Statement) {
        match self {
            Self::AnyOf(keys) => {
                sql.push("key IN ");
                sql.bind_list(keys);
            }
            Self::Between(from, to) => {
                sql.push("key > ");
                sql.bind(Bind::Text(from.clone()));
                sql.push(" AND key < ");
                sql.bind(Bind::Text(to.clone()));
            }
        }
    }
}

/// A person the name index proposed, with every name a search ranks them by: a client or
/// one of their family members. Their case is read apart ([`with_cases`]), so that a search
/// reads it only for the people it shows.
#[derive(Debug, Clone)]
pub struct NamedPerson {
    pub person_id: uuid::Uuid,
    pub client_id: uuid::Uuid,
    /// `None` for the client, the relationship code for a family member.
    pub relationship: Option<String>,
    pub given_name: String,
    pub middle_name: String,
    pub family_name: String,
    pub native_name: String,
    /// The client's other spellings and aliases, one a line (empty for family members).
    pub other_names: String,
    pub date_of_birth: Option<NaiveDate>,
}

/// A person found, with their case.
#[derive(Debug, Clone)]
pub struct PersonRow {
    pub person: NamedPerson,
    /// The principal applicant's name, for a family member's row.
    pub client_given_name: String,
    pub client_family_name: String,
    pub case_id: uuid::Uuid,
    pub reference: String,
    pub stage: String,
}

type ClientNameRow = (
    DbUuid,
    String,
    String,
    String,
    String,
    String,
    Option<NaiveDate>,
);

type ClientNameColumns = (
    clients::id,
    clients::given_name,
    clients::middle_name,
    clients::family_name,
    clients::native_name,
    clients::other_names,
    clients::date_of_birth,
);

const CLIENT_NAMES: ClientNameColumns = (
    clients::id,
    clients::given_name,
    clients::middle_name,
    clients::family_name,
    clients::native_name,
    clients::other_names,
    clients::date_of_birth,
);

fn named_client(row: ClientNameRow) -> NamedPerson {
    let (id, given, middle, family, native, other, born) = row;
    NamedPerson {
        person_id: id.0,
        client_id: id.0,
        relationship: None,
        given_name: given,
        middle_name: middle,
        family_name: family,
        native_name: native,
        other_names: other,
        date_of_birth: born,
    }
}

type ClientPersonRow = (ClientNameRow, DbUuid, String, String);

const CLIENT_COLUMNS: (ClientNameColumns, cases::id, cases::reference, cases::stage) =
    (CLIENT_NAMES, cases::id, cases::reference, cases::stage);

fn client_person(row: ClientPersonRow) -> PersonRow {
    let (names, case_id, reference, stage) = row;
    let person = named_client(names);
    PersonRow {
        client_given_name: person.given_name.clone(),
        client_family_name: person.family_name.clone(),
        person,
        case_id: case_id.0,
        reference,
        stage,
    }
}

type MemberNameRow = (
    DbUuid,
    DbUuid,
    String,
    String,
    String,
    String,
    Option<NaiveDate>,
);

type MemberNameColumns = (
    family_members::id,
    family_members::client_id,
    family_members::relationship,
    family_members::given_name,
    family_members::family_name,
    family_members::native_name,
    family_members::date_of_birth,
);

const MEMBER_NAMES: MemberNameColumns = (
    family_members::id,
    family_members::client_id,
    family_members::relationship,
    family_members::given_name,
    family_members::family_name,
    family_members::native_name,
    family_members::date_of_birth,
);

/// The people with these ids (clients and family members) whose cases are in `scope`, with
/// their names: two queries, whatever the number of ids; the family members' is asked only
/// for the ids that are not clients.
pub fn named(
    conn: &mut DbConnection,
    scope: &CaseScope,
    ids: &[uuid::Uuid],
) -> QueryResult<Vec<NamedPerson>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let ids: Vec<DbUuid> = ids.iter().copied().map(DbUuid).collect();
    // The cases are joined only to narrow to a scope that leaves some out: for everyone
    // else the names are all that is read.
    let every_case = scope.is_every_case();
    let clients: Vec<ClientNameRow> = natively!(conn, |c| if every_case {
        clients::table
            .filter(clients::id.eq_any(&ids))
            .select(CLIENT_NAMES)
            .load(c)
    } else {
        clients::table
            .inner_join(cases::table)
            .filter(clients::id.eq_any(&ids))
            .select(CLIENT_NAMES)
            .into_boxed()
            .within(scope)
            .load(c)
    })?;
    let mut found: Vec<NamedPerson> = clients.into_iter().map(named_client).collect();
    let found_clients: HashSet<uuid::Uuid> = found.iter().map(|p| p.person_id).collect();
    let ids: Vec<DbUuid> = ids
        .into_iter()
        .filter(|id| !found_clients.contains(&id.0))
        .collect();
    if ids.is_empty() {
        return Ok(found);
    }
    let members: Vec<MemberNameRow> = natively!(conn, |c| if every_case {
        family_members::table
            .filter(family_members::id.eq_any(&ids))
            .select(MEMBER_NAMES)
            .load(c)
    } else {
        family_members::table
            .inner_join(clients::table.inner_join(cases::table))
            .filter(family_members::id.eq_any(&ids))
            .select(MEMBER_NAMES)
            .into_boxed()
            .within(scope)
            .load(c)
    })?;
    found.extend(members.into_iter().map(
        |(id, client, relationship, given, family, native, born)| NamedPerson {
            person_id: id.0,
            client_id: client.0,
            relationship: Some(relationship),
            given_name: given,
            middle_name: String::new(),
            family_name: family,
            native_name: native,
            other_names: String::new(),
            date_of_birth: born,
        },
    ));
    Ok(found)
}

/// The people with their cases (in `scope`) and their clients' names: one query for all of
/// them. Someone whose client has no case in `scope` is left out.
pub fn with_cases(
    conn: &mut DbConnection,
    scope: &CaseScope,
    people: Vec<NamedPerson>,
) -> QueryResult<Vec<PersonRow>> {
    if people.is_empty() {
        return Ok(Vec::new());
    }
    let client_ids: Vec<DbUuid> = people
        .iter()
        .map(|p| p.client_id)
        .collect::<HashSet<_>>()
        .into_iter()
        .map(DbUuid)
        .collect();
    let rows: Vec<(DbUuid, String, String, DbUuid, String, String)> = natively!(conn, |c| {
        clients::table
            .inner_join(cases::table)
            .filter(clients::id.eq_any(&client_ids))
            .select((
                clients::id,
                clients::given_name,
                clients::family_name,
                cases::id,
                cases::reference,
                cases::stage,
            ))
            .into_boxed()
            .within(scope)
            .load(c)
    })?;
    let cases_of: HashMap<uuid::Uuid, (String, String, DbUuid, String, String)> = rows
        .into_iter()
        .map(|(client, given, family, case, reference, stage)| {
            (client.0, (given, family, case, reference, stage))
        })
        .collect();
    Ok(people
        .into_iter()
        .filter_map(|person| {
            let (given, family, case, reference, stage) = cases_of.get(&person.client_id)?;
            Some(PersonRow {
                person,
                client_given_name: given.clone(),
                client_family_name: family.clone(),
                case_id: case.0,
                reference: reference.clone(),
                stage: stage.clone(),
            })
        })
        .collect())
}

/// The people with these ids whose cases are in `scope`, with their names and cases.
pub fn people(
    conn: &mut DbConnection,
    scope: &CaseScope,
    ids: &[uuid::Uuid],
) -> QueryResult<Vec<PersonRow>> {
    let named = named(conn, scope, ids)?;
    with_cases(conn, scope, named)
}

/// The client with this A-number (nine digits), if any, and in `scope`: found by its blind
/// index under any of the data keys (the number itself is sealed).
pub fn by_a_number(
    conn: &mut DbConnection,
    scope: &CaseScope,
    digits: &str,
) -> QueryResult<Vec<PersonRow>> {
    Ok(clients::table
        .inner_join(cases::table)
        .filter(clients::a_number_index.eq_any(a_number_indexes(digits)?))
        .select(CLIENT_COLUMNS)
        .into_boxed()
        .within(scope)
        .limit(50)
        .load::<ClientPersonRow>(conn)?
        .into_iter()
        .map(client_person)
        .collect())
}

/// The clients of the cases in `scope` with these references (exact, through the unique
/// index).
pub fn by_references(
    conn: &mut DbConnection,
    scope: &CaseScope,
    references: &[String],
) -> QueryResult<Vec<PersonRow>> {
    if references.is_empty() {
        return Ok(Vec::new());
    }
    Ok(clients::table
        .inner_join(cases::table)
        .filter(cases::reference.eq_any(references.to_vec()))
        .select(CLIENT_COLUMNS)
        .into_boxed()
        .within(scope)
        .order(cases::reference.asc())
        .limit(50)
        .load::<ClientPersonRow>(conn)?
        .into_iter()
        .map(client_person)
        .collect())
}

/// The years that have case references (a handful of rows), for a reference typed without
/// its year.
pub fn reference_years(conn: &mut DbConnection) -> QueryResult<Vec<i32>> {
    case_reference_counters::table
        .select(case_reference_counters::year)
        .order(case_reference_counters::year.desc())
        .load(conn)
}

#[cfg(test)]
mod tests {
    use super::{Candidate, DbUuid, KeyHit, LookupScope, Tally, prefix_end, settle};

    fn person(n: u128) -> uuid::Uuid {
        uuid::Uuid::from_u128(n)
    }

    #[test]
    fn key_hits_are_tallied_by_person_best_first() {
        let hit = |n, tok, best| KeyHit {
            person_id: DbUuid(person(n)),
            tok,
            best,
        };
        let hits = vec![
            // 1: both words by their written names.
            hit(1, 0, 1),
            hit(1, 1, 1),
            // 2: the first word by its dictionary name and, better, its written name; the
            // second begun.
            hit(2, 0, 2),
            hit(2, 1, 4),
            hit(2, 0, 1),
            // 3: only the second word.
            hit(3, 1, 1),
            // 4 and 5: both words spelled alike, the same tally: by person id.
            hit(5, 0, 3),
            hit(5, 1, 3),
            hit(4, 1, 3),
            hit(4, 0, 3),
            // 6: both, the weakest a dictionary name.
            hit(6, 1, 2),
            hit(6, 0, 1),
            // 7: both, as weak as 4 and 5 at worst but stronger in sum.
            hit(7, 0, 3),
            hit(7, 1, 1),
        ];
        let mut tally = Tally::new(2);
        tally.add(hits[..3].to_vec());
        assert_eq!(tally.matching_every_token(), 1);
        // Hits read by a later statement (the next class) join the same people's rows.
        tally.add(hits[3..].to_vec());
        assert_eq!(tally.matching_every_token(), 6);
        let order = |min_tokens, limit| -> Vec<(uuid::Uuid, i32, i32, i64)> {
            tally
                .candidates(min_tokens, limit)
                .into_iter()
                .map(|c| (c.person_id.0, c.matched, c.worst, c.total))
                .collect()
        };
        assert_eq!(
            order(2, 200),
            vec![
                (person(1), 2, 1, 2),
                (person(6), 2, 2, 3),
                (person(7), 2, 3, 4),
                (person(4), 2, 3, 6),
                (person(5), 2, 3, 6),
                (person(2), 2, 4, 5),
            ]
        );
        // One word of two may miss: those who matched both still come first.
        assert_eq!(order(1, 200).last(), Some(&(person(3), 1, 1, 1)));
        assert_eq!(order(1, 200).len(), 7);
        assert_eq!(order(2, 3).len(), 3);
        assert_eq!(order(2, 3)[2].0, person(7));
    }

    #[test]
    fn a_tally_of_every_class_is_cut_where_the_classes_would_have_settled() {
        let candidate = |n, matched, worst| Candidate {
            person_id: DbUuid(person(n)),
            matched,
            worst,
            total: 0,
        };
        let found = vec![
            candidate(1, 2, 1),
            candidate(2, 2, 2),
            candidate(3, 2, 2),
            candidate(4, 2, 4),
            candidate(5, 1, 1),
        ];
        let settled = |enough| -> Vec<uuid::Uuid> {
            let scope = LookupScope {
                min_tokens: 1,
                limit: 200,
                enough,
                ..LookupScope::default()
            };
            settle(found.clone(), 2, &scope)
                .into_iter()
                .map(|c| c.person_id.0)
                .collect()
        };
        assert_eq!(settled(1), vec![person(1)]);
        assert_eq!(settled(2), vec![person(1), person(2), person(3)]);
        assert_eq!(settled(3), vec![person(1), person(2), person(3)]);
        // Not enough by the settled classes: everyone, as tallied.
        assert_eq!(settled(4).len(), 5);
    }

    #[test]
    fn enough_is_the_limit_unless_set_lower() {
        let scope = |enough, limit| LookupScope {
            enough,
            limit,
            ..LookupScope::default()
        };
        assert_eq!(scope(0, 200).enough(), 200);
        assert_eq!(scope(51, 200).enough(), 51);
        assert_eq!(scope(300, 200).enough(), 200);
        assert_eq!(scope(0, 0).enough(), 1);
    }

    #[test]
    fn prefix_ranges_end_after_every_key_with_the_prefix() {
        assert_eq!(prefix_end("t:shch"), "t:shci");
        assert_eq!(prefix_end("t:az"), "t:b");
        assert_eq!(prefix_end("t:zz"), "u");
        for key in ["t:shch", "t:shcherbakov", "t:shchzzz"] {
            assert!(key >= "t:shch" && key < prefix_end("t:shch").as_str());
        }
        assert!("t:shci" >= prefix_end("t:shch").as_str());
    }
}
