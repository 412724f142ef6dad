//! The I-589 completeness check (issue 16): every item's field is an input of the intake page,
//! so the link the case page gives for a missing item lands on it; the case page says how many
//! items are ready and lists each missing one by part with that link: none for an intake that
//! fills everything, and each kind of missing item when it is blank. Runs on SQLite, and on
//! PostgreSQL with `REFUGE_TEST_POSTGRES_URL`.

use refuge::domain::codes::Relationship;
use refuge::domain::i589::{self, Facts, ITEMS};
use refuge::domain::intake::{FamilyMember, Intake};
use refuge::domain::staff::Role;

use crate::helpers::{Session, TestApp, complete_intake, saved_case_id, spawn_app};

/// The family rows of the draft below: one person of each repeated group, after a relative
/// the I-589 does not ask about (so rows and people's numbers differ).
const FAMILY: [(Relationship, &str); 5] = [
    (Relationship::Other, "other"),
    (Relationship::Spouse, "spouse"),
    (Relationship::Child, "child"),
    (Relationship::Parent, "parent"),
    (Relationship::Sibling, "sibling"),
];

#[actix_web::test]
async fn every_items_link_lands_on_an_input_of_the_intake_page() {
    let app = spawn_app().await;
    let lawyer = app.login_as(Role::Lawyer).await;
    let names: Vec<(String, String)> = FAMILY
        .iter()
        .enumerate()
        .flat_map(|(row, (_, code))| {
            [
                (format!("family.{row}.relationship"), (*code).to_string()),
                (format!("family.{row}.given_name"), format!("Person{row}")),
                (format!("family.{row}.row"), "new".to_string()),
            ]
        })
        .collect();
    let mut fields: Vec<(&str, &str)> = vec![
        ("client.family_name", "Kovalenko"),
        ("action", "save_draft"),
    ];
    fields.extend(names.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    let id = saved_case_id(&app.post_form(&lawyer.client, "/intake", &fields).await);
    let (status, page) = app
        .page(&lawyer.client, &format!("/cases/{id}/intake"))
        .await;
    assert_eq!(status, 200);

    let intake = Intake {
        family: FAMILY
            .iter()
            .map(|(relationship, _)| FamilyMember {
                relationship: Some(*relationship),
                ..Default::default()
            })
            .collect(),
        ..Default::default()
    };
    let items = i589::items(&Facts {
        intake: &intake,
        today: chrono::Utc::now().date_naive(),
        filed_on: None,
    });
    assert_eq!(items.len(), ITEMS.len(), "one person of each group");
    for item in &items {
        for field in &item.fields {
            assert!(
                page.contains(&format!(" id=\"{field}\"")),
                "{}: no input {field} on the intake page",
                item.number
            );
        }
    }
}

/// `fields` with `name` set to `value` (added if absent).
fn with(mut fields: Vec<(String, String)>, name: &str, value: &str) -> Vec<(String, String)> {
    match fields.iter_mut().find(|(k, _)| k == name) {
        Some((_, v)) => *v = value.to_string(),
        None => fields.push((name.to_string(), value.to_string())),
    }
    fields
}

/// Saves the intake and returns its case's id and the case page's completeness section.
async fn checked(
    app: &TestApp,
    lawyer: &Session,
    fields: &[(String, String)],
) -> (uuid::Uuid, String) {
    let pairs: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let id = saved_case_id(&app.post_form(&lawyer.client, "/intake", &pairs).await);
    let (status, page) = app.page(&lawyer.client, &format!("/cases/{id}")).await;
    assert_eq!(status, 200);
    let start = page
        .find("<div id=\"i589_check\"")
        .expect("the case page has the completeness check");
    let end = start + page[start..].find("</div>").expect("the section ends");
    (id, page[start..end].to_string())
}

/// The items a section lists as missing, as (number, link).
fn missing(section: &str) -> Vec<(String, String)> {
    section
        .split("<li><a href=\"")
        .skip(1)
        .filter_map(|li| {
            let (link, rest) = li.split_once('"')?;
            let number = rest.split("<code>").nth(1)?.split("</code>").next()?;
            Some((number.to_string(), link.to_string()))
        })
        .collect()
}

#[actix_web::test]
async fn an_intake_that_fills_everything_passes_the_check() {
    let app = spawn_app().await;
    let lawyer = app.login_as(Role::Lawyer).await;
    let (_, section) = checked(
        &app,
        &lawyer,
        &complete_intake(&lawyer.staff.id.to_string()),
    )
    .await;
    let total = ITEMS.len();
    assert!(
        section.contains(&format!("I-589: {total} of {total} items ready")),
        "{section}"
    );
    assert!(missing(&section).is_empty(), "{section}");
    assert!(section.contains("Every item of the I-589"), "{section}");
}

#[actix_web::test]
async fn each_kind_of_missing_item_is_listed_under_its_part_with_a_link_to_its_field() {
    let app = spawn_app().await;
    let lawyer = app.login_as(Role::Lawyer).await;
    let full = complete_intake(&lawyer.staff.id.to_string());
    // (what is changed, to what, the item found missing, the field its link opens, its part)
    let cases = [
        (
            "client.middle_name",
            "",
            "A.I.6",
            "client.middle_name",
            "Part A.I",
        ),
        ("client.sex", "", "A.I.10", "client.sex", "Part A.I"),
        (
            "applicant.religion",
            "",
            "A.I.17",
            "applicant.religion",
            "Part A.I",
        ),
        (
            "client.nationalities",
            "",
            "A.I.14",
            "client.nationalities",
            "Part A.I",
        ),
        (
            "client.native_name",
            "",
            "D.native_name",
            "client.native_name",
            "Part D",
        ),
        (
            "family.1.date_of_birth",
            "",
            "A.II.child.1.date_of_birth",
            "family.1.date_of_birth",
            "Part A.II",
        ),
        (
            "family.0.family_name",
            "",
            "A.II.spouse.1.family_name",
            "family.0.family_name",
            "Part A.II",
        ),
        (
            "family.0.last_entry_on",
            "",
            "A.II.spouse.1.last_entry_on",
            "family.0.last_entry_on",
            "Part A.II",
        ),
        (
            "family.1.location",
            "",
            "A.II.child.1.location",
            "family.1.location",
            "Part A.II",
        ),
        (
            "background.mother.birth_city",
            "",
            "A.III.5.mother",
            "background.mother.birth_city",
            "Part A.III",
        ),
        (
            "jobs.0.occupation",
            "",
            "A.III.4",
            "jobs.0.occupation",
            "Part A.III",
        ),
        (
            "claim_answers.grounds",
            "",
            "B.1",
            "claim_answers.grounds",
            "Part B",
        ),
        (
            "claim_answers.returned.answer",
            "",
            "C.4",
            "claim_answers.returned.answer",
            "Part C",
        ),
        (
            "claim_answers.returned.answer",
            "yes",
            "C.4",
            "claim_answers.returned.explanation",
            "Part C",
        ),
    ];
    let total = ITEMS.len();
    for (name, value, number, field, part) in cases {
        let fields = with(full.clone(), name, value);
        let (id, section) = checked(&app, &lawyer, &fields).await;
        assert_eq!(
            missing(&section),
            vec![(number.to_string(), format!("/cases/{id}/intake#{field}"))],
            "{name} = {value:?}: {section}"
        );
        let ready = total - 1;
        assert!(
            section.contains(&format!("I-589: {ready} of {total} items ready")),
            "{name}: {section}"
        );
        let heading = section.find(&format!("<h3>{part}:")).expect(part);
        assert!(
            heading < section.find("<li>").unwrap_or(0),
            "{name}: under {part}"
        );
    }
}

#[actix_web::test]
async fn items_a_rule_does_not_ask_and_typed_nones_are_ready() {
    let app = spawn_app().await;
    let lawyer = app.login_as(Role::Lawyer).await;
    let full = complete_intake(&lawyer.staff.id.to_string());
    // A former spouse with nothing but a name: the applicant is not married.
    let mut fields = with(full, "family.0.marital_status", "divorced");
    fields = with(fields, "applicant.marital_status", "divorced");
    fields = with(fields, "family.0.family_name", "");
    fields = with(fields, "family.0.date_of_birth", "");
    // No passport: its expiry is not asked.
    fields = with(fields, "client.passport_numbers", "NONE");
    fields = with(fields, "client.passport_expiry", "");
    // Entered without inspection: no I-94 and no status expiry.
    fields = with(fields, "entry.manner_of_entry", "without_inspection");
    fields = with(fields, "entry.i94_number", "");
    fields = with(fields, "entry.parole_expires_on", "");
    let (_, section) = checked(&app, &lawyer, &fields).await;
    let total = ITEMS.len();
    assert!(missing(&section).is_empty(), "{section}");
    assert!(
        section.contains(&format!("I-589: {total} of {total} items ready")),
        "{section}"
    );
}

#[actix_web::test]
async fn the_total_counts_every_person_on_file() {
    let app = spawn_app().await;
    let lawyer = app.login_as(Role::Lawyer).await;
    let mut fields = complete_intake(&lawyer.staff.id.to_string());
    for (name, value) in [
        ("row", "new"),
        ("relationship", "child"),
        ("given_name", "Petro"),
    ] {
        fields.push((format!("family.4.{name}"), value.to_string()));
    }
    let (id, section) = checked(&app, &lawyer, &fields).await;
    let child_items = ITEMS
        .iter()
        .filter(|def| def.group == i589::Group::Child)
        .count();
    let total = ITEMS.len() + child_items;
    // The second child, not in the US, has only a given name: every other item of a child
    // abroad is blank (a checkbox is never blank; the US stay is not asked).
    let listed = missing(&section);
    let expected: Vec<(String, String)> = ITEMS
        .iter()
        .filter(|def| def.group == i589::Group::Child)
        .filter(|def| def.rule != "checkbox: unticked is No")
        .filter(|def| !def.rule.ends_with("not in the U.S."))
        .filter(|def| !def.number.ends_with(".given_name"))
        .map(|def| {
            (
                def.number.replace("{n}", "2"),
                format!("/cases/{id}/intake#{}", def.fields[0].replace("{row}", "4")),
            )
        })
        .collect();
    assert!(expected.len() > 10, "{expected:?}");
    assert_eq!(listed, expected);
    let ready = total - listed.len();
    assert!(
        section.contains(&format!("I-589: {ready} of {total} items ready")),
        "{section}"
    );
}

/// The warnings a section lists, as (text, link).
fn warnings(section: &str) -> Vec<(String, String)> {
    section
        .split("<li class=\"warning\"><a href=\"")
        .skip(1)
        .filter_map(|li| {
            let (link, rest) = li.split_once("\">")?;
            let text = rest.split("</a>").next()?;
            Some((text.to_string(), link.to_string()))
        })
        .collect()
}

/// `everything` with native names for all, and C.5 answered as the arrival says (late).
fn consistent(lawyer_id: &str) -> Vec<(String, String)> {
    let mut fields = complete_intake(lawyer_id);
    for (row, native) in [
        "Андрій Коваленко",
        "Марія Коваленко",
        "Олена Шевчук",
        "Тарас Шевчук",
    ]
    .iter()
    .enumerate()
    {
        fields = with(fields, &format!("family.{row}.native_name"), native);
    }
    fields = with(fields, "claim_answers.filed_after_one_year.answer", "yes");
    with(
        fields,
        "claim_answers.filed_after_one_year.explanation",
        "Changed circumstances: the brother's arrest in 2026",
    )
}

#[actix_web::test]
async fn a_consistent_file_shows_no_warning() {
    let app = spawn_app().await;
    let lawyer = app.login_as(Role::Lawyer).await;
    let (_, section) = checked(&app, &lawyer, &consistent(&lawyer.staff.id.to_string())).await;
    assert_eq!(warnings(&section), vec![]);
    assert!(!section.contains("To check before filing"), "{section}");
}

#[actix_web::test]
async fn each_consistency_warning_is_shown_with_a_link_to_its_field() {
    let app = spawn_app().await;
    let lawyer = app.login_as(Role::Lawyer).await;
    let mut fields = consistent(&lawyer.staff.id.to_string());
    // The spouse without a native name.
    fields = with(fields, "family.0.native_name", "");
    // The child, married and still abroad, marked as a derivative.
    fields = with(fields, "family.1.marital_status", "married");
    fields = with(fields, "family.1.derivative", "on");
    // Arrived more than a year ago, and C.5 says no.
    fields = with(fields, "claim_answers.filed_after_one_year.answer", "no");
    // The list of entries has a later entry than the last arrival.
    fields = with(fields, "us_entries.0.arrived_on", "2025-07-01");
    // The brother written twice, born on another day the second time.
    for (name, value) in [
        ("row", "new"),
        ("relationship", "sibling"),
        ("family_name", "Shevchuk"),
        ("given_name", "Taras"),
        ("native_name", "Тарас Шевчук"),
        ("date_of_birth", "1993-10-09"),
    ] {
        fields.push((format!("family.4.{name}"), value.to_string()));
    }
    // The father in the family list, but not in Part A.III.5 (which has him UNKNOWN).
    for (name, value) in [
        ("row", "new"),
        ("relationship", "parent"),
        ("family_name", "Shevchuk"),
        ("given_name", "Ivan"),
        ("native_name", "Іван Шевчук"),
        ("sex", "male"),
    ] {
        fields.push((format!("family.5.{name}"), value.to_string()));
    }
    let (id, section) = checked(&app, &lawyer, &fields).await;
    let link = |field: &str| format!("/cases/{id}/intake#{field}");
    assert_eq!(
        warnings(&section),
        vec![
            (
                "Andriy Kovalenko: no name in the native alphabet".to_string(),
                link("family.0.native_name")
            ),
            (
                "Maria Kovalenko is marked to be included in the application but cannot be \
                 (married, 21 or over, or outside the U.S.)"
                    .to_string(),
                link("family.1.derivative")
            ),
            (
                "C.5 says the application is not filed more than a year after the last arrival, \
                 but the one-year deadline has passed"
                    .to_string(),
                link("claim_answers.filed_after_one_year.answer")
            ),
            (
                "The last arrival date (A.I.19c) is not the date of the most recent entry into \
                 the U.S. in the list of entries"
                    .to_string(),
                link("entry.last_arrival_on")
            ),
            (
                "Taras Shevchuk: the date of birth is written differently in two places"
                    .to_string(),
                link("family.4.date_of_birth")
            ),
            (
                "Ivan Shevchuk is a parent or sibling in the family list but not in Part A.III.5, \
                 which is what the I-589 prints: add them there"
                    .to_string(),
                link("background.father.full_name")
            ),
        ]
    );
    // Warnings do not make an item missing.
    assert!(missing(&section).is_empty(), "{section}");
}
