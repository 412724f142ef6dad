//! The intake: what a lawyer records about a principal applicant and their claim — client,
//! entry, family, journey, persecution history, claim kind and assignment, and the claim's
//! answers to Parts B and C of the I-589, and the rest of its Part A.I
//! ([`super::applicant`]).
//!
//! `Intake` is what both doors deliver: the page's form model
//! (`routes::cases::intake::form::IntakeForm`) parses typed text into it, and the JSON API
//! deserializes straight into it. `Intake::checked` normalizes it and names every problem by
//! its field (`family.2.date_of_birth`).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::a_number::ANumber;
use super::applicant::{self, ApplicantDetails, UsEntry};
use super::background::{Address, Background, BackgroundParts, Job, Relative, School, YearMonth};
use super::case_stage::ClaimKind;
use super::claim_answers::{Answer, ClaimAnswers, ClaimQuestion};
use super::codes::{
    self, ImmigrationStatus, MannerOfEntry, MaritalStatus, Persecutor, Relationship, Sex,
    TravelMode,
};
use super::family;
use super::family::ChildrenAnswer;
use super::ids::StaffId;
use super::text;
use crate::error::{FieldErrors, Message};

/// Longest free text accepted in one field (a narrative can be long; a name cannot).
pub const MAX_TEXT: usize = 20_000;
pub const MAX_LINE: usize = 300;
/// Rows per section; a family of forty is a data-entry accident.
pub const MAX_ROWS: usize = 40;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Intake {
    #[serde(default)]
    pub client: ClientDetails,
    #[serde(default)]
    pub entry: EntryDetails,
    #[serde(default)]
    pub family: Vec<FamilyMember>,
    #[serde(default)]
    pub journey: Vec<JourneyLeg>,
    #[serde(default)]
    pub persecution: Vec<PersecutionEvent>,
    #[serde(default)]
    pub claim: ClaimDetails,
    /// I-589 Parts B and C.
    #[serde(default)]
    pub claim_answers: ClaimAnswers,
    /// I-589 Part A.II: "I do not have any children".
    #[serde(default)]
    pub children: ChildrenAnswer,
    /// I-589 Part A.III, its single answers (A.III.1, the none boxes, the parents).
    #[serde(default)]
    pub background: Background,
    /// A.III.2: residences during the past five years, present first.
    #[serde(default)]
    pub residences: Vec<Address>,
    /// A.III.3: education, most recent first.
    #[serde(default)]
    pub schools: Vec<School>,
    /// A.III.4: employment during the past five years, present first.
    #[serde(default)]
    pub jobs: Vec<Job>,
    /// A.III.5: brothers and sisters.
    #[serde(default)]
    pub siblings: Vec<Relative>,
    /// I-589 Part A.I beyond the client's details.
    #[serde(default)]
    pub applicant: ApplicantDetails,
    /// I-589 item 19c: every entry into the US, most recent first.
    #[serde(default)]
    pub us_entries: Vec<UsEntry>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields, default)]
pub struct ClientDetails {
    /// As in the passport; "NONE" where the passport has none.
    pub family_name: String,
    pub given_name: String,
    pub middle_name: String,
    /// In the native script, e.g. Cyrillic.
    pub native_name: String,
    /// Other spellings and aliases, one per entry.
    pub other_names: Vec<String>,
    pub date_of_birth: Option<NaiveDate>,
    pub sex: Option<Sex>,
    /// ISO 3166-1 alpha-2.
    pub country_of_birth: Option<String>,
    pub nationalities: Vec<String>,
    /// ISO 639-1.
    pub languages: Vec<String>,
    pub interpreter_needed: bool,
    /// Nine digits.
    pub a_number: Option<String>,
    pub passport_numbers: String,
    pub passport_expiry: Option<NaiveDate>,
    pub phone: String,
    pub phone_safe: bool,
    pub email: String,
    pub email_safe: bool,
    pub us_address: String,
    pub address_safe: bool,
    pub messenger: String,
    pub messenger_safe: bool,
    pub immigration_status: Option<ImmigrationStatus>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields, default)]
pub struct EntryDetails {
    /// The date of the LAST arrival in the United States: the one-year clock starts here.
    pub last_arrival_on: Option<NaiveDate>,
    pub port_of_entry: String,
    pub manner_of_entry: Option<MannerOfEntry>,
    pub i94_number: String,
    pub class_of_admission: String,
    pub parole_expires_on: Option<NaiveDate>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields, default)]
pub struct FamilyMember {
    pub relationship: Option<Relationship>,
    pub family_name: String,
    pub given_name: String,
    pub native_name: String,
    pub date_of_birth: Option<NaiveDate>,
    pub marital_status: Option<MaritalStatus>,
    pub in_us: bool,
    /// Wanted as a derivative on the I-589 (eligibility is computed, not typed).
    pub derivative: bool,
    pub safe_to_contact: bool,
    pub notes: String,
    // I-589 Part A.II, asked of the spouse and each child (`domain::family` checks them and
    // says which item each answers). NONE or N/A typed in a text is an answer.
    pub middle_name: String,
    /// Maiden name, aliases: one per entry.
    pub other_names: Vec<String>,
    /// Nine digits, or NONE.
    pub a_number: String,
    /// Passport or national ID card number.
    pub passport_number: String,
    /// `123-45-6789`, or NONE.
    pub ssn: String,
    pub sex: Option<Sex>,
    pub city_of_birth: String,
    /// ISO 3166-1 alpha-2.
    pub country_of_birth: Option<String>,
    /// ISO 3166-1 alpha-2.
    pub nationality: Option<String>,
    /// Race, ethnic or tribal group.
    pub ethnic_group: String,
    /// A spouse's date of marriage.
    pub married_on: Option<NaiveDate>,
    /// A spouse's place of marriage.
    pub marriage_place: String,
    /// Where someone not in the US is.
    pub location: String,
    // Only for someone in the US (`in_us`):
    pub last_entry_place: String,
    pub last_entry_on: Option<NaiveDate>,
    pub i94_number: String,
    pub status_when_admitted: String,
    pub current_status: String,
    /// When the authorized stay expires.
    pub status_expires_on: Option<NaiveDate>,
    pub in_court_proceedings: Answer,
    pub previous_arrival_on: Option<NaiveDate>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields, default)]
pub struct JourneyLeg {
    pub from_country: Option<String>,
    pub from_city: String,
    pub to_country: Option<String>,
    pub to_city: String,
    pub departed_on: Option<NaiveDate>,
    pub arrived_on: Option<NaiveDate>,
    pub mode: Option<TravelMode>,
    pub notes: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields, default)]
pub struct PersecutionEvent {
    pub occurred_on: Option<NaiveDate>,
    pub place: String,
    pub actor: Option<Persecutor>,
    pub description: String,
    pub detention_days: Option<i32>,
    pub charges: String,
    pub outcome: String,
    pub evidence: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields, default)]
pub struct ClaimDetails {
    pub kind: Option<ClaimKind>,
    #[schema(value_type = Option<uuid::Uuid>)]
    pub lawyer_id: Option<StaffId>,
    #[schema(value_type = Option<uuid::Uuid>)]
    pub paralegal_id: Option<StaffId>,
}

/// Every intake field's label: its path without the row number (`family.given_name`) and its
/// catalogue key. The page's fields, its error summary and the audit trail all name a field
/// from here.
pub const FIELD_LABELS: &[(&str, &str)] = &[
    ("client.family_name", "intake-client-family-name"),
    ("client.given_name", "intake-client-given-name"),
    ("client.middle_name", "intake-client-middle-name"),
    ("client.native_name", "intake-client-native-name"),
    ("client.other_names", "intake-client-other-names"),
    ("client.date_of_birth", "intake-client-date-of-birth"),
    ("client.sex", "intake-client-sex"),
    ("client.country_of_birth", "intake-client-country-of-birth"),
    ("client.nationalities", "intake-client-nationalities"),
    ("client.languages", "intake-client-languages"),
    ("client.interpreter_needed", "intake-client-interpreter"),
    ("client.a_number", "intake-client-a-number"),
    ("client.passport_numbers", "intake-client-passports"),
    ("client.passport_expiry", "intake-client-passport-expiry"),
    ("client.phone", "intake-client-phone"),
    ("client.phone_safe", "intake-client-phone-safe"),
    ("client.email", "intake-client-email"),
    ("client.email_safe", "intake-client-email-safe"),
    ("client.us_address", "intake-client-us-address"),
    ("client.address_safe", "intake-client-address-safe"),
    ("client.messenger", "intake-client-messenger"),
    ("client.messenger_safe", "intake-client-messenger-safe"),
    (
        "client.immigration_status",
        "intake-client-immigration-status",
    ),
    ("entry.last_arrival_on", "intake-entry-last-arrival"),
    ("entry.port_of_entry", "intake-entry-port"),
    ("entry.manner_of_entry", "intake-entry-manner"),
    ("entry.i94_number", "intake-entry-i94"),
    ("entry.class_of_admission", "intake-entry-class"),
    ("entry.parole_expires_on", "intake-entry-parole-expires"),
    ("family.relationship", "intake-family-relationship"),
    ("family.family_name", "intake-family-family-name"),
    ("family.given_name", "intake-family-given-name"),
    ("family.native_name", "intake-family-native-name"),
    ("family.date_of_birth", "intake-family-date-of-birth"),
    ("family.marital_status", "intake-family-marital-status"),
    ("family.in_us", "intake-family-in-us"),
    ("family.derivative", "intake-family-derivative"),
    ("family.safe_to_contact", "intake-family-safe"),
    ("family.notes", "intake-family-notes"),
    // I-589 Part A.II (i589-family.ftl).
    ("family.middle_name", "i589-family-middle-name"),
    ("family.other_names", "i589-family-other-names"),
    ("family.a_number", "i589-family-a-number"),
    ("family.passport_number", "i589-family-passport-number"),
    ("family.ssn", "i589-family-ssn"),
    ("family.sex", "i589-family-sex"),
    ("family.city_of_birth", "i589-family-city-of-birth"),
    ("family.country_of_birth", "i589-family-country-of-birth"),
    ("family.nationality", "i589-family-nationality"),
    ("family.ethnic_group", "i589-family-ethnic-group"),
    ("family.married_on", "i589-family-married-on"),
    ("family.marriage_place", "i589-family-marriage-place"),
    ("family.location", "i589-family-location"),
    ("family.last_entry_place", "i589-family-last-entry-place"),
    ("family.last_entry_on", "i589-family-last-entry-on"),
    ("family.i94_number", "i589-family-i94-number"),
    (
        "family.status_when_admitted",
        "i589-family-status-when-admitted",
    ),
    ("family.current_status", "i589-family-current-status"),
    ("family.status_expires_on", "i589-family-status-expires-on"),
    (
        "family.in_court_proceedings",
        "i589-family-in-court-proceedings",
    ),
    (
        "family.previous_arrival_on",
        "i589-family-previous-arrival-on",
    ),
    ("children.none", "i589-family-no-children"),
    ("journey.from_country", "intake-journey-from-country"),
    ("journey.from_city", "intake-journey-from-city"),
    ("journey.to_country", "intake-journey-to-country"),
    ("journey.to_city", "intake-journey-to-city"),
    ("journey.departed_on", "intake-journey-departed"),
    ("journey.arrived_on", "intake-journey-arrived"),
    ("journey.mode", "intake-journey-mode"),
    ("journey.notes", "intake-journey-notes"),
    ("persecution.occurred_on", "intake-persecution-date"),
    ("persecution.place", "intake-persecution-place"),
    ("persecution.actor", "intake-persecution-actor"),
    ("persecution.description", "intake-persecution-description"),
    (
        "persecution.detention_days",
        "intake-persecution-detention-days",
    ),
    ("persecution.charges", "intake-persecution-charges"),
    ("persecution.outcome", "intake-persecution-outcome"),
    ("persecution.evidence", "intake-persecution-evidence"),
    ("claim.kind", "intake-claim-kind"),
    ("claim.lawyer_id", "intake-claim-lawyer"),
    ("claim.paralegal_id", "intake-claim-paralegal"),
    ("claim_answers.grounds", "i589-grounds"),
    ("claim_answers.past_harm.answer", "i589-past-harm"),
    (
        "claim_answers.past_harm.explanation",
        "i589-past-harm-explanation",
    ),
    ("claim_answers.fear_of_harm.answer", "i589-fear-of-harm"),
    (
        "claim_answers.fear_of_harm.explanation",
        "i589-fear-of-harm-explanation",
    ),
    (
        "claim_answers.arrested_abroad.answer",
        "i589-arrested-abroad",
    ),
    (
        "claim_answers.arrested_abroad.explanation",
        "i589-arrested-abroad-explanation",
    ),
    ("claim_answers.organizations.answer", "i589-organizations"),
    (
        "claim_answers.organizations.explanation",
        "i589-organizations-explanation",
    ),
    (
        "claim_answers.continued_participation.answer",
        "i589-continued-participation",
    ),
    (
        "claim_answers.continued_participation.explanation",
        "i589-continued-participation-explanation",
    ),
    (
        "claim_answers.fear_of_torture.answer",
        "i589-fear-of-torture",
    ),
    (
        "claim_answers.fear_of_torture.explanation",
        "i589-fear-of-torture-explanation",
    ),
    (
        "claim_answers.earlier_applications.answer",
        "i589-earlier-applications",
    ),
    (
        "claim_answers.earlier_applications.explanation",
        "i589-earlier-applications-explanation",
    ),
    (
        "claim_answers.other_countries.answer",
        "i589-other-countries",
    ),
    (
        "claim_answers.other_countries.explanation",
        "i589-other-countries-explanation",
    ),
    (
        "claim_answers.status_elsewhere.answer",
        "i589-status-elsewhere",
    ),
    (
        "claim_answers.status_elsewhere.explanation",
        "i589-status-elsewhere-explanation",
    ),
    ("claim_answers.harmed_others.answer", "i589-harmed-others"),
    (
        "claim_answers.harmed_others.explanation",
        "i589-harmed-others-explanation",
    ),
    ("claim_answers.returned.answer", "i589-returned"),
    (
        "claim_answers.returned.explanation",
        "i589-returned-explanation",
    ),
    (
        "claim_answers.filed_after_one_year.answer",
        "i589-filed-after-one-year",
    ),
    (
        "claim_answers.filed_after_one_year.explanation",
        "i589-filed-after-one-year-explanation",
    ),
    ("claim_answers.crimes_in_us.answer", "i589-crimes-in-us"),
    (
        "claim_answers.crimes_in_us.explanation",
        "i589-crimes-in-us-explanation",
    ),
    // I-589 Part A.III (background). A list by its name labels the list as a whole (where the
    // completeness check's link for an empty one lands).
    ("residences", "background-residence-heading"),
    ("schools", "background-school-heading"),
    ("jobs", "background-job-heading"),
    ("siblings", "background-sibling-heading"),
    (
        "background.last_address.street",
        "background-last-address-street",
    ),
    (
        "background.last_address.city",
        "background-last-address-city",
    ),
    (
        "background.last_address.province",
        "background-last-address-province",
    ),
    (
        "background.last_address.country",
        "background-last-address-country",
    ),
    (
        "background.last_address.from",
        "background-last-address-from",
    ),
    ("background.last_address.to", "background-last-address-to"),
    (
        "background.last_address.to_present",
        "background-last-address-to-present",
    ),
    (
        "background.feared_country_address.street",
        "background-feared-address-street",
    ),
    (
        "background.feared_country_address.city",
        "background-feared-address-city",
    ),
    (
        "background.feared_country_address.province",
        "background-feared-address-province",
    ),
    (
        "background.feared_country_address.country",
        "background-feared-address-country",
    ),
    (
        "background.feared_country_address.from",
        "background-feared-address-from",
    ),
    (
        "background.feared_country_address.to",
        "background-feared-address-to",
    ),
    (
        "background.feared_country_address.to_present",
        "background-feared-address-to-present",
    ),
    ("background.feared_country_same", "background-feared-same"),
    ("background.mother.full_name", "background-mother-full-name"),
    (
        "background.mother.birth_city",
        "background-mother-birth-city",
    ),
    (
        "background.mother.birth_country",
        "background-mother-birth-country",
    ),
    ("background.mother.location", "background-mother-location"),
    ("background.mother.deceased", "background-mother-deceased"),
    ("background.father.full_name", "background-father-full-name"),
    (
        "background.father.birth_city",
        "background-father-birth-city",
    ),
    (
        "background.father.birth_country",
        "background-father-birth-country",
    ),
    ("background.father.location", "background-father-location"),
    ("background.father.deceased", "background-father-deceased"),
    ("background.no_schooling", "background-no-schooling"),
    ("background.no_employment", "background-no-employment"),
    ("background.no_siblings", "background-no-siblings"),
    ("residences.street", "background-residence-street"),
    ("residences.city", "background-residence-city"),
    ("residences.province", "background-residence-province"),
    ("residences.country", "background-residence-country"),
    ("residences.from", "background-residence-from"),
    ("residences.to", "background-residence-to"),
    ("residences.to_present", "background-residence-to-present"),
    ("schools.name", "background-school-name"),
    ("schools.kind", "background-school-kind"),
    ("schools.location", "background-school-location"),
    ("schools.from", "background-school-from"),
    ("schools.to", "background-school-to"),
    ("schools.to_present", "background-school-to-present"),
    ("jobs.employer", "background-job-employer"),
    ("jobs.occupation", "background-job-occupation"),
    ("jobs.from", "background-job-from"),
    ("jobs.to", "background-job-to"),
    ("jobs.to_present", "background-job-to-present"),
    ("siblings.full_name", "background-sibling-full-name"),
    ("siblings.birth_city", "background-sibling-birth-city"),
    ("siblings.birth_country", "background-sibling-birth-country"),
    ("siblings.location", "background-sibling-location"),
    ("siblings.deceased", "background-sibling-deceased"),
    // I-589 Part A.I (issue 16): the applicant's items beyond the client's details.
    ("applicant.ssn", "i589a-ssn"),
    ("applicant.uscis_account_number", "i589a-uscis-account"),
    ("applicant.mailing_same_as_residence", "i589a-mailing-same"),
    ("applicant.mailing_in_care_of", "i589a-mailing-in-care-of"),
    ("applicant.mailing_phone", "i589a-mailing-phone"),
    ("applicant.mailing_street", "i589a-mailing-street"),
    ("applicant.mailing_apartment", "i589a-mailing-apartment"),
    ("applicant.mailing_city", "i589a-mailing-city"),
    ("applicant.mailing_state", "i589a-mailing-state"),
    ("applicant.mailing_zip", "i589a-mailing-zip"),
    ("applicant.marital_status", "i589a-marital-status"),
    ("applicant.city_of_birth", "i589a-city-of-birth"),
    (
        "applicant.nationality_at_birth",
        "i589a-nationality-at-birth",
    ),
    ("applicant.ethnic_group", "i589a-ethnic-group"),
    ("applicant.religion", "i589a-religion"),
    ("applicant.court_proceedings", "i589a-court-proceedings"),
    ("applicant.left_home_country_on", "i589a-left-home-country"),
    (
        "applicant.travel_document_country",
        "i589a-travel-document-country",
    ),
    ("applicant.native_language", "i589a-native-language"),
    ("applicant.native_dialect", "i589a-native-dialect"),
    ("applicant.fluent_in_english", "i589a-fluent-in-english"),
    ("applicant.no_other_languages", "i589a-no-other-languages"),
    // The entries as a whole: where the completeness check's link for item 19c lands.
    ("us_entries", "i589a-entries"),
    ("us_entries.arrived_on", "i589a-entry-arrived"),
    ("us_entries.place", "i589a-entry-place"),
    ("us_entries.status", "i589a-entry-status"),
    ("us_entries.status_expires_on", "i589a-entry-status-expires"),
];

/// The field at `path` whatever its row: `family.2.given_name` → `family.given_name`.
pub fn general_path(path: &str) -> String {
    match path.split('.').collect::<Vec<_>>().as_slice() {
        [section, index, name] if index.parse::<usize>().is_ok() => format!("{section}.{name}"),
        _ => path.to_string(),
    }
}

/// The catalogue key labelling the field at `path` (`client.sex`, `family.2.given_name`).
pub fn label_key(path: &str) -> Option<&'static str> {
    let general = general_path(path);
    FIELD_LABELS
        .iter()
        .find(|(field, _)| *field == general)
        .map(|(_, key)| *key)
}

/// Parses a date as typed: ISO (`2024-02-29`, what date inputs send), or `29.02.2024`.
pub fn parse_date(input: &str) -> Result<Option<NaiveDate>, Message> {
    let input = input.trim();
    if input.is_empty() {
        return Ok(None);
    }
    let date = ["%Y-%m-%d", "%d.%m.%Y"]
        .iter()
        .find_map(|format| NaiveDate::parse_from_str(input, format).ok())
        .ok_or(Message::new("validation-date"))?;
    if chrono::Datelike::year(&date) < EARLIEST_YEAR {
        return Err(Message::new(DATE_TOO_EARLY));
    }
    Ok(Some(date))
}

/// The earliest year a typed date may have: nothing on file, no birth, arrival or hearing,
/// lies before it, and `0001-01-01` is a slip of the keyboard.
pub const EARLIEST_YEAR: i32 = 1900;
/// The message [`parse_date`] answers for a date before [`EARLIEST_YEAR`].
pub const DATE_TOO_EARLY: &str = "validation-date-too-early";

pub(super) fn text(errors: &mut FieldErrors, field: &str, value: &str, max: usize) -> String {
    let value = value.trim();
    if value.chars().count() > max {
        errors.push(field, Message::new("validation-too-long").with("max", max));
    }
    if let Err(message) = text::check_block(value) {
        errors.push(field, message);
    }
    value.replace("\r\n", "\n")
}

impl Intake {
    /// Normalizes and checks an intake, from the form or from JSON. `completing` adds what a
    /// finished intake must have; a draft may be saved with any of it missing. `today` bounds
    /// dates that cannot lie in the future.
    pub fn checked(mut self, completing: bool, today: NaiveDate) -> Result<Intake, FieldErrors> {
        let mut errors = FieldErrors::default();
        let c = &mut self.client;
        c.family_name = text(&mut errors, "client.family_name", &c.family_name, MAX_LINE);
        c.given_name = text(&mut errors, "client.given_name", &c.given_name, MAX_LINE);
        c.middle_name = text(&mut errors, "client.middle_name", &c.middle_name, MAX_LINE);
        c.native_name = text(&mut errors, "client.native_name", &c.native_name, MAX_LINE);
        c.other_names = c
            .other_names
            .iter()
            .map(|n| text(&mut errors, "client.other_names", n, MAX_LINE))
            .filter(|n| !n.is_empty())
            .collect();
        c.passport_numbers = text(
            &mut errors,
            "client.passport_numbers",
            &c.passport_numbers,
            MAX_LINE,
        );
        for (field, value) in [
            ("client.phone", &mut c.phone),
            ("client.email", &mut c.email),
            ("client.messenger", &mut c.messenger),
        ] {
            *value = text(&mut errors, field, value, MAX_LINE);
        }
        c.us_address = text(
            &mut errors,
            "client.us_address",
            &c.us_address,
            MAX_LINE * 2,
        );
        c.country_of_birth = match c.country_of_birth.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(code) => errors
                .check("client.country_of_birth", codes::country(code))
                .map(str::to_string),
        };
        c.nationalities = codes_in(
            &mut errors,
            "client.nationalities",
            &c.nationalities,
            codes::country,
        );
        c.languages = codes_in(
            &mut errors,
            "client.languages",
            &c.languages,
            codes::language,
        );
        c.a_number = match c.a_number.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(raw) => errors
                .check("client.a_number", ANumber::parse(raw))
                .map(|a| a.as_digits().to_string()),
        };
        not_future(&mut errors, "client.date_of_birth", c.date_of_birth, today);
        if !completing
            && [&c.family_name, &c.given_name, &c.native_name]
                .iter()
                .all(|n| n.is_empty())
        {
            // A draft is found again by its client's name; one without any (Enter pressed
            // in a blank form) would be lost in the list.
            errors.push(
                "client.family_name",
                Message::new("intake-draft-needs-name"),
            );
        }
        if completing {
            for (field, value) in [
                ("client.family_name", &c.family_name),
                ("client.given_name", &c.given_name),
                ("client.middle_name", &c.middle_name),
            ] {
                if value.is_empty() {
                    // A missing name is written NONE, never left blank.
                    errors.push(field, Message::new("validation-name-or-none"));
                }
            }
            if c.date_of_birth.is_none() {
                errors.push("client.date_of_birth", Message::new("validation-required"));
            }
            if c.nationalities.is_empty() {
                errors.push("client.nationalities", Message::new("validation-required"));
            }
            if self.claim.kind.is_none() {
                errors.push("claim.kind", Message::new("validation-required"));
            }
            if self.claim.lawyer_id.is_none() {
                errors.push("claim.lawyer_id", Message::new("validation-required"));
            }
        }

        let e = &mut self.entry;
        e.port_of_entry = text(
            &mut errors,
            "entry.port_of_entry",
            &e.port_of_entry,
            MAX_LINE,
        );
        e.i94_number = text(&mut errors, "entry.i94_number", &e.i94_number, MAX_LINE);
        e.class_of_admission = text(
            &mut errors,
            "entry.class_of_admission",
            &e.class_of_admission,
            MAX_LINE,
        );
        not_future(
            &mut errors,
            "entry.last_arrival_on",
            e.last_arrival_on,
            today,
        );

        for section in [
            self.family.len(),
            self.journey.len(),
            self.persecution.len(),
            self.residences.len(),
            self.schools.len(),
            self.jobs.len(),
            self.siblings.len(),
            self.us_entries.len(),
        ] {
            if section > MAX_ROWS {
                errors.push(
                    "rows",
                    Message::new("validation-too-many-rows").with("max", MAX_ROWS),
                );
            }
        }
        for (i, m) in self.family.iter_mut().enumerate() {
            let f = |name: &str| format!("family.{i}.{name}");
            m.family_name = text(&mut errors, &f("family_name"), &m.family_name, MAX_LINE);
            m.given_name = text(&mut errors, &f("given_name"), &m.given_name, MAX_LINE);
            m.native_name = text(&mut errors, &f("native_name"), &m.native_name, MAX_LINE);
            m.notes = text(&mut errors, &f("notes"), &m.notes, MAX_TEXT);
            not_future(&mut errors, &f("date_of_birth"), m.date_of_birth, today);
            if m.relationship.is_none() {
                errors.push(f("relationship"), Message::new("validation-required"));
            }
            if m.given_name.is_empty() && m.native_name.is_empty() {
                errors.push(f("given_name"), Message::new("validation-required"));
            }
            family::check_member(&mut errors, i, m, today);
        }
        family::check_children(&mut errors, &self.children, &self.family);
        for (i, leg) in self.journey.iter_mut().enumerate() {
            let f = |name: &str| format!("journey.{i}.{name}");
            leg.from_city = text(&mut errors, &f("from_city"), &leg.from_city, MAX_LINE);
            leg.to_city = text(&mut errors, &f("to_city"), &leg.to_city, MAX_LINE);
            leg.notes = text(&mut errors, &f("notes"), &leg.notes, MAX_TEXT);
            for (name, code) in [
                ("from_country", &mut leg.from_country),
                ("to_country", &mut leg.to_country),
            ] {
                *code = match code.as_deref().map(str::trim) {
                    None | Some("") => None,
                    Some(raw) => errors
                        .check(f(name), codes::country(raw))
                        .map(str::to_string),
                };
            }
            if let (Some(departed), Some(arrived)) = (leg.departed_on, leg.arrived_on)
                && arrived < departed
            {
                errors.push(
                    f("arrived_on"),
                    Message::new("validation-arrival-before-departure"),
                );
            }
        }
        for (i, event) in self.persecution.iter_mut().enumerate() {
            let f = |name: &str| format!("persecution.{i}.{name}");
            event.place = text(&mut errors, &f("place"), &event.place, MAX_LINE);
            event.description = text(&mut errors, &f("description"), &event.description, MAX_TEXT);
            event.charges = text(&mut errors, &f("charges"), &event.charges, MAX_TEXT);
            event.outcome = text(&mut errors, &f("outcome"), &event.outcome, MAX_TEXT);
            event.evidence = text(&mut errors, &f("evidence"), &event.evidence, MAX_TEXT);
            not_future(&mut errors, &f("occurred_on"), event.occurred_on, today);
            if event
                .detention_days
                .is_some_and(|d| !(0..=36_500).contains(&d))
            {
                errors.push(f("detention_days"), Message::new("validation-number"));
            }
        }
        let answers = &mut self.claim_answers;
        answers.normalize_grounds();
        for question in ClaimQuestion::ALL {
            let field = question.explanation_path();
            let given = answers.get_mut(question);
            given.explanation = text(&mut errors, &field, &given.explanation, MAX_TEXT);
            if completing && given.answer == Answer::Yes && given.explanation.is_empty() {
                // The form asks every "yes" to be explained; a bare yes is sent back.
                errors.push(field, Message::new("validation-i589-explain-yes"));
            }
        }
        BackgroundParts {
            background: &mut self.background,
            residences: &mut self.residences,
            schools: &mut self.schools,
            jobs: &mut self.jobs,
            siblings: &mut self.siblings,
        }
        .check(&mut errors, today);
        self.applicant.check(&mut errors, completing, today, text);
        // Item 25's NONE beside languages listed: one of the two is a mistake.
        if self.applicant.no_other_languages && !self.client.languages.is_empty() {
            errors.push(
                "applicant.no_other_languages",
                Message::new("validation-none-but-listed"),
            );
        }
        applicant::check_entries(&mut self.us_entries, &mut errors, today, text);
        if errors.is_empty() {
            Ok(self)
        } else {
            Err(errors)
        }
    }

    /// Every recorded person's full name, for the search index: the client (all spellings)
    /// and each family member.
    pub fn names(&self) -> Vec<String> {
        let c = &self.client;
        let mut names = vec![
            [
                c.given_name.as_str(),
                c.middle_name.as_str(),
                c.family_name.as_str(),
            ]
            .iter()
            .filter(|part| !part.is_empty() && !part.eq_ignore_ascii_case("none"))
            .copied()
            .collect::<Vec<_>>()
            .join(" "),
            c.native_name.clone(),
        ];
        names.extend(c.other_names.iter().cloned());
        names.retain(|n| !n.trim().is_empty());
        names
    }

    /// The date of the last arrival: the entry's, or else the arrival of the last journey leg.
    pub fn last_arrival(&self) -> Option<NaiveDate> {
        self.entry
            .last_arrival_on
            .or_else(|| self.journey.iter().filter_map(|leg| leg.arrived_on).max())
    }
}

fn codes_in(
    errors: &mut FieldErrors,
    field: &str,
    values: &[String],
    parse: fn(&str) -> Result<&'static str, Message>,
) -> Vec<String> {
    errors
        .check(field, codes::code_list(&values.join(","), parse))
        .map(|codes| codes.into_iter().map(str::to_string).collect())
        .unwrap_or_default()
}

pub(super) fn not_future(
    errors: &mut FieldErrors,
    field: &str,
    date: Option<NaiveDate>,
    today: NaiveDate,
) {
    if date.is_some_and(|d| d > today) {
        errors.push(field, Message::new("validation-date-future"));
    }
}

/// A month that cannot lie in the future (a residence's "from", a job's "to").
pub(super) fn not_future_month(
    errors: &mut FieldErrors,
    field: &str,
    month: Option<YearMonth>,
    today: NaiveDate,
) {
    if month.is_some_and(|m| m > YearMonth::of(today)) {
        errors.push(field, Message::new("validation-date-future"));
    }
}
