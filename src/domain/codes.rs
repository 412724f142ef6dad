//! Countries (ISO 3166-1 alpha-2) and languages (ISO 639-1), with their names in each of
//! Refuge's languages, and the small fixed vocabularies of the case file.

use std::sync::LazyLock;

use crate::error::Message;
use crate::i18n::Language;

struct CodeName {
    code: &'static str,
    en: &'static str,
    ru: &'static str,
    uk: &'static str,
    es: &'static str,
}

fn table(text: &'static str) -> Vec<CodeName> {
    text.lines()
        .filter(|line| !line.starts_with('#') && !line.is_empty())
        .filter_map(|line| {
            let mut cells = line.split('\t');
            Some(CodeName {
                code: cells.next()?,
                en: cells.next()?,
                ru: cells.next()?,
                uk: cells.next()?,
                es: cells.next()?,
            })
        })
        .collect()
}

static COUNTRIES: LazyLock<Vec<CodeName>> = LazyLock::new(|| table(include_str!("countries.tsv")));
static LANGUAGES: LazyLock<Vec<CodeName>> = LazyLock::new(|| table(include_str!("languages.tsv")));

fn find(list: &'static [CodeName], code: &str) -> Option<&'static CodeName> {
    list.iter()
        .find(|entry| entry.code.eq_ignore_ascii_case(code.trim()))
}

fn name_in(entry: &CodeName, language: Language) -> &'static str {
    match language {
        Language::En => entry.en,
        Language::Ru => entry.ru,
        Language::Uk => entry.uk,
        Language::Es => entry.es,
    }
}

/// A country code from the ISO list, upper-case (`RU`, `UA`, `BY`, `MX`).
pub fn country(code: &str) -> Result<&'static str, Message> {
    find(&COUNTRIES, code)
        .map(|entry| entry.code)
        .ok_or_else(|| Message::new("validation-country").with("code", code.trim()))
}

/// A language code from the ISO 639-1 list, lower-case (`ru`, `uk`, `en`).
pub fn language(code: &str) -> Result<&'static str, Message> {
    find(&LANGUAGES, code)
        .map(|entry| entry.code)
        .ok_or_else(|| Message::new("validation-language-code").with("code", code.trim()))
}

pub fn country_name(code: &str, language: Language) -> String {
    find(&COUNTRIES, code).map_or_else(|| code.to_string(), |e| name_in(e, language).to_string())
}

pub fn language_name(code: &str, language: Language) -> String {
    find(&LANGUAGES, code).map_or_else(|| code.to_string(), |e| name_in(e, language).to_string())
}

/// All countries as (code, name) in the reader's language, sorted by name; for pickers.
pub fn countries(language: Language) -> Vec<(&'static str, &'static str)> {
    by_name(&COUNTRIES, language)
}

/// All languages as (code, name) in the reader's language, sorted by name; for pickers.
pub fn languages(language: Language) -> Vec<(&'static str, &'static str)> {
    by_name(&LANGUAGES, language)
}

fn by_name(list: &'static [CodeName], language: Language) -> Vec<(&'static str, &'static str)> {
    let mut all: Vec<_> = list
        .iter()
        .map(|e| (e.code, name_in(e, language)))
        .collect();
    // Case-blind and in each alphabet's order rather than by code point: «ё» beside «е»
    // as in a Russian dictionary, Ukrainian «ґ є і ї» after «г е и» (not after «я»),
    // Spanish «á» with «a» and «ñ» after «n».
    all.sort_by_cached_key(|(code, name)| (sort_key(name), *code));
    all
}

fn sort_key(name: &str) -> Vec<u32> {
    name.chars()
        .flat_map(char::to_lowercase)
        .map(|c| {
            // Each letter weighs four times its code point; a letter that sorts just after
            // another takes that letter's weight plus one or two.
            let (base, after) = match c {
                'ё' => ('е', 0),
                'ґ' => ('г', 1),
                'є' => ('е', 1),
                'і' => ('и', 1),
                'ї' => ('и', 2),
                'á' => ('a', 0),
                'é' => ('e', 0),
                'í' => ('i', 0),
                'ó' => ('o', 0),
                'ú' | 'ü' => ('u', 0),
                'ñ' => ('n', 1),
                other => (other, 0),
            };
            u32::from(base) * 4 + after
        })
        .collect()
}

/// Parses a comma- or space-separated list of codes; every code must be known.
pub fn code_list(
    input: &str,
    parse: fn(&str) -> Result<&'static str, Message>,
) -> Result<Vec<&'static str>, Message> {
    let mut codes = Vec::new();
    for part in input
        .split([',', ' ', ';'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        let code = parse(part)?;
        if !codes.contains(&code) {
            codes.push(code);
        }
    }
    Ok(codes)
}

/// A closed vocabulary stored as text: `as_str` is the stored code, `label_key` its
/// catalogue key, `parse` refuses anything else.
macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident, $prefix:literal, $invalid:literal { $($variant:ident => $code:tt),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize, utoipa::ToSchema)]
        pub enum $name { $(#[serde(rename = $code)] $variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $code),+ }
            }

            pub fn label_key(self) -> &'static str {
                match self { $($name::$variant => concat!($prefix, "-", $code)),+ }
            }

            pub fn parse(code: &str) -> Result<Self, crate::error::Message> {
                match code.trim() {
                    $($code => Ok($name::$variant),)+
                    _ => Err(crate::error::Message::new($invalid)),
                }
            }
        }
    };
}
pub(crate) use vocabulary;

vocabulary!(
    /// As in the passport.
    Sex, "sex", "validation-choice" { Female => "female", Male => "male", Unspecified => "x" }
);

vocabulary!(
    MannerOfEntry, "entry", "validation-choice" {
        PortOfEntryParole => "port_parole",
        CbpOne => "cbp_one",
        WithoutInspection => "without_inspection",
        UnitingForUkraine => "uniting_for_ukraine",
        Visa => "visa",
        Other => "other",
    }
);

vocabulary!(
    TravelMode, "travel", "validation-choice" {
        Air => "air",
        Land => "land",
        Car => "car",
        Bus => "bus",
        OnFoot => "on_foot",
        Sea => "sea",
    }
);

vocabulary!(
    Relationship, "relationship", "validation-choice" {
        Spouse => "spouse",
        Child => "child",
        Parent => "parent",
        Sibling => "sibling",
        Fiance => "fiance",
        Other => "other",
    }
);

vocabulary!(
    MaritalStatus, "marital", "validation-choice" {
        Single => "single",
        Married => "married",
        Divorced => "divorced",
        Widowed => "widowed",
    }
);

vocabulary!(
    /// Who acted against the client.
    Persecutor, "persecutor", "validation-choice" {
        Police => "police",
        SecurityService => "security_service",
        Military => "military",
        NonStateActor => "non_state_actor",
        Other => "other",
    }
);

vocabulary!(
    /// The client's immigration status (separate from the office's case stage).
    ImmigrationStatus, "status", "validation-choice" {
        Paroled => "paroled",
        InProceedings => "in_proceedings",
        Detained => "detained",
        Asylee => "asylee",
        Tps => "tps",
        Lpr => "lpr",
        NoStatus => "no_status",
        Other => "other",
    }
);

vocabulary!(
    ChecklistStatus, "checklist", "validation-choice" {
        Missing => "missing",
        Requested => "requested",
        Received => "received",
        Translated => "translated",
        Filed => "filed",
    }
);

vocabulary!(
    HearingKind, "event", "validation-choice" {
        MasterHearing => "master_hearing",
        MeritsHearing => "merits_hearing",
        Interview => "interview",
        Biometrics => "biometrics",
    }
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn countries_and_languages_parse_case_insensitively() {
        assert_eq!(country(" ru "), Ok("RU"));
        assert_eq!(country("ua"), Ok("UA"));
        assert!(country("XX").is_err());
        assert_eq!(language("UK"), Ok("uk"));
        assert!(language("xx").is_err());
        assert!(COUNTRIES.len() >= 249 && LANGUAGES.len() >= 180);
    }

    #[test]
    fn names_come_in_every_language() {
        assert_eq!(country_name("UA", Language::En), "Ukraine");
        assert_eq!(country_name("UA", Language::Ru), "Украина");
        assert_eq!(country_name("RU", Language::Uk), "Росія");
        assert_eq!(country_name("SY", Language::Es), "Siria");
        assert_eq!(language_name("be", Language::Ru), "белорусский");
        assert_eq!(language_name("ru", Language::Uk), "російська");
        assert_eq!(language_name("uk", Language::Es), "ucraniano");
    }

    #[test]
    fn every_country_and_language_has_a_name_in_every_language() {
        for entry in COUNTRIES.iter().chain(LANGUAGES.iter()) {
            for language in Language::PUBLIC {
                let name = name_in(entry, language);
                assert!(
                    !name.trim().is_empty(),
                    "{} has no name in {}",
                    entry.code,
                    language.code()
                );
            }
            // A missing translation would have been filled with the English name.
            assert!(
                entry.uk.chars().any(|c| ('А'..='я').contains(&c)),
                "{} has no Ukrainian name: {}",
                entry.code,
                entry.uk
            );
        }
    }

    #[test]
    fn ukrainian_and_spanish_pickers_follow_their_alphabets() {
        let uk = countries(Language::Uk);
        let position =
            |list: &[(&str, &str)], code: &str| list.iter().position(|(c, _)| *c == code);
        // «Індія» after «Ємен» and «Зімбабве», before «Йорданія» and well before «Японія».
        assert!(position(&uk, "YE") < position(&uk, "IN"));
        assert!(position(&uk, "ZW") < position(&uk, "IN"));
        assert!(position(&uk, "IN") < position(&uk, "JO"));
        assert!(position(&uk, "IN") < position(&uk, "JP"));
        let es = countries(Language::Es);
        // «Bélgica» before «Belice»: «é» is sorted as «e», not after every plain letter.
        assert!(position(&es, "BE") < position(&es, "BZ"));
        assert!(es.windows(2).all(|w| sort_key(w[0].1) <= sort_key(w[1].1)));
    }

    #[test]
    fn pickers_list_every_code_by_its_name_in_the_readers_language() {
        let ru = countries(Language::Ru);
        assert_eq!(ru.len(), COUNTRIES.len());
        assert!(ru.contains(&("RU", "Россия")) && ru.contains(&("UA", "Украина")));
        let position =
            |list: &[(&str, &str)], code: &str| list.iter().position(|(c, _)| *c == code);
        // Sorted by the name the reader sees, not by code: Австралия before Япония.
        assert!(position(&ru, "AU") < position(&ru, "JP"));
        let en = countries(Language::En);
        assert!(position(&en, "DE") < position(&en, "AT").map(|i| i + 100));
        assert!(position(&en, "JP") < position(&en, "DE").map(|i| i + 100));
        assert!(en.windows(2).all(|w| sort_key(w[0].1) <= sort_key(w[1].1)));
        let languages_ru = languages(Language::Ru);
        assert_eq!(languages_ru.len(), LANGUAGES.len());
        assert!(languages_ru.contains(&("uk", "украинский")));
        assert!(
            languages_ru
                .windows(2)
                .all(|w| sort_key(w[0].1) <= sort_key(w[1].1))
        );
        assert_eq!(sort_key("Ёлка"), sort_key("елка"));
    }

    #[test]
    fn code_lists_deduplicate_and_refuse_unknown_codes() {
        assert_eq!(code_list("ru, UA ru", country), Ok(vec!["RU", "UA"]));
        assert!(code_list("RU, Narnia", country).is_err());
        assert_eq!(code_list("", language), Ok(vec![]));
    }

    #[test]
    fn vocabularies_round_trip() {
        for mode in TravelMode::ALL {
            assert_eq!(TravelMode::parse(mode.as_str()), Ok(*mode));
        }
        assert_eq!(Relationship::Fiance.label_key(), "relationship-fiance");
        assert!(Persecutor::parse("aliens").is_err());
    }
}
