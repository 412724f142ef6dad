//! The English and Russian catalogues are complete and every key the code uses exists.

use std::collections::BTreeSet;

fn keys(catalogue: &str) -> BTreeSet<String> {
    catalogue
        .lines()
        .filter_map(|line| {
            let (key, _) = line.split_once(" =")?;
            let first = key.chars().next()?;
            (first.is_ascii_lowercase()
                && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
            .then(|| key.to_string())
        })
        .collect()
}

fn english() -> BTreeSet<String> {
    let mut all = keys(include_str!("../../templates/locales/en/main.ftl"));
    all.extend(public_english());
    all.extend(keys(include_str!(
        "../../templates/locales/en/revisions.ftl"
    )));
    all
}

/// The keys of the public pages, which every public language has.
fn public_english() -> BTreeSet<String> {
    keys(include_str!("../../templates/locales/en/public.ftl"))
}

#[test]
fn every_public_language_has_every_public_key() {
    let en = public_english();
    assert!(en.len() > 50, "only {} public keys found", en.len());
    let all_english = english();
    for (language, catalogue) in [
        ("ru", include_str!("../../templates/locales/ru/public.ftl")),
        ("uk", include_str!("../../templates/locales/uk/public.ftl")),
        ("es", include_str!("../../templates/locales/es/public.ftl")),
    ] {
        let keys = keys(catalogue);
        let missing: Vec<_> = en.difference(&keys).collect();
        let unknown: Vec<_> = keys.difference(&all_english).collect();
        assert!(missing.is_empty(), "missing in {language}: {missing:?}");
        assert!(
            unknown.is_empty(),
            "not English keys, in {language}: {unknown:?}"
        );
    }
}

#[test]
fn russian_has_exactly_the_english_keys() {
    let en = english();
    let mut ru = keys(include_str!("../../templates/locales/ru/main.ftl"));
    ru.extend(keys(include_str!("../../templates/locales/ru/public.ftl")));
    ru.extend(keys(include_str!(
        "../../templates/locales/ru/revisions.ftl"
    )));
    assert!(en.len() > 100, "only {} keys found", en.len());
    let missing: Vec<_> = en.difference(&ru).collect();
    let extra: Vec<_> = ru.difference(&en).collect();
    assert!(missing.is_empty(), "missing in Russian: {missing:?}");
    assert!(extra.is_empty(), "only in Russian: {extra:?}");
}

/// The review of client revisions has its own file in each language, with the same keys.
#[test]
fn every_language_has_every_revision_key() {
    let en = keys(include_str!("../../templates/locales/en/revisions.ftl"));
    assert!(!en.is_empty());
    for (language, catalogue) in [
        (
            "ru",
            include_str!("../../templates/locales/ru/revisions.ftl"),
        ),
        (
            "uk",
            include_str!("../../templates/locales/uk/revisions.ftl"),
        ),
        (
            "es",
            include_str!("../../templates/locales/es/revisions.ftl"),
        ),
    ] {
        assert_eq!(keys(catalogue), en, "revisions.ftl in {language}");
    }
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
        for entry in walk(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(dir)) {
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

fn walk(dir: std::path::PathBuf) -> Vec<std::path::PathBuf> {
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
