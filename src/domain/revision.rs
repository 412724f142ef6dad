//! A client's revision of their case file: the intake as they answered it (a questionnaire
//! link), by field path, kept apart from the file until a lawyer reviews it field by field.
//! Nothing here knows the intake's fields one by one: a field added to the intake form is
//! reviewed like the others.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

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

    #[test]
    fn statuses_round_trip() {
        for status in [RevisionStatus::Pending, RevisionStatus::Reviewed] {
            assert_eq!(RevisionStatus::parse(status.as_str()), Some(status));
        }
    }
}
