//! The I-589 completeness check (issue 16): every item's field is an input of the intake page,
//! so the link the case page gives for a missing item lands on it. Runs on SQLite, and on
//! PostgreSQL with `REFUGE_TEST_POSTGRES_URL`.

use refuge::domain::codes::Relationship;
use refuge::domain::i589::{self, Facts, ITEMS};
use refuge::domain::intake::{FamilyMember, Intake};
use refuge::domain::staff::Role;

use crate::helpers::spawn_app;

fn case_id(response: &reqwest::Response) -> uuid::Uuid {
    assert_eq!(response.status(), 303, "the intake is saved");
    response
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .and_then(|l| l.strip_prefix("/cases/"))
        .and_then(|id| id.parse().ok())
        .expect("the intake leads to its case")
}

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
    let id = case_id(&app.post_form(&lawyer.client, "/intake", &fields).await);
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
