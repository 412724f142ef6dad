//! Every language's catalogues hold exactly the English keys with the English variables,
//! every key the code uses exists, and a staff page is shown in Ukrainian.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use fluent_templates::fluent_bundle::FluentResource;
use refuge::domain::staff::Role;
use refuge::i18n::Language;

use crate::helpers::spawn_app;

/// One language's messages, from every `.ftl` file of its directory (each feature adds its
/// own file): key → the variables its text uses.
pub(crate) fn catalogue(language: Language) -> BTreeMap<String, BTreeSet<String>> {
    let directory = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("templates/locales")
        .join(language.code());
    let mut messages = BTreeMap::new();
    let mut found_in: BTreeMap<String, PathBuf> = BTreeMap::new();
    let files: Vec<_> = walk(directory)
        .into_iter()
        .filter(|path| path.extension().is_some_and(|e| e == "ftl"))
        .collect();
    assert!(!files.is_empty(), "no catalogue for {}", language.code());
    for file in files {
        let text = std::fs::read_to_string(&file).expect("readable catalogue");
        // A syntax error drops the message at runtime, and the reader gets English.
        if let Err((_, errors)) = FluentResource::try_new(text.clone()) {
            panic!("{} does not parse: {errors:?}", file.display());
        }
        for (key, variables) in messages_of(&text) {
            // Two files of one language with the same key stop the catalogues loading.
            if let Some(first) = found_in.insert(key.clone(), file.clone()) {
                panic!(
                    "{key} is in both {} and {}",
                    first.display(),
                    file.display()
                );
            }
            messages.insert(key, variables);
        }
    }
    messages
}

/// The messages of one file: each `key = ...` line with the lines that continue it.
fn messages_of(text: &str) -> Vec<(String, BTreeSet<String>)> {
    let mut messages: Vec<(String, BTreeSet<String>)> = Vec::new();
    for line in text.lines() {
        if let Some(key) = key_of(line) {
            messages.push((key, BTreeSet::new()));
        } else if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        if let Some((_, variables)) = messages.last_mut() {
            variables.extend(variables_in(line));
        }
    }
    messages
}

fn key_of(line: &str) -> Option<String> {
    let (key, _) = line.split_once(" =")?;
    let first = key.chars().next()?;
    (first.is_ascii_lowercase() && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
        .then(|| key.to_string())
}

fn variables_in(line: &str) -> impl Iterator<Item = String> + '_ {
    line.split('$').skip(1).map(|rest| {
        rest.chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
            .collect()
    })
}

fn english() -> BTreeSet<String> {
    catalogue(Language::En).into_keys().collect()
}

/// The check the issue asks for: any key missing in, or extra to, any language fails.
#[test]
fn every_language_has_exactly_the_english_keys() {
    let en = english();
    assert!(en.len() > 1000, "only {} English keys found", en.len());
    let mut problems = Vec::new();
    for language in Language::STAFF {
        let keys: BTreeSet<_> = catalogue(language).into_keys().collect();
        let missing: Vec<_> = en.difference(&keys).collect();
        let extra: Vec<_> = keys.difference(&en).collect();
        if !missing.is_empty() {
            problems.push(format!("missing in {}: {missing:?}", language.code()));
        }
        if !extra.is_empty() {
            problems.push(format!("only in {}: {extra:?}", language.code()));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// A translation that drops or misspells a variable shows the reader a gap or an error.
#[test]
fn every_translation_uses_the_english_variables() {
    let en = catalogue(Language::En);
    let mut problems = Vec::new();
    for language in Language::STAFF {
        for (key, variables) in catalogue(language) {
            if let Some(english) = en.get(&key).filter(|english| **english != variables) {
                problems.push(format!(
                    "{} {key}: {variables:?}, English {english:?}",
                    language.code()
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn messages_are_read_from_every_line_of_a_multiline_message() {
    let messages = messages_of(
        "# a comment with $nothing\nkey-one = { $count ->\n    [one] one\n   *[other] { $count } or { $max }\n}\nkey-two = Plain\n",
    );
    let count_and_max: BTreeSet<_> = ["count".to_string(), "max".to_string()].into();
    assert_eq!(
        messages,
        vec![
            ("key-one".to_string(), count_and_max),
            ("key-two".to_string(), BTreeSet::new())
        ]
    );
}

#[actix_web::test]
async fn a_staff_member_who_chooses_ukrainian_reads_the_staff_pages_in_ukrainian() {
    let app = spawn_app().await;
    let session = app.login_as(Role::Admin).await;

    let (_, account) = app.page(&session.client, "/account").await;
    for language in Language::STAFF {
        assert!(
            account.contains(&format!("<option value=\"{}\"", language.code())),
            "{} cannot be chosen: {account}",
            language.code()
        );
    }

    let response = app
        .post_form(&session.client, "/account/language", &[("language", "uk")])
        .await;
    assert_eq!(response.status(), 303);
    let (status, account) = app.page(&session.client, "/account").await;
    assert_eq!(status, 200);
    assert!(account.contains("<html lang=\"uk\">"), "{account}");
    assert!(account.contains("Мій обліковий запис"), "{account}");
    assert!(account.contains("Змінити пароль"), "{account}");
    assert!(!account.contains("Change password"), "{account}");

    let (_, staff) = app.page(&session.client, "/admin/staff").await;
    assert!(staff.contains("Додати працівника"), "{staff}");
}

/// Every quoted catalogue key in templates and sources exists in the catalogue.
#[test]
fn every_key_used_exists() {
    let en = english();
    let mut used = BTreeSet::new();
    let mut scan = |text: &str| {
        for piece in text.split('"').skip(1).step_by(2) {
            // Element ids such as "email-error" share a prefix with keys but are not keys.
            let is_html_id = piece.ends_with("-error")
                || piece.ends_with("-page")
                || piece.ends_with("-summary");
            let looks_like_key = !is_html_id
                && piece.contains('-')
                && piece
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
                && en
                    .iter()
                    .any(|k| k.split('-').next() == piece.split('-').next());
            if looks_like_key {
                used.insert(piece.to_string());
            }
        }
    };
    for dir in ["templates", "src"] {
        for entry in walk(Path::new(env!("CARGO_MANIFEST_DIR")).join(dir)) {
            if entry.extension().is_some_and(|e| e == "html" || e == "rs") {
                scan(&std::fs::read_to_string(&entry).expect("readable"));
            }
        }
    }
    let unknown: Vec<_> = used.iter().filter(|k| !en.contains(*k)).collect();
    assert!(
        unknown.is_empty(),
        "keys used but not in the catalogue: {unknown:?}"
    );
    assert!(used.len() > 50, "the scan found only {} keys", used.len());
}

/// The keys asked for by name: the literal argument of every `t("…")` / `x.t("…")` and
/// `Message::new("…")`, whatever its characters (a typo such as `inquiry-account_hint` is
/// not a key-shaped word, so the scan above skips it).
fn keys_asked_for(text: &str) -> Vec<String> {
    let literal = |rest: &str| rest.find('"').map(|end| rest[..end].to_string());
    let mut keys = Vec::new();
    for (at, call) in text.match_indices("t(\"") {
        let before = text[..at].chars().next_back();
        let is_t =
            before.is_none_or(|c| c == '.' || !(c.is_alphanumeric() || c == '_' || c == ':'));
        if is_t {
            keys.extend(literal(&text[at + call.len()..]));
        }
    }
    for (at, call) in text.match_indices("Message::new(\"") {
        keys.extend(literal(&text[at + call.len()..]));
    }
    keys
}

#[test]
fn keys_asked_for_are_read_from_calls_whatever_their_characters() {
    assert_eq!(
        keys_asked_for(
            r#"{{ ctx.t("inquiry-account_hint") }} t("a-b") Message::new("c-d").with("x", 1) .expect("no") text("no")"#
        ),
        ["inquiry-account_hint", "a-b", "c-d"]
    );
}

/// Every key a template or source asks for by name is in the English catalogues: a missing
/// one shows the reader "Unknown localization key".
#[test]
fn every_key_asked_for_by_name_exists() {
    let en = english();
    let mut asked = BTreeSet::new();
    for dir in ["templates", "src"] {
        for entry in walk(Path::new(env!("CARGO_MANIFEST_DIR")).join(dir)) {
            if entry.extension().is_some_and(|e| e == "html" || e == "rs") {
                let text = std::fs::read_to_string(&entry).expect("readable");
                asked.extend(keys_asked_for(&text));
            }
        }
    }
    let unknown: Vec<_> = asked.iter().filter(|k| !en.contains(*k)).collect();
    assert!(
        unknown.is_empty(),
        "keys asked for but not in the catalogue: {unknown:?}"
    );
    assert!(
        asked.len() > 500,
        "the scan found only {} keys",
        asked.len()
    );
}

fn walk(dir: PathBuf) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).expect("directory").flatten() {
        let path = entry.path();
        if path.is_dir() {
            files.extend(walk(path));
        } else {
            files.push(path);
        }
    }
    files
}
