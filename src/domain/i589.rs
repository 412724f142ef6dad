//! The I-589 as data: every item of the form that the case file answers, in the form's order,
//! with its number, its part, an English label, the intake field(s) that answer it and the
//! rule giving its state (answered, NONE/N/A, not applicable, missing). The completeness
//! check, the case page's list of gaps and the data sheet read the form from here; the table
//! in `docs/i589.md` is held to [`ITEMS`] by a test.
//!
//! To add an item: put an [`ItemDef`] in [`ITEMS`] at its place in the form (a person's item
//! inside its group's run), with a `check` built from the helpers below; add its row to the
//! table in `docs/i589.md`; `cargo test --lib i589` says what is out of step.
//!
//! Numbering: the number as printed ("A.I.6", "B.1A", "C.5"); a box within a printed item gets
//! a suffix ("A.I.8.phone", "A.I.19c.date"); a box printed without a number is named after its
//! part ("D.native_name"). A person of a repeated group (spouse, child) is numbered from 1
//! within the group, in the family list's order: "A.II.child.2.date_of_birth" is the second
//! child's date of birth, answered at `family.<row>.date_of_birth`, the row being that
//! child's place in the whole family list. Templates write these as `{n}` and `{row}`.
//!
//! Everything here is pure and cheap: the case page computes it on every view.

use chrono::NaiveDate;

use super::applicant::ApplicantDetails;
use super::background::{Address, Relative};
use super::claim_answers::{Answer, YesNoAnswer};
use super::codes::{MannerOfEntry, MaritalStatus, Relationship};
use super::family::ChildrenState;
use super::intake::{FamilyMember, Intake};

/// What the rules read: the case file's intake, today (for rules about age), and the day the
/// I-589 was filed, once it is.
#[derive(Debug, Clone, Copy)]
pub struct Facts<'a> {
    pub intake: &'a Intake,
    pub today: NaiveDate,
    pub filed_on: Option<NaiveDate>,
}

impl Facts<'_> {
    /// Whether the applicant is married, for Part A.II's spouse: as A.I.11 says once it is
    /// answered; until then, when the family lists a spouse not marked divorced or widowed.
    pub fn applicant_married(&self) -> bool {
        if let Some(status) = self.intake.applicant.marital_status {
            return status == MaritalStatus::Married;
        }
        self.intake.family.iter().any(|m| {
            m.relationship == Some(Relationship::Spouse)
                && !matches!(
                    m.marital_status,
                    Some(MaritalStatus::Divorced | MaritalStatus::Widowed)
                )
        })
    }
}

/// The parts of the form, in its order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Part {
    /// A.I: the applicant.
    AI,
    /// A.II: spouse and children.
    AII,
    /// A.III: background.
    AIII,
    /// B: the claim.
    B,
    /// C: additional information.
    C,
    /// D: the applicant's signature (the name in the native alphabet).
    D,
}

impl Part {
    pub const ALL: [Part; 6] = [Part::AI, Part::AII, Part::AIII, Part::B, Part::C, Part::D];

    /// As printed: "A.I", "B".
    pub fn code(self) -> &'static str {
        match self {
            Self::AI => "A.I",
            Self::AII => "A.II",
            Self::AIII => "A.III",
            Self::B => "B",
            Self::C => "C",
            Self::D => "D",
        }
    }

    /// Its English title, as on the form.
    pub fn title(self) -> &'static str {
        match self {
            Self::AI => "Part A.I. Information About You",
            Self::AII => "Part A.II. Information About Your Spouse and Children",
            Self::AIII => "Part A.III. Information About Your Background",
            Self::B => "Part B. Information About Your Application",
            Self::C => "Part C. Additional Information About Your Application",
            Self::D => "Part D. Your Signature",
        }
    }

    /// Its catalogue key (`i589-check-part-a-i`), for pages in the reader's language.
    pub fn label_key(self) -> &'static str {
        match self {
            Self::AI => "i589-check-part-a-i",
            Self::AII => "i589-check-part-a-ii",
            Self::AIII => "i589-check-part-a-iii",
            Self::B => "i589-check-part-b",
            Self::C => "i589-check-part-c",
            Self::D => "i589-check-part-d",
        }
    }
}

/// Whom an item is about. Every group but the applicant's repeats: one run of items for each
/// family row of that relationship. Parents and siblings are not among them: Part A.III.5
/// asks them in the background (`background.mother`, `background.father`, `siblings`), and
/// a family row of a parent or sibling gives no item (a warning says when it is not there).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Group {
    /// The applicant, and the claim: items answered once.
    Applicant,
    Spouse,
    Child,
}

impl Group {
    /// The family relationship whose rows repeat the group; `None` for the applicant.
    pub fn relationship(self) -> Option<Relationship> {
        match self {
            Self::Applicant => None,
            Self::Spouse => Some(Relationship::Spouse),
            Self::Child => Some(Relationship::Child),
        }
    }

    /// The person in English ("Child 2"), for labels; `None` for the applicant.
    fn person(self, n: usize) -> Option<String> {
        match self {
            Self::Applicant => None,
            Self::Spouse if n == 1 => Some("Spouse".to_string()),
            Self::Spouse => Some(format!("Spouse {n}")),
            Self::Child => Some(format!("Child {n}")),
        }
    }
}

/// The state of one item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum State {
    /// Answered with a value.
    Answered,
    /// "NONE" or "N/A" typed, or an answer that means none: the form prints it as written.
    ExplicitNone,
    /// Not asked of this applicant by a rule (the spouse's items when the applicant is not
    /// married); the form prints "N/A".
    NotApplicable,
    /// A blank box. The number is which of the item's fields fixes it (0 for the first).
    Missing(usize),
    /// A blank box in a row of the item's list (a school, a job): the row, from 0, and the
    /// box's name in it; the link lands on `<list>.<row>.<box>`, the list being the item's
    /// first field.
    MissingInRow(usize, &'static str),
}

impl State {
    /// Ready to file: anything but missing.
    pub fn is_ready(self) -> bool {
        !matches!(self, Self::Missing(_) | Self::MissingInRow(..))
    }
}

/// How an item's state is found.
#[derive(Clone, Copy)]
pub enum Check {
    /// From the case file as a whole (the applicant's items, the claim).
    File(fn(&Facts) -> State),
    /// From one family row of the item's group, with the file for rules that need it.
    Person(fn(&Facts, &FamilyMember) -> State),
}

/// One item of the form, as defined: the numbers and paths are templates (`{n}`, `{row}`) for
/// a repeated group.
#[derive(Clone, Copy)]
pub struct ItemDef {
    pub number: &'static str,
    pub part: Part,
    pub group: Group,
    /// In English, as the form asks it.
    pub label: &'static str,
    /// The intake page's input ids that answer it; the first is where a link lands.
    pub fields: &'static [&'static str],
    /// The rule in a few words, as `docs/i589.md` states it.
    pub rule: &'static str,
    pub check: Check,
}

impl std::fmt::Debug for ItemDef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ItemDef")
            .field("number", &self.number)
            .field("fields", &self.fields)
            .finish_non_exhaustive()
    }
}

/// One item of this case's form, with its state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    /// "A.I.6", "A.II.child.2.date_of_birth".
    pub number: String,
    pub part: Part,
    /// In English: "Middle name", "Child 2: Date of birth".
    pub label: String,
    /// The intake page's input ids (`client.middle_name`, `family.3.date_of_birth`).
    pub fields: Vec<String>,
    pub state: State,
}

impl Item {
    /// The input that fixes it: the one the rule names when missing, else the first.
    pub fn field(&self) -> String {
        let first = self.fields.first().map_or("", String::as_str);
        let index = match self.state {
            State::Missing(index) => index,
            State::MissingInRow(row, name) => return format!("{first}.{row}.{name}"),
            _ => 0,
        };
        self.fields
            .get(index)
            .map_or_else(|| first.to_string(), String::clone)
    }
}

/// The check's result: how many items are ready of how many, and the missing ones by part.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Completeness {
    /// Answered, NONE/N/A, or not applicable.
    pub ready: usize,
    pub total: usize,
    /// Only parts with a missing item, in the form's order; items in the form's order.
    pub missing: Vec<(Part, Vec<Item>)>,
}

impl Completeness {
    pub fn is_complete(&self) -> bool {
        self.missing.is_empty()
    }

    pub fn missing_count(&self) -> usize {
        self.total - self.ready
    }
}

/// Every item of this case's form with its state, in the form's order.
pub fn items(facts: &Facts) -> Vec<Item> {
    let mut items = Vec::with_capacity(ITEMS.len() + 8 * facts.intake.family.len());
    let mut rest = ITEMS;
    while let Some(first) = rest.first() {
        let run = rest
            .iter()
            .take_while(|def| def.group == first.group)
            .count();
        let (defs, after) = rest.split_at(run);
        rest = after;
        match first.group.relationship() {
            None => items.extend(defs.iter().map(|def| evaluate(def, facts, None))),
            Some(relationship) => {
                let people = facts
                    .intake
                    .family
                    .iter()
                    .enumerate()
                    .filter(|(_, m)| m.relationship == Some(relationship));
                for (n, (row, member)) in people.enumerate() {
                    items.extend(
                        defs.iter()
                            .map(|def| evaluate(def, facts, Some((n + 1, row, member)))),
                    );
                }
            }
        }
    }
    items
}

/// The completeness check: the ready count, the total, and every missing item by part.
pub fn check(facts: &Facts) -> Completeness {
    let items = items(facts);
    let total = items.len();
    let mut ready = 0;
    let mut missing: Vec<(Part, Vec<Item>)> = Vec::new();
    for item in items {
        if item.state.is_ready() {
            ready += 1;
            continue;
        }
        match missing.last_mut() {
            Some((part, list)) if *part == item.part => list.push(item),
            _ => missing.push((item.part, vec![item])),
        }
    }
    Completeness {
        ready,
        total,
        missing,
    }
}

fn evaluate(def: &ItemDef, facts: &Facts, person: Option<(usize, usize, &FamilyMember)>) -> Item {
    let (number, label, fields) = match person {
        None => (
            def.number.to_string(),
            def.label.to_string(),
            def.fields.iter().map(|f| (*f).to_string()).collect(),
        ),
        Some((n, row, _)) => (
            def.number.replace("{n}", &n.to_string()),
            match def.group.person(n) {
                Some(person) => format!("{person}: {}", def.label),
                None => def.label.to_string(),
            },
            def.fields
                .iter()
                .map(|f| f.replace("{row}", &row.to_string()))
                .collect(),
        ),
    };
    let state = match (def.check, person) {
        (Check::File(check), _) => check(facts),
        (Check::Person(check), Some((_, _, member))) => check(facts, member),
        // A person's rule outside a person's group: a definition error the tests catch.
        (Check::Person(_), None) => State::Missing(0),
    };
    Item {
        number,
        part: def.part,
        label,
        fields,
        state,
    }
}

// ---- rules ------------------------------------------------------------------------------

/// "NONE" or "N/A" as the form wants a box with nothing in it written.
pub fn is_none_text(value: &str) -> bool {
    let value = value.trim();
    value.eq_ignore_ascii_case("none") || value.eq_ignore_ascii_case("n/a")
}

/// A text box: answered when written, NONE/N/A when so typed, else missing.
pub fn text(value: &str) -> State {
    if value.trim().is_empty() {
        State::Missing(0)
    } else if is_none_text(value) {
        State::ExplicitNone
    } else {
        State::Answered
    }
}

/// A value chosen or a date: answered when set.
pub fn value<T>(value: Option<T>) -> State {
    match value {
        Some(_) => State::Answered,
        None => State::Missing(0),
    }
}

/// A list: answered when it has an entry; a single NONE/N/A entry is an explicit none.
pub fn list(values: &[String]) -> State {
    match values {
        [] => State::Missing(0),
        [only] if is_none_text(only) => State::ExplicitNone,
        _ => State::Answered,
    }
}

/// An "(if any)" number whose field holds only a valid number: a blank is the form's NONE.
pub fn if_any<T>(value: Option<T>) -> State {
    match value {
        Some(_) => State::Answered,
        None => State::ExplicitNone,
    }
}

/// A checkbox cannot be left blank: unticked is the form's "No".
pub fn checkbox(_: bool) -> State {
    State::Answered
}

/// A yes/no question of Parts B and C: missing while unanswered (at the answer), and a "yes"
/// missing its explanation (at the explanation, the item's second field).
pub fn question(given: &YesNoAnswer) -> State {
    match given.answer {
        Answer::Unanswered => State::Missing(0),
        Answer::Yes if given.explanation.trim().is_empty() => State::Missing(1),
        Answer::Yes | Answer::No => State::Answered,
    }
}

/// A.I.9: missing while nobody said whether mail goes to the residence; not applicable when
/// it does; else missing at the first of street, city, state and ZIP left blank.
pub fn mailing_address(a: &ApplicantDetails) -> State {
    match a.mailing_same_as_residence {
        Answer::Unanswered => State::Missing(0),
        Answer::Yes => State::NotApplicable,
        Answer::No => [
            &a.mailing_street,
            &a.mailing_city,
            &a.mailing_state,
            &a.mailing_zip,
        ]
        .iter()
        .position(|line| line.trim().is_empty())
        .map_or(State::Answered, |blank| State::Missing(blank + 1)),
    }
}

/// A spouse's item: not applicable when the applicant is not married.
pub fn of_spouse(facts: &Facts, state: State) -> State {
    if facts.applicant_married() {
        state
    } else {
        State::NotApplicable
    }
}

/// An item asked only of a person in the United States (the spouse's or a child's entry,
/// I-94, status): not applicable for one who is not.
pub fn only_in_us(member: &FamilyMember, state: State) -> State {
    if member.in_us {
        state
    } else {
        State::NotApplicable
    }
}

/// An item asked only of a person outside the United States (where they are): not
/// applicable for one who is in it.
pub fn only_abroad(member: &FamilyMember, state: State) -> State {
    if member.in_us {
        State::NotApplicable
    } else {
        state
    }
}

/// A yes/no box without an explanation (a person in court proceedings, the applicant's
/// English): missing while unanswered.
pub fn answered(answer: Answer) -> State {
    match answer {
        Answer::Unanswered => State::Missing(0),
        Answer::Yes | Answer::No => State::Answered,
    }
}

/// Part A.II's children: a child listed answers it (the form counts them), "I do not have any
/// children" ticked is its explicit none, neither is a question not asked.
fn children(facts: &Facts) -> State {
    match ChildrenState::of(&facts.intake.children, &facts.intake.family) {
        ChildrenState::Unanswered => State::Missing(0),
        ChildrenState::NoChildren => State::ExplicitNone,
        ChildrenState::Children(_) => State::Answered,
    }
}

/// A box of the applicant's last entry that a person who entered without inspection has no
/// value for (the I-94, the status's expiry): not applicable then, unless written.
fn unless_without_inspection(facts: &Facts, state: State) -> State {
    let without = facts.intake.entry.manner_of_entry == Some(MannerOfEntry::WithoutInspection);
    match state {
        State::Missing(_) if without => State::NotApplicable,
        state => state,
    }
}

// ---- the form --------------------------------------------------------------------------

const TEXT: &str = "text: NONE/N/A typed counts";
const VALUE: &str = "chosen or dated";
const LIST: &str = "at least one entry";
const CHECKBOX: &str = "checkbox: unticked is No";
const QUESTION: &str = "yes/no; a yes explained";
const ADDRESS: &str = "every box written (NONE/N/A counts), both months";
const LIST_OR_NONE: &str = "at least one entry, or none ticked";
const SCHOOLS: &str = "each row's name, type, location, from and to; or none ticked";
const JOBS: &str = "each row's employer, occupation, from and to; or none ticked";
const RELATIVE: &str = "name and birthplace written, location or deceased";

const fn applicant(
    number: &'static str,
    part: Part,
    label: &'static str,
    fields: &'static [&'static str],
    rule: &'static str,
    check: fn(&Facts) -> State,
) -> ItemDef {
    ItemDef {
        number,
        part,
        group: Group::Applicant,
        label,
        fields,
        rule,
        check: Check::File(check),
    }
}

const fn person(
    group: Group,
    number: &'static str,
    part: Part,
    label: &'static str,
    fields: &'static [&'static str],
    rule: &'static str,
    check: fn(&Facts, &FamilyMember) -> State,
) -> ItemDef {
    ItemDef {
        number,
        part,
        group,
        label,
        fields,
        rule,
        check: Check::Person(check),
    }
}

macro_rules! claim_question {
    ($number:literal, $part:expr, $label:literal, $name:ident) => {
        ItemDef {
            number: $number,
            part: $part,
            group: Group::Applicant,
            label: $label,
            fields: &[
                concat!("claim_answers.", stringify!($name), ".answer"),
                concat!("claim_answers.", stringify!($name), ".explanation"),
            ],
            rule: QUESTION,
            check: Check::File(|f| question(&f.intake.claim_answers.$name)),
        }
    };
}

/// Every item the case file answers, in the form's order. A repeated group's items are one
/// run, repeated for each person of the group.
pub static ITEMS: &[ItemDef] = &[
    // Part A.I
    applicant(
        "A.I.1",
        Part::AI,
        "Alien Registration Number (A-Number) (if any)",
        &["client.a_number"],
        "if any: blank is NONE",
        |f| if_any(f.intake.client.a_number.as_ref()),
    ),
    applicant(
        "A.I.2",
        Part::AI,
        "U.S. Social Security Number (if any)",
        &["applicant.ssn"],
        TEXT,
        |f| text(&f.intake.applicant.ssn),
    ),
    applicant(
        "A.I.3",
        Part::AI,
        "USCIS Online Account Number (if any)",
        &["applicant.uscis_account_number"],
        TEXT,
        |f| text(&f.intake.applicant.uscis_account_number),
    ),
    applicant(
        "A.I.4",
        Part::AI,
        "Complete last name",
        &["client.family_name"],
        TEXT,
        |f| text(&f.intake.client.family_name),
    ),
    applicant(
        "A.I.5",
        Part::AI,
        "First name",
        &["client.given_name"],
        TEXT,
        |f| text(&f.intake.client.given_name),
    ),
    applicant(
        "A.I.6",
        Part::AI,
        "Middle name",
        &["client.middle_name"],
        TEXT,
        |f| text(&f.intake.client.middle_name),
    ),
    applicant(
        "A.I.7",
        Part::AI,
        "Other names used (include maiden name and aliases)",
        &["client.other_names"],
        LIST,
        |f| list(&f.intake.client.other_names),
    ),
    applicant(
        "A.I.8",
        Part::AI,
        "Residence in the U.S. (where you physically reside)",
        &["client.us_address"],
        TEXT,
        |f| text(&f.intake.client.us_address),
    ),
    applicant(
        "A.I.8.phone",
        Part::AI,
        "Residence in the U.S.: telephone number",
        &["client.phone"],
        TEXT,
        |f| text(&f.intake.client.phone),
    ),
    applicant(
        "A.I.9",
        Part::AI,
        "Mailing address in the U.S. (if different than the address in Item Number 8)",
        &[
            "applicant.mailing_same_as_residence",
            "applicant.mailing_street",
            "applicant.mailing_city",
            "applicant.mailing_state",
            "applicant.mailing_zip",
        ],
        "same as 8: N/A; else street, city, state, ZIP",
        |f| mailing_address(&f.intake.applicant),
    ),
    applicant("A.I.10", Part::AI, "Gender", &["client.sex"], VALUE, |f| {
        value(f.intake.client.sex)
    }),
    applicant(
        "A.I.11",
        Part::AI,
        "Marital status",
        &["applicant.marital_status"],
        VALUE,
        |f| value(f.intake.applicant.marital_status),
    ),
    applicant(
        "A.I.12",
        Part::AI,
        "Date of birth",
        &["client.date_of_birth"],
        VALUE,
        |f| value(f.intake.client.date_of_birth),
    ),
    applicant(
        "A.I.13.city",
        Part::AI,
        "City of birth",
        &["applicant.city_of_birth"],
        TEXT,
        |f| text(&f.intake.applicant.city_of_birth),
    ),
    applicant(
        "A.I.13.country",
        Part::AI,
        "Country of birth",
        &["client.country_of_birth"],
        VALUE,
        |f| value(f.intake.client.country_of_birth.as_ref()),
    ),
    applicant(
        "A.I.14",
        Part::AI,
        "Present nationality (citizenship)",
        &["client.nationalities"],
        LIST,
        |f| list(&f.intake.client.nationalities),
    ),
    applicant(
        "A.I.15",
        Part::AI,
        "Nationality at birth",
        &["applicant.nationality_at_birth"],
        VALUE,
        |f| value(f.intake.applicant.nationality_at_birth.as_ref()),
    ),
    applicant(
        "A.I.16",
        Part::AI,
        "Race, ethnic, or tribal group",
        &["applicant.ethnic_group"],
        TEXT,
        |f| text(&f.intake.applicant.ethnic_group),
    ),
    applicant(
        "A.I.17",
        Part::AI,
        "Religion",
        &["applicant.religion"],
        TEXT,
        |f| text(&f.intake.applicant.religion),
    ),
    applicant(
        "A.I.18",
        Part::AI,
        "Immigration court proceedings (never, now, in the past)",
        &["applicant.court_proceedings"],
        VALUE,
        |f| value(f.intake.applicant.court_proceedings),
    ),
    applicant(
        "A.I.19a",
        Part::AI,
        "When did you last leave your country?",
        &["applicant.left_home_country_on"],
        VALUE,
        |f| value(f.intake.applicant.left_home_country_on),
    ),
    applicant(
        "A.I.19b",
        Part::AI,
        "Current I-94 number, if any",
        &["entry.i94_number"],
        "text; N/A without inspection",
        |f| unless_without_inspection(f, text(&f.intake.entry.i94_number)),
    ),
    applicant(
        "A.I.19c.date",
        Part::AI,
        "Most recent entry into the U.S.: date",
        &["entry.last_arrival_on"],
        VALUE,
        |f| value(f.intake.entry.last_arrival_on),
    ),
    applicant(
        "A.I.19c.place",
        Part::AI,
        "Most recent entry into the U.S.: place",
        &["entry.port_of_entry"],
        TEXT,
        |f| text(&f.intake.entry.port_of_entry),
    ),
    applicant(
        "A.I.19c.status",
        Part::AI,
        "Most recent entry into the U.S.: status",
        &["entry.class_of_admission"],
        TEXT,
        |f| text(&f.intake.entry.class_of_admission),
    ),
    applicant(
        "A.I.19c.expires",
        Part::AI,
        "Most recent entry into the U.S.: date status expires",
        &["entry.parole_expires_on"],
        "dated; N/A without inspection",
        |f| unless_without_inspection(f, value(f.intake.entry.parole_expires_on)),
    ),
    applicant(
        "A.I.19c.entries",
        Part::AI,
        "Each entry into the U.S., beginning with your most recent entry",
        &["us_entries"],
        LIST,
        |f| rows(f.intake.us_entries.len(), false),
    ),
    applicant(
        "A.I.20",
        Part::AI,
        "What country issued your last passport or travel document?",
        &["applicant.travel_document_country"],
        VALUE,
        |f| value(f.intake.applicant.travel_document_country.as_ref()),
    ),
    applicant(
        "A.I.21",
        Part::AI,
        "Passport number / travel document number",
        &["client.passport_numbers"],
        TEXT,
        |f| text(&f.intake.client.passport_numbers),
    ),
    applicant(
        "A.I.22",
        Part::AI,
        "Passport / travel document expiration date",
        &["client.passport_expiry"],
        "dated; N/A when A.I.21 is NONE",
        |f| {
            if is_none_text(&f.intake.client.passport_numbers) {
                State::NotApplicable
            } else {
                value(f.intake.client.passport_expiry)
            }
        },
    ),
    applicant(
        "A.I.23",
        Part::AI,
        "What is your native language (include dialect, if applicable)?",
        &["applicant.native_language"],
        VALUE,
        |f| value(f.intake.applicant.native_language.as_ref()),
    ),
    applicant(
        "A.I.24",
        Part::AI,
        "Are you fluent in English?",
        &["applicant.fluent_in_english"],
        "yes or no",
        |f| answered(f.intake.applicant.fluent_in_english),
    ),
    applicant(
        "A.I.25",
        Part::AI,
        "What other languages do you speak fluently?",
        &["client.languages", "applicant.no_other_languages"],
        LIST_OR_NONE,
        |f| {
            rows(
                f.intake.client.languages.len(),
                f.intake.applicant.no_other_languages,
            )
        },
    ),
    // Part A.II: the spouse
    person(
        Group::Spouse,
        "A.II.spouse.{n}.a_number",
        Part::AII,
        "Alien Registration Number (A-Number) (if any)",
        &["family.{row}.a_number"],
        "text; N/A when not married",
        |f, m| of_spouse(f, text(&m.a_number)),
    ),
    person(
        Group::Spouse,
        "A.II.spouse.{n}.passport_number",
        Part::AII,
        "Passport/ID card number (if any)",
        &["family.{row}.passport_number"],
        "text; N/A when not married",
        |f, m| of_spouse(f, text(&m.passport_number)),
    ),
    person(
        Group::Spouse,
        "A.II.spouse.{n}.date_of_birth",
        Part::AII,
        "Date of birth",
        &["family.{row}.date_of_birth"],
        "dated; N/A when not married",
        |f, m| of_spouse(f, value(m.date_of_birth.as_ref())),
    ),
    person(
        Group::Spouse,
        "A.II.spouse.{n}.ssn",
        Part::AII,
        "U.S. Social Security Number (if any)",
        &["family.{row}.ssn"],
        "text; N/A when not married",
        |f, m| of_spouse(f, text(&m.ssn)),
    ),
    person(
        Group::Spouse,
        "A.II.spouse.{n}.family_name",
        Part::AII,
        "Complete last name",
        &["family.{row}.family_name"],
        "text; N/A when not married",
        |f, m| of_spouse(f, text(&m.family_name)),
    ),
    person(
        Group::Spouse,
        "A.II.spouse.{n}.given_name",
        Part::AII,
        "First name",
        &["family.{row}.given_name"],
        "text; N/A when not married",
        |f, m| of_spouse(f, text(&m.given_name)),
    ),
    person(
        Group::Spouse,
        "A.II.spouse.{n}.middle_name",
        Part::AII,
        "Middle name",
        &["family.{row}.middle_name"],
        "text; N/A when not married",
        |f, m| of_spouse(f, text(&m.middle_name)),
    ),
    person(
        Group::Spouse,
        "A.II.spouse.{n}.other_names",
        Part::AII,
        "Other names used (include maiden name and aliases)",
        &["family.{row}.other_names"],
        "at least one entry; N/A when not married",
        |f, m| of_spouse(f, list(&m.other_names)),
    ),
    person(
        Group::Spouse,
        "A.II.spouse.{n}.married_on",
        Part::AII,
        "Date of marriage",
        &["family.{row}.married_on"],
        "chosen or dated; N/A when not married",
        |f, m| of_spouse(f, value(m.married_on.as_ref())),
    ),
    person(
        Group::Spouse,
        "A.II.spouse.{n}.marriage_place",
        Part::AII,
        "Place of marriage",
        &["family.{row}.marriage_place"],
        "text; N/A when not married",
        |f, m| of_spouse(f, text(&m.marriage_place)),
    ),
    person(
        Group::Spouse,
        "A.II.spouse.{n}.city_of_birth",
        Part::AII,
        "City of birth",
        &["family.{row}.city_of_birth"],
        "text; N/A when not married",
        |f, m| of_spouse(f, text(&m.city_of_birth)),
    ),
    person(
        Group::Spouse,
        "A.II.spouse.{n}.country_of_birth",
        Part::AII,
        "Country of birth",
        &["family.{row}.country_of_birth"],
        "chosen or dated; N/A when not married",
        |f, m| of_spouse(f, value(m.country_of_birth.as_ref())),
    ),
    person(
        Group::Spouse,
        "A.II.spouse.{n}.nationality",
        Part::AII,
        "Nationality (citizenship)",
        &["family.{row}.nationality"],
        "chosen or dated; N/A when not married",
        |f, m| of_spouse(f, value(m.nationality.as_ref())),
    ),
    person(
        Group::Spouse,
        "A.II.spouse.{n}.ethnic_group",
        Part::AII,
        "Race, ethnic, or tribal group",
        &["family.{row}.ethnic_group"],
        "text; N/A when not married",
        |f, m| of_spouse(f, text(&m.ethnic_group)),
    ),
    person(
        Group::Spouse,
        "A.II.spouse.{n}.sex",
        Part::AII,
        "Gender",
        &["family.{row}.sex"],
        "chosen or dated; N/A when not married",
        |f, m| of_spouse(f, value(m.sex.as_ref())),
    ),
    person(
        Group::Spouse,
        "A.II.spouse.{n}.in_us",
        Part::AII,
        "Is this person in the U.S.?",
        &["family.{row}.in_us"],
        CHECKBOX,
        |f, m| of_spouse(f, checkbox(m.in_us)),
    ),
    person(
        Group::Spouse,
        "A.II.spouse.{n}.location",
        Part::AII,
        "Location, if not in the U.S.",
        &["family.{row}.location"],
        "text; N/A when not married or in the U.S.",
        |f, m| of_spouse(f, only_abroad(m, text(&m.location))),
    ),
    person(
        Group::Spouse,
        "A.II.spouse.{n}.last_entry_place",
        Part::AII,
        "Place of last entry into the U.S.",
        &["family.{row}.last_entry_place"],
        "text; N/A when not married or not in the U.S.",
        |f, m| of_spouse(f, only_in_us(m, text(&m.last_entry_place))),
    ),
    person(
        Group::Spouse,
        "A.II.spouse.{n}.last_entry_on",
        Part::AII,
        "Date of last entry into the U.S.",
        &["family.{row}.last_entry_on"],
        "chosen or dated; N/A when not married or not in the U.S.",
        |f, m| of_spouse(f, only_in_us(m, value(m.last_entry_on.as_ref()))),
    ),
    person(
        Group::Spouse,
        "A.II.spouse.{n}.i94_number",
        Part::AII,
        "I-94 number (if any)",
        &["family.{row}.i94_number"],
        "text; N/A when not married or not in the U.S.",
        |f, m| of_spouse(f, only_in_us(m, text(&m.i94_number))),
    ),
    person(
        Group::Spouse,
        "A.II.spouse.{n}.status_when_admitted",
        Part::AII,
        "Status when last admitted (visa type, if any)",
        &["family.{row}.status_when_admitted"],
        "text; N/A when not married or not in the U.S.",
        |f, m| of_spouse(f, only_in_us(m, text(&m.status_when_admitted))),
    ),
    person(
        Group::Spouse,
        "A.II.spouse.{n}.current_status",
        Part::AII,
        "What is your spouse's current status?",
        &["family.{row}.current_status"],
        "text; N/A when not married or not in the U.S.",
        |f, m| of_spouse(f, only_in_us(m, text(&m.current_status))),
    ),
    person(
        Group::Spouse,
        "A.II.spouse.{n}.status_expires_on",
        Part::AII,
        "Expiration date of authorized stay, if any",
        &["family.{row}.status_expires_on"],
        "if any: blank is NONE; N/A when not married or not in the U.S.",
        |f, m| of_spouse(f, only_in_us(m, if_any(m.status_expires_on.as_ref()))),
    ),
    person(
        Group::Spouse,
        "A.II.spouse.{n}.in_court_proceedings",
        Part::AII,
        "Is your spouse in Immigration Court proceedings?",
        &["family.{row}.in_court_proceedings"],
        "yes/no; N/A when not married or not in the U.S.",
        |f, m| of_spouse(f, only_in_us(m, answered(m.in_court_proceedings))),
    ),
    person(
        Group::Spouse,
        "A.II.spouse.{n}.previous_arrival_on",
        Part::AII,
        "If previously in the U.S., date of previous arrival",
        &["family.{row}.previous_arrival_on"],
        "if any: blank is NONE; N/A when not married or not in the U.S.",
        |f, m| of_spouse(f, only_in_us(m, if_any(m.previous_arrival_on.as_ref()))),
    ),
    person(
        Group::Spouse,
        "A.II.spouse.{n}.included",
        Part::AII,
        "Is your spouse to be included in this application?",
        &["family.{row}.derivative"],
        CHECKBOX,
        |f, m| of_spouse(f, checkbox(m.derivative)),
    ),
    applicant(
        "A.II.children",
        Part::AII,
        "I do not have any children / total number of children",
        &["children.none"],
        "ticked, or a child listed",
        children,
    ),
    // Part A.II: each child
    person(
        Group::Child,
        "A.II.child.{n}.a_number",
        Part::AII,
        "Alien Registration Number (A-Number) (if any)",
        &["family.{row}.a_number"],
        TEXT,
        |_, m| text(&m.a_number),
    ),
    person(
        Group::Child,
        "A.II.child.{n}.passport_number",
        Part::AII,
        "Passport/ID card number (if any)",
        &["family.{row}.passport_number"],
        TEXT,
        |_, m| text(&m.passport_number),
    ),
    person(
        Group::Child,
        "A.II.child.{n}.marital_status",
        Part::AII,
        "Marital status (married, single, divorced, widowed)",
        &["family.{row}.marital_status"],
        VALUE,
        |_, m| value(m.marital_status.as_ref()),
    ),
    person(
        Group::Child,
        "A.II.child.{n}.ssn",
        Part::AII,
        "U.S. Social Security Number (if any)",
        &["family.{row}.ssn"],
        TEXT,
        |_, m| text(&m.ssn),
    ),
    person(
        Group::Child,
        "A.II.child.{n}.family_name",
        Part::AII,
        "Complete last name",
        &["family.{row}.family_name"],
        TEXT,
        |_, m| text(&m.family_name),
    ),
    person(
        Group::Child,
        "A.II.child.{n}.given_name",
        Part::AII,
        "First name",
        &["family.{row}.given_name"],
        TEXT,
        |_, m| text(&m.given_name),
    ),
    person(
        Group::Child,
        "A.II.child.{n}.middle_name",
        Part::AII,
        "Middle name",
        &["family.{row}.middle_name"],
        TEXT,
        |_, m| text(&m.middle_name),
    ),
    person(
        Group::Child,
        "A.II.child.{n}.date_of_birth",
        Part::AII,
        "Date of birth",
        &["family.{row}.date_of_birth"],
        VALUE,
        |_, m| value(m.date_of_birth.as_ref()),
    ),
    person(
        Group::Child,
        "A.II.child.{n}.city_of_birth",
        Part::AII,
        "City of birth",
        &["family.{row}.city_of_birth"],
        TEXT,
        |_, m| text(&m.city_of_birth),
    ),
    person(
        Group::Child,
        "A.II.child.{n}.country_of_birth",
        Part::AII,
        "Country of birth",
        &["family.{row}.country_of_birth"],
        VALUE,
        |_, m| value(m.country_of_birth.as_ref()),
    ),
    person(
        Group::Child,
        "A.II.child.{n}.nationality",
        Part::AII,
        "Nationality (citizenship)",
        &["family.{row}.nationality"],
        VALUE,
        |_, m| value(m.nationality.as_ref()),
    ),
    person(
        Group::Child,
        "A.II.child.{n}.ethnic_group",
        Part::AII,
        "Race, ethnic, or tribal group",
        &["family.{row}.ethnic_group"],
        TEXT,
        |_, m| text(&m.ethnic_group),
    ),
    person(
        Group::Child,
        "A.II.child.{n}.sex",
        Part::AII,
        "Gender",
        &["family.{row}.sex"],
        VALUE,
        |_, m| value(m.sex.as_ref()),
    ),
    person(
        Group::Child,
        "A.II.child.{n}.in_us",
        Part::AII,
        "Is this child in the U.S.?",
        &["family.{row}.in_us"],
        CHECKBOX,
        |_, m| checkbox(m.in_us),
    ),
    person(
        Group::Child,
        "A.II.child.{n}.location",
        Part::AII,
        "Location, if not in the U.S.",
        &["family.{row}.location"],
        "text; N/A when in the U.S.",
        |_, m| only_abroad(m, text(&m.location)),
    ),
    person(
        Group::Child,
        "A.II.child.{n}.last_entry_place",
        Part::AII,
        "Place of last entry into the U.S.",
        &["family.{row}.last_entry_place"],
        "text; N/A when not in the U.S.",
        |_, m| only_in_us(m, text(&m.last_entry_place)),
    ),
    person(
        Group::Child,
        "A.II.child.{n}.last_entry_on",
        Part::AII,
        "Date of last entry into the U.S.",
        &["family.{row}.last_entry_on"],
        "chosen or dated; N/A when not in the U.S.",
        |_, m| only_in_us(m, value(m.last_entry_on.as_ref())),
    ),
    person(
        Group::Child,
        "A.II.child.{n}.i94_number",
        Part::AII,
        "I-94 number (if any)",
        &["family.{row}.i94_number"],
        "text; N/A when not in the U.S.",
        |_, m| only_in_us(m, text(&m.i94_number)),
    ),
    person(
        Group::Child,
        "A.II.child.{n}.status_when_admitted",
        Part::AII,
        "Status when last admitted (visa type, if any)",
        &["family.{row}.status_when_admitted"],
        "text; N/A when not in the U.S.",
        |_, m| only_in_us(m, text(&m.status_when_admitted)),
    ),
    person(
        Group::Child,
        "A.II.child.{n}.current_status",
        Part::AII,
        "What is your child's current status?",
        &["family.{row}.current_status"],
        "text; N/A when not in the U.S.",
        |_, m| only_in_us(m, text(&m.current_status)),
    ),
    person(
        Group::Child,
        "A.II.child.{n}.status_expires_on",
        Part::AII,
        "Expiration date of authorized stay, if any",
        &["family.{row}.status_expires_on"],
        "if any: blank is NONE; N/A when not in the U.S.",
        |_, m| only_in_us(m, if_any(m.status_expires_on.as_ref())),
    ),
    person(
        Group::Child,
        "A.II.child.{n}.in_court_proceedings",
        Part::AII,
        "Is your child in Immigration Court proceedings?",
        &["family.{row}.in_court_proceedings"],
        "yes/no; N/A when not in the U.S.",
        |_, m| only_in_us(m, answered(m.in_court_proceedings)),
    ),
    person(
        Group::Child,
        "A.II.child.{n}.included",
        Part::AII,
        "Is this child to be included in this application?",
        &["family.{row}.derivative"],
        CHECKBOX,
        |_, m| checkbox(m.derivative),
    ),
    // Part A.III.1 to 4: addresses, residences, schools, jobs
    applicant(
        "A.III.1",
        Part::AIII,
        "Last address before coming to the U.S.",
        &[
            "background.last_address.street",
            "background.last_address.city",
            "background.last_address.province",
            "background.last_address.country",
            "background.last_address.from",
            "background.last_address.to",
        ],
        ADDRESS,
        |f| address(&f.intake.background.last_address, 0),
    ),
    applicant(
        "A.III.1.feared",
        Part::AIII,
        "Last address in the country where you fear persecution (if different)",
        &[
            "background.feared_country_same",
            "background.feared_country_address.street",
            "background.feared_country_address.city",
            "background.feared_country_address.province",
            "background.feared_country_address.country",
            "background.feared_country_address.from",
            "background.feared_country_address.to",
        ],
        "same as above, or an address as above",
        |f| {
            let b = &f.intake.background;
            match (b.feared_country_same, b.feared_country_address.is_empty()) {
                (true, _) => State::Answered,
                (false, true) => State::Missing(0),
                (false, false) => address(&b.feared_country_address, 1),
            }
        },
    ),
    applicant(
        "A.III.2",
        Part::AIII,
        "Residences during the past 5 years (present address first)",
        &["residences"],
        LIST,
        |f| rows(f.intake.residences.len(), false),
    ),
    applicant(
        "A.III.3",
        Part::AIII,
        "Education (most recent first)",
        &["schools", "background.no_schooling"],
        SCHOOLS,
        |f| {
            filled_rows(&f.intake.schools, f.intake.background.no_schooling, |s| {
                [
                    ("name", text(&s.name)),
                    ("kind", text(&s.kind)),
                    ("location", text(&s.location)),
                    ("from", value(s.from)),
                    ("to", value(s.to)),
                ]
            })
        },
    ),
    applicant(
        "A.III.4",
        Part::AIII,
        "Employment during the past 5 years (present first)",
        &["jobs", "background.no_employment"],
        JOBS,
        |f| {
            filled_rows(&f.intake.jobs, f.intake.background.no_employment, |j| {
                [
                    ("employer", text(&j.employer)),
                    ("occupation", text(&j.occupation)),
                    ("from", value(j.from)),
                    ("to", value(j.to)),
                ]
            })
        },
    ),
    // Part A.III.5: the mother, the father and the siblings as Part A.III asks them
    applicant(
        "A.III.5.mother",
        Part::AIII,
        "Mother: full name, city and country of birth, current location or deceased",
        &[
            "background.mother.full_name",
            "background.mother.birth_city",
            "background.mother.birth_country",
            "background.mother.location",
            "background.mother.deceased",
        ],
        RELATIVE,
        |f| relative(&f.intake.background.mother),
    ),
    applicant(
        "A.III.5.father",
        Part::AIII,
        "Father: full name, city and country of birth, current location or deceased",
        &[
            "background.father.full_name",
            "background.father.birth_city",
            "background.father.birth_country",
            "background.father.location",
            "background.father.deceased",
        ],
        RELATIVE,
        |f| relative(&f.intake.background.father),
    ),
    applicant(
        "A.III.5.siblings",
        Part::AIII,
        "Siblings",
        &["siblings", "background.no_siblings"],
        LIST_OR_NONE,
        |f| rows(f.intake.siblings.len(), f.intake.background.no_siblings),
    ),
    // Part B
    applicant(
        "B.1",
        Part::B,
        "Why are you applying for asylum or withholding of removal? (grounds)",
        &["claim_answers.grounds"],
        "at least one ground",
        |f| {
            if f.intake.claim_answers.grounds.is_empty() {
                State::Missing(0)
            } else {
                State::Answered
            }
        },
    ),
    claim_question!(
        "B.1A",
        Part::B,
        "Have you, your family, or close friends or colleagues ever experienced harm or mistreatment or threats in the past?",
        past_harm
    ),
    claim_question!(
        "B.1B",
        Part::B,
        "Do you fear harm or mistreatment if you return to your home country?",
        fear_of_harm
    ),
    claim_question!(
        "B.2",
        Part::B,
        "Have you or your family members ever been accused, charged, arrested, detained, interrogated, convicted and sentenced, or imprisoned in any country other than the United States?",
        arrested_abroad
    ),
    claim_question!(
        "B.3A",
        Part::B,
        "Have you or your family members ever belonged to or been associated with any organizations or groups in your home country?",
        organizations
    ),
    claim_question!(
        "B.3B",
        Part::B,
        "Do you or your family members continue to participate in any way in these organizations or groups?",
        continued_participation
    ),
    claim_question!(
        "B.4",
        Part::B,
        "Are you afraid of being subjected to torture in your home country or any other country to which you may be returned?",
        fear_of_torture
    ),
    // Part C
    claim_question!(
        "C.1",
        Part::C,
        "Have you, your spouse, your child(ren), your parents or your siblings ever applied to the U.S. Government for refugee status, asylum, or withholding of removal?",
        earlier_applications
    ),
    claim_question!(
        "C.2A",
        Part::C,
        "After leaving the country from which you are claiming asylum, did you or your family travel through or reside in any other country before entering the United States?",
        other_countries
    ),
    claim_question!(
        "C.2B",
        Part::C,
        "Have you or your family ever applied for or received any lawful status in any country other than the one from which you are now claiming asylum?",
        status_elsewhere
    ),
    claim_question!(
        "C.3",
        Part::C,
        "Have you, your spouse or your child(ren) ever ordered, incited, assisted or otherwise participated in causing harm or suffering to any person because of race, religion, nationality, membership in a particular social group or belief in a particular political opinion?",
        harmed_others
    ),
    claim_question!(
        "C.4",
        Part::C,
        "After you left the country where you were harmed or fear harm, did you return to that country?",
        returned
    ),
    claim_question!(
        "C.5",
        Part::C,
        "Are you filing this application more than 1 year after your last arrival in the United States?",
        filed_after_one_year
    ),
    claim_question!(
        "C.6",
        Part::C,
        "Have you or any member of your family included in the application ever committed any crime and/or been arrested, charged, convicted, or sentenced for any crimes in the United States?",
        crimes_in_us
    ),
    // Part D
    applicant(
        "D.native_name",
        Part::D,
        "Your name in your native alphabet",
        &["client.native_name"],
        TEXT,
        |f| text(&f.intake.client.native_name),
    ),
];

/// An address of A.III.1 whose fields start at `first` of its item's: missing at its first
/// blank box (a text box takes NONE/N/A; the months must be given).
fn address(a: &Address, first: usize) -> State {
    let boxes = [
        text(&a.street),
        text(&a.city),
        text(&a.province),
        value(a.country.as_ref()),
        value(a.from),
        value(a.to),
    ];
    boxes
        .iter()
        .position(|state| !state.is_ready())
        .map_or(State::Answered, |i| State::Missing(first + i))
}

/// A repeated list (the entries into the US, Part A.III's lists): answered with an entry;
/// with none, the box saying so is an explicit none (`none_ticked`), else it is missing.
fn rows(count: usize, none_ticked: bool) -> State {
    match (count, none_ticked) {
        (0, true) => State::ExplicitNone,
        (0, false) => State::Missing(0),
        _ => State::Answered,
    }
}

/// A list whose rows the form asks box by box (A.III.3's schools, A.III.4's jobs): as
/// [`rows`] when empty; with rows, answered when every box of every row is filled (a "to"
/// of "present" is filled, a text box takes NONE/N/A), else missing at the first blank box
/// of the first incomplete row. `boxes` gives a row's boxes, named as on the intake page, in
/// the form's order.
fn filled_rows<T, const N: usize>(
    list: &[T],
    none_ticked: bool,
    boxes: impl Fn(&T) -> [(&'static str, State); N],
) -> State {
    if list.is_empty() {
        return rows(0, none_ticked);
    }
    list.iter()
        .enumerate()
        .find_map(|(row, entry)| {
            boxes(entry)
                .into_iter()
                .find(|(_, state)| !state.is_ready())
                .map(|(name, _)| State::MissingInRow(row, name))
        })
        .unwrap_or(State::Answered)
}

/// The mother or the father of A.III.5: the name and birthplace written (NONE/UNKNOWN
/// typed counts), and where they are now unless deceased.
fn relative(r: &Relative) -> State {
    let location = if r.deceased {
        State::Answered
    } else {
        text(&r.location)
    };
    [
        text(&r.full_name),
        text(&r.birth_city),
        value(r.birth_country.as_ref()),
        location,
    ]
    .iter()
    .position(|state| !state.is_ready())
    .map_or(State::Answered, State::Missing)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::claim_answers::Ground;
    use crate::domain::intake::FIELD_LABELS;
    use std::collections::BTreeSet;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 6).unwrap()
    }

    fn row(relationship: Relationship) -> FamilyMember {
        FamilyMember {
            relationship: Some(relationship),
            ..Default::default()
        }
    }

    /// An intake with one empty row of each repeated group, and a parent and a sibling (who
    /// give no item): every item appears once.
    fn empty_with_everyone() -> Intake {
        Intake {
            family: vec![
                row(Relationship::Spouse),
                row(Relationship::Child),
                row(Relationship::Parent),
                row(Relationship::Sibling),
            ],
            ..Default::default()
        }
    }

    fn check_of(intake: &Intake) -> Completeness {
        check(&Facts {
            intake,
            today: today(),
            filed_on: None,
        })
    }

    #[test]
    fn part_a2_follows_where_each_person_is_and_the_answer_about_children() {
        let mut intake = Intake::default();
        assert_eq!(state_of(&intake, "A.II.children"), State::Missing(0));
        intake.children.none = true;
        assert_eq!(state_of(&intake, "A.II.children"), State::ExplicitNone);
        intake.children.none = false;
        let mut child = row(Relationship::Child);
        child.location = "Kyiv, Ukraine".into();
        child.ssn = "NONE".into();
        intake.family = vec![child.clone()];
        assert_eq!(state_of(&intake, "A.II.children"), State::Answered);
        assert_eq!(state_of(&intake, "A.II.child.1.location"), State::Answered);
        assert_eq!(state_of(&intake, "A.II.child.1.ssn"), State::ExplicitNone);
        assert_eq!(
            state_of(&intake, "A.II.child.1.last_entry_on"),
            State::NotApplicable
        );
        child.in_us = true;
        intake.family = vec![child];
        assert_eq!(
            state_of(&intake, "A.II.child.1.location"),
            State::NotApplicable
        );
        assert_eq!(
            state_of(&intake, "A.II.child.1.last_entry_on"),
            State::Missing(0)
        );
        assert_eq!(
            state_of(&intake, "A.II.child.1.in_court_proceedings"),
            State::Missing(0)
        );
        assert_eq!(
            state_of(&intake, "A.II.child.1.status_expires_on"),
            State::ExplicitNone
        );
        intake.family[0].in_court_proceedings = Answer::No;
        assert_eq!(
            state_of(&intake, "A.II.child.1.in_court_proceedings"),
            State::Answered
        );
    }

    fn state_of(intake: &Intake, number: &str) -> State {
        items(&Facts {
            intake,
            today: today(),
            filed_on: None,
        })
        .into_iter()
        .find(|item| item.number == number)
        .map(|item| item.state)
        .unwrap_or_else(|| panic!("no item {number}"))
    }

    /// The rows of the table in docs/i589.md: (number, part, fields, rule).
    fn documented() -> Vec<(String, String, Vec<String>, String)> {
        let doc = include_str!("../../docs/i589.md");
        let table = doc
            .split("<!-- items -->")
            .nth(1)
            .expect("docs/i589.md marks its table with <!-- items -->");
        table
            .lines()
            .map(str::trim)
            .filter(|line| line.starts_with('|'))
            .skip(2) // the header and its rule
            .map(|line| {
                let cells: Vec<&str> = line.trim_matches('|').split('|').map(str::trim).collect();
                assert_eq!(cells.len(), 5, "{line}");
                let unquote = |s: &str| s.trim_matches('`').to_string();
                (
                    unquote(cells[0]),
                    cells[1].to_string(),
                    cells[3].split(',').map(|f| unquote(f.trim())).collect(),
                    cells[4].to_string(),
                )
            })
            .collect()
    }

    #[test]
    fn the_docs_table_lists_the_items_of_the_code_in_the_same_order() {
        let in_code: Vec<_> = ITEMS
            .iter()
            .map(|def| {
                (
                    def.number.to_string(),
                    def.part.code().to_string(),
                    def.fields.iter().map(|f| (*f).to_string()).collect(),
                    def.rule.to_string(),
                )
            })
            .collect();
        assert_eq!(documented(), in_code);
    }

    #[test]
    fn every_field_is_an_intake_field_on_the_intake_page() {
        let page = include_str!("../../templates/intake/form.html");
        let labelled: BTreeSet<&str> = FIELD_LABELS.iter().map(|(path, _)| *path).collect();
        for def in ITEMS {
            for field in def.fields {
                let general = field.replace("{row}.", "");
                assert!(
                    labelled.contains(general.as_str()),
                    "{}: {field} is not an intake field",
                    def.number
                );
                // The page writes a field as "client.sex" or, in a row, as
                // self.field("family", *i, "date_of_birth").
                let on_page = match general.split_once('.') {
                    Some((section, name)) if field.contains("{row}") => {
                        format!("self.field(\"{section}\", *i, \"{name}\")")
                    }
                    _ => format!("(\"{general}\""),
                };
                assert!(
                    page.contains(&on_page),
                    "{}: {field} is not on the intake page",
                    def.number
                );
            }
        }
    }

    #[test]
    fn numbers_are_unique_and_a_persons_items_are_one_run() {
        let numbers: BTreeSet<_> = ITEMS.iter().map(|def| def.number).collect();
        assert_eq!(numbers.len(), ITEMS.len());
        let mut seen = Vec::new();
        for def in ITEMS {
            // A person's items are one run (the applicant's come before and after them).
            if seen.last() != Some(&def.group) {
                let repeats = def.group != Group::Applicant && seen.contains(&def.group);
                assert!(!repeats, "{} breaks its group", def.number);
                seen.push(def.group);
            }
            let repeated = def.group != Group::Applicant;
            assert_eq!(def.number.contains("{n}"), repeated, "{}", def.number);
            assert!(
                def.fields.iter().all(|f| f.contains("{row}") == repeated),
                "{}",
                def.number
            );
            assert_eq!(matches!(def.check, Check::Person(_)), repeated);
            assert!(!def.fields.is_empty(), "{}", def.number);
        }
        let parts: Vec<_> = ITEMS.iter().map(|def| def.part).collect();
        assert!(parts.is_sorted(), "items out of the form's order");
    }

    #[test]
    fn on_an_empty_case_every_item_is_missing_but_a_checkbox_or_an_if_any_number() {
        let intake = empty_with_everyone();
        let items = items(&Facts {
            intake: &intake,
            today: today(),
            filed_on: None,
        });
        // Every definition shows up exactly once.
        let defs: Vec<_> = ITEMS.iter().map(|d| d.number.replace("{n}", "1")).collect();
        let numbers: Vec<_> = items.iter().map(|i| i.number.clone()).collect();
        assert_eq!(numbers, defs);
        // The empty rows are of people not in the US, and a child is listed.
        let expected = |def: &ItemDef| match def.rule {
            CHECKBOX => State::Answered,
            "if any: blank is NONE" => State::ExplicitNone,
            "ticked, or a child listed" => State::Answered,
            rule if rule.ends_with("not in the U.S.") => State::NotApplicable,
            _ => State::Missing(0),
        };
        for (item, def) in items.iter().zip(ITEMS) {
            assert_eq!(item.state, expected(def), "{}", item.number);
        }
        let result = check_of(&intake);
        assert_eq!(result.total, ITEMS.len());
        let ready = ITEMS.iter().filter(|d| expected(d).is_ready()).count();
        assert_eq!(result.ready, ready);
        let parts: Vec<_> = result.missing.iter().map(|(part, _)| *part).collect();
        assert_eq!(parts, Part::ALL);
    }

    #[test]
    fn links_land_on_the_row_of_the_person() {
        let mut intake = empty_with_everyone();
        intake.family.insert(0, row(Relationship::Other));
        intake.family.push(row(Relationship::Child));
        let result = check_of(&intake);
        let all: Vec<_> = result.missing.iter().flat_map(|(_, i)| i).collect();
        let find = |number: &str| {
            all.iter()
                .find(|i| i.number == number)
                .unwrap_or_else(|| panic!("{number} not missing"))
        };
        assert_eq!(
            find("A.II.spouse.1.family_name").field(),
            "family.1.family_name"
        );
        assert_eq!(
            find("A.II.child.1.date_of_birth").field(),
            "family.2.date_of_birth"
        );
        assert_eq!(
            find("A.II.child.2.date_of_birth").field(),
            "family.5.date_of_birth"
        );
        assert_eq!(
            find("A.II.child.2.date_of_birth").label,
            "Child 2: Date of birth"
        );
        assert_eq!(
            find("C.5").field(),
            "claim_answers.filed_after_one_year.answer"
        );
        // A row of no I-589 group (other, fiancé) gives no item, nor does a parent's or a
        // sibling's: Part A.III.5 asks them in the background.
        for row in [0, 3, 4] {
            let prefix = format!("family.{row}.");
            assert!(
                !all.iter()
                    .any(|i| i.fields.iter().any(|f| f.starts_with(&prefix))),
                "{prefix}"
            );
        }
    }

    #[test]
    fn the_total_follows_the_people_on_file() {
        let alone = check_of(&Intake::default()).total;
        let children = ITEMS.iter().filter(|d| d.group == Group::Child).count();
        let intake = Intake {
            family: vec![row(Relationship::Child), row(Relationship::Child)],
            ..Default::default()
        };
        assert_eq!(check_of(&intake).total, alone + 2 * children);
    }

    #[test]
    fn none_typed_is_an_explicit_none_and_a_blank_is_missing() {
        let mut intake = Intake::default();
        intake.client.middle_name = "NONE".into();
        intake.client.phone = " n/a ".into();
        intake.client.other_names = vec!["None".into()];
        intake.client.family_name = "Petrenko".into();
        assert_eq!(state_of(&intake, "A.I.6"), State::ExplicitNone);
        assert_eq!(state_of(&intake, "A.I.8.phone"), State::ExplicitNone);
        assert_eq!(state_of(&intake, "A.I.7"), State::ExplicitNone);
        assert_eq!(state_of(&intake, "A.I.4"), State::Answered);
        assert_eq!(state_of(&intake, "A.I.5"), State::Missing(0));
        intake.client.a_number = Some("012345678".into());
        assert_eq!(state_of(&intake, "A.I.1"), State::Answered);
    }

    #[test]
    fn a_yes_without_its_explanation_is_missing_at_the_explanation() {
        let mut intake = Intake::default();
        intake.claim_answers.returned.answer = Answer::Yes;
        assert_eq!(state_of(&intake, "C.4"), State::Missing(1));
        intake.claim_answers.returned.explanation = "Once, in 2023, to bury my father.".into();
        assert_eq!(state_of(&intake, "C.4"), State::Answered);
        intake.claim_answers.past_harm.answer = Answer::No;
        assert_eq!(state_of(&intake, "B.1A"), State::Answered);
        intake.claim_answers.grounds = vec![Ground::Religion];
        assert_eq!(state_of(&intake, "B.1"), State::Answered);
    }

    #[test]
    fn rules_make_items_not_applicable() {
        let mut intake = Intake::default();
        intake.client.passport_numbers = "NONE".into();
        assert_eq!(state_of(&intake, "A.I.22"), State::NotApplicable);
        intake.entry.manner_of_entry = Some(MannerOfEntry::WithoutInspection);
        assert_eq!(state_of(&intake, "A.I.19b"), State::NotApplicable);
        assert_eq!(state_of(&intake, "A.I.19c.expires"), State::NotApplicable);
        intake.entry.i94_number = "123456789A1".into();
        assert_eq!(state_of(&intake, "A.I.19b"), State::Answered);
        intake.entry.manner_of_entry = Some(MannerOfEntry::CbpOne);
        assert_eq!(state_of(&intake, "A.I.19c.expires"), State::Missing(0));

        // A former spouse: the applicant is not married, the spouse's items are not asked.
        let mut former = row(Relationship::Spouse);
        former.marital_status = Some(MaritalStatus::Divorced);
        intake.family = vec![former];
        assert_eq!(
            state_of(&intake, "A.II.spouse.1.date_of_birth"),
            State::NotApplicable
        );
        intake.family[0].marital_status = Some(MaritalStatus::Married);
        assert_eq!(
            state_of(&intake, "A.II.spouse.1.date_of_birth"),
            State::Missing(0)
        );

        let mut abroad = row(Relationship::Child);
        assert_eq!(only_in_us(&abroad, State::Missing(0)), State::NotApplicable);
        abroad.in_us = true;
        assert_eq!(only_in_us(&abroad, State::Missing(0)), State::Missing(0));
    }

    #[test]
    fn parts_b_and_c_are_the_claims_questions_under_their_numbers() {
        use crate::domain::claim_answers::ClaimQuestion;
        for question in ClaimQuestion::ALL {
            let def = ITEMS
                .iter()
                .find(|def| def.number == question.item())
                .unwrap_or_else(|| panic!("no item {}", question.item()));
            assert_eq!(
                def.fields,
                [question.answer_path(), question.explanation_path()],
                "{}",
                def.number
            );
            let mut intake = Intake::default();
            assert_eq!(state_of(&intake, def.number), State::Missing(0));
            intake.claim_answers.get_mut(question).answer = Answer::No;
            assert_eq!(
                state_of(&intake, def.number),
                State::Answered,
                "{}",
                def.number
            );
        }
    }

    #[test]
    fn a_parent_or_sibling_in_the_family_list_gives_no_item() {
        let alone = check_of(&Intake::default());
        let intake = Intake {
            family: vec![row(Relationship::Parent), row(Relationship::Sibling)],
            ..Default::default()
        };
        assert_eq!(check_of(&intake), alone);
    }

    #[test]
    fn part_a_iii_lists_take_their_none_box_and_addresses_are_missing_at_the_first_blank() {
        use crate::domain::background::{Job, Until, YearMonth};
        let mut intake = Intake::default();
        assert_eq!(state_of(&intake, "A.III.4"), State::Missing(0));
        intake.background.no_employment = true;
        assert_eq!(state_of(&intake, "A.III.4"), State::ExplicitNone);
        intake.background.no_employment = false;
        intake.jobs.push(Job {
            employer: "Kharkiv Tractor Plant".into(),
            ..Job::default()
        });
        assert_eq!(
            state_of(&intake, "A.III.4"),
            State::MissingInRow(0, "occupation")
        );
        // A.III.2 has no none: somebody lives somewhere.
        assert_eq!(state_of(&intake, "A.III.2"), State::Missing(0));

        let a = &mut intake.background.last_address;
        a.street = "Sumska 17".into();
        a.city = "Kharkiv".into();
        a.province = "N/A".into();
        assert_eq!(
            state_of(&intake, "A.III.1"),
            State::Missing(3),
            "at the country"
        );
        let a = &mut intake.background.last_address;
        a.country = Some("UA".into());
        a.from = YearMonth::new(2019, 4);
        a.to = Some(Until::Present);
        assert_eq!(state_of(&intake, "A.III.1"), State::Answered);
        // The second address: "same as above", or missing at its own first blank box.
        assert_eq!(state_of(&intake, "A.III.1.feared"), State::Missing(0));
        intake.background.feared_country_address.street = "Artema 5".into();
        assert_eq!(state_of(&intake, "A.III.1.feared"), State::Missing(2));
        intake.background.feared_country_same = true;
        assert_eq!(state_of(&intake, "A.III.1.feared"), State::Answered);

        let father = &mut intake.background.father;
        father.full_name = "Petro Kovalenko".into();
        father.birth_city = "Poltava".into();
        father.birth_country = Some("UA".into());
        assert_eq!(state_of(&intake, "A.III.5.father"), State::Missing(3));
        intake.background.father.deceased = true;
        assert_eq!(state_of(&intake, "A.III.5.father"), State::Answered);
    }

    #[test]
    fn a_school_or_a_job_is_answered_when_every_box_of_every_row_is_filled() {
        use crate::domain::background::{Job, School, Until, YearMonth};
        let school = School {
            name: "Kharkiv National University".into(),
            kind: "University".into(),
            location: "Kharkiv, Ukraine".into(),
            from: YearMonth::new(2008, 9),
            to: YearMonth::new(2013, 6).map(Until::Month),
        };
        let job = Job {
            employer: "Kharkiv Tractor Plant, Moskovskyi Ave 275, Kharkiv".into(),
            occupation: "Engineer".into(),
            from: YearMonth::new(2020, 2),
            to: Some(Until::Present),
        };
        let mut intake = Intake {
            schools: vec![school.clone(), school.clone()],
            jobs: vec![job.clone(), job.clone()],
            ..Default::default()
        };
        assert_eq!(state_of(&intake, "A.III.3"), State::Answered);
        assert_eq!(state_of(&intake, "A.III.4"), State::Answered, "present");
        // The first blank box of the first incomplete row.
        intake.schools[1].kind.clear();
        intake.schools[1].to = None;
        assert_eq!(state_of(&intake, "A.III.3"), State::MissingInRow(1, "kind"));
        intake.schools[0].from = None;
        assert_eq!(state_of(&intake, "A.III.3"), State::MissingInRow(0, "from"));
        intake.jobs[1].to = None;
        assert_eq!(state_of(&intake, "A.III.4"), State::MissingInRow(1, "to"));
        intake.jobs[0].employer = " ".into();
        assert_eq!(
            state_of(&intake, "A.III.4"),
            State::MissingInRow(0, "employer")
        );
        // A text box takes N/A like any other.
        intake.jobs = vec![Job {
            occupation: "N/A".into(),
            ..job
        }];
        assert_eq!(state_of(&intake, "A.III.4"), State::Answered);

        // The link lands on the box, which the intake page has under that name.
        let page = include_str!("../../templates/intake/form.html");
        let labelled: BTreeSet<&str> = FIELD_LABELS.iter().map(|(path, _)| *path).collect();
        let missing = check_of(&intake).missing;
        let item = missing
            .iter()
            .flat_map(|(_, items)| items)
            .find(|item| item.number == "A.III.3")
            .expect("A.III.3 is missing");
        assert_eq!(item.field(), "schools.0.from");
        for (list, boxes) in [
            ("schools", &["name", "kind", "location", "from", "to"][..]),
            ("jobs", &["employer", "occupation", "from", "to"][..]),
        ] {
            for name in boxes {
                assert!(labelled.contains(format!("{list}.{name}").as_str()));
                let on_page = format!("self.field(\"{list}\", *i, \"{name}\")");
                assert!(page.contains(&on_page), "{on_page}");
            }
        }
    }

    #[test]
    fn part_a1_mailing_address_and_marital_status_follow_their_answers() {
        use crate::domain::applicant::ApplicantDetails;
        let mut intake = Intake::default();
        assert_eq!(state_of(&intake, "A.I.9"), State::Missing(0));
        assert_eq!(state_of(&intake, "A.I.19c.entries"), State::Missing(0));
        intake.applicant = ApplicantDetails {
            mailing_same_as_residence: Answer::Yes,
            ..ApplicantDetails::default()
        };
        assert_eq!(state_of(&intake, "A.I.9"), State::NotApplicable);
        intake.applicant.mailing_same_as_residence = Answer::No;
        intake.applicant.mailing_street = "1200 Market St".into();
        assert_eq!(state_of(&intake, "A.I.9"), State::Missing(2), "at the city");
        intake.us_entries.push(Default::default());
        assert_eq!(state_of(&intake, "A.I.19c.entries"), State::Answered);

        // A spouse on file, but the applicant answers A.I.11 divorced: no spouse items.
        intake.family.push(row(Relationship::Spouse));
        let facts = |intake: &Intake| {
            Facts {
                intake,
                today: today(),
                filed_on: None,
            }
            .applicant_married()
        };
        assert!(facts(&intake));
        intake.applicant.marital_status = Some(MaritalStatus::Divorced);
        assert!(!facts(&intake));
    }
}
