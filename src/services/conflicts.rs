//! The conflict check: before a case is taken, the lawyer sees every other client and family
//! member whose name matches the case's client or one of their family in any script or
//! spelling — the same written name, an equivalent name or a similar spelling, never a mere
//! prefix — with people born on the same day first. Running the check is audited (without
//! names); the lawyer's conclusion is recorded by `cases::record_conflict_check`.

use std::collections::{BTreeSet, HashMap};

use chrono::{NaiveDate, NaiveDateTime};
use serde_json::json;

use super::audit::AuditContext;
use super::case_access::reader_case;
use super::cases::case_target;
use super::search::{Person, full_name, lookup};
use crate::auth::policy;
use crate::auth::scope::CaseScope;
use crate::db::search::{self as db_search, LookupScope, TokenLookup};
use crate::db::{self, DbConnection, write_transaction};
use crate::domain::audit::AuditAction;
use crate::domain::case_stage::CaseStage;
use crate::domain::codes::Relationship;
use crate::domain::names::{self, KeyCache, MatchStrength, NameKeys};
use crate::domain::staff::Staff;
use crate::error::AppError;
use crate::state::AppState;

/// Hits shown per person checked.
pub const MAX_HITS: usize = 50;
/// Candidates the index may propose per name looked up.
const CANDIDATES: i64 = 200;
const MAX_TOKENS: usize = 6;

/// One person of the case being checked.
#[derive(Debug, Clone)]
pub struct Subject {
    /// The client of the case being checked: their own records are never a hit.
    pub client_id: uuid::Uuid,
    /// `None` for the client; the family member's relationship otherwise.
    pub relationship: Option<Relationship>,
    pub name: String,
    pub native_name: String,
    pub date_of_birth: Option<NaiveDate>,
    pub hits: Vec<ConflictHit>,
    /// More matched than are shown.
    pub more: bool,
    spellings: Vec<String>,
}

impl Subject {
    /// A principal applicant known by these spellings of their name (an inquiry, say).
    pub fn principal(
        client_id: uuid::Uuid,
        name: String,
        native_name: String,
        spellings: Vec<String>,
    ) -> Self {
        Self {
            client_id,
            relationship: None,
            name,
            native_name,
            date_of_birth: None,
            hits: Vec::new(),
            more: false,
            spellings,
        }
    }

    pub fn role_key(&self) -> &'static str {
        self.relationship
            .map_or("search-person-client", Relationship::label_key)
    }

    pub fn display_name(&self) -> &str {
        if self.name.is_empty() {
            &self.native_name
        } else {
            &self.name
        }
    }
}

/// A person of another case whose name matches.
#[derive(Debug, Clone)]
pub struct ConflictHit {
    pub person: Person,
    pub strength: MatchStrength,
    /// Born on the same day as the subject: most likely the same person.
    pub same_date_of_birth: bool,
}

impl ConflictHit {
    pub fn kind_key(&self) -> &'static str {
        super::search::MatchKind::from_strength(self.strength).label_key()
    }
}

/// What the conflict-check page shows.
#[derive(Debug, Clone)]
pub struct ConflictReport {
    pub case_id: uuid::Uuid,
    pub reference: String,
    pub stage: Option<CaseStage>,
    /// `unchecked`, `clear` or `conflict`.
    pub status: String,
    pub note: String,
    pub checked_by: Option<String>,
    pub checked_at: Option<NaiveDateTime>,
    pub subjects: Vec<Subject>,
}

impl ConflictReport {
    /// Cleared and still waiting in the conflict check: the next step is the consultation.
    pub fn ready_for_consultation(&self) -> bool {
        self.status == "clear" && self.stage == Some(CaseStage::ConflictCheck)
    }

    pub fn hit_count(&self) -> usize {
        self.subjects.iter().map(|s| s.hits.len()).sum()
    }

    pub fn same_date_of_birth_count(&self) -> usize {
        self.subjects
            .iter()
            .flat_map(|s| &s.hits)
            .filter(|h| h.same_date_of_birth)
            .count()
    }
}

/// The words of one spelling, as comparison keys: distinct, at least two letters each.
fn words(spelling: &str) -> Vec<NameKeys> {
    let mut seen = BTreeSet::new();
    names::tokens(spelling)
        .into_iter()
        .filter(|t| t.chars().filter(|c| c.is_alphabetic()).count() >= 2)
        .map(|t| names::keys(&t))
        .filter(|k| seen.insert(k.translit.clone()))
        .take(MAX_TOKENS)
        .collect()
}

/// How many of a spelling's words must match: two (given and family name, whatever the
/// middle names), or the only one. A single word also counts when the birthday is the same.
fn required(words: usize) -> usize {
    words.min(2)
}

/// Whether `candidate`'s names match the subject's `spelling` for the conflict check, and
/// how strongly (the weakest of the matched words). Prefixes do not count.
pub fn conflict_match(
    spelling: &[NameKeys],
    candidate: &[NameKeys],
    same_date_of_birth: bool,
) -> Option<MatchStrength> {
    let matched: Vec<MatchStrength> = spelling
        .iter()
        .filter_map(|word| {
            candidate
                .iter()
                .filter_map(|c| word.compare(c))
                .filter(|s| *s < MatchStrength::Prefix)
                .min()
        })
        .collect();
    let enough =
        matched.len() >= required(spelling.len()) || (same_date_of_birth && !matched.is_empty());
    if enough {
        matched.into_iter().max()
    } else {
        None
    }
}

/// Finds the conflicts of every subject: per spelling one index query (two when the
/// birthday is known), then one load of every candidate found. Subjects of different
/// cases (a page of inquiries) go through one call so that the candidates load once.
pub(crate) fn find_hits(
    conn: &mut DbConnection,
    cases: &CaseScope,
    subjects: &mut [Subject],
) -> Result<(), AppError> {
    let mut proposed: Vec<Vec<uuid::Uuid>> = Vec::with_capacity(subjects.len());
    for subject in subjects.iter() {
        let mut ids = Vec::new();
        // The Latin and the native spelling of a name usually ask the index the same thing.
        let mut asked: BTreeSet<Vec<TokenLookup>> = BTreeSet::new();
        for spelling in &subject.spellings {
            let keys = words(spelling);
            if keys.is_empty() {
                continue;
            }
            let lookups: Vec<TokenLookup> = keys.iter().map(|k| lookup(k, false)).collect();
            let mut sorted = lookups.clone();
            sorted.sort();
            if !asked.insert(sorted) {
                continue;
            }
            let scope = LookupScope {
                min_tokens: required(keys.len()),
                exclude_client: Some(subject.client_id),
                cases: *cases,
                limit: CANDIDATES,
                ..LookupScope::default()
            };
            ids.extend(
                db_search::name_candidates(conn, &lookups, &scope)?
                    .into_iter()
                    .map(|c| c.person_id.0),
            );
            if let Some(born) = subject.date_of_birth {
                let same_day = LookupScope {
                    min_tokens: 1,
                    born_on: Some(born),
                    ..scope
                };
                ids.extend(
                    db_search::name_candidates(conn, &lookups, &same_day)?
                        .into_iter()
                        .map(|c| c.person_id.0),
                );
            }
        }
        proposed.push(ids);
    }
    let all: BTreeSet<uuid::Uuid> = proposed.iter().flatten().copied().collect();
    let people: HashMap<uuid::Uuid, Person> =
        db_search::people(conn, cases, &all.into_iter().collect::<Vec<_>>())?
            .into_iter()
            .map(|row| (row.person.person_id, Person::from_row(row)))
            .collect();
    let mut cache = KeyCache::default();
    for (subject, ids) in subjects.iter_mut().zip(proposed) {
        let spellings: Vec<Vec<NameKeys>> = subject.spellings.iter().map(|s| words(s)).collect();
        let mut hits: Vec<ConflictHit> = Vec::new();
        for id in ids.into_iter().collect::<BTreeSet<_>>() {
            let Some(person) = people.get(&id) else {
                continue;
            };
            let same_date_of_birth =
                subject.date_of_birth.is_some() && subject.date_of_birth == person.date_of_birth;
            let candidate = person.token_keys(&mut cache);
            let best = spellings
                .iter()
                .filter_map(|s| conflict_match(s, &candidate, same_date_of_birth))
                .min();
            if let Some(strength) = best {
                hits.push(ConflictHit {
                    person: person.clone(),
                    strength,
                    same_date_of_birth,
                });
            }
        }
        hits.sort_by(|a, b| {
            (
                !a.same_date_of_birth,
                a.strength,
                a.person.display_name(),
                &a.person.reference,
            )
                .cmp(&(
                    !b.same_date_of_birth,
                    b.strength,
                    b.person.display_name(),
                    &b.person.reference,
                ))
        });
        subject.more = hits.len() > MAX_HITS;
        hits.truncate(MAX_HITS);
        subject.hits = hits;
    }
    Ok(())
}

/// Runs the conflict check of a case (lawyers and admins). The search is audited as
/// `case.conflict_searched` with counts only, before anything is shown.
pub async fn run(
    state: &AppState,
    actor: &Staff,
    case_id: uuid::Uuid,
    address: Option<String>,
) -> Result<ConflictReport, AppError> {
    policy::can_edit_case_file(actor)?;
    let audit = AuditContext::new(Some(actor.id), address, state.now());
    let actor = actor.clone();
    state
        .db
        .run(move |conn| {
            let (scope, case) = reader_case(conn, &actor, case_id)?;
            let intake = db::clients::load(conn, case.client_id.0)?.unwrap_or_default();
            let c = &intake.client;
            let client_id = case.client_id.0;
            let mut subjects = vec![Subject {
                client_id,
                relationship: None,
                name: full_name(&[&c.given_name, &c.middle_name, &c.family_name]),
                native_name: c.native_name.clone(),
                date_of_birth: c.date_of_birth,
                hits: Vec::new(),
                more: false,
                spellings: intake.names(),
            }];
            for m in &intake.family {
                let name = full_name(&[&m.given_name, &m.family_name]);
                subjects.push(Subject {
                    client_id,
                    relationship: Some(m.relationship.unwrap_or(Relationship::Other)),
                    spellings: [name.clone(), m.native_name.clone()]
                        .into_iter()
                        .filter(|s| !s.trim().is_empty())
                        .collect(),
                    name,
                    native_name: m.native_name.clone(),
                    date_of_birth: m.date_of_birth,
                    hits: Vec::new(),
                    more: false,
                });
            }
            find_hits(conn, &scope, &mut subjects)?;
            let checked_by = match case.conflict_checked_by {
                Some(id) => db::staff::find(conn, id.0.into())?.map(|s| s.display_name),
                None => None,
            };
            let report = ConflictReport {
                case_id,
                reference: case.reference.clone(),
                stage: case.stage().ok(),
                status: case.conflict_status.clone(),
                note: case.conflict_note.clone(),
                checked_by,
                checked_at: case.conflict_checked_at,
                subjects,
            };
            write_transaction(conn, |conn| {
                audit.record(
                    conn,
                    AuditAction::CaseConflictSearched,
                    case_target(case_id),
                    json!({
                        "people_checked": report.subjects.len(),
                        "matches": report.hit_count(),
                        "same_date_of_birth": report.same_date_of_birth_count(),
                    }),
                )
            })?;
            Ok(report)
        })
        .await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(s: &str) -> Vec<NameKeys> {
        names::tokens(s).iter().map(|t| names::keys(t)).collect()
    }

    #[test]
    fn two_words_must_match_unless_born_the_same_day() {
        let subject = words("Yulia Shcherbakova");
        assert_eq!(
            conflict_match(&subject, &keys("Юлия Щербакова"), false),
            Some(MatchStrength::Transliteration)
        );
        assert_eq!(
            conflict_match(&subject, &keys("Iuliia Petrova"), false),
            None
        );
        assert_eq!(
            conflict_match(&subject, &keys("Iuliia Petrova"), true),
            Some(MatchStrength::Transliteration)
        );
        // A middle name more or less does not hide anyone.
        assert!(conflict_match(&subject, &keys("Yulia Olegovna Shcherbakova"), false).is_some());
        // Prefixes are for typing, not for conflicts.
        assert_eq!(
            conflict_match(&words("Yul Shch"), &keys("Yulia Shcherbakova"), true),
            None
        );
        // Equivalent names across languages count.
        assert_eq!(
            conflict_match(
                &words("Олександр Гончаренко"),
                &keys("Alexander Goncharenko"),
                false
            ),
            Some(MatchStrength::Equivalent)
        );
    }
}
