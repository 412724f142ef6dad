//! Parts B and C of the I-589: the grounds claimed, and the yes/no questions each with its
//! explanation. A question is unanswered until someone answers it: that blank box, not a
//! "no", is what a completeness check must find, so every question says its state
//! ([`ClaimAnswers::questions`]) under its item number on the form.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::codes::vocabulary;

vocabulary!(
    /// A protected ground claimed in Part B.1 (torture: the Convention Against Torture).
    Ground, "ground", "validation-choice" {
        Race => "race",
        Religion => "religion",
        Nationality => "nationality",
        PoliticalOpinion => "political_opinion",
        SocialGroup => "social_group",
        Torture => "torture",
    }
);

/// The answer to a yes/no question of the form.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Answer {
    /// Nobody has answered it yet: a blank box on the form.
    #[default]
    Unanswered,
    Yes,
    No,
}

impl Answer {
    pub const ALL: &'static [Answer] = &[Answer::Unanswered, Answer::Yes, Answer::No];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Unanswered => "unanswered",
            Self::Yes => "yes",
            Self::No => "no",
        }
    }

    pub fn label_key(self) -> &'static str {
        match self {
            Self::Unanswered => "i589-answer-unanswered",
            Self::Yes => "i589-answer-yes",
            Self::No => "i589-answer-no",
        }
    }

    /// `yes`, `no`, or empty (or `unanswered`) for a question left unanswered.
    pub fn parse(code: &str) -> Result<Self, crate::error::Message> {
        match code.trim() {
            "" | "unanswered" => Ok(Self::Unanswered),
            "yes" => Ok(Self::Yes),
            "no" => Ok(Self::No),
            _ => Err(crate::error::Message::new("validation-choice")),
        }
    }

    /// As stored: NULL while unanswered.
    pub fn as_flag(self) -> Option<bool> {
        match self {
            Self::Unanswered => None,
            Self::Yes => Some(true),
            Self::No => Some(false),
        }
    }

    pub fn from_flag(flag: Option<bool>) -> Self {
        match flag {
            None => Self::Unanswered,
            Some(true) => Self::Yes,
            Some(false) => Self::No,
        }
    }
}

/// A yes/no question as answered, with its explanation (sealed at rest, like a persecution
/// narrative; a "yes" must be explained before the intake is complete).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields, default)]
pub struct YesNoAnswer {
    pub answer: Answer,
    pub explanation: String,
}

/// Parts B and C: each field is one item of the form.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields, default)]
pub struct ClaimAnswers {
    /// B.1: the grounds claimed, in the form's order.
    pub grounds: Vec<Ground>,
    /// B.1A: harm, mistreatment or threats in the past, to the applicant, family, close
    /// friends or colleagues (who, when, what, why).
    pub past_harm: YesNoAnswer,
    /// B.1B: fear of harm or mistreatment on return.
    pub fear_of_harm: YesNoAnswer,
    /// B.2: ever accused, charged, arrested, detained, interrogated, convicted or
    /// imprisoned outside the United States.
    pub arrested_abroad: YesNoAnswer,
    /// B.3A: membership in or association with organizations or groups at home (party,
    /// student group, union, religious organization, military, human rights group, press).
    pub organizations: YesNoAnswer,
    /// B.3B: continued participation in them.
    pub continued_participation: YesNoAnswer,
    /// B.4: fear of torture on return.
    pub fear_of_torture: YesNoAnswer,
    /// C.1: earlier applications for refugee status, asylum or withholding by the applicant
    /// or family.
    pub earlier_applications: YesNoAnswer,
    /// C.2A: travel through or residence in other countries after leaving home.
    pub other_countries: YesNoAnswer,
    /// C.2B: lawful status applied for or received in any other country.
    pub status_elsewhere: YesNoAnswer,
    /// C.3: ever caused harm to others on a protected ground.
    pub harmed_others: YesNoAnswer,
    /// C.4: returned to the country of feared harm.
    pub returned: YesNoAnswer,
    /// C.5: filing more than a year after the last arrival; the explanation is the
    /// exception claimed.
    pub filed_after_one_year: YesNoAnswer,
    /// C.6: crimes, arrests or charges in the United States.
    pub crimes_in_us: YesNoAnswer,
}

/// The yes/no questions of Parts B and C, in the form's order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ClaimQuestion {
    PastHarm,
    FearOfHarm,
    ArrestedAbroad,
    Organizations,
    ContinuedParticipation,
    FearOfTorture,
    EarlierApplications,
    OtherCountries,
    StatusElsewhere,
    HarmedOthers,
    Returned,
    FiledAfterOneYear,
    CrimesInUs,
}

impl ClaimQuestion {
    pub const ALL: [ClaimQuestion; 13] = [
        Self::PastHarm,
        Self::FearOfHarm,
        Self::ArrestedAbroad,
        Self::Organizations,
        Self::ContinuedParticipation,
        Self::FearOfTorture,
        Self::EarlierApplications,
        Self::OtherCountries,
        Self::StatusElsewhere,
        Self::HarmedOthers,
        Self::Returned,
        Self::FiledAfterOneYear,
        Self::CrimesInUs,
    ];

    /// The item's number on the form.
    pub fn item(self) -> &'static str {
        match self {
            Self::PastHarm => "B.1A",
            Self::FearOfHarm => "B.1B",
            Self::ArrestedAbroad => "B.2",
            Self::Organizations => "B.3A",
            Self::ContinuedParticipation => "B.3B",
            Self::FearOfTorture => "B.4",
            Self::EarlierApplications => "C.1",
            Self::OtherCountries => "C.2A",
            Self::StatusElsewhere => "C.2B",
            Self::HarmedOthers => "C.3",
            Self::Returned => "C.4",
            Self::FiledAfterOneYear => "C.5",
            Self::CrimesInUs => "C.6",
        }
    }

    /// Its field in [`ClaimAnswers`] (and in the JSON API).
    pub fn name(self) -> &'static str {
        match self {
            Self::PastHarm => "past_harm",
            Self::FearOfHarm => "fear_of_harm",
            Self::ArrestedAbroad => "arrested_abroad",
            Self::Organizations => "organizations",
            Self::ContinuedParticipation => "continued_participation",
            Self::FearOfTorture => "fear_of_torture",
            Self::EarlierApplications => "earlier_applications",
            Self::OtherCountries => "other_countries",
            Self::StatusElsewhere => "status_elsewhere",
            Self::HarmedOthers => "harmed_others",
            Self::Returned => "returned",
            Self::FiledAfterOneYear => "filed_after_one_year",
            Self::CrimesInUs => "crimes_in_us",
        }
    }

    /// The intake path of its answer (`claim_answers.past_harm.answer`).
    pub fn answer_path(self) -> String {
        format!("claim_answers.{}.answer", self.name())
    }

    /// The intake path of its explanation (`claim_answers.past_harm.explanation`).
    pub fn explanation_path(self) -> String {
        format!("claim_answers.{}.explanation", self.name())
    }
}

impl ClaimAnswers {
    pub fn get(&self, question: ClaimQuestion) -> &YesNoAnswer {
        match question {
            ClaimQuestion::PastHarm => &self.past_harm,
            ClaimQuestion::FearOfHarm => &self.fear_of_harm,
            ClaimQuestion::ArrestedAbroad => &self.arrested_abroad,
            ClaimQuestion::Organizations => &self.organizations,
            ClaimQuestion::ContinuedParticipation => &self.continued_participation,
            ClaimQuestion::FearOfTorture => &self.fear_of_torture,
            ClaimQuestion::EarlierApplications => &self.earlier_applications,
            ClaimQuestion::OtherCountries => &self.other_countries,
            ClaimQuestion::StatusElsewhere => &self.status_elsewhere,
            ClaimQuestion::HarmedOthers => &self.harmed_others,
            ClaimQuestion::Returned => &self.returned,
            ClaimQuestion::FiledAfterOneYear => &self.filed_after_one_year,
            ClaimQuestion::CrimesInUs => &self.crimes_in_us,
        }
    }

    pub fn get_mut(&mut self, question: ClaimQuestion) -> &mut YesNoAnswer {
        match question {
            ClaimQuestion::PastHarm => &mut self.past_harm,
            ClaimQuestion::FearOfHarm => &mut self.fear_of_harm,
            ClaimQuestion::ArrestedAbroad => &mut self.arrested_abroad,
            ClaimQuestion::Organizations => &mut self.organizations,
            ClaimQuestion::ContinuedParticipation => &mut self.continued_participation,
            ClaimQuestion::FearOfTorture => &mut self.fear_of_torture,
            ClaimQuestion::EarlierApplications => &mut self.earlier_applications,
            ClaimQuestion::OtherCountries => &mut self.other_countries,
            ClaimQuestion::StatusElsewhere => &mut self.status_elsewhere,
            ClaimQuestion::HarmedOthers => &mut self.harmed_others,
            ClaimQuestion::Returned => &mut self.returned,
            ClaimQuestion::FiledAfterOneYear => &mut self.filed_after_one_year,
            ClaimQuestion::CrimesInUs => &mut self.crimes_in_us,
        }
    }

    /// Every question with its answer, in the form's order.
    pub fn questions(&self) -> impl Iterator<Item = (ClaimQuestion, &YesNoAnswer)> {
        ClaimQuestion::ALL.into_iter().map(|q| (q, self.get(q)))
    }

    /// The grounds once each, in the form's order.
    pub fn normalize_grounds(&mut self) {
        self.grounds = Ground::ALL
            .iter()
            .copied()
            .filter(|g| self.grounds.contains(g))
            .collect();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_question_is_a_field_of_its_own_under_its_name() {
        let mut answers = ClaimAnswers::default();
        for (i, question) in ClaimQuestion::ALL.into_iter().enumerate() {
            answers.get_mut(question).explanation = i.to_string();
        }
        let json = serde_json::to_value(&answers).unwrap();
        for (i, question) in ClaimQuestion::ALL.into_iter().enumerate() {
            assert_eq!(json[question.name()]["explanation"], i.to_string());
            assert_eq!(json[question.name()]["answer"], "unanswered");
        }
        let items: std::collections::BTreeSet<_> =
            ClaimQuestion::ALL.iter().map(|q| q.item()).collect();
        assert_eq!(items.len(), ClaimQuestion::ALL.len());
    }

    #[test]
    fn an_answer_is_three_state_and_stored_as_a_nullable_flag() {
        for answer in Answer::ALL {
            assert_eq!(Answer::from_flag(answer.as_flag()), *answer);
            assert_eq!(Answer::parse(answer.as_str()), Ok(*answer));
        }
        assert_eq!(Answer::parse(""), Ok(Answer::Unanswered));
        assert!(Answer::parse("maybe").is_err());
        assert_eq!(Answer::default(), Answer::Unanswered);
    }

    #[test]
    fn grounds_are_kept_once_in_the_forms_order() {
        let mut answers = ClaimAnswers {
            grounds: vec![Ground::Torture, Ground::Race, Ground::Torture],
            ..Default::default()
        };
        answers.normalize_grounds();
        assert_eq!(answers.grounds, vec![Ground::Race, Ground::Torture]);
    }
}
