//! Issue 13, "names out of URLs": no URL Refuge generates — a link, a form's action, a
//! redirect — carries a client's name, A-number or date of birth, which would otherwise
//! land in proxy logs and browser histories. Walks the pages a lawyer visits for a client
//! with a distinctive name, A-number and birth date, searching for her by each.

use refuge::domain::staff::Role;

use crate::helpers::{Session, TestApp, spawn_app};

const FAMILY: &str = "Przybyszewska";
const GIVEN: &str = "Gwendolyn";
const NATIVE: &str = "Гвендолин Пшибышевская";
const A_NUMBER: &str = "A-246-813-579";
const BORN: &str = "1983-07-19";

/// What must never be in a URL, in the spellings a URL could carry it.
fn forbidden() -> Vec<String> {
    vec![
        FAMILY.to_lowercase(),
        GIVEN.to_lowercase(),
        "гвендолин".into(),
        "пшибышевская".into(),
        "246813579".into(),
        "246-813-579".into(),
        BORN.into(),
        "07/19/1983".into(),
        "19.07.1983".into(),
    ]
}

/// `%D0%93…` and `+` decoded, lower-cased: how a log reader would read the URL.
fn decoded(url: &str) -> String {
    let bytes = url.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' if i + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok();
                match hex.and_then(|hex| u8::from_str_radix(hex, 16).ok()) {
                    Some(byte) => {
                        out.push(byte);
                        i += 3;
                        continue;
                    }
                    None => out.push(b'%'),
                }
            }
            b'+' => out.push(b' '),
            byte => out.push(byte),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out)
        .replace("&amp;", "&")
        .to_lowercase()
}

/// Every URL a page links to, posts to or loads.
fn urls(html: &str) -> Vec<String> {
    let mut found = Vec::new();
    for attribute in ["href=\"", "action=\"", "formaction=\"", "src=\""] {
        for (at, _) in html.match_indices(attribute) {
            let start = at + attribute.len();
            if let Some(end) = html[start..].find('"') {
                found.push(html[start..start + end].to_string());
            }
        }
    }
    found
}

struct Walk<'a> {
    app: &'a TestApp,
    lawyer: &'a Session,
    seen: Vec<(String, String)>,
}

impl Walk<'_> {
    async fn visit(&mut self, path: &str) -> String {
        let (status, html) = self.app.page(&self.lawyer.client, path).await;
        assert_eq!(status, 200, "GET {path}");
        for url in urls(&html) {
            self.seen.push((format!("a URL on {path}"), url));
        }
        html
    }

    /// POSTs a form and follows its redirect, keeping the `Location`.
    async fn submit(&mut self, path: &str, fields: &[(&str, &str)]) -> String {
        let response = self.app.post_form(&self.lawyer.client, path, fields).await;
        assert_eq!(response.status(), 303, "POST {path}");
        let location = response
            .headers()
            .get("location")
            .and_then(|v| v.to_str().ok())
            .expect("Location")
            .to_string();
        self.seen
            .push((format!("the redirect of POST {path}"), location.clone()));
        self.visit(&location).await;
        location
    }
}

#[actix_web::test]
async fn no_url_on_the_pages_a_lawyer_visits_names_the_client() {
    let app = spawn_app().await;
    let lawyer = app.login_as(Role::Lawyer).await;
    let lawyer_id = lawyer.staff.id.to_string();
    let mut walk = Walk {
        app: &app,
        lawyer: &lawyer,
        seen: Vec::new(),
    };

    walk.visit("/intake").await;
    let case = walk
        .submit(
            "/intake",
            &[
                ("client.family_name", FAMILY),
                ("client.given_name", GIVEN),
                ("client.middle_name", "NONE"),
                ("client.native_name", NATIVE),
                ("client.date_of_birth", BORN),
                ("client.a_number", A_NUMBER),
                ("client.nationalities", "PL"),
                ("claim.kind", "affirmative"),
                ("claim.lawyer_id", &lawyer_id),
                ("action", "complete"),
            ],
        )
        .await;
    assert!(case.starts_with("/cases/"), "{case}");
    let case_page = walk.visit(&case).await;
    assert!(case_page.contains(FAMILY), "the page is about her");

    walk.visit("/").await;
    for list in [
        "/cases",
        "/cases?scope=all&nationality=PL&sort=deadline&dir=asc",
        "/cases?kind=affirmative",
    ] {
        let html = walk.visit(list).await;
        assert!(html.contains(FAMILY), "{list} lists her");
    }
    walk.visit(&format!("{case}/intake")).await;
    walk.visit(&format!("{case}/summary")).await;
    walk.visit(&format!("{case}/audit")).await;
    walk.visit("/reports/weekly").await;

    // The conflict check, and recording its outcome.
    let conflicts = walk.visit(&format!("{case}/conflicts")).await;
    assert!(conflicts.contains(FAMILY) || conflicts.contains(NATIVE));
    walk.submit(&format!("{case}/conflict-check"), &[("outcome", "clear")])
        .await;
    walk.submit(&format!("{case}/notes"), &[("body", "Called her back")])
        .await;

    // Searching for her by every way she can be found.
    for q in [
        format!("{GIVEN} {FAMILY}"),
        NATIVE.to_string(),
        A_NUMBER.to_string(),
        "246813579".to_string(),
        BORN.to_string(),
    ] {
        walk.visit("/search").await;
        let results = walk.submit("/search", &[("q", &q)]).await;
        let (_, html) = app.page(&lawyer.client, &results).await;
        if q != BORN {
            assert!(html.contains(&case[7..]), "searching {q} finds her");
        }
    }

    let leaks: Vec<String> = walk
        .seen
        .iter()
        .filter_map(|(where_, url)| {
            let readable = decoded(url);
            forbidden()
                .into_iter()
                .find(|secret| readable.contains(secret.as_str()))
                .map(|secret| format!("{where_}: {url} carries {secret}"))
        })
        .collect();
    assert!(leaks.is_empty(), "{}", leaks.join("\n"));
    assert!(
        walk.seen.len() > 100,
        "the walk saw {} URLs",
        walk.seen.len()
    );
}
