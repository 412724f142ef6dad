//! Finding anyone fast: one query string that is a name in any script or spelling (whole or
//! begun), an A-number, or a case reference. Candidates come from the database's name index
//! (`db::search::name_candidates`); they are ranked here with `domain::names`: exact spellings
//! first, then transliterations, equivalent names, similar spellings and names the query
//! begins.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde_json::json;

use super::audit::{self, AuditContext};
use crate::auth::policy;
use crate::auth::scope::CaseScope;
use crate::db::search::{self as db_search, LookupScope, NamedPerson, PersonRow, TokenLookup};
use crate::db::{self, DbConnection};
use crate::domain::a_number;
use crate::domain::audit::AuditAction;
use crate::domain::names::{self, KeyCache, MatchStrength, NameKeys};
use crate::domain::staff::Staff;
use crate::error::AppError;
use crate::state::AppState;

/// At most this many results are shown.
pub const MAX_RESULTS: usize = 50;
/// Candidates the index may propose for ranking.
const CANDIDATES: i64 = 200;
/// People matching every word by their strongest keys, past which the index's weaker keys
/// cannot change what is shown: one more than is shown, so that the page still knows there
/// are more.
const ENOUGH: usize = MAX_RESULTS + 1;
/// Words of a query beyond this many are ignored.
const MAX_TOKENS: usize = 6;

/// Why a result was found, strongest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum MatchKind {
    Reference,
    ANumber,
    Exact,
    Transliteration,
    Equivalent,
    Similar,
    Prefix,
    /// All words of the query but one match: below every result that matches them all.
    MostWords,
}

impl MatchKind {
    pub fn from_strength(strength: MatchStrength) -> Self {
        match strength {
            MatchStrength::Exact => Self::Exact,
            MatchStrength::Transliteration => Self::Transliteration,
            MatchStrength::Equivalent => Self::Equivalent,
            MatchStrength::Similar => Self::Similar,
            MatchStrength::Prefix => Self::Prefix,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Reference => "reference",
            Self::ANumber => "a_number",
            Self::Exact => "exact",
            Self::Transliteration => "transliteration",
            Self::Equivalent => "equivalent",
            Self::Similar => "similar",
            Self::Prefix => "prefix",
            Self::MostWords => "most_words",
        }
    }

    /// Catalogue key of the explanation shown with a result.
    pub fn label_key(self) -> &'static str {
        match self {
            Self::Reference => "search-match-reference",
            Self::ANumber => "search-match-a-number",
            Self::Exact => "search-match-exact",
            Self::Transliteration => "search-match-transliteration",
            Self::Equivalent => "search-match-equivalent",
            Self::Similar => "search-match-similar",
            Self::Prefix => "search-match-prefix",
            Self::MostWords => "search-match-most-words",
        }
    }
}

/// A person as the search and the conflict check show them.
#[derive(Debug, Clone)]
pub struct Person {
    pub person_id: uuid::Uuid,
    pub client_id: uuid::Uuid,
    /// `None` for the principal applicant; the relationship code for a family member.
    pub relationship: Option<String>,
    /// The Latin name as in the passport (without "NONE" parts).
    pub name: String,
    /// The name in the native script, if recorded.
    pub native_name: String,
    pub date_of_birth: Option<NaiveDate>,
    /// For a family member: the principal applicant's name.
    pub client_name: String,
    pub case_id: uuid::Uuid,
    pub reference: String,
    pub stage: String,
    /// Every spelling of the person's name, for ranking.
    pub(crate) spellings: Vec<String>,
}

/// The given, middle and family names joined, skipping blanks and the passport's "NONE".
pub fn full_name(parts: &[&str]) -> String {
    parts
        .iter()
        .map(|p| p.trim())
        .filter(|p| !p.is_empty() && !p.eq_ignore_ascii_case("none"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// A person's name as shown (given, middle and family names) and every spelling of it, for
/// ranking: that name, the native one and the other names, one a line.
fn name_and_spellings(person: &NamedPerson) -> (String, Vec<String>) {
    let name = full_name(&[&person.given_name, &person.middle_name, &person.family_name]);
    let mut spellings = vec![name.clone(), person.native_name.clone()];
    spellings.extend(person.other_names.lines().map(str::to_string));
    spellings.retain(|s| !s.trim().is_empty());
    (name, spellings)
}

/// The name to show: the Latin one, else the native one.
fn shown_name<'a>(name: &'a str, native_name: &'a str) -> &'a str {
    if name.is_empty() { native_name } else { name }
}

/// The comparison keys of every word of every spelling.
fn token_keys(spellings: &[String], cache: &mut KeyCache) -> Vec<NameKeys> {
    spellings
        .iter()
        .flat_map(|s| names::tokens(s))
        .map(|t| cache.keys(t))
        .collect()
}

impl Person {
    pub fn from_row(row: PersonRow) -> Self {
        let (name, spellings) = name_and_spellings(&row.person);
        let person = row.person;
        Self {
            person_id: person.person_id,
            client_id: person.client_id,
            relationship: person.relationship,
            client_name: full_name(&[&row.client_given_name, &row.client_family_name]),
            name,
            native_name: person.native_name,
            date_of_birth: person.date_of_birth,
            case_id: row.case_id,
            reference: row.reference,
            stage: row.stage,
            spellings,
        }
    }

    pub fn is_client(&self) -> bool {
        self.relationship.is_none()
    }

    /// The relationship's catalogue key, or the principal applicant's.
    pub fn role_key(&self) -> &'static str {
        match self.relationship.as_deref() {
            None => "search-person-client",
            Some(code) => crate::domain::codes::Relationship::parse(code)
                .map_or("relationship-other", |r| r.label_key()),
        }
    }

    /// The stage's catalogue key (the stored code if it is somehow unknown).
    pub fn stage_key(&self) -> &'static str {
        crate::domain::case_stage::CaseStage::parse(&self.stage)
            .map_or("case-stage-invalid", |s| s.label_key())
    }

    /// The name to show: the Latin one, else the native one.
    pub fn display_name(&self) -> &str {
        shown_name(&self.name, &self.native_name)
    }

    /// The native name when it adds something to the display name.
    pub fn other_script_name(&self) -> Option<&str> {
        (!self.name.is_empty() && !self.native_name.trim().is_empty())
            .then_some(self.native_name.as_str())
    }

    /// The comparison keys of every word of every spelling.
    pub(crate) fn token_keys(&self, cache: &mut KeyCache) -> Vec<NameKeys> {
        token_keys(&self.spellings, cache)
    }
}

/// One search result.
#[derive(Debug, Clone)]
pub struct SearchHit {
    pub person: Person,
    pub kind: MatchKind,
    /// Sum of the words' strengths: among equal kinds, more words matched better ranks first.
    score: u32,
}

#[derive(Debug, Clone, Default)]
pub struct SearchResults {
    pub hits: Vec<SearchHit>,
    /// More matched than are shown.
    pub more: bool,
    /// The query had no word of two letters or more, nor a number to look up.
    pub too_short: bool,
}

/// What a query string asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParsedQuery {
    Empty,
    TooShort,
    /// Case references and/or an A-number (a number can be read both ways).
    Numbers {
        references: Vec<String>,
        /// A reference number typed without its year: look it up in every year.
        any_year_number: Option<u32>,
        a_number: Option<String>,
    },
    Names(Vec<String>),
}

fn digits_only(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// Reads `R-2026-00042`, `r 2026 42`, `2026-00042`, `2026/42`: (year, number).
fn reference_parts(query: &str) -> Option<(Option<i32>, u32)> {
    let upper = query.trim().to_ascii_uppercase();
    let rest = upper
        .strip_prefix('R')
        .map(|r| r.trim_start_matches(['-', ' ', '#', '.']))
        .unwrap_or(&upper);
    reference_numbers(rest)
}

/// A demo case's reference (`D-2026-00042`, `d 2026 42`), numbered apart from the office's
/// by `refuge demo-data`: (year, number).
fn demo_reference_parts(query: &str) -> Option<(i32, u32)> {
    let upper = query.trim().to_ascii_uppercase();
    let rest = upper
        .strip_prefix('D')?
        .trim_start_matches(['-', ' ', '#', '.']);
    match reference_numbers(rest)? {
        (Some(year), number) => Some((year, number)),
        (None, _) => None,
    }
}

/// `2026-00042`, `2026 42`, `42`: (year, number).
fn reference_numbers(rest: &str) -> Option<(Option<i32>, u32)> {
    let parts: Vec<&str> = rest
        .split(['-', '/', ' ', '.'])
        .filter(|p| !p.is_empty())
        .collect();
    match parts.as_slice() {
        [year, number] if year.len() == 4 && digits_only(year) => {
            let number = (number.len() <= 5 && digits_only(number))
                .then(|| number.parse::<u32>().ok())
                .flatten()?;
            Some((year.parse().ok(), number)).filter(|_| number > 0)
        }
        [number] if number.len() <= 5 && digits_only(number) => {
            let number: u32 = number.parse().ok()?;
            (number > 0).then_some((None, number))
        }
        _ => None,
    }
}

pub fn reference(year: i32, number: u32) -> String {
    format!("R-{year}-{number:05}")
}

/// Classifies the query; pure, so the reading of every form is unit-tested.
pub fn parse_query(query: &str) -> ParsedQuery {
    let query = query.trim();
    if query.is_empty() {
        return ParsedQuery::Empty;
    }
    let a_number = a_number::looks_like_a_number(query).map(|a| a.as_digits().to_string());
    let reference = reference_parts(query);
    let demo_reference = demo_reference_parts(query);
    if a_number.is_some() || reference.is_some() || demo_reference.is_some() {
        let (references, any_year_number) = match (reference, demo_reference) {
            (_, Some((year, number))) => (vec![format!("D-{year}-{number:05}")], None),
            (Some((Some(year), number)), None) => (vec![self::reference(year, number)], None),
            (Some((None, number)), None) => (Vec::new(), Some(number)),
            (None, None) => (Vec::new(), None),
        };
        return ParsedQuery::Numbers {
            references,
            any_year_number,
            a_number,
        };
    }
    let words: Vec<String> = names::tokens(query)
        .into_iter()
        .filter(|t| t.chars().filter(|c| c.is_alphabetic()).count() >= 2)
        .take(MAX_TOKENS)
        .collect();
    if words.is_empty() {
        ParsedQuery::TooShort
    } else {
        ParsedQuery::Names(words)
    }
}

/// What the index is asked for one query word.
pub(crate) fn lookup(keys: &NameKeys, with_prefixes: bool) -> TokenLookup {
    let translit: Vec<String> = keys.readings().map(|r| format!("t:{r}")).collect();
    let prefixes = if with_prefixes {
        keys.readings()
            .filter(|r| r.len() >= 2)
            .map(|r| format!("t:{r}"))
            .collect()
    } else {
        Vec::new()
    };
    TokenLookup {
        translit,
        canonical: keys.canonical.map(|c| format!("c:{c}")),
        skeleton: keys.skeleton.as_ref().map(|s| format!("s:{s}")),
        prefixes,
    }
}

/// How well the query's words match a person's names: every word must match some word of
/// some spelling; the result is the weakest word's strength and the sum of all words'
/// strengths (lower is better).
pub fn rank(query: &[NameKeys], candidate: &[NameKeys]) -> Option<(MatchStrength, u32)> {
    let mut weakest = MatchStrength::Exact;
    let mut sum = 0u32;
    for word in query {
        let best = candidate.iter().filter_map(|c| word.compare(c)).min()?;
        weakest = weakest.max(best);
        sum += best as u32;
    }
    Some((weakest, sum))
}

/// How many of a query's words a person's names must match. From three words on, one may
/// miss: a patronymic the file does not have, or a misspelt word, must not hide the person
/// the other words name. Those results rank below every result that matches all words.
fn required_words(words: usize) -> usize {
    if words >= 3 { words - 1 } else { words }
}

/// How many of the query's words match some word of some spelling, and the sum of their
/// strengths (lower is better).
fn rank_words(query: &[NameKeys], candidate: &[NameKeys]) -> (usize, u32) {
    query
        .iter()
        .filter_map(|word| candidate.iter().filter_map(|c| word.compare(c)).min())
        .fold((0, 0), |(n, sum), best| (n + 1, sum + best as u32))
}

/// Searches names, A-numbers and case references among the cases in the actor's scope. The
/// search is audited (its kind, the number of results and the address, never the query)
/// before the results are returned.
pub async fn search(
    state: &AppState,
    actor: &Staff,
    query: &str,
    address: Option<String>,
) -> Result<SearchResults, AppError> {
    policy::can_use_app(actor)?;
    let parsed = parse_query(query);
    // Never the query text: only what kind of search it was and how many it found.
    let kind = match &parsed {
        ParsedQuery::Names(_) => Some("names"),
        ParsedQuery::Numbers { .. } => Some("numbers"),
        ParsedQuery::Empty | ParsedQuery::TooShort => None,
    };
    let audit = AuditContext::new(Some(actor.id), address, state.now());
    let actor = actor.clone();
    let results = state
        .db
        .run(move |conn| {
            let scope = db::scope::load(conn, &actor)?;
            Ok(match parsed {
                ParsedQuery::Empty => SearchResults::default(),
                ParsedQuery::TooShort => SearchResults {
                    too_short: true,
                    ..SearchResults::default()
                },
                ParsedQuery::Numbers {
                    references,
                    any_year_number,
                    a_number,
                } => by_numbers(conn, &scope, references, any_year_number, a_number)?,
                ParsedQuery::Names(words) => by_names(conn, &scope, &words)?,
            })
        })
        .await?;
    if let Some(kind) = kind {
        let details = json!({ "search": kind, "results": results.hits.len() });
        audit::record_read(state, audit.pending(AuditAction::SearchRun, None, details)).await?;
    }
    Ok(results)
}

fn by_numbers(
    conn: &mut DbConnection,
    scope: &CaseScope,
    mut references: Vec<String>,
    any_year_number: Option<u32>,
    a_number: Option<String>,
) -> Result<SearchResults, AppError> {
    if let Some(number) = any_year_number {
        for year in db_search::reference_years(conn)? {
            references.push(reference(year, number));
        }
    }
    let mut hits: Vec<SearchHit> = db_search::by_references(conn, scope, &references)?
        .into_iter()
        .map(|row| SearchHit {
            person: Person::from_row(row),
            kind: MatchKind::Reference,
            score: 0,
        })
        .collect();
    if let Some(digits) = a_number {
        for row in db_search::by_a_number(conn, scope, &digits)? {
            if !hits
                .iter()
                .any(|h| h.person.person_id == row.person.person_id)
            {
                hits.push(SearchHit {
                    person: Person::from_row(row),
                    kind: MatchKind::ANumber,
                    score: 0,
                });
            }
        }
    }
    Ok(finish(hits))
}

fn by_names(
    conn: &mut DbConnection,
    scope: &CaseScope,
    words: &[String],
) -> Result<SearchResults, AppError> {
    let query: Vec<NameKeys> = words.iter().map(|w| names::keys(w)).collect();
    let lookups: Vec<TokenLookup> = query.iter().map(|k| lookup(k, true)).collect();
    let candidates = db_search::name_candidates(
        conn,
        &lookups,
        &LookupScope {
            min_tokens: required_words(lookups.len()),
            cases: *scope,
            limit: CANDIDATES,
            enough: ENOUGH,
            ..LookupScope::default()
        },
    )?;
    let ids: Vec<uuid::Uuid> = candidates.iter().map(|c| c.person_id.0).collect();
    // Ranked by their names alone; the cases are read only for the people shown.
    let mut cache = KeyCache::default();
    let mut ranked: Vec<Ranked> = db_search::named(conn, scope, &ids)?
        .into_iter()
        .filter_map(|person| {
            let (name, spellings) = name_and_spellings(&person);
            let keys = token_keys(&spellings, &mut cache);
            let (kind, score) = match rank(&query, &keys) {
                Some((strength, score)) => (MatchKind::from_strength(strength), score),
                None => {
                    let (matched, score) = rank_words(&query, &keys);
                    (matched >= required_words(query.len()))
                        .then_some((MatchKind::MostWords, score))?
                }
            };
            let display_name = shown_name(&name, &person.native_name).to_string();
            Some(Ranked {
                kind,
                score,
                display_name,
                person,
            })
        })
        .collect();
    // The order `finish` gives, but for the case reference, which is not read yet.
    ranked.sort_by(|a, b| {
        (a.kind, a.score, &a.display_name, a.person.person_id).cmp(&(
            b.kind,
            b.score,
            &b.display_name,
            b.person.person_id,
        ))
    });
    // More matched than are shown, or the index proposed as many as it may and there may
    // be more than were ranked.
    let more = ranked.len() > MAX_RESULTS || candidates.len() as i64 >= CANDIDATES;
    ranked.truncate(MAX_RESULTS);
    let matches: HashMap<uuid::Uuid, (MatchKind, u32)> = ranked
        .iter()
        .map(|r| (r.person.person_id, (r.kind, r.score)))
        .collect();
    let shown = ranked.into_iter().map(|r| r.person).collect();
    let hits = db_search::with_cases(conn, scope, shown)?
        .into_iter()
        .filter_map(|row| {
            let (kind, score) = *matches.get(&row.person.person_id)?;
            Some(SearchHit {
                kind,
                score,
                person: Person::from_row(row),
            })
        })
        .collect();
    let mut results = finish(hits);
    results.more |= more;
    Ok(results)
}

/// A person found by name and how well, before their case is read.
struct Ranked {
    kind: MatchKind,
    score: u32,
    display_name: String,
    person: NamedPerson,
}

/// Best first, then by name and reference; at most [`MAX_RESULTS`].
fn finish(mut hits: Vec<SearchHit>) -> SearchResults {
    let mut seen: HashMap<uuid::Uuid, ()> = HashMap::new();
    hits.retain(|h| seen.insert(h.person.person_id, ()).is_none());
    hits.sort_by(|a, b| {
        (
            a.kind,
            a.score,
            a.person.display_name(),
            &a.person.reference,
        )
            .cmp(&(
                b.kind,
                b.score,
                b.person.display_name(),
                &b.person.reference,
            ))
    });
    let more = hits.len() > MAX_RESULTS;
    hits.truncate(MAX_RESULTS);
    SearchResults {
        hits,
        more,
        too_short: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_references_or_a_numbers() {
        let refs = |q: &str| match parse_query(q) {
            ParsedQuery::Numbers { references, .. } => references,
            other => panic!("{q}: {other:?}"),
        };
        for q in [
            "R-2026-00042",
            "r-2026-00042",
            "R 2026 42",
            "2026-00042",
            "2026/42",
            "R2026-42",
        ] {
            assert_eq!(refs(q), vec!["R-2026-00042".to_string()], "{q}");
        }
        for q in ["D-2026-00042", "d 2026 42"] {
            assert_eq!(refs(q), vec!["D-2026-00042".to_string()], "{q}");
        }
        assert_eq!(
            parse_query("00042"),
            ParsedQuery::Numbers {
                references: Vec::new(),
                any_year_number: Some(42),
                a_number: None
            }
        );
        for q in ["A-012-345-678", "012345678", "12345678", "a12345678"] {
            match parse_query(q) {
                ParsedQuery::Numbers { a_number, .. } => {
                    assert_eq!(a_number.as_deref(), Some("012345678"), "{q}")
                }
                other => panic!("{q}: {other:?}"),
            }
        }
    }

    #[test]
    fn words_need_two_letters() {
        assert_eq!(parse_query("  "), ParsedQuery::Empty);
        assert_eq!(parse_query("Ю"), ParsedQuery::TooShort);
        assert_eq!(
            parse_query("Юлия Щ. Sh"),
            ParsedQuery::Names(vec!["Юлия".into(), "Sh".into()])
        );
        assert_eq!(
            parse_query("Roman"),
            ParsedQuery::Names(vec!["Roman".into()])
        );
    }

    #[test]
    fn every_word_must_match_and_exact_ranks_first() {
        let keys = |s: &str| -> Vec<NameKeys> {
            names::tokens(s).iter().map(|t| names::keys(t)).collect()
        };
        let q = keys("Yulia Shcherbakova");
        let exact = rank(&q, &keys("Yulia Shcherbakova")).map(|r| r.0);
        let translit = rank(&q, &keys("Юлия Щербакова")).map(|r| r.0);
        assert_eq!(exact, Some(MatchStrength::Exact));
        assert_eq!(translit, Some(MatchStrength::Transliteration));
        assert_eq!(rank(&q, &keys("Yulia Ivanova")), None);
        assert_eq!(
            rank(&keys("Shch"), &keys("Щербаков Евгений")).map(|r| r.0),
            Some(MatchStrength::Prefix)
        );
    }
}
