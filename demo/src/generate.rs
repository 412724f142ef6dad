//! Pure generation of demo case files: one [`DemoCase`] per (seed, index), the same on every
//! run and every machine (rand 0.8's `StdRng`, seeded from both numbers).
//!
//! Each case follows a profile: where the client comes from, how they reached the United
//! States (the Mexican route through Cancún and Tijuana to San Ysidro, with or without a
//! CBP One appointment; Uniting for Ukraine; a visa; entry without inspection and credible
//! fear), what happened to them at home, their family, and then the office's work on the
//! claim — a stage history that follows [`case_stage::allowed_next`] over months or years,
//! stopping before `today`.

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

use super::events::{
    BANK_MANAGER_EVENT, BELARUS_EVENTS, CAMEROON_EVENTS, CONGO_EVENTS, CUBA_EVENTS, DONBAS_EVENTS,
    ENGINEER_EVENT, ERITREA_EVENTS, GANG_EVENTS, GUINEA_EVENTS, NICARAGUA_EVENTS,
    RESTAURANT_MANAGER_EVENT, RUSSIA_EVENTS, Template, VENEZUELA_EVENTS,
};
use super::people::{
    BELARUSIAN, CAMEROONIAN, CONGOLESE, ERITREAN, Family, GUINEAN, Given, NameSet, RUSSIAN,
    SPANISH, UKRAINIAN,
};
use refuge::domain::applicant::{ApplicantDetails, CourtProceedings, UsEntry};
use refuge::domain::background::{Address, Background, Job, Relative, School, Until, YearMonth};
use refuge::domain::case_stage::{self, CaseStage, ClaimKind};
use refuge::domain::case_work::{KeyDates, NewCaseEvent, NewChecklistItem};
use refuge::domain::claim_answers::{Answer, ClaimAnswers, Ground, YesNoAnswer};
use refuge::domain::codes::{
    self, ChecklistStatus, HearingKind, ImmigrationStatus, MannerOfEntry, MaritalStatus,
    Relationship, Sex, TravelMode,
};
use refuge::domain::deadlines::{
    FilingException, FilingExceptionKind, age_on, one_year_filing_deadline,
};
use refuge::domain::family::ChildrenAnswer;
use refuge::domain::ids::StaffId;
use refuge::domain::intake::{
    ClaimDetails, ClientDetails, EntryDetails, FamilyMember, Intake, JourneyLeg, PersecutionEvent,
};
use refuge::i18n::Language;

/// The staff the generated cases are assigned to, in a stable order.
#[derive(Debug, Clone, Default)]
pub struct Roster {
    pub lawyers: Vec<StaffId>,
    pub paralegals: Vec<StaffId>,
}

/// One change in a case's stage history.
#[derive(Debug, Clone, PartialEq)]
pub struct StageStep {
    pub from: Option<CaseStage>,
    pub to: CaseStage,
    pub at: NaiveDateTime,
    pub by: Option<StaffId>,
    pub note: String,
}

/// The lawyer's conflict-check outcome.
#[derive(Debug, Clone, PartialEq)]
pub struct ConflictCheck {
    pub clear: bool,
    pub note: String,
    pub by: StaffId,
    pub at: NaiveDateTime,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DemoNote {
    pub body: String,
    pub by: Option<StaffId>,
    pub at: NaiveDateTime,
}

/// A whole generated case file.
#[derive(Debug, Clone, PartialEq)]
pub struct DemoCase {
    /// Client, entry, family, journey, persecution history, claim kind and assignment.
    pub intake: Intake,
    pub intake_complete: bool,
    pub created_at: NaiveDateTime,
    /// Oldest first; the first step is `None → inquiry` at `created_at`.
    pub history: Vec<StageStep>,
    pub conflict: Option<ConflictCheck>,
    /// The key dates the office entered (filing, receipt, decisions, court check).
    pub key_dates: KeyDates,
    /// Hearings, interviews and biometrics, held and upcoming.
    pub events: Vec<NewCaseEvent>,
    pub checklist: Vec<NewChecklistItem>,
    pub notes: Vec<DemoNote>,
}

impl DemoCase {
    pub fn kind(&self) -> ClaimKind {
        self.intake.claim.kind.unwrap_or(ClaimKind::Affirmative)
    }

    pub fn stage(&self) -> CaseStage {
        self.history.last().map_or(CaseStage::Inquiry, |s| s.to)
    }

    /// When the case last changed: its last stage change or note.
    pub fn updated_at(&self) -> NaiveDateTime {
        let last_step = self.history.last().map_or(self.created_at, |s| s.at);
        self.notes
            .iter()
            .map(|n| n.at)
            .fold(last_step, NaiveDateTime::max)
    }

    /// When the case reached a final stage, if it is in one.
    pub fn closed_at(&self) -> Option<NaiveDateTime> {
        let last = self.history.last()?;
        (!last.to.is_open()).then_some(last.at)
    }
}

/// The generator of one case: every random choice comes from `rng`, in a fixed order.
struct Gen<'a> {
    rng: StdRng,
    today: NaiveDate,
    roster: &'a Roster,
    seed: u64,
    index: u64,
}

/// The case with this index in the demo data set of `seed`, as of `today`.
pub fn generate(seed: u64, index: u64, today: NaiveDate, roster: &Roster) -> DemoCase {
    let mut bytes = [0u8; 32];
    bytes[..8].copy_from_slice(&seed.to_le_bytes());
    bytes[8..16].copy_from_slice(&index.to_le_bytes());
    bytes[16..24].copy_from_slice(b"refuge-d");
    let mut generator = Gen {
        rng: StdRng::from_seed(bytes),
        today,
        roster,
        seed,
        index,
    };
    generator.case()
}

// ---------------------------------------------------------------------------------------------
// Small helpers

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN)
}

fn days(date: NaiveDate, n: i64) -> NaiveDate {
    date + Duration::days(n)
}

fn at_time(date: NaiveDate, hour: u32, minute: u32) -> NaiveDateTime {
    date.and_time(NaiveTime::from_hms_opt(hour, minute, 0).unwrap_or_default())
}

/// Lower-case ASCII for e-mail addresses and handles.
fn ascii_handle(text: &str) -> String {
    deunicode::deunicode(text)
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect::<String>()
        .to_lowercase()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Origin {
    Russia,
    Donbas,
    Ukraine,
    Belarus,
    Venezuela,
    Nicaragua,
    Cuba,
    Honduras,
    Colombia,
    Cameroon,
    Eritrea,
    Guinea,
    Congo,
}

impl Origin {
    fn names(self) -> &'static NameSet {
        match self {
            Self::Russia => &RUSSIAN,
            Self::Donbas | Self::Ukraine => &UKRAINIAN,
            Self::Belarus => &BELARUSIAN,
            Self::Venezuela | Self::Nicaragua | Self::Cuba | Self::Honduras | Self::Colombia => {
                &SPANISH
            }
            Self::Cameroon => &CAMEROONIAN,
            Self::Eritrea => &ERITREAN,
            Self::Guinea => &GUINEAN,
            Self::Congo => &CONGOLESE,
        }
    }

    /// The race, ethnic or tribal group most asylum seekers from here would write (I-589).
    fn ethnic_group(self) -> &'static str {
        match self {
            Self::Russia => "Russian",
            Self::Donbas | Self::Ukraine => "Ukrainian",
            Self::Belarus => "Belarusian",
            Self::Venezuela | Self::Nicaragua | Self::Honduras | Self::Colombia => "Mestizo",
            Self::Cuba => "Hispanic",
            Self::Cameroon => "Bamileke",
            Self::Eritrea => "Tigrinya",
            Self::Guinea => "Fulani",
            Self::Congo => "Luba",
        }
    }

    fn country(self) -> &'static str {
        match self {
            Self::Russia => "RU",
            Self::Donbas | Self::Ukraine => "UA",
            Self::Belarus => "BY",
            Self::Venezuela => "VE",
            Self::Nicaragua => "NI",
            Self::Cuba => "CU",
            Self::Honduras => "HN",
            Self::Colombia => "CO",
            Self::Cameroon => "CM",
            Self::Eritrea => "ER",
            Self::Guinea => "GN",
            Self::Congo => "CD",
        }
    }

    fn cities(self) -> &'static [&'static str] {
        match self {
            Self::Russia => &[
                "Moscow",
                "Moscow",
                "Moscow",
                "Saint Petersburg",
                "Saint Petersburg",
                "Kazan",
                "Yekaterinburg",
                "Novosibirsk",
                "Krasnodar",
                "Nizhny Novgorod",
                "Samara",
                "Ufa",
            ],
            Self::Donbas => &["Donetsk", "Donetsk", "Makiivka", "Horlivka", "Luhansk"],
            Self::Ukraine => &[
                "Kharkiv",
                "Mariupol",
                "Kherson",
                "Kyiv",
                "Odesa",
                "Melitopol",
            ],
            Self::Belarus => &["Minsk", "Minsk", "Minsk", "Homiel", "Brest", "Hrodna"],
            Self::Venezuela => &["Caracas", "Maracaibo", "Valencia"],
            Self::Nicaragua => &["Managua", "Masaya", "León"],
            Self::Cuba => &["Havana", "Santiago de Cuba", "San Antonio de los Baños"],
            Self::Honduras => &["San Pedro Sula", "Tegucigalpa"],
            Self::Colombia => &["Cali", "Medellín", "Cúcuta"],
            Self::Cameroon => &["Bamenda", "Buea", "Kumba"],
            Self::Eritrea => &["Asmara", "Keren", "Mendefera"],
            Self::Guinea => &["Conakry", "Labé"],
            Self::Congo => &["Kinshasa", "Goma", "Lubumbashi"],
        }
    }

    fn east_slavic(self) -> bool {
        matches!(
            self,
            Self::Russia | Self::Donbas | Self::Ukraine | Self::Belarus
        )
    }
}

/// How the client reached the United States.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Path {
    /// Presented at a port of entry and paroled (2022 to May 2023).
    BorderParole,
    /// A CBP One appointment at a port of entry (January 2023 to January 2025).
    CbpOne,
    /// Crossed between ports, apprehended, expedited removal and credible fear.
    WithoutInspection,
    /// Arrived by air on a visa; inside the US, must file within a year.
    Visa,
    /// Uniting for Ukraine parole (April 2022 to January 2025).
    UnitingForUkraine,
}

/// The special people of DOMAIN.md's "Sample people", each a few per cent of the data set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Profile {
    Ordinary,
    BankManager,
    MathsTeacher,
    DonetskEngineer,
    RestaurantManager,
}

struct Person {
    family: String,
    sex: Sex,
}

impl Gen<'_> {
    fn chance(&mut self, p: f64) -> bool {
        self.rng.gen_bool(p.clamp(0.0, 1.0))
    }

    fn range(&mut self, low: i64, high: i64) -> i64 {
        if high <= low {
            low
        } else {
            self.rng.gen_range(low..=high)
        }
    }

    fn pick<'b, T>(&mut self, items: &'b [T]) -> &'b T {
        &items[self.rng.gen_range(0..items.len())]
    }

    fn weighted<T: Copy>(&mut self, items: &[(T, u32)]) -> T {
        let total: u32 = items.iter().map(|(_, w)| w).sum();
        let mut roll = self.rng.gen_range(0..total.max(1));
        for (item, weight) in items {
            if roll < *weight {
                return *item;
            }
            roll -= weight;
        }
        items[0].0
    }

    /// A date uniformly between two dates (inclusive), skewed towards `to` by `skew` > 1.
    fn date_between(&mut self, from: NaiveDate, to: NaiveDate, skew: f64) -> NaiveDate {
        let span = (to - from).num_days().max(0);
        let u: f64 = self.rng.r#gen();
        let offset = (span as f64 * u.powf(1.0 / skew)).round() as i64;
        days(from, offset.min(span))
    }

    fn office_time(&mut self, date: NaiveDate) -> NaiveDateTime {
        let hour = self.rng.gen_range(9..18);
        let minute = self.rng.gen_range(0..60);
        at_time(date, hour, minute)
    }

    // -----------------------------------------------------------------------------------------
    // The case

    fn case(&mut self) -> DemoCase {
        let origin = self.weighted(&[
            (Origin::Russia, 44),
            (Origin::Donbas, 8),
            (Origin::Ukraine, 7),
            (Origin::Belarus, 8),
            (Origin::Venezuela, 5),
            (Origin::Nicaragua, 3),
            (Origin::Cuba, 3),
            (Origin::Honduras, 3),
            (Origin::Colombia, 2),
            (Origin::Cameroon, 5),
            (Origin::Eritrea, 3),
            (Origin::Guinea, 5),
            (Origin::Congo, 4),
        ]);
        let profile = match origin {
            Origin::Russia => self.weighted(&[
                (Profile::Ordinary, 91),
                (Profile::BankManager, 3),
                (Profile::MathsTeacher, 3),
                (Profile::RestaurantManager, 3),
            ]),
            Origin::Donbas => {
                self.weighted(&[(Profile::Ordinary, 85), (Profile::DonetskEngineer, 15)])
            }
            _ => Profile::Ordinary,
        };
        let path = match (profile, origin) {
            (Profile::BankManager | Profile::MathsTeacher | Profile::RestaurantManager, _) => {
                self.weighted(&[(Path::BorderParole, 60), (Path::CbpOne, 40)])
            }
            (Profile::DonetskEngineer, _) => {
                self.weighted(&[(Path::BorderParole, 40), (Path::CbpOne, 60)])
            }
            (_, Origin::Russia) => self.weighted(&[
                (Path::BorderParole, 36),
                (Path::CbpOne, 28),
                (Path::WithoutInspection, 10),
                (Path::Visa, 26),
            ]),
            (_, Origin::Donbas) => self.weighted(&[
                (Path::BorderParole, 25),
                (Path::CbpOne, 30),
                (Path::UnitingForUkraine, 35),
                (Path::WithoutInspection, 10),
            ]),
            (_, Origin::Ukraine) => self.weighted(&[
                (Path::UnitingForUkraine, 60),
                (Path::Visa, 25),
                (Path::CbpOne, 15),
            ]),
            (_, Origin::Belarus) => self.weighted(&[
                (Path::CbpOne, 30),
                (Path::BorderParole, 20),
                (Path::Visa, 40),
                (Path::WithoutInspection, 10),
            ]),
            (
                _,
                Origin::Venezuela
                | Origin::Nicaragua
                | Origin::Cuba
                | Origin::Honduras
                | Origin::Colombia,
            ) => self.weighted(&[
                (Path::CbpOne, 40),
                (Path::WithoutInspection, 42),
                (Path::Visa, 18),
            ]),
            _ => self.weighted(&[
                (Path::CbpOne, 35),
                (Path::WithoutInspection, 57),
                (Path::Visa, 8),
            ]),
        };
        let kind = match path {
            Path::WithoutInspection => {
                self.weighted(&[(ClaimKind::CredibleFear, 85), (ClaimKind::Defensive, 15)])
            }
            Path::BorderParole | Path::CbpOne => {
                self.weighted(&[(ClaimKind::Defensive, 65), (ClaimKind::Affirmative, 35)])
            }
            Path::Visa | Path::UnitingForUkraine => ClaimKind::Affirmative,
        };

        let mut arrival = self.arrival(path, origin);
        if profile == Profile::MathsTeacher {
            // Arrested on the day of the invasion, she left months later.
            arrival = arrival.max(ymd(2022, 6, 1));
        }
        let sex = match profile {
            Profile::MathsTeacher => Sex::Female,
            Profile::BankManager | Profile::DonetskEngineer | Profile::RestaurantManager => {
                Sex::Male
            }
            Profile::Ordinary => {
                self.weighted(&[(Sex::Male, 60), (Sex::Female, 39), (Sex::Unspecified, 1)])
            }
        };
        let age = match profile {
            Profile::BankManager => self.range(38, 55),
            Profile::MathsTeacher => self.range(40, 48),
            Profile::DonetskEngineer => self.range(34, 45),
            Profile::RestaurantManager => self.range(30, 45),
            Profile::Ordinary => {
                let band = self.weighted(&[
                    ((18, 24), 12),
                    ((25, 34), 38),
                    ((35, 44), 30),
                    ((45, 54), 14),
                    ((55, 70), 6),
                ]);
                self.range(band.0, band.1)
            }
        };
        let born = days(ymd(arrival.year() - age as i32, 1, 1), self.range(0, 364));
        let home = (*self.pick(origin.cities())).to_string();
        let journey = self.journey(origin, path, profile, &home, arrival);
        let departed = journey
            .first()
            .and_then(|leg| leg.departed_on)
            .unwrap_or(arrival);
        let names = origin.names();
        let (client, person) = self.client(origin, path, names, sex, born);
        let family = self.family(profile, names, &person, born, arrival, &home);
        let persecution = self.persecution(origin, profile, &home, sex, departed);
        let entry = self.entry(path, arrival);
        let mut family = family;
        self.part_a2(&mut family, origin, &home, &entry, arrival);

        let lawyer = self.staff_member(true);
        let created = self.case_opened(path, arrival);
        let (history, conflict) = self.walk(kind, created, lawyer);
        let stage = history.last().map_or(CaseStage::Inquiry, |s| s.to);
        let retained = history.iter().any(|s| s.to == CaseStage::Retained);
        let paralegal = if retained || self.chance(0.3) {
            self.staff_member(false)
        } else {
            None
        };
        // The paralegal does the filing work once there is one.
        let history: Vec<StageStep> = history
            .into_iter()
            .map(|mut step| {
                if paralegal.is_some() && is_paperwork(step.to) {
                    step.by = paralegal;
                }
                step
            })
            .collect();
        let key_dates = self.key_dates(&history, stage, arrival, &entry);
        let events = self.events(&history, stage, path);
        let checklist = if retained {
            self.checklist(&history, &persecution, &family)
        } else {
            Vec::new()
        };
        let notes = self.notes(&history, lawyer, paralegal, &family, origin);
        let claim_answers = if stage == CaseStage::Inquiry {
            // Parts B and C are gone through once the office takes the case.
            ClaimAnswers::default()
        } else {
            self.claim_answers(origin, &persecution, &journey, arrival, &entry, &key_dates)
        };

        let has_child = family
            .iter()
            .any(|m| m.relationship == Some(Relationship::Child));
        let background = if stage == CaseStage::Inquiry {
            // Part A.III is gone through with the client once the office takes the case.
            DemoBackground::default()
        } else {
            let mut background = background(origin, names, &person, &home, born, departed);
            background.name_the_family(&family);
            background
        };

        let mut intake = Intake {
            client,
            entry,
            family,
            journey,
            persecution,
            claim: ClaimDetails {
                kind: Some(kind),
                lawyer_id: lawyer,
                paralegal_id: paralegal,
            },
            claim_answers,
            children: ChildrenAnswer {
                // An empty list of children is mostly asked about once the office takes the case.
                none: stage != CaseStage::Inquiry && !has_child && self.chance(0.85),
            },
            background: background.background,
            residences: background.residences,
            schools: background.schools,
            jobs: background.jobs,
            siblings: background.siblings,
            applicant: ApplicantDetails::default(),
            us_entries: Vec::new(),
        };
        if stage != CaseStage::Inquiry {
            // Part A.I is gone through with the client once the office takes the case.
            let (applicant, us_entries) =
                self.applicant(origin, path, kind, &home, departed, &intake);
            intake.applicant = applicant;
            intake.us_entries = us_entries;
        }
        intake.client.immigration_status = Some(self.status(&history, path, &intake.entry));
        let intake_complete = stage != CaseStage::Inquiry || self.chance(0.5);
        DemoCase {
            intake,
            intake_complete,
            created_at: history
                .first()
                .map_or_else(|| at_time(created, 10, 0), |s| s.at),
            history,
            conflict,
            key_dates,
            events,
            checklist,
            notes,
        }
    }

    fn staff_member(&mut self, lawyer: bool) -> Option<StaffId> {
        let list = if lawyer {
            &self.roster.lawyers
        } else {
            &self.roster.paralegals
        };
        if list.is_empty() {
            return None;
        }
        // A few staff carry most of the caseload, as in a real office.
        let i = self.rng.gen_range(0..list.len());
        let j = self.rng.gen_range(0..list.len());
        Some(list[i.min(j)])
    }

    /// The date of the last arrival, within the years the path was open.
    fn arrival(&mut self, path: Path, origin: Origin) -> NaiveDate {
        let latest = days(self.today, -3);
        let (from, to, skew) = match path {
            Path::BorderParole => (ymd(2022, 3, 1), ymd(2023, 5, 11), 1.0),
            Path::CbpOne => (ymd(2023, 1, 18), ymd(2025, 1, 20), 1.0),
            Path::UnitingForUkraine => (ymd(2022, 4, 25), ymd(2025, 1, 27), 0.8),
            Path::WithoutInspection if origin.east_slavic() => (ymd(2022, 3, 1), latest, 1.0),
            Path::WithoutInspection => (ymd(2021, 6, 1), latest, 1.0),
            // Recent visa arrivals are the ones racing the one-year deadline.
            // Some call the office weeks before the deadline.
            Path::Visa if self.chance(0.15) => {
                (days(self.today, -358), days(self.today, -290), 1.0)
            }
            Path::Visa if self.chance(0.2) => (days(self.today, -400), latest, 1.0),
            Path::Visa => (ymd(2022, 3, 1), latest, 1.0),
        };
        let to = to.min(latest);
        let from = from.min(days(to, -30));
        self.date_between(from, to, skew)
    }

    /// When the client first called the office.
    fn case_opened(&mut self, path: Path, arrival: NaiveDate) -> NaiveDate {
        let delay = match path {
            Path::WithoutInspection => self.range(1, 20),
            Path::BorderParole | Path::CbpOne => self.range(5, 200),
            Path::UnitingForUkraine => self.range(20, 500),
            Path::Visa if (290..=360).contains(&(self.today - arrival).num_days()) => {
                // Calling weeks before the one-year deadline.
                (self.today - arrival).num_days() - self.range(1, 45)
            }
            Path::Visa => {
                let band = self.weighted(&[((20, 200), 50), ((200, 330), 40), ((330, 500), 10)]);
                self.range(band.0, band.1)
            }
        };
        days(arrival, delay).min(days(self.today, -1)).max(arrival)
    }

    // -----------------------------------------------------------------------------------------
    // Names and the client

    fn name_of(&mut self, names: &NameSet, sex: Sex) -> (&'static Given, &'static Family) {
        let given_list: &'static [Given] = match sex {
            Sex::Female => names.female,
            Sex::Male => names.male,
            Sex::Unspecified => {
                if self.chance(0.5) {
                    names.female
                } else {
                    names.male
                }
            }
        };
        let given = &given_list[self.rng.gen_range(0..given_list.len())];
        let family = &names.family[self.rng.gen_range(0..names.family.len())];
        (given, family)
    }

    fn client(
        &mut self,
        origin: Origin,
        path: Path,
        names: &'static NameSet,
        sex: Sex,
        born: NaiveDate,
    ) -> (ClientDetails, Person) {
        let (given, family) = self.name_of(names, sex);
        let female = sex == Sex::Female;
        let (family_native, family_latin) = if female {
            (family.native_f, family.latin_f)
        } else {
            (family.native, family.latin)
        };
        let mut family_name = family_latin[0].to_string();
        let mut family_alt: Vec<String> = family_latin.iter().map(|s| s.to_string()).collect();
        if names.two_family_names {
            let second = &names.family[self.rng.gen_range(0..names.family.len())];
            if second.latin[0] != family_latin[0] {
                family_name = format!("{} {}", family_latin[0], second.latin[0]);
                family_alt = vec![
                    family_name.clone(),
                    format!(
                        "{} {}",
                        family_latin.last().unwrap_or(&""),
                        second.latin.last().unwrap_or(&"")
                    ),
                    family_latin[0].to_string(),
                ];
            }
        }
        let patronymic =
            (!names.patronymics.is_empty()).then(|| self.rng.gen_range(0..names.patronymics.len()));
        let (middle_name, native_name) = match patronymic.map(|i| &names.patronymics[i]) {
            Some(p) => {
                let (native_p, latin_p) = if female {
                    (p.native_f, p.latin_f)
                } else {
                    (p.native, p.latin)
                };
                // International passports carry no patronymic; some intakes record it anyway.
                let middle = if self.chance(0.55) {
                    "NONE".to_string()
                } else {
                    latin_p.to_string()
                };
                (
                    middle,
                    format!("{family_native} {} {native_p}", given.native),
                )
            }
            None if !given.native.is_empty() => (
                "NONE".to_string(),
                format!("{} {family_native}", given.native),
            ),
            None => ("NONE".to_string(), String::new()),
        };
        let given_name = given.latin[0].to_string();
        let passport_name = format!("{given_name} {family_name}");
        let mut other_names = Vec::new();
        let wanted = self.weighted(&[(0usize, 10), (1, 35), (2, 35), (3, 20)]);
        for _ in 0..wanted * 2 {
            if other_names.len() >= wanted {
                break;
            }
            let g = self.pick(given.latin);
            let f = self.pick(&family_alt).clone();
            let candidate = format!("{g} {f}");
            if candidate != passport_name && !other_names.contains(&candidate) {
                other_names.push(candidate);
            }
        }
        let country = origin.country();
        let mut nationalities = vec![country.to_string()];
        if origin == Origin::Donbas && self.chance(0.15) {
            // Russia handed out its passports in the occupied territories.
            nationalities.push("RU".into());
        }
        let country_of_birth = if origin == Origin::Russia && born.year() < 1991 && self.chance(0.1)
        {
            (*self.pick(&["UA", "KZ", "UZ", "BY"])).to_string()
        } else {
            country.to_string()
        };
        let languages: Vec<String> = match origin {
            Origin::Russia => vec!["ru"],
            Origin::Donbas => vec!["ru", "uk"],
            Origin::Ukraine => vec!["uk", "ru"],
            Origin::Belarus => {
                if self.chance(0.4) {
                    vec!["be", "ru"]
                } else {
                    vec!["ru", "be"]
                }
            }
            Origin::Venezuela
            | Origin::Nicaragua
            | Origin::Cuba
            | Origin::Honduras
            | Origin::Colombia => vec!["es"],
            Origin::Cameroon => vec!["en", "fr"],
            Origin::Eritrea => vec!["ti"],
            Origin::Guinea => vec!["fr", "ff"],
            Origin::Congo => vec!["fr", "ln"],
        }
        .into_iter()
        .map(str::to_string)
        .collect();
        let interpreter_needed = match origin {
            Origin::Cameroon => self.chance(0.2),
            _ => self.chance(0.8),
        };
        let a_number = match path {
            Path::Visa => self.chance(0.3),
            Path::UnitingForUkraine => self.chance(0.6),
            _ => true,
        }
        .then(|| {
            // Unique within a data set: a prime step through 100 million numbers.
            let step = self.index.wrapping_mul(104_729);
            let n = 200_000_000 + step.wrapping_add(self.seed.wrapping_mul(7_919)) % 100_000_000;
            format!("{n:09}")
        });
        let passport_numbers = match origin {
            Origin::Russia => format!(
                "{} {:07}",
                self.range(70, 77),
                self.rng.gen_range(0..10_000_000)
            ),
            Origin::Donbas | Origin::Ukraine => format!(
                "{}{:06}",
                self.pick(&["FA", "FE", "FF", "GA", "EK"]),
                self.rng.gen_range(0..1_000_000)
            ),
            Origin::Belarus => format!(
                "{}{:07}",
                self.pick(&["MP", "KH", "HB"]),
                self.rng.gen_range(0..10_000_000)
            ),
            _ => format!(
                "{}{:07}",
                self.pick(&["A", "C", "P", "N"]),
                self.rng.gen_range(0..10_000_000)
            ),
        };
        let passport_expiry = Some(days(self.today, self.range(-700, 3000)));
        let region = *self.pick(&REGIONS);
        let handle = format!(
            "{}.{}{}",
            ascii_handle(&given_name),
            ascii_handle(family_latin[0]),
            self.range(1, 99)
        );
        let phone = format!("+1 {} 555 01{:02}", region.0, self.rng.gen_range(0..100));
        let messenger = match self.weighted(&[(0, 50), (1, 30), (2, 10), (3, 10)]) {
            0 => format!("Telegram @{}", handle.replace('.', "_")),
            1 => format!("WhatsApp {phone}"),
            2 => format!("Signal {phone}"),
            _ => String::new(),
        };
        let us_address = format!(
            "{} {}, Apt {}, {}, {} {}",
            self.range(100, 9800),
            self.pick(&STREETS),
            self.range(1, 40),
            region.1,
            region.2,
            region.3
        );
        let client = ClientDetails {
            family_name,
            given_name: given_name.clone(),
            middle_name,
            native_name: native_name.clone(),
            other_names,
            date_of_birth: Some(born),
            sex: Some(sex),
            country_of_birth: Some(country_of_birth),
            nationalities,
            languages,
            interpreter_needed,
            a_number,
            passport_numbers,
            passport_expiry,
            phone,
            // Shared phones and addresses with relatives are common; e-mail rarely is.
            phone_safe: self.chance(0.85),
            email: format!("{handle}@example.com"),
            email_safe: self.chance(0.95),
            us_address,
            address_safe: self.chance(0.8),
            messenger_safe: !messenger.is_empty() && self.chance(0.9),
            messenger,
            immigration_status: None,
        };
        let person = Person {
            family: family_latin[0].to_string(),
            sex,
        };
        (client, person)
    }

    // -----------------------------------------------------------------------------------------
    // Family

    fn relative(
        &mut self,
        names: &'static NameSet,
        sex: Sex,
        family_of: &Family,
    ) -> (String, String, String) {
        let (given, _) = self.name_of(names, sex);
        let (native_family, latin_family) = if sex == Sex::Female {
            (family_of.native_f, family_of.latin_f[0])
        } else {
            (family_of.native, family_of.latin[0])
        };
        let native = if given.native.is_empty() {
            String::new()
        } else {
            format!("{} {native_family}", given.native)
        };
        (latin_family.to_string(), given.latin[0].to_string(), native)
    }

    #[allow(clippy::too_many_arguments)]
    fn family(
        &mut self,
        profile: Profile,
        names: &'static NameSet,
        client: &Person,
        client_born: NaiveDate,
        arrival: NaiveDate,
        home: &str,
    ) -> Vec<FamilyMember> {
        let today = self.today;
        // The client's family name as a `Family`, to form relatives' names from.
        let family_of = names
            .family
            .iter()
            .find(|f| f.latin[0] == client.family || f.latin_f[0] == client.family)
            .unwrap_or(&names.family[0]);
        let client_age = age_on(client_born, arrival) as i64;
        let mut members = Vec::new();

        let married = match profile {
            Profile::BankManager | Profile::DonetskEngineer | Profile::RestaurantManager => true,
            Profile::MathsTeacher => self.chance(0.5),
            Profile::Ordinary => client_age >= 24 && self.chance(0.62),
        };
        if married {
            let sex = match client.sex {
                Sex::Male => Sex::Female,
                Sex::Female => Sex::Male,
                Sex::Unspecified => Sex::Unspecified,
            };
            // Spanish-speaking spouses keep their own family names.
            let spouse_family = if names.two_family_names {
                &names.family[self.rng.gen_range(0..names.family.len())]
            } else {
                family_of
            };
            let (family_name, given_name, native_name) = self.relative(names, sex, spouse_family);
            let in_us = match profile {
                Profile::DonetskEngineer | Profile::RestaurantManager => true,
                Profile::MathsTeacher => false,
                _ => self.chance(0.78),
            };
            let notes = if in_us {
                String::new()
            } else {
                format!("Stayed in {home}")
            };
            members.push(FamilyMember {
                relationship: Some(Relationship::Spouse),
                family_name,
                given_name,
                native_name,
                date_of_birth: Some(
                    days(client_born, self.range(-2500, 2500)).min(days(today, -18 * 365)),
                ),
                marital_status: Some(MaritalStatus::Married),
                in_us,
                derivative: in_us,
                safe_to_contact: in_us || self.chance(0.5),
                notes,
                sex: Some(sex),
                ..FamilyMember::default()
            });
        }

        let children = match profile {
            Profile::MathsTeacher | Profile::DonetskEngineer => 4,
            Profile::BankManager => self.range(1, 2) as usize,
            _ if client_age < 22 => 0,
            _ => self.weighted(&[(0usize, 32), (1, 24), (2, 24), (3, 12), (4, 6), (5, 2)]),
        };
        // Children born when the client was 20 to 42, never after today.
        let earliest = days(client_born, 20 * 365);
        let latest = days(client_born, 42 * 365).min(days(today, -60));
        let mut births: Vec<NaiveDate> = (0..children)
            .filter(|_| earliest < latest)
            .map(|_| {
                let span = (latest - earliest).num_days();
                days(earliest, self.range(0, span))
            })
            .collect();
        if profile == Profile::DonetskEngineer {
            // Four children aged 2 to 14 at arrival.
            births = [2, 6, 10, 14]
                .iter()
                .map(|age| days(arrival, -(age * 365 + self.range(0, 300))))
                .collect();
        }
        // About one family in ten has a child about to turn 21: the office must see it coming.
        if !births.is_empty() && self.chance(0.12) {
            let turns_21 = days(today, self.range(5, 200));
            let born = ymd(
                turns_21.year() - 21,
                turns_21.month(),
                turns_21.day().min(28),
            );
            if born > days(client_born, 16 * 365) {
                births[0] = born;
            }
        }
        births.sort();
        for born in births {
            let sex = if self.chance(0.5) {
                Sex::Female
            } else {
                Sex::Male
            };
            let (family_name, given_name, native_name) = self.relative(names, sex, family_of);
            let age = age_on(born, today);
            let adult_married = age >= 22 && self.chance(0.4);
            let in_us = match profile {
                Profile::MathsTeacher | Profile::DonetskEngineer => true,
                _ if age < 21 => self.chance(0.85),
                _ => self.chance(0.35),
            };
            let marital_status = if age < 18 {
                None
            } else if adult_married {
                Some(MaritalStatus::Married)
            } else {
                Some(MaritalStatus::Single)
            };
            let derivative = in_us && age < 21 && !adult_married;
            let notes = if !in_us && age < 18 {
                format!("Lives with grandparents in {home}")
            } else if derivative && age >= 20 {
                "Turns 21 soon: file before the birthday or rely on CSPA".to_string()
            } else {
                String::new()
            };
            members.push(FamilyMember {
                relationship: Some(Relationship::Child),
                family_name,
                given_name,
                native_name,
                date_of_birth: Some(born),
                marital_status,
                in_us,
                derivative,
                safe_to_contact: in_us || self.chance(0.6),
                notes,
                sex: Some(sex),
                ..FamilyMember::default()
            });
        }

        if profile == Profile::MathsTeacher || self.chance(0.015) {
            // The daughter's fiancé travels with the family and can never be a derivative.
            let other = &names.family[self.rng.gen_range(0..names.family.len())];
            let (family_name, given_name, native_name) = self.relative(names, Sex::Male, other);
            members.push(FamilyMember {
                relationship: Some(Relationship::Fiance),
                family_name,
                given_name,
                native_name,
                date_of_birth: Some(days(today, -self.range(20 * 365, 26 * 365))),
                marital_status: Some(MaritalStatus::Single),
                in_us: true,
                derivative: false,
                safe_to_contact: true,
                notes: "The daughter's fiancé; must file his own asylum application".into(),
                ..FamilyMember::default()
            });
        }

        // Parents who stayed behind, often watched by the police.
        let watched = profile == Profile::BankManager || self.chance(0.35);
        for (sex, p) in [(Sex::Female, 0.55), (Sex::Male, 0.35)] {
            if client_age > 60 || !(self.chance(p) || (sex == Sex::Female && watched)) {
                continue;
            }
            let (family_name, given_name, native_name) = self.relative(names, sex, family_of);
            let notes = if watched && sex == Sex::Female {
                format!(
                    "Lives in {home}. Was questioned about where the client is: do not contact by phone or messenger"
                )
            } else {
                format!("Lives in {home}")
            };
            members.push(FamilyMember {
                relationship: Some(Relationship::Parent),
                family_name,
                given_name,
                native_name,
                sex: Some(sex),
                date_of_birth: Some(days(client_born, -self.range(20 * 365, 38 * 365))),
                marital_status: Some(MaritalStatus::Married),
                in_us: false,
                derivative: false,
                safe_to_contact: !watched,
                notes,
                ..FamilyMember::default()
            });
        }
        if self.chance(0.1) {
            let sex = if self.chance(0.5) {
                Sex::Female
            } else {
                Sex::Male
            };
            let (family_name, given_name, native_name) = self.relative(names, sex, family_of);
            let in_us = self.chance(0.3);
            members.push(FamilyMember {
                relationship: Some(Relationship::Sibling),
                family_name,
                given_name,
                native_name,
                sex: Some(sex),
                date_of_birth: Some(
                    days(client_born, self.range(-3000, 3000)).min(days(today, -16 * 365)),
                ),
                marital_status: None,
                in_us,
                derivative: false,
                safe_to_contact: true,
                notes: if in_us {
                    "Has own asylum case with another office".into()
                } else {
                    String::new()
                },
                ..FamilyMember::default()
            });
        }
        members
    }

    /// The I-589 Part A.II items of the spouse and each child: numbers (NONE where there
    /// is none), birth, nationality, group, the marriage, and where they are — for those in
    /// the US, the entry they made with the client.
    fn part_a2(
        &mut self,
        family: &mut [FamilyMember],
        origin: Origin,
        home: &str,
        entry: &EntryDetails,
        arrival: NaiveDate,
    ) {
        let country = origin.country();
        let country_name = codes::country_name(country, Language::En);
        let spouse_born = family
            .iter()
            .find(|m| m.relationship == Some(Relationship::Spouse))
            .and_then(|m| m.date_of_birth);
        for m in family.iter_mut() {
            let spouse = match m.relationship {
                Some(Relationship::Spouse) => true,
                Some(Relationship::Child) => false,
                _ => continue,
            };
            m.middle_name = "NONE".into();
            m.a_number = if m.in_us && self.chance(0.6) {
                format!("{:09}", self.range(200_000_000, 249_999_999))
            } else {
                "NONE".into()
            };
            m.passport_number = if !spouse && self.chance(0.1) {
                "NONE".into()
            } else {
                format!(
                    "{}{:07}",
                    char::from(b'A' + self.rng.gen_range(0..26u8)),
                    self.range(0, 9_999_999)
                )
            };
            m.ssn = if m.in_us && self.chance(0.15) {
                format!(
                    "{:03}-{:02}-{:04}",
                    self.range(100, 665),
                    self.range(10, 99),
                    self.range(1000, 9999)
                )
            } else {
                "NONE".into()
            };
            m.city_of_birth = (*self.pick(origin.cities())).to_string();
            m.country_of_birth = Some(country.to_string());
            m.nationality = Some(country.to_string());
            m.ethnic_group = origin.ethnic_group().to_string();
            if spouse {
                // Married in their twenties, before leaving.
                if let Some(born) = m.date_of_birth.max(spouse_born) {
                    let married = days(born, self.range(20 * 365, 30 * 365));
                    if married < days(arrival, -60) {
                        m.married_on = Some(married);
                        m.marriage_place = format!("{home}, {country_name}");
                    }
                }
                if m.married_on.is_none() {
                    m.marriage_place = "NONE".into();
                }
            }
            if !m.in_us {
                m.location = format!("{home}, {country_name}");
                continue;
            }
            m.last_entry_place = if entry.port_of_entry.is_empty() {
                "Between ports, near Eagle Pass, TX".into()
            } else {
                entry.port_of_entry.clone()
            };
            m.last_entry_on = entry.last_arrival_on;
            m.i94_number = if entry.i94_number.is_empty() {
                "NONE".into()
            } else {
                // One I-94 each; the family's differ in the last digits.
                format!(
                    "{}{}",
                    &entry.i94_number[..entry.i94_number.len().saturating_sub(2)],
                    self.range(10, 99)
                )
            };
            m.status_when_admitted = if entry.class_of_admission.is_empty() {
                "EWI".into()
            } else {
                entry.class_of_admission.clone()
            };
            m.current_status = m.status_when_admitted.clone();
            m.status_expires_on = entry.parole_expires_on;
            m.in_court_proceedings =
                if entry.manner_of_entry == Some(MannerOfEntry::WithoutInspection) {
                    Answer::Yes
                } else {
                    Answer::No
                };
            if self.chance(0.05)
                && let Some(born) = m.date_of_birth
            {
                let visit = days(arrival, -self.range(3 * 365, 8 * 365));
                if visit > born {
                    m.previous_arrival_on = Some(visit);
                }
            }
        }
    }

    // -----------------------------------------------------------------------------------------
    // Journey and entry

    fn journey(
        &mut self,
        origin: Origin,
        path: Path,
        profile: Profile,
        home: &str,
        arrival: NaiveDate,
    ) -> Vec<JourneyLeg> {
        use TravelMode::*;
        // (from country, from city, to country, to city, mode, days spent at `from` before
        // leaving, notes)
        type Leg = (
            &'static str,
            String,
            &'static str,
            &'static str,
            TravelMode,
            (i64, i64),
            &'static str,
        );
        let h = home.to_string();
        let s = |c: &str| c.to_string();
        let to_us: Leg = match path {
            Path::CbpOne => (
                "MX",
                s("Tijuana"),
                "US",
                "San Ysidro",
                OnFoot,
                (20, 120),
                "CBP One appointment at the port of entry",
            ),
            _ => ("MX", s("Tijuana"), "US", "San Ysidro", OnFoot, (0, 4), ""),
        };
        let mexico_tail = |via: &'static str, via_cc: &'static str| -> Vec<Leg> {
            vec![
                (
                    via_cc,
                    s(via),
                    "MX",
                    "Cancún",
                    Air,
                    (0, 20),
                    "Visa-free entry to Mexico",
                ),
                ("MX", s("Cancún"), "MX", "Tijuana", Air, (0, 3), ""),
                to_us.clone(),
            ]
        };
        let legs: Vec<Leg> = match (origin, path, profile) {
            (_, _, Profile::BankManager) => {
                let mut legs = vec![("RU", s("Moscow"), "CH", "Zürich", Air, (0, 0), "")];
                legs.extend(mexico_tail("Zürich", "CH"));
                if let Some(last) = legs.last_mut() {
                    last.4 = Car;
                    last.6 = "Bought a used car in Tijuana and drove to the port of entry";
                }
                legs
            }
            (_, _, Profile::MathsTeacher) => {
                let mut legs = vec![
                    ("RU", s("Moscow"), "UZ", "Tashkent", Air, (0, 0), ""),
                    (
                        "UZ",
                        s("Tashkent"),
                        "TR",
                        "Istanbul",
                        Air,
                        (10, 60),
                        "Travelled with four children and her daughter's fiancé",
                    ),
                ];
                legs.extend(mexico_tail("Istanbul", "TR"));
                legs
            }
            (_, Path::UnitingForUkraine, _) => vec![
                (
                    "UA",
                    h.clone(),
                    "PL",
                    "Warsaw",
                    Bus,
                    (0, 0),
                    "Evacuation bus through Lviv",
                ),
                (
                    "PL",
                    s("Warsaw"),
                    "US",
                    *self.pick(&["New York (JFK)", "Chicago (ORD)", "San Francisco (SFO)"]),
                    Air,
                    (20, 180),
                    "Uniting for Ukraine travel authorization; US supporter sponsored",
                ),
            ],
            (Origin::Russia, Path::Visa, _) | (Origin::Belarus, Path::Visa, _) => {
                let (cc, first) = if origin == Origin::Belarus {
                    ("BY", ("PL", "Warsaw"))
                } else {
                    (
                        "RU",
                        *self.pick(&[("TR", "Istanbul"), ("AE", "Dubai"), ("AM", "Yerevan")]),
                    )
                };
                vec![
                    (cc, h.clone(), first.0, first.1, Air, (0, 0), ""),
                    (
                        first.0,
                        s(first.1),
                        "US",
                        *self.pick(&["New York (JFK)", "Los Angeles (LAX)", "Miami (MIA)"]),
                        Air,
                        (1, 90),
                        "B-2 visitor visa issued before the war",
                    ),
                ]
            }
            (Origin::Russia, _, _) => {
                let mut legs = Vec::new();
                let mobilised = self.chance(0.3);
                if mobilised {
                    legs.push((
                        "RU",
                        h.clone(),
                        "KZ",
                        "Almaty",
                        Car,
                        (0, 0),
                        "Crossed into Kazakhstan by car during the mobilisation",
                    ));
                    legs.push(("KZ", s("Almaty"), "AE", "Dubai", Air, (10, 120), ""));
                    legs.push(("AE", s("Dubai"), "MX", "Mexico City", Air, (2, 40), ""));
                    legs.push(("MX", s("Mexico City"), "MX", "Tijuana", Air, (0, 5), ""));
                    legs.push(to_us.clone());
                } else {
                    if home != "Moscow" {
                        legs.push(("RU", h.clone(), "RU", "Moscow", Land, (0, 0), "By train"));
                    }
                    let via = *self.pick(&[
                        ("TR", "Istanbul"),
                        ("TR", "Istanbul"),
                        ("CH", "Zürich"),
                        ("AM", "Yerevan"),
                        ("RS", "Belgrade"),
                    ]);
                    legs.push(("RU", s("Moscow"), via.0, via.1, Air, (0, 3), ""));
                    legs.extend(mexico_tail(via.1, via.0));
                }
                legs
            }
            (Origin::Donbas, _, _) => {
                if self.chance(0.5) {
                    let mut legs = vec![
                        (
                            "UA",
                            h.clone(),
                            "RU",
                            "Rostov-on-Don",
                            Bus,
                            (0, 0),
                            "'Filtration' at the Russian border",
                        ),
                        (
                            "RU",
                            s("Rostov-on-Don"),
                            "RU",
                            "Moscow",
                            Land,
                            (1, 10),
                            "By train",
                        ),
                        ("RU", s("Moscow"), "TR", "Istanbul", Air, (1, 20), ""),
                    ];
                    legs.extend(mexico_tail("Istanbul", "TR"));
                    legs
                } else {
                    vec![
                        (
                            "UA",
                            h.clone(),
                            "UA",
                            "Zaporizhzhia",
                            Car,
                            (0, 0),
                            "Crossed the front line through a grey-zone checkpoint",
                        ),
                        (
                            "UA",
                            s("Zaporizhzhia"),
                            "UA",
                            "Lviv",
                            Land,
                            (2, 30),
                            "By train",
                        ),
                        ("UA", s("Lviv"), "PL", "Warsaw", Bus, (1, 14), ""),
                        ("PL", s("Warsaw"), "MX", "Mexico City", Air, (5, 90), ""),
                        ("MX", s("Mexico City"), "MX", "Tijuana", Air, (0, 5), ""),
                        to_us.clone(),
                    ]
                }
            }
            (Origin::Ukraine, Path::Visa, _) => vec![
                ("UA", h.clone(), "PL", "Warsaw", Bus, (0, 0), ""),
                (
                    "PL",
                    s("Warsaw"),
                    "US",
                    "New York (JFK)",
                    Air,
                    (5, 60),
                    "B-2 visitor visa",
                ),
            ],
            (Origin::Ukraine, _, _) => vec![
                ("UA", h.clone(), "PL", "Warsaw", Bus, (0, 0), ""),
                ("PL", s("Warsaw"), "MX", "Mexico City", Air, (10, 200), ""),
                ("MX", s("Mexico City"), "MX", "Tijuana", Air, (0, 5), ""),
                to_us.clone(),
            ],
            (Origin::Belarus, _, _) => {
                let mut legs = vec![(
                    "BY",
                    h.clone(),
                    "LT",
                    "Vilnius",
                    Bus,
                    (0, 0),
                    "Left before the criminal case reached court",
                )];
                legs.push(("LT", s("Vilnius"), "TR", "Istanbul", Air, (3, 200), ""));
                legs.extend(mexico_tail("Istanbul", "TR"));
                legs
            }
            (_, Path::Visa, _) => {
                let cc = origin.country();
                vec![
                    (cc, h.clone(), "ES", "Madrid", Air, (0, 0), ""),
                    (
                        "ES",
                        s("Madrid"),
                        "US",
                        "Miami (MIA)",
                        Air,
                        (0, 10),
                        "B-2 visitor visa",
                    ),
                ]
            }
            (
                Origin::Venezuela
                | Origin::Colombia
                | Origin::Cameroon
                | Origin::Congo
                | Origin::Eritrea,
                _,
                _,
            ) => {
                let cc = origin.country();
                let mut legs: Vec<Leg> = match origin {
                    Origin::Venezuela => vec![
                        (
                            "VE",
                            h.clone(),
                            "CO",
                            "Bogotá",
                            Bus,
                            (0, 0),
                            "Crossed at Cúcuta",
                        ),
                        ("CO", s("Bogotá"), "CO", "Necoclí", Bus, (5, 120), ""),
                    ],
                    Origin::Colombia => {
                        vec![("CO", h.clone(), "CO", "Necoclí", Bus, (0, 0), "")]
                    }
                    Origin::Eritrea => vec![
                        (
                            "ER",
                            h.clone(),
                            "SD",
                            "Khartoum",
                            OnFoot,
                            (0, 0),
                            "Crossed the border at night, then by truck",
                        ),
                        (
                            "SD",
                            s("Khartoum"),
                            "BR",
                            "São Paulo",
                            Air,
                            (30, 300),
                            "Via Addis Ababa",
                        ),
                        ("BR", s("São Paulo"), "CO", "Necoclí", Bus, (10, 200), ""),
                    ],
                    _ => vec![
                        (cc, h.clone(), "ET", "Addis Ababa", Air, (0, 0), ""),
                        ("ET", s("Addis Ababa"), "BR", "São Paulo", Air, (0, 3), ""),
                        ("BR", s("São Paulo"), "CO", "Necoclí", Bus, (10, 200), ""),
                    ],
                };
                legs.push((
                    "CO",
                    s("Necoclí"),
                    "PA",
                    "Panama City",
                    OnFoot,
                    (1, 10),
                    "Crossed the Darién Gap on foot (six days)",
                ));
                legs.push(("PA", s("Panama City"), "MX", "Tapachula", Bus, (2, 10), ""));
                let (border_mx, border_us) = *self.pick(&[
                    ("Ciudad Juárez", "El Paso"),
                    ("Tijuana", "San Ysidro"),
                    ("Reynosa", "Hidalgo"),
                ]);
                legs.push(("MX", s("Tapachula"), "MX", border_mx, Bus, (10, 90), ""));
                let crossing = if path == Path::WithoutInspection {
                    "Crossed between ports and surrendered to the Border Patrol"
                } else {
                    "CBP One appointment at the port of entry"
                };
                legs.push((
                    "MX",
                    s(border_mx),
                    "US",
                    border_us,
                    OnFoot,
                    (3, 100),
                    crossing,
                ));
                legs
            }
            _ => {
                // Nicaragua, Cuba, Honduras, Guinea: through Managua and Central America.
                let cc = origin.country();
                let mut legs: Vec<Leg> = match origin {
                    Origin::Nicaragua => Vec::new(),
                    Origin::Honduras => Vec::new(),
                    Origin::Guinea => vec![
                        (cc, h.clone(), "TR", "Istanbul", Air, (0, 0), ""),
                        (
                            "TR",
                            s("Istanbul"),
                            "NI",
                            "Managua",
                            Air,
                            (0, 5),
                            "Charter flight; no visa needed for Nicaragua",
                        ),
                    ],
                    _ => vec![(
                        cc,
                        h.clone(),
                        "NI",
                        "Managua",
                        Air,
                        (0, 0),
                        "No visa needed for Nicaragua",
                    )],
                };
                let start = if origin == Origin::Nicaragua || origin == Origin::Honduras {
                    h.clone()
                } else {
                    s("Managua")
                };
                let start_cc = if origin == Origin::Honduras {
                    "HN"
                } else {
                    "NI"
                };
                if origin != Origin::Honduras {
                    legs.push((start_cc, start, "HN", "Tegucigalpa", Bus, (0, 5), ""));
                    legs.push((
                        "HN",
                        s("Tegucigalpa"),
                        "GT",
                        "Guatemala City",
                        Bus,
                        (0, 5),
                        "",
                    ));
                } else {
                    legs.push((start_cc, start, "GT", "Guatemala City", Bus, (0, 0), ""));
                }
                legs.push((
                    "GT",
                    s("Guatemala City"),
                    "MX",
                    "Tapachula",
                    Bus,
                    (1, 10),
                    "",
                ));
                let (border_mx, border_us) = *self.pick(&[
                    ("Piedras Negras", "Eagle Pass"),
                    ("Matamoros", "Brownsville"),
                    ("Nogales", "Nogales"),
                ]);
                legs.push(("MX", s("Tapachula"), "MX", border_mx, Bus, (10, 90), ""));
                let crossing = if path == Path::WithoutInspection {
                    "Crossed the river between ports and surrendered to the Border Patrol"
                } else {
                    "CBP One appointment at the port of entry"
                };
                legs.push((
                    "MX",
                    s(border_mx),
                    "US",
                    border_us,
                    OnFoot,
                    (3, 100),
                    crossing,
                ));
                legs
            }
        };
        // Dates, backwards from the arrival: each leg takes a day or so, and the traveller
        // stays a while at each stop before the next leg.
        let mut out: Vec<JourneyLeg> = Vec::with_capacity(legs.len());
        let mut arrive = arrival;
        for (from_cc, from_city, to_cc, to_city, mode, stay, notes) in legs.into_iter().rev() {
            let travel = match mode {
                Air | Car => self.range(0, 1),
                OnFoot if notes.contains("Darién") => 6,
                _ => self.range(0, 2),
            };
            let departed = days(arrive, -travel);
            out.push(JourneyLeg {
                from_country: Some(from_cc.to_string()),
                from_city,
                to_country: Some(to_cc.to_string()),
                to_city: to_city.to_string(),
                departed_on: Some(departed),
                arrived_on: Some(arrive),
                mode: Some(mode),
                notes: notes.to_string(),
            });
            arrive = days(departed, -self.range(stay.0, stay.1));
        }
        out.reverse();
        out
    }

    fn entry(&mut self, path: Path, arrival: NaiveDate) -> EntryDetails {
        let i94 = format!(
            "{:09}{}{}",
            self.rng.gen_range(0..1_000_000_000u64),
            char::from(b'A' + self.rng.gen_range(0..26u8)),
            self.rng.gen_range(0..10)
        );
        match path {
            Path::BorderParole | Path::CbpOne => {
                let years = if path == Path::BorderParole { 1 } else { 2 };
                let mut expires = days(arrival, years * 365);
                // Some were re-paroled; for some the parole ran out long ago.
                if expires < self.today && self.chance(0.4) {
                    expires = days(expires, 2 * 365);
                }
                EntryDetails {
                    last_arrival_on: Some(arrival),
                    port_of_entry: self.port(path),
                    manner_of_entry: Some(if path == Path::CbpOne {
                        MannerOfEntry::CbpOne
                    } else {
                        MannerOfEntry::PortOfEntryParole
                    }),
                    i94_number: i94,
                    class_of_admission: "DT".into(),
                    parole_expires_on: Some(expires),
                }
            }
            Path::UnitingForUkraine => {
                let mut expires = days(arrival, 2 * 365);
                if expires < self.today && self.chance(0.7) {
                    expires = days(expires, 2 * 365);
                }
                EntryDetails {
                    last_arrival_on: Some(arrival),
                    port_of_entry: self.port(path),
                    manner_of_entry: Some(MannerOfEntry::UnitingForUkraine),
                    i94_number: i94,
                    class_of_admission: "UHP".into(),
                    parole_expires_on: Some(expires),
                }
            }
            Path::Visa => EntryDetails {
                last_arrival_on: Some(arrival),
                port_of_entry: self.port(path),
                manner_of_entry: Some(MannerOfEntry::Visa),
                i94_number: i94,
                class_of_admission: (*self.pick(&["B2", "B2", "B2", "F1", "J1"])).to_string(),
                parole_expires_on: None,
            },
            Path::WithoutInspection => EntryDetails {
                last_arrival_on: Some(arrival),
                port_of_entry: String::new(),
                manner_of_entry: Some(MannerOfEntry::WithoutInspection),
                i94_number: String::new(),
                class_of_admission: String::new(),
                parole_expires_on: None,
            },
        }
    }

    fn port(&mut self, path: Path) -> String {
        let ports: &[(&str, u32)] = match path {
            Path::BorderParole => &[("San Ysidro", 85), ("Otay Mesa", 10), ("Calexico", 5)],
            Path::CbpOne => &[
                ("San Ysidro", 50),
                ("El Paso", 12),
                ("Hidalgo", 10),
                ("Brownsville", 8),
                ("Nogales", 8),
                ("Eagle Pass", 6),
                ("Calexico", 6),
            ],
            Path::UnitingForUkraine => &[
                ("New York (JFK)", 45),
                ("Chicago (ORD)", 20),
                ("San Francisco (SFO)", 20),
                ("Miami (MIA)", 15),
            ],
            Path::Visa => &[
                ("New York (JFK)", 40),
                ("Los Angeles (LAX)", 25),
                ("Miami (MIA)", 25),
                ("San Francisco (SFO)", 10),
            ],
            Path::WithoutInspection => &[("", 1)],
        };
        self.weighted(ports).to_string()
    }

    // -----------------------------------------------------------------------------------------
    // Persecution

    fn persecution(
        &mut self,
        origin: Origin,
        profile: Profile,
        home: &str,
        sex: Sex,
        departed: NaiveDate,
    ) -> Vec<PersecutionEvent> {
        let templates: &[Template] = match origin {
            Origin::Russia => RUSSIA_EVENTS,
            Origin::Donbas | Origin::Ukraine => DONBAS_EVENTS,
            Origin::Belarus => BELARUS_EVENTS,
            Origin::Venezuela => VENEZUELA_EVENTS,
            Origin::Nicaragua => NICARAGUA_EVENTS,
            Origin::Cuba => CUBA_EVENTS,
            Origin::Honduras | Origin::Colombia => GANG_EVENTS,
            Origin::Cameroon => CAMEROON_EVENTS,
            Origin::Eritrea => ERITREA_EVENTS,
            Origin::Guinea => GUINEA_EVENTS,
            Origin::Congo => CONGO_EVENTS,
        };
        let mut chosen: Vec<&Template> = Vec::new();
        match profile {
            Profile::BankManager => chosen.push(&BANK_MANAGER_EVENT),
            Profile::MathsTeacher => chosen.push(&RUSSIA_EVENTS[0]),
            Profile::RestaurantManager => chosen.push(&RESTAURANT_MANAGER_EVENT),
            Profile::DonetskEngineer => chosen.push(&ENGINEER_EVENT),
            Profile::Ordinary => {}
        }
        let wanted = self.weighted(&[(1usize, 30), (2, 40), (3, 22), (4, 8)]);
        for _ in 0..wanted * 3 {
            if chosen.len() >= wanted {
                break;
            }
            let t = self.pick(templates);
            if chosen.iter().any(|c| std::ptr::eq(*c, t)) {
                continue;
            }
            // Fixed-date events must precede the departure.
            if t.window
                .0
                .is_some_and(|from| ymd(from.0, from.1, from.2) > departed)
            {
                continue;
            }
            chosen.push(t);
        }
        let mut events: Vec<PersecutionEvent> = chosen
            .into_iter()
            .map(|t| {
                let occurred_on = match (t.window, t.after_departure) {
                    (_, true) => {
                        let latest = days(self.today, -1);
                        self.date_between(days(departed, 10).min(latest), latest, 1.0)
                    }
                    ((Some(from), Some(to)), false) => {
                        let from = ymd(from.0, from.1, from.2);
                        let to = ymd(to.0, to.1, to.2).min(departed);
                        self.date_between(from.min(to), to, 1.0)
                    }
                    ((Some(from), None), false) => {
                        let from = ymd(from.0, from.1, from.2);
                        self.date_between(from.min(departed), departed, 1.6)
                    }
                    ((None, _), false) => {
                        let from = days(departed, -self.range(30, 900));
                        self.date_between(from, days(departed, -2), 1.6)
                    }
                };
                let detention_days = t
                    .detention
                    .map(|(low, high)| self.range(i64::from(low), i64::from(high)) as i32);
                let who = match sex {
                    Sex::Female => "her",
                    _ => "him",
                };
                let fill = |text: &str| text.replace("{city}", home).replace("{him}", who);
                let evidence: &&str = self.pick(t.evidence);
                PersecutionEvent {
                    occurred_on: Some(occurred_on),
                    place: fill(t.place),
                    actor: Some(t.actor),
                    description: fill(t.description),
                    detention_days,
                    charges: fill(t.charges),
                    outcome: fill(t.outcome),
                    evidence: fill(evidence),
                }
            })
            .collect();
        events.sort_by_key(|e| e.occurred_on);
        events
    }

    // -----------------------------------------------------------------------------------------
    // I-589 Parts B and C

    /// Parts B and C as the lawyer answers them from the rest of the file. Drawn without
    /// randomness, so that the rest of a seed's cases stay as they were.
    fn claim_answers(
        &self,
        origin: Origin,
        persecution: &[PersecutionEvent],
        journey: &[JourneyLeg],
        arrival: NaiveDate,
        entry: &EntryDetails,
        dates: &KeyDates,
    ) -> ClaimAnswers {
        use Ground::*;
        let yes = |explanation: String| YesNoAnswer {
            answer: Answer::Yes,
            explanation,
        };
        let no = || YesNoAnswer {
            answer: Answer::No,
            explanation: String::new(),
        };
        let detentions: Vec<&PersecutionEvent> = persecution
            .iter()
            .filter(|e| e.detention_days.is_some())
            .collect();
        let mut grounds = match origin {
            Origin::Russia
            | Origin::Belarus
            | Origin::Venezuela
            | Origin::Nicaragua
            | Origin::Cuba
            | Origin::Congo => vec![PoliticalOpinion],
            Origin::Donbas | Origin::Ukraine | Origin::Cameroon => {
                vec![Nationality, PoliticalOpinion]
            }
            Origin::Honduras | Origin::Colombia => vec![SocialGroup],
            Origin::Eritrea => vec![Religion, PoliticalOpinion],
            Origin::Guinea => vec![Race, PoliticalOpinion],
        };
        if !detentions.is_empty() {
            grounds.push(Torture);
        }
        let events = |list: &[&PersecutionEvent]| {
            list.iter()
                .map(|e| {
                    let on = e.occurred_on.map_or_else(String::new, |d| d.to_string());
                    format!("{on}, {}: {}", e.place, e.description)
                })
                .collect::<Vec<_>>()
                .join("\n")
        };
        let home = codes::country_name(origin.country(), Language::En);
        let organization = match origin {
            Origin::Russia => {
                Some("Volunteer observer for an independent election-monitoring group")
            }
            Origin::Belarus => Some("Member of a strike committee at the plant in 2020"),
            Origin::Venezuela => Some("Local organiser for an opposition party"),
            Origin::Nicaragua => Some("Member of a student movement during the 2018 protests"),
            Origin::Cuba => Some("Member of an independent journalists' collective"),
            Origin::Cameroon => Some("Member of an Anglophone teachers' union"),
            Origin::Eritrea => Some("Member of an unregistered Pentecostal congregation"),
            Origin::Guinea => Some("Youth wing member of an opposition party"),
            Origin::Congo => Some("Member of a citizens' movement calling for elections"),
            Origin::Donbas | Origin::Ukraine | Origin::Honduras | Origin::Colombia => None,
        };
        let transit: Vec<String> = journey
            .iter()
            .filter_map(|leg| {
                let country = leg.to_country.as_deref()?;
                (country != "US" && country != origin.country()).then(|| {
                    let name = codes::country_name(country, Language::En);
                    format!("{}, {name}", leg.to_city)
                })
            })
            .collect();
        let deadline = one_year_filing_deadline(arrival);
        let late = dates
            .i589_filed_on
            .map_or(deadline < self.today, |on| on > deadline);
        let exception = match dates.filing_exception.map(|e| e.kind) {
            Some(FilingExceptionKind::ChangedCircumstances) => {
                "Changed circumstances: new threats against the family at home changed the risk \
                 of return; filed within a reasonable period after them."
                    .to_string()
            }
            _ => match entry.parole_expires_on {
                Some(until) => format!(
                    "Extraordinary circumstances: in parole until {until}; filed within a \
                     reasonable period of it."
                ),
                None => "Extraordinary circumstances: serious illness in the first year after \
                         arrival (medical records attached)."
                    .to_string(),
            },
        };
        ClaimAnswers {
            grounds,
            past_harm: if persecution.is_empty() {
                no()
            } else {
                yes(events(&persecution.iter().collect::<Vec<_>>()))
            },
            fear_of_harm: yes(format!(
                "Fears arrest or worse if returned to {home}: those who acted against the \
                 applicant are still in place and have asked the family where the applicant is."
            )),
            arrested_abroad: if detentions.is_empty() {
                no()
            } else {
                yes(events(&detentions))
            },
            organizations: organization.map_or_else(no, |what| yes(what.to_string())),
            continued_participation: match origin {
                Origin::Russia | Origin::Belarus => yes(
                    "Attends the diaspora's rallies in San Diego and posts about them online."
                        .to_string(),
                ),
                _ => no(),
            },
            fear_of_torture: if detentions.is_empty() {
                no()
            } else {
                yes(format!(
                    "Was beaten in detention; fears the same or worse in detention in {home}."
                ))
            },
            earlier_applications: no(),
            other_countries: if transit.is_empty() {
                no()
            } else {
                yes(format!(
                    "In transit only, no status sought: {}.",
                    transit.join("; ")
                ))
            },
            status_elsewhere: no(),
            harmed_others: no(),
            returned: no(),
            filed_after_one_year: if late { yes(exception) } else { no() },
            crimes_in_us: no(),
        }
    }

    /// Part A.I beyond the client's details (issue 16), from the rest of the file. No random
    /// draws: a number from the case's seed and index picks among the choices, so that the
    /// other cases of a seed stay as they were.
    fn applicant(
        &self,
        origin: Origin,
        path: Path,
        kind: ClaimKind,
        home: &str,
        departed: NaiveDate,
        intake: &Intake,
    ) -> (ApplicantDetails, Vec<UsEntry>) {
        let n = self
            .index
            .wrapping_mul(2_654_435_761)
            .wrapping_add(self.seed.wrapping_mul(40_503))
            % 1_000_003;
        let client = &intake.client;
        let married = intake
            .family
            .iter()
            .any(|m| m.relationship == Some(Relationship::Spouse));
        let has_children = intake
            .family
            .iter()
            .any(|m| m.relationship == Some(Relationship::Child));
        let marital_status = if married {
            MaritalStatus::Married
        } else if has_children && n.is_multiple_of(3) {
            MaritalStatus::Divorced
        } else if has_children && n.is_multiple_of(11) {
            MaritalStatus::Widowed
        } else {
            MaritalStatus::Single
        };
        let born_in = client
            .country_of_birth
            .as_deref()
            .unwrap_or(origin.country());
        let city_of_birth = match born_in {
            "UA" if origin != Origin::Donbas && origin != Origin::Ukraine => "Dnipro",
            "KZ" => "Karaganda",
            "UZ" => "Tashkent",
            "BY" if origin != Origin::Belarus => "Vitebsk",
            _ => home,
        };
        // Born in the Soviet Union: the nationality at birth was Soviet, which the form
        // writes as the country of birth today; otherwise the nationality held now.
        let nationality_at_birth = Some(born_in.to_string());
        let (ethnic_group, religions): (&str, &[&str]) = match origin {
            Origin::Russia => ("Russian", &["Russian Orthodox", "NONE", "Russian Orthodox"]),
            Origin::Donbas | Origin::Ukraine => ("Ukrainian", &["Orthodox", "Greek Catholic"]),
            Origin::Belarus => ("Belarusian", &["Orthodox", "Roman Catholic", "NONE"]),
            Origin::Venezuela | Origin::Honduras | Origin::Colombia | Origin::Nicaragua => {
                ("Mestizo", &["Roman Catholic", "Evangelical Christian"])
            }
            Origin::Cuba => ("Hispanic", &["Roman Catholic", "NONE", "Santería"]),
            Origin::Cameroon => (
                "Anglophone Cameroonian",
                &["Presbyterian", "Roman Catholic"],
            ),
            Origin::Eritrea => ("Tigrinya", &["Pentecostal"]),
            Origin::Guinea => ("Fulani (Peul)", &["Muslim"]),
            Origin::Congo => ("Luba", &["Roman Catholic", "Kimbanguist"]),
        };
        let religion = religions[(n % religions.len() as u64) as usize].to_string();
        let native_dialect = match origin {
            Origin::Cameroon => "Cameroonian Pidgin English",
            Origin::Guinea => "Pular",
            Origin::Donbas if n.is_multiple_of(2) => "Surzhyk",
            _ => "",
        };
        let ssn = if n.is_multiple_of(4) {
            // Issued with a work permit: a number of the SSA's ranges (area 100–665).
            format!(
                "{:03}{:02}{:04}",
                100 + n % 566,
                1 + n % 99,
                1 + (n / 7) % 9_999
            )
        } else {
            "NONE".to_string()
        };
        let uscis_account_number = if n.is_multiple_of(3) {
            format!("{:012}", 10_000_000_000 + (n * 7_919) % 89_999_999_999)
        } else {
            "NONE".to_string()
        };
        let mut details = ApplicantDetails {
            ssn,
            uscis_account_number,
            mailing_same_as_residence: Answer::Yes,
            marital_status: Some(marital_status),
            city_of_birth: city_of_birth.to_string(),
            nationality_at_birth,
            ethnic_group: ethnic_group.to_string(),
            religion,
            court_proceedings: Some(match (path, kind) {
                (_, ClaimKind::Defensive | ClaimKind::CredibleFear) => CourtProceedings::Now,
                (Path::Visa, _) if n.is_multiple_of(25) => CourtProceedings::Past,
                _ => CourtProceedings::Never,
            }),
            left_home_country_on: Some(departed),
            travel_document_country: client.nationalities.first().cloned(),
            native_language: client.languages.first().cloned(),
            no_other_languages: client.languages.is_empty(),
            native_dialect: native_dialect.to_string(),
            fluent_in_english: if origin == Origin::Cameroon || n.is_multiple_of(9) {
                Answer::Yes
            } else {
                Answer::No
            },
            ..ApplicantDetails::default()
        };
        if n.is_multiple_of(6) {
            // Mail goes to someone trusted rather than a shared flat.
            details.mailing_same_as_residence = Answer::No;
            details.mailing_in_care_of = "St. Anne's Parish Office".into();
            details.mailing_phone = "+1 619 555 0142".into();
            details.mailing_street = "1200 Market St".into();
            details.mailing_apartment = "Suite 4".into();
            details.mailing_city = "San Diego".into();
            details.mailing_state = "CA".into();
            details.mailing_zip = "92101".into();
        }
        let entry = &intake.entry;
        let arrival = intake.last_arrival();
        let place = if entry.port_of_entry.is_empty() {
            intake.journey.last().map_or_else(String::new, |leg| {
                format!("{} (between ports)", leg.to_city)
            })
        } else {
            entry.port_of_entry.clone()
        };
        let status = if entry.class_of_admission.is_empty() {
            "EWI".to_string()
        } else {
            entry.class_of_admission.clone()
        };
        let visitor_expiry = |on: NaiveDate| days(on, 182);
        let mut entries = vec![UsEntry {
            arrived_on: arrival,
            place: place.clone(),
            status_expires_on: entry.parole_expires_on.or_else(|| {
                (path == Path::Visa && status == "B2")
                    .then(|| arrival.map(visitor_expiry))
                    .flatten()
            }),
            status,
        }];
        if path == Path::Visa
            && n % 4 == 1
            && let Some(last) = arrival
        {
            // An earlier visit on the same visa.
            let earlier = days(last, -(400 + (n % 700) as i64));
            entries.push(UsEntry {
                arrived_on: Some(earlier),
                place,
                status: "B2".into(),
                status_expires_on: Some(visitor_expiry(earlier)),
            });
        }
        (details, entries)
    }

    // -----------------------------------------------------------------------------------------
    // The office's work: stages, key dates, hearings, checklist, notes

    /// The stage history from the first call to the last change before today.
    fn walk(
        &mut self,
        kind: ClaimKind,
        opened: NaiveDate,
        lawyer: Option<StaffId>,
    ) -> (Vec<StageStep>, Option<ConflictCheck>) {
        let mut stage = CaseStage::Inquiry;
        let mut date = opened;
        let first_at = self.office_time(opened);
        let mut history = vec![StageStep {
            from: None,
            to: stage,
            at: first_at,
            by: lawyer,
            note: (*self.pick(&[
                "",
                "Inquiry by phone, in Russian",
                "Referred by a community organisation",
                "Walk-in; interpreter needed",
                "Inquiry through the website form",
            ]))
            .to_string(),
        }];
        let mut conflict = None;
        let mut last_at = first_at;
        for _ in 0..40 {
            let previous = history.last().and_then(|s| s.from);
            let Some((next, (low, high), note)) = self.next_step(kind, previous, stage) else {
                break;
            };
            // Withdrawals and closures are rare at any open stage.
            let (next, low, high, note) = if self.chance(0.008) {
                let (to, note) = *self.pick(&[
                    (
                        CaseStage::Withdrawn,
                        "Client moved to another state and chose a local lawyer",
                    ),
                    (
                        CaseStage::Withdrawn,
                        "Client stopped responding; file withdrawn",
                    ),
                    (CaseStage::Closed, "Client left the United States"),
                ]);
                (to, 5, 200, note)
            } else {
                (next, low, high, note)
            };
            let next_date = days(date, self.range(low, high));
            if next_date >= self.today {
                break;
            }
            if !case_stage::allowed_next(kind, stage).contains(&next) {
                break;
            }
            let mut at = self.office_time(next_date);
            if at <= last_at {
                at = last_at + Duration::minutes(self.range(5, 90));
            }
            if next == CaseStage::Consultation
                || (stage == CaseStage::ConflictCheck && next == CaseStage::Declined)
            {
                let clear = next == CaseStage::Consultation;
                if let Some(by) = lawyer {
                    conflict = Some(ConflictCheck {
                        clear,
                        note: if clear {
                            String::new()
                        } else {
                            "The office represents a relative in an adverse matter".into()
                        },
                        by,
                        at: at - Duration::minutes(self.range(10, 300)),
                    });
                }
            }
            history.push(StageStep {
                from: Some(stage),
                to: next,
                at,
                by: lawyer,
                note: note.to_string(),
            });
            stage = next;
            date = next_date;
            last_at = at;
        }
        (history, conflict)
    }

    /// The next stage the case moves to from `stage` (reached from `previous`), with the wait
    /// in days and a note; `None` where the case stays.
    fn next_step(
        &mut self,
        kind: ClaimKind,
        previous: Option<CaseStage>,
        stage: CaseStage,
    ) -> Option<Move> {
        use CaseStage::*;
        match (previous, stage) {
            // Many granted cases stay open for the I-730 and the green card later.
            (_, Granted) if self.chance(0.45) => return None,
            // After the BIA, the fight goes on elsewhere (or not at all).
            (Some(BiaAppeal), Denied) => {
                return self.chance(0.6).then_some((
                    Closed,
                    (20, 120),
                    "BIA dismissed the appeal; petition for review referred to appellate counsel",
                ));
            }
            (Some(BiaAppeal), Granted) => {
                return Some((Closed, (60, 300), "File closed after the grant"));
            }
            _ => {}
        }
        let allowed = case_stage::allowed_next(kind, stage);
        let options: Vec<(Move, u32)> = TRANSITIONS
            .iter()
            .filter(|t| t.0 == stage && allowed.contains(&t.1))
            .map(|t| ((t.1, t.3, t.4), t.2))
            .collect();
        if options.is_empty() {
            return None;
        }
        Some(self.weighted(&options))
    }

    fn key_dates(
        &mut self,
        history: &[StageStep],
        stage: CaseStage,
        arrival: NaiveDate,
        entry: &EntryDetails,
    ) -> KeyDates {
        use CaseStage::*;
        let mut dates = KeyDates::default();
        for step in history {
            let on = step.at.date();
            match (step.from, step.to) {
                (_, Filed) => dates.i589_filed_on = Some(on),
                (_, ReceiptReceived) => dates.i589_received_on = Some(on),
                (_, ApplicationLodged) => {
                    dates.i589_filed_on.get_or_insert(on);
                    dates.i589_received_on.get_or_insert(on);
                }
                (Some(MasterHearing | MeritsHearing), Granted | Denied) => {
                    dates.ij_decision_on = Some(on);
                }
                _ => {}
            }
            if step.to == Granted {
                dates.granted_on = Some(on);
            }
        }
        if matches!(
            stage,
            NtaServed | MasterHearing | ApplicationLodged | MeritsHearing | BiaAppeal
        ) {
            // Most court cases were checked this week; some are due for a re-check.
            dates.court_verified_on = Some(days(self.today, -self.range(0, 40)));
        }
        if dates.i589_filed_on.is_none()
            && stage.is_open()
            && one_year_filing_deadline(arrival) < self.today
            && self.chance(0.3)
        {
            // Late, but the lawyer relies on an exception (e.g. parole maintained).
            let kind = if entry.parole_expires_on.is_some() {
                FilingExceptionKind::ExtraordinaryCircumstances
            } else {
                FilingExceptionKind::ChangedCircumstances
            };
            dates.filing_exception = Some(FilingException {
                kind,
                reasonable_period_ends: days(self.today, self.range(-20, 150)),
            });
        }
        dates
    }

    fn events(&mut self, history: &[StageStep], stage: CaseStage, path: Path) -> Vec<NewCaseEvent> {
        use CaseStage::*;
        let court = match path {
            Path::WithoutInspection => "Otay Mesa Immigration Court (detained docket)",
            _ => "San Diego Immigration Court, 401 West A Street",
        };
        let mut events = Vec::new();
        for (i, step) in history.iter().enumerate() {
            let on = step.at.date();
            let (kind, place) = match step.to {
                Interviewed => (
                    HearingKind::Interview,
                    "USCIS Los Angeles Asylum Office, Tustin",
                ),
                MasterHearing => (HearingKind::MasterHearing, court),
                Granted | Denied if step.from == Some(MeritsHearing) => {
                    (HearingKind::MeritsHearing, court)
                }
                _ => continue,
            };
            let next = history.get(i + 1).map(|s| s.to);
            let outcome = match (kind, step.to, next) {
                (HearingKind::Interview, ..) => "Interview held; decision pending",
                (HearingKind::MasterHearing, _, Some(MeritsHearing)) => {
                    "Pleadings taken; merits hearing set"
                }
                (HearingKind::MasterHearing, ..) => "Hearing held; next hearing to be set",
                (_, Granted, _) => "Asylum granted by the immigration judge",
                _ => "Asylum denied; 30 days to appeal",
            };
            // Offices enter outcomes within days; some of the last fortnight's are not in yet.
            let recorded = (self.today - on).num_days() > 14 || self.chance(0.5);
            events.push(NewCaseEvent {
                kind,
                scheduled_at: at_time(on, if self.chance(0.5) { 8 } else { 13 }, 30),
                place: place.to_string(),
                official: self.official(kind),
                outcome: if recorded {
                    outcome.to_string()
                } else {
                    String::new()
                },
            });
        }
        // What the case is waiting for now.
        let upcoming = match stage {
            BiometricsScheduled => Some((HearingKind::Biometrics, (3, 45), "USCIS ASC San Diego")),
            InterviewScheduled => Some((
                HearingKind::Interview,
                (5, 60),
                "USCIS Los Angeles Asylum Office, Tustin",
            )),
            NtaServed | ApplicationLodged | MasterHearing => {
                Some((HearingKind::MasterHearing, (3, 300), court))
            }
            MeritsHearing => Some((HearingKind::MeritsHearing, (3, 500), court)),
            _ => None,
        };
        if let Some((kind, (low, high), place)) = upcoming {
            let on = days(self.today, self.range(low, high));
            events.push(NewCaseEvent {
                kind,
                scheduled_at: at_time(on, if self.chance(0.5) { 8 } else { 13 }, 30),
                place: place.to_string(),
                official: self.official(kind),
                outcome: String::new(),
            });
        }
        events
    }

    fn official(&mut self, kind: HearingKind) -> String {
        match kind {
            HearingKind::MasterHearing | HearingKind::MeritsHearing => {
                format!("IJ {}", self.pick(&JUDGES))
            }
            HearingKind::Interview => format!("Asylum Officer {}", self.pick(&OFFICERS)),
            HearingKind::Biometrics => String::new(),
        }
    }

    fn checklist(
        &mut self,
        history: &[StageStep],
        persecution: &[PersecutionEvent],
        family: &[FamilyMember],
    ) -> Vec<NewChecklistItem> {
        let filed = history
            .iter()
            .any(|s| matches!(s.to, CaseStage::Filed | CaseStage::ApplicationLodged));
        let mut items: Vec<&str> = vec![
            "Passport and internal passport (copies)",
            "I-94 record",
            "Declaration (English translation)",
        ];
        if persecution.iter().any(|e| e.detention_days.is_some()) {
            items.push("Arrest and court records (translated)");
        }
        if persecution.iter().any(|e| e.evidence.contains("edical")) {
            items.push("Medical report");
        }
        if family.iter().any(|m| m.derivative) {
            items.push("Birth and marriage certificates");
        }
        items.push("Country-conditions packet");
        items
            .into_iter()
            .map(|item| {
                let status = if filed {
                    self.weighted(&[
                        (ChecklistStatus::Filed, 85),
                        (ChecklistStatus::Received, 15),
                    ])
                } else {
                    self.weighted(&[
                        (ChecklistStatus::Missing, 25),
                        (ChecklistStatus::Requested, 30),
                        (ChecklistStatus::Received, 25),
                        (ChecklistStatus::Translated, 20),
                    ])
                };
                let note = match status {
                    ChecklistStatus::Requested => "Asked the client's sister to send scans",
                    ChecklistStatus::Received => "Needs certified translation",
                    _ => "",
                };
                NewChecklistItem {
                    item: item.to_string(),
                    status,
                    note: note.to_string(),
                }
            })
            .collect()
    }

    fn notes(
        &mut self,
        history: &[StageStep],
        lawyer: Option<StaffId>,
        paralegal: Option<StaffId>,
        family: &[FamilyMember],
        origin: Origin,
    ) -> Vec<DemoNote> {
        let mut notes = Vec::new();
        let count = self.weighted(&[(0usize, 40), (1, 40), (2, 20)]);
        let language = match origin {
            Origin::Russia | Origin::Donbas | Origin::Belarus => "Russian",
            Origin::Ukraine => "Ukrainian",
            Origin::Venezuela
            | Origin::Nicaragua
            | Origin::Cuba
            | Origin::Honduras
            | Origin::Colombia => "Spanish",
            Origin::Eritrea => "Tigrinya",
            Origin::Guinea => "Pular",
            Origin::Cameroon | Origin::Congo => "French",
        };
        let watched_parent = family
            .iter()
            .any(|m| m.relationship == Some(Relationship::Parent) && !m.safe_to_contact);
        for _ in 0..count {
            let Some(step) = history.get(self.rng.gen_range(0..history.len().max(1))) else {
                break;
            };
            let body = match self.rng.gen_range(0..5) {
                0 if watched_parent => {
                    "Do not call the parents' number at home: the police have visited them."
                        .to_string()
                }
                1 => format!("{language} interpreter booked for the next appointment."),
                2 => "Client prefers messenger over phone calls; answers in the evening.".into(),
                3 => "Asked for an update on the EAD; explained the 180-day clock.".into(),
                _ => "Reviewed the declaration with the client; two dates corrected.".into(),
            };
            let by = if paralegal.is_some() && self.chance(0.6) {
                paralegal
            } else {
                lawyer
            };
            notes.push(DemoNote {
                body,
                by,
                at: step.at + Duration::minutes(self.range(20, 600)),
            });
        }
        // Notes never lie in the future.
        let now_limit = at_time(self.today, 0, 0);
        notes.retain(|n| n.at < now_limit);
        notes.sort_by_key(|n| n.at);
        notes
    }

    fn status(
        &mut self,
        history: &[StageStep],
        path: Path,
        entry: &EntryDetails,
    ) -> ImmigrationStatus {
        use CaseStage::*;
        let stage = history.last().map_or(Inquiry, |s| s.to);
        let granted = history.iter().any(|s| s.to == Granted);
        match stage {
            Granted => ImmigrationStatus::Asylee,
            Closed if granted => ImmigrationStatus::Asylee,
            CredibleFearPending | CredibleFearNegative | IjReview => ImmigrationStatus::Detained,
            NtaServed | MasterHearing | ApplicationLodged | MeritsHearing | Denied | BiaAppeal
            | CredibleFearPositive | ReferredToCourt => ImmigrationStatus::InProceedings,
            _ if entry
                .parole_expires_on
                .is_some_and(|expires| expires > self.today) =>
            {
                ImmigrationStatus::Paroled
            }
            _ if path == Path::WithoutInspection => ImmigrationStatus::InProceedings,
            _ if path == Path::Visa && self.chance(0.5) => ImmigrationStatus::Other,
            _ => ImmigrationStatus::NoStatus,
        }
    }
}

/// A move to a stage: (stage, wait in days from the last change, note).
type Move = (CaseStage, (i64, i64), &'static str);

/// A row of [`TRANSITIONS`]: (from, to, weight, wait in days, note).
type TransitionRow = (CaseStage, CaseStage, u32, (i64, i64), &'static str);

/// The office's usual moves: (from, to, weight, wait in days, note). Rows foreign to a claim's
/// kind are filtered out by [`case_stage::allowed_next`].
#[rustfmt::skip]
const TRANSITIONS: &[TransitionRow] = {
    use CaseStage::*;
    &[
        (Inquiry, ConflictCheck, 96, (0, 3), ""),
        (Inquiry, Declined, 3, (0, 5), "Outside the office's practice area"),
        (ConflictCheck, Consultation, 98, (1, 7), "Consultation booked"),
        (ConflictCheck, Declined, 2, (1, 5), "Conflict of interest"),
        (Consultation, Retained, 94, (1, 21), "Engagement letter signed"),
        (Consultation, Declined, 4, (1, 14), "Client could not afford the fee; referred to a non-profit"),
        (Consultation, Declined, 2, (1, 14), "No viable asylum claim; advised on other options"),
        (Retained, Drafting, 1, (0, 7), "Declaration interviews started"),
        (Retained, NtaServed, 1, (0, 7), "Notice to Appear on file"),
        (Retained, CredibleFearPending, 1, (0, 3), "Credible-fear interview requested"),
        (Drafting, Filed, 100, (14, 150), "I-589 mailed to USCIS"),
        (Filed, ReceiptReceived, 94, (7, 35), "Receipt notice received"),
        (Filed, Drafting, 6, (10, 40), "USCIS rejected the filing (missing signature); correcting"),
        (ReceiptReceived, BiometricsScheduled, 85, (10, 45), "Biometrics notice received"),
        (ReceiptReceived, InterviewScheduled, 15, (30, 500), "Interview notice received"),
        (BiometricsScheduled, InterviewScheduled, 100, (30, 600), "Interview notice received"),
        (InterviewScheduled, Interviewed, 100, (14, 60), "Interview held"),
        (Interviewed, Granted, 45, (14, 240), "Asylum granted by USCIS"),
        (Interviewed, ReferredToCourt, 45, (14, 240), "Referred to the immigration court"),
        (Interviewed, Denied, 10, (14, 240), "Denied by USCIS"),
        (ReferredToCourt, NtaServed, 70, (7, 60), "Notice to Appear served"),
        (ReferredToCourt, MasterHearing, 30, (60, 300), "First master calendar hearing"),
        (CredibleFearPending, CredibleFearPositive, 75, (5, 30), "Positive credible-fear determination"),
        (CredibleFearPending, CredibleFearNegative, 25, (5, 30), "Negative credible-fear determination"),
        (CredibleFearPositive, NtaServed, 100, (7, 60), "Released from detention; Notice to Appear served"),
        (CredibleFearNegative, IjReview, 100, (1, 7), "Review by an immigration judge requested"),
        (IjReview, NtaServed, 30, (5, 21), "Immigration judge vacated the negative finding"),
        (IjReview, Closed, 70, (5, 30), "Immigration judge affirmed; client removed"),
        (NtaServed, MasterHearing, 85, (30, 240), "First master calendar hearing"),
        (NtaServed, ApplicationLodged, 15, (30, 200), "I-589 lodged with the court"),
        (MasterHearing, ApplicationLodged, 66, (0, 90), "I-589 (or a supplement) lodged with the court"),
        (MasterHearing, MeritsHearing, 20, (120, 600), "Individual (merits) hearing"),
        (MasterHearing, Granted, 5, (0, 2), "Granted by the immigration judge"),
        (MasterHearing, Denied, 3, (0, 2), "Denied by the immigration judge"),
        (ApplicationLodged, MeritsHearing, 50, (90, 600), "Individual (merits) hearing"),
        (ApplicationLodged, MasterHearing, 50, (45, 200), "Status master hearing; hearing reset"),
        (MeritsHearing, Granted, 55, (0, 40), "Granted by the immigration judge"),
        (MeritsHearing, Denied, 45, (0, 40), "Denied by the immigration judge; appeal due in 30 days"),
        (Granted, BiaAppeal, 12, (10, 29), "DHS appealed to the BIA"),
        (Granted, Closed, 88, (60, 400), "File closed after the grant; I-730 advice given"),
        (Denied, BiaAppeal, 75, (5, 28), "Notice of appeal (EOIR-26) filed"),
        (Denied, Closed, 20, (20, 120), "Client chose not to appeal"),
        (Denied, NtaServed, 15, (30, 200), "Notice to Appear served"),
        (BiaAppeal, Granted, 12, (150, 600), "BIA sustained the appeal"),
        (BiaAppeal, Denied, 55, (150, 600), "BIA dismissed the appeal"),
        (BiaAppeal, MeritsHearing, 33, (150, 600), "BIA remanded to the immigration judge"),
    ]
};

/// Steps a paralegal records (the filing paperwork); the rest are the lawyer's.
fn is_paperwork(stage: CaseStage) -> bool {
    matches!(
        stage,
        CaseStage::Filed
            | CaseStage::ReceiptReceived
            | CaseStage::BiometricsScheduled
            | CaseStage::InterviewScheduled
            | CaseStage::NtaServed
            | CaseStage::ApplicationLodged
    )
}

/// (area code, city, state, ZIP)
const REGIONS: [(&str, &str, &str, &str); 10] = [
    ("619", "San Diego", "CA", "92101"),
    ("858", "San Diego", "CA", "92122"),
    ("323", "Los Angeles", "CA", "90046"),
    ("916", "Sacramento", "CA", "95815"),
    ("718", "Brooklyn", "NY", "11235"),
    ("347", "Brooklyn", "NY", "11229"),
    ("206", "Seattle", "WA", "98133"),
    ("773", "Chicago", "IL", "60659"),
    ("305", "Miami", "FL", "33160"),
    ("713", "Houston", "TX", "77036"),
];

const STREETS: [&str; 8] = [
    "Maple Avenue",
    "Ocean View Boulevard",
    "Cedar Street",
    "Brighton 6th Street",
    "Park Place",
    "Lincoln Road",
    "Willow Court",
    "Sunset Drive",
];

const JUDGES: [&str; 6] = [
    "M. Alvarez",
    "R. Chen",
    "D. Kowalski",
    "S. Patel",
    "J. Okonkwo",
    "L. Brennan",
];

const OFFICERS: [&str; 4] = ["T. Nguyen", "K. Morris", "A. Haddad", "P. Lindqvist"];

#[cfg(test)]
mod tests {
    use super::*;

    fn roster() -> Roster {
        Roster {
            lawyers: (0..3).map(|_| StaffId::new()).collect(),
            paralegals: (0..4).map(|_| StaffId::new()).collect(),
        }
    }

    fn today() -> NaiveDate {
        ymd(2026, 11, 23)
    }

    #[test]
    fn the_same_seed_gives_the_same_cases() {
        let roster = roster();
        for i in 0..50 {
            let a = generate(7, i, today(), &roster);
            let b = generate(7, i, today(), &roster);
            assert_eq!(a, b);
        }
        let other = generate(8, 0, today(), &roster);
        assert_ne!(generate(7, 0, today(), &roster).intake, other.intake);
    }

    #[test]
    fn taken_cases_answer_every_question_of_parts_b_and_c() {
        let roster = roster();
        let mut taken = 0;
        for i in 0..300 {
            let case = generate(1, i, today(), &roster);
            let answers = &case.intake.claim_answers;
            if case.stage() == CaseStage::Inquiry {
                assert_eq!(answers, &ClaimAnswers::default(), "case {i}");
                continue;
            }
            taken += 1;
            assert!(!answers.grounds.is_empty(), "case {i}");
            for (question, given) in answers.questions() {
                assert_ne!(given.answer, Answer::Unanswered, "case {i}: {question:?}");
            }
            assert_eq!(
                answers.past_harm.answer == Answer::Yes,
                !case.intake.persecution.is_empty(),
                "case {i}"
            );
        }
        assert!(taken > 100, "{taken}");
    }

    #[test]
    fn generated_intakes_are_valid_and_histories_follow_the_rules() {
        let roster = roster();
        let (mut rows, mut declined, mut cyrillic, mut ages_out_soon) = (0, 0, 0, 0);
        let (mut one_year_soon, mut one_year_overdue) = (0, 0);
        let mut open_stages = std::collections::BTreeSet::new();
        let n = 2_000;
        for i in 0..n {
            let case = generate(1, i, today(), &roster);
            let checked = case.intake.clone().checked(true, today());
            assert!(checked.is_ok(), "case {i}: {checked:?}");
            let kind = case.kind();
            let mut previous: Option<CaseStage> = None;
            let mut at = case.created_at;
            for step in &case.history {
                assert_eq!(step.from, previous, "case {i}");
                if let Some(from) = step.from {
                    assert!(
                        case_stage::allowed_next(kind, from).contains(&step.to),
                        "case {i}: {from} → {} not allowed for {kind}",
                        step.to
                    );
                }
                assert!(step.at >= at, "case {i}: history goes back in time");
                assert!(step.at.date() < today(), "case {i}: future stage change");
                at = step.at;
                previous = Some(step.to);
            }
            rows += case.history.len();
            let stage = case.stage();
            declined += usize::from(stage == CaseStage::Declined);
            open_stages.insert(stage.as_str());
            cyrillic += usize::from(
                case.intake
                    .client
                    .native_name
                    .chars()
                    .any(|c| ('\u{0400}'..='\u{04FF}').contains(&c)),
            );
            if case.key_dates.i589_filed_on.is_none()
                && stage.is_open()
                && let Some(arrival) = case.intake.last_arrival()
            {
                let left = (one_year_filing_deadline(arrival) - today()).num_days();
                one_year_soon += usize::from((0..=60).contains(&left));
                one_year_overdue += usize::from(left < 0);
            }
            ages_out_soon += usize::from(case.intake.family.iter().any(|m| {
                m.derivative
                    && m.ages_out_on()
                        .is_some_and(|d| (0..=200).contains(&(d - today()).num_days()))
            }));
        }
        let share = |count: usize| count as f64 / n as f64;
        let mean = rows as f64 / n as f64;
        assert!(
            (8.5..=12.0).contains(&mean),
            "{mean} stage changes per case"
        );
        assert!(share(declined) < 0.2, "declined: {declined}");
        assert!(open_stages.len() >= 20, "{open_stages:?}");
        assert!(share(cyrillic) > 0.5, "names in Cyrillic: {cyrillic}");
        assert!(
            share(one_year_soon) > 0.01,
            "one-year soon: {one_year_soon}"
        );
        assert!(
            share(one_year_overdue) > 0.01,
            "one-year overdue: {one_year_overdue}"
        );
        assert!(
            share(ages_out_soon) > 0.01,
            "children ageing out: {ages_out_soon}"
        );
    }
}

/// Part A.III of a demo case.
#[derive(Default)]
struct DemoBackground {
    background: Background,
    residences: Vec<Address>,
    schools: Vec<School>,
    jobs: Vec<Job>,
    siblings: Vec<Relative>,
}

impl DemoBackground {
    /// Part A.III.5 names the parents and siblings of the family list, as an office writes
    /// them once it goes through the background with the client: a parent there is alive
    /// (they stayed behind), a sibling in the US lives there.
    fn name_the_family(&mut self, family: &[FamilyMember]) {
        let at_home = self.background.mother.clone();
        for m in family {
            let full_name = format!("{} {}", m.given_name, m.family_name);
            let alive = Relative {
                full_name: full_name.clone(),
                deceased: false,
                ..at_home.clone()
            };
            match (m.relationship, m.sex) {
                (Some(Relationship::Parent), Some(Sex::Female)) => self.background.mother = alive,
                (Some(Relationship::Parent), _) => self.background.father = alive,
                (Some(Relationship::Sibling), _) => {
                    let location = if m.in_us {
                        "United States".to_string()
                    } else {
                        at_home.location.clone()
                    };
                    self.siblings.insert(
                        0,
                        Relative {
                            full_name,
                            location,
                            ..at_home.clone()
                        },
                    );
                    self.background.no_siblings = false;
                }
                _ => {}
            }
        }
    }
}

/// Part A.III drawn from the case's own facts with a generator of its own (seeded by them),
/// so that a seed's other cases stay as they were: the home city until leaving, a school
/// and a job there, the parents and a sibling or two; sometimes no siblings or no job.
fn background(
    origin: Origin,
    names: &'static NameSet,
    person: &Person,
    home: &str,
    born: NaiveDate,
    departed: NaiveDate,
) -> DemoBackground {
    let mut rng = StdRng::seed_from_u64(
        (born.num_days_from_ce() as u64) << 20 ^ departed.num_days_from_ce() as u64,
    );
    let country = Some(origin.country().to_string());
    let month = |date: NaiveDate| Some(YearMonth::of(date));
    let until = |date: NaiveDate| Some(Until::Month(YearMonth::of(date)));
    let left = YearMonth::of(departed);
    let moved_in = ymd(
        departed.year() - rng.gen_range(3..12),
        rng.gen_range(1..=12),
        1,
    );
    let streets = [
        "Lenina",
        "Shevchenko",
        "Central",
        "Libertad",
        "Independence",
        "Park",
    ];
    let street = format!(
        "{} {}, apt. {}",
        streets[rng.gen_range(0..streets.len())],
        rng.gen_range(1..120),
        rng.gen_range(1..90)
    );
    let last_address = Address {
        street,
        city: home.to_string(),
        province: String::new(),
        country: country.clone(),
        from: month(moved_in),
        to: Some(Until::Month(left)),
    };
    let mut residences = vec![last_address.clone()];
    if departed.year() - moved_in.year() < 5 {
        let earlier = origin.cities()[rng.gen_range(0..origin.cities().len())];
        residences.push(Address {
            street: format!(
                "{} {}",
                streets[rng.gen_range(0..streets.len())],
                rng.gen_range(1..60)
            ),
            city: earlier.to_string(),
            country: country.clone(),
            from: month(ymd(
                moved_in.year() - rng.gen_range(2..8),
                rng.gen_range(1..=12),
                1,
            )),
            to: until(moved_in),
            ..Address::default()
        });
    }
    let school_end = ymd(born.year() + 17, 6, 1);
    let mut schools = vec![School {
        name: format!("Secondary School No. {}", rng.gen_range(1..90)),
        kind: "Secondary".into(),
        location: home.to_string(),
        from: month(ymd(born.year() + 7, 9, 1)),
        to: until(school_end),
    }];
    if born.year() + 22 < departed.year() && rng.gen_bool(0.5) {
        schools.insert(
            0,
            School {
                name: format!("{home} State University"),
                kind: "University".into(),
                location: home.to_string(),
                from: month(ymd(born.year() + 17, 9, 1)),
                to: until(ymd(born.year() + 22, 6, 1)),
            },
        );
    }
    let employed = rng.gen_bool(0.85);
    let jobs = if employed {
        let employers = [
            "City Hospital No. 2",
            "Regional Transport Company",
            "Private shop",
            "Construction cooperative",
        ];
        let occupations = ["Nurse", "Driver", "Sales clerk", "Builder"];
        let which = rng.gen_range(0..employers.len());
        vec![Job {
            employer: format!("{}, {home}", employers[which]),
            occupation: occupations[which].into(),
            from: month(ymd(
                departed.year() - rng.gen_range(1..6),
                rng.gen_range(1..=12),
                1,
            )),
            to: Some(Until::Month(left)),
        }]
    } else {
        Vec::new()
    };
    let family_name = person.family.clone();
    let feminine = names
        .family
        .iter()
        .find(|f| f.latin.first().is_some_and(|l| *l == family_name))
        .and_then(|f| f.latin_f.first())
        .map_or_else(|| family_name.clone(), |f| f.to_string());
    let given = |rng: &mut StdRng, list: &'static [Given]| {
        list[rng.gen_range(0..list.len())]
            .latin
            .first()
            .copied()
            .unwrap_or("NONE")
    };
    let father_deceased = rng.gen_bool(0.2);
    let father = Relative {
        full_name: format!("{} {family_name}", given(&mut rng, names.male)),
        birth_city: home.to_string(),
        birth_country: country.clone(),
        location: if father_deceased {
            String::new()
        } else {
            format!("{home}, {}", origin.country())
        },
        deceased: father_deceased,
    };
    let mother = Relative {
        full_name: format!("{} {feminine}", given(&mut rng, names.female)),
        birth_city: home.to_string(),
        birth_country: country.clone(),
        location: format!("{home}, {}", origin.country()),
        deceased: false,
    };
    let siblings: Vec<Relative> = (0..rng.gen_range(0..3))
        .map(|_| Relative {
            full_name: format!("{} {family_name}", given(&mut rng, names.male)),
            birth_city: home.to_string(),
            birth_country: country.clone(),
            location: format!("{home}, {}", origin.country()),
            deceased: false,
        })
        .collect();
    DemoBackground {
        background: Background {
            last_address,
            feared_country_same: true,
            no_schooling: false,
            no_employment: !employed,
            mother,
            father,
            no_siblings: siblings.is_empty(),
            ..Background::default()
        },
        residences,
        schools,
        jobs,
        siblings,
    }
}
