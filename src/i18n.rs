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

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, utoipa::ToSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    #[default]
    En,
    Ru,
}

impl Language {
    pub const ALL: [Language; 2] = [Language::En, Language::Ru];

    pub fn code(self) -> &'static str {
        match self {
            Self::En => "en",
            Self::Ru => "ru",
        }
    }

    /// Catalogue key of the language's name.
    pub fn label_key(self) -> &'static str {
        match self {
            Self::En => "language-en",
            Self::Ru => "language-ru",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        match code.trim().to_ascii_lowercase().as_str() {
            "en" => Some(Self::En),
            "ru" => Some(Self::Ru),
            _ => None,
        }
    }

    /// The first supported language named in an `Accept-Language` header.
    pub fn from_accept_language(header: &str) -> Self {
        header
            .split(',')
            .filter_map(|part| part.split(';').next())
            .filter_map(|tag| Self::parse(tag.split('-').next().unwrap_or("")))
            .next()
            .unwrap_or_default()
    }

    fn id(self) -> LanguageIdentifier {
        match self {
            Self::En => langid!("en"),
            Self::Ru => langid!("ru"),
        }
    }
}

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
            Language::En
        );
        assert_eq!(Language::from_accept_language("de-DE"), Language::En);
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
