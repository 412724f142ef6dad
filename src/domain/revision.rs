//! A client's revision of their case file: the intake as they answered it (a questionnaire
//! link), by field path, kept apart from the file until a lawyer reviews it field by field.
//! Nothing here knows the intake's fields one by one: a field added to the intake form is
//! reviewed like the others.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::intake::{self, FIELD_LABELS, Intake};
use crate::error::{FieldErrors, Message};

/// The client's answers: intake field path (`client.given_name`, `family.2.date_of_birth`)
/// → text as typed, the intake form's pairs. Stored as one JSON object.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Answers(BTreeMap<String, String>);

impl Answers {
    /// The text answered for `path`, empty when there is none.
    pub fn get(&self, path: &str) -> &str {
        self.0.get(path).map_or("", String::as_str)
    }

    /// Every answered path and its text, in path order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.0.iter().map(|(k, v)| (k.as_str(), v.as_str()))
    }

    /// Sets the text at `path`; empty text removes it.
    pub fn set(&mut self, path: &str, text: &str) {
        if text.is_empty() {
            self.0.remove(path);
        } else {
            self.0.insert(path.to_string(), text.to_string());
        }
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl FromIterator<(String, String)> for Answers {
    fn from_iter<I: IntoIterator<Item = (String, String)>>(pairs: I) -> Self {
        Self(pairs.into_iter().collect())
    }
}

/// The intake as text by field path, as its form shows and takes it. A review lays the
/// client's answers over the file in this shape and reads the result back as an intake;
/// the staff intake form (routes) is the one implementation.
pub trait IntakeText {
    /// The file's intake as its form would show it.
    fn answers_of(intake: &Intake) -> Answers;
    /// The intake the text means, or each field's problem.
    fn parse(answers: &Answers) -> Result<Intake, FieldErrors>;
}

/// Whether a client's answer at `path` can change the file through a review: a field of the
/// intake (one with a label, so a field added to the intake later is reviewed like the
/// others), but not the claim's kind or who works on it, which are the office's to decide.
pub fn is_reviewable(path: &str) -> bool {
    intake::label_key(path).is_some() && !path.starts_with("claim.")
}

/// Text as compared: surrounding blanks and line endings do not make an answer different.
fn normalized(text: &str) -> String {
    text.trim().replace("\r\n", "\n")
}

/// Where a field stands in the form: its section's place, its row, its own place.
fn form_order(path: &str) -> (usize, usize, usize) {
    let parts: Vec<&str> = path.split('.').collect();
    let (general, row) = match parts.as_slice() {
        [section, row, name] if row.parse::<usize>().is_ok() => {
            (format!("{section}.{name}"), row.parse().unwrap_or(0))
        }
        _ => (path.to_string(), 0),
    };
    let place = |wanted: &dyn Fn(&str) -> bool| {
        FIELD_LABELS
            .iter()
            .position(|(field, _)| wanted(field))
            .unwrap_or(usize::MAX)
    };
    let section = general.split('.').next().unwrap_or_default();
    (
        place(&|field| field.split('.').next() == Some(section)),
        row,
        place(&|field| field == general),
    )
}

/// The fields a reviewer decides on: every reviewable one where the client gave a
/// non-empty answer that differs from the file, in the form's order (a family member's
/// fields together, row after row).
pub fn differences(on_file: &Answers, client: &Answers) -> Vec<String> {
    let mut paths: Vec<String> = client
        .iter()
        .filter(|(path, answer)| {
            is_reviewable(path)
                && !answer.trim().is_empty()
                && normalized(answer) != normalized(on_file.get(path))
        })
        .map(|(path, _)| path.to_string())
        .collect();
    paths.sort_by_key(|path| form_order(path));
    paths
}

/// What a reviewer decided about one field of the client's answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decision {
    /// The client's answer goes into the file.
    Accept,
    /// The reviewer's correction of the client's answer goes into the file.
    Edit(String),
    /// The file keeps what it has.
    Reject,
}

/// What became of a field, as recorded: no value, only the kind of decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Accepted,
    Edited,
    Rejected,
}

impl Decision {
    pub fn outcome(&self) -> Outcome {
        match self {
            Self::Accept => Outcome::Accepted,
            Self::Edit(_) => Outcome::Edited,
            Self::Reject => Outcome::Rejected,
        }
    }
}

/// A review applied to the file's answers: the file's text with what was accepted or
/// edited laid over it, and the outcome of each field decided on (paths only).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Applied {
    pub answers: Answers,
    pub outcomes: BTreeMap<String, Outcome>,
}

impl Applied {
    /// Whether anything of the client's reaches the file.
    pub fn changes_the_file(&self) -> bool {
        self.outcomes.values().any(|o| *o != Outcome::Rejected)
    }

    /// The paths decided with `outcome`, in path order.
    pub fn paths(&self, outcome: Outcome) -> Vec<&str> {
        self.outcomes
            .iter()
            .filter(|(_, o)| **o == outcome)
            .map(|(path, _)| path.as_str())
            .collect()
    }
}

/// What becomes of the fields a reviewer left undecided.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Remaining {
    /// Each needs a decision: it is named as a problem.
    Undecided,
    /// All accepted at once.
    Accept,
    /// All rejected at once.
    Reject,
}

/// Lays the decisions over the file's answers. Every field to review ([`differences`])
/// needs a decision, its own or the one for the `remaining` fields (the problem is named at
/// its path otherwise); a decision about any other path decides nothing (the file already
/// says what the client said, or the client said nothing there) and is not recorded.
pub fn apply(
    on_file: &Answers,
    client: &Answers,
    decisions: &BTreeMap<String, Decision>,
    remaining: Remaining,
) -> Result<Applied, FieldErrors> {
    let mut answers = on_file.clone();
    let mut outcomes = BTreeMap::new();
    let mut errors = FieldErrors::default();
    for path in differences(on_file, client) {
        let decision = match (decisions.get(&path), remaining) {
            (Some(decision), _) => decision,
            (None, Remaining::Accept) => &Decision::Accept,
            (None, Remaining::Reject) => &Decision::Reject,
            (None, Remaining::Undecided) => {
                errors.push(path.as_str(), Message::new("revision-undecided"));
                continue;
            }
        };
        match decision {
            Decision::Accept => answers.set(&path, client.get(&path)),
            Decision::Edit(text) => answers.set(&path, text),
            Decision::Reject => {}
        }
        outcomes.insert(path, decision.outcome());
    }
    if errors.is_empty() {
        Ok(Applied { answers, outcomes })
    } else {
        Err(errors)
    }
}

/// Where a revision stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum RevisionStatus {
    /// Waiting for a lawyer's review.
    Pending,
    /// Reviewed: what was accepted is in the file; it cannot be applied again.
    Reviewed,
}

impl RevisionStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Pending => "pending",
            Self::Reviewed => "reviewed",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        match code {
            "pending" => Some(Self::Pending),
            "reviewed" => Some(Self::Reviewed),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_are_stored_as_one_object_of_paths() {
        let answers: Answers = [
            ("family.1.given_name".to_string(), "Оксана".to_string()),
            ("client.family_name".to_string(), "Shevchenko".to_string()),
        ]
        .into_iter()
        .collect();
        let json = serde_json::to_string(&answers).unwrap();
        assert_eq!(
            json,
            r#"{"client.family_name":"Shevchenko","family.1.given_name":"Оксана"}"#
        );
        let back: Answers = serde_json::from_str(&json).unwrap();
        assert_eq!(back, answers);
        assert_eq!(back.get("family.1.given_name"), "Оксана");
        assert_eq!(back.get("client.a_number"), "");
    }

    fn pairs(list: &[(&str, &str)]) -> Answers {
        list.iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn only_answers_that_would_change_the_file_are_reviewed_in_the_forms_order() {
        let on_file = pairs(&[
            ("client.family_name", "Shevchenko"),
            ("client.given_name", "Yulia"),
            ("family.0.row", "saved"),
            ("family.0.given_name", "Oksana"),
            ("claim.lawyer_id", "00000000-0000-0000-0000-000000000001"),
        ]);
        let client = pairs(&[
            ("client.family_name", " Shevchenko "),
            ("client.given_name", "Юлия"),
            ("client.phone", ""),
            ("family.0.row", "new"),
            ("family.0.given_name", "Oksana"),
            ("family.10.given_name", "Taras"),
            ("family.2.given_name", "Petro"),
            ("family.2.family_name", "Shevchenko"),
            ("entry.port_of_entry", "San Ysidro"),
            ("claim.lawyer_id", "00000000-0000-0000-0000-000000000002"),
            ("claim.kind", "defensive"),
            ("not.a_field", "anything"),
        ]);
        assert_eq!(
            differences(&on_file, &client),
            [
                "client.given_name",
                "entry.port_of_entry",
                "family.2.family_name",
                "family.2.given_name",
                "family.10.given_name",
            ]
        );
    }

    #[test]
    fn decisions_lay_accepted_and_edited_text_over_the_file() {
        let on_file = pairs(&[("client.given_name", "Yulia"), ("client.phone", "+1 555")]);
        let client = pairs(&[
            ("client.given_name", "Iuliia"),
            ("client.phone", "+380 44"),
            ("client.email", "y@example.org"),
        ]);
        let decisions = BTreeMap::from([
            (
                "client.given_name".to_string(),
                Decision::Edit("Yuliia".into()),
            ),
            ("client.phone".to_string(), Decision::Reject),
            ("client.email".to_string(), Decision::Accept),
            ("client.middle_name".to_string(), Decision::Accept),
        ]);
        let applied = apply(&on_file, &client, &decisions, Remaining::Undecided).unwrap();
        assert_eq!(
            applied.answers,
            pairs(&[
                ("client.given_name", "Yuliia"),
                ("client.phone", "+1 555"),
                ("client.email", "y@example.org"),
            ])
        );
        assert_eq!(applied.paths(Outcome::Accepted), ["client.email"]);
        assert_eq!(applied.paths(Outcome::Edited), ["client.given_name"]);
        assert_eq!(applied.paths(Outcome::Rejected), ["client.phone"]);
        assert!(applied.changes_the_file());
    }

    #[test]
    fn a_field_left_undecided_is_named() {
        let on_file = pairs(&[]);
        let client = pairs(&[("client.given_name", "Yulia"), ("client.phone", "+380")]);
        let decisions = BTreeMap::from([("client.phone".to_string(), Decision::Reject)]);
        let errors = apply(&on_file, &client, &decisions, Remaining::Undecided).unwrap_err();
        assert_eq!(
            errors.get("client.given_name").map(|m| m.key),
            Some("revision-undecided")
        );
        assert_eq!(errors.iter().count(), 1);
    }

    #[test]
    fn the_remaining_fields_can_be_decided_at_once() {
        let on_file = pairs(&[]);
        let client = pairs(&[("client.given_name", "Yulia"), ("client.phone", "+380")]);
        let decisions = BTreeMap::from([("client.phone".to_string(), Decision::Reject)]);
        let accepted = apply(&on_file, &client, &decisions, Remaining::Accept).unwrap();
        assert_eq!(accepted.paths(Outcome::Accepted), ["client.given_name"]);
        assert_eq!(accepted.paths(Outcome::Rejected), ["client.phone"]);
        let rejected = apply(&on_file, &client, &decisions, Remaining::Reject).unwrap();
        assert_eq!(rejected.answers, on_file);
        assert!(!rejected.changes_the_file());
    }

    #[test]
    fn statuses_round_trip() {
        for status in [RevisionStatus::Pending, RevisionStatus::Reviewed] {
            assert_eq!(RevisionStatus::parse(status.as_str()), Some(status));
        }
    }
}
