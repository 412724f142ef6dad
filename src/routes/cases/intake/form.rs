//! The intake page's form model: what was typed, as text, so that a form with problems comes
//! back with every entry intact. `IntakeForm::parse` turns it into the domain's [`Intake`] of
//! typed values or the list of problems, each named by its field (`family.2.date_of_birth`);
//! `IntakeForm::from_intake` shows a saved one.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::domain::a_number::ANumber;
use crate::domain::applicant::{self, ApplicantDetails, CourtProceedings, UsEntry};
use crate::domain::background::{Address, Background, Job, Relative, School, Until, YearMonth};
use crate::domain::case_stage::ClaimKind;
use crate::domain::claim_answers::{Answer, ClaimAnswers, ClaimQuestion, Ground};
use crate::domain::codes::{
    ImmigrationStatus, MannerOfEntry, MaritalStatus, Persecutor, Relationship, Sex, TravelMode,
};
use crate::domain::family::{self, ChildrenAnswer};
use crate::domain::ids::StaffId;
use crate::domain::intake::{
    ClaimDetails, ClientDetails, EntryDetails, FamilyMember, Intake, JourneyLeg, MAX_ROWS,
    PersecutionEvent, parse_date,
};
use crate::domain::revision::{Answers, IntakeText};
use crate::error::{FieldErrors, Message};

/// The intake form as typed: field path → text. Rows are `family.N.*`, `journey.N.*`,
/// `persecution.N.*`, `us_entries.N.*`; checkboxes are present ("on") or absent.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IntakeForm {
    values: BTreeMap<String, String>,
}

/// A client's revision is reviewed in the staff form's terms: the file as this form shows
/// it, the client's answers laid over it, read back by the form's own parse.
impl IntakeText for IntakeForm {
    fn answers_of(intake: &Intake) -> Answers {
        Self::from_intake(intake).answers()
    }

    fn parse(answers: &Answers) -> Result<Intake, FieldErrors> {
        Self::from_answers(answers).parse()
    }
}

/// The fields that hold a list of codes, each chosen in a picker or ticked in a checkbox
/// of its own.
pub const LIST_FIELDS: [&str; 3] = [
    "client.nationalities",
    "client.languages",
    "claim_answers.grounds",
];

/// The repeated sections of the form.
pub const SECTIONS: [&str; 8] = [
    "family",
    "journey",
    "persecution",
    // I-589 Part A.III.
    "residences",
    "schools",
    "jobs",
    "siblings",
    // I-589 A.I.19c.
    "us_entries",
];

/// The entries of a list field's text, in order (`"RU, UA"` → `["RU", "UA"]`).
pub fn entries(text: &str) -> Vec<&str> {
    text.split([',', ';', '\n'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect()
}

/// A choice that may be left empty: `None` when it is, else the parse of what was chosen.
fn optional<T>(raw: &str, parse: fn(&str) -> Result<T, Message>) -> Result<Option<T>, Message> {
    let raw = raw.trim();
    if raw.is_empty() {
        Ok(None)
    } else {
        parse(raw).map(Some)
    }
}

/// Whether a checkbox's text says it is ticked.
pub fn is_ticked(text: &str) -> bool {
    matches!(text, "on" | "true" | "1")
}

impl IntakeForm {
    /// From submitted pairs; anything that is not an intake field (the CSRF token, the
    /// button pressed) is left out.
    ///
    /// A list field ([`LIST_FIELDS`]) comes as one picker per entry, all with the same name:
    /// its chosen values are kept together, comma-separated, as if typed into one box.
    pub fn from_pairs(pairs: impl IntoIterator<Item = (String, String)>) -> Self {
        let mut values: BTreeMap<String, String> = BTreeMap::new();
        for (name, value) in pairs.into_iter().filter(|(name, _)| name.contains('.')) {
            if !LIST_FIELDS.contains(&name.as_str()) {
                values.insert(name, value);
                continue;
            }
            if value.trim().is_empty() {
                continue;
            }
            match values.get_mut(&name) {
                Some(list) => {
                    list.push_str(", ");
                    list.push_str(value.trim());
                }
                None => {
                    values.insert(name, value.trim().to_string());
                }
            }
        }
        Self { values }
    }

    /// The entries of a list field as chosen, in order (`"RU, UA"` → `["RU", "UA"]`).
    pub fn list(&self, field: &str) -> Vec<&str> {
        entries(self.value(field))
    }

    /// The typed pairs, for keeping the form aside (a client's answers waiting for review).
    pub fn answers(&self) -> Answers {
        self.values.clone().into_iter().collect()
    }

    /// A form kept aside, as it was typed.
    pub fn from_answers(answers: &Answers) -> Self {
        Self {
            values: answers
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
        }
    }

    pub fn value(&self, field: &str) -> &str {
        self.values.get(field).map_or("", String::as_str)
    }

    pub fn checked(&self, field: &str) -> bool {
        is_ticked(self.value(field))
    }

    fn set(&mut self, field: String, value: impl Into<String>) {
        let value = value.into();
        if value.is_empty() {
            self.values.remove(&field);
        } else {
            self.values.insert(field, value);
        }
    }

    /// How many rows a section has (the highest row index present, plus one).
    pub fn rows(&self, section: &str) -> usize {
        let prefix = format!("{section}.");
        self.values
            .keys()
            .filter_map(|k| {
                k.strip_prefix(&prefix)?
                    .split('.')
                    .next()?
                    .parse::<usize>()
                    .ok()
            })
            .map(|i| i + 1)
            .max()
            .unwrap_or(0)
            .min(MAX_ROWS + 1)
    }

    /// Adds an empty row to a section (one placeholder value keeps it counted).
    pub fn add_row(&mut self, section: &str) {
        let index = self.rows(section);
        if index < MAX_ROWS {
            self.values
                .insert(format!("{section}.{index}.row"), "new".into());
        }
    }

    fn take_row(&mut self, section: &str, index: usize) -> BTreeMap<String, String> {
        let prefix = format!("{section}.{index}.");
        let keys: Vec<String> = self
            .values
            .keys()
            .filter(|k| k.starts_with(&prefix))
            .cloned()
            .collect();
        keys.into_iter()
            .filter_map(|k| {
                let value = self.values.remove(&k)?;
                Some((k[prefix.len()..].to_string(), value))
            })
            .collect()
    }

    fn put_row(&mut self, section: &str, index: usize, row: BTreeMap<String, String>) {
        for (name, value) in row {
            self.values
                .insert(format!("{section}.{index}.{name}"), value);
        }
    }

    pub fn remove_row(&mut self, section: &str, index: usize) {
        let count = self.rows(section);
        if index >= count {
            return;
        }
        self.take_row(section, index);
        for i in index + 1..count {
            let row = self.take_row(section, i);
            self.put_row(section, i - 1, row);
        }
    }

    /// Swaps a row with the one before it.
    pub fn move_row_up(&mut self, section: &str, index: usize) {
        if index == 0 || index >= self.rows(section) {
            return;
        }
        let upper = self.take_row(section, index - 1);
        let lower = self.take_row(section, index);
        self.put_row(section, index - 1, lower);
        self.put_row(section, index, upper);
    }

    /// Parses the typed text into an intake, or names every field that does not parse.
    pub fn parse(&self) -> Result<Intake, FieldErrors> {
        let mut errors = FieldErrors::default();
        let date = |errors: &mut FieldErrors, field: &str| -> Option<NaiveDate> {
            errors.check(field, parse_date(self.value(field))).flatten()
        };
        let choice =
            |errors: &mut FieldErrors, field: &str, parse: &dyn Fn(&str) -> Result<(), Message>| {
                let raw = self.value(field).trim();
                if !raw.is_empty() {
                    errors.check(field, parse(raw));
                }
            };
        let list = |field: &str| -> Vec<String> {
            self.list(field).into_iter().map(str::to_string).collect()
        };
        let opt =
            |field: &str| Some(self.value(field).trim().to_string()).filter(|v| !v.is_empty());

        // Vocabularies are parsed twice (here for the message, below for the value): the
        // parse is a match on a short string, the clarity is worth it.
        choice(&mut errors, "client.sex", &|v| Sex::parse(v).map(|_| ()));
        choice(&mut errors, "client.immigration_status", &|v| {
            ImmigrationStatus::parse(v).map(|_| ())
        });
        choice(&mut errors, "entry.manner_of_entry", &|v| {
            MannerOfEntry::parse(v).map(|_| ())
        });
        choice(&mut errors, "claim.kind", &|v| {
            ClaimKind::parse(v).map(|_| ())
        });
        let staff = |errors: &mut FieldErrors, field: &str| -> Option<StaffId> {
            let raw = self.value(field).trim();
            if raw.is_empty() {
                return None;
            }
            errors.check(
                field,
                raw.parse().map_err(|_| Message::new("validation-staff")),
            )
        };

        let client = ClientDetails {
            family_name: self.value("client.family_name").into(),
            given_name: self.value("client.given_name").into(),
            middle_name: self.value("client.middle_name").into(),
            native_name: self.value("client.native_name").into(),
            other_names: self
                .value("client.other_names")
                .lines()
                .map(str::to_string)
                .collect(),
            date_of_birth: date(&mut errors, "client.date_of_birth"),
            sex: Sex::parse(self.value("client.sex")).ok(),
            country_of_birth: opt("client.country_of_birth"),
            nationalities: list("client.nationalities"),
            languages: list("client.languages"),
            interpreter_needed: self.checked("client.interpreter_needed"),
            a_number: opt("client.a_number"),
            passport_numbers: self.value("client.passport_numbers").into(),
            passport_expiry: date(&mut errors, "client.passport_expiry"),
            phone: self.value("client.phone").into(),
            phone_safe: self.checked("client.phone_safe"),
            email: self.value("client.email").into(),
            email_safe: self.checked("client.email_safe"),
            us_address: self.value("client.us_address").into(),
            address_safe: self.checked("client.address_safe"),
            messenger: self.value("client.messenger").into(),
            messenger_safe: self.checked("client.messenger_safe"),
            immigration_status: ImmigrationStatus::parse(self.value("client.immigration_status"))
                .ok(),
        };
        let entry = EntryDetails {
            last_arrival_on: date(&mut errors, "entry.last_arrival_on"),
            port_of_entry: self.value("entry.port_of_entry").into(),
            manner_of_entry: MannerOfEntry::parse(self.value("entry.manner_of_entry")).ok(),
            i94_number: self.value("entry.i94_number").into(),
            class_of_admission: self.value("entry.class_of_admission").into(),
            parole_expires_on: date(&mut errors, "entry.parole_expires_on"),
        };

        let mut family = Vec::new();
        for i in 0..self.rows("family") {
            let f = |name: &str| format!("family.{i}.{name}");
            if self.row_is_blank("family", i) {
                continue;
            }
            choice(&mut errors, &f("relationship"), &|v| {
                Relationship::parse(v).map(|_| ())
            });
            choice(&mut errors, &f("marital_status"), &|v| {
                MaritalStatus::parse(v).map(|_| ())
            });
            family.push(FamilyMember {
                relationship: Relationship::parse(self.value(&f("relationship"))).ok(),
                family_name: self.value(&f("family_name")).into(),
                given_name: self.value(&f("given_name")).into(),
                native_name: self.value(&f("native_name")).into(),
                date_of_birth: date(&mut errors, &f("date_of_birth")),
                marital_status: MaritalStatus::parse(self.value(&f("marital_status"))).ok(),
                in_us: self.checked(&f("in_us")),
                derivative: self.checked(&f("derivative")),
                safe_to_contact: self.checked(&f("safe_to_contact")),
                notes: self.value(&f("notes")).into(),
                // I-589 Part A.II.
                middle_name: self.value(&f("middle_name")).into(),
                other_names: self
                    .value(&f("other_names"))
                    .lines()
                    .map(str::to_string)
                    .collect(),
                a_number: self.value(&f("a_number")).into(),
                passport_number: self.value(&f("passport_number")).into(),
                ssn: self.value(&f("ssn")).into(),
                sex: errors
                    .check(f("sex"), optional(self.value(&f("sex")), Sex::parse))
                    .flatten(),
                city_of_birth: self.value(&f("city_of_birth")).into(),
                country_of_birth: opt(&f("country_of_birth")),
                nationality: opt(&f("nationality")),
                ethnic_group: self.value(&f("ethnic_group")).into(),
                married_on: date(&mut errors, &f("married_on")),
                marriage_place: self.value(&f("marriage_place")).into(),
                location: self.value(&f("location")).into(),
                last_entry_place: self.value(&f("last_entry_place")).into(),
                last_entry_on: date(&mut errors, &f("last_entry_on")),
                i94_number: self.value(&f("i94_number")).into(),
                status_when_admitted: self.value(&f("status_when_admitted")).into(),
                current_status: self.value(&f("current_status")).into(),
                status_expires_on: date(&mut errors, &f("status_expires_on")),
                in_court_proceedings: errors
                    .check(
                        f("in_court_proceedings"),
                        Answer::parse(self.value(&f("in_court_proceedings"))),
                    )
                    .unwrap_or_default(),
                previous_arrival_on: date(&mut errors, &f("previous_arrival_on")),
            });
        }
        let mut journey = Vec::new();
        for i in 0..self.rows("journey") {
            let f = |name: &str| format!("journey.{i}.{name}");
            if self.row_is_blank("journey", i) {
                continue;
            }
            choice(&mut errors, &f("mode"), &|v| {
                TravelMode::parse(v).map(|_| ())
            });
            journey.push(JourneyLeg {
                from_country: opt(&f("from_country")),
                from_city: self.value(&f("from_city")).into(),
                to_country: opt(&f("to_country")),
                to_city: self.value(&f("to_city")).into(),
                departed_on: date(&mut errors, &f("departed_on")),
                arrived_on: date(&mut errors, &f("arrived_on")),
                mode: TravelMode::parse(self.value(&f("mode"))).ok(),
                notes: self.value(&f("notes")).into(),
            });
        }
        let mut persecution = Vec::new();
        for i in 0..self.rows("persecution") {
            let f = |name: &str| format!("persecution.{i}.{name}");
            if self.row_is_blank("persecution", i) {
                continue;
            }
            choice(&mut errors, &f("actor"), &|v| {
                Persecutor::parse(v).map(|_| ())
            });
            let days = self.value(&f("detention_days")).trim();
            let detention_days = if days.is_empty() {
                None
            } else {
                errors.check(
                    f("detention_days"),
                    days.parse::<i32>()
                        .map_err(|_| Message::new("validation-number")),
                )
            };
            persecution.push(PersecutionEvent {
                occurred_on: date(&mut errors, &f("occurred_on")),
                place: self.value(&f("place")).into(),
                actor: Persecutor::parse(self.value(&f("actor"))).ok(),
                description: self.value(&f("description")).into(),
                detention_days,
                charges: self.value(&f("charges")).into(),
                outcome: self.value(&f("outcome")).into(),
                evidence: self.value(&f("evidence")).into(),
            });
        }
        let claim = ClaimDetails {
            kind: ClaimKind::parse(self.value("claim.kind")).ok(),
            lawyer_id: staff(&mut errors, "claim.lawyer_id"),
            paralegal_id: staff(&mut errors, "claim.paralegal_id"),
        };
        let mut claim_answers = ClaimAnswers {
            grounds: self
                .list("claim_answers.grounds")
                .into_iter()
                .filter_map(|code| errors.check("claim_answers.grounds", Ground::parse(code)))
                .collect(),
            ..ClaimAnswers::default()
        };
        for question in ClaimQuestion::ALL {
            let field = question.answer_path();
            let answer = errors
                .check(&field, Answer::parse(self.value(&field)))
                .unwrap_or_default();
            let given = claim_answers.get_mut(question);
            given.answer = answer;
            given.explanation = self.value(&question.explanation_path()).into();
        }
        let background = self.background(&mut errors);
        // I-589 Part A.I beyond the client's details.
        choice(&mut errors, "applicant.marital_status", &|v| {
            MaritalStatus::parse(v).map(|_| ())
        });
        choice(&mut errors, "applicant.court_proceedings", &|v| {
            CourtProceedings::parse(v).map(|_| ())
        });
        let answer = |errors: &mut FieldErrors, field: &str| -> Answer {
            errors
                .check(field, Answer::parse(self.value(field)))
                .unwrap_or_default()
        };
        let applicant = ApplicantDetails {
            ssn: self.value("applicant.ssn").into(),
            uscis_account_number: self.value("applicant.uscis_account_number").into(),
            mailing_same_as_residence: answer(&mut errors, "applicant.mailing_same_as_residence"),
            mailing_in_care_of: self.value("applicant.mailing_in_care_of").into(),
            mailing_phone: self.value("applicant.mailing_phone").into(),
            mailing_street: self.value("applicant.mailing_street").into(),
            mailing_apartment: self.value("applicant.mailing_apartment").into(),
            mailing_city: self.value("applicant.mailing_city").into(),
            mailing_state: self.value("applicant.mailing_state").into(),
            mailing_zip: self.value("applicant.mailing_zip").into(),
            marital_status: MaritalStatus::parse(self.value("applicant.marital_status")).ok(),
            city_of_birth: self.value("applicant.city_of_birth").into(),
            nationality_at_birth: opt("applicant.nationality_at_birth"),
            ethnic_group: self.value("applicant.ethnic_group").into(),
            religion: self.value("applicant.religion").into(),
            court_proceedings: CourtProceedings::parse(self.value("applicant.court_proceedings"))
                .ok(),
            left_home_country_on: date(&mut errors, "applicant.left_home_country_on"),
            travel_document_country: opt("applicant.travel_document_country"),
            native_language: opt("applicant.native_language"),
            native_dialect: self.value("applicant.native_dialect").into(),
            fluent_in_english: answer(&mut errors, "applicant.fluent_in_english"),
            no_other_languages: self.checked("applicant.no_other_languages"),
        };
        let mut us_entries = Vec::new();
        for i in 0..self.rows("us_entries") {
            let f = |name: &str| format!("us_entries.{i}.{name}");
            if self.row_is_blank("us_entries", i) {
                continue;
            }
            us_entries.push(UsEntry {
                arrived_on: date(&mut errors, &f("arrived_on")),
                place: self.value(&f("place")).into(),
                status: self.value(&f("status")).into(),
                status_expires_on: date(&mut errors, &f("status_expires_on")),
            });
        }
        if errors.is_empty() {
            Ok(Intake {
                client,
                entry,
                family,
                journey,
                persecution,
                claim,
                claim_answers,
                children: ChildrenAnswer {
                    none: self.checked("children.none"),
                },
                background: background.background,
                residences: background.residences,
                schools: background.schools,
                jobs: background.jobs,
                siblings: background.siblings,
                applicant,
                us_entries,
            })
        } else {
            Err(errors)
        }
    }

    /// A month as typed (`2019-04`, `04/2019`), if any.
    fn month(&self, errors: &mut FieldErrors, field: &str) -> Option<YearMonth> {
        let raw = self.value(field).trim();
        if raw.is_empty() {
            return None;
        }
        errors.check(field, YearMonth::parse(raw))
    }

    /// Where a period of `prefix` ends: its "to" month, or its box "to present".
    fn until(&self, errors: &mut FieldErrors, prefix: &str) -> Option<Until> {
        let field = format!("{prefix}.to");
        let present = self.checked(&format!("{prefix}.to_present"));
        match (present, self.value(&field).trim().is_empty()) {
            (true, true) => Some(Until::Present),
            (true, false) => {
                errors.push(field, Message::new("validation-month-or-present"));
                None
            }
            (false, _) => self.month(errors, &field).map(Until::Month),
        }
    }

    fn address(&self, errors: &mut FieldErrors, prefix: &str) -> Address {
        let f = |name: &str| format!("{prefix}.{name}");
        Address {
            street: self.value(&f("street")).into(),
            city: self.value(&f("city")).into(),
            province: self.value(&f("province")).into(),
            country: Some(self.value(&f("country")).trim().to_string()).filter(|c| !c.is_empty()),
            from: self.month(errors, &f("from")),
            to: self.until(errors, prefix),
        }
    }

    fn relative(&self, prefix: &str) -> Relative {
        let f = |name: &str| format!("{prefix}.{name}");
        Relative {
            full_name: self.value(&f("full_name")).into(),
            birth_city: self.value(&f("birth_city")).into(),
            birth_country: Some(self.value(&f("birth_country")).trim().to_string())
                .filter(|c| !c.is_empty()),
            location: self.value(&f("location")).into(),
            deceased: self.checked(&f("deceased")),
        }
    }

    /// The filled rows of a section, each read by `row` from its prefix (`schools.2`).
    fn filled_rows<T>(&self, section: &str, mut row: impl FnMut(&str) -> T) -> Vec<T> {
        (0..self.rows(section))
            .filter(|i| !self.row_is_blank(section, *i))
            .map(|i| row(&format!("{section}.{i}")))
            .collect()
    }

    /// Part A.III as typed.
    fn background(&self, errors: &mut FieldErrors) -> BackgroundForm {
        let background = Background {
            last_address: self.address(errors, "background.last_address"),
            feared_country_address: self.address(errors, "background.feared_country_address"),
            feared_country_same: self.checked("background.feared_country_same"),
            no_schooling: self.checked("background.no_schooling"),
            no_employment: self.checked("background.no_employment"),
            mother: self.relative("background.mother"),
            father: self.relative("background.father"),
            no_siblings: self.checked("background.no_siblings"),
        };
        let residences = self.filled_rows("residences", |p| self.address(errors, p));
        let schools = self.filled_rows("schools", |p| School {
            name: self.value(&format!("{p}.name")).into(),
            kind: self.value(&format!("{p}.kind")).into(),
            location: self.value(&format!("{p}.location")).into(),
            from: self.month(errors, &format!("{p}.from")),
            to: self.until(errors, p),
        });
        let jobs = self.filled_rows("jobs", |p| Job {
            employer: self.value(&format!("{p}.employer")).into(),
            occupation: self.value(&format!("{p}.occupation")).into(),
            from: self.month(errors, &format!("{p}.from")),
            to: self.until(errors, p),
        });
        let siblings = self.filled_rows("siblings", |p| self.relative(p));
        BackgroundForm {
            background,
            residences,
            schools,
            jobs,
            siblings,
        }
    }

    /// Shows a period's months; a "to" of present ticks its box.
    fn show_period(&mut self, prefix: &str, from: Option<YearMonth>, to: Option<Until>) {
        let month = |m: Option<YearMonth>| m.map(|m| m.to_string()).unwrap_or_default();
        self.set(format!("{prefix}.from"), month(from));
        self.set(format!("{prefix}.to"), month(to.and_then(Until::month)));
        let present = if to == Some(Until::Present) { "on" } else { "" };
        self.set(format!("{prefix}.to_present"), present);
    }

    fn show_address(&mut self, prefix: &str, a: &Address) {
        self.set(format!("{prefix}.street"), a.street.clone());
        self.set(format!("{prefix}.city"), a.city.clone());
        self.set(format!("{prefix}.province"), a.province.clone());
        self.set(
            format!("{prefix}.country"),
            a.country.clone().unwrap_or_default(),
        );
        self.show_period(prefix, a.from, a.to);
    }

    fn show_relative(&mut self, prefix: &str, r: &Relative) {
        self.set(format!("{prefix}.full_name"), r.full_name.clone());
        self.set(format!("{prefix}.birth_city"), r.birth_city.clone());
        self.set(
            format!("{prefix}.birth_country"),
            r.birth_country.clone().unwrap_or_default(),
        );
        self.set(format!("{prefix}.location"), r.location.clone());
        self.set(
            format!("{prefix}.deceased"),
            if r.deceased { "on" } else { "" },
        );
    }

    /// Shows Part A.III of a saved intake.
    fn show_background(&mut self, intake: &Intake) {
        let b = &intake.background;
        self.show_address("background.last_address", &b.last_address);
        self.show_address(
            "background.feared_country_address",
            &b.feared_country_address,
        );
        self.show_relative("background.mother", &b.mother);
        self.show_relative("background.father", &b.father);
        for (field, ticked) in [
            ("background.feared_country_same", b.feared_country_same),
            ("background.no_schooling", b.no_schooling),
            ("background.no_employment", b.no_employment),
            ("background.no_siblings", b.no_siblings),
        ] {
            self.set(field.to_string(), if ticked { "on" } else { "" });
        }
        for (i, a) in intake.residences.iter().enumerate() {
            self.set(format!("residences.{i}.row"), "saved");
            self.show_address(&format!("residences.{i}"), a);
        }
        for (i, school) in intake.schools.iter().enumerate() {
            let p = format!("schools.{i}");
            self.set(format!("{p}.row"), "saved");
            self.set(format!("{p}.name"), school.name.clone());
            self.set(format!("{p}.kind"), school.kind.clone());
            self.set(format!("{p}.location"), school.location.clone());
            self.show_period(&p, school.from, school.to);
        }
        for (i, job) in intake.jobs.iter().enumerate() {
            let p = format!("jobs.{i}");
            self.set(format!("{p}.row"), "saved");
            self.set(format!("{p}.employer"), job.employer.clone());
            self.set(format!("{p}.occupation"), job.occupation.clone());
            self.show_period(&p, job.from, job.to);
        }
        for (i, sibling) in intake.siblings.iter().enumerate() {
            self.set(format!("siblings.{i}.row"), "saved");
            self.show_relative(&format!("siblings.{i}"), sibling);
        }
    }

    /// Whether nothing but the placeholder was typed into a row.
    fn row_is_blank(&self, section: &str, index: usize) -> bool {
        let prefix = format!("{section}.{index}.");
        self.values
            .iter()
            .filter(|(k, _)| k.starts_with(&prefix) && !k.ends_with(".row"))
            .all(|(_, v)| v.trim().is_empty())
    }

    /// The form showing a saved intake.
    pub fn from_intake(intake: &Intake) -> Self {
        let mut form = Self::default();
        let date = |d: Option<NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
        let flag = |b: bool| if b { "on" } else { "" };
        let c = &intake.client;
        for (field, value) in [
            ("client.family_name", c.family_name.clone()),
            ("client.given_name", c.given_name.clone()),
            ("client.middle_name", c.middle_name.clone()),
            ("client.native_name", c.native_name.clone()),
            ("client.other_names", c.other_names.join("\n")),
            ("client.date_of_birth", date(c.date_of_birth)),
            (
                "client.sex",
                c.sex.map(|s| s.as_str().to_string()).unwrap_or_default(),
            ),
            (
                "client.country_of_birth",
                c.country_of_birth.clone().unwrap_or_default(),
            ),
            ("client.nationalities", c.nationalities.join(", ")),
            ("client.languages", c.languages.join(", ")),
            (
                "client.interpreter_needed",
                flag(c.interpreter_needed).into(),
            ),
            (
                "client.a_number",
                c.a_number
                    .as_deref()
                    .and_then(|a| ANumber::parse(a).ok())
                    .map(|a| a.to_string())
                    .unwrap_or_default(),
            ),
            ("client.passport_numbers", c.passport_numbers.clone()),
            ("client.passport_expiry", date(c.passport_expiry)),
            ("client.phone", c.phone.clone()),
            ("client.phone_safe", flag(c.phone_safe).into()),
            ("client.email", c.email.clone()),
            ("client.email_safe", flag(c.email_safe).into()),
            ("client.us_address", c.us_address.clone()),
            ("client.address_safe", flag(c.address_safe).into()),
            ("client.messenger", c.messenger.clone()),
            ("client.messenger_safe", flag(c.messenger_safe).into()),
            (
                "client.immigration_status",
                c.immigration_status
                    .map(|s| s.as_str().to_string())
                    .unwrap_or_default(),
            ),
            ("entry.last_arrival_on", date(intake.entry.last_arrival_on)),
            ("entry.port_of_entry", intake.entry.port_of_entry.clone()),
            (
                "entry.manner_of_entry",
                intake
                    .entry
                    .manner_of_entry
                    .map(|m| m.as_str().to_string())
                    .unwrap_or_default(),
            ),
            ("entry.i94_number", intake.entry.i94_number.clone()),
            (
                "entry.class_of_admission",
                intake.entry.class_of_admission.clone(),
            ),
            (
                "entry.parole_expires_on",
                date(intake.entry.parole_expires_on),
            ),
            (
                "claim.kind",
                intake
                    .claim
                    .kind
                    .map(|k| k.as_str().to_string())
                    .unwrap_or_default(),
            ),
            (
                "claim.lawyer_id",
                intake
                    .claim
                    .lawyer_id
                    .map(|id| id.to_string())
                    .unwrap_or_default(),
            ),
            (
                "claim.paralegal_id",
                intake
                    .claim
                    .paralegal_id
                    .map(|id| id.to_string())
                    .unwrap_or_default(),
            ),
        ] {
            form.set(field.to_string(), value);
        }
        let answers = &intake.claim_answers;
        form.set(
            "claim_answers.grounds".into(),
            answers
                .grounds
                .iter()
                .map(|g| g.as_str())
                .collect::<Vec<_>>()
                .join(", "),
        );
        for (question, given) in answers.questions() {
            let answer = match given.answer {
                Answer::Unanswered => "",
                other => other.as_str(),
            };
            form.set(question.answer_path(), answer);
            form.set(question.explanation_path(), given.explanation.clone());
        }
        let a = &intake.applicant;
        let answer = |given: Answer| match given {
            Answer::Unanswered => "",
            other => other.as_str(),
        };
        for (field, value) in [
            ("applicant.ssn", applicant::ssn_shown(&a.ssn)),
            (
                "applicant.uscis_account_number",
                a.uscis_account_number.clone(),
            ),
            (
                "applicant.mailing_same_as_residence",
                answer(a.mailing_same_as_residence).into(),
            ),
            ("applicant.mailing_in_care_of", a.mailing_in_care_of.clone()),
            ("applicant.mailing_phone", a.mailing_phone.clone()),
            ("applicant.mailing_street", a.mailing_street.clone()),
            ("applicant.mailing_apartment", a.mailing_apartment.clone()),
            ("applicant.mailing_city", a.mailing_city.clone()),
            ("applicant.mailing_state", a.mailing_state.clone()),
            ("applicant.mailing_zip", a.mailing_zip.clone()),
            (
                "applicant.marital_status",
                a.marital_status
                    .map(|m| m.as_str().to_string())
                    .unwrap_or_default(),
            ),
            ("applicant.city_of_birth", a.city_of_birth.clone()),
            (
                "applicant.nationality_at_birth",
                a.nationality_at_birth.clone().unwrap_or_default(),
            ),
            ("applicant.ethnic_group", a.ethnic_group.clone()),
            ("applicant.religion", a.religion.clone()),
            (
                "applicant.court_proceedings",
                a.court_proceedings
                    .map(|c| c.as_str().to_string())
                    .unwrap_or_default(),
            ),
            (
                "applicant.left_home_country_on",
                date(a.left_home_country_on),
            ),
            (
                "applicant.travel_document_country",
                a.travel_document_country.clone().unwrap_or_default(),
            ),
            (
                "applicant.native_language",
                a.native_language.clone().unwrap_or_default(),
            ),
            ("applicant.native_dialect", a.native_dialect.clone()),
            (
                "applicant.fluent_in_english",
                answer(a.fluent_in_english).into(),
            ),
            (
                "applicant.no_other_languages",
                if a.no_other_languages { "on" } else { "" }.into(),
            ),
        ] {
            form.set(field.to_string(), value);
        }
        for (i, e) in intake.us_entries.iter().enumerate() {
            form.values
                .insert(format!("us_entries.{i}.row"), "saved".into());
            for (name, value) in [
                ("arrived_on", date(e.arrived_on)),
                ("place", e.place.clone()),
                ("status", e.status.clone()),
                ("status_expires_on", date(e.status_expires_on)),
            ] {
                form.set(format!("us_entries.{i}.{name}"), value);
            }
        }
        for (i, m) in intake.family.iter().enumerate() {
            form.values
                .insert(format!("family.{i}.row"), "saved".into());
            for (name, value) in [
                (
                    "relationship",
                    m.relationship
                        .map(|r| r.as_str().to_string())
                        .unwrap_or_default(),
                ),
                ("family_name", m.family_name.clone()),
                ("given_name", m.given_name.clone()),
                ("native_name", m.native_name.clone()),
                ("date_of_birth", date(m.date_of_birth)),
                (
                    "marital_status",
                    m.marital_status
                        .map(|s| s.as_str().to_string())
                        .unwrap_or_default(),
                ),
                ("in_us", flag(m.in_us).into()),
                ("derivative", flag(m.derivative).into()),
                ("safe_to_contact", flag(m.safe_to_contact).into()),
                ("notes", m.notes.clone()),
                // I-589 Part A.II.
                ("middle_name", m.middle_name.clone()),
                ("other_names", m.other_names.join("\n")),
                ("a_number", family::a_number_shown(&m.a_number)),
                ("passport_number", m.passport_number.clone()),
                ("ssn", m.ssn.clone()),
                (
                    "sex",
                    m.sex.map(|s| s.as_str().to_string()).unwrap_or_default(),
                ),
                ("city_of_birth", m.city_of_birth.clone()),
                (
                    "country_of_birth",
                    m.country_of_birth.clone().unwrap_or_default(),
                ),
                ("nationality", m.nationality.clone().unwrap_or_default()),
                ("ethnic_group", m.ethnic_group.clone()),
                ("married_on", date(m.married_on)),
                ("marriage_place", m.marriage_place.clone()),
                ("location", m.location.clone()),
                ("last_entry_place", m.last_entry_place.clone()),
                ("last_entry_on", date(m.last_entry_on)),
                ("i94_number", m.i94_number.clone()),
                ("status_when_admitted", m.status_when_admitted.clone()),
                ("current_status", m.current_status.clone()),
                ("status_expires_on", date(m.status_expires_on)),
                (
                    "in_court_proceedings",
                    match m.in_court_proceedings {
                        Answer::Unanswered => String::new(),
                        other => other.as_str().to_string(),
                    },
                ),
                ("previous_arrival_on", date(m.previous_arrival_on)),
            ] {
                form.set(format!("family.{i}.{name}"), value);
            }
        }
        form.set(
            "children.none".into(),
            flag(intake.children.none).to_string(),
        );
        for (i, leg) in intake.journey.iter().enumerate() {
            form.values
                .insert(format!("journey.{i}.row"), "saved".into());
            for (name, value) in [
                ("from_country", leg.from_country.clone().unwrap_or_default()),
                ("from_city", leg.from_city.clone()),
                ("to_country", leg.to_country.clone().unwrap_or_default()),
                ("to_city", leg.to_city.clone()),
                ("departed_on", date(leg.departed_on)),
                ("arrived_on", date(leg.arrived_on)),
                (
                    "mode",
                    leg.mode.map(|m| m.as_str().to_string()).unwrap_or_default(),
                ),
                ("notes", leg.notes.clone()),
            ] {
                form.set(format!("journey.{i}.{name}"), value);
            }
        }
        for (i, e) in intake.persecution.iter().enumerate() {
            form.values
                .insert(format!("persecution.{i}.row"), "saved".into());
            for (name, value) in [
                ("occurred_on", date(e.occurred_on)),
                ("place", e.place.clone()),
                (
                    "actor",
                    e.actor.map(|a| a.as_str().to_string()).unwrap_or_default(),
                ),
                ("description", e.description.clone()),
                (
                    "detention_days",
                    e.detention_days.map(|d| d.to_string()).unwrap_or_default(),
                ),
                ("charges", e.charges.clone()),
                ("outcome", e.outcome.clone()),
                ("evidence", e.evidence.clone()),
            ] {
                form.set(format!("persecution.{i}.{name}"), value);
            }
        }
        form.show_background(intake);
        form
    }
}

/// Part A.III as parsed from the form, before it joins the intake.
struct BackgroundForm {
    background: Background,
    residences: Vec<Address>,
    schools: Vec<School>,
    jobs: Vec<Job>,
    siblings: Vec<Relative>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::intake::MAX_TEXT;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 24).unwrap()
    }

    fn form(pairs: &[(&str, &str)]) -> IntakeForm {
        IntakeForm::from_pairs(pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())))
    }

    fn complete_pairs() -> Vec<(&'static str, &'static str)> {
        vec![
            ("client.family_name", "Shcherbakov"),
            ("client.given_name", "Yevgeniy"),
            ("client.middle_name", "NONE"),
            ("client.native_name", "Евгений Щербаков"),
            ("client.date_of_birth", "1984-03-12"),
            ("client.nationalities", "ru"),
            ("client.a_number", "A 12 345 678"),
            ("entry.last_arrival_on", "15.01.2026"),
            ("claim.kind", "defensive"),
            ("claim.lawyer_id", "7c0f4a4e-8a51-4c4e-9a3b-2d52d1f0a111"),
            ("journey.0.from_city", "Moscow"),
            ("journey.0.to_city", "Zürich"),
            ("journey.0.mode", "air"),
            ("journey.1.from_city", "Tijuana"),
            ("journey.1.to_city", "San Ysidro"),
            ("journey.1.mode", "on_foot"),
            ("persecution.0.place", "Moscow"),
            ("persecution.0.actor", "police"),
            ("persecution.0.detention_days", "3"),
            ("claim_answers.grounds", "political_opinion"),
            ("claim_answers.grounds", "torture"),
            ("claim_answers.past_harm.answer", "yes"),
            (
                "claim_answers.past_harm.explanation",
                "Detained after the protest",
            ),
            ("claim_answers.earlier_applications.answer", "no"),
            ("csrf_token", "ignored"),
        ]
    }

    #[test]
    fn a_complete_form_parses_and_normalizes() {
        let intake = form(&complete_pairs())
            .parse()
            .unwrap()
            .checked(true, today())
            .unwrap();
        assert_eq!(intake.client.a_number.as_deref(), Some("012345678"));
        assert_eq!(intake.client.nationalities, vec!["RU"]);
        assert_eq!(
            intake.entry.last_arrival_on,
            NaiveDate::from_ymd_opt(2026, 1, 15)
        );
        assert_eq!(intake.journey.len(), 2);
        assert_eq!(intake.journey[1].mode, Some(TravelMode::OnFoot));
        assert_eq!(intake.persecution[0].detention_days, Some(3));
        assert_eq!(
            intake.names(),
            vec!["Yevgeniy Shcherbakov", "Евгений Щербаков"]
        );
    }

    #[test]
    fn claim_answers_parse_as_three_states_and_a_yes_needs_its_explanation_to_complete() {
        let intake = form(&complete_pairs()).parse().unwrap();
        let answers = &intake.claim_answers;
        assert_eq!(
            answers.grounds,
            vec![Ground::PoliticalOpinion, Ground::Torture]
        );
        assert_eq!(answers.past_harm.answer, Answer::Yes);
        assert_eq!(answers.earlier_applications.answer, Answer::No);
        assert_eq!(answers.fear_of_harm.answer, Answer::Unanswered);

        let mut pairs = complete_pairs();
        pairs.retain(|(name, _)| *name != "claim_answers.past_harm.explanation");
        pairs.push(("claim_answers.crimes_in_us.answer", "perhaps"));
        pairs.push(("claim_answers.grounds", "weather"));
        let errors = form(&pairs).parse().unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(
            fields,
            vec!["claim_answers.grounds", "claim_answers.crimes_in_us.answer"]
        );

        pairs.retain(|(_, value)| !matches!(*value, "perhaps" | "weather"));
        let bare_yes = form(&pairs).parse().unwrap();
        assert!(bare_yes.clone().checked(false, today()).is_ok(), "a draft");
        let errors = bare_yes.checked(true, today()).unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, vec!["claim_answers.past_harm.explanation"]);

        let mut long = form(&complete_pairs()).parse().unwrap();
        long.claim_answers.returned.explanation = "x".repeat(MAX_TEXT + 1);
        let errors = long.checked(false, today()).unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, vec!["claim_answers.returned.explanation"], "capped");
    }

    #[test]
    fn list_pickers_of_one_name_make_one_list_and_blank_pickers_add_nothing() {
        let form = form(&[
            ("client.nationalities", "RU"),
            ("client.nationalities", ""),
            ("client.nationalities", "ua"),
            ("client.languages", " "),
            ("client.languages", "uk"),
            ("client.family_name", "First"),
            ("client.family_name", "Second"),
        ]);
        assert_eq!(form.value("client.nationalities"), "RU, ua");
        assert_eq!(form.list("client.nationalities"), vec!["RU", "ua"]);
        assert_eq!(form.list("client.languages"), vec!["uk"]);
        // Any other field keeps its last value, as before.
        assert_eq!(form.value("client.family_name"), "Second");
        let intake = form.parse().unwrap().checked(false, today()).unwrap();
        assert_eq!(intake.client.nationalities, vec!["RU", "UA"]);
        assert_eq!(intake.client.languages, vec!["uk"]);
    }

    #[test]
    fn unparseable_fields_are_named_and_the_form_keeps_them() {
        let mut pairs = complete_pairs();
        pairs.push(("client.passport_expiry", "31/02/2030"));
        pairs.push(("journey.1.departed_on", "yesterday"));
        pairs.push(("persecution.0.actor", "aliens"));
        let form = form(&pairs);
        let errors = form.parse().unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(
            fields,
            vec![
                "client.passport_expiry",
                "journey.1.departed_on",
                "persecution.0.actor"
            ]
        );
        assert_eq!(form.value("journey.1.departed_on"), "yesterday");
    }

    #[test]
    fn a_draft_may_lack_what_completion_requires() {
        let draft = form(&[("client.given_name", "Юлия")]).parse().unwrap();
        assert!(draft.clone().checked(false, today()).is_ok());
        let nameless = Intake::default().checked(false, today()).unwrap_err();
        assert_eq!(
            nameless
                .iter()
                .map(|e| e.field.as_str())
                .collect::<Vec<_>>(),
            vec!["client.family_name"]
        );
        let errors = draft.checked(true, today()).unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert!(fields.contains(&"client.family_name"));
        assert!(fields.contains(&"client.middle_name"));
        assert!(fields.contains(&"claim.kind"));
        assert!(fields.contains(&"claim.lawyer_id"));
    }

    #[test]
    fn semantic_checks_name_their_row() {
        let intake = form(&[
            ("client.given_name", "Olena"),
            ("client.date_of_birth", "2030-01-01"),
            ("client.nationalities", "RU, Narnia"),
            ("journey.0.departed_on", "2026-01-10"),
            ("journey.0.arrived_on", "2026-01-09"),
        ])
        .parse()
        .unwrap();
        let errors = intake.checked(false, today()).unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(
            fields,
            vec![
                "client.nationalities",
                "client.date_of_birth",
                "journey.0.arrived_on"
            ]
        );
    }

    #[test]
    fn rows_are_added_removed_and_reordered_without_losing_text() {
        let mut f = form(&[
            ("journey.0.from_city", "Moscow"),
            ("journey.1.from_city", "Cancún"),
        ]);
        f.add_row("journey");
        assert_eq!(f.rows("journey"), 3);
        f.set("journey.2.from_city".into(), "Tijuana");
        f.move_row_up("journey", 2);
        assert_eq!(f.value("journey.1.from_city"), "Tijuana");
        assert_eq!(f.value("journey.2.from_city"), "Cancún");
        f.remove_row("journey", 0);
        assert_eq!(f.rows("journey"), 2);
        assert_eq!(f.value("journey.0.from_city"), "Tijuana");
        assert_eq!(f.value("journey.1.from_city"), "Cancún");
        // An added row left empty is not an empty record.
        f.add_row("family");
        assert!(f.parse().unwrap().family.is_empty());
    }

    #[test]
    fn answers_keep_the_form_as_typed() {
        let mut typed = form(&complete_pairs());
        typed.add_row("family");
        typed.set("family.0.date_of_birth".into(), "not a date");
        let kept = IntakeForm::from_answers(&typed.answers());
        assert_eq!(kept, typed);
        assert_eq!(kept.value("family.0.date_of_birth"), "not a date");
        assert_eq!(kept.rows("family"), 1);
    }

    #[test]
    fn a_saved_intake_round_trips_through_the_form() {
        let intake = form(&complete_pairs())
            .parse()
            .unwrap()
            .checked(true, today())
            .unwrap();
        let again = IntakeForm::from_intake(&intake)
            .parse()
            .unwrap()
            .checked(true, today())
            .unwrap();
        assert_eq!(again, intake);
    }

    #[test]
    fn background_rows_and_months_round_trip_through_the_form() {
        let mut pairs = complete_pairs();
        pairs.extend([
            ("background.last_address.city", "Kharkiv"),
            ("background.last_address.country", "ua"),
            ("background.last_address.from", "04/2019"),
            ("background.last_address.to_present", "on"),
            ("background.feared_country_same", "on"),
            ("residences.0.row", "new"),
            ("residences.1.city", "Kharkiv"),
            ("residences.1.from", "2019-04"),
            ("residences.1.to", "2025-12"),
            ("schools.0.name", "School No. 5"),
            ("schools.0.to", "2002-06"),
            ("background.no_employment", "on"),
            ("background.mother.full_name", "Olha Kovalenko"),
            ("background.father.full_name", "Petro Kovalenko"),
            ("background.father.deceased", "on"),
            ("siblings.0.full_name", "Taras Kovalenko"),
            ("siblings.0.birth_country", "UA"),
        ]);
        let intake = form(&pairs)
            .parse()
            .unwrap()
            .checked(true, today())
            .unwrap();
        let b = &intake.background;
        assert_eq!(b.last_address.country.as_deref(), Some("UA"));
        assert_eq!(b.last_address.from, YearMonth::new(2019, 4));
        assert_eq!(b.last_address.to, Some(Until::Present));
        assert!(b.feared_country_same && b.no_employment && b.father.deceased);
        assert_eq!(
            intake.residences.len(),
            1,
            "the blank row is not a residence"
        );
        assert_eq!(
            intake.schools[0].to,
            YearMonth::new(2002, 6).map(Until::Month)
        );
        assert_eq!(intake.siblings[0].full_name, "Taras Kovalenko");
        let again = IntakeForm::from_intake(&intake)
            .parse()
            .unwrap()
            .checked(true, today())
            .unwrap();
        assert_eq!(again, intake);

        pairs.extend([
            ("residences.1.to_present", "on"),
            ("schools.0.from", "June 2001"),
        ]);
        let typed = form(&pairs);
        let errors = typed.parse().unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, vec!["residences.1.to", "schools.0.from"]);
        assert_eq!(typed.value("schools.0.from"), "June 2001");
    }
}
