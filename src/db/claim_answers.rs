//! The `claim_answers` table: Parts B and C of the I-589, one row per client, written and
//! read with the rest of the client's intake ([`super::clients`]). A client without a row
//! (every case opened before the table existed) has every question unanswered.

use diesel::prelude::*;

use super::schema::claim_answers;
use super::sealed::{SealedText, sealed};
use super::uuid::DbUuid;
use super::{DbConnection, natively};
use crate::domain::claim_answers::{Answer, ClaimAnswers, Ground, YesNoAnswer};

/// The `claim_answers` columns but the client's id.
#[derive(Queryable, Selectable, Insertable)]
#[diesel(table_name = claim_answers)]
#[diesel(treat_none_as_default_value = false)]
#[diesel(check_for_backend(diesel::sqlite::Sqlite, diesel::pg::Pg))]
pub(super) struct ClaimAnswersRow {
    /// Comma-separated ground codes.
    grounds: String,
    past_harm: Option<bool>,
    past_harm_explanation: SealedText,
    fear_of_harm: Option<bool>,
    fear_of_harm_explanation: SealedText,
    arrested_abroad: Option<bool>,
    arrested_abroad_explanation: SealedText,
    organizations: Option<bool>,
    organizations_explanation: SealedText,
    continued_participation: Option<bool>,
    continued_participation_explanation: SealedText,
    fear_of_torture: Option<bool>,
    fear_of_torture_explanation: SealedText,
    earlier_applications: Option<bool>,
    earlier_applications_explanation: SealedText,
    other_countries: Option<bool>,
    other_countries_explanation: SealedText,
    status_elsewhere: Option<bool>,
    status_elsewhere_explanation: SealedText,
    harmed_others: Option<bool>,
    harmed_others_explanation: SealedText,
    returned: Option<bool>,
    returned_explanation: SealedText,
    filed_after_one_year: Option<bool>,
    filed_after_one_year_explanation: SealedText,
    crimes_in_us: Option<bool>,
    crimes_in_us_explanation: SealedText,
}

fn answer(flag: Option<bool>, explanation: SealedText) -> YesNoAnswer {
    YesNoAnswer {
        answer: Answer::from_flag(flag),
        explanation: explanation.0,
    }
}

impl ClaimAnswersRow {
    fn new(a: &ClaimAnswers) -> Self {
        Self {
            grounds: a
                .grounds
                .iter()
                .map(|g| g.as_str())
                .collect::<Vec<_>>()
                .join(","),
            past_harm: a.past_harm.answer.as_flag(),
            past_harm_explanation: sealed(&a.past_harm.explanation),
            fear_of_harm: a.fear_of_harm.answer.as_flag(),
            fear_of_harm_explanation: sealed(&a.fear_of_harm.explanation),
            arrested_abroad: a.arrested_abroad.answer.as_flag(),
            arrested_abroad_explanation: sealed(&a.arrested_abroad.explanation),
            organizations: a.organizations.answer.as_flag(),
            organizations_explanation: sealed(&a.organizations.explanation),
            continued_participation: a.continued_participation.answer.as_flag(),
            continued_participation_explanation: sealed(&a.continued_participation.explanation),
            fear_of_torture: a.fear_of_torture.answer.as_flag(),
            fear_of_torture_explanation: sealed(&a.fear_of_torture.explanation),
            earlier_applications: a.earlier_applications.answer.as_flag(),
            earlier_applications_explanation: sealed(&a.earlier_applications.explanation),
            other_countries: a.other_countries.answer.as_flag(),
            other_countries_explanation: sealed(&a.other_countries.explanation),
            status_elsewhere: a.status_elsewhere.answer.as_flag(),
            status_elsewhere_explanation: sealed(&a.status_elsewhere.explanation),
            harmed_others: a.harmed_others.answer.as_flag(),
            harmed_others_explanation: sealed(&a.harmed_others.explanation),
            returned: a.returned.answer.as_flag(),
            returned_explanation: sealed(&a.returned.explanation),
            filed_after_one_year: a.filed_after_one_year.answer.as_flag(),
            filed_after_one_year_explanation: sealed(&a.filed_after_one_year.explanation),
            crimes_in_us: a.crimes_in_us.answer.as_flag(),
            crimes_in_us_explanation: sealed(&a.crimes_in_us.explanation),
        }
    }

    fn into_answers(self) -> ClaimAnswers {
        ClaimAnswers {
            grounds: self
                .grounds
                .split(',')
                .filter_map(|code| Ground::parse(code).ok())
                .collect(),
            past_harm: answer(self.past_harm, self.past_harm_explanation),
            fear_of_harm: answer(self.fear_of_harm, self.fear_of_harm_explanation),
            arrested_abroad: answer(self.arrested_abroad, self.arrested_abroad_explanation),
            organizations: answer(self.organizations, self.organizations_explanation),
            continued_participation: answer(
                self.continued_participation,
                self.continued_participation_explanation,
            ),
            fear_of_torture: answer(self.fear_of_torture, self.fear_of_torture_explanation),
            earlier_applications: answer(
                self.earlier_applications,
                self.earlier_applications_explanation,
            ),
            other_countries: answer(self.other_countries, self.other_countries_explanation),
            status_elsewhere: answer(self.status_elsewhere, self.status_elsewhere_explanation),
            harmed_others: answer(self.harmed_others, self.harmed_others_explanation),
            returned: answer(self.returned, self.returned_explanation),
            filed_after_one_year: answer(
                self.filed_after_one_year,
                self.filed_after_one_year_explanation,
            ),
            crimes_in_us: answer(self.crimes_in_us, self.crimes_in_us_explanation),
        }
    }
}

/// Replaces the client's answers (`existed`: see [`super::clients::save`]).
pub fn save(
    conn: &mut DbConnection,
    client_id: uuid::Uuid,
    answers: &ClaimAnswers,
    existed: bool,
) -> QueryResult<()> {
    let id = DbUuid(client_id);
    if existed {
        natively!(conn, |c| diesel::delete(claim_answers::table.find(id))
            .execute(c))?;
    }
    natively!(conn, |c| diesel::insert_into(claim_answers::table)
        .values((
            claim_answers::client_id.eq(id),
            ClaimAnswersRow::new(answers),
        ))
        .execute(c))?;
    Ok(())
}

/// The client's answers from their row, read with the client ([`super::clients::load`]);
/// all unanswered when none were ever saved.
pub(super) fn answers(row: Option<ClaimAnswersRow>) -> ClaimAnswers {
    row.map(ClaimAnswersRow::into_answers).unwrap_or_default()
}
