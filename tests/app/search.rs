//! The search box and the conflict check through the front door: names across scripts and
//! spellings (the fixture table below), partial names, A-numbers, case references, what a
//! paralegal may see, and the conflict page with its recorded, audited outcome.

use diesel::prelude::*;
use refuge::auth::scope::{CaseScope, OfficeAccess};
use refuge::db::audit_log::AuditFilter;
use refuge::db::schema;
use refuge::db::search::{Candidate, LookupScope, TokenLookup, name_candidates};
use refuge::domain::staff::{Role, Staff};
use refuge::routes::cases::intake::form::IntakeForm;
use refuge::services::intake::{self, SavedCase};

use crate::helpers::{TestApp, spawn_app, statements_of};

/// Spellings of one name: each is stored for one client, and each must find all of them,
/// its own spelling first. `true` when the name is a family name, `false` for a given name.
const SPELLINGS: &[(bool, &[&str])] = &[
    (false, &["Евгений", "Yevgeniy", "Evgeny", "Evgenii"]),
    (false, &["Юлия", "Yulia", "Iuliia", "Julia"]),
    (true, &["Щербаков", "Shcherbakov", "Ščerbakov"]),
    (false, &["Олександр", "Oleksandr", "Aleksandr", "Alexander"]),
    (true, &["Гончаренко", "Honcharenko", "Goncharenko"]),
    (true, &["Ёлкин", "Yolkin", "Elkin"]),
    (true, &["Зеленський", "Zelenskyy", "Zelensky", "Zelenskiy"]),
    (false, &["Мар'яна", "Maryana", "Mariana"]),
    (true, &["Юсупов", "Yusupov", "Jusupow"]),
];

/// A filler for the other half of a fixture name that matches nothing in the table.
const FILLER_GIVEN: &str = "Tristan";
const FILLER_FAMILY: &str = "Fairweather";

fn form(pairs: &[(&str, &str)]) -> IntakeForm {
    IntakeForm::from_pairs(pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())))
}

/// Saves a draft intake with these fields, the lawyer of record and optional paralegal.
pub async fn save(
    app: &TestApp,
    lawyer: &Staff,
    paralegal: Option<&Staff>,
    fields: &[(&str, &str)],
) -> SavedCase {
    let lawyer_id = lawyer.id.to_string();
    let paralegal_id = paralegal.map(|p| p.id.to_string()).unwrap_or_default();
    let mut all: Vec<(&str, &str)> = fields.to_vec();
    all.push(("claim.lawyer_id", &lawyer_id));
    if paralegal.is_some() {
        all.push(("claim.paralegal_id", &paralegal_id));
    }
    let intake = form(&all).parse().expect("intake parses");
    intake::save(&app.state, lawyer, None, intake, false, None)
        .await
        .expect("intake saved")
}

/// One row of the results: case reference, match kind.
fn rows(html: &str) -> Vec<(String, String)> {
    html.split("<tr data-case=\"")
        .skip(1)
        .map(|row| {
            let reference = row[..row.find('"').unwrap()].to_string();
            let kind = row
                .split("data-match=\"")
                .nth(1)
                .map(|rest| rest[..rest.find('"').unwrap()].to_string())
                .unwrap_or_default();
            (reference, kind)
        })
        .collect()
}

/// Types `q` into the search box: `POST /search`, then the results page it redirects to.
async fn search(app: &TestApp, client: &reqwest::Client, q: &str) -> (u16, String) {
    let response = app.post_form(client, "/search", &[("q", q)]).await;
    assert_eq!(response.status(), 303, "search {q}");
    let location = location(&response);
    assert!(location.starts_with("/search/results/"), "{location}");
    let response = client.get(app.url(&location)).send().await.expect("search");
    let status = response.status().as_u16();
    (status, response.text().await.expect("body"))
}

fn location(response: &reqwest::Response) -> String {
    response
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .expect("Location")
        .to_string()
}

async fn found(app: &TestApp, client: &reqwest::Client, q: &str) -> Vec<(String, String)> {
    let (status, html) = search(app, client, q).await;
    assert_eq!(status, 200, "search {q}");
    rows(&html)
}

#[actix_web::test]
async fn every_spelling_finds_every_other_and_its_own_first() {
    let app = spawn_app().await;
    let lawyer = app.login_as(Role::Lawyer).await;
    let mut stored: Vec<Vec<(String, &str)>> = Vec::new();
    for (is_family, spellings) in SPELLINGS {
        let mut group = Vec::new();
        for spelling in *spellings {
            let (given, family) = if *is_family {
                (FILLER_GIVEN, *spelling)
            } else {
                (*spelling, FILLER_FAMILY)
            };
            let saved = save(
                &app,
                &lawyer.staff,
                None,
                &[("client.given_name", given), ("client.family_name", family)],
            )
            .await;
            group.push((saved.reference, *spelling));
        }
        stored.push(group);
    }

    let mut failures = Vec::new();
    for group in &stored {
        for (own, query) in group {
            let results = found(&app, &lawyer.client, query).await;
            let references: Vec<&str> = results.iter().map(|(r, _)| r.as_str()).collect();
            for (other, spelling) in group {
                if !references.contains(&other.as_str()) {
                    failures.push(format!("{query} does not find {spelling} ({references:?})"));
                }
            }
            match results.first() {
                Some((first, kind)) if first == own && kind == "exact" => {}
                other => failures.push(format!("{query}: first result is {other:?}, not {own}")),
            }
            // Nothing weaker than an equivalent name ranks above a stronger match.
            let order = [
                "exact",
                "transliteration",
                "equivalent",
                "similar",
                "prefix",
            ];
            let ranks: Vec<usize> = results
                .iter()
                .map(|(_, k)| order.iter().position(|o| o == k).unwrap_or(99))
                .collect();
            if ranks.windows(2).any(|w| w[0] > w[1]) {
                failures.push(format!("{query}: results out of order {results:?}"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[actix_web::test]
async fn a_result_matching_every_word_ranks_above_one_missing_a_word() {
    let app = spawn_app().await;
    let lawyer = app.login_as(Role::Lawyer).await;
    // Without the patronymic on file, a three-word query still finds him.
    let without = save(
        &app,
        &lawyer.staff,
        None,
        &[
            ("client.given_name", "Yevgeniy"),
            ("client.family_name", "Shcherbakov"),
        ],
    )
    .await;
    let with = save(
        &app,
        &lawyer.staff,
        None,
        &[
            ("client.given_name", "Yevgeniy"),
            ("client.middle_name", "Petrovich"),
            ("client.family_name", "Shcherbakov"),
        ],
    )
    .await;
    assert_eq!(
        found(&app, &lawyer.client, "Yevgeniy Petrovich Shcherbakov").await,
        vec![
            (with.reference, "exact".to_string()),
            (without.reference, "most_words".to_string())
        ]
    );
    // Two words must both match.
    assert!(
        found(&app, &lawyer.client, "Yevgeniy Fairweather")
            .await
            .is_empty()
    );
}

/// A token that finds exactly these keys (`t:` keys, also read as prefixes).
fn token(key: &str) -> TokenLookup {
    TokenLookup {
        translit: vec![format!("t:{key}")],
        prefixes: vec![format!("t:{key}")],
        ..TokenLookup::default()
    }
}

/// The client of a saved case.
async fn client_of(app: &TestApp, case: &SavedCase) -> uuid::Uuid {
    let id = case.id;
    app.state
        .db
        .run(move |conn| {
            Ok(refuge::db::cases::find(conn, id)?
                .expect("case")
                .client_id
                .0)
        })
        .await
        .expect("read")
}

/// When more people match than the index may propose, the strongest matches are proposed:
/// the same written name before a name the query only begins, and every word matched before
/// some; the index is read class by class and stops at the limit, or once enough people
/// match every word by their strongest keys.
#[actix_web::test]
async fn with_more_matches_than_room_the_strongest_are_proposed() {
    let app = spawn_app().await;
    let lawyer = app.login_as(Role::Lawyer).await;
    let mut others = Vec::new();
    for given in ["Anna", "Maria", "Olga"] {
        let case = save(
            &app,
            &lawyer.staff,
            None,
            &[
                ("client.given_name", given),
                ("client.family_name", "Shcherbakova"),
            ],
        )
        .await;
        others.push(client_of(&app, &case).await);
    }
    let pavel = save(
        &app,
        &lawyer.staff,
        None,
        &[
            ("client.given_name", "Pavel"),
            ("client.family_name", "Shcherbakov"),
        ],
    )
    .await;
    let pavel = client_of(&app, &pavel).await;
    let settled = |tokens: Vec<TokenLookup>, min_tokens: usize, enough: usize| {
        let scope = LookupScope {
            min_tokens,
            cases: CaseScope::for_work(&lawyer.staff),
            limit: 2,
            enough,
            ..LookupScope::default()
        };
        app.state.db.run(move |conn| {
            let found: Vec<Candidate> = name_candidates(conn, &tokens, &scope)?;
            Ok(found
                .into_iter()
                .map(|c| (c.person_id.0, c.matched, c.worst))
                .collect::<Vec<_>>())
        })
    };

    let candidates = |tokens, min_tokens| settled(tokens, min_tokens, 0);

    let found = candidates(vec![token("shcherbakov")], 1)
        .await
        .expect("looked up");
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(found[0], (pavel, 1, 1));
    assert!(others.contains(&found[1].0) && found[1].2 == 4, "{found:?}");

    let found = candidates(vec![token("olga"), token("shcherbakov")], 1)
        .await
        .expect("looked up");
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!((found[0].0, found[0].1), (others[2], 2));
    assert_eq!((found[1].0, found[1].1, found[1].2), (pavel, 1, 1));

    // Once enough people match every word by a written name, the names the words only begin
    // are not read: one word, and two where one of them may miss.
    let found = settled(vec![token("shcherbakov")], 1, 1)
        .await
        .expect("looked up");
    assert_eq!(found, vec![(pavel, 1, 1)]);
    let found = settled(vec![token("pavel"), token("shcherbakov")], 1, 1)
        .await
        .expect("looked up");
    assert_eq!(found, vec![(pavel, 2, 1)]);
    let found = candidates(vec![token("pavel"), token("shcherbakov")], 1)
        .await
        .expect("looked up");
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(others.contains(&found[1].0) && found[1].1 == 1, "{found:?}");
    // The same by dictionary names, the second class whose keys are one of the ranking's
    // own kinds (Equivalent).
    let dictionary = app
        .state
        .db
        .run(move |conn| {
            Ok(schema::name_keys::table
                .filter(schema::name_keys::person_id.eq(refuge::db::uuid::DbUuid(pavel)))
                .filter(schema::name_keys::key.like("c:%"))
                .select(schema::name_keys::key)
                .load::<String>(conn)?)
        })
        .await
        .expect("read");
    let pavel_by_dictionary = TokenLookup {
        canonical: Some(
            dictionary
                .into_iter()
                .find(|k| k.starts_with("c:pav"))
                .expect("Pavel's dictionary name"),
        ),
        ..TokenLookup::default()
    };
    let found = settled(vec![pavel_by_dictionary, token("shcherbakov")], 1, 1)
        .await
        .expect("looked up");
    assert_eq!(found, vec![(pavel, 2, 2)]);
    // Not enough such people: the weaker classes are read as before.
    let found = settled(vec![token("olga"), token("shcherbakov")], 1, 1)
        .await
        .expect("looked up");
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!((found[0].0, found[0].1, found[0].2), (others[2], 2, 4));
}

#[actix_web::test]
async fn full_names_partial_names_numbers_and_references() {
    let app = spawn_app().await;
    let lawyer = app.login_as(Role::Lawyer).await;
    let evgeny = save(
        &app,
        &lawyer.staff,
        None,
        &[
            ("client.given_name", "Yevgeniy"),
            ("client.family_name", "Shcherbakov"),
            ("client.native_name", "Евгений Щербаков"),
            ("client.a_number", "A-012-345-678"),
            ("client.date_of_birth", "1984-03-12"),
        ],
    )
    .await;
    let yulia = save(
        &app,
        &lawyer.staff,
        None,
        &[
            ("client.given_name", "Yulia"),
            ("client.family_name", "Fairweather"),
            ("client.a_number", "98765432"),
        ],
    )
    .await;
    // A family member is found too, with her principal applicant's case.
    let family = save(
        &app,
        &lawyer.staff,
        None,
        &[
            ("client.given_name", "Oleksandr"),
            ("client.family_name", "Honcharenko"),
            ("family.0.relationship", "spouse"),
            ("family.0.given_name", "Iuliia"),
            ("family.0.family_name", "Shcherbakova"),
            ("family.0.native_name", "Юлия Щербакова"),
        ],
    )
    .await;

    // Every word must match some word of the name, in any script.
    let refs = |rows: Vec<(String, String)>| rows.into_iter().map(|r| r.0).collect::<Vec<_>>();
    assert_eq!(
        refs(found(&app, &lawyer.client, "Evgenii Ščerbakov").await),
        vec![evgeny.reference.clone()]
    );
    assert_eq!(
        found(&app, &lawyer.client, "Евгений Щербаков").await,
        vec![(evgeny.reference.clone(), "exact".to_string())]
    );
    assert_eq!(
        refs(found(&app, &lawyer.client, "Юлия Щербакова").await),
        vec![family.reference.clone()]
    );
    assert!(
        !refs(found(&app, &lawyer.client, "Yulia Shcherbakov").await).contains(&yulia.reference),
        "Yulia Fairweather has no word matching Shcherbakov"
    );
    let (_, html) = search(&app, &lawyer.client, "Iuliia Shcherbakova").await;
    assert!(html.contains("Spouse"), "a family member says who she is");

    // Partial names: two letters begin a name, in either script.
    for typed in ["Shch", "Щерб", "Yev", "Евг"] {
        let results = found(&app, &lawyer.client, typed).await;
        assert!(
            results
                .iter()
                .any(|(r, k)| *r == evgeny.reference && k == "prefix"),
            "{typed}: {results:?}"
        );
    }
    assert!(
        refs(found(&app, &lawyer.client, "Yu").await).contains(&yulia.reference),
        "Yu begins Yulia"
    );
    let (status, html) = search(&app, &lawyer.client, "Ю").await;
    assert_eq!(status, 200);
    assert!(
        html.contains("at least two letters"),
        "one letter is too short"
    );

    // A-numbers with or without dashes, 9 or 8 digits.
    for typed in [
        "A-012-345-678",
        "A012345678",
        "012345678",
        "12345678",
        "012 345 678",
    ] {
        assert_eq!(
            found(&app, &lawyer.client, typed).await,
            vec![(evgeny.reference.clone(), "a_number".to_string())],
            "{typed}"
        );
    }
    for typed in ["98765432", "A-098-765-432"] {
        assert_eq!(
            refs(found(&app, &lawyer.client, typed).await),
            vec![yulia.reference.clone()],
            "{typed}"
        );
    }
    assert!(
        found(&app, &lawyer.client, "A-099-999-999")
            .await
            .is_empty()
    );

    // Case references, whole or without the R.
    let number = yulia.reference.rsplit('-').next().unwrap().to_string();
    let year_and_number = yulia.reference.trim_start_matches("R-").to_string();
    for typed in [
        yulia.reference.clone(),
        yulia.reference.to_lowercase(),
        year_and_number,
        number.clone(),
        number.trim_start_matches('0').to_string(),
    ] {
        assert_eq!(
            found(&app, &lawyer.client, &typed).await,
            vec![(yulia.reference.clone(), "reference".to_string())],
            "{typed}"
        );
    }

    // The header of every page has the search box.
    let home = lawyer
        .client
        .get(app.url("/"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        home.contains("action=\"/search\""),
        "search box in the header"
    );
}

#[actix_web::test]
async fn a_paralegal_never_sees_clients_not_assigned_to_them() {
    let app = spawn_app().await;
    let lawyer = app.login_as(Role::Lawyer).await;
    let paralegal = app.login_as(Role::Paralegal).await;
    let other = app
        .create_staff(Role::Paralegal, "other-para@office.example.org")
        .await;
    let theirs = save(
        &app,
        &lawyer.staff,
        Some(&paralegal.staff),
        &[
            ("client.given_name", "Yulia"),
            ("client.family_name", "Zelenska"),
            ("client.a_number", "A-111-222-333"),
        ],
    )
    .await;
    let not_theirs = save(
        &app,
        &lawyer.staff,
        Some(&other),
        &[
            ("client.given_name", "Iuliia"),
            ("client.family_name", "Zelenska"),
            ("client.a_number", "A-444-555-666"),
            ("family.0.relationship", "child"),
            ("family.0.given_name", "Yulia"),
            ("family.0.family_name", "Zelenska"),
        ],
    )
    .await;
    let unassigned = save(
        &app,
        &lawyer.staff,
        None,
        &[
            ("client.given_name", "Julia"),
            ("client.family_name", "Zelenska"),
        ],
    )
    .await;

    let refs = |rows: Vec<(String, String)>| rows.into_iter().map(|r| r.0).collect::<Vec<_>>();
    for query in ["Yulia Zelenska", "Zel", "Юлия"] {
        assert_eq!(
            refs(found(&app, &paralegal.client, query).await),
            vec![theirs.reference.clone()],
            "{query}"
        );
    }
    for query in [
        "A-444-555-666",
        not_theirs.reference.as_str(),
        unassigned.reference.as_str(),
    ] {
        assert!(
            found(&app, &paralegal.client, query).await.is_empty(),
            "{query}"
        );
    }
    let lawyer_sees = refs(found(&app, &lawyer.client, "Yulia Zelenska").await);
    assert_eq!(
        lawyer_sees.len(),
        4,
        "lawyers see every case: {lawyer_sees:?}"
    );

    // The office may open every case to paralegals.
    app.state
        .db
        .run(|conn| {
            Ok(refuge::db::office_settings::set_flag(
                conn,
                refuge::db::office_settings::PARALEGALS_SEE_ALL_CASES,
                true,
            )?)
        })
        .await
        .unwrap();
    let opened = refs(found(&app, &paralegal.client, "Yulia Zelenska").await);
    for reference in [
        &theirs.reference,
        &not_theirs.reference,
        &unassigned.reference,
    ] {
        assert!(opened.contains(reference), "{reference} in {opened:?}");
    }
}

/// Reading people by id, the last step of the search and of the conflict check, keeps to the
/// reader's scope by itself, whatever ids it is handed: a paralegal gets the client and the
/// family member of the case assigned to them and no one else's, names and cases alike; one
/// the office lets see every case still does not get a new inquiry from the public form.
#[actix_web::test]
async fn people_read_by_id_stay_within_the_readers_scope() {
    let app = spawn_app().await;
    let lawyer = app.login_as(Role::Lawyer).await;
    let paralegal = app.login_as(Role::Paralegal).await;
    let fields = [
        ("client.given_name", "Yulia"),
        ("client.family_name", "Zelenska"),
        ("family.0.relationship", "child"),
        ("family.0.given_name", "Petro"),
        ("family.0.family_name", "Zelenskyi"),
    ];
    let assigned = save(&app, &lawyer.staff, Some(&paralegal.staff), &fields).await;
    let other = save(&app, &lawyer.staff, None, &fields).await;
    let inquiry = save(&app, &lawyer.staff, None, &fields).await;
    // As the public form leaves a new inquiry: nobody assigned yet.
    let inquiry_id = inquiry.id;
    app.state
        .db
        .run(move |conn| {
            diesel::update(schema::cases::table.find(refuge::db::uuid::DbUuid(inquiry_id)))
                .set((
                    schema::cases::source.eq(refuge::db::cases::SOURCE_WEB_FORM),
                    schema::cases::lawyer_id.eq(None::<refuge::db::uuid::DbUuid>),
                ))
                .execute(conn)?;
            Ok(())
        })
        .await
        .expect("made a new inquiry");
    let (assigned, other, inquiry) = (
        client_of(&app, &assigned).await,
        client_of(&app, &other).await,
        client_of(&app, &inquiry).await,
    );
    let household = |client: uuid::Uuid| {
        app.state.db.run(move |conn| {
            let mut ids = vec![client];
            ids.extend(
                refuge::db::clients::family_names(conn, client)?
                    .into_iter()
                    .map(|(id, _)| id),
            );
            Ok(ids)
        })
    };
    let theirs = household(assigned).await.expect("read");
    let others = household(other).await.expect("read");
    let everyone: Vec<uuid::Uuid> = theirs
        .iter()
        .chain(&others)
        .copied()
        .chain(household(inquiry).await.expect("read"))
        .collect();
    assert_eq!(everyone.len(), 6);
    let read = |scope: CaseScope, of: CaseScope| {
        let ids = everyone.clone();
        app.state.db.run(move |conn| {
            let sorted = |mut ids: Vec<uuid::Uuid>| {
                ids.sort();
                ids
            };
            let named = refuge::db::search::named(conn, &scope, &ids)?;
            let names = sorted(named.iter().map(|p| p.person_id).collect());
            // Cases of the people another reader's names found, under this reader's scope.
            let found_by_other = refuge::db::search::named(conn, &of, &ids)?;
            let cases = refuge::db::search::with_cases(conn, &scope, found_by_other)?;
            let cases = sorted(cases.iter().map(|p| p.person.person_id).collect());
            let people = refuge::db::search::people(conn, &scope, &ids)?;
            let people = sorted(people.iter().map(|p| p.person.person_id).collect());
            Ok((names, cases, people))
        })
    };
    let lawyers = CaseScope::for_work(&lawyer.staff);
    let paralegals = CaseScope::for_work(&paralegal.staff);
    let mut all = everyone.clone();
    all.sort();
    let mut own = theirs.clone();
    own.sort();
    assert_eq!(
        read(lawyers, lawyers).await.expect("read"),
        (all.clone(), all.clone(), all)
    );
    assert_eq!(
        read(paralegals, lawyers).await.expect("read"),
        (own.clone(), own.clone(), own)
    );
    let office_wide = CaseScope::for_reader(
        &paralegal.staff,
        OfficeAccess {
            paralegals_see_all_cases: true,
        },
    );
    let mut but_the_inquiry: Vec<uuid::Uuid> = theirs.iter().chain(&others).copied().collect();
    but_the_inquiry.sort();
    assert_eq!(
        read(office_wide, lawyers).await.expect("read"),
        (
            but_the_inquiry.clone(),
            but_the_inquiry.clone(),
            but_the_inquiry
        )
    );
}

/// The rows of the conflict page: (case reference, same date of birth, row text).
fn conflict_rows(html: &str) -> Vec<(String, bool, String)> {
    html.split("<tr data-case=\"")
        .skip(1)
        .map(|row| {
            let reference = row[..row.find('"').unwrap()].to_string();
            let same = row.contains("data-same-dob=\"true\"");
            let text = row[..row.find("</tr>").unwrap()].to_string();
            (reference, same, text)
        })
        .collect()
}

#[actix_web::test]
async fn the_conflict_check_finds_people_across_scripts_and_records_its_outcome() {
    let app = spawn_app().await;
    let lawyer = app.login_as(Role::Lawyer).await;
    let paralegal = app.login_as(Role::Paralegal).await;
    // An earlier client whose wife is Юлия Щербакова, born 1990-02-03.
    let earlier = save(
        &app,
        &lawyer.staff,
        Some(&paralegal.staff),
        &[
            ("client.given_name", "Yevgeniy"),
            ("client.family_name", "Shcherbakov"),
            ("client.date_of_birth", "1984-03-12"),
            ("family.0.relationship", "spouse"),
            ("family.0.given_name", "Юлия"),
            ("family.0.family_name", "Щербакова"),
            ("family.0.date_of_birth", "1990-02-03"),
        ],
    )
    .await;
    // Same given name and birthday, another family name (a maiden name, perhaps).
    let same_day = save(
        &app,
        &lawyer.staff,
        None,
        &[
            ("client.given_name", "Julia"),
            ("client.family_name", "Petrova"),
            ("client.date_of_birth", "1990-02-03"),
        ],
    )
    .await;
    // Same given name, another family name and birthday: not a conflict candidate.
    let stranger = save(
        &app,
        &lawyer.staff,
        None,
        &[
            ("client.given_name", "Yulia"),
            ("client.family_name", "Ivanova"),
            ("client.date_of_birth", "1975-07-07"),
        ],
    )
    .await;
    // The new client: Iuliia Shcherbakova, born 1990-02-03, with a husband Евгений Щербаков.
    let new = save(
        &app,
        &lawyer.staff,
        None,
        &[
            ("client.given_name", "Iuliia"),
            ("client.family_name", "Shcherbakova"),
            ("client.date_of_birth", "1990-02-03"),
            ("family.0.relationship", "spouse"),
            ("family.0.native_name", "Евгений Щербаков"),
        ],
    )
    .await;
    let page = format!("/cases/{}/conflicts", new.id);

    let response = paralegal.client.get(app.url(&page)).send().await.unwrap();
    assert_eq!(response.status(), 403, "the conflict check is for lawyers");
    let response = lawyer.client.get(app.url(&page)).send().await.unwrap();
    assert_eq!(response.status(), 200);
    let html = response.text().await.unwrap();
    let rows = conflict_rows(&html);
    let wife = rows
        .iter()
        .find(|(r, _, text)| *r == earlier.reference && text.contains("Юлия"))
        .unwrap_or_else(|| panic!("the earlier client's wife is a match: {rows:?}"));
    assert!(wife.1, "same date of birth is flagged: {wife:?}");
    assert!(wife.2.contains("same date of birth"), "{}", wife.2);
    let husband = rows
        .iter()
        .find(|(r, _, text)| {
            *r == earlier.reference && text.contains("Yevgeniy") && !text.contains("Юлия")
        })
        .unwrap_or_else(|| panic!("Евгений Щербаков matches Yevgeniy Shcherbakov: {rows:?}"));
    assert!(!husband.1, "no birthday recorded, nothing flagged");
    assert!(
        rows.iter()
            .any(|(r, same, _)| *r == same_day.reference && *same),
        "one word and the same birthday is enough: {rows:?}"
    );
    assert!(
        !rows.iter().any(|(r, _, _)| *r == stranger.reference),
        "one common given name is not"
    );
    assert!(
        !rows.iter().any(|(r, _, _)| *r == new.reference),
        "the case's own people are not conflicts"
    );

    // Running the check is audited, without names.
    let searched = app
        .audit(AuditFilter {
            action: Some("case.conflict_searched".into()),
            ..AuditFilter::default()
        })
        .await;
    assert_eq!(searched.len(), 1);
    assert_eq!(
        searched[0].target_id.as_deref(),
        Some(new.id.to_string().as_str())
    );
    for name in ["Shcherbakov", "Щербаков", "Iuliia", "Юлия", "Petrova"] {
        assert!(
            !searched[0].details.contains(name),
            "{}",
            searched[0].details
        );
    }

    // The outcome: a conflict needs its reason; then it is recorded and audited.
    let action = format!("/cases/{}/conflict-check", new.id);
    let refused = app
        .post_form(
            &lawyer.client,
            &action,
            &[("outcome", "conflict"), ("reason", " ")],
        )
        .await;
    assert_eq!(refused.status(), 422);
    let refused = app
        .post_form(&lawyer.client, &action, &[("outcome", "maybe")])
        .await;
    assert_eq!(refused.status(), 422);
    let forbidden = app
        .post_form(&paralegal.client, &action, &[("outcome", "clear")])
        .await;
    assert_eq!(forbidden.status(), 403);
    let recorded = app
        .post_form(
            &lawyer.client,
            &action,
            &[
                ("outcome", "conflict"),
                ("reason", "Wife of an earlier client"),
            ],
        )
        .await;
    assert_eq!(recorded.status(), 303);
    let html = lawyer
        .client
        .get(app.url(&format!("{page}?recorded=1")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("data-status=\"conflict\""), "outcome shown");
    assert!(html.contains("Wife of an earlier client"));
    let recorded = app
        .post_form(&lawyer.client, &action, &[("outcome", "clear")])
        .await;
    assert_eq!(recorded.status(), 303);
    let case = app
        .state
        .db
        .run(move |conn| Ok(refuge::db::cases::find(conn, new.id)?))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(case.conflict_status, "clear");
    assert_eq!(
        case.conflict_checked_by.map(|id| id.0),
        Some(lawyer.staff.id.as_uuid())
    );
    let checked: Vec<String> = app
        .audit(AuditFilter {
            action: Some("case.conflict_checked".into()),
            ..AuditFilter::default()
        })
        .await
        .into_iter()
        .map(|row| row.details)
        .collect();
    assert_eq!(checked.len(), 2, "{checked:?}");
    assert!(checked[0].contains("clear") && checked[1].contains("conflict"));
    assert!(
        !checked.iter().any(|d| d.contains("Wife")),
        "no free text in the log"
    );
}

#[actix_web::test]
async fn past_fifty_results_the_page_says_to_narrow_the_search() {
    let app = spawn_app().await;
    let lawyer = app.login_as(Role::Lawyer).await;
    for i in 0..50 {
        let family = format!("Many{}", char::from(b'a' + (i % 26) as u8)).repeat(1 + i / 26);
        save(
            &app,
            &lawyer.staff,
            None,
            &[
                ("client.given_name", "Zinaida"),
                ("client.family_name", &family),
            ],
        )
        .await;
    }
    // The 51st matches only as a name the query begins: fifty by the strongest keys are not
    // enough to stop looking, or the page would not know there are more.
    save(
        &app,
        &lawyer.staff,
        None,
        &[
            ("client.given_name", "Anna"),
            ("client.family_name", "Zinaidakis"),
        ],
    )
    .await;
    let (_, html) = search(&app, &lawyer.client, "Zinaida").await;
    assert_eq!(rows(&html).len(), 50);
    assert!(
        html.contains("Only the best 50 are shown and more people match: add a word"),
        "{html}"
    );
    let (_, one) = search(&app, &lawyer.client, "Manyz").await;
    assert!(one.contains("1 match"), "{one}");
    assert!(!one.contains("Only the best"));
}

#[actix_web::test]
async fn a_cleared_conflict_check_offers_the_move_to_consultation() {
    let app = spawn_app().await;
    let lawyer = app.login_as(Role::Lawyer).await;
    let case = save(
        &app,
        &lawyer.staff,
        None,
        &[("client.family_name", "Clearova")],
    )
    .await;
    refuge::services::cases::transition(
        &app.state,
        &lawyer.staff,
        case.id,
        refuge::domain::case_stage::CaseStage::ConflictCheck,
        String::new(),
        None,
        None,
    )
    .await
    .unwrap();
    let page = format!("/cases/{}/conflicts", case.id);
    let offer = format!("action=\"/cases/{}/stage\"", case.id);
    let html = |app: &TestApp| {
        let request = lawyer.client.get(app.url(&page));
        async move { request.send().await.unwrap().text().await.unwrap() }
    };
    assert!(
        !html(&app).await.contains(&offer),
        "not before it is cleared"
    );
    let action = format!("/cases/{}/conflict-check", case.id);
    let recorded = app
        .post_form(&lawyer.client, &action, &[("outcome", "clear")])
        .await;
    assert_eq!(recorded.status(), 303);
    assert!(html(&app).await.contains(&offer));
    let moved = app
        .post_form(
            &lawyer.client,
            &format!("/cases/{}/stage", case.id),
            &[("to", "consultation")],
        )
        .await;
    assert_eq!(moved.status(), 303);
    let case_page = lawyer
        .client
        .get(app.url(&format!("/cases/{}", case.id)))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(case_page.contains("Consultation"));
    assert!(
        !html(&app).await.contains(&offer),
        "not once it has moved on"
    );
}

/// Issue 13: the search box posts; its results page's URL is an opaque id that holds no
/// name, works again on reload, and is nothing to another session.
#[actix_web::test]
async fn a_search_carries_no_name_in_its_urls_and_its_results_belong_to_the_session() {
    let app = spawn_app().await;
    let lawyer = app.login_as(Role::Lawyer).await;
    let saved = save(
        &app,
        &lawyer.staff,
        None,
        &[
            ("client.family_name", "Wojciechowska"),
            ("client.given_name", "Ksenia"),
        ],
    )
    .await;

    let response = app
        .post_form(&lawyer.client, "/search", &[("q", "Wojciechowska Ksenia")])
        .await;
    assert_eq!(response.status(), 303);
    let results = location(&response);
    assert!(!results.contains("Wojciechowska") && !results.contains("Ksenia"));
    let id = results
        .strip_prefix("/search/results/")
        .expect("a results page");
    assert!(id.parse::<uuid::Uuid>().is_ok(), "an opaque id: {results}");
    for _ in 0..2 {
        let (status, html) = app.page(&lawyer.client, &results).await;
        assert_eq!(status, 200);
        assert!(
            rows(&html)
                .iter()
                .any(|(reference, _)| *reference == saved.reference),
            "{html}"
        );
        assert!(html.contains("<form method=\"post\" action=\"/search\""));
    }

    // Another session, even of the same person, finds nothing behind the id.
    let other = app.login(&lawyer.staff.email, &lawyer.password).await;
    let (status, html) = app.page(&other, &results).await;
    assert_eq!(status, 200);
    assert!(rows(&html).is_empty() && !html.contains("Wojciechowska"));
    assert!(html.contains("Search again"));

    // A `q` in the URL is not read; an empty box goes back to the empty page.
    let (status, html) = app.page(&lawyer.client, "/search?q=Wojciechowska").await;
    assert_eq!(status, 200);
    assert!(rows(&html).is_empty());
    let response = app
        .post_form(&lawyer.client, "/search", &[("q", "  ")])
        .await;
    assert_eq!(location(&response), "/search");

    // A control character is refused at the box, with what was typed kept.
    let response = app
        .post_form(&lawyer.client, "/search", &[("q", "Ivan\u{0}ov")])
        .await;
    assert_eq!(response.status(), 422);
    let html = response.text().await.expect("body");
    assert!(crate::helpers::field_error(&html, "q").is_some(), "{html}");
}

/// A client's search keys are replaced in two statements however many people and keys
/// there are: on PostgreSQL each statement is a round trip, and a client has a score of keys.
#[actix_web::test]
async fn a_clients_search_keys_are_replaced_in_two_statements() {
    let app = spawn_app().await;
    let lawyer = app.login_as(Role::Lawyer).await;
    let (case_id, _) = app.draft_case(&lawyer.staff, "Kovalenko").await;
    let (statements, keys) = app
        .state
        .db
        .run(move |conn| {
            let client = refuge::db::cases::find(conn, case_id)?
                .expect("the case")
                .client_id
                .0;
            let relative = uuid::Uuid::new_v4();
            let people = [
                (client, vec!["kovalenko".to_string(), "yulia".to_string()]),
                (
                    relative,
                    vec!["kovalenko".into(), "petro".into(), "petr".into()],
                ),
            ];
            let (statements, replaced) = statements_of(conn, |conn| {
                refuge::db::name_keys::replace_for_client(conn, client, &people)
            });
            replaced?;
            let mut keys: Vec<(String, String)> = schema::name_keys::table
                .filter(schema::name_keys::client_id.eq(refuge::db::uuid::DbUuid(client)))
                .select((schema::name_keys::person_id, schema::name_keys::key))
                .load::<(refuge::db::uuid::DbUuid, String)>(conn)?
                .into_iter()
                .map(|(person, key)| {
                    let who = if person.0 == client {
                        "client"
                    } else {
                        "relative"
                    };
                    (who.to_string(), key)
                })
                .collect();
            keys.sort();
            Ok((statements, keys))
        })
        .await
        .unwrap();
    assert_eq!(statements, 2);
    let expected: Vec<(String, String)> = [
        ("client", "kovalenko"),
        ("client", "yulia"),
        ("relative", "kovalenko"),
        ("relative", "petr"),
        ("relative", "petro"),
    ]
    .iter()
    .map(|(w, k)| (w.to_string(), k.to_string()))
    .collect();
    assert_eq!(keys, expected);
}
