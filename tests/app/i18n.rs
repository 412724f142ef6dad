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
    keys(include_str!("../../templates/locales/en/main.ftl"))
}

#[test]
fn russian_has_exactly_the_english_keys() {
    let en = english();
    let ru = keys(include_str!("../../templates/locales/ru/main.ftl"));
    assert!(en.len() > 100, "only {} keys found", en.len());
    let missing: Vec<_> = en.difference(&ru).collect();
    let extra: Vec<_> = ru.difference(&en).collect();
    assert!(missing.is_empty(), "missing in Russian: {missing:?}");
    assert!(extra.is_empty(), "only in Russian: {extra:?}");
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
