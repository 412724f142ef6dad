//! Every user-facing string comes from the Fluent catalogues in `templates/locales`,
//! in the reader's language.

use std::borrow::Cow;
use std::collections::HashMap;

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader, langid};
use serde::{Deserialize, Serialize};

use crate::error::{Message, MessageArg};

fluent_templates::static_loader! {
    static LOCALES = {
        locales: "./templates/locales",
        fallback_language: "en",
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    #[default]
    En,
    Ru,
    Uk,
    Es,
}

impl Language {
    /// The languages staff pages, emails and messages are complete in: what a staff member
    /// may choose.
    pub const STAFF: [Language; 4] = [Language::En, Language::Ru, Language::Uk, Language::Es];
    /// The languages of the public pages (the inquiry form): today every staff language.
    pub const PUBLIC: [Language; 4] = Self::STAFF;

    pub fn code(self) -> &'static str {
        match self {
            Self::En => "en",
            Self::Ru => "ru",
            Self::Uk => "uk",
            Self::Es => "es",
        }
    }

    /// Catalogue key of the language's name.
    pub fn label_key(self) -> &'static str {
        match self {
            Self::En => "language-en",
            Self::Ru => "language-ru",
            Self::Uk => "language-uk",
            Self::Es => "language-es",
        }
    }

    /// The language's name in itself, for a switcher readable whatever the page's language.
    pub fn native_name(self) -> &'static str {
        match self {
            Self::En => "English",
            Self::Ru => "Русский",
            Self::Uk => "Українська",
            Self::Es => "Español",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        match code.trim().to_ascii_lowercase().as_str() {
            "en" => Some(Self::En),
            "ru" => Some(Self::Ru),
            "uk" => Some(Self::Uk),
            "es" => Some(Self::Es),
            _ => None,
        }
    }

    /// A language a staff member may choose ([`Language::STAFF`]).
    pub fn parse_staff(code: &str) -> Option<Self> {
        Self::parse(code).filter(|language| Self::STAFF.contains(language))
    }

    /// The first staff language named in an `Accept-Language` header.
    pub fn from_accept_language(header: &str) -> Self {
        Self::from_accept_language_among(header, &Self::STAFF)
    }

    /// The first of `choices` named in an `Accept-Language` header (English if none).
    pub fn from_accept_language_among(header: &str, choices: &[Language]) -> Self {
        header
            .split(',')
            .filter_map(|part| part.split(';').next())
            .filter_map(|tag| Self::parse(tag.split('-').next().unwrap_or("")))
            .find(|language| choices.contains(language))
            .unwrap_or_default()
    }

    fn id(self) -> LanguageIdentifier {
        match self {
            Self::En => langid!("en"),
            Self::Ru => langid!("ru"),
            Self::Uk => langid!("uk"),
            Self::Es => langid!("es"),
        }
    }
}

/// The API takes and sends a language only as a staff member's: the document lists
/// [`Language::STAFF`].
impl utoipa::PartialSchema for Language {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        utoipa::openapi::ObjectBuilder::new()
            .schema_type(utoipa::openapi::schema::Type::String)
            .enum_values(Some(Language::STAFF.iter().map(|language| language.code())))
            .into()
    }
}

impl utoipa::ToSchema for Language {}

/// Translates catalogue keys into one language.
#[derive(Debug, Clone, Copy, Default)]
pub struct I18n {
    language: Language,
}

impl I18n {
    pub fn new(language: Language) -> Self {
        Self { language }
    }

    pub fn language(&self) -> Language {
        self.language
    }

    pub fn t(&self, key: &str) -> String {
        LOCALES.lookup(&self.language.id(), key)
    }

    /// A message with its arguments; numeric arguments select plural forms.
    pub fn message(&self, message: &Message) -> String {
        if message.args.is_empty() {
            return self.t(message.key);
        }
        let args: HashMap<Cow<'static, str>, FluentValue<'_>> = message
            .args
            .iter()
            .map(|(name, value)| {
                let value = match value {
                    MessageArg::Label(key) => FluentValue::from(self.t(key)),
                    MessageArg::Text(text) => match text.parse::<i64>() {
                        Ok(number) => FluentValue::from(number),
                        Err(_) => FluentValue::from(text.clone()),
                    },
                };
                (Cow::Borrowed(*name), value)
            })
            .collect();
        LOCALES.lookup_with_args(&self.language.id(), message.key, &args)
    }

    /// One-argument shorthand for templates.
    pub fn t1(&self, key: &'static str, name: &'static str, value: impl ToString) -> String {
        self.message(&Message::new(key).with(name, value))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_language_picks_the_first_supported() {
        assert_eq!(
            Language::from_accept_language("ru-RU,ru;q=0.9,en;q=0.8"),
            Language::Ru
        );
        assert_eq!(
            Language::from_accept_language("uk-UA,en-US;q=0.8,ru;q=0.5"),
            Language::Uk
        );
        assert_eq!(
            Language::from_accept_language("de-DE,es-MX;q=0.5"),
            Language::Es
        );
        assert_eq!(Language::from_accept_language("de-DE"), Language::En);
    }

    #[test]
    fn staff_may_choose_every_language() {
        for code in ["en", "ru", "uk", "es"] {
            assert_eq!(Language::parse_staff(code).map(Language::code), Some(code));
        }
        assert_eq!(Language::parse_staff("de"), None);
    }

    #[test]
    fn ukrainian_plurals_follow_ukrainian_rules() {
        let uk = I18n::new(Language::Uk);
        let seconds = |n: i64| uk.message(&Message::new("error-too-many").with("seconds", n));
        assert!(seconds(1).contains("1 секунду"), "{}", seconds(1));
        assert!(seconds(3).contains("3 секунди"), "{}", seconds(3));
        assert!(seconds(5).contains("5 секунд."), "{}", seconds(5));
        assert!(seconds(11).contains("11 секунд."), "{}", seconds(11));
        assert!(seconds(22).contains("22 секунди"), "{}", seconds(22));
    }

    #[test]
    fn public_pages_also_pick_ukrainian_and_spanish() {
        let public = &Language::PUBLIC;
        assert_eq!(
            Language::from_accept_language_among("uk-UA,en-US;q=0.8,ru;q=0.5", public),
            Language::Uk
        );
        assert_eq!(
            Language::from_accept_language_among("es-MX,es;q=0.9", public),
            Language::Es
        );
        assert_eq!(
            Language::from_accept_language_among("de-DE,ru;q=0.5", public),
            Language::Ru
        );
    }

    #[test]
    fn russian_plurals_follow_russian_rules() {
        let ru = I18n::new(Language::Ru);
        let seconds = |n: i64| ru.message(&Message::new("error-too-many").with("seconds", n));
        assert!(seconds(1).contains("1 секунду"), "{}", seconds(1));
        assert!(seconds(3).contains("3 секунды"), "{}", seconds(3));
        assert!(seconds(5).contains("5 секунд."), "{}", seconds(5));
        assert!(seconds(21).contains("21 секунду"), "{}", seconds(21));
    }

    /// Spanish has a staff catalogue beside its public one: both load into one bundle (a key
    /// defined in both files would stop every catalogue from loading).
    #[test]
    fn spanish_staff_and_public_catalogues_load_together() {
        let es = I18n::new(Language::Es);
        assert_eq!(es.t("nav-skip"), "Ir al contenido");
        assert_eq!(es.t("inquiry-title"), "Pedir ayuda");
        let seconds = |n: i64| es.message(&Message::new("error-too-many").with("seconds", n));
        assert!(seconds(1).contains("1 segundo."), "{}", seconds(1));
        assert!(seconds(5).contains("5 segundos."), "{}", seconds(5));
    }

    #[test]
    fn label_arguments_are_translated_with_the_message() {
        use crate::domain::case_stage::{CaseStage, ClaimKind, check_transition};
        let refusal = check_transition(
            ClaimKind::Defensive,
            CaseStage::Retained,
            CaseStage::Drafting,
        );
        let message = refusal
            .err()
            .map(|m| I18n::new(Language::Ru).message(&m))
            .unwrap_or_default();
        assert!(message.contains("Подготовка I-589"), "{message}");
        assert!(!message.contains("drafting"), "{message}");
    }
}
